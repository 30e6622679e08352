"""Entity pages of ``kg serve``: a GET on an entity's IRI path (``/id/…``) answers the card of
that entity, with its source sentences, and its links lead to other entities' pages."""

from __future__ import annotations

import html
import re
import urllib.error
import urllib.request
from urllib.parse import quote, urljoin

import pytest

from kg.cards import entity_card
from kg.model.iri import BASE
from kg.server.entities import local_path
from kg.sparql import open_graph

from .serving import serve_in_thread

pytest_plugins = ["tests.fixtures_seed"]


@pytest.fixture(scope="module")
def server(seed_dir):
    served, thread = serve_in_thread(seed_dir, workers=1, timeout=30)
    yield served
    served.shutdown()
    served.close()
    thread.join(10)


def _get(url: str) -> tuple[int, str, str]:
    try:
        with urllib.request.urlopen(url, timeout=60) as response:
            return response.status, response.headers["Content-Type"], response.read().decode()
    except urllib.error.HTTPError as exc:
        return exc.code, exc.headers["Content-Type"], exc.read().decode()


def _text(page: str) -> str:
    return html.unescape(re.sub(r"<[^>]+>", "", page))


def _page_of(server, iri: str) -> str:
    return urljoin(server.url, local_path(iri))


@pytest.mark.parametrize("name", ["重庆市科学技术局", "西部(重庆)科学城"])
def test_server_entities_an_iri_path_answers_the_entity_card(server, seed_dir, name):
    with open_graph(seed_dir) as graph:
        card = entity_card(graph, name, max_sources=None)
    assert card.iri.startswith(BASE) and card.sources
    status, content_type, page = _get(_page_of(server, card.iri))
    assert status == 200 and content_type.startswith("text/html")
    text = _text(page)
    assert card.label in text and card.class_label in text
    shown = [s for s in card.sources if s.text in text]
    assert shown, "no source sentence of the card is on the page"
    assert all(s.document in text for s in shown)


def test_server_entities_links_lead_to_the_pages_of_other_entities(server, seed_dir):
    with open_graph(seed_dir) as graph:
        card = entity_card(graph, "西部(重庆)科学城")
    _status, _type, page = _get(_page_of(server, card.iri))
    links = sorted(set(re.findall(r'href="(/id/[^"]+)"', page)) - {local_path(card.iri)})
    assert links, "the card links no other entity"
    status, _type, other = _get(urljoin(server.url, html.unescape(links[0])))
    assert status == 200 and "<html" in other.lower()


@pytest.mark.parametrize(
    "path",
    [
        "/id/agency/" + quote("不存在的管理局"),  # no such entity
        "/id/",  # the namespace itself
    ],
)
def test_server_entities_unknown_iri_is_404(server, path):
    status, _type, body = _get(urljoin(server.url, path))
    assert status == 404, body
