"""Python trafilatura on the article-extraction-benchmark: body F1 (the benchmark's
scoring, same as dossier_web::benchmark) and pages/s, single process.

    pip install trafilatura lxml_html_clean
    python3 eval/trafilatura_extraction.py [../shared/data/article-extraction-benchmark]

eval/extraction.sh runs it beside Dossier's extraction bench in one go.
"""
import gzip
import json
import re
import sys
import os
import time
from collections import Counter
from pathlib import Path

import trafilatura

WORD = re.compile(r"\w+")


def shingles(text):
    tokens = WORD.findall(text)
    if len(tokens) < 4:
        return Counter([tuple(tokens)])
    return Counter(tuple(tokens[i:i + 4]) for i in range(len(tokens) - 3))


def page_pr(expected, predicted):
    truth, guess = shingles(expected), shingles(predicted)
    tp = fp = fn = 0
    for key in set(truth) | set(guess):
        t, p = truth.get(key, 0), guess.get(key, 0)
        tp += min(t, p)
        fp += max(p - t, 0)
        fn += max(t - p, 0)
    if tp + fp + fn == 0:
        return None
    if fp == 0 and fn == 0:
        return 1.0, 1.0
    precision = tp / (tp + fp) if tp + fp else 0.0
    recall = tp / (tp + fn) if tp + fn else 0.0
    return precision, recall


def main():
    base = Path(sys.argv[1] if len(sys.argv) > 1 else
                Path(__file__).resolve().parent.parent.parent / "shared/data/article-extraction-benchmark")
    truth = json.loads((base / "ground-truth.json").read_text())
    hashes = sorted(truth)
    pages = [gzip.open(base / "html" / f"{h}.html.gz").read() for h in hashes]
    # The machine is shared: time several passes, report the best and the median.
    repeat = max(1, int(os.environ.get("DOSSIER_EXTRACTION_REPEAT_PY", "3")))
    times = []
    for _ in range(repeat):
        started = time.perf_counter()
        outputs = [trafilatura.extract(page) or "" for page in pages]
        times.append(time.perf_counter() - started)
    times.sort()
    seconds = times[0]
    median = times[len(times) // 2]
    scored = [page_pr(truth[h]["articleBody"], out) for h, out in zip(hashes, outputs)]
    scored = [s for s in scored if s is not None]
    precision = sum(p for p, _ in scored) / len(scored)
    recall = sum(r for _, r in scored) / len(scored)
    f1 = 2 * precision * recall / (precision + recall)
    print(f"trafilatura {trafilatura.__version__} P {precision:.3f} R {recall:.3f} F1 {f1:.3f} on {len(scored)} pages")
    print(f"trafilatura {trafilatura.__version__} {len(pages) / seconds:.1f} pages/s, one process "
          f"(best of {repeat}; median {len(pages) / median:.1f} pages/s)")


if __name__ == "__main__":
    main()
