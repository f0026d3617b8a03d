# The staffed agency of the people tests, for audit events about real employees.
from kinerja.people.tests.conftest import staffed  # noqa: F401
