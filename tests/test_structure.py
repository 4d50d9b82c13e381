"""The package's shape (README, "How it works"): folders by stage, data flowing one way, rooms
small enough to live in, and the rubric as the only judge. Static checks of the source, no model."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
PACKAGE = ROOT / "reviewer"
MAX_MODULE_LINES = 500
MAX_FUNCTION_LINES = 80

# The stages in the order data flows through them: a module may import its own stage and those
# before it, never one after it. `profile` (who the rep is) and `settings` (what a review is
# made with) are inputs; `pipeline` runs the stages up to the record.
STAGES = (
    "reviewer.profile",
    "reviewer.sound",
    "reviewer.recognition",
    "reviewer.measures",
    "reviewer.rubric",
    "reviewer.settings",
    "reviewer.record",
    "reviewer.pipeline",
    "reviewer.storage",
    "reviewer.present",
    "reviewer.apps",
)
VERDICTS = frozenset({"pass", "warn", "fail"})


def module_name(path: Path) -> str:
    parts = path.relative_to(ROOT).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


MODULES = {module_name(p): p for p in sorted(PACKAGE.rglob("*.py"))}
TREES = {name: ast.parse(path.read_text(encoding="utf-8")) for name, path in MODULES.items()}


def stage_of(module: str) -> int | None:
    return next((i for i, s in enumerate(STAGES) if module == s or module.startswith(s + ".")), None)


def imports_of(name: str) -> set[str]:
    """The reviewer modules `name` imports, those inside functions included."""
    path = MODULES[name]
    package = name if path.name == "__init__.py" else name.rpartition(".")[0]
    found = set()
    for node in ast.walk(TREES[name]):
        if isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                parent = package.split(".")[: len(package.split(".")) - node.level + 1]
                base = ".".join([*parent, *filter(None, [base])])
            targets = [base, *(f"{base}.{a.name}" for a in node.names)]
        elif isinstance(node, ast.Import):
            targets = [a.name for a in node.names]
        else:
            continue
        found |= {t for t in targets if t in MODULES and t not in (name, "reviewer")}
    return found


def test_every_module_belongs_to_a_stage():
    assert [m for m in MODULES if m != "reviewer" and stage_of(m) is None] == []


def test_data_flows_one_way():
    backwards = [
        f"{m} imports {d}"
        for m in MODULES
        for d in sorted(imports_of(m))
        if stage_of(m) is not None and stage_of(d) is not None and stage_of(d) > stage_of(m)
    ]
    assert backwards == []


def test_no_import_cycle():
    graph = {m: imports_of(m) for m in MODULES}

    def reach(start: str) -> set[str]:
        seen, todo = set(), [start]
        while todo:
            for dep in graph[todo.pop()]:
                if dep not in seen:
                    seen.add(dep)
                    todo.append(dep)
        return seen

    assert [m for m in MODULES if m in reach(m)] == []


def test_no_module_over_500_lines():
    """Python modules, and the practice page's scripts (JavaScript modules of their own)."""
    files = [*MODULES.values(), *PACKAGE.rglob("*.js")]
    lines = {str(p.relative_to(ROOT)): len(p.read_text(encoding="utf-8").splitlines()) for p in files}
    assert {name: n for name, n in lines.items() if n > MAX_MODULE_LINES} == {}
    assert any(name.endswith(".js") for name in lines)


def test_no_function_over_80_lines():
    long = [
        f"{m}.{node.name}: {node.end_lineno - node.lineno + 1} lines"
        for m, tree in TREES.items()
        for node in ast.walk(tree)
        if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef)
        and node.end_lineno - node.lineno + 1 > MAX_FUNCTION_LINES
    ]
    assert long == []


@pytest.mark.parametrize("package", sorted(m for m, p in MODULES.items() if p.name == "__init__.py"))
def test_each_package_says_what_enters_and_what_leaves(package):
    doc = ast.get_docstring(TREES[package]) or ""
    assert len(doc.split()) >= 25, f"{package}: a paragraph on what enters and what leaves"


def _verdicts_decided(tree: ast.AST) -> list[int]:
    """Lines where a status is decided: a Finding made, or "pass"/"warn"/"fail" given as a value
    (returned, assigned, passed, put in a dict or chosen in a conditional), not merely compared."""
    lines = []
    compared = {
        id(c)
        for node in ast.walk(tree)
        if isinstance(node, ast.Compare)
        for c in [
            node.left,
            *node.comparators,
            *(e for x in node.comparators if isinstance(x, ast.Tuple | ast.Set | ast.List) for e in x.elts),
        ]
    }
    keys = {id(k) for node in ast.walk(tree) if isinstance(node, ast.Dict) for k in node.keys if k is not None}
    for node in ast.walk(tree):
        if isinstance(node, ast.Call) and getattr(node.func, "id", getattr(node.func, "attr", None)) == "Finding":
            lines.append(node.lineno)
        elif (
            isinstance(node, ast.Constant)
            and node.value in VERDICTS
            and id(node) not in compared
            and id(node) not in keys
        ):
            lines.append(node.lineno)
    return lines


def test_only_the_rubric_decides_pass_warn_or_fail():
    """Measurements give figures, outputs present them: a status comes from reviewer/rubric/."""
    deciding = {
        m: lines
        for m, tree in TREES.items()
        if not m.startswith("reviewer.rubric") and (lines := _verdicts_decided(tree))
    }
    assert deciding == {}


def test_the_verdict_check_sees_a_status_decided_outside_the_rubric():
    judged = ast.parse('def f(x):\n    return "fail" if x > 3 else "pass"\n')
    compared = ast.parse('def f(s):\n    return s == "fail" or s in ("warn", "pass")\n')
    made = ast.parse("Finding('pace', status, 'm')\n")
    assert _verdicts_decided(judged) == [2, 2]
    assert _verdicts_decided(compared) == []
    assert _verdicts_decided(made) == [1]
