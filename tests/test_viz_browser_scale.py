"""The view of the test corpus in real headless Chromium with the network off: readable labels
at first paint, more as one zooms in, the date filter, the layout again after a filter, and
communities collapsed and expanded.

Skipped or failed as ``tests/test_viz_browser.py`` is (same browser, same flags). Writes the
first paint of the test corpus to ``tests/artifacts/viz_test_corpus_offline.png``.
"""

from __future__ import annotations

import json
import math
import time
from datetime import date
from itertools import combinations
from pathlib import Path

import pytest
from rdflib import Graph, URIRef
from rdflib.namespace import RDF, RDFS

from kg.build import build
from kg.io.graph_files import load_graph
from kg.namespace import CY
from kg.viz import write_html
from kg.viz.view import LABEL_MAX_CHARS, short_label

from .test_viz_browser import (  # the module skips (or fails) when there is no browser
    ARTIFACTS,
    By,
    Keys,
    console_errors,
    hover,
    open_page,
    requested_urls,
    start_chromium,
    webdriver,
)
from .test_viz_layout import TEST_CORPUS

#: The labels drawn now: vis-network draws a label once its font is ``threshold - 1`` pixels
#: on screen (see kg/viz/templates/labels.js); each with its box in page pixels.
DRAWN_LABELS = """
var C = JSON.parse(document.getElementById("kg-data").textContent).labels;
var scale = network.getScale(), out = [];
var r = document.getElementById("mynetwork").getBoundingClientRect();
network.body.nodeIndices.forEach(function (id) {
  var n = network.body.nodes[id];
  if (!n.options.label) { return; }
  var px = n.labelModule.fontOptions.size * scale;
  if (n.labelModule.fontOptions.size * scale < C.threshold - 1) { return; }
  var s = n.labelModule.size;
  var a = network.canvasToDOM({x: s.left, y: s.top});
  var b = network.canvasToDOM({x: s.left + s.width, y: s.top + s.height});
  var p = network.canvasToDOM({x: n.x, y: n.y});
  out.push({id: id, label: n.options.label, px: px, degree: n.options.degree || 0,
            box: [r.left + a.x, r.top + a.y, r.left + b.x, r.top + b.y],
            at: [r.left + p.x, r.top + p.y]});
});
return out;
"""

CANVAS = (
    "var r = document.getElementById('mynetwork').getBoundingClientRect();"
    "return [r.left, r.top, r.right, r.bottom];"
)


def _drawn_labels(driver) -> list[dict]:
    driver.execute_script("network.redraw();")
    driver.execute_async_script(  # two frames: the labels are measured when drawn
        "var done = arguments[0]; requestAnimationFrame(function () {"
        " requestAnimationFrame(function () { done(); }); });"
    )
    return driver.execute_script(DRAWN_LABELS)


def _overlapping(labels: list[dict]) -> list[tuple[str, str]]:
    return [
        (a["label"], b["label"])
        for a, b in combinations(labels, 2)
        if a["box"][0] < b["box"][2]
        and b["box"][0] < a["box"][2]
        and a["box"][1] < b["box"][3]
        and b["box"][1] < a["box"][3]
    ]


@pytest.fixture(scope="module")
def driver():
    chrome = start_chromium()
    yield chrome
    chrome.quit()


@pytest.fixture(scope="module")
def corpus(tmp_path_factory) -> tuple[Path, Graph]:
    """The page of the test corpus as ``kg build`` writes it, and its graph."""
    out = tmp_path_factory.mktemp("viz_corpus")
    build([TEST_CORPUS], out)
    graph = load_graph(out)
    return write_html(graph, out / "view.html"), graph


def _agreements(graph: Graph) -> dict[str, list]:
    """Each agreement of the graph with its signing dates as RDF literals."""
    return {
        str(a): list(graph.objects(a, CY.signedOn))
        for a in graph.subjects(RDF.type, CY.Agreement)
        if isinstance(a, URIRef)
    }


def _span(literal) -> tuple[date, date]:
    """The days a signing date stands for, by its datatype (a day, a month or a year)."""
    kind = str(literal.datatype).rsplit("#", 1)[-1]
    text = str(literal)
    year = int(text[:4])
    if kind == "gYear":
        return date(year, 1, 1), date(year, 12, 31)
    if kind == "gYearMonth":
        month = int(text[5:7])
        following = date(year + month // 12, month % 12 + 1, 1)
        return date(year, month, 1), date.fromordinal(following.toordinal() - 1)
    day = date.fromisoformat(text)
    return day, day


def _within(dates: list, start: date | None, end: date | None, undated: bool) -> bool:
    if start is None and end is None:
        return True
    if not dates:
        return undated
    return any(
        (start is None or s >= start) and (end is None or e <= end) for s, e in map(_span, dates)
    )


def _visible_agreements(driver) -> set[str]:
    return set(
        driver.execute_script(
            "return nodes.get({filter: function (n) { return n.group === 'Agreement'"
            " && !n.hidden; }}).map(function (n) { return n.id; });"
        )
    )


def _same_places(a: dict[str, list[float]], b: dict[str, list[float]]) -> bool:
    return a.keys() == b.keys() and all(math.dist(a[k], b[k]) < 1 for k in a)


def _positions(driver) -> dict[str, list[float]]:
    return driver.execute_script(
        "var p = network.getPositions(network.body.nodeIndices), out = {};"
        "Object.keys(p).forEach(function (k) { out[k] = [p[k].x, p[k].y]; }); return out;"
    )


def test_viz_browser_first_paint_of_the_test_corpus_reads(driver, corpus):
    path, graph = corpus
    open_page(driver, path)
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    shot = ARTIFACTS / "viz_test_corpus_offline.png"
    assert driver.save_screenshot(str(shot))
    assert shot.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n" and shot.stat().st_size > 50_000
    labels = _drawn_labels(driver)
    total, degree = driver.execute_script(
        "var d = {}; nodes.forEach(function (n) { d[n.id] = n.degree; });return [nodes.length, d];"
    )
    # readable, and not everything at once: the rest come in as one zooms in
    assert 40 <= len(labels) < total // 2, len(labels)
    assert all(11 <= label["px"] <= 20 for label in labels)
    assert _overlapping(labels) == []
    left, top, right, bottom = driver.execute_script(CANVAS)
    for label in labels:
        x0, y0, x1, y1 = label["box"]
        assert left <= x0 and x1 <= right and top <= y0 and y1 <= bottom, label["label"]
    # hubs first: the best-connected nodes are labelled
    drawn = {label["id"] for label in labels}
    ranked = sorted(degree, key=lambda n: (-degree[n], n))
    assert set(ranked[:3]) <= drawn
    hubs = [n for n in ranked if degree[n] >= 5]
    assert len(hubs) >= 10 and sum(n in drawn for n in hubs) >= 2 / 3 * len(hubs)
    # not a disc: the labelled nodes are spread over the whole canvas
    cells = {
        (
            min(int(3 * (lab["at"][0] - left) / (right - left)), 2),
            min(int(3 * (lab["at"][1] - top) / (bottom - top)), 2),
        )
        for lab in labels
    }
    assert len(cells) == 9, cells
    assert console_errors(driver) == []
    outside = [u for u in requested_urls(driver) if not u.startswith(("file:", "data:"))]
    assert outside == []


def test_viz_browser_labels_come_in_as_one_zooms_in(driver, corpus):
    path, _ = corpus
    open_page(driver, path)
    first = driver.execute_script("return network.getScale();")
    counts = []
    for factor in (1, 1.6, 2.6, 4.2, 8):
        driver.execute_script(
            "network.moveTo({scale: arguments[0], animation: false});", first * factor
        )
        labels = _drawn_labels(driver)
        counts.append(len(labels))
        # what is on screen at this zoom does not overlap, but for the labels of the last level
        # (all at once), which need the deepest zoom
        levels = driver.execute_script("return [window.kgLabelLevels, window.kgLabelScales];")
        last = len(levels[1]) - 1
        on_screen = [
            lab
            for lab in labels
            if levels[0].get(lab["id"], last) < last and _on_screen(driver, lab)
        ]
        assert _overlapping(on_screen) == [], factor
    assert counts == sorted(counts) and counts[-1] > 3 * counts[0], counts
    with_labels = driver.execute_script(
        "return network.body.nodeIndices.filter(function (id) {"
        " return network.body.nodes[id].options.label; }).length;"
    )
    assert counts[-1] == with_labels  # at the deepest zoom every label is drawn


def _on_screen(driver, label: dict) -> bool:
    left, top, right, bottom = driver.execute_script(CANVAS)
    x0, y0, x1, y1 = label["box"]
    return x1 > left and x0 < right and y1 > top and y0 < bottom


@pytest.mark.parametrize(
    ("start", "end", "undated"),
    [
        ("2024-03", "2024-09", False),
        ("2023", "2023", False),
        ("", "2023-12-31", False),
        ("2024-11", "", True),
        ("2024-06", "2024-06", False),  # an agreement signed in 2024-06 (month only) is in
        ("2024-06-01", "2024-06-15", False),  # and this one is not: its day is unknown
    ],
)
def test_viz_browser_date_filter_hides_the_agreements_outside(driver, corpus, start, end, undated):
    path, graph = corpus
    open_page(driver, path)
    first = _positions(driver)
    for field, value in (("kg-date-from", start), ("kg-date-to", end)):
        box = driver.find_element(By.ID, field)
        box.clear()
        box.send_keys(value)
    if undated:
        driver.find_element(By.ID, "kg-date-undated").click()
    driver.find_element(By.ID, "kg-date-to").send_keys(Keys.ENTER)
    lo = _span_of(start)[0] if start else None
    hi = _span_of(end)[1] if end else None
    agreements = _agreements(graph)
    expected = {a for a, dates in agreements.items() if _within(dates, lo, hi, undated)}
    assert 0 < len(expected) < len(agreements)
    assert _visible_agreements(driver) == expected
    status = driver.find_element(By.ID, "kg-date-status").text
    assert f"{len(expected)} 份协议" in status
    # the hidden agreements are not drawn; the rest are laid out again and fit the window
    drawn = set(driver.execute_script("return network.body.nodeIndices;"))
    assert not (set(agreements) - expected) & drawn
    after = _positions(driver)
    assert any(after[k] != first[k] for k in after)
    points = list(after.values())
    assert min(math.dist(a, b) for a, b in combinations(points, 2)) >= 15
    assert _overlapping(_drawn_labels(driver)) == []
    left, top, right, bottom = driver.execute_script(CANVAS)
    for x, y in driver.execute_script(
        "var r = document.getElementById('mynetwork').getBoundingClientRect();"
        "return network.body.nodeIndices.map(function (id) {"
        " var p = network.canvasToDOM(network.getPositions([id])[id]);"
        " return [r.left + p.x, r.top + p.y]; });"
    ):
        assert left <= x <= right and top <= y <= bottom
    # clearing the filter gives back every agreement, where it was
    driver.find_element(By.ID, "kg-date-clear").click()
    if undated:
        driver.find_element(By.ID, "kg-date-undated").click()
    assert _visible_agreements(driver) == set(agreements)
    assert _same_places(_positions(driver), first)
    assert console_errors(driver) == []


def _span_of(text: str) -> tuple[date, date]:
    from rdflib import Literal
    from rdflib.namespace import XSD

    kind = {4: XSD.gYear, 7: XSD.gYearMonth, 10: XSD.date}[len(text)]
    return _span(Literal(text, datatype=kind))


def test_viz_browser_date_period_menu_and_bad_dates(driver, corpus):
    path, graph = corpus
    open_page(driver, path)
    agreements = _agreements(graph)
    menu = driver.find_element(By.ID, "kg-date-period")
    menu.find_element(By.CSS_SELECTOR, 'option[value="2024-05"]').click()
    lo, hi = _span_of("2024-05")
    assert _visible_agreements(driver) == {
        a for a, dates in agreements.items() if _within(dates, lo, hi, False)
    }
    assert driver.find_element(By.ID, "kg-date-from").get_attribute("value") == "2024-05"
    box = driver.find_element(By.ID, "kg-date-from")
    box.clear()
    box.send_keys("2024-13" + Keys.ENTER)
    assert "无效日期" in driver.find_element(By.ID, "kg-date-status").text
    assert _visible_agreements(driver) == set(agreements)  # a bad date hides nothing
    assert console_errors(driver) == []


def test_viz_browser_agreement_shows_its_date_and_whole_title(driver, corpus):
    path, graph = corpus
    open_page(driver, path)
    titles = {a: _title(graph, a) for a in _agreements(graph)}
    long = sorted(
        (titles[a], a, sorted(map(str, dates)))
        for a, dates in _agreements(graph).items()
        if len(titles[a]) > LABEL_MAX_CHARS and dates
    )
    assert long
    title, ref, dates = long[0]
    node = driver.execute_script("return nodes.get(arguments[0]);", ref)
    assert node["label"] == f"{short_label(title)}\n{'、'.join(dates)}"
    assert node["label"].split("\n")[0].endswith("…")
    assert node["signedOn"] == dates
    tip = hover(driver, ref)
    assert tip.splitlines()[1] == title
    assert f"签署日期: {'；'.join(dates)}" in tip


def _title(graph: Graph, agreement: str) -> str:
    """An agreement's name as the view gives it: its Chinese label."""
    labels = sorted(
        graph.objects(URIRef(agreement), RDFS.label), key=lambda x: (x.language != "zh", str(x))
    )
    return str(labels[0])


def _drawn_count(driver) -> int:
    return driver.execute_script("return network.body.nodeIndices.length;")


def test_viz_browser_community_collapses_and_expands(driver, corpus):
    path, _ = corpus
    open_page(driver, path)
    communities = driver.execute_script(
        "return JSON.parse(document.getElementById('kg-data').textContent).communities;"
    )
    biggest = communities[0]
    before, positions = _drawn_count(driver), _positions(driver)
    button = driver.find_element(
        By.CSS_SELECTOR, f'.kg-community[data-community="{biggest["id"]}"]'
    )
    button.click()
    cluster = f"community:{biggest['id']}"
    assert driver.execute_script("return network.isCluster(arguments[0]);", cluster)
    assert button.get_attribute("aria-pressed") == "true"
    assert _drawn_count(driver) == before - biggest["size"] + 1
    members = driver.execute_script("return network.getNodesInCluster(arguments[0]);", cluster)
    assert len(members) == biggest["size"]
    label = driver.execute_script("return network.body.nodes[arguments[0]].options.label;", cluster)
    assert label == f"{biggest['name']} ({biggest['size']})"
    assert _overlapping(_drawn_labels(driver)) == []
    # a double click on the collapsed community opens it, everyone where they were
    _double_click(driver, cluster)
    assert not driver.execute_script(
        "return network.body.nodes[arguments[0]] !== undefined && network.isCluster(arguments[0]);",
        cluster,
    )
    assert _drawn_count(driver) == before
    assert _same_places(_positions(driver), positions)
    assert button.get_attribute("aria-pressed") == "false"
    # a double click on a node folds its community
    member = biggest["hub"]
    _double_click(driver, member)
    assert driver.execute_script("return network.isCluster(arguments[0]);", cluster)
    # every community, then none
    driver.find_element(By.ID, "kg-collapse-all").click()
    folding = [c for c in communities if c["size"] >= 3]
    assert _drawn_count(driver) == before - sum(c["size"] - 1 for c in folding)
    isolated = [c for c in communities if c["isolated"]]
    assert isolated and driver.execute_script(
        "return network.isCluster(arguments[0]);", f"community:{isolated[0]['id']}"
    )
    driver.find_element(By.ID, "kg-expand-all").click()
    assert _drawn_count(driver) == before
    assert _same_places(_positions(driver), positions)
    assert console_errors(driver) == []


def _double_click(driver, node_id: str) -> None:
    """A real double click of the mouse on a node."""
    x, y = driver.execute_script(
        "var p = network.canvasToDOM(network.getPositions([arguments[0]])[arguments[0]]);"
        "return [p.x, p.y];",
        node_id,
    )
    canvas = driver.find_element(By.CSS_SELECTOR, "#mynetwork canvas")
    size = canvas.size
    webdriver.ActionChains(driver).move_to_element_with_offset(
        canvas, int(x - size["width"] / 2), int(y - size["height"] / 2)
    ).double_click().perform()
    time.sleep(0.3)


def test_viz_browser_class_filter_lays_out_again(driver, corpus):
    path, _ = corpus
    open_page(driver, path)
    first = _positions(driver)
    scale = driver.execute_script("return network.getScale();")
    for cls in ("Quantity", "Target", "Project"):
        driver.find_element(By.CSS_SELECTOR, f'#kg-legend input[data-class="{cls}"]').click()
    after = _positions(driver)
    assert len(after) < len(first)
    assert any(after[k] != first[k] for k in after)
    assert driver.execute_script("return network.getScale();") > scale  # fewer nodes, closer
    assert _overlapping(_drawn_labels(driver)) == []
    assert json.loads(json.dumps(after))  # positions are plain numbers
    assert console_errors(driver) == []


def test_viz_browser_layout_script_packs_as_python_does(driver, corpus):
    """layout.js repeats kg.viz.layout's normalize, grid and pack for the filters: the same
    input gives the same positions."""
    from kg.viz.layout import LAYOUT, grid, normalize, pack

    path, _ = corpus
    open_page(driver, path)
    vertical = {str(i): (0.0, 40.0 * i + (i % 2) * 7) for i in range(6)}
    chain = [(str(i), str(i + 1)) for i in range(5)]
    blocks = [normalize(vertical, chain), {"a": (-80.0, 0.0), "b": (80.0, 30.0)}]
    blocks += [{f"n{i}": (0.0, 0.0)} for i in range(7)]
    cells = grid([f"i{k}" for k in range(11)])
    script = (
        "var L = JSON.parse(document.getElementById('kg-data').textContent).layout;"
        "var b = arguments[0].map(function (block) { var o = {}; Object.keys(block)"
        ".forEach(function (k) { o[k] = block[k]; }); return o; });"
        "return [kgLayout.normalize(arguments[1], arguments[2], L),"
        " kgLayout.grid(arguments[3], L), kgLayout.pack(b, arguments[4], L)];"
    )
    js_normal, js_grid, js_pack = driver.execute_script(
        script, blocks, vertical, chain, [f"i{k}" for k in range(11)], cells
    )
    assert LAYOUT["edge"] == driver.execute_script(
        "return JSON.parse(document.getElementById('kg-data').textContent).layout.edge;"
    )
    for python, js in ((blocks[0], js_normal), (cells, js_grid), (pack(blocks, cells), js_pack)):
        assert python.keys() == js.keys()
        for k in python:
            assert math.dist(python[k], js[k]) < 0.2, (k, python[k], js[k])
