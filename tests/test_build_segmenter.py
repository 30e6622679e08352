"""Builds with either segmenter: the same graph but for the recorded segmenter, and a store
extracts again the articles another segmenter cut."""

from __future__ import annotations

import json

import pytest
from rdflib import Graph, Literal
from rdflib.compare import isomorphic

from kg.build import build
from kg.errors import InputError
from kg.extract.segmenters import SEGMENTERS, segmenter_version
from kg.namespace import CY
from kg.sparql import open_graph
from tests.conftest import SEED

ARTICLES = [
    ("a1", "3月5日，北京市科委与天津市科技局签署《京津科技合作协议》，推进S-300项目2-3期建设。"),
    ("a2", "4月8日，重庆市科技局与四川省科技厅签署《川渝科技创新合作协议》。"),
    ("a3", "中关村科学城涉及海淀区，规划面积75平方公里，江南四季常在的绿色。"),
]


@pytest.fixture
def feed(tmp_path):
    path = tmp_path / "feed.jsonl"
    lines = [json.dumps({"id": i, "text": t}, ensure_ascii=False) for i, t in ARTICLES]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def _graph_and_segmenters(path) -> tuple[Graph, set]:
    graph = Graph().parse(path)
    recorded = set(graph.subject_objects(CY.segmenter))
    graph.remove((None, CY.segmenter, None))
    return graph, recorded


@pytest.mark.parametrize("inputs", [[SEED], ["feed"]])
def test_build_segmenter_same_graph_but_the_recorded_segmenter(tmp_path, feed, inputs):
    inputs = [feed if i == "feed" else i for i in inputs]
    graphs = {}
    for name in sorted(SEGMENTERS):
        result = build(inputs, tmp_path / name, segmenter=name, html=False)
        graph, recorded = _graph_and_segmenters(tmp_path / name / "graph.ttl")
        documents = set(graph.subjects(predicate=CY.contentHash))
        assert len(documents) == len(result.documents)
        assert recorded == {(d, Literal(segmenter_version(name))) for d in documents}
        graphs[name] = graph
    assert isomorphic(graphs["jieba"], graphs["jieba-rs"])


def test_build_segmenter_store_extracts_again_what_another_segmenter_cut(tmp_path, feed):
    store = tmp_path / "store"
    first = build([feed], store=store, segmenter="jieba")
    assert (first.new, first.changed, first.unchanged) == (3, 0, 0)
    again = build([feed], store=store, segmenter="jieba")
    assert (again.new, again.changed, again.unchanged) == (0, 0, 3)
    other = build([feed], store=store, segmenter="jieba-rs")
    assert (other.new, other.changed, other.unchanged) == (0, 3, 0)
    back = build([feed], store=store, segmenter="jieba-rs")
    assert (back.new, back.changed, back.unchanged) == (0, 0, 3)
    with open_graph(str(store)) as source:
        rows = source.query(
            "SELECT ?d ?s WHERE { ?d <https://w3id.org/chengyu-kg/ontology#segmenter> ?s }"
        ).rows
    assert {str(s) for _, s in rows} == {segmenter_version("jieba-rs")}
    assert len(rows) == 3


def test_build_segmenter_unknown_name(tmp_path, feed):
    with pytest.raises(InputError, match="unknown segmenter 'hanlp'"):
        build([feed], tmp_path / "out", segmenter="hanlp")


@pytest.mark.parametrize("name", sorted(SEGMENTERS))
def test_build_segmenter_a_user_lexicon_cuts_with_the_chosen_segmenter(tmp_path, feed, name):
    names = tmp_path / "names.tsv"
    names.write_text("name\tclass\tjurisdiction\n四季常在\tProject\t海淀区\n", encoding="utf-8")
    build([feed], tmp_path / "out", segmenter=name, lexicon=names, html=False, jobs=1)
    graph, recorded = _graph_and_segmenters(tmp_path / "out" / "graph.ttl")
    assert {str(version) for _, version in recorded} == {segmenter_version(name)}
    assert len(recorded) == len(ARTICLES)
    assert Literal("四季常在", lang="zh") in set(graph.objects())
