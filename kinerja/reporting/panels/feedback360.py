"""360° completion: the reviews asked in the period's 360° rounds, how many were sent and how
many withdrawn, per agency and unit of the rated employee (`ReviewerList.agency`/`unit`), by the
rule of the assessment app's completion table (`assessment/selectors/completion.py`): employees
are the lists, asked the active (not withdrawn) reviews, sent the active reviews with answers
sent.

Anonymity: these are counts of review requests, never answers, and per unit exactly as the
assessment app already shows completion to admins (no k threshold applies to completion there);
no figure reads `AnswerSheet`.

Categories: `LISTS` (rated employees), `ASKED`, `SENT`, `WITHDRAWN`.
"""

from __future__ import annotations

from django.db.models import Count, Q

from kinerja.periods.models import PerformancePeriod
from kinerja.reporting.models import Panel
from kinerja.reporting.panels.base import Cell, Figure, PanelData, PanelSpec, PanelView, Row
from kinerja.reporting.panels.common import bars, count_cell, percent_cell, total_row
from kinerja.scoring.formatting import format_decimal

LISTS = "LISTS"
ASKED = "ASKED"
SENT = "SENT"
WITHDRAWN = "WITHDRAWN"
ANCHOR = "umpan-balik-360"
COLUMNS = ("Pegawai dinilai", "Permintaan aktif", "Terkirim", "% lengkap", "Ditarik")


def compute(period: PerformancePeriod) -> list[Figure]:
    from kinerja.assessment.models import ReviewerList

    active = Q(reviews__withdrawn_on__isnull=True)
    rows = (
        ReviewerList.objects.filter(cycle__period=period)
        .values("agency_id", "unit_id")
        .annotate(
            lists=Count("pk", distinct=True),
            asked=Count("reviews", filter=active),
            sent=Count("reviews", filter=active & Q(reviews__submitted_on__isnull=False)),
            withdrawn=Count("reviews", filter=Q(reviews__withdrawn_on__isnull=False)),
        )
        .order_by()
    )
    figures: list[Figure] = []
    for r in rows:
        for category, count in (
            (LISTS, r["lists"]),
            (ASKED, r["asked"]),
            (SENT, r["sent"]),
            (WITHDRAWN, r["withdrawn"]),
        ):
            if count:
                figures.append(Figure(r["agency_id"], r["unit_id"], category, count))
    return figures


def _cells(data: PanelData, key: int | None, url: str, *, total: bool = False) -> list[Cell]:
    get = data.total_of if total else (lambda category: data.get(key, category))
    asked, sent = get(ASKED).count, get(SENT).count
    return [
        count_cell(get(LISTS).count, url, ANCHOR),
        count_cell(asked, url, ANCHOR),
        count_cell(sent, url, ANCHOR),
        percent_cell(sent, asked, url, ANCHOR),
        count_cell(get(WITHDRAWN).count, url, ANCHOR),
    ]


def present(data: PanelData) -> PanelView:
    shown = [child for child in data.children if data.by_child.get(child.key)]
    rows = tuple(
        Row(label=child.label, url=child.url, cells=tuple(_cells(data, child.key, child.url)))
        for child in shown
    )
    asked, sent = data.total_of(ASKED).count, data.total_of(SENT).count
    percents = [
        percent_cell(data.get(c.key, SENT).count, data.get(c.key, ASKED).count, "", "").value
        for c in data.children
    ]
    return PanelView(
        panel=Panel.FEEDBACK360,
        title="Kelengkapan umpan balik 360°",
        lede="Permintaan penilaian 360° pada putaran periode ini menurut unit pegawai yang "
        "dinilai: yang aktif, yang sudah dikirim dan yang ditarik. Hanya jumlah permintaan, "
        "tidak pernah jawaban atau nama penilai.",
        columns=COLUMNS,
        rows=rows,
        total=total_row(_cells(data, None, "", total=True)) if rows else None,
        chart_svg=bars(
            data=data, title="Umpan balik terkirim (%)", series="% lengkap", values=percents
        ),
        chart_summary=(
            f"{format_decimal(sent, 0)} dari {format_decimal(asked, 0)} permintaan penilaian "
            "360° sudah dikirim."
            if asked
            else ""
        ),
    )


SPEC = PanelSpec(panel=Panel.FEEDBACK360, compute=compute, present=present)
