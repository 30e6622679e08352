"""All the files of one build are renamed into place together: a build that fails while
writing any of them (a full disk) leaves the earlier build's files as they were."""

from __future__ import annotations

import contextlib
import errno
import json
import os

import pytest

from kg.cli import main
from kg.io.files import StagedFiles

GOOD = "3月5日，北京市科委与天津市科技局签署《京津科技合作协议》。"
OTHER = "4月8日，重庆市科技局与四川省科技厅签署《川渝科技创新合作协议》。"


def _feed(path, rows):
    lines = [json.dumps(row, ensure_ascii=False) if isinstance(row, dict) else row for row in rows]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def _files(folder):
    return {p.name: p.read_bytes() for p in sorted(folder.iterdir())} if folder.exists() else {}


def _disk_full_at(monkeypatch, name):
    """Make writing the staged file ``name`` fail part-way, as on a full disk."""
    original = StagedFiles.open

    @contextlib.contextmanager
    def open_(self, target):
        with original(self, target) as handle:
            if target == name:
                handle.write("the first bytes reached the disk")
                handle.flush()
                raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC), str(self.directory / target))
            yield handle

    monkeypatch.setattr(StagedFiles, "open", open_)


# (the file whose writing fails, the formats asked for, whether a first build wrote the folder)
FAILURES = [
    ("graph.html", ["turtle"], True),
    ("graph.html", ["turtle", "ntriples", "jsonld"], True),
    ("graph.ttl", ["turtle", "ntriples"], True),
    ("graph.jsonld", ["turtle", "jsonld"], True),
    ("rejects.jsonl", ["turtle"], True),
    ("graph.html", ["turtle"], False),
]


@pytest.mark.parametrize(("failing", "formats", "first"), FAILURES)
def test_build_outputs_a_failed_write_leaves_the_earlier_build(
    tmp_path, monkeypatch, capsys, failing, formats, first
):
    out = tmp_path / "out"
    options = ["--out", str(out), "--html", "--jobs=1", *(f"--format={f}" for f in formats)]
    if first:
        feed = _feed(tmp_path / "first.jsonl", [{"id": "a", "text": GOOD}])
        assert main(["build", str(feed), *options]) == 0
    before = _files(out)
    assert not first or {"graph.html", "rejects.jsonl", "graph.ttl"} <= before.keys()
    # a second build, of other articles (and a reject), fails while writing one file
    rows = [{"id": "a", "text": OTHER}, {"id": "b", "text": GOOD}, "{broken"]
    feed = _feed(tmp_path / "second.jsonl", rows)
    _disk_full_at(monkeypatch, failing)
    capsys.readouterr()
    assert main(["build", str(feed), *options]) == 1
    err = capsys.readouterr().err
    assert err == (
        f"kg build: error: {out / failing}: cannot write the outputs (No space left on device)\n"
    )
    assert _files(out) == before  # the same files, byte for byte, and no temporary one


def test_build_outputs_are_replaced_together(tmp_path, capsys):
    out = tmp_path / "out"
    feed = _feed(tmp_path / "first.jsonl", [{"id": "a", "text": GOOD}])
    assert (
        main(["build", str(feed), "--out", str(out), "--html", "--jobs=1", "--format=ntriples"])
        == 0
    )
    first = _files(out)
    feed = _feed(tmp_path / "second.jsonl", [{"id": "a", "text": OTHER}, "{broken"])
    assert (
        main(["build", str(feed), "--out", str(out), "--html", "--jobs=1", "--format=ntriples"])
        == 0
    )
    second = _files(out)
    assert sorted(second) == ["graph.html", "graph.nt", "graph.ttl", "rejects.jsonl"]
    wrote = [line for line in capsys.readouterr().out.splitlines() if line.startswith("wrote")]
    assert wrote[-4:] == [
        f"wrote {out / name}" for name in ("graph.ttl", "graph.nt", "graph.html", "rejects.jsonl")
    ]
    assert all(first[name] != second[name] for name in second)


# (files there before, files staged, the staged file whose rename fails)
RENAMES = [
    ({"a.txt": "old a", "b.txt": "old b"}, ["a.txt", "b.txt"], "b.txt"),
    ({"b.txt": "old b"}, ["a.txt", "b.txt", "c.txt"], "c.txt"),
    ({}, ["a.txt", "b.txt"], "b.txt"),
]


@pytest.mark.parametrize(("before", "staged", "failing"), RENAMES)
def test_build_outputs_a_failed_rename_puts_back_the_renamed(
    tmp_path, monkeypatch, before, staged, failing
):
    for name, text in before.items():
        (tmp_path / name).write_text(text, encoding="utf-8")
    replace = os.replace

    def refuse(src, dst):
        if os.path.basename(src).startswith(f".{failing}.") and str(src).endswith(".tmp"):
            raise OSError(errno.EIO, os.strerror(errno.EIO), str(dst))
        replace(src, dst)

    monkeypatch.setattr(os, "replace", refuse)
    with StagedFiles(tmp_path) as files, pytest.raises(OSError, match="Input/output error"):
        for name in staged:
            files.write_text(name, f"new {name}")
        files.commit()
    assert {n: b.decode() for n, b in _files(tmp_path).items()} == before
