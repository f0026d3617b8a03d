"""Writes of evaluation, one module per part: evaluations (the appraiser and the employee),
organisation ratings, calibration, documents batch, allowance, bulk preparation."""
