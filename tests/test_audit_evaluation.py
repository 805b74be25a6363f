"""The evaluation and score: hand-built models and findings, concrete scores."""

from __future__ import annotations

from soplint.audit.evaluation import (
    DILAKSANAKAN,
    DIPAHAMI,
    KEBUTUHAN,
    KEPASTIAN_HUKUM,
    KETERUKURAN,
    KINERJA,
    PERAN,
    PERMASALAHAN,
    SINERGI,
    evaluate,
    evaluate_facts,
)
from soplint.findings import Finding
from soplint.rule import Severity
from soplint.testing import make_sop, make_step


def _steps(count: int) -> list:
    return [make_step(str(i + 1), f"Memeriksa berkas {i + 1}", time="5 menit")
            for i in range(count)]


def _finding(code: str, severity: str = "warning", step: int | None = None,
             part: str = "", words: tuple[str, ...] = (), grouped: int = 0) -> Finding:
    sub = tuple(_finding(code, severity, step) for _ in range(grouped))
    return Finding(file="a.docx", code=code, name="n", category="c",
                   severity=Severity(severity), message="m",
                   step=None if step is None else str(step + 1), ordinal=step, part=part,
                   words=words, grouped=sub)


PERMENPAN = make_sop(_steps(10))
GENERIC = make_sop(_steps(10), layout="narrative-numbered", language="en")


def test_the_form_order_and_the_human_questions() -> None:
    evaluation = evaluate(PERMENPAN, [])
    assert [q.key for q in evaluation.questions] == [
        KINERJA, DIPAHAMI, DILAKSANAKAN, PERAN, PERMASALAHAN, KEBUTUHAN, SINERGI,
        KETERUKURAN, KEPASTIAN_HUKUM]
    assert evaluation.question(KINERJA).answer is None
    assert evaluation.question(KEBUTUHAN).answer is None
    assert evaluation.question(KINERJA).credit is None
    assert evaluation.question(DIPAHAMI).label("id") == "Mudah dipahami"
    assert evaluation.question(DIPAHAMI).label("en") == "Easy to understand"


def test_a_clean_document_scores_100_and_answers_ya() -> None:
    evaluation = evaluate(PERMENPAN, [])
    assert evaluation.score == 100
    assert all(q.answer is True for q in evaluation.questions if q.credit is not None)


def test_step_findings_cost_by_density() -> None:
    # 10 steps, 4 steps without time (warning, 0.75/10 each) -> keterukuran credit 0.7;
    # 7 scored questions -> (6 + 0.7) / 7 = 0.957 -> 96.
    findings = [_finding("TIM001", step=i) for i in range(4)]
    evaluation = evaluate(PERMENPAN, findings)
    question = evaluation.question(KETERUKURAN)
    assert question.answer is False
    assert question.codes == ("TIM001",)
    assert abs((question.credit or 0) - 0.7) < 1e-9
    assert evaluation.score == 96


def test_every_step_failing_a_question_costs_it_all() -> None:
    findings = [_finding("ACT001", "error", step=i) for i in range(10)]
    evaluation = evaluate(PERMENPAN, findings)
    assert evaluation.question(PERAN).credit == 0.0
    assert evaluation.score == 86  # 6 / 7


def test_short_documents_divide_by_at_least_five_steps() -> None:
    sop = make_sop(_steps(2))
    evaluation = evaluate(sop, [_finding("VRB001", step=0)])
    assert abs((evaluation.question(DIPAHAMI).credit or 0) - 0.85) < 1e-9  # 1 - 0.75/5
    assert evaluation.score == 98  # (6 + 0.85) / 7 = 0.9786


def test_document_findings_cost_by_severity() -> None:
    findings = [_finding("IDN001", "error", part="identity", words=("Dasar Hukum",)),
                _finding("IDN004", "warning", part="identity.disahkan_oleh")]
    evaluation = evaluate(PERMENPAN, findings)
    assert abs((evaluation.question(KEPASTIAN_HUKUM).credit or 0) - 0.25) < 1e-9
    assert evaluation.question(KEPASTIAN_HUKUM).codes == ("IDN001", "IDN004")
    assert evaluation.score == 89  # (6 + 0.25) / 7 = 0.893


def test_info_findings_lower_the_score_but_answer_ya() -> None:
    evaluation = evaluate(PERMENPAN, [_finding("WRD005", "info", step=3)])
    question = evaluation.question(DIPAHAMI)
    assert question.answer is True
    assert question.codes == ()
    assert abs((question.credit or 0) - 0.975) < 1e-9
    assert evaluation.score == 100  # 6.975 / 7 = 0.996


def test_identity_fields_count_where_the_form_asks_for_them() -> None:
    peralatan = _finding("IDN001", "error", part="identity", words=("Peralatan/Perlengkapan",))
    keterkaitan = _finding("IDN002", "error", part="identity.keterkaitan")
    evaluation = evaluate(PERMENPAN, [peralatan, keterkaitan])
    assert evaluation.question(DILAKSANAKAN).codes == ("IDN001",)
    assert evaluation.question(SINERGI).codes == ("IDN002",)
    assert evaluation.question(KEPASTIAN_HUKUM).answer is True
    assert evaluation.score == 86  # (5 + 0.5 + 0.5) / 7


def test_a_summary_finding_counts_for_each_it_stands_for() -> None:
    one = evaluate(PERMENPAN, [_finding("TIM002", step=0, grouped=4)])
    assert abs((one.question(KETERUKURAN).credit or 0) - 0.7) < 1e-9


def test_no_procedure_gets_no_credit_for_the_step_questions() -> None:
    sop = make_sop([])
    evaluation = evaluate(sop, [_finding("STR002")])
    for key in (DIPAHAMI, DILAKSANAKAN, PERAN, PERMASALAHAN, KETERUKURAN):
        assert evaluation.question(key).credit == 0.0
        assert "STR002" in evaluation.question(key).codes
    assert evaluation.score == 29  # sinergi and kepastian hukum: 2 / 7


def test_an_unreadable_document_scores_0() -> None:
    evaluation = evaluate_facts("generic", 0, [_finding("SOP002", "error")])
    assert evaluation.score == 0
    assert evaluation.question(PERAN).answer is False
    assert evaluation.question(PERAN).codes == ("SOP002",)
    assert evaluation.question(KINERJA).answer is None


def test_engine_notes_count_against_nothing() -> None:
    assert evaluate(PERMENPAN, [_finding("SOP100"), _finding("SOP003", "info")]).score == 100


def test_generic_sops_leave_out_the_permenpan_keterkaitan() -> None:
    findings = [_finding("TIM001", step=i) for i in range(4)]
    evaluation = evaluate(GENERIC, findings)
    assert evaluation.question(SINERGI).applies is False
    assert evaluation.question(SINERGI).credit is None
    assert evaluation.score == 95  # (5 + 0.7) / 6 over six scored questions


def test_in_a_set_sinergi_applies_to_generic_sops_too() -> None:
    evaluation = evaluate(GENERIC, [_finding("SET001", "error")], in_set=True)
    question = evaluation.question(SINERGI)
    assert question.applies and question.answer is False and question.codes == ("SET001",)
    assert evaluation.score == 93  # (6 + 0.5) / 7
