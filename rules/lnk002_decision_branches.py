"""LNK002: a decision does not have exactly two labelled exits (Ya/Tidak)."""

from __future__ import annotations

from collections.abc import Iterator

from soplint.model import Sop, Step, StepKind
from soplint.rule import RuleContext, Text, Violation, rule

Exit = tuple[str, str | None]


def exits(step: Step) -> list[Exit]:
    """(target, label) of each distinct exit: links to the same step are one exit (an arrow
    and the Keterangan naming the same branch); an unresolved exit (`to == ""`) is its own."""
    found: dict[str, str | None] = {}
    loose: list[Exit] = []
    for link in step.links:
        if not link.to:
            loose.append(("", link.label))
        elif found.get(link.to) is None:
            found[link.to] = link.label
    return [*found.items(), *loose]


def _describe(branches: list[Exit]) -> tuple[str, str]:
    def one(target: str, label: str | None, lang: str) -> str:
        name = f"'{label}'" if label else ("tanpa label" if lang == "id" else "unlabelled")
        if not target:
            return name
        return f"{name} ke langkah {target}" if lang == "id" else f"{name} to step {target}"

    return (", ".join(one(t, b, "id") for t, b in branches) or "tidak ada",
            ", ".join(one(t, b, "en") for t, b in branches) or "none")


def _problem(branches: list[Exit]) -> tuple[str, str] | None:
    labels = [label for _, label in branches]
    if len(branches) < 2:
        return ("hanya punya satu cabang keluar" if branches else "tidak punya cabang keluar",
                "has only one exit" if branches else "has no exit")
    if len(branches) > 2:
        return (f"punya {len(branches)} cabang keluar", f"has {len(branches)} exits")
    if None in labels:
        return "punya cabang tanpa label", "has an unlabelled exit"
    if len(set(labels)) < 2:
        return "punya dua cabang dengan label yang sama", "has two exits with the same label"
    return None


def _suggestion(branches: list[Exit]) -> Text:
    labels = {label for _, label in branches}
    if len(branches) == 1 and labels <= {"Ya"}:
        return Text(id="Tambahkan cabang 'Tidak' dan tuliskan langkah tujuannya di Keterangan, "
                       "mis. 'Jika tidak lengkap, kembali ke langkah 1'.",
                    en="Add the 'No' (Tidak) branch and write its target step in the notes, "
                       "e.g. 'If incomplete, return to step 1'.")
    if len(branches) == 1 and labels == {"Tidak"}:
        return Text(id="Tambahkan cabang 'Ya' menuju langkah berikutnya.",
                    en="Add the 'Yes' (Ya) branch to the next step.")
    return Text(id="Gambarkan tepat dua panah keluar dari belah ketupat dan beri label "
                   "'Ya' dan 'Tidak' (atau Lengkap/Tidak Lengkap, Sesuai/Tidak Sesuai).",
                en="Draw exactly two arrows out of the diamond and label them 'Ya' and "
                   "'Tidak' (Yes/No, or an equivalent pair).")


@rule("LNK002", "decision-branches", category="link", severity="error")
def decision_branches(sop: Sop, ctx: RuleContext) -> Iterator[Violation]:
    """A decision does not have exactly two labelled exits (Ya/Tidak).

    ## What it does
    For every decision step (a diamond in an SOP AP flowchart), counts its distinct exits:
    drawn arrows, the next row, and branches written in the text or Keterangan ("Jika tidak
    lengkap, kembali ke langkah 2"); an arrow and a note that name the same target are one
    exit. Reports a decision with fewer than two exits, more than two, an unlabelled exit,
    or two exits with the same label. In narrative documents it only looks at steps the
    recognizer marked as decisions, which is rare.

    ## Why is this bad?
    Permenpan RB 35/2012 draws every SOP AP as a branching flowchart whose diamond is a
    yes/no decision [S4][S5]: a decision with only its "Ya" arrow tells the performer
    nothing about what to do when the answer is no, and an unlabelled or third exit makes
    the branch ambiguous (SOP-DOMAIN 1.5 and FLW-03).

    ## Example
    - (id) Langkah 8 "Mempertimbangkan usulan penghapusan" (belah ketupat) dengan hanya
      panah "Ya" ke langkah 9 dan Keterangan kosong.
    - (en) Decision "Approved?" with an arrow to step 5 and no "No" path.

    ## Use instead
    - (id) Panah "Ya" ke langkah 9 dan panah "Tidak" ke langkah 6, atau Keterangan: "Jika
      tidak disetujui, kembali ke langkah 6".
    - (en) "Yes" to step 5, "No" back to step 3 ("If rejected, return to step 3").

    ## Options
    None.

    ## References
    - Permenpan RB No. 35/2012: five symbols, branching flowcharts [S4][S5]
    - SOP-DOMAIN.md 1.5 (exactly two labelled exits) and 3.4 FLW-03
    """
    for step in sop.steps:
        if step.kind is not StepKind.DECISION:
            continue
        branches = exits(step)
        problem = _problem(branches)
        if problem is None:
            continue
        have_id, have_en = _describe(branches)
        yield Violation(
            message=Text(
                id=f"Keputusan pada langkah {step.number} {problem[0]} ({have_id}); keputusan "
                   "harus punya tepat dua cabang berlabel Ya/Tidak.",
                en=f"Decision step {step.number} {problem[1]} ({have_en}); a decision needs "
                   "exactly two labelled exits (Yes/No)."),
            suggestion=_suggestion(branches), step=step)
