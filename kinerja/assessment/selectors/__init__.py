"""Reads of the 360° round; import from the submodule. Each `_for_actor` selector fetches and
authorises in one call (404 when the record is private)."""
