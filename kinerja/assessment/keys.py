"""The link from a rater's review to their answer sheet, kept out of the database.

`sheet_key(review_id)` is a keyed hash (HMAC-SHA256 with the server's SECRET_KEY and a salt of
its own). The rater's own page recomputes it to find their sheet again (to edit it until the
due date); nothing stored lets anyone join a sheet to its rater without the secret. Rotating
SECRET_KEY loses the link for drafts and open cycles (their raters start a fresh sheet);
closed cycles need no link.
"""

from __future__ import annotations

from django.utils.crypto import salted_hmac

_SALT = "kinerja.assessment.sheet-key"


def sheet_key(review_id: int) -> str:
    """The sheet key of a review: 64 hex characters, the same for the same review id."""
    return salted_hmac(_SALT, str(review_id), algorithm="sha256").hexdigest()
