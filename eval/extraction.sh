#!/usr/bin/env bash
# Body-extraction F1 and speed on the article-extraction-benchmark: Dossier (Rust, one
# thread) and Python trafilatura (one process), in one run, with the ratio of pages/s (best
# pass of each: DOSSIER_EXTRACTION_REPEAT Rust passes, default 5; DOSSIER_EXTRACTION_REPEAT_PY
# Python passes, default 3).
# Needs ../shared/data beside the project and `pip install trafilatura lxml_html_clean`.
set -euo pipefail
cd "$(dirname "$0")/.."
dossier=$(DOSSIER_EXTRACTION_REFERENCES=1 cargo bench -q -p dossier-web --bench extraction 2>/dev/null)
echo "$dossier"
python=$(python3 eval/trafilatura_extraction.py)
echo "$python"
ours=$(echo "$dossier" | sed -n 's/^dossier *\([0-9.]*\) pages\/s.*/\1/p')
theirs=$(echo "$python" | sed -n 's/^trafilatura [^ ]* \([0-9.]*\) pages\/s.*/\1/p')
python3 -c "print(f'speed ratio Dossier/trafilatura: {$ours / $theirs:.1f}x')"
