"""The dashboards' files: each panel's table as XLSX (`xlsx.py`) and the one-page PDF summary
of an agency (`pdf.py`). Each is built once as plain values from an authorised `Dashboard`,
then written; no query here."""
