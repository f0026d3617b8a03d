"""One evaluation's history from the audit chain, for /penilaian/<id>/riwayat/: the events of
the evaluation, the lock of its calibration session and the events of its objections, each
with when, who, what and the fields before → after; and the chain's check of these events
(`kinerja.audit.trail.events_check`) beside Inspektorat's last check of the whole chain.

Shown to whoever may see the evaluation (its own selector authorises; 404 otherwise). The
client's address and the request id of an event are never read out here. The session's other
events (its opening, moves of other employees' evaluations) are not this evaluation's and are
left out: a move of this evaluation is recorded on the evaluation itself.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from django.utils import timezone

from kinerja.accounts.actors import Actor
from kinerja.appeals.models import Objection
from kinerja.audit.models import AuditEvent
from kinerja.audit.presentation import ChangeRow, audit_events_present
from kinerja.audit.trail import (
    ChainVerification,
    EventsCheck,
    ObjectKey,
    events_check,
    last_chain_verification,
    object_events,
    object_key,
)
from kinerja.core.audit_labels import audit_field_label
from kinerja.evaluation.models import CalibrationSession, Evaluation, ResultRating
from kinerja.evaluation.selectors.common import evaluation_get_for_actor
from kinerja.planning.selectors import core_values
from kinerja.scoring.achievement import ResultKind
from kinerja.scoring.formatting import format_date_id
from kinerja.scoring.ratings import Rating

SESSION_LOCKED = "calibration.locked"
"""The only event of a calibration session that belongs to each evaluation it locked."""


@dataclass(frozen=True)
class TimelineRow:
    event: AuditEvent
    who: str
    what: str
    rows: tuple[ChangeRow, ...]
    failure: str
    """Why this event fails the chain check ("" when it passes)."""


@dataclass(frozen=True)
class Timeline:
    evaluation: Evaluation
    rows: tuple[TimelineRow, ...]
    check: EventsCheck
    verification: ChainVerification | None

    @property
    def check_sentence(self) -> str:
        checked = self.check.checked
        if self.check.ok:
            return (
                f"{checked} peristiwa diperiksa: semuanya cocok dengan hash-nya dan tersambung "
                "ke peristiwa sebelumnya."
            )
        failures = "; ".join(
            f"peristiwa #{event_id}: {self.check.reasons.get(event_id, '')}"
            for event_id in self.check.bad_ids
        )
        return f"{checked} peristiwa diperiksa, {len(self.check.bad_ids)} tidak lolos: {failures}."

    @property
    def verification_sentence(self) -> str:
        found = self.verification
        if found is None:
            return "Seluruh rantai belum pernah diverifikasi Inspektorat."
        verdict = "utuh" if found.ok else "rusak"
        return (
            f"Seluruh rantai terakhir diverifikasi Inspektorat pada "
            f"{format_date_id(timezone.localtime(found.finished_at).date())}: {verdict}."
        )


def timeline_keys(evaluation: Evaluation) -> list[ObjectKey]:
    """The evaluation, its calibration session (if it was locked by one), its objections."""
    keys = [object_key(evaluation)]
    if evaluation.calibration_id is not None:
        keys.append((CalibrationSession._meta.label, str(evaluation.calibration_id)))
    ids = Objection.objects.filter(evaluation_id=evaluation.pk).values_list("pk", flat=True)
    keys += [(Objection._meta.label, str(pk)) for pk in ids]
    return keys


NESTED = ("result_ratings", "behavior_ratings")
"""Snapshot keys holding one rating per result / core value (evaluation's audit snapshot):
shown item by item, only the items that changed."""
EMPTY = "—"


def _item_text(item: Any) -> str:
    """ "Di Atas Ekspektasi — alasan" for `{"rating": "ABOVE", "reason": "…"}`."""
    if not isinstance(item, Mapping):
        return EMPTY
    rating = item.get("rating") or ""
    label = Rating.label_table().get(rating, rating or EMPTY)
    words = item.get("reason") or item.get("note") or ""
    return f"{label} — {words}" if words else label


def _nested_rows(event: AuditEvent, names: Mapping[str, Mapping[str, str]]) -> list[ChangeRow]:
    """One row per result or core value whose rating (or reason, note) changed in `event`."""
    rows: list[ChangeRow] = []
    before, after = event.before or {}, event.after or {}
    for key in NESTED:
        old, new = before.get(key) or {}, after.get(key) or {}
        if not isinstance(old, Mapping) or not isinstance(new, Mapping):
            continue
        for item in sorted(set(old) | set(new), key=str):
            if old.get(item) == new.get(item):
                continue
            before_text, after_text = _item_text(old.get(item)), _item_text(new.get(item))
            if before_text == after_text:
                continue
            rows.append(
                ChangeRow(
                    label=names[key].get(str(item), f"{audit_field_label(key) or key} {item}"),
                    before=before_text,
                    after=after_text,
                    changed=True,
                )
            )
    return rows


FILES = "attachments"
"""Snapshot key of an objection's files (name, size, SHA-256 each): shown by name."""


def _file_rows(event: AuditEvent) -> list[ChangeRow]:
    files = (event.after or {}).get(FILES)
    if not isinstance(files, list) or not files:
        return []
    names = ", ".join(str(f.get("name", "")) for f in files if isinstance(f, Mapping))
    return [
        ChangeRow(label=audit_field_label(FILES) or FILES, before=EMPTY, after=names, changed=True)
    ]


def _item_names(evaluation: Evaluation) -> dict[str, dict[str, str]]:
    """What a result id or a core value code of the snapshot is called on the page."""
    results = {}
    for row in ResultRating.objects.filter(evaluation_id=evaluation.pk).select_related("result"):
        kind = "Utama" if row.result.kind == ResultKind.UTAMA.value else "Tambahan"
        results[str(row.result_id)] = f"Rating RHK {kind} {row.result.number}"
    values = {value.code: f"Rating {value.name}" for value in core_values()}
    return {"result_ratings": results, "behavior_ratings": values}


def _shown_rows(
    view_rows: list[ChangeRow], event: AuditEvent, names: Mapping[str, Mapping[str, str]]
) -> tuple[ChangeRow, ...]:
    """What changed in the event: the changed fields (the nested rating maps item by item),
    or for an event that records only a result (no "before") its filled fields; fields that
    stayed the same or are empty are left out."""
    nested = {audit_field_label(key) or key for key in (*NESTED, FILES)}
    if event.before is None:
        plain = [row for row in view_rows if row.after != EMPTY and row.label not in nested]
    else:
        plain = [row for row in view_rows if row.changed and row.label not in nested]
    return tuple(plain + _nested_rows(event, names) + _file_rows(event))


def _belongs(event: AuditEvent) -> bool:
    return event.object_type != CalibrationSession._meta.label or event.action == SESSION_LOCKED


def timeline_for_actor(*, actor: Actor, evaluation_id: int) -> Timeline:
    """The evaluation's events, oldest first, with their chain check; 404 unless the actor may
    see the evaluation. Six queries or fewer whatever the number of events (plus one per
    model referenced in the events' fields)."""
    evaluation = evaluation_get_for_actor(actor=actor, evaluation_id=evaluation_id)
    events = [e for e in object_events(timeline_keys(evaluation)) if _belongs(e)]
    check = events_check(events)
    names = _item_names(evaluation)
    rows = tuple(
        TimelineRow(
            event=view.event,
            who=view.event.actor_label or "Sistem",
            what=view.action_label,
            rows=_shown_rows(view.rows, view.event, names),
            failure=check.reasons.get(view.event.id, ""),
        )
        for view in audit_events_present(events)
    )
    return Timeline(
        evaluation=evaluation,
        rows=rows,
        check=check,
        verification=last_chain_verification(),
    )
