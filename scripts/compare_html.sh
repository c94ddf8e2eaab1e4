#!/usr/bin/env bash
# Compares `brief outline` with `pandoc -f html -t plain` on web pages: each page's best of
# five wall-clock times with each tool, and brief's time over pandoc's (the target is 1.0 or
# less). brief finds the article, its title and outline; pandoc converts the whole page.
#   scripts/compare_html.sh                       # the pages in ../shared/corpus/formats
#   scripts/compare_html.sh page.html other.htm   # pages of your own
set -euo pipefail
cd "$(dirname "$0")/.."
if [ "$#" -gt 0 ]; then
  pages=("$@")
else
  pages=(../shared/corpus/formats/*.html)
fi
if ! command -v pandoc >/dev/null; then
  echo "installing pandoc (Debian package) for the comparison" >&2
  apt-get install -y pandoc >/dev/null 2>&1 || { apt-get update >/dev/null && apt-get install -y pandoc >/dev/null; }
fi
cargo build --release -q
brief=target/release/brief

best_of_five() { # command...
  local best=""
  for _ in 1 2 3 4 5; do
    local start end us
    start=$(date +%s%N)
    "$@" >/dev/null 2>&1 || true
    end=$(date +%s%N)
    us=$(( (end - start) / 1000 ))
    if [ -z "$best" ] || [ "$us" -lt "$best" ]; then best=$us; fi
  done
  echo "$best"
}

printf '| page | size | brief outline | pandoc -t plain | ratio |\n|---|---|---|---|---|\n'
for page in "${pages[@]}"; do
  size=$(( $(stat -c %s "$page") / 1024 ))
  b=$(best_of_five "$brief" outline "$page")
  p=$(best_of_five pandoc -f html -t plain "$page")
  printf '| %s | %d KB | %.1f ms | %.1f ms | %.2f |\n' "$(basename "$page")" "$size" \
    "$(echo "$b / 1000" | bc -l)" "$(echo "$p / 1000" | bc -l)" "$(echo "$b / $p" | bc -l)"
done
