"""The type stub python/planner/_core.pyi names exactly what the extension module defines, and
every public function and class of the package has a docstring (help() teaches)."""
import ast
import inspect
from pathlib import Path

import planner
from planner import _core


def test_stub_matches_the_extension():
    tree = ast.parse((Path(planner.__file__).parent / "_core.pyi").read_text())
    stubbed = {n.name for n in tree.body if isinstance(n, (ast.FunctionDef, ast.ClassDef))}
    defined = {n for n in dir(_core) if not n.startswith("__")}
    assert stubbed == defined, (sorted(defined - stubbed), sorted(stubbed - defined))


def test_public_api_has_docstrings():
    for name in planner.__all__:
        obj = getattr(planner, name)
        if callable(obj):
            assert inspect.getdoc(obj), name
        if inspect.isclass(obj):
            for attr, member in vars(obj).items():
                if not attr.startswith("_") and (callable(member) or isinstance(member, property)):
                    assert inspect.getdoc(member), f"{name}.{attr}"
