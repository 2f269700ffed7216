#!/usr/bin/env python3
"""Offline story-clustering baseline, scored with B-cubed, on Multi-News validation and ECB+.

The baseline a practitioner would write: TF-IDF (sublinear tf, English stop words, min_df=2,
max_df=0.5) fit on the articles of the part being clustered, then average-linkage agglomerative
clustering on cosine distance, cut at a distance threshold tuned on the dev part (grid 0.50-0.95
step 0.05, best dev B-cubed F1), then applied unchanged to the held-out part and to everything.

Parts (the same as Dossier's evaluations in crates/stories/tests/):
- Multi-News validation (one JSON line = one true story): dev = stories with an even `id`,
  held-out = odd `id`.
- ECB+ (true story = topic and event, `N_Kecb.xml` vs `N_Kecbplus.xml`; 86 stories): dev =
  topics 1-35, held-out = topics 36-45 (the usual ECB+ test topics). Article text = the tokens
  joined with spaces, one sentence a line; sentence 0 of the ecbplus files (the address the
  article was found at) is left out, as in Dossier's evaluation.

scikit-learn's AgglomerativeClustering rejects sparse input for metric='cosine', so the cosine
distance matrix is computed from the sparse TF-IDF matrix (sklearn cosine_distances) and passed
with metric='precomputed'; this is the same clustering as metric='cosine', linkage='average'.

Usage: python3 eval/stories_baseline.py [--dataset multi-news|ecbplus|both]
       [--multi-news PATH] [--ecbplus DIR] [--max-docs N]
"""
import argparse
import gzip
import json
import os
import re
import time
import xml.etree.ElementTree as ET
from collections import Counter, defaultdict

import numpy as np
from sklearn.cluster import AgglomerativeClustering
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.metrics.pairwise import cosine_distances

HERE = os.path.dirname(os.path.abspath(__file__))
DATA = os.path.join(HERE, "..", "..", "shared", "data")
MULTI_NEWS = os.path.join(DATA, "multi-news", "validation.jsonl.gz")
ECBPLUS = os.path.join(DATA, "ecbplus", "ECB+")
LAST_DEV_TOPIC = 35


def load_multi_news(path):
    """[(story id, dev?, [article texts])], one per true story."""
    stories = []
    with gzip.open(path, "rt", encoding="utf-8") as f:
        for line in f:
            obj = json.loads(line)
            docs = [d.replace("NEWLINE_CHAR", "\n").strip() for d in obj["documents"]]
            docs = [d for d in docs if d]
            if docs:
                stories.append((str(obj["id"]), int(obj["id"]) % 2 == 0, docs))
    return stories


def ecbplus_text(path, event):
    sentences = defaultdict(list)
    for tok in ET.parse(path).getroot().iter("token"):
        text = (tok.text or "").strip()
        if text:
            sentences[int(tok.get("sentence"))].append(text)
    if event == "ecbplus":
        sentences.pop(0, None)  # the address the article was found at
    return "\n".join(" ".join(sentences[k]) for k in sorted(sentences))


def load_ecbplus(root):
    """[(story id, dev?, [article texts])], one per true story (topic, event)."""
    by_story = defaultdict(list)
    for topic in sorted(os.listdir(root), key=int):
        for name in sorted(os.listdir(os.path.join(root, topic))):
            m = re.fullmatch(r"(\d+)_\d+(ecbplus|ecb)\.xml", name)
            if not m:
                continue
            event = m.group(2)
            text = ecbplus_text(os.path.join(root, topic, name), event)
            by_story[(int(topic), event)].append(text)
    return [(f"{t}{e}", t <= LAST_DEV_TOPIC, docs) for (t, e), docs in sorted(by_story.items())]


def flatten(stories):
    texts, labels = [], []
    for sid, _, docs in stories:
        for d in docs:
            texts.append(d)
            labels.append(sid)
    return texts, labels


def bcubed(pred, true):
    pair = Counter(zip(pred, true))
    psize = Counter(pred)
    tsize = Counter(true)
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
    return model.fit_predict(D).tolist()


def evaluate(name, stories, max_docs):
    def capped(sts):
        if not max_docs:
            return sts
        out, n = [], 0
        for s in sts:
            if n + len(s[2]) > max_docs:
                break
            out.append(s)
            n += len(s[2])
        return out

    parts = {
        "dev": capped([s for s in stories if s[1]]),
        "held-out": capped([s for s in stories if not s[1]]),
        "all": capped(stories),
    }
    n_all = sum(len(s[2]) for s in stories)
    print(f"\n## {name}: {n_all} articles in {len(stories)} true stories; "
          f"dev {len(parts['dev'])} stories, held-out {len(parts['held-out'])}")

    # Tune on dev: vectorise once, cluster at each grid threshold.
    dev_texts, dev_labels = flatten(parts["dev"])
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
        print(f"  {d:.2f}  {p:.3f}  {r:.3f}  {f:.3f}  {len(set(pred))}")
        if best is None or f > best[1]:
            best = (d, f)
    d_best = best[0]
    del D
    print(f"best dev threshold d = {d_best:.2f}")

    print(f"\n| {name} | part | articles | threshold | B-cubed P | R | F1 "
          "| stories found / true | seconds (docs/s) |")
    print("|---|---|---|---|---|---|---|---|---|")
    for part, sts in parts.items():
        texts, labels = flatten(sts)
        t0 = time.perf_counter()
        pred = cluster(vectorise(texts), d_best)
        secs = time.perf_counter() - t0
        p, r, f = bcubed(pred, labels)
        print(f"| baseline | {part} | {len(texts):,} | {d_best:.2f} | {p:.3f} | {r:.3f} | {f:.3f} "
              f"| {len(set(pred)):,} / {len(set(labels)):,} | {secs:.1f} ({len(texts) / secs:,.0f}) |")


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--dataset", choices=["multi-news", "ecbplus", "both"], default="both")
    ap.add_argument("--multi-news", default=MULTI_NEWS)
    ap.add_argument("--ecbplus", default=ECBPLUS)
    ap.add_argument("--max-docs", type=int, default=0,
                    help="cap articles per part (whole stories, in file order); 0 = no cap")
    args = ap.parse_args()
    if args.dataset in ("ecbplus", "both"):
        evaluate("ECB+", load_ecbplus(args.ecbplus), args.max_docs)
    if args.dataset in ("multi-news", "both"):
        evaluate("Multi-News", load_multi_news(args.multi_news), args.max_docs)


if __name__ == "__main__":
    main()
