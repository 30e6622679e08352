"""Organisations by suffix: universities, hospitals, newspapers, legal company names."""

from __future__ import annotations

import pytest

from kg.extract import extract
from kg.records import Document


def _orgs(text: str) -> list[str]:
    ex = extract(Document(id="t", text=text))
    return [m.entity.label for m in ex.mentions if m.entity.cls == "Organization"]


@pytest.mark.parametrize(
    "text, expected",
    [
        ("南京大学、东南大学等高校参与。", ["南京大学", "东南大学"]),
        ("派出专家常驻保定市第二医院。", ["保定市第二医院"]),
        ("香港科技大学(广州)已签约。", ["香港科技大学(广州)"]),
        ("接受《南方日报》记者采访。", ["南方日报"]),
        ("新华社长沙5月26日电 会议召开。", ["新华社"]),
        ("湖南华菱钢铁集团有限责任公司与长沙签约。", ["湖南华菱钢铁集团有限责任公司"]),
        # a trade name the segmenter does not know, between the place and what it makes
        ("这些天，河北石家庄佳有塑料制品有限公司负责人很忙。", ["石家庄佳有塑料制品有限公司"]),
        # what the body is, before its name; a newspaper's publishing group
        ("英国智库皇家国际事务研究所研究员表示。", ["皇家国际事务研究所"]),
        ("河南日报报业集团党委书记出席。", ["河南日报报业集团"]),
        # a hospital's department for infections (医院感染) after the hospital
        ("李某  广西玉林市第一人民医院医院感染管理科科长", ["玉林市第一人民医院"]),
        ("梧州市人民医院感染科党支部获表彰。", ["梧州市人民医院"]),
        ("荷兰乳业企业菲仕兰乳业（上海）有限公司宣布扩产。", ["菲仕兰乳业(上海)有限公司"]),
        ("潍坊民营企业盛瑞传动股份有限公司获奖。", ["盛瑞传动股份有限公司"]),
        # a foundation named by what it funds, a verb before its suffix
        ("中国扶贫基金会向灾区捐赠物资。", ["中国扶贫基金会"]),
        ("浙江省慈善基金会与丽水市签约。", ["浙江省慈善基金会"]),
        # a joint-stock company (股份公司) is a legal form of its own
        ("中车株洲电力机车股份公司负责运营。", ["中车株洲电力机车股份公司"]),
        # the side a company is of, or its place, said before its name
        ("签约方还有俄方企业伏尔加农业控股公司。", ["伏尔加农业控股公司"]),
        ("当地企业阿拉善盟沙产业发展有限公司签约入驻。", ["阿拉善盟沙产业发展有限公司"]),
        # a name between two states, with a dash
        ("秘鲁—中国友好协会会长率团来访。", ["秘鲁—中国友好协会"]),
        # a hospital named after its university, with no 附属 between
        ("首都医科大学天坛医院专家到保定坐诊。", ["首都医科大学天坛医院"]),
        # a particle after single characters is in the trade name, not the clause
        ("聚力得新材料有限公司落户南通。", ["聚力得新材料有限公司"]),
        # a company registered with its province, a trade name and its city (湖南华菱湘潭…)
        ("集团旗下的湖南华菱湘潭钢铁有限公司参展。", ["湖南华菱湘潭钢铁有限公司"]),
        ("开发区与江西澜越九江光电科技有限公司签约。", ["江西澜越九江光电科技有限公司"]),
        ("协议由市政府和甘肃祁连张掖农牧发展有限公司共同签署。", ["甘肃祁连张掖农牧发展有限公司"]),
        # a place, then a verb before a newspaper: the paper is named after the verb
        ("部长在天津接受人民日报记者专访。", ["人民日报"]),
        # a body that entrusts another with work: the verb ends the name on its left
        ("海口江东新区委托同济大学建筑设计研究院编制规划。", ["同济大学建筑设计研究院"]),
        # an industry word the dictionary also has as a verb (投资), before the kind: the name's
        ("华润投资咨询有限公司负责人到场。", ["华润投资咨询有限公司"]),
        ("他曾任苏州恒远投资咨询有限公司监事。", ["苏州恒远投资咨询有限公司"]),
        # an institute's field of work ending in a verb (规划, 开发) is in its name
        ("湖南省城乡规划设计研究院与株洲市签约。", ["湖南省城乡规划设计研究院"]),
        ("胜利油田勘探开发研究院专家介绍。", ["胜利油田勘探开发研究院"]),
        ("甘肃省农业综合开发研究院发布报告。", ["甘肃省农业综合开发研究院"]),
        # a hospital named after a university the dictionary knows (同济大学), not a kind
        ("同济医院专家赴恩施义诊。", ["同济医院"]),
        # a company's branch in a province, where it signs
        ("中国人民财产保险公司江西分公司与南昌市签约。", ["中国人民财产保险公司江西分公司"]),
        # a verb of building before an institute is the clause's (双方将在…共建…研究院)
        ("双方将在天府新区共建电子信息产业研究院，四川大学参与。", ["四川大学"]),
        # a company's short form in brackets before the verb it signs with
        (
            "中国铁建同坦桑尼亚—赞比亚铁路公司（坦赞铁路公司）签订运营协议。",
            ["中国铁道建筑集团有限公司", "坦桑尼亚—赞比亚铁路公司", "坦桑尼亚—赞比亚铁路公司"],
        ),
    ],
)
def test_organizations_by_suffix(text, expected):
    assert _orgs(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "支持高校和医院共建平台。",
        "推动高校院所互设研发机构和研究型大学。",
        "支持相关行业协会整合资源。",
        "推动重庆环大学创新生态圈建设。",
        "引导小额贷款公司、融资担保公司规范发展。",
        "租客李某与房屋中介公司签订《房屋租赁合同》。",
        # counted before a state's name: universities of that state
        "在这12所加拿大大学中，留学生比例普遍较高。",
        # a company left unnamed (某)
        "江苏某精密机械有限公司因违规被罚。",
        # 经 (through) before a kind of hospital
        "他发烧后经镇卫生院诊治，已经康复。",
        # the universities a ministry runs
        "今年部属师范大学将扩大公费师范生招生。",
        # a kind of company or hospital, named by its type (…型)
        "目前很多科技型有限公司在此上市。",
        "本地一批创新型股份公司陆续挂牌。",
        "市里新建了两家大型医院。",
        # a company named only by its trade, where it signs
        "吴忠市人民政府与保险公司签署了合作协议。",
        "县里与投资公司、物流集团签约。",
    ],
)
def test_organizations_kinds_are_not_names(text):
    assert _orgs(text) == []


@pytest.mark.parametrize(
    "text",
    [
        "她是慕尼黑一家园艺协会的会员，园艺协会每年办花展。",
        "那些重症医院收治了大部分患者。",
        "加快建设县级以上医院和乡村社区卫生院。",
        "他在该校材料工程学院读研究生。",
        "记者从市电影行业协会获悉，展映周将开幕。",
        # 会员 after a short form ending in 协: members, not a 协会
        "中建协会员单位增至两千家。",
        "伤者被转往普通医院继续治疗。",  # a kind the dictionary tags as a proper noun
        "全市开展“五好”商会创建活动。",  # a standard met, in quotes
        "深化行业协会商会改革。",  # two kinds of body written together
        "不少毕业生来自名牌大学和科研院所。",  # a common noun of the dictionary
        "各地全面推广方舱医院的做法。",  # an adverb and its verb the dictionary joins
        "问题总会解决，郭某总会想办法。",  # 总会, "always will", after a person
        # a bulletin and a communiqué in book marks are documents, not newspapers
        "据商会编发的《跨境物流周度简报》，运价回落。",
        "会议发表了《中亚五国经济公报》。",
        # some of a kind in a country, none named
        "此后，他们与中国一些大学建立了联系。",
    ],
)
def test_organizations_kind_of_body_is_no_name(text):
    assert _orgs(text) == []


@pytest.mark.parametrize(
    "text, expected",
    [
        ("国家林业和草原局林业经济研究所所长发言。", ["国家林业和草原局林业经济研究所"]),
        ("工业和信息化部电子工业标准化研究院发布报告。", ["工业和信息化部电子工业标准化研究院"]),
        (
            "东北大学冶金学院、材料科学研究院联合申报。",
            ["东北大学冶金学院", "东北大学材料科学研究院"],
        ),
        ("雷神山医院收治首批患者。", ["雷神山医院"]),
        ("中老友好协会代表团到访。", ["中老友好协会"]),
        ("北邮信息安全学院的学生获奖。", ["北邮信息安全学院"]),
        ("国际园艺生产者协会认可了这次博览会。", ["国际园艺生产者协会"]),
    ],
)
def test_organizations_unit_named_after_its_parent(text, expected):
    assert _orgs(text) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        ("两部门指导中国纺织品进出口商会发布名单。", ["中国纺织品进出口商会"]),
        ("他捐赠500万元予浙江大学医学院附属第二医院。", ["浙江大学医学院附属第二医院"]),
        ("接受意大利RAI电视台采访时说。", ["RAI电视台"]),
        ("内蒙古工业大学与企业合作。", ["内蒙古工业大学"]),
        ("《今日中国》杂志社编辑部。", ["《今日中国》杂志社"]),
        ("松下电器(中国)有限公司签约。", ["松下电器(中国)有限公司"]),
        # a post held before the name; a branch needs its academy written with it
        ("时任厦门大学校长出席。", ["厦门大学"]),
        ("中国科学院武汉分院与武汉大学签约。", ["中国科学院武汉分院", "武汉大学"]),
        ("武汉分院与武汉大学签约。", ["武汉大学"]),
        # the alma mater (母校) before the name
        ("她说，母校兰州大学一直有支教的传统。", ["兰州大学"]),
        # a verb of praise or regard before the name
        ("贺信中，他热烈祝贺中国科学院大气物理研究所建所九十周年。", ["中国科学院大气物理研究所"]),
        # a pronoun or an adverb between the subject and the joiner before the name
        ("后来，我们与中国农业科学院茶叶研究所合作。", ["中国农业科学院茶叶研究所"]),
        (
            "四川港投集团有限公司分别与陆海新通道运营有限公司合作。",
            ["四川港投集团有限公司", "陆海新通道运营有限公司"],
        ),
        # China before a university named by its city; a think tank described before its name
        ("他曾在中国兰州大学任教。", ["兰州大学"]),
        ("西方智库国际战略研究所发布报告。", ["国际战略研究所"]),
        # a joiner's character inside a place's name; a state whose name opens on a
        # function character
        ("他是中国铁路呼和浩特局集团有限公司的调车长。", ["中国铁路呼和浩特局集团有限公司"]),
        ("据也门萨巴通讯社报道，会谈举行。", ["萨巴通讯社"]),
        # what the company is, written before its name
        ("日照港与日本船公司川崎汽船株式会社签约。", ["川崎汽船株式会社"]),
        # the signers listed after the marker
        ("签约方为中国农业银行股份有限公司和兰州大学。", ["中国农业银行股份有限公司", "兰州大学"]),
        # a state organ by its short name, an adverb, then the joiner
        ("早在去年，县法院就与西南政法大学签署了协议。", ["西南政法大学"]),
    ],
)
def test_organizations_name_starts_past_words_of_the_clause(text, expected):
    assert _orgs(text) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        # central enterprises by the short names they use, labelled by their registered names
        (
            "中国海油与中国华电在深圳签署海上风电开发协议。",
            ["中国海洋石油集团有限公司", "中国华电集团有限公司"],
        ),
        ("国家电网公司承担特高压工程建设。", ["国家电网有限公司"]),
        ("中国石化集团公司发布年度报告。", ["中国石油化工集团有限公司"]),
        ("保利集团有限公司与当地签约。", ["中国保利集团有限公司"]),  # the name without 中国
        # a society's committee or branch written after it: the society is only inside
        ("中国地质学会矿物资源专业委员会发布报告。", ["中国地质学会矿物资源专业委员会"]),
        ("中国摄影家协会江苏分会举办影展。", ["中国摄影家协会江苏分会"]),
        ("中国摄影家协会在苏州分会场颁奖。", ["中国摄影家协会"]),
        # a subsidiary written after its parent's short name keeps its own name
        ("中国移动通信集团河南有限公司开通基站。", ["中国移动通信集团河南有限公司"]),
        # a group's company of a province by the group's short name: that company, or none
        # when only its sector is written; never the group
        ("中国联通甘肃省分公司开通了新基站。", ["中国联通甘肃省分公司"]),
        ("南方电网云南电网公司与昆明市政府座谈。", ["南方电网云南电网公司"]),
        ("国网江西电力当天还与南昌市签署协议。", []),
        # a company's registered name opening with 中国 before its province, after a joiner
        (
            "建行与中国四川国际合作股份有限公司签署合作协议。",
            ["中国建设银行", "中国四川国际合作股份有限公司"],
        ),
        # a bank's kind before a clause that ends in 分行 names no bank
        ("新规对外资银行的股东及其新设分行提出了要求。", []),
        # a bank's branch written after the bank's legal form, wherever it stands
        (
            "中国建设银行股份有限公司甘肃省分行出席了发布会。",
            ["中国建设银行股份有限公司甘肃省分行"],
        ),
        # a museum of the palace kind (博物院) is an organisation
        ("湖南博物院与长沙市签署文物保护合作协议。", ["湖南博物院"]),
        # a company's or a brand's name of the dictionary that holds a stop word (通用, 联合)
        ("上汽通用汽车有限公司在武汉投产新车型。", ["上汽通用汽车有限公司"]),
        ("联合国基金会与当地高校开展合作。", ["联合国基金会"]),
        # after a bank by its short name and 和, the company named in full
        (
            "建行和上汽通用五菱汽车股份有限公司签署了合作协议。",
            ["中国建设银行", "上汽通用五菱汽车股份有限公司"],
        ),
        # a place before the legal form: the trade and industry words before it are the name's
        ("工人们在博世汽车部件长沙有限公司上班。", ["博世汽车部件长沙有限公司"]),
        # trade names listed before 等…企业 are companies; trades and places listed are not
        ("为腾讯、比亚迪等龙头企业提供服务。", ["腾讯", "比亚迪"]),
        ("钢铁、水泥、玻璃等建材企业增长。", []),
        # national people's organisations by the short names they use
        (
            "中国贸促会和全国侨联共同主办论坛。",
            ["中国国际贸易促进委员会", "中华全国归国华侨联合会"],
        ),
        # an engineering bureau of a central enterprise by its number
        ("中铁十七局与晋中市签订了投资协议。", ["中铁十七局"]),
        ("中交三航局承建的码头投入使用。", ["中交三航局"]),
        ("中建七局西北公司负责施工。", ["中建七局"]),
        # written again after its registered name: one company
        (
            "中铁二十四局集团有限公司中标。中铁二十四局将于年底开工。",
            ["中铁二十四局集团有限公司", "中铁二十四局集团有限公司"],
        ),
        # written short after its name in full: one company, if of the same group
        (
            "中国建筑第五工程局有限公司总部在长沙。中建五局与株洲市签署了投资协议。",
            ["中国建筑第五工程局有限公司", "中国建筑第五工程局有限公司"],
        ),
        (
            "中国建筑第五工程局有限公司总部在长沙。中铁五局与株洲市签署了投资协议。",
            ["中国建筑第五工程局有限公司", "中铁五局"],
        ),
        # a publishing group: its trade, a verb, is part of its name
        ("中国出版集团与喀什大学签署了合作协议。", ["中国出版集团", "喀什大学"]),
        # a visit before a known enterprise's name is not part of it
        (
            "次日，代表团走访国家能源投资集团有限责任公司，了解新能源项目。",
            ["国家能源投资集团有限责任公司"],
        ),
        # a leader's post after a body, then the joiner: the name after it is its own
        ("海关总署署长与欧洲中央银行行长签署了合作备忘录。", ["欧洲中央银行"]),
        # an adverb, then the joiner: neither is part of the name
        ("成都市人民政府已同京东集团签署了合作协议。", ["京东集团"]),
        # the bureau and what it builds are two names
        ("中建二局滁州市第一人民医院项目部开工。", ["中建二局", "滁州市第一人民医院"]),
    ],
)
def test_organizations_central_enterprises_by_their_short_names(text, expected):
    assert _orgs(text) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        # a national academy by the short name it uses, where it signs or acts
        ("中科院与成都市政府签署了科技合作协议。", ["中国科学院"]),
        ("中国社科院发布了一份关于城市群的报告。", ["中国社会科学院"]),
        # an academy's institute written under the academy's short name: the same institute
        ("课题组来自中科院成都生物研究所。", ["中国科学院成都生物研究所"]),
        (
            "中国农科院柑桔研究所与中国农业科学院柑桔研究所是同一家。",
            ["中国农业科学院柑桔研究所", "中国农业科学院柑桔研究所"],
        ),
        ("中国热科院橡胶研究所研究员指导割胶。", ["中国热带农业科学院橡胶研究所"]),
        # a title of a person, not the academy
        ("他当选为中科院院士。", []),
    ],
)
def test_organizations_national_academies_and_their_institutes_by_short_names(text, expected):
    assert _orgs(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "中国建筑业增加值持续增长。",  # a trade
        "中国建筑文化源远流长。",  # a phrase: a noun follows
        "中国电信业务收入增长。",
    ],
)
def test_organizations_a_short_name_inside_a_phrase_is_no_enterprise(text):
    assert _orgs(text) == []


@pytest.mark.parametrize(
    "text, expected",
    [
        # intergovernmental organisations, by their full or short names
        ("湖南省人民政府与亚洲开发银行签署贷款框架协议。", ["亚洲开发银行"]),
        ("亚投行批准了该项目的融资。", ["亚洲基础设施投资银行"]),
        ("中国政府与东盟签署《全面经济合作框架协议》。", ["东南亚国家联盟"]),
    ],
)
def test_organizations_intergovernmental_organisations(text, expected):
    assert _orgs(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "中方已与东盟10国签署农业合作文件。",  # the member states
        "东盟国家农产品进入中国市场。",
        "联合国大会通过决议。",  # an organ, written with a noun after the name
    ],
)
def test_organizations_member_states_and_organs_are_not_the_organisation(text):
    assert _orgs(text) == []


@pytest.mark.parametrize(
    "text, name",
    [
        # a person leading a company, a builder giving aid
        ("张伟带领三生制药有限责任公司参与乡村振兴。", "三生制药有限责任公司"),
        ("施工方援老挝万象友谊医院门诊楼今天封顶。", "万象友谊医院"),
        # a road named after a university is no university: the school on it is named
        ("赵敏  太原市杏花岭区大学东路小学校长", None),
    ],
)
def test_organizations_a_name_begins_after_leading_or_aid_not_on_a_road(text, name):
    ex = extract(Document(id="t", text=text))
    found = {m.span.surface for m in ex.mentions if m.entity.cls == "Organization"}
    assert found == ({name} if name else set())


@pytest.mark.parametrize(
    "text, name",
    [
        # a company's trade words before its place, the whole item of a list
        (
            "受表彰的有：长沙烟草公司、华能岳阳发电有限公司、株洲市第一中学。",
            "华能岳阳发电有限公司",
        ),
        ("中科长沙星河农业科技有限公司总经理李明介绍。", "中科长沙星河农业科技有限公司"),
        # a person's name before the company, a clause before it: not trade words
        ("获奖者：王志平株洲市环卫有限公司、李江是衡阳新城建设有限公司经理。", None),
    ],
)
def test_organizations_trade_words_before_the_place_of_a_company(text, name):
    ex = extract(Document(id="t", text=text))
    found = {m.span.surface for m in ex.mentions if m.entity.cls == "Organization"}
    if name is None:
        assert not any(s[:1] in "王李" for s in found)
    else:
        assert name in found


@pytest.mark.parametrize(
    "text, name",
    [
        # a company's branch is the branch
        ("中国电信股份有限公司黔南分公司获表彰。", "中国电信股份有限公司黔南分公司"),
        # 同 that begins a name is no joiner
        ("复旦大学管理学院、同济大学海洋学院等单位参加。", "同济大学海洋学院"),
        # (本部) after a company in a list of honoured units is not its name's
        ("河北恒远特钢集团有限公司（本部）、唐山市第九中学获表彰。", "河北恒远特钢集团有限公司"),
        # 跟 joins a village and a company
        ("界湖街道枣林庄村跟红果食品有限公司合作。", "红果食品有限公司"),
        # a bank's branch written with the bank's legal form, signing 分别 with two counterparts
        (
            "中国邮政储蓄银行股份有限公司云南省分行日前分别与昆明理工大学、云南大学签署了合作协议。",
            "中国邮政储蓄银行股份有限公司云南省分行",
        ),
        (
            "中国光大银行股份有限公司四川分行与成都市人民政府签署协议。",
            "中国光大银行股份有限公司四川分行",
        ),
        # a field of study whose word holds a stop word (应用化学)
        (
            "吉林大学与中国科学院长春应用化学研究所签署合作协议。",
            "中国科学院长春应用化学研究所",
        ),
        # a company whose legal form has 集团 in brackets
        (
            "去年，抚州文化旅游投资（集团）有限责任公司修缮了古村。",
            "抚州文化旅游投资（集团）有限责任公司",
        ),
        # a stop word inside an abbreviation of the dictionary (外商投资), not an adverb's verb
        ("苏州市外商投资企业协会与园区签署合作协议。", "苏州市外商投资企业协会"),
        # federations of industries, of associations, of fellow provincials
        ("澳门工业总会与珠海市签署合作协议。", "澳门工业总会"),
        ("温州同乡总会在米兰举办联谊活动。", "温州同乡总会"),
        # a chamber of one province's merchants in another keeps both places; a hospital
        # drops the province above its city
        ("浙江省四川商会与成都市签署合作协议。", "浙江省四川商会"),
        ("澳门江门同乡总会举办联谊活动。", "澳门江门同乡总会"),
        # a river's name after the city is the body's own, the city stays
        ("刘某  武汉市长江医院护师", "武汉市长江医院"),
        # two given names joined by 及 in a foundation's name
        ("清华大学与迈克尔及苏珊·戴尔基金会签署合作协议。", "迈克尔及苏珊·戴尔基金会"),
        # a company's plant or mine written after its legal form, in a list of units
        (
            "获奖单位：四川华电珙县发电有限公司、甘肃电投能源发展股份有限公司炳灵水电站、某局。",
            "甘肃电投能源发展股份有限公司炳灵水电站",
        ),
        # a count of people before a body is not part of its name
        ("活动邀请了30名华中师范大学研究生参加。", "华中师范大学"),
        # a municipality before its district's hospital is the city, kept in the name
        ("王某  上海市普陀区中心医院护师", "上海市普陀区中心医院"),
        # a county's hospital is named after the county, not the city above it; a district's
        # keeps its city
        ("病人转往天水市秦安县人民医院治疗。", "秦安县人民医院"),
        ("医生来自南阳市邓州市人民医院。", "邓州市人民医院"),
        ("专家来自成都市新都区人民医院。", "成都市新都区人民医院"),
        ("专家来自成都市新都人民医院。", "成都市新都人民医院"),
        # what a body is, before a short name of its own (智库…研究所)
        ("美国智库卡托研究所发布报告。", "卡托研究所"),
        # a central enterprise by its short name, before what it does (投资建设)
        ("这座电站由中国华电投资建设，年发电量可观。", "中国华电"),
        # newspapers in book marks, whatever their title ends with
        ("香港《大公报》刊文指出，合作前景广阔。", "大公报"),
        ("墨西哥《千年报》发表评论。", "千年报"),
        # a trade name jieba tags as a verb, before the bracket of its legal form
        ("宁波港与申能（集团）有限公司签署合作协议。", "申能（集团）有限公司"),
        # a national qualifier jieba tags as an adverb; the university's hospital
        ("首都医科大学与唐山市签署协议。", "首都医科大学"),
        (
            "首都医科大学附属北京友谊医院与通州区签署合作协议。",
            "首都医科大学附属北京友谊医院",
        ),
    ],
)
def test_organizations_branches_and_names_beginning_with_a_joiners_character(text, name):
    ex = extract(Document(id="t", text=text))
    assert name in {m.span.surface for m in ex.mentions if m.entity.cls == "Organization"}


@pytest.mark.parametrize(
    "text, labels",
    [
        # a unit named again without its parent is the unit named before in full
        (
            "中国科学院大连化学物理研究所与大连市签署协议。会后，大连化学物理研究所专家作报告。",
            {"中国科学院大连化学物理研究所"},
        ),
        # a unit listed after another unit of an academy belongs to it; a body named after
        # the country does not
        (
            "中国科学院南京土壤研究所、中国土壤学会与江苏省农业农村厅签署合作协议。",
            {"中国科学院南京土壤研究所", "中国土壤学会"},
        ),
        ("北京大学物理学院、化学学院与该市签约。", {"北京大学物理学院", "北京大学化学学院"}),
        # a university's unit that studies China, named after it; a national body after a
        # university is its own
        ("南开大学中国城市研究院与该区签约。", {"南开大学中国城市研究院"}),
        ("浙江大学、中国农业科学院与该市签约。", {"浙江大学", "中国农业科学院"}),
    ],
)
def test_organizations_units_named_with_and_without_their_parent(text, labels):
    ex = extract(Document(id="t", text=text))
    assert {m.entity.label for m in ex.mentions if m.entity.cls == "Organization"} == labels


@pytest.mark.parametrize(
    "text, expected, absent",
    [
        # a state's national, state or royal body keeps the state's name
        (
            "西班牙国家图书馆联合会与国家图书馆签署协议。",
            "西班牙国家图书馆联合会",
            "国家图书馆联合会",
        ),
        (
            "马来西亚国立大学亚洲研究所代表团来访。",
            "马来西亚国立大学亚洲研究所",
            "国立大学亚洲研究所",
        ),
        (
            "英国皇家马斯登医院与复旦大学附属肿瘤医院签署协议。",
            "英国皇家马斯登医院",
            "皇家马斯登医院",
        ),
        # …国际… after a state: its body for international work (日本国 is no state's name here)
        ("宁波市与日本国际贸易促进会签署协议。", "日本国际贸易促进会", "国际贸易促进会"),
        # a state before a body named by a proper noun or a place word is not in its name
        ("柳州市与泰国开泰银行签署协议。", "开泰银行", "泰国开泰银行"),
        ("宁波市与英国诺丁汉大学签署协议。", "诺丁汉大学", "英国诺丁汉大学"),
        # a term of what the body does after the state: the state's own body
        ("泰国中华总商会与南宁市签署协议。", "泰国中华总商会", "中华总商会"),
        ("西宁市与智利天主教大学签署协议。", "智利天主教大学", "天主教大学"),
        ("延边大学与韩国外国语大学签署协议。", "韩国外国语大学", "外国语大学"),
        # a state's academy and its branches and institutes
        (
            "兰州大学与俄罗斯科学院乌拉尔分院地球物理研究所签署协议。",
            "俄罗斯科学院乌拉尔分院地球物理研究所",
            "科学院乌拉尔分院地球物理研究所",
        ),
        ("吉林大学与韩国农业科学院签约。", "韩国农业科学院", "农业科学院"),
        # 慈善 (charity), a word the segmenter's dictionary tags a person's name: a kind of body
        ("该项目由挪威慈善基金会资助。", "挪威慈善基金会", "慈善基金会"),
        # the number of an item of a list is not part of the name
        ("捐赠单位：3.中华慈善总会，4.爱德基金会。", "中华慈善总会", "3.中华慈善总会"),
        ("捐赠单位：3.中华慈善总会，4.爱德基金会。", "爱德基金会", "4.爱德基金会"),
    ],
)
def test_organizations_a_state_kept_and_a_list_number_left_out(text, expected, absent):
    orgs = _orgs(text)
    assert expected in orgs
    assert absent not in orgs


@pytest.mark.parametrize(
    "text, absent",
    [
        # a special bulletin is no newspaper; a kind of hospital names none
        ("省气象台发布《夏收夏种气象服务专报》。", "夏收夏种气象服务专报"),
        ("该区计划引进港资三级综合医院。", "港资三级综合医院"),
        # 院 of a head's title (医疗院长) ends no hospital's name
        ("李明同时担任雷神山医院医疗院长。", "雷神山医院医疗院"),
        # a kind of hospital (中医医院: traditional medicine) without a place or a name
        ("推动各地公立中医医院改革。", "中医医院"),
        # a daily report (日报告), a year's bulletin (…年…公报) are no newspapers
        ("省卫健委建立了病例日报告制度。", "病例日报"),
        ("国家海洋局发布《2020年海洋灾害公报》。", "2020年海洋灾害公报"),
        # a kindergarten and a college for its teachers: two kinds, no name
        ("县里计划新建小学与幼师学院各一所。", "小学与幼师学院"),
        # a hospital designated for a disease or a group: a status, whatever place is before it
        ("重症患者集中转运至兰州市定点医院。", "兰州市定点医院"),
        ("全省设立传染病救治定点医院。", "传染病救治定点医院"),
        ("县定点医院腾出病房。", "县定点医院"),
    ],
)
def test_organizations_bulletins_and_kinds_of_hospital_are_not_names(text, absent):
    assert absent not in _orgs(text)


@pytest.mark.parametrize(
    "text, labels",
    [
        # a bank's branch after its name and its province or city, wherever it is written
        (
            "银川市人民政府与中国银行宁夏回族自治区分行等单位签署协议。",
            {"中国银行宁夏回族自治区分行"},
        ),
        ("大会邀请了交通银行海南省分行以及海南大学。", {"交通银行海南省分行", "海南大学"}),
        # a branch written again without its legal form or its province's level is the branch
        (
            "中国农业银行股份有限公司云南省分行与云南大学签约。农行云南分行将提供结算服务。",
            {"中国农业银行股份有限公司云南省分行", "云南大学"},
        ),
        (
            "西北大学和中国工商银行股份有限公司陕西省分行签署协议。工行陕西省分行将提供贷款。",
            {"西北大学", "中国工商银行股份有限公司陕西省分行"},
        ),
        # a bank's branch after the short name of its city, wherever it is written
        ("中国建设银行湛江分行有关负责人介绍了情况。", {"中国建设银行湛江分行"}),
        # written again without its legal form and its region's level: the branch
        (
            "中国农业银行股份有限公司广西壮族自治区分行与广西大学签约。农行广西分行将提供结算服务。",
            {"中国农业银行股份有限公司广西壮族自治区分行", "广西大学"},
        ),
        # a bank not read before a city's 分行, and a clause between a bank and 分行, name no branch
        ("齐鲁银行淄博分行行长出席。", {"齐鲁银行"}),
        ("农业银行扩大贫困地区分行的审批权限。", {"中国农业银行"}),
    ],
)
def test_organizations_bank_branches_and_their_short_forms(text, labels):
    ex = extract(Document(id="t", text=text))
    assert {m.entity.label for m in ex.mentions if m.entity.cls == "Organization"} == labels


@pytest.mark.parametrize(
    "text, labels",
    [
        # a national carrier's company of a province, named again by the province and carrier
        (
            "中国移动通信集团黑龙江有限公司与哈尔滨工业大学签约。黑龙江移动将建设5G专网。",
            {"中国移动通信集团黑龙江有限公司", "哈尔滨工业大学"},
        ),
        (
            "中国电信股份有限公司甘肃分公司与兰州大学签约。甘肃电信将提供算力服务。",
            {"中国电信股份有限公司甘肃分公司", "兰州大学"},
        ),
    ],
)
def test_organizations_a_carrier_s_provincial_company_by_its_short_name(text, labels):
    ex = extract(Document(id="t", text=text))
    mentions = [m for m in ex.mentions if m.entity.cls == "Organization"]
    assert {m.entity.label for m in mentions} == labels
    assert any(m.span.surface.endswith(("移动", "电信")) for m in mentions)


@pytest.mark.parametrize(
    "text, short_of",
    [
        # a group named again by the first characters of its first two words and 集团
        (
            "广州船舶工业集团有限公司与华南理工大学签约。广船集团将建设智能船厂。",
            "广州船舶工业集团有限公司",
        ),
        # two groups with the same initials: the short form stands for neither
        ("广州船舶工业集团有限公司与广东船舶工程集团有限公司签约。广船集团表示欢迎。", None),
    ],
)
def test_organizations_a_group_by_the_initials_of_its_words(text, short_of):
    ex = extract(Document(id="t", text=text))
    read = {m.span.surface: m.entity.label for m in ex.mentions if m.entity.cls == "Organization"}
    assert read.get("广船集团") == short_of


@pytest.mark.parametrize(
    "text, short, short_of",
    [
        # a company named by its trade name and the first characters of its trade's two words,
        # written before its registered name too
        (
            "农行分别与青山绿建、东方电气签署协议。青山绿色建材股份有限公司位于湖州。",
            "青山绿建",
            "青山绿色建材股份有限公司",
        ),
        (
            "长城光伏材料有限公司与新疆大学签约。长城光材将建设实验室。",
            "长城光材",
            "长城光伏材料有限公司",
        ),
    ],
)
def test_organizations_a_company_by_its_trade_name_and_initials(text, short, short_of):
    ex = extract(Document(id="t", text=text))
    read = {m.span.surface: m.entity.label for m in ex.mentions if m.entity.cls == "Organization"}
    assert read.get(short) == short_of


@pytest.mark.parametrize(
    "text, short, short_of",
    [
        # a short form in Latin letters defined in brackets; a joint venture's kind before it
        (
            "双方合资企业宝钢湛江钢铁有限公司（BZS）投产。BZS与广东海洋大学签下《绿色钢铁协议》。",
            "BZS",
            "宝钢湛江钢铁有限公司",
        ),
        # a brand's company written again without its legal form
        (
            "SK中国有限公司在无锡投资。SK中国相关负责人表示将扩大生产。",
            "SK中国",
            "SK中国有限公司",
        ),
    ],
)
def test_organizations_a_short_form_in_latin_letters(text, short, short_of):
    ex = extract(Document(id="t", text=text))
    read = {m.span.surface: m.entity.label for m in ex.mentions if m.entity.cls == "Organization"}
    assert read.get(short) == short_of
    assert short_of in set(read.values())


@pytest.mark.parametrize(
    "text, short, label",
    [
        # a province's people's hospital and a city's numbered one, by the short forms an
        # article about them writes
        ("湖北省人民医院与恩施州签约。省医将派专家常驻。", "省医", "湖北省人民医院"),
        (
            "杭州市第一人民医院与淳安县签约。市一医院将派专家常驻。",
            "市一医院",
            "杭州市第一人民医院",
        ),
    ],
)
def test_organizations_people_s_hospitals_by_their_short_forms(text, short, label):
    ex = extract(Document(id="t", text=text))
    read = {m.span.surface: m.entity.label for m in ex.mentions if m.entity.cls == "Organization"}
    assert read.get(short) == label


@pytest.mark.parametrize(
    "text, expected",
    [
        # a province's, a city's or a county's people's organisation by its short name
        ("陕西省贸促会组团赴阿联酋参展。", ["中国国际贸易促进委员会陕西省委员会"]),
        ("贵州科协举办科普讲解大赛。", ["贵州省科学技术协会"]),
        ("洛阳市妇联开展家庭教育讲座。", ["洛阳市妇女联合会"]),
        ("南宁市工商联组织企业家考察。", ["南宁市工商业联合会"]),
        ("景东县残联为残疾人发放辅具。", ["景东彝族自治县残疾人联合会"]),
        ("甘肃省侨联与兰州大学签署合作协议。", ["甘肃省归国华侨联合会", "兰州大学"]),
        # written in full, it is read as written
        ("福建省工商业联合会召开常委会。", ["福建省工商业联合会"]),
        (
            "中国国际贸易促进委员会大连市委员会与大连海事大学签署协议。",
            ["中国国际贸易促进委员会大连市委员会", "大连海事大学"],
        ),
    ],
)
def test_organizations_local_people_s_organisations_by_place_and_short_name(
    text: str, expected: list[str]
) -> None:
    assert _orgs(text) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        # a centre of exchange or promotion where it signs; one "with Europe" or "with Africa"
        (
            "宁波市航运协会与宁波国际航运交流中心在北仑区签署合作协议。",
            ["宁波市航运协会", "宁波国际航运交流中心"],
        ),
        ("浙江省对非经贸合作促进中心与义乌市签署协议。", ["浙江省对非经贸合作促进中心"]),
    ],
)
def test_organizations_exchange_centres_where_they_sign(text: str, expected: list[str]) -> None:
    assert _orgs(text) == expected


def test_organizations_an_exchange_centre_to_be_built_is_no_body() -> None:
    assert _orgs("该市将建设国际交流中心。") == []


@pytest.mark.parametrize(
    "text",
    [
        # no place before the short name, or the short name's end begins a word
        "全省妇联系统召开会议。",
        "湖北合作协议已经签署。",
    ],
)
def test_organizations_a_people_s_organisation_needs_its_place(text: str) -> None:
    assert _orgs(text) == []


@pytest.mark.parametrize(
    "text, expected",
    [
        # a school that signs, or is listed among the signers, by its suffix
        (
            "杭州市第十四中学与阿克苏地区第二中学签署《结对帮扶协议》。",
            ["杭州市第十四中学", "阿克苏地区第二中学"],
        ),
        ("厦门外国语学校和宁德市实验小学签订合作办学协议。", ["厦门外国语学校", "宁德市实验小学"]),
        # a school's name written where it does not sign is the kind's too often to be read
        ("杭州市第十四中学的学生参加了比赛。", []),
    ],
)
def test_organizations_schools_where_they_sign(text: str, expected: list[str]) -> None:
    assert _orgs(text) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        # an alliance or a council that signs, by its suffix
        (
            "长江中游城市群高校联盟与武汉市教育局签署《人才培养合作协议》。",
            ["长江中游城市群高校联盟"],
        ),
        # a name between a state and a union of states, with a dash
        ("中国—东盟商务理事会与南宁市人民政府签署合作备忘录。", ["中国—东盟商务理事会"]),
        # where it does not sign, the kind is read no more than the name
        ("他是一家产业联盟理事会的成员。", []),
    ],
)
def test_organizations_alliances_and_councils_where_they_sign(
    text: str, expected: list[str]
) -> None:
    assert _orgs(text) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        # a museum, a library, a theatre or an orchestra that signs, by its suffix
        ("陕西历史博物馆与大英博物馆签署《文物修复合作协议》。", ["陕西历史博物馆", "大英博物馆"]),
        ("中国广播民族乐团与延边大学签约。", ["中国广播民族乐团", "延边大学"]),
        ("上海话剧艺术中心与重庆市话剧院签署合作协议。", ["重庆市话剧院"]),
        # where it does not sign, the kind is read no more than the name
        ("陕西历史博物馆今年接待游客增长。", []),
    ],
)
def test_organizations_museums_libraries_and_theatres_where_they_sign(
    text: str, expected: list[str]
) -> None:
    assert _orgs(text) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        # a centre the state set up in a place, named after both, where it signs
        (
            "中国（海南）知识产权保护中心与海南大学签署合作协议。",
            ["中国(海南)知识产权保护中心", "海南大学"],
        ),
        # the joiner after a centre, or before a known body, joins two names
        (
            "中国（福建）知识产权保护中心与东盟知识产权研究院签署合作备忘录。",
            ["中国(福建)知识产权保护中心", "东盟知识产权研究院"],
        ),
    ],
)
def test_organizations_a_centre_of_the_state_in_a_place(text: str, expected: list[str]) -> None:
    assert _orgs(text) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        # a company's own word the segmenter tags as a verb, before words of its kind alone
        ("会上，攀钢集团有限公司与米易县签署了合作协议。", ["攀钢集团有限公司"]),
        ("昆明市与云铝股份有限公司签约。", ["云铝股份有限公司"]),
        ("同日，安踏体育用品集团有限公司与晋江市签约。", ["安踏体育用品集团有限公司"]),
        # words of a kind alone, after a clause: no company is named
        ("该市将成立集团有限公司统筹运营。", []),
        ("吸引更多中外航空公司开通航线。", []),
        # a university whose words are an industry's is no company
        ("电子科技大学与绵阳市签约。", ["电子科技大学"]),
        ("有限公司与成都市签约。", []),
    ],
)
def test_organizations_a_name_of_kind_words_alone(text: str, expected: list[str]) -> None:
    assert _orgs(text) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        # a promotion association named by what it promotes, a verb
        ("西藏自治区与中国扶贫促进会签署合作协议。", ["中国扶贫促进会"]),
        # formed by the circles of a place
        ("香港各界教育促进会与广东省教育厅签约。", ["香港各界教育促进会"]),
        ("澳门各界扶贫促进会和云南省扶贫办签约。", ["澳门各界扶贫促进会"]),
        # a verb and the word 会议 or 会员 are no association
        ("各地扶贫促进会员企业发展。", []),
    ],
)
def test_organizations_promotion_associations_named_by_their_aim(
    text: str, expected: list[str]
) -> None:
    assert _orgs(text) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        # a company, or a place's name, before the joiner: two bodies, not fields of one
        ("龙佰集团与攀枝花学院签署协议。", ["龙佰集团", "攀枝花学院"]),
        ("万华化学集团股份有限公司分别与烟台大学签约。", ["万华化学集团股份有限公司", "烟台大学"]),
        # two fields joined in one institute's name
        ("中国科学院海洋与气候研究院成立。", ["中国科学院海洋与气候研究院"]),
    ],
)
def test_organizations_a_joiner_between_two_bodies_or_two_fields(
    text: str, expected: list[str]
) -> None:
    assert _orgs(text) == expected
