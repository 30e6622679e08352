"""Where a project's name begins and ends around its head: names joined by a dash or 暨,
words after the head that continue a longer noun, short forms of a name given before."""

from __future__ import annotations

import re
from dataclasses import dataclass

from kg.extract.divisions import MUNICIPALITIES, PlaceHit
from kg.extract.lexicon import Lexicon
from kg.extract.matching import CODE, after_clause, name_start
from kg.extract.proper_words import has_proper_word
from kg.extract.short_forms import defined_short_forms
from kg.extract.spans import Spans

__all__ = [
    "CONCEPT_AFTER",
    "COUNT_AFTER",
    "DOCUMENT_NUMBER",
    "NUMBER_ABOUT",
    "PLAN_AFTER",
    "TOLD_BY",
    "FAST_THINGS",
    "HEAD_AFTER_NOT",
    "HEAD_CONTINUES",
    "LEADING_MARKS",
    "PHASE",
    "STAFF_AFTER",
    "after_head",
    "after_verb",
    "NAME_DASHES",
    "before_phase",
    "ProjectHit",
    "continued",
    "merge_short_forms",
    "outside",
    "own_start",
    "past_country",
    "short_forms",
    "words_start",
]


@dataclass
class ProjectHit:
    """A project name in the normalised text."""

    start: int
    end: int
    label: str
    head: str
    places: list[PlaceHit]  # divisions named where a location is stated (start, brackets)


# Words after a head that make the name a modifier of a plan, a scheme or an event, not a
# project ("五主四辅"铁路枢纽布局, 员工跟投项目机制, 国际采购与项目洽谈区), part of a
# neighbourhood's name (古大桥社区), a sport's event (帆船项目金牌), or of a zone, a port of
# entry or a train named after the works (…机场综合保税区, …铁路口岸, …高铁专列).
CONCEPT_AFTER = re.compile(
    r"布局|机制|模式|体系|格局|理念|洽谈|对接|推介|招商|路演|[东南西北]?街?(?:新村|社区|小区|村(?!民)|乡|镇)|街道|管理平台|审批|方案|文创|新?结构|工法|(?:合作)?联盟"
    r"|(?:奥运|亚运|全运)?(?:金牌|银牌|铜牌|奖牌|冠军|决赛|比赛)"  # 帆船项目金牌: a sport's event
    r"|综合保税区|保税区|临空经济区|经济区|口岸|专列|列车|动车组|班列"
    r"|(?:音乐|文化|艺术|旅游|美食|读书|电影|戏剧|冰雪)(?:周|节|季)|灯会|庙会"  # an event's name
    # …示范工程试点县, …电力工程建设史: a pilot or a history named after the works
    r"|试点(?:县|市|区|城市|省|单位)|示范县|(?:建设|发展)史|模型|沙盘|(?:建造|施工)?技术"
    r"|走廊经济带|经济带"
)
# A name followed by a count names a kind of thing: 共建中试基地10个, 联合实验室20个.
COUNT_AFTER = re.compile(
    r"(?:多达|达|共)?(?:[\d一二两三四五六七八九十百千]+(?:\.\d+)?)[万亿]?[余多]?(?:个|家|项|座|所|处|条|批)"
)
# Dashes and marks that open a clause before a name (国家重点工程――阿里…工程).
LEADING_MARKS = frozenset("―—–-·•■□●◆▲★")
# A dash between the two ends a line or an area is named after (金边—西港高速公路).
NAME_DASHES = frozenset("—－-–")

# Machines a head may modify (隧道掘进机, 铁路信号设备; not the trains on a line).
_MACHINE_END = re.compile(r"(?:[^飞]机|器|仪|设备|装备)$")
# Bodies a head may name the field of (铁路公安机关, 机场海关).
_BODY_AFTER = re.compile(r"公安|民警|警方|海关|(?:[^\W\d_]{0,4}(?:机关|部门))$")
# Ends of nouns a head may modify (铁路运输网络, 工程机械行业).
_COLLECTIVE_END = re.compile(r"(?:网络|网|体系|行业|产业|市场|领域|板块|集群|制造业)$")
# Nouns after a head that say what is done on or around the project, not a longer noun
# the head only modifies (铁路建设, 机场航站楼, 项目一期).
_AFTER_HEAD_OK = frozenset(
    {
        "建设",
        "工程",
        "项目",
        "施工",
        "运营",
        "沿线",
        "全线",
        "全长",
        "总投资",
        "投资",
        "航站楼",
        "主桥",
        "站房",
        "一期",
        "二期",
        "三期",
        "规划",
        "周边",
        "附近",
        "境内",
        "片区",
        "园区",
        "内",
    }
)


# X中心主任, X基地负责人: the centre or base of a person's post is an institution.
STAFF_AFTER = re.compile(
    r"(?:运行|值班|运营|技术|行政|常务|执行|原|[一二三]级|高级|首席)*副?(?:主任|负责人|院长|所长|站长|馆长|局长|总经理"
    r"|经理|律师|工作人员|职工|员工|党委|党支部|总监|总指挥|总工程师|演员|研究员|教练|导演|编剧"
    r"|总裁|董事长|秘书长|主席|主管)"
)


# What 高速 before it describes, not an expressway (高速列车, 高速入口).
FAST_THINGS = ("列车", "动车", "动车组", "入口", "出口", "路口", "匝道", "磁浮", "铁路")


def continued(norm: str, end: int, head: str, lex: Lexicon) -> bool:
    """True when the word after a head makes it a modifier of a longer noun (工程机械制造业,
    高铁物流, 项目洽谈区) or, for 高速, an adverb or an adjective (高速推进, 高速入口)."""
    following = lex.pos_cut(norm[end : end + 8])
    if not following or STAFF_AFTER.match(norm, end):  # …项目常务副经理: a post on the works
        return False
    word, flag = following[0]
    if head == "高速" and (flag.startswith("v") or word in FAST_THINGS):
        return True  # 高速推进, 高速列车, 高速入口: high-speed, not an expressway's name
    # a long compound noun or a chain of nouns: 铁路运输网络, 工程机械制造业 (not 客流增长,
    # 项目进展, 公交化运营)
    if len(word) >= 3 and flag == "n" and _COLLECTIVE_END.search(word):
        return True
    if len(word) >= 2 and flag == "n" and _MACHINE_END.search(word):
        return True  # 隧道掘进机: a machine of the works, not the works
    if _BODY_AFTER.match(word):
        return True  # 铁路公安机关, 机场海关: a body of the works' field, not the works
    return (
        len(following) >= 2
        and len(word) >= 2
        and flag == "n"
        and following[1][1] == "n"
        and word not in _AFTER_HEAD_OK
        and word not in lex.boundary_words
        and not lex.project_head_re.match(word)
    )


def outside(norm: str, name: str, books: Spans) -> bool:
    """True when ``name`` also occurs outside the book titles."""
    k = norm.find(name)
    while k >= 0:
        if not books.encloses(k, k):
            return True
        k = norm.find(name, k + 1)
    return False


def short_forms(
    hits: list[ProjectHit], lex: Lexicon, place_end: dict[int, PlaceHit]
) -> dict[str, str]:
    """The names of ``hits`` without their leading place or region, to the full label."""
    full: dict[str, str] = {}
    for h in hits:
        for r in lex.region_words:
            if h.label.startswith(r) and len(h.label) - len(r) >= 4:
                full.setdefault(h.label[len(r) :], h.label)
        p = next((p for p in h.places if p.start == h.start), None)
        if p is not None and len(h.label) - (p.end - p.start) >= 4:
            full.setdefault(h.label[p.end - p.start :], h.label)
        # a place the gazetteer does not hold but the segmenter knows (台北松山机场)
        word, flag = lex.pos_cut(h.label)[0]
        if flag == "ns" and 2 <= len(word) <= 3 and len(h.label) - len(word) >= 4:
            full.setdefault(h.label[len(word) :], h.label)
    return full


def merge_short_forms(
    hits: list[ProjectHit], lex: Lexicon, place_end: dict[int, PlaceHit], norm: str
) -> None:
    """G60科创走廊 said after 长三角G60科创走廊: the name without its leading place or region
    is the same project, so it takes the full label; so does a short form defined in brackets
    (阿布贾至卡杜纳铁路(以下简称阿卡铁路)) and another name in brackets right after the name."""
    full = short_forms(hits, lex, place_end)
    full.update(defined_short_forms(norm, [(h.start, h.end, h.label) for h in hits]))
    ending = {h.end: h for h in hits}
    for h in hits:
        if h.label in full:
            h.label = full[h.label]
        named = ending.get(h.start - 1)
        if named is not None and norm[h.start - 1] == "(" and norm.startswith(")", h.end):
            h.label = named.label  # 通苏嘉甬铁路(沪嘉甬铁路): the other name of the same line


def own_start(
    norm: str, start: int, hs: int, head: str, by_start: dict[int, PlaceHit], lex: Lexicon
) -> int:
    """Where a name begins that is written after a chain of places, the words of a route or
    its province: 浙江省杭州市武林广场, 重庆南岸区南滨公园 (the last place of an address is the
    name's own; short forms run together are part of the name: 深圳宝安国际机场),
    峨眉山至天府国际机场 (a route's end is an airport's or a park's name, not a line's), 山西
    太原汾河公园 (the province before the city is not part of the name; a municipality's is:
    上海浦东国际机场)."""
    start = _past_province(norm, start, hs, by_start, lex)
    first = by_start.get(start)
    while (
        first is not None
        and (nxt := by_start.get(first.end)) is not None
        and nxt.end < hs
        and (first.full or nxt.full)
    ):
        first = nxt
    if first is not None and first.start > start:
        start = first.start
    if head in _POINT_HEADS:
        to = norm.rfind("至", start, hs)
        if to >= 0 and hs - to > 2 and not _SECTION.search(norm, to, hs):
            start = to + 1
    return _past_province(norm, start, hs, by_start, lex)


def _past_province(
    norm: str, start: int, hs: int, by_start: dict[int, PlaceHit], lex: Lexicon
) -> int:
    """Past a province written before one of its cities or counties (山西太原…), not a
    municipality (上海浦东…)."""
    for k in range(start + 2, min(start + 6, hs)):
        p = by_start.get(k)
        if p is None or p.code is None:
            continue
        province = p.code[:2] + "0000"
        written = norm[start:k]
        if (
            province != p.code
            and p.code[:2] not in MUNICIPALITIES
            and province
            in (*lex.divisions.full.get(written, ()), *lex.divisions.short.get(written, ()))
        ):
            return k
        break
    return start


# Heads of works at one place, not along a line or a route (a line's works are its 项目, 工程,
# 隧道 or 大桥: 兰新铁路精河至阿拉山口增建二线工程).
_POINT_HEADS = frozenset(
    {"机场", "国际机场", "公园", "广场", "中心", "基地", "水库", "产业园", "工业园", "园区"}
)
# A section of a line named by its ends (湖州站至湖州东站段).
_SECTION = re.compile(r"段|线|路|道|[()（）]")


# A phase written before the head (改造一期工程): part of the works' name.
_PHASE_BEFORE = re.compile(r"[一二三四五六七八九十\d]+期$")


def words_start(
    norm: str, start: int, hs: int, lex: Lexicon, place_spans: Spans, keep: frozenset[int]
) -> int:
    """Where a name starts in ``norm[start:hs]``, past a clause and the words that begin no
    name (``keep``: where places start, which a name may begin with)."""
    return name_start(norm, after_clause(norm, start, hs, lex, place_spans), hs, lex, keep)


def before_phase(norm: str, hs: int) -> int:
    """Where a phase written right before a head starts (码头改造一期工程), else ``hs``."""
    phase = _PHASE_BEFORE.search(norm, max(0, hs - 4), hs)
    return phase.start() if phase is not None else hs


# A head followed by these is a modifier of a longer noun (项目库, 线路, 中心城区).
# A head preceded by these is part of another noun (城市副中心 is a planning area).
HEAD_AFTER_NOT = {
    "中心": frozenset("副"),
    "线": frozenset("沿全一前在热"),
    "园区": frozenset("目田"),
    "港区": frozenset("税"),
    "电厂": frozenset("线"),
}
HEAD_CONTINUES = {
    "园区": frozenset("链"),
    "线": frozenset("路上下索性条"),
    "中心": frozenset("城区镇组老项库工任地腹村"),
    "高铁": frozenset("站连沿司列乘综"),
    "铁路": frozenset("站局连沿口涵物"),
    "高速公路": frozenset("连"),
    "高速": frozenset("连动磁铁"),
    "走廊": frozenset("经"),
    "机场": frozenset("站高快大路线专轨至群"),
    "工程": frozenset("师院堆机保学"),
    "项目": frozenset("库清部组需"),
    "基地": frozenset("化"),
    "广场": frozenset("舞馆楼店饭餐酒"),
    "公园": frozenset("馆楼站管城绿店饭餐酒"),
    "大桥": frozenset("局院群"),
    "隧道": frozenset("群"),
    "工业园": frozenset("区"),
    "产业园": frozenset("区链"),
    "科技园": frozenset("区"),
}
# Phase and works written after the head: 污水处理厂三期扩建, 二期工程.
PHASE = re.compile(r"[一二三四五六七八九十\d]+期(?:扩建|改造|工程|项目)?")
# The part of a line that is built (丽江至香格里拉段, 增建二线).
_LINE_PART = re.compile(
    r"[\u4e00-\u9fff]{2,6}?至[\u4e00-\u9fff]{2,6}?段|增建二线|复线|扩能改造|电气化改造"
    r"|[\d一二三四五六七八九十]{1,3}号线|环线|支线|联络线|专用线|延长线|[东西南北]延(?:段|线)"
)
# The part of a line in one place (梧州段, 甘肃段); the place is checked.
_PLACE_SECTION = re.compile(r"([\u4e00-\u9fff]{2,4}?)段")


# A runway or a terminal of an airport (浦东机场第四跑道, 白云机场T2航站楼) or its rebuilding
# (宁远机场改扩建): the works named.
_AIRPORT_PART = re.compile(
    r"(?:第[一二三四五六七八九十\d]+|[东西南北])跑道|T\d航站楼|新航站楼|改扩建"
)


def after_head(norm: str, end: int, line: bool, lex: Lexicon) -> int:
    """Where a name ends after its head at ``end``: past a phase (三期扩建, 二期工程) or, for a
    line, past the part built (滇藏铁路丽江至香格里拉段, 渝怀铁路增建二线, …高速公路梧州段, 地铁3号线
    东延段) and its own lines (北京地铁二号线, 沙漠铁路环线); for an airport, past a runway or a
    terminal (浦东机场第四跑道)."""
    phase = PHASE.match(norm, end)
    if phase is not None:
        return phase.end()
    if norm.endswith("机场", 0, end) and (part := _AIRPORT_PART.match(norm, end)) is not None:
        return part.end()
    if not line:
        return end
    part = _LINE_PART.match(norm, end)
    if part is not None:
        return part.end()
    section = _PLACE_SECTION.match(norm, end)
    if section is not None and (
        section.group(1) in lex.divisions.short or section.group(1) in lex.divisions.full
    ):
        return section.end()  # 荔浦至玉林高速公路梧州段: the part in one place
    return end


# Verbs and prepositions of one character that begin a clause, not a name (看…高铁, 拿…大桥);
# not those that begin places' names too (同江, 来宾, 凭祥, 增城).
_CLAUSE_SINGLES = frozenset("看拿到去让把对向给为由经靠离好接与仅像走赴起除乘沿继建")
# Tags of a word that begins a clause before a name (加紧, 紧急, 从而).
_VERB_FLAGS = ("v", "d", "p")


def after_verb(
    norm: str,
    start: int,
    hs: int,
    lex: Lexicon,
    names: frozenset[str],
    place_starts: frozenset[int],
) -> int:
    """Where a name begins after the verbs that govern it (看昌景黄高铁, 建好南水北调后续工程,
    紧急调派…基地, 加紧冲刺…项目): each verb, with its complement (好), is left out when what
    follows is a proper name (a verbal noun only after a verb: 冲刺 in 加紧冲刺); a name that
    begins with a place (包头至银川高铁, whatever jieba tags 包头) or with its verb (引汉济渭) keeps it;
    ``names`` are the article's names of its areas."""
    for k in range(3):
        words = lex.pos_cut(norm[start:hs]) if start not in place_starts else []
        if len(words) < 2:
            break
        first, flag = words[0]
        skip = len(first)
        if words[1][0] == "好" and flag.startswith("v"):
            skip += 1  # 建好, 建设好: a verb and its complement
        elif not (
            first in _CLAUSE_SINGLES
            or (
                len(first) >= 2
                and flag.startswith(_VERB_FLAGS)
                and (flag != "vn" or k > 0 or _verb_before(norm, start, lex))
            )
        ):
            break
        rest = norm[start + skip : hs]
        if len(rest) < 2 or not has_proper_word(rest, lex, names):
            break
        start += skip
    return _after_inner_verb(norm, start, hs, lex, place_starts)


# Verbs of reaching and sharing that jieba's dictionary tags as nouns or adjectives (中标,
# 畅通, 连通): before a name they govern it as any verb does.
_VERBS_TAGGED_OTHERWISE = frozenset({"中标", "共用", "分包", "连通", "畅通", "串联", "经行"})
# What follows a verb to say where its action leads (行进至, 改造成).
_RESULT = frozenset({"至", "到", "往", "入", "向", "成"})
# Verbs of going of one character (来波茨坦, 去淄博).
_MOTION = frozenset("来去回赴到离")
# Tags of a word that begins a name after a verb: a place, a person, an abbreviation.
_NAME_FLAGS = frozenset({"ns", "nr", "nrt", "nz", "j", "eng"})


def _after_inner_verb(norm: str, start: int, hs: int, lex: Lexicon, places: frozenset[int]) -> int:
    """Where a name begins after a clause's subject and its verb (金门共用厦门新机场, 湖州主动
    连接G60科创走廊, 中车中标…项目): a verb of two characters or more among the first words,
    followed by a place, a person's name or an abbreviation, ends the clause; ``places`` are
    where the places found begin."""
    words = lex.pos_cut(norm[start:hs])
    at = start
    for k, (word, flag) in enumerate(words):
        at += len(word)
        if at - len(word) in places:
            continue  # 包头, 新建: a place whatever jieba tags it
        after, tag = words[k + 1] if k + 1 < len(words) else ("", "")
        if (
            flag == "v"
            and len(word) >= 2
            and after in _RESULT
            and not (k + 2 < len(words) and words[k + 2][1] == "ns")
            and at + 1 not in places
        ):
            # 行进至广场, 改造成景观湖公园: a verb and where it leads (跳马至株洲线: a line
            # between two places, the first of which jieba tags as a verb)
            return at + 1
        if len(word) >= 2 and word[-1] in "到至往" and flag not in _NAME_FLAGS and hs - at >= 2:
            return at  # 专程到国家…中心, 赶往…机场: a clause's verb of going, whatever its tag
        if (
            k == 0
            and hs - at >= 2
            and (
                (word in _MOTION and (at in places or (tag == "ns" and len(after) >= 2)))
                or ((word in _RESULT or word == "好") and _verb_before(norm, start, lex))
            )
        ):
            return at  # (都)来波茨坦广场, (改造)成…公园, (发挥)好…走廊: the verb's, not the name's
        if flag == "f" and len(word) >= 2 and at in places:
            return at  # 区域北部西安浐灞国家湿地公园: where in an area, then the name
        if (
            word in _MOTION
            and k > 0
            and at - len(word) - len(words[k - 1][0]) not in places
            and (at in places or (tag == "ns" and len(after) >= 2) or at == hs)
        ):
            return at  # 王一君去淄博…公园, 唐某来广场: a person's going (not 沪通长江大桥)
        if k >= 4:
            continue
        if len(word) < 2 or not (flag == "v" or word in _VERBS_TAGGED_OTHERWISE):
            continue
        if k + 1 < len(words) and hs - at >= 2:
            after, tag = words[k + 1]
            if tag in _NAME_FLAGS and not (tag == "eng" and after.isdigit()):
                return at  # (参建500兆瓦…, 通道500千伏…: a figure, not a name, after the verb)
    return start


def _verb_before(norm: str, start: int, lex: Lexicon) -> bool:
    """True when the words right before ``start`` end with a verb or an adverb (加紧)."""
    before = norm[max(0, start - 4) : start]
    words = lex.pos_cut(before) if before else []
    return bool(words) and words[-1][1] in ("v", "d")


# A line's number (2号线), which names no line of its own.
_LINE_NUMBER = re.compile(r"[\d一二三四五六七八九十]+号线")


# An ordinal that begins the words after a country (第二国际会议中心): one of the country's.
_ORDINAL = re.compile(r"第[一二三四五六七八九十\d]")


def past_country(norm: str, start: int, hs: int, lex: Lexicon, names: frozenset[str]) -> int:
    """Where a name begins after a foreign country written before it: past the country when
    the words after it name the project themselves (巴基斯坦PKM项目, 白俄罗斯中白工业园); not
    when they only say what kind (英国高铁2号线: a line's number names no line without its
    country) or which one of the country's (缅甸第二国际会议中心)."""
    country = lex.country_re.match(norm, start, hs)
    if (
        country is not None
        and lex.country_names[country.group()] != "CN"
        and hs - country.end() >= 2
        and not (norm[country.end()] in NAME_DASHES or norm[country.end()].isdigit())
        and not _ORDINAL.match(norm, country.end())
        and (
            CODE.search(core := _LINE_NUMBER.sub("", norm[country.end() : hs]))
            or has_proper_word(core, lex, names, rare=False)
        )
    ):
        return country.end()
    return start


# The title of a plan after a name (…基地建设实施方案, …产业园战略规划): a name written only there
# is the plan's, not a project of the article.
PLAN_AFTER = re.compile(r"(?:建设)?实施方案|(?:战略|发展|总体|建设)规划")
# Words before 万/亿 that make it a number (过万平米, 近亿元).
NUMBER_ABOUT = frozenset("过近超逾上数几0123456789")
# What a source tells (记者从X获悉).
TOLD_BY = re.compile(r"获悉|了解到|得知")
# A document's number (SC[2009]1466号, 〔2024〕3号): a procurement or a file, not a name.
DOCUMENT_NUMBER = re.compile(r"[\[〔［][12]\d{3}[\]〕］]")
