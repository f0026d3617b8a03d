"""Realisation timeliness: for the windows whose realisation due date has passed, how many
realisations of approved plans were due, submitted on time, submitted late, and are still
missing. A realisation counts in the unit of its plan's post.

The rules are the appraiser's team view's (`monitoring.selectors.realizations.team`): an
approved plan's manual indicators (not the satisfaction-index ones) are due in each window that
overlaps the plan; "late" is submitted after the window's `realization_due_date` (local day);
"missing" is due minus submitted, never below zero.

Categories: `DUE`, `ON_TIME`, `LATE`, `MISSING`.
"""

from __future__ import annotations

from collections import defaultdict

from django.db.models import Count, F, Q
from django.utils import timezone

from kinerja.periods.models import PerformancePeriod
from kinerja.reporting.models import Panel
from kinerja.reporting.panels.base import Cell, Figure, PanelData, PanelSpec, PanelView, Row
from kinerja.reporting.panels.common import (
    bars,
    count_cell,
    percent_cell,
    percent_value,
    total_row,
)
from kinerja.scoring.formatting import format_decimal

DUE = "DUE"
ON_TIME = "ON_TIME"
LATE = "LATE"
MISSING = "MISSING"
ANCHOR = "realisasi"
AUTOMATIC_SOURCE = "SATISFACTION_INDEX"
"""Indicators filled from the IKM, not by the employee (as in the team view)."""


def compute(period: PerformancePeriod) -> list[Figure]:
    from kinerja.monitoring.models import Realization
    from kinerja.periods.models import EvaluationWindow
    from kinerja.planning.models import Indicator

    today = timezone.localdate()
    windows = list(
        EvaluationWindow.objects.filter(period=period, realization_due_date__lt=today).values(
            "pk", "start_date", "end_date"
        )
    )
    if not windows:
        return []
    unit_key = ("result__plan__position__agency_id", "result__plan__position__unit_id")
    # one conditional count per due window (a period has at most twelve): the indicators of
    # approved plans overlapping the window, per unit, in one GROUP BY query
    due_rows = (
        Indicator.objects.filter(
            result__plan__period=period, result__plan__approved_version__isnull=False
        )
        .exclude(source=AUTOMATIC_SOURCE)
        .values(*unit_key)
        .annotate(
            **{
                f"w{w['pk']}": Count(
                    "pk",
                    filter=Q(
                        result__plan__start_date__lte=w["end_date"],
                        result__plan__end_date__gte=w["start_date"],
                    ),
                )
                for w in windows
            }
        )
        .order_by()
    )
    due: dict[tuple[int, int | None], int] = defaultdict(int)
    for r in due_rows:
        key = (r[unit_key[0]], r[unit_key[1]])
        due[key] += sum(r[f"w{w['pk']}"] for w in windows)
    submitted_rows = (
        Realization.objects.filter(
            window_id__in=[w["pk"] for w in windows],
            plan__period=period,
            plan__approved_version__isnull=False,
            submitted_at__isnull=False,
        )
        .exclude(indicator__source=AUTOMATIC_SOURCE)
        .values("plan__position__agency_id", "plan__position__unit_id")
        .annotate(
            on_time=Count(
                "pk", filter=Q(submitted_at__date__lte=F("window__realization_due_date"))
            ),
            late=Count("pk", filter=Q(submitted_at__date__gt=F("window__realization_due_date"))),
        )
        .order_by()
    )
    done: dict[tuple[int, int | None], tuple[int, int]] = {
        (r["plan__position__agency_id"], r["plan__position__unit_id"]): (r["on_time"], r["late"])
        for r in submitted_rows
    }
    figures: list[Figure] = []
    for agency, unit in sorted(set(due) | set(done), key=lambda k: (k[0], k[1] or 0)):
        owed = due.get((agency, unit), 0)
        on_time, late = done.get((agency, unit), (0, 0))
        for category, count in (
            (DUE, owed),
            (ON_TIME, on_time),
            (LATE, late),
            (MISSING, max(owed - on_time - late, 0)),
        ):
            if count:
                figures.append(Figure(agency, unit, category, count))
    return figures


COLUMNS = ("Jatuh tempo", "Tepat waktu", "% tepat waktu", "Terlambat", "Belum diisi")


def _cells(data: PanelData, key: int | None, url: str, *, total: bool = False) -> list[Cell]:
    get = data.total_of if total else (lambda category: data.get(key, category))
    due = get(DUE).count
    on_time = get(ON_TIME).count
    return [
        count_cell(due, url, ANCHOR),
        count_cell(on_time, url, ANCHOR),
        percent_cell(on_time, due, url, ANCHOR),
        count_cell(get(LATE).count, url, ANCHOR),
        count_cell(get(MISSING).count, url, ANCHOR),
    ]


def present(data: PanelData) -> PanelView:
    children = [child for child in data.children if child.key in data.by_child]
    rows = tuple(
        Row(label=child.label, url=child.url, cells=tuple(_cells(data, child.key, child.url)))
        for child in children
    )
    due = data.total_of(DUE).count
    on_time = data.total_of(ON_TIME).count
    shares = [
        percent_value(data.get(child.key, ON_TIME).count, data.get(child.key, DUE).count)
        for child in data.children
    ]
    return PanelView(
        panel=Panel.REALIZATIONS,
        title="Ketepatan waktu realisasi",
        lede="Realisasi indikator SKP yang disetujui pada evaluasi periodik yang batas "
        "pengisiannya sudah lewat: diajukan tepat waktu, terlambat, atau belum diisi.",
        columns=COLUMNS,
        rows=rows,
        total=total_row(_cells(data, None, "", total=True)) if rows else None,
        chart_svg=bars(
            data=data, title="Realisasi tepat waktu (%)", series="% tepat waktu", values=shares
        ),
        chart_summary=(
            f"{format_decimal(on_time, 0)} dari {format_decimal(due, 0)} realisasi yang jatuh "
            f"tempo diajukan tepat waktu; grafik menunjukkan persentasenya per "
            f"{'perangkat daerah' if data.level == 'city' else 'unit kerja'}."
            if due
            else ""
        ),
    )


SPEC = PanelSpec(panel=Panel.REALIZATIONS, compute=compute, present=present)
