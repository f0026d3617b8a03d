"""Acceptance: a calibration move is visible in the audit trail with before, after, who and
why (the Inspektorat's /audit/ page, filtered to the evaluation's history)."""

from __future__ import annotations

import pytest
from django.test import Client

from kinerja.core.testing import page_text
from kinerja.evaluation.rules import Scope
from kinerja.evaluation.testing import make_group
from kinerja.people.testing import Personas
from kinerja.periods.models import PeriodState
from kinerja.planning.testing import make_open_period
from kinerja.scoring.ratings import Predikat

pytestmark = pytest.mark.django_db


def test_a_move_made_on_the_page_reads_in_the_audit_trail_with_before_after_who_and_why(
    client: Client, personas: Personas
) -> None:
    scope = Scope(make_open_period(state=PeriodState.EVALUATION), None)
    (evaluation,) = make_group(agency=personas.agency, scope=scope, predikats=[Predikat.BAIK])
    scope_data = {"periode": str(scope.period.pk), "evaluasi": scope.param}
    calibration = f"/kalibrasi/{personas.agency.pk}/"
    client.force_login(personas.hr_admin)
    assert client.post(calibration, scope_data).status_code == 302
    response = client.post(
        f"{calibration}geser/",
        {
            **scope_data,
            "evaluation": evaluation.pk,
            "field": "RESULTS",
            "after": "BELOW",
            "reason": "Dua RHK utama tidak tercapai menurut bukti realisasi.",
        },
    )
    assert response.status_code == 302

    auditor = Client()
    auditor.force_login(personas.auditor)
    text = page_text(
        auditor.get(
            "/audit/",
            {"object_type": "evaluation.Evaluation", "object_id": str(evaluation.pk)},
        ).content
    )
    assert "1 peristiwa" in text
    assert f"{personas.hr_admin.full_name} (admin.bkpsdm) Rating digeser dalam kalibrasi" in text
    assert "Rating hasil kerja (berubah) Sesuai Ekspektasi Di Bawah Ekspektasi" in text
    assert "Predikat kinerja (berubah) Baik Butuh Perbaikan" in text
    assert "Alasan (berubah) — Dua RHK utama tidak tercapai menurut bukti realisasi." in text
