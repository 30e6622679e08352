"""A card as text for a terminal, as JSON, or as Markdown; :data:`CARD_FORMATS` maps each
format name to its writer."""

from __future__ import annotations

import json
from collections.abc import Callable

from kg.cards.card import AgreementRef, Card, Link, Source
from kg.errors import InputError

__all__ = ["CARD_FORMATS", "format_card", "card_text", "card_json", "card_markdown", "marked"]


def marked(source: Source, before: str, after: str) -> str:
    """The sentence with each mention of the entity between ``before`` and ``after``
    (overlapping mentions are marked once, as their union)."""
    text, out, at = source.text, [], 0
    spans: list[list[int]] = []
    for start, end in source.marks:
        start, end = max(start, 0), min(end, len(text))
        if start >= end:
            continue
        if spans and start <= spans[-1][1]:
            spans[-1][1] = max(spans[-1][1], end)
        else:
            spans.append([start, end])
    for start, end in spans:
        out += [text[at:start], before, text[start:end], after]
        at = end
    out.append(text[at:])
    return "".join(out)


def _link(link: Link) -> str:
    return f"{link.label} ({link.code})" if link.code else link.label


def _date(ref: AgreementRef) -> str:
    return "、".join(ref.dates) or "undated"


def _document(source: Source) -> str:
    parts = [source.document, source.published or "no date"]
    if source.title:
        parts.append(f"《{source.title}》" if not source.title.startswith("《") else source.title)
    return " · ".join(parts)


def _header(card: Card) -> list[tuple[str, str]]:
    """The card's fields, as (name, text) pairs, those it has."""
    fields = [("class", f"{card.cls} ({card.class_label})"), ("IRI", card.iri)]
    if len(card.labels) > 1:
        fields.append(("labels", "; ".join(card.labels)))
    if card.aliases:
        fields.append(("aliases", "; ".join(card.aliases)))
    if card.code:
        fields.append(("code", card.code))
    if card.jurisdiction:
        fields.append(("jurisdiction", "; ".join(_link(j) for j in card.jurisdiction)))
    if card.merge_reasons:
        fields.append(("merged by", ", ".join(card.merge_reasons)))
    if card.match.how == "fuzzy":
        fields.append(("found as", f"{card.match.name} (nearest name, {card.match.score:.2f})"))
    return fields


def _sources_heading(card: Card) -> str:
    docs = len(card.documents)
    shown = (
        f", the first {len(card.sources)} shown" if len(card.sources) < card.sources_total else ""
    )
    return (
        f"sources ({card.sources_total} sentence{'s' * (card.sources_total != 1)} in "
        f"{docs} document{'s' * (docs != 1)}{shown})"
    )


def card_text(card: Card) -> str:
    """The card as plain text; mentions of the entity in its sentences are in 【】."""
    lines = [card.label]
    width = max(len(name) for name, _ in _header(card))
    lines += [f"  {name:<{width}}  {text}" for name, text in _header(card)]
    for inverse, title in ((False, "facts"), (True, "referred to by")):
        facts = [f for f in card.facts if f.inverse is inverse]
        if facts:
            lines += ["", title]
            lines += [f"  {f.label}: {'; '.join(_link(v) for v in f.values)}" for f in facts]
    if card.agreements:
        lines += ["", f"agreements ({len(card.agreements)})"]
        for ref in card.agreements:
            lines.append(f"  {_date(ref)}  《{ref.title}》")
            lines.append(f"    parties: {'; '.join(_link(p) for p in ref.parties) or 'none found'}")
            if ref.via is not None:
                lines.append(f"    via: {_link(ref.via)}")
    lines += ["", _sources_heading(card)]
    document = None
    for source in card.sources:
        if source.document != document:
            document = source.document
            lines.append(f"  {_document(source)}")
        lines.append(f"    #char={source.start},{source.end}: {marked(source, '【', '】')}")
    return "\n".join(lines) + "\n"


def card_json(card: Card) -> str:
    """The card as JSON (UTF-8 text, not escaped)."""
    return json.dumps(card.as_dict(), ensure_ascii=False, indent=2) + "\n"


def _md(text: str) -> str:
    """Text safe in a Markdown table cell or list item."""
    out = text.replace("\\", "\\\\").replace("|", "\\|").replace("\n", " ")
    for ch in "*_`[]<>#":
        out = out.replace(ch, "\\" + ch)
    return out


def _md_link(link: Link) -> str:
    label = _md(_link(link))
    return f"[{label}](<{link.iri}>)" if link.iri and link.cls else label


def card_markdown(card: Card) -> str:
    """The card as Markdown: a heading, a field table, facts, agreements and sources, each
    mention of the entity in bold."""
    lines = [f"# {_md(card.label)}", "", "| | |", "| --- | --- |"]
    for name, text in _header(card):
        value = f"<{text}>" if name == "IRI" else _md(text)
        if name == "jurisdiction":
            value = "; ".join(_md_link(j) for j in card.jurisdiction)
        lines.append(f"| {name} | {value} |")
    for inverse, title in ((False, "Facts"), (True, "Referred to by")):
        facts = [f for f in card.facts if f.inverse is inverse]
        if facts:
            lines += ["", f"## {title}", ""]
            lines += [
                f"- **{_md(f.label)}** ({_md(f.label_zh)}): "
                + "; ".join(_md_link(v) for v in f.values)
                for f in facts
            ]
    if card.agreements:
        lines += ["", f"## Agreements ({len(card.agreements)})", ""]
        lines += ["| signed | agreement | parties |", "| --- | --- | --- |"]
        for ref in card.agreements:
            title = f"[《{_md(ref.title)}》](<{ref.iri}>)"
            parties = "; ".join(_md_link(p) for p in ref.parties) or "none found"
            if ref.via is not None:
                parties += f" (via {_md_link(ref.via)})"
            lines.append(f"| {_date(ref)} | {title} | {parties} |")
    lines += ["", f"## {_sources_heading(card).capitalize()}", ""]
    for source in card.sources:
        text = marked(source, "\x00", "\x01")
        text = _md(text).replace("\x00", "**").replace("\x01", "**")
        lines.append(f"- {_md(_document(source))}, #char={source.start},{source.end}: {text}")
    return "\n".join(lines) + "\n"


#: Format name -> the function that writes a card in it (what ``kg show --format`` offers).
CARD_FORMATS: dict[str, Callable[[Card], str]] = {
    "text": card_text,
    "json": card_json,
    "markdown": card_markdown,
}


def format_card(card: Card, fmt: str = "text") -> str:
    """The card in ``fmt``, one of :data:`CARD_FORMATS`."""
    try:
        return CARD_FORMATS[fmt](card)
    except KeyError:
        known = ", ".join(CARD_FORMATS)
        raise InputError(f"no card format {fmt!r} (known: {known})") from None
