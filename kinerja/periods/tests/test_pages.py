from __future__ import annotations

from datetime import date

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext

from kinerja.audit.models import AuditEvent
from kinerja.core.testing import headings, page_text
from kinerja.people.testing import Personas
from kinerja.periods.models import PerformancePeriod, PeriodState
from kinerja.periods.testing import make_period

pytestmark = pytest.mark.django_db

READERS = ["employee", "supervisor", "appraiser_superior", "agency_admin", "other_admin",
           "hr_admin", "leader", "auditor", "outsider"]  # fmt: skip
NOT_BKPSDM = [name for name in READERS if name != "hr_admin"]

OPEN_FORM = {
    "year": "2030",
    "name": "Periode Penilaian 2030",
    "start_date": "01-01-2030",
    "end_date": "31-12-2030",
    "window_kind": "QUARTERLY",
    "plan_due_date": "31-01-2030",
    "realization_due_day": "7",
    "evaluation_due_date": "31-01-2031",
}


def table() -> tuple[list[object], int]:
    return list(PerformancePeriod.objects.order_by("pk").values()), AuditEvent.objects.count()


@pytest.mark.parametrize("name", READERS)
def test_every_signed_in_user_reads_the_period_list_and_a_period(
    client: Client, personas: Personas, name: str
) -> None:
    period = make_period(state=PeriodState.EXECUTION)
    client.force_login(personas.all()[name])
    listing = client.get("/periode/")
    assert listing.status_code == 200
    text = page_text(listing.content)
    assert period.name in text
    assert "Pelaksanaan" in text
    detail = client.get(f"/periode/{period.pk}/")
    assert detail.status_code == 200
    assert "Evaluasi periodik (12)" in headings(detail.content)
    assert ("Buka periode" in text) is (name == "hr_admin")
    assert ("Maju ke Evaluasi" in page_text(detail.content)) is (name == "hr_admin")


def test_a_visitor_is_sent_to_the_login_page(client: Client) -> None:
    period = make_period()
    for url in ["/periode/", f"/periode/{period.pk}/", "/periode/buka/"]:
        response = client.get(url)
        assert response.status_code == 302
        assert "/akun/masuk/" in response["Location"]


def test_only_bkpsdm_sees_periode_in_the_menu(client: Client, personas: Personas) -> None:
    for name, user in personas.all().items():
        client.force_login(user)
        body = client.get("/").content.decode()
        assert ('href="/periode/">Periode</a>' in body) is (name == "hr_admin"), name


@pytest.mark.parametrize("name", NOT_BKPSDM)
def test_only_bkpsdm_reaches_the_forms_and_the_stage_page(
    client: Client, personas: Personas, name: str
) -> None:
    period = make_period()
    client.force_login(personas.all()[name])
    for url in ["/periode/buka/", f"/periode/{period.pk}/ubah/",
                f"/periode/{period.pk}/tahap/?ke=EXECUTION"]:  # fmt: skip
        assert client.get(url).status_code == 403, url
    before = table()
    assert client.post("/periode/buka/", OPEN_FORM).status_code == 403
    assert client.post(f"/periode/{period.pk}/tahap/?ke=EXECUTION").status_code == 403
    assert table() == before


def test_the_list_shows_the_current_period_its_deadlines_and_a_trial_badge(
    client: Client, personas: Personas
) -> None:
    year = date.today().year
    make_period(year=year, state=PeriodState.EXECUTION)
    make_period(year=year - 1, state=PeriodState.CLOSED)
    make_period(year=year, is_trial=True)
    client.force_login(personas.employee)
    text = page_text(client.get("/periode/").content)
    assert f"Periode berjalan Periode Penilaian {year} Pelaksanaan" in text
    assert f"Batas penetapan SKP 31 Januari {year}" in text
    assert f"Uji Coba {year} Uji coba Perencanaan" in text
    assert f"Periode Penilaian {year - 1} Ditutup" in text
    assert "Realisasi: tanggal 5 bulan berikutnya" in text


def test_the_list_page_costs_the_same_queries_for_one_period_and_for_six(
    client: Client, personas: Personas
) -> None:
    client.force_login(personas.employee)

    def count() -> int:
        with CaptureQueriesContext(connection) as queries:
            assert client.get("/periode/").status_code == 200
        return len(queries)

    make_period(year=2000)
    client.get("/periode/")
    one = count()
    for year in range(2001, 2006):
        make_period(year=year)
    assert count() == one


def test_bkpsdm_opens_a_period_through_the_form(client: Client, personas: Personas) -> None:
    client.force_login(personas.hr_admin)
    form = client.get("/periode/buka/").content.decode()
    assert f'value="Periode Penilaian {date.today().year}"' in form
    response = client.post("/periode/buka/", OPEN_FORM, follow=True)
    period = PerformancePeriod.objects.get(year=2030)
    assert response.redirect_chain[-1][0] == f"/periode/{period.pk}/"
    text = page_text(response.content)
    assert "2030 dibuka pada tahap Perencanaan dengan 4 evaluasi periodik." in text
    assert "Triwulan IV 1 Oktober 2030 sampai 31 Desember 2030 7 Januari 2031" in text
    assert AuditEvent.objects.filter(action="period.opened").count() == 1


def test_the_open_form_shows_the_refusal_on_its_field_and_saves_nothing(
    client: Client, personas: Personas
) -> None:
    client.force_login(personas.hr_admin)
    response = client.post("/periode/buka/", {**OPEN_FORM, "realization_due_day": "30"})
    assert response.status_code == 200
    text = page_text(response.content)
    assert "realisasi tanggal 30 tidak diterima: isi tanggal 1 sampai 28" in text
    assert not PerformancePeriod.objects.exists()


def test_a_second_real_period_of_a_year_is_refused_in_the_form(
    client: Client, personas: Personas
) -> None:
    make_period(year=2030)
    client.force_login(personas.hr_admin)
    response = client.post("/periode/buka/", OPEN_FORM)
    assert "Tahun 2030 sudah memiliki periode penilaian" in page_text(response.content)
    assert PerformancePeriod.objects.count() == 1


def test_bkpsdm_moves_a_period_after_confirming(client: Client, personas: Personas) -> None:
    period = make_period(state=PeriodState.EXECUTION)
    client.force_login(personas.hr_admin)
    url = f"/periode/{period.pk}/tahap/?ke=EVALUATION"
    page = client.get(url).content.decode()
    assert page.count(f'action="{url}"') == 1  # the confirmation form, and no stray action
    assert 'class="btn btn-primary" href=' not in page
    confirm = page_text(page)
    assert "Pindahkan ke tahap Evaluasi?" in confirm
    assert "tahap tidak dapat dikembalikan lagi" in confirm
    period.refresh_from_db()
    assert period.state == PeriodState.EXECUTION  # GET only asks
    response = client.post(url, follow=True)
    assert "kini pada tahap Evaluasi" in page_text(response.content)
    period.refresh_from_db()
    assert period.state == PeriodState.EVALUATION
    assert AuditEvent.objects.filter(action="period.state_changed").count() == 1


def test_the_stage_page_refuses_going_back_after_evaluation_began(
    client: Client, personas: Personas
) -> None:
    period = make_period(state=PeriodState.EVALUATION)
    client.force_login(personas.hr_admin)
    url = f"/periode/{period.pk}/tahap/?ke=EXECUTION"
    for response in (client.get(url), client.post(url)):
        assert response.status_code == 400
        assert "tahap tidak dapat dikembalikan setelah evaluasi dimulai" in page_text(
            response.content
        )
    period.refresh_from_db()
    assert period.state == PeriodState.EVALUATION
    assert not AuditEvent.objects.filter(action="period.state_changed").exists()


def test_bkpsdm_changes_deadlines_of_a_running_period(client: Client, personas: Personas) -> None:
    period = make_period(year=2030, state=PeriodState.EXECUTION)
    client.force_login(personas.hr_admin)
    form = page_text(client.get(f"/periode/{period.pk}/ubah/").content)
    assert "Tanggal mulai" not in form  # dates are fixed once execution began
    response = client.post(
        f"/periode/{period.pk}/ubah/",
        {"plan_due_date": "15-02-2030", "realization_due_day": "10",
         "evaluation_due_date": "28-02-2031"},
        follow=True,
    )  # fmt: skip
    text = page_text(response.content)
    assert "Batas waktu Periode Penilaian 2030 disimpan." in text
    assert "Batas penetapan SKP 15 Februari 2030" in text
    assert "Januari 1 Januari 2030 sampai 31 Januari 2030 10 Februari 2030" in text


def test_a_closed_period_offers_no_deadline_change(client: Client, personas: Personas) -> None:
    period = make_period(year=2020, state=PeriodState.CLOSED)
    client.force_login(personas.hr_admin)
    assert "Ubah batas waktu" not in page_text(client.get(f"/periode/{period.pk}/").content)
    response = client.post(
        f"/periode/{period.pk}/ubah/",
        {"plan_due_date": "15-02-2020", "realization_due_day": "10",
         "evaluation_due_date": "28-02-2021"},
    )  # fmt: skip
    assert "sudah Ditutup" in page_text(response.content)
    period.refresh_from_db()
    assert period.plan_due_date == date(2020, 1, 31)


def test_the_stage_page_without_a_choice_offers_the_allowed_moves(
    client: Client, personas: Personas
) -> None:
    period = make_period(state=PeriodState.EXECUTION)
    client.force_login(personas.hr_admin)
    text = page_text(client.get(f"/periode/{period.pk}/tahap/").content)
    assert "Pilih tahap tujuan: Kembalikan ke Perencanaan… Maju ke Evaluasi…" in text
    closed = make_period(year=2001, state=PeriodState.CLOSED)
    text = page_text(client.get(f"/periode/{closed.pk}/tahap/").content)
    assert "Periode yang sudah Ditutup tidak dapat dipindahkan ke tahap lain." in text


def test_a_post_without_a_stage_is_refused_and_changes_nothing(
    client: Client, personas: Personas
) -> None:
    period = make_period(state=PeriodState.PLANNING)
    client.force_login(personas.hr_admin)
    response = client.post(f"/periode/{period.pk}/tahap/")
    assert response.status_code == 400
    assert "Tahap '' tidak dikenal" in page_text(response.content)
    period.refresh_from_db()
    assert period.state == PeriodState.PLANNING
