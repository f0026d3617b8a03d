"""Objection services: filing and withdrawing (`filing.py`), the exchange between the parties
(`exchange.py`), the decision (`decision.py`), attachments (`attachments.py`)."""
