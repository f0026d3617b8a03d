"""What apps above evaluation do when a predikat is set or changed, inside the same transaction.

Evaluation never imports the apps above it: they register a hook in their `AppConfig.ready()`
(learning: the mandatory coaching plan for Butuh Perbaikan or worse). Every service that sets or
changes a predikat calls `predikat_hooks_run` after saving, inside its transaction: setting an
evaluation (`evaluation_set`), a calibration move (`calibration_move`), and an objection
decision (`kinerja.appeals.services.decision`). A hook that refuses raises, and the whole
change is rolled back.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from kinerja.accounts.actors import Actor

if TYPE_CHECKING:
    from kinerja.evaluation.models import Evaluation

PredikatHook = Callable[[Actor, "Evaluation"], object]

_hooks: list[PredikatHook] = []


def predikat_hook_register(hook: PredikatHook) -> PredikatHook:
    if hook not in _hooks:
        _hooks.append(hook)
    return hook


def predikat_hooks_run(*, actor: Actor, evaluation: Evaluation) -> None:
    """Run every registered hook for the evaluation whose predikat was just set or changed."""
    for hook in _hooks:
        hook(actor, evaluation)
