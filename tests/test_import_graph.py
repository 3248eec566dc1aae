"""Imports point one way (docs/development.md, "Layers"): no module of src/jaring imports itself back.

The graph is read from the source with `ast`, so an import inside a function counts like one at the top of a
module: a function-level import may save a start-up cost, never hide a circle.
"""

import ast
from pathlib import Path

import jaring

ROOT = Path(jaring.__file__).parent
# Ground floor first: a module may import from its own layer's app and from the layers below it.
LAYERS = [
    {"lib"},
    {"audit"},
    {"accounts"},
    {"content", "reports", "screening"},
    {"casework", "network", "channels", "outreach"},
]


def _module_name(path: Path) -> str:
    parts = ["jaring", *path.relative_to(ROOT).with_suffix("").parts]
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def _modules() -> dict[str, Path]:
    return {_module_name(p): p for p in ROOT.rglob("*.py") if "migrations" not in p.parts}


def _imports(name: str, path: Path, modules: dict[str, Path]) -> set[str]:
    """The jaring modules `name` imports anywhere in its body (top level, functions, methods)."""
    package = name if path.name == "__init__.py" else name.rpartition(".")[0]
    found: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                anchor = package.split(".")[: len(package.split(".")) - node.level + 1]
                base = ".".join([*anchor, base] if base else anchor)
            for alias in node.names:
                submodule = f"{base}.{alias.name}"
                found.add(submodule if submodule in modules else base)
    return {m for m in found if m in modules and m != name}


def import_graph() -> dict[str, set[str]]:
    modules = _modules()
    return {name: _imports(name, path, modules) for name, path in modules.items()}


def _cycles(graph: dict[str, set[str]]) -> list[list[str]]:
    """One example path per strongly connected component with more than one module (Tarjan)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    components: list[list[str]] = []

    def visit(node: str) -> None:
        index[node] = low[node] = len(index)
        stack.append(node)
        on_stack.add(node)
        for target in sorted(graph[node]):
            if target not in index:
                visit(target)
                low[node] = min(low[node], low[target])
            elif target in on_stack:
                low[node] = min(low[node], index[target])
        if low[node] == index[node]:
            component = []
            while True:
                member = stack.pop()
                on_stack.discard(member)
                component.append(member)
                if member == node:
                    break
            if len(component) > 1:
                components.append(sorted(component))

    for node in sorted(graph):
        if node not in index:
            visit(node)
    return components


def _app(module: str) -> str:
    parts = module.split(".")
    return parts[1] if len(parts) > 2 or (len(parts) == 2 and (ROOT / parts[1]).is_dir()) else ""


def _layer(app: str) -> int | None:
    return next((i for i, apps in enumerate(LAYERS) if app in apps), None)


def test_the_graph_is_read_from_the_source():
    graph = import_graph()
    assert "jaring.reports.models" in graph["jaring.reports.services"]
    assert "jaring.reports.events" in graph["jaring.network.apps"]  # imported inside ready()
    assert len(graph) > 150


def test_imports_inside_functions_and_relative_imports_count(tmp_path):
    source = tmp_path / "flow.py"
    source.write_text(
        "from . import texts\n"
        "def handle():\n"
        "    from jaring.channels.conversation import Turn\n"
        "    import jaring.reports.services\n"
    )
    modules = _modules()
    found = _imports("jaring.channels.flow", source, modules)
    assert found == {"jaring.channels.texts", "jaring.channels.conversation", "jaring.reports.services"}


def test_no_module_imports_itself_back():
    assert _cycles(import_graph()) == []


def test_the_cycle_finder_finds_a_cycle():
    graph = {"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": {"a"}}
    assert _cycles(graph) == [["a", "b", "c"]]


def test_apps_import_only_their_own_layer_and_below():
    wrong = []
    for module, targets in import_graph().items():
        source = _layer(_app(module))
        if source is None:
            continue
        for target in targets:
            layer = _layer(_app(target))
            if layer is not None and layer > source:
                wrong.append(f"{module} -> {target}")
    assert wrong == []
