"""The audit trail as an auditor reads it: actions and objects in Indonesian, and each event's
before/after as a field-by-field table with Indonesian labels and formatted values.

Labels come from three places, in order: the verbose name of the field on the event's model
(found through Django's app registry, so audit imports no app above it), the labels apps
registered in `kinerja.core.audit_labels`, and last the key's own words. A referenced row
(`position_id`) is shown by its name; all references on a page are fetched together, one
query per referenced model, so a page costs the same for 10 events and for 50.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from django.apps import apps
from django.core.exceptions import FieldDoesNotExist
from django.db import models
from django.utils import formats, timezone
from django.utils.dateparse import parse_date, parse_datetime

from kinerja.audit.models import AuditEvent
from kinerja.core.audit_labels import audit_action_label, audit_field_label

EMPTY = "—"


@dataclass(frozen=True)
class ChangeRow:
    label: str
    before: str
    after: str
    changed: bool


@dataclass(frozen=True)
class EventView:
    event: AuditEvent
    action_label: str
    object_text: str
    rows: list[ChangeRow]
    has_before: bool
    has_after: bool

    @property
    def changed_count(self) -> int:
        return sum(row.changed for row in self.rows)


def model_for(object_type: str) -> type[models.Model] | None:
    """The model of an event's `object_type` ("people.Assignment"), if it still exists."""
    if not object_type:
        return None
    try:
        return apps.get_model(object_type)
    except (LookupError, ValueError):
        return None


def _first_upper(text: Any) -> str:
    """ "NIP" stays "NIP" and "Plt/Plh" stays "Plt/Plh" (str.capitalize would lower them)."""
    words = str(text)
    return words[:1].upper() + words[1:]


def object_type_label(object_type: str) -> str:
    model = model_for(object_type)
    return _first_upper(model._meta.verbose_name) if model else object_type


def _field(model: type[models.Model] | None, key: str) -> Any:
    if model is None:
        return None
    try:
        field = model._meta.get_field(key)
    except FieldDoesNotExist:
        return None
    # A snapshot key named like a reverse relation ("windows", "results") is the service's own
    # value (a count, a list), not that relation: read it as a plain key.
    return field if field.concrete else None


def _is_reference(field: Any) -> bool:
    return field is not None and bool(field.many_to_one or field.one_to_one) and field.concrete


def _label(field: Any, key: str) -> str:
    if field is not None and getattr(field, "verbose_name", None):
        return _first_upper(field.verbose_name)
    return audit_field_label(key) or _first_upper(key.replace("_", " "))


References = dict[tuple[type[models.Model], Any], str]


def _references(events: Iterable[tuple[type[models.Model] | None, dict[str, Any]]]) -> References:
    wanted: dict[type[models.Model], set[Any]] = {}
    for model, snapshot in events:
        for key, value in snapshot.items():
            field = _field(model, key)
            if _is_reference(field) and value not in (None, ""):
                wanted.setdefault(field.related_model, set()).add(value)
    found: References = {}
    for related, ids in wanted.items():
        for pk, obj in related._default_manager.in_bulk(list(ids)).items():
            found[(related, pk)] = str(obj)
    return found


def _date_text(value: Any, with_time: bool) -> str:
    if with_time:
        moment = parse_datetime(str(value))
        if moment is None:
            return str(value)
        if timezone.is_aware(moment):
            moment = timezone.localtime(moment)
        return formats.date_format(moment, "j F Y, H.i")
    day = parse_date(str(value)[:10])
    return formats.date_format(day, "j F Y") if day else str(value)


def _value(field: Any, value: Any, refs: References, key: str = "") -> str:
    if value is None or value == "" or value == []:
        return EMPTY
    if key.endswith("_ids") and isinstance(value, list):  # ids of rows: "#12, #15"
        return ", ".join(f"#{item}" for item in value)
    if isinstance(value, bool):
        return "Ya" if value else "Tidak"
    if _is_reference(field):
        return refs.get((field.related_model, value), f"#{value} (tidak ada lagi)")
    if field is not None and field.choices:
        return str(dict(field.flatchoices).get(value, value))
    if isinstance(field, models.DateTimeField):
        return _date_text(value, with_time=True)
    if isinstance(field, models.DateField):
        return _date_text(value, with_time=False)
    if isinstance(value, list):
        return ", ".join(_value(None, item, refs) for item in value)
    if isinstance(value, int) and (key == "id" or key.endswith("_id")):
        return str(value)  # an id, not a quantity: digits only, never "1.024"
    if isinstance(value, int):
        return formats.number_format(value, force_grouping=True)
    if isinstance(value, dict):
        return json.dumps(value, ensure_ascii=False)
    if isinstance(value, date | datetime):
        return formats.date_format(value, "j F Y")
    return str(value)


def _ordered_keys(model: type[models.Model] | None, keys: list[str]) -> list[str]:
    """The model's fields in declaration order, then the other keys alphabetically: the same
    order on every database (PostgreSQL's jsonb does not keep the order keys were written in)."""
    order = {f.name: i for i, f in enumerate(model._meta.get_fields())} if model else {}
    order |= {f"{name}_id": i for name, i in list(order.items())}
    return sorted(dict.fromkeys(keys), key=lambda key: (order.get(key, len(order)), key))


def _rows(
    model: type[models.Model] | None,
    before: dict[str, Any] | None,
    after: dict[str, Any] | None,
    refs: References,
) -> list[ChangeRow]:
    keys = _ordered_keys(model, [*(before or {}), *(after or {})])
    rows = []
    for key in keys:
        field = _field(model, key)
        old = (before or {}).get(key)
        new = (after or {}).get(key)
        rows.append(
            ChangeRow(
                label=_label(field, key),
                before=_value(field, old, refs, key) if before is not None else "",
                after=_value(field, new, refs, key) if after is not None else "",
                changed=before is not None and after is not None and old != new,
            )
        )
    return rows


def _snapshot(value: Any) -> dict[str, Any] | None:
    return value if isinstance(value, dict) else None


def audit_events_present(events: Sequence[AuditEvent]) -> list[EventView]:
    """Readable views of a page of events (one query per referenced model, at most)."""
    typed = [(e, model_for(e.object_type), _snapshot(e.before), _snapshot(e.after)) for e in events]
    refs = _references(
        (model, snapshot)
        for _, model, before, after in typed
        for snapshot in (before, after)
        if snapshot
    )
    views = []
    for event, model, before, after in typed:
        kind = _first_upper(model._meta.verbose_name) if model else ""
        label = event.object_label
        object_text = f"{kind} {label}".strip() if (kind or label) else EMPTY
        views.append(
            EventView(
                event=event,
                action_label=audit_action_label(event.action),
                object_text=object_text,
                rows=_rows(model, before, after, refs),
                has_before=before is not None,
                has_after=after is not None,
            )
        )
    return views
