from __future__ import annotations

import pytest
from django.core.exceptions import ImproperlyConfigured
from django.core.management import CommandError, call_command
from django.db import DatabaseError, connection, transaction

from kinerja.accounts.services import user_create
from kinerja.audit.chain import chain_verify
from kinerja.audit.models import GENESIS_HASH, AuditEvent
from kinerja.audit.services import audit_record
from kinerja.people.testing import Personas

pytestmark = pytest.mark.django_db


def three_events(personas: Personas) -> list[AuditEvent]:
    for n in range(3):
        user_create(actor=personas.hr_admin, username=f"pegawai.{n}", full_name=f"Pegawai {n}")
    return list(AuditEvent.objects.order_by("id"))


def test_services_write_a_linked_chain(personas: Personas) -> None:
    events = three_events(personas)
    assert events[0].prev_hash == GENESIS_HASH
    assert [e.prev_hash for e in events[1:]] == [e.hash for e in events[:-1]]
    report = chain_verify()
    assert report.ok
    assert report.checked == 3
    assert report.head_hash == events[-1].hash


def test_audit_verify_command_reports_an_intact_chain(
    personas: Personas, capsys: pytest.CaptureFixture[str]
) -> None:
    three_events(personas)
    call_command("audit_verify")
    assert "Rantai audit utuh: 3 peristiwa" in capsys.readouterr().out


def test_raw_update_breaks_the_chain_and_names_the_event(personas: Personas) -> None:
    if connection.vendor == "postgresql":
        pytest.skip("on PostgreSQL the UPDATE itself is refused (next test)")
    events = three_events(personas)
    with connection.cursor() as cursor:
        cursor.execute(
            "UPDATE audit_auditevent SET actor_label = 'Penyusup' WHERE id = %s", [events[1].id]
        )
    with pytest.raises(CommandError) as excinfo:
        call_command("audit_verify")
    assert f"peristiwa #{events[1].id}" in str(excinfo.value)
    assert "isi diubah" in str(excinfo.value)


def test_deleting_an_event_breaks_the_link_of_the_next(personas: Personas) -> None:
    if connection.vendor == "postgresql":
        pytest.skip("on PostgreSQL the DELETE itself is refused")
    events = three_events(personas)
    with connection.cursor() as cursor:
        cursor.execute("DELETE FROM audit_auditevent WHERE id = %s", [events[1].id])
    report = chain_verify()
    assert not report.ok
    assert report.first_bad_id == events[2].id


@pytest.mark.parametrize(
    "sql",
    [
        "UPDATE audit_auditevent SET actor_label = 'Penyusup' WHERE id = %s",
        "DELETE FROM audit_auditevent WHERE id = %s",
    ],
)
def test_postgresql_refuses_update_and_delete(personas: Personas, sql: str) -> None:
    if connection.vendor != "postgresql":
        pytest.skip("the trigger exists on PostgreSQL only")
    events = three_events(personas)
    with (
        pytest.raises(DatabaseError, match="append-only"),
        transaction.atomic(),
        connection.cursor() as cursor,
    ):
        cursor.execute(sql, [events[0].id])
    assert chain_verify().ok


@pytest.mark.django_db(transaction=True)
def test_audit_record_refuses_to_run_outside_a_transaction(personas: Personas) -> None:
    with pytest.raises(ImproperlyConfigured):
        audit_record(actor=personas.hr_admin, action="user.created")


def test_action_names_must_be_entity_dot_verb(personas: Personas) -> None:
    with pytest.raises(ValueError, match="entitas"), transaction.atomic():
        audit_record(actor=personas.hr_admin, action="created")


def test_event_records_request_context_from_a_web_request(client, personas: Personas) -> None:  # type: ignore[no-untyped-def]
    client.force_login(personas.hr_admin)
    client.post(
        "/akun/kata-sandi/",
        {"old_password": "x", "new_password1": "y", "new_password2": "y"},
        HTTP_X_REQUEST_ID="uji-permintaan-123",
    )
    # A failed form writes nothing; a successful change records IP and request id.
    assert not AuditEvent.objects.exists()
    from kinerja.accounts.testing import TEST_PASSWORD

    client.post(
        "/akun/kata-sandi/",
        {
            "old_password": TEST_PASSWORD,
            "new_password1": "Sangat-Rahasia-77",
            "new_password2": "Sangat-Rahasia-77",
        },
        HTTP_X_REQUEST_ID="uji-permintaan-456",
    )
    event = AuditEvent.objects.get()
    assert event.request_id == "uji-permintaan-456"
    assert event.client_ip == "127.0.0.1"
