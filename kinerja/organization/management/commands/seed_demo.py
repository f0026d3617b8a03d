"""`manage.py seed_demo`: load the demo city and one login per role (idempotent)."""

from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand

from kinerja.organization.demo import DEMO_PASSWORD, demo_agencies_ensure, demo_users_ensure


class Command(BaseCommand):
    help = "Memuat data demo Kota Surakarta (aman dijalankan berulang)."

    def handle(self, *args: Any, **options: Any) -> None:
        created = demo_agencies_ensure()
        logins = demo_users_ensure()
        self.stdout.write(f"Perangkat daerah baru: {created}.")
        self.stdout.write(f"Login demo (kata sandi semua akun: {DEMO_PASSWORD}):")
        for login in logins:
            self.stdout.write(f"  {login.role_label:<14} {login.username:<22} {login.full_name}")
