"""The competency dictionary and the catalogue (services/catalogue.py): Admin BKPSDM creates
and changes entries; everyone else is refused; every bad field is named; each save audited."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from kinerja.audit.models import AuditEvent
from kinerja.learning.models import Competency, TrainingCourse
from kinerja.learning.services.catalogue import competency_save, course_save
from kinerja.learning.testing import make_competency, make_course
from kinerja.people.testing import PERSONA_NAMES, Personas
from kinerja.planning.selectors import core_value_codes

pytestmark = pytest.mark.django_db


def save_competency(personas: Personas, **kwargs: Any) -> Competency:
    values: dict[str, Any] = {
        "actor": personas.hr_admin, "competency": None, "code": "komunikasi-efektif",
        "name": "Komunikasi efektif", "kind": "SOCIOCULTURAL",
        "description": "Menyampaikan pesan dengan jelas.", "feedback_tag": "KOMUNIKASI",
        "core_value": sorted(core_value_codes())[0], "position_kinds": ["PELAKSANA"],
    }  # fmt: skip
    values.update(kwargs)
    return competency_save(**values)


def save_course(personas: Personas, **kwargs: Any) -> TrainingCourse:
    values: dict[str, Any] = {
        "actor": personas.hr_admin, "course": None, "code": "komunikasi-publik",
        "title": "Pelatihan Komunikasi Publik", "kind": "COURSE", "mode": "OFFLINE",
        "provider": "BKPSDM Kota Surakarta", "jp": Decimal(16),
    }  # fmt: skip
    values.update(kwargs)
    if "competency_ids" not in values:
        values["competency_ids"] = [make_competency().pk]
    return course_save(**values)


def refused(call: Any, personas: Personas, **kwargs: Any) -> dict[str, list[str]]:
    with pytest.raises(ValidationError) as caught:
        call(personas, **kwargs)
    return caught.value.message_dict


def test_bkpsdm_creates_and_changes_a_competency_audited(personas: Personas) -> None:
    entry = save_competency(personas, position_kinds=["PELAKSANA", "PELAKSANA", "PENGAWAS"])
    assert entry.feedback_tag == "KOMUNIKASI"
    assert entry.position_kinds == ["PELAKSANA", "PENGAWAS"]

    changed = save_competency(personas, competency=entry, name="Komunikasi lisan")

    assert changed.pk == entry.pk
    assert Competency.objects.get().name == "Komunikasi lisan"
    first, second = AuditEvent.objects.filter(action="competency.saved").order_by("pk")
    assert first.before is None
    assert (second.before or {})["name"] == "Komunikasi efektif"
    assert (second.after or {})["name"] == "Komunikasi lisan"


@pytest.mark.parametrize("name", [n for n in PERSONA_NAMES if n != "hr_admin"])
def test_nobody_but_bkpsdm_edits_the_dictionary_or_the_catalogue(
    personas: Personas, name: str
) -> None:
    actor = getattr(personas, name)
    with pytest.raises(PermissionDenied):
        save_competency(personas, actor=actor)
    with pytest.raises(PermissionDenied):
        save_course(personas, actor=actor)
    assert not TrainingCourse.objects.exists()


def test_bad_competency_fields_are_named(personas: Personas) -> None:
    make_competency()
    taken = Competency.objects.get().code

    def errors(**kwargs: Any) -> dict[str, list[str]]:
        return refused(save_competency, personas, **kwargs)

    assert "sudah dipakai" in errors(code=taken)["code"][0]
    assert "tidak diterima" in errors(code="ada spasi")["code"][0]
    assert "wajib diisi" in errors(code="")["code"][0]
    assert "wajib diisi" in errors(name=" ")["name"][0]
    assert "paling banyak 150" in errors(name="x" * 151)["name"][0]
    assert "“PERILAKU” tidak dikenal" in errors(kind="PERILAKU")["kind"][0]
    assert "“SOPAN” tidak dikenal" in errors(feedback_tag="SOPAN")["feedback_tag"][0]
    assert "“JUJUR” tidak dikenal" in errors(core_value="JUJUR")["core_value"][0]
    assert "“MENTERI”" in errors(position_kinds=["MENTERI"])["position_kinds"][0]
    assert Competency.objects.count() == 1


def test_blank_links_are_accepted(personas: Personas) -> None:
    entry = save_competency(personas, feedback_tag="", core_value="", position_kinds=[])
    assert (entry.feedback_tag, entry.core_value, entry.position_kinds) == ("", "", [])


def test_bkpsdm_creates_and_changes_a_course_with_its_competencies(personas: Personas) -> None:
    one, two = make_competency(), make_competency(name="Pelayanan prima")
    course = save_course(personas, competency_ids=[one.pk])

    changed = save_course(
        personas, course=course, title="Komunikasi Publik Lanjutan", competency_ids=[one.pk, two.pk]
    )

    assert changed.pk == course.pk
    assert set(changed.competencies.all()) == {one, two}
    events = list(AuditEvent.objects.filter(action="training_course.saved").order_by("pk"))
    assert len(events) == 2
    assert (events[1].before or {})["competency_ids"] == [one.pk]
    assert (events[1].after or {})["competency_ids"] == sorted([one.pk, two.pk])


def test_bad_course_fields_are_named(personas: Personas) -> None:
    existing = make_course()

    def errors(**kwargs: Any) -> dict[str, list[str]]:
        return refused(save_course, personas, **kwargs)

    assert "sudah dipakai" in errors(code=existing.code)["code"][0]
    assert "wajib diisi" in errors(title="")["title"][0]
    assert "tidak dikenal" in errors(kind="SEMINAR")["kind"][0]
    assert "tidak dikenal" in errors(mode="HIBRIDA")["mode"][0]
    assert "wajib diisi" in errors(provider="")["provider"][0]
    assert "0,5 sampai 200" in errors(jp=Decimal("0.4"))["jp"][0]
    assert "0,5 sampai 200" in errors(jp=Decimal(250))["jp"][0]
    assert "satu angka di belakang koma" in errors(jp=Decimal("2.25"))["jp"][0]
    assert "paling sedikit satu" in errors(competency_ids=[])["competency_ids"][0]
    assert "nomor 999999" in errors(competency_ids=[999_999])["competency_ids"][0]
    assert TrainingCourse.objects.count() == 1


def test_a_course_keeps_its_own_code_when_changed(personas: Personas) -> None:
    course = make_course()
    changed = save_course(personas, course=course, code=course.code)
    assert changed.code == course.code
