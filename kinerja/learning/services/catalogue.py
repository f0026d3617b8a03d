"""The competency dictionary and the training catalogue (Admin BKPSDM).

`competency_errors` and `course_errors` are the one check of an entry's fields: the pages, the
API and the XLSX import (`catalogue_import`) all ask them, so they refuse with the same
sentences."""

from __future__ import annotations

import re
from collections.abc import Iterable
from decimal import Decimal
from typing import Any

from django.db import transaction

from kinerja.accounts.actors import Actor
from kinerja.accounts.permissions import require
from kinerja.audit.services import audit_record
from kinerja.learning.models import (
    Competency,
    CompetencyKind,
    CourseKind,
    CourseMode,
    TrainingCourse,
)
from kinerja.learning.permissions import NOT_CATALOGUE_MANAGER, can_manage_catalogue
from kinerja.learning.rules import TEXT_MAX, TITLE_MAX, jp_errors, text_errors
from kinerja.learning.services.common import Errors, raise_errors
from kinerja.monitoring.models import Competency as FeedbackTag
from kinerja.organization.models import PositionKind
from kinerja.planning.selectors import core_value_codes

CODE_MAX = 60
NAME_MAX = 150
PROVIDER_MAX = 150
_SLUG = re.compile(r"^[-a-zA-Z0-9_]+\Z")


def _choices_text(choices: Iterable[tuple[str, Any]]) -> str:
    return ", ".join(f"{value} ({label})" for value, label in choices)


def code_format_errors(code: str, *, what: str) -> Errors:
    """A slug of at most 60 characters (no query: the import checks a whole column at once)."""
    if not code:
        return {"code": [f"Kode {what} wajib diisi: huruf, angka, tanda hubung atau garis bawah."]}
    if len(code) > CODE_MAX or not _SLUG.match(code):
        shown = code if len(code) <= 60 else f"{code[:60]}…"
        return {
            "code": [
                f"Kode “{shown}” tidak diterima: paling banyak {CODE_MAX} karakter berupa huruf "
                "tanpa spasi, angka, tanda hubung (-) atau garis bawah (_), mis. komunikasi-publik."
            ]
        }
    return {}


def code_errors(
    code: str, *, model: type[Competency] | type[TrainingCourse], own_pk: int | None
) -> Errors:
    """A slug of at most 60 characters, not used by another entry."""
    what = "kompetensi" if model is Competency else "pelatihan"
    errors = code_format_errors(code, what=what)
    if errors:
        return errors
    taken = model.objects.filter(code=code)
    if own_pk is not None:
        taken = taken.exclude(pk=own_pk)
    if taken.exists():
        return {"code": [f"Kode “{code}” sudah dipakai {what} lain; pilih kode yang lain."]}
    return {}


def _choice_errors(
    field: str, label: str, value: str, choices: Iterable[tuple[str, Any]], blank: bool = False
) -> Errors:
    choices = list(choices)
    if (blank and not value) or value in {v for v, _ in choices}:
        return {}
    shown = value or "(kosong)"
    also = " atau kosong" if blank else ""
    return {
        field: [f"{label} “{shown}” tidak dikenal; isi salah satu: {_choices_text(choices)}{also}."]
    }


def competency_errors(
    *,
    name: str,
    kind: str,
    description: str,
    feedback_tag: str,
    core_value: str,
    position_kinds: list[str],
) -> Errors:
    """Every field check of a dictionary entry but its code."""
    errors: Errors = {
        **text_errors("name", "Nama kompetensi", name, max_length=NAME_MAX),
        **_choice_errors("kind", "Jenis kompetensi", kind, CompetencyKind.choices),
        **text_errors("description", "Uraian", description, max_length=TEXT_MAX, required=False),
        **_choice_errors(
            "feedback_tag", "Tanda umpan balik", feedback_tag, FeedbackTag.choices, blank=True
        ),
    }
    codes = core_value_codes()
    if core_value and core_value not in codes:
        errors["core_value"] = [
            f"Nilai dasar “{core_value}” tidak dikenal; isi salah satu kode BerAKHLAK: "
            f"{', '.join(sorted(codes))}, atau kosong."
        ]
    unknown = [kind for kind in position_kinds if kind not in PositionKind.values]
    if unknown:
        errors["position_kinds"] = [
            f"Jenis jabatan {', '.join(f'“{k}”' for k in unknown)} tidak dikenal; yang diterima: "
            f"{_choices_text(PositionKind.choices)}."
        ]
    return errors


def competency_snapshot(competency: Competency) -> dict[str, Any]:
    return {
        "code": competency.code,
        "name": competency.name,
        "kind": competency.kind,
        "description": competency.description,
        "feedback_tag": competency.feedback_tag,
        "core_value": competency.core_value,
        "position_kinds": list(competency.position_kinds),
        "is_active": competency.is_active,
    }


def competency_save(
    *,
    actor: Actor,
    competency: Competency | None,
    code: str,
    name: str,
    kind: str,
    description: str = "",
    feedback_tag: str = "",
    core_value: str = "",
    position_kinds: Iterable[str] = (),
    is_active: bool = True,
) -> Competency:
    """Create (competency None) or change a dictionary entry [competency.saved]. Refused: 403
    unless `permissions.can_manage_catalogue`; field errors keyed by the argument names (code a
    slug, unique; name up to 150 characters; kind one of `CompetencyKind`; feedback_tag blank or
    one of
    `kinerja.monitoring.models.Competency`; core_value blank or a BerAKHLAK code
    (`kinerja.planning.selectors.core_value_codes`); position_kinds each a `PositionKind`)."""
    require(can_manage_catalogue(actor), NOT_CATALOGUE_MANAGER)
    code = code.strip()
    kinds = list(dict.fromkeys(k.strip() for k in position_kinds if k.strip()))
    own_pk = competency.pk if competency is not None else None
    raise_errors(
        {
            **code_errors(code, model=Competency, own_pk=own_pk),
            **competency_errors(
                name=name,
                kind=kind,
                description=description,
                feedback_tag=feedback_tag.strip(),
                core_value=core_value.strip(),
                position_kinds=kinds,
            ),
        }
    )
    with transaction.atomic():
        if competency is None:
            entry, before = Competency(), None
        else:
            entry = Competency.objects.select_for_update().get(pk=competency.pk)
            before = competency_snapshot(entry)
        entry.code = code
        entry.name = name.strip()
        entry.kind = kind
        entry.description = description.strip()
        entry.feedback_tag = feedback_tag.strip()
        entry.core_value = core_value.strip()
        entry.position_kinds = kinds
        entry.is_active = is_active
        entry.save()
        audit_record(
            actor=actor,
            action="competency.saved",
            obj=entry,
            before=before,
            after=competency_snapshot(entry),
        )
    return entry


def course_errors(
    *,
    title: str,
    kind: str,
    mode: str,
    provider: str,
    jp: Decimal | None,
    description: str,
    competency_ids: list[int],
    known_competency_ids: set[int] | None = None,
) -> Errors:
    """Every field check of a catalogue entry but its code. `known_competency_ids`: the active
    dictionary's ids when the caller fetched them already (the import), else one query."""
    errors: Errors = {
        **text_errors("title", "Judul pelatihan", title, max_length=TITLE_MAX),
        **_choice_errors("kind", "Jenis pelatihan", kind, CourseKind.choices),
        **_choice_errors("mode", "Moda pelatihan", mode, CourseMode.choices),
        **text_errors("provider", "Penyelenggara", provider, max_length=PROVIDER_MAX),
        **jp_errors("jp", "Jam pelajaran (JP)", jp),
        **text_errors("description", "Uraian", description, max_length=TEXT_MAX, required=False),
    }
    if not competency_ids:
        errors["competency_ids"] = [
            "Pilih paling sedikit satu kompetensi yang dikembangkan pelatihan ini."
        ]
    else:
        if known_competency_ids is None:
            known_competency_ids = set(
                Competency.objects.filter(pk__in=competency_ids).values_list("pk", flat=True)
            )
        unknown = [pk for pk in competency_ids if pk not in known_competency_ids]
        if unknown:
            errors["competency_ids"] = [
                f"Kompetensi nomor {', '.join(str(pk) for pk in unknown)} tidak ada di kamus "
                "kompetensi; pilih dari kamus."
            ]
    return errors


def course_snapshot(course: TrainingCourse, competency_ids: list[int]) -> dict[str, Any]:
    return {
        "code": course.code,
        "title": course.title,
        "kind": course.kind,
        "mode": course.mode,
        "provider": course.provider,
        "jp": str(course.jp),
        "description": course.description,
        "competency_ids": sorted(competency_ids),
        "is_active": course.is_active,
    }


def course_save(
    *,
    actor: Actor,
    course: TrainingCourse | None,
    code: str,
    title: str,
    kind: str,
    mode: str,
    provider: str,
    jp: Decimal,
    description: str = "",
    competency_ids: Iterable[int] = (),
    is_active: bool = True,
) -> TrainingCourse:
    """Create or change a catalogue entry [training_course.saved]; at least one competency; jp
    between 0,5 and `rules.JP_MAX`. Same refusals as `competency_save`."""
    require(can_manage_catalogue(actor), NOT_CATALOGUE_MANAGER)
    code = code.strip()
    ids = list(dict.fromkeys(int(pk) for pk in competency_ids))
    own_pk = course.pk if course is not None else None
    raise_errors(
        {
            **code_errors(code, model=TrainingCourse, own_pk=own_pk),
            **course_errors(
                title=title,
                kind=kind,
                mode=mode,
                provider=provider,
                jp=jp,
                description=description,
                competency_ids=ids,
            ),
        }
    )
    with transaction.atomic():
        if course is None:
            entry, before = TrainingCourse(), None
        else:
            entry = TrainingCourse.objects.select_for_update().get(pk=course.pk)
            old_ids = list(entry.competencies.values_list("pk", flat=True))
            before = course_snapshot(entry, old_ids)
        entry.code = code
        entry.title = title.strip()
        entry.kind = kind
        entry.mode = mode
        entry.provider = provider.strip()
        entry.jp = jp
        entry.description = description.strip()
        entry.is_active = is_active
        entry.save()
        entry.competencies.set(ids)
        audit_record(
            actor=actor,
            action="training_course.saved",
            obj=entry,
            before=before,
            after=course_snapshot(entry, ids),
        )
    return entry
