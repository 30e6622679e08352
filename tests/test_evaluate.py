"""Scoring a graph against gold: matching by class and name, relation recall, bad gold files."""

from __future__ import annotations

import json

import pytest

from kg import Document, extract
from kg.errors import GoldError
from kg.evaluate import ClassScore, evaluate, format_report, load_gold
from kg.model.triples import to_graph

GOLD = {
    "document": "doc1",
    "entities": [
        {"class": "Agency", "label": "北京市科学技术委员会", "aliases": ["北京市科委"]},
        {"class": "Agency", "label": "天津市科学技术局"},
        {"class": "Agency", "label": "河北省科学技术厅"},
        {"class": "Agreement", "label": "京津科技协同合作协议"},
        {"class": "ScienceCity", "label": "中关村科学城"},
        {"class": "District", "label": "海淀区", "code": "110108"},
        {"class": "Project", "label": "怀柔综合性国家科学中心"},
    ],
    "relations": [
        {"subject": "京津科技协同合作协议", "predicate": "party", "object": "北京市科委"},
        {"subject": "京津科技协同合作协议", "predicate": "party", "object": "河北省科学技术厅"},
        {"subject": "京津科技协同合作协议", "predicate": "signedOn", "object": "2023-03-05"},
        {"subject": "中关村科学城", "predicate": "includesDistrict", "object": "海淀区"},
        {
            "subject": "中关村科学城",
            "predicate": "plannedArea",
            "object": {"value": "75", "unit": "SquareKilometre"},
        },
        {
            "subject": "中关村科学城",
            "predicate": "plannedArea",
            "object": {"value": "76", "unit": "SquareKilometre"},
        },
    ],
}


@pytest.fixture
def report(tmp_path, small_extraction):
    path = tmp_path / "gold.json"
    path.write_text(json.dumps(GOLD, ensure_ascii=False), encoding="utf-8")
    return evaluate(load_gold(path), to_graph([small_extraction]))


@pytest.mark.parametrize(
    ("cls", "tp", "fp", "fn"),
    [
        ("Agency", 2, 0, 1),
        ("Agreement", 1, 0, 0),
        ("ScienceCity", 1, 0, 0),
        ("District", 1, 0, 0),
        ("Project", 0, 0, 1),
    ],
)
def test_evaluate_counts_per_class(report, cls, tp, fp, fn):
    score = report.classes[cls]
    assert (score.tp, score.fp, score.fn) == (tp, fp, fn)


@pytest.mark.parametrize(
    ("predicate", "found", "gold"),
    [("party", 1, 2), ("signedOn", 1, 1), ("includesDistrict", 1, 1), ("plannedArea", 1, 2)],
)
def test_evaluate_relation_recall(report, predicate, found, gold):
    score = report.relations[predicate]
    assert (score.found, score.gold) == (found, gold)


@pytest.mark.parametrize(
    ("label", "aliases", "found"),
    [
        # the graph's node carries an alias of the gold entity the relation names
        ("天津市科学技术局(天津市外国专家局)", ["天津市科学技术局"], 1),
        ("天津市科学技术局(天津市外国专家局)", [], 0),
    ],
)
def test_evaluate_relation_objects_match_by_any_gold_name(
    tmp_path, small_extraction, label, aliases, found
):
    gold = {
        "document": "doc1",
        "entities": [
            {"class": "Agreement", "label": "京津科技协同合作协议"},
            {"class": "Agency", "label": label, "aliases": aliases},
        ],
        "relations": [{"subject": "京津科技协同合作协议", "predicate": "party", "object": label}],
    }
    path = tmp_path / "gold.json"
    path.write_text(json.dumps(gold, ensure_ascii=False), encoding="utf-8")
    report = evaluate(load_gold(path), to_graph([small_extraction]))
    assert report.relations["party"].found == found


def test_evaluate_scores_are_precision_recall_f1():
    score = ClassScore("Agency", tp=3, fp=1, fn=2)
    assert (score.precision, score.recall) == (0.75, 0.6)
    assert score.f1 == pytest.approx(2 * 0.75 * 0.6 / 1.35)


def test_evaluate_counts_spurious_entities(tmp_path, small_extraction):
    gold = dict(GOLD, entities=[e for e in GOLD["entities"] if e["class"] != "ScienceCity"])
    path = tmp_path / "gold.json"
    path.write_text(json.dumps(gold, ensure_ascii=False), encoding="utf-8")
    report = evaluate(load_gold(path), to_graph([small_extraction]))
    assert report.classes["ScienceCity"].fp == 1
    assert any("中关村科学城" in s for s in report.spurious)


def test_evaluate_report_lists_every_class(report):
    text = format_report(report)
    for cls in ("Agency", "Agreement", "ScienceCity", "District", "Project"):
        assert cls in text


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ("{", "malformed JSON"),
        ('{"entities": []}', "'document' id"),
        ('{"document": "d", "entities": [{"class": "Thing", "label": "x"}]}', "needs 'class'"),
        (
            '{"document": "d", "relations": [{"subject": "a", "predicate": "likes", "object": "b"}]}',
            "needs 'subject'",
        ),
        (
            '{"document": "d", "relations": [{"subject": "a", "predicate": "plannedArea", "object": {"value": "x"}}]}',
            "needs 'value'",
        ),
    ],
)
def test_evaluate_rejects_malformed_gold(tmp_path, content, message):
    path = tmp_path / "gold.json"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(GoldError, match=message):
        load_gold(path)


@pytest.mark.parametrize(
    ("agreement", "found"),
    [
        # an agreement labelled from its parties is named by any name of each party
        ("南丰县人民政府与中国石化战略合作框架协议", 1),
        ("南丰县人民政府与中国石油化工集团有限公司战略合作框架协议", 1),
        ("南丰县人民政府与中国石化合作协议", 0),
    ],
)
def test_evaluate_agreement_labelled_from_parties_matches_by_their_names(
    tmp_path, agreement, found
):
    ex = extract(Document("doc1", "18日，南丰县人民政府与中国石化签署战略合作框架协议。"))
    gold = {
        "document": "doc1",
        "entities": [
            {"class": "Agency", "label": "南丰县人民政府"},
            {
                "class": "Organization",
                "label": "中国石油化工集团有限公司",
                "aliases": ["中国石化"],
            },
            {"class": "Agreement", "label": agreement},
        ],
        "relations": [{"subject": agreement, "predicate": "party", "object": "南丰县人民政府"}],
    }
    path = tmp_path / "gold.json"
    path.write_text(json.dumps(gold, ensure_ascii=False), encoding="utf-8")
    report = evaluate(load_gold(path), to_graph([ex]))
    assert (report.classes["Agreement"].tp, report.relations["party"].found) == (found, found)
