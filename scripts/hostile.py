#!/usr/bin/env python3
"""Opens hostile documents in `brief` (release build) in a pseudo-terminal at 100x30, each
beside the bundled briefing, and prints how each fared: the time to the first frame, the
time until the status line settles, the peak memory of the process, and what the status
line says. The documents are generated in a temporary folder; nothing is kept.

    scripts/hostile.py            # every case
    scripts/hostile.py long-line  # one case
"""
import os
import pathlib
import re
import select
import shutil
import subprocess
import sys
import tempfile
import threading
import time

sys.path.insert(0, str(pathlib.Path(__file__).resolve().parent))
from compare_redraw import ROOT, quit, spawn  # noqa: E402

SEED = next((ROOT / "seeds").glob("*.md"))


def write(path, text):
    path.write_text(text, encoding="utf-8")
    return [str(path)]


def huge(dir):
    path = dir / "huge.md"
    with open(path, "wb") as f:
        f.truncate(1_000_000_000)
    return [str(path)]


def long_line(dir):
    return write(dir / "line.md", "上海合作组织成员国。" * 1_700_000)


def headings(dir):
    return write(dir / "headings.md", "".join(f"## Section {n}\n\nText {n}.\n\n" for n in range(100_000)))


def nesting(dir):
    quotes = "> " * 1000 + "innermost words\n\n"
    lists = "".join("  " * d + f"- level {d}\n" for d in range(1000))
    return write(dir / "nested.md", "# Deep\n\n" + quotes + lists)


def big_page(dir):
    """A 50 MB web page: an article of 200,000 paragraphs inside a site's navigation."""
    paras = [p for p in SEED.read_text(encoding="utf-8").split("\n\n") if p.strip() and not p.startswith("#")]
    nav = "".join(f'<li><a href="/{k}">Link {k}</a></li>' for k in range(50))
    body, size, i = [], 0, 0
    while size < 50_000_000:
        piece = f"<h2>Section {i // 40}</h2>\n" if i % 40 == 0 else f"<p>{paras[i % len(paras)]}</p>\n"
        body.append(piece)
        size += len(piece.encode())
        i += 1
    return write(dir / "big.html", f'<!DOCTYPE html><html><head><title>Big - Site</title></head><body><nav><ul>{nav}</ul></nav>'
                 f'<article><h1>Big</h1>{"".join(body)}</article></body></html>')


def deep_page(dir):
    return write(dir / "deep.html", "<html><body>" + "<div>" * 5000 + "<p>deep text</p>" + "</div>" * 5000 + "</body></html>")


def symlink_loop(dir):
    folder = dir / "folder"
    folder.mkdir()
    shutil.copy(SEED, folder / "a.md")
    os.symlink(folder, folder / "loop")
    return [str(folder)]


def changing(dir):
    path = dir / "moving.md"
    editions = ["# First\n\nOld.\n" * 200_000, "# Second\n\nNew.\n" * 50_000]
    path.write_text(editions[0])
    stop = threading.Event()

    def rewrite():
        n = 0
        while not stop.is_set():
            path.write_text(editions[n % 2])
            n += 1

    threading.Thread(target=rewrite, daemon=True).start()
    changing.stop = stop
    return [str(path)]


def invisible(dir):
    return write(dir / "invisible.md", "# Pay\n\nPay \u202e0001\u202c now, to\u200bday, \u2066x\u2069.\n")


def escapes(dir):
    return write(
        dir / "escapes.md",
        "# Escapes\n\nclip \x1b]52;c;SGVsbG8=\x07 title \x1b]0;pwned\x07 red \x1b[31mRED\x1b[0m "
        "dcs \x1bP1$qm\x1b\\ csi \u009b2J end\n",
    )


CASES = {
    "1 GB file": huge,
    "50 MB single line": long_line,
    "100,000 headings": headings,
    "nesting 1,000 deep": nesting,
    "50 MB web page": big_page,
    "web page nested 5,000 deep": deep_page,
    "symlink loop": symlink_loop,
    "file rewritten while read": changing,
    "bidi and zero-width": invisible,
    "ESC/OSC/DCS sequences": escapes,
}


def run(brief, paths, env):
    start = time.perf_counter()
    pid, fd = spawn([brief, *paths, str(SEED)], env)
    seen, first, settled, last = b"", None, None, start
    while time.perf_counter() - start < 120:
        ready, _, _ = select.select([fd], [], [], 0.05)
        now = time.perf_counter()
        if ready:
            try:
                chunk = os.read(fd, 65536)
            except OSError:
                break
            seen += chunk
            last = now
            if first is None and b"help" in seen:
                first = now - start
        elif first is not None and now - last > 1.0:
            settled = last - start
            break
    usage = quit(pid, fd)
    return first, settled, usage.ru_maxrss / 1024, seen


def status(seen):
    """What the status line said about the documents, found in the text brief drew."""
    text = re.sub(r"\x1b\[[0-9;?]*[A-Za-z]", " ", seen.decode("utf-8", "replace"))
    for pattern in (r"\S+: \d+ MB is more than brief opens \(\d+ MB\)", r"\S+ reloaded",
                    r"Read \d+ documents in [0-9.]+ s", r"\S+: [a-z][^│]{10,80}?; [a-z ]+"):
        found = re.findall(pattern, text)
        if found:
            return found[-1].strip()
    return "opened"


def main():
    wanted = [c for c in CASES if not sys.argv[1:] or any(a in c.replace(" ", "-") for a in sys.argv[1:])]
    subprocess.run(["cargo", "build", "--release", "-q"], cwd=ROOT, check=True)
    brief = str(ROOT / "target" / "release" / "brief")
    print("| document | first frame | settled | peak memory | status line |")
    print("|---|---|---|---|---|")
    for name in wanted:
        with tempfile.TemporaryDirectory() as tmp:
            tmp = pathlib.Path(tmp)
            data = tmp / "data"
            env = dict(os.environ, TERM="xterm-256color", BRIEF_DATA_DIR=str(data), LANG="C.UTF-8")
            paths = CASES[name](tmp)
            first, settled, mb, seen = run(brief, paths, env)
            if getattr(CASES[name], "stop", None):
                CASES[name].stop.set()
            leaked = [s for s in (b"\x1b]52", b"\x1b]0;pwned", b"\x1bP1", b"\x07", b"\xc2\x9b", "\u202e".encode())
                      if s in seen]
            fmt = lambda t: "none" if t is None else f"{t * 1000:.0f} ms"  # noqa: E731
            note = status(seen) + (f" LEAKED {leaked}" if leaked else "")
            print(f"| {name} | {fmt(first)} | {fmt(settled)} | {mb:.0f} MB | {note} |")


if __name__ == "__main__":
    main()
