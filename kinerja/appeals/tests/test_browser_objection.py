"""Acceptance of issue 15 in a real browser (Debian's Chromium via Playwright): the employee
opens "Bagaimana nilai saya dihitung" and sees the matrix cell and each result's evidence link;
files an objection with a PDF attached; the appraiser explains; the appraiser's superior
accepts with new ratings; the new predikat shows everywhere (the evaluation page, the
explanation page, the evaluation PDF, the e-Kinerja export) and the timeline shows each step
with who and when.

Every page is also opened at 360 px (no sideways scroll) and checked with axe-core. With
`KINERJA_SCREENSHOTS=<dir>` each page is photographed at 1280 and 360 px into that directory.
"""

from __future__ import annotations

import csv
import io
import os
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from django.utils import timezone
from playwright.sync_api import expect
from pypdf import PdfReader

from kinerja.appeals.models import Objection, ObjectionState
from kinerja.appeals.testing import make_acknowledged_evaluation
from kinerja.core.testing import axe_serious, chromium_page, page_log_in
from kinerja.evaluation.models import Evaluation
from kinerja.monitoring.evidence.testing import evidence_storage_at, minimal_pdf
from kinerja.people.testing import Personas
from kinerja.scoring.formatting import format_date_id

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

DESKTOP = {"width": 1280, "height": 900}
PHONE = 360
SIDES = ("employee", "supervisor", "appraiser_superior", "agency_admin")
STATEMENT = (
    "Realisasi RHK 1 sudah 100% dengan bukti notulen rapat koordinasi, tetapi dinilai sesuai "
    "ekspektasi tanpa penjelasan."
)
EXPLANATION = "Capaian RHK 1 dihitung dari realisasi yang diterima: 83,33%, bukan 100%."
EVIDENCE_LINK = "https://contoh.go.id/laporan"  # make_link_evidence's
REASON = "Notulen rapat koordinasi menunjukkan capaian penuh; perilaku pelayanan diakui warga."


@pytest.fixture
def sessions(
    browser: Any, live_server: Any, personas: Personas, tmp_path: Path
) -> Iterator[dict[str, Any]]:
    """A browser page per side (1280 px wide), each logged in with its own session cookie."""
    pages: dict[str, Any] = {}
    with (
        evidence_storage_at(tmp_path / "bukti"),
        chromium_page(browser, **DESKTOP) as employee,
        chromium_page(browser, **DESKTOP) as supervisor,
        chromium_page(browser, **DESKTOP) as superior,
        chromium_page(browser, **DESKTOP) as admin,
    ):
        for name, page in zip(SIDES, (employee, supervisor, superior, admin), strict=True):
            page_log_in(page, user=personas.all()[name], base_url=live_server.url)
            pages[name] = page
        yield pages


_shots = {"n": 0}


def _look(page: Any, name: str) -> None:
    """The page passes axe, fits 360 px without sideways scroll, and is photographed at 1280
    and 360 px when KINERJA_SCREENSHOTS names a directory."""
    folder = os.environ.get("KINERJA_SCREENSHOTS")
    _shots["n"] += 1
    for width in (DESKTOP["width"], PHONE):
        page.set_viewport_size({"width": width, "height": DESKTOP["height"]})
        if width == PHONE:
            scroll = page.evaluate("document.documentElement.scrollWidth")
            assert scroll <= PHONE, f"{name}: {scroll} px lebar pada layar 360 px"
        if folder:
            Path(folder).mkdir(parents=True, exist_ok=True)
            page.screenshot(path=f"{folder}/{_shots['n']:02d}-{name}-{width}.png", full_page=True)
    page.set_viewport_size(DESKTOP)
    assert not axe_serious(page), name


def _pdf_text(page: Any, url: str) -> str:
    response = page.request.get(url)
    assert response.status == 200, f"{url}: {response.status}"
    return " ".join(p.extract_text() for p in PdfReader(io.BytesIO(response.body())).pages)


def test_an_objection_from_the_explanation_to_the_decision_changes_the_predikat_everywhere(
    live_server: Any, personas: Personas, sessions: dict[str, Any]
) -> None:
    evaluation = make_acknowledged_evaluation(personas=personas)
    results = list(evaluation.plan.results.order_by("kind", "number"))
    url = live_server.url
    employee, supervisor = sessions["employee"], sessions["supervisor"]
    superior, admin = sessions["appraiser_superior"], sessions["agency_admin"]
    today = format_date_id(timezone.localdate())

    # 1. The employee reads how her result was computed: the matrix cell, each evidence link.
    employee.goto(f"{url}/penilaian/{evaluation.pk}/penjelasan/")
    expect(employee.get_by_test_id("matrix-sentence")).to_contain_text(
        "Rating hasil kerja Sesuai Ekspektasi"
    )
    expect(employee.get_by_test_id("matrix-sentence")).to_contain_text("Baik")
    expect(employee.get_by_test_id("matrix-chosen")).to_contain_text("Baik")
    for result in results:
        row = employee.get_by_test_id(f"explain-result-{result.pk}")
        expect(row.get_by_test_id("evidence-link")).to_have_count(1)
        expect(row.get_by_test_id("evidence-link")).to_have_attribute("href", EVIDENCE_LINK)
    _look(employee, "penjelasan-sebelum")

    # 2. She files an objection with a PDF attached, from the evaluation page's link.
    employee.goto(f"{url}/penilaian/{evaluation.pk}/")
    employee.get_by_role("link", name="Ajukan keberatan").click()
    expect(employee.get_by_test_id("deadline")).to_contain_text("Batas pengajuan:")
    _look(employee, "ajukan")
    form = employee.get_by_test_id("objection-form")
    form.get_by_label("Rating hasil kerja", exact=True).check()
    form.get_by_label("Alasan keberatan").fill(STATEMENT)
    form.get_by_label("Hasil yang diminta").fill("Rating hasil kerja Di Atas Ekspektasi.")
    form.get_by_label("Lampiran").set_input_files(
        files=[
            {"name": "notulen-rapat.pdf", "mimeType": "application/pdf", "buffer": minimal_pdf()}
        ]
    )
    employee.get_by_role("button", name="Ajukan keberatan").click()
    objection = Objection.objects.get(evaluation=evaluation)
    employee.wait_for_url(f"{url}/keberatan/{objection.pk}/")
    expect(employee.get_by_test_id("objection-state")).to_contain_text("Diajukan")
    expect(employee.get_by_test_id("thread-statement")).to_contain_text(STATEMENT)
    expect(employee.get_by_role("link", name="notulen-rapat.pdf")).to_be_visible()
    expect(employee.get_by_text("Dewi Kabid").first).to_be_visible()  # the decider, named
    _look(employee, "keberatan-diajukan")

    # 3. The appraiser explains.
    supervisor.goto(f"{url}/keberatan/")
    supervisor.get_by_role("link", name=personas.staff.employee.full_name).first.click()
    supervisor.wait_for_url(f"{url}/keberatan/{objection.pk}/")
    _look(supervisor, "jelaskan")
    supervisor.get_by_label("Penjelasan pejabat penilai").fill(EXPLANATION)
    supervisor.get_by_role("button", name="Kirim penjelasan").click()
    expect(supervisor.get_by_test_id("objection-state")).to_contain_text("Dijelaskan")
    expect(supervisor.get_by_test_id("thread-explanation")).to_contain_text(EXPLANATION)

    # 4. The appraiser's superior accepts: both ratings above expectation.
    superior.goto(f"{url}/keberatan/{objection.pk}/")
    expect(superior.get_by_test_id("decide")).to_be_visible()
    _look(superior, "putuskan")
    decide = superior.get_by_test_id("decide")
    decide.get_by_label("Terima keberatan (ubah rating)").check()
    decide.get_by_label("Rating hasil kerja baru").select_option("ABOVE")
    decide.get_by_label("Rating perilaku kerja baru").select_option("ABOVE")
    decide.get_by_label("Pertimbangan keputusan").fill(REASON)
    superior.get_by_role("button", name="Tetapkan keputusan").click()
    expect(superior.get_by_test_id("objection-state")).to_contain_text("Diterima")
    _look(superior, "diputus")
    objection.refresh_from_db()
    assert objection.state == ObjectionState.ACCEPTED
    assert (objection.predikat_before, objection.predikat_after) == ("BAIK", "SANGAT_BAIK")
    letter = _pdf_text(superior, f"{url}/keberatan/{objection.pk}/surat/")
    assert "Diterima" in letter or "DITERIMA" in letter

    # 5. The new predikat everywhere: the evaluation page, the explanation, the PDF, the export.
    employee.goto(f"{url}/penilaian/{evaluation.pk}/")
    expect(employee.get_by_test_id("predikat")).to_contain_text("Sangat Baik")
    _look(employee, "penilaian-sesudah")
    employee.goto(f"{url}/penilaian/{evaluation.pk}/penjelasan/")
    expect(employee.get_by_test_id("predikat")).to_contain_text("Sangat Baik")
    expect(employee.get_by_test_id("matrix-chosen")).to_contain_text("Sangat Baik")
    expect(employee.get_by_test_id("objection-change")).to_contain_text("Baik → Sangat Baik")
    _look(employee, "penjelasan-sesudah")
    document = _pdf_text(employee, f"{url}/penilaian/{evaluation.pk}/pdf/")
    assert "SANGAT BAIK" in document.split("PREDIKAT KINERJA PEGAWAI", 1)[1]
    fresh = Evaluation.objects.select_related("plan").get(pk=evaluation.pk)
    export = admin.request.get(
        f"{url}/penilaian/ekspor/{personas.agency.pk}/ekinerja/"
        f"?periode={fresh.plan.period_id}&evaluasi={fresh.window_id}&format=csv"
    )
    assert export.status == 200, export.status
    rows = list(csv.reader(io.StringIO(export.body().decode("utf-8-sig")), delimiter=";"))
    if len(rows[0]) == 1:
        rows = list(csv.reader(io.StringIO(export.body().decode("utf-8-sig"))))
    [row] = [r for r in rows if personas.staff.employee.nip in r]
    assert any("sangat baik" in cell.lower() or cell == "SANGAT_BAIK" for cell in row), row

    # 6. The timeline shows each step with who and when.
    employee.goto(f"{url}/penilaian/{evaluation.pk}/riwayat/")
    for label, who in (
        ("Keberatan diajukan", personas.staff.employee.full_name),
        ("Penjelasan pejabat penilai diberikan", personas.staff.supervisor.full_name),
        ("Keberatan diputus", personas.staff.kabid.full_name),
        ("Hasil penilaian diubah oleh keputusan keberatan", personas.staff.kabid.full_name),
    ):
        event = employee.locator("li", has_text=label).first
        expect(event).to_contain_text(who)
        expect(event).to_contain_text(today)
    _look(employee, "riwayat")
