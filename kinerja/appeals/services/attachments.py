"""Reading an objection's attachments (stored through the storage alias "evidence")."""

from __future__ import annotations

from django.core.exceptions import PermissionDenied
from django.core.files import File
from django.db import transaction

from kinerja.accounts.actors import Actor
from kinerja.appeals.models import ObjectionAttachment
from kinerja.appeals.permissions import can_view_objection
from kinerja.audit.services import audit_record
from kinerja.monitoring.evidence.storage import stored_file_open

NOT_VIEWER = "Anda tidak berwenang melihat lampiran keberatan ini."


def objection_attachment_open(*, actor: Actor, attachment: ObjectionAttachment) -> File[bytes]:
    """The stored file for whoever may see the objection (fetched through
    `selectors.objections.attachment_get_for_actor`, which 404s otherwise)
    [objection_attachment.downloaded].

    Asks `permissions.can_view_objection` again (403; the selector has already answered 404).
    A stored file that is gone raises `FileNotFoundError` (the view answers 404) and is not
    audited: only a download that happens is recorded. The caller closes the file."""
    if actor is None or not can_view_objection(actor, attachment.objection):
        raise PermissionDenied(NOT_VIEWER)
    stored = stored_file_open(attachment.stored_name)
    try:
        with transaction.atomic():
            audit_record(
                actor=actor,
                action="objection_attachment.downloaded",
                obj=attachment,
                after={
                    "objection_id": attachment.objection_id,
                    "original_name": attachment.original_name,
                    "size": attachment.size,
                    "sha256": attachment.sha256,
                },
            )
    except BaseException:
        stored.close()
        raise
    return stored
