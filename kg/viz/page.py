"""Interactive HTML view of a graph: a Pyvis (vis-network) page that works with no network.

The page's HTML, CSS and JavaScript are files in ``kg/viz/templates/``; the nodes and edges
come from :func:`kg.viz.view.graph_view`, their communities and first positions from
:func:`kg.viz.layout.community_layout`.
"""

from __future__ import annotations

import json
import math
from collections.abc import Iterable
from functools import cache, lru_cache
from importlib.resources import files
from pathlib import Path
from typing import Any

from rdflib import Dataset, Graph

from kg.io.files import write_text_atomic
from kg.viz.layout import LAYOUT, SPRING_MAX_NODES, Community, communities, community_layout
from kg.viz.view import (
    PHYSICS_MAX_NODES,
    STABILIZATION_ITERATIONS,
    VIEW_CLASSES,
    GraphView,
    graph_view,
    search_key,
    short_label,
)

__all__ = ["generate_html", "write_html"]

_SWATCH = {
    "dot": '<circle cx="8" cy="8" r="6"/>',
    "square": '<rect x="2" y="2" width="12" height="12"/>',
    "diamond": '<polygon points="8,1 15,8 8,15 1,8"/>',
    "triangle": '<polygon points="8,2 15,14 1,14"/>',
    "triangleDown": '<polygon points="1,2 15,2 8,14"/>',
    "star": '<polygon points="8,1 10,6 15,6 11,9.5 12.5,15 8,11.5 3.5,15 5,9.5 1,6 6,6"/>',
    "hexagon": '<polygon points="4,2 12,2 15,8 12,14 4,14 1,8"/>',
}


#: The face of every label; the page's script measures labels in it.
FONT_FACE = "Noto Sans CJK SC, WenQuanYi Micro Hei, PingFang SC, Microsoft YaHei, sans-serif"

#: How labels show by zoom (screen pixels): a label is drawn once its font reaches
#: ``threshold`` on screen. At first paint the hubs (``hubDegree`` edges or more) are labelled
#: in ``hub`` pixels where their labels do not overlap, then any other label that fits; the
#: others come in levels ``ratio`` times closer each, each label at the first level where it
#: overlaps no label already shown, down to the ``base`` font (canvas units) at which all are
#: drawn. A label of the first levels never grows past ``max`` pixels. The page's script
#: places them (``labels.js``), the ``candidates`` best-connected nodes one by one.
LABELS = {
    "threshold": 12,
    "hub": 15,
    "max": 20,
    "base": 14,
    "ratio": 1.6,
    "hubDegree": 3,
    "candidates": 1500,
}


def _node_size(degree: int) -> float:
    return round(min(12 + 6 * math.sqrt(degree), 48), 1)


def _node_label(label: str, dates: tuple[str, ...]) -> str:
    """The drawn label: the name shortened, and an agreement's signing date below it."""
    return short_label(label) + (f"\n{'、'.join(dates)}" if dates else "")


def _options(count: int, live: bool) -> dict[str, Any]:
    big = count > PHYSICS_MAX_NODES
    return {
        "autoResize": True,
        "groups": {
            c.name: {
                "shape": c.shape,
                "color": {
                    "background": c.color,
                    "border": "#444444",
                    "highlight": {"background": c.color, "border": "#000000"},
                    "hover": {"background": c.color, "border": "#000000"},
                },
            }
            for c in VIEW_CLASSES
        },
        "nodes": {
            "borderWidth": 1,
            "font": {
                "size": LABELS["base"],
                "face": FONT_FACE,
                "strokeWidth": 3,
                "strokeColor": "#ffffff",
            },
            "scaling": {
                "label": {
                    "drawThreshold": LABELS["threshold"],
                    "maxVisible": LABELS["max"],
                }
            },
        },
        "edges": {
            "arrows": {"to": {"enabled": True, "scaleFactor": 0.5}},
            "color": {"color": "#9aa5b1", "highlight": "#333333", "hover": "#333333"},
            "font": {
                "size": 11,
                "face": FONT_FACE,
                "align": "middle",
                "color": "#555555",
                "strokeWidth": 3,
            },
            "scaling": {"label": {"drawThreshold": 11, "maxVisible": 16}},
            "smooth": False if big else {"enabled": True, "type": "continuous"},
            "width": 1,
        },
        "interaction": {
            "hover": not big,  # hover highlighting redraws the canvas; tooltips work without
            "tooltipDelay": 100,
            "hideEdgesOnDrag": big,
            "hideEdgesOnZoom": big,
        },
        "layout": {"randomSeed": 7, "improvedLayout": False},
        "physics": {
            "enabled": live and count > 0,
            "solver": "forceAtlas2Based",
            "forceAtlas2Based": {
                "gravitationalConstant": -90,
                "centralGravity": 0.012,
                "springLength": 110,
                "springConstant": 0.08,
                "avoidOverlap": 0.7,
            },
            "stabilization": {
                "enabled": live,
                "iterations": STABILIZATION_ITERATIONS,
                "updateInterval": 25,
                "fit": True,
            },
        },
    }


def _script_json(data: object) -> str:
    """JSON safe inside a ``<script>`` element: no ``<``, ``>`` or ``&`` left literal."""
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":"))
    return (
        text.replace("<", "\\u003c")
        .replace(">", "\\u003e")
        .replace("&", "\\u0026")
        .replace("\u2028", "\\u2028")
        .replace("\u2029", "\\u2029")
    )


@lru_cache(maxsize=1)
def _vis_assets() -> tuple[str, str]:
    """vis-network's script and style sheet as shipped inside the pyvis package."""
    import pyvis

    lib = Path(pyvis.__file__).resolve().parent / "templates" / "lib" / "vis-9.1.2"
    js = (lib / "vis-network.min.js").read_text(encoding="utf-8")
    css = (lib / "vis-network.css").read_text(encoding="utf-8")
    # Neither may close its element early.
    js = js.replace("</script", "<\\/script").replace("</SCRIPT", "<\\/SCRIPT")
    css = css.replace("</style", "<\\/style")
    return js, css


class _IdList(list):
    """pyvis keeps node ids in a list and tests membership per node and edge: make that O(1)."""

    def __init__(self) -> None:
        super().__init__()
        self._set: set = set()

    def append(self, item) -> None:  # type: ignore[override]
        super().append(item)
        self._set.add(item)

    def __contains__(self, item) -> bool:
        return item in self._set


def _pyvis_network(view: GraphView, groups: list[Community], options: dict[str, Any]):
    from pyvis.network import Network

    net = Network(height="100%", width="100%", directed=True, cdn_resources="in_line")
    net.node_ids = _IdList()
    positions, component = community_layout(view, groups)
    community = {m: c.id for c in groups for m in c.members}
    for n in view.nodes:
        x, y = positions[n.id]
        net.add_node(
            n.id,
            x=x,
            y=y,
            label=_node_label(n.label, n.signed_on),
            shape=next(c.shape for c in VIEW_CLASSES if c.name == n.cls),
            group=n.cls,
            title=n.title,
            size=_node_size(n.degree),
            degree=n.degree,
            community=community[n.id],
            component=component[n.id],
            signedOn=list(n.signed_on),
            search="\n".join(sorted({search_key(name) for name in n.names})),
        )
    for e in view.edges:
        net.add_edge(
            e.source, e.target, id=e.id, label=e.label, title=e.title, predicate=e.predicate
        )
    net.options = options
    return net


def generate_html(
    graph: Graph | Dataset,
    *,
    focus: str | None = None,
    hops: int = 1,
    classes: Iterable[str] | str | None = None,
    physics: bool | None = None,
) -> str:
    """The page of ``graph`` as HTML text: a Pyvis/vis-network view that needs no network.

    vis-network's script and style sheet (from the pyvis package) and the page's own filter
    and search code are inlined; nothing is loaded from anywhere. Nodes are coloured and
    shaped by class (with a legend whose check boxes hide or show a class), sized by degree,
    and carry a hover text with class, label, key properties and source sentences; edges are
    labelled with the property's Chinese ``rdfs:label`` from the ontology. Every text from the
    graph is data: it is shown with ``textContent``/``innerText`` and never parsed as HTML.
    The vis.js ``Network`` is the global ``network`` (also ``window.network``).

    Reading at scale: labels longer than :data:`~kg.viz.view.LABEL_MAX_CHARS` are shortened
    (the hover text has them whole) and an agreement's signing date is the second line of its
    label (and its node's ``signedOn``); hubs are labelled at first paint where their labels do
    not overlap, other labels come in as one zooms in (:data:`LABELS`). The Louvain
    communities (:func:`~kg.viz.layout.communities`) can be collapsed into one node each and
    expanded again, the nodes without edges are one group. Filters (class, signing date) hide
    nodes, lay the rest out again and place the labels again.

    Layout and size: nodes start where :func:`~kg.viz.layout.community_layout` puts them,
    the same for the same graph. With ``physics=None`` or ``False`` that is the layout shown;
    ``physics=True`` stabilises the physics simulation from there
    (:data:`STABILIZATION_ITERATIONS` steps) before the graph is shown, then stops it (a
    button in the page runs it again). Above :data:`PHYSICS_MAX_NODES` (500) nodes edges are
    straight and hidden while dragging or zooming, so 5,000 nodes stay responsive. ``focus``,
    ``hops`` and ``classes`` select a subgraph as :func:`graph_view` does.
    """
    from jinja2 import Environment

    view = graph_view(graph, focus=focus, hops=hops, classes=classes)
    live = bool(physics)
    options = _options(len(view.nodes), live)
    groups = communities(view)
    label = {n.id: n.label for n in view.nodes}
    net = _pyvis_network(view, groups, options)
    nodes, edges, _, _, _, _ = net.get_network_data()
    js, css = _vis_assets()
    counts = view.class_counts()
    legend = [
        {
            "name": c.name,
            "zh": c.label_zh,
            "en": c.label_en,
            "color": c.color,
            "swatch": _SWATCH[c.shape],
            "count": counts[c.name],
        }
        for c in VIEW_CLASSES
        if c.name in counts
    ]
    subtitle = []
    if view.focus:
        labels = sorted({n.label for n in view.nodes if n.id in view.focus})
        subtitle.append(f"焦点 focus: {'、'.join(labels)} · {view.hops} 跳 hops")
    if view.classes:
        subtitle.append(f"类别 classes: {', '.join(view.classes)}")
    data = {
        "nodes": nodes,
        "edges": edges,
        "options": options,
        "live": live,
        "physicsMaxNodes": PHYSICS_MAX_NODES,
        "layout": {**LAYOUT, "springMax": SPRING_MAX_NODES},
        "labels": LABELS,
        "collapseMin": COLLAPSE_MIN_NODES,
        "communities": [_community(c, label) for c in groups],
    }
    env = Environment(autoescape=True, keep_trailing_newline=True)
    return env.from_string(_template("page.html")).render(
        vis_js=js,
        vis_css=css,
        data_json=_script_json(data),
        legend=legend,
        node_count=len(view.nodes),
        edge_count=len(view.edges),
        subtitle=subtitle,
        communities=[c for c in data["communities"] if c["size"] >= COLLAPSE_MIN_NODES],
        periods=_periods(view),
        dated=sum(1 for n in view.nodes if n.signed_on),
        agreements=counts.get("Agreement", 0),
        live=live,
        app_js="\n".join(_template(name) for name in _SCRIPTS),
        app_css=_template("app.css"),
    )


#: The page's scripts, in the order they run: dates, layout and labels first, the page last.
_SCRIPTS = ("dates.js", "layout.js", "labels.js", "app.js")

#: Communities of fewer nodes are not listed in the page's panel and do not collapse.
COLLAPSE_MIN_NODES = 3

#: Members named in the hover text of a collapsed community.
_MEMBERS_SHOWN = 12


def _periods(view: GraphView) -> list[dict[str, str]]:
    """The years and months in which agreements were signed, each with how many."""
    counts: dict[str, int] = {}
    for node in view.nodes:
        for period in {d[:n] for d in node.signed_on for n in (4, 7) if len(d) >= n}:
            counts[period] = counts.get(period, 0) + 1
    indent = {4: "", 7: "\u2003"}  # months under their year
    return [{"value": p, "text": f"{indent[len(p)]}{p} ({counts[p]})"} for p in sorted(counts)]


def _community(community: Community, label: dict[str, str]) -> dict[str, Any]:
    """What the page needs of a community: its name (the hub's), size and hover text."""
    names = [label[m] for m in community.members]
    more = len(names) - _MEMBERS_SHOWN
    if community.isolated:
        name, heading = "孤立节点 isolated", "孤立节点 · nodes without edges"
    else:
        name, heading = short_label(names[0], 12), "社区 · community (Louvain)"
    lines = [heading, f"{len(names)} 个节点 nodes", "、".join(names[:_MEMBERS_SHOWN])]
    if more > 0:
        lines[-1] += f" …(+{more})"
    lines.append("双击展开 · double-click to expand")
    return {
        "id": community.id,
        "name": name,
        "size": len(names),
        "isolated": community.isolated,
        "hub": community.hub,
        "title": "\n".join(lines),
    }


def write_html(graph: Graph | Dataset, path: str | Path, **kw: Any) -> Path:
    """Write :func:`generate_html` of ``graph`` to ``path`` atomically; return the path."""
    return write_text_atomic(path, generate_html(graph, **kw))


@cache
def _template(name: str) -> str:
    """A file of ``kg/viz/templates/``: the page, its style sheet and its script."""
    return files("kg.viz").joinpath("templates", name).read_text(encoding="utf-8")
