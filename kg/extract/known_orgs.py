"""Organisations known by name: from gazetteers with named sources (the central enterprises, the
intergovernmental organisations, written in full or by their short names), and companies
the segmenter's dictionary names (长安汽车)."""

from __future__ import annotations

import re

from kg.extract.lexicon import Lexicon
from kg.extract.people_branches import branch_name, branch_spans
from kg.extract.sign_words import SIGN_VERBS, SIGNING_GAP

__all__ = [
    "BANK_BEFORE",
    "BUREAU_NUMBER",
    "bank_before",
    "brand_group",
    "BRANCH_AFTER",
    "SIGNER_SUFFIX",
    "SIGNS_AFTER",
    "cut_at_both_ends",
    "dictionary_companies",
    "listed_companies",
    "find_known",
    "known_name",
    "known_start",
    "noun_after",
]

# The suffixes of a company's short name (中国银行, 三峡集团公司, 滴滴公司).
SIGNER_SUFFIX = re.compile(r"集团公司|公司|集团|银行|分行|支行")
# What follows a company's short name where it signs (A与B签署, 与B签约, A、B、C三方签署,
# 三一集团董事长梁稳根签署): a leader's post, a day, the counterparts, the verb.
_HEAD = r"(?:(?:执行|常务)?副?(?:董事长|总经理|总裁|行长|负责人|代表)[\u4e00-\u9fff·]{0,5}?)?"
_WITH = r"(?:(?:与|和|同|、)[^,，。;；:：《》]{2,40}?)?(?:[双三四五六各]方)?"
# (当天同…签订: the day, then the other party)
_DAY_BEFORE = (
    r"(?:当天|当日|同日|今天|今日|昨天|昨日|日前|近日|去年|今年|前年|此前|\d{4}年)?(?:\d{1,2}月)?(?:\d{1,2}日)?"
    r"(?:上午|下午)?(?:又|还|也|再次|分别)?"
)
# (…与B就加强创新合作，建立…机制，签订: what they sign about, told before the verb)
_ABOUT = r"(?:就[^。;；《》]{2,40}?[,，]?)?"
# (法国电力集团中国区负责人签署: the company's division in China, for the company)
SIGNS_AFTER = re.compile(
    r"(?:中国区|亚太区|大中华区)?"
    + r"(?:\([^()，,。]{2,12}\))?"  # (…公司(埃吉铁路公司)签订: its short form in brackets)
    + _HEAD
    + _DAY_BEFORE
    + _WITH
    + _HEAD
    + _ABOUT
    + SIGNING_GAP
    + "*"
    + "(?:"
    + SIGN_VERBS
    + r"|交换了?(?=《))"  # (与老挝国家电力公司交换了《…》文本: an exchange of the signed texts)
)


# A branch's place and 分行 after a bank's name, short (工行宜昌分行), in full (中国建设银行梅州分行)
# or with its legal form (中国工商银行股份有限公司陕西省分行); no function word inside (外资银行的…拟设分行).
BRANCH_AFTER = re.compile(r"[^\W\d_的之与和及以在为对将把从向]{2,8}?(?:分行|支行)")
# A bank's name and a place before 分行 or 支行 (中国银行吉林省分行等单位): a branch wherever
# it is written.
_BANK = r"(?:银行|[工农中建交]行)(?:股份有限公司)?"
BANK_BEFORE = re.compile(
    _BANK + r"(?:[\u4e00-\u9fff]{1,4}[省市县州]|[\u4e00-\u9fff]{1,3}区|[\u4e00-\u9fff]{2,5}自治区)$"
)


# A central enterprise's engineering bureau by its number after the brand (中铁十一局, 中建三局,
# 中交二航局, 中交一公局: the 航务 and 公路 bureaus).
BUREAU_NUMBER = r"(?P<num>[一二三四五六七八九十]{1,3})(?P<kind>[航公]?)局"
_BUREAU = re.compile(BUREAU_NUMBER + r"(?:集团)?(?:有限公司)?")


_BANK_END = re.compile(_BANK + "$")


def bank_before(norm: str, start: int, lex: Lexicon) -> bool:
    """True when a bank's name and a place end at ``start`` (before 分行 or 支行): the place
    with its level (中国银行吉林省分行) or a division's short name (中国建设银行鞍山分行)."""
    if BANK_BEFORE.search(norm, max(0, start - 24), start):
        return True
    return any(
        lex.divisions.codes_named(norm[start - n : start])
        and _BANK_END.search(norm, max(0, start - n - 12), start - n)
        for n in (2, 3)
    )


def find_known(norm: str, lex: Lexicon) -> list[tuple[int, int]]:
    """The spans of the known organisations' names standing as names in ``norm``."""
    out = []
    for m in lex.company_brand_re.finditer(norm):
        bureau = _BUREAU.match(norm, m.end())
        if bureau is not None:
            out.append((m.start(), bureau.end()))  # 中铁十一局: the group's bureau, not the group
    for m in lex.known_organization_re.finditer(norm):
        if (
            m.group() in lex.bank_abbreviations or m.group().endswith("银行")
        ) and BRANCH_AFTER.match(norm, m.end()):
            continue  # 工行宜昌分行, 中国银行吉林省分行: the branch is read with its bank (org_kinds)
        subsidiary = _subsidiary_after(norm, m.end(), lex)
        if subsidiary is not None:
            # 国网四川省电力公司 (read whole), 国网四川电力: a province's company, not the group
            if norm.endswith("公司", m.start(), subsidiary):
                out.append((m.start(), subsidiary))
            continue
        suffix = SIGNER_SUFFIX.match(norm, m.end())
        if (
            suffix is not None
            and known_name(norm[m.start() : suffix.end()], lex) != norm[m.start() : suffix.end()]
        ):
            out.append((m.start(), suffix.end()))  # 中国石化集团公司: another name, with a suffix
        elif _known_name_at(norm, m.start(), m.end(), lex):
            out.append((m.start(), m.end()))
    return out + branch_spans(norm, lex)


# A company's sector and legal form after a province's name (四川省电力公司, 四川电力).
_PROVINCE_COMPANY = re.compile(r"[\u4e00-\u9fff]{0,6}?(?:有限(?:责任)?公司|分公司|公司)")
_PROVINCE_SECTOR = re.compile(r"电力|石油|石化|电网|移动|联通|电信")


def _subsidiary_after(norm: str, end: int, lex: Lexicon) -> int | None:
    """Where the name ends when a province's name and a company's sector or legal form
    follow a group's short name at ``end`` (the group's company of that province), else
    None."""
    for n in (4, 3, 2):
        codes = lex.divisions.codes_named(norm[end : end + n])
        if codes and all(c.endswith("0000") for c in codes):
            company = _PROVINCE_COMPANY.match(norm, end + n) or _PROVINCE_SECTOR.match(
                norm, end + n
            )
            return company.end() if company is not None else None
    return None


# 东盟10国, 欧盟各国, 东盟成员国: the member states, not the organisation.
_MEMBERS_AFTER = re.compile(r"[\d一二两三四五六七八九十]+个?(?:国|成员)|各国|各成员|成员国|国家")


def known_start(norm: str, start: int, end: int, known: list[tuple[int, int]], lex: Lexicon) -> int:
    """Where a name read from ``start`` to its suffix at ``end`` begins when a known
    organisation's name ends there too and a verb stands before it (代表团走访国家电力投资
    集团有限公司): at the known name; else ``start``."""
    for ks, ke in known:
        if (
            ke == end
            and start < ks
            and any(flag.startswith("v") for _w, flag in lex.pos_cut(norm[start:ks]))
        ):
            return ks
    return start


def brand_group(brand: str, lex: Lexicon) -> str | None:
    """The central enterprise a brand of theirs stands for (中建, 中国建筑 ->
    中国建筑集团有限公司; 华润 -> 华润(集团)有限公司), else None."""
    if brand not in lex.company_brands:
        return None
    known = lex.known_organizations
    return known.get(brand) or known.get(brand + "集团")


def known_name(label: str, lex: Lexicon) -> str:
    """The full name of a known organisation written by another (中国石化集团公司 ->
    中国石油化工集团有限公司) or by its registered name without 中国 (国家铁路集团有限公司 ->
    中国国家铁路集团有限公司), and of a national academy's institute written under the academy's
    short name (中国农科院郑州果树研究所 -> 中国农业科学院郑州果树研究所); any other label as it is."""
    if label in lex.known_organizations:
        return lex.known_organizations[label]
    for short, full in lex.academy_names.items():
        if label.startswith(short):
            return full + label[len(short) :]  # 中科院水生生物研究所: an academy's institute
    if (group := brand_group(label, lex)) is not None:
        return group  # 华润 signs: 华润集团, the group
    branch = branch_name(label, lex)
    if branch is not None:
        return branch  # 山西省贸促会: a local people's organisation
    if label.endswith("公司") and not label.endswith("有限公司"):
        return lex.known_organizations.get(label[:-2], label)
    if label.endswith("有限公司") and lex.known_organizations.get("中国" + label) == "中国" + label:
        return "中国" + label  # 国家铁路集团有限公司: a registered name without its 中国
    return label


def _known_name_at(norm: str, start: int, end: int, lex: Lexicon) -> bool:
    """True when a known organisation's name at ``norm[start:end]`` stands as a name: the
    segmenter cuts the text at both its ends (中国建筑业 is a trade), no noun follows it
    (中国建筑文化, 中国电信业务: a phrase), no member states follow it (东盟10国), and no
    suffix follows it (中国石化集团公司 is read whole below)."""
    if (
        lex.org_suffix_re.match(norm, end)
        or SIGNER_SUFFIX.match(norm, end)
        or _MEMBERS_AFTER.match(norm, end)
    ):
        return False
    return cut_at_both_ends(norm, start, end, lex) and not noun_after(norm, end, lex)


# Nouns after a name that make it a modifier of a longer noun (中国建筑文化).
_NOUNS_AFTER = frozenset({"n", "vn", "ng", "nz"})


def cut_at_both_ends(norm: str, start: int, end: int, lex: Lexicon) -> bool:
    """True when the segmenter cuts the text at both ends of ``norm[start:end]`` (a name
    standing as words of its own, not the middle of a longer word)."""
    lo = max(0, start - 3)
    cuts, k = set(), lo
    for word, _flag in lex.pos_cut(norm[lo : end + 3]):
        cuts.add(k)
        k += len(word)
    return (start == lo or start in cuts) and (end in cuts or end == k)


def noun_after(norm: str, end: int, lex: Lexicon, flags: frozenset[str] = _NOUNS_AFTER) -> bool:
    """True when a noun of two or more characters (of ``flags``) follows at ``end``; not a
    verbal noun followed by a verb (中国华能投资建设…: what the company does)."""
    after = lex.pos_cut(norm[end : end + 6])[:2]
    if not after or len(after[0][0]) < 2 or after[0][1] not in flags:
        return False
    return not (after[0][1] == "vn" and len(after) > 1 and after[1][1] in ("v", "vn"))


def dictionary_companies(norm: str, lex: Lexicon) -> list[tuple[int, int]]:
    """The spans of companies the segmenter's dictionary names, written without their legal
    form (长安汽车大力推进…)."""
    out = []
    for m in _TRADE_END.finditer(norm):
        s = next(
            (k for k in range(max(0, m.end() - 6), m.start() - 1) if _is_company(norm, k, m, lex)),
            None,
        )
        if s is not None:
            out.append((s, m.end()))
    return out


def _is_company(norm: str, k: int, m: re.Match[str], lex: Lexicon) -> bool:
    """True when ``norm[k:m.end()]`` is a company's name in jieba's dictionary (tagged nt)
    standing as a word of its own: no Chinese character joined to it on either side that
    would make a longer word, and a place's or a proper name before the trade."""
    word = norm[k : m.end()]
    if m.start() - k < 2 or lex.word_tag(word) != "nt" or word in lex.generic_words:
        return False
    if (lex.word_tag(norm[k : m.start()]) or "")[:2] not in ("ns", "nr", "nz", "j"):
        return False  # 国产汽车, 民用航空, 卫星通信: a kind of trade, not a company
    return not (
        lex.is_known_word(norm[k - 1 : k + 1]) or lex.is_known_word(norm[m.end() - 1 : m.end() + 1])
    )


# Trades a company's short name ends in (长安汽车, 京东方科技, 宝武钢铁).
_TRADE_END = re.compile(r"汽车|电子|科技|电气|重工|钢铁|化工|医药|制药|能源|电器|物流|航空|地产")


# Companies listed before 等 and a word for companies (腾讯、美团、京东方等科技企业): the items
# between marks, the words between 等 and the companies' word (no place, state or platform).
_ITEM = r"[\u4e00-\u9fffA-Za-z]{2,10}"
_COMPANIES = r"等(?![国地省市])([\u4e00-\u9fff]{0,6}?)(?:企业|公司|车企|药企)(?![和与及家])"
_LISTED = re.compile(rf"((?:{_ITEM}、)+{_ITEM}){_COMPANIES}")
# The end of every match of _LISTED, from the 、 before its last item: a search that begins
# with a character, which the regex engine looks for without trying every position.
_LISTED_TAIL = re.compile(f"、{_ITEM}{_COMPANIES}")
# Tags of a trade name standing alone: a person's or a foreign name, another proper noun,
# an organisation's name, Latin letters (腾讯 nz, 华为 nr, 特斯拉 nrt, TCL).
_TRADE_FLAGS = frozenset({"nr", "nrt", "nz", "nt", "eng"})
# Tags of a word that opens a clause before the list (为华为、…).
_OPENERS = frozenset({"p", "v", "c", "d", "u", "r"})


def listed_companies(norm: str, lex: Lexicon) -> list[tuple[int, int]]:
    """The spans of the companies listed before 等…企业, when every item of the list is a
    trade name standing alone: a list that holds a common noun (汽车、光伏等企业) lists trades,
    one that holds a place or a state lists where the companies are."""
    out: list[tuple[int, int]] = []
    if _LISTED_TAIL.search(norm) is None:
        return out  # (no list's last item before 等…企业: most articles stop here)
    for m in _LISTED.finditer(norm):
        if any(ch in "和与及的" for ch in m.group(2)):
            continue  # 等平台与企业: the companies are not the items
        spans, pos = [], m.start(1)
        for k, item in enumerate(m.group(1).split("、")):
            words = lex.pos_cut(item)
            s = pos
            if k == 0 and len(words) == 2 and words[0][1] in _OPENERS:
                s, item, words = pos + len(words[0][0]), words[1][0], words[1:]
            pos = s + len(item) + 1  # (past the item and its 、)
            if (
                len(words) != 1
                or words[0][1] not in _TRADE_FLAGS
                or len(item) < 2
                or item in lex.generic_words
                or lex.country_re.fullmatch(item)
                or item in lex.divisions.full
                or item in lex.divisions.short
            ):
                spans = []
                break
            spans.append((s, s + len(item)))
        out += spans
    return out
