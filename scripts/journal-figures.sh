#!/usr/bin/env bash
# Regenerates docs/figures/: `linkage figure` and `linkage table` for tpa and rr at one
# (8.5 cm) and two (17 cm) columns, English and Chinese, as a reader sees them.
# Figures: PDF and a 200 dpi PNG. Tables: the LaTeX typeset by pdflatex (English) and
# by XeLaTeX with xeCJK in Noto Sans CJK SC (Chinese), pages of 24 cm: the whole as PDF,
# the first page as a 150 dpi PNG. Needs what scripts/test-deps.sh installs.
set -euo pipefail
cd "$(dirname "$0")/.."
linkage=${LINKAGE:-target/debug/linkage}
out=docs/figures
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
mkdir -p "$out"

for lang in en zh; do
  suffix=$([ "$lang" = zh ] && echo -zh || true)
  for ext in pdf png; do
    "$linkage" figure tpa rr --width 8.5cm --no-positions --lang "$lang" --dpi 200 -o "$out/figure-8.5cm$suffix.$ext"
    "$linkage" figure tpa rr --width 17cm --min-papers 2 --lang "$lang" --dpi 200 -o "$out/figure-17cm$suffix.$ext"
  done
done

"$linkage" export --format bibtex -o "$work/papers.bib"
"$linkage" table tpa rr -o "$work/table.tex"
for width in 8.5 17; do
  # English: the LaTeX as a journal's class would set it, a text block $width cm wide.
  cat > "$work/doc.tex" <<TEX
\\documentclass[10pt]{article}
\\usepackage[paperwidth=$(echo "$width + 1" | bc)cm,paperheight=24cm,margin=0.5cm]{geometry}
\\usepackage{booktabs,array,longtable}
\\pagestyle{empty}
\\begin{document}
\\input{table.tex}
\\bibliographystyle{plain}
\\nocite{*}
\\bibliography{papers}
\\end{document}
TEX
  (cd "$work" && pdflatex -interaction=nonstopmode doc >/dev/null && bibtex doc >/dev/null \
    && pdflatex -interaction=nonstopmode doc >/dev/null && pdflatex -interaction=nonstopmode doc >/dev/null)
  pdftoppm -r 150 -f 1 -l 1 -singlefile -png "$work/doc.pdf" "$out/table-${width}cm"
  cp "$work/doc.pdf" "$out/table-${width}cm.pdf"

  # Chinese: the same LaTeX in Chinese, set by XeLaTeX with xeCJK in Noto Sans CJK SC,
  # as the table's first comment asks.
  "$linkage" table tpa rr --lang zh -o "$work/table-zh.tex"
  sed -e 's/table.tex/table-zh.tex/' \
    -e 's/\\pagestyle{empty}/\\usepackage{xeCJK}\n\\setCJKmainfont{Noto Sans CJK SC}\n\\xeCJKDeclareCharClass{Default}{"2018,"2019,"201C,"201D}\n\\renewcommand{\\tablename}{表}\n\\pagestyle{empty}/' \
    "$work/doc.tex" > "$work/doc-zh.tex"
  (cd "$work" && xelatex -interaction=nonstopmode doc-zh >/dev/null && bibtex doc-zh >/dev/null \
    && xelatex -interaction=nonstopmode doc-zh >/dev/null && xelatex -interaction=nonstopmode doc-zh >/dev/null)
  pdftoppm -r 150 -f 1 -l 1 -singlefile -png "$work/doc-zh.pdf" "$out/table-${width}cm-zh"
  cp "$work/doc-zh.pdf" "$out/table-${width}cm-zh.pdf"
done
ls "$out"
