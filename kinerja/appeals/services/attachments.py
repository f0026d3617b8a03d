"""Reading an objection's attachments (stored through the storage alias "evidence")."""

from __future__ import annotations

from django.core.files import File

from kinerja.accounts.actors import Actor
from kinerja.appeals.models import ObjectionAttachment


def objection_attachment_open(*, actor: Actor, attachment: ObjectionAttachment) -> File[bytes]:
    """The stored file for whoever may see the objection (fetched through
    `selectors.objections.attachment_get_for_actor`, which 404s otherwise)
    [objection_attachment.downloaded]."""
    raise NotImplementedError
