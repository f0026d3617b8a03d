"""Evidence pages: download only to those who may see the plan (404 for everyone else, and for
a guessed token), safe headers, the add page refusing a renamed executable, removal."""

from __future__ import annotations

import secrets
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from django.test import Client
from django.urls import reverse

from kinerja.accounts.models import User
from kinerja.accounts.testing import make_user
from kinerja.core.testing import page_text
from kinerja.monitoring.evidence.testing import (
    ACCEPTED_SAMPLES,
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

READERS = ["employee", "supervisor", "appraiser_superior", "agency_admin", "hr_admin", "leader",
           "auditor"]  # fmt: skip
STRANGERS = ["other_admin", "outsider"]


@pytest.fixture(autouse=True)
def store(tmp_path: Path) -> Iterator[Path]:
    with evidence_storage_at(tmp_path / "bukti") as path:
        yield path


@pytest.fixture
def realization(personas: Personas) -> Realization:
    return make_realization(plan=make_running_plan(employee=personas.staff.employee))


def peer(personas: Personas) -> User:
    """A colleague under the same supervisor: sees nothing of the employee's plan."""
    user = make_user(full_name="Rina Rekan")
    post = make_position(
        agency=personas.agency, supervisor=personas.staff.kasi_post, unit=personas.staff.unit
    )
    assign(make_employee(name="Rina Rekan", user=user), post)
    return user


def download(evidence: Evidence) -> str:
    return reverse("monitoring:evidence_download", kwargs={"token": evidence.token})


@pytest.mark.parametrize("persona", READERS)
def test_whoever_may_see_the_plan_downloads_the_pdf_inline_with_safe_headers(
    client: Client, personas: Personas, realization: Realization, persona: str
) -> None:
    data = minimal_pdf()
    evidence = make_file_evidence(realization=realization, data=data, name="Laporan Mei.pdf")
    client.force_login(getattr(personas, persona))
    response = client.get(download(evidence))
    assert response.status_code == 200
    assert b"".join(response.streaming_content) == data  # type: ignore[attr-defined]
    assert response["Content-Type"] == "application/pdf"
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Cache-Control"] == "private, no-store"
    assert response["Content-Disposition"] == 'inline; filename="Laporan Mei.pdf"'


@pytest.mark.parametrize("persona", STRANGERS)
def test_a_stranger_gets_404_on_the_download_address(
    client: Client, personas: Personas, realization: Realization, persona: str
) -> None:
    evidence = make_file_evidence(realization=realization)
    client.force_login(getattr(personas, persona))
    response = client.get(download(evidence))
    assert response.status_code == 404
    assert b"%PDF" not in response.content


def test_a_peer_employee_gets_404_on_the_download_address(
    client: Client, personas: Personas, realization: Realization
) -> None:
    evidence = make_file_evidence(realization=realization)
    client.force_login(peer(personas))
    assert client.get(download(evidence)).status_code == 404
    assert (
        client.get(reverse("monitoring:evidence_remove", args=[evidence.token])).status_code == 404
    )
    assert client.get(reverse("monitoring:evidence_add", args=[realization.pk])).status_code == 404


def test_a_guessed_token_gets_404_like_a_private_one(
    client: Client, personas: Personas, realization: Realization
) -> None:
    make_file_evidence(realization=realization)
    client.force_login(personas.hr_admin)
    for token in (secrets.token_urlsafe(24), "x" * 200, "..%2F..%2Fetc%2Fpasswd"):
        assert client.get(f"/bukti/{token}/").status_code == 404


def test_an_anonymous_visitor_is_sent_to_log_in(client: Client, realization: Realization) -> None:
    evidence = make_file_evidence(realization=realization)
    response = client.get(download(evidence))
    assert response.status_code == 302
    assert "/masuk/" in response["Location"] or "login" in response["Location"]


def test_a_document_is_an_attachment_with_its_detected_type(
    client: Client, personas: Personas, realization: Realization
) -> None:
    data, content_type = ACCEPTED_SAMPLES["notulen.docx"]
    evidence = make_file_evidence(realization=realization, data=data, name="notulen")
    Evidence.objects.filter(pk=evidence.pk).update(content_type=content_type)
    client.force_login(personas.employee)
    response = client.get(download(evidence))
    assert response["Content-Type"] == content_type
    assert response["Content-Disposition"] == 'attachment; filename="notulen"'


def test_an_altered_file_is_served_only_as_a_flagged_attachment(
    client: Client, personas: Personas, realization: Realization, store: Path
) -> None:
    evidence = make_file_evidence(realization=realization)
    [stored] = stored_files(store)
    stored.write_bytes(b"<html><script>alert(1)</script></html>")
    client.force_login(personas.supervisor)
    response = client.get(download(evidence))
    assert response.status_code == 200
    assert response["Content-Type"] == "application/octet-stream"
    assert response["Content-Disposition"].startswith("attachment;")
    assert response["X-Evidence-Altered"].startswith("sha256=")
    evidence.refresh_from_db()
    assert evidence.altered_at is not None


def test_a_missing_stored_file_answers_404_and_is_flagged(
    client: Client, personas: Personas, realization: Realization, store: Path
) -> None:
    evidence = make_file_evidence(realization=realization)
    stored_files(store)[0].unlink()
    client.force_login(personas.employee)
    assert client.get(download(evidence)).status_code == 404
    evidence.refresh_from_db()
    assert evidence.altered_at is not None


def test_a_link_address_redirects_to_the_link(
    client: Client, personas: Personas, realization: Realization
) -> None:
    evidence = make_link_evidence(realization=realization)
    client.force_login(personas.employee)
    response = client.get(download(evidence))
    assert (response.status_code, response["Location"]) == (302, "https://contoh.go.id/laporan")


def test_the_add_page_stores_a_pdf_and_goes_back_to_the_realisation(
    client: Client, personas: Personas, realization: Realization, store: Path
) -> None:
    client.force_login(personas.employee)
    url = reverse("monitoring:evidence_add", args=[realization.pk])
    assert "Tambah bukti dukung" in page_text(client.get(url).content)
    with open(store.parent / "laporan.pdf", "wb") as out:
        out.write(minimal_pdf())
    with open(store.parent / "laporan.pdf", "rb") as sent:
        response = client.post(url, {"file": sent, "title": "Laporan Mei"})
    assert response.status_code == 302
    assert response["Location"] == reverse(
        "monitoring:realization_edit",
        kwargs={
            "plan_id": realization.plan_id,
            "window_id": realization.window_id,
            "indicator_id": realization.indicator_id,
        },
    )
    assert Evidence.objects.get().title == "Laporan Mei"
    assert len(stored_files(store)) == 1


def test_the_add_page_refuses_a_renamed_executable_and_stores_nothing(
    client: Client, personas: Personas, realization: Realization, store: Path
) -> None:
    client.force_login(personas.employee)
    path = store.parent / "laporan.pdf"
    path.write_bytes(REFUSED_SAMPLES["setup.exe"][0])
    with open(path, "rb") as sent:
        response = client.post(
            reverse("monitoring:evidence_add", args=[realization.pk]), {"file": sent}
        )
    assert response.status_code == 200
    text = page_text(response.content)
    assert "Isi berkas “laporan.pdf” adalah program Windows (EXE/DLL)" in text
    assert Evidence.objects.count() == 0
    assert stored_files(store) == []


def test_the_add_page_takes_a_link_and_refuses_a_bad_one(
    client: Client, personas: Personas, realization: Realization
) -> None:
    client.force_login(personas.employee)
    url = reverse("monitoring:evidence_add", args=[realization.pk])
    response = client.post(url, {"link": "javascript:alert(1)"})
    assert "hanya alamat web yang diawali http://" in page_text(response.content)
    response = client.post(url, {"link": "https://drive.kota.go.id/a"})
    assert response.status_code == 302
    assert Evidence.objects.get().link == "https://drive.kota.go.id/a"


def test_the_add_page_asks_for_a_file_or_a_link(
    client: Client, personas: Personas, realization: Realization
) -> None:
    client.force_login(personas.employee)
    response = client.post(reverse("monitoring:evidence_add", args=[realization.pk]), {})
    assert "Pilih salah satu: unggah sebuah berkas atau isi sebuah tautan." in page_text(
        response.content
    )


@pytest.mark.parametrize("persona", [name for name in READERS if name != "employee"])
def test_readers_who_are_not_the_employee_get_403_on_add_and_remove(
    client: Client, personas: Personas, realization: Realization, persona: str
) -> None:
    evidence = make_file_evidence(realization=realization)
    client.force_login(getattr(personas, persona))
    assert client.get(reverse("monitoring:evidence_add", args=[realization.pk])).status_code == 403
    remove = reverse("monitoring:evidence_remove", args=[evidence.token])
    assert client.post(remove).status_code == 403
    assert Evidence.objects.count() == 1


@pytest.mark.parametrize("persona", STRANGERS)
def test_strangers_get_404_on_add_and_remove(
    client: Client, personas: Personas, realization: Realization, persona: str
) -> None:
    evidence = make_file_evidence(realization=realization)
    client.force_login(getattr(personas, persona))
    assert client.get(reverse("monitoring:evidence_add", args=[realization.pk])).status_code == 404
    assert (
        client.post(reverse("monitoring:evidence_remove", args=[evidence.token])).status_code == 404
    )


def test_remove_confirms_then_deletes_row_and_file(
    client: Client,
    personas: Personas,
    realization: Realization,
    store: Path,
    django_capture_on_commit_callbacks: Any,
) -> None:
    evidence = make_file_evidence(realization=realization, name="lama.pdf")
    client.force_login(personas.employee)
    url = reverse("monitoring:evidence_remove", args=[evidence.token])
    assert "Hapus bukti dukung?" in page_text(client.get(url).content)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(url)
    assert response.status_code == 302
    assert Evidence.objects.count() == 0
    assert stored_files(store) == []


def test_remove_of_a_submitted_realisation_is_refused(
    client: Client, personas: Personas, realization: Realization
) -> None:
    evidence = make_file_evidence(realization=realization)
    Realization.objects.filter(pk=realization.pk).update(state=RealizationState.SUBMITTED)
    client.force_login(personas.employee)
    response = client.post(reverse("monitoring:evidence_remove", args=[evidence.token]))
    assert response.status_code == 403
    assert Evidence.objects.count() == 1
