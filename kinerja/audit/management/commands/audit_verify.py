"""`manage.py audit_verify`: recompute the hash chain; exit 1 naming the first bad event."""

from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand, CommandError

from kinerja.audit.chain import chain_verify


class Command(BaseCommand):
    help = "Memverifikasi rantai hash jejak audit dari awal sampai akhir."

    def handle(self, *args: Any, **options: Any) -> None:
        report = chain_verify()
        if not report.ok:
            raise CommandError(
                f"Rantai audit rusak pada peristiwa #{report.first_bad_id}: {report.reason}. "
                f"{report.checked} peristiwa sebelumnya cocok."
            )
        self.stdout.write(
            f"Rantai audit utuh: {report.checked} peristiwa diperiksa; "
            f"hash terakhir {report.head_hash}."
        )
