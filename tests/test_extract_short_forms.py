"""Organisations named again by the short form given in brackets after their name
(sentences written for these tests)."""

from __future__ import annotations

import pytest

from kg.extract import extract
from kg.extract.short_forms import is_short_form
from kg.records import Document


@pytest.mark.parametrize(
    "short, name, expected",
    [
        ("中交集团", "中国交通建设集团有限公司", True),
        ("柳钢", "广西柳州钢铁集团有限公司", True),
        # a campus or a place in brackets, a word for any company
        ("广州", "香港科技大学", False),
        ("公司", "云南白药集团股份有限公司", False),
        # characters out of the name's order
        ("钢柳", "广西柳州钢铁集团有限公司", False),
    ],
)
def test_short_forms_is_short_form(short, name, expected):
    assert is_short_form(short, name) is expected


def _read(text: str) -> tuple[set[tuple[str, str]], set[tuple[str, str]]]:
    ex = extract(Document(id="t", text=text))
    orgs = {(m.span.surface, m.entity.label) for m in ex.mentions if m.entity.cls == "Organization"}
    parties = {(r.subject.label, r.object.label) for r in ex.relations if r.predicate == "party"}
    return orgs, parties


@pytest.mark.parametrize(
    "text, orgs, party",
    [
        # (以下简称“…”): the short form stands for the company, in the headline too
        (
            "柳钢与防城港签约\n广西柳州钢铁集团有限公司（以下简称“柳钢”）发布公告。柳钢与防城港市人民政府"
            "签署了《钢铁基地扩建合作协议》。",
            {("柳钢", "广西柳州钢铁集团有限公司")},
            ("钢铁基地扩建合作协议", "广西柳州钢铁集团有限公司"),
        ),
        # the short form alone in brackets is no part of the name
        (
            "广西北部湾国际港务集团有限公司（北港集团）承建码头。当天，北港集团与湛江市人民政府签订"
            "《港口建设合作协议》。",
            {("北港集团", "广西北部湾国际港务集团有限公司")},
            ("港口建设合作协议", "广西北部湾国际港务集团有限公司"),
        ),
    ],
)
def test_short_forms_stand_for_the_company(text, orgs, party):
    found, parties = _read(text)
    assert orgs <= found
    assert party in parties
    assert not any("(" in label for _surface, label in found)


def test_short_forms_a_campus_in_brackets_stays_in_the_name():
    found, _ = _read("香港科技大学（广州）与南沙区人民政府签约。")
    assert ("香港科技大学（广州）", "香港科技大学(广州)") in found


@pytest.mark.parametrize(
    "text, orgs, party",
    [
        # a group registered with (集团) after its stem: the stem, without 中国, names it again
        (
            "中国西南水泥（集团）有限公司是当地龙头。当天，西南水泥同遵义市人民政府签订"
            "《绿色建材基地合作协议》。",
            {("西南水泥", "中国西南水泥(集团)有限公司")},
            ("绿色建材基地合作协议", "中国西南水泥(集团)有限公司"),
        ),
        (
            "攀枝花钢铁（集团）有限公司发布年报。攀枝花钢铁集团与西昌市人民政府签署《钒钛产业合作协议》。",
            {("攀枝花钢铁集团", "攀枝花钢铁(集团)有限公司")},
            ("钒钛产业合作协议", "攀枝花钢铁(集团)有限公司"),
        ),
    ],
)
def test_short_forms_stem_of_a_group(text, orgs, party):
    found, parties = _read(text)
    assert orgs <= found
    assert party in parties
