# Kinerja: `make run` to try it, `make test` to check it. See README.md.
PYTHON ?= python3.11
VENV := .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed
PORT ?= 8000
export PYTHONDONTWRITEBYTECODE := 1

.PHONY: install system-packages env run migrate demo test lint typecheck imports migrations-check pytest bench screenshots clean

$(PY):
	@command -v $(PYTHON) >/dev/null 2>&1 || { echo "Python 3.11 tidak ditemukan: sudo apt-get install python3.11 python3.11-venv"; exit 1; }
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip

# Reinstall only when a requirements file changed, so a second `make run` starts in seconds.
$(STAMP): requirements/base.txt requirements/dev.txt | $(PY)
	$(PY) -m pip install --quiet -r requirements/dev.txt
	touch $(STAMP)

install: system-packages $(STAMP)

system-packages:
	@bash bin/system-packages

env:
	@test -f .env || { \
		cp .env.example .env && \
		key=$$($(PYTHON) -c 'import secrets; print(secrets.token_urlsafe(50))') && \
		sed -i "s|^SECRET_KEY=.*|SECRET_KEY=$$key|" .env && \
		echo "Menulis .env lokal dengan SECRET_KEY acak."; }

migrate: install env
	$(PY) manage.py migrate --no-input -v 0

demo: migrate
	$(PY) manage.py seed_demo

run: demo
	$(PY) manage.py collectstatic --no-input -v 0
	@echo ""
	@echo "Kinerja berjalan di http://127.0.0.1:$${PORT:-$(PORT)}/  (Ctrl+C menghentikan server, pekerja dan penjadwal)"
	$(PY) manage.py serve

lint: install
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .

typecheck: install
	$(VENV)/bin/mypy .

imports: install
	$(VENV)/bin/lint-imports

migrations-check: install
	DJANGO_SETTINGS_MODULE=config.settings_test $(PY) manage.py makemigrations --check --dry-run

# Tests run in one worker per CPU (pytest-xdist; PYTEST_WORKERS=0 runs them in this process);
# coverage follows the workers and the processes tests start (`patch = subprocess`), then
# combines their data.
PYTEST_WORKERS ?= auto
pytest: install
	$(VENV)/bin/coverage erase
	$(VENV)/bin/coverage run -m pytest -n $(PYTEST_WORKERS)
	$(VENV)/bin/coverage combine -q
	$(VENV)/bin/coverage report --include='kinerja/scoring/*' --omit='kinerja/scoring/tests/*' --fail-under=100
	$(VENV)/bin/coverage report --fail-under=85

test: lint typecheck imports migrations-check pytest

bench: install
	@for f in bench/[!_]*.py; do echo "== $$f"; DJANGO_SETTINGS_MODULE=config.settings_test $(PY) $$f || exit 1; done

# Every role's home and main pages at 360 and 1280 px into var/screenshots/ (a throw-away demo
# database, Debian's Chromium); the employee's home is copied to docs/img/ for the README.
screenshots: install
	DJANGO_SETTINGS_MODULE=config.settings_test $(PY) manage.py screenshots

clean:
	rm -rf var/static .mypy_cache .ruff_cache .pytest_cache .coverage htmlcov
