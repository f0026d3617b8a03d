"""Rounds (create, open, close, roster sync) and one employee's list of raters."""

from __future__ import annotations

from typing import Any
from uuid import UUID

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.forms import Form
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_http_methods, require_POST

from kinerja.accounts.actors import request_actor
from kinerja.accounts.permissions import refuse, require
from kinerja.assessment.cycle_forms import (
    AddRaterForm,
    ApproveForm,
    CycleCreateForm,
    NominateForm,
    WithdrawForm,
)
from kinerja.assessment.models import CycleState, RelationChoice, ReviewerList
from kinerja.assessment.permissions import can_change_list, can_manage_cycles, is_list_owner
from kinerja.assessment.selectors.cycles import cycle_get_for_actor
from kinerja.assessment.selectors.lists import reviewer_list_get_for_actor
from kinerja.assessment.services.cycles import NOT_MANAGER
from kinerja.assessment.services.cycles import cycle_close as close_service
from kinerja.assessment.services.cycles import cycle_create as create_service
from kinerja.assessment.services.cycles import cycle_open as open_service
from kinerja.assessment.services.lists import (
    behavior_review_add,
    behavior_review_withdraw,
    reviewer_list_approve,
    reviewer_nominate,
)
from kinerja.assessment.services.peers import peer_ids_from_nips
from kinerja.assessment.services.roster import SYNC_KIND, cycle_roster_sync_start, sync_refusal
from kinerja.core.rendering import render_page_or_fragment
from kinerja.core.selectors import job_get_for_actor
from kinerja.people.holdings import covering, today
from kinerja.people.models import Assignment, Employee

JOB_PARAM = "tugas"


def _refusal_to_form(form: Form, error: ValidationError) -> None:
    """Put a service's refusal on the form: on its field when the form has it."""
    if hasattr(error, "error_dict"):
        for field, errors in error.message_dict.items():
            form.add_error(field if field in form.fields else None, errors)
    else:
        form.add_error(None, error.messages)


@require_http_methods(["GET", "POST"])
def cycle_create(request: HttpRequest) -> HttpResponse:
    actor = request_actor(request)
    require(can_manage_cycles(actor), NOT_MANAGER)
    form = CycleCreateForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            cycle = create_service(
                actor=actor,
                period=form.cleaned_data["period"],
                window=form.chosen_window(),
                agency=form.chosen_agency(),
                name=form.cleaned_data["name"],
                due_date=form.cleaned_data["due_date"],
            )
        except ValidationError as error:
            _refusal_to_form(form, error)
        else:
            messages.success(request, f"Putaran “{cycle.name}” dibuat dalam Penyusunan penilai.")
            return redirect("assessment:cycle_detail", cycle_id=cycle.pk)
    status = 400 if form.errors else 200
    return render(request, "assessment/cycle/create.html", {"form": form}, status=status)


def _state_change(request: HttpRequest, cycle_id: int, *, opening: bool) -> HttpResponse:
    actor = request_actor(request)
    cycle = cycle_get_for_actor(actor=actor, cycle_id=cycle_id)
    require(can_manage_cycles(actor), NOT_MANAGER)
    try:
        if opening:
            open_service(actor=actor, cycle=cycle)
            messages.success(request, "Putaran dibuka; para penilai sudah diberi tahu.")
        else:
            close_service(actor=actor, cycle=cycle)
            messages.success(request, "Putaran ditutup; hasil dapat dilihat pegawai yang dinilai.")
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    return redirect("assessment:cycle_detail", cycle_id=cycle.pk)


@require_POST
def cycle_open(request: HttpRequest, cycle_id: int) -> HttpResponse:
    return _state_change(request, cycle_id, opening=True)


@require_POST
def cycle_close(request: HttpRequest, cycle_id: int) -> HttpResponse:
    return _state_change(request, cycle_id, opening=False)


def _job(request: HttpRequest, actor: Any, cycle_id: int) -> Any:
    raw = request.GET.get(JOB_PARAM, "")
    if not raw:
        return None
    try:
        job_id = UUID(raw)
    except ValueError as error:
        raise Http404 from error
    job = job_get_for_actor(actor=actor, job_id=job_id)
    if job.kind != SYNC_KIND or job.result.get("cycle_id") != cycle_id:
        raise Http404
    return job


@require_http_methods(["GET", "POST"])
@never_cache
def cycle_sync(request: HttpRequest, cycle_id: int) -> HttpResponse:
    actor = request_actor(request)
    cycle = cycle_get_for_actor(actor=actor, cycle_id=cycle_id)
    refuse(sync_refusal(actor, cycle))
    url = reverse("assessment:cycle_sync", args=[cycle.pk])
    error = ""
    if request.method == "POST":
        try:
            job = cycle_roster_sync_start(actor=actor, cycle=cycle)
        except ValidationError as refused:
            error = " ".join(refused.messages)
        else:
            return redirect(f"{url}?{JOB_PARAM}={job.pk}")
    job = _job(request, actor, cycle.pk)
    context = {
        "cycle": cycle,
        "job": job,
        "error": error,
        "poll_url": f"{url}?{JOB_PARAM}={job.pk}" if job else "",
        "closed": cycle.state == CycleState.CLOSED,
    }
    return render_page_or_fragment(
        request,
        page="assessment/cycle/sync.html",
        fragment="assessment/cycle/_job_part.html",
        context=context,
        status=400 if error else 200,
    )


# --- one list ---------------------------------------------------------------------------------


def _candidates(reviewer_list: ReviewerList) -> list[tuple[int, str]]:
    """Employees holding a post in the list's unit today (else under the same supervising
    post as the employee), without the employee and the appraiser; one query."""
    day = today()
    held = Assignment.objects.filter(covering(day), position__agency_id=reviewer_list.agency_id)
    if reviewer_list.unit_id is not None:
        held = held.filter(position__unit_id=reviewer_list.unit_id)
    else:
        mine = Assignment.objects.filter(covering(day), employee_id=reviewer_list.employee_id)
        held = held.filter(
            position__supervisor_id__in=mine.values("position__supervisor_id"),
        )
    rows = (
        Employee.objects.filter(pk__in=held.values("employee_id"))
        .exclude(pk__in=[reviewer_list.employee_id, reviewer_list.appraiser_id or 0])
        .order_by("name", "pk")
        .values_list("pk", "name", "nip")
    )
    return [(pk, f"{name} (NIP {nip})") for pk, name, nip in rows]


def _peer_ids(reviewer_list: ReviewerList) -> list[int]:
    return [
        r.rater_id
        for r in reviewer_list.reviews.all()
        if r.relation == RelationChoice.PEER and r.is_active
    ]


def _handle(
    request: HttpRequest, actor: Any, reviewer_list: ReviewerList, forms: dict[str, Form]
) -> str | None:
    """Run the posted action; its success message, or None with errors on its form."""
    action = request.POST.get("action", "")
    form = forms.get(action)
    if form is None:
        raise Http404("Tindakan tidak dikenal.")
    if not form.is_valid():
        return None
    data = form.cleaned_data
    try:
        if action == "nominate":
            ids, errors = peer_ids_from_nips(
                text=data["nips"], agency_id=reviewer_list.agency_id, day=today()
            )
            if errors:
                form.add_error("nips", errors)
                return None
            reviewer_nominate(
                actor=actor, reviewer_list=reviewer_list, peer_ids=[*data["peers"], *ids]
            )
            return "Nominasi rekan penilai disimpan; pejabat penilai akan menyetujuinya."
        if action == "approve":
            reviewer_list_approve(
                actor=actor,
                reviewer_list=reviewer_list,
                peer_ids=data["peers"] if data["change"] else None,
                reason=data["reason"],
            )
            return "Daftar penilai disetujui."
        if action == "add":
            ids, errors = peer_ids_from_nips(
                text=data["nip"], agency_id=reviewer_list.agency_id, day=today()
            )
            if errors:
                form.add_error("nip", errors)
                return None
            behavior_review_add(
                actor=actor, reviewer_list=reviewer_list, rater_id=ids[0],
                relation=data["relation"],
            )  # fmt: skip
            return "Penilai ditambahkan."
        review = reviewer_list.reviews.filter(pk=data["review"]).first()
        if review is None:
            raise Http404("Penilai tidak ditemukan di daftar ini.")
        behavior_review_withdraw(actor=actor, review=review, reason=data["reason"])
        return "Penilai ditarik dari daftar."
    except ValidationError as error:
        _refusal_to_form(form, error)
        return None


@require_http_methods(["GET", "POST"])
def list_detail(request: HttpRequest, cycle_id: int, employee_id: int) -> HttpResponse:
    actor = request_actor(request)
    cycle = cycle_get_for_actor(actor=actor, cycle_id=cycle_id)
    reviewer_list = reviewer_list_get_for_actor(actor=actor, cycle=cycle, employee_id=employee_id)
    owner = is_list_owner(actor, reviewer_list)
    changer = can_change_list(actor, reviewer_list)
    may_nominate = (
        owner
        and cycle.state == CycleState.DRAFT
        and reviewer_list.state != ReviewerList.State.APPROVED
    )
    may_change = changer and cycle.state != CycleState.CLOSED
    candidates = _candidates(reviewer_list) if (may_nominate or may_change) else []
    post = request.POST if request.method == "POST" else None
    peers = _peer_ids(reviewer_list)
    forms: dict[str, Form] = {}
    if may_nominate:
        forms["nominate"] = NominateForm(
            post if post and post.get("action") == "nominate" else None,
            candidates=candidates, initial={"peers": peers}, prefix="nominasi",
        )  # fmt: skip
    if may_change:
        forms["approve"] = ApproveForm(
            post if post and post.get("action") == "approve" else None,
            candidates=candidates, initial={"peers": peers}, prefix="setujui",
        )  # fmt: skip
        forms["add"] = AddRaterForm(
            post if post and post.get("action") == "add" else None, prefix="tambah"
        )
        forms["withdraw"] = WithdrawForm(
            post if post and post.get("action") == "withdraw" else None, prefix="tarik"
        )
    if post is not None:
        require(bool(forms), "Anda tidak dapat mengubah daftar penilai ini.")
        done = _handle(request, actor, reviewer_list, forms)
        if done:
            messages.success(request, done)
            return redirect("assessment:list_detail", cycle_id=cycle.pk, employee_id=employee_id)
    groups: dict[str, list[Any]] = {}
    for review in reviewer_list.reviews.all():
        if review.is_active:
            groups.setdefault(review.get_relation_display(), []).append(review)
    context = {
        "cycle": cycle,
        "reviewer_list": reviewer_list,
        "groups": groups,
        "withdrawn": [r for r in reviewer_list.reviews.all() if not r.is_active],
        "forms": forms,
        "owner": owner,
        "may_change": may_change,
    }
    status = 400 if any(f.errors for f in forms.values()) else 200
    return render(request, "assessment/list/detail.html", context, status=status)
