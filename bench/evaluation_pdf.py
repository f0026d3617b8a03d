"""Evaluation documents: one document's render time for 5 and 12 results (built from the
database, then WeasyPrint, as the download view does), and the batch's throughput in documents
per second (the ZIP the background job writes, for a group of BENCH_EVAL_BATCH evaluations).

CPU time of this process (WeasyPrint and the database client both run in it), as in
bench/skp_pdf.py: what one worker delivers on an idle core.
"""

from __future__ import annotations

import os
import time
from collections.abc import Callable

from _django import bench_database, print_table
from django.test import override_settings

from kinerja.core.jobs import progress_ignore
from kinerja.evaluation.documents.batch import (
    documents_storage,
    documents_zip_store,
    printable_evaluations,
)
from kinerja.evaluation.documents.content import evaluation_document_build
from kinerja.evaluation.documents.pdf import evaluation_pdf_render
from kinerja.evaluation.rules import Scope
from kinerja.evaluation.selectors.common import evaluation_queryset
from kinerja.evaluation.testing import make_documented_evaluation, make_group
from kinerja.people.testing import make_personas
from kinerja.scoring.ratings import Predikat

REPEAT = int(os.environ.get("BENCH_EVAL_REPEAT", "10"))
BATCH = int(os.environ.get("BENCH_EVAL_BATCH", "40"))


def cpu_seconds(fn: Callable[[], object], repeat: int = REPEAT) -> float:
    start = time.process_time()
    for _ in range(repeat):
        fn()
    return time.process_time() - start


def main() -> None:
    rows: list[tuple[str, str]] = []
    with (
        override_settings(ALLOWED_HOSTS=["testserver"]),
        bench_database(instrument_templates=False),
    ):
        personas = make_personas()
        staff = personas.staff
        small = make_documented_evaluation(
            employee=staff.employee, appraiser=staff.supervisor, results=5
        )
        large = make_documented_evaluation(
            employee=staff.supervisor, appraiser=staff.kabid, results=12
        )
        scope = Scope(small.plan.period, small.window)
        make_group(
            agency=personas.agency, scope=scope, predikats=[Predikat.BAIK] * (BATCH - 2),
            supervisor=staff.kasi_post, unit=staff.unit,
        )  # fmt: skip
        for label, evaluation_id in (("5 RHK", small.pk), ("12 RHK", large.pk)):

            def pdf(evaluation_id: int = evaluation_id) -> int:
                evaluation = evaluation_queryset().get(pk=evaluation_id)
                document = evaluation_document_build(evaluation=evaluation)
                return len(evaluation_pdf_render(document=document))

            size = pdf()
            seconds = cpu_seconds(pdf)
            rows.append(
                (
                    f"PDF penilaian, {label}",
                    f"{seconds * 1000 / REPEAT:.0f} ms/dokumen   {size / 1024:.0f} KB",
                )
            )
        evaluations = list(printable_evaluations(agency_id=personas.agency.pk, scope=scope))
        start = time.process_time()
        saved, _ = documents_zip_store(
            evaluations=evaluations, name="bench/evaluation-documents.zip",
            progress=progress_ignore,
        )  # fmt: skip
        seconds = time.process_time() - start
        documents_storage().delete(saved)
        rows.append(
            (
                f"ZIP satu perangkat daerah, {len(evaluations)} dokumen",
                f"{len(evaluations) / seconds:.1f} dokumen/detik",
            )
        )
    print_table(f"Dokumen penilaian (waktu CPU, {REPEAT} kali tiap ukuran)", rows)


if __name__ == "__main__":
    main()
