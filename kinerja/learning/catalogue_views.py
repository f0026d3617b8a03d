"""The training catalogue and the competency dictionary (read by all, edited by Admin BKPSDM):
the catalogue with its filters (`/pengembangan/katalog/`), a course's form, the XLSX import
(upload, template, the job page with progress and every bad row), the dictionary grouped by
kind (`/pengembangan/kompetensi/`) and an entry's form."""

from __future__ import annotations

import uuid
from typing import Any

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET, require_http_methods

from kinerja.accounts.actors import request_actor
from kinerja.accounts.permissions import require
from kinerja.core.exports import CSV_CONTENT_TYPE, XLSX_CONTENT_TYPE
from kinerja.core.models import Job
from kinerja.core.rendering import render_page_or_fragment
from kinerja.core.selectors import job_get_for_actor
from kinerja.learning.catalogue_import import COLUMNS, training_courses_template
from kinerja.learning.forms_catalogue import CompetencyForm, CourseFilterForm, CourseForm
from kinerja.learning.models import Competency, TrainingCourse
from kinerja.learning.permissions import NOT_CATALOGUE_MANAGER, can_manage_catalogue
from kinerja.learning.selectors.catalogue import (
    competency_get_for_actor,
    competency_groups,
    competency_list_for_actor,
    course_get_for_actor,
    course_list_for_actor,
)
from kinerja.learning.services.catalogue import competency_save, course_save
from kinerja.learning.tasks import TRAINING_COURSES_IMPORT_KIND, training_courses_import_start
from kinerja.monitoring.models import Competency as FeedbackTag
from kinerja.organization.models import PositionKind
from kinerja.people.imports import MAX_STORED_ERRORS, import_errors_csv
from kinerja.people.imports.upload import ImportUploadForm, upload_too_large
from kinerja.planning.selectors import core_values
from kinerja.scoring.formatting import format_decimal

PAGE_SIZE = 25


def _download(content: bytes, content_type: str, file_name: str) -> HttpResponse:
    response = HttpResponse(content, content_type=content_type)
    response["Content-Disposition"] = f'attachment; filename="{file_name}"'
    response["Cache-Control"] = "private, no-store"
    return response


def _require_manager(request: HttpRequest) -> None:
    require(can_manage_catalogue(request_actor(request)), NOT_CATALOGUE_MANAGER)


# --- the catalogue ----------------------------------------------------------------------------


def _course_rows(courses: Any) -> list[dict[str, Any]]:
    return [
        {
            "id": course.pk,
            "title": course.title,
            "code": course.code,
            "kind": course.get_kind_display(),
            "mode": course.get_mode_display(),
            "provider": course.provider,
            "jp": course.jp,
            "competencies": [c.name for c in course.competencies.all()],
            "is_active": course.is_active,
            "url": reverse("learning:course_edit", kwargs={"course_id": course.pk}),
        }
        for course in courses
    ]


@require_GET
def course_list(request: HttpRequest) -> HttpResponse:
    actor = request_actor(request)
    form = CourseFilterForm(request.GET or None)
    courses = course_list_for_actor(actor=actor, filters=form.to_filters())
    page = Paginator(courses, PAGE_SIZE).get_page(request.GET.get("halaman"))
    query = request.GET.copy()
    query.pop("halaman", None)
    context = {
        "form": form,
        "page": page,
        "rows": _course_rows(page.object_list),
        "query": query.urlencode(),
        "may_manage": can_manage_catalogue(actor),
    }
    return render_page_or_fragment(
        request,
        page="learning/catalogue/course_list.html",
        fragment="learning/catalogue/_course_table_part.html",
        context=context,
    )


def _course_initial(course: TrainingCourse) -> dict[str, Any]:
    return {
        "code": course.code,
        "title": course.title,
        "kind": course.kind,
        "mode": course.mode,
        "provider": course.provider,
        "jp": course.jp,
        "description": course.description,
        "competency_ids": [c.pk for c in course.competencies.all()],
        "is_active": course.is_active,
    }


@require_http_methods(["GET", "POST"])
def course_edit(request: HttpRequest, course_id: int | None = None) -> HttpResponse:
    actor = request_actor(request)
    course = course_get_for_actor(actor=actor, course_id=course_id) if course_id else None
    _require_manager(request)
    initial = _course_initial(course) if course else {"is_active": True}
    form = CourseForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            saved = course_save(
                actor=actor,
                course=course,
                code=data["code"],
                title=data["title"],
                kind=data["kind"],
                mode=data["mode"],
                provider=data["provider"],
                jp=data["jp"],
                description=data["description"],
                competency_ids=data["competency_ids"],
                is_active=data["is_active"],
            )
        except ValidationError as error:
            form.add_service_errors(error)
        else:
            messages.success(request, f"Pelatihan “{saved.title}” disimpan.")
            return redirect("learning:course_list")
    context = {
        "form": form,
        "course": course,
        "title": f"Ubah pelatihan “{course.title}”" if course else "Tambah pelatihan",
        "list_url": reverse("learning:course_list"),
        "list_label": "Katalog pelatihan",
    }
    status = 400 if form.errors else 200
    return render(request, "learning/catalogue/form.html", context, status=status)


# --- the import -------------------------------------------------------------------------------


def _import_context(**extra: Any) -> dict[str, Any]:
    return {
        "columns": COLUMNS,
        "list_url": reverse("learning:course_list"),
        **extra,
    }


@require_http_methods(["GET", "POST"])
def course_import(request: HttpRequest) -> HttpResponse:
    """The upload page; `?templat=xlsx` downloads the empty template."""
    _require_manager(request)
    if request.method == "GET" and request.GET.get("templat") == "xlsx":
        return _download(
            training_courses_template(), XLSX_CONTENT_TYPE, "templat-impor-katalog-pelatihan.xlsx"
        )
    if problem := upload_too_large(request):
        context = _import_context(form=ImportUploadForm(), refusal=problem)
        return render(request, "learning/catalogue/import.html", context, status=400)
    form = ImportUploadForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        try:
            job = training_courses_import_start(
                actor=request_actor(request), file=form.cleaned_data["berkas"]
            )
        except ValidationError as error:
            form.add_error(None, " ".join(error.messages))
        else:
            return redirect("learning:course_import_job", job_id=job.pk)
    context = _import_context(form=form, max_size=format_decimal(10, 0))
    status = 400 if form.errors else 200
    return render(request, "learning/catalogue/import.html", context, status=status)


def _own_import_job(request: HttpRequest, job_id: uuid.UUID) -> Job:
    _require_manager(request)
    job = job_get_for_actor(actor=request_actor(request), job_id=job_id)
    if job.kind != TRAINING_COURSES_IMPORT_KIND:
        raise Http404
    return job


@require_GET
@never_cache
def course_import_job(request: HttpRequest, job_id: uuid.UUID) -> HttpResponse:
    """The job page (polled by its fragment while it runs); `?kesalahan=csv` downloads the
    bad rows."""
    job = _own_import_job(request, job_id)
    report = job.result or {}
    if request.GET.get("kesalahan") == "csv":
        content = import_errors_csv(errors=report.get("errors", []))
        return _download(content, CSV_CONTENT_TYPE, "kesalahan-impor-katalog.csv")
    context = _import_context(job=job, report=report, max_errors=MAX_STORED_ERRORS)
    return render_page_or_fragment(
        request,
        page="learning/catalogue/import_job.html",
        fragment="learning/catalogue/_import_job_part.html",
        context=context,
    )


# --- the dictionary ---------------------------------------------------------------------------


def _competency_groups(competencies: Any) -> list[dict[str, Any]]:
    """The dictionary grouped by kind, each entry with the labels of its links."""
    tags = dict(FeedbackTag.choices)
    values = {v.code: v.name for v in core_values()}
    kinds = dict(PositionKind.choices)
    return [
        {
            "label": group.label,
            "kind": group.kind,
            "rows": [
                {
                    "name": c.name,
                    "code": c.code,
                    "description": c.description,
                    "feedback_tag": tags.get(c.feedback_tag, ""),
                    "core_value": values.get(c.core_value, ""),
                    "position_kinds": [str(kinds.get(k, k)) for k in c.position_kinds or []],
                    "course_count": c.course_count,  # type: ignore[attr-defined]
                    "is_active": c.is_active,
                    "courses_url": reverse("learning:course_list") + f"?kompetensi={c.pk}",
                    "edit_url": reverse("learning:competency_edit", kwargs={"competency_id": c.pk}),
                }
                for c in group.competencies
            ],
        }
        for group in competency_groups(competencies)
    ]


@require_GET
def competency_list(request: HttpRequest) -> HttpResponse:
    actor = request_actor(request)
    competencies = competency_list_for_actor(actor=actor)
    context = {
        "groups": _competency_groups(competencies),
        "may_manage": can_manage_catalogue(actor),
        "catalogue_url": reverse("learning:course_list"),
    }
    return render(request, "learning/catalogue/competency_list.html", context)


def _competency_initial(competency: Competency) -> dict[str, Any]:
    return {
        "code": competency.code,
        "name": competency.name,
        "kind": competency.kind,
        "description": competency.description,
        "feedback_tag": competency.feedback_tag,
        "core_value": competency.core_value,
        "position_kinds": list(competency.position_kinds or []),
        "is_active": competency.is_active,
    }


@require_http_methods(["GET", "POST"])
def competency_edit(request: HttpRequest, competency_id: int | None = None) -> HttpResponse:
    actor = request_actor(request)
    competency = (
        competency_get_for_actor(actor=actor, competency_id=competency_id)
        if competency_id
        else None
    )
    _require_manager(request)
    initial = _competency_initial(competency) if competency else {"is_active": True}
    form = CompetencyForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            saved = competency_save(
                actor=actor,
                competency=competency,
                code=data["code"],
                name=data["name"],
                kind=data["kind"],
                description=data["description"],
                feedback_tag=data["feedback_tag"],
                core_value=data["core_value"],
                position_kinds=data["position_kinds"],
                is_active=data["is_active"],
            )
        except ValidationError as error:
            form.add_service_errors(error)
        else:
            messages.success(request, f"Kompetensi “{saved.name}” disimpan.")
            return redirect("learning:competency_list")
    context = {
        "form": form,
        "title": f"Ubah kompetensi “{competency.name}”" if competency else "Tambah kompetensi",
        "list_url": reverse("learning:competency_list"),
        "list_label": "Kamus kompetensi",
    }
    status = 400 if form.errors else 200
    return render(request, "learning/catalogue/form.html", context, status=status)
