#!/usr/bin/env bash
# Scores the release CLI on the NERGrit held-out tenth with score_ner.py.
# usage: scripts/nergrit_heldout.sh [extra score_ner.py args]
# The tenth is the sentences of ../shared/data/ner/nergrit_train.tsv whose
# 0-based index (sentences split at blank lines, as train_ner reads them)
# satisfies index % 10 == 9; train_ner never trains on them. The tenth is
# written to a temp file only; nothing from ../shared is copied into the repo.
# Measure only: do not tune rules or features on these sentences.
set -euo pipefail
here=$(cd "$(dirname "$0")/.." && pwd)
shared="$here/../shared"
cli="$here/target/release/sorot"
[ -x "$cli" ] || cargo build --release --quiet --manifest-path "$here/Cargo.toml"
tmp=$(mktemp --suffix=.tsv)
trap 'rm -f "$tmp"' EXIT
awk 'BEGIN { i = 0; n = 0 }
     /^[[:space:]]*$/ { if (n > 0) { if (i % 10 == 9) print ""; i++ } n = 0; next }
     { if (i % 10 == 9) print; n++ }
     END { if (n > 0 && i % 10 == 9) print "" }' "$shared/data/ner/nergrit_train.tsv" > "$tmp"
echo "nergrit held-out tenth: $(grep -c '^[[:space:]]*$' "$tmp") sentences" >&2
python3 "$shared/eval/score_ner.py" "$tmp" "$@" -- "$cli" analyze --per-line
