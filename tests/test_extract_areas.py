"""Science cities and functional areas, with their planned area, districts and core area."""

from __future__ import annotations

import pytest

from kg.extract import extract
from kg.records import Document


def _read(text: str):
    ex = extract(Document(id="t", text=text))
    mentions = [(m.entity.cls, m.entity.label, m.span.surface) for m in ex.mentions]
    relations = {
        (r.subject.label, r.predicate, getattr(r.object, "label", None) or str(r.object.value))
        for r in ex.relations
        if r.predicate in ("plannedArea", "includesDistrict", "coreArea")
    }
    return mentions, relations


def _districts(text: str) -> set[str]:
    return {label for cls, label, _surface in _read(text)[0] if cls == "District"}


@pytest.mark.parametrize(
    "text, label, surface",
    [
        ("加快建设怀柔科学城。", "怀柔科学城", "怀柔科学城"),
        ("支持西部(成都)科学城发展。", "西部(成都)科学城", "西部(成都)科学城"),
        ("共建西部科学城。", "西部科学城", "西部科学城"),
        ("推动中关村科学城建设。", "中关村科学城", "中关村科学城"),
        # an area written before the name is part of the mention, not of the name
        ("推动四川天府新区成都科学城建设。", "成都科学城", "四川天府新区成都科学城"),
    ],
)
def test_areas_science_city_names(text, label, surface):
    assert ("ScienceCity", label, surface) in _read(text)[0]


@pytest.mark.parametrize(
    "text, label, surface",
    [
        ("涉及成都东部新区。", "成都东部新区", "成都东部新区"),
        ("推动成都高新区发展。", "成都高新技术产业开发区", "成都高新区"),
        ("核心区为重庆高新区直管园。", "重庆高新区直管园", "重庆高新区直管园"),
        (
            "涉及四川天府新区成都直管区、双流区。",
            "四川天府新区成都直管区",
            "四川天府新区成都直管区",
        ),
        (
            "中国(上海)自由贸易试验区临港新片区揭牌。",
            "中国(上海)自由贸易试验区临港新片区",
            "中国(上海)自由贸易试验区临港新片区",
        ),
        # the parts of a pilot free trade zone named after a new area, with the zone or after it
        (
            "福建自贸试验区福州新区马尾片区开通航线。",
            "中国(福建)自由贸易试验区福州新区马尾片区",
            "福建自贸试验区福州新区马尾片区",
        ),
        (
            "广东自贸试验区多个片区齐发力，珠海横琴新区片区推进跨境执业。",
            "珠海横琴新区片区",
            "珠海横琴新区片区",
        ),
    ],
)
def test_areas_functional_areas_after_a_place(text, label, surface):
    assert ("District", label, surface) in _read(text)[0]


def test_areas_short_form_of_an_area_named_in_full():
    text = "武汉东湖新技术开发区管委会表示，核心区位于东湖高新区。天津滨海新区与雄安新区合作，雄安新区建设提速。"
    mentions = _read(text)[0]
    assert ("District", "武汉东湖新技术开发区", "东湖高新区") in mentions
    assert ("District", "河北雄安新区", "雄安新区") in mentions  # its official name


def test_areas_name_inside_a_project_is_no_area():
    text = "新建茶园新区城市污水处理厂三期扩建等7个重点项目。"
    assert not [m for m in _read(text)[0] if m[0] == "District"]


def test_areas_science_city_facts():
    text = (
        "据介绍，光谷科学城位于武汉东部，涉及洪山、江夏2个区，规划面积100平方公里，"
        "核心区为武汉东湖新技术开发区(518平方公里)。"
        "松山湖科学城规划面积90.5平方公里；东莞滨海湾新区规划面积84平方公里。"
    )
    relations = _read(text)[1]
    assert relations >= {
        ("光谷科学城", "includesDistrict", "洪山区"),
        ("光谷科学城", "includesDistrict", "江夏区"),
        ("光谷科学城", "plannedArea", "100"),
        ("光谷科学城", "coreArea", "武汉东湖新技术开发区"),
        ("武汉东湖新技术开发区", "plannedArea", "518"),
        ("松山湖科学城", "plannedArea", "90.5"),
        ("东莞滨海湾新区", "plannedArea", "84"),
    }
    assert ("松山湖科学城", "plannedArea", "84") not in relations


@pytest.mark.parametrize(
    "text, label",
    [
        # a region word and a descriptive modifier before a zone suffix
        ("京津冀产业协同发展示范区规划面积约500平方公里。", "京津冀产业协同发展示范区"),
        # a pair of countries and a bracketed place before the zone's own name
        ("中英（宁波）产业合作示范区规划面积约30平方公里。", "中英(宁波)产业合作示范区"),
        # a whole modifier between clean boundaries, after a city written before it
        ("同日，东江流域生态合作区规划面积约90平方公里。", "东江流域生态合作区"),
        ("同日，深圳市大鹏湾海洋经济合作区揭牌。", "大鹏湾海洋经济合作区"),
        ("与洋山经济开发区合作。", "洋山经济开发区"),
    ],
)
def test_areas_zones_without_a_division_before_the_suffix(text, label):
    mentions, _ = _read(text)
    assert label in {lab for cls, lab, _s in mentions if cls == "District"}


@pytest.mark.parametrize(
    "text, bad",
    [
        # a modifier holding a function word is a clause, not a name
        ("福建省正以合作区为抓手推进改革。", "福建省正以合作区"),
        # a place beginning inside the modifier: two names, not one
        ("签署了《浦东新区海口江东新区合作协议》。", "浦东新区海口江东新区"),
        # 创新区 is an "innovation area", not a 新区
        ("独墅湖科教创新区集聚高校。", "教创新区"),
        # a leading verb is not part of the name
        ("服务雄安新区建设是亮点。", "服务雄安新区"),
        # a shop named after an area
        ("市民在西安鲜果超市曲江新区店采购。", "西安鲜果超市曲江新区"),
        # a verb and its complement before a bare area: a clause, no name
        ("资金用于入股、配股到新区有关企业。", "配股到新区"),
        # a preposition before a bare area, whatever jieba tags it, is not its name
        ("线路由西安站引出，经北部新区、三原至铜川。", "经北部新区"),
        # what a zone is to become after a verb of becoming, named by a region
        ("推动该片区加快建设成为长三角跨省协作示范区。", "长三角跨省协作示范区"),
        # a park in an area is no part of the area's name
        ("贵阳市贵安新区智能制造园区新增企业10家。", "贵阳市贵安新区智能制造园区"),
    ],
)
def test_areas_not_read_across_words(text, bad):
    mentions, _ = _read(text)
    assert bad not in {lab for c, lab, _s in mentions if c in ("District", "ScienceCity")}


def test_areas_shortened_zone_is_the_full_one():
    text = "同日，东江流域生态合作区执行委员会成立。位于东江合作区的项目开工。"
    mentions, _ = _read(text)
    labels = {(lab, s) for cls, lab, s in mentions if cls == "District"}
    assert ("东江流域生态合作区", "东江合作区") in labels


@pytest.mark.parametrize(
    "text, fact",
    [
        # 以X为核心(区): the core area named before 为核心
        (
            "西安丝路科学城规划面积约60平方公里，以西安高新区为核心区。",
            ("丝路科学城", "coreArea", "西安高新技术产业开发区"),
        ),
        # a zone spans districts as a science city does
        (
            "京津冀产业协同发展示范区包括天津武清、河北廊坊、北京通州。",
            ("京津冀产业协同发展示范区", "includesDistrict", "武清区"),
        ),
    ],
)
def test_areas_core_area_and_districts_of_zones(text, fact):
    assert fact in _read(text)[1]


@pytest.mark.parametrize(
    "text, area, city",
    [
        # an area named after a county-level district lies in that district's city (a
        # District is locatedIn a City)
        ("南京江宁经济技术开发区与苏州市签约。", "江宁经济技术开发区", "南京市"),
        ("大庆市大同汽车产业示范区加快建设。", "大同汽车产业示范区", "大庆市"),
    ],
)
def test_areas_named_after_a_county_lie_in_its_city(text, area, city):
    ex = extract(Document(id="t", text=text))
    located = {
        (r.subject.label, r.object.cls, r.object.label)
        for r in ex.relations
        if r.predicate == "locatedIn" and r.subject.label == area
    }
    assert located == {(area, "City", city)}


@pytest.mark.parametrize(
    "text, area, found",
    [
        # an area written only inside a body's name: a school, a tax bureau, a bank's branch
        ("邯郸经济技术开发区实验学校获评先进集体。", "邯郸经济技术开发区", False),
        ("国家税务总局扬州经济技术开发区税务局受到表彰。", "扬州经济技术开发区", False),
        # a ministry's department for the zones
        ("海关总署自贸区和特殊区域发展司负责人介绍了试点情况。", "海关总署自由贸易试验区", False),
        # a zone abroad, after its country
        ("中国埃及苏伊士经贸合作区建成以来，吸纳了大量当地员工。", "苏伊士经贸合作区", False),
        # on its own, or with the school after 内的
        ("邯郸经济技术开发区内的学校今年新增三所。", "邯郸经济技术开发区", True),
        # inside a plan's title, and then on its own
        ("省里印发《中国(云南)自由贸易试验区深化改革方案》。", "中国(云南)自由贸易试验区", False),
        (
            "省里印发《中国(云南)自由贸易试验区深化改革方案》，中国(云南)自由贸易试验区将扩容。",
            "中国(云南)自由贸易试验区",
            True,
        ),
    ],
)
def test_areas_an_area_inside_a_bodys_name_or_a_title_is_not_read(text, area, found):
    assert (area in _districts(text)) is found


@pytest.mark.parametrize(
    "text, labels",
    [
        # a batch of a kind of area is no area's name
        ("该项目是浙江省第一批自贸区重点建设项目。", set()),
        # a level of designation after a province names a kind of area
        ("该景区去年创建贵州省级生态旅游示范区。", set()),
        # a housing estate named 新区 inside a sub-district, with its neighbourhoods
        ("王红  丰台区卢沟桥街道丽泽新区二区社区党委书记", {"丰台区"}),
        # what each part of a zone is to be, not zones of their own
        ("厦门片区打造航运自贸区，福州片区聚焦数字自贸区，漳州片区锚定旅游自贸区。", set()),
        # the zones of two provinces; old town and new area as common nouns
        ("近日，广东、福建两省自贸试验区推进开放。", set()),
        ("老城新区、古老现代，一步千年。", set()),
        # kinds of zone; a zone approved; a zone written only in a sub-district office's name
        ("优化边境经济合作区和跨境经济合作区的布局。", set()),
        ("批准设立三江新区，是着眼全局的大布局。", {"三江新区"}),
        ("工作组派往济南市高新区东区街道办事处。", set()),
        # an alliance named after zones
        ("长三角自贸试验区联盟秘书处成员说。", set()),
        # the zones of three provinces; a zone named only in its bureau's name
        ("探索推动京津冀自贸区协同发展。", set()),
        ("西安高新区综合执法局负责人说。", set()),
        # the province's party committee or what is inside it before a zone
        ("河北省委雄安新区规划建设工作领导小组召开会议。", {"河北雄安新区"}),
        # a province's new area is named with the province's short form
        ("江西省赣江新区建立试验区。", {"江西赣江新区"}),
        # a description of a free trade area
        ("中国已建成全球最大自贸区。", set()),
        # a visit's verb between the place and a zone
        ("副总理在福建省调研自贸试验区建设工作。", set()),
        # a count of a kind of area
        ("全国已设立五个兵团合作区。", set()),
        # a numeral and a verb before a bare area are not its name
        ("这是一则致敬雄安新区建设者的短片。", {"河北雄安新区"}),
        # the former area is that area
        ("在原横琴新区推出的政策基础上，合作区再出新举措。", {"横琴新区"}),
    ],
)
def test_areas_batches_levels_and_former_areas(text, labels):
    assert _districts(text) == labels


@pytest.mark.parametrize(
    "text, labels",
    [
        # a national-level new area under its official name, however it is written
        ("贵安新区数据中心集群加快建设，贵安新区已引进企业200家。", {"贵州贵安新区"}),
        ("湖南省湘江新区与长沙市签署协议。湖南省湘江新区将建设基金小镇。", {"湖南湘江新区"}),
        # a clause before a new area's name is not part of it
        ("上海援建西咸新区的医院开诊，游客直达西咸新区。", {"陕西西咸新区"}),
    ],
)
def test_areas_national_new_areas_take_their_official_names(text, labels):
    assert _districts(text) == labels


@pytest.mark.parametrize(
    "text, labels",
    [
        # a province's pilot free trade zone under its official name, however it is written
        ("云南自贸试验区昆明片区新设企业过万家。", {"中国(云南)自由贸易试验区昆明片区"}),
        (
            "黑龙江自贸区上半年进出口增长两成，中国（黑龙江）自由贸易试验区成立四周年。",
            {"中国(黑龙江)自由贸易试验区"},
        ),
        ("去年河南自由贸易试验区新增外资项目40个。", {"中国(河南)自由贸易试验区"}),
        ("中国（陕西）自贸试验区西安片区发布案例。", {"中国(陕西)自由贸易试验区西安片区"}),
        # a zone the registry does not have keeps its written name
        ("内蒙古自贸区申报材料已上报。", {"内蒙古自由贸易试验区"}),
    ],
)
def test_areas_pilot_free_trade_zones_take_their_official_names(text, labels):
    assert _districts(text) == labels


@pytest.mark.parametrize(
    "text",
    [
        # verbs of a clause before a bare suffix, first or inside the words before it
        "要加快构筑国家级新区的产业优势。",
        # where, not which (当地, 境外), and two states' zones of a kind
        "当地经济开发区新建了家具产业园。",
        "企业在境外经贸合作区投资设厂。",
        "双方推进中老边境经济合作区建设。",
        "自治区党委高度重视合作区的规划建设。",
    ],
)
def test_areas_a_verb_before_a_bare_suffix_names_no_area(text):
    assert _districts(text) == set()


def test_areas_a_time_word_before_a_bare_suffix_names_no_area():
    text = "九江经开区负责人说，当前经开区把招商引资放在首位。"
    assert _districts(text) == {"九江经济技术开发区"}
