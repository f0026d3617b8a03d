"""`manage.py seed_demo`: load the demo city of Surakarta and one login per role (idempotent)."""

from __future__ import annotations

import time
from typing import Any

from django.conf import settings
from django.core.management.base import BaseCommand, CommandParser

from kinerja.organization.demo import DEMO_PASSWORD
from kinerja.people.demo import demo_city_seed


class Command(BaseCommand):
    help = "Memuat data demo Kota Surakarta (aman dijalankan berulang)."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument(
            "--employees",
            type=int,
            default=settings.DEMO_EMPLOYEES,
            help="Jumlah pegawai demo (bawaan: DEMO_EMPLOYEES).",
        )
        parser.add_argument("--seed", type=int, default=2026, help="Benih acak (bawaan: 2026).")

    def handle(self, *args: Any, **options: Any) -> None:
        start = time.perf_counter()
        result = demo_city_seed(employees=options["employees"], seed=options["seed"])
        seconds = time.perf_counter() - start
        if result.created:
            self.stdout.write(
                f"Kota demo dibuat dalam {seconds:.1f} detik: {result.agencies} perangkat daerah, "
                f"{result.units} unit kerja, {result.positions} jabatan, {result.employees} "
                f"pegawai, {result.vacancies} jabatan lowong, {result.acting} Plt."
            )
        else:
            self.stdout.write("Kota demo sudah berisi pegawai; hanya memastikan akun demo.")
        self.stdout.write(f"Login demo (kata sandi semua akun: {DEMO_PASSWORD}):")
        for login in result.logins:
            self.stdout.write(f"  {login.role_label:<18} {login.username:<22} {login.full_name}")
