"""Entity pages: the card of the entity whose IRI a request's path names (``/id/…``), so
that the graph's IRIs resolve when it is served."""

from __future__ import annotations

from http import HTTPStatus
from urllib.parse import quote, unquote

from kg.cards import card_html, entity_card
from kg.errors import EntityLookupError, KgError
from kg.model.iri import BASE
from kg.server.protocol import Response, error
from kg.sparql import open_graph

__all__ = ["ENTITY_PATH", "entity_page", "local_path"]

#: The path under which the server answers for the IRIs of ``BASE`` (``https://…/id/``).
ENTITY_PATH = "/id/"


def local_path(iri: str) -> str:
    """The server's path for an IRI of the graph's namespace; other IRIs are left as they are.

    >>> local_path("https://w3id.org/chengyu-kg/id/agency/重庆市科学技术局")
    '/id/agency/%E9%87%8D%E5%BA%86%E5%B8%82%E7%A7%91%E5%AD%A6%E6%8A%80%E6%9C%AF%E5%B1%80'
    >>> local_path("http://example.org/x")
    'http://example.org/x'
    """
    if iri.startswith(BASE):
        return ENTITY_PATH + quote(iri[len(BASE) :], safe="/")
    return iri


def entity_page(endpoint: str, path: str) -> Response:
    """The HTML card of the entity ``BASE + path`` names, its facts read through ``endpoint``
    (the server's own SPARQL endpoint, so the queries run in its workers under its limits)."""
    iri = BASE + unquote(path[len(ENTITY_PATH) :])
    try:
        with open_graph(endpoint) as graph:
            card = entity_card(graph, iri)
    except EntityLookupError:
        return error(HTTPStatus.NOT_FOUND, f"no entity <{iri}> in this graph")
    except KgError as exc:
        return error(HTTPStatus.SERVICE_UNAVAILABLE, f"the card of <{iri}> failed: {exc}")
    if card.iri != iri:
        return error(HTTPStatus.NOT_FOUND, f"no entity <{iri}> in this graph")
    body = card_html(card, href=local_path).encode("utf-8")
    return Response(HTTPStatus.OK, body, "text/html; charset=utf-8")
