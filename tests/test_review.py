"""Samples for judging by hand (kg sample) and the precision of judged samples (kg eval)."""

from __future__ import annotations

import csv
import datetime
import json
import re
from dataclasses import replace

import pytest
from rdflib import RDF, Literal, URIRef
from rdflib.namespace import RDFS

from kg.cli import main
from kg.errors import KgError
from kg.io.rdflib_writers import generate_turtle
from kg.model.iri import span_of
from kg.model.provenance import Spans, sentence_of
from kg.model.triples import to_dataset
from kg.namespace import CY
from kg.records import Document, Extraction
from kg.review import (
    COLUMNS,
    ReviewError,
    ReviewRow,
    agreement_coverage,
    format_judgements,
    generate_html,
    judgement_report,
    parse_verdict,
    read_judgements,
    sample_graph,
    wilson_interval,
    write_review,
)
from kg.sparql import FileGraph

from .fixtures_seed import _AGREEMENTS as _MINI_AGREEMENTS
from .fixtures_seed import _SENTENCES as _MINI_SENTENCES
from .fixtures_seed import SEED_ID, load

pytest_plugins = ["tests.fixtures_seed"]

ENTITY_KINDS = ["Agency", "Organization", "Agreement", "ScienceCity", "District", "City", "Project"]


def _rows(directory, per_class=3, seed=0, kinds=None):
    return sample_graph(directory, per_class, seed, kinds=kinds)


def _kinds(rows):
    return list(dict.fromkeys(r.kind for r in rows))


# --------------------------------------------------------------------------- sampling


@pytest.mark.parametrize("seed", [0, 7])
def test_review_sampling_is_reproducible(graph_dir, seed):
    first = _rows(graph_dir, seed=seed)
    assert first == _rows(graph_dir, seed=seed)
    assert [r.surface_start for r in first] == [
        r.surface_start for r in _rows(graph_dir, seed=seed)
    ]


def test_review_sampling_depends_on_the_seed(seed_dir):
    draws = {tuple(r.entity for r in _rows(seed_dir, seed=s)) for s in range(4)}
    assert len(draws) > 1


def test_review_sampling_is_the_same_whatever_engine_reads_the_graph(mini_dir):
    rdflib_rows = sample_graph(FileGraph(mini_dir, engine="rdflib"), 2, 3)
    assert rdflib_rows == _rows(mini_dir, per_class=2, seed=3)


def test_review_sampling_reads_a_store_as_its_graph_file(seed_dir, tmp_path):
    from kg.build import build

    from .conftest import SEED

    build([SEED], store=tmp_path / "store", validate=False, html=False)
    assert _rows(tmp_path / "store", seed=2) == _rows(seed_dir, seed=2)


SIZES = [
    # (per_class, kinds, expected kinds)
    (1, None, [*ENTITY_KINDS, "party", "signedOn"]),
    (2, ["Project", "Agency"], ["Agency", "Project"]),
    (3, ["party"], ["party"]),
    (4, ["signedOn", "City"], ["City", "signedOn"]),
]


def test_review_sampling_a_known_class_without_instances_draws_nothing(mini_dir):
    graph = load(mini_dir)
    assert not set(graph.subjects(RDF.type, CY.Organization))
    assert _rows(mini_dir, per_class=2, kinds=["Organization"]) == []


@pytest.mark.parametrize(("per_class", "kinds", "expected"), SIZES)
def test_review_sampling_respects_per_class_and_classes(seed_dir, per_class, kinds, expected):
    rows = _rows(seed_dir, per_class=per_class, kinds=kinds)
    assert _kinds(rows) == expected
    graph = load(seed_dir)
    for kind in expected:
        drawn = [r for r in rows if r.kind == kind]
        if kind in ("party", "signedOn"):
            available = len(set(graph.subjects(RDF.predicate, CY[kind])))
        else:
            available = len(set(graph.subjects(RDF.type, CY[kind])))
        assert len(drawn) == min(per_class, available)
        assert len({(r.entity, r.value, r.sentence) for r in drawn}) == len(drawn)
    assert [r.row for r in rows] == [str(i) for i in range(1, len(rows) + 1)]


def test_review_sampling_takes_all_when_fewer_than_asked(mini_dir):
    rows = _rows(mini_dir, per_class=1000, kinds=["ScienceCity"])
    assert sorted(r.label for r in rows) == ["西部(成都)科学城", "西部(重庆)科学城"]


def test_review_every_sentence_contains_its_surface(graph_dir):
    rows = _rows(graph_dir, per_class=50)
    assert rows
    for row in rows:
        assert row.surface, row
        assert row.surface in row.sentence, row
        if row.surface_start is not None:
            start = row.surface_start
            assert row.sentence[start : start + len(row.surface)] == row.surface
        assert row.document == "000_8ad9febdc21e1cf6"


def test_review_entity_rows_are_instances_with_their_label(graph_dir):
    graph = load(graph_dir)
    for row in _rows(graph_dir, per_class=50, kinds=ENTITY_KINDS):
        entity = URIRef(row.entity)
        assert (entity, RDF.type, CY[row.kind]) in graph
        assert row.label in {str(o) for o in graph.objects(entity, RDFS.label)}
        assert row.value == ""


def _assertion_exists(graph, row) -> bool:
    agreement = URIRef(row.entity)
    for assertion in graph.subjects(RDF.predicate, CY[row.kind]):
        if graph.value(assertion, RDF.subject) != agreement:
            continue
        obj = graph.value(assertion, RDF.object)
        sentence = sentence_of(graph, graph.value(assertion, CY.span))
        if Spans(graph).text(sentence) != row.sentence:
            continue
        if row.kind == "party" and row.value in {str(o) for o in graph.objects(obj, RDFS.label)}:
            return True
        if row.kind == "signedOn" and isinstance(obj, Literal) and str(obj) == row.value:
            return True
    return False


@pytest.mark.parametrize("kind", ["party", "signedOn"])
def test_review_fact_rows_come_from_assertions(graph_dir, kind):
    graph = load(graph_dir)
    rows = _rows(graph_dir, per_class=50, kinds=[kind])
    assert rows
    for row in rows:
        assert _assertion_exists(graph, row), row
        assert (URIRef(row.entity), RDF.type, CY.Agreement) in graph
    if kind == "signedOn":
        assert {r.value for r in rows} == {"2021-12-17"}


def test_review_signing_rows_are_the_sentences_that_tell_of_a_signing(mini_dir):
    rows = _rows(mini_dir, per_class=50, kinds=["signing"])
    # the twin's first five sentences sign its five agreements; the others sign nothing
    assert sorted(r.sentence for r in rows) == sorted(_MINI_SENTENCES[:5])
    graph = load(mini_dir)
    text = str(next(graph.objects(None, CY.text)))
    for row in rows:
        doc, start, end = span_of(row.entity)
        assert text[start:end] == row.sentence
        assert (URIRef(doc), RDF.type, CY.Document) in graph
        assert (row.kind, row.document, row.published) == ("signing", SEED_ID, "2021-12-18")


@pytest.mark.parametrize("index", range(5))
def test_review_signing_rows_say_what_was_read_there(mini_dir, index):
    label, sentence, parties = _MINI_AGREEMENTS[index]
    (row,) = [
        r
        for r in _rows(mini_dir, per_class=50, kinds=["signing"])
        if r.sentence == _MINI_SENTENCES[sentence]
    ]
    party_labels = "、".join(sorted(p for p, _surface, _city in parties))
    assert row.value == f"《{label}》 parties: {party_labels}; signedOn: 2021-12-17"


def test_review_signing_rows_show_a_signing_read_as_nothing(tmp_path):
    # a contract signed is no agreement: the row shows that nothing was read there
    text = "甲公司与乙公司签订了劳动合同。今天天气很好。"
    doc = Document(id="contract", text=text, published=datetime.date(2024, 1, 2))
    (tmp_path / "graph.ttl").write_text(
        generate_turtle(to_dataset([Extraction(doc)])), encoding="utf-8"
    )
    rows = _rows(tmp_path, per_class=5, kinds=["signing"])
    assert [(r.sentence, r.value) for r in rows] == [
        ("甲公司与乙公司签订了劳动合同。", "(nothing)")
    ]


def test_review_signing_rows_leave_the_other_rows_as_they_were(seed_dir):
    alone = _rows(seed_dir, per_class=3, seed=4, kinds=["Agency", "party"])
    both = _rows(seed_dir, per_class=3, seed=4, kinds=["Agency", "party", "signing"])
    assert both[: len(alone)] == alone
    assert {r.kind for r in both[len(alone) :]} == {"signing"}
    assert both == _rows(seed_dir, per_class=3, seed=4, kinds=["Agency", "party", "signing"])


def test_review_signing_rows_are_drawn_only_when_asked(seed_dir):
    assert "signing" not in _kinds(_rows(seed_dir, per_class=2))


def test_review_report_keeps_signing_rows_out_of_the_total():
    rows = [ReviewRow(str(i), "Agency", "e", "l", judgement="correct") for i in range(4)]
    rows += [ReviewRow("p", "party", "e", "l", judgement="correct")] * 2
    rows += [ReviewRow("s", "signing", "e", "", judgement="wrong")] * 4
    report = judgement_report(rows)
    assert (report.total.judged, report.total.correct) == (6, 6)
    assert report.kinds["signing"].precision == 0.0
    table = format_judgements(report)
    assert table.index("all ") < table.index("signing ")
    assert "what it missed" in table


def test_review_agreement_coverage_counts_the_graph(graph_dir):
    coverage = agreement_coverage(graph_dir)
    assert coverage.agreements >= 5
    assert coverage.with_party == coverage.with_date == 5
    assert 0 < coverage.party_share <= 1


BAD_SAMPLES = [
    ({"per_class": 0}, "at least 1"),
    ({"per_class": -3}, "at least 1"),
    ({"kinds": ["Agncy"]}, "unknown class 'Agncy' (choose from Agency,"),
    ({"kinds": ["Agency", "parties", "x"]}, "unknown classes 'parties', 'x'"),
]


@pytest.mark.parametrize(("options", "message"), BAD_SAMPLES)
def test_review_bad_sample_options_raise_one_line(mini_dir, options, message):
    args = {"per_class": 2, "kinds": None, **options}
    with pytest.raises(ReviewError, match=re.escape(message)) as info:
        sample_graph(mini_dir, args["per_class"], 0, kinds=args["kinds"])
    assert isinstance(info.value, KgError) and "\n" not in str(info.value)


# --------------------------------------------------------------------------- writing and reading


def test_review_csv_round_trips_through_read_judgements(seed_dir, tmp_path):
    rows = _rows(seed_dir, per_class=2)
    path = write_review(rows, tmp_path / "review.csv")
    data = path.read_bytes()
    assert data.startswith(b"\xef\xbb\xbf" + ",".join(COLUMNS).encode() + b"\r\n")
    assert read_judgements(path) == rows
    assert [p.name for p in tmp_path.iterdir()] == ["review.csv"]  # no temporary left


def test_review_html_is_offline_marks_mentions_and_carries_the_columns(mini_dir, tmp_path):
    rows = _rows(mini_dir, per_class=2)
    page = write_review(rows, tmp_path / "review.html").read_text(encoding="utf-8")
    assert not re.search(r"""(src|href)\s*=\s*["']?(https?:)?//""", page)
    assert "<link" not in page and "__ROWS__" not in page and "__DATA__" not in page
    assert page.count("<select class=judgement") == len(rows)
    assert page.count("<textarea class=note") == len(rows)
    assert page.count("<mark>") == len(rows)
    for verdict in ("correct", "partial", "wrong"):
        assert f'<option value="{verdict}">' in page
    blob = re.search(r'<script type="application/json" id="review-data">(.*?)</script>', page, re.S)
    data = json.loads(blob.group(1))
    assert data["columns"] == list(COLUMNS)
    assert data["rows"] == [r.as_record() for r in rows]


def test_review_html_escapes_what_it_shows():
    row = ReviewRow(
        "1",
        "Project",
        "https://example.org/p",
        "<b>x</b>",
        surface="</script>",
        sentence="甲</script>乙<!--丙",
        note="__DATA__ __ROWS__",
    )
    page = generate_html([row])
    body = page.split("<tbody>")[1].split("</tbody>")[0]
    assert "<b>" not in body and "<!--" not in body
    assert "<mark>&lt;/script&gt;</mark>" in body
    assert page.count("</script>") == 2  # the page's own two scripts
    assert page.count("<!--") == 1  # the template's comment
    assert body.count("__DATA__ __ROWS__") == 1  # the note, not taken for placeholders
    blob = re.search(r'id="review-data">(.*?)</script>', page, re.S).group(1)
    assert json.loads(blob)["rows"][0]["sentence"] == row.sentence


VERDICT_SPELLINGS = [
    ("correct", "correct"),
    ("CORRECT", "correct"),
    (" y ", "correct"),
    ("1", "correct"),
    ("✓", "correct"),
    ("Partial", "partial"),
    ("wrong", "wrong"),
    ("N", "wrong"),
    ("0", "wrong"),
    ("✗", "wrong"),
    ("", ""),
    ("  ", ""),
]


@pytest.mark.parametrize(("text", "verdict"), VERDICT_SPELLINGS)
def test_review_reads_verdict_spellings(text, verdict):
    assert parse_verdict(text) == verdict


def _judged(tmp_path, verdicts, *, encoding="utf-8-sig", delimiter=","):
    path = tmp_path / "judged.csv"
    with path.open("w", encoding=encoding, newline="") as handle:
        writer = csv.writer(handle, delimiter=delimiter)
        writer.writerow(COLUMNS)
        for i, (kind, verdict) in enumerate(verdicts, start=1):
            writer.writerow(
                [i, kind, f"https://example.org/{i}", "重庆市科技局", "", "", "", ""]
                + ["句子。", verdict, ""]
            )
    return path


BAD_VERDICTS = [
    ([("Agency", "correct"), ("Agency", "maybe")], "row 2 (line 3): judgement 'maybe'"),
    ([("Agency", "yes please")], "row 1 (line 2): judgement 'yes please' is not one of"),
    ([("Agency", "?")], "correct, partial, wrong (or y/n, 1/0, ✓/✗; empty for not judged)"),
]


@pytest.mark.parametrize(("verdicts", "message"), BAD_VERDICTS)
def test_review_bad_verdicts_name_the_row(tmp_path, verdicts, message):
    with pytest.raises(ReviewError, match=re.escape(message)):
        read_judgements(_judged(tmp_path, verdicts))


@pytest.mark.parametrize(
    ("encoding", "delimiter"), [("utf-8-sig", ","), ("utf-8", ";"), ("gb18030", "\t")]
)
def test_review_reads_what_spreadsheets_save(tmp_path, encoding, delimiter):
    path = _judged(
        tmp_path, [("Agency", "y"), ("City", "")], encoding=encoding, delimiter=delimiter
    )
    rows = read_judgements(path)
    assert [(r.kind, r.label, r.judgement) for r in rows] == [
        ("Agency", "重庆市科技局", "correct"),
        ("City", "重庆市科技局", ""),
    ]


def test_review_judgements_need_kind_and_judgement_columns(tmp_path):
    path = tmp_path / "judged.csv"
    path.write_text("row,label\n1,x\n", encoding="utf-8")
    with pytest.raises(ReviewError, match="no 'kind' or 'judgement' column"):
        read_judgements(path)


BAD_SUFFIXES = [
    ("review.xlsx", "unknown output suffix '.xlsx' (use .csv, .html, .htm)"),
    ("review", "unknown output suffix '(none)'"),
]


@pytest.mark.parametrize(("name", "message"), BAD_SUFFIXES)
def test_review_bad_suffixes_raise_one_line(tmp_path, name, message):
    with pytest.raises(ReviewError, match=re.escape(message)):
        write_review([], tmp_path / name)
    assert not any(tmp_path.iterdir())


# --------------------------------------------------------------------------- scoring

WILSON = [
    # (correct, n, low, high): standard Wilson score 95% intervals
    (38, 40, 0.8350, 0.9862),
    (81, 100, 0.7222, 0.8749),
    (0, 10, 0.0, 0.2775),
    (10, 10, 0.7225, 1.0),
    (1, 2, 0.0945, 0.9055),
    (0, 0, 0.0, 1.0),
]


@pytest.mark.parametrize(("correct", "n", "low", "high"), WILSON)
def test_review_wilson_interval_matches_known_values(correct, n, low, high):
    got = wilson_interval(correct, n)
    assert got == pytest.approx((low, high), abs=5e-5)


REPORTS = [
    # (verdicts of one kind, judged, correct, partial, wrong, precision, lenient)
    (["correct"] * 38 + ["wrong"] * 2, 40, 38, 0, 2, 0.95, 0.95),
    (["correct", "partial", "wrong", ""], 3, 1, 1, 1, 1 / 3, 2 / 3),
    (["", ""], 0, 0, 0, 0, None, None),
]


@pytest.mark.parametrize(
    ("verdicts", "judged", "correct", "partial", "wrong", "precision", "lenient"), REPORTS
)
def test_review_report_counts_verdicts_per_kind(
    verdicts, judged, correct, partial, wrong, precision, lenient
):
    rows = [ReviewRow(str(i), "Agency", "e", "l", judgement=v) for i, v in enumerate(verdicts)]
    score = judgement_report(rows).kinds["Agency"]
    assert (score.rows, score.judged, score.correct, score.partial, score.wrong) == (
        len(verdicts),
        judged,
        correct,
        partial,
        wrong,
    )
    assert score.precision == (pytest.approx(precision) if precision is not None else None)
    assert score.lenient == (pytest.approx(lenient) if lenient is not None else None)


def test_review_report_table_and_json_give_the_interval():
    rows = [ReviewRow(str(i), "party", "e", "l", judgement="correct") for i in range(38)]
    rows += [ReviewRow("x", "party", "e", "l", judgement="wrong", note="not a party")] * 2
    report = judgement_report(rows)
    assert "0.950  [0.835, 0.986]" in format_judgements(report)
    data = report.as_dict()
    assert data["kinds"]["party"]["ci95"] == [0.835, 0.9862]
    assert [r["note"] for r in data["flagged"]] == ["not a party"] * 2


# --------------------------------------------------------------------------- command line


def test_review_cli_sample_then_eval(seed_dir, tmp_path, capsys):
    out = tmp_path / "review.csv"
    assert main(["sample", str(seed_dir), "--per-class", "2", "--seed", "5", "-o", str(out)]) == 0
    summary = capsys.readouterr().out
    assert re.search(r"^party\s+2$", summary, re.M)
    assert "agreements: 5; with a party: 5 (100%); with a signing date: 5 (100%)" in summary
    with out.open(encoding="utf-8-sig", newline="") as handle:
        table = list(csv.reader(handle))
    for line in table[1:]:
        line[COLUMNS.index("judgement")] = "✓"
    with out.open("w", encoding="utf-8-sig", newline="") as handle:
        csv.writer(handle).writerows(table)
    assert main(["eval", "--judgements", str(out), "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["all"]["judged"] == len(table) - 1
    assert data["kinds"]["party"]["precision"] == 1.0


def test_review_cli_samples_signings_and_scores_them_apart(seed_dir, tmp_path, capsys):
    out = tmp_path / "signings.csv"
    argv = ["sample", str(seed_dir), "-n", "3", "--classes", "signing,party", "-o", str(out)]
    assert main(argv) == 0
    assert re.search(r"^signing\s+3$", capsys.readouterr().out, re.M)
    rows = read_judgements(out)
    judged = [replace(r, judgement="correct" if r.kind == "party" else "wrong") for r in rows]
    write_review(judged, out)
    assert main(["eval", "--judgements", str(out)]) == 0
    table = capsys.readouterr().out
    assert re.search(r"^signing\s+3\s+0\s+0\s+3\s+0\.000", table, re.M)
    assert "not part of all" in table


CLI_CASES = [
    # (argv with {graph} and {tmp}, exit code, what stderr says)
    (["sample", "{graph}", "-n", "1", "-o", "{tmp}/r.html"], 0, ""),
    (["sample", "{graph}", "-n", "1", "-o", "{tmp}/r.xlsx"], 2, "unknown output suffix '.xlsx'"),
    (["sample", "{graph}", "-n", "0", "-o", "{tmp}/r.csv"], 2, "at least 1"),
    (["sample", "{graph}", "--classes", "Foo", "-o", "{tmp}/r.csv"], 2, "unknown class 'Foo'"),
    (["sample", "{tmp}/missing", "-o", "{tmp}/r.csv"], 2, "no such graph file"),
    (["eval", "--judgements", "{tmp}/missing.csv"], 2, "no such judgements file"),
]


@pytest.mark.parametrize(("argv", "code", "message"), CLI_CASES)
def test_review_cli_exit_codes(mini_dir, tmp_path, capsys, argv, code, message):
    args = [a.format(graph=mini_dir, tmp=tmp_path) for a in argv]
    assert main(args) == code
    err = capsys.readouterr().err
    assert message in err
    assert err.count("\n") == (1 if code else 0)


@pytest.mark.parametrize(
    "argv", [["eval"], ["eval", "gold.json"], ["eval", "gold", "graph", "--judgements", "j.csv"]]
)
def test_review_cli_eval_needs_gold_and_graph_or_judgements(capsys, argv):
    with pytest.raises(SystemExit) as info:
        main(argv)
    assert info.value.code == 2
    assert "--judgements" in capsys.readouterr().err
