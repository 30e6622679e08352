"""Named projects and facilities: a distinguishing name before a head noun (…项目, …中心, …线).

Every rule here decides where a project's name starts and whether it is one. Whether the
words name a kind is decided in ``project_kinds``, a role or a programme in
``project_roles``, names joined by a dash and short forms in ``project_names``, names
sharing one head in ``coordination``.
"""

from __future__ import annotations

import re

from kg.extract.coordination import NAME_RUN, ORG_AFTER
from kg.extract.divisions import PlaceHit
from kg.extract.generic import looks_generic
from kg.extract.lexicon import Lexicon
from kg.extract.matching import left_boundary
from kg.extract.project_kinds import (
    EVENT_IN,
    FORMULA,
    MAJOR,
    OPEN_QUOTES,
    in_other_quote,
    invested,
    is_kind,
    journey,
    measured_or_negated,
    metro_system,
    quoted_words,
    works_told,
)
from kg.extract.project_labels import official_label
from kg.extract.project_names import (
    CONCEPT_AFTER,
    COUNT_AFTER,
    DOCUMENT_NUMBER,
    HEAD_AFTER_NOT,
    HEAD_CONTINUES,
    LEADING_MARKS,
    NUMBER_ABOUT,
    PHASE,
    PLAN_AFTER,
    STAFF_AFTER,
    TOLD_BY,
    ProjectHit,
    after_head,
    after_verb,
    before_phase,
    continued,
    merge_short_forms,
    outside,
    own_start,
    past_country,
    short_forms,
    words_start,
)
from kg.extract.project_roles import (
    GOAL_HEADS,
    ITEM_END,
    PLANT_HEADS,
    UNIT_HEADS,
    company_ahead,
    former_line,
    goal,
    institution_centre,
    not_one_project,
    place_acts,
    role,
    trains_people,
    unanchored,
    unit_after,
    unit_of_body,
    works_verb,
)
from kg.extract.project_short import full_names
from kg.extract.project_starts import (
    after_visit,
    begins_no_name,
    joined_before,
    past_clause,
    past_joiner,
    sited,
    works_of,
)
from kg.extract.proper_words import has_proper_word
from kg.extract.spans import DisjointSpans, Spans, book_titles
from kg.extract.state_pairs import pair_start
from kg.extract.tokens import Tokens
from kg.extract.venues_abroad import without_venues_abroad

__all__ = ["ProjectHit", "find_projects"]

# Heads that need more than a place before them (深圳园区 is a part of an area, 武汉市中心
# the middle of a city, 乌海项目 whatever is done there).
_NEEDS_MODIFIER = frozenset({"园区", "中心", "项目", "基地"})
# Things written before a name that are not part of it (两地数据中心机架: the cities that
# share the facilities, not a name).
_LEADING_OFF = re.compile(
    r"(?:[\d一二两三四五六七八九十]+[个项批所座家处]|[两三四五六七八九十](?:地|市|省)|双方|各方|等|及)"
)
# One-character verbs that say what works do (旧改项目, 扩建): before 项目 they name works.
_BUILDING_VERBS = frozenset("改建修扩迁站")
# A tender section after a line's name (十一标, 3标段).
_SECTION_AFTER = re.compile(r"[\d一二三四五六七八九十]+标")
# A venue named after the park or square it is in.
_VENUE_AFTER = re.compile(r"[\u4e00-\u9fff]{0,3}?(?:馆|球场|剧院|音乐厅|大厦|地铁站)")
_MUSEUM_AFTER = re.compile(r"博物馆|博物院|纪念馆|展览馆|美术馆|艺术馆")
# A sports centre's venue (体育中心体育场, 文体中心游泳馆).
_CENTRE_VENUE = re.compile(r"(?:主|二期)?(?:体育场|体育馆|游泳馆|游泳跳水馆|跳水馆|网球馆|综合馆)")
# Words before a name that make it some of a kind (一批, 一系列) or a kind described (现代…基地).
_QUALITY = r"现代|新型|世界级|一流"
_SOME = re.compile(
    rf"(?:一批|一系列|系列|若干|一些|多个|多项|多座|多条|多处|各类|各项|一个|一座|一处|{_QUALITY})$"
)
_QUALITY_FIRST = re.compile(_QUALITY)
# A government body's, a group's or a firm's name before 项目 (审批局, 农工部, 城建集团,
# 华东院, 建设公司): the projects it handles, or its staff on them (…院项目负责人).
_ORGAN_BEFORE = re.compile(r"(?:局|厅|部|委|办|集团|(?<![学医])院|公司)$")
# A train's number before 高铁 (G38, D2266次).
_TRAIN = re.compile(r"[GDCKTZ]\d{1,5}次?")
_COUNTED = re.compile(r"[\d一二两三四五六七八九十]+[个项批所座家处]")
# A 线 is a line project only when its name says what kind of line.
_LINE_WORD = re.compile(r"号线|专线|支线|干线|铁路|轨道")
# 研究中心, 新闻中心, 事务中心…: the 中心 or 实验室 of an institution, not a facility.
_INSTITUTION_HEADS = frozenset({"中心", "实验室"})
_FOUNDED = re.compile(r"(?:成立|组建|设立|挂牌)了?$")

_INSTITUTION = re.compile(
    r"(?:研究|新闻|事务|服务|统计|测评|监测|检测|信息|培训|指挥|调度|健康|文化|宣传|咨询|评估|鉴定|"
    r"研发|数据|销售|采购|营销|教育|政务|客服|结算|交易|疾控|预警|报警|急救|救援|救助|防控|应急|呼叫"
    r"|检验|质检|融媒体|媒体|制证|信用|产业|卓越创新|领导力|管理|指导|援助|调解|台网|维权|保存|预防控制|学习"
    r"|交流|保护|发展|临床|医学|评价|康复|培养|考试|认证|鉴定|文明实践|医疗|妇儿|妇幼|工作|知识|建设"
    r"|养护|养老|护理|技术合作|警务合作)$"
)
# 教育基地, 实训基地, 研学基地: a base of teaching or showing is a title given to a place.
_DESIGNATION = re.compile(
    r"(?:教育|职教|实训|集训|培训|研学|展示|体验|康养|廉政|党建|德育|科普|宣传|教学|研究|种植|养殖|老工业|传承)$"
)
# A station named after its line (高铁南站, 铁路东站).
_STATION = re.compile(r"[东西南北]站")
# 江汉平原最大农产品集散中心: a superlative describes a thing; it does not name it.
_DESCRIPTION = re.compile(
    r"最大|最长|最高|最深|最早|最美|唯一|首个|首座|首条|首家|第一[个座条家]|重要|主要|标志性|代表性|宝贵"
)
# 我国首个…公园, 首条…高铁: the first of a kind, described.
_FIRST = re.compile(r"(?:首个|首座|首条|首家|第一[个座条家])$")
# 合称“三线一场”项目, “山水红城、健康新县·…公园”: a name given to several things, or one
# item of a list in quotes (a slogan).
_SLOGAN = re.compile(r"(?:合称|统称|简称|并称)[\u4e00-\u9fff]{0,4}“?$|“[^”]*、[^”]*$")
# 这一修法项目, 该林场…基地: a demonstrative before the name refers back; it does not name.
_DEMONSTRATIVE = frozenset("这那该此")
_COUNT_BEFORE = re.compile(r"[\d一二两三四五六七八九十百千]+[多余]?[名位人]")
# Verbs that give an honour: 被评为/列为/命名为…示范基地 is a title, not a project.
_TITLED = re.compile(r"(?:评为|列为|命名为|授予|认定为|入选|(?:认定|评定|命名|授牌)的)$")
# Heads that name programmes as often as works (“春蕾”项目, 育人基地): without a place in
# the name, the name or the sentence must say what is built. (A named 中心 is often a
# strategic centre, 西部金融中心, that nothing builds.)
_NEEDS_EVIDENCE = frozenset({"项目", "基地"})
# Works that stand in a landscape as rivers and lakes do: named as a water source or a view
# unless the sentence tells of their works.
_LANDSCAPE_HEADS = frozenset({"水库", "运河"})
# Heads whose words must say which one (a place, a country, a code, a name): 兰花基地,
# 锂电材料生产基地 only say what kind. (Parks, squares and wharves are as often named after
# a hill, a gate or a person jieba does not know: 玉渊潭公园, 光化门广场.)
_ANCHORED_HEADS = frozenset({"基地"})
_NUMBER_FIRST = re.compile(r"±?\d(?!\d*(?:千伏|国道|省道))")
# Parts of a line's works with names of their own.
_PART_HEADS = frozenset({"隧道", "大桥"})
_METRO = re.compile(r"(?:地铁|轨道交通|轻轨)[\d一二三四五六七八九十]+号线(?:[东西南北]延[段线])?$")


def find_projects(
    norm: str,
    places: list[PlaceHit],
    lex: Lexicon,
    stops: frozenset[int] = frozenset(),
    names: frozenset[str] = frozenset(),
    tokens: Tokens | None = None,
    institutions: list[tuple[int, int]] | None = None,
) -> list[ProjectHit]:
    """Project names: the distinguishing words before a head noun, longest first.

    ``stops`` are offsets where another name ends (an agency): a project starts after it.
    ``names`` are the names the article gives its areas (天府 of 四川天府新区): a project
    named after one of them is named. The spans of centres read as institutions are added
    to ``institutions`` (no organisation is read inside them).
    """
    place_end = {p.end: p for p in places}
    place_start = {p.start: p for p in places if p.code}
    place_starts = frozenset(p.start for p in places)
    by_start = {p.start: p for p in places}
    place_spans = Spans((p.start, p.end) for p in places)
    # 下花园区, 梁园区, 运河区: a head written inside a division's name is part of the place
    in_place = {k for p in places for k in range(p.start, p.end)}
    books = book_titles(norm)
    cands: list[ProjectHit] = []
    generic: list[ProjectHit] = []
    for m in lex.project_head_re.finditer(norm):
        head = m.group()
        hs, he = m.span()
        if hs in in_place or he - 1 in in_place:
            continue
        follow = norm[he : he + 1]
        if follow and follow in HEAD_CONTINUES.get(head, ()):
            continue
        if _STATION.match(norm, he) and lex.project_heads.get(head) == "line":
            continue  # 嘉善高铁南站: a station, named after the line
        if hs > 0 and norm[hs - 1] in HEAD_AFTER_NOT.get(head, ()):
            continue
        end = after_head(norm, he, lex.project_heads.get(head) == "line", lex)
        # 国家海洋综合试验场(威海): a place in brackets after the head belongs to the name
        after = place_start.get(end + 1) if norm.startswith("(", end) else None
        if after is not None and norm.startswith(")", after.end):
            end = after.end + 1
        else:
            after = None
        if COUNT_AFTER.match(norm, end) or _SECTION_AFTER.match(norm, end):
            continue  # (…高速公路十一标项目部: a section of the works, named after the line)
        if (head in ("公园", "广场") and _VENUE_AFTER.match(norm, end)) or _MUSEUM_AFTER.match(
            norm, end
        ):
            continue  # 天河公园羽毛球馆, 人民广场地铁站, …码头博物馆: the name of a venue
        if head == "中心" and (venue := _CENTRE_VENUE.match(norm, end)) is not None:
            end = venue.end()  # 奥体中心体育馆: the venue of a sports centre is the facility
        if (
            ORG_AFTER.match(norm, end)
            or lex.org_suffix_re.match(norm, end)
            or unit_after(norm, end)
        ):
            continue  # 中国铁道建筑工程总公司, 华美达广场大酒店, …工程指挥部: an organisation's name
        if norm.startswith("数", end) and norm[end + 1 : end + 2] not in "字据码":
            continue  # 大科学装置数量: how many of a kind (not 项目数据, 中心数字化)
        org = lex.org_suffix_re.search(norm, end, end + 10)
        if company_ahead(norm, end) or (org and NAME_RUN.fullmatch(norm, end, org.start())):
            continue  # 钦州保税港区宏港码头有限公司: the start of a company's name
        if CONCEPT_AFTER.match(norm, end):
            continue
        start = left_boundary(norm, before_phase(norm, hs), place_end, lex, stops)
        lead = _LEADING_OFF.match(norm, start, hs)
        if lead:
            if _COUNTED.fullmatch(lead.group()):
                continue  # 5个…集训基地, 18个智慧体育公园: a count of a kind, not one named
            start = lead.end()
        if start < hs:
            start = words_start(norm, start, hs, lex, place_spans, place_starts)
        if (
            head in _INSTITUTION_HEADS
            and _INSTITUTION.search(norm, max(start, hs - 4), hs)
            and not (start in place_starts and "国家" in norm[start:hs])
        ):
            # 研究中心, 新闻中心: an institution, not a facility (重庆国家金融科技认证中心:
            # a national centre given to a place is one)
            continue
        if head == "基地" and _DESIGNATION.search(norm, max(start, hs - 4), hs):
            continue  # 爱国主义教育基地, 产教融合实训基地: a title a place is given, not works
        if (head in UNIT_HEADS or head in PLANT_HEADS) and STAFF_AFTER.match(norm, end):
            continue  # 就业指导中心主任: the institution a person works for
        start = joined_before(norm, start, hs, place_end, lex, stops, place_spans, place_starts)
        while start < hs and (
            norm[start] in LEADING_MARKS
            or (norm[start] == "原" and start + 1 in place_start)
            or former_line(norm, start, hs, head, lex)
        ):
            start += 1  # ――阿里电力联网工程, 原扬州市体育中心, 老京张铁路: a dash, "former", "old"
        start = past_joiner(norm, start, place_starts)  # 合作区和公路铁路: 区和 names none
        if head == "中心" and lex.project_head_re.search(norm, max(start, hs - 4), hs):
            continue  # 广场中心, 公园中心: the middle of a place, not a facility
        if norm[start : start + 1] in OPEN_QUOTES:
            closed = norm.find(OPEN_QUOTES[norm[start]], start + 1, hs)
            if (
                closed > 0
                and quoted_words(norm[start : closed + 1])
                and (lex.project_heads.get(head) == "line" or closed + 1 in place_starts)
            ):
                # “云端天路”雅康高速: an epithet before a line's name
                start = words_start(norm, closed + 1, hs, lex, place_spans, place_starts)
        if lex.project_heads.get(head) == "line" and _TRAIN.fullmatch(norm, start, hs):
            continue  # G38高铁: a train's number, not a line
        if head == "项目" and (
            ITEM_END.search(norm, start, hs) or "非物质文化遗产" in norm[start:hs]
        ):
            continue  # 电子贸易平台项目, 服务项目: a platform or a service, not works
        if EVENT_IN.search(norm, start, hs):
            continue  # 职业院校技能大赛工程测量项目: a contest's discipline, not works
        if head in ("项目", "工程", "节点") and MAJOR.search(norm, start, hs):
            continue  # 京津冀交通一体化重大项目: a category of projects, not one
        if (
            _SOME.search(norm, max(0, start - 4), start)
            or _QUALITY_FIRST.match(norm, start)
            or norm[start] in "(（"
        ):
            continue  # 一批优质…项目: some of a kind; (广州)项目: a fragment after a name
        if head == "项目" and _ORGAN_BEFORE.search(norm, start + 2, hs):
            continue  # 行政审批局项目: the projects a body handles, not one named
        if start > 0 and norm[start - 1].isdigit():
            continue  # 318国道…, 5号公路大桥 cut after the number: the name began before
        if (
            start >= hs
            or trains_people(norm, start, hs, end, lex)
            or FORMULA.search(norm, start, hs)
            or _NUMBER_FIRST.match(norm, start, hs)
            or quoted_words(norm[start:hs])
        ):
            continue  # 7办1中心, “三问”书记项目, ”展示中心: a formula, a slogan or a fragment
        if measured_or_negated(norm, start, hs) or journey(norm, start, hs, end, head, lex):
            continue  # 2万余亩…基地, 每1元高速公路, 不通高铁, 西安到银川铁路运行时间
        if start > 0 and (
            norm[start - 1] in _DEMONSTRATIVE
            or (norm[start] == "一" and norm[start - 1 : start] in _DEMONSTRATIVE)
        ):
            continue  # 这一修法项目, 该林场…基地: refers back to something named before
        if (
            _DESCRIPTION.search(norm, start, hs)
            or _SLOGAN.search(norm, max(0, start - 12), start)
            or (
                (norm[start - 1 : start] == "的" or _FIRST.search(norm, max(0, start - 3), start))
                and _DESCRIPTION.search(norm, max(0, start - 6), start)
                and start not in place_starts  # (规模最大的乌审旗…项目: a place names it)
            )
        ):
            continue  # 平原最大…集散中心, 全球最大的…基地, 首个…主题公园: a description
        if in_other_quote(norm, start, end):
            continue  # “苏伊士运河走廊开发”战略: the quoted name is of something else
        if unit_of_body(norm, start, hs, head, lex):
            continue  # …研究所实验室, 广铁集团长沙货运中心, …有限公司陡河发电厂: a body's unit
        if _TITLED.search(norm, max(0, start - 6), start):
            continue  # 被评为…示范基地: an honour, not a project
        if "%" in norm[start:hs] or "/年" in norm[start:hs]:
            continue  # 90%项目, 120万吨/年裂解装置: a share or a capacity, not a name
        if _COUNT_BEFORE.search(norm, start, hs):
            continue  # 104名青年学者培养项目: a programme for a count of people
        if (
            head == "高速"
            and start < hs
            and (
                lex.pos_cut(norm[start:hs])[-1][1].startswith("v")
                or norm.endswith(("全程", "全线", "实现"), start, hs)
            )
        ):
            continue  # 保持高速, 全程高速: "at high speed", not an expressway
        joined = max(norm.rfind(j, start, hs) for j in "和及与、")
        if joined >= start and (
            hs - joined - 1 < 2
            or (norm[joined] != "与" and looks_generic(norm[joined + 1 : hs], lex, []))
            or (joined in place_end and place_end.get(hs) is not None)
        ):
            continue  # 解决方案复制和新项目, 长沙和广州机场: a kind after the joiner, or two places
        if joined >= start and (
            lex.project_head_re.search(norm, start, joined)
            or PHASE.search(norm, start, joined)
            or has_proper_word(norm[joined + 1 : hs], lex, names, rare=False, verb_singles=False)
        ):
            # 郑州机场三期和郑州高铁, 天桥及中关村广场: two names, the second one's is after 和
            start = joined + 1
        also = norm.rfind("暨", start, hs)
        if also > start and norm.endswith(tuple(lex.project_heads), start, also):
            start = also + 1  # 京剧电影工程暨中国京剧像音像工程: two works, not one
        visited = after_visit(norm, start, hs, lex)
        if visited is not None:
            start = visited  # 蔡奇察看试制中心: the visit's verb is not in the name
            if hs - start < 2:
                continue
        if begins_no_name(norm, start, hs, head, lex):
            continue  # 全市…中心, 全国…基地, 尼方提交项目, 在柬施工项目, 大湾区机场
        start = after_verb(norm, start, hs, lex, names, place_starts)
        start = past_country(norm, start, hs, lex, names)
        start = pair_start(norm, start, hs, lex, places)  # 参议院中巴经济走廊: the states
        start = past_clause(
            norm, own_start(norm, start, hs, head, by_start, lex), hs, lex, in_place, names
        )
        if start is None or norm[start] in "至到":
            continue  # 时可沿隧道, 没通高铁: a clause's words; 至玉树…: a route without its start
        if head in _PART_HEADS:
            # 外环东段项目登云隧道, 控制性工程磨丁隧道: a tunnel or a bridge of the works
            # named before it has its own name
            inner = max(norm.rfind("项目", start, hs), norm.rfind("工程", start, hs))
            if inner >= start and hs - inner - 2 >= 2:
                start = inner + 2
        if cands and works_of(norm, cands[-1], start, hs, lex, names):
            start = cands[-1].start  # 古交电厂远距离输热工程: the works of a facility named before
        name = norm[start:end]
        if norm[start:hs] in lex.project_heads:
            continue  # 大桥项目, 隧道工程: works of a kind
        if place_acts(norm, start, hs, by_start, lex):
            continue  # 广东省推行…示范项目, 美国研制出…装置: a place's clause, not a name
        if start > 0 and norm[start - 1] == "从" and TOLD_BY.match(norm, end):
            continue  # 记者从湖北省大数据中心获悉: the body that tells, not a facility
        if (
            DOCUMENT_NUMBER.search(name)
            or (name[0] in "万亿" and start > 0 and norm[start - 1] in NUMBER_ABOUT)
            or name.count('"') % 2
        ):
            continue  # SC[2009]1466号…项目, 万平米集热工程, "区域性…: a number or a fragment
        if PLAN_AFTER.match(norm, end) and norm.count(name) == 1:
            continue  # 出台…基地建设实施方案: named only in a plan's title
        if books.encloses(start, end) and not outside(norm, name, books):
            continue  # named only inside the title of a plan: 《X园区发展规划》
        inside = [places[k] for k in place_spans.inside(start, end)]
        if head == "线" and "至" not in name and not _LINE_WORD.search(name):
            continue
        if end == he and metro_system(norm[start:hs], head, inside, lex):
            continue  # 巴黎地铁, 济南市轨道交通项目: a city's metro, not one line of it
        told_where = hs - start >= 4 and sited(norm, start)  # (位于鄯善县的湘疆合作产业园)
        if is_kind(norm[start:he], head, lex, inside, names) and (
            not told_where or looks_generic(norm[start:hs], lex, inside)
        ):
            generic.append(ProjectHit(start, end, name, head, []))
            continue
        if not_one_project(norm[start:he], head, lex, names):
            continue  # 欧洲航运中心, 学历提升工程, …通道和…基地: a role, a programme, two things
        anchored = told_where or head not in _ANCHORED_HEADS
        if not anchored and unanchored(norm[start:hs], lex, names, bool(inside)):
            continue  # 兰花基地, 锂电材料生产基地: what kind, not which one
        if (head in GOAL_HEADS and not inside and goal(norm, start, hs, lex, names)) or role(
            norm, start, end, head
        ):
            continue  # 打造绿氢集散中心, 成为…枢纽, …中心地位: what a place is or is to become
        placed = start in place_starts or any(norm.startswith(n, start) for n in names)
        if head in _INSTITUTION_HEADS and _FOUNDED.search(norm, max(0, start - 4), start):
            continue  # 成立…国际传播中心, 组建…实验室: an institution set up, not works
        if head == "中心" and institution_centre(norm, start, hs, placed):
            if institutions is not None and name not in lex.known_organizations:
                institutions.append((start, end))  # (中国—东盟中心: read as that organisation)
            continue  # 红十字血液中心, 技术转移中心: an institution, not a facility
        if head in _NEEDS_EVIDENCE and not (inside or told_where or invested(norm, start, hs, lex)):
            continue  # “春蕾健康成长”项目, 世技赛…项目: a programme or an event, not works
        if head in _LANDSCAPE_HEADS and not works_told(norm, start, hs):
            continue  # 密云水库上游, 京杭大运河河道宽阔: water and places, not works
        if head in _NEEDS_MODIFIER and inside and inside[0].start == start and inside[-1].end == hs:
            continue  # 深圳园区: only a place before a generic head
        located = [
            p
            for p in inside
            if p.start == start
            or norm[start : p.start] in ("国家级", "中国")
            or (p.start > 0 and norm[p.start - 1] == "(" and norm.startswith(")", p.end))
        ]
        if after is not None:
            located.append(after)
        if tokens is not None:
            # (asked last: jieba is the costly question)
            t0 = tokens.start_before(he)
            if t0 is None:
                continue  # 新鸿基地产, 中铁隧道局: the head is inside a longer word
            # (郑州地铁8号线: a city's metro line by its number, whose 号线 the segmenter joins)
            if t0 < hs and he - t0 <= 3 and not (start in place_starts and _METRO.search(name)):
                continue  # 宅基地: a word that ends in the head's characters
            if head == "项目" and start < hs:
                last, flag = lex.pos_cut(norm[start:hs])[-1]
                placed_verb = (p := by_start.get(start)) is not None and p.end == hs - len(last)
                if flag == "v" and (
                    last not in _BUILDING_VERBS
                    if len(last) == 1
                    else placed_verb and not works_verb(last)
                ):
                    continue  # 分行跑项目, 西吉县克服项目: a verb and its object, not a name
            if continued(norm, end, head if end == he else "", lex):
                continue  # 工程机械制造业, 高铁物流运输, 项目洽谈区, 高速推进
            if (
                start not in place_starts
                and start > 0
                and "\u4e00" <= norm[start - 1] <= "\u9fff"
                and "\u4e00" <= norm[start] <= "\u9fff"
                and norm[start] not in lex.province_abbreviations
                and not any(
                    norm[start : start + n] in lex.region_words
                    for n in range(2, lex.max_region_len + 1)
                )
                and tokens.inside_word(start)
            ):
                continue  # 被动接项目: the name would begin inside a word
        cands.append(ProjectHit(start, end, name, head, located))
    # longest first, then leftmost; a shorter name inside a longer one is dropped
    cands.sort(key=lambda h: (-(h.end - h.start), h.start))
    out: list[ProjectHit] = []
    kept = DisjointSpans()
    for h in cands:
        if kept.overlaps(h.start, h.end):
            continue
        out.append(h)
        kept.add(h.start, h.end)
    out.sort(key=lambda h: h.start)
    merge_short_forms(out, lex, place_end, norm)
    full_names(out, lex)  # 松山隧道 after 松山特长隧道
    # 中线高铁 after 川渝中线高铁: a short form of a name given before is that project,
    # though its words alone would only say what kind of thing it is
    full = short_forms(out, lex, place_end)
    for h in generic:
        if h.label in full and not any(h.start < o.end and o.start < h.end for o in out):
            h.label = full[h.label]
            out.append(h)
    out.sort(key=lambda h: h.start)
    for h in out:  # 白云机场, 缅中经济走廊, 沈海高速: the official form
        h.label = official_label(h.label, lex)
    return without_venues_abroad(norm, out, places, lex)
