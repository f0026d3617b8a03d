"""Tests of the scoring core: plain pytest, no Django, no database."""
