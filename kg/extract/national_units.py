"""Units of a national body in a province, a city or a region (中国人民银行成都分行, 生态环境部华东督察局)."""

from __future__ import annotations

import re

from kg.extract.lexicon import Lexicon

__all__ = ["REGIONAL_ADMINISTRATION", "regional_administration_label", "unit_after"]

# The regions national bodies name their units after: the regional administrations of
# 中国民用航空局 (华北, 东北, 华东, 中南, 西南, 西北, 新疆地区管理局), the regional inspection
# bureaus of 生态环境部 and 自然资源部 (华北, 华东, 华南, 西北, 西南, 东北; 北京, 沈阳, 上海,
# 南京, 济南, 广州, 武汉, 成都, 西安 are cities) and the sea-area bureaus of 自然资源部 (北海,
# 东海, 南海局), as the bodies' own sites name them.
_REGIONS = frozenset(
    {"华北", "东北", "华东", "华中", "华南", "中南", "西南", "西北", "北海", "东海", "南海"}
)
# The organ of a unit, after its place or region: a central bank's branches and its office in a
# municipality, a statistics survey team, a regulator's local bureau, an inspection bureau, a
# regional administration, a branch bureau; 局 alone after a region (自然资源部北海局).
_UNIT = re.compile(
    r"(?P<where>[\u4e00-\u9fff]{2,6}?)"
    r"(?P<organ>营业管理部|中心支行|调查总队|监管办公室|监管局|督察局|地区管理局|管理局|分行|分局|局)"
    r"(?![长内机])"
)
# 民航西南地区管理局, 中国民用航空西南地区管理局: a regional administration written without
# 中国民用航空局 before it.
REGIONAL_ADMINISTRATION = re.compile(
    r"(?:中国民用航空局?|民航局?)(?P<region>华北|东北|华东|中南|西南|西北|新疆)地区管理局(?![长内])"
)


def regional_administration_label(region: str) -> str:
    """The official name of a regional administration of civil aviation."""
    return f"中国民用航空{region}地区管理局"


def _place_or_region(where: str, lex: Lexicon) -> bool:
    if where in _REGIONS or where.removesuffix("地区") in _REGIONS:
        return True
    return bool(lex.divisions.codes_named(where))


def unit_after(norm: str, e: int, ministry: str, lex: Lexicon) -> tuple[int, str] | None:
    """The end and the label of a unit of ``ministry`` (its canonical name) written right after
    it at ``e``: the place or region and the unit's organ (人民银行 + 广州分行 →
    中国人民银行广州分行); None when what follows is not a place and an organ."""
    m = _UNIT.match(norm, e)
    if m is None or not _place_or_region(m["where"], lex):
        return None
    if m["organ"] == "局" and m["where"] not in _REGIONS:
        return None  # 局 alone names a unit after a region only (北海局)
    head = ministry.removeprefix("中华人民共和国")
    if head == "中国民用航空局" and m["organ"] == "地区管理局":
        return m.end(), regional_administration_label(m["where"])
    return m.end(), head + m.group()
