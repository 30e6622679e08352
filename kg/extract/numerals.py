"""Chinese numerals: the small everyday forms read directly, cn2an (imported lazily) for the rest."""

from __future__ import annotations

__all__ = ["small_cn_number"]

_DIGITS = {
    "零": 0,
    "〇": 0,
    "一": 1,
    "二": 2,
    "两": 2,
    "三": 3,
    "四": 4,
    "五": 5,
    "六": 6,
    "七": 7,
    "八": 8,
    "九": 9,
}


def small_cn_number(text: str) -> int | None:
    """The value of one digit (九, 两, 〇) or of a number below 100 written with 十 (十二,
    二十, 三十五), exactly as ``cn2an.cn2an(text, "smart")`` reads it; None for any other
    text (left to cn2an, whose import alone costs a few hundred milliseconds)."""
    n = len(text)
    if n == 1:
        return _DIGITS.get(text, 10 if text == "十" else None)
    if n > 3 or "十" not in text:
        return None
    tens, _ten, units = text.partition("十")
    if tens:
        t = _DIGITS.get(tens)
        if not t:  # 零十 / 〇十 and the like: not this simple form
            return None
    else:
        t = 1
    if units:
        u = _DIGITS.get(units)
        if not u:
            return None
    else:
        u = 0
    return t * 10 + u
