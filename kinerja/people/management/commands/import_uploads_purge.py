"""`manage.py import_uploads_purge [--hours N]`: delete import uploads past their retention."""

from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand, CommandParser

from kinerja.people.imports import import_uploads_purge


class Command(BaseCommand):
    help = "Hapus berkas impor pegawai yang melewati batas waktu simpan (IMPORT_RETENTION_HOURS)."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--hours", type=int, default=None, help="Batas umur berkas, jam.")

    def handle(self, *args: Any, **options: Any) -> None:
        deleted = import_uploads_purge(hours=options["hours"])
        self.stdout.write(f"{deleted} berkas impor dihapus.")
