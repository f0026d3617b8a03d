"""Services of a service unit's standard: start, edit, endorse, propose and decide, comment,
approve. Each: the happy path, every refusal, its audit event."""

from __future__ import annotations

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from kinerja.audit.models import AuditEvent
from kinerja.discussions.models import Comment, DocumentVersion
from kinerja.organization.models import ServiceUnit
from kinerja.people.testing import Personas
from kinerja.surveys.models import (
    ProposalState,
    ServiceStandard,
    StandardComponentKind,
    StandardEndorsement,
    StandardProposal,
    StandardState,
)
from kinerja.surveys.services.proposals import (
    proposal_accept,
    proposal_decline,
    standard_propose,
)
from kinerja.surveys.services.standard_rules import (
    COMPONENT_MAX_CHARS,
)
from kinerja.surveys.services.standards import (
    standard_approve,
    standard_comment,
    standard_edit,
    standard_endorse,
    standard_start,
)
from kinerja.surveys.testing import make_service_unit, make_standard

pytestmark = pytest.mark.django_db


@pytest.fixture
def unit(personas: Personas) -> ServiceUnit:
    return make_service_unit(unit=personas.staff.unit, name="Loket Adminduk")


def _texts(standard: ServiceStandard, field: str = "draft_text") -> dict[str, str]:
    return dict(standard.components.values_list("kind", field))


def _last_comment() -> str:
    return Comment.objects.order_by("pk").values_list("body", flat=True).last() or ""


# --- start --------------------------------------------------------------------------------


def test_starting_creates_the_fourteen_components_in_order_and_is_audited(
    personas: Personas, unit: ServiceUnit
) -> None:
    standard = standard_start(actor=personas.employee, service_unit=unit)
    kinds = list(standard.components.order_by("position").values_list("kind", flat=True))
    assert kinds == list(StandardComponentKind.values)
    assert standard.state == StandardState.DRAFT
    assert standard.revision == 1
    assert AuditEvent.objects.get(action="service_standard.created").object_id == str(standard.pk)


def test_the_agency_admin_may_start_the_standard(personas: Personas, unit: ServiceUnit) -> None:
    assert standard_start(actor=personas.agency_admin, service_unit=unit).pk


@pytest.mark.parametrize("who", ["other_admin", "outsider", "leader", "auditor"])
def test_who_is_neither_staff_nor_agency_admin_may_not_start_it(
    personas: Personas, unit: ServiceUnit, who: str
) -> None:
    with pytest.raises(PermissionDenied):
        standard_start(actor=getattr(personas, who), service_unit=unit)
    assert not ServiceStandard.objects.exists()


def test_a_second_start_is_refused_naming_the_unit(personas: Personas, unit: ServiceUnit) -> None:
    standard_start(actor=personas.employee, service_unit=unit)
    with pytest.raises(ValidationError) as refusal:
        standard_start(actor=personas.supervisor, service_unit=unit)
    assert "Loket Adminduk sudah memiliki standar pelayanan" in refusal.value.messages[0]
    assert ServiceStandard.objects.count() == 1


# --- edit ---------------------------------------------------------------------------------


def test_an_edit_saves_the_texts_raises_the_revision_and_is_audited(
    personas: Personas, unit: ServiceUnit
) -> None:
    standard = make_standard(service_unit=unit, texts={})
    standard_edit(
        actor=personas.employee,
        standard=standard,
        texts={"COST": "Gratis.\r\n", "TIME": ""},
        revision=1,
    )
    standard.refresh_from_db()
    assert standard.revision == 2
    assert _texts(standard)["COST"] == "Gratis."
    event = AuditEvent.objects.get(action="service_standard.edited")
    assert event.before is not None
    assert event.after is not None
    assert event.before["COST"] == ""
    assert event.after["COST"] == "Gratis."
    assert "TIME" not in event.after


def test_an_edit_that_changes_nothing_writes_nothing(personas: Personas, unit: ServiceUnit) -> None:
    standard = make_standard(service_unit=unit)
    standard_edit(
        actor=personas.employee,
        standard=standard,
        texts={"COST": "Tidak dipungut biaya."},
        revision=1,
    )
    assert standard.revision == 1
    assert not AuditEvent.objects.filter(action="service_standard.edited").exists()


def test_an_edit_on_an_older_revision_is_refused_and_keeps_the_colleagues_text(
    personas: Personas, unit: ServiceUnit
) -> None:
    standard = make_standard(service_unit=unit, texts={})
    standard_edit(actor=personas.employee, standard=standard, texts={"COST": "A"}, revision=1)
    stale = ServiceStandard.objects.get(pk=standard.pk)
    stale.revision = 1
    with pytest.raises(ValidationError) as refusal:
        standard_edit(actor=personas.supervisor, standard=stale, texts={"COST": "B"}, revision=1)
    assert "sudah disimpan orang lain (kini revisi 2)" in refusal.value.message_dict["revision"][0]
    assert _texts(standard)["COST"] == "A"


def test_an_edit_of_an_approved_text_puts_the_standard_back_to_draft(
    personas: Personas, unit: ServiceUnit
) -> None:
    standard = make_standard(service_unit=unit, approved=True)
    standard_edit(
        actor=personas.employee, standard=standard, texts={"COST": "Rp5.000."}, revision=1
    )
    standard.refresh_from_db()
    assert standard.state == StandardState.DRAFT
    assert _texts(standard, "published_text")["COST"] == "Tidak dipungut biaya."


def test_a_text_over_the_limit_is_refused_naming_the_component_and_the_limit(
    personas: Personas, unit: ServiceUnit
) -> None:
    standard = make_standard(service_unit=unit)
    with pytest.raises(ValidationError) as refusal:
        standard_edit(
            actor=personas.employee,
            standard=standard,
            texts={"COST": "x" * (COMPONENT_MAX_CHARS + 1)},
            revision=1,
        )
    assert refusal.value.message_dict["COST"] == [
        "Biaya/tarif sepanjang 5.001 karakter tidak diterima: paling banyak 5.000 karakter."
    ]


def test_an_unknown_component_is_refused(personas: Personas, unit: ServiceUnit) -> None:
    standard = make_standard(service_unit=unit)
    with pytest.raises(ValidationError) as refusal:
        standard_edit(actor=personas.employee, standard=standard, texts={"XYZ": "a"}, revision=1)
    assert "Komponen 'XYZ' tidak dikenal" in refusal.value.message_dict["texts"][0]


@pytest.mark.parametrize("who", ["other_admin", "outsider", "leader", "auditor"])
def test_an_edit_by_an_outsider_is_refused(personas: Personas, unit: ServiceUnit, who: str) -> None:
    standard = make_standard(service_unit=unit)
    with pytest.raises(PermissionDenied):
        standard_edit(
            actor=getattr(personas, who), standard=standard, texts={"COST": "a"}, revision=1
        )


# --- endorse ------------------------------------------------------------------------------


def test_a_staff_member_endorses_the_current_revision_once(
    personas: Personas, unit: ServiceUnit
) -> None:
    standard = make_standard(service_unit=unit)
    endorsement = standard_endorse(actor=personas.employee, standard=standard)
    assert endorsement.revision == 1
    assert endorsement.employee_id == personas.staff.employee.pk
    assert AuditEvent.objects.filter(action="service_standard.endorsed").count() == 1
    with pytest.raises(ValidationError) as refusal:
        standard_endorse(actor=personas.employee, standard=standard)
    assert "sudah mendukung revisi 1" in refusal.value.messages[0]


def test_a_new_revision_may_be_endorsed_again(personas: Personas, unit: ServiceUnit) -> None:
    standard = make_standard(service_unit=unit)
    standard_endorse(actor=personas.employee, standard=standard)
    standard_edit(
        actor=personas.supervisor, standard=standard, texts={"COST": "Gratis."}, revision=1
    )
    standard_endorse(actor=personas.employee, standard=standard)
    assert StandardEndorsement.objects.filter(revision=2).count() == 1


@pytest.mark.parametrize("who", ["agency_admin", "hr_admin", "other_admin", "leader", "outsider"])
def test_only_the_units_staff_may_endorse(personas: Personas, unit: ServiceUnit, who: str) -> None:
    standard = make_standard(service_unit=unit)
    with pytest.raises(PermissionDenied):
        standard_endorse(actor=getattr(personas, who), standard=standard)


# --- propose, accept, decline -------------------------------------------------------------


def test_a_proposal_is_stored_written_in_the_thread_and_audited(
    personas: Personas, unit: ServiceUnit
) -> None:
    standard = make_standard(service_unit=unit)
    proposal = standard_propose(
        actor=personas.employee,
        standard=standard,
        kind="TIME",
        text="Selesai dalam 2 jam.",
        reason="Loket sudah memakai cetak langsung.",
    )
    assert proposal.state == ProposalState.OPEN
    comment = Comment.objects.get()
    assert comment.body.startswith("Usul perubahan Jangka waktu penyelesaian: Selesai dalam 2 jam.")
    assert "Alasan: Loket sudah memakai cetak langsung." in comment.body
    assert AuditEvent.objects.filter(action="standard_proposal.created").count() == 1


def test_a_long_proposal_is_shortened_in_the_thread_but_kept_whole(
    personas: Personas, unit: ServiceUnit
) -> None:
    standard = make_standard(service_unit=unit)
    proposal = standard_propose(
        actor=personas.employee, standard=standard, kind="TIME", text="y" * 4999, reason=""
    )
    assert len(proposal.text) == 4999
    assert len(Comment.objects.get().body) == 4000


@pytest.mark.parametrize(
    ("kind", "text", "field", "words"),
    [
        ("NOPE", "a", "kind", "tidak dikenal"),
        ("TIME", "   ", "text", "Usulan isi kosong"),
        ("TIME", "x" * 5001, "text", "paling banyak 5.000"),
        ("TIME", "Satu hari kerja.", "text", "sama dengan draf"),
    ],
)
def test_a_bad_proposal_is_refused(
    personas: Personas, unit: ServiceUnit, kind: str, text: str, field: str, words: str
) -> None:
    standard = make_standard(service_unit=unit)
    with pytest.raises(ValidationError) as refusal:
        standard_propose(actor=personas.employee, standard=standard, kind=kind, text=text)
    assert words in refusal.value.message_dict[field][0]
    assert not Comment.objects.exists()


@pytest.mark.parametrize("who", ["agency_admin", "other_admin", "auditor", "outsider"])
def test_only_the_units_staff_may_propose(personas: Personas, unit: ServiceUnit, who: str) -> None:
    standard = make_standard(service_unit=unit)
    with pytest.raises(PermissionDenied):
        standard_propose(actor=getattr(personas, who), standard=standard, kind="TIME", text="a")


def _proposal(personas: Personas, unit: ServiceUnit) -> StandardProposal:
    standard = make_standard(service_unit=unit, approved=True)
    return standard_propose(
        actor=personas.employee, standard=standard, kind="TIME", text="Dua jam."
    )


def test_the_head_accepts_a_proposal_into_the_draft(personas: Personas, unit: ServiceUnit) -> None:
    proposal = _proposal(personas, unit)
    proposal_accept(actor=personas.appraiser_superior, proposal=proposal, note="Setuju.")
    standard = ServiceStandard.objects.get()
    assert _texts(standard)["TIME"] == "Dua jam."
    assert standard.revision == 2
    assert standard.state == StandardState.DRAFT
    assert proposal.state == ProposalState.ACCEPTED
    assert proposal.decided_by == personas.appraiser_superior
    assert _last_comment() == (
        "Usul perubahan Jangka waktu penyelesaian diterima dan dimasukkan ke draf. Catatan: Setuju."
    )
    assert AuditEvent.objects.filter(action="standard_proposal.accepted").count() == 1


def test_the_head_declines_a_proposal_with_a_note(personas: Personas, unit: ServiceUnit) -> None:
    proposal = _proposal(personas, unit)
    proposal_decline(actor=personas.appraiser_superior, proposal=proposal, note="Belum mungkin.")
    assert proposal.state == ProposalState.DECLINED
    assert _texts(ServiceStandard.objects.get())["TIME"] == "Satu hari kerja."
    assert "ditolak. Catatan: Belum mungkin." in _last_comment()
    assert AuditEvent.objects.filter(action="standard_proposal.declined").count() == 1


def test_declining_without_a_note_is_refused(personas: Personas, unit: ServiceUnit) -> None:
    proposal = _proposal(personas, unit)
    with pytest.raises(ValidationError) as refusal:
        proposal_decline(actor=personas.appraiser_superior, proposal=proposal, note="  ")
    assert "Catatan penolakan kosong" in refusal.value.message_dict["note"][0]


def test_a_decided_proposal_cannot_be_decided_again(personas: Personas, unit: ServiceUnit) -> None:
    proposal = _proposal(personas, unit)
    proposal_accept(actor=personas.appraiser_superior, proposal=proposal)
    with pytest.raises(ValidationError) as refusal:
        proposal_decline(actor=personas.appraiser_superior, proposal=proposal, note="x")
    assert "sudah diputuskan (Diterima)" in refusal.value.message_dict["state"][0]


@pytest.mark.parametrize("who", ["employee", "supervisor", "agency_admin", "hr_admin"])
def test_only_the_head_decides_a_proposal(personas: Personas, unit: ServiceUnit, who: str) -> None:
    proposal = _proposal(personas, unit)
    with pytest.raises(PermissionDenied):
        proposal_accept(actor=getattr(personas, who), proposal=proposal)
    with pytest.raises(PermissionDenied):
        proposal_decline(actor=getattr(personas, who), proposal=proposal, note="x")


# --- comment ------------------------------------------------------------------------------


def test_a_staff_member_comments_in_the_thread(personas: Personas, unit: ServiceUnit) -> None:
    standard = make_standard(service_unit=unit)
    comment = standard_comment(actor=personas.supervisor, standard=standard, body="Bagus.")
    assert comment.body == "Bagus."
    assert AuditEvent.objects.filter(action="comment.added").count() == 1


def test_an_empty_comment_is_refused(personas: Personas, unit: ServiceUnit) -> None:
    standard = make_standard(service_unit=unit)
    with pytest.raises(ValidationError):
        standard_comment(actor=personas.supervisor, standard=standard, body=" ")


@pytest.mark.parametrize("who", ["agency_admin", "other_admin", "leader", "outsider"])
def test_only_the_units_staff_may_comment(personas: Personas, unit: ServiceUnit, who: str) -> None:
    standard = make_standard(service_unit=unit)
    with pytest.raises(PermissionDenied):
        standard_comment(actor=getattr(personas, who), standard=standard, body="Halo")


# --- approve ------------------------------------------------------------------------------


def test_the_head_approves_the_draft_as_version_one(personas: Personas, unit: ServiceUnit) -> None:
    standard = make_standard(service_unit=unit)
    version = standard_approve(actor=personas.appraiser_superior, standard=standard, revision=1)
    standard.refresh_from_db()
    assert version.number == 1
    assert standard.approved_version == 1
    assert standard.state == StandardState.APPROVED
    assert standard.approved_by == personas.appraiser_superior
    assert standard.approved_at
    assert _texts(standard, "published_text")["COST"] == "Tidak dipungut biaya."
    assert "  Tidak dipungut biaya." in version.lines
    assert "Dasar hukum: (kosong)" in version.lines
    assert AuditEvent.objects.filter(action="service_standard.approved").count() == 1
    assert AuditEvent.objects.filter(action="document_version.recorded").count() == 1


def test_a_second_approval_after_a_change_is_version_two(
    personas: Personas, unit: ServiceUnit
) -> None:
    standard = make_standard(service_unit=unit)
    standard_approve(actor=personas.appraiser_superior, standard=standard, revision=1)
    standard_edit(actor=personas.employee, standard=standard, texts={"COST": "Rp0."}, revision=1)
    version = standard_approve(actor=personas.appraiser_superior, standard=standard, revision=2)
    assert version.number == 2
    assert DocumentVersion.objects.count() == 2


def test_approving_with_nothing_changed_is_refused(personas: Personas, unit: ServiceUnit) -> None:
    standard = make_standard(service_unit=unit)
    standard_approve(actor=personas.appraiser_superior, standard=standard, revision=1)
    with pytest.raises(ValidationError) as refusal:
        standard_approve(actor=personas.appraiser_superior, standard=standard, revision=1)
    assert "sama dengan versi 1" in refusal.value.message_dict["revision"][0]


def test_approving_with_required_components_empty_names_them(
    personas: Personas, unit: ServiceUnit
) -> None:
    standard = make_standard(service_unit=unit, texts={"COST": "Gratis."})
    with pytest.raises(ValidationError) as refusal:
        standard_approve(actor=personas.appraiser_superior, standard=standard, revision=1)
    message = refusal.value.message_dict["components"][0]
    assert "Persyaratan, Sistem, mekanisme, dan prosedur, Jangka waktu penyelesaian" in message
    assert "Biaya/tarif" not in message
    assert not DocumentVersion.objects.exists()


def test_approving_an_older_revision_is_refused(personas: Personas, unit: ServiceUnit) -> None:
    standard = make_standard(service_unit=unit)
    standard_edit(actor=personas.employee, standard=standard, texts={"COST": "Rp0."}, revision=1)
    with pytest.raises(ValidationError) as refusal:
        standard_approve(actor=personas.appraiser_superior, standard=standard, revision=1)
    assert "revisi" in refusal.value.message_dict["revision"][0]


@pytest.mark.parametrize("who", ["employee", "supervisor", "agency_admin", "hr_admin", "leader"])
def test_only_the_head_approves(personas: Personas, unit: ServiceUnit, who: str) -> None:
    standard = make_standard(service_unit=unit)
    with pytest.raises(PermissionDenied):
        standard_approve(actor=getattr(personas, who), standard=standard, revision=1)
    assert not DocumentVersion.objects.exists()
