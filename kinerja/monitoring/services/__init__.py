"""Monitoring services: import from the submodule (`services.realizations`,
`services.evidence`, `services.feedback`, `services.dialogues`)."""
