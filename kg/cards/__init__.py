"""Entity cards: one entity looked up by name, alias or IRI, with its facts, agreements and
source sentences (:func:`entity_card`), as text, JSON, Markdown (:func:`format_card`) or a
self-contained HTML page (:func:`card_html`)."""

from __future__ import annotations

from kg.cards.card import MAX_SOURCES, AgreementRef, Card, Fact, Link, Source, entity_card
from kg.cards.lookup import Match, find_entity, normalise_name
from kg.cards.page import card_html, write_card_html
from kg.cards.render import CARD_FORMATS, card_json, card_markdown, card_text, format_card

__all__ = [
    "CARD_FORMATS",
    "MAX_SOURCES",
    "AgreementRef",
    "Card",
    "Fact",
    "Link",
    "Match",
    "Source",
    "card_html",
    "card_json",
    "card_markdown",
    "card_text",
    "entity_card",
    "find_entity",
    "format_card",
    "normalise_name",
    "write_card_html",
]
