"""Organisation goals (Perjanjian Kinerja): who may write them, what is refused, what is audited."""

from __future__ import annotations

from decimal import Decimal

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from kinerja.audit.models import AuditEvent
from kinerja.people.testing import Personas
from kinerja.periods.models import PeriodState
from kinerja.planning.goals import (
    goal_create,
    goal_indicator_add,
    goal_indicator_remove,
    goal_indicator_update,
    goal_remove,
    goal_update,
)
from kinerja.planning.models import GoalIndicator, OrganizationGoal, Perspective, TargetKind
from kinerja.planning.testing import make_goal, make_open_period, make_plan, make_result

pytestmark = pytest.mark.django_db


def _actions() -> list[str]:
    """The goal events (the period builder writes its own)."""
    events = AuditEvent.objects.filter(action__startswith="organization_goal.")
    return list(events.values_list("action", flat=True).order_by("id"))


def test_the_agency_admin_adds_goals_numbered_in_order(personas: Personas) -> None:
    period = make_open_period()
    first = goal_create(
        actor=personas.agency_admin,
        agency=personas.agency,
        period=period,
        statement="  Meningkatnya kualitas pelayanan adminduk ",
        perspective=Perspective.SERVICE_RECIPIENTS,
    )
    second = goal_create(
        actor=personas.agency_admin, agency=personas.agency, period=period, statement="Tertib arsip"
    )
    assert (first.number, first.statement) == (1, "Meningkatnya kualitas pelayanan adminduk")
    assert second.number == 2
    assert _actions() == ["organization_goal.created", "organization_goal.created"]
    event = AuditEvent.objects.filter(action="organization_goal.created").order_by("id").first()
    assert event is not None
    assert (event.after or {})["statement"] == first.statement


def test_bkpsdm_adds_goals_for_any_agency(personas: Personas) -> None:
    goal = goal_create(
        actor=personas.hr_admin,
        agency=personas.other_agency,
        period=make_open_period(),
        statement="Lalu lintas tertib",
    )
    assert goal.agency == personas.other_agency


@pytest.mark.parametrize(
    "name", ["other_admin", "employee", "supervisor", "leader", "auditor", "outsider"]
)
def test_everyone_else_is_refused_and_nothing_is_saved(personas: Personas, name: str) -> None:
    with pytest.raises(PermissionDenied, match="Admin OPD perangkat daerah tersebut"):
        goal_create(
            actor=personas.all()[name],
            agency=personas.agency,
            period=make_open_period(),
            statement="Sasaran",
        )
    assert not OrganizationGoal.objects.exists()
    assert _actions() == []


def test_a_closed_period_refuses_goals_and_nothing_is_saved(personas: Personas) -> None:
    period = make_open_period(state=PeriodState.CLOSED)
    with pytest.raises(ValidationError) as refused:
        goal_create(
            actor=personas.agency_admin, agency=personas.agency, period=period, statement="X"
        )
    assert refused.value.message_dict["period"] == [
        f"{period.name} sudah ditutup; sasaran strategis periode yang ditutup tidak dapat diubah."
    ]
    assert not OrganizationGoal.objects.exists()


@pytest.mark.parametrize(
    ("values", "field", "message"),
    [
        ({"statement": "   "}, "statement", "Sasaran strategis wajib diisi; tuliskan kalimatnya."),
        (
            {"statement": "x" * 501},
            "statement",
            "Sasaran strategis terlalu panjang (501 karakter); paling banyak 500.",
        ),
        (
            {"statement": "Sasaran", "perspective": "LANGIT"},
            "perspective",
            "Perspektif “LANGIT” tidak dikenal; pilih salah satu: Penerima Layanan, Proses Bisnis, "
            "Penguatan Internal, Anggaran, atau kosongkan.",
        ),
        (
            {"statement": "Sasaran", "number": 1},
            "number",
            "Nomor 1 sudah dipakai sasaran lain pada periode ini; pilih nomor lain.",
        ),
    ],
)
def test_bad_goal_values_are_refused_with_a_sentence_and_nothing_changes(
    personas: Personas, values: dict[str, object], field: str, message: str
) -> None:
    period = make_open_period()
    make_goal(agency=personas.agency, period=period, number=1, statement="Yang sudah ada")
    with pytest.raises(ValidationError) as refused:
        goal_create(
            actor=personas.agency_admin,
            agency=personas.agency,
            period=period,
            **values,  # type: ignore[arg-type]
        )
    assert refused.value.message_dict[field] == [message]
    assert list(OrganizationGoal.objects.values_list("statement", flat=True)) == ["Yang sudah ada"]
    assert _actions() == []


def test_updating_a_goal_records_before_and_after(personas: Personas) -> None:
    goal = make_goal(agency=personas.agency, statement="Lama")
    goal_update(actor=personas.agency_admin, goal=goal, statement="Baru", number=3)
    goal.refresh_from_db()
    assert (goal.statement, goal.number) == ("Baru", 3)
    event = AuditEvent.objects.get(action="organization_goal.updated")
    assert (event.before or {})["statement"] == "Lama"
    assert (event.after or {})["statement"] == "Baru"


def test_another_agency_admin_cannot_update_a_goal(personas: Personas) -> None:
    goal = make_goal(agency=personas.agency, statement="Lama")
    with pytest.raises(PermissionDenied):
        goal_update(actor=personas.other_admin, goal=goal, statement="Baru")
    goal.refresh_from_db()
    assert goal.statement == "Lama"


def test_a_goal_a_result_links_to_cannot_be_removed(personas: Personas) -> None:
    period = make_open_period()
    goal = make_goal(agency=personas.agency, period=period, statement="Pelayanan prima")
    plan = make_plan(employee=personas.staff.head, period=period)
    make_result(plan=plan, goal=goal)
    with pytest.raises(ValidationError) as refused:
        goal_remove(actor=personas.agency_admin, goal=goal)
    assert refused.value.message_dict["goal"] == [
        "Sasaran “Pelayanan prima” sudah dirujuk oleh 1 RHK; lepaskan tautan RHK itu dahulu, baru "
        "sasaran dapat dihapus."
    ]
    assert OrganizationGoal.objects.filter(pk=goal.pk).exists()
    assert _actions() == []


def test_removing_a_goal_removes_its_indicators_and_is_audited(personas: Personas) -> None:
    goal = make_goal(agency=personas.agency, indicators=2)
    goal_remove(actor=personas.hr_admin, goal=goal)
    assert not OrganizationGoal.objects.exists()
    assert not GoalIndicator.objects.exists()
    event = AuditEvent.objects.get(action="organization_goal.removed")
    assert len((event.before or {})["indicators"]) == 2


@pytest.mark.parametrize(
    ("kind", "values", "shown"),
    [
        (TargetKind.NUMBER, {"target_value": Decimal(95), "target_unit": "%"}, (Decimal(95), None)),
        (
            TargetKind.RANGE,
            {"target_value": Decimal(80), "target_max": Decimal(90), "target_unit": "%"},
            (Decimal(80), Decimal(90)),
        ),
        (TargetKind.DESCRIBED, {"target_description": "Opini WTP"}, (None, None)),
    ],
)
def test_an_indicator_takes_a_number_a_range_or_a_description(
    personas: Personas, kind: str, values: dict[str, object], shown: tuple[object, object]
) -> None:
    goal = make_goal(agency=personas.agency, indicators=0)
    indicator = goal_indicator_add(
        actor=personas.agency_admin,
        goal=goal,
        text="Indeks kepuasan masyarakat",
        target_kind=kind,
        **values,  # type: ignore[arg-type]
    )
    assert (indicator.target_value, indicator.target_max) == shown
    assert indicator.number == 1
    assert _actions() == ["organization_goal.indicator_added"]


@pytest.mark.parametrize(
    ("values", "field", "message"),
    [
        (
            {"target_kind": TargetKind.NUMBER, "target_value": Decimal(-5)},
            "target_value",
            "Target -5 tidak diterima: target harus angka positif, rentang dengan batas bawah < "
            "batas atas, atau uraian.",
        ),
        (
            {
                "target_kind": TargetKind.RANGE,
                "target_value": Decimal(90),
                "target_max": Decimal(80),
            },
            "target_max",
            "Rentang target 90 s.d. 80 tidak diterima: batas bawah harus lebih kecil dari batas "
            "atas.",
        ),
        (
            {"target_kind": TargetKind.DESCRIBED, "target_description": "  "},
            "target_description",
            "Uraian target kosong tidak diterima: target harus angka positif, rentang dengan batas "
            "bawah < batas atas, atau uraian.",
        ),
        (
            {"target_kind": "BINTANG"},
            "target_kind",
            "Jenis target “BINTANG” tidak dikenal; pilih salah satu: Angka, Rentang, Deskripsi "
            "(kualitatif).",
        ),
    ],
)
def test_a_bad_target_is_refused_with_the_target_rule_and_nothing_changes(
    personas: Personas, values: dict[str, object], field: str, message: str
) -> None:
    goal = make_goal(agency=personas.agency, indicators=0)
    with pytest.raises(ValidationError) as refused:
        goal_indicator_add(
            actor=personas.agency_admin,
            goal=goal,
            text="IKM",
            **values,  # type: ignore[arg-type]
        )
    assert refused.value.message_dict[field] == [message]
    assert not GoalIndicator.objects.exists()
    assert _actions() == []


def test_an_indicator_is_changed_and_removed_with_audit(personas: Personas) -> None:
    goal = make_goal(agency=personas.agency, indicators=1)
    indicator = goal.indicators.get()
    goal_indicator_update(
        actor=personas.agency_admin,
        indicator=indicator,
        text="Opini BPK",
        target_kind=TargetKind.DESCRIBED,
        target_description="WTP",
    )
    indicator.refresh_from_db()
    assert (indicator.text, indicator.target_value, indicator.target_description) == (
        "Opini BPK",
        None,
        "WTP",
    )
    goal_indicator_remove(actor=personas.agency_admin, indicator=indicator)
    assert not GoalIndicator.objects.exists()
    assert _actions() == [
        "organization_goal.indicator_updated",
        "organization_goal.indicator_removed",
    ]


def test_an_indicator_of_a_closed_period_is_not_changed(personas: Personas) -> None:
    period = make_open_period(state=PeriodState.CLOSED)
    goal = make_goal(agency=personas.agency, period=period, indicators=1)
    indicator = goal.indicators.get()
    with pytest.raises(ValidationError, match="sudah ditutup"):
        goal_indicator_update(
            actor=personas.hr_admin,
            indicator=indicator,
            text="Baru",
            target_kind=TargetKind.NUMBER,
            target_value=Decimal(1),
        )
    indicator.refresh_from_db()
    assert indicator.text != "Baru"
