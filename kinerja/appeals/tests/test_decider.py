"""Who decides an objection: the appraiser's superior on the evaluation's date, never the
appraiser (a Plt holding both posts sends it one level up), the Wali Kota's office above a head
of agency."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.utils import timezone

from kinerja.appeals.decider import (
    MAYOR_NOTE,
    ONE_UP_NOTE,
    SKIPPED_NOTE,
    objection_decider_for,
)
from kinerja.appeals.testing import make_acknowledged_evaluation
from kinerja.people.models import Assignment
from kinerja.people.testing import Personas, assign

pytestmark = pytest.mark.django_db


def test_the_decider_is_the_appraisers_superior(personas: Personas) -> None:
    evaluation = make_acknowledged_evaluation(personas=personas)

    decider = objection_decider_for(evaluation)

    assert decider.employee_id == personas.staff.kabid.pk
    assert decider.note == ""


def test_a_plt_holding_the_appraisers_post_and_the_one_above_sends_it_one_level_up(
    personas: Personas,
) -> None:
    staff = personas.staff
    yesterday = timezone.localdate() - timedelta(days=30)
    # The Kabid leaves; the Kasi (the appraiser) acts as Plt Kabid: she holds both posts.
    Assignment.objects.filter(employee=staff.kabid, position=staff.kabid_post).update(
        end_date=yesterday
    )
    assign(staff.supervisor, staff.kabid_post, start=yesterday + timedelta(days=1), acting=True)
    evaluation = make_acknowledged_evaluation(personas=personas)

    decider = objection_decider_for(evaluation)

    assert decider.employee_id == staff.head.pk
    assert decider.employee_id != evaluation.appraiser_id
    assert decider.note == SKIPPED_NOTE


def test_a_superior_who_is_the_stored_appraiser_sends_it_one_level_up(
    personas: Personas,
) -> None:
    # The evaluation was set by the Kabid (e.g. the appraiser changed after the plan): the
    # chain's superior (the Kabid) is the appraiser, so the head of agency decides.
    staff = personas.staff
    evaluation = make_acknowledged_evaluation(personas=personas, appraiser=staff.kabid)

    decider = objection_decider_for(evaluation)

    assert decider.employee_id == staff.head.pk
    assert decider.note == ONE_UP_NOTE


def test_above_a_head_of_agency_the_wali_kotas_office_decides(personas: Personas) -> None:
    staff = personas.staff
    evaluation = make_acknowledged_evaluation(
        personas=personas, employee=staff.kabid, appraiser=staff.head
    )

    decider = objection_decider_for(evaluation)

    assert decider.is_mayor
    assert MAYOR_NOTE in decider.note
