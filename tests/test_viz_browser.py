"""The HTML view in real headless Chromium with the network off: drawn, hoverable, filterable, inert.

Needs Debian's ``chromium`` and ``chromium-driver`` and the ``selenium`` package; skipped
without them unless ``KG_REQUIRE_BROWSER=1`` (as in CI), then failed. Writes screenshots of
the seed's page to ``tests/artifacts/viz_seed_offline.png`` and
``tests/artifacts/viz_seed_filtered_offline.png``.
"""

from __future__ import annotations

import json
import os
import shutil
import time
from pathlib import Path

import pytest
from rdflib import Graph, URIRef

from kg.build import build
from kg.io.graph_files import load_graph
from kg.model.provenance import Spans, sentence_of
from kg.model.triples import to_graph
from kg.namespace import CY
from kg.viz import PHYSICS_MAX_NODES, write_html
from kg.viz.view import short_label

from .conftest import ROOT, SEED
from .test_viz import HOSTILE_LABELS, HOSTILE_SENTENCE, ID, expected_counts, hostile_graph

ARTIFACTS = ROOT / "tests" / "artifacts"
CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
CHROMEDRIVER = shutil.which("chromedriver") or "/usr/bin/chromedriver"


def _missing() -> str | None:
    try:
        import selenium  # noqa: F401
    except ImportError:
        return "the selenium package is not installed (pip install selenium)"
    for path, package in ((CHROMIUM, "chromium"), (CHROMEDRIVER, "chromium-driver")):
        if not Path(path).exists():
            return f"{path} not found (apt-get install chromium chromium-driver; needs {package})"
    return None


_REASON = _missing()
if _REASON:
    if os.environ.get("KG_REQUIRE_BROWSER") == "1":
        pytest.fail(f"KG_REQUIRE_BROWSER=1 but {_REASON}", pytrace=False)
    pytest.skip(_REASON, allow_module_level=True)

from selenium import webdriver  # noqa: E402
from selenium.webdriver.chrome.service import Service  # noqa: E402
from selenium.webdriver.common.by import By  # noqa: E402
from selenium.webdriver.common.keys import Keys  # noqa: E402
from selenium.webdriver.support.ui import WebDriverWait  # noqa: E402

#: Chromium with every network path closed: no background services, and a proxy that
#: refuses everything (loopback included), so any request that is not a file fails.
CHROMIUM_FLAGS = [
    "--headless=new",
    "--no-sandbox",
    "--disable-gpu",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--disable-default-apps",
    "--disable-extensions",
    "--proxy-server=127.0.0.1:9",
    "--proxy-bypass-list=<-loopback>",
    "--window-size=1400,900",
    "--lang=zh-CN",
]


def start_chromium(flags: list[str] = CHROMIUM_FLAGS):
    """Headless Chromium with the network closed (or as ``flags`` say), logging console and
    network events."""
    options = webdriver.ChromeOptions()
    options.binary_location = CHROMIUM
    for flag in flags:
        options.add_argument(flag)
    options.set_capability("goog:loggingPrefs", {"browser": "ALL", "performance": "ALL"})
    # An explicit driver path: selenium-manager is never run, nothing is downloaded.
    chrome = webdriver.Chrome(service=Service(executable_path=CHROMEDRIVER), options=options)
    chrome.set_window_size(1400, 900)
    return chrome


@pytest.fixture(scope="module")
def driver():
    chrome = start_chromium()
    yield chrome
    chrome.quit()


@pytest.fixture(scope="module")
def pages(tmp_path_factory, small_extraction) -> dict[str, tuple[Path, Graph]]:
    """Pages to open: the seed built by ``kg build``, a small graph, and a hostile one."""
    out = tmp_path_factory.mktemp("viz_pages")
    build([SEED], out / "seed")
    seed = load_graph(out / "seed")
    small = to_graph([small_extraction])
    hostile = hostile_graph(small, HOSTILE_LABELS[0])
    graphs = {"seed": seed, "small": small, "hostile": hostile}
    result = {name: (write_html(g, out / f"{name}.html"), g) for name, g in graphs.items()}
    focus = write_html(hostile, out / "hostile-focus.html", focus=HOSTILE_LABELS[0], hops=1)
    result["hostile-focus"] = (focus, hostile)
    return result


def open_page(driver, path: Path, timeout: float = 60) -> float:
    """Load ``path`` and wait until the layout is done; return the seconds it took."""
    driver.get_log("browser")  # drop what earlier pages logged
    driver.get_log("performance")
    start = time.monotonic()
    driver.get(path.as_uri())
    WebDriverWait(driver, timeout).until(
        lambda d: (
            d.execute_script("return document.documentElement.getAttribute('data-kg-ready')") == "1"
        )
    )
    return time.monotonic() - start


def console_errors(driver) -> list[dict]:
    return [e for e in driver.get_log("browser") if e["level"] in ("SEVERE", "ERROR")]


def requested_urls(driver) -> list[str]:
    urls = []
    for entry in driver.get_log("performance"):
        message = json.loads(entry["message"])["message"]
        if message["method"] == "Network.requestWillBeSent":
            urls.append(message["params"]["request"]["url"])
    return urls


def hover(driver, node_id: str, zoom: bool = True) -> str:
    """Move the real mouse onto a node (centred and zoomed in); return the tooltip's text."""
    driver.execute_script(  # the page's own button, so its status line stays true
        "if (network.physics.physicsEnabled) { document.getElementById('kg-physics').click(); }"
    )
    if zoom:
        driver.execute_script(
            "network.focus(arguments[0], {scale: 2.5, animation: false});", node_id
        )
    x, y = driver.execute_script(
        "var p = network.canvasToDOM(network.getPositions([arguments[0]])[arguments[0]]);"
        "var r = document.getElementById('mynetwork').getBoundingClientRect();"
        "return [r.left + p.x, r.top + p.y];",
        node_id,
    )
    for dx in (-30, 0):  # arrive from aside so the canvas sees a move onto the node
        driver.execute_cdp_cmd(
            "Input.dispatchMouseEvent", {"type": "mouseMoved", "x": x + dx, "y": y}
        )
        time.sleep(0.05)
    WebDriverWait(driver, 10).until(
        lambda d: d.execute_script(
            "var t = document.querySelector('div.vis-tooltip');"
            "return t && t.style.visibility === 'visible' && t.innerText.length > 0;"
        )
    )
    return driver.execute_script("return document.querySelector('div.vis-tooltip').innerText")


def node_ids(driver, label: str) -> list[str]:
    """The nodes named ``label`` (in full: the second line of the hover text)."""
    return driver.execute_script(
        "return nodes.get({filter: function (n) { return n.title.split('\\n')[1] === arguments[0];"
        " }}).map(function (n) { return n.id; });".replace("arguments[0]", json.dumps(label))
    )


@pytest.mark.parametrize("name", ["seed", "small", "hostile"])
def test_viz_browser_draws_every_node_and_edge_offline(driver, pages, name):
    path, graph = pages[name]
    open_page(driver, path)
    drawn = driver.execute_script(
        "return [window.network === network, network.body.data.nodes.length,"
        " network.body.data.edges.length, Object.keys(network.body.nodes).length]"
    )
    nodes, edges = expected_counts(graph)
    assert drawn == [True, nodes, edges, nodes]
    assert nodes > (50 if name == "seed" else 5)
    assert console_errors(driver) == []
    outside = [u for u in requested_urls(driver) if not u.startswith(("file:", "data:"))]
    assert outside == []
    assert driver.execute_script("return window.__pwned") is None


@pytest.mark.parametrize("cls", ["Agency", "Agreement", "District"])
def test_viz_browser_hover_shows_the_source_sentence(driver, pages, cls):
    path, graph = pages["seed"]
    open_page(driver, path)
    node = driver.execute_script(
        "return nodes.get({filter: function (n) { return n.group === arguments[0]"
        " && n.degree > 0; }})[0];".replace("arguments[0]", json.dumps(cls))
    )
    spans = Spans(graph)
    sentences = {
        spans.text(sentence_of(graph, mention))
        for mention in graph.subjects(CY.mentionOf, URIRef(node["id"]))
    }
    assert sentences
    tip = hover(driver, node["id"])
    lines = tip.splitlines()
    assert lines[0].endswith(f"· {cls}") or cls in lines[0]
    assert node["label"].split("\n")[0] == short_label(lines[1])  # the whole name on hover
    assert any(s.strip() in tip for s in sentences), (tip, sentences)
    assert console_errors(driver) == []


@pytest.mark.parametrize("cls", ["Project", "Agency", "District"])
def test_viz_browser_class_filter_hides_and_shows_nodes(driver, pages, cls):
    path, _ = pages["seed"]
    open_page(driver, path)
    count_of = "return nodes.get({filter: function (n) { return n.group === '%s'; }}).length"
    total, of_class = (
        driver.execute_script("return nodes.length"),
        driver.execute_script(count_of % cls),
    )
    assert of_class > 0
    box = driver.find_element(By.CSS_SELECTOR, f'#kg-legend input[data-class="{cls}"]')
    box.click()
    state = driver.execute_script(
        "var ids = nodes.getIds();"
        "return ids.map(function (id) { var n = nodes.get(id);"
        " return [n.group, Boolean(n.hidden), Boolean(network.body.nodes[id].options.hidden)]; });"
    )
    assert {(group == cls, hidden, drawn) for group, hidden, drawn in state} <= {
        (True, True, True),
        (False, False, False),
    }
    visible = driver.find_element(By.ID, "kg-visible").text
    assert visible == f"{total - of_class} / {total}"
    box.click()
    assert (
        driver.execute_script(
            "return nodes.get({filter: function (n) { return n.hidden; }}).length"
        )
        == 0
    )
    assert console_errors(driver) == []


@pytest.mark.parametrize(
    ("query", "expect"),
    [
        ("重庆市经信委", ["重庆市经济和信息化委员会"]),  # an alias finds the entity
        ("科学城", None),  # several matches
        ("不存在的名字", []),
    ],
)
def test_viz_browser_search_selects_matching_nodes(driver, pages, query, expect):
    path, _ = pages["seed"]
    open_page(driver, path)
    box = driver.find_element(By.ID, "kg-search")
    box.send_keys(query + Keys.ENTER)
    selected = driver.execute_script(
        "return network.getSelectedNodes().map(function (id) {"
        " return nodes.get(id).title.split('\\n')[1]; })"
    )
    status = driver.find_element(By.ID, "kg-search-status").text
    if expect is None:
        assert len(selected) > 1 and all("科学城" in s for s in selected)
        assert status.startswith(f"{len(selected)} ")
    else:
        assert sorted(selected) == expect
        assert ("无匹配" in status) == (not expect)


def test_viz_browser_hostile_label_runs_nothing_and_shows_as_text(driver, pages):
    label = HOSTILE_LABELS[0]
    path, _ = pages["hostile-focus"]
    open_page(driver, path)
    assert driver.execute_script("return window.__pwned") is None
    heading = driver.find_element(By.CSS_SELECTOR, ".kg-subgraph").text
    assert label in heading
    [evil] = node_ids(driver, label)
    tip = hover(driver, evil)
    assert label in tip and HOSTILE_SENTENCE in tip
    assert (
        driver.execute_script(
            "return document.querySelectorAll('div.vis-tooltip script, div.vis-tooltip img,"
            " #kg-panel script, #kg-panel img').length"
        )
        == 0
    )
    options = driver.execute_script(
        "return Array.from(document.querySelectorAll('#kg-names option')).map(o => o.value)"
    )
    assert label in options
    time.sleep(0.3)  # an onerror handler would have fired by now
    assert driver.execute_script("return window.__pwned") is None
    assert console_errors(driver) == []


def test_viz_browser_large_graph_stays_responsive(driver, tmp_path):
    from .test_viz import _chain_graph

    count = 5000
    path = write_html(_chain_graph(count), tmp_path / "large.html")
    seconds = open_page(driver, path, timeout=120)
    physics, drawn = driver.execute_script(
        "return [network.physics.physicsEnabled, network.body.data.nodes.length]"
    )
    assert drawn == count and count > PHYSICS_MAX_NODES
    assert physics is False
    assert seconds < 30, f"the 5,000-node page took {seconds:.1f} s to be ready"
    started = time.monotonic()
    driver.execute_script("network.moveTo({scale: 0.5}); network.redraw();")
    assert time.monotonic() - started < 5
    tip = hover(driver, f"{ID}agency/a7")
    assert tip.splitlines()[:2] == ["政府机构 · Agency", "机构7"]
    assert console_errors(driver) == []


def test_viz_browser_seed_screenshot(driver, pages):
    """Screenshots for people: the seed with a hover text, then with two classes filtered out."""
    path, _ = pages["seed"]
    open_page(driver, path)
    [agreement] = driver.execute_script(
        "var a = nodes.get({filter: function (n) { return n.group === 'Agreement'; }});"
        "a.sort(function (x, y) { return y.degree - x.degree; }); return [a[0].id];"
    )
    tip = hover(driver, agreement, zoom=False)
    assert "合作协议" in tip
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    shots = [ARTIFACTS / "viz_seed_offline.png", ARTIFACTS / "viz_seed_filtered_offline.png"]
    assert driver.save_screenshot(str(shots[0]))
    corner = driver.execute_script(  # an empty spot of the canvas: the tooltip goes away
        "var r = document.getElementById('mynetwork').getBoundingClientRect();"
        "return [r.right - 4, r.bottom - 4];"
    )
    for dx in (-2, 0):
        driver.execute_cdp_cmd(
            "Input.dispatchMouseEvent", {"type": "mouseMoved", "x": corner[0] + dx, "y": corner[1]}
        )
    for cls in ("Project", "Quantity"):
        driver.find_element(By.CSS_SELECTOR, f'#kg-legend input[data-class="{cls}"]').click()
    time.sleep(0.2)
    assert driver.save_screenshot(str(shots[1]))
    for shot in shots:
        assert shot.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n" and shot.stat().st_size > 20_000
