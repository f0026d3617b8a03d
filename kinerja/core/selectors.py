"""Reads of core records on behalf of a user.

`core` sits below `accounts`, so it names the user with Django's base types; every layer above
takes `kinerja.accounts.actors.Actor`.
"""

from __future__ import annotations

from uuid import UUID

from django.contrib.auth.base_user import AbstractBaseUser
from django.contrib.auth.models import AnonymousUser
from django.http import Http404

from kinerja.core.models import Job


def job_get_for_actor(*, actor: AbstractBaseUser | AnonymousUser, job_id: UUID) -> Job:
    """A job is visible to the person who started it; to anyone else it does not exist."""
    job = Job.objects.filter(pk=job_id, owner_id=actor.pk).first()
    if job is None:
        raise Http404
    return job
