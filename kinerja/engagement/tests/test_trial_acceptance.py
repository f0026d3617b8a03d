"""Acceptance of issue 17 for trial periods: a trial-period rating is labelled "uji coba" on its
evaluation page (employee and appraiser), on its explanation page and on its PDF (rendered by
WeasyPrint, text read back), and is absent from the e-Kinerja export and the allowance (TPP);
once the period is promoted it appears in the export and counts for the allowance."""

from __future__ import annotations

import io

import pytest
from django.core.exceptions import ValidationError
from django.test import Client
from pypdf import PdfReader

from kinerja.appeals.testing import make_objection
from kinerja.core.testing import page_text
from kinerja.engagement.services.trial import trial_period_promote
from kinerja.evaluation.documents.content import evaluation_document_build
from kinerja.evaluation.documents.pdf import evaluation_pdf_render
from kinerja.evaluation.models import Evaluation
from kinerja.evaluation.rules import Scope
from kinerja.evaluation.selectors.allowance import Month, month_predikats
from kinerja.evaluation.selectors.common import evaluation_queryset
from kinerja.evaluation.selectors.exports import ekinerja_rows
from kinerja.evaluation.testing import make_documented_evaluation
from kinerja.people.testing import Personas
from kinerja.periods.models import PerformancePeriod

pytestmark = pytest.mark.django_db


def _trial_rating(personas: Personas) -> Evaluation:
    evaluation = make_documented_evaluation(
        employee=personas.staff.employee, appraiser=personas.staff.supervisor, trial=True
    )
    period = evaluation.plan.period
    assert period.is_trial
    # A name without the words, so that the labels found come from the trial flag.
    PerformancePeriod.objects.filter(pk=period.pk).update(name=f"Periode Percobaan {period.year}")
    evaluation.refresh_from_db()
    return evaluation


def _scope(evaluation: Evaluation) -> Scope:
    return Scope(evaluation.plan.period, evaluation.window)


@pytest.mark.parametrize("name", ["employee", "supervisor"])
def test_the_evaluation_page_says_uji_coba(client: Client, personas: Personas, name: str) -> None:
    evaluation = _trial_rating(personas)
    client.force_login(personas.all()[name])
    response = client.get(f"/penilaian/{evaluation.pk}/")
    assert response.status_code == 200
    assert "(uji coba)" in page_text(response.content)


def test_the_explanation_page_says_uji_coba(client: Client, personas: Personas) -> None:
    evaluation = _trial_rating(personas)
    client.force_login(personas.employee)
    response = client.get(f"/penilaian/{evaluation.pk}/penjelasan/")
    assert response.status_code == 200
    assert "(uji coba)" in page_text(response.content)


@pytest.mark.parametrize("name", ["employee", "supervisor"])
def test_the_evaluation_and_objection_lists_say_uji_coba(
    client: Client, personas: Personas, name: str
) -> None:
    evaluation = _trial_rating(personas)
    make_objection(evaluation=evaluation)
    client.force_login(personas.all()[name])
    for url in ("/penilaian/", "/keberatan/"):
        response = client.get(url)
        assert response.status_code == 200
        assert "uji coba" in page_text(response.content).lower(), url


def test_the_pdf_says_uji_coba(personas: Personas) -> None:
    evaluation = evaluation_queryset().get(pk=_trial_rating(personas).pk)
    pdf = evaluation_pdf_render(document=evaluation_document_build(evaluation=evaluation))
    text = " ".join((page.extract_text() or "") for page in PdfReader(io.BytesIO(pdf)).pages)
    assert "UJI COBA" in " ".join(text.split())


def test_the_pdf_downloaded_by_the_employee_says_uji_coba(
    client: Client, personas: Personas
) -> None:
    evaluation = _trial_rating(personas)
    client.force_login(personas.employee)
    response = client.get(f"/penilaian/{evaluation.pk}/pdf/")
    assert response.status_code == 200
    content = b"".join(response.streaming_content) if response.streaming else response.content  # type: ignore[attr-defined]
    reader = PdfReader(io.BytesIO(content))
    assert "UJI COBA" in " ".join(" ".join(p.extract_text().split()) for p in reader.pages)


def test_a_trial_rating_is_out_of_the_export_and_the_allowance_until_promoted(
    personas: Personas,
) -> None:
    evaluation = _trial_rating(personas)
    scope = _scope(evaluation)
    window = evaluation.window
    assert window is not None
    month = Month(window.start_date.year, window.start_date.month)
    employee_id = personas.staff.employee.pk
    with pytest.raises(ValidationError, match="adalah periode uji coba"):
        ekinerja_rows(agency=personas.agency, scope=scope)
    assert month_predikats([employee_id], month) == {}
    trial_period_promote(actor=personas.hr_admin, period=evaluation.plan.period)
    evaluation.plan.period.refresh_from_db()
    rows = ekinerja_rows(agency=personas.agency, scope=_scope(evaluation))
    assert [row[0] for row in rows] == [personas.staff.employee.nip]
    assert employee_id in month_predikats([employee_id], month)
