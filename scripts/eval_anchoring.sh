#!/usr/bin/env bash
# Prints how well notes find their passages in new editions (precision and recall of
# re-anchoring, by kind of edit): on the project's own edition pairs, then on the shared
# corpus when it is there (../shared/corpus, or the folder given).
#   scripts/eval_anchoring.sh [CORPUS] [SEED...]
# Each SEED (default 0) makes other edits of the same documents; the figures in
# docs/anchoring.md are seed 0. A wrong placement, or fewer than 95% of reworded passages
# found, fails the run (after every seed has been tried).
set -euo pipefail
cd "$(dirname "$0")/.."
corpus=${1:-../shared/corpus}
shift || true
seeds=("${@:-0}")
status=0
for seed in "${seeds[@]}"; do
  echo "== seed $seed"
  args=(--release --test anchoring -- --nocapture --test-threads=1)
  if [ -d "$corpus" ]; then
    BRIEF_EVAL_SEED=$seed BRIEF_EVAL_CORPUS=$corpus cargo test -q "${args[@]}" 2>&1 | grep -v '^running\|^test \|^$\|^test result' | sed 's/^\.//' || status=1
  else
    echo "(no corpus at $corpus: the project's own pairs only)"
    BRIEF_EVAL_SEED=$seed cargo test -q "${args[@]}" 2>&1 | grep -v '^running\|^test \|^$\|^test result' | sed 's/^\.//' || status=1
  fi
done
exit $status
