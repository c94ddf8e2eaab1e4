#!/usr/bin/env python3
"""Bytes on the wire: runs `brief` and `less` in a pseudo-terminal at 100x30 on the same
document, sends the same 50 line scrolls and 20 page-downs, and prints the bytes each wrote
per key and the ratio (what an SSH link would carry). Also checks that an idle `brief` writes
nothing and uses no CPU.

    scripts/compare_redraw.py                      # the bundled briefing
    scripts/compare_redraw.py path/to/briefing.md  # another document
"""
import os
import pathlib
import pty
import select
import signal
import struct
import subprocess
import sys
import tempfile
import termios
import fcntl
import time

ROOT = pathlib.Path(__file__).resolve().parent.parent
COLS, ROWS = 100, 30
QUIET = 0.15  # seconds without output that end a key's answer


def spawn(argv, env):
    pid, fd = pty.fork()
    if pid == 0:
        os.execvpe(argv[0], argv, env)
    fcntl.ioctl(fd, termios.TIOCSWINSZ, struct.pack("HHHH", ROWS, COLS, 0, 0))
    os.kill(pid, signal.SIGWINCH)
    return pid, fd


def drain(fd, quiet=QUIET, limit=10.0):
    """Reads until nothing arrives for `quiet` seconds; returns the bytes read."""
    out = b""
    start = time.time()
    while time.time() - start < limit:
        ready, _, _ = select.select([fd], [], [], quiet)
        if not ready:
            break
        try:
            chunk = os.read(fd, 65536)
        except OSError:
            break
        if not chunk:
            break
        out += chunk
    return out


def measure(argv, env, line_key, page_key, setup=b""):
    pid, fd = spawn(argv, env)
    drain(fd, quiet=1.0)  # the first screen
    if setup:
        os.write(fd, setup)
        drain(fd, quiet=0.5)
    lines = pages = 0
    for _ in range(50):
        os.write(fd, line_key)
        lines += len(drain(fd))
    for _ in range(20):
        os.write(fd, page_key)
        pages += len(drain(fd))
    idle = None
    if argv[0].endswith("brief"):
        before = cpu_ticks(pid)
        quiet = drain(fd, quiet=10.0, limit=10.0)
        idle = (len(quiet), cpu_ticks(pid) - before)
    quit(pid, fd)
    return lines / 50, pages / 20, idle


def quit(pid, fd):
    """Presses q, stops the process if that did not, and returns its resource usage."""
    os.write(fd, b"q")
    drain(fd, quiet=0.5)
    try:
        os.kill(pid, signal.SIGTERM)
    except ProcessLookupError:
        pass
    return os.wait4(pid, 0)[2]


def cpu_ticks(pid):
    fields = open(f"/proc/{pid}/stat").read().rsplit(")", 1)[1].split()
    return int(fields[11]) + int(fields[12])  # utime + stime, in clock ticks


def main():
    doc = sys.argv[1] if len(sys.argv) > 1 else str(ROOT / "seeds" / "sco-heads-of-government-communique-2025.md")
    subprocess.run(["cargo", "build", "--release", "-q"], cwd=ROOT, check=True)
    brief = str(ROOT / "target" / "release" / "brief")
    with tempfile.TemporaryDirectory() as data:
        env = dict(os.environ, TERM="xterm-256color", BRIEF_DATA_DIR=data, LANG="C.UTF-8", LC_ALL="C.UTF-8")
        env.pop("NO_COLOR", None)
        b_line, b_page, idle = measure([brief, doc], env, b"j", b" ")
        t_line, t_page, _ = measure([brief, doc], env, b"j", b" ", setup=b"t")
        l_line, l_page, _ = measure(["less", doc], env, b"j", b" ")
    print(f"document: {doc} at {COLS}x{ROWS}; bytes per key, and brief / less")
    print(f"{'':12} {'brief':>8} {'brief, text only':>17} {'less':>8} {'ratio':>7} {'text only':>10}")
    for name, b, t, l in [("line scroll", b_line, t_line, l_line), ("page down", b_page, t_page, l_page)]:
        print(f"{name:12} {b:8.0f} {t:17.0f} {l:8.0f} {b / l:7.2f} {t / l:10.2f}")
    print("(brief shows its outline beside the text; `t` hides it, which is what less shows)")
    print(f"idle brief, 10 s: {idle[0]} bytes written, {idle[1]} CPU ticks ({os.sysconf('SC_CLK_TCK')} a second)")


if __name__ == "__main__":
    main()
