"""Quantities: numerals, 万/亿 multiplied out, units, and the indicator before a number."""

from __future__ import annotations

from decimal import Decimal

import pytest

from kg.extract import Lexicon
from kg.extract.quantities import find_quantities, indicator_before, normalize_decimal


@pytest.fixture(scope="module")
def lex() -> Lexicon:
    return Lexicon.default()


@pytest.mark.parametrize(
    "text, value, unit",
    [
        ("年产量达到300万辆", "3000000", "Vehicle"),
        ("实现产值6000亿元", "600000000000", "Yuan"),
        ("年发电量约6000万千瓦时", "60000000", "KilowattHour"),
        ("规划面积1198平方公里", "1198", "SquareKilometre"),
        ("规划面积394.2平方公里", "394.2", "SquareKilometre"),
        ("区域面积约7.62万平方公里", "76200", "SquareKilometre"),
        ("总投资约4.8亿元", "480000000", "Yuan"),
        ("日处理垃圾600吨", "600", "Tonne"),
        ("建成基站7万余个", "70000", "Item"),
        ("培训5万人次", "50000", "Person"),
        ("惠及居民38万户", "380000", "Household"),
        ("规划用地约3000亩", "3000", "Mu"),
        ("装机容量120万千瓦", "1200000", "Kilowatt"),
        ("全长约164公里", "164", "Kilometre"),
        ("共有十二个", "12", "Item"),
        ("突破1万亿元", "1000000000000", "Yuan"),
        ("比例达到85%", "85", "Percent"),
        ("装机200兆瓦", "200000", "Kilowatt"),
    ],
)
def test_quantities_values_in_the_unit(lex, text, value, unit):
    found = find_quantities(text, lex)
    assert [(str(q.value), q.unit) for q in found] == [(value, unit)]


@pytest.mark.parametrize(
    "text, values",
    [
        # 28 digits in all: read exactly
        ("总投资1234567890123456789012345678元", ["1234567890123456789012345678"]),
        ("总投资12345678901234567890亿元", ["1234567890123456789000000000"]),
        ("规划面积1234567890123456789012345678平方公里", ["1234567890123456789012345678"]),
        # more: skipped, not rounded (and never an error)
        ("总投资12345678901234567890123456789亿元", []),
        ("总投资12345678901234567890123456789元", []),
        ("总投资1234567890123456789012345678亿元", []),
        ("总投资1.2345678901234567890123456789亿元", []),
        ("产量达到99999999999999999999999999999999万辆，产值6000亿元", ["600000000000"]),
        ("总投资" + "9" * 4000 + "亿元", []),
    ],
)
def test_quantities_numbers_too_long_to_read_exactly_are_skipped(lex, text, values):
    assert [str(q.value) for q in find_quantities(text, lex)] == values


def test_quantities_number_inside_a_code_is_not_a_quantity(lex):
    assert find_quantities("建设5G基站和G60科创走廊", lex) == []


@pytest.mark.parametrize(
    "value, expected",
    [(Decimal("3.7") * 10000, "37000"), (Decimal("394.2"), "394.2"), (Decimal("1.50"), "1.5")],
)
def test_quantities_decimals_have_no_exponent(value, expected):
    assert str(normalize_decimal(value)) == expected


@pytest.mark.parametrize(
    "clause, indicator",
    [
        ("计划到2025年,两市汽车产量将达到", "汽车产量"),
        ("实现产值", "产值"),
        ("该项目投运后可日处理垃圾", "日处理垃圾"),
        ("年发电量约", "年发电量"),
        ("三地累计互认专业技术人才", "互认专业技术人才"),
        ("力争到2025年,两区地区生产总值合计突破", "地区生产总值"),
        ("四市联合实施科技攻关项目", "联合实施科技攻关项目"),
        # modal and aspirational words before the verb are not part of the indicator
        ("到2027年,两地汽车产量力争达到", "汽车产量"),
        ("两市研发投入将力争突破", "研发投入"),
        ("三地游客接待量有望实现", "游客接待量"),
        ("全省粮食产量预计将达到", "粮食产量"),
        ("两地装机容量争取达到", "装机容量"),
        ("新增充电桩计划达到", "新增充电桩"),
        ("数据中心机架要达到", "数据中心机架"),
        ("地区生产总值确保突破", "地区生产总值"),
        ("年产值力求超过", "年产值"),
        ("产值力争实现", "产值"),
        ("争取年产值达到", "年产值"),
    ],
)
def test_quantities_indicator_before_the_number(clause, indicator):
    text = clause + "100万吨"
    assert indicator_before(text, len(clause), 0) == indicator


@pytest.mark.parametrize("clause", ["到2025年,力争达到", "将力争突破", "预计"])
def test_quantities_modal_and_verb_alone_name_no_indicator(clause):
    text = clause + "100万吨"
    assert indicator_before(text, len(clause), 0) is None


@pytest.mark.parametrize(
    "text, expected",
    [
        # the noun a count counts follows it
        ("目前已有32家科研机构入驻", "科研机构入驻"),
        ("已有15个团队，", "团队"),
    ],
)
def test_quantities_indicator_after_a_count(text, expected, lex):
    from kg.extract.quantities import indicator_after

    q = find_quantities(text, lex)[0]
    assert indicator_after(text, q.end, len(text)) == expected
