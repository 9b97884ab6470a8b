"""People, organisations and places named in a briefing, with their aliases merged.

Names are runs of capitalised words. A run is cleaned of titles ("President"), sentence-initial
function words ("Meanwhile") and possessives, then resolved: the gazetteer first, then the
user's aliases, then person rules (a multi-word name, or a single word that is a known surname
or is introduced by a role — "Nato chief Rutte" — or followed by a speech verb). A lone surname
joins the full name it belongs to; "the Russian president" joins whoever was introduced as
"Russian president …". Demonyms ("Russian oil") mention their country.
"""

from __future__ import annotations

from .resolve import AUTHOR_SPLIT, ActorResult, ActorSettings, byline_names, resolve_actors, without_bylines
from .scan import ScanResult, scan_entries
from .tokens import tokenize

__all__ = [
    "AUTHOR_SPLIT",
    "ActorResult",
    "ActorSettings",
    "ScanResult",
    "byline_names",
    "resolve_actors",
    "scan_entries",
    "tokenize",
    "without_bylines",
]
