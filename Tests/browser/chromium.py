"""Shared helpers of the browser tests: Debian's headless Chromium through chromedriver, and screenshots."""
import os

from selenium import webdriver
from selenium.common.exceptions import StaleElementReferenceException, WebDriverException
from selenium.webdriver.chrome.service import Service


def browser(width=1280, height=1800):
    """A headless Chromium window of the given size, in Chinese."""
    options = webdriver.ChromeOptions()
    for argument in ["--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--lang=zh-CN", f"--window-size={width},{height}"]:
        options.add_argument(argument)
    binary = next((p for p in ["/usr/bin/chromium", "/usr/bin/chromium-browser"] if os.path.exists(p)), None)
    if binary:
        options.binary_location = binary
    driver_path = next((p for p in ["/usr/bin/chromedriver", "/usr/lib/chromium/chromedriver"] if os.path.exists(p)), None)
    service = Service(executable_path=driver_path) if driver_path else Service()
    return webdriver.Chrome(service=service, options=options)


def shot(driver, folder, name):
    """Saves a screenshot as folder/name.png."""
    path = os.path.join(folder, name + ".png")
    driver.save_screenshot(path)
    print("screenshot", path)


def left(page):
    """A wait condition: the page whose <html> element is `page` has been replaced by the next one. chromedriver
    sometimes reports the old element as "not belonging to the document" instead of stale; both mean it has gone."""
    def predicate(_driver):
        try:
            page.is_enabled()
            return False
        except StaleElementReferenceException:
            return True
        except WebDriverException as error:
            if "does not belong to the document" in str(error):
                return True
            raise
    return predicate

