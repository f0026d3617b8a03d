from __future__ import annotations

import pytest
from django.test import Client, override_settings

from kinerja.core.charts import bar_chart_svg
from kinerja.core.my_tasks import TaskItem, my_tasks_for, task_provider_register
from kinerja.core.testing import headings
from kinerja.people.testing import Personas

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    "name", ["employee", "agency_admin", "other_admin", "hr_admin", "leader", "auditor", "outsider"]
)
def test_home_page_shows_my_tasks_for_every_role(
    client: Client, personas: Personas, name: str
) -> None:
    client.force_login(personas.all()[name])
    response = client.get("/")
    assert response.status_code == 200
    body = response.content.decode()
    assert "Tugas saya" in headings(body)
    assert 'name="viewport"' in body


def test_auditor_home_lists_the_audit_trail_task(client: Client, personas: Personas) -> None:
    client.force_login(personas.auditor)
    assert "Periksa jejak audit" in client.get("/").content.decode()


def test_task_providers_add_to_the_home_list_urgent_first(personas: Personas) -> None:
    def provider(user: object) -> list[TaskItem]:
        return [TaskItem("Isi SKP", "Batas 31 Januari", "/skp/", "Isi", urgent=True)]

    task_provider_register(provider)
    task_provider_register(provider)  # registering twice adds it once
    try:
        items = my_tasks_for(personas.auditor)
        assert items[0].title == "Isi SKP"
        assert [i.title for i in items].count("Isi SKP") == 1
    finally:
        from kinerja.core import my_tasks

        my_tasks._providers.remove(provider)


@override_settings(DEBUG=False)
def test_404_page_is_in_indonesian(client: Client, personas: Personas) -> None:
    client.force_login(personas.employee)
    response = client.get("/tidak-ada/")
    assert response.status_code == 404
    assert "Halaman tidak ditemukan" in response.content.decode()


def test_403_page_is_in_indonesian(client: Client, personas: Personas) -> None:
    client.force_login(personas.employee)
    response = client.get("/audit/")
    assert response.status_code == 403
    assert "Akses ditolak" in response.content.decode()


def test_500_page_is_in_indonesian_and_standalone() -> None:
    from kinerja.core.views import error_500

    response = error_500(None)  # type: ignore[arg-type]
    assert response.status_code == 500
    assert "Terjadi kesalahan pada server" in response.content.decode()


def test_pages_load_nothing_from_outside(client: Client, personas: Personas) -> None:
    client.force_login(personas.auditor)
    body = client.get("/audit/").content.decode()
    for marker in ("http://", "https://", "//cdn", "unpkg", "jsdelivr"):
        assert marker not in body.replace("http://www.w3.org", "")


def test_bar_chart_is_an_svg_with_a_title_and_no_script() -> None:
    svg = bar_chart_svg(title="Uji grafik", labels=["a", "b"], values=[1, 2], series_name="n")
    assert svg.startswith("<svg")
    assert "Uji grafik" in svg
    assert "<script" not in svg
