"""360° BerAKHLAK behaviour feedback: cycles, who rates whom, and the answers kept apart.

Anonymity by construction (README.md, "Anonymity"):

- `BehaviorReview` says who rates whom and whether they have sent their answers (the date
  only). Only completion tracking, reminders and the rater's own task list read it.
- `AnswerSheet` holds the answers with the rated employee and the relation, but no rater: its
  primary key is random (no order of creation), it has no timestamps, and it is found again
  only through `key`, a keyed hash (HMAC with the server's secret) of the review's id. Without
  the secret, no join leads from a sheet to its rater.
- Every figure about an employee is computed by `kinerja.assessment.summary` through
  `kinerja.scoring.behavior.aggregate_behavior` (k per relation), and only once the cycle is
  closed, when no answer can change any more: nothing can be learned by comparing figures
  before and after one more rater.
"""

from __future__ import annotations

import uuid

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from kinerja.core.models import TimeStampedModel
from kinerja.scoring.behavior import DEFAULT_K


class CycleState(models.TextChoices):
    """Penyusunan: the lists of raters are proposed, nominated and approved; Pengisian: raters
    answer until the due date; Selesai: answers are frozen and results are shown."""

    DRAFT = "DRAFT", _("Penyusunan penilai")
    OPEN = "OPEN", _("Pengisian")
    CLOSED = "CLOSED", _("Selesai")


class RelationChoice(models.TextChoices):
    """The rater's relation to the rated employee (`kinerja.scoring.behavior.Relation`)."""

    SELF = "SELF", _("Diri sendiri")
    SUPERVISOR = "SUPERVISOR", _("Atasan")
    PEER = "PEER", _("Rekan kerja")
    SUBORDINATE = "SUBORDINATE", _("Bawahan")


class ReviewCycle(TimeStampedModel):
    """A 360° round (putaran umpan balik 360) for a window or the year (`window` None), for
    the whole city (`agency` None) or one agency, with a due date for the answers."""

    period = models.ForeignKey(
        "periods.PerformancePeriod",
        verbose_name=_("periode penilaian"),
        on_delete=models.PROTECT,
        related_name="review_cycles",
    )
    window = models.ForeignKey(
        "periods.EvaluationWindow",
        verbose_name=_("evaluasi periodik"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="review_cycles",
    )
    agency = models.ForeignKey(
        "organization.Agency",
        verbose_name=_("perangkat daerah"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="review_cycles",
        help_text=_("kosong untuk seluruh perangkat daerah kota"),
    )
    name = models.CharField(_("nama"), max_length=150)
    due_date = models.DateField(_("batas pengisian"))
    state = models.CharField(
        _("status"), max_length=10, choices=CycleState.choices, default=CycleState.DRAFT
    )
    k = models.PositiveSmallIntegerField(
        _("ambang anonimitas"),
        default=DEFAULT_K,
        help_text=_("jumlah penilai paling sedikit per hubungan agar rata-rata ditampilkan"),
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("dibuat oleh"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    opened_at = models.DateTimeField(_("dibuka pada"), null=True, blank=True)
    closed_at = models.DateTimeField(_("ditutup pada"), null=True, blank=True)

    class Meta:
        verbose_name = _("putaran umpan balik 360")
        verbose_name_plural = _("putaran umpan balik 360")
        ordering = ("-period__year", "-pk")

    def __str__(self) -> str:
        return self.name


class ReviewerList(TimeStampedModel):
    """The raters of one employee in one cycle (daftar penilai): proposed from the chain of
    command, peers nominated by the employee, approved or changed by the appraiser. `unit`
    and `agency` are the employee's when the list was made (completion counts per unit)."""

    class State(models.TextChoices):
        PROPOSED = "PROPOSED", _("Usulan")
        NOMINATED = "NOMINATED", _("Dinominasikan pegawai")
        APPROVED = "APPROVED", _("Disetujui pejabat penilai")

    cycle = models.ForeignKey(
        ReviewCycle, verbose_name=_("putaran"), on_delete=models.CASCADE, related_name="lists"
    )
    employee = models.ForeignKey(
        "people.Employee",
        verbose_name=_("pegawai yang dinilai"),
        on_delete=models.PROTECT,
        related_name="reviewer_lists",
    )
    agency = models.ForeignKey(
        "organization.Agency",
        verbose_name=_("perangkat daerah"),
        on_delete=models.PROTECT,
        related_name="+",
    )
    unit = models.ForeignKey(
        "organization.Unit",
        verbose_name=_("unit kerja"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    appraiser = models.ForeignKey(
        "people.Employee",
        verbose_name=_("pejabat penilai"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
        help_text=_("kosong bila dinilai Wali Kota"),
    )
    state = models.CharField(
        _("status"), max_length=10, choices=State.choices, default=State.PROPOSED
    )
    approved_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("disetujui oleh"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    approved_at = models.DateTimeField(_("disetujui pada"), null=True, blank=True)
    left_on = models.DateField(
        _("keluar pada"),
        null=True,
        blank=True,
        help_text=_("pegawai tidak lagi memegang jabatan di lingkup putaran"),
    )

    class Meta:
        verbose_name = _("daftar penilai")
        verbose_name_plural = _("daftar penilai")
        constraints = [
            models.UniqueConstraint(
                fields=["cycle", "employee"], name="assessment_one_list_per_employee"
            )
        ]


class BehaviorReview(TimeStampedModel):
    """One rater asked to give 360° feedback on one employee (glossary: `BehaviorReview`).

    Holds the rater's identity and whether they sent their answers (`submitted_on`, a date,
    never a time). The answers themselves are in `AnswerSheet`, which does not point here."""

    class Source(models.TextChoices):
        PROPOSED = "PROPOSED", _("Usulan sistem")
        NOMINATED = "NOMINATED", _("Nominasi pegawai")
        APPRAISER = "APPRAISER", _("Ditetapkan pejabat penilai")
        JOINED = "JOINED", _("Bergabung di tengah putaran")

    reviewer_list = models.ForeignKey(
        ReviewerList,
        verbose_name=_("daftar penilai"),
        on_delete=models.CASCADE,
        related_name="reviews",
    )
    rater = models.ForeignKey(
        "people.Employee",
        verbose_name=_("penilai"),
        on_delete=models.PROTECT,
        related_name="behavior_reviews_given",
    )
    relation = models.CharField(_("hubungan"), max_length=12, choices=RelationChoice.choices)
    source = models.CharField(
        _("asal"), max_length=10, choices=Source.choices, default=Source.PROPOSED
    )
    submitted_on = models.DateField(_("dikirim pada"), null=True, blank=True)
    withdrawn_on = models.DateField(_("ditarik pada"), null=True, blank=True)
    withdrawn_reason = models.CharField(_("alasan penarikan"), max_length=300, blank=True)

    class Meta:
        verbose_name = _("penilai 360")
        verbose_name_plural = _("penilai 360")
        constraints = [
            models.UniqueConstraint(
                fields=["reviewer_list", "rater"], name="assessment_one_review_per_rater"
            )
        ]

    def __str__(self) -> str:
        # The audit trail shows this: the relation, never who rates or who is rated.
        return f"Penilai 360 ({self.get_relation_display()}) #{self.pk}"

    @property
    def is_active(self) -> bool:
        return self.withdrawn_on is None


class AnswerSheet(models.Model):
    """One rater's answers about one employee, without the rater (see the module docstring).

    `scores` maps a behaviour code (`AKUNTABEL.1` … `KOLABORATIF.3`) to 1-5 or None for
    "tidak dapat menilai"; a code not present is not answered yet. `comments` maps a core value
    code to the rater's comment. Only `submitted` sheets count; a sheet still being written
    is the rater's draft (autosave)."""

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    cycle = models.ForeignKey(
        ReviewCycle, verbose_name=_("putaran"), on_delete=models.CASCADE, related_name="sheets"
    )
    ratee = models.ForeignKey(
        "people.Employee",
        verbose_name=_("pegawai yang dinilai"),
        on_delete=models.PROTECT,
        related_name="+",
    )
    relation = models.CharField(_("hubungan"), max_length=12, choices=RelationChoice.choices)
    key = models.CharField(_("kunci"), max_length=64, unique=True)
    submitted = models.BooleanField(_("dikirim"), default=False)
    scores = models.JSONField(_("skor"), default=dict)
    comments = models.JSONField(_("komentar"), default=dict)

    class Meta:
        verbose_name = _("lembar jawaban 360")
        verbose_name_plural = _("lembar jawaban 360")
        indexes = [models.Index(fields=["cycle", "ratee"], name="assessment_sheet_ratee")]

    def __str__(self) -> str:
        return f"Lembar jawaban {self.get_relation_display()}"
