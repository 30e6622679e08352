"""Signings of many texts told as one: counterparts counted or of a kind, lists of signers
left open (A、B等13个省份) or closed by their count (A、B及C等三家单位)."""

from __future__ import annotations

import re

from kg.extract.numerals import small_cn_number

__all__ = [
    "BUNDLE",
    "MANY_OF_A_KIND",
    "MANY_SIGNERS",
    "closed_list",
    "counted_signers",
    "many_signings",
    "signed_jointly",
]

# 与50多个国家 / 同十余个省份 / 48对高校: counterparts counted, a bundle of agreements (not
# 这两家企业: those named before).
BUNDLE = re.compile(
    r"(?<![这该述上])[\d一二两三四五六七八九十百几]+[多余]?[个家项份批所位对][\u4e00-\u9fff]{0,4}?(?:国家|国|城市|省份|省|地区|组织|部门|企业|单位|项目"
    r"|高校|大学|院校|医院|银行|机构|团体|协会)"
)
# 乌拉圭、巴拿马等拉美国家也纷纷与中国签署…: many signings told as one.
MANY_SIGNERS = re.compile(
    r"纷纷|先后|陆续|、[^,，。;；]{1,12}等(?:[\u4e00-\u9fff]{0,6}(?:国|市|省|区|地|党组织|组织|单位|企业"
    r"|部门|高校|院校|机构|城市|省份|地区))?"
    r"|等[\u4e00-\u9fff]{0,6}(?:国家|城市|省份|省区市|省市|省区|地区|企业|单位|部门|高校|院校|机构)"
    r"|等国(?![际内])"
    r"|有关国家|相关国家|各国|多国"
)
# 与多家出版社签署, 与外国政府…签署: signers of a kind, counted; an unmarked title written
# after them is a bundle (a title in 《》 may be one text many sign: 与多个成员国政府签署《…协定》).
MANY_OF_A_KIND = re.compile(r"多个|多家|多所|外国政府")
# 金华9个县都签订…, 与3国央行签署…: places or states counted, not named, each with its own
# text (沈阳、大连…5市签署: those named sign one).
_COUNTED_SIGNERS = re.compile(
    r"\d+个?(?:国|县|市|区|省|经济体)(?![际内家])|[三四五六七八九十]+个(?:县|市|区|省|经济体)"
)


def counted_signers(norm: str, clause: int, s: int, title: str) -> bool:
    """True when signers are counted before an unmarked title without being named (金华9个县),
    or a bilateral title follows a list of them (与印尼、泰国…5国央行签署双边…协议)."""
    listed = "、" in norm[clause:s]
    if "双边" in title and listed:
        return True
    found = list(_COUNTED_SIGNERS.finditer(norm, clause, s))
    if found and norm[found[-1].start() - 1] in "与同和":
        return True  # …、与21个经济体签订…协定: counted counterparts, each its own text
    m = found[0] if found else None
    return m is not None and "、" not in norm[clause : m.start()]


# A count that closes a list of signers (A、B及C等三家单位, A、B和C三方).
_LIST_COUNT = re.compile(r"等?([两二三四五六七八九十]|\d+)[家个所位方]")
_LIST_MARKS = "，,：:；;。"
_LAST_JOINER = re.compile(r"以及|及|和|与|同")
_FIRST_JOINER = re.compile(r"[与同跟]")


def closed_list(norm: str, lo: int, hi: int) -> bool:
    """True when the signers written in ``norm[lo:hi]`` end in a count (after 等 or not)
    that is the number of bodies listed before it (A、B及C等三家单位共同签署, A与B、C等三家医院: all
    of them named, signing one text), not more (A、B等13个省份: the others unnamed, each its own
    text)."""
    found = list(_LIST_COUNT.finditer(norm, lo, hi))
    if not found:
        return False
    m = found[-1]
    written = m.group(1)
    n = int(written) if written.isdigit() else small_cn_number(written)
    start = max(lo, max(norm.rfind(c, lo, m.start()) for c in _LIST_MARKS) + 1)
    parts = norm[start : m.start()].split("、")
    listed = len(parts) + (1 if _LAST_JOINER.search(parts[-1]) else 0)
    # (A与B、C、D等4家医院: the count may take in the one before 与 too)
    before = 1 if len(parts) > 1 and _FIRST_JOINER.search(parts[0]) else 0
    return n is not None and listed >= 2 and n in (listed, listed + before)


# Words before the verb that make the signers parties to one text (A、B等单位共同签署).
_JOINTLY = re.compile(r"(?:共同|联合|一同|一起)(?:签署|签订|签约)?了?$")


def signed_jointly(norm: str, lo: int, hi: int) -> bool:
    """True when the signers written in ``norm[lo:hi]``, up to the verb or its title, sign
    jointly (A、B等单位共同签署: those named sign one text with others unnamed), not each with
    the one before 与 (与A、B等…共同签署)."""
    jointly = _JOINTLY.search(norm, lo, hi)
    return jointly is not None and re.search("[与同]", norm[lo : jointly.start()]) is None


def many_signings(norm: str, lo: int, hi: int) -> bool:
    """True when the signers in ``norm[lo:hi]`` are many told as one (纷纷, 先后, A、B等国) and
    not a list closed by its count, nor one that signs jointly."""
    if signed_jointly(norm, lo, hi):
        return False
    return MANY_SIGNERS.search(norm, lo, hi) is not None and not closed_list(norm, lo, hi)
