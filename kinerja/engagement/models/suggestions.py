"""The suggestion box (kotak saran) for the system itself, answered publicly by BKPSDM."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from kinerja.core.models import TimeStampedModel


class SuggestionState(models.TextChoices):
    SUBMITTED = "SUBMITTED", _("Diterima")
    ANSWERED = "ANSWERED", _("Dijawab")
    DECLINED = "DECLINED", _("Tidak ditayangkan")


class Suggestion(TimeStampedModel):
    """A suggestion about Kinerja. Answered ones are public to every signed-in user, without
    the author's name; a declined one (personal matter, duplicate) is answered to its author
    only."""

    author = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("pengirim"),
        null=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    title = models.CharField(_("judul"), max_length=150)
    body = models.TextField(_("saran"))
    page = models.CharField(_("halaman terkait"), max_length=200, blank=True)
    state = models.CharField(
        _("status"),
        max_length=10,
        choices=SuggestionState.choices,
        default=SuggestionState.SUBMITTED,
    )
    answer = models.TextField(_("jawaban"), blank=True)
    answered_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("dijawab oleh"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    answered_at = models.DateTimeField(_("dijawab"), null=True, blank=True)

    class Meta:
        verbose_name = _("saran")
        verbose_name_plural = _("saran")
        ordering = ["-created_at", "-pk"]

    def __str__(self) -> str:
        return self.title
