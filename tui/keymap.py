"""Every action Brief offers, as a Binding with an id the user can rebind in config.yaml.

`keys: {binding-id: "key,key"}` goes through `App.set_keymap`. Unknown ids, key names Textual
does not know and two actions on one key are reported and that override is skipped.
"""

from __future__ import annotations

import difflib
from collections.abc import Callable, Mapping
from dataclasses import dataclass

from textual.binding import Binding
from textual.keys import Keys, _character_to_key, key_to_character


@dataclass(frozen=True)
class Action:
    """One bindable action."""

    id: str
    keys: str
    action: str
    description: str
    tooltip: str
    show: bool = False


ACTIONS: tuple[Action, ...] = (
    Action("cursor.down", "j,down", "cursor_down", "Down", "Move down in the focused pane"),
    Action("cursor.up", "k,up", "cursor_up", "Up", "Move up in the focused pane"),
    Action("cursor.first", "g,home", "cursor_first", "First", "Jump to the first row"),
    Action("cursor.last", "G,end", "cursor_last", "Last", "Jump to the last row"),
    Action("cursor.page-down", "pagedown,ctrl+f", "page_down", "Page down", "Move one page down"),
    Action("cursor.page-up", "pageup,ctrl+b", "page_up", "Page up", "Move one page up"),
    Action("entry.open", "enter", "open_entry", "Open", "Read the selected entry (or toggle a facet)", True),
    Action("entry.star", "s", "toggle_star", "Star", "Star or unstar the entry", True),
    Action("entry.toggle-read", "m", "toggle_read", "Read", "Mark the entry read or unread"),
    Action("entry.next-unread", "J", "next_unread", "Next unread", "Read the next unread entry"),
    Action("entry.prev-unread", "K", "prev_unread", "Prev unread", "Read the previous unread entry"),
    Action("entry.open-link", "o", "open_link", "Link", "Open a link of the entry (or copy it over SSH)"),
    Action("entry.copy", "y", "copy_entry", "Copy", "Copy the entry as Markdown (OSC 52)"),
    Action("entry.filter-by", "f", "filter_by", "Filter by", "Filter by one of this entry's actors or topics", True),
    Action("entry.diff", "d", "show_diff", "Diff", "Show what changed in an edited entry"),
    Action("filter.search", "slash", "search", "Search", "Search titles and bodies as you type", True),
    Action("filter.unread", "u", "toggle_unread", "Unread", "Show unread entries only", True),
    Action("filter.starred", "asterisk", "toggle_starred", "Starred", "Show starred entries only"),
    Action("filter.new", "w", "toggle_new", "New", "Show only entries new since your last look"),
    Action("filter.clear", "c", "clear_filters", "Clear", "Clear every filter", True),
    Action("filter.match-mode", "a", "toggle_match_mode", "Any/All", "Actors: match ANY or ALL selected"),
    Action("facet.toggle", "space", "toggle_facet", "Toggle", "Sidebar: select the facet under the cursor; list or view: scroll the entry one page"),
    Action("view.next-match", "n", "next_match", "Next match", "Next search match in the entry"),
    Action("view.prev-match", "N", "prev_match", "Prev match", "Previous search match in the entry"),
    Action("actor.open", "A", "open_actor", "Actor", "One actor's names, timeline, company and entries (sidebar: the one under the cursor)"),
    Action("actor.merge", "M", "merge_actor", "Merge", "Merge the actor with another, picked by name; you choose the name kept (saved in config.yaml)"),
    Action("actor.rename", "R", "rename_actor", "Rename", "Show the actor under a name you type (saved in config.yaml)"),
    Action("actor.split", "S", "split_actor", "Split", "Take one of the actor's names off it: an actor of its own (saved in config.yaml)"),
    Action("actor.ignore", "X", "hide_actor", "Hide", "Hide a false actor everywhere (saved in config.yaml)"),
    Action("view.export", "E", "export_view", "Digest", "Write the entries shown as a Markdown digest file"),
    Action("view.copy-digest", "Y", "copy_digest", "Copy digest", "Copy the entries shown as a Markdown digest (OSC 52)"),
    Action("view.sort", "t", "toggle_sort", "Sort", "Newest first / oldest first"),
    Action("view.sidebar", "b", "toggle_sidebar", "Sidebar", "Show or hide the actors/topics sidebar"),
    Action("view.focus-next", "tab", "focus_next_pane", "Next pane", "Focus the next pane"),
    Action("view.focus-previous", "shift+tab", "focus_previous_pane", "Prev pane", "Focus the previous pane"),
    Action("app.reload", "r", "reload", "Reload", "Reload every source"),
    Action("app.problems", "exclamation_mark", "problems", "Problems", "List every source and settings problem in full"),
    Action("app.help", "question_mark", "help", "Help", "Show every key binding", True),
    Action("app.quit", "q", "quit", "Quit", "Quit Brief", True),
)

ACTION_IDS = frozenset(action.id for action in ACTIONS)
_MODIFIERS = ("ctrl+", "shift+", "alt+", "meta+", "super+", "hyper+")
_KEY_NAMES = frozenset(key.value for key in Keys) | {
    "space", "tab", "enter", "escape", "backspace", "delete", "slash", "backslash", "at", "minus", "plus", "underscore"
}  # fmt: skip


def bindings() -> list[Binding]:
    """The Binding objects for the main screen."""
    return [
        Binding(a.keys, a.action, a.description, show=a.show, id=a.id, tooltip=a.tooltip) for a in ACTIONS
    ]


def valid_key(key: str) -> bool:
    """Is ``key`` a key name Textual can deliver ("j", "ctrl+n", "f5", "question_mark")?"""
    base = key.strip()
    if not base:
        return False
    while base.lower().startswith(_MODIFIERS) and len(base) > 1 and "+" in base[:-1]:
        base = base.split("+", 1)[1]
    if len(base) == 1:
        return base.isprintable()
    return base in _KEY_NAMES or key_to_character(base) is not None


def _normal(key: str) -> str:
    key = key.strip()
    return _character_to_key(key) if len(key) == 1 else key


@dataclass(frozen=True)
class KeymapCheck:
    """The keymap to apply and the problems found in the user's `keys:`."""

    keymap: dict[str, str]
    problems: tuple[str, ...]


def check_keymap(user: Mapping[str, str], where: Callable[[str], str] = lambda key: f"config: {key}") -> KeymapCheck:
    """Validate `keys:` overrides: ids exist, key names are real, no key does two things.

    ``where`` turns a dotted key into "file:line: key" for the messages.
    """
    problems: list[str] = []
    accepted: dict[str, str] = {}
    for binding_id, keys in user.items():
        if binding_id not in ACTION_IDS:
            close = difflib.get_close_matches(binding_id, sorted(ACTION_IDS), n=1)
            hint = f" (did you mean '{close[0]}'?)" if close else ""
            problems.append(f"{where(f'keys.{binding_id}')}: unknown binding id{hint}; ignored")
            continue
        names = [k.strip() for k in str(keys).split(",") if k.strip()]
        bad = [k for k in names if not valid_key(k)]
        if bad or not names:
            problems.append(f"{where(f'keys.{binding_id}')}: invalid key name(s) {', '.join(bad) or '(empty)'}; default kept")
            continue
        accepted[binding_id] = ",".join(_normal(k) for k in names)
    # Clashes: the final key → action table must be one-to-one.
    owner: dict[str, str] = {}
    for action in ACTIONS:
        for key in (accepted.get(action.id) or ",".join(_normal(k) for k in action.keys.split(","))).split(","):
            owner.setdefault(key, action.id)
    for action in ACTIONS:
        if action.id not in accepted:
            continue
        for key in accepted[action.id].split(","):
            if owner.get(key) != action.id:
                problems.append(
                    f"{where(f'keys.{action.id}')}: '{key}' is already bound to {owner[key]}; default kept for {action.id}"
                )
                del accepted[action.id]
                break
    return KeymapCheck(accepted, tuple(problems))
