#!/usr/bin/env python3
"""Browser test of the public portal: a visitor opens the public home and an item page on a phone-sized window,
rates the item, and sees the rating counted; then uses the keyboard to reach the rating form. Screenshots go to
the artifacts folder.

With a third argument, also opens a static export (minsheng export-site) from disk, offline, and searches it.

usage: public_portal.py BASE_URL ARTIFACTS_DIR [EXPORTED_SITE_DIR]
"""
import os
import re
import sys

from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys
from selenium.webdriver.support import expected_conditions
from selenium.webdriver.support.ui import WebDriverWait

import chromium

BASE, ARTIFACTS = sys.argv[1].rstrip("/"), sys.argv[2]
SITE = os.path.abspath(sys.argv[3]) if len(sys.argv) > 3 else None
ITEM = 35
os.makedirs(ARTIFACTS, exist_ok=True)


def current_total(driver):
    text = driver.find_element(By.ID, "tally-current").text
    match = re.search(r"（(\d+)人次）", text)
    return int(match.group(1)) if match else 0


def main():
    driver = chromium.browser(412, 1600)
    try:
        driver.get(BASE + "/public")
        WebDriverWait(driver, 20).until(expected_conditions.presence_of_element_located((By.TAG_NAME, "h1")))
        assert "2019年洛阳市重点民生实事工作方案" in driver.find_element(By.TAG_NAME, "h1").text
        body = driver.find_element(By.TAG_NAME, "body").text
        assert "总体完成进度" in body and "群众满意度" in body, body[:400]
        # Nothing is wider than the phone's screen but the tables, which scroll in their own box.
        overflow = driver.execute_script("return document.documentElement.scrollWidth - window.innerWidth")
        assert overflow <= 1, f"the page scrolls sideways by {overflow}px on a phone"
        chromium.shot(driver, ARTIFACTS, "public-home-phone")

        driver.find_element(By.CSS_SELECTOR, f"table.public-items a[href$='/items/{ITEM}']").click()
        WebDriverWait(driver, 20).until(expected_conditions.presence_of_element_located((By.ID, "tally-current")))
        assert driver.find_element(By.TAG_NAME, "h1").text.startswith(f"{ITEM}.")
        before = current_total(driver)
        chromium.shot(driver, ARTIFACTS, "public-item-before")

        # Keyboard only: tab to the first verdict, arrow to the second, and submit with Enter.
        driver.find_element(By.ID, "verdict-satisfied").send_keys(Keys.SPACE)
        driver.find_element(By.ID, "verdict-satisfied").send_keys(Keys.ARROW_RIGHT)
        assert driver.find_element(By.ID, "verdict-basicallySatisfied").is_selected(), "arrow keys do not move between verdicts"
        page = driver.find_element(By.TAG_NAME, "html")
        driver.find_element(By.ID, "verdict-basicallySatisfied").send_keys(Keys.ENTER)
        WebDriverWait(driver, 20).until(chromium.left(page))
        outcome = driver.find_element(By.ID, "outcome").text
        assert "已收到您的评价：基本满意" in outcome, outcome
        chromium.shot(driver, ARTIFACTS, "public-rated")

        driver.find_element(By.PARTIAL_LINK_TEXT, "返回事项页面").click()
        WebDriverWait(driver, 20).until(expected_conditions.presence_of_element_located((By.ID, "tally-current")))
        after = current_total(driver)
        assert after == before + 1, f"the rating was not counted: {before} then {after}"
        chromium.shot(driver, ARTIFACTS, "public-item-after")

        # A second rating of the same item in the same publication is not counted.
        driver.find_element(By.ID, "verdict-dissatisfied").click()
        page = driver.find_element(By.TAG_NAME, "html")
        driver.find_element(By.CSS_SELECTOR, "form.rating-form button[type=submit]").click()
        WebDriverWait(driver, 20).until(chromium.left(page))
        assert "每期只能评价一次" in driver.find_element(By.ID, "outcome").text

        # English, and the publications with their hashes.
        driver.get(BASE + f"/public/plans/1/items/{ITEM}?lang=en")
        assert "Public satisfaction" in driver.find_element(By.TAG_NAME, "body").text
        driver.get(BASE + "/public/plans/1/publications?lang=zh")
        hashes = driver.find_elements(By.CSS_SELECTOR, "code.hash")
        assert len(hashes) >= 3 and all(re.fullmatch(r"[0-9a-f]{64}", h.text) for h in hashes), [h.text for h in hashes]
        chromium.shot(driver, ARTIFACTS, "public-publications")
        print("public portal: OK")
        if SITE:
            check_export(driver)
    finally:
        driver.quit()


def check_export(driver):
    """The exported site from disk: its pages, links and search work without a server."""
    driver.get("file://" + os.path.join(SITE, "index.html"))
    assert "2019年洛阳市重点民生实事工作方案" in driver.find_element(By.TAG_NAME, "h1").text
    driver.find_element(By.CSS_SELECTOR, f"table.public-items a[href='item-{ITEM}.html']").click()
    assert driver.find_element(By.TAG_NAME, "h1").text.startswith(f"{ITEM}.")
    assert "离线版本" in driver.find_element(By.ID, "satisfaction").text
    driver.get("file://" + os.path.join(SITE, "search.html") + "?q=天桥")
    shown = [li for li in driver.find_elements(By.CSS_SELECTOR, "#search-results li") if li.is_displayed()]
    assert len(shown) == 1 and f"{ITEM}." in shown[0].text, [li.text for li in shown]
    search = driver.find_element(By.ID, "q")
    search.clear()
    search.send_keys("不存在的事项")
    assert driver.find_element(By.ID, "no-results").is_displayed()
    chromium.shot(driver, ARTIFACTS, "exported-search")
    driver.get("file://" + os.path.join(SITE, "index.en.html"))
    assert "Overall progress" in driver.find_element(By.TAG_NAME, "body").text
    print("exported site: OK")


if __name__ == "__main__":
    main()
