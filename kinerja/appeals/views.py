"""Objection pages: /keberatan/ (the actor's boxes), filing against an evaluation, the record as
one thread with the form of whoever's turn it is (explain, answer, decide, withdraw), the
attachments and the decision letter. Thin: the selectors read and authorise, the services
write and refuse; a refusal re-renders the record with the service's sentence."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from django import forms
from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.http import FileResponse, Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.http import urlencode
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from kinerja.accounts.actors import request_actor
from kinerja.appeals import permissions, rules
from kinerja.appeals.documents.content import objection_letter_build
from kinerja.appeals.documents.pdf import PDF_CONTENT_TYPE, objection_letter_render
from kinerja.appeals.forms import (
    ObjectionAnswerForm,
    ObjectionDecideForm,
    ObjectionExplainForm,
    ObjectionFileForm,
    ObjectionWithdrawForm,
)
from kinerja.appeals.models import DECIDED_STATES, Objection, ObjectionState
from kinerja.appeals.selectors.explanation import predikat_matrix
from kinerja.appeals.selectors.objections import (
    BOX_ALL,
    BoxTab,
    ObjectionFilters,
    ObjectionPage,
    attachment_get_for_actor,
    objection_boxes_for_actor,
    objection_for_evaluation,
    objection_get_for_actor,
    objection_list_for_actor,
    objection_page_for_actor,
    objection_row,
)
from kinerja.appeals.services.attachments import objection_attachment_open
from kinerja.appeals.services.decision import objection_decide as decide_service
from kinerja.appeals.services.exchange import objection_answer as answer_service
from kinerja.appeals.services.exchange import objection_explain as explain_service
from kinerja.appeals.services.filing import objection_file as file_service
from kinerja.appeals.services.filing import objection_withdraw as withdraw_service
from kinerja.evaluation.rules import OBJECTION_DAYS, Scope, objection_deadline
from kinerja.evaluation.selectors.common import evaluation_get_for_actor
from kinerja.organization.models import Agency
from kinerja.people.holdings import today
from kinerja.scoring.formatting import format_date_id

PAGE_SIZE = 25
BOX_PARAM = "kotak"
NOT_SENT = "Belum terkirim; periksa isian yang ditandai."


def objection_url(objection: Objection) -> str:
    return reverse("appeals:objection_detail", kwargs={"objection_id": objection.pk})


# --- the list ----------------------------------------------------------------------------------


class ObjectionFilterForm(forms.Form):
    """The "semua" box's filters: an agency and a state."""

    perangkat_daerah = forms.TypedChoiceField(
        label="Perangkat daerah", required=False, coerce=int, empty_value=None
    )
    status = forms.ChoiceField(
        label="Status", required=False, choices=[("", "Semua status"), *ObjectionState.choices]
    )

    def __init__(self, *args: Any, agencies: list[tuple[int, str]], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        field = self.fields["perangkat_daerah"]
        assert isinstance(field, forms.TypedChoiceField)
        field.choices = [("", "Semua perangkat daerah"), *agencies]

    def filters(self) -> ObjectionFilters:
        if not self.is_valid():
            return ObjectionFilters()
        data = self.cleaned_data
        return ObjectionFilters(
            agency_id=data.get("perangkat_daerah"), state=data.get("status", "")
        )


def default_box(tabs: list[BoxTab]) -> str:
    """The box a page opens on: the first with something open, else the first with anything."""
    for wanted in (lambda tab: tab.open > 0, lambda tab: tab.total > 0, lambda tab: True):
        for tab in tabs:
            if wanted(tab):
                return tab.code
    return ""


@require_GET
def objection_list(request: HttpRequest) -> HttpResponse:
    actor = request_actor(request)
    tabs = objection_boxes_for_actor(actor=actor)
    codes = [tab.code for tab in tabs]
    box = request.GET.get(BOX_PARAM, "")
    if box not in codes:
        box = default_box(tabs)
    context: dict[str, Any] = {"tabs": tabs, "box": box, "box_param": BOX_PARAM}
    if box:
        filters = ObjectionFilters()
        form = None
        if box == BOX_ALL:
            agencies = list(Agency.objects.order_by("name").values_list("pk", "name"))
            form = ObjectionFilterForm(request.GET, agencies=agencies)
            filters = form.filters()
        objections = objection_list_for_actor(actor=actor, box=box, filters=filters)
        page = Paginator(objections, PAGE_SIZE).get_page(request.GET.get("halaman"))
        day = today()
        query = {BOX_PARAM: box}
        if filters.agency_id:
            query["perangkat_daerah"] = str(filters.agency_id)
        if filters.state:
            query["status"] = filters.state
        context |= {
            "page": page,
            "rows": [objection_row(objection, day=day) for objection in page],
            "form": form,
            "query": urlencode(query),
            "list_url": reverse("appeals:objection_list"),
        }
    return render(request, "appeals/objection/list.html", context)


# --- filing ------------------------------------------------------------------------------------


def deadline_text(evaluation: Any) -> str:
    """ "Batas pengajuan: 14 Desember 2026 (14 hari kalender sejak diterima 30 November 2026,
    PP 30/2019 Pasal 59)"."""
    deadline = objection_deadline(evaluation)
    if deadline is None:
        return ""
    received = format_date_id(rules.local_day(evaluation.acknowledged_at))
    return (
        f"Batas pengajuan: {format_date_id(deadline)} ({OBJECTION_DAYS} hari kalender sejak "
        f"diterima {received}, PP 30/2019 Pasal 59)"
    )


@require_http_methods(["GET", "POST"])
def objection_file(request: HttpRequest, evaluation_id: int) -> HttpResponse:
    actor = request_actor(request)
    evaluation = evaluation_get_for_actor(actor=actor, evaluation_id=evaluation_id)
    existing = objection_for_evaluation(evaluation=evaluation)
    if existing is not None and permissions.can_view_objection(actor, existing):
        return redirect(objection_url(existing))
    if not permissions.is_rated_employee(actor, evaluation):
        raise PermissionDenied(rules.NOT_EMPLOYEE)
    refusal = rules.objection_file_refusal(
        evaluation, day=today(), has_objection=existing is not None
    )
    form = ObjectionFileForm(request.POST or None, request.FILES or None)
    status = 200
    if request.method == "POST" and refusal is None and form.is_valid():
        data = form.cleaned_data
        try:
            objection = file_service(
                actor=actor,
                evaluation=evaluation,
                subject=data.get("subject") or "",
                statement=data.get("statement") or "",
                requested=data.get("requested") or "",
                files=data.get("attachments") or [],
            )
        except ValidationError as error:
            form.add_service_errors(error)
        else:
            messages.success(
                request,
                "Keberatan diajukan. Pejabat penilai diminta memberi penjelasan dan atasan "
                "pejabat penilai diberi tahu.",
            )
            return redirect(objection_url(objection))
    if request.method == "POST":
        status = 400 if refusal else 200
        if form.errors or form.non_field_errors():
            messages.error(request, NOT_SENT)
    context = {
        "evaluation": evaluation,
        "plan": evaluation.plan,
        "scope": Scope(evaluation.plan.period, evaluation.window),
        "refusal": refusal,
        "deadline_text": deadline_text(evaluation),
        "form": form,
    }
    return render(request, "appeals/objection/file.html", context, status=status)


# --- one record --------------------------------------------------------------------------------


def _detail(
    request: HttpRequest,
    page: ObjectionPage,
    *,
    explain_form: ObjectionExplainForm | None = None,
    answer_form: ObjectionAnswerForm | None = None,
    decide_form: ObjectionDecideForm | None = None,
    withdraw_form: ObjectionWithdrawForm | None = None,
    status: int = 200,
) -> HttpResponse:
    objection = page.objection
    context = {
        "page": page,
        "objection": objection,
        "evaluation": page.evaluation,
        "plan": page.evaluation.plan,
        "scope": Scope(page.evaluation.plan.period, page.evaluation.window),
        "explain_form": explain_form or (ObjectionExplainForm() if page.may_explain else None),
        "answer_form": answer_form or (ObjectionAnswerForm() if page.may_answer else None),
        "decide_form": decide_form
        or (ObjectionDecideForm() if page.may_decide and not page.decide_refusal else None),
        "withdraw_form": withdraw_form or (ObjectionWithdrawForm() if page.may_withdraw else None),
        "show_decide": page.may_decide or decide_form is not None,
        "matrix": (
            predikat_matrix(page.evaluation.results_rating, page.evaluation.behavior_rating)[0]
            if page.may_decide or decide_form is not None
            else []
        ),
        "decided": objection.state in DECIDED_STATES,
        "full_record": permissions.can_see_full_record(request_actor(request)),
    }
    return render(request, "appeals/objection/detail.html", context, status=status)


@require_GET
def objection_detail(request: HttpRequest, objection_id: int) -> HttpResponse:
    page = objection_page_for_actor(actor=request_actor(request), objection_id=objection_id)
    return _detail(request, page)


def _refused(request: HttpRequest, objection_id: int, form_name: str, form: Any) -> HttpResponse:
    """The record again with the form and its refusal (the page is read again: the service
    may have refused because the state changed)."""
    messages.error(request, NOT_SENT)
    page = objection_page_for_actor(actor=request_actor(request), objection_id=objection_id)
    return _detail(request, page, status=400, **{form_name: form})


def _text_step(
    request: HttpRequest,
    objection_id: int,
    *,
    form_class: type[Any],
    form_name: str,
    field: str,
    service: Callable[..., Objection],
    argument: str,
    done: str,
) -> HttpResponse:
    """One step that sends one text (explain, answer, withdraw): the form read, the service
    asked (it checks the right and the state), the record again with the refusal, or back to
    the record with `done`."""
    actor = request_actor(request)
    objection = objection_get_for_actor(actor=actor, objection_id=objection_id)
    form = form_class(request.POST)
    form.is_valid()
    try:
        service(actor=actor, objection=objection, **{argument: form.cleaned_data.get(field) or ""})
    except ValidationError as error:
        form.add_service_errors(error)
        return _refused(request, objection_id, form_name, form)
    messages.success(request, done)
    return redirect(objection_url(objection))


@require_POST
def objection_explain(request: HttpRequest, objection_id: int) -> HttpResponse:
    return _text_step(
        request, objection_id, form_class=ObjectionExplainForm, form_name="explain_form",
        field="explanation", service=explain_service, argument="explanation",
        done="Penjelasan dikirim; pegawai dan atasan pejabat penilai diberi tahu.",
    )  # fmt: skip


@require_POST
def objection_answer(request: HttpRequest, objection_id: int) -> HttpResponse:
    return _text_step(
        request, objection_id, form_class=ObjectionAnswerForm, form_name="answer_form",
        field="answer", service=answer_service, argument="answer",
        done="Tanggapan dikirim; atasan pejabat penilai diberi tahu.",
    )  # fmt: skip


@require_POST
def objection_decide(request: HttpRequest, objection_id: int) -> HttpResponse:
    actor = request_actor(request)
    objection = objection_get_for_actor(actor=actor, objection_id=objection_id)
    if not permissions.is_objection_decider(actor, objection):
        raise PermissionDenied(rules.NOT_DECIDER)
    form = ObjectionDecideForm(request.POST)
    if not form.is_valid():
        return _refused(request, objection_id, "decide_form", form)
    data = form.cleaned_data
    accepted = form.accepted()
    try:
        decided = decide_service(
            actor=actor,
            objection=objection,
            accepted=accepted,
            reason=data.get("decision_reason") or "",
            results_rating=(data.get("results_rating") or "") if accepted else "",
            behavior_rating=(data.get("behavior_rating") or "") if accepted else "",
        )
    except ValidationError as error:
        form.add_service_errors(error)
        return _refused(request, objection_id, "decide_form", form)
    if decided.state == ObjectionState.ACCEPTED:
        messages.success(
            request,
            f"Keberatan diterima: predikat kinerja menjadi {decided.get_predikat_after_display()}. "
            "Keputusan ini final.",
        )
    else:
        messages.success(request, "Keberatan ditolak. Keputusan ini final.")
    return redirect(objection_url(objection))


@require_POST
def objection_withdraw(request: HttpRequest, objection_id: int) -> HttpResponse:
    return _text_step(
        request, objection_id, form_class=ObjectionWithdrawForm, form_name="withdraw_form",
        field="reason", service=withdraw_service, argument="reason", done="Keberatan dicabut.",
    )  # fmt: skip


# --- files -------------------------------------------------------------------------------------


@require_GET
def objection_attachment(
    request: HttpRequest, objection_id: int, attachment_id: int
) -> FileResponse:
    actor = request_actor(request)
    attachment = attachment_get_for_actor(
        actor=actor, objection_id=objection_id, attachment_id=attachment_id
    )
    handle = objection_attachment_open(actor=actor, attachment=attachment)
    response = FileResponse(
        handle,
        as_attachment=True,
        filename=attachment.original_name,
        content_type=attachment.content_type,
    )
    response["Cache-Control"] = "private, no-store"
    response["X-Content-Type-Options"] = "nosniff"
    return response


@require_GET
def objection_letter(request: HttpRequest, objection_id: int) -> HttpResponse:
    """The decision letter: only once decided (404 before, as for anyone who may not see it)."""
    objection = objection_get_for_actor(actor=request_actor(request), objection_id=objection_id)
    if objection.state not in DECIDED_STATES:
        raise Http404("Surat keputusan belum ada: keberatan belum diputus.")
    document = objection_letter_build(objection=objection)
    response = HttpResponse(
        objection_letter_render(document=document), content_type=PDF_CONTENT_TYPE
    )
    response["Content-Disposition"] = f'attachment; filename="{document.file_name}"'
    response["Cache-Control"] = "private, no-store"
    return response
