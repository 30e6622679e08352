"""Where an organisation's name starts: past what is told before it (a subsidiary, the first
of its kind, a person and what the person does, a day before a joiner), and back over what
belongs to it (a central enterprise's brand, a company's trade words, the dictionary's name);
and where a body's name ends before a joiner (医院同…)."""

from __future__ import annotations

import re

from kg.extract.divisions import PlaceHit
from kg.extract.lexicon import Lexicon
from kg.extract.matching import TRADE_WORDS, left_boundary, word_ending
from kg.extract.name_words import kind_words_only

__all__ = [
    "FIRST_OF",
    "SUBSIDIARY",
    "TRADE_WORD_SET",
    "SIGNER_END",
    "after_person_verb",
    "after_verb_before",
    "body_ends",
    "before_time",
    "brand_before",
    "joined_by_tong",
    "past_joiners",
    "suffixes_only",
    "trade_name_back",
    "trade_words",
    "whole_name",
]

# 子公司, 全资子公司, 旗下: a subsidiary told as such before its name.
SUBSIDIARY = re.compile(r"(?:全资|控股)?子公司|旗下|所属|下属")
# 国内首家, 全国首个: the first of a kind, written before the name.
FIRST_OF = re.compile(
    r"(?:国内|全国|我国|省内|全省|全市|国际|世界|亚洲|全球)?首[家个所座](?=[\u4e00-\u9fff]{2})"
)


# What a person does to a body named after it (复信, 走访, 接受…采访).
_PERSON_VERBS = frozenset(
    "复信 致信 回信 致电 致函 会见 接见 接受 走访 考察 视察 参观 访问 来到 走进 看望 慰问 调研 出席".split()
)


def after_person_verb(norm: str, start: int, head: int, lex: Lexicon) -> int:
    """Where the name starts after a person and a verb written before it (习近平复信…基金会,
    李明走访…大学): past the verb."""
    words = lex.pos_cut(norm[start:head])
    pos, cut = start, start
    for (word, flag), (nxt, _nflag) in zip(words, words[1:], strict=False):
        pos += len(word)
        if flag.startswith("nr") and len(word) >= 2 and nxt in _PERSON_VERBS:
            cut = pos + len(nxt)
    return cut if head - cut >= 2 else start


def before_time(norm: str, start: int, k: int, lex: Lexicon) -> int:
    """Where the words of time (今天, 近日, 5日) and the adverbs (分别, 也) that end
    ``norm[start:k]`` begin."""
    words = lex.pos_cut(norm[start:k])
    while words and (
        words[-1][1].startswith("t")
        or words[-1][0] in ("日", "上午", "下午")
        or words[-1][1] in ("d", "ad")
    ):
        k -= len(words.pop()[0])
    return k


def brand_before(norm: str, start: int, lex: Lexicon, place_starts: frozenset[int]) -> int:
    """Where a company's name starts when a central enterprise's brand is written before the
    place that begins it (中车株洲电力机车有限公司): at the brand."""
    if start not in place_starts:
        return start
    for k in range(max(0, start - 6), start - 1):
        if norm[k:start] in lex.company_brands and (
            k == 0
            or not "\u4e00" <= norm[k - 1] <= "\u9fff"
            or norm[k - 1] in _BRAND_LEAD
            or _OWNED_BY.search(norm, max(0, k - 5), k) is not None
        ):
            return k
    return start


# What may stand right before a brand that begins a name: a joiner, a preposition, the
# words that tell a subsidiary (中国中车所属中车株洲…公司).
_BRAND_LEAD = frozenset("与和同及跟、由向在")
_OWNED_BY = re.compile("(?:" + SUBSIDIARY.pattern + "|控股)的?$")


def _ends_in_suffix(word: str, lex: Lexicon) -> bool:
    """True when ``word`` ends in an organisation's suffix (首都医科大学)."""
    return any(m.end() == len(word) for m in lex.org_suffix_re.finditer(word))


def whole_name(
    norm: str, start: int, hs: int, he: int, lex: Lexicon, place_starts: frozenset[int]
) -> int:
    """Where a name starts that the segmenter knows as one organisation's name (联合国儿童基金会
    cut after 联合, 就读于复旦大学, 当清华大学博士生), or as its parent's (首都医科大学附属…医院,
    首都医科大学宣武医院 cut after 首都): at the start of that word."""
    lo = max(0, start - 4)
    pos = lo
    for word, flag in lex.pos_cut(norm[lo:he]):
        end = pos + len(word)
        if flag == "nt" and pos < hs:
            if (
                pos < start
                and (
                    end == he
                    or (
                        start < end <= hs
                        and (norm.startswith("附属", end) or _ends_in_suffix(word, lex))
                    )
                )
                and norm[pos:start].isalpha()
                and not lex.country_re.match(norm, pos)
                and pos not in place_starts
            ):
                return pos
            if pos > start and not any(k in place_starts for k in range(start, pos)):
                before = lex.pos_cut(norm[start:pos])
                if all(f in _BEFORE_NAME_FLAGS or w in lex.clause_verbs for w, f in before):
                    return pos
                if (
                    end == he
                    and before[-1][1] in _BEFORE_NAME_FLAGS
                    and not any(f in _NAME_FLAGS for _w, f in before)
                ):
                    return pos  # 毕业于清华大学: a clause before the dictionary's name
            if pos >= start:
                return start  # the first name in the words decides
        pos = end
    return start


# jieba's flags of the words of a name (places, people, bodies, abbreviations, terms).
_NAME_FLAGS = frozenset({"ns", "nr", "nrt", "nrfg", "nt", "nz", "j"})
# jieba's flags of words that begin a clause, not a name: verbs, prepositions, conjunctions,
# adverbs, times, pronouns, particles (当 of 当清华大学博士生…, 去南京大学).
_BEFORE_NAME_FLAGS = frozenset({"v", "vd", "p", "c", "d", "ad", "t", "r", "u", "uj", "ul", "uz"})


def trade_words(
    norm: str,
    start: int,
    hs: int,
    place_end: dict[int, PlaceHit],
    lex: Lexicon,
    stops: frozenset[int],
) -> int:
    """Where a company's name starts whose trade words (投资, 建设, 运营) end a name on
    their left elsewhere: 国家能源投资集团有限责任公司, 中国电力建设集团有限公司."""
    while _TRADE_RUN.fullmatch(norm, start, hs):
        word = word_ending(norm, start, lex.boundary_words, lex.max_boundary_len)
        if word not in TRADE_WORD_SET or start - len(word) in stops:
            break
        pos = start - len(word)
        start = left_boundary(norm, pos, place_end, lex, stops, stop_at_place=True)
        joined = max(norm.rfind(c, start, pos) for c in "与和及同、")
        if joined >= 0:
            start = joined + 1  # 该市与中国电力建设集团…: the name begins after the joiner
    return start


# Words of a company's trade before 集团, 控股 or its legal form.
TRADE_WORD_SET = frozenset(TRADE_WORDS)
_TRADE_RUN = re.compile("(?:" + "|".join((*TRADE_WORDS, "集团")) + ")*")


# A short company name, without 有限公司, is taken only where it signs (A与B签署, 与B签约,
# A、B、C三方签署, 三一集团董事长梁稳根签署), where the clause leaves no doubt.
SIGNER_END = re.compile(r"(?:公司|集团|银行|分行|支行)$")


def body_ends(norm: str, k: int, lex: Lexicon) -> bool:
    """Whether a body's name or a person's post ends at ``k``: an organisation's or an organ's
    suffix (医院同江西…, 林草局同…, 总书记同…), so that 同 after it joins two of them (not the 同
    of 大学同济医学院, which ends in no suffix)."""
    return (
        any(m.end() == k for m in lex.org_suffix_re.finditer(norm, max(0, k - 8), k))
        or SIGNER_END.search(norm, max(0, k - 4), k) is not None
        or lex.organ_end_re.match(norm, k - 1) is not None
        or norm.endswith("书记", 0, k)
    )


def trade_name_back(norm: str, start: int, place_end: dict[int, PlaceHit], lex: Lexicon) -> int:
    """Where a company's registered name starts when the words kept before its legal form
    only say what it does (代理, 玻璃制品): back to the place its name begins with, over a
    trade name the segmenter does not know (坤泰沃森), if one is within six characters and
    no verb of a clause lies between (…县是…, …区成立…)."""
    for k in range(start - 1, max(0, start - 7), -1):
        if not "\u4e00" <= norm[k] <= "\u9fff" or norm[k] in "与和及同的在向是":
            return start
        if k in place_end:
            words = lex.pos_cut(norm[k:start])
            if any((f.startswith("v") or "企业" in w) and len(w) >= 2 for w, f in words):
                return start  # (临沂民营企业…: what the company is, after its place)
            return place_end[k].start
    return start


def after_verb_before(
    norm: str, start: int, hs: int, lex: Lexicon, place_starts: frozenset[int]
) -> int:
    """Where a name starts after a verb of two characters that opens it (营造商会, 支持商会:
    a verb and its object), unless the verb is a place or the trade name before a bracket
    (申能(集团)有限公司, 申能 tagged a verb); ``hs`` when nothing is left of the name. A count
    of people before the name (5名外文出版社外国专家) is left out too."""
    counted = _PEOPLE_COUNT.match(norm, start, hs)
    if counted is not None:
        return counted.end()
    first = lex.pos_cut(norm[start:hs])[:1] if start < hs else []
    if (
        first
        and first[0][1] == "v"
        and len(first[0][0]) >= 2
        and start not in place_starts
        and norm[start + len(first[0][0])] not in "(（"
    ):
        return min(hs, start + len(first[0][0]))
    return start


def joined_by_tong(
    norm: str, k: int, lex: Lexicon, place_ends: set[int], place_starts: frozenset[int]
) -> bool:
    """True when the 同 at ``k`` joins two signers (招商局集团同…, 克拉玛依市同中国石油…: a body,
    or a place and a name that starts anew; 集团当天同…: a body and the day), not a character
    of a name (同江, 同仁医院)."""
    if norm[k] != "同":
        return False
    day = before_time(norm, max(0, k - 6), k, lex)  # (…公司当天同…: the day, then 同)
    if not (
        body_ends(norm, k, lex)
        or (day < k and body_ends(norm, day, lex))
        or lex.known_organization_re.match(norm, k + 1)  # (湘钢同中国电建集团…: a known body)
        or (k in place_ends and (k + 1 in place_starts or lex.country_re.match(norm, k + 1)))
    ):
        return False
    # 同江西: 江西, not 同江
    return not lex.is_known_word(norm[k : k + 2]) or lex.is_known_word(norm[k + 1 : k + 3])


# A count of people (5名, 十余位): those of the body, not part of its name.
_PEOPLE_COUNT = re.compile(r"[\d一二两三四五六七八九十百千]+[多余]?[名位]")


# How often a word is in the segmenter's dictionary to be a common word, not a trade name
# (攀钢: 24, 安踏: 7; 中外: 1,846, 知名: 1,495).
_COMMON = 200
# Joiners that may stand before a name (besides marks).
_JOINERS = frozenset("与和及同跟、")


def suffixes_only(norm: str, start: int, hs: int, lex: Lexicon) -> int | None:
    """Where a name whose words before the suffix at ``hs`` only say its trade and kind (集团 of
    集团有限公司) starts: with the word before it, which the segmenter tags as a verb (攀钢 of
    攀钢集团有限公司), when a mark, a joiner or nothing stands before that word; None when nothing names
    the company (将成立集团有限公司). ``start`` itself when a proper word comes first."""
    if start < hs and not kind_words_only(norm[start:hs], lex):
        return start
    words = lex.pos_cut(norm[max(0, start - 4) : start])
    if not words:
        return None
    word, flag = words[-1]
    s = start - len(word)
    if (
        len(word) >= 2
        and all("\u4e00" <= c <= "\u9fff" for c in word)
        and flag[:1] not in "pcudrmtqfsb"
        and not lex.is_common_word(word, _COMMON)  # (中外航空公司, 知名…公司: a kind)
        and (s == 0 or norm[s - 1] in _JOINERS or not "\u4e00" <= norm[s - 1] <= "\u9fff")
    ):
        return s
    return None


def past_joiners(norm: str, start: int, hs: int, place_starts: frozenset[int], lex: Lexicon) -> int:
    """Where a name starts past the joiners written first (与, 和, 及, 同), unless one
    begins a place or a word (同江, 和平)."""
    while (
        start < hs
        and norm[start] in "和与及同"
        and start not in place_starts
        and not lex.is_known_word(norm[start : start + 2])
    ):
        start += 1
    return start
