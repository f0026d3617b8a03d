"""Writes: a comment on a record, a numbered version of a document. Each is audited.

These services do not decide who may comment or record a version: the owning app (the one
whose record is the subject) checks its own rule first and then calls them, inside its own
transaction when it writes too. They only validate what they store.
"""

from __future__ import annotations

from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Max, Model

from kinerja.accounts.actors import Actor
from kinerja.audit.services import audit_record
from kinerja.discussions.models import Comment, DocumentVersion, Thread
from kinerja.discussions.subjects import subject_label
from kinerja.scoring.formatting import format_decimal

COMMENT_MAX_LENGTH = 4000
"""The longest comment body accepted, in characters (after surrounding spaces are removed)."""


def _actor_name(actor: Actor) -> str:
    if actor is None:
        return "Sistem"
    return (actor.full_name or actor.username)[:250]


def comment_body_errors(body: str) -> dict[str, list[str]]:
    """The refusal of a comment body, or {} when it is accepted. Forms may call it early."""
    text = body.strip()
    if not text:
        return {"body": ["Komentar kosong tidak diterima: tulis isi komentar terlebih dahulu."]}
    if len(text) > COMMENT_MAX_LENGTH:
        return {
            "body": [
                f"Komentar {format_decimal(len(text), 0)} karakter tidak diterima: "
                f"paling banyak {format_decimal(COMMENT_MAX_LENGTH, 0)} karakter."
            ]
        }
    return {}


def comment_add(*, actor: Actor, subject: Model, body: str) -> Comment:
    """Add a comment to `subject`'s thread (created on the first comment) [comment.added].

    The body is kept without its surrounding spaces; empty or longer than
    `COMMENT_MAX_LENGTH` characters is refused (ValidationError on "body"). Who may comment
    is the owning app's rule, checked before calling this.
    """
    errors = comment_body_errors(body)
    if errors:
        raise ValidationError(errors)
    subject_type, subject_id = subject_label(subject)
    with transaction.atomic():
        thread, _ = Thread.objects.get_or_create(subject_type=subject_type, subject_id=subject_id)
        comment = Comment.objects.create(
            thread=thread, author=actor, author_name=_actor_name(actor), body=body.strip()
        )
        audit_record(
            actor=actor,
            action="comment.added",
            obj=comment,
            after={
                "subject_type": subject_type,
                "subject_id": subject_id,
                "subject_text": str(subject)[:250],
                "body": comment.body,
            },
        )
    return comment


def version_record(
    *, actor: Actor, subject: Model, lines: list[str], content: dict[str, Any], note: str = ""
) -> DocumentVersion:
    """Freeze `subject`'s document as its next version: 1, 2, 3 … per subject
    [document_version.recorded].

    `lines` is the readable rendering that `versions.version_diff` compares; `content` the
    structured snapshot the owning app needs to rebuild the document. The owning app checks
    the right and holds a lock on the subject (select_for_update) while it calls this, so two
    versions of one subject are never numbered at once; the unique constraint on
    (subject, number) refuses the loser should that ever be forgotten.
    """
    subject_type, subject_id = subject_label(subject)
    with transaction.atomic():
        last = DocumentVersion.objects.filter(
            subject_type=subject_type, subject_id=subject_id
        ).aggregate(last=Max("number"))["last"]
        version = DocumentVersion.objects.create(
            subject_type=subject_type,
            subject_id=subject_id,
            number=(last or 0) + 1,
            content=content,
            lines=list(lines),
            note=note.strip(),
            created_by=actor,
            created_by_name=_actor_name(actor),
        )
        audit_record(
            actor=actor,
            action="document_version.recorded",
            obj=version,
            after={
                "subject_type": subject_type,
                "subject_id": subject_id,
                "subject_text": str(subject)[:250],
                "number": version.number,
                "note": version.note,
                "line_count": len(version.lines),
            },
        )
    return version
