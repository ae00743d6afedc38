"""The package's shape: no import cycle, arrows pointing down, one owner for each public name.

The imports are read from the source (module- and function-level alike, as
``../shared/tools/import_cycles.py`` reads them), so a cycle hidden inside a function
fails here too. Importing ``a.b.c`` runs ``a/__init__`` and ``a/b/__init__`` first, so an
import also depends on the packages above the module it names (except the importer's
own packages, which are being imported already).
"""

from __future__ import annotations

import ast
from collections.abc import Iterator
from pathlib import Path

import pytest

import newsgraph

PACKAGE = Path(newsgraph.__file__).parent
# Modules the extractors must not reach up to: they compose or serve extraction.
ABOVE_EXTRACT = ("pipeline", "runner", "store", "cli", "api", "ingest", "export", "web", "run")


def module_name(path: Path) -> str:
    parts = ["newsgraph", *path.relative_to(PACKAGE).with_suffix("").parts]
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


MODULES = {module_name(path): path for path in sorted(PACKAGE.rglob("*.py"))}


def imported_names(path: Path) -> Iterator[str]:
    """Every dotted name the file imports (a module, or a name in one), at any depth."""
    name = module_name(path)
    package = name.split(".") if path.name == "__init__.py" else name.split(".")[:-1]
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            yield from (alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            base = package[: len(package) - node.level + 1] if node.level else []
            module = ".".join(base + ([node.module] if node.module else []))
            yield module
            yield from (f"{module}.{alias.name}" for alias in node.names)


def dependencies(name: str) -> set[str]:
    """The package modules that importing ``name`` runs: each imported module and the
    packages above it, but not ``name`` itself or its own packages."""
    own = {".".join(name.split(".")[:i]) for i in range(1, name.count(".") + 1)}
    found = set()
    for imported in imported_names(MODULES[name]):
        while imported and imported not in MODULES:  # "pkg.mod.func" -> "pkg.mod"
            imported = imported.rpartition(".")[0]
        parts = imported.split(".")
        found |= {".".join(parts[:i]) for i in range(1, len(parts) + 1)} & MODULES.keys()
    return found - own - {name}


GRAPH = {name: dependencies(name) for name in MODULES}


def cycles(graph: dict[str, set[str]]) -> list[list[str]]:
    """The strongly connected components of more than one module (Tarjan)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    found: list[list[str]] = []

    def visit(node: str) -> None:
        index[node] = low[node] = len(index)
        stack.append(node)
        for other in sorted(graph[node]):
            if other not in index:
                visit(other)
                low[node] = min(low[node], low[other])
            elif other in stack:
                low[node] = min(low[node], index[other])
        if low[node] == index[node]:
            component = []
            while True:
                member = stack.pop()
                component.append(member)
                if member == node:
                    break
            if len(component) > 1:
                found.append(sorted(component))

    for node in sorted(graph):
        if node not in index:
            visit(node)
    return found


def test_the_graph_reads_function_level_imports():
    # The pipeline imports the model loader at module level, the one-call API lazily.
    assert "newsgraph.pipeline" in GRAPH["newsgraph"]


def test_the_cycle_finder_finds_a_cycle():
    graph = {"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": {"a"}}
    assert cycles(graph) == [["a", "b", "c"]]


def test_no_import_cycle():
    assert cycles(GRAPH) == []


def test_knowledge_imports_nothing_from_extract():
    reaching = {
        name: sorted(d for d in deps if d.startswith("newsgraph.extract"))
        for name, deps in GRAPH.items()
        if name.startswith("newsgraph.knowledge")
    }
    assert {name: deps for name, deps in reaching.items() if deps} == {}


def test_extractors_import_nothing_that_composes_them():
    above = tuple(f"newsgraph.{name}" for name in ABOVE_EXTRACT)
    reaching = {
        name: sorted(d for d in deps if d.startswith(above))
        for name, deps in GRAPH.items()
        if name.startswith("newsgraph.extract")
    }
    assert {name: deps for name, deps in reaching.items() if deps} == {}


def rooms() -> dict[str, list[Path]]:
    """The rooms: knowledge/, and each package or module directly in extract/."""
    found = {"knowledge": sorted((PACKAGE / "knowledge").rglob("*.py"))}
    for child in sorted((PACKAGE / "extract").iterdir()):
        if child.is_dir() and (child / "__init__.py").exists():
            found[f"extract/{child.name}"] = sorted(child.rglob("*.py"))
        elif child.suffix == ".py" and child.name != "__init__.py":
            found[f"extract/{child.name}"] = [child]
    return found


def public_names(path: Path) -> set[str]:
    """The names a module defines at its top level (not those it imports), but ``_private``
    ones and ``__all__``."""
    names = set()
    for node in ast.parse(path.read_text(encoding="utf-8")).body:
        if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef | ast.ClassDef):
            names.add(node.name)
        elif isinstance(node, ast.Assign):
            names |= {target.id for target in node.targets if isinstance(target, ast.Name)}
        elif isinstance(node, ast.AnnAssign) and isinstance(node.target, ast.Name):
            names.add(node.target.id)
    return {name for name in names if not name.startswith("_")}


@pytest.fixture(scope="module")
def owners() -> dict[str, set[str]]:
    found: dict[str, set[str]] = {}
    for room, paths in rooms().items():
        for path in paths:
            for name in public_names(path):
                found.setdefault(name, set()).add(room)
    return found


def test_rooms_are_found(owners):
    assert {"knowledge", "extract/places.py"} <= set(rooms())
    assert owners["ActorDictionary"] == {"knowledge"}


def test_no_two_rooms_define_the_same_public_name(owners):
    shared = {name: sorted(found) for name, found in owners.items() if len(found) > 1}
    assert shared == {}


def test_only_the_store_speaks_sql():
    # DuckDB is reached through store/ alone: the CLI, the API and the exports ask the store.
    speaking = sorted(
        name
        for name, path in MODULES.items()
        if not name.startswith("newsgraph.store")
        and any(imported.split(".")[0] == "duckdb" for imported in imported_names(path))
    )
    assert speaking == []

