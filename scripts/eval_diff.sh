#!/usr/bin/env bash
# Prints how well `brief diff` tells what changed (precision and recall of changes of
# substance, by kind of edit): on the project's own edition pairs, then on the shared
# corpus when it is there (../shared/corpus, or the folder given): the same edits of its
# Markdown briefings, and its published edition pairs against tests/fixtures/diffing/corpus.
#   scripts/eval_diff.sh [CORPUS]
# A change of form reported as substance, or a change missed, fails the run.
set -euo pipefail
cd "$(dirname "$0")/.."
corpus=${1:-../shared/corpus}
args=(--test diffing -- --nocapture --test-threads=1)
if [ -d "$corpus" ]; then
  BRIEF_EVAL_CORPUS=$corpus cargo test -q "${args[@]}" 2>&1 | grep -v '^running\|^test \|^$\|^test result' | sed 's/^\.//'
else
  echo "(no corpus at $corpus: the project's own pairs only)"
  cargo test -q "${args[@]}" 2>&1 | grep -v '^running\|^test \|^$\|^test result' | sed 's/^\.//'
fi
