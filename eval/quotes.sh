#!/usr/bin/env bash
# Quotes and speakers on PolNeAR (Newell et al., LREC 2018): Dossier's extract_quotes (with
# its own entities) on every article of a split, scored against the gold Source / Cue /
# Content attributions: content span P/R/F1 (exact and overlap, direct vs indirect), recall
# on speech cues only, speaker agreement, attribution F1, error breakdown. Release build.
# Usage: bash eval/quotes.sh [test|dev] (default test; tune on dev only).
# QUOTES_VERBOSE=1 lists every missed attribution ("(no speech cue)" marks the non-speech ones),
# spurious quote and speaker error.
# Needs ../shared/data/polnear beside the project (the test skips itself when it is missing).
set -euo pipefail
cd "$(dirname "$0")/.."
split=${1:-test}
DOSSIER_POLNEAR_SPLIT=$split DOSSIER_POLNEAR_VERBOSE=${QUOTES_VERBOSE:-0} \
  cargo test -q --release -p dossier-extract --test quotes_polnear -- \
  --nocapture --test-threads=1 polnear_quotes_and_speakers 2>&1 | grep -v '^running\|^test \|^$\|^ok$\|^\.*$'
