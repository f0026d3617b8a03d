"""Writes of the surveys app, one module per subject (responses, standards, moderation, …).

Import each service from its module; this package never re-exports them."""
