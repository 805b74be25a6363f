"""IDN006: an SOP without Purpose, Scope, Responsibilities or Approval."""

from __future__ import annotations

import re
from collections.abc import Iterable

from soplint.model import Sop
from soplint.recognize.sections import names_sign_off
from soplint.rule import RuleContext, Violation, rule

from ._messages import MESSAGES

# The sections checked; their names and contents are `IDN006.section.<key>` in the catalogue.
_SECTIONS = ("purpose", "scope", "responsibilities", "approval")
_APPROVAL_META = ("approved_by", "disahkan_oleh")
# Words in a heading that show the section is also there ("Scope and Purpose").
_TITLE_WORDS = {
    "purpose": re.compile(r"\b(?:purpose|objective|tujuan|maksud)\b", re.IGNORECASE),
    "scope": re.compile(r"\b(?:scope|ruang lingkup)\b", re.IGNORECASE),
    "responsibilities": re.compile(r"\b(?:responsibilit\w*|roles|tanggung jawab|peran)\b",
                                   re.IGNORECASE),
}
# An introduction says what the document is for: it stands for a Purpose section.
_INTRODUCTION = re.compile(r"^(?:\d+[.)]?\s*)?(?:introduction|overview|pendahuluan)\b",
                           re.IGNORECASE)
# A line opening with a section's name and a colon ("Purpose: transform ...", "Scope: all
# units") is that section typed as a label.
_LABEL_LINE = re.compile(r"^\s*(?P<label>[^\W\d][\w ]{1,30}?)\s*:", re.MULTILINE)


@rule("IDN006", "section-missing", category="identity", severity="warning",
      profiles=("generic",), languages=("id", "en"), messages=MESSAGES)
def section_missing(sop: Sop, ctx: RuleContext) -> Iterable[Violation]:
    """The SOP has no Purpose, Scope, Responsibilities or Approval section.

    ## What it does
    For narrative and step-table SOPs (profile `generic`), reports one finding per missing
    section: Purpose (Tujuan), Scope (Ruang Lingkup), Responsibilities (Tanggung Jawab,
    Peran) and Approval (Pengesahan). A section also counts as present when a heading names
    it beside another one ("Scope and Purpose") or opens a line as its label ("Purpose:
    transform libraries into bacteria"), the Purpose when the document has an Introduction
    or Overview (Pendahuluan), which says what it is for, and the approval when the identity block
    has an approver field ("Approved by", "Disahkan oleh"; IDN002 reports it when empty).
    A heading such as "Approval Policy" or "Approval Workflow" describes approvals inside
    the process, not the document's sign-off, and does not count.

    It also runs on documents whose layout was not recognised ("unknown"): a document
    that presents itself as an SOP still needs these sections, and the rule adds at most
    four findings. It is limited to Indonesian and English, the languages whose section
    titles soplint recognises (a Dutch "Doel" would be reported as a missing Purpose).

    ## Why is this bad?
    Purpose and scope say when the SOP applies, Responsibilities who carries it out, and
    the approval that it is in force: ISO 9001:2015 §7.5 requires documented information
    to be identified, reviewed and approved [1]; EPA QA/G-6 and GMP templates open every
    SOP with these sections [2][3].

    ## Example
    Indonesian: a "SOP Pengoperasian Komputer" that starts directly with "Langkah-langkah".

    English: a lab protocol with only "Materials" and "Procedure", and an author line
    instead of an approval.

    ## Use instead
    Indonesian: "A. Tujuan ... B. Ruang Lingkup ... C. Tanggung Jawab ... D. Prosedur ...
    Pengesahan: Kepala Bagian Umum, nama, tanda tangan, tanggal".

    English: "1. Purpose 2. Scope 3. Responsibilities 4. Procedure ... Approval: name,
    role, signature, date".

    ## Options
    None.

    ## References
    - [1] ISO 9001:2015, Quality management systems — Requirements, §7.5 Documented information
      (2015); explained at https://www.enable-iso.com/isoexplained/7.5-documented-information
    - [2] U.S. EPA, Guidance for Preparing Standard Operating Procedures (EPA QA/G-6),
      EPA/600/B-07/001 (2007). https://nepis.epa.gov/Exe/ZyPURL.cgi?Dockey=P1008GTX.txt
    - [3] European Commission, EudraLex Volume 4, EU Guidelines for Good Manufacturing Practice,
      Chapter 4: Documentation, revision 1 (2011).
      https://ec.europa.eu/health/sites/health/files/files/eudralex/vol-4/chapter4_01-2011_en.pdf
    """
    for key in _SECTIONS:
        if _present(sop, key):
            continue
        name = MESSAGES.text(f"IDN006.section.{key}.name")
        yield Violation(
            message=MESSAGES.text("IDN006.message", name=name),
            suggestion=MESSAGES.text("IDN006.suggestion", name=name,
                                     what=MESSAGES.text(f"IDN006.section.{key}.what")))


def _present(sop: Sop, key: str) -> bool:
    """Whether the section is there: as a section, named in a short heading beside another
    one or at the head of a labelled line ("Scope: ..."), the purpose as an introduction,
    or (the approval) as an approver in the identity block."""
    if sop.section(key) is not None:
        return True
    titles = [s.title for s in sop.sections if len(s.title) <= 60]
    if key == "approval":
        return any(map(names_sign_off, titles)) or any(k in sop.meta for k in _APPROVAL_META)
    labels = [m["label"] for s in sop.sections for m in _LABEL_LINE.finditer(s.text)]
    if key == "purpose" and any(map(_INTRODUCTION.match, titles + labels)):
        return True
    return any(_TITLE_WORDS[key].search(text) for text in titles + labels)
