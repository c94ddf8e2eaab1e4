#!/usr/bin/env bash
# Prints how well brief finds the countries and people a briefing names: precision and recall of
# mentions per language, on the passages annotated in tests/fixtures/entities/,
# with every wrong and missed mention. A language below the targets fails the run.
#   scripts/eval_entities.sh
set -euo pipefail
cd "$(dirname "$0")/.."
cargo test -q --test entities -- --nocapture --test-threads=1 2>&1 |
  grep -v '^running\|^test \|^$\|^test result' | sed 's/^\.//'
