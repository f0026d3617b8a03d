"""Reads: the comments of many records at once, the versions of a document.

Like the services, these do not authorise: the owning app fetches its record through its own
`<entity>_get_for_actor` (which decides who may see it) and then asks for its comments or
versions here.
"""

from __future__ import annotations

from collections.abc import Iterable

from django.db.models import Model, Q
from django.http import Http404

from kinerja.discussions.models import Comment, DocumentVersion
from kinerja.discussions.subjects import SubjectKey, subject_label
from kinerja.discussions.versions import DiffLine, version_diff

__all__ = ["DiffLine", "comments_for", "version_diff", "version_get", "versions_for"]


def comments_for(subjects: Iterable[Model]) -> dict[SubjectKey, list[Comment]]:
    """Every given subject's comments, oldest first, keyed by `subject_label(subject)`.

    One query for any number of subjects (none for none); a subject without comments maps
    to an empty list, so `comments_for(results)[subject_label(result)]` always answers.
    """
    keys = {subject_label(subject) for subject in subjects}
    found: dict[SubjectKey, list[Comment]] = {key: [] for key in keys}
    if not keys:
        return found
    ids_by_type: dict[str, list[int]] = {}
    for subject_type, subject_id in keys:
        ids_by_type.setdefault(subject_type, []).append(subject_id)
    where = Q()
    for subject_type, ids in sorted(ids_by_type.items()):
        where |= Q(thread__subject_type=subject_type, thread__subject_id__in=sorted(ids))
    comments = (
        Comment.objects.filter(where)
        .select_related("thread")
        .order_by("thread_id", "created_at", "pk")
    )
    for comment in comments:
        found[(comment.thread.subject_type, comment.thread.subject_id)].append(comment)
    return found


def versions_for(subject: Model) -> list[DocumentVersion]:
    """The versions of `subject`'s document, number ascending (1, 2, 3 …)."""
    subject_type, subject_id = subject_label(subject)
    return list(
        DocumentVersion.objects.filter(subject_type=subject_type, subject_id=subject_id).order_by(
            "number"
        )
    )


def version_get(subject: Model, number: int) -> DocumentVersion:
    """Version `number` of `subject`'s document; 404 when it has no such version."""
    subject_type, subject_id = subject_label(subject)
    version = DocumentVersion.objects.filter(
        subject_type=subject_type, subject_id=subject_id, number=number
    ).first()
    if version is None:
        raise Http404(f"Versi {number} tidak ada.")
    return version
