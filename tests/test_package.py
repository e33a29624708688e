"""The package as users install it: a wheel built from the sdist, in a fresh venv."""

from __future__ import annotations

import subprocess
import sys
import tarfile
import venv
import zipfile
from pathlib import Path

import pytest
import tomllib

import piccolo_theme
from pt_paths import ROOT


def _run(*args, **kwargs):
    return subprocess.run(args, check=True, capture_output=True, text=True, **kwargs)


@pytest.fixture(scope="module")
def dist(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("dist")
    # python -m build makes the sdist, then builds the wheel from that sdist.
    _run(sys.executable, "-m", "build", "--outdir", str(out), str(ROOT))
    return out


def _tracked_theme_files() -> set[str]:
    listed = _run("git", "ls-files", "piccolo_theme", cwd=ROOT).stdout.split()
    return {p for p in listed if not p.endswith((".po", ".pot"))}


@pytest.mark.slow
def test_wheel_contains_every_theme_file(dist):
    wheel = next(dist.glob("*.whl"))
    names = set(zipfile.ZipFile(wheel).namelist())
    missing = {p for p in _tracked_theme_files() if p not in names}
    assert not missing
    for required in (
        "piccolo_theme/theme.toml",
        "piccolo_theme/layout.html",
        "piccolo_theme/static/piccolo_theme.css",
        "piccolo_theme/static/piccolo_theme.js",
        "piccolo_theme/static/fonts/OFL.txt",
    ):
        assert required in names
    # The version the package reports is the one the wheel carries.
    metadata = zipfile.ZipFile(wheel).read(next(n for n in names if n.endswith(".dist-info/METADATA"))).decode()
    assert f"\nVersion: {piccolo_theme.__version__}\n" in metadata
    entry_points = next(n for n in names if n.endswith("entry_points.txt"))
    text = zipfile.ZipFile(wheel).read(entry_points).decode()
    assert "[sphinx.html_themes]" in text and "piccolo_theme = piccolo_theme" in text
    sdist = next(dist.glob("*.tar.gz"))
    with tarfile.open(sdist) as archive:
        assert any(n.endswith("sass/piccolo_theme.scss") for n in archive.getnames())


@pytest.mark.slow
def test_installed_wheel_builds_a_site(dist, tmp_path):
    env_dir = tmp_path / "venv"
    venv.create(env_dir, with_pip=True)
    python = env_dir / "bin" / "python"
    wheel = next(dist.glob("*.whl"))
    sphinx_pin = _run(sys.executable, "-c", "import sphinx; print(sphinx.__version__)").stdout.strip()
    _run(
        str(python),
        "-m",
        "pip",
        "install",
        "--quiet",
        "--disable-pip-version-check",
        str(wheel),
        f"sphinx=={sphinx_pin}",
    )
    src = tmp_path / "site"
    src.mkdir()
    (src / "conf.py").write_text('project = "Wheel"\nhtml_theme = "piccolo_theme"\n')
    (src / "index.rst").write_text("Wheel\n=====\n\nBuilt with the installed wheel.\n")
    result = _run(str(python), "-m", "sphinx", "-W", "-b", "html", str(src), str(tmp_path / "out"), cwd=tmp_path)
    html = (tmp_path / "out" / "index.html").read_text()
    assert 'class="pt-header"' in html, result.stderr
    assert (tmp_path / "out" / "_static" / "fonts" / "roboto-latin-400-normal.woff2").exists()
    assert (
        str(ROOT)
        not in _run(str(python), "-c", "import piccolo_theme; print(piccolo_theme.__file__)", cwd=tmp_path).stdout
    )


def test_the_version_has_one_source():
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    assert "version" not in project["project"] and "version" in project["project"]["dynamic"]
    source = ROOT / project["tool"]["hatch"]["version"]["path"]
    assert source.resolve() == Path(piccolo_theme.__file__).resolve()
    assert f'__version__ = "{piccolo_theme.__version__}"' in source.read_text(encoding="utf-8")
