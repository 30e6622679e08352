"""Reading articles: .txt with sidecars, directories, .jsonl; every bad input named clearly."""

from __future__ import annotations

import datetime
import json

import pytest

from kg.errors import InputError
from kg.io.articles import decode_text, iter_articles, parse_date, read_documents
from kg.records import Document, Rejection

TEXT = "3月5日，北京市科委与天津市科技局签署合作协议。"


def test_sources_reads_txt_with_sidecar(tmp_path):
    (tmp_path / "a.txt").write_text(TEXT, encoding="utf-8")
    (tmp_path / "a.meta.json").write_text(
        json.dumps({"published": "2023-03-06", "title": "标题", "url": "https://example.org/a"}),
        encoding="utf-8",
    )
    [doc] = read_documents([tmp_path / "a.txt"])
    assert (doc.id, doc.text, doc.published, doc.title, doc.url, doc.encoding) == (
        "a",
        TEXT,
        datetime.date(2023, 3, 6),
        "标题",
        "https://example.org/a",
        "utf-8",
    )


def test_sources_reads_directory_and_jsonl_in_order(tmp_path):
    (tmp_path / "b.txt").write_text(TEXT, encoding="utf-8")
    (tmp_path / "a.txt").write_text(TEXT, encoding="utf-8")
    (tmp_path / "notes.md").write_text("ignored", encoding="utf-8")
    lines = [
        {"id": "j1", "title": "t", "text": TEXT, "published": "2024-01-02", "url": "u"},
        {"id": "j2", "text": TEXT},
    ]
    (tmp_path / "c.jsonl").write_text(
        "\n".join(json.dumps(x, ensure_ascii=False) for x in lines) + "\n\n", encoding="utf-8"
    )
    docs = read_documents([tmp_path])
    assert [d.id for d in docs] == ["a", "b", "j1", "j2"]
    assert docs[2].published == datetime.date(2024, 1, 2)


@pytest.mark.parametrize("encoding", ["gb18030", "gbk", "utf-8-sig"])
def test_sources_decodes_chinese_encodings(encoding):
    text, used = decode_text(TEXT.encode(encoding), "x")
    assert text == TEXT
    assert used == ("utf-8" if encoding == "utf-8-sig" else "gb18030")


@pytest.mark.parametrize(
    ("raw", "text"),
    [
        ("甲\t乙\f丙\n", "甲\t乙\n丙\n"),  # tabs are text, a form feed breaks a line
        ("甲\r\n乙\r丙", "甲\n乙\n丙"),  # line ends become \\n
        ("新闻" * 60 + "\x1b", "新闻" * 60),  # one stray control in 121: read, then dropped
    ],
)
def test_sources_decode_keeps_text_with_few_control_characters(raw, text):
    assert decode_text(raw.encode("utf-8"), "x") == (text, "utf-8")


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("2021-12-18", datetime.date(2021, 12, 18)),
        ("2021-12-18T08:00:00+08:00", datetime.date(2021, 12, 18)),
        (None, None),
    ],
)
def test_sources_parses_published_dates(value, expected):
    assert parse_date(value, "x") == expected


def _write(tmp_path, name, content):
    path = tmp_path / name
    if isinstance(content, bytes):
        path.write_bytes(content)
    else:
        path.write_text(content, encoding="utf-8")
    return path


BAD_INPUTS = [
    # (files to write, input name, words the error must contain)
    ({}, "missing.txt", "no such file"),
    ({"empty.txt": ""}, "empty.txt", "empty file"),
    ({"blank.txt": " \n\n "}, "blank.txt", "empty file"),
    ({"bin.txt": bytes(range(256)) * 4}, "bin.txt", "binary file"),
    ({"png.txt": b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR"}, "png.txt", "binary file"),
    # no NUL byte, but control characters (escape, vertical tab...) in one of ten
    ({"ctl.txt": ("新闻\x1b\x0b" + "合作" * 9).encode()}, "ctl.txt", "binary file"),
    (
        {"c.jsonl": '{"id": "a", "text": "好"}\n{"id": "b", "text": \n'},
        "c.jsonl",
        "c.jsonl:2: malformed JSON line",
    ),
    (
        {"c.jsonl": '{"id": "a", "text": "好"}\n["x"]\n'},
        "c.jsonl",
        "c.jsonl:2: expected a JSON object",
    ),
    ({"c.jsonl": '{"id": "a"}\n'}, "c.jsonl", "c.jsonl:1: missing or empty 'text'"),
    (
        {"c.jsonl": '{"id": "a", "text": "好", "published": "17/12/2021"}\n'},
        "c.jsonl",
        "c.jsonl:1: bad date",
    ),
    (
        {"a.txt": TEXT, "a.meta.json": '{"published": "2021-13-45"}'},
        "a.txt",
        "a.meta.json: bad date",
    ),
    ({"a.txt": TEXT, "a.meta.json": '{"published": 2021}'}, "a.txt", "a.meta.json: bad date"),
    ({"a.txt": TEXT, "a.meta.json": "{not json"}, "a.txt", "a.meta.json: malformed sidecar JSON"),
    ({"a.pdf": "x"}, "a.pdf", "unsupported input"),
    (
        {"c.jsonl": '{"id": "a", "text": "好"}\n{"id": "a", "text": "好"}\n'},
        "c.jsonl",
        "duplicate document id",
    ),
]


@pytest.mark.parametrize(("files", "name", "message"), BAD_INPUTS)
def test_sources_rejects_bad_input_with_a_specific_message(tmp_path, files, name, message):
    for fname, content in files.items():
        _write(tmp_path, fname, content)
    with pytest.raises(InputError) as info:
        read_documents([tmp_path / name])
    assert message in str(info.value)
    assert "\n" not in str(info.value)


def test_sources_rejects_directory_without_articles(tmp_path):
    (tmp_path / "readme.md").write_text("x", encoding="utf-8")
    with pytest.raises(InputError, match="holds no .txt or .jsonl"):
        read_documents([tmp_path])


def test_sources_iter_articles_puts_a_rejection_in_the_place_of_a_bad_line(tmp_path):
    feed = _write(
        tmp_path,
        "c.jsonl",
        '{"id": "a", "text": "好"}\r\n[]\r\n\n{"id": "b", "text": "合\r作"}\n{"id": "c"}\n',
    )
    items = list(iter_articles([feed]))
    assert [(type(i).__name__, i.line) for i in items] == [
        ("Document", 1),
        ("Rejection", 2),
        ("Rejection", 4),  # a raw carriage return in a JSON string is no line end
        ("Rejection", 5),
    ]
    assert items[0] == Document("a", "好", path=str(feed), line=1)
    assert items[3] == Rejection(str(feed), 5, "c", "read", "missing or empty 'text'")


def test_sources_keeps_a_utf8_feed_with_a_broken_line(tmp_path):
    """A UTF-8 feed with a line that is not UTF-8 loses that line, and is not read as
    GB18030 whole."""
    good = [json.dumps({"id": f"a{i}", "text": TEXT}, ensure_ascii=False) for i in range(3)]
    broken = b'{"id": "b", "text": "\xe4\xb8"}'
    feed = _write(
        tmp_path, "c.jsonl", b"\n".join([good[0].encode(), broken, *map(str.encode, good[1:])])
    )
    items = list(iter_articles([feed]))
    assert [type(i).__name__ for i in items] == ["Document", "Rejection", "Document", "Document"]
    assert (items[0].text, items[0].encoding) == (TEXT, "utf-8")
    assert (items[1].line, items[1].reason) == (2, "line is not utf-8 text")
    assert [i.text for i in items[2:]] == [TEXT, TEXT]


@pytest.mark.parametrize(
    ("first", "second"),
    [("report 1", "report1"), ("Ｒ2", "R2"), ("a\u3000b", "ab"), ("x", "x")],
)
def test_sources_read_documents_refuses_ids_the_same_once_normalised(tmp_path, first, second):
    lines = [json.dumps({"id": i, "text": TEXT}, ensure_ascii=False) for i in (first, second)]
    feed = _write(tmp_path, "c.jsonl", "\n".join(lines))
    with pytest.raises(InputError, match=f"c.jsonl:2: duplicate document id {second!r}"):
        read_documents([feed])
