#!/usr/bin/env bash
# Sorot build and test driver. Every step checks before it installs, so a
# fresh machine gets everything and a set-up one skips straight to the work.
#
#   ./build.sh setup   install what is missing (wasm target, browsers, drivers,
#                      wasm-bindgen CLI, wasm-pack, npm dev tools)
#   ./build.sh build   setup, then the wasm package in www/pkg (wasm-opt'd),
#                      the release CLI target/release/sorot, and a size report
#   ./build.sh demo    setup + build, then serve www/ on http://127.0.0.1:8080
#   ./build.sh test    setup + build, then every test layer; exits non-zero if
#                      any layer fails
set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
cd "$ROOT"

CARGO_BIN="${CARGO_HOME:-$HOME/.cargo}/bin"
export PATH="$CARGO_BIN:$ROOT/node_modules/.bin:$PATH"
export CI="${CI:-true}"
export DEBIAN_FRONTEND=noninteractive

GECKODRIVER_VERSION=0.37.1
WASM_PACK_VERSION=0.15.1
CARGO_FUZZ_VERSION=0.13.2
# Seconds each fuzz target runs in the test command (a smoke run; see scripts/fuzz.sh).
FUZZ_SMOKE_SECONDS=${FUZZ_SMOKE_SECONDS:-20}
CHROMEDRIVER_BIN=/usr/bin/chromedriver
GECKODRIVER_BIN="$CARGO_BIN/geckodriver"
# wasm-opt level, measured on this crate (see README "Sizes").
WASM_OPT_LEVEL=-Oz
# Largest function (in binaryen's size units) wasm-opt inlines into its one
# caller. Its default (no limit) folds the whole pipeline (actors::recognize,
# attribution::attribute, document::build, ...) into one 84 KB function,
# which V8 compiles lazily as a whole on the first call and tiers up as a
# whole once any of its loops gets hot: the first analyze in Chromium took
# ~40 ms with it, ~25 ms at 50, and the wasm is 1.2 KB smaller gzipped
# (bench/README.md, page load).
WASM_OPT_ONE_CALLER_INLINE=50
# Rust opt-level of the wasm build (see cmd_build).
WASM_OPT_LEVEL_RUST=2
DEMO_PORT=8080
# Where tests write screenshots and other artifacts (gitignored).
export TEST_OUTPUT_DIR="$ROOT/test-output"

say() { printf '\n\033[1m==> %s\033[0m\n' "$*"; }
skip() { printf '    %s: present, skipped\n' "$*"; }

# Runs a command as root, through sudo when we are not root.
as_root() {
  if [ "$(id -u)" = 0 ]; then "$@"; else sudo -n "$@"; fi
}

# Prints the version of `$1` from `$1 --version` (second word), or nothing.
installed_version() {
  command -v "$1" >/dev/null 2>&1 || return 0
  "$1" --version 2>/dev/null | head -n 1 | awk '{print $2}'
}

# The exact wasm-bindgen crate version the build uses, from Cargo.lock.
locked_wasm_bindgen_version() {
  [ -f Cargo.lock ] || cargo generate-lockfile --quiet
  awk '$0 == "name = \"wasm-bindgen\"" { getline; gsub(/version = |"/, ""); print; exit }' Cargo.lock
}

# cargo install <crate> <version> <binary>: skipped when <binary> reports <version>.
cargo_install() {
  local crate=$1 version=$2 bin=$3
  if [ "$(installed_version "$bin")" = "$version" ]; then
    skip "$crate $version"
    return
  fi
  say "cargo install $crate $version"
  # --locked reproduces the crate's own lockfile; a few releases carry a
  # lockfile the registry cannot satisfy, so fall back to a fresh resolve.
  cargo install "$crate" --version "$version" --locked --force ||
    cargo install "$crate" --version "$version" --force
}

cmd_setup() {
  say "setup"
  if rustup target list --installed | grep -qx wasm32-unknown-unknown; then
    skip "rust target wasm32-unknown-unknown"
  else
    rustup target add wasm32-unknown-unknown
  fi

  local missing=()
  command -v chromium >/dev/null 2>&1 || missing+=(chromium)
  [ -x "$CHROMEDRIVER_BIN" ] || missing+=(chromium-driver)
  command -v firefox-esr >/dev/null 2>&1 || missing+=(firefox-esr)
  if [ ${#missing[@]} = 0 ]; then
    skip "chromium, chromium-driver, firefox-esr"
  else
    say "apt-get install ${missing[*]}"
    as_root apt-get update -q
    as_root apt-get install -y -q "${missing[@]}"
  fi

  local wbg
  wbg=$(locked_wasm_bindgen_version)
  [ -n "$wbg" ] || { echo "build.sh: no wasm-bindgen in Cargo.lock" >&2; exit 1; }
  cargo_install wasm-bindgen-cli "$wbg" wasm-bindgen
  cargo_install geckodriver "$GECKODRIVER_VERSION" geckodriver
  cargo_install wasm-pack "$WASM_PACK_VERSION" wasm-pack
  # `cargo fuzz --version` prints "cargo-fuzz X", so ask the binary itself.
  if [ "$(cargo fuzz --version 2>/dev/null | awk '{print $2}')" = "$CARGO_FUZZ_VERSION" ]; then
    skip "cargo-fuzz $CARGO_FUZZ_VERSION"
  else
    say "cargo install cargo-fuzz $CARGO_FUZZ_VERSION"
    cargo install cargo-fuzz --version "$CARGO_FUZZ_VERSION" --locked --force ||
      cargo install cargo-fuzz --version "$CARGO_FUZZ_VERSION" --force
  fi

  # npm ci rewrites node_modules/.package-lock.json, so it is newer than
  # package-lock.json exactly when node_modules matches the lockfile.
  if [ -f node_modules/.package-lock.json ] && [ ! package-lock.json -nt node_modules/.package-lock.json ] &&
    [ -x node_modules/.bin/wasm-opt ]; then
    skip "node_modules"
  else
    say "npm ci"
    npm ci --no-audit --no-fund
  fi
}

# inline_snippets <pkg dir>: wasm-bindgen writes each `inline_js` snippet to
# <pkg>/snippets/<crate-hash>/inlineN.js and imports it from the glue, so the
# browser only finds the snippet once the glue is parsed: one more round trip
# before the wasm can start (and a hashed path index.html cannot preload).
# This puts each snippet into the glue, in its own function scope (no name
# clashes), and removes the snippets directory. Fails if a snippet imports
# anything or is imported in a form it does not handle.
inline_snippets() {
  node --input-type=module - "$1" <<'JS'
import { readFileSync, writeFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
const pkg = process.argv[2];
const gluePath = join(pkg, 'sorot.js');
const glue = readFileSync(gluePath, 'utf8');
let count = 0;
const out = glue.replace(/^import \{ ([\w, ]+) \} from '\.\/(snippets\/[\w\/.-]+\.js)';$/gm, (line, names, rel) => {
  const code = readFileSync(join(pkg, rel), 'utf8');
  if (/^\s*import[\s{*]/m.test(code)) throw new Error(`${rel} imports a module: cannot inline it`);
  const wanted = names.split(',').map((n) => n.trim());
  const exported = [...code.matchAll(/^export (?:async )?(?:function|const|let|class) (\w+)/gm)].map((m) => m[1]);
  const missing = wanted.filter((n) => !exported.includes(n));
  if (missing.length) throw new Error(`${rel} does not export ${missing.join(', ')} in a form this handles`);
  const body = code.replace(/^export (?=(?:async )?(?:function|const|let|class) )/gm, '');
  if (/^\s*export\s/m.test(body)) throw new Error(`${rel}: an export form this does not handle`);
  count += 1;
  return `// ${rel}, inlined by build.sh.\nconst { ${wanted.join(', ')} } = (() => {\n${body.trimEnd()}\nreturn { ${wanted.join(', ')} };\n})();`;
});
if (/from '\.\/snippets\//.test(out)) throw new Error('a snippet import was left in the glue');
writeFileSync(gluePath, out);
rmSync(join(pkg, 'snippets'), { recursive: true, force: true });
console.log(`    ${count} snippet(s) inlined`);
JS
}

cmd_build() {
  say "wasm package: wasm-pack build (www/pkg)"
  # --no-opt: wasm-pack would download binaryen; we run the pinned npm one below.
  # opt-level 2 for the wasm only (the CLI keeps 3): measured (bench/README.md),
  # it is 0.5 KB gzipped smaller than "s" and runs 14% fewer instructions in
  # Node; "z" is ~40% slower. 3 (2026-12-03): 6.4% fewer instructions than 2,
  # 11 KB larger, and the first call (lazy compilation) 18 -> 30 ms in Node.
  CARGO_PROFILE_RELEASE_OPT_LEVEL=$WASM_OPT_LEVEL_RUST \
    wasm-pack build --target web --release --no-opt --out-dir www/pkg --out-name sorot

  say "inline the wasm-bindgen JS snippets into www/pkg/sorot.js"
  inline_snippets www/pkg

  say "wasm-opt $WASM_OPT_LEVEL (binaryen $(wasm-opt --version | awk '{print $3}'))"
  local wasm=www/pkg/sorot_bg.wasm
  local before
  before=$(wc -c <"$wasm")
  # Features are read from the module's target_features section.
  wasm-opt "$WASM_OPT_LEVEL" --one-caller-inline-max-function-size "$WASM_OPT_ONE_CALLER_INLINE" \
    --strip-debug --strip-producers "$wasm" -o "$wasm.opt"
  mv "$wasm.opt" "$wasm"
  printf '    %s: %s -> %s bytes\n' "$wasm" "$before" "$(wc -c <"$wasm")"

  say "native CLI: cargo build --release (target/release/sorot)"
  cargo build --release

  say "sizes"
  node scripts/size.mjs
}

cmd_demo() {
  [ -f scripts/serve.mjs ] || { echo "build.sh: scripts/serve.mjs is missing" >&2; exit 1; }
  say "demo: http://127.0.0.1:$DEMO_PORT/ (Ctrl-C stops)"
  exec node scripts/serve.mjs www "$DEMO_PORT"
}

OUTCOMES=()
FAILURES=0
# layer <title> <command...>: runs one test layer under a header, records the outcome.
layer() {
  local title=$1
  shift
  printf '\n\033[1m======== %s ========\033[0m\n$ %s\n' "$title" "$*"
  if "$@"; then
    OUTCOMES+=("ok    $title")
  else
    OUTCOMES+=("FAIL  $title")
    FAILURES=$((FAILURES + 1))
  fi
}

cmd_test() {
  mkdir -p "$TEST_OUTPUT_DIR"
  layer "native tests (unit, integration, golden)" cargo test --all-targets --no-fail-fast
  layer "doc tests" cargo test --doc

  # Exactly what users of the crate run, plus explicit drivers (wasm-pack
  # downloads one it cannot find). No CHROMEDRIVER/GECKODRIVER variables:
  # the test runner prefers GECKODRIVER when both are set, so Chrome's run
  # would silently use Firefox.
  layer "wasm tests in headless Chromium and Firefox" \
    wasm-pack test --headless --chrome --firefox \
    --chromedriver "$CHROMEDRIVER_BIN" --geckodriver "$GECKODRIVER_BIN"

  if [ -d tests/e2e ]; then
    layer "page tests (Chromium, playwright-core)" node --test tests/e2e/
  fi

  layer "size budget" node scripts/size.mjs --check
  layer "fuzz smoke run (${FUZZ_SMOKE_SECONDS} s per target)" scripts/fuzz.sh "$FUZZ_SMOKE_SECONDS"

  printf '\n\033[1m======== summary ========\033[0m\n'
  printf '  %s\n' "${OUTCOMES[@]}"
  [ "$FAILURES" = 0 ]
}

case "${1:-}" in
  setup) cmd_setup ;;
  # One command per line: `set -e` does not reach into the left side of `&&`.
  build) cmd_setup; cmd_build ;;
  demo) cmd_setup; cmd_build; cmd_demo ;;
  test) cmd_setup; cmd_build; cmd_test ;;
  *)
    echo "usage: ./build.sh setup|build|demo|test" >&2
    exit 2
    ;;
esac
