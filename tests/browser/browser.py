"""Debian's headless Chromium, driven through chromedriver by Selenium, for
the tests and the benchmark of the HTML page."""
import shutil

from selenium import webdriver
from selenium.webdriver.chrome.service import Service

CHROMIUM = "/usr/bin/chromium"
CHROMEDRIVER = "/usr/bin/chromedriver"


def missing():
    """What is missing to drive a browser, or None."""
    for tool in (CHROMIUM, CHROMEDRIVER):
        if not shutil.which(tool):
            return f"{tool} (Debian: chromium, chromium-driver)"
    return None


def start(javascript=True, width=1200, height=900):
    options = webdriver.ChromeOptions()
    options.binary_location = CHROMIUM
    # Headless, as root, on a closed network: no sandbox, no GPU, and none of
    # Chromium's own connections (updates, sync, field trials).
    for flag in ("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                 "--disable-quic", "--no-first-run", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync", "--disable-extensions",
                 f"--window-size={width},{height}"):
        options.add_argument(flag)
    if not javascript:
        options.add_experimental_option(
            "prefs", {"profile.managed_default_content_settings.javascript": 2})
    options.set_capability("goog:loggingPrefs", {"browser": "ALL"})
    return webdriver.Chrome(service=Service(CHROMEDRIVER), options=options)
