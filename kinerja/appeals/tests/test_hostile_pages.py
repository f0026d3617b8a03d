"""The appeals pages from outside: every URL of `appeals` for every persona and anonymous.

No answer is a server error; whoever may not see an objection gets 403/404 and never a word of
it; ids that do not exist answer 404; the POST-only endpoints answer 405 to GET; a POST by
someone whose turn it is not changes nothing; huge, empty, unicode and HTML values in every
field of every form come back as the page with a Bahasa Indonesia sentence (200 or 400), never
stored as markup.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client

from kinerja.appeals.models import Objection, ObjectionState, ObjectionSubject
from kinerja.appeals.rules import TEXT_MAX
from kinerja.appeals.services.filing import objection_file
from kinerja.appeals.testing import STATEMENT, make_acknowledged_evaluation, make_objection
from kinerja.core.params import DB_ID_MAX
from kinerja.core.testing import page_text, post_forms
from kinerja.evaluation.models import Evaluation
from kinerja.monitoring.evidence.testing import evidence_storage_at, minimal_pdf
from kinerja.people.testing import PERSONA_NAMES, Personas, assign, make_employee, make_position

pytestmark = pytest.mark.django_db

LOGIN = "/akun/masuk/"
VIEWERS = {"employee", "supervisor", "appraiser_superior", "hr_admin", "auditor"}
RECORD_READERS = {"hr_admin", "auditor"}
STATISTICS_READERS = {"hr_admin", "leader"}
POST_ONLY = ["penjelasan", "tanggapan", "putusan", "cabut"]
OTHERS_STATEMENT = "Rahasia pegawai lain: capaian RHK 2 dihitung keliru oleh atasan saya."
MISSING = str(DB_ID_MAX)
HUGE = "keberatan " * 600  # 6.000 characters, past TEXT_MAX
UNICODE = "Nilai 💥 ✓ ñ 中文 العربية — “kutipan” \u200b"
MARKUP = '<script>alert("x")</script><b onmouseover=alert(1)>tebal</b>'
HOSTILE = ["", "   ", HUGE, UNICODE, MARKUP, "x" * 100_000]
HOSTILE_IDS = ["kosong", "spasi", "besar", "unicode", "html", "raksasa"]


@dataclass
class Case:
    evaluation: Evaluation
    objection: Objection
    attachment_id: int
    others: Objection


@pytest.fixture
def case(personas: Personas, tmp_path: Path) -> Any:
    """The employee's objection (filed through the service, with a PDF attached) and an
    objection of another employee of the same appraiser, whose words nobody else may read."""
    with evidence_storage_at(tmp_path / "bukti"):
        evaluation = make_acknowledged_evaluation(personas=personas)
        objection = objection_file(
            actor=personas.employee,
            evaluation=evaluation,
            subject=ObjectionSubject.RESULTS,
            statement=STATEMENT,
            files=[SimpleUploadedFile("notulen.pdf", minimal_pdf("Notulen"), "application/pdf")],
        )
        staff = personas.staff
        colleague = make_employee(name="Rina Rekan")
        assign(
            colleague,
            make_position(
                agency=personas.agency, name="Pengadministrasi Umum", supervisor=staff.kasi_post,
                unit=staff.unit,
            ),
        )  # fmt: skip
        others = make_objection(
            evaluation=make_acknowledged_evaluation(personas=personas, employee=colleague),
            statement=OTHERS_STATEMENT,
        )
        yield Case(evaluation, objection, objection.attachments.get().pk, others)


def _client(personas: Personas, name: str) -> Client:
    client = Client(raise_request_exception=False)
    if name != "anonymous":
        client.force_login(personas.all()[name])
    return client


def _leaks(response: Any) -> bool:
    """Whether an answer shows the other employee's objection or the employee's statement."""
    body = response.content.decode("utf-8", "replace")
    return OTHERS_STATEMENT in body or STATEMENT in body or "Rina Rekan" in body


def _assert_refused(response: Any, name: str, url: str, *, may_see: bool = False) -> None:
    """Refused: the login page for anonymous, else 403/404; and, unless the persona may read
    the objection anyway (a viewer refused a step), not a word of it."""
    if name == "anonymous":
        assert response.status_code == 302, url
        assert response["Location"].startswith(LOGIN), url
    else:
        assert response.status_code in (403, 404), f"{name} {url}: {response.status_code}"
    if not may_see:
        assert not _leaks(response), f"{name} {url}"


@pytest.mark.parametrize("name", ["anonymous", *PERSONA_NAMES])
def test_the_objection_pages_open_only_for_those_who_may_see_them(
    personas: Personas, case: Case, name: str
) -> None:
    client = _client(personas, name)
    pk = case.objection.pk
    detail = f"/keberatan/{pk}/"
    attachment = f"/keberatan/{pk}/lampiran/{case.attachment_id}/"
    for url in (detail, attachment):
        response = client.get(url)
        if name in VIEWERS:
            assert response.status_code == 200, f"{name} {url}"
        else:
            _assert_refused(response, name, url)
    if name in VIEWERS:
        assert STATEMENT in page_text(client.get(detail).content)
        download = client.get(attachment)
        assert download["Content-Disposition"].startswith("attachment")
        assert b"".join(download).startswith(b"%PDF-")
    record = client.get(f"/keberatan/{pk}/rekam/")
    if name in RECORD_READERS:
        assert record.status_code == 200
    else:
        _assert_refused(record, name, "rekam")
    # The letter exists only once decided.
    letter = client.get(f"/keberatan/{pk}/surat/")
    if name == "anonymous":
        _assert_refused(letter, name, "surat")
    else:
        assert letter.status_code == 404


@pytest.mark.parametrize("name", ["anonymous", *PERSONA_NAMES])
def test_nobody_but_the_viewers_of_the_other_objection_reads_it(
    personas: Personas, case: Case, name: str
) -> None:
    client = _client(personas, name)
    pk = case.others.pk
    response = client.get(f"/keberatan/{pk}/")
    if name in VIEWERS - {"employee"}:
        assert response.status_code == 200
        assert OTHERS_STATEMENT in page_text(response.content)
    else:
        _assert_refused(response, name, f"/keberatan/{pk}/")
    listing = client.get("/keberatan/")
    if name == "anonymous":
        _assert_refused(listing, name, "/keberatan/")
    else:
        assert listing.status_code in (200, 403)
        assert OTHERS_STATEMENT not in page_text(listing.content)
        if name not in VIEWERS - {"employee"}:
            assert "Rina Rekan" not in page_text(listing.content)


@pytest.mark.parametrize("name", ["anonymous", *PERSONA_NAMES])
def test_the_explanation_and_the_timeline_open_for_whoever_sees_the_evaluation(
    personas: Personas, case: Case, name: str
) -> None:
    client = _client(personas, name)
    pk = case.evaluation.pk
    evaluation_page = client.get(f"/penilaian/{pk}/")
    for url in (f"/penilaian/{pk}/penjelasan/", f"/penilaian/{pk}/riwayat/"):
        response = client.get(url)
        if evaluation_page.status_code == 200:
            assert response.status_code == 200, f"{name} {url}"
            assert personas.staff.employee.full_name in page_text(response.content)
        elif name == "anonymous":
            assert response.status_code == 302
            assert response["Location"].startswith(LOGIN)
        else:
            assert response.status_code in (403, 404), f"{name} {url}"
            assert personas.staff.employee.full_name not in page_text(response.content)


@pytest.mark.parametrize("name", ["anonymous", *PERSONA_NAMES])
def test_the_filing_form_is_the_rated_employees_alone(
    personas: Personas, case: Case, name: str
) -> None:
    client = _client(personas, name)
    for evaluation_id in (case.evaluation.pk, case.others.evaluation_id):
        url = f"/penilaian/{evaluation_id}/keberatan/"
        response = client.get(url)
        if name in VIEWERS and evaluation_id == case.evaluation.pk:
            # Already objected: the form sends whoever may read the objection to it.
            assert response.status_code == 302
            assert response["Location"].endswith(f"/keberatan/{case.objection.pk}/")
        elif name in VIEWERS - {"employee"} and evaluation_id == case.others.evaluation_id:
            assert response.status_code in (302, 403, 404)
        else:
            _assert_refused(response, name, url)
        posted = client.post(url, {"subject": "RESULTS", "statement": "x" * 40})
        assert posted.status_code < 500
    assert Objection.objects.count() == 2


@pytest.mark.parametrize("name", ["anonymous", *PERSONA_NAMES])
def test_statistics_are_for_bkpsdm_and_pimpinan(personas: Personas, case: Case, name: str) -> None:
    response = _client(personas, name).get("/keberatan/statistik/")
    if name in STATISTICS_READERS:
        assert response.status_code == 200
    elif name == "anonymous":
        assert response.status_code == 302
    else:
        assert response.status_code in (403, 404)
    assert OTHERS_STATEMENT not in response.content.decode()


@pytest.mark.parametrize("step", POST_ONLY)
def test_a_get_on_a_post_only_step_answers_405(personas: Personas, case: Case, step: str) -> None:
    for name in ("employee", "supervisor", "appraiser_superior"):
        response = _client(personas, name).get(f"/keberatan/{case.objection.pk}/{step}/")
        assert response.status_code == 405, f"{name} {step}"


@pytest.mark.parametrize("name", ["anonymous", *PERSONA_NAMES])
def test_a_step_posted_by_someone_whose_turn_it_is_not_changes_nothing(
    personas: Personas, case: Case, name: str
) -> None:
    client = _client(personas, name)
    allowed = {
        "penjelasan": {"supervisor"},
        "tanggapan": {"employee"},
        "putusan": {"appraiser_superior"},
        "cabut": {"employee"},
    }
    text = "Alasan yang cukup panjang untuk diterima oleh aturan isian ini."
    data = {
        "explanation": text, "answer": text, "reason": text, "decision_reason": text,
        "decision": "terima", "results_rating": "ABOVE",
    }  # fmt: skip
    for step, who in allowed.items():
        if name in who:
            continue
        for objection in (case.objection, case.others):
            url = f"/keberatan/{objection.pk}/{step}/"
            response = client.post(url, data)
            sees = name in VIEWERS and not (name == "employee" and objection == case.others)
            _assert_refused(response, name, url, may_see=sees)
    case.objection.refresh_from_db()
    case.others.refresh_from_db()
    assert (case.objection.state, case.others.state) == (ObjectionState.FILED,) * 2
    assert case.objection.explanation == ""
    assert case.objection.decision_reason == ""


@pytest.mark.parametrize(
    "url",
    [
        "/keberatan/{missing}/",
        "/keberatan/{missing}/rekam/",
        "/keberatan/{missing}/surat/",
        "/keberatan/{pk}/lampiran/{missing}/",
        "/keberatan/{missing}/lampiran/{attachment}/",
        "/penilaian/{missing}/keberatan/",
        "/penilaian/{missing}/penjelasan/",
        "/penilaian/{missing}/riwayat/",
    ],
)
def test_ids_that_do_not_exist_answer_404(personas: Personas, case: Case, url: str) -> None:
    filled = url.format(missing=MISSING, pk=case.objection.pk, attachment=case.attachment_id)
    for name in ("employee", "hr_admin", "auditor"):
        assert _client(personas, name).get(filled).status_code == 404, f"{name} {filled}"


@pytest.mark.parametrize("step", POST_ONLY)
def test_posting_to_an_objection_that_does_not_exist_answers_404(
    personas: Personas, case: Case, step: str
) -> None:
    for name in ("employee", "supervisor", "appraiser_superior"):
        response = _client(personas, name).post(f"/keberatan/{MISSING}/{step}/", {"x": "1"})
        assert response.status_code == 404


# --- hostile values in every form --------------------------------------------------------------


def _assert_answered_with_a_sentence(response: Any, where: str) -> None:
    assert response.status_code in (200, 302, 400), f"{where}: {response.status_code}"
    body = response.content.decode("utf-8", "replace")
    assert "<script>alert" not in body, where
    assert "<b onmouseover" not in body, where
    if response.status_code == 400:
        text = page_text(response.content)
        assert re.search(r"(wajib|paling|tidak|hanya|pilih|belum|sudah|batas)", text, re.I), where


def _walk_forms(client: Client, url: str, value: str) -> list[str]:
    """Post `value` into every field of every POST form of `url`; the actions walked."""
    page = client.get(url, follow=True)
    assert page.status_code == 200, url
    walked = []
    for action, fields in post_forms(page.content).items():
        target = action or url
        if not target.startswith(("/keberatan/", "/penilaian/")):
            continue
        data: dict[str, Any] = dict.fromkeys(fields, value)
        if value == "":
            data = {}
        response = client.post(target, data)
        _assert_answered_with_a_sentence(response, f"{target} {value[:20]!r}")
        if response.status_code == 302:  # accepted: what was stored shows as text
            shown = client.get(url, follow=True)
            _assert_answered_with_a_sentence(shown, f"{target} → {url}")
        walked.append(target)
    return walked


@pytest.mark.parametrize("value", HOSTILE, ids=HOSTILE_IDS)
def test_hostile_values_in_the_filing_form_come_back_with_a_sentence(
    personas: Personas, tmp_path: Path, value: str
) -> None:
    with evidence_storage_at(tmp_path):
        evaluation = make_acknowledged_evaluation(personas=personas)
        client = _client(personas, "employee")
        url = f"/penilaian/{evaluation.pk}/keberatan/"
        assert _walk_forms(client, url, value)
        # Every field filled with the value (the choice too): nothing is stored.
        assert not Objection.objects.filter(evaluation=evaluation).exists()


def test_too_long_statement_is_refused_naming_the_field_and_the_limit(
    personas: Personas, tmp_path: Path
) -> None:
    with evidence_storage_at(tmp_path):
        evaluation = make_acknowledged_evaluation(personas=personas)
        client = _client(personas, "employee")
        response = client.post(
            f"/penilaian/{evaluation.pk}/keberatan/",
            {"subject": ObjectionSubject.RESULTS, "statement": HUGE},
        )
    assert response.status_code in (200, 400)
    text = page_text(response.content)
    assert f"paling banyak {TEXT_MAX}" in text.replace(".", "")
    assert "alasan keberatan" in text.lower()
    assert not Objection.objects.exists()


def test_a_stored_statement_with_markup_is_shown_as_text(
    personas: Personas, tmp_path: Path
) -> None:
    with evidence_storage_at(tmp_path):
        evaluation = make_acknowledged_evaluation(personas=personas)
        objection = make_objection(evaluation=evaluation, statement=MARKUP + " " + UNICODE)
        for name in ("employee", "supervisor", "appraiser_superior", "auditor"):
            body = _client(personas, name).get(f"/keberatan/{objection.pk}/").content.decode()
            assert "<script>alert" not in body
            assert "&lt;script&gt;" in body
            assert "中文" in body


@pytest.mark.parametrize("value", HOSTILE, ids=HOSTILE_IDS)
@pytest.mark.parametrize(
    ("state", "name"),
    [
        (ObjectionState.FILED, "supervisor"),  # the explanation form
        (ObjectionState.FILED, "employee"),  # the withdrawal form
        (ObjectionState.EXPLAINED, "employee"),  # the answer form
        (ObjectionState.EXPLAINED, "appraiser_superior"),  # the decision form
    ],
)
def test_hostile_values_in_the_step_forms_come_back_with_a_sentence(
    personas: Personas, tmp_path: Path, value: str, state: str, name: str
) -> None:
    with evidence_storage_at(tmp_path):
        evaluation = make_acknowledged_evaluation(personas=personas)
        objection = make_objection(evaluation=evaluation, state=state)
        before = Evaluation.objects.get(pk=evaluation.pk).predikat
        walked = _walk_forms(_client(personas, name), f"/keberatan/{objection.pk}/", value)
    assert walked, f"{name} sees no form on a {state} objection"
    objection.refresh_from_db()
    # (the employee's forms include the withdrawal, whose reason may be anything or nothing)
    if name != "employee" and (value.strip() == "" or len(value) > TEXT_MAX):
        assert objection.state == state
    # A rating is never one of these values: the evaluation is untouched.
    assert Evaluation.objects.get(pk=evaluation.pk).predikat == before
