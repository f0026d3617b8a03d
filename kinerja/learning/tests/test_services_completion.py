"""Completion (services/completion.py): the employee records an item done with a certificate
(monitoring's evidence rules: by content, stored under an unguessable name, SHA-256) and JP;
the appraiser confirms or refuses; whoever may see the plan downloads the certificate."""

from __future__ import annotations

import hashlib
from collections.abc import Iterator
from datetime import timedelta
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone

from kinerja.audit.models import AuditEvent
from kinerja.learning.models import (
    CourseKind,
    DevelopmentItem,
    DevelopmentPlan,
    ItemSource,
    ItemState,
    PlanState,
)
from kinerja.learning.services.completion import (
    development_certificate_open,
    development_item_complete,
    development_item_confirm,
    development_item_reject,
)
from kinerja.learning.testing import make_development_plan, make_item
from kinerja.monitoring.evidence.testing import evidence_storage_at, minimal_pdf, stored_files
from kinerja.notifications.models import Notification, NotificationKind
from kinerja.people.testing import PERSONA_NAMES, Personas

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def store(tmp_path: Path) -> Iterator[Path]:
    with evidence_storage_at(tmp_path / "sertifikat") as path:
        yield path


@pytest.fixture
def plan(personas: Personas) -> DevelopmentPlan:
    return make_development_plan(employee=personas.staff.employee, state=PlanState.AGREED)


def pdf(name: str = "sertifikat.pdf") -> SimpleUploadedFile:
    return SimpleUploadedFile(name, minimal_pdf("Sertifikat"), content_type="application/pdf")


def complete(personas: Personas, item: DevelopmentItem, **kwargs: Any) -> DevelopmentItem:
    values: dict[str, Any] = {
        "completed_on": timezone.localdate() - timedelta(days=1),
        "jp_earned": Decimal(16),
        "certificate": pdf(),
    }
    values.update(kwargs)
    actor = values.pop("actor", personas.employee)
    return development_item_complete(actor=actor, item=item, **values)


def refusal(personas: Personas, item: DevelopmentItem, **kwargs: Any) -> dict[str, list[str]]:
    with pytest.raises(ValidationError) as caught:
        complete(personas, item, **kwargs)
    return caught.value.message_dict


def test_the_employee_records_completion_with_a_certificate_and_the_appraiser_is_told(
    personas: Personas, plan: DevelopmentPlan, store: Path
) -> None:
    item = make_item(plan=plan)

    complete(personas, item, jp_earned=Decimal("12.5"))

    item.refresh_from_db()
    assert item.state == ItemState.COMPLETED
    assert item.jp_earned == Decimal("12.5")
    assert item.certificate_original_name == "sertifikat.pdf"
    assert item.certificate_content_type == "application/pdf"
    assert item.certificate_sha256 == hashlib.sha256(minimal_pdf("Sertifikat")).hexdigest()
    assert item.certificate_name.startswith(f"{plan.pk}/")
    assert "sertifikat" not in item.certificate_name
    [stored] = stored_files(store)
    assert stored.read_bytes() == minimal_pdf("Sertifikat")
    event = AuditEvent.objects.get(action="development_item.completed")
    assert (event.after or {})["jp_earned"] == "12.5"
    [note] = Notification.objects.filter(
        recipient=personas.supervisor, kind=NotificationKind.DEVELOPMENT_ITEM_COMPLETED
    )
    assert "12,5 JP" in note.text


def test_refusals_name_the_field_and_store_nothing(
    personas: Personas, plan: DevelopmentPlan, store: Path
) -> None:
    item = make_item(plan=plan)
    tomorrow = timezone.localdate() + timedelta(days=1)

    assert "belum terjadi" in refusal(personas, item, completed_on=tomorrow)["completed_on"][0]
    assert "0,5 sampai 200" in refusal(personas, item, jp_earned=Decimal(0))["jp_earned"][0]
    assert "0,5 sampai 200" in refusal(personas, item, jp_earned=Decimal(300))["jp_earned"][0]
    assert "Unggah sertifikat" in refusal(personas, item, certificate=None)["certificate"][0]
    script = SimpleUploadedFile("sertifikat.pdf", b"<html><script>alert(1)</script></html>")
    assert "tidak diterima" in refusal(personas, item, certificate=script)["certificate"][0]
    empty = SimpleUploadedFile("kosong.pdf", b"")
    assert "kosong" in refusal(personas, item, certificate=empty)["certificate"][0]
    item.refresh_from_db()
    assert item.state == ItemState.PLANNED
    assert stored_files(store) == []


def test_coaching_needs_no_certificate_and_may_earn_no_jp(
    personas: Personas, plan: DevelopmentPlan
) -> None:
    item = make_item(plan=plan)
    DevelopmentItem.objects.filter(pk=item.pk).update(
        kind=CourseKind.COACHING, source=ItemSource.COACHING
    )
    item.refresh_from_db()

    complete(personas, item, certificate=None, jp_earned=Decimal(0))

    item.refresh_from_db()
    assert item.state == ItemState.COMPLETED
    assert item.certificate_name == ""


def test_completion_waits_for_an_agreed_plan_and_a_planned_item(personas: Personas) -> None:
    draft = make_development_plan(employee=personas.staff.employee)
    item = make_item(plan=draft)
    assert "Disepakati" in refusal(personas, item)["plan"][0]

    DevelopmentPlan.objects.filter(pk=draft.pk).update(state=PlanState.AGREED)
    draft.refresh_from_db()
    done = make_item(plan=draft, state=ItemState.CONFIRMED)
    assert "item" in refusal(personas, done)


@pytest.mark.parametrize("name", ["supervisor", "hr_admin", "outsider"])
def test_only_the_employee_records_completion(
    personas: Personas, plan: DevelopmentPlan, name: str
) -> None:
    item = make_item(plan=plan)
    with pytest.raises(PermissionDenied):
        complete(personas, item, actor=getattr(personas, name))


def test_the_appraiser_confirms_and_the_jp_count(personas: Personas, plan: DevelopmentPlan) -> None:
    item = make_item(plan=plan, state=ItemState.COMPLETED)

    development_item_confirm(actor=personas.supervisor, item=item)

    item.refresh_from_db()
    assert item.state == ItemState.CONFIRMED
    assert item.confirmed_by_id == personas.supervisor.pk
    assert AuditEvent.objects.filter(action="development_item.confirmed").count() == 1
    [note] = Notification.objects.filter(
        recipient=personas.employee, kind=NotificationKind.DEVELOPMENT_ITEM_CONFIRMED
    )
    assert f"tahun {item.completed_on.year}" in note.text  # type: ignore[union-attr]


def test_the_appraiser_refuses_with_a_reason_and_the_employee_records_again(
    personas: Personas, plan: DevelopmentPlan
) -> None:
    item = make_item(plan=plan)
    complete(personas, item)

    development_item_reject(actor=personas.supervisor, item=item, reason="Sertifikat buram.")

    item.refresh_from_db()
    assert item.state == ItemState.REJECTED
    assert item.reject_reason == "Sertifikat buram."
    assert AuditEvent.objects.filter(action="development_item.rejected").count() == 1
    [note] = Notification.objects.filter(
        recipient=personas.employee, kind=NotificationKind.DEVELOPMENT_ITEM_REJECTED
    )
    assert "Sertifikat buram." in note.text

    complete(personas, item, certificate=pdf("sertifikat-baru.pdf"))
    item.refresh_from_db()
    assert item.state == ItemState.COMPLETED
    assert item.certificate_original_name == "sertifikat-baru.pdf"
    assert item.reject_reason == ""


def test_confirming_and_refusing_ask_the_right_and_the_state(
    personas: Personas, plan: DevelopmentPlan
) -> None:
    planned = make_item(plan=plan)
    completed = make_item(plan=plan, state=ItemState.COMPLETED)
    for name in ("employee", "appraiser_superior", "hr_admin"):
        with pytest.raises(PermissionDenied):
            development_item_confirm(actor=getattr(personas, name), item=completed)
        with pytest.raises(PermissionDenied):
            development_item_reject(actor=getattr(personas, name), item=completed, reason="x")
    with pytest.raises(ValidationError) as caught:
        development_item_confirm(actor=personas.supervisor, item=planned)
    assert "item" in caught.value.message_dict
    with pytest.raises(ValidationError) as caught:
        development_item_reject(actor=personas.supervisor, item=completed, reason="  ")
    assert "Alasan penolakan wajib diisi" in caught.value.message_dict["reason"][0]


@pytest.mark.parametrize("name", PERSONA_NAMES)
def test_the_certificate_opens_for_those_who_see_the_plan_and_is_audited(
    personas: Personas, plan: DevelopmentPlan, name: str
) -> None:
    item = make_item(plan=plan)
    complete(personas, item)
    item.refresh_from_db()
    actor = getattr(personas, name)
    allowed = name not in ("other_admin", "outsider")

    if allowed:
        with development_certificate_open(actor=actor, item=item) as stored:
            assert stored.read() == minimal_pdf("Sertifikat")
        event = AuditEvent.objects.get(action="development_certificate.downloaded")
        assert event.actor_id == actor.pk
    else:
        with pytest.raises(PermissionDenied):
            development_certificate_open(actor=actor, item=item)
        assert not AuditEvent.objects.filter(action="development_certificate.downloaded")


def test_an_item_without_a_certificate_has_nothing_to_open(
    personas: Personas, plan: DevelopmentPlan
) -> None:
    item = make_item(plan=plan)
    with pytest.raises(FileNotFoundError):
        development_certificate_open(actor=personas.employee, item=item)
