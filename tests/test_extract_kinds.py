"""A named thing against a kind of thing in wire text: counts, generic words, platforms,
train numbers, clauses before a generic noun, fields joined inside an institute's name
(sentences written for these tests; no article text)."""

from __future__ import annotations

import pytest

from kg.extract import extract
from kg.records import Document


def _labels(text: str, cls: str) -> set[str]:
    ex = extract(Document(id="kinds", text=text))
    return {m.entity.label for m in ex.mentions if m.entity.cls == cls}


@pytest.mark.parametrize(
    "text, wrong",
    [
        # a count before the name: so many of a kind
        ("今年全省计划新建12个智慧体育公园。", "智慧体育公园"),
        # one unnamed (一所), a count after the name (多达…个), a street's community after a park
        ("在南山一所创业园里，她开了一家工作室。", "南山一所创业园"),
        ("如今，顺德区乡村游示范项目多达20多个。", "顺德区乡村游示范项目"),
        ("晋中市榆次区锦纶街道公园南街社区获表彰。", "榆次区锦纶街道公园"),
        # a corridor of land named after its region alone
        ("风沙可能把河西走廊一分为二。", "河西走廊"),
        ("古道穿过辽西走廊通往关外。", "辽西走廊"),
        # a machine of the works, an office's section named after a line, a troupe's actor
        ("全断面硬岩隧道掘进机顺利下线。", "全断面硬岩隧道"),
        ("他是满洲里海关铁路监管一科的关员。", "满洲里海关铁路"),
        ("重庆话剧艺术中心一级演员介绍。", "重庆话剧艺术中心"),
        # the verb of a signing before the name, people a verb trains after a line's word
        (
            "国家电投与肃北县签署源网荷储一体化项目合作协议\n双方将推进合作。",
            "肃北县签署源网荷储一体化项目",
        ),
        ("学院将为柬方培养铁路技术人员。", "柬方培养铁路"),
        ("这7个青训集训基地将向社会开放。", "青训集训基地"),
        # generic words only, whatever jieba tags them (城市 ns, 智慧 nr)
        ("街道推动城市社区治理提升工程。", "城市社区治理提升工程"),
        ("学校建成智慧体育公园。", "智慧体育公园"),
        ("北戴河新建房车露营公园开园迎客。", "北戴河新建房车露营公园"),
        ("北戴河新建房车露营公园开园迎客。", "房车露营公园"),
        ("市里将建设青少年活动中心和高科技产业项目。", "青少年活动中心"),
        ("市里将建设青少年活动中心和高科技产业项目。", "高科技产业项目"),
        ("景区内新建一座音乐喷泉广场。", "音乐喷泉广场"),
        # a biosafety level names a kind of laboratory; a village's square without its name
        ("当地建设以P3实验室为基础的检验中心。", "P3实验室"),
        ("村中心文体广场成为村民休闲的好去处。", "村中心文体广场"),
        # a hub of a kind or a designation: no works of water, no station, no name before it
        ("该市加快铁海联运枢纽建设。", "铁海联运枢纽"),
        ("力争建成长江中游国家级物流枢纽。", "长江中游国家级物流枢纽"),
        # a train's number before 高铁
        ("记者乘坐D2815次高铁抵达。", "D2815次高铁"),
        ("游客可搭乘G1102高铁返程。", "G1102高铁"),
        # platforms, services and activities called 项目
        ("跨境电商数字贸易平台项目正式上线。", "跨境电商数字贸易平台项目"),
        ("“3+N”助老服务项目惠及千户。", "“3+N”助老服务项目"),
        # a one-character verb before 项目: the verb and its object
        ("银行客户经理上门跑项目。", "银行客户经理上门跑项目"),
        # a category of projects, some of a kind, a fragment after a campus's name
        ("落实长三角生态保护重大项目。", "长三角生态保护重大项目"),
        ("园区引进一批优质新材料项目。", "优质新材料项目"),
        ("节后，长沙大量工程项目陆续开工。", "长沙大量工程项目"),  # a great many, none named
        ("深圳大学(南山)项目开工。", "(南山)项目"),
        # a venue in a park, a medical centre
        ("东湖公园游泳馆暑期开放。", "东湖公园"),
        ("深圳市妇儿医疗中心专家会诊。", "深圳市妇儿医疗中心"),
        # a visit's verb before a generic head: the words of a clause
        ("市长察看试制中心运行情况。", "市长察看试制中心"),
        ("老支书指着广场说起往事。", "老支书指着广场"),
        # support for a kind, a body's unit, a centre of work or knowledge
        ("县里帮扶香菇种植项目带动增收。", "县里帮扶香菇种植项目"),
        ("阿勒泰公路管理分局喀纳斯应急抢险基地获表彰。", "阿勒泰公路管理分局喀纳斯应急抢险基地"),
        ("省高校思想政治工作中心揭牌。", "省高校思想政治工作中心"),
        # a tender section, a connecting road and a belt named after a line or corridor
        ("中铁三局京雄高速公路八标项目部获评先进。", "京雄高速公路"),
        ("万象高速公路连接线通车。", "万象高速公路"),
        ("长江走廊经济带建设提速。", "长江走廊"),
        # the projects a body handles
        ("湘潭市不动产登记局项目办结率提升。", "湘潭市不动产登记局项目"),
        # a description of a first, a civic institution, a research base
        ("我国首家深海装备试验中心投用。", "我国首家深海装备试验中心"),
        ("岳阳市新时代文明实践中心揭牌。", "岳阳市新时代文明实践中心"),
        ("民族文化传承研究基地在大学挂牌。", "民族文化传承研究基地"),
    ],
)
def test_extract_kinds_are_not_projects(text, wrong):
    assert wrong not in _labels(text, "Project")


@pytest.mark.parametrize(
    "text, wrong",
    [
        ("湖南、江西高速公路节前车流平稳。", {"湖南高速公路", "江西高速公路"}),
        ("河北省、山西省高速公路恢复通行。", {"河北省高速公路", "山西省高速公路"}),
    ],
)
def test_extract_kinds_provinces_sharing_a_line_head_name_no_line(text, wrong):
    assert not wrong & _labels(text, "Project")


@pytest.mark.parametrize(
    "text, project",
    [
        ("一汽红旗繁荣工厂项目完成主体建设。", "一汽红旗繁荣工厂项目"),
        ("雄安新区容东片区综合能源站项目投运。", "雄安新区容东片区综合能源站项目"),
        ("沪昆、杭温高铁加快建设。", "杭温高铁"),
        ("西安至延安高铁进入铺轨阶段。", "西安至延安高铁"),
        # generic words after a place: the place names it; a town whose name begins with 镇
        ("上海城市草坪音乐广场举办演出。", "上海城市草坪音乐广场"),
        ("镇北堡镇幸福小镇棚户区改造项目开工。", "镇北堡镇幸福小镇棚户区改造项目"),
        ("武汉P4实验室投入运行。", "武汉P4实验室"),
        # a hub of water works, a station's hub, a landmark's hub
        ("贵州黄家湾水利枢纽下闸蓄水。", "贵州黄家湾水利枢纽"),
        ("南宁东站综合交通枢纽投用。", "南宁东站综合交通枢纽"),
        ("旅客在上海虹桥枢纽换乘。", "上海虹桥枢纽"),
        # after a visit's verb, the name itself
        ("代表团考察了临港新片区物流枢纽工程。", "临港新片区物流枢纽工程"),
        # a country written before a named project is not part of its name
        ("白俄罗斯中白工业园吸引投资。", "中白工业园"),
        ("乌兹别克斯坦安格连热电站项目竣工。", "安格连热电站项目"),
        # two things joined: the name is after the joiner
        ("过街天桥及望京广场同步改造。", "望京广场"),
        # a railway port is a facility, not a line cut short
        ("西安国际铁路港开行班列。", "西安国际铁路港"),
        # of a chain of places before the name, the last one is the name's own
        ("江苏省南京市鼓楼广场亮灯。", "南京市鼓楼广场"),
        # a description before a name a place begins, a metro line's number, an energy
        # base, a foreign river's name that jieba cuts into a pronoun
        ("开工项目中规模最大的鄂托克旗煤制甲醇示范项目总投资80亿元。", "鄂托克旗煤制甲醇示范项目"),
        ("西安地铁10号线预计年底通车。", "西安地铁10号线"),
        ("配套电源来自宁夏的宁东综合能源基地。", "宁东综合能源基地"),
        ("沿线的阿瓦什河特大桥全长1公里。", "阿瓦什河特大桥"),
        # a line named by the first characters of its ends, one of them a position word;
        # a central enterprise's works by its brand
        ("肯尼亚的蒙内铁路运营五年来客流稳定。", "蒙内铁路"),
        ("国药生物制品产业园投产。", "国药生物制品产业园"),
        # 继 (after) before the name
        ("当地民众看到继亚吉铁路项目后又一工程开工。", "亚吉铁路项目"),
        # a contractor's bureau before the works it builds
        ("中铁大桥局常泰长江大桥建设者获表彰。", "常泰长江大桥"),
    ],
)
def test_extract_kinds_named_projects_are_kept(text, project):
    assert project in _labels(text, "Project")


@pytest.mark.parametrize(
    "text, expected",
    [
        # a clause before a generic noun names no organisation
        ("确诊者须按规定方舱医院收治。", set()),
        ("村民也可去县级医院复查。", set()),
        # after the clause, a name jieba's dictionary holds
        ("代表团参观国防大学。", {"国防大学"}),
        # the news agency of a dateline is its own word (据, a clause before it)
        ("据新华社南宁3月2日电 会议召开。", {"新华社"}),
        ("要一抓到底 中新社昆明3月2日电 会议召开。", {"中新社"}),
        # a preposition of motion before a company
        ("代表团赴远景能源有限公司参观。", {"远景能源有限公司"}),
        # 协商会 is a meeting, not a chamber of commerce (商会)
        ("社区召开楼栋议事协商会。", set()),
        # some of a kind, the local one, a generic affiliated hospital, a hobby society
        ("全省部分二级综合医院开设发热门诊。", set()),
        ("伤者被送往宿务市当地医院救治。", set()),
        ("患者转往附属医院治疗。", set()),
        ("老年书画协会举办展览。", set()),
        # a department joined to a school: two bodies, not fields of one name
        ("山西大学团委和经济与管理学院联合举办。", {"山西大学"}),
        # two fields joined inside a school's name; a state begins a second name
        ("南京大学化学与生物医药学院招生。", {"南京大学化学与生物医药学院"}),
        ("华中师范大学社会与历史学院招生。", {"华中师范大学社会与历史学院"}),
        ("她曾在喀山大学俄罗斯外交学院进修。", {"喀山大学", "俄罗斯外交学院"}),
        # two fields joined inside an institute's name
        ("法国国家农业与食品研究院来访。", {"法国国家农业与食品研究院"}),
        ("日本国立环境与能源研究所发布报告。", {"日本国立环境与能源研究所"}),
        # a joiner after an organisation still separates two names
        (
            "浙江大学与英国帝国理工学院海洋与气候研究院签约。",
            {"浙江大学", "帝国理工学院海洋与气候研究院"},
        ),
    ],
)
def test_extract_kinds_organization_names_past_clauses_and_joined_fields(text, expected):
    assert _labels(text, "Organization") >= expected
    if not expected:
        assert _labels(text, "Organization") == set()


@pytest.mark.parametrize(
    "text, name, wrong",
    [
        # the segmenter's word for the whole name after a clause's words
        ("那年他就读于厦门大学新闻学院。", "厦门大学新闻学院", "就读于厦门大学新闻学院"),
        ("当浙江大学博士生李华走进课堂时，掌声响起。", "浙江大学", "当浙江大学"),
        ("书记代表南开大学向来宾致辞。", "南开大学", "代表南开大学"),
        ("毕业后他去武汉大学任教。", "武汉大学", "去武汉大学"),
        # a company's trade words (投资, 建设, 运营, 控股) before 集团 or its legal form
        (
            "该市与华东电力建设集团有限公司签署合作协议。",
            "华东电力建设集团有限公司",
            "集团有限公司",
        ),
        (
            "宁波市与舟山港湾投资运营集团有限公司签约。",
            "舟山港湾投资运营集团有限公司",
            "集团有限公司",
        ),
        ("青岛海湾投资控股有限公司与西海岸新区签约。", "青岛海湾投资控股有限公司", "控股有限公司"),
        # one named before (该市, 本校) joined to a company or a school; a quarter of the compass
        # begins a name
        ("该市与华峰科创股份有限公司签署协议。", "华峰科创股份有限公司", None),
        ("该校已与南方科技大学签署合作协议。", "南方科技大学", "科技大学"),
        ("北方民族大学招生。", "北方民族大学", "民族大学"),
        # societies named 促进会 or 研究会
        ("中国城乡发展研究会发布报告。", "中国城乡发展研究会", None),
        ("澳门经贸促进会代表团来访。", "澳门经贸促进会", None),
        # a company the segmenter's dictionary names by its short name and trade
        ("比如，长城汽车推进智能工厂建设。", "长城汽车", None),
        ("国产汽车销量增长。", None, "国产汽车"),
        # a name cut inside the segmenter's word for it
        ("联合国儿童基金会向灾区运送物资。", "联合国儿童基金会", "国儿童基金会"),
    ],
)
def test_extract_kinds_organization_names_start_at_the_known_name(text, name, wrong):
    labels = _labels(text, "Organization")
    assert (name is None or name in labels) and wrong not in labels


@pytest.mark.parametrize(
    "text",
    [
        # a verb and a generic suffix; 广大学员 ("the many trainees") holds no university
        "基层组织有助于支持商会的力量。",
        "学校发动广大学员参与活动。",
        # 上大学 (to go to university); kinds of hospital and fund
        "他在杭州上大学时参加了志愿服务。",
        "新建集中收治医院两所。",
        "公司设立的爱心基金会资助学生。",
    ],
)
def test_extract_kinds_a_verb_before_a_suffix_names_no_organisation(text):
    assert _labels(text, "Organization") == set()


@pytest.mark.parametrize(
    "text, cls, wrong",
    [
        # a bonded zone is no District (its heads are 新区, 高新区, 经开区, 示范区…)
        ("钦州综合保税区今年开关运行。", "District", "钦州综合保税区"),
    ],
)
def test_extract_kinds_longer_names_and_bonded_zones_are_not_areas(text, cls, wrong):
    assert wrong not in _labels(text, cls)


@pytest.mark.parametrize(
    "text, cls, expected, wrong",
    [
        # an event joined by 暨 before a society's name; 暨南 is a name's own word
        (
            "会议以理论研讨会暨中国伦理学会年会形式举行。",
            "Organization",
            "中国伦理学会",
            "理论研讨会暨中国伦理学会",
        ),
        (
            "他受聘暨南大学国际关系学院教授。",
            "Organization",
            "暨南大学国际关系学院",
            "南大学国际关系学院",
        ),
        # 会诊 after a suffix ending in 会, 院系 after a school's suffix
        ("华山医院远程医学会诊中心启用。", "Organization", "华山医院", "华山医院远程医学会"),
        ("高等院校法学院系师生参加。", "Organization", None, "院校法学院"),
        # words of a title in 《》; a newspaper's name in 《》 stays
        (
            "他读了《支持苏州音乐学院发展实施方案》和《中国青年报》。",
            "Organization",
            "中国青年报",
            "苏州音乐学院",
        ),
        # a zone's committee named with the words before the kind of zone, back to its place
        (
            "信阳临港经济综合实验区管理委员会发布通知。",
            "Agency",
            "信阳临港经济综合实验区管理委员会",
            "实验区管理委员会",
        ),
        (
            "大连港保税区管理委员会发布通知。",
            "Agency",
            "大连港保税区管理委员会",
            "保税区管理委员会",
        ),
        # a zone's bureau too, where the segmenter cuts the kind of zone in two (先行 + 区)
        (
            "四川天府国际生物城先行区管理局发布通知。",
            "Agency",
            "四川天府国际生物城先行区管理局",
            "先行区管理局",
        ),
        # a science-and-technology city's bureau, read back like a zone's
        (
            "当天，南宁五象新区科技城管理局与企业签约。",
            "Agency",
            "南宁五象新区科技城管理局",
            "科技城管理局",
        ),
        # a university's president after its name; a branch of an academy (分院)
        ("贵州大学校长出席。", "Organization", "贵州大学", "贵州大学校"),
        ("中国科学院新疆分院与企业签约。", "Organization", "中国科学院新疆分院", "中国科学院"),
        ("上海市高级人民法院第一分院开庭。", "Organization", None, "上海市高级人民法院第一分院"),
        # a region written as two characters the segmenter cuts apart before 科学城
        ("黔中科学城规划面积约90平方公里。", "ScienceCity", "黔中科学城", "中科学城"),
        # the city written before an area's own name is in its committee's name
        ("九江新港管委会主任表示。", "Agency", "九江新港管理委员会", "新港管理委员会"),
        # a place in brackets before a company's legal form is inside its name
        (
            "理想汽车科技(常州)有限公司投产。",
            "Organization",
            "理想汽车科技(常州)有限公司",
            "常州)有限公司",
        ),
        (
            "三星电子(苏州)有限公司扩产。",
            "Organization",
            "三星电子(苏州)有限公司",
            "苏州)有限公司",
        ),
    ],
)
def test_extract_kinds_events_titles_and_zones_before_a_body(text, cls, expected, wrong):
    labels = _labels(text, cls)
    assert wrong not in labels
    if expected is not None:
        assert expected in labels


def test_extract_kinds_a_science_city_starting_a_facilitys_name_is_no_mention():
    text = "光明科学城启动区建设加快。光明科学城能源服务中心主任李四发言。"
    ex = extract(Document(id="kinds", text=text))
    starts = [m.span.start for m in ex.mentions if m.entity.cls == "ScienceCity"]
    assert starts == [0]


def _read(text: str):
    ex = extract(Document(id="kinds", text=text))
    mentioned = {(m.entity.cls, m.entity.label) for m in ex.mentions}
    facts = {(r.subject.label, r.predicate, getattr(r.object, "label", None)) for r in ex.relations}
    return mentioned, facts


@pytest.mark.parametrize(
    "text, nested, holder, fact",
    [
        # an area only inside an agency's name: the agency's jurisdiction, no mention
        (
            "珠海市横琴经济开发区管委会主任介绍。",
            ("District", "珠海市横琴经济开发区"),
            ("Agency", "珠海市横琴经济开发区管理委员会"),
            "jurisdiction",
        ),
        # a science city running on into its committee's name
        (
            "天府新区成都科学城管委会今天发布通告。",
            ("ScienceCity", "成都科学城"),
            ("Agency", "成都科学城管理委员会"),
            "jurisdiction",
        ),
        # an area only at the start of a project's name: the project's place
        (
            "重庆两江新区果园港物流园开工建设。",
            ("District", "重庆两江新区"),
            ("Project", "重庆两江新区果园港物流园"),
            "locatedIn",
        ),
    ],
)
def test_extract_kinds_names_only_inside_a_longer_name_are_not_mentions(text, nested, holder, fact):
    mentioned, facts = _read(text)
    assert nested not in mentioned
    assert holder in mentioned
    assert (holder[1], fact, nested[1]) in facts


@pytest.mark.parametrize(
    "text, area",
    [
        # written on its own too: the area is a mention
        ("横琴经济开发区管委会成立后，横琴经济开发区发展加快。", ("District", "横琴经济开发区")),
        # a division inside a longer name still names the place
        ("保定市第二医院扩建工程开工。", ("City", "保定市")),
    ],
)
def test_extract_kinds_names_also_written_alone_stay_mentions(text, area):
    mentioned, _ = _read(text)
    assert area in mentioned


@pytest.mark.parametrize(
    "text, wrong",
    [
        # a full name beginning inside a word (适应 + 城市 read as 应城市)
        ("社区工作要主动适应城市发展的新变化。", ("District", "应城市")),
        # a sector before its organ is a body's name, not a county (公安县)
        ("湖南公安厅交警总队发布提示。", ("District", "公安县")),
        # a short form before a region's or a street's word is that region or street
        ("锡林郭勒大草原上牧民转场。", ("City", "锡林郭勒盟")),
        ("太原市迎泽大街两侧亮灯。", ("District", "迎泽区")),
        # a tourism or mixed development zone is not a District; a clause before a zone
        ("黄山市汤口旅游开发区游客增多。", ("District", "黄山市汤口旅游开发区")),
        ("天津市工业综合开发区引进项目。", ("District", "天津市工业综合开发区")),
        ("福建紧密对接自由贸易试验区建设。", ("District", "福建紧密对接自由贸易试验区")),
        # a short form before 湿地 is the wetland's name
        ("江苏盐城湿地珍禽保护区迎来候鸟。", ("City", "盐城市")),
        # a surname after a title, then a short form: a person's name
        ("副县长周泰和表示，要加快发展。", ("District", "泰和县")),
        ("村民蒋玉林说，路修好了。", ("City", "玉林市")),
        # China and other states by abbreviation before 自贸区: a free trade area of states
        ("双方同意加快中韩自贸区第二阶段谈判。", ("District", "中韩自由贸易试验区")),
        # a people named as an autonomous banner's short form would be: the people
        ("鄂温克族人的聚居地在根河市。", ("District", "鄂温克族自治旗")),
        # a sector's bodies after the sector (公安 of 公安县)
        ("湖北公安机关开展夏季治安整治行动。", ("District", "公安县")),
        # a county's short form naming a company with its group in brackets
        ("山西汾西矿业（集团）有限责任公司职工获表彰。", ("District", "汾西县")),
        # regions listed, whose words hold a district's name
        ("规划兼顾东南山区、江南水乡和北方平原。", ("District", "南山区")),
    ],
)
def test_extract_kinds_words_and_other_names_are_not_places(text, wrong):
    mentioned, _ = _read(text)
    assert wrong not in mentioned


@pytest.mark.parametrize(
    "text, place",
    [
        ("他来到湖南省湘潭市开展调研。", ("City", "湘潭市")),
        ("会议在湖北应城市召开。", ("District", "应城市")),
        ("荆州市公安县启动防汛应急响应。", ("District", "公安县")),
        ("湖北自贸试验区宜昌片区挂牌。", ("City", "湖北省")),
        ("记者从广西玉林获悉。", ("City", "玉林市")),
    ],
)
def test_extract_kinds_places_beside_those_rules_are_kept(text, place):
    mentioned, _ = _read(text)
    assert place in mentioned


@pytest.mark.parametrize(
    "text, cls, wrong",
    [
        # 部分 after an island's name: a part, not a ministry
        ("大加那利岛部分地区停电。", "Agency", "加那利岛部"),
        # a cohort's year is not a school's name; two names joined by /
        ("他是1977级复旦大学学生。", "Organization", "1977级复旦大学"),
        ("浙江大学医学院/邵逸夫医院专家会诊。", "Organization", "浙江大学医学院/邵逸夫医院"),
        # kinds of hospital
        ("全市私立医院数量增长。", "Organization", "私立医院"),
        # a span of time before 科学城 names none
        ("要把这里建成千年科学城。", "ScienceCity", "千年科学城"),
        # a place before a grotto's character is the grotto's name
        ("敦煌莫高窟与瓜州榆林窟壁画修复。", "City", "榆林市"),
        # the free trade area of a continent, and a numeral before 高新区
        ("推动东盟自贸区升级谈判。", "District", "东盟自由贸易试验区"),
        ("下一步高新区将加快发展。", "District", "一步高新技术产业开发区"),
    ],
)
def test_extract_kinds_parts_cohorts_and_spans_of_time_are_not_names(text, cls, wrong):
    mentioned, _ = _read(text)
    assert (cls, wrong) not in mentioned


@pytest.mark.parametrize(
    "text, expected",
    [
        # a foreign government as it now is: its government
        ("智利新政府宣布新的经济政策。", ("Agency", "智利政府")),
        ("1977级复旦大学学生返校。", ("Organization", "复旦大学")),
        ("浙江大学医学院/邵逸夫医院专家会诊。", ("Organization", "邵逸夫医院")),
    ],
)
def test_extract_kinds_current_governments_and_joined_schools_are_named(text, expected):
    mentioned, _ = _read(text)
    assert expected in mentioned


def test_extract_kinds_a_body_written_alone_is_of_the_county_level_city_most_named():
    text = "义乌市小商品城人气旺。义乌市近年来发展迅速。杭州专家来访。市商务局介绍了情况。"
    mentioned, _ = _read(text)
    assert ("Agency", "义乌市商务局") in mentioned
    assert ("Agency", "杭州市商务局") not in mentioned


@pytest.mark.parametrize(
    "text, expected",
    [
        ("崇阳县加强医疗建设。崇阳县近年来发展迅速。县人民医院新院区启用。", "崇阳县人民医院"),
        (
            "江西省委召开会议。江西省近年来发展迅速。省社会主义学院举办培训班。",
            "江西省社会主义学院",
        ),
        # no place of that level in the article: the name as written
        ("县人民医院新院区启用。", "县人民医院"),
    ],
)
def test_extract_kinds_an_institution_of_the_articles_own_province_or_county(text, expected):
    mentioned, _ = _read(text)
    assert ("Organization", expected) in mentioned


def test_extract_kinds_a_government_army_is_not_the_government():
    mentioned, _ = _read("叙利亚政府军收复多个城镇。")
    assert ("Agency", "叙利亚政府") not in mentioned


def test_extract_kinds_a_countys_short_form_naming_a_company_is_no_mention():
    text = "娄底市涟源市举行表彰会。\n李某  涟源钢铁集团有限公司工程师"
    ex = extract(Document(id="kinds", text=text))
    assert {m.span.surface for m in ex.mentions if m.entity.cls == "District"} == {"涟源市"}
