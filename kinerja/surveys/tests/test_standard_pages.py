"""Pages of the service standard: the staff workspace, its actions, the approval page, a
version, the public approved standard; and the unit's list of services."""

from __future__ import annotations

import re

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from kinerja.core.testing import headings, page_text
from kinerja.discussions.models import Comment
from kinerja.organization.models import ServiceUnit
from kinerja.people.testing import AGENCY_READERS, PERSONA_NAMES, Personas
from kinerja.surveys.models import (
    ProposalState,
    Service,
    ServiceStandard,
    StandardProposal,
)
from kinerja.surveys.services.proposals import (
    standard_propose,
)
from kinerja.surveys.services.standards import (
    standard_approve,
)
from kinerja.surveys.testing import make_service, make_service_unit, make_standard

pytestmark = pytest.mark.django_db

READERS = AGENCY_READERS
STAFF = {"employee", "supervisor", "appraiser_superior"}
MANAGERS = {"appraiser_superior", "agency_admin", "hr_admin"}
EVERYONE = PERSONA_NAMES


@pytest.fixture
def unit(personas: Personas) -> ServiceUnit:
    return make_service_unit(unit=personas.staff.unit, name="Loket Adminduk", slug="loket-uji")


def _client(personas: Personas, name: str) -> Client:
    client = Client()
    client.force_login(personas.all()[name])
    return client


def _url(name: str, unit: ServiceUnit, **kwargs: object) -> str:
    return reverse(f"surveys:{name}", kwargs={"slug": unit.slug, **kwargs})


# --- authorisation per persona -----------------------------------------------------------


@pytest.mark.parametrize("name", EVERYONE)
def test_the_workspace_shows_to_who_reads_the_units_survey_and_no_one_else(
    personas: Personas, unit: ServiceUnit, name: str
) -> None:
    make_standard(service_unit=unit)
    response = _client(personas, name).get(_url("standard", unit))
    if name in READERS:
        assert response.status_code == 200
        assert "Standar pelayanan Loket Adminduk" in headings(response.content)
        text = page_text(response.content)
        assert ("Simpan draf" in text) == (name in STAFF or name in {"agency_admin", "hr_admin"})
        assert ("Ajukan usul" in text) == (name in STAFF)
        assert ("Setujui standar" in text) == (name == "appraiser_superior")
    else:
        assert response.status_code == 403
        assert "Loket Adminduk" not in page_text(response.content)


def test_an_anonymous_visitor_is_sent_to_the_login_page(unit: ServiceUnit) -> None:
    response = Client().get(_url("standard", unit))
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("accounts:login"))


def test_an_unknown_unit_is_404(personas: Personas) -> None:
    response = _client(personas, "employee").get("/skm/tidak-ada/standar/")
    assert response.status_code == 404


@pytest.mark.parametrize("name", EVERYONE)
def test_the_approval_page_is_the_heads_alone(
    personas: Personas, unit: ServiceUnit, name: str
) -> None:
    make_standard(service_unit=unit)
    response = _client(personas, name).get(_url("standard_approve", unit))
    assert response.status_code == (200 if name == "appraiser_superior" else 403)


@pytest.mark.parametrize("name", EVERYONE)
def test_a_version_page_shows_to_readers(personas: Personas, unit: ServiceUnit, name: str) -> None:
    standard = make_standard(service_unit=unit)
    standard_approve(actor=personas.appraiser_superior, standard=standard, revision=1)
    response = _client(personas, name).get(_url("standard_version", unit, number=1))
    assert response.status_code == (200 if name in READERS else 403)
    if name in READERS:
        assert "Isi versi pertama" in page_text(response.content)


@pytest.mark.parametrize("name", EVERYONE)
def test_the_services_page_lists_to_readers_and_lets_managers_add(
    personas: Personas, unit: ServiceUnit, name: str
) -> None:
    make_service(service_unit=unit, name="Perekaman KTP-el")
    client = _client(personas, name)
    response = client.get(_url("services", unit))
    assert response.status_code == (200 if name in READERS else 403)
    if name in READERS:
        text = page_text(response.content)
        assert "Perekaman KTP-el" in text
        assert ("Tambah jenis layanan" in text) == (name in MANAGERS)
    posted = client.post(_url("services", unit), {"name": "Akta Kelahiran"})
    assert posted.status_code == (302 if name in MANAGERS else 403)
    assert Service.objects.filter(name="Akta Kelahiran").exists() == (name in MANAGERS)


@pytest.mark.parametrize("name", ["employee", "appraiser_superior", "agency_admin", "other_admin",
                                  "leader", "outsider"])  # fmt: skip
def test_the_service_edit_page_is_for_managers(
    personas: Personas, unit: ServiceUnit, name: str
) -> None:
    service = make_service(service_unit=unit, name="Perekaman KTP-el")
    response = _client(personas, name).get(_url("service_edit", unit, service_id=service.pk))
    expected = 200 if name in MANAGERS else 403
    assert response.status_code == expected


def test_the_service_list_costs_the_same_queries_for_few_and_many(
    personas: Personas, unit: ServiceUnit
) -> None:
    client = _client(personas, "agency_admin")
    make_service(service_unit=unit)
    client.get(_url("services", unit))
    with CaptureQueriesContext(connection) as few:
        client.get(_url("services", unit))
    for _ in range(30):
        make_service(service_unit=unit)
    with CaptureQueriesContext(connection) as many:
        response = client.get(_url("services", unit))
    assert response.status_code == 200
    assert len(many) == len(few)


# --- the services page: add, rename, deactivate --------------------------------------------


def test_a_duplicate_service_name_is_refused_on_the_page_and_kept_in_the_field(
    personas: Personas, unit: ServiceUnit
) -> None:
    make_service(service_unit=unit, name="Perekaman KTP-el")
    response = _client(personas, "agency_admin").post(
        _url("services", unit), {"name": "perekaman ktp-el"}
    )
    assert response.status_code == 400
    text = page_text(response.content)
    assert (
        "Nama jenis layanan: jenis layanan “perekaman ktp-el” sudah ada di Loket Adminduk" in text
    )
    assert 'value="perekaman ktp-el"' in response.content.decode()
    assert Service.objects.count() == 1


def test_a_service_is_renamed_and_deactivated(personas: Personas, unit: ServiceUnit) -> None:
    service = make_service(service_unit=unit, name="Perekaman KTP-el")
    response = _client(personas, "appraiser_superior").post(
        _url("service_edit", unit, service_id=service.pk), {"name": "Perekaman KTP elektronik"}
    )
    assert response.status_code == 302
    service.refresh_from_db()
    assert service.name == "Perekaman KTP elektronik"
    assert not service.is_active
    listing = _client(personas, "employee").get(_url("services", unit))
    assert "Perekaman KTP elektronik Nonaktif" in page_text(listing.content)


def test_a_service_of_another_unit_is_404(personas: Personas, unit: ServiceUnit) -> None:
    other = make_service_unit(unit=personas.staff.unit)
    service = make_service(service_unit=other)
    response = _client(personas, "agency_admin").get(
        _url("service_edit", unit, service_id=service.pk)
    )
    assert response.status_code == 404


# --- the workspace: actions and refusals ----------------------------------------------------


def test_staff_start_the_standard_from_the_empty_workspace(
    personas: Personas, unit: ServiceUnit
) -> None:
    client = _client(personas, "employee")
    assert "Standar pelayanan belum dimulai" in page_text(
        client.get(_url("standard", unit)).content
    )
    response = client.post(_url("standard_start", unit))
    assert response.status_code == 302
    assert ServiceStandard.objects.filter(service_unit=unit).exists()


def test_a_reader_who_is_not_staff_cannot_start_or_act(
    personas: Personas, unit: ServiceUnit
) -> None:
    client = _client(personas, "leader")
    assert client.post(_url("standard_start", unit)).status_code == 403
    make_standard(service_unit=unit)
    assert client.post(_url("standard_endorse", unit)).status_code == 403
    assert client.post(_url("standard_comment", unit), {"body": "x"}).status_code == 403


def test_saving_on_a_stale_revision_is_refused_and_keeps_the_typed_text(
    personas: Personas, unit: ServiceUnit
) -> None:
    make_standard(service_unit=unit)
    client = _client(personas, "employee")
    client.post(_url("standard_save", unit), {"revision": "1", "COST": "Rp1.000."})
    response = _client(personas, "supervisor").post(
        _url("standard_save", unit), {"revision": "1", "COST": "Rp2.000, teks saya."}
    )
    assert response.status_code == 400
    text = page_text(response.content)
    assert "Draf sudah disimpan orang lain (kini revisi 2)" in text
    assert "Rp2.000, teks saya." in text
    assert ServiceStandard.objects.get().components.get(kind="COST").draft_text == "Rp1.000."


def test_a_hostile_revision_is_refused_politely(personas: Personas, unit: ServiceUnit) -> None:
    make_standard(service_unit=unit)
    response = _client(personas, "employee").post(
        _url("standard_save", unit), {"revision": "99999999999999999999", "COST": "a"}
    )
    assert response.status_code == 400


def test_endorsing_shows_the_name_under_the_current_revision(
    personas: Personas, unit: ServiceUnit
) -> None:
    make_standard(service_unit=unit)
    client = _client(personas, "employee")
    assert client.post(_url("standard_endorse", unit)).status_code == 302
    text = page_text(client.get(_url("standard", unit)).content)
    assert "Dukungan atas revisi 1" in text
    assert personas.staff.employee.full_name in text
    assert "Anda sudah mendukung revisi ini." in text
    again = client.post(_url("standard_endorse", unit))
    assert again.status_code == 400
    assert "sudah mendukung revisi 1" in page_text(again.content)


def test_an_empty_proposal_is_refused_and_the_reason_kept(
    personas: Personas, unit: ServiceUnit
) -> None:
    make_standard(service_unit=unit)
    response = _client(personas, "employee").post(
        _url("standard_propose", unit),
        {"usul-kind": "TIME", "usul-text": "", "usul-reason": "Alasan saya"},
    )
    assert response.status_code == 400
    text = page_text(response.content)
    assert "Usulan isi wajib diisi." in text
    assert "Alasan saya" in text
    assert not StandardProposal.objects.exists()


def test_declining_without_a_note_shows_the_refusal_under_that_proposal(
    personas: Personas, unit: ServiceUnit
) -> None:
    standard = make_standard(service_unit=unit)
    proposal = standard_propose(
        actor=personas.employee, standard=standard, kind="COST", text="Rp5.000."
    )
    prefix = f"usul-{proposal.pk}"
    response = _client(personas, "appraiser_superior").post(
        _url("standard_decide", unit, proposal_id=proposal.pk),
        {f"{prefix}-decision": "tolak", f"{prefix}-note": ""},
    )
    assert response.status_code == 400
    assert "Catatan keputusan: catatan penolakan kosong tidak diterima" in page_text(
        response.content
    )
    proposal.refresh_from_db()
    assert proposal.state == ProposalState.OPEN


def test_staff_may_not_decide_a_proposal(personas: Personas, unit: ServiceUnit) -> None:
    standard = make_standard(service_unit=unit)
    proposal = standard_propose(actor=personas.employee, standard=standard, kind="COST", text="A")
    prefix = f"usul-{proposal.pk}"
    response = _client(personas, "supervisor").post(
        _url("standard_decide", unit, proposal_id=proposal.pk),
        {f"{prefix}-decision": "terima", f"{prefix}-note": ""},
    )
    assert response.status_code == 403


def test_a_comment_is_added_and_an_empty_one_refused(personas: Personas, unit: ServiceUnit) -> None:
    make_standard(service_unit=unit)
    client = _client(personas, "supervisor")
    assert client.post(_url("standard_comment", unit), {"body": "Setuju."}).status_code == 302
    assert Comment.objects.get().body == "Setuju."
    refused = client.post(_url("standard_comment", unit), {"body": ""})
    assert refused.status_code == 400
    assert "Komentar wajib diisi." in page_text(refused.content)


def test_approving_with_an_empty_required_component_names_it_on_the_page(
    personas: Personas, unit: ServiceUnit
) -> None:
    make_standard(service_unit=unit, texts={"COST": "Gratis."})
    response = _client(personas, "appraiser_superior").post(
        _url("standard_approve", unit), {"revision": "1"}
    )
    assert response.status_code == 400
    assert "Komponen wajib masih kosong: Persyaratan" in page_text(response.content)


# --- the public page --------------------------------------------------------------------------


def test_the_public_page_says_when_no_standard_is_approved(unit: ServiceUnit) -> None:
    make_standard(service_unit=unit, texts={"COST": "Draf rahasia."})
    response = Client().get(reverse("survey_public:standard", kwargs={"slug": unit.slug}))
    assert response.status_code == 200
    text = page_text(response.content)
    assert "Standar pelayanan unit ini belum ditetapkan" in text
    assert "Draf rahasia." not in text


def test_the_public_page_shows_the_approved_text_never_the_newer_draft(
    personas: Personas, unit: ServiceUnit
) -> None:
    standard = make_standard(service_unit=unit)
    standard_approve(actor=personas.appraiser_superior, standard=standard, revision=1)
    _client(personas, "employee").post(
        _url("standard_save", unit), {"revision": "1", "COST": "Rp99.000 (draf)."}
    )
    response = Client().get(reverse("survey_public:standard", kwargs={"slug": unit.slug}))
    text = page_text(response.content)
    assert "Versi 1, ditetapkan" in text
    assert "Biaya/tarif Tidak dipungut biaya." in text
    assert "Rp99.000" not in text
    assert "Dasar hukum" not in text  # empty components are left out
    assert "Isi survei kepuasan" in text


def test_the_public_page_of_an_unknown_unit_is_404() -> None:
    assert Client().get("/s/tidak-ada/standar/").status_code == 404


# --- acceptance --------------------------------------------------------------------------------


def test_a_staff_members_proposal_appears_in_the_thread_and_once_approved_on_the_public_page(
    personas: Personas, unit: ServiceUnit
) -> None:
    make_standard(service_unit=unit)
    employee = _client(personas, "employee")
    head = _client(personas, "appraiser_superior")
    employee.post(
        _url("standard_propose", unit),
        {
            "usul-kind": "TIME",
            "usul-text": "Selesai dalam 2 jam.",
            "usul-reason": "Cetak di loket.",
        },
    )
    thread = page_text(head.get(_url("standard", unit)).content)
    assert "Usul perubahan Jangka waktu penyelesaian: Selesai dalam 2 jam." in thread
    proposal = StandardProposal.objects.get()
    prefix = f"usul-{proposal.pk}"
    head.post(
        _url("standard_decide", unit, proposal_id=proposal.pk),
        {f"{prefix}-decision": "terima", f"{prefix}-note": "Setuju."},
    )
    public_url = reverse("survey_public:standard", kwargs={"slug": unit.slug})
    assert "Selesai dalam 2 jam." not in page_text(Client().get(public_url).content)
    response = head.post(_url("standard_approve", unit), {"revision": "2"})
    assert response.status_code == 302
    public = page_text(Client().get(public_url).content)
    assert "Jangka waktu penyelesaian Selesai dalam 2 jam." in public
    assert "Versi 1" in public


# --- hostile input ------------------------------------------------------------------------------

HOSTILE = [str(2**70), "satu", "x" * 5001, "-1"]


@pytest.mark.parametrize("name", ["employee", "appraiser_superior", "agency_admin", "outsider"])
def test_hostile_form_values_never_cause_a_server_error(
    personas: Personas, unit: ServiceUnit, name: str
) -> None:
    standard = make_standard(service_unit=unit)
    proposal = standard_propose(actor=personas.employee, standard=standard, kind="COST", text="A")
    service = make_service(service_unit=unit)
    client = Client(raise_request_exception=False)
    client.force_login(personas.all()[name])
    urls = [
        _url("standard", unit),
        _url("standard_start", unit),
        _url("standard_save", unit),
        _url("standard_endorse", unit),
        _url("standard_propose", unit),
        _url("standard_decide", unit, proposal_id=proposal.pk),
        _url("standard_comment", unit),
        _url("standard_approve", unit),
        _url("services", unit),
        _url("service_edit", unit, service_id=service.pk),
    ]
    page = _client(personas, "appraiser_superior").get(_url("standard", unit)).content.decode()
    names = set(re.findall(r'\bname="([^"]+)"', page)) | {"name", "is_active"}
    names.discard("csrfmiddlewaretoken")
    for url in urls:
        for value in HOSTILE:
            response = client.post(url, dict.fromkeys(names, value))
            assert response.status_code < 500, (url, value)
            assert client.get(url, {"halaman": value}).status_code < 500
