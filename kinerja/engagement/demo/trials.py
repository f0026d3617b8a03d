"""Demo data of the trials part: this year's trial period of one agency ("Uji coba Dinas
Pariwisata <year>", in Pelaksanaan) with the plans of two of its employees who have no login,
opened through the services. Idempotent: an existing period of that name is left as it is.
The other demos pick the real period (`is_trial=False`), so they do not see it."""

from __future__ import annotations

from datetime import date

from django.core.exceptions import ValidationError

from kinerja.core.demo import DemoOptions
from kinerja.organization.models import Agency
from kinerja.people.holdings import covering
from kinerja.people.models import Employee
from kinerja.periods.models import PerformancePeriod, PeriodState, WindowKind
from kinerja.periods.services import period_advance, period_open
from kinerja.planning.services import plan_start

AGENCY_NAME = "Dinas Pariwisata"
PLANS = 2


def seed(options: DemoOptions) -> list[str]:
    """Create what is missing, change nothing that exists; return lines to print."""
    agency = (
        Agency.objects.filter(name=AGENCY_NAME).first() or Agency.objects.order_by("name").first()
    )
    if agency is None:
        return ["Periode uji coba dilewati: belum ada perangkat daerah."]
    year = options.today.year
    name = f"Uji coba {agency.name} {year}"
    if PerformancePeriod.objects.filter(name=name, is_trial=True).exists():
        return [f"{name} sudah ada."]
    period = period_open(
        actor=None, year=year, name=name, start_date=date(year, 1, 1),
        end_date=date(year, 12, 31), window_kind=WindowKind.MONTHLY,
        plan_due_date=date(year, 1, 31), realization_due_day=5,
        evaluation_due_date=date(year + 1, 1, 31), is_trial=True, trial_agency=agency,
    )  # fmt: skip
    period = period_advance(actor=None, period=period, to_state=PeriodState.EXECUTION)
    employees = (
        Employee.objects.filter(
            covering(options.today, "assignments__"),
            assignments__position__agency=agency,
            assignments__is_acting=False,
            user__isnull=True,
        )
        .distinct()
        .order_by("nip")[:PLANS]
    )
    started = 0
    for employee in employees:
        try:
            plan_start(actor=None, employee=employee, period=period)
        except ValidationError:
            continue  # no post today, or already planned: the demo goes on without them
        started += 1
    return [f"{name} (uji coba, Pelaksanaan) dibuka dengan {started} SKP."]
