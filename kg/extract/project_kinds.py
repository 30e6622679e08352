"""Whether the words before a project's head name one project or only say what kind of
project it is (重大项目, 芯片生产基地), and what a sentence says is built or invested."""

from __future__ import annotations

import re
from functools import lru_cache

from kg.extract.divisions import PlaceHit
from kg.extract.generic import covered_by, looks_generic, of_a_level_or_region
from kg.extract.lexicon import Lexicon
from kg.extract.matching import CODE, QUOTES, abbreviations_before, word_ending
from kg.extract.proper_words import has_proper_word
from kg.extract.spans import first_of, last_of

__all__ = [
    "EVENT_IN",
    "FORMULA",
    "MAJOR",
    "journey",
    "measured_or_negated",
    "metro_system",
    "OPEN_QUOTES",
    "in_other_quote",
    "invested",
    "is_kind",
    "quoted_words",
    "works_told",
]

# A count or a collective is not a name: 十大…项目, 33个项目, 一批项目.
_COUNT = re.compile(
    r"[\d一二两三四五六七八九十百千几]+[万亿]?[多余]?(?:个|项|大|批|条|座|家|类|处|级|型|年|套|所)"
    r"|一批|首批|系列|多个|多项|多座|多条|多家|若干|首条|首个|多级|各级|^[两三四五六七八九十]国"
    r"|新一[轮期批]|配套(?:工程|项目)$|[两三四五六七八九十]国"
    r"|双方|两地|三地|大量|大批|众多|诸多"
)

# An event's name before the head (…技能大赛工程测量项目): a contest's discipline, not works.
EVENT_IN = re.compile(r"大赛|竞赛|锦标赛|运动会|联赛|[\u4e00-\u9fff]杯")
# A category's qualifier before 项目/工程 (重大项目, 重点工程, 重大援疆项目, 控制性工程).
MAJOR = re.compile(r"(?:重大|重点|控制性?)[\u4e00-\u9fff]{0,4}$")
# 7办1中心, 22幢…项目, 3号隧道: a formula of counts or a number first says how many or which
# one (a voltage's or a road's number may begin a name: 110千伏谭洲输变电工程, 107国道…大桥).
FORMULA = re.compile(
    r"[\d一二两三四五六七八九十]+[^\W\d一二两三四五六七八九十期号年月日届次段标][\d一二两三四五六七八九十]"
)

# Characters that end a word and never begin a name (保障性, 现代化, 新型).
_WORD_TAILS = frozenset("性化型式级类号")

# Heads whose names are often descriptive: a park, a square, a science installation
# (大鱼海棠公园, 超瞬态实验装置); elsewhere a rare word is a technical term (触摸屏项目).
_DESCRIPTIVE_HEADS = frozenset({"装置", "公园", "广场"})


# Works a hub is made of (水利枢纽, 引江枢纽) or a station it is built at (…站综合交通枢纽).
_HUB_WORKS = re.compile(r"水利|引江|航电|水电|站|客运")
_HUB_NAME_TAGS = frozenset({"ns", "nr", "nz", "nt"})


def _hub_named(core: str, lex: Lexicon) -> bool:
    """True when the words before 枢纽 name one hub: works of water or a station (长洲水利枢纽,
    …站综合交通枢纽), or a place's or a landmark's name right before it (三峡枢纽, 虹桥枢纽)."""
    if _HUB_WORKS.search(core):
        return True
    words = lex.pos_cut(core) if core else []
    return bool(words) and len(words[-1][0]) >= 2 and words[-1][1] in _HUB_NAME_TAGS


# A biosafety level (P3, BSL-4) before a laboratory.
_BIOSAFETY = re.compile(r"(?:P|BSL-?)[1-4]")
# 新上, 上马 (launched) before a head (not 上马镇, a town).
_LAUNCHED = re.compile(r"新上|上马(?![镇村乡])")


# Heads a body's new one is written with (…新基地, …新园区): described, not named.
_DESCRIBED_NEW = frozenset({"基地", "园区", "厂区", "校区", "工厂", "总部"})


# A section or a phase after places or a generic head (孟州段, 大桥CC4标段, 隧道二期).
_SECTION_REST = re.compile(r"[A-Za-z0-9]*(?:标段|标|段|[一二三四五六七八九十\d]期)")


def _section_only(bare: str, lex: Lexicon, places: list[PlaceHit]) -> bool:
    """True when the words are places or a generic head, then a section or a phase."""
    rest = bare
    for p in places:
        if rest.startswith(p.name):
            rest = rest[len(p.name) :]
    if rest != bare:
        return _SECTION_REST.fullmatch(rest) is not None
    head = next((h for h in lex.project_heads if len(h) >= 2 and bare.startswith(h)), None)
    return head is not None and _SECTION_REST.fullmatch(bare[len(head) :]) is not None


def is_kind(
    name: str,
    head: str,
    lex: Lexicon,
    places: list[PlaceHit],
    names: frozenset[str] = frozenset(),
) -> bool:
    """True when the words before the head only describe a kind of project."""
    if _COUNT.search(name):
        return True
    if name[:1] in _WORD_TAILS:
        return True  # 性住房项目 (保障性住房项目 cut at 保障): the name began before
    if _LAUNCHED.match(name):
        return True  # 新上工业项目, 上马…项目: new projects of a kind
    if _BIOSAFETY.fullmatch(name, 0, len(name) - len(head)):
        return True  # P3实验室: a biosafety level, a kind of laboratory
    if head == "枢纽" and not _hub_named(name[: -len(head)], lex):
        return True  # 空铁枢纽, 国家级高铁枢纽, 航运枢纽: a kind of hub or a designation
    core = name[: len(name) - len(head)] if name.endswith(head) else name
    bare = QUOTES.sub("", core)
    words = lex.pos_cut(bare)
    if any(w in _ALONG_LINE for w, _f in words):
        return True  # 渝湘高铁全线隧道, 沿线站点: the works along a line, named by the line
    if any(w in _SOME_OF for w, _f in words):
        return True  # 南京全部园区, 张北全县村级电站: all or some of a place's, none named
    if lex.project_heads.get(head) == "line" and words and words[-1][0] in _LINE_VERBS:
        return True  # 从广州坐高铁: a way to travel, not a line
    if lex.project_heads.get(head) == "line" and bare.endswith(("站", "公交", "城市里")):
        return True  # 杭州东站铁路旅客, 公交地铁, 大城市里地铁: a station's, a city's transit
    if bare.startswith(("新区", "新中国")):
        return True  # 新区铁路枢纽, 新中国地铁: the new area or the new China, then a kind
    if len(bare) >= 3 and bare.endswith("新") and head in _DESCRIBED_NEW:
        return True  # 迪瑞特新基地: a body's new base, described, not named
    if len(words) >= 2 and _clause_verb(*words[-1]):
        return True  # 香港跨入高铁, 企业提供实验室: the head is the object of a clause's verb
    if head in ("工程", "项目") and _section_only(bare, lex, places):
        return True  # 河南孟州段工程, 大桥CC4标段项目: a section whose works are not named
    if of_a_level_or_region(bare, head, lex, places):
        return True  # 广东省级…产业园, 京津冀区域高铁, 大湾区民生项目: a level's or a region's
    if abbreviations_before(bare + "合作", len(bare), lex) or (
        len(bare) > 2 and abbreviations_before(bare[:2], 2, lex)
    ):
        return False  # 粤澳合作…: named after the provinces that cooperate
    if len(bare) >= 2 and not places and not any(c.isascii() and c.isalnum() for c in bare):
        qualifier = word_ending(bare, len(bare), lex.project_qualifiers, 6)
        if qualifier is not None and not (
            len(bare) - len(qualifier) >= 3
            and has_proper_word(bare[: len(bare) - len(qualifier)], lex, names, rare=False)
        ):
            return True  # 前沿技术研究重大项目: a kind of project (友谊关…建设项目 is named)
    if looks_generic(core, lex, places):
        return True
    if _OF_A_LEVEL.search(bare):
        return True  # 湖南省国家级园区, 北京市属公园: the parks of a level or of a city, none named
    if not places and _only_broad_place(bare, lex, head):
        return True  # 中国高铁, 安哥拉工业园区: a country's kind of thing
    ends = lex.project_heads.get(head) == "line" and len(words) == 2 and len(bare) == 2
    if not ends and any(w in _POSITION_WORDS for w, _f in words):
        # 人民大会堂东门外广场, 区域内非遗项目: a place described, not named (蒙内铁路: a line
        # named by the first characters of its ends)
        return True
    if (
        len(places) == 1
        and places[0].name == bare
        and (lex.project_heads.get(head) == "line" or head in ("工程", "项目"))
    ):
        return True  # 福建省高速公路, 成都市工程: a place's lines or works, not one
    if lex.project_heads.get(head) == "corridor" and all(
        f == "ns" or w in lex.region_words for w, f in words
    ):
        return True  # 河西走廊, 成渝走廊: a stretch of land between places, not works
    if head == "装置" and not _SCIENCE.search(bare):
        return True  # 乙二醇装置, 节能控制装置: a plant unit or a device, not an installation
    if head == "工程" and not places and not _BUILT.search(bare) and not CODE.search(bare):
        return True  # 育人工程, “能人回归”工程, 天然林保护工程: a programme, not works
    # 集中采购项目, 芯片生产基地, 水力发电站: common nouns only, a kind of project
    if places or CODE.search(bare) or QUOTES.search(core):
        return False
    if any(
        (bare == b and head in _COMPANY_UNIT_HEADS) or _BUREAU.fullmatch(bare, len(b))
        for b in lex.company_brands
        if bare.startswith(b)
    ):
        return True  # 中铁大桥(局), 中铁二局铁路: a central enterprise's company, not works
    if lex.project_heads.get(head) != "line" and bare.startswith(_naming_brands(lex)):
        return False  # 一汽新能源零部件产业园: a central enterprise's, by its brand (not 三峡…)
    if any(r in bare for r in lex.region_words if len(r) >= 2 and r not in _BROAD_REGIONS):
        return False
    # a rare word names a park or an installation only with more than two characters
    # (储能装置 is a kind of device)
    rare = head in _DESCRIPTIVE_HEADS and len(bare) >= 3
    # single characters in a row name a line by its ends (盐通铁路, 花久高速公路); before
    # other heads they are as often a verb and its object (研学基地, 去小公园)
    line = lex.project_heads.get(head) == "line"
    return not has_proper_word(bare, lex, names, rare=rare, verb_singles=line)


# How often a central enterprise's brand may be a word of the dictionary and still name it
# (矿冶 612, 大唐 372: common words and an era).
_FREQUENT_BRAND = 300


@lru_cache(maxsize=4)
def _naming_brands(lex: Lexicon) -> tuple[str, ...]:
    """The central enterprises' brands that name their works: no place jieba knows (三峡)
    and no frequent word (矿冶)."""
    freq = lex.tokenizer().FREQ
    return tuple(
        sorted(
            b
            for b in lex.company_brands
            if freq.get(b, 0) < _FREQUENT_BRAND and not (lex.word_tag(b) or "").startswith("ns")
        )
    )


# A numbered bureau of a central enterprise (中铁二局, 中交一局): a company, whatever head follows.
_BUREAU = re.compile(r"[一二三四五六七八九十]+局$")
# Heads that a central enterprise's brand makes the name of a company of (中铁大桥局).
_COMPANY_UNIT_HEADS = frozenset({"大桥", "隧道"})


# Region words that do not make a name of their own (中国高铁, 东南亚铁路); a half of the country
# does with a particular kind (西部金融中心), so only China, the continents and the world's regions
# are listed.
_BROAD_REGIONS = sorted(
    {
        "中国",
        "亚洲",
        "欧洲",
        "非洲",
        "美洲",
        "拉美",
        "拉丁美洲",
        "北美",
        "南美",
        "中东",
        "东南亚",
        "南亚",
    }
    | {"中亚", "西亚", "东亚", "东北亚", "东欧", "西欧", "中东欧", "全球", "世界"},
    key=len,
    reverse=True,
)

# A level or an owner written right before the head (国家级园区, 市属公园).
_OF_A_LEVEL = re.compile(r"(?:国家|省|市|县|区)级$|[省市区县]属$")


# What works build (水, 路, 桥…), or how (扩建, 整治): 工程 without one names a programme.
_BUILT = re.compile(
    r"[水路桥隧港站厂管渠堤坝库铁电机场楼馆园城塔岛厦院校区房]|枢纽|中心|广场|综合体|乐园|整治|扩建|扩容|改造|新建|改扩建"
    r"|引|调|输|治理|修复|防洪|灌区|管网|电网|基地|设施|[一二三四五六七八九十\d]期"
    r"|示范|建设|提升|绿化|亮化|节能|能源|光伏|风电|氢|智慧|数字|网络|信息|工业|生态"
)

# Words of a science installation (超瞬态实验装置, 电磁驱动聚变装置).
_SCIENCE = re.compile(
    r"研究|实验|试验|科学|聚变|观测|探测|加速器|光源|中子|辐射|对撞|磁场|激光|望远镜|风洞"
)

# Words of the stretch along a line (全线隧道, 沿线站点).
_ALONG_LINE = frozenset({"全线", "沿线"})
# Words that take all or some of a place's things (南京全部园区, 当地机场): no one named.
_SOME_OF = frozenset(
    {
        "全部",
        "所有",
        "当地",
        "很多",
        "许多",
        "不少",
        "诸多",
        "各个",
        "部分",
        "其他",
        "其它",
        "多数",
        "全县",
        "全市",
        "全省",
        "全镇",
        "全村",
    }
)
# Verbs of one character that take a line as their object (坐高铁, 修铁路): no line named.
_LINE_VERBS = frozenset("坐乘搭修建下")
# Second characters that make a verb one of reaching (跨入, 走进, 驶出); verbs of giving
# and keeping: before a head, the verb of a clause whose object the head is.
_DIRECTIONS = frozenset("入进出到上下过起回")
_CLAUSE_VERBS = frozenset({"提供", "坚守", "紧靠", "毗邻", "靠近", "邻近", "背靠", "拥有", "具备"})


def _clause_verb(word: str, flag: str) -> bool:
    """True when ``word`` (tagged ``flag``) is a verb of a clause, not a modifier in a name
    (纪念 of 纪念公园, 观光 of 观光隧道)."""
    if word in _CLAUSE_VERBS:
        return True
    return flag == "v" and len(word) == 2 and word[1] in _DIRECTIONS


# Words of position relative to a named place (东门外, 区域内, 附近).
_POSITION_WORDS = frozenset(
    {
        "内",
        "外",
        "旁",
        "边",
        "附近",
        "周边",
        "周围",
        "以内",
        "以外",
        "门外",
        "门前",
        "东门外",
        "西门外",
        "南门外",
        "北门外",
        "之间",
        "沿线",
        "境内",
        "境外",
        "区域内",
        "下",
        "村里",
        "镇里",
        "乡里",
        "城里",
        "县里",
        "市里",
    }
)

# What a project of works or investment is said to do: 总投资, 开工, 签约落地, 建成投产.
_INVESTMENT = re.compile(
    r"投资|共建|开工|动工|开建|签约|落地|落户|投产|竣工|建成|在建|新建|续建|建设|招商|引进|入驻|亿元|万元"
    r"|开通|通车|运营|扩建|改造|施工|工地|中标|环评|可研|立项|备案"
)

_SENTENCE_ENDS = "。！？；\n"


def invested(norm: str, start: int, head: int, lex: Lexicon) -> bool:
    """True when the name before 项目 says what is built (化工, 场馆) or the sentence says
    the project is built, invested in or signed (开工, 总投资, 签约)."""
    if _WORKS.search(norm, start, head) or _INDUSTRY.search(norm, start, head):
        return True
    if any(r in norm[start:head] for r in lex.region_words if len(r) >= 2):
        return True  # 京津冀博士后创新实践基地: named after its region
    lo = last_of(norm, _SENTENCE_ENDS, start) + 1
    end = first_of(norm, _SENTENCE_ENDS, head)
    return _INVESTMENT.search(norm, lo, len(norm) if end < 0 else end) is not None


def works_told(norm: str, start: int, head: int) -> bool:
    """True when the sentence of a reservoir or a canal tells of its works (建成,
    除险加固, 蓄水), not only of the water (密云水库上游, 京杭大运河河道宽阔)."""
    lo = last_of(norm, _SENTENCE_ENDS, start) + 1
    end = first_of(norm, _SENTENCE_ENDS, head)
    hi = len(norm) if end < 0 else end
    return bool(_INVESTMENT.search(norm, lo, hi) or _WATER_WORKS.search(norm, lo, hi))


# Works done on water: 除险加固, 蓄水, 清淤.
_WATER_WORKS = re.compile(r"除险加固|加固|蓄水|清淤|扩容|修建|兴建|下闸|截流|库区移民|通航")


# What works build, in words (水库, 场馆, 安置房): the characters of _BUILT alone (城, 院) are
# as often part of a programme's name (城市基层党建基地).
_WORKS = re.compile(
    r"水库|水利|水厂|公路|铁路|轨道|地铁|轻轨|大桥|桥梁|隧道|港口|港区|码头|车站|站房|电站|电厂|发电|光伏|风电"
    r"|电网|管网|管道|管廊|堤|坝|机场|大楼|大厦|场馆|体育馆|博物馆|展馆|园区|产业园|工业园|厂房|工厂|校区"
    r"|住房|安置|棚改|旧改|改造|扩建|新建|整治|治理|修复|供水|引水|调水|污水|垃圾|综合体|基础设施|片区|新城"
    r"|小镇|医院|学校|酒店|商场|市场|仓库|冷库|港|高铁|高速|道路|路网|楼|馆|车间|钻井|养老院|特区|经济区|博览园"
    r"|水资源|[一二三四五六七八九十\d]期"
)

# What an industrial project makes (乙二醇, 芯片, 新能源汽车).
_INDUSTRY = re.compile(
    r"化工|石化|炼化|乙烯|乙二醇|芯片|半导体|电池|锂电|汽车|整车|钢铁|材料|制造|生产线|装备|医药|光电"
    r"|纺织|食品|造纸|冶炼|铝|铜|煤|油|气|矿|种植|养殖|加工|物流|冷链|仓储|商业|文旅|旅游|地产|住宅"
    r"|旧改|轻轨|复线|民宿|酒店|综合能源"
)

OPEN_QUOTES = {"“": "”", "‘": "’", "「": "」"}

_CLOSE_QUOTES = frozenset(OPEN_QUOTES.values())


def quoted_words(text: str) -> bool:
    """True when ``text`` (a name before its head) has a quotation mark left open or closed
    without its opener (”展示中心: the name began before), or quotes words or numbers
    that say nothing of works (“三问”书记项目, ‘碧水蓝天’工程, “3820”工程): a slogan names a
    programme. Quoted works (“渝西水资源配置”项目) or a code (“5G+”智能制造项目) may name a
    project."""
    opened: str | None = None
    inner = 0
    for k, c in enumerate(text):
        if opened is None and c in OPEN_QUOTES:
            opened, inner = OPEN_QUOTES[c], k + 1
        elif opened is not None and c == opened:
            quoted = text[inner:k]
            if not any(ch.isascii() and ch.isalpha() for ch in quoted) and not _WORKS.search(
                quoted
            ):
                return True
            opened = None
        elif c in _CLOSE_QUOTES:
            return True
    return opened is not None


def in_other_quote(norm: str, start: int, end: int) -> bool:
    """True when ``norm[start:end]`` lies inside quotation marks that go on past it
    (“苏伊士运河走廊开发”): the quoted words name a strategy or a slogan."""
    opened = norm.rfind("“", max(0, start - 20), start + 1)
    if opened < 0 or "”" in norm[opened:start]:
        return False
    closed = norm.find("”", end, end + 20)
    return closed > end and "“" not in norm[end:closed]


def _only_broad_place(bare: str, lex: Lexicon, head: str) -> bool:
    """True when ``bare`` is a country's name, then only generic words (for works, lines and
    parks: China's sector in common words, 中国水电工程; a national facility is named so,
    中国自然人群生物资源库)."""
    m = lex.country_re.match(bare)
    k = m.end() if m is not None else 0
    if k == 0:
        k = next((len(r) for r in _BROAD_REGIONS if bare.startswith(r)), 0)
    if k == 0:
        return False
    rest = bare[k:]
    if not rest or covered_by(rest, lex.generic_words, lex.max_generic_len):
        return True
    if m is None or lex.country_names[m.group()] != "CN":
        return False
    if head not in ("项目", "工程", "公园") and lex.project_heads.get(head) != "line":
        return False
    # 中国水电, 中国标准: China's sector or kind, in common words of two characters or more
    # (a state abroad names its works so: 塞舌尔国际会议中心)
    words = lex.pos_cut(rest)
    return all(len(w) >= 2 and (w in lex.generic_words or lex.is_common_word(w)) for w, _f in words)


# The words of a city's metro as a whole.
_METRO_WORDS = ("城市轨道交通", "轨道交通", "地铁")


def metro_system(bare: str, head: str, places: list[PlaceHit], lex: Lexicon) -> bool:
    """True when the words name a city's metro as a whole: the city alone before 地铁 or
    轨道交通 (a place or a word jieba tags as one: 巴黎地铁), or the city and its metro before
    项目 or 工程 (济南市轨道交通项目)."""
    if head in ("地铁", "轨道交通"):
        city = bare
    elif head in ("项目", "工程") and bare.endswith(_METRO_WORDS):
        city = next(bare[: -len(w)] for w in _METRO_WORDS if bare.endswith(w))
    else:
        return False
    if not city:
        return False
    if len(places) == 1 and places[0].name == city:
        return True
    return not places and len(cut := lex.pos_cut(city)) == 1 and cut[0][1] == "ns"


# Units of a measure written before or inside a name.
_UNITS = "亩|元|吨|米|平方米|平方公里|公里|千米|千瓦|兆瓦|户|人|株|棵|头|只"
# 2万余亩竹笋示范基地, 每1元高速公路, 千亩花海项目: a quantity before the head measures.
_QUANTITY_START = re.compile(rf"每|[\d.一二两三四五六七八九十百千万亿]+[万亿]?[余多]?(?:{_UNITS})")
_MEASURED = re.compile(rf"[\d.一二两三四五六七八九十百千万亿]+[万亿]?[余多]?(?:{_UNITS})$")
# 流转1689亩土地发展…项目, ［50］高速铁路, 48小时铁路: a measure, a mark or a time in a name.
_QUANTITY_IN = re.compile(
    rf"\d+(?:\.\d+)?[万亿]?[余多]?(?:{_UNITS}|小时|分钟)(?<!千瓦)(?<!兆瓦)|[\[［]\d+[\]］]"
)
# 浙西不通高铁: a negated verb makes a clause, not a name.
_NEGATION = re.compile(r"不|没有|未能|尚未")


def measured_or_negated(norm: str, start: int, hs: int) -> bool:
    """True when a quantity begins or measures the words before a head at ``hs`` (2万余亩竹笋
    示范基地, 每1元高速公路), stands inside them (流转1689亩土地…项目, 48小时铁路), or a
    negation makes them a clause (浙西不通高铁)."""
    return bool(
        _QUANTITY_START.match(norm, start)
        or _MEASURED.search(norm, max(0, start - 6), start)
        or _QUANTITY_IN.search(norm, start, hs)
        or _NEGATION.search(norm, start, hs)
    )


# What a journey takes (运行时间, 车程, 只需): 西安到银川铁路运行时间 tells of a trip.
_TRIP_AFTER = re.compile(r"运行|行程|车程|时间|只需|仅需|需要|缩短|耗时")


def journey(norm: str, start: int, hs: int, end: int, head: str, lex: Lexicon) -> bool:
    """True when a line's words join two places with 到 and what the trip takes follows
    (西安到银川铁路运行时间): a journey, not the line (西安到汉中高速公路全线通车 is one)."""
    return (
        lex.project_heads.get(head) == "line"
        and "到" in norm[start:hs]
        and _TRIP_AFTER.match(norm, end) is not None
    )
