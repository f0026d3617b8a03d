"""Builders for tests of discussions and of every app whose records carry comments or
versions. They write rows directly (no audit event); tests of the rules call the services."""

from __future__ import annotations

import itertools
from typing import Any

from django.db.models import Max, Model

from kinerja.accounts.models import User
from kinerja.discussions.models import Comment, DocumentVersion, Thread
from kinerja.discussions.subjects import subject_label

_counter = itertools.count(1)


def make_comment(*, subject: Model, body: str = "", author: User | None = None) -> Comment:
    """A comment on `subject` (its thread created if needed), by `author` or the system."""
    subject_type, subject_id = subject_label(subject)
    thread, _ = Thread.objects.get_or_create(subject_type=subject_type, subject_id=subject_id)
    return Comment.objects.create(
        thread=thread,
        author=author,
        author_name=(author.full_name or author.username) if author else "Sistem",
        body=body or f"Komentar uji {next(_counter)}",
    )


def make_version(
    *,
    subject: Model,
    lines: list[str] | None = None,
    content: dict[str, Any] | None = None,
    note: str = "",
    author: User | None = None,
) -> DocumentVersion:
    """The next version of `subject`'s document (1, 2, …), with `lines` or two sample lines."""
    subject_type, subject_id = subject_label(subject)
    last = DocumentVersion.objects.filter(
        subject_type=subject_type, subject_id=subject_id
    ).aggregate(last=Max("number"))["last"]
    return DocumentVersion.objects.create(
        subject_type=subject_type,
        subject_id=subject_id,
        number=(last or 0) + 1,
        lines=list(lines) if lines is not None else ["Baris uji pertama", "Baris uji kedua"],
        content=content or {},
        note=note,
        created_by=author,
        created_by_name=(author.full_name or author.username) if author else "Sistem",
    )
