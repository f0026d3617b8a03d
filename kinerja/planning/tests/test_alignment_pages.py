"""Pages of the chain and of the organisation goals: who may open them, what they show, and
what a form does (works without JavaScript: plain GET and POST)."""

from __future__ import annotations

from typing import Any

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext

from kinerja.accounts.demo_identities import DEMO_HR_ADMIN, DEMO_SUPERVISOR
from kinerja.accounts.models import User
from kinerja.accounts.testing import make_user
from kinerja.audit.models import AuditEvent
from kinerja.core.demo import DemoOptions, demo_seeds_run
from kinerja.core.testing import headings, page_text
from kinerja.people.holdings import today
from kinerja.people.models import Employee
from kinerja.people.testing import PERSONA_NAMES, Personas, bulk_staff
from kinerja.periods.models import PerformancePeriod
from kinerja.planning.models import (
    GoalIndicator,
    OrganizationGoal,
    PerformancePlan,
    PlannedResult,
    PlanState,
)
from kinerja.planning.testing import make_goal, make_open_period, make_plan, make_result

pytestmark = pytest.mark.django_db

EVERYONE = PERSONA_NAMES


def _get(client: Client, user: Any, url: str) -> Any:
    client.force_login(user)
    return client.get(url)


# --- who may open what -----------------------------------------------------------------------

TREE_READERS = {"agency_admin", "hr_admin", "leader", "auditor"}
GOAL_WRITERS = {"agency_admin", "hr_admin"}
COMPLETION_READERS = {"agency_admin", "other_admin", "hr_admin", "leader", "auditor"}


@pytest.mark.parametrize("name", EVERYONE)
def test_the_matrix_opens_for_every_signed_in_person(
    client: Client, personas: Personas, name: str
) -> None:
    make_open_period()
    response = _get(client, personas.all()[name], "/skp/matriks/")
    assert response.status_code == 200
    assert "Matriks peran hasil" in headings(response.content)


@pytest.mark.parametrize("name", EVERYONE)
def test_the_tree_opens_for_admins_leaders_and_auditors_only(
    client: Client, personas: Personas, name: str
) -> None:
    make_open_period()
    response = _get(client, personas.all()[name], f"/skp/pohon/{personas.agency.pk}/")
    assert response.status_code == (200 if name in TREE_READERS else 404)


@pytest.mark.parametrize("name", EVERYONE)
def test_the_goal_list_opens_for_the_same_readers_as_the_tree(
    client: Client, personas: Personas, name: str
) -> None:
    make_open_period()
    response = _get(client, personas.all()[name], f"/skp/sasaran/{personas.agency.pk}/")
    assert response.status_code == (200 if name in TREE_READERS else 404)


GOAL_PAGES = ["tambah/", "impor/", "impor/templat.xlsx", "{goal}/ubah/", "{goal}/hapus/",
              "{goal}/iku/tambah/", "{goal}/iku/{iku}/"]  # fmt: skip


@pytest.mark.parametrize("name", EVERYONE)
@pytest.mark.parametrize("page", GOAL_PAGES)
def test_goal_forms_open_for_the_agency_admin_and_bkpsdm_only(
    client: Client, personas: Personas, name: str, page: str
) -> None:
    goal = make_goal(agency=personas.agency, indicators=1)
    indicator = goal.indicators.get()
    url = f"/skp/sasaran/{personas.agency.pk}/" + page.format(goal=goal.pk, iku=indicator.pk)
    response = _get(client, personas.all()[name], url)
    expected = 200 if name in GOAL_WRITERS else 403 if name in TREE_READERS else 404
    assert response.status_code == expected


@pytest.mark.parametrize("name", EVERYONE)
def test_the_counters_open_for_admins_leaders_and_auditors_only(
    client: Client, personas: Personas, name: str
) -> None:
    make_open_period()
    response = _get(client, personas.all()[name], "/skp/kemajuan/")
    assert response.status_code == (200 if name in COMPLETION_READERS else 403)


def test_another_agencys_admin_is_told_its_goals_do_not_exist(
    client: Client, personas: Personas
) -> None:
    goal = make_goal(agency=personas.agency)
    response = _get(
        client, personas.other_admin, f"/skp/sasaran/{personas.agency.pk}/{goal.pk}/ubah/"
    )
    assert response.status_code == 404
    # The goal addressed through the other agency's URL does not exist either.
    response = _get(
        client, personas.other_admin, f"/skp/sasaran/{personas.other_agency.pk}/{goal.pk}/ubah/"
    )
    assert response.status_code == 404


def test_pages_without_any_period_say_not_found(client: Client, personas: Personas) -> None:
    assert _get(client, personas.hr_admin, "/skp/kemajuan/").status_code == 404
    assert _get(client, personas.hr_admin, "/skp/kemajuan/?periode=abc").status_code == 404


# --- what they show --------------------------------------------------------------------------


def _demo_chain(personas: Personas) -> None:
    staff = personas.staff
    period = make_open_period()
    goal = make_goal(agency=personas.agency, period=period, statement="Pelayanan adminduk prima")
    head = make_plan(employee=staff.head, period=period, state=PlanState.APPROVED)
    h1 = make_result(plan=head, text="IKM Dukcapil naik", goal=goal)
    kabid = make_plan(employee=staff.kabid, period=period, state=PlanState.APPROVED)
    k1 = make_result(plan=kabid, text="Pelayanan KTP-el cepat", parent=h1)
    boss = make_plan(employee=staff.supervisor, period=period, state=PlanState.APPROVED)
    s1 = make_result(plan=boss, text="KTP-el selesai sehari", parent=k1)
    make_result(plan=boss, text="Arsip digital lengkap", parent=k1)
    mine = make_plan(employee=staff.employee, period=period, state=PlanState.SUBMITTED)
    make_result(plan=mine, text="Data KTP-el terolah", parent=s1)
    make_result(plan=mine, text="Membantu piket", kind="TAMBAHAN")


def test_the_matrix_warns_of_an_orphan_result_and_a_loose_one(
    client: Client, personas: Personas
) -> None:
    _demo_chain(personas)
    text = page_text(_get(client, personas.supervisor, "/skp/matriks/").content)
    assert "RHK “Arsip digital lengkap”: RHK ini belum diintervensi oleh bawahan mana pun." in text
    assert "RHK “Membantu piket” tidak terhubung ke RHK atasan." in text
    assert "Data KTP-el terolah" in text
    assert "Diajukan" in text


def test_the_matrix_names_subordinates_without_a_plan(client: Client, personas: Personas) -> None:
    make_open_period()
    make_plan(employee=personas.staff.supervisor, results=1)
    text = page_text(_get(client, personas.supervisor, "/skp/matriks/").content)
    assert f"{personas.staff.employee.full_name} (Pengolah Data) belum memulai SKP." in text


def test_the_matrix_of_someone_without_a_team_says_so(client: Client, personas: Personas) -> None:
    make_open_period()
    text = page_text(_get(client, personas.employee, "/skp/matriks/").content)
    assert "Anda tidak memiliki bawahan pada periode ini" in text


def test_the_tree_shows_the_chain_with_plan_states_in_words(
    client: Client, personas: Personas
) -> None:
    _demo_chain(personas)
    body = _get(client, personas.agency_admin, f"/skp/pohon/{personas.agency.pk}/").content
    text = page_text(body)
    for words in [
        "Sasaran 1: Pelayanan adminduk prima",
        "IKM Dukcapil naik — Bambang Kepala",
        "Data KTP-el terolah",
        "Disetujui",
        "Diajukan",
        "RHK yang belum terhubung ke sasaran",
        "Belum memulai SKP (0 pegawai)",
    ]:
        assert words in text
    html = body.decode()
    assert html.count("<details") == html.count("</details>")
    assert html.count("<ul") == html.count("</ul>")


def test_the_tree_lists_those_who_have_not_started(client: Client, personas: Personas) -> None:
    make_open_period()
    text = page_text(_get(client, personas.hr_admin, f"/skp/pohon/{personas.agency.pk}/").content)
    assert "Belum memulai SKP (4 pegawai)" in text
    assert personas.staff.employee.full_name in text


def test_the_counters_show_each_agency_with_its_share_approved(
    client: Client, personas: Personas
) -> None:
    _demo_chain(personas)
    text = page_text(_get(client, personas.hr_admin, "/skp/kemajuan/").content)
    assert "Dinas Kependudukan dan Pencatatan Sipil" in text
    assert "Dinas Perhubungan" in text
    assert "75,00%" in text


def test_the_agency_admin_counts_only_their_agency(client: Client, personas: Personas) -> None:
    make_open_period()
    text = page_text(_get(client, personas.agency_admin, "/skp/kemajuan/").content)
    assert "Dinas Perhubungan" not in text


# --- forms -----------------------------------------------------------------------------------


def test_the_agency_admin_adds_a_goal_and_an_indicator_through_the_forms(
    client: Client, personas: Personas
) -> None:
    make_open_period()
    client.force_login(personas.agency_admin)
    base = f"/skp/sasaran/{personas.agency.pk}/"
    response = client.post(f"{base}tambah/", {"statement": "Tertib administrasi", "number": ""})
    assert response.status_code == 302
    goal = OrganizationGoal.objects.get()
    response = client.post(
        f"{base}{goal.pk}/iku/tambah/",
        {
            "text": "Persentase arsip digital",
            "target_kind": "RANGE",
            "target_value": "80",
            "target_max": "92,5",
            "target_unit": "%",
            "polarity": "HIGHER_IS_BETTER",
        },
    )
    assert response.status_code == 302
    indicator = GoalIndicator.objects.get()
    assert str(indicator.target_max) == "92.50"
    text = page_text(client.get(base).content)
    assert "Sasaran 1: Tertib administrasi" in text
    assert "Persentase arsip digital: target 80 s.d. 92,5 %" in text


def test_a_bad_target_comes_back_on_its_field_and_nothing_is_saved(
    client: Client, personas: Personas
) -> None:
    goal = make_goal(agency=personas.agency, indicators=0)
    client.force_login(personas.agency_admin)
    response = client.post(
        f"/skp/sasaran/{personas.agency.pk}/{goal.pk}/iku/tambah/",
        {
            "text": "IKM",
            "target_kind": "NUMBER",
            "target_value": "-5",
            "polarity": "HIGHER_IS_BETTER",
        },
    )
    assert response.status_code == 400
    assert "target -5 tidak diterima" in page_text(response.content)
    assert not GoalIndicator.objects.exists()


def test_removing_a_linked_goal_shows_why_and_keeps_it(client: Client, personas: Personas) -> None:
    period = make_open_period()
    goal = make_goal(agency=personas.agency, period=period, statement="Pelayanan prima")
    make_result(plan=make_plan(employee=personas.staff.head, period=period), goal=goal)
    client.force_login(personas.agency_admin)
    response = client.post(f"/skp/sasaran/{personas.agency.pk}/{goal.pk}/hapus/")
    assert response.status_code == 400
    assert "sudah dirujuk oleh 1 RHK" in page_text(response.content)
    assert OrganizationGoal.objects.filter(pk=goal.pk).exists()


def test_a_goal_is_edited_then_removed(client: Client, personas: Personas) -> None:
    goal = make_goal(agency=personas.agency, indicators=1)
    client.force_login(personas.hr_admin)
    base = f"/skp/sasaran/{personas.agency.pk}/{goal.pk}/"
    client.post(f"{base}ubah/", {"statement": "Sasaran baru", "number": "4", "perspective": ""})
    goal.refresh_from_db()
    assert (goal.statement, goal.number) == ("Sasaran baru", 4)
    indicator = goal.indicators.get()
    assert client.post(f"{base}iku/{indicator.pk}/", {"hapus": "1"}).status_code == 302
    assert client.post(f"{base}hapus/").status_code == 302
    assert not OrganizationGoal.objects.exists()
    actions = set(AuditEvent.objects.values_list("action", flat=True))
    assert {"organization_goal.updated", "organization_goal.removed"} <= actions


# --- queries ---------------------------------------------------------------------------------


def _more_staff(personas: Personas, count: int) -> None:
    period = make_open_period()
    before = set(Employee.objects.values_list("pk", flat=True))
    bulk_staff(
        agency=personas.agency,
        supervisor=personas.staff.kasi_post,
        unit=personas.staff.unit,
        count=count,
    )
    parent = personas.staff.supervisor.plans.get().results.order_by("number").first()
    for employee in Employee.objects.exclude(pk__in=before):
        make_result(plan=make_plan(employee=employee, period=period), parent=parent, indicators=2)


@pytest.mark.parametrize(
    ("who", "url"),
    [
        ("supervisor", "/skp/matriks/"),
        ("hr_admin", "/skp/pohon/{agency}/"),
        ("hr_admin", "/skp/kemajuan/"),
    ],
)
def test_pages_cost_the_same_queries_for_3_and_30_staff(
    client: Client, personas: Personas, who: str, url: str
) -> None:
    _demo_chain(personas)
    _more_staff(personas, 3)
    client.force_login(personas.all()[who])
    address = url.format(agency=personas.agency.pk)

    def count() -> int:
        with CaptureQueriesContext(connection) as ctx:
            assert client.get(address).status_code == 200
        return len(ctx.captured_queries)

    small = count()
    _more_staff(personas, 27)
    assert count() == small


def test_the_demo_supervisors_matrix_flags_a_result_nobody_contributes_to(
    client: Client,
) -> None:
    """Issue 10 acceptance: the matrix flags the demo supervisor's orphan result."""
    demo_seeds_run(DemoOptions(employees=400, seed=3))
    client.force_login(User.objects.get(username=DEMO_SUPERVISOR.username))
    text = page_text(client.get("/skp/matriks/").content)
    assert "RHK ini belum diintervensi oleh bawahan mana pun." in text
    admin = User.objects.get(username=DEMO_HR_ADMIN.username)
    client.force_login(admin)
    agency_id = PerformancePlan.objects.get(
        employee__nip=DEMO_SUPERVISOR.username, period__year=today().year
    ).position.agency_id
    tree = page_text(client.get(f"/skp/pohon/{agency_id}/").content)
    assert "Sasaran 1:" in tree


def test_the_head_of_the_agency_reads_its_tree_and_goals_but_cannot_change_them(
    client: Client, personas: Personas
) -> None:
    goal = make_goal(agency=personas.agency)
    head = personas.staff.head
    head.user = make_user(username="kepala.dukcapil")
    head.save(update_fields=["user"])
    base = f"/skp/sasaran/{personas.agency.pk}/"
    assert _get(client, head.user, f"/skp/pohon/{personas.agency.pk}/").status_code == 200
    assert _get(client, head.user, base).status_code == 200
    assert _get(client, head.user, f"{base}{goal.pk}/ubah/").status_code == 403
    assert _get(client, head.user, f"/skp/pohon/{personas.other_agency.pk}/").status_code == 404


def test_a_deep_branch_opens_on_its_own_page(
    client: Client, personas: Personas, monkeypatch: pytest.MonkeyPatch
) -> None:
    _demo_chain(personas)
    monkeypatch.setattr("kinerja.planning.alignment.tree.TREE_DEPTH", 2)
    client.force_login(personas.auditor)
    body = client.get(f"/skp/pohon/{personas.agency.pk}/").content.decode()
    assert "Lihat cabang: 3 RHK di bawahnya" in page_text(body)
    link = body.split("Lihat cabang")[0].rsplit('href="', 1)[1].split('"')[0]
    text = page_text(client.get(link.replace("&amp;", "&")).content)
    assert "Cabang dari: Sasaran 1: Pelayanan adminduk prima → IKM Dukcapil naik" in text
    assert "Data KTP-el terolah" in text
    assert client.get(f"/skp/pohon/{personas.agency.pk}/?cabang=999999").status_code == 404


def test_a_large_team_pages_through_its_columns(client: Client, personas: Personas) -> None:
    _demo_chain(personas)
    _more_staff(personas, 30)
    client.force_login(personas.supervisor)
    text = page_text(client.get("/skp/matriks/").content)
    assert "31 bawahan; kolom 1 sampai 10." in text
    assert "Halaman 1 dari 4" in text
    last = page_text(client.get("/skp/matriks/?halaman=4").content)
    assert "31 bawahan; kolom 31 sampai 31." in last


def test_the_goal_list_of_a_closed_period_offers_no_changes(
    client: Client, personas: Personas
) -> None:
    period = make_open_period(state="CLOSED")
    make_goal(agency=personas.agency, period=period, statement="Pelayanan prima")
    text = page_text(
        _get(client, personas.agency_admin, f"/skp/sasaran/{personas.agency.pk}/").content
    )
    assert "Sasaran 1: Pelayanan prima" in text
    assert "sudah ditutup" in text
    assert "Tambah sasaran" not in text
    assert "Tambah indikator" not in text


def test_the_goal_list_costs_the_same_queries_for_2_and_12_goals(
    client: Client, personas: Personas
) -> None:
    period = make_open_period()
    client.force_login(personas.agency_admin)
    url = f"/skp/sasaran/{personas.agency.pk}/"

    def count() -> int:
        with CaptureQueriesContext(connection) as ctx:
            assert client.get(url).status_code == 200
        return len(ctx.captured_queries)

    for _ in range(2):
        make_goal(agency=personas.agency, period=period, indicators=2)
    small = count()
    for _ in range(10):
        make_goal(agency=personas.agency, period=period, indicators=3)
    assert count() == small


def test_links_carry_ids_above_a_thousand_without_a_thousands_dot(
    client: Client, personas: Personas, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Indonesian number format writes 12345 as 12.345; an id in a link must not follow it."""
    period = make_open_period()
    big = PerformancePeriod.objects.create(
        pk=4321,
        year=period.year - 5,
        name="Periode Lama",
        start_date=period.start_date.replace(year=period.year - 5),
        end_date=period.end_date.replace(year=period.year - 5),
        window_kind=period.window_kind,
        plan_due_date=period.plan_due_date.replace(year=period.year - 5),
        evaluation_due_date=period.evaluation_due_date.replace(year=period.year - 4),
    )
    goal = make_goal(agency=personas.agency, period=period)
    head = make_plan(employee=personas.staff.head, period=period)
    top = PlannedResult.objects.create(plan=head, number=1, text="Utama", goal=goal, pk=12345)
    kabid = make_plan(employee=personas.staff.kabid, period=period)
    make_result(plan=kabid, parent=top)
    monkeypatch.setattr("kinerja.planning.alignment.tree.TREE_DEPTH", 1)
    client.force_login(personas.hr_admin)
    html = client.get(f"/skp/pohon/{personas.agency.pk}/").content.decode()
    assert "cabang=12345" in html
    assert f'value="{big.pk}"' in html
    assert client.get(f"/skp/pohon/{personas.agency.pk}/?cabang=12345").status_code == 200


def test_the_chain_pages_show_the_period_asked_for(client: Client, personas: Personas) -> None:
    current = make_open_period()
    last = make_open_period(year=current.year - 1, state="CLOSED")
    make_result(plan=make_plan(employee=personas.staff.supervisor, period=last), text="RHK lama")
    make_result(plan=make_plan(employee=personas.staff.supervisor, period=current), text="RHK baru")
    client.force_login(personas.supervisor)
    assert "RHK baru" in page_text(client.get("/skp/matriks/").content)
    text = page_text(client.get(f"/skp/matriks/?periode={last.pk}").content)
    assert "RHK lama" in text
    assert "RHK baru" not in text
    assert client.get("/skp/matriks/?periode=999999").status_code == 404


def test_a_supervisor_finds_the_matrix_from_their_plan_list(
    client: Client, personas: Personas
) -> None:
    period = make_open_period()
    make_plan(employee=personas.staff.employee, period=period)
    body = _get(client, personas.supervisor, "/skp/").content.decode()
    assert 'href="/skp/matriks/"' in body
