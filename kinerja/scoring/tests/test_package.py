"""The scoring core's promises: standard library only, and a public surface."""

import ast
import importlib
import pkgutil
import sys
from pathlib import Path

import kinerja.scoring

PACKAGE = Path(kinerja.scoring.__file__).resolve().parent


def imported_roots(path: Path) -> set[str]:
    """Top-level names of the modules a file imports (absolute imports only)."""
    roots: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            roots.update(alias.name.split(".")[0] for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            roots.add(node.module.split(".")[0])
    return roots


def test_the_scoring_core_imports_only_the_standard_library_and_itself() -> None:
    for path in PACKAGE.glob("*.py"):
        source = path.read_text(encoding="utf-8")
        outside = imported_roots(path) - set(sys.stdlib_module_names) - {"kinerja"}
        assert outside == set(), f"{path.name} imports {outside}"
        for line in source.splitlines():
            if line.startswith(("from kinerja", "import kinerja")):
                assert line.startswith("from kinerja.scoring"), f"{path.name}: {line}"


def test_every_public_name_is_exported() -> None:
    for name in kinerja.scoring.__all__:
        assert getattr(kinerja.scoring, name) is not None


def test_a_submodule_is_never_shadowed_by_a_re_exported_name() -> None:
    for module in pkgutil.iter_modules(kinerja.scoring.__path__):
        if module.name.startswith("__"):  # __main__ runs the command line when imported
            continue
        loaded = importlib.import_module(f"kinerja.scoring.{module.name}")
        assert getattr(kinerja.scoring, module.name) is loaded, module.name
        assert module.name not in kinerja.scoring.__all__


def test_from_the_package_import_ikm_gives_the_module() -> None:
    from kinerja.scoring import achievement, ikm

    assert ikm.__name__ == "kinerja.scoring.ikm"
    assert callable(ikm.ikm)
    assert achievement.__name__ == "kinerja.scoring.achievement"
    assert callable(achievement.achievement)
