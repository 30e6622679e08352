"""When an agreement was signed, told otherwise than by a full date right before the verb:
a year or a month written before it, a day told as 今天 / 昨天, a meeting dated just before,
the words that tie a signing to the day told before (同日, 会上) or to another (日前)."""

from __future__ import annotations

import datetime
import re

from kg.extract.builder import Found
from kg.extract.dates import YEARS_BACK, DateHit, complete_date
from kg.extract.sign_words import SIGN_VERBS
from kg.records import DateValue

__all__ = [
    "HELD_ANOTHER_DAY",
    "OTHER_DAY",
    "other_day_before",
    "NEXT_DAY",
    "following_day",
    "SAME_DAY",
    "THAT_DAY",
    "in_range",
    "same_day_before",
    "IN_FORCE",
    "after_dated_event",
    "ceremony_date",
    "held_before",
    "event_relative_day",
    "partial_date",
    "relative_day",
    "signed_in",
]


# 1974年签署的 / 2015年11月签署 / 去年9月签署 / 上月签署 / 2014年7月京冀签署: a year or a
# month, no day, with the signers written between it and the verb (今年3月与…管理局签署: a
# counterpart after 与 by its long name; 2018年A与B、C共同签署: several).
_PARTIAL_DATE = re.compile(
    r"(?:(?P<y>(?:19|20)\d{2})年|(?P<rel>去年|今年|前年|上年|本年|同年|当年))?(?:(?P<m>\d{1,2})月份?|(?P<rm>上月|本月|上个月))?"
    r"(?:初|底|末|上旬|中旬|下旬)?(?:(?:[\u4e00-\u9fff]{1,8}?|(?:[\u4e00-\u9fff]{1,8}?)?(?:已经?|还|又|也)?"
    r"(?:与|同|和)[\u4e00-\u9fff()（）、]{2,24}?|由[\u4e00-\u9fff()（）、]{2,30}?)"
    r"(?=再次|又|还|也|在|于|正式|共同|分别|签|$))?"
    r"(?:再次|又|还|也)?(?:(?:在|于)[^,，。;；]{1,10})?(?:正式|共同|分别)?$"
)
_LEADING_DATE = re.compile(
    r"\s*(?:早在|早于)?(?:(?:(?P<y>(?:19|20)\d{2})年|(?P<rel>去年|今年|前年|上年|本年|同年|当年))"
    r"(?:(?P<m>\d{1,2})月份?)?(?P<rm>)"
    r"|(?P<rm2>上月|本月|上个月))(?:初|底|末|上旬|中旬|下旬)?[,，]"
)
# 签署于2010年的《T》: the year (and month) the text was signed, after the verb.
_SIGNED_IN = re.compile(r"(?:签署|签订)于((?:19|20)\d{2})年(?:(\d{1,2})月)?的")
# 《T》签署于2021年12月: the same, after a title written before the verb, at the clause's end.
_SIGNED_IN_LAST = re.compile(r"(?:签署|签订)于((?:19|20)\d{2})年(?:(\d{1,2})月)?(?=[，,。；;]|$)")
# The end of a dateline (6月19日电, 5月8日讯（记者 周明）, 本报讯（记者 王磊）).
_DATELINE_END = re.compile(r"(?:\d{1,2}日|报)[电讯](?:[（(][^）)]{0,20}[）)])?")
_YEARS = re.compile(r"((?:19|20)\d{2})年")


# 18日正式生效 / 于3月1日起施行 / 原定于7月启动: a day or a month of another event.
IN_FORCE = re.compile(
    r"[^,，。;；]{0,4}?(?:生效|施行|实施|到期|期满|届满|终止|废止|失效|启动|推迟|截止)"
)


def partial_date(
    norm: str,
    lo: int,
    verb: int,
    published: datetime.date | None,
    year_in_text: int | None,
    title: int | None = None,
) -> DateValue | None:
    """A year or a month written right before the signing verb, at that precision, or after
    it right before the title that starts at ``title`` (see :func:`signed_in`)."""
    if title is not None and (after := signed_in(norm, verb, title)) is not None:
        return after
    m = None
    for k in range(max(lo, verb - 36), verb):
        m = _PARTIAL_DATE.match(norm, k, verb)
        if m is not None and (m.group("y") or m.group("rel") or m.group("m") or m.group("rm")):
            break
        m = None
    if m is None:
        m = _LEADING_DATE.match(norm, lo, verb)  # 2019年11月，两市签署…
    if m is None:
        # 新华社太原6月19日电 2024年12月，A与B签署…: the clause opening after a dateline
        line = _DATELINE_END.search(norm, lo, verb)
        m = _LEADING_DATE.match(norm, line.end(), verb) if line is not None else None
    if m is None:
        # 历经多轮磋商，1985年3月，A受委托，代表…签署: a date alone in one of the two clauses
        # before the verb's (the last comma opens the verb's own)
        commas = [k for k in range(lo, verb) if norm[k] in ",，"][-3:-1]
        m = next((d for k in commas if (d := _LEADING_DATE.match(norm, k + 1, verb))), None)
    if m is None or _LATER.search(norm, m.end(), verb):
        return None  # (早在2017年…，在此基础上，又签署: the year of what came before)
    if m.start() > 0 and norm[m.start() - 1] in "0123456789日":
        return None  # part of a full date (12月17日签署), read by complete_date
    groups = m.groupdict()
    rm = groups.get("rm") or groups.get("rm2")  # (本月初，A与B签署: a month begins the clause)
    told = max(m.end(g) for g in groups if groups[g])
    other = IN_FORCE.match(norm, told + (norm[told : told + 1] in "年月"))
    if other is not None and "签" not in other.group():
        return None  # 原定于今年7月启动的《T》…签署: the month it was to start
    year, source = None, "explicit"
    joined = _JOINED_MONTH.search(norm, max(0, m.start() - 12), m.start())
    if m.group("y"):
        year = int(m.group("y"))
    elif joined is not None and m.group("m") and not m.group("rel"):
        year = int(joined.group(1))  # 2022年11月和12月签署: the year of the month before
    elif m.group("rel") in ("同年", "当年"):
        told = _YEARS.findall(norm, 0, m.start())  # 2017年…。同年11月: the year told before
        if not told:
            return None
        year = int(told[-1])
    elif published is not None:
        year, source = published.year - YEARS_BACK.get(m.group("rel") or "今年", 0), "published"
    elif year_in_text is not None and not m.group("rel"):
        year, source = year_in_text, "text"
    if year is None:
        return None
    month = int(m.group("m")) if m.group("m") else None
    if rm:
        if published is None:
            return None
        month = published.month if rm == "本月" else (published.month - 2) % 12 + 1
        if rm != "本月" and published.month == 1 and not m.group("y"):
            year -= 1
    if month is not None and not 1 <= month <= 12:
        return None
    if month is None:
        return DateValue(datetime.date(year, 1, 1), source, "year")
    return DateValue(datetime.date(year, month, 1), source, "month")


def signed_in(norm: str, verb: int, title: int) -> DateValue | None:
    """The year (or month) written after the verb with 于, right before the title that starts
    at ``title`` (签署于2010年的《T》), or ending the clause of a title written before the verb
    (《T》签署于2021年12月; a whole day there is read as any other)."""
    if title < verb:
        m = _SIGNED_IN_LAST.match(norm, verb)
    else:
        m = _SIGNED_IN.match(norm, verb)
        m = m if m is not None and m.end() == title else None
    if m is None:
        return None
    if m.group(2) is None:
        return DateValue(datetime.date(int(m.group(1)), 1, 1), "explicit", "year")
    if not 1 <= int(m.group(2)) <= 12:
        return None
    return DateValue(datetime.date(int(m.group(1)), int(m.group(2)), 1), "explicit", "month")


# What happened after the date told before (在此基础上, 此后): the signing came later.
_LATER = re.compile(r"在此基础上|此后|随后|其后|后来|之后")
# A month with its year written before another month joined to it (2022年11月和12月).
_JOINED_MONTH = re.compile(r"(\d{4})年\d{1,2}月(?:和|、|或|及|至|到|-|—)$")


# 今天 / 昨天 / 前天 before the verb: the day of the dateline, or the one or two before it.
# (前天津市长 is a former mayor of Tianjin)
_RELATIVE_DAY = re.compile(r"今天|今日|昨天|昨日|前天(?!津)")
_DAYS_BACK = {"今天": 0, "今日": 0, "昨天": 1, "昨日": 1, "前天": 2}
# 今天上午，A与B签署…: the day opens the sentence, in a clause of its own.
_OPENING_DAY = re.compile(
    "(?:" + "|".join(_DAYS_BACK) + ")(?=(?:上午|下午|晚上|晚间|早上|早晨|中午|凌晨)?[,，])"
)
# 在昨天的签约仪式上，A与B签署…: the day of the event the signing is told at, in a clause before.
_DAY_OF_EVENT = re.compile(
    "在?(" + "|".join(_DAYS_BACK) + ")(?:上午|下午|晚上|晚间)?(?:举行|举办|召开)?的"
    "[^,，。;；]{0,10}?(?:仪式|会议|活动|大会|论坛|会)上[,，]"
)
# 新华社长沙3月14日电, 本报北京5月2日讯: a dateline's day.
_DATELINE_MARK = re.compile(r"[电讯]")


def relative_day(
    f: Found,
    dates: list[DateHit],
    cs: int,
    verb: int,
    published: datetime.date | None,
    opening: int | None = None,
) -> DateValue | None:
    """The signing day told as 今天 / 昨天 / 前天 in the clause of the verb (A与B昨天在长沙
    签署), or in a clause of its own at ``opening``, where the sentence begins (今天上午，A与B
    签署), counted from the dateline's day (the reporter's today), else the day published."""
    m = _RELATIVE_DAY.search(f.norm, cs, verb)
    if m is None and opening is not None and opening < cs:
        line = _DATELINE_END.search(f.norm, opening, cs)  # 新华社兰州8月2日电 昨天，…
        at = line.end() if line is not None else opening
        while at < cs and f.norm[at].isspace():
            at += 1
        m = _OPENING_DAY.match(f.norm, at) or _DAY_OF_EVENT.search(f.norm, at, cs)
    if m is None:
        return None
    line = [d for d in dates[:3] if _DATELINE_MARK.match(f.norm, d.end)]
    today = complete_date(line[0], dates, published, None) if line else None
    if today is None:
        if published is None:
            return None
        today = DateValue(published, "published")
    word = m.group(1) if m.re is _DAY_OF_EVENT else m.group()  # (在昨天的…仪式上: 昨天)
    day = today.date - datetime.timedelta(days=_DAYS_BACK[word])
    return DateValue(day, today.year_source)


# The verbs of a meeting or a visit told with its day (会议23日在北京举行).
_EVENT = re.compile(r"举行|召开|举办|开幕|会谈|会见|会晤|访问|出席|主持")


def after_dated_event(f: Found, i: int, dates: list[DateHit]) -> bool:
    """True when the sentence before ``i``, in its paragraph, tells a meeting and its day:
    a signing told next (双方签署了…) took place there, that day."""
    if i == 0 or f.prep.paragraph[i - 1] != f.prep.paragraph[i]:
        return False
    ps, pe = f.prep.bounds[i - 1]
    return _EVENT.search(f.norm, ps, pe) is not None and any(ps <= d.start < pe for d in dates)


def _held(norm: str, ps: int, pe: int) -> bool:
    """Whether ``norm[ps:pe]`` tells of a meeting or a visit held, not one to come or one
    that is supported (将支持…举办展会)."""
    return any(
        not _TO_COME.search(norm, max(ps, m.start() - 8), m.start())
        for m in _EVENT.finditer(norm, ps, pe)
    )


_TO_COME = re.compile(r"将|拟|计划|准备|支持|帮助|推动|鼓励|每年|定期")
# Who attends a meeting, told after the meeting (A、B负责同志出席会议).
_ATTENDED = re.compile(r"出席(?:会议|仪式|活动)|参加(?:会议|仪式|活动)")


# A meeting, a visit or a signing: what a later 会上 / 同日 / 签约仪式上 refers to.
_TOLD_EVENT = re.compile(_EVENT.pattern + "|" + SIGN_VERBS)


# An event told to be on the day told before it (开幕当天, 同日, 开幕式后).
_THAT_DAY = re.compile(r"当天|当日|同日|同一天|(?:开幕式|会谈|仪式|会)后")


def event_relative_day(
    f: Found, i: int, dates: list[DateHit], published: datetime.date | None, same_day: bool
) -> DateValue | None:
    """The day of a meeting or a signing told before sentence ``i`` as 今天 / 昨日 (昨日上午，
    …会议在赣州市召开; 昨日，两国签署了20余份合作文件): a signing told next in its paragraph,
    or anywhere after it with 会上 / 当天 (``same_day``), took place there, that day. None
    when a dated sentence comes between."""
    for k in range(i - 1, -1, -1):
        ps, pe = f.prep.bounds[k]
        if any(ps <= d.start < pe for d in dates):
            return None
        if _TOLD_EVENT.search(f.norm, ps, pe) and (
            same_day or f.prep.paragraph[k] == f.prep.paragraph[i]
        ):
            told = relative_day(f, dates, ps, pe, published)
            if told is None and _THAT_DAY.search(f.norm, ps, pe):
                continue  # 开幕当天，…举行会谈, 开幕式后…: on the day told before it
            if told is not None or (_held(f.norm, ps, pe) and not _ATTENDED.search(f.norm, ps, pe)):
                return told
            # (…负责同志出席会议: who attended the meeting told before, not another one)
            # (a signing that tells no day of its own: the day is told before it)
        if not same_day:
            return None
    return None


# 签约仪式于本月16日在哈尔滨举行, 签字仪式今天在南京举行, 签约时间为2022年4月: the day (or
# month) of the signing's ceremony, told after the signing.
_CEREMONY = re.compile(
    r"(?:签约|签字|签署)(?:仪式|活动)?(?:(?:于|在)?(?:当地时间)?(?P<when>[^，。；,;]{1,14}?)"
    r"(?:在[^，。；,;]{1,12}?)?(?:举行|举办|进行|完成)|时间[为是](?P<when2>[^，。；,;]{2,12}?)(?=[，。；,;]|$))"
)
# Where the next sentence's ceremony clause may begin: after 此次 / 本次 / 当天的 at most.
_CEREMONY_LEAD = 4


def ceremony_date(
    f: Found,
    i: int,
    after: int,
    dates: list[DateHit],
    published: datetime.date | None,
    year_in_text: int | None,
) -> DateValue | None:
    """The date of a signing told by its ceremony after it: later in sentence ``i`` (from
    ``after``), or at the start of the next sentence of its paragraph (…签署合作协议。
    签约仪式7日在哈尔滨举行)."""
    ss, se = f.prep.bounds[i]
    m = _CEREMONY.search(f.norm, after, se)
    if m is None and i + 1 < len(f.prep.bounds) and f.prep.paragraph[i + 1] == f.prep.paragraph[i]:
        ns, ne = f.prep.bounds[i + 1]
        while ns < ne and f.norm[ns].isspace():
            ns += 1
        for k in range(ns, min(ne, ns + _CEREMONY_LEAD + 1)):
            m = _CEREMONY.match(f.norm, k, ne)
            if m is not None:
                break
    if m is None:
        return None
    group = "when" if m.group("when") is not None else "when2"
    ws, we = m.span(group)
    hits = [d for d in dates if ws <= d.start and d.end <= we]
    if hits:
        return complete_date(hits[-1], dates, published, year_in_text)
    day = _RELATIVE_DAY.search(f.norm, ws, we)
    if day is not None:
        return relative_day(f, dates, day.start(), day.end(), published)
    for k in range(ws, we):
        if f.norm[k].isdigit() or f.norm[k] in "去今前上本":
            end = f.norm.find("月", k, we)
            end = we if end < 0 else end + 1
            while end < we and f.norm[end] in "初底末上中下旬份":
                end += 1
            return partial_date(f.norm, k, end, published, year_in_text)
    return None


# An event held on the day written before it.
_HELD = re.compile(r"举行|举办|召开|开幕")


def held_before(norm: str, date_end: int, verb: int) -> bool:
    """True when the date ending at ``date_end`` is an event's (…仪式6日在日内瓦举行) and the
    signing at ``verb`` is told in a later clause as a relative clause in the object of
    another verb (转交了A与B签署的《T》): the agreement was signed before the event."""
    held = _HELD.search(norm, date_end, verb)
    if held is None or not norm.startswith("的", verb + 2):
        return False
    clause = max(norm.rfind(c, held.end(), verb) for c in "，,；;")
    return clause >= 0 and "了" in norm[clause:verb]


# Words that tie a signing to the day told before (会上，双方签署…), or to another day.
# (签约项目中, 合作协议主要有：, 签约环节: the signings of the event told before, listed; not
# 同时, which in a report's narrative joins another act, on a day it does not give)
SAME_DAY = re.compile(
    r"会上|会后|同日|同一天|当天|当日|随后|随即|仪式|开幕式|闭幕式|活动|现场|会议|座谈|论坛|峰会|会谈|会见|会场|同步签|同时签署"
    r"|此次|本次|其中|大会|签约项目|环节|主要有[:：]|如下[:：]|(?:协议|文件|项目)中[，,]"
)
# 当天 / 同日: the signing was on the day just told, however it was told.
THAT_DAY = re.compile(r"当天|当日|同日|同一天")
# The day after the one told before (次日，A与B签署…).
NEXT_DAY = re.compile(r"次日|翌日|第二天")


def following_day(value: DateValue) -> DateValue | None:
    """The day after ``value``; None when it gives no day (a month, a year)."""
    if value.precision != "day":
        return None
    return DateValue(value.date + datetime.timedelta(days=1), value.year_source)


# 10月10日至12日: two days joined, a stretch of days.
_RANGE_JOINER = "至到-—－~～"


def in_range(norm: str, hit: DateHit) -> bool:
    """True when the date begins or ends a stretch of days (10月10日至12日)."""
    before = norm[hit.start - 1 : hit.start]
    after = norm[hit.end : hit.end + 2]
    return (
        before != "" and before in _RANGE_JOINER and norm[hit.start - 2 : hit.start - 1] == "日"
    ) or (after[:1] in _RANGE_JOINER and after[1:2].isdigit())


# (访问期间: during a visit of several days; 会议期间 is the meeting's day)
OTHER_DAY = re.compile(
    r"日前|近日|此前|早前|前不久|近期|曾|已于|先后|以来|历年|累计|访[\u4e00-\u9fff]{0,2}期间"
    r"|上周|本周|上个?星期|前几天|前些天|前些日子"
)


def other_day_before(norm: str, lo: int, verb: int) -> bool:
    """True when words of another day (此前, 累计, 日前) stand in ``norm[lo:verb]`` and no
    当天 / 同日 opening a later clause ties the verb to the day told (在此前…的基础上，当天与B
    签署; not 已于当天决定终止…签署的: that day is the decision's)."""
    last = None
    for last in OTHER_DAY.finditer(norm, lo, verb):  # noqa: B007 (the last one)
        pass
    if last is None:
        return False
    comma = max(norm.rfind(c, last.end(), verb) for c in ",，")
    return comma < 0 or THAT_DAY.search(norm, comma, verb) is None


# A meeting held on a day before the one reported, which the text does not give.
HELD_ANOTHER_DAY = re.compile(r"(?:日前|近日|前不久|近期)[^，。；]{0,16}?(?:举行|召开|举办|开幕)")


def same_day_before(f: Found, i: int) -> bool:
    """True when an earlier sentence of the paragraph of ``i`` tells a signing on the day
    told before (同日，A与B签署…。C与D签订了…: the signings listed after it are that day's too),
    and no sentence between tells a day or another day."""
    norm, prep = f.norm, f.prep
    for k in range(i - 1, -1, -1):
        if prep.paragraph[k] != prep.paragraph[i]:
            return False
        ps, pe = prep.bounds[k]
        signed = _SIGNED.search(norm, ps, pe)
        if signed is None:
            return False
        # (the words after its verb tell what was agreed: 提出到2027年…, no day of a signing)
        if OTHER_DAY.search(norm, ps, signed.start()) or _DAY_WORD.search(norm, ps, signed.start()):
            return False
        if THAT_DAY.search(norm, ps, pe) or _SAME_DAY_OPENING.match(norm, ps):
            return True
    return False


# A day, a month or a year written in a sentence.
_DAY_WORD = re.compile(
    r"\d{1,2}日|\d{2,4}年|\d{1,2}月|(?:去|今|明|前)年|(?:上|本|下)个?月|今天|今日|昨天|昨日|前天"
)  # (not 每年, 年均: no day told)
_SIGNED = re.compile(SIGN_VERBS)
# 会上， / 签约仪式上，: a sentence that opens on the event told before.
_SAME_DAY_OPENING = re.compile(r"\s*(?:会上|(?:签约|签字)?仪式上|活动上|现场)[,，]")
