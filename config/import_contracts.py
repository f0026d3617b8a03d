"""A custom import-linter contract: a package may import only the standard library.

Used for `kinerja.scoring`, which must read like the regulation and run anywhere. The layers
contract keeps it from importing other Kinerja apps; this one keeps out every third-party
package (Django included). Test modules named in `ignore_prefixes` may use pytest/hypothesis.
"""

from __future__ import annotations

import sys
from typing import Any

from importlinter import Contract, ContractCheck, fields, output


class StandardLibraryOnlyContract(Contract):
    type_name = "stdlib_only"

    source_module = fields.StringField()
    ignore_prefixes = fields.ListField(subfield=fields.StringField(), required=False)

    def check(self, graph: Any, verbose: bool) -> ContractCheck:
        source = str(self.source_module)
        prefixes: list[str] = list(getattr(self, "ignore_prefixes", None) or [])
        ignored = tuple(prefixes)
        offenders: list[tuple[str, str]] = []
        modules = [source, *graph.find_descendants(source)]
        for module in sorted(modules):
            if ignored and module.startswith(ignored):
                continue
            for imported in sorted(graph.find_modules_directly_imported_by(module)):
                top = imported.split(".")[0]
                if imported == source or imported.startswith(source + "."):
                    continue
                if top in sys.stdlib_module_names:
                    continue
                offenders.append((module, imported))
        return ContractCheck(kept=not offenders, metadata={"offenders": offenders})

    def render_broken_contract(self, check: ContractCheck) -> None:
        for module, imported in check.metadata["offenders"]:
            output.print_error(f"{module} imports {imported}, which is not the standard library.")
            output.new_line()
