#!/usr/bin/env python3
"""Browser test: a demo reporter submits a report, the office returns it, the reporter resubmits, the office
accepts it, all in headless Chromium. Screenshots of each step go to the artifacts folder.

usage: report_cycle.py BASE_URL PASSWORD ARTIFACTS_DIR
"""
import os
import sys

from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import WebDriverWait

import chromium

BASE, PASSWORD, ARTIFACTS = sys.argv[1].rstrip("/"), sys.argv[2], sys.argv[3]
PERIOD = "2019-10"
os.makedirs(ARTIFACTS, exist_ok=True)


def submit(driver, button):
    """Clicks a submit button and waits for the next page."""
    page = driver.find_element(By.TAG_NAME, "html")
    button.click()
    WebDriverWait(driver, 20).until(chromium.left(page))


def login(driver, username):
    driver.get(BASE + "/login")
    driver.find_element(By.ID, "username").send_keys(username)
    driver.find_element(By.ID, "password").send_keys(PASSWORD)
    submit(driver, driver.find_element(By.CSS_SELECTOR, "main form button[type=submit]"))
    assert "/login" not in driver.current_url, "login failed for " + username


def logout(driver):
    submit(driver, driver.find_element(By.XPATH, "//form[contains(@action, '/logout')]//button"))


def state(driver):
    return driver.find_element(By.CSS_SELECTOR, "p.plan-meta").text


def main():
    driver = chromium.browser()
    try:
        login(driver, "jiaoyu")
        driver.get(f"{BASE}/tasks?period={PERIOD}")
        chromium.shot(driver, ARTIFACTS, "1-tasks")
        link = driver.find_element(By.XPATH, "//tr[td[starts-with(normalize-space(.), '3.')]]//a")
        report_url = link.get_attribute("href")
        driver.get(report_url)
        value = driver.find_element(By.CSS_SELECTOR, "input[name^='value.']")
        value.clear()
        value.send_keys("47")
        driver.find_element(By.ID, "progress").send_keys("已新建改扩建寄宿制学校47所。")
        submit(driver, driver.find_element(By.CSS_SELECTOR, "button[name=action][value=submit]"))
        assert "已报送" in state(driver), state(driver)
        chromium.shot(driver, ARTIFACTS, "2-submitted")
        logout(driver)

        login(driver, "admin")
        driver.get(report_url)
        driver.find_element(By.ID, "reason").send_keys("请补充开工项目照片。")
        submit(driver, driver.find_element(By.CSS_SELECTOR, "button[name=action][value=return]"))
        assert "已退回" in state(driver), state(driver)
        chromium.shot(driver, ARTIFACTS, "3-returned")
        logout(driver)

        login(driver, "jiaoyu")
        driver.get(report_url)
        assert "请补充开工项目照片" in driver.page_source
        value = driver.find_element(By.CSS_SELECTOR, "input[name^='value.']")
        value.clear()
        value.send_keys("48")
        submit(driver, driver.find_element(By.CSS_SELECTOR, "button[name=action][value=submit]"))
        assert "已报送" in state(driver), state(driver)
        chromium.shot(driver, ARTIFACTS, "4-resubmitted")
        logout(driver)

        login(driver, "admin")
        driver.get(report_url)
        submit(driver, driver.find_element(By.CSS_SELECTOR, "button[name=action][value=accept]"))
        assert "已审核" in state(driver), state(driver)
        assert "48" in driver.page_source
        chromium.shot(driver, ARTIFACTS, "5-accepted")
        print("browser report cycle: ok")
    finally:
        driver.quit()


if __name__ == "__main__":
    main()
