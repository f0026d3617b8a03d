from __future__ import annotations

import pytest
from django.core.exceptions import ValidationError
from django.db.models import Model

from kinerja.audit.models import AuditEvent
from kinerja.audit.presentation import audit_events_present
from kinerja.core.audit_labels import audit_action_is_labelled, audit_action_label
from kinerja.discussions.models import Comment, DocumentVersion, Thread
from kinerja.discussions.services import COMMENT_MAX_LENGTH, comment_add, version_record
from kinerja.discussions.subjects import subject_label
from kinerja.people.testing import Personas

pytestmark = pytest.mark.django_db


def test_subject_is_named_by_model_label_and_id(personas: Personas) -> None:
    employee = personas.staff.employee
    assert subject_label(employee) == ("people.Employee", employee.pk)


def test_an_unsaved_record_cannot_be_a_subject(personas: Personas) -> None:
    from kinerja.people.models import Employee

    with pytest.raises(ValueError, match="belum disimpan"):
        subject_label(Employee(name="Belum Disimpan"))


def test_first_comment_opens_the_thread_and_is_audited(personas: Personas) -> None:
    subject = personas.staff.employee
    comment = comment_add(actor=personas.supervisor, subject=subject, body="  Mohon diperbaiki.\n")

    assert comment.body == "Mohon diperbaiki."
    assert comment.author == personas.supervisor
    assert comment.author_name == personas.supervisor.full_name
    thread = Thread.objects.get()
    assert (thread.subject_type, thread.subject_id) == ("people.Employee", subject.pk)
    event = AuditEvent.objects.get(action="comment.added")
    assert event.actor_id == personas.supervisor.pk
    assert event.object_type == "discussions.Comment"
    assert event.object_id == str(comment.pk)
    assert event.after == {
        "subject_type": "people.Employee",
        "subject_id": subject.pk,
        "subject_text": str(subject),
        "body": "Mohon diperbaiki.",
    }


def test_later_comments_join_the_same_thread(personas: Personas) -> None:
    subject = personas.staff.employee
    comment_add(actor=personas.supervisor, subject=subject, body="Pertama")
    comment_add(actor=personas.employee, subject=subject, body="Kedua")
    assert Thread.objects.count() == 1
    assert list(Thread.objects.get().comments.values_list("body", flat=True)) == [
        "Pertama",
        "Kedua",
    ]


def test_the_system_comments_as_sistem(personas: Personas) -> None:
    comment = comment_add(actor=None, subject=personas.staff.employee, body="Catatan otomatis")
    assert comment.author is None
    assert comment.author_name == "Sistem"


@pytest.mark.parametrize("body", ["", "   ", "\n\t "])
def test_an_empty_comment_is_refused_and_nothing_is_saved(personas: Personas, body: str) -> None:
    with pytest.raises(ValidationError) as refused:
        comment_add(actor=personas.supervisor, subject=personas.staff.employee, body=body)
    assert refused.value.message_dict == {
        "body": ["Komentar kosong tidak diterima: tulis isi komentar terlebih dahulu."]
    }
    assert not Thread.objects.exists()
    assert not Comment.objects.exists()
    assert not AuditEvent.objects.filter(action="comment.added").exists()


def test_a_too_long_comment_is_refused_naming_its_length_and_the_limit(
    personas: Personas,
) -> None:
    with pytest.raises(ValidationError) as refused:
        comment_add(
            actor=personas.supervisor,
            subject=personas.staff.employee,
            body="a" * (COMMENT_MAX_LENGTH + 1),
        )
    assert refused.value.message_dict == {
        "body": ["Komentar 4.001 karakter tidak diterima: paling banyak 4.000 karakter."]
    }
    assert not Thread.objects.exists()
    assert not Comment.objects.exists()
    assert not AuditEvent.objects.filter(action="comment.added").exists()


def test_a_comment_of_exactly_the_limit_is_accepted(personas: Personas) -> None:
    body = "a" * COMMENT_MAX_LENGTH
    comment = comment_add(actor=personas.supervisor, subject=personas.staff.employee, body=body)
    assert len(comment.body) == COMMENT_MAX_LENGTH


def test_versions_are_numbered_one_two_three_and_audited(personas: Personas) -> None:
    subject = personas.staff.employee
    numbers = [
        version_record(
            actor=personas.employee,
            subject=subject,
            lines=[f"Baris {n}"],
            content={"n": n},
            note=f"Pengajuan {n}",
        ).number
        for n in range(1, 4)
    ]
    assert numbers == [1, 2, 3]

    third = DocumentVersion.objects.get(number=3)
    assert third.lines == ["Baris 3"]
    assert third.content == {"n": 3}
    assert third.note == "Pengajuan 3"
    assert third.created_by == personas.employee
    assert third.created_by_name == personas.employee.full_name
    events = list(AuditEvent.objects.filter(action="document_version.recorded").order_by("id"))
    assert [(e.after or {})["number"] for e in events] == [1, 2, 3]
    assert events[-1].object_type == "discussions.DocumentVersion"
    assert events[-1].after == {
        "subject_type": "people.Employee",
        "subject_id": subject.pk,
        "subject_text": str(subject),
        "number": 3,
        "note": "Pengajuan 3",
        "line_count": 1,
    }


def test_version_numbers_of_different_subjects_are_independent(personas: Personas) -> None:
    # Employee and Position rows may share an id: the model label keeps them apart.
    employee, other = personas.staff.employee, personas.staff.supervisor
    post = personas.staff.staff_post

    def record(subject: Model) -> int:
        return version_record(actor=personas.employee, subject=subject, lines=[], content={}).number

    assert [record(employee), record(other), record(post)] == [1, 1, 1]
    assert [record(employee), record(post), record(employee)] == [2, 2, 3]


def test_the_audit_trail_reads_a_comment_and_a_version_in_indonesian(
    personas: Personas,
) -> None:
    subject = personas.staff.employee
    comment_add(actor=personas.supervisor, subject=subject, body="Setuju.")
    version_record(actor=personas.employee, subject=subject, lines=["A"], content={})
    events = AuditEvent.objects.filter(
        action__in=["comment.added", "document_version.recorded"]
    ).order_by("id")

    comment, version = audit_events_present(list(events))

    assert comment.action_label == "Komentar ditambahkan"
    assert comment.object_text.startswith("Komentar ")
    # The comment's own fields first, then the other keys by name: the same on every database.
    assert [(row.label, row.after) for row in comment.rows] == [
        ("Komentar", "Setuju."),
        ("ID objek", str(subject.pk)),
        ("Objek", str(subject)),
        ("Jenis objek", "people.Employee"),
    ]
    assert version.action_label == "Versi dokumen dicatat"
    assert [row.label for row in version.rows] == [
        "Jenis objek",
        "ID objek",
        "Versi",
        "Catatan",
        "Jumlah baris",
        "Objek",
    ]


def test_audit_actions_read_in_indonesian() -> None:
    assert audit_action_is_labelled("comment.added")
    assert audit_action_is_labelled("document_version.recorded")
    assert audit_action_label("comment.added") == "Komentar ditambahkan"
    assert audit_action_label("document_version.recorded") == "Versi dokumen dicatat"
