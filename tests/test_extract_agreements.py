"""Agreements: titles, aliases, unmarked titles, parties and signing dates."""

from __future__ import annotations

import datetime

import pytest

from kg.extract import extract
from kg.records import Document


def _read(text: str, published: datetime.date | None = None):
    ex = extract(Document(id="t", text=text, published=published))
    agreements = sorted({m.entity.label for m in ex.mentions if m.entity.cls == "Agreement"})
    parties: dict[str, set[str]] = {}
    dates: dict[str, tuple[str, str]] = {}
    for r in ex.relations:
        if r.predicate == "party":
            parties.setdefault(r.subject.label, set()).add(r.object.label)
        elif r.predicate == "signedOn":
            dates[r.subject.label] = (r.object.date.isoformat(), r.object.year_source)
    return ex, agreements, parties, dates


@pytest.mark.parametrize(
    "text, expected",
    [
        ("双方签署《共建长江中游城市群合作框架协议》。", ["共建长江中游城市群合作框架协议"]),
        ("两地签订《深化人才交流合作备忘录》。", ["深化人才交流合作备忘录"]),
        ("会议发布《长三角重大项目清单》和《协同发展规划》。", []),
        ("两部门印发《关于加强协作的通知》《实施方案》《指导意见》。", []),
        ("两市分别签署了5个合作协议。", []),
        # the period or the edition in brackets after the head
        (
            "两省政府签署《陕甘对口协作框架协议（2024—2026年）》。",
            ["陕甘对口协作框架协议(2024—2026年)"],
        ),
        ("两市签订《职业教育合作备忘录(修订版)》。", ["职业教育合作备忘录(修订版)"]),
        ("两部门印发《数据共享管理办法（试行）》。", []),
    ],
)
def test_agreements_titles_in_book_marks(text, expected):
    assert _read(text)[1] == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        ("两省人社部门共同签署人才工作协同发展合作框架协议。", "人才工作协同发展合作框架协议"),
        ("广州市与佛山市签订了广佛同城化合作协议。", "广佛同城化合作协议"),
        ("长沙株洲湘潭交通一体化合作协议在湘潭签署。", "长沙株洲湘潭交通一体化合作协议"),
        # a long formal title of its own, 关于…的
        (
            "两国签署关于共同推进陆海新通道和21世纪数字丝绸之路建设的谅解备忘录。",
            "关于共同推进陆海新通道和21世纪数字丝绸之路建设的谅解备忘录",
        ),
        # a model's code in the title (E系): the title's own words, not a clause verb
        ("芜湖市人民政府与奇瑞汽车签署了星途E系项目合作协议。", "星途E系项目合作协议"),
    ],
)
def test_agreements_unmarked_titles(text, expected):
    assert _read(text)[1] == [expected]


def test_agreements_unmarked_title_in_a_headline_is_skipped():
    text = "三市签署交通一体化合作协议\n\n9月6日，三市签署《长株潭交通一体化发展合作协议》。"
    assert _read(text)[1] == ["长株潭交通一体化发展合作协议"]


def test_agreements_a_title_inside_a_bodys_name_is_no_mention():
    text = "中国与各国共同签署《全面禁止核试验条约》。《全面禁止核试验条约》组织执行秘书到访。"
    ex = _read(text)[0]
    spans = [m.span.start for m in ex.mentions if m.entity.cls == "Agreement"]
    assert spans == [text.index("全面")]


def test_agreements_alias_declaration_resolves_later_mentions():
    text = (
        "广州市科技局与深圳市科创委签署《广深科技创新合作协议》（以下简称《协议》）。"
        "根据《协议》，双方将共建平台。"
        "同日，两市商务局签署《广深商贸合作协议》(下称《协议》)。按照《协议》，两市将互设窗口。"
    )
    ex = _read(text)[0]
    aliases = [
        (m.entity.label, m.span.start)
        for m in ex.mentions
        if m.entity.cls == "Agreement" and m.basis == "alias-declaration"
    ]
    assert [label for label, _ in aliases] == ["广深科技创新合作协议", "广深商贸合作协议"]
    for _label, start in aliases:
        assert text[start : start + 2] == "协议"


@pytest.mark.parametrize(
    "text, labels",
    [
        # a plan adopted by one body: neither it nor its short form is an agreement
        (
            "近日，东盟秘书处通过新版《数字经济行动计划》（简称《计划》）。该《计划》提出五项任务。",
            [],
        ),
        # a plan two governments sign is one, and so is its short form
        (
            "两国政府签署《中老农业合作行动计划》（简称《计划》）。该《计划》提出五项任务。",
            ["中老农业合作行动计划", "中老农业合作行动计划"],
        ),
    ],
)
def test_agreements_short_form_of_a_plan_only_where_the_plan_is_signed(text, labels):
    ex = _read(text)[0]
    assert [m.entity.label for m in ex.mentions if m.entity.cls == "Agreement"] == labels


@pytest.mark.parametrize(
    "text, title, parties",
    [
        (
            "6月2日，武汉市科技局与长沙市科技局签署《长江中游科技合作协议》。",
            "长江中游科技合作协议",
            {"武汉市科学技术局", "长沙市科学技术局"},
        ),
        (
            "6月2日，南昌市商务局、合肥市商务局和长沙市商务局共同签署《中部商务合作协议》。",
            "中部商务合作协议",
            {"南昌市商务局", "合肥市商务局", "长沙市商务局"},
        ),
        (
            "6月2日，北京、天津、河北人社部门共同签署《京津冀人才合作协议》。",
            "京津冀人才合作协议",
            {
                "北京市人力资源和社会保障局",
                "天津市人力资源和社会保障局",
                "河北省人力资源和社会保障厅",
            },
        ),
        (
            "6月2日，《西部(重庆)科学城管理委员 西部(成都)科学城管理委员共同推进合作协议》正式签订。",
            "西部(重庆)科学城管理委员 西部(成都)科学城管理委员共同推进合作协议",
            {"西部(重庆)科学城管理委员会", "西部(成都)科学城管理委员会"},
        ),
        (
            "西安市科技局和兰州市科技局负责人出席。6月2日，双方签署《西兰科技合作协议》。",
            "西兰科技合作协议",
            {"西安市科学技术局", "兰州市科学技术局"},
        ),
        (
            "6月2日开幕式上，郑州市发改委与洛阳市发改委签署了《郑洛协同发展协议》。",
            "郑洛协同发展协议",
            {"郑州市发展和改革委员会", "洛阳市发展和改革委员会"},
        ),
        # a state's agency abroad among the signers, with what they sign about told first
        (
            "其中，苏州工业园区管委会与韩国产业技术振兴机构、韩中经济协会就加强技术合作，"
            "建立定期交流机制，签订合作备忘录。",
            "苏州工业园区管理委员会、韩国产业技术振兴机构与韩中经济协会合作备忘录",
            {"苏州工业园区管理委员会", "韩国产业技术振兴机构", "韩中经济协会"},
        ),
        # the subject of 在…期间, several clauses before the verb, signs
        (
            "中国有色金属工业协会在年会期间，围绕铝产业绿色转型，经过多轮磋商，"
            "与百色市人民政府签署《铝产业绿色发展合作协议》。",
            "铝产业绿色发展合作协议",
            {"中国有色金属工业协会", "百色市人民政府"},
        ),
        # a title that begins with a place whose name begins with 本 (not 本协议)
        (
            "辽宁省商务厅与本溪市人民政府签署《本溪全域旅游合作协议》。",
            "本溪全域旅游合作协议",
            {"辽宁省商务厅", "本溪市人民政府"},
        ),
        # a joint service agreement between two public bodies is no service contract
        (
            "厦门海关与国家税务总局厦门市税务局签订《跨境电商通关与退税联合服务协议》。",
            "跨境电商通关与退税联合服务协议",
            {"厦门海关", "国家税务总局厦门市税务局"},
        ),
    ],
)
def test_agreements_parties(text, title, parties):
    assert _read(text)[2][title] == parties


@pytest.mark.parametrize(
    "text, published, expected",
    [
        # no year: the publication date's year
        (
            "3月5日，甲市科技局与乙市科技局签署《甲乙合作协议》。",
            datetime.date(2023, 3, 6),
            ("2023-03-05", "published"),
        ),
        # 当天 after a clause of another time (此前, 累计…之后) is the day told before
        (
            "9月3日，2025兰州投资贸易洽谈会开幕。甘肃省陶瓷协会在累计走访企业200余家之后，"
            "当天与淄博市陶瓷行业协会签署《陶瓷产业协作协议》。",
            datetime.date(2025, 9, 4),
            ("2025-09-03", "published"),
        ),
        (
            "宁夏葡萄酒协会在9月3日开幕的博览会期间，在此前多次考察的基础上，"
            "当天与烟台市葡萄酒协会签署《葡萄酒产业协作协议》。",
            datetime.date(2025, 9, 4),
            ("2025-09-03", "published"),
        ),
        # 已于当天 is the day of the act told, not of the signing
        (
            "智利外交部10日宣布，智利已于当天决定退出与秘鲁签署的《渔业合作协定》。",
            datetime.date(2025, 3, 11),
            None,
        ),
        # a December signing told in a January article is last year's
        (
            "12月28日，甲市科技局与乙市科技局签署《甲乙合作协议》。",
            datetime.date(2024, 1, 3),
            ("2023-12-28", "published"),
        ),
        # no publication date: the year the text speaks in (not a target year)
        (
            "2021年两地合作成效明显。17日，郑州市科技局与开封市科技局签署《郑开协议》，"
            "计划到2025年建成平台。",
            None,
            None,
        ),
        (
            "2022年9月6日，长沙市交通运输局与株洲市交通运输局签署《长株协议》。",
            None,
            ("2022-09-06", "explicit"),
        ),
    ],
)
def test_agreements_signing_dates(text, published, expected):
    dates = _read(text, published)[3]
    assert list(dates.values()) == ([expected] if expected else [])


def test_agreements_day_takes_the_month_of_the_lead_date():
    text = (
        "12月17日，两地相关部门签署了5个合作协议。\n\n"
        "2021年，两地合作提速。17日，重庆市科技局和成都市科技局签订《科技创新合作协议》。"
    )
    assert _read(text)[3] == {"科技创新合作协议": ("2021-12-17", "text")}


def test_agreements_same_day_takes_the_date_told_before():
    text = (
        "11月8日，重庆市经信委与四川省经信厅签署《川渝电子信息产业合作协议》。"
        "同日，重庆市商务委与四川省商务厅还签署了《川渝商贸流通合作协议》。"
    )
    dates = _read(text, datetime.date(2022, 11, 9))[3]
    assert dates["川渝商贸流通合作协议"] == ("2022-11-08", "published")


@pytest.mark.parametrize(
    "text, title, expected",
    [
        # witnesses named in 在…见证下 do not sign
        (
            "在浙江省人民政府见证下，杭州市商务局与衢州市商务局签署《杭衢商务合作协议》。",
            "杭衢商务合作协议",
            {"杭州市商务局", "衢州市商务局"},
        ),
        # the parties after the title: 《T》由A与B共同签署
        (
            "这份《沪苏数据共享合作协议》由上海市经济和信息化委员会与江苏省工业和信息化厅共同签署。",
            "沪苏数据共享合作协议",
            {"上海市经济和信息化委员会", "江苏省工业和信息化厅"},
        ),
        # each party written with its representative: A负责人与B负责人签署
        (
            "福州市科技局负责人与莆田市科技局负责人签署《福莆科技合作协议》。",
            "福莆科技合作协议",
            {"福州市科学技术局", "莆田市科学技术局"},
        ),
        # A、B、C三方签署
        (
            "安徽省科技厅、江西省科技厅、河南省科技厅三方签署《中部科技协作协议》。",
            "中部科技协作协议",
            {"安徽省科学技术厅", "江西省科学技术厅", "河南省科学技术厅"},
        ),
        # the signers listed after a signing told without them
        (
            "会上，《氢能产业创新联合体协议》正式签署，签约单位包括鄂尔多斯市人民政府、"
            "中国石油化工集团有限公司和内蒙古大学。",
            "氢能产业创新联合体协议",
            {"鄂尔多斯市人民政府", "中国石油化工集团有限公司", "内蒙古大学"},
        ),
        # 共同见证: the leaders witness; 同 of 共同 writes no counterpart, so the title's states sign
        (
            "会谈结束后，两国领导人共同见证签署《中蒙矿产合作规划》。",
            "中蒙矿产合作规划",
            {"中国政府", "蒙古政府"},
        ),
        # a province of another state signs by its government
        (
            "内蒙古自治区与蒙古国东戈壁省签署《口岸合作协议》。",
            "口岸合作协议",
            {"内蒙古自治区人民政府", "蒙古东戈壁省政府"},
        ),
        # a city counted among 三方 signs by its government
        (
            "当天，赣州市、中国稀土集团有限公司和江西理工大学三方签署了《稀土产业合作协议》。",
            "稀土产业合作协议",
            {"赣州市人民政府", "中国稀土集团有限公司", "江西理工大学"},
        ),
    ],
)
def test_agreements_parties_of_the_signing_clause(text, title, expected):
    assert _read(text)[2][title] == expected


@pytest.mark.parametrize(
    "text, title, expected",
    [
        # 双方还签署: the parties of the agreement signed just before
        (
            "南昌市人民政府与九江市人民政府签署《昌九合作协议》。同日，双方还签署了《昌九交通合作备忘录》。",
            "昌九交通合作备忘录",
            {"南昌市人民政府", "九江市人民政府"},
        ),
        # the bodies named in the sentence before, even when they only attended there
        (
            "兰州市人民政府与西宁市人民政府有关负责人出席仪式。两市随后签署《兰西协同发展协议》。",
            "兰西协同发展协议",
            {"兰州市人民政府", "西宁市人民政府"},
        ),
        # 两地: the province and the city named in its paragraph
        (
            "赣州市与广东省的对口协作已有多年。\n\n上月，两地在广州签署《赣粤协作框架协议》。",
            "赣粤协作框架协议",
            set(),
        ),
        (
            "赣州市与广东省的对口协作已有多年。上月，两地在广州签署《赣粤协作框架协议》。",
            "赣粤协作框架协议",
            {"赣州市人民政府", "广东省人民政府"},
        ),
        # 三地的…: where the signers are from, not who they are
        (
            "南昌、九江、赣州的三个产业园区负责人出席。来自三地的产业园区签署《园区合作协议》。",
            "园区合作协议",
            set(),
        ),
        # 两市: a city at home and a city abroad, each by its government
        (
            "昆明市与缅甸曼德勒市是友好城市。去年，两市签署《文化交流合作备忘录》。",
            "文化交流合作备忘录",
            {"昆明市人民政府", "缅甸曼德勒市政府"},
        ),
        # 两家企业: the companies named before
        (
            "江西铜业股份有限公司与赣州稀土集团有限公司负责人出席仪式。两家企业随后签署《资源合作协议》。",
            "资源合作协议",
            {"江西铜业股份有限公司", "赣州稀土集团有限公司"},
        ),
        # 两校: the universities named before, not the body that witnessed
        (
            "南昌大学与老挝国立大学签约。在江西省教育厅见证下，两校代表签署《联合办学协议》。",
            "联合办学协议",
            {"南昌大学", "老挝国立大学"},
        ),
        # 两市 two paragraphs after companies signed: the cities named before it
        (
            "江西铜业股份有限公司与赣州稀土集团有限公司签署《资源合作协议》。\n\n论坛期间签约项目十个。\n\n"
            "上月，九江市代表团赴宜春市考察。其间，两市签署《九宜合作协议》。",
            "九宜合作协议",
            {"九江市人民政府", "宜春市人民政府"},
        ),
    ],
)
def test_agreements_parties_of_collective_words(text, title, expected):
    assert _read(text)[2].get(title, set()) == expected


def test_agreements_collective_with_a_sector_is_not_the_parties_before():
    # 两市发展改革委 are other bodies than the governments that signed before
    text = (
        "南昌市人民政府与九江市人民政府签署《昌九合作协议》。"
        "同日，两市发展改革委还签署了《昌九产业合作备忘录》。"
    )
    assert "昌九产业合作备忘录" not in _read(text)[2]


def test_agreements_collective_with_a_sector_is_the_sectors_bodies_named_before():
    text = (
        "江西省商务厅与福建省商务厅5日在南昌举行联席会议。"
        "两省商务厅在会上签署《赣闽经贸合作协议》。"
    )
    assert _read(text)[2]["赣闽经贸合作协议"] == {"江西省商务厅", "福建省商务厅"}


@pytest.mark.parametrize(
    "text",
    [
        # a figure stated for a plan named after the agreement is the plan's, not the agreement's
        "两市签署《宁镇产业合作协议》。根据《宁镇都市圈发展规划》，到2025年引进企业100家。",
        "两市签署《宁镇产业合作协议》。会议还印发《重点项目清单》，计划到2026年完成投资500亿元。",
    ],
)
def test_agreements_targets_of_plans_are_not_agreement_targets(text):
    ex = _read(text)[0]
    assert [r for r in ex.relations if r.predicate == "hasTarget"] == []


def test_agreements_same_title_signed_twice_keeps_one_date():
    # two pairs of cities sign agreements of one generic title: one signing date (the first)
    text = (
        "5月8日，洛阳市商务局与开封市商务局签署《深化开放合作协议》。\n\n"
        "6月9日，郑州市商务局与新乡市商务局签署《深化开放合作协议》。"
    )
    ex = _read(text, datetime.date(2023, 6, 10))[0]
    dates = [r.object.date for r in ex.relations if r.predicate == "signedOn"]
    assert dates == [datetime.date(2023, 5, 8)]


def test_agreements_a_title_before_signing_parties_as_a_noun_is_no_signing():
    text = "上月，泰国政府在曼谷承办了湄公河流域禁毒合作谅解备忘录签约方高官会议。"
    assert _read(text)[1] == []


@pytest.mark.parametrize(
    "text, expected",
    [
        # 分别与B、C签署 a generic title: one agreement with each, named by its parties
        (
            "3日，江西省人民政府在南昌分别与中国建材集团有限公司、中国中化控股有限责任公司"
            "签署战略合作协议。",
            {
                "江西省人民政府与中国建材集团有限公司战略合作协议": {
                    "江西省人民政府",
                    "中国建材集团有限公司",
                },
                "江西省人民政府与中国中化控股有限责任公司战略合作协议": {
                    "江西省人民政府",
                    "中国中化控股有限责任公司",
                },
            },
        ),
        # as many written before 分别 as after it: respectively, the first with the first
        (
            "南昌市人民政府和九江市人民政府分别与赣州市人民政府、吉安市人民政府签署合作协议。",
            {
                "南昌市人民政府与赣州市人民政府合作协议": {"南昌市人民政府", "赣州市人民政府"},
                "九江市人民政府与吉安市人民政府合作协议": {"九江市人民政府", "吉安市人民政府"},
            },
        ),
        # two written before 分别 and one after: each of them with it
        (
            "会上，常宁市人民政府、耒阳市人民政府分别与湖南建工集团有限公司签署合作协议。",
            {
                "常宁市人民政府与湖南建工集团有限公司合作协议": {
                    "常宁市人民政府",
                    "湖南建工集团有限公司",
                },
                "耒阳市人民政府与湖南建工集团有限公司合作协议": {
                    "耒阳市人民政府",
                    "湖南建工集团有限公司",
                },
            },
        ),
        # unequal lists: who signed with whom is not told
        (
            "南昌市人民政府和九江市人民政府分别与赣州市、吉安市、抚州市人民政府签署合作协议。",
            {},
        ),
    ],
)
def test_agreements_one_with_each_counterpart(text, expected):
    assert _read(text)[2] == expected


def test_agreements_the_body_a_treaty_sets_up_is_no_party():
    text = "中方代表在北京签署《金砖国家新开发银行协定》。"
    assert _read(text)[2].get("金砖国家新开发银行协定", set()) == set()


@pytest.mark.parametrize(
    "text, expected",
    [
        # how long a generic text runs names none of it: labelled from its signers
        (
            "中国和智利两国元首签署今后三年共同行动计划。",
            ["中国政府与智利政府今后三年共同行动计划"],
        ),
        # two unmarked titles one verb signs, joined by 和 or 、
        (
            "三方签署赣江航道整治合作协议和港口数据共享合作协议。",
            ["港口数据共享合作协议", "赣江航道整治合作协议"],
        ),
        (
            "两厅签订跨省冷链物流合作协议、农产品质量追溯备忘录。",
            ["农产品质量追溯备忘录", "跨省冷链物流合作协议"],
        ),
        # a title before a passive signing (由A与B签署)
        (
            "渝东南旅游联票发行合作协议当天由重庆市文化和旅游发展委员会与黔江区人民政府共同签署。",
            ["渝东南旅游联票发行合作协议"],
        ),
        # signed texts exchanged (交换了…协议文本), and 签了 before an unmarked title
        ("两市政府交换了友好城市交流合作协议文本。", ["友好城市交流合作协议"]),
        (
            "柳州市人民政府同广西汽车集团有限公司签了新能源整车配套合作协议。",
            ["新能源整车配套合作协议"],
        ),
        # a signing told as a noun (…备忘录的签署): a title of its own words, not two states'
        # abbreviations
        (
            "滇黔桂三省区石漠化综合治理合作备忘录的签署，标志着合作进入新阶段。",
            ["滇黔桂三省区石漠化综合治理合作备忘录"],
        ),
        ("俄乌协议的签署缓和了局势。", []),
        # a cut before 协同 would leave a fragment
        (
            "武陵山区生态旅游协同发展合作备忘录在铜仁签署。",
            ["武陵山区生态旅游协同发展合作备忘录"],
        ),
    ],
)
def test_agreements_unmarked_titles_joined_passive_and_exchanged(text, expected):
    assert _read(text)[1] == expected


@pytest.mark.parametrize(
    "text, title, parties",
    [
        (
            "南宁市人民政府与玉林市人民政府交换了南玉同城化合作协议文本。",
            "南玉同城化合作协议",
            {"南宁市人民政府", "玉林市人民政府"},
        ),
        (
            "渝东南旅游联票发行合作协议当天由重庆市文化和旅游发展委员会与黔江区人民政府共同签署。",
            "渝东南旅游联票发行合作协议",
            {"重庆市文化和旅游发展委员会", "重庆市黔江区人民政府"},
        ),
        # 分别与B、C签署 two joined unmarked titles: one counterpart each, in their order
        (
            "鞍钢集团有限公司分别与辽宁科技大学、大连理工大学签署钢铁新材料研发合作协议和"
            "冶金人才联合培养协议。",
            "冶金人才联合培养协议",
            {"鞍钢集团有限公司", "大连理工大学"},
        ),
        # A和B分别与C、D签署《X》和《Y》: the signers in the title's place on both sides
        (
            "长春市南关区永吉街道办事处和桃源街道办事处分别与吉林大学第一医院、长春市中心医院"
            "签署《社区慢病管理合作协议》和《家庭医生服务共建协议》。",
            "家庭医生服务共建协议",
            {"长春市南关区桃源街道办事处", "长春市中心医院"},
        ),
    ],
)
def test_agreements_parties_of_joined_passive_and_exchanged_titles(text, title, parties):
    assert _read(text)[2][title] == parties


@pytest.mark.parametrize(
    "text, title, parties",
    [
        # a title written with its parties before the verb, generic or with its own 关于…的
        (
            "5日，襄阳市人民政府与东风汽车集团有限公司战略合作框架协议签约仪式在襄阳举行。",
            "襄阳市人民政府与东风汽车集团有限公司战略合作框架协议",
            {"襄阳市人民政府", "东风汽车集团有限公司"},
        ),
        (
            "5日，九江市人民政府与南昌大学关于共建长江生态环境研究院的合作协议在南昌签署。",
            "九江市人民政府与南昌大学关于共建长江生态环境研究院的合作协议",
            {"九江市人民政府", "南昌大学"},
        ),
        # the signers in a clause of their own after the verb
        (
            "会上，茶叶出口基地建设合作协议正式签约，由普洱市商务局与云南农业大学签署。",
            "茶叶出口基地建设合作协议",
            {"普洱市商务局", "云南农业大学"},
        ),
        (
            "当天，赣江航运安全协作备忘录也正式签署，签约单位包括南昌市交通运输局和南昌市应急管理局。",
            "赣江航运安全协作备忘录",
            {"南昌市交通运输局", "南昌市应急管理局"},
        ),
        (
            "同日，滇池流域水生态补偿协议也完成续签，该协议由昆明市人民政府与玉溪市人民政府签署。",
            "滇池流域水生态补偿协议",
            {"昆明市人民政府", "玉溪市人民政府"},
        ),
        # the signers in the next sentence, the title named again after their verb
        (
            "当天，洞庭湖文旅融合发展合作协议签约仪式在岳阳举行。在湖南省文化和旅游厅见证下，"
            "岳阳市人民政府与湖南省文化旅游投资集团有限公司签署该协议。",
            "洞庭湖文旅融合发展合作协议",
            {"岳阳市人民政府", "湖南省文化旅游投资集团有限公司"},
        ),
        # titles joined before their signers, one pair each in the titles' order
        (
            "推进会上，《果品冷链物流合作协议》《果品品牌推广合作协议》两份协议现场签约，"
            "分别由延安市商务局与延安市宝塔区人民政府、延安大学与陕西省农业农村厅签署。",
            "果品品牌推广合作协议",
            {"延安大学", "陕西省农业农村厅"},
        ),
        (
            "签约仪式上，《钒电池人才联合培养协议》《钒钛检测平台共建协议》两份协议一并签署。"
            "前者由攀枝花学院与攀枝花市经济和信息化局签署，后者由西南科技大学和四川省市场监督管理局签署。",
            "钒钛检测平台共建协议",
            {"西南科技大学", "四川省市场监督管理局"},
        ),
        # 该局 before 分别与B、C and joined titles: the bureau named before, with each of them
        (
            "本报讯 5日，福建省数据管理局与福州市人民政府签署《公共数据开放合作协议》。"
            "同日，该局还分别与福州大学、厦门大学签署《数据安全联合研究协议》和《数据人才培养协议》。",
            "数据人才培养协议",
            {"福建省数据管理局", "厦门大学"},
        ),
        # 该局 far after the bureau the article is about
        (
            "本报讯 5日，生态环境部珠江流域南海海域生态环境监督管理局与广东省生态环境厅签署"
            "《珠江口水生态环境保护协作协议》。根据协议，双方将共建水生态监测站网，在珠江口布设"
            "自动监测站点，实现重点支流和近岸海域监测全覆盖，并联合开展入海排污口排查整治。"
            "签约仪式上，广东、广西、海南三省区生态环境部门共同签署《近岸海域突发环境事件联防"
            "联控协议》，明确建立信息通报、联合采样和应急物资共享机制。今年以来，三省区已在交界"
            "海域联合开展应急演练两次。同日，该局还与水利部珠江水利委员会签订《珠江流域水资源信息"
            "共享协议》。",
            "珠江流域水资源信息共享协议",
            {"生态环境部珠江流域南海海域生态环境监督管理局", "水利部珠江水利委员会"},
        ),
    ],
)
def test_agreements_titles_before_the_verb_and_signers_after_it(text, title, parties):
    assert _read(text, datetime.date(2025, 6, 5))[2][title] == parties


@pytest.mark.parametrize(
    "text, expected",
    [
        # the signings of an event told before, listed after it
        (
            "本报讯 12日，南宁市招商推介会举行，现场签约项目18个。\n签约项目中，南宁市商务局与"
            "广西大学签署《跨境电商人才培养协议》。",
            ["2025-06-12"],
        ),
        (
            "本报讯 12日，南宁市招商推介会举行，现场签约项目18个。\n合作协议主要有：南宁市商务局"
            "与广西大学签署《跨境电商人才培养协议》；南宁市科学技术局与桂林电子科技大学签署"
            "《智能制造联合攻关协议》。",
            ["2025-06-12", "2025-06-12"],
        ),
        (
            "本报讯 12日，南宁市招商推介会举行。\n签约环节，南宁市商务局与广西大学签署"
            "《跨境电商人才培养协议》。",
            ["2025-06-12"],
        ),
        # a signing at one of the event's venues (分会场), signed in step with it (同步签署), or
        # signed with it (同时签署的)
        (
            "本报讯 12日，南宁市招商活动以视频连线形式举行。\n在北京分会场，南宁市人民政府与"
            "中国电子信息产业集团有限公司签署《数字经济合作协议》。",
            ["2025-06-12"],
        ),
        (
            "本报讯 12日，南宁市招商活动以视频连线形式举行。\n《新能源汽车零部件项目投资协议》"
            "在上海同步签署，签约双方分别为南宁市人民政府和上海汽车集团股份有限公司。",
            ["2025-06-12"],
        ),
        (
            "本报讯 12日，南宁市与钦州市召开同城化推进会。\n同时签署的《南钦产业协作协议》，"
            "签约方包括南宁市人民政府和钦州市人民政府。",
            ["2025-06-12"],
        ),
        # 同时 in a report's narrative ties no signing to the day told before
        (
            "本报讯 12日，南宁市召开生态保护大会。\n同时，南宁市积极探索跨区域执法新路子，与"
            "崇左市签订《联防联治协作备忘录》。",
            [],
        ),
    ],
)
def test_agreements_signings_listed_after_an_event_take_its_day(text, expected):
    dates = _read(text, datetime.date(2025, 6, 13))[3]
    assert [day for day, _source in dates.values()] == expected


@pytest.mark.parametrize(
    "text, title, parties",
    [
        # a signing referred to by 以来: its signers are not those of the signing before it
        (
            "2020年，湖北省人民政府与商务部签署《中部开放合作协议》。自《湖北省与意大利伦巴第大区"
            "友好关系协议书》签署以来，两地往来日益密切。",
            "湖北省与意大利伦巴第大区友好关系协议书",
            None,
        ),
        # a project's yearly output in its investment agreement's title is no amount traded
        (
            "会上，铜陵经济技术开发区管理委员会与安徽铜冠铜箔集团股份有限公司签署"
            "《年产3万吨电子铜箔项目投资协议》。",
            "年产3万吨电子铜箔项目投资协议",
            {"铜陵经济技术开发区管理委员会", "安徽铜冠铜箔集团股份有限公司"},
        ),
    ],
)
def test_agreements_signings_referred_to_and_project_outputs(text, title, parties):
    _ex, agreements, found, _dates = _read(text, datetime.date(2025, 6, 5))
    assert title in agreements
    assert found.get(title) == parties


@pytest.mark.parametrize(
    "text, title, expected",
    [
        # a pair of places holds a signing event, then 结对双方 / 双方 sign
        (
            "当天，苏州市吴江区与阿图什市举行结对签约仪式，结对双方签署《吴江—阿图什对口支援协议》。",
            "吴江—阿图什对口支援协议",
            {"苏州市吴江区人民政府", "阿图什市人民政府"},
        ),
        (
            "会上，天津市和平区与承德市滦平县举行结对签约，双方签署《和平—滦平协作框架协议》。",
            "和平—滦平协作框架协议",
            {"天津市和平区人民政府", "滦平县人民政府"},
        ),
        # the pair written in the clause of 结对双方 itself
        (
            "大连市与六盘水市结对双方在会上续签《连水对口协作协议》。",
            "连水对口协作协议",
            {"大连市人民政府", "六盘水市人民政府"},
        ),
        (
            "东莞市与韶关市结对双方当天签署战略合作协议。",
            "东莞市人民政府与韶关市人民政府战略合作协议",
            {"东莞市人民政府", "韶关市人民政府"},
        ),
        # pairs in a row, each signing its own generic text
        (
            "无锡市与延安市、常州市与榆林市当天分别签署合作框架协议。",
            "常州市人民政府与榆林市人民政府合作框架协议",
            {"常州市人民政府", "榆林市人民政府"},
        ),
        (
            "绍兴市人民政府与吉林市人民政府、嘉兴市人民政府与通化市人民政府分别签署合作框架协议。",
            "绍兴市人民政府与吉林市人民政府合作框架协议",
            {"绍兴市人民政府", "吉林市人民政府"},
        ),
        # 两地 of the cities a delegation's visit names, not the dateline's city or provinces
        (
            "本报福州6月3日讯 福建省厦门市党政代表团赴甘肃省临夏回族自治州考察。"
            "2日，两地签署《厦门市—临夏州东西部协作框架协议》。",
            "厦门市—临夏州东西部协作框架协议",
            {"厦门市人民政府", "临夏回族自治州人民政府"},
        ),
    ],
)
def test_agreements_pairs_of_places_that_sign(text, title, expected):
    assert _read(text, datetime.date(2024, 6, 3))[2].get(title) == expected


@pytest.mark.parametrize(
    "text, title, expected",
    [
        # 三地人社部门 later in the article: the three bodies of that sector named before
        (
            "会上，北京、天津、河北三地医保部门共同签署《京津冀医保协同合作协议》。\n\n"
            "2019年，三地医保部门曾签署《京津冀医保定点互认协议》。",
            "京津冀医保定点互认协议",
            {"北京市医疗保障局", "天津市医疗保障局", "河北省医疗保障局"},
        ),
        # 三省一市: four sides
        (
            "上海市发展和改革委员会、江苏省发展和改革委员会、浙江省发展和改革委员会和安徽省发展和改革"
            "委员会负责同志出席会议。会上，三省一市发展改革委签署《长三角产业链协作协议》。",
            "长三角产业链协作协议",
            {
                "上海市发展和改革委员会",
                "江苏省发展和改革委员会",
                "浙江省发展和改革委员会",
                "安徽省发展和改革委员会",
            },
        ),
    ],
)
def test_agreements_counted_bodies_of_a_sector_named_before(text, title, expected):
    assert _read(text, datetime.date(2024, 6, 3))[2].get(title) == expected
