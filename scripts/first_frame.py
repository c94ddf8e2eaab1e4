#!/usr/bin/env python3
"""Time to the first frame of `brief` on a library in a pseudo-terminal at 100x30; best of
three. (When a library is read, the status line then says how long reading all of it took:
"Read 1000 documents in 1.0 s".)

    scripts/make_corpus.py --mb 100 --files 1000 --out /tmp/brief-lib
    scripts/first_frame.py /tmp/brief-lib             # a folder
    scripts/first_frame.py seeds/*.md                  # or files
"""
import os
import pathlib
import subprocess
import sys
import tempfile
import time

sys.path.insert(0, str(pathlib.Path(__file__).resolve().parent))
from compare_redraw import ROOT, quit, spawn  # noqa: E402
import select  # noqa: E402


def run_once(argv, env):
    start = time.perf_counter()
    pid, fd = spawn(argv, env)
    seen = b""
    first = None
    while time.perf_counter() - start < 60 and first is None:
        ready, _, _ = select.select([fd], [], [], 0.05)
        if ready:
            try:
                seen += os.read(fd, 65536)
            except OSError:
                break
            if b"help" in seen:
                first = time.perf_counter() - start
    quit(pid, fd)
    return first


def main():
    targets = sys.argv[1:] or [str(ROOT / "seeds" / "sco-heads-of-government-communique-2025.md")]
    subprocess.run(["cargo", "build", "--release", "-q"], cwd=ROOT, check=True)
    brief = str(ROOT / "target" / "release" / "brief")
    with tempfile.TemporaryDirectory() as data:
        env = dict(os.environ, TERM="xterm-256color", BRIEF_DATA_DIR=data, LANG="C.UTF-8")
        runs = [run_once([brief, *targets], env) for _ in range(3)]
    first = min(r for r in runs if r is not None)
    print(f"{' '.join(targets)}: first frame {first * 1000:.0f} ms (best of 3)")


if __name__ == "__main__":
    main()
