"""Corrections and a store: with the corpus unchanged, a changed corrections file rebuilds
only the articles the changed corrections may touch, and the store then holds what a full
build with the same corrections makes."""

from __future__ import annotations

import json
import shutil

import pytest
from rdflib import Graph

from kg.build import build
from kg.curation.ledger import LEDGER_DIR, Ledger
from kg.model import iri
from kg.store import ArticleStore

# Our own short articles; which of them name what is the point of each case.
ARTICLES = {
    "a1": "2023年4月2日，重庆市科技局与成都市科技局签署《共建西部算力协同合作协议》。",
    "a2": "重庆市科技局发布2023年科技创新工作要点，支持建设缙云山实验室。",
    "a3": "2023年6月1日，成都市经信局与重庆市经信委签署《共建电子信息产业协作合作协议》。",
    "a4": "武隆区加快建设仙女山旅游环线项目，总投资12亿元。",
    "a5": "璧山区推进青杠湖湿地公园建设，成都市经信局前来考察。",
    "a6": "江津区新建两座污水处理厂。",
}


def _correction(ident: str, kind: str, why: str = "checked by hand", **fields: str) -> str:
    lines = [f'id = "{ident}"', f'kind = "{kind}"', f'why = "{why}"', 'who = "Zhao Min"']
    lines += [
        f"{k} = {v}" if k in ("offset", "date") else f'{k} = "{v}"' for k, v in fields.items()
    ]
    return "[[correction]]\n" + "\n".join(lines) + "\n"


ALIAS = _correction("c-alias", "add-alias", entity="重庆市科学技术局", alias="重庆科技局")  # a1, a2
RENAME = _correction(
    "c-rename", "rename", entity="仙女山旅游环线项目", label="仙女山旅游环线"
)  # a4
MERGE = _correction("c-merge", "merge", entity="缙云山实验室", into="缙云山国家实验室")  # a2
DATE = _correction(
    "c-date", "set-date", agreement="共建电子信息产业协作合作协议", date="2023-06-02"
)  # a3
FIRST = ALIAS + RENAME + MERGE + DATE

#: (what changes, the corrections then (None: no file), articles built again)
CHANGES = [
    ("nothing", FIRST, 0),
    ("the why of one", FIRST.replace("checked by hand", "seen in the source", 1), 2),
    ("one removed", ALIAS + RENAME + MERGE, 1),
    ("a mention rejected", FIRST + _correction("c-m", "reject-mention", document="a5", offset="5"), 1),
    ("an alias by an alias", FIRST + _correction("c-a2", "add-alias", entity="成都市经信局", alias="成都经信局"), 2),
    ("one on a renamed name", FIRST + _correction("c-a3", "add-alias", entity="仙女山旅游环线", alias="仙女山环线"), 1),
    ("one naming nothing", FIRST + _correction("c-x", "reject-entity", entity="不存在的机构"), 0),
    ("no corrections", None, 4),
]  # fmt: skip


@pytest.fixture
def corpus(tmp_path):
    path = tmp_path / "corpus.jsonl"
    rows = [{"id": k, "text": v} for k, v in ARTICLES.items()]
    path.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows), "utf-8")
    return path


def _file(tmp_path, name: str, text: str | None):
    if text is None:
        return None
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def _store_graph(store) -> Graph:
    with ArticleStore(store, create=False, read_only=True) as s:
        union = Graph()
        for quad in s.to_dataset().quads():
            union.add(quad[:3])
        return union


def _full_graph(tmp_path, corpus, corrections) -> Graph:
    result = build([corpus], tmp_path / "full", corrections=corrections, html=False, validate=False)
    result.close()
    return Graph().parse(tmp_path / "full" / "graph.ttl")


@pytest.mark.parametrize(("case", "then", "rebuilt"), CHANGES, ids=[c[0] for c in CHANGES])
def test_curation_incremental_rebuilds_only_what_changed_corrections_touch(
    tmp_path, corpus, case, then, rebuilt
):
    store = tmp_path / "store"
    first = build([corpus], store=store, corrections=_file(tmp_path, "first.toml", FIRST), jobs=2)
    assert (first.new, first.recorrected) == (6, 0)
    corrections = _file(tmp_path, "then.toml", then)
    result = build([corpus], store=store, corrections=corrections)
    counts = (result.new, result.changed, result.recorrected, result.unchanged)
    assert counts == (0, 0, rebuilt, 6 - rebuilt)
    assert _store_graph(store).isomorphic(_full_graph(tmp_path, corpus, corrections))
    again = build([corpus], store=store, corrections=corrections)
    assert (again.recorrected, again.unchanged) == (0, 6)
    assert again.corrections.articles == result.corrections.articles  # counted from the ledger


def test_curation_incremental_counts_the_corrections_of_skipped_articles(tmp_path, corpus):
    store = tmp_path / "store"
    corrections = _file(tmp_path, "first.toml", FIRST)
    build([corpus], store=store, corrections=corrections)
    result = build([corpus], store=store, corrections=corrections)
    assert result.unchanged == 6
    assert dict(result.corrections.articles) == {
        "c-alias": 2,
        "c-rename": 1,
        "c-merge": 1,
        "c-date": 1,
    }
    assert result.corrections.unmatched == []


def test_curation_incremental_a_pending_article_is_built_again(tmp_path, corpus):
    store = tmp_path / "store"
    corrections = _file(tmp_path, "first.toml", FIRST)
    build([corpus], store=store, corrections=corrections)
    graph = iri.document_iri("a6")
    with ArticleStore(store, create=False, read_only=True) as s:
        content_hash = s.article_hashes()[graph]
    # as a build interrupted while it stored a6 again leaves it
    Ledger(store).mark_pending(graph, content_hash)
    result = build([corpus], store=store, corrections=corrections)
    assert (result.recorrected, result.unchanged) == (1, 5)


@pytest.mark.parametrize(("corrections", "rebuilt"), [(None, 0), (FIRST, 6)])
def test_curation_incremental_a_store_without_records(tmp_path, corpus, corrections, rebuilt):
    """A store built before records were kept was built without corrections: with none it
    is up to date, with some every article is built again (what it names is unknown)."""
    store = tmp_path / "store"
    build([corpus], store=store)
    shutil.rmtree(store / LEDGER_DIR)
    result = build([corpus], store=store, corrections=_file(tmp_path, "c.toml", corrections))
    assert (result.recorrected, result.unchanged) == (rebuilt, 6 - rebuilt)
