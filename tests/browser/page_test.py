"""The HTML page in a real browser (headless Chromium through Selenium).

usage: page_test.py REGEN REGISTRY CHECK [SCREENSHOT.png]

regen writes the page of REGISTRY into a temporary directory; the page is
opened from disk, as a reader who downloaded it would, and CHECK runs:
  loads        no console error, no request for anything (a resource the
               page fetched would be in the Resource Timing entries), every
               entry there, the search form shown; with SCREENSHOT, a
               picture of it for a person to look at
  search       each query shows exactly the entries that hold it, counted
               right: 'teapot' (418 only), 'payload too large' (413), a
               vendor ('cloudflare'), a code prefix ('41': 410-419), and the
               status filter 'unofficial' as many as the registry has
  address      a search is kept in the address (?q=...) and reopening it
               shows the same entries; '/' puts the cursor in the search
  anchor       opening #404 (a bare code) and #404-not-found brings the
               entry into view, below the search
  phone        at a phone's width nothing is wider than the screen
  no-script    without JavaScript every entry is there and no form
  hostile      (the adversarial registry) no dialog opens, no script of the
               registry runs, its strings are text: markup shows as written
  fields       (an example registry with fields of its own) each entry shows
               every declared field it has a value for, as written, and no
               other; a search by phrase finds its entry
  many         (REGISTRY a script that writes one, bench/synthetic_registry.py,
               run for 450 entries) at most 200 matches shown, the count says
               so, 'Show 200 more' shows the next, a new search starts again
               at 200, and #CODE of an entry past them brings it into view
Exit status 77 (skipped) when the browser or Selenium is missing."""
import json
import os
import subprocess
import sys
import tempfile
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

try:
    import browser
    from selenium.common.exceptions import NoAlertPresentException
    from selenium.webdriver.common.by import By
except ImportError as error:
    print(f"SKIP: needs Selenium (Debian: python3-selenium): {error}")
    sys.exit(77)

failures = []
MANY = 450  # entries of the synthetic registry: more than twice the page's 200
SHOWN_AT_ONCE = 200


def expect(ok, what):
    if not ok:
        failures.append(what)
        print("FAIL:", what)


def generate(regen, registry, work):
    if registry.endswith(".py"):
        written = os.path.join(work, "registry.yaml")
        with open(written, "w", encoding="utf-8") as out:
            subprocess.run([sys.executable, registry, str(MANY)], stdout=out, check=True)
        registry = written
    subprocess.run([regen, "-o", work, registry], check=True)
    name = [f for f in os.listdir(work) if f.endswith(".html")][0]
    model = json.load(open(os.path.join(work, name[:-5] + ".json"), encoding="utf-8"))
    return "file://" + os.path.join(work, name), model


def anchor(entry):
    return f"{entry['code']}-{entry['name'].lower().replace('_', '-')}"


def haystack(entry, prefix):
    """Everything the page says a query may name, as the README says it."""
    words = [entry["reason"], entry["name"], prefix + "_" + entry["name"], entry.get("origin", "")]
    return "\n".join(words + entry["former"] + entry.get("spellings", [])).lower()


def visible(driver):
    """The ids of the entries that take up room on the page (one script, not
    a round trip per entry: the synthetic page has hundreds)."""
    return driver.execute_script(
        "return Array.from(document.querySelectorAll('main article'))"
        ".filter(e => e.getClientRects().length > 0).map(e => e.id)")


def type_query(driver, text):
    box = driver.find_element(By.ID, "q")
    box.clear()
    box.send_keys(text)
    time.sleep(0.05)


def check_loads(driver, url, model, screenshot):
    driver.get(url)
    errors = [entry for entry in driver.get_log("browser") if entry["level"] == "SEVERE"]
    expect(not errors, f"console errors: {errors}")
    resources = driver.execute_script(
        "return performance.getEntriesByType('resource').map(e => e.name)")
    expect(resources == [], f"the page fetched: {resources}")
    expect(len(visible(driver)) == len(model["codes"]),
           f"{len(visible(driver))} entries shown of {len(model['codes'])}")
    expect(driver.find_element(By.ID, "search").is_displayed(), "no search form")
    count = driver.find_element(By.ID, "count").text
    expect(count == f"{len(model['codes'])} entries", f"count says '{count}'")
    if screenshot:
        driver.save_screenshot(screenshot)
        print("screenshot:", screenshot)


def check_query(driver, model, prefix, text, want_codes=None):
    type_query(driver, text)
    shown = visible(driver)
    words = text.lower()
    if words.isdigit():
        expected = [anchor(e) for e in model["codes"] if str(e["code"]).startswith(words)]
    else:
        expected = [anchor(e) for e in model["codes"] if words in haystack(e, prefix)]
    expect(shown == expected, f"'{text}' shows {shown}, not {expected}")
    expect(len(expected) > 0, f"'{text}' should find something in this registry")
    if want_codes is not None:
        codes = {int(a.split("-")[0]) for a in shown}
        expect(codes == want_codes, f"'{text}' shows codes {sorted(codes)}, not {want_codes}")
    count = driver.find_element(By.ID, "count").text
    expect(count.startswith(f"{len(expected)} of "), f"'{text}': count says '{count}'")


def check_search(driver, url, model):
    driver.get(url)
    prefix = driver.execute_script("return document.querySelector('main code').textContent")
    prefix = prefix[: prefix.index("_" + model["codes"][0]["name"])]
    check_query(driver, model, prefix, "teapot", {418})
    check_query(driver, model, prefix, "payload too large", {413})
    check_query(driver, model, prefix, "cloudflare")
    cloudflare = {anchor(e) for e in model["codes"] if "cloudflare" in e.get("origin", "").lower()}
    expect(set(visible(driver)) == cloudflare, "'cloudflare' is not exactly Cloudflare's codes")
    check_query(driver, model, prefix, "41", set(range(410, 420)) & {e["code"] for e in model["codes"]})
    type_query(driver, "")
    driver.find_element(By.CSS_SELECTOR, "#status option[value=''] ~ option:nth-of-type(5)").click()
    unofficial = [e for e in model["codes"] if e["status"] == "unofficial"]
    expect(len(visible(driver)) == len(unofficial),
           f"status unofficial shows {len(visible(driver))}, the registry has {len(unofficial)}")


def check_address(driver, url, model):
    driver.get(url)
    driver.find_element(By.TAG_NAME, "body").send_keys("/")
    focused = driver.execute_script("return document.activeElement.id")
    expect(focused == "q", f"'/' focused '{focused}', not the search")
    type_query(driver, "teapot")
    search = settled(driver, "return location.search", "?q=teapot")
    expect(search == "?q=teapot", f"the address keeps '{search}', not ?q=teapot")
    shown = visible(driver)
    driver.get(url + "?q=teapot")
    expect(visible(driver) == shown, "reopening ?q=teapot shows other entries")
    expect(driver.find_element(By.ID, "q").get_attribute("value") == "teapot",
           "reopening ?q=teapot leaves the search box empty")


def settled(driver, script, want, seconds=3.0):
    """The script's value once it is want, or its last value after seconds:
    the page keeps the search in the address once typing pauses."""
    deadline = time.monotonic() + seconds
    while True:
        value = driver.execute_script(script)
        if value == want or time.monotonic() > deadline:
            return value
        time.sleep(0.05)


def in_view(driver, element_id):
    """Whether the element's top is on screen, below the sticky search."""
    return driver.execute_script(
        "var r = document.getElementById(arguments[0]).getBoundingClientRect();"
        "var bar = document.getElementById('search').getBoundingClientRect();"
        "return r.top >= bar.bottom - 1 && r.top < window.innerHeight;", element_id)


def check_anchor(driver, url, model):
    entry = next(e for e in model["codes"] if e["code"] == 404)
    for target in ("404", anchor(entry)):
        driver.get(url + "#" + target)
        time.sleep(0.1)
        expect(in_view(driver, target), f"#{target} is not in view")
        expect(driver.execute_script("return window.scrollY") > 0, f"#{target} did not scroll")


def check_phone(driver, url, model):
    driver.set_window_size(390, 844)
    driver.get(url)
    wide = driver.execute_script(
        "return [document.documentElement.scrollWidth, window.innerWidth]")
    expect(wide[0] <= wide[1], f"on a phone the page is {wide[0]} px wide in {wide[1]}")
    check_query(driver, model, "", "404", {404})


def check_no_script(driver, url, model):
    driver.get(url)
    expect(len(visible(driver)) == len(model["codes"]), "without JavaScript, entries are missing")
    expect(not driver.find_element(By.ID, "search").is_displayed(),
           "without JavaScript, the search form shows (and cannot work)")


def check_hostile(driver, url, model):
    driver.get(url)
    time.sleep(0.2)
    try:
        text = driver.switch_to.alert.text
        expect(False, f"a dialog opened: {text}")
    except NoAlertPresentException:
        pass
    scripts = driver.execute_script("return document.scripts.length")
    expect(scripts == 2, f"{scripts} script elements, not the page's own 2")
    injected = driver.execute_script(
        "return document.querySelectorAll('main b, main i, main img, header b').length")
    expect(injected == 0, f"{injected} elements made of the registry's markup")
    title = driver.find_element(By.TAG_NAME, "h1").text
    expect(title == model["registry"]["title"], f"the title shows as '{title}'")
    for entry in model["codes"]:
        heading = driver.find_element(By.ID, anchor(entry)).find_element(By.TAG_NAME, "h2").text
        expect(heading.startswith(f"{entry['code']} {entry['reason']}"),
               f"heading '{heading}' is not the reason as written")
    check_query(driver, model, "TRICKY", "<script>")


def field_text(value):
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, list):
        return ", ".join(value)
    return str(value)


def check_fields(driver, url, model):
    driver.get(url)
    declared = [field["name"] for field in model["registry"]["fields"]]
    shown = driver.execute_script(
        "var rows = {};"
        "document.querySelectorAll('main article').forEach(function (article) {"
        "  var pairs = {};"
        "  article.querySelectorAll('dt').forEach(function (dt) {"
        "    pairs[dt.textContent] = dt.nextElementSibling.textContent; });"
        "  rows[article.id] = pairs; });"
        "return rows;")
    for entry in model["codes"]:
        pairs = shown.get(anchor(entry), {})
        for name in declared:
            value = entry.get(name)
            want = None if value in (None, [], "") else field_text(value)
            expect(pairs.get(name) == want,
                   f"{anchor(entry)}: field {name} shows {pairs.get(name)!r}, not {want!r}")
    check_query(driver, model, "", model["codes"][-1]["reason"])


def check_many(driver, url, model):
    total = len(model["codes"])
    driver.get(url)
    everything = [anchor(e) for e in model["codes"]]
    expect(visible(driver) == everything[:SHOWN_AT_ONCE],
           f"{len(visible(driver))} entries shown at first, not the first {SHOWN_AT_ONCE}")
    count = driver.find_element(By.ID, "count").text
    want = f"{total} entries, the first {SHOWN_AT_ONCE} shown"
    expect(count == want, f"count says '{count}', not '{want}'")
    more = driver.find_element(By.ID, "more")
    expect(more.is_displayed() and more.text == f"Show {SHOWN_AT_ONCE} more",
           f"the button says '{more.text}'")
    more.click()
    expect(visible(driver) == everything[:2 * SHOWN_AT_ONCE],
           f"after 'Show more', {len(visible(driver))} entries shown")
    more.click()
    expect(visible(driver) == everything, "after twice 'Show more', not every entry shown")
    expect(not more.is_displayed(), "'Show more' stays when everything is shown")
    expect(driver.find_element(By.ID, "count").text == f"{total} entries",
           "the count still says some are not shown")
    type_query(driver, "e")  # in every name (E0_LARGE): a new search starts at 200 again
    expect(len(visible(driver)) == SHOWN_AT_ONCE,
           f"a new search shows {len(visible(driver))}, not {SHOWN_AT_ONCE}")
    last = model["codes"][-1]
    driver.get(url + "#" + str(last["code"]))
    time.sleep(0.2)
    expect(in_view(driver, str(last["code"])), f"#{last['code']}, past the first 200, is not in view")
    expect(len(visible(driver)) == SHOWN_AT_ONCE + 1,
           f"{len(visible(driver))} entries shown with #{last['code']}, not the first 200 and it")


def main():
    regen, registry, check = sys.argv[1:4]
    screenshot = sys.argv[4] if len(sys.argv) > 4 else None
    lacking = browser.missing()
    if lacking:
        print("SKIP: needs", lacking)
        return 77
    checks = {"loads": check_loads, "search": check_search, "address": check_address,
              "anchor": check_anchor, "phone": check_phone, "no-script": check_no_script,
              "hostile": check_hostile, "fields": check_fields, "many": check_many}
    with tempfile.TemporaryDirectory() as work:
        url, model = generate(regen, registry, work)
        driver = browser.start(javascript=check != "no-script")
        try:
            if check == "loads":
                check_loads(driver, url, model, screenshot)
            else:
                checks[check](driver, url, model)
        finally:
            driver.quit()
    print("FAILED" if failures else f"ok: {check}")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
