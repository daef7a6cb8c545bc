#!/usr/bin/env python3
"""The reader on a large library, whole-process and interactive, as the README's Speed
section reports it: first frame, all counts shown, `j` latency, peak RSS.

    python3 benches/reader_at_scale.py corpus DIR [N]      # N articles (default 100,000)
    python3 benches/reader_at_scale.py run BINARY DIR SECONDS [--fresh] [--search] [--burst]

`corpus` writes N articles into DIR/one/, cycling the PolNeAR texts of ../shared/eval (read
in place; each copy ends with a line of its own, so every article has its own content id).
`run` starts BINARY on DIR in tmux at 160x45 with a state and cache dir of its own
(`--fresh`: emptied first, so nothing is cached; `SCALE_STATE=DIR` keeps it between runs,
for a second start), presses `j` every 0.2 s and times each
answer by polling `capture-pane` until the screen changes; `--search` opens `F` once at
start (so the search index is built); `--burst` sends eight `j`s at once after the counts
and times how long the screen takes to settle; `--quiet` presses nothing until the counts
are shown and polls every 5 ms (the second-start figure). Figures move with the machine's load:
compare builds by alternating them in one session.
"""
import glob
import os
import shutil
import subprocess
import sys
import time

EVAL = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "shared", "eval")


def corpus(dest, n):
    sources = sorted(glob.glob(os.path.join(EVAL, "polnear-*", "*.txt")))
    if not sources:
        sys.exit(f"no PolNeAR texts under {EVAL}")
    texts = [open(p, encoding="utf-8").read() for p in sources]
    os.makedirs(os.path.join(dest, "one"), exist_ok=True)
    total = 0
    for i in range(n):
        name = os.path.basename(sources[i % len(sources)])
        text = texts[i % len(texts)] + f"\nFile {i:06d}.\n"
        with open(os.path.join(dest, "one", f"{i:06d}_{name}"), "w", encoding="utf-8") as f:
            f.write(text)
        total += len(text.encode())
    print(f"{n} articles, {total} bytes, in {dest}/one")


def run(binary, library, seconds, fresh, search, burst, quiet=False):
    sock = f"sayso-scale-{os.getpid()}"
    state = os.environ.get("SCALE_STATE", f"/tmp/{sock}-state")
    if fresh:
        shutil.rmtree(state, ignore_errors=True)
    os.makedirs(state, exist_ok=True)

    def tmux(*args):
        return subprocess.run(["tmux", "-L", sock, *args], capture_output=True, text=True).stdout

    def screen(escapes=False):
        return tmux("capture-pane", "-p", *(["-e"] if escapes else []), "-t", "m")

    command = f"XDG_STATE_HOME={state}/state XDG_CACHE_HOME={state}/cache {binary} {library}"
    t0 = time.monotonic()
    tmux("new-session", "-d", "-x", "160", "-y", "45", "-s", "m", command)
    while "Library" not in screen():
        time.sleep(0.003)
    first = time.monotonic() - t0
    pid = None
    for _ in range(200):
        found = subprocess.run(["pgrep", "-f", f"^{binary} {library}"], capture_output=True,
                               text=True).stdout.split()
        if found:
            pid = found[0]
            break
        time.sleep(0.01)

    def memory():
        try:
            with open(f"/proc/{pid}/status") as f:
                fields = dict(line.split(":", 1) for line in f)
            return int(fields["VmHWM"].split()[0]) // 1024
        except (OSError, KeyError, ValueError):
            return None

    if search:
        for key in ["F", "Escape", "Escape"]:
            time.sleep(0.3)
            tmux("send-keys", "-t", "m", key)
    counts, peak_at_counts = None, None
    before, after = [], []
    if quiet:
        # No keys until every count is shown: the time to the counts, polled every 5 ms.
        while counts is None and time.monotonic() - t0 < seconds:
            shown = screen()
            status = shown.strip().splitlines()[-1] if shown.strip() else ""
            if "Library" in shown and "extracting" not in status and "reading" not in status:
                counts, peak_at_counts = time.monotonic() - t0, memory()
            time.sleep(0.005)
    end = time.monotonic() + seconds
    while time.monotonic() < end:
        shown = screen(True)
        status = shown.strip().splitlines()[-1] if shown.strip() else ""
        if counts is None and "extracting" not in status and "reading" not in status:
            counts, peak_at_counts = time.monotonic() - t0, memory()
        t = time.monotonic()
        if burst and counts is not None:
            tmux("send-keys", "-t", "m", "jjjjjjjj")
            last, settled = screen(True), time.monotonic()
            while time.monotonic() - settled < 0.06 and time.monotonic() - t < 3:
                now = screen(True)
                if now != last:
                    last, settled = now, time.monotonic()
            after.append((settled - t) * 1000)
            time.sleep(0.5)
            continue
        tmux("send-keys", "-t", "m", "j")
        while screen(True) == shown and time.monotonic() - t < 2:
            pass
        (before if counts is None else after).append((time.monotonic() - t) * 1000)
        time.sleep(0.2)
    peak = memory()
    tmux("send-keys", "-t", "m", "q")
    time.sleep(1)
    tmux("kill-server")

    def spread(ms):
        if not ms:
            return "-"
        ms = sorted(ms)
        return (f"n={len(ms)} median={ms[len(ms) // 2]:.0f} p95={ms[int(len(ms) * 0.95)]:.0f} "
                f"worst={ms[-1]:.0f} ms")

    shown_counts = "not within the run" if counts is None else f"{counts:.1f} s"
    print(f"first frame {first:.3f} s; all counts {shown_counts}; j before the counts "
          f"{spread(before)}; after {spread(after)}; peak RSS at the counts "
          f"{peak_at_counts} MB, at the end {peak} MB")


if __name__ == "__main__":
    args = sys.argv[1:]
    if len(args) >= 2 and args[0] == "corpus":
        corpus(args[1], int(args[2]) if len(args) > 2 else 100_000)
    elif len(args) >= 4 and args[0] == "run":
        flags = set(args[4:])
        run(args[1], args[2], float(args[3]), "--fresh" in flags, "--search" in flags,
            "--burst" in flags, "--quiet" in flags)
    else:
        sys.exit(__doc__)
