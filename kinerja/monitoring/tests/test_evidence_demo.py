"""Demo evidence: PDFs and links on submitted, returned and accepted realisations, once."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from kinerja.core.demo import DemoOptions
from kinerja.monitoring.demo_evidence import demo_evidence, demo_pdf
from kinerja.monitoring.evidence.content import evidence_file_errors
from kinerja.monitoring.evidence.testing import evidence_storage_at, stored_files, upload
from kinerja.monitoring.models import Evidence, RealizationState
from kinerja.monitoring.testing import make_realization, make_running_plan, plan_indicators
from kinerja.people.testing import Personas

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def store(tmp_path: Path) -> Iterator[Path]:
    with evidence_storage_at(tmp_path / "bukti") as path:
        yield path


def test_the_demo_pdf_passes_the_content_check() -> None:
    pdf = demo_pdf(["Laporan (demo)", "Agus Wibowo, S.Sos.", "Triwulan é"])
    assert (
        evidence_file_errors(
            file=upload("a.pdf", pdf),
            name="a.pdf",
            plan_used_bytes=0,
            max_file_bytes=10_000,
            max_plan_bytes=10_000,
        )
        == []
    )


def test_demo_evidence_is_attached_once_to_decided_or_submitted_realisations(
    personas: Personas, store: Path
) -> None:
    plan = make_running_plan(employee=personas.staff.employee, results=4)
    first, second, third, fourth = plan_indicators(plan)
    states = [
        RealizationState.SUBMITTED,
        RealizationState.ACCEPTED,
        RealizationState.RETURNED,
        RealizationState.DRAFT,
    ]
    for indicator, state in zip([first, second, third, fourth], states, strict=True):
        make_realization(plan=plan, indicator=indicator, state=state)
    lines = demo_evidence(DemoOptions())
    assert lines == ["Bukti dukung demo: 2 berkas PDF dan 1 tautan pada realisasi."]
    assert Evidence.objects.filter(realization__state=RealizationState.DRAFT).count() == 0
    assert len(stored_files(store)) == 2
    for evidence in Evidence.objects.filter(kind="FILE"):
        submitted = evidence.realization.submitted_at
        assert submitted is not None
        assert evidence.created_at < submitted
    assert demo_evidence(DemoOptions()) == []
    assert Evidence.objects.count() == 3
