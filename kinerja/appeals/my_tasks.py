"""Cards on "Tugas saya": objections to explain (the appraiser), to decide (the decider), and the
employee's open objection with its next step."""

from __future__ import annotations

from typing import Any

from kinerja.accounts.actors import Actor


def appeals_cards_for(actor: Actor) -> list[Any]:
    return []
