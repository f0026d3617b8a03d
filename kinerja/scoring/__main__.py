"""Entry point of ``python -m kinerja.scoring`` (see `kinerja.scoring.cli`)."""

from kinerja.scoring.cli import main

raise SystemExit(main())
