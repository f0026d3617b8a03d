"""The import tasks in a real database worker process.

Personas (conftest.py): hr_admin imports for any agency; agency_admin only for `agency`;
employee, leader, auditor and outsider may not open the import pages at all.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from django.test import override_settings

from kinerja.core.models import Job
from kinerja.core.testing import DB_TASKS, run_manage, worker_env
from kinerja.people.imports.tasks import employee_import_validation_start
from kinerja.people.imports.testing import employee_rows, file_employees, to_csv
from kinerja.people.testing import Personas

# --- a real worker ------------------------------------------------------------------------


@pytest.mark.django_db(transaction=True)
@override_settings(TASKS=DB_TASKS)
def test_the_validation_runs_in_a_database_worker_process(
    personas: Personas, settings: Any
) -> None:
    settings.MEDIA_ROOT = Path(settings.BASE_DIR) / "var" / "media"  # what the worker sees
    rows = employee_rows(50, personas.agency)
    rows[9]["Golongan"] = "III/q"
    job = employee_import_validation_start(
        actor=personas.hr_admin, content=to_csv(rows), file_name="pekerja.csv"
    )
    stored = Path(settings.MEDIA_ROOT) / "imports" / f"{job.pk}.csv"
    try:
        env = worker_env()
        env.pop("REDIS_URL", None)
        done = run_manage(["db_worker", "--batch", "--interval", "0.1"], env)
        assert done.returncode == 0, done.stderr
        job.refresh_from_db()
        assert job.status == Job.Status.SUCCEEDED, job.error
        assert job.percent == 100
        assert job.result["clean"] is False
        assert [(e["row"], e["column"]) for e in job.result["errors"]] == [(11, "Golongan")]
        assert file_employees() == 0
    finally:
        stored.unlink(missing_ok=True)
