"""The demo service standards: an approved one with an open proposal by the demo employee in
its thread, and a draft one; idempotent, public page shows only the approved text."""

from __future__ import annotations

import pytest
from django.apps import apps
from django.test import Client
from django.urls import reverse

from kinerja.accounts.demo_identities import DEMO_EMPLOYEE
from kinerja.core.demo import DemoOptions, _seeds
from kinerja.core.testing import page_text
from kinerja.discussions.models import Comment
from kinerja.surveys.demo_standards import ADMINDUK, MALL, standards_demo_seed
from kinerja.surveys.models import ProposalState, ServiceStandard, StandardState

pytestmark = pytest.mark.django_db


def _seed_lower_layers(options: DemoOptions) -> None:
    """The demo of every app the surveys app stands on (organisation, people, accounts)."""
    for config in apps.get_app_configs():
        if config.label == "surveys":
            break
        seed = _seeds.get(config.label)
        if seed is not None and config.label not in {"periods"}:
            seed(options)


def test_the_demo_holds_an_approved_standard_with_a_proposal_and_a_draft_one() -> None:
    options = DemoOptions(employees=120, seed=2)
    _seed_lower_layers(options)
    lines = standards_demo_seed(options)
    assert lines == [
        f"Standar pelayanan {ADMINDUK}: disetujui, versi 1.",
        f"Standar pelayanan {ADMINDUK}: satu usul perubahan menunggu keputusan.",
        f"Standar pelayanan {MALL}: draf, belum disetujui.",
    ]
    approved = ServiceStandard.objects.get(service_unit__name=ADMINDUK)
    assert approved.state == StandardState.APPROVED
    assert approved.approved_by is not None
    assert not approved.components.filter(published_text="").exists()
    proposal = approved.proposals.get()
    assert proposal.state == ProposalState.OPEN
    assert proposal.proposed_by.nip == DEMO_EMPLOYEE.username
    bodies = list(Comment.objects.order_by("pk").values_list("body", flat=True))
    assert bodies[0].startswith("Usul perubahan Jangka waktu penyelesaian: KTP-el")
    draft = ServiceStandard.objects.get(service_unit__name=MALL)
    assert draft.state == StandardState.DRAFT
    assert draft.approved_version == 0

    assert standards_demo_seed(options) == []
    assert ServiceStandard.objects.count() == 2

    public = Client().get(
        reverse("survey_public:standard", kwargs={"slug": approved.service_unit.slug})
    )
    text = page_text(public.content)
    assert "sebelum pukul 12.00" in text
    assert "sebelum pukul 14.00" not in text  # the open proposal is not public
