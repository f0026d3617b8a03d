"""The competency development pages from outside: every URL of `learning` for every persona
and anonymous.

No answer is a server error; whoever may not see a development plan gets 403/404 and never a
word of it; ids that do not exist answer 404; the POST-only endpoints answer 405 to GET; a
POST by someone whose turn it is not changes nothing; empty, huge, unicode and HTML values in
every field of every form come back as the page with a Bahasa Indonesia sentence (200 or 400),
never stored as markup; JP and dates outside what is accepted, and files that are not allowed
(a program renamed .pdf, an empty file) are refused naming the field.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, timedelta
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.utils import timezone

from kinerja.core.params import DB_ID_MAX
from kinerja.core.testing import page_text, post_forms
from kinerja.learning.models import (
    Competency,
    DevelopmentItem,
    DevelopmentPlan,
    ItemState,
    PlanState,
    TrainingCourse,
)
from kinerja.learning.services.completion import development_item_complete
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

LOGIN = "/akun/masuk/"
PLAN_VIEWERS = set(AGENCY_READERS)
CATALOGUE_MANAGERS = {"hr_admin"}
NEEDS_READERS = {"hr_admin", "leader"}
"""Any agency's analysis; an Admin OPD reads their own agency's (the index sends them there)."""
POST_ONLY_PLAN = ["ajukan", "sepakati", "kembalikan", "komentar"]
POST_ONLY_ITEM = ["hapus", "konfirmasi", "tolak"]
SECRET = "Rahasia pegawai lain: pelatihan pemulihan kinerja setelah teguran tertulis"
MISSING = str(DB_ID_MAX)
HUGE = "pelatihan " * 600  # 6.000 characters, past TEXT_MAX
UNICODE = "Belajar 💥 ✓ ñ 中文 العربية — “kutipan” \u200b"
MARKUP = '<script>alert("x")</script><b onmouseover=alert(1)>tebal</b>'
HOSTILE = ["", "   ", HUGE, UNICODE, MARKUP, "x" * 100_000, "-5", "99999999"]
HOSTILE_IDS = ["kosong", "spasi", "besar", "unicode", "html", "raksasa", "negatif", "angka-besar"]
SENTENCE = re.compile(
    r"(wajib|paling|tidak|hanya|pilih|belum|sudah|batas|antara|isi|harus|bukan|kosong)", re.I
)


@dataclass
class Case:
    plan: DevelopmentPlan
    planned: DevelopmentItem
    completed: DevelopmentItem
    others: DevelopmentPlan
    others_item: DevelopmentItem


def _colleague(personas: Personas) -> Any:
    """Rina, another employee of the same appraiser (Sri) in the same agency."""
    staff = personas.staff
    colleague = make_employee(name="Rina Rekan")
    post = make_position(
        agency=personas.agency, name="Pengadministrasi Umum", supervisor=staff.kasi_post,
        unit=staff.unit,
    )  # fmt: skip
    assign(colleague, post)
    return colleague


@pytest.fixture
def case(personas: Personas, tmp_path: Path) -> Any:
    """The employee's agreed plan with a planned item and an item completed through the service
    (a PDF certificate stored), and Rina's plan whose item nobody else but the viewers reads."""
    with evidence_storage_at(tmp_path / "bukti"):
        make_open_period()
        competency = make_competency(feedback_tag="KOMUNIKASI")
        course = make_course(competencies=[competency])
        plan = make_development_plan(employee=personas.staff.employee, state=PlanState.AGREED)
        planned = make_item(plan=plan, course=course)
        done = make_item(plan=plan)
        done = development_item_complete(
            actor=personas.employee, item=done, completed_on=timezone.localdate(),
            jp_earned=Decimal(8),
            certificate=SimpleUploadedFile("sertifikat.pdf", minimal_pdf(), "application/pdf"),
        )  # fmt: skip
        others = make_development_plan(employee=_colleague(personas), state=PlanState.PROPOSED)
        others_item = make_item(plan=others)
        DevelopmentItem.objects.filter(pk=others_item.pk).update(title=SECRET)
        yield Case(plan, planned, done, others, others_item)


def _client(personas: Personas, name: str) -> Client:
    client = Client(raise_request_exception=False)
    if name != "anonymous":
        client.force_login(personas.all()[name])
    return client


def _leaks(response: Any) -> bool:
    body = response.content.decode("utf-8", "replace")
    return SECRET in body or "Rina Rekan" in body


def _assert_refused(response: Any, name: str, url: str, *, may_see: bool = False) -> None:
    """Refused: the login page for anonymous, else 403/404; and not a word of Rina's plan."""
    if name == "anonymous":
        assert response.status_code == 302, f"{url}: {response.status_code}"
        assert response["Location"].startswith(LOGIN), url
    else:
        assert response.status_code in (403, 404), f"{name} {url}: {response.status_code}"
    if not may_see:
        assert not _leaks(response), f"{name} {url}"


@pytest.mark.parametrize("name", ["anonymous", *PERSONA_NAMES])
def test_a_plan_opens_only_for_those_who_may_see_it(
    personas: Personas, case: Case, name: str
) -> None:
    client = _client(personas, name)
    detail = f"/pengembangan/rencana/{case.plan.pk}/"
    certificate = f"/pengembangan/kegiatan/{case.completed.pk}/sertifikat/"
    for url in (detail, certificate):
        response = client.get(url)
        if name in PLAN_VIEWERS:
            assert response.status_code == 200, f"{name} {url}: {response.status_code}"
        else:
            _assert_refused(response, name, url)
    if name in PLAN_VIEWERS:
        assert case.planned.title in page_text(client.get(detail).content)
        download = client.get(certificate)
        assert download["Content-Disposition"].startswith("attachment")
        assert b"".join(download).startswith(b"%PDF-")


@pytest.mark.parametrize("name", ["anonymous", *PERSONA_NAMES])
def test_nobody_but_the_viewers_of_the_other_plan_reads_it(
    personas: Personas, case: Case, name: str
) -> None:
    client = _client(personas, name)
    url = f"/pengembangan/rencana/{case.others.pk}/"
    response = client.get(url)
    if name in PLAN_VIEWERS - {"employee"}:
        assert response.status_code == 200, f"{name}: {response.status_code}"
        assert SECRET in page_text(response.content)
    else:
        _assert_refused(response, name, url)
    index = client.get("/pengembangan/")
    if name == "anonymous":
        _assert_refused(index, name, "/pengembangan/")
        return
    assert index.status_code in (200, 403), f"{name}: {index.status_code}"
    assert SECRET not in page_text(index.content)
    if name in ("employee", "outsider", "other_admin"):
        assert "Rina Rekan" not in page_text(index.content)


@pytest.mark.parametrize("name", ["anonymous", *PERSONA_NAMES])
def test_the_catalogue_and_the_dictionary_are_read_by_all_and_edited_by_bkpsdm(
    personas: Personas, case: Case, name: str
) -> None:
    client = _client(personas, name)
    course = case.planned.course
    assert course is not None
    competency = course.competencies.get()
    for url in ("/pengembangan/katalog/", "/pengembangan/kompetensi/"):
        response = client.get(url)
        if name == "anonymous":
            _assert_refused(response, name, url)
        else:
            assert response.status_code == 200, f"{name} {url}: {response.status_code}"
            assert not _leaks(response)
    editors = [
        "/pengembangan/katalog/baru/",
        f"/pengembangan/katalog/{course.pk}/",
        "/pengembangan/katalog/impor/",
        "/pengembangan/kompetensi/baru/",
        f"/pengembangan/kompetensi/{competency.pk}/",
    ]
    for url in editors:
        response = client.get(url)
        if name in CATALOGUE_MANAGERS:
            assert response.status_code == 200, f"{name} {url}: {response.status_code}"
        else:
            _assert_refused(response, name, url)
        if name not in CATALOGUE_MANAGERS:
            posted = client.post(url, {"title": "Diubah", "name": "Diubah", "jp": "8"})
            _assert_refused(posted, name, f"POST {url}")
    course.refresh_from_db()
    competency.refresh_from_db()
    assert course.title != "Diubah"
    assert competency.name != "Diubah"


@pytest.mark.parametrize("name", ["anonymous", *PERSONA_NAMES])
def test_the_needs_analysis_is_for_bkpsdm_the_agency_admin_and_pimpinan(
    personas: Personas, case: Case, name: str
) -> None:
    client = _client(personas, name)
    index = client.get("/pengembangan/analisis/")
    admins = {"agency_admin": personas.agency, "other_admin": personas.other_agency}
    if name in NEEDS_READERS:
        assert index.status_code == 200, f"{name}: {index.status_code}"
    elif name in admins:
        assert index.status_code == 302
        assert index["Location"] == f"/pengembangan/analisis/{admins[name].pk}/"
    else:
        _assert_refused(index, name, "/pengembangan/analisis/")
    for agency, readers in (
        (personas.agency, NEEDS_READERS | {"agency_admin"}),
        (personas.other_agency, NEEDS_READERS | {"other_admin"}),
    ):
        for suffix in ("", "?format=xlsx", "?format=csv"):
            url = f"/pengembangan/analisis/{agency.pk}/{suffix}"
            response = client.get(url)
            if name in readers:
                assert response.status_code == 200, f"{name} {url}: {response.status_code}"
            else:
                _assert_refused(response, name, url)


@pytest.mark.parametrize("step", POST_ONLY_PLAN)
def test_a_get_on_a_post_only_plan_step_answers_405(
    personas: Personas, case: Case, step: str
) -> None:
    for name in ("employee", "supervisor"):
        response = _client(personas, name).get(f"/pengembangan/rencana/{case.plan.pk}/{step}/")
        assert response.status_code == 405, f"{name} {step}: {response.status_code}"


@pytest.mark.parametrize("step", POST_ONLY_ITEM)
def test_a_get_on_a_post_only_item_step_answers_405(
    personas: Personas, case: Case, step: str
) -> None:
    for name in ("employee", "supervisor"):
        response = _client(personas, name).get(
            f"/pengembangan/kegiatan/{case.completed.pk}/{step}/"
        )
        assert response.status_code == 405, f"{name} {step}: {response.status_code}"


@pytest.mark.parametrize("name", ["anonymous", *PERSONA_NAMES])
def test_a_step_posted_by_someone_whose_turn_it_is_not_changes_nothing(
    personas: Personas, case: Case, name: str
) -> None:
    """Only the employee proposes and completes; the employee (while a draft) or the appraiser
    (while proposed) adds and removes; only the appraiser agrees, returns, confirms and refuses.
    Everyone else's POST is refused and changes nothing."""
    client = _client(personas, name)
    text = "Alasan yang cukup panjang untuk diterima oleh aturan isian ini."
    data = {
        "reason": text, "body": text, "title": text, "kind": "COURSE", "jp_planned": "8",
        "target_date": (timezone.localdate() + timedelta(days=20)).isoformat(),
        "completed_on": timezone.localdate().isoformat(), "jp_earned": "8",
    }  # fmt: skip
    employee_steps = {
        f"/pengembangan/rencana/{case.others.pk}/kegiatan/",
        f"/pengembangan/rencana/{case.others.pk}/ajukan/",
        f"/pengembangan/kegiatan/{case.others_item.pk}/hapus/",
        f"/pengembangan/kegiatan/{case.others_item.pk}/selesai/",
    }
    appraiser_steps = {
        f"/pengembangan/rencana/{case.others.pk}/sepakati/",
        f"/pengembangan/rencana/{case.others.pk}/kembalikan/",
        f"/pengembangan/kegiatan/{case.completed.pk}/konfirmasi/",
        f"/pengembangan/kegiatan/{case.completed.pk}/tolak/",
    }
    if name == "supervisor":  # Rina's appraiser may add and remove while her plan is proposed
        employee_steps = {u for u in employee_steps if u.endswith(("/ajukan/", "/selesai/"))}
    sees_others = name in PLAN_VIEWERS - {"employee"}
    for url in sorted(employee_steps):
        # Rina's steps: nobody of the cast is Rina.
        _assert_refused(client.post(url, data), name, url, may_see=sees_others)
    if name != "supervisor":
        for url in sorted(appraiser_steps):
            may_see = sees_others or (name == "employee" and "kegiatan" in url)
            _assert_refused(client.post(url, data), name, url, may_see=may_see)
    case.others.refresh_from_db()
    case.completed.refresh_from_db()
    assert case.others.state == PlanState.PROPOSED
    if name != "supervisor":
        assert case.others.items.count() == 1
        assert DevelopmentItem.objects.get(pk=case.others_item.pk).state == ItemState.PLANNED
        assert case.completed.state == ItemState.COMPLETED


@pytest.mark.parametrize(
    "url",
    [
        "/pengembangan/rencana/{missing}/",
        "/pengembangan/kegiatan/{missing}/sertifikat/",
        "/pengembangan/katalog/{missing}/",
        "/pengembangan/kompetensi/{missing}/",
        "/pengembangan/analisis/{missing}/",
        "/pengembangan/katalog/impor/00000000-0000-4000-8000-000000000000/",
    ],
)
def test_ids_that_do_not_exist_answer_404(personas: Personas, case: Case, url: str) -> None:
    filled = url.format(missing=MISSING)
    for name in ("employee", "hr_admin", "auditor", "leader"):
        response = _client(personas, name).get(filled)
        assert response.status_code in (403, 404), f"{name} {filled}: {response.status_code}"
    assert _client(personas, "hr_admin").get(filled).status_code == 404, filled


@pytest.mark.parametrize(
    "url",
    [
        "/pengembangan/rencana/{missing}/{step}/",
        "/pengembangan/kegiatan/{missing}/{item_step}/",
    ],
)
def test_posting_to_a_plan_or_item_that_does_not_exist_answers_404(
    personas: Personas, case: Case, url: str
) -> None:
    for step, item_step in zip(
        [*POST_ONLY_PLAN, "kegiatan"], [*POST_ONLY_ITEM, "selesai", "hapus"], strict=False
    ):
        filled = url.format(missing=MISSING, step=step, item_step=item_step)
        for name in ("employee", "supervisor"):
            response = _client(personas, name).post(filled, {"reason": "x"})
            assert response.status_code == 404, f"{name} {filled}: {response.status_code}"


# --- hostile values in every form --------------------------------------------------------------


def _assert_answered_with_a_sentence(response: Any, where: str) -> None:
    assert response.status_code in (200, 302, 400), f"{where}: {response.status_code}"
    body = response.content.decode("utf-8", "replace")
    assert "<script>alert" not in body, where
    assert "<b onmouseover" not in body, where
    if response.status_code == 400:
        assert SENTENCE.search(page_text(response.content)), where


def _walk_forms(client: Client, url: str, value: str) -> list[str]:
    """Post `value` into every field of every POST form of `url` (files: an empty file);
    the actions walked."""
    page = client.get(url, follow=True)
    assert page.status_code == 200, url
    walked = []
    for action, fields in post_forms(page.content).items():
        target = action or url
        if not target.startswith("/pengembangan/") or target.endswith("/hapus/"):
            continue
        data: dict[str, Any] = {}
        if value != "":
            for field, kind in fields.items():
                if kind == "file":
                    data[field] = SimpleUploadedFile("kosong.pdf", b"", "application/pdf")
                else:
                    data[field] = value
        response = client.post(target, data)
        _assert_answered_with_a_sentence(response, f"{target} {value[:20]!r}")
        if response.status_code == 302:  # accepted: what was stored shows as text
            shown = client.get(url, follow=True)
            _assert_answered_with_a_sentence(shown, f"{target} → {url}")
        walked.append(target)
    return walked


@pytest.mark.parametrize("value", HOSTILE, ids=HOSTILE_IDS)
@pytest.mark.parametrize(
    ("state", "name"),
    [
        (PlanState.DRAFT, "employee"),  # add, propose
        (PlanState.PROPOSED, "supervisor"),  # agree, return, comment
        (PlanState.AGREED, "employee"),  # completion
    ],
)
def test_hostile_values_in_the_plan_forms_come_back_with_a_sentence(
    personas: Personas, tmp_path: Path, value: str, state: str, name: str
) -> None:
    with evidence_storage_at(tmp_path):
        make_open_period()
        plan = make_development_plan(employee=personas.staff.employee, state=state)
        item = make_item(plan=plan)
        walked = _walk_forms(_client(personas, name), f"/pengembangan/rencana/{plan.pk}/", value)
    assert walked, f"{name} sees no form on a {state} plan"
    item.refresh_from_db()
    if state == PlanState.AGREED:
        # Completion without a certificate, or with an empty one, is never recorded.
        assert item.state == ItemState.PLANNED
    assert not DevelopmentItem.objects.filter(title__contains="<script>").exists()


@pytest.mark.parametrize("value", HOSTILE, ids=HOSTILE_IDS)
@pytest.mark.parametrize(
    "url",
    ["/pengembangan/katalog/baru/", "/pengembangan/kompetensi/baru/"],
    ids=["kursus", "kamus"],
)
def test_hostile_values_in_the_catalogue_forms_come_back_with_a_sentence(
    personas: Personas, value: str, url: str
) -> None:
    make_competency()
    client = _client(personas, "hr_admin")
    assert _walk_forms(client, url, value)
    assert client.get("/pengembangan/katalog/").status_code == 200
    assert not TrainingCourse.objects.filter(title__contains="<script>").exists()
    assert not Competency.objects.filter(name__contains="<script>").exists()


# --- the sentences that name the field --------------------------------------------------------


def _draft(personas: Personas) -> DevelopmentPlan:
    make_open_period()
    return make_development_plan(employee=personas.staff.employee)


def _add(personas: Personas, plan: DevelopmentPlan, **changes: str) -> Any:
    data = {
        "title": "Belajar mandiri menulis ringkasan", "kind": "ELEARNING", "jp_planned": "8",
        "target_date": (timezone.localdate() + timedelta(days=20)).isoformat(),
    }  # fmt: skip
    data.update(changes)
    return _client(personas, "employee").post(f"/pengembangan/rencana/{plan.pk}/kegiatan/", data)


@pytest.mark.parametrize("jp", ["-5", "0", "100000", "abc", "1e9"])
def test_jp_outside_what_is_accepted_is_refused_naming_the_jp(personas: Personas, jp: str) -> None:
    plan = _draft(personas)
    response = _add(personas, plan, jp_planned=jp)
    assert response.status_code in (200, 400), response.status_code
    assert "JP" in page_text(response.content)
    assert not plan.items.exists()


def test_a_target_date_outside_the_period_is_refused_naming_the_date(personas: Personas) -> None:
    plan = _draft(personas)
    year = plan.period.year
    for day in (date(year + 1, 6, 1), date(year - 1, 6, 1)):
        response = _add(personas, plan, target_date=day.isoformat())
        assert response.status_code in (200, 400), response.status_code
        assert "target" in page_text(response.content).lower()
    assert not plan.items.exists()


@pytest.mark.parametrize("title", ["", "x" * 201])
def test_an_empty_or_too_long_title_is_refused_naming_the_activity(
    personas: Personas, title: str
) -> None:
    plan = _draft(personas)
    response = _add(personas, plan, title=title)
    assert response.status_code in (200, 400)
    assert "kegiatan" in page_text(response.content).lower()
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
def test_a_certificate_that_is_not_allowed_is_refused_naming_the_certificate(
    personas: Personas, tmp_path: Path, name: str, data: bytes
) -> None:
    with evidence_storage_at(tmp_path):
        make_open_period()
        plan = make_development_plan(employee=personas.staff.employee, state=PlanState.AGREED)
        item = make_item(plan=plan)
        response = _client(personas, "employee").post(
            f"/pengembangan/kegiatan/{item.pk}/selesai/",
            {
                "completed_on": timezone.localdate().isoformat(), "jp_earned": "8",
                "certificate": SimpleUploadedFile(name, data, "application/pdf"),
            },
        )  # fmt: skip
        assert not any(p.is_file() for p in tmp_path.rglob("*"))
    assert response.status_code in (200, 400), response.status_code
    assert "sertifikat" in page_text(response.content).lower()
    item.refresh_from_db()
    assert item.state == ItemState.PLANNED


def test_a_completion_in_the_future_is_refused_naming_the_date(
    personas: Personas, tmp_path: Path
) -> None:
    with evidence_storage_at(tmp_path):
        make_open_period()
        plan = make_development_plan(employee=personas.staff.employee, state=PlanState.AGREED)
        item = make_item(plan=plan)
        response = _client(personas, "employee").post(
            f"/pengembangan/kegiatan/{item.pk}/selesai/",
            {
                "completed_on": (timezone.localdate() + timedelta(days=3)).isoformat(),
                "jp_earned": "8",
                "certificate": SimpleUploadedFile("s.pdf", minimal_pdf(), "application/pdf"),
            },
        )  # fmt: skip
    assert response.status_code in (200, 400)
    assert "tanggal" in page_text(response.content).lower()
    item.refresh_from_db()
    assert item.state == ItemState.PLANNED


def test_a_stored_title_with_markup_is_shown_as_text(personas: Personas) -> None:
    plan = _draft(personas)
    item = make_item(plan=plan)
    DevelopmentItem.objects.filter(pk=item.pk).update(title=MARKUP + " " + UNICODE)
    for name in ("employee", "supervisor", "hr_admin", "auditor"):
        body = _client(personas, name).get(f"/pengembangan/rencana/{plan.pk}/").content.decode()
        assert "<script>alert" not in body, name
        assert "&lt;script&gt;" in body, name
        assert "中文" in body, name
