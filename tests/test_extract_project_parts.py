"""Where a project's name ends and begins: parts of a line or an airport after the head,
venues and visits before it; contests, funds and units that are no works (sentences
written for these tests; no article text)."""

from __future__ import annotations

import pytest

from kg.extract import extract
from kg.records import Document


def _projects(text: str) -> set[str]:
    ex = extract(Document(id="parts", text=text))
    return {m.entity.label for m in ex.mentions if m.entity.cls == "Project"}


def _read_or_not(text: str, present: str | None, absent: str | None) -> None:
    """The projects read from ``text`` hold ``present`` and not ``absent`` (None: no check)."""
    projects = _projects(text)
    assert absent is None or absent not in projects
    assert present is None or present in projects


@pytest.mark.parametrize(
    "text, project",
    [
        # the part of a line in one place, a metro line's extension
        ("柳州至广州铁路贺州段开通运营。", "柳州至广州铁路贺州段"),
        ("沪渝蓉高铁武汉段开工建设。", "沪渝蓉高铁武汉段"),
        ("成都地铁6号线北延段正在施工。", "成都地铁6号线北延段"),
        # the section's word before a verb is no adverb of 高速
        ("铺轨完成后，汕昆高速广南段运行平稳。", "汕昆高速公路广南段"),
        # the rebuilding or the new terminal of an airport
        ("要抓好桂林两江国际机场改扩建。", "桂林两江国际机场改扩建"),
        ("中企援建的达卡国际机场新航站楼投入使用。", "达卡国际机场新航站楼"),
        # the venue of a games or a summit before the facility
        ("2025年亚冬会哈尔滨赛区亚布力滑雪中心完成改造。", "亚布力滑雪中心"),
        ("论坛主会场南宁国际会展中心布置一新。", "南宁国际会展中心"),
        # a verb of walking before a park
        ("漫步龙潭湖公园，随处可见健身的市民。", "龙潭湖公园"),
        # a reservoir's project is works, though 库 ends a list of projects (项目库)
        ("德厚水库项目完成蓄水验收。", "德厚水库项目"),
    ],
)
def test_project_parts_names_end_and_begin_there(text, project):
    assert project in _projects(text)


@pytest.mark.parametrize(
    "text, absent",
    [
        # a place's section that is no place is not read into the line (施工段)
        ("京昆高速施工段车流较大。", "京昆高速施工段"),
        # a contest's discipline, a fund's grants, a list of projects, heritage items
        ("她在湖北省中职学校技能大赛工程制图项目中获奖。", "湖北省中职学校技能大赛工程"),
        ("课题获省自然科学基金项目资助。", "省自然科学基金项目"),
        ("江苏PPP管理库项目总数增加。", "江苏PPP管理库项目"),
        ("他是非物质文化遗产剪纸项目传承人。", "非物质文化遗产剪纸项目"),
        ("基金重点投资优秀博士后项目。", "优秀博士后项目"),
        # a centre's laboratory is a unit of the centre
        ("样本被送往省疾控中心实验室检测。", "省疾控中心实验室"),
        ("海淀区疾控中心病毒实验室接到样本。", "海淀区疾控中心病毒实验室"),
    ],
)
def test_project_parts_contests_funds_and_units_are_not_projects(text, absent):
    assert absent not in _projects(text)


def test_project_parts_a_country_stays_before_an_ordinal():
    # 第二国际会议中心 names nothing without its country
    assert "老挝第二国际会议中心" in _projects("中国援建的老挝第二国际会议中心灯火通明。")


@pytest.mark.parametrize(
    "text, project",
    [
        # the first end of a route named after the words of the clause before it
        ("中企成功中标智利圣地亚哥—瓦尔帕莱索铁路项目。", "圣地亚哥—瓦尔帕莱索铁路项目"),
        ("双方就达卡—吉大港—科克斯巴扎尔铁路项目交换意见。", "达卡—吉大港—科克斯巴扎尔铁路项目"),
    ],
)
def test_project_parts_a_route_keeps_its_first_end(text, project):
    assert project in _projects(text)


@pytest.mark.parametrize(
    "text, project, short",
    [
        # a line's siding or extension is the works named
        ("防城港企沙港区进港铁路专用线开通运营。", "防城港企沙港区进港铁路专用线", None),
        ("蒙内铁路延长线规划启动。", "蒙内铁路延长线", None),
        # a short form after a name that begins with a place the gazetteer does not hold
        ("旅客从台北松山机场出发。松山机场随后关闭。", "台北松山机场", "松山机场"),
    ],
)
def test_project_parts_sidings_extensions_and_short_forms(text, project, short):
    projects = _projects(text)
    assert project in projects
    assert short is None or short not in projects


@pytest.mark.parametrize(
    "text, absent",
    [
        # a festival named after a park, a sport's event
        ("杭州城市公园音乐周开幕。", "杭州城市公园"),
        ("中国队在团体赛项目中夺冠。", "团体赛项目"),
        ("她首次登上非奥项目领奖台。", "非奥项目"),
    ],
)
def test_project_parts_festivals_and_events_are_not_projects(text, absent):
    assert not any(p.endswith(absent) for p in _projects(text))


@pytest.mark.parametrize(
    "text, project, absent",
    [
        # the works done on a facility named just before them
        ("他设计的榆社电厂远距离供热工程于去年投运。", "榆社电厂远距离供热工程", "榆社电厂"),
        # a clause between two names keeps them apart (是, 的, 等)
        (
            "正泰电气产业园是东部产业转移项目。",
            "正泰电气产业园",
            "正泰电气产业园是东部产业转移项目",
        ),
        ("合肥新桥机场的货运项目进展顺利。", "合肥新桥国际机场", "合肥新桥机场的货运项目"),
    ],
)
def test_project_parts_works_of_a_facility_named_before(text, project, absent):
    projects = _projects(text)
    assert project in projects
    assert absent not in projects


@pytest.mark.parametrize(
    "text, absent, present",
    [
        # the side of something else names nothing there; a station's front does
        ("幸福家园南侧公园建成开放。", "幸福家园南侧公园", None),
        # the bank of a river before a park
        ("活动在闽江北岸金山公园举行。", "闽江北岸金山公园", "金山公园"),
        ("沈阳站站前广场人流如织。", None, "沈阳站站前广场"),
        # a cup's discipline is a contest's, not works
        ("他获得湖南省匠心杯数控车项目一等奖。", "湖南省匠心杯数控车项目", None),
    ],
)
def test_project_parts_sides_and_cups(text, absent, present):
    _read_or_not(text, present, absent)


@pytest.mark.parametrize(
    "text, absent, present",
    [
        # the last character of the word before a joiner begins no name
        ("双方推进边境合作区和公路铁路等设施建设。", "区和公路铁路", None),
        # a place that holds 和 does (呼和浩特)
        ("呼和浩特光伏材料项目开工。", None, "呼和浩特光伏材料项目"),
        # 铁路物流港 is a logistics port, not a line
        ("绵阳国际铁路物流港开通班列。", "绵阳国际铁路", None),
    ],
)
def test_project_parts_joiners_and_logistics_ports(text, absent, present):
    _read_or_not(text, present, absent)


def test_project_parts_a_time_before_a_facility_is_the_scene():
    assert not any(p.endswith("码头") for p in _projects("宁波港春节码头灯火通明。"))


@pytest.mark.parametrize(
    "text, absent, present",
    [
        # a side and its verb, a state's abbreviation and a verb after 在: a clause
        ("会议要求外方提交项目可行性报告。", "外方提交项目", None),
        ("中企在泰施工项目进展顺利。", "泰施工项目", None),
        # a region alone before an airport names the region's airports
        ("珠三角机场群客流增长，珠三角机场运力提升。", "珠三角机场", None),
        # a place whose name holds 方 or a state's abbreviation is not one of these
        ("上海东方体育中心举办比赛。", None, "上海东方体育中心"),
        ("市民在哈尔滨兆麟公园赏冰灯。", None, "哈尔滨兆麟公园"),
        ("成渝铁路建成通车七十年。", None, "成渝铁路"),
    ],
)
def test_project_parts_sides_states_and_regions_begin_no_name(text, absent, present):
    _read_or_not(text, present, absent)


@pytest.mark.parametrize(
    "text, absent, present",
    [
        # negations, modal verbs, 时, 沿 and 后 after a verb are a clause's, never a name's
        ("游客时可沿隧道步行前往山顶的观景台。", "游客时可沿隧道", None),
        ("这个山区县至今没通高铁，群众出行不便。", "没通高铁", None),
        ("他年轻时建电站，如今在库区安度晚年。", "年轻时建电站", None),
        ("车队出城后向东北沿高速行驶了两个小时。", "东北沿高速", None),
        ("他出站后转乘地铁前往会场。", "出站后转乘地铁", None),
        ("老张伴随高铁建设走过了二十年。", "老张伴随高铁", None),
        # what follows the clause is a name when it holds one
        ("旅客出站后转乘贵阳地铁1号线。", "出站后转乘贵阳地铁1号线", "贵阳地铁1号线"),
        # a bracket's note with 时 leaves no name
        ("新城区(时称江南县)行政中心启用。", "称江南县)行政中心", None),
        # words of names that hold the same characters
        ("中印可再生能源实验室揭牌。", None, "中印可再生能源实验室"),
        ("北沿江高铁开工建设。", None, "北沿江高铁"),
        ("贵州沿河县城市公园开园。", None, "沿河县城市公园"),
        # what befell the works before their name (开通, 建成): the name is after it
        ("晋北运煤通道先后开通朔黄铁路。", "晋北运煤通道先后开通朔黄铁路", "朔黄铁路"),
        # a route whose start is not read begins no name (a line is named by both its ends)
        ("海南州共和至茶卡高速公路建成通车。", "至茶卡高速公路", None),
    ],
)
def test_project_parts_clause_words_begin_no_name(text, absent, present):
    _read_or_not(text, present, absent)


@pytest.mark.parametrize(
    "text, absent, present",
    [
        # a venue abroad named only as where a plane lands or an event is held
        ("代表团乘机抵达智利，专机降落在圣地亚哥梅里诺国际机场。", "圣地亚哥梅里诺国际机场", None),
        (
            "当地时间上午9时，总统专机抵达卢萨卡肯尼思·卡翁达国际机场。",
            "卢萨卡肯尼思·卡翁达国际机场",
            None,
        ),
        ("葡萄牙侨界的新春庙会在里斯本商业广场举行，吸引上万名市民。", "里斯本商业广场", None),
        (
            "春节文化周在波兰开幕。华沙文化科学宫国际会议中心座无虚席。",
            "华沙文化科学宫国际会议中心",
            None,
        ),
        # a wharf, a road or a centre abroad named as where something happened
        ("台风过境日本，名神高速公路多处塌方。", "名神高速公路", None),
        ("在柬埔寨，记者来到磅湛省轮渡码头，岸边人头攒动。", "磅湛省轮渡码头", None),
        ("新春音乐会在意大利举行。米兰音乐公园的剧场里座无虚席。", "米兰音乐公园", None),
        # works of China and another state, and China's name in the name, stay projects
        ("泰国总理到访。中泰铁路合作联委会召开会议。中泰友谊公园游人如织。", None, "中泰友谊公园"),
        # China's name that says whose, not where, places nothing in China
        (
            "在泰国，中国农历新年是法定节日。除夕夜，曼谷暹罗广场举行倒计时活动。",
            "曼谷暹罗广场",
            None,
        ),
        (
            "比利时组委会说，来自中国的参展商越来越多，只好转移到布鲁塞尔博览中心。",
            "布鲁塞尔博览中心",
            None,
        ),
        ("泰国游客来到中国，在天安门广场合影留念。", None, "天安门广场"),
        # a state abroad written after China's place and before the venue: the venue is abroad
        (
            "试飞的客机从长春龙嘉国际机场起飞，两小时后降落在蒙古国乌兰巴托成吉思汗国际机场。",
            "乌兰巴托成吉思汗国际机场",
            "长春龙嘉国际机场",
        ),
        # a city the article names after its state abroad places the venue, though the
        # report is filed at home
        (
            "本报昆明3月5日电 医疗队乘包机飞往老挝万象市。包机抵达万象市瓦岱国际机场后，"
            "队员们换乘大巴。",
            "万象市瓦岱国际机场",
            None,
        ),
        # a conflict that escalates tells of no works
        ("空袭发生在叙利亚大马士革国际机场附近，局势再度升级。", "大马士革国际机场", None),
        # nor does a suspension of service
        ("受台风影响，泰国普吉国际机场当天停止运营。", "普吉国际机场", None),
        # routes opened at an airport abroad are no works on it
        ("埃及开罗国际机场开通了直飞成都的航线。", "埃及开罗国际机场", None),
        # built, extended or run by a builder: works abroad are projects
        (
            "中企承建的乌兹别克斯坦撒马尔罕国际机场新航站楼投入使用。",
            None,
            "撒马尔罕国际机场新航站楼",
        ),
        (
            "赞比亚的肯尼思·卡翁达国际机场改扩建由中国企业施工。",
            None,
            "肯尼思·卡翁达国际机场改扩建",
        ),
        # China's own venues stay projects, though a state was named before
        ("会谈后，两国元首来到广州白云国际机场。", None, "广州白云国际机场"),
        ("法国总统结束访问。中华人民共和国成立70周年庆典在天安门广场举行。", None, "天安门广场"),
        ("秘鲁客商到访。苏州国际博览中心迎来首场展会。", None, "苏州国际博览中心"),
        (
            "火箭搭载中国赠巴基斯坦的两颗卫星，在酒泉卫星发射中心发射成功。",
            None,
            "酒泉卫星发射中心",
        ),
    ],
)
def test_project_parts_venues_abroad_are_places(text, absent, present):
    _read_or_not(text, present, absent)


@pytest.mark.parametrize(
    "text, absent, present",
    [
        # the facilities of each place counted or listed before the name: none named
        ("从全国30多座城市的顺丰冷链物流中心看，货量已经回升。", "顺丰冷链物流中心", None),
        ("合肥、芜湖、蚌埠等地的张江分园相继开园。", "张江分园", None),
        # the deals signed at a fair
        ("本届西洽会项目签约金额超过800亿元。", "西洽会项目", None),
        # a headline's interview: 访 is not in the name
        ("——访中国援建斯里兰卡国家医院门诊楼项目", "访中国援建斯里兰卡国家医院门诊楼项目", None),
        # places listed before another word leave the name alone
        ("武汉、长沙等地的企业入驻杭州国际博览中心。", None, "杭州国际博览中心"),
    ],
)
def test_project_parts_facilities_of_many_places_and_fairs_are_none(text, absent, present):
    _read_or_not(text, present, absent)


@pytest.mark.parametrize(
    "text, absent, present",
    [
        # kinds of works: what is there, not which one
        ("企业把业务系统迁入云计算中心。", "云计算中心", None),
        ("督察发现城市景观公园、湖泊湿地公园等人造工程未经审批。", "湖泊湿地公园", None),
        ("调度员在综合运控中心值守。", "综合运控中心", None),
        # 与 joins the parts of one title, however generic the second part
        ("丹江口库区生态保护与修复工程三期开工。", None, "丹江口库区生态保护与修复工程三期"),
        ("厦门海洋科学与技术创新实验室揭牌。", None, "厦门海洋科学与技术创新实验室"),
        # a named wetland park keeps its name
        ("西溪国家湿地公园游客如织。", None, "西溪国家湿地公园"),
    ],
)
def test_project_parts_kinds_of_works_and_titles_joined_by_yu(text, absent, present):
    _read_or_not(text, present, absent)


@pytest.mark.parametrize(
    "text, absent, present",
    [
        # named only inside a longer name: a pilot, a history, an office of a part of a park
        ("宁县获评江西省水土保持示范工程试点县。", "江西省水土保持示范工程", None),
        ("这在福建水利工程建设史上尚属首次。", "福建水利工程", None),
        ("大熊猫国家公园唐家河管理处巡护员上山巡查。", "大熊猫国家公园", None),
        # carried to a facility: a clause, not a name
        ("矿石装车后转运至电厂，全程两天。", "矿石装车后转运至电厂", None),
        ("货物经铁路运至港口后装船。", "货物经铁路运至港口", None),
        # a road running through a park, a team moving into one: the verb is not in the name
        ("两条主干道纵贯园区，企业沿路而建。", "两条主干道纵贯园区", None),
        ("首批企业入驻南通高新区智能制造产业园。", None, "南通高新区智能制造产业园"),
        # a builder's unit before a tunnel is not in the tunnel's name
        ("中铁十局渝湘高铁项目部白马隧道出口端施工正酣。", "渝湘高铁项目部白马隧道", "白马隧道"),
        # what made the works do something is not in their name
        ("两周的连续作业令浩吉铁路提前通车。", "连续作业令浩吉铁路", "浩吉铁路"),
        # a line from one place to another keeps its 至
        ("玉溪至磨憨铁路全线贯通。", None, "玉溪至磨憨铁路"),
        # 试点 as a verb after a name leaves the name alone
        ("海关在浦东国际机场试点新的查验模式。", None, "上海浦东国际机场"),
    ],
)
def test_project_parts_names_inside_other_names_and_clauses(text, absent, present):
    _read_or_not(text, present, absent)


@pytest.mark.parametrize(
    "text, absent, present",
    [
        # a level after the place, a region's lines or projects of a kind: none named
        ("浙江省级现代农业园区名单公布。", "浙江省级现代农业园区", None),
        ("长三角区域高铁里程继续增长。", "长三角区域高铁", None),
        ("基金支持大湾区民生项目建设。", "大湾区民生项目", None),
        ("成渝地区双城经济圈科技创新走廊建设提速。", None, "成渝地区双城经济圈科技创新走廊"),
        # a section named only by its places or a generic head: the works are not named
        ("图为湖北宜都段工程施工现场。", "宜都段工程", None),
        ("中企承建的大桥B2标段项目完工。", "大桥B2标段项目", None),
        ("沪渝蓉高铁武宜段工程开工。", None, "沪渝蓉高铁武宜段工程"),
        # kinds of works, also where the text tells where they are
        ("该村实施城镇路面拓宽工程，道路更宽了。", "城镇路面拓宽工程", None),
        ("工人在位于牛头岛上的沉管预制基地浇筑管节。", "沉管预制基地", None),
        ("这条河属于全市首批黑臭水体治理项目。", "黑臭水体治理项目", None),
        # a technology, a kind of restoration, a place's projects of a way of financing, a first one
        ("中国桥梁工程建造技术走向世界。", "中国桥梁工程", None),
        ("全县实施山水林田湖草修复工程。", "山水林田湖草修复工程", None),
        ("河南PPP项目落地率居全国前列。", "河南PPP项目", None),
        (
            "南明河综合治理与可持续发展试点PPP项目开工。",
            None,
            "南明河综合治理与可持续发展试点PPP项目",
        ),
        ("科技城是这座小镇首发项目。", "小镇首发项目", None),
        # named only in the title of a plan without book marks
        ("省里印发赣州新能源汽车产业园建设实施方案。", "省里印发赣州新能源汽车产业园", None),
        (
            "两地签约，编制苏州(相城)中德智能制造产业园战略规划。",
            "苏州(相城)中德智能制造产业园",
            None,
        ),
        # expressways listed with one head are labelled in full; a line's other name in brackets
        ("延崇高速、京秦高速建成通车。", "延崇高速", "延崇高速公路"),
        ("推进通苏嘉甬铁路（沪嘉甬铁路）建设。", "沪嘉甬铁路", "通苏嘉甬铁路"),
        # the new China and its first line: a description
        ("那是新中国地铁建设者的骄傲。", "新中国地铁", None),
        # the metros of cities, none named
        ("这已接近全球各大城市里地铁的运营水平。", "大城市里地铁", None),
        # a school or a university built is an organisation
        ("中企承建的肯尼亚理工大学项目完工。", "肯尼亚理工大学项目", None),
        # a port's wharves, a model of a device, the range a tunnel runs through
        ("总书记考察宁波港码头。", "宁波港码头", None),
        ("展厅里摆着北斗导航卫星定位装置模型。", "北斗导航卫星定位装置", None),
        ("穿越秦岭山脉终南山隧道的列车准点运行。", "秦岭山脉终南山隧道", "终南山隧道"),
    ],
)
def test_project_parts_levels_regions_schools_and_parts_are_no_projects(text, absent, present):
    _read_or_not(text, present, absent)


@pytest.mark.parametrize(
    "text, present, absent",
    [
        # a short form defined in brackets stands for the project wherever it is written
        (
            "蒙巴萨至内罗毕标准轨距铁路（以下简称蒙内铁路）通车三年。蒙内铁路累计发送旅客500万人次。",
            "蒙巴萨至内罗毕标准轨距铁路",
            "蒙内铁路",
        ),
        (
            "卡拉奇至拉合尔高速公路（简称卡拉高速）全线贯通。卡拉高速沿线设有服务区。",
            "卡拉奇至拉合尔高速公路",
            "卡拉高速公路",
        ),
    ],
)
def test_project_parts_defined_short_forms_stand_for_the_project(text, present, absent):
    projects = _projects(text)
    assert present in projects
    assert absent not in projects


@pytest.mark.parametrize(
    "text, present, absent",
    [
        # a short form of a name the article gives in full is that project
        ("终南山特长隧道贯通。终南山隧道全长18公里。", "终南山特长隧道", "终南山隧道"),
        ("南京长江大桥修缮完工。长江大桥重新通车。", "南京长江大桥", "长江大桥"),
        # an owner before the name the article also gives alone is not in it, nor are its works
        (
            "国家电网河北丰宁抽水蓄能电站工程项目开工。丰宁抽水蓄能电站位于河北省承德市。",
            "丰宁抽水蓄能电站",
            "国家电网河北丰宁抽水蓄能电站工程项目",
        ),
        (
            "中国电信贵安数据中心投运。贵安数据中心可容纳机架5万个。",
            "贵安数据中心",
            "中国电信贵安数据中心",
        ),
        # an owner the article never leaves out stays
        ("中国移动呼和浩特数据中心投运。机架可达3万个。", "中国移动呼和浩特数据中心", None),
        ("广深港高铁香港段开通。广深港高铁全长141公里。", "广深港高铁", None),
        ("智能京张高铁开通。京张高铁全长174公里。", "京张高铁", None),
        # the characters of another name in order do not make it the same place
        ("武昌区楚河汉街万达广场开业。武汉广场客流回升。", "武汉广场", None),
    ],
)
def test_project_parts_short_forms_of_a_full_name(text, present, absent):
    assert present is not None
    _read_or_not(text, present, absent)
