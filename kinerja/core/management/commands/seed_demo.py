"""`manage.py seed_demo`: every app's demo seed, in layer order (idempotent)."""

from __future__ import annotations

import time
from typing import Any

from django.conf import settings
from django.core.management.base import BaseCommand, CommandParser

from kinerja.core.demo import DemoOptions, demo_seeds_run


class Command(BaseCommand):
    help = "Memuat data demo Kota Surakarta (aman dijalankan berulang)."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument(
            "--employees",
            type=int,
            default=settings.DEMO_EMPLOYEES,
            help="Jumlah pegawai demo (bawaan: DEMO_EMPLOYEES).",
        )
        parser.add_argument("--seed", type=int, default=1, help="Benih acak (bawaan: 1).")

    def handle(self, *args: Any, **options: Any) -> None:
        start = time.perf_counter()
        lines = demo_seeds_run(DemoOptions(employees=options["employees"], seed=options["seed"]))
        for line in lines:
            self.stdout.write(line)
        self.stdout.write(f"Data demo siap dalam {time.perf_counter() - start:.1f} detik.")
