"""Who signs when the signers are counted, listed with roles, or named by a word of their
kind (sentences written for these tests; no article text)."""

from __future__ import annotations

import datetime

import pytest

from kg.extract import extract
from kg.records import Document, Entity


def _parties(text: str, title: str, published: str = "2024-06-05") -> set[str]:
    doc = Document(id="lists", text=text, published=datetime.date.fromisoformat(published))
    ex = extract(doc)
    assert title in {m.entity.label for m in ex.mentions if m.entity.cls == "Agreement"}
    return {
        r.object.label
        for r in ex.relations
        if r.subject.label == title and r.predicate == "party" and isinstance(r.object, Entity)
    }


@pytest.mark.parametrize(
    "text, title, parties",
    [
        # a count after the list that is the number of bodies listed: all of them sign one text
        (
            "宁夏回族自治区教育厅、宁夏大学及北方民族大学等三家单位共同签署《高校人才共育协议》。",
            "高校人才共育协议",
            {"宁夏回族自治区教育厅", "宁夏大学", "北方民族大学"},
        ),
        (
            "宁夏回族自治区教育厅、宁夏大学和北方民族大学三家单位签署了战略合作协议。",
            "宁夏回族自治区教育厅、宁夏大学与北方民族大学战略合作协议",
            {"宁夏回族自治区教育厅", "宁夏大学", "北方民族大学"},
        ),
    ],
)
def test_signing_lists_a_closed_list_signs_together(
    text: str, title: str, parties: set[str]
) -> None:
    assert _parties(text, title) == parties


@pytest.mark.parametrize(
    "text",
    [
        # more bodies counted than named: the others are not named, each signs its own text
        "教育部已与江苏、浙江等12个省份签订《部省合作备忘录》。",
        "宁夏回族自治区教育厅与宁夏大学等五家单位签署了战略合作协议。",
    ],
)
def test_signing_lists_more_counted_than_named_is_a_bundle(text: str) -> None:
    doc = Document(id="lists", text=text, published=datetime.date(2024, 6, 5))
    ex = extract(doc)
    assert not [r for r in ex.relations if r.predicate == "party"]
