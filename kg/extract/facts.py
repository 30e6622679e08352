"""Facts read from sentences: signing, targets, science-city areas, project places and figures."""

from __future__ import annotations

import datetime
import re

from kg.extract import agreements as agr
from kg.extract import dates as dt
from kg.extract import quantities as qt
from kg.extract.builder import Found, entity
from kg.records import Entity, QuantityValue

__all__ = [
    "relate_signing",
    "relate_targets",
    "relate_area_facts",
    "project_location",
    "relate_project_figures",
]

_TARGET_YEAR = re.compile(r"(?:到|至|在|于)(\d{4})年(?:底|末)?(?:前)?|(\d{4})年(?:底|末)?前")
_PLANNED_AREA = re.compile(r"(?:规划|总|占地|用地|建设)?面积(?:约|为|达|共|近|超过)?")
_INCLUDES = re.compile(r"涉及|包括|包含|涵盖|覆盖|范围包括|辐射|横跨|跨越|下辖|辖")
_CORE = re.compile(r"核心区(?:域)?(?:为|是|位于|包括|:|设在)")
_AREA_UNITS = frozenset({"SquareKilometre", "SquareMetre", "Mu"})
# Words after which a sentence gives a project's figures.
_PROJECT_TOPIC = re.compile(
    r"该(?:项目|工程|基地|园区|产业园|中心|线|铁路|高铁)|项目建成后|项目投运后|建成后|投运后"
    r"|建成投用后|总投资|计划投资|占地|全长"
)
# 该项目位于容城县: where the project of the sentence is.
_THIS_LOCATED = re.compile(r"该(?:项目|工程|基地|园区|产业园|中心)位于")
# 在松江区，G60脑智科创基地…: the place a sentence opens with.
_SENTENCE_PLACE = re.compile(r"在([^,，。]{2,12}?),")
# What may come before a project that a sentence is about.
_SENTENCE_LEAD = re.compile(r"(?:其中|此外|目前|同时)?,?(?:位于[^,，。]{1,12}的)?")
_CLAUSE_END = frozenset(",，;；。:")


# -- agreements -------------------------------------------------------------------------


def relate_signing(
    f: Found,
    t: agr.AgreementHit,
    dates: list[dt.DateHit],
    published: datetime.date | None,
    year_in_text: int | None,
) -> None:
    """Parties and signing date of an agreement, from the sentence that signs it."""
    norm, prep, b = f.norm, f.prep, f.b
    i = prep.sentence_at(t.title_start)
    ss, se = prep.bounds[i]
    sent_span = b.sentence_span(i)
    subject = entity("Agreement", t.label)
    verbs = [m.start() for m in agr.SIGN_RE.finditer(norm, ss, se)]
    in_title = [e for h, e in f.agencies if t.title_start <= h.start and h.end <= t.title_end]
    if not verbs and not in_title:
        return
    # the verb that signs this title: the last one before it (A与B签署《T》), else the
    # first one after it (《T》正式签订); 签约仪式上 at the start of the sentence is not it
    before_title = [v for v in verbs if v < t.start]
    after_title = [v for v in verbs if v >= t.end]
    verb = before_title[-1] if before_title else (after_title[0] if after_title else t.start)
    limit = min(verb, t.start)
    parties = [e for h, e in f.agencies if ss <= h.start and h.end <= limit]
    if len(parties) < 2 and in_title:
        parties = in_title  # 《X管理委员 Y管理委员共同…协议》
    if not parties and agr.COLLECTIVE_RE.search(norm, ss, se):
        # 双方/两市签署…: the two named last in the paragraph
        para = prep.paragraph[i]
        prior = [
            e
            for h, e in f.agencies
            if h.end <= ss and prep.paragraph[prep.sentence_at(h.start)] == para
        ]
        parties = prior[-2:]
    for e in dict.fromkeys(parties):
        b.relate(subject, "party", e, sent_span)
    if not verbs:
        return
    in_sentence = [d for d in dates if ss <= d.start < se]
    if in_sentence:
        hit = min(in_sentence, key=lambda d: abs(d.start - verb))
    else:
        # 会上…签署 / 同日…签署: the day of the event told before
        before = [d for d in dates if d.end <= ss]
        if not before:
            return
        hit = before[-1]
    value = dt.complete_date(hit, dates, published, year_in_text)
    if value is not None:
        b.relate(subject, "signedOn", value, sent_span)


def _agreement_for(f: Found, index: int, pos: int) -> Entity | None:
    """The agreement a target belongs to: one named in the sentence, else the paragraph's."""
    same = [e for _p, s, e in f.agreement_at if s == index]
    if same:
        return same[0]
    para = f.prep.paragraph[index]
    before = [e for p, s, e in f.agreement_at if p < pos and f.prep.paragraph[s] == para]
    return before[-1] if before else None


def relate_targets(f: Found) -> None:
    """计划到2025年，两市汽车产量将达到300万辆: targets of the agreement of the paragraph."""
    norm = f.norm
    for i, (ss, se) in enumerate(f.prep.bounds):
        for m in _TARGET_YEAR.finditer(norm, ss, se):
            year = int(m.group(1) or m.group(2))
            subject = _agreement_for(f, i, m.start())
            if subject is None:
                continue
            for q in qt.find_quantities(norm, f.lex, m.end(), se):
                indicator = qt.indicator_before(norm, q.start, m.end())
                if indicator is not None:
                    value = QuantityValue(q.value, q.unit, indicator, year)
                    f.b.relate(subject, "hasTarget", value, f.b.sentence_span(i))


# -- science cities and areas -----------------------------------------------------------


def _segments(norm: str, ss: int, se: int) -> list[tuple[int, int]]:
    """A sentence cut at semicolons."""
    out, start = [], ss
    for k in range(ss, se):
        if norm[k] in ";；":
            out.append((start, k))
            start = k + 1
    out.append((start, se))
    return out


def _topic(f: Found, ss: int, se: int) -> Entity | None:
    """What a stretch of text about a place describes: its first science city, else its
    first area."""
    for group in (f.science_entities, f.area_entities):
        inside = sorted((s, ent) for (s, _e), ent in group.items() if ss <= s < se)
        if inside:
            return inside[0][1]
    return None


def _opens_with_place(f: Found, start: int) -> bool:
    """True when a stretch of text starts with a place of its own (its own subject)."""
    while start < len(f.norm) and f.norm[start].isspace():
        start += 1
    return start in f.place_entities


def _clause_end(norm: str, start: int, limit: int) -> int:
    for i in range(start, limit):
        if norm[i] in _CLAUSE_END:
            return i
    return limit


def relate_area_facts(f: Found) -> None:
    """Planned area, districts (涉及…) and core area of science cities and areas."""
    norm, lex, b = f.norm, f.lex, f.b
    districts = [(h.start, h.end, f.place_entities[h.start]) for h in f.places]
    districts = [d for d in districts if d[2].cls == "District"]
    districts += [(s, e, ent) for (s, e), ent in f.area_entities.items()]
    districts.sort(key=lambda x: x[0])
    for i, (ss, se) in enumerate(f.prep.bounds):
        sent_span = b.sentence_span(i)
        sentence_topic = _topic(f, ss, se)
        # X规划面积…；Y规划面积…: each part of a sentence split by ； has its own topic
        for gs, ge in _segments(norm, ss, se):
            topic = _topic(f, gs, ge)
            if topic is None and not _opens_with_place(f, gs):
                topic = sentence_topic  # X科学城位于…；规划面积…: still about X
            if topic is None:
                continue
            for m in _PLANNED_AREA.finditer(norm, gs, ge):
                for q in qt.find_quantities(norm, lex, m.end(), min(ge, m.end() + 16)):
                    if q.start == m.end() and q.unit in _AREA_UNITS:
                        b.relate(topic, "plannedArea", QuantityValue(q.value, q.unit), sent_span)
            if topic.cls != "ScienceCity":
                continue
            for m in _INCLUDES.finditer(norm, gs, ge):
                clause_end = _clause_end(norm, m.end(), ge)
                for s, e, ent in districts:
                    if m.end() <= s and e <= clause_end:
                        b.relate(topic, "includesDistrict", ent, sent_span)
            for m in _CORE.finditer(norm, gs, ge):
                for s, _e, ent in districts:
                    if s == m.end():
                        b.relate(topic, "coreArea", ent, sent_span)
        # 重庆高新区直管园(313平方公里): the area in brackets right after a district
        for s, e, ent in districts:
            if ss <= s < se and norm.startswith("(", e):
                for q in qt.find_quantities(norm, lex, e + 1, min(se, e + 16)):
                    if q.start == e + 1 and q.unit in _AREA_UNITS and norm.startswith(")", q.end):
                        b.relate(ent, "plannedArea", QuantityValue(q.value, q.unit), sent_span)


# -- projects ---------------------------------------------------------------------------


def project_location(f: Found, start: int, end: int, located: list) -> Entity | None:
    """Where a project is: the most specific division its name starts with or brackets
    (国家级重庆(荣昌)…), 位于X…的 before it, an area its name starts with, or 在X, opening
    the sentence."""
    lex, norm = f.lex, f.norm
    located = sorted(located, key=lambda h: lex.divisions.by_code[h.code].level if h.code else 0)
    if located and located[-1].code:
        return f.place_entities[located[-1].start]
    before = norm[max(0, start - 16) : start]
    k = before.rfind("位于")
    if k >= 0 and before.endswith("的"):
        pos = max(0, start - 16) + k + 2
        hit = next((h for h in f.places if h.start == pos and h.code), None)
        if hit is not None:
            return f.place_entities[hit.start]
    area = next(((s, e) for (s, e) in f.area_entities if s == start and e < end), None)
    if area is not None:
        return f.area_entities[area]
    ss, _se = f.prep.bounds[f.prep.sentence_at(start)]
    m = _SENTENCE_PLACE.match(norm, ss)
    if m is not None and m.end() == start:
        hit = next(
            (h for h in f.places if h.start == m.start(1) and h.end == m.end(1) and h.code), None
        )
        if hit is not None:
            return f.place_entities[hit.start]
    return None


def _opens_sentence(norm: str, ss: int, pos: int) -> bool:
    """True when only a connective or a location phrase (位于X的) comes before ``pos``."""
    lead = norm[ss:pos]
    return lead == "" or _SENTENCE_LEAD.fullmatch(lead) is not None


def relate_project_figures(f: Found) -> None:
    """Figures of a project: in its sentence after 该项目/建成后/全长…, or when the project
    opens the sentence (位于容城县的X是…，年服务…); 该项目位于X gives its location."""
    norm, b = f.norm, f.b
    last_project: Entity | None = None
    last_para = -1
    for i, (ss, se) in enumerate(f.prep.bounds):
        para = f.prep.paragraph[i]
        if para != last_para:
            last_project, last_para = None, para
        inside = [(p, e) for p, e in f.project_at if ss <= p < se]
        trigger = _PROJECT_TOPIC.search(norm, ss, se)
        subject, floor = None, ss
        if trigger:
            before = [e for p, e in inside if p < trigger.start()]
            subject = before[-1] if before else last_project
            floor = trigger.start()
        elif inside and _opens_sentence(norm, ss, inside[0][0]):
            if len({e for _p, e in inside}) == 1:
                subject, floor = inside[0][1], inside[0][0]
        if subject is not None:
            span = b.sentence_span(i)
            located = _THIS_LOCATED.search(norm, ss, se)
            if located:
                hit = next((h for h in f.places if h.start == located.end() and h.code), None)
                if hit is not None:
                    b.relate(subject, "locatedIn", f.place_entities[hit.start], span)
            for q in qt.find_quantities(norm, f.lex, floor, se):
                indicator = qt.indicator_before(norm, q.start, floor)
                if indicator is not None:
                    b.relate(
                        subject, "hasQuantity", QuantityValue(q.value, q.unit, indicator), span
                    )
        if inside:
            last_project = inside[-1][1]
