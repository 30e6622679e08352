"""The timeline: counts per period checked against SPARQL over the test corpus, region pairs
and sectors on graphs and titles made for the purpose, the formats and the command."""

from __future__ import annotations

import csv
import json
import re

import pytest
from rdflib import RDF, Graph, URIRef

from kg.build import build
from kg.cli import main
from kg.sparql import open_graph
from kg.timeline import (
    agreement_timeline,
    format_timeline,
    period_of,
    sector_of,
    timeline_chart,
    timeline_html,
)
from kg.timeline.regions import province_name
from kg.timeline.rows import periods

from .conftest import DATA

CORPUS = DATA / "corpus" / "test"
ID = "https://w3id.org/chengyu-kg/id/"
CY = "https://w3id.org/chengyu-kg/ontology#"

#: Each agreement's earliest date (as text; the earliest sorts first for 4-digit years).
FIRST_DATES = """PREFIX cy: <https://w3id.org/chengyu-kg/ontology#>
SELECT ?period (COUNT(?a) AS ?n) WHERE {
  { SELECT ?a (MIN(STR(?d)) AS ?first) WHERE { ?a a cy:Agreement ; cy:signedOn ?d } GROUP BY ?a }
  BIND(xsd:integer(SUBSTR(?first, 6, 2)) AS ?m)
  %s
} GROUP BY ?period"""

#: The period of ``?first`` in SPARQL, and the filter a date needs for it.
PERIOD_SPARQL = {
    "month": "FILTER(STRLEN(?first) >= 7) BIND(SUBSTR(?first, 1, 7) AS ?period)",
    "quarter": 'FILTER(STRLEN(?first) >= 7) BIND(CONCAT(SUBSTR(?first, 1, 4), "-Q", '
    'IF(?m <= 3, "1", IF(?m <= 6, "2", IF(?m <= 9, "3", "4")))) AS ?period)',
    "year": "BIND(SUBSTR(?first, 1, 4) AS ?period)",
}

UNDATED = """PREFIX cy: <https://w3id.org/chengyu-kg/ontology#>
SELECT (COUNT(?a) AS ?n) WHERE { ?a a cy:Agreement FILTER NOT EXISTS { ?a cy:signedOn ?d } }"""


@pytest.fixture(scope="module")
def corpus_graph(tmp_path_factory):
    """The held-out test corpus, built here (its contents shape no rule of the package)."""
    out = tmp_path_factory.mktemp("timeline-corpus")
    build([CORPUS], out, html=False, jobs=1)
    return out


@pytest.mark.parametrize("by", ["month", "quarter", "year"])
def test_timeline_counts_per_period_equal_a_sparql_count(corpus_graph, by):
    graph = Graph().parse(corpus_graph / "graph.ttl")  # rdflib's engine, not the timeline's
    expected = {
        str(p): int(n) for p, n in graph.query(FIRST_DATES % PERIOD_SPARQL[by]) if p is not None
    }
    undated = int(next(iter(graph.query(UNDATED)))[0])
    with open_graph(corpus_graph) as opened:
        result = agreement_timeline(opened, by=by)
    assert result.per_period() == expected
    assert len(expected) >= (3 if by == "year" else 8)
    assert result.total(result.undated) == undated > 0
    total = len(set(graph.subjects(RDF.type, URIRef(CY + "Agreement"))))
    assert result.total() == total
    assert result.total(result.coarse) == total - undated - sum(expected.values())
    assert list(result.per_period()) == sorted(expected)


@pytest.mark.parametrize(
    "split", [{"pair": True}, {"sector": True}, {"pair": True, "sector": True}]
)
def test_timeline_splits_add_up_to_the_periods(corpus_graph, split):
    with open_graph(corpus_graph) as graph:
        plain = agreement_timeline(graph, by="quarter")
        parted = agreement_timeline(graph, by="quarter", **split)
    assert parted.per_period() == plain.per_period()
    assert parted.total() == plain.total()
    assert parted.total(parted.undated) == plain.total(plain.undated)
    for row in parted.all_rows:
        assert (row.pair is not None) is bool(split.get("pair"))
        assert (row.sector is not None) is bool(split.get("sector"))


# (date, period, which period, whether the date is precise enough for it)
PERIODS = [
    ("2024-07-09", "month", "2024-07", True),
    ("2024-07-09", "quarter", "2024-Q3", True),
    ("2024-12-31", "quarter", "2024-Q4", True),
    ("2024-01-01", "quarter", "2024-Q1", True),
    ("2024-07-09", "year", "2024", True),
    ("2024-06", "month", "2024-06", True),
    ("2024-06", "quarter", "2024-Q2", True),
    ("2024", "month", "2024", False),
    ("2024", "quarter", "2024", False),
    ("2024", "year", "2024", True),
]


@pytest.mark.parametrize(("date", "by", "period", "precise"), PERIODS)
def test_timeline_period_of_a_date(date, by, period, precise):
    assert period_of(date, by) == (period, precise)


# (first, last, by, every period between)
SPANS = [
    ("2023-11", "2024-02", "month", ["2023-11", "2023-12", "2024-01", "2024-02"]),
    ("2023-Q3", "2024-Q2", "quarter", ["2023-Q3", "2023-Q4", "2024-Q1", "2024-Q2"]),
    ("2019", "2021", "year", ["2019", "2020", "2021"]),
    ("2024-05", "2024-05", "month", ["2024-05"]),
]


@pytest.mark.parametrize(("first", "last", "by", "expected"), SPANS)
def test_timeline_periods_run_without_gaps(first, last, by, expected):
    assert periods(first, last, by) == expected


def _iris(turtle: str) -> str:
    """``id:city/500000`` written as a full IRI (a Turtle local name holds no ``/``)."""
    return re.sub(r"\bid:([^\s,;]+)", lambda m: f"<{ID}{m.group(1)}>", turtle)


def _agreement(key: str, date: str | None, parties: list[str], title: str = "合作协议") -> str:
    signed = f'; cy:signedOn "{date}"' if date else ""
    party = f"; cy:party {', '.join(parties)}" if parties else ""
    return _iris(
        f'id:agreement/{key} a cy:Agreement ; rdfs:label "{title}"@zh {signed} {party} .\n'
    )


#: Parties whose jurisdictions take each form the region rules read.
PARTIES = f"""@prefix cy: <{CY}> . @prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .
id:city/500000 a cy:City ; rdfs:label "重庆市"@zh ; cy:divisionCode "500000" .
id:city/510100 a cy:City ; rdfs:label "成都市"@zh ; cy:divisionCode "510100" .
id:district/510116 a cy:District ; rdfs:label "双流区"@zh ; cy:divisionCode "510116" .
id:district/500109 a cy:District ; rdfs:label "北碚区"@zh ; cy:divisionCode "500109" .
id:district/450000 a cy:City ; rdfs:label "广西壮族自治区"@zh ; cy:divisionCode "450000" .
id:science-city/成都某科学城 a cy:ScienceCity ; rdfs:label "成都某科学城"@zh ;
    cy:includesDistrict id:district/510116 .
id:science-city/两地科学城 a cy:ScienceCity ; rdfs:label "两地科学城"@zh ;
    cy:includesDistrict id:district/510116 , id:district/500109 .
id:country/RU a cy:Country ; rdfs:label "俄罗斯"@zh ; cy:countryCode "RU" .
id:agency/cq a cy:Agency ; rdfs:label "重庆市某局"@zh ; cy:jurisdiction id:city/500000 .
id:agency/beibei a cy:Agency ; rdfs:label "北碚区某局"@zh ; cy:jurisdiction id:district/500109 .
id:agency/cd a cy:Agency ; rdfs:label "成都市某局"@zh ; cy:jurisdiction id:city/510100 .
id:agency/sl a cy:Agency ; rdfs:label "双流区某局"@zh ; cy:jurisdiction id:district/510116 .
id:agency/sc a cy:Agency ; rdfs:label "成都某科学城管委会"@zh ; cy:jurisdiction id:science-city/成都某科学城 .
id:agency/both a cy:Agency ; rdfs:label "两地科学城管委会"@zh ; cy:jurisdiction id:science-city/两地科学城 .
id:agency/gx a cy:Agency ; rdfs:label "广西壮族自治区某厅"@zh ; cy:jurisdiction id:district/450000 .
id:agency/ru a cy:Agency ; rdfs:label "俄罗斯某部"@zh ; cy:jurisdiction id:country/RU .
id:organization/co a cy:Organization ; rdfs:label "某公司"@zh .
"""
PARTIES = _iris(PARTIES)

# (parties, the pair)
PAIRS = [
    (["id:agency/cq", "id:agency/cd"], "重庆–四川"),
    (["id:agency/cd", "id:agency/cq"], "重庆–四川"),
    (["id:agency/sl", "id:agency/beibei"], "重庆–四川"),
    (["id:agency/sc", "id:agency/cq"], "重庆–四川"),
    (["id:agency/cd", "id:agency/sl"], "四川"),
    (["id:agency/cq", "id:agency/gx"], "广西–重庆"),
    (["id:agency/ru", "id:agency/cd"], "四川–俄罗斯"),
    (["id:organization/co", "id:agency/cq"], "重庆–?"),
    (["id:agency/both", "id:agency/cq"], "重庆–?"),
    ([], "?"),
]


@pytest.mark.parametrize(("parties", "pair"), PAIRS)
def test_timeline_region_pair_whichever_party_comes_first(tmp_path, parties, pair):
    path = tmp_path / "pairs.ttl"
    path.write_text(PARTIES + _agreement("a", "2024-03-04", parties), encoding="utf-8")
    with open_graph(path) as graph:
        result = agreement_timeline(graph, pair=True)
    assert [(r.period, r.pair, r.agreements) for r in result.all_rows] == [("2024-03", pair, 1)]


def test_timeline_counts_each_agreement_once_at_its_earliest_date(tmp_path):
    path = tmp_path / "dates.ttl"
    body = (
        _agreement("a", "2024-05-06", ["id:agency/cq"])
        + f'<{ID}agreement/a> cy:signedOn "2023-12-01" .\n'
        + _agreement("b", "2024", ["id:agency/cq"])
        + _agreement("c", None, ["id:agency/cq"])
        + _agreement("d", "2024-05", ["id:agency/cd"])
    )
    path.write_text(PARTIES + body, encoding="utf-8")
    with open_graph(path) as graph:
        by_month = agreement_timeline(graph, by="month", pair=True)
        by_year = agreement_timeline(graph, by="year")
    assert [(r.period, r.pair, r.agreements) for r in by_month.all_rows] == [
        ("2023-12", "重庆", 1),
        ("2024-05", "四川", 1),
        ("2024", "重庆", 1),
        ("undated", "重庆", 1),
    ]
    assert (len(by_month.rows), len(by_month.coarse), len(by_month.undated)) == (2, 1, 1)
    assert [(r.period, r.agreements) for r in by_year.all_rows] == [
        ("2023", 1),
        ("2024", 2),
        ("undated", 1),
    ]


# (title, parties' names, sector)
SECTORS = [
    ("共建世界级先进汽车产业集群战略合作协议", [], "汽车"),
    ("共建西部金融中心合作协议", [], "金融"),
    ("加强双核创新联动 推进共建具有全国影响力的科技创新中心合作协议", [], "科技创新"),
    ("推进成渝地区双城经济圈建设携手共促巴蜀文化旅游走廊建设战略合作协议", [], "文化旅游"),
    ("智能制造合作备忘录", [], "制造业"),
    ("同城化发展战略合作协议", [], "区域协同"),
    ("深化产业协同发展战略合作协议", [], "产业"),
    ("战略合作框架协议", ["重庆市科学技术局", "成都市科学技术局"], "科技创新"),
    ("战略合作框架协议", ["某市商务局", "某省商务厅", "某市交通运输局"], "商贸"),
    ("战略合作框架协议", ["某市人民政府"], "其他"),
    ("合作协议", [], "其他"),
]


@pytest.mark.parametrize(("title", "parties", "sector"), SECTORS)
def test_timeline_sector_of_a_title(title, parties, sector):
    assert sector_of(title, parties) == sector


# (code, province)
PROVINCES = [
    ("510100", "四川"),
    ("500109", "重庆"),
    ("450000", "广西"),
    ("820000", "澳门"),
    ("150200", "内蒙古"),
    ("650100", "新疆"),
    ("999999", None),
    ("51", None),
]


@pytest.mark.parametrize(("code", "province"), PROVINCES)
def test_timeline_province_of_a_code(code, province):
    assert province_name(code) == province


@pytest.fixture(scope="module")
def corpus_timeline(corpus_graph):
    with open_graph(corpus_graph) as graph:
        return agreement_timeline(graph, by="quarter", pair=True, sector=True)


def test_timeline_csv_and_json_hold_every_row(corpus_timeline):
    rows = list(csv.DictReader(format_timeline(corpus_timeline, "csv").splitlines()))
    assert [tuple(r.values()) for r in rows] == [
        (r.period, r.pair, r.sector, str(r.agreements)) for r in corpus_timeline.all_rows
    ]
    data = json.loads(format_timeline(corpus_timeline, "json"))
    assert data["agreements"] == sum(r["agreements"] for r in data["rows"])
    assert data["undated"] == corpus_timeline.total(corpus_timeline.undated)
    assert data["columns"] == ["period", "pair", "sector", "agreements"]


# (format, how the first line starts, how the last line starts)
TEXTS = [
    ("table", "period", "("),
    ("markdown", "| period | pair | sector | agreements |", ""),
]


@pytest.mark.parametrize(("fmt", "first", "last"), TEXTS)
def test_timeline_table_and_markdown_show_every_row(corpus_timeline, fmt, first, last):
    text = format_timeline(corpus_timeline, fmt)
    lines = text.splitlines()
    assert lines[0].startswith(first) and lines[-1].startswith(last)
    assert f"{corpus_timeline.total()} agreements" in lines[-1]
    body = [line for line in lines if line.startswith(("20", "| 20", "undated", "| undated"))]
    assert len(body) == len(corpus_timeline.all_rows)


def test_timeline_chart_bars_are_the_counts(corpus_timeline):
    chart = timeline_chart(corpus_timeline)
    per_period: dict[str, int] = {}
    for bar in chart.bars:
        per_period[bar.period] = per_period.get(bar.period, 0) + bar.count
    assert per_period == corpus_timeline.per_period()
    ratios = {round(bar.height / bar.count, 6) for bar in chart.bars}
    assert len(ratios) == 1  # heights are proportional to the counts
    assert sum(b.count for b in chart.totals) == corpus_timeline.total()
    assert timeline_html(corpus_timeline) == timeline_html(corpus_timeline)  # deterministic


# (options, the file, what it must hold)
OUTPUTS = [
    (["--by", "year"], "t.html", "<svg"),
    (["--pair", "-f", "csv"], "t.csv", "period,pair,agreements"),
    (["--sector", "-f", "markdown"], "t.md", "| period | sector | agreements |"),
]


@pytest.mark.parametrize(("options", "name", "holds"), OUTPUTS)
def test_timeline_cli_writes_a_file(capsys, corpus_graph, tmp_path, options, name, holds):
    target = tmp_path / name
    assert main(["timeline", str(corpus_graph), *options, "-o", str(target)]) == 0
    assert holds in target.read_text(encoding="utf-8")
    out, err = capsys.readouterr()
    assert out == "" and err.startswith(f"wrote {target} (")


def test_timeline_cli_prints_the_table(capsys, corpus_graph):
    assert main(["timeline", str(corpus_graph), "--by", "year"]) == 0
    out = capsys.readouterr().out
    assert out.splitlines()[0].split() == ["period", "agreements"]
    assert "undated" in out
