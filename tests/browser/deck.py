#!/usr/bin/env python3
"""Measures a `linkage steps` slide deck as Debian's headless chromium displays it.

Usage: deck.py DECK.html OUT_DIR WIDTHxHEIGHT...

At each screen size, for every slide: the smallest text size displayed (every element
with text of its own that is visible, the header's included), the box the figure is
drawn in, and the page's height. Then, at the first size, the keys: PageDown on a slide
taller than the screen scrolls it, ArrowRight goes to the next slide, PageDown at a
slide's end goes on. Screenshots of every slide go to OUT_DIR/WxH/slide-NN.png; the
measurements to OUT_DIR/measured.json for the Rust test to judge.
"""

import json
import os
import sys
import tempfile

import chrome
from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys
from selenium.webdriver.common.action_chains import ActionChains


MEASURE = """
const slide = document.querySelector('.slide:not([hidden])');
let least = null;
document.querySelectorAll('body *').forEach(el => {
  const own = Array.from(el.childNodes).filter(n => n.nodeType === 3 && n.textContent.trim());
  if (!own.length || !el.getClientRects().length) return;
  if (el.closest('svg')) return;  // the figure's own text scales with the figure
  const style = getComputedStyle(el);
  if (style.visibility === 'hidden' || style.display === 'none') return;
  const size = parseFloat(style.fontSize);
  if (least === null || size < least[0]) least = [size, el.tagName, own[0].textContent.trim().slice(0, 50)];
});
const drawn = slide.querySelector('.figure svg > g');
const box = drawn ? drawn.getBoundingClientRect() : null;
// The figure's node labels as displayed: their size in the drawing times its scale.
const labels = Array.from(slide.querySelectorAll('.figure svg g.node text'))
  .map(t => parseFloat(t.getAttribute('font-size')) * t.getScreenCTM().a);
return {
  id: slide.id,
  least: least,
  figure: box ? [Math.round(box.width), Math.round(box.height)] : null,
  figureText: labels.length ? Math.min(...labels) : null,
  height: document.documentElement.scrollHeight,
  counter: document.getElementById('counter').textContent,
};
"""


def browser(profile):
    # Keyboard scrolling at once, so the page has moved when the key returns.
    return chrome.browser(profile, "--disable-smooth-scrolling")


def size(driver, width, height):
    # The screen at 100% zoom: the page's viewport is the whole screen, as projected.
    driver.execute_cdp_cmd(
        "Emulation.setDeviceMetricsOverride",
        {"width": width, "height": height, "deviceScaleFactor": 1, "mobile": False},
    )


def press(driver, key):
    ActionChains(driver).send_keys(key).perform()


def keys(driver):
    """What the keys do, from the first slide taller than the screen."""
    driver.get(driver.current_url)
    count = len(driver.find_elements(By.CSS_SELECTOR, ".slide"))
    shown = lambda: driver.execute_script(
        "return document.querySelector('.slide:not([hidden])').id"
    )
    scrolled = lambda: driver.execute_script("return window.scrollY")
    tall = None
    for k in range(count):
        if driver.execute_script(
            "return document.documentElement.scrollHeight > window.innerHeight + 2"
        ):
            tall = shown()
            break
        press(driver, Keys.ARROW_RIGHT)
    if tall is None:
        return {"tall": None}
    press(driver, Keys.PAGE_DOWN)
    after_page_down = {"slide": shown(), "scrolled": scrolled()}
    press(driver, Keys.ARROW_DOWN)
    after_arrow_down = {"slide": shown(), "scrolled": scrolled()}
    for _ in range(40):
        if driver.execute_script(
            "return window.innerHeight + window.scrollY >= document.documentElement.scrollHeight - 2"
        ):
            break
        press(driver, Keys.PAGE_DOWN)
    at_end = shown()
    press(driver, Keys.PAGE_DOWN)
    after_end = {"slide": shown(), "scrolled": scrolled()}
    press(driver, Keys.ARROW_LEFT)
    back = shown()
    return {
        "tall": tall,
        "after_page_down": after_page_down,
        "after_arrow_down": after_arrow_down,
        "at_end": at_end,
        "after_end": after_end,
        "back": back,
    }


def main():
    page, out, sizes = sys.argv[1], sys.argv[2], sys.argv[3:]
    measured = {}
    with tempfile.TemporaryDirectory() as profile:
        driver = browser(profile)
        try:
            for i, name in enumerate(sizes):
                width, height = map(int, name.split("x"))
                size(driver, width, height)
                driver.get("file://" + os.path.abspath(page))
                shots = os.path.join(out, name)
                os.makedirs(shots, exist_ok=True)
                slides = []
                count = len(driver.find_elements(By.CSS_SELECTOR, ".slide"))
                for k in range(count):
                    slides.append(driver.execute_script(MEASURE))
                    driver.save_screenshot(os.path.join(shots, "slide-%02d.png" % (k + 1)))
                    driver.find_element(By.ID, "next").click()
                measured[name] = {"slides": slides}
                if i == 0:
                    measured[name]["keys"] = keys(driver)
        finally:
            driver.quit()
    with open(os.path.join(out, "measured.json"), "w", encoding="utf-8") as f:
        json.dump(measured, f, indent=1)


if __name__ == "__main__":
    main()
