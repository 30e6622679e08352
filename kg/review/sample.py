"""Random samples of a built graph for a person to judge, as CSV or an offline HTML page.

An analyst who builds a graph of their own feed has no gold annotations to score it against.
:func:`sample_graph` draws a reproducible sample of what the graph says, each row with the
sentence it was read from; :func:`write_review` writes it as a CSV file for a spreadsheet or
as an offline HTML page with a verdict box per row; :mod:`kg.review.judgements` reads the
judged file back and scores it.
"""

from __future__ import annotations

import csv
import html
import io
import json
import random
import re
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from importlib.resources import files
from pathlib import Path
from typing import Any

from kg.io.files import write_text_atomic
from kg.model.iri import span_of
from kg.records import ENTITY_CLASSES
from kg.review.queries import labels_of, query_rows, term_text, values_block
from kg.review.rows import COLUMNS, FACT_KINDS, SIGNING, VERDICTS, ReviewError, ReviewRow
from kg.review.signings import signing_rows
from kg.sparql import OpenGraph, open_graph

__all__ = [
    "REVIEW_FORMATS",
    "AgreementCoverage",
    "sample_graph",
    "agreement_coverage",
    "format_sample_summary",
    "review_format",
    "generate_csv",
    "generate_html",
    "write_review",
]

_CY = "https://w3id.org/chengyu-kg/ontology#"


# --------------------------------------------------------------------------- sampling


def _slice(span: str, text: str, out: str) -> str:
    """SPARQL binding ``?out`` to the characters the span ``?span`` names of ``?text``
    (its IRI ends in ``#char=START,END``)."""
    return (
        f'BIND (STRAFTER(STR(?{span}), "#char=") AS ?{span}_range) '
        f'BIND (xsd:integer(STRBEFORE(?{span}_range, ",")) AS ?{span}_start) '
        f"BIND (SUBSTR(?{text}, ?{span}_start + 1, "
        f'xsd:integer(STRAFTER(?{span}_range, ",")) - ?{span}_start) AS ?{out}) '
    )


def _entity_candidates(graph: Any) -> dict[str, list[str]]:
    """Entities with at least one mention, by the local name of their cy: class."""
    rows = query_rows(
        graph,
        "SELECT DISTINCT ?cls ?e WHERE { ?m cy:mentionOf ?e . ?e a ?cls . "
        f'FILTER(STRSTARTS(STR(?cls), "{_CY}")) }}',
    )
    out: dict[str, set[str]] = defaultdict(set)
    for cls, entity in rows:
        out[str(cls)[len(_CY) :]].add(str(entity))
    return {cls: sorted(iris) for cls, iris in out.items()}


def _fact_candidates(graph: Any, kind: str) -> list[tuple[str, str, str, str]]:
    """Assertions of ``kind``: (assertion, agreement, object as written, sentence), by IRI."""
    rows = query_rows(
        graph,
        "SELECT ?a ?ag ?o ?s WHERE { ?a rdf:predicate cy:" + kind + " ; rdf:subject ?ag ; "
        "rdf:object ?o ; cy:span/cy:inSentence? ?s . ?s cy:inDocument ?d }",
    )
    return sorted({tuple(term_text(t) for t in row) for row in rows})


def _ordered_kinds(present: Iterable[str]) -> list[str]:
    present = set(present)
    known = [c for c in ENTITY_CLASSES if c in present]
    return known + sorted(present - set(known)) + list(FACT_KINDS)


@dataclass(frozen=True)
class _Mention:
    iri: str
    entity: str
    surface: str
    start: int | None
    sentence: str


def _mentions(graph: Any, entities: Sequence[str]) -> dict[str, list[_Mention]]:
    """Every mention of ``entities``, sorted by mention IRI, by entity."""
    if not entities:
        return {}
    rows = query_rows(
        graph,
        f"SELECT ?e ?m ?surface ?s WHERE {{ {values_block('e', entities)} "
        "?m cy:mentionOf ?e ; cy:inSentence? ?s . ?s cy:inDocument ?d . ?d cy:text ?text . "
        + _slice("m", "text", "surface")
        + "}",
    )
    out: dict[str, dict[str, _Mention]] = defaultdict(dict)
    for entity, mention, surface, sentence in rows:
        where = span_of(str(mention))
        out[str(entity)][str(mention)] = _Mention(
            str(mention),
            str(entity),
            term_text(surface),
            where[1] if where else None,
            str(sentence),
        )
    return {e: [ms[k] for k in sorted(ms)] for e, ms in out.items()}


def _int(term: Any) -> int | None:
    try:
        return None if term is None else int(str(term))
    except ValueError:
        return None


@dataclass(frozen=True)
class _Sentence:
    text: str
    start: int | None
    document: str
    published: str


def _sentences(graph: Any, iris: Sequence[str]) -> dict[str, _Sentence]:
    if not iris:
        return {}
    rows = query_rows(
        graph,
        f"SELECT ?s ?text ?id ?date WHERE {{ {values_block('s', iris)} "
        "?s cy:inDocument ?doc . ?doc cy:text ?doctext . "
        + _slice("s", "doctext", "text")
        + "OPTIONAL { ?doc dcterms:identifier ?id } OPTIONAL { ?doc dcterms:date ?date } }",
    )
    out: dict[str, _Sentence] = {}
    for sentence, text, doc_id, date in sorted(rows, key=lambda r: tuple(map(term_text, r))):
        where = span_of(str(sentence))
        out.setdefault(
            str(sentence),
            _Sentence(
                term_text(text), where[1] if where else None, term_text(doc_id), term_text(date)
            ),
        )
    return out


def _check_kinds(kinds: Sequence[str] | None, available: Sequence[str]) -> list[str]:
    if kinds is None:
        return list(available)
    allowed = list(dict.fromkeys([*ENTITY_CLASSES, *available, SIGNING]))
    unknown = [k for k in kinds if k not in allowed]
    if unknown:
        raise ReviewError(
            f"unknown class {unknown[0]!r} (choose from {', '.join(allowed)})"
            if len(unknown) == 1
            else f"unknown classes {', '.join(map(repr, unknown))} "
            f"(choose from {', '.join(allowed)})"
        )
    return [k for k in available if k in kinds]


def sample_graph(
    graph: OpenGraph | str | Path,
    per_class: int,
    seed: int = 0,
    *,
    kinds: Sequence[str] | None = None,
) -> list[ReviewRow]:
    """Draw ``per_class`` rows of each kind at random from a graph, reproducibly.

    ``graph`` is an :class:`kg.sparql.OpenGraph` or anything
    :func:`kg.sparql.open_graph` opens (a graph file, a ``kg build`` directory, a
    store directory, an endpoint URL). The kinds are the ``cy:`` classes of entities that
    have a mention (:data:`kg.records.ENTITY_CLASSES` first, in that order, then others
    by name), then ``party`` and ``signedOn``: the assertions of an agreement's parties and
    signing dates. ``kinds`` keeps only those named (an unknown name raises
    :class:`ReviewError`); naming ``signing`` adds sentences that tell of a signing, with
    what was read there (:mod:`kg.review.signings`: a check of what the graph missed).

    For each kind the candidates (entities, or assertions) are sorted by IRI and
    ``random.Random(seed).sample`` draws ``per_class`` of them (all when there are fewer);
    then the same generator picks, for each row in turn, one mention whose surface form the
    row shows: one of the entity's mentions, or for a fact a mention of the party (else of
    the agreement) in the assertion's sentence. The same graph and seed give the same rows.
    """
    if isinstance(per_class, bool) or not isinstance(per_class, int) or per_class < 1:
        raise ReviewError(f"--per-class must be a whole number of at least 1, not {per_class!r}")
    if isinstance(graph, str | Path):
        with open_graph(graph) as opened:
            return sample_graph(opened, per_class, seed, kinds=kinds)

    entities = _entity_candidates(graph)
    # (signing rows only when asked for: they check what was missed, not what was said)
    asked = [SIGNING] if kinds is not None and SIGNING in kinds else []
    selected = _check_kinds(kinds, _ordered_kinds(entities) + asked)
    rng = random.Random(seed)
    drawn: list[tuple[str, Any]] = []
    for kind in selected:
        if kind == SIGNING:
            continue
        if kind in FACT_KINDS:
            pool: Sequence[Any] = _fact_candidates(graph, kind)
        else:
            pool = entities.get(kind, [])
        drawn += [(kind, item) for item in rng.sample(pool, min(per_class, len(pool)))]

    facts = [item for kind, item in drawn if kind in FACT_KINDS]
    subjects = sorted(
        {item for kind, item in drawn if kind not in FACT_KINDS}
        | {agreement for _, agreement, _, _ in facts}
        | {item[2] for kind, item in drawn if kind == "party"}
    )
    labels = labels_of(graph, subjects)
    mentions = _mentions(graph, subjects)
    needed = {m.sentence for e in subjects for m in mentions.get(e, [])}
    sentences = _sentences(graph, sorted(needed | {s for _, _, _, s in facts}))

    rows: list[ReviewRow] = []
    for kind, item in drawn:
        if kind in FACT_KINDS:
            _, agreement, obj, sentence = item
            party = obj if kind == "party" else None
            pool = [m for m in mentions.get(party, []) if m.sentence == sentence] if party else []
            pool = pool or [m for m in mentions.get(agreement, []) if m.sentence == sentence]
            entity = agreement
            value = labels.get(obj, obj) if party else obj
        else:
            entity, value, sentence = item, "", None
            pool = mentions.get(item, [])
        mention = rng.choice(pool) if pool else None
        where = sentences.get(sentence or (mention.sentence if mention else ""))
        start = None
        if mention and where and mention.start is not None and where.start is not None:
            start = mention.start - where.start
        rows.append(
            ReviewRow(
                row=str(len(rows) + 1),
                kind=kind,
                entity=entity,
                label=labels.get(entity, ""),
                value=value,
                surface=mention.surface if mention else "",
                document=where.document if where else "",
                published=where.published if where else "",
                sentence=where.text if where else "",
                surface_start=start,
            )
        )
    if asked:
        rows += signing_rows(graph, per_class, seed, first_row=len(rows) + 1)
    return rows


@dataclass(frozen=True)
class AgreementCoverage:
    """How many agreements a graph has, and how many of them have a party and a date."""

    agreements: int
    with_party: int
    with_date: int

    @property
    def party_share(self) -> float:
        """Share of agreements with at least one party (0 when there are none)."""
        return self.with_party / self.agreements if self.agreements else 0.0

    @property
    def date_share(self) -> float:
        """Share of agreements with a signing date (0 when there are none)."""
        return self.with_date / self.agreements if self.agreements else 0.0


def agreement_coverage(graph: OpenGraph | str | Path) -> AgreementCoverage:
    """Agreements in a graph (an open graph or a GRAPH as for :func:`sample_graph`) and their facts."""
    if isinstance(graph, str | Path):
        with open_graph(graph) as opened:
            return agreement_coverage(opened)

    def count(pattern: str) -> int:
        rows = query_rows(graph, f"SELECT (COUNT(DISTINCT ?a) AS ?n) WHERE {{ {pattern} }}")
        return (_int(rows[0][0]) or 0) if rows else 0

    return AgreementCoverage(
        count("?a a cy:Agreement"),
        count("?a a cy:Agreement ; cy:party ?p"),
        count("?a a cy:Agreement ; cy:signedOn ?d"),
    )


def format_sample_summary(rows: Sequence[ReviewRow], coverage: AgreementCoverage) -> str:
    """Rows per kind, then the graph's agreements and the shares with a party and a date."""
    counts = Counter(r.kind for r in rows)
    width = max([len(k) for k in counts] + [4])
    lines = [f"{kind:<{width}}  {n:>4}" for kind, n in counts.items()]
    lines.append(f"{'rows':<{width}}  {len(rows):>4}")
    c = coverage
    lines.append(
        f"agreements: {c.agreements}; with a party: {c.with_party} ({c.party_share:.0%}); "
        f"with a signing date: {c.with_date} ({c.date_share:.0%})"
    )
    return "\n".join(lines)


# --------------------------------------------------------------------------- writing


def generate_csv(rows: Iterable[ReviewRow]) -> str:
    """The rows as CSV with a header, starting with a BOM so spreadsheets read it as UTF-8."""
    buf = io.StringIO()
    writer = csv.writer(buf, lineterminator="\r\n")
    writer.writerow(COLUMNS)
    writer.writerows([getattr(r, c) for c in COLUMNS] for r in rows)
    return "\ufeff" + buf.getvalue()


def _highlighted(row: ReviewRow) -> str:
    text, surface, start = row.sentence, row.surface, row.surface_start
    if surface and (start is None or text[start : start + len(surface)] != surface):
        start = text.find(surface)
    if not surface or start is None or start < 0:
        return html.escape(text)
    end = start + len(surface)
    return (
        f"{html.escape(text[:start])}<mark>{html.escape(text[start:end])}</mark>"
        f"{html.escape(text[end:])}"
    )


def _script_json(data: Any) -> str:
    # inside <script>, "</" could end the element and "<!--" open a comment: write no "<"
    return json.dumps(data, ensure_ascii=False, separators=(",", ":")).replace("<", "\\u003c")


def generate_html(rows: Sequence[ReviewRow], *, title: str = "chengyu-kg review") -> str:
    """An offline page with the rows, each mention marked in its sentence, and verdict boxes.

    The page needs no network; its button downloads the verdicts as CSV in :data:`COLUMNS`
    (what :func:`read_judgements` reads). The template is ``kg/review/templates/review.html``.
    """
    options = "".join(f'<option value="{v}">{v}</option>' for v in ("",) + VERDICTS).replace(
        '<option value=""></option>', '<option value="">–</option>'
    )
    body = []
    for i, r in enumerate(rows):
        value = f"<div class=value>{html.escape(r.value)}</div>" if r.value else ""
        where = " · ".join(html.escape(x) for x in (r.document, r.published) if x)
        body.append(
            f'<tr data-index="{i}"><td class=num>{html.escape(r.row)}</td>'
            f"<td class=kind>{html.escape(r.kind)}</td>"
            f'<td class=what><div class=label title="{html.escape(r.entity)}">'
            f"{html.escape(r.label or r.entity)}</div>{value}</td>"
            f"<td class=sentence>{_highlighted(r)}<div class=doc>{where}</div></td>"
            f'<td><select class=judgement aria-label="judgement of row {html.escape(r.row)}">'
            f"{options}</select></td>"
            f'<td><textarea class=note rows=2 aria-label="note on row {html.escape(r.row)}">'
            f"{html.escape(r.note)}</textarea></td></tr>"
        )
    template = files("kg.review").joinpath("templates", "review.html").read_text(encoding="utf-8")
    replacements = {
        "__TITLE__": html.escape(title),
        "__ROWS__": "\n".join(body),
        "__DATA__": _script_json({"columns": list(COLUMNS), "rows": [r.as_record() for r in rows]}),
    }
    # one pass, so that text of the rows is never taken for a placeholder
    return re.sub("|".join(replacements), lambda m: replacements[m.group(0)], template)


#: Output suffix -> generator of the review file's text.
REVIEW_FORMATS: dict[str, Callable[..., str]] = {
    ".csv": generate_csv,
    ".html": generate_html,
    ".htm": generate_html,
}


def review_format(path: str | Path) -> str:
    """The suffix of ``path`` if it is one of :data:`REVIEW_FORMATS`, else :class:`ReviewError`."""
    suffix = Path(path).suffix.lower()
    if suffix not in REVIEW_FORMATS:
        raise ReviewError(
            f"{path}: unknown output suffix {suffix or '(none)'!r} "
            f"(use {', '.join(REVIEW_FORMATS)})"
        )
    return suffix


def write_review(
    rows: Sequence[ReviewRow], path: str | Path, *, title: str = "chengyu-kg review"
) -> Path:
    """Write the rows as CSV or HTML (by the suffix of ``path``), atomically."""
    generate = REVIEW_FORMATS[review_format(path)]
    text = generate(rows, title=title) if generate is generate_html else generate(rows)
    return write_text_atomic(path, text)
