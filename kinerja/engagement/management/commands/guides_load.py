"""`manage.py guides_load --oleh <username>`: add the default guides and FAQ that are missing
(by slug) as that Admin BKPSDM; existing guides are left as they are."""

from __future__ import annotations

from typing import Any

from django.core.exceptions import PermissionDenied
from django.core.management.base import BaseCommand, CommandError, CommandParser

from kinerja.accounts.models import User
from kinerja.engagement.services.guides import guides_load_defaults


class Command(BaseCommand):
    help = "Menambahkan panduan dan tanya jawab bawaan yang belum ada (menurut alamatnya)."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument(
            "--oleh", required=True, help="Nama pengguna Admin BKPSDM yang tercatat menambahkan."
        )

    def handle(self, *args: Any, **options: Any) -> None:
        actor = User.objects.filter(username=options["oleh"]).first()
        if actor is None:
            raise CommandError(f"Pengguna “{options['oleh']}” tidak ada.")
        try:
            created = guides_load_defaults(actor=actor)
        except PermissionDenied as error:
            raise CommandError(str(error)) from error
        for guide in created:
            self.stdout.write(f"Ditambahkan: {guide.slug} ({guide.title})")
        self.stdout.write(f"{len(created)} panduan ditambahkan.")
