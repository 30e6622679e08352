"""Signers written otherwise than by a name the gazetteers know: 该市 / 该行 / 该校 for the
division or the organisation named before, and a counterpart by its short or unknown name."""

from __future__ import annotations

import re
from collections import Counter

from kg.extract import lookups
from kg.extract.builder import Found, division_entity, entity
from kg.extract.generic import looks_generic
from kg.extract.governments import DATE_GAP, clause_start, government, subject_end
from kg.extract.known_orgs import brand_group, known_name
from kg.extract.matching import name_start
from kg.extract.org_starts import before_time
from kg.extract.proper_words import has_proper_word
from kg.extract.sign_words import SIGNING_GAP
from kg.extract.signers import bodies_in
from kg.records import Entity

__all__ = [
    "counterpart",
    "quoted_speaker",
    "referred_counterpart",
    "referred_subject",
    "spans_of",
    "unknown_company",
]

_JOINERS = "与和同跟"
# Adverbs between a party and its joiner (A也与B, A还同B).
_ADVERBS = "也还又亦则再"
# What may stand between a party and the joiner before the other: adverbs, a day or a month.
_GAP = re.compile(r"(?:[" + _ADVERBS + r"已]|于|" + SIGNING_GAP + "|" + DATE_GAP + ")*")


def _start(pair: tuple[int, Entity]) -> int:
    return pair[0]


# 该市与B签署 / 该行今年1月与B签署 / A与该校签署: a place or a body named before.
_REFERRING_SUBJECT = re.compile(
    r"该(市|省|区|县|州|分行|分公司|行|公司|集团|校|大学|学院|医院|协会|商会|研究院|研究所|所|院|厅|局|委|部(?![门分署队]))"
)
# What each kind of 该X refers to: a division by its suffix, an organisation by a word of
# its name (成都银行股份有限公司 is a bank).
_REFERRED_PLACES = frozenset("市省区县州")
_REFERRED_HEADS = {
    "分行": ("分行",),
    "分公司": ("分公司",),
    "行": ("银行",),
    "公司": ("公司",),
    "集团": ("集团", "公司"),
    "校": ("大学", "学院", "学校"),
    "大学": ("大学",),
    "学院": ("学院",),
    "医院": ("医院",),
    "协会": ("协会",),
    "商会": ("商会",),
    "研究院": ("研究院",),
    "研究所": ("研究所",),
    "所": ("所",),
    "院": ("院",),
}
# 该厅 / 该局 / 该委 / 该部: the department, the bureau, the commission, the ministry named before.
_REFERRED_BODIES = {"厅": ("厅",), "局": ("局",), "委": ("委", "委员会"), "部": ("部",)}
# How far back the one referred to may be named; a body of government, further.
_REFERRED_REACH = 200
_REFERRED_BODY_REACH = 300


def referred_subject(f: Found, ss: int, verb: int) -> Entity | None:
    """The party a 该市 / 该行 / 该校 at the start of the signing's clause stands for,
    when a counterpart is joined to it (该市与B签署): the last division of that kind
    (through its government) or organisation of that head named before it; or the body of
    the speaker whose quote tells of the signing with 我们 (see :func:`quoted_speaker`)."""
    norm = f.norm
    cs = clause_start(norm, ss, verb)
    m = _REFERRING_SUBJECT.match(norm, cs)
    if m is None or not any(c in _JOINERS for c in norm[m.end() : verb]):
        return quoted_speaker(f, ss, verb)
    return _referred(f, m.group(1), m.start())


def referred_counterpart(f: Found, ss: int, verb: int) -> Entity | None:
    """The counterpart a 该院 / 该校 / 该公司 after 与 or 同 in the signing's clause stands for
    (A已与该院签署): the organisation of that head named most often in the stretch before it
    (the one the article is about, not the one it last signed with), the last of them on a
    tie; a division or a body as for a subject."""
    m = _REFERRING_COUNTERPART.search(f.norm, clause_start(f.norm, ss, verb), verb)
    if m is None:
        return None
    heads = _REFERRED_HEADS.get(m.group(1))
    if heads is None:
        return _referred(f, m.group(1), m.start())
    lo = max(0, m.start() - _REFERRED_REACH)
    named = [(s, o) for s, e, o in f.organizations if lo <= s and e <= m.start()]
    named = [(s, o) for s, o in named if any(h in o.label for h in heads)]
    count = Counter(o for _s, o in named)
    return max(named, key=lambda x: (count[x[1]], x[0]))[1] if named else None


_REFERRING_COUNTERPART = re.compile(r"(?<=[与同跟])" + _REFERRING_SUBJECT.pattern)


def _referred(f: Found, kind: str, before: int) -> Entity | None:
    """What 该 + ``kind`` at ``before`` stands for: the last division of that kind (through
    its government) or organisation of that head named before it."""
    lo = max(0, before - _REFERRED_REACH)
    if kind in _REFERRED_PLACES:
        places = [
            (start, ent)
            for start, (ent, end) in f.place_at.items()
            if lo <= start and end <= before and ent.code and ent.label.endswith(kind)
        ]
        if not places:
            return None
        start, place = max(places, key=_start)
        return government(f, place, f.b.sentence_span(f.prep.sentence_at(start)))
    if kind in _REFERRED_BODIES:
        lo = max(0, before - _REFERRED_BODY_REACH)  # (the article's own bureau, named in its lead)
        bodies = [
            (hit.start, a)
            for hit, a in f.agencies
            if lo <= hit.start and hit.end <= before and a.label.endswith(_REFERRED_BODIES[kind])
        ]
        return max(bodies, key=_start)[1] if bodies else None
    heads = _REFERRED_HEADS[kind]
    orgs = [
        (start, o)
        for start, end, o in f.organizations
        if lo <= start and end <= before and any(h in o.label for h in heads)
    ]
    return max(orgs, key=_start)[1] if orgs else None


# Words that end a counterpart's name as a kind, or make it a body of government.
_NOT_COUNTERPART = re.compile(
    r"(?:政府|部门|企业|单位|机构|方|局|厅|委|办|部|站|所|院|会|村|社区|镇|乡|街道|国家|地区|省份|城市|省|市|县|区)$"
)
# A brand written in capital letters at the start of a counterpart's name (LG新能源, ABB).
_LATIN_BRAND = re.compile(r"[A-Z]{2,}(?![a-z])")
# jieba's flags of places, persons, organisations and other proper nouns.
_PROPER_FLAGS = frozenset({"ns", "nr", "nrt", "nt", "nz", "j"})


def spans_of(f: Found, e: Entity, lo: int, hi: int) -> list[tuple[int, int]]:
    """Where a party is written in ``norm[lo:hi]``: its own name, or the place it signs for."""
    by_entity = lookups.spans_by_entity(f)
    out = by_entity[0].get(e, []) + by_entity[1].get(e, [])
    place = f.b.first_object.get((e, "jurisdiction"))
    if place is not None:
        out += lookups.spans_by_place(f).get(place, [])
    return [(s, end) for s, end in out if lo <= s and end <= hi]


# Those who sign for a body, written after its name (宁德时代代表, 比亚迪负责人).
_DEPUTY = re.compile(r"(?:有关|相关)?(?:代表|负责人)$")


def abbreviates(short: str, name: str) -> bool:
    """True when ``short`` is an abbreviation of ``name`` made the usual way, by keeping some
    of its characters in order from the first (中建三局 of 中国建筑第三工程局有限公司, 国开行 of
    国家开发银行)."""
    if len(short) < 3 or len(name) < len(short) + 2 or short[0] != name[0]:
        return False
    chars = iter(name)
    return all(c in chars for c in short)


def counterpart(f: Found, ss: int, verb: int, known: Entity) -> list[Entity] | None:
    """宜春市人民政府与宁德时代签署, 中国一汽与吉林大学签署: the other side of a signing
    joined to a known party, named in words the gazetteers do not know — a company or
    an institution written by its short name. Only a proper name that is not a kind, a
    place or a body of government is taken. Returns both parties in text order."""
    norm, lex = f.norm, f.lex
    cs = clause_start(norm, ss, verb)
    end = subject_end(norm, cs, verb)
    # (该行已与鞍钢签署: the known party written by a word of its kind)
    referring = [m.span() for m in _REFERRING_SUBJECT.finditer(norm, cs, end)]
    for ks, ke in spans_of(f, known, cs, end) + referring:
        after = _GAP.match(norm, ke, end).end()  # A也与B签署, A已于去年11月与B签署
        if after < end and norm[after] in _JOINERS:
            s, e = after + 1, end
        elif ke == end and ks - 1 > cs and norm[ks - 1] in _JOINERS:
            s = name_start(norm, cs, ks - 1, lex, frozenset())
            e = before_time(norm, s, ks - 1, lex)  # (B公司当天同A签了: the day is not its name)
        else:
            continue
        deputy = _DEPUTY.search(norm, s, e)
        if deputy is not None:
            e = deputy.start()  # 宁德时代代表: those who sign for it
        name = norm[s:e]
        if not (2 <= len(name) <= 12) or not all(c.isalnum() for c in name):
            continue
        if (referring := _REFERRING_SUBJECT.fullmatch(name)) is not None:
            # A与该学院签署: the body of that kind named before
            body = _referred(f, referring.group(1), s)
            if body is None or body == known:
                continue
            return [known, body] if ks < s else [body, known]
        # 阿拉木图州政府 after 哈萨克斯坦阿拉木图州政府: a body named in full before, written
        # without its country or province
        longer = {a for _h, a in f.agencies if a.label.endswith(name) and a.label != name}
        if len(name) >= 4 and len(longer) == 1:
            body = longer.pop()
            f.b.mention(body, s, e, "canonical-name")
            return [known, body] if ks < s else [body, known]
        if all(c in lex.province_codes for c in name):
            # 国家发展改革委和粤港澳三地政府签署: provinces by their abbreviations sign
            # through their governments
            codes = list(dict.fromkeys(lex.province_codes[c] for c in name))
            if len(codes) != len(name) or not all(c in lex.divisions.by_code for c in codes):
                continue
            span = f.b.sentence_span(f.prep.sentence_at(s))
            govs = [government(f, division_entity(c, lex), span) for c in codes]
            return [known, *govs] if ks < s else [*govs, known]
        if lookups.organization_spans(f).overlaps(s, e) or lookups.agency_spans(f).overlaps(s, e):
            continue
        if lookups.place_spans(f).holds(s, e):
            continue  # a place signs through its government
        # 中建三局 after 中国建筑第三工程局有限公司: the abbreviation of a body named in full
        abbreviated = {o.label for _s, _e, o in f.organizations if abbreviates(name, o.label)} | {
            a.label for _h, a in f.agencies if abbreviates(name, a.label)
        }
        if len(abbreviated) == 1 and name not in lex.known_organizations:
            label = abbreviated.pop()
            body = next(
                (o for _s, _e, o in f.organizations if o.label == label),
                next((a for _h, a in f.agencies if a.label == label), None),
            )
            if body is not None:
                f.b.mention(body, s, e, "canonical-name")
                if body.cls == "Organization":
                    f.organizations.append((s, e, body))
                return [known, body] if ks < s else [body, known]
        org = unknown_company(f, s, e)
        if org is not None:
            return [known, org] if ks < s else [org, known]
    return None


def unknown_company(f: Found, s: int, e: int, read: bool = True) -> Entity | None:
    """The organisation a counterpart written in ``norm[s:e]`` that no gazetteer knows names:
    a proper name that is not a kind, a body of government or a clause's words (宁德时代,
    美团, LG新能源), read as the company the article names in full when one's name begins
    with it (and, with ``read``, its mention recorded); None for anything else."""
    lex, name = f.lex, f.norm[s:e]
    if _NOT_COUNTERPART.search(name):
        return None  # kinds and bodies are not names
    brand = brand_group(name, lex) is not None
    words = [] if brand else lex.pos_cut(name)  # (鞍钢, 首钢: a central enterprise's brand)
    # a name that begins with a proper word and ends in an organisation's suffix may
    # hold a word jieba reads as a verb (名古屋市立大学, 槟城控股有限公司)
    suffixed = brand or (name.endswith(lex.org_suffixes) and words[0][1] in _PROPER_FLAGS)
    if not suffixed and any(
        flag.startswith(("v", "p", "d", "m", "q", "r", "c", "u")) for _w, flag in words
    ):
        return None  # 有关方面, 多家: not a name
    if not brand and (
        not (has_proper_word(name, lex, rare=False) or _LATIN_BRAND.match(name))
        or looks_generic(name, lex, [])
    ):
        return None  # (LG新能源, SAP中国: a brand in capitals is a name)
    # 宁德时代 after 宁德时代新能源科技股份有限公司: the short name of a company the article
    # names in full is that company
    full = {
        o.label for _s, _e, o in f.organizations if o.label.startswith(name) and o.label != name
    }
    # (华润: the central enterprise's group, by its brand)
    label = full.pop() if len(full) == 1 else known_name(name, lex)
    org = entity("Organization", label)
    if read:
        f.b.mention(org, s, e, "exact")
        f.organizations.append((s, e, org))
    return org


# The first person that signs in a quote (我们就跟B签了…): the speaker's body.
_FIRST_PERSON = re.compile(r"我们|我院|我校|我公司|我社")
# A speaker who holds a post, after the quote (”A负责人说) or before it (A董事长表示：“).
_POSTS = r"(?:负责人|董事长|总经理|理事长|院长|校长|所长|局长|主任|书记|经理|主席|会长|社长)"
_SPEAKER_AFTER_QUOTE = re.compile(
    r"[^，。；“”\n]{2,40}?" + _POSTS + r"[^，。；“”\n]{0,6}?(?:说|表示|介绍|告诉)"
)
_SPEAKER_BEFORE_QUOTE = re.compile(
    r"[^，。；“”\n]{2,40}?" + _POSTS + r"[^，。；“”\n]{0,6}?(?:说|表示|介绍)[:：，,]?“$"
)
_QUOTE_REACH = 300


def quoted_speaker(f: Found, ss: int, verb: int) -> Entity | None:
    """The body of the speaker whose quote tells of a signing with 我们 as its subject
    (“我们就跟B签了《T》。”A负责人说): the one body named with the speaker's post right after
    the quote or right before it."""
    norm = f.norm
    opened = norm.rfind("“", max(0, verb - _QUOTE_REACH), verb)
    if opened < 0 or norm.rfind("”", opened, verb) >= 0:
        return None  # the verb is not inside a quote
    if not _FIRST_PERSON.search(norm, opened, verb):
        return None
    closed = norm.find("”", verb, verb + _QUOTE_REACH)
    speaker = _SPEAKER_AFTER_QUOTE.match(norm, closed + 1) if closed >= 0 else None
    if speaker is not None:
        lo, hi = speaker.span()
    else:
        before = _SPEAKER_BEFORE_QUOTE.search(norm, max(0, opened - 60), opened + 1)
        if before is None:
            return None
        lo, hi = before.span()
    found = list(dict.fromkeys(bodies_in(f, lo, hi, [], speakers=True)))
    return found[0] if len(found) == 1 else None
