"""What a line of text is, read from its first words: an action (an instruction or a sentence
whose subject performs something), a question, or data (a quantity, a name, a definition).

Failure class 4 of the recognition issue: lists of reagents, settings, field values and
definitions under a step are the step's content, not steps. Without a trained tagger, a word's
class comes from the lookup tables of spacy-lookups-data (WordNet's verbs for English, the
Indonesian root list and its affixes through `soplint.language.morphology`). Every test says
`None` when it cannot tell (a language it has no tables for), and callers fall back on the
document's structure.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from soplint.language import morphology
from soplint.language.english import verb_form

_WORD = re.compile(r"[^\W\d_]+(?:[-'’][^\W\d_]+)*")
# A leading quantity: "20uL MgSO4", "(3) plates:", "1.5 mL", "x2", "100 %".
_QUANTITY = re.compile(r"^\(?\s*[\d.,/]+\s*\)?\s*(?:[^\W\d_]{0,3}\b|%|°)", re.UNICODE)
_PARENTHESIS = re.compile(r"\([^()]*\)|\[[^\[\]]*\]")
_LABEL = re.compile(r"^(?P<label>[^:：–—]{1,60}?)(?:[:：]|\s[–—-]\s)\s*(?P<rest>.*)$",
                    re.DOTALL)
# Words that may open an English instruction before its verb.
_EN_OPENERS = frozenset({
    "then", "next", "now", "first", "second", "third", "finally", "also", "please", "again",
    "optionally", "afterwards", "lastly", "once", "immediately",
})
_EN_FUNCTION = frozenset({
    "the", "a", "an", "all", "any", "each", "every", "your", "its", "their", "this", "that",
    "these", "those", "it", "them", "to", "with", "from", "on", "in", "into", "onto", "at",
    "for", "by", "whether", "if", "up", "down", "out", "off", "over", "back", "only", "one",
    "both", "until", "through", "about", "as", "some", "no", "our", "my", "his", "her",
    "not",
})
_EN_ARTICLES = frozenset({"the", "a", "an", "your", "all", "each", "both"})
# "Make sure ...", "Make certain ...": the verb's complement, never a subject's noun.
_EN_SURE = frozenset({"sure", "certain"})
_EN_PAST_COMPLEMENTS = frozenset({"based", "according", "via", "per", "using", "within"})
_EN_CLAUSE = frozenset({"if", "when", "once", "after", "before", "while", "where", "upon",
                        "for", "at", "in", "on", "during", "within", "prior", "until", "unless"})
_EN_MODALS = frozenset({"must", "shall", "will", "should", "may", "can", "needs", "need"})
_EN_BE = frozenset({"is", "are", "be", "been", "being", "was", "were", "gets", "get"})
_EN_NOT_SUBJECT = frozenset({
    "if", "when", "once", "after", "before", "while", "as", "because", "since", "and", "or",
    "to", "of", "for", "with", "in", "on", "at", "by", "from", "there", "it", "this", "that",
})
_ID_NOT_SUBJECT = frozenset({
    "yang", "ke", "di", "dari", "kepada", "untuk", "dengan", "oleh", "pada", "dan", "serta",
    "atau", "jika", "bila", "apabila", "setelah", "sebelum", "saat", "ketika", "kemudian",
    "lalu", "selanjutnya", "dalam", "agar", "supaya", "setiap", "semua", "seluruh",
})
_ID_CLAUSE = frozenset({"jika", "bila", "apabila", "setelah", "sebelum", "saat", "ketika",
                        "bilamana", "sesudah"})
_ID_MODALS = re.compile(r"(?:\s+(?:akan|harus|wajib|dapat|bisa|perlu|segera|lalu|kemudian))+$",
                        re.IGNORECASE)
_ID_CONTINUING = frozenset({"dilanjutkan", "kemudian", "lalu", "selanjutnya", "lanjutkan"})
_ID_IMPERATIVE_SUFFIXES = ("kan", "i", "lah")
# Where a bare verb of movement or state goes or is ("datang ke", "duduk di", "tiba dari").
_ID_PLACE = frozenset({"ke", "di", "dari", "kepada", "pada", "dengan", "menuju"})
_SUBJECT_SPAN = 6
# A passive right after an opening root makes the root its subject ("Berkas diserahkan");
# one word further it may as well qualify the object of an imperative ("Periksa berkas
# diterima dari pemohon"), which stays an instruction.
_ID_PASSIVE_REACH = 2
# The agent ends before a preposition or conjunction ("oleh petugas sesuai nomor antrian").
_AFTER_AGENT = (r"dengan|untuk|dan|sesuai|di|ke|pada|dari|kepada|melalui|menggunakan|secara|"
                r"setelah|sebelum|selama|dalam|yang|jika|bila|apabila|sebagai|serta|atau|agar|"
                r"hingga|sampai|with|and|to|in|on|at|for")
_BY_AGENT = re.compile(r"\b(?:oleh|by)\s+(?:the\s+)?(?P<agent>[^\W\d_][\w/&' -]{1,60}?)"
                       rf"(?=\s*(?:[,.;:()]|$|\s(?:{_AFTER_AGENT})\b))",
                       re.IGNORECASE)


_AGENT_HEAD = re.compile(
    r"(?:er|or|ist|ant|ent|ian|ee|man|men|yst|ers|ors|ists|ants|ents|ians|ees|ysts)$|"
    r"^(?:team|teams|staff|system|systems|unit|department|office|committee|board|bot|chatbot|"
    r"lead|leads|owner|owners|personnel|desk|centre|center|service|services|group|clerk|"
    r"clerks|nurse|nurses|chief|head|heads|secretary|secretariat|admin|admins|crew|guard|"
    r"guards|midwife|midwives|pic|support|operations|procurement|purchasing|finance|"
    r"accounting|facilities|maintenance|production|engineering|warehouse|logistics|legal|"
    r"compliance|helpdesk|servicedesk)$")
# A unit named by its initials as the subject of an active verb ("QA reviews", "HR sends").
_INITIALS = re.compile(r"^(?!(?:SOP|PDF|FAQ|ID|NB|URL|KPI|SLA)s?$)[A-Z][A-Z&]{1,5}$")


def agent_noun(word: str) -> bool:
    """Whether a subject's head word names who acts: an agent noun ("Analyst", "Supervisor"),
    a unit ("Team", "Support", "Desk") or initials ("QA", "HR"), not a thing ("Changes")."""
    head = word.lower()
    return bool((_AGENT_HEAD.search(head) and not head.endswith(("ment", "ments", "ance",
                                                                 "ence")))
                or _INITIALS.match(word))


def names_agent(name: str, language: str) -> bool:
    """Whether a name's head names who acts: its last word in English ("Training
    Coordinator"); its first in Indonesian, an agent noun of peN- without a suffix
    ("Petugas Rekam Medis", "Pemohon", not "Pemeriksaan") or with an agent noun's ending
    ("Dokter", "Koordinator Mutu")."""
    words = name.split()
    if not words:
        return False
    if language != "id":
        return agent_noun(words[-1])
    analysis = morphology.analyse(words[0].lower())
    return agent_noun(words[0]) or (analysis is not None and analysis.prefix == "peN"
                                    and not analysis.suffix)


@dataclass(frozen=True)
class Reading:
    """How a line reads: an `action` (True), not one (False) or either (None: "Disconnect
    affected systems" and "Web application firewalls" open alike); its `subject` when it
    names one ("Partner sends ..."), whether the subject is left out (`elided`: "Verifies
    ...", an English third-person verb that continues the previous step's subject),
    `passive`, and `gerund` ("Disabling the accounts")."""

    action: bool | None
    subject: str = ""
    elided: bool = False
    passive: bool = False
    gerund: bool = False


def _words(text: str) -> list[re.Match[str]]:
    return list(_WORD.finditer(text))


def is_question(text: str) -> bool:
    """Whether the line asks something rather than instructs."""
    return text.rstrip().endswith(("?", "？"))


def is_quantity(text: str) -> bool:
    """Whether the line opens with an amount ("20uL MgSO4", "(3) plates: ...")."""
    return bool(_QUANTITY.match(text.strip())) and not text.strip()[:1].isalpha()


def split_label(text: str) -> tuple[str, str]:
    """("Label", "rest") for a "Label: rest" or "Label – rest" line whose label is a short
    phrase, else ("", text)."""
    match = _LABEL.match(text.strip())
    if match is None:
        return "", text
    label = match["label"].strip()
    if len(label.split()) > 6 or label.endswith((".", ";")) or "http" in label.lower():
        return "", text
    return label, match["rest"].strip()


def read_line(text: str, language: str) -> Reading | None:
    """The reading of one line, or None when the language has no word tables here."""
    clean = _PARENTHESIS.sub(" ", text).strip(" \t-–—•*")
    if language == "en":
        return _read_english(clean)
    if language == "id":
        return _read_indonesian(clean)
    return None


def _read_english(text: str) -> Reading:
    words = _words(text)
    start = 0
    while start < len(words) and (words[start].group().lower() in _EN_OPENERS
                                  or words[start].group().lower().endswith("ly")):
        start += 1
    if start < len(words) and words[start].group().lower() in _EN_CLAUSE:
        comma = min((i for i in (text.find(",", words[start].end()),
                                 text.find("→", words[start].end())) if i > 0), default=-1)
        if comma > 0:  # "If the build fails, the developer reverts ...": read the main clause
            rest = _read_english(text[comma + 1:])
            if rest.action or rest.action is None:
                return rest
    if start >= len(words):
        return Reading(False)
    first = words[start].group()
    form = verb_form(first)
    following = words[start + 1] if start + 1 < len(words) else None
    nxt = following.group().lower() if following else ""
    imperative = form is not None and form.base and (nxt in _EN_ARTICLES | _EN_SURE
                                                     or not form.noun)
    if not imperative and (form is None or (form.noun and not form.gerund and (
            not form.third or nxt in _EN_MODALS | _EN_BE))):
        subject = _english_subject(text, words, start)
        if subject.action:
            return subject
    if form is None:  # a verb the word list lacks ("Vortex the tubes", "Parafilm the plate")
        return Reading(first[:1].isupper() and nxt in _EN_ARTICLES
                       and first.lower() not in _EN_FUNCTION | _EN_NOT_SUBJECT)
    if form.base:
        number_next = text[words[start].end():].lstrip()[:1].isdigit()
        if not form.noun or nxt in _EN_FUNCTION | _EN_SURE or nxt.endswith("ly") \
                or number_next:
            return Reading(True)  # "... the", "... gently", "Place 990uL of ..."
        between = text[words[start].end():following.start()] if following else ""
        if following is not None and ((following.group().isupper() and len(nxt) > 1)
                                      or any(q in between for q in "‘“'\"")):
            return Reading(True)  # "Click OK", "Select ‘Edit Carrier’"
        return Reading(None if following is not None else False)
    if form.gerund:
        return Reading(nxt not in _EN_BE, gerund=True)
    if form.past and (nxt in _EN_FUNCTION or nxt in _EN_PAST_COMPLEMENTS):
        return Reading(True, passive=True)  # "Sent to RM vendor.", "Created based on ..."
    if form.third:
        if not form.noun and nxt:
            return Reading(True, elided=True)
        if nxt in _EN_FUNCTION:
            return Reading(True, elided=True)
        return Reading(None if nxt and nxt not in ("and", "of") else False)
    return Reading(False)


def _english_subject(text: str, words: list[re.Match[str]], start: int) -> Reading:
    """"<noun phrase> <verb>s ...", "<nouns> <verb> ...", "<noun phrase> must <verb>",
    "<agent> to <verb>" (an action item: "QA to review the record");
    "<noun phrase> is <verb>ed" is a passive (the noun phrase is then no actor)."""
    if _not_subject(words[start].group(), text):
        return Reading(False)
    for i in range(start + 1, min(len(words), start + _SUBJECT_SPAN)):
        word = words[i].group()
        lowered = word.lower()
        nxt = words[i + 1].group().lower() if i + 1 < len(words) else ""
        after = verb_form(nxt) if nxt else None
        subject = _strip_article(text[words[start].start():words[i].start()].strip())
        if lowered == "to" and nxt != "be" and after is not None and after.base \
                and _names_agent(words[start:i]):
            return Reading(True, subject=subject)  # "Lab technician to record ..."
        if _not_subject(word, text) or re.search(r"[,;:]", text[words[start].end():
                                                                 words[i].start()]):
            return Reading(False)
        if lowered in _EN_MODALS and after is not None:
            if nxt == "be":
                return Reading(True, passive=True)
            if after.base:
                return Reading(True, subject=subject)
        if lowered in _EN_BE:
            return Reading(bool(after is not None and after.past), passive=True)
        form = verb_form(word)
        if form is None or (form.noun and nxt in _EN_BE):
            continue
        if form.third and form.noun and after is not None and after.base and not (
                after.noun or after.third) and _verb_continues(words, i + 1, text):
            # "The resolver teams restore the ...": a plural noun, then the verb
            return Reading(True, subject=_strip_article(
                text[words[start].start():words[i].end()]))
        plain_subject = all(verb_form(w.group()) is None or (k > start and w.group().istitle())
                            for k, w in enumerate(words[start:i], start))  # a role's name
        if form.third and subject and (not form.noun or (nxt and plain_subject)
                                       or _verb_continues(words, i, text)):
            return Reading(True, subject=subject)
        previous = words[i - 1].group().lower()
        if form.base and previous.endswith("s") and verb_form(previous) is None \
                and _verb_continues(words, i, text):
            return Reading(True, subject=subject)  # "RM vendors dispatch RM to ..."
    return Reading(False)


def _names_agent(words: list[re.Match[str]]) -> bool:
    """Whether words name a performer: an agent noun at their head, and no verb among them
    but in a capitalised name ("Service Desk Analyst", not "use funnel-cylinder")."""
    return agent_noun(words[-1].group()) and all(
        verb_form(w.group()) is None or w.group()[:1].isupper() for w in words)


def _not_subject(word: str, text: str) -> bool:
    """A word no subject holds ("if", "to", "it"); "IT" in capitals in a line that is not
    all capitals is a unit's initials ("IT Support creates ...")."""
    initials = len(word) > 1 and word.isupper() and not text.isupper()
    return word.lower() in _EN_NOT_SUBJECT and not initials


def _verb_continues(words: list[re.Match[str]], i: int, text: str) -> bool:
    """Whether what follows word `i` reads like a verb's object or complement: an article or
    preposition, another verb after "and", a capitalised name, or the end of a lead-in
    ("Manufacturer records:")."""
    if i + 1 >= len(words):
        return text.rstrip().endswith((":", "："))
    nxt = words[i + 1].group()
    if nxt.lower() == "and" and i + 2 < len(words):
        joined = verb_form(words[i + 2].group())
        return joined is not None and joined.third
    return nxt.lower() in _EN_FUNCTION or nxt[:1].isupper()


def _strip_article(text: str) -> str:
    return re.sub(r"^(?:the|a|an)\s+", "", text, flags=re.IGNORECASE).strip()


def _read_indonesian(text: str) -> Reading:
    words = _words(text)
    if not words:
        return Reading(False)
    first = words[0].group().lower()
    if first in _ID_CLAUSE and "," in text:  # "Jika ada tamu baru, sistem akan menampilkan"
        rest = _read_indonesian(text[text.index(",") + 1:])
        if rest.action:
            return rest
    if first in _ID_CONTINUING:  # "Dilanjutkan membaca ...": the same performer goes on
        return Reading(True, elided=True)
    if morphology.is_active_verb(first):
        return Reading(True)
    if morphology.is_passive_verb(first):
        return Reading(True, passive=True)
    if (_imperative(first) or _bare_verb(words, 0, text)) and not _title_case(words) \
            and not _defines(words) and not _subject_of_passive(words):
        return Reading(True)
    for i in range(1, min(len(words), _SUBJECT_SPAN)):
        word = words[i].group().lower()
        between = text[words[0].start():words[i].start()]
        if word in _ID_NOT_SUBJECT or first in _ID_NOT_SUBJECT or re.search(r"[,;:]", between):
            break
        if morphology.is_active_verb(word) or _bare_verb(words, i, text):
            subject = _ID_MODALS.sub("", between.strip())  # "sistem akan menampilkan"
            return Reading(True, subject=subject)
        if morphology.is_passive_verb(word):
            return Reading(True, passive=True)
    return Reading(False)


def _bare_verb(words: list[re.Match[str]], i: int, text: str) -> bool:
    """Word `i` is a bare intransitive verb ("datang", "kembali") followed by where it goes or
    is, or ending the sentence ("Pasien pulang."); not one that qualifies a noun ("surat
    masuk dicatat", "barang keluar dari gudang dicatat": a passive follows in the clause)."""
    if not morphology.is_bare_verb(words[i].group()):
        return False
    if i + 1 >= len(words):
        return text[words[i].end():].strip() == "."
    clause = re.split(r"[,;.]", text[words[i].end():], maxsplit=1)[0]
    return words[i + 1].group().lower() in _ID_PLACE and not any(
        morphology.is_passive_verb(w.group()) for w in _words(clause))


def _subject_of_passive(words: list[re.Match[str]]) -> bool:
    """A bare root that opens a passive's subject ("Berkas diserahkan ...", "Surat dicatat
    ..."): a di- verb right after it, so the root is a noun, not an imperative."""
    for match in words[1:_ID_PASSIVE_REACH]:
        word = match.group().lower()
        if word in _ID_NOT_SUBJECT:
            return False
        if morphology.is_passive_verb(word):
            return True
    return False


def _imperative(word: str) -> bool:
    """An Indonesian imperative: a root with -kan / -i / -lah ("Masukkan", "Isilah"), or a
    bare root that the lookup table records with meN- forms ("Buka", "Klik", "Pilih")."""
    analysis = morphology.analyse(word)
    if analysis is not None:
        return analysis.prefix == "" and word.endswith(_ID_IMPERATIVE_SUFFIXES)
    return word in morphology.known_roots() and morphology.has_bare_active_form(word)


_ID_COPULA = frozenset({"adalah", "ialah", "merupakan", "yaitu", "yakni"})


def _defines(words: list[re.Match[str]]) -> bool:
    """A sentence that says what its opening noun is ("Konsep tahsin adalah talaqqi"): a
    copula among its first words, so the bare root it opens with is no imperative."""
    return any(w.group().lower() in _ID_COPULA for w in words[1:4])


def _title_case(words: list[re.Match[str]]) -> bool:
    """A name written in Title Case ("Buku Kas Umum"), not a sentence."""
    return len(words) >= 2 and all(w.group()[:1].isupper() for w in words)


def passive_agent(text: str) -> str:
    """The agent of a passive written with "oleh" / "by" right after its verb ("Dibuka oleh
    guru" -> "guru", "checked by Data Analytics"); not of a relative clause ("yang
    didaftarkan oleh admin") nor of "by" after another word ("vary by the type")."""
    for match in _BY_AGENT.finditer(text):
        before = _words(text[:match.start()])
        if not before:
            continue
        verb = before[-1].group().lower()
        passive = morphology.is_passive_verb(verb) or (
            (form := verb_form(verb)) is not None and form.past)
        relative = any(w.group().lower() == "yang" for w in before[-3:])
        if passive and not relative:
            return _strip_article(match["agent"].strip())
    return ""


def form_of(reading: Reading | None) -> str:
    """How a step is written, for the model's `Step.form`."""
    if reading is None or reading.action is None:
        return ""
    if not reading.action:
        return "statement"
    if reading.passive:
        return "passive"
    if reading.subject or reading.elided:
        return "subject"
    return "instruction"
