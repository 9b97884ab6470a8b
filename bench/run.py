"""Brief's benchmark: `python bench/run.py` (add --quick for a smaller, faster run).

Measures, each as the median of several runs, and prints a table and bench/results/latest.json:
  1. cold ingest (parse + dedup + actors + topics, no cache) and peak memory at 1k/10k/100k
     entries, and the growth factor 10k -> 100k;
  2. warm start: time to the first painted screen with entries, in a real pseudo-terminal,
     against a minimal Textual app measured in the same run;
  3. filter latency at 100k: a facet and each keystroke of a search (p50, p95), in the app;
  4. bytes written to the terminal for one cursor move at 80x24;
  5. a 10k-item RSS feed ingested cold, beside newsboat's reload of it (skipped without newsboat;
     install it with `apt-get install newsboat`).
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import fcntl
import json
import os
import platform
import pty
import re
import select
import shutil
import signal
import statistics
import struct
import subprocess
import sys
import tempfile
import termios
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from generate import generate, write_feed  # noqa: E402

ENTRIES_MARKER = re.compile(rb"[1-9]\d* of [1-9]\d* entries")
BASELINE_MARKER = re.compile(rb"baseline ready")


def median(values: list[float]) -> float:
    return statistics.median(values) if values else float("nan")


def percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(share * (len(ordered) - 1)))]


# ---- 1. cold ingest ------------------------------------------------------------------------------
INGEST = """
import json, resource, sys, time
from brief.parsers import load
start = time.perf_counter()
briefing = load(sys.argv[1:])
elapsed = time.perf_counter() - start
peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
helper = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024  # the helper process, if any
print(json.dumps({"seconds": elapsed, "peak_mb": peak, "helper_peak_mb": helper, "entries": len(briefing.entries)}))
"""


def _rss_mb(pid: int) -> float:
    """Resident memory of a process and its children (the helper), from /proc; 0 if gone."""
    total = 0.0
    try:
        with open(f"/proc/{pid}/status") as status:
            total += next(int(line.split()[1]) for line in status if line.startswith("VmRSS")) / 1024
        with open(f"/proc/{pid}/task/{pid}/children") as children:
            total += sum(_rss_mb(int(child)) for child in children.read().split())
    except (OSError, StopIteration, ValueError):
        pass
    return total


def cold_ingest(paths: list[str], runs: int) -> dict[str, float]:
    """Median time and peaks: the process's own, the helper's, and both together (sampled)."""
    results = []
    for _ in range(runs):
        process = subprocess.Popen([sys.executable, "-c", INGEST, *paths], stdout=subprocess.PIPE, text=True)
        together = 0.0
        while process.poll() is None:
            together = max(together, _rss_mb(process.pid))
            time.sleep(0.02)
        out, _ = process.communicate()
        if process.returncode:
            raise RuntimeError(f"ingest failed: {process.returncode}")
        results.append(dict(json.loads(out), together_mb=together))
    return {
        "seconds": median([r["seconds"] for r in results]),
        "peak_mb": median([r["peak_mb"] for r in results]),
        "helper_peak_mb": median([r["helper_peak_mb"] for r in results]),
        "together_peak_mb": median([r["together_mb"] for r in results]),
        "entries": results[0]["entries"],
    }


WARM_UP = """
import sys
from brief.parsers import load
from brief.parsers.cache import ParseCache
from brief.tui.paths import cache_dir
from brief.tui.settings import load_settings
cache = ParseCache(cache_dir() / "cache.db")
load(sys.argv[1:], load_settings().parse, cache=cache)
cache.close()
"""


# ---- pseudo-terminal helpers ---------------------------------------------------------------------
class Terminal:
    """A program running in a pseudo-terminal of a given size; we read what it writes."""

    def __init__(self, argv: list[str], env: dict[str, str], size: tuple[int, int]) -> None:
        self.master, slave = pty.openpty()
        cols, rows = size
        fcntl.ioctl(slave, termios.TIOCSWINSZ, struct.pack("HHHH", rows, cols, 0, 0))
        self.start = time.perf_counter()
        self.proc = subprocess.Popen(argv, stdin=slave, stdout=slave, stderr=slave, env=env, start_new_session=True)
        os.close(slave)
        self.buffer = b""

    def read(self, timeout: float) -> bytes:
        ready, _, _ = select.select([self.master], [], [], timeout)
        if not ready:
            return b""
        try:
            data = os.read(self.master, 1 << 16)
        except OSError:
            return b""
        self.buffer += data
        return data

    def wait_for(self, marker: re.Pattern[bytes], timeout: float = 60) -> float:
        while time.perf_counter() - self.start < timeout:
            self.read(0.02)
            if marker.search(self.buffer):
                return time.perf_counter() - self.start
        raise TimeoutError(f"no {marker.pattern!r} within {timeout}s")

    def quiet(self, seconds: float, limit: float = 120) -> None:
        """Read until nothing is written for ``seconds`` (the app has settled)."""
        deadline = time.perf_counter() + limit
        last = time.perf_counter()
        while time.perf_counter() < deadline:
            if self.read(0.05):
                last = time.perf_counter()
            elif time.perf_counter() - last >= seconds:
                return

    def bytes_for(self, keys: bytes, window: float = 0.4) -> int:
        os.write(self.master, keys)
        total = 0
        end = time.perf_counter() + window
        while time.perf_counter() < end:
            total += len(self.read(0.02))
        return total

    def close(self) -> None:
        with contextlib.suppress(ProcessLookupError):
            os.killpg(self.proc.pid, signal.SIGTERM)
        try:
            self.proc.wait(timeout=5)
        except subprocess.TimeoutExpired:
            os.killpg(self.proc.pid, signal.SIGKILL)
        os.close(self.master)


def first_paint(argv: list[str], env: dict[str, str], marker: re.Pattern[bytes], runs: int) -> float:
    times = []
    for _ in range(runs):
        terminal = Terminal(argv, env, (80, 24))
        try:
            times.append(terminal.wait_for(marker))
        finally:
            terminal.close()
    return median(times)


def cold_first_paint(argv: list[str], env: dict[str, str], runs: int) -> float:
    """Time to the first screen with entries when nothing is cached (a fresh cache each run)."""
    times = []
    for _ in range(runs):
        with tempfile.TemporaryDirectory(prefix="brief-cold-") as fresh:
            terminal = Terminal(argv, dict(env, XDG_CACHE_HOME=fresh), (80, 24))
            try:
                times.append(terminal.wait_for(ENTRIES_MARKER, timeout=300))
            finally:
                terminal.close()
    return median(times)


def cursor_bytes(argv: list[str], env: dict[str, str], moves: int = 7) -> float:
    terminal = Terminal(argv, env, (80, 24))
    try:
        terminal.wait_for(ENTRIES_MARKER)
        terminal.quiet(1.5)
        counts = [terminal.bytes_for(b"j") for _ in range(moves)]
    finally:
        terminal.close()
    return median([float(c) for c in counts])


# ---- 3. filter latency -----------------------------------------------------------------------------
async def filter_latency(paths: list[str]) -> dict[str, float]:
    from dataclasses import replace

    from brief.parsers import load
    from brief.parsers.cache import ParseCache
    from brief.tui.app import BriefApp, MainScreen
    from brief.tui.filters import BriefingIndex
    from brief.tui.paths import cache_dir
    from brief.tui.settings import load_settings
    from brief.tui.store import MarkStore

    settings = load_settings()
    briefing = load(paths, settings.parse, cache=ParseCache(cache_dir() / "cache.db"))
    app = BriefApp(paths, settings, briefing=briefing, store=MarkStore(None))
    facet_times: list[float] = []
    search_times: list[float] = []
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        await app.workers.wait_for_complete()  # the search signatures, built off the UI thread
        main = app.screen
        assert isinstance(main, MainScreen)
        for actor in [a.name for a in briefing.actors[:10]]:
            for toggle in (True, False):
                main.filter = main.filter.toggle_actor(actor)
                start = time.perf_counter()
                main.refilter()
                facet_times.append(time.perf_counter() - start)
                del toggle
        for word in ("minister", "security", "storage", "pipeline"):
            for cut in range(1, len(word) + 1):
                main.filter = replace(main.filter, query=word[:cut])
                start = time.perf_counter()
                main.refilter()
                search_times.append(time.perf_counter() - start)
            main.filter = replace(main.filter, query="")
            main.refilter()
    start = time.perf_counter()
    BriefingIndex(briefing).build_search()
    signatures = time.perf_counter() - start
    return {
        "signatures_s": signatures,
        "facet_p50_ms": 1000 * percentile(facet_times, 0.5),
        "facet_p95_ms": 1000 * percentile(facet_times, 0.95),
        "search_p50_ms": 1000 * percentile(search_times, 0.5),
        "search_p95_ms": 1000 * percentile(search_times, 0.95),
        "entries": len(briefing.entries),
    }


# ---- 5. newsboat ---------------------------------------------------------------------------------
def newsboat_reload(feed: Path, runs: int) -> float | None:
    if shutil.which("newsboat") is None:
        return None
    times = []
    for _ in range(runs):
        with tempfile.TemporaryDirectory() as folder:
            urls = Path(folder) / "urls"
            urls.write_text(f"file://{feed}\n")
            start = time.perf_counter()
            subprocess.run(
                ["newsboat", "-u", str(urls), "-c", str(Path(folder) / "cache.db"), "-C", "/dev/null", "-x", "reload"],
                check=True, capture_output=True,
            )  # fmt: skip
            times.append(time.perf_counter() - start)
    return median(times)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--quick", action="store_true", help="1k and 10k only, fewer runs")
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    runs = 2 if args.quick else args.runs
    sizes = [1_000, 10_000] if args.quick else [1_000, 10_000, 100_000]
    work = Path(tempfile.mkdtemp(prefix="brief-bench-"))
    env = dict(os.environ, TERM="xterm-256color", XDG_CACHE_HOME=str(work / "cache"), XDG_STATE_HOME=str(work / "state"),
               XDG_CONFIG_HOME=str(work / "config"), COLUMNS="80", LINES="24")  # fmt: skip
    os.environ.update({k: env[k] for k in ("XDG_CACHE_HOME", "XDG_STATE_HOME", "XDG_CONFIG_HOME")})
    results: dict[str, object] = {
        "machine": f"{platform.machine()}, {os.cpu_count()} cores, Python {platform.python_version()}, {platform.system()}",
    }
    ingest: dict[str, dict[str, float]] = {}
    for size in sizes:
        folder = work / f"corpus-{size}"
        generate(folder, size)
        ingest[str(size)] = cold_ingest([str(folder)], runs if size < 100_000 else max(1, runs - 1))
        print(f"cold ingest {size}: {ingest[str(size)]}", flush=True)
    results["cold_ingest"] = ingest
    if "100000" in ingest:
        results["growth_10k_to_100k"] = ingest["100000"]["seconds"] / ingest["10000"]["seconds"]
    # The long-entry corpus (generate.py --long): 200-300-word entries from a small stock of
    # names and phrases, where what the text shares makes deduplication and extraction work.
    long_ingest: dict[str, dict[str, float]] = {}
    for size in sizes[1:]:
        folder = work / f"long-{size}"
        generate(folder, size, long=True)
        long_ingest[str(size)] = cold_ingest([str(folder)], runs if size < 100_000 else max(1, runs - 1))
        print(f"cold ingest {size} long entries: {long_ingest[str(size)]}", flush=True)
        shutil.rmtree(folder, ignore_errors=True)
    results["cold_ingest_long"] = long_ingest
    if "100000" in long_ingest:
        results["growth_long_10k_to_100k"] = long_ingest["100000"]["seconds"] / long_ingest["10000"]["seconds"]

    biggest = work / f"corpus-{sizes[-1]}"
    brief = [sys.executable, "-m", "brief.tui.cli", str(biggest)]
    baseline = [sys.executable, str(HERE / "baseline_app.py")]
    # Warm the cache exactly as the reader would (same settings, same cache file), then measure
    # warm starts against the baseline. (Not through the reader itself: a big cold load paints
    # its parsed entries first, and quitting then would leave nothing cached.)
    subprocess.run([sys.executable, "-c", WARM_UP, str(biggest)], env=env, check=True)
    base = first_paint(baseline, env, BASELINE_MARKER, runs + 2)
    warm = first_paint(brief, env, ENTRIES_MARKER, runs + 2)
    results["first_paint"] = {"baseline_s": base, "brief_warm_s": warm, "ratio": warm / base, "entries": sizes[-1]}
    print(f"first paint: {results['first_paint']}", flush=True)
    results["cursor_move_bytes_80x24"] = cursor_bytes(brief, env)
    print(f"cursor move bytes: {results['cursor_move_bytes_80x24']}", flush=True)
    results["filter"] = asyncio.run(filter_latency([str(biggest)]))
    print(f"filter: {results['filter']}", flush=True)

    feed = write_feed(work / "feed-10k.xml", 10_000)
    ours = cold_ingest([str(feed)], runs)
    theirs = newsboat_reload(feed, runs)
    screen = cold_first_paint([sys.executable, "-m", "brief.tui.cli", str(feed)], env, runs)
    results["rss_10k"] = {
        "brief_s": ours["seconds"],
        "brief_first_screen_s": screen,
        "newsboat_s": theirs,
        "ratio": (ours["seconds"] / theirs) if theirs else None,
        "note": None if theirs else "newsboat not installed: apt-get install newsboat",
    }
    print(f"rss: {results['rss_10k']}", flush=True)
    # The same comparison on a feed of the long-entry corpus's entries (200-300 words each).
    long_feed = write_feed(work / "feed-10k-long.xml", 10_000, long=True)
    ours_long = cold_ingest([str(long_feed)], runs)
    theirs_long = newsboat_reload(long_feed, runs)
    results["rss_10k_long"] = {
        "brief_s": ours_long["seconds"],
        "newsboat_s": theirs_long,
        "ratio": (ours_long["seconds"] / theirs_long) if theirs_long else None,
    }
    print(f"rss, long entries: {results['rss_10k_long']}", flush=True)

    out = HERE / "results"
    out.mkdir(exist_ok=True)
    (out / "latest.json").write_text(json.dumps(results, indent=2))
    print_table(results)
    shutil.rmtree(work, ignore_errors=True)


def print_table(results: dict[str, object]) -> None:
    ingest = results["cold_ingest"]
    assert isinstance(ingest, dict)
    print("\n| measure | figure |\n|---|---|")
    for size, row in ingest.items():
        helper = f" (with its helper process: {row['together_peak_mb']:.0f} MB)" if row.get("helper_peak_mb", 0) > 1 else ""
        print(f"| cold ingest {int(size):,} entries | {row['seconds']:.2f} s, peak {row['peak_mb']:.0f} MB{helper}, {row['entries']:,} entries after dedup |")
    if "growth_10k_to_100k" in results:
        print(f"| growth 10k → 100k | {results['growth_10k_to_100k']:.1f}× |")
    for size, row in dict(results.get("cold_ingest_long") or {}).items():
        print(f"| cold ingest {int(size):,} long entries | {row['seconds']:.2f} s, peak {row['peak_mb']:.0f} MB (with its helper: {row.get('together_peak_mb', row['peak_mb']):.0f} MB), {row['entries']:,} entries after dedup |")
    if "growth_long_10k_to_100k" in results:
        print(f"| growth 10k → 100k, long entries | {results['growth_long_10k_to_100k']:.1f}× |")
    paint = results["first_paint"]
    assert isinstance(paint, dict)
    print(f"| warm first paint, {paint['entries']:,} entries | {paint['brief_warm_s']:.3f} s = {paint['ratio']:.2f}× minimal Textual app ({paint['baseline_s']:.3f} s) |")
    flt = results["filter"]
    assert isinstance(flt, dict)
    print(f"| facet toggle at {flt['entries']:,} | p50 {flt['facet_p50_ms']:.1f} ms, p95 {flt['facet_p95_ms']:.1f} ms |")
    print(f"| search keystroke at {flt['entries']:,} | p50 {flt['search_p50_ms']:.1f} ms, p95 {flt['search_p95_ms']:.1f} ms (search signatures built in {flt['signatures_s']:.2f} s, off the UI thread) |")
    print(f"| cursor move at 80×24 | {results['cursor_move_bytes_80x24']:.0f} bytes |")
    rss = results["rss_10k"]
    assert isinstance(rss, dict)
    if rss["newsboat_s"]:
        print(f"| 10k-item RSS, cold | {rss['brief_s']:.2f} s = {rss['ratio']:.2f}× newsboat reload ({rss['newsboat_s']:.2f} s) |")
        print(f"| 10k-item RSS, cold, to the first screen of entries | {rss['brief_first_screen_s']:.2f} s = {rss['brief_first_screen_s'] / rss['newsboat_s']:.2f}× newsboat reload |")
    else:
        print(f"| 10k-item RSS, cold | {rss['brief_s']:.2f} s ({rss['note']}) |")
    long_rss = results.get("rss_10k_long")
    if isinstance(long_rss, dict) and long_rss["newsboat_s"]:
        print(f"| 10k-item RSS of long entries, cold | {long_rss['brief_s']:.2f} s = {long_rss['ratio']:.2f}× newsboat reload ({long_rss['newsboat_s']:.2f} s) |")


if __name__ == "__main__":
    main()
