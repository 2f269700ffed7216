"""spaCy's small English NER on MEANTIME's named entity mentions, scored as Dossier's
`crates/extract/tests/entities_meantime.rs` (test `named_mentions_on_meantime`) scores
Dossier: the same text, the same gold, the same split and the same scorer.

MEANTIME (Minard et al., LREC 2016): 120 English Wikinews articles (2004-2011) in four
topic corpora (airbus, apple, gm, stock), CAT XML, document-level annotation
(`intra-doc_annotation/corpus_*`).

Text: each article's tokens, one sentence a line, joined the way `tests/cat/mod.rs` joins
them (no space before , . ; : ! ? ) % 's n't ' or after ( $ £ € US$).

Scored part: MEANTIME annotates only the title and the first five sentences after the date
line (sentences 0 and 2-5); predictions starting after them are not scored. The whole
article is tagged (and timed).

Gold: ENTITY_MENTION markables with syntactic_type="NAM" (named mentions only; PRE.NAM
premodifiers such as "US" in "US markets" and nominal/pronoun mentions are left out), typed
by the ENTITY they REFER_TO: PER -> PER, ORG -> ORG, LOC -> LOC, PRO (products), FIN
(financial: indices, currencies, programmes) and MIX -> MISC. A named mention linked to no
entity (17 of 1,013) has type "unknown": it counts in the untyped score only. Identical spans
are counted once.

Predictions, spaCy labels: PERSON -> PER; ORG -> ORG; GPE, LOC, FAC -> LOC; PRODUCT, EVENT,
WORK_OF_ART, LAW, LANGUAGE -> MISC; NORP dropped (nationality and group adjectives are not
NAM mentions in MEANTIME; Dossier's `nationality` names are dropped likewise); DATE, TIME,
PERCENT, MONEY, QUANTITY, ORDINAL, CARDINAL dropped.

Scores (micro, over the articles of a split):
- exact: a prediction is right when its span equals a gold span (typed: and its type);
- overlap: one-to-one alignment, identical spans first, then the largest character
  overlaps (typed: aligned within each type).
Precision is a lower bound for both systems: MEANTIME does not mark names nested in other
mentions ("Boeing" in "Boeing's 787"), and its spans take in determiners and titles ("the
FTSE 100", "Spokeswoman Sandy Angers"), which is why overlap is the figure to read.

Split: articles whose numeric doc id is even are the dev half (used to choose fixes), odd
the held-out half (reported).

Speed: nlp.pipe over all 120 articles with only the components NER needs, best of 3; words
are MEANTIME tokens.

Run (the model package loads offline):
    /tmp/ner-venv/bin/python eval/spacy_meantime.py [../shared/data/meantime]
"""

import glob
import os
import sys
import xml.etree.ElementTree as ET

import spacy

from spacy_common import MODEL, ONTONOTES_TO_CONLL, load, print_ner_speed
from spacy_common import prf as prf_counts

# MEANTIME does not annotate nationalities and groups (NORP) as named mentions.
MAPPING = {k: v for k, v in ONTONOTES_TO_CONLL.items() if k != "NORP"}
GOLD_TYPES = {"PER": "PER", "ORG": "ORG", "LOC": "LOC", "PRO": "MISC", "FIN": "MISC", "MIX": "MISC"}
TYPES = ["PER", "ORG", "LOC", "MISC"]
# MEANTIME annotates the title (sentence 0) and the first sentences of the body (2 to 5;
# sentence 1 is the date line) only.
LAST_ANNOTATED_SENTENCE = 5
GLUED_LEFT = {",", ".", ";", ":", "!", "?", ")", "%", "'s", "\u2019s", "n't", "'"}
GLUED_RIGHT = {"(", "$", "\u00a3", "\u20ac", "US$"}


def read_article(path):
    """(doc id, text, number of tokens, end of the annotated part (byte), gold set of
    (start, end, type))."""
    root = ET.parse(path).getroot()
    text, spans, previous = "", {}, None
    tokens = list(root.iter("token"))
    annotated_end = None
    for tok in tokens:
        word = tok.text or ""
        sentence = tok.get("sentence")
        if annotated_end is None and int(sentence) > LAST_ANNOTATED_SENTENCE:
            annotated_end = len(text.encode("utf-8"))
        if previous is not None:
            if previous[0] != sentence:
                text += "\n"
            elif word not in GLUED_LEFT and previous[1] not in GLUED_RIGHT:
                text += " "
        start = len(text.encode("utf-8"))
        text += word
        spans[tok.get("t_id")] = (start, len(text.encode("utf-8")))
        previous = (sentence, word)

    entity_type = {e.get("m_id"): e.get("ent_type") for e in root.iter("ENTITY")}
    type_of = {}
    for link in root.iter("REFERS_TO"):
        target = link.find("target")
        if target is None:
            continue
        for source in link.findall("source"):
            type_of[source.get("m_id")] = entity_type.get(target.get("m_id"))
    gold = {}
    for mention in root.iter("ENTITY_MENTION"):
        if mention.get("syntactic_type") != "NAM":
            continue
        covered = [spans[a.get("t_id")] for a in mention.findall("token_anchor") if a.get("t_id") in spans]
        if not covered:
            continue
        key = (min(s for s, _ in covered), max(e for _, e in covered))
        gold.setdefault(key, GOLD_TYPES.get(type_of.get(mention.get("m_id")), "unknown"))
    if annotated_end is None:
        annotated_end = len(text.encode("utf-8"))
    doc_id = int(root.get("doc_id"))
    return doc_id, text, len(tokens), annotated_end, {(s, e, t) for (s, e), t in gold.items()}


def align(gold, predicted):
    """Number of one-to-one overlapping pairs: identical spans first, then largest overlaps."""
    gold, predicted = sorted(gold), sorted(predicted)
    gold_taken, pred_taken = set(), set()
    pairs = 0
    index = {(p[0], p[1]): i for i, p in reversed(list(enumerate(predicted)))}
    for g, gm in enumerate(gold):
        p = index.get((gm[0], gm[1]))
        if p is not None and p not in pred_taken:
            gold_taken.add(g)
            pred_taken.add(p)
            pairs += 1
    overlaps = []
    for g, gm in enumerate(gold):
        for p, pm in enumerate(predicted):
            overlap = min(gm[1], pm[1]) - max(gm[0], pm[0])
            if overlap > 0 and g not in gold_taken and p not in pred_taken:
                overlaps.append((-overlap, g, p))
    for _, g, p in sorted(overlaps):
        if g not in gold_taken and p not in pred_taken:
            gold_taken.add(g)
            pred_taken.add(p)
            pairs += 1
    return pairs


class Counts:
    """Correct/predicted/gold counts for exact and overlap, untyped and per type."""

    def __init__(self):
        self.c = {}

    def add(self, key, tp, pr, gd):
        c = self.c.setdefault(key, [0, 0, 0])
        c[0] += tp
        c[1] += pr
        c[2] += gd

    def score(self, gold, pred):
        for t in TYPES:
            g = {x for x in gold if x[2] == t}
            p = {x for x in pred if x[2] == t}
            self.add(("exact", t), len(g & p), len(p), len(g))
            self.add(("overlap", t), align(g, p), len(p), len(g))
        typed_gold = {x for x in gold if x[2] in TYPES}
        self.add(("exact", "typed"), len(typed_gold & pred), len(pred), len(typed_gold))
        self.add(
            ("overlap", "typed"),
            sum(align({x for x in gold if x[2] == t}, {x for x in pred if x[2] == t}) for t in TYPES),
            len(pred),
            len(typed_gold),
        )
        gs = {(s, e) for s, e, _ in gold}
        ps = {(s, e) for s, e, _ in pred}
        self.add(("exact", "untyped"), len(gs & ps), len(ps), len(gs))
        self.add(("overlap", "untyped"), align(gs, ps), len(ps), len(gs))


def prf(c):
    return prf_counts(*c)


def report(name, counts):
    print(f"{name}:")
    for key in ["untyped", "typed"] + TYPES:
        line = f"  {key:<8}"
        for how in ["exact", "overlap"]:
            c = counts.c[(how, key)]
            p, r, f = prf(c)
            line += f"  {how} P {p:.3f} R {r:.3f} F1 {f:.3f}"
        line += f"  (gold {counts.c[('exact', key)][2]}, predicted {counts.c[('exact', key)][1]})"
        print(line)


def main():
    here = os.path.dirname(os.path.abspath(__file__))
    root = sys.argv[1] if len(sys.argv) > 1 else os.path.join(here, "..", "..", "shared", "data", "meantime")
    paths = sorted(glob.glob(os.path.join(root, "intra-doc_annotation", "corpus_*", "*.xml")))
    articles = [read_article(p) for p in paths]
    texts = [a[1] for a in articles]
    words = sum(a[2] for a in articles)

    nlp = load(ner_only=True)
    predicted = []
    for doc in nlp.pipe(texts):
        # spaCy gives character offsets; the gold (and Dossier) use UTF-8 byte offsets.
        text = doc.text
        predicted.append(
            {
                (len(text[: e.start_char].encode("utf-8")), len(text[: e.end_char].encode("utf-8")), MAPPING[e.label_])
                for e in doc.ents
                if e.label_ in MAPPING
            }
        )

    if os.environ.get("DOSSIER_MEANTIME_NER_DEBUG"):
        # The same lines as the Rust test prints with this variable set.
        for (doc_id, text, _, annotated_end, gold), pred in zip(articles, predicted):
            raw = text.encode("utf-8")
            for what, items in (("gold", gold), ("predicted", {x for x in pred if x[0] < annotated_end})):
                for s, e, t in sorted(items):
                    print(f"{doc_id}\t{what}\t{s}\t{e}\t{t}\t{raw[s:e].decode('utf-8')}")
        return
    print(
        f"spaCy {spacy.__version__} {MODEL} {nlp.meta['version']} on MEANTIME, "
        f"{len(articles)} articles, {words} tokens, named mentions (NAM):"
    )
    splits = {"dev (even doc ids)": 0, "held-out (odd doc ids)": 1, "all": None}
    for name, parity in splits.items():
        counts = Counts()
        n = 0
        for (doc_id, _, _, annotated_end, gold), pred in zip(articles, predicted):
            if parity is None or doc_id % 2 == parity:
                counts.score(gold, {x for x in pred if x[0] < annotated_end})
                n += 1
        report(f"{name}, {n} articles", counts)

    print_ner_speed(nlp, texts, words)


if __name__ == "__main__":
    main()
