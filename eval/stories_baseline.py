#!/usr/bin/env python3
"""Offline story-clustering baseline on Multi-News validation, scored with B-cubed.

TF-IDF (sublinear tf, English stop words, min_df=2, max_df=0.5) fit on the articles of the
split being clustered, then average-linkage agglomerative clustering on cosine distance with a
distance threshold tuned on a dev split (20% of true stories, random.Random(0) shuffle).

scikit-learn's AgglomerativeClustering rejects sparse input for metric='cosine', so the cosine
distance matrix is computed from the sparse TF-IDF matrix (sklearn cosine_distances) and passed
with metric='precomputed'; this is the same clustering as metric='cosine', linkage='average'.

Usage: python3 eval/stories_baseline.py [--data PATH] [--max-docs N]
"""
import argparse
import gzip
import json
import random
import time
from collections import Counter

import numpy as np
from sklearn.cluster import AgglomerativeClustering
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.metrics.pairwise import cosine_distances

DATA = "/work/shared/data/multi-news/validation.jsonl.gz"


def load(path):
    stories = []  # list of list of article texts, one list per true story
    with gzip.open(path, "rt", encoding="utf-8") as f:
        for line in f:
            obj = json.loads(line)
            docs = [d.replace("NEWLINE_CHAR", "\n").strip() for d in obj["documents"]]
            docs = [d for d in docs if d]
            if docs:
                stories.append(docs)
    return stories


def flatten(stories):
    texts, labels = [], []
    for i, docs in enumerate(stories):
        for d in docs:
            texts.append(d)
            labels.append(i)
    return texts, np.asarray(labels)


def bcubed(pred, true):
    pair = Counter(zip(pred.tolist(), true.tolist()))
    psize = Counter(pred.tolist())
    tsize = Counter(true.tolist())
    n = len(pred)
    p = sum(c * c / psize[a] for (a, _), c in pair.items()) / n
    r = sum(c * c / tsize[b] for (_, b), c in pair.items()) / n
    f = 2 * p * r / (p + r) if p + r else 0.0
    return p, r, f


def vectorise(texts):
    vec = TfidfVectorizer(sublinear_tf=True, stop_words="english", min_df=2, max_df=0.5)
    X = vec.fit_transform(texts)
    D = cosine_distances(X)
    np.clip(D, 0.0, 2.0, out=D)
    np.fill_diagonal(D, 0.0)
    return D


def cluster(D, d):
    model = AgglomerativeClustering(
        n_clusters=None, metric="precomputed", linkage="average", distance_threshold=d
    )
    return model.fit_predict(D)


def run(texts, labels, d):
    t0 = time.perf_counter()
    D = vectorise(texts)
    pred = cluster(D, d)
    secs = time.perf_counter() - t0
    return pred, secs


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--data", default=DATA)
    ap.add_argument("--max-docs", type=int, default=0,
                    help="cap articles per split (whole stories, in shuffled order); 0 = no cap")
    args = ap.parse_args()

    stories = load(args.data)
    rng = random.Random(0)
    order = list(range(len(stories)))
    rng.shuffle(order)
    stories = [stories[i] for i in order]
    ndev = int(0.2 * len(stories))
    splits = {"dev": stories[:ndev], "test": stories[ndev:], "all": stories}

    def capped(sts):
        if not args.max_docs:
            return sts
        out, n = [], 0
        for s in sts:
            if n + len(s) > args.max_docs:
                break
            out.append(s)
            n += len(s)
        return out

    n_all = sum(len(s) for s in stories)
    print(f"loaded {n_all} articles in {len(stories)} true stories; "
          f"dev {ndev} stories, test {len(stories) - ndev}")

    # Tune on dev: vectorise once, cluster at each grid threshold.
    dev_texts, dev_labels = flatten(capped(splits["dev"]))
    t0 = time.perf_counter()
    D = vectorise(dev_texts)
    tv = time.perf_counter() - t0
    grid = [round(x, 2) for x in np.arange(0.50, 0.951, 0.05)]
    best = None
    print(f"\ndev grid ({len(dev_texts)} articles, vectorise {tv:.1f}s):")
    print("  d     P      R      F1     clusters")
    for d in grid:
        pred = cluster(D, d)
        p, r, f = bcubed(pred, dev_labels)
        k = len(set(pred.tolist()))
        print(f"  {d:.2f}  {p:.3f}  {r:.3f}  {f:.3f}  {k}")
        if best is None or f > best[1]:
            best = (d, f)
    d_best = best[0]
    del D
    print(f"best dev threshold d = {d_best:.2f}")

    rows = []
    for name in ("dev", "test", "all"):
        texts, labels = flatten(capped(splits[name]))
        pred, secs = run(texts, labels, d_best)
        p, r, f = bcubed(pred, labels)
        k = len(set(pred.tolist()))
        ntrue = len(set(labels.tolist()))
        rows.append((name, len(texts), d_best, p, r, f, k, ntrue, secs))

    print("\n| split | articles | threshold | P | R | F1 | clusters found / true | seconds (docs/s) |")
    print("|---|---|---|---|---|---|---|---|")
    for name, n, d, p, r, f, k, nt, secs in rows:
        print(f"| {name} | {n:,} | {d:.2f} | {p:.3f} | {r:.3f} | {f:.3f} | {k:,} / {nt:,} "
              f"| {secs:.1f} ({n / secs:,.0f}) |")


if __name__ == "__main__":
    main()
