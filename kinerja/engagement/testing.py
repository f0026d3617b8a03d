"""Builders for tests of engagement (and the apps above it). They write rows directly (no
audit, no notification). One section per part; a part adds its builders in its own section."""

from __future__ import annotations

from itertools import count

_numbers = count(1)


# --- announcements -----------------------------------------------------------------------


# --- guides and tour ---------------------------------------------------------------------


# --- perception survey -------------------------------------------------------------------


# --- suggestion box ----------------------------------------------------------------------


# --- trial periods -----------------------------------------------------------------------
