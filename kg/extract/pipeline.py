"""The extraction pipeline: run every matcher over one document and relate what they found."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace

from kg.extract import facts
from kg.extract.agencies import (
    area_committees,
    bare_committees,
    drop_overlaps,
    find_agencies,
    find_foreign_agencies,
    find_local_organs,
    find_ministries,
    find_sar_bureaus,
    join_head_offices,
    with_branches,
    with_offices,
)
from kg.extract.agreements import AgreementHit, find_agreements, referring_titles
from kg.extract.areas import (
    AreaHit,
    find_areas,
    find_bare_areas,
    find_region_areas,
    own_areas,
)
from kg.extract.builder import Builder, Found, country_entity, division_entity, entity
from kg.extract.cooperatives import find_cooperatives
from kg.extract.coordination import split_coordinated
from kg.extract.corps import corps_bodies, corps_places
from kg.extract.dates import find_dates, text_year
from kg.extract.divisions import find_places
from kg.extract.known_orgs import brand_group, cut_at_both_ends
from kg.extract.lexicon import Lexicon
from kg.extract.local_abroad import local_governments_abroad, ministries_abroad
from kg.extract.main_places import main_places_at
from kg.extract.organizations import find_organizations
from kg.extract.projects import find_projects
from kg.extract.restated import merge_restated
from kg.extract.science_cities import find_science_cities
from kg.extract.short_forms import (
    branch_short_forms,
    bureau_short_forms,
    carrier_short_forms,
    defined_short_forms,
    group_stem_short_forms,
    hospital_short_forms,
    initials_short_forms,
    school_short_forms,
    short_form_mentions,
    trade_initials_short_forms,
    units_without_parent,
    without_legal_form,
)
from kg.extract.signing import relate_signing
from kg.extract.spans import Spans
from kg.extract.state_organs import find_state_organs
from kg.extract.text import MAX_SENTENCE, prepare
from kg.extract.townships import find_township_governments
from kg.extract.trade_names import province_name, registered_names, trade_name_mentions
from kg.extract.user_names import read_user_places, user_agencies, user_organizations, user_projects
from kg.extract.zones import with_named_zones
from kg.records import Document, Entity, Extraction, Mention, Relation

__all__ = ["extract"]


def extract(document: Document, lexicon: Lexicon | None = None) -> Extraction:
    """Read places, science cities, agencies, agreements, projects and organisations of one
    article, and the facts that tie them (deterministic, offline)."""
    lex = lexicon or Lexicon.default()
    prep = prepare(document.text)
    f = Found(prep, lex, Builder(prep), lex.tokens(prep.norm))
    read_user_places(f)  # a user's lexicon first: its names win their stretch
    _read_places(f)
    _read_agencies(f)
    _read_agreements(f, document)
    facts.relate_targets(f)
    facts.relate_area_facts(f)
    stops = _read_projects(f)
    _read_organizations(f, stops)
    _relate_agreements(f, document)
    facts.relate_project_figures(f)
    b = f.b
    _drop_nested(b, lex)
    mentions = sorted(b.mentions.values(), key=lambda m: (m.span.start, m.span.end, m.entity))
    mentions, relations = _dated_agreements(mentions, _traceable(b))
    return Extraction(
        document=document,
        sentences=prep.sentences,
        mentions=tuple(mentions),
        relations=tuple(relations),
        notes=(_cut_note(prep.cut),) if prep.cut else (),
        segmenter=lex.segmenter.version,
    )


def _nestable(ent: Entity) -> bool:
    """Names that are not annotated where they are only part of a longer name: functional
    areas (no code), science cities and projects. A division is a mention wherever it
    denotes the place (重庆 in 重庆国家金融科技认证中心)."""
    return ent.cls in ("ScienceCity", "Project") or (ent.cls == "District" and not ent.code)


def _drop_nested(b: Builder, lex: Lexicon) -> None:
    """Drop the mentions of areas, science cities and projects written only as part of a
    longer name: inside it (东港市经济开发区 of 东港市经济开发区管委会) or running on into
    it (四川天府新区成都科学城 of 成都科学城管委会), and of a county's short form that is a
    company's trade name (涟源 of 涟源钢铁集团有限公司). What the longer name states of them
    (an agency's jurisdiction, a project's place) is kept as its fact."""
    if len(b.spans) < 2:
        return
    index = Spans(b.spans)
    drop = []
    for key, m in b.mentions.items():
        s, e = m.span.start, m.span.end
        if _trade_name(b, lex, m, index):
            drop.append(key)
        if not _nestable(m.entity):
            continue
        for ns, ne in index.touching(s, e):
            if b.spans[(ns, ne)] == m.entity:
                continue
            if (ns <= s and e <= ne and ne - ns > e - s) or s < ns < e < ne:
                drop.append(key)
                break
    for key in drop:
        del b.mentions[key]


def _trade_name(b: Builder, lex: Lexicon, m: Mention, index: Spans) -> bool:
    """True when ``m`` is a county's short form opening an organisation's name before what
    the company does (涟源钢铁…, 鸿富锦精密…): the company's trade name, not the place."""
    s, e = m.span.start, m.span.end
    return (
        m.entity.cls == "District"
        and m.span.surface in lex.divisions.short
        and b.prep.norm.startswith(lex.industry_words, e)
        and any(
            b.spans[(ns, ne)].cls == "Organization" and ns <= s and e < ne
            for ns, ne in index.touching(s, e)
        )
    )


def _cut_note(cut: int) -> str:
    """What the build summary says of an article whose long sentences were cut."""
    sentences = "sentence" if cut == 1 else "sentences"
    return f"{cut} {sentences} longer than {MAX_SENTENCE} characters read in pieces"


def _dated_agreements(
    mentions: list[Mention], relations: tuple[Relation, ...]
) -> tuple[list[Mention], list[Relation]]:
    """Agreements with their signing date in their key: a title and a date are one agreement.

    Generic titles (《战略合作协议》) recur for different signings; two articles reporting the
    same signing give the same title and date, and so the same agreement. An agreement the
    article gives no date for is keyed by its title and its parties, when it has any: a
    title many pairs sign (共建“一带一路”谅解备忘录) is one agreement of each pair, not one of
    every state that signed one; without parties, its title alone.
    """
    dates: dict[Entity, set] = {}
    parties: dict[Entity, set] = {}
    for r in relations:
        if r.subject.cls != "Agreement":
            continue
        if r.predicate == "signedOn":
            dates.setdefault(r.subject, set()).add(r.object.lexical)  # type: ignore[union-attr]
        elif r.predicate == "party":
            parties.setdefault(r.subject, set()).add(r.object.key)  # type: ignore[union-attr]
    rekey = {e: replace(e, key=f"{e.key}@{min(ds)}") for e, ds in dates.items() if len(ds) == 1}
    for e, keys in parties.items():
        if e not in dates:
            rekey[e] = replace(e, key=f"{e.key}@{'+'.join(sorted(keys))}")
    if not rekey:
        return mentions, list(relations)
    # (made directly: dataclasses.replace costs several times more, ~15 records an article)

    def new_mention(m: Mention) -> Mention:
        e = rekey.get(m.entity)
        return m if e is None else Mention(e, m.span, m.basis)

    def new_relation(r: Relation) -> Relation:
        s = rekey.get(r.subject)
        o = rekey.get(r.object) if isinstance(r.object, Entity) else None
        if s is None and o is None:
            return r
        return Relation(s or r.subject, r.predicate, o or r.object, r.span)

    return [new_mention(m) for m in mentions], [new_relation(r) for r in relations]


def _traceable(b: Builder) -> tuple[Relation, ...]:
    """The relations whose subject the article names: by a mention, or as the object of
    another relation kept (every entity of the graph is traceable to its text). A reading
    whose mention lost its span to another entity (a place, read first) states nothing."""
    named = {(m.entity.cls, m.entity.key) for m in b.mentions.values()}
    relations = list(b.relations.values())
    while True:
        traced = named | {
            (r.object.cls, r.object.key)
            for r in relations
            if isinstance(r.object, Entity) and r.object != r.subject
        }
        kept = [r for r in relations if (r.subject.cls, r.subject.key) in traced]
        if len(kept) == len(relations):
            return tuple(kept)
        relations = kept


def _official(a: AreaHit, lex: Lexicon) -> AreaHit:
    """The area under its official name (雄安新区 is 河北雄安新区)."""
    label = lex.new_areas.get(a.label)
    return a if label is None else replace(a, label=label, basis="canonical-name")


def _read_places(f: Found) -> None:
    """Divisions (with codes and locatedIn their parent), functional areas, science cities."""
    norm, lex, b = f.norm, f.lex, f.b
    places = find_places(norm, lex.divisions, lex.division_index, f.tokens, lex.area_after_re)
    # 白沙、龙潭两座长江大桥: short forms listed before a shared head name the facilities
    f.coordinated = split_coordinated(norm, lex)
    parts = {(s, e) for s, e, _label in f.coordinated}
    if parts:
        places = [h for h in places if h.accepted is True or (h.start, h.end) not in parts]
    areas = with_named_zones(norm, find_areas(norm, places, lex), lex)
    sciences = find_science_cities(norm, places, areas, lex, f.tokens)
    # 四川天府新区成都科学城: the area is part of the science city's mention
    absorbed = {(s.start, s.name_start) for s in sciences if s.start != s.name_start}
    areas = [a for a in areas if (a.start, a.end) not in absorbed]
    areas += find_bare_areas(norm, areas, lex, f.tokens, places)
    taken = [(a.start, a.end) for a in areas] + [(s.start, s.end) for s in sciences]
    areas += find_region_areas(norm, lex, taken)
    areas = [_official(a, lex) for a in own_areas(norm, areas)]
    areas.sort(key=lambda a: a.start)
    f.places, f.areas = places, areas

    for h in places:
        if h.code:
            ent = division_entity(h.code, lex)
        else:
            ent = entity("District" if h.name.endswith(("区", "县", "旗")) else "City", h.name)
        f.place_entities[h.start] = ent
        span = b.mention(ent, h.start, h.end, h.basis)
        parent = lex.divisions.by_code[h.code].parent if h.code else None
        if parent and parent in lex.divisions.by_code:
            b.relate(ent, "locatedIn", division_entity(parent, lex), span)
    for a in areas:
        ent = entity("District", a.label)
        f.area_entities[(a.start, a.end)] = ent
        span = b.mention(ent, a.start, a.end, a.basis)
        if a.place is not None and a.place.code:
            b.relate(ent, "locatedIn", division_entity(_city_of(a.place.code, lex), lex), span)
    for s in sciences:
        ent = entity("ScienceCity", s.label)
        f.science_entities[(s.start, s.end)] = ent
        b.mention(ent, s.start, s.end, s.basis)
    f.sciences = sciences
    for h in places:
        f.place_at[h.start] = (f.place_entities[h.start], h.end)
    for (s, e), ent in f.area_entities.items():
        if s not in f.area_at or f.area_at[s][1] < e:
            f.area_at[s] = (ent, e)


def _city_of(code: str, lex: Lexicon) -> str:
    """The City a place lies in: itself, or for a county-level District its parent (an
    area named after 江宁区 is locatedIn 南京市: a District is locatedIn a City)."""
    d = lex.divisions.by_code[code]
    while d.level == 3 and d.parent in lex.divisions.by_code:
        d = lex.divisions.by_code[d.parent]
    return d.code


def _read_agencies(f: Found) -> None:
    """Local agencies, committees of named areas, national ministries; their jurisdiction."""
    norm, lex, b = f.norm, f.lex, f.b
    main = f.index("main places", lambda: main_places_at(f.places, f.prep, f.lex), f.places)
    hits = find_agencies(norm, corps_places(norm, lex) + f.places, lex, main)
    named = [(s.name_start or s.start, s.end, s.label) for s in f.sciences]
    named += [(a.start, a.end, a.label) for a in f.areas]
    committees = area_committees(norm, named, f.places, lex)
    others = find_foreign_agencies(norm, lex, f.places)
    others += local_governments_abroad(norm, lex, others, f.places)
    others += find_local_organs(norm, f.places, lex, main)
    others += find_township_governments(norm, f.places, lex)
    others += find_state_organs(norm, f.places, lex, main)
    others += corps_bodies(norm, lex)
    hits = drop_overlaps(
        hits + committees + others + find_sar_bureaus(norm, lex) + user_agencies(f)
    )
    taken = [(h.start, h.end) for h in hits]
    hits += bare_committees(norm, f.tokens, lex, taken, committees, f.places)
    hits += find_ministries(norm, lex, [(h.start, h.end) for h in hits])
    hits += ministries_abroad(norm, lex, hits, f.places)  # 与工贸部签署 (越南…): a state's
    hits = join_head_offices(sorted(hits, key=lambda h: (h.start, h.end)))
    hits = with_branches(norm, hits)  # 西安市公安局灞桥分局: the branch, not the bureau
    hits = with_offices(norm, hits, lex)  # 北京市政府新闻办: the office, not the government
    named_places = {e.label: e for e in f.area_entities.values()}
    named_places.update({e.label: e for e in f.science_entities.values()})
    # 浦东新区政府 after 上海市浦东新区人民政府: the district's body written without its city
    labels = {h.label for h in hits}
    for h in hits:
        if h.place_code and lex.divisions.by_code[h.place_code].level == 3:
            parent = lex.divisions.by_code[h.place_code].parent
            longer = lex.divisions.by_code[parent].name + h.label if parent else ""
            if longer in labels:
                h.label, h.basis = longer, "canonical-name"
    # 生态环境部黄河流域生态环境监督管理局(简称黄河流域局): the short form a body is given
    if defined := defined_short_forms(norm, [(h.start, h.end, h.label) for h in hits]):
        first = {h.label: h for h in reversed(hits)}
        again = short_form_mentions(norm, defined, Spans((h.start, h.end) for h in hits))
        hits += [replace(first[lb], start=s, end=e, basis="canonical-name") for s, e, lb in again]
    for h in sorted(hits, key=lambda h: (h.start, h.end)):
        ent = entity("Agency", h.label)
        f.agencies.append((h, ent))
        span = b.mention(ent, h.start, h.end, h.basis)
        if h.country:
            b.relate(ent, "jurisdiction", country_entity(h.country, lex), span)
        elif h.place_code:
            b.relate(ent, "jurisdiction", division_entity(h.place_code, lex), span)
        elif h.place_label in named_places:
            # the committee of a science city or an area governs that place
            b.relate(ent, "jurisdiction", named_places[h.place_label], span)


def _read_agreements(f: Found, document: Document) -> None:
    """Agreement titles and alias mentions; parties and signing date of each title."""
    prep, b = f.prep, f.b
    titles, aliases = find_agreements(f.norm, f.lex, prep.headlines())
    f.titles = titles
    for t in titles:
        if t.generic or t.signed_only:
            continue  # named after its parties, or kept only if signed: decided later
        ent = entity("Agreement", t.label)
        b.mention(ent, t.title_start, t.title_end, t.basis)
        f.agreement_at.append((t.title_start, prep.sentence_at(t.title_start), ent))
    named = {t.label for t in titles if not (t.generic or t.signed_only)}
    for a in aliases:
        if a.label not in named and any(t.label == a.label and t.signed_only for t in titles):
            f.pending_aliases.append(a)  # 该《计划》: an agreement only if its plan is signed
            continue
        _mention_alias(f, a)
    f.agreement_at.sort(key=lambda x: x[0])


def _mention_alias(f: Found, a: AgreementHit) -> None:
    ent = entity("Agreement", a.label)
    f.b.mention(ent, a.title_start, a.title_end, "alias-declaration")
    f.agreement_at.append((a.title_start, f.prep.sentence_at(a.title_start), ent))


def _relate_agreements(f: Found, document: Document) -> None:
    """Parties and signing date of each title; a generic title takes its parties' names."""
    dates = find_dates(f.norm)
    year_in_text = text_year(f.norm)
    for t in f.titles:
        relate_signing(f, t, dates, document.published, year_in_text)
    for t in referring_titles(f.norm, f.titles):
        relate_signing(f, t, dates, document.published, year_in_text)  # 该协议由A和B签署
    signed = {e.label for _pos, _i, e in f.agreement_at}
    for a in f.pending_aliases:
        if a.label in signed:
            _mention_alias(f, a)
    f.agreement_at.sort(key=lambda x: x[0])
    merge_restated(f, {t.label for t in f.titles if not t.generic})


def _read_projects(f: Found) -> frozenset[int]:
    """Named projects (and coordinated ones) with their location; returns where agencies
    end, which also bound organisation names."""
    b = f.b
    stops = frozenset(h.end for h, _e in f.agencies)
    names = frozenset(n for a in f.areas if len(n := _area_name(a, f.lex)) >= 2)
    institutions: list[tuple[int, int]] = []
    found = find_projects(f.norm, f.places, f.lex, stops, names, f.tokens, institutions)
    hits = user_projects(f, found)
    taken = [(p.start, p.end) for p in hits]
    for p in hits:
        ent = entity("Project", p.label)
        span = b.mention(ent, p.start, p.end, "exact")
        f.project_at.append((p.start, ent))
        f.project_end[p.start] = p.end
        line = f.lex.project_heads.get(p.head) == "line"
        for where in facts.project_locations(f, p.start, p.end, p.places, line):
            b.relate(ent, "locatedIn", where, span)
    taken_spans = Spans(taken)
    for s, e, label in f.coordinated:
        if not taken_spans.overlaps(s, e):
            ent = entity("Project", label)
            b.mention(ent, s, e, "canonical-name")
            f.project_at.append((s, ent))
            f.project_end[s] = e
    f.project_at.sort(key=lambda x: x[0])
    f.project_spans = taken
    f.institution_spans = institutions
    return stops


def _area_name(a: AreaHit, lex: Lexicon) -> str:
    """The name an area's label gives it between its place and its suffix (天府 of
    四川天府新区成都直管区)."""
    if a.modifier:
        return a.modifier
    rest = a.label[len(a.place.name) :] if a.place is not None else a.label
    cut = min((k for k in (rest.find(x) for x in lex.area_suffixes) if k > 0), default=0)
    return rest[:cut]


def _read_organizations(f: Found, stops: frozenset[int]) -> None:
    """Universities, hospitals, newspapers… outside agency and project names."""
    bodies = [(h.start, h.end) for h, _e in f.agencies]
    main = f.index("main places", lambda: main_places_at(f.places, f.prep, f.lex), f.places)
    taken = bodies + f.project_spans + f.institution_spans
    found = find_organizations(f.norm, f.places, f.lex, stops, taken, bodies)
    found += find_cooperatives(f.norm, f.places, f.lex, taken + [(o.start, o.end) for o in found])
    read = [(o, _own_place(f, o.start, o.label, main)) for o in user_organizations(f, found)]
    # 比亚迪集团 beside 比亚迪股份有限公司: the company by its trade name and a legal form;
    # 中土集团 after 中国土木工程集团有限公司(中土集团): by the short form it is given
    short = defined_short_forms(f.norm, [(o.start, o.end, label) for o, label in read])
    labels = [label for _o, label in read]

    def cut(words: str) -> list[str]:
        return [w for w, _f in f.lex.pos_cut(words)]

    short = {
        **short,
        **registered_names(labels, f.lex),
        **units_without_parent(labels, f.lex.org_suffixes),
        **without_legal_form(labels),
        **branch_short_forms(labels),
        **carrier_short_forms(labels, lambda place: province_name(place, f.lex)),
        **initials_short_forms(labels, cut),
        **trade_initials_short_forms(labels, cut),
        **group_stem_short_forms(labels),
        **hospital_short_forms(labels),
        **bureau_short_forms(labels, lambda brand: brand_group(brand, f.lex)),
    }
    for o, label in read:
        ent = entity("Organization", _followed(short, label))
        f.b.mention(ent, o.start, o.end, "exact" if ent.label == label else "canonical-name")
        f.organizations.append((o.start, o.end, ent))
    # 蔚来 after 蔚来汽车科技(安徽)有限公司, 云南能投 after …(以下简称“云南能投”): the company
    # named again (a short form may begin with a place: 云南)
    titles = [(t.title_start, t.title_end) for t in f.titles]
    names = Spans(taken + [(s, e) for s, e, _o in f.organizations] + titles)
    taken_spans = Spans(names.spans + [(p.start, p.end) for p in f.places])
    for s, e, ent in trade_name_mentions(f.norm, f.organizations, taken_spans, f.lex):
        f.b.mention(ent, s, e, "canonical-name")
        f.organizations.append((s, e, ent))
        names.add(s, e)
    by_label = {ent.label: ent for _s, _e, ent in f.organizations}
    schools = school_short_forms(labels, f.lex.is_common_word)
    found = short_form_mentions(f.norm, short, names) + [
        m
        for m in short_form_mentions(f.norm, schools, names)
        # 兰大, not 北大 of 北大荒; 宁波材料所签了: the verb the segmenter joins to the form
        if cut_at_both_ends(f.norm, m[0], m[1], f.lex) or f.norm.startswith(("签", "与"), m[1])
    ]
    for s, e, label in sorted(found):
        if (ent := by_label.get(_followed(short, label))) is not None:
            f.b.mention(ent, s, e, "canonical-name")
            f.organizations.append((s, e, ent))


def _followed(short: dict[str, str], label: str) -> str:
    """The name a label stands for, through the short forms it leads to (工行宁夏分行 ->
    中国工商银行宁夏回族自治区分行 -> 中国工商银行股份有限公司宁夏回族自治区分行)."""
    seen = {label}
    while (name := short.get(label, label)) not in seen:
        seen.add(name)
        label = name
    return label


# 省社会主义学院, 县人民医院: an institution of the article's own province or county.
_BARE_LEVEL = {"省": "省", "县": "县"}


def _own_place(f: Found, start: int, label: str, main: Callable[[int], dict[str, str]]) -> str:
    """An organisation written with 省 or 县 for its place (县人民医院) is named after the
    article's own province or county there; else its label as written."""
    char = label[:1]
    if char not in _BARE_LEVEL or len(label) < 4:
        return label
    if (
        start > 0
        and "\u4e00" <= f.norm[start - 1] <= "\u9fff"
        and f.norm[start - 1] not in "在由向到从和与及、的"
    ):
        return label  # 江西省…: the character ends another word
    code = main(start).get(char)
    if code is None:
        return label
    name = f.lex.divisions.by_code[code].name
    return name + label[1:] if name.endswith(char) else label
