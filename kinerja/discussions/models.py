"""Comment threads attachable to any record, and numbered versions of a document.

A subject is named by its model label and primary key (`planning.PlannedResult`, 42), the
same way the audit log names objects, so this app never imports the apps that use it.
"""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class Thread(models.Model):
    """The comments about one record."""

    subject_type = models.CharField(_("jenis objek"), max_length=100)
    subject_id = models.PositiveBigIntegerField(_("ID objek"))
    created_at = models.DateTimeField(_("dibuat"), auto_now_add=True)

    class Meta:
        verbose_name = _("diskusi")
        verbose_name_plural = _("diskusi")
        constraints = [
            models.UniqueConstraint(
                fields=["subject_type", "subject_id"], name="discussions_one_thread_per_subject"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.subject_type} #{self.subject_id}"


class Comment(models.Model):
    """One comment. Comments are never edited or deleted: the thread is part of the record."""

    thread = models.ForeignKey(
        Thread, verbose_name=_("diskusi"), on_delete=models.CASCADE, related_name="comments"
    )
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("penulis"),
        null=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    author_name = models.CharField(_("nama penulis"), max_length=250)
    body = models.TextField(_("komentar"))
    created_at = models.DateTimeField(_("ditulis"), auto_now_add=True)

    class Meta:
        verbose_name = _("komentar")
        verbose_name_plural = _("komentar")
        ordering = ["created_at", "pk"]
        indexes = [models.Index(fields=["thread", "created_at"])]

    def __str__(self) -> str:
        return f"{self.author_name}: {self.body[:40]}"


class DocumentVersion(models.Model):
    """A numbered, frozen version of a document (1, 2, 3 …) as readable lines to compare.

    `content` holds the structured snapshot the owning app needs to rebuild the document;
    `lines` is its readable rendering, which `kinerja.discussions.versions.version_diff`
    compares line by line.
    """

    subject_type = models.CharField(_("jenis objek"), max_length=100)
    subject_id = models.PositiveBigIntegerField(_("ID objek"))
    number = models.PositiveIntegerField(_("versi"))
    content = models.JSONField(_("isi"), default=dict)
    lines = models.JSONField(_("baris"), default=list)
    note = models.TextField(_("catatan"), blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("dibuat oleh"),
        null=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    created_by_name = models.CharField(_("nama pembuat"), max_length=250)
    created_at = models.DateTimeField(_("dibuat"), auto_now_add=True)

    class Meta:
        verbose_name = _("versi dokumen")
        verbose_name_plural = _("versi dokumen")
        ordering = ["subject_type", "subject_id", "number"]
        constraints = [
            models.UniqueConstraint(
                fields=["subject_type", "subject_id", "number"],
                name="discussions_version_number_unique",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.subject_type} #{self.subject_id} v{self.number}"
