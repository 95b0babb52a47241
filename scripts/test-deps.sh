#!/usr/bin/env bash
# Installs what linkage's tests drive for real (run once, as root, on a Debian machine):
# Graphviz and a CJK font, Chromium with its driver and selenium, pandoc with rsvg and
# weasyprint, the Python and Node readers of every export format. `.ci/run` calls it.
set -euo pipefail
cd "$(dirname "$0")/.."

# Graphviz renders and validates every DOT the tests produce; the CJK font lets it
# lay out Chinese labels (`--lang zh`).
# `figure` is set in Liberation Sans and Noto Sans CJK SC; its test reads the PDF's
# fonts with pdffonts (poppler-utils).
if ! command -v dot >/dev/null 2>&1 || ! fc-list 2>/dev/null | grep -qi 'noto.*cjk' \
  || ! fc-list 2>/dev/null | grep -qi 'liberation sans' || ! command -v pdffonts >/dev/null 2>&1; then
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq graphviz fonts-noto-cjk fonts-liberation poppler-utils >/dev/null
fi
dot -V

# The explorer's browser test (tests/browser/explorer.py) drives Debian's chromium
# through selenium; the handout test converts with Debian's pandoc (SVG figures through
# rsvg-convert, PDF through weasyprint).
if ! command -v chromium >/dev/null 2>&1 || ! command -v chromedriver >/dev/null 2>&1 \
  || ! command -v pandoc >/dev/null 2>&1 || ! command -v weasyprint >/dev/null 2>&1 \
  || ! command -v rsvg-convert >/dev/null 2>&1; then
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq chromium chromium-driver pandoc weasyprint librsvg2-bin >/dev/null
fi
if ! python3 -c 'import selenium' >/dev/null 2>&1; then
  pip install --quiet selenium==4.51.0 || pip install --quiet --break-system-packages selenium==4.51.0
fi
# `table` is read back as a journal would: its LaTeX compiled by pdflatex with booktabs
# and longtable, its keys resolved by BibTeX (about a minute to install), its DOCX
# opened by python-docx (tests/integration/journal.rs); the Chinese table set by XeLaTeX
# with xeCJK (texlive-xetex, texlive-lang-chinese).
if ! command -v pdflatex >/dev/null 2>&1 || ! kpsewhich booktabs.sty >/dev/null 2>&1 \
  || ! command -v xelatex >/dev/null 2>&1 || ! kpsewhich xeCJK.sty >/dev/null 2>&1; then
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq --no-install-recommends texlive-latex-base texlive-latex-recommended \
    texlive-xetex texlive-lang-chinese >/dev/null
fi
# The PowerPoint deck is converted to PDF by LibreOffice Impress, to find every table
# cell on its slide (tests/integration/deck.rs).
if ! command -v soffice >/dev/null 2>&1; then
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq --no-install-recommends libreoffice-impress >/dev/null
fi
# The real consumers that read every export back in tests/integration/exports.rs
# (tests/consumers/*.py); lxml reads the quiz's Moodle XML back (tests/integration/quiz.rs),
# python-pptx the PowerPoint deck (tests/integration/deck.rs).
pip install -q networkx==3.6.1 python-igraph==1.0.0 kuzu==0.11.3 rdflib==7.6.0 \
  pyshacl==0.40.1 citeproc-py==0.11.1 pybtex==0.26.1 pylatexenc==2.11 markdown-it-py==4.0.0 \
  python-docx==1.2.0 lxml==6.2.0 python-pptx==1.0.2
# The Python package (scripts/python-package.sh): maturin builds the wheel; pytest,
# pandas, nbclient and ipykernel run its tests and the notebook (in a fresh venv, where
# the script installs the same pins).
pip install -q maturin==1.16.0 pytest==9.2.0 pandas==3.1.1 nbclient==0.11.0 \
  nbformat==5.11.1 ipykernel==7.4.0
# Mermaid's own parser (and jsdom, for it to run under node), pinned in package.json.
if ! command -v node >/dev/null 2>&1; then
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq nodejs npm >/dev/null
fi
npm install --no-audit --no-fund --prefix tests/consumers

