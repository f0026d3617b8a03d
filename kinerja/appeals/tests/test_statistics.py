"""Objection statistics (selectors/statistics.py): counts per agency, the median days to a
decision, the breakdowns by predikat and unit, the period filter, and who may read them."""

from __future__ import annotations

from datetime import timedelta
from decimal import Decimal

import pytest
from django.core.exceptions import PermissionDenied
from django.db import connection
from django.http import Http404
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from kinerja.appeals.models import Objection, ObjectionState
from kinerja.appeals.selectors.statistics import (
    median_days,
    objection_statistics_for_actor,
    statistics_export_rows,
)
from kinerja.appeals.testing import make_acknowledged_evaluation, make_objection
from kinerja.organization.testing import make_agency
from kinerja.people.testing import PERSONA_NAMES, Personas
from kinerja.planning.testing import make_open_period

pytestmark = pytest.mark.django_db

READERS = {"hr_admin", "leader"}


def _decided_after(objection: Objection, days: int) -> None:
    Objection.objects.filter(pk=objection.pk).update(
        decided_at=objection.filed_at + timedelta(days=days)
    )


def _three_objections(personas: Personas) -> list[Objection]:
    """Agus's accepted (decided after 4 days), Sri's rejected (after 9 days), the Kabid's
    open: all in Dukcapil, the first two in the staffed unit."""
    staff = personas.staff
    accepted = make_objection(
        evaluation=make_acknowledged_evaluation(personas=personas),
        state=ObjectionState.ACCEPTED,
        days_ago=20,
    )
    _decided_after(accepted, 4)
    rejected = make_objection(
        evaluation=make_acknowledged_evaluation(
            personas=personas, employee=staff.supervisor, appraiser=staff.kabid
        ),
        state=ObjectionState.REJECTED,
        days_ago=20,
    )
    _decided_after(rejected, 9)
    filed = make_objection(
        evaluation=make_acknowledged_evaluation(
            personas=personas, employee=staff.kabid, appraiser=staff.head
        ),
        state=ObjectionState.FILED,
    )
    return [accepted, rejected, filed]


def test_the_agency_row_counts_each_state_and_the_median_days(personas: Personas) -> None:
    _three_objections(personas)
    found = objection_statistics_for_actor(actor=personas.hr_admin)
    [row] = found.by_agency
    assert row.label == personas.agency.name
    assert (row.filed, row.accepted, row.rejected, row.withdrawn, row.open) == (3, 1, 1, 0, 1)
    assert row.decided == 2
    assert row.median_days == Decimal("6.5")
    assert row.median_text == "6,5"
    assert found.total.filed == 3
    assert found.total.median_text == "6,5"


def test_the_median_of_an_odd_count_is_the_middle_value() -> None:
    assert median_days([9, 1, 4]) == Decimal("4")
    assert median_days([]) is None


def test_agencies_are_listed_most_objections_first_with_their_own_median(
    personas: Personas,
) -> None:
    _, rejected, _ = _three_objections(personas)
    Objection.objects.filter(pk=rejected.pk).update(agency=personas.other_agency)
    found = objection_statistics_for_actor(actor=personas.leader)
    assert [row.label for row in found.by_agency] == [
        personas.agency.name,
        personas.other_agency.name,
    ]
    assert [row.median_text for row in found.by_agency] == ["4", "9"]
    assert found.total.median_text == "6,5"


def test_the_breakdown_by_predikat_uses_the_predikat_before_the_objection(
    personas: Personas,
) -> None:
    objections = _three_objections(personas)
    Objection.objects.filter(pk=objections[0].pk).update(predikat_before="BUTUH_PERBAIKAN")
    Objection.objects.filter(pk__in=[o.pk for o in objections[1:]]).update(predikat_before="BAIK")
    found = objection_statistics_for_actor(actor=personas.hr_admin)
    assert [(row.label, row.filed) for row in found.by_predikat] == [
        ("Baik", 2),
        ("Butuh Perbaikan", 1),
    ]


def test_the_units_are_shown_for_the_chosen_agency_only(personas: Personas) -> None:
    objections = _three_objections(personas)
    Objection.objects.filter(pk=objections[2].pk).update(unit=None)
    assert objection_statistics_for_actor(actor=personas.hr_admin).by_unit == []
    found = objection_statistics_for_actor(actor=personas.hr_admin, agency_id=personas.agency.pk)
    assert [(row.label, row.filed) for row in found.by_unit] == [
        (personas.staff.unit.name, 2),
        ("Tanpa unit kerja", 1),
    ]
    other = objection_statistics_for_actor(
        actor=personas.hr_admin, agency_id=personas.other_agency.pk
    )
    assert other.by_unit == []
    assert other.by_predikat == []


def test_the_period_filter_keeps_the_objections_of_that_period(personas: Personas) -> None:
    objections = _three_objections(personas)
    period = objections[0].evaluation.plan.period
    found = objection_statistics_for_actor(actor=personas.hr_admin, period_id=period.pk)
    assert found.total.filed == 3
    last_year = make_open_period(year=timezone.localdate().year - 1)
    empty = objection_statistics_for_actor(actor=personas.hr_admin, period_id=last_year.pk)
    assert empty.by_agency == []
    assert empty.total.filed == 0
    assert empty.total.median_text == "—"


def test_an_unknown_period_or_agency_is_404(personas: Personas) -> None:
    with pytest.raises(Http404):
        objection_statistics_for_actor(actor=personas.hr_admin, period_id=999_999)
    with pytest.raises(Http404):
        objection_statistics_for_actor(actor=personas.hr_admin, agency_id=999_999)


@pytest.mark.parametrize("name", PERSONA_NAMES)
def test_only_bkpsdm_and_pimpinan_read_the_statistics(personas: Personas, name: str) -> None:
    actor = personas.all()[name]
    if name in READERS:
        objection_statistics_for_actor(actor=actor)
    else:
        with pytest.raises(PermissionDenied):
            objection_statistics_for_actor(actor=actor)


def test_the_export_rows_end_with_the_total(personas: Personas) -> None:
    _three_objections(personas)
    rows = statistics_export_rows(objection_statistics_for_actor(actor=personas.hr_admin))
    assert rows == [
        [personas.agency.name, 3, 1, 1, 0, 1, 2, Decimal("6.5")],
        ["Jumlah", 3, 1, 1, 0, 1, 2, Decimal("6.5")],
    ]


def _spread(objection: Objection, agencies: int) -> None:
    """Withdrawn copies of `objection` (a withdrawn one does not block another), one in each
    of `agencies` new agencies."""
    for _ in range(agencies):
        copy = Objection.objects.get(pk=objection.pk)
        copy.pk = None
        copy.state = ObjectionState.WITHDRAWN
        copy.agency = make_agency()
        copy.save()


def test_the_queries_are_the_same_for_2_or_30_agencies(personas: Personas) -> None:
    objections = _three_objections(personas)
    _spread(objections[0], 1)

    def count() -> int:
        with CaptureQueriesContext(connection) as captured:
            found = objection_statistics_for_actor(
                actor=personas.hr_admin, agency_id=personas.agency.pk
            )
        assert found.by_unit
        return len(captured.captured_queries)

    few = count()
    _spread(objections[0], 28)
    assert len(objection_statistics_for_actor(actor=personas.hr_admin).by_agency) == 30
    assert count() == few
    assert few <= 8
