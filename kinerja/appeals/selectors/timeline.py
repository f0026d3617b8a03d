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

from dataclasses import dataclass

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
from kinerja.evaluation.models import CalibrationSession, Evaluation
from kinerja.evaluation.selectors.common import evaluation_get_for_actor
from kinerja.scoring.formatting import format_date_id

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


def _belongs(event: AuditEvent) -> bool:
    return event.object_type != CalibrationSession._meta.label or event.action == SESSION_LOCKED


def timeline_for_actor(*, actor: Actor, evaluation_id: int) -> Timeline:
    """The evaluation's events, oldest first, with their chain check; 404 unless the actor may
    see the evaluation. Six queries or fewer whatever the number of events (plus one per
    model referenced in the events' fields)."""
    evaluation = evaluation_get_for_actor(actor=actor, evaluation_id=evaluation_id)
    events = [e for e in object_events(timeline_keys(evaluation)) if _belongs(e)]
    check = events_check(events)
    rows = tuple(
        TimelineRow(
            event=view.event,
            who=view.event.actor_label or "Sistem",
            what=view.action_label,
            rows=tuple(view.rows),
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
