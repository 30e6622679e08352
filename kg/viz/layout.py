"""Where the view's nodes start: rings around the best-connected node of each component."""

from __future__ import annotations

import math
from collections import defaultdict

from kg.viz.view import GraphView

__all__ = ["radial_layout"]

_RING_STEP = 130.0  # distance between the rings of a component
_RING_SPACING = 48.0  # least arc length between two nodes on a ring
_GAP = 80.0  # space between two components


def _radial_component(
    root: str, adjacency: dict[str, list[str]], seen: set[str]
) -> tuple[dict[str, tuple[float, float]], float]:
    """Positions of one connected component around ``root`` (BFS rings) and its radius."""
    children: dict[str, list[str]] = defaultdict(list)
    depth = {root: 0}
    levels: list[list[str]] = [[root]]
    seen.add(root)
    while True:
        nxt: list[str] = []
        for node in levels[-1]:
            for m in adjacency[node]:
                if m not in seen:
                    seen.add(m)
                    depth[m] = len(levels)
                    children[node].append(m)
                    nxt.append(m)
        if not nxt:
            break
        levels.append(nxt)
    leaves: dict[str, int] = {}
    for level in reversed(levels):
        for node in level:
            leaves[node] = sum(leaves[c] for c in children[node]) or 1
    radii = [0.0]
    for level in levels[1:]:
        radii.append(max(radii[-1] + _RING_STEP, len(level) * _RING_SPACING / (2 * math.pi)))
    pos = {root: (0.0, 0.0)}
    wedge = {root: (0.0, 2 * math.pi)}
    for level in levels:
        for node in level:
            start, width = wedge[node]
            for child in children[node]:
                share = width * leaves[child] / leaves[node]
                wedge[child] = (start, share)
                angle = start + share / 2
                r = radii[depth[child]]
                pos[child] = (r * math.cos(angle), r * math.sin(angle))
                start += share
    return pos, radii[-1]


def radial_layout(view: GraphView) -> dict[str, tuple[float, float]]:
    """Deterministic node positions: each connected component as rings around its
    best-connected node, components packed in rows, largest first.

    Linear in the size of the view, so it places 5,000 nodes in well under a second; the page
    uses it as the starting point of the physics simulation, and as the final layout when
    physics is off.
    """
    adjacency: dict[str, list[str]] = defaultdict(list)
    for e in view.edges:
        if e.target not in adjacency[e.source]:
            adjacency[e.source].append(e.target)
            adjacency[e.target].append(e.source)
    rank = {n.id: i for i, n in enumerate(view.nodes)}
    for node_id in adjacency:
        adjacency[node_id].sort(key=lambda m: (-len(adjacency[m]), rank[m]))
    seen: set[str] = set()
    components = []
    for node in sorted(view.nodes, key=lambda n: (-n.degree, rank[n.id])):
        if node.id not in seen:
            components.append(_radial_component(node.id, adjacency, seen))
    if not components:
        return {}
    area = sum((2 * r + _GAP) ** 2 for _, r in components)
    row_width = max(math.sqrt(area) * 1.2, 2 * max(r for _, r in components) + _GAP)
    positions: dict[str, tuple[float, float]] = {}
    x = y = row_height = 0.0
    for pos, r in components:
        size = 2 * r + _GAP
        if x > 0 and x + size > row_width:
            x, y, row_height = 0.0, y + row_height, 0.0
        cx, cy = x + size / 2, y + size / 2
        for node_id, (px, py) in pos.items():
            positions[node_id] = (round(cx + px, 1), round(cy + py, 1))
        x += size
        row_height = max(row_height, size)
    xs = [p[0] for p in positions.values()]
    ys = [p[1] for p in positions.values()]
    mx, my = (min(xs) + max(xs)) / 2, (min(ys) + max(ys)) / 2
    return {k: (round(px - mx, 1), round(py - my, 1)) for k, (px, py) in positions.items()}


# ---------------------------------------------------------------------------------------------
# The page
# ---------------------------------------------------------------------------------------------
