"""The test layout of docs/conventions.md, checked: builders live in `testing.py` modules,
and no test imports another test module or `conftest` (fixtures come from the root conftest).
Support files that must sit beside the tests (tasks a worker process imports) may be imported."""

from __future__ import annotations

import ast
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
HOW = (
    "Personas: `from kinerja.people.testing import Personas` (the staffed agency is "
    "`personas.staff`, the supervisor's login `personas.supervisor`); builders: "
    "`kinerja.<app>.testing`."
)


def _test_files() -> list[Path]:
    return sorted(p for p in (ROOT / "kinerja").rglob("tests/**/*.py"))


def imported_modules(path: Path) -> set[str]:
    modules: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            modules.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            modules.add(node.module)
    return modules


def test_no_test_imports_another_test_module_or_conftest() -> None:
    offenders = [
        f"{path.relative_to(ROOT)} imports {module}"
        for path in _test_files()
        for module in sorted(imported_modules(path))
        if module == "conftest"
        or (".tests." in f"{module}." and module.rsplit(".", 1)[-1].startswith("test_"))
    ]
    assert offenders == [], f"{offenders}. {HOW}"


def test_make_builders_are_defined_only_in_testing_modules() -> None:
    offenders = [
        f"{path.relative_to(ROOT)}: {node.name}"
        for path in _test_files()
        for node in ast.parse(path.read_text(encoding="utf-8")).body
        if isinstance(node, ast.FunctionDef) and node.name.startswith("make_")
    ]
    assert offenders == [], f"move these builders to kinerja/<app>/testing.py: {offenders}"
