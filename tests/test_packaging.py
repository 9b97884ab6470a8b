"""The package keeps its promises: parsers never import the reader, no stray top-level modules."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from conftest import FIXTURES


def test_parsers_never_import_textual_or_rich() -> None:
    """Every module of ``parsers`` (the lazily imported readers and analyses too), and a load of
    every fixture format, leave Textual and Rich unimported."""
    code = (
        "import sys, pkgutil, importlib, brief.parsers as p;"
        "names = [m.name for m in pkgutil.walk_packages(p.__path__, 'brief.parsers.')];"
        "[importlib.import_module(n) for n in names];"
        "from brief.parsers import load;"
        f"b = load([{str(FIXTURES)!r}]);"
        "assert len(names) > 20 and len(b.entries) > 20, (len(names), len(b.entries));"
        "bad = [m for m in sys.modules if m.split('.')[0] in ('textual', 'rich')];"
        "print(bad); sys.exit(1 if bad else 0)"
    )
    run = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert run.returncode == 0, run.stdout + run.stderr


def test_installed_package_adds_no_generic_top_level_modules(tmp_path: Path) -> None:
    run = subprocess.run([sys.executable, "-c", "import parsers"], capture_output=True, text=True, cwd=tmp_path)
    assert run.returncode != 0
    run = subprocess.run([sys.executable, "-c", "import tui"], capture_output=True, text=True, cwd=tmp_path)
    assert run.returncode != 0


def test_every_package_folder_is_listed_for_the_install() -> None:
    """A subpackage missing from pyproject's list works in a checkout and is absent once installed."""
    import tomllib

    root = Path(__file__).resolve().parents[1]
    listed = set(tomllib.loads((root / "pyproject.toml").read_text(encoding="utf-8"))["tool"]["setuptools"]["packages"])
    found = {"brief"} | {
        "brief." + ".".join(init.parent.relative_to(root).parts)
        for init in root.glob("*/**/__init__.py")
        if init.parent.relative_to(root).parts[0] in ("parsers", "tui")
    }
    assert found == listed
