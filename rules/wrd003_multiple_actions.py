"""WRD003: one step holds several actions ("Menerima, mencatat dan meneruskan surat")."""

from __future__ import annotations

import gzip
import json
import re
from collections.abc import Iterator
from functools import cache
from importlib import resources

from soplint.language import morphology
from soplint.model import Sop, Step
from soplint.rule import RuleContext, Violation, rule

from ._messages import MESSAGES

_TOKEN = re.compile(r"[^\W\d_]+(?:-[^\W\d_]+)*|[,;&]|\.(?=\s|$)")
# Indonesian words that join a following verb to the previous action; the sequential ones
# ("lalu", "kemudian", ";", a full stop) mark a separate clause on their own.
_ID_JOINERS = frozenset({",", "dan", "serta", "&"})
_ID_SEQUENCE = frozenset({"lalu", "kemudian", "selanjutnya", ";", "."})
_EN_SENTENCE = re.compile(r"(?<=[.!?])\s+(?=[A-Z])|,?\s+(?:and\s+)?then\s+")
_EN_ADVERBS = frozenset({
    "also", "carefully", "first", "finally", "gently", "immediately", "next", "now",
    "please", "quickly", "slowly", "then",
})
_EN_NOT_VERBS = frozenset({
    "a", "an", "the", "this", "these", "that", "it", "they", "you", "we", "do", "don",
})
# Different imperative verbs needed in English: lab steps often chain three short sentences
# of one phase ("Insert the column. Spin for 1 minute. Discard the flow-through.").
_EN_MIN = 4


def _id_action(word: str) -> bool:
    analysis = morphology.analyse(word)
    return analysis is not None and analysis.prefix in ("meN", "di")


def _id_active(word: str) -> bool:
    analysis = morphology.analyse(word)
    return analysis is not None and analysis.prefix == "meN"


def _id_actions(text: str) -> list[str]:
    """The coordinated action verbs: the first verb, then each verb right after a joiner."""
    tokens = [t.lower() for t in _TOKEN.findall(text)]
    actions: list[str] = []
    sequential = False
    for i, token in enumerate(tokens):
        if not _id_action(token):
            continue
        before = tokens[i - 1] if i else ""
        if not actions or before in _ID_JOINERS or before in _ID_SEQUENCE:
            actions.append(token)
            sequential = sequential or (len(actions) > 1 and before in _ID_SEQUENCE
                                        and all(_id_active(a) for a in actions[-2:]))
    return actions if len(actions) >= 3 or (sequential and len(actions) >= 2) else []


@cache
def _en_verbs() -> frozenset[str]:
    """English lemmas that have -ed or -ing forms (verbs) in spaCy's lookup table."""
    data = resources.files("spacy_lookups_data") / "data" / "en_lemma_lookup.json.gz"
    with data.open("rb") as raw, gzip.open(raw, "rt", encoding="utf-8") as text:
        table: dict[str, str] = json.load(text)
    return frozenset(v for k, v in table.items() if k != v and k.endswith(("ed", "ing")))


def _en_imperative(clause: str) -> str | None:
    """The verb a clause opens with ("Gently mix the cells" -> "mix"), if it opens with one."""
    words = re.findall(r"[A-Za-z][A-Za-z'-]*", clause)
    while words and words[0].lower() in _EN_ADVERBS:
        words = words[1:]
    if len(words) < 2 or words[0].lower() in _EN_NOT_VERBS:
        return None
    return words[0] if words[0].lower() in _en_verbs() else None


def _en_actions(text: str) -> list[str]:
    """The different verbs that open the step's sentences and "then" clauses, when enough."""
    verbs = [v for c in _EN_SENTENCE.split(text) if (v := _en_imperative(c)) is not None]
    distinct = list({v.lower(): v for v in verbs}.values())
    return distinct if len(distinct) >= _EN_MIN else []


def _violation(step: Step, actions: list[str]) -> Violation:
    listed = ", ".join(f'"{a}"' for a in actions)
    return Violation(
        message=MESSAGES.text("WRD003.message", count=len(actions), listed=listed),
        suggestion=MESSAGES.text("WRD003.suggestion"),
        step=step,
        words=tuple(actions),
    )


@rule("WRD003", "multiple-actions", category="wording", severity="info",
      languages=("id", "en"), messages=MESSAGES)
def multiple_actions(sop: Sop, ctx: RuleContext) -> Iterator[Violation]:
    """One step holds several separate actions.

    ## What it does
    Heuristic. In Indonesian, finds meN- verbs and di- passives joined by ",", "dan",
    "serta" or "&" to the step's first verb: three or more ("Menerima, mencatat dan
    meneruskan surat") are reported, and so are two in separate clauses, joined by "lalu",
    "kemudian", "selanjutnya", ";" or a full stop when both are meN- verbs ("Menerima
    berkas, kemudian mengirim ..."). Two verbs joined by "dan" are one phase and not
    reported ("Memeriksa dan memaraf konsep"). In English, which has no verb tagger here,
    takes the verb that opens each sentence and each "then" clause (a word the lookup table
    inflects as a verb) and reports four or more different ones ("Count the cells. Prepare
    a tube. Add 30 µL Trypan Blue. Mix, then load the slide"): laboratory steps often chain
    three short sentences of one phase ("Insert the column. Spin for 1 minute. Discard the
    flow-through."), and a compound such as "Close and lock the lid" is one action. Info:
    whether actions form one phase is a judgement.

    ## Why is this bad?
    A step with several actions cannot have one performer, one time and one output; one
    part gets skipped, and a decision or a record for each part has no place to go. INCOSE
    GtWR R18 (single thought) and R19 (combinators) [1][2]; ISO/IEC/IEEE 29148
    "singular" [3]; GMP templates use one action per step [4].

    ## Example
    ```
    Menerima, mencatat dan meneruskan surat ke Kepala Bagian.
    Open the ticket. Assign it to an engineer. Call the user, then close the call.
    ```

    ## Use instead
    ```
    Menerima surat masuk.
    Mencatat surat pada buku agenda.
    Meneruskan surat kepada Kepala Bagian.
    Open the ticket.
    Assign the ticket to an engineer.
    Notify the user by e-mail.
    ```

    ## Options
    None.

    ## References
    - [1] INCOSE, Guide to Writing Requirements, rule titles (R18: single thought per sentence),
      as listed in RequirementLinter (n.d.). https://github.com/jonverrier/RequirementLinter
    - [2] INCOSE, Guide to Writing Requirements, rules R1–R9 with word lists, as summarised in
      Altium 365 Requirements Portal, "Quality assessment" (n.d.).
      https://www.altium.com/ru/documentation/altium-365/requirements-portal/valiassistant/quality-assessment?version=1.0
    - [3] ISO/IEC/IEEE 29148:2018, Systems and software engineering — Life cycle processes —
      Requirements engineering, §5.2.5–5.2.7 (2018)
    - [4] "Standard Operating Procedure Guidelines", SOP Templates (2010).
      https://soptemplates.blogspot.com/2010/12/standard-operating-procedure-guidelines.html
    """
    count = _id_actions if sop.language == "id" else _en_actions
    for step in sop.steps:
        actions = count(step.text)
        if actions:
            yield _violation(step, actions)
