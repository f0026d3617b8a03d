"""The SKP as documents: `pdf.py` (WeasyPrint, the official layout), `xlsx.py` (openpyxl),
both reading the same content from `content.py`."""
