"""The interactive view: the graph drawn as an offline HTML page (pyvis, vis-network)."""

from __future__ import annotations

from kg.viz.view import (
    PHYSICS_MAX_NODES,
    VIEW_CLASSES,
    GraphView,
    generate_html,
    graph_view,
    write_html,
)

__all__ = [
    "PHYSICS_MAX_NODES",
    "VIEW_CLASSES",
    "GraphView",
    "generate_html",
    "graph_view",
    "write_html",
]
