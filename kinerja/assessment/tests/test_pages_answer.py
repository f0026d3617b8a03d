"""The questionnaire page (answer_views.py, /360/isi/<review_id>/): only the rater opens it, the
header and guidance, saving and sending without JavaScript, errors shown with everything posted
kept, htmx autosave, the sent sentence and the read-only page after the due date."""

from __future__ import annotations

import re
from datetime import timedelta

import pytest
from django.test import Client

from kinerja.assessment.answer_forms import comment_field
from kinerja.assessment.keys import sheet_key
from kinerja.assessment.models import AnswerSheet, BehaviorReview, ReviewCycle
from kinerja.assessment.questionnaire import COMMENT_MAX
from kinerja.assessment.services.answers import answers_save
from kinerja.assessment.testing import Team360, full_scores, make_sheet, make_team_360
from kinerja.core.testing import page_text
from kinerja.people.holdings import today
from kinerja.people.testing import PERSONA_NAMES, Personas
from kinerja.scoring.formatting import format_date_id

pytestmark = pytest.mark.django_db


def _url(review: BehaviorReview) -> str:
    return f"/360/isi/{review.pk}/"


def _peer_client(client: Client, team: Team360) -> Client:
    client.force_login(team.peer_users[0])
    return client


def _all(score: str = "4") -> dict[str, str]:
    return dict.fromkeys(full_scores(), score)


@pytest.mark.parametrize("name", PERSONA_NAMES)
def test_only_the_rater_opens_the_questionnaire(
    client: Client, personas: Personas, name: str
) -> None:
    """The subordinate review's rater is the employee persona (Agus); the rated employee
    (supervisor), her appraiser and every admin get 404, on GET and POST."""
    team = make_team_360(personas)
    review = team.subordinate_reviews[0]
    client.force_login(personas.all()[name])

    response = client.get(_url(review))
    posted = client.post(_url(review), {"aksi": "simpan", **_all()})

    expected = 200 if name == "employee" else 404
    assert response.status_code == expected
    assert posted.status_code == (302 if name == "employee" else 404)
    if name != "employee":
        assert not AnswerSheet.objects.exists()


def test_a_peer_gets_404_for_another_peers_review(client: Client, personas: Personas) -> None:
    team = make_team_360(personas)
    response = _peer_client(client, team).get(_url(team.peer_reviews[1]))
    assert response.status_code == 404


def test_the_page_shows_whom_the_relation_the_round_the_due_date_and_the_questions(
    client: Client, personas: Personas
) -> None:
    team = make_team_360(personas)
    response = _peer_client(client, team).get(_url(team.peer_reviews[0]))

    text = page_text(response.content)
    assert "Sri Handayani" in text
    assert "Rekan kerja" in text
    assert team.cycle.name in text
    assert format_date_id(team.cycle.due_date) in text
    assert "Panduan memberi umpan balik" in text
    assert "Sangat jarang: hampir tidak pernah terlihat" in text
    assert "Tidak dapat menilai" in text
    assert f"paling banyak {COMMENT_MAX} karakter" in text
    assert "Simpan draf" in text
    assert "Kirim" in text
    assert b'href="/360/"' in response.content
    html = response.content.decode()
    assert html.count('type="radio"') == 21 * 6
    assert html.count("<textarea") == 7
    assert 'hx-trigger="change delay:800ms"' in html
    assert 'aria-live="polite"' in html
    assert "<details" in html
    assert 'data-testid="guidance" open' in html
    assert "<script>" not in html.split("</head>", 1)[1]


def test_the_guidance_is_folded_once_a_draft_exists(client: Client, personas: Personas) -> None:
    team = make_team_360(personas)
    make_sheet(team.peer_reviews[0], scores={"AKUNTABEL.1": 3}, submitted=False)

    html = _peer_client(client, team).get(_url(team.peer_reviews[0])).content.decode()

    assert 'data-testid="guidance">' in html
    assert re.search(r'name="AKUNTABEL\.1" value="3"[^>]*checked', html)
    assert not re.search(r'name="AKUNTABEL\.2" value="[^"]*"[^>]*checked', html)


def test_saving_a_draft_without_javascript_redirects_and_keeps_the_answers(
    client: Client, personas: Personas
) -> None:
    team = make_team_360(personas)
    review = team.peer_reviews[0]

    response = _peer_client(client, team).post(
        _url(review),
        {"aksi": "simpan", "AKUNTABEL.1": "5", "AKUNTABEL.2": "TDM",
         comment_field("AKUNTABEL"): "Selalu tepat waktu."},
    )  # fmt: skip

    assert response.status_code == 302
    assert response["Location"] == _url(review)
    sheet = AnswerSheet.objects.get(key=sheet_key(review.pk))
    assert sheet.scores == {"AKUNTABEL.1": 5, "AKUNTABEL.2": None}
    assert sheet.comments == {"AKUNTABEL": "Selalu tepat waktu."}
    assert not sheet.submitted
    page = client.get(_url(review))
    assert "Draf jawaban disimpan" in page_text(page.content)
    assert "Selalu tepat waktu." in page.content.decode()


def test_sending_all_answers_shows_the_sent_sentence_with_dates(
    client: Client, personas: Personas
) -> None:
    team = make_team_360(personas)
    review = team.peer_reviews[0]

    response = _peer_client(client, team).post(_url(review), {"aksi": "kirim", **_all()})

    assert response.status_code == 302
    assert AnswerSheet.objects.get(key=sheet_key(review.pk)).submitted
    text = page_text(client.get(_url(review)).content)
    assert (
        f"Terkirim pada {format_date_id(today())}; Anda masih dapat mengubahnya sampai "
        f"{format_date_id(team.cycle.due_date)}."
    ) in text
    assert "Simpan perubahan" in text
    assert "Simpan draf" not in text


def test_sending_incomplete_keeps_the_draft_and_every_posted_value(
    client: Client, personas: Personas
) -> None:
    team = make_team_360(personas)
    review = team.peer_reviews[0]

    response = _peer_client(client, team).post(
        _url(review),
        {"aksi": "kirim", "AKUNTABEL.1": "2", comment_field("LOYAL"): "Teks saya"},
    )

    assert response.status_code == 200
    text = page_text(response.content)
    assert "20 perilaku belum dijawab" in text
    assert "jawaban belum dapat dikirim" in text
    html = response.content.decode()
    assert "Teks saya" in html
    sheet = AnswerSheet.objects.get(key=sheet_key(review.pk))
    assert (sheet.scores, sheet.comments, sheet.submitted) == (
        {"AKUNTABEL.1": 2}, {"LOYAL": "Teks saya"}, False,
    )  # fmt: skip


@pytest.mark.parametrize("score", ["0", "6", "lima"])
def test_a_bad_score_gives_the_rules_sentence_and_saves_nothing(
    client: Client, personas: Personas, score: str
) -> None:
    team = make_team_360(personas)
    review = team.peer_reviews[0]

    response = _peer_client(client, team).post(
        _url(review), {"aksi": "simpan", "AKUNTABEL.1": score, comment_field("LOYAL"): "Kept"}
    )

    assert response.status_code == 200
    text = page_text(response.content)
    assert (
        f"Skor “{score}” tidak sah; isi bilangan bulat 1-5 atau pilih “Tidak dapat menilai”."
    ) in text
    assert "Kept" in response.content.decode()
    assert not AnswerSheet.objects.exists()


def test_an_unknown_code_and_a_long_comment_give_the_rules_sentences(
    client: Client, personas: Personas
) -> None:
    team = make_team_360(personas)
    review = team.peer_reviews[0]

    response = _peer_client(client, team).post(
        _url(review),
        {"aksi": "simpan", "RAMAH.9": "3", comment_field("AKUNTABEL"): "a" * (COMMENT_MAX + 1)},
    )

    text = page_text(response.content)
    assert (
        "Perilaku “RAMAH.9” tidak dikenal; pakai kode seperti AKUNTABEL.1 sampai KOLABORATIF.3."
    ) in text
    assert f"Komentar terlalu panjang ({COMMENT_MAX + 1} karakter)" in text
    assert not AnswerSheet.objects.exists()


def test_autosave_answers_with_a_small_fragment(client: Client, personas: Personas) -> None:
    team = make_team_360(personas)
    review = team.peer_reviews[0]

    response = _peer_client(client, team).post(
        _url(review), {"aksi": "autosave", "KOMPETEN.3": "4"}, HTTP_HX_REQUEST="true"
    )

    assert response.status_code == 200
    assert page_text(response.content) == "Draf tersimpan otomatis."
    assert b"<html" not in response.content
    assert AnswerSheet.objects.get(key=sheet_key(review.pk)).scores == {"KOMPETEN.3": 4}


def test_autosave_names_what_it_refused(client: Client, personas: Personas) -> None:
    team = make_team_360(personas)
    response = _peer_client(client, team).post(
        _url(team.peer_reviews[0]), {"aksi": "autosave", "KOMPETEN.3": "9"},
        HTTP_HX_REQUEST="true",
    )  # fmt: skip
    assert "Skor “9” tidak sah" in page_text(response.content)
    assert not AnswerSheet.objects.exists()


def test_after_the_due_date_the_page_is_read_only_and_posts_change_nothing(
    client: Client, personas: Personas
) -> None:
    team = make_team_360(personas)
    review = team.peer_reviews[0]
    answers_save(
        actor=team.peer_users[0], review=review, scores=full_scores(4), comments={}, submit=True
    )
    ReviewCycle.objects.filter(pk=team.cycle.pk).update(due_date=today() - timedelta(days=1))

    page = _peer_client(client, team).get(_url(review))
    posted = client.post(_url(review), {"aksi": "kirim", **_all("1")})

    html = page.content.decode()
    text = page_text(page.content)
    assert "sudah lewat; jawaban tidak dapat diubah lagi" in text
    assert f"Terkirim pada {format_date_id(today())}." in text
    assert "<button" not in html.split('data-testid="answer-form"', 1)[1].split("</form>")[0]
    assert "hx-post" not in html
    assert html.count("disabled") >= 21 * 6 + 7
    assert "sudah lewat" in page_text(posted.content)
    assert AnswerSheet.objects.get(key=sheet_key(review.pk)).scores["AKUNTABEL.1"] == 4


def test_a_withdrawn_rater_gets_404(client: Client, personas: Personas) -> None:
    team = make_team_360(personas)
    review = team.peer_reviews[0]
    BehaviorReview.objects.filter(pk=review.pk).update(withdrawn_on=today())
    assert _peer_client(client, team).get(_url(review)).status_code == 404


def test_the_page_never_shows_a_time(client: Client, personas: Personas) -> None:
    team = make_team_360(personas)
    review = team.peer_reviews[0]
    answers_save(
        actor=team.peer_users[0], review=review, scores=full_scores(4), comments={}, submit=True
    )
    text = page_text(_peer_client(client, team).get(_url(review)).content)
    assert "pukul" not in text
