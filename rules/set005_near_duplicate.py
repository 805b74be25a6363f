"""SET005: SOPs of the set with the same steps under other titles."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Sequence

from soplint.setrule import SetSummary, SetViolation, set_rule

from ._messages import MESSAGES
from ._set_common import listed, names, normal

MIN_STEPS = 3  # a two-step procedure is alike too often to mean a copy
SHARED = 0.8  # the share of their activities two SOPs have in common to be near-duplicates
COMMON = 50  # an activity in more SOPs than this ("Mulai", "Selesai") says nothing of a copy


def _steps(summary: SetSummary) -> frozenset[str]:
    """The document's activities, each reduced as `normal` does, digits left out."""
    texts = {" ".join(w for w in normal(a.text).split() if not w.isdigit())
             for a in summary.activities} - {""}
    return frozenset(texts) if len(texts) >= MIN_STEPS else frozenset()


def _alike(steps: Sequence[frozenset[str]]) -> list[tuple[int, int, float]]:
    """(i, j, share) of every two documents whose activities overlap by `SHARED` or more
    (shared over all the distinct activities of both), found through the activities they
    have in common rather than by comparing every pair."""
    holders: dict[str, list[int]] = {}
    for index, found in enumerate(steps):
        for text in found:
            holders.setdefault(text, []).append(index)
    pairs: list[tuple[int, int, float]] = []
    for i, found in enumerate(steps):
        common = Counter(j for text in found if len(holders[text]) <= COMMON
                         for j in holders[text] if j > i)
        for j, shared in common.items():
            share = shared / len(found | steps[j])
            if share >= SHARED:
                pairs.append((i, j, share))
    return pairs


def _clusters(count: int, pairs: Iterable[tuple[int, int, float]]
              ) -> list[tuple[list[int], float]]:
    """The documents joined by alike pairs, each group with the lowest share inside it."""
    parent = list(range(count))

    def root(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    lowest: dict[int, float] = {}
    edges = list(pairs)
    for i, j, _ in edges:
        parent[root(i)] = root(j)
    members: dict[int, list[int]] = {}
    for index in range(count):
        members.setdefault(root(index), []).append(index)
    for i, _, share in edges:
        top = root(i)
        lowest[top] = min(lowest.get(top, 1.0), share)
    return [(group, lowest[top]) for top, group in members.items() if len(group) > 1]



@set_rule("SET005", "near-duplicate-sop", category="structure", severity="warning",
          messages=MESSAGES)
def near_duplicate(summaries: Sequence[SetSummary]) -> Iterable[SetViolation]:
    """Two or more SOPs of the set have (nearly) the same steps under other titles.

    ## What it does
    Compares the activities of every SOP of the audit, with case, punctuation, spacing and
    numbers set aside. Two SOPs of at least three activities are alike when 80 % or more of
    all their distinct activities are in both (one step of ten changed still leaves a copy);
    SOPs joined by being alike, whose titles differ, are one finding on each of them, naming
    them all. An activity that more than 50 SOPs share ("Mulai", "Selesai") is no sign of a
    copy and is not counted. Copies with the same title are not reported here (their
    number, if shared, is SET001's).

    ## Why is this bad?
    Two SOPs for one procedure overlap: the Evaluasi Penerapan SOP AP asks whether the SOPs
    of an organisation work together without overlapping ("sinergi satu dengan lainnya")
    [1]. Usually one was copied to start another and never rewritten, so one of them
    describes a procedure it does not have.

    ## Example
    Indonesian: "SOP Cuti Tahunan" and "SOP Cuti Sakit" with the same six activities word for
    word, or nine of their ten.

    English: "Laptop Request" and "Monitor Request" with the same steps.

    ## Use instead
    Indonesian: one SOP ("SOP Permohonan Cuti") covering both, or the second rewritten with
    the activities its procedure really has.

    English: one "Equipment Request" procedure, or steps that say what differs.

    ## Options
    None.

    ## References
    - [1] Peraturan Menteri PANRB Nomor 35 Tahun 2012 tentang Pedoman Penyusunan Standar
      Operasional Prosedur Administrasi Pemerintahan (2012), lampiran: monitoring dan
      evaluasi penerapan SOP AP.
      https://text-id.123dok.com/document/8ydlojrgz-monitoring-monitoring-dan-evaluasi-penerapan-sop-ap.html
    """
    steps = [_steps(s) for s in summaries]
    for members, share in _clusters(len(summaries), _alike(steps)):
        group = [summaries[i] for i in members]
        titles = {normal(s.title) for s in group}
        if len(titles) < 2:
            continue
        yield SetViolation(
            message=MESSAGES.text("SET005.message", percent=int(share * 100),
                                  documents=listed(group),
                                  titles="; ".join(f'"{s.title}"' for s in group[:8])),
            suggestion=MESSAGES.text("SET005.suggestion"),
            documents=tuple(group), words=names(group))
