"""Choices shared by the evaluation models: the scoring core's ratings and predikat."""

from __future__ import annotations

from kinerja.scoring.ratings import OrganizationPredikat, Predikat, Rating

RATING_CHOICES = Rating.choices()
PREDIKAT_CHOICES = Predikat.choices()
ORGANIZATION_PREDIKAT_CHOICES = OrganizationPredikat.choices()
