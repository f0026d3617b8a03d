"""Reads of core records on behalf of a user."""

from __future__ import annotations

from typing import Any
from uuid import UUID

from django.http import Http404

from kinerja.core.models import Job


def job_get_for_actor(*, actor: Any, job_id: UUID) -> Job:
    """A job is visible to the person who started it; to anyone else it does not exist."""
    job = Job.objects.filter(pk=job_id, owner_id=actor.pk).first()
    if job is None:
        raise Http404
    return job
