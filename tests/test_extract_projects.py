"""Named projects: distinguishing name + head noun, coordination, location and figures."""

from __future__ import annotations

import pytest

from kg.extract import extract
from kg.records import Document


def _read(text: str):
    ex = extract(Document(id="t", text=text))
    projects = [m.entity.label for m in ex.mentions if m.entity.cls == "Project"]
    located = {
        (r.subject.label, r.object.label) for r in ex.relations if r.predicate == "locatedIn"
    }
    figures = {
        (r.subject.label, str(r.object.value), r.object.unit)
        for r in ex.relations
        if r.predicate == "hasQuantity"
    }
    return projects, located, figures


@pytest.mark.parametrize(
    "text, expected",
    [
        (
            "推动建设超瞬态实验装置、电磁驱动聚变装置等设施。",
            ["超瞬态实验装置", "电磁驱动聚变装置"],
        ),
        (
            "联合推动合肥超算中心、中国人类遗传资源库等共享。",
            ["合肥超算中心", "中国人类遗传资源库"],
        ),
        ("共建长株潭科创走廊。", ["长株潭科创走廊"]),
        ("长沙市大力推进“5G+”智慧港口项目。", ["“5G+”智慧港口项目"]),
        ("支持建设岳麓山实验室、湘江实验室。", ["岳麓山实验室", "湘江实验室"]),
        ("位于天心区湘江路的橘子洲湿地公园迎来市民。", ["橘子洲湿地公园"]),
        (
            "比如浏阳河流域水环境综合治理与生态修复试点PPP项目进展顺利。",
            ["浏阳河流域水环境综合治理与生态修复试点PPP项目"],
        ),
        ("续建岳麓污水处理厂二期扩建等3个项目。", ["岳麓污水处理厂二期扩建"]),
        ("城际铁路跳马至株洲线进入试跑阶段。", ["城际铁路跳马至株洲线"]),
    ],
)
def test_projects_names(text, expected):
    assert _read(text)[0] == expected


@pytest.mark.parametrize(
    "text",
    [
        "共建共享重大科技基础设施，协同布局重大科学装置、国家(重点)实验室、技术创新中心。",
        "支持车企建立研发中心、软件中心、营销中心。",
        "两市将联合申报试点示范项目，共推新项目，完成67个重大项目。",
        "新型城镇化项目和“两新”项目建设亮点纷呈，城市公园变得越来越漂亮。",
        "坚决遏制高耗能、高排放项目盲目发展。",
        "公共文化服务项目共建，制定博物馆合作年度项目清单。",
    ],
)
def test_projects_generic_phrases_are_not_projects(text):
    assert _read(text)[0] == []


@pytest.mark.parametrize(
    "text, expected",
    [
        # a head written inside a division's name (下花园区, 梁园区, 运河区) names no project
        ("核心区为下花园区(185平方公里)，下花园区加快发展。", []),
        ("商丘市梁园区重点推进豫东智能网联汽车产业园建设。", ["豫东智能网联汽车产业园"]),
        ("沧州市运河区、长春市绿园区加快发展。", []),
        # the cities that share the facilities are not part of a name
        ("到2026年，两地数据中心机架力争达到14524个。", []),
        ("三市综合物流园年吞吐量达到500万吨。", []),
    ],
)
def test_projects_division_and_collective_words_are_not_names(text, expected):
    assert _read(text)[0] == expected


def test_projects_number_inside_a_place_name_is_no_figure():
    text = "长春市重点推进九台新能源电池项目建设。该项目位于九台区，总投资248.6亿元。"
    assert _read(text)[2] == {("九台新能源电池项目", "24860000000", "Yuan")}


@pytest.mark.parametrize(
    "text, expected",
    [
        ("交通方面，郑西、郑渝、郑太高铁建设正加快推进。", ["郑西高铁", "郑渝高铁", "郑太高铁"]),
        # a part with a head of its own keeps it
        ("北海市建成合浦高速、北铁高速、南北高铁。", ["合浦高速公路", "北铁高速公路", "南北高铁"]),
        # a port listed before a line has no share in its head
        ("加快建设东兴口岸、防东高铁。", ["防东高铁"]),
        # achievements listed before a bridge do not share its head; a verb before the first
        # place is not in its name; an autonomous region's airport is one airport
        ("探月工程、载人航天、北斗导航、大飞机、杭州湾大桥都是奇迹。", ["杭州湾大桥"]),
        ("提升澳门、珠海等机场功能。", ["澳门国际机场", "珠海机场"]),
        # lines listed with their own word for a line keep their names
        ("他参与了京广线、焦柳线、沪昆高铁的建设。", ["京广线", "焦柳线", "沪昆高铁"]),
        ("郑徐客专、徐盐铁路相继通车。", ["郑徐客专", "徐盐铁路"]),
        # a country's lines listed are its sector, not lines of their own
        ("这靠的是日本铁路、日本新干线和日本高铁的技术。", []),
        ("国产装备支撑了中国铁路、中国高铁的发展。", []),
    ],
)
def test_projects_coordinated_names_share_the_head(text, expected):
    assert _read(text)[0] == expected


def test_projects_short_name_after_the_full_one():
    text = "川渝中线高铁开工建设。中线高铁建成后将缩短两地时空距离。"
    assert _read(text)[0] == ["川渝中线高铁", "川渝中线高铁"]


@pytest.mark.parametrize(
    "text, pair",
    [
        ("推动长沙超算中心建设。", ("长沙超算中心", "长沙市")),
        (
            "国家级湖南(浏阳)生物医药大数据中心上线。",
            ("国家级湖南(浏阳)生物医药大数据中心", "浏阳市"),
        ),
        ("位于岳麓区麓山路的橘子洲湿地公园开园。", ("橘子洲湿地公园", "岳麓区")),
        ("在松江区，G60脑智科创基地已吸引团队入驻。", ("G60脑智科创基地", "松江区")),
        (
            "容东片区综合能源站项目投运。该项目位于容城县，总投资约4.8亿元。",
            ("容东片区综合能源站项目", "容城县"),
        ),
    ],
)
def test_projects_location(text, pair):
    assert pair in _read(text)[1]


def test_projects_figures_of_the_project_the_sentence_is_about():
    text = (
        "以株洲市生活垃圾焚烧发电项目为例，该项目投运后可日处理垃圾800吨，年发电量约8000万千瓦时。"
        "沪苏湖铁路全长约164公里。"
    )
    assert _read(text)[2] >= {
        ("株洲市生活垃圾焚烧发电项目", "800", "Tonne"),
        ("株洲市生活垃圾焚烧发电项目", "80000000", "KilowattHour"),
        ("沪苏湖铁路", "164", "Kilometre"),
    }


@pytest.mark.parametrize(
    "text, expected",
    [
        # a branch written after the facility it belongs to is one name
        ("位于南山区的澳门科技园深圳分园投入使用。", ["澳门科技园深圳分园"]),
        # works written between the name and its head belong to the name
        ("位于江宁区的南京市城东污水处理三厂扩建工程开工。", ["南京市城东污水处理三厂扩建工程"]),
        # a place in brackets after the head belongs to the name
        ("推动国家深海综合试验场（三亚）开放共享。", ["国家深海综合试验场(三亚)"]),
        # named after the provinces that cooperate (粤澳合作…)
        ("位于新区的闽台合作精密机械产业园开工。", ["闽台合作精密机械产业园"]),
        # names sharing a modifier and head after a count
        ("青石、玉带两座长江大桥正在建设。", ["青石长江大桥", "玉带长江大桥"]),
        ("厦门软件园三期位于集美区。", ["厦门软件园三期"]),
        # the part of a line that is built
        ("黔张常铁路黔江至张家界段今年通车。", ["黔张常铁路黔江至张家界段"]),
        ("焦柳铁路增建二线完成铺轨。", ["焦柳铁路增建二线"]),
        # the works that go with another are not a project of their own
        ("引江济淮工程配套工程加快建设。", ["引江济淮工程"]),
        # the verbs that govern a name are not part of it; a name may begin with its verb
        ("再看郑渝高铁的桥梁施工进度。", ["郑渝高铁"]),
        ("要管好引汉济渭工程，建设好中老铁路。", ["引汉济渭工程", "中老铁路"]),
        ("就拿南京长江大桥来说，它连接两岸。", ["南京长江大桥"]),
        ("包头至鄂尔多斯城际铁路开工。", ["包头至鄂尔多斯城际铁路"]),
        # a line named by its two ends, the state written before them
        ("坦桑尼亚达累斯萨拉姆—多多马铁路运营平稳。", ["达累斯萨拉姆—多多马铁路"]),
    ],
)
def test_projects_names_of_more_shapes(text, expected):
    assert _read(text)[0] == expected


@pytest.mark.parametrize(
    "text",
    [
        # a count after the name: a kind of thing
        "两地将共建中试基地10个，联合实验室20个。",
        # a product and what is done with it: a kind of project
        "该县新建辣椒深加工项目，总投资1亿元。",
        # a clause whose verb only tells what someone does (抢抓节点)
        "平凉市静宁县抢抓节点，开展统一飞防。",
        # named only inside the title of a plan
        "印发《南湖园区发展规划》。",
        # a determiner before the name
        "在主城区建设全市水质监测数据中心。",
        # a place alone before a generic head
        "到2025年宁波园区将引进企业。",
        # verbs before a generic name
        "新增跨境科研项目100项，资助科研项目50项。",
        # a name cut inside a word (保障性住房)
        "新建保障性住房项目将加快落地。",
        # industries are kinds, not names
        "布局建设新能源汽车产业园、生物医药产业园等特色园区。",
        "该市正在规划煤制烯烃项目和煤制油项目。",
        # a head noun that modifies a longer noun
        "定期发布重点外资项目需求清单。",
        # a new round of a programme
        "全省启动新一轮城乡供水提升工程。",
        # the lines of two states
        "中巴两国铁路部门加强合作。",
        # what a place is to become
        "当地提出打造绿电储运枢纽。",
        "全力建成区域性国际航空枢纽。",
    ],
)
def test_projects_kinds_and_fragments_are_not_projects(text):
    assert _read(text)[0] == []


@pytest.mark.parametrize(
    "text, pair",
    [
        # the district written after the city at the start of the name is more specific,
        # and the name's own place
        (
            "合肥市蜀山区科学岛国际会议中心项目开工。",
            ("蜀山区科学岛国际会议中心项目", "蜀山区"),
        ),
        # a place opening the clause and a building verb before the name
        ("杭州市富阳区正在建设富春湾智能制造基地。", ("富春湾智能制造基地", "富阳区")),
        # X区的Y
        ("青岛市城阳区的青岛蓝湾海洋科技园年产值可观。", ("青岛蓝湾海洋科技园", "城阳区")),
        # Y落户X
        ("武汉光谷生物城项目落户东湖高新区。", ("武汉光谷生物城项目", "东湖高新技术产业开发区")),
        # 位于该区的: the district named before
        (
            "南沙区相关负责人表示，位于该区的南沙国际邮轮码头将扩容。",
            ("南沙国际邮轮码头", "南沙区"),
        ),
    ],
)
def test_projects_location_of_more_shapes(text, pair):
    assert pair in _read(text)[1]


@pytest.mark.parametrize(
    "text, figure",
    [
        # the head noun alone in the next sentence refers to the project
        (
            "位于新区的闽台合作精密机械产业园开工。产业园总用地面积约30万平方米。",
            ("闽台合作精密机械产业园", "300000", "SquareMetre"),
        ),
        # after a reporting clause; a count whose noun follows it
        (
            "市商务局负责人介绍，位于松北区的哈尔滨中俄物流产业园已有45家企业入驻。",
            ("哈尔滨中俄物流产业园", "45", "Item"),
        ),
        # two projects in one sentence: each has the figures up to the next one
        (
            "在沈阳，浑南科技城项目总投资约30亿元；沈北物流港项目总投资约65亿元。",
            ("沈北物流港项目", "6500000000", "Yuan"),
        ),
        (
            "在沈阳，浑南科技城项目总投资约30亿元；沈北物流港项目总投资约65亿元。",
            ("浑南科技城项目", "3000000000", "Yuan"),
        ),
    ],
)
def test_projects_figures_of_more_shapes(text, figure):
    assert figure in _read(text)[2]


def test_projects_coordinated_names_win_over_short_place_names():
    # 白沙 and 龙潭 are also short forms of counties elsewhere; before a shared head they
    # name the bridges
    ex = extract(Document(id="t", text="白沙、龙潭两座长江大桥正在建设。"))
    labels = {(m.entity.cls, m.entity.label) for m in ex.mentions}
    assert labels == {("Project", "白沙长江大桥"), ("Project", "龙潭长江大桥")}


@pytest.mark.parametrize(
    "text, absent, present",
    [
        # a centre of an institution's kind, in a list of bodies or as a source
        (
            "大会表彰了汕头海事局、黄河引航中心、广西壮族自治区血液中心等单位。",
            ["黄河引航中心", "广西壮族自治区血液中心"],
            [],
        ),
        ("记者从湖北省大数据中心获悉，全省政务数据共享持续推进。", ["湖北省大数据中心"], []),
        # building told of in another body's name far along a list is not the centre's
        (
            "受表彰的有长沙市住房和城乡建设局、湘潭市第一人民医院、株洲市妇幼保健院、衡阳市中心医院、"
            "湖南省血液中心等单位。",
            ["湖南省血液中心"],
            [],
        ),
        # a centre that is a venue, a building or works stays
        (
            "西宁市青少年活动中心和格尔木奥体中心今年对外开放，海东物流配送中心同步投用。",
            [],
            ["西宁市青少年活动中心", "格尔木奥体中心", "海东物流配送中心"],
        ),
        # a centre the sentence says is built, whatever it is for
        ("乌海市正在建设乌海科技创新中心，预计明年投用。", [], ["乌海科技创新中心"]),
        # a village named after a centre, a port named after a railway
        ("她是宁海县桥头镇中心村的党支部书记。", ["宁海县桥头镇中心"], []),
        ("凭祥铁路口岸今年进出口货物大幅增长。", ["凭祥铁路"], []),
        # a base named only by what is grown or made there
        ("村里的茶花基地和锂电材料生产基地带动了就业。", ["茶花基地", "锂电材料生产基地"], []),
        ("榆林煤化工基地总投资超过千亿元。", [], ["榆林煤化工基地"]),
        # a person's post after a plant's name: the plant is the employer
        ("他是华能岳阳电厂运行值班主任。", ["华能岳阳电厂"], []),
        # what a person does before a facility's name is not part of it
        (
            "留学生赴中国学习铁路，老站长天天计算隧道进度。",
            ["中国学习铁路", "老站长天天计算隧道"],
            [],
        ),
        # a hospital built is an organisation; a region's old industry is no base; a place
        # a distance is told from begins after 距离; a former head's centre is his employer
        (
            "援建的金边友谊医院项目封顶，东北老工业基地迎来投资。",
            ["金边友谊医院项目", "东北老工业基地"],
            [],
        ),
        ("景区距离桂林两江国际机场40公里。", ["距离桂林两江国际机场"], ["桂林两江国际机场"]),
        ("王明  蒙城县良种繁育基地原主任", ["蒙城县良种繁育基地"], []),
        # programmes named 工程 or 项目
        (
            "全省实施教育强校工程、乡村振兴扶贫项目和残疾人助残项目。",
            ["教育强校工程", "乡村振兴扶贫项目", "残疾人助残项目"],
            [],
        ),
        # a verb before a place, or between a place and the head, makes a clause
        (
            "全力服务深圳国际金融中心建设，甘孜藏族自治州开通铁路后游客大增。",
            ["服务深圳国际金融中心", "甘孜藏族自治州开通铁路"],
            ["深圳国际金融中心"],
        ),
        # a route from a mountain to an airport, and a road named after an airport
        (
            "新线从峨眉山至成都天府国际机场只需一小时，沿咸阳机场高速路一路向北。",
            ["峨眉山至成都天府国际机场", "咸阳机场"],
            ["成都天府国际机场"],
        ),
        # a duration before a line; a discipline of a sports meeting
        (
            "旅客乘坐昆明48小时铁路班列到达，西宁全运会射箭项目在此举行。",
            ["昆明48小时铁路", "西宁全运会射箭项目"],
            [],
        ),
        # items of a heritage, a sport or a pastime are called 项目 too
        (
            "宁海县十里红妆非遗文化传承项目落户古镇，厦门鼓浪屿海上游览项目恢复运营，"
            "商场引进室内滑雪体验项目。",
            ["宁海县十里红妆非遗文化传承项目", "厦门鼓浪屿海上游览项目", "室内滑雪体验项目"],
            [],
        ),
        # the works a plan lists, by the plan's title: a category
        (
            "天津液化天然气外输管道工程是“全国天然气管网发展规划”干线项目。",
            ["“全国天然气管网发展规划”干线项目"],
            [],
        ),
        # schemes of insurance or debt called 项目
        (
            "浙江省农业保险统保示范项目覆盖全省，中国中冶市场化债转股项目落地。",
            ["浙江省农业保险统保示范项目", "中国中冶市场化债转股项目"],
            [],
        ),
        # a base of vocational teaching is a title; the province before a city is not the name's
        (
            "永州要打造湘南职教基地，山西太原汾河公园昨天开放。",
            ["湘南职教基地", "山西太原汾河公园"],
            ["太原汾河公园"],
        ),
        # a city's and a district's short forms run together name the facility; an address
        # written in full (a province, a city, a district) does not
        (
            "航班从南宁吴圩国际机场起飞，福建省泉州市洛江区双阳公园今天开园。",
            ["吴圩国际机场", "泉州市洛江区双阳公园"],
            ["南宁吴圩国际机场", "洛江区双阳公园"],
        ),
        # a post on the works after the name, and the verb of holding it before: neither is
        # in the name
        (
            "李强现任孟加拉国帕德玛大桥项目常务副经理。",
            ["李强现任孟加拉国帕德玛大桥项目", "帕德玛大桥"],
            ["帕德玛大桥项目"],
        ),
        # an airport's runway or terminal is the works named
        (
            "深圳宝安国际机场第三跑道和昆明长水国际机场T2航站楼开工。",
            ["深圳宝安国际机场"],
            ["深圳宝安国际机场第三跑道", "昆明长水国际机场T2航站楼"],
        ),
        # a metro's line by a Chinese numeral and a line's ring are part of the line's name
        (
            "乘客可在西安地铁三号线换乘，南疆铁路环线全线贯通。",
            ["西安地铁", "南疆铁路"],
            ["西安地铁三号线", "南疆铁路环线"],
        ),
        # a tunnel named after the works it belongs to has its own name; the controlling
        # works of a line are a category; 暨 joins two works
        (
            "宜宾绕城公路项目金坪隧道贯通，渝昆高铁控制性工程云岭隧道进洞，"
            "当地启动城乡供水工程暨乡村饮水提质工程。",
            [
                "宜宾绕城公路项目金坪隧道",
                "渝昆高铁控制性工程云岭隧道",
                "渝昆高铁控制性工程",
                "城乡供水工程暨乡村饮水提质工程",
            ],
            ["宜宾绕城公路项目", "金坪隧道", "云岭隧道"],
        ),
        # a line's number does not name a line without its country
        (
            "泰国高铁1号线项目一期工程已于去年开工。",
            ["高铁1号线项目一期工程"],
            ["泰国高铁1号线项目一期工程"],
        ),
        (
            "市民来到湖北宜昌夷陵体育公园锻炼，河南郑州金水区如意湖公园免费开放。",
            ["湖北宜昌夷陵体育公园", "夷陵体育公园", "郑州金水区如意湖公园"],
            ["宜昌夷陵体育公园", "金水区如意湖公园"],
        ),
        # a place and a bare base; projects named by their funds; an item of a meeting
        (
            "公司在襄阳基地新增产线，落户的港资项目已有十个，中国—东盟农业座谈会暨农业项目推介会举行。",
            ["襄阳基地", "港资项目", "中国—东盟农业座谈会暨农业项目"],
            [],
        ),
        # a care home, a base of experience and of wellness are institutions and titles
        (
            "南湖养护中心收住老人，这里被授牌为温州市非遗体验基地和森林康养基地。",
            ["南湖养护中心", "温州市非遗体验基地", "森林康养基地"],
            [],
        ),
        # 广大 (the many) before a corridor's name is not part of it
        ("要让广大中老经济走廊沿线群众受益。", ["广大中老经济走廊"], ["中老经济走廊"]),
        # a train a company makes, a purchase, culture, what bears on something, a category
        (
            "中车株洲电力机车有限公司高速动车组下线，东非芝麻采购项目签约，"
            "一批中国非遗文化项目亮相，在湘长江保护相关PPP项目和中国重大出版工程项目加快推进。",
            [
                "中车株洲电力机车有限公司高速",
                "东非芝麻采购项目",
                "中国非遗文化项目",
                "湘长江保护相关PPP项目",
                "中国重大出版工程项目",
            ],
            [],
        ),
        # what a place turns into, a village's square, a measure before the name
        (
            "昔日采石场变身湿地公园，村里文体活动广场热闹非凡，镇里规划建设万亩花海项目。",
            ["采石场变身湿地公园", "村里文体活动广场", "花海项目"],
            [],
        ),
        # an airport named in its customs' name; a phase before the head is the works'
        (
            "南宁吴圩机场海关查获一批走私物品，钦州港区集装箱码头改造二期工程开工。",
            ["南宁吴圩机场", "钦州港区集装箱码头"],
            ["钦州港区集装箱码头改造二期工程"],
        ),
        # counts with 两, one of a kind described, a village's crop base, a first of a kind,
        # a description of works
        (
            "当地两个风电项目获批，将打造成一座生态主题公园。兴安县溪口镇枫元村水稻制种基地丰收，"
            "依托中关村昌平园区发展。该片区首创铁路集装箱多式联运，跨海超级工程加快建设。",
            [
                "风电项目",
                "生态主题公园",
                "兴安县溪口镇枫元村水稻制种基地",
                "该片区首创铁路",
                "跨海超级工程",
            ],
            ["中关村昌平园区"],
        ),
        # a capacity inside a name; a village or a town named after a bridge; a clause
        (
            "大唐甘肃酒泉风光互补基地50万千瓦风电项目并网，大理市大桥乡大桥村修路，"
            "临夏县克服项目建设困难。",
            ["大唐甘肃酒泉风光互补基地", "大理市大桥乡大桥", "临夏县克服项目"],
            ["大唐甘肃酒泉风光互补基地50万千瓦风电项目"],
        ),
        # a training base, a police cooperation centre, centres counted, a fragment after 号
        (
            "他担任该项目贵州集训基地教练，中越警务合作中心揭牌，我国在越南建设了2所中医药海外中心。",
            ["贵州集训基地", "中越警务合作中心", "中医药海外中心"],
            [],
        ),
        # a service area named after a line, a line joined by a direction's verb, a bond of
        # works, projects of a games, a train service listed with lines
        (
            "连霍高速哈密服务区扩建，东六环北连顺义、南接京沪高速。全市开具工程保函万余笔，"
            "推进冬奥项目建设，中欧班列、中蒙铁路运行平稳。",
            ["连霍高速公路", "南接京沪高速公路", "全市开具工程", "冬奥项目", "中欧班列铁路"],
            ["京沪高速公路", "中蒙铁路"],
        ),
        # a line's section from an airport, a line written 高速铁路, the corridor of 三国,
        # a company's name with (集团) after the words, what a water source ensures, many levels
        (
            "京沪城际大兴机场至廊坊段送电成功，沪宁合高速铁路沿线城市携手，推进三国经济走廊建设。"
            "李 　明成都市轨道交通（集团）有限公司职工，来水足够保证中线工程调水，国家、省、县多级森林公园建成。",
            [
                "京沪城际大兴机场",
                "沪宁合高速",
                "三国经济走廊",
                "明成都市轨道交通",
                "来水足够保证中线工程",
                "县多级森林公园",
            ],
            [],
        ),
        # a list that began before a number, a ride, both sides' parks, a village named after a
        # plant, a platform named after works
        (
            "建设柬埔寨桑河2号水电站、中柬铁路配套项目。孩子们坐上高铁去比赛。推动深港双方园区协同发展。"
            "洛阳市涧西区电厂新村社区党委。供电公司搭建苏州市虚拟电厂管理平台。",
            ["号水电站铁路", "孩子们坐上高铁", "深港双方园区", "涧西区电厂", "苏州市虚拟电厂"],
            [],
        ),
        # a plant listed as a company's unit; a plant the company builds is a project
        (
            "获奖单位：大唐国际发电股份有限公司陡河发电厂、国网河北省电力有限公司。"
            "国家电投集团新建的徐闻电厂二期工程开工。",
            ["陡河发电厂"],
            ["徐闻电厂二期工程"],
        ),
    ],
)
def test_projects_institutions_kinds_and_programmes_are_not_projects(text, absent, present):
    projects, _located, _figures = _read(text)
    assert not set(absent) & set(projects)
    assert set(present) <= set(projects)


@pytest.mark.parametrize(
    "text, absent, present",
    [
        # a design institute's staff on its projects; a verbal noun after a verb
        ("据中国电建华东院项目负责人说，光伏电站上月已并网。", ["中国电建华东院项目"], []),
        (
            "眼下，山东化工加紧冲刺聚碳酸酯产业链配套一体化项目的投产目标。",
            ["冲刺聚碳酸酯产业链配套一体化项目"],
            ["聚碳酸酯产业链配套一体化项目"],
        ),
        # the 等 that closes a list, a line the road joins
        ("近年来，川藏、西成、兰渝等铁路相继建成。", ["兰渝等铁路"], ["兰渝铁路", "川藏铁路"]),
        ("线路向南延伸，再接沪昆高速，全长40公里。", ["接沪昆高速公路"], ["沪昆高速公路"]),
        # a sports centre's venue is the facility named
        (
            "男子篮球决赛在成都东安湖体育中心体育馆举行。",
            ["成都东安湖体育中心"],
            ["成都东安湖体育中心体育馆"],
        ),
        # a centre set up (成立) is an institution
        (
            "深圳报业集团成立深圳国际传播中心。该市成立大湾区知识产权贸易中心。",
            ["深圳国际传播中心", "大湾区知识产权贸易中心"],
            [],
        ),
        # projects newly launched (新上, 上马) are some of a kind; an institute after 工程
        (
            "推动新上工业项目尽快开工，上马光伏组件项目要先评估。",
            ["新上工业项目", "上马光伏组件项目"],
            [],
        ),
        ("他是浙江省地质勘查工程勘察院的高级工程师。", ["浙江省地质勘查工程"], []),
        # one-character verbs and prepositions before a name
        ("除京雄城际铁路外，雄安还将开通多条线路。", ["除京雄城际铁路"], ["京雄城际铁路"]),
        ("一路向西，走连霍高速，便到了霍尔果斯。", ["走连霍高速公路"], ["连霍高速公路"]),
        ("他们沿沪昆高速一路向西。", ["沿沪昆高速公路"], ["沪昆高速公路"]),
        # the works along a whole line are its parts, not a project of their own
        ("目前渝湘高铁全线隧道已全部贯通。", ["渝湘高铁全线隧道"], ["渝湘高铁"]),
        # a category of projects, its qualifier a few words before the head
        ("该园区是天津市重大援藏项目，也是重点生态水利工程。", ["天津市重大援藏项目"], []),
        # a subject and its verb before a name, whatever jieba tags the verb
        (
            "中国电建中标马尼拉地铁延长线项目。规划支持马祖共用福州长乐国际机场。"
            "嘉兴主动连接G60科创走廊。新线将连通长沙黄花国际机场。",
            [
                "中标马尼拉地铁延长线项目",
                "马祖共用福州长乐国际机场",
                "嘉兴主动连接G60科创走廊",
                "连通长沙黄花国际机场",
            ],
            ["马尼拉地铁延长线项目", "福州长乐国际机场", "G60科创走廊", "长沙黄花国际机场"],
        ),
        # verbs of regard, praise and speech before a name
        (
            "会谈中，两国领导人高度重视中蒙俄经济走廊建设。"
            "他在致辞中充分肯定泛亚铁路东线取得的进展，并祝贺中越跨境经济走廊开通。"
            "各方热烈祝贺中老经济走廊开通一周年。",
            ["中充分肯定泛亚铁路", "祝贺中越跨境经济走廊", "热烈祝贺中老经济走廊"],
            ["中蒙俄经济走廊", "泛亚铁路", "中越跨境经济走廊", "中老经济走廊"],
        ),
        # loans, research, pilots, heritage and protection are programmes, not works
        (
            "浙江省首笔碳排放权质押融资项目落地湖州，湖州市科技创新项目获得贷款。"
            "兰州市小微企业贷款项目惠及千户。四川省非物质文化遗产项目展演在成都举行，"
            "成都市志愿服务试点项目启动，合肥市大科学装置预研项目立项。",
            [
                "浙江省首笔碳排放权质押融资项目",
                "湖州市科技创新项目",
                "兰州市小微企业贷款项目",
                "四川省非物质文化遗产项目",
                "成都市志愿服务试点项目",
            ],
            [],
        ),
    ],
)
def test_projects_verbs_lists_and_bodies_around_a_name(text, absent, present):
    projects, _located, _figures = _read(text)
    assert not set(absent) & set(projects)
    assert set(present) <= set(projects)


@pytest.mark.parametrize(
    "text, absent, present",
    [
        # a person going to a place, and a verb of going that jieba joins to an adverb
        (
            "去年春天，李红梅去绵阳仙海湖湿地公园写生。",
            ["李红梅去绵阳仙海湖湿地公园"],
            ["绵阳仙海湖湿地公园"],
        ),
        ("每到周末，游客们都来红山森林公园散步。", ["来红山森林公园"], ["红山森林公园"]),
        (
            "总书记元旦前夕专程到国家高山滑雪中心考察。",
            ["总书记元旦前夕专程到国家高山滑雪中心"],
            ["国家高山滑雪中心"],
        ),
        # a verb and where it leads; what is made of a place
        ("游行队伍从鼓楼行进至广场南侧。", ["鼓楼行进至广场"], []),
        ("村里把臭水塘改造成荷花池公园。", ["成荷花池公园", "臭水塘改造成荷花池公园"], []),
        # all or some of a place's facilities name none
        ("平台将覆盖苏州全部园区。", ["苏州全部园区"], []),
        ("高铁与赤峰、通辽当地机场建立联程服务。", ["通辽当地机场"], []),
        # a way to travel, a verb's complement, all of a county's, the grounds of a project
        ("从兰州坐高铁到西宁只要1小时。", ["兰州坐高铁"], []),
        ("两国要发挥好中缅经济走廊的带动作用。", ["好中缅经济走廊"], ["中缅经济走廊"]),
        ("康保全县村级光伏电站已并网。", ["康保全县村级光伏电站"], []),
        ("大唐南京发电厂项目园区内机器轰鸣。", ["大唐南京发电厂项目园区"], []),
        # a description given to a named project; where in an area, then the name
        ("白鹤滩水电站是长江经济带标志性清洁能源项目。", ["长江经济带标志性清洁能源项目"], []),
        ("园区北部济南华山湖湿地公园已向市民开放。", ["园区北部济南华山湖湿地公园"], []),
        # a person who comes to a square; a verb of going that ends in 往
        ("傍晚，刘德明来广场跳起了秧歌。", ["刘德明来广场"], []),
        (
            "救援队连夜赶往昆明长水国际机场集结。",
            ["连夜赶往昆明长水国际机场"],
            ["昆明长水国际机场"],
        ),
        # many of a country's; a common noun that jieba tags as a place; a standard
        ("目前中国很多机场已开通无纸化登机。", ["中国很多机场"], []),
        ("拉林铁路是一条高原铁路。", ["高原铁路"], ["拉林铁路"]),
        ("镇上新建了高标准广场。", ["高标准广场"], []),
        # a concert hall named after the square it is on: a venue, not works
        (
            "音乐会在意大利米兰大教堂广场音乐厅举行。",
            ["米兰大教堂广场", "意大利米兰大教堂广场"],
            [],
        ),
        # the head as the object of a clause's verb (a verb of reaching, giving or keeping)
        ("随着成贵高铁开通，宜宾迈入高铁时代。", ["宜宾迈入高铁"], ["成贵高铁"]),
        ("园区为海归人才团队提供实验室。", ["海归人才团队提供实验室"], []),
        ("新区紧靠机场和高铁站。", ["新区紧靠机场"], []),
        # a verb that modifies the head stays in the name
        ("抗战纪念公园今天免费开放。", [], ["抗战纪念公园"]),
        # a school, a concept, a group, a part of a line, a station, a plan, a firm's products
        ("她是广东省茂名机电工程学校2019级毕业生。", ["茂名机电工程"], []),
        ("推进高颜值公园城市建设。", ["高颜值公园"], []),
        ("长三角机场群协同发展取得新进展。", ["长三角机场"], []),
        ("暴雨中，抢修队赶到杨庄铁路涵洞排水。", ["杨庄铁路"], []),
        ("旅客在桐乡高铁南站换乘公交。", ["桐乡高铁"], []),
        ("专家评审了跨江大桥穿越湿地公园方案。", ["跨江大桥穿越湿地公园"], []),
        ("杭州公园文创产品上线销售。", ["杭州公园"], []),
        ("上海国际艺术节中心总裁在发布会上介绍。", ["上海国际艺术节中心"], []),
        ("该项目首次采用钢壳混凝土沉管隧道新结构。", ["钢壳混凝土沉管隧道"], []),
        # an area of customs (保税港区) is no project
        ("宁波梅山保税港区推行改革。", ["宁波梅山保税港区"], []),
        # the planned area after a park's name does not make it a plan
        (
            "中德（沈阳）高端装备制造产业园规划面积48平方公里。",
            [],
            ["中德(沈阳)高端装备制造产业园"],
        ),
        # a central enterprise's company named after works; a zone of a plan; an alliance
        ("中交大桥勘测设计院专家介绍了方案。", ["中交大桥"], []),
        ("景区分为古镇风貌区、湖畔田园区和森林康养区。", ["湖畔田园区"], []),
        ("沿黄九省区园区合作联盟在郑州成立。", ["黄九省区园区", "沿黄九省区园区"], []),
        # a motorcade that leaves an airport; a precious moment; kinds of works
        ("王毅车队离机场后前往酒店。", ["王毅车队离机场"], []),
        ("今年是脱贫攻坚的宝贵节点。", ["脱贫攻坚的宝贵节点", "宝贵节点"], []),
        ("镇里谋划了特色小镇项目和田园综合体项目。", ["特色小镇项目", "田园综合体项目"], []),
        ("西安市工程建设项目审批管理系统上线。", ["西安市工程建设项目", "西安市工程"], []),
        # a numbered bureau of a central enterprise; a gauge; a major moment
        ("中铁二局铁路工地上，焊花四溅。", ["中铁二局铁路"], []),
        ("中交一局铁路工地传来捷报。", ["中交一局铁路"], []),
        ("园区里保留了一段2公里长的米轨铁路。", ["米轨铁路"], []),
        ("这些照片记录了新中国重大历史节点。", ["新中国重大历史节点"], []),
        # long tunnels; a park's green space per person
        ("铁路部门增资8亿元，打通两座长大隧道。", ["长大隧道"], []),
        ("南宁市民人均公园绿地面积达12平方米。", ["南宁市民人均公园"], []),
        # a railway named by its ends keeps its gauge
        ("滇越米轨铁路已通车百年。", [], ["滇越米轨铁路"]),
        # a name with a verb of one character inside keeps it
        ("沪通长江大桥和芜湖长江大桥先后建成。", [], ["沪通长江大桥"]),
        # 解密 (decode), a verb the segmenter's dictionary tags a person's name
        (
            "纪录片带观众解密青岛胶东国际机场的建设。",
            ["解密青岛胶东国际机场"],
            ["青岛胶东国际机场"],
        ),
    ],
)
def test_projects_a_clause_of_going_or_making_is_not_in_the_name(text, absent, present):
    projects, _located, _figures = _read(text)
    assert not set(absent) & set(projects)
    assert set(present) <= set(projects)


@pytest.mark.parametrize(
    "text, word",
    [
        ("河南省鸭河口水库管理局部署汛期调度工作。", "水库"),
        ("甘肃省建设工程质量安全总站开展专项检查。", "工程"),
        ("贵州机场集团有限公司龙洞堡国际机场建设指挥部召开调度会。", "机场"),
        ("四川大学建筑结构工程研究中心发布年度报告。", "工程"),
        ("在重庆工业职业技术学院工程训练中心，学生们操作数控机床。", "工程"),
        ("中建三局武汉建筑工程总队承担主体施工。", "工程"),
        ("上饶市广丰区大桥良种场获评先进集体。", "大桥"),
        ("粤港澳大湾区数字孪生工程中心在南沙揭牌。", "工程"),
        ("成都局集团公司重庆北高铁运用车间的司机们完成演练。", "高铁"),
        ("甘肃省水利工程运行服务中心、某研究院获表彰。", "工程"),
        ("广东省高速公路经营管理中心发布出行提示。", "高速"),
    ],
)
def test_projects_bodies_named_after_works_are_not_projects(text, word):
    projects, _located, _figures = _read(text)
    assert not [p for p in projects if word in p]


@pytest.mark.parametrize(
    "text, present, absent",
    [
        # where the facility is, told before its name: works of one place, whatever its words
        ("位于精河县的苏疆合作产业园已入驻企业12家。", ["苏疆合作产业园"], []),
        (
            "位于乌审旗的蒙牛高端液态奶智能制造基地年产能50万吨。",
            ["蒙牛高端液态奶智能制造基地"],
            [],
        ),
        ("位于奉节县的鲁渝协作脐橙产业示范基地种植面积3万亩。", ["鲁渝协作脐橙产业示范基地"], []),
        # 定位于…的: what a place is meant to be, not where
        ("这里定位于新能源领域的锂电材料生产基地。", [], ["锂电材料生产基地"]),
    ],
)
def test_projects_a_facility_whose_site_is_told(text, present, absent):
    projects, _located, _figures = _read(text)
    assert set(present) <= set(projects)
    assert not set(absent) & set(projects)


@pytest.mark.parametrize(
    "text, present, absent",
    [
        # a body's new base, described
        ("华芯新基地开工以来，县里派专班帮助企业办手续。", [], ["华芯新基地"]),
        ("杭州西溪湿地公园游人如织。", ["杭州西溪湿地公园"], []),
    ],
)
def test_projects_a_bodys_new_base_is_described(text, present, absent):
    projects, _located, _figures = _read(text)
    assert set(present) <= set(projects)
    assert not set(absent) & set(projects)
