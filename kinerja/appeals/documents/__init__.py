"""The decision letter of an objection: built once as plain values (`content.py`), rendered to
PDF by WeasyPrint (`pdf.py`)."""
