"""Service standards: the staff workspace (draft, endorsements, proposals, thread, approval,
versions) and the public approved version.

Every page fetches the unit through `service_unit_get_for_actor` (404 unknown, 403 for who may
not read the unit's survey); each action asks its service, which checks the right again. A
refused action shows the workspace again with the sentence under the field and the typed text
kept (status 400); a done one redirects back to it (POST, redirect, GET).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_not_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.views.decorators.http import require_http_methods, require_POST

from kinerja.accounts.actors import request_actor
from kinerja.discussions.selectors import comments_for, version_get, versions_for
from kinerja.discussions.subjects import subject_label
from kinerja.discussions.versions import lines_diff, version_diff
from kinerja.organization.models import ServiceUnit
from kinerja.surveys.models import (
    ProposalState,
    ServiceStandard,
    StandardEndorsement,
    StandardProposal,
)
from kinerja.surveys.permissions import (
    can_approve_standard,
    can_edit_standard,
    can_manage_unit_survey,
    can_take_part_in_standard,
)
from kinerja.surveys.selectors import service_unit_get_for_actor, service_unit_public_get
from kinerja.surveys.services.proposals import (
    proposal_accept,
    proposal_decline,
    standard_propose,
)
from kinerja.surveys.services.standard_rules import (
    standard_lines,
)
from kinerja.surveys.services.standards import (
    standard_approve,
    standard_comment,
    standard_edit,
    standard_endorse,
    standard_start,
)
from kinerja.surveys.standard_forms import (
    CommentForm,
    DecisionForm,
    ProposalForm,
    StandardApproveForm,
    StandardEditForm,
)

SERVICES_PER_PAGE = 50


def _standard(unit: ServiceUnit) -> ServiceStandard | None:
    return ServiceStandard.objects.filter(service_unit=unit).first()


def _standard_or_404(unit: ServiceUnit) -> ServiceStandard:
    standard = _standard(unit)
    if standard is None:
        raise Http404("Unit layanan ini belum memiliki standar pelayanan.")
    standard.service_unit = unit
    return standard


def _workspace_url(unit: ServiceUnit, anchor: str = "") -> str:
    url = reverse("surveys:standard", kwargs={"slug": unit.slug})
    return f"{url}#{anchor}" if anchor else url


def _edit_initial(standard: ServiceStandard, components: list[Any]) -> dict[str, Any]:
    return {"revision": standard.revision} | {c.kind: c.draft_text for c in components}


def _workspace_context(
    request: HttpRequest, unit: ServiceUnit, standard: ServiceStandard | None, **forms: Any
) -> dict[str, Any]:
    actor = request_actor(request)
    rights = {
        "edit": can_edit_standard(actor, unit),
        "take_part": can_take_part_in_standard(actor, unit),
        "approve": can_approve_standard(actor, unit),
        "manage": can_manage_unit_survey(actor, unit),
    }
    context: dict[str, Any] = {"unit": unit, "standard": standard, "rights": rights}
    if standard is None:
        return context
    components = list(standard.components.order_by("position"))
    drafts = {c.kind: c.draft_text for c in components}
    versions = versions_for(standard)
    approved = next((v for v in versions if v.number == standard.approved_version), None)
    diff = lines_diff(list(approved.lines), standard_lines(drafts)) if approved else []
    endorsements = list(
        StandardEndorsement.objects.filter(standard=standard, revision=standard.revision)
        .select_related("employee")
        .order_by("created_at")
    )
    proposals = list(
        StandardProposal.objects.filter(standard=standard, state=ProposalState.OPEN)
        .select_related("proposed_by")
        .order_by("created_at")
    )
    decision = forms.get("decision")
    decision_id = forms.get("decision_id")
    rows = [
        {
            "proposal": p,
            "form": decision
            if decision is not None and decision_id == p.pk
            else DecisionForm(prefix=f"usul-{p.pk}"),
        }
        for p in proposals
    ]
    comment_form = forms.get("comment")
    context |= {
        "components": components,
        "changed": any(c.draft_text != c.published_text for c in components),
        "approved_version": approved,
        "diff": diff,
        "versions": list(reversed(versions)),
        "endorsements": endorsements,
        "endorsed": any(e.employee.user_id == getattr(actor, "pk", None) for e in endorsements),
        "proposal_rows": rows,
        "comments": comments_for([standard])[subject_label(standard)],
        "comment_errors": comment_form.errors.get("body", []) if comment_form else [],
        "comment_body": comment_form.data.get("body", "") if comment_form else "",
        "edit_form": forms.get("edit")
        or StandardEditForm(initial=_edit_initial(standard, components)),
        "proposal_form": forms.get("proposal") or ProposalForm(prefix="usul"),
        "endorse_errors": forms.get("endorse_errors", []),
    }
    return context


def standard_workspace(request: HttpRequest, slug: str) -> HttpResponse:
    """The standard's workspace for the unit's staff and those who read its survey."""
    unit = service_unit_get_for_actor(actor=request_actor(request), slug=slug)
    context = _workspace_context(request, unit, _standard(unit))
    return render(request, "surveys/standard_workspace.html", context)


def _refused(
    request: HttpRequest, unit: ServiceUnit, standard: ServiceStandard | None, **forms: Any
) -> HttpResponse:
    context = _workspace_context(request, unit, standard, **forms)
    return render(request, "surveys/standard_workspace.html", context, status=400)


@require_POST
def standard_begin(request: HttpRequest, slug: str) -> HttpResponse:
    actor = request_actor(request)
    unit = service_unit_get_for_actor(actor=actor, slug=slug)
    try:
        standard_start(actor=actor, service_unit=unit)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
        return redirect(_workspace_url(unit))
    messages.success(request, "Draf standar pelayanan dimulai: isi komponennya bersama.")
    return redirect(_workspace_url(unit, "draf"))


@require_POST
def standard_save(request: HttpRequest, slug: str) -> HttpResponse:
    actor = request_actor(request)
    unit = service_unit_get_for_actor(actor=actor, slug=slug)
    standard = _standard_or_404(unit)
    form = StandardEditForm(request.POST)
    if form.is_valid():
        before = standard.revision
        try:
            standard_edit(
                actor=actor,
                standard=standard,
                texts=form.texts(),
                revision=form.cleaned_data["revision"],
            )
        except ValidationError as error:
            form.add_service_errors(error)
        else:
            if standard.revision == before:
                messages.info(request, "Tidak ada perubahan pada draf.")
            else:
                messages.success(request, f"Draf disimpan sebagai revisi {standard.revision}.")
            return redirect(_workspace_url(unit, "draf"))
    return _refused(request, unit, standard, edit=form)


@require_POST
def standard_endorse_view(request: HttpRequest, slug: str) -> HttpResponse:
    actor = request_actor(request)
    unit = service_unit_get_for_actor(actor=actor, slug=slug)
    standard = _standard_or_404(unit)
    try:
        standard_endorse(actor=actor, standard=standard)
    except ValidationError as error:
        return _refused(request, unit, standard, endorse_errors=error.messages)
    messages.success(request, f"Anda mendukung revisi {standard.revision} draf ini.")
    return redirect(_workspace_url(unit, "dukungan"))


@require_POST
def standard_propose_view(request: HttpRequest, slug: str) -> HttpResponse:
    actor = request_actor(request)
    unit = service_unit_get_for_actor(actor=actor, slug=slug)
    standard = _standard_or_404(unit)
    form = ProposalForm(request.POST, prefix="usul")
    if form.is_valid():
        try:
            standard_propose(
                actor=actor,
                standard=standard,
                kind=form.cleaned_data["kind"],
                text=form.cleaned_data["text"],
                reason=form.cleaned_data["reason"],
            )
        except ValidationError as error:
            form.add_service_errors(error)
        else:
            messages.success(request, "Usul perubahan diajukan dan tercatat di diskusi.")
            return redirect(_workspace_url(unit, "usul"))
    return _refused(request, unit, standard, proposal=form)


@require_POST
def standard_proposal_decide(request: HttpRequest, slug: str, proposal_id: int) -> HttpResponse:
    actor = request_actor(request)
    unit = service_unit_get_for_actor(actor=actor, slug=slug)
    standard = _standard_or_404(unit)
    proposal = get_object_or_404(StandardProposal, pk=proposal_id, standard=standard)
    proposal.standard = standard
    form = DecisionForm(request.POST, prefix=f"usul-{proposal.pk}")
    if form.is_valid():
        accept = form.cleaned_data["decision"] == "terima"
        decide: Callable[..., Any] = proposal_accept if accept else proposal_decline
        try:
            decide(actor=actor, proposal=proposal, note=form.cleaned_data["note"])
        except ValidationError as error:
            form.add_service_errors(error)
        else:
            done = "diterima dan masuk ke draf" if accept else "ditolak"
            messages.success(request, f"Usul perubahan {done}.")
            return redirect(_workspace_url(unit, "usul"))
    return _refused(request, unit, standard, decision=form, decision_id=proposal.pk)


@require_POST
def standard_comment_view(request: HttpRequest, slug: str) -> HttpResponse:
    actor = request_actor(request)
    unit = service_unit_get_for_actor(actor=actor, slug=slug)
    standard = _standard_or_404(unit)
    form = CommentForm(request.POST)
    if form.is_valid():
        try:
            standard_comment(actor=actor, standard=standard, body=form.cleaned_data["body"])
        except ValidationError as error:
            form.add_service_errors(error)
    if getattr(request, "htmx", False):
        refused = not form.is_valid()
        context = {
            "comments": comments_for([standard])[subject_label(standard)],
            "post_url": request.path,
            "may_comment": True,
            "form_id": "komentar-standar",
            "errors": form.errors.get("body", []) + form.non_field_errors() if refused else [],
            "body": request.POST.get("body", "") if refused else "",
        }
        return render(request, "discussions/_thread.html", context)
    if form.is_valid():
        return redirect(_workspace_url(unit, "diskusi"))
    return _refused(request, unit, standard, comment=form)


@require_http_methods(["GET", "POST"])
def standard_approve_view(request: HttpRequest, slug: str) -> HttpResponse:
    """The head's confirmation page: what changed since the last approval, then approve."""
    actor = request_actor(request)
    unit = service_unit_get_for_actor(actor=actor, slug=slug)
    standard = _standard_or_404(unit)
    if not can_approve_standard(actor, unit):
        raise PermissionDenied(
            "Hanya kepala unit layanan ini yang dapat menyetujui standar pelayanannya."
        )
    form = StandardApproveForm(request.POST or None, initial={"revision": standard.revision})
    status = 200
    if request.method == "POST":
        if form.is_valid():
            try:
                version = standard_approve(
                    actor=actor,
                    standard=standard,
                    revision=form.cleaned_data["revision"],
                    note=form.cleaned_data["note"],
                )
            except ValidationError as error:
                form.add_service_errors(error)
            else:
                messages.success(
                    request, f"Standar pelayanan disetujui sebagai versi {version.number}."
                )
                return redirect(_workspace_url(unit))
        status = 400
    context = _workspace_context(request, unit, standard) | {"form": form}
    return render(request, "surveys/standard_approve.html", context, status=status)


def standard_version(request: HttpRequest, slug: str, number: int) -> HttpResponse:
    """One approved version, compared with the one before it."""
    unit = service_unit_get_for_actor(actor=request_actor(request), slug=slug)
    standard = _standard_or_404(unit)
    version = version_get(standard, number)
    previous = version_get(standard, number - 1) if number > 1 else None
    diff = version_diff(previous, version)
    context = {
        "unit": unit,
        "standard": standard,
        "version": version,
        "previous": previous,
        "diff": diff,
        "page_title": f"Versi {version.number} standar pelayanan",
    }
    return render(request, "surveys/standard_version.html", context)


@login_not_required
def standard_public(request: HttpRequest, slug: str) -> HttpResponse:
    """The approved standard, for citizens: the published texts only, never the draft."""
    unit = service_unit_public_get(slug=slug)
    standard = (
        ServiceStandard.objects.filter(service_unit=unit, approved_version__gt=0)
        .only("approved_version", "approved_at")
        .first()
    )
    components = (
        list(standard.components.exclude(published_text="").order_by("position"))
        if standard
        else []
    )
    context = {"unit": unit, "standard": standard, "components": components}
    return render(request, "surveys/public/standard.html", context)
