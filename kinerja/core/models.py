"""Shared base models and the background Job record that every long operation reports to."""

from __future__ import annotations

import uuid

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class TimeStampedModel(models.Model):
    created_at = models.DateTimeField(_("dibuat"), auto_now_add=True)
    updated_at = models.DateTimeField(_("diperbarui"), auto_now=True)

    class Meta:
        abstract = True


class Job(models.Model):
    """A long operation's visible state: what it is, how far it got, where its result is.

    The task itself runs in a worker (django-tasks); it reports here through the job services,
    and the page polls the progress fragment until the job is finished.
    """

    class Status(models.TextChoices):
        QUEUED = "QUEUED", _("Menunggu")
        RUNNING = "RUNNING", _("Berjalan")
        SUCCEEDED = "SUCCEEDED", _("Selesai")
        FAILED = "FAILED", _("Gagal")

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    kind = models.CharField(_("jenis"), max_length=80)
    title = models.CharField(_("judul"), max_length=200)
    owner = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("pemilik"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="jobs",
    )
    status = models.CharField(
        _("status"), max_length=10, choices=Status.choices, default=Status.QUEUED
    )
    percent = models.PositiveSmallIntegerField(_("persen"), default=0)
    message = models.CharField(_("pesan"), max_length=300, blank=True)
    result_url = models.CharField(_("tautan hasil"), max_length=300, blank=True)
    result = models.JSONField(_("hasil"), default=dict, blank=True)
    error = models.TextField(_("galat"), blank=True)
    task_result_id = models.CharField(max_length=64, blank=True)
    created_at = models.DateTimeField(_("dibuat"), auto_now_add=True)
    started_at = models.DateTimeField(_("dimulai"), null=True, blank=True)
    finished_at = models.DateTimeField(_("selesai"), null=True, blank=True)

    class Meta:
        verbose_name = _("tugas latar")
        verbose_name_plural = _("tugas latar")
        ordering = ["-created_at"]
        indexes = [models.Index(fields=["owner", "-created_at"])]

    def __str__(self) -> str:
        return f"{self.title} ({self.get_status_display()})"

    @property
    def is_finished(self) -> bool:
        return self.status in {self.Status.SUCCEEDED, self.Status.FAILED}
