"""The sentences and labels of the evaluation document in Indonesian: the form's period line,
the notice on a draft, a realisation, a feedback line, the distribution note, the file name.
The government, the place and ranks are written as the SKP document writes them."""

from __future__ import annotations

from django.utils import timezone

from kinerja.core.templatetags.kinerja_ui import nip_grouped
from kinerja.evaluation.models import Evaluation, EvaluationState
from kinerja.evaluation.rules import Scope
from kinerja.evaluation.selectors.distribution import GroupDistribution
from kinerja.monitoring.models import Evidence, Feedback, Realization
from kinerja.periods.models import WindowKind
from kinerja.planning.documents.content import government_name, grade_text, place_name
from kinerja.planning.models import Indicator
from kinerja.planning.rules import number_text
from kinerja.scoring.distribution import MIN_GROUP_SIZE
from kinerja.scoring.formatting import format_date_id, format_decimal

__all__ = [
    "distribution_note",
    "evidence_title",
    "feedback_line",
    "file_name",
    "government_name",
    "grade_text",
    "heading",
    "nip",
    "period_dates",
    "place_name",
    "realization_text",
    "state_notice",
]


def heading(scope: Scope) -> str:
    """The form's period line: "Periode: Bulan Januari", "Periode: Triwulan IV-Akhir" (the last
    quarter closes the year) or "Periode: Tahunan"."""
    window = scope.window
    if window is None:
        return "Periode: Tahunan"
    if scope.period.window_kind == WindowKind.MONTHLY:
        return f"Periode: Bulan {window.name}"
    last = not scope.period.windows.filter(number__gt=window.number).exists()
    return f"Periode: {window.name}{'-Akhir' if last else ''}"


def period_dates(evaluation: Evaluation) -> str:
    """ "1 Januari 2026 s.d. 31 Januari 2026": the window's dates (or the plan's for the year)
    within the plan's own dates."""
    plan = evaluation.plan
    start, end = plan.start_date, plan.end_date
    if evaluation.window is not None:
        start = max(start, evaluation.window.start_date)
        end = min(end, evaluation.window.end_date)
    return f"{format_date_id(start)} s.d. {format_date_id(end)}"


def state_notice(evaluation: Evaluation) -> str:
    """The warning on a draft (only its appraiser sees it); empty once rated."""
    if evaluation.state == EvaluationState.DRAFT:
        return "DRAF — hasil penilaian belum ditetapkan pejabat penilai"
    return ""


def nip(value: str) -> str:
    return nip_grouped(value) if value else ""


def realization_text(realization: Realization, indicator: Indicator) -> str:
    """ "10 dokumen (capaian 83,33%)" and the description, as the employee reported them."""
    parts = []
    if realization.value is not None:
        unit = f" {indicator.target_unit}" if indicator.target_unit else ""
        parts.append(f"{number_text(realization.value)}{unit}")
    if realization.achievement is not None:
        parts.append(f"(capaian {format_decimal(realization.achievement)}%)")
    value = " ".join(parts)
    if realization.description.strip():
        return f"{value}. {realization.description.strip()}" if value else realization.description
    return value


def evidence_title(evidence: Evidence) -> str:
    return evidence.title or evidence.original_name or evidence.link or "Bukti dukung"


def feedback_line(feedback: Feedback) -> str:
    """ "Ringkasan tertulis membantu. (Sri Handayani, 12 Januari 2026)"."""
    day = format_date_id(timezone.localtime(feedback.created_at).date())
    return f"{feedback.text.strip()} ({feedback.author.full_name}, {day})"


def distribution_note(distribution: GroupDistribution) -> str:
    """Why the distribution is not checked, when it is not: no organisation predikat, or a
    group too small for percentages."""
    if distribution.report is None:
        return (
            "Predikat kinerja organisasi belum ditetapkan; pola distribusi belum dapat diperiksa."
        )
    if distribution.report.too_small:
        return (
            f"Perangkat daerah ini baru memiliki {distribution.total} predikat pegawai (kurang "
            f"dari {MIN_GROUP_SIZE}); persentase pola distribusi belum bermakna."
        )
    return ""


def file_name(evaluation: Evaluation, extension: str) -> str:
    """`penilaian-<nip>-<year>-<window number | tahunan>.<extension>`: digits and plain letters
    only, so safe in a Content-Disposition header and unique within a ZIP of one group."""
    plan = evaluation.plan
    digits = "".join(ch for ch in plan.employee.nip if ch.isdigit())
    window = evaluation.window
    scope = f"{window.number:02d}" if window is not None else "tahunan"
    trial = "-ujicoba" if plan.period.is_trial else ""
    return f"penilaian-{digits}-{plan.period.year}{trial}-{scope}-{plan.pk}.{extension}"
