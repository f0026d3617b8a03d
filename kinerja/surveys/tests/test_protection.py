"""Every protection of the citizens' form, seen from the form: each refusal is counted per
reason, stores nothing, and tells the citizen what to do (kinerja/surveys/protection.py)."""

from __future__ import annotations

import re
import time
from datetime import timedelta
from typing import Any

import pytest
from django.test import Client
from django.utils import timezone

from kinerja.core.testing import page_text
from kinerja.organization.models import ServiceUnit
from kinerja.people.testing import Personas
from kinerja.surveys.models import (
    DailySalt,
    RefusalReason,
    SubmissionRefusal,
    SurveyResponse,
)
from kinerja.surveys.protection import (
    RELOAD_MESSAGE,
    client_hash,
    daily_salt,
    form_token_issue,
    refusal_count,
)
from kinerja.surveys.testing import make_service_unit

pytestmark = pytest.mark.django_db

TOKEN = re.compile(r'name="token" value="([^"]+)"')


def token_of(html: bytes) -> str:
    found = TOKEN.search(html.decode())
    assert found
    return found[1]


def answers(**changes: Any) -> dict[str, Any]:
    data: dict[str, Any] = {f"u{n}": "4" for n in range(1, 10)}
    data.update(website="", gender="L", age="51", suggestion="Petugas ramah.")
    data.update(changes)
    return data


@pytest.fixture
def unit(personas: Personas) -> ServiceUnit:
    return make_service_unit(unit=personas.staff.unit, name="Loket KTP", slug="loket-ktp")


def refusals(unit: ServiceUnit) -> dict[str, int]:
    return dict(SubmissionRefusal.objects.filter(service_unit=unit).values_list("reason", "count"))


def fresh_token(client: Client, unit: ServiceUnit) -> str:
    return token_of(client.get(f"/s/{unit.slug}/").content)


def assert_reload_page_keeps_answers(response: Any, old_token: str) -> None:
    assert response.status_code == 200
    assert RELOAD_MESSAGE in page_text(response.content)
    html = response.content.decode()
    assert 'id="f-u5-4" value="4" required checked' in html
    assert "Petugas ramah.</textarea>" in html
    assert token_of(response.content) != old_token


def test_a_token_used_once_is_refused_the_second_time_and_counted(
    client: Client, unit: ServiceUnit
) -> None:
    token = fresh_token(client, unit)
    assert client.post(f"/s/{unit.slug}/", answers(token=token)).status_code == 303
    again = client.post(f"/s/{unit.slug}/", answers(token=token, u1="1"))
    assert_reload_page_keeps_answers(again, token)
    assert SurveyResponse.objects.count() == 1
    assert refusals(unit) == {RefusalReason.TOKEN_REUSED: 1}
    # the fresh token on the page sends the kept answers
    assert (
        client.post(f"/s/{unit.slug}/", answers(token=token_of(again.content), u1="1")).status_code
        == 303
    )


def test_a_token_of_another_unit_or_a_forged_one_is_refused(
    client: Client, unit: ServiceUnit, personas: Personas
) -> None:
    other = make_service_unit(unit=personas.staff.unit)
    foreign = form_token_issue(service_unit_id=other.pk)
    assert_reload_page_keeps_answers(
        client.post(f"/s/{unit.slug}/", answers(token=foreign)), foreign
    )
    forged = foreign[:-3] + "abc"
    client.post(f"/s/{unit.slug}/", answers(token=forged))
    client.post(f"/s/{unit.slug}/", answers())  # no token at all
    assert SurveyResponse.objects.count() == 0
    assert refusals(unit) == {RefusalReason.TOKEN_INVALID: 3}


def test_an_expired_token_is_refused(client: Client, unit: ServiceUnit, settings: Any) -> None:
    old = form_token_issue(
        service_unit_id=unit.pk, issued_at=time.time() - settings.SKM_TOKEN_MAX_AGE_SECONDS - 5
    )
    assert_reload_page_keeps_answers(client.post(f"/s/{unit.slug}/", answers(token=old)), old)
    assert refusals(unit) == {RefusalReason.TOKEN_EXPIRED: 1}
    assert SurveyResponse.objects.count() == 0


def test_a_form_sent_sooner_than_the_minimum_fill_time_is_refused(
    client: Client, unit: ServiceUnit, settings: Any
) -> None:
    settings.SKM_MIN_FILL_SECONDS = 5
    token = fresh_token(client, unit)
    assert_reload_page_keeps_answers(client.post(f"/s/{unit.slug}/", answers(token=token)), token)
    assert refusals(unit) == {RefusalReason.TOO_FAST: 1}
    waited = form_token_issue(service_unit_id=unit.pk, issued_at=time.time() - 6)
    assert client.post(f"/s/{unit.slug}/", answers(token=waited)).status_code == 303


def test_a_filled_honeypot_looks_like_success_but_stores_nothing(
    client: Client, unit: ServiceUnit
) -> None:
    token = fresh_token(client, unit)
    response = client.post(f"/s/{unit.slug}/", answers(token=token, website="http://spam"))
    assert response.status_code == 303
    assert response["Location"] == f"/s/{unit.slug}/terima-kasih/"
    assert SurveyResponse.objects.count() == 0
    assert refusals(unit) == {RefusalReason.HONEYPOT: 1}


def test_the_same_answers_from_the_same_address_within_a_day_are_a_duplicate(
    client: Client, unit: ServiceUnit
) -> None:
    first = fresh_token(client, unit)
    assert client.post(f"/s/{unit.slug}/", answers(token=first)).status_code == 303
    second = fresh_token(client, unit)
    response = client.post(f"/s/{unit.slug}/", answers(token=second))
    assert response.status_code == 200
    assert "Jawaban yang sama sudah kami terima" in page_text(response.content)
    assert refusals(unit) == {RefusalReason.DUPLICATE: 1}
    # a different answer, or another address, is not a duplicate
    third = fresh_token(client, unit)
    assert client.post(f"/s/{unit.slug}/", answers(token=third, u2="3")).status_code == 303
    fourth = fresh_token(client, unit)
    assert (
        client.post(f"/s/{unit.slug}/", answers(token=fourth), REMOTE_ADDR="10.1.2.3").status_code
        == 303
    )
    assert SurveyResponse.objects.count() == 3


def test_a_duplicate_is_found_across_midnight_through_yesterdays_salt(
    client: Client, unit: ServiceUnit
) -> None:
    token = fresh_token(client, unit)
    assert client.post(f"/s/{unit.slug}/", answers(token=token)).status_code == 303
    stored = SurveyResponse.objects.get()
    # make the stored answer yesterday's: hashed with yesterday's salt, an hour ago
    yesterday = timezone.localdate() - timedelta(days=1)
    salt = daily_salt(yesterday)
    SurveyResponse.objects.filter(pk=stored.pk).update(
        client_hash=client_hash("127.0.0.1", salt),
        submitted_at=timezone.now() - timedelta(hours=1),
    )
    again = client.post(f"/s/{unit.slug}/", answers(token=fresh_token(client, unit)))
    assert "Jawaban yang sama sudah kami terima" in page_text(again.content)


def test_a_burst_above_the_rate_limit_is_refused_with_429(
    client: Client, unit: ServiceUnit, settings: Any
) -> None:
    settings.SKM_RATE_LIMIT = 3
    codes = [
        client.post(
            f"/s/{unit.slug}/", answers(token=fresh_token(client, unit), age=str(20 + n))
        ).status_code
        for n in range(5)
    ]
    assert codes == [303, 303, 303, 429, 429]
    refused = client.post(f"/s/{unit.slug}/", answers(token=fresh_token(client, unit)))
    assert "Terlalu banyak kiriman dari alamat jaringan Anda" in page_text(refused.content)
    assert refused["Cache-Control"].count("no-store") == 1
    assert SurveyResponse.objects.count() == 3
    assert refusals(unit) == {RefusalReason.RATE_LIMIT: 3}
    # another address is not limited, another unit neither
    other = client.post(
        f"/s/{unit.slug}/", answers(token=fresh_token(client, unit)), REMOTE_ADDR="10.9.9.9"
    )
    assert other.status_code == 303


def test_ipv6_clients_are_limited_per_64_network(
    client: Client, unit: ServiceUnit, settings: Any
) -> None:
    settings.SKM_RATE_LIMIT = 1
    first = client.post(
        f"/s/{unit.slug}/", answers(token=fresh_token(client, unit)), REMOTE_ADDR="2001:db8::1"
    )
    second = client.post(
        f"/s/{unit.slug}/",
        answers(token=fresh_token(client, unit), u1="1"),
        REMOTE_ADDR="2001:db8::beef",
    )
    assert (first.status_code, second.status_code) == (303, 429)


def test_the_address_is_stored_only_as_a_hash_with_the_salt_of_the_day(
    client: Client, unit: ServiceUnit
) -> None:
    token = fresh_token(client, unit)
    client.post(f"/s/{unit.slug}/", answers(token=token), REMOTE_ADDR="203.0.113.7")
    stored = SurveyResponse.objects.get()
    salt = DailySalt.objects.get(day=timezone.localdate()).salt
    assert stored.client_hash == client_hash("203.0.113.7", salt)
    assert "203.0.113.7" not in str(SurveyResponse.objects.values().get())
    assert len(stored.answers_key) == 64
    assert len(stored.form_nonce or "") >= 20


def test_a_new_salt_of_the_day_deletes_salts_older_than_yesterday(db: None) -> None:
    today = timezone.localdate()
    DailySalt.objects.create(day=today - timedelta(days=3), salt="a" * 64)
    DailySalt.objects.create(day=today - timedelta(days=1), salt="b" * 64)
    salt = daily_salt(today)
    assert len(salt) == 64
    assert salt == daily_salt(today)
    assert set(DailySalt.objects.values_list("day", flat=True)) == {
        today,
        today - timedelta(days=1),
    }


def test_refusal_counts_add_up_per_unit_day_and_reason(unit: ServiceUnit) -> None:
    today = timezone.localdate()
    for _ in range(3):
        refusal_count(service_unit_id=unit.pk, reason=RefusalReason.HONEYPOT, day=today)
    refusal_count(service_unit_id=unit.pk, reason=RefusalReason.DUPLICATE, day=today)
    assert refusals(unit) == {RefusalReason.HONEYPOT: 3, RefusalReason.DUPLICATE: 1}


def test_two_posts_of_one_token_at_the_same_moment_store_one_and_count_a_reuse(
    unit: ServiceUnit, monkeypatch: pytest.MonkeyPatch
) -> None:
    # The second post passed the look-up before the first was stored: the unique nonce decides.
    from kinerja.surveys.protection import SubmissionRefused
    from kinerja.surveys.services import responses

    token = form_token_issue(service_unit_id=unit.pk)
    fields = answers(token=token)
    responses.response_submit(
        service_unit=unit, fields=fields, channel="ONLINE", client_ip="1.1.1.1"
    )
    monkeypatch.setattr(responses, "_nonce_used", lambda nonce: False)
    with pytest.raises(SubmissionRefused) as refused:
        responses.response_submit(
            service_unit=unit, fields=answers(token=token, u1="1"), channel="ONLINE",
            client_ip="2.2.2.2",
        )  # fmt: skip
    assert refused.value.reason == RefusalReason.TOKEN_REUSED
    assert SurveyResponse.objects.count() == 1
    assert refusals(unit) == {RefusalReason.TOKEN_REUSED: 1}


def test_a_used_token_sent_again_with_the_same_answers_is_a_reuse_not_a_duplicate(
    client: Client, unit: ServiceUnit
) -> None:
    token = fresh_token(client, unit)
    assert client.post(f"/s/{unit.slug}/", answers(token=token)).status_code == 303
    again = client.post(f"/s/{unit.slug}/", answers(token=token))
    assert_reload_page_keeps_answers(again, token)
    assert refusals(unit) == {RefusalReason.TOKEN_REUSED: 1}
    assert SurveyResponse.objects.count() == 1


def test_a_used_token_sent_again_with_bad_answers_is_a_reuse_not_an_invalid_form(
    client: Client, unit: ServiceUnit
) -> None:
    token = fresh_token(client, unit)
    assert client.post(f"/s/{unit.slug}/", answers(token=token)).status_code == 303
    again = client.post(f"/s/{unit.slug}/", answers(token=token, u1="9"))
    assert RELOAD_MESSAGE in page_text(again.content)
    assert refusals(unit) == {RefusalReason.TOKEN_REUSED: 1}


def test_a_refusal_inside_a_callers_transaction_leaves_it_usable(unit: ServiceUnit) -> None:
    from django.db import transaction

    from kinerja.surveys.protection import SubmissionRefused
    from kinerja.surveys.services.responses import response_submit

    token = form_token_issue(service_unit_id=unit.pk)
    with transaction.atomic():
        response_submit(
            service_unit=unit, fields=answers(token=token), channel="ONLINE", client_ip="1.1.1.1"
        )
        for fields in (answers(token=token, u1="1"), answers(token=form_token_issue(
            service_unit_id=unit.pk
        ))):  # fmt: skip
            with pytest.raises(SubmissionRefused):
                response_submit(
                    service_unit=unit, fields=fields, channel="ONLINE", client_ip="1.1.1.1"
                )
        assert SurveyResponse.objects.count() == 1
    assert refusals(unit) == {RefusalReason.TOKEN_REUSED: 1, RefusalReason.DUPLICATE: 1}


def test_yesterdays_salt_is_found_even_after_a_look_up_found_none(db: None) -> None:
    from kinerja.surveys.protection import existing_salt

    yesterday = timezone.localdate() - timedelta(days=1)
    assert existing_salt(yesterday) is None
    created = daily_salt(yesterday)
    assert existing_salt(yesterday) == created
    assert DailySalt.objects.get(day=yesterday).salt == created
