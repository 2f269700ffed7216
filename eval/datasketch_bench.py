#!/usr/bin/env python3
"""datasketch baseline for benches/reuse.rs: MinHash(num_perm=128) + MinHashLSH(threshold=t)
on exactly the shingles the Rust bench dumped (DOSSIER_DUMP_SHINGLES), timed as
sketch + query + insert per document (query before insert, like NearDuplicateIndex.insert),
in wall-clock and in CPU seconds (time.process_time; on a shared machine the CPU time is
the steadier figure).

Usage: python3 eval/datasketch_bench.py /tmp/shingles.txt [/tmp/gold.txt] [--per-item] [--repeat=N]

A candidate from lsh.query is reported as a pair when its estimated Jaccard (MinHash.jaccard)
reaches t, the same filter gaoya applies; raw LSH candidates are counted too.
--per-item hashes with MinHash.update per shingle instead of update_batch (same values).
--repeat=N times each threshold N times (default 3) and reports the best and the median time
(docs/s from the best), as benches/reuse.rs does for Dossier, so that a burst of load on a
shared machine does not decide the figure.
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
    repeat = 3
    for a in sys.argv[1:]:
        if a.startswith("--repeat="):
            repeat = max(1, int(a.split("=", 1)[1]))
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
    print(f"best and median of {repeat} runs (docs/s from the best)")
    print("| index | t | docs/s (sketch+index+query) | s (best) | s (median) | CPU s (best run) | raw LSH candidates | predicted | TP | gold | precision | recall | F1 | RSS before | peak RSS (ru_maxrss) |")
    print("|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|")
    for t in (0.5, 0.8):
        before = rss_kb()
        times = []
        for _ in range(repeat):
            secs, cpu, lsh, raw, predicted = run(docs, t, per_item)
            times.append((secs, cpu))
            b, r = lsh.b, lsh.r
            del lsh
        times.sort()
        secs, cpu = times[0]
        median = times[len(times) // 2][0]
        peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
        g = {(a, b_) for a, b_, j in gold if j >= t}
        tp = len(predicted & g)
        p = tp / len(predicted) if predicted else 1.0
        rec = tp / len(g) if g else float("nan")
        f1 = 2 * p * rec / (p + rec) if g and p + rec else float("nan")
        print(f"| datasketch MinHashLSH b={b} r={r} | {t} | {n / secs:.0f} | {secs:.2f} | {median:.2f} | {cpu:.2f} | {raw} | "
              f"{len(predicted)} | {tp} | {len(g)} | {p:.4f} | {rec:.4f} | {f1:.4f} | "
              f"{before // 1024} MB | {peak // 1024} MB |", flush=True)


def run(docs, t, per_item):
    """One timed pass: (wall s, CPU s, the index, raw candidates, predicted pairs)."""
    lsh = MinHashLSH(threshold=t, num_perm=128)
    sigs = {}
    predicted = set()
    raw = 0
    cpu_start = time.process_time()
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
    cpu = time.process_time() - cpu_start
    del sigs
    return secs, cpu, lsh, raw, predicted


if __name__ == "__main__":
    main()
