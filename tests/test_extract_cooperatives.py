"""Cooperatives named after their place (sentences written for these tests; no article text)."""

from __future__ import annotations

import pytest

from kg.extract import extract
from kg.records import Document, Entity


def _read(text: str) -> tuple[set[str], set[tuple[str, str, str]]]:
    ex = extract(Document(id="coop", text=text))
    orgs = {m.entity.label for m in ex.mentions if m.entity.cls == "Organization"}
    relations = {
        (r.subject.label, r.predicate, r.object.label)
        for r in ex.relations
        if isinstance(r.object, Entity)
    }
    return orgs, relations


@pytest.mark.parametrize(
    "text, name",
    [
        # a county, then a name and a trade
        ("当天，湄潭县茶香源茶叶种植专业合作社与企业签约。", "湄潭县茶香源茶叶种植专业合作社"),
        # a union of cooperatives of a county-level city
        ("公司与安岳县柠檬产业专业合作社联合社签署协议。", "安岳县柠檬产业专业合作社联合社"),
        # a village's joint-stock cooperative, with its town, or on its own
        ("、榕江县栽麻镇大利村股份经济合作社也在会上签字。", "榕江县栽麻镇大利村股份经济合作社"),
        ("企业与丹江村股份经济合作社签署协议。", "丹江村股份经济合作社"),
        # single characters of a village's name that the dictionary reads as verbs
        ("公司同玛多县扎拉村生态畜牧业专业合作社签约。", "玛多县扎拉村生态畜牧业专业合作社"),
    ],
)
def test_cooperatives_named_after_their_place_are_organizations(text, name):
    orgs, _relations = _read(text)
    assert name in orgs


@pytest.mark.parametrize(
    "text",
    [
        # kinds, without a place
        "村里引导农户加入农民专业合作社。",
        "他们成立了花卉合作社和养殖专业合作社。",
        # a clause before the form: a verb, a pronoun, a count
        "楚山村成立专业合作社。",
        "她组织乡亲们办起了一家股份经济合作社。",
        "全县成立3000个造林专业合作社。",
        # a province's or a city's kind
        "北京市农民专业合作社数量增加。",
    ],
)
def test_cooperatives_kinds_and_clauses_are_not_organizations(text):
    orgs, _relations = _read(text)
    assert not any(label.endswith("合作社") for label in orgs)


def test_cooperatives_a_cooperative_signs():
    text = "当天，茶企与凤冈县永安镇田坝村股份经济合作社签署《茶园托管合作协议》。"
    _orgs, relations = _read(text)
    assert ("茶园托管合作协议", "party", "凤冈县永安镇田坝村股份经济合作社") in relations
