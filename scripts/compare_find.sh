#!/usr/bin/env bash
# Compares `brief find` with `fzf --filter` on the same generated corpus: for a Latin, a
# pinyin and a Chinese query, the best of three wall-clock times of each and their ratio.
# fzf reads the corpus as one paragraph a line; brief reads the Markdown file itself (parse,
# page repair, sentences and pinyin included).
#   scripts/compare_find.sh            # 100 MB corpus in /tmp/brief-corpus
#   MB=10 scripts/compare_find.sh      # a smaller one
set -euo pipefail
cd "$(dirname "$0")/.."
mb=${MB:-100}
dir=${CORPUS_DIR:-/tmp/brief-corpus-$mb}
if [ ! -f "$dir/briefing.md" ]; then
  python3 scripts/make_corpus.py --mb "$mb" --out "$dir" --paragraphs
fi
if ! command -v fzf >/dev/null; then
  echo "installing fzf (Debian package) for the comparison" >&2
  apt-get install -y fzf >/dev/null 2>&1 || { apt-get update >/dev/null && apt-get install -y fzf >/dev/null; }
fi
cargo build --release -q
brief=target/release/brief

best_of_three() { # command...
  local best=""
  for _ in 1 2 3; do
    local start end ms
    start=$(date +%s%N)
    "$@" >/dev/null 2>&1 || true
    end=$(date +%s%N)
    ms=$(( (end - start) / 1000000 ))
    if [ -z "$best" ] || [ "$ms" -lt "$best" ]; then best=$ms; fi
  done
  echo "$best"
}

printf '%-8s %-8s %12s %12s %8s %14s\n' kind query "brief ms" "fzf ms" ratio "fzf matches"
for pair in "latin:2024" "pinyin:zjwtl" "chinese:双方"; do
  kind=${pair%%:*}; query=${pair#*:}
  b=$(best_of_three "$brief" find "$query" "$dir/briefing.md" --limit 20)
  f=$(best_of_three sh -c "fzf --filter '$query' < '$dir/paragraphs.txt' | head -20")
  n=$( (fzf --filter "$query" < "$dir/paragraphs.txt" || true) | wc -l)
  ratio=$(awk -v b="$b" -v f="$f" 'BEGIN { printf "%.2f", b / f }')
  printf '%-8s %-8s %12s %12s %8s %14s\n' "$kind" "$query" "$b" "$f" "$ratio" "$n"
done
echo "corpus: $(du -h "$dir/briefing.md" | cut -f1), $(nproc) cores; ratio = brief / fzf (below 1: brief is faster)"
