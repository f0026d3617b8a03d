"""Reads of the dashboards: `dashboard.py` (a scope's panels and rankings from the summary
tables), `people.py` (a unit's people and one person's figures, live)."""
