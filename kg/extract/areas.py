"""Functional areas without a division code (成都高新区, 四川天府新区成都直管区)."""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

from kg.extract.divisions import PlaceHit
from kg.extract.generic import covered_by
from kg.extract.lexicon import Lexicon, trie_pattern
from kg.extract.spans import Spans, any_between, book_titles
from kg.extract.tokens import Tokens

__all__ = [
    "AreaHit",
    "find_areas",
    "find_bare_areas",
    "find_region_areas",
    "canonical_area",
    "own_areas",
    "generic",
    "DIRECTIONS",
    "NOT_IN_MODIFIER",
]

# The written suffix that has a longer official form when it ends the name.
_EXPAND = {
    "高新区": "高新技术产业开发区",
    "经开区": "经济技术开发区",
    "自贸区": "自由贸易试验区",
}
# A modifier between place and suffix is a name, not a clause: it holds none of these.
_MODIFIER = r"[\u4e00-\u9fff]"
NOT_IN_MODIFIER = frozenset("的和与及在为是将把对从向、等个")
_MAX_MODIFIER = 6
DIRECTIONS = ("东部", "西部", "南部", "北部", "中部", "东", "西", "南", "北", "中国")


@dataclass
class AreaHit:
    """A named area (functional District or ScienceCity) in the normalised text."""

    start: int
    end: int
    label: str
    place: PlaceHit | None  # the division its name starts with
    basis: str = "exact"
    name_start: int | None = None  # science city: where its own name starts
    modifier: str = ""  # 东湖 in 武汉东湖新技术开发区
    suffix: str = ""  # 新技术开发区


# Written suffixes that name the same kind of area (东湖高新区 = 武汉东湖新技术开发区).
_SUFFIX_KIND = {
    "高新区": "hitech",
    "高新技术产业开发区": "hitech",
    "高新技术开发区": "hitech",
    "新技术开发区": "hitech",
    "经开区": "econ",
    "经济技术开发区": "econ",
    "经济开发区": "econ",
    "自贸区": "ftz",
    "自贸试验区": "ftz",
    "自由贸易试验区": "ftz",
}
# Suffixes an area may carry without a place before it (雄安新区, 河套深港科技创新合作区).
_BARE_SUFFIXES = (
    "高新技术产业开发区",
    "经济技术开发区",
    "经济开发区",
    "自由贸易试验区",
    "新技术开发区",
    "合作区",
    "高新区",
    "经开区",
    "开发区",
    "自贸区",
    "新区",
)
# Part-of-speech flags of words that do not begin a name (verbs, prepositions, adverbs…).
_LEADING_NOT_NAME = frozenset({"v", "vn", "vd", "p", "d", "c", "u", "r", "m", "q", "mq"})
_COUNTS = frozenset({"m", "q", "mq"})
# Prepositions of one character before a name, whatever jieba tags them (经东部新区).
_LEADING_SINGLES = frozenset("经在向从到至赴于由往")
_BARE_RE = re.compile("|".join(_BARE_SUFFIXES))
_COMMITTEE_AFTER = re.compile(r"管委会|管理委员会|执行委员会|执委会|管理局|党工委")
_BARE_FOLLOW = frozenset(",，。;；:、)与和及的将是签")
_DESCRIBED = re.compile(r"最大|最小|最早|首个|唯一|第一")
# Kinds of economic zone named by where they lie (边境经济合作区, 跨境经济合作区).
_KIND_OF_ZONE = re.compile(r"(?:边境|跨境|沿边|国际|国家级)经济")
_COUNTED_PLACES = re.compile(r"[两三四五六七八九十]+(?:省|市|地|区|县)")
_COMMON_NOUN_FREQ = 100
_NEIGHBOURHOOD = re.compile(r"[\d一二三四五六七八九十]*(?:区|期)?(?:社区|小区|居委会)")
_MAX_BARE_MODIFIER = 10


def _kind(suffix: str) -> str:
    return _SUFFIX_KIND.get(suffix, suffix)


_pattern_cache: dict[int, tuple[re.Pattern[str], re.Pattern[str]]] = {}


def _patterns(lex: Lexicon) -> tuple[re.Pattern[str], re.Pattern[str]]:
    pats = _pattern_cache.get(id(lex))
    if pats is None:
        suffixes = lex.area_suffixes
        first = re.compile(
            rf"(?P<mod>{_MODIFIER}{{0,{_MAX_MODIFIER}}}?)(?P<suf>{trie_pattern(suffixes)})"
        )
        chain = re.compile(rf"(?P<mod>{_MODIFIER}{{0,4}}?)(?P<suf>直管区|直管园|新片区|片区|园区)")
        # (a 片区 is a named part of a pilot free trade zone only; 雄安新区容东片区 is a
        # new area and a neighbourhood in it; 兰州新区绿色化工园区 is a park in an area,
        # an area only as the one its committee governs)
        pats = (first, chain)
        _pattern_cache[id(lex)] = pats
    return pats


# A shop or a branch named after an area (…新区店).
_SHOP = ("店", "分店", "门店", "旗舰店", "专卖店")
# A part of a pilot free trade zone with a longer name (广州南沙新区片区, 深圳前海蛇口片区).
_FTZ_PART = re.compile(rf"({_MODIFIER}{{5,8}}?)片区")
_FTZ = re.compile(r"自由贸易试验区|自贸试验区|自贸区")
_SENTENCE_END = re.compile(r"[。！？!?\n]")


def _ftz_before(norm: str, pos: int) -> bool:
    """Whether a pilot free trade zone is named earlier in the sentence of ``pos``."""
    lo = max(0, pos - 200)
    ends = [m.end() for m in _SENTENCE_END.finditer(norm, lo, pos)]
    return _FTZ.search(norm, ends[-1] if ends else lo, pos) is not None


# 中国( / 中韩( / 中德(: a country or a pair of countries written before a bracketed place.
_COUNTRY_BRACKET = re.compile(r"中[\u4e00-\u9fff]\(")


def _clean_modifier(mod: str, lex: Lexicon) -> bool:
    """A modifier between a place and a suffix is a name: no function word in it
    (澳门特别行政区正以合作区 is a clause, not a name)."""
    return not any(c in NOT_IN_MODIFIER or c in lex.boundary_words for c in mod)


def _holds_clause_word(mod: str) -> bool:
    """河北全省推进雄安新区: a verb or a word such as 全省 between a place and a suffix makes
    the stretch a clause, not the name of an area."""
    return _CLAUSE_VERB.search(mod) is not None or _WHOLE.search(mod) is not None


# Kinds of 开发区 that are not the economic or technological zones a District is.
_OTHER_ZONE = re.compile(r"(?:旅游|综合|农业|文化|生态|度假|休闲)$")
# 全省 / 全市: the whole of the place written before, not the start of a name.
_WHOLE = re.compile(r"全[省市区县国]")


def _clause_before_new_area(written: str, lex: Lexicon) -> bool:
    """True when ``written`` ends in a national-level new area's name and is none of its
    names (北京援建雄安新区, not 河北雄安新区 or 河北省雄安新区)."""
    if written in lex.new_areas or written in lex.new_areas.values():
        return False
    return any(written[-k:] in lex.new_areas for k in range(4, min(len(written), 8)))


def canonical_area(name: str) -> str:
    """Official form of an area name: a final 高新区 is a 高新技术产业开发区."""
    for short, full in _EXPAND.items():
        if name.endswith(short):
            return name[: -len(short)] + full
    return name


def find_areas(norm: str, places: list[PlaceHit], lex: Lexicon) -> list[AreaHit]:
    """Areas named by a place, an optional modifier and an area suffix, chained."""
    first, chain = _patterns(lex)
    out: list[AreaHit] = []
    covered = 0
    starts = {p.start for p in places}
    ordered = sorted(starts)
    for p in places:
        if p.start < covered or p.end in starts:
            continue  # 天津滨海新区: 滨海新区 is a division of its own, not a modifier
        start = p.start
        # 中国(上海)自由贸易试验区, 中韩(长春)国际合作示范区: the country (or the pair of
        # countries) and the bracket belong to the name
        if start >= 3 and _COUNTRY_BRACKET.match(norm, start - 3) and norm.startswith(")", p.end):
            start -= 3
        pos = p.end + (1 if norm.startswith(")", p.end) and start < p.start else 0)
        m = first.match(norm, pos)
        if m is None or not _clean_modifier(m.group("mod"), lex):
            continue
        if (
            _holds_clause_word(m.group("mod"))
            or m.group("mod").startswith(("级", "委", "内"))  # 省级, 省委, 省内: not a name
            or _COUNTED_PLACES.search(m.group("mod"))  # 福建两省自贸试验区: several places' zones
            or "街道" in m.group("mod")
            or _NEIGHBOURHOOD.match(norm, m.end())
        ):
            continue  # 四川省级生态旅游示范区: a designation; …街道龙门新区三区社区: an estate
        if m.group("suf") == "开发区" and _OTHER_ZONE.search(m.group("mod")):
            continue  # 紫蓬山旅游开发区, 工业综合开发区: a zone of another kind, not a District
        if any_between(ordered, pos, m.start("suf")):
            continue  # 浦东新区海口江东新区: another place begins inside, two names
        end = m.end()
        while True:
            c = chain.match(norm, end)
            if c is None or any(ch in NOT_IN_MODIFIER for ch in c.group("mod")):
                break
            if (
                c.group("suf").endswith("片区")
                and _kind(m.group("suf")) != "ftz"
                and not (c.group("mod") == "" and _ftz_before(norm, start))
            ):
                break  # (珠海横琴新区片区 after the zone it is part of is that part)
            if c.group("suf") == "园区" and not _COMMITTEE_AFTER.match(norm, c.end()):
                break  # …新区绿色化工园区: a park (a project), unless its committee follows
            end = c.end()
        if end == m.end() and _kind(m.group("suf")) == "ftz":
            part = _FTZ_PART.match(norm, end)
            if part is not None and not any(ch in NOT_IN_MODIFIER for ch in part.group(1)):
                end = part.end()  # …自贸试验区广州南沙新区片区: a part named after a new area
        if norm.startswith(_SHOP, end):
            continue  # 西安…曲江新区店: a shop named after the area, not the area
        written = norm[start:end]
        if _clause_before_new_area(written, lex):
            continue  # 北京援建雄安新区: read as 雄安新区 on its own (find_bare_areas)
        label = canonical_area(written)
        if (
            _kind(m.group("suf")) == "ftz" and not m.group("mod") and p.code in lex.free_trade_zones
        ):  # 湖北自贸试验区, 中国(湖北)自贸区武汉片区: the province's zone by its official name
            label = lex.free_trade_zones[p.code] + written[m.end() - start :]
        if (
            m.group("suf") == "新区"
            and p.code
            and p.code.endswith("0000")
            and p.name.endswith("省")
        ):
            label = p.name[:-1] + label[p.end - start :]  # 江西省赣江新区 is 江西赣江新区
        basis = "exact" if label == written else "canonical-name"
        hit = AreaHit(start, end, label, p, basis, None, m.group("mod"), m.group("suf"))
        if end != m.end():
            hit.modifier, hit.suffix = "", ""  # a chained name has no bare form
        out.append(hit)
        covered = end
    return out


def find_bare_areas(
    norm: str,
    prefixed: list[AreaHit],
    lex: Lexicon,
    tokens: Tokens | None = None,
    places: list[PlaceHit] = (),
) -> list[AreaHit]:
    """Areas written without a place: the short form of an area named in full elsewhere
    (两江新区 for 重庆两江新区, 东湖高新区 for 武汉东湖新技术开发区), or a name standing on its
    own (雄安新区 said twice, 河套深港科技创新合作区 before 与)."""
    spans = Spans([(a.start, a.end) for a in prefixed] + [(p.start, p.end) for p in places])
    place_ends = {p.end for p in places}
    known = {(a.modifier, _kind(a.suffix)): a for a in prefixed if a.modifier}
    # the same, by kind and length of the modifier: (its rank in known, the area) by modifier
    by_length: dict[str, dict[int, dict[str, tuple[int, AreaHit]]]] = {}
    for rank, ((mod, kind), a) in enumerate(known.items()):
        by_length.setdefault(kind, {}).setdefault(len(mod), {})[mod] = (rank, a)
    cands: list[tuple[int, int, str, AreaHit | None]] = []
    for m in _BARE_RE.finditer(norm):
        s, e = m.span()
        if spans.covers(s):
            continue
        if m.group() == "新区" and s > 0 and norm[s - 1] == "创":
            continue  # 科教创新区: an "innovation area", not a 新区
        # the first modifier of known written right before (as norm.startswith(mod, s - n))
        found = [
            mods[norm[s - n :][:n]]
            for n, mods in by_length.get(_kind(m.group()), {}).items()
            if norm[s - n :][:n] in mods
        ]
        if found:
            _rank, alias = min(found, key=lambda x: x[0])
            cands.append((s - len(alias.modifier), e, alias.label, alias))
            continue
        # the modifier: back to a boundary (punctuation, a function word or verb, the end
        # of a place name), at most ten characters
        left, clean = s, False
        while left > max(0, s - _MAX_BARE_MODIFIER):
            ch = norm[left - 1]
            if (
                not ("\u4e00" <= ch <= "\u9fff")
                or ch in "的和与及、"
                or left in place_ends
                or _ends_with_word(norm, left, lex.boundary_words, lex.max_boundary_len)
            ):
                clean = True
                break
            left -= 1
        if left >= 2 and norm[left - 1] in "-—–" and "\u4e00" <= norm[left - 2] <= "\u9fff":
            continue  # 中国-东盟自贸区: an arrangement between two parties, not an area
        core = norm[left:s]
        if core[:1] in "委内" and left > 0 and norm[left - 1] in "省市县区" and len(core) > 2:
            core, left = core[1:], left + 1  # 河北省委雄安新区: the committee's 委, not the name
        if _kind(m.group()) == "ftz" and (
            _states_abbreviated(core, lex)
            or _FOREIGN_REGION.search(core)
            or lex.country_re.search(core)
            or core in lex.region_words  # 京津冀自贸区: the zones of three provinces
        ):
            continue  # 中日韩自贸区, 非洲大陆自贸区: a free trade area of states, not a zone
        states = lex.country_re.finditer(norm, max(0, left - 6), s)
        if any(c.end() >= left and lex.country_names[c.group()] != "CN" for c in states):
            continue  # 中国埃及苏伊士经贸合作区: a zone abroad, no division of China
        # a whole modifier between clean boundaries is the name (横琴粤澳深度合作区); else
        # the name is jieba's word before the suffix (雁栖湖片区), or its last two characters
        if clean and len(core) >= 3:
            # 服务雄安新区 / 疏解到雄安新区 / 构筑国家级新区: a leading verb or preposition is
            # not the name
            last, clause_only = "", False
            for word, flag in lex.pos_cut(core):
                verb = word in lex.clause_verbs
                if flag not in _LEADING_NOT_NAME and word not in _LEADING_SINGLES and not verb:
                    break
                if len(core) - len(word) < 2:
                    clause_only = (flag.startswith("v") or verb) and len(word) >= 2
                    break
                core, left, last = core[len(word) :], left + len(word), flag
            if last in _COUNTS or clause_only:
                continue  # 五个兵地合作区: a count of a kind of area; 配股到新区: a clause
            known = next((k for k in range(2, 6) if core[-k:] + m.group() in lex.new_areas), 0)
            if known and len(core) > known:
                core, left = core[-known:], s - known  # 北京援建雄安新区: a new area's name
        if clean and len(core) >= 3 and generic(core[1:], lex):
            continue  # 发挥好国家级新区: one character before a generic word names nothing
        if lex.ministry_re.fullmatch(core):
            continue  # 海关总署自贸区…司: a ministry's department for the zones, not a zone
        if (
            _holds_clause_word(core)
            or _DESCRIBED.search(core)
            or _TITLE_GIVEN.search(core)
            or _KIND_OF_ZONE.fullmatch(core)
            or (core and lex.pos_cut(core)[0][1] in ("s", "r"))  # 当地经济开发区, 境外…: where
            or (
                core[:1] == "中"
                and core[1:2] in lex.country_abbreviations
                and (generic(core[2:], lex) or _KIND_OF_ZONE.fullmatch(core[2:]) is not None)
            )
            or any(len(w) >= 2 and w in core for w in lex.clause_verbs)  # 党中央高度重视合作区
        ):
            # 紧密衔接自由贸易试验区, 全球最大自贸区, 边境经济合作区, 中缅边境经济合作区 (the two
            # states' zones): no zone's name
            continue
        if clean and len(core) >= 3 and not generic(core, lex):
            cands.append((left, e, canonical_area(core + m.group()), None))
            continue
        tok = tokens.start_before(s) if tokens is not None else None
        short = norm[tok:s] if tok is not None and left <= tok <= s - 2 else core[-2:]
        if len(core) < 2 or generic(short, lex) or short in DIRECTIONS:
            if len(core) < 3 or generic(core, lex):
                continue
            short = core
        if lex.pos_cut(short)[0][1] in ("v", "vd", "p", "d", "m", "t") or short in lex.clause_verbs:
            continue  # (简称合作区), 发挥好…新区, 下一步高新区, 当前经开区: a verb, a numeral, a time
        if _kind(m.group()) == "ftz" and lex.is_common_word(short, _COMMON_NOUN_FREQ):
            continue  # 打造油气自贸区, 数字自贸区: what a zone is to be, not its name
        cands.append((s - len(short), e, canonical_area(short + m.group()), None))
    # 前海合作区 after 前海深港现代服务业合作区: a shortened modifier is the same area
    longer = [(c[2], c[3]) for c in cands] + [(a.label, a) for a in prefixed]
    # the longer name of a label is the same wherever the label is written: found once
    longer_of: dict[str, tuple[str, AreaHit | None] | None] = {}
    for k, (s, e, label, alias) in enumerate(cands):
        if alias is not None:
            continue
        if label not in longer_of:
            suffix = next((x for x in _BARE_SUFFIXES if label.endswith(x)), "")
            core = label[: len(label) - len(suffix)]
            longer_of[label] = next(
                (
                    (other, area)
                    for other, area in longer
                    if other != label
                    and len(core) >= 2
                    and other.endswith(suffix)
                    and other.startswith(core)
                    and len(other) > len(label)
                ),
                None,
            )
        if longer_of[label] is not None:
            other, area = longer_of[label]
            cands[k] = (s, e, other, area or AreaHit(s, e, other, None))
    counts: dict[str, int] = {}
    for s, e, _label, _a in cands:
        counts[norm[s:e]] = counts.get(norm[s:e], 0) + 1
    out = []
    for s, e, label, alias in cands:
        written = norm[s:e]
        standalone = (
            counts[written] >= 2
            or _COMMITTEE_AFTER.match(norm, e) is not None
            or (e < len(norm) and norm[e] in _BARE_FOLLOW)
            or _starts_with_word(norm, e, lex.boundary_words, lex.max_boundary_len)
        )
        if (alias is None and not standalone) or _NEIGHBOURHOOD.match(norm, e):
            continue  # (龙门新区三区社区: a neighbourhood named after a housing estate)
        basis = "exact" if written == label else "canonical-name"
        out.append(AreaHit(s, e, label, alias.place if alias else None, basis))
    return out


# A title a city or a belt of cities is given (中国特色社会主义先行示范区 for Shenzhen,
# 长江经济带绿色发展示范区 for the cities that apply): no area of its own.
_TITLE_GIVEN = re.compile(r"社会主义|经济带")
# Verbs that make a region's modifier a clause (长三角地区加快建设…示范区), not a name.
_CLAUSE_VERB = re.compile(
    r"建设|推进|打造|加快|支持|推动|围绕|依托|实施|开展|成为|作为|包括|地区"
    r"|衔接|担任|选派|对接|融入|助力|携手|紧密|积极|全面|主动|率先|调研|考察|视察|参观|走访"
    r"|聚焦|锚定|定位|瞄准|专注|片区|设立|批准"
)


# Verbs of becoming right before a zone's words.
_BECOMES = re.compile(r"(?:成为|打造成|建成为|建设成|定位为)$")


def find_region_areas(norm: str, lex: Lexicon, taken: list[tuple[int, int]]) -> list[AreaHit]:
    """Zones named by a region word and a descriptive modifier before a zone suffix
    (长三角生态绿色一体化发展示范区): the modifier holds no verb or function word."""
    out = []
    for m in lex.region_zone_re.finditer(norm):
        s, e = m.span()
        if any(ts < e and s < te for ts, te in taken):
            continue
        mod = m.group("mod")
        if (
            not _clean_modifier(mod, lex)
            or _CLAUSE_VERB.search(mod)
            or _TITLE_GIVEN.search(m.group())
        ):
            continue
        if _BECOMES.search(norm, max(0, s - 6), s):
            continue  # 打造成为粤港澳大湾区合作示范区: what a zone is to become, not its name
        out.append(AreaHit(s, e, m.group(), None, "exact"))
    return out


# Continents and unions of states, whose free trade areas are not China's zones.
_FOREIGN_REGION = re.compile(r"非洲|欧洲|美洲|亚洲|大洋洲|东盟|欧盟|大陆|太平洋|大西洋|阿拉伯")


def _states_abbreviated(core: str, lex: Lexicon) -> bool:
    """True when ``core`` is China and other states by their abbreviations (中日韩)."""
    abbr = lex.country_abbreviations
    return len(core) >= 2 and "中" in core and all(c == "中" or c in abbr for c in core)


def generic(text: str, lex: Lexicon) -> bool:
    """Whether ``text`` is made of generic words only."""
    return covered_by(text, lex.generic_words, lex.max_generic_len)


def _ends_with_word(norm: str, pos: int, words: frozenset[str], max_len: int) -> bool:
    return any(norm[pos - n : pos] in words for n in range(1, min(max_len, pos) + 1))


def _starts_with_word(norm: str, pos: int, words: frozenset[str], max_len: int) -> bool:
    return any(norm[pos : pos + n] in words for n in range(1, max_len + 1))


# A batch of a kind of area (第一批自贸区, 首批国家级新区).
_BATCH = re.compile(r"第[一二三四五六七八九十\d]+批|首批|一批")
# The rest of a body's name after an area written in it: a school, a bureau, a bank's branch.
_BODY_AFTER = re.compile(
    r"(?:[(（][^)）]{1,12}[)）])?"  # (南沙开发区（自贸区南沙片区）管委会: a second name in brackets)
    r"[^\W\d的内在和与及、]{0,6}?(?:小学|中学|学校|幼儿园|税务局|公安局|分局|派出所|支行|分行|法院|检察院"
    r"|医院|卫生院|执法局|联盟|办事处)"
)


def own_areas(norm: str, areas: list[AreaHit]) -> list[AreaHit]:
    """The areas written as areas: not one named only inside a body's name (…开发区税务局,
    …高新区…学校) or a title (《…自由贸易试验区扩展区域方案》), not a batch of a kind
    (第一批自贸区); 原 (former) is no part of a name."""
    out = []
    books = book_titles(norm)
    for a in areas:
        if _BODY_AFTER.match(norm, a.end) or _BATCH.search(a.label):
            continue
        if books.encloses(a.start, a.end):
            continue
        if a.label.startswith("原") and norm.startswith("原", a.start):
            a = replace(a, start=a.start + 1, label=a.label[1:])  # 原横琴新区: the former one
        out.append(a)
    return out
