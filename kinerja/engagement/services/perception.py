"""The perception survey's writes: open and close a round (Admin BKPSDM), answer it (an
employee, once).

An answer is stored in two unlinked parts in one transaction: the participation (who answered,
so nobody answers twice) and the response with its answers (what was answered, with the group
it counts in). The response has a random UUID key and no timestamp, so neither its key nor its
insert order reveals its author, and the audit event names only the round.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction

from kinerja.accounts.actors import Actor
from kinerja.accounts.permissions import require
from kinerja.audit.services import audit_record
from kinerja.engagement.models import (
    PerceptionAnswer,
    PerceptionParticipation,
    PerceptionResponse,
    PerceptionRound,
    RoundState,
)
from kinerja.engagement.perception_items import ITEM_CODES, REMARK_MAX
from kinerja.engagement.permissions import can_manage_perception
from kinerja.engagement.roles import supervises_today
from kinerja.people.holdings import employee_home_agency_id, employee_id_for_user, today
from kinerja.periods.models import PerformancePeriod
from kinerja.scoring.formatting import format_date_id

NOT_MANAGER = "Hanya Admin BKPSDM yang dapat membuka dan menutup putaran survei persepsi."
NOT_EMPLOYEE = "Survei persepsi hanya diisi oleh pegawai; akun ini tidak terhubung ke data pegawai."
ALREADY_ANSWERED = (
    "Anda sudah mengisi survei persepsi putaran ini; setiap pegawai mengisi satu kali."
)
TITLE_MAX = 150


def round_snapshot(perception_round: PerceptionRound) -> dict[str, object]:
    return {
        "title": perception_round.title,
        "opens_on": perception_round.opens_on,
        "closes_on": perception_round.closes_on,
        "state": perception_round.state,
    }


def _round_errors(
    *, period: PerformancePeriod, title: str, opens_on: date | None, closes_on: date | None
) -> dict[str, list[str]]:
    errors: dict[str, list[str]] = {}
    if not title.strip():
        errors["title"] = ["Judul putaran wajib diisi."]
    elif len(title.strip()) > TITLE_MAX:
        errors["title"] = [
            f"Judul sepanjang {len(title.strip())} karakter terlalu panjang; paling banyak "
            f"{TITLE_MAX} karakter."
        ]
    if opens_on is None:
        errors["opens_on"] = ["Tanggal dibuka wajib diisi."]
    if closes_on is None:
        errors["closes_on"] = ["Tanggal ditutup wajib diisi."]
    elif opens_on is not None and closes_on < opens_on:
        errors["closes_on"] = [
            f"Tanggal ditutup {format_date_id(closes_on)} sebelum tanggal dibuka "
            f"{format_date_id(opens_on)}; isi tanggal yang sama atau sesudahnya."
        ]
    if PerceptionRound.objects.filter(period=period).exists():
        errors["period"] = [
            f"Periode {period.name} sudah memiliki putaran survei persepsi; satu putaran per "
            "periode."
        ]
    return errors


def perception_round_open(
    *,
    actor: Actor,
    period: PerformancePeriod,
    title: str,
    opens_on: date | None,
    closes_on: date | None,
) -> PerceptionRound:
    """Admin BKPSDM opens the round of a period [perception_round.opened]. Refusals: 403 for
    anyone else; `title` blank or too long, `opens_on`/`closes_on` missing or closing before
    opening, `period` already holding a round."""
    require(can_manage_perception(actor), NOT_MANAGER)
    errors = _round_errors(period=period, title=title, opens_on=opens_on, closes_on=closes_on)
    if errors:
        raise ValidationError(errors)
    assert opens_on is not None
    assert closes_on is not None
    try:
        with transaction.atomic():
            perception_round = PerceptionRound.objects.create(
                period=period, title=title.strip(), opens_on=opens_on, closes_on=closes_on
            )
            audit_record(
                actor=actor,
                action="perception_round.opened",
                obj=perception_round,
                after=round_snapshot(perception_round),
            )
    except IntegrityError:
        raise ValidationError(
            {"period": [f"Periode {period.name} sudah memiliki putaran survei persepsi."]}
        ) from None
    return perception_round


def perception_round_close(*, actor: Actor, round: PerceptionRound) -> PerceptionRound:
    """Admin BKPSDM closes an open round [perception_round.closed]; its results show from then
    on. Refusals: 403 for anyone else; a round already closed."""
    require(can_manage_perception(actor), NOT_MANAGER)
    with transaction.atomic():
        locked = PerceptionRound.objects.select_for_update().get(pk=round.pk)
        if locked.state != RoundState.OPEN:
            raise ValidationError({"state": [f"Putaran “{locked.title}” sudah ditutup."]})
        before = round_snapshot(locked)
        locked.state = RoundState.CLOSED
        locked.save(update_fields=["state", "updated_at"])
        audit_record(
            actor=actor,
            action="perception_round.closed",
            obj=locked,
            before=before,
            after=round_snapshot(locked),
        )
    return locked


def round_open_refusal(perception_round: PerceptionRound, *, day: date | None = None) -> str | None:
    """Why the round takes no answer today, or None."""
    day = day or today()
    if perception_round.state != RoundState.OPEN:
        return f"Putaran “{perception_round.title}” sudah ditutup; jawaban tidak diterima lagi."
    if day < perception_round.opens_on:
        return (
            f"Putaran “{perception_round.title}” baru dibuka pada "
            f"{format_date_id(perception_round.opens_on)}."
        )
    if day > perception_round.closes_on:
        return (
            f"Putaran “{perception_round.title}” ditutup pada "
            f"{format_date_id(perception_round.closes_on)}; jawaban tidak diterima lagi."
        )
    return None


def answers_errors(answers: Mapping[str, object], remark: str) -> dict[str, list[str]]:
    """Every item answered with a whole number 1..5; no unknown item; remark not too long."""
    errors: dict[str, list[str]] = {}
    for code in ITEM_CODES:
        value = answers.get(code)
        if value is None or value == "":
            errors[code] = [f"Butir {code} belum dijawab; pilih 1 (sangat tidak setuju) sampai 5."]
        elif isinstance(value, bool) or not isinstance(value, int) or not 1 <= value <= 5:
            errors[code] = [
                f"Jawaban butir {code} “{str(value)[:20]}” tidak sah; pilih bilangan bulat 1 "
                "(sangat tidak setuju) sampai 5 (sangat setuju)."
            ]
    unknown = sorted(set(answers) - set(ITEM_CODES))
    if unknown:
        errors["answers"] = [
            f"Butir {', '.join(str(u)[:10] for u in unknown[:5])} tidak dikenal; butir survei "
            f"adalah {ITEM_CODES[0]} sampai {ITEM_CODES[-1]}."
        ]
    if len(remark) > REMARK_MAX:
        errors["remark"] = [
            f"Saran sepanjang {len(remark):,} karakter terlalu panjang; paling banyak "
            f"{REMARK_MAX:,} karakter.".replace(",", ".")
        ]
    return errors


def perception_response_submit(
    *,
    actor: Actor,
    round: PerceptionRound,
    answers: Mapping[str, int],
    remark: str = "",
) -> None:
    """An employee answers an open round once [perception.answered, naming only the round].
    Refusals: 403 for an account without an employee record; `round` closed or today outside
    its dates; already answered; an item missing or not 1..5 (keyed by the item, e.g. `P03`);
    `remark` over `REMARK_MAX` characters. Returns nothing: the caller learns nothing that
    could link the response to the actor."""
    employee_id = employee_id_for_user(actor)
    if actor is None or employee_id is None:
        raise PermissionDenied(NOT_EMPLOYEE)
    refusal = round_open_refusal(round)
    if refusal:
        raise ValidationError({"round": [refusal]})
    if PerceptionParticipation.objects.filter(round=round, user_id=actor.pk).exists():
        raise ValidationError({"round": [ALREADY_ANSWERED]})
    remark = remark.strip()
    errors = answers_errors(answers, remark)
    if errors:
        raise ValidationError(errors)
    agency_id = employee_home_agency_id(employee_id=employee_id)
    is_appraiser = supervises_today(employee_id=employee_id)
    try:
        with transaction.atomic():
            PerceptionParticipation.objects.create(round=round, user=actor, agency_id=agency_id)
            response = PerceptionResponse.objects.create(
                round=round, agency_id=agency_id, is_appraiser=is_appraiser, remark=remark
            )
            PerceptionAnswer.objects.bulk_create(
                PerceptionAnswer(response=response, item=code, value=answers[code])
                for code in ITEM_CODES
            )
            audit_record(actor=actor, action="perception.answered", obj=round)
    except IntegrityError:
        raise ValidationError({"round": [ALREADY_ANSWERED]}) from None
