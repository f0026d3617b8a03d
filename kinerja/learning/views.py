"""Development plans: mine and my team's (/pengembangan/), one plan with its items, thread and
versions, and every POST of a plan. Thin: the selectors read and authorise, the services write
and refuse; a refusal re-renders the plan with the service's sentence (400)."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import FileResponse, Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from kinerja.accounts.actors import request_actor
from kinerja.accounts.permissions import can_manage_city, is_leader
from kinerja.learning.forms import (
    ItemAddForm,
    ItemCompleteForm,
    ItemRejectForm,
    PlanCommentForm,
    PlanReturnForm,
)
from kinerja.learning.models import DevelopmentItem, DevelopmentPlan, ItemSource, TrainingCourse
from kinerja.learning.permissions import can_read_needs, is_plan_appraiser, is_plan_employee
from kinerja.learning.selectors.plans import (
    PlanPage,
    development_item_get_for_actor,
    development_plan_get_for_actor,
    my_plan_page_for_actor,
    plan_page_build,
    team_plans_for_actor,
)
from kinerja.learning.services import completion, plans
from kinerja.monitoring.evidence.storage import stored_file_open

NOT_SENT = "Belum terkirim; periksa isian yang ditandai."


def plan_url(plan: DevelopmentPlan | int) -> str:
    plan_id = plan if isinstance(plan, int) else plan.pk
    return reverse("learning:plan_detail", kwargs={"plan_id": plan_id})


# --- /pengembangan/ ----------------------------------------------------------------------------


def _may_read_needs(actor: Any) -> bool:
    agency_id = getattr(actor, "agency_id", None)
    return (
        can_manage_city(actor)
        or is_leader(actor)
        or (agency_id is not None and can_read_needs(actor, agency_id))
    )


@require_http_methods(["GET", "POST"])
def plan_index(request: HttpRequest) -> HttpResponse:
    """GET: my plan, its JP and suggestions, and my team's plans. POST (the employee): open my
    plan of the current period, and add the suggested course `course` when given."""
    actor = request_actor(request)
    mine = my_plan_page_for_actor(actor=actor)
    if request.method == "POST":
        if mine is None or mine.period is None:
            raise PermissionDenied(
                "Hanya pegawai dengan periode penilaian berjalan yang dapat membuat rencana."
            )
        try:
            plan = mine.plan or plans.development_plan_open(
                actor=actor, employee=mine.employee, period=mine.period
            )
            course_id = request.POST.get("course", "")
            if course_id:
                course = TrainingCourse.objects.filter(pk=course_id, is_active=True).first()
                if course is None:
                    raise ValidationError(
                        {"course": ["Pelatihan yang dipilih tidak ada di katalog."]}
                    )
                _add_course(
                    actor, plan, course, request.POST.get("reason", ""), ItemSource.SUGGESTED
                )
        except ValidationError as error:
            for message in error.messages:
                messages.error(request, message)
            return _index(request, mine, status=400)
        messages.success(
            request, "Kegiatan ditambahkan ke rencana." if course_id else "Rencana dibuat."
        )
        return redirect(plan_url(plan))
    return _index(request, mine)


def _index(request: HttpRequest, mine: Any, *, status: int = 200) -> HttpResponse:
    actor = request_actor(request)
    context = {
        "mine": mine,
        "team": team_plans_for_actor(actor=actor),
        "may_read_needs": _may_read_needs(actor),
    }
    return render(request, "learning/plan/index.html", context, status=status)


def _add_course(
    actor: Any, plan: DevelopmentPlan, course: TrainingCourse, reason: str, source: str
) -> DevelopmentItem:
    return plans.development_item_add(
        actor=actor,
        plan=plan,
        title=course.title,
        kind=course.kind,
        jp_planned=course.jp,
        target_date=plan.period.end_date,
        source=source,
        reason=reason,
        course=course,
    )


# --- one plan ----------------------------------------------------------------------------------


def _courses() -> Any:
    return TrainingCourse.objects.filter(is_active=True).order_by("title")


def _row_forms(page: PlanPage, forms: dict[str, Any]) -> list[dict[str, Any]]:
    """Each item row with its own completion or rejection form (ids unique on the page); the
    refused one keeps what was typed and its errors."""
    entries = []
    for row in page.rows:
        pk = row.item.pk
        complete = forms.get("complete_form") if forms.get("complete_item") == pk else None
        reject = forms.get("reject_form") if forms.get("reject_item") == pk else None
        entries.append(
            {
                "row": row,
                "complete_form": complete
                or (ItemCompleteForm(auto_id=f"selesai-{pk}-%s") if row.may_complete else None),
                "reject_form": reject
                or (ItemRejectForm(auto_id=f"tolak-{pk}-%s") if row.may_confirm else None),
            }
        )
    return entries


def _detail(
    request: HttpRequest, page: PlanPage, *, status: int = 200, **forms: Any
) -> HttpResponse:
    rights = page.rights
    context: dict[str, Any] = {
        "page": page,
        "plan": page.plan,
        "rights": rights,
        "rows": _row_forms(page, forms),
        "add_form": forms.get("add_form")
        or (ItemAddForm(courses=_courses()) if rights.edit else None),
        "return_form": forms.get("return_form") or (PlanReturnForm() if rights.decide else None),
        "comment_errors": forms.get("comment_errors", []),
        "comment_body": forms.get("comment_body", ""),
    }
    return render(request, "learning/plan/detail.html", context, status=status)


@require_GET
def plan_detail(request: HttpRequest, plan_id: int) -> HttpResponse:
    actor = request_actor(request)
    plan = development_plan_get_for_actor(actor=actor, plan_id=plan_id)
    return _detail(request, plan_page_build(actor=actor, plan=plan))


def _refused(request: HttpRequest, plan_id: int, **forms: Any) -> HttpResponse:
    """The plan again with the form and its refusal (read again: the state may have changed)."""
    messages.error(request, NOT_SENT)
    actor = request_actor(request)
    plan = development_plan_get_for_actor(actor=actor, plan_id=plan_id)
    return _detail(request, plan_page_build(actor=actor, plan=plan), status=400, **forms)


@require_POST
def item_add(request: HttpRequest, plan_id: int) -> HttpResponse:
    actor = request_actor(request)
    plan = development_plan_get_for_actor(actor=actor, plan_id=plan_id)
    form = ItemAddForm(request.POST, courses=_courses())
    if not form.is_valid():
        return _refused(request, plan_id, add_form=form)
    data = form.cleaned_data
    course: TrainingCourse | None = data.get("course")
    source = data.get("source") or (
        ItemSource.APPRAISER
        if is_plan_appraiser(actor, plan) and not is_plan_employee(actor, plan)
        else ItemSource.EMPLOYEE
    )
    try:
        plans.development_item_add(
            actor=actor,
            plan=plan,
            title=data.get("title") or (course.title if course else ""),
            kind=data.get("kind") or (course.kind if course else ""),
            jp_planned=data.get("jp_planned"),
            target_date=data.get("target_date") or plan.period.end_date,
            source=source,
            reason=data.get("reason") or "",
            course=course,
            competency_id=None,
        )
    except ValidationError as error:
        form.add_service_errors(error)
        return _refused(request, plan_id, add_form=form)
    messages.success(request, "Kegiatan ditambahkan ke rencana.")
    return redirect(plan_url(plan))


@require_POST
def item_remove(request: HttpRequest, item_id: int) -> HttpResponse:
    actor = request_actor(request)
    item = development_item_get_for_actor(actor=actor, item_id=item_id)
    try:
        plans.development_item_remove(actor=actor, item=item)
    except ValidationError as error:
        for message in error.messages:
            messages.error(request, message)
        return _refused(request, item.plan_id)
    messages.success(request, f"Kegiatan “{item.title}” dihapus dari rencana.")
    return redirect(plan_url(item.plan_id))


def _plan_action(request: HttpRequest, plan_id: int, action: Any, done: str) -> HttpResponse:
    actor = request_actor(request)
    plan = development_plan_get_for_actor(actor=actor, plan_id=plan_id)
    try:
        action(actor=actor, plan=plan)
    except ValidationError as error:
        for message in error.messages:
            messages.error(request, message)
        return _refused(request, plan_id)
    messages.success(request, done)
    return redirect(plan_url(plan))


@require_POST
def plan_propose(request: HttpRequest, plan_id: int) -> HttpResponse:
    return _plan_action(
        request, plan_id, plans.development_plan_propose,
        "Rencana diajukan; pejabat penilai diberi tahu.",
    )  # fmt: skip


@require_POST
def plan_agree(request: HttpRequest, plan_id: int) -> HttpResponse:
    return _plan_action(
        request, plan_id, plans.development_plan_agree, "Rencana disepakati; pegawai diberi tahu."
    )


@require_POST
def plan_return(request: HttpRequest, plan_id: int) -> HttpResponse:
    actor = request_actor(request)
    plan = development_plan_get_for_actor(actor=actor, plan_id=plan_id)
    form = PlanReturnForm(request.POST)
    form.is_valid()
    try:
        plans.development_plan_return(
            actor=actor, plan=plan, reason=form.cleaned_data.get("reason") or ""
        )
    except ValidationError as error:
        form.add_service_errors(error)
        return _refused(request, plan_id, return_form=form)
    messages.success(request, "Rencana dikembalikan kepada pegawai dengan alasannya.")
    return redirect(plan_url(plan))


@require_POST
def plan_comment(request: HttpRequest, plan_id: int) -> HttpResponse:
    actor = request_actor(request)
    plan = development_plan_get_for_actor(actor=actor, plan_id=plan_id)
    form = PlanCommentForm(request.POST)
    form.is_valid()
    body = form.cleaned_data.get("body") or ""
    try:
        plans.development_plan_comment(actor=actor, plan=plan, body=body)
    except ValidationError as error:
        return _refused(request, plan_id, comment_errors=error.messages, comment_body=body)
    messages.success(request, "Komentar dikirim.")
    return redirect(plan_url(plan) + "#diskusi")


@require_POST
def item_complete(request: HttpRequest, item_id: int) -> HttpResponse:
    actor = request_actor(request)
    item = development_item_get_for_actor(actor=actor, item_id=item_id)
    form = ItemCompleteForm(request.POST, request.FILES, auto_id=f"selesai-{item_id}-%s")
    if not form.is_valid():
        return _refused(request, item.plan_id, complete_form=form, complete_item=item.pk)
    data = form.cleaned_data
    if data.get("completed_on") is None:
        form.add_error(
            "completed_on",
            "Tanggal selesai wajib diisi dengan tanggal kegiatan selesai, mis. 01-12-2026.",
        )
        return _refused(request, item.plan_id, complete_form=form, complete_item=item.pk)
    try:
        completion.development_item_complete(
            actor=actor,
            item=item,
            completed_on=data.get("completed_on"),  # type: ignore[arg-type]
            jp_earned=data.get("jp_earned"),  # type: ignore[arg-type]
            certificate=data.get("certificate"),
        )
    except ValidationError as error:
        form.add_service_errors(error)
        return _refused(request, item.plan_id, complete_form=form, complete_item=item.pk)
    messages.success(request, "Penyelesaian dicatat; pejabat penilai diminta mengonfirmasi.")
    return redirect(plan_url(item.plan_id))


@require_POST
def item_confirm(request: HttpRequest, item_id: int) -> HttpResponse:
    actor = request_actor(request)
    item = development_item_get_for_actor(actor=actor, item_id=item_id)
    try:
        completion.development_item_confirm(actor=actor, item=item)
    except ValidationError as error:
        for message in error.messages:
            messages.error(request, message)
        return _refused(request, item.plan_id)
    messages.success(request, "Penyelesaian dikonfirmasi; JP-nya dihitung.")
    return redirect(plan_url(item.plan_id))


@require_POST
def item_reject(request: HttpRequest, item_id: int) -> HttpResponse:
    actor = request_actor(request)
    item = development_item_get_for_actor(actor=actor, item_id=item_id)
    form = ItemRejectForm(request.POST, auto_id=f"tolak-{item_id}-%s")
    form.is_valid()
    try:
        completion.development_item_reject(
            actor=actor, item=item, reason=form.cleaned_data.get("reason") or ""
        )
    except ValidationError as error:
        form.add_service_errors(error)
        return _refused(request, item.plan_id, reject_form=form, reject_item=item.pk)
    messages.success(request, "Konfirmasi ditolak; pegawai diberi tahu alasannya.")
    return redirect(plan_url(item.plan_id))


@require_GET
def certificate(request: HttpRequest, item_id: int) -> FileResponse:
    actor = request_actor(request)
    item = development_item_get_for_actor(actor=actor, item_id=item_id)
    if not item.certificate_name:
        raise Http404("Kegiatan ini belum memiliki sertifikat.")
    response = FileResponse(
        stored_file_open(item.certificate_name),
        as_attachment=True,
        filename=item.certificate_original_name or "sertifikat",
        content_type=item.certificate_content_type or "application/octet-stream",
    )
    response["Cache-Control"] = "private, no-store"
    response["X-Content-Type-Options"] = "nosniff"
    return response
