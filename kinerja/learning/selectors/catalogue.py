"""Reads of the training catalogue and the competency dictionary: everyone logged in reads them
(active entries; Admin BKPSDM also the inactive ones); lists cost the same queries at any size
(the competencies of a page of courses come in one prefetch)."""

from __future__ import annotations

from dataclasses import dataclass

from django.db.models import Count, Prefetch, Q, QuerySet
from django.http import Http404

from kinerja.accounts.actors import Actor
from kinerja.learning.models import Competency, CompetencyKind, TrainingCourse
from kinerja.learning.permissions import can_manage_catalogue

SEARCH_MAX = 100


@dataclass(frozen=True)
class CourseFilters:
    """What the catalogue is narrowed to; empty values leave it whole."""

    search: str = ""
    kind: str = ""
    mode: str = ""
    competency_id: int | None = None


def _logged_in(actor: Actor) -> bool:
    return actor is not None and actor.is_active


def course_list_for_actor(
    *, actor: Actor, filters: CourseFilters | None = None
) -> QuerySet[TrainingCourse]:
    """The catalogue by title, with the competencies each course develops (one prefetch);
    inactive courses only for Admin BKPSDM. Nothing for an anonymous or inactive account."""
    if not _logged_in(actor):
        return TrainingCourse.objects.none()
    filters = filters or CourseFilters()
    courses = TrainingCourse.objects.prefetch_related(
        Prefetch("competencies", queryset=Competency.objects.only("id", "name", "kind", "code"))
    ).order_by("title", "pk")
    if not can_manage_catalogue(actor):
        courses = courses.filter(is_active=True)
    if search := filters.search.strip()[:SEARCH_MAX]:
        courses = courses.filter(Q(title__icontains=search) | Q(code__icontains=search))
    if filters.kind:
        courses = courses.filter(kind=filters.kind)
    if filters.mode:
        courses = courses.filter(mode=filters.mode)
    if filters.competency_id is not None:
        courses = courses.filter(competencies__id=filters.competency_id).distinct()
    return courses


def course_get_for_actor(*, actor: Actor, course_id: int) -> TrainingCourse:
    """One course the actor may read (404 otherwise), with its competencies."""
    found = course_list_for_actor(actor=actor).filter(pk=course_id).first()
    if found is None:
        raise Http404("Pelatihan tidak ditemukan.")
    return found


def competency_list_for_actor(*, actor: Actor) -> QuerySet[Competency]:
    """The dictionary by kind and name, each with `course_count` (its active courses); inactive
    entries only for Admin BKPSDM."""
    if not _logged_in(actor):
        return Competency.objects.none()
    competencies = Competency.objects.annotate(
        course_count=Count("courses", filter=Q(courses__is_active=True), distinct=True)
    ).order_by("kind", "name", "pk")
    if not can_manage_catalogue(actor):
        competencies = competencies.filter(is_active=True)
    return competencies


def competency_get_for_actor(*, actor: Actor, competency_id: int) -> Competency:
    found = competency_list_for_actor(actor=actor).filter(pk=competency_id).first()
    if found is None:
        raise Http404("Kompetensi tidak ditemukan.")
    return found


def competency_choices() -> list[tuple[int, str]]:
    """Active dictionary entries as (id, "Nama (Jenis)") for a select, in one query."""
    labels = dict(CompetencyKind.choices)
    rows = Competency.objects.filter(is_active=True).order_by("kind", "name")
    return [
        (pk, f"{name} ({labels.get(kind, kind)})")
        for pk, name, kind in rows.values_list("pk", "name", "kind")
    ]


@dataclass(frozen=True)
class CompetencyGroup:
    kind: str
    label: str
    competencies: list[Competency]


def competency_groups(competencies: QuerySet[Competency]) -> list[CompetencyGroup]:
    """The dictionary grouped by kind in the order of `CompetencyKind` (kinds without entries
    are left out)."""
    by_kind: dict[str, list[Competency]] = {}
    for competency in competencies:
        by_kind.setdefault(competency.kind, []).append(competency)
    return [
        CompetencyGroup(kind=value, label=str(label), competencies=by_kind[value])
        for value, label in CompetencyKind.choices
        if value in by_kind
    ]
