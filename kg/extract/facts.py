"""Facts read from sentences: targets, science-city areas, project places and figures."""

from __future__ import annotations

import re
from bisect import bisect_left

from kg.extract import lookups
from kg.extract.builder import Found
from kg.extract.quantities import QuantityHit, find_quantities, indicator_after, indicator_before
from kg.records import Entity, QuantityValue

__all__ = [
    "relate_targets",
    "relate_area_facts",
    "project_locations",
    "relate_project_figures",
]

_TARGET_YEAR = re.compile(r"(?:到|至|在|于)(\d{4})年(?:底|末)?(?:前)?|(\d{4})年(?:底|末)?前")
_PLANNED_AREA = re.compile(r"(?<!占地)(?<!用地)(?:规划|总)?面积(?:约|为|达|共|近|超过)?")
_INCLUDES = re.compile(r"涉及|包括|包含|涵盖|覆盖|范围包括|辐射|横跨|跨越|下辖|辖")
_CORE = re.compile(r"核心区(?:域)?(?:为|是|位于|包括|:|设在)")
# Functional areas that are stated to span districts (as science cities are).
_ZONES = ("示范区", "先行区", "合作区", "试验区", "实验区")
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
_SENTENCE_LEAD = re.compile(
    r"(?:[^,，。;；]{2,24}(?:表示|介绍|指出|透露|说|称),)?"  # X相关负责人表示，
    r"(?:在[^,，。;；]{2,10},|[^,，。;；]{2,6}方面,)?"  # 在沈阳， / 交通方面，
    r"(?:其中|此外|目前|同时)?,?(?:位于[^,，。]{1,12}的)?"
)
# 产业园总用地面积… / 园区已入驻…: the head noun alone refers to the project just named.
_BARE_HEAD_TOPIC = re.compile(
    r"(项目|工程|基地|园区|产业园|中心|公园|码头)(?=总|占地|规划|用地|建筑|全长|已|累计|计划|预计|年|将)"
)
_CLAUSE_END = frozenset(",，;；。:")


def _agreement_for(f: Found, index: int, pos: int) -> Entity | None:
    """The agreement a target belongs to: one named in the sentence, else the paragraph's."""
    positions, first = lookups.agreements(f)
    if index in first:
        return first[index]
    para, paragraph = f.prep.paragraph[index], f.prep.paragraph
    # in text order the paragraphs of the agreements only grow: back from pos to para
    for k in range(bisect_left(positions, pos) - 1, -1, -1):
        _p, s, e = f.agreement_at[k]
        if paragraph[s] == para:
            return e
        if paragraph[s] < para:
            break
    return None


_BOOK_TITLE = re.compile(r"《([^《》\n]{2,120})》")


def _plan_before(f: Found, index: int, ss: int, pos: int) -> bool:
    """True when a sentence without an agreement of its own states a figure after the title
    of a plan or list (根据《…发展规划》，到2025年…): the plan's target, not an agreement's."""
    if index in lookups.agreements(f)[1]:
        return False
    for m in _BOOK_TITLE.finditer(f.norm, ss, pos):
        if any(m.group(1).endswith(h) for h in f.lex.non_agreement_heads):
            return True
    return False


def _figures(f: Found, start: int, end: int) -> list[QuantityHit]:
    """Quantities in ``norm[start:end]`` but those written inside the name of a place or an
    area (九台区 is no 9 台, 四方台区 no 4 方)."""
    found = find_quantities(f.norm, f.lex, start, end)
    if found:
        names = lookups.name_spans(f)
        # a figure starts inside the stretch: a name holding its start overlaps the stretch
        found = [q for q in found if not names.covers(q.start)]
    return found


def relate_targets(f: Found) -> None:
    """计划到2025年，两市汽车产量将达到300万辆: targets of the agreement of the paragraph."""
    norm = f.norm
    for i, (ss, se) in enumerate(f.prep.bounds):
        if norm.find("年", ss, se) < 0:
            continue  # (every target year holds its 年)
        for m in _TARGET_YEAR.finditer(norm, ss, se):
            year = int(m.group(1) or m.group(2))
            subject = _agreement_for(f, i, m.start())
            if subject is None or _plan_before(f, i, ss, m.start()):
                continue
            for q in _figures(f, m.end(), se):
                indicator = indicator_before(norm, q.start, m.end())
                if indicator is not None:
                    value = QuantityValue(q.value, q.unit, indicator, year)
                    f.b.relate(subject, "hasTarget", value, f.b.sentence_span(i))


# -- science cities and areas -----------------------------------------------------------


_SEMICOLON = re.compile("[;；]")


def _segments(norm: str, ss: int, se: int) -> list[tuple[int, int]]:
    """A sentence cut at semicolons."""
    out, start = [], ss
    for m in _SEMICOLON.finditer(norm, ss, se):
        out.append((start, m.start()))
        start = m.end()
    out.append((start, se))
    return out


class _Topics:
    """The science cities and the areas of a document, each kind sorted by where it starts."""

    def __init__(self, f: Found) -> None:
        self._groups: list[tuple[list[int], list[Entity]]] = []
        for group in (f.science_entities, f.area_entities):
            items = sorted((s, ent) for (s, _e), ent in group.items())
            self._groups.append(([s for s, _ent in items], [ent for _s, ent in items]))

    def at(self, ss: int, se: int) -> Entity | None:
        """What a stretch of text about a place describes: its first science city, else its
        first area."""
        for starts, ents in self._groups:
            k = bisect_left(starts, ss)
            if k < len(starts) and starts[k] < se:
                return ents[k]
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
    # 以长沙高新区为核心(区): the core area named before 为核心
    cored = [
        (s, e, ent)
        for s, e, ent in districts
        if s > 0 and norm[s - 1] == "以" and norm.startswith("为核心", e)
    ]
    # 重庆高新区直管园(313平方公里): the area in brackets right after a district
    bracketed = [(s, e, ent) for s, e, ent in districts if norm.startswith("(", e)]
    bracket_starts = [s for s, _e, _ent in bracketed]
    topics = _Topics(f)
    for i, (ss, se) in enumerate(f.prep.bounds):
        sentence_topic = topics.at(ss, se)
        # X规划面积…；Y规划面积…: each part of a sentence split by ； has its own topic (a
        # sentence without a science city or an area has none in any part)
        segments = _segments(norm, ss, se) if sentence_topic is not None else []
        for gs, ge in segments:
            topic = topics.at(gs, ge)
            if topic is None and not _opens_with_place(f, gs):
                topic = sentence_topic  # X科学城位于…；规划面积…: still about X
            if topic is None:
                continue
            if norm.find("面积", gs, ge) >= 0:
                for m in _PLANNED_AREA.finditer(norm, gs, ge):
                    for q in find_quantities(norm, lex, m.end(), min(ge, m.end() + 16)):
                        if q.start == m.end() and q.unit in _AREA_UNITS:
                            value = QuantityValue(q.value, q.unit)
                            b.relate(topic, "plannedArea", value, b.sentence_span(i))
            if topic.cls != "ScienceCity" and not topic.label.endswith(_ZONES):
                continue  # 示范区包括X、Y: zones list their districts as science cities do
            for m in _INCLUDES.finditer(norm, gs, ge):
                clause_end = _clause_end(norm, m.end(), ge)
                for s, e, ent in districts:
                    if m.end() <= s and e <= clause_end:
                        b.relate(topic, "includesDistrict", ent, b.sentence_span(i))
            for m in _CORE.finditer(norm, gs, ge):
                for s, _e, ent in districts:
                    if s == m.end():
                        b.relate(topic, "coreArea", ent, b.sentence_span(i))
            for s, e, ent in cored:
                if gs < s and e <= ge:
                    b.relate(topic, "coreArea", ent, b.sentence_span(i))
        first = bisect_left(bracket_starts, ss)
        for _s, e, ent in bracketed[first : bisect_left(bracket_starts, se, first)]:
            for q in find_quantities(norm, lex, e + 1, min(se, e + 16)):
                if q.start == e + 1 and q.unit in _AREA_UNITS and norm.startswith(")", q.end):
                    value = QuantityValue(q.value, q.unit)
                    b.relate(ent, "plannedArea", value, b.sentence_span(i))


# -- projects ---------------------------------------------------------------------------


# Y项目位于X / 落户X / 选址X / 坐落在X / 建在X: where the project just named is.
_LOCATED_AFTER = re.compile(
    r"(?:正式|已|将|拟|计划)?(?:位于|地处|坐落于|坐落在|落户|落户于|落户在|选址|选址于|选址在|建在|设在|布局在|落地)"
)
# 在X建设/共建/投资建设…Y: the place a project is built in, before its name.
_BUILT_IN = re.compile(
    r"的|(?:正在|将|加快|全力|重点|规划|启动|计划|投资|开工|已|还|也)*"
    r"(?:建设|共建|新建|兴建|打造|布局|实施|推进|落地|开建)了?"
)
# What may open a clause before the place that a project is built in.
_CLAUSE_LEAD = re.compile(r"(?:其中|此外|同时|目前)?(?:位于|地处|在)?")


# 该区 / 该市 / 合作区 / 新区 standing for a place named before (位于该区的…).
_PLACE_ANAPHOR = re.compile(r"该(区|市|县|新区)|(合作区|新区|示范区|开发区|高新区|自贸区)(?=的)")


def _anaphor_place(f: Found, pos: int) -> tuple[Entity | None, int]:
    """The place an anaphor at ``pos`` stands for: the last district (该区, 该县) or city
    (该市) named before, or the last area with the same suffix (合作区)."""
    m = _PLACE_ANAPHOR.match(f.norm, pos)
    if m is None:
        return None, pos
    named = lookups.named_places(f)
    kind = m.group(1)
    for k in range(bisect_left(named[0], pos) - 1, -1, -1):
        ent = named[1][k]
        if kind == "市" and ent.cls == "City" and ent.label.endswith("市"):
            return ent, m.end()
        if kind in ("区", "县") and ent.cls == "District" and ent.label.endswith(kind):
            return ent, m.end()
        if kind == "新区" and ent.label.endswith("新区"):
            return ent, m.end()
        if m.group(2) and ent.cls == "District" and not ent.code and ent.label.endswith(m.group(2)):
            return ent, m.end()
    return None, pos


def _place_chain(f: Found, pos: int) -> tuple[Entity | None, int]:
    """The most specific place named by consecutive divisions and areas from ``pos``
    (南京市江宁区 → 江宁区, 无锡经开区 → the area), and where the chain ends."""
    if pos not in f.place_at and pos not in f.area_at:
        return _anaphor_place(f, pos)
    ent, k = None, pos
    while True:
        area = f.area_at.get(k)
        if area is not None:
            ent, k = area
            continue
        place = f.place_at.get(k)
        if place is not None:
            ent, k = place
            continue
        return ent, k


def project_locations(
    f: Found, start: int, end: int, located: list, line: bool = False
) -> list[Entity]:
    """Where a project is: the most specific division its name starts with or brackets
    (国家级重庆(荣昌)…; not for transport lines), an area its name starts with, 位于X的 or
    在X建设 before it, 位于/落户X after it, or 在X, opening the sentence."""
    lex, norm = f.lex, f.norm
    out: list[Entity] = []
    starting = lookups.areas_by_start(f)
    area = next(((s, e) for (s, e) in starting.get(start, ()) if e < end), None)
    if not line:
        if area is not None:
            out.append(f.area_entities[area])  # 两江新区明月湖…基地: the area, not its city
        else:
            located = sorted(
                located, key=lambda h: lex.divisions.by_code[h.code].level if h.code else 0
            )
            if located and located[-1].code:
                best = f.place_entities[located[-1].start]
                # 合肥市包河区…项目: the district written after the city is more specific
                chain, e = _place_chain(f, start) if start in f.place_at else (None, start)
                if chain is not None and chain.code and e < end:
                    if (
                        lex.divisions.by_code[chain.code].level
                        > lex.divisions.by_code[best.code].level
                    ):
                        best = chain
                out.append(best)
    ss, se = f.prep.bounds[f.prep.sentence_at(start)]
    # 位于X的Y / 位于X、Z的Y
    before = norm[max(ss, start - 24) : start]
    k = before.rfind("位于")
    if k >= 0 and before.endswith("的"):
        pos = max(ss, start - 24) + k + 2
        while True:
            ent, e = _place_chain(f, pos)
            if ent is None:
                break
            out.append(ent)
            if e < start and norm[e] in "、和与及":
                pos = e + 1
                continue
            break
    # 在X建设Y / X区正在建设Y / X区的Y: a place opening the clause of the name
    k = start
    while k > ss and norm[k - 1] not in _CLAUSE_END:
        k -= 1
    lead = _CLAUSE_LEAD.match(norm, k, start)
    ent, e = _place_chain(f, lead.end()) if lead else (None, k)
    if ent is not None and e < start and _BUILT_IN.fullmatch(norm, e, start):
        out.append(ent)
    # Y位于X / Y落户X
    m = _LOCATED_AFTER.match(norm, end)
    if m is not None:
        ent, _e = _place_chain(f, m.end())
        if ent is not None:
            out.append(ent)
    if not out:
        m = _SENTENCE_PLACE.match(norm, ss)
        if m is not None and m.end() == start:
            ent, e = _place_chain(f, m.start(1))
            if ent is not None and e == m.end(1):
                out.append(ent)
    return list(dict.fromkeys(out))


def _opens_sentence(norm: str, ss: int, pos: int) -> bool:
    """True when only a connective or a location phrase (位于X的) comes before ``pos``."""
    lead = norm[ss:pos]
    return lead == "" or _SENTENCE_LEAD.fullmatch(lead) is not None


def _opens_clause(norm: str, ss: int, pos: int) -> bool:
    """True when only a connective or a location phrase comes before ``pos`` in its clause
    (…，其中沪苏湖铁路全长…)."""
    k = pos
    while k > ss and norm[k - 1] not in _CLAUSE_END:
        k -= 1
    return _opens_sentence(norm, k, pos) or _opens_sentence(norm, ss, pos)


def relate_project_figures(f: Found) -> None:
    """Figures of a project: in its sentence after 该项目/建成后/全长…, or when the project
    opens the sentence (位于容城县的X是…，年服务…); 该项目位于X gives its location."""
    norm, b = f.norm, f.b
    last_project: Entity | None = None
    last_para = -1
    project_starts = [p for p, _e in f.project_at]  # (project_at is sorted by start)
    for i, (ss, se) in enumerate(f.prep.bounds):
        para = f.prep.paragraph[i]
        if para != last_para:
            last_project, last_para = None, para
        first = bisect_left(project_starts, ss)
        inside = f.project_at[first : bisect_left(project_starts, se, first)]
        trigger = _PROJECT_TOPIC.search(norm, ss, se)
        if trigger is None and last_project is not None and not inside:
            bare = _BARE_HEAD_TOPIC.search(norm, ss, se)
            if bare and last_project.label.endswith(bare.group(1)):
                trigger = bare
        # (project, from, to): a project opening the sentence or a clause has the figures up
        # to the next project; 该项目/总投资… with no project before it is the last one's
        jobs: list[tuple[Entity, int, int]] = []
        for k, (p, e) in enumerate(inside):
            if _opens_clause(norm, ss, p):
                upto = inside[k + 1][0] if k + 1 < len(inside) else se
                jobs.append((e, p, upto))
        if trigger:
            before = [e for p, e in inside if p < trigger.start()]
            if not any(lo <= trigger.start() < hi for _e, lo, hi in jobs):
                upto = next((p for p, _e in inside if p > trigger.start()), se)
                subject = before[-1] if before else last_project
                if subject is not None:
                    jobs.append((subject, trigger.start(), upto))
        for subject, floor, upto in jobs:
            span = b.sentence_span(i)
            located = _THIS_LOCATED.search(norm, ss, se)
            if located:
                ent, _e = _place_chain(f, located.end())
                if ent is not None:
                    b.relate(subject, "locatedIn", ent, span)
            floor = f.project_end.get(floor, floor)  # the indicator follows the name
            for q in _figures(f, floor, upto):
                indicator = indicator_before(norm, q.start, floor) or indicator_after(
                    norm, q.end, upto
                )
                if indicator is not None:
                    b.relate(
                        subject, "hasQuantity", QuantityValue(q.value, q.unit, indicator), span
                    )
        if inside:
            last_project = inside[-1][1]
