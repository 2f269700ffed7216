#!/usr/bin/env bash
# Date extraction on TempEval-3: Dossier (Rust test, release) and dateparser's search_dates
# (Python), same files, same text, same anchor (each file's document creation time), same
# scoring, in one run. Platinum is the test set; `--dev` also scores the TBAQ training data
# (TimeBank, AQUAINT), the development set. Needs ../shared/data beside the project and
# `pip install dateparser`. DATES_VERBOSE=1 lists each miss (FN), false date (FP) and wrong
# value (VAL) of both tools.
set -euo pipefail
cd "$(dirname "$0")/.."
data=../shared/data/tempeval3
verbose=()
[ -n "${DATES_VERBOSE:-}" ] && verbose=(--verbose)
filter=tempeval3_platinum_dates
sets=("$data/te3-platinum")
if [ "${1:-}" = "--dev" ]; then
  filter=tempeval3_
  sets+=("$data/TBAQ-cleaned/TimeBank" "$data/TBAQ-cleaned/AQUAINT")
fi
echo "== Dossier"
cargo test -q --release -p dossier-extract --test dates_tempeval -- \
  --nocapture --include-ignored --test-threads=1 "$filter" 2>&1 | grep -v '^running\|^test \|^$\|^ok$'
for dir in "${sets[@]}"; do
  echo "== dateparser ($(basename "$dir"))"
  python3 eval/dateparser_tempeval.py "$dir" --repeat "${REPEAT:-1}" "${verbose[@]}"
done
