#!/usr/bin/env python3
"""Builds large test briefings from the bundled one, for benchmarks and comparison scripts.
Nothing it writes belongs in the repository.

    scripts/make_corpus.py --mb 100 --out /tmp/brief-corpus            # one 100 MB file
    scripts/make_corpus.py --mb 100 --files 1000 --out /tmp/brief-lib  # a folder of 1,000 files

Each copy of the briefing gets its own headings (a copy number and a rotating topic), so
headings differ across the corpus. With --paragraphs, it also writes paragraphs.txt: every
paragraph on one line, as `fzf --filter` reads it.
"""
import argparse
import pathlib

SEED = pathlib.Path(__file__).resolve().parent.parent / "seeds" / "sco-heads-of-government-communique-2025.md"
TOPICS = ["经贸合作", "安全合作", "人文交流", "互联互通", "能源合作", "数字经济", "农业合作", "金融合作"]


def copies(seed_lines):
    n = 0
    while True:
        n += 1
        topic = TOPICS[n % len(TOPICS)]
        out = []
        for line in seed_lines:
            if line.startswith("#"):
                out.append(f"{line} ({topic} 第{n}期)")
            else:
                out.append(line)
        yield "\n".join(out) + "\n"


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--mb", type=float, default=100)
    ap.add_argument("--files", type=int, default=1)
    ap.add_argument("--out", required=True)
    ap.add_argument("--paragraphs", action="store_true")
    args = ap.parse_args()
    out = pathlib.Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    seed_lines = SEED.read_text(encoding="utf-8").splitlines()
    total = int(args.mb * 1024 * 1024)
    per_file = total // args.files
    gen = copies(seed_lines)
    paragraphs = open(out / "paragraphs.txt", "w", encoding="utf-8") if args.paragraphs else None
    for i in range(args.files):
        name = "briefing.md" if args.files == 1 else f"briefing-{i:04d}.md"
        size = 0
        with open(out / name, "w", encoding="utf-8") as f:
            while size < per_file:
                chunk = next(gen)
                f.write(chunk)
                size += len(chunk.encode("utf-8"))
                if paragraphs:
                    for para in chunk.split("\n\n"):
                        para = para.strip().replace("\n", " ")
                        if para:
                            paragraphs.write(para + "\n")
    if paragraphs:
        paragraphs.close()
    print(f"wrote {args.files} file(s), {total // (1024 * 1024)} MB, to {out}")


if __name__ == "__main__":
    main()
