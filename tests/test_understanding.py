"""The user's own sample read end to end: its entries, seen counts and people."""

from __future__ import annotations

import pytest

from brief.parsers import load
from conftest import SAMPLES


@pytest.mark.skipif(not SAMPLES.exists(), reason="shared samples not present")
def test_user_sample_four_entries_and_merged_people() -> None:
    briefing = load([str(SAMPLES / "europe-live-2025-09-05.txt")])
    assert [e.seen for e in briefing.entries] == [2, 1, 1, 1]
    actors = {a.name: a for a in briefing.actors}
    assert set(actors["Vladimir Putin"].aliases) >= {"Putin", "the Russian president"}
    assert "Zelenskyy" in actors["Volodymyr Zelenskyy"].aliases
    assert "Trump" in actors["Donald Trump"].aliases
    assert "Fico" in actors["Robert Fico"].aliases
    people = [a.name for a in briefing.actors if a.kind == "person"]
    for surname in ("Putin", "Zelenskyy", "Trump", "Fico", "Rutte"):
        assert sum(1 for p in people if p.split()[-1] == surname) == 1, surname
    for word in ("Meanwhile", "Expect", "Limiting", "Key events", "Telegram", "Friday", "Good"):
        assert word not in actors
    assert {"Security guarantees", "Russian oil"} <= {t.name for t in briefing.topics}
