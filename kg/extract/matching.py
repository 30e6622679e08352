"""Where a name starts and whether it names one thing: the shared matching steps of the
extractors of projects, organisations, agreements and areas."""

from __future__ import annotations

import re

from kg.extract.divisions import PlaceHit
from kg.extract.lexicon import Lexicon
from kg.extract.name_words import INSTITUTE_HEAD, kind_words_only, name_across, noun_ending
from kg.extract.proper_words import PROPER_FLAGS
from kg.extract.spans import Spans

__all__ = [
    "LEVEL",
    "TRADE_WORDS",
    "CODE",
    "QUARTERS",
    "QUOTES",
    "word_ending",
    "abbreviations_before",
    "left_boundary",
    "after_clause",
    "name_start",
]
_MAX_NAME = 32

# Words of a company's trade written before 集团, 控股 or its legal form (国家能源投资集团,
# …产业园管理公司): part of the company's name, though they end a name on its left elsewhere.
TRADE_WORDS = (
    "投资",
    "建设",
    "运营",
    "控股",
    "发展",
    "开发",
    "实业",
    "经营",
    "管理",
    "置业",
    "出版",
    "发行",
)

# Characters a name never spans (clause punctuation); brackets and quotes are kept when paired.
_STOP_CHARS = frozenset(",，。;；:：、!?！？—…《》\n\t ")

_PAIRS = {")": "(", "”": "“", "」": "「"}

# How far before an institute's head its field of work may end in a verb (规划勘测设计研究院).
_FIELD_SPAN = 6
# Works written between a name and its head belong to the name (三厂扩建工程).
_WORKS = frozenset({"扩建", "改建", "改造", "改扩建", "新建", "建设", "提升", "提标改造"})

# Quotes and brackets, left out when judging the words of a name.
QUOTES = re.compile(r"[“”\"「」()]")


def word_ending(norm: str, pos: int, words: frozenset[str], max_len: int) -> str | None:
    for length in range(min(max_len, pos), 0, -1):
        w = norm[pos - length : pos]
        if w in words:
            return w
    return None


# 中国铁路 / 中国石化 before a place: the national group whose branch the name is.
_NATIONAL_BRAND = re.compile(r"中国[\u4e00-\u9fff]{2,4}$")
# What may stand right before a name: a joiner, a mark, the start of a clause.
_NAME_OPENERS = frozenset('与和及同、，,；;：:（(“"《\n')


def _state_before(norm: str, end: int, lex: Lexicon) -> int:
    """The length of a state's name ending at ``end`` (埃塞俄比亚), else 0."""
    return next((k for k in range(8, 1, -1) if norm[max(0, end - k) : end] in lex.country_names), 0)


def left_boundary(
    norm: str,
    head_start: int,
    place_end: dict[int, PlaceHit],
    lex: Lexicon,
    stops: frozenset[int],
    stop_at_place: bool = False,
) -> int:
    """Scan left from the head over the name; stop at punctuation or a verb/function word,
    at the end of another name (an agency), or at 和/与/及 joining two names."""
    s = head_start
    open_needed: list[str] = []
    floor = max(0, head_start - _MAX_NAME)
    while s > floor:
        ch = norm[s - 1]
        # (a name goes on over a place in brackets: 空客(天津)总装有限公司)
        p = place_end.get(s) if not open_needed or open_needed[-1] not in "(（" else None
        if p is not None:
            s = p.start
            if stop_at_place:
                while s in place_end:
                    s = place_end[s].start  # 广西钦州…有限公司: and with the places above it
                brand = _NATIONAL_BRAND.search(norm, max(0, s - 6), s)
                if brand is not None and not any(
                    word_ending(norm, k, lex.boundary_words, lex.max_boundary_len)
                    for k in range(brand.start() + 3, s + 1)
                ):
                    s = brand.start()  # 中国铁路西安局集团: a national group's branch
                elif (
                    norm.endswith("中国", 0, s)
                    and (s == 2 or norm[s - 3] in _NAME_OPENERS)
                    and any(w in norm[head_start : head_start + 7] for w in ("公司", "集团"))
                ):
                    s -= 2  # 与中国贵州茅台酒厂(集团)有限责任公司: a company's name opening with 中国
                break  # 保定市第二医院: an organisation's name starts with its place
            continue
        region = word_ending(norm, s, lex.region_words, lex.max_region_len)
        if region is not None and not open_needed:
            s -= len(region)
            continue
        if ch == ")" and "记者" in norm[max(0, s - 12) : s]:
            break  # (记者杜燕): the reporter's credit
        if ch in _PAIRS:
            open_needed.append(_PAIRS[ch])
            s -= 1
            continue
        if open_needed and ch == open_needed[-1]:
            open_needed.pop()
            s -= 1
            continue
        if open_needed:
            if ch in _STOP_CHARS:
                return head_start
            s -= 1
            continue
        if ch in _DASHES and not stop_at_place and s - 1 in place_end:
            s = place_end[s - 1].start  # 黑河—布拉戈维申斯克…大桥: a name between two places
            continue
        if (
            ch in _DASHES
            and (lex.country_re.match(norm, s) or lex.known_organization_re.match(norm, s))
            and (k := _state_before(norm, s - 1, lex))
        ):
            # 埃塞俄比亚—吉布提铁路公司, 中国—东盟商务理事会: a name between two states, or a
            # state and a union of states, from the first
            s -= 1 + k
            break
        if ch in _STOP_CHARS or ch in "(“「" or s in stops:
            break
        if ch in "年月日" and s >= 2 and norm[s - 2].isdigit():
            break  # 到2025年深圳园区, 6月上海…: a date is not part of a name
        if ch == "电" and norm[s - 2 : s - 1] == "日":
            break  # 中新社北京6月14日电: a dateline
        if ch in _JOINERS and (
            norm[s - 2 : s - 1] in _PAIRS
            or lex.project_head_re.search(norm, max(0, s - 1 - lex.max_head_len), s - 1) is not None
            and _ends_with_head(norm, s - 1, lex)
        ):
            break  # 重庆实验室和天府实验室: two names
        word = word_ending(norm, s, lex.boundary_words, lex.max_boundary_len)
        if (
            word is not None
            and stop_at_place
            and (
                longer := (
                    name_across(norm, s, word, lex)  # (中国建设银行: a bank's name over 建设)
                    if word in _WORKS  # (城市改建: a verb of building the dictionary joins)
                    else noun_ending(norm, s, word, lex)
                )
            )
        ):
            s -= longer  # 外商投资企业协会: the stop word ends a noun of the dictionary (外商投资)
            continue
        if (
            word is not None
            and stop_at_place
            and len(word) == 2
            and head_start - s <= _FIELD_SPAN
            and INSTITUTE_HEAD.match(norm, head_start)
            and lex.word_tag(word) in ("v", "vn", "n")
            and word[-1] not in "建立"  # (双方共建…研究院, 成立…研究所: the clause's verb)
        ):
            s -= len(word)  # 城市规划设计研究院, 勘探开发研究院: the institute's field of work
            continue
        if word is not None:
            # 华润投资咨询有限公司: a trade's word (投资), not a verb before the name
            if (
                stop_at_place
                and word in lex.industry_words
                and kind_words_only(norm[s:head_start], lex)
            ):
                s -= len(word)
                continue
            if s == head_start and word in _WORKS:
                s -= len(word)  # 水质净化三厂扩建工程: the works are part of the name
                continue
            if word == "合作" and (
                s == head_start or abbreviations_before(norm, s - len(word), lex)
            ):
                # 粤澳合作中医药科技产业园: "cooperation of" two provinces; 边境合作中心: the
                # kind of centre
                s -= len(word)
                continue
            if word == "对" and (
                norm[s : s + 1] in lex.country_abbreviations
                or norm[s : s + 1] in "欧非"
                or lex.country_re.match(norm, s)
            ):
                s -= 1  # 哈尔滨对俄跨境电商产业园, 对欧…交流中心: trade "with Russia" names it
                continue
            if (
                len(word) == 1
                and (word not in _PREPOSITIONS or stop_at_place)
                and _inside_word(norm, s, head_start, lex)
            ):
                # 广西有色金属集团, 中国商用飞机: the character is part of a word; in an
                # organisation's name a preposition may begin one too (对外友好协会, 至尊)
                s -= 1
                continue
            break
        s -= 1
    if open_needed:
        return head_start
    return s


def _inside_word(norm: str, s: int, head_start: int, lex: Lexicon) -> bool:
    """True when the one-character stop word ending at ``s`` begins a longer word jieba
    knows (以色列, 有机化学, 有色金属), ends a noun or a name it knows (商用, 华为) or stands inside
    one (应用化学)."""
    for length in (4, 3, 2):
        word = norm[s - 1 : s - 1 + length]
        if len(word) == length and s - 1 + length <= head_start and lex.is_known_word(word):
            return True
    for length in (3, 2):
        word = norm[s - length : s]
        if (
            len(word) == length
            and word not in lex.boundary_words
            and lex.word_tag(word) in _NOUN_TAGS
        ):
            return True
    # 长春应用化学研究所: inside a common noun that runs on past it (应用化学)
    for lo in (s - 2, s - 3):
        word = norm[max(0, lo) : min(lo + 4, head_start)]
        if lo >= 0 and len(word) == 4 and lex.word_tag(word) == "n":
            return True
    return False


_NOUN_TAGS = frozenset({"n", "nz", "ns", "nt", "nr", "nrt", "nrfg"})


_JOINERS = frozenset("和与及")
_DASHES = frozenset("—–-")
# Characters that are prepositions or particles wherever they stand (据美国…, 在京…).
_PREPOSITIONS = frozenset("据在从向对与和及为于把被将的同由")


def abbreviations_before(norm: str, pos: int, lex: Lexicon) -> bool:
    """True when two or more province abbreviations end at ``pos`` (粤澳, 川渝, 中新), or
    China's and another state's (中老, 中哈)."""
    k = pos
    states = lex.country_abbreviations
    while k > 0 and (
        norm[k - 1] in lex.province_abbreviations or norm[k - 1] == "中" or norm[k - 1] in states
    ):
        k -= 1
    run = norm[k:pos]
    if any(c in states and c not in lex.province_abbreviations for c in run) and "中" not in run:
        return False  # 中老, 中哈: a state's abbreviation only beside China's
    return pos - k >= 2 and (
        k == 0
        or not ("\u4e00" <= norm[k - 1] <= "\u9fff")
        or word_ending(norm, k, lex.boundary_words, lex.max_boundary_len) is not None
    )


def _ends_with_head(norm: str, pos: int, lex: Lexicon) -> bool:
    return any(norm.endswith(h, 0, pos) for h in lex.project_heads)


# A level of the administration written before a kind (省级数据中心, 县级医院, 乡镇级卫生院).
LEVEL = re.compile(r"(?:乡镇|地市|[省市县区乡镇村])级")
# A code in a name (G60, 5G, 1号线): Latin letters alone are often a term (BOT, PPP, PC).
CODE = re.compile(r"[A-Za-z]*\d|\d[A-Za-z]")
# Flags of words that do not begin a name: verbs, prepositions, adverbs, conjunctions,
# particles, pronouns, numerals, measure words, times and localisers (随着, 标志着, 要, 与,
# 的, 后, 不少, 进入).
_NOT_NAME_START = frozenset(
    {
        "v",
        "vd",
        "vg",
        "p",
        "d",
        "ad",
        "c",
        "u",
        "uj",
        "ul",
        "uz",
        "ud",
        "ug",
        "uv",
        "r",
        "m",
        "mq",
        "q",
        "f",
        "t",
        "tg",
        "y",
        "e",
        "o",
        "zg",
    }
)


# Ends of company names beyond the organisation suffixes (kg/data/org_suffixes.txt): a
# project named after one begins after it (…有限公司“雄安之翼”项目, 中铁十九局西康复线项目).
_COMPANY_END = re.compile(r"公司|集团|(?:[一二三四五六七八九十]+|大桥|隧道|电气化)局")
# jieba flags of words that may not stand inside a name: adverbs, prepositions,
# conjunctions, particles and pronouns (已, 精准, 主动, 从, 的).
_CLAUSE_FLAGS = frozenset({"d", "ad", "p", "c", "u", "uj", "ul", "uz", "ud", "ug", "uv", "r"})


def after_clause(
    norm: str,
    start: int,
    hs: int,
    lex: Lexicon,
    place_spans: list[tuple[int, int]] | Spans,
    objects: bool = True,
    orgs: bool = True,
) -> int:
    """Where the name before a head starts once the clause before it is cut off: after the
    last preposition, particle, pronoun, adverb before its verb or verb that ends a name on
    its left (飞抵成都天府国际机场, 报名参加…项目, 已具备…实验室), after an organisation's
    name (…有限公司“雄安之翼”项目). ``objects``: also after a verb whose object is a name
    (off for agreement titles, where 联防联控 is part of the title). ``orgs``: also after an
    organisation's name (off for agreement titles: 共建扬州大学协议)."""
    cut = start
    for pattern in (lex.org_suffix_re, _COMPANY_END) if orgs else ():
        for m in pattern.finditer(norm, start, hs):
            if m.end() < hs:
                cut = max(cut, m.end())
    for m in lex.project_head_re.finditer(norm, start, hs):
        if m.end() < hs - 1 and lex.country_re.match(norm, m.end()):
            cut = max(cut, m.end())  # …风电项目中国华电…: two names run together, the later
    pos = start
    words = _verbs_joined(lex.pos_cut(norm[start:hs]), lex.clause_verbs)
    # only the places touching norm[start:hs] matter: the others would cost each word a
    # look at every place of a long article
    if isinstance(place_spans, Spans):
        place_spans = place_spans.touching(start, hs)
    else:
        place_spans = [(ps, pe) for ps, pe in place_spans if pe >= start and ps <= hs]
    for k, (word, flag) in enumerate(words):
        end = pos + len(word)
        in_place = any(ps <= pos < pe for ps, pe in place_spans)
        last = k == len(words) - 1
        following = words[k + 1][1] if not last else ""
        if word in ("到", "往") and k > 0 and not any(pe == pos for _ps, pe in place_spans):
            cut = max(cut, end)  # 飞到天津老码头: 到 after no place is a verb's, not A到B线
        elif in_place or word in _NAME_JOINERS or word in lex.region_words:
            pass  # 治理与可持续发展试点PPP项目, 跳蹬至江津线: joiners inside a name
        elif word == "各界" and any(pe == pos for _ps, pe in place_spans):
            pass  # 香港各界扶贫促进会: the circles of a place, who formed the body
        elif flag in ("d", "ad"):
            if following.startswith("v") or (
                word in _FUNCTION_CHARS
                and k > 0
                and (len(words[k - 1][0]) >= 2 or words[k - 1][0] == "方")
                and not last
            ):
                # 已具备, 精准转至: an adverb before its verb; 中国就嫦娥四号项目: one between
                # two words, never inside a name
                cut = max(cut, end)
        elif flag == "p":
            if word in _CLAUSE_PREPOSITIONS or len(word) >= 2:
                cut = max(cut, end)  # (按照, 根据, 通过: prepositions of two characters)
        elif (
            word in _CLAUSE_PREPOSITIONS
            and (following in ("ns", "j") or any(ps == end for ps, _pe in place_spans))
            and not any(pe == pos for _ps, pe in place_spans)
        ):
            # 经英吉利海峡海底隧道: a preposition before a place (柳州经梧州至广州铁路: one
            # between two places is the line's)
            cut = max(cut, end)
        elif flag.startswith("v") and len(word) >= 2 and word[-1] in _ASPECT:
            cut = max(cut, end)  # 紧挨着鸟儿洲国家湿地公园: a verb of the clause, marked
        elif (
            flag in _CLAUSE_FLAGS
            and not (len(word) == 1 and k > 0 and words[k - 1][1] == "nrt")
            and not _in_single_run(words, k)
        ) or (
            word in lex.clause_verbs
            and not (len(word) == 1 and k > 0 and words[k - 1][1] in ("eng", "m"))
        ):
            # (红旗S系, 3号: a letter's or a number's word is a code's; 阿瓦什河: a character
            # of a foreign name, not a pronoun)
            cut = max(cut, end)
        elif (
            objects
            and flag in ("v", "vd")
            and len(word) >= 2
            and not last
            and (
                (following in PROPER_FLAGS and len(words[k + 1][0]) >= 2)
                or any(ps == end for ps, _pe in place_spans)
            )
        ):
            cut = max(cut, end)  # 导致新千岁机场, 飞抵成都…: a verb and its object
        pos = end
    return cut


def _in_single_run(words: list[tuple[str, str]], k: int) -> bool:
    """True when the particle at ``k`` ends a run of single characters of other kinds (优 + 刻
    + 得 of 优刻得科技…公司): a name the segmenter does not know, not a clause's particle."""
    return (
        k >= 2
        and words[k][1].startswith("u")
        and all(
            len(w) == 1 and f not in _CLAUSE_FLAGS and w not in _FUNCTION_CHARS
            for w, f in words[k - 2 : k]
        )
    )


def _verbs_joined(words: list[tuple[str, str]], verbs: frozenset[str]) -> list[tuple[str, str]]:
    """``words`` with two single characters in a row that make a verb of a clause taken as
    that verb (执 + 飞, 齐 + 聚: jieba's dictionary does not have 执飞 or 齐聚)."""
    out: list[tuple[str, str]] = []
    for word, flag in words:
        if out and len(word) == 1 and len(out[-1][0]) == 1 and out[-1][0] + word in verbs:
            out[-1] = (out[-1][0] + word, "v")
        else:
            out.append((word, flag))
    return out


# Prepositions that open a clause (从, 在, 把…); not 对 of 对俄跨境电商产业园.
_CLAUSE_PREPOSITIONS = frozenset("从在把被将于据向给由经自因")
# Aspect markers after a verb (挨着, 建成了, 去过): such a verb is the clause's.
_ASPECT = frozenset("着了过")
# Words that join the parts of one name (A与B, A至B线).
_NAME_JOINERS = frozenset({"与", "和", "及", "至", "同"})


# Single characters that never begin a name.
_FUNCTION_CHARS = frozenset(
    "的与和及要将在对把被后从向为是以由于据到至再也都又还并已就让使给受系底指继经因座条个家所批能会可"
)


def name_start(norm: str, start: int, end: int, lex: Lexicon, keep: frozenset[int]) -> int:
    """Where a name really starts in ``norm[start:end]``: past leading words that begin no
    name (随着渝昆高铁 → 渝昆高铁, 直接关系到铁路 → 铁路), but never past a place or region
    word that starts at ``keep``."""
    pos = start
    words = lex.pos_cut(norm[start:end])
    for k, (word, flag) in enumerate(words):
        if pos in keep or word in lex.region_words or word in QUARTERS:
            break  # (南方科技大学, 东方航空: a quarter of the compass begins names)
        if word in _REFERRING:
            pos += len(word)  # 上述稀土协会: one named before
            continue
        following = words[k + 1][0] if k + 1 < len(words) else ""
        if word in ("项目", "工程") and following:
            pos += len(word)  # 该项目东连福州至银川国家高速公路: the head of the clause before
            continue
        if len(word) == 1 and flag == "v" and following in _MOTION_TO:
            pos += len(word)  # 飞到天津…: a verb of motion and its 到
            continue
        if flag == "vn" and pos + len(word) in keep:
            pos += len(word)  # 服务深圳国际金融中心: what is done for the place named after it
            continue
        if flag not in _NOT_NAME_START and word not in lex.boundary_words:
            break
        if k == 0 and norm.startswith("(集团)", pos + len(word)) and word not in TRADE_WORDS:
            break  # 申能(集团)有限公司: the trade name before the company's bracket (not 控股)
        if (len(word) == 1 and word not in _FUNCTION_CHARS) or lex.country_re.match(norm, pos):
            break  # 超瞬态实验装置, 中新互联互通项目: a single character may begin a name; 也门
        pos += len(word)
    return pos


# Quarters of the compass, which jieba tags as localisers (南方, 东方).
QUARTERS = frozenset({"东方", "西方", "南方", "北方"})
# Words that refer back to a name given before (上述, 该).
_REFERRING = frozenset({"上述", "前述", "该", "此", "这些", "这家", "相关", "有关"})
# Characters after a one-character verb that make it a verb of motion (飞到, 运往, 迁至).
_MOTION_TO = frozenset({"到", "至", "往", "向", "入"})
