"""Where the view's nodes start: components apart, springs of the right length, lying wide,
isolated nodes in a grid, the whole about as wide as a window; the test corpus not a disc."""

from __future__ import annotations

import math
from collections import defaultdict
from itertools import combinations

import networkx as nx
import pytest
from rdflib import Graph

from kg.build import build
from kg.io.graph_files import load_graph
from kg.model.triples import to_graph
from kg.viz import community_layout, graph_view
from kg.viz.layout import LAYOUT, grid, normalize, pack

from .conftest import ROOT
from .test_viz import _chain_graph
from .test_viz_scale import dated_graph

TEST_CORPUS = ROOT / "tests" / "data" / "corpus" / "test"


@pytest.fixture(scope="module")
def corpus_graph(tmp_path_factory) -> Graph:
    """The test corpus as ``kg build`` builds it (used for its size and shape only)."""
    out = tmp_path_factory.mktemp("corpus")
    build([TEST_CORPUS], out)
    return load_graph(out)


@pytest.fixture(scope="module")
def graphs(small_extraction, corpus_graph) -> dict[str, Graph]:
    return {
        "small": to_graph([small_extraction]),
        "dated": dated_graph(),
        "chain": _chain_graph(40),
        "corpus": corpus_graph,
    }


NAMES = ["small", "dated", "chain", "corpus"]


def _layout(graph: Graph):
    view = graph_view(graph)
    positions, component = community_layout(view)
    return view, positions, component


def _parts(component: dict[str, int]) -> dict[int, list[str]]:
    parts: dict[int, list[str]] = defaultdict(list)
    for node, c in component.items():
        parts[c].append(node)
    return parts


def _box(points) -> tuple[float, float, float, float]:
    xs, ys = [p[0] for p in points], [p[1] for p in points]
    return min(xs), min(ys), max(xs), max(ys)


@pytest.mark.parametrize("name", NAMES)
def test_viz_layout_places_every_node_apart(graphs, name):
    view, positions, component = _layout(graphs[name])
    assert set(positions) == {n.id for n in view.nodes} == set(component)
    points = sorted(positions.values())
    closest = min(math.dist(a, b) for a, b in combinations(points, 2))
    assert closest >= 15, closest


@pytest.mark.parametrize("name", NAMES)
def test_viz_layout_keeps_components_apart_and_edges_within(graphs, name):
    view, positions, component = _layout(graphs[name])
    g = nx.Graph(view.to_networkx())
    parts = _parts(component)
    for c, members in parts.items():
        if c >= 0:
            assert nx.is_connected(g.subgraph(members))
    for e in view.edges:
        assert component[e.source] == component[e.target] != -1
    boxes = [_box([positions[m] for m in members]) for members in parts.values()]
    for a, b in combinations(boxes, 2):
        apart = a[2] < b[0] or b[2] < a[0] or a[3] < b[1] or b[3] < a[1]
        assert apart, (a, b)


@pytest.mark.parametrize("name", NAMES)
def test_viz_layout_springs_have_the_set_length_and_lie_wide(graphs, name):
    view, positions, component = _layout(graphs[name])
    lengths = defaultdict(list)
    for e in view.edges:
        lengths[component[e.source]].append(math.dist(positions[e.source], positions[e.target]))
    for c, members in _parts(component).items():
        if c < 0:
            continue
        mean = sum(lengths[c]) / len(lengths[c])
        assert LAYOUT["edge"] * 0.99 <= mean <= LAYOUT["edge"] * LAYOUT["stretch"] * 1.01
        x0, y0, x1, y1 = _box([positions[m] for m in members])
        assert x1 - x0 >= y1 - y0


@pytest.mark.parametrize("name", NAMES)
def test_viz_layout_puts_isolated_nodes_in_a_grid(graphs, name):
    view, positions, component = _layout(graphs[name])
    alone = [n.id for n in view.nodes if component[n.id] == -1]
    assert alone == [n.id for n in view.nodes if n.degree == 0]
    if len(alone) < 2:
        return
    cw, ch = LAYOUT["cell"]
    x0, y0 = min(positions[a][0] for a in alone), min(positions[a][1] for a in alone)
    for a in alone:
        col, row = (positions[a][0] - x0) / cw, (positions[a][1] - y0) / ch
        assert col == pytest.approx(round(col), abs=1e-3) and row == pytest.approx(
            round(row), abs=1e-3
        )
    assert len({positions[a] for a in alone}) == len(alone)


def test_viz_layout_of_the_test_corpus_is_as_wide_as_a_window_not_a_disc(corpus_graph):
    view, positions, component = _layout(corpus_graph)
    x0, y0, x1, y1 = _box(positions.values())
    assert 1.0 <= (x1 - x0) / (y1 - y0) <= 2.2
    # a disc leaves the corners of its box empty: here every ninth of the box holds nodes
    cells = {
        (min(int(3 * (x - x0) / (x1 - x0)), 2), min(int(3 * (y - y0) / (y1 - y0)), 2))
        for x, y in positions.values()
    }
    assert len(cells) == 9
    assert len(_parts(component)) > 20  # many components, packed, not pulled into one blob


def test_viz_layout_is_deterministic(corpus_graph):
    view = graph_view(corpus_graph)
    assert community_layout(view) == community_layout(view)


@pytest.mark.parametrize(
    ("blocks", "rows"),
    [
        ([{"a": (0.0, 0.0)}], 1),
        ([{f"n{i}": (0.0, 0.0)} for i in range(2)], 2),  # one above the other fits a window
        ([{f"n{i}": (0.0, 0.0)} for i in range(9)], 3),
        (
            [{"big": (-400.0, 0.0), "big2": (400.0, 0.0)}]
            + [{f"n{i}": (0.0, 0.0)} for i in range(8)],
            3,
        ),
    ],
)
def test_viz_pack_fills_rows_in_order(blocks, rows):
    placed = pack(blocks, None)
    assert len(placed) == sum(len(b) for b in blocks)
    ys = sorted({round(placed[next(iter(b))][1], 1) for b in blocks})
    assert len(ys) == rows
    firsts = [placed[next(iter(b))] for b in blocks]
    assert firsts == sorted(firsts, key=lambda p: (round(p[1], 1), p[0]))  # left to right, top down
    x0, y0, x1, y1 = _box(placed.values())
    assert (x0 + x1) / 2 == pytest.approx(0, abs=0.1) and (y0 + y1) / 2 == pytest.approx(0, abs=0.1)
    # no worse in a window of the aimed shape than all blocks in one row or in one column
    px, py = LAYOUT["pad"]
    sizes = [(_box(b.values())[2] - _box(b.values())[0] + 2 * px, 2 * py) for b in blocks]

    def need(width: float, height: float) -> float:
        return max(width / LAYOUT["aspect"], height)

    chosen = need(x1 - x0 + 2 * px, y1 - y0 + 2 * py)
    one_row = need(sum(w for w, _ in sizes), max(h for _, h in sizes))
    one_column = need(max(w for w, _ in sizes), sum(h for _, h in sizes))
    assert chosen <= min(one_row, one_column) + 1e-6


def test_viz_pack_puts_the_grid_last_with_room_for_its_caption():
    blocks = [{"a": (-50.0, 0.0), "b": (50.0, 0.0)}]
    cells = grid([f"i{k}" for k in range(6)])
    placed = pack(blocks, cells)
    top_of_grid = min(placed[f"i{k}"][1] for k in range(6))
    bottom_of_block = max(placed["a"][1], placed["b"][1])
    assert top_of_grid - bottom_of_block >= 0 or placed["a"][0] < min(
        placed[f"i{k}"][0] for k in range(6)
    )
    # two cells of room above the grid's first row, within its share of the row
    x0, y0, _, _ = _box(placed.values())
    assert top_of_grid - y0 >= 2 * LAYOUT["cell"][1]


def test_viz_normalize_turns_the_long_axis_horizontal():
    vertical = {str(i): (0.0, 40.0 * i) for i in range(5)}
    edges = [(str(i), str(i + 1)) for i in range(4)]
    out = normalize(vertical, edges)
    assert {round(y, 1) for _, y in out.values()} == {0.0}
    gaps = sorted(x for x, _ in out.values())
    assert gaps[1] - gaps[0] == pytest.approx(LAYOUT["edge"] * LAYOUT["stretch"], abs=0.2)
