"""audit.trail: one record's events in one query, the check of their hashes and links, and
Inspektorat's last whole-chain verification."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

import pytest
from django.db import connection
from django.utils import timezone

from kinerja.accounts.models import User
from kinerja.accounts.services import user_create
from kinerja.audit.models import AuditEvent
from kinerja.audit.trail import (
    VERIFY_KIND,
    events_check,
    last_chain_verification,
    object_events,
    object_key,
)
from kinerja.core.models import Job
from kinerja.people.testing import Personas

pytestmark = pytest.mark.django_db


def _users(personas: Personas, count: int = 3) -> list[User]:
    return [
        user_create(actor=personas.hr_admin, username=f"jejak.{n}", full_name=f"Pegawai {n}")
        for n in range(count)
    ]


def _sqlite_only() -> None:
    if connection.vendor == "postgresql":
        pytest.skip("on PostgreSQL a trigger refuses UPDATE and DELETE on the audit table")


def test_object_key_is_the_label_and_the_id_as_text(personas: Personas) -> None:
    assert object_key(personas.employee) == ("accounts.User", str(personas.employee.pk))


def test_object_events_returns_only_the_records_events_oldest_first_in_one_query(
    personas: Personas, django_assert_num_queries: Any
) -> None:
    users = _users(personas)
    wanted = [object_key(users[2]), object_key(users[0])]
    with django_assert_num_queries(1):
        events = object_events(wanted)
    assert [e.object_id for e in events] == [str(users[0].pk), str(users[2].pk)]
    assert events[0].id < events[1].id


def test_object_events_of_no_records_is_empty_without_a_query(
    django_assert_num_queries: Any,
) -> None:
    with django_assert_num_queries(0):
        assert object_events([]) == []


def test_untouched_events_pass_the_check_in_one_query(
    personas: Personas, django_assert_num_queries: Any
) -> None:
    users = _users(personas)
    events = object_events(object_key(u) for u in users)
    with django_assert_num_queries(1):
        check = events_check(events)
    assert check.ok
    assert check.checked == 3
    assert check.bad_ids == []


def test_altered_content_fails_the_check_and_names_the_event(personas: Personas) -> None:
    _sqlite_only()
    users = _users(personas)
    target = object_events([object_key(users[1])])[0]
    AuditEvent.objects.filter(pk=target.pk).update(after={"username": "penyusup"})
    check = events_check(object_events(object_key(u) for u in users))
    assert not check.ok
    assert check.bad_ids == [target.pk]
    assert check.reasons[target.pk] == "isi peristiwa tidak cocok dengan hash-nya (isi diubah)"


def test_a_removed_predecessor_fails_the_check_of_the_next_event(personas: Personas) -> None:
    _sqlite_only()
    users = _users(personas)
    events = object_events(object_key(u) for u in users)
    AuditEvent.objects.filter(pk=events[1].pk).delete()
    check = events_check([events[0], events[2]])
    assert check.bad_ids == [events[2].pk]
    assert "peristiwa sebelumnya dalam rantai tidak ditemukan" in check.reasons[events[2].pk]


def test_a_predecessor_later_in_the_chain_is_not_accepted(personas: Personas) -> None:
    """A link to an event that comes after it cannot be the chain's order (a forged link)."""
    _sqlite_only()
    users = _users(personas)
    first, _, last = object_events(object_key(u) for u in users)
    AuditEvent.objects.filter(pk=first.pk).update(prev_hash=last.hash)
    first.refresh_from_db()
    check = events_check([first])
    assert check.bad_ids == [first.pk]


def test_no_verification_yet_is_none() -> None:
    assert last_chain_verification() is None


def _verification(personas: Personas, *, ok: bool, minutes_ago: int) -> Job:
    return Job.objects.create(
        owner=personas.auditor,
        kind=VERIFY_KIND,
        title="Verifikasi rantai audit",
        status=Job.Status.SUCCEEDED,
        finished_at=timezone.now() - timedelta(minutes=minutes_ago),
        result={"ok": ok, "checked": 40, "first_bad_id": None if ok else 17},
    )


def test_the_latest_finished_verification_is_reported(personas: Personas) -> None:
    _verification(personas, ok=False, minutes_ago=60)
    _verification(personas, ok=True, minutes_ago=5)
    found = last_chain_verification()
    assert found is not None
    assert found.ok
    assert found.checked == 40
    assert found.first_bad_id is None


def test_a_broken_chain_is_reported_with_its_first_bad_event(personas: Personas) -> None:
    _verification(personas, ok=True, minutes_ago=60)
    _verification(personas, ok=False, minutes_ago=5)
    found = last_chain_verification()
    assert found is not None
    assert not found.ok
    assert found.first_bad_id == 17


def test_a_running_or_failed_job_is_not_a_verification(personas: Personas) -> None:
    Job.objects.create(
        owner=personas.auditor, kind=VERIFY_KIND, title="Verifikasi", status=Job.Status.RUNNING
    )
    Job.objects.create(
        owner=personas.auditor,
        kind=VERIFY_KIND,
        title="Verifikasi",
        status=Job.Status.FAILED,
        finished_at=timezone.now(),
    )
    assert last_chain_verification() is None
