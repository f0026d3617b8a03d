"""Cards on "Tugas saya": the employee's plan (to write, returned, coaching required, JP
progress), the appraiser's plans to agree and completions to confirm, coaching to schedule."""

from __future__ import annotations

from typing import Any

from kinerja.accounts.actors import Actor


def learning_cards_for(actor: Actor) -> list[Any]:
    return []
