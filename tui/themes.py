"""Theme files (YAML) → Textual `Theme` objects; a bad file is reported, never fatal."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from textual.color import Color, ColorParseError
from textual.theme import Theme

from ..parsers.settings import load_yaml_kept, yaml_module
from .paths import config_dir, yaml_copies

if TYPE_CHECKING:
    from .settings import Settings

COLOUR_FIELDS = ("primary", "secondary", "accent", "foreground", "background", "surface", "panel", "boost",
                 "success", "warning", "error")  # fmt: skip
KNOWN_FIELDS = frozenset({"name", "dark", "ansi", "variables", *COLOUR_FIELDS})


@dataclass(frozen=True)
class ThemeLoad:
    """Themes that loaded, and one message per file that did not."""

    loaded: tuple[Theme, ...]
    failed: tuple[str, ...]


def theme_from_mapping(data: Any, origin: str) -> Theme:
    """Validate one theme mapping and build the `Theme`.

    Raises:
        ValueError: naming the field that is wrong.
    """
    if not isinstance(data, dict):
        raise ValueError("expected a mapping of theme fields")
    unknown = set(data) - KNOWN_FIELDS
    if unknown:
        raise ValueError(f"unknown field(s): {', '.join(sorted(map(str, unknown)))}")
    name = data.get("name") or Path(origin).stem
    if not isinstance(name, str) or not name.strip():
        raise ValueError("name: must be text")
    if "primary" not in data:
        raise ValueError("primary: required")
    colours: dict[str, str] = {}
    for field in COLOUR_FIELDS:
        if field in data:
            value = str(data[field])
            try:
                Color.parse(value)
            except ColorParseError as error:
                raise ValueError(f"{field}: not a colour ({value!r})") from error
            colours[field] = value
    variables = data.get("variables") or {}
    if not isinstance(variables, dict):
        raise ValueError("variables: expected a mapping")
    for key, value in variables.items():
        try:
            Color.parse(str(value))
        except ColorParseError as error:
            raise ValueError(f"variables.{key}: not a colour ({value!r})") from error
    return Theme(
        name=name,
        dark=bool(data.get("dark", True)),
        ansi=bool(data.get("ansi", False)),
        variables={str(k): str(v) for k, v in variables.items()},
        **colours,
    )


ANSI_GAPS = {"ansi-background": "transparent", "ansi-foreground": "transparent"}
"""Variables Textual's own screen CSS uses that its 16-colour (``ansi``) palette does not define
(Textual 8.2): without them an ansi theme stops the app with a stylesheet error."""


def with_ansi_gaps_filled(theme: Theme) -> Theme:
    """``theme``, or for an ansi theme a copy defining the variables Textual leaves out."""
    if not theme.ansi or all(key in theme.variables for key in ANSI_GAPS):
        return theme
    from dataclasses import replace

    return replace(theme, variables={**ANSI_GAPS, **theme.variables})


def _read(path: Path | Any, origin: str) -> Theme:
    try:
        data = load_yaml_kept(path.read_text(encoding="utf-8"), yaml_copies(), str(path))
    except yaml_module().YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        line = f" line {mark.line + 1}" if mark is not None else ""
        raise ValueError(f"invalid YAML{line}") from error
    return theme_from_mapping(data, origin)


def load_themes(user_dir: Path | None = None) -> ThemeLoad:
    """Bundled themes, then the user's (a user theme may replace a bundled one by name)."""
    loaded: dict[str, Theme] = {}
    failed: list[str] = []
    bundled = Path(__file__).resolve().parent.parent / "themes"
    sources: list[tuple[Any, str]] = [(f, f"themes/{f.name}") for f in sorted(bundled.iterdir(), key=lambda f: f.name) if f.name.endswith(".yaml")]
    folder = user_dir if user_dir is not None else config_dir() / "themes"
    if folder.is_dir():
        sources += [(f, str(f)) for f in sorted(folder.glob("*.y*ml"))]
    for path, origin in sources:
        try:
            theme = _read(path, origin)
        except (ValueError, OSError) as error:
            failed.append(f"{origin}: {error}")
            continue
        loaded[theme.name] = theme
    return ThemeLoad(tuple(loaded.values()), tuple(failed))


FALLBACK_THEME = "brief-dark"


@dataclass(frozen=True)
class ThemeChoice:
    """The theme a start opens with, and what to tell the user if it is not the one asked for."""

    name: str
    problem: str | None = None


def choose_theme(settings: Settings, available: set[str], prefs: Mapping[str, str]) -> ThemeChoice:
    """``--theme``, else the theme picked in the palette (remembered in ``prefs``) while the
    config still names the theme it named then, else the config's; an unknown name falls back
    to brief-dark with a message naming the closest themes only."""
    wanted = settings.theme
    remembered = prefs.get("theme")
    if remembered in available and not settings.theme_override and prefs.get("theme.config") == wanted:
        wanted = str(remembered)
    if wanted in available:
        return ThemeChoice(wanted)
    import difflib

    close = difflib.get_close_matches(wanted, sorted(available), n=3, cutoff=0.5)
    hint = f" (did you mean '{close[0]}'?)" if close else ""
    others = f"; also close: {', '.join(close[1:])}" if len(close) > 1 else ""
    origin = f"--theme {wanted}" if settings.theme_override else settings.where("theme")
    problem = (
        f"{origin}: unknown theme '{wanted}'{hint}{others}; using {FALLBACK_THEME} "
        '(ctrl+p, then "theme", lists and previews every theme)'
    )
    return ThemeChoice(FALLBACK_THEME, problem)
