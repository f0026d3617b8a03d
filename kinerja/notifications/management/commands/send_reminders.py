"""`manage.py send_reminders [--tanggal YYYY-MM-DD]`: write the day's reminders and send the
pending emails (idempotent; `make run` schedules the same work hourly through
`tasks.send_reminders_task`)."""

from __future__ import annotations

from datetime import date
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.utils import timezone

from kinerja.notifications.reminders import reminders_send


def _day(value: str) -> date:
    try:
        return date.fromisoformat(value)
    except ValueError as error:
        raise CommandError(
            f"--tanggal {value!r} tidak dikenali; tulis tanggal sebagai YYYY-MM-DD, "
            "misalnya 2026-11-30."
        ) from error


class Command(BaseCommand):
    help = "Kirim pengingat harian (realisasi jatuh tempo, tindak lanjut lewat batas) dan email."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument(
            "--tanggal",
            default="",
            help="Hari pengingat (YYYY-MM-DD); bawaan: hari ini.",
        )

    def handle(self, *args: Any, **options: Any) -> None:
        day = _day(options["tanggal"]) if options["tanggal"] else timezone.localdate()
        report = reminders_send(day=day)
        for line in report.lines():
            self.stdout.write(line)
