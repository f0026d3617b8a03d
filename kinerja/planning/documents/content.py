"""What the SKP documents say, computed once for the PDF and the XLSX: the period and the
signature date in Indonesian, ranks, the file name, the rows of the results table.

Both formats read the same `PlanDocument` (`kinerja.planning.selectors.plan_document_build`)
through this module, so the PDF and the spreadsheet cannot disagree.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from django.conf import settings
from django.utils import timezone
from django.utils.translation import gettext as _

from kinerja.organization.selectors import grade_rank_name
from kinerja.planning.models import Approach, PerformancePlan, PlanState
from kinerja.planning.selectors import PlanDocument, ResultView, indicator_target_text
from kinerja.scoring.formatting import format_date_id


def government_name() -> str:
    """ "Pemerintah Kota Surakarta": the issuing government as the form's heading names it."""
    return _("Pemerintah %(city)s") % {"city": settings.KINERJA_CITY_NAME}


def place_name() -> str:
    """The place in the signature line: the city without "Kota" ("Surakarta")."""
    city: str = settings.KINERJA_CITY_NAME
    return city.removeprefix("Kota ").removeprefix("Kabupaten ")


def period_text(plan: PerformancePlan) -> str:
    """ "1 Januari 2026 s.d. 31 Desember 2026": the plan's own dates (a mid-year move gives the
    second plan its own start)."""
    return _("%(start)s s.d. %(end)s") % {
        "start": format_date_id(plan.start_date),
        "end": format_date_id(plan.end_date),
    }


def signature_date(plan: PerformancePlan, *, today: date | None = None) -> date:
    """The date the plan was approved; for a plan not (yet) approved, today (Asia/Jakarta)."""
    if plan.state == PlanState.APPROVED and plan.approved_at is not None:
        return timezone.localtime(plan.approved_at).date()
    return today or timezone.localdate()


def signature_line(plan: PerformancePlan, *, today: date | None = None) -> str:
    """ "Surakarta, 29 November 2026"."""
    return f"{place_name()}, {format_date_id(signature_date(plan, today=today))}"


def state_notice(plan: PerformancePlan) -> str:
    """The warning printed on a plan that is not approved; empty once approved. A plan under
    revision says which approved version stays in force meanwhile."""
    if plan.state == PlanState.APPROVED:
        return ""
    notice = _("DRAF — belum disetujui (status: %(state)s)") % {
        "state": PlanState(plan.state).label
    }
    if plan.approved_version:
        notice += "; " + _("versi %(number)s yang telah disetujui tetap berlaku") % {
            "number": plan.approved_version
        }
    return notice


def version_text(plan: PerformancePlan) -> str:
    """ "Versi 2" for a plan submitted at least once; empty before the first submission."""
    return _("Versi %(number)s") % {"number": plan.version} if plan.version else ""


def approach_text(plan: PerformancePlan) -> str:
    """ "Pendekatan hasil kerja kuantitatif" as the form's second heading line."""
    return _("Pendekatan hasil kerja %(approach)s") % {
        "approach": str(Approach(plan.approach).label).lower()
    }


def is_head_form(document: PlanDocument) -> bool:
    """A head of agency's SKP (JPT form): results come from the Perjanjian Kinerja's goals and
    carry a perspective."""
    return bool(document.plan.position.is_head_of_agency)


def form_audience(document: PlanDocument) -> str:
    """The third heading line of the official form: whom this form is for."""
    if is_head_form(document):
        return _("Bagi Pejabat Pimpinan Tinggi dan Pimpinan Unit Kerja Mandiri")
    return _("Bagi Pejabat Administrasi dan Pejabat Fungsional")


def grade_text(grade: str) -> str:
    """Pangkat and golongan as the form prints them: "Penata Muda, III/a" (PPPK: "IX")."""
    if not grade:
        return "-"
    name = grade_rank_name(grade)
    return f"{name}, {grade}" if name else grade


def file_name(plan: PerformancePlan, extension: str) -> str:
    """`skp-<nip>-<year>.<extension>`: digits only, so safe in a Content-Disposition header."""
    nip = "".join(ch for ch in plan.employee.nip if ch.isdigit())
    return f"skp-{nip}-{plan.period.year}.{extension}"


@dataclass(frozen=True)
class ResultRow:
    """One line of the results table: an indicator with its result (and the result's first
    line carries the numbering and the spans)."""

    number: str
    parent_text: str
    result_text: str
    perspective: str
    aspect: str
    indicator_text: str
    target: str
    first: bool
    span: int


def result_blocks(views: list[ResultView]) -> list[list[ResultRow]]:
    """The rows of one group (A. Utama or B. Tambahan), a block per result: one row per
    indicator; a result without indicators still gets one row so that it is not lost."""
    blocks: list[list[ResultRow]] = []
    for view in views:
        result = view.result
        perspective = result.get_perspective_display() if result.perspective else ""
        span = max(len(view.indicators), 1)
        lines: list[tuple[str, str, str]] = [
            (indicator.get_aspect_display(), indicator.text, indicator_target_text(indicator))
            for indicator in view.indicators
        ] or [("", "", "")]
        blocks.append(
            [
                ResultRow(
                    number=str(view.number),
                    parent_text=view.parent_text,
                    result_text=result.text,
                    perspective=perspective,
                    aspect=aspect,
                    indicator_text=text,
                    target=target,
                    first=index == 0,
                    span=span,
                )
                for index, (aspect, text, target) in enumerate(lines)
            ]
        )
    return blocks


def result_rows(views: list[ResultView]) -> list[ResultRow]:
    """The rows of one group, flat (the spreadsheet's order)."""
    return [row for block in result_blocks(views) for row in block]
