"""Small text helpers shared by the recognizers: typed labels, step references, branch words."""

from __future__ import annotations

import re

from soplint.model import Link, LinkOrigin

# "1.", "2.1", "2.1.3", "a.", "b)", "(3)", "IV." typed at the start of a line.
_TYPED_LABEL = re.compile(
    r"^\s*(?P<label>\(?(?:\d{1,3}(?:\.\d{1,3})*|[A-Za-z]|[IVXivx]{1,5})[.)]|\d{1,3}(?:\.\d{1,3})+)"
    r"\s+(?P<rest>\S.*)$",
    re.DOTALL,
)
_MEASURE = re.compile(r"^(?:[mµμnk]?[lLgMmV]|mM|%|°C?|x|A|units?|kb|bp|rpm|kDa)\b")
_BULLETS = "•·●◦▪■-–—*✔✓➢➤►"
# What marks a performer's column in a row instead of a symbol: "√", "X", "●"; a diamond
# marks a decision.
DECISION_MARKS = frozenset({"◆", "♦", "◇", "◊"})
MARKS = frozenset({"√", "✓", "✔", "v", "V", "x", "X", "✗", "✘", "●", "•", "○", "*", "■", "☑",
                   "☒", *DECISION_MARKS})

BRANCH_POSITIVE = {"ya", "y", "yes", "lengkap", "sesuai", "setuju", "benar", "disetujui",
                   "ok", "valid", "diterima", "sudah", "sudah benar", "sudah sesuai",
                   "sudah lengkap"}
BRANCH_NEGATIVE = {"tidak", "t", "no", "n", "tidak lengkap", "tidak sesuai", "tidak setuju",
                   "salah", "ditolak", "tolak", "belum", "tidak valid", "tidak benar",
                   "belum lengkap", "belum sesuai", "belum benar"}

_REFERENCE = re.compile(
    r"(?:\b(?:kembali|lanjut(?:kan)?|menuju|diteruskan|teruskan|ulangi|mengulang|"
    r"selanjutnya)\s+)?"
    r"\bke\s+(?:langkah|kegiatan|tahap|tahapan|aktivitas|no\.?|nomor|nomer|step)\s*"
    r"(?:ke\s*-?\s*)?(?P<id>\d{1,3}(?:\.\d{1,3})?)\b"
    r"|\b(?:go|return|proceed|continue|back|skip|jump|loop|repeat|ulangi)\s+(?:back\s+)?"
    r"(?:to\s+)?(?:step|langkah)\s+(?P<en>[A-Z]?\d{1,3}(?:\.\d{1,3})?)\b"
    r"|\b(?:see|refer to|lihat)\s+step\s+(?P<see>\d{1,3})\b"
    r"|\b(?:repeat|complete|redo|ulangi)\s+(?:steps|langkah)\s+(?P<range>\d{1,3})\s*"
    r"(?:-|–|to|through|sampai|s\.?\s?d\.?)\s*\d{1,3}\b",
    re.IGNORECASE,
)
# Every reference above holds one of these; most texts have none, and this is quick to rule out.
_REFERENCE_HINT = re.compile(r"ke\s|step|langkah", re.IGNORECASE)
_NEGATION = re.compile(r"\b(?:tidak|belum|ditolak|no|not|rejected|fails?|failed)\b",
                       re.IGNORECASE)
_POSITIVE = re.compile(r"\b(?:jika|bila|apabila)\s+(?:ya|lengkap|sesuai|setuju|benar)\b|"
                       r"\bif\s+(?:yes|approved|complete)\b", re.IGNORECASE)


# The row that sums the times at the foot of a step table ("Total Waktu", "Jumlah", "Total").
_TOTAL = re.compile(r"^(?:sub\s*)?(?:total|jumlah|grand\s+total)(?:\s+\w+)?\s*:?$",
                    re.IGNORECASE)


def is_total(text: str) -> bool:
    """Whether a cell labels the totals row of a table rather than a step."""
    return bool(_TOTAL.match(squash(text)))


def squash(text: str) -> str:
    """Whitespace collapsed to single spaces, ends stripped."""
    return " ".join(text.split())


def split_typed_label(text: str) -> tuple[str, str]:
    """("2.1", "rest") when `text` starts with a typed list label, else ("", text)."""
    if "." not in text and ")" not in text:  # every typed label holds one of them
        return "", text
    match = _TYPED_LABEL.match(text)
    if match is None or match["label"].startswith("0") or _MEASURE.match(match["rest"]):
        return "", text
    return match["label"].strip("().").rstrip(")"), match["rest"]


def strip_bullet(text: str) -> tuple[bool, str]:
    """(True, rest) when `text` starts with a typed bullet character."""
    stripped = text.lstrip()
    if stripped[:1] and stripped[0] in _BULLETS and stripped[1:2] in {" ", "\t", ""}:
        return True, stripped[1:].lstrip()
    return False, text


_RUN_TOGETHER = re.compile(r"(?<=[a-z])(?=[A-Z])")  # "SudahBenar": two words


def branch_word(text: str) -> str | None:
    """"Ya"/"Tidak"-style branch label normalised to its polarity word, or None; words run
    together ("SudahBenar") are read apart."""
    word = squash(_RUN_TOGETHER.sub(" ", text)).strip(" .:!?").lower()
    if word in BRANCH_POSITIVE:
        return "Ya"
    if word in BRANCH_NEGATIVE:
        return "Tidak"
    return None


_CATEGORY = re.compile(r"^[A-Z][^\W\d_]+(?:[ /-][^\W\d_]+){0,2}$")


def category_label(text: str) -> str | None:
    """The name of the case an arrow stands for ("Teknis", "Administratif", "Rahasia"),
    written on it where a decision chooses between cases rather than Ya/Tidak, or None."""
    word = squash(text).strip(" .:")
    return word if _CATEGORY.match(word) and branch_word(word) is None else None


_CONDITION = re.compile(r"^\W*(?:jika|bila|apabila|kalau|if|when|in case)\b(?P<clause>[^,.;]*)",
                        re.IGNORECASE)


def condition_branch(text: str) -> str | None:
    """The branch a step that opens with a condition is the exit of: "Tidak" when the
    condition is negated ("Apabila pegawai tidak terbukti ..."), else "Ya" ("Jika pegawai
    terbukti melanggar, ..."); None when the step opens with no condition."""
    found = _CONDITION.match(text)
    if found is None:
        return None
    return "Tidak" if _NEGATION.search(found["clause"]) else "Ya"


def branch_phrases(text: str) -> set[str]:
    """The branch labels written in a lane's words ("Belum Benar", "Sudah Benar", "Ya"),
    the longest phrase first ("Belum Benar" is one negative label, not "belum" and
    "benar"); single letters ("Y", "T") are not read from words."""
    words = _RUN_TOGETHER.sub(" ", squash(text)).split()  # "SudahBenar"
    found: set[str] = set()
    i = 0
    while i < len(words):
        size = 1
        for size in (2, 1):
            phrase = " ".join(words[i:i + size])
            label = branch_word(phrase) if i + size <= len(words) and len(phrase) > 1 else None
            if label is not None:
                found.add(label)
                break
        i += size
    return found


def references(text: str, *, branch: bool = False) -> list[Link]:
    """Links to other steps written in `text` ("kembali ke langkah 2", "go to step 12").
    On a decision (`branch`), the condition before a reference gives its Ya/Tidak label."""
    links: list[Link] = []
    if not _REFERENCE_HINT.search(text):
        return links
    for match in _REFERENCE.finditer(text):
        target = match["id"] or match["en"] or match["see"] or match["range"]
        before = text[max(0, match.start() - 50): match.start()]
        clause = re.split(r"[.;]", before)[-1]
        label: str | None = None
        if branch and _NEGATION.search(clause):
            label = "Tidak"
        elif branch and _POSITIVE.search(clause):
            label = "Ya"
        links.append(Link(to=target, label=label, origin=LinkOrigin.TEXT))
    return links
