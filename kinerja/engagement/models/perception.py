"""The perception survey (survei persepsi): one round per period, anonymous answers.

Who answered (`PerceptionParticipation`) is stored apart from what was answered
(`PerceptionResponse`): no foreign key between them, a random primary key and no timestamp on
the response, so that an answer cannot be traced to its author. A response keeps only the
group it is reported in (the respondent's agency and whether they appraise others).
"""

from __future__ import annotations

import uuid

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from kinerja.core.models import TimeStampedModel


class RoundState(models.TextChoices):
    OPEN = "OPEN", _("Dibuka")
    CLOSED = "CLOSED", _("Ditutup")


class PerceptionRound(TimeStampedModel):
    """A round of the survey, tied to a period (one round per period); open from `opens_on`
    to `closes_on` (inclusive) unless closed earlier. Results are shown once closed."""

    period = models.OneToOneField(
        "periods.PerformancePeriod",
        verbose_name=_("periode penilaian"),
        on_delete=models.PROTECT,
        related_name="+",
    )
    title = models.CharField(_("judul"), max_length=150)
    opens_on = models.DateField(_("dibuka"))
    closes_on = models.DateField(_("ditutup"))
    state = models.CharField(
        _("status"), max_length=6, choices=RoundState.choices, default=RoundState.OPEN
    )

    class Meta:
        verbose_name = _("putaran survei persepsi")
        verbose_name_plural = _("putaran survei persepsi")
        ordering = ["-opens_on", "-pk"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(closes_on__gte=models.F("opens_on")),
                name="engagement_round_closes_after_opening",
                violation_error_message=_("Tanggal tutup tidak boleh sebelum tanggal buka."),
            ),
        ]

    def __str__(self) -> str:
        return self.title


class PerceptionParticipation(models.Model):
    """This user has answered this round (one answer per employee per round)."""

    round = models.ForeignKey(
        PerceptionRound, on_delete=models.CASCADE, related_name="participations"
    )
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    agency = models.ForeignKey(
        "organization.Agency", null=True, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["round", "user"], name="engagement_answer_once")
        ]

    def __str__(self) -> str:
        return f"putaran {self.round_id}: {self.user_id}"


class PerceptionResponse(models.Model):
    """One anonymous questionnaire: the group it counts in, and a free-text remark."""

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    round = models.ForeignKey(PerceptionRound, on_delete=models.CASCADE, related_name="responses")
    agency = models.ForeignKey(
        "organization.Agency", null=True, on_delete=models.SET_NULL, related_name="+"
    )
    is_appraiser = models.BooleanField(_("menilai pegawai lain"), default=False)
    remark = models.TextField(_("saran dan tanggapan"), blank=True)

    class Meta:
        ordering = ["id"]

    def __str__(self) -> str:
        return f"jawaban putaran {self.round_id}"


class PerceptionAnswer(models.Model):
    """One Likert answer (1 = sangat tidak setuju .. 5 = sangat setuju) to one item."""

    response = models.ForeignKey(
        PerceptionResponse, on_delete=models.CASCADE, related_name="answers"
    )
    item = models.CharField(_("butir"), max_length=8)
    value = models.PositiveSmallIntegerField(_("jawaban"))

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["response", "item"], name="engagement_item_once"),
            models.CheckConstraint(
                condition=models.Q(value__gte=1, value__lte=5),
                name="engagement_answer_on_scale",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.item}={self.value}"
