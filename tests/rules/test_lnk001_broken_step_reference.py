"""LNK001 broken-step-reference on small in-memory models."""

from __future__ import annotations

from dataclasses import replace

from soplint.model import LinkOrigin, Step
from soplint.plugins import registered_rules
from soplint.recognize.text import references
from soplint.testing import make_sop, make_step, run, verify

RULE = registered_rules()["LNK001"]


def _flow(count: int, refs: dict[str, list[str]]) -> list[Step]:
    """`count` steps linked in order; `refs` maps a step to the steps its text refers to."""
    steps = []
    for n in range(1, count + 1):
        number = str(n)
        links: list[tuple[str, ...]] = [(str(n + 1), "", "sequence")]
        links += [(to, "Tidak", "text") for to in refs.get(number, [])]
        steps.append(make_step(number, f"Langkah {n}", links=links if n < count else []))
    return steps


def _section(name: str, numbers: list[str], refs: dict[str, str]) -> list[Step]:
    return [replace(make_step(n, f"Do {n}.", links=[(refs[n], "", "text")] if n in refs
                              else []), section=name) for n in numbers]


def test_references_to_existing_steps_are_silent() -> None:
    verify(RULE, valid=[
        make_sop(_flow(8, {"3": ["2"]}), title="back to step 2"),
        make_sop(_section("table 2", ["A1", "A2", "A3", "A4"], {"A4": "3"}),
                 layout="table-steps", title="lettered steps: 'Repeat step 3.' is A3"),
        make_sop(_section("Procedure", ["5.1.1", "5.1.2", "5.1.3"], {"5.1.3": "1"}),
                 layout="narrative-numbered", title="hierarchical: step 1 is 5.1.1"),
        make_sop(_section("B", ["1", "2", "3"], {"3": "1.2"})
                 + _section("A", ["1.1", "1.2"], {}),
                 layout="narrative-numbered", title="full number found in another section"),
    ])


def test_only_text_links_are_judged() -> None:
    steps = [make_step("1", "Mulai", kind="start", links=[("9", "", "sequence")]),
             make_step("2", "Memeriksa", kind="decision", links=[("7", "Ya", "connector")]),
             make_step("3", "Selesai", kind="end")]
    verify(RULE, valid=[make_sop(steps, title="connector and sequence targets")])


def test_reference_beyond_the_last_step_is_broken() -> None:
    verify(RULE, invalid=[
        (make_sop(_flow(8, {"5": ["9"]}), title="langkah 9 of 8"), ["5"]),
        (make_sop(_flow(12, {"11": ["14"], "3": ["2", "20"]}), title="two steps"), ["3", "11"]),
    ])


def test_reference_is_resolved_in_its_own_section_only_by_last_part() -> None:
    steps = (_section("table 2", ["A1", "A2", "A3"], {})
             + _section("table 3", ["B1", "B2"], {"B2": "3"}))
    verify(RULE, invalid=[(make_sop(steps, layout="table-steps",
                                    title="step 3 exists only in another section"), ["B2"])])


def test_where_numbering_restarts_per_section_a_number_names_a_step_of_its_own_section(
) -> None:
    day_one = _section("Day One", ["1", "2", "3"], {"3": "1"})
    day_two = _section("Day Two", ["11", "12", "13"], {"13": "1"})  # continues day one's list
    verify(RULE, invalid=[(make_sop(day_one + _section("Day Three", ["1", "2"], {})
                                    + day_two, layout="narrative-numbered",
                                    title="steps 1-7 of a day numbered 11..13"), ["13"])])


def test_a_range_of_steps_to_repeat_is_a_reference_to_its_first() -> None:
    links = references("COMPLETE STEPS 1-7 AGAIN PRIOR TO LEAVING LAB")
    assert [(link.to, link.origin) for link in links] == [("1", LinkOrigin.TEXT)]
    assert [link.to for link in references("Ulangi langkah 2 s.d. 4.")] == ["2"]
    assert references("Steps 1-7 take about an hour.") == []


def test_same_target_twice_is_one_finding_with_numbers_in_message() -> None:
    step = make_step("2", "Jika tidak, kembali ke langkah 7", kind="decision",
                     links=[("7", "Tidak", "text"), ("7", "", "text"), ("3", "Ya")])
    sop = make_sop([make_step("1", "Mulai", links=[("2", "")]), step,
                    make_step("3", "Selesai", kind="end")])
    found = run(RULE, sop)
    assert len(found) == 1
    assert "step 7" in found[0].message.en and "langkah 7" in found[0].message.id
    assert found[0].suggestion is not None and "2" in found[0].suggestion.en
