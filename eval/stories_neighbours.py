#!/usr/bin/env python3
"""How far TF-IDF similarity can take story clustering: for each article, is its most similar
other article (TF-IDF cosine, the baseline's vectoriser in `stories_baseline.py`) in the same
true story? Printed per band of that nearest cosine, on Multi-News validation and ECB+.

When an article's nearest neighbour is in another story, no clustering over this similarity,
online or offline, can place it without also pulling in that neighbour or leaving it alone;
the share of such articles bounds what TF-IDF clustering can score.

Usage: python3 eval/stories_neighbours.py
"""
import numpy as np
from sklearn.feature_extraction.text import TfidfVectorizer

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


def main():
    neighbours("Multi-News validation", load_multi_news(MULTI_NEWS))
    neighbours("ECB+", load_ecbplus(ECBPLUS))


if __name__ == "__main__":
    main()
