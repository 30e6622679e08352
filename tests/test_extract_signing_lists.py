"""Who signs when the signers are counted, listed with roles, or named by a word of their
kind (sentences written for these tests; no article text)."""

from __future__ import annotations

import datetime

import pytest

from kg.extract import extract
from kg.records import Document, Entity


def _parties(text: str, title: str, published: str = "2024-06-05") -> set[str]:
    doc = Document(id="lists", text=text, published=datetime.date.fromisoformat(published))
    ex = extract(doc)
    assert title in {m.entity.label for m in ex.mentions if m.entity.cls == "Agreement"}
    return {
        r.object.label
        for r in ex.relations
        if r.subject.label == title and r.predicate == "party" and isinstance(r.object, Entity)
    }


@pytest.mark.parametrize(
    "text, title, parties",
    [
        # a count after the list that is the number of bodies listed: all of them sign one text
        (
            "宁夏回族自治区教育厅、宁夏大学及北方民族大学等三家单位共同签署《高校人才共育协议》。",
            "高校人才共育协议",
            {"宁夏回族自治区教育厅", "宁夏大学", "北方民族大学"},
        ),
        (
            "宁夏回族自治区教育厅、宁夏大学和北方民族大学三家单位签署了战略合作协议。",
            "宁夏回族自治区教育厅、宁夏大学与北方民族大学战略合作协议",
            {"宁夏回族自治区教育厅", "宁夏大学", "北方民族大学"},
        ),
        # the count takes in the body before 与
        (
            "当天，湖南省人民医院与株洲市中心医院、湘潭市中心医院等3家医院共同签署"
            "《长株潭医疗联合体协议》。",
            "长株潭医疗联合体协议",
            {"湖南省人民医院", "株洲市中心医院", "湘潭市中心医院"},
        ),
    ],
)
def test_signing_lists_a_closed_list_signs_together(
    text: str, title: str, parties: set[str]
) -> None:
    assert _parties(text, title) == parties


@pytest.mark.parametrize(
    "text",
    [
        # more bodies counted than named: the others are not named, each signs its own text
        "教育部已与江苏、浙江等12个省份签订《部省合作备忘录》。",
        "宁夏回族自治区教育厅与宁夏大学等五家单位签署了战略合作协议。",
    ],
)
def test_signing_lists_more_counted_than_named_is_a_bundle(text: str) -> None:
    doc = Document(id="lists", text=text, published=datetime.date(2024, 6, 5))
    ex = extract(doc)
    assert not [r for r in ex.relations if r.predicate == "party"]


@pytest.mark.parametrize(
    "text, title, parties",
    [
        # other verbs of signing: 订立, 签了, 草签, an exchange of the signed texts
        (
            "吉林大学与乌兰巴托大学订立《冻土工程联合研究协议》。",
            "冻土工程联合研究协议",
            {"吉林大学", "乌兰巴托大学"},
        ),
        (
            "桂林银行股份有限公司与阳朔县文化广电和旅游局签了《文旅金融合作协议》。",
            "文旅金融合作协议",
            {"桂林银行股份有限公司", "阳朔县文化广电和旅游局"},
        ),
        (
            "福建省商务厅与澳门特区政府经济及科技发展局草签关于扩大闽澳货物贸易的合作协议。",
            "关于扩大闽澳货物贸易的合作协议",
            {"福建省商务厅", "澳门特别行政区政府经济及科技发展局"},
        ),
        (
            "会见后，云南省商务厅与缅甸商务部代表交换了《边境贸易便利化合作备忘录》文本。",
            "边境贸易便利化合作备忘录",
            {"云南省商务厅", "缅甸商务部"},
        ),
        # the part a signer plays in brackets is no part of its name
        (
            "柳州市人民政府（甲方）与广西柳工机械股份有限公司（乙方）签订《智能农机产业园协议》。",
            "智能农机产业园协议",
            {"柳州市人民政府", "广西柳工机械股份有限公司"},
        ),
        # the unit signs, not the parent written before it with 旗下的 / 下属的
        (
            "中国中化控股有限责任公司旗下的中化化肥有限公司与黑龙江省农业农村厅签订《黑土地保护合作协议》。",
            "黑土地保护合作协议",
            {"中化化肥有限公司", "黑龙江省农业农村厅"},
        ),
        # 两院: the two hospitals named before
        (
            "四川大学华西医院与甘孜藏族自治州人民医院结对多年。两院去年签署《远程诊疗帮扶协议》。",
            "远程诊疗帮扶协议",
            {"四川大学华西医院", "甘孜藏族自治州人民医院"},
        ),
    ],
)
def test_signing_lists_other_verbs_roles_parents_and_two_hospitals(
    text: str, title: str, parties: set[str]
) -> None:
    assert _parties(text, title) == parties


def test_signing_lists_places_and_companies_in_pairs_sign_one_title_each() -> None:
    text = (
        "现场签约环节，宜宾市与宁德时代新能源科技股份有限公司、泸州市与泸州老窖股份有限公司现场签约，"
        "分别签署《动力电池产业链协议》《白酒产业园建设协议》。"
    )
    assert _parties(text, "动力电池产业链协议") == {
        "宜宾市人民政府",
        "宁德时代新能源科技股份有限公司",
    }
    assert _parties(text, "白酒产业园建设协议") == {"泸州市人民政府", "泸州老窖股份有限公司"}


def test_signing_lists_the_next_day_is_the_day_after_the_one_told() -> None:
    text = (
        "新华社南宁3月8日电 广西壮族自治区商务厅与越南工贸部8日在南宁举行会谈。"
        "次日，广西大学与河内国家大学签署《东盟语言人才培养协议》。"
    )
    doc = Document(id="lists", text=text, published=datetime.date(2024, 3, 9))
    ex = extract(doc)
    dates = {
        r.object.lexical
        for r in ex.relations
        if r.predicate == "signedOn" and r.subject.label == "东盟语言人才培养协议"
    }
    assert dates == {"2024-03-09"}


@pytest.mark.parametrize(
    "text, title, parties",
    [
        # one text with each counterpart, one of them a place whose name holds 和
        (
            "包头银行股份有限公司分别与呼和浩特市人民政府、鄂尔多斯市人民政府签署战略合作协议。",
            "包头银行股份有限公司与呼和浩特市人民政府战略合作协议",
            {"包头银行股份有限公司", "呼和浩特市人民政府"},
        ),
        # the body where the signing is held is not a signer; 为 ends the clause before a name
        (
            "《碳中和技术合作协议》在兰州大学签署，签约方为兰州大学和中国工商银行股份有限公司甘肃省分行。",
            "碳中和技术合作协议",
            {"兰州大学", "中国工商银行股份有限公司甘肃省分行"},
        ),
        (
            "《碳中和技术合作协议》在兰州签署，签约方为中国工商银行股份有限公司甘肃省分行和兰州大学。",
            "碳中和技术合作协议",
            {"兰州大学", "中国工商银行股份有限公司甘肃省分行"},
        ),
        # a company after 分别与 or after a pronoun that signs
        (
            "云南省建设投资控股集团有限公司分别与中缅油气管道有限公司、云南大学签署《A项目协议》和《B项目协议》。",
            "A项目协议",
            {"云南省建设投资控股集团有限公司", "中缅油气管道有限公司"},
        ),
        # the committee of an industrial park named with its partners and city in brackets
        (
            "中新（天津）产业园管理委员会与新加坡企业发展局签署《招商合作备忘录》。",
            "招商合作备忘录",
            {"中新(天津)产业园管理委员会", "新加坡企业发展局"},
        ),
    ],
)
def test_signing_lists_names_that_hold_joiners_venues_and_parks(
    text: str, title: str, parties: set[str]
) -> None:
    assert _parties(text, title) == parties


@pytest.mark.parametrize(
    "text, title, parties",
    [
        # 会谈后，双方 opening a paragraph: the two who met in the paragraph before
        (
            "本报讯 越南工贸部代表团抵达南宁，与广西壮族自治区能源局举行会谈。双方就电网互联交换意见。\n\n"
            "会谈后，双方签署《跨境电力合作备忘录》。",
            "跨境电力合作备忘录",
            {"越南工贸部", "广西壮族自治区能源局"},
        ),
        # a foreign city's government named in full, then by its own name
        (
            "老挝琅南塔省琅南塔市政府代表团访问西双版纳，与景洪市人民政府举行会谈。"
            "会谈后，景洪市人民政府与琅南塔市政府缔结《景洪市与琅南塔市友好城市关系协议书》。",
            "景洪市与琅南塔市友好城市关系协议书",
            {"景洪市人民政府", "老挝琅南塔省琅南塔市政府"},
        ),
        # a Macao or Hong Kong body written without its government
        (
            "广东省商务厅与澳门贸易投资促进局签署《粤澳会展合作协议》。",
            "粤澳会展合作协议",
            {"广东省商务厅", "澳门贸易投资促进局"},
        ),
    ],
)
def test_signing_lists_meetings_before_and_bodies_named_again(
    text: str, title: str, parties: set[str]
) -> None:
    assert _parties(text, title) == parties


@pytest.mark.parametrize(
    "text",
    [
        "香港正面临回归以来最严峻的局面，香港一定能走出困局。",
        "澳门日益融入国家发展大局。",
    ],
)
def test_signing_lists_a_word_ending_in_a_bureau_s_character_is_no_bureau(text: str) -> None:
    doc = Document(id="lists", text=text, published=datetime.date(2024, 6, 5))
    assert not [m for m in extract(doc).mentions if m.entity.cls == "Agency"]


@pytest.mark.parametrize(
    "text, title, parties",
    [
        # a signer added in a clause after the signing
        (
            "同日，昆明机场集团有限公司与泰国亚洲航空公司签署《航线合作协议》，云南省民航发展集团有限公司也参与签约。",
            "航线合作协议",
            {"昆明机场集团有限公司", "亚洲航空公司", "云南省民航发展集团有限公司"},
        ),
        (
            "会晤后，东兴市人民政府与防城港市商务局签署《口岸联检合作协议》，广西壮族自治区商务厅也在协议上签字。",
            "口岸联检合作协议",
            {"东兴市人民政府", "防城港市商务局", "广西壮族自治区商务厅"},
        ),
        # 该厅 / 该局 / 该所: the department, the bureau, the institute named before
        (
            "据甘肃省农业农村厅有关负责人介绍，该厅已于6月与西北农林科技大学签署《旱作农业科技协议》。",
            "旱作农业科技协议",
            {"甘肃省农业农村厅", "西北农林科技大学"},
        ),
        (
            "中国科学院兰州化学物理研究所成立于1958年。该所与兰州石化公司已签订《润滑材料联合攻关协议》。",
            "润滑材料联合攻关协议",
            {"中国科学院兰州化学物理研究所", "兰州石化公司"},
        ),
        # a brand in letters before the place of a company's name
        (
            "青岛大学与3M中国有限公司签署《医用材料合作协议》。",
            "医用材料合作协议",
            {"青岛大学", "3M中国有限公司"},
        ),
        # a state's ministry named again without its state
        (
            "蒙古国道路运输发展部代表团访问二连浩特。会谈后，道路运输发展部与内蒙古自治区交通运输厅签署《口岸公路合作备忘录》。",
            "口岸公路合作备忘录",
            {"蒙古道路运输发展部", "内蒙古自治区交通运输厅"},
        ),
    ],
)
def test_signing_lists_signers_added_after_and_named_again(
    text: str, title: str, parties: set[str]
) -> None:
    assert _parties(text, title) == parties


def test_signing_lists_a_counterpart_of_another_act_does_not_sign() -> None:
    text = "东方电气集团有限公司今年与四川大学共建研究院，与西南交通大学、电子科技大学签署了战略合作协议。"
    title = "中国东方电气集团有限公司、西南交通大学与电子科技大学战略合作协议"
    assert _parties(text, title) == {"中国东方电气集团有限公司", "西南交通大学", "电子科技大学"}


@pytest.mark.parametrize(
    "text",
    [
        # pairs counted: a bundle of texts, one for each pair
        "截至目前，首批30对结对高校已全部签订了“手拉手”帮扶协议。",
        # a programme launched, not a text signed
        "今年3月，非盟委员会推出了《非洲数字转型协议》，提出一系列目标。",
    ],
)
def test_signing_lists_pairs_counted_and_programmes_launched_are_no_agreement(text: str) -> None:
    doc = Document(id="lists", text=text, published=datetime.date(2024, 6, 5))
    assert not [m for m in extract(doc).mentions if m.entity.cls == "Agreement"]


@pytest.mark.parametrize(
    "text, agreements",
    [
        # the agreement told again by its kind after its title: one agreement
        (
            "中国建设银行与陕西省人民政府签署《乡村振兴金融服务战略合作协议》。"
            "建行是今年首家与陕西省签署战略合作协议的国有大行。",
            {"乡村振兴金融服务战略合作协议"},
        ),
        # another kind of text between the same parties: two
        (
            "中国建设银行与陕西省人民政府签署《乡村振兴金融服务战略合作协议》。"
            "当天，建行与陕西省人民政府还签署了合作备忘录。",
            {"乡村振兴金融服务战略合作协议", "中国建设银行与陕西省人民政府合作备忘录"},
        ),
    ],
)
def test_signing_lists_an_agreement_told_again_by_its_kind_is_one(
    text: str, agreements: set[str]
) -> None:
    doc = Document(id="lists", text=text, published=datetime.date(2024, 6, 5))
    ex = extract(doc)
    assert {m.entity.label for m in ex.mentions if m.entity.cls == "Agreement"} == agreements


@pytest.mark.parametrize(
    "text, title, parties",
    [
        # a university by its first character and 大, named in full before
        (
            "兰州大学今年招收新生九千人。此前，兰大已与定西市安定区人民政府签署《马铃薯育种合作协议》。",
            "马铃薯育种合作协议",
            {"兰州大学", "定西市安定区人民政府"},
        ),
        # a university named after its field, by its first character and the field's, or
        # its place, the field's character and 大
        (
            "华中农业大学今年招收新生。此前，华农已与恩施州人民政府签署《茶产业合作协议》。",
            "茶产业合作协议",
            {"华中农业大学", "恩施土家族苗族自治州人民政府"},
        ),
        (
            "东北林业大学与伊春市合作多年。当天，东北林大与伊春市人民政府签署《森林康养合作协议》。",
            "森林康养合作协议",
            {"东北林业大学", "伊春市人民政府"},
        ),
        # an institute without 研究, or by its place and its field's first characters
        (
            "中国科学院兰州化学物理研究所成立七十年。此前，兰州化物所已与兰州大学签署《润滑材料人才培养协议》。",
            "润滑材料人才培养协议",
            {"中国科学院兰州化学物理研究所", "兰州大学"},
        ),
        (
            "中国科学院武汉病毒研究所发布成果。次日，武汉病毒所与武汉大学签署《疫苗研发合作协议》。",
            "疫苗研发合作协议",
            {"中国科学院武汉病毒研究所", "武汉大学"},
        ),
        # the short form's last character joined by the segmenter to the verb after it
        (
            "中国科学院宁波材料技术与工程研究所在镇海。当天，镇海区人民政府与宁波材料所签了《新材料合作协议》。",
            "新材料合作协议",
            {"中国科学院宁波材料技术与工程研究所", "宁波市镇海区人民政府"},
        ),
        # a company by its name without the legal form, named with it before
        (
            "厦门航空有限公司开通新航线。仪式上，厦门航空与泉州市文化广电和旅游局签署《航线合作协议》。",
            "航线合作协议",
            {"厦门航空有限公司", "泉州市文化广电和旅游局"},
        ),
    ],
)
def test_signing_lists_schools_and_companies_by_their_short_names(
    text: str, title: str, parties: set[str]
) -> None:
    assert _parties(text, title) == parties


def test_signing_lists_a_leader_written_without_the_place_signs_for_the_article_s() -> None:
    text = (
        "新华社西宁6月1日电 青海省代表团访问北京。"
        "在国家电投，省长与国家电投董事长代表双方签署《清洁能源基地合作协议》。"
    )
    assert _parties(text, "清洁能源基地合作协议") == {"青海省人民政府", "国家电力投资集团有限公司"}


def test_signing_lists_that_state_s_ministry_is_the_state_s_written_before() -> None:
    text = (
        "吉尔吉斯斯坦代表团访问喀什。会谈后，该国交通和通信部与新疆维吾尔自治区交通运输厅"
        "签署《国际道路运输合作协议》。"
    )
    assert _parties(text, "国际道路运输合作协议") == {
        "吉尔吉斯斯坦交通和通信部",
        "新疆维吾尔自治区交通运输厅",
    }


@pytest.mark.parametrize(
    "text, title, parties",
    [
        # 于 and the day between the states and the verb
        (
            "中国和蒙古国两国政府已于5月9日在乌兰巴托签署《口岸运输议定书》。",
            "口岸运输议定书",
            {"中国政府", "蒙古政府"},
        ),
        (
            "广西壮族自治区人民政府于去年6月与越南广宁省人民委员会签署《边贸合作备忘录》。",
            "边贸合作备忘录",
            {"广西壮族自治区人民政府", "越南广宁省人民委员会"},
        ),
    ],
)
def test_signing_lists_a_date_after_yu_keeps_the_subject(
    text: str, title: str, parties: set[str]
) -> None:
    assert _parties(text, title) == parties


def test_signing_lists_pairs_with_a_body_abroad_after_its_state() -> None:
    # 与韩国延世大学医疗院: the state before the second body of a pair is not between the pair;
    # 医疗院 ends a hospital's name
    text = (
        "山东大学齐鲁医院与韩国延世大学医疗院、山东大学与韩国成均馆大学分别签署"
        "《中韩临床研究合作备忘录》和《中韩联合培养硕士生协议》。"
    )
    assert _parties(text, "中韩临床研究合作备忘录") == {"山东大学齐鲁医院", "延世大学医疗院"}
    assert _parties(text, "中韩联合培养硕士生协议") == {"山东大学", "成均馆大学"}


@pytest.mark.parametrize(
    "text, title, parties",
    [
        # a list left open (等) or counted beyond those named that signs jointly (共同, 联合):
        # one text, those named among its signers
        (
            "会上，兰州大学、甘肃农业大学等单位共同签署《黄河上游生态保护协议》。",
            "黄河上游生态保护协议",
            {"兰州大学", "甘肃农业大学"},
        ),
        (
            "会上，兰州大学、中国银行甘肃省分行等6家单位联合签署《陇药产业金融协议》。",
            "陇药产业金融协议",
            {"兰州大学", "中国银行甘肃省分行"},
        ),
    ],
)
def test_signing_lists_an_open_list_that_signs_jointly(
    text: str, title: str, parties: set[str]
) -> None:
    assert _parties(text, title) == parties


def test_signing_lists_jointly_with_each_of_a_list_is_still_a_bundle() -> None:
    text = "省教育厅已与兰州大学、西北师范大学等8所高校共同签订《校地合作备忘录》。"
    ex = extract(Document(id="lists", text=text, published=datetime.date(2024, 6, 5)))
    assert not [r for r in ex.relations if r.predicate == "party"]


def test_signing_lists_the_schools_named_above_a_paragraph_before() -> None:
    # 上述两所高校: the two universities named a few sentences back, not the academy of
    # sciences named with them (农业科学院 ends like a school)
    text = (
        "会上还签署了《茶树种质资源合作协议》。该协议由福建省农业科学院牵头，福建农林大学、"
        "武夷学院和武夷山市人民政府共同参与签署。各方将共建种质资源圃。\n\n"
        "会上，上述两所高校还签署了《茶学人才联合培养协议》。"
    )
    assert _parties(text, "茶学人才联合培养协议") == {"福建农林大学", "武夷学院"}


def test_signing_lists_each_with_a_counterpart_no_gazetteer_knows() -> None:
    # A分别与B、C签署《X》和《Y》: C is a company by its short name alone
    text = (
        "延安市人民政府分别与京东集团、快手签署《苹果供应链合作协议》和《农产品直播电商合作协议》。"
    )
    assert _parties(text, "苹果供应链合作协议") == {"延安市人民政府", "京东集团"}
    assert _parties(text, "农产品直播电商合作协议") == {"延安市人民政府", "快手"}


def test_signing_lists_a_company_by_its_short_suffix_exchanges_the_texts() -> None:
    # 与老挝国家电力公司交换了《…》文本: a company named with 公司 alone where the signed texts are
    # exchanged
    text = "广西投资集团有限公司(广投集团)与越南国家电力公司交换了《中越联网输电合作备忘录》文本。"
    assert _parties(text, "中越联网输电合作备忘录") == {"广西投资集团有限公司", "越南国家电力公司"}


@pytest.mark.parametrize(
    "text, title, parties",
    [
        # the places counted with their kind written in full (省区), then their governments
        (
            "青海省、甘肃省、西藏自治区和新疆维吾尔自治区四省区政府共同签署《西部药材种植合作协议》。",
            "西部药材种植合作协议",
            {
                "青海省人民政府",
                "甘肃省人民政府",
                "西藏自治区人民政府",
                "新疆维吾尔自治区人民政府",
            },
        ),
        (
            "宁夏回族自治区、陕西省两省区签署了《黄河滩区生态保护协议》。",
            "黄河滩区生态保护协议",
            {"宁夏回族自治区人民政府", "陕西省人民政府"},
        ),
        # counted in digits, with where they lie
        (
            "陕西、甘肃、宁夏3个西部省区在西安签署了《黄河流域文旅合作协议》。",
            "黄河流域文旅合作协议",
            {"陕西省人民政府", "甘肃省人民政府", "宁夏回族自治区人民政府"},
        ),
        # the states counted and their representatives
        (
            "中国和智利两国政府代表在圣地亚哥签署了《林业科技合作协议》。",
            "林业科技合作协议",
            {"中国政府", "智利政府"},
        ),
        # a Chinese place whose name holds a state's (内蒙古) is that place, not the state
        (
            "吉林省、辽宁省和内蒙古自治区三省区签署《草原防火联防协议》。",
            "草原防火联防协议",
            {"吉林省人民政府", "辽宁省人民政府", "内蒙古自治区人民政府"},
        ),
        (
            "黑龙江省和内蒙古自治区两省签署了《界江旅游合作协议》。",
            "界江旅游合作协议",
            {"黑龙江省人民政府", "内蒙古自治区人民政府"},
        ),
    ],
)
def test_signing_lists_places_counted_sign_by_their_governments(
    text: str, title: str, parties: set[str]
) -> None:
    assert _parties(text, title) == parties
