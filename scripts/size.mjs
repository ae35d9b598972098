#!/usr/bin/env node
// Size report of what a reader's browser downloads for the widget: the wasm
// core, its wasm-bindgen glue and snippets, and the widget's own .js/.css
// files in www/. The demo page's own files (demo.*) are listed apart: an
// embedding page does not load them, so they do not count against the budget.
//
//   node scripts/size.mjs [--check] [--dir www]
//
// Prints raw and gzipped (level 9) bytes per file and the gzipped total
// against the budget. With --check, exits 1 when over budget or when the
// wasm build is missing.
import { readFileSync, readdirSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

/** Budget for everything a page loads for the widget, gzipped: 200 KiB. */
export const BUDGET_GZ = 200 * 1024;

const args = process.argv.slice(2);
const check = args.includes('--check');
const dirArg = args.indexOf('--dir');
const www = dirArg >= 0 ? args[dirArg + 1] : 'www';

const required = [join(www, 'pkg', 'sorot_bg.wasm'), join(www, 'pkg', 'sorot.js')];
/** JavaScript snippets wasm-bindgen emits beside the glue (pkg/snippets/**.js): loaded too. */
const snippets = (dir) =>
  existsSync(dir)
    ? readdirSync(dir, { withFileTypes: true })
        .sort((a, b) => a.name.localeCompare(b.name))
        .flatMap((e) => (e.isDirectory() ? snippets(join(dir, e.name)) : /\.m?js$/.test(e.name) ? [join(dir, e.name)] : []))
    : [];
const widget = existsSync(www)
  ? readdirSync(www)
      .filter((f) => /\.(js|mjs|css)$/.test(f) && !f.startsWith('demo.'))
      .sort()
      .map((f) => join(www, f))
  : [];

const missing = required.filter((f) => !existsSync(f));
if (missing.length) {
  console.error(`size: missing ${missing.join(', ')}; run ./build.sh build first`);
  process.exit(check ? 1 : 0);
}

const rows = [...required, ...snippets(join(www, 'pkg', 'snippets')), ...widget].map((file) => {
  const bytes = readFileSync(file);
  return { file, raw: bytes.length, gz: gzipSync(bytes, { level: 9 }).length };
});
const total = rows.reduce((t, r) => ({ raw: t.raw + r.raw, gz: t.gz + r.gz }), { raw: 0, gz: 0 });

const kb = (n) => (n / 1024).toFixed(1).padStart(7) + ' KB';
const width = Math.max(...rows.map((r) => r.file.length), 5);
console.log(`${'file'.padEnd(width)}  ${'raw'.padStart(10)}  ${'gzipped'.padStart(10)}`);
for (const r of rows) console.log(`${r.file.padEnd(width)}  ${kb(r.raw)}  ${kb(r.gz)}`);
console.log(`${'total'.padEnd(width)}  ${kb(total.raw)}  ${kb(total.gz)}`);
const demo = existsSync(www) ? readdirSync(www).filter((f) => /^demo\.(js|css)$/.test(f)).sort() : [];
for (const f of demo) {
  const bytes = readFileSync(join(www, f));
  console.log(`${join(www, f).padEnd(width)}  ${kb(bytes.length)}  ${kb(gzipSync(bytes, { level: 9 }).length)}  (demo page only, not in the budget)`);
}

const over = total.gz > BUDGET_GZ;
const pct = ((100 * total.gz) / BUDGET_GZ).toFixed(0);
console.log(
  `budget: ${total.gz} of ${BUDGET_GZ} bytes gzipped (${pct}%)${over ? ' — OVER BUDGET' : ''}`,
);
if (check && over) process.exit(1);
