"""The objections API (/api/v1/objections/) from outside: every endpoint for every persona and
anonymous; never another employee's objection; ids that do not exist answer 404; GET on a
POST-only step answers 405; huge, empty, unicode and HTML values in every field answer 400
with a Bahasa Indonesia sentence under the field's name, and nothing is stored."""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import pytest
from django.test import Client

from kinerja.appeals.models import Objection, ObjectionState, ObjectionSubject
from kinerja.appeals.rules import TEXT_MAX
from kinerja.appeals.testing import STATEMENT, make_acknowledged_evaluation, make_objection
from kinerja.core.params import DB_ID_MAX
from kinerja.evaluation.models import Evaluation
from kinerja.monitoring.evidence.testing import evidence_storage_at, minimal_pdf, upload
from kinerja.people.testing import PERSONA_NAMES, Personas, assign, make_employee, make_position

pytestmark = pytest.mark.django_db

API = "/api/v1/objections/"
VIEWERS = {"employee", "supervisor", "appraiser_superior", "hr_admin", "auditor"}
STEPS = ["explanation", "answer", "decision", "withdrawal"]
OTHERS_STATEMENT = "Rahasia pegawai lain: capaian RHK 2 dihitung keliru oleh atasan saya."
MISSING = DB_ID_MAX
HUGE = "keberatan " * 600
UNICODE = "Nilai 💥 ✓ ñ 中文 العربية — “kutipan” \u200b"
MARKUP = '<script>alert("x")</script>'
HOSTILE: list[Any] = ["", "   ", HUGE, UNICODE, MARKUP, None, 12345, ["a"], {"a": 1}]
HOSTILE_IDS = ["kosong", "spasi", "besar", "unicode", "html", "null", "angka", "daftar", "objek"]
# A refusal in English (DRF's own messages untranslated) would use one of these.
ENGLISH = re.compile(r"\b(this field|ensure|must|required|may not|is not|not a valid)\b", re.I)


def _client(personas: Personas, name: str) -> Client:
    client = Client(raise_request_exception=False)
    if name != "anonymous":
        client.force_login(personas.all()[name])
    return client


def _post(client: Client, url: str, body: Any) -> Any:
    return client.post(url, json.dumps(body), content_type="application/json")


def _others(personas: Personas) -> Objection:
    """An objection of another employee of the same appraiser."""
    staff = personas.staff
    colleague = make_employee(name="Rina Rekan")
    post = make_position(
        agency=personas.agency, name="Pengadministrasi Umum", supervisor=staff.kasi_post,
        unit=staff.unit,
    )  # fmt: skip
    assign(colleague, post)
    evaluation = make_acknowledged_evaluation(personas=personas, employee=colleague)
    return make_objection(evaluation=evaluation, statement=OTHERS_STATEMENT)


def _assert_sentence_under(response: Any, where: str) -> list[str]:
    """A 400 with `{field: [sentence]}`; the fields named."""
    assert response.status_code == 400, f"{where}: {response.status_code}"
    errors = response.json()
    assert isinstance(errors, dict), where
    assert errors, where
    for field, messages in errors.items():
        assert isinstance(messages, list), f"{where} {field}"
        assert messages, f"{where} {field}"
        for message in messages:
            assert not ENGLISH.search(str(message)), f"{where}: {message}"
            assert str(message).strip().endswith("."), f"{where}: {message}"
    return list(errors)


@pytest.mark.parametrize("name", ["anonymous", *PERSONA_NAMES])
def test_each_endpoint_answers_each_persona_without_showing_others_objections(
    personas: Personas, name: str
) -> None:
    mine = make_objection(evaluation=make_acknowledged_evaluation(personas=personas))
    others = _others(personas)
    client = _client(personas, name)
    if name == "anonymous":
        for url in (API, f"{API}queue/", f"{API}{mine.pk}/"):
            assert client.get(url).status_code in (401, 403), url
        assert _post(client, API, {"statement": STATEMENT}).status_code in (401, 403)
        return

    listing = client.get(API)
    assert listing.status_code == 200
    ids = {row["id"] for row in listing.json()["results"]}
    assert ids == ({mine.pk} if name == "employee" else set())
    queue = client.get(f"{API}queue/")
    assert queue.status_code == 200
    assert OTHERS_STATEMENT not in queue.content.decode() or name in VIEWERS - {"employee"}
    queued = {row["id"] for row in _rows(queue.json())}
    expected = {"supervisor": {mine.pk, others.pk}, "appraiser_superior": {mine.pk, others.pk}}
    assert queued == expected.get(name, set())

    for objection in (mine, others):
        response = client.get(f"{API}{objection.pk}/")
        sees = name in VIEWERS and not (name == "employee" and objection == others)
        assert response.status_code == (200 if sees else 404), f"{name} {objection}"
        if not sees:
            assert objection.statement not in response.content.decode()


def _rows(body: Any) -> list[dict[str, Any]]:
    """The rows of a list answer: paginated `results`, or lists per box."""
    if isinstance(body, list):
        return body
    if "results" in body:
        return list(body["results"])
    rows: list[dict[str, Any]] = []
    for value in body.values():
        if isinstance(value, list):
            rows += [r for r in value if isinstance(r, dict)]
        elif isinstance(value, dict) and "results" in value:
            rows += list(value["results"])
    return rows


@pytest.mark.parametrize("step", STEPS)
def test_a_get_on_a_step_answers_405_and_a_missing_id_404(personas: Personas, step: str) -> None:
    objection = make_objection(evaluation=make_acknowledged_evaluation(personas=personas))
    for name in ("employee", "supervisor", "appraiser_superior"):
        client = _client(personas, name)
        assert client.get(f"{API}{objection.pk}/{step}/").status_code == 405, name
        assert _post(client, f"{API}{MISSING}/{step}/", {}).status_code == 404, name
    assert _client(personas, "employee").get(f"{API}{MISSING}/").status_code == 404


@pytest.mark.parametrize("name", PERSONA_NAMES)
def test_a_step_posted_by_someone_whose_turn_it_is_not_is_refused_and_changes_nothing(
    personas: Personas, name: str
) -> None:
    objection = make_objection(evaluation=make_acknowledged_evaluation(personas=personas))
    others = _others(personas)
    allowed = {
        "explanation": {"supervisor"},
        "answer": {"employee"},
        "decision": {"appraiser_superior"},
        "withdrawal": {"employee"},
    }
    text = "Alasan yang cukup panjang untuk diterima oleh aturan isian ini."
    body = {"explanation": text, "answer": text, "reason": text, "decision_reason": text,
            "accepted": True, "results_rating": "ABOVE"}  # fmt: skip
    client = _client(personas, name)
    for step, who in allowed.items():
        for target in (objection, others):
            if name in who:
                continue
            response = _post(client, f"{API}{target.pk}/{step}/", body)
            sees = name in VIEWERS and not (name == "employee" and target == others)
            assert response.status_code == (403 if sees else 404), f"{name} {step} {target}"
    for target in (objection, others):
        target.refresh_from_db()
        assert target.state == ObjectionState.FILED
    # Filing for someone else's evaluation is refused too.
    response = _post(
        client, API,
        {"evaluation_id": others.evaluation_id, "subject": "RESULTS", "statement": STATEMENT},
    )  # fmt: skip
    assert response.status_code in (400, 403, 404)
    assert Objection.objects.count() == 2


def _refused(field: str, value: Any) -> bool:
    """Whether `value` in `field` must be refused (else it is a fine value, not posted)."""
    if value is None or isinstance(value, list | dict):
        return True
    text = str(value)
    if field in CHOICES:
        return not (field == "behavior_rating" and not text.strip())
    if len(text) > TEXT_MAX:
        return True
    if field == "requested":
        return False
    return not text.strip() or (field == "statement" and len(text.strip()) < 20)


CHOICES = {"evaluation_id", "subject", "accepted", "results_rating", "behavior_rating"}


@pytest.mark.parametrize("value", HOSTILE, ids=HOSTILE_IDS)
def test_hostile_values_in_filing_come_back_as_400_naming_the_field(
    personas: Personas, value: Any
) -> None:
    evaluation = make_acknowledged_evaluation(personas=personas)
    client = _client(personas, "employee")
    good = {"evaluation_id": evaluation.pk, "subject": "RESULTS", "statement": STATEMENT}
    for field in ("evaluation_id", "subject", "statement", "requested"):
        if not _refused(field, value):
            continue
        response = _post(client, API, {**good, field: value})
        if field == "evaluation_id" and isinstance(value, int):
            assert response.status_code == 404  # no such evaluation
            continue
        fields = _assert_sentence_under(response, f"{field}={str(value)[:20]!r}")
        assert field in fields or "evaluation" in fields, fields
    assert not Objection.objects.filter(evaluation=evaluation).exists()


def test_a_too_long_statement_is_refused_naming_the_field_and_the_limit(
    personas: Personas,
) -> None:
    evaluation = make_acknowledged_evaluation(personas=personas)
    response = _post(
        _client(personas, "employee"),
        API,
        {"evaluation_id": evaluation.pk, "subject": ObjectionSubject.RESULTS, "statement": HUGE},
    )
    assert response.status_code == 400
    [sentence] = response.json()["statement"]
    assert "Alasan keberatan" in sentence
    assert f"{TEXT_MAX}" in sentence.replace(".", "")


def test_a_multipart_filing_with_a_file_that_is_not_accepted_is_refused_under_files(
    personas: Personas, tmp_path: Path
) -> None:
    evaluation = make_acknowledged_evaluation(personas=personas)
    with evidence_storage_at(tmp_path):
        response = _client(personas, "employee").post(
            API,
            {
                "evaluation_id": evaluation.pk, "subject": "RESULTS", "statement": STATEMENT,
                "files": [upload("bukan.pdf", b"MZ\x90 bukan"), upload("ok.pdf", minimal_pdf())],
            },
        )  # fmt: skip
    assert "files" in _assert_sentence_under(response, "files")
    assert not Objection.objects.exists()


@pytest.mark.parametrize("value", HOSTILE, ids=HOSTILE_IDS)
@pytest.mark.parametrize(
    ("state", "name", "step", "fields"),
    [
        (ObjectionState.FILED, "supervisor", "explanation", ["explanation"]),
        (ObjectionState.EXPLAINED, "employee", "answer", ["answer"]),
        (
            ObjectionState.EXPLAINED, "appraiser_superior", "decision",
            ["accepted", "decision_reason", "results_rating", "behavior_rating"],
        ),
    ],
)  # fmt: skip
def test_hostile_values_in_a_step_come_back_as_400_naming_the_field(
    personas: Personas, value: Any, state: str, name: str, step: str, fields: list[str]
) -> None:
    evaluation = make_acknowledged_evaluation(personas=personas)
    objection = make_objection(evaluation=evaluation, state=state)
    before = Evaluation.objects.get(pk=evaluation.pk).predikat
    client = _client(personas, name)
    text = "Penjelasan yang cukup panjang untuk diterima oleh aturan isian ini."
    good: dict[str, Any] = {
        "explanation": text, "answer": text, "accepted": True, "decision_reason": text,
        "results_rating": "ABOVE", "behavior_rating": "",
    }  # fmt: skip
    for field in fields:
        if not _refused(field, value):
            continue
        response = _post(client, f"{API}{objection.pk}/{step}/", {**good, field: value})
        named = _assert_sentence_under(response, f"{step} {field}={str(value)[:20]!r}")
        assert field in named or "non_field_errors" in named, named
    objection.refresh_from_db()
    assert objection.state == state
    assert Evaluation.objects.get(pk=evaluation.pk).predikat == before
