"""A card as a self-contained HTML page (no script, no request), from ``templates/card.html``.

The page links each entity it names to ``href(iri)``: the IRI itself by default, so that a
server that answers at the IRIs' paths serves one card per entity and the links resolve.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import cache
from importlib.resources import files
from pathlib import Path

from jinja2 import Environment

from kg.cards.card import Card, Source
from kg.cards.render import marked
from kg.io.files import write_text_atomic

__all__ = ["card_html", "write_card_html"]


def _segments(source: Source) -> list[tuple[str, bool]]:
    """The sentence as (text, is a mention of the entity) pieces."""
    text = marked(source, "\x00", "\x01")
    out: list[tuple[str, bool]] = []
    for i, piece in enumerate(text.replace("\x01", "\x00").split("\x00")):
        if piece:
            out.append((piece, i % 2 == 1))
    return out


def _documents(card: Card) -> list[dict]:
    """The card's sources grouped by document, in the card's order."""
    groups: list[dict] = []
    for source in card.sources:
        if not groups or groups[-1]["document"] != source.document:
            groups.append({"document": source.document, "first": source, "sentences": []})
        groups[-1]["sentences"].append({"source": source, "segments": _segments(source)})
    return groups


def _is_web(address: str | None) -> bool:
    """Whether an address may be a link: an ``http(s)`` IRI (never ``javascript:``, say)."""
    return bool(address) and address.startswith(("http://", "https://"))


@cache
def _template() -> str:
    return files("kg.cards").joinpath("templates", "card.html").read_text(encoding="utf-8")


def card_html(card: Card, *, href: Callable[[str], str] | None = None) -> str:
    """The card as one HTML page (UTF-8, its style inline, no script, nothing fetched).

    ``href`` maps an entity's IRI to the address the page links it to (default: the IRI);
    only ``http(s)`` IRIs are linked.
    """
    mapped = href or (lambda iri: iri)
    env = Environment(autoescape=True, keep_trailing_newline=True)
    return env.from_string(_template()).render(
        card=card,
        href=lambda iri: mapped(iri) if _is_web(iri) else None,
        web=_is_web,
        facts=[f for f in card.facts if not f.inverse],
        referrers=[f for f in card.facts if f.inverse],
        documents=_documents(card),
        document_count=len(card.documents),
    )


def write_card_html(card: Card, path: str | Path, **kw) -> Path:
    """Write :func:`card_html` of ``card`` to ``path`` atomically; return the path."""
    return write_text_atomic(path, card_html(card, **kw))
