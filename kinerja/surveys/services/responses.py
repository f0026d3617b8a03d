"""Writes of citizens' responses: `response_submit`, the one service every entrance (the public
form, the kiosk, the public API) calls, and the registration of a kiosk tablet.

A citizen is anonymous by design, so `response_submit` takes no actor and is not audited (the
audit trail keeps the client address; the survey must not). Order of the protections
(kinerja/surveys/protection.py): rate limit, honeypot, form token (signature and unit, age,
minimum fill time, reuse), the response rule (`rules.response_clean`), duplicate. Every
refusal is counted per unit, day and reason before the caller sees it.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from django.core.exceptions import NON_FIELD_ERRORS, ValidationError
from django.db import IntegrityError, connections, transaction
from django.utils import timezone

from kinerja.accounts.actors import Actor
from kinerja.accounts.login_guard import client_address_key
from kinerja.accounts.permissions import require
from kinerja.audit.services import audit_record
from kinerja.organization.models import ServiceUnit
from kinerja.surveys.models import Channel, RefusalReason, Service, SurveyResponse
from kinerja.surveys.permissions import can_manage_unit_survey
from kinerja.surveys.protection import (
    DUPLICATE_WINDOW,
    HONEYPOT_FIELD,
    SubmissionRefused,
    answers_key,
    client_hashes,
    form_token_check,
    kiosk_cookie_value,
    rate_limit_exceeded,
    refusal_count,
)
from kinerja.surveys.rules import response_clean

CLOSED_MESSAGE = "Survei unit ini sedang tidak dibuka."
KIOSK_REFUSAL = "Hanya kepala unit layanan atau Admin OPD yang dapat mendaftarkan perangkat kios."


def unit_services(service_unit: ServiceUnit) -> dict[int, str]:
    """The unit's active services by id, in their order (one query)."""
    return dict(
        Service.objects.filter(service_unit=service_unit, is_active=True)
        .order_by("position", "name")
        .values_list("pk", "name")
    )


def response_submit(
    *,
    service_unit: ServiceUnit,
    fields: Mapping[str, Any],
    channel: str,
    client_ip: str | None,
    kiosk_device: bool = False,
    services: Mapping[int, str] | None = None,
) -> SurveyResponse | None:
    """Store one citizen's response, or refuse it.

    `fields` are the posted values by their contract names (token, website, service, u1-u9,
    gender, age, education, occupation, suggestion). Returns the stored response, or None when
    the honeypot was filled (the bot sees success; nothing is stored). Raises
    SubmissionRefused (counted) or ValidationError from the response rule (counted as INVALID).
    A registered kiosk tablet (`kiosk_device`) has the kiosk rate limit and no duplicate check:
    it serves many citizens from one address, and two of them may well answer alike.
    `services` are the unit's active services (`unit_services`) when the caller has read them
    already; otherwise they are read here.
    """
    if not service_unit.is_active:
        raise ValidationError({NON_FIELD_ERRORS: [CLOSED_MESSAGE]})
    now = timezone.now()
    day = timezone.localdate(now)
    try:
        return _submit(service_unit, fields, channel, client_ip, kiosk_device, now, services)
    except SubmissionRefused as refusal:
        refusal_count(service_unit_id=service_unit.pk, reason=refusal.reason, day=day)
        if refusal.reason == RefusalReason.HONEYPOT:
            return None  # the bot sees success and learns nothing
        raise
    except ValidationError:
        refusal_count(service_unit_id=service_unit.pk, reason=RefusalReason.INVALID, day=day)
        raise


def _nonce_used(nonce: str) -> bool:
    return SurveyResponse.objects.filter(form_nonce=nonce).exists()


def _insert_unless_duplicate(response: SurveyResponse, *, hashes: list[str], since: Any) -> bool:
    """Store `response` unless the same answers came from the same client (one of `hashes`)
    to its unit since `since`: ONE statement, INSERT … SELECT … WHERE NOT EXISTS, the check on
    the index (service unit, client hash, submitted_at). True when stored, False for a
    duplicate; IntegrityError when the token's nonce is stored already (unique). Plain SQL
    built from the model's fields: compiling the ORM's insert and check costs more than the
    database takes to run them. Without `hashes` (a kiosk tablet, no address) a plain insert."""
    connection = connections[SurveyResponse.objects.db]
    quote = connection.ops.quote_name
    meta = SurveyResponse._meta
    fields = [field for field in meta.local_concrete_fields if not field.primary_key]
    params: list[Any] = [
        field.get_db_prep_save(field.pre_save(response, add=True), connection) for field in fields
    ]
    table = quote(meta.db_table)
    columns = ", ".join(quote(field.column) for field in fields)
    slots = ", ".join(["%s"] * len(fields))
    # Only the model's own table and column names and %s slots go into the text.
    sql = f"INSERT INTO {table} ({columns}) "
    if hashes:
        sql += (
            f"SELECT {slots} WHERE NOT EXISTS (SELECT 1 FROM {table} WHERE "  # noqa: S608
            f"service_unit_id = %s AND client_hash IN ({', '.join(['%s'] * len(hashes))}) "
            "AND answers_key = %s AND submitted_at >= %s)"
        )
        since_value = connection.ops.adapt_datetimefield_value(since)
        params += [response.service_unit_id, *hashes, response.answers_key, since_value]
    else:
        sql += f"VALUES ({slots})"
    sql += f" RETURNING {quote(meta.pk.column)}"
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        row = cursor.fetchone()
    if row is None:
        return False
    response.pk = row[0]
    response._state.adding = False
    response._state.db = connection.alias
    return True


def _submit(
    service_unit: ServiceUnit,
    fields: Mapping[str, Any],
    channel: str,
    client_ip: str | None,
    kiosk_device: bool,
    now: Any,
    services: Mapping[int, str] | None,
) -> SurveyResponse | None:
    address = client_address_key(client_ip)
    if rate_limit_exceeded(
        service_unit_id=service_unit.pk, client_address=address, kiosk=kiosk_device
    ):
        raise SubmissionRefused(RefusalReason.RATE_LIMIT)
    if str(fields.get(HONEYPOT_FIELD) or "").strip():
        raise SubmissionRefused(RefusalReason.HONEYPOT)
    token = form_token_check(fields.get("token"), service_unit_id=service_unit.pk)
    try:
        # The rule reads nothing from the database: it runs before the reuse check so that
        # the usual path needs one statement (the insert, which the unique nonce refuses for a
        # reused token); a reused token still wins over invalid answers and over a duplicate,
        # as the order of the protections says.
        clean = response_clean(
            fields,
            services=unit_services(service_unit) if services is None else services,
            require_all_answers=True,
        )
    except ValidationError:
        if _nonce_used(token.nonce):
            raise SubmissionRefused(RefusalReason.TOKEN_REUSED) from None
        raise
    values = clean.fields()
    key = answers_key(values)
    day = timezone.localdate(now)
    stored_hash, recent_hashes = client_hashes(client_ip, day=day)
    response = SurveyResponse(
        service_unit=service_unit,
        survey_date=day,
        submitted_at=now,
        channel=channel,
        client_hash=stored_hash,
        answers_key=key,
        form_nonce=token.nonce,
        **values,
    )
    hashes = [] if kiosk_device else recent_hashes
    since = now - DUPLICATE_WINDOW
    try:
        if connections[SurveyResponse.objects.db].in_atomic_block:
            with transaction.atomic():  # a savepoint: a refusal must not break the caller's
                stored = _insert_unless_duplicate(response, hashes=hashes, since=since)
        else:
            # One statement is a transaction of its own in autocommit: a BEGIN and a COMMIT
            # around it would only add two round trips to the database.
            stored = _insert_unless_duplicate(response, hashes=hashes, since=since)
    except IntegrityError as error:  # the token's nonce is stored: sent twice
        raise SubmissionRefused(RefusalReason.TOKEN_REUSED) from error
    if not stored:  # the same answers again; a reused token is the first reason to give
        if _nonce_used(token.nonce):
            raise SubmissionRefused(RefusalReason.TOKEN_REUSED)
        raise SubmissionRefused(RefusalReason.DUPLICATE)
    return response


def kiosk_device_activate(*, actor: Actor, service_unit: ServiceUnit) -> str:
    """Register the tablet the actor is using as a kiosk of the unit: the signed value of its
    long-lived cookie (the kiosk rate limit applies to it). Audited."""
    if actor is not None:
        require(can_manage_unit_survey(actor, service_unit), KIOSK_REFUSAL)
    with transaction.atomic():
        audit_record(
            actor=actor,
            action="survey_kiosk.activated",
            obj=service_unit,
            after={"service_unit": service_unit.name, "channel": Channel.KIOSK},
        )
    return kiosk_cookie_value(service_unit_id=service_unit.pk)
