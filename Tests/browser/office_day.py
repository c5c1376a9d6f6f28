#!/usr/bin/env python3
"""Browser test of each role's day on the demo, in headless Chromium:

- the office filters the review queue to one unit, accepts two reports together (confirming), returns one with a
  reason and moves on with 下一条, keeping the filter;
- the reporter learns of the return on its landing page, opens it in one click and resubmits (confirming);
- an early October report leaves every page on September, and the office can close a month only in order;
- a leader and an inspector land on their own workbench, with a menu of what they may open;
- axe-core (axe-selenium-python) finds no serious or critical violation on the main pages, in both languages.

usage: office_day.py BASE_URL PASSWORD ARTIFACTS_DIR
"""
import os
import sys

from axe_selenium_python import Axe
from selenium.common.exceptions import NoAlertPresentException
from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import Select, WebDriverWait

import chromium

BASE, PASSWORD, ARTIFACTS = sys.argv[1].rstrip("/"), sys.argv[2], sys.argv[3]
os.makedirs(ARTIFACTS, exist_ok=True)


def submit(driver, button, confirm=False):
    """Clicks a submit button, accepts the confirmation it asks for (and fails if it asks none when one is
    expected), and waits for the next page."""
    page = driver.find_element(By.TAG_NAME, "html")
    button.click()
    if confirm:
        WebDriverWait(driver, 5).until(lambda d: alert_or_none(d) is not None)
        alert = driver.switch_to.alert
        assert alert.text, "the confirmation says nothing"
        alert.accept()
    WebDriverWait(driver, 20).until(chromium.left(page))


def alert_or_none(driver):
    try:
        return driver.switch_to.alert
    except NoAlertPresentException:
        return None


def login(driver, username):
    driver.get(BASE + "/login")
    driver.find_element(By.ID, "username").send_keys(username)
    driver.find_element(By.ID, "password").send_keys(PASSWORD)
    submit(driver, driver.find_element(By.CSS_SELECTOR, "main form button[type=submit]"))
    assert "/login" not in driver.current_url, "login failed for " + username


def logout(driver):
    submit(driver, driver.find_element(By.XPATH, "//form[contains(@action, '/logout')]//button"))


def flash(driver):
    return driver.find_element(By.CSS_SELECTOR, ".flash").text


def menu(driver):
    return driver.find_element(By.CSS_SELECTOR, "header nav").get_attribute("textContent")


def office_reviews(driver):
    """The office: filter to 栾川县政府, accept two together, return the third and go on with 下一条."""
    login(driver, "admin")
    assert driver.current_url.rstrip("/") == BASE, driver.current_url
    assert "待审核" in driver.find_element(By.CSS_SELECTOR, ".tiles").text
    chromium.shot(driver, ARTIFACTS, "office-1-workbench")
    driver.get(BASE + "/review")
    heading = driver.find_element(By.TAG_NAME, "h1").text
    assert "待审核" in heading, heading
    Select(driver.find_element(By.ID, "filter-unit")).select_by_visible_text("栾川县政府")
    submit(driver, driver.find_element(By.CSS_SELECTOR, "form.filters button"))
    assert "unit=" in driver.current_url, driver.current_url
    rows = driver.find_elements(By.CSS_SELECTOR, "table.dense tbody tr")
    assert len(rows) >= 3, len(rows)
    assert all("栾川县政府" in row.text for row in rows), [row.text for row in rows]
    chromium.shot(driver, ARTIFACTS, "office-2-filtered")
    boxes = driver.find_elements(By.CSS_SELECTOR, "input[name=report]")
    boxes[0].click()
    boxes[1].click()
    submit(driver, driver.find_element(By.CSS_SELECTOR, "form[data-confirm] button.primary"), confirm=True)
    assert "已审核通过2份报告" in flash(driver), flash(driver)
    assert "unit=" in driver.current_url or "栾川县政府" in driver.find_element(By.ID, "filter-unit").get_attribute("innerHTML")
    chromium.shot(driver, ARTIFACTS, "office-3-accepted")
    review = driver.find_element(By.CSS_SELECTOR, "table.dense tbody tr a.button")
    submit(driver, review)
    report_url = driver.current_url.split("?")[0]
    driver.find_element(By.ID, "reason").send_keys("请补充开工项目照片。")
    submit(driver, driver.find_element(By.CSS_SELECTOR, "button[name=action][value=return]"))
    assert "已退回" in flash(driver), flash(driver)
    chromium.shot(driver, ARTIFACTS, "office-4-returned")
    following = driver.find_element(By.CSS_SELECTOR, "nav.queue-links a[rel=next]")
    submit(driver, following)
    assert driver.current_url.split("?")[0] != report_url, "下一条 stayed on the same report"
    assert "queue=" in driver.current_url, driver.current_url
    assert "栾川县政府" in driver.find_element(By.CSS_SELECTOR, "p.plan-meta").text
    logout(driver)
    return report_url


def reporter_resubmits(driver, report_url):
    """The reporter sees the return on its landing page, opens it in one click and resubmits."""
    login(driver, "luanchuan")
    returned = driver.find_element(By.CSS_SELECTOR, ".returned-list")
    assert "请补充开工项目照片" in returned.text, returned.text
    chromium.shot(driver, ARTIFACTS, "reporter-1-workbench")
    submit(driver, returned.find_element(By.TAG_NAME, "a"))
    assert driver.current_url.split("?")[0] == report_url, driver.current_url
    assert "请补充开工项目照片" in driver.page_source
    value = driver.find_element(By.CSS_SELECTOR, "input[name^='value.']")
    value.clear()
    value.send_keys("48")
    driver.find_element(By.ID, "progress").send_keys("已补充开工项目照片。")
    submit(driver, driver.find_element(By.CSS_SELECTOR, "button[name=action][value=submit]"), confirm=True)
    assert "已报送" in flash(driver), flash(driver)
    chromium.shot(driver, ARTIFACTS, "reporter-2-resubmitted")
    # A blank October report is refused; one with progress goes in early.
    driver.get(BASE + "/tasks")
    assert "2019-10" in driver.find_element(By.ID, "period").get_attribute("value")
    link = driver.find_element(By.CSS_SELECTOR, "table.list tbody tr a")
    submit(driver, link)
    submit(driver, driver.find_element(By.CSS_SELECTOR, "button[name=action][value=submit]"), confirm=True)
    assert "不能报送" in driver.find_element(By.CSS_SELECTOR, ".alert").text
    driver.find_element(By.ID, "progress").send_keys("十月上旬新开工2所。")
    submit(driver, driver.find_element(By.CSS_SELECTOR, "button[name=action][value=submit]"), confirm=True)
    assert "已报送" in flash(driver), flash(driver)
    logout(driver)


def period_stays_on_september(driver):
    """After the early October report every page still shows September; the office closes months in order."""
    login(driver, "admin")
    driver.get(BASE + "/overview")
    assert "2019年9月" in driver.page_source or "2019-09" in driver.page_source
    assert "2019-10" not in driver.find_element(By.CSS_SELECTOR, "main").get_attribute("innerHTML").split("period-form")[0]
    driver.get(BASE + "/")
    assert "当前期间：2019年9月" in driver.find_element(By.CSS_SELECTOR, "p.periods").text
    driver.get(BASE + "/admin/plans/1/calendar")
    assert "关闭10月报送" in driver.page_source
    chromium.shot(driver, ARTIFACTS, "office-5-closing")
    logout(driver)


def leader_and_inspector(driver):
    login(driver, "leader")
    assert "计划进展" in driver.page_source
    assert "待审核" not in menu(driver) and "我的任务" not in menu(driver), menu(driver)
    chromium.shot(driver, ARTIFACTS, "leader-workbench")
    logout(driver)
    login(driver, "inspector")
    assert "我的检查" in driver.page_source
    chromium.shot(driver, ARTIFACTS, "inspector-workbench")
    logout(driver)


def accessibility(driver):
    """No serious or critical axe-core violation on the main pages, in both languages."""
    pages = {
        "admin": ["/", "/review", "/overview", "/battle-map", "/supervision", "/documents", "/admin/audit", "/admin/plans/1/calendar",
                  "/tasks"],
        "luanchuan": ["/", "/tasks", "/inbox"],
    }
    problems = []
    for user, paths in pages.items():
        login(driver, user)
        for path in paths:
            for lang in ["zh", "en"]:
                driver.get(f"{BASE}{path}{'&' if '?' in path else '?'}lang={lang}")
                axe = Axe(driver)
                axe.inject()
                results = axe.run()
                for violation in results["violations"]:
                    if violation.get("impact") in ("serious", "critical"):
                        problems.append(f"{user} {path} {lang}: {violation['id']} ({len(violation['nodes'])}) "
                                        + violation["nodes"][0]["html"][:160])
        driver.get(BASE + "/?lang=zh")
        logout(driver)
    assert not problems, "\n".join(problems)


def main():
    driver = chromium.browser(1366, 1000)
    try:
        report_url = office_reviews(driver)
        reporter_resubmits(driver, report_url)
        period_stays_on_september(driver)
        leader_and_inspector(driver)
        accessibility(driver)
        print("browser office day: ok")
    finally:
        driver.quit()


if __name__ == "__main__":
    main()
