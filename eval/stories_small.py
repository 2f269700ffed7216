#!/usr/bin/env python3
"""Story clustering on small collections, as a user ingests them: consecutive batches of
Multi-News validation clusters, each batch ingested alone into a new database by the
`dossier` binary, scored by B-cubed against the clusters (each cluster one true story).

    cargo build --release
    python3 eval/stories_small.py [--binary target/release/dossier] [--clusters 10] [--batches 10]

The streamed evaluation (`eval/stories.sh`) gives the clusterer all 15,317 articles, so its
document frequencies are those of a large collection; here it sees 10 or 100 clusters'
articles at a time, as a journalist's folder of reports.
"""

import argparse
import gzip
import os
import sqlite3
import subprocess
import tempfile


def main():
    here = os.path.dirname(os.path.abspath(__file__))
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--binary", default=os.path.join(here, "../target/release/dossier"))
    ap.add_argument(
        "--data", default=os.path.join(here, "../../shared/data/multi-news/validation.jsonl.gz")
    )
    ap.add_argument("--clusters", type=int, default=10, help="clusters per batch")
    ap.add_argument("--batches", type=int, default=10)
    args = ap.parse_args()

    lines = []
    with gzip.open(args.data, "rt", encoding="utf-8") as f:
        for line in f:
            if len(lines) == args.clusters * args.batches:
                break
            lines.append(line)
    precision = recall = 0.0
    docs = stories = truth = 0
    for b in range(args.batches):
        with tempfile.TemporaryDirectory() as tmp:
            corpus = os.path.join(tmp, "batch.jsonl")
            with open(corpus, "w", encoding="utf-8") as f:
                f.writelines(lines[b * args.clusters : (b + 1) * args.clusters])
            db_path = os.path.join(tmp, "batch.sqlite")
            # Exit status 1 means some records were rejected (empty articles); the rest is stored.
            run = subprocess.run(
                [args.binary, "ingest", corpus, "--db", db_path], capture_output=True, text=True
            )
            if run.returncode not in (0, 1):
                raise SystemExit(run.stderr)
            db = sqlite3.connect(db_path)
            rows = db.execute(
                "SELECT d.id, m.story FROM story_members m JOIN documents d ON d.rowid = m.doc"
            ).fetchall()
            db.close()
        # Articles are stored as CLUSTER.N.
        predicted = dict(rows)
        gold = {doc: doc.split(".")[0] for doc in predicted}
        for doc in predicted:
            same_story = [e for e in predicted if predicted[e] == predicted[doc]]
            same_gold = [e for e in predicted if gold[e] == gold[doc]]
            both = sum(1 for e in same_story if gold[e] == gold[doc])
            precision += both / len(same_story)
            recall += both / len(same_gold)
        docs += len(predicted)
        stories += len(set(predicted.values()))
        truth += len(set(gold.values()))
    precision /= max(docs, 1)
    recall /= max(docs, 1)
    f1 = 2 * precision * recall / max(precision + recall, 1e-9)
    print(
        f"{args.batches} batches of {args.clusters} clusters: {docs} articles, {stories} stories "
        f"({truth} true): B-cubed P {precision:.3f} R {recall:.3f} F1 {f1:.3f}"
    )


if __name__ == "__main__":
    main()
