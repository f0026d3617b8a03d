"""Dashboard panels: one module per panel (compute for the refresh job, present for the page);
`registry.PANELS` in page order. See `base.py`."""
