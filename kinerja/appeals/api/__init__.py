"""/api/v1/objections/: the employee's own objections and the queue of the appraiser and the
decider. Built in `objections.py`."""

from __future__ import annotations

from kinerja.appeals.api import objections

urlpatterns = [*objections.urlpatterns]
