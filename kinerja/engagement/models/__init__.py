"""Socialisation and acceptance: announcements, guides and FAQ, the first-login tour, the
perception survey and the suggestion box. Trial periods are `PerformancePeriod.is_trial`
(periods); this app clears them and switches them to real (`services.trial`)."""

from kinerja.engagement.models.announcements import (
    Announcement,
    AnnouncementRead,
    Audience,
    AudienceRole,
)
from kinerja.engagement.models.guides import Guide, GuideKind, TourSeen
from kinerja.engagement.models.perception import (
    PerceptionAnswer,
    PerceptionParticipation,
    PerceptionResponse,
    PerceptionRound,
    RoundState,
)
from kinerja.engagement.models.suggestions import Suggestion, SuggestionState

__all__ = [
    "Announcement",
    "AnnouncementRead",
    "Audience",
    "AudienceRole",
    "Guide",
    "GuideKind",
    "PerceptionAnswer",
    "PerceptionParticipation",
    "PerceptionResponse",
    "PerceptionRound",
    "RoundState",
    "Suggestion",
    "SuggestionState",
    "TourSeen",
]
