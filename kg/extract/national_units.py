"""Units of a national body in a province, a city or a region (中国人民银行成都分行, 生态环境部华东督察局)."""

from __future__ import annotations

import re
from collections.abc import Iterator

from kg.extract.lexicon import Lexicon

__all__ = ["regional_administrations", "regulator_bureaus", "unit_after"]

# The regions national bodies name their units after: the regional administrations of
# 中国民用航空局 (华北, 东北, 华东, 中南, 西南, 西北, 新疆地区管理局), the regional inspection
# bureaus of 生态环境部 and 自然资源部 (华北, 华东, 华南, 西北, 西南, 东北; 北京, 沈阳, 上海,
# 南京, 济南, 广州, 武汉, 成都, 西安 are cities) and the sea-area bureaus of 自然资源部 (北海,
# 东海, 南海局), as the bodies' own sites name them.
_REGIONS = frozenset(
    {"华北", "东北", "华东", "华中", "华南", "中南", "西南", "西北", "北海", "东海", "南海"}
)
# The organ of a unit, after its place or region: a central bank's branches and its office in a
# municipality, a statistics survey corps or team, a regulator's local bureau, an inspection
# bureau, a regional administration, a branch bureau; 局 alone after a region (自然资源部北海局).
_UNIT = re.compile(
    r"(?P<where>[\u4e00-\u9fff]{2,8}?)"
    r"(?P<organ>营业管理部|外汇管理部|中心支行|调查总队|调查队|监管办公室|监管局|督察局"
    r"|地区管理局|管理局|分行|分局|局)"
    r"(?![长内机])"
)
_CIVIL_AVIATION = "中国民用航空"
# 民航西南地区管理局, 中国民用航空西南地区管理局, 民航西南局, 民航西藏区局: a regional
# administration of civil aviation written without 中国民用航空局 before it (the six regions
# and 新疆 have 地区管理局, 西藏 its 自治区管理局).
_REGIONAL_ADMINISTRATION = re.compile(
    r"(?:中国民用航空局?|民航局?)"
    r"(?:(?P<region>华北|东北|华东|中南|西南|西北|新疆)(?:地区管理局|局)|西藏(?:自治区管理局|区局))"
    r"(?![长内])"
)
# The local bureaus of the financial regulators by their short names (江苏银保监局, 深圳证监局):
# the regulator they belong to.
_REGULATOR_SHORT = {
    "银保监局": "中国银行保险监督管理委员会",
    "证监局": "中国证券监督管理委员会",
    "银监局": "中国银行业监督管理委员会",
    "保监局": "中国保险监督管理委员会",
}
_REGULATOR = re.compile("|".join(_REGULATOR_SHORT))


def _where(where: str, lex: Lexicon) -> str | None:
    """The name of a place or region a unit is named after, as its label writes it: as written,
    but an autonomous region in full (广西区 → 广西壮族自治区); None when it is no place."""
    if where in _REGIONS or where.removesuffix("地区") in _REGIONS:
        return where
    if lex.divisions.codes_named(where):
        return where
    if where.endswith("区"):
        codes = [c for c in lex.divisions.codes_named(where[:-1]) if c.endswith("0000")]
        full = [lex.divisions.by_code[c].name for c in codes]
        if len(full) == 1 and full[0].endswith("自治区"):
            return full[0]  # 人民银行广西区分行
    return None


def unit_after(norm: str, e: int, ministry: str, lex: Lexicon) -> tuple[int, str] | None:
    """The end and the label of a unit of ``ministry`` (its canonical name) written right after
    it at ``e``: the place or region and the unit's organ (人民银行 + 广州分行 →
    中国人民银行广州分行); None when what follows is not a place and an organ."""
    m = _UNIT.match(norm, e)
    where = _where(m["where"], lex) if m is not None else None
    if m is None or where is None:
        return None
    if m["organ"] == "局" and where not in _REGIONS:
        return None  # 局 alone names a unit after a region only (北海局)
    head = ministry.removeprefix("中华人民共和国")
    if head == _CIVIL_AVIATION + "局" and m["organ"].endswith("管理局"):
        head = _CIVIL_AVIATION  # 中国民用航空华东地区管理局, the administration's own name
    return m.end(), head + where + m["organ"]


def regional_administrations(norm: str) -> Iterator[tuple[int, int, str]]:
    """Regional administrations of civil aviation written without their administration before
    them (民航西南局): where each is written and its official name."""
    for m in _REGIONAL_ADMINISTRATION.finditer(norm):
        region = m["region"]
        label = (
            f"{_CIVIL_AVIATION}{region}地区管理局"
            if region
            else f"{_CIVIL_AVIATION}西藏自治区管理局"
        )
        yield m.start(), m.end(), label


def regulator_bureaus(norm: str, lex: Lexicon) -> Iterator[tuple[int, int, str]]:
    """Local bureaus of the financial regulators by their short names (江苏银保监局 →
    中国银行保险监督管理委员会江苏监管局): where each is written and its official name."""
    for m in _REGULATOR.finditer(norm):
        k = next(
            (
                k
                for k in range(min(5, m.start()), 1, -1)
                if lex.divisions.codes_named(norm[m.start() - k : m.start()])
            ),
            0,
        )
        if not k:
            continue  # 各地银保监局: no place, no one bureau
        where = norm[m.start() - k : m.start()]
        if len(where) > 2 and where[-1] in "省市":
            where = where[:-1]  # 江苏省银保监局: the bureau is named with the short name
        yield m.start() - k, m.end(), _REGULATOR_SHORT[m.group()] + where + "监管局"
