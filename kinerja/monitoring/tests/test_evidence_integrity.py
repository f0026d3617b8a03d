"""Integrity of stored evidence: the SHA-256 taken at upload, a later change detected, audited
once, and shown on the pages; the daily task; the list's constant queries."""

from __future__ import annotations

import hashlib
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from django.template.loader import render_to_string
from django.test import Client
from django.urls import reverse

from kinerja.audit.models import AuditEvent
from kinerja.core.testing import page_text
from kinerja.monitoring.evidence.integrity import evidence_verify
from kinerja.monitoring.evidence.tasks import evidence_verify_all
from kinerja.monitoring.evidence.testing import (
    evidence_storage_at,
    make_file_evidence,
    minimal_pdf,
    stored_files,
    upload,
)
from kinerja.monitoring.models import Evidence, Realization
from kinerja.monitoring.selectors.evidence import (
    evidence_by_realization_for_plan,
    evidence_list_for_realization,
)
from kinerja.monitoring.services.evidence import evidence_add_file
from kinerja.monitoring.testing import make_link_evidence, make_realization, make_running_plan
from kinerja.people.testing import Personas

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def store(tmp_path: Path) -> Iterator[Path]:
    with evidence_storage_at(tmp_path / "bukti") as path:
        yield path


@pytest.fixture
def realization(personas: Personas) -> Realization:
    return make_realization(plan=make_running_plan(employee=personas.staff.employee))


def altered_events() -> list[AuditEvent]:
    return list(AuditEvent.objects.filter(action="evidence.altered").order_by("id"))


def test_an_untouched_file_verifies_and_is_marked_checked(
    personas: Personas, realization: Realization
) -> None:
    data = minimal_pdf()
    evidence = evidence_add_file(
        actor=personas.employee, realization=realization, upload=upload("a.pdf", data)
    )
    assert evidence.sha256 == hashlib.sha256(data).hexdigest()
    assert evidence_verify(evidence) is True
    evidence.refresh_from_db()
    assert evidence.checked_at is not None
    assert evidence.altered_at is None
    assert altered_events() == []


def test_a_changed_file_is_detected_audited_once_by_the_system(
    realization: Realization, store: Path
) -> None:
    evidence = make_file_evidence(realization=realization)
    [stored] = stored_files(store)
    stored.write_bytes(b"%PDF-1.4 diganti")
    now = hashlib.sha256(b"%PDF-1.4 diganti").hexdigest()
    assert evidence_verify(evidence) is False
    assert evidence_verify(Evidence.objects.get()) is False
    [event] = altered_events()
    assert event.actor_id is None
    assert (event.before or {})["sha256"] == evidence.sha256
    assert (event.after or {})["sha256"] == now
    assert Evidence.objects.get().altered_at is not None


def test_a_second_different_change_is_audited_again(realization: Realization, store: Path) -> None:
    evidence = make_file_evidence(realization=realization)
    [stored] = stored_files(store)
    stored.write_bytes(b"satu")
    evidence_verify(evidence)
    stored.unlink()
    evidence_verify(Evidence.objects.get())
    assert [(e.after or {})["sha256"] for e in altered_events()] == [
        hashlib.sha256(b"satu").hexdigest(),
        "",
    ]


def test_the_daily_task_checks_every_file_and_is_idempotent(
    personas: Personas, realization: Realization, store: Path
) -> None:
    make_file_evidence(realization=realization)
    make_file_evidence(realization=realization, data=minimal_pdf("dua"))
    make_link_evidence(realization=realization)
    stored_files(store)[0].write_bytes(b"berubah")
    assert evidence_verify_all() == 1
    assert evidence_verify_all() == 1
    assert len(altered_events()) == 1
    assert Evidence.objects.filter(kind="FILE", checked_at__isnull=True).count() == 0


def test_the_list_shows_the_warning_with_both_hashes(
    client: Client, personas: Personas, realization: Realization, store: Path
) -> None:
    evidence = make_file_evidence(realization=realization)
    make_file_evidence(realization=realization, data=minimal_pdf("utuh"), name="utuh.pdf")
    stored_files(store)[0].write_bytes(b"berubah")
    evidence_verify_all()
    altered = Evidence.objects.get(altered_at__isnull=False)
    now = hashlib.sha256(b"berubah").hexdigest()
    client.force_login(personas.employee)
    text = page_text(client.get(reverse("monitoring:evidence_add", args=[realization.pk])).content)
    assert (
        f"Berkas berubah sejak diunggah: SHA-256 tersimpan {altered.sha256}, sekarang {now}."
        in text
    )
    assert "Utuh: isi berkas sama dengan saat diunggah." in text
    assert evidence.sha256[:12] in text


def test_the_list_part_renders_each_item_for_the_realisation_page(
    personas: Personas, realization: Realization
) -> None:
    make_file_evidence(realization=realization, name="Laporan Mei.pdf")
    make_link_evidence(realization=realization)
    items = evidence_list_for_realization(actor=personas.supervisor, realization=realization)
    html = render_to_string(
        "monitoring/evidence/_evidence_list_part.html",
        {"realization": realization, "evidence_items": items, "evidence_may_edit": False},
    )
    text = page_text(html)
    assert "Laporan Mei.pdf" in text
    assert "Tautan" in text
    assert "Hapus" not in text
    assert "Tambah bukti dukung" not in text
    editable = render_to_string(
        "monitoring/evidence/_evidence_list_part.html",
        {"realization": realization, "evidence_items": items, "evidence_may_edit": True},
    )
    assert "Tambah bukti dukung" in page_text(editable)
    assert page_text(editable).count("Hapus") == 2


def test_a_plans_evidence_costs_the_same_queries_at_any_size(
    personas: Personas, django_assert_num_queries: Any, store: Path
) -> None:
    plan = make_running_plan(employee=personas.staff.employee, results=1)
    realization = make_realization(plan=plan)
    make_file_evidence(realization=realization)
    stored_files(store)[0].write_bytes(b"berubah")
    evidence_verify_all()

    def shown() -> int:
        grouped = evidence_by_realization_for_plan(actor=personas.supervisor, plan=plan)
        return sum(len(item.integrity_text) > 0 for items in grouped.values() for item in items)

    shown()  # who the supervisor is, asked once per request
    with django_assert_num_queries(2):  # the rows, the hashes found altered
        assert shown() == 1
    for i in range(6):
        make_file_evidence(realization=realization, data=minimal_pdf(f"b{i}"))
    stored_files(store)[1].write_bytes(b"lagi")
    evidence_verify_all()
    with django_assert_num_queries(2):
        assert shown() == 7
