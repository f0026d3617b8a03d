"""The export of a closed round's aggregates (exports.py, /360/<cycle>/ekspor/): BKPSDM the
whole round, Admin OPD their agency, closed rounds only, suppressed groups never a number,
cells formula-safe, audited."""

from __future__ import annotations

import io

import pytest
from django.contrib.messages import get_messages
from django.test import Client
from openpyxl import load_workbook

from kinerja.assessment.exports import HEADER
from kinerja.assessment.models import AnswerSheet
from kinerja.assessment.testing import (
    LONE_SUBORDINATE_COMMENT,
    Team360,
    close_cycle,
    make_answered_team_360,
    make_cycle,
    make_reviewer_list,
)
from kinerja.audit.models import AuditEvent
from kinerja.people.testing import PERSONA_NAMES, Personas, make_employee

pytestmark = pytest.mark.django_db


def _url(team: Team360, file_format: str = "csv") -> str:
    return f"/360/{team.cycle.pk}/ekspor/?format={file_format}"


def _rows(content: bytes) -> list[list[str]]:
    text = content.decode("utf-8-sig")
    return [line.split(";") for line in text.strip().split("\r\n")]


def test_bkpsdm_downloads_one_row_per_value_with_suppressed_groups_in_words(
    client: Client, personas: Personas
) -> None:
    team = make_answered_team_360(personas)
    client.force_login(personas.hr_admin)
    response = client.get(_url(team))
    assert response.status_code == 200
    assert response["Content-Disposition"].startswith("attachment;")
    rows = _rows(response.content)
    assert rows[0] == list(HEADER)
    assert len(rows) == 1 + 7
    akuntabel = next(row for row in rows if row[3] == "Akuntabel")
    assert akuntabel[1] == team.ratee.name
    assert "4,00 (3 penilai)" in akuntabel
    assert "Komentar rekan 3 | Komentar rekan 4 | Komentar rekan 5" in akuntabel
    assert "kurang dari 3 penilai" in akuntabel
    assert LONE_SUBORDINATE_COMMENT not in response.content.decode("utf-8-sig")
    subordinate = HEADER.index("Bawahan")
    assert all(row[subordinate] == "kurang dari 3 penilai" for row in rows[1:])
    event = AuditEvent.objects.get(action="assessment_export.downloaded")
    assert event.after is not None
    assert event.after["rows"] == 7


def test_the_xlsx_file_opens(client: Client, personas: Personas) -> None:
    team = make_answered_team_360(personas)
    client.force_login(personas.hr_admin)
    response = client.get(_url(team, "xlsx"))
    sheet = load_workbook(io.BytesIO(response.content)).active
    assert sheet is not None
    assert sheet.max_row == 8
    assert sheet["A1"].value == "NIP"


def test_a_comment_that_looks_like_a_formula_is_stored_as_text(
    client: Client, personas: Personas
) -> None:
    team = make_answered_team_360(personas, closed=False)
    AnswerSheet.objects.filter(relation="PEER").update(comments={"AKUNTABEL": "=HYPERLINK(1)"})
    close_cycle(team.cycle)
    client.force_login(personas.hr_admin)
    content = client.get(_url(team)).content.decode("utf-8-sig")
    assert "'=HYPERLINK(1) | =HYPERLINK(1)" in content


def test_an_agency_admin_exports_only_their_agency(client: Client, personas: Personas) -> None:
    cycle = make_cycle()  # the whole city
    team = make_answered_team_360(personas, cycle=cycle)
    stranger = make_employee(name="Pegawai Dishub")
    make_reviewer_list(cycle, stranger, agency=personas.other_agency)
    client.force_login(personas.agency_admin)
    content = client.get(_url(team)).content.decode("utf-8-sig")
    assert team.ratee.name in content
    assert "Pegawai Dishub" not in content
    client.force_login(personas.other_admin)
    content = client.get(_url(team)).content.decode("utf-8-sig")
    assert "Pegawai Dishub" in content
    assert team.ratee.name not in content


@pytest.mark.parametrize("name", PERSONA_NAMES)
def test_only_bkpsdm_and_the_agency_admin_export(
    client: Client, personas: Personas, name: str
) -> None:
    team = make_answered_team_360(personas)
    client.force_login(personas.all()[name])
    response = client.get(_url(team))
    assert response.status_code == (200 if name in {"hr_admin", "agency_admin"} else 404)


def test_an_open_round_returns_to_the_round_with_a_message(
    client: Client, personas: Personas
) -> None:
    team = make_answered_team_360(personas, closed=False)
    client.force_login(personas.hr_admin)
    response = client.get(_url(team))
    assert response.status_code == 302
    assert response["Location"] == f"/360/{team.cycle.pk}/"
    assert not AuditEvent.objects.filter(action="assessment_export.downloaded").exists()


def test_an_unknown_format_returns_with_a_message_naming_it(
    client: Client, personas: Personas
) -> None:
    team = make_answered_team_360(personas)
    client.force_login(personas.hr_admin)
    response = client.get(_url(team, "pdf"), follow=False)
    assert response.status_code == 302
    [message] = list(get_messages(response.wsgi_request))
    assert "Format 'pdf' tidak dikenal; pilih csv atau xlsx." in str(message)
