"""Reads of realisations: a plan's realisations by window (the page and the API), one
realisation for its edit page, and the appraiser's team view.

Each selector fetches and authorises in one call; a plan the actor may not see is a 404. Lists
cost the same number of queries at any size. Cut along what they read: `windows` (the plan's
windows, their label, the default one), `page` (the plan's page: rows, window picker, trends),
`detail` (one realisation, for its page and by id for the API) and `team` (the appraiser's
view). Import from here.
"""

from kinerja.monitoring.selectors.realizations.detail import (
    NOT_FOUND,
    RealizationDetail,
    realization_by_id_for_actor,
    realization_get_for_actor,
)
from kinerja.monitoring.selectors.realizations.page import (
    NOT_WRITTEN_LABEL,
    SELF_FILLED_LABEL,
    STATE_TONES,
    RealizationPage,
    RealizationRow,
    TrendPoint,
    WindowStatus,
    plan_indicators,
    realization_page_for_actor,
)
from kinerja.monitoring.selectors.realizations.team import (
    TeamPlanRow,
    TeamRealizations,
    TeamWindowCell,
    realization_team_for_actor,
)
from kinerja.monitoring.selectors.realizations.windows import (
    default_window,
    plan_windows,
    window_label,
)

__all__ = [
    "NOT_FOUND",
    "NOT_WRITTEN_LABEL",
    "SELF_FILLED_LABEL",
    "STATE_TONES",
    "RealizationDetail",
    "RealizationPage",
    "RealizationRow",
    "TeamPlanRow",
    "TeamRealizations",
    "TeamWindowCell",
    "TrendPoint",
    "WindowStatus",
    "default_window",
    "plan_indicators",
    "plan_windows",
    "realization_by_id_for_actor",
    "realization_get_for_actor",
    "realization_page_for_actor",
    "realization_team_for_actor",
    "window_label",
]
