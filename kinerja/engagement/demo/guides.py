"""Demo data of the guides part: the default guides and FAQ (data/guides/*.md), loaded as the
demo Admin BKPSDM (idempotent: a guide already there, edited or not, is left alone)."""

from __future__ import annotations

from kinerja.accounts.demo_identities import DEMO_HR_ADMIN
from kinerja.accounts.models import User
from kinerja.core.demo import DemoOptions
from kinerja.engagement.models import Guide
from kinerja.engagement.services.guides import guides_load_defaults


def seed(options: DemoOptions) -> list[str]:
    """Create what is missing, change nothing that exists; return lines to print."""
    hr = User.objects.filter(username=DEMO_HR_ADMIN.username).first()
    if hr is None:
        return ["Akun demo Admin BKPSDM tidak ada; panduan demo dilewati."]
    created = guides_load_defaults(actor=hr)
    total = Guide.objects.count()
    return [f"Panduan dan tanya jawab: {len(created)} ditambahkan, {total} seluruhnya."]
