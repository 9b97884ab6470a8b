"""The bundled gazetteer: countries (with demonyms), regions, cities and organisations."""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from .words import STOPWORDS

PLACE_KINDS = frozenset({"country", "region", "city"})


@dataclass(frozen=True)
class Known:
    """A gazetteer entry: its canonical name and Brief's kind (place or organisation)."""

    name: str
    kind: str
    """``place`` or ``organisation``."""


@dataclass(frozen=True)
class Gazetteer:
    """Lookup tables built from ``data/gazetteer.txt``."""

    names: dict[str, Known]
    """Exact surface form (canonical or alias) → entry."""
    folded: dict[str, Known]
    """Case-folded surface form → entry, for names written in another case ("NATO"/"Nato")."""
    demonyms: dict[str, Known]
    """Demonym ("Russian") → the place it mentions."""
    longest: int
    """Most words in any surface form, to bound phrase look-ups."""
    heads: frozenset[str] = frozenset()
    """First words of multi-word names: only these start a look-up longer than one word."""
    prefixes: frozenset[str] = frozenset()
    """The first words (all but the last) of multi-word names, case-folded: a look-up of more
    words than a known prefix's can find nothing."""
    cities: frozenset[str] = frozenset()
    """Canonical names of the cities (not countries or regions): a city heads a team's or a
    paper's name ("the Cincinnati Reds"), a country seldom does."""

    def lookup(self, phrase: str) -> Known | None:
        """The entry a phrase names, exactly or case-insensitively (acronyms stay exact)."""
        hit = self.names.get(phrase)
        if hit is not None:
            return hit
        if phrase.isupper() and len(phrase) <= 5:
            return None
        return self.folded.get(phrase.casefold())


def parse_gazetteer(text: str) -> Gazetteer:
    """Parse the ``kind|name|aliases|demonyms`` lines."""
    names: dict[str, Known] = {}
    folded: dict[str, Known] = {}
    demonyms: dict[str, Known] = {}
    longest = 1
    heads: set[str] = set()
    prefixes: set[str] = set()
    cities: set[str] = set()
    for line in text.splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        kind, name, aliases, adjectives = [*line.split("|"), "", "", ""][:4]
        known = Known(name, "place" if kind in PLACE_KINDS else "organisation")
        if kind == "city":
            cities.add(name)
        for surface in [name, *filter(None, aliases.split(","))]:
            surface = surface.strip()
            names.setdefault(surface, known)
            if not (surface.isupper() and (len(surface) <= 3 or surface.casefold() in STOPWORDS)):
                # "Who", "Us", "Un" (of "Kim Jong Un") name nothing: only "WHO", "US", "UN";
                # longer acronyms are written as words too ("Nato", "Unesco").
                folded.setdefault(surface.casefold(), known)
            words = surface.split()
            longest = max(longest, len(words))
            if len(words) > 1:
                heads.update({words[0], words[0].capitalize(), words[0].upper()})
                prefixes.update(" ".join(words[:n]).casefold() for n in range(1, len(words)))
        for demonym in filter(None, adjectives.split(",")):
            demonyms.setdefault(demonym.strip(), known)
    return Gazetteer(names, folded, demonyms, longest, frozenset(heads), frozenset(prefixes), frozenset(cities))


@lru_cache(maxsize=1)
def bundled_gazetteer_text() -> str:
    """The gazetteer file shipped in the package."""
    return (Path(__file__).resolve().parent / "data" / "gazetteer.txt").read_text(encoding="utf-8")


@lru_cache(maxsize=1)
def bundled_gazetteer() -> Gazetteer:
    """The gazetteer shipped in the package (read once)."""
    return parse_gazetteer(bundled_gazetteer_text())
