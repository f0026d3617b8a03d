"""In a real browser (Debian's Chromium via Playwright), an Admin OPD whose agency has no vacant
post adds an employee in one flow: the post is created on the spot under a supervisor chosen
from the agency's tree, and the new employee's profile names it.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from kinerja.accounts.testing import TEST_PASSWORD
from kinerja.audit.models import AuditEvent
from kinerja.core.testing import chromium_page
from kinerja.people.models import Employee
from kinerja.people.testing import Personas

pytestmark = [pytest.mark.browser]


@pytest.fixture
def browser_page(browser: Any) -> Iterator[Any]:
    with chromium_page(browser, width=1280, height=900) as page:
        yield page


@pytest.mark.django_db(transaction=True)
def test_admin_opd_adds_an_employee_to_an_agency_without_vacancy_in_one_flow(
    live_server: Any, personas: Personas, browser_page: Any, tmp_path: Path
) -> None:
    page = browser_page
    page.goto(f"{live_server.url}/")
    page.get_by_label("NIP atau nama pengguna").fill("admin.opd")
    page.get_by_label("Kata sandi").fill(TEST_PASSWORD)
    page.get_by_role("button", name="Masuk").click()
    page.wait_for_url(f"{live_server.url}/")

    page.get_by_role("link", name="Buka daftar").first.click()
    page.get_by_role("link", name="Tambah pegawai").click()
    assert page.get_by_text("Belum ada jabatan lowong").is_visible()

    page.get_by_label("NIP").fill("19950310 202001 2 004")
    page.get_by_label("Jenis kepegawaian").select_option("PNS")
    page.get_by_label("Nama (tanpa gelar)").fill("Ratna Lestari")
    page.get_by_label("Jenis kelamin").select_option("P")
    page.get_by_label("Tanggal lahir").fill("1995-03-10")
    page.get_by_label("Golongan").select_option("III/a")
    page.get_by_label("Nama jabatan baru").fill("Analis Data Kependudukan")
    page.get_by_label("Jenis jabatan baru").select_option("PELAKSANA")
    page.get_by_label("Jabatan atasan").select_option(str(personas.staff.kasi_post.pk))
    page.get_by_label("Mulai menjabat").fill("2025-01-02")
    page.screenshot(path=str(tmp_path / "tambah-pegawai.png"), full_page=True)
    page.get_by_role("button", name="Simpan").click()

    page.wait_for_url(f"{live_server.url}/pegawai/*/")
    assert page.get_by_text("Pegawai Ratna Lestari ditambahkan.").is_visible()
    assert page.get_by_role("cell", name="Analis Data Kependudukan", exact=True).is_visible()
    post = Employee.objects.get(name="Ratna Lestari").assignments.get().position
    assert (post.supervisor_id, post.agency_id) == (personas.staff.kasi_post.pk, personas.agency.pk)
    assert AuditEvent.objects.filter(action="position.created", object_id=str(post.pk)).exists()
