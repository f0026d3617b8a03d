"""The POSTs of a development plan: the happy paths of whose turn it is, and the refusals
re-rendered with the service's sentence (400), 403 or 404."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client

from kinerja.core.testing import page_text
from kinerja.learning.models import DevelopmentItem, DevelopmentPlan, ItemState, PlanState
from kinerja.learning.testing import make_competency, make_course, make_development_plan, make_item
from kinerja.monitoring.testing import make_feedback
from kinerja.people.testing import Personas
from kinerja.planning.testing import make_open_period

pytestmark = pytest.mark.django_db

PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"


def url(name: str, pk: int) -> str:
    paths = {
        "item_add": "/pengembangan/rencana/{}/kegiatan/",
        "propose": "/pengembangan/rencana/{}/ajukan/",
        "agree": "/pengembangan/rencana/{}/sepakati/",
        "return": "/pengembangan/rencana/{}/kembalikan/",
        "comment": "/pengembangan/rencana/{}/komentar/",
        "remove": "/pengembangan/kegiatan/{}/hapus/",
        "complete": "/pengembangan/kegiatan/{}/selesai/",
        "confirm": "/pengembangan/kegiatan/{}/konfirmasi/",
        "reject": "/pengembangan/kegiatan/{}/tolak/",
        "certificate": "/pengembangan/kegiatan/{}/sertifikat/",
    }
    return paths[name].format(pk)


@pytest.mark.parametrize("name", ["other_admin", "outsider"])
def test_strangers_get_404_on_every_post(client: Client, personas: Personas, name: str) -> None:
    plan = make_development_plan(employee=personas.staff.employee, state=PlanState.PROPOSED)
    item = make_item(plan=plan, state=ItemState.COMPLETED)
    client.force_login(personas.all()[name])
    for action in ("item_add", "propose", "agree", "return", "comment"):
        assert client.post(url(action, plan.pk), {"reason": "x", "body": "x"}).status_code == 404
    for action in ("remove", "complete", "confirm", "reject"):
        assert client.post(url(action, item.pk), {"reason": "x"}).status_code == 404
    assert client.get(url("certificate", item.pk)).status_code == 404


def test_the_employee_opens_a_plan_with_a_suggested_course(
    client: Client, personas: Personas
) -> None:
    make_open_period()
    talk = make_competency(feedback_tag="KOMUNIKASI")
    course = make_course(title="Pelatihan Komunikasi Pelayanan Publik", competencies=[talk])
    staff = personas.staff
    for _ in range(3):
        make_feedback(
            employee=staff.employee, author=staff.supervisor, competencies=("KOMUNIKASI",)
        )
    client.force_login(personas.employee)
    response = client.post(
        "/pengembangan/", {"course": course.pk, "reason": "3 umpan balik bertanda komunikasi"}
    )
    plan = DevelopmentPlan.objects.get(employee=staff.employee)
    assert response.status_code == 302
    assert response["Location"] == f"/pengembangan/rencana/{plan.pk}/"
    item = plan.items.get()
    assert (item.course_id, item.source) == (course.pk, "SUGGESTED")
    assert item.reason.startswith("3 umpan balik")


def test_the_employee_adds_a_written_in_activity_and_proposes(
    client: Client, personas: Personas
) -> None:
    plan = make_development_plan(employee=personas.staff.employee)
    client.force_login(personas.employee)
    target = plan.period.end_date - timedelta(days=10)
    response = client.post(
        url("item_add", plan.pk),
        {
            "title": "Belajar mandiri analisis data",
            "kind": "ELEARNING",
            "jp_planned": "4,5",
            "target_date": target.strftime("%d-%m-%Y"),
        },
    )
    assert response.status_code == 302
    assert plan.items.get().title == "Belajar mandiri analisis data"
    assert client.post(url("propose", plan.pk)).status_code == 302
    plan.refresh_from_db()
    assert plan.state == PlanState.PROPOSED
    text = page_text(client.get(f"/pengembangan/rencana/{plan.pk}/").content)
    assert "Versi 1" in text


def test_a_refused_activity_re_renders_with_the_sentence(
    client: Client, personas: Personas
) -> None:
    plan = make_development_plan(employee=personas.staff.employee)
    client.force_login(personas.employee)
    response = client.post(
        url("item_add", plan.pk), {"title": "", "kind": "ELEARNING", "jp_planned": "999"}
    )
    assert response.status_code == 400
    text = page_text(response.content)
    assert "Belum terkirim" in text
    assert "JP direncanakan" in text
    assert not plan.items.exists()


def test_proposing_an_empty_plan_is_refused(client: Client, personas: Personas) -> None:
    plan = make_development_plan(employee=personas.staff.employee)
    client.force_login(personas.employee)
    response = client.post(url("propose", plan.pk))
    assert response.status_code == 400
    plan.refresh_from_db()
    assert plan.state == PlanState.DRAFT


def test_the_appraiser_returns_with_a_reason_then_agrees(
    client: Client, personas: Personas
) -> None:
    plan = make_development_plan(employee=personas.staff.employee, state=PlanState.PROPOSED)
    make_item(plan=plan)
    client.force_login(personas.supervisor)
    assert client.post(url("return", plan.pk), {"reason": ""}).status_code == 400
    response = client.post(url("return", plan.pk), {"reason": "Tambahkan pelatihan teknis."})
    assert response.status_code == 302
    plan.refresh_from_db()
    assert plan.state == PlanState.RETURNED
    assert "Tambahkan pelatihan teknis." in page_text(
        client.get(f"/pengembangan/rencana/{plan.pk}/").content
    )
    DevelopmentPlan.objects.filter(pk=plan.pk).update(state=PlanState.PROPOSED)
    assert client.post(url("agree", plan.pk)).status_code == 302
    plan.refresh_from_db()
    assert plan.state == PlanState.AGREED


def test_the_employee_may_not_agree_their_own_plan(client: Client, personas: Personas) -> None:
    plan = make_development_plan(employee=personas.staff.employee, state=PlanState.PROPOSED)
    make_item(plan=plan)
    client.force_login(personas.employee)
    assert client.post(url("agree", plan.pk)).status_code == 403
    plan.refresh_from_db()
    assert plan.state == PlanState.PROPOSED


def test_a_comment_joins_the_thread(client: Client, personas: Personas) -> None:
    plan = make_development_plan(employee=personas.staff.employee)
    client.force_login(personas.supervisor)
    assert (
        client.post(url("comment", plan.pk), {"body": "Sertakan e-learning LAN."}).status_code
        == 302
    )
    assert "Sertakan e-learning LAN." in page_text(
        client.get(f"/pengembangan/rencana/{plan.pk}/").content
    )
    assert client.post(url("comment", plan.pk), {"body": ""}).status_code == 400


def test_completion_with_a_certificate_then_confirmation_counts_the_jp(
    client: Client, personas: Personas
) -> None:
    plan = make_development_plan(employee=personas.staff.employee, state=PlanState.AGREED)
    item = make_item(plan=plan, course=make_course())
    client.force_login(personas.employee)
    response = client.post(
        url("complete", item.pk),
        {
            "completed_on": (date.today() - timedelta(days=1)).strftime("%d-%m-%Y"),
            "jp_earned": "12",
            "certificate": SimpleUploadedFile("sertifikat.pdf", PDF, "application/pdf"),
        },
    )
    assert response.status_code == 302, page_text(response.content)
    item.refresh_from_db()
    assert item.state == ItemState.COMPLETED
    download = client.get(url("certificate", item.pk))
    assert download.status_code == 200
    assert b"".join(download.streaming_content) == PDF  # type: ignore[attr-defined]

    client.force_login(personas.supervisor)
    assert client.post(url("confirm", item.pk)).status_code == 302
    text = page_text(client.get("/pengembangan/").content)
    assert "12 dari 20 JP" in text


def test_a_completion_without_jp_is_refused_and_a_rejection_needs_a_reason(
    client: Client, personas: Personas
) -> None:
    plan = make_development_plan(employee=personas.staff.employee, state=PlanState.AGREED)
    item = make_item(plan=plan, course=make_course())
    client.force_login(personas.employee)
    response = client.post(url("complete", item.pk), {"completed_on": "", "jp_earned": ""})
    assert response.status_code == 400
    assert DevelopmentItem.objects.get(pk=item.pk).state == ItemState.PLANNED
    done = make_item(plan=plan, state=ItemState.COMPLETED)
    client.force_login(personas.supervisor)
    assert client.post(url("reject", done.pk), {"reason": ""}).status_code == 400
    assert (
        client.post(url("reject", done.pk), {"reason": "Sertifikat tidak terbaca."}).status_code
        == 302
    )
    assert DevelopmentItem.objects.get(pk=done.pk).state == ItemState.REJECTED


def test_removing_a_planned_item(client: Client, personas: Personas) -> None:
    plan = make_development_plan(employee=personas.staff.employee)
    item = make_item(plan=plan)
    client.force_login(personas.employee)
    assert client.post(url("remove", item.pk)).status_code == 302
    assert not plan.items.exists()
