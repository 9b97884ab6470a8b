"""The posts of a saved live page that declares them only in its markup (schema.org microdata,
``itemtype=…/LiveBlogPosting``, no JSON-LD list), written beside it as PAGE.json in the shape
of a JSON-LD ``LiveBlogPosting`` (headline, ``liveBlogUpdate``: headline, time, text), which
``score.py --live`` reads when the page declares none itself.

The reading is a hand-checked one of this page's markup, made with the standard library (not
with Brief's parsers): each block directly inside the container whose class is the posts'
(``coventry``) is an update; its ``<time>`` is its clock time; a ``coventry__title`` label
("Bieg 15", a heat of the match) is its headline; the rest of its visible text is its text.
Blocks between them with another class or none are ad slots.

    python tests/real/live/make_expected.py tests/real/live/sportowefakty.wp.pl.falubaz.html
"""

from __future__ import annotations

import json
import re
import sys
from html.parser import HTMLParser
from pathlib import Path

_VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"}
_UNSEEN = {"script", "style", "noscript", "template"}


class _Updates(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.stack: list[tuple[str, str]] = []  # (tag, role): role "", "post", "time", "title", "unseen"
        self.depth_of_container: int | None = None
        self.posts: list[dict[str, list[str]]] = []
        self.headline: list[str] = []
        self.in_h1 = False

    def _role(self, tag: str, attrs: dict[str, str]) -> str:
        classes = (attrs.get("class") or "").split()
        if tag in _UNSEEN:
            return "unseen"
        if self.depth_of_container is not None and len(self.stack) == self.depth_of_container + 1:
            return "post" if tag == "div" and classes[:1] == ["coventry"] else "slot"
        if tag == "time":
            return "time"
        if "coventry__title" in classes:
            return "title"
        return ""

    def handle_starttag(self, tag: str, attrs_list: list[tuple[str, str | None]]) -> None:
        attrs = {k: v or "" for k, v in attrs_list}
        if tag in _VOID:
            return
        if self.depth_of_container is None and attrs.get("itemtype", "").endswith("LiveBlogPosting"):
            self.depth_of_container = len(self.stack)
        role = self._role(tag, attrs)
        if role == "post":
            self.posts.append({"text": [], "time": [], "title": []})
        self.stack.append((tag, role))
        if tag == "h1" and not self.headline:
            self.in_h1 = True

    def handle_endtag(self, tag: str) -> None:
        if tag in _VOID:
            return
        while self.stack:
            open_tag, _ = self.stack.pop()
            if open_tag == tag:
                break
        if self.depth_of_container is not None and len(self.stack) <= self.depth_of_container:
            self.depth_of_container = None if len(self.stack) < self.depth_of_container else self.depth_of_container
        if tag == "h1":
            self.in_h1 = False

    def handle_data(self, data: str) -> None:
        roles = [role for _, role in self.stack]
        if "unseen" in roles:
            return
        if self.in_h1:
            self.headline.append(data)
        if "post" not in roles or "slot" in roles:
            return
        post = self.posts[-1]
        post["time" if "time" in roles else "title" if "title" in roles else "text"].append(data)


def _line(parts: list[str]) -> str:
    return re.sub(r"\s+", " ", " ".join(parts)).strip()


def declared(markup: str, day: str) -> dict[str, object]:
    reader = _Updates()
    reader.feed(markup)
    updates = []
    for post in reader.posts:
        text, clock = _line(post["text"]), _line(post["time"])
        if not text and not post["title"]:
            continue
        update = {"headline": _line(post["title"]), "articleBody": text}
        if re.fullmatch(r"\d{1,2}:\d{2}", clock):
            update["datePublished"] = f"{day}T{int(clock[:-3]):02d}:{clock[-2:]}"
        updates.append(update)
    return {"@type": "LiveBlogPosting", "headline": _line(reader.headline), "liveBlogUpdate": updates}


if __name__ == "__main__":
    for name in sys.argv[1:]:
        page = Path(name)
        markup = page.read_text(encoding="utf-8", errors="replace")
        day = re.search(r'"datePublished"\s*:\s*"(\d{4}-\d{2}-\d{2})', markup) or re.search(r"(\d{4}-\d{2}-\d{2})", markup)
        result = declared(markup, day.group(1) if day else "")
        page.with_suffix(".json").write_text(json.dumps(result, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
        print(page.name, len(result["liveBlogUpdate"]), "updates")  # type: ignore[arg-type]
