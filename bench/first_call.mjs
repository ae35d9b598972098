#!/usr/bin/env node
// The first `analyze` after instantiation, in fresh Node processes: what a
// page pays once (V8 compiles each function the first analysis reaches,
// and the profile and tagger are built), against a second call.
// See bench/README.md.
//
//   node bench/first_call.mjs [--runs N] [--pkg DIR]... [-- NODE_FLAGS...]
//
// Each run starts one Node process per package (alternating, so load
// drifts hit them alike) that compiles and instantiates the wasm, times
// `analyze` of seed 001 twice, and prints both times. Prints per package
// the median, min and max over the runs, in ms. Several `--pkg` compare
// builds; flags after `--` go to the child Node (e.g.
// `--no-wasm-lazy-compilation`).
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join, dirname, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const SEED = join(root, 'www', 'seeds', '001_ccf68a1d162bdb17.txt');

if (process.argv[2] === '--child') {
  const pkg = process.argv[3];
  const text = readFileSync(SEED, 'utf8');
  const mod = await import(pathToFileURL(join(pkg, 'sorot.js')).href);
  await mod.default({ module_or_path: readFileSync(join(pkg, 'sorot_bg.wasm')) });
  const t0 = performance.now();
  mod.analyze(text, { lang: 'id' });
  const t1 = performance.now();
  mod.analyze(text, { lang: 'id' });
  const t2 = performance.now();
  console.log(`${t1 - t0} ${t2 - t1}`);
  process.exit(0);
}

const args = process.argv.slice(2);
const dash = args.indexOf('--');
const own = dash < 0 ? args : args.slice(0, dash);
const nodeFlags = dash < 0 ? [] : args.slice(dash + 1);
let runs = 15;
const pkgs = [];
for (let i = 0; i < own.length; i++) {
  if (own[i] === '--runs') runs = Math.max(1, Number(own[++i]) | 0);
  else if (own[i] === '--pkg') pkgs.push(resolve(own[++i]));
  else {
    console.error(`first_call: unknown argument ${own[i]}`);
    process.exit(2);
  }
}
if (!pkgs.length) pkgs.push(join(root, 'www', 'pkg'));

const times = pkgs.map(() => ({ first: [], second: [] }));
for (let r = 0; r < runs; r++) {
  pkgs.forEach((pkg, k) => {
    const out = execFileSync(process.execPath, [...nodeFlags, fileURLToPath(import.meta.url), '--child', pkg], { encoding: 'utf8' });
    const [first, second] = out.trim().split(' ').map(Number);
    times[k].first.push(first);
    times[k].second.push(second);
  });
}
const stat = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  const median = s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
  return `${median.toFixed(1)} ms (min ${s[0].toFixed(1)}, max ${s[s.length - 1].toFixed(1)})`;
};
console.log(`node ${process.version} ${nodeFlags.join(' ')}; ${runs} fresh processes per package; seed 001`);
pkgs.forEach((pkg, k) => {
  console.log(`${pkg}\n  first call  ${stat(times[k].first)}\n  second call ${stat(times[k].second)}`);
});
