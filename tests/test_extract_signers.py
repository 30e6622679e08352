"""Who signs, and what is no agreement at all, in wire text: states by their pair of
abbreviations far from the verb or through their representatives, a treaty concluded (达成),
bodies of food and drug safety; contracts with amounts, loans, damages and memberships, kinds
of agreement never signed, one text signed with a kind of counterpart (sentences written for
these tests; no article text)."""

from __future__ import annotations

import datetime

import pytest

from kg.extract import extract
from kg.records import DateValue, Document, Entity


def _read(text: str, published: str = "2021-03-20"):
    doc = Document(id="signers", text=text, published=datetime.date.fromisoformat(published))
    ex = extract(doc)
    agreements = {m.entity.label for m in ex.mentions if m.entity.cls == "Agreement"}
    facts = set()
    for r in ex.relations:
        o = r.object
        o = o.label if isinstance(o, Entity) else o.lexical if isinstance(o, DateValue) else o
        facts.add((r.subject.label, r.predicate, o))
    return agreements, facts


def _parties(text: str, title: str) -> set[str]:
    """The parties the extractor gives ``title`` (which it must read as an agreement)."""
    agreements, facts = _read(text)
    assert title in agreements
    return {o for s, p, o in facts if s == title and p == "party"}


def _signed_on(text: str, published: str, title: str) -> set[str]:
    """The signing dates the extractor gives ``title`` (which it must read as an agreement)."""
    agreements, facts = _read(text, published)
    assert title in agreements
    return {o for s, p, o in facts if s == title and p == "signedOn"}


@pytest.mark.parametrize(
    "text, title, parties",
    [
        # a pair of states, then a day, a long place and an adverb before the verb
        (
            "中法两国3月18日在法国首都巴黎正式签署航空运输合作协定。",
            "中国政府与法国政府航空运输合作协定",  # a kind, named after its parties
            {"中国政府", "法国政府"},
        ),
        # the states' representatives sign for them
        (
            "中越代表在越南河内签署了边境口岸管理合作备忘录。",
            "边境口岸管理合作备忘录",
            {"中国政府", "越南政府"},
        ),
        # a treaty concluded (达成) by two governments
        (
            "经过多轮谈判，塞尔维亚与黑山两国政府最终达成《边界划定协议》。",
            "边界划定协议",
            {"塞尔维亚政府", "黑山政府"},
        ),
        # a treaty named after two states written in full binds their governments, a
        # former state too
        (
            "《苏联和芬兰友好合作互助条约》于1948年4月6日在莫斯科签署。",
            "苏联和芬兰友好合作互助条约",
            {"苏联政府", "芬兰政府"},
        ),
        # 不久前 between the states and the verb
        (
            "中日双方不久前签署了海上搜救合作协定。",
            "中国政府与日本政府海上搜救合作协定",
            {"中国政府", "日本政府"},
        ),
        # 两省 in a paragraph of its own: the two provinces the article named before
        (
            "黑龙江党政代表团到广东学习考察。\n座谈会上，两省签署了《对口合作框架协议》。",
            "对口合作框架协议",
            {"黑龙江省人民政府", "广东省人民政府"},
        ),
        # 两地: the two cities, not the province around them or the city they met in
        (
            "论坛在南宁召开。柳州市和桂林市是广西的工业重镇。两地在会上签署了《产业协作框架协议》。",
            "产业协作框架协议",
            {"柳州市人民政府", "桂林市人民政府"},
        ),
        # 双方 after two places met somewhere: the places, whatever the venue
        (
            "湖北省荆州市和湖南省岳阳市在荆州召开联席会议。双方在会上签署了《港口协作协议》。",
            "港口协作协议",
            {"荆州市人民政府", "岳阳市人民政府"},
        ),
        # a character several states share stands for the one the article names
        (
            "巴西外长访华期间，中巴两国外长签署了农业合作谅解备忘录。",
            "中国政府与巴西政府农业合作谅解备忘录",
            {"中国政府", "巴西政府"},
        ),
        # a company's short name after its full name: the company named in full
        (
            "比亚迪股份有限公司在当地设立基地。3月5日，常州市人民政府与比亚迪签署投资合作协议。",
            "常州市人民政府与比亚迪股份有限公司投资合作协议",
            {"常州市人民政府", "比亚迪股份有限公司"},
        ),
        # a functional area signs through its management committee
        (
            "西安高新区与比亚迪签署光伏产业战略合作协议。",
            "西安高新技术产业开发区管理委员会与比亚迪光伏产业战略合作协议",
            {"西安高新技术产业开发区管理委员会", "比亚迪"},
        ),
        # a central state organ named in the title signs
        (
            "双方共同签署了中国国家监察委员会与柬埔寨反腐败委员会合作谅解备忘录。",
            "中国国家监察委员会与柬埔寨反腐败委员会合作谅解备忘录",
            {"中华人民共和国国家监察委员会", "柬埔寨反腐败委员会"},
        ),
        # bodies of food and drug safety sign
        (
            "昌平区食品药品监督管理局与怀来县食品药品监督管理局签订食品安全联防协议。",
            "食品安全联防协议",
            {"北京市昌平区食品药品监督管理局", "怀来县食品药品监督管理局"},
        ),
        # an intergovernmental text with no title of its own, labelled after the states
        (
            "2003年中国同哈萨克斯坦签订政府间科技合作协定。",
            "中国与哈萨克斯坦政府间科技合作协定",
            {"中国政府", "哈萨克斯坦政府"},
        ),
        # a province abroad, named after its country before, signs by its governor's title
        (
            "应墨西哥哈利斯科州邀请，湖南省代表团到访。会后，湖南省省长与哈利斯科州州长签署了"
            "《经贸合作备忘录》。",
            "经贸合作备忘录",
            {"湖南省人民政府", "墨西哥哈利斯科州政府"},
        ),
        # a body named in the title signs, not the states whose pair writes the subject
        (
            "晚宴前，中坦两国签署《中国国家电影局与坦桑尼亚电影理事会电影合拍协议》。",
            "中国国家电影局与坦桑尼亚电影理事会电影合拍协议",
            {"国家电影局"},
        ),
        # the signers listed after the title, the verb before it
        (
            "论坛期间签署了《黄河文化旅游带共建协议》，签约方为开封市人民政府、洛阳市人民政府和"
            "三门峡市人民政府。",
            "黄河文化旅游带共建协议",
            {"开封市人民政府", "洛阳市人民政府", "三门峡市人民政府"},
        ),
        # companies that each sign with a place: the place's government signs both
        (
            "宜宾五粮液股份有限公司、四川郎酒股份有限公司分别与江阳区签署了《白酒产业协作协议》。",
            "白酒产业协作协议",
            {"宜宾五粮液股份有限公司", "四川郎酒股份有限公司", "泸州市江阳区人民政府"},
        ),
        # more signers listed after the verb (签约方还有…) besides the one before it
        (
            "宁夏回族自治区商务厅当天签署了《跨境电商合作谅解备忘录》，签约方还有亚洲开发银行。",
            "跨境电商合作谅解备忘录",
            {"宁夏回族自治区商务厅", "亚洲开发银行"},
        ),
        # those who took part in the signing, listed after its ceremony
        (
            "论坛上举行了《淮河生态保护联合研究协议》签约仪式，参与签约的有合肥工业大学、"
            "河海大学和中国科学院南京土壤研究所。",
            "淮河生态保护联合研究协议",
            {"合肥工业大学", "河海大学", "中国科学院南京土壤研究所"},
        ),
        # a body a state joined is not a signer of what the state signs next
        (
            "中国政府加入亚洲开发银行后，又与世界银行签署了《贷款合作备忘录》。",
            "贷款合作备忘录",
            {"中国政府", "世界银行"},
        ),
        # a body whose officer announces the signing does not sign
        (
            "联合国开发计划署驻当地机构负责人斯蒂芬·琼斯日前宣布，南苏丹政府与苏丹政府签署了"
            "《边境和平协议》。",
            "边境和平协议",
            {"南苏丹政府", "苏丹政府"},
        ),
        # a text still negotiated: no parties, though its title names two bodies
        (
            "双方同意继续磋商《中华人民共和国海关总署与老挝财政部关于边境口岸合作的议定书》。",
            "中华人民共和国海关总署与老挝财政部关于边境口岸合作的议定书",
            set(),
        ),
        # a treaty put to a vote: the states its title names, not the body that asks
        (
            "受国务院委托，司法部副部长作了关于提请审议批准《中华人民共和国和秘鲁共和国引渡条约》"
            "的议案的说明、关于提请审议批准《联合国禁止非法贩运麻醉药品公约补充议定书》的议案的说明。",
            "联合国禁止非法贩运麻醉药品公约补充议定书",
            set(),
        ),
        (
            "受国务院委托，司法部副部长作了关于提请审议批准《中华人民共和国和秘鲁共和国引渡条约》的议案的说明。",
            "中华人民共和国和秘鲁共和国引渡条约",
            {"中国政府", "秘鲁政府"},
        ),
        # a treaty a state accedes to, or named beside texts a verb signs of its own, is not
        # signed by that verb
        ("中国签署了多份海洋合作文件，并率先加入《南极条约》。", "南极条约", set()),
        (
            "中国与26个国家和地区签署19个自贸协定；《数字经济伙伴关系协定》谈判稳步推进。",
            "数字经济伙伴关系协定",
            set(),
        ),
        (
            "《数字经济伙伴关系协定》已对多国生效，中国与30个国家签署22个自贸协定。",
            "数字经济伙伴关系协定",
            set(),
        ),
        # a text "between governments" is each pair's own, named after its states
        (
            "1962年，中国和蒙古在乌兰巴托签订政府间科学技术合作协定。",
            "中国与蒙古政府间科学技术合作协定",
            {"中国政府", "蒙古政府"},
        ),
        # 两国 is the two states, not the province and the foreign province that signed before
        (
            "中国和越南两国领导人举行会谈。当天，广西壮族自治区人民政府和越南谅山省人民委员会签订了"
            "《边境合作协议》。两国2009年签署的《陆地边界管理制度协定》为合作奠定了基础。",
            "陆地边界管理制度协定",
            {"中国政府", "越南政府"},
        ),
        # a city joined to a company by 同
        (
            "签约仪式上，绵阳市同中国电子科技集团有限公司签订了《电子信息产业合作协议》。",
            "电子信息产业合作协议",
            {"绵阳市人民政府", "中国电子科技集团有限公司"},
        ),
        # the places after 由 sign through their governments, one of them a common word
        (
            "《黄河下游港航协作协议》于2021年5月由济南、滨州、东营三市共同签署。",
            "黄河下游港航协作协议",
            {"济南市人民政府", "滨州市人民政府", "东营市人民政府"},
        ),
        (
            "《鲁南经济圈协作框架协议》由临沂、枣庄、日照、菏泽四市共同签署。",
            "鲁南经济圈协作框架协议",
            {"临沂市人民政府", "枣庄市人民政府", "日照市人民政府", "菏泽市人民政府"},
        ),
        # the state that becomes the first to sign with another
        (
            "2019年，葡萄牙成为首个同中国签署《蓝色经济与海洋合作谅解备忘录》的欧盟国家。",
            "蓝色经济与海洋合作谅解备忘录",
            {"葡萄牙政府", "中国政府"},
        ),
        # two states' sides, each by its abbreviation and 方
        (
            "经过三轮磋商，中方与柬方在金边签署了《农产品检验检疫合作议定书》。",
            "农产品检验检疫合作议定书",
            {"中国政府", "柬埔寨政府"},
        ),
        (
            "据介绍，蒙方和中方已签署《口岸基础设施建设协定》。",
            "口岸基础设施建设协定",
            {"蒙古政府", "中国政府"},
        ),
        # the sides of the bodies that met just before
        (
            "海关总署与秘鲁农业发展和灌溉部在利马举行会谈。会谈后，中方和秘方签署了《鳄梨输华植物检疫要求议定书》。",
            "鳄梨输华植物检疫要求议定书",
            {"中华人民共和国海关总署", "秘鲁农业发展和灌溉部"},
        ),
        # a minister abroad by the short title (贸易部长) signs for the ministry
        (
            "商务部部长与智利外交部长在圣地亚哥签署《关于升级自由贸易协定的议定书》。",
            "关于升级自由贸易协定的议定书",
            {"中华人民共和国商务部", "智利外交部"},
        ),
        # a city of another state with a long name
        (
            "吉林省吉林市与俄罗斯克拉斯诺亚尔斯克市签署《友好城市关系协议书》。",
            "友好城市关系协议书",
            {"吉林市人民政府", "俄罗斯克拉斯诺亚尔斯克市政府"},
        ),
        # sides that are no states' (甲方, 乙方) name none
        ("甲方与乙方签署了《联合研发合作协议》。", "联合研发合作协议", set()),
    ],
)
def test_extract_signers_states_and_bodies_sign(text, title, parties):
    agreements, facts = _read(text)
    assert title in agreements
    assert {o for s, p, o in facts if s == title and p == "party"} == parties


@pytest.mark.parametrize(
    "text",
    [
        # a contract with an amount, a loan, damages, a membership
        "合作社与罐头厂签订了1500余吨黄桃收购合作协议。",
        "农业银行与县政府签订30亿元乡村振兴贷款意向书。",
        "3月2日，肇事企业签订了渔业资源损害赔偿协议。",
        "王某与一家健身中心签订《会员协议》，预付费用8000元。",
        "食品厂与种植大户签订辣椒收购保底价协议。",
        # the sum of several agreements written after a title
        "商会与该县签订助学项目协议超过3000万元，已拨付一半。",
        # a shared character with two states of it named: no state is read from it
        "巴西和巴基斯坦代表出席。中巴两国签署了科技合作协定。",
        # the memorandum of a year, named by nothing else
        "这是自2011年备忘录签署以来双方的第五次会晤。",
        # a kind of agreement never signed
        "由于两地之间没有签订民事判决相互认可协议，判决无法执行。",
        # one text signed with a kind of counterpart: an agreement with each
        "该市主动与劳务输出较多的省份签订就业协作协议。",
        # counted signers of a kind: one text with each
        "展会期间，出版集团与国外多家出版社签署了图书版权合作协议。",
        "我国与外国政府、地区主管机构积极签署中医药合作协议。",
        # a contract with people: one with each of them
        "村委会与村民重新签订了土地流转合作协议书。",
        "镇政府同牧民签订草原生态保护协议。",
        # counted places or states, each signing its own text
        "目前，衢州6个县（市、区）均签订了上下游生态补偿协议。",
        "中国人民银行与越南、柬埔寨、缅甸3国央行签署双边本币互换协议。",
        # a financing agreement; economies counted
        "去年9月，塞尔维亚财政部和亚洲开发银行签署融资协议。",
        "新加坡与12个经济体签订避免双重征税协定。",
        # a credit line of a bank
        "一年前，县农商银行城关支行与合作社签署了预授信协议。",
        # the purchase of a plant's power
        "上月，中国能建与孟加拉国电力发展局签订光伏电站《购电协议》。",
        # one text counted by its bare kind names nothing
        "阿曼与卡塔尔两国代表签署了一份协议和一份补充文件。",
    ],
)
def test_extract_signers_contracts_kinds_and_bundles_are_not_agreements(text):
    agreements, _ = _read(text)
    assert agreements == set()


def test_extract_signers_a_clause_after_a_semicolon_has_its_own_date_and_signers():
    text = (
        "2019年5月，中泰代表在曼谷签署了铁路合作备忘录；2019年8月，"
        "东部经济走廊港口建设框架协议签署，项目随即启动。"
    )
    agreements, facts = _read(text, published="2020-01-10")
    railway = "中国政府与泰国政府铁路合作备忘录"  # a kind, named after its parties
    assert {railway, "东部经济走廊港口建设框架协议"} <= agreements
    assert ("东部经济走廊港口建设框架协议", "signedOn", "2019-08") in facts
    assert not {f for f in facts if f[0] == "东部经济走廊港口建设框架协议" and f[1] == "party"}
    assert (railway, "signedOn", "2019-05") in facts


def test_extract_signers_the_next_year_counts_from_the_year_written_before():
    text = "2016年3月，双方签署保护合作备忘录。次年10月8日，中老两国签署《琅勃拉邦古城修缮协议》。"
    _agreements, facts = _read(text, published="2019-12-01")
    assert ("琅勃拉邦古城修缮协议", "signedOn", "2017-10-08") in facts


def test_extract_signers_helping_to_reach_a_treaty_is_not_signing_it():
    _agreements, facts = _read("两国愿同各方一道推动达成《全球塑料污染治理公约协定》。")
    assert not {f for f in facts if f[1] in ("party", "signedOn")}


def test_extract_signers_a_title_is_not_cut_to_a_lone_character():
    agreements, facts = _read("2008年，中国与新西兰签署自贸协定。")
    assert "中国政府与新西兰政府自贸协定" in agreements
    assert ("中国政府与新西兰政府自贸协定", "signedOn", "2008") in facts


@pytest.mark.parametrize(
    "text",
    [
        # a clause ending in 协议: no title once the clause is cut off
        "会后，代表团团长向记者介绍了协议签订后的安排。",
        "这是该国迄今签署的市场准入条件最优的自贸协定。",
    ],
)
def test_extract_signers_a_clause_before_a_bare_head_names_no_agreement(text):
    agreements, _ = _read(text)
    assert agreements == set()


@pytest.mark.parametrize(
    "text, title",
    [
        # a formal title's own 关于…的 / 共建…的 is part of it
        ("双方签署了关于深化海关合作的谅解备忘录。", "关于深化海关合作的谅解备忘录"),
        ("两国代表签署了共建陆海联运通道的合作协议。", "共建陆海联运通道的合作协议"),
        # and its word for the parties (的三方…)
        (
            "水利部、联合国开发计划署与中国气象局签署了关于支持开展流域洪水预警试点的三方合作协议。",
            "关于支持开展流域洪水预警试点的三方合作协议",
        ),
    ],
)
def test_extract_signers_a_formal_title_keeps_its_opening(text, title):
    agreements, _ = _read(text)
    assert title in agreements


@pytest.mark.parametrize(
    "text, bank",
    [
        # a branch written without its bank: the bank named before it in the paragraph
        (
            "华夏银行加大帮扶力度，襄阳分行与谷城县人民政府签署金融服务合作协议。",
            "华夏银行襄阳分行",
        ),
        (
            "中国农业银行加大投入。襄阳分行与谷城县人民政府签署金融服务合作协议。",
            "中国农业银行襄阳分行",
        ),
    ],
)
def test_extract_signers_a_branch_written_alone_is_of_the_bank_named_before(text, bank):
    agreements, facts = _read(text)
    label = f"{bank}与谷城县人民政府金融服务合作协议"
    assert label in agreements
    assert (label, "party", bank) in facts


@pytest.mark.parametrize(
    "text, bank",
    [
        ("中国工商银行襄阳分行与谷城县人民政府签署金融服务合作协议。", "中国工商银行襄阳分行"),
        # the bank's own short name before its branch
        ("工行襄阳分行与谷城县人民政府签署金融服务合作协议。", "中国工商银行襄阳分行"),
        ("农发行襄阳分行与谷城县人民政府签署金融服务合作协议。", "中国农业发展银行襄阳分行"),
    ],
)
def test_extract_signers_a_bank_branch_is_named_with_its_bank(text, bank):
    agreements, facts = _read(text)
    label = f"{bank}与谷城县人民政府金融服务合作协议"
    assert label in agreements
    assert (label, "party", bank) in facts


@pytest.mark.parametrize(
    "text, published, title, date",
    [
        # 昨天 / 前天 count back from the day of the dateline
        (
            "新华社长沙3月14日电 湖南省人民政府与中联重科股份有限公司昨天在长沙签署"
            "《智能农机产业合作协议》。",
            "2025-03-14",
            "智能农机产业合作协议",
            "2025-03-13",
        ),
        # 今天 is the dateline's day, not the day published
        (
            "新华社昆明10月9日电 昆明市人民政府今天与云南大学签署《高原湖泊保护科研合作协议》。",
            "2025-10-10",
            "高原湖泊保护科研合作协议",
            "2025-10-09",
        ),
        # without a dateline, the day published
        (
            "本报讯 南宁市人民政府与广西大学前天签署了《东盟语言人才培养合作协议》。",
            "2025-06-05",
            "东盟语言人才培养合作协议",
            "2025-06-03",
        ),
        # the day opens the sentence in a clause of its own
        (
            "今天上午，贵州省人民政府与中国中铁股份有限公司在贵阳签署《山区铁路建设合作协议》。",
            "2025-06-05",
            "山区铁路建设合作协议",
            "2025-06-05",
        ),
        (
            "新华社兰州8月2日电 昨天，兰州市人民政府与兰州大学签署《黄河上游生态研究合作协议》。",
            "2025-08-03",
            "黄河上游生态研究合作协议",
            "2025-08-01",
        ),
        # a month before 由 and the signers
        (
            "《黄河下游港航协作协议》于2021年5月由济南市、滨州市共同签署。",
            "2025-03-01",
            "黄河下游港航协作协议",
            "2021-05",
        ),
        # the meeting's day, told before the sentence of who attended it
        (
            "本报讯 成渝双核联席会议昨天在重庆举行。成都市人民政府、重庆市人民政府有关负责同志"
            "出席会议。双方在会上签署了《双核联动合作协议》。",
            "2025-05-20",
            "双核联动合作协议",
            "2025-05-19",
        ),
        # the signing after one told 同日, whose sentence goes on with a year of its goals
        (
            "本报讯 3月8日，西北五省区协作会议在西安召开。\n同日，陕西省人民政府与甘肃省人民政府"
            "签署《陕甘协作协议》，提出到2030年共建产业园5个。西安交通大学与兰州大学签订了"
            "《联合培养研究生协议》。",
            "2025-03-09",
            "联合培养研究生协议",
            "2025-03-08",
        ),
        # a signing at the conference (大会期间) told paragraphs after the conference's day
        (
            "本报讯 6月3日，西部科技合作大会在贵阳开幕。\n与会代表围绕数字经济作了交流。\n"
            "大会期间，贵阳市人民政府与遵义市人民政府签署《黔中协作协议》。",
            "2025-06-04",
            "黔中协作协议",
            "2025-06-03",
        ),
        # a signing listed after one at the ceremony, its sentence telling how often (每年), not when
        (
            "本报讯 5月10日，中部地区商务合作大会在郑州开幕。\n签约仪式上，河南省商务厅、湖北省"
            "商务厅与湖南省商务厅三方签署《中部商务协作协议》，三省每年共同举办展会。郑州、洛阳两市"
            "商务部门签署《郑洛商贸协同协议》。",
            "2025-05-11",
            "郑洛商贸协同协议",
            "2025-05-10",
        ),
        # the ceremony told in the next clause is no second signing of the title
        (
            "宁夏回族自治区人民政府和阿拉伯国家联盟昨日下午签署了《能源合作谅解备忘录》，"
            "签约仪式在银川举行。",
            "2025-09-10",
            "能源合作谅解备忘录",
            "2025-09-09",
        ),
        # the day of the event the signing is told at, in a clause before the signers
        (
            "本报讯 文旅方面，在昨天举行的签约仪式上，贵州省文化和旅游厅与贵州大学签署"
            "《非遗保护人才培养协议》。",
            "2025-07-08",
            "非遗保护人才培养协议",
            "2025-07-07",
        ),
    ],
)
def test_extract_signers_a_relative_day_counts_from_the_dateline(text, published, title, date):
    _agreements, facts = _read(text, published=published)
    assert {o for s, p, o in facts if s == title and p == "signedOn"} == {date}


@pytest.mark.parametrize(
    "text, title",
    [
        # the day opening the sentence is the day the signing was learnt of
        (
            "今天，记者从省商务厅获悉，海南省人民政府与海南大学日前签署《热带农业合作协议》。",
            "热带农业合作协议",
        ),
        (
            "今天，海南省人民政府宣布，该省已与海南大学签署《热带农业合作协议》。",
            "热带农业合作协议",
        ),
    ],
)
def test_extract_signers_an_opening_day_of_another_event_dates_nothing(text, title):
    agreements, facts = _read(text, published="2025-06-05")
    assert title in agreements
    assert not any(s == title and p == "signedOn" for s, p, _o in facts)


@pytest.mark.parametrize(
    "text, title, parties, date",
    [
        # a day word between the place and its 与
        (
            "江门市昨天与中国中车股份有限公司签署《轨道交通装备产业合作协议》。",
            "轨道交通装备产业合作协议",
            {"江门市人民政府", "中国中车股份有限公司"},
            "2021-03-19",
        ),
        # a year and a month between the second side and the verb
        (
            "浙江省与新加坡2019年4月签署的《数字经济合作谅解备忘录》成效明显。",
            "数字经济合作谅解备忘录",
            {"浙江省人民政府", "新加坡政府"},
            "2019-04",
        ),
        # a pair of states, their governments, then a month
        (
            "中泰两国政府2013年10月签署的《农产品贸易合作谅解备忘录》仍然有效。",
            "农产品贸易合作谅解备忘录",
            {"中国政府", "泰国政府"},
            "2013-10",
        ),
    ],
)
def test_extract_signers_a_date_between_the_places_and_the_verb(text, title, parties, date):
    _agreements, facts = _read(text)
    assert {o for s, p, o in facts if s == title and p == "party"} == parties
    assert {o for s, p, o in facts if s == title and p == "signedOn"} == {date}


def test_extract_signers_an_ordinal_before_a_title_is_not_part_of_it():
    agreements, facts = _read("法国1963年与摩洛哥签署第一份劳工协定，此后又与多国签署同类协定。")
    label = "法国政府与摩洛哥政府劳工协定"
    assert label in agreements
    assert (label, "signedOn", "1963") in facts
    # 首份 / 首个: the first one
    agreements, _facts = _read("宁夏回族自治区人民政府与华为技术有限公司签署首份战略合作协议。")
    assert "宁夏回族自治区人民政府与华为技术有限公司战略合作协议" in agreements


@pytest.mark.parametrize(
    "text, title",
    [
        # an intention told before the counterpart, not right before the verb
        (
            "柳州市人民政府拟与多家整车企业签署《新能源汽车下乡合作协议》。",
            "新能源汽车下乡合作协议",
        ),
        (
            "暨南大学将于下个月与葡萄牙科英布拉大学正式签署《联合培养博士协议》。",
            "联合培养博士协议",
        ),
        (
            "南昌市人民政府计划同江西铜业股份有限公司签订《铜基新材料产业协议》。",
            "铜基新材料产业协议",
        ),
    ],
)
def test_extract_signers_a_signing_intended_with_a_counterpart_has_no_parties(text, title):
    agreements, facts = _read(text)
    assert title in agreements
    assert not {f for f in facts if f[0] == title and f[1] in ("party", "signedOn")}


@pytest.mark.parametrize(
    "text, title, date",
    [
        # a month, then the counterpart by its long name, then the verb
        (
            "苏州市人民政府今年2月与中国华润有限公司签署《城市更新合作协议》。",
            "城市更新合作协议",
            "2021-02",
        ),
        (
            "携程集团去年8月已与内蒙古自治区文化和旅游厅签署了《草原旅游推广合作协议》。",
            "草原旅游推广合作协议",
            "2020-08",
        ),
        (
            "青海大学于2018年5月同中国科学院青藏高原研究所签订《高原生态科研合作协议》。",
            "高原生态科研合作协议",
            "2018-05",
        ),
    ],
)
def test_extract_signers_a_month_before_a_long_counterpart_dates_the_signing(text, title, date):
    _agreements, facts = _read(text)
    assert {o for s, p, o in facts if s == title and p == "signedOn"} == {date}


@pytest.mark.parametrize(
    "text, title, parties",
    [
        # 该市 as the subject: the city named before signs through its government
        (
            "攀枝花市大力发展钒钛产业。该市与四川省经济和信息化厅去年签署了《钒钛资源综合利用合作协议》。",
            "钒钛资源综合利用合作协议",
            {"攀枝花市人民政府", "四川省经济和信息化厅"},
        ),
        # 该行 / 该校: the bank, the university named before
        (
            "成都银行股份有限公司负责人介绍，该行今年1月与成都市科学技术局签署《科创金融合作协议》。",
            "科创金融合作协议",
            {"成都银行股份有限公司", "成都市科学技术局"},
        ),
        (
            "西北工业大学负责人介绍，该校已与陕西省科学技术厅签订《大飞机人才联合培养协议》。",
            "大飞机人才联合培养协议",
            {"西北工业大学", "陕西省科学技术厅"},
        ),
        # 该学院 / 该公司 as the counterpart, an adverb (也, 还) before the joiner
        (
            "九江职业技术学院今年招生两千人。江西铜业集团有限公司也与该学院签署了《订单班培养协议》。",
            "订单班培养协议",
            {"九江职业技术学院", "江西铜业集团有限公司"},
        ),
        (
            "格力电器股份有限公司上月发布年报。珠海市人民政府还同该公司签订《智能制造合作协议》。",
            "智能制造合作协议",
            {"格力电器股份有限公司", "珠海市人民政府"},
        ),
        # 该分公司 / 该分行, and 跟 as the joiner
        (
            "中国电信股份有限公司绵阳分公司今年建成5G基站800个。该分公司还跟绵阳市经济和信息化局签了"
            "《工业互联网合作协议》。",
            "工业互联网合作协议",
            {"中国电信股份有限公司绵阳分公司", "绵阳市经济和信息化局"},
        ),
        (
            "交通银行股份有限公司江西省分行去年发放绿色贷款300亿元。该分行又跟南昌大学签署了"
            "《科技金融服务协议》。",
            "科技金融服务协议",
            {"交通银行股份有限公司江西省分行", "南昌大学"},
        ),
        (
            "九江职业技术学院今年招生两千人。江西铜业集团有限公司也跟该学院签了《订单班培养协议》。",
            "订单班培养协议",
            {"九江职业技术学院", "江西铜业集团有限公司"},
        ),
        # 该部: the ministry named before (of a state abroad too)
        (
            "越南工贸部代表团到访南宁。会后，广西壮族自治区商务厅与该部签署《边境贸易合作备忘录》。",
            "边境贸易合作备忘录",
            {"越南工贸部", "广西壮族自治区商务厅"},
        ),
    ],
)
def test_extract_signers_that_city_or_that_bank_signs_for_the_one_named_before(
    text, title, parties
):
    _agreements, facts = _read(text)
    assert {o for s, p, o in facts if s == title and p == "party"} == parties


@pytest.mark.parametrize(
    "text, title, parties",
    [
        # the counterpart's name ends in an organisation's suffix: a word jieba reads as a
        # verb inside it (市立, 立, 控股) does not make it a clause
        (
            "浙江大学和横滨市立大学签署学术交流备忘录。",
            "浙江大学与横滨市立大学学术交流备忘录",
            {"浙江大学", "横滨市立大学"},
        ),
        (
            "厦门大学与曼谷控股有限公司签订《海洋科技合作协议》。",
            "海洋科技合作协议",
            {"厦门大学", "曼谷控股有限公司"},
        ),
        # a word of intent inside a counterpart's name (计划 of 计划投资部) tells nothing
        (
            "云南省人民政府与老挝计划投资部签署了合作备忘录。",
            "云南省人民政府与老挝计划投资部合作备忘录",
            {"云南省人民政府", "老挝计划投资部"},
        ),
        # short company names in a list of three that sign together
        (
            "南京大学、腾讯公司和京东集团三方签署了战略合作协议。",
            "南京大学、腾讯公司与京东集团战略合作协议",
            {"南京大学", "腾讯公司", "京东集团"},
        ),
        # the part a body plays (承建方) is not in its name
        (
            "坦桑尼亚交通部、达累斯萨拉姆港务公司、承建方中国港湾集团三方共同签署《港口扩建移交协议》。",
            "港口扩建移交协议",
            {"坦桑尼亚交通部", "达累斯萨拉姆港务公司", "中国港湾集团"},
        ),
        (
            "南京大学、腾讯公司、京东集团共同签署了战略合作协议。",
            "南京大学、腾讯公司与京东集团战略合作协议",
            {"南京大学", "腾讯公司", "京东集团"},
        ),
    ],
)
def test_extract_signers_a_counterpart_named_with_an_organisation_suffix(text, title, parties):
    agreements, facts = _read(text)
    assert title in agreements
    assert {o for s, p, o in facts if s == title and p == "party"} == parties


@pytest.mark.parametrize(
    "text, title, parties",
    [
        # 会议结束后，三方签署 a paragraph after the sentence that names who attended, with the
        # attendees' speeches between
        (
            "长江中游三省协同发展联席会议9日在长沙召开。湖南省商务厅、湖北省商务厅和江西省商务厅"
            "主要负责同志出席会议。\n\n“三省外贸协同成效明显。”湖南省商务厅负责人在会上介绍。"
            "湖北省商务厅负责人表示，将加快推进汉江港口建设。江西省商务厅负责人说，南昌将扩大班列"
            "开行量。\n\n会议结束后，三方共同签署《长江中游三省外贸协同发展合作协议》。",
            "长江中游三省外贸协同发展合作协议",
            {"湖南省商务厅", "湖北省商务厅", "江西省商务厅"},
        ),
        # a sentence on the attendees that names no body is passed over
        (
            "黔桂滇三省区文旅协作座谈会在南宁举行。贵州省文化和旅游厅、广西壮族自治区文化和旅游厅、"
            "云南省文化和旅游厅有关负责人参加座谈。会前，与会人员参观了广西民族博物馆。\n\n"
            "座谈结束后，三方签署《滇黔桂文旅协作框架协议》。",
            "滇黔桂文旅协作框架协议",
            {"贵州省文化和旅游厅", "广西壮族自治区文化和旅游厅", "云南省文化和旅游厅"},
        ),
        # 会上，四方签署 after the attendees and the speeches; one who only sat in is no side
        (
            "晋陕豫黄河金三角区域合作联席会议在运城召开。运城市人民政府、临汾市人民政府、渭南市人民政府"
            "和三门峡市人民政府主要负责同志出席会议，黄河金三角承接产业转移示范区管理委员会负责同志列席。"
            "\n\n会议通报了去年合作进展。渭南市有关负责人介绍了沿黄公路建设情况。\n\n会上，四方共同签署"
            "《黄河金三角文旅协同发展协议》。",
            "黄河金三角文旅协同发展协议",
            {"运城市人民政府", "临汾市人民政府", "渭南市人民政府", "三门峡市人民政府"},
        ),
        # 与会各方: all who attended
        (
            "粤东四市协作会议在潮州举行。汕头市人民政府、潮州市人民政府、揭阳市人民政府、汕尾市人民政府"
            "负责同志参加会议。\n\n会议听取了四市协作项目进展情况的汇报。\n\n会上，与会各方签署"
            "《粤东港口群协同发展备忘录》。",
            "粤东港口群协同发展备忘录",
            {"汕头市人民政府", "潮州市人民政府", "揭阳市人民政府", "汕尾市人民政府"},
        ),
        # 两市人民政府 of the governments that attended, paragraphs before; 座谈会后，双方
        (
            "绵阳德阳协同发展座谈会在德阳召开。绵阳市人民政府、德阳市人民政府和四川省经济和信息化厅"
            "负责同志出席会议。\n\n两市间已开通城际公交线路5条。\n\n早在2022年6月，两市人民政府就签署了"
            "《绵德同城化合作协议》。",
            "绵德同城化合作协议",
            {"绵阳市人民政府", "德阳市人民政府"},
        ),
        (
            "辽宁省与江苏省对口合作座谈会在南京举行。辽宁省人民政府代表团与江苏省人民政府进行工作交流，"
            "两省有关部门负责同志参加座谈。\n\n两省对口合作开展以来，江苏企业在辽宁投资项目逾百个。"
            "位于沈阳市的沈阳江苏产业园已入驻企业30家。\n\n座谈会后，双方签署《辽宁省与江苏省对口合作"
            "协议》。",
            "辽宁省与江苏省对口合作协议",
            {"辽宁省人民政府", "江苏省人民政府"},
        ),
        # as many attendees as the word counts, or none: 三方 of four bodies is not told
        (
            "川陕甘青四省合作会议在成都召开。四川省发展和改革委员会、陕西省发展和改革委员会、"
            "甘肃省发展和改革委员会、青海省发展和改革委员会负责同志出席会议。\n\n有关负责人介绍了"
            "去年的合作情况。\n\n会议结束后，三方签署《黄河上游生态协作协议》。",
            "黄河上游生态协作协议",
            set(),
        ),
    ],
)
def test_extract_signers_a_count_after_a_meeting_is_of_its_attendees(text, title, parties):
    _agreements, facts = _read(text)
    assert {o for s, p, o in facts if s == title and p == "party"} == parties


@pytest.mark.parametrize(
    "text, title, parties",
    [
        # 双方 after a sentence whose subject is a city and a company
        (
            "泉州市与福耀玻璃工业集团股份有限公司12日举行签约仪式。仪式上，双方签署了"
            "《汽车玻璃产业链合作协议》。",
            "汽车玻璃产业链合作协议",
            {"泉州市人民政府", "福耀玻璃工业集团股份有限公司"},
        ),
        # 两省 after a sentence whose subject is two provinces meeting
        (
            "甘肃省与青海省在兰州召开联席会议。会议期间，两省签署《祁连山生态保护协作协议》。",
            "祁连山生态保护协作协议",
            {"甘肃省人民政府", "青海省人民政府"},
        ),
        # 两地政府: the governments of the places named before, as for 两市
        (
            "5月9日，韶关、清远两市在韶关召开北部生态发展区协作会议。会上，两地政府签署"
            "《韶清生态旅游协作协议》。",
            "韶清生态旅游协作协议",
            {"韶关市人民政府", "清远市人民政府"},
        ),
        # 代表团与B举行会谈，随后双方签署: the body whose delegation it is, and B; not the body
        # that invited the delegation
        (
            "应云南省人民政府外事办公室邀请，老挝琅南塔省政府代表团于5月10日至12日访问云南。"
            "11日，代表团与西双版纳傣族自治州人民政府举行会谈，随后双方签署《磨憨—磨丁口岸合作备忘录》。",
            "磨憨—磨丁口岸合作备忘录",
            {"老挝琅南塔省政府", "西双版纳傣族自治州人民政府"},
        ),
    ],
)
def test_extract_signers_both_sides_are_the_places_and_bodies_of_the_sentence_before(
    text, title, parties
):
    _agreements, facts = _read(text)
    assert {o for s, p, o in facts if s == title and p == "party"} == parties


@pytest.mark.parametrize(
    "text",
    [
        # 近日 / 日前 between the dateline's day and the verb: the signing was another day
        "本报南京5月8日讯（记者 周明）近日，江苏省科学技术厅与南京大学签署《基础研究合作协议》。",
        "新华社成都6月2日电 四川省人民政府与东方电气集团日前在成都市天府新区签署《清洁能源装备合作协议》。",
    ],
)
def test_extract_signers_a_signing_of_recent_days_takes_no_dateline_day(text):
    _agreements, facts = _read(text)
    assert not {f for f in facts if f[1] == "signedOn"}


@pytest.mark.parametrize(
    "text, title, parties",
    [
        # a foreign body named in full before, then without its country
        (
            "俄罗斯滨海边疆区政府代表团来访。黑龙江省人民政府与滨海边疆区政府签署《对岸港口合作协议》。",
            "对岸港口合作协议",
            {"黑龙江省人民政府", "俄罗斯滨海边疆区政府"},
        ),
        (
            "蒙古国乌兰巴托市政府代表出席。内蒙古自治区人民政府与乌兰巴托市政府去年9月签署"
            "《城市合作协议》。",
            "城市合作协议",
            {"内蒙古自治区人民政府", "蒙古乌兰巴托市政府"},
        ),
    ],
)
def test_extract_signers_a_body_named_in_full_before_signs_by_its_short_name(text, title, parties):
    _agreements, facts = _read(text)
    assert {o for s, p, o in facts if s == title and p == "party"} == parties


@pytest.mark.parametrize(
    "text, title, parties",
    [
        # a place's leader signs for its government on behalf of the place
        (
            "株洲市副市长王强与中国中车股份有限公司副总裁李刚代表双方签署《轨道交通产业合作协议》。",
            "轨道交通产业合作协议",
            {"株洲市人民政府", "中国中车股份有限公司"},
        ),
        (
            "云南省副省长张敏和老挝计划投资部部长代表双方签署了《边境经济合作区建设协议》。",
            "边境经济合作区建设协议",
            {"云南省人民政府", "老挝计划投资部"},
        ),
        # the leaders first in the clause, with no 代表; a company's head signs for it
        (
            "江西省省长与正邦集团董事长签署了《生猪产业合作协议》。",
            "生猪产业合作协议",
            {"江西省人民政府", "正邦集团"},
        ),
        (
            "宁波市副市长陈明和吉利集团总裁签署《汽车零部件产业合作协议》。",
            "汽车零部件产业合作协议",
            {"宁波市人民政府", "吉利集团"},
        ),
        # two leaders and a day between the second one's name and the verb
        (
            "贵州省省长李明与湖南省省长赵刚昨天签署了《湘黔产业协作备忘录》。",
            "湘黔产业协作备忘录",
            {"贵州省人民政府", "湖南省人民政府"},
        ),
        # 最新 between the last of the states and the verb
        (
            "报告提到，肯尼亚、乌干达和坦桑尼亚最新签署的《东非铁路互联互通协定》将带动投资。",
            "东非铁路互联互通协定",
            {"肯尼亚政府", "乌干达政府", "坦桑尼亚政府"},
        ),
        # a delegation's visit is when the signing happens; the delegation does not sign
        (
            "柬埔寨政府代表团访问广西期间，广西壮族自治区主席与柬埔寨农业部部长"
            "在南宁签署了《农业合作备忘录》。",
            "农业合作备忘录",
            {"广西壮族自治区人民政府", "柬埔寨农业部"},
        ),
    ],
)
def test_extract_signers_a_leader_signs_for_the_government_of_a_place(text, title, parties):
    _agreements, facts = _read(text)
    assert {o for s, p, o in facts if s == title and p == "party"} == parties


@pytest.mark.parametrize(
    "text, title, parties",
    [
        # signed again (续签)
        (
            "中国人民银行与新加坡金融管理局续签了《双边本币互换协议》。",
            "双边本币互换协议",
            {"中国人民银行", "新加坡金融管理局"},
        ),
        # signed by representatives on the text (在《T》上签字)
        (
            "会谈后，贵州省人民政府与老挝公共工程与运输部代表在《山地交通合作协议》上签字。",
            "山地交通合作协议",
            {"贵州省人民政府", "老挝公共工程与运输部"},
        ),
        # the governments of Hong Kong and Macao under their short names (特区政府)
        (
            "广东省人民政府、香港特区政府、澳门特区政府三方签署《湾区青年创业合作协议》。",
            "湾区青年创业合作协议",
            {"广东省人民政府", "香港特别行政区政府", "澳门特别行政区政府"},
        ),
        # the chairman of a foreign province's people's committee signs for the committee;
        # a foreign province's department (工贸厅)
        (
            "云南省人民政府副省长李华代表省政府与老挝琅南塔省人民委员会主席在磨憨签署"
            "《边境口岸建设合作协议》。",
            "边境口岸建设合作协议",
            {"云南省人民政府", "老挝琅南塔省人民委员会"},
        ),
        (
            "前年5月，云南省商务厅与老挝琅南塔省工贸厅签署了《边民互市合作备忘录》。",
            "边民互市合作备忘录",
            {"云南省商务厅", "老挝琅南塔省工贸厅"},
        ),
        # a bank's 金融服务协议 with a government is an agreement (a 服务协议 alone a contract)
        (
            "本月3日，中国银行湖北省分行与襄阳市人民政府签订《新能源汽车产业金融服务协议》。",
            "新能源汽车产业金融服务协议",
            {"中国银行湖北省分行", "襄阳市人民政府"},
        ),
        # a plan of cooperation two governments sign, without book marks (a generic title,
        # labelled from its parties)
        (
            "访问期间，中国政府与乌拉圭政府签署了绿色发展合作规划。",
            "中国政府与乌拉圭政府绿色发展合作规划",
            {"中国政府", "乌拉圭政府"},
        ),
        # a city abroad named with its state once, then its government without it
        (
            "当天，成都市副市长王强代表成都市人民政府、意大利米兰市副市长罗西代表米兰市政府，"
            "签署了《友好城市合作备忘录》。",
            "友好城市合作备忘录",
            {"成都市人民政府", "意大利米兰市政府"},
        ),
        # an intergovernmental centre whose name ends in 中心
        (
            "去年，广西壮族自治区人民政府与中国—东盟中心签署了《东盟青年交流合作备忘录》。",
            "东盟青年交流合作备忘录",
            {"广西壮族自治区人民政府", "中国—东盟中心"},
        ),
        # a ceremony named after the title, the signers in the next clause
        (
            "《冷链物流合作协议》签约仪式9日在烟台举行，烟台港集团有限公司与烟台大学正式签署该协议。",
            "冷链物流合作协议",
            {"烟台港集团有限公司", "烟台大学"},
        ),
        # signed before the title, and by the signers written after it (…签署的《T》由A和B签署)
        (
            "2022年签署的《海峡两岸航线合作协议》由福州航空有限公司和厦门航空有限公司签署。",
            "海峡两岸航线合作协议",
            {"福州航空有限公司", "厦门航空有限公司"},
        ),
        # a company's short name with the year before the verb; a general chamber of commerce;
        # training for a company's jobs (订单培养) is no order
        (
            "乌海市与天合科技集团去年签署的《风电装备产业园共建协议》进展顺利。",
            "风电装备产业园共建协议",
            {"乌海市人民政府", "天合科技集团"},
        ),
        (
            "海口市商业总会与海南职业技术学院签署《电商人才订单培养协议》。",
            "电商人才订单培养协议",
            {"海口市商业总会", "海南职业技术学院"},
        ),
        # fields joined in a society's name after its place
        (
            "烟台职业学院与山东省港口与航运协会签署了《港航人才联合培养协议》。",
            "港航人才联合培养协议",
            {"烟台职业学院", "山东省港口与航运协会"},
        ),
        # a prefecture of Japan, a province (道) of Korea, by their governments
        (
            "黑龙江省人民政府与日本新潟县在哈尔滨签署《友好交流合作备忘录》。",
            "友好交流合作备忘录",
            {"黑龙江省人民政府", "日本新潟县政府"},
        ),
        (
            "上月，吉林省与韩国江原道在长春签署了《经贸交流合作协议》。",
            "经贸交流合作协议",
            {"吉林省人民政府", "韩国江原道政府"},
        ),
        # a city's or a zone's leader named with his party posts signs for its government or
        # its committee
        (
            "当天，中国中车集团有限公司董事长孙永才与株洲市委副书记、市长王强签署《轨道交通产业合作协议》。",
            "轨道交通产业合作协议",
            {"中国中车集团有限公司", "株洲市人民政府"},
        ),
        (
            "随后，陕西煤业化工集团有限责任公司董事长张文琪与西安高新区党工委书记、管委会主任李明签署"
            "《新材料产业合作协议》。",
            "新材料产业合作协议",
            {"陕西煤业化工集团有限责任公司", "西安高新技术产业开发区管理委员会"},
        ),
        # a Japanese company (株式会社), a Korean port authority (港湾公社)
        (
            "上海国际港务(集团)股份有限公司与韩国釜山港湾公社、日本邮船株式会社签署《航线合作备忘录》。",
            "航线合作备忘录",
            {"上海国际港务(集团)股份有限公司", "釜山港湾公社", "日本邮船株式会社"},
        ),
        # a department of a place abroad named after its state elsewhere in the article
        (
            "黑龙江省与俄罗斯伊尔库茨克州开展合作。会上，黑龙江省农业农村厅与伊尔库茨克州农业部签署了"
            "《粮食贸易合作备忘录》。",
            "粮食贸易合作备忘录",
            {"黑龙江省农业农村厅", "俄罗斯伊尔库茨克州农业部"},
        ),
        # a bank by its full name, which holds a verb (开发), with another bank
        (
            "国家开发银行与德国复兴信贷银行签署《绿色金融合作协议》。",
            "绿色金融合作协议",
            {"国家开发银行", "德国复兴信贷银行"},
        ),
        # 两州: a prefecture of China and a state abroad named in the paragraph
        (
            "本月，伊犁哈萨克自治州代表团访问哈萨克斯坦阿拉木图州，与当地政府会谈。会谈后，两州签署了"
            "《边境旅游合作协议》。",
            "边境旅游合作协议",
            {"伊犁哈萨克自治州人民政府", "哈萨克斯坦阿拉木图州政府"},
        ),
        # a company registered with its province before its name, signing by that name
        (
            "签约企业包括四川蓝光发展股份有限公司。会上，蓝光与眉山市人民政府签订《文旅项目投资协议》。",
            "文旅项目投资协议",
            {"四川蓝光发展股份有限公司", "眉山市人民政府"},
        ),
        # a state abroad whose name holds a hyphen
        (
            "辽宁省人民政府与德国巴登-符腾堡州政府在沈阳签署《智能制造合作备忘录》。",
            "智能制造合作备忘录",
            {"辽宁省人民政府", "德国巴登-符腾堡州政府"},
        ),
        # a central enterprise by the short name it writes for itself
        (
            "上月，东方电气与乐山市人民政府签署《清洁能源装备产业合作协议》。",
            "清洁能源装备产业合作协议",
            {"中国东方电气集团有限公司", "乐山市人民政府"},
        ),
        # 由 after a comma past the title
        (
            "上月在杭州签署的《数字经济协同发展合作协议》，由杭州高新区管委会和宁波高新区管委会共同签署。",
            "数字经济协同发展合作协议",
            {"杭州高新技术产业开发区管理委员会", "宁波高新技术产业开发区管理委员会"},
        ),
        # national-level new areas' committees, of the whole area or of its part in a city
        (
            "今年，两江新区管委会与天府新区眉山管委会签订《产业协作合作协议》。",
            "产业协作合作协议",
            {"重庆两江新区管理委员会", "四川天府新区眉山管理委员会"},
        ),
        # the clause after the signing goes back to the text to say who signed it
        (
            "《长江中游城市群协同发展合作协议》于2023年2月在武汉签署，协议由湖北省人民政府"
            "与湖南省人民政府、江西省人民政府共同签署。",
            "长江中游城市群协同发展合作协议",
            {"湖北省人民政府", "湖南省人民政府", "江西省人民政府"},
        ),
        # …told in the sentence after the signing, or after a title the verb signs before it
        (
            "同日，《高原康复医学协作协议》在拉萨签署。协议由西藏自治区人民医院与四川大学华西医院"
            "共同签署，华西医院将派出专家团队常驻拉萨。",
            "高原康复医学协作协议",
            {"西藏自治区人民医院", "四川大学华西医院"},
        ),
        (
            "《乳业精深加工项目投资协议》也以视频方式完成签约。签约双方分别为呼和浩特市人民政府和"
            "内蒙古蒙牛乳业(集团)股份有限公司。",
            "乳业精深加工项目投资协议",
            {"呼和浩特市人民政府", "内蒙古蒙牛乳业(集团)股份有限公司"},
        ),
        (
            "会上还签署了《株洲轨道交通装备检测中心共建协议》，协议由株洲市人民政府与中南大学共同签署。",
            "株洲轨道交通装备检测中心共建协议",
            {"株洲市人民政府", "中南大学"},
        ),
        # 签署方 as 签约方, in the same sentence or opening the next one (该协议的签署方包括…)
        (
            "《湘桂跨省客运协同发展协议》日前在桂林签署，签署方为湖南省交通运输厅和广西壮族自治区"
            "交通运输厅。",
            "湘桂跨省客运协同发展协议",
            {"湖南省交通运输厅", "广西壮族自治区交通运输厅"},
        ),
        (
            "《攀枝花钒钛产业发展合作协议》日前在成都签署。该协议的签署方包括四川省经济和信息化厅、"
            "攀枝花市人民政府和中国五矿集团有限公司。",
            "攀枝花钒钛产业发展合作协议",
            {"四川省经济和信息化厅", "攀枝花市人民政府", "中国五矿集团有限公司"},
        ),
        # the next sentence of another paragraph, or one that does not open with the signers,
        # tells nothing of them
        (
            "《乳业精深加工项目投资协议》也以视频方式完成签约。\n\n呼和浩特市人民政府和内蒙古蒙牛乳业"
            "(集团)股份有限公司负责人表示，将加快项目建设。",
            "乳业精深加工项目投资协议",
            set(),
        ),
        # a foreign company's division in China signs for the company
        (
            "武汉市人民政府与法国电力集团中国区签署了《分布式能源合作协议》。",
            "分布式能源合作协议",
            {"武汉市人民政府", "法国电力集团"},
        ),
        # a day and a venue before a renewal (续签)
        (
            "沈阳市人民政府与安赛乐米塔尔公司10日在辽宁省沈阳市续签《汽车钢板项目合作协议》。",
            "汽车钢板项目合作协议",
            {"沈阳市人民政府", "安赛乐米塔尔公司"},
        ),
        # bodies named in the paragraph before a meeting, then the provinces and regions
        # counted with their sector after it
        (
            "湘黔桂旅游协作座谈会在桂林举行。湖南省文化和旅游厅、贵州省文化和旅游厅、广西壮族自治区"
            "文化和旅游厅负责人参加座谈。\n\n座谈会结束后，三省区文化和旅游厅签署《湘黔桂旅游协作协议》。",
            "湘黔桂旅游协作协议",
            {"湖南省文化和旅游厅", "贵州省文化和旅游厅", "广西壮族自治区文化和旅游厅"},
        ),
        # leaders who stand for their governments, in the clause before the verb's
        (
            "当天，江宁区区长、句容市市长和博望区区长分别代表本地政府，签署《宁句博协同发展协议》。",
            "宁句博协同发展协议",
            {"南京市江宁区人民政府", "句容市人民政府", "马鞍山市博望区人民政府"},
        ),
        # places counted, then 就 before the verb
        (
            "早在2019年，泸州、宜宾、内江三地就签订了《川南经济区合作框架协议》。",
            "川南经济区合作框架协议",
            {"泸州市人民政府", "宜宾市人民政府", "内江市人民政府"},
        ),
        # two autonomous regions counted as such
        (
            "2021年，广西与西藏两自治区签署《对口协作框架协议》。",
            "对口协作框架协议",
            {"广西壮族自治区人民政府", "西藏自治区人民政府"},
        ),
        # a company no gazetteer knows, the day, then 同 and the other party
        (
            "诺威克公司当天同青岛港国际股份有限公司签了《原料物流合作协议》。",
            "原料物流合作协议",
            {"诺威克公司", "青岛港国际股份有限公司"},
        ),
        (
            "诺威克公司今天与青岛港国际股份有限公司签下《原料物流合作协议》。",
            "原料物流合作协议",
            {"诺威克公司", "青岛港国际股份有限公司"},
        ),
        # a short form, then 同 and a known central enterprise
        (
            "江西铜业股份有限公司(简称“江铜”)公布业绩。当天，江铜同中国五矿集团有限公司签署"
            "《铜资源开发合作协议》。",
            "铜资源开发合作协议",
            {"江西铜业股份有限公司", "中国五矿集团有限公司"},
        ),
        # a trade name the segmenter cuts into single characters and a particle (佳沃得)
        (
            "芜湖市人民政府与佳沃得农业科技有限公司签署《智慧农业项目投资协议》。",
            "智慧农业项目投资协议",
            {"芜湖市人民政府", "佳沃得农业科技有限公司"},
        ),
    ],
)
def test_extract_signers_other_ways_of_signing_and_of_naming_the_signers(text, title, parties):
    _agreements, facts = _read(text)
    assert {o for s, p, o in facts if s == title and p == "party"} == parties


def test_extract_signers_an_adverb_before_the_counterpart_and_a_year_told_early():
    # 早在2019年，A就与B签署: the year opens the sentence, 就 is no part of B's name
    text = "早在2019年，陕西省人民政府就与比亚迪股份有限公司签署了《新能源汽车合作协议》。"
    _agreements, facts = _read(text)
    title = "新能源汽车合作协议"
    assert {o for s, p, o in facts if s == title and p == "party"} == {
        "陕西省人民政府",
        "比亚迪股份有限公司",
    }
    assert {o for s, p, o in facts if s == title and p == "signedOn"} == {"2019"}


@pytest.mark.parametrize(
    "text, titles, parties",
    [
        # titles in a row share the signers of the first
        (
            "贵州省人民政府与中国移动通信集团有限公司18日签署《数字乡村合作协议》《5G应用推广协议》"
            "等两项协议。",
            ("数字乡村合作协议", "5G应用推广协议"),
            {"贵州省人民政府", "中国移动通信集团有限公司"},
        ),
        (
            "厦门大学与中国科学院签署了《海洋观测合作协议》和《深海装备研发协议》。",
            ("海洋观测合作协议", "深海装备研发协议"),
            {"厦门大学", "中国科学院"},
        ),
        # 双方 after a comma: the two who signed the title before in the same sentence
        (
            "黑龙江省人民政府同俄罗斯阿穆尔州政府18日签署《跨境旅游合作协议》，双方还签署了"
            "《界河航运合作备忘录》。",
            ("跨境旅游合作协议", "界河航运合作备忘录"),
            {"黑龙江省人民政府", "俄罗斯阿穆尔州政府"},
        ),
    ],
)
def test_extract_signers_titles_signed_together_share_their_signers(text, titles, parties):
    _agreements, facts = _read(text)
    for title in titles:
        assert {o for s, p, o in facts if s == title and p == "party"} == parties


def test_extract_signers_a_pair_before_one_title_does_not_sign_a_later_mention():
    # 两国 before the first title: the bare 协定 later in the sentence names no second one
    text = "中法两国代表签署航空运输合作协定后，外交部介绍了协定签署的背景。"
    agreements, _facts = _read(text)
    assert agreements == {"中国政府与法国政府航空运输合作协定"}


@pytest.mark.parametrize(
    "text",
    [
        # the day after the title is the day it takes effect, not the signing's
        "由福建省人民政府与中国科学院共同签署的《海西科技城共建协议》18日正式生效。",
        "四川省人民政府与东方电气集团签订的《清洁能源装备合作协议》于3月1日起施行。",
        # the month before the title is the one it was to start in
        "原定于今年9月启动的《东盟跨境电商便利化协定》将延后实施，这份由十国签署的协定覆盖面广。",
    ],
)
def test_extract_signers_the_day_an_agreement_takes_effect_is_not_its_signing(text):
    _agreements, facts = _read(text)
    assert not {f for f in facts if f[1] == "signedOn"}


@pytest.mark.parametrize(
    "text, title, parties",
    [
        # a later clause with no subject of its own: the same signers sign again
        (
            "广西壮族自治区人民政府与越南谅山省政府17日签署了《口岸合作协议》，18日又签署了"
            "《边民互市贸易备忘录》。",
            "边民互市贸易备忘录",
            {"广西壮族自治区人民政府", "越南谅山省政府"},
        ),
        (
            "吉林省人民政府与中国一汽签署《汽车产业合作协议》，并签署了《氢能重卡示范协议》。",
            "氢能重卡示范协议",
            {"吉林省人民政府", "中国第一汽车集团有限公司"},  # (a central enterprise, in full)
        ),
    ],
)
def test_extract_signers_a_clause_without_a_subject_keeps_the_signers_before(text, title, parties):
    _agreements, facts = _read(text)
    assert {o for s, p, o in facts if s == title and p == "party"} == parties


def test_extract_signers_last_week_gives_no_day():
    text = (
        "新华社南京6月19日电 江苏省人民政府与中国商用飞机有限责任公司上周签署《民机产业合作协议》。"
    )
    _agreements, facts = _read(text, published="2025-06-19")
    assert not {f for f in facts if f[1] == "signedOn"}


@pytest.mark.parametrize(
    "text, title, date",
    [
        # a year and month opening the clause after a dateline
        (
            "新华社太原6月19日电 2024年12月，山西省人民政府与中国煤炭科工集团有限公司签署"
            "《煤炭清洁利用合作协议》，已落地项目8个。",
            "煤炭清洁利用合作协议",
            "2024-12",
        ),
        # 当天 after a semicolon: the day of the clause before
        (
            "新华社广州6月19日电 广州市人民政府同日本大阪府政府18日签署《友好交流合作协议》；"
            "深圳市人民政府同韩国釜山广域市政府当天签署《城市合作备忘录》。",
            "城市合作备忘录",
            "2025-06-18",
        ),
        # a year and month in a clause of its own, a clause of the signer's mandate after it
        (
            "历经多轮磋商，1985年3月，王某受国务院委托，代表中国政府与芬兰政府签署"
            "《科技合作协定》。",
            "科技合作协定",
            "1985-03",
        ),
        # a date after 于, between an unmarked title and its verb, or after 签署于 ending the
        # clause of a title written before the verb
        (
            "据悉，绵阳市人民政府与西南科技大学的全面合作协议于2020年签署，双方共建研究院。",
            "绵阳市人民政府与西南科技大学全面合作协议",
            "2020",
        ),
        (
            "株洲市人民政府与中南大学的战略合作协议签署于2021年12月，两地共建研究院。",
            "株洲市人民政府与中南大学战略合作协议",
            "2021-12",
        ),
        (
            "《钒钛新材料联合研发协议》签署于2021年3月8日，双方已联合攻克关键技术12项。",
            "钒钛新材料联合研发协议",
            "2021-03-08",
        ),
    ],
)
def test_extract_signers_a_date_told_in_the_clause_before(text, title, date):
    _agreements, facts = _read(text, published="2025-06-19")
    assert {o for s, p, o in facts if s == title and p == "signedOn"} == {date}


@pytest.mark.parametrize(
    "text, title, parties",
    [
        # 应 inside a word (应用, 供应) before the verb does not make the signing one to come
        (
            "云南省人民政府与中国铝业集团有限公司就新材料应用签署《铝基材料产业合作协议》。",
            "铝基材料产业合作协议",
            {"云南省人民政府", "中国铝业集团有限公司"},
        ),
        (
            "江西省商务厅与赣州港集团有限公司就供应链签署《内陆港物流合作协议》。",
            "内陆港物流合作协议",
            {"江西省商务厅", "赣州港集团有限公司"},
        ),
        # 未来, 愿景, 接待: no 未, 愿, 待 of a signing to come
        (
            "宁波市人民政府与浙江大学着眼未来签署《海洋工程人才合作协议》。",
            "海洋工程人才合作协议",
            {"宁波市人民政府", "浙江大学"},
        ),
        (
            "宁波市人民政府与浙江大学围绕共同愿景签署《海洋工程人才合作协议》。",
            "海洋工程人才合作协议",
            {"宁波市人民政府", "浙江大学"},
        ),
        (
            "宁波市人民政府与浙江大学在接待会上签署《海洋工程人才合作协议》。",
            "海洋工程人才合作协议",
            {"宁波市人民政府", "浙江大学"},
        ),
    ],
)
def test_extract_signers_a_word_holding_an_intention_is_no_intention(text, title, parties):
    _agreements, facts = _read(text)
    assert {o for s, p, o in facts if s == title and p == "party"} == parties


@pytest.mark.parametrize(
    "text, title, parties",
    [
        (
            "据《江淮日报》5日报道，合肥市政府与芜湖市政府签署了合作协议。",
            "合肥市人民政府与芜湖市人民政府合作协议",
            {"合肥市人民政府", "芜湖市人民政府"},
        ),
        (
            "据《江淮日报》5日报道，合肥市政府与江淮汽车集团股份有限公司签署了战略合作协议。",
            "合肥市人民政府与江淮汽车集团股份有限公司战略合作协议",
            {"合肥市人民政府", "江淮汽车集团股份有限公司"},
        ),
    ],
)
def test_extract_signers_the_source_of_a_report_neither_signs_nor_dates(text, title, parties):
    agreements, facts = _read(text, "2020-01-12")
    assert title in agreements
    assert {o for s, p, o in facts if s == title and p == "party"} == parties
    assert not any(s == title and p == "signedOn" for s, p, _o in facts)


@pytest.mark.parametrize(
    "text, title, date",
    [
        # a visit of several days: the month is what the text gives
        (
            "贵州省代表团于6月3日至6日访问老挝，其间与老挝琅勃拉邦省政府签署《农业合作谅解备忘录》。",
            "农业合作谅解备忘录",
            "2020-06",  # (a month after the day published: the year before)
        ),
        (
            "甘肃省代表团9月8日-11日访问吉尔吉斯斯坦，双方签署《经贸合作备忘录》。",
            "经贸合作备忘录",
            "2020-09",
        ),
    ],
)
def test_extract_signers_a_stretch_of_days_dates_the_signing_to_its_month(text, title, date):
    agreements, facts = _read(text)
    assert title in agreements
    assert (title, "signedOn", date) in facts


@pytest.mark.parametrize(
    "text, title",
    [
        # a title written right after the verb keeps its own opening verb and 的
        (
            "市妇联与市人社局签署了联合推进家政从业妇女技能培训工作的合作协议。",
            "联合推进家政从业妇女技能培训工作的合作协议",
        ),
        (
            "中柬双方在金边签署援助修复他普伦寺协议。",
            "援助修复他普伦寺协议",
        ),
        # an unmarked title with its own opening (共同推进…的, 政府间关于…的) is a title
        (
            "葡萄牙总理访华期间，中葡两国签订了共同推进“一带一路”建设的谅解备忘录。",
            "共同推进“一带一路”建设的谅解备忘录",
        ),
        (
            "卢森堡首相访华。中卢两国代表当天签订政府间关于共同推进“一带一路”建设的谅解备忘录。",
            "中国与卢森堡政府间关于共同推进“一带一路”建设的谅解备忘录",
        ),
    ],
)
def test_extract_signers_an_unmarked_title_after_its_verb_is_read_whole(text, title):
    agreements, _facts = _read(text)
    assert title in agreements


@pytest.mark.parametrize(
    "text, published, title, facts",
    [
        # the day of the opening told before, 开幕式上 / 随后 the same day
        (
            "论坛12日在南宁开幕。开幕式上，广西大学与东盟大学联盟签署《区域人才培养合作协议》。",
            "2025-06-13",
            "区域人才培养合作协议",
            {("signedOn", "2025-06-12")},
        ),
        (
            "推介会5日在西宁举行。青海省商务厅随后与中国铝业集团有限公司签订了《盐湖资源开发合作协议》。",
            "2025-06-06",
            "盐湖资源开发合作协议",
            {("signedOn", "2025-06-05")},
        ),
        # a meeting told with 昨日, the signing in the sentence after it
        (
            "本报讯 昨日上午，湘赣边区域合作联席会议在萍乡市召开。湖南省发展和改革委员会与江西省"
            "发展和改革委员会共同签署《湘赣边区域合作示范区建设协议》。",
            "2025-08-15",
            "湘赣边区域合作示范区建设协议",
            {("signedOn", "2025-08-14")},
        ),
        # a month written with 初 or 底 at the clause's opening
        (
            "本月初，贵州省科学技术厅与浙江省科学技术厅签署《黔浙科技协作备忘录》。",
            "2025-07-20",
            "黔浙科技协作备忘录",
            {("signedOn", "2025-07")},
        ),
        # a clause's own signers after a semicolon, not those of the title before it
        (
            "会上签署的协议有：定西市人民政府与甘肃省公路交通建设集团有限公司签署的《定西物流园"
            "项目投资协议》；兰州大学与西北师范大学签署的《教师培训合作协议》。",
            "2025-06-06",
            "教师培训合作协议",
            {("party", "兰州大学"), ("party", "西北师范大学")},
        ),
        # what the agreement brought about is told after it: its signers still sign
        (
            "青海省科学技术厅与清华大学签署的《盐湖资源综合利用合作备忘录》已促成三项成果转化。",
            "2025-06-06",
            "盐湖资源综合利用合作备忘录",
            {("party", "青海省科学技术厅"), ("party", "清华大学")},
        ),
    ],
)
def test_extract_signers_the_day_and_the_signers_of_a_clause(text, published, title, facts):
    agreements, found = _read(text, published)
    assert title in agreements
    own = {(p, o) for s, p, o in found if s == title and p in ("party", "signedOn")}
    assert facts <= own
    if any(p == "party" for p, _o in facts):
        assert {(p, o) for p, o in own if p == "party"} == {f for f in facts if f[0] == "party"}


def test_extract_signers_the_paper_reporting_is_not_one_of_both_sides():
    # 双方 stands for the two bodies of the sentence before, not the paper that reports it
    text = (
        "据新加坡《海峡时报》3月2日报道，马来西亚政府与老挝政府达成共识。"
        "这是继双方去年签署《水资源协议》后的又一进展。"
    )
    _agreements, facts = _read(text)
    assert {o for s, p, o in facts if s == "水资源协议" and p == "party"} == {
        "马来西亚政府",
        "老挝政府",
    }


@pytest.mark.parametrize(
    "text, published, title, date",
    [
        # the ceremony told in the next sentence gives the day
        (
            "遵义市人民政府与贵州大学签署校地合作协议。签约仪式9日在遵义举行。",
            "2024-05-10",
            "遵义市人民政府与贵州大学合作协议",
            "2024-05-09",
        ),
        (
            "南阳市人民政府与河南农业大学签订合作框架协议，双方将共建现代农业研究院。"
            "签约仪式于本月12日举行。",
            "2024-05-20",
            "南阳市人民政府与河南农业大学合作框架协议",
            "2024-05-12",
        ),
        # in the same sentence, as a relative day or a month
        (
            "绵阳市人民政府与西南科技大学签订《科技城人才合作协议》，签字仪式昨天在绵阳举行。",
            "2024-05-20",
            "科技城人才合作协议",
            "2024-05-19",
        ),
        (
            "湛江市人民政府与广东海洋大学签订《海洋产业合作协议》，签约仪式于2023年11月在湛江举行。",
            "2024-05-20",
            "海洋产业合作协议",
            "2023-11",
        ),
        (
            "包头市人民政府与内蒙古科技大学签署《稀土人才合作协议》，签约时间为2022年4月。",
            "2024-05-20",
            "稀土人才合作协议",
            "2022-04",
        ),
        # a brief's opening: 本报讯 with its reporter, then the day
        (
            "本报讯（记者 李明）今天上午，十堰市人民政府与湖北汽车工业学院签署《汽车人才合作协议》。",
            "2024-05-20",
            "汽车人才合作协议",
            "2024-05-20",
        ),
    ],
)
def test_extract_signers_the_ceremony_or_the_brief_dates_the_signing(text, published, title, date):
    _agreements, facts = _read(text, published=published)
    assert {o for s, p, o in facts if s == title and p == "signedOn"} == {date}


@pytest.mark.parametrize(
    "text, title, parties",
    [
        # a few words in quotes inside a title without book marks
        (
            "中国移动与江西省人民政府在南昌签署“数字江西”战略合作协议。",
            "“数字江西”战略合作协议",
            {"中国移动通信集团有限公司", "江西省人民政府"},
        ),
        # an academy of engineering, three parties counted
        (
            "山西省人民政府、中国科学院、中国工程院三方在太原签署科技合作协议。",
            "山西省人民政府、中国科学院与中国工程院科技合作协议",
            {"山西省人民政府", "中国科学院", "中国工程院"},
        ),
        # the body the reporter learnt it from does not sign
        (
            "记者从吉林省教育厅获悉，教育部与吉林省人民政府已签署《部省合建吉林大学协议》。",
            "部省合建吉林大学协议",
            {"中华人民共和国教育部", "吉林省人民政府"},
        ),
        # a paper's dateline without a day
        (
            "光明日报首尔电 中国文化和旅游部与韩国文化体育观光部签署《文化交流合作备忘录》。",
            "文化交流合作备忘录",
            {"中华人民共和国文化和旅游部", "韩国文化体育观光部"},
        ),
        # a bank's branch written after the bank signs, not the bank
        (
            "岳阳市人民政府与中国农业银行湖南省分行签署战略合作协议。",
            "岳阳市人民政府与中国农业银行湖南省分行战略合作协议",
            {"岳阳市人民政府", "中国农业银行湖南省分行"},
        ),
        # a cooperation named after its field is no contract
        (
            "佛山市住房和城乡建设局与佛山大学签署《保障性租赁住房战略合作协议》。",
            "保障性租赁住房战略合作协议",
            {"佛山市住房和城乡建设局", "佛山大学"},
        ),
        # a project's investment agreement between a government and a company
        (
            "吕梁市人民政府与山西焦煤集团有限责任公司签署《吕梁氢能产业园项目投资协议》。",
            "吕梁氢能产业园项目投资协议",
            {"吕梁市人民政府", "山西焦煤集团有限责任公司"},
        ),
        # a university's affiliated hospital is one body
        (
            "喀什地区行政公署与复旦大学附属华山医院签署《医疗援疆合作协议》。",
            "医疗援疆合作协议",
            {"喀什地区行政公署", "复旦大学附属华山医院"},
        ),
    ],
)
def test_extract_signers_quoted_words_sources_units_and_fields(text, title, parties):
    agreements, facts = _read(text)
    assert title in agreements
    assert {o for s, p, o in facts if s == title and p == "party"} == parties


@pytest.mark.parametrize(
    "text, title",
    [
        # the states that signed, a noun: the month is the treaty's entry into force
        ("今年3月，《东南亚友好合作条约》对全部签署国生效。", "东南亚友好合作条约"),
        # the day a ceasefire takes effect from
        (
            "联合国特使日前宣布，冲突双方签署《全国停火协议》，决定从10月23日起实行停火。",
            "全国停火协议",
        ),
        # the day a spokesman welcomed a signing
        (
            "外交部发言人7日在答记者问时表示，中方对苏丹各方签署《朱巴和平协议》表示欢迎。",
            "朱巴和平协议",
        ),
        # a clause of its own after a semicolon: joined, not signed there
        (
            "2017年，中国与世界知识产权组织签署合作协议；2022年，中国加入《马拉喀什条约》。",
            "马拉喀什条约",
        ),
    ],
)
def test_extract_signers_no_signing_day_from_other_events(text, title):
    agreements, facts = _read(text, "2023-10-08")
    assert title in agreements
    assert not any(s == title and p == "signedOn" for s, p, _o in facts)


@pytest.mark.parametrize(
    "text, title, parties",
    [
        # pushed to sign: not signed
        ("美方官员此行是为了推动以色列与沙特签署和平协议。", None, set()),
        # an ellipsis ends what came before: its bodies do not sign
        (
            "一场演出，让黔南民族师范学院的学生爱上了民乐……2019年起，中国音乐学院与都匀市政府签署帮扶协议。",
            "中国音乐学院与都匀市人民政府帮扶协议",
            {"中国音乐学院", "都匀市人民政府"},
        ),
        # a settlement between disputing people is no agreement between bodies
        ("在县司法局调解下，各方签订了人民调解协议书。", None, set()),
    ],
)
def test_extract_signers_pushed_ended_and_settled(text, title, parties):
    agreements, facts = _read(text, "2023-10-08")
    if title is None:
        assert not any(p == "party" for _s, p, _o in facts)
    else:
        assert title in agreements
        assert {o for s, p, o in facts if s == title and p == "party"} == parties


@pytest.mark.parametrize(
    "text, absent",
    [
        ("两国领导人六十年前签订的这一条约奠定了法律基础。", "这一条约"),
        # the history of a signing is not one
        ("报告会回顾了协定签署历程和中方为推动协定落实作出的努力。", "历程"),
        # one kind of agreement with each of three states
        ("今年，中国与秘鲁、智利、哥斯达黎加签署自贸协定。", "自贸协定"),
        ("中国与斯里兰卡和马尔代夫等国签署“海上合作”谅解备忘录。", "谅解备忘录"),
    ],
)
def test_extract_signers_anaphors_and_lists_of_counterparts_name_no_agreement(text, absent):
    agreements, facts = _read(text, "2023-10-08")
    assert not any(absent in a for a in agreements)
    assert not any(p == "party" for _s, p, _o in facts)


def test_extract_signers_three_places_counted_sign_one_text():
    agreements, facts = _read("成都市与德阳、眉山、资阳三市签署合作协议。")
    label = "成都市人民政府、德阳市人民政府、眉山市人民政府与资阳市人民政府合作协议"
    assert label in agreements
    assert len({o for s, p, o in facts if s == label and p == "party"}) == 4


def test_extract_signers_a_verb_before_another_title_signs_that_one():
    # the treaty named in passing binds its states, and is not dated by the other's verb
    text = (
        "中老两国领导人举行会谈。双方落实好《中老边境管理协定》，并于12日签署《中老投资合作协定》。"
    )
    _agreements, facts = _read(text, "2023-10-13")
    assert {o for s, p, o in facts if s == "中老边境管理协定" and p == "party"} == {
        "中国政府",
        "老挝政府",
    }
    assert not any(s == "中老边境管理协定" and p == "signedOn" for s, p, _o in facts)
    assert ("中老投资合作协定", "signedOn", "2023-10-12") in facts


@pytest.mark.parametrize(
    "text, title, facts",
    [
        # the governments counted stand for those named before
        (
            "南宁、北海两市政府8日在南宁召开联席会议。会上，两市政府签署《北部湾同城化合作协议》。",
            "北部湾同城化合作协议",
            {
                ("party", "南宁市人民政府"),
                ("party", "北海市人民政府"),
                ("signedOn", "2023-10-08"),
            },
        ),
        # the day an exposition opened, told before its ceremony
        (
            "第五届中国—中亚博览会今天上午在乌鲁木齐开幕。开幕式上，乌鲁木齐市人民政府与新疆大学签署"
            "《丝路人才合作协议》。",
            "丝路人才合作协议",
            {("signedOn", "2023-10-09")},
        ),
        # the signing completed on a month told after it
        (
            "《渭河流域横向补偿协议》由陕西省人民政府与甘肃省人民政府共同签署，签约于去年4月在西安完成。",
            "渭河流域横向补偿协议",
            {("signedOn", "2022-04")},
        ),
    ],
)
def test_extract_signers_collective_governments_openings_and_completed_signings(text, title, facts):
    agreements, found = _read(text, "2023-10-09")
    assert title in agreements
    assert facts <= {(p, o) for s, p, o in found if s == title}


@pytest.mark.parametrize(
    "text",
    [
        # a treaty referred to since its signing is not a title of its own
        "中蒙两国此前签署了友好合作条约。两国学者日前举行研讨会，回顾条约签署以来的合作成果。",
        # a signing a motion proposes, left to a suitable time, is not made
        "市政府常务会议昨天审议通过了《关于与中国中铁股份有限公司签署城市轨道交通合作协议的议案》，"
        "会议同意授权市政府主要负责同志适时签署。",
    ],
)
def test_extract_signers_referred_and_deferred_signings_sign_nothing(text):
    agreements, found = _read(text, "2023-10-09")
    assert not any("回顾" in a for a in agreements)
    assert not any(p == "signedOn" for _s, p, _o in found)


@pytest.mark.parametrize(
    "text, title, parties",
    [
        # the places' courts sign, not their governments
        ("浙江、安徽、江西三省法院联合签署新安江司法协作协议。", "新安江司法协作协议", set()),
        # a pair of states opens the title written after its verb
        (
            "两国警务部门负责人共同签署了中老打击电信诈骗合作谅解备忘录。",
            "中老打击电信诈骗合作谅解备忘录",
            None,
        ),
        # a condition: signed only before something else happens
        (
            "官员表示，在以色列和黎巴嫩签署划定边界的和平协议以前，不会开放口岸。",
            None,
            set(),
        ),
    ],
)
def test_extract_signers_courts_state_pairs_and_conditions(text, title, parties):
    agreements, facts = _read(text, "2023-10-09")
    if title is not None:
        assert title in agreements
    if parties is not None:
        assert not any(p in ("party", "signedOn") for _s, p, _o in facts)


def test_extract_signers_several_texts_name_no_agreement():
    text = "中国和蒙古国领导人举行会谈。两国并签署了多项旨在深化中蒙友好合作的协议文件。"
    agreements, _facts = _read(text, "2023-10-09")
    assert not agreements


@pytest.mark.parametrize(
    "text",
    [
        # a treaty named only in a venue's name
        "学员们参观了《马关条约》史料陈列馆。",
        # a resident's compensation contract
        "市民李先生签订了房屋征收安置补偿协议。",
        # several texts listed in one title with 等
        "国网江苏电力与各地市政府签订了“数字南京”“智慧苏州”等战略合作协议。",
    ],
)
def test_extract_signers_venues_residents_contracts_and_listed_titles_are_no_agreement(text):
    agreements, _facts = _read(text, "2023-10-09")
    assert not agreements


def test_extract_signers_a_treatys_own_anniversary_and_treaties_joined():
    text = (
        "今年是《南太平洋无核区条约》签署20周年，也是《东南亚友好合作条约》签署10周年。"
        "1980年加入《保护工业产权巴黎公约》；1990年加入《伯尔尼公约》；2013年《马拉喀什条约》在摩洛哥缔结。"
    )
    _agreements, facts = _read(text, "2017-06-09")
    dates = {s: o for s, p, o in facts if p == "signedOn"}
    assert dates.get("东南亚友好合作条约") == "2007"
    assert "保护工业产权巴黎公约" not in dates and "伯尔尼公约" not in dates


def test_extract_signers_a_spokesman_s_ministry_welcoming_a_signing_does_not_sign():
    text = "外交部发言人张明9日在答记者问时表示，中方对南苏丹政府与反对派签署《振兴和平协议》表示欢迎。"
    _agreements, facts = _read(text, "2023-10-09")
    parties = {o for s, p, o in facts if s == "振兴和平协议" and p == "party"}
    assert not any("外交部" in p for p in parties)


@pytest.mark.parametrize(
    "text, title, date",
    [
        # what the signers say after signing does not take the meeting's day away
        (
            "江西省与中国电建合作交流会12日在南昌举行。会上，双方签署《新能源合作协议》，双方表示将加快项目落地。",
            "新能源合作协议",
            "2023-10-12",
        ),
        # an event held on a day, then an agreement signed before it shown there: no day
        (
            "第三届东盟教育展开幕式5日在南宁举行，展会向来宾展示了广西大学与泰国清迈大学签署的《教育合作备忘录》。",
            "教育合作备忘录",
            None,
        ),
        (
            "东盟教育论坛12日在南宁举行，会上签署的《职业教育合作备忘录》涉及十个领域。",
            "职业教育合作备忘录",
            "2023-10-12",
        ),
        # a meeting held on a day before the dateline's, not given: 会上 takes no day
        (
            "本报南宁10月12日电  （记者王明）2023南宁·北海联合招商大会日前举行。"
            "会上，南宁市青秀区与北海市铁山港区签订了《产业协作框架协议》。",
            "产业协作框架协议",
            None,
        ),
        # a month joined to one written with its year takes that year
        (
            "双方对在2021年11月和12月签署的《中老共建产业园区合作规划》表示满意。",
            "中老共建产业园区合作规划",
            "2021-12",
        ),
        # a renewal welcomed in a joint statement: no day given
        (
            "会谈后发表的联合声明说，双方对续签《农业合作谅解备忘录》表示欢迎。",
            "农业合作谅解备忘录",
            None,
        ),
    ],
)
def test_extract_signers_remarks_events_and_joined_months_date_a_signing(text, title, date):
    assert _signed_on(text, "2023-10-13", title) == ({date} if date else set())


def test_extract_signers_a_signing_listed_as_a_noun_signs_nothing():
    text = "中国政府为《巴黎协定》的谈判、签署、生效和实施作出了努力。"
    _agreements, facts = _read(text)
    assert not {o for s, p, o in facts if s == "巴黎协定" and p == "party"}


def test_extract_signers_a_signing_planned_during_a_visit_to_come_has_no_parties_or_date():
    text = (
        "商务部发言人说，副总理将于本月13日至15日率团访问堪培拉，与澳方签署《中澳农产品贸易协定》。"
    )
    agreements, facts = _read(text, "2023-10-09")
    assert "中澳农产品贸易协定" in agreements
    assert not {p for s, p, o in facts if s == "中澳农产品贸易协定"} & {"signedOn", "party"}


@pytest.mark.parametrize(
    "text, published, title, date",
    [
        # today is the anniversary: that day, n years back
        (
            "今天是《中蒙友好合作关系条约》签订30周年纪念日。",
            "2024-04-08",
            "中蒙友好合作关系条约",
            "1994-04-08",
        ),
        # 同年: the year told before, not the year published
        (
            "2018年5月，两国建交。同年11月，两国签署《中多农业合作协定》。",
            "2023-11-20",
            "中多农业合作协定",
            "2018-11",
        ),
        # the opening yesterday, talks that day, the signing after them: yesterday
        (
            "第五届中国（南充）丝绸博览会昨天在南充开幕。开幕当天，两市负责人举行会谈。"
            "会谈后，南充市人民政府与湖州市人民政府签署《丝绸产业协作协议》。",
            "2025-09-12",
            "丝绸产业协作协议",
            "2025-09-11",
        ),
        # the opening yesterday, a ceremony after it, and 当天 in the next paragraph
        (
            "博览会昨天在吐鲁番开幕。开幕式后，两地举行签约仪式。\n\n"
            "当天签署的《葡萄产业合作协议》，签约方为吐鲁番市人民政府和新疆农业大学。",
            "2025-08-21",
            "葡萄产业合作协议",
            "2025-08-20",
        ),
        # the year of what came before, then the signing on that basis
        (
            "早在2019年，两省就接入了省际结算平台，在此基础上，两省又签署了《医保协同合作协议》。",
            "2023-06-01",
            "医保协同合作协议",
            None,
        ),
    ],
)
def test_extract_signers_anniversaries_and_what_came_before(text, published, title, date):
    assert _signed_on(text, published, title) == ({date} if date else set())


@pytest.mark.parametrize(
    "text, title, built",
    [
        (
            "2018年7月，两国元首见证双方签署《开普半岛大学孔子学院共建协议》。",
            "开普半岛大学孔子学院共建协议",
            "开普半岛大学孔子学院",
        ),
        (
            "《江汉大学与肯尼亚莫伊大学关于合作建设孔子学院的协议》签署。",
            "江汉大学与肯尼亚莫伊大学关于合作建设孔子学院的协议",
            "孔子学院",
        ),
    ],
)
def test_extract_signers_what_a_title_says_is_built_does_not_sign(text, title, built):
    agreements, facts = _read(text, "2018-07-30")
    assert title in agreements
    assert built not in {o for s, p, o in facts if s == title and p == "party"}


def test_extract_signers_a_clause_with_signers_of_its_own_takes_none_from_before():
    text = (
        "柬埔寨国家电视台派员赴越南培训，参观了越南电视台的直播间；"
        "柬埔寨媒体另与老挝之声签署谅解备忘录，互换节目。"
    )
    _agreements, facts = _read(text, "2023-05-04")
    assert not {o for s, p, o in facts if p == "party"} & {"柬埔寨国家电视台", "越南电视台"}


def test_extract_signers_the_witnesses_countries_do_not_sign_when_the_signers_follow():
    # 见证下由…: the signers follow the witnesses; a state's concern (康采恩) is an organisation
    text = (
        "2019年4月，在两国领导人见证下由中国石油与土库曼斯坦国家天然气康采恩共同签署的"
        "《南约洛坦气田开发合作协议》，推动了项目落地。"
    )
    _agreements, facts = _read(text)
    parties = {o for s, p, o in facts if s == "南约洛坦气田开发合作协议" and p == "party"}
    assert "土库曼斯坦国家天然气康采恩" in parties
    assert not parties & {"中国政府", "土库曼斯坦政府"}


def test_extract_signers_the_day_a_clause_after_a_semicolon_gives_is_not_the_signing():
    # the signing's own clause dates it; the next one, after a semicolon, tells of its effect
    text = "2015年6月17日，中澳两国政府正式签署中澳自贸协定；同年12月20日，该协定正式生效实施。"
    assert _signed_on(text, "2023-07-20", "中国政府与澳大利亚政府自贸协定") == {"2015-06-17"}


def test_extract_signers_a_body_a_title_says_is_built_for_does_not_sign():
    # 援建…医院扩建项目协议: the hospital is what the project builds, not a signer
    _agreements, facts = _read("2021年5月，两国政府签署了中国援建马普托中心医院扩建项目协议。")
    parties = {o for s, p, o in facts if p == "party"}
    assert "马普托中心医院" not in parties


@pytest.mark.parametrize(
    "text, title, absent",
    [
        # a body that mediates does not sign
        (
            "在非盟斡旋下，南苏丹政府与反对派于去年9月签署《重振和平协议》。",
            "重振和平协议",
            "非洲联盟",
        ),
        (
            "在联合国调停下，也门政府与胡塞武装签署《斯德哥尔摩协议》。",
            "斯德哥尔摩协议",
            "联合国",
        ),
    ],
)
def test_extract_signers_a_mediator_is_not_a_party(text, title, absent):
    assert absent not in _parties(text, title)


@pytest.mark.parametrize(
    "text",
    [
        "老挝总理访华。2016年9月，老中签署政府间经贸合作谅解备忘录。",
        "老挝总理访华。2016年9月，中老签署政府间经贸合作谅解备忘录。",
    ],
)
def test_extract_signers_a_treaty_between_governments_is_labelled_china_first(text):
    agreements, _facts = _read(text)
    assert "中国与老挝政府间经贸合作谅解备忘录" in agreements


def test_extract_signers_a_bank_before_its_branch_is_the_branch():
    text = "建行贵州省分行与遵义市人民政府签署《乡村振兴金融合作协议》。"
    assert _parties(text, "乡村振兴金融合作协议") == {"中国建设银行贵州省分行", "遵义市人民政府"}


@pytest.mark.parametrize(
    "text, title, parties",
    [
        # 双方 right after a clause about a city and a company, the two of another signing before
        (
            "上月，盐城市科技局与南京大学签署《海洋科技合作协议》，双方将共建研究院。"
            "盐城与比亚迪股份有限公司的合作始于2019年，双方当年签署的新能源客车合作协议已到期。",
            "盐城市人民政府与比亚迪股份有限公司新能源客车合作协议",
            {"盐城市人民政府", "比亚迪股份有限公司"},
        ),
        (
            "江西省农业农村厅与江西农业大学签署《种业科技合作协议》。"
            "赣州市同中国铁建股份有限公司的合作由来已久，双方2020年签署了《赣南交通建设合作协议》。",
            "赣南交通建设合作协议",
            {"赣州市人民政府", "中国铁建股份有限公司"},
        ),
        # the signers of the paragraph before, with a blank line between the paragraphs
        (
            "8日，浙江省人民政府与中国电力建设集团有限公司签署《抽水蓄能合作协议》。\n\n"
            "根据协议，中国电建将在丽水建设抽水蓄能电站。这是双方继2020年签署"
            "《清洁能源战略合作协议》后的又一次合作。",
            "清洁能源战略合作协议",
            {"浙江省人民政府", "中国电力建设集团有限公司"},
        ),
        # not when this paragraph names another pair before 双方
        (
            "8日，浙江省人民政府与中国电力建设集团有限公司签署《抽水蓄能合作协议》。\n\n"
            "会议期间，温州市商务局与日本大阪府商工劳动部进行了交流。随后，双方签署了"
            "《温阪经贸合作备忘录》。",
            "温阪经贸合作备忘录",
            {"温州市商务局", "日本大阪府商工劳动部"},
        ),
        # 该协会 / 该商会 at the start of the signing's clause: the one named before
        (
            "浙江省软件行业协会负责人介绍，该协会与澳门科技大学去年签署的《软件人才合作协议》"
            "已培养学员300人。",
            "软件人才合作协议",
            {"浙江省软件行业协会", "澳门科技大学"},
        ),
        # a bank by the short name it uses itself
        (
            "当天，贵阳市人民政府、贵州大学和农行三方签署《大数据金融合作协议》。",
            "大数据金融合作协议",
            {"贵阳市人民政府", "中国农业银行", "贵州大学"},
        ),
        # a bank's common short name, alone and before a branch
        (
            "6月2日，建设银行与江西省人民政府签署《金融服务乡村振兴战略合作协议》。",
            "金融服务乡村振兴战略合作协议",
            {"中国建设银行", "江西省人民政府"},
        ),
        (
            "农业银行四川省分行与四川省农业农村厅签订《高标准农田建设金融合作协议》。",
            "高标准农田建设金融合作协议",
            {"中国农业银行四川省分行", "四川省农业农村厅"},
        ),
        # a place abroad after 由 and a body: it signs through its government
        (
            "《青少年交流合作备忘录》上月由浙江省教育厅与日本静冈县在静冈共同签署。",
            "青少年交流合作备忘录",
            {"浙江省教育厅", "日本静冈县政府"},
        ),
    ],
)
def test_extract_signers_collective_words_short_names_and_banks_sign(text, title, parties):
    assert _parties(text, title) == parties


@pytest.mark.parametrize(
    "text, title, parties",
    [
        # 双方 far from the bodies, in a title that names its two sides first
        (
            "会上，西咸新区管委会与兰州新区管委会共同发布了合作清单。\n\n"
            "西咸新区的秦创原总窗口已入驻企业600家。兰州新区的化工园区加快建设。\n\n"
            "会议期间，双方还签署了《西咸新区—兰州新区产业协作框架协议》。",
            "西咸新区—兰州新区产业协作框架协议",
            {"陕西西咸新区管理委员会", "甘肃兰州新区管理委员会"},
        ),
        (
            "宁波市科学技术局与嘉兴市科学技术局负责人出席推介会。\n\n"
            "两地科创资源互补，已有30家企业互设研发中心。\n\n"
            "活动最后，双方签署《宁波—嘉兴科技创新券互认协议》。",
            "宁波—嘉兴科技创新券互认协议",
            {"宁波市科学技术局", "嘉兴市科学技术局"},
        ),
        # 双方 after a sentence where the two bodies' people spoke: those present sign
        (
            "新疆维吾尔自治区商务厅和中国铁路乌鲁木齐局集团有限公司负责人在推介会上分别介绍了通道建设情况。"
            "随后，双方签署《中欧班列集结中心共建协议》。",
            "中欧班列集结中心共建协议",
            {"新疆维吾尔自治区商务厅", "中国铁路乌鲁木齐局集团有限公司"},
        ),
        # the signers of a title told with no verb of signing (《T》的签约方为A和B)
        (
            "会上还签约了一批项目。《古镇文旅综合体项目投资协议》的签约方为黄山市人民政府和安徽省旅游集团有限责任公司。",
            "古镇文旅综合体项目投资协议",
            {"黄山市人民政府", "安徽省旅游集团有限责任公司"},
        ),
        # signers listed after a colon; two schools named before, joined to a third signer
        (
            "随后举行《氢能公交示范合作协议》签约仪式，签约单位：张家口市人民政府、国家电投集团氢能科技发展有限公司、中国银行河北省分行。",
            "氢能公交示范合作协议",
            {"张家口市人民政府", "国家电投集团氢能科技发展有限公司", "中国银行河北省分行"},
        ),
        (
            "贵州大学和遵义医科大学长期开展茶叶研究。当天，以上两所高校与遵义市人民政府签署《茶产业科技合作协议》。",
            "茶产业科技合作协议",
            {"贵州大学", "遵义医科大学", "遵义市人民政府"},
        ),
        # a foreign region's government's vice-chair signs for the government
        (
            "黑河市副市长与俄罗斯阿穆尔州政府副主席代表双方签署《界河旅游合作备忘录》。",
            "界河旅游合作备忘录",
            {"黑河市人民政府", "俄罗斯阿穆尔州政府"},
        ),
        # a company's deputy head signs for it, the company's name unknown to any list
        (
            "满洲里市副市长与俄罗斯农业企业索菲亚农业集团副总裁伊万诺夫代表双方签署《油菜籽加工项目投资协议》。",
            "油菜籽加工项目投资协议",
            {"满洲里市人民政府", "索菲亚农业集团"},
        ),
        # a bank's branch listed among the signers after the signing
        (
            "仪式上还举行了《绿色信贷合作协议》签约，签约方为西宁市人民政府和中国建设银行青海省分行。",
            "绿色信贷合作协议",
            {"西宁市人民政府", "中国建设银行青海省分行"},
        ),
        # 分别与这两家企业: the bank signs one text with each company named before
        (
            "内蒙古伊泰集团有限公司和鄂尔多斯市国有资产投资控股集团有限公司是当地龙头企业。"
            "当天，内蒙古银行股份有限公司分别与这两家企业签署战略合作协议。",
            "内蒙古银行股份有限公司与内蒙古伊泰集团有限公司战略合作协议",
            {"内蒙古银行股份有限公司", "内蒙古伊泰集团有限公司"},
        ),
        (
            "内蒙古伊泰集团有限公司和鄂尔多斯市国有资产投资控股集团有限公司是当地龙头企业。"
            "当天，内蒙古银行股份有限公司分别与这两家企业签署战略合作协议。",
            "内蒙古银行股份有限公司与鄂尔多斯市国有资产投资控股集团有限公司战略合作协议",
            {"内蒙古银行股份有限公司", "鄂尔多斯市国有资产投资控股集团有限公司"},
        ),
        # two provinces by their abbreviations and the kind of their areas
        (
            "贵州贵安新区管委会与云南滇中新区管委会负责人出席对接会。\n\n"
            "两地产业互补性强。\n\n会上，双方签署《黔滇两新区产业协作框架协议》。",
            "黔滇两新区产业协作框架协议",
            {"贵州贵安新区管理委员会", "云南滇中新区管理委员会"},
        ),
        # 两国 of the witnesses before 双方: the signers are those of the sentence, not the states
        (
            "商务部与老挝工贸部昨天在北京举行部长级会谈。在两国领导人见证下，双方签署了"
            "《关于加强电子商务合作的谅解备忘录》。",
            "关于加强电子商务合作的谅解备忘录",
            {"中华人民共和国商务部", "老挝工贸部"},
        ),
        # a city by its first character and a province by its abbreviation
        (
            "西安高新区管委会与重庆高新区管委会负责人出席对接会。\n\n"
            "两地产业互补性强。\n\n会上，双方签署《西渝两地高新区协作协议》。",
            "西渝两地高新区协作协议",
            {"西安高新技术产业开发区管理委员会", "重庆高新技术产业开发区管理委员会"},
        ),
        # a state's name first: its government signs, not a body carrying its name
        (
            "越南驻华大使馆官员出席。\n\n双方签署《中国—越南边境旅游合作协议》。",
            "中国—越南边境旅游合作协议",
            {"中国政府", "越南政府"},
        ),
        # two pairs sign two titles respectively: each pair its own title
        (
            "苏州工业园区管委会与宿迁市人民政府、无锡高新区管委会与淮安市人民政府分别签署"
            "《苏宿园区共建协议》和《锡淮产业转移合作协议》。",
            "苏宿园区共建协议",
            {"苏州工业园区管理委员会", "宿迁市人民政府"},
        ),
        (
            "苏州工业园区管委会与宿迁市人民政府、无锡高新区管委会与淮安市人民政府分别签署"
            "《苏宿园区共建协议》和《锡淮产业转移合作协议》。",
            "锡淮产业转移合作协议",
            {"无锡高新技术产业开发区管理委员会", "淮安市人民政府"},
        ),
    ],
)
def test_extract_signers_collectives_by_a_titles_sides_and_pairs_by_the_titles_order(
    text, title, parties
):
    assert _parties(text, title) == parties


@pytest.mark.parametrize(
    "text, title, parties",
    [
        # 两州 after a meeting: the prefectures' governments, not the bodies of the signing
        # told in the paragraph before
        (
            "新疆维吾尔自治区商务厅与哈萨克斯坦驻乌鲁木齐总领事馆签署《口岸通关备忘录》。\n\n"
            "上月，伊犁哈萨克自治州代表团访问哈萨克斯坦阿拉木图州，与当地政府举行会谈。会谈后，"
            "两州签署了《霍尔果斯口岸物流合作协议》。",
            "霍尔果斯口岸物流合作协议",
            {"伊犁哈萨克自治州人民政府", "哈萨克斯坦阿拉木图州政府"},
        ),
        # 与该院: the hospital the article is about, named most often before, not the one it
        # last signed with
        (
            "嘉兴市第一医院与海盐县人民政府签署《县域医共体合作协议》，嘉兴市第一医院将派专家常驻。"
            "同日，嘉兴市第一医院与香港大学深圳医院签署《远程会诊合作备忘录》。"
            "此前，嘉兴市卫生健康委员会已与该院及嘉兴市第二医院签署《区域医疗中心共建协议》。",
            "区域医疗中心共建协议",
            {"嘉兴市卫生健康委员会", "嘉兴市第一医院", "嘉兴市第二医院"},
        ),
    ],
)
def test_extract_signers_a_counterpart_referred_to_by_its_kind(text, title, parties):
    _agreements, facts = _read(text)
    assert {o for s, p, o in facts if s == title and p == "party"} == parties


@pytest.mark.parametrize(
    "text, title, parties",
    [
        # a counterpart named by a brand in capitals, which the gazetteers do not know
        (
            "常州市人民政府与CATL储能签署《储能产业合作协议》。",
            "储能产业合作协议",
            {"常州市人民政府", "CATL储能"},
        ),
        (
            "盐城市人民政府同SK新能源签署《动力电池合作协议》。",
            "动力电池合作协议",
            {"盐城市人民政府", "SK新能源"},
        ),
    ],
)
def test_extract_signers_a_counterpart_named_by_a_brand_in_capitals(text, title, parties):
    _agreements, facts = _read(text)
    assert {o for s, p, o in facts if s == title and p == "party"} == parties


@pytest.mark.parametrize(
    "text, title, parties",
    [
        # a central enterprise's brand alone is its group
        (
            "本溪市人民政府与鞍钢签署《矿产资源开发合作协议》。",
            "矿产资源开发合作协议",
            {"本溪市人民政府", "鞍钢集团有限公司"},
        ),
        (
            "大连市人民政府与中粮签署《粮食物流枢纽合作协议》。",
            "粮食物流枢纽合作协议",
            {"大连市人民政府", "中粮集团有限公司"},
        ),
    ],
)
def test_extract_signers_a_central_enterprise_s_brand_signs_for_its_group(text, title, parties):
    _agreements, facts = _read(text)
    assert {o for s, p, o in facts if s == title and p == "party"} == parties


def test_extract_signers_a_brand_s_company_in_a_country_is_not_the_state():
    # SAP中国: the company in China, not China's government
    _agreements, facts = _read("东方电气与SAP中国续签《数字化管理系统合作协议》。")
    assert "中国政府" not in {o for _s, p, o in facts if p == "party"}


def test_extract_signers_both_sides_of_a_headline_one_of_them_unknown():
    # 双方 in the first sentence stands for the headline's two sides, one of them a brand
    # no gazetteer knows
    text = (
        "常州市政府与SK新能源签署战略合作协议\n\n"
        "本报讯 双方3月5日在常州签署战略合作协议。根据协议，SK新能源将在常州建设电池工厂。"
    )
    _agreements, facts = _read(text)
    parties = {(s, o) for s, p, o in facts if p == "party"}
    assert {o for _s, o in parties} == {"常州市人民政府", "SK新能源"}


def test_extract_signers_a_body_whose_report_says_it_does_not_sign():
    # IMF报告认为…签署: the body whose report speaks of the signing is not a party
    text = (
        "世界银行(WB)发布年度报告。WB报告指出，中新两国签订《服务贸易合作议定书》以来贸易增长较快。"
    )
    _agreements, facts = _read(text)
    assert "世界银行" not in {o for _s, p, o in facts if p == "party"}


@pytest.mark.parametrize(
    "text, title, parties",
    [
        # 我们 signs inside a quote: the body of the speaker named with a post after it
        (
            "“今年4月，我们就跟中国农业科学院茶叶研究所签了《茶树良种繁育合作协议》。”"
            "普洱市澜沧古茶有限公司负责人李明说。",
            "茶树良种繁育合作协议",
            {"普洱市澜沧古茶有限公司", "中国农业科学院茶叶研究所"},
        ),
        # or before it
        (
            "云南农业大学校长表示：“我们已与西双版纳傣族自治州人民政府签署《热带作物人才培养协议》。”",
            "热带作物人才培养协议",
            {"云南农业大学", "西双版纳傣族自治州人民政府"},
        ),
    ],
)
def test_extract_signers_we_in_a_quote_is_the_speaker_s_body(text, title, parties):
    _agreements, facts = _read(text)
    assert {o for s, p, o in facts if s == title and p == "party"} == parties


def test_extract_signers_two_cities_governments_of_a_title_with_two_sides():
    # 两市政府签署《A—B…》: the governments of the two sides, not the last bodies named after them
    text = (
        "凭祥市代表团访问越南同登市。凭祥市人民政府与同登市人民委员会签署《友好城市协议》。\n\n"
        "访问期间，中国联通广西分公司、凭祥市人民医院以及同登市医院等三家单位还签署了"
        "《远程医疗协议》。\n\n早在2018年，两市政府就已签署《凭祥—同登口岸合作协议》。"
    )
    _agreements, facts = _read(text)
    title = "凭祥—同登口岸合作协议"
    parties = {o for s, p, o in facts if s == title and p == "party"}
    assert parties == {"凭祥市人民政府", "越南同登市人民委员会"}


def test_extract_signers_no_place_abroad_runs_over_a_joiner_or_belongs_to_china():
    # 中国…县: a Chinese body and a county joined by 与, not a county of a state abroad
    _agreements, facts = _read("去年5月，中国歌剧舞剧院与岚县正式签署了《文化帮扶协议》。")
    assert not [o for _s, p, o in facts if p == "party" and o.startswith("中国歌剧")]


@pytest.mark.parametrize(
    "text, title, parties",
    [
        # a day between the known party and the joiner before a short name no gazetteer knows
        (
            "芜湖市人民政府已于今年3月与奇瑞签署《智能网联汽车合作协议》。",
            "智能网联汽车合作协议",
            {"芜湖市人民政府", "奇瑞"},
        ),
        # the known party written by a word of its kind
        (
            "南京大学有关负责人表示，该校还与小鹏汽车签署了《自动驾驶联合研究协议》。",
            "自动驾驶联合研究协议",
            {"南京大学", "小鹏汽车"},
        ),
    ],
)
def test_extract_signers_a_short_named_counterpart_after_a_day_or_a_referring_word(
    text, title, parties
):
    _agreements, facts = _read(text)
    assert {o for s, p, o in facts if s == title and p == "party"} == parties


@pytest.mark.parametrize(
    "text, title, parties",
    [
        # an adverb of repetition or of manner, a time of day, a venue of one character or a
        # long one between the signers and the verb
        (
            "2020年6月，中日再次签署《海上搜救合作协定》。",
            "海上搜救合作协定",
            {"中国政府", "日本政府"},
        ),
        (
            "去年8月，甘肃省与青海省再度签署生态保护合作协议。",
            "甘肃省人民政府与青海省人民政府生态保护合作协议",
            {"甘肃省人民政府", "青海省人民政府"},
        ),
        (
            "3月2日，湖北省与湖南省联合签署《洞庭湖水环境治理协议》。",
            "洞庭湖水环境治理协议",
            {"湖北省人民政府", "湖南省人民政府"},
        ),
        (
            "本月9日上午，南宁市与柳州市在邕签署《北部湾产业协作备忘录》。",
            "北部湾产业协作备忘录",
            {"南宁市人民政府", "柳州市人民政府"},
        ),
        (
            "中葡两国在第二届进口博览会开幕式上签署了《文化遗产保护谅解备忘录》。",
            "文化遗产保护谅解备忘录",
            {"中国政府", "葡萄牙政府"},
        ),
        # 两国: China written only in the pair of abbreviations before
        (
            "老挝总理访华。中老关系近年发展顺利。2018年，两国签署《农业合作谅解备忘录》。",
            "农业合作谅解备忘录",
            {"中国政府", "老挝政府"},
        ),
    ],
)
def test_extract_signers_words_between_the_signers_and_the_verb(text, title, parties):
    assert _parties(text, title) == parties


@pytest.mark.parametrize(
    "text, title",
    [
        # a title written after its verb with a place in brackets
        (
            "会上，四川广播电视台与眉山市政府签署了国家（眉山）数字文创基地项目合作协议。",
            "国家(眉山)数字文创基地项目合作协议",
        ),
        # 名为 / 题为: the title is what follows
        (
            "埃及、约旦和伊拉克签署了一项名为三国电网互联协议的政府间协议。",
            "三国电网互联协议",
        ),
        (
            "甘肃省与兰州大学签署了一份题为共建黄河生态研究院合作协议的文件。",
            "共建黄河生态研究院合作协议",
        ),
        # a whole title in quotes
        (
            "5月4日，挪威和冰岛签署“挪威—冰岛渔业资源养护协定”，以延续两国渔业合作。",
            "挪威—冰岛渔业资源养护协定",
        ),
        # 一项 / 一份 counts the agreement: no part of its title
        (
            "世界卫生组织已与孟加拉国签署了一项疟疾防控技术援助项目协议。",
            "疟疾防控技术援助项目协议",
        ),
    ],
)
def test_extract_signers_an_unmarked_title_in_brackets_or_quotes_or_named_as_such(text, title):
    agreements, _facts = _read(text)
    assert title in agreements


@pytest.mark.parametrize(
    "text, title, parties",
    [
        # 双方: those who held the ceremony, not the bodies of the guests named after them
        (
            "本报南昌5月6日电 今天，江西省政府与中国旅游集团在南昌举行全面合作签约仪式。\n"
            "文化和旅游部副部长、国家文物局局长李某，江西省委副书记、省长王某出席。"
            "仪式上，双方签署了赣南红色旅游示范区建设合作协议。",
            "赣南红色旅游示范区建设合作协议",
            {"江西省人民政府", "中国旅游集团有限公司"},
        ),
    ],
)
def test_extract_signers_both_sides_are_those_who_held_the_ceremony(text, title, parties):
    assert _parties(text, title) == parties


@pytest.mark.parametrize(
    "text, title, parties",
    [
        # 是首个同中方签署: the state that is one of those that sign, and China's side
        (
            "多米尼加是首个同中方签署《民航合作协定》的加勒比国家。",
            "民航合作协定",
            {"多米尼加政府", "中国政府"},
        ),
        # 双方 after the two states' sides were spoken of
        (
            "中方愿同老方深化互联互通合作。\n通伦表示，老中友谊源远流长，双方签署了《边境口岸合作协定》。",
            "边境口岸合作协定",
            {"中国政府", "老挝政府"},
        ),
        (
            "七、中方愿同俄方扩大农业合作。八、双方对签署《大豆贸易议定书》表示满意。",
            "大豆贸易议定书",
            {"中国政府", "俄罗斯政府"},
        ),
    ],
)
def test_extract_signers_states_by_their_sides(text, title, parties):
    assert _parties(text, title) == parties


def test_extract_signers_the_committees_of_two_areas_named_before():
    # 两区管委会: the committees of the two areas named before, not a body named 两区
    text = (
        "望城经开区管委会和宁乡高新区管委会负责人出席。"
        "会上，两区管委会签订《湘江西岸产业协作框架协议》。"
    )
    assert _parties(text, "湘江西岸产业协作框架协议") == {
        "望城经济技术开发区管理委员会",
        "宁乡高新技术产业开发区管理委员会",
    }


@pytest.mark.parametrize(
    "text, title, parties, dates",
    [
        # a pair of states without China, each by the one character that is its own
        (
            "英法两国2003年签署《边境管控协定》。",
            "边境管控协定",
            {"英国政府", "法国政府"},
            {"2003"},
        ),
        # the year after the verb with 于
        (
            "日韩签署于2015年的《渔业协定》将于明年到期。",
            "渔业协定",
            {"日本政府", "韩国政府"},
            {"2015"},
        ),
    ],
)
def test_extract_signers_a_pair_of_other_states_and_a_year_after_the_verb(
    text, title, parties, dates
):
    _agreements, facts = _read(text)
    assert {o for s, p, o in facts if s == title and p == "party"} == parties
    assert {o for s, p, o in facts if s == title and p == "signedOn"} == dates


@pytest.mark.parametrize(
    "text, title, parties",
    [
        # the places' own organs counted: those named before, never the places' governments
        (
            "岳阳市人大常委会和常德市人大常委会负责人出席。会上，两市人大常委会签署《洞庭湖立法协作协议》。",
            "洞庭湖立法协作协议",
            {"岳阳市人民代表大会常务委员会", "常德市人民代表大会常务委员会"},
        ),
        (
            "岳阳市和常德市负责人出席。会上，两市人大签署《洞庭湖立法协作协议》。",
            "洞庭湖立法协作协议",
            set(),
        ),
    ],
)
def test_extract_signers_the_places_own_organs_counted(text, title, parties):
    assert _parties(text, title) == parties


@pytest.mark.parametrize(
    "text, title, parties",
    [
        # a state's national agency abroad, named with its state, signs (a verb inside its name)
        (
            "天津市药品监督管理局与日本医药品医疗器械综合机构签订《药品审评合作备忘录》。",
            "药品审评合作备忘录",
            {"天津市药品监督管理局", "日本医药品医疗器械综合机构"},
        ),
        (
            "复旦大学与日本科学技术振兴机构、东京大学签订《联合研究备忘录》。",
            "联合研究备忘录",
            {"复旦大学", "日本科学技术振兴机构", "东京大学"},
        ),
        # 机构 after a state and a word or two is a kind
        (
            "武汉市人民政府与美国相关机构签订《交流合作备忘录》。",
            "交流合作备忘录",
            {"武汉市人民政府"},
        ),
        (
            "武汉市人民政府与美国金融监管机构签订《交流合作备忘录》。",
            "交流合作备忘录",
            {"武汉市人民政府"},
        ),
    ],
)
def test_extract_signers_a_states_national_agency_abroad(text, title, parties):
    assert _parties(text, title) == parties
