"""The expected items of tests/real/rss/files, from rss-parser's own test outputs.

    git clone https://github.com/rbren/rss-parser
    python tests/real/rss/make_expected.py rss-parser/test/output tests/real/rss/expected.json

Each file's items as rss-parser (Node.js, xml2js) read them: title, link, author and the
start of the text, kept as the reference wrote them (its mojibake and undecoded entities too:
score.py folds those, it does not trust them).
"""

from __future__ import annotations

import json
import sys
from pathlib import Path


def main(outputs: Path, target: Path) -> None:
    files = {path.stem: path.name for path in (target.parent / "files").iterdir()}
    expected: dict[str, list[dict[str, str]]] = {}
    for output in sorted(outputs.glob("*.json")):
        if output.stem not in files:
            continue
        items = json.loads(output.read_bytes().decode("utf-8", "replace"))["feed"]["items"]
        expected[files[output.stem]] = [
            {
                "title": str(item.get("title") or ""),
                "link": str(item.get("link") or ""),
                "author": str(item.get("creator") or item.get("author") or ""),
                "text": str(item.get("contentSnippet") or item.get("content") or "")[:600],
            }
            for item in items
        ]
    target.write_text(json.dumps(expected, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main(Path(sys.argv[1]), Path(sys.argv[2]))
