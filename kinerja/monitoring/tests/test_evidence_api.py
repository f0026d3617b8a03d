"""API of evidence: metadata with download addresses, upload (multipart) and link (JSON),
removal; the same rules and sentences as the pages, 404 for whoever may not see the plan."""

from __future__ import annotations

import secrets
from collections.abc import Iterator
from pathlib import Path

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client

from kinerja.accounts.models import User
from kinerja.accounts.testing import make_user
from kinerja.monitoring.evidence.testing import (
    REFUSED_SAMPLES,
    evidence_storage_at,
    make_file_evidence,
    minimal_pdf,
    stored_files,
)
from kinerja.monitoring.models import Evidence, Realization, RealizationState
from kinerja.monitoring.testing import make_link_evidence, make_realization, make_running_plan
from kinerja.people.testing import Personas, assign, make_employee, make_position

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def store(tmp_path: Path) -> Iterator[Path]:
    with evidence_storage_at(tmp_path / "bukti") as path:
        yield path


@pytest.fixture
def realization(personas: Personas) -> Realization:
    return make_realization(plan=make_running_plan(employee=personas.staff.employee))


def peer(personas: Personas) -> User:
    user = make_user(full_name="Rina Rekan")
    post = make_position(
        agency=personas.agency, supervisor=personas.staff.kasi_post, unit=personas.staff.unit
    )
    assign(make_employee(name="Rina Rekan", user=user), post)
    return user


def list_url(realization: Realization) -> str:
    return f"/api/v1/realizations/{realization.pk}/evidence/"


def test_the_list_gives_metadata_and_a_download_address(
    client: Client, personas: Personas, realization: Realization
) -> None:
    evidence = make_file_evidence(realization=realization, name="Laporan.pdf")
    make_link_evidence(realization=realization)
    client.force_login(personas.supervisor)
    body = client.get(list_url(realization)).json()
    assert [row["kind"] for row in body] == ["FILE", "LINK"]
    first = body[0]
    assert first["token"] == evidence.token
    assert first["original_name"] == "Laporan.pdf"
    assert first["sha256"] == evidence.sha256
    assert first["size"] == evidence.size
    assert first["download_url"] == f"http://testserver/bukti/{evidence.token}/"
    assert first["altered_at"] is None
    assert "stored_name" not in first
    assert body[1]["download_url"] == "https://contoh.go.id/laporan"


def test_the_detail_gives_one_items_metadata(
    client: Client, personas: Personas, realization: Realization
) -> None:
    evidence = make_file_evidence(realization=realization)
    client.force_login(personas.auditor)
    body = client.get(f"/api/v1/evidence/{evidence.token}/").json()
    assert (body["token"], body["type_label"]) == (evidence.token, "PDF")


@pytest.mark.parametrize("who", ["other_admin", "outsider", "peer"])
def test_strangers_get_404_everywhere_in_the_api(
    client: Client, personas: Personas, realization: Realization, who: str
) -> None:
    evidence = make_file_evidence(realization=realization)
    client.force_login(peer(personas) if who == "peer" else getattr(personas, who))
    assert client.get(list_url(realization)).status_code == 404
    assert client.post(list_url(realization), {"link": "https://a.id/"}).status_code == 404
    assert client.get(f"/api/v1/evidence/{evidence.token}/").status_code == 404
    assert client.delete(f"/api/v1/evidence/{evidence.token}/").status_code == 404
    assert Evidence.objects.count() == 1


def test_a_guessed_token_gets_404(client: Client, personas: Personas) -> None:
    client.force_login(personas.hr_admin)
    response = client.get(f"/api/v1/evidence/{secrets.token_urlsafe(24)}/")
    assert response.status_code == 404


def test_a_pdf_is_uploaded_as_multipart(
    client: Client, personas: Personas, realization: Realization, store: Path
) -> None:
    client.force_login(personas.employee)
    upload = SimpleUploadedFile("laporan.pdf", minimal_pdf(), content_type="application/pdf")
    response = client.post(list_url(realization), {"file": upload, "title": "Laporan"})
    assert response.status_code == 201
    assert response.json()["content_type"] == "application/pdf"
    assert response.json()["title"] == "Laporan"
    assert len(stored_files(store)) == 1


def test_a_renamed_executable_is_refused_by_the_api_and_nothing_is_stored(
    client: Client, personas: Personas, realization: Realization, store: Path
) -> None:
    client.force_login(personas.employee)
    upload = SimpleUploadedFile(
        "laporan.pdf", REFUSED_SAMPLES["setup.exe"][0], content_type="application/pdf"
    )
    response = client.post(list_url(realization), {"file": upload})
    assert response.status_code == 400
    [sentence] = response.json()["file"]
    assert sentence.startswith("Isi berkas “laporan.pdf” adalah program Windows (EXE/DLL)")
    assert Evidence.objects.count() == 0
    assert stored_files(store) == []


def test_a_link_is_added_as_json_and_a_bad_one_refused(
    client: Client, personas: Personas, realization: Realization
) -> None:
    client.force_login(personas.employee)
    ok = client.post(
        list_url(realization),
        {"link": "https://drive.kota.go.id/a"},
        content_type="application/json",
    )
    assert ok.status_code == 201
    assert ok.json()["kind"] == "LINK"
    bad = client.post(
        list_url(realization), {"link": "file:///etc/passwd"}, content_type="application/json"
    )
    assert bad.status_code == 400
    assert "hanya alamat web" in bad.json()["link"][0]


def test_neither_or_both_file_and_link_is_refused(
    client: Client, personas: Personas, realization: Realization
) -> None:
    client.force_login(personas.employee)
    response = client.post(list_url(realization), {}, content_type="application/json")
    assert response.status_code == 400
    assert "file" in response.json()


def test_the_appraiser_may_read_but_not_add(
    client: Client, personas: Personas, realization: Realization
) -> None:
    client.force_login(personas.supervisor)
    response = client.post(
        list_url(realization), {"link": "https://a.id/"}, content_type="application/json"
    )
    assert response.status_code == 403
    assert response.json()["detail"].startswith("Hanya pegawai pemilik SKP")


def test_delete_removes_while_writable_and_refuses_after_submission(
    client: Client, personas: Personas, realization: Realization
) -> None:
    first = make_link_evidence(realization=realization)
    second = make_link_evidence(realization=realization)
    client.force_login(personas.employee)
    assert client.delete(f"/api/v1/evidence/{first.token}/").status_code == 204
    Realization.objects.filter(pk=realization.pk).update(state=RealizationState.ACCEPTED)
    response = client.delete(f"/api/v1/evidence/{second.token}/")
    assert response.status_code == 400
    assert "realization" in response.json()
    assert list(Evidence.objects.all()) == [second]
