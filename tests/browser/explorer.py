#!/usr/bin/env python3
"""Drives the explorer page in Debian's headless chromium through selenium.

Usage: explorer.py PAGE.html PAIRS.json OUT_DIR
       explorer.py --faded PAGE.html   (prints the nodes drawn faded on opening)
       explorer.py --first-view PAGE.html OUT_DIR NODE_ID...   (the opening view at
           three sizes: screenshots and OUT_DIR/first-view.json)
       explorer.py --pickers PAGE.html OUT_DIR PAPER QUERY   (the pickers, the panel's
           scroll, Fit: OUT_DIR/pickers.json)

Searches, clicks a node and a relation, reads a quote, runs a path and a diff, switches
paper and language, and asserts on what the page shows; checks that no request left the
page; takes screenshots at 1366x768 into OUT_DIR; and writes OUT_DIR/shown.json (what the
page showed) and OUT_DIR/answers.json (the page's path and diff answers for every pair of
ids in PAIRS.json, under each paper filter listed there) for the Rust test to compare with
the library. Exits non-zero on the first failed assertion.
"""

import json
import os
import sys
import tempfile

import chrome
from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys
from selenium.webdriver.common.action_chains import ActionChains
from selenium.webdriver.support.ui import Select


CONTRAST = """
function lum(c) {
  const v = c.match(/[\\d.]+/g).slice(0, 3).map(Number).map(x => {
    x /= 255; return x <= 0.03928 ? x / 12.92 : Math.pow((x + 0.055) / 1.055, 2.4); });
  return 0.2126 * v[0] + 0.7152 * v[1] + 0.0722 * v[2];
}
function background(el) {
  for (; el && el.nodeType === 1; el = el.parentElement) {
    const bg = getComputedStyle(el).backgroundColor;
    const alpha = bg.startsWith('rgba') ? Number(bg.match(/[\\d.]+/g)[3]) : 1;
    if (alpha > 0.9) return bg;
  }
  return 'rgb(255, 255, 255)';
}
const low = [];
document.querySelectorAll('.bar *, .panel *, .legend *').forEach(el => {
  const text = Array.from(el.childNodes).filter(n => n.nodeType === 3 && n.textContent.trim());
  if (!text.length || !el.getClientRects().length) return;
  const style = getComputedStyle(el);
  if (style.visibility === 'hidden' || style.display === 'none') return;
  const a = lum(style.color), b = lum(background(el));
  const ratio = (Math.max(a, b) + 0.05) / (Math.min(a, b) + 0.05);
  if (ratio < 4.5) low.push([el.tagName, el.className, text[0].textContent.trim().slice(0, 40), ratio.toFixed(2)]);
});
return low;
"""


def browser(profile):
    return chrome.browser(profile, "--window-size=1366,768", log_console=True)


def check(condition, message):
    if not condition:
        raise AssertionError(message)


def faded(page):
    """Prints the ids of the nodes drawn faded when the page opens (no filter set)."""
    with tempfile.TemporaryDirectory() as profile:
        driver = browser(profile)
        try:
            driver.get("file://" + os.path.abspath(page))
            ids = driver.execute_script(
                "return Array.from(document.querySelectorAll('#nodes .node.faded')).map(g => g.id)"
            )
            print(json.dumps(ids))
        finally:
            driver.quit()


FIRST_VIEW = """
const canvas = document.getElementById('graph').getBoundingClientRect();
const legend = document.getElementById('legend').getBoundingClientRect();
function box(id) {
  const g = document.getElementById(id);
  const r = g.querySelector('rect').getBoundingClientRect();
  const t = g.querySelector('text');
  return {
    rect: [r.left, r.top, r.right, r.bottom],
    label: parseFloat(getComputedStyle(t).fontSize) * t.getScreenCTM().a,
  };
}
const ids = arguments[0];
return {
  tab: document.querySelector('[role=tab][aria-selected=true]').id,
  canvas: [canvas.left, canvas.top, canvas.right, canvas.bottom],
  legend: legend.width ? [legend.left, legend.top, legend.right, legend.bottom] : null,
  nodes: Object.fromEntries(ids.map(id => [id, box(id)])),
  compared: document.querySelector('#diff-result h2') ? document.querySelector('#diff-result h2').textContent : null,
  faded: document.querySelectorAll('#nodes .node.faded').length,
  panel: (r => [r.left, r.top, r.right, r.bottom])(document.querySelector('.panel').getBoundingClientRect()),
  tabs: (r => [r.left, r.top, r.right, r.bottom])(document.querySelector('.tabs').getBoundingClientRect()),
  viewport: [window.innerWidth, window.innerHeight],
};
"""


TAP = """
const g = document.getElementById(arguments[0]), r = g.getBoundingClientRect();
const at = {bubbles: true, clientX: r.left + r.width / 2, clientY: r.top + r.height / 2};
g.dispatchEvent(new PointerEvent('pointerdown', at));
g.dispatchEvent(new PointerEvent('pointerup', at));
const title = document.getElementById('details-title').getBoundingClientRect();
return {title: document.getElementById('details-title').textContent, top: title.top, bottom: title.bottom};
"""


def first_view(page, out, node_ids):
    """Screenshots of the page as it opens at a laptop's, a projector's and a phone's
    size (OUT/first-view-WxH.png), and what it shows (OUT/first-view.json): the tab
    open, the canvas, the legend's box, each of the nodes' boxes and label size, the
    panel's and its tabs' boxes and the viewport; on the phone, where the title of
    the last node's details is after a tap on that node."""
    shown = {}
    with tempfile.TemporaryDirectory() as profile:
        driver = browser(profile)
        try:
            for width, height, mobile in [(1366, 768, False), (1920, 1080, False), (390, 844, True)]:
                driver.execute_cdp_cmd(
                    "Emulation.setDeviceMetricsOverride",
                    {"width": width, "height": height, "deviceScaleFactor": 1, "mobile": mobile},
                )
                driver.get("file://" + os.path.abspath(page))
                name = "%dx%d" % (width, height)
                driver.save_screenshot(os.path.join(out, "first-view-%s.png" % name))
                shown[name] = driver.execute_script(FIRST_VIEW, node_ids)
                if mobile:
                    # A tap on the second node: where its details' title then is.
                    shown[name]["tapped"] = driver.execute_script(TAP, node_ids[1])
        finally:
            driver.quit()
    with open(os.path.join(out, "first-view.json"), "w", encoding="utf-8") as f:
        json.dump(shown, f, indent=1)


def pickers(page, out, paper, query):
    """The pickers, the panel's scroll and Fit at 1366x768 (OUT/pickers.json): the
    groups of the Path picker; what the Compare picker's filter leaves and picks for
    QUERY; the panel's scroll after a concept is clicked in a scrolled panel; and the
    drawing's scale and the boxes of the concepts shown after Fit, without and with
    the paper filter PAPER."""
    shown = {}
    with tempfile.TemporaryDirectory() as profile:
        driver = browser(profile)
        try:
            driver.execute_cdp_cmd(
                "Emulation.setDeviceMetricsOverride",
                {"width": 1366, "height": 768, "deviceScaleFactor": 1, "mobile": False},
            )
            driver.get("file://" + os.path.abspath(page))
            shown["groups"] = driver.execute_script(
                "return Array.from(document.querySelectorAll('#path-from optgroup'))"
                ".map(g => [g.label, g.querySelectorAll('option').length])"
            )
            driver.find_element(By.ID, "diff-b-filter").send_keys(query)
            shown["filtered"] = driver.execute_script(
                "const s = document.getElementById('diff-b');"
                "return {value: s.value, shown: Array.from(s.querySelectorAll('option'))"
                ".filter(o => !o.hidden && !o.parentNode.hidden).map(o => o.value)}"
            )
            driver.find_element(By.ID, "node-tpa").click()
            driver.execute_script("document.querySelector('.panel').scrollTop = 600")
            shown["scrolled_before"] = driver.execute_script(
                "return document.querySelector('.panel').scrollTop"
            )
            driver.find_element(By.ID, "node-rr").click()
            shown["selected"] = driver.find_element(By.ID, "details-title").text
            shown["scrolled_after"] = driver.execute_script(
                "return document.querySelector('.panel').scrollTop"
            )
            # The boxes of the concepts the paper relates (every concept without one).
            fit = """
            document.getElementById('zoom-fit').click();
            const paper = arguments[0];
            const D = JSON.parse(document.getElementById('graph-data').textContent);
            const related = new Set();
            D.relations.forEach(r => {
              if (!paper || r.sources.some(s => D.papers[s.paper].id === paper)) { related.add(r.from); related.add(r.to); }
            });
            const canvas = document.getElementById('graph').getBoundingClientRect();
            const boxes = Array.from(related)
              .map(v => document.querySelector('#nodes .node[data-node="' + v + '"] rect').getBoundingClientRect())
              .map(b => [b.left, b.top, b.right, b.bottom]);
            const t = document.getElementById('viewport').getAttribute('transform');
            return {scale: parseFloat(t.split('scale(')[1]),
                    canvas: [canvas.left, canvas.top, canvas.right, canvas.bottom], boxes: boxes};
            """
            driver.find_element(By.ID, "tab-details").click()
            shown["fit_all"] = driver.execute_script(fit, "")
            Select(driver.find_element(By.ID, "paper-filter")).select_by_value(paper)
            driver.find_element(By.ID, "tab-details").click()
            shown["fit_paper"] = driver.execute_script(fit, paper)
            driver.save_screenshot(os.path.join(out, "fit-paper.png"))
        finally:
            driver.quit()
    with open(os.path.join(out, "pickers.json"), "w", encoding="utf-8") as f:
        json.dump(shown, f, indent=1)


def main():
    if sys.argv[1] == "--faded":
        faded(sys.argv[2])
        return
    if sys.argv[1] == "--pickers":
        pickers(sys.argv[2], sys.argv[3], sys.argv[4], sys.argv[5])
        return
    if sys.argv[1] == "--first-view":
        first_view(sys.argv[2], sys.argv[3], sys.argv[4:])
        return
    page, pairs_file, out = sys.argv[1], sys.argv[2], sys.argv[3]
    pairs = json.load(open(pairs_file, encoding="utf-8"))
    shown = {}
    with tempfile.TemporaryDirectory() as profile:
        driver = browser(profile)
        try:
            # A 1366x768 laptop screen at 100% zoom: the page's viewport is the screen.
            driver.execute_cdp_cmd(
                "Emulation.setDeviceMetricsOverride",
                {"width": 1366, "height": 768, "deviceScaleFactor": 1, "mobile": False},
            )
            driver.get("file://" + os.path.abspath(page))
            csp = driver.find_element(
                By.CSS_SELECTOR, 'meta[http-equiv="Content-Security-Policy"]'
            ).get_attribute("content")
            check(csp.startswith("default-src 'none'"), "CSP forbids requests: " + csp)
            nodes = driver.find_elements(By.CSS_SELECTOR, "#nodes .node")
            check(len(nodes) == pairs["node_count"], "every node drawn: %d" % len(nodes))
            edges = driver.find_elements(By.CSS_SELECTOR, "#edges path.edge")
            check(len(edges) == pairs["relation_count"], "every relation drawn")
            legend = driver.find_element(By.ID, "legend").text
            check("strategy" in legend and "goal" in legend, "legend lists kinds: " + legend)
            driver.save_screenshot(os.path.join(out, "explorer-start.png"))

            # Search by Chinese label, pick with Enter: the node's details with a quote.
            search = driver.find_element(By.ID, "search")
            search.send_keys(pairs["search"]["zh"])
            options = driver.find_elements(By.CSS_SELECTOR, "#search-results li")
            check(
                options and options[0].get_attribute("data-node") == pairs["search"]["id"],
                "search by Chinese label finds the node",
            )
            search.send_keys(Keys.ENTER)
            title = driver.find_element(By.ID, "details-title").text
            shown["search_title"] = title
            quotes = driver.find_elements(By.CSS_SELECTOR, "#view-details blockquote.quote")
            check(quotes, "the node's details show quotes")
            shown["first_quote"] = quotes[0].text
            shown["details_headings"] = [
                h.text for h in driver.find_elements(By.CSS_SELECTOR, "#view-details h3")
            ]
            driver.save_screenshot(os.path.join(out, "explorer-node.png"))

            # Keyboard: Enter on a neighbour in the details opens it.
            link = driver.find_element(By.CSS_SELECTOR, "#view-details .node-link")
            neighbour = link.text
            link.send_keys(Keys.ENTER)
            shown["keyboard_title"] = driver.find_element(By.ID, "details-title").text
            check(shown["keyboard_title"] == neighbour, "Enter opens the neighbour")

            # Search by alias.
            search.clear()
            search.send_keys(pairs["search"]["alias"])
            options = driver.find_elements(By.CSS_SELECTOR, "#search-results li")
            check(
                options and options[0].get_attribute("data-node") == pairs["search"]["id"],
                "search by alias finds the node",
            )

            # Text contrast: WCAG AA (4.5:1) for every visible text in the controls and
            # the panel, against the nearest opaque background.
            low = driver.execute_script(CONTRAST)
            check(low == [], "text below AA contrast: %r" % low)

            # Then click a node in the drawing itself.
            search.clear()
            search.send_keys(pairs["click"])
            search.send_keys(Keys.ENTER)
            target = driver.find_element(By.ID, "node-" + pairs["click"])
            ActionChains(driver).move_to_element(target).click().perform()
            shown["clicked_title"] = driver.find_element(By.ID, "details-title").text
            check(
                "selected" in target.get_attribute("class"),
                "the clicked node is marked selected",
            )

            # Click a relation in the details: its sentence and every source.
            driver.find_element(By.CSS_SELECTOR, "#view-details .rel button.link").click()
            shown["relation_title"] = driver.find_element(By.ID, "details-title").text
            shown["relation_quotes"] = [
                q.text for q in driver.find_elements(By.CSS_SELECTOR, "#view-details blockquote.quote")
            ]
            shown["relation_citations"] = [
                m.text for m in driver.find_elements(By.CSS_SELECTOR, "#view-details .source .meta")
            ]

            # A path, by keyboard: tab to the controls, Enter to run.
            driver.find_element(By.ID, "tab-path").click()
            Select(driver.find_element(By.ID, "path-from")).select_by_value(pairs["path"][0])
            Select(driver.find_element(By.ID, "path-to")).select_by_value(pairs["path"][1])
            driver.find_element(By.ID, "path-to").send_keys(Keys.TAB)
            driver.switch_to.active_element.send_keys(Keys.ENTER)
            shown["path_summary"] = driver.find_element(By.ID, "path-summary").text
            shown["path_chains"] = [
                h.text for h in driver.find_elements(By.CSS_SELECTOR, "#path-result h3")
            ]
            shown["path_sentences"] = [
                b.text for b in driver.find_elements(By.CSS_SELECTOR, "#path-result li.rel > button")
            ]
            lit = driver.find_elements(By.CSS_SELECTOR, "#edges path.edge.lit")
            check(lit, "the chains are highlighted in the drawing")
            driver.save_screenshot(os.path.join(out, "explorer-path.png"))

            # Step through the first chain with the arrow keys.
            driver.find_element(By.ID, "path-tour").click()
            ActionChains(driver).send_keys(Keys.ARROW_RIGHT).perform()
            shown["tour_count"] = driver.find_element(By.CSS_SELECTOR, ".tour-count").text
            shown["tour_sentence"] = driver.find_element(By.CSS_SELECTOR, ".tour-sentence").text
            check(
                driver.find_elements(By.CSS_SELECTOR, "#edges path.edge.done"),
                "earlier steps are greyed",
            )
            driver.save_screenshot(os.path.join(out, "explorer-steps.png"))

            # The same path under one paper's argument.
            Select(driver.find_element(By.ID, "paper-filter")).select_by_value(pairs["paper"])
            shown["paper_path_summary"] = driver.find_element(By.ID, "path-summary").text
            shown["paper_path_chains"] = [
                h.text for h in driver.find_elements(By.CSS_SELECTOR, "#path-result h3")
            ]
            Select(driver.find_element(By.ID, "paper-filter")).select_by_value("")

            # A diff.
            driver.find_element(By.ID, "tab-diff").click()
            Select(driver.find_element(By.ID, "diff-a")).select_by_value(pairs["diff"][0])
            Select(driver.find_element(By.ID, "diff-b")).select_by_value(pairs["diff"][1])
            driver.find_element(By.CSS_SELECTOR, "#diff-form button").click()
            shown["diff_aspects"] = [
                h.text for h in driver.find_elements(By.CSS_SELECTOR, "#diff-result h4.aspect")
            ]
            shown["diff_dimensions"] = [
                h.text for h in driver.find_elements(By.CSS_SELECTOR, "#diff-result h4.dimension")
            ]
            shown["diff_positions"] = [
                t.text for t in driver.find_elements(By.CSS_SELECTOR, "#diff-result table.positions td")
            ]
            shown["diff_disputed"] = [
                p.text for p in driver.find_elements(By.CSS_SELECTOR, "#diff-result p.disputed")
            ]
            shown["compare_tab"] = driver.find_element(By.ID, "tab-diff").text
            shown["compare_rows"] = [
                [td.text for td in tr.find_elements(By.TAG_NAME, "td")]
                for tr in driver.find_elements(By.CSS_SELECTOR, "#compare-table tr")
                if tr.find_elements(By.TAG_NAME, "td")
            ]
            shown["compare_fits"] = driver.execute_script(
                "return document.getElementById('compare-table').getBoundingClientRect().bottom"
                " <= window.innerHeight"
            )
            shown["developer_notes"] = driver.execute_script(
                "return document.getElementById('graph-data').textContent.indexOf('data/README') >= 0"
            )
            driver.save_screenshot(os.path.join(out, "explorer-diff.png"))

            # Chinese labels.
            driver.find_element(By.ID, "lang").click()
            shown["zh_label"] = driver.find_element(
                By.CSS_SELECTOR, "#node-%s text" % pairs["search"]["id"]
            ).text
            shown["zh_diff_title"] = driver.find_element(By.CSS_SELECTOR, "#diff-result h2").text
            driver.save_screenshot(os.path.join(out, "explorer-zh.png"))
            driver.find_element(By.ID, "lang").click()

            # Print: the controls go, the panel stays.
            driver.execute_cdp_cmd("Emulation.setEmulatedMedia", {"media": "print"})
            hidden = driver.execute_script(
                "return getComputedStyle(document.querySelector('.bar')).display"
            )
            panel = driver.execute_script(
                "return getComputedStyle(document.querySelector('.panel')).display"
            )
            check(hidden == "none" and panel != "none", "print stylesheet applies")
            driver.execute_cdp_cmd("Emulation.setEmulatedMedia", {"media": ""})

            # Nothing was fetched: no resource entry, no error in the console.
            resources = driver.execute_script(
                "return performance.getEntriesByType('resource').map(e => e.name)"
            )
            check(resources == [], "no request left the page: %r" % resources)
            errors = [
                e for e in driver.get_log("browser") if e.get("level") in ("SEVERE", "WARNING")
            ]
            check(errors == [], "no console errors: %r" % errors)

            # The page's answers for every pair, in one call.
            answers = driver.execute_script(
                """
                const [ids, filters] = arguments;
                const out = {};
                for (const f of filters) {
                  const papers = f ? [f] : [];
                  const rows = [];
                  for (const a of ids) for (const b of ids) {
                    if (a === b) continue;
                    rows.push({a, b,
                      path: window.linkageExplorer.path(a, b, papers),
                      diff: a < b ? window.linkageExplorer.diff(a, b, papers) : null});
                  }
                  out[f] = rows;
                }
                return JSON.stringify(out);
                """,
                pairs["ids"],
                pairs["filters"],
            )
        finally:
            driver.quit()
    with open(os.path.join(out, "answers.json"), "w", encoding="utf-8") as f:
        f.write(answers)
    with open(os.path.join(out, "shown.json"), "w", encoding="utf-8") as f:
        json.dump(shown, f, ensure_ascii=False, indent=1)


if __name__ == "__main__":
    main()
