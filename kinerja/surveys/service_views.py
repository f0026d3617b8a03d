"""The unit's services (jenis layanan) that a respondent chooses from: the list, adding one,
renaming or deactivating one. Readers: whoever reads the unit's survey; writers: the head of
the unit or the Admin OPD (`permissions.can_manage_unit_survey`, asked again by the services).
"""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.forms import Form
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.http import require_http_methods

from kinerja.accounts.actors import request_actor
from kinerja.organization.models import ServiceUnit
from kinerja.surveys.models import Service
from kinerja.surveys.permissions import can_manage_unit_survey
from kinerja.surveys.selectors import service_unit_get_for_actor
from kinerja.surveys.services.catalogue import NOT_MANAGER, service_add, service_update
from kinerja.surveys.standard_forms import ServiceEditForm, ServiceForm

SERVICES_PER_PAGE = 50


def _services_context(request: HttpRequest, unit: ServiceUnit, form: Form) -> dict[str, Any]:
    services = Service.objects.filter(service_unit=unit).order_by("position", "name")
    page = Paginator(services, SERVICES_PER_PAGE).get_page(request.GET.get("halaman"))
    return {
        "unit": unit,
        "page": page,
        "form": form,
        "may_manage": can_manage_unit_survey(request_actor(request), unit),
    }


@require_http_methods(["GET", "POST"])
def service_list(request: HttpRequest, slug: str) -> HttpResponse:
    """The unit's services; the head or the Admin OPD adds one here."""
    actor = request_actor(request)
    unit = service_unit_get_for_actor(actor=actor, slug=slug)
    form = ServiceForm(request.POST or None)
    if request.method == "POST":
        if not can_manage_unit_survey(actor, unit):
            raise PermissionDenied(NOT_MANAGER)
        if form.is_valid():
            try:
                service = service_add(
                    actor=actor, service_unit=unit, name=form.cleaned_data["name"]
                )
            except ValidationError as error:
                form.add_service_errors(error)
            else:
                messages.success(request, f"Jenis layanan “{service.name}” ditambahkan.")
                return redirect("surveys:services", slug=unit.slug)
        context = _services_context(request, unit, form)
        return render(request, "surveys/service_list.html", context, status=400)
    return render(request, "surveys/service_list.html", _services_context(request, unit, form))


@require_http_methods(["GET", "POST"])
def service_edit(request: HttpRequest, slug: str, service_id: int) -> HttpResponse:
    """Rename a service or take it off the form (deactivate), or put it back."""
    actor = request_actor(request)
    unit = service_unit_get_for_actor(actor=actor, slug=slug)
    service = get_object_or_404(Service, pk=service_id, service_unit=unit)
    service.service_unit = unit
    if not can_manage_unit_survey(actor, unit):
        raise PermissionDenied(NOT_MANAGER)
    initial = {"name": service.name, "is_active": service.is_active}
    form = ServiceEditForm(request.POST or None, initial=initial)
    status = 200
    if request.method == "POST":
        if form.is_valid():
            try:
                service_update(
                    actor=actor,
                    service=service,
                    name=form.cleaned_data["name"],
                    is_active=form.cleaned_data["is_active"],
                )
            except ValidationError as error:
                form.add_service_errors(error)
            else:
                messages.success(request, f"Jenis layanan “{service.name}” disimpan.")
                return redirect("surveys:services", slug=unit.slug)
        status = 400
    context = {"unit": unit, "service": service, "form": form}
    return render(request, "surveys/service_edit.html", context, status=status)
