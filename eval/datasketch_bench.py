#!/usr/bin/env python3
"""datasketch baseline for benches/reuse.rs: MinHash(num_perm=128) + MinHashLSH(threshold=t)
on exactly the shingles the Rust bench dumped (DOSSIER_DUMP_SHINGLES), timed as
sketch + query + insert per document (query before insert, like NearDuplicateIndex.insert).

Usage: python3 eval/datasketch_bench.py /tmp/shingles.txt [/tmp/gold.txt] [--per-item]

A candidate from lsh.query is reported as a pair when its estimated Jaccard (MinHash.jaccard)
reaches t, the same filter gaoya applies; raw LSH candidates are counted too.
--per-item hashes with MinHash.update per shingle instead of update_batch (same values).
"""
import resource
import sys
import time

from datasketch import MinHash, MinHashLSH


def rss_kb(field="VmRSS"):
    with open("/proc/self/status") as f:
        for line in f:
            if line.startswith(field):
                return int(line.split()[1])
    return 0


def main():
    args = [a for a in sys.argv[1:] if not a.startswith("--")]
    per_item = "--per-item" in sys.argv
    docs = []
    with open(args[0]) as f:
        for line in f:
            docs.append([int(x) for x in line.split()])
    gold = []
    if len(args) > 1:
        with open(args[1]) as f:
            for line in f:
                a, b, j = line.split()
                gold.append((int(a), int(b), float(j)))
    n = len(docs)
    print(f"{n} documents, {sum(map(len, docs))} shingles; hashing with "
          f"{'update per item' if per_item else 'update_batch'}")
    print("| index | t | docs/s (sketch+index+query) | s | raw LSH candidates | predicted | TP | gold | precision | recall | F1 | RSS before | peak RSS (ru_maxrss) |")
    print("|---|---|---|---|---|---|---|---|---|---|---|---|---|")
    for t in (0.5, 0.8):
        before = rss_kb()
        lsh = MinHashLSH(threshold=t, num_perm=128)
        sigs = {}
        predicted = set()
        raw = 0
        start = time.perf_counter()
        for i, hs in enumerate(docs):
            if not hs:
                continue
            m = MinHash(num_perm=128)
            if per_item:
                for h in hs:
                    m.update(h.to_bytes(8, "little"))
            else:
                m.update_batch([h.to_bytes(8, "little") for h in hs])
            for other in lsh.query(m):
                raw += 1
                if m.jaccard(sigs[other]) >= t:
                    predicted.add((other, i))
            lsh.insert(i, m)
            sigs[i] = m
        secs = time.perf_counter() - start
        peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
        g = {(a, b) for a, b, j in gold if j >= t}
        tp = len(predicted & g)
        p = tp / len(predicted) if predicted else 1.0
        r = tp / len(g) if g else float("nan")
        f1 = 2 * p * r / (p + r) if g and p + r else float("nan")
        print(f"| datasketch MinHashLSH b={lsh.b} r={lsh.r} | {t} | {n / secs:.0f} | {secs:.2f} | {raw} | "
              f"{len(predicted)} | {tp} | {len(g)} | {p:.4f} | {r:.4f} | {f1:.4f} | "
              f"{before // 1024} MB | {peak // 1024} MB |", flush=True)
        del lsh, sigs


if __name__ == "__main__":
    main()
