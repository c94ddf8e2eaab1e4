#!/usr/bin/env python3
"""Key to last byte written, for several programs alive side by side on one document: each
runs on a pseudo-terminal of 100x30; a key is sent to each in turn, GAP seconds apart, and
the time from sending it to the last byte of the answer (20 ms of quiet ends it) is kept.
Medians and quartiles; many keys, so finer than `../shared/bench/scroll_bytes.py` (which
starts each program afresh and prints tenths of a millisecond).

    scripts/key_latency.py FILE KEY N NAME=COMMAND...
    GAP=0.03 scripts/key_latency.py /tmp/briefbench/corpus_1M.md j 200 less=less \\
        "brief=env BRIEF_DATA_DIR=/tmp/hidden target/release/brief"

KEY is `j`, `k` or `pgdn`. COMMAND is split on spaces and given FILE last. A data directory
in which the outline was hidden once keeps brief's outline hidden, as `less` shows a file.
SETUP keys are sent to each program once it is up (`SETUP== ` unfolds brief's whole
outline), and WAIT seconds of quiet (default 1.5) mean it is up: a long briefing is
still read in the background after its first screen.
"""
import fcntl
import os
import pty
import select
import signal
import statistics
import struct
import sys
import termios
import time

KEYS = {"j": b"j", "k": b"k", "pgdn": b"\x1b[6~"}


def start(command, path):
    pid, fd = pty.fork()
    if pid == 0:
        fcntl.ioctl(0, termios.TIOCSWINSZ, struct.pack("HHHH", 30, 100, 0, 0))
        os.environ.update({"TERM": "xterm-256color", "LANG": "C.UTF-8",
                           "LC_ALL": "C.UTF-8", "COLORTERM": "truecolor"})
        words = command.split() + [path]
        os.execvp(words[0], words)
    return pid, fd


def drain(fd, quiet, first=None):
    """Reads until QUIET s pass without output (FIRST s for the first output, so that a
    slow answer is waited for); the time of the last read (None: none)."""
    last = None
    while True:
        ready, _, _ = select.select([fd], [], [], quiet if last or first is None else first)
        if not ready:
            return last
        try:
            data = os.read(fd, 65536)
        except OSError:
            return last
        # Answer the start-up queries a terminal would.
        if b"\x1b[6n" in data:
            os.write(fd, b"\x1b[1;1R")
        if b"\x1b[c" in data:
            os.write(fd, b"\x1b[?62c")
        last = time.perf_counter()


def main():
    path, key, n = sys.argv[1], KEYS[sys.argv[2]], int(sys.argv[3])
    gap = float(os.environ.get("GAP", "0.03"))
    programs = [a.split("=", 1) for a in sys.argv[4:]]
    wait = float(os.environ.get("WAIT", "1.5"))
    setup = os.environ.get("SETUP", "").encode()
    running = {name: start(command, path) for name, command in programs}
    for _, fd in running.values():
        drain(fd, wait)
        if setup:
            os.write(fd, setup)
            drain(fd, wait)
    times = {name: [] for name in running}
    try:
        for _ in range(n):
            for name, (_, fd) in running.items():
                time.sleep(gap)
                sent = time.perf_counter()
                os.write(fd, key)
                last = drain(fd, 0.02, first=2.0)
                if last:
                    times[name].append((last - sent) * 1000)
    finally:
        for pid, _ in running.values():
            os.kill(pid, signal.SIGTERM)
    for name, values in times.items():
        values.sort()
        q = len(values) // 4
        print("%-8s n=%d  median %.3f ms  quartiles %.3f-%.3f" % (
            name, len(values), statistics.median(values), values[q], values[3 * q]))


if __name__ == "__main__":
    main()
