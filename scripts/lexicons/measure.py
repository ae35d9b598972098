#!/usr/bin/env python3
"""Measures the gazetteers of data/<lang>/ against NER-tagged text (TSV: one
`token<TAB>BIO-tag` per line, blank line between sentences).

Two numbers per file and kind (place, organization):
  coverage  the share of gold entity mentions whose exact string is a
            gazetteer name of the same kind (also per distinct string);
  hits      a simulation of Sorot's lookup: at each capitalised token, the
            longest gazetteer name over the following tokens; each hit is
            counted as exact (a gold entity of that kind, same span), wrong
            kind, partial (overlaps a gold entity, other span) or outside
            (no gold entity there: the false-positive risk).

Usage: python3 measure.py [--lang id] FILE.tsv...
Only measure on training splits: dev splits stay unseen for evaluation.
"""

from __future__ import annotations

import argparse
from collections import Counter
from pathlib import Path

KINDS = {
    "LOCATION": "place", "PLACE": "place",
    "ORGANIZATION": "organization", "ORGANISATION": "organization",
    "PERSON": "person",
}


def load_gazetteer(data: Path) -> dict[str, str]:
    """Lowercased name -> kind, first line wins, files in src/profile.rs order."""
    known: dict[str, str] = {}
    for kind, f in (("place", "places.txt"), ("organization", "organizations.txt"), ("person", "persons.txt")):
        for line in (data / f).read_text(encoding="utf-8").splitlines():
            line = line.split("#", 1)[0].strip()
            if not line or line.startswith("["):
                continue
            for n in line.split("|"):
                n = n.strip().lower()
                if n:
                    known.setdefault(n, kind)
    return known


def sentences(path: Path):
    """Sentences as (tokens, kinds-per-token, entity spans); `a - b` is joined
    into `a-b` as Sorot's tokenizer keeps inner hyphens."""
    toks: list[tuple[str, str]] = []
    for line in path.read_text(encoding="utf-8").splitlines() + [""]:
        if line.strip():
            tok, _, tag = line.partition("\t")
            toks.append((tok, tag.strip()))
            continue
        if not toks:
            continue
        merged: list[list[str]] = []
        i = 0
        while i < len(toks):
            t, g = toks[i]
            if t == "-" and merged and i + 1 < len(toks) and merged[-1][0][-1:].isalnum() and toks[i + 1][0][:1].isalnum():
                merged[-1][0] += "-" + toks[i + 1][0]
                i += 2
                continue
            merged.append([t, g])
            i += 1
        words = [t for t, _ in merged]
        spans = []
        start = None
        for j, (_, g) in enumerate(merged + [["", "O"]]):
            if start is not None and not g.startswith("I-"):
                spans.append((start, j, KINDS.get(merged[start][1][2:], "other")))
                start = None
            if g.startswith("B-") or (g.startswith("I-") and start is None):
                start = j
        toks = []
        yield words, spans


def measure(path: Path, known: dict[str, str], max_words: int) -> None:
    gold = Counter()
    covered = Counter()
    distinct: dict[str, set[str]] = {"place": set(), "organization": set()}
    distinct_cov: dict[str, set[str]] = {"place": set(), "organization": set()}
    hits = Counter()
    outside = Counter()
    for words, spans in sentences(path):
        by_span = {(s, e): k for s, e, k in spans}
        for s, e, k in spans:
            if k not in distinct:
                continue
            key = " ".join(words[s:e]).lower()
            gold[k] += 1
            distinct[k].add(key)
            if known.get(key) == k:
                covered[k] += 1
                distinct_cov[k].add(key)
        i = 0
        while i < len(words):
            if not words[i][:1].isupper():
                i += 1
                continue
            for n in range(min(max_words, len(words) - i), 0, -1):
                key = " ".join(words[i:i + n]).lower()
                kind = known.get(key)
                if kind is None:
                    continue
                g = by_span.get((i, i + n))
                if g == kind:
                    hits[kind, "exact"] += 1
                elif g is not None:
                    hits[kind, "wrong kind"] += 1
                elif any(s < i + n and i < e for s, e, _ in spans):
                    hits[kind, "partial"] += 1
                else:
                    hits[kind, "outside"] += 1
                    outside[kind, " ".join(words[i:i + n])] += 1
                i += n - 1
                break
            i += 1
    print(f"== {path.name}")
    for k in ("place", "organization"):
        pct = 100 * covered[k] / max(gold[k], 1)
        dpct = 100 * len(distinct_cov[k]) / max(len(distinct[k]), 1)
        total = sum(v for (kk, _), v in hits.items() if kk == k)
        row = ", ".join(f"{c} {hits[k, c]}" for c in ("exact", "wrong kind", "partial", "outside"))
        print(f"  {k:12} coverage {covered[k]}/{gold[k]} mentions = {pct:.1f}%, "
              f"{len(distinct_cov[k])}/{len(distinct[k])} strings = {dpct:.1f}%")
        print(f"  {'':12} hits {total}: {row}")
        top = [f"{w} ({c})" for (kk, w), c in outside.most_common() if kk == k][:25]
        print(f"  {'':12} top outside: {', '.join(top)}")


def main() -> None:
    here = Path(__file__).resolve().parent
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--lang", default="id")
    ap.add_argument("--root", type=Path, default=here.parent.parent)
    ap.add_argument("files", type=Path, nargs="+")
    args = ap.parse_args()
    known = load_gazetteer(args.root / "data" / args.lang)
    max_words = max(len(k.split()) for k in known)
    print(f"gazetteer: {len(known)} names")
    for f in args.files:
        measure(f, known, max_words)


if __name__ == "__main__":
    main()
