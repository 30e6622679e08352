"""The interactive view: the graph drawn as an offline HTML page (pyvis, vis-network)."""

from __future__ import annotations

from kg.viz.layout import communities, community_layout
from kg.viz.page import generate_html, write_html
from kg.viz.view import PHYSICS_MAX_NODES, VIEW_CLASSES, GraphView, graph_view

__all__ = [
    "PHYSICS_MAX_NODES",
    "VIEW_CLASSES",
    "GraphView",
    "generate_html",
    "communities",
    "community_layout",
    "graph_view",
    "write_html",
]
