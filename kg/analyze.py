"""Project the RDF graph to NetworkX and analyse it: classes, centrality, communities, bridges.

Size: the projection, the report and its three renderings (text, Markdown, JSON)
and the network exports share the report's shape; split them when a fourth output comes.
"""

from __future__ import annotations

import csv
import io
import json
from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping
from decimal import Decimal
from pathlib import Path
from typing import TYPE_CHECKING, Any

from rdflib import Graph, Literal, URIRef
from rdflib.namespace import DCTERMS, RDF, RDFS, SKOS

from kg import vocab
from kg.callable import make_callable
from kg.io.files import write_text_atomic
from kg.model.provenance import document_of
from kg.namespace import CY
from kg.sparql.formats import display_width, truncate_display

if TYPE_CHECKING:
    import networkx as nx


__all__ = [
    "ENTITY_CLASSES",
    "PROVENANCE_CLASSES",
    "local_name",
    "node_sides",
    "to_networkx",
    "add_measures",
    "analyze",
    "format_text",
    "format_markdown",
    "format_json",
    "REPORT_FORMATS",
    "exportable",
    "generate_graphml",
    "generate_gexf",
    "generate_nodes_csv",
    "generate_edges_csv",
    "write_exports",
]

#: Classes whose instances become nodes, most specific first (a Target is also a Quantity).
ENTITY_CLASSES = (*vocab.entity_classes(), *vocab.quantity_classes())

#: Classes of provenance nodes, left out of the projection.
PROVENANCE_CLASSES = vocab.provenance_classes()

#: Output formats of the report.
REPORT_FORMATS = ("text", "markdown", "json")

_PLACE_CLASSES = {"City", "District", "ScienceCity"}
_NAMED_SIDE_CLASSES = {"Agency", "Organization", "Project", "ScienceCity", "District"}


def local_name(iri: str) -> str:
    """The part of an IRI after its last ``#`` or ``/``."""
    return iri.rsplit("#", 1)[-1] if "#" in iri else iri.rstrip("/").rsplit("/", 1)[-1]


def _label(graph: Graph, node: URIRef) -> str:
    labels = list(graph.objects(node, RDFS.label))
    zh = sorted(str(x) for x in labels if isinstance(x, Literal) and x.language == "zh")
    other = sorted(str(x) for x in labels)
    return (zh or other or [local_name(str(node))])[0]


def _node_class(graph: Graph, node: URIRef) -> str | None:
    types = {local_name(str(t)) for t in graph.objects(node, RDF.type) if str(t).startswith(CY._NS)}
    if types & set(PROVENANCE_CLASSES):
        return None
    return next((c for c in ENTITY_CLASSES if c in types), None)


def _literal_value(lit: Literal) -> Any:
    value = lit.toPython()
    if isinstance(value, str):  # also a Literal that has no Python value
        return str(value)
    if isinstance(value, bool | int | float):
        return value
    if isinstance(value, Decimal):
        return float(value)
    return str(lit)


def _property_labels() -> dict[str, str]:
    return vocab.labels("zh")


# --------------------------------------------------------------------------- sides


def _province(code: str) -> str | None:
    return code[:2] if len(code) == 6 and code.isdigit() else None


def node_sides(graph: Graph) -> dict[URIRef, str]:
    """The province-level division (two-digit code prefix) each entity belongs to, where known.

    Divisions by their code; places without a code by ``cy:locatedIn``; agencies by their
    ``cy:jurisdiction``; projects and science cities by where they are located or the districts
    they span; failing those, an agency, organization, project, district or science city whose
    name contains the name of exactly one side's city or province (重庆高新区直管园, 西部(成都)
    科学城管理委员会). Agreements get no side: their parties have sides.
    """
    side: dict[URIRef, str] = {}
    classes = {s: _node_class(graph, s) for s in set(graph.subjects(RDF.type, None))}
    for node, cls in classes.items():
        if cls in ("City", "District"):
            for code in graph.objects(node, CY.divisionCode):
                prov = _province(str(code))
                if prov:
                    side[node] = prov

    def follow(node: URIRef, predicates: Iterable[URIRef]) -> set[str]:
        found: set[str] = set()
        for p in predicates:
            for o in graph.objects(node, p):
                if o in side:
                    found.add(side[o])
        return found

    ordered = sorted(classes.items(), key=lambda item: str(item[0]))
    while True:  # propagate along locatedIn / jurisdiction / includesDistrict, a round at a time
        found_now: dict[URIRef, str] = {}
        for node, cls in ordered:
            if cls is None or node in side or cls == "Agreement":
                continue
            found = follow(node, (CY.locatedIn, CY.jurisdiction))
            if not found and cls == "ScienceCity":
                found = follow(node, (CY.includesDistrict, CY.coreArea))
            if len(found) == 1:
                found_now[node] = found.pop()
        if not found_now:
            break
        side.update(found_now)

    names: dict[str, set[str]] = defaultdict(set)
    for node, cls in classes.items():
        if cls == "City" and node in side:
            for name in list(graph.objects(node, RDFS.label)) + list(
                graph.objects(node, SKOS.altLabel)
            ):
                text = str(name)
                names[text].add(side[node])
                if len(text) > 2 and text[-1] in "市省":
                    names[text[:-1]].add(side[node])
    for node, cls in classes.items():
        if node in side or cls not in _NAMED_SIDE_CLASSES:
            continue
        label = _label(graph, node)
        found = {
            s for name, sides in names.items() if len(name) >= 2 and name in label for s in sides
        }
        if len(found) == 1:
            side[node] = found.pop()
    return side


def _side_labels(graph: Graph, sides: Mapping[URIRef, str]) -> dict[str, str]:
    """Each side's name: the labels of its cities and provinces, most specific first."""
    members: dict[str, list[tuple[str, str]]] = defaultdict(list)
    for node, prov in sides.items():
        if _node_class(graph, node) == "City":
            code = str(graph.value(node, CY.divisionCode) or "")
            members[prov].append((code, _label(graph, node)))
    labels = {}
    for prov in set(sides.values()):
        cities = sorted(members.get(prov, []), reverse=True)
        labels[prov] = "、".join(label for _, label in cities) or prov
    return labels


# --------------------------------------------------------------------------- projection


def to_networkx(graph: Graph, *, keep_literals: bool = False) -> nx.MultiDiGraph:
    """Entities as nodes, relations between them as typed edges; provenance left out.

    Node ids are entity IRIs; attributes: ``class``, ``label``, ``side`` (province-level side,
    ``""`` if unknown), ``degree``, and with ``keep_literals`` every other literal property
    (``divisionCode``, ``signedOn``, ``altLabel``, ``value``, ``unit``, ...; several values make
    a list). Edges are keyed by the property's local name, with ``predicate``, ``label`` (the
    property's Chinese label) and ``iri``.
    """
    import networkx as nx

    g = nx.MultiDiGraph(name="chengyu-kg")
    sides = node_sides(graph)
    side_names = _side_labels(graph, sides)
    for node in sorted(set(graph.subjects(RDF.type, None)), key=str):
        cls = _node_class(graph, node) if isinstance(node, URIRef) else None
        if cls is None:
            continue
        attrs: dict[str, Any] = {
            "class": cls,
            "label": _label(graph, node),
            "iri": str(node),
            "side": side_names.get(sides.get(node, ""), ""),
        }
        g.add_node(str(node), **attrs)
    prop_labels = _property_labels()
    for s, p, o in sorted(graph, key=lambda t: (str(t[0]), str(t[1]), str(t[2]))):
        if p == RDF.type or str(s) not in g:
            continue
        if isinstance(o, URIRef) and str(o) in g:
            name = local_name(str(p))
            g.add_edge(
                str(s),
                str(o),
                key=name,
                predicate=name,
                label=prop_labels.get(str(p), name),
                iri=str(p),
            )
        elif keep_literals and p != RDFS.label:
            name = local_name(str(p))
            value = _literal_value(o) if isinstance(o, Literal) else local_name(str(o))
            attrs = g.nodes[str(s)]
            if name in attrs:
                old = attrs[name] if isinstance(attrs[name], list) else [attrs[name]]
                attrs[name] = sorted({*map(str, old), str(value)})
            else:
                attrs[name] = value
    for node, degree in g.degree():
        g.nodes[node]["degree"] = degree
    return g


# --------------------------------------------------------------------------- report


def _entry(g: nx.MultiDiGraph, node: str, **extra: Any) -> dict[str, Any]:
    data = g.nodes[node]
    return {"id": node, "label": data["label"], "class": data["class"], **extra}


def _documents(graph: Graph) -> list[dict[str, Any]]:
    docs = sorted(graph.subjects(RDF.type, CY.Document), key=str)
    entities_of: dict[URIRef, set] = defaultdict(set)
    mentions: Counter = Counter()
    facts: Counter = Counter()
    for m, entity in graph.subject_objects(CY.mentionOf):
        doc = document_of(graph, m)
        if doc is not None:
            mentions[doc] += 1
            entities_of[doc].add(entity)
    for _, span in graph.subject_objects(CY.span):
        doc = document_of(graph, span)
        if doc is not None:
            facts[doc] += 1
    seen_in: Counter = Counter(e for ents in entities_of.values() for e in ents)
    out = []
    for doc in docs:
        ents = entities_of.get(doc, set())
        out.append(
            {
                "id": str(graph.value(doc, DCTERMS.identifier) or local_name(str(doc))),
                "title": str(graph.value(doc, DCTERMS.title) or ""),
                "date": str(graph.value(doc, DCTERMS.date) or ""),
                "mentions": mentions[doc],
                "entities": len(ents),
                "facts": facts[doc],
                "only_here": sum(1 for e in ents if seen_in[e] == 1),
            }
        )
    return out


def _simple(g: nx.MultiDiGraph) -> nx.Graph:
    """``g`` undirected, without self-loops; ``weight`` counts the edges between two nodes."""
    import networkx as nx

    simple = nx.Graph()
    simple.add_nodes_from(g.nodes)
    for u, v in g.edges():
        if u != v:
            w = simple.get_edge_data(u, v, {"weight": 0})["weight"]
            simple.add_edge(u, v, weight=w + 1)
    return simple


def add_measures(g: nx.MultiDiGraph, *, seed: int = 42) -> nx.MultiDiGraph:
    """Give each node of ``g`` the measures Gephi users colour and size by, as attributes, so
    that GraphML and GEXF exports carry them; return ``g``.

    ``community``: the Louvain community (edge direction ignored, parallel edges as weight,
    fixed ``seed``), numbered from 1, largest first, as the report lists them; a node alone is
    a community of its own, numbered after those. ``community_size``: its number of nodes.
    ``betweenness``: betweenness centrality, normalised (estimated from 500 sources, with
    ``seed``, above 2,000 nodes). ``degree_centrality``: degree over the number of other
    nodes. (``degree`` is there from :func:`to_networkx`.)
    """
    import networkx as nx
    from networkx.algorithms.community import louvain_communities

    simple = _simple(g)
    n = simple.number_of_nodes()
    if n > 2000:
        betweenness = nx.betweenness_centrality(simple, k=min(500, n), seed=seed)
    else:
        betweenness = nx.betweenness_centrality(simple)
    if simple.number_of_edges():
        found = louvain_communities(simple, weight="weight", seed=seed)
    else:
        found = [{v} for v in simple]

    def ranked(members: set[str]) -> list[str]:
        return sorted(members, key=lambda v: (-g.degree(v), g.nodes[v]["label"], v))

    groups = sorted(
        (ranked(m) for m in found),
        key=lambda m: (-len(m), [g.nodes[v]["label"] for v in m], m),
    )
    for number, members in enumerate(groups, 1):
        for v in members:
            g.nodes[v]["community"] = number
            g.nodes[v]["community_size"] = len(members)
    for v, degree in g.degree():
        g.nodes[v]["betweenness"] = round(betweenness[v], 6)
        g.nodes[v]["degree_centrality"] = round(degree / (n - 1), 6) if n > 1 else 0.0
    g.graph["measures_seed"] = seed
    return g


def analyze(
    graph: Graph,
    *,
    top: int = 10,
    seed: int = 42,
    g: nx.MultiDiGraph | None = None,
) -> dict[str, Any]:
    """The analysis report of an RDF graph, as plain data (JSON-serialisable).

    Counts per class and predicate; the ``top`` nodes by degree and by betweenness centrality;
    Louvain communities (fixed ``seed``); connected components; the entities of each side
    (province-level division) and the agreements and nodes that bridge sides; per-document
    contributions. The nodes of ``g`` (the projection, made here when not given) get the
    community and centrality measures as attributes (:func:`add_measures`), so that a GraphML
    or GEXF export of ``g`` afterwards carries them.
    """
    import networkx as nx

    if g is None:
        g = to_networkx(graph)
    if g.graph.get("measures_seed") != seed:
        add_measures(g, seed=seed)
    simple = _simple(g)

    def order(item: tuple[str, float]) -> tuple:
        return (-item[1], g.nodes[item[0]]["label"], item[0])

    betweenness = {v: d["betweenness"] for v, d in g.nodes(data=True)}
    degree_top = sorted(((v, d) for v, d in g.degree()), key=order)[:top]
    between_top = sorted(betweenness.items(), key=order)[:top]

    by_number: dict[int, list[str]] = defaultdict(list)
    for v, number in g.nodes(data="community"):
        by_number[number].append(v)
    communities = []
    for number in sorted(by_number):
        members = by_number[number]
        if len(members) < 2:
            continue
        ranked = sorted(members, key=lambda v: (-g.degree(v), g.nodes[v]["label"], v))
        communities.append(
            {
                "community": number,
                "size": len(members),
                "members": [g.nodes[v]["label"] for v in ranked],
                "classes": dict(Counter(g.nodes[v]["class"] for v in members).most_common()),
                "sides": dict(
                    Counter(g.nodes[v]["side"] for v in members if g.nodes[v]["side"]).most_common()
                ),
            }
        )

    components = sorted(nx.connected_components(simple), key=lambda c: (-len(c), min(c)))
    sides = _sides_report(g)
    bridges = []
    for node in g.nodes:
        reach = {g.nodes[v]["side"] for v in nx.all_neighbors(g, node)} | {g.nodes[node]["side"]}
        reach.discard("")
        if len(reach) >= 2:
            bridges.append(
                _entry(g, node, betweenness=round(betweenness[node], 6), sides=sorted(reach))
            )
    bridges.sort(key=lambda b: (-b["betweenness"], b["label"]))

    return {
        "graph": {
            "triples": len(graph),
            "nodes": g.number_of_nodes(),
            "edges": g.number_of_edges(),
            "documents": len(set(graph.subjects(RDF.type, CY.Document))),
        },
        "classes": dict(sorted(Counter(c for _, c in g.nodes(data="class")).items())),
        "predicates": dict(sorted(Counter(k for _, _, k in g.edges(keys=True)).items())),
        "degree": [_entry(g, v, degree=d) for v, d in degree_top],
        "betweenness": [_entry(g, v, betweenness=round(b, 6)) for v, b in between_top],
        "communities": communities,
        "components": {
            "count": len(components),
            "sizes": [len(c) for c in components],
            "isolated": sum(1 for c in components if len(c) == 1),
        },
        "sides": sides["sides"],
        "cross_side_agreements": sides["cross"],
        "bridges": bridges[:top],
        "documents": _documents(graph),
    }


def _sides_report(g: nx.MultiDiGraph) -> dict[str, list]:
    by_side: dict[str, dict[str, set[str]]] = defaultdict(lambda: defaultdict(set))
    counts: Counter = Counter()
    for _, data in g.nodes(data=True):
        if data["side"]:
            counts[data["side"]] += 1
            if data["class"] == "Agency":
                by_side[data["side"]]["agencies"].add(data["label"])
    cross = []
    for node, data in g.nodes(data=True):
        if data["class"] != "Agreement":
            continue
        parties = [v for _, v, k in g.out_edges(node, keys=True) if k == "party"]
        party_sides = {g.nodes[v]["side"] for v in parties} - {""}
        for side in party_sides:
            by_side[side]["agreements"].add(data["label"])
        if len(party_sides) >= 2:
            cross.append(
                {
                    "id": node,
                    "label": data["label"],
                    "parties": [
                        {"label": g.nodes[v]["label"], "side": g.nodes[v]["side"]}
                        for v in sorted(
                            parties, key=lambda v: (g.nodes[v]["side"], g.nodes[v]["label"])
                        )
                    ],
                }
            )
    cross.sort(key=lambda a: a["label"])
    sides = [
        {
            "side": side,
            "nodes": counts[side],
            "agencies": sorted(by_side[side]["agencies"]),
            "agreements": sorted(by_side[side]["agreements"]),
        }
        for side in sorted(counts, key=lambda s: (-counts[s], s))
    ]
    return {"sides": sides, "cross": cross}


# --------------------------------------------------------------------------- formatting


def _table(header: list[str], rows: list[list[Any]], max_width: int = 44) -> list[str]:
    cells = [[truncate_display(str(c), max_width) for c in row] for row in rows]
    widths = [
        max([display_width(h)] + [display_width(r[i]) for r in cells]) for i, h in enumerate(header)
    ]

    def line(values: list[str]) -> str:
        return "  ".join(
            v + " " * (widths[i] - display_width(v)) for i, v in enumerate(values)
        ).rstrip()

    return [line(header), "  ".join("-" * w for w in widths)] + [line(r) for r in cells]


def _names(items: list[str], limit: int = 12) -> str:
    shown = "、".join(items[:limit])
    return shown + (f" … (+{len(items) - limit})" if len(items) > limit else "")


def format_text(report: Mapping[str, Any]) -> str:
    """The report as aligned plain text for a terminal."""
    g = report["graph"]
    out = [
        f"graph: {g['nodes']} entity nodes, {g['edges']} relation edges "
        f"(from {g['triples']} triples, {g['documents']} documents)",
        "",
        "nodes per class:",
    ]
    out += [f"  {c:<14}{n:>6}" for c, n in report["classes"].items()]
    out += ["", "edges per relation:"]
    out += [f"  {p:<18}{n:>6}" for p, n in report["predicates"].items()]
    out += ["", "highest degree:"]
    out += [
        "  " + line
        for line in _table(
            ["label", "class", "degree"],
            [[e["label"], e["class"], e["degree"]] for e in report["degree"]],
        )
    ]
    out += ["", "highest betweenness centrality:"]
    out += [
        "  " + line
        for line in _table(
            ["label", "class", "betweenness"],
            [[e["label"], e["class"], f"{e['betweenness']:.4f}"] for e in report["betweenness"]],
        )
    ]
    out += ["", f"communities (Louvain): {len(report['communities'])} with two or more nodes"]
    for i, c in enumerate(report["communities"], 1):
        sides = ", ".join(f"{s} {n}" for s, n in c["sides"].items()) or "no side"
        out.append(f"  {i}. {c['size']} nodes ({sides}): {_names(c['members'], 8)}")
    comp = report["components"]
    out += [
        "",
        f"connected components: {comp['count']} (sizes {', '.join(map(str, comp['sizes'][:10]))}"
        f"{' …' if len(comp['sizes']) > 10 else ''}; isolated nodes {comp['isolated']})",
        "",
        "sides (province-level divisions):",
    ]
    for s in report["sides"]:
        out.append(f"  {s['side']}: {s['nodes']} nodes")
        out.append(f"    agencies: {_names(s['agencies']) or 'none'}")
        out.append(
            f"    agreements: {_names(['《' + a + '》' for a in s['agreements']], 8) or 'none'}"
        )
    out += ["", f"agreements between sides: {len(report['cross_side_agreements'])}"]
    for a in report["cross_side_agreements"]:
        parties = "; ".join(f"{p['label']} ({p['side']})" for p in a["parties"])
        out.append(f"  《{a['label']}》: {parties}")
    out += ["", "bridges (nodes whose neighbours are on different sides), by betweenness:"]
    out += [
        "  " + line
        for line in _table(
            ["label", "class", "betweenness", "sides"],
            [
                [b["label"], b["class"], f"{b['betweenness']:.4f}", " / ".join(b["sides"])]
                for b in report["bridges"]
            ],
        )
    ]
    out += ["", "documents:"]
    out += [
        "  " + line
        for line in _table(
            ["document", "mentions", "entities", "facts", "only here", "title"],
            [
                [d["id"], d["mentions"], d["entities"], d["facts"], d["only_here"], d["title"]]
                for d in report["documents"]
            ],
        )
    ]
    return "\n".join(out) + "\n"


def _md_escape(value: Any) -> str:
    return str(value).replace("|", "\\|").replace("\n", " ")


def _md_table(header: list[str], rows: list[list[Any]]) -> list[str]:
    lines = ["| " + " | ".join(header) + " |", "|" + "|".join("---" for _ in header) + "|"]
    lines += ["| " + " | ".join(_md_escape(c) for c in row) + " |" for row in rows]
    return lines


def format_markdown(report: Mapping[str, Any]) -> str:
    """The report as Markdown (headings and tables)."""
    g = report["graph"]
    out = [
        "# Graph analysis",
        "",
        f"{g['nodes']} entity nodes and {g['edges']} relation edges, from {g['triples']} triples "
        f"of {g['documents']} documents.",
        "",
        "## Nodes per class",
        "",
        *_md_table(["class", "nodes"], [[c, n] for c, n in report["classes"].items()]),
        "",
        "## Edges per relation",
        "",
        *_md_table(["relation", "edges"], [[p, n] for p, n in report["predicates"].items()]),
        "",
        "## Highest degree",
        "",
        *_md_table(
            ["label", "class", "degree"],
            [[e["label"], e["class"], e["degree"]] for e in report["degree"]],
        ),
        "",
        "## Highest betweenness centrality",
        "",
        *_md_table(
            ["label", "class", "betweenness"],
            [[e["label"], e["class"], f"{e['betweenness']:.4f}"] for e in report["betweenness"]],
        ),
        "",
        "## Communities (Louvain)",
        "",
        *_md_table(
            ["#", "size", "sides", "members"],
            [
                [
                    i,
                    c["size"],
                    ", ".join(f"{s} {n}" for s, n in c["sides"].items()),
                    _names(c["members"], 8),
                ]
                for i, c in enumerate(report["communities"], 1)
            ],
        ),
        "",
        "## Connected components",
        "",
        f"{report['components']['count']} components (sizes {', '.join(map(str, report['components']['sizes'][:10]))}); "
        f"{report['components']['isolated']} isolated nodes.",
        "",
        "## Sides",
        "",
        *_md_table(
            ["side", "nodes", "agencies", "agreements"],
            [
                [
                    s["side"],
                    s["nodes"],
                    _names(s["agencies"]),
                    _names(["《" + a + "》" for a in s["agreements"]], 8),
                ]
                for s in report["sides"]
            ],
        ),
        "",
        "## Agreements between sides",
        "",
        *_md_table(
            ["agreement", "parties"],
            [
                [
                    "《" + a["label"] + "》",
                    "; ".join(f"{p['label']} ({p['side']})" for p in a["parties"]),
                ]
                for a in report["cross_side_agreements"]
            ],
        ),
        "",
        "## Bridges",
        "",
        *_md_table(
            ["label", "class", "betweenness", "sides"],
            [
                [b["label"], b["class"], f"{b['betweenness']:.4f}", " / ".join(b["sides"])]
                for b in report["bridges"]
            ],
        ),
        "",
        "## Documents",
        "",
        *_md_table(
            ["document", "title", "date", "mentions", "entities", "facts", "only here"],
            [
                [
                    d["id"],
                    d["title"],
                    d["date"],
                    d["mentions"],
                    d["entities"],
                    d["facts"],
                    d["only_here"],
                ]
                for d in report["documents"]
            ],
        ),
    ]
    return "\n".join(out) + "\n"


def format_json(report: Mapping[str, Any]) -> str:
    """The report as JSON."""
    return json.dumps(report, ensure_ascii=False, indent=2) + "\n"


# --------------------------------------------------------------------------- exports


def _export_value(value: Any) -> Any:
    if isinstance(value, list | tuple | set):
        return "; ".join(str(v) for v in value)
    if isinstance(value, bool | int | float):
        return value
    return str(value)


def exportable(g: nx.MultiDiGraph) -> nx.MultiDiGraph:
    """A copy whose attributes GraphML and GEXF can store: no ``None``, lists joined with ``; ``."""
    import networkx as nx

    out = nx.MultiDiGraph()
    out.graph.update({k: _export_value(v) for k, v in g.graph.items() if v is not None})
    for node, data in g.nodes(data=True):
        out.add_node(node, **{k: _export_value(v) for k, v in data.items() if v is not None})
    for u, v, key, data in g.edges(keys=True, data=True):
        out.add_edge(
            u, v, key=key, **{k: _export_value(x) for k, x in data.items() if x is not None}
        )
    return out


def generate_graphml(g: nx.MultiDiGraph) -> str:
    """GraphML text of the projection (opens in Gephi, yEd, Cytoscape)."""
    import networkx as nx

    return "\n".join(nx.generate_graphml(exportable(g), encoding="utf-8")) + "\n"


def generate_gexf(g: nx.MultiDiGraph) -> str:
    """GEXF 1.2 text of the projection (Gephi's own format)."""
    import networkx as nx

    return "\n".join(nx.generate_gexf(exportable(g), encoding="utf-8")) + "\n"


def _csv(header: list[str], rows: Iterable[list[Any]]) -> str:
    buf = io.StringIO()
    writer = csv.writer(buf, lineterminator="\n")
    writer.writerow(header)
    writer.writerows(rows)
    return buf.getvalue()


def generate_nodes_csv(g: nx.MultiDiGraph) -> str:
    """Nodes as CSV with Gephi's column names (``Id``, ``Label``) and one column per attribute."""
    fixed = ["class", "side", "degree", "iri"]
    extra = sorted({k for _, d in g.nodes(data=True) for k in d} - set(fixed) - {"label"})
    header = ["Id", "Label", *fixed, *extra]
    rows = (
        [node, d.get("label", ""), *(_export_value(d.get(k, "")) for k in fixed + extra)]
        for node, d in g.nodes(data=True)
    )
    return _csv(header, rows)


def generate_edges_csv(g: nx.MultiDiGraph) -> str:
    """Edges as CSV with Gephi's column names (``Source``, ``Target``, ``Type``, ``Label``)."""
    header = ["Source", "Target", "Type", "Label", "predicate", "iri"]
    rows = (
        [u, v, "Directed", d.get("label", key), d.get("predicate", key), d.get("iri", "")]
        for u, v, key, d in g.edges(keys=True, data=True)
    )
    return _csv(header, rows)


def write_exports(g: nx.MultiDiGraph, targets: Mapping[str, str | Path | None]) -> list[Path]:
    """Write the projection to each given target: keys ``graphml``, ``gexf``, ``nodes_csv``,
    ``edges_csv``. Each file is written atomically; returns the paths written."""
    generators = {
        "graphml": generate_graphml,
        "gexf": generate_gexf,
        "nodes_csv": generate_nodes_csv,
        "edges_csv": generate_edges_csv,
    }
    written = []
    for name, path in targets.items():
        if path:
            written.append(write_text_atomic(path, generators[name](g)))
    return written


make_callable(__name__, analyze)
