"""Evidence services: attach a file or a link, remove; every refusal stores nothing."""

from __future__ import annotations

import hashlib
from collections.abc import Iterator
from pathlib import Path

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.test import override_settings

from kinerja.audit.models import AuditEvent
from kinerja.monitoring.evidence.testing import (
    ACCEPTED_SAMPLES,
    REFUSED_SAMPLES,
    evidence_storage_at,
    make_file_evidence,
    minimal_pdf,
    stored_files,
    upload,
)
from kinerja.monitoring.models import Evidence, EvidenceKind, Realization, RealizationState
from kinerja.monitoring.services.evidence import (
    evidence_add_file,
    evidence_add_link,
    evidence_remove,
)
from kinerja.monitoring.testing import make_realization, make_running_plan
from kinerja.people.testing import Personas

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def store(tmp_path: Path) -> Iterator[Path]:
    with evidence_storage_at(tmp_path / "bukti") as path:
        yield path


@pytest.fixture
def realization(personas: Personas) -> Realization:
    return make_realization(plan=make_running_plan(employee=personas.staff.employee))


def events(action: str) -> list[AuditEvent]:
    return list(AuditEvent.objects.filter(action=action))


def test_a_pdf_is_stored_under_an_unguessable_name_with_its_sha256(
    personas: Personas, realization: Realization, store: Path
) -> None:
    data = minimal_pdf()
    evidence = evidence_add_file(
        actor=personas.employee,
        realization=realization,
        upload=upload("C:\\Dokumen\\Laporan Bulanan.pdf", data),
        title=" Laporan   bulanan ",
    )
    assert evidence.kind == EvidenceKind.FILE
    assert evidence.title == "Laporan bulanan"
    assert evidence.original_name == "Laporan Bulanan.pdf"
    assert evidence.content_type == "application/pdf"
    assert evidence.size == len(data)
    assert evidence.sha256 == hashlib.sha256(data).hexdigest()
    assert evidence.uploaded_by == personas.employee
    plan_dir, random = evidence.stored_name.split("/")
    assert plan_dir == str(realization.plan_id)
    assert len(random) == 40
    assert "Laporan" not in evidence.stored_name
    [stored] = stored_files(store)
    assert stored.read_bytes() == data
    [event] = events("evidence.added")
    assert (event.after or {})["sha256"] == evidence.sha256
    assert (event.after or {})["original_name"] == "Laporan Bulanan.pdf"
    assert (event.after or {})["size"] == len(data)
    assert (event.after or {})["content_type"] == "application/pdf"


@pytest.mark.parametrize("name", sorted(ACCEPTED_SAMPLES))
def test_every_accepted_type_is_stored(
    personas: Personas, realization: Realization, name: str
) -> None:
    data, content_type = ACCEPTED_SAMPLES[name]
    evidence = evidence_add_file(
        actor=personas.employee, realization=realization, upload=upload(name, data)
    )
    assert evidence.content_type == content_type


def assert_nothing_stored(store: Path) -> None:
    assert stored_files(store) == []
    assert Evidence.objects.count() == 0
    assert events("evidence.added") == []


def test_an_executable_renamed_pdf_is_refused_and_nothing_is_stored(
    personas: Personas, realization: Realization, store: Path
) -> None:
    data, _ = REFUSED_SAMPLES["setup.exe"]
    with pytest.raises(ValidationError) as refused:
        evidence_add_file(
            actor=personas.employee, realization=realization, upload=upload("laporan.pdf", data)
        )
    [sentence] = refused.value.message_dict["file"]
    assert "program Windows (EXE/DLL), meskipun namanya berakhiran .pdf" in sentence
    assert_nothing_stored(store)


@pytest.mark.parametrize("name", sorted(REFUSED_SAMPLES))
def test_every_refused_type_stores_nothing(
    personas: Personas, realization: Realization, store: Path, name: str
) -> None:
    data, words = REFUSED_SAMPLES[name]
    with pytest.raises(ValidationError) as refused:
        evidence_add_file(
            actor=personas.employee, realization=realization, upload=upload(name, data)
        )
    assert words in refused.value.message_dict["file"][0]
    assert_nothing_stored(store)


@override_settings(EVIDENCE_MAX_FILE_BYTES=1024)
def test_a_file_over_the_size_per_file_is_refused(
    personas: Personas, realization: Realization, store: Path
) -> None:
    with pytest.raises(ValidationError) as refused:
        evidence_add_file(
            actor=personas.employee,
            realization=realization,
            upload=upload("besar.txt", b"a" * 1025),
        )
    assert refused.value.message_dict["file"] == [
        "Berkas “besar.txt” berukuran 1,0 KB; paling besar 1,0 KB per berkas."
    ]
    assert_nothing_stored(store)


def test_a_file_over_the_room_left_in_the_plan_is_refused(
    personas: Personas, realization: Realization, store: Path
) -> None:
    make_file_evidence(realization=realization, data=minimal_pdf())
    used = Evidence.objects.get().size
    with (
        override_settings(EVIDENCE_MAX_PLAN_BYTES=used + 100),
        pytest.raises(ValidationError) as refused,
    ):
        evidence_add_file(
            actor=personas.employee,
            realization=realization,
            upload=upload("catatan.txt", b"b" * 101),
        )
    assert (
        "melebihi sisa ruang bukti dukung SKP ini (100 bita"
        in refused.value.message_dict["file"][0]
    )
    assert Evidence.objects.count() == 1
    assert len(stored_files(store)) == 1


def test_a_file_stored_is_deleted_when_its_transaction_fails(
    personas: Personas, realization: Realization, store: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def broken(**kwargs: object) -> None:
        raise RuntimeError("audit mati")

    monkeypatch.setattr("kinerja.monitoring.services.evidence.audit_record", broken)
    with pytest.raises(RuntimeError):
        evidence_add_file(
            actor=personas.employee, realization=realization, upload=upload("a.pdf", minimal_pdf())
        )
    assert_nothing_stored(store)


@pytest.mark.parametrize(
    "persona", ["supervisor", "agency_admin", "hr_admin", "leader", "auditor", "outsider"]
)
def test_only_the_plans_employee_attaches_evidence(
    personas: Personas, realization: Realization, store: Path, persona: str
) -> None:
    with pytest.raises(PermissionDenied):
        evidence_add_file(
            actor=getattr(personas, persona),
            realization=realization,
            upload=upload("a.pdf", minimal_pdf()),
        )
    with pytest.raises(PermissionDenied):
        evidence_add_link(
            actor=getattr(personas, persona), realization=realization, link="https://contoh.id/"
        )
    assert_nothing_stored(store)


@pytest.mark.parametrize("state", [RealizationState.SUBMITTED, RealizationState.ACCEPTED])
def test_no_evidence_is_attached_to_a_submitted_or_accepted_realisation(
    personas: Personas, store: Path, state: str
) -> None:
    plan = make_running_plan(employee=personas.staff.employee)
    realization = make_realization(plan=plan, state=state)
    with pytest.raises(ValidationError) as refused:
        evidence_add_file(
            actor=personas.employee, realization=realization, upload=upload("a.pdf", minimal_pdf())
        )
    assert "realization" in refused.value.message_dict
    assert_nothing_stored(store)


def test_a_returned_realisation_takes_evidence(personas: Personas) -> None:
    plan = make_running_plan(employee=personas.staff.employee)
    realization = make_realization(plan=plan, state=RealizationState.RETURNED)
    evidence = evidence_add_link(
        actor=personas.employee, realization=realization, link="https://drive.kota.go.id/x"
    )
    assert evidence.link == "https://drive.kota.go.id/x"


def test_a_link_is_attached_and_audited(personas: Personas, realization: Realization) -> None:
    evidence = evidence_add_link(
        actor=personas.employee,
        realization=realization,
        link=" https://drive.kota.go.id/laporan ",
        title="Folder laporan",
    )
    assert (evidence.kind, evidence.link, evidence.size) == (
        EvidenceKind.LINK,
        "https://drive.kota.go.id/laporan",
        0,
    )
    [event] = events("evidence.added")
    assert (event.after or {})["link"] == "https://drive.kota.go.id/laporan"


@pytest.mark.parametrize(
    ("link", "words"),
    [
        ("javascript:alert(1)", "hanya alamat web yang diawali http:// atau https://"),
        ("ftp://contoh.id/berkas", "hanya alamat web"),
        ("https://", "hanya alamat web"),
        ("https://contoh.id/a b", "hanya alamat web"),
        ("", "Tautan kosong tidak diterima"),
        ("https://contoh.id/" + "a" * 500, "Tautan sepanjang 518 karakter tidak diterima"),
    ],
)
def test_a_bad_link_is_refused(
    personas: Personas, realization: Realization, link: str, words: str
) -> None:
    with pytest.raises(ValidationError) as refused:
        evidence_add_link(actor=personas.employee, realization=realization, link=link)
    assert words in refused.value.message_dict["link"][0]
    assert Evidence.objects.count() == 0


def test_a_title_over_200_characters_is_refused(
    personas: Personas, realization: Realization
) -> None:
    with pytest.raises(ValidationError) as refused:
        evidence_add_link(
            actor=personas.employee, realization=realization, link="https://a.id/", title="j" * 201
        )
    assert "paling banyak 200 karakter" in refused.value.message_dict["title"][0]


def test_removing_deletes_the_row_then_the_stored_file_after_commit(
    personas: Personas,
    realization: Realization,
    store: Path,
    django_capture_on_commit_callbacks: object,
) -> None:
    evidence = evidence_add_file(
        actor=personas.employee, realization=realization, upload=upload("a.pdf", minimal_pdf())
    )
    with django_capture_on_commit_callbacks(execute=True):  # type: ignore[operator]
        evidence_remove(actor=personas.employee, evidence=evidence)
    assert Evidence.objects.count() == 0
    assert stored_files(store) == []
    [event] = events("evidence.removed")
    assert (event.before or {})["sha256"] == evidence.sha256
    assert (event.before or {})["original_name"] == "a.pdf"


def test_removing_is_refused_to_others_and_once_submitted(
    personas: Personas, realization: Realization, store: Path
) -> None:
    evidence = make_file_evidence(realization=realization)
    with pytest.raises(PermissionDenied):
        evidence_remove(actor=personas.supervisor, evidence=evidence)
    Realization.objects.filter(pk=realization.pk).update(state=RealizationState.SUBMITTED)
    evidence.realization.refresh_from_db()
    with pytest.raises(ValidationError):
        evidence_remove(actor=personas.employee, evidence=evidence)
    assert Evidence.objects.count() == 1
    assert len(stored_files(store)) == 1
    assert events("evidence.removed") == []
