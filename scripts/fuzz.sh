#!/usr/bin/env bash
# Fuzzes the core with cargo-fuzz (libFuzzer) for a bounded time.
#
#   scripts/fuzz.sh [SECONDS] [TARGET...]
#
# SECONDS per target (default 30: the smoke run); TARGETs default to every
# target in fuzz/fuzz_targets (analyze, cli_input). Runs the targets one
# after another, one process each (the machine may be shared). The corpus
# starts from the seed articles (www/seeds) and the hostile corpus
# (tests/hostile) and grows in fuzz/corpus/<target> (gitignored); a crash
# or hang (> 10 s on one input) stops the run with its input saved under
# fuzz/artifacts/<target>/ and exits non-zero. Commit a fixed crash input as
# a regression case in tests/hostile/.
#
# Needs cargo-fuzz (`cargo install cargo-fuzz`); without it this prints a
# message and exits 0, so a test command can always call it. cargo-fuzz
# needs nightly flags: RUSTC_BOOTSTRAP=1 lets the stable toolchain accept
# them. The crate forbids unsafe code, so no sanitizer is used (-s none),
# which runs several times faster; debug assertions stay on.
set -euo pipefail
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$ROOT/fuzz"

seconds=${1:-30}
shift || true
case "$seconds" in '' | *[!0-9]*) echo "usage: scripts/fuzz.sh [SECONDS] [TARGET...]" >&2; exit 2 ;; esac
targets=("$@")
if [ ${#targets[@]} = 0 ]; then
  for f in fuzz_targets/*.rs; do targets+=("$(basename "$f" .rs)"); done
fi

if ! cargo fuzz --version >/dev/null 2>&1; then
  echo "scripts/fuzz.sh: cargo-fuzz is not installed (cargo install cargo-fuzz); fuzz smoke run skipped"
  exit 0
fi
export RUSTC_BOOTSTRAP=1

for t in "${targets[@]}"; do
  corpus="corpus/$t"
  mkdir -p "$corpus" "artifacts/$t"
  # Seed inputs: the first byte is the target's option knobs (0 = defaults).
  for f in "$ROOT"/www/seeds/*.txt "$ROOT"/tests/hostile/*.txt; do
    [ -f "$f" ] || continue
    [ "$(wc -c <"$f")" -le 20000 ] || continue
    seed="$corpus/seed-$(basename "$f")"
    [ -f "$seed" ] || { printf '\0'; cat "$f"; } >"$seed"
  done
  echo "==> fuzz $t for ${seconds}s"
  cargo fuzz run -s none "$t" "$corpus" -- \
    -max_total_time="$seconds" -timeout=10 -max_len=20000 -print_final_stats=1 \
    -artifact_prefix="artifacts/$t/"
done
