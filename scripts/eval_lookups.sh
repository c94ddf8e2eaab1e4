#!/usr/bin/env bash
# Prints how well lookups find the passage meant: precision@1, recall@10 and the junk rate, on
# the briefings and queries of tests/fixtures/lookups/, then (when the folder exists) on the
# shared corpus of real briefings with corpus_queries.tsv, with every miss.
#   scripts/eval_lookups.sh [CORPUS_FOLDER]   (default ../shared/corpus)
set -euo pipefail
cd "$(dirname "$0")/.."
corpus="${1:-../shared/corpus}"
echo "written briefings:"
cargo test -q --release --test lookups -- --nocapture 2>&1 |
  grep -v '^running\|^test \|^$\|^test result' | sed 's/^\.//'
if [ -d "$corpus" ]; then
  echo "shared corpus ($corpus):"
  BRIEF_CORPUS="$corpus" cargo test -q --release --test lookups -- --ignored --nocapture 2>&1 |
    grep -v '^running\|^test \|^$\|^test result' | sed 's/^\.//'
fi
