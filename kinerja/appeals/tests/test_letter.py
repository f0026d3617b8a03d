"""The decision letter (/keberatan/<id>/surat/): what it says, and who may download it."""

from __future__ import annotations

import io

import pytest
from django.test import Client
from pypdf import PdfReader

from kinerja.appeals.models import ObjectionState
from kinerja.appeals.testing import make_acknowledged_evaluation, make_objection
from kinerja.people.testing import PERSONA_NAMES, Personas
from kinerja.periods.models import PerformancePeriod

pytestmark = pytest.mark.django_db

READERS = {"employee", "supervisor", "appraiser_superior", "hr_admin", "auditor"}


def _text(content: bytes) -> str:
    reader = PdfReader(io.BytesIO(content))
    return " ".join(" ".join((page.extract_text() or "").split()) for page in reader.pages)


def test_an_accepted_objection_letter_names_everyone_and_the_change(
    client: Client, personas: Personas
) -> None:
    objection = make_objection(
        evaluation=make_acknowledged_evaluation(personas=personas), state=ObjectionState.ACCEPTED
    )
    client.force_login(personas.employee)
    response = client.get(f"/keberatan/{objection.pk}/surat/")
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert response["Content-Disposition"].startswith('attachment; filename="keputusan-keberatan-')
    text = _text(response.content)
    assert "KEPUTUSAN ATAS KEBERATAN HASIL PENILAIAN KINERJA" in text.upper()
    assert "Agus Wibowo" in text
    assert "Pengolah Data" in text
    assert "Dinas Kependudukan dan Pencatatan Sipil" in text
    assert "Keberatan Diterima" in text
    assert "Capaian RHK 1 dihitung dari realisasi" in text  # the explanation
    assert "Bukti notulen menunjukkan capaian penuh" in text  # the consideration
    assert objection.get_predikat_before_display() in text
    assert objection.get_predikat_after_display() in text
    assert "Dewi Kabid" in text
    assert "Kepala Bidang Pelayanan" in text
    assert "bersifat final" in text
    assert "UJI COBA" not in text


def test_a_rejected_objection_letter_says_ditolak(client: Client, personas: Personas) -> None:
    objection = make_objection(
        evaluation=make_acknowledged_evaluation(personas=personas), state=ObjectionState.REJECTED
    )
    client.force_login(personas.appraiser_superior)
    text = _text(client.get(f"/keberatan/{objection.pk}/surat/").content)
    assert "Keberatan Ditolak" in text


def test_a_trial_period_letter_is_marked_uji_coba(client: Client, personas: Personas) -> None:
    evaluation = make_acknowledged_evaluation(personas=personas)
    PerformancePeriod.objects.filter(pk=evaluation.plan.period_id).update(is_trial=True)
    objection = make_objection(evaluation=evaluation, state=ObjectionState.ACCEPTED)
    client.force_login(personas.employee)
    text = _text(client.get(f"/keberatan/{objection.pk}/surat/").content)
    assert "UJI COBA" in text.upper()


@pytest.mark.parametrize("name", PERSONA_NAMES)
def test_only_those_who_see_the_record_download_the_letter(
    client: Client, personas: Personas, name: str
) -> None:
    objection = make_objection(
        evaluation=make_acknowledged_evaluation(personas=personas), state=ObjectionState.REJECTED
    )
    client.force_login(personas.all()[name])
    response = client.get(f"/keberatan/{objection.pk}/surat/")
    assert response.status_code == (200 if name in READERS else 404)


@pytest.mark.parametrize("state", [ObjectionState.FILED, ObjectionState.WITHDRAWN])
def test_there_is_no_letter_before_a_decision(
    client: Client, personas: Personas, state: str
) -> None:
    objection = make_objection(
        evaluation=make_acknowledged_evaluation(personas=personas), state=state
    )
    client.force_login(personas.hr_admin)
    assert client.get(f"/keberatan/{objection.pk}/surat/").status_code == 404
