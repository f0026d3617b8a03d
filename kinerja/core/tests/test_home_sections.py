"""The home page "Tugas saya": its sections in order (due this week, other tasks, waiting for
others, places, not open), each role's home, and a constant number of queries whatever the
size of the supervisor's team."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import datetime, time, timedelta
from decimal import Decimal
from typing import Any

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from kinerja.core import my_tasks
from kinerja.core.my_tasks import CardKind, TaskItem, home_cards_for, task_provider_register
from kinerja.core.testing import headings
from kinerja.monitoring.models import PerformanceDialogue, Realization, RealizationState
from kinerja.monitoring.testing import (
    make_action,
    make_dialogue,
    make_feedback_request,
    make_realization,
    make_running_plan,
    plan_indicators,
    window_on,
)
from kinerja.people.holdings import today
from kinerja.people.models import Assignment
from kinerja.people.testing import Personas, bulk_staff
from kinerja.planning.models import Aspect, Indicator, PerformancePlan, PlannedResult, PlanState

pytestmark = pytest.mark.django_db

SECTIONS = [
    "Jatuh tempo minggu ini",
    "Perlu tindakan Anda",
    "Menunggu pihak lain",
    "Untuk peran Anda",
    "Belum dibuka pada periode ini",
]


def home(client: Client) -> str:
    response = client.get("/")
    assert response.status_code == 200
    return response.content.decode()


def sections(body: str) -> list[str]:
    return [h for h in headings(body) if h in SECTIONS]


@pytest.fixture
def sample_cards() -> Iterator[None]:
    day = today()

    def provider(user: object) -> list[TaskItem]:
        return [
            TaskItem("Nanti", "Bulan depan", "/a/", "Buka", due=day + timedelta(days=20)),
            TaskItem("Tanpa batas", "Kapan saja", "/b/", "Buka"),
            TaskItem("Lusa", "Dua hari lagi", "/c/", "Buka", due=day + timedelta(days=2)),
            TaskItem("Kemarin", "Sudah lewat", "/d/", "Buka", due=day - timedelta(days=1)),
            TaskItem("Ditunggu", "Menunggu atasan", "/e/", "Buka", kind=CardKind.WAITING),
            TaskItem("Tempat", "Profil", "/f/", "Buka", kind=CardKind.PLACE),
        ]

    task_provider_register(provider)
    try:
        yield
    finally:
        my_tasks._providers.remove(provider)


def test_tasks_due_within_a_week_or_past_come_first_the_past_ones_late(
    personas: Personas, sample_cards: None
) -> None:
    cards = home_cards_for(personas.outsider)
    assert [(d.item.title, d.late) for d in cards.due] == [("Kemarin", True), ("Lusa", False)]
    assert [t.title for t in cards.tasks] == ["Nanti", "Tanpa batas"]
    assert [t.title for t in cards.waiting] == ["Ditunggu"]
    assert "Tempat" in [t.title for t in cards.places]


def test_the_page_shows_the_sections_in_order_and_marks_late_tasks(
    client: Client, personas: Personas, sample_cards: None
) -> None:
    client.force_login(personas.employee)
    body = home(client)
    assert sections(body) == SECTIONS
    due = body.partition('data-testid="due-tasks"')[2].partition("</section>")[0]
    assert due.index("Kemarin") < due.index("Terlambat") < due.index("Lusa")
    assert due.count("Terlambat") == 1
    assert 'href="/c/"' in due


def test_an_employee_with_work_of_every_kind_sees_the_sections_in_order(
    client: Client, personas: Personas
) -> None:
    plan = make_running_plan(employee=personas.staff.employee, results=2)
    window = window_on(plan)
    window.realization_due_date = today() + timedelta(days=3)
    window.save()
    make_realization(plan=plan, window=window, state=RealizationState.SUBMITTED)
    make_feedback_request(employee=personas.staff.employee, asked=personas.staff.kabid)
    client.force_login(personas.employee)
    body = home(client)
    # Every section with cards, in order; nothing of the cycle is closed to them any more
    # (the "not open" section is read by the test below and by the leader's).
    assert sections(body) == SECTIONS[:-1]
    due = body.partition('data-testid="due-tasks"')[2].partition("</section>")[0]
    assert f"Isi realisasi {window.name}" in due
    assert f'href="/skp/{plan.pk}/realisasi/"' in due
    waiting = body.partition('data-testid="waiting"')[2].partition("</section>")[0]
    assert "menunggu keputusan" in waiting
    assert "Umpan balik dari Dewi Kabid" in waiting
    assert "Realisasi dan bukti dukung" not in body  # open now: no "not open" card


def test_an_employee_without_an_approved_plan_reads_realisations_are_not_open(
    client: Client, personas: Personas
) -> None:
    client.force_login(personas.employee)
    body = home(client)
    not_open = body.partition('data-testid="not-open"')[2]
    assert "Realisasi dan bukti dukung" in not_open
    assert "Umpan balik rekan kerja (360°)" not in body  # built: its cards come with a round


def test_the_supervisor_sees_decisions_dialogues_and_the_team_waiting(
    client: Client, personas: Personas
) -> None:
    plan = make_running_plan(employee=personas.staff.employee, results=2)
    make_realization(plan=plan, state=RealizationState.SUBMITTED)
    make_dialogue(employee=personas.staff.employee, appraiser=personas.staff.supervisor)
    client.force_login(personas.supervisor)
    body = home(client)
    assert "Putuskan realisasi tim" in body
    assert 'href="/skp/realisasi/tim/"' in body
    assert f"Dialog kinerja dengan {personas.staff.employee.full_name}" in body
    waiting = body.partition('data-testid="waiting"')[2].partition("</section>")[0]
    assert "Realisasi tim" in waiting
    assert "Tim saya" in body


@pytest.mark.parametrize(
    ("name", "shown"),
    [
        ("agency_admin", ["Pegawai", "Struktur organisasi"]),
        ("hr_admin", ["Pegawai", "Periode penilaian"]),
        ("leader", ["Pegawai", "Perangkat daerah", "Putuskan realisasi tim"]),
        ("auditor", ["Periksa jejak audit", "Perangkat daerah"]),
    ],
)
def test_each_role_home_renders_its_sections(
    client: Client, personas: Personas, name: str, shown: list[str]
) -> None:
    plan = make_running_plan(employee=personas.staff.head, results=1)  # rated by the mayor
    make_realization(plan=plan, state=RealizationState.SUBMITTED)
    client.force_login(personas.all()[name])
    body = home(client)
    assert sections(body)[0] in ("Perlu tindakan Anda", "Jatuh tempo minggu ini")
    assert "Untuk peran Anda" in sections(body)
    for text in shown:
        assert text in body, text
    if name != "leader":
        assert "Putuskan realisasi tim" not in body
        assert "Menunggu pihak lain" not in sections(body)


# --- a constant number of queries ------------------------------------------------------------


def grow_team(personas: Personas, size: int) -> None:
    """Subordinates of the supervisor up to `size`, each with an approved plan of two
    indicators, one realisation submitted this window, a feedback request to the supervisor,
    and a dialogue the supervisor leads (rows written in bulk)."""
    kasi = personas.staff.kasi_post
    current = Assignment.objects.filter(position__supervisor=kasi).count()
    if size > current:
        bulk_staff(agency=personas.agency, supervisor=kasi, unit=personas.staff.unit,
                   count=size - current)  # fmt: skip
    planned = set(PerformancePlan.objects.values_list("employee_id", flat=True))
    holders = [
        a
        for a in Assignment.objects.filter(position__supervisor=kasi).select_related("employee")
        if a.employee_id not in planned
    ]
    period_plan = PerformancePlan.objects.filter(employee=personas.staff.employee).first()
    first = None
    if period_plan is None:
        first = period_plan = make_running_plan(employee=personas.staff.employee, results=2)
    window = window_on(period_plan)
    plans = PerformancePlan.objects.bulk_create(
        PerformancePlan(
            period_id=period_plan.period_id, employee_id=a.employee_id,
            position_id=a.position_id, start_date=period_plan.start_date,
            end_date=period_plan.end_date, appraiser=personas.staff.supervisor,
            appraiser_position=kasi, state=PlanState.APPROVED, version=1, approved_version=1,
        )
        for a in holders
        if a.employee_id != personas.staff.employee.pk
    )  # fmt: skip
    results = PlannedResult.objects.bulk_create(
        PlannedResult(plan=plan, number=1, text="Hasil kerja") for plan in plans
    )
    indicators = Indicator.objects.bulk_create(
        Indicator(result=result, number=n, aspect=Aspect.QUANTITY, text=f"Indikator {n}",
                  target_value=Decimal(100), target_unit="dokumen")
        for result in results
        for n in (1, 2)
    )  # fmt: skip
    Realization.objects.bulk_create(
        Realization(plan_id=i.result.plan_id, indicator=i, window=window, value=Decimal(50),
                    state=RealizationState.SUBMITTED, revision=1)
        for i in indicators
        if i.number == 1
    )  # fmt: skip
    if first is not None:
        make_realization(plan=first, window=window, state=RealizationState.SUBMITTED)
        for indicator in plan_indicators(first)[1:]:
            make_realization(plan=first, indicator=indicator, window=window,
                             state=RealizationState.RETURNED)  # fmt: skip
    for a in holders:
        make_feedback_request(employee=a.employee, asked=personas.staff.supervisor)
    PerformanceDialogue.objects.bulk_create(
        PerformanceDialogue(
            employee_id=a.employee_id, appraiser=personas.staff.supervisor,
            scheduled_at=_dialogue_time(), agenda="Capaian bulan ini",
        )
        for a in holders
    )  # fmt: skip
    assert PerformancePlan.objects.filter(appraiser=personas.staff.supervisor).count() == size


def _dialogue_time() -> datetime:
    return timezone.make_aware(datetime.combine(today() + timedelta(days=3), time(9)))


def supervisor_with_own_work(personas: Personas) -> None:
    """The supervisor's own plan, a feedback request, a dialogue and an action, so every
    provider has rows to show."""
    plan = make_running_plan(employee=personas.staff.supervisor, results=2)
    make_realization(plan=plan, state=RealizationState.SUBMITTED)
    make_feedback_request(employee=personas.staff.supervisor, asked=personas.staff.kabid)
    dialogue = make_dialogue(employee=personas.staff.supervisor, appraiser=personas.staff.kabid)
    make_action(dialogue=dialogue, owner=personas.staff.supervisor)


def page_queries(client: Client) -> tuple[int, str]:
    with CaptureQueriesContext(connection) as ctx:
        body = home(client)
    return len(ctx.captured_queries), body


def test_the_supervisor_home_costs_the_same_queries_with_3_or_30_subordinates(
    client: Client, personas: Personas, django_assert_num_queries: Any
) -> None:
    supervisor_with_own_work(personas)
    grow_team(personas, 3)
    client.force_login(personas.supervisor)
    home(client)  # the session and caches are warm from here on
    small, body = page_queries(client)
    assert "3 bawahan per hari ini" in body
    assert "3 realisasi menunggu keputusan Anda" in body
    with django_assert_num_queries(small):
        home(client)
    grow_team(personas, 30)
    with django_assert_num_queries(small):
        body = home(client)
    assert "30 bawahan per hari ini" in body
    assert "30 realisasi menunggu keputusan Anda" in body
    assert body.count("Beri umpan balik untuk") == 5  # at most five of one sort, then a count
    assert "25 permintaan lain menunggu umpan balik Anda" in body
    assert "26 dialog lain terjadwal" in body


@pytest.mark.parametrize("name", ["employee", "agency_admin", "hr_admin", "leader", "auditor"])
def test_every_other_role_home_costs_the_same_queries_at_both_team_sizes(
    client: Client, personas: Personas, django_assert_num_queries: Any, name: str
) -> None:
    grow_team(personas, 3)
    client.force_login(personas.all()[name])
    home(client)
    small, _ = page_queries(client)
    grow_team(personas, 30)
    with django_assert_num_queries(small):
        home(client)


def test_a_leader_reads_what_is_not_open_yet_last(client: Client, personas: Personas) -> None:
    client.force_login(personas.leader)
    body = home(client)
    assert sections(body)[-1] == "Belum dibuka pada periode ini"
    assert "Dasbor kinerja kota" in body.partition('data-testid="not-open"')[2]
