#!/usr/bin/env python3
"""Screenshots of every main page of the demo, in Chinese and English, at 1366 and 390 px wide, written to
SCREENS_DIR as <role>-<page>-<lang>-<width>.png (full page, up to 8000 px tall). Fails when a page does not answer
with its own content (an error page, a sign-in page where a page was expected).

usage: screens.py BASE_URL PASSWORD SCREENS_DIR
"""
import os
import sys

from selenium.webdriver.common.by import By

import chromium

BASE, PASSWORD, SCREENS = sys.argv[1].rstrip("/"), sys.argv[2], sys.argv[3]
os.makedirs(SCREENS, exist_ok=True)

PAGES = {
    None: [("public", "/public"), ("public-item", "/public/plans/1/items/35"), ("login", "/login")],
    "admin": [
        ("workbench", "/"), ("review", "/review"), ("report", "{report}"), ("overview", "/overview"),
        ("battle-map", "/battle-map"), ("item", "/plans/1/items/35"), ("units", "/units"), ("scores", "/scores"),
        ("supervision", "/supervision"), ("inspections", "/inspections"), ("documents", "/documents"), ("overdue", "/overdue"),
        ("calendar", "/admin/plans/1/calendar"), ("audit", "/admin/audit"), ("users", "/admin/users"), ("publications", "/admin/publications"),
    ],
    "jiaoyu": [("workbench", "/"), ("tasks", "/tasks"), ("inbox", "/inbox"), ("report-form", "{task}")],
    "leader": [("workbench", "/")],
    "inspector": [("workbench", "/")],
}


def login(driver, username):
    driver.get(BASE + "/login")
    driver.find_element(By.ID, "username").send_keys(username)
    driver.find_element(By.ID, "password").send_keys(PASSWORD)
    driver.find_element(By.CSS_SELECTOR, "main form button[type=submit]").click()
    assert "/login" not in driver.current_url, "login failed for " + username


def first_report_to_review(driver):
    """The path of the first report in the office's review queue."""
    driver.get(BASE + "/review")
    link = driver.find_element(By.CSS_SELECTOR, "table.dense tbody tr a.button").get_attribute("href")
    return link.replace(BASE, "").split("?")[0]


def first_task(driver):
    """The path of the first report the reporter's unit owes this month."""
    driver.get(BASE + "/tasks")
    return driver.find_element(By.CSS_SELECTOR, "table.list tbody tr a").get_attribute("href").replace(BASE, "")


def capture(driver, name, path):
    for width in (1366, 390):
        for lang in ("zh", "en"):
            driver.set_window_size(width, 900)
            driver.get(f"{BASE}{path}{'&' if '?' in path else '?'}lang={lang}")
            assert driver.find_elements(By.TAG_NAME, "main"), f"{name} {lang}: no main"
            height = min(8000, driver.execute_script("return document.documentElement.scrollHeight"))
            driver.set_window_size(width, max(900, height))
            chromium.shot(driver, SCREENS, f"{name}-{lang}-{width}")
    driver.get(BASE + "/?lang=zh")


def main():
    driver = chromium.browser(1366, 900)
    try:
        for user, pages in PAGES.items():
            if user:
                login(driver, user)
            report = first_report_to_review(driver) if user == "admin" else None
            task = first_task(driver) if user == "jiaoyu" else None
            for name, path in pages:
                capture(driver, f"{user or 'anonymous'}-{name}", path.format(report=report, task=task))
            if user:
                driver.find_element(By.XPATH, "//form[contains(@action, '/logout')]//button").click()
        print("screens: ok")
    finally:
        driver.quit()


if __name__ == "__main__":
    main()
