"""SET004: the same activity has different time standards in different SOPs."""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from soplint.setrule import Activity, SetSummary, SetViolation, set_rule

from ._messages import MESSAGES
from ._set_common import SHOWN, name, names, normal

MIN_WORDS = 3  # shorter activities ("Selesai", "Menerima berkas") are too common to compare


@set_rule("SET004", "time-standard-conflict", category="time", severity="warning",
          messages=MESSAGES)
def time_standard_conflict(summaries: Sequence[SetSummary]) -> Iterable[SetViolation]:
    """The same activity has different time standards in different SOPs of the set.

    ## What it does
    Compares the activities of every SOP of the audit whose time standard (Mutu Baku Waktu,
    or a time in the step) can be measured. Activities are the same when their texts are
    equal after lower case, punctuation and spacing are set aside, and have at least three
    words. An activity timed differently in two or more SOPs ("15 menit" in one, "1 jam" in
    another) is one finding on each SOP involved, listing each document, step and time. The
    same time written differently ("1 jam", "60 menit") is no conflict.

    ## Why is this bad?
    A time standard is a promise to the service user and the base of the SOP's total time;
    Permenpan RB 35/2012 asks for it per activity [1]. The same activity promised in
    different times by different SOPs of one organisation cannot both be right, and the
    published standar pelayanan can match only one of them.

    ## Example
    Indonesian: "Memverifikasi kelengkapan berkas permohonan" takes "15 menit" in SOP Izin
    Usaha and "2 jam" in SOP Izin Reklame.

    English: "Verify the completeness of the application" takes "15 minutes" in one
    procedure and "2 hours" in another.

    ## Use instead
    Indonesian: agree on one time for the activity and write it in both SOPs, or say in the
    activity why it differs ("Memverifikasi berkas reklame dan gambar konstruksi").

    English: one agreed time in both, or an activity that says what differs.

    ## Options
    None.

    ## References
    - [1] Peraturan Menteri PANRB Nomor 35 Tahun 2012 tentang Pedoman Penyusunan Standar
      Operasional Prosedur Administrasi Pemerintahan (2012), lampiran hlm. 25: bagian flowchart,
      mutu baku. https://id.scribd.com/document/511714313/permenpan-no-35-20122
    """
    found: dict[str, list[tuple[SetSummary, Activity]]] = {}
    for summary in summaries:
        for activity in summary.activities:
            key = normal(activity.text)
            if activity.minutes is not None and len(key.split()) >= MIN_WORDS:
                found.setdefault(key, []).append((summary, activity))
    for timed in found.values():
        documents = tuple(dict.fromkeys(s for s, _ in timed))
        if len(documents) < 2 or len({a.minutes for _, a in timed}) < 2:
            continue
        shown = [f"{name(s)} ({a.number}: {a.time})" for s, a in timed[:SHOWN]]
        more = len(timed) - SHOWN
        yield SetViolation(
            message=MESSAGES.text("SET004.message", activity=timed[0][1].text,
                                  times="; ".join(shown) + (f" (+{more})" if more > 0 else "")),
            suggestion=MESSAGES.text("SET004.suggestion"),
            documents=documents, words=(timed[0][1].text, *names(documents)))
