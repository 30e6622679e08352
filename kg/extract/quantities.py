"""Numbers with units (300万辆, 6000亿元, 1198平方公里) and the indicator they measure.

A value is read exactly, as a Decimal written in at most 28 digits (Python's default
precision) once 万/亿 and the unit's factor are multiplied out; a number that would need
more (``12345678901234567890123456789亿元``) is skipped, not rounded: no report states a
quantity that precisely, and a rounded value would be a figure the text does not give.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal, DecimalException, Inexact, InvalidOperation, localcontext

from kg.extract.lexicon import Lexicon, trie_pattern
from kg.extract.numerals import small_cn_number

__all__ = [
    "QuantityHit",
    "find_quantities",
    "parse_number",
    "normalize_decimal",
    "indicator_before",
    "indicator_after",
]

_CN_DIGITS = "零〇一二两三四五六七八九十百千"
_MULT = {"万亿": Decimal(10) ** 12, "亿": Decimal(10) ** 8, "万": Decimal(10) ** 4}
# 千 and 百 only multiply when written in Chinese numerals (三千) — "3千瓦" is 3 kW.
_NUMBER = rf"(?P<num>\d+(?:,\d{{3}})*(?:\.\d+)?|[{_CN_DIGITS}]+(?:点[{_CN_DIGITS}]+)?)"
_QUANTITY_TMPL = _NUMBER + r"(?P<mult>万亿|亿|万)?(?P<approx>[余多])?(?P<unit>UNITS)"

# Words between the indicator and the number that belong to neither.
_TRAILING = (
    "将达到",
    "将超过",
    "达到",
    "超过",
    "突破",
    "约为",
    "将达",
    "可达",
    "分别为",
    "分别",
    "约",
    "达",
    "为",
    "至",
    "到",
    "将",
    "可",
    "共",
    "近",
    "超",
    "逾",
    "了",
    "累计",
    "新增",
    "总计",
    "合计",
    "共计",
    "实现",
    "完成",
)
# Modal and aspirational words before the verb (两地汽车产量力争达到, 将力争突破, 有望实现):
# they belong to the clause, not to the indicator.
_MODALS = (
    "力争",
    "争取",
    "力求",
    "努力",
    "预计",
    "预期",
    "有望",
    "可望",
    "计划",
    "确保",
    "要",
    "拟",
)
# (要 and 拟 end other words — 主要, 模拟 — so they are cut only before a verb cut off; a
# clause of nothing but a modal and a verb names no indicator: 力争达到)
_SHORT_MODALS = frozenset({"要", "拟"})
_LEADING_CUT = re.compile(
    r".*(?:实现|完成|形成|带动|投运后可|建成后可|后可|后将|每年可|累计|目前已|已|可|将|使|预计|力争|争取|有望|确保)"
)
_LEADING_SUBJECT = re.compile(
    r"^(?:[两三四五六七八九十]+(?:市|地|省|区|方)|双方|全市|全省|全区|该项目|项目|其中|每年|今年|当年|目前)"
)
_LEADING_YEAR = re.compile(r"^(?:计划|预计|力争)?(?:到|至)?\d{4}年(?:底|末)?(?:前)?")
_CLAUSE_BREAK = re.compile(r"[,，;；:：。!?、()（）“”\s]")


@dataclass(frozen=True)
class QuantityHit:
    """A quantity in the normalised text."""

    start: int
    end: int
    value: Decimal
    unit: str


def normalize_decimal(value: Decimal) -> Decimal:
    """A Decimal without exponent and without trailing zeros after the point."""
    if value == value.to_integral_value():
        return value.quantize(Decimal(1))
    return value.normalize()


def parse_number(text: str) -> Decimal | None:
    """Arabic (1,198.5) or Chinese (十二, 三点五) numerals as a Decimal."""
    text = text.replace(",", "")
    try:
        if text[0].isdigit():
            return Decimal(text)
        small = small_cn_number(text)
        if small is not None:
            return Decimal(small)
        import cn2an  # (imported here: loading it costs a few hundred milliseconds)

        return Decimal(str(cn2an.cn2an(text, "smart")))
    except (InvalidOperation, ValueError, KeyError, IndexError):
        return None


def _exact(num: Decimal, factor: Decimal, mult: str | None) -> Decimal:
    """``num`` times the unit's factor and 万/亿, exactly (raises :class:`Inexact` or
    :class:`InvalidOperation` when the value has more digits than the context holds)."""
    with localcontext() as ctx:
        ctx.traps[Inexact] = True
        value = +num * factor  # (unary plus: the number itself within the precision)
        if mult:
            value *= _MULT[mult]
        if mult or factor != 1:
            value = normalize_decimal(value)
        return value


_pattern_cache: dict[int, re.Pattern[str]] = {}


def quantity_re(lex: Lexicon) -> re.Pattern[str]:
    """The quantity pattern for this lexicon's units (compiled once)."""
    pat = _pattern_cache.get(id(lex))
    if pat is None:
        pat = re.compile(_QUANTITY_TMPL.replace("UNITS", trie_pattern(lex.units)))
        _pattern_cache[id(lex)] = pat
    return pat


def find_quantities(
    norm: str, lex: Lexicon, start: int = 0, end: int | None = None
) -> list[QuantityHit]:
    """Quantities in ``norm[start:end]`` with 万/亿 multiplied out."""
    out = []
    for m in quantity_re(lex).finditer(norm, start, len(norm) if end is None else end):
        # a number glued to a preceding digit or letter is part of a code (5G, G318)
        if m.start() > 0 and (norm[m.start() - 1].isascii() and norm[m.start() - 1].isalnum()):
            continue
        if m.start() > 0 and norm[m.start() - 1] == "第":
            continue  # 第十二座长江大桥: an ordinal, not a count
        num = parse_number(m.group("num"))
        if num is None:
            continue
        unit, factor = lex.units[m.group("unit")]
        try:
            value = _exact(num, Decimal(factor), m.group("mult"))
        except DecimalException:  # more digits than a Decimal holds exactly: skipped
            continue
        out.append(QuantityHit(m.start(), m.end(), value, unit))
    return out


def indicator_before(norm: str, pos: int, floor: int) -> str | None:
    """The indicator a number measures, read back from ``pos`` to the clause start.

    两市汽车产量将达到300万辆 → 汽车产量; 实现产值6000亿元 → 产值; 年发电量约… → 年发电量.
    """
    start = pos
    while start > floor and not _CLAUSE_BREAK.match(norm, start - 1):
        start -= 1
    clause = norm[start:pos]
    changed, cut = True, False
    while changed and clause:
        changed = False
        for t in _TRAILING:
            if clause.endswith(t) and len(clause) > len(t):
                clause = clause[: -len(t)]
                changed = cut = True
                break
        else:
            for t in _MODALS:
                if clause.endswith(t) and (cut or t not in _SHORT_MODALS):
                    clause = clause[: -len(t)]
                    changed = True
                    break
    clause = _LEADING_YEAR.sub("", clause)
    m = _LEADING_CUT.match(clause)
    if m and m.end() < len(clause):
        clause = clause[m.end() :]
    clause = _LEADING_SUBJECT.sub("", clause)
    return clause if 1 < len(clause) <= 16 else None


def indicator_after(norm: str, pos: int, limit: int) -> str | None:
    """What a count counts when the noun follows it: 已有32家香港科研机构入驻 → 香港科研机构入驻."""
    end = pos
    while end < limit and end - pos < 16 and not _CLAUSE_BREAK.match(norm, end):
        end += 1
    text = norm[pos:end]
    return text if 1 < len(text) else None
