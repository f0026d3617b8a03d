"""Top-and-bottom lists: one module per list (compute for the refresh job, link for the page)."""
