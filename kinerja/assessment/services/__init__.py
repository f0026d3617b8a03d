"""Writes of the 360° round; import from the submodule (cycles, roster, answers)."""
