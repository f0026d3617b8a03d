"""Writing guides (guide_create, guide_update) and loading the default guides: only Admin
BKPSDM, every field checked with a sentence naming it, audited with the fields changed."""

from __future__ import annotations

from pathlib import Path

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from kinerja.audit.models import AuditEvent
from kinerja.engagement.models import Guide, GuideKind
from kinerja.engagement.services.guides import (
    default_guides,
    front_matter_parse,
    guide_create,
    guide_update,
    guides_load_defaults,
    url_names,
)
from kinerja.engagement.testing import make_guide
from kinerja.people.testing import PERSONA_NAMES, Personas

pytestmark = pytest.mark.django_db


def _create(personas: Personas, **changes: object) -> Guide:
    fields: dict[str, object] = {
        "slug": "panduan-skp",
        "title": "Menyusun SKP",
        "kind": GuideKind.GUIDE,
        "body": "## Langkah\n\n1. Tekan **Mulai draf**.",
        "role": "PEGAWAI",
        "pages": "planning:plan_list\nplanning:plan_start",
    }
    fields.update(changes)
    return guide_create(actor=personas.hr_admin, **fields)  # type: ignore[arg-type]


def test_bkpsdm_creates_a_guide_and_the_audit_trail_records_it(personas: Personas) -> None:
    guide = _create(personas)
    assert guide.page_names == ["planning:plan_list", "planning:plan_start"]
    assert guide.updated_by == personas.hr_admin
    event = AuditEvent.objects.get(action="guide.created")
    assert event.object_id == str(guide.pk)
    assert (event.after or {})["slug"] == "panduan-skp"


@pytest.mark.parametrize("name", [n for n in PERSONA_NAMES if n != "hr_admin"])
def test_no_one_but_bkpsdm_writes_a_guide(personas: Personas, name: str) -> None:
    with pytest.raises(PermissionDenied, match="Admin BKPSDM"):
        guide_create(
            actor=personas.all()[name], slug="x", title="X", kind=GuideKind.GUIDE, body="isi"
        )
    guide = make_guide()
    with pytest.raises(PermissionDenied):
        guide_update(
            actor=personas.all()[name], guide=guide, slug="x", title="X", kind="GUIDE", body="b"
        )
    assert not AuditEvent.objects.filter(action__startswith="guide.").exists()


@pytest.mark.parametrize(
    ("changes", "field", "words"),
    [
        ({"slug": "Panduan SKP"}, "slug", "“Panduan SKP” tidak diterima"),
        ({"slug": ""}, "slug", "wajib diisi"),
        ({"title": "  "}, "title", "Judul wajib diisi"),
        ({"body": ""}, "body", "Isi wajib diisi"),
        ({"kind": "BLOG"}, "kind", "Jenis “BLOG” tidak dikenal"),
        ({"role": "LURAH"}, "role", "Peran “LURAH” tidak dikenal"),
        ({"pages": "planning:plan_list\nplanning:tidak_ada"}, "pages", "“planning:tidak_ada”"),
        ({"order": 40000}, "order", "Urutan 40000"),
        ({"title": "x" * 151}, "title", "151 karakter"),
    ],
)
def test_a_bad_field_is_refused_naming_the_field_and_the_value(
    personas: Personas, changes: dict[str, object], field: str, words: str
) -> None:
    with pytest.raises(ValidationError) as raised:
        _create(personas, **changes)
    assert words in " ".join(raised.value.message_dict[field])
    assert not Guide.objects.exists()


def test_a_slug_already_taken_is_refused(personas: Personas) -> None:
    make_guide(slug="panduan-skp")
    with pytest.raises(ValidationError) as raised:
        _create(personas)
    assert "sudah dipakai" in raised.value.message_dict["slug"][0]


def test_an_update_records_only_the_fields_changed(personas: Personas) -> None:
    guide = _create(personas)
    guide_update(
        actor=personas.hr_admin, guide=guide, slug="panduan-skp", title="Menyusun SKP tahunan",
        kind=GuideKind.GUIDE, body=guide.body, role="PEGAWAI", pages=guide.pages,
    )  # fmt: skip
    event = AuditEvent.objects.get(action="guide.updated")
    assert event.before == {"title": "Menyusun SKP"}
    assert event.after == {"title": "Menyusun SKP tahunan"}
    guide.refresh_from_db()
    assert guide.title == "Menyusun SKP tahunan"


def test_an_update_may_keep_its_own_slug_but_not_take_another(personas: Personas) -> None:
    make_guide(slug="lain")
    guide = _create(personas)
    with pytest.raises(ValidationError) as raised:
        guide_update(
            actor=personas.hr_admin, guide=guide, slug="lain", title="T", kind="GUIDE", body="b"
        )
    assert "slug" in raised.value.message_dict


def test_every_page_of_every_default_guide_is_a_url_name_of_the_project() -> None:
    known = url_names()
    guides = default_guides()
    assert len([g for g in guides if g.kind == GuideKind.GUIDE]) == 6
    assert 8 <= len([g for g in guides if g.kind == GuideKind.FAQ]) <= 10
    for guide in guides:
        unknown = [name for name in guide.pages.splitlines() if name not in known]
        assert unknown == [], guide.slug


def test_there_is_a_default_guide_for_every_role() -> None:
    roles = {g.role for g in default_guides() if g.kind == GuideKind.GUIDE}
    assert roles == {"PEGAWAI", "ATASAN", "ADMIN_OPD", "ADMIN_BKPSDM", "PIMPINAN", "INSPEKTORAT"}


def test_loading_the_defaults_twice_creates_each_guide_once_and_keeps_edits(
    personas: Personas,
) -> None:
    created = guides_load_defaults(actor=personas.hr_admin)
    assert len(created) == len(default_guides())
    guide = Guide.objects.get(slug="panduan-pegawai")
    guide.title = "Diubah BKPSDM"
    guide.save()
    assert guides_load_defaults(actor=personas.hr_admin) == []
    assert Guide.objects.get(slug="panduan-pegawai").title == "Diubah BKPSDM"
    assert AuditEvent.objects.filter(action="guide.created").count() == len(created)


def test_loading_the_defaults_is_refused_to_others(personas: Personas) -> None:
    with pytest.raises(PermissionDenied):
        guides_load_defaults(actor=personas.agency_admin)


def test_front_matter_is_read_with_colons_in_values(tmp_path: Path) -> None:
    meta, body = front_matter_parse("---\nslug: a\nsummary: Satu: dua\n---\n# Isi\n")
    assert meta == {"slug": "a", "summary": "Satu: dua"}
    assert body == "# Isi\n"
    assert front_matter_parse("tanpa kepala") == ({}, "tanpa kepala")


def test_the_guides_load_command_adds_the_missing_guides_as_the_named_admin(
    personas: Personas,
) -> None:
    from io import StringIO

    from django.core.management import CommandError, call_command

    out = StringIO()
    call_command("guides_load", "--oleh", personas.hr_admin.username, stdout=out)
    assert f"{len(default_guides())} panduan ditambahkan." in out.getvalue()
    call_command("guides_load", "--oleh", personas.hr_admin.username, stdout=out)
    assert "0 panduan ditambahkan." in out.getvalue()
    with pytest.raises(CommandError, match="Admin BKPSDM"):
        call_command("guides_load", "--oleh", personas.agency_admin.username)
    with pytest.raises(CommandError, match="tidak ada"):
        call_command("guides_load", "--oleh", "siapa")


def test_the_demo_loads_the_default_guides_once(personas: Personas) -> None:
    from kinerja.core.demo import DemoOptions
    from kinerja.engagement.demo.guides import seed

    options = DemoOptions()
    assert seed(options) == [
        f"Panduan dan tanya jawab: {len(default_guides())} ditambahkan, "
        f"{len(default_guides())} seluruhnya."
    ]
    assert "0 ditambahkan" in seed(options)[0]
