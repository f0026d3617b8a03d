"""The full record of an objection (/keberatan/<id>/rekam/): only Inspektorat and Admin
BKPSDM; everything the objection holds, every audit event of it and its evaluation with the
client address, the request id and the chain check, and the whole-chain verification."""

from __future__ import annotations

import pytest
from django.conf import settings
from django.db import connection, transaction
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from kinerja.appeals.models import Objection, ObjectionAttachment, ObjectionState
from kinerja.appeals.testing import STATEMENT, make_acknowledged_evaluation, make_objection
from kinerja.audit.models import AuditEvent
from kinerja.audit.services import audit_record
from kinerja.audit.trail import VERIFY_KIND
from kinerja.core.models import Job
from kinerja.core.request_context import (
    RequestContext,
    request_context_reset,
    request_context_set,
)
from kinerja.core.testing import headings, page_text
from kinerja.people.testing import PERSONA_NAMES, Personas

pytestmark = pytest.mark.django_db

READERS = {"hr_admin", "auditor"}
SHA = "ab" * 32


def _url(objection: Objection) -> str:
    return reverse("appeals:objection_record", kwargs={"objection_id": objection.pk})


def _decided(personas: Personas) -> Objection:
    objection = make_objection(
        evaluation=make_acknowledged_evaluation(personas=personas),
        state=ObjectionState.ACCEPTED,
        days_ago=5,
    )
    ObjectionAttachment.objects.create(
        objection=objection,
        stored_name="keberatan/x1.pdf",
        original_name="notulen-rapat.pdf",
        content_type="application/pdf",
        size=2048,
        sha256=SHA,
    )
    token = request_context_set(RequestContext(request_id="req-keberatan-1", client_ip="10.1.2.3"))
    try:
        with transaction.atomic():
            audit_record(
                actor=personas.employee,
                action="objection.filed",
                obj=objection,
                after={"statement": STATEMENT},
            )
            audit_record(
                actor=personas.appraiser_superior,
                action="evaluation.changed_by_objection",
                obj=objection.evaluation,
                before={"predikat": objection.predikat_before},
                after={"predikat": objection.predikat_after, "objection_id": objection.pk},
            )
    finally:
        request_context_reset(token)
    return objection


@pytest.mark.parametrize("name", PERSONA_NAMES)
def test_only_inspektorat_and_bkpsdm_see_the_full_record(
    client: Client, personas: Personas, name: str
) -> None:
    objection = _decided(personas)
    client.force_login(personas.all()[name])
    response = client.get(_url(objection))
    assert response.status_code == (200 if name in READERS else 404)
    if name not in READERS:
        assert "req-keberatan-1" not in response.content.decode()


def test_anonymous_is_sent_to_the_login(client: Client, personas: Personas) -> None:
    response = client.get(_url(_decided(personas)))
    assert response.status_code == 302
    assert response["Location"].startswith(reverse(settings.LOGIN_URL))


def test_an_unknown_objection_is_404_for_the_auditor(client: Client, personas: Personas) -> None:
    objection = _decided(personas)
    client.force_login(personas.auditor)
    response = client.get(f"/keberatan/{objection.pk + 999}/rekam/")
    assert response.status_code == 404


def test_the_record_shows_the_objection_its_attachment_and_the_decision(
    client: Client, personas: Personas
) -> None:
    objection = _decided(personas)
    client.force_login(personas.auditor)
    response = client.get(_url(objection))
    text = page_text(response.content)
    assert "Rekam lengkap keberatan" in headings(response.content)
    assert STATEMENT in text
    assert "notulen-rapat.pdf" in text
    assert SHA in text
    assert "2.048 bita" in text
    assert "Bukti notulen menunjukkan capaian penuh." in text
    assert "Rating hasil kerja" in text
    assert objection.get_predikat_before_display() in text
    assert objection.get_predikat_after_display() in text


def test_every_event_shows_its_address_request_id_and_chain_check(
    client: Client, personas: Personas
) -> None:
    objection = _decided(personas)
    client.force_login(personas.auditor)
    text = page_text(client.get(_url(objection)).content)
    assert "Keberatan diajukan" in text
    assert "Hasil penilaian diubah oleh keputusan keberatan" in text
    assert text.count("10.1.2.3") == 2
    assert text.count("req-keberatan-1") == 2
    assert "Semua 2 peristiwa di bawah ini cocok dengan hash-nya" in text
    assert "Seluruh rantai belum pernah diverifikasi." in text


def _tamper(event_id: int) -> None:
    """Change a stored event the way someone with database access would: PostgreSQL refuses
    it through the append-only trigger, so the test turns triggers off for the moment (the
    test database's user is a superuser)."""
    postgres = connection.vendor == "postgresql"
    with connection.cursor() as cursor:
        if postgres:
            cursor.execute("SET LOCAL session_replication_role = replica")
        AuditEvent.objects.filter(pk=event_id).update(after={"statement": "diubah diam-diam"})
        if postgres:
            cursor.execute("SET LOCAL session_replication_role = origin")


def test_a_changed_event_is_shown_as_not_matching_the_chain(
    client: Client, personas: Personas
) -> None:
    objection = _decided(personas)
    event = AuditEvent.objects.get(action="objection.filed", object_id=str(objection.pk))
    _tamper(event.pk)
    client.force_login(personas.hr_admin)
    text = page_text(client.get(_url(objection)).content)
    assert "1 dari 2 peristiwa di bawah ini tidak sesuai rantai" in text
    assert "isi peristiwa tidak cocok dengan hash-nya (isi diubah)" in text


def test_the_last_whole_chain_verification_is_shown(client: Client, personas: Personas) -> None:
    objection = _decided(personas)
    Job.objects.create(
        kind=VERIFY_KIND,
        title="Verifikasi rantai jejak audit",
        status=Job.Status.SUCCEEDED,
        finished_at=timezone.now(),
        result={"ok": True, "checked": 1234, "first_bad_id": None},
    )
    client.force_login(personas.auditor)
    text = page_text(client.get(_url(objection)).content)
    assert "Verifikasi seluruh rantai terakhir" in text
    assert "utuh, 1.234 peristiwa diperiksa." in text


def test_only_inspektorat_gets_the_verify_button(client: Client, personas: Personas) -> None:
    objection = _decided(personas)
    client.force_login(personas.auditor)
    assert "Verifikasi seluruh rantai sekarang" in page_text(client.get(_url(objection)).content)
    client.force_login(personas.hr_admin)
    assert "Verifikasi seluruh rantai sekarang" not in page_text(
        client.get(_url(objection)).content
    )


def test_the_verify_button_starts_the_verification(client: Client, personas: Personas) -> None:
    objection = _decided(personas)
    client.force_login(personas.auditor)
    content = client.get(_url(objection)).content.decode()
    assert f'action="{reverse("audit:verification_start")}"' in content
    response = client.post(reverse("audit:verification_start"))
    assert response.status_code == 302
    assert Job.objects.filter(kind=VERIFY_KIND).exists()


def test_the_record_costs_the_same_for_few_or_many_events(
    client: Client, personas: Personas
) -> None:
    objection = _decided(personas)
    client.force_login(personas.auditor)
    with CaptureQueriesContext(connection) as few:
        client.get(_url(objection))
    with transaction.atomic():
        for _ in range(20):
            audit_record(
                actor=personas.hr_admin,
                action="objection_attachment.downloaded",
                obj=ObjectionAttachment.objects.get(objection=objection),
            )
    with CaptureQueriesContext(connection) as many:
        text = page_text(client.get(_url(objection)).content)
    assert "Semua 22 peristiwa" in text
    assert len(many.captured_queries) == len(few.captured_queries)
