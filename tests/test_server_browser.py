"""``kg serve`` in real headless Chromium: the query page at ``/`` runs the named queries with
the network blocked (loopback only), and a page of another loopback origin reads the
endpoint across origins (CORS), which ``--cors none`` forbids.

Needs what ``tests/test_viz_browser.py`` needs (Debian's ``chromium``, ``chromium-driver``,
the ``selenium`` package); skipped without them unless ``KG_REQUIRE_BROWSER=1``. Writes a
screenshot of the page to ``tests/artifacts/query_page.png``.
"""

from __future__ import annotations

import json
import threading
import urllib.parse
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

from kg.sparql import named_queries, open_graph
from kg.sparql.text import prefix_block

from .serving import serve_command, serve_in_thread

# skips (or, with KG_REQUIRE_BROWSER=1, fails) this module as it does itself
from .test_viz_browser import (
    ARTIFACTS,
    CHROMIUM_FLAGS,
    console_errors,
    requested_urls,
    start_chromium,
)

pytest_plugins = ["tests.fixtures_seed"]

from selenium.webdriver.common.by import By  # noqa: E402
from selenium.webdriver.support.ui import Select, WebDriverWait  # noqa: E402

#: The view's flags, but loopback goes direct: only the endpoint and the other loopback
#: origin can be reached; every other request goes to a proxy that is not there.
FLAGS = [f for f in CHROMIUM_FLAGS if not f.startswith("--proxy-bypass-list")]


@pytest.fixture(scope="module")
def driver():
    chrome = start_chromium(FLAGS)
    yield chrome
    chrome.quit()


@pytest.fixture(scope="module")
def endpoint(seed_dir):
    """``kg serve`` on the built seed, as a user starts it."""
    with serve_command(seed_dir, "--workers", "1") as url:
        yield url


def _open_page(driver, base: str) -> None:
    """The query page, fresh: no tabs kept from an earlier visit."""
    driver.get(base)
    driver.execute_script("window.localStorage.clear()")
    driver.get_log("browser")
    driver.get_log("performance")
    driver.get(base)
    WebDriverWait(driver, 30).until(
        lambda d: (
            d.execute_script("return document.documentElement.getAttribute('data-kg-ready')") == "1"
        )
    )


def _run_and_wait(driver, rows: int) -> list[str]:
    """Press the active tab's run button; the text of each result row once ``rows`` are drawn."""
    tab = driver.execute_script("return window.kgYasgui.getTab().getId()")
    panel = f'[id="{tab}"]'
    driver.find_element(By.CSS_SELECTOR, f"{panel} .yasqe_queryButton").click()
    selector = f"{panel} .yasr table tbody tr"
    WebDriverWait(driver, 30).until(
        lambda d: (
            len(d.find_elements(By.CSS_SELECTOR, selector)) >= rows
            and "dataTables_empty"
            not in d.find_elements(By.CSS_SELECTOR, selector)[0].get_attribute("innerHTML")
        )
    )
    return [row.text for row in driver.find_elements(By.CSS_SELECTOR, selector)]


def _outside_fails(driver) -> str:
    """What a fetch of a non-loopback address gives in this browser (it must fail)."""
    return driver.execute_async_script(
        "var done = arguments[arguments.length - 1];"
        "fetch('http://192.0.2.1/').then(function () { done('reached'); },"
        " function (e) { done('failed: ' + e); });"
    )


@pytest.mark.parametrize("name", ["science-cities", "agencies"])
def test_server_browser_query_page_runs_a_named_query_offline(driver, endpoint, seed_dir, name):
    base = endpoint.removesuffix("sparql")
    _open_page(driver, base)
    Select(driver.find_element(By.ID, "kg-examples")).select_by_value(name)
    WebDriverWait(driver, 10).until(
        lambda d: d.execute_script("return window.kgYasgui.getTab().getName()") == name
    )
    text = driver.execute_script("return window.kgYasgui.getTab().getYasqe().getValue()")
    assert text == named_queries()[name].text
    with open_graph(seed_dir) as graph:
        expected = graph.query(text).rows
    assert expected
    shown = _run_and_wait(driver, len(expected))
    assert len(shown) == len(expected)
    labels = {str(row[0]) for row in expected}
    assert labels == {next(lab for lab in labels if lab in line) for line in shown}
    if name == "science-cities":
        assert any("西部(重庆)科学城" in line and "1198平方公里" in line for line in shown)
        ARTIFACTS.mkdir(parents=True, exist_ok=True)
        assert driver.save_screenshot(str(ARTIFACTS / "query_page.png"))
    assert console_errors(driver) == []
    requested = requested_urls(driver)
    assert endpoint in requested  # the query went to the endpoint
    assert [u for u in requested if not u.startswith((base, "data:"))] == []
    assert _outside_fails(driver).startswith("failed")  # the network beyond loopback is shut


def test_server_browser_new_query_has_the_prefixes(driver, endpoint):
    """The endpoint predeclares nothing; the page writes the ontology's PREFIX lines."""
    _open_page(driver, endpoint.removesuffix("sparql"))
    text = driver.execute_script("return window.kgYasgui.getTab().getYasqe().getValue()")
    assert text.startswith(prefix_block().rstrip("\n"))
    assert driver.execute_script("return window.kgYasgui.getTab().getEndpoint()") == endpoint
    driver.execute_script(
        "window.kgYasgui.getTab().getYasqe().setValue(arguments[0])",
        prefix_block() + "SELECT ?agency WHERE { ?a a cy:Agency ; rdfs:label ?agency }",
    )
    shown = _run_and_wait(driver, 5)
    assert any("重庆市科学技术局" in line for line in shown)
    assert console_errors(driver) == []


#: A page of another origin that asks the endpoint (given in the URL) for agency labels.
CROSS_ORIGIN_PAGE = """<!DOCTYPE html>
<html><head><meta charset="utf-8"><title>another origin</title></head><body><script>
var params = new URLSearchParams(location.search);
var query = %s;
var request = params.get("method") === "GET"
  ? fetch(params.get("endpoint") + "?query=" + encodeURIComponent(query),
          {headers: {"Accept": "application/sparql-results+json"}})
  : fetch(params.get("endpoint"), {method: "POST", body: query,
          headers: {"Content-Type": "application/sparql-query",
                    "Accept": "application/sparql-results+json"}});
request.then(function (r) { return r.json(); })
  .then(function (d) {
    document.title = JSON.stringify(d.results.bindings.map(function (b) { return b.l.value; }));
  })
  .catch(function (e) { document.title = "error: " + e; });
</script></body></html>
"""


@pytest.fixture(scope="module")
def other_origin():
    """A second loopback server: the page above, at another port (so another origin)."""
    query = prefix_block() + "SELECT ?l WHERE { ?a a cy:Agency ; rdfs:label ?l }"
    page = (CROSS_ORIGIN_PAGE % json.dumps(query)).encode("utf-8")

    class Page(BaseHTTPRequestHandler):
        def do_GET(self) -> None:  # noqa: N802
            self.send_response(200)
            self.send_header("Content-Type", "text/html; charset=utf-8")
            self.send_header("Content-Length", str(len(page)))
            self.end_headers()
            self.wfile.write(page)

        def log_message(self, *args) -> None:
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Page)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/"
    finally:
        server.shutdown()
        server.server_close()


def _cross_origin(driver, page: str, endpoint: str, method: str) -> str:
    driver.get(page + "?" + urllib.parse.urlencode({"endpoint": endpoint, "method": method}))
    WebDriverWait(driver, 30).until(lambda d: d.title.startswith(("[", "error")))
    return driver.title


@pytest.mark.parametrize("method", ["GET", "POST"])  # POST with this content type: a preflight
def test_server_browser_cross_origin_fetch(driver, endpoint, other_origin, method):
    assert other_origin.split(":")[2] != endpoint.split(":")[2]  # two origins: two ports
    labels = json.loads(_cross_origin(driver, other_origin, endpoint, method))
    assert "重庆市科学技术局" in labels and len(labels) == len(set(labels)) > 5


@pytest.mark.parametrize("method", ["GET", "POST"])
def test_server_browser_cross_origin_refused_without_cors(driver, seed_dir, other_origin, method):
    """The control: the same page, against an endpoint that sends no CORS header."""
    server, thread = serve_in_thread(seed_dir, workers=1, fast_lane=0, cors="none")
    try:
        assert _cross_origin(driver, other_origin, server.url, method).startswith("error")
    finally:
        server.close()
        thread.join(10)


@pytest.mark.parametrize(
    ("name", "needs"), [(q.name, q.required) for q in named_queries().values() if q.required]
)
def test_server_browser_example_says_what_it_needs(driver, endpoint, name, needs):
    """A named query that needs a binding says so beside the examples list."""
    _open_page(driver, endpoint.removesuffix("sparql"))
    Select(driver.find_element(By.ID, "kg-examples")).select_by_value(name)
    said = driver.find_element(By.ID, "kg-description").text
    assert said.startswith(named_queries()[name].description)
    assert all(f"?{v}" in said for v in needs) and "VALUES" in said
    assert console_errors(driver) == []
