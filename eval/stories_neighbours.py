#!/usr/bin/env python3
"""How far TF-IDF similarity can take story clustering: for each article, is its most similar
other article (TF-IDF cosine, the baseline's vectoriser in `stories_baseline.py`) in the same
true story? Printed per band of that nearest cosine, on Multi-News validation and ECB+.

When an article's nearest neighbour is in another story, no clustering over this similarity,
online or offline, can place it without also pulling in that neighbour or leaving it alone;
the share of such articles bounds what TF-IDF clustering can score.

Usage: python3 eval/stories_neighbours.py [--variants]
(`--variants` adds, for Multi-News, the share under other vectorisers: word bigrams, the first
five sentences only, other document-frequency cuts.)
"""
import re
import sys

import numpy as np
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.preprocessing import normalize

from stories_baseline import ECBPLUS, MULTI_NEWS, flatten, load_ecbplus, load_multi_news

BLOCK = 2000


def neighbours(name, stories):
    texts, labels = flatten(stories)
    labels = np.array(labels)
    X = TfidfVectorizer(sublinear_tf=True, stop_words="english", min_df=2, max_df=0.5).fit_transform(texts)
    sizes = {}
    for label in labels:
        sizes[label] = sizes.get(label, 0) + 1
    bands = {}
    right = total = 0
    for start in range(0, X.shape[0], BLOCK):
        S = (X[start : start + BLOCK] @ X.T).toarray()
        for k in range(S.shape[0]):
            i = start + k
            if sizes[labels[i]] < 2:
                continue
            S[k, i] = -1.0
            j = int(S[k].argmax())
            same = bool(labels[j] == labels[i])
            total += 1
            right += same
            band = bands.setdefault(min(int(S[k, j] * 10), 9), [0, 0])
            band[0] += 1
            band[1] += same
    print(f"{name}: {total} articles in stories of two or more; nearest neighbour in the same story: {right / total:.3f}")
    for b in sorted(bands):
        n, same = bands[b]
        print(f"  nearest cosine {b / 10:.1f}-{(b + 1) / 10:.1f}: {n:6d} articles, same story {same / n:.3f}")


def same_story_share(X, labels):
    """Share of articles whose nearest other article (cosine of the rows of X) shares its label."""
    X = normalize(X)
    right = 0
    for start in range(0, X.shape[0], BLOCK):
        S = (X[start : start + BLOCK] @ X.T).toarray()
        for k in range(S.shape[0]):
            S[k, start + k] = -1.0
        right += int((labels[S.argmax(axis=1)] == labels[start : start + S.shape[0]]).sum())
    return right / X.shape[0]


def variants(stories):
    texts, labels = flatten(stories)
    labels = np.array(labels)
    leads = [" ".join(re.split(r"(?<=[.!?])\s+", t)[:5]) for t in texts]
    base = dict(sublinear_tf=True, stop_words="english")
    for name, vectoriser, docs in [
        ("baseline (min_df=2, max_df=0.5)", TfidfVectorizer(**base, min_df=2, max_df=0.5), texts),
        ("words and bigrams", TfidfVectorizer(**base, min_df=2, max_df=0.5, ngram_range=(1, 2)), texts),
        ("first five sentences", TfidfVectorizer(**base, min_df=2, max_df=0.5), leads),
        ("min_df=1", TfidfVectorizer(**base, min_df=1, max_df=0.5), texts),
        ("max_df=0.05", TfidfVectorizer(**base, min_df=2, max_df=0.05), texts),
    ]:
        share = same_story_share(vectoriser.fit_transform(docs), labels)
        print(f"  Multi-News, {name}: nearest neighbour in the same story {share:.3f}", flush=True)


def main():
    multi_news = load_multi_news(MULTI_NEWS)
    neighbours("Multi-News validation", multi_news)
    neighbours("ECB+", load_ecbplus(ECBPLUS))
    if "--variants" in sys.argv[1:]:
        variants(multi_news)


if __name__ == "__main__":
    main()
