"""Reads of the allowance (TPP): the month asked for, the agencies an actor may handle, the
employees of an agency in a month with their attendance, the scheme in force, and the sheet's
rows (predikat of the month's window, attendance and the share from `kinerja.scoring`).

Every list costs the same handful of queries for ten employees or ten thousand.
"""

from __future__ import annotations

import calendar
import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal

from django.core.exceptions import PermissionDenied, ValidationError
from django.db.models import Q, QuerySet
from django.http import Http404

from kinerja.accounts.actors import Actor
from kinerja.accounts.permissions import can_manage_city, managed_agency_id
from kinerja.evaluation.models import (
    AllowanceScheme,
    AttendanceRecord,
    Evaluation,
    EvaluationState,
)
from kinerja.evaluation.permissions import NOT_AGENCY_MANAGER, can_export_agency
from kinerja.evaluation.rules import TRIAL_LABEL
from kinerja.organization.models import Agency
from kinerja.people.holdings import today
from kinerja.people.models import Assignment, titled_name
from kinerja.periods.models import PerformancePeriod
from kinerja.scoring.allowance import allowance_share
from kinerja.scoring.formatting import format_date_id, month_name
from kinerja.scoring.ratings import Predikat

MONTH_PARAM = "bulan"
MONTH_PATTERN = re.compile(r"^(\d{4})-(\d{1,2})$")
NOT_TPP_HANDLER = "Halaman TPP hanya untuk Admin BKPSDM dan Admin OPD."
RATED_STATES = (EvaluationState.RATED, EvaluationState.ACKNOWLEDGED)

MULTIPLIER_FIELDS: Mapping[Predikat, str] = {
    Predikat.SANGAT_BAIK: "multiplier_sangat_baik",
    Predikat.BAIK: "multiplier_baik",
    Predikat.BUTUH_PERBAIKAN: "multiplier_butuh_perbaikan",
    Predikat.KURANG: "multiplier_kurang",
    Predikat.SANGAT_KURANG: "multiplier_sangat_kurang",
}
"""The scheme's field holding the multiplier of each predikat."""


@dataclass(frozen=True)
class Month:
    year: int
    month: int

    @property
    def first_day(self) -> date:
        return date(self.year, self.month, 1)

    @property
    def last_day(self) -> date:
        return date(self.year, self.month, calendar.monthrange(self.year, self.month)[1])

    @property
    def label(self) -> str:
        """ "November 2026"."""
        return f"{month_name(self.month)} {self.year}"

    @property
    def param(self) -> str:
        """ "2026-11", the value of `?bulan=`."""
        return f"{self.year:04d}-{self.month:02d}"


def month_default(day: date | None = None) -> Month:
    """The month a page opens on: the previous one, which offices finalise by the 5th."""
    day = day or today()
    return Month(day.year - 1, 12) if day.month == 1 else Month(day.year, day.month - 1)


def month_from_query(query: Mapping[str, str], *, day: date | None = None) -> Month:
    """The month of `?bulan=YYYY-MM`, the previous month when empty; a ValidationError naming
    the parameter, the value and the accepted form otherwise (including a month that has not
    begun)."""
    day = day or today()
    raw = (query.get(MONTH_PARAM) or "").strip()
    if not raw:
        return month_default(day)
    found = MONTH_PATTERN.match(raw)
    if found is None or not 1 <= int(found.group(2)) <= 12 or int(found.group(1)) < 2000:
        raise ValidationError(
            {MONTH_PARAM: [f"Bulan {raw[:20]!r} tidak dikenal; isi tahun dan bulan, mis. 2026-11."]}
        )
    month = Month(int(found.group(1)), int(found.group(2)))
    if month.first_day > day:
        raise ValidationError(
            {MONTH_PARAM: [f"Bulan {month.label} belum dimulai; pilih bulan ini atau sebelumnya."]}
        )
    return month


# --- who, where ----------------------------------------------------------------------------


def allowance_agencies_for_actor(*, actor: Actor) -> QuerySet[Agency]:
    """The agencies whose attendance and sheet the actor handles: every agency for BKPSDM,
    their own for an Admin OPD; PermissionDenied for anyone else."""
    if can_manage_city(actor):
        return Agency.objects.order_by("name")
    own = managed_agency_id(actor)
    if own is None:
        raise PermissionDenied(NOT_TPP_HANDLER)
    return Agency.objects.filter(pk=own)


def allowance_agency_get_for_actor(*, actor: Actor, agency_id: int) -> Agency:
    """The agency, when the actor may handle its attendance and sheet (BKPSDM, its Admin OPD).
    404 when there is no such agency; PermissionDenied for others."""
    agency = Agency.objects.filter(pk=agency_id).first()
    if agency is None:
        raise Http404("Perangkat daerah tidak ditemukan.")
    if not can_export_agency(actor, agency_id):
        raise PermissionDenied(NOT_AGENCY_MANAGER)
    return agency


@dataclass
class MonthEmployee:
    """An employee who held a definitive post of the agency during the month (their latest
    such post), with the month's attendance when recorded."""

    employee_id: int
    nip: str
    name: str
    position: str
    working_days: int | None = None
    present_days: int | None = None


def month_employees(*, agency_id: int, month: Month) -> list[MonthEmployee]:
    """Employees who held a definitive (non-acting) post of the agency on any day of the month,
    by name, with their attendance of the month. Two queries."""
    assignments = (
        Assignment.objects.filter(
            Q(end_date__isnull=True) | Q(end_date__gte=month.first_day),
            position__agency_id=agency_id,
            is_acting=False,
            start_date__lte=month.last_day,
        )
        .order_by("employee_id", "-start_date", "-pk")
        .values_list(
            "employee_id",
            "employee__nip",
            "employee__title_prefix",
            "employee__name",
            "employee__title_suffix",
            "position__name",
        )
    )
    people: dict[int, MonthEmployee] = {}
    for employee_id, nip, prefix, name, suffix, position in assignments:
        if employee_id not in people:
            full = titled_name(prefix, name, suffix)
            people[employee_id] = MonthEmployee(employee_id, nip, full, position)
    records = AttendanceRecord.objects.filter(
        employee_id__in=list(people), year=month.year, month=month.month
    ).values_list("employee_id", "working_days", "present_days")
    for employee_id, working, present in records:
        people[employee_id].working_days = working
        people[employee_id].present_days = present
    return sorted(people.values(), key=lambda e: (e.name.casefold(), e.employee_id))


# --- the scheme ---------------------------------------------------------------------------


def allowance_scheme_list_for_actor(*, actor: Actor) -> QuerySet[AllowanceScheme]:
    if not can_manage_city(actor):
        raise PermissionDenied("Hanya Admin BKPSDM yang dapat mengatur skema TPP.")
    return AllowanceScheme.objects.order_by("-valid_from")


def scheme_for_month(month: Month) -> AllowanceScheme | None:
    """The scheme in force in the month: the latest `valid_from` on or before its first day."""
    return (
        AllowanceScheme.objects.filter(valid_from__lte=month.first_day)
        .order_by("-valid_from")
        .first()
    )


def scheme_multiplier(scheme: AllowanceScheme, predikat: Predikat) -> Decimal:
    value: Decimal = getattr(scheme, MULTIPLIER_FIELDS[predikat])
    return value


# --- the sheet ----------------------------------------------------------------------------

NO_PREDIKAT = "Belum ada predikat yang ditetapkan untuk bulan ini."
NO_ATTENDANCE = "Kehadiran bulan ini belum dicatat."


@dataclass
class SheetRow:
    nip: str
    name: str
    position: str
    predikat: Predikat | None
    working_days: int | None
    present_days: int | None
    performance: Decimal | None = None
    attendance: Decimal | None = None
    total: Decimal | None = None
    notes: list[str] = field(default_factory=list)

    @property
    def is_complete(self) -> bool:
        return self.total is not None


@dataclass
class AllowanceSheet:
    agency: Agency
    month: Month
    scheme: AllowanceScheme
    rows: list[SheetRow]
    trial_periods: list[str]

    @property
    def complete_count(self) -> int:
        return sum(1 for row in self.rows if row.is_complete)

    @property
    def noted_count(self) -> int:
        return len(self.rows) - self.complete_count

    @property
    def attendance_count(self) -> int:
        return sum(1 for row in self.rows if row.working_days is not None)

    @property
    def predikat_count(self) -> int:
        return sum(1 for row in self.rows if row.predikat is not None)


def trial_periods_of_month(month: Month) -> list[str]:
    """Names of the trial periods overlapping the month (their results are left out)."""
    return [
        f"{name} ({TRIAL_LABEL})"
        for name in PerformancePeriod.objects.filter(
            is_trial=True, start_date__lte=month.last_day, end_date__gte=month.first_day
        )
        .order_by("start_date")
        .values_list("name", flat=True)
    ]


def month_predikats(employee_ids: list[int], month: Month) -> dict[int, Predikat]:
    """Each employee's predikat of the month: a rated or acknowledged periodic evaluation whose
    window covers the whole month, outside trial periods (the latest rated when two plans
    cover it, after a move). One query."""
    found: dict[int, Predikat] = {}
    rows = (
        Evaluation.objects.filter(
            plan__employee_id__in=employee_ids,
            window__start_date__lte=month.first_day,
            window__end_date__gte=month.last_day,
            state__in=RATED_STATES,
            plan__period__is_trial=False,
        )
        .exclude(predikat="")
        .order_by("plan__employee_id", "-rated_at", "-pk")
        .values_list("plan__employee_id", "predikat")
    )
    for employee_id, value in rows:
        found.setdefault(employee_id, Predikat(value))
    return found


def allowance_sheet_build(
    *, agency: Agency, month: Month, scheme: AllowanceScheme
) -> AllowanceSheet:
    """The sheet's rows: every employee of the agency in the month with the predikat, the
    attendance and the share; a row missing either gets a note instead of a 0. The caller
    authorises (`allowance_agency_get_for_actor`). Four queries."""
    people = month_employees(agency_id=agency.pk, month=month)
    predikats = month_predikats([p.employee_id for p in people], month)
    trials = trial_periods_of_month(month)
    rows = []
    for person in people:
        row = SheetRow(
            nip=person.nip,
            name=person.name,
            position=person.position,
            predikat=predikats.get(person.employee_id),
            working_days=person.working_days,
            present_days=person.present_days,
        )
        if row.predikat is None:
            row.notes.append(NO_PREDIKAT)
        if row.working_days is None or row.present_days is None:
            row.notes.append(NO_ATTENDANCE)
        elif row.predikat is not None:
            _fill_share(row, scheme, row.predikat, row.working_days, row.present_days)
        rows.append(row)
    return AllowanceSheet(
        agency=agency, month=month, scheme=scheme, rows=rows, trial_periods=trials
    )


def _fill_share(
    row: SheetRow, scheme: AllowanceScheme, predikat: Predikat, working: int, present: int
) -> None:
    try:
        share = allowance_share(
            performance_share=scheme.performance_share,
            attendance_share=scheme.attendance_share,
            multiplier=scheme_multiplier(scheme, predikat),
            working_days=working,
            present_days=present,
        )
    except ValueError as error:
        row.notes.append(str(error))
        return
    row.performance, row.attendance, row.total = share.performance, share.attendance, share.total


def scheme_description(scheme: AllowanceScheme) -> str:
    """ "Skema TPP Surakarta 2019, berlaku sejak 1 Januari 2019"."""
    return f"{scheme.name}, berlaku sejak {format_date_id(scheme.valid_from)}"
