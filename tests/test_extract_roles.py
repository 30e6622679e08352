"""Roles, programmes, categories and units that are written like projects, and names joined
by a dash or 暨 (sentences written for these tests; no article text)."""

from __future__ import annotations

import pytest

from kg.extract import extract
from kg.records import Document


def _projects(text: str) -> set[str]:
    ex = extract(Document(id="roles", text=text))
    return {m.entity.label for m in ex.mentions if m.entity.cls == "Project"}


@pytest.mark.parametrize(
    "text, wrong",
    [
        # what a place is said to be: a centre of the world, a continent or another country
        ("安特卫普港进一步巩固了其作为欧洲航运中心的地位。", "欧洲航运中心"),
        ("这座城市正努力建设亚洲时尚中心。", "亚洲时尚中心"),
        ("越南经济中心胡志明市迎来客流高峰。", "越南经济中心"),
        ("墨西哥疾病监测与预警中心发布通报。", "墨西哥疾病监测与预警中心"),
        # 中心 of another noun: a central task
        ("南绕城高速扩容是今年的中心任务。", "南绕城高速扩容是今年的中心"),
        # a level of government before the words: a kind
        ("村级湿地公园供居民休闲。", "村级湿地公园"),
        ("两地加快建设国家和省级林业数据中心。", "省级林业数据中心"),
        # judged, a category first, a programme of people or ideas
        ("长江支流非法码头全部拆除。", "长江支流非法码头"),
        ("陆港通道等重大开放项目加快推进。", "重大开放项目"),
        ("学院承担了党校理论创新工程。", "党校理论创新工程"),
        ("农村党员学历提升工程启动。", "农村党员学历提升工程"),
        # two things joined
        (
            "西部地区粮食储运通道和大型粮食储备基地建设加快。",
            "西部地区粮食储运通道和大型粮食储备基地",
        ),
        # the short form in brackets inside the words, a builder's unit after the name
        ("玛尔塔水电厂(以下简称电厂)项目进展顺利。", "玛尔塔水电厂(以下简称电厂)项目"),
        ("卡洛特水电站项目工程管理部组织演练。", "卡洛特水电站项目工程"),
        ("临沂中盛医药物流产业园管理公司成立。", "临沂中盛医药物流产业园"),
        # a count of a kind, a square of a street, a line's neighbourhood
        ("江西省大科学装置数量增加。", "江西省大科学装置"),
        ("沿街改造了商业步行街广场。", "商业步行街广场"),
        ("包银铁路沿线桥梁多为公铁两用桥。", "包银铁路沿线"),
        # a centre of the world whatever the words, a category first, a group's projects
        ("黄河流域也是世界牡丹栽培中心。", "世界牡丹栽培中心"),
        ("加快中老铁路等重大联通项目建设。", "重大联通项目"),
        ("近年来，城投集团项目工地遍布全市。", "城投集团项目"),
        # a unit right after its group or institute, a centre of building a course
        ("金秋时节，南铁集团南宁货运中心一片繁忙。", "南宁货运中心"),
        ("李四  中国医学科学院中医药数据中心", "中医药数据中心"),
        ("学院下设课程思政建设中心、美育实践建设中心。", "课程思政建设中心"),
        # a description before 的, generic words of a town or of party building
        ("两月建成全球最大的口罩熔喷布生产基地。", "口罩熔喷布生产基地"),
        ("指导地方降低城镇燃气工程安装收费标准。", "城镇燃气工程"),
        ("村里修建了党建文化广场。", "党建文化广场"),
        # a clause with its verb before a generic head
        ("李明找邻居借来实验室钥匙。", "李明找邻居借来实验室"),
        ("焊工首席技师王强可谓动车的活字典。", "焊工首席技师王强可谓动车"),
        ("顺利实现5号隧道贯通。", "顺利实现5号隧道"),
        ("地铁换乘高铁安检流程简化。", "地铁换乘高铁"),
        ("在滇池新建码头的计划被否决。", "滇池新建码头"),
        # words of the clause before the name: a copula, a verb with its aspect marker, a
        # preposition before a place
        ("中国是肯尼亚铁路建设的主要合作伙伴。", "中国是肯尼亚铁路"),
        (
            "汉寿县龙阳镇沙湾村紧挨着西洞庭湖国家湿地公园。",
            "汉寿县龙阳镇沙湾村紧挨着西洞庭湖国家湿地公园",
        ),
        ("旅客可经港珠澳大桥抵达澳门。", "经港珠澳大桥"),
        # a name inside the name of a body or a post named after the works
        ("中老铁路项目联合协调理事会召开会议。", "中老铁路项目"),
        ("沪昆高速检查站查获违禁品。", "沪昆高速"),
        ("白云国际机场转运专班连夜工作。", "白云国际机场"),
        # a place and a bare 项目: what is done there, not a name
        ("该公司包头项目进展顺利。", "包头项目"),
        # a head inside a longer noun: 高铁沿线, 高铁司机, 中心腹地
        ("城东街道青山村高铁沿线完成绿化。", "城东街道青山村高铁"),
        ("成都东动车段高铁司机李华说。", "成都东动车段高铁"),
        ("武汉地处长江经济带中心腹地。", "长江经济带中心"),
        # a reservoir or a canal told of as water, not as works
        ("丹江口水库上游的湿地吸引了候鸟。", "丹江口水库"),
        ("该市饮用水主要来自汾河水库。", "汾河水库"),
        ("胶莱运河两岸灯火通明。", "胶莱运河"),
        # a province or a state and its verb with an object: a clause, not a name
        ("浙江省推广渔船保险互助示范项目，惠及渔民。", "浙江省推广渔船保险互助示范项目"),
        ("很多跨国公司把越南当作出口加工基地。", "越南当作出口加工基地"),
        # a shop or a restaurant named after a square or a park, a chain of parks, a word
        # that ends in a head's characters, a new centre a plan gives a city
        ("他在万象城广场店当店长，附近还有翠湖公园饭庄。", "万象城广场"),
        ("他在万象城广场店当店长，附近还有翠湖公园饭庄。", "翠湖公园"),
        ("沿江省级高新技术产业园区链加快形成。", "沿江省级高新技术产业园区"),
        ("这台收音机产自上海无线电厂。", "上海无线电厂"),
        ("规划提出建设“无锡市域新中心”。", "无锡市域新中心"),
        # a city's metro as a whole, and its metro before 项目
        ("纽约地铁车厢里贴满了防疫提示。", "纽约地铁"),
        ("银行向地铁3号线等郑州市轨道交通项目发放贷款。", "郑州市轨道交通项目"),
        # a journey between two cities, a centre's manager, 当属 before a name
        ("建成后兰州到西宁铁路运行时间大大缩短。", "兰州到西宁铁路"),
        ("宝钢物流中心主管介绍了运输情况。", "宝钢物流中心"),
        ("最亮眼的当属天府国际机场的航站楼。", "当属天府国际机场"),
        # a group of tunnels, a brand programme, the parks of a level or of a city, a hub a
        # place is, generic works of a village
        ("秦岭段隧道群地质复杂。", "秦岭段隧道"),
        ("读书节是黄浦区公共文化特色品牌项目。", "黄浦区公共文化特色品牌项目"),
        ("该区迈入江西省国家级园区前列。", "江西省国家级园区"),
        ("广州市属公园推出夜游活动。", "广州市属公园"),
        ("万州经开区是渝东北综合交通枢纽。", "渝东北综合交通枢纽"),
        ("村里的新时代文明实践广场很热闹。", "新时代文明实践广场"),
        ("截污纳管工程改善了古镇水质，读者常用馆藏特色资源库。", "截污纳管工程"),
        # the first of a kind, described
        ("这是我国首个民法主题公园。", "民法主题公园"),
        ("在首条民资控股城际铁路开工之际。", "民资控股城际铁路"),
        # a continent's or a world region's kind of works
        ("东南亚铁路建设首次使用这种铺轨机。", "东南亚铁路"),
        ("非洲工业园正在吸引更多制造企业。", "非洲工业园"),
        # kinds of corridor and of railway
        ("联合国呼吁开辟人道走廊，干线网由普速铁路和高速铁路组成。", "人道走廊"),
        ("联合国呼吁开辟人道走廊，干线网由普速铁路和高速铁路组成。", "普速铁路"),
        # a kind described by its quality, a head alone before 项目, generic words of a park
        ("两市合作建设新型消费中心。", "新型消费中心"),
        ("隧道项目完工后，他又去了工地。", "隧道项目"),
        ("这里将成为附近居民的惠民公园。", "惠民公园"),
        ("村里把臭水塘改造成景观湖公园。", "景观湖公园"),
        ("全县发展林草产业园、中药材基地。", "林草产业园"),
        ("水土保持项目建设也要提质增效。", "水土保持项目"),
        # a verb of one character before a park's name
        ("县里公告：这里要建望江石阶公园。", "建望江石阶公园"),
        # a hub's competitiveness is its standing
        ("提升成都和重庆机场国际枢纽竞争力。", "重庆机场国际枢纽"),
        # a kind described by its quality, not one named
        ("两省共同建设现代海洋牧场示范基地。", "海洋牧场示范基地"),
        ("两地共同建设现代海洋产业基地。", "海洋产业基地"),
        # what a place becomes, is praised as, or holds as its standing
        ("规划支持澳门成为葡语国家商贸服务枢纽。", "葡语国家商贸服务枢纽"),
        ("柳州将建设成为桂中物流门户、西江经济带先进制造中心。", "西江经济带先进制造中心"),
        ("这座口岸被誉为“东北亚商贸走廊”。", "东北亚商贸走廊"),
        ("巩固提升广州国际航空枢纽地位。", "广州国际航空枢纽"),
        ("发挥深圳国际金融中心作用。", "深圳国际金融中心"),
        ("增强天津滨海国际机场区域枢纽功能。", "天津滨海国际机场区域枢纽"),
        ("要把临港片区打造成为长三角航运物流枢纽。", "长三角航运物流枢纽"),
        # China's sector or kind in common words, no works named
        ("中国水电工程在东南亚享有声誉。", "中国水电工程"),
        ("这批中国标准地铁列车将出口。", "中国标准地铁"),
        ("中国世界地质公园总数居全球首位。", "中国世界地质公园"),
        # a builder's bureau or a team named after the works, a sport's event, a hospital
        ("父亲曾在原交通部大桥工程局工作。", "原交通部大桥"),
        ("汉阳城管大桥清洁队的队员们连夜作业。", "汉阳城管大桥"),
        ("她夺得中国首枚皮划艇项目金牌。", "中国首枚皮划艇项目"),
        ("长沙火神山医院工程三天完工。", "长沙火神山医院工程"),
        ("她在此夺得中国首枚帆板项目奥运金牌。", "中国首枚帆板项目"),
        # a venue named after works, people in a clause, a discipline
        ("游客参观了上海外滩码头博物馆。", "上海外滩码头"),
        ("志愿队定期组织队员们清扫公园。", "志愿队定期组织队员们清扫公园"),
        ("省里启动城市群协调发展研究系统工程。", "城市群协调发展研究系统工程"),
        # a title given across the country, counted works, a way to travel, 上至…下至…
        ("全国台港澳青年交流基地揭牌。", "全国台港澳青年交流基地"),
        ("江上已有多座跨江大桥。", "跨江大桥"),
        ("他刚下高铁就赶到现场。", "刚下高铁"),
        ("上至航母高铁，下至针头线脑，都有本地企业参与。", "上至航母高铁"),
        # a zone or a train named after works
        ("广州白云机场综合保税区封关运作。", "广州白云机场"),
        ("长沙首趟返岗务工人员高铁专列发车。", "长沙首趟返岗务工人员高铁"),
        # high-speed things (listed too); the new area referred to; a city's transit
        ("画里有长城、飞驰的高速列车和熊猫。", "长城高速"),
        ("车辆从宁国高速入口驶入。", "宁国高速"),
        ("新区铁路枢纽建设全面提速。", "新区铁路枢纽"),
        ("贵阳市公交地铁票价下调。", "贵阳市公交地铁"),
        # generic words of a kind
        ("支持成都建设战略性新兴产业研发基地。", "战略性新兴产业研发基地"),
        # a station's railway passengers
        ("郑州东站铁路旅客发送量创新高。", "郑州东站铁路"),
        # a verb of the clause jieba cuts in two characters (齐 + 聚)
        ("村民们齐聚广场观看演出。", "村民们齐聚广场"),
        ("支线飞机执飞邦达机场航线。", "支线飞机执飞邦达机场"),
    ],
)
def test_project_roles_are_not_projects(text: str, wrong: str) -> None:
    assert wrong not in _projects(text)


@pytest.mark.parametrize(
    "text, project",
    [
        # a line or an area named after its two ends, a dash between them
        ("金边—西港高速公路建成通车。", "金边—西港高速公路"),
        ("光雾山—诺水河世界地质公园游客增多。", "光雾山—诺水河世界地质公园"),
        ("该港是坦桑尼亚—赞比亚—马拉维经济走廊的一环。", "坦桑尼亚—赞比亚—马拉维经济走廊"),
        ("国家电网称，蒙东—沈阳特高压输电工程年底开工。", "蒙东—沈阳特高压输电工程"),
        # two works named as one with 暨, and past a clause before a double dash
        ("贵阳机场扩能暨立体交通中心工程开工。", "贵阳龙洞堡国际机场扩能暨立体交通中心工程"),
        (
            "全市重点工程――南宁机场扩能暨立体交通中心工程开工。",
            "南宁吴圩国际机场扩能暨立体交通中心工程",
        ),
        # venues a country's centre is, a centre of a special administrative region
        ("冈比亚国际会议中心由中国援建。", "冈比亚国际会议中心"),
        ("澳门科学中心迎来参观者。", "澳门科学中心"),
        # 和 inside a name cut in two by the segmenter is no joiner
        ("藤县中和陶瓷产业园入驻企业增加。", "藤县中和陶瓷产业园"),
        # a venue keeps its name after a country's or the world's words
        ("国家会展中心(上海)迎来展会。", "国家会展中心(上海)"),
        ("亚洲国际博览中心位于机场旁。", "亚洲国际博览中心"),
        # a project's name before its builder's department: the project itself
        ("卡洛特水电站项目工程管理部组织演练。", "卡洛特水电站项目"),
        # the same words where the name goes on after them: the name alone
        ("汉寿县龙阳镇沙湾村紧挨着西洞庭湖国家湿地公园。", "西洞庭湖国家湿地公园"),
        ("旅客可经港珠澳大桥抵达澳门。", "港珠澳大桥"),
        ("■中吉乌铁路项目取得进展。", "中吉乌铁路项目"),
        # a preposition between two places is the line's own
        ("南宁经玉林至深圳铁路开通。", "南宁经玉林至深圳铁路"),
        # a reservoir whose works the sentence tells of
        ("东庄水库正在建设中。", "东庄水库"),
        ("岳城水库完成除险加固后恢复蓄水。", "岳城水库"),
        # what happens in a centre a person joins or a word becomes frequent in
        ("2016年，她成为滨江文化艺术中心的一名讲解员。", "滨江文化艺术中心"),
        ("数字金融成为西部金融中心建设的关键词。", "西部金融中心"),
        # a metro's line is a line
        ("郑州地铁3号线开通运营。", "郑州地铁3号线"),
        # the name after a verb jieba cuts in two, after 就 (about) and after 展开
        ("支线飞机执飞邦达机场航线。", "邦达机场"),
        ("巴方就瓜达尔港项目作出说明。", "瓜达尔港项目"),
        ("东盟就澜湄铁路项目发表声明。", "澜湄铁路项目"),
        ("省里已全面展开闽台大桥的论证。", "闽台大桥"),
        # "old", "now" and "new and old" before a line named by its ends; 事关 ends a clause
        ("老宝成铁路已停运多年。", "宝成铁路"),
        ("新老宝成铁路并行穿越秦岭。", "宝成铁路"),
        ("老成渝铁路的隧道已封闭。", "成渝铁路"),
        ("老中铁路万象站启用。", "中老铁路"),  # (labelled in China's order)
        ("现中老经济走廊建设提速。", "中老经济走廊"),
        ("这事关渝昆高铁建设进度。", "渝昆高铁"),
        # words of scope or of time before a name are not part of it
        ("整个珠江口跨海通道建设项目年底完工。", "珠江口跨海通道建设项目"),
        ("原本长沙体育中心的场馆将改造。", "长沙体育中心"),
    ],
)
def test_project_roles_named_projects_are_kept(text: str, project: str) -> None:
    assert project in _projects(text)
