"""Objections (keberatan) against an evaluation result, decided by the appraiser's superior.

PP 30/2019 Pasal 59: the employee objects, with reasons, within 14 calendar days of receiving
the result, to the appraiser's superior; the superior asks both parties for explanations and
may change the result; that decision is final. Here:

- `Objection` is one objection of one evaluation, with the decider fixed when it is filed
  (from the chain of command on the evaluation's date: `kinerja.appeals.decider`), the
  appraiser's explanation, the employee's answer, and the decision with its reasons and the
  ratings and predikat before and after. The exchange is fixed (statement, explanation,
  answer, decision: one of each, each with its time and due date), so it is kept in these
  fields, which the record page shows as one thread and the decision letter prints, rather
  than as free comments of `kinerja.discussions`.
- `ObjectionAttachment` is a file the employee attached when filing (stored like evidence,
  through the storage alias "evidence", SHA-256 recorded).
"""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from kinerja.core.models import TimeStampedModel
from kinerja.evaluation.models.choices import PREDIKAT_CHOICES, RATING_CHOICES


class ObjectionState(models.TextChoices):
    """Diajukan: waiting for the appraiser's explanation; Dijelaskan: explained, the employee
    may answer and the decider may decide; Diterima / Ditolak: decided, final; Dicabut: the
    employee withdrew it before the decision."""

    FILED = "FILED", _("Diajukan")
    EXPLAINED = "EXPLAINED", _("Dijelaskan")
    ACCEPTED = "ACCEPTED", _("Diterima")
    REJECTED = "REJECTED", _("Ditolak")
    WITHDRAWN = "WITHDRAWN", _("Dicabut")


OPEN_STATES = (ObjectionState.FILED, ObjectionState.EXPLAINED)
DECIDED_STATES = (ObjectionState.ACCEPTED, ObjectionState.REJECTED)


class ObjectionSubject(models.TextChoices):
    """What the employee contests."""

    RESULTS = "RESULTS", _("Rating hasil kerja")
    BEHAVIOR = "BEHAVIOR", _("Rating perilaku kerja")
    BOTH = "BOTH", _("Rating hasil kerja dan perilaku kerja")


class Objection(TimeStampedModel):
    evaluation = models.ForeignKey(
        "evaluation.Evaluation",
        verbose_name=_("penilaian"),
        on_delete=models.PROTECT,
        related_name="objections",
    )
    employee = models.ForeignKey(
        "people.Employee",
        verbose_name=_("pegawai"),
        on_delete=models.PROTECT,
        related_name="objections",
    )
    agency = models.ForeignKey(
        "organization.Agency",
        verbose_name=_("perangkat daerah"),
        on_delete=models.PROTECT,
        related_name="objections",
        help_text=_("perangkat daerah jabatan pada SKP, untuk statistik"),
    )
    unit = models.ForeignKey(
        "organization.Unit",
        verbose_name=_("unit kerja"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="objections",
    )
    subject = models.CharField(
        _("yang diajukan keberatan"), max_length=10, choices=ObjectionSubject.choices
    )
    statement = models.TextField(_("alasan keberatan"))
    requested = models.TextField(_("hasil yang diminta"), blank=True)
    state = models.CharField(
        _("status"), max_length=10, choices=ObjectionState.choices, default=ObjectionState.FILED
    )
    filed_at = models.DateTimeField(_("diajukan"))
    deadline = models.DateField(_("batas pengajuan"), help_text=_("tanggal terima + 14 hari"))
    appraiser = models.ForeignKey(
        "people.Employee",
        verbose_name=_("pejabat penilai"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
        help_text=_("kosong bila penilainya Wali Kota"),
    )
    decider = models.ForeignKey(
        "people.Employee",
        verbose_name=_("atasan pejabat penilai"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
        help_text=_("kosong bila diputus oleh Wali Kota (ditangani Pimpinan)"),
    )
    decider_is_mayor = models.BooleanField(_("diputus Wali Kota"), default=False)
    decider_note = models.CharField(
        _("dasar penentuan atasan"), max_length=300, blank=True,
        help_text=_("mis. Plt memegang dua jabatan sehingga diteruskan satu tingkat ke atas"),
    )  # fmt: skip
    explanation = models.TextField(_("penjelasan pejabat penilai"), blank=True)
    explained_at = models.DateTimeField(_("dijelaskan"), null=True, blank=True)
    explained_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("dijelaskan oleh"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    answer = models.TextField(_("tanggapan pegawai"), blank=True)
    answered_at = models.DateTimeField(_("ditanggapi"), null=True, blank=True)
    decision_reason = models.TextField(_("pertimbangan keputusan"), blank=True)
    decided_at = models.DateTimeField(_("diputus"), null=True, blank=True)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("diputus oleh"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    results_before = models.CharField(
        _("rating hasil kerja sebelum"), max_length=5, choices=RATING_CHOICES, blank=True
    )
    behavior_before = models.CharField(
        _("rating perilaku kerja sebelum"), max_length=5, choices=RATING_CHOICES, blank=True
    )
    predikat_before = models.CharField(
        _("predikat sebelum"), max_length=16, choices=PREDIKAT_CHOICES, blank=True
    )
    results_after = models.CharField(
        _("rating hasil kerja sesudah"), max_length=5, choices=RATING_CHOICES, blank=True
    )
    behavior_after = models.CharField(
        _("rating perilaku kerja sesudah"), max_length=5, choices=RATING_CHOICES, blank=True
    )
    predikat_after = models.CharField(
        _("predikat sesudah"), max_length=16, choices=PREDIKAT_CHOICES, blank=True
    )
    withdrawn_at = models.DateTimeField(_("dicabut"), null=True, blank=True)
    withdrawn_reason = models.TextField(_("alasan pencabutan"), blank=True)

    class Meta:
        verbose_name = _("keberatan")
        verbose_name_plural = _("keberatan")
        ordering = ["-filed_at", "-pk"]
        indexes = [
            models.Index(fields=["agency", "state"]),
            models.Index(fields=["decider", "state"]),
            models.Index(fields=["appraiser", "state"]),
            models.Index(fields=["employee", "state"]),
        ]
        constraints = [
            # One objection per evaluation, unless withdrawn: a decision is final.
            models.UniqueConstraint(
                fields=["evaluation"],
                condition=~models.Q(state="WITHDRAWN"),
                name="objection_one_per_evaluation",
                violation_error_message=_("Keberatan atas penilaian ini sudah diajukan."),
            ),
            models.CheckConstraint(
                condition=models.Q(decider__isnull=False) | models.Q(decider_is_mayor=True),
                name="objection_has_decider",
            ),
        ]

    def __str__(self) -> str:
        return f"Keberatan {self.pk} atas penilaian {self.evaluation_id}"


class ObjectionAttachment(models.Model):
    """A file attached to an objection by the employee when filing: stored through the storage
    alias "evidence" under an unguessable name, typed by its content, SHA-256 recorded."""

    objection = models.ForeignKey(
        Objection,
        verbose_name=_("keberatan"),
        on_delete=models.PROTECT,
        related_name="attachments",
    )
    stored_name = models.CharField(_("nama simpan"), max_length=255)
    original_name = models.CharField(_("nama berkas"), max_length=150)
    content_type = models.CharField(_("jenis isi"), max_length=100)
    size = models.PositiveBigIntegerField(_("ukuran (bita)"))
    sha256 = models.CharField(_("SHA-256"), max_length=64)
    uploaded_at = models.DateTimeField(_("diunggah"), auto_now_add=True)

    class Meta:
        verbose_name = _("lampiran keberatan")
        verbose_name_plural = _("lampiran keberatan")
        ordering = ["objection", "pk"]

    def __str__(self) -> str:
        return self.original_name
