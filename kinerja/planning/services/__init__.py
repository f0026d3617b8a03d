"""Writes of SKP, each checking the actor's right, validating through `kinerja.planning.rules`
and audited in one transaction. Cut along what they write: `plans` (the plan as a whole and
its loop: start, annex, expectations, submit, return, approve, revise, copy) and `results`
(results, indicators, their threads, the cascade). Import from here."""

from kinerja.planning.services.plans import (
    expectation_set,
    plan_approve,
    plan_comment_add,
    plan_content,
    plan_copy_previous,
    plan_return,
    plan_revise,
    plan_start,
    plan_submit,
    plan_update_annex,
    previous_plan_for,
)
from kinerja.planning.services.results import (
    CascadeReport,
    indicator_add,
    indicator_comment_add,
    indicator_remove,
    indicator_update,
    result_add,
    result_cascade,
    result_comment_add,
    result_remove,
    result_update,
)

__all__ = [
    "CascadeReport",
    "expectation_set",
    "indicator_add",
    "indicator_comment_add",
    "indicator_remove",
    "indicator_update",
    "plan_approve",
    "plan_comment_add",
    "plan_content",
    "plan_copy_previous",
    "plan_return",
    "plan_revise",
    "plan_start",
    "plan_submit",
    "plan_update_annex",
    "previous_plan_for",
    "result_add",
    "result_cascade",
    "result_comment_add",
    "result_remove",
    "result_update",
]
