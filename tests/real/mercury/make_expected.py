"""Keep a small part of Postlight's parser's test pages here: each fixture under 90 kB is
copied to files/ and what its test expects (title, author, the first 13 words of the text)
written to expected.json, read from the clone by score.py's ``mercury_cases``.

    git clone https://github.com/postlight/parser && python tests/real/mercury/make_expected.py parser
"""

from __future__ import annotations

import json
import shutil
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))

from score import mercury_cases  # noqa: E402

_LARGEST = 90_000
"""Bytes a kept page holds at most (the whole suite is 31 MB)."""


def main(clone: Path) -> None:
    (HERE / "files").mkdir(exist_ok=True)
    kept = []
    for page, title, author, opening in mercury_cases(clone):
        if page.stat().st_size <= _LARGEST and not any(case["file"] == page.name for case in kept):
            shutil.copyfile(page, HERE / "files" / page.name)
            kept.append({"file": page.name, "title": title, "author": author, "opening": opening})
    (HERE / "expected.json").write_text(json.dumps(kept, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    print(len(kept), "pages kept")


if __name__ == "__main__":
    main(Path(sys.argv[1]))
