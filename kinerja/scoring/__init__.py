"""Scoring core of Kinerja: the regulation's rules as pure functions, standard library only.

NIP validation, ratings and the predikat matrix, the distribution curve, achievement and the
suggested results rating, the citizen satisfaction index (IKM) and sample size, and anonymous
360° behaviour aggregation. Services fetch rows, build plain values, call these functions and
store the answer; nothing here touches a database, a request or Django.

The names below are re-exported for convenience, except where a name is also a submodule's:
`kinerja.scoring.ikm` and `kinerja.scoring.achievement` are the modules, so import their
functions from them (`from kinerja.scoring.ikm import ikm`). A test keeps it so.
"""

from kinerja.scoring.achievement import (
    ABOVE_FROM,
    MEETS_FROM,
    SMALL_PART,
    Polarity,
    ResultItem,
    ResultKind,
    ResultsSuggestion,
    rating_for_achievement,
    suggest_results_rating,
)
from kinerja.scoring.behavior import (
    DEFAULT_K,
    BehaviorAnswer,
    BehaviorCell,
    BehaviorSummary,
    Relation,
    aggregate_behavior,
    rater_leniency,
)
from kinerja.scoring.choices import LabelledEnum
from kinerja.scoring.distribution import (
    GUIDANCE,
    MIN_GROUP_SIZE,
    Band,
    DistributionReport,
    Violation,
    check_distribution,
)
from kinerja.scoring.formatting import format_date_id, format_decimal, format_percent
from kinerja.scoring.ikm import (
    Element,
    IkmResult,
    WeightConvention,
    element_weights,
    grade_for,
    sample_is_adequate,
    sample_size,
)
from kinerja.scoring.nip import (
    EmploymentType,
    Gender,
    InvalidNip,
    NipInfo,
    format_nip,
    parse_nip,
)
from kinerja.scoring.ratings import (
    PREDIKAT_MATRIX,
    OrganizationPredikat,
    Predikat,
    Rating,
    predikat,
)
from kinerja.scoring.rounding import quantize, quantize2, quantize4

__all__ = [
    "ABOVE_FROM",
    "DEFAULT_K",
    "GUIDANCE",
    "MEETS_FROM",
    "MIN_GROUP_SIZE",
    "PREDIKAT_MATRIX",
    "SMALL_PART",
    "Band",
    "BehaviorAnswer",
    "BehaviorCell",
    "BehaviorSummary",
    "DistributionReport",
    "Element",
    "EmploymentType",
    "Gender",
    "IkmResult",
    "InvalidNip",
    "LabelledEnum",
    "NipInfo",
    "OrganizationPredikat",
    "Polarity",
    "Predikat",
    "Rating",
    "Relation",
    "ResultItem",
    "ResultKind",
    "ResultsSuggestion",
    "Violation",
    "WeightConvention",
    "aggregate_behavior",
    "check_distribution",
    "element_weights",
    "format_date_id",
    "format_decimal",
    "format_nip",
    "format_percent",
    "grade_for",
    "parse_nip",
    "predikat",
    "quantize",
    "quantize2",
    "quantize4",
    "rater_leniency",
    "rating_for_achievement",
    "sample_is_adequate",
    "sample_size",
    "suggest_results_rating",
]
