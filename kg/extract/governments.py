"""The governments that sign for places and states written as the subject of a signing
(宜春市与…签署, 京冀签署, 中美签署) or named in a treaty's title (中俄…条约)."""

from __future__ import annotations

import re
from bisect import bisect_left

from kg.extract import lookups
from kg.extract.agreements import AgreementHit
from kg.extract.builder import Found, country_entity, division_entity, entity
from kg.extract.local_abroad import places_abroad
from kg.extract.main_places import main_places_at
from kg.extract.sign_words import SIGNING_GAP
from kg.records import Entity, Span

__all__ = [
    "DATE_GAP",
    "LOCATIVE",
    "clause_start",
    "foreign_local",
    "government",
    "governments_in",
    "state_codes",
    "subject_end",
    "title_states",
]


# Words between a place and the signing verb that keep the place the verb's subject (成都市
# 正式签署, 长沙县日前签订): a count of the places named and their representatives (川渝两地正式签订,
# 中国和巴西两国政府代表签署), then the gap, a year or a month too (浙江省与新加坡2019年4月签署).
DATE_GAP = (
    r"(?:19|20)\d{2}年(?:\d{1,2}月份?)?|(?:去年|今年|前年|上年|本年)(?:\d{1,2}月份?)?"
    r"|\d{1,2}月份?|上月|本月|上个月|今日|昨日|前天(?!津)"
)
_SUBJECT_GAP = re.compile(
    r"(?:(?:(?:[两三四五六七八九十]|[一二三四五六七八九十\d]{1,3}个)(?:西部|中部|东部|东北)?"
    r"(?:国家|国|省区市|省市|省区|省份|省|城市|市|地|自治区)(?:政府)?|双方)(?:代表)?)?"
    r"(?:" + SIGNING_GAP + "|" + DATE_GAP + ")*"
)
_JOINERS = frozenset("与和同、及")
# Places counted, then bodies of theirs other than their governments (四省份法院, 三地检察院).
_BODIES_OF_PLACES = re.compile(
    r"[两三四五六七八九十]+(?:省份|省区|省市|省|市|地|区|县)(?:人民)?(?:法院|检察院|公安|党委|人大|政协|妇联)"
)
# The leader of a division, who signs for its government (株洲市副市长).
_LEADER = re.compile(
    r"(?:(?:[市省区县州旗盟]?委|党工委)(?:常委、)?副?书记、)?"
    r"(?:常务)?副?(?:市长|省长|州长|区长|县长|旗长|盟长|主席|管委会(?:常务)?副?主任)"
)
# A leader written without the place (省长, 副市长): the article's own place of that level.
_BARE_LEADER = re.compile(r"(?:常务)?副?([省市州县区])长")
# …代表双方签署, or the leader (and a name) is one of the signers: 湖南省省长与…签署, …与沈阳市委
# 副书记、市长刘建华签署.
_LEADER_SIGNS = re.compile(r".*代表|[\u4e00-\u9fff·]{0,4}?(?:[与和同]|$)")
# 希腊成为首个同中国签署…的国家, 多米尼加是首个同中方签署…: the state that is one of those that
# sign with another.
_BECOMES = re.compile(
    r"(?:已|正式)?(?:成为|是(?=首|第|又一|唯一))"
    r"(?:首个|第[\d一二三四五六七八九十百]+个|又一个)?[\u4e00-\u9fff]{0,6}?[同与和]"
)
# 同中方签署: China's side, its government (中方与越方: two sides, read apart).
_CHINA_SIDE = re.compile(r"(?<!方[同与和跟])(?<=[同与和跟])中方")
# Characters before a place that make it where something happens, not who acts.
LOCATIVE = frozenset("在于赴到从来至往向经")
_CLAUSE_STOPS = ",，;；:：。"


# Functional areas governed by a management committee (新区, 开发区, 高新区…).
_COMMITTEE_AREA = re.compile(r"(?:新区|开发区|高新区|合作区|示范区|试验区|园区)$")
# Hong Kong and Macao: their governments are 特别行政区政府, not 人民政府.
_SAR_CODES = frozenset({"810000", "820000"})
# 台湾省: written among the provinces (台港澳), but it signs through no 人民政府.
_NO_PROVINCIAL_GOVERNMENT = "710000"


def government(f: Found, place: Entity, span: Span) -> Entity:
    """The government that signs for a state (中国政府), a division (宜春市人民政府) or a
    functional area (its 管理委员会), with its jurisdiction read from ``span``."""
    if place.cls == "Country":
        gov = entity("Agency", place.label + "政府")
    elif place.code is None:
        gov = entity("Agency", place.label + "管理委员会")  # a functional area's committee
    elif place.code in _SAR_CODES:
        gov = entity("Agency", f.lex.divisions.by_code[place.code].name + "政府")
    else:
        gov = entity("Agency", f.lex.divisions.body_name(place.code) + "人民政府")
    f.b.relate(gov, "jurisdiction", place, span)
    return gov


# A province, a state, a prefecture or a city of another country written after it (俄罗斯阿穆尔州,
# 日本神奈川县, 韩国京畿道).
_FOREIGN_LOCAL = re.compile(
    r"(?:(?![与和同及])[\u4e00-\u9fff]){2,8}?(?:州|省|市|郡|县|道|(?<!政)府)"
    r"(?=[与和同、及\d]|签|在|于|正式|共同|去年|今年|近日|日前)"
)


def foreign_local(f: Found, code: str, place: str, at: int) -> Entity:
    """The government of a state's province or city (俄罗斯阿穆尔州政府), labelled with the
    state's usual name, its jurisdiction the state (its places are not annotated)."""
    country = country_entity(code, f.lex)
    gov = entity("Agency", country.label + place + "政府")
    f.b.relate(gov, "jurisdiction", country, f.b.sentence_span(f.prep.sentence_at(at)))
    return gov


def _province_run(f: Found, cs: int, end: int) -> list[tuple[int, Entity]]:
    """Provinces written by their abbreviations right before ``end`` (京冀签署, 川渝两地
    签订, 沪苏浙皖): each province once, two or more, as places; else none."""
    norm, lex = f.norm, f.lex
    k = end
    while k > cs and norm[k - 1] in lex.province_codes and end - k < 8:
        k -= 1
    codes = [lex.province_codes[c] for c in norm[k:end]]
    if len(codes) < 2 or len(set(codes)) != len(codes) or _NO_PROVINCIAL_GOVERNMENT in codes:
        return []
    if k > cs and lex.is_known_word(norm[k - 1 : k + 1]):
        return []  # the run begins inside another word (南京津…)
    if any(code not in lex.divisions.by_code for code in codes):
        return []
    return [(k + offset, division_entity(code, lex)) for offset, code in enumerate(codes)]


def _state_pair(f: Found, start: int, end: int) -> list[str]:
    """The states written by abbreviation in ``norm[start:end]`` (中俄, 韩中, 中日韩, 美俄), as
    ISO codes, each once (see :func:`state_codes`); else none."""
    return state_codes(f, f.norm[start:end])


def state_codes(f: Found, chars: str) -> list[str]:
    """The states the abbreviations ``chars`` stand for (see :func:`_state_pair`); without
    China only when each character is one state's alone (美俄, 韩日)."""
    abbr = f.lex.country_abbreviations
    codes = ["CN" if c == "中" else abbr.get(c) or _shared_abbreviation(f, c) for c in chars]
    if len(codes) < 2 or "" in codes or len(set(codes)) != len(codes):
        return []
    if "CN" not in codes and not all(c in abbr for c in chars):
        return []
    return codes


def _shared_abbreviation(f: Found, c: str) -> str:
    """The state a character shared by several states' names stands for (尼 of 尼泊尔 and
    尼日利亚): the one state the article names that begins with it, else none ("")."""
    states = f.index("states named", lambda: _states_named(f))
    found = {code for name, code in states if name.startswith(c) and code != "CN"}
    return found.pop() if len(found) == 1 else ""


def _states_named(f: Found) -> frozenset[tuple[str, str]]:
    """The states the article names, by the name written and its ISO code."""
    lex = f.lex
    return frozenset((m.group(), lex.country_names[m.group()]) for m in lex.countries_in(f.norm))


def _abbreviation_run(f: Found, start: int, limit: int, step: int) -> int:
    """Where a run of 中 and states' abbreviations from ``start`` ends (``step`` 1) or begins
    (``step`` -1), not past ``limit``."""
    norm, abbr = f.norm, f.lex.country_abbreviations
    k = start
    while k != limit:
        c = norm[k] if step > 0 else norm[k - 1]
        if c != "中" and c not in abbr and not _shared_abbreviation(f, c):
            break
        k += step
    return k


def governments_in(
    f: Found, lo: int, verb: int, skip: list[tuple[int, int]]
) -> list[tuple[int, Entity]]:
    """Divisions and states written as the subject of a signing in its clause (宜春市与宁德
    时代签署, 中国与东盟签署…, 长沙县与…签订): their governments, the bodies that sign for
    them. A place after 在/赴 is where it happens; a place inside a body's name is that
    body's; a division written after its parent (湖南长沙县) is the one meant."""
    norm, lex, b = f.norm, f.lex, f.b
    cs = clause_start(norm, lo, verb)
    if _BODIES_OF_PLACES.search(norm, cs, verb):
        return []  # 广东、广西、云南、贵州四省份法院联合签署: the places' courts sign
    taken = lookups.taken(f)
    places = lookups.place_starts(f)
    cands: list[tuple[int, int, Entity]] = []
    for start in places[bisect_left(places, cs) : bisect_left(places, verb)]:
        ent, end = f.place_at[start]
        if cs <= start and end <= verb and ent.cls in ("City", "District") and ent.code:
            cands.append((start, end, ent))
    inside = f.index("inside places", lambda: _inside_places(f), f.places)
    for m in lex.country_re.finditer(norm, cs, verb):
        if m.start() > 0 and norm[m.start() - 1].isascii() and norm[m.start() - 1].isalnum():
            continue  # SAP中国, 3M中国: a brand's company in that country, not the state
        if m.start() in inside:
            continue  # 内蒙古自治区: a Chinese place's name that holds a state's
        code = lex.country_names[m.group()]
        local = _FOREIGN_LOCAL.match(norm, m.end(), verb + 2)
        if (
            local is not None
            and code != "CN"
            and local.end() <= verb
            and not lex.country_re.search(local.group())
        ):
            # 俄罗斯阿穆尔州与…签署: a state's province or city signs by its government
            cands.append((m.start(), local.end(), foreign_local(f, code, local.group(), m.start())))
        else:
            cands.append((m.start(), m.end(), country_entity(code, lex)))
    for m in _CHINA_SIDE.finditer(norm, cs, verb):
        cands.append((m.start(), m.end(), country_entity("CN", lex)))
    # 克麦罗沃州州长与…签署: a place abroad named after its country elsewhere in the article
    abroad = f.index("places abroad", lambda: places_abroad(norm, lex, inside), f.places)
    for place, code in abroad.items():
        k = norm.find(place, cs, verb)
        if k >= 0:
            cands.append((k, k + len(place), foreign_local(f, code, place, k)))
    # 省长与B董事长代表双方签署: the leader, written without the place, of the article's own
    main = f.index("main places", lambda: main_places_at(f.places, f.prep, lex), f.places)
    for m in _BARE_LEADER.finditer(norm, cs, verb):
        if m.start() > cs and norm[m.start() - 1] not in "，,、与和同由及":
            continue
        code = main(m.start()).get(m.group(1))
        if code is not None:
            cands.append((m.start(), m.end(), division_entity(code, lex)))
    # 广州开发区与…签署: a functional area signs through its management committee
    for start, (ent, end) in f.area_at.items():
        if cs <= start and end <= verb and _COMMITTEE_AREA.search(ent.label):
            cands.append((start, end, ent))
    cands.sort(key=lambda c: (c[0], c[1]))
    out: list[tuple[int, Entity]] = []
    for k, (start, end, ent) in enumerate(cands):
        if any(
            ts <= start < te and (ts, te) != (start, end) for ts, te in taken.touching(start, start)
        ):
            continue
        if any(s <= start < t for s, t in skip):
            continue
        if k + 1 < len(cands) and cands[k + 1][0] == end:
            continue  # 湖南长沙县: the parent before the division meant
        first = start
        while k > 0 and cands[k - 1][1] == first:
            k -= 1
            first = cands[k][0]
        if first > cs and norm[first - 1] in LOCATIVE:
            continue  # 在成都签署: where, not who
        gap = _SUBJECT_GAP.match(norm, end, verb)
        if (
            norm[gap.end() : gap.end() + 1] not in _JOINERS
            and gap.end() != verb
            and not _BECOMES.match(norm, end, verb)
            and not (
                (lead := _LEADER.match(norm, end))
                and _LEADER_SIGNS.match(norm, lead.end(), subject_end(norm, cs, verb))
            )
        ):
            # 成都市长, 重庆市民: the place begins another word (鄂州市今天与…); but
            # 株洲市副市长王强与…代表双方签署: its leader signs for its government
            continue
        span = b.sentence_span(f.prep.sentence_at(start))
        out.append((start, ent if ent.cls == "Agency" else government(f, ent, span)))
    if not out:
        out = _abbreviated_states(f, cs, verb)
    return out


def _inside_places(f: Found) -> set[int]:
    """Positions inside a Chinese place's name (not where one begins)."""
    return {k for p in f.places for k in range(p.start + 1, p.end)}


# 中美 / 韩中 / 中俄两国 / 中缅代表 right before the signing verb: the states that sign.
_STATES_BEFORE = re.compile(r"(?:两国|三国|双方)?(?:政府|代表团?|领导人|元首|外长|总理)?$")


def subject_end(norm: str, cs: int, verb: int) -> int:
    """Where the subject of a signing ends: before 正式, 共同, 17日, 在成都… written between
    it and the verb at ``verb`` (the clause starts at ``cs``)."""
    return min(
        (k for k in range(max(cs, verb - 24), verb + 1) if _SUBJECT_GAP.fullmatch(norm, k, verb)),
        default=verb,
    )


def clause_start(norm: str, lo: int, verb: int) -> int:
    """Where the clause of the verb at ``verb`` starts, not before ``lo``: the clause before
    too when it only says whom the signers stand for (…分别代表本地政府，签署《…》)."""
    cs = max([lo] + [norm.rfind(c, lo, verb) + 1 for c in _CLAUSE_STOPS])
    if cs > lo and norm[cs - 1] in ",，" and _ON_BEHALF.search(norm, max(lo, cs - 16), cs - 1):
        return max([lo] + [norm.rfind(c, lo, cs - 1) + 1 for c in _CLAUSE_STOPS])
    return cs


# Whom the signers stand for, ending the clause before the verb's (代表本市人民政府，签署).
_ON_BEHALF = re.compile(r"代表[\u4e00-\u9fff]{0,10}(?:政府|双方|各方|三方|四方|本单位)$")


def _abbreviated_states(f: Found, cs: int, verb: int) -> list[tuple[int, Entity]]:
    """States written by their abbreviations as the subject of a signing (中美签署…)."""
    norm, lex = f.norm, f.lex
    # 正式, 共同, 17日… written between the states and the verb
    gap = subject_end(norm, cs, verb)
    tail = _STATES_BEFORE.search(norm, cs, gap)
    end = tail.start() if tail is not None else gap
    k = _abbreviation_run(f, end, cs, -1)
    if k > cs and f.tokens.inside_word(k):
        return []  # not a pair of states on its own (华中美术馆; but 去年|老|中签署)
    span = f.b.sentence_span(f.prep.sentence_at(k))
    states = [
        (k + offset, government(f, country_entity(code, lex), span))
        for offset, code in enumerate(_state_pair(f, k, end))
    ]
    if states:
        return states
    sides = _SIDES.search(norm, cs, end)
    if sides is not None:  # 中方与越方签署: the states' sides, by their abbreviations
        codes = state_codes(f, sides.group(1) + sides.group(2))
        named = _sides_named(f, codes, f.prep.sentence_at(cs))
        if named:  # 农业农村部与坦桑尼亚农业部会谈。会谈后，中方与坦方签署: those bodies
            return [(sides.start() + 3 * n, e) for n, e in enumerate(named)]
        if _bodies_of_states(f, [c for c in codes if c != "CN"], cs):
            return []  # a body of the state named before, but not which side is which
        return [
            (sides.start() + 3 * n, government(f, country_entity(code, lex), span))
            for n, code in enumerate(codes)
        ]
    # 京冀签署, 川渝两地签订: provinces by their abbreviations sign through their governments
    tail = _PROVINCES_BEFORE.search(norm, cs, gap)
    at = tail.start() if tail is not None else gap
    return [(pos, government(f, place, span)) for pos, place in _province_run(f, cs, at)]


def _sides_named(f: Found, codes: list[str], i: int) -> list[Entity]:
    """The bodies of the states ``codes`` (China's: one not named after another state) that
    one of the two sentences before sentence ``i`` names, one of each, in the order of
    ``codes``; none when a sentence names no body of a state or several."""
    lex, (starts, found) = f.lex, lookups.bodies(f)
    for j in range(i - 1, max(-1, i - 3), -1):
        js, je = f.prep.bounds[j]
        ents = list(
            dict.fromkeys(
                e for _s, _e, e in found[bisect_left(starts, js) : bisect_left(starts, je)]
            )
        )
        sides = []
        for code in codes:
            if code == "CN":
                of = [e for e in ents if not lex.country_re.match(e.label) or _CHINA.match(e.label)]
            else:
                of = [e for e in ents if e.label.startswith(lex.countries[code][0])]
            if len(of) != 1:
                break
            sides.append(of[0])
        else:
            return sides
    return []


_CHINA = re.compile(r"中华人民共和国|中国")


def _bodies_of_states(f: Found, codes: list[str], hi: int) -> bool:
    """True when a body of one of the states ``codes`` other than its government (坦桑尼亚
    农业部) is named before ``hi``."""
    names = tuple(f.lex.countries[code][0] for code in codes if code in f.lex.countries)
    starts, found = lookups.bodies(f)
    return any(
        e.label.startswith(names) and not e.label.endswith("政府")
        for _s, _e, e in found[: bisect_left(starts, hi)]
    )


# 中方与越方, 老方和中方: two states' sides, each by its abbreviation.
_SIDES = re.compile(r"(?<![\u4e00-\u9fff])([\u4e00-\u9fff])方[与和同]([\u4e00-\u9fff])方$")
_PROVINCES_BEFORE = re.compile(
    r"(?:两地|三地|四地|两省|三省|四省|两省市|三省市|四省市|双方|各方)?$"
)


# Characters after 中X that make it another word: 中美洲 (Central America), 中英文.
_NOT_STATES_AFTER = frozenset("洲文部")
# The states' bodies named after them in a title (中老两国外交部, 中俄两国政府间委员会).
_ORGANS_NAMED = re.compile(
    r"(?:两国|三国)?(?:外交部|商务部|[\u4e00-\u9fff]{1,4}部门?|[\u4e00-\u9fff]{0,4}委员会)"
)
# Joiners of two states written in full (印度—欧盟, 中国与巴基斯坦).
_STATE_JOINERS = "—-–与和"


def title_states(f: Found, t: AgreementHit) -> list[str]:
    """The states a title is named after, as ISO codes: 中俄睦邻友好合作条约 (CN, RU),
    韩中渔业协定 (KR, CN), 中日韩…, 中国—巴基斯坦…, 苏联和美国…; abbreviated, China and at
    least one other state at its start; written by name, any two states."""
    norm, lex = f.norm, f.lex
    s = t.title_start + (2 if norm.startswith("关于", t.title_start) else 0)
    k = _abbreviation_run(f, s, t.title_end, 1)
    codes = _state_pair(f, s, k)
    written = False  # the states written by their names, not abbreviated
    if _ORGANS_NAMED.match(norm, k) and codes:
        return []  # 中老两国外交部关于…的协议: the two ministries', not the governments'
    if not codes or norm[k : k + 1] in _NOT_STATES_AFTER:
        codes = []
        m = lex.country_re.match(norm, t.title_start)
        if m is not None and norm[m.end() : m.end() + 1] in _STATE_JOINERS:
            n = lex.country_re.match(norm, m.end() + 1)
            if n is not None:
                codes = [lex.country_names[m.group()], lex.country_names[n.group()]]
                written = True
    if not codes and _CHINA_WITH.match(norm, t.title_start):
        return ["CN"]  # 中华人民共和国与欧亚经济联盟…协定: China is a party, with a union
    if len(set(codes)) != len(codes) or not codes or ("CN" not in codes and not written):
        return []  # (苏联和美国…条约: two states written by name need not include China)
    return codes


# 中华人民共和国与… / 中国和… at the start of a title: China and another party.
_CHINA_WITH = re.compile(r"(?:中华人民共和国|中国)(?:政府)?(?:与|和|同)")
