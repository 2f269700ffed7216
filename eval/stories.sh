#!/usr/bin/env bash
# Story clustering, B-cubed precision/recall/F1 and story counts, on ECB+ and Multi-News
# validation (dev part, held-out part, all), in one run: Dossier's online clusterer (release
# build; also prints its speed, features + assign, one thread), then the offline scikit-learn
# baseline (TF-IDF + average-linkage agglomerative, threshold tuned on the dev part) on the
# same documents and parts.
# Needs ../shared/data beside the project and `pip install scikit-learn numpy`.
set -euo pipefail
cd "$(dirname "$0")/.."
cargo test -q --release -p dossier-stories --test ecbplus_bcubed -- --nocapture 2>/dev/null \
  | grep -v '^test \|^running\|^$'
cargo test -q --release -p dossier-stories --test multi_news_bcubed -- --ignored --nocapture 2>/dev/null \
  | grep -v '^test \|^running\|^$'
python3 eval/stories_baseline.py --dataset both
