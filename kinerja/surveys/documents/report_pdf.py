"""The SKM report of a service unit as PDF, in the usual structure of a "Laporan Survei
Kepuasan Masyarakat" (PermenPANRB 14/2017): Bab I Pendahuluan, Bab II Metode, Bab III Hasil,
Bab IV Analisis, Bab V Rencana tindak lanjut, Penutup.

Every figure comes from `kinerja.surveys.reports.report_build` (the same values as the report
page and the API); this module only arranges them, the template only places them.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from django.conf import settings
from django.utils import timezone

from kinerja.scoring.formatting import format_date_id, format_decimal
from kinerja.scoring.ikm import GRADES, sample_size
from kinerja.surveys.documents.bars import bars_svg
from kinerja.surveys.documents.pdf import pdf_render
from kinerja.surveys.models import FollowUpAction
from kinerja.surveys.public_results import ELEMENT_NAMES
from kinerja.surveys.questions import questions
from kinerja.surveys.reports import BREAKDOWN_TITLES, GroupLine, SurveyReport

PROFILE_KEYS = ("gender", "age", "education", "occupation")
SAMPLE_EXAMPLES = (100, 500, 1000, 5000, 10000, 100000)


@dataclass(frozen=True)
class ProfileLine:
    label: str
    respondents: int
    share: str  # "42,50%"


@dataclass(frozen=True)
class ProfileTable:
    title: str
    lines: list[ProfileLine]


def _share(part: int, whole: int) -> str:
    return f"{format_decimal(Decimal(part) * 100 / whole, 2)}%" if whole else "-"


def profile_tables(report: SurveyReport) -> list[ProfileTable]:
    return [
        ProfileTable(
            title=BREAKDOWN_TITLES[key],
            lines=[
                ProfileLine(
                    line.label, line.respondents, _share(line.respondents, report.respondents)
                )
                for line in report.breakdowns.get(key, [])
            ],
        )
        for key in PROFILE_KEYS
        if key in report.breakdowns
    ]


def _grade_rows() -> list[tuple[str, str, str]]:
    """(grade, label, IKM range) of the regulation's table, A first."""
    rows, upper = [], "100,00"
    for lowest, grade, label in GRADES:
        rows.append((grade, label, f"{format_decimal(lowest)} - {upper}"))
        upper = format_decimal(lowest - Decimal("0.01"))
    rows.append(("D", "Tidak Baik", f"25,00 - {upper}"))
    return rows


def report_pdf_context(
    *, report: SurveyReport, followups: Sequence[FollowUpAction]
) -> dict[str, Any]:
    result = report.result
    unit = report.service_unit
    services: list[GroupLine] = report.breakdowns.get("service", [])
    element_chart = bars_svg(
        title=f"Nilai rata-rata (NRR) per unsur, {report.span.label}",
        rows=[(f"{line.code} {line.name}", line.mean) for line in report.elements],
        maximum=Decimal(4),
        places=2,
        label_width=300,
        width=640,
    )
    trend_chart = bars_svg(
        title="IKM per bulan, 12 bulan terakhir",
        rows=[(point.span.label, point.ikm) for point in report.trend],
        maximum=Decimal(100),
        places=2,
    )
    return {
        "government": f"Pemerintah {settings.KINERJA_CITY_NAME}",
        "report": report,
        "result": result,
        "unit": unit,
        "agency_name": unit.unit.agency.name if unit is not None else "",
        "span": report.span,
        "period_text": (
            f"{format_date_id(report.span.start)} sampai dengan {format_date_id(report.span.end)}"
        ),
        "questions": questions(),
        "grade_rows": _grade_rows(),
        "sample_examples": [(n, sample_size(n)) for n in SAMPLE_EXAMPLES],
        "profiles": profile_tables(report),
        "services": services,
        "element_chart": element_chart,
        "trend_chart": trend_chart,
        "followups": [
            {
                "element": f"{row.element} {ELEMENT_NAMES.get(row.element, '')}".strip(),
                "action": row.action,
                "owner": row.owner,
                "due_date": row.due_date,
                "state": row.get_state_display(),
            }
            for row in followups
        ],
        "printed_on": timezone.localdate(),
    }


def report_pdf_render(*, report: SurveyReport, followups: Sequence[FollowUpAction]) -> bytes:
    context = report_pdf_context(report=report, followups=followups)
    return pdf_render(template="report.html", stylesheet="report.css", context=context)
