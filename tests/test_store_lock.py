"""One writer at a time per store, whatever its backend: a second build into a store that
a build is writing fails at once with one line, and no article of either is lost."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time

import pytest

from kg.model import iri
from kg.store import ArticleStore, StoreError
from kg.store.lock import LOCK_FILE, StoreLock

from .conftest import ROOT

GOOD = "3月5日，北京市科委与天津市科技局签署《京津科技合作协议》。"
OTHER = "4月8日，重庆市科技局与四川省科技厅签署《川渝科技创新合作协议》。"


def _kg_build(*args, wait=True):
    command = [sys.executable, "-m", "kg", "build", *map(str, args), "--jobs", "1"]
    env = {**os.environ, "PYTHONIOENCODING": "utf-8"}
    if wait:
        return subprocess.run(
            command, cwd=ROOT, capture_output=True, text=True, timeout=120, env=env
        )
    return subprocess.Popen(
        command, cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=env
    )


def _jsonl(rows):
    return "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows).encode("utf-8")


def _until(condition, what, proc, seconds=60):
    deadline = time.monotonic() + seconds
    while not condition():
        assert proc.poll() is None, f"the first build ended: {proc.communicate()}"
        assert time.monotonic() < deadline, what
        time.sleep(0.05)


def _write_fifo(path, data, proc):
    """Write ``data`` into the named pipe ``path`` once the build reads it, and close it."""
    fd = None

    def opened():
        nonlocal fd
        try:
            fd = os.open(path, os.O_WRONLY | os.O_NONBLOCK)
        except OSError:  # no reader yet
            return False
        return True

    _until(opened, "the first build did not read its input", proc)
    os.set_blocking(fd, True)
    with os.fdopen(fd, "wb") as handle:
        handle.write(data)


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="a named pipe holds the first build")
@pytest.mark.parametrize("backend", ["rdflib", "oxigraph"])
def test_store_lock_second_build_fails_and_no_article_is_lost(tmp_path, backend):
    """The first build reads its articles from a named pipe, so it holds the store open
    until the test writes them; the second build meanwhile is turned away."""
    store = tmp_path / "store"
    first_feed = tmp_path / "first.jsonl"
    os.mkfifo(first_feed)
    second_feed = tmp_path / "second.jsonl"
    second_feed.write_bytes(_jsonl([{"id": "b1", "text": OTHER}, {"id": "b2", "text": GOOD}]))
    first = _kg_build(first_feed, "--store", store, "--store-backend", backend, wait=False)
    try:
        lock = store / LOCK_FILE
        _until(
            lambda: lock.is_file() and lock.read_text() == f"{first.pid}\n",
            "the first build did not lock the store",
            first,
        )
        second = _kg_build(second_feed, "--store", store)
        assert second.returncode == 2, second
        assert second.stderr == (
            f"kg build: error: {store}: the store is in use by another writer "
            f"(process {first.pid}); wait until it ends, or build into another store\n"
        )
        _write_fifo(
            first_feed, _jsonl([{"id": "a1", "text": GOOD}, {"id": "a2", "text": OTHER}]), first
        )
        out, err = first.communicate(timeout=120)
    finally:
        if first.poll() is None:
            first.kill()
            first.communicate()
    assert first.returncode == 0, err
    # the store is free again: the second build goes in beside the first's articles
    again = _kg_build(second_feed, "--store", store)
    assert again.returncode == 0, again.stderr
    with ArticleStore(store, create=False, read_only=True) as opened:
        assert opened.graphs() == sorted(iri.document_iri(d) for d in ("a1", "a2", "b1", "b2"))


@pytest.mark.parametrize("backend", ["rdflib", "oxigraph"])
def test_store_lock_is_held_while_open_to_write(tmp_path, backend):
    ArticleStore(tmp_path / "s", backend).close()
    writer = ArticleStore(tmp_path / "s")
    with pytest.raises(StoreError, match="in use by another writer"):
        StoreLock(tmp_path / "s")
    with ArticleStore(tmp_path / "s", create=False, read_only=True) as reader:  # readers may
        assert reader.graphs() == []
    writer.close()
    StoreLock(tmp_path / "s").release()
    with ArticleStore(tmp_path / "s"):  # the lock file is no stranger in a store
        pass


def test_store_lock_of_a_new_store_allows_creating_it(tmp_path):
    """A store being created: the lock file alone does not make the directory foreign."""
    (tmp_path / "new").mkdir()
    (tmp_path / "new" / LOCK_FILE).write_text("", encoding="utf-8")
    ArticleStore(tmp_path / "new", "rdflib").close()
    (tmp_path / "other").mkdir()
    (tmp_path / "other" / "notes.txt").write_text("x", encoding="utf-8")
    with pytest.raises(StoreError, match="exists and is not a store"):
        ArticleStore(tmp_path / "other")
    assert sorted(p.name for p in (tmp_path / "other").iterdir()) == ["notes.txt"]
