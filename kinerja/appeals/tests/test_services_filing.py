"""Filing and withdrawing an objection: who may, what is refused (and stores nothing), the
decider fixed at filing, attachments stored by content with their SHA-256, the audit event and
who is told."""

from __future__ import annotations

import hashlib
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile

from kinerja.accounts.models import Role, User
from kinerja.accounts.testing import make_user
from kinerja.appeals.models import Objection, ObjectionAttachment, ObjectionState
from kinerja.appeals.rules import ATTACHMENTS_MAX, NOT_EMPLOYEE, STATEMENT_MIN, TEXT_MAX
from kinerja.appeals.services import filing
from kinerja.appeals.services.filing import objection_file, objection_withdraw
from kinerja.appeals.testing import STATEMENT, make_acknowledged_evaluation, make_objection
from kinerja.audit.models import AuditEvent
from kinerja.evaluation.models import Evaluation, EvaluationState
from kinerja.evaluation.rules import objection_deadline
from kinerja.monitoring.evidence.testing import (
    REFUSED_SAMPLES,
    evidence_storage_at,
    minimal_pdf,
    stored_files,
)
from kinerja.notifications.models import Notification, NotificationKind
from kinerja.notifications.testing import inbox_titles
from kinerja.people.testing import Personas

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def store(tmp_path: Path) -> Iterator[Path]:
    with evidence_storage_at(tmp_path / "lampiran") as path:
        yield path


@pytest.fixture
def evaluation(personas: Personas) -> Evaluation:
    return make_acknowledged_evaluation(personas=personas, days_ago=3)


def pdf(name: str = "notulen.pdf", text: str = "Notulen rapat") -> SimpleUploadedFile:
    return SimpleUploadedFile(name, minimal_pdf(text), content_type="application/pdf")


def file_as(personas: Personas, evaluation: Evaluation, **kwargs: Any) -> Objection:
    values: dict[str, Any] = {"subject": "RESULTS", "statement": STATEMENT}
    values.update(kwargs)
    return objection_file(actor=personas.employee, evaluation=evaluation, **values)


def refusal(personas: Personas, evaluation: Evaluation, **kwargs: Any) -> dict[str, list[str]]:
    with pytest.raises(ValidationError) as caught:
        file_as(personas, evaluation, **kwargs)
    return caught.value.message_dict


def test_the_employee_files_an_objection_that_goes_to_the_appraisers_superior(
    personas: Personas, evaluation: Evaluation, store: Path
) -> None:
    data = minimal_pdf("Notulen rapat")
    objection = file_as(
        personas,
        evaluation,
        statement=f"  {STATEMENT}  ",
        requested="Rating hasil kerja Di Atas Ekspektasi.",
        files=[pdf()],
    )

    objection.refresh_from_db()
    staff = personas.staff
    assert objection.state == ObjectionState.FILED
    assert objection.statement == STATEMENT
    assert objection.employee_id == staff.employee.pk
    assert objection.appraiser_id == staff.supervisor.pk
    assert objection.decider_id == staff.kabid.pk
    assert not objection.decider_is_mayor
    assert objection.agency_id == personas.agency.pk
    assert objection.unit_id == staff.unit.pk
    assert objection.predikat_before == evaluation.predikat
    assert objection.results_before == evaluation.results_rating
    assert objection.deadline == objection_deadline(evaluation)
    [attachment] = ObjectionAttachment.objects.filter(objection=objection)
    assert attachment.original_name == "notulen.pdf"
    assert attachment.content_type == "application/pdf"
    assert attachment.sha256 == hashlib.sha256(data).hexdigest()
    assert "notulen" not in attachment.stored_name
    [stored] = stored_files(store)
    assert stored.read_bytes() == data


def test_filing_writes_one_audit_event_with_the_decider_and_the_attachments(
    personas: Personas, evaluation: Evaluation
) -> None:
    objection = file_as(personas, evaluation, files=[pdf()])

    event = AuditEvent.objects.get(action="objection.filed")
    after = event.after or {}
    assert event.object_id == str(objection.pk)
    assert event.actor_id == personas.employee.pk
    assert after["statement"] == STATEMENT
    assert after["subject"] == "RESULTS"
    assert after["deadline"] == objection.deadline.isoformat()
    assert after["decider_id"] == personas.staff.kabid.pk
    assert after["attachments"][0]["name"] == "notulen.pdf"
    assert len(after["attachments"][0]["sha256"]) == 64


def test_the_appraiser_is_asked_to_explain_and_the_decider_is_told(
    personas: Personas, evaluation: Evaluation
) -> None:
    objection = file_as(personas, evaluation)

    name = personas.staff.employee.name
    assert inbox_titles(personas.supervisor) == [f"Keberatan {name}: penjelasan Anda diminta"]
    assert inbox_titles(personas.appraiser_superior) == [
        f"Keberatan {name} menunggu keputusan Anda"
    ]
    assert inbox_titles(personas.employee) == []
    urls = set(Notification.objects.values_list("url", flat=True))
    assert urls == {f"/keberatan/{objection.pk}/"}
    kinds = set(Notification.objects.values_list("kind", flat=True))
    assert kinds == {NotificationKind.OBJECTION_FILED}


def test_above_a_head_of_agency_the_wali_kotas_office_is_told_except_who_set_it(
    personas: Personas,
) -> None:
    staff = personas.staff
    evaluation = make_acknowledged_evaluation(
        personas=personas, employee=staff.kabid, appraiser=staff.head
    )
    Evaluation.objects.filter(pk=evaluation.pk).update(rated_by=personas.leader)
    other_leader = make_user(role=Role.PIMPINAN)
    retired_leader = make_user(role=Role.PIMPINAN)
    User.objects.filter(pk=retired_leader.pk).update(is_active=False)

    objection = objection_file(
        actor=personas.appraiser_superior,
        evaluation=evaluation,
        subject="BOTH",
        statement=STATEMENT,
    )

    assert objection.decider_is_mayor
    assert objection.decider_id is None
    assert inbox_titles(other_leader) == [f"Keberatan {staff.kabid.name} menunggu keputusan Anda"]
    assert inbox_titles(personas.leader) == []
    assert inbox_titles(retired_leader) == []


@pytest.mark.parametrize(
    "persona",
    [
        "supervisor",
        "appraiser_superior",
        "agency_admin",
        "hr_admin",
        "leader",
        "auditor",
        "outsider",
    ],
)
def test_nobody_but_the_rated_employee_may_file(
    personas: Personas, evaluation: Evaluation, persona: str
) -> None:
    with pytest.raises(PermissionDenied, match=NOT_EMPLOYEE):
        objection_file(
            actor=getattr(personas, persona),
            evaluation=evaluation,
            subject="RESULTS",
            statement=STATEMENT,
        )
    assert not Objection.objects.exists()


def test_an_evaluation_not_yet_acknowledged_is_refused_with_the_rule(
    personas: Personas, evaluation: Evaluation
) -> None:
    Evaluation.objects.filter(pk=evaluation.pk).update(
        state=EvaluationState.RATED, acknowledged_at=None
    )
    evaluation.refresh_from_db()

    errors = refusal(personas, evaluation)

    assert "nyatakan menerima hasil penilaian" in errors["evaluation"][0]
    assert "PP 30/2019 Pasal 59" in errors["evaluation"][0]


def test_a_second_objection_is_refused_but_a_withdrawn_one_frees_the_evaluation(
    personas: Personas, evaluation: Evaluation
) -> None:
    first = file_as(personas, evaluation)

    errors = refusal(personas, evaluation)
    assert "sudah diajukan" in errors["evaluation"][0]

    objection_withdraw(actor=personas.employee, objection=first, reason="Sudah jelas.")
    second = file_as(personas, evaluation)
    assert second.pk != first.pk
    assert Objection.objects.filter(evaluation=evaluation).count() == 2


def test_two_submits_at_once_file_one_objection_with_the_same_sentence(
    personas: Personas, evaluation: Evaluation, monkeypatch: pytest.MonkeyPatch, store: Path
) -> None:
    make_objection(evaluation=evaluation)
    # Both checks miss the other submit's row: the unique constraint refuses it.
    monkeypatch.setattr(filing, "has_objection", lambda evaluation_id: False)

    errors = refusal(personas, evaluation, files=[pdf()])

    assert "sudah diajukan" in errors["evaluation"][0]
    assert Objection.objects.count() == 1
    assert stored_files(store) == []


@pytest.mark.parametrize(
    ("field", "kwargs", "expected"),
    [
        ("subject", {"subject": "SEMUA"}, "'SEMUA' tidak dikenal"),
        ("statement", {"statement": "   "}, "wajib diisi"),
        ("statement", {"statement": "Tidak adil."}, f"paling sedikit {STATEMENT_MIN} karakter"),
        ("statement", {"statement": "x" * (TEXT_MAX + 1)}, f"paling banyak {TEXT_MAX}"),
        ("requested", {"requested": "y" * (TEXT_MAX + 1)}, f"paling banyak {TEXT_MAX}"),
    ],
)
def test_bad_input_is_refused_naming_the_field_and_what_is_accepted(
    personas: Personas, evaluation: Evaluation, field: str, kwargs: dict[str, str], expected: str
) -> None:
    errors = refusal(personas, evaluation, **kwargs)

    assert expected in errors[field][0]
    assert not Objection.objects.exists()
    assert not AuditEvent.objects.filter(action="objection.filed").exists()


def test_too_many_files_are_refused(
    personas: Personas, evaluation: Evaluation, store: Path
) -> None:
    files = [pdf(f"bukti{n}.pdf") for n in range(ATTACHMENTS_MAX + 1)]

    errors = refusal(personas, evaluation, files=files)

    assert f"paling banyak {ATTACHMENTS_MAX} berkas" in errors["files"][0]
    assert stored_files(store) == []


@pytest.mark.parametrize("name", ["setup.exe", "halaman.html"])
def test_a_file_refused_by_its_content_stores_nothing(
    personas: Personas, evaluation: Evaluation, store: Path, name: str
) -> None:
    data, label = REFUSED_SAMPLES[name]

    errors = refusal(personas, evaluation, files=[pdf(), SimpleUploadedFile(name, data)])

    assert label in errors["files"][0]
    assert stored_files(store) == []
    assert not Objection.objects.exists()


def test_files_too_large_together_are_refused(
    personas: Personas, evaluation: Evaluation, monkeypatch: pytest.MonkeyPatch, store: Path
) -> None:
    size = len(minimal_pdf("Notulen rapat"))
    monkeypatch.setattr(filing, "ATTACHMENTS_MAX_BYTES", size * 2 - 1)

    errors = refusal(personas, evaluation, files=[pdf("a.pdf"), pdf("b.pdf")])

    assert "untuk semua lampiran satu keberatan" in errors["files"][0]
    assert stored_files(store) == []


def test_every_bad_field_is_named_at_once(personas: Personas, evaluation: Evaluation) -> None:
    errors = refusal(personas, evaluation, subject="", statement="")

    assert set(errors) == {"subject", "statement"}


def test_stored_files_are_deleted_when_the_transaction_does_not_commit(
    personas: Personas, evaluation: Evaluation, monkeypatch: pytest.MonkeyPatch, store: Path
) -> None:
    def broken(**kwargs: object) -> None:
        raise RuntimeError("audit down")

    monkeypatch.setattr(filing, "audit_record", broken)

    with pytest.raises(RuntimeError):
        file_as(personas, evaluation, files=[pdf(), pdf("b.pdf", "Daftar hadir")])

    assert stored_files(store) == []
    assert not Objection.objects.exists()


# --- withdrawing ---


def test_the_employee_withdraws_an_open_objection_and_both_officials_are_told(
    personas: Personas, evaluation: Evaluation
) -> None:
    objection = make_objection(evaluation=evaluation, state=ObjectionState.EXPLAINED)

    withdrawn = objection_withdraw(
        actor=personas.employee, objection=objection, reason=" Sudah dijelaskan. "
    )

    assert withdrawn.state == ObjectionState.WITHDRAWN
    assert withdrawn.withdrawn_reason == "Sudah dijelaskan."
    assert withdrawn.withdrawn_at is not None
    event = AuditEvent.objects.get(action="objection.withdrawn")
    assert (event.before or {})["state"] == ObjectionState.EXPLAINED
    assert (event.after or {})["state"] == ObjectionState.WITHDRAWN
    name = personas.staff.employee.name
    assert inbox_titles(personas.supervisor) == [f"Keberatan {name} dicabut"]
    assert inbox_titles(personas.appraiser_superior) == [f"Keberatan {name} dicabut"]


@pytest.mark.parametrize("persona", ["supervisor", "appraiser_superior", "hr_admin", "outsider"])
def test_nobody_else_may_withdraw(personas: Personas, evaluation: Evaluation, persona: str) -> None:
    objection = make_objection(evaluation=evaluation)

    with pytest.raises(PermissionDenied):
        objection_withdraw(actor=getattr(personas, persona), objection=objection)

    objection.refresh_from_db()
    assert objection.state == ObjectionState.FILED


@pytest.mark.parametrize(
    ("state", "label"),
    [
        (ObjectionState.ACCEPTED, "Diterima"),
        (ObjectionState.REJECTED, "Ditolak"),
        (ObjectionState.WITHDRAWN, "Dicabut"),
    ],
)
def test_a_decided_or_withdrawn_objection_cannot_be_withdrawn(
    personas: Personas, evaluation: Evaluation, state: str, label: str
) -> None:
    objection = make_objection(evaluation=evaluation, state=state, days_ago=1)

    with pytest.raises(ValidationError) as caught:
        objection_withdraw(actor=personas.employee, objection=objection)

    assert f"berstatus {label} tidak dapat dicabut" in caught.value.message_dict["state"][0]
    assert not AuditEvent.objects.filter(action="objection.withdrawn").exists()


def test_a_withdrawal_reason_too_long_is_refused(
    personas: Personas, evaluation: Evaluation
) -> None:
    objection = make_objection(evaluation=evaluation)

    with pytest.raises(ValidationError) as caught:
        objection_withdraw(actor=personas.employee, objection=objection, reason="z" * 4001)

    assert "paling banyak" in caught.value.message_dict["reason"][0]
