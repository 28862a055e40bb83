"""Drives the live view in headless Chromium (Debian's chromium and chromium-driver, through
Selenium pointed at the system driver; nothing is downloaded) and checks it as a person sees it.

    python3 check_view.py URL RUN_DIR [--compare N] [--screenshot PNG] [--midway PNG] [--timeout S]

URL: the page (a live run, or `paodong serve` of finished runs). RUN_DIR: the run directory whose
summary.csv and by_district.csv the page must show (for a compare: the compare directory, and
--compare N the number of scenarios). Waits until the day counter reaches the last day and the
final figures are shown, then checks: no console error, one tile per district, every final
figure equal to summary.csv's (the baseline's first replication for a compare), and writes a
screenshot (--midway: another while the run is half-way). Prints one line per check; exits 1 on the first failure.
"""
import csv, os, sys, time, argparse
from selenium import webdriver
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.common.by import By

p = argparse.ArgumentParser()
p.add_argument("url"); p.add_argument("run_dir")
p.add_argument("--compare", type=int, default=0)
p.add_argument("--screenshot"); p.add_argument("--midway"); p.add_argument("--timeout", type=float, default=120)
a = p.parse_args()

def fail(msg):
    print("FAIL", msg); sys.exit(1)

def rows(path):
    with open(path, encoding="utf-8-sig", newline="") as f:
        return list(csv.DictReader(f))


opts = webdriver.ChromeOptions()
opts.binary_location = next(b for b in ["/usr/bin/chromium", "/usr/bin/chromium-browser"] if os.path.exists(b))
for arg in ["--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--window-size=1500,2200", "--lang=zh-CN"]:
    opts.add_argument(arg)
opts.set_capability("goog:loggingPrefs", {"browser": "ALL"})
driver = webdriver.Chrome(service=Service("/usr/bin/chromedriver"), options=opts)
try:
    driver.get(a.url)
    deadline = time.time() + a.timeout
    counter = ""
    while time.time() < deadline:
        counter = driver.find_element(By.ID, "day-counter").text
        parts = counter.split()
        done = len(parts) >= 4 and parts[0] == "day" and parts[1] == parts[3]
        finals = driver.find_elements(By.CSS_SELECTOR, "#final td[data-metric]")
        status = driver.find_element(By.ID, "status").text
        ended = "finished" in status
        if done and finals and ended:
            break
        if a.midway and len(parts) >= 4 and parts[0] == "day" and int(parts[1]) * 2 >= int(parts[3]) and not ended:
            time.sleep(0.5)  # one redraw
            driver.save_screenshot(a.midway); print("ok midway screenshot", a.midway, "at", counter); a.midway = None
        time.sleep(0.5)
    else:
        fail("the day counter did not reach the last day with final figures: %r" % counter)
    print("ok day counter:", counter)
    time.sleep(1.0)  # one more redraw

    errors = [e for e in driver.get_log("browser") if e.get("level") == "SEVERE"]
    if errors:
        fail("console errors: %s" % errors)
    print("ok no console error")

    # The scenarios as the final table names them, baseline first; a compare's runs are its subfolders.
    names = [th.text for th in driver.find_elements(By.CSS_SELECTOR, "#final thead th")][1:]
    runs = [os.path.join(a.run_dir, n) for n in names] if a.compare else [a.run_dir]
    if a.compare and len(runs) != a.compare:
        fail("%d scenarios on the page, %d expected" % (len(runs), a.compare))
    districts = rows(os.path.join(runs[0], "by_district.csv"))
    tiles = driver.find_elements(By.CSS_SELECTOR, "#map g.tile")
    if len(tiles) != len(districts):
        fail("%d tiles for %d districts" % (len(tiles), len(districts)))
    tile_names = sorted(t.get_attribute("data-district") for t in tiles)
    if tile_names != sorted(d["district"] for d in districts):
        fail("tiles %s, districts %s" % (tile_names, [d["district"] for d in districts]))
    page_text = driver.find_element(By.ID, "map").text
    for d in districts:
        if d["name_zh"] not in page_text:
            fail("tile without its Chinese name %s" % d["name_zh"])
    print("ok %d tiles, one per district, with 中文 names" % len(tiles))

    for k, run in enumerate(runs):
        summary = rows(os.path.join(run, "summary.csv"))
        checked = 0
        for cell in driver.find_elements(By.CSS_SELECTOR, '#final td[data-metric][data-scenario="%d"]' % k):
            name = cell.get_attribute("data-metric")
            if len(summary) == 1:
                if cell.text != summary[0][name]:
                    fail("%s: page shows %r, summary.csv of %s has %r" % (name, cell.text, run, summary[0][name]))
            else:
                # Several replications: the page shows their mean at the registry's display digits.
                vals = [float(r[name]) for r in summary if r[name] != ""]
                if vals and cell.text not in ("", "–"):
                    mean = sum(vals) / len(vals)
                    decimals = len(cell.text.split(".")[1]) if "." in cell.text else 0
                    if abs(float(cell.text) - mean) > 0.5 * 10 ** -decimals + 1e-9 * abs(mean):
                        fail("%s: page shows %r, mean of summary.csv of %s is %r" % (name, cell.text, run, mean))
            checked += 1
        if checked < 40:
            fail("only %d final figures on the page for %s" % (checked, run))
        print("ok %d final figures of %s equal summary.csv's" % (checked, os.path.basename(run)))

    # As first shown (the hall table busiest first), before the checks below click anything.
    if a.screenshot:
        driver.save_screenshot(a.screenshot)
        print("ok screenshot", a.screenshot)

    # The hall table opens busiest first (mean wait, descending) and turns ascending when its header is clicked.
    def hall_waits():
        col = [th.get_attribute("data-col") for th in driver.find_elements(By.CSS_SELECTOR, "#halls th")].index("wait_mean_min")
        return [float(tr.find_elements(By.TAG_NAME, "td")[col].text) for tr in driver.find_elements(By.CSS_SELECTOR, "#halls tbody tr")]
    waits = hall_waits()
    if not waits or waits != sorted(waits, reverse=True):
        fail("hall table not sorted by wait, descending: %s" % waits[:10])
    driver.find_element(By.CSS_SELECTOR, '#halls th[data-col="wait_mean_min"]').click(); time.sleep(0.8)
    up = hall_waits()
    if up != sorted(up) or len(up) != len(waits) or up[0] > waits[-1]:
        fail("hall table not ascending by wait after a click: %s" % up[:10])
    print("ok hall table sorted by wait both ways (%d rows)" % len(waits))

    # The district table beside the map: one row per district, its trips as by_district.csv's.
    drows = driver.find_elements(By.CSS_SELECTOR, "#district-table tbody tr")
    if len(drows) != len(districts):
        fail("%d district rows for %d districts" % (len(drows), len(districts)))
    if not a.compare:
        for tr, d in zip(drows, districts):
            col = [th.get_attribute("data-col") for th in driver.find_elements(By.CSS_SELECTOR, "#district-table th")].index("trips")
            shown = tr.find_elements(By.TAG_NAME, "td")[col].text.replace(",", "")
            if tr.get_attribute("data-district") != d["district"] or shown != d["trips"]:
                fail("district row %s shows %s trips, by_district.csv %s has %s" % (tr.get_attribute("data-district"), shown, d["district"], d["trips"]))
    print("ok %d district rows" % len(drows))

    if a.compare:
        avoided = driver.find_elements(By.CSS_SELECTOR, '[data-kpi="trips_avoided"]')
        if len(avoided) != a.compare - 1:
            fail("%d 'trips avoided' figures for %d scenarios" % (len(avoided), a.compare))
        print("ok avoided against the baseline shown for %d scenarios" % len(avoided))

finally:
    driver.quit()
