"""The timeline chart and an entity card in real headless Chromium with the network off: the
bars are drawn, as tall as their counts, and nothing is fetched.

Needs Debian's ``chromium`` and ``chromium-driver`` and the ``selenium`` package; skipped
without them unless ``KG_REQUIRE_BROWSER=1`` (as in CI), then failed. Writes a screenshot of
the test corpus's timeline by quarter and sector to ``tests/artifacts/timeline_chart.png``.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from kg.build import build
from kg.cards import entity_card, write_card_html
from kg.cli import main
from kg.sparql import open_graph
from kg.timeline import agreement_timeline, timeline_chart

from .conftest import DATA, SEED

# (imported from the view's browser test, which skips or fails without a browser)
from .test_viz_browser import (
    ARTIFACTS,
    WebDriverWait,
    console_errors,
    requested_urls,
    start_chromium,
)


@pytest.fixture(scope="module")
def driver():
    chrome = start_chromium()
    chrome.set_window_size(1400, 1000)
    yield chrome
    chrome.quit()


@pytest.fixture(scope="module")
def corpus(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("timeline-browser")
    build([DATA / "corpus" / "test"], out, html=False, jobs=1)
    return out


def _open(driver, path: Path) -> list[str]:
    """Load ``path``; return the URLs it requested."""
    driver.get_log("browser")
    driver.get_log("performance")
    driver.get(path.as_uri())
    WebDriverWait(driver, 30).until(
        lambda d: d.execute_script("return document.readyState") == "complete"
    )
    return requested_urls(driver)


# (options of kg timeline, the period it counts by, and how it is split)
CHARTS = [
    (["--by", "month"], "month", {}),
    (["--by", "quarter", "--sector"], "quarter", {"sector": True}),
    (["--by", "year", "--pair"], "year", {"pair": True}),
]


@pytest.mark.parametrize(("options", "by", "split"), CHARTS)
def test_timeline_browser_draws_the_bars_offline(driver, corpus, tmp_path, options, by, split):
    page = tmp_path / "timeline.html"
    assert main(["timeline", str(corpus), *options, "-o", str(page)]) == 0
    with open_graph(corpus) as graph:
        expected = agreement_timeline(graph, by=by, **split)
    urls = _open(driver, page)
    assert [u for u in urls if not u.startswith(("file:", "data:"))] == []
    assert console_errors(driver) == []
    bars = driver.execute_script(
        "return Array.from(document.querySelectorAll('#chart rect.bar')).map(function (r) {"
        " var b = r.getBoundingClientRect();"
        " return {period: r.dataset.period, count: +r.dataset.count, height: b.height,"
        " width: b.width, shown: getComputedStyle(r).visibility === 'visible'"
        " && getComputedStyle(r).display !== 'none' && r.getAttribute('fill') !== 'none'}; });"
    )
    assert len(bars) == len(timeline_chart(expected).bars) > 3
    assert all(b["shown"] and b["width"] > 2 and b["height"] > 2 for b in bars)
    per_period: dict[str, int] = {}
    for bar in bars:
        per_period[bar["period"]] = per_period.get(bar["period"], 0) + bar["count"]
    assert per_period == expected.per_period()
    # drawn as tall as counted: the same pixels per agreement for every bar (±1 px rounding)
    unit = max(b["height"] for b in bars) / max(b["count"] for b in bars)
    assert all(abs(b["height"] - b["count"] * unit) <= 1 for b in bars)
    summary = driver.execute_script(
        "return document.querySelector('[data-kg=summary]').textContent"
    )
    assert summary.startswith(f"{expected.total()} agreements")
    if split:
        totals = driver.execute_script(
            "return Array.from(document.querySelectorAll('#totals-chart rect.total'))"
            ".map(function (r) { return +r.dataset.count; });"
        )
        assert sum(totals) == expected.total()
    if split.get("sector"):
        ARTIFACTS.mkdir(exist_ok=True)
        driver.save_screenshot(str(ARTIFACTS / "timeline_chart.png"))


def test_timeline_browser_entity_card_page_offline(driver, tmp_path_factory):
    """A card page, as kg serve will give it, renders its marks and links with nothing fetched."""
    out = tmp_path_factory.mktemp("card-browser")
    build([SEED], out, html=False)
    with open_graph(out) as graph:
        card = entity_card(graph, "西部(重庆)科学城")
    page = write_card_html(card, out / "card.html")
    urls = _open(driver, page)
    assert [u for u in urls if not u.startswith(("file:", "data:"))] == []
    assert console_errors(driver) == []
    shown = driver.execute_script(
        "return {title: document.querySelector('[data-kg=label]').textContent,"
        " marks: Array.from(document.querySelectorAll('mark')).map(function (m) {"
        "   return m.textContent; }),"
        " sentences: document.querySelectorAll('[data-kg=sentence]').length,"
        " districts: document.querySelectorAll('[data-kg-fact=includesDistrict] a').length};"
    )
    assert shown["title"] == "西部(重庆)科学城"
    assert set(shown["marks"]) == {"西部(重庆)科学城"}
    assert shown["sentences"] == card.sources_total == len(card.sources)
    assert shown["districts"] == 5
