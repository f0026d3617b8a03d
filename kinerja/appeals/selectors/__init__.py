"""Reads of objections, each fetching and authorising in one call."""
