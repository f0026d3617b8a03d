"""What engagement puts on the home page: each part's cards (the perception survey to fill,
suggestions to answer, trial periods) and notices above them (the tour, unread announcements)."""

from __future__ import annotations

from typing import Any

from kinerja.core.my_tasks import HomeNotice, TaskItem
from kinerja.engagement.home import announcements, guides, perception, suggestions, trials

_PARTS = (guides, announcements, perception, suggestions, trials)


def engagement_cards_for(user: Any) -> list[TaskItem]:
    return [card for part in _PARTS for card in part.cards_for(user)]


def engagement_notices_for(user: Any) -> list[HomeNotice]:
    return [notice for part in _PARTS for notice in part.notices_for(user)]
