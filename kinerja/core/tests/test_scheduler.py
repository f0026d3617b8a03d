"""The scheduler enqueues each periodic task at start and then every interval."""

from __future__ import annotations

import pytest
from django.core.exceptions import ImproperlyConfigured
from django.test import override_settings
from django_tasks_db.models import DBTaskResult

from kinerja.core.scheduler import Scheduler, periodic_tasks_load
from kinerja.core.testing import DB_TASKS

SAMPLE = "kinerja.core.tests.sample_tasks.periodic_sample_task"


def test_the_periodic_task_setting_exists_for_apps_to_register_their_tasks() -> None:
    from django.conf import settings

    assert isinstance(settings.PERIODIC_TASKS, dict)
    periodic_tasks_load()  # whatever is registered imports and is a task


@pytest.mark.django_db
@override_settings(TASKS=DB_TASKS, PERIODIC_TASKS={SAMPLE: 60})
def test_a_periodic_task_is_enqueued_at_start_and_again_after_its_interval() -> None:
    now = [1000.0]
    scheduler = Scheduler(tasks=periodic_tasks_load(), clock=lambda: now[0])
    assert scheduler.tick() == [SAMPLE]
    now[0] += 59
    assert scheduler.tick() == []
    now[0] += 1
    assert scheduler.tick() == [SAMPLE]
    queued = DBTaskResult.objects.filter(task_path=SAMPLE)
    assert queued.count() == 2


@pytest.mark.parametrize(
    ("config", "message"),
    [
        ({SAMPLE: 0}, "selang harus bilangan detik > 0"),
        ({"kinerja.core.tests.sample_tasks.nothing": 5}, "tidak dapat diimpor"),
        ({"kinerja.core.tests.sample_tasks.MEGABYTE": 5}, "bukan tugas django-tasks"),
    ],
)
def test_a_wrong_periodic_task_entry_is_refused_naming_it(
    config: dict[str, int], message: str
) -> None:
    with pytest.raises(ImproperlyConfigured, match=message):
        periodic_tasks_load(config)


@pytest.mark.django_db
@override_settings(TASKS=DB_TASKS)
def test_one_task_failing_to_enqueue_does_not_stop_the_others(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    tasks = periodic_tasks_load({SAMPLE: 10})
    broken = periodic_tasks_load({SAMPLE: 10})[0]

    def refuse() -> None:
        raise ConnectionError("antrean mati")

    monkeypatch.setattr(broken, "task", type("T", (), {"enqueue": staticmethod(refuse)})())
    scheduler = Scheduler(tasks=[broken, *tasks], clock=lambda: 0.0)
    assert scheduler.tick() == [SAMPLE]
