"""The objection pages' POST endpoints: filing with attachments, the explanation, the answer,
the decision and the withdrawal; each happy path, and each refusal re-rendering the page with
the service's sentence (nothing changed)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client

from kinerja.appeals.models import Objection, ObjectionState
from kinerja.appeals.testing import STATEMENT, make_acknowledged_evaluation, make_objection
from kinerja.core.testing import page_text
from kinerja.evaluation.models import Evaluation
from kinerja.monitoring.evidence.testing import evidence_storage_at, minimal_pdf
from kinerja.people.testing import Personas

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def store(tmp_path: Path) -> Iterator[Path]:
    with evidence_storage_at(tmp_path / "bukti") as path:
        yield path


def _post(client: Client, objection: Objection, step: str, data: dict[str, str]) -> str:
    response = client.post(f"/keberatan/{objection.pk}/{step}/", data)
    assert response.status_code == 400, response.status_code
    return page_text(response.content)


# --- filing ----------------------------------------------------------------------------------


def test_the_employee_files_with_an_attachment_and_lands_on_the_record(
    client: Client, personas: Personas
) -> None:
    evaluation = make_acknowledged_evaluation(personas=personas)
    client.force_login(personas.employee)
    pdf = SimpleUploadedFile("notulen.pdf", minimal_pdf("Notulen"), "application/pdf")
    response = client.post(
        f"/penilaian/{evaluation.pk}/keberatan/",
        {"subject": "RESULTS", "statement": STATEMENT, "requested": "Di atas ekspektasi",
         "attachments": [pdf]},
    )  # fmt: skip
    objection = Objection.objects.get(evaluation=evaluation)
    assert response.status_code == 302
    assert response["Location"] == f"/keberatan/{objection.pk}/"
    page = client.get(response["Location"])
    text = page_text(page.content)
    assert "Keberatan diajukan." in text
    assert "notulen.pdf" in text
    attachment = objection.attachments.get()
    download = client.get(f"/keberatan/{objection.pk}/lampiran/{attachment.pk}/")
    assert download.status_code == 200
    assert download["Content-Disposition"].startswith("attachment;")
    assert b"".join(download.streaming_content).startswith(b"%PDF")  # type: ignore[attr-defined]
    client.force_login(personas.outsider)
    assert client.get(f"/keberatan/{objection.pk}/lampiran/{attachment.pk}/").status_code == 404


def test_a_short_statement_is_refused_with_the_sentence_and_nothing_filed(
    client: Client, personas: Personas
) -> None:
    evaluation = make_acknowledged_evaluation(personas=personas)
    client.force_login(personas.employee)
    response = client.post(
        f"/penilaian/{evaluation.pk}/keberatan/", {"subject": "RESULTS", "statement": "Tidak adil"}
    )
    text = page_text(response.content)
    assert "Alasan keberatan sepanjang 10 karakter terlalu singkat" in text
    assert not Objection.objects.exists()


def test_a_renamed_executable_is_refused_under_the_attachments(
    client: Client, personas: Personas
) -> None:
    evaluation = make_acknowledged_evaluation(personas=personas)
    client.force_login(personas.employee)
    fake = SimpleUploadedFile("bukti.pdf", b"MZ\x90\x00" + b"\x00" * 200, "application/pdf")
    response = client.post(
        f"/penilaian/{evaluation.pk}/keberatan/",
        {"subject": "RESULTS", "statement": STATEMENT, "attachments": [fake]},
    )
    assert "bukti.pdf" in page_text(response.content)
    assert not Objection.objects.exists()


def test_posting_after_the_deadline_is_refused_with_the_rule(
    client: Client, personas: Personas
) -> None:
    evaluation = make_acknowledged_evaluation(personas=personas, days_ago=15)
    client.force_login(personas.employee)
    response = client.post(
        f"/penilaian/{evaluation.pk}/keberatan/", {"subject": "RESULTS", "statement": STATEMENT}
    )
    assert response.status_code == 400
    assert "PP 30/2019 Pasal 59" in page_text(response.content)
    assert not Objection.objects.exists()


def test_the_appraiser_may_not_file_for_the_employee(client: Client, personas: Personas) -> None:
    evaluation = make_acknowledged_evaluation(personas=personas)
    client.force_login(personas.supervisor)
    response = client.post(
        f"/penilaian/{evaluation.pk}/keberatan/", {"subject": "RESULTS", "statement": STATEMENT}
    )
    assert response.status_code == 403
    assert not Objection.objects.exists()


# --- the steps -------------------------------------------------------------------------------


def test_the_appraiser_explains(client: Client, personas: Personas) -> None:
    objection = make_objection(evaluation=make_acknowledged_evaluation(personas=personas))
    client.force_login(personas.supervisor)
    response = client.post(
        f"/keberatan/{objection.pk}/penjelasan/",
        {"explanation": "Realisasi RHK 1 yang diterima baru 10 dari 12 dokumen."},
    )
    assert response.status_code == 302
    objection.refresh_from_db()
    assert objection.state == ObjectionState.EXPLAINED
    text = page_text(client.get(response["Location"]).content)
    assert "Realisasi RHK 1 yang diterima baru 10 dari 12 dokumen." in text


def test_an_empty_explanation_is_refused_on_the_page(client: Client, personas: Personas) -> None:
    objection = make_objection(evaluation=make_acknowledged_evaluation(personas=personas))
    client.force_login(personas.supervisor)
    text = _post(client, objection, "penjelasan", {"explanation": "  "})
    assert "Penjelasan pejabat penilai wajib diisi." in text
    objection.refresh_from_db()
    assert objection.state == ObjectionState.FILED


def test_the_employee_may_not_explain(client: Client, personas: Personas) -> None:
    objection = make_objection(evaluation=make_acknowledged_evaluation(personas=personas))
    client.force_login(personas.employee)
    response = client.post(f"/keberatan/{objection.pk}/penjelasan/", {"explanation": "Saya."})
    assert response.status_code == 403


def test_the_employee_answers_once(client: Client, personas: Personas) -> None:
    objection = make_objection(
        evaluation=make_acknowledged_evaluation(personas=personas), state=ObjectionState.EXPLAINED
    )
    client.force_login(personas.employee)
    response = client.post(
        f"/keberatan/{objection.pk}/tanggapan/", {"answer": "Notulen rapat sudah saya unggah."}
    )
    assert response.status_code == 302
    text = page_text(client.get(response["Location"]).content)
    assert "Tanggapan pegawai Agus Wibowo" in text
    assert "Tanggapi penjelasan" not in text
    again = client.post(f"/keberatan/{objection.pk}/tanggapan/", {"answer": "Sekali lagi."})
    assert again.status_code == 400


def test_the_decider_accepts_and_the_predikat_changes(client: Client, personas: Personas) -> None:
    evaluation = make_acknowledged_evaluation(personas=personas)
    objection = make_objection(evaluation=evaluation, state=ObjectionState.EXPLAINED)
    client.force_login(personas.appraiser_superior)
    response = client.post(
        f"/keberatan/{objection.pk}/putusan/",
        {"decision": "terima", "results_rating": "ABOVE", "behavior_rating": "ABOVE",
         "decision_reason": "Bukti notulen menunjukkan capaian penuh."},
    )  # fmt: skip
    assert response.status_code == 302
    objection.refresh_from_db()
    assert objection.state == ObjectionState.ACCEPTED
    assert Evaluation.objects.get(pk=evaluation.pk).predikat == "SANGAT_BAIK"
    text = page_text(client.get(response["Location"]).content)
    assert "Keberatan diterima: predikat kinerja menjadi Sangat Baik" in text
    assert "Unduh surat keputusan (PDF)" in text


def test_accepting_without_a_change_is_refused_under_the_rating(
    client: Client, personas: Personas
) -> None:
    objection = make_objection(
        evaluation=make_acknowledged_evaluation(personas=personas), state=ObjectionState.EXPLAINED
    )
    client.force_login(personas.appraiser_superior)
    text = _post(
        client, objection, "putusan", {"decision": "terima", "decision_reason": "Diterima."}
    )
    assert "menerima keberatan berarti mengubah hasil penilaian" in text.lower()
    objection.refresh_from_db()
    assert objection.state == ObjectionState.EXPLAINED


def test_the_decider_rejects(client: Client, personas: Personas) -> None:
    objection = make_objection(
        evaluation=make_acknowledged_evaluation(personas=personas), state=ObjectionState.EXPLAINED
    )
    client.force_login(personas.appraiser_superior)
    response = client.post(
        f"/keberatan/{objection.pk}/putusan/",
        {"decision": "tolak", "decision_reason": "Realisasi sudah dihitung dengan benar."},
    )
    assert response.status_code == 302
    objection.refresh_from_db()
    assert objection.state == ObjectionState.REJECTED


def test_a_decision_without_a_reason_is_refused(client: Client, personas: Personas) -> None:
    objection = make_objection(
        evaluation=make_acknowledged_evaluation(personas=personas), state=ObjectionState.EXPLAINED
    )
    client.force_login(personas.appraiser_superior)
    text = _post(client, objection, "putusan", {"decision": "tolak", "decision_reason": ""})
    assert "Pertimbangan keputusan wajib diisi." in text


def test_the_appraiser_may_not_decide(client: Client, personas: Personas) -> None:
    objection = make_objection(
        evaluation=make_acknowledged_evaluation(personas=personas), state=ObjectionState.EXPLAINED
    )
    client.force_login(personas.supervisor)
    response = client.post(
        f"/keberatan/{objection.pk}/putusan/", {"decision": "tolak", "decision_reason": "Tidak."}
    )
    assert response.status_code == 403


def test_a_decided_objection_does_not_reopen(client: Client, personas: Personas) -> None:
    objection = make_objection(
        evaluation=make_acknowledged_evaluation(personas=personas), state=ObjectionState.REJECTED
    )
    client.force_login(personas.appraiser_superior)
    text = _post(
        client, objection, "putusan", {"decision": "tolak", "decision_reason": "Sekali lagi."}
    )
    assert "keputusan atasan pejabat penilai bersifat final" in text


def test_the_employee_withdraws(client: Client, personas: Personas) -> None:
    objection = make_objection(evaluation=make_acknowledged_evaluation(personas=personas))
    client.force_login(personas.employee)
    response = client.post(f"/keberatan/{objection.pk}/cabut/", {"reason": "Sudah jelas."})
    assert response.status_code == 302
    objection.refresh_from_db()
    assert objection.state == ObjectionState.WITHDRAWN


def test_a_decided_objection_cannot_be_withdrawn(client: Client, personas: Personas) -> None:
    objection = make_objection(
        evaluation=make_acknowledged_evaluation(personas=personas), state=ObjectionState.ACCEPTED
    )
    client.force_login(personas.employee)
    text = _post(client, objection, "cabut", {"reason": ""})
    assert "tidak dapat dicabut" in text
