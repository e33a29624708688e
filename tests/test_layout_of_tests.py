"""The test suite collects as one: pytest imports test modules by their file name
(rootdir conftest, no packages), so two test files with the same name in different
folders stop the whole run at collection."""

from __future__ import annotations

from collections import Counter

from pt_paths import ROOT


def test_test_file_names_are_unique():
    names = Counter(path.name for path in (ROOT / "tests").rglob("test_*.py") if "roots" not in path.parts)
    assert [name for name, count in names.items() if count > 1] == []
