"""The competency development API (/api/v1/training-courses/, /api/v1/development-plans/) from
outside: every endpoint for every persona and anonymous; never another employee's plan; ids
that do not exist answer 404; GET on a POST-only endpoint answers 405; empty, huge, unicode,
HTML and wrongly typed values, JP and dates outside what is accepted, and certificates that are
not allowed answer 400 with a Bahasa Indonesia sentence under the field's name, and nothing is
stored."""

from __future__ import annotations

import json
import re
from datetime import timedelta
from pathlib import Path
from typing import Any

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.utils import timezone

from kinerja.core.params import DB_ID_MAX
from kinerja.learning.models import DevelopmentItem, DevelopmentPlan, ItemState, PlanState
from kinerja.learning.testing import (
    make_competency,
    make_course,
    make_development_plan,
    make_item,
)
from kinerja.monitoring.evidence.testing import REFUSED_SAMPLES, evidence_storage_at, minimal_pdf
from kinerja.people.testing import (
    AGENCY_READERS,
    PERSONA_NAMES,
    Personas,
    assign,
    make_employee,
    make_position,
)
from kinerja.planning.testing import make_open_period

pytestmark = pytest.mark.django_db

API = "/api/v1/"
PLAN_VIEWERS = set(AGENCY_READERS)
SECRET = "Rahasia pegawai lain: pelatihan pemulihan kinerja setelah teguran tertulis"
MISSING = DB_ID_MAX
HUGE = "pelatihan " * 600
UNICODE = "Belajar 💥 ✓ ñ 中文 العربية — “kutipan” \u200b"
MARKUP = '<script>alert("x")</script>'
HOSTILE: list[Any] = ["", "   ", HUGE, UNICODE, MARKUP, None, -5, 10**12, ["a"], {"a": 1}]
HOSTILE_IDS = [
    "kosong", "spasi", "besar", "unicode", "html", "null", "negatif", "raksasa", "daftar", "objek",
]  # fmt: skip
# A refusal in English (DRF's own messages untranslated) would use one of these.
ENGLISH = re.compile(r"\b(this field|ensure|must|required|may not|is not|not a valid)\b", re.I)


def _client(personas: Personas, name: str) -> Client:
    client = Client(raise_request_exception=False)
    if name != "anonymous":
        client.force_login(personas.all()[name])
    return client


def _post(client: Client, url: str, body: Any) -> Any:
    return client.post(url, json.dumps(body), content_type="application/json")


def _others(personas: Personas) -> DevelopmentPlan:
    """Rina's proposed plan (another employee of the same appraiser) with a secret item."""
    staff = personas.staff
    colleague = make_employee(name="Rina Rekan")
    post = make_position(
        agency=personas.agency, name="Pengadministrasi Umum", supervisor=staff.kasi_post,
        unit=staff.unit,
    )  # fmt: skip
    assign(colleague, post)
    plan = make_development_plan(employee=colleague, state=PlanState.PROPOSED)
    item = make_item(plan=plan)
    DevelopmentItem.objects.filter(pk=item.pk).update(title=SECRET)
    return plan


def _assert_sentence_under(response: Any, where: str) -> list[str]:
    """A 400 with `{field: [sentence]}`; the fields named."""
    assert response.status_code == 400, (
        f"{where}: {response.status_code} {response.content[:200]!r}"
    )
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
def test_each_endpoint_answers_each_persona_without_showing_others_plans(
    personas: Personas, name: str
) -> None:
    make_open_period()
    course = make_course(competencies=[make_competency()])
    mine = make_development_plan(employee=personas.staff.employee)
    make_item(plan=mine, course=course)
    others = _others(personas)
    client = _client(personas, name)
    urls = [
        f"{API}training-courses/", f"{API}training-courses/{course.pk}/",
        f"{API}development-plans/mine/", f"{API}development-plans/{mine.pk}/",
        f"{API}development-plans/{others.pk}/",
    ]  # fmt: skip
    if name == "anonymous":
        for url in urls:
            assert client.get(url).status_code in (401, 403), url
        assert _post(client, f"{API}development-plans/mine/items/", {}).status_code in (401, 403)
        return

    for url in urls[:2]:
        response = client.get(url)
        assert response.status_code == 200, f"{name} {url}: {response.status_code}"
        assert SECRET not in response.content.decode()
    own = client.get(f"{API}development-plans/mine/")
    if name == "employee":
        assert own.status_code == 200
        assert own.json()["id"] == mine.pk
    else:
        assert own.status_code in (200, 403, 404), f"{name}: {own.status_code}"
    assert SECRET not in own.content.decode()
    assert "Rina Rekan" not in own.content.decode()
    for plan in (mine, others):
        response = client.get(f"{API}development-plans/{plan.pk}/")
        sees = name in PLAN_VIEWERS and not (name == "employee" and plan == others)
        assert response.status_code == (200 if sees else 404), f"{name} {plan}"
        if not sees:
            assert SECRET not in response.content.decode()
            assert "Rina Rekan" not in response.content.decode()


@pytest.mark.parametrize(
    "url",
    [
        "training-courses/{missing}/",
        "development-plans/{missing}/",
    ],
)
def test_ids_that_do_not_exist_answer_404(personas: Personas, url: str) -> None:
    for name in ("employee", "hr_admin", "auditor"):
        response = _client(personas, name).get(API + url.format(missing=MISSING))
        assert response.status_code == 404, f"{name} {url}: {response.status_code}"


@pytest.mark.parametrize(
    "url",
    ["development-plans/mine/items/", "development-plans/mine/propose/", "completion"],
)
def test_a_get_on_a_post_only_endpoint_answers_405(personas: Personas, url: str) -> None:
    make_open_period()
    plan = make_development_plan(employee=personas.staff.employee, state=PlanState.AGREED)
    item = make_item(plan=plan)
    if url == "completion":
        url = f"development-plans/{plan.pk}/items/{item.pk}/completion/"
    response = _client(personas, "employee").get(API + url)
    assert response.status_code == 405, f"{url}: {response.status_code}"


def test_a_completion_of_someone_elses_item_or_an_item_that_does_not_exist_answers_404(
    personas: Personas, tmp_path: Path
) -> None:
    with evidence_storage_at(tmp_path):
        make_open_period()
        others = _others(personas)
        DevelopmentPlan.objects.filter(pk=others.pk).update(state=PlanState.AGREED)
        item = others.items.get()
        mine = make_development_plan(employee=personas.staff.employee, state=PlanState.AGREED)
        body = {"completed_on": timezone.localdate().isoformat(), "jp_earned": "8"}
        for url in (
            f"development-plans/{others.pk}/items/{item.pk}/completion/",
            f"development-plans/{mine.pk}/items/{item.pk}/completion/",
            f"development-plans/{mine.pk}/items/{MISSING}/completion/",
            f"development-plans/{MISSING}/items/{item.pk}/completion/",
        ):
            response = _post(_client(personas, "employee"), API + url, body)
            assert response.status_code in (403, 404), f"{url}: {response.status_code}"
            assert SECRET not in response.content.decode()
    assert DevelopmentItem.objects.get(pk=item.pk).state == ItemState.PLANNED


@pytest.mark.parametrize("value", HOSTILE, ids=HOSTILE_IDS)
@pytest.mark.parametrize("field", ["title", "kind", "jp_planned", "target_date", "course_id"])
def test_hostile_values_when_adding_an_item_answer_400_with_a_sentence(
    personas: Personas, field: str, value: Any
) -> None:
    make_open_period()
    plan = make_development_plan(employee=personas.staff.employee)
    body: dict[str, Any] = {
        "title": "Belajar mandiri menulis ringkasan", "kind": "ELEARNING", "jp_planned": "8",
        "target_date": (timezone.localdate() + timedelta(days=20)).isoformat(),
    }  # fmt: skip
    body[field] = value
    response = _post(_client(personas, "employee"), f"{API}development-plans/mine/items/", body)
    if response.status_code in (200, 201):
        # Only a readable title (a number is text too), or no course (written in), may pass.
        passes = {"title": (UNICODE, MARKUP, -5, 10**12), "course_id": (None, "")}
        assert value in passes.get(field, ()), f"{field}={value!r} accepted"
        return
    fields = _assert_sentence_under(response, f"{field}={str(value)[:20]!r}")
    assert field in fields or "non_field_errors" not in fields, fields
    assert not plan.items.exists()


@pytest.mark.parametrize("jp", ["-5", "0", "0.4", "100000", "201"])
def test_jp_outside_what_is_accepted_is_refused_under_the_jp(personas: Personas, jp: str) -> None:
    make_open_period()
    plan = make_development_plan(employee=personas.staff.employee)
    body = {
        "title": "Belajar mandiri", "kind": "ELEARNING", "jp_planned": jp,
        "target_date": (timezone.localdate() + timedelta(days=20)).isoformat(),
    }  # fmt: skip
    response = _post(_client(personas, "employee"), f"{API}development-plans/mine/items/", body)
    assert "jp_planned" in _assert_sentence_under(response, jp)
    # Every value outside the range gets the same sentence as the form: it names the JP.
    assert "JP" in response.json()["jp_planned"][0]
    assert not plan.items.exists()


def test_a_target_date_outside_the_period_is_refused_under_the_date(personas: Personas) -> None:
    make_open_period()
    plan = make_development_plan(employee=personas.staff.employee)
    for day in (f"{plan.period.year + 1}-06-01", f"{plan.period.year - 1}-06-01"):
        body = {
            "title": "Belajar mandiri",
            "kind": "ELEARNING",
            "jp_planned": "8",
            "target_date": day,
        }
        response = _post(_client(personas, "employee"), f"{API}development-plans/mine/items/", body)
        assert "target_date" in _assert_sentence_under(response, day)
    assert not plan.items.exists()


@pytest.mark.parametrize(
    ("name", "data"),
    [
        ("program.pdf", REFUSED_SAMPLES["setup.exe"][0]),
        ("kosong.pdf", b""),
        ("halaman.pdf", REFUSED_SAMPLES["halaman.html"][0]),
    ],
    ids=["program-bernama-pdf", "kosong", "html-bernama-pdf"],
)
def test_a_certificate_that_is_not_allowed_is_refused_under_the_certificate(
    personas: Personas, tmp_path: Path, name: str, data: bytes
) -> None:
    with evidence_storage_at(tmp_path):
        make_open_period()
        plan = make_development_plan(employee=personas.staff.employee, state=PlanState.AGREED)
        item = make_item(plan=plan)
        response = _client(personas, "employee").post(
            f"{API}development-plans/{plan.pk}/items/{item.pk}/completion/",
            {
                "completed_on": timezone.localdate().isoformat(), "jp_earned": "8",
                "certificate": SimpleUploadedFile(name, data, "application/pdf"),
            },
        )  # fmt: skip
        assert not any(p.is_file() for p in tmp_path.rglob("*"))
    assert "certificate" in _assert_sentence_under(response, name)
    item.refresh_from_db()
    assert item.state == ItemState.PLANNED


def test_a_good_certificate_is_accepted(personas: Personas, tmp_path: Path) -> None:
    with evidence_storage_at(tmp_path):
        make_open_period()
        plan = make_development_plan(employee=personas.staff.employee, state=PlanState.AGREED)
        item = make_item(plan=plan)
        response = _client(personas, "employee").post(
            f"{API}development-plans/{plan.pk}/items/{item.pk}/completion/",
            {
                "completed_on": timezone.localdate().isoformat(), "jp_earned": "8",
                "certificate": SimpleUploadedFile("s.pdf", minimal_pdf(), "application/pdf"),
            },
        )  # fmt: skip
    assert response.status_code in (200, 201), response.content[:300]
    item.refresh_from_db()
    assert item.state == ItemState.COMPLETED
