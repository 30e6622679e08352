"""Agencies by the grammar of their names: place + sector + organ, ministries, committees."""

from __future__ import annotations

import pytest

from kg.extract import extract
from kg.records import Document


def _agencies(text: str) -> list[tuple[str, str]]:
    ex = extract(Document(id="t", text=text))
    return [(m.entity.label, m.span.surface) for m in ex.mentions if m.entity.cls == "Agency"]


def _reads(text: str, present: set[str], absent: set[str]) -> None:
    """The agencies read from ``text`` include ``present`` and none of ``absent``."""
    found = {label for label, _surface in _agencies(text)}
    assert present <= found
    assert not absent & found


@pytest.mark.parametrize(
    "text, expected",
    [
        ("天津市人社局发布通知。", [("天津市人力资源和社会保障局", "天津市人社局")]),
        ("湖南省发改委召开会议。", [("湖南省发展和改革委员会", "湖南省发改委")]),
        ("浙江省经信厅印发方案。", [("浙江省经济和信息化厅", "浙江省经信厅")]),
        ("广州市科技局有关负责人表示。", [("广州市科学技术局", "广州市科技局")]),
        ("深圳市科创委相关负责人介绍。", [("深圳市科技创新委员会", "深圳市科创委")]),
        ("西安市住房城乡建委负责同志说。", [("西安市住房和城乡建设委员会", "西安市住房城乡建委")]),
        ("昆明市金融监管局指出。", [("昆明市地方金融监督管理局", "昆明市金融监管局")]),
        ("长沙市文化广电旅游局表示。", [("长沙市文化广电旅游局", "长沙市文化广电旅游局")]),
        ("贵阳市人民政府办公厅印发。", [("贵阳市人民政府办公厅", "贵阳市人民政府办公厅")]),
        # a ministry's agency for a river basin
        ("水利部长江水利委员会发布汛情通报。", [("水利部长江水利委员会", "水利部长江水利委员会")]),
        # a department whose sectors are joined by 和 (海南's 旅游和文化广电体育)
        (
            "海南省旅游和文化广电体育厅发布通知。",
            [("海南省旅游和文化广电体育厅", "海南省旅游和文化广电体育厅")],
        ),
        # a sector whose first character ends toponyms (港口, 口岸) after a city's short name
        ("宁波港口管理局发布通告。", [("宁波市港口管理局", "宁波港口管理局")]),
        ("钦州口岸办负责同志介绍。", [("钦州市口岸办公室", "钦州口岸办")]),
        # the parent of a district stays in the name, the province of a city does not
        ("上海市松江区科委签约。", [("上海市松江区科学技术委员会", "上海市松江区科委")]),
        ("河北省廊坊市人社局签约。", [("廊坊市人力资源和社会保障局", "河北省廊坊市人社局")]),
        # bureaus of government services and data, named as each city names its own
        (
            "呼伦贝尔市政务服务与数据管理局发布公告。",
            [("呼伦贝尔市政务服务与数据管理局", "呼伦贝尔市政务服务与数据管理局")],
        ),
        (
            "东莞市政务服务和数据管理局印发方案。",
            [("东莞市政务服务和数据管理局", "东莞市政务服务和数据管理局")],
        ),
        ("遵义市大数据管理局召开会议。", [("遵义市大数据管理局", "遵义市大数据管理局")]),
        # the two municipalities whose committee of transport is named with 交通 (the
        # sectors table); elsewhere, and a bureau, of 交通运输
        ("上海市交通委召开会议。", [("上海市交通委员会", "上海市交通委")]),
        ("天津市交通委召开会议。", [("天津市交通运输委员会", "天津市交通委")]),
        ("太原市交通局召开会议。", [("太原市交通运输局", "太原市交通局")]),
        # a government's departments are no general office
        ("长沙市政府部门负责人表示。", [("长沙市人民政府", "长沙市政府")]),
        # bureaus of the business environment and of e-government
        (
            "四平市营商环境建设监督局与通化市政务服务和数字化建设管理局签约。",
            [
                ("四平市营商环境建设监督局", "四平市营商环境建设监督局"),
                ("通化市政务服务和数字化建设管理局", "通化市政务服务和数字化建设管理局"),
            ],
        ),
        # sectors of reformed or older bureaus: approvals, livestock, culture, agriculture
        (
            "绵阳市行政审批局与德阳市行政审批服务局签约。",
            [
                ("绵阳市行政审批局", "绵阳市行政审批局"),
                ("德阳市行政审批服务局", "德阳市行政审批服务局"),
            ],
        ),
        (
            "黔南州畜牧兽医局发布通知。",
            [
                ("黔南布依族苗族自治州畜牧兽医局", "黔南州畜牧兽医局"),
            ],
        ),
        (
            "佛山市文化广电新闻出版局、湛江市文化局和茂名市农业局联合举办。",
            [
                ("佛山市文化广电新闻出版局", "佛山市文化广电新闻出版局"),
                ("湛江市文化局", "湛江市文化局"),
                ("茂名市农业局", "茂名市农业局"),
            ],
        ),
        # a leading group's office is the sector's office
        (
            "贵州省扶贫开发领导小组办公室印发通知。",
            [("贵州省扶贫开发办公室", "贵州省扶贫开发领导小组办公室")],
        ),
    ],
)
def test_agencies_canonical_names(text, expected):
    assert _agencies(text) == expected


def test_agencies_short_form_tied_to_the_article_city():
    text = "西安市召开发布会。西安市科技局介绍情况。市发展改革委表示，西安将加快建设。"
    assert ("西安市发展和改革委员会", "市发展改革委") in _agencies(text)


def test_agencies_short_form_in_a_paragraph_on_a_municipality_is_its_body():
    text = (
        "长沙市交通运输局召开会议。长沙市推进轨道交通建设，长沙地铁新线开通。\n\n"
        "天津河西区委会同天津港集团党委、市交通运输委党组开展共建活动。\n"
    )
    assert ("天津市交通运输委员会", "市交通运输委") in _agencies(text)


def test_agencies_short_form_in_a_municipality_s_article_is_not_a_county_level_city_s():
    text = (
        "重庆市委部署专项整治工作。重庆市各区县积极落实。来自浏阳市的企业也参与其中。\n\n"
        "市财政局、市交通局等分别派出工作组。\n"
    )
    assert ("重庆市财政局", "市财政局") in _agencies(text)


def test_agencies_prefecture_shorthand_is_the_articles_autonomous_prefecture():
    text = "凉山彝族自治州召开推进会。副州长代表州政府与企业签署协议。"
    assert ("凉山彝族自治州人民政府", "州政府") in _agencies(text)


@pytest.mark.parametrize(
    "text, expected",
    [
        # 部门: a province's department is its 厅, a municipality's or city's its 局
        (
            "上海、江苏、浙江、安徽人社部门共同签署协议。",
            [
                "上海市人力资源和社会保障局",
                "江苏省人力资源和社会保障厅",
                "浙江省人力资源和社会保障厅",
                "安徽省人力资源和社会保障厅",
            ],
        ),
        # places counted, then one more joined by 和, before the sector
        (
            "甘肃、青海两省和宁夏回族自治区水利厅签约。",
            ["甘肃省水利厅", "青海省水利厅", "宁夏回族自治区水利厅"],
        ),
        (
            "长沙、株洲、湘潭三市科技部门签约。",
            ["长沙市科学技术局", "株洲市科学技术局", "湘潭市科学技术局"],
        ),
        # where a delegation meets (在A) before 与 and a body: not a list of places
        ("代表团在昆明与云南省商务厅举行会谈。", ["云南省商务厅"]),
        # provinces by their abbreviations and their count
        (
            "黔滇桂三地商务部门签约。",
            ["贵州省商务厅", "云南省商务厅", "广西壮族自治区商务厅"],
        ),
        # counts of provinces and regions, of prefectures and cities
        (
            "内蒙古、山西、陕西三省区能源部门签约。",
            ["内蒙古自治区能源局", "山西省能源局", "陕西省能源局"],
        ),
        (
            "大理、丽江、迪庆三州市文化和旅游部门签约。",
            ["大理白族自治州文化和旅游局", "丽江市文化和旅游局", "迪庆藏族自治州文化和旅游局"],
        ),
        # provinces and a municipality counted apart (三省一市)
        (
            "上海、江苏、浙江、安徽三省一市文化和旅游部门签约。",
            [
                "上海市文化和旅游局",
                "江苏省文化和旅游厅",
                "浙江省文化和旅游厅",
                "安徽省文化和旅游厅",
            ],
        ),
        # a count of cities: the city that shares a province's name
        (
            "吉林、四平、辽源三市商务部门签约。",
            ["吉林市商务局", "四平市商务局", "辽源市商务局"],
        ),
    ],
)
def test_agencies_departments_of_enumerated_places(text, expected):
    assert [label for label, _ in _agencies(text)] == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        ("会议由国家发展改革委主持。", "中华人民共和国国家发展和改革委员会"),
        ("配合文化和旅游部编制规划。", "中华人民共和国文化和旅游部"),
        ("科技部有关司局负责人出席。", "中华人民共和国科学技术部"),
        ("中国人民银行发布数据。", "中国人民银行"),
        # the central Party organs' external names, and the names they are also known by
        ("国家电影局公布春节档票房。", "国家电影局"),
        ("国家版权局开展专项行动。", "国家新闻出版署"),
        # a State Council body merged since, in the news of its years
        ("国务院扶贫办与世界银行举办研讨会。", "国务院扶贫开发领导小组办公室"),
    ],
)
def test_agencies_national_ministries(text, expected):
    assert [label for label, _ in _agencies(text)] == [expected]


@pytest.mark.parametrize(
    "text, expected",
    [
        # a management committee of a named area; the truncated 管理委员 is completed
        (
            "西部(重庆)科学城管理委员签约。",
            ("西部(重庆)科学城管理委员会", "西部(重庆)科学城管理委员"),
        ),
        ("河北雄安新区管理委员会表示。", ("河北雄安新区管理委员会", "河北雄安新区管理委员会")),
        ("苏州工业园区管委会与宿迁签约。", ("苏州工业园区管理委员会", "苏州工业园区管委会")),
        ("中关村管委会负责人介绍。", ("中关村管理委员会", "中关村管委会")),
        # the leader of the area's party working committee and of its management committee
        (
            "西安高新区党工委书记、管委会主任张某签署协议。",
            ("西安高新技术产业开发区管理委员会", "管委会"),
        ),
        # a sector's bureau of an area, its sector named in full
        (
            "湖南湘江新区市场监管局发布提示。",
            ("湖南湘江新区市场监督管理局", "湖南湘江新区市场监管局"),
        ),
    ],
)
def test_agencies_area_committees(text, expected):
    assert expected in _agencies(text)


@pytest.mark.parametrize(
    "text",
    [
        "清华大学与保定市第二医院签约。",
        "新华社北京5月26日电。",
        "长安汽车、中国华能在两地均有布局。",
        "市政府工作报告提出目标。",
        # the State Council's department in charge of a sector is a ministry, not the Council
        "发生疫情时，国务院林业草原主管部门应当及时组织除治。",
        "两市经信部门将成立工作专班。",
        "协同布局重大科学装置，形成新格局。",
        # a kind of division before an organ is no shorthand of the article's place
        "洛阳市召开会议。各省、自治区、直辖市人民政府应当建立制度。",
        "洛阳市召开会议。县级市发展改革部门负责审核。",
        # a place written in a form no division list has (龙泉区 of 龙泉驿区): its 区 is not
        # the article's district
        "彭州市加快发展。当天，成都市还与龙泉区政府签署合作协议。",
    ],
)
def test_agencies_not_read_from_other_names(text):
    assert _agencies(text) == []


def test_agencies_department_is_not_a_ministry():
    # 科技部 inside 科技部门 is the city's department, not the national ministry
    assert _agencies("重庆市科技部门负责人介绍。") == [("重庆市科学技术局", "重庆市科技部门")]


@pytest.mark.parametrize(
    "text, expected",
    [
        # a bureau of a special administrative region's government, in full or with 特区
        (
            "香港特别行政区政府环境及生态局与广州市生态环境局签约。",
            ("香港特别行政区政府环境及生态局", "香港特别行政区政府环境及生态局"),
        ),
        (
            "香港特区政府保安局副局长出席。",
            ("香港特别行政区政府保安局", "香港特区政府保安局"),
        ),
        (
            "澳门特别行政区政府社会文化司与珠海市签约。",
            ("澳门特别行政区政府社会文化司", "澳门特别行政区政府社会文化司"),
        ),
        # the bureau's own name said again later is the same body
        (
            "香港特别行政区政府运输及物流局发布通告。运输及物流局表示将加快推进。",
            ("香港特别行政区政府运输及物流局", "运输及物流局"),
        ),
        # the region's government is not a 人民政府
        ("澳门特别行政区政府表示欢迎。", ("澳门特别行政区政府", "澳门特别行政区政府")),
    ],
)
def test_agencies_special_administrative_region_bureaus(text, expected):
    assert expected in _agencies(text)


@pytest.mark.parametrize(
    "text, expected",
    [
        # the executive body of a cooperation zone; a city written before it stays in the name
        (
            "同日，深圳市大鹏湾海洋经济合作区管理局与香港机构签约。",
            ["深圳市大鹏湾海洋经济合作区管理局"],
        ),
        (
            "东江流域生态合作区执行委员会与惠州市人民政府签约。",
            ["东江流域生态合作区执行委员会", "惠州市人民政府"],
        ),
        # a port and trade zone's committee (港务区)
        (
            "青岛国际港务区管委会与日照市人民政府签约。",
            ["青岛国际港务区管理委员会", "日照市人民政府"],
        ),
        # a scenic area's, a resort's and a reserve's bodies, named after the place before them
        ("黄山市黄山风景名胜区管理委员会发布通告。", ["黄山市黄山风景名胜区管理委员会"]),
        ("海南省亚龙湾旅游度假区管委会召开会议。", ["海南省亚龙湾旅游度假区管理委员会"]),
        ("他曾任江西鄱阳湖国家级自然保护区管理局局长。", ["江西鄱阳湖国家级自然保护区管理局"]),
        # a new town's, a business district's, a science city's or a park's committee, named
        # by the nouns before its kind, not by the kind alone
        ("滨江新城管委会与一家物流企业签约。", ["滨江新城管理委员会"]),
        ("上海前滩国际商务区管理委员会与银行签约。", ["上海前滩国际商务区管理委员会"]),
        ("光明科学城管委会与深圳大学签约。", ["光明科学城管理委员会"]),
        ("北京明天科学城管理委员会与银行签约。", []),
        # a word of time that points to no day (未来) after a place is in the name
        ("杭州未来科技城管委会与银行签约。", ["杭州未来科技城管理委员会"]),
        # a park named after China and its partner keeps them both
        ("中德产业园管委会与揭阳市人民政府签约。", ["中德产业园管理委员会", "揭阳市人民政府"]),
        # an investment zone's, an ecological zone's and a city's sub-centre's committees;
        # two characters the dictionary lacks, and a side of a mountain, name them too
        ("漳州金峰投资区管理委员会与银行签约。", ["漳州金峰投资区管理委员会"]),
        ("成都沱沣生态区管委会与银行签约。", ["成都沱沣生态区管理委员会"]),
        (
            "甘肃祁连山北麓葡萄酒产业园区管委会与银行签约。",
            ["甘肃祁连山北麓葡萄酒产业园区管理委员会"],
        ),
        ("南京城市副中心管理委员会与银行签约。", ["南京城市副中心管理委员会"]),
        ("副中心管委会表示欢迎。", []),
        # a longer name after a committee named by its kind alone is another body
        (
            "国家级自然保护区管理局将加强巡护。兴凯湖国家级自然保护区管理局发布通告。",
            ["国家级自然保护区管理局", "兴凯湖国家级自然保护区管理局"],
        ),
    ],
)
def test_agencies_executive_bodies_of_zones(text, expected):
    assert [label for label, _ in _agencies(text)] == expected


@pytest.mark.parametrize(
    "text, surface",
    [
        # the beginning of the zone's name, or its suffix alone, with the same organ
        ("东江流域生态合作区执行委员会签约。合作区执委会负责人介绍。", "合作区执委会"),
        ("深圳市大鹏湾海洋经济合作区管理局签约。大鹏湾管理局负责人介绍。", "大鹏湾管理局"),
        # a zone named after no place's own name, then without its city
        ("南京城市副中心管理委员会签约。城市副中心管委会负责人介绍。", "城市副中心管委会"),
    ],
)
def test_agencies_zone_body_abbreviated_later(text, surface):
    found = dict((s, label) for label, s in _agencies(text))
    assert found[surface] == next(iter(found.values()))


def test_agencies_a_new_area_s_part_in_a_city_is_not_that_city_s_zone_named_before():
    text = "成都高新区管委会与重庆大学签约。随后，两江新区管委会与天府新区成都管委会签约。"
    found = dict((s, label) for label, s in _agencies(text))
    assert found["天府新区成都管委会"] == "四川天府新区成都管理委员会"


@pytest.mark.parametrize(
    "text, expected",
    [
        # a county-level city is named on its own; a city district keeps its city, written
        # or not (its official name), a county is named on its own
        ("江苏省泰州市靖江市人民政府发布公告。", "靖江市人民政府"),
        ("浙江省杭州市余杭区人民政府发布公告。", "杭州市余杭区人民政府"),
        ("余杭区人民政府发布公告。", "杭州市余杭区人民政府"),
        ("海淀区科委负责人介绍。", "北京市海淀区科学技术委员会"),
        ("宾阳县人民政府发布公告。", "宾阳县人民政府"),
    ],
)
def test_agencies_parent_kept_only_for_districts_of_a_city(text, expected):
    assert [label for label, _ in _agencies(text)] == [expected]


@pytest.mark.parametrize(
    "text, expected",
    [
        # a district's body written with 区 alone, its party committee, with its city
        ("江西省九江市濂溪区遭遇暴雨。区应急管理局专家赶到现场。", "九江市濂溪区应急管理局"),
        ("四川省成都市郫都区推进改革。郫都区委召开常委会研究部署。", "中共成都市郫都区委员会"),
        ("中共武汉市江夏区委员会召开全会。", "中共武汉市江夏区委员会"),
    ],
)
def test_agencies_district_bodies_by_shorthand_and_party_committees_carry_their_city(
    text, expected
):
    assert expected in [label for label, _ in _agencies(text)]


def test_agencies_district_body_written_again_without_its_city():
    text = "上海市闵行区人民政府与昆山市人民政府签约。闵行区政府相关负责人介绍。"
    assert ("上海市闵行区人民政府", "闵行区政府") in _agencies(text)


@pytest.mark.parametrize(
    "text, expected",
    [
        # a count between the enumerated places and a sector with its own organ
        ("江苏省、浙江省两省科技厅签约。", ["江苏省科学技术厅", "浙江省科学技术厅"]),
        ("宁波、温州两市商务局联合发文。", ["宁波市商务局", "温州市商务局"]),
        # every district of the enumeration is named with its city
        (
            "璧山区、铜梁区两区人社局签署合作协议。",
            ["重庆市璧山区人力资源和社会保障局", "重庆市铜梁区人力资源和社会保障局"],
        ),
    ],
)
def test_agencies_enumerated_places_with_count_and_organ(text, expected):
    assert [label for label, _ in _agencies(text)] == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        ("东江流域生态合作区执行委员会与惠州市签约。", "东江流域生态合作区"),
        ("西部(贵阳)科学城管理委员会表示。", "西部(贵阳)科学城"),
    ],
)
def test_agencies_committee_jurisdiction_is_its_area(text, expected):
    ex = extract(Document(id="t", text=text))
    places = {r.object.label for r in ex.relations if r.predicate == "jurisdiction"}
    assert expected in places


@pytest.mark.parametrize(
    "text, present, absent",
    [
        # a national administration's name before its local bureau is part of it
        (
            "国家税务总局重庆市南岸区税务局、国家税务总局商都县税务局受到表彰。",
            {"国家税务总局重庆市南岸区税务局", "国家税务总局商都县税务局"},
            {"国家税务总局"},
        ),
        # other states' central banks are not China's
        ("各国设计的央行数字货币模式中，没有一种旨在取代现金。", set(), {"中国人民银行"}),
        ("央行今天宣布下调存款准备金率。", {"中国人民银行"}, set()),
    ],
)
def test_extract_agencies_head_offices_and_other_central_banks(text, present, absent):
    ex = extract(Document(id="t", text=text))
    labels = {m.entity.label for m in ex.mentions if m.entity.cls == "Agency"}
    assert present <= labels
    assert not absent & labels


@pytest.mark.parametrize(
    "text, present, absent",
    [
        # 县 stands for a county the article names, not a county-level 市 it names more
        (
            "都匀市召开会议，都匀市部署工作。此前，督查组向三都县委反馈问题，涉及县住建局。",
            {"三都水族自治县住房和城乡建设局"},
            {"都匀市住房和城乡建设局"},
        ),
        # 市县政府, 各地市…部门: bodies of many places, none named
        ("在市县政府支持下，荔波县引进企业。", set(), {"荔波县人民政府"}),
        ("贵州省各地市文旅部门不断探索新场景。", set(), {"贵阳市文化和旅游局"}),
        # 特区 ends a zone's name before a bureau
        (
            "福州市晋安区发展迅速，晋安区召开会议。湖北神农架旅游特区公安局民警说。",
            set(),
            {"神农架林区公安局", "晋安区公安局"},
        ),
        # 省 alone in an article about two provinces at length stands for neither
        (
            "兰州、天水、酒泉、白银、张掖的文物单位参加展览，甘肃各地加强文物保护。\n\n"
            "在江苏，南京、苏州、无锡、扬州的博物馆推出新展。\n\n"
            "很快，省文化和旅游厅拨付了专项资金。",
            set(),
            {"甘肃省文化和旅游厅", "江苏省文化和旅游厅"},
        ),
        (
            "兰州、天水、酒泉、白银、张掖的文物单位参加展览。南京的博物馆也来了。\n\n"
            "很快，省文化和旅游厅拨付了专项资金。",
            {"甘肃省文化和旅游厅"},
            set(),
        ),
        # a branch bureau after its bureau is the branch
        ("李明  杭州市公安局西湖分局刑侦大队大队长", {"杭州市公安局西湖分局"}, set()),
        ("株洲市生态环境局渌口分局开展执法检查。", {"株洲市生态环境局渌口分局"}, set()),
        (
            "六盘水市公安局高新技术开发区分局民警到场。六盘水市公安局及其分局参与。",
            {"六盘水市公安局高新技术开发区分局", "六盘水市公安局"},
            {"六盘水市公安局及其分局"},
        ),
        # an office after its body is the office; a verb ending in 办 is not one
        ("兰州市政府新闻办当天通报情况。", {"兰州市人民政府新闻办公室"}, {"兰州市人民政府"}),
        (
            "参加单位：昆明市盘龙区人民政府茶叶办公室、盘龙区人民法院。",
            {"昆明市盘龙区人民政府茶叶办公室"},
            {"昆明市盘龙区人民政府"},
        ),
        (
            "九江市食品安全委员会办公室与黄冈市食品安全委员会办公室签订合作协议。",
            {"九江市食品安全委员会办公室", "黄冈市食品安全委员会办公室"},
            {"九江市食品安全委员会"},
        ),
        ("兰州市政府举办招商推介会，兰州市政府督办此事。", {"兰州市人民政府"}, set()),
        (
            "兰州市税务局城关办税服务厅开门。兰州市教育局签订领办协议。",
            {"国家税务总局兰州市税务局", "兰州市教育局"},
            {"兰州市税务局城关办公室", "兰州市教育局签订领办公室"},
        ),
        # a committee named only by a subject; a government's building; a force
        (
            "西藏专门成立水资源管理委员会。中关村管委会发布政策。",
            {"中关村管理委员会"},
            {"水资源管理委员会"},
        ),
        (
            "地址：南宁市民族大道1号广西壮族自治区政府办公楼305室。",
            set(),
            {"广西壮族自治区人民政府办公室"},
        ),
        ("联合国驻黎巴嫩临时部队发表声明。", set(), {"黎巴嫩临时部"}),
        # a tribe, bodies outside or against a government, a company's project department,
        # a government of a new term
        ("美国印第安部落之一的首领说。", set(), {"美国印第安部"}),
        # a state's embassy or consulate is an agency of that state, under one name
        (
            "越南驻南宁总领馆与广西大学签署《合作备忘录》。中国驻老挝使馆出席。"
            "智利驻中国大使馆发表声明。",
            {"越南驻南宁总领事馆", "中国驻老挝大使馆", "智利驻华大使馆"},
            set(),
        ),
        (
            "中国驻秘鲁使馆临时代办表示欢迎。",
            {"中国驻秘鲁大使馆"},
            {"中国驻秘鲁大使馆临时代办公室"},
        ),
        # a pilot free trade zone's working office governs it: an agency, the zone inside it
        (
            "中国（云南）自由贸易试验区工作办公室负责人介绍。",
            {"中国(云南)自由贸易试验区工作办公室"},
            set(),
        ),
        # a city's government abroad: no 市政府 of the article's city at its end
        ("白俄罗斯明斯克市政府代表团访问长春。", {"白俄罗斯明斯克市政府"}, {"长春市人民政府"}),
        # a state's front of mass organisations is no organ of its government
        ("老挝建国阵线中央委员会代表团访华。", set(), {"老挝建国阵线中央委员会"}),
        (
            "德国非政府救援组织表示，苏丹境内反政府武装联盟签署协议。",
            set(),
            {"德国非政府", "苏丹境内反政府"},
        ),
        ("公司印尼苏拉威西项目部经理", set(), {"印尼苏拉威西项目部"}),
        ("我国愿与冰岛新一届政府加强沟通。", {"冰岛政府"}, {"冰岛新一届政府"}),
        # a reclamation area's bureau, not the article's district's; a community's committee
        (
            "乌鲁木齐市头屯河区召开会议，头屯河区部署工作。伊宁垦区公安局获表彰。",
            set(),
            {"头屯河区公安局"},
        ),
        ("“有了社区管委会、社区工厂，群众住得下去。”", set(), {"社区管理委员会"}),
    ],
)
def test_extract_agencies_which_body_a_written_name_is(text, present, absent):
    ex = extract(Document(id="t", text=text))
    found = {m.entity.label for m in ex.mentions if m.entity.cls == "Agency"}
    assert present <= found
    assert not absent & found


def test_extract_agencies_a_special_administrative_regions_government_written_alone():
    text = "澳门特区政府推出措施，内地全力支持特区政府。"
    ex = extract(Document(id="t", text=text))
    found = {(m.span.surface, m.entity.label) for m in ex.mentions if m.entity.cls == "Agency"}
    assert ("特区政府", "澳门特别行政区政府") in found


@pytest.mark.parametrize(
    "text, absent",
    [
        # 市 ending the name of a city of another time is not the article's city
        ("延安市举办纪念活动。1949年，他任北平市公安局副局长。", "延安市公安局"),
        ("沈阳市档案馆展出史料。他曾任奉天市财政局科员。", "沈阳市财政局"),
    ],
)
def test_agencies_a_city_of_another_time_is_not_the_articles_city(text, absent):
    assert absent not in {label for label, _surface in _agencies(text)}


def test_agencies_the_articles_city_stands_for_a_bare_city_prefix():
    labels = {label for label, _surface in _agencies("广州市召开会议。会后，市公安局通报了情况。")}
    assert "广州市公安局" in labels


def test_agencies_an_autonomous_regions_body_is_of_the_region_named_among_provinces():
    text = (
        "宁夏、甘肃、青海三省区代表出席会议。会上，自治区发改委与甘肃省发改委、"
        "青海省发改委签署《黄河上游生态协作备忘录》。"
    )
    labels = {label for label, _surface in _agencies(text)}
    assert "宁夏回族自治区发展和改革委员会" in labels
    assert "青海省发展和改革委员会" in labels


@pytest.mark.parametrize(
    "text, expected",
    [
        # courts and procuratorates after their division, in full or short
        (
            "贵州省高级人民法院与云南省高级人民法院签署司法协作协议。",
            [
                ("贵州省高级人民法院", "贵州省高级人民法院"),
                ("云南省高级人民法院", "云南省高级人民法院"),
            ],
        ),
        ("昆明中院发布典型案例。", [("昆明市中级人民法院", "昆明中院")]),
        ("北京三中院审结一起案件。", [("北京市第三中级人民法院", "北京三中院")]),
        (
            "天津市第二中级人民法院审理此案。",
            [("天津市第二中级人民法院", "天津市第二中级人民法院")],
        ),
        ("双流区法院设立巡回法庭。", [("成都市双流区人民法院", "双流区法院")]),
        ("湖南省人民检察院通报情况。", [("湖南省人民检察院", "湖南省人民检察院")]),
        # customs by the place they are named after
        ("昆明海关统计显示，出口增长。", [("昆明海关", "昆明海关")]),
        (
            "大连海关与青岛海关签署合作备忘录。",
            [("大连海关", "大连海关"), ("青岛海关", "青岛海关")],
        ),
        # a province's or a city's courts together are no court
        ("浙江法院今年受理案件增长。", []),
        ("杭州法院系统召开会议。", []),
    ],
)
def test_agencies_courts_procuratorates_and_customs_of_a_place(text, expected):
    assert _agencies(text) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        # a minister abroad by the short title is the ministry's only where the minister signs
        ("泰国农业部长与农业农村部部长签署了合作备忘录。", ["泰国农业部"]),
        ("泰国农业部长表示欢迎中国企业投资。", []),
    ],
)
def test_agencies_a_minister_abroad_signs_for_the_ministry(text, expected):
    assert [label for label, _ in _agencies(text) if label.startswith("泰国")] == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        # border inspection stations and maritime bureaus after their port's place
        (
            "丹东出入境边防检查站与丹东海关签署合作备忘录。",
            [("丹东出入境边防检查站", "丹东出入境边防检查站"), ("丹东海关", "丹东海关")],
        ),
        ("防城港边检站发布提示。", [("防城港出入境边防检查站", "防城港边检站")]),
        (
            "中华人民共和国福建海事局与厦门海事局开展联合巡航。",
            [
                ("中华人民共和国福建海事局", "中华人民共和国福建海事局"),
                ("中华人民共和国厦门海事局", "厦门海事局"),
            ],
        ),
        # a province's own bureau written with its level is none of the state's
        ("湖南省海事局发布通告。", []),
        # the customs of Hong Kong and Macao by their official names
        (
            "珠海海关与澳门海关签署合作安排。",
            [("珠海海关", "珠海海关"), ("澳门特别行政区海关", "澳门海关")],
        ),
        (
            "深圳海关与香港特别行政区政府海关开展联合执法。",
            [("深圳海关", "深圳海关"), ("香港特别行政区政府海关", "香港特别行政区政府海关")],
        ),
        # a court or a procuratorate by the shorthand of the article's place
        (
            "本报讯 柳州市人民检察院召开会议。会上，市检察院与市中院签署备忘录。",
            [
                ("柳州市人民检察院", "柳州市人民检察院"),
                ("柳州市人民检察院", "市检察院"),
                ("柳州市中级人民法院", "市中院"),
            ],
        ),
        # not after the end of a name no list has
        ("本报讯 柳州市召开会议。他曾任惠阳县法院院长。", []),
    ],
)
def test_agencies_border_stations_maritime_bureaus_and_courts_by_shorthand(text, expected):
    assert _agencies(text) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        # a department listed after another of its place, written without the place
        (
            "甘肃省商务厅、交通运输厅与中亚班列公司签署协议。",
            ["甘肃省交通运输厅", "甘肃省商务厅"],
        ),
        # a local tax bureau is named with the State Taxation Administration
        (
            "本报讯 贵阳市召开会议。市税务局与市中级人民法院签署备忘录。",
            ["国家税务总局贵阳市税务局", "贵阳市中级人民法院"],
        ),
        (
            "国家税务总局云南省税务局与云南省地方金融管理局签署协议。",
            ["云南省地方金融管理局", "国家税务总局云南省税务局"],
        ),
        # a government's office in the capital
        (
            "新疆维吾尔自治区人民政府驻北京办事处举办推介会。",
            ["新疆维吾尔自治区人民政府驻北京办事处"],
        ),
        ("甘肃省政府驻京办主任介绍。", ["甘肃省人民政府驻北京办事处"]),
    ],
)
def test_agencies_listed_departments_tax_bureaus_and_offices_in_the_capital(text, expected):
    assert sorted({label for label, _surface in _agencies(text)}) == expected


@pytest.mark.parametrize(
    "text, present, absent",
    [
        # 国 of a body's name after a state's short name is the body's (日本国 is not read)
        ("日本国土交通省发布通知。", {"日本国土交通省"}, {"日本土交通省"}),
        # a body two states share is neither state's
        (
            "总理会见来华出席中国南非国家双边委员会全会的南非副总统。",
            set(),
            {"南非国家双边委员会"},
        ),
        ("韩国外交部发表声明。", {"韩国外交部"}, set()),
        # 县 in an article about an autonomous region is a county's, not the region's
        (
            "广西壮族自治区百色市凌云县推进就业。县人社局副局长介绍。",
            {"凌云县人力资源和社会保障局"},
            {"广西壮族自治区人力资源和社会保障局"},
        ),
        # 区 of 分区 or 边区 is no shorthand for the article's district or county
        ("本报讯 瑞金市召开会议。他曾任晋察冀边区冀中分区公安局局长。", set(), {"瑞金市公安局"}),
        # a demonstration park's committee named by the nouns before the park
        (
            "和田县现代农业科技示范园区管委会负责人介绍。",
            {"和田县现代农业科技示范园区管理委员会"},
            {"示范园区管理委员会"},
        ),
    ],
)
def test_agencies_states_joint_bodies_shorthand_and_parks(text, present, absent):
    _reads(text, present, absent)


@pytest.mark.parametrize(
    "text, expected",
    [
        # a local Party committee's departments, by the committee's full name
        (
            "甘肃省委宣传部与宁夏回族自治区党委宣传部签署协议。",
            ["中共甘肃省委员会宣传部", "中共宁夏回族自治区委员会宣传部"],
        ),
        ("中共漳州市委统战部召开座谈会。", ["中共漳州市委员会统一战线工作部"]),
        ("本报讯 株洲市召开会议。市委组织部负责人介绍。", ["中共株洲市委员会组织部"]),
        # a person's title after the committee is still none
        ("本报讯 株洲市召开会议。市委书记出席。", []),
        # a ministry's department or its commissioner's office, named with the ministry
        (
            "国家发展改革委就业收入分配和消费司负责人介绍。",
            ["国家发展和改革委员会就业收入分配和消费司"],
        ),
        (
            "商务部驻广州特派员办事处与广东省商务厅签署备忘录。",
            ["商务部驻广州特派员办事处", "广东省商务厅"],
        ),
        (
            "生态环境部珠江流域南海海域生态环境监督管理局发布公告。",
            ["生态环境部珠江流域南海海域生态环境监督管理局"],
        ),
        # a company or a clause after the ministry is no department of it
        ("商务部与中粮集团有限公司签署协议。", ["中华人民共和国商务部"]),
        ("国家发展改革委有关司局负责人介绍。", ["中华人民共和国国家发展和改革委员会"]),
    ],
)
def test_agencies_party_committee_and_ministry_departments(text, expected):
    assert sorted({label for label, _surface in _agencies(text)}) == sorted(expected)


@pytest.mark.parametrize(
    "text, absent",
    [
        # a room or a venue that ends in 厅 is no department of a state
        ("签约仪式在老挝总理府签字厅举行。", "老挝总理府签字厅"),
        ("观众可登录奥地利维也纳爱乐乐团数字音乐厅观看演出。", "奥地利维也纳爱乐乐团数字音乐厅"),
        # a verb before an organisation's name: the state is the subject of a clause
        ("西班牙推动欧洲委员会通过决议。", "西班牙推动欧洲委员会"),
    ],
)
def test_agencies_rooms_and_clauses_after_a_state_are_no_bodies(text, absent):
    assert absent not in {label for label, _surface in _agencies(text)}


@pytest.mark.parametrize(
    "text, present",
    [
        ("韩国执行委员会与日本促进局举行会谈。", "韩国执行委员会"),
        # a region's name the segmenter cuts into a verb and a place (忠清|北道)
        ("韩国忠清北道政府代表团到访沈阳。", "韩国忠清北道政府"),
    ],
)
def test_agencies_a_states_body_whose_name_opens_with_a_verb_is_kept(text, present):
    assert present in {label for label, _surface in _agencies(text)}


@pytest.mark.parametrize(
    "text, present, absent",
    [
        # a central bank's branch in a city, its office in a municipality
        (
            "人民银行南宁分行与昆明中心支行签署了跨境结算合作备忘录。",
            {"中国人民银行南宁分行"},
            {"中国人民银行"},
        ),
        (
            "中国人民银行天津营业管理部发布数据。",
            {"中国人民银行天津营业管理部"},
            {"中国人民银行"},
        ),
        # a regulator's bureau in a province, a survey team of the statistics bureau
        (
            "银保监会湖南监管局、国家统计局湖南调查总队联合调研。",
            {
                "中国银行保险监督管理委员会湖南监管局",
                "国家统计局湖南调查总队",
            },
            {"中国银行保险监督管理委员会", "国家统计局"},
        ),
        # a ministry's bureau for a region or a sea area
        (
            "生态环境部西北督察局和自然资源部南海局开展检查。",
            {"生态环境部西北督察局", "自然资源部南海局"},
            {"中华人民共和国生态环境部", "中华人民共和国自然资源部"},
        ),
        # civil aviation's regional administration, written three ways
        (
            "民航中南地区管理局、中国民用航空局东北地区管理局与中国民用航空新疆地区管理局",
            {
                "中国民用航空中南地区管理局",
                "中国民用航空东北地区管理局",
                "中国民用航空新疆地区管理局",
            },
            {"中国民用航空局"},
        ),
        # an autonomous region by its short name and 区; a survey team of a city; the foreign
        # exchange office of a municipality
        (
            "人民银行宁夏区分行、国家统计局柳州调查队和国家外汇管理局天津外汇管理部座谈。",
            {
                "中国人民银行宁夏回族自治区分行",
                "国家统计局柳州调查队",
                "国家外汇管理局天津外汇管理部",
            },
            {"中国人民银行", "国家统计局", "国家外汇管理局"},
        ),
        # the regulators' local bureaus by their short names; civil aviation's in Tibet
        (
            "浙江银保监局、宁波证监局与民航西藏区局、民航华北局分别发言。",
            {
                "中国银行保险监督管理委员会浙江监管局",
                "中国证券监督管理委员会宁波监管局",
                "中国民用航空西藏自治区管理局",
                "中国民用航空华北地区管理局",
            },
            set(),
        ),
        ("各地银保监局加强监管。", set(), {"中国银行保险监督管理委员会各地监管局"}),
        # not a place before the organ: the ministry and what it does
        ("商务部有关司局负责人介绍情况。", {"中华人民共和国商务部"}, set()),
    ],
)
def test_agencies_units_of_a_national_body_in_a_place_or_region(text, present, absent):
    _reads(text, present, absent)


@pytest.mark.parametrize(
    "text, present, absent",
    [
        # the Corps's bureaus and its divisions' bureaus, not the State's commission
        (
            "兵团发改委、兵团第三师卫健委与天津市卫生健康委员会签署了合作备忘录。",
            {
                "新疆生产建设兵团发展和改革委员会",
                "新疆生产建设兵团第三师卫生健康委员会",
                "天津市卫生健康委员会",
            },
            {"中华人民共和国国家发展和改革委员会"},
        ),
        # the Corps and a division with the city it governs, as bodies of their own
        (
            "新疆生产建设兵团和新疆生产建设兵团第十四师昆玉市与中国农业大学签约。",
            {"新疆生产建设兵团", "新疆生产建设兵团第十四师"},
            set(),
        ),
        # a division alone, in an article that names the Corps
        (
            "新疆生产建设兵团召开会议。第六师商务局介绍了招商情况。",
            {"新疆生产建设兵团", "新疆生产建设兵团第六师商务局"},
            set(),
        ),
        # a city's own body after its division
        (
            "新疆生产建设兵团第八师石河子市人民政府发布公告。",
            {"石河子市人民政府"},
            set(),
        ),
        # other divisions and formations: an army's, a college's name
        ("1930年，红军第一师攻占县城。", set(), {"新疆生产建设兵团第一师"}),
        ("第二师范学院与新疆大学签约。", set(), {"新疆生产建设兵团第二师"}),
    ],
)
def test_agencies_the_xinjiang_corps_and_its_divisions(text, present, absent):
    _reads(text, present, absent)


@pytest.mark.parametrize(
    "text, expected",
    [
        # a short form given to a body in brackets stands for it later
        (
            "水利部珠江水利委员会（简称珠江委）与广西大学签约。珠江委还与南宁市签署备忘录。",
            [("水利部珠江水利委员会", "水利部珠江水利委员会")]
            + [("水利部珠江水利委员会", "珠江委")] * 2,
        ),
        # the Party committee of a region written 党委; one the segmenter keeps as one word
        (
            "中共西藏自治区党委与中共云南省委签署合作协议。",
            [("中共西藏自治区委员会", "中共西藏自治区党委"), ("中共云南省委员会", "中共云南省委")],
        ),
        ("和田地区党委召开会议。", [("中共和田地区委员会", "和田地区党委")]),
    ],
)
def test_agencies_short_forms_given_and_party_committees_of_regions(text, expected):
    assert _agencies(text) == expected


@pytest.mark.parametrize(
    "text, present, absent",
    [
        # a cooperation zone's bodies under the zone's official name, whatever form is written
        (
            "横琴粤澳深度合作区商事服务局与珠海市市场监督管理局签署合作备忘录。",
            {"横琴粤澳深度合作区商事服务局", "珠海市市场监督管理局"},
            {"深度合作区商事服务局"},
        ),
        (
            "横琴合作区执委会与江门市人民政府签约。",
            {"横琴粤澳深度合作区执行委员会", "江门市人民政府"},
            set(),
        ),
        (
            "河套深港科技创新合作区经济发展局负责人介绍。",
            {"河套深港科技创新合作区经济发展局"},
            set(),
        ),
    ],
)
def test_agencies_bodies_of_the_cooperation_zones(text, present, absent):
    _reads(text, present, absent)
