"""The evaluation as an official document: `content.py` builds the plain values once (header,
people, results with realisations and feedback, behaviour, ratings, predikat, the agency's
distribution, signatures), `pdf.py` renders them with WeasyPrint, `batch.py` puts an agency's
documents in one ZIP."""
