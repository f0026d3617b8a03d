"""Evaluation: ratings of a window or of the year, the organisation's predikat, calibration
sessions with their moves, and the allowance (TPP) scheme with monthly attendance.

Rules live in `rules.py`, `permissions.py` and the services; these modules only store.
"""

from kinerja.evaluation.models.allowance import AllowanceScheme, AttendanceRecord
from kinerja.evaluation.models.choices import (
    ORGANIZATION_PREDIKAT_CHOICES,
    PREDIKAT_CHOICES,
    RATING_CHOICES,
)
from kinerja.evaluation.models.evaluations import (
    BehaviorRating,
    Evaluation,
    EvaluationKind,
    EvaluationState,
    ResultRating,
)
from kinerja.evaluation.models.organization import (
    CalibrationField,
    CalibrationMove,
    CalibrationSession,
    CalibrationState,
    OrganizationRating,
)

__all__ = [
    "ORGANIZATION_PREDIKAT_CHOICES",
    "PREDIKAT_CHOICES",
    "RATING_CHOICES",
    "AllowanceScheme",
    "AttendanceRecord",
    "BehaviorRating",
    "CalibrationField",
    "CalibrationMove",
    "CalibrationSession",
    "CalibrationState",
    "Evaluation",
    "EvaluationKind",
    "EvaluationState",
    "OrganizationRating",
    "ResultRating",
]
