"""Reads of competency development, each fetching and authorising in one call."""
