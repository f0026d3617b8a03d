"""Competency development services: the dictionary and the catalogue (`catalogue.py`, import
in `catalogue_import.py`), plans and their items (`plans.py`), completion (`completion.py`),
the mandatory coaching plan (`coaching.py`)."""
