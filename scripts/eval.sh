#!/usr/bin/env bash
# Scores the release CLI against a gold folder with ../shared/eval/score.py.
# usage: scripts/eval.sh [seeds|pfsa] [--verbose]
# Articles are read from ../shared and the predictions written to a temp
# folder; nothing from ../shared is copied into the repo.
set -euo pipefail
here=$(cd "$(dirname "$0")/.." && pwd)
shared="$here/../shared"
set_name=${1:-seeds}; shift || true
case "$set_name" in
  seeds) articles="$shared/corpus/seeds"; gold="$shared/gold/seeds" ;;
  pfsa) articles="$shared/data/pfsa/articles"; gold="$shared/data/pfsa/gold" ;;
  *) echo "usage: scripts/eval.sh [seeds|pfsa] [--verbose]" >&2; exit 2 ;;
esac
cli="$here/target/release/sorot"
[ -x "$cli" ] || cargo build --release --quiet --manifest-path "$here/Cargo.toml"
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
for f in "$articles"/*.txt; do
  "$cli" analyze "$f" > "$out/$(basename "${f%.txt}").json"
done
python3 "$shared/eval/score.py" "$gold" "$out" "$@"
