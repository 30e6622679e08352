"""Non-government organisations recognised by their suffix: universities, hospitals, media."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from kg.extract.divisions import PlaceHit
from kg.extract.generic import looks_generic
from kg.extract.known_orgs import (
    BRANCH_AFTER,
    dictionary_companies,
    find_known,
    known_name,
    known_start,
    listed_companies,
)
from kg.extract.known_orgs import SIGNER_SUFFIX as _SIGNER_SUFFIX
from kg.extract.lexicon import Lexicon
from kg.extract.matching import (
    LEVEL,
    after_clause,
    left_boundary,
    name_start,
)
from kg.extract.org_ends import suffixes
from kg.extract.org_kinds import (
    CLAUSE_FLAGS,
    LEGAL_FORMS,
    after_kind,
    after_lead,
    after_parent,
    bank_of_branch,
    joins_fields,
    own_name_start,
    past_clause,
    past_words_before_place,
    unnamed,
)
from kg.extract.org_starts import (
    FIRST_OF,
    SIGNER_END,
    SUBSIDIARY,
    TRADE_WORD_SET,
    after_person_verb,
    after_verb_before,
    before_time,
    brand_before,
    joined_by_tong,
    past_joiners,
    suffixes_only,
    trade_name_back,
    trade_words,
    whole_name,
)
from kg.extract.org_units import join_units
from kg.extract.proper_words import has_proper_word
from kg.extract.short_forms import is_short_form
from kg.extract.sign_words import SIGNERS_LISTED
from kg.extract.spans import DisjointSpans, Spans, book_titles

__all__ = ["OrganizationHit", "find_organizations"]

# The ends of state organs' names that are no agency's organ words (市检察院, 呼和浩特海关).
_STATE_ORGAN_ENDS = ("法院", "检察院", "海关", "边检站", "检查站")

# 《解放日报》: a newspaper is written as a title (not a bulletin, a communiqué, a year's report).
_PAPER = re.compile(r"《(?!\d{4}年)([^《》\n]{2,11}(?<![简通情专])(?<!计公|济公|合公)报)》")
# The number of an item of a list (4.中华民族爱心基金会, 2、…).
_LIST_NUMBER = re.compile(r"\d{1,2}[.．、]")
# 新华社北京5月26日电: the news agency of a dateline.
_DATELINE = re.compile(r"([\u4e00-\u9fff]{2,4}社)(?=[\u4e00-\u9fff]{2,4}\d{1,2}月\d{1,2}日电)")
# 香港科技大学(广州): a campus in brackets after the name belongs to it.
_CAMPUS = re.compile(r"\([\u4e00-\u9fff]{2,4}\)")
_BRANCH = re.compile(r"[\u4e00-\u9fff]{2,4}?分公司")
# (本部), (机关) after a name in a list of honoured units: which part, not the name's;
# (甲方), (乙方) after a signer: the part it plays in the contract.
_NOT_CAMPUS = re.compile(r"本部|机关|[甲乙丙丁]方")


_CONTINUES = frozenset("区城园创生路站校毕议系")
# Bodies named by what they fund or promote, a verb (扶贫基金会, 扶贫促进会).
_NAMED_BY_AIM = frozenset({"基金会", "促进会"})
# A post held before the body's name (时任, 现任), or the part a body plays in a deal (承建方…).
_POST = re.compile(
    r"时任|现任|曾任|原任|历任|担任|出任|兼任"
    r"|(?:承建|投资|建设|运营|施工|业主|出资|合作|甲|乙|丙)方(?=[\u4e00-\u9fff])"
)
# A leader's post written after a body's name, before a joiner (…行长与, …局长和).
_POST_AFTER = re.compile(
    r"(?:副)?(?:行长|局长|部长|厅长|署长|主任|市长|省长|书记|董事长|总经理|负责人|代表)"
)
# Courts and procuratorates, whose branches (分院) are state organs.
_COURT = re.compile(r"法院|检察院")
# …大学校长, …大学校友: the school's own people and bodies after its name, not 大学校园.
_SCHOOLS_OWN = re.compile(r"校(?:长|友|党委|领导|史|庆|训|医院)")
# Characters after a suffix's last that make a word with it (会诊, 会谈, 会晤, 会见; 日报告).
_WORD_AFTER = {"会": frozenset("诊谈晤见"), "报": frozenset("告")}
# Characters before a suffix that begin a word with its first character (协商会: 协商, 广大学员:
# 广大) or a verb phrase with it (上大学, to go to university).
_BEGUN = {"商会": "协", "大学": "广上"}
# A grade or a designation written before the suffix (二级医院, 三甲医院, 武汉市定点医院).
_GRADE = re.compile(r"[一二三四五六七八九十]级$|[一二三][甲乙]$|定点(?:救治|收治)?$")


# A park after the suffix: the suffix is inside the park's name (国家大学科技园).
_PARK_AFTER = re.compile(r"科技园|科学园|产业园")
# 大 or 小 between a place and the suffix: the place's big or small ones (某市大医院).
_SIZE_BEFORE = frozenset("大小")

# Prepositions that may stand right before a name (由盛京医院负责, 向协和医院捐赠).
_LEADING_PREPOSITIONS = frozenset("由向对从被把将据经")
# A count inside a name makes it a number of organisations (86家定点医院, 多所大学), 各
# makes it every one of a kind (全国各单项体育协会), 某 one left unnamed (山东某…有限公司).
_COUNT_IN = re.compile(
    r"[\d一二两三四五六七八九十百千]+[余多]?[家所个座]|多[家所个座]|各(?!族|民族|界)|某"
)
_COUNTED = re.compile(r"[\d一二两三四五六七八九十百千]+[余多]?[家所个座]$")
# Words inside the words before a suffix that make them a kind (部分…, 当地…, 部属师范大学,
# 中国一些大学).
_SOME_OF = re.compile(r"部分|当地|本地|其他|其它|部属|省属|市属|一些|有些|某些|这些|那些|若干")
# Words before a name that make it a kind (各教学学院, 各级个私协会, 每所大学, 某银行).
_DETERMINERS = re.compile(r"(?:各|每|诸|某|各级|各类|各地)$")


# People who learn, or a modal or an adverb: before them 学会 is the verb (学生学会, 能迅速
# 学会), not a society.
_LEARNERS = re.compile(
    r"(?:学生|孩子|儿童|我们|大家|人们|群众|干部|青年|自己|们|员工|农民|党员"
    r"|能|会|要|应|迅速|尽快|很快|逐步|慢慢|都|也|就|才)$"
)


@dataclass
class OrganizationHit:
    """An organisation name in the normalised text."""

    start: int
    end: int
    label: str


def find_organizations(
    norm: str,
    places: list[PlaceHit],
    lex: Lexicon,
    stops: frozenset[int],
    exclude: list[tuple[int, int]],
    bodies: Sequence[tuple[int, int]] = (),
) -> list[OrganizationHit]:
    """Names ending in an organisation suffix (大学, 医院, 有限公司…) with a proper name before
    it; generic ones (高校, 相关医院, 融资担保公司) are left out. ``bodies``: the spans of
    government bodies, whose units (国家税务总局税收科学研究所) are named after them."""
    body_before = {e: s for s, e in bodies}
    kinds: set[int] = set()
    place_end = {p.end: p for p in places}
    place_starts = frozenset(p.start for p in places)
    place_at = {p.start: p for p in places}
    place_ends = {p.end for p in places}
    spans = Spans((p.start, p.end) for p in places)
    books = book_titles(norm)
    cands: list[OrganizationHit] = []
    known = find_known(norm, lex)
    named_ends = {e for _s, e in known}  # where the names taken so far end (known ones first)
    for m in suffixes(norm, lex):
        hs, he = m.span()
        if (
            (norm[he : he + 1] in _CONTINUES and not _SCHOOLS_OWN.match(norm, he))
            or (norm[he : he + 1] in "东西南北中" and norm[he + 1 : he + 2] in "路街")  # 大学南路
            or norm[hs - 1 : hs] in _BEGUN.get(m.group(), "")
            or _PARK_AFTER.match(norm, he)
            or norm[he : he + 1] in _WORD_AFTER.get(m.group()[-1], ())
            or (
                m.group().endswith("会")
                and norm.startswith("员", he)
                and norm[he + 1 : he + 2] != "工"
            )
        ):
            # 大学城, 大学生, 大学毕业, 重庆环大学创新生态圈, 协商会, 医学会诊, 中钢协会员: the suffix is
            # inside a word
            continue
        if norm[hs - 1 : hs] == "型":
            continue  # 科技型有限公司, 科创型股份公司: a kind of company, not one named
        if m.group() == "分院" and _COURT.search(norm, max(0, hs - 12), hs):
            continue  # …中级人民法院第二分院: a court's branch, a state organ
        if m.group() == "医院" and norm.endswith("医院", 0, hs):
            continue  # …人民医院医院感染管理科: the hospital's department, not a second one
        if m.group() == "日报" and (
            norm[hs - 1 : hs].isdigit()
            or norm.startswith("道", he)
            or any(lex.is_known_word(norm[hs - k : hs + 1]) for k in (2, 3))
        ):
            continue  # 29日报道, 前一交易日报: a date or a day, then 报道
        start = left_boundary(norm, hs, place_end, lex, stops, stop_at_place=True)
        opened = max(norm.rfind("(", max(0, hs - 8), hs), norm.rfind("（", max(0, hs - 8), hs))
        if (start >= hs or start == opened) and opened > 0 and norm[hs - 1 : hs] in ")）":
            # 蔚来汽车科技(安徽)有限公司: the place in brackets is inside the name
            before = left_boundary(norm, opened, place_end, lex, stops, stop_at_place=True)
            if m.group().endswith(("公司", "集团")):  # …发展投资(集团)有限责任公司
                before = min(before, trade_words(norm, opened, opened, place_end, lex, stops))
            if before < opened:
                start = before
        elif (p := place_at.get(start)) and p.end == hs and m.group().endswith("公司") and start:
            before = left_boundary(norm, start, place_end, lex, stops, stop_at_place=True)
            if before < start and norm[start - 1] not in "与和及同、":
                start = before  # 汽车零部件济南有限公司: a place alone names no company
        if m.group().endswith(("公司", "集团")):
            start = trade_words(norm, start, hs, place_end, lex, stops)
            start = brand_before(norm, start, lex, place_starts)
        owned = SUBSIDIARY.search(norm, start, hs)
        if (
            owned is not None
            and hs - owned.end() >= 2
            and not any(c in "与和同及、" for c in norm[owned.end() : hs])
        ):
            start = owned.end()  # 子公司福耀玻璃美国有限公司: what it is to the parent named before
        if start >= hs and norm[hs - 1 : hs] == "》":
            opened = norm.rfind("《", max(0, hs - 20), hs)
            if opened >= 0 and "》" not in norm[opened : hs - 1]:
                start = opened  # 《低碳世界》杂志社: a periodical's office named by its title
        if start >= hs:
            continue
        if (
            (_RESEARCH.fullmatch(m.group()) or _SOCIETY.fullmatch(m.group()))
            and norm[start - 1 : start] in ("与", "和")
            and joins_fields(norm, start - 1, hs, lex, place_ends, stops, place_starts)
        ):
            # 海洋与气候研究院: the name goes on before the joiner of its fields
            before = left_boundary(norm, start - 1, place_end, lex, stops, stop_at_place=True)
            if before < start - 1 and (
                _RESEARCH.fullmatch(m.group())
                or _SOCIETY_FIELDS.fullmatch(norm, before, hs) is not None
            ):
                start = before
        end = he
        campus = _CAMPUS.match(norm, end) or (
            (BRANCH_AFTER if "银行" in norm[start:end] else _BRANCH).match(norm, end)
            if m.group().endswith("公司")
            else None
        )
        short = campus is not None and is_short_form(campus.group().strip("()"), norm[start:he])
        if (
            campus
            and not short
            and not _NOT_CAMPUS.fullmatch(norm, campus.start() + 1, campus.end() - 1)
        ):
            end = campus.end()  # …大学(南校区), …有限公司固原分公司 (not a short form: (中土集团))
        if m.group() in ("日报", "晚报") and norm.startswith(("社", "报业集团"), end):
            end += 1 if norm[end] == "社" else 4  # 人民日报社, 云南日报报业集团: its publisher
        # A与B有限公司: the joiner before the name is not part of it (同江 is)
        start = past_joiners(norm, start, hs, place_starts, lex)
        # 东营市与中国石油化工集团有限公司, A医院同B医院: the name starts after the joiner (not
        # the 和 of 协和, the 同 of 同济)
        joiners = [
            k
            for k in range(start, hs)
            if (
                norm[k] in "和与及跟"
                and not lex.is_known_word(norm[k - 1 : k + 1])
                and not lex.is_known_word(norm[k : k + 2])
                and not spans.encloses(k, k + 1)  # (呼和浩特: a place's character)
                # 比尔及梅琳达·盖茨基金会: two given names, one name
                and not (
                    norm[k] == "及"
                    and "·" in norm[k:hs]
                    and k - max(start, *(norm.rfind(c, start, k) + 1 for c in "与和、")) <= 4
                )
            )
            or joined_by_tong(norm, k, lex, place_ends, place_starts)
        ]
        # 美国国家过敏症和传染病研究所: a joiner between two fields of one institute (what
        # follows it alone names no institute) is part of the name
        while (
            joiners
            and (
                _RESEARCH.fullmatch(m.group())
                or (_SOCIETY.fullmatch(m.group()) and _SOCIETY_FIELDS.fullmatch(norm, start, hs))
            )
            and joins_fields(norm, joiners[-1], hs, lex, place_ends, stops, place_starts)
        ):
            joiners.pop()
        if joiners:
            k = joiners[-1]
            before = norm[start:k]
            kk = before_time(norm, start, k, lex)  # 省政府今天与…: the body before the day
            if not (
                k in place_ends
                or k in stops
                or lex.org_suffix_re.search(norm, max(0, kk - 4), kk)
                or SIGNER_END.search(norm, max(0, kk - 4), kk)  # (诺威克公司今天与…)
                or k
                in named_ends  # 腾讯公司与京东集团, 中行和上汽通用五菱…: a known name ends there
                or kk in named_ends
                or lex.organ_end_re.match(norm, kk - 1)
                or norm.endswith(_STATE_ORGAN_ENDS, 0, kk)  # 市检察院就与…
                or has_proper_word(before, lex, rare=False, terms=False)
                or any(f in ("nz", "nt") and len(w) >= 3 for w, f in lex.pos_cut(before))
                or _REFERRING.fullmatch(before)
                or (start in stops and _POST_AFTER.fullmatch(before))  # 中国人民银行行长与…
                or all(f[:1] in "dcptr" for _w, f in lex.pos_cut(before))  # 就与…, 近日与…, 他们与…
            ):
                continue  # 研发机构和研究型大学: kinds joined, not a name
            start = k + 1
        listed = [
            k.end() for k in SIGNERS_LISTED.finditer(norm, max(0, start - 4), hs) if k.end() > start
        ]
        if listed:
            start = listed[-1]  # 签约方为中国银行…: the signers listed after the marker
        if start < hs:
            start = after_clause(norm, start, hs, lex, spans, orgs=False)  # (中铁七局集团…)
            start = name_start(norm, start, hs, lex, place_starts)  # 据…, 带往…
            # 已同京东集团: the joiner after the clause's adverb
            start = past_joiners(norm, start, hs, place_starts, lex)
        words = lex.pos_cut(norm[start:hs]) if start < hs else []
        whole = lex.pos_cut(norm[start:he]) if start < hs else []
        # 招商银行 signs: one name in the dictionary, whatever its first word is
        # (商业银行, a kind the dictionary tags as a name, is not one)
        named = (
            _SIGNER_SUFFIX.fullmatch(m.group()) is not None
            and [f for _w, f in whole] == ["nt"]
            and norm[start:he] not in lex.generic_words
        )
        if (
            not named
            and words
            and words[-1][1] in ("v", "vd", "p", "d", "uz", "ul")
            # (中国扶贫基金会, 香港各界扶贫促进会: named by what they fund or promote)
            and not (
                len(words) > 1 and (words[-1][0] in TRADE_WORD_SET or m.group() in _NAMED_BY_AIM)
            )
            and not (len(words) > 1 and m.group().startswith(LEGAL_FORMS))
            and hs - len(words[-1][0]) not in place_starts  # (…银行遵义分行: 遵义 is a place)
            and not norm.startswith("中国(", start)  # (中国(广州)知识产权保护中心)
            and not (m.group() == "机构" and lex.country_re.match(norm, start))  # (日本…振兴机构)
        ):
            continue  # 南京读大学, 看着医院: a verb before a generic noun (精密制造有限公司
            # is a company's registered name)
        if start >= hs:
            continue  # 高校和医院: a list of kinds, not one name
        for inner in lex.org_suffix_re.finditer(norm, start, hs):
            if lex.country_re.match(norm, inner.end()):
                start = inner.end()  # 莫斯科大学俄罗斯外交学院: a state begins the second
        cohort = _COHORT.match(norm, start, hs) or _LIST_NUMBER.match(norm, start, hs)
        if cohort is not None:
            start = cohort.end()  # 1958级北京大学, 4.…基金会: a class's year, a list's number
        start = max(start, norm.rfind("/", start, hs) + 1)  # A学院/B医院: two names
        if norm[start] in _LEADING_PREPOSITIONS and (
            not lex.is_known_word(norm[start : start + 2])
            or len(lex.pos_cut(norm[start:hs])[0][0]) == 1  # (经国际…联合会: 经 cut alone)
        ):
            start += 1  # 由盛京医院…负责: the preposition before the name
        start = after_lead(norm, start, hs)  # 赴…公司, 带领…公司, 援…医院, （侗族）…公司
        post = _POST.match(norm, start, hs)
        if post is not None:
            start = post.end()  # 时任清华大学校长: the post held, not the name
        if norm[start] in "原现" and not lex.is_known_word(norm[start : start + 2]):
            start += 1  # 原国家行政学院, 现河海大学: the former or present name (not 原子能…)
        first_of = FIRST_OF.match(norm, start, hs)
        if first_of is not None:
            start = first_of.end()  # 国内首家…研究院: the first of its kind, then its name
        start = after_person_verb(norm, start, hs, lex)
        joined = norm.rfind("暨", start, hs)
        if joined >= 0 and not lex.is_known_word(norm[joined : joined + 2]):
            start = joined + 1  # 研讨会暨…学会年会: an event first (not 暨南大学)
        if (
            books.encloses(hs, he)
            and not norm.startswith("》", he)
            and not _signed_title(norm, he, lex)
        ):
            continue  # 《…学院发展行动计划》: words of a plan's title (a party of 《A与B协议》 is one)
        start = past_words_before_place(norm, start, hs, place_starts, lex)
        start = own_name_start(norm, start, hs, m.group(), place_at, lex)
        start = after_kind(norm, whole_name(norm, start, hs, he, lex, place_starts), hs, lex)
        if m.group() in LEGAL_FORMS and not has_proper_word(norm[start:hs], lex, rare=False):
            start = trade_name_back(norm, start, place_end, lex)  # 广西坤泰沃森报关代理有限责任公司
        if start < hs:
            start = after_verb_before(norm, start, hs, lex, place_starts)
            if start >= hs:
                continue  # 营造商会, 支持商会: a verb and its object
        if (
            _COUNT_IN.search(norm, start, hs)
            or _COUNTED.search(norm, max(0, start - 5), start)  # (38所美国大学)
            or _DETERMINERS.search(norm, max(0, start - 2), start)
            or _SOME_OF.search(norm, start, hs)
        ):
            continue  # 设置86家定点医院, 各教学学院, 部分三级医院, 当地医院: a count or a kind
        if m.group() == "学会" and (
            _LEARNERS.search(norm, max(0, hs - 3), hs) or norm[he : he + 1] in "了过"
        ):
            continue  # 学生学会独立思考, 跟着老师学会了: 学会 is the verb "learn"
        inside = [places[k] for k in spans.inside(start, hs)]
        if (
            norm[hs - 1 : hs] in _SIZE_BEFORE
            and hs - 1 in place_ends
            and not lex.is_known_word(norm[hs - 1 : hs + 1])
        ):
            continue  # 省城大医院: a place's big hospitals, a kind (not 北大医院, no place)
        if _GRADE.search(norm, start, hs) or LEVEL.match(norm, start):
            continue  # 二级医院, 县一级医院: a grade of hospital, not one
        if not named and looks_generic(norm[start:hs], lex, inside):
            continue
        if not named and not inside:
            start = past_clause(norm, start, hs, end, m.group(), lex)
            if start < 0:
                continue  # 按规定方舱医院, 可去县级医院: a clause before a kind, no name
        if norm[start] == "(" or norm[start:hs].isdigit():
            continue  # (海南)有限公司: the name before the bracket was cut off; 2023大学: a year
        start = known_start(norm, start, end, known, lex)  # 走访国家电力投资集团有限公司
        if (
            m.group().endswith(("公司", "集团"))
            and (start := suffixes_only(norm, start, hs, lex)) is None
        ):
            continue  # 将成立集团有限公司: suffixes alone name no company (攀钢集团… does)
        label = norm[start:end]
        if m.group() in ("分行", "支行"):
            if (branch := bank_of_branch(norm, start, label, lex)) is None:
                continue  # (莱商银行)徐州分行: a branch whose bank is not read names none
            start, label = branch
        if norm.endswith("我国", 0, start) and not inside:
            label = "中国" + label  # 我国皮革协会: the country's national association
        elif (
            not (named or inside)
            and not after_parent(norm, start, lex)
            and unnamed(norm, start, hs, m.group(), label, lex)
        ):
            parent = body_before.get(start)
            if (
                parent is not None
                and _RESEARCH.fullmatch(m.group())
                and not any(f in CLAUSE_FLAGS for _w, f in lex.pos_cut(norm[start:hs]))
            ):
                label = norm[parent:start] + label  # 国家税务总局税收科学研究所: the body's unit
            else:
                kinds.add(start)  # 柏林一家养蜂协会, 这些重症医院: a kind of body, unless a
                # university listed before it names it (below)
        if m.group() == "分院" and not lex.org_suffix_re.search(norm, start, hs):
            kinds.add(start)  # 上海分院: a branch is named with its academy (merged below)
        cands.append(OrganizationHit(start, end, label))
        if start not in kinds:
            named_ends.add(end)
    for m in _PAPER.finditer(norm):
        cands.append(OrganizationHit(m.start(1), m.end(1), m.group(1)))
    # 长安汽车大力推进…, 华为、腾讯等龙头企业: companies named without their legal form
    cands += [OrganizationHit(s, e, norm[s:e]) for s, e in dictionary_companies(norm, lex)]
    cands += [OrganizationHit(s, e, norm[s:e]) for s, e in listed_companies(norm, lex)]
    cands += [OrganizationHit(s, e, norm[s:e]) for s, e in known]
    for m in _DATELINE.finditer(norm) if "日电" in norm else ():
        # 据新华社, 落实 新华社: the agency's name is the shortest word of the run
        s = next(
            (
                k
                for k in range(m.end(1) - 3, m.start(1) - 1, -1)
                if lex.is_known_word(norm[k : m.end(1)])
            ),
            m.start(1),
        )
        cands.append(OrganizationHit(s, m.end(1), norm[s : m.end(1)]))
    cands.sort(key=lambda h: (-(h.end - h.start), h.start))
    out: list[OrganizationHit] = []
    excluded, kept = Spans(exclude), DisjointSpans()
    for h in cands:
        if excluded.overlaps(h.start, h.end):
            continue  # 中国科学院明珠科学园 is a project, not 中国科学院
        if not kept.overlaps(h.start, h.end):
            out.append(h)
            kept.add(h.start, h.end)
    out.sort(key=lambda h: h.start)
    spans = join_units(norm, [(h.start, h.end, h.label) for h in out], lex)
    merged = [OrganizationHit(start, end, label) for start, end, label in spans]
    return [
        OrganizationHit(h.start, h.end, known_name(h.label, lex))
        for h in merged
        if h.start not in kinds or h.label != norm[h.start : h.end]
    ]


# 该市, 本校, 这家企业 before 与: one named before, the name after the joiner is its own.
_REFERRING = re.compile(r"(?:该|本|此|这)[\u4e00-\u9fff]{1,3}(?:已|还|也|又|将)?")


def _signed_title(norm: str, end: int, lex: Lexicon) -> bool:
    """True when the title in 《》 that goes on at ``end`` is of an agreement."""
    close = norm.find("》", end)
    return close > 0 and norm.endswith(lex.agreement_heads, end, close)


# The class of a year written before a school's name (2018级, 58届).
_COHORT = re.compile(r"\d{2,4}(?:级|届)")
# Suffixes of research institutes, whose names join fields (过敏症和传染病研究所).
_RESEARCH = re.compile(r"研究所|研究院|研究中心|学院")
_SOCIETY = re.compile(r"协会|学会|研究会|联合会|促进会")
# A society's fields joined after a place or a state (山东省物流与交通运输协会, 中国林业与环境
# 促进会), no body or kind of body on either side (外资企业和外国商协会, 文化馆与县…协会).
_SOCIETY_FIELDS = re.compile(
    r"(?:中国|[\u4e00-\u9fff]{1,6}?[省市州县区]|[\u4e00-\u9fff]{2,6}?国)"
    r"(?:(?!企业|组织|馆|局|长|会|部|院|校|已|及)[\u4e00-\u9fff]){2,8}"
    r"[与和](?!世界|国际|全国|外国|县|市|区|省|高校)[\u4e00-\u9fff]{2,10}"
)
