#!/usr/bin/env bash
# Typesets a paper's plain text as a journal would print it, for the tests of PDF texts
# (tests/integration/pdf.rs): two columns, words hyphenated at line ends, ligatures, a
# running head and a page number on every page. Needs Debian's pandoc and weasyprint.
#
#   scripts/typeset-pdf-fixture.sh TEXT.txt LANG "RUNNING HEAD" OUT.pdf
#
# The text is read as Markdown without "smart" punctuation, so its quotes and dashes
# stay the characters the encoded quotes were copied with.
set -euo pipefail
text=$1 lang=$2 head=$3 out=$4
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cat >"$work/style.css" <<CSS
@page {
  size: A4; margin: 2.2cm 1.6cm 2cm;
  @top-center { content: "$head"; font: italic 8pt "DejaVu Serif"; }
  @bottom-center { content: counter(page); font: 8pt "DejaVu Serif"; }
}
body { columns: 2; column-gap: 0.8cm; font: 9pt/1.3 "DejaVu Serif", "Noto Serif CJK SC";
       text-align: justify; hyphens: auto; font-variant-ligatures: common-ligatures; }
h1, h2, h3, h4 { font-size: 10pt; hyphens: manual; text-align: left; }
header { column-span: all; }
CSS
pandoc "$text" -f markdown-smart-tex_math_dollars-raw_tex -t html5 -s \
  --metadata pagetitle=fixture --metadata lang="$lang" -c "$work/style.css" -o "$work/paper.html"
weasyprint "$work/paper.html" "$out"
