"""Themes (bundled and the user's) and the keymap: loaded, validated, reported."""

from __future__ import annotations

from pathlib import Path

from brief.tui.keymap import check_keymap, valid_key
from brief.tui.themes import load_themes


def test_themes_bundled_and_user_with_bad_file(tmp_path: Path) -> None:
    (tmp_path / "mine.yaml").write_text("name: mine\nprimary: '#123456'\nbackground: '#000000'\n")
    (tmp_path / "bad.yaml").write_text("name: bad\nprimary: not-a-colour\n")
    result = load_themes(tmp_path)
    names = {t.name for t in result.loaded}
    assert {"brief-dark", "brief-light", "brief-contrast", "brief-ansi", "mine"} <= names
    assert len(result.failed) == 1 and "bad.yaml: primary: not a colour" in result.failed[0]


def test_keymap_validation() -> None:
    assert valid_key("ctrl+n") and valid_key("question_mark") and valid_key("slash") and not valid_key("hyperdrive")
    checked = check_keymap({"cursor.down": "ctrl+n", "app.quit": "j"})
    assert checked.keymap == {"cursor.down": "ctrl+n", "app.quit": "j"}  # j was freed by cursor.down
    assert checked.problems == ()
    clash = check_keymap({"app.quit": "k"})
    assert clash.keymap == {} and "already bound to cursor.up" in clash.problems[0]
