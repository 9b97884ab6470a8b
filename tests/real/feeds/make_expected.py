"""Make expected.json for a folder of feed files from what feedparser (the reference; not a
dependency of Brief) finds in each file's first item with a title or text.

    pip install feedparser && python make_expected.py FEEDS_DIR OUT.json [--only KEPT.json]
"""

from __future__ import annotations

import html
import json
import re
import sys
import warnings
from pathlib import Path

import feedparser  # type: ignore[import-not-found]


def text(value: str | None) -> str:
    return html.unescape(re.sub(r"<[^>]+>", " ", value or "")).strip()


def main() -> None:
    warnings.filterwarnings("ignore")
    root, out = Path(sys.argv[1]), Path(sys.argv[2])
    only = set(json.loads(Path(sys.argv[4]).read_text())) if "--only" in sys.argv else None
    expected = {}
    for path in sorted(root.rglob("*.xml")):
        name = str(path.relative_to(root))
        if only is not None and name not in only:
            continue
        for item in feedparser.parse(str(path)).entries:
            body = " ".join(text(c.get("value")) for c in item.get("content", [])) or text(item.get("summary", ""))
            title = text(item.get("title", ""))
            if title or body:
                expected[name] = {"title": title, "body": body, "author": text(item.get("author", ""))}
                break
    out.write_text(json.dumps(expected, indent=1, ensure_ascii=False, sort_keys=True) + "\n", encoding="utf-8")
    print(f"{len(expected)} files with a readable item")


if __name__ == "__main__":
    main()
