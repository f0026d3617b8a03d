"""Opening an objection's attachment: whoever may see the objection, audited; others 403."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from django.core.exceptions import PermissionDenied
from django.core.files.uploadedfile import SimpleUploadedFile

from kinerja.appeals.models import ObjectionAttachment
from kinerja.appeals.services.attachments import objection_attachment_open
from kinerja.appeals.services.filing import objection_file
from kinerja.appeals.testing import STATEMENT, make_acknowledged_evaluation
from kinerja.audit.models import AuditEvent
from kinerja.monitoring.evidence.testing import evidence_storage_at, minimal_pdf
from kinerja.people.testing import Personas

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def store(tmp_path: Path) -> Iterator[Path]:
    with evidence_storage_at(tmp_path / "lampiran") as path:
        yield path


@pytest.fixture
def attachment(personas: Personas) -> ObjectionAttachment:
    evaluation = make_acknowledged_evaluation(personas=personas)
    objection = objection_file(
        actor=personas.employee,
        evaluation=evaluation,
        subject="RESULTS",
        statement=STATEMENT,
        files=[SimpleUploadedFile("notulen.pdf", minimal_pdf("Notulen"))],
    )
    return ObjectionAttachment.objects.select_related("objection__evaluation").get(
        objection=objection
    )


@pytest.mark.parametrize(
    "persona", ["employee", "supervisor", "appraiser_superior", "hr_admin", "auditor"]
)
def test_whoever_may_see_the_objection_opens_it_and_the_download_is_audited(
    personas: Personas, attachment: ObjectionAttachment, persona: str
) -> None:
    actor = getattr(personas, persona)

    with objection_attachment_open(actor=actor, attachment=attachment) as stored:
        assert stored.read() == minimal_pdf("Notulen")

    event = AuditEvent.objects.get(action="objection_attachment.downloaded")
    assert event.actor_id == actor.pk
    assert event.object_id == str(attachment.pk)
    assert (event.after or {})["sha256"] == attachment.sha256


@pytest.mark.parametrize("persona", ["agency_admin", "other_admin", "outsider"])
def test_others_are_refused_and_nothing_is_audited(
    personas: Personas, attachment: ObjectionAttachment, persona: str
) -> None:
    with pytest.raises(PermissionDenied):
        objection_attachment_open(actor=getattr(personas, persona), attachment=attachment)

    assert not AuditEvent.objects.filter(action="objection_attachment.downloaded").exists()


def test_a_missing_file_is_not_audited(
    personas: Personas, attachment: ObjectionAttachment, store: Path
) -> None:
    for path in store.rglob("*"):
        if path.is_file():
            path.unlink()

    with pytest.raises(FileNotFoundError):
        objection_attachment_open(actor=personas.employee, attachment=attachment)

    assert not AuditEvent.objects.filter(action="objection_attachment.downloaded").exists()
