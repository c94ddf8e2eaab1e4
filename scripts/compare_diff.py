#!/usr/bin/env python3
"""`brief diff --format json` against `git diff --no-index --word-diff` on the same edition
pairs, in one interleaved run: wall time (median of N rounds, and the median of the
per-round ratios; target ≤ 1.0).

    cargo build --release
    cargo run --release --example make_editions -- /tmp/brief-editions 3
    cargo run --release --example make_editions -- /tmp/brief-editions 10
    scripts/compare_diff.py /tmp/brief-editions ../shared/corpus/editions

Every pair `NAME.old.*` / `NAME.new.*` in the folders given is compared. Both tools exit 1
when the editions differ; that is not a failure.
"""
import os
import pathlib
import statistics
import subprocess
import sys
import time

ROOT = pathlib.Path(__file__).resolve().parent.parent
BRIEF = ROOT / "target" / "release" / "brief"
ROUNDS = int(os.environ.get("ROUNDS", "7"))


def pairs(folders):
    for folder in folders:
        folder = pathlib.Path(folder)
        if not folder.is_dir():
            print(f"(no folder {folder})", file=sys.stderr)
            continue
        for old in sorted(folder.glob("*.old.*")):
            new = old.with_name(old.name.replace(".old.", ".new."))
            if new.exists():
                yield old.name.split(".old.")[0], old, new


def timed(command):
    start = time.perf_counter()
    done = subprocess.run(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    took = time.perf_counter() - start
    if done.returncode not in (0, 1):
        sys.exit(f"{command[0]} failed ({done.returncode}): {' '.join(map(str, command))}")
    return took


def main():
    if not BRIEF.exists():
        sys.exit("build first: cargo build --release")
    folders = sys.argv[1:] or [ROOT.parent / "shared" / "corpus" / "editions"]
    print(f"{'pair':<42} {'size':>8} {'brief':>9} {'git diff':>9} {'ratio':>6}")
    for name, old, new in pairs(folders):
        brief = [str(BRIEF), "diff", "--format", "json", str(old), str(new)]
        git = ["git", "diff", "--no-index", "--word-diff", str(old), str(new)]
        ours, theirs, ratios = [], [], []
        for _ in range(ROUNDS):
            a, b = timed(brief), timed(git)
            ours.append(a)
            theirs.append(b)
            ratios.append(a / b)
        size = (old.stat().st_size + new.stat().st_size) / 1e6
        print(
            f"{name:<42} {size:>6.2f}MB {statistics.median(ours):>8.3f}s "
            f"{statistics.median(theirs):>8.3f}s {statistics.median(ratios):>6.2f}"
        )


if __name__ == "__main__":
    main()
