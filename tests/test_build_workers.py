"""Worker processes that die: the build neither hangs nor loses the other articles; an
article is tried again on its own, and rejected when its worker dies again."""

from __future__ import annotations

import json
import os
import signal

import pytest

from kg.build import build
from kg.records import Rejection

ARTICLES = [
    "3月5日，北京市科委与天津市科技局签署《京津科技合作协议》。",
    "4月8日，重庆市科技局与四川省科技厅签署《川渝科技创新合作协议》。",
    "中关村科学城涉及海淀区，规划面积75平方公里。",
]


def _dies(monkeypatch, tmp_path, victim, times):
    """The extractor, in a worker process, kills that process (as the out-of-memory killer
    would) the first ``times`` times it reads the article ``victim`` (counted in a file, which
    the workers share); never in the test's own process."""
    import kg.build.workers

    original = kg.build.workers.extract
    main, count = os.getpid(), tmp_path / "deaths"
    count.write_text("0", encoding="utf-8")

    def extract(doc, lexicon):
        if doc.id == victim and os.getpid() != main:  # one worker at a time reads it
            deaths = int(count.read_text(encoding="utf-8"))
            if deaths < times:
                count.write_text(str(deaths + 1), encoding="utf-8")
                os.kill(os.getpid(), signal.SIGKILL)
        return original(doc, lexicon)

    monkeypatch.setattr(kg.build.workers, "extract", extract)
    return count


# (how many times the worker extracting "a7" dies, whether a7 is rejected, into a store)
DEATHS = [
    (0, False, False),
    (1, False, False),  # tried again on its own, it is built
    (2, True, False),  # its worker dies again: rejected, every other article built
    (2, True, True),  # the same with the store open (workers forked beside its threads)
]


@pytest.fixture
def deadline():
    """Fail, rather than hang, a build that waits for a dead worker."""

    def expired(*_):
        raise TimeoutError("the build hangs")

    previous = signal.signal(signal.SIGALRM, expired)
    signal.alarm(60)
    yield
    signal.alarm(0)
    signal.signal(signal.SIGALRM, previous)


@pytest.fixture(scope="module")
def warm_lexicon():
    """jieba's dictionary loaded in this process, so that every worker forked from it,
    fresh ones too, starts with it (seconds otherwise, each)."""
    from kg.extract import Lexicon

    Lexicon.default().token_lengths("北京市科技局")


@pytest.mark.parametrize(("times", "rejected", "store"), DEATHS)
def test_build_workers_a_dead_worker_fails_its_article_alone(
    tmp_path, monkeypatch, warm_lexicon, deadline, times, rejected, store
):
    feed = tmp_path / "feed.jsonl"
    ids = [f"a{i}" for i in range(40)]  # more than one chunk per worker
    with feed.open("w", encoding="utf-8") as handle:
        for i, doc_id in enumerate(ids):
            row = {"id": doc_id, "text": ARTICLES[i % len(ARTICLES)]}
            handle.write(json.dumps(row, ensure_ascii=False) + "\n")
    deaths = _dies(monkeypatch, tmp_path, "a7", times)
    stored = tmp_path / "store" if store else None
    result = build([feed], tmp_path / "out", jobs=2, html=False, store=stored)
    assert int(deaths.read_text(encoding="utf-8")) == times
    built = [d.id for d in result.documents]
    if rejected:
        assert built == [i for i in ids if i != "a7"]
        assert result.rejects == [
            Rejection(
                str(feed),
                8,
                "a7",
                "extract",
                "the worker process extracting it died (killed by SIGKILL), twice",
            )
        ]
    else:
        assert built == ids and result.rejects == []
    text = (tmp_path / "out" / "graph.ttl").read_text(encoding="utf-8")
    assert text.count("a cy:Document") == len(built)
    result.close()


# (what the workers render, whether each article comes back with its name index)
NAME_INDEX = [
    (frozenset({"turtle"}), False),  # a build into --out keeps no ledger
    (frozenset({"ntriples"}), False),
    (frozenset({"ntriples", "names"}), True),  # a store's ledger keeps it
]


@pytest.mark.parametrize(("render", "named"), NAME_INDEX)
def test_build_workers_name_index_only_when_asked(render, named):
    from kg.build.workers import extract_chunk
    from kg.curation.names import article_names
    from kg.records import Document

    docs = [Document(id=f"n{i}", text=text) for i, text in enumerate(ARTICLES)]
    out = extract_chunk(docs, True, True, render)
    assert [a.doc_id for a in out] == [d.id for d in docs]
    for article in out:
        expected = article_names(article.extraction) if named else frozenset()
        assert article.names == expected
        assert bool(article.names) == named
        assert (article.turtle is not None) == ("turtle" in render)
