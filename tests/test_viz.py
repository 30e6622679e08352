"""The HTML view: self-contained, every node drawn, dates as properties, short labels, legend,
escaping, subgraphs, communities, the CLI."""

from __future__ import annotations

import json
import re
from html.parser import HTMLParser

import pytest
from rdflib import Graph, Literal, URIRef
from rdflib.namespace import RDF, RDFS

from kg.cli import main
from kg.errors import InputError
from kg.model import iri
from kg.model.triples import bind_prefixes, to_graph
from kg.namespace import CY
from kg.viz import PHYSICS_MAX_NODES, generate_html, graph_view, write_html
from kg.viz.view import short_label

ID = iri.BASE
AGREEMENT = "京津科技协同合作协议"

#: Labels and sentences that must show as text and run nothing.
HOSTILE_LABELS = [
    "<script>window.__pwned=1</script>",
    '"><img src=x onerror="window.__pwned=2">',
    "</script><script>window.__pwned=3</script>",
    "A & B 'quoted' \"twice\" <b>bold</b>",
]
HOSTILE_SENTENCE = (
    '据报道<img src=x onerror="window.__pwned=4">与<script>window.__pwned=5</script>签约。'
)

_CLASSES = (
    "cy:Agency cy:Organization cy:Agreement cy:ScienceCity cy:City cy:District cy:Place "
    "cy:Project cy:Target cy:Quantity"
)
_EDGE_PROPERTIES = (
    "cy:party cy:includesDistrict cy:coreArea cy:plannedArea cy:hasTarget "
    "cy:hasQuantity cy:locatedIn cy:jurisdiction"
)
_VIEW_NODES = f"""
SELECT (COUNT(DISTINCT ?n) AS ?count) WHERE {{ ?n a ?cls . VALUES ?cls {{ {_CLASSES} }} }}"""
_VIEW_EDGES = f"""
SELECT (COUNT(*) AS ?count) WHERE {{
  ?s ?p ?o . VALUES ?p {{ {_EDGE_PROPERTIES} }}
  FILTER EXISTS {{ ?s a ?c1 . VALUES ?c1 {{ {_CLASSES} }} }}
  FILTER EXISTS {{ ?o a ?c2 . VALUES ?c2 {{ {_CLASSES} }} }}
}}"""


def expected_counts(graph: Graph) -> tuple[int, int]:
    """Nodes and edges the view should draw, counted by SPARQL independently of kg.viz.view."""
    ns = {"cy": CY._NS}
    nodes = next(iter(graph.query(_VIEW_NODES, initNs=ns)))[0]
    edges = next(iter(graph.query(_VIEW_EDGES, initNs=ns)))[0]
    return int(nodes), int(edges)


def hostile_graph(base: Graph, label: str = HOSTILE_LABELS[0]) -> Graph:
    """``base`` plus an agency named ``label``, party to the agreement, in a hostile sentence."""
    graph = bind_prefixes(Graph())
    for triple in base:
        graph.add(triple)
    evil = URIRef(ID + "agency/evil")
    doc = iri.document_iri("evil")
    sentence = URIRef(iri.span_iri(doc, 0, len(HOSTILE_SENTENCE)))
    mention = URIRef(iri.span_iri(doc, 0, 5))
    graph.add((evil, RDF.type, CY.Agency))
    graph.add((evil, RDFS.label, Literal(label, lang="zh")))
    graph.add((URIRef(ID + f"agreement/{AGREEMENT}"), CY.party, evil))
    graph.add((URIRef(doc), RDF.type, CY.Document))
    graph.add((URIRef(doc), CY.text, Literal(HOSTILE_SENTENCE)))
    graph.add((sentence, CY.inDocument, URIRef(doc)))
    graph.add((mention, CY.mentionOf, evil))
    graph.add((mention, CY.inSentence, sentence))
    return graph


def _name(node: dict) -> str:
    """A drawn node's whole name: the second line of its hover text (its label may be short)."""
    return node["title"].splitlines()[1]


def page_data(html: str) -> dict:
    """The nodes, edges and options embedded in a page."""
    match = re.search(r'<script type="application/json" id="kg-data">(.*?)</script>', html, re.S)
    assert match, "the page has no kg-data block"
    return json.loads(match.group(1))


class _Tags(HTMLParser):
    """Every start tag with its attributes, and the text of the page outside scripts."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, dict[str, str | None]]] = []
        self.text: list[str] = []
        self._in_script = False

    def handle_starttag(self, tag, attrs):
        self.tags.append((tag, dict(attrs)))
        self._in_script = tag in ("script", "style")

    def handle_endtag(self, tag):
        self._in_script = False

    def handle_data(self, data):
        if not self._in_script:
            self.text.append(data)


def parse(html: str) -> _Tags:
    parser = _Tags()
    parser.feed(html)
    return parser


@pytest.fixture(scope="module")
def small_graph(small_extraction) -> Graph:
    return to_graph([small_extraction])


def _chain_graph(count: int) -> Graph:
    """``count`` agencies, each party to its own agreement."""
    graph = bind_prefixes(Graph())
    for i in range(count // 2):
        agency, agreement = URIRef(f"{ID}agency/a{i}"), URIRef(f"{ID}agreement/g{i}")
        graph.add((agency, RDF.type, CY.Agency))
        graph.add((agency, RDFS.label, Literal(f"机构{i}", lang="zh")))
        graph.add((agreement, RDF.type, CY.Agreement))
        graph.add((agreement, RDFS.label, Literal(f"协议{i}", lang="zh")))
        graph.add((agreement, CY.party, agency))
    return graph


GRAPHS = {
    "small": lambda g: g,
    "hostile": hostile_graph,
    "empty": lambda g: bind_prefixes(Graph()),
    "chain": lambda g: _chain_graph(40),
}


@pytest.mark.parametrize("name", sorted(GRAPHS))
@pytest.mark.parametrize("kw", [{}, {"physics": False}, {"classes": "Agency,Agreement"}])
def test_viz_page_loads_nothing_from_outside(small_graph, name, kw):
    html = generate_html(GRAPHS[name](small_graph), **kw)
    tags = parse(html)
    loaded = [
        (tag, attrs)
        for tag, attrs in tags.tags
        if any(attrs.get(a) for a in ("src", "href", "data", "srcset", "poster"))
    ]
    assert loaded == []
    assert not [t for t, _ in tags.tags if t in ("link", "iframe", "object", "embed", "img")]
    assert re.search(r"@import|url\(\s*['\"]?(https?:)?//", html) is None
    assert re.search(r"cdnjs|jsdelivr|unpkg|googleapis|bootstrap\.|tom-select", html) is None
    scripts = [attrs for tag, attrs in tags.tags if tag == "script"]
    assert scripts == [{}, {"type": "application/json", "id": "kg-data"}, {}]
    assert "vis.Network" in html and "var network;" in html


@pytest.mark.parametrize("name", ["small", "hostile", "chain", "empty"])
def test_viz_page_has_every_node_and_edge(small_graph, name):
    graph = GRAPHS[name](small_graph)
    data = page_data(generate_html(graph))
    assert (len(data["nodes"]), len(data["edges"])) == expected_counts(graph)
    ids = {n["id"] for n in data["nodes"]}
    assert len(ids) == len(data["nodes"])
    entities = {str(s) for s, _, o in graph.triples((None, RDF.type, None)) if o != CY.Sentence}
    assert ids == {i for i in entities if i.startswith(ID) and "/doc/" not in i}
    for edge in data["edges"]:
        assert edge["from"] in ids and edge["to"] in ids


@pytest.mark.parametrize(
    ("label", "cls", "predicate", "edge_label"),
    [
        (AGREEMENT, "Agreement", "party", "签署方"),
        ("中关村科学城", "ScienceCity", "includesDistrict", "包含区县"),
        ("中关村科学城", "ScienceCity", "plannedArea", "规划面积"),
        ("海淀区", "District", "locatedIn", "位于"),
    ],
)
def test_viz_edges_carry_the_chinese_property_label(small_graph, label, cls, predicate, edge_label):
    data = page_data(generate_html(small_graph))
    by_id = {n["id"]: n for n in data["nodes"]}
    edges = [
        e for e in data["edges"] if _name(by_id[e["from"]]) == label and e["predicate"] == predicate
    ]
    assert edges and all(e["label"] == edge_label for e in edges)
    assert by_id[edges[0]["from"]]["group"] == cls
    assert edges[0]["title"].startswith(f"{edge_label} · ")


@pytest.mark.parametrize(
    ("label", "expected"),
    [
        (
            AGREEMENT,
            ["合作协议 · Agreement", "签署日期: 2023-03-05", "北京市科委与天津市科技局签署"],
        ),
        (
            "北京市科学技术委员会",
            ["政府机构 · Agency", "别名 also: 北京市科委", "3月5日，北京市科委"],
        ),
        ("海淀区", ["区县 · District", "行政区划代码: 110108", "中关村科学城涉及海淀区"]),
        ("中关村科学城", ["科学城 · Science city", "规划面积: 75平方公里"]),
        ("75平方公里", ["数量 · Quantity", "数值: 75 平方公里", "规划面积75平方公里"]),
    ],
)
def test_viz_hover_title_shows_class_properties_and_sentence(small_graph, label, expected):
    nodes = {_name(n): n for n in page_data(generate_html(small_graph))["nodes"]}
    title = nodes[label]["title"]
    assert title.splitlines()[1] == label
    for text in expected:
        assert text in title


def test_viz_nodes_are_styled_and_sized_by_class_and_degree(small_graph):
    data = page_data(generate_html(small_graph))
    groups = data["options"]["groups"]
    nodes = {_name(n): n for n in data["nodes"]}
    agreement, agency = nodes[AGREEMENT], nodes["天津市科学技术局"]
    assert agreement["group"] == "Agreement" and agency["group"] == "Agency"
    assert groups["Agreement"]["shape"] != groups["Agency"]["shape"]
    assert groups["Agreement"]["color"]["background"] != groups["Agency"]["color"]["background"]
    assert (agreement["degree"], agency["degree"]) == (2, 1)
    assert agreement["size"] > agency["size"]
    assert all(isinstance(n["x"], float) and isinstance(n["y"], float) for n in data["nodes"])


@pytest.mark.parametrize(
    ("name", "classes"),
    [
        ("small", ["Agency", "Agreement", "ScienceCity", "City", "District", "Quantity"]),
        ("chain", ["Agency", "Agreement"]),
        ("empty", []),
    ],
)
def test_viz_legend_lists_each_drawn_class(small_graph, name, classes):
    html = generate_html(GRAPHS[name](small_graph))
    tags = parse(html)
    boxes = [a["data-class"] for t, a in tags.tags if t == "input" and "data-class" in a]
    assert boxes == classes
    swatches = [a for t, a in tags.tags if t == "svg" and "kg-swatch" in (a.get("class") or "")]
    assert len(swatches) == len(classes)
    text = "".join(tags.text)
    assert "图例" in text and ("政府机构" in text) == ("Agency" in classes)
    if not classes:
        assert "no nodes to draw" in text


@pytest.mark.parametrize("label", HOSTILE_LABELS)
def test_viz_escapes_hostile_labels(small_graph, label):
    graph = hostile_graph(small_graph, label)
    html = generate_html(graph, focus=label, hops=1)
    assert label not in html  # not even inside the data block
    assert "<img src=x" not in html and "<script>window" not in html
    tags = parse(html)
    assert [t for t, _ in tags.tags if t == "script"] == ["script"] * 3
    assert label in "".join(tags.text)  # the heading shows the label as text
    data = page_data(html)
    evil = next(n for n in data["nodes"] if n["id"] == ID + "agency/evil")
    assert _name(evil) == label and evil["label"] == short_label(label)
    assert HOSTILE_SENTENCE in evil["title"]


@pytest.mark.parametrize(
    ("focus", "hops", "nodes", "edges"),
    [
        (AGREEMENT, 0, 1, 0),
        (AGREEMENT, 1, 3, 2),
        (AGREEMENT, 5, 3, 2),
        ("北京市科委", 1, 2, 1),  # an alias
        ("北京市科委", 2, 3, 2),
        ("海淀区", 1, 3, 2),
        ("海淀区", 2, 4, 3),
        ("《京津科技协同合作协议》", 1, 3, 2),
        (ID + "city/110000", 3, 4, 3),  # a node IRI
    ],
)
def test_viz_focus_keeps_the_neighbourhood(small_graph, focus, hops, nodes, edges):
    view = graph_view(small_graph, focus=focus, hops=hops)
    assert (len(view.nodes), len(view.edges)) == (nodes, edges)
    data = page_data(generate_html(small_graph, focus=focus, hops=hops))
    assert (len(data["nodes"]), len(data["edges"])) == (nodes, edges)


@pytest.mark.parametrize(
    ("classes", "groups", "edges"),
    [
        ("Agency", {"Agency"}, 0),
        ("Agency,Agreement", {"Agency", "Agreement"}, 2),
        (["agreement", "Quantity"], {"Agreement", "Quantity"}, 0),
        ("合作协议,政府机构", {"Agency", "Agreement"}, 2),
        ("ScienceCity, District,City", {"ScienceCity", "District", "City"}, 2),
    ],
)
def test_viz_classes_filter_keeps_those_classes(small_graph, classes, groups, edges):
    data = page_data(generate_html(small_graph, classes=classes))
    assert {n["group"] for n in data["nodes"]} == groups
    assert len(data["edges"]) == edges


def test_viz_focus_walks_within_the_classes(small_graph):
    view = graph_view(small_graph, focus="海淀区", hops=2, classes="District,ScienceCity,Quantity")
    assert sorted(n.label for n in view.nodes) == ["75平方公里", "中关村科学城", "海淀区"]


@pytest.mark.parametrize(
    ("kw", "message"),
    [
        ({"focus": "上海市科委"}, "no node is labelled '上海市科委'"),
        ({"focus": "北京市科"}, "did you mean: 北京市科委"),
        ({"classes": "Agency,Spaceship"}, "unknown class 'Spaceship'"),
        ({"focus": "海淀区", "classes": "Agency"}, "'海淀区' is a District, not among the classes"),
        ({"focus": AGREEMENT, "hops": -1}, "hops must be 0 or more"),
    ],
)
def test_viz_rejects_bad_subgraph_options(small_graph, kw, message):
    with pytest.raises(InputError, match=re.escape(message)):
        generate_html(small_graph, **kw)


@pytest.mark.parametrize(
    ("count", "physics", "enabled"),
    [
        (10, None, False),
        (10, False, False),
        (10, True, True),
        (PHYSICS_MAX_NODES, None, False),
        (PHYSICS_MAX_NODES + 2, None, False),
        (PHYSICS_MAX_NODES + 2, True, True),
    ],
)
def test_viz_physics_runs_only_when_asked(count, physics, enabled):
    data = page_data(generate_html(_chain_graph(count), physics=physics))
    assert len(data["nodes"]) == count
    assert data["options"]["physics"]["enabled"] is enabled
    assert data["options"]["physics"]["stabilization"]["enabled"] is enabled
    assert (data["options"]["edges"]["smooth"] is False) is (count > PHYSICS_MAX_NODES)


def test_viz_takes_a_dataset_as_kg_build_makes_it(small_extraction, small_graph):
    from kg.model.triples import to_dataset

    assert generate_html(to_dataset([small_extraction])) == generate_html(small_graph)


def test_viz_page_is_deterministic(small_graph, tmp_path):
    turtle = tmp_path / "graph.ttl"
    small_graph.serialize(turtle, format="turtle")
    assert generate_html(small_graph) == generate_html(Graph().parse(turtle))


def test_viz_write_html_writes_the_page_atomically(small_graph, tmp_path):
    path = write_html(small_graph, tmp_path / "sub" / "graph.html", classes="Agency")
    assert path == tmp_path / "sub" / "graph.html"
    assert path.read_text(encoding="utf-8") == generate_html(small_graph, classes="Agency")
    assert [p.name for p in path.parent.iterdir()] == ["graph.html"]


@pytest.mark.parametrize(
    ("args", "nodes"),
    [
        ([], 7),
        (["--focus", "海淀区", "--hops", "1"], 3),
        (["--classes", "Agency,Agreement"], 3),
        (["--physics", "off"], 7),
        (["--physics", "on"], 7),
    ],
)
@pytest.mark.parametrize("as_dir", [False, True])
def test_viz_cli_writes_the_page(small_graph, tmp_path, capsys, args, nodes, as_dir):
    small_graph.serialize(tmp_path / "graph.ttl", format="turtle")
    source = tmp_path if as_dir else tmp_path / "graph.ttl"
    out = tmp_path / "view.html"
    assert main(["viz", str(source), "-o", str(out), *args]) == 0
    assert capsys.readouterr().out.strip() == str(out)
    assert len(page_data(out.read_text(encoding="utf-8"))["nodes"]) == nodes


@pytest.mark.parametrize(
    ("make", "args", "message"),
    [
        (lambda d: d / "missing.ttl", [], "no such graph file"),
        (lambda d: d / "empty-dir", [], "no graph.ttl in this directory"),
        (lambda d: d / "bad.ttl", [], "cannot parse as turtle"),
        (lambda d: d / "graph.ttl", ["--focus", "火星"], "no node is labelled '火星'"),
    ],
)
def test_viz_cli_reports_bad_input(small_graph, tmp_path, capsys, make, args, message):
    small_graph.serialize(tmp_path / "graph.ttl", format="turtle")
    (tmp_path / "bad.ttl").write_text("this is not turtle <", encoding="utf-8")
    (tmp_path / "empty-dir").mkdir()
    out = tmp_path / "view.html"
    assert main(["viz", str(make(tmp_path)), "-o", str(out), *args]) == 2
    err = capsys.readouterr().err
    assert err.startswith("kg viz: error:") and message in err
    assert not out.exists()


def test_viz_to_networkx_matches_the_view(small_graph):
    view = graph_view(small_graph)
    g = view.to_networkx()
    assert (g.number_of_nodes(), g.number_of_edges()) == (len(view.nodes), len(view.edges))
