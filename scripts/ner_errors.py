#!/usr/bin/env python3
"""Lists the CLI's NER errors on a BIO file, sentence by sentence, with a
tally by error type, reading the file exactly as ../shared/eval/score_ner.py
does (its own functions, imported).

usage: scripts/ner_errors.py DATA.tsv [--cli target/release/sorot] [--limit N]

Error types: `type` (same span, other kind), `boundary` (overlapping span),
`missed` (no overlap with a prediction), `spurious` (no overlap with gold).
For development on the dev files only; never on held-out data.
"""
import argparse, collections, importlib.util, json, os, subprocess, sys, tempfile

here = os.path.dirname(os.path.abspath(__file__))
spec = importlib.util.spec_from_file_location(
    "score_ner", os.path.join(here, "..", "..", "shared", "eval", "score_ner.py"))
score_ner = importlib.util.module_from_spec(spec)
spec.loader.exec_module(score_ner)

def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("data")
    ap.add_argument("--cli", default=os.path.join(here, "..", "target", "release", "sorot"))
    ap.add_argument("--limit", type=int, default=10**9)
    a = ap.parse_args()
    texts, golds = [], []
    for s in score_ner.read(a.data):
        text, spans = score_ner.detok([t for t, _ in s])
        texts.append(text)
        golds.append(score_ner.gold_entities(s, spans))
    with tempfile.NamedTemporaryFile("w", suffix=".txt", encoding="utf-8", delete=False) as f:
        f.write("\n".join(texts) + "\n")
    out = subprocess.run([a.cli, "analyze", "--per-line", f.name], capture_output=True, text=True, check=True)
    os.unlink(f.name)
    docs = [json.loads(l) for l in out.stdout.splitlines() if l.strip()]
    tally, shown = collections.Counter(), 0
    for text, gold, doc in zip(texts, golds, docs):
        conv = score_ner.utf16_to_cp(text)
        kind = {x["id"]: x["kind"] for x in doc["actors"]}
        pred = {(conv[m["start"]], conv[m["end"]], kind[m["actor"]]) for m in doc["mentions"]
                if kind.get(m["actor"]) in ("person", "organization", "place")}
        lines = []
        for (s, e, k) in sorted(gold - pred):
            same = [p for p in pred if (p[0], p[1]) == (s, e)]
            near = [p for p in pred - gold if p[0] < e and s < p[1]]
            what = f"type {k}->{same[0][2]}" if same else (f"boundary {k}" if near else f"missed {k}")
            tally[what] += 1
            extra = f" ({', '.join(repr(text[p[0]:p[1]]) + ':' + p[2] for p in near)})" if near and not same else ""
            lines.append(f"  - {k}: {text[s:e]!r}{extra}  [{what}]")
        for (s, e, k) in sorted(pred - gold):
            if any(g[0] < e and s < g[1] for g in gold):
                continue
            tally[f"spurious {k}"] += 1
            lines.append(f"  + {k}: {text[s:e]!r}")
        if lines and shown < a.limit:
            shown += 1
            print(text)
            print("\n".join(lines))
    print("\n# tally")
    for what, n in tally.most_common():
        print(f"{n:5d}  {what}")

if __name__ == "__main__":
    main()
