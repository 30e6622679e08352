"""Governments of towns and townships (sentences written for these tests; no article text)."""

from __future__ import annotations

import pytest

from kg.extract import extract
from kg.records import Document, Entity


def _read(text: str) -> tuple[set[str], set[tuple[str, str, str]]]:
    ex = extract(Document(id="town", text=text))
    agencies = {m.entity.label for m in ex.mentions if m.entity.cls == "Agency"}
    relations = {
        (r.subject.label, r.predicate, r.object.label)
        for r in ex.relations
        if isinstance(r.object, Entity)
    }
    return agencies, relations


@pytest.mark.parametrize(
    "text, body",
    [
        # after its county, a county-level city or a city's district (labelled with its city)
        ("湄潭县永兴镇人民政府发布通知。", "湄潭县永兴镇人民政府"),
        ("据介绍，都匀市墨冲镇政府组织了培训。", "都匀市墨冲镇人民政府"),
        ("南岸区峡口镇政府牵头整治。", "重庆市南岸区峡口镇人民政府"),
        # on its own, once the article has placed the town in its county
        ("雷山县丹江镇位于县城。丹江镇人民政府与企业签约。", "雷山县丹江镇人民政府"),
        # on its own, a town the article never places: by its own name
        ("检察院向朗德乡政府发出建议。", "朗德乡人民政府"),
    ],
)
def test_townships_governments_are_agencies(text, body):
    agencies, _relations = _read(text)
    assert body in agencies


@pytest.mark.parametrize(
    "text",
    [
        # the words of a clause before 镇政府 name no town
        "记者来到镇政府旁的村部。",
        "他们也要坐到镇政府门口。",
        "当地镇政府和各乡镇政府都很重视。",
        "乡党委和乡政府共同研究。",
        "县乡政府要落实责任。",
    ],
)
def test_townships_clauses_name_no_town(text):
    agencies, _relations = _read(text)
    assert not any(label.endswith(("镇人民政府", "乡人民政府")) for label in agencies)


def test_townships_a_town_government_signs():
    text = "日前，黔南州文旅集团与平塘县克度镇人民政府签署《天文小镇运营合作协议》。"
    _agencies, relations = _read(text)
    assert ("天文小镇运营合作协议", "party", "平塘县克度镇人民政府") in relations


@pytest.mark.parametrize(
    "text, bodies",
    [
        # a sub-district office after its county-level city or district, and listed after one
        ("沈阳市和平区南湖街道办事处与医院签约。", {"沈阳市和平区南湖街道办事处"}),
        (
            "景洪市允景洪街道办事处和嘎兰街道办事处共同举办活动。",
            {"景洪市允景洪街道办事处", "景洪市嘎兰街道办事处"},
        ),
        # a sub-district's name never placed, or a person's office, is none
        ("公园街道办事处组织志愿者。", set()),
        ("一位街道办事处主任说。", set()),
        ("西城区一位街道办事处主任说。", set()),
    ],
)
def test_townships_sub_district_offices(text, bodies):
    agencies, _relations = _read(text)
    assert {a for a in agencies if a.endswith("街道办事处")} == bodies
