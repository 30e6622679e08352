"""Calendar dates written as 2021年12月17日, 12月17日 or 17日, completed from context."""

from __future__ import annotations

import datetime
import re
from collections import Counter
from dataclasses import dataclass

from kg.extract.numerals import small_cn_number
from kg.extract.text import finditer_near
from kg.records import DateValue

__all__ = ["YEARS_BACK", "DateHit", "find_dates", "text_year", "complete_date"]

_CN = "零〇一二三四五六七八九十"
_DATE = re.compile(
    rf"(?:(?P<y>\d{{4}}|[{_CN}]{{4}})年)?(?:(?P<m>\d{{1,2}}|[{_CN}]{{1,3}})月)?(?P<d>\d{{1,2}}|[{_CN}]{{1,3}})[日号]"
)
# Every date ends in its 日 or 号, at most 12 characters after it starts (2021年12月17日).
_DATE_END = re.compile(r"[日号]")
_DATE_MAX_BEFORE_END = 12
_YEAR = re.compile(r"(?<![\d])((?:19|20)\d{2})年")
_YEAR_MARK = re.compile("年")
# A year after these is a target or a deadline, not the year the article speaks in.
_TARGET_BEFORE = re.compile(r"(?:到|至|在|于|前|截至|力争|预计|计划)$")


@dataclass(frozen=True)
class DateHit:
    """A date as written: any of year, month may be missing."""

    start: int
    end: int
    year: int | None
    month: int | None
    day: int
    #: 上月 / 本月 (1, 0) or 去年 / 前年 / 今年 (1, 2, 0) written before the date: months or
    #: years back from the day published
    months_back: int | None = None
    years_back: int | None = None


def _num(text: str | None) -> int | None:
    if not text:
        return None
    if text.isdigit():
        return int(text)
    if len(text) == 4 and all(c in "零〇一二三四五六七八九" for c in text):
        return int("".join(str("零一二三四五六七八九".find(c) if c != "〇" else 0) for c in text))
    small = small_cn_number(text)
    if small is not None:
        return small
    import cn2an  # (imported here: loading it costs a few hundred milliseconds)

    try:
        return int(cn2an.cn2an(text, "smart"))
    except (ValueError, KeyError):
        return None


def find_dates(norm: str) -> list[DateHit]:
    """Dates in the text with a day (month and year may be missing)."""
    out = []
    for m in finditer_near(_DATE, norm, _DATE_END, _DATE_MAX_BEFORE_END, 1):
        # "17日" glued to a preceding digit is part of a number; 3日 after 第 is an ordinal
        if m.start() > 0 and norm[m.start() - 1] in "第0123456789.":
            continue
        if m.group().endswith("号") and m.group("m") is None:
            continue  # 2号线, 3号楼: 号 is a day only after a month (5月26号)
        y, mo, d = _num(m.group("y")), _num(m.group("m")), _num(m.group("d"))
        if d is None or not 1 <= d <= 31 or (mo is not None and not 1 <= mo <= 12):
            continue
        if y is None and mo is not None and norm.endswith(_NEXT_YEAR, 0, m.start()):
            # 2017年…，次年9月22日: the year after the last one written before it
            before = [
                int(x.group(1)) for x in _YEAR.finditer(norm, max(0, m.start() - 300), m.start())
            ]
            if before:
                y = before[-1] + 1
        months_back = years_back = None
        if mo is None:
            rel = _REL_MONTH.search(norm, max(0, m.start() - 4), m.start())
            months_back = _MONTHS_BACK[rel.group(1)] if rel is not None else None
        elif y is None:
            rel = _REL_YEAR.search(norm, max(0, m.start() - 3), m.start())
            years_back = YEARS_BACK[rel.group(1)] if rel is not None else None
        out.append(DateHit(m.start(), m.end(), y, mo, d, months_back, years_back))
    return out


# 上月21日, 本月10日: a day of the month before or of this month; 去年6月12日: last year's.
_MONTHS_BACK = {"上月": 1, "上个月": 1, "本月": 0, "这个月": 0}
_REL_MONTH = re.compile("(" + "|".join(_MONTHS_BACK) + ")$")
YEARS_BACK = {"去年": 1, "上年": 1, "前年": 2, "今年": 0, "本年": 0}
_REL_YEAR = re.compile("(" + "|".join(YEARS_BACK) + ")$")


# The year after the one written before (次年9月, 翌年).
_NEXT_YEAR = ("次年", "翌年", "第二年")


def text_year(norm: str) -> int | None:
    """The year the article speaks in: the most frequent year not written as a target."""
    counts: Counter[int] = Counter()
    for m in finditer_near(_YEAR, norm, _YEAR_MARK, 4, 1):
        if _TARGET_BEFORE.search(norm, max(0, m.start() - 2), m.start()):
            continue
        counts[int(m.group(1))] += 1
    if not counts:
        return None
    best = max(counts.values())
    return max(y for y, c in counts.items() if c == best)


def complete_date(
    hit: DateHit,
    dates: list[DateHit],
    published: datetime.date | None,
    year_in_text: int | None,
) -> DateValue | None:
    """Fill in a missing month (from the last fuller date before it) and year; a month or
    a year told as 上月 / 去年 is counted back from the day published."""
    month = hit.month
    year = hit.year
    if published is not None and hit.months_back is not None:
        back = published.month - 1 - hit.months_back
        year, month = published.year + back // 12, back % 12 + 1
        return _date_value(year, month, hit.day, "published")
    if published is not None and hit.years_back is not None and month is not None:
        return _date_value(published.year - hit.years_back, month, hit.day, "published")
    if month is None:
        for d in reversed(dates):
            if d.start < hit.start and d.month is not None and d.day == hit.day:
                month = d.month
                year = year or d.year
                break
        else:
            for d in reversed(dates):
                if d.start < hit.start and d.month is not None:
                    month = d.month
                    year = year or d.year
                    break
    if month is None and published is not None:
        month = published.month if hit.day <= published.day else (published.month - 2) % 12 + 1
    if month is None:
        return None
    if year is not None:
        source = "explicit"
    elif published is not None:
        year, source = published.year, "published"
        # a month later than publication means last year's date (12月 in a January article)
        if (month, hit.day) > (published.month, published.day):
            year -= 1
    elif year_in_text is not None:
        year, source = year_in_text, "text"
    else:
        return None
    return _date_value(year, month, hit.day, source)


def _date_value(year: int, month: int, day: int, source: str) -> DateValue | None:
    try:
        return DateValue(datetime.date(year, month, day), source)
    except ValueError:
        return None
