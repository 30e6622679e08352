"""Agreements: 《…协议》 titles, unmarked titles after 签署, alias declarations, signing verbs."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from kg.extract.bundles import (
    BUNDLE,
    MANY_OF_A_KIND,
    closed_list,
    counted_signers,
    many_signings,
    signed_jointly,
)
from kg.extract.contracts import commercial
from kg.extract.lexicon import Lexicon
from kg.extract.matching import abbreviations_before, after_clause
from kg.extract.proper_words import has_proper_word
from kg.extract.sign_words import SIGN_VERBS
from kg.extract.spans import DisjointSpans, Spans, last_of
from kg.extract.unmarked_titles import unmarked_scans

__all__ = [
    "AgreementHit",
    "find_agreements",
    "referring_titles",
    "SIGN_RE",
    "COLLECTIVE_RE",
]

# 《…》, and 〈…〉 for a title quoted inside another (《关于〈…协定〉生效的联合声明》)
_BOOK = re.compile(r"[《〈]([^《》〈〉\n]{2,120})[》〉]")
# (下称《协议》) / （以下简称“协议”） / (简称《协议》)
_ALIAS = re.compile(r"\s?\((?:以下|下文)?(?:简称|下称|称)[《“\"]([^》”\"()]{1,12})[》”\"]\)")
# (续签: signed again; 在《T》上签字: signed by its representatives)
# (签署国, 签约方, 签署历程 are nouns: SIGN_VERBS leaves them out)
SIGN_RE = re.compile(
    SIGN_VERBS + r"|签下|签了|共签|缔结|达成(?=《)|(?<=上)签字"
    r"|交换了?(?=《[^》]{2,60}》的?文本|[^,，。;；《》]{2,44}?(?:协议|备忘录|协定)的?文本)"
)
# 双方/两市/三地… stand for parties already named.
COLLECTIVE_RE = re.compile(
    r"双方|三方|四方|各方|两地|三地|四地|两市|三市|两省|三省|两区|两部门|三部门"
)
# A programme launched or put forward, not signed (推出了《…协议》).
_LAUNCHED = re.compile(r"(?:推出|出台|提出|公布)了?$")
# Fewest characters of a title's own words (its heads and kind aside) before 的签署.
_NOUN_SIGNING_CORE = 4
# An unmarked title must name something: not 5个合作协议, 一系列协议, 相关协议, 本协议 (本溪…
# names a place).
_GENERIC_TITLE = re.compile(
    r"^(?:类似|同类|(?:超过|逾|近|约|共|计|累计)?[\d一二两三四五六七八九十百千多几数]+[多余]?[个份项批]|一系列|系列|相关|有关|多项|各项|此次|这些|该|[本此](?=[协合备框项次份])|了"
    r"|每一?[项份个]|各个|这一?[项份个部]?|那一?[项份个部]?|上述|前述|数份|多份)"
)
# Words that end the noun phrase before an unmarked title (A与B共同签署…); single
# characters only count for a title written before the verb, where they join the parties.
# 签署第一份劳工协定, 签署首个谅解备忘录, 签署了一项…协议: an ordinal or one counts agreements,
# it is no part of the title. 签署了联合推进…合作协议: an adverb of the verb only before the
# verb. (…的三方合作协议: a title's own word for its parties.)
_TITLE_LEFT_CUT = re.compile(
    r".*(?:(?:共同|联合|正式|分别)(?=签)|(?<!的)(?:双方|三方)|签署|签订|名为|题为"
    r"|(?:第[\d一二三四五六七八九十百]+|首)[份个项批部]|(?<![\d一二三四五六七八九十])一[项份个部])"
)
# Where a clause reader stops inside a title written right after its verb: after 的 of
# the title's own modifier, after a character of a transliterated name (他冰瑜).
_TITLE_OWN_WORDS = frozenset("的他")
_TITLE_LEFT_CUT_BEFORE = re.compile(
    r".*(?:共同|联合|正式|分别|双方|三方|签署|签订|还|并|将|与|和|(?<!协)同"
    r"|推动|推进|促成|完成|实现|加快|争取|力争|利用|运用|落实|用好)"
)
_SENTENCE_STOPS = "。;；!！?？"
# A body's name ending before the joiner of a title written with its parties, and the other's
# before the words of what they agree (…人民政府与…有限公司关于…, …与…集团战略合作…).
_BODY_ENDS = r"(?:人民政府|政府|公司|集团|大学|学院|医院|研究院|委员会|管委会|银行|分行|[局厅委])"
_JOINED_PARTIES = re.compile(_BODY_ENDS + "[与和同]")
_PARTIES_ABOUT = re.compile(_BODY_ENDS + r"关于[^的,，。;；、]{2,32}的$")
_BODY_BEFORE_KIND = re.compile(_BODY_ENDS + r"(?:关于|战略|全面|合作|框架|校企|共建|深化)")


def _own_opening(norm: str, s: int, cut: int, lex: Lexicon) -> bool:
    """True when the words a clause reader would skip at the start of a title written right
    after its verb are the title's own: a modifier before 的 that says what is agreed
    (引滦入津上下游横向生态补偿的协议), or a transliterated name (援助修复他冰瑜佛塔协议); not
    words that only describe it (新的协议, 并立即实施的一份新协议, 高水平的双边投资协定)."""
    if cut <= s or norm[cut - 1] not in _TITLE_OWN_WORDS:
        return False
    opening = norm[s : cut - 1]
    return len(opening) >= 4 and not any(
        flag in _DESCRIBING_FLAGS for _w, flag in lex.pos_cut(opening)
    )


# Flags of words that describe an agreement rather than name what it is about: adverbs,
# conjunctions, numerals, pronouns, adjectives (立即, 并, 一份, 这, 新).
_DESCRIBING_FLAGS = frozenset({"d", "c", "m", "r", "a", "ad"})


def _sentence_start(norm: str, pos: int) -> int:
    """Where the sentence (or the part after a semicolon) holding ``pos`` starts."""
    return last_of(norm, _SENTENCE_STOPS, pos) + 1


@dataclass
class AgreementHit:
    """An agreement title in the normalised text."""

    start: int
    end: int
    label: str
    title_start: int  # where the title text starts (inside 《》)
    title_end: int
    alias: str | None = None
    basis: str = "exact"
    generic: bool = False  # 战略合作框架协议: named by its parties once they are known
    signed_only: bool = False  # 行动计划: an agreement only where the text signs it
    each: bool = False  # A分别与B、C签署合作协议: one text with each counterpart


# The period or the edition a title ends with, in brackets: (2025—2027年), (试行), (修订版).
_EDITION = re.compile(r"\([^()]{1,16}\)$")


def _between_states(title: str) -> bool:
    """True when a title says it is between governments without naming them (政府间科学技术
    合作协定): each pair of states signs its own, named by its parties."""
    return title.startswith(("政府间", "两国政府间"))


def _is_agreement_title(title: str, lex: Lexicon) -> bool:
    t = _EDITION.sub("", title.rstrip())
    if t.endswith(lex.signed_only_heads):
        return True  # kept only where the text signs it (relate_signing)
    # the longest head decides: 股份认购协议 is a contract, 金融服务协议 an agreement
    return _head_length(t, lex.agreement_heads) > _head_length(t, lex.non_agreement_heads)


def _head_alone(title: str, lex: Lexicon) -> bool:
    """True when fewer than two characters stand before the shortest head that ends ``title``
    (协议 alone, not 谅解备忘录: as an unmarked title is read, two characters and a head)."""
    shortest = min((len(h) for h in lex.agreement_heads if title.endswith(h)), default=0)
    return len(title) - shortest < 2


def _head_length(title: str, heads: tuple[str, ...]) -> int:
    """The length of the longest of ``heads`` that ends ``title`` (0 for none)."""
    return max((len(h) for h in heads if title.endswith(h)), default=0)


@lru_cache(maxsize=16)
def _longest_first(words: tuple[str, ...]) -> tuple[str, ...]:
    return tuple(sorted(words, key=len, reverse=True))


def _substantive(title: str, lex: Lexicon) -> bool:
    """An unmarked title names a particular agreement, not a kind of one."""
    if _GENERIC_TITLE.match(title):
        return False
    core = _core(title, lex)
    core = core.replace("战略", "").replace("合作", "").replace("框架", "")
    return len(core) >= 2


# Words that say what kind an agreement is: its modifiers, not its name.
_KIND_WORDS = re.compile(
    r"战略|合作|框架|伙伴|关系|全面|区域性|全球性|开发性|意向性?|无法律约束力|法律约束力|约束力|性"
)
# Three or more counterparties before a generic title: one agreement with each of them
# (与四家台湾地区组展机构签订组展协议).
_MANY = re.compile(
    r"(?:[3-9]|\d{2,}|[三四五六七八九十百几])[多余]?[个家所位][\u4e00-\u9fff]{0,8}?"
    r"(?:国家|城市|省份|地区|组织|部门|企业|单位|机构|高校|大学|院校|医院|银行|团体|协会|公司)"
)


# Three or more counterparts listed after 与, then the verb: a kind of agreement signed with
# each of them, not one text.
_LISTED_COUNTERPARTS = re.compile(
    r"(?:与|同|和)(?:[^,，。;；、与同和]{2,12}、){2,}[^,，。;；、与同和]{2,12}?(?:正式|分别)?"
    r"(?<![两三四五六七八九十][方市省地区县国])(?:签署|签订|签约)[^,，。;；]*$"
)
# (德阳、眉山、资阳三市签署, …共同签署: the listed ones sign one text together)
# Names listed in a title with 等 (“数字福州”“智慧厦门”等…协议): several texts.
_LISTED_IN = re.compile(r"[”’》]等")
# A venue named after a treaty (《南京条约》史料陈列馆, 《马关条约》签订处).
# 分别与…签署: one text with each; 分别代表双方签署 is two people signing one text.
_EACH = re.compile(r"分别(?!代表)")
_VENUE_AFTER = re.compile(
    r"[\u4e00-\u9fff]{0,4}?(?:陈列馆|纪念馆|博物馆|展览馆|旧址|签订处|签字处|签署地)"
    r"|(?:筹备委员会|临时秘书处|组织|秘书处)"  # 《全面禁止核试验条约》组织: a body
    r"|(?:附加)?议定书|[\u4e00-\u9fff]{0,4}?修正案"  # 《…条约》议定书: a protocol to it
)
# Words of several texts before an unmarked title in its clause (多项…的协议).
_SEVERAL_BEFORE = re.compile(r"(?:多项|多份|一系列|一批|若干)[^,，。;；《》]{0,18}$")
# After the verb of a title written before it: the signing referred to (签署以来, 签署后).
_SINCE = re.compile(r"以来|之后|后(?![续期])|至今|时")
# The opening of a formal title, up to its 的 (关于…的, 共建…的谅解备忘录).
_FORMAL_TITLE = re.compile(
    r"(?:政府间)?(?:关于|共同|共建|加强|开展|促进|深化|推进|建立)[^的,，。;；、]{2,32}的"
)
# A sum after a title (签订…协议超过7000万港元): the amount of several agreements.
_SUM_AFTER = re.compile(r"(?:超过|逾|达|共计|总额|金额)[^,，。;；]{0,4}?\d")
# A kind of counterpart, not one (与对口帮扶省份签订, 与沿线国家签署): an agreement with each;
# people (与村民签订): a contract with each of them (与这两家企业: those named before).
_KIND_COUNTERPART = re.compile(
    r"(?:与|同|和)(?!这|该|上述|以上)[^,，。;；、]{0,12}?(?:省份|国家|城市|地区|企业|农户|贫困户|商户|高校"
    r"|村民|居民|群众|农民|牧民|渔民|职工|员工|业主|租户|住户|家庭|个人)"
    r"(?:共同|分别|陆续|先后)?(?:签署|签订|签约)[^,，。;；]*$"
)
# A signing denied: 没有签订, 未签署, 从未签订.
_NOT_SIGNED = re.compile(r"(?:没有|未能|尚未|从未|未曾|未|不)(?:签署|签订|签约)(?:了|过)?$")


# 分别与B、C签署 (or 和, 及): two or three counterparts written one by one.
# (和 may stand inside a name: 呼和浩特市)
_EACH_FEW = re.compile(
    r"分别(?:与|同|和)[^,，。;；、与同及]{2,24}(?:(?:、|和|及)[^,，。;；、与同及]{2,24}){0,2}"
    r"(?:共同|正式)?(?:签署|签订)(?:了)?$"
)


# A与B、C与D分别签署: pairs written one after the other, each signing its own text.
_PAIRS_EACH = re.compile(
    r"[^,，。;；、与同和]{2,24}(?:与|同|和)[^,，。;；、与同和]{2,24}"
    r"(?:、[^,，。;；、与同和]{2,24}(?:与|同|和)[^,，。;；、与同和]{2,24})+分别(?:签署|签订)了?$"
)


def _each_named(norm: str, clause: int, s: int, title: str, lex: Lexicon) -> bool:
    """True when a generic title is signed 分别与 one to three counterparts written one by
    one (A分别与B、C签署战略合作协议, A、B分别与C签署…), or by pairs written in a row (A与B、C与D
    分别签署合作框架协议): one agreement each, named by its parties."""
    return (not _substantive(title, lex) or not _named(title, lex)) and (
        _EACH_FEW.search(norm, clause, s) is not None
        or _PAIRS_EACH.search(norm, clause, s) is not None
    )


def _proper(title: str, lex: Lexicon) -> bool:
    """True when the words before a title's head hold a proper name (中俄, 巴黎)."""
    core = _core(title, lex)
    return has_proper_word(core, lex, rare=False, terms=False, verb_singles=False)


def _core(title: str, lex: Lexicon) -> str:
    """The words of a title before its head (自贸 of 自贸协定)."""
    for h in _longest_first(lex.agreement_heads):
        if title.endswith(h):
            return title[: -len(h)]
    return title


def _kind_only(title: str, lex: Lexicon) -> bool:
    """True when the words before the head only say what kind of agreement it is."""
    core = _core(title, lex)
    return not _KIND_WORDS.sub("", core)


_YEAR_ONLY = re.compile(r"(?:19|20)\d\d年(?:的)?")
# How long an agreement runs, before its words (未来5年, 今后三年): no name of it.
_TIME_SPAN = re.compile(r"^(?:未来|今后|此后)(?:\d{1,2}|[一二三四五六七八九十两]{1,2})年(?:的|内)?")


def _named(title: str, lex: Lexicon) -> bool:
    """An unmarked title names one agreement when the words before its head hold a proper
    name or a long description (中俄睦邻友好合作条约, 人才工作协同发展合作框架协议); 投资协定,
    和平协议, 安全保障协议 only say what kind it is."""
    core = _TIME_SPAN.sub("", _core(title, lex))  # (未来5年共同行动计划: a kind, for a time)
    # a long description (人才工作协同发展) is particular enough to name one agreement;
    # 全面区域性, 开发性金融 only say what kind it is
    described = _KIND_WORDS.sub("", core)
    if _YEAR_ONLY.fullmatch(core):
        return False  # 2009年备忘录: the memorandum of a year, named by nothing else
    if len(described) >= 6 or any(c.isdigit() for c in core):
        return True
    return has_proper_word(core, lex, rare=False, terms=False, verb_singles=False)


def find_agreements(
    norm: str, lex: Lexicon, headlines: list[tuple[int, int]] = ()
) -> tuple[list[AgreementHit], list[AgreementHit]]:
    """Agreement titles, and later mentions by their declared alias.

    Returns ``(titles, alias_mentions)``; an alias mention carries the label of the
    agreement whose declaration precedes it most closely. Unmarked titles are not read in
    ``headlines`` (a headline names the agreement of the story in short).
    """
    titles: list[AgreementHit] = []
    declared: list[tuple[int, str, str]] = []  # (position, alias, label)
    alias_spans: list[tuple[int, int, str]] = []
    for m in _BOOK.finditer(norm):
        title = m.group(1).strip()
        if not _is_agreement_title(title, lex):
            continue
        if any(m.start() >= s and m.end() <= e for s, e, _ in alias_spans):
            continue
        # 《协议》 after a declaration is the alias, handled below; alone it names nothing
        if any(title == d[1] for d in declared) or _GENERIC_TITLE.match(title):
            continue
        if commercial(title):
            continue  # 《…PCCP管道制造第一标段协议书》: a contract
        if _VENUE_AFTER.match(norm, m.end()):
            continue  # 《南京条约》史料陈列馆, 《…条约》组织: named only inside a venue's or a body's name
        if _LAUNCHED.search(norm, max(0, m.start() - 3), m.start()):
            stop = norm.find("。", m.end())
            if not SIGN_RE.search(
                norm, _sentence_start(norm, m.start()), len(norm) if stop < 0 else stop
            ):
                continue  # 欧委会推出了《欧洲绿色协议》: a programme launched, not a text signed
        clause = _sentence_start(norm, m.start())
        many = BUNDLE.search(norm, max(clause, m.start() - 20), m.start())
        if (
            many is not None
            and not many.group().startswith(("两", "二", "2"))
            and not closed_list(norm, clause, m.start())
            and not signed_jointly(norm, clause, m.start())
        ):
            continue  # 教育部已与13个省份签订《…备忘录》: one text signed with each of them
        label = title
        hit = AgreementHit(m.start(), m.end(), label, m.start(1), m.end(1))
        # 《战略合作伙伴协议》: a kind in book marks is still named by its parties
        core = _EDITION.sub("", title)
        hit.generic = not _substantive(core, lex) or _kind_only(core, lex) or _between_states(core)
        hit.signed_only = core.endswith(lex.signed_only_heads)
        a = _ALIAS.match(norm, m.end())
        if a:
            hit.alias = a.group(1)
            declared.append((m.end(), a.group(1), label))
            alias_spans.append((a.start(), a.end(), a.group(1)))
        titles.append(hit)

    marked = [(t.start, t.end) for t in titles]
    scans = [
        (matches, _TITLE_LEFT_CUT if after else _TITLE_LEFT_CUT_BEFORE)
        for matches, after in unmarked_scans(norm, lex)
    ]
    # the titles read so far: the marked ones, and the unmarked ones added meanwhile, which
    # overlap none before them
    headline_spans, marked_spans, unmarked = Spans(headlines), Spans(marked), DisjointSpans()
    for matches, left_cut in scans:
        for (s, e), end, joined in matches:
            if headline_spans.covers(s):
                continue
            t = norm[s:e]
            cut = left_cut.match(t)
            pair = _JOINED_PARTIES.search(t) if left_cut is _TITLE_LEFT_CUT_BEFORE else None
            own_parties = pair is not None and _BODY_BEFORE_KIND.search(t, pair.end()) is not None
            if own_parties:
                # A与B战略合作框架协议签约仪式, A与B关于…的框架协议在…签署: the parties are the
                # title's words; it starts where the first of them does
                cut = left_cut.match(t, 0, pair.start())
            if cut and cut.end() < len(t):
                s += cut.end()
                t = t[cut.end() :]
                if _head_alone(t, lex):
                    continue  # 签署了一份协议: a head alone names nothing
            if t.startswith("的"):
                s, t = s + 1, t[1:]  # 1974年签署的贸易协定
            cut = s if own_parties else after_clause(norm, s, e, lex, [], objects=False, orgs=False)
            if left_cut is _TITLE_LEFT_CUT and (
                _own_opening(norm, s, cut, lex)
                or (cut - s == 2 and abbreviations_before(norm, cut, lex))
            ):
                # 签署…工作的合作协议, 签署援助修复他冰瑜佛塔协议, 签署中越打击…备忘录: the
                # title's own words
                cut = s
            if s < cut < e and len(_core(norm[cut:e], lex)) == 1:
                cut -= 1  # not to a lone character: 自贸协定 is not 自 + 贸协定
            formal = _FORMAL_TITLE.match(norm, s, e)
            about = norm.rfind("的", s, e) + 1  # (the end of a title's own 关于…的)
            if (formal is not None and cut == formal.end()) or (
                s < cut <= about and _PARTIES_ABOUT.search(norm, s, about)
            ):
                # 关于加强科技合作的谅解备忘录, A与B关于共建…的框架协议: a title's own 关于…的,
                # not a clause
                cut = s
            if s < cut < e:
                s, t = cut, norm[cut:e]  # 菠萝实现从准入协议: the title starts after the clause
            if left_cut is _TITLE_LEFT_CUT_BEFORE and end >= 0 and _SINCE.match(norm, end):
                continue  # 回顾条约签署以来: the treaty named before, referred to
            if not _is_agreement_title(t, lex) or commercial(t):
                continue  # 签订股份认购协议, 出口机械及配件协议: a commercial contract
            clause = _sentence_start(norm, s)
            if (
                _GENERIC_TITLE.match(t)
                or len(t) < 2
                or _KIND_COUNTERPART.search(norm, clause, s)
                or (_NOT_SIGNED.search(norm, max(clause, s - 10), s) and not _proper(t, lex))
                or "暨" in t
                or (
                    BUNDLE.search(norm, max(clause, s - 30), s) and not closed_list(norm, clause, s)
                )
                or _SUM_AFTER.match(norm, e)
                or (
                    _EACH.search(norm, clause, s)
                    and not joined
                    and not _each_named(norm, clause, s, t, lex)
                )
                or many_signings(norm, clause, s)
                or MANY_OF_A_KIND.search(norm, clause, s)
                or counted_signers(norm, clause, s, t)
            ):
                # 签署多项合作协议, 与50多个国家签署…, 分别与…签署, 与对口省份签订…: a
                # bundle, not one agreement; 座谈会暨…协议签约活动: an event; 没有签订…协议:
                # a kind of agreement never signed
                continue
            if marked_spans.overlaps(s, e) or unmarked.overlaps(s, e):
                continue
            if norm.startswith("的签", e) and len(_core(t, lex)) < _NOUN_SIGNING_CORE:
                continue  # 俄乌协议的签署: a signing told as a noun names its text in full
            generic = not _substantive(t, lex) or not _named(t, lex) or _between_states(t)
            if _SEVERAL_BEFORE.search(norm, max(clause, s - 20), s) or _LISTED_IN.search(t):
                continue  # 签署了多项旨在深化…合作的协议文件: several texts
            if generic and _LISTED_COUNTERPARTS.search(norm, clause, s):
                continue  # 中国与厄瓜多尔、尼加拉瓜、塞尔维亚签署自贸协定: one with each of them
            if (
                generic
                and _MANY.search(norm, max(0, s - 30), s)
                and not closed_list(norm, clause, s)
            ):
                continue  # 与四家…机构签订组展协议: one agreement with each of them
            each = _EACH.search(norm, clause, s) is not None
            titles.append(AgreementHit(s, e, t, s, e, generic=generic, each=each))
            marked.append((s, e))
            unmarked.add(s, e)

    # 《协议》 after a declaration: the agreement declared most recently before it
    aliases: list[AgreementHit] = []
    if declared:
        names = {d[1] for d in declared}
        for m in _BOOK.finditer(norm):
            name = m.group(1).strip()
            if name not in names:
                continue
            if any(m.start() >= s and m.end() <= e for s, e, _ in alias_spans):
                continue  # the declaration itself
            prior = [d for d in declared if d[0] <= m.start() and d[1] == name]
            if not prior:
                continue
            label = prior[-1][2]
            aliases.append(
                AgreementHit(
                    m.start(), m.end(), label, m.start(1), m.end(1), name, "alias-declaration"
                )
            )
    titles.sort(key=lambda h: h.start)
    return titles, aliases


# 该协议由A和B共同签署: the agreement named just before, signed by those written after 由;
# A与B签署该协议: signed by those written before the verb.
_DOCUMENT = "(?:协议|备忘录|协定|议定书)"
_REFERRING = re.compile(
    rf"(?:该|上述|此){_DOCUMENT}(?=(?:则|已|还|也)?由)|(?<=签署|签订)了?(?:该|上述){_DOCUMENT}"
)
# What every match of _REFERRING holds (its first alternative does not begin with a character
# the regex engine can look for).
_REFERRING_WORDS = re.compile(f"(?:该|上述|此){_DOCUMENT}")
# How far before the words the agreement they refer to may be named.
_REFERRING_REACH = 120


def referring_titles(norm: str, titles: list[AgreementHit]) -> list[AgreementHit]:
    """The agreement that 该协议 / 上述备忘录 before a passive signing (…由A和B共同签署) refers to:
    the last title named before it in the text, at the words' position."""
    out: list[AgreementHit] = []
    if _REFERRING_WORDS.search(norm) is None:
        return out  # (most articles refer to no agreement so)
    for m in _REFERRING.finditer(norm):
        prior = [
            t
            for t in titles
            if t.end <= m.start() and m.start() - t.end <= _REFERRING_REACH and not t.generic
        ]
        if prior:
            t = prior[-1]
            out.append(AgreementHit(m.start(), m.end(), t.label, m.start(), m.end()))
    return out
