"""Guides and FAQ (Admin BKPSDM) and the first-login tour's record.

`guide_errors` is the one check of a guide's fields: the form, the API-less import of the
default guides (`guides_load_defaults`) and any later entrance ask it, so they refuse with the
same sentences. A guide's `pages` must each be a URL name of this project (`namespace:name`)."""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.urls import URLPattern, URLResolver, get_resolver

from kinerja.accounts.actors import Actor
from kinerja.accounts.permissions import require
from kinerja.audit.services import audit_record
from kinerja.engagement.models import AudienceRole, Guide, GuideKind, TourSeen
from kinerja.engagement.permissions import can_write_guides

NOT_GUIDE_WRITER = "Panduan dan tanya jawab hanya dapat ditulis oleh Admin BKPSDM."
DATA_DIR = Path(__file__).resolve().parent.parent / "data" / "guides"
TITLE_MAX = 150
SUMMARY_MAX = 250
SLUG_MAX = 80
BODY_MAX = 50_000
ORDER_MAX = 32_767
_SLUG = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*\Z")

Errors = dict[str, list[str]]


def url_names() -> set[str]:
    """Every named URL of the project as `namespace:name` (or `name` outside a namespace)."""
    names: set[str] = set()

    def walk(patterns: list[Any], prefix: str) -> None:
        for pattern in patterns:
            if isinstance(pattern, URLResolver):
                namespace = f"{prefix}{pattern.namespace}:" if pattern.namespace else prefix
                walk(pattern.url_patterns, namespace)
            elif isinstance(pattern, URLPattern) and pattern.name:
                names.add(f"{prefix}{pattern.name}")

    walk(get_resolver().url_patterns, "")
    return names


def page_lines(pages: str) -> list[str]:
    return list(dict.fromkeys(line.strip() for line in pages.splitlines() if line.strip()))


def _text_errors(field: str, label: str, value: str, *, max_length: int, required: bool) -> Errors:
    text = value.strip()
    if required and not text:
        return {field: [f"{label} wajib diisi."]}
    if len(text) > max_length:
        return {
            field: [
                f"{label} sepanjang {len(text)} karakter tidak diterima: paling banyak "
                f"{max_length} karakter."
            ]
        }
    return {}


def slug_errors(slug: str, *, own_pk: int | None) -> Errors:
    if not slug:
        return {"slug": ["Alamat wajib diisi: huruf kecil, angka dan tanda hubung."]}
    if len(slug) > SLUG_MAX or not _SLUG.match(slug):
        shown = slug if len(slug) <= 60 else f"{slug[:60]}…"
        return {
            "slug": [
                f"Alamat “{shown}” tidak diterima: paling banyak {SLUG_MAX} karakter berupa huruf "
                "kecil tanpa spasi, angka dan tanda hubung (-), mis. panduan-pegawai."
            ]
        }
    taken = Guide.objects.filter(slug=slug)
    if own_pk is not None:
        taken = taken.exclude(pk=own_pk)
    if taken.exists():
        return {"slug": [f"Alamat “{slug}” sudah dipakai panduan lain; pilih alamat yang lain."]}
    return {}


def guide_errors(
    *, title: str, kind: str, role: str, summary: str, body: str, pages: str, order: int
) -> Errors:
    """Every field check of a guide but its slug."""
    errors: Errors = {
        **_text_errors("title", "Judul", title, max_length=TITLE_MAX, required=True),
        **_text_errors("summary", "Ringkasan", summary, max_length=SUMMARY_MAX, required=False),
        **_text_errors("body", "Isi", body, max_length=BODY_MAX, required=True),
    }
    if kind not in GuideKind.values:
        accepted = ", ".join(f"{v} ({label})" for v, label in GuideKind.choices)
        errors["kind"] = [
            f"Jenis “{kind or '(kosong)'}” tidak dikenal; isi salah satu: {accepted}."
        ]
    if role and role not in AudienceRole.values:
        accepted = ", ".join(f"{v} ({label})" for v, label in AudienceRole.choices)
        errors["role"] = [
            f"Peran “{role}” tidak dikenal; isi salah satu: {accepted}, atau kosong untuk semua."
        ]
    if not 0 <= order <= ORDER_MAX:
        errors["order"] = [f"Urutan {order} tidak diterima: isi bilangan 0 sampai {ORDER_MAX}."]
    lines = page_lines(pages)
    if lines:
        known = url_names()
        unknown = [line for line in lines if line not in known]
        if unknown:
            errors["pages"] = [
                f"Halaman {', '.join(f'“{name}”' for name in unknown)} tidak dikenal: tulis nama "
                "URL halaman Kinerja berbentuk namespace:nama, satu per baris, mis. "
                "planning:plan_list."
            ]
    return errors


def _raise(errors: Errors) -> None:
    if errors:
        raise ValidationError(errors)


def guide_snapshot(guide: Guide) -> dict[str, Any]:
    return {
        "slug": guide.slug,
        "title": guide.title,
        "kind": guide.kind,
        "role": guide.role,
        "summary": guide.summary,
        "body": guide.body,
        "pages": guide.pages,
        "order": guide.order,
        "is_published": guide.is_published,
    }


@dataclass(frozen=True)
class GuideFields:
    slug: str
    title: str
    kind: str
    role: str = ""
    summary: str = ""
    body: str = ""
    pages: str = ""
    order: int = 100
    is_published: bool = True


def _validated(fields: GuideFields, *, own_pk: int | None) -> GuideFields:
    cleaned = GuideFields(
        slug=fields.slug.strip(),
        title=fields.title.strip(),
        kind=fields.kind.strip(),
        role=fields.role.strip(),
        summary=fields.summary.strip(),
        body=fields.body.strip(),
        pages="\n".join(page_lines(fields.pages)),
        order=fields.order,
        is_published=fields.is_published,
    )
    _raise(
        {
            **slug_errors(cleaned.slug, own_pk=own_pk),
            **guide_errors(
                title=cleaned.title, kind=cleaned.kind, role=cleaned.role,
                summary=cleaned.summary, body=cleaned.body, pages=cleaned.pages,
                order=cleaned.order,
            ),
        }
    )  # fmt: skip
    return cleaned


def _apply(guide: Guide, fields: GuideFields, actor: Actor) -> None:
    guide.slug = fields.slug
    guide.title = fields.title
    guide.kind = fields.kind
    guide.role = fields.role
    guide.summary = fields.summary
    guide.body = fields.body
    guide.pages = fields.pages
    guide.order = fields.order
    guide.is_published = fields.is_published
    guide.updated_by = actor


def _save(guide: Guide) -> None:
    try:
        with transaction.atomic():
            guide.save()
    except IntegrityError as error:  # two writers took the same slug at once
        raise ValidationError(
            {"slug": [f"Alamat “{guide.slug}” sudah dipakai panduan lain; pilih alamat yang lain."]}
        ) from error


def guide_create(
    *,
    actor: Actor,
    slug: str,
    title: str,
    kind: str,
    body: str,
    role: str = "",
    summary: str = "",
    pages: str = "",
    order: int = 100,
    is_published: bool = True,
) -> Guide:
    """A new guide or FAQ entry [guide.created]. Refused: 403 unless Admin BKPSDM; field errors
    keyed by the argument names (slug lower-case letters, digits and hyphens, unique; title and
    body required; kind a `GuideKind`; role blank or an `AudienceRole`; every `pages` line an
    existing URL name)."""
    require(can_write_guides(actor), NOT_GUIDE_WRITER)
    fields = _validated(
        GuideFields(slug=slug, title=title, kind=kind, role=role, summary=summary, body=body,
                    pages=pages, order=order, is_published=is_published),
        own_pk=None,
    )  # fmt: skip
    with transaction.atomic():
        guide = Guide()
        _apply(guide, fields, actor)
        _save(guide)
        audit_record(actor=actor, action="guide.created", obj=guide, after=guide_snapshot(guide))
    return guide


def guide_update(
    *,
    actor: Actor,
    guide: Guide,
    slug: str,
    title: str,
    kind: str,
    body: str,
    role: str = "",
    summary: str = "",
    pages: str = "",
    order: int = 100,
    is_published: bool = True,
) -> Guide:
    """Change a guide [guide.updated, with the fields changed]. Refusals as `guide_create`."""
    require(can_write_guides(actor), NOT_GUIDE_WRITER)
    fields = _validated(
        GuideFields(slug=slug, title=title, kind=kind, role=role, summary=summary, body=body,
                    pages=pages, order=order, is_published=is_published),
        own_pk=guide.pk,
    )  # fmt: skip
    with transaction.atomic():
        entry = Guide.objects.select_for_update().get(pk=guide.pk)
        before = guide_snapshot(entry)
        _apply(entry, fields, actor)
        _save(entry)
        after = guide_snapshot(entry)
        changed = {key for key in after if after[key] != before[key]}
        audit_record(
            actor=actor,
            action="guide.updated",
            obj=entry,
            before={k: v for k, v in before.items() if k in changed},
            after={k: v for k, v in after.items() if k in changed},
        )
    return entry


# --- the default guides (data/guides/*.md) --------------------------------------------------


def front_matter_parse(text: str) -> tuple[dict[str, str], str]:
    """`---` / `key: value` lines / `---`, then the Markdown body. `pages` may be written as a
    comma-separated list."""
    lines = text.lstrip("\ufeff").splitlines()
    if not lines or lines[0].strip() != "---":
        return {}, text
    meta: dict[str, str] = {}
    for index, line in enumerate(lines[1:], start=1):
        if line.strip() == "---":
            return meta, "\n".join(lines[index + 1 :]).strip() + "\n"
        key, _, value = line.partition(":")
        meta[key.strip()] = value.strip()
    return {}, text


def default_guides(directory: Path | None = None) -> list[GuideFields]:
    """The guides written with the code, in file-name order."""
    found: list[GuideFields] = []
    for path in sorted((directory or DATA_DIR).glob("*.md")):
        meta, body = front_matter_parse(path.read_text(encoding="utf-8"))
        pages = "\n".join(p.strip() for p in meta.get("pages", "").split(",") if p.strip())
        found.append(
            GuideFields(
                slug=meta.get("slug", path.stem), title=meta.get("title", ""),
                kind=meta.get("kind", GuideKind.GUIDE), role=meta.get("role", ""),
                summary=meta.get("summary", ""), body=body, pages=pages,
                order=int(meta.get("order", "100") or 100),
            )
        )  # fmt: skip
    return found


def guides_load_defaults(*, actor: Actor, directory: Path | None = None) -> list[Guide]:
    """Create the default guides missing by slug (idempotent: an existing guide, edited or not,
    is left as it is). Returns the guides created. Refused: 403 unless Admin BKPSDM."""
    require(can_write_guides(actor), NOT_GUIDE_WRITER)
    existing = set(Guide.objects.values_list("slug", flat=True))
    created: list[Guide] = []
    for fields in default_guides(directory):
        if fields.slug in existing:
            continue
        created.append(
            guide_create(
                actor=actor, slug=fields.slug, title=fields.title, kind=fields.kind,
                role=fields.role, summary=fields.summary, body=fields.body,
                pages=fields.pages, order=fields.order,
            )
        )  # fmt: skip
    return created


# --- the first-login tour -----------------------------------------------------------------


def tour_record(*, actor: Actor, role: str, outcome: str) -> TourSeen | None:
    """Record that the user started, skipped or finished the tour. Starting never overwrites a
    skip or a finish; skipping or finishing overwrites a start. No audit: a tour is not a
    record of the performance cycle. None for the system or an anonymous user."""
    if actor is None or not actor.is_authenticated:
        return None
    with transaction.atomic():
        seen, created = TourSeen.objects.select_for_update().get_or_create(
            user_id=actor.pk, defaults={"role": role, "outcome": outcome}
        )
        if not created and outcome != TourSeen.Outcome.STARTED and seen.outcome != outcome:
            seen.outcome = outcome
            seen.role = role or seen.role
            seen.save(update_fields=["outcome", "role", "updated_at"])
    return seen
