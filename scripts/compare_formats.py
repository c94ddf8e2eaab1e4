#!/usr/bin/env python3
"""`brief outline` against the standard converters on Word documents and PDFs, in one
interleaved run: wall time (median of N rounds, and the median of the per-round ratios)
and peak memory (GNU time's maximum resident set size).

    cargo build --release
    cargo run --release --example make_formats -- /tmp/brief-formats
    scripts/compare_formats.py /tmp/brief-formats ../shared/corpus/formats

Installs what it compares with when missing (Debian: poppler-utils for pdftotext, pandoc,
time). Every `.docx` found is compared with `pandoc -t plain`, every `.pdf` with `pdftotext`.
"""
import os
import pathlib
import shutil
import statistics
import subprocess
import sys
import time

ROOT = pathlib.Path(__file__).resolve().parent.parent
BRIEF = ROOT / "target" / "release" / "brief"
ROUNDS = int(os.environ.get("ROUNDS", "7"))


def ensure_tools():
    wanted = {"pdftotext": "poppler-utils", "pandoc": "pandoc", "/usr/bin/time": "time"}
    missing = [pkg for tool, pkg in wanted.items() if not shutil.which(tool)]
    if missing:
        subprocess.run(["apt-get", "install", "-y", "-q", *missing], check=True,
                       stdout=subprocess.DEVNULL)


def run(argv):
    """Wall seconds and peak RSS (KB) of one run, its output thrown away."""
    start = time.perf_counter()
    out = subprocess.run(["/usr/bin/time", "-f", "%M", *argv], stdout=subprocess.DEVNULL,
                         stderr=subprocess.PIPE, env={**os.environ, "BRIEF_DATA_DIR": "/tmp/brief-compare-data"})
    wall = time.perf_counter() - start
    if out.returncode != 0:
        sys.exit(f"{argv[0]} failed on {argv[-2] if argv[-1] == '-' else argv[-1]}: {out.stderr.decode()[:200]}")
    rss = int(out.stderr.decode().strip().splitlines()[-1])
    return wall, rss


def main():
    ensure_tools()
    if not BRIEF.exists():
        sys.exit(f"{BRIEF} is missing: run cargo build --release first")
    files = []
    for arg in sys.argv[1:] or ["."]:
        path = pathlib.Path(arg)
        files += sorted(path.glob("*.docx")) + sorted(path.glob("*.pdf")) if path.is_dir() else [path]
    print(f"{'file':44} {'brief s':>8} {'peer s':>8} {'ratio':>6} {'brief MB':>9} {'peer MB':>8}  peer")
    for f in files:
        peer = (["pandoc", "-t", "plain", str(f)] if f.suffix == ".docx"
                else ["pdftotext", str(f), "-"])
        ours = [str(BRIEF), "outline", str(f)]
        times = {"brief": [], "peer": []}
        rss = {"brief": [], "peer": []}
        ratios = []
        for i in range(ROUNDS):
            order = [("brief", ours), ("peer", peer)]
            if i % 2:
                order.reverse()
            got = {}
            for name, argv in order:
                wall, kb = run(argv)
                times[name].append(wall)
                rss[name].append(kb)
                got[name] = wall
            ratios.append(got["brief"] / got["peer"])
        print(f"{f.name[:44]:44} {statistics.median(times['brief']):8.3f} "
              f"{statistics.median(times['peer']):8.3f} {statistics.median(ratios):6.2f} "
              f"{max(rss['brief']) / 1024:9.1f} {max(rss['peer']) / 1024:8.1f}  {peer[0]}")


if __name__ == "__main__":
    main()
