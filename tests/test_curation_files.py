"""Corrections and lexicon files as ``kg build`` reads them: a bad file is one clear line and
exit code 2 before anything is built; a correction that changes nothing is listed, a
warning, and an error with ``--strict``."""

from __future__ import annotations

import pytest
from rdflib import Graph, Literal, URIRef
from rdflib.namespace import DCTERMS, PROV, XSD

from kg.build import build
from kg.cli import main
from kg.curation import read_lexicon
from kg.model import iri

from .conftest import ROOT, SEED

# An article of our own: two bureaus sign an agreement on a day of a stated year.
ARTICLE = "2023年3月9日，重庆市科技局与成都市科技局签署《共建星河算力走廊合作协议》。"

_GOOD = """
[[correction]]
id = "alias-1"
kind = "add-alias"
entity = "重庆市科学技术局"
alias = "重庆科技局"
why = "written so in other reports"
who = "Chen Jing"
when = {when}
"""


@pytest.fixture
def article(tmp_path):
    path = tmp_path / "a1.txt"
    path.write_text(ARTICLE, encoding="utf-8")
    return path


def _build(tmp_path, article, *options):
    return main(["build", str(article), "--out", str(tmp_path / "out"), "--no-html", *options])


def _one_line_error(capsys, *parts):
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1, err
    assert err[0].startswith("kg build: error: "), err
    for part in parts:
        assert part in err[0], err


#: (what is wrong, the file's text, words the message must hold)
BAD_CORRECTIONS = [
    ("toml syntax", '[[correction]\nid = "x"\n', ["not valid TOML", "line 1"]),
    ("unknown kind", _GOOD.replace("add-alias", "add-nickname").format(when="2024-01-02"), ["alias-1", "unknown kind 'add-nickname'"]),
    ("missing why", _GOOD.replace('why = "written so in other reports"\n', "").format(when="2024-01-02"), ["correction 1 (alias-1)", "missing field 'why'"]),
    ("missing kind field", _GOOD.replace('alias = "重庆科技局"\n', "").format(when="2024-01-02"), ["missing field 'alias'"]),
    ("misspelt field", _GOOD.replace("entity =", "entiy =").format(when="2024-01-02"), ["unknown field 'entiy'"]),
    ("empty string", _GOOD.replace('who = "Chen Jing"', 'who = " "').format(when="2024-01-02"), ["'who' must be a non-empty string"]),
    ("bad when", _GOOD.format(when='"soon"'), ["'when' must be a date"]),
    ("bad class", _GOOD.replace('alias = "重庆科技局"', 'alias = "x"\nclass = "Bureau"').format(when="2024-01-02"), ["'class' is one of"]),
    ("duplicate id", (_GOOD + _GOOD).format(when="2024-01-02"), ["correction 2", "also correction 1"]),
    ("not a table array", 'correction = "reject everything"\n', ["array of tables"]),
    ("unknown table", '[[corection]]\nid = "x"\n', ["unknown key 'corection'"]),
    ("bad date", '[[correction]]\nid="d"\nkind="set-date"\nagreement="x"\ndate="2023-13"\nwhy="w"\nwho="v"\n', ["'date' must be a date"]),
    ("mention unnamed", '[[correction]]\nid="m"\nkind="reject-mention"\ndocument="a1"\nwhy="w"\nwho="v"\n', ["needs 'offset', or 'sentence' and 'mention'"]),
    ("negative offset", '[[correction]]\nid="m"\nkind="reject-mention"\ndocument="a1"\noffset=-3\nwhy="w"\nwho="v"\n', ["'offset' must be"]),
    ("to country", '[[correction]]\nid="c"\nkind="set-class"\nentity="x"\nto="Country"\nwhy="w"\nwho="v"\n', ["cannot be Country"]),
    ("party class", '[[correction]]\nid="p"\nkind="add-party"\nagreement="x"\nparty="y"\nparty_class="Project"\nwhy="w"\nwho="v"\n', ["Agency or Organization"]),
]  # fmt: skip


@pytest.mark.parametrize(
    ("case", "text", "words"), BAD_CORRECTIONS, ids=[c[0] for c in BAD_CORRECTIONS]
)
def test_curation_files_bad_corrections_stop_the_build(
    tmp_path, article, capsys, case, text, words
):
    path = tmp_path / "corrections.toml"
    path.write_text(text, encoding="utf-8")
    assert _build(tmp_path, article, "--corrections", str(path)) == 2
    _one_line_error(capsys, str(path), *words)
    assert not (tmp_path / "out" / "graph.ttl").exists()


def test_curation_files_missing_corrections_file(tmp_path, article, capsys):
    assert _build(tmp_path, article, "--corrections", str(tmp_path / "none.toml")) == 2
    _one_line_error(capsys, "none.toml", "no such corrections file")


#: (what is wrong, the file's name, its text, words the message must hold)
BAD_LEXICONS = [
    ("unknown class", "names.tsv", "星河局\tBureau\n", ["names.tsv:1", "class is one of"]),
    ("no name", "names.tsv", "name\tclass\n\tAgency\n", ["names.tsv:2", "no name"]),
    ("unknown place", "names.tsv", "星河局\tAgency\t火星市\n", ["jurisdiction '火星市'"]),
    ("district in a district", "names.tsv", "星河区\tDistrict\t北碚区\n", ["lies in a city or province"]),
    ("code of a project", "names.tsv", "星河港\tProject\t\t500109\n", ["six-digit GB/T 2260 code"]),
    ("two names alike", "names.tsv", "星河局\tAgency\t\t\t星河\n星河港\tProject\t\t\t星河\n", ["names.tsv:2", "星河 is written for 星河局 too"]),
    ("toml syntax", "names.toml", "[[name]\n", ["not valid TOML"]),
    ("toml field", "names.toml", '[[name]]\nname = "星河局"\nclass = "Agency"\nplace = "重庆市"\n', ["name 1", "unknown field 'place'"]),
    ("other suffix", "names.csv", "星河局,Agency\n", ["a .tsv or a .toml file"]),
]  # fmt: skip


@pytest.mark.parametrize(
    ("case", "name", "text", "words"), BAD_LEXICONS, ids=[c[0] for c in BAD_LEXICONS]
)
def test_curation_files_bad_lexicons_stop_the_build(
    tmp_path, article, capsys, case, name, text, words
):
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    assert _build(tmp_path, article, "--lexicon", str(path)) == 2
    _one_line_error(capsys, *words)
    assert not (tmp_path / "out" / "graph.ttl").exists()


_STALE = """
[[correction]]
id = "gone-1"
kind = "rename"
entity = "已撤销的星河局"
label = "星河管理局"
why = "an agency renamed in an older build"
who = "Chen Jing"
"""


@pytest.mark.parametrize(("strict", "code", "graph_written"), [(False, 0, True), (True, 2, False)])
def test_curation_files_corrections_that_change_nothing_are_listed(
    tmp_path, article, capsys, strict, code, graph_written
):
    path = tmp_path / "corrections.toml"
    path.write_text(_GOOD.format(when="2024-01-02") + _STALE, encoding="utf-8")
    assert (
        _build(tmp_path, article, "--corrections", str(path), *(["--strict"] if strict else []))
        == code
    )
    out, err = capsys.readouterr()
    assert (tmp_path / "out" / "graph.ttl").exists() is graph_written
    if strict:
        assert err.strip().splitlines() == [
            f"kg build: error: {path}: 1 of 2 corrections changed nothing (--strict): "
            "gone-1 (rename 已撤销的星河局)"
        ]
    else:
        assert "corrections: 1 of 2 applied (add-alias 1)" in out
        assert "    gone-1 (rename 已撤销的星河局)" in out.splitlines()
        assert err.strip().splitlines() == [
            f"kg build: warning: 1 correction(s) of {path} changed nothing: gone-1"
        ]


@pytest.mark.parametrize(
    ("when", "predicate", "literal"),
    [
        ("2024-01-02", DCTERMS.date, Literal("2024-01-02", datatype=XSD.date)),
        ("2024-01-02T09:30:00", PROV.endedAtTime, Literal("2024-01-02T09:30:00", datatype=XSD.dateTime)),
        ('"2024-01-02 09:30"', PROV.endedAtTime, Literal("2024-01-02T09:30:00", datatype=XSD.dateTime)),
    ],
)  # fmt: skip
def test_curation_files_when_is_a_day_or_a_moment(
    tmp_path, article, capsys, when, predicate, literal
):
    path = tmp_path / "corrections.toml"
    path.write_text(_GOOD.format(when=when), encoding="utf-8")
    assert _build(tmp_path, article, "--corrections", str(path)) == 0
    assert "corrections: 1 of 1 applied (add-alias 1)" in capsys.readouterr().out
    g = Graph().parse(tmp_path / "out" / "graph.ttl")
    correction = URIRef(iri.correction_iri("alias-1"))
    assert list(g.objects(correction, predicate)) == [literal]
    other = PROV.endedAtTime if predicate == DCTERMS.date else DCTERMS.date
    assert list(g.objects(correction, other)) == []


def _readme_block(after: str) -> str:
    """The first code block of README.md's Corrections section after the text ``after``."""
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    section = text[text.index("## Corrections") :]
    section = section[section.index(after) :]
    start = section.index("\n", section.index("```")) + 1
    return section[start : section.index("```", start)]


def test_curation_files_the_readme_examples_apply_to_the_seed(tmp_path):
    corrections = tmp_path / "corrections.toml"
    corrections.write_text(_readme_block("## Corrections"), encoding="utf-8")
    lexicon = tmp_path / "names.tsv"
    lexicon.write_text(_readme_block("**A user lexicon.**"), encoding="utf-8")
    assert [n.name for n in read_lexicon(lexicon)] == [
        "澜石湾数字服务署",
        "青萝湾新区",
        "青萝湾云脑",
    ]
    result = build([SEED], tmp_path / "out", corrections=corrections, lexicon=lexicon, html=False)
    result.close()
    assert len(result.corrections.entries) == 9
    assert result.corrections.unmatched == []
    assert sum(result.corrections.kinds().values()) == 9
