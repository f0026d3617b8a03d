"""Home ("Tugas saya"), job progress fragment, health check and error pages."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any
from uuid import UUID

from django.conf import settings
from django.contrib.auth.decorators import login_not_required
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import render
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET, require_safe

from kinerja.core.health import health_report
from kinerja.core.my_tasks import my_tasks_for
from kinerja.core.rendering import render_page_or_fragment
from kinerja.core.selectors import job_get_for_actor
from kinerja.core.style_guide import style_guide_context


@require_GET
def home(request: HttpRequest) -> HttpResponse:
    return render(request, "core/home.html", {"tasks": my_tasks_for(request.user)})


@require_GET
def style_guide(request: HttpRequest, may_view: Callable[[Any], bool]) -> HttpResponse:
    """The living style guide. `may_view` comes from the URL configuration (accounts'
    permissions, a layer above core): Admin BKPSDM, or anyone while DEBUG is on."""
    if not (settings.DEBUG or may_view(request.user)):
        raise PermissionDenied("Halaman gaya hanya untuk Admin BKPSDM.")
    return render(request, "core/style_guide.html", style_guide_context())


@require_GET
@never_cache
def job_progress(request: HttpRequest, job_id: UUID) -> HttpResponse:
    job = job_get_for_actor(actor=request.user, job_id=job_id)
    return render_page_or_fragment(
        request,
        page="core/job_detail.html",
        fragment="core/_job_progress_part.html",
        context={"job": job},
    )


@login_not_required
@require_safe  # HEAD too: load balancers and uptime probes often ask with HEAD
@never_cache
def healthz(request: HttpRequest) -> JsonResponse:
    ok, checks = health_report()
    return JsonResponse(
        {"status": "ok" if ok else "error", "checks": checks}, status=200 if ok else 503
    )


def error_403(request: HttpRequest, exception: Exception | None = None) -> HttpResponse:
    return render(request, "403.html", status=403)


def error_404(request: HttpRequest, exception: Exception | None = None) -> HttpResponse:
    return render(request, "404.html", status=404)


def error_500(request: HttpRequest) -> HttpResponse:
    # No context processors: whatever failed must not fail again while rendering this page.
    from django.template import loader

    return HttpResponse(loader.get_template("500.html").render(), status=500)
