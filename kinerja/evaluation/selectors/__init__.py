"""Reads of evaluation, each fetching and authorising in one call (see the modules)."""
