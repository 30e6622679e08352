"""Who a collective word that signs stands for: 双方, 三方, 两市, 两地, 两校, 两家, 两省发改委 — the
signers of the agreement signed just before, the bodies named in the sentences before, or
the governments of the places named before."""

from __future__ import annotations

import re
from bisect import bisect_left
from operator import itemgetter

from kg.extract import lookups
from kg.extract.agreements import SIGN_RE
from kg.extract.builder import Found
from kg.extract.counted_places import named_places, spoken_states
from kg.extract.governments import LOCATIVE, governments_in
from kg.extract.lexicon import Lexicon
from kg.extract.referents import counterpart, spans_of
from kg.extract.signers import bodies_in, source_spans, witness_spans
from kg.records import Entity

__all__ = ["collective_parties", "collective_counterpart", "title_sides"]

# 双方 / 三方 / 两市 / 四省…: how many parties a collective word stands for (各方: all).
_COLLECTIVE_COUNT = re.compile(
    r"(双|两|三|四|五|六|各)(方|地|市|省(?:区市|区|市|份|一市)?|区|县|州|部门|国|校|所|家|院)"
)  # (三省一市: three provinces and a municipality, four)
# Places counted together, as one kind (三省区: provinces; 三省市: provinces and cities).
_PLACE_KINDS = {"省区": "省", "省份": "省", "省市": "地", "省区市": "地", "省一市": "地"}
# The bodies 两校 stands for.
_SCHOOLS = ("大学", "学院", "学校")
# Words that refer back to bodies named before (上述两家企业).
_ABOVE = re.compile(r"(?:上述|以上|前述)$")
# An academy that ends like a school (农业科学院, 社会科学院): no school of 两校, 两所高校.
_ACADEMY = re.compile(r"科学院$")
# Collective words that stand for places, whose governments sign (两市, 两省).
_PLACE_WORDS = frozenset("市省区县州")
_COUNTS = {"双": 2, "两": 2, "三": 3, "四": 4, "五": 5, "六": 6}
# 见证下由…: the signers written after the witnesses.
_BY_AFTER = re.compile(r"下?[，,]?由")
# The verb of a sentence that tells a meeting or a signing (A市与B公司举行签约仪式).
_MEETING_VERB = re.compile(r"举行|召开|举办|会谈|会见|会晤|签约|签署|签订")
# The places' own organs after a count (两市人大常委会, 两省政协): the bodies of that organ
# named before stand for them, never the places' governments.
_OWN_ORGANS = {
    "人大常委会": "人民代表大会常务委员会",
    "人大": "人民代表大会",
    "政协": "政治协商会议",
    "法院": "法院",
    "检察院": "检察院",
}
_OWN_ORGAN = re.compile("|".join(sorted(_OWN_ORGANS, key=len, reverse=True)))
# A signing ceremony held (A与B举行深化战略合作签约仪式).
_CEREMONY = re.compile(r"举行[^，,；;。]{0,16}?(?:签约|签字)仪式")
# The words that open a sentence on the meeting told before (会谈后，双方签署…).
_AFTER_MEETING = re.compile(r"\s*(?:会谈|会见|会晤|会议|座谈会?|推进会|联席会议?)(?:结束)?后")
# A与B的合作始于2021年，双方…: the pair the clause before 双方 is about.
_PAIR_CLAUSE = re.compile(r"[^，,；;。]*[与和同][^，,；;。]*[，,]$")
# What may stand between that clause and the collective word (随后双方签署).
_THEN = re.compile(r"(?:随后|之后|其后|会后|此后)$")
# A delegation that meets a body (代表团与B举行会谈): its own body was named before with it.
_DELEGATION_WITH = re.compile(r"代表团(?:与|和|同)")


def _with_governments(
    f: Found, js: int, je: int, skip: list[tuple[int, int]], bodies: list[Entity]
) -> list[Entity]:
    """The bodies of a sentence and the governments of the places written as the subject of
    its meeting (泉州市与B公司举行签约仪式), in text order."""
    verb = _MEETING_VERB.search(f.norm, js, je)
    if verb is None:
        return bodies
    govs = governments_in(f, js, verb.start(), skip)
    at = [(min((s for s, _e in spans_of(f, e, js, je)), default=je), e) for e in bodies]
    return list(dict.fromkeys(e for _pos, e in sorted(at + govs, key=itemgetter(0))))


def _ceremony_holders(f: Found, i: int, want: int) -> list[Entity]:
    """Those who held the signing ceremony told a few sentences before sentence ``i``, in its
    paragraph or the one before (A与B举行签约仪式。C副部长…出席。仪式上，双方签署…): the sides,
    rather than the bodies of the guests named between."""
    prep = f.prep
    for j in range(i - 1, max(-1, i - 4), -1):
        if prep.paragraph[i] - prep.paragraph[j] > 1:
            break
        js, je = prep.bounds[j]
        if _CEREMONY.search(f.norm, js, je):
            skip = witness_spans(f.norm, js, je, True) + source_spans(f.norm, js, je)
            found = _with_governments(f, js, je, skip, list(bodies_in(f, js, je, skip)))
            return found if len(found) == want else []
    return []


# A sentence that says who attended a meeting (A、B和C主要负责同志出席会议).
_ATTENDED = re.compile(r"出席|参加|与会|参会|到会")
# How many sentences back the one on who attended may be (an article's lead, some
# paragraphs of speeches and figures before its signing).
_ATTENDED_REACH = 15
# A clause of those who only sit in (B负责同志列席): present, not a side.
_SAT_IN = re.compile(r"[^，,；;。]*(?:列席|旁听)[^，,；;。]*")


def _attendees(
    f: Found, i: int, want: int, sector: str | None, governments: bool, attending: bool
) -> list[Entity]:
    """会上，三方签署…; 三地人民政府签署…: the bodies of the nearest sentence before sentence
    ``i`` that tells who attended (A、B和C负责同志出席会议), up to 15 sentences back, when they
    are as many as the word counts (of ``sector``'s bodies, or governments, when the word
    names them; 与会各方, ``attending``: all of them)."""
    norm, prep = f.norm, f.prep
    for j in range(i - 1, max(-1, i - 1 - _ATTENDED_REACH), -1):
        js, je = prep.bounds[j]
        if _ATTENDED.search(norm, js, je) is None:
            continue
        skip = witness_spans(norm, js, je, True) + source_spans(norm, js, je)
        skip += [c.span() for c in _SAT_IN.finditer(norm, js, je)]
        found = list(dict.fromkeys(bodies_in(f, js, je, skip, speakers=True)))
        if sector is not None:
            found = [e for e in found if sector in e.label]
        if governments:
            found = [e for e in found if e.label.endswith("政府")]
        if found:  # (会前，与会人员还调研了…: who attended is told elsewhere)
            return found if len(found) == want or (attending and len(found) > 1) else []
    return []


def _pair_before(f: Found, ss: int, at: int, want: int) -> list[Entity]:
    """A与B的合作始于2021年，双方当年签署…: the bodies (and the governments of the places)
    joined in the clause right before the collective word at ``at`` (or before it in its own
    clause: A与B结对双方签署…), when they are as many as it counts and that clause signs
    nothing itself (a ceremony it holds is no signing: A与B举行签约仪式，双方签署…)."""
    norm = f.norm
    while (pair := _PAIR_WORD.search(norm, max(ss, at - 2), at)) is not None and pair.end() == at:
        at = pair.start()  # 结对双方, 合作双方: the pair the word is
    then = _THEN.search(norm, ss, at)  # (…举行会谈，随后双方签署)
    end = then.start() if then is not None else at
    clause = _PAIR_CLAUSE.search(norm, ss, end)
    if clause is not None and clause.end() == end:
        cs, ce = clause.start(), end - 1
    else:
        cs = max(ss, *(norm.rfind(c, ss, end) + 1 for c in "，,；;"))
        ce = end
        if not any(c in norm[cs:ce] for c in "与和同"):
            return []
    if SIGN_RE.search(norm, cs, ce) and not _HELD_SIGNING.search(norm, cs, ce):
        return []
    skip = witness_spans(norm, cs, ce, True) + source_spans(norm, cs, ce)
    at_body = [(min(s for s, _e in spans_of(f, e, cs, ce)), e) for e in bodies_in(f, cs, ce, skip)]
    # (A与B举行会谈: the places are the subject of the meeting's verb)
    meeting = _MEETING_VERB.search(norm, cs, ce)
    govs = governments_in(f, cs, meeting.start() if meeting is not None else ce, skip)
    found = list(dict.fromkeys(e for _pos, e in sorted(at_body + govs, key=itemgetter(0))))
    if len(found) == want - 1 and (with_it := _DELEGATION_WITH.search(norm, cs, ce)) is not None:
        # 代表团与B举行会谈: the body whose delegation it is, named with it before
        _starts, named = lookups.bodies(f)
        sent = [e for s, e_end, e in named if s < cs and norm.startswith("代表团", e_end)]
        if sent and sent[-1] not in found and with_it.start() - cs <= 4:
            found = [sent[-1], *found]
    return found if len(found) == want else []


# A signing event held (举行结对签约, 举行签约仪式), where the documents are signed next.
_HELD_SIGNING = re.compile(r"举行[^，,；;。]{0,16}?(?:签约|签字)")
# Words before a collective word that say what pair it is (结对双方, 合作双方, 签约双方).
_PAIR_WORD = re.compile(r"结对|帮扶|协作|合作|签约|对口")


def _others_named(f: Found, i: int, at: int, signers: tuple[Entity, ...]) -> bool:
    """True when this paragraph, before ``at`` in sentence ``i``, names a body or a place that
    is not among ``signers`` of a signing told in a paragraph before (A与B进行了交流。随后，双方签署:
    the pair just named, not the signers of the paragraph before)."""
    prep, norm = f.prep, f.norm
    first = i
    while first > 0 and prep.paragraph[first - 1] == prep.paragraph[i]:
        first -= 1
    lo = prep.bounds[first][0]
    skip = witness_spans(norm, lo, at, True) + source_spans(norm, lo, at)
    if any(e not in signers for e in bodies_in(f, lo, at, skip)):
        return True
    places = lookups.place_starts(f)
    for start in places[bisect_left(places, lo) : bisect_left(places, at)]:
        ent, _end = f.place_at[start]
        if start > lo and norm[start - 1] in LOCATIVE:
            continue  # 在丽水建设: where, not who
        if ent.cls in ("City", "District") and not any(ent.label in e.label for e in signers):
            return True
    return False


def _of_state(e: Entity, lex: Lexicon) -> bool:
    """True when ``e`` is a state's government (中国政府, 老挝政府): its country's name and 政府."""
    return e.label.endswith("政府") and e.label[:-2] in lex.country_names


def _of_sector(f: Found, at: int, sector: str) -> list[Entity]:
    """The agencies of ``sector`` the article names before ``at``, each once, in text order."""
    return list(dict.fromkeys(e for h, e in f.agencies if h.start < at and sector in e.label))


def collective_parties(f: Found, i: int, ss: int, se: int, before: int, lo: int) -> list[Entity]:
    """双方/三方/两省…签署: the parties the word stands for — those of the agreement signed
    just before (同日，双方还签署了…; in the same sentence when the word follows the title
    that ends at ``lo``: 签署《T1》，双方还签署了《T2》), else the bodies of the nearest sentence before that
    names enough of them (A和B负责人出席仪式。双方签署…); 两国/两省/两市 written before
    ``before`` (the verb or the title) may stand for the places named before."""
    norm, prep = f.norm, f.prep
    witnesses = witness_spans(norm, ss, se, witnesses_only=True)
    m = _COLLECTIVE_COUNT.search(norm, ss, se)
    if m is not None and any(s <= m.start() < e and _BY_AFTER.match(norm, e) for s, e in witnesses):
        return []  # 在两国元首见证下由A与B签署: the witnesses' countries; the signers follow
    while m is not None and any(s <= m.start() < e for s, e in witnesses):
        m = _COLLECTIVE_COUNT.search(norm, m.end(), se)  # 在两国领导人见证下，双方签署: 双方
    if m is None or norm.startswith("的", m.end()):
        return []  # (来自三地的4个产业园签署: the word says where the signers are from)
    kind = _PLACE_KINDS.get(m.group(2), m.group(2))
    governments = norm.startswith(("政府", "人民政府"), m.end())  # 两市政府签署
    after = m.end() + norm.startswith("份", m.end())  # 四省份法院
    sector = f.lex.sector_re.match(norm, after)
    # 两省发改委签署: the bodies of that sector named before
    sector_name = f.lex.sectors[sector.group()][0] if sector is not None else None
    if sector_name == "人民政府":
        sector_name = None  # 两地政府: the governments of the places, named as places or not
    committees = kind == "区" and norm.startswith(("管委会", "管理委员会"), after)
    if (own := _OWN_ORGAN.match(norm, after)) is not None:
        sector_name = _OWN_ORGANS[own.group()]  # 两市人大常委会: those named before, or none
    elif not governments and not committees and f.lex.organ_re.match(norm, after):
        return []  # 两市发改委员会…: bodies of their own, not the parties named before
    # (两区管委会: the committees of the areas named before)
    want = _COUNTS.get(m.group(1), 0) + m.group(2).endswith("一市")
    # (an agreement signed before in the same sentence too, when the word comes after its
    # title: …签署《T1》，双方还签署了《T2》)
    # (in this paragraph or the one before: 两市签署 two paragraphs after 双方签署 is of
    # others; and 两市, 两省 are governments, not the companies that signed before)
    if kind == "方" and want:
        pair = _pair_before(f, ss, m.start(), want)
        if pair:
            return pair
    para = prep.paragraph[i]
    prior = [
        ps
        for ps in f.signed
        if (ps[0] < i or m.start() >= lo) and i - ps[0] <= 3 and para - prep.paragraph[ps[0]] <= 1
    ]
    places = kind in _PLACE_WORDS and sector_name is None
    of_governments = governments or (places and kind != "区")  # (两州签署: their governments)
    states = kind == "国"  # (两国: the states' governments, not a province's and a state's)
    if (
        prior
        and (want == 0 or len(prior[-1][1]) == want)
        and (sector_name is None or all(sector_name in e.label for e in prior[-1][1]))
        and not (places and not all(e.label.endswith("政府") for e in prior[-1][1]))
        and not (states and not all(_of_state(e, f.lex) for e in prior[-1][1]))
        and not (
            prep.paragraph[prior[-1][0]] < para and _others_named(f, i, m.start(), prior[-1][1])
        )
    ):
        return list(prior[-1][1])
    if kind == "方" and want and (held := _ceremony_holders(f, i, want)):
        return held
    # (会谈后，双方签署 opening a paragraph: the meeting told in the paragraph before)
    # (上述两所高校: those named before, a few sentences back in the paragraph before too)
    after_meeting = _AFTER_MEETING.match(norm, ss) is not None
    look_back = after_meeting or _ABOVE.search(norm, max(ss, m.start() - 2), m.start())
    for j in range(i - 1, max(-1, i - 4), -1):
        if prep.paragraph[j] != para and (
            (j < i - 1 and not look_back) or para - prep.paragraph[j] > 1
        ):
            break
        js, je = prep.bounds[j]
        # (据《国民报》报道，A与B…: the paper that reports is none of them)
        witnesses = witness_spans(norm, js, je, True) + source_spans(norm, js, je)
        found = list(dict.fromkeys(bodies_in(f, js, je, witnesses)))
        if want and len(found) < want:
            # A和B负责人在会上介绍…。随后，双方签署: those who spoke are those present
            present = list(dict.fromkeys(bodies_in(f, js, je, witnesses, speakers=True)))
            found = present if len(present) == want else found
        if of_governments:
            found = [e for e in found if e.label.endswith("政府")]
        if states:
            found = [e for e in found if _of_state(e, f.lex)]
        if sector_name is not None:
            found = [e for e in found if sector_name in e.label]
        if kind in ("校", "所"):  # (两校, 以上两所高校)
            found = [
                e for e in found if e.label.endswith(_SCHOOLS) and not _ACADEMY.search(e.label)
            ]
        elif kind == "院":  # 两院: two hospitals, academies or institutes
            found = [e for e in found if e.cls == "Organization" and e.label.endswith("院")]
        elif kind == "家":
            found = [e for e in found if e.cls == "Organization"]  # 两家企业: companies
        if want and len(found) < want and sector_name is None:
            found = _with_governments(f, js, je, witnesses, found)
        if want == 2 and len(found) == 1 and (sign := SIGN_RE.search(norm, js, je)) is not None:
            # 烟台市政府与LG新能源签署…: the counterpart a headline names that no gazetteer knows
            found = counterpart(f, js, sign.start(), found[0]) or found
        # exactly as many bodies as the word counts: more are ambiguous (who are 双方 of
        # three companies named before?)
        if (want and len(found) == want) or (not want and len(found) >= 2):
            return found
        if len(found) > max(2, want):
            return []
    # 会议结束后，三方签署; 两市人民政府签署; 与会各方签署: those the article said attended
    # (two only after a meeting, or as governments)
    attending = norm.endswith("与会", ss, m.start())
    if (want > 2 or attending or (want == 2 and (governments or after_meeting))) and (
        present := _attendees(f, i, want, sector_name, of_governments, attending)
    ):
        return present
    if (
        sector_name is not None
        and want
        and len(named := _of_sector(f, m.start(), sector_name)) == want
    ):
        return named  # 2017年，三地人社部门签署…: the three bodies the article named before
    if sector_name is not None:
        return []  # 两地科技部门: bodies not named before
    if m.start() >= before or norm.rfind("《", ss, m.start()) > norm.rfind("》", ss, m.start()):
        return []  # 两国 after the verb, or inside a title: not the subject that signs
    if kind == "国" and "中" in norm[max(ss, m.start() - 3) : m.start()]:
        return []  # 中巴两国: the pair written names the states, read or not
    if kind == "方" and want == 2:
        return spoken_states(f, i, m.start())  # 中方愿同老方…。双方签署了…
    return named_places(f, i, kind, want, m.start())


# A title that names its two sides first (怀柔科学城—雄安新区科技成果转化合作协议).
_SIDES = re.compile(r"([\u4e00-\u9fff]{2,8})[—－-]([\u4e00-\u9fff]{2,})")


def title_sides(f: Found, title: str, ss: int, se: int) -> list[Entity]:
    """双方签署《A—B…协议》 where no body before stands for 双方: the bodies last named before
    the sentence at ``ss`` that carry each side's name (怀柔科学城管委会 and 雄安新区管委会 for
    《怀柔科学城—雄安新区…协议》); none when a side is a state's (its government signs) or
    names no body."""
    m = _COLLECTIVE_COUNT.search(f.norm, ss, se)
    if m is None or m.group(1) not in "双两":
        return []
    bodies = bodies_in(f, 0, ss, [])
    if m.group(2) in _PLACE_WORDS:  # 两市政府签署《A—B…》: the two places' governments
        bodies = [e for e in bodies if e.label.endswith(("政府", "人民委员会"))]
    kinds = _PROVINCES_KIND.match(title)
    if kinds is not None:
        return _provinces_kind(f, kinds.group(1), _KIND_WORDS[kinds.group(2)], bodies)
    sides = _SIDES.match(title)
    if sides is None:
        return []
    first, rest = sides.groups()
    if first in f.lex.country_names:
        return []

    def last(side: str) -> Entity | None:
        return next((e for e in reversed(bodies) if side in e.label), None)

    one = last(first)
    other = next(
        (e for n in range(min(len(rest), 8), 1, -1) if (e := last(rest[:n])) is not None), None
    )
    return [one, other] if one is not None and other is not None and one != other else []


# A title that names two provinces and the kind of their areas (湘赣两新区…, 成渝两地高新区…).
_PROVINCES_KIND = re.compile(r"(\w\w)两地?(新区|高新区|经开区)")
_KIND_WORDS = {"新区": "新区", "高新区": "高新", "经开区": "经济技术开发区"}


def _provinces_kind(f: Found, pair: str, kind: str, bodies: list[Entity]) -> list[Entity]:
    """The bodies last named of an area of that kind in each of the two provinces written by
    their abbreviations (湘赣两新区: 湖南湘江新区管委会 and 江西赣江新区管委会), or of a city
    whose name begins with the character (成渝两地高新区: 成都高新…管委会 and 重庆高新…管委会)."""
    codes = [f.lex.province_codes.get(c) for c in pair]
    if pair[0] == pair[1] or (None not in codes and codes[0] == codes[1]):
        return []
    found = []
    for char, code in zip(pair, codes, strict=True):
        name = f.lex.divisions.by_code[code].name[:2] if code else char
        body = next(
            (
                e
                for e in reversed(bodies)
                if kind in e.label and (name in e.label if code else e.label.startswith(char))
            ),
            None,
        )
        if body is None:
            return []
        found.append(body)
    return found


# 与这两家企业, 同上述两市: the collective word is the counterpart of the subject.
_COUNTERPART_BEFORE = re.compile(r"(?:与|同|和)(?:这|该|上述|以上)?$")


def collective_counterpart(f: Found, ss: int, se: int) -> bool:
    """True when the collective word of ``norm[ss:se]`` is joined by 与/同 to a signer written
    beside it (A分别与这两家企业签署, 以上两所高校与C签署): the others sign too."""
    m = _COLLECTIVE_COUNT.search(f.norm, ss, se)
    return m is not None and (
        _COUNTERPART_BEFORE.search(f.norm, max(ss, m.start() - 3), m.start()) is not None
        or _JOINED_AFTER.match(f.norm, m.end(), se) is not None
    )


# 两所高校与, 两家企业同: the collective word, its kind, then the joiner.
_JOINED_AFTER = re.compile(r"[\u4e00-\u9fff]{0,4}?(?:与|同)")
