"""Where the view's nodes start: Louvain communities, each connected component laid out by
springs (NetworkX, fixed seed), components packed in rows, isolated nodes in a grid."""

from __future__ import annotations

import math
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from kg.viz.view import GraphView

if TYPE_CHECKING:
    import networkx as nx

__all__ = ["LAYOUT", "Community", "communities", "community_layout"]

#: The layout's measures in canvas units, shared with the page's script (which packs the
#: components again when a filter changes): ``edge`` the mean length of an edge, ``stretch``
#: how much wider than tall a component is drawn (labels are wide), ``pad`` the room left
#: around a component for its labels (x, y), ``aspect`` the width:height the packing aims at
#: (a landscape window), ``cell`` the grid cell of an isolated node (x, y).
LAYOUT = {
    "edge": 130.0,
    "stretch": 1.35,
    "pad": [80.0, 50.0],
    "aspect": 1.45,
    "cell": [200.0, 70.0],
}

#: Components with more nodes than this are laid out as rings around their hub (linear time)
#: instead of by springs (quadratic).
SPRING_MAX_NODES = 400


@dataclass(frozen=True)
class Community:
    """A group of nodes the page can collapse into one: a Louvain community, or every node
    that has no edge (``isolated``). ``members`` are node ids, the hub (highest degree) first."""

    id: int
    members: tuple[str, ...]
    isolated: bool = False

    @property
    def hub(self) -> str:
        """The member with the most edges (the first in view order among equals)."""
        return self.members[0]


def _simple_graph(view: GraphView) -> nx.Graph:
    """The view as an undirected graph in view order; ``weight`` counts parallel edges."""
    import networkx as nx

    g = nx.Graph()
    g.add_nodes_from(n.id for n in view.nodes)
    for e in view.edges:
        if e.source != e.target:
            w = g.get_edge_data(e.source, e.target, {"weight": 0})["weight"]
            g.add_edge(e.source, e.target, weight=w + 1)
    return g


def communities(view: GraphView, *, seed: int = 7) -> list[Community]:
    """Louvain communities of the view (edge direction ignored, parallel edges as weight,
    ``seed`` fixed so the same graph gives the same communities), largest first; the nodes
    that have no edge form one last community flagged ``isolated``."""
    from networkx.algorithms.community import louvain_communities

    g = _simple_graph(view)
    rank = {n.id: i for i, n in enumerate(view.nodes)}
    isolated = [n.id for n in view.nodes if g.degree(n.id) == 0]
    g.remove_nodes_from(isolated)
    found = louvain_communities(g, weight="weight", seed=seed) if g.number_of_edges() else []

    def order(members: Iterable[str]) -> tuple[str, ...]:
        return tuple(sorted(members, key=lambda m: (-g.degree(m), rank[m])))

    groups = sorted((order(m) for m in found), key=lambda m: (-len(m), rank[m[0]]))
    result = [Community(i, members) for i, members in enumerate(groups)]
    if isolated:
        result.append(Community(len(result), tuple(isolated), isolated=True))
    return result


# ---------------------------------------------------------------------------------------------
# One component
# ---------------------------------------------------------------------------------------------


def _rings(g: nx.Graph, root: str) -> dict[str, tuple[float, float]]:
    """``g`` as rings around ``root`` by breadth-first depth, each child in its parent's wedge."""
    children: dict[str, list[str]] = defaultdict(list)
    levels, seen = [[root]], {root}
    while True:
        nxt = []
        for node in levels[-1]:
            for m in sorted(g[node], key=lambda m: -g.degree(m)):
                if m not in seen:
                    seen.add(m)
                    children[node].append(m)
                    nxt.append(m)
        if not nxt:
            break
        levels.append(nxt)
    leaves: dict[str, int] = {}
    for level in reversed(levels):
        for node in level:
            leaves[node] = sum(leaves[c] for c in children[node]) or 1
    step = LAYOUT["edge"]
    radii = [0.0]
    for level in levels[1:]:
        radii.append(max(radii[-1] + step, len(level) * step / 3 / (2 * math.pi)))
    pos = {root: (0.0, 0.0)}
    wedge = {root: (0.0, 2 * math.pi)}
    for depth, level in enumerate(levels):
        for node in level:
            start, width = wedge[node]
            for child in children[node]:
                share = width * leaves[child] / leaves[node]
                wedge[child] = (start, share)
                angle, r = start + share / 2, radii[depth + 1]
                pos[child] = (r * math.cos(angle), r * math.sin(angle))
                start += share
    return pos


def _springs(g: nx.Graph, community_of: dict[str, int], seed: int) -> dict[str, tuple]:
    """Fruchterman-Reingold positions; edges inside a community pull twice as hard."""
    import networkx as nx

    weighted = nx.Graph()
    weighted.add_nodes_from(g)
    for u, v in g.edges:
        weighted.add_edge(u, v, pull=2.0 if community_of[u] == community_of[v] else 1.0)
    pos = nx.spring_layout(weighted, weight="pull", seed=seed, iterations=200)
    return {n: (float(x), float(y)) for n, (x, y) in pos.items()}


def normalize(
    pos: dict[str, tuple[float, float]], edges: Sequence[tuple[str, str]]
) -> dict[str, tuple[float, float]]:
    """Scale a component so its mean edge is ``LAYOUT["edge"]`` long, turn its long axis
    horizontal, stretch it by ``LAYOUT["stretch"]`` and centre it on its bounding box.

    >>> normalize({"a": (0.0, 0.0), "b": (0.0, 2.0)}, [("a", "b")])
    {'a': (-87.8, 0.0), 'b': (87.8, 0.0)}
    """
    lengths = [math.dist(pos[u], pos[v]) for u, v in edges]
    mean = sum(lengths) / len(lengths) if lengths else 0.0
    scale = LAYOUT["edge"] / mean if mean > 1e-9 else 1.0
    n = len(pos)
    cx = sum(x for x, _ in pos.values()) / n
    cy = sum(y for _, y in pos.values()) / n
    sxx = sum((x - cx) ** 2 for x, _ in pos.values())
    syy = sum((y - cy) ** 2 for _, y in pos.values())
    sxy = sum((x - cx) * (y - cy) for x, y in pos.values())
    angle = 0.5 * math.atan2(2 * sxy, sxx - syy)  # the principal axis
    cos, sin = math.cos(-angle), math.sin(-angle)
    out = {}
    for k, (x, y) in pos.items():
        dx, dy = (x - cx) * scale, (y - cy) * scale
        out[k] = ((dx * cos - dy * sin) * LAYOUT["stretch"], dx * sin + dy * cos)
    xs, ys = [p[0] for p in out.values()], [p[1] for p in out.values()]
    mx, my = (min(xs) + max(xs)) / 2, (min(ys) + max(ys)) / 2
    return {k: (round(x - mx, 1) + 0.0, round(y - my, 1) + 0.0) for k, (x, y) in out.items()}


def _induced(g: nx.Graph, part: Sequence[str]) -> nx.Graph:
    """The subgraph of ``part`` with its nodes in the order given (``g.subgraph`` iterates a
    set when the part is small, in an order that changes from run to run)."""
    import networkx as nx

    sub = nx.Graph()
    sub.add_nodes_from(part)
    index = {n: i for i, n in enumerate(part)}
    pairs = sorted(
        ((u, v) if index[u] < index[v] else (v, u) for u in part for v in g[u] if v in index),
        key=lambda e: (index[e[0]], index[e[1]]),
    )
    sub.add_edges_from(pairs)
    return sub


def _component(g: nx.Graph, community_of: dict[str, int], seed: int) -> dict[str, tuple]:
    nodes = list(g)
    if len(nodes) == 1:
        return {nodes[0]: (0.0, 0.0)}
    if len(nodes) == 2:
        pos = {nodes[0]: (0.0, 0.0), nodes[1]: (1.0, 0.0)}
    elif len(nodes) > SPRING_MAX_NODES:
        pos = _rings(g, max(nodes, key=g.degree))
    else:
        pos = _springs(g, community_of, seed)
    return normalize(pos, list(g.edges))


# ---------------------------------------------------------------------------------------------
# Packing
# ---------------------------------------------------------------------------------------------


def grid(ids: Sequence[str]) -> dict[str, tuple[float, float]]:
    """Isolated nodes in rows of a grid about twice as wide as tall, centred on the origin.

    >>> grid(["a", "b", "c"])
    {'a': (-100.0, -35.0), 'b': (100.0, -35.0), 'c': (-100.0, 35.0)}
    """
    cw, ch = LAYOUT["cell"]
    cols = max(1, math.ceil(math.sqrt(len(ids) * 2 * ch / cw)))
    rows = math.ceil(len(ids) / cols)
    return {
        node: ((i % cols - (cols - 1) / 2) * cw, (i // cols - (rows - 1) / 2) * ch)
        for i, node in enumerate(ids)
    }


def _shelves(
    sizes: Sequence[tuple[float, float]], width: float
) -> tuple[list[tuple[float, float, float]], float, float]:
    """Boxes left to right in rows no wider than ``width`` (a box wider starts its own row),
    each row's room left over shared between its gaps so that every row spans the width
    used (a row of one box is centred): each box's left edge, its row's top and its row's
    height, and the width and height used."""
    rows: list[tuple[list[tuple[float, float]], float, float]] = []  # (left, w), top, height
    x = y = row_height = used = 0.0
    row: list[tuple[float, float]] = []
    for w, h in sizes:
        if row and x + w > width:
            rows.append((row, y, row_height))
            x, y, row_height, row = 0.0, y + row_height, 0.0, []
        row.append((x, w))
        x += w
        used = max(used, x)
        row_height = max(row_height, h)
    rows.append((row, y, row_height))
    slots: list[tuple[float, float, float]] = []
    for boxes, top, height in rows:
        spare = used - sum(w for _left, w in boxes)
        if len(boxes) == 1:
            slots.append((spare / 2, top, height))
            continue
        gap = spare / (len(boxes) - 1)
        x = 0.0
        for _left, w in boxes:
            slots.append((x, top, height))
            x += w + gap
    return slots, used, y + row_height


def pack(
    blocks: Sequence[dict[str, tuple[float, float]]], grid: dict[str, tuple[float, float]] | None
) -> dict[str, tuple[float, float]]:
    """Blocks of positions (each centred on its bounding box), with ``LAYOUT["pad"]`` around
    each, placed left to right in rows, in the order given, then the ``grid`` of isolated
    nodes with two more cells of room above it for its caption; the whole centred on the
    origin. The width of the rows is the one, of widths from the widest block's up in steps
    of 15 %, that gives the largest drawing in a window ``LAYOUT["aspect"]`` times wider than
    tall."""
    px, py = LAYOUT["pad"]
    sizes = []
    blocks = list(blocks)
    if grid:
        top = 2 * LAYOUT["cell"][1]
        blocks.append({k: (x, y + top / 2) for k, (x, y) in grid.items()})
    for i, block in enumerate(blocks):
        xs, ys = [p[0] for p in block.values()], [p[1] for p in block.values()]
        extra = 2 * LAYOUT["cell"][1] if grid and i == len(blocks) - 1 else 0.0
        sizes.append((max(xs) - min(xs) + 2 * px, max(ys) - min(ys) + 2 * py + extra))
    if not sizes:
        return {}
    width, total = max(w for w, _ in sizes), sum(w for w, _ in sizes)
    best: tuple[float, list] | None = None
    while True:
        slots, used, height = _shelves(sizes, width)
        score = max(used / LAYOUT["aspect"], height)  # what a window of that shape must hold
        if best is None or score < best[0]:
            best = (score, slots)
        if width >= total:
            break
        width *= 1.15
    placed: dict[str, tuple[float, float]] = {}
    for block, (w, _), (left, top, row_height) in zip(blocks, sizes, best[1], strict=True):
        for k, (dx, dy) in block.items():
            placed[k] = (left + w / 2 + dx, top + row_height / 2 + dy)
    xs, ys = [p[0] for p in placed.values()], [p[1] for p in placed.values()]
    mx, my = (min(xs) + max(xs)) / 2, (min(ys) + max(ys)) / 2
    return {k: (round(x - mx, 1) + 0.0, round(y - my, 1) + 0.0) for k, (x, y) in placed.items()}


def community_layout(
    view: GraphView, groups: Sequence[Community] | None = None, *, seed: int = 7
) -> tuple[dict[str, tuple[float, float]], dict[str, int]]:
    """Deterministic positions of the view's nodes and the component of each.

    Each connected component is laid out by NetworkX's spring layout (``seed`` fixed; edges
    inside a Louvain community of ``groups`` pull harder, so communities stay together), or
    as rings around its hub above :data:`SPRING_MAX_NODES` nodes; it is scaled to a mean edge
    of ``LAYOUT["edge"]``, turned to lie horizontally and stretched for its labels. Components
    are packed in rows, largest first; nodes without edges go last, in a grid, and have
    component ``-1``.
    """
    import networkx as nx

    if groups is None:
        groups = communities(view, seed=seed)
    community_of = {m: c.id for c in groups for m in c.members}
    g = _simple_graph(view)
    rank = {n.id: i for i, n in enumerate(view.nodes)}
    isolated = [n.id for n in view.nodes if g.degree(n.id) == 0]
    g.remove_nodes_from(isolated)
    parts = sorted(
        (sorted(c, key=rank.__getitem__) for c in nx.connected_components(g)),
        key=lambda c: (-len(c), rank[c[0]]),
    )
    blocks = [_component(_induced(g, part), community_of, seed) for part in parts]
    component = {n: i for i, part in enumerate(parts) for n in part}
    component.update(dict.fromkeys(isolated, -1))
    return pack(blocks, grid(isolated) if isolated else None), component
