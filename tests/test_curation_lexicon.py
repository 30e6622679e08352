"""A user's lexicon (``kg build --lexicon``): names the gazetteers lack are found, with their
class, aliases and jurisdiction, and take part in signings; without one nothing changes."""

from __future__ import annotations

import pytest
from rdflib import Graph, URIRef

from kg.build import build
from kg.curation import read_lexicon
from kg.extract import Lexicon, extract
from kg.extract.lexicon import UserName
from kg.model import iri
from kg.records import Document

from .conftest import SEED

# Our own sentences, about an agency, a project and a company that no gazetteer knows.
ARTICLE = (
    "2023年5月8日，澜石湾数字服务署与成都市科学技术局签署《共建澜石湾算力走廊合作协议》。"
    "双方将共同建设青萝湾云脑，澜石湾署负责运营，白鹭洲数谷提供设备。"
)

TSV = """# names our reports use
name\tclass\tjurisdiction\tcode\taliases
澜石湾数字服务署\tAgency\t重庆市\t\t澜石湾署
青萝湾云脑\tProject\t青萝湾新区
青萝湾新区\tDistrict\t成都市
白鹭洲数谷\tOrganization
"""

TOML = """
[[name]]
name = "澜石湾数字服务署"
class = "Agency"
jurisdiction = "重庆市"
aliases = ["澜石湾署"]

[[name]]
name = "青萝湾云脑"
class = "Project"
jurisdiction = "青萝湾新区"

[[name]]
name = "青萝湾新区"
class = "District"
jurisdiction = "成都市"

[[name]]
name = "白鹭洲数谷"
class = "Organization"
"""

_FACTS = """
PREFIX cy: <https://w3id.org/chengyu-kg/ontology#>
PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
SELECT ?cls ?label ?alias ?where ?agreement WHERE {
  ?e a ?cls ; rdfs:label ?label .
  VALUES ?label { "澜石湾数字服务署"@zh "青萝湾云脑"@zh "白鹭洲数谷"@zh }
  OPTIONAL { ?e skos:altLabel ?alias }
  OPTIONAL { ?e cy:jurisdiction|cy:locatedIn ?w . ?w rdfs:label ?where }
  OPTIONAL { ?a cy:party ?e ; rdfs:label ?agreement }
} ORDER BY ?label
"""


def _rows(graph_file) -> list[tuple]:
    g = Graph().parse(graph_file)
    return [
        tuple(
            str(v).removeprefix("https://w3id.org/chengyu-kg/ontology#") if v else None for v in r
        )
        for r in g.query(_FACTS)
    ]


@pytest.fixture
def article(tmp_path):
    path = tmp_path / "a1.txt"
    path.write_text(ARTICLE, encoding="utf-8")
    return path


@pytest.mark.parametrize(("name", "text"), [("names.tsv", TSV), ("names.toml", TOML)])
def test_curation_lexicon_names_are_found_only_with_it(tmp_path, article, name, text):
    lexicon = tmp_path / name
    lexicon.write_text(text, encoding="utf-8")
    plain = build([article], tmp_path / "plain", html=False)
    plain.close()
    assert _rows(tmp_path / "plain" / "graph.ttl") == []
    result = build([article], tmp_path / "out", html=False, lexicon=lexicon)
    result.close()
    assert result.lexicon == (str(lexicon), 4)
    assert _rows(tmp_path / "out" / "graph.ttl") == [
        ("Agency", "澜石湾数字服务署", "澜石湾署", "重庆市", "共建澜石湾算力走廊合作协议"),
        ("Organization", "白鹭洲数谷", None, None, None),
        ("Project", "青萝湾云脑", None, "青萝湾新区", None),
    ]


def test_curation_lexicon_a_known_code_names_its_division():
    # 缙云新城 is not a division's name: with the code of 北碚区 it is one of its names
    lex = Lexicon.default().extended([UserName("缙云新城", "District", None, "500109")])
    doc = Document("d1", "缙云新城今年新开工项目十二个。")
    plain = {(m.entity.cls, m.entity.key) for m in extract(doc).mentions}
    assert ("District", "500109") not in plain
    mentions = [(m.entity.key, m.entity.label, m.span.surface) for m in extract(doc, lex).mentions]
    assert ("500109", "北碚区", "缙云新城") in mentions


def test_curation_lexicon_extending_leaves_the_default_alone(tmp_path):
    path = tmp_path / "names.tsv"
    path.write_text(TSV, encoding="utf-8")
    names = read_lexicon(path)
    extended = Lexicon.default().extended(names)
    assert [n.name for n in extended.user_names] == [
        "澜石湾数字服务署",
        "青萝湾云脑",
        "青萝湾新区",
        "白鹭洲数谷",
    ]
    assert Lexicon.default().user_names == ()
    assert Lexicon.default().user_name_re.search(ARTICLE) is None
    assert extended.divisions is Lexicon.default().divisions  # shared, not loaded again


def test_curation_lexicon_empty_files_change_no_byte(tmp_path):
    lexicon, corrections = tmp_path / "names.tsv", tmp_path / "corrections.toml"
    lexicon.write_text("name\tclass\n# none yet\n", encoding="utf-8")
    corrections.write_text("# none yet\n", encoding="utf-8")
    build([SEED], tmp_path / "plain", html=False, validate=False).close()
    options = {"lexicon": lexicon, "corrections": corrections}
    build([SEED], tmp_path / "empty", html=False, validate=False, **options).close()
    plain = (tmp_path / "plain" / "graph.ttl").read_bytes()
    assert (tmp_path / "empty" / "graph.ttl").read_bytes() == plain
    assert URIRef(iri.BASE).encode() in plain  # (a graph, not an empty file)


def test_curation_lexicon_extending_a_fresh_lexicon_shares_jieba():
    # extended before jieba was ever loaded: the copy and the original must use one jieba
    fresh = Lexicon()
    lex = fresh.extended([UserName("澜石湾数字服务署", "Agency", "重庆市")])
    labels = [m.entity.label for m in extract(Document("d1", ARTICLE), lex).mentions]
    assert "澜石湾数字服务署" in labels
    assert lex.tokenizer() is fresh.tokenizer()
