"""Whether an organisation's name is its own or only says what kind of body it is."""

from __future__ import annotations

import re

from kg.extract.divisions import MUNICIPALITIES, PlaceHit
from kg.extract.generic import looks_generic
from kg.extract.lexicon import Lexicon
from kg.extract.matching import QUARTERS, QUOTES
from kg.extract.name_words import INSTITUTE_HEAD, surname_first
from kg.extract.proper_words import has_proper_word

__all__ = [
    "BANK_IN",
    "CLAUSE_FLAGS",
    "COMPANY",
    "LEGAL_FORMS",
    "after_kind",
    "after_lead",
    "bank_of_branch",
    "after_parent",
    "joins_fields",
    "own_name_start",
    "past_clause",
    "past_words_before_place",
    "unnamed",
]

# Suffixes of companies, whose registered names keep the province (山西省…有限公司).
COMPANY = re.compile(r"公司|集团")
# Flags of the words of a clause (a verb, a preposition, an adverb, a set phrase).
CLAUSE_FLAGS = frozenset({"v", "vd", "p", "d", "c", "l"})


def past_clause(norm: str, start: int, head: int, end: int, suffix: str, lex: Lexicon) -> int:
    """Where the name starts when the words before an organisation's suffix hold no proper
    word but words of a clause (a verb, a preposition, an adverb, a set phrase): after
    them if what is left is a name in jieba's dictionary (视察国防大学 → 国防大学), else -1
    (按规定方舱医院, 可去县级医院: a clause before a kind). ``start`` when no clause."""
    if COMPANY.search(suffix):
        return start
    core = norm[start:head]
    if has_proper_word(core, lex, rare=False, terms=False, verb_singles=False):
        return start
    if lex.word_tag(norm[start:end]) == "nt":
        return start  # 首都医科大学 (首都 tagged an adverb): a body the dictionary knows
    words = lex.pos_cut(core)
    # (勘探开发研究院: a verb of two characters right before an institute's head is its field)
    fields = len(words) - 1 if INSTITUTE_HEAD.fullmatch(suffix) else len(words)
    last = max(
        (
            i
            for i, (w, flag) in enumerate(words)
            if flag in CLAUSE_FLAGS and w not in "与和及" and not (i == fields and len(w) == 2)
        ),
        default=-1,
    )
    if last < 0 or len(words) < 2:
        return start
    rest = start + sum(len(w) for w, _f in words[: last + 1])
    if rest < head and lex.word_tag(norm[rest:end]) in ("nt", "nz", "ns"):
        return rest
    return -1


# Newspapers are named by their titles, whatever their words (经济日报, 文化报).
_PAPER_SUFFIX = re.compile(r"日报|晚报|报|报社")
# Qualifiers that make a body's name its own without a place: the country's national ones
# (国家开放大学, 中央民族大学, 首都医科大学, 解放军总医院, 国防科技大学).
# and the world's (国际出版商协会, 世界顶尖科学家协会).
_NATIONAL = re.compile(
    r"国家|中央|中华|全国|首都|解放军|人民解放军|国防|军事|海军|空军|陆军|武警|国际|世界|全球|环球"
)
# The last character of a place's name: a hill, an altar, a lake, a bay, a temple.
_PLACE_TAILS = frozenset("山坛湖岛湾寺峰岭江河")
# Words that refer back to a body named before (上述行业协会, 该研究所).
_NAMED_BEFORE = re.compile(r"(?:上述|前述|该)$")
# A word this rare in the segmenter's dictionary is a name of its own (创价大学, 计算技术研究所).
_RARE_IN_NAME = 20


def after_parent(norm: str, start: int, lex: Lexicon) -> bool:
    """True when an organisation's name ends right before ``start``: the name there is one of
    its units (中国社会科学院中国历史研究院历史理论研究所, 航天科技集团第一研究院)."""
    k = start
    while k > 0 and norm[k - 1] in "第一二三四五六七八九十":
        k -= 1
    suffix = lex.org_suffix_re.search(norm, max(0, k - 6), k)
    return (suffix is not None and suffix.end() == k) or COMPANY.search(norm, k - 2, k) is not None


# A standard in quotes, a count of merits (“四好”, “五星”), before a kind of body.
_SLOGAN = re.compile(r"[“\"][一二三四五六七八九十两]+[\u4e00-\u9fff]{1,2}[”\"]")


def _trade_only(core: str, lex: Lexicon) -> bool:
    """True when the words before a company's bare suffix (公司, 集团) are only frequent nouns
    of a trade (保险公司, 投资公司, 能源集团): what kind of company, not which."""
    words = lex.pos_cut(core)
    return bool(words) and all(
        len(w) > 1 and flag in ("n", "vn") and lex.is_common_word(w) for w, flag in words
    )


def unnamed(norm: str, start: int, head: int, suffix: str, label: str, lex: Lexicon) -> bool:
    """True when the words before a body's suffix only say what kind it is (养蜂协会, 重症医院,
    乡镇社区卫生院, 设计艺术学院 without its university): no proper or rare word, no letters or
    digits, no national qualifier, and the whole is no name the segmenter's dictionary holds;
    the name runs from ``start`` to the suffix at ``head`` (上述稀土行业协会: one named before)."""
    core = norm[start:head]
    inner = next((m for m in lex.org_suffix_re.finditer(core) if m.end() == len(core)), None)
    if (inner is not None and looks_generic(core[: inner.start()], lex, [])) or _SLOGAN.fullmatch(
        core
    ):
        return True  # 行业协会商会: two kinds of body; “四好”商会: a body that meets a standard
    if _NAMED_BEFORE.search(norm, max(0, start - 2), start):
        return False
    if not lex.is_common_word(core, _INSTITUTION_WORD) and any(
        lex.word_tag(core + kind) == "nt" for kind in _INSTITUTIONS
    ):
        return False  # 同济医院: the name of a university the dictionary holds (同济大学)
    if _named_first(core, lex) and any(
        lex.country_re.fullmatch(norm, k, start) for k in range(max(0, start - 6), start - 1)
    ):
        return False  # 越南河内国家大学: a name after its state (own_name_start leaves the state)
    if COMPANY.fullmatch(suffix):  # (航天科技集团: a known enterprise's short name)
        return label not in lex.known_organizations and _trade_only(core, lex)
    if _PAPER_SUFFIX.fullmatch(suffix) or COMPANY.search(suffix) or suffix.endswith("银行"):
        return False
    if core.startswith("《"):
        return False  # 《绿色发展》杂志社: a periodical's office named by its title
    if any(c.isascii() and c.isalnum() for c in core) or _NATIONAL.match(core.removeprefix("原")):
        return False
    pair = core[:2]
    if lex.country_re.match(core) or (
        len(pair) == 2
        and pair[0] != pair[1]
        and all(c in lex.country_abbreviations or c == "中" for c in pair)
    ):
        return False  # 缅中友好协会: named after the two countries
    if core[-1:] in _PLACE_TAILS or core[:2] in QUARTERS:
        return False  # 火神山医院, 地坛医院, 北方民族大学: named after a hill, an altar, a quarter
    if (lex.is_known_word(label) and lex.word_tag(label) != "n") or label[:1] in "省县":
        # 中央电视台; 县人民医院 is named after the article's own county (名牌大学, a common
        # noun of the dictionary, names none)
        return False
    core = QUOTES.sub("", core)
    if lex.org_suffix_re.search(core) or COMPANY.search(core):
        return False  # 航天科技集团第一研究院: a unit named after its parent
    freq = lex.tokenizer().FREQ
    for w, flag in lex.pos_cut(core):
        if len(w) >= 2 and (freq.get(w, 0) < _RARE_IN_NAME or flag == "j"):
            return False  # 创价大学; 国科大马克思主义学院, 民航总医院: a body's short name
    return not has_proper_word(core, lex, rare=False)


# An amount of money and the word that gives it (捐赠500万元予, 1000万元人民币给).
_AMOUNT = re.compile(r"\d[\d.]*[万亿]?元(?:人民币)?[予给向为]?")


def past_words_before_place(
    norm: str, start: int, head: int, place_starts: frozenset[int], lex: Lexicon
) -> int:
    """Where the name starts when words that name nothing come before the first place or
    country in it (指导中国医药保健品进出口商会, 1000万元人民币予中山大学附属第一医院): at that
    place; ``start`` when the words before it hold a proper name or no place follows. An
    amount given to it (1000万元人民币予) is never part of a name."""
    start = max((a.end() for a in _AMOUNT.finditer(norm, start, head)), default=start)
    if start in place_starts or lex.country_re.match(norm, start):
        return start
    for k in range(start + 1, head - 1):
        country = lex.country_re.match(norm, k)
        if country is not None and (
            norm[k - 1] in "(（《“全"
            or norm.rfind("《", start, k) > norm.rfind("》", start, k)
            or lex.is_known_word(norm[k - 1 : country.end()])
            or lex.is_known_word(norm[k : country.end() + 1])
        ):
            continue  # 内蒙古, 蒙古族, 全日本, 《今日中国》, SMC(中国)有限公司: not where a name begins
        if norm[k - 1] in "(（":
            continue  # 松下电器(上海)有限公司: a place in brackets inside the name
        if k in place_starts or country is not None:
            before = norm[start:k]
            if before in lex.company_brands or _LATIN_BRAND.fullmatch(before):
                return start  # 中车株洲…有限公司: a central enterprise's subsidiary; 3M中国…
            if any(c.isdigit() for c in before) or not (
                has_proper_word(before, lex, rare=False, terms=False)
                or lex.org_suffix_re.search(before)
                or COMPANY.search(before)
            ):
                return k
            return start
    return start


# A brand in Latin letters and digits (3M, SAP) before a place in a company's name.
_LATIN_BRAND = re.compile(r"[0-9A-Za-z]*[A-Za-z][0-9A-Za-z]*")


# A department of a school or a body, before a joiner: the joiner is between two bodies.
_DEPARTMENT_END = re.compile(r"(?:部|处|办|团委|党委)$")


def joins_fields(
    norm: str,
    k: int,
    head: int,
    lex: Lexicon,
    place_ends: set[int],
    stops: frozenset[int],
    place_starts: frozenset[int] = frozenset(),
) -> bool:
    """True when the joiner at ``k`` joins two fields of one institute's name: no place,
    body or organisation ends before it, no place begins after it, and the words after it
    name nothing alone."""
    suffix = lex.org_suffix_re.search(norm, max(0, k - 4), k)
    return not (
        k in place_ends
        or k in stops
        or (suffix is not None and suffix.end() == k)
        or _DEPARTMENT_END.search(norm, max(0, k - 3), k)  # 学工部和…学院: a department
        or has_proper_word(norm[k + 1 : head], lex, rare=False, terms=False)
        or norm.endswith("中心", 0, k)  # 知识产权保护中心与…研究院: a centre before it
        or lex.known_organization_re.match(norm, k + 1)  # …与东盟…研究院: a body after it
        # 龙佰集团与攀枝花学院, 幼儿园与幼师学院: a company or a school before it
        or norm.endswith(("集团", "公司", "幼儿园", "学校", "中学", "小学"), 0, k)
        or k + 1 in place_starts  # …与攀枝花学院: a place begins a body's name after it
    )


def _named_first(rest: str, lex: Lexicon) -> bool:
    """True when the words after a state begin with a proper noun the segmenter's dictionary
    holds rarely, a name of its own (泰国开泰银行, 英国诺丁汉大学), not a term of what the
    body does (韩国外国语大学, 德国红十字协会, 智利天主教大学 keep their state)."""
    word, flag = lex.pos_cut(rest)[0]
    return len(word) >= 2 and flag == "nz" and lex.tokenizer().FREQ.get(word, 0) < _RARE_NAME


# Kinds of institution whose names the dictionary holds whole (同济大学, 协和医院).
_INSTITUTIONS = ("大学", "医院", "学院")
# How often that name may be written as a word of its own (同济: 85; 理工: 490, 人民: 43,719).
_INSTITUTION_WORD = 200
# How rare a proper noun is in the segmenter's dictionary to be a body's own name after its
# state (开泰: 10, 诺丁汉: 9; 红十字: 83, 外国语: 270).
_RARE_NAME = 50


# 国家博物馆联合会, 国立大学, 皇家学会, 国际贸易促进会 after a state: its national body, which the
# state's name is part of (法国国家博物馆联合会, 日本国际贸易促进会, 德国国际合作机构).
_STATE_WORDS = ("国家", "国立", "皇家", "国民", "国际")


def own_name_start(
    norm: str, start: int, head: int, suffix: str, at: dict[int, PlaceHit], lex: Lexicon
) -> int:
    """Where an organisation's own name starts: past a foreign country written before a
    named one (加拿大多伦多大学 → 多伦多大学), past the province above a city written before a
    hospital or a university (湖北十堰市太和医院 → 十堰市太和医院), and past a place before
    a name that begins with a region (陵水县华中农业大学 → 华中农业大学). Companies keep the
    places of their registered names, and the trade words before them where the company
    is all an item of a list says (、中科合肥…有限公司). ``at``: the places by where they
    start."""
    country = lex.country_re.match(norm, start)
    if (
        country is not None
        and lex.country_names[country.group()] != "CN"
        and norm[country.end() : country.end() + 1] not in "—–-"  # (埃塞俄比亚—吉布提…公司)
    ):
        rest = norm[country.end() : head]
        first = lex.org_suffix_re.search(rest)
        if (
            len(rest) >= 2
            and not rest.startswith(_STATE_WORDS)
            # (俄罗斯科学院西伯利亚分院: the state's academy, a kind of body after the state)
            and not (first is not None and looks_generic(rest[: first.start()], lex, []))
            and (
                has_proper_word(rest, lex, rare=False, terms=False)
                or rest[0].isascii()
                or _named_first(rest, lex)
            )
        ):
            return country.end()  # 法国BFMTV电视台: a name in letters is its own
    # 中国厦门大学: China before a university named by its city (中国浦东干部学院 keeps it)
    if (
        country is not None
        and lex.country_names[country.group()] == "CN"
        and suffix in ("大学", "医院")
        and any(
            norm[country.end() : country.end() + n] in lex.divisions.short
            or norm[country.end() : country.end() + n] in lex.divisions.full
            for n in (2, 3)
        )
    ):
        return country.end()
    if COMPANY.search(suffix):
        return _item_start(norm, start, at, lex)
    k = start
    while (
        k in at
        and at[k].end in at
        and (at[k].code or "").endswith("0000")
        and (at[k].code or "")[:2] not in MUNICIPALITIES  # (天津市红桥医院: the city itself)
        and (
            (at[at[k].end].code or "")[:2] == (at[k].code or "")[:2] or not _FELLOWS.search(suffix)
        )
    ):
        # 湖北省武汉市汉口医院: the province above the city is not in the name (广东省湖北商会:
        # a province before another one is where the chamber of the other's merchants is)
        k = at[k].end
    if suffix in _COUNTY_HOSPITALS and _county_after_city(at, k, lex):
        k = at[k].end  # 定西市渭源县人民医院: a county's hospital is named after the county
    if k in at:
        after = at[k].end
        if norm[after : after + 1] in "东西南北中华" and any(
            norm[after : after + n] in lex.region_words for n in range(2, lex.max_region_len + 1)
        ):
            return after  # 陵水县华中农业大学: the name begins with its region (天津市黄河医院
            # keeps its city: a river's name is the hospital's own)
    return k


# Suffixes of the hospitals a county names after itself (渭源县人民医院, 将乐县总医院).
_COUNTY_HOSPITALS = frozenset({"医院", "总医院", "人民医院", "中医院", "中医医院", "卫生院"})


def _county_after_city(at: dict[int, PlaceHit], k: int, lex: Lexicon) -> bool:
    """True when a prefecture-level city written at ``k`` is followed by one of its counties
    (县, 旗, or a county-level city; not a 区, whose hospitals keep their city's name)."""
    city = at.get(k)
    county = at.get(city.end) if city is not None else None
    if city is None or county is None or not city.code or not county.code:
        return False
    divisions = lex.divisions.by_code
    return (
        divisions[city.code].level == 2
        and divisions[county.code].level == 3
        and divisions[county.code].parent == city.code
        and not divisions[county.code].name.endswith("区")  # (武昌 of 武汉市武昌医院: 武昌区)
    )


# Bodies of the people of one place living in another (广东省湖北商会, 澳门福建同乡总会).
_FELLOWS = re.compile(r"商会|同乡|总会|联合会|联谊会")
# What ends the item of a list, a clause or a sentence before a company's name (旗下的…, 与…).
_ITEM_BOUNDS = "、。；;\n，,：:的与和及同由"
# Parts of speech that begin no trade name: verbs, prepositions, conjunctions, adverbs,
# particles, pronouns, numerals, times and localisers.
_NO_TRADE_START = ("v", "p", "c", "d", "u", "r", "m", "t", "f")
# Flags of the words of a trade name: places, abbreviations, other proper nouns.
_TRADE_FLAGS = ("ns", "j", "nz", "nt")


def _item_start(norm: str, start: int, at: dict[int, PlaceHit], lex: Lexicon) -> int:
    """Where a company named from a place (``start``) begins when a short run of trade
    words, after the province the company is registered in or not, stands between the place
    and the start of its item (、国电津能滨海…, 中科合肥…, 与辽宁晶澈锦州…)."""
    if start not in at:
        return start
    lo = max(0, start - _MAX_TRADE_PREFIX - _PROVINCE_BEFORE)
    b = max(norm.rfind(c, lo, start) for c in _ITEM_BOUNDS)
    if b < 0 and lo > 0:
        return start
    prefix = norm[b + 1 : start]
    province = at.get(b + 1)
    trade = prefix
    if province is not None and (province.code or "").endswith("0000"):
        trade = norm[province.end : start]  # 辽宁晶澈锦州…: the province, then the trade name
    if (
        not 2 <= len(trade) <= _MAX_TRADE_PREFIX
        or not all("\u4e00" <= c <= "\u9fff" for c in prefix)
        or any(c in "与和及同跟是" for c in prefix)
        or (surname_first(prefix) and not lex.is_known_word(prefix[:2]))
    ):
        return start
    words = lex.pos_cut(prefix)  # (刘波平重庆…公司: a person before a company in a list)
    if (
        words[0][1].startswith(_NO_TRADE_START)
        or any(len(w) >= 2 and f.startswith(_NO_TRADE_START) for w, f in words)
        or not any(f in _TRADE_FLAGS for _w, f in words)
    ):
        return start
    return b + 1


_MAX_TRADE_PREFIX = 4
# Room before the trade words for the province's name (内蒙古) and the item's bound.
_PROVINCE_BEFORE = 4


# Words before a name that end a clause of going, leading or aid (代表团赴…公司, 娄竞带领…公司,
# 中铁二十五局援…医院), and a person's people in brackets before the body of a byline
# (王某（侗族）中国电信…).
_LEAD = re.compile(r"赴|带领|率领|援建|(?<![救支声])援(?![助])|[(（][\u4e00-\u9fff]{1,6}族[)）]")
# What a body is, written before its name (美国智库…研究所).
_KIND_BEFORE = re.compile(
    r"(?:西方|欧美|国外|海外|外国|国际)?(?:(?:知名|研究|高等)?(?:智库|媒体|机构|学府)"
    r"|(?:[\u4e00-\u9fff][业方]|当地|本地|龙头|民营|国有|外资|外商|知名|领军|骨干|科技型|高新技术"
    r"|(?:双方|中外)?(?:合资|独资))企业"
    r"|(?:船|航运|物流|能源|电力|汽车|化工|钢铁|矿业|医药)(?:公司|企业))"
    r"(?=[\u4e00-\u9fff]{2})"
)  # (丹麦乳业企业…有限公司, 民营企业…集团, 俄方企业…公司, 日本航运企业…株式会社: what it is)


def after_lead(norm: str, start: int, hs: int) -> int:
    """Where a name whose words are ``norm[start:hs]`` begins after such words."""
    return max([start] + [m.end() for m in _LEAD.finditer(norm, start, hs)])


def after_kind(norm: str, start: int, hs: int, lex: Lexicon) -> int:
    """Where a name begins after what the body is, written before it with or without its
    country or place (智库…研究所, 英国智库…研究所, 临沂民营企业…集团)."""
    country = lex.country_re.match(norm, start, hs)
    at = country.end() if country is not None else start
    place = next((k for k in (4, 3, 2) if norm[at : at + k] in lex.divisions.short), 0)
    kind = _KIND_BEFORE.match(norm, at, hs) or _KIND_BEFORE.match(norm, at + place, hs)
    return kind.end() if kind is not None else start


def bank_of_branch(norm: str, start: int, label: str, lex: Lexicon) -> tuple[int, str] | None:
    """Where a bank's branch written from ``start`` (``label``) begins and its label: with its
    bank's short name before it (建行梅州分行), the bank named before it (华夏银行…，成都分行与…签订),
    or written with the bank's name and legal form (中国银行股份有限公司江苏省分行); None when no
    bank is read for it."""
    bank = next((b for b in lex.bank_abbreviations if norm.endswith(b, 0, start)), None)
    if bank is not None:
        return start - len(bank), lex.bank_abbreviations[bank] + label
    if BANK_IN.search(label):
        return start, label
    if not (named := bank_named_before(norm, start, lex)):
        return None
    form = next((f for f in LEGAL_FORMS if norm.endswith(named + f, 0, start)), "")
    if norm.endswith(named + form, 0, start):
        start -= len(named + form)  # 中国进出口银行湖北省分行: one name, the bank's branch
    return start, named + form + label


# A company's or a bank's legal form, longest first (股份有限公司 ends with 有限公司): what comes
# before it is its registered name.
LEGAL_FORMS = ("股份有限公司", "有限责任公司", "有限公司")


def bank_named_before(norm: str, start: int, lex: Lexicon) -> str | None:
    """The bank last named in the paragraph before a branch written without it."""
    para = norm.rfind("\n", 0, start) + 1
    for m in reversed(list(_BANK_NAME.finditer(norm, max(para, start - _BANK_REACH), start))):
        name = m.group()
        for k in range(len(name) - 3):
            word = name[k:]
            if word in lex.bank_abbreviations.values() or (
                lex.word_tag(word) in ("nt", "j") and word not in lex.generic_words
            ):
                return word
        if name[-2:] != "银行" and name[-2:] in lex.bank_abbreviations:
            return lex.bank_abbreviations[name[-2:]]
    return None


# A bank's name, or its own short name (华夏银行, 中国农业银行, 建行), and how far before a
# branch it is looked for.
_BANK_NAME = re.compile(r"[\u4e00-\u9fff]{0,6}银行|[工农中建交]行")
BANK_IN = re.compile(r"银行|[工农中建交]行")
_BANK_REACH = 120
