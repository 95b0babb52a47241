#!/usr/bin/env bash
# Regenerates docs/figures/: `linkage figure` and `linkage table` for tpa and rr at one
# (8.5 cm) and two (17 cm) columns, English and Chinese, as a reader sees them.
# Figures: PDF and a 200 dpi PNG. Tables: the LaTeX typeset by pdflatex (English) and
# the Markdown set by pandoc (citeproc's default author-date style) + weasyprint in Noto
# Sans CJK SC (Chinese, which pdflatex cannot set), pages of 24 cm: the whole as PDF,
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

  # Chinese: the Markdown through pandoc (citations resolved) into HTML, set by weasyprint.
  "$linkage" table tpa rr --lang zh --format markdown -o "$work/table-zh.md"
  cat > "$work/page.css" <<CSS
@page { size: $(echo "$width + 1" | bc)cm 24cm; margin: 0.5cm; }
body { font-family: "Noto Sans CJK SC"; font-size: 7pt; line-height: 1.25; }
table { border-collapse: collapse; width: 100%; border-top: 1pt solid black; border-bottom: 1pt solid black; }
thead th { border-bottom: 0.5pt solid black; text-align: left; }
td, th { vertical-align: top; padding: 1pt 3pt; }
CSS
  pandoc "$work/table-zh.md" --citeproc --bibliography "$work/papers.bib" -s \
    --metadata title=" " --css "$work/page.css" -o "$work/table-zh.html"
  weasyprint "$work/table-zh.html" "$work/table-zh.pdf" 2>/dev/null
  pdftoppm -r 150 -f 1 -l 1 -singlefile -png "$work/table-zh.pdf" "$out/table-${width}cm-zh"
  cp "$work/table-zh.pdf" "$out/table-${width}cm-zh.pdf"
done
ls "$out"
