"""Delay from a write to a watched briefing to the new post on screen, in a real pseudo-terminal.

`python bench/live_delay.py --entries 1000 100000 --runs 10` generates each corpus (bench/generate.py),
adds a live blog file to its folder, opens `brief FOLDER` at 80x24 (warm cache), then appends a
post with a new headline to the live file `runs` times and times each until the headline is
drawn on the emulated screen (pyte). Prints the median and range per size; the baseline is the same run's time for a key
press to be drawn (`j`, the cursor moving; `g` then takes it back to the top), which bounds what the terminal itself costs.
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from generate import generate  # noqa: E402
from run import ENTRIES_MARKER, Terminal  # noqa: E402

try:
    import pyte  # a terminal emulator: `pip install pyte` (for this benchmark only)
except ImportError:  # pragma: no cover
    sys.exit("bench/live_delay.py needs pyte: pip install pyte")

LIVE_HEAD = "Harbour live\nMonday, 1 January 2035\n\n"


def post(number: int) -> str:
    return (
        f"{10 + number // 60:02d}.{number % 60:02d} GMT\nHarbour pilots report {number} new berths\n"
        f"The harbour authority said {number} berths would open to ferries before the weekend.\n\n"
    )


def measure(folder: Path, runs: int, env: dict[str, str]) -> tuple[list[float], list[float]]:
    live = folder / "zz-live.txt"
    live.write_text(LIVE_HEAD + post(0), encoding="utf-8")
    argv = [sys.executable, "-m", "brief.tui.cli", str(folder)]
    warm = Terminal(argv, env, (80, 24))  # fills the parse and briefing caches
    warm.wait_for(ENTRIES_MARKER, timeout=600)
    warm.quiet(3.0, limit=600)
    warm.close()
    terminal = Terminal(argv, env, (80, 24))
    delays: list[float] = []
    keys: list[float] = []
    # The screen as the terminal shows it: Textual redraws only the cells that change.
    screen = pyte.Screen(80, 24)
    stream = pyte.Stream(screen)
    try:
        terminal.wait_for(ENTRIES_MARKER, timeout=600)
        deadline = time.perf_counter() + 600
        while time.perf_counter() < deadline:  # the whole briefing in, not just its first screen
            terminal.quiet(1.0, limit=600)
            stream.feed(terminal.buffer.decode("utf-8", "replace"))
            terminal.buffer = b""
            if not any("Loading" in line for line in screen.display):
                break
        terminal.quiet(3.0, limit=600)  # what is new since the last look is worked out, then watched
        for number in range(1, runs + 1):
            start = time.perf_counter()
            terminal.bytes_for(b"j", window=0.0)
            while not terminal.read(0.01):
                pass
            keys.append(time.perf_counter() - start)
            terminal.quiet(0.5)
            terminal.bytes_for(b"g", window=0.3)  # back to the top row, where new posts are drawn
            terminal.quiet(0.3)
            wanted = f"Harbour pilots report {number} new"
            stream.feed(terminal.buffer.decode("utf-8", "replace"))
            terminal.buffer = b""
            with live.open("a", encoding="utf-8") as handle:
                handle.write(post(number))
            start = time.perf_counter()
            while not any(wanted in line for line in screen.display):
                data = terminal.read(0.01)
                if data:
                    stream.feed(terminal.buffer.decode("utf-8", "replace"))
                    terminal.buffer = b""
                if time.perf_counter() - start > 60:
                    print("\n".join(screen.display), file=sys.stderr)
                    raise TimeoutError("the new post never appeared")
            delays.append(time.perf_counter() - start)
            terminal.quiet(1.5, limit=120)  # the full load after a change, where there is one
    finally:
        terminal.close()
    return delays, keys


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--entries", type=int, nargs="+", default=[1000, 100_000])
    parser.add_argument("--runs", type=int, default=10)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="brief-live-") as work:
        env = dict(os.environ, TERM="xterm-256color", COLORTERM="truecolor")
        for name in ("XDG_CONFIG_HOME", "XDG_STATE_HOME", "XDG_CACHE_HOME"):
            env[name] = str(Path(work) / name.lower())
        for size in args.entries:
            folder = Path(work) / f"corpus-{size}"
            generate(folder, size)
            delays, keys = measure(folder, args.runs, env)
            print(
                f"{size:>7} entries: write to screen median {statistics.median(delays):.3f} s "
                f"(range {min(delays):.3f}-{max(delays):.3f}, {len(delays)} writes); "
                f"key press to screen median {statistics.median(keys) * 1000:.0f} ms"
            )


if __name__ == "__main__":
    main()
