"""Brief: a terminal reader for news briefings.

The repository root is the ``brief`` import package (see ``pyproject.toml``):
``parsers/`` becomes ``brief.parsers`` and ``tui/`` becomes ``brief.tui``.
"""

__version__ = "0.1.0"
