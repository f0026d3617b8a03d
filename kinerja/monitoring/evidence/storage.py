"""Evidence files in the storage alias "evidence" (settings `STORAGES["evidence"]`): the only
place that touches the stored bytes, and only through Django's storage API (save, open,
delete, exists), so the local disk of the default and an object store of django-storages work
alike with no code change.

Stored names are `<plan id>/<40 random hex digits>`: no user's name, no extension, nothing to
guess; the original name is kept only as metadata on the row.
"""

from __future__ import annotations

import hashlib
import secrets

from django.core.files import File
from django.core.files.storage import Storage, storages

CHUNK_BYTES = 64 * 1024


def evidence_storage() -> Storage:
    return storages["evidence"]


def stored_name_new(plan_id: int) -> str:
    return f"{plan_id}/{secrets.token_hex(20)}"


def stored_file_save(*, plan_id: int, file: File[bytes]) -> str:
    """Store the file under a new unguessable name; returns the name the storage used."""
    file.seek(0)
    return evidence_storage().save(stored_name_new(plan_id), file, max_length=255)


def stored_file_delete(name: str) -> None:
    """Delete a stored file; a name already gone is no error."""
    if name:
        evidence_storage().delete(name)


def stored_file_open(name: str) -> File[bytes]:
    """The stored file opened for reading; FileNotFoundError (or the backend's OSError) when it
    is gone."""
    return evidence_storage().open(name, "rb")


def stored_sha256(name: str) -> str | None:
    """The SHA-256 of the stored bytes, read in chunks; None when the file is missing."""
    digest = hashlib.sha256()
    try:
        with stored_file_open(name) as stored:
            for chunk in stored.chunks(CHUNK_BYTES):
                digest.update(chunk)
    except (FileNotFoundError, OSError):
        return None
    return digest.hexdigest()
