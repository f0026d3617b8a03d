"""Monitoring selectors: import from the submodule (`selectors.realizations`,
`selectors.evidence`, `selectors.feedback`, `selectors.dialogues`)."""
