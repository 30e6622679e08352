"""Agreement titles written without book marks: where such a title may stand around its
verb (签署X协议, X协议在…签署, X协议由A与B签署, 交换X协议文本), and titles joined after it."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from kg.extract.lexicon import Lexicon, trie_pattern
from kg.extract.sign_words import SIGN_VERBS
from kg.extract.text import finditer_near

__all__ = ["unmarked_scans"]

# A title's words: no punctuation, but a few words in quotes (“数字强省”战略合作协议) or
# brackets (国家(眉山)数字文创基地项目合作协议).
_TITLE_CHARS = (
    r"(?:[^,，。;；:：、《》〈〉“”\"()\s]|“[^,，。;；:：、《》〈〉“”\"()\s]{1,15}”"
    r"|\([^,，。;；:：、《》〈〉“”\"()\s]{1,8}\))"
)
# Most characters of an unmarked title before its head (…人民政府与…有限公司关于…的合作协议).
_TITLE_MAX = 60
# An unmarked title up to its head, the heads filled in for a lexicon.
_TITLE = r"(?P<t>" + _TITLE_CHARS + f"{{2,{_TITLE_MAX}}}?" + r"(?:HEADS))"
# (签署“挪威—冰岛渔业资源养护协定”: a whole title in quotes; 签了…协议)
_UNMARKED_AFTER = r"(?:" + SIGN_VERBS + r"|签了)(?:了)?[“‘]?" + _TITLE
# (…合作备忘录的签署，标志着: the signing told as a noun)
_UNMARKED_BEFORE = (
    _TITLE + r"(?:于(?=\d)(?:\d{4}年)?(?:\d{1,2}月)?(?:\d{1,2}日)?)?"  # (…协议于2020年签署)
    r"(?:(?:\d{1,2}日)?在[^,，。]{1,8}?|的(?=签署))?(?:也|还|亦|均|同时)?(?:正式|成功|共同|完成)?"
    r"(?:签署|签订|签约|续签)(?![国方])"
)
# Another title the same verb signs, joined to the one before it (签署X协议和Y协议).
_UNMARKED_NEXT = r"(?:和|及|以及|、)" + _TITLE
# A title before the signers of a passive signing (X协议当天由A与B共同签署).
_UNMARKED_PASSIVE = (
    _TITLE + r"(?:当天|当日|同日|日前|此前|昨天|今天|(?:\d{1,2}月)?\d{1,2}日)?(?:已|还|也|则)?"
    r"由(?=[^,，。;；:：]{2,60}?(?:共同|联合)?(?:签署|签订))"
)
_PASSIVE_START = re.compile("由")
# How far after 由 its look at the signers and the verb reaches.
_PASSIVE_AFTER = 1 + 60 + 4
# Signed texts exchanged (交换了X协议文本).
_UNMARKED_EXCHANGED = r"交换了?" + _TITLE + r"(?=的?文本)"


_pattern_cache: dict[int, _Unmarked] = {}
# The 签 of the verb that ends an unmarked title written before it.
_SIGN_START = re.compile("签")
# Most characters from the start of such a title to its verb, heads aside: the title's, a
# date after 于, a day, 在 and 8 of a place, an adverb, 正式/成功/共同/完成.
_BEFORE_MAX = _TITLE_MAX + 12 + 3 + 9 + 2 + 2


@dataclass(frozen=True)
class _Unmarked:
    """The patterns of unmarked titles, with a lexicon's heads."""

    after: re.Pattern[str]  # after the verb
    before: re.Pattern[str]  # before it
    next: re.Pattern[str]  # joined to a title before
    passive: re.Pattern[str]  # before 由 and the signers
    exchanged: re.Pattern[str]  # after 交换, before 文本
    before_max: int  # how far before its verb a title written before it may start


def _unmarked_res(lex: Lexicon) -> _Unmarked:
    """The patterns of unmarked titles for ``lex``'s heads."""
    pats = _pattern_cache.get(id(lex))
    if pats is None:
        # a trie of the heads tries them longest first, as the alternation sorted by
        # length did (heads that match at one position are prefixes of each other)
        heads = trie_pattern(lex.agreement_heads)
        pats = _Unmarked(
            *(
                re.compile(p.replace("HEADS", heads))
                for p in (
                    _UNMARKED_AFTER,
                    _UNMARKED_BEFORE,
                    _UNMARKED_NEXT,
                    _UNMARKED_PASSIVE,
                    _UNMARKED_EXCHANGED,
                )
            ),
            _BEFORE_MAX + max(map(len, lex.agreement_heads)),
        )
        _pattern_cache[id(lex)] = pats
    return pats


def _with_joined(
    matches: Iterator[re.Match[str]], joined: re.Pattern[str], norm: str
) -> Iterator[tuple[tuple[int, int], int, bool]]:
    """The spans of the titles ``matches`` find and, after each, of the titles joined to it
    (X协议和Y协议), with where each match ends and whether the title is one of several joined."""
    for m in matches:
        chain = [(m.span("t"), m.end())]
        while (n := joined.match(norm, chain[-1][0][1])) is not None:
            chain.append((n.span("t"), n.end()))
        for span, end in chain:
            yield span, end, len(chain) > 1


def unmarked_scans(
    norm: str, lex: Lexicon
) -> list[tuple[Iterator[tuple[tuple[int, int], int, bool]], bool]]:
    """The candidate unmarked titles of ``norm``, scan by scan: for each, the titles' spans,
    where their match ends (-1 where nothing is read after it), whether they are one of
    several joined; and whether the scan's titles stand after their verb."""
    res = _unmarked_res(lex)
    near_verb = finditer_near(res.before, norm, _SIGN_START, res.before_max, 3)
    near_by = finditer_near(res.passive, norm, _PASSIVE_START, res.before_max, _PASSIVE_AFTER)
    return [
        (_with_joined(res.after.finditer(norm), res.next, norm), True),
        (_with_joined(res.exchanged.finditer(norm), res.next, norm), True),
        (((m.span("t"), m.end(), False) for m in near_verb), False),
        (((m.span("t"), -1, False) for m in near_by), False),
    ]
