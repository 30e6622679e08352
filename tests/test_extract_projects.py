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


def test_projects_coordinated_names_share_the_head():
    text = "交通方面，郑西、郑渝、郑太高铁建设正加快推进。"
    assert _read(text)[0] == ["郑西高铁", "郑渝高铁", "郑太高铁"]


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
