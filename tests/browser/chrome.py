"""The headless Chromium the browser tests drive: one set of flags (no network of its
own, no first-run pages), the binaries from $CHROMIUM and $CHROMEDRIVER (Debian's by
default), each test's own flags added."""

import os

from selenium import webdriver


def browser(profile, *flags, log_console=False):
    options = webdriver.ChromeOptions()
    options.binary_location = os.environ.get("CHROMIUM", "/usr/bin/chromium")
    for flag in [
        "--headless=new",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--no-first-run",
        *flags,
        "--user-data-dir=" + profile,
    ]:
        options.add_argument(flag)
    if log_console:
        options.set_capability("goog:loggingPrefs", {"browser": "ALL"})
    service = webdriver.ChromeService(
        executable_path=os.environ.get("CHROMEDRIVER", "/usr/bin/chromedriver")
    )
    return webdriver.Chrome(options=options, service=service)
