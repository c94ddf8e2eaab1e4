#!/usr/bin/env bash
# Runs every fuzz target for the given number of seconds each (default 60):
#   fuzz/run.sh 600
# Installs what it needs (cargo-fuzz; the nightly toolchain through rustup). A crash stops
# the run; its input is in fuzz/artifacts/<target>/ and should become a regression test.
set -euo pipefail
cd "$(dirname "$0")"
seconds="${1:-60}"
command -v cargo-fuzz >/dev/null || cargo install cargo-fuzz --locked
rustup toolchain list | grep -q '^nightly' || rustup toolchain install nightly --profile minimal
targets=(load parse html table keymap gazetteer export wire keys word epub pdf)
for target in "${targets[@]}"; do
    mkdir -p "corpus/$target"
    echo "== $target: ${seconds}s"
    cargo +nightly fuzz run "$target" "corpus/$target" ../seeds -- \
        -max_total_time="$seconds" -max_len=65536 -timeout=10 -rss_limit_mb=2048 2>&1 |
        grep -E '^(#[0-9]+ +DONE|Done|SUMMARY|==|thread|panicked)' || true
    if compgen -G "artifacts/$target/*" >/dev/null; then
        echo "$target: crashed; see fuzz/artifacts/$target" >&2
        exit 1
    fi
done
echo "all targets ran ${seconds}s without a crash"
