"""The actor view (`A`): one actor's names, its mentions along the briefing's time axis, the
actors named beside it, and its entries newest first. `enter` on an entry goes back to the
reader showing it; on a companion, opens that actor's view; `esc` goes back as it was."""

from __future__ import annotations

from collections.abc import Callable

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.screen import Screen
from textual.widget import Widget
from textual.widgets import Footer, Static

from ..parsers.actor_profile import Profile, strip
from ..parsers.actor_profile import profile as actor_profile
from ..parsers.model import Briefing
from ..parsers.times import short_time
from .keymap import ACTIONS
from .line_list import LineList
from .safe_text import plain


def timeline_text(profile: Profile, width: int) -> Text:
    """A heading saying the step and span, then the strip of block characters."""
    text = Text(no_wrap=True, overflow="ellipsis", end="")
    if not profile.timeline or profile.start is None:
        text.append("No dated entries: no timeline.", "dim")
        return text
    span = len(profile.timeline)
    per = -(-span // max(1, width))
    unit = profile.step if per == 1 else f"{per} {profile.step}s"
    start = profile.start.strftime("%d %b %H:%M" if profile.step == "hour" else "%d %b %Y")
    text.append(f"Mentions per {unit} from {start} (UTC)", "dim")
    if profile.undated:
        text.append(f" · {profile.undated} undated", "dim")
    text.append("\n")
    text.append(strip(profile.timeline, width), "bold")
    return text


class CompanyList(LineList):
    """Actors named in the same entries, with how many entries they share."""

    def __init__(self, company: tuple[tuple[str, int], ...], *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.company = company

    def on_mount(self) -> None:
        self.set_count(len(self.company), 0)

    def render_row(self, index: int, width: int) -> Text:
        name, count = self.company[index]
        row = plain(name)
        row.truncate(max(4, width - 6), overflow="ellipsis", pad=True)
        row.append(f"{count:>5}", self.style_of("line-list--dim"))
        return row


class ActorEntries(LineList):
    """The actor's entries, newest first."""

    def __init__(self, briefing: Briefing, ids: tuple[str, ...], *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.entries = [briefing.by_id[i] for i in ids if i in briefing.by_id]
        dated = [e.published for e in briefing.entries if e.published]
        self.today = max(dated)[:10] if dated else None

    def on_mount(self) -> None:
        self.set_count(len(self.entries), 0)

    def render_row(self, index: int, width: int) -> Text:
        entry = self.entries[index]
        row = Text(f"{short_time(entry.published, self.today):>8} ", style=self.style_of("line-list--dim"), no_wrap=True, end="")
        title = plain(entry.title)
        title.truncate(max(4, width - row.cell_len), overflow="ellipsis")
        row.append_text(title)
        return row


class ActorScreen(Screen[str | None]):
    """Dismissed with the id of an entry to show, or None to go back as it was."""

    BINDINGS = [
        Binding("escape,q", "back", "Back", id="actor.back", tooltip="Back to the reader, as it was"),
        Binding("enter", "choose", "Open", id="actor.choose", tooltip="Show the entry / open the companion's view"),
        Binding("tab,shift+tab", "switch", "Switch", id="actor.switch", tooltip="Between companions and entries"),
        *(Binding(a.keys, a.action, a.description, id=a.id, tooltip=a.tooltip) for a in ACTIONS
          if a.id in ("actor.merge", "actor.rename", "actor.split", "actor.ignore")),
        Binding("j,down", "move(1)", "Down", show=False),
        Binding("k,up", "move(-1)", "Up", show=False),
        Binding("g,home", "ends(0)", "First", show=False),
        Binding("G,end", "ends(1)", "Last", show=False),
        Binding("pagedown,ctrl+f", "page(1)", "Page down", show=False),
        Binding("pageup,ctrl+b", "page(-1)", "Page up", show=False),
    ]
    DEFAULT_CSS = """
    ActorScreen { layout: vertical; }
    ActorScreen #actor-head { padding: 0 1; height: auto; max-height: 4; }
    ActorScreen #actor-timeline { padding: 0 1; height: 3; border-bottom: solid $panel; }
    ActorScreen #actor-lists { height: 1fr; }
    ActorScreen #actor-company { width: 34%; border-right: solid $panel; }
    ActorScreen #actor-entries { width: 1fr; }
    ActorScreen .actor-label { height: 1; padding: 0 1; color: $text-muted; }
    ActorScreen LineList { height: 1fr; }
    ActorScreen LineList:focus { background-tint: $foreground 3%; }
    """

    def __init__(self, briefing: Briefing, profile: Profile, make_profile: Callable[[str], Profile] | None = None) -> None:
        super().__init__()
        self.briefing = briefing
        self.profile = profile
        self.make_profile = make_profile or (lambda name: actor_profile(briefing, name))

    def compose(self) -> ComposeResult:
        p = self.profile
        head = Text(no_wrap=False, end="")
        head.append_text(plain(p.name, "bold"))
        head.append(f"  {p.kind} · {len(p.entry_ids)} entr{'y' if len(p.entry_ids) == 1 else 'ies'}", "dim")
        head.append("\nSeen as: ", "dim")
        head.append_text(plain(", ".join(f"{alias} ×{count}" if count else alias for alias, count in p.aliases)))
        yield Static(head, id="actor-head")
        yield TimelineStrip(p, id="actor-timeline")
        with Horizontal(id="actor-lists"):
            with Vertical(id="actor-company"):
                yield Static(Text("Named with it"), classes="actor-label")
                yield CompanyList(p.company, id="company")
            with Vertical(id="actor-entries"):
                yield Static(Text("Its entries, newest first (enter shows one)"), classes="actor-label")
                yield ActorEntries(self.briefing, p.entry_ids, id="entries-of-actor")
        yield Footer(compact=True, show_command_palette=False)

    def on_mount(self) -> None:
        self.set_focus(self.query_one(ActorEntries))

    def _list(self) -> LineList:
        focused = self.focused
        return focused if isinstance(focused, LineList) else self.query_one(ActorEntries)

    def action_move(self, delta: int) -> None:
        self._list().move(delta)

    def action_page(self, direction: int) -> None:
        self._list().page(direction)

    def action_ends(self, last: int) -> None:
        pane = self._list()
        pane.last() if last else pane.first()

    def action_switch(self) -> None:
        company, entries = self.query_one(CompanyList), self.query_one(ActorEntries)
        self.set_focus(company if self.focused is entries else entries)

    def action_back(self) -> None:
        self.dismiss(None)

    def action_choose(self) -> None:
        pane = self._list()
        if isinstance(pane, ActorEntries) and pane.entries:
            self.dismiss(pane.entries[pane.cursor].id)
        elif isinstance(pane, CompanyList) and pane.company:
            other = pane.company[pane.cursor][0]
            self.app.push_screen(ActorScreen(self.briefing, self.make_profile(other), self.make_profile), self._from_companion)

    # ---- corrections (written to config.yaml by the reader's main screen) ----------------
    def _correct(self, how: str) -> None:
        main = getattr(self.app, "main", None)
        if main is not None:
            getattr(main.corrections, how)(self.profile.name, main.reopen_actor)

    def action_merge_actor(self) -> None:
        self._correct("merge")

    def action_rename_actor(self) -> None:
        self._correct("rename")

    def action_split_actor(self) -> None:
        self._correct("split")

    def action_hide_actor(self) -> None:
        self._correct("hide")

    def _from_companion(self, chosen: str | None) -> None:
        if chosen is not None:
            self.dismiss(chosen)  # an entry chosen in the companion's view: show it in the reader

    def on_line_list_chosen(self, event: LineList.Chosen) -> None:
        self.action_choose()


class TimelineStrip(Widget):
    """The timeline, drawn for the width it has."""

    def __init__(self, profile: Profile, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.profile = profile

    def render(self) -> Text:
        return timeline_text(self.profile, max(1, self.size.width))
