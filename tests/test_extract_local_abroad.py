"""Governments of places abroad written without their country (sentences written for these
tests; no article text)."""

from __future__ import annotations

import pytest

from kg.extract import extract
from kg.records import Document, Entity


def _read(text: str) -> tuple[set[tuple[str, str]], set[tuple[str, str, str]]]:
    ex = extract(Document(id="abroad", text=text))
    entities = {(m.entity.cls, m.entity.label) for m in ex.mentions}
    relations = {
        (r.subject.label, r.predicate, r.object.label)
        for r in ex.relations
        if isinstance(r.object, Entity)
    }
    return entities, relations


@pytest.mark.parametrize(
    "text, title, body, country",
    [
        # a province's government, the state written sentences before
        (
            "老挝经贸代表团12日抵达昆明。当天，西双版纳傣族自治州人民政府与琅勃拉邦省政府"
            "签署《旅游合作协议》。",
            "旅游合作协议",
            "老挝琅勃拉邦省政府",
            "老挝",
        ),
        # a region's executive committee (Belarus's regions), the state written before
        (
            "黑龙江省代表团访问白俄罗斯。黑龙江省人民政府与戈梅利州执行委员会签署"
            "《农业合作协议》。",
            "农业合作协议",
            "白俄罗斯戈梅利州执行委员会",
            "白俄罗斯",
        ),
        # a city's people's committee (Viet Nam's local governments)
        (
            "越南客商代表团访问广西。会谈后，凭祥市人民政府与同登市人民委员会签署"
            "《边民互市合作协议》。",
            "边民互市合作协议",
            "越南同登市人民委员会",
            "越南",
        ),
        # a city's government, a county of another state named after it
        (
            "哈萨克斯坦阿拉木图州代表团来访。伊宁市人民政府与塔尔迪库尔干市政府"
            "签署《友好交流备忘录》。",
            "友好交流备忘录",
            "哈萨克斯坦塔尔迪库尔干市政府",
            "哈萨克斯坦",
        ),
        # a district's coordination committee, written after its state
        (
            "吉隆县人民政府与尼泊尔拉苏瓦县协调委员会签署《边境贸易合作备忘录》。",
            "边境贸易合作备忘录",
            "尼泊尔拉苏瓦县协调委员会",
            "尼泊尔",
        ),
    ],
)
def test_local_abroad_governments_sign_for_their_state(text, title, body, country):
    entities, relations = _read(text)
    assert ("Agency", body) in entities
    assert (body, "jurisdiction", country) in relations
    assert (title, "party", body) in relations


@pytest.mark.parametrize(
    "text",
    [
        # the words of a clause before 市政府, 县政府 and 省政府 name no place abroad
        "日本游客来访。在海南，很多城市政府已经出台政策。",
        "美国记者来访。县里对此十分重视，指示县政府办公室尽快答复。",
        "俄罗斯客人出席。省长王建平代表省政府签署《合作协议》。",
        # a division of China is no place abroad, whatever state is written before it
        "德国企业代表参加。会上，黔东南州政府与企业签署《投资协议》。",
    ],
)
def test_local_abroad_clauses_and_chinese_places_are_no_foreign_body(text):
    entities, _relations = _read(text)
    foreign = [
        label for cls, label in entities if cls == "Agency" and label[:2] in "日本美国俄罗斯德国"
    ]
    assert foreign == []


@pytest.mark.parametrize(
    "text, body, short",
    [
        # a body of a place abroad written in full, then without its country and province
        (
            "越南老街省沙巴市政府代表团来访。会谈后，河口瑶族自治县人民政府与沙巴市政府"
            "签署《旅游合作协议》。",
            "越南老街省沙巴市政府",
            "越南沙巴市政府",
        ),
        # the start of the name follows the words of the clause (经…特批, 由…主办)
        (
            "南非华人社团介绍，经开普敦市政府特批，除夕当天举行巡游。",
            "南非开普敦市政府",
            "南非经开普敦市政府",
        ),
    ],
)
def test_local_abroad_a_body_is_read_once_and_whole(text, body, short):
    entities, _relations = _read(text)
    assert ("Agency", body) in entities
    assert ("Agency", short) not in entities


def test_local_abroad_both_after_the_title_are_the_clause_signers():
    # 双方 after the title tells what the signers will do; it does not stand for the
    # parties of the signing before
    text = (
        "俄罗斯滨海边疆区代表团来访。当天，绥芬河市人民政府与乌苏里斯克市政府签署"
        "《口岸合作协议》。黑龙江省农业投资集团有限公司则与当地企业滨海农业公司签署"
        "《水稻种植合作协议》，双方将合作种植水稻。"
    )
    _entities, relations = _read(text)
    parties = {o for s, p, o in relations if s == "水稻种植合作协议" and p == "party"}
    assert "黑龙江省农业投资集团有限公司" in parties
    assert not parties & {"绥芬河市人民政府", "俄罗斯乌苏里斯克市政府"}


@pytest.mark.parametrize(
    "text, title, body, country",
    [
        # a ministry written without its state, after a body read and 与, and first before 与
        (
            "柬埔寨农业代表团访问广西。当天，广西壮族自治区农业农村厅与农林渔业部签署"
            "《热带作物合作备忘录》。",
            "热带作物合作备忘录",
            "柬埔寨农林渔业部",
            "柬埔寨",
        ),
        (
            "蒙古国副总理访问内蒙古。会谈后，矿业和重工业部与内蒙古自治区自然资源厅签署"
            "《矿产资源合作备忘录》。",
            "矿产资源合作备忘录",
            "蒙古矿业和重工业部",
            "蒙古",
        ),
    ],
)
def test_local_abroad_ministries_sign_for_the_state_named_before(text, title, body, country):
    entities, relations = _read(text)
    assert ("Agency", body) in entities
    assert (title, "party", body) in relations
    assert (body, "jurisdiction", country) in relations


@pytest.mark.parametrize(
    "text",
    [
        # a company's or a site's department, and China's ministry, are none of a state's
        "泰国客商来访。当天，中铁项目部与昆明市交通运输局签署施工协议。",
        "日本代表团来访。当天，江苏省商务厅与商务部签署《外贸合作协议》。",
        # a state's name inside a Chinese place's (内蒙古) is no state named
        "代表团访问内蒙古。会谈后，能源部与内蒙古自治区能源局签署《风电合作备忘录》。",
    ],
)
def test_local_abroad_departments_and_china_s_ministries_are_no_ministry_abroad(text):
    entities, _relations = _read(text)
    assert not any(label.startswith(("泰国", "日本", "蒙古")) for _cls, label in entities)
