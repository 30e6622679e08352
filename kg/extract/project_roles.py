"""Names of projects that are a role, a programme, a category or a unit of something else
(欧洲航运中心, 学历提升工程, 省级数据中心, …产业园管理公司), not one project."""

from __future__ import annotations

import re

from kg.extract.divisions import PlaceHit
from kg.extract.lexicon import Lexicon
from kg.extract.matching import CODE, LEVEL, TRADE_WORDS
from kg.extract.proper_words import has_proper_word

__all__ = [
    "GOAL_HEADS",
    "ITEM_END",
    "PLANT_HEADS",
    "UNIT_HEADS",
    "unit_of_body",
    "company_ahead",
    "former_line",
    "goal",
    "institution_centre",
    "not_one_project",
    "place_acts",
    "role",
    "trains_people",
    "unanchored",
    "unit_after",
    "works_verb",
]

# Scopes wider than a country's own places: a centre or hub of the world, of a continent or
# of a foreign country is what a place is said to be (欧洲航运中心, 越南经济中心), not works.
_WORLD = re.compile(r"世界|全球|国际|亚洲|欧洲|非洲|美洲|拉美|大洋洲|东北亚|东南亚|中东|中亚")
_ROLE_HEADS = frozenset({"中心", "枢纽"})
# China and its special administrative regions: their centres are built (澳门科学中心).
_OWN = frozenset({"CN", "HK", "MO", "TW"})
# A venue a country's centre is (冈比亚国际会议中心 is one that was built).
_VENUE = re.compile(r"会议|会展|博览|展览|体育|文化|艺术|游泳|网球")
# 省级数据中心, 村级湿地公园: a level of government before the words names a kind.
# 非法码头, 违规项目: what a thing is judged to be describes it; it does not name it.
_JUDGED = re.compile(r"非法|违法|违规|无证|闲置|烂尾")
# Heads of a village's bases and parks of a crop (…镇…村香菇园区), and a village named
# after its county or township (not 中关村, a park's name).
_VILLAGE_HEADS = frozenset({"基地", "园区"})
_VILLAGE = re.compile(r"(?:县|镇|乡|区)[\u4e00-\u9fff]{1,4}村")
# 相关项目, 有关工程: the projects that bear on something.
_RELATED = re.compile(r"相关|有关")
# 重大开放项目, 重点民生工程, 中国重大…项目: a category's qualifier first, and no name after it.
_CATEGORY_FIRST = re.compile(r"重大|重点")
# 理论创新工程, 学历提升工程, 人才培养工程: a programme of people or ideas, not works.
_PROGRAMME = re.compile(
    r"(?:创新|提升|培养|培育|育人|关爱|帮扶|引领|铸魂|培训|攀登|畅通|振兴|护航|筑梦|圆梦|赋能|惠民|富民|强校|强基"
    r"|暖心|助学|助残|扶贫|攻坚|行动)$"
)
# Carried or moved to a place (运至, 迁至): a clause's verb, never inside a facility's name.
_CARRIED_TO = re.compile(r"[运送迁转搬寄]至|延伸至")
# A place and PPP before 项目 (山东PPP项目), not a name that says which works (…治理PPP项目).
_PLACE_PPP = re.compile(r"[\u4e00-\u9fff]{0,4}PPP")
# Organisations that a text may call a project while they are built.
_INSTITUTIONS = ("医院", "大学", "学院", "学校", "中学", "小学", "幼儿园")
# Two things joined inside the words (…通道和…基地): not one name (与 joins the parts of one
# title: …综合治理与可持续发展试点PPP项目; 和 of 和平广场 is no conjunction).
_JOINERS = frozenset({"和", "及", "以及"})
# A bracket that gives the name's short form inside the name ((以下简称电厂)).
_SHORT_FORM = re.compile(r"[(（](?:以下)?简称")
# Units of a project's builder or owner, and bodies or posts named after it, written after
# its name: the name is the unit's (…产业园管理公司, …工程管理部, …项目指挥部).
_UNIT_AFTER = re.compile(
    "(?:" + "|".join(TRADE_WORDS) + ")+(?:有限(?:责任)?公司|公司|集团)"
    "|管理部|指挥部|项目部|经理部|管理处|指挥所"
    # bodies and posts named after the works: …项目联合协调理事会, …高速检查站, …项目联合党支部
    "|(?:联合|协调)*理事会|检查站|收费站|(?:联合)?党支部|(?:[\u4e00-\u9fff]{2})?专班|工作组"
    # …机场海关党总支, …工程质量安全监督站: an organ's office named after the works
    "|海关|边检站|边防检查站|派出所|党总支|(?:质量)?(?:安全)?监督站|工程(?:有限(?:责任)?)?公司"
    # …铁路公安局, …铁路监管二科: a police bureau or an office's section named after a line
    "|公安局|公安处|监管[一二三四五六七八九十]?科"
    # …高速阜康服务区: a service area named after the line
    "|(?:[\u4e00-\u9fff]{2})?服务区"
    # …水库管理局, …枢纽建设指挥部, …工程质量安全总站, …工程总队, …工程研究中心, …车间:
    # an organ, a builder's unit or an institute named after the works or its field
    "|(?:管理局|管理所|管理站|管委会)|(?:建设|工程)指挥部|(?:质量|安全|监督)*总站"
    "|总队|支队|大队|研究中心|研究院|研究所|训练中心|(?<=工程)中心|良种场|(?:运用)?车间"
    "|(?:运行|运营|经营)(?:服务|管理)中心"
    # …国家公园可可西里管理处: the office of a part of the park, named after it
    "|[\u4e00-\u9fff]{2,4}?(?:管理处|管理分局|保护站)"
    # …大桥工程局, …大桥清洁队: a builder's bureau or a team named after the works
    "|工程局|[\u4e00-\u9fff]{0,2}?(?:清洁|维修|养护|施工|巡逻)队"
)


# Verbs of what works do (改造, 扩建, 引水, 贯通): before 项目 they name the works.
_WORKS_VERB = re.compile(
    r"建|改|扩|修|治|整|引|调|输|供|储|蓄|迁|搬|提升|加固|配置|开发|保护|绿化|亮化|美化|示范|贯通|联网|互联|安置"
    r"|制造|生产|加工|研发|冶炼|养殖|种植|发电|储能|增容|加高|复垦|打井"
)


def works_verb(word: str) -> bool:
    """True when ``word`` says what works do (改造, 扩建, 贯通), not what is done with them."""
    return _WORKS_VERB.search(word) is not None


def place_acts(norm: str, start: int, hs: int, by_start: dict[int, PlaceHit], lex: Lexicon) -> bool:
    """True when the place or state that begins the words before a head at ``hs`` is followed
    by a verb that is not what works do and its object (广东省推行电梯…示范项目, 中国当作出口…
    基地): the place is the subject of a clause, not the first word of a name."""
    place = by_start.get(start)
    end = place.end if place is not None else None
    if end is None and (country := lex.country_re.match(norm, start, hs)) is not None:
        end = country.end()
    if end is None or hs - end < 3 or end in by_start:
        return False
    words = lex.pos_cut(norm[end:hs])
    if len(words) < 2:
        return False
    (word, flag), (then, tag) = words[:2]
    return (
        flag == "v"
        and len(word) >= 2
        and not works_verb(word)
        and len(then) >= 2
        and tag in ("n", "vn", "nz")
    )


# A company's name run on to its legal form (…工程咨询房地产估价有限公司, …机场(集团)有限公司).
_COMPANY_AHEAD = re.compile(
    r"(?:[^\W和与及的由在是为被同对向从将]|[()（）]){1,16}?(?:有限责任公司|有限公司|股份公司)"
)


def company_ahead(norm: str, end: int) -> bool:
    """True when the words from ``end`` run on to a company's legal form: the head before
    them is part of the company's name."""
    return _COMPANY_AHEAD.match(norm, end) is not None


def unit_after(norm: str, end: int) -> bool:
    """True when a builder's or owner's unit follows the name ending at ``end``."""
    return _UNIT_AFTER.match(norm, end) is not None


def not_one_project(name: str, head: str, lex: Lexicon, names: frozenset[str]) -> bool:
    """True when ``name`` (ending in ``head``) says what a place is, names a programme or
    a category, or joins two things."""
    core = name[: len(name) - len(head)] if name.endswith(head) else name
    if _SHORT_FORM.search(core) or _JUDGED.search(core) or LEVEL.match(core):
        return True
    if _CARRIED_TO.search(core) and lex.project_heads.get(head) != "line":
        return True  # 换江船运至电厂: where something is carried, a clause
    if "们" in core or (head == "工程" and core.endswith("系统")):
        return True  # 组织义工们打扫公园: people of a clause; …研究系统工程: a discipline
    words = lex.pos_cut(core)
    for k, (word, flag) in enumerate(words[1:-1], 1):
        if (
            flag == "c"
            and word in _JOINERS
            and min(len(words[k - 1][0]), len(words[k + 1][0])) >= 2
        ):
            return True  # (藤县中和…产业园: 中和 is a name cut in two)
    if head == "工程" and _PROGRAMME.search(core):
        return True
    if head in ("项目", "工程") and core.endswith(_INSTITUTIONS):
        return True  # 火神山医院项目: a hospital or a school is an organisation, while it is built
    if head == "项目" and _PLACE_PPP.fullmatch(core):
        return True  # 山东PPP项目: a place's projects of a way of financing, none named
    if head == "码头" and core.endswith("港"):
        return True  # 天津港码头: the wharves of a port, none named
    if head == "项目" and (_EVENT.search(core) or _FUNDED.fullmatch(core)):
        return True  # 全运会射箭项目, 港资项目: a sports discipline, projects by their funds
    if head == "项目" and _ITEM_WITHIN.search(core):
        return True  # 非遗…传承项目, …保险统保示范项目, 市场化债转股项目: an item, a scheme
    if _OF_A_PLAN.match(core):
        return True  # “国家中长期油气管网规划”干线项目: the works of a plan, a category
    if len(words) >= 2 and words[-1][0] in _EVENT_VERBS:
        return True  # …自治州开通铁路, 全市新增项目: a verb and its object, a clause
    if head == "工程" and core.endswith("超级"):
        return True  # 桥岛隧超级工程: what the works are called, not their name
    village = _VILLAGE.search(core)
    if (
        head in _VILLAGE_HEADS
        and village is not None
        and village.end() < len(core) - 1
        and not _named(core[village.end() :], lex, names)
    ):
        return True  # 宝山村蔬菜栽培基地: a village's base of a crop, a kind
    if _RELATED.search(core):
        return True  # 长江大保护相关PPP项目: the projects that bear on something, a kind
    country = lex.country_re.match(core)
    lead = country.end() if country is not None and country.group() == "中国" else 0
    if _CATEGORY_FIRST.match(core, lead) and not CODE.search(core):
        return True  # (重大联通项目: 联通 is a company's name to the segmenter, not here)
    if head in _ROLE_HEADS and not _VENUE.search(core):
        if _WORLD.match(core):
            return True  # 世界梅花栽培中心: whatever the segmenter makes of its words
        country = lex.country_re.match(core)
        if (
            country is not None
            and lex.country_names.get(country.group()) not in _OWN
            and not _named(core[country.end() :], lex, names)
        ):
            return True
    return False


# Meetings and contests whose disciplines or items are called 项目 (全运会射箭项目,
# …座谈会暨农业项目).
_EVENT = re.compile(
    r"运会|奥运|冬奥|亚运|锦标赛|联赛|比赛|大赛|赛事|博览会|运动会|座谈会|研讨会|交流会|洽谈会|推介会|论坛"
    r"|会$"  # 农高会项目, 进博会项目: the deals signed at a fair
)
# What a 项目 of a platform, a service, an activity, research, a loan, a pilot, a sport or a
# pastime is, by the words right before it (服务项目, 游览项目, 武术项目): not works.
ITEM_END = re.compile(
    r"(?:平台|服务|活动|课题|赛事|公益|慈善|扶贫|助残|助学|帮扶|救助|关爱|标杆|品牌|交流|培训|贸易|非遗|文化|采购|收购"
    r"|研究|科研|创新|创业|试点|贷款|融资|质押|保险|遗产|志愿|保护|基金|博士后|项目库|管理库"
    r"|[个团]体赛|个人赛|非奥|优势|首发|游览|娱乐|游乐|体验|武术|攀岩|雪上|冰上|田径|传承)$"
)
# Words that make a 项目 a heritage's item or a scheme of finance wherever they stand in its
# name (…非遗文化传承项目, …保险统保示范项目, …债转股项目).
_ITEM_WITHIN = re.compile(r"非遗|非物质文化遗产|保险|债转股|贷款|信贷|理财|债券|信托")
# A plan's title quoted before the works it lists (“…规划”干线项目).
_OF_A_PLAN = re.compile(r"[“《][^”》]{2,30}(?:规划|计划|方案|纲要)[”》]")
# Projects named by where their money comes from (港资项目, 外资项目): a kind.
_FUNDED = re.compile(r"[\u4e00-\u9fff]资")
# Verbs of what happens to works, or is done with them, that take the works as their object
# (开通铁路, 引进项目): before a head they make a clause (制造, 创新 often begin a centre's
# or a base's name, and jieba tags them as verbs too).
_EVENT_VERBS = frozenset(
    {
        "开通",
        "通车",
        "建成",
        "启动",
        "开工",
        "落户",
        "落地",
        "迎来",
        "拥有",
        "没有",
        "结束",
        "实现",
        "开辟",
        "引进",
        "新增",
        "打造",
        "推进",
        "加快",
        "启用",
        "投用",
        "修通",
        "接通",
        "通上",
    }
)


def _named(words: str, lex: Lexicon, names: frozenset[str]) -> bool:
    return bool(CODE.search(words)) or has_proper_word(words, lex, names, rare=False)


# What a centre that is a place of its own is for: a venue, a building or works (国际金融中心,
# 会展中心, 水上运动中心, 超算中心, 集结中心), or a strategic centre of science or finance.
_FACILITY_CENTRE = re.compile(
    r"(?:金融|商务|贸易|会展|会议|展览|博览|展示|体验|艺术|演艺|戏剧|音乐|文体|体育|运动|射击|游泳|冰雪|滑雪"
    r"|网球|马术|赛车|购物|商业|物流|集结|分拨|储运|仓储|冷链|转运|集散|超算|计算|算力|科学|科创|航运|能源"
    r"|游客|会客|市民|邻里|社区|青少年|国际|边境合作|奥体|健身|训练|攀岩|球|活动|世博|世贸|发射|航天|宇宙|智算"
    r"|货运|客运|联运|配送|分拣|[A-Za-z0-9)）])$"
)
# A sentence that tells of a centre's building: then it is works, whatever it is for.
_CENTRE_BUILT = re.compile(
    r"建设|建成|开工|动工|奠基|封顶|落成|竣工|投用|投入使用|启用|开业|开馆|总投资|占地|建筑面积|选址"
)
# A centre of innovation the state names (成渝国家技术创新中心) is one of its strategic centres.
_STATE_INNOVATION = re.compile(r"国家[\u4e00-\u9fff]{0,8}创新$")
_SENTENCE_ENDS = "。！？；\n"


def institution_centre(norm: str, start: int, hs: int, placed: bool) -> bool:
    """True when the 中心 whose words are ``norm[start:hs]`` is an institution (a blood
    centre, a centre of translation or of technology transfer): its words name no venue,
    building or strategic centre, and its sentence tells of no building. A national or
    international centre named after a place (``placed``: 重庆国家金融科技认证中心) is one of
    the place's strategic centres."""
    core = norm[start:hs]
    if _FACILITY_CENTRE.search(core) or _STATE_INNOVATION.search(core):
        return False
    if placed and ("国家" in core or "国际" in core):
        return False
    lo = max(norm.rfind(c, max(0, start - _NEAR), start) for c in _SENTENCE_ENDS) + 1
    ends = [k for k in (norm.find(c, hs, hs + _NEAR) for c in _SENTENCE_ENDS) if k >= 0]
    hi = min(ends, default=min(len(norm), hs + _NEAR))
    return _CENTRE_BUILT.search(norm, max(lo, start - _NEAR), hi) is None


# How far from a centre's name its building is told (not in another body's name of a long
# list: …住房和城乡建设局、…血液中心).
_NEAR = 30


# Quotation marks or a code in a name (“飞地”基地, CCUS示范基地).
_MARKED = re.compile(r"[“”‘’A-Za-z0-9]")


def unanchored(core: str, lex: Lexicon, names: frozenset[str], placed: bool) -> bool:
    """True when the words of a base (``core``) hold no place (``placed``), country, region,
    code, name the article gives, place-name word or organisation's name: 兰花基地, 储能锂电池
    生产基地 say what is grown or made there, not which base it is."""
    if placed or _MARKED.search(core) or any(n in core for n in names):
        return False
    if lex.country_re.search(core) or any(r in core for r in lex.region_words if len(r) >= 2):
        return False
    # (a word jieba takes for a person's name is as often a plant or a thing: 兰花)
    words = "".join(
        w for w, flag in lex.pos_cut(core) if not (flag.startswith("nr") and len(w) >= 2)
    )
    return not has_proper_word(words, lex, names, rare=False, terms=False)


# Heads of what a place is to become (a hub, a centre, a base, a highland).
GOAL_HEADS = frozenset({"中心", "枢纽", "基地", "高地"})
_GOAL_VERB = re.compile(r"(?:打造|建成|建设成为|成为|构建|定位为|争创|创建)(?:成为|为)?$")


def goal(norm: str, start: int, hs: int, lex: Lexicon, names: frozenset[str]) -> bool:
    """True when the name at ``start`` follows a verb of becoming and names no place, region,
    code or name of the article: the role a place is to play, not a facility."""
    core = norm[start:hs]
    if not _GOAL_VERB.search(norm, max(0, start - 5), start) or CODE.search(core):
        return False
    if any(n in core for n in names) or any(r in core for r in lex.region_words if len(r) >= 2):
        return False
    if any(f in ("ns", "nr", "nrt", "nz") for _w, f in lex.pos_cut(core)):
        return False  # 打造富春湾…基地: a place's name jieba knows
    return not lex.country_re.search(core) and "“" not in core


# Verbs of what a place becomes or is praised as (成为, 建设成为, 定位为, 蜕变为, 被誉为).
_BECOMING = re.compile(r"(?:成为|定位为|蜕变为|打造成为?|建成为|发展为|誉为)“?")
# 是 before a hub or a highland says what a place is (达州高新区是四川东出北上综合交通枢纽).
_BECOMING_OR_IS = re.compile(_BECOMING.pattern + "|是")
# What a place's role has (香港国际金融中心地位, …枢纽作用).
_ROLE_AFTER = re.compile(r"的?(?:地位|作用|功能|竞争力)")
# Items of a list after the verb (成为…门户、…新中心): each is what the place becomes.
_LIST_JOIN = ("、", "和", "与", "及", "”、“", "”和“", "”与“")
_CLAUSE_ENDS = "，。；！？：\n"


def role(norm: str, start: int, end: int, head: str) -> bool:
    """True when the name of a hub, a centre or a corridor at ``start``–``end`` is what a
    place becomes (支持香港成为…枢纽, 建设成为…门户、…新中心) or a place's standing
    (巩固香港国际航空枢纽地位, 发挥…金融中心作用), not a facility; what happens in it
    (成为…中心的一名工作人员, 成为…中心建设的高频词) is about the facility."""
    if head not in GOAL_HEADS and head != "走廊":
        return False
    if _ROLE_AFTER.match(norm, end) or (
        norm.endswith("新中心", 0, end) and not norm.endswith("创新中心", 0, end)
    ):
        return True  # (…新中心: a centre a plan gives a place, 苏州市域新中心)
    if norm.startswith(("的", "建设的"), end):
        return False
    clause = max(norm.rfind(c, 0, start) for c in _CLAUSE_ENDS) + 1
    becoming = _BECOMING_OR_IS if head in ("枢纽", "高地") else _BECOMING
    verbs = list(becoming.finditer(norm, clause, start))
    if not verbs:
        return False
    between = norm[verbs[-1].end() : start]
    return between == "" or between.endswith(_LIST_JOIN)


# Heads of what an institution, a company or a body has as its unit (…数据中心 of an academy).
UNIT_HEADS = frozenset({"中心", "基地", "实验室", "数据中心"})
# Power plants, which companies list as their units (…股份有限公司陡河发电厂).
PLANT_HEADS = frozenset({"电厂", "发电厂"})
# A body's unit before a base or a centre (…管理分局…抢险基地): the body's, not a project.
_BODY_UNIT = re.compile(r"(?:分局|管理局|公安局|支队|大队)(?=[\u4e00-\u9fff]{2})")


def unit_of_body(norm: str, start: int, hs: int, head: str, lex: Lexicon) -> bool:
    """True when the name before the head at ``hs`` names a unit of a body: an institution's
    laboratory or centre (南京地质古生物研究所实验室, 疾控中心实验室, 南开大学基地, 广铁集团长沙货运中心; a
    group's 基地 is its works), or a plant written right after its company's legal form
    (大唐国际发电股份有限公司陡河发电厂)."""
    if head in PLANT_HEADS:
        return norm.endswith("公司", max(0, start - 2), start)
    if head not in UNIT_HEADS:
        return False
    if head == "实验室" and "中心" in norm[start:hs]:
        return True  # 中国疾控中心实验室: a centre's laboratory
    return bool(
        norm.endswith((*lex.org_suffixes, "公司", "集团"), start, hs)
        or lex.org_suffix_re.search(norm, start, hs)
        or _BODY_UNIT.search(norm, start, hs)
        or (head != "基地" and norm.endswith((*lex.org_suffixes, "集团"), max(0, start - 6), start))
    )


# People or skills a verb gives, after a line's or a facility's word (培养铁路人才, 传授铁路技术).
_SKILLS_AFTER = re.compile(r"人才|技术人员|技术工人|人员|职工|员工|工人|技能|知识|经验|专业")


def trains_people(norm: str, start: int, hs: int, end: int, lex: Lexicon) -> bool:
    """True when a verb ends the words before the head and people or skills follow it (为埃方
    培养铁路技术人员): the head's word qualifies whom the verb trains, not a project."""
    if not _SKILLS_AFTER.match(norm, end) or start >= hs:
        return False
    return lex.pos_cut(norm[start:hs])[-1][1] == "v"


def former_line(norm: str, start: int, hs: int, head: str, lex: Lexicon) -> bool:
    """True when 老 / 现 / 新老 opens a line named by two ends or more (老京张铁路, 现中巴经济走廊),
    not a name's own first character (老中铁路: Laos and China; 现代…)."""
    if norm.startswith("新老", start):
        return former_line(norm, start + 1, hs, head, lex)  # 新老京张铁路: both lines
    if norm[start] not in "老现" or norm.startswith(("老挝", "现代", "现有"), start):
        return False
    # the ends before the line's word, two characters or more (老成昆铁路…隧道: the old line's
    # tunnel; 老中铁路, 老中经济走廊: Laos and China)
    ends = re.match(
        r"[\u4e00-\u9fff]*?(?=铁路|高铁|高速|经济走廊|走廊|线)", norm[start + 1 : hs + 4]
    )
    return ends is not None and len(ends.group()) >= 2
