"""The actor corrections (merge, rename, split, hide): ask what is needed, write it to the
user's config.yaml (as text, comments kept: see ``config_edit``), then show the briefing with
it applied. Adding a correction re-applies them all to the briefing shown (``curate`` changes
nothing twice); taking one back loads the sources again, from the cache."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from pathlib import Path
from typing import Any, Protocol

from ..parsers.actor_edits import ActorEdits, curate, takes_back, with_hidden, with_rename, with_split
from ..parsers.model import Actor, Briefing
from .config_edit import ConfigEditError, actor_edits_written, edit_file
from .filters import BriefingIndex, Filter
from .name_picker import NamePicker, NamePrompt
from .screens import Picker
from .settings import load_settings


class ReaderScreen(Protocol):
    """What the corrections need of the reader's main screen (seen from here without importing it)."""

    briefing: Briefing
    index: BriefingIndex
    filter: Filter
    is_loading: bool
    brief: Any
    """The app: its settings, live sources, workers and loading."""

    @property
    def app(self) -> Any: ...
    def update_status(self, note: str | None = None) -> None: ...
    def set_briefing(self, briefing: Briefing, index: BriefingIndex | None = None, partial: bool = False) -> None: ...

Done = Callable[[str | None], None]
"""Told the actor's name once a correction is shown (None: it is gone, or nothing changed)."""


def _shown_path(path: Path) -> str:
    home = str(Path.home())
    text = str(path)
    return "~" + text[len(home) :] if home != "/" and text.startswith(home + "/") else text


class ActorCorrections:
    """What the merge, rename, split and hide keys do, for the reader's main screen."""

    def __init__(self, main: ReaderScreen) -> None:
        self.main = main

    def _actor(self, name: str) -> Actor | None:
        return next((a for a in self.main.briefing.actors if a.name == name), None)

    # ---- the four corrections -----------------------------------------------------------
    def merge(self, name: str, done: Done | None = None) -> None:
        """Pick another actor; then which of the two names to keep."""
        actor = self._actor(name)
        if actor is None:
            return
        rows = [(a.kind, a.name, len(a.entry_ids)) for a in self.main.briefing.actors if a.name != name]
        if not rows:
            self.main.update_status("no other actor to merge with")
            return

        def picked(other: str | None) -> None:
            other_actor = self._actor(other) if other else None
            if other_actor is None:
                return
            first, second = sorted((actor, other_actor), key=lambda a: -len(a.entry_ids))
            choices = [("keep", first.name), ("keep", second.name)]

            def kept(choice: tuple[str, str] | None) -> None:
                if choice is None:
                    return
                keeper = choice[1]
                loser = other_actor.name if keeper == actor.name else actor.name
                self._apply(lambda e: with_rename(e, loser, keeper), f"merged {loser} into {keeper}", keeper, done)

            self.main.app.push_screen(Picker("Keep which name?", choices), kept)

        self.main.app.push_screen(NamePicker(f"Merge {name} with…", rows), picked)

    def rename(self, name: str, done: Done | None = None) -> None:
        if self._actor(name) is None:
            return

        def typed(new: str | None) -> None:
            if not new or new == name:
                return
            joins = next((a.name for a in self.main.briefing.actors if a.name.casefold() == new.casefold() and a.name != name), None)
            what = f"merged {name} into {joins}" if joins else f"renamed {name} to {new}"
            self._apply(lambda e: with_rename(e, name, new), what, joins or new, done)

        self.main.app.push_screen(NamePrompt(f"Rename {name} to", name), typed)

    def split(self, name: str, done: Done | None = None) -> None:
        actor = self._actor(name)
        if actor is None:
            return
        if not actor.aliases:
            self.main.update_status(f"{name} was seen under no other name: nothing to split off")
            return

        def picked(choice: tuple[str, str] | None) -> None:
            if choice is None:
                return
            alias = choice[1]
            self._apply(lambda e: with_split(e, alias, name), f"took {alias} off {name}", name, done)

        choices = [("name", alias) for alias in actor.aliases]
        self.main.app.push_screen(Picker(f"Take which name off {name}?", choices), picked)

    def hide(self, name: str, done: Done | None = None) -> None:
        if self._actor(name) is None:
            return
        self._apply(lambda e: with_hidden(e, name), f"hid {name}", None, done)

    # ---- saving and showing -------------------------------------------------------------
    def _apply(self, change: Callable[[ActorEdits], ActorEdits], what: str, name: str | None, done: Done | None) -> None:
        main, app = self.main, self.main.brief
        if app.load_running or main.is_loading:
            main.update_status("still loading: correct actors once it has finished")
            return
        path = app.settings.user_file
        if path is None:
            return
        # What the file says now (it may have been edited by hand since the start).
        fresh = load_settings(str(path), theme=app.settings.theme_override) if path.exists() else app.settings
        old = fresh.parse.actor_edits
        new = change(old)
        if new == old:
            main.update_status(f"{what}: already so")
            return
        try:
            edit_file(path, lambda text: actor_edits_written(text, old, new))
        except (ConfigEditError, OSError) as error:
            reason = getattr(error, "strerror", None) or str(error)
            app.note_problem(f"{path}: could not save the actor correction ({reason}); nothing changed", "setting")
            main.update_status(f"could not save to {_shown_path(path)}: nothing changed")
            return
        settings = load_settings(str(path), theme=app.settings.theme_override)
        app.settings = settings
        app.live.settings = settings.parse
        note = f"{what} · saved in {_shown_path(path)}"
        if takes_back(old, new):
            main.update_status(f"{note} · loading again")
            app.load_sources()
            if done is not None:
                done(None)
            return
        edits = settings.parse.actor_edits
        briefing, index = main.briefing, main.index

        def work() -> None:
            curated = curate(briefing, edits)
            new_index = BriefingIndex(curated, index)
            app.call_from_thread(self._show, curated, new_index, note, name, done)

        main.update_status(f"{what}…")  # a second or so at 100 000 entries
        app.run_worker(work, thread=True, group="actor-corrections", exclusive=True)

    def _show(self, briefing: Briefing, index: BriefingIndex, note: str, name: str | None, done: Done | None) -> None:
        main = self.main
        # Facets selected under a name that is now another's alias follow it.
        owner = {alias: a.name for a in briefing.actors for alias in (a.name, *a.aliases)}
        main.filter = replace(main.filter, actors=frozenset(owner.get(n, n) for n in main.filter.actors))
        main.set_briefing(briefing, index)
        main.update_status(note)
        if done is not None:
            done(name if name is not None and any(a.name == name for a in briefing.actors) else None)
