"""Rules for real wire feeds: foreign bodies, common words, fragments, bundles, unsigned
agreements and signing dates at the precision the text gives (sentences written for these
tests; no article text)."""

from __future__ import annotations

import datetime

import pytest

from kg.extract import extract
from kg.records import DateValue, Document, Entity


def _read(text: str, published: str | None = "2024-05-10"):
    doc = Document(
        id="wire",
        text=text,
        published=datetime.date.fromisoformat(published) if published else None,
    )
    ex = extract(doc)
    entities = {(m.entity.cls, m.entity.label) for m in ex.mentions}
    relations = set()
    for r in ex.relations:
        o = r.object
        if isinstance(o, Entity):
            o = o.label
        elif isinstance(o, DateValue):
            o = o.lexical
        relations.add((r.subject.label, r.predicate, o))
    return entities, relations


@pytest.mark.parametrize(
    "text, agency, country",
    [
        ("巴西农业部与中方签署合作文件。", "巴西农业部", "巴西"),
        ("俄罗斯国防部10日发表声明。", "俄罗斯国防部", "俄罗斯"),
        ("日本经济产业省官员出席。", "日本经济产业省", "日本"),
        ("柬埔寨公共工程与运输部部长出席。", "柬埔寨公共工程与运输部", "柬埔寨"),
        ("老挝政府代表团抵达。", "老挝政府", "老挝"),
        # a general administration (总局) is an organ word of its own
        ("巴西国家石油管理总局发布招标公告。", "巴西国家石油管理总局", "巴西"),
        # a state's official full name, as treaties write it
        ("塞内加尔共和国政府代表团抵达北京。", "塞内加尔政府", "塞内加尔"),
        ("荷兰王国政府发表声明。", "荷兰政府", "荷兰"),
    ],
)
def test_extract_wire_foreign_bodies_keep_their_country(text, agency, country):
    entities, relations = _read(text)
    assert ("Agency", agency) in entities
    assert (agency, "jurisdiction", country) in relations
    # never merged with China's ministry of the same sector
    assert not any(label.startswith("中华人民共和国") for _c, label in entities)


@pytest.mark.parametrize(
    "text",
    [
        "叙利亚、伊拉克、约旦三国农业部长出席会议。",  # ministers, not a ministry
        "两国外交部发表联合声明。",  # the bodies of two countries
        "内蒙古自治区人民政府召开会议。",  # 蒙古 inside a division's name
    ],
)
def test_extract_wire_titles_and_collectives_are_not_chinese_ministries(text):
    entities, _ = _read(text)
    assert not any(
        cls == "Agency" and label.startswith(("中华人民共和国", "蒙古")) for cls, label in entities
    )


@pytest.mark.parametrize(
    "text, label",
    [
        ("会议由中宣部主持。", "中共中央宣传部"),
        ("中央网信办发布通知。", "中央网络安全和信息化委员会办公室"),
        ("国务院台办发言人表示。", "国务院台湾事务办公室"),
        ("国务院新闻办举行发布会。", "国务院新闻办公室"),
        ("甘肃省委召开会议。", "中共甘肃省委员会"),
        ("宁夏回族自治区人大常委会审议通过。", "宁夏回族自治区人民代表大会常务委员会"),
    ],
)
def test_extract_wire_party_and_state_organs(text, label):
    entities, _ = _read(text)
    assert ("Agency", label) in entities


@pytest.mark.parametrize(
    "text, not_place",
    [
        ("甘肃省将深化合作。", "合作市"),
        ("两国巩固睦邻友好。", "友好区"),
        # a common word in brackets after the common noun it stands beside
        ("清查农村集体资产（资源）并确权到户。", "资源县"),
        ("广西共建西部陆海新通道。", "通道侗族自治县"),
        ("天津市民珍视和平。", "和平区"),
        ("河北全省推进雄安新区建设。", "安新县"),
        ("志愿者为320名山区儿童募集冬衣。", "名山区"),  # a classifier after a number
        ("银川平原靠唐徕渠和西夏渠引水灌溉。", "西夏区"),  # a canal named after a dynasty
        ("大兴安岭南麓的林场迎来降雪。", "大兴安岭地区"),  # a mountain's slope
    ],
)
def test_extract_wire_common_words_are_not_places(text, not_place):
    entities, _ = _read(text)
    assert not any(label == not_place for _c, label in entities)


@pytest.mark.parametrize(
    "text, place",
    [
        ("天津、河北两地联合执法。", "河北省"),
        ("天津港与河北港口集团合作。", "河北省"),
        ("西安与青岛两地开展交流。", "西安市"),
    ],
)
def test_extract_wire_short_forms_take_the_well_known_reading(text, place):
    entities, _ = _read(text)
    assert ("City", place) in entities


@pytest.mark.parametrize(
    "text, wrong",
    [
        ("随着渝昆高铁建设推进，沿线城市加快发展。", "随着渝昆高铁"),
        ("水利工程和高速铁路建设加快。", "水利工程"),
        ("水利工程和高速铁路建设加快。", "高速铁路"),
        ("当前开展的集中采购项目进展顺利。", "集中采购项目"),
        ("全省已建成100多家生物质能电厂。", "100多家生物质能电厂"),
    ],
)
def test_extract_wire_fragments_and_generic_nouns_are_not_projects(text, wrong):
    entities, _ = _read(text)
    assert ("Project", wrong) not in entities


def test_extract_wire_named_project_survives_a_leading_preposition():
    entities, _ = _read("随着渝昆高铁建设推进，沿线城市加快发展。")
    assert ("Project", "渝昆高铁") in entities


@pytest.mark.parametrize(
    "text, title, parties",
    [
        # provinces by their abbreviations sign through their governments
        (
            "2016年3月，沪浙签署《共建杭州湾跨海通道合作协议》。",
            "共建杭州湾跨海通道合作协议",
            {"上海市人民政府", "浙江省人民政府"},
        ),
        (
            "湘鄂赣三省昨天签订《长江中游城市群旅游合作协议》。",
            "长江中游城市群旅游合作协议",
            {"湖南省人民政府", "湖北省人民政府", "江西省人民政府"},
        ),
        (
            "粤港两地正式签署《粤港青年创业合作协议》。",
            "粤港青年创业合作协议",
            {"广东省人民政府", "香港特别行政区政府"},
        ),
        # a company's short name signs where the clause makes it one company
        (
            "贵阳市人民政府与招商银行签署《金融服务合作协议》。",
            "金融服务合作协议",
            {"贵阳市人民政府", "招商银行"},
        ),
        (
            "交通运输部与中远海运集团签订了《航运安全战略合作协议》。",
            "航运安全战略合作协议",
            {"中华人民共和国交通运输部", "中国远洋海运集团有限公司"},
        ),
        (
            "上月，青海电力公司与甘肃电力公司正式签订《跨省调峰互济协议》。",
            "跨省调峰互济协议",
            {"青海电力公司", "甘肃电力公司"},
        ),
        # a bank's branch signs; a state leader signs for the government, not his body
        (
            "5月8日，中国农业银行赣州分行与瑞金市人民政府签订《乡村振兴金融合作协议》。",
            "乡村振兴金融合作协议",
            {"中国农业银行赣州分行", "瑞金市人民政府"},
        ),
        (
            "俄罗斯总统与国务院总理共同签署《中俄能源合作议定书》。",
            "中俄能源合作议定书",
            {"中国政府", "俄罗斯政府"},
        ),
        # a treaty named in passing binds the states of its title; a title names its parties
        (
            "根据《中蒙边界管理制度条约》，两国边防部门定期会晤。",
            "中蒙边界管理制度条约",
            {"中国政府", "蒙古政府"},
        ),
        (
            "《中华人民共和国与东盟全面经济合作框架协议》实施以来，双边贸易增长迅速。",
            "中华人民共和国与东盟全面经济合作框架协议",
            {"中国政府"},
        ),
        (
            "按照《四川美术学院与西南大学对口帮扶协议》，两校互派教师。",
            "四川美术学院与西南大学对口帮扶协议",
            {"四川美术学院", "西南大学"},
        ),
        (
            "次年3月，中柬双方在金边签署《吴哥古迹修复合作协议》。",
            "吴哥古迹修复合作协议",
            {"中国政府", "柬埔寨政府"},
        ),
        # the other side of a signing, named by a short name the gazetteers do not know
        (
            "12日，贵阳市人民政府与京东在贵阳签署《数字物流合作协议》。",
            "数字物流合作协议",
            {"贵阳市人民政府", "京东"},
        ),
        (
            "此外，比亚迪与重庆大学日前签署《动力电池联合研发协议》。",
            "动力电池联合研发协议",
            {"比亚迪", "重庆大学"},
        ),
        (
            "那年夏天，马其顿同希腊两国政府在湖畔签署《普雷斯帕协议》。",  # a count of the states
            "普雷斯帕协议",
            {"北马其顿政府", "希腊政府"},
        ),
        (
            "去年3月，秘鲁与厄瓜多尔两国正式签署《边境水资源合作协定》。",
            "边境水资源合作协定",
            {"秘鲁政府", "厄瓜多尔政府"},
        ),
        (
            "智利与中国交往密切。当年两国签署《贸易协定升级议定书》。",  # 两国 named before
            "贸易协定升级议定书",
            {"中国政府", "智利政府"},
        ),
        (
            "湖南省与江西省领导出席会议。会上，两省签署了《深化区域合作框架协议》。",
            "深化区域合作框架协议",
            {"湖南省人民政府", "江西省人民政府"},
        ),
        (
            "南宁市和柳州市代表参加活动，两市签订《人才交流合作协议》。",
            "人才交流合作协议",
            {"南宁市人民政府", "柳州市人民政府"},
        ),
        (
            "当天，国家发改委同粤港澳三地政府在深圳共同签署《湾区合作框架协议》。",  # a ministry and
            "湾区合作框架协议",  # provinces by their abbreviations
            {
                "中华人民共和国国家发展和改革委员会",
                "广东省人民政府",
                "香港特别行政区政府",
                "澳门特别行政区政府",
            },
        ),
        (
            "美国、日本与韩国举行会谈。两国签署《渔业协定》。",  # three named: which two?
            "渔业协定",
            set(),
        ),
        (
            "中国和老挝是邻国。两党领导人签署《两党合作行动计划》，其中指出两国关系。",  # after
            "两党合作行动计划",
            set(),
        ),
    ],
)
def test_extract_wire_abbreviated_provinces_and_short_company_names_sign(text, title, parties):
    _entities, relations = _read(text)
    assert {o for s, p, o in relations if s == title and p == "party"} == parties


@pytest.mark.parametrize(
    "text, title, parties",
    [
        # two hospitals joined by 同, the second beginning with a place (同江 is a city too)
        (
            "南昌市第一医院同江西中医药大学附属医院签订《中医诊疗协作协议》。",
            "中医诊疗协作协议",
            {"南昌市第一医院", "江西中医药大学附属医院"},
        ),
        # a central enterprise's subsidiary: its brand before the place
        (
            "中铁贵阳建设有限公司与遵义市人民政府签署《城市更新合作协议》。",
            "城市更新合作协议",
            {"中铁贵阳建设有限公司", "遵义市人民政府"},
        ),
        # a day between the first party and the joiner
        (
            "保定市人民政府今天与长城汽车股份有限公司签署《汽车产业合作协议》。",
            "汽车产业合作协议",
            {"保定市人民政府", "长城汽车股份有限公司"},
        ),
        # a foreign region's government (大区)
        (
            "浙江省人民政府同意大利伦巴第大区政府签署《友好合作协议》。",
            "友好合作协议",
            {"浙江省人民政府", "意大利伦巴第大区政府"},
        ),
        # 该协议由…签署: the agreement named in the sentence before
        (
            "同日签约的还有《智慧港口共建协议》。该协议由天津市港航管理局和天津港集团有限公司共同签署。",
            "智慧港口共建协议",
            {"天津市港航管理局", "天津港集团有限公司"},
        ),
        # the national broadcaster by its short name, after its full name
        (
            "中央广播电视总台与湖北省人民政府举行会谈。签约仪式上，总台与湖北广播电视台签订了《纪录片联合制作协议》。",
            "纪录片联合制作协议",
            {"中央广播电视总台", "湖北广播电视台"},
        ),
        # a bank's branch with the day before the other party; a grid company by its brand
        (
            "国家开发银行云南省分行当天同省发展改革委签订《绿色金融合作协议》。",
            "绿色金融合作协议",
            {"国家开发银行云南省分行", "云南省发展和改革委员会"},
        ),
        (
            "国网甘肃省电力有限公司与兰州市人民政府签订了《配电网建设合作协议》。",
            "配电网建设合作协议",
            {"国网甘肃省电力有限公司", "兰州市人民政府"},
        ),
        (
            "宁夏回族自治区红十字会与宁夏医科大学签署《应急救护培训协议》。",
            "应急救护培训协议",
            {"宁夏回族自治区红十字会", "宁夏医科大学"},
        ),
        # a bank's branch right after the bank, one name; 又 before the other party
        (
            "同日，中国农业发展银行贵州省分行与遵义市人民政府签署《乡村振兴金融合作协议》。",
            "乡村振兴金融合作协议",
            {"中国农业发展银行贵州省分行", "遵义市人民政府"},
        ),
        (
            "近日，农行贵州省分行又与六盘水市人民政府签订《产业金融合作备忘录》。",
            "产业金融合作备忘录",
            {"中国农业银行贵州省分行", "六盘水市人民政府"},
        ),
        # a newspaper's office; a subsidiary told as such; a brand after 所属
        (
            "贵州日报社与黔南州人民政府签署《融媒体合作协议》。",
            "融媒体合作协议",
            {"贵州日报社", "黔南布依族苗族自治州人民政府"},
        ),
        (
            "该集团通过全资子公司海川精密制造有限公司与湖南大学签署《联合研发协议》。",
            "联合研发协议",
            {"海川精密制造有限公司", "湖南大学"},
        ),
        (
            "大连市人民政府与中国中车所属中车大连机车车辆有限公司签署《检修基地合作协议》。",
            "检修基地合作协议",
            {"大连市人民政府", "中车大连机车车辆有限公司"},
        ),
        # the abbreviation of a company named in full before, and the clauses it is the
        # subject of
        (
            "昨日，中国能源建设集团湖南省电力设计院有限公司在株洲集中签约。签约仪式上，"
            "中能建湖南院与株洲市人民政府签署《新型储能合作协议》，还与湖南工业大学签署了《人才培养协议》。",
            "人才培养协议",
            {"中国能源建设集团湖南省电力设计院有限公司", "湖南工业大学"},
        ),
        # the heads of two bodies sign for them (分别代表双方), the title generic
        (
            "中国银行贵州省分行行长与贵安新区管委会主任分别代表双方签署战略合作协议。",
            "中国银行贵州省分行与贵州贵安新区管理委员会战略合作协议",
            {"中国银行贵州省分行", "贵州贵安新区管理委员会"},
        ),
        # two new areas written bare sign through their committees
        (
            "西咸新区与贵安新区签署《数据中心合作协议》。",
            "数据中心合作协议",
            {"陕西西咸新区管理委员会", "贵州贵安新区管理委员会"},
        ),
        # a company's representatives sign for it
        (
            "在市商务局负责人见证下，遵义市人民政府和宇通客车代表签署《新能源公交合作协议》。",
            "新能源公交合作协议",
            {"遵义市人民政府", "宇通客车"},
        ),
    ],
)
def test_extract_wire_parties_joined_branded_or_represented(text, title, parties):
    _entities, relations = _read(text)
    assert {o for s, p, o in relations if s == title and p == "party"} == parties


@pytest.mark.parametrize(
    "text",
    [
        "该公司与两家银行签署协议。",  # kinds, not names
        "市政府与多家企业签署《招商协议》。",  # a count of kinds
        "省商务厅与有关方面签署《合作协议》。",
        "南京津浦铁路旧址签署仪式照片展出。",  # 京津 inside another word
        "此后，法国又和比利时、荷兰、卢森堡等国签署了类似协议。",  # a bundle, each apart
        "近年来，柳州市先后与广西南宁、桂林、北海等市签订战略合作框架协议。",
        "德国基尔大学经济学教授对本报记者表示，中日签署新协议后贸易将增长。",  # a speaker
        "与中国-东盟海洋合作中心签署《中俄海洋大数据平台合作协议》。",  # who signs is written
        "台海两岸签署《海峡两岸经济合作框架协议》。",  # not divisions that sign as governments
        "县妇联与商业银行、保险公司签署三方协议。",  # kinds listed, one the dictionary tags a name
        "该合作社与另外两家农资公司签订协议。",  # a count of kinds
    ],
)
def test_extract_wire_no_parties_from_kinds_or_words(text):
    _entities, relations = _read(text)
    assert not {o for _s, p, o in relations if p == "party"}


@pytest.mark.parametrize(
    "text, label, parties",
    [
        (
            "广西壮族自治区人民政府与中国电建集团有限公司签署战略合作框架协议。",
            "广西壮族自治区人民政府与中国电建集团有限公司战略合作框架协议",
            {"广西壮族自治区人民政府", "中国电建集团有限公司"},
        ),
        (
            "浙江大学与杭州市人民政府签署合作协议。",
            "浙江大学与杭州市人民政府合作协议",
            {"浙江大学", "杭州市人民政府"},
        ),
    ],
)
def test_extract_wire_generic_titles_are_named_after_their_parties(text, label, parties):
    entities, relations = _read(text)
    assert ("Agreement", label) in entities
    assert {o for s, p, o in relations if s == label and p == "party"} == parties


@pytest.mark.parametrize(
    "text",
    [
        "会上，两市签署了多项合作协议。",
        "中方已与50多个国家签署共建合作协定。",
        "签约仪式上共签署15项合作协议。",
        # counted counterparts after a list of other bundles
        "该区在里斯本、圣保罗设立联络处，近年又与15个经济体签署避免双重征税和防止偷漏税协定。",
        # a protocol to a treaty, and a treaty named only as what an amendment amends
        "中国签署并批准《南太平洋无核区条约》议定书。",
        "中国已决定接受《〈维也纳公约〉蒙特利尔修正案》。",
    ],
)
def test_extract_wire_bundles_are_not_one_agreement(text):
    entities, _ = _read(text)
    assert not any(cls == "Agreement" for cls, _l in entities)


@pytest.mark.parametrize(
    "text, title",
    [
        ("双方同意尽早签署《中老农产品贸易协定》。", "中老农产品贸易协定"),
        ("海南省与广东省拟于下月签署《琼粤海上搜救合作协议》。", "琼粤海上搜救合作协议"),
        ("《滇黔生态补偿协议》尚未签署。", "滇黔生态补偿协议"),
        ("中国与新加坡年内签署《数字经济伙伴关系协定》。", "数字经济伙伴关系协定"),
        # a title named after two states' ministries binds no government
        (
            "两国继续实施好《中越两国外交部关于加强合作的协议》。",
            "中越两国外交部关于加强合作的协议",
        ),
    ],
)
def test_extract_wire_unsigned_agreements_have_no_party_and_no_date(text, title):
    _entities, relations = _read(text)
    assert not any(s == title and p in ("party", "signedOn") for s, p, _o in relations)


@pytest.mark.parametrize(
    "text, title, date",
    [
        ("两国于1991年签署的《中哈边界协定》仍然有效。", "中哈边界协定", "1991"),
        ("去年9月签署的《湘赣边区合作协议》成效显著。", "湘赣边区合作协议", "2023-09"),
        ("2019年11月，两市签署《宁杭生态经济带合作协议》。", "宁杭生态经济带合作协议", "2019-11"),
        ("本月8日，两省签署《黔桂旅游合作协议》。", "黔桂旅游合作协议", "2024-05-08"),
        (
            "自2017年6月闽赣签署《闽赣生态协作协议》以来，两地互访频繁。",
            "闽赣生态协作协议",
            "2017-06",
        ),
        ("2021年4月中法再次签署《中法核能合作议定书》。", "中法核能合作议定书", "2021-04"),
        # a title quoted inside another title (〈…〉)
        (
            "两国发表《关于2016年3月9日签署的〈中新自由贸易协定〉升级的联合声明》。",
            "中新自由贸易协定",
            "2016-03-09",
        ),
    ],
)
def test_extract_wire_signing_dates_at_the_text_precision(text, title, date):
    _entities, relations = _read(text)
    assert (title, "signedOn", date) in relations


@pytest.mark.parametrize(
    "text, title, date",
    [
        # a day of last month, of this month, of last year, counted from the day published
        (
            "新华社贵阳5月9日电 上月26日，贵州省人民政府与广西壮族自治区人民政府签署《黔桂港口合作备忘录》。",
            "黔桂港口合作备忘录",
            "2024-04-26",
        ),
        (
            "去年3月12日，宁夏回族自治区人民政府同青海省人民政府签署《宁青生态合作协议》。",
            "宁青生态合作协议",
            "2023-03-12",
        ),
        # a year with several signers listed before the verb
        (
            "2016年青岛与烟台、威海、日照共同签署的《山东半岛港口合作协议》成效明显。",
            "山东半岛港口合作协议",
            "2016",
        ),
        # an anniversary with the title between the verb and the years
        ("今年是两国签署《中坦海运协定》30周年。", "中坦海运协定", "1994"),
        # the signings listed after 同日 in its paragraph are that day's
        (
            "新华社济南5月9日电 鲁中城市协作会议9日在济南举行。\n同日，济南市与淄博市签署《济淄同城化协议》。"
            "泰安市科技局与临沂市科技局签订了《泰临科技合作协议》。",
            "泰临科技合作协议",
            "2024-05-09",
        ),
        # 其中 / 签约仪式上 after a signing told as 昨天
        (
            "本报讯 昨天，在两国领导人见证下，双方签署了十余份合作文件。\n"
            "其中，农业农村部和坦桑尼亚农业部签署了《农业合作谅解备忘录》。",
            "农业合作谅解备忘录",
            "2024-05-09",
        ),
        (
            "本报讯 昨天，宁德市人民政府与福州市人民政府签署《福宁协作协议》。\n"
            "签约仪式上，宁德港务集团有限公司与福州港务集团有限公司签订了《港口联运协议》。",
            "港口联运协议",
            "2024-05-09",
        ),
        # 仪式上 after a sentence that tells an event to come (将支持…举办), not one held
        (
            "本报讯 昨天，中国国际贸易促进委员会与陕西省人民政府签署《对外开放合作协议》。"
            "根据协议，中国贸促会将支持陕西举办国际性展会。仪式上，陕西省人民政府还与陕西日报社签署《宣传合作协议》。",
            "宣传合作协议",
            "2024-05-09",
        ),
        # a meeting's day told after the day the reporter learnt of it
        (
            "新华社福州5月9日电 记者9日从福建省商务厅获悉，闽东北协作会议本月7日在宁德举行。\n"
            "会上，福州市与宁德市签订《福宁港口合作协议》。",
            "福宁港口合作协议",
            "2024-05-07",
        ),
    ],
)
def test_extract_wire_signing_dates_told_before_the_signing(text, title, date):
    _entities, relations = _read(text)
    assert (title, "signedOn", date) in relations


def test_extract_wire_a_reported_day_is_not_an_earlier_signing():
    text = "新华社长沙5月9日电 记者9日获悉，湖南与江西日前签署《湘赣文旅合作协议》。"
    _entities, relations = _read(text)
    dated = {o for s, p, o in relations if s == "湘赣文旅合作协议" and p == "signedOn"}
    assert dated <= set()  # 日前: the signing day is not the reported day


@pytest.mark.parametrize(
    "text, project",
    [
        ("游客乘坐航班平安飞抵昆明长水国际机场。", "昆明长水国际机场"),
        ("村民主动报名参加宁波市“海岛供水”项目。", "宁波市“海岛供水”项目"),
        ("中老铁路开通运营三周年。", "中老铁路"),
        ("由两校共建的鱼复工业园已投用。", "鱼复工业园"),
    ],
)
def test_extract_wire_project_names_start_after_the_clause(text, project):
    entities, _ = _read(text)
    assert ("Project", project) in entities


@pytest.mark.parametrize(
    "text, wrong",
    [
        ("村中闲置宅基地较多。", "村中闲置宅基地"),
        ("该省疾控中心已具备检测实验室。", "该省疾控中心已具备检测实验室"),
        ("省海洋研究中心发布报告。", "省海洋研究中心"),
        ("运动会新闻中心正式启用。", "运动会新闻中心"),
        ("共有120名青年学者培养项目入选。", "120名青年学者培养项目"),
    ],
)
def test_extract_wire_words_and_institutions_are_not_projects(text, wrong):
    entities, _ = _read(text)
    assert ("Project", wrong) not in entities


@pytest.mark.parametrize(
    "text",
    [
        "兰州大学学生就业指导中心主任介绍了招聘安排。",  # an institution and its post
        "厦门市思明区法律援助中心律师为群众答疑。",
        "昆明地震台网中心发布消息。",
        "3万余亩茶叶示范基地带动了周边农户。",  # a measure, not a name
        "每1元铁路投资可带动上下游产值。",
        "这一立法项目已经列入年度计划。",  # refers back
        "在该农场南北两片苗木基地种植云杉。",
        "物资由机场运往成都和西安机场。",  # two places, one head
        "酒店位于长沙市中心。",  # the middle of a city
        "这条铁路结束了湘西不通高铁的历史。",  # a clause
        "“黄河几字弯生态走廊建设”战略稳步推进。",  # a strategy in quotes
        "傍晚，居民们去小广场跳舞。",  # a verb and its object, not a name
        "学校组织学生到研学基地参观。",
        "“青苗成长”公益项目惠及留守儿童。",  # a programme, not works
        "他在全国技能大赛数控铣项目中夺冠。",  # an event
        "学校组织党员赴红色教育基地参观学习。",  # a kind of base
        "各地依托城市社区党建基地开展培训。",  # 城 alone says nothing is built
        "寿光蔬菜市场是华北最大蔬菜集散中心。",  # a superlative describes
        "三座场馆和一条高速公路合称“三馆一路”项目。",  # a name for several things
        "该县提出“生态立县、康养福地·太行山休闲公园”的发展定位。",  # one item of a slogan
        "秭归县疾病预防控制中心派出专家组。",  # an institution
        "党员到“红旗渠精神”学习中心参加培训。",
        "小区距无锡高铁仅两公里。",  # 距: a distance, not a name
        "大力弘扬长城文化。",  # 弘扬: a verb
        "［12］城际铁路是指服务于相邻城市间的铁路。",  # a note mark and a kind
        "合作社流转820亩耕地发展蓝莓种植项目。",  # a measure inside
        "全省共有近3万座塘坝。",  # a count
        "口袋公园又称迷你公园。",  # 又称: a second word for a kind
        "温岭市东方工程机械厂改制为股份公司。",  # 工程机械: part of a factory's name
        "街道设立“5办2中心”服务群众。",  # a formula of counts
        "镇里设置7办1中心。",
        "22幢安置房项目开工建设。",  # a number says which one
        "小区内的6号社区中心开放了。",  # a number says which one
        "志愿者参加“春风行动”帮扶项目，总投资100万元。",  # a slogan names a programme
        "“文明实践”展示中心接待游客。",
        "“3820”工程持续推进。",  # numbers in quotes are a slogan too
        "中国文物交流中心派出专家。",  # an institution
        "湖北省肿瘤临床医学中心正式挂牌。",
        "中国(深圳)知识产权保护中心受理申请。",
        "学生到沅江产教融合实训基地学习，总投资2亿元。",  # a title, not works
        "贵州省遵义市红军山爱国主义教育基地免费开放。",
    ],
)
def test_extract_wire_measures_posts_and_clauses_are_not_projects(text):
    entities, _ = _read(text)
    assert not [label for cls, label in entities if cls == "Project"]


@pytest.mark.parametrize(
    "text, project",
    [
        ("西宁曹家堡机场三期扩建工程开工。", "西宁曹家堡国际机场三期扩建工程"),
        ("“渝西水资源配置”项目进展顺利。", "“渝西水资源配置”项目"),
        ("张家口数据中心总投资20亿元。", "张家口数据中心"),
        ("鱼嘴工业园引进企业12家。", "鱼嘴工业园"),  # a name jieba does not know
        ("盐通铁路正式开通。", "盐通铁路"),  # a line named by its ends
        ("“云栖小镇”项目去年开工。", "“云栖小镇”项目"),  # said to be built
        ("恒力乙二醇项目进展顺利。", "恒力乙二醇项目"),  # what it makes
        ("汉巴味德二期项目进展顺利。", "汉巴味德二期项目"),  # a phase is built
        ("中老铁路站房改造项目进展顺利。", "中老铁路站房改造项目"),
        ("两地将共建长三角青年创业基地。", "长三角青年创业基地"),  # named after its region
        ("国家重点工程――川藏电力联网工程全线贯通。", "川藏电力联网工程"),  # after a dash
        ("2015年，原柳州市体育中心完成搬迁。", "柳州市体育中心"),  # 原: "former"
        ("磨憨智慧口岸建设项目总投资约9亿元。", "磨憨智慧口岸建设项目"),  # named before 建设
        (
            "黑河—布拉戈维申斯克界河公路大桥已通车。",
            "黑河—布拉戈维申斯克界河公路大桥",
        ),  # two places
        ("长沙县城东旧改项目惠及居民3000户。", "长沙县城东旧改项目"),  # named after its place
        ("110千伏谭洲输变电工程正式投运。", "110千伏谭洲输变电工程"),  # a voltage first
        ("107国道郑州黄河公路大桥通车。", "107国道郑州黄河公路大桥"),  # a road's number
        ("“中柬友谊大桥”项目今年开工。", "中柬友谊大桥"),  # quoted works: by the facility
        ("“5G+”智能制造项目落地园区。", "“5G+”智能制造项目"),  # a quoted code
        ("游客在天安门广场中心合影。", "天安门广场"),  # 中心: the middle of the square
        ("“云端天路”雅康高速全线通车。", "雅康高速公路"),  # an epithet in quotes before it
    ],
)
def test_extract_wire_named_projects_beside_those_rules_are_kept(text, project):
    entities, _ = _read(text)
    assert ("Project", project) in entities


@pytest.mark.parametrize(
    "text, body, parent",
    [
        ("日本总务省消防厅发布通知。", "日本总务省消防厅", "日本总务省"),
        ("美国商务部工业与安全局更新清单。", "美国商务部工业与安全局", "美国商务部"),
    ],
)
def test_extract_wire_a_foreign_sub_body_is_the_body_meant(text, body, parent):
    entities, _ = _read(text)
    agencies = {label for cls, label in entities if cls == "Agency"}
    assert body in agencies
    assert parent not in agencies


@pytest.mark.parametrize(
    "text, wrong",
    [
        ("美国签署行政命令。", "美国签署"),
        ("智利当局发布通报。", "智利当局"),
        ("英国历届保守党政府均未回应。", "英国历届保守党政府"),
        ("美国联邦执法部门展开调查。", "美国联邦执法部"),
        ("南非豪登省东部出现强降雨。", "南非豪登省东部"),
        ("新西兰局部地区出现强降雨。", "新西兰局"),  # an organ's character alone (局部)
        (
            "墨西哥工商联合会执行委员会成员表示欢迎。",
            "墨西哥工商联合会执行委员会",
        ),  # a federation's
    ],
)
def test_extract_wire_clauses_are_not_foreign_bodies(text, wrong):
    entities, _ = _read(text)
    assert ("Agency", wrong) not in entities


@pytest.mark.parametrize(
    "text, wrong",
    [
        ("据当地网站29日报道，港口复航。", "网站29日报"),
        ("他在南京读大学。", "南京读大学"),
        ("居民看着医院一天天建成。", "看着医院"),
    ],
)
def test_extract_wire_fragments_are_not_organizations(text, wrong):
    entities, _ = _read(text)
    assert ("Organization", wrong) not in entities


@pytest.mark.parametrize(
    "text, expected",
    [
        ("救治任务由华西医院医疗队负责。", {"华西医院"}),  # the preposition is not the name's
        # nor where the preposition and the name's first character make a word elsewhere (经国)
        ("2012年，经国际篮球联合会批准，规则作了修改。", {"国际篮球联合会"}),
        # a set phrase for what the body is, before its name
        ("泰国知名高等学府朱拉隆功大学派出代表团。", {"朱拉隆功大学"}),
        ("老师要帮助学生学会独立思考。", set()),  # 学会 is a verb here
        ("新生先在各专业学院学习一年。", set()),  # a kind
        ("全市改造启用32家发热门诊医院。", set()),  # a count
        ("她曾在澳大利亚墨尔本大学访学。", {"墨尔本大学"}),  # the country is not the name's
        ("在广东省佛山市南海区人民医院隔离病房。", {"佛山市南海区人民医院"}),  # nor the province
        ("四川省泸州市老窖酒业有限公司成立。", {"四川省泸州市老窖酒业有限公司"}),  # a company's is
        ("全省各级残疾人协会开展走访。", set()),  # a kind
        ("这项技术农民一看就学会。", set()),  # the verb
        ("她跟着邻居家的哥哥学会了修车。", set()),  # the verb, then 了
        # a kind, though jieba tags 康复 a name
        ("全市建成老年护理院、康复医院等机构12家。", set()),
        ("应聘者须具有全日制大学本科学历。", set()),  # a kind of study, not a university
        ("智利多所大学参与了这项研究。", set()),  # a count without a number
        ("全省各行业协会积极响应倡议。", set()),  # every one of a kind
        ("他曾任原国家体育学院教授。", {"国家体育学院"}),  # the former one, by its name
        ("他毕业于现华北水利水电大学。", {"华北水利水电大学"}),  # the present one
        ("重症病人转到县级医院治疗。", set()),  # a level of hospital
        # a bank's branch right after the bank is one name, not the bank and a branch
        (
            "同日，中国进出口银行甘肃省分行与兰州市人民政府签署《合作协议》。",
            {"中国进出口银行甘肃省分行"},
        ),
        ("双环精密制造有限公司今年扩产。", {"双环精密制造有限公司"}),  # a registered name
        # a place in brackets inside a company's name; a year before 大学 is no name
        ("蓝湾(厦门)新材料有限公司今年扩产。", {"蓝湾(厦门)新材料有限公司"}),
        ("第二届2026大学校长论坛在沈阳举行。", set()),
        # a clause before a name the dictionary holds whole; a level of clinic
        ("他1990年毕业于清华大学。", {"清华大学"}),
        ("镇级卫生院实现全覆盖。", set()),
        # a branch named after a city that jieba reads as a verb (遵义)
        ("中国工商银行遵义分行与汇川区人民政府签订《园区合作协议》。", {"中国工商银行遵义分行"}),
        ("省内首家山地户外运动学院在黔东南揭牌。", {"山地户外运动学院"}),  # first of its kind
        ("会长张海峰致信黔东南苗族文化研究会。", {"黔东南苗族文化研究会"}),  # a person and a verb
        ("绵阳大医院的医生每月下乡坐诊。", set()),  # a place's big hospitals, a kind
        ("兰州大学国家大学科技园新增企业12家。", {"兰州大学"}),  # 大学 of the park's name
        ("华为技术有限公司在松山湖建成研发基地。", {"华为技术有限公司"}),  # 为 inside a name
        # units listed after a university's unit belong to that university
        (
            "四川大学华西公共卫生学院、华西口腔医学院联合招生。",
            {"四川大学华西公共卫生学院", "四川大学华西口腔医学院"},
        ),
    ],
)
def test_extract_wire_organization_names_are_one_body(text, expected):
    entities, _ = _read(text)
    assert {label for cls, label in entities if cls == "Organization"} == expected


@pytest.mark.parametrize(
    "text, wrong",
    [
        ("近日，肯尼亚不少媒体记者和政府官员参观了项目现场。", "Agency"),
        ("巴西大批记者与政府人员到场。", "Agency"),
        ("近期，匈牙利、斯洛伐克等中东欧国家政府相继出台措施。", "Agency"),  # several, with 等
        ("宽敞的绵阳市医保办事大厅里秩序井然。", "Agency"),  # 办事: the hall, not an office
        ("去年，秘鲁与智利两国政府举行会谈。", "Agency"),  # two states' governments, not one
    ],
)
def test_extract_wire_people_and_joiners_are_not_foreign_bodies(text, wrong):
    entities, _ = _read(text)
    assert not [label for cls, label in entities if cls == wrong]


@pytest.mark.parametrize(
    "text, expected",
    [
        # 简称: the alias of the zone named before, not a zone of its own
        ("中国—印尼经贸合作区（简称合作区）正式揭牌。", set()),
        ("要发挥好国家级新区的示范作用。", set()),  # one character before a generic word
    ],
)
def test_extract_wire_verbs_before_an_area_suffix_name_no_area(text, expected):
    entities, _ = _read(text)
    assert {label for cls, label in entities if cls == "District"} == expected


def test_extract_wire_a_cut_stop_word_that_begins_a_name_is_kept():
    entities, _ = _read("以色列电子游戏协会发表声明。")
    assert ("Organization", "以色列电子游戏协会") in entities


@pytest.mark.parametrize(
    "text",
    [
        "两国领导人希望尽快签署投资协定。",  # a kind of agreement, not yet signed
        "特朗普签署总统备忘录。",  # one signer: no parties to name it by
        "该公司与学生签订的聘用合同引发争议。",  # a contract, not a cooperation agreement
        "双方应先签署安全保障协议。",
    ],
)
def test_extract_wire_kinds_and_contracts_are_not_agreements(text):
    entities, _ = _read(text)
    assert not any(cls == "Agreement" for cls, _l in entities)


def test_extract_wire_news_sources_and_credits_are_not_parties():
    text = (
        "新华社记者报道，江西省商务厅与赣州市人民政府签署《赣南对外开放合作协议》"
        "（南昌市公安局供图）。"
    )
    _entities, relations = _read(text)
    parties = {o for s, p, o in relations if p == "party"}
    assert parties == {"江西省商务厅", "赣州市人民政府"}


def test_extract_wire_a_guiding_body_is_not_a_party():
    text = "在国家能源局指导下，甘肃省发展和改革委员会与宁夏回族自治区发展和改革委员会签署《甘宁电力互济协议》。"
    _entities, relations = _read(text)
    parties = {o for s, p, o in relations if s == "甘宁电力互济协议" and p == "party"}
    assert "国家能源局" not in parties
    assert len(parties) == 2


@pytest.mark.parametrize(
    "text, title, date",
    [
        ("两省已于3月5日签署《晋豫黄河保护协议》。", "晋豫黄河保护协议", "2024-03-05"),
        ("8日，两市宣布双方已签署《湘鄂旅游互认协议》。", "湘鄂旅游互认协议", None),
    ],
)
def test_extract_wire_an_announced_signing_keeps_only_its_own_date(text, title, date):
    _entities, relations = _read(text)
    dated = {o for s, p, o in relations if s == title and p == "signedOn"}
    assert dated == ({date} if date else set())


def test_extract_wire_separate_signings_are_a_bundle():
    entities, _ = _read("该集团分别与三所高校签署人才培养合作协议。")
    assert not any(cls == "Agreement" for cls, _l in entities)


@pytest.mark.parametrize(
    "text",
    [
        "签署股份认购协议。",
        "双方签订《设备采购协议》。",
    ],
)
def test_extract_wire_commercial_contracts_are_not_agreements(text):
    entities, _ = _read(text)
    assert not any(cls == "Agreement" for cls, _l in entities)


def test_extract_wire_a_short_form_of_a_named_line_is_that_line():
    entities, _ = _read("川渝中线高铁开工。中线高铁建成后缩短时空距离。")
    assert {label for cls, label in entities if cls == "Project"} == {"川渝中线高铁"}


@pytest.mark.parametrize(
    "text, wrong",
    [
        ("伊朗当前局势复杂。", "伊朗当前局"),
        ("利比亚政局动荡。", "利比亚政局"),
        ("澳大利亚大部地区降温。", "澳大利亚大部"),
    ],
)
def test_extract_wire_words_ending_in_an_organ_are_not_foreign_bodies(text, wrong):
    entities, _ = _read(text)
    assert ("Agency", wrong) not in entities


@pytest.mark.parametrize(
    "text, wrong",
    [
        ("前一交易日报收于3200点。", "前一交易日报"),
        ("监管部门依法无条件批准华能集团有限公司收购案。", "依法无条件批准华能集团有限公司"),
    ],
)
def test_extract_wire_organization_names_start_after_the_clause(text, wrong):
    entities, _ = _read(text)
    assert ("Organization", wrong) not in entities


def test_extract_wire_a_place_that_begins_with_a_joiner_stays_in_the_name():
    entities, _ = _read("黑龙江同江万华经贸有限公司与俄方企业合作。")
    assert ("Organization", "黑龙江同江万华经贸有限公司") in entities


@pytest.mark.parametrize(
    "text, bundle",
    [
        # three bodies before, 双方 after: who the two are is not said
        (
            "甲集团有限公司、乙集团有限公司和丙集团有限公司负责人出席。双方签署《矿产合作协议》。",
            True,
        ),
        ("甲集团有限公司和乙集团有限公司负责人出席。双方签署《矿产合作协议》。", False),
    ],
)
def test_extract_wire_collective_parties_need_as_many_bodies(text, bundle):
    _entities, relations = _read(text)
    parties = {o for s, p, o in relations if s == "矿产合作协议" and p == "party"}
    assert parties == (set() if bundle else {"甲集团有限公司", "乙集团有限公司"})


def test_extract_wire_a_press_conference_is_not_the_signing_day():
    text = "1月29日，外交部举行发布会。会上介绍，两国签署《中芬创新合作谅解备忘录》。"
    _entities, relations = _read(text)
    assert not any(s == "中芬创新合作谅解备忘录" and p == "signedOn" for s, p, _o in relations)


def test_extract_wire_latin_letters_alone_do_not_name_a_project():
    entities, _ = _read("该市推出一批BOT融资项目。")
    assert ("Project", "BOT融资项目") not in entities


@pytest.mark.parametrize(
    "text, wrong",
    [
        ("受市政府委托，该公司负责运营。", "Agency"),
        ("个旧市政府集中采购中心发布公告。", "Agency"),
        ("日本当地政府表示关注。", "Agency"),
        ("特朗普政府宣布加征关税。", "Agency"),
    ],
)
def test_extract_wire_compounds_and_collectives_are_not_agencies(text, wrong):
    entities, _ = _read(text)
    assert not any(cls == wrong for cls, _l in entities)


def test_extract_wire_the_body_of_an_area_is_not_the_articles_district():
    text = "重庆市江北区召开会议。两江新区发展改革委负责人介绍，区发展改革委将加快审批。"
    entities, _ = _read(text)
    assert ("Agency", "重庆市江北区发展和改革委员会") not in entities


@pytest.mark.parametrize(
    "text",
    [
        "双方签署开发性金融合作协议。",
        "两家企业签订全球性合作协议。",
        "该公司与运营商签订2年使用协议。",
        "中标企业签署南水北调配套工程第一标段协议书。",
        "该集团与等8所高校签署人才对接协议。",
    ],
)
def test_extract_wire_kinds_contracts_and_bundles_without_parties_name_nothing(text):
    entities, _ = _read(text)
    assert not any(cls == "Agreement" for cls, _l in entities)


def test_extract_wire_a_dateline_agency_is_not_a_party():
    text = "新华社伦敦1月29日电 英国某集团有限公司与新华通讯社签署《品牌合作谅解备忘录》。"
    _entities, relations = _read(text)
    parties = {o for s, p, o in relations if s == "品牌合作谅解备忘录" and p == "party"}
    assert "新华社" not in parties


def test_extract_wire_a_postponed_signing_has_no_parties_and_no_date():
    text = "8日，中芬两国外交部签署《海上合作谅解备忘录》的计划被推迟。"
    _entities, relations = _read(text)
    assert not any(
        s == "海上合作谅解备忘录" and p in ("party", "signedOn") for s, p, _o in relations
    )


@pytest.mark.parametrize(
    "text, wrong",
    [
        ("中国铁道建筑工程总公司中标。", "中国铁道建筑工程"),
        ("会议在华美达广场大酒店举行。", "华美达广场"),
        ("南京地质古生物研究所实验室开放。", "南京地质古生物研究所实验室"),
        ("深圳市公共资源交易中心发布公告。", "深圳市公共资源交易中心"),
        ("全市90%项目已开工。", "90%项目"),
        ("新建120万吨/年裂解装置。", "120万吨/年裂解装置"),
    ],
)
def test_extract_wire_organisations_shares_and_capacities_are_not_projects(text, wrong):
    entities, _ = _read(text)
    assert ("Project", wrong) not in entities


def test_extract_wire_a_project_after_a_contractor_starts_after_it():
    entities, _ = _read("中铁十九局西康复线项目部组织施工。中铁十九局西康复线项目进展顺利。")
    assert ("Project", "西康复线项目") in entities


def test_extract_wire_a_dateline_does_not_begin_a_project():
    entities, _ = _read("中新社北京6月14日电(记者杜燕)北京市西单购物中心今日重开。")
    projects = {label for cls, label in entities if cls == "Project"}
    assert projects <= {"北京市西单购物中心"}


@pytest.mark.parametrize(
    "text, not_place",
    [("汉中平原物产丰富。", "汉中市"), ("景德镇窑瓷器展出。", "景德镇市")],
)
def test_extract_wire_landforms_and_wares_are_not_places(text, not_place):
    entities, _ = _read(text)
    assert not any(label == not_place for _c, label in entities)


@pytest.mark.parametrize(
    "text, wrong",
    [
        # a club, a university's office: not a body of the country's government
        ("球队将赞助意大利俱乐部开展青训。", "意大利俱乐部"),
        ("智利天主教大学国际事务办公室主任发言。", "智利天主教大学国际事务办公室"),
        # a clause whose verb ends in an organ's character (部署) or takes the country
        ("美国在古巴附近海域仍部署军舰。", "古巴附近海域仍部"),
        ("他再次邀请墨西哥加入和平委员会。", "墨西哥加入和平委员会"),
        # two bodies joined by 和 are two bodies
        ("项目由美国环保署和美国能源署共同推进。", "美国环保署和美国能源署"),
    ],
)
def test_extract_wire_clubs_offices_and_clauses_are_not_foreign_bodies(text, wrong):
    entities, _ = _read(text)
    assert ("Agency", wrong) not in entities


def test_extract_wire_joined_foreign_bodies_are_each_kept():
    entities, _ = _read("项目由美国环保署和美国能源署共同推进。")
    assert {("Agency", "美国环保署"), ("Agency", "美国能源署")} <= entities


def test_extract_wire_a_youth_league_committee_is_not_the_party_committee():
    entities, _ = _read("团富顺县委、富顺县总工会联合开展志愿服务。")
    assert not any(label.startswith("中共") for _c, label in entities)


@pytest.mark.parametrize(
    "text, wrong",
    [
        # a modifier of a layout or a mechanism
        ("落实规划中“三主两辅”铁路枢纽布局。", "“三主两辅”铁路枢纽"),
        ("公司推出的员工跟投项目机制受到质疑。", "员工跟投项目"),
        # a country and a kind of thing
        ("中国高铁的发展模式引人关注。", "中国高铁"),
        ("鼓励企业参与老挝工业园区建设。", "老挝工业园区"),
        # a place described by a position, not named
        ("仪式在人民大会堂北门外广场举行。", "人民大会堂北门外广场"),
        ("加强区域内文旅项目交流。", "区域内文旅项目"),
        # a device or a plant unit, not a science installation
        ("电动汽车也可以是储能装置。", "储能装置"),
        ("该厂乙二醇装置停车检修。", "乙二醇装置"),
        # institutions with a 中心
        ("美疾控中心发布提示。", "美疾控中心"),
        ("大西洋飓风预警中心发布预报。", "大西洋飓风预警中心"),
        # a name that would begin inside a word (被动)
        ("企业从被动接项目向主动找市场转变。", "动接项目"),
        # a company's name that goes on after the head (…局集团)
        ("隧道由中铁隧道局集团有限公司承建。", "中铁隧道"),
        ("上海市汽车工程学会发布报告。", "上海市汽车工程"),
        # 继 opens a clause
        ("继广州地铁之后，深圳也开通了新线。", "继广州地铁"),
    ],
)
def test_extract_wire_kinds_concepts_and_fragments_are_not_projects(text, wrong):
    entities, _ = _read(text)
    assert ("Project", wrong) not in entities


@pytest.mark.parametrize(
    "text, project",
    [
        ("合肥大科学装置集中区建设稳态强磁场实验装置。", "稳态强磁场实验装置"),
        ("成渝综合性科学中心加快建设。", "成渝综合性科学中心"),
        ("两市将以广深港科技创新走廊为轴。", "广深港科技创新走廊"),
    ],
)
def test_extract_wire_installations_and_named_centres_stay_projects(text, project):
    entities, _ = _read(text)
    assert ("Project", project) in entities


@pytest.mark.parametrize(
    "text, wrong",
    [
        # an industrial park is not a District-level functional area
        ("园区包括青浦工业园区和金山工业园区。", "青浦工业园区"),
        # an arrangement between two parties, not a pilot zone
        ("随着中国-东盟自贸区建设推进，关税进一步降低。", "东盟自由贸易试验区"),
        # a neighbourhood of a new area is not part of its name
        ("学校位于河北雄安新区容西片区。", "河北雄安新区容西片区"),
    ],
)
def test_extract_wire_parks_and_arrangements_are_not_districts(text, wrong):
    entities, _ = _read(text)
    assert ("District", wrong) not in entities


def test_extract_wire_a_free_trade_zone_keeps_its_named_part():
    entities, _ = _read("中国(四川)自由贸易试验区川南临港片区揭牌。")
    assert ("District", "中国(四川)自由贸易试验区川南临港片区") in entities


def test_extract_wire_a_short_form_ending_a_town_name_is_not_a_place():
    # 演丰镇 is a town of Haikou; its last two characters spell 丰镇 (Inner Mongolia)
    entities, _ = _read("道路从演丰镇、琼山区一直通到海边。")
    assert not any(label == "丰镇市" for _c, label in entities)


@pytest.mark.parametrize(
    "text, title",
    [
        # a kind of agreement in book marks, with no party to name it after
        ("该公司5月签署《战略合作伙伴协议》时曾承诺投资。", "战略合作伙伴协议"),
        # a descriptive kind
        ("根据双方签订的无法律约束力协议，合作自四季度开始。", "无法律约束力协议"),
        # a commercial sale
        ("甲贸易有限公司与乙公司签署2000万美元的出口机械协议。", "出口机械协议"),
        # one contract with each of several counterparties
        ("组委会与甲公司、乙公司、丙公司等三家展览机构签订组展协议。", "组展协议"),
    ],
)
def test_extract_wire_kinds_sales_and_bundles_are_not_agreements(text, title):
    entities, _ = _read(text)
    assert ("Agreement", title) not in entities


@pytest.mark.parametrize(
    "text, title",
    [
        (
            "两国签署《关于中国榴莲出口检验检疫要求的议定书》。",
            "关于中国榴莲出口检验检疫要求的议定书",
        ),
        # cooperation on exports or imports, not goods traded
        ("商务局与陶瓷协会签署《陶瓷出口服务合作协议》。", "陶瓷出口服务合作协议"),
        ("港务集团与该公司签署《矿石进口物流合作协议》。", "矿石进口物流合作协议"),
        # the clearance of exports, their tax refunds: an agreement between public bodies
        ("满洲里海关与税务局签署《出口退税与通关数据共享协议》。", "出口退税与通关数据共享协议"),
    ],
)
def test_extract_wire_agreements_on_exports_between_bodies_are_agreements(text, title):
    entities, _ = _read(text)
    assert ("Agreement", title) in entities


@pytest.mark.parametrize(
    "text, title, parties",
    [
        (
            "1998年，两国签署《中哈边界补充协定》。",
            "中哈边界补充协定",
            {"中国政府", "哈萨克斯坦政府"},
        ),
        ("根据2001年签署的《韩中海运协定》，航线开通。", "韩中海运协定", {"韩国政府", "中国政府"}),
        (
            "三国代表签署《中日韩投资协定》。",
            "中日韩投资协定",
            {"中国政府", "日本政府", "韩国政府"},
        ),
        ("双方签署《中国—智利自由贸易协定》。", "中国—智利自由贸易协定", {"中国政府", "智利政府"}),
    ],
)
def test_extract_wire_a_treaty_named_after_states_binds_their_governments(text, title, parties):
    entities, relations = _read(text)
    assert {o for s, p, o in relations if s == title and p == "party"} == parties
    assert all((gov, "jurisdiction", gov[:-2]) in relations for gov in parties)


@pytest.mark.parametrize(
    "text, title",
    [
        # Central America, not China and the United States
        ("多国签署《中美洲自由贸易协定》。", "中美洲自由贸易协定"),
        # China and a region, not two states
        ("双方签署《中欧投资协定》。", "中欧投资协定"),
        # named parties come first: the title is not asked
        ("黑河市人民政府与绥芬河市人民政府签署《中俄边境城市合作协议》。", "中俄边境城市合作协议"),
    ],
)
def test_extract_wire_titles_without_two_states_name_no_governments(text, title):
    _entities, relations = _read(text)
    assert not any(
        o.endswith("政府") and o[:-2] in {"中国", "美国", "俄罗斯"}
        for s, p, o in relations
        if s == title and p == "party"
    )


@pytest.mark.parametrize(
    "text, title, parties",
    [
        # a division that signs is its government
        (
            "5月8日，湖北宜昌市与某银行分行签订《宜昌水利建设融资合作协议》。",
            "宜昌水利建设融资合作协议",
            {"宜昌市人民政府"},
        ),
        (
            "浙江省与安徽省正式签署《浙皖生态补偿协议》。",
            "浙皖生态补偿协议",
            {"浙江省人民政府", "安徽省人民政府"},
        ),
        # a state that signs is its government
        (
            "中国与新西兰签署《中新自贸协定升级议定书》。",
            "中新自贸协定升级议定书",
            {"中国政府", "新西兰政府"},
        ),
        # both governments named in the title by the states' official names
        (
            "两国外长签署了《中华人民共和国政府和尼泊尔联邦民主共和国政府关于边境口岸的协定》。",
            "中华人民共和国政府和尼泊尔联邦民主共和国政府关于边境口岸的协定",
            {"中国政府", "尼泊尔政府"},
        ),
    ],
)
def test_extract_wire_places_that_sign_are_their_governments(text, title, parties):
    _entities, relations = _read(text)
    assert {o for s, p, o in relations if s == title and p == "party"} == parties


@pytest.mark.parametrize(
    "text, title",
    [
        # where the signing happens
        ("双方在成都签署《川渝科技合作协议》。", "川渝科技合作协议"),
        # the place begins another word (a person's title)
        ("成都市长与德阳市长见证签署《成德眉资同城化协议》。", "成德眉资同城化协议"),
    ],
)
def test_extract_wire_places_that_do_not_sign_are_no_parties(text, title):
    _entities, relations = _read(text)
    assert not any(s == title and p == "party" for s, p, _o in relations)


@pytest.mark.parametrize(
    "text, project",
    [
        # trade "with" a state names the park
        ("位于南岗区的牡丹江对俄木材加工产业园投产。", "牡丹江对俄木材加工产业园"),
        # a park named after China and another state
        ("两校共建的中泰橡胶科技示范园在曼谷启用。", "中泰橡胶科技示范园"),
        # 合作 right before the head is the kind of centre
        ("位于东兴市的中越东兴国际边境合作中心客流增长。", "中越东兴国际边境合作中心"),
        # a verb before a one-character abbreviation (港) does not cut the name
        ("番禺区粤港青年人才创新港项目总投资约8亿元。", "番禺区粤港青年人才创新港项目"),
        # a port area of a named port
        ("加快防城港渔澫港区建设。", "防城港渔澫港区"),
    ],
)
def test_extract_wire_parks_centres_and_port_areas_keep_their_names(text, project):
    entities, _ = _read(text)
    assert ("Project", project) in entities


def test_extract_wire_a_signing_told_after_a_dated_meeting_takes_its_day():
    text = (
        "新华社北京6月5日电 中欧经贸高层对话5日在北京举行。"
        "商务部与欧盟委员会贸易总司进行了沟通，双方签署了《中欧地理标志互认合作备忘录》。"
    )
    _entities, relations = _read(text, published="2024-06-05")
    assert ("中欧地理标志互认合作备忘录", "signedOn", "2024-06-05") in relations


@pytest.mark.parametrize(
    "text, wrong",
    [
        # a head that only modifies a longer noun, or 高速 as an adverb
        ("我国工程机械制造业出口增长。", "我国工程"),
        ("随着城市化高速推进，交通压力加大。", "城市化高速"),
        # a matchmaking event of projects
        ("签约仪式在3号馆国际采购与项目洽谈区举行。", "3号馆国际采购与项目"),
        # kinds joined by 和
        ("加大对工程类和服务类采购项目的实施力度。", "工程类和服务类采购项目"),
        ("开发一些文创和体验项目。", "文创和体验项目"),
        # a preposition of cause, a verb of motion and its 到, a testing institution
        ("甘肃主要因铁路建设放缓，需求下降。", "甘肃主要因铁路"),
        ("海鸥飞到青岛老码头栖息。", "飞到青岛老码头"),
        ("样品经江苏省家具产品质量检验中心检测。", "经江苏省家具产品质量检验中心"),
        # a document's number, a count of square metres
        ("对SC[2010]1234号省政府采购项目进行验收。", "SC[2010]1234号省政府采购项目"),
        ("印染厂的过万平米集热工程已投用。", "万平米集热工程"),
        # names of their own in a list do not share the head of the last one
        ("中欧班列、西部陆海新通道、港珠澳大桥繁忙。", "部陆海新通道大桥"),
        ("建设指挥部、广西桂梧高速公路有限公司揭牌。", "广西桂梧高速公路"),
    ],
)
def test_extract_wire_modifiers_events_and_numbers_are_not_projects(text, wrong):
    entities, _ = _read(text)
    assert ("Project", wrong) not in entities


@pytest.mark.parametrize(
    "text, project",
    [
        ("位于新区的万华烟台工业园占地约1.1万亩。", "万华烟台工业园"),
        ("三市将推动长株潭城际铁路公交化运营。", "长株潭城际铁路"),
        ("西安到汉中高速公路全线通车。", "西安到汉中高速公路"),
    ],
)
def test_extract_wire_names_beside_these_words_stay_projects(text, project):
    entities, _ = _read(text)
    assert ("Project", project) in entities


@pytest.mark.parametrize(
    "text, organization",
    [
        ("6月20日，中国商用飞机有限公司与外方签署合同。", "中国商用飞机有限公司"),
        ("中铝与广西有色金属集团有限公司签订协议。", "广西有色金属集团有限公司"),
    ],
)
def test_extract_wire_a_stop_character_inside_a_word_does_not_cut_a_name(text, organization):
    entities, _ = _read(text)
    assert ("Organization", organization) in entities


@pytest.mark.parametrize(
    "text, title, parties",
    [
        (
            "当地时间3月9日，中美签署第二阶段农业协议。",
            "第二阶段农业协议",
            {"中国政府", "美国政府"},
        ),
        ("中俄两国正式签署《中俄投资保护协定》。", "中俄投资保护协定", {"中国政府", "俄罗斯政府"}),
        # a word that begins with 中, not a pair of states: the gallery signs
        ("华中美术馆签署《馆际交流协议》。", "馆际交流协议", {"华中美术馆"}),
        # the other state first, after a time that ends in a character it would make a word
        # with (年老): the segmenter cuts 去年|老|中
        (
            "去年老中签署了《电力互联互通合作备忘录》。",
            "电力互联互通合作备忘录",
            {"老挝政府", "中国政府"},
        ),
        # a periodical's office and a federation
        (
            "《绿色发展》杂志社和中国农业联合会签署《生态农业合作协议》。",
            "生态农业合作协议",
            {"《绿色发展》杂志社", "中国农业联合会"},
        ),
    ],
)
def test_extract_wire_states_abbreviated_and_named_offices_sign(text, title, parties):
    _entities, relations = _read(text)
    assert {o for s, p, o in relations if s == title and p == "party"} == parties


@pytest.mark.parametrize(
    "text",
    [
        # 分别 far before the verb, in the same sentence
        "签约仪式上，甲市、乙市、丙市以及自治区教育厅、公安厅和某电力集团分别与多家企业签署了重大合作协议。",
        # counted in the title, many signers told as one, counterparties counted with a word between
        "我国已同各国签订数百个政府间体育交流合作协定。",
        "智利、秘鲁等南美国家也纷纷与中方签署共建谅解备忘录。",
        "市政府与15家省属企业签署战略合作协议。",
        # an event, not an agreement
        "湖北省与民营企业家座谈会暨项目合作框架协议签约仪式在武汉举行。",
    ],
)
def test_extract_wire_more_bundles_and_events_are_not_agreements(text):
    entities, _ = _read(text)
    assert not any(cls == "Agreement" for cls, _label in entities)


@pytest.mark.parametrize(
    "text, wrong",
    [
        ("关键在于要抓住协议签署窗口。", "于要抓住协议"),
        ("我们推动区域全面经济伙伴关系协定成功签署。", "推动区域全面经济伙伴关系协定"),
    ],
)
def test_extract_wire_clauses_before_a_verb_are_not_titles(text, wrong):
    entities, _ = _read(text)
    assert ("Agreement", wrong) not in entities


def test_extract_wire_an_organisation_inside_a_title_stays_in_it():
    entities, relations = _read(
        "2021年5月8日，浙江省教育厅与湖州市人民政府签署共建湖州师范学院协议。"
    )
    assert ("Agreement", "共建湖州师范学院协议") in entities
    assert ("共建湖州师范学院协议", "party", "浙江省教育厅") in relations


def test_extract_wire_a_dateline_paper_is_not_a_party():
    text = "湖南日报12月3日讯（记者 张三）今天上午，甲集团有限公司与乙集团有限公司在株洲签订产业合作协议。"
    _entities, relations = _read(text, published="2025-12-03")
    parties = {o for s, p, o in relations if p == "party"}
    assert parties == {"甲集团有限公司", "乙集团有限公司"}


@pytest.mark.parametrize(
    "text, title, date",
    [
        # an anniversary gives the year, counted back from the day published
        ("今年也是《中哈睦邻友好合作条约》签署十五周年。", "中哈睦邻友好合作条约", "2009"),
        # a signing referred to, not reported
        ("以《区域全面经济伙伴关系协定》签署为契机，推动合作。", "区域全面经济伙伴关系协定", None),
        # during a visit of several days
        (
            "访问期间，中国商务部和老挝工贸部签署了《关于加强中老贸易合作的谅解备忘录》。",
            "关于加强中老贸易合作的谅解备忘录",
            None,
        ),
        # proposed, not signed
        ("各方注意到关于签署《上合组织交通合作备忘录》的倡议。", "上合组织交通合作备忘录", None),
    ],
)
def test_extract_wire_referred_signings_and_anniversaries(text, title, date):
    _entities, relations = _read(text, published="2024-06-01")
    dates = {o for s, p, o in relations if s == title and p == "signedOn"}
    assert dates == ({date} if date else set())


@pytest.mark.parametrize(
    "text, wrong",
    [
        ("校史馆被评为浙江省爱国主义教育示范基地。", "浙江省爱国主义教育示范基地"),
        ("该合作社是首批被认定的大湾区菜篮子生产基地之一。", "大湾区菜篮子生产基地"),
        (
            "作者为上海市哲学社会科学研究中心复旦大学基地研究员。",
            "上海市哲学社会科学研究中心复旦大学基地",
        ),
        ("截至年底，重庆市信用中心已汇聚数据10亿条。", "重庆市信用中心"),
        ("在龙泉街道石大桥社区，居民参与治理。", "龙泉街道石大桥"),
        ("引领四型机场建设新方向。", "四型机场"),
        ("近年来，某市出台多项产业扶贫项目规划。", "某市出台多项产业扶贫项目"),
        ("形成辐射更广的西部铁路运输网络。", "西部铁路"),
        ("暑运期间，民航公安局组织全国机场公安机关开展安全检查。", "民航公安局组织全国机场"),
        ("电荒下电厂经营困难。", "电荒下电厂"),
        ("推进河湖水库清淤疏浚。", "河湖水库"),
    ],
)
def test_extract_wire_honours_units_and_collectives_are_not_projects(text, wrong):
    entities, _ = _read(text)
    assert ("Project", wrong) not in entities


@pytest.mark.parametrize(
    "text, organization, wrong",
    [
        ("（作者系中国社会科学院研究员）", "中国社会科学院", "作者系中国社会科学院"),
        ("这是王某会见中国佛教协会理事会领导班子。", "中国佛教协会", "王某会见中国佛教协会"),
        ("据我国皮革协会统计，产量增长。", "中国皮革协会", "皮革协会"),
        (
            "广西钦州保税港区宏港码头有限公司介绍。",
            "广西钦州保税港区宏港码头有限公司",
            "钦州保税港区宏港码头有限公司",
        ),
    ],
)
def test_extract_wire_organisation_names_as_written_in_full(text, organization, wrong):
    entities, _ = _read(text)
    assert ("Organization", organization) in entities
    assert ("Organization", wrong) not in entities


@pytest.mark.parametrize(
    "text, wrong",
    [
        ("2006年，张明大学毕业。", ("Organization", "张明大学")),
        (
            "智利能源部通过国家能效署公布新规定。",
            ("Agency", "智利能源部通过国家能效署"),
        ),
        ("因日本台风及部分供应商停产影响。", ("Agency", "日本地震及部")),
    ],
)
def test_extract_wire_graduates_and_clauses_are_no_bodies(text, wrong):
    entities, _ = _read(text)
    assert wrong not in entities


@pytest.mark.parametrize(
    "text, surface",
    [
        ("佛山市民纷纷前往观看。", "佛山"),
        ("惠州市场供应充足。", "惠州"),
        ("佛山市长表示。", "佛山市"),
    ],
)
def test_extract_wire_a_city_before_shi_min_is_written_short(text, surface):
    doc = Document(id="wire", text=text, published=datetime.date(2024, 5, 10))
    surfaces = {m.span.surface for m in extract(doc).mentions if m.entity.cls == "City"}
    assert surfaces == {surface}


def test_extract_wire_a_party_school_is_not_the_party_committee():
    entities, _ = _read("今年已在武汉市委党校举办培训。")
    assert not any(cls == "Agency" for cls, _label in entities)


@pytest.mark.parametrize(
    "text, wrong",
    [("未来将结合科学城资源发展农业。", "结合科学城"), ("争创国家级科学城。", "国家级科学城")],
)
def test_extract_wire_a_verb_or_a_kind_before_kexuecheng_is_no_name(text, wrong):
    entities, _ = _read(text)
    assert ("ScienceCity", wrong) not in entities


@pytest.mark.parametrize(
    "text, title, parties",
    [
        # a place, then a company written after 与
        (
            "东营市与中国石油化工集团有限公司6日在济南签署《油地融合发展协议》。",
            "油地融合发展协议",
            {"东营市人民政府", "中国石油化工集团有限公司"},
        ),
        # a national group's branch named after a place
        (
            "西安市与中国铁路西安局集团有限公司签署《国际港站扩能协议》。",
            "国际港站扩能协议",
            {"西安市人民政府", "中国铁路西安局集团有限公司"},
        ),
        # the 和 of 协和 joins nothing
        (
            "某管理局与北京协和医院签署《真实世界数据合作协议》。",
            "真实世界数据合作协议",
            {"北京协和医院"},
        ),
        # two cities' governments written once, one of them a city jieba tags as a word
        (
            "同日，大连、长春两市政府签署《陆海联动合作协议》。",
            "陆海联动合作协议",
            {"大连市人民政府", "长春市人民政府"},
        ),
        # a day between the states and the verb
        (
            "峰会期间，中哈17日签署《过境运输合作协定》。",
            "过境运输合作协定",
            {"中国政府", "哈萨克斯坦政府"},
        ),
    ],
)
def test_extract_wire_parties_written_beside_places_days_and_joiners(text, title, parties):
    _entities, relations = _read(text)
    assert {o for s, p, o in relations if s == title and p == "party"} == parties


@pytest.mark.parametrize(
    "text, city",
    [("大连港口吞吐量增长。", "大连市"), ("保定、廊坊两市签约。", "保定市")],
)
def test_extract_wire_a_prefecture_city_is_read_however_jieba_tags_it(text, city):
    entities, _ = _read(text)
    assert ("City", city) in entities


def test_extract_wire_a_city_name_listed_as_an_ordinary_word_needs_more():
    entities, _ = _read("期待来宾在活动中感受中餐之美。")
    assert ("City", "来宾市") not in entities


def test_extract_wire_a_foreign_ministry_named_by_a_list_of_sectors():
    text = "同日，商务部与哈萨克斯坦贸易、一体化和投资部签署了《关于电子商务合作的谅解备忘录》。"
    entities, relations = _read(text)
    assert ("Agency", "哈萨克斯坦贸易、一体化和投资部") in entities
    assert ("关于电子商务合作的谅解备忘录", "party", "哈萨克斯坦贸易、一体化和投资部") in relations


@pytest.mark.parametrize(
    "text, wrong",
    [
        ("学校实施“春苗工程”，资助困难学生。", "“春苗工程"),
        ("全县实施“能人回归”工程，培养村干部。", "“能人回归”工程"),
        ("着力推进“五维育德工程”。", "五维育德工程"),
    ],
)
def test_extract_wire_a_programme_called_gongcheng_is_no_project(text, wrong):
    entities, _ = _read(text)
    assert not any(cls == "Project" and "工程" in label for cls, label in entities)


@pytest.mark.parametrize(
    "text, project",
    [
        ("琅岐旅游生态岛工程开工建设。", "琅岐旅游生态岛工程"),
        ("南水北调工程累计调水超过700亿立方米。", "南水北调工程"),
        ("济南市水质净化三厂扩建工程投入运行。", "济南市水质净化三厂扩建工程"),
    ],
)
def test_extract_wire_works_called_gongcheng_stay_projects(text, project):
    entities, _ = _read(text)
    assert ("Project", project) in entities


@pytest.mark.parametrize(
    "text, organization",
    [
        ("中国人民对外友好协会会长出席。", "中国人民对外友好协会"),
        ("泸州老窖旗下武陵酒业有限公司发布公告。", "武陵酒业有限公司"),
        ("据上述稀土行业协会统计，产量下降。", "稀土行业协会"),
    ],
)
def test_extract_wire_organisation_names_after_owners_and_references(text, organization):
    entities, _ = _read(text)
    assert {label for cls, label in entities if cls == "Organization"} == {organization}


@pytest.mark.parametrize(
    "text", ["联合若干所二级医院开展服务。", "推动高校院所互设研发机构和研究型大学。"]
)
def test_extract_wire_grades_and_joined_kinds_are_no_organisations(text):
    entities, _ = _read(text)
    assert not any(cls == "Organization" for cls, _label in entities)


def test_extract_wire_two_signings_in_one_sentence_keep_their_own_parties():
    text = (
        "2021年5月8日，浙江省教育厅与湖州市人民政府签署共建湖州师范学院协议，"
        "湖州市人民政府与湖州师范学院签署新一轮深化合作协议。"
    )
    _entities, relations = _read(text)
    second = "湖州市人民政府与湖州师范学院新一轮深化合作协议"
    assert {o for s, p, o in relations if s == second and p == "party"} == {
        "湖州市人民政府",
        "湖州师范学院",
    }


def test_extract_wire_an_elided_subject_signs_again():
    text = "会议期间，农业农村部与老挝农林部签署了《渔业合作谅解备忘录》，与越南农业与农村发展部签署了《中越农业合作行动计划》。"
    _entities, relations = _read(text)
    parties = {o for s, p, o in relations if s == "中越农业合作行动计划" and p == "party"}
    assert "中华人民共和国农业农村部" in parties
    assert "老挝农林部" not in parties


@pytest.mark.parametrize(
    "text",
    [
        "推动与有关国家签订水果检验检疫准入议定书。",
        "用好区域全面经济伙伴关系协定签署后的政策红利。",
    ],
)
def test_extract_wire_plural_counterparts_and_verbs_make_no_title(text):
    entities, _ = _read(text)
    assert not any(
        cls == "Agreement" and label.startswith(("推动", "用好", "利用")) for cls, label in entities
    )
    assert ("Agreement", "水果检验检疫准入议定书") not in entities


def test_extract_wire_an_ordinal_is_not_a_quantity():
    _entities, relations = _read("青石长江大桥是该市建成的第九座长江大桥，全线长约28公里。")
    values = {str(o.value) for s, p, o in relations if p == "hasQuantity"}
    assert "12" not in values


def test_extract_wire_one_text_signed_with_many_counterparts_is_a_bundle():
    entities, _ = _read("目前，教育部已与12个省份签订《职业教育协同发展合作备忘录》。")
    assert not any(cls == "Agreement" for cls, _label in entities)


def test_extract_wire_a_shi_written_alone_is_the_city_of_its_paragraph():
    text = (
        "肇庆市加快推进城市更新，市住建局表示将改造老旧小区120个。肇庆市还将新建公园10座。\n"
        "海阳市同样推进城市更新，市住建局负责人介绍，今年将完成改造60个。"
    )
    entities, _ = _read(text)
    agencies = {label for cls, label in entities if cls == "Agency"}
    assert {"肇庆市住房和城乡建设局", "海阳市住房和城乡建设局"} <= agencies


@pytest.mark.parametrize(
    "text, wrong",
    [
        ("福建省高速公路通车里程突破6000公里。", "福建省高速公路"),
        ("供应商应按照招标方规定报送项目。", "供应商应按照招标方规定报送项目"),
        ("推进老旧小区改造项目。", "老旧小区改造项目"),
        ("今年新投项目超过百个。", "新投项目"),
    ],
)
def test_extract_wire_a_provinces_lines_and_kinds_of_works_are_not_projects(text, wrong):
    entities, _ = _read(text)
    assert ("Project", wrong) not in entities


@pytest.mark.parametrize(
    "text, agency",
    [
        # 自治区 + sector + organ in an article whose own region is a province: the
        # autonomous region named before it, not a district of the province
        (
            "黑龙江省漠河市推进林区保护。宁夏回族自治区遭遇寒潮，自治区林业和草原局部署防护。",
            "宁夏回族自治区林业和草原局",
        ),
        ("黑龙江省漠河市推进林区保护，自治区林业和草原局部署防护。", None),
        # the region its sentence names after it, in a report of several regions
        (
            "黑龙江省漠河市春耕忙。自治区林业和草原局统计显示，宁夏今年新增造林百万亩。",
            "宁夏回族自治区林业和草原局",
        ),
    ],
)
def test_extract_wire_an_autonomous_regions_bureau_is_of_the_region_named(text, agency):
    entities, _ = _read(text)
    agencies = {label for cls, label in entities if cls == "Agency"}
    assert not any(label.startswith("漠河市") for label in agencies)
    if agency is not None:
        assert agency in agencies
