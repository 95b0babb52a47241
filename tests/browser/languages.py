#!/usr/bin/env python3
"""The explorer in each language, in Debian's headless chromium through selenium.

Usage: languages.py PAGE.html OUT_DIR

PAGE is written with `linkage --lang zh html`. At 1366x768 and 390x844 the page is
opened (in Chinese, as written), measured and photographed (OUT/zh-WxH.png); then the
page's own toggle switches it to English and back. Writes OUT/languages.json: for each
language and size, the node labels drawn wider or taller than their boxes, the labels
wider than the room the layout reserved, the interface's words (every visible text but
quotes, citations, the papers' positions and concepts without a Chinese name) with their Latin
letters and CJK characters counted, and the page's `lang`. The Rust test
(tests/integration/languages.rs) asserts on it; the script asserts only that the page
ran without a console error and asked for nothing.
"""

import json
import os
import sys
import tempfile

import chrome
from selenium.webdriver.common.by import By

MEASURE = """
const spills = [], cramped = [];
const L = JSON.parse(document.getElementById('graph-data').textContent).layout.nodes;
document.querySelectorAll('#nodes .node').forEach((g, v) => {
  const r = g.querySelector('rect').getBBox(), t = g.querySelector('text').getBBox();
  const label = g.querySelector('text').textContent;
  if (t.x < r.x - 0.5 || t.x + t.width > r.x + r.width + 0.5 ||
      t.y < r.y - 0.5 || t.y + t.height > r.y + r.height + 0.5)
    spills.push([g.id, label, Math.round(t.width), Math.round(r.width)]);
  if (t.width > L[v][2] + 0.5) cramped.push([g.id, label, Math.round(t.width), L[v][2]]);
});
// The interface: every visible text of the page, less the papers' own words (quotes,
// locators and citations in .source, citation lists in .papers, the positions, the
// paper picker's citations) and the labels of concepts the data names in English only.
const exempt = '.source, .papers, table.positions td, #paper-filter, .english-only';
const english = new Set(JSON.parse(document.getElementById('graph-data').textContent)
  .nodes.filter(n => !n.zh).map(n => n.label));
const words = [];
const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
for (let n = walker.nextNode(); n; n = walker.nextNode()) {
  const el = n.parentElement, text = n.textContent.trim();
  if (!text || el.closest('script') || el.closest(exempt)) continue;
  if (el.closest('option') && el.closest('select') && !el.closest('select').offsetParent) continue;
  const shown = el.closest('svg') ? el.getBoundingClientRect().width > 0
    : el.getClientRects().length > 0 && getComputedStyle(el).visibility !== 'hidden';
  if (!shown || english.has(text) || english.has(el.closest('text, button, td, option, h2, h3, h4') ?
      el.closest('text, button, td, option, h2, h3, h4').textContent.trim() : '')) continue;
  words.push(text);
}
// A difference's sentence carries both positions, in the papers' words: not counted.
const positions = JSON.parse(document.getElementById('graph-data').textContent)
  .relations.flatMap(r => r.positions || []).sort((x, y) => y.length - x.length);
const all = positions.reduce((text, p) => text.split(p).join(''), words.join('\\n'));
return {
  lang: document.documentElement.lang,
  spills: spills,
  cramped: cramped,
  latin: (all.match(/[A-Za-z]/g) || []).length,
  cjk: (all.match(/[\\u3400-\\u9fff]/g) || []).length,
  latinWords: Array.from(new Set(all.split('\\n').filter(w => /[A-Za-z]{2}/.test(w)))).slice(0, 60),
  tab: document.querySelector('[role=tab][aria-selected=true]').textContent,
  heading: document.querySelector('#diff-result h2') ? document.querySelector('#diff-result h2').textContent : null,
  counted: Array.from(document.querySelectorAll('#compare-table th:first-child')).map(th => th.textContent),
};
"""


def main():
    page, out = sys.argv[1], sys.argv[2]
    shown = {}
    with tempfile.TemporaryDirectory() as profile:
        driver = chrome.browser(profile, "--window-size=1366,768", log_console=True)
        try:
            for width, height, mobile in [(1366, 768, False), (390, 844, True)]:
                driver.execute_cdp_cmd(
                    "Emulation.setDeviceMetricsOverride",
                    {"width": width, "height": height, "deviceScaleFactor": 1, "mobile": mobile},
                )
                driver.get("file://" + os.path.abspath(page))
                size = "%dx%d" % (width, height)
                driver.save_screenshot(os.path.join(out, "zh-%s.png" % size))
                shown["zh-" + size] = driver.execute_script(MEASURE)
                # The page's toggle: English, then Chinese again.
                driver.find_element(By.ID, "lang").click()
                shown["en-" + size] = driver.execute_script(MEASURE)
                driver.save_screenshot(os.path.join(out, "en-%s.png" % size))
                driver.find_element(By.ID, "lang").click()
                shown["zh-again-" + size] = driver.execute_script(MEASURE)
            resources = driver.execute_script(
                "return performance.getEntriesByType('resource').map(e => e.name)"
            )
            if resources:
                raise AssertionError("the page asked for %r" % resources)
            errors = [
                e for e in driver.get_log("browser") if e.get("level") in ("SEVERE", "WARNING")
            ]
            if errors:
                raise AssertionError("console errors: %r" % errors)
        finally:
            driver.quit()
    with open(os.path.join(out, "languages.json"), "w", encoding="utf-8") as f:
        json.dump(shown, f, ensure_ascii=False, indent=1)


if __name__ == "__main__":
    main()
