"""Graphs for the query, server, analysis and export tests: the built seed and a hand-made twin."""

from __future__ import annotations

import datetime
import functools
from decimal import Decimal
from pathlib import Path

import pytest
from rdflib import Graph

from kg.io.rdflib_writers import generate_turtle
from kg.records import (
    DateValue,
    Document,
    Entity,
    Extraction,
    Mention,
    QuantityValue,
    Relation,
    Sentence,
    Span,
)

from .conftest import SEED

__all__ = ["GRAPHS", "SEED_ID", "mini_extraction", "seed_dir", "mini_dir", "graph_dir", "load"]

#: The graphs each seed expectation is checked on.
GRAPHS = ["mini", "seed"]

#: The document id of the seed (the hand-made twin has the same)
SEED_ID = "000_8ad9febdc21e1cf6"

_SENTENCES = [
    "12月17日,重庆市科技局和成都市科技局签订《加强双核创新联动 推进共建具有全国影响力的科技创新中心合作协议》。",
    "17日,《西部(重庆)科学城管理委员 西部(成都)科学城管理委员共同助推西部科学城建设战略合作协议》正式签订。",
    "重庆市经信委与成都市经信局签署《共建世界级先进汽车产业集群战略合作协议》,计划到2025年,两市汽车产量将达到300万辆,实现产值6000亿元。",
    "重庆市金融监管局和成都市金融监管局签署《共建西部金融中心合作协议》。",
    "重庆市文化和旅游发展委员会与成都市文化广电旅游局签署《推进成渝地区双城经济圈建设携手共促巴蜀文化旅游走廊建设战略合作协议》。",
    "西部(重庆)科学城涉及北碚、沙坪坝、九龙坡、江津、璧山5个区,规划面积1198平方公里,核心区为重庆高新区直管园(313平方公里)。",
    "西部(成都)科学城规划面积394.2平方公里,涉及四川天府新区成都直管区、成都东部新区、成都高新区、双流区。",
    "推动成都超算中心共享,位于南岸区的大鱼海棠公园建成投用。",
    "武隆区生活垃圾焚烧发电项目投运后可日处理垃圾600吨,年发电量约6000万千瓦时。",
]

_CQ = Entity("City", "500000", "重庆市", code="500000")
_CD = Entity("City", "510100", "成都市", code="510100")
_SC = Entity("City", "510000", "四川省", code="510000")


def _agency(label: str) -> Entity:
    return Entity("Agency", label, label)


def _district(label: str, code: str | None = None) -> Entity:
    return Entity("District", code or label, label, code=code)


# (agreement label, sentence, (party label, surface, city) x 2)
_AGREEMENTS = [
    (
        "加强双核创新联动 推进共建具有全国影响力的科技创新中心合作协议",
        0,
        [("重庆市科学技术局", "重庆市科技局", _CQ), ("成都市科学技术局", "成都市科技局", _CD)],
    ),
    (
        "西部(重庆)科学城管理委员 西部(成都)科学城管理委员共同助推西部科学城建设战略合作协议",
        1,
        [
            ("西部(重庆)科学城管理委员会", "西部(重庆)科学城管理委员", _CQ),
            ("西部(成都)科学城管理委员会", "西部(成都)科学城管理委员", _CD),
        ],
    ),
    (
        "共建世界级先进汽车产业集群战略合作协议",
        2,
        [
            ("重庆市经济和信息化委员会", "重庆市经信委", _CQ),
            ("成都市经济和信息化局", "成都市经信局", _CD),
        ],
    ),
    (
        "共建西部金融中心合作协议",
        3,
        [
            ("重庆市地方金融监督管理局", "重庆市金融监管局", _CQ),
            ("成都市地方金融监督管理局", "成都市金融监管局", _CD),
        ],
    ),
    (
        "推进成渝地区双城经济圈建设携手共促巴蜀文化旅游走廊建设战略合作协议",
        4,
        [
            ("重庆市文化和旅游发展委员会", "重庆市文化和旅游发展委员会", _CQ),
            ("成都市文化广电旅游局", "成都市文化广电旅游局", _CD),
        ],
    ),
]


def mini_extraction() -> Extraction:
    """The hand-made twin of the seed's extraction.

    A short article read by hand that states the seed's key facts with the same labels and
    document id (five agreements of 2021-12-17 with their parties and jurisdictions, the
    districts and areas of both science cities, the 2025 targets, projects and their places),
    so that the same expected answers hold on it and on the built seed (``seed_dir``).
    """
    text = "".join(_SENTENCES)
    starts = [sum(len(s) for s in _SENTENCES[:i]) for i in range(len(_SENTENCES))]
    sentences = tuple(
        Sentence(i, starts[i], starts[i] + len(s), s) for i, s in enumerate(_SENTENCES)
    )
    whole = [Span(s.start, s.end, s.text, s.index) for s in sentences]

    def span(surface: str, index: int) -> Span:
        start = starts[index] + _SENTENCES[index].index(surface)
        return Span(start, start + len(surface), surface, index)

    mentions: list[Mention] = []
    relations: list[Relation] = []

    def mention(entity: Entity, surface: str, index: int) -> None:
        basis = "exact" if surface == entity.label else "canonical-name"
        mentions.append(Mention(entity, span(surface, index), basis))

    def relate(subject: Entity, predicate: str, obj, index: int) -> None:
        relations.append(Relation(subject, predicate, obj, whole[index]))

    signed = DateValue(datetime.date(2021, 12, 17), "text")
    for label, index, parties in _AGREEMENTS:
        agreement = Entity("Agreement", f"{label}@2021-12-17", label)  # key: title @ date
        mention(agreement, label, index)
        relate(agreement, "signedOn", signed, index)
        for party_label, surface, city in parties:
            party = _agency(party_label)
            mention(party, surface, index)
            relate(agreement, "party", party, index)
            relate(party, "jurisdiction", city, index)
        if index == 2:
            for value, unit, indicator in (
                ("3000000", "Vehicle", "汽车产量"),
                ("600000000000", "Yuan", "产值"),
            ):
                target = QuantityValue(Decimal(value), unit, indicator, 2025)
                relate(agreement, "hasTarget", target, index)

    chongqing_sc = Entity("ScienceCity", "西部(重庆)科学城", "西部(重庆)科学城")
    mention(chongqing_sc, "西部(重庆)科学城", 5)
    for label, code in (
        ("北碚区", "500109"),
        ("沙坪坝区", "500106"),
        ("九龙坡区", "500107"),
        ("江津区", "500116"),
        ("璧山区", "500120"),
    ):
        district = _district(label, code)
        mention(district, label[:-1], 5)
        relate(chongqing_sc, "includesDistrict", district, 5)
        relate(district, "locatedIn", _CQ, 5)
    relate(chongqing_sc, "plannedArea", QuantityValue(Decimal("1198"), "SquareKilometre"), 5)
    core = _district("重庆高新区直管园")
    mention(core, "重庆高新区直管园", 5)
    relate(chongqing_sc, "coreArea", core, 5)
    relate(core, "plannedArea", QuantityValue(Decimal("313"), "SquareKilometre"), 5)

    chengdu_sc = Entity("ScienceCity", "西部(成都)科学城", "西部(成都)科学城")
    mention(chengdu_sc, "西部(成都)科学城", 6)
    relate(chengdu_sc, "plannedArea", QuantityValue(Decimal("394.2"), "SquareKilometre"), 6)
    for label, surface, code in (
        ("四川天府新区成都直管区", "四川天府新区成都直管区", None),
        ("成都东部新区", "成都东部新区", None),
        ("成都高新技术产业开发区", "成都高新区", None),
        ("双流区", "双流区", "510116"),
    ):
        district = _district(label, code)
        mention(district, surface, 6)
        relate(chengdu_sc, "includesDistrict", district, 6)
        if code:
            relate(district, "locatedIn", _CD, 6)
    relate(_CD, "locatedIn", _SC, 6)

    supercomputer = Entity("Project", "成都超算中心", "成都超算中心")
    park = Entity("Project", "大鱼海棠公园", "大鱼海棠公园")
    nanan = _district("南岸区", "500108")
    mention(supercomputer, "成都超算中心", 7)
    mention(nanan, "南岸区", 7)
    mention(park, "大鱼海棠公园", 7)
    relate(supercomputer, "locatedIn", _CD, 7)
    relate(park, "locatedIn", nanan, 7)
    relate(nanan, "locatedIn", _CQ, 7)

    plant = Entity("Project", "武隆区生活垃圾焚烧发电项目", "武隆区生活垃圾焚烧发电项目")
    wulong = _district("武隆区", "500156")
    mention(plant, "武隆区生活垃圾焚烧发电项目", 8)
    relate(plant, "locatedIn", wulong, 8)
    relate(wulong, "locatedIn", _CQ, 8)
    for value, unit, indicator in (
        ("600", "Tonne", "日处理垃圾"),
        ("60000000", "KilowattHour", "年发电量"),
    ):
        relate(plant, "hasQuantity", QuantityValue(Decimal(value), unit, indicator), 8)

    doc = Document(
        id="000_8ad9febdc21e1cf6",
        text=text,
        title="成渝签署5个合作协议",
        published=datetime.date(2021, 12, 18),
    )
    return Extraction(doc, sentences, tuple(mentions), tuple(relations))


_BUILT: dict[str, Path] = {}


@pytest.fixture(scope="session")
def seed_dir(tmp_path_factory) -> Path:
    """A ``kg build`` output directory for the seed article (built once per session)."""
    if "seed" not in _BUILT:
        from kg.build import build

        out = tmp_path_factory.mktemp("seed-graph")
        build([SEED], out)
        _BUILT["seed"] = out
    return _BUILT["seed"]


@pytest.fixture(scope="session")
def mini_dir(tmp_path_factory) -> Path:
    """A directory like ``kg build`` writes, with the hand-made twin's ``graph.ttl``."""
    if "mini" not in _BUILT:
        from kg.model.triples import to_dataset

        out = tmp_path_factory.mktemp("mini-graph")
        (out / "graph.ttl").write_text(
            generate_turtle(to_dataset([mini_extraction()])), encoding="utf-8"
        )
        _BUILT["mini"] = out
    return _BUILT["mini"]


@pytest.fixture(params=GRAPHS)
def graph_dir(request) -> Path:
    """Each of the hand-made twin and the built seed, in turn."""
    return request.getfixturevalue(f"{request.param}_dir")


@functools.cache
def load(directory: Path) -> Graph:
    """The graph in a build directory, parsed once (do not modify it)."""
    return Graph().parse(directory / "graph.ttl")
