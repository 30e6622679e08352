"""Entity cards: lookup by label, alias, IRI and near miss; every field checked against SPARQL
over the same graph (rdflib's engine, not the one the card asks); the renderers and the page."""

from __future__ import annotations

import json
from html.parser import HTMLParser
from urllib.parse import quote

import pytest
from rdflib import RDF, Graph, Literal, URIRef
from rdflib.namespace import DCTERMS

from kg.cards import (
    Card,
    Link,
    Match,
    Source,
    card_html,
    entity_card,
    find_entity,
    format_card,
)
from kg.cli import main
from kg.errors import EntityLookupError
from kg.model.iri import span_of
from kg.model.provenance import Spans, sentence_of
from kg.namespace import CY as CY_NS
from kg.sparql import open_graph

from .fixtures_seed import load

pytest_plugins = ["tests.fixtures_seed"]

ID = "https://w3id.org/chengyu-kg/id/"
CY = "https://w3id.org/chengyu-kg/ontology#"
PREFIXES = f"""PREFIX cy: <{CY}>
PREFIX rdf: <http://www.w3.org/1999/02/22-rdf-syntax-ns#>
PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
PREFIX dcterms: <http://purl.org/dc/terms/>
"""

#: The entities whose cards are checked field by field, and what each card must at least say.
CARDS = [
    (
        "重庆市科学技术局",
        "Agency",
        {
            "aliases": {"重庆市科技局"},
            "jurisdiction": {"重庆市"},
            "sentence": "重庆市科技局和成都市科技局签订",
        },
    ),
    (
        "西部(重庆)科学城",
        "ScienceCity",
        {
            "includesDistrict": {"500106", "500107", "500109", "500116", "500120"},
            "plannedArea": {"1198平方公里"},
            "sentence": "涉及北碚、沙坪坝、九龙坡、江津、璧山5个区",
        },
    ),
    ("北碚区", "District", {"code": "500109", "locatedIn": {"500000"}}),
    ("重庆市", "City", {"code": "500000"}),
    (
        "共建世界级先进汽车产业集群战略合作协议",
        "Agreement",
        {"hasTarget": {"2025年 汽车产量 300万辆", "2025年 产值 6000亿元"}},
    ),
]


@pytest.fixture(scope="module")
def seed(seed_dir):
    with open_graph(seed_dir) as graph:
        yield graph


def _select(graph: Graph, query: str, iri: str) -> list[tuple]:
    return [
        tuple(None if t is None else str(t) for t in row)
        for row in graph.query(PREFIXES + query, initBindings={"e": URIRef(iri)})
    ]


def _iri_of(graph: Graph, label: str) -> str:
    rows = list(
        graph.query(
            PREFIXES + "SELECT ?e WHERE { ?e rdfs:label ?l FILTER(STR(?l) = ?name) }",
            initBindings={"name": Literal(label)},
        )
    )
    assert len(rows) == 1, rows
    return str(rows[0][0])


@pytest.mark.parametrize(("name", "cls", "says"), CARDS)
def test_cards_card_matches_sparql_over_the_seed(seed, seed_dir, name, cls, says):
    graph = load(seed_dir)
    iri = _iri_of(graph, name)
    card = entity_card(seed, name, max_sources=None)
    assert (card.iri, card.label, card.cls) == (iri, name, cls)

    labels = {r[0] for r in _select(graph, "SELECT ?l WHERE { ?e rdfs:label ?l }", iri)}
    aliases = {r[0] for r in _select(graph, "SELECT ?l WHERE { ?e skos:altLabel ?l }", iri)}
    assert set(card.labels) == labels and set(card.aliases) == aliases - labels
    codes = {
        r[0]
        for r in _select(graph, "SELECT ?c WHERE { ?e cy:divisionCode|cy:countryCode ?c }", iri)
    }
    assert {card.code} - {None} == codes
    jurisdiction = _select(
        graph, "SELECT ?j ?l WHERE { ?e cy:jurisdiction ?j . ?j rdfs:label ?l }", iri
    )
    assert {(j.iri, j.label) for j in card.jurisdiction} == set(jurisdiction)

    # facts: every cy: property of the entity, and every entity with a cy: property to it
    skip = {
        f"{CY}{p}"
        for p in ("divisionCode", "countryCode", "mergeReason", "jurisdiction", "party", "signedOn")
    }
    out = {
        (p, o)
        for p, o in _select(
            graph,
            "SELECT ?p ?o WHERE { ?e ?p ?x . FILTER(STRSTARTS(STR(?p), STR(cy:))) "
            "OPTIONAL { ?x rdfs:label ?l } BIND(COALESCE(?l, ?x) AS ?o) }",
            iri,
        )
        if p not in skip
    }
    inverse = {
        (p, o)
        for p, o in _select(
            graph,
            "SELECT ?p ?o WHERE { ?x ?p ?e ; rdfs:label ?o . "
            "FILTER(STRSTARTS(STR(?p), STR(cy:)) && ?p != cy:party) }",
            iri,
        )
    }
    facts = {(f"{CY}{f.property}", v.label, f.inverse) for f in card.facts for v in f.values}
    assert facts == {(p, o, False) for p, o in out} | {(p, o, True) for p, o in inverse}

    # agreements: those it is party to, those of the agencies it is the jurisdiction of, itself
    rows = _select(
        graph,
        """SELECT ?a ?date ?party WHERE {
             { ?a cy:party ?e } UNION { ?v cy:jurisdiction ?e . ?a cy:party ?v }
             UNION { ?e a cy:Agreement . BIND(?e AS ?a) }
             OPTIONAL { ?a cy:signedOn ?date } OPTIONAL { ?a cy:party ?party } }""",
        iri,
    )
    expected: dict[str, tuple[set, set]] = {}
    for a, date, party in rows:
        dates, parties = expected.setdefault(a, (set(), set()))
        dates.update({date} - {None})
        parties.update({party} - {None})
    assert {r.iri: (set(r.dates), {p.iri for p in r.parties}) for r in card.agreements} == expected

    # sources: the sentences of its mentions and of the facts read about it, each the
    # slice of its document's text its IRI names (read here with rdflib, not SPARQL)
    entity, spans = URIRef(iri), Spans(graph)
    marks: dict = {}
    for mention in graph.subjects(CY_NS.mentionOf, entity):
        marks.setdefault(sentence_of(graph, mention), set()).add(spans.text(mention))
    stated = {*graph.subjects(RDF.subject, entity), *graph.subjects(RDF.object, entity)}
    sentences = set(marks) | {sentence_of(graph, graph.value(a, CY_NS.span)) for a in stated}
    expected_sources = set()
    for sentence in sentences:
        doc = graph.value(sentence, CY_NS.inDocument)
        _, start, end = span_of(str(sentence))
        expected_sources.add((str(graph.value(doc, DCTERMS.identifier)), start, end))
    got = {(s.document, s.start, s.end) for s in card.sources}
    assert got == expected_sources and len(got) > 0
    assert card.sources_total == len(card.sources) == len(sentences)
    for source in card.sources:
        sentence = URIRef(f"{source.document_iri}#char={source.start},{source.end}")
        assert source.text == spans.text(sentence)
        marked = {source.text[a:b] for a, b in source.marks}
        assert marked == marks.get(sentence, set())

    # and what each card says in words
    for key, value in says.items():
        if key == "aliases":
            assert value <= set(card.aliases)
        elif key == "jurisdiction":
            assert value == {j.label for j in card.jurisdiction}
        elif key == "code":
            assert card.code == value
        elif key == "sentence":
            assert any(value in s.text for s in card.sources)
        else:
            found = {v.code or v.label for f in card.facts if f.property == key for v in f.values}
            assert value == found


# (what is asked, how it must be found, the label of the entity found)
LOOKUPS = [
    ("重庆市科学技术局", "label", "重庆市科学技术局"),
    ("重庆市科技局", "alias", "重庆市科学技术局"),
    ("  重庆市科技局 ", "alias", "重庆市科学技术局"),
    (f"{ID}agency/重庆市科学技术局", "iri", "重庆市科学技术局"),
    (f"<{ID}agency/重庆市科学技术局>", "iri", "重庆市科学技术局"),
    ("id:agency/重庆市科学技术局", "iri", "重庆市科学技术局"),
    (f"{ID}agency/{quote('重庆市科学技术局')}", "iri", "重庆市科学技术局"),
    ("id:district/500109", "iri", "北碚区"),
    # as Turtle output writes them: a prefix per class, escapes in local names
    ("agency:重庆市科学技术局", "iri", "重庆市科学技术局"),
    ("district:500109", "iri", "北碚区"),
    ("science-city:西部\\(重庆\\)科学城", "iri", "西部(重庆)科学城"),
    ("science-city:西部(重庆)科学城", "iri", "西部(重庆)科学城"),
    ("西部（重庆）科学城", "normalised", "西部(重庆)科学城"),
    ("西部重庆科学城", "normalised", "西部(重庆)科学城"),
    ("北碚", "alias", "北碚区"),
    ("重庆市科学技术厅", "fuzzy", "重庆市科学技术局"),
    ("重庆市经济和信息化委", "fuzzy", "重庆市经济和信息化委员会"),
    ("共建西部金融中心合作协定", "fuzzy", "共建西部金融中心合作协议"),
]


@pytest.mark.parametrize(("name", "how", "label"), LOOKUPS)
def test_cards_find_entity_by_label_alias_iri_and_near_miss(seed, name, how, label):
    match = find_entity(seed, name)
    assert (match.how, match.label) == (how, label)
    assert 0.75 <= match.score <= 1.0 and (match.score == 1.0) is (how != "fuzzy")


# (what is asked, what the one error line says, candidates it must name)
MISSES = [
    ("科学城", "may mean 2 entities", {"成都科学城", "西部科学城"}),
    ("上海浦东新区管委会", "no entity named '上海浦东新区管委会'; nearest:", set()),
    ("id:doc/000_8ad9febdc21e1cf6", "is not an entity of the graph (it is a Document)", set()),
    ("id:agency/不存在的机构", "no entity with the IRI", set()),
    ("https://w3id.org/chengyu-kg/id/agency/a b", "not an absolute IRI", set()),
    ("   ", "give the name, alias or IRI of an entity", set()),
]


@pytest.mark.parametrize(("name", "says", "candidates"), MISSES)
def test_cards_unknown_or_ambiguous_name_is_one_line_and_exit_code_2(
    capsys, seed, seed_dir, name, says, candidates
):
    with pytest.raises(EntityLookupError) as raised:
        find_entity(seed, name)
    assert {c.label for c in raised.value.candidates} >= candidates
    assert main(["show", str(seed_dir), name]) == 2
    out, err = capsys.readouterr()
    assert out == "" and err.count("\n") == 1
    assert err.startswith("kg show: error: ") and says in err
    for label in candidates:
        assert label in err


def test_cards_ambiguous_title_lists_each_agreement_and_its_iri_finds_one(tmp_path):
    """Two signings of one title are two agreements: the title is ambiguous, each IRI is not."""
    turtle = f"""@prefix cy: <{CY}> . @prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .
    <{ID}agreement/合作协议@2023-01-02> a cy:Agreement ; rdfs:label "合作协议"@zh ; cy:signedOn "2023-01-02" .
    <{ID}agreement/合作协议@2024-05-06> a cy:Agreement ; rdfs:label "合作协议"@zh ; cy:signedOn "2024-05-06" .
    """
    path = tmp_path / "two.ttl"
    path.write_text(turtle, encoding="utf-8")
    with open_graph(path) as graph:
        with pytest.raises(EntityLookupError) as raised:
            find_entity(graph, "合作协议")
        assert {c.iri for c in raised.value.candidates} == {
            f"{ID}agreement/合作协议@2023-01-02",
            f"{ID}agreement/合作协议@2024-05-06",
        }
        card = entity_card(graph, f"<{ID}agreement/合作协议@2024-05-06>")
        assert [r.dates for r in card.agreements] == [("2024-05-06",)]


def test_cards_max_sources_keeps_the_first_and_counts_all(seed):
    every = entity_card(seed, "西部(重庆)科学城", max_sources=None)
    assert every.sources_total >= 3
    first = entity_card(seed, "西部(重庆)科学城", max_sources=1)
    assert first.sources == every.sources[:1] and first.sources_total == every.sources_total
    assert "the first 1 shown" in format_card(first, "text")


# (format, how a mention of the entity is marked in its sentence)
MARKS = [("text", "【重庆市科技局】"), ("markdown", "**重庆市科技局**")]


@pytest.mark.parametrize(("fmt", "mark"), MARKS)
def test_cards_text_and_markdown_mark_the_mention(seed, fmt, mark):
    card = entity_card(seed, "重庆市科技局")
    text = format_card(card, fmt)
    assert mark in text
    for expected in ("重庆市科学技术局", "重庆市 (500000)", "2021-12-17", "成都市科学技术局"):
        assert expected in text


def test_cards_json_is_the_card_as_data(seed, capsys, seed_dir):
    card = entity_card(seed, "西部(重庆)科学城")
    assert json.loads(format_card(card, "json")) == json.loads(json.dumps(card.as_dict()))
    assert main(["show", str(seed_dir), "西部(重庆)科学城", "--format", "json"]) == 0
    assert json.loads(capsys.readouterr().out) == card.as_dict()


class _Page(HTMLParser):
    """What a card page holds: links, marked text, tags, and anything that would fetch."""

    def __init__(self) -> None:
        super().__init__()
        self.links: list[str] = []
        self.marks: list[str] = []
        self.tags: set[str] = set()
        self.fetches: list[str] = []
        self.attributes: list[str] = []
        self._in_mark = False

    def handle_starttag(self, tag, attrs):
        self.attributes += [v or "" for _, v in attrs]
        attrs = dict(attrs)
        self.tags.add(tag)
        if tag == "a":
            self.links.append(attrs.get("href", ""))
        if tag == "mark":
            self._in_mark = True
            self.marks.append("")
        for key in ("src", "srcset"):
            if key in attrs:
                self.fetches.append(attrs[key])
        if tag == "link" and attrs.get("rel") in ("stylesheet", "preload", "icon"):
            self.fetches.append(attrs.get("href", ""))

    def handle_endtag(self, tag):
        if tag == "mark":
            self._in_mark = False

    def handle_data(self, data):
        if self._in_mark:
            self.marks[-1] += data


def test_cards_html_page_is_self_contained_and_links_entities(seed):
    card = entity_card(seed, "西部(重庆)科学城")
    page = _Page()
    page.feed(card_html(card))
    assert "script" not in page.tags and page.fetches == []
    assert set(page.marks) == {"西部(重庆)科学城"}
    districts = {v.iri for f in card.facts if f.property == "includesDistrict" for v in f.values}
    assert districts <= set(page.links) and len(districts) == 5

    mapped = _Page()
    mapped.feed(card_html(card, href=lambda iri: "/" + iri.removeprefix(ID)))
    assert {"/district/500109", "/district/500106"} <= set(mapped.links)


def _hostile_card() -> Card:
    bad = "<script>alert(1)</script>"
    source = Source(
        "d&1", f"{ID}doc/d1", bad, None, "javascript:alert(2)", 0, 27, f"x{bad}y", ((1, 26),)
    )
    return Card(
        iri="javascript:alert(3)",
        label=bad,
        cls="Agency",
        class_label="政府机构",
        labels=(bad,),
        aliases=(),
        code=None,
        jurisdiction=(Link(bad, "javascript:alert(4)", "City"),),
        merge_reasons=(),
        facts=(),
        agreements=(),
        sources=(source,),
        sources_total=1,
        match=Match("javascript:alert(3)", bad, "Agency", "iri", bad),
    )


def test_cards_html_escapes_what_the_graph_holds_and_links_only_the_web():
    html = card_html(_hostile_card())
    page = _Page()
    page.feed(html)
    assert "script" not in page.tags and page.links == []
    assert not [v for v in page.attributes if "javascript" in v.lower()]
    assert page.marks == ["<script>alert(1)</script>"]


# (the file -o names, what it must then hold)
OUTPUTS = [
    ("card.html", "<!DOCTYPE html>"),
    ("card.md", "# 重庆市科学技术局"),
    ("card.txt", "【重庆市科技局】"),
]


@pytest.mark.parametrize(("name", "holds"), OUTPUTS)
def test_cards_cli_writes_the_card_to_a_file(capsys, seed_dir, tmp_path, name, holds):
    target = tmp_path / name
    fmt = {"md": "markdown"}.get(name.rsplit(".", 1)[1], "text")
    assert main(["show", str(seed_dir), "重庆市科技局", "-f", fmt, "-o", str(target)]) == 0
    assert holds in target.read_text(encoding="utf-8")
    out, err = capsys.readouterr()
    assert out == "" and err == f"wrote {target}\n"
