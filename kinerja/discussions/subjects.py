"""How this app names the record a thread or a version belongs to, without importing its app.

A subject is any saved model instance. It is stored as its model label and primary key
(`("planning.PlannedResult", 42)`), the same way the audit log names objects.
"""

from __future__ import annotations

from django.db.models import Model

SubjectKey = tuple[str, int]
"""`(model label, primary key)`: the key of `comments_for`'s answer."""


def subject_label(obj: Model) -> SubjectKey:
    """`("planning.PlannedResult", 42)` for that result. The record must be saved."""
    if obj.pk is None:
        raise ValueError(f"{obj._meta.label} belum disimpan: diskusi dan versi butuh ID-nya.")
    return obj._meta.label, int(obj.pk)
