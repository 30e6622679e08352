"""extract(): the record contract on an article, and the seed's agreements, places and targets."""

from __future__ import annotations

import datetime
from decimal import Decimal

import pytest

from kg.extract import Lexicon, extract
from kg.records import (
    MERGE_BASES,
    RELATION_PREDICATES,
    DateValue,
    Document,
    Entity,
    QuantityValue,
)

SEED = "seeds/000_8ad9febdc21e1cf6.txt"

ARTICLE = (
    "长江中游三省签署科技合作协议\n\n"
    "6月2日，湖北省科技厅、湖南省科技厅、江西省科技厅在武汉共同签署《长江中游城市群科技协同创新合作协议》"
    "（以下简称《协议》）。根据《协议》，计划到2026年，三省联合攻关项目达到120项，带动投资300亿元。\n\n"
    "光谷科学城位于武汉东部，涉及洪山、江夏2个区，规划面积约100平方公里。"
    "湘江新区梅溪湖科创基地该基地规划用地约1200亩。"
)


@pytest.fixture(scope="module")
def article():
    doc = Document(id="a", text=ARTICLE, published=datetime.date(2023, 6, 3))
    return extract(doc)


@pytest.fixture(scope="module")
def seed():
    from pathlib import Path

    root = Path(__file__).resolve().parent.parent
    text = (root / SEED).read_text(encoding="utf-8")
    return extract(Document(id="000_8ad9febdc21e1cf6", text=text))


def test_pipeline_spans_point_into_the_original_text(article):
    text = article.document.text
    for m in article.mentions:
        assert text[m.span.start : m.span.end] == m.span.surface
        sent = article.sentences[m.span.sentence]
        assert sent.start <= m.span.start and m.span.end <= sent.end
        assert m.basis in MERGE_BASES
    for s in article.sentences:
        assert text[s.start : s.end] == s.text


def test_pipeline_one_entity_per_span(article):
    spans = [(m.span.start, m.span.end) for m in article.mentions]
    assert len(spans) == len(set(spans))


def test_pipeline_relations_follow_the_contract(article):
    for r in article.relations:
        assert r.predicate in RELATION_PREDICATES
        kind = RELATION_PREDICATES[r.predicate]
        expected = {"entity": Entity, "date": DateValue, "quantity": QuantityValue}[kind]
        assert isinstance(r.object, expected)
        if isinstance(r.object, QuantityValue):
            assert "E" not in str(r.object.value)


def test_pipeline_reads_the_article(article):
    facts = {
        (r.subject.label, r.predicate, getattr(r.object, "label", None) or str(r.object))
        for r in article.relations
    }
    title = "长江中游城市群科技协同创新合作协议"
    for party in ("湖北省科学技术厅", "湖南省科学技术厅", "江西省科学技术厅"):
        assert (title, "party", party) in facts
    dates = [r.object for r in article.relations if r.predicate == "signedOn"]
    assert dates == [DateValue(datetime.date(2023, 6, 2), "published")]
    targets = {
        (r.object.value, r.object.unit, r.object.year)
        for r in article.relations
        if r.predicate == "hasTarget"
    }
    assert targets == {(Decimal("120"), "Item", 2026), (Decimal("30000000000"), "Yuan", 2026)}
    assert ("光谷科学城", "includesDistrict", "洪山区") in facts
    assert ("洪山区", "locatedIn", "武汉市") in facts
    assert ("湖北省科学技术厅", "jurisdiction", "湖北省") in facts


def test_pipeline_is_deterministic(article):
    again = extract(article.document, Lexicon.default())
    assert again == article


def test_pipeline_seed_agreements(seed):
    agreements = {m.entity.label for m in seed.mentions if m.entity.cls == "Agreement"}
    assert len(agreements) == 5
    parties: dict[str, set[str]] = {}
    for r in seed.relations:
        if r.predicate == "party":
            parties.setdefault(r.subject.label, set()).add(r.object.label)
        if r.predicate == "signedOn":
            assert r.object.date == datetime.date(2021, 12, 17)
    assert set(parties) == agreements
    assert all(len(p) == 2 for p in parties.values())
    assert parties["共建世界级先进汽车产业集群战略合作协议"] == {
        "重庆市经济和信息化委员会",
        "成都市经济和信息化局",
    }


@pytest.mark.parametrize(
    "first, second, same",
    [
        # one title many pairs sign, no date: an agreement of each pair
        (
            "中国与多哥签署了共建“一带一路”谅解备忘录。",
            "中国与贝宁签署了共建“一带一路”谅解备忘录。",
            False,
        ),
        # the same pair and title, no date, in two articles: one agreement
        (
            "中国与多哥签署了共建“一带一路”谅解备忘录。",
            "多哥与中国签署了共建“一带一路”谅解备忘录。",
            True,
        ),
        # the same title and date: one agreement, whoever is read as its parties
        (
            "2019年4月，中国与多哥签署了共建“一带一路”谅解备忘录。",
            "2019年4月，多哥签署了共建“一带一路”谅解备忘录。",
            True,
        ),
    ],
)
def test_pipeline_agreement_keys_are_title_and_date_or_parties(first, second, same):
    def key(text: str) -> str:
        ex = extract(Document(id="k", text=text, published=datetime.date(2019, 5, 6)))
        (agreement,) = {m.entity for m in ex.mentions if m.entity.cls == "Agreement"}
        return agreement.key

    assert (key(first) == key(second)) is same


def test_pipeline_seed_science_cities_and_targets(seed):
    facts = {
        (r.subject.label, r.predicate, getattr(r.object, "label", None) or str(r.object.value))
        for r in seed.relations
        if r.predicate in ("includesDistrict", "plannedArea", "coreArea", "hasTarget")
    }
    for district in ("北碚区", "沙坪坝区", "九龙坡区", "江津区", "璧山区"):
        assert ("西部(重庆)科学城", "includesDistrict", district) in facts
    for district in ("四川天府新区成都直管区", "成都东部新区", "成都高新技术产业开发区", "双流区"):
        assert ("西部(成都)科学城", "includesDistrict", district) in facts
    assert ("西部(重庆)科学城", "plannedArea", "1198") in facts
    assert ("西部(成都)科学城", "plannedArea", "394.2") in facts
    assert ("西部(重庆)科学城", "coreArea", "重庆高新区直管园") in facts
    assert ("重庆高新区直管园", "plannedArea", "313") in facts
    target = "共建世界级先进汽车产业集群战略合作协议"
    assert (target, "hasTarget", "3000000") in facts
    assert (target, "hasTarget", "600000000000") in facts


def test_pipeline_seed_divisions_carry_codes(seed):
    codes = {m.entity.label: m.entity.code for m in seed.mentions if m.entity.code}
    assert codes["北碚区"] == "500109"
    assert codes["彭水苗族土家族自治县"] == "500243"
    assert codes["重庆市"] == "500000"
    assert codes["四川省"] == "510000"
    bases = {m.span.surface: m.basis for m in seed.mentions if m.entity.label == "北碚区"}
    assert bases == {"北碚": "official-code"}


@pytest.mark.parametrize(
    "text",
    [
        # a head inside a district's name (下花园区): no project named after the district
        "张家口科技城涉及下花园区、桥东区2个区，核心区为下花园区(185平方公里)。",
        # an area named after a county-level district
        "南京江宁经济技术开发区与苏州市签约。",
        # one title signed twice on two days
        "5月8日，洛阳市商务局与开封市商务局签署《深化开放合作协议》。\n\n"
        "6月9日，郑州市商务局与新乡市商务局签署《深化开放合作协议》。",
    ],
)
def test_pipeline_graph_conforms_to_the_shapes(text):
    from kg.model.shapes import check_statements
    from kg.model.triples import extraction_statements

    ex = extract(Document(id="t", text=text, published=datetime.date(2023, 6, 10)))
    assert check_statements(sorted(extraction_statements(ex)), limit=5) == []


def test_pipeline_relations_of_unnamed_subjects_are_dropped():
    from kg.extract.builder import Builder, entity
    from kg.extract.pipeline import _traceable
    from kg.extract.text import prepare

    b = Builder(prepare("洛阳市与开封市合作。"))
    city, other, ghost = entity("City", "洛阳市"), entity("City", "开封市"), entity("Project", "X")
    area = entity("District", "Y")
    b.mention(city, 0, 3, "exact")
    b.relate(city, "locatedIn", other, b.sentence_span(0))  # named subject: kept
    b.relate(other, "locatedIn", city, b.sentence_span(0))  # object of a kept fact: kept
    b.relate(ghost, "locatedIn", area, b.sentence_span(0))  # never named: dropped
    b.relate(area, "locatedIn", city, b.sentence_span(0))  # named only by the ghost: dropped
    kept = [(r.subject.label, r.object.label) for r in _traceable(b)]
    assert kept == [("洛阳市", "开封市"), ("开封市", "洛阳市")]
