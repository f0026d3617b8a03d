"""The appraiser's evaluation of a plan for a window or the year, and the employee's receipt.

Rights are asked of `kinerja.evaluation.permissions` (only the deciding side rates; only the
employee acknowledges), the stage and lock rules of `kinerja.evaluation.rules`. Each service
checks, validates, then writes in one transaction with its audit event
(`evaluation.started|saved|rated|acknowledged`) and, when the other side must know, a
notification. Errors name the form field they belong to (`result_field` and friends), so the
page shows each sentence under its field.

Cut along what each step does: `start`, `saving` (the draft), `setting` (tetapkan), `receipt`
(the employee's acknowledgement); `inputs` holds what the appraiser sends and the field names,
`stored` how the stored evaluation is read and recomputed. Import from here.
"""

from kinerja.evaluation.services.evaluations.inputs import (
    BehaviorInput,
    ResultInput,
    behavior_field,
    behavior_note_field,
    result_field,
    result_label,
    result_reason_field,
)
from kinerja.evaluation.services.evaluations.receipt import evaluation_acknowledge
from kinerja.evaluation.services.evaluations.saving import evaluation_save
from kinerja.evaluation.services.evaluations.setting import evaluation_set, evaluation_set_errors
from kinerja.evaluation.services.evaluations.start import evaluation_start
from kinerja.evaluation.services.evaluations.stored import (
    evaluation_scope,
    evaluation_snapshot,
    evaluation_url,
    ordered_result_ratings,
)

__all__ = [
    "BehaviorInput",
    "ResultInput",
    "behavior_field",
    "behavior_note_field",
    "evaluation_acknowledge",
    "evaluation_save",
    "evaluation_scope",
    "evaluation_set",
    "evaluation_set_errors",
    "evaluation_snapshot",
    "evaluation_start",
    "evaluation_url",
    "ordered_result_ratings",
    "result_field",
    "result_label",
    "result_reason_field",
]
