"""The organisation predikat the Pimpinan sets (services/organization.py)."""

from __future__ import annotations

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from kinerja.audit.models import AuditEvent
from kinerja.evaluation.models import OrganizationRating
from kinerja.evaluation.rules import Scope
from kinerja.evaluation.services.organization import organization_rating_set
from kinerja.people.testing import PERSONA_NAMES, Personas
from kinerja.periods.models import PerformancePeriod, PeriodState
from kinerja.planning.testing import make_open_period

pytestmark = pytest.mark.django_db


def _period(state: str = PeriodState.EVALUATION) -> PerformancePeriod:
    return make_open_period(state=state)


def test_the_leader_sets_an_agency_predikat_for_the_year_with_the_three_notes(
    personas: Personas,
) -> None:
    scope = Scope(_period(), None)
    rating = organization_rating_set(
        actor=personas.leader,
        agency=personas.agency,
        scope=scope,
        predikat="BAIK",
        planning_note="  Capaian IKU 92%.  ",
        hr_note="Disiplin baik.",
        audit_note="Tidak ada temuan material.",
    )
    rating.refresh_from_db()
    assert rating.predikat == "BAIK"
    assert rating.window_id is None
    assert rating.planning_note == "Capaian IKU 92%."
    assert rating.hr_note == "Disiplin baik."
    assert rating.audit_note == "Tidak ada temuan material."
    assert rating.set_by == personas.leader
    event = AuditEvent.objects.get(action="organization_rating.set")
    assert event.actor == personas.leader
    assert event.object_id == str(rating.pk)
    assert event.before is None
    assert event.after is not None
    assert event.after["predikat"] == "BAIK"
    assert event.after["agency_id"] == personas.agency.pk


def test_setting_it_again_updates_the_same_row_and_audits_before_and_after(
    personas: Personas,
) -> None:
    scope = Scope(_period(), None)
    first = organization_rating_set(
        actor=personas.leader, agency=personas.agency, scope=scope, predikat="BAIK"
    )
    second = organization_rating_set(
        actor=personas.leader,
        agency=personas.agency,
        scope=scope,
        predikat="ISTIMEWA",
        hr_note="Naik.",
    )
    assert second.pk == first.pk
    assert OrganizationRating.objects.count() == 1
    event = AuditEvent.objects.filter(action="organization_rating.set").order_by("-pk").first()
    assert event is not None
    assert event.before is not None
    assert event.before["predikat"] == "BAIK"
    assert event.after is not None
    assert event.after["predikat"] == "ISTIMEWA"
    assert event.after["hr_note"] == "Naik."


def test_a_window_and_the_year_each_have_their_own_predikat(personas: Personas) -> None:
    period = _period()
    window = period.windows.order_by("number").first()
    assert window is not None
    organization_rating_set(
        actor=personas.leader, agency=personas.agency, scope=Scope(period, None), predikat="BAIK"
    )
    organization_rating_set(
        actor=personas.leader,
        agency=personas.agency,
        scope=Scope(period, window),
        predikat="KURANG",
    )
    assert sorted(
        OrganizationRating.objects.values_list("window_id", "predikat"),
        key=lambda row: row[0] or 0,
    ) == [(None, "BAIK"), (window.pk, "KURANG")]


@pytest.mark.parametrize("name", [n for n in PERSONA_NAMES if n != "leader"])
def test_only_the_leader_may_set_it(personas: Personas, name: str) -> None:
    scope = Scope(_period(), None)
    with pytest.raises(PermissionDenied, match="Hanya Pimpinan"):
        organization_rating_set(
            actor=personas.all()[name], agency=personas.agency, scope=scope, predikat="BAIK"
        )
    assert not OrganizationRating.objects.exists()
    assert not AuditEvent.objects.filter(action="organization_rating.set").exists()


def test_an_unknown_predikat_is_refused_naming_the_field_the_value_and_the_five_accepted(
    personas: Personas,
) -> None:
    scope = Scope(_period(), None)
    with pytest.raises(ValidationError) as raised:
        organization_rating_set(
            actor=personas.leader, agency=personas.agency, scope=scope, predikat="SEDANG"
        )
    message = raised.value.message_dict["predikat"][0]
    assert "'SEDANG' tidak dikenal" in message
    for label in ("Istimewa", "Baik", "Butuh Perbaikan", "Kurang", "Sangat Kurang"):
        assert label in message
    assert not OrganizationRating.objects.exists()


def test_a_missing_predikat_is_refused(personas: Personas) -> None:
    scope = Scope(_period(), None)
    with pytest.raises(ValidationError) as raised:
        organization_rating_set(
            actor=personas.leader, agency=personas.agency, scope=scope, predikat=" "
        )
    assert "wajib dipilih" in raised.value.message_dict["predikat"][0]


@pytest.mark.parametrize(
    ("field", "label"),
    [
        ("planning_note", "Rekomendasi unit perencanaan"),
        ("hr_note", "Rekomendasi unit kepegawaian"),
        ("audit_note", "Rekomendasi unit pengawasan"),
    ],
)
def test_a_note_longer_than_4000_characters_is_refused_under_its_field(
    personas: Personas, field: str, label: str
) -> None:
    scope = Scope(_period(), None)
    with pytest.raises(ValidationError) as raised:
        organization_rating_set(
            actor=personas.leader,
            agency=personas.agency,
            scope=scope,
            predikat="BAIK",
            **{field: "x" * 4001},
        )
    message = raised.value.message_dict[field][0]
    assert message.startswith(label)
    assert "4001 karakter" in message
    assert "paling banyak 4000" in message


def test_a_closed_period_refuses_any_change(personas: Personas) -> None:
    scope = Scope(_period(state=PeriodState.CLOSED), None)
    with pytest.raises(ValidationError) as raised:
        organization_rating_set(
            actor=personas.leader, agency=personas.agency, scope=scope, predikat="BAIK"
        )
    assert "sudah ditutup" in raised.value.message_dict["predikat"][0]
    assert not OrganizationRating.objects.exists()
