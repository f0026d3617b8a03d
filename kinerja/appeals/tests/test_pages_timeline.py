"""/penilaian/<id>/riwayat/: the evaluation's history from the audit chain (who, when, what,
before → after), its calibration lock and its objections, never the client's address or the
request id; the chain check of these events and Inspektorat's last whole-chain verification,
shown to the employee; who may read it; constant queries."""

from __future__ import annotations

from typing import Any

import pytest
from django.db import connection, transaction
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from kinerja.appeals.testing import make_acknowledged_evaluation, make_objection
from kinerja.audit.models import AuditEvent
from kinerja.audit.services import audit_record
from kinerja.audit.trail import VERIFY_KIND
from kinerja.core.models import Job
from kinerja.core.testing import page_text
from kinerja.evaluation.models import Evaluation, EvaluationState
from kinerja.evaluation.rules import Scope
from kinerja.evaluation.services.evaluations import evaluation_acknowledge
from kinerja.evaluation.testing import make_locked_calibration
from kinerja.people.testing import AGENCY_READERS, PERSONA_NAMES, Personas

pytestmark = pytest.mark.django_db


def _url(evaluation: Evaluation) -> str:
    return f"/penilaian/{evaluation.pk}/riwayat/"


def _record(actor: Any, action: str, obj: Any, **snapshots: Any) -> AuditEvent:
    with transaction.atomic():
        return audit_record(actor=actor, action=action, obj=obj, **snapshots)


def _history(personas: Personas) -> Evaluation:
    """An evaluation set by the supervisor (an audit event) and acknowledged by the employee
    through the service."""
    evaluation = make_acknowledged_evaluation(personas=personas)
    Evaluation.objects.filter(pk=evaluation.pk).update(
        state=EvaluationState.RATED, acknowledged_at=None
    )
    evaluation.refresh_from_db()
    _record(
        personas.supervisor,
        "evaluation.rated",
        evaluation,
        before={"state": "DRAFT"},
        after={"state": "RATED", "predikat": "BAIK"},
    )
    evaluation_acknowledge(actor=personas.employee, evaluation=evaluation)
    return evaluation


def _get(client: Client, user: Any, evaluation: Evaluation) -> tuple[bytes, str]:
    client.force_login(user)
    response = client.get(_url(evaluation))
    assert response.status_code == 200
    return response.content, page_text(response.content)


@pytest.mark.parametrize("name", PERSONA_NAMES)
def test_the_timeline_is_read_by_whoever_may_see_the_evaluation(
    client: Client, personas: Personas, name: str
) -> None:
    evaluation = _history(personas)
    client.force_login(personas.all()[name])
    response = client.get(_url(evaluation))
    if name in AGENCY_READERS:
        assert response.status_code == 200
        assert "Riwayat penilaian" in page_text(response.content)
    else:
        assert response.status_code == 404
        assert b"Sri Handayani" not in response.content


def test_anonymous_visitors_are_sent_to_the_login(client: Client, personas: Personas) -> None:
    evaluation = _history(personas)
    response = client.get(_url(evaluation))
    assert response.status_code == 302


def test_each_step_shows_who_what_and_when(client: Client, personas: Personas) -> None:
    evaluation = _history(personas)
    events = list(AuditEvent.objects.filter(object_type="evaluation.Evaluation").order_by("id"))
    assert len(events) == 2
    content, text = _get(client, personas.employee, evaluation)
    for event in events:
        assert f'data-testid="timeline-event-{event.pk}"'.encode() in content
    assert "oleh Sri Handayani" in text
    assert "oleh Agus Wibowo" in text
    assert "Hasil penilaian ditetapkan" in text
    assert "Hasil penilaian diterima pegawai" in text
    moment = timezone.localtime(events[0].occurred_at)
    assert f"pukul {moment:%H.%M}" in text
    assert "Ditetapkan" in text  # the state after, through the model's choices


def test_the_client_address_and_request_id_are_never_shown(
    client: Client, personas: Personas
) -> None:
    if connection.vendor == "postgresql":
        pytest.skip("on PostgreSQL a trigger refuses UPDATE on the audit table")
    evaluation = _history(personas)
    AuditEvent.objects.update(request_id="req-rahasia-123", client_ip="10.9.8.7")
    content, _ = _get(client, personas.employee, evaluation)
    assert b"10.9.8.7" not in content
    assert b"req-rahasia-123" not in content


def test_the_calibration_lock_and_objections_are_in_the_timeline_but_not_other_session_events(
    client: Client, personas: Personas
) -> None:
    evaluation = _history(personas)
    plan = evaluation.plan
    session = make_locked_calibration(
        agency=plan.position.agency, scope=Scope(plan.period, evaluation.window)
    )
    Evaluation.objects.filter(pk=evaluation.pk).update(calibration=session)
    _record(personas.hr_admin, "calibration.opened", session, after={"note": "buka"})
    _record(personas.hr_admin, "calibration.locked", session, after={"state": "LOCKED"})
    objection = make_objection(evaluation=evaluation)
    _record(personas.employee, "objection.filed", objection, after={"statement": "Tidak adil"})
    content, text = _get(client, personas.employee, evaluation)
    assert "Keberatan diajukan" in text
    assert "Tidak adil" in text
    locked = AuditEvent.objects.get(action="calibration.locked")
    opened = AuditEvent.objects.get(action="calibration.opened")
    assert f'data-testid="timeline-event-{locked.pk}"'.encode() in content
    assert f'data-testid="timeline-event-{opened.pk}"'.encode() not in content


def test_an_intact_history_is_said_to_match_its_chain(client: Client, personas: Personas) -> None:
    evaluation = _history(personas)
    _, text = _get(client, personas.employee, evaluation)
    assert (
        "2 peristiwa diperiksa: semuanya cocok dengan hash-nya dan tersambung ke peristiwa "
        "sebelumnya." in text
    )
    assert "Seluruh rantai belum pernah diverifikasi Inspektorat." in text


def test_a_tampered_event_is_shown_to_the_employee(client: Client, personas: Personas) -> None:
    if connection.vendor == "postgresql":
        pytest.skip("on PostgreSQL a trigger refuses UPDATE on the audit table")
    evaluation = _history(personas)
    first = AuditEvent.objects.filter(action="evaluation.rated").first()
    assert first is not None
    AuditEvent.objects.filter(pk=first.pk).update(after={"state": "RATED", "predikat": "KURANG"})
    content, text = _get(client, personas.employee, evaluation)
    assert f"2 peristiwa diperiksa, 1 tidak lolos: peristiwa #{first.pk}" in text
    assert "isi peristiwa tidak cocok dengan hash-nya (isi diubah)" in text
    assert b'data-testid="event-failure"' in content


@pytest.mark.parametrize(("ok", "word"), [(True, "utuh"), (False, "rusak")])
def test_the_last_whole_chain_verification_is_shown(
    client: Client, personas: Personas, ok: bool, word: str
) -> None:
    evaluation = _history(personas)
    Job.objects.create(
        owner=personas.auditor,
        kind=VERIFY_KIND,
        title="Verifikasi rantai audit",
        status=Job.Status.SUCCEEDED,
        finished_at=timezone.now(),
        result={"ok": ok, "checked": 2, "first_bad_id": None if ok else 1},
    )
    _, text = _get(client, personas.employee, evaluation)
    assert "Seluruh rantai terakhir diverifikasi Inspektorat pada" in text
    assert f": {word}." in text


def _count(client: Client, evaluation: Evaluation) -> int:
    with CaptureQueriesContext(connection) as captured:
        assert client.get(_url(evaluation)).status_code == 200
    return len(captured)


def test_the_timeline_costs_the_same_queries_for_2_and_20_events(
    client: Client, personas: Personas
) -> None:
    evaluation = _history(personas)
    client.force_login(personas.employee)
    _count(client, evaluation)
    few = _count(client, evaluation)
    for n in range(18):
        _record(personas.supervisor, "evaluation.saved", evaluation, after={"early_reason": n})
    assert _count(client, evaluation) == few


def test_the_files_of_an_objection_are_named_not_dumped(client: Client, personas: Personas) -> None:
    evaluation = _history(personas)
    objection = make_objection(evaluation=evaluation)
    files = [{"name": "notulen-rapat.pdf", "size": 1234, "sha256": "ab" * 32}]
    _record(personas.employee, "objection.filed", objection, after={"attachments": files})
    _, text = _get(client, personas.employee, evaluation)
    assert "notulen-rapat.pdf" in text
    assert "sha256" not in text
