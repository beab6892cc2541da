"""The package import rule, read from the source with `ast`: imports point down the layers,
core stays pure, and no production modules import each other in a circle."""

from __future__ import annotations

import ast
import sys
from collections.abc import Collection, Iterable, Mapping, Sequence
from dataclasses import dataclass
from itertools import pairwise
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
PACKAGES = ("bot", "handlers", "scheduler", "models", "core")

# Which project packages each package may import (besides itself); no other arrows are allowed.
ALLOWED: Mapping[str, frozenset[str]] = {
    "bot": frozenset({"handlers", "scheduler", "models", "core"}),
    "handlers": frozenset({"models", "core"}),
    "scheduler": frozenset({"models", "core"}),
    "models": frozenset({"core"}),
    "core": frozenset(),
}
# Third-party libraries core may use: small, pure, no I/O frameworks.
CORE_THIRD_PARTY = frozenset({"tzdata", "tzfpy", "babel", "prometheus_client"})


@dataclass(frozen=True)
class Import:
    """One imported module, as written in one import statement."""

    path: str  # the importing file, relative to the repository root
    line: int
    importer: str  # dotted module name of the importing file
    imported: str  # dotted module name it imports (resolved to a project module when it is one)
    type_checking: bool  # under `if TYPE_CHECKING:`, so never executed at run time

    def arrow(self, rule: str) -> str:
        return f"{self.path}:{self.line}  {self.importer} -> {self.imported} ({rule})"


def top(module: str) -> str:
    return module.partition(".")[0]


def is_type_checking(test: ast.expr) -> bool:
    """`if TYPE_CHECKING:` or `if typing.TYPE_CHECKING:`."""
    if isinstance(test, ast.Name):
        return test.id == "TYPE_CHECKING"
    return isinstance(test, ast.Attribute) and test.attr == "TYPE_CHECKING"


def package_base(module: str, *, is_package: bool, level: int, path: str) -> str:
    """The package a relative import with `level` dots starts from."""
    parts = module.split(".") if is_package else module.split(".")[:-1]
    keep = len(parts) - (level - 1)
    if keep < 1:
        raise ValueError(f"{path}: relative import with {level} dots goes above the top package")
    return ".".join(parts[:keep])


def resolve(target: str, fallback: str, known: Collection[str]) -> str:
    """The longest known project module that `target` names; `fallback` for anything else."""
    if top(target) not in PACKAGES:
        return fallback
    name = target
    while name:
        if name in known:
            return name
        name = name.rpartition(".")[0]
    return fallback


class _ImportCollector(ast.NodeVisitor):
    def __init__(self, module: str, *, is_package: bool, path: str, known: Collection[str]) -> None:
        self.module = module
        self.is_package = is_package
        self.path = path
        self.known = known
        self.type_checking_depth = 0
        self.found: list[Import] = []

    def _add(self, node: ast.stmt, *imported: str) -> None:
        """One Import per distinct module the statement names (`from a import b, c` is one)."""
        type_checking = self.type_checking_depth > 0
        for module in dict.fromkeys(imported):
            self.found.append(Import(self.path, node.lineno, self.module, module, type_checking))

    def visit_If(self, node: ast.If) -> None:
        if not is_type_checking(node.test):
            self.generic_visit(node)
            return
        self.type_checking_depth += 1
        for statement in node.body:
            self.visit(statement)
        self.type_checking_depth -= 1
        for statement in node.orelse:
            self.visit(statement)

    def visit_Import(self, node: ast.Import) -> None:
        self._add(node, *(resolve(alias.name, alias.name, self.known) for alias in node.names))

    def visit_ImportFrom(self, node: ast.ImportFrom) -> None:
        if node.level:
            base = package_base(
                self.module, is_package=self.is_package, level=node.level, path=self.path
            )
            base = f"{base}.{node.module}" if node.module else base
        else:
            base = node.module or ""
        # `from a import b` imports the submodule a.b when there is one, else names from a.
        targets = (base if alias.name == "*" else f"{base}.{alias.name}" for alias in node.names)
        self._add(node, *(resolve(target, base, self.known) for target in targets))


def imports_in(
    source: str,
    module: str,
    *,
    is_package: bool = False,
    path: str = "<string>",
    known: Collection[str] = frozenset(),
) -> list[Import]:
    """Every import statement in `source`: top level, in functions and under TYPE_CHECKING."""
    collector = _ImportCollector(module, is_package=is_package, path=path, known=known)
    collector.visit(ast.parse(source, filename=path))
    return collector.found


def module_name(relative: Path) -> str:
    parts = relative.with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def project_imports(root: Path = ROOT) -> list[Import]:
    """Every import in every production module under the five top-level packages."""
    files = sorted(
        path.relative_to(root)
        for package in PACKAGES
        for path in (root / package).rglob("*.py")
        if "__pycache__" not in path.parts
    )
    modules = {module_name(relative) for relative in files}
    # Folders without an __init__.py (models/migrations) are namespace packages: modules too.
    known = {".".join(m.split(".")[: i + 1]) for m in modules for i in range(m.count(".") + 1)}
    found: list[Import] = []
    for relative in files:
        found += imports_in(
            (root / relative).read_text(encoding="utf-8"),
            module_name(relative),
            is_package=relative.name == "__init__.py",
            path=relative.as_posix(),
            known=known,
        )
    return found


def layer_rule_broken(importer: str, imported: str) -> str | None:
    """Why the arrow importer -> imported breaks the layers, or None when it is allowed."""
    source, target = top(importer), top(imported)
    if target not in PACKAGES or target == source:
        return None
    if target in ALLOWED[source]:
        return None
    if target == "bot":
        return "nothing outside bot imports bot"
    if {source, target} == {"handlers", "scheduler"}:
        return "handlers and scheduler never import each other"
    if not ALLOWED[source]:
        return f"{source} imports no project package"
    return f"{source} may import only {', '.join(sorted(ALLOWED[source]))}"


def layer_violations(imports: Iterable[Import]) -> list[str]:
    return [
        found.arrow(rule)
        for found in imports
        if top(found.importer) in PACKAGES
        and (rule := layer_rule_broken(found.importer, found.imported)) is not None
    ]


def core_purity_violations(imports: Iterable[Import]) -> list[str]:
    allowed = sys.stdlib_module_names | CORE_THIRD_PARTY | set(PACKAGES)
    rule = f"core imports only the standard library and {', '.join(sorted(CORE_THIRD_PARTY))}"
    return [
        found.arrow(rule)
        for found in imports
        if top(found.importer) == "core" and top(found.imported) not in allowed
    ]


def strongly_connected(graph: Mapping[str, Collection[str]]) -> list[list[str]]:
    """Tarjan's strongly connected components of `graph` (every node a key)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    components: list[list[str]] = []

    def visit(node: str) -> None:
        index[node] = low[node] = len(index)
        stack.append(node)
        on_stack.add(node)
        for successor in sorted(graph[node]):
            if successor not in index:
                visit(successor)
                low[node] = min(low[node], low[successor])
            elif successor in on_stack:
                low[node] = min(low[node], index[successor])
        if low[node] == index[node]:
            component: list[str] = []
            while True:
                member = stack.pop()
                on_stack.discard(member)
                component.append(member)
                if member == node:
                    break
            components.append(sorted(component))

    for node in sorted(graph):
        if node not in index:
            visit(node)
    return components


def shortest_path(
    graph: Mapping[str, Collection[str]], start: str, goal: str, within: Collection[str]
) -> list[str]:
    """Breadth-first path start -> ... -> goal through nodes of `within` (they are connected)."""
    previous: dict[str, str] = {}
    frontier = [start]
    seen = {start}
    while goal not in seen:
        following: list[str] = []
        for node in frontier:
            for successor in sorted(graph[node]):
                if successor in within and successor not in seen:
                    seen.add(successor)
                    previous[successor] = node
                    following.append(successor)
        frontier = following
    path = [goal]
    while path[-1] != start:
        path.append(previous[path[-1]])
    return path[::-1]


def import_cycles(imports: Iterable[Import]) -> list[list[Import]]:
    """Cycles of run-time imports between project modules, each as its chain of arrows.

    Within each strongly connected component, every arrow lies on at least one reported cycle
    (the shortest one through it), so fixing every reported chain removes the component.
    """
    first_arrow: dict[tuple[str, str], Import] = {}
    for found in imports:
        edge = (found.importer, found.imported)
        if (
            not found.type_checking
            and found.importer != found.imported
            and top(found.imported) in PACKAGES
            and edge not in first_arrow
        ):
            first_arrow[edge] = found
    graph: dict[str, set[str]] = {}
    for importer, imported in first_arrow:
        graph.setdefault(importer, set()).add(imported)
        graph.setdefault(imported, set())
    cycles: list[list[Import]] = []
    for component in strongly_connected(graph):
        members = set(component)
        covered: set[tuple[str, str]] = set()
        for importer in component:
            for imported in sorted(graph[importer] & members):
                if (importer, imported) in covered:
                    continue
                chain = [importer, *shortest_path(graph, imported, importer, members)]
                edges = list(pairwise(chain))
                covered.update(edges)
                cycles.append([first_arrow[edge] for edge in edges])
    return cycles


def describe_cycle(cycle: Sequence[Import]) -> str:
    chain = " -> ".join([cycle[0].importer, *(found.imported for found in cycle)])
    arrows = "\n".join("    " + found.arrow("import cycle") for found in cycle)
    return f"{chain}\n{arrows}"


@pytest.fixture(scope="module")
def production_imports() -> list[Import]:
    return project_imports()


# The rule, on the production code.


def test_every_import_points_down_the_layers(production_imports: list[Import]) -> None:
    violations = layer_violations(production_imports)
    if violations:
        pytest.fail("Imports against the layers:\n" + "\n".join(violations), pytrace=False)


def test_core_imports_only_the_standard_library_and_small_pure_libraries(
    production_imports: list[Import],
) -> None:
    violations = core_purity_violations(production_imports)
    if violations:
        pytest.fail("core imports what it must not:\n" + "\n".join(violations), pytrace=False)


def test_no_import_cycles_between_modules(production_imports: list[Import]) -> None:
    cycles = import_cycles(production_imports)
    if cycles:
        chains = "\n".join(describe_cycle(cycle) for cycle in cycles)
        pytest.fail("Import cycles between modules:\n" + chains, pytrace=False)


def test_the_scan_sees_every_production_package(production_imports: list[Import]) -> None:
    assert {top(found.importer) for found in production_imports} == set(PACKAGES)


# The checker itself, on small sources.

SOURCE_WITH_HIDDEN_IMPORTS = """\
from typing import TYPE_CHECKING

import core.rules

if TYPE_CHECKING:
    from scheduler.dispatcher import Dispatcher
else:
    import handlers.sending

def later() -> None:
    from models import repository
"""

KNOWN = frozenset(
    {
        "core",
        "core.rules",
        "handlers",
        "handlers.context",
        "handlers.journey",
        "handlers.journey.service",
        "handlers.pipeline",
        "handlers.sending",
        "models",
        "models.repository",
        "scheduler",
        "scheduler.dispatcher",
    }
)


def test_the_checker_sees_lazy_and_type_checking_imports() -> None:
    found = imports_in(SOURCE_WITH_HIDDEN_IMPORTS, "handlers.context", known=KNOWN)
    assert [(f.line, f.imported, f.type_checking) for f in found] == [
        (1, "typing", False),
        (3, "core.rules", False),
        (6, "scheduler.dispatcher", True),
        (8, "handlers.sending", False),
        (11, "models.repository", False),
    ]


def test_the_checker_resolves_relative_imports_against_the_module_package() -> None:
    source = "from . import service\nfrom ..pipeline import Turn\nfrom .. import context\n"
    in_module = imports_in(source, "handlers.journey.telegram_glue", known=KNOWN)
    assert [f.imported for f in in_module] == [
        "handlers.journey.service",
        "handlers.pipeline",
        "handlers.context",
    ]
    in_package = imports_in("from .service import run\n", "handlers.journey", is_package=True)
    assert [f.imported for f in in_package] == ["handlers.journey.service"]
    with pytest.raises(ValueError, match="above the top package"):
        imports_in("from ..models import User\n", "handlers.start")


def test_the_checker_reports_each_forbidden_arrow_with_file_line_and_rule() -> None:
    source = "import datetime\nfrom handlers.sending import send\n\n\ndef f() -> None:\n"
    source += "    import telegram\n"
    found = imports_in(source, "core.replies", path="core/replies.py", known=KNOWN)
    assert layer_violations(found) == [
        "core/replies.py:2  core.replies -> handlers.sending (core imports no project package)"
    ]
    assert core_purity_violations(found) == [
        "core/replies.py:6  core.replies -> telegram "
        "(core imports only the standard library and babel, prometheus_client, tzdata, tzfpy)"
    ]


def test_the_checker_allows_the_stdlib_and_pure_libraries_in_core() -> None:
    source = "import zoneinfo\nimport tzfpy\nfrom collections.abc import Callable\nimport tzdata\n"
    assert core_purity_violations(imports_in(source, "core.planner")) == []


def test_the_checker_finds_a_cycle_but_not_through_type_checking_imports() -> None:
    def arrow(importer: str, imported: str, *, type_checking: bool = False) -> Import:
        path = importer.replace(".", "/") + ".py"
        return Import(path, 1, importer, imported, type_checking)

    imports = [
        arrow("models.a", "models.b"),
        arrow("models.b", "models.c"),
        arrow("models.c", "models.a"),
        arrow("models.c", "core.x"),
        arrow("core.x", "core.y"),
        arrow("core.y", "core.x", type_checking=True),
    ]
    cycles = import_cycles(imports)
    assert [describe_cycle(cycle).splitlines()[0] for cycle in cycles] == [
        "models.a -> models.b -> models.c -> models.a"
    ]
