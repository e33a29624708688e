"""Sphinx's deprecation warnings raised from the theme's own code are errors:
under pytest (pyproject.toml's ``filterwarnings``) and in builds run outside it
(``PYTHONWARNINGS`` from scripts/deprecation_filters.py, used by the demo
build tests and by every venv of scripts/test-sphinx-versions)."""

from __future__ import annotations

import subprocess
import sys
import warnings

import pytest
from sphinx import deprecation

from pt_paths import PACKAGE_DIR, ROOT, SCRIPTS

# Every RemovedInSphinxNNWarning this Sphinx defines (10 and 11 on Sphinx 9).
REMOVED = sorted(
    (getattr(deprecation, name) for name in dir(deprecation) if name.startswith("RemovedInSphinx")),
    key=lambda c: c.__name__,
)


def _warn_from(module: str, category: type[Warning]) -> None:
    """Warn as code in ``module`` would (the module a filter matches)."""
    code = compile("warnings.warn(category('an API Sphinx is removing'), stacklevel=1)", f"{module}.py", "exec")
    exec(code, {"__name__": module, "warnings": warnings, "category": category})  # noqa: S102


def test_sphinx_defines_the_warnings_we_filter():
    assert REMOVED, "sphinx.deprecation has no RemovedInSphinxNNWarning"
    for category in REMOVED:
        assert issubclass(category, (DeprecationWarning, PendingDeprecationWarning))


@pytest.mark.parametrize("category", REMOVED, ids=lambda c: c.__name__)
@pytest.mark.parametrize("module", ["piccolo_theme", "piccolo_theme.navigation"])
def test_under_pytest_they_are_errors_from_the_theme(module, category):
    with pytest.raises(category):
        _warn_from(module, category)


@pytest.mark.parametrize("category", REMOVED, ids=lambda c: c.__name__)
def test_under_pytest_other_code_only_warns(category):
    with pytest.warns(category):
        _warn_from("some_other_extension", category)


def _filters() -> str:
    done = subprocess.run(
        [sys.executable, str(SCRIPTS / "deprecation_filters.py")], capture_output=True, text=True, cwd=ROOT, check=True
    )
    return done.stdout.strip()


def test_pythonwarnings_names_every_module_of_the_package():
    named = {entry.rsplit(":", 1)[1] for entry in _filters().split(",")}
    expected = {"piccolo_theme"} | {f"piccolo_theme.{p.stem}" for p in PACKAGE_DIR.glob("*.py") if p.stem != "__init__"}
    assert named == expected


PROBE = """
import warnings
from sphinx import deprecation
code = compile("warnings.warn(category('x'), stacklevel=1)", "probe.py", "exec")
for name in sorted(n for n in dir(deprecation) if n.startswith("RemovedInSphinx")):
    try:
        exec(code, {"__name__": MODULE, "warnings": warnings, "category": getattr(deprecation, name)})
    except Warning:
        print(name, "error")
    else:
        print(name, "warned")
"""


@pytest.mark.parametrize(("module", "outcome"), [("piccolo_theme.context", "error"), ("other", "warned")])
def test_pythonwarnings_makes_them_errors_outside_pytest(module, outcome):
    env = {"PYTHONWARNINGS": _filters(), "PATH": "/usr/bin:/bin"}
    done = subprocess.run(
        [sys.executable, "-c", f"MODULE = {module!r}\n" + PROBE], capture_output=True, text=True, env=env, check=True
    )
    lines = done.stdout.split()
    assert lines[1::2] == [outcome] * len(REMOVED), done.stdout + done.stderr
