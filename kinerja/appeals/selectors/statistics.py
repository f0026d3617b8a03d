"""Objection statistics for Admin BKPSDM and Pimpinan (`permissions.can_see_statistics`).

Per agency: objections filed, accepted, rejected, withdrawn and still open, and the median
number of days from filing to decision; then the same counts by the predikat the evaluation
had before the objection, and by unit for one chosen agency. Optionally narrowed to one
period (the period of the evaluation's plan).

Counts come from the database as GROUP BY queries. A median needs the values, so one query
fetches only the filing and decision days of decided objections (Asia/Jakarta calendar days,
as the deadlines are counted) and `statistics.median` runs over them. The page costs the same
number of queries for 2 agencies or 30.
"""

from __future__ import annotations

import statistics
from collections import defaultdict
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from django.core.exceptions import PermissionDenied
from django.db.models import Count, Q, QuerySet
from django.db.models.functions import TruncDate
from django.http import Http404
from django.utils import timezone

from kinerja.accounts.actors import Actor
from kinerja.appeals.models import DECIDED_STATES, OPEN_STATES, Objection, ObjectionState
from kinerja.appeals.permissions import can_see_statistics
from kinerja.organization.models import Agency
from kinerja.periods.models import PerformancePeriod
from kinerja.scoring.formatting import format_decimal
from kinerja.scoring.ratings import Predikat

NOT_ALLOWED = "Statistik keberatan hanya untuk Admin BKPSDM dan Pimpinan."
NO_PREDIKAT = "Belum ada predikat"
NO_UNIT = "Tanpa unit kerja"


@dataclass(frozen=True)
class Counts:
    """One row of a table: a label and its counts (`median_days` only per agency)."""

    label: str
    filed: int
    accepted: int
    rejected: int
    withdrawn: int
    open: int
    median_days: Decimal | None = None
    decided: int = 0
    key: int | str | None = None

    @property
    def median_text(self) -> str:
        """ "3", "4,5" or "—" when nothing is decided yet."""
        if self.median_days is None:
            return "—"
        places = 0 if self.median_days == self.median_days.to_integral_value() else 1
        return format_decimal(self.median_days, places)


@dataclass(frozen=True)
class Choice:
    id: int
    name: str
    selected: bool


@dataclass(frozen=True)
class ObjectionStatistics:
    period: PerformancePeriod | None
    periods: list[Choice]
    agency: Agency | None
    agencies: list[Choice]
    by_agency: list[Counts]
    total: Counts
    by_predikat: list[Counts]
    by_unit: list[Counts]


def _tallies(objections: QuerySet[Objection], *fields: str) -> list[dict[str, Any]]:
    """One GROUP BY query: the counts of each state per value of `fields`."""
    return list(
        objections.values(*fields)
        .annotate(
            filed=Count("pk"),
            accepted=Count("pk", filter=Q(state=ObjectionState.ACCEPTED)),
            rejected=Count("pk", filter=Q(state=ObjectionState.REJECTED)),
            withdrawn=Count("pk", filter=Q(state=ObjectionState.WITHDRAWN)),
            open=Count("pk", filter=Q(state__in=OPEN_STATES)),
        )
        .order_by()
    )


def _counts(row: dict[str, Any], *, label: str, key: Any, days: list[int]) -> Counts:
    return Counts(
        label=label,
        key=key,
        filed=row["filed"],
        accepted=row["accepted"],
        rejected=row["rejected"],
        withdrawn=row["withdrawn"],
        open=row["open"],
        median_days=median_days(days),
        decided=len(days),
    )


def median_days(days: list[int]) -> Decimal | None:
    """The median of whole days (a half when the count is even), None for no values."""
    if not days:
        return None
    return Decimal(str(statistics.median(days)))


def decision_days(objections: QuerySet[Objection]) -> dict[int, list[int]]:
    """Per agency id, the calendar days (Asia/Jakarta) from filing to decision of each decided
    objection; one query fetching three columns."""
    tz = timezone.get_current_timezone()
    rows = (
        objections.filter(state__in=DECIDED_STATES, decided_at__isnull=False)
        .annotate(
            filed_day=TruncDate("filed_at", tzinfo=tz),
            decided_day=TruncDate("decided_at", tzinfo=tz),
        )
        .values_list("agency_id", "filed_day", "decided_day")
        .order_by()
    )
    found: dict[int, list[int]] = defaultdict(list)
    for agency_id, filed, decided in rows:
        found[agency_id].append((decided - filed).days)
    return found


def objection_statistics_for_actor(
    *, actor: Actor, period_id: int | None = None, agency_id: int | None = None
) -> ObjectionStatistics:
    """The statistics page: 403 unless Admin BKPSDM or Pimpinan; 404 for an unknown period or
    agency. `period_id` None: every period. `agency_id`: the agency whose units are shown."""
    if not can_see_statistics(actor):
        raise PermissionDenied(NOT_ALLOWED)
    periods = list(PerformancePeriod.objects.order_by("-year", "is_trial", "-start_date"))
    period = None
    if period_id is not None:
        period = next((p for p in periods if p.pk == period_id), None)
        if period is None:
            raise Http404("Periode penilaian tidak ditemukan.")
    agencies = list(Agency.objects.order_by("name"))
    agency = None
    if agency_id is not None:
        agency = next((a for a in agencies if a.pk == agency_id), None)
        if agency is None:
            raise Http404("Perangkat daerah tidak ditemukan.")

    objections = Objection.objects.all()
    if period is not None:
        objections = objections.filter(evaluation__plan__period_id=period.pk)
    days = decision_days(objections)

    names = {a.pk: a.name for a in agencies}
    by_agency = sorted(
        (
            _counts(row, label=names.get(row["agency_id"], ""), key=row["agency_id"],
                    days=days.get(row["agency_id"], []))
            for row in _tallies(objections, "agency_id")
        ),
        key=lambda row: (-row.filed, row.label),
    )  # fmt: skip
    total = Counts(
        label="Jumlah",
        filed=sum(row.filed for row in by_agency),
        accepted=sum(row.accepted for row in by_agency),
        rejected=sum(row.rejected for row in by_agency),
        withdrawn=sum(row.withdrawn for row in by_agency),
        open=sum(row.open for row in by_agency),
        median_days=median_days([d for values in days.values() for d in values]),
        decided=sum(len(values) for values in days.values()),
    )

    scoped = objections if agency is None else objections.filter(agency_id=agency.pk)
    labels = Predikat.label_table()
    order = {value: i for i, value in enumerate(labels)}
    by_predikat = sorted(
        (
            _counts(row, label=labels.get(str(row["predikat_before"]), NO_PREDIKAT),
                    key=str(row["predikat_before"]), days=[])
            for row in _tallies(scoped, "predikat_before")
        ),
        key=lambda row: order.get(str(row.key), len(order)),
    )  # fmt: skip

    by_unit: list[Counts] = []
    if agency is not None:
        by_unit = sorted(
            (
                _counts(row, label=row["unit__name"] or NO_UNIT, key=row["unit_id"], days=[])
                for row in _tallies(scoped, "unit_id", "unit__name")
            ),
            key=lambda row: (-row.filed, row.label),
        )  # fmt: skip

    return ObjectionStatistics(
        period=period,
        periods=[Choice(p.pk, p.name, p.pk == period_id) for p in periods],
        agency=agency,
        agencies=[Choice(a.pk, a.name, a.pk == agency_id) for a in agencies],
        by_agency=by_agency,
        total=total,
        by_predikat=by_predikat,
        by_unit=by_unit,
    )


EXPORT_HEADER: tuple[str, ...] = (
    "Perangkat daerah",
    "Diajukan",
    "Diterima",
    "Ditolak",
    "Dicabut",
    "Dalam proses",
    "Diputus",
    "Median hari sampai keputusan",
)


def statistics_export_rows(found: ObjectionStatistics) -> list[list[object]]:
    """The per-agency table and its total, as an export writes them (numbers stay numbers;
    an agency with nothing decided has an empty median)."""
    return [
        [row.label, row.filed, row.accepted, row.rejected, row.withdrawn, row.open, row.decided,
         row.median_days if row.median_days is not None else ""]
        for row in (*found.by_agency, found.total)
    ]  # fmt: skip
