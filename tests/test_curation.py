"""Corrections on the seed: each kind changes the seed's graph exactly as stated, and the
provenance says which correction did what, who made it, why and when.

The expected graph is made from the uncorrected one by the edits each case states (rdflib
edits written here, not by the code under test), and compared by isomorphism; the
hash-named nodes (assertions, quantities), whose IRIs hash the IRIs of what they are
about, are compared as blank nodes. The provenance of the corrections is taken apart
and checked on its own, with SPARQL.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Callable

import pytest
from rdflib import BNode, Graph, Literal, Namespace, URIRef
from rdflib.compare import isomorphic, to_isomorphic
from rdflib.namespace import PROV, RDF, RDFS, SKOS, XSD

from kg.build import build
from kg.model import iri, provenance
from kg.namespace import CY

from .conftest import SEED
from .fixtures_seed import SEED_ID

DOC = iri.document_iri(SEED_ID)
ENTITY_CLASSES = [CY[c] for c in ("Agency", "Organization", "Agreement", "ScienceCity")] + [
    CY[c] for c in ("District", "City", "Project", "Country")
]
ID = Namespace(iri.BASE)


def node(cls: str, key: str) -> URIRef:
    return URIRef(iri.entity_iri(cls, key))


def zh(text: str) -> Literal:
    return Literal(text, lang="zh")


# -- the edits a case states -----------------------------------------------------------


def rename_node(g: Graph, old: URIRef, new: URIRef) -> None:
    """Every triple of ``old`` is ``new``'s."""
    for s, p, o in list(g):
        if old in (s, o):
            g.remove((s, p, o))
            g.add((new if s == old else s, p, new if o == old else o))


def drop_statement(g: Graph, s, p, o) -> None:
    """A fact and its assertions go (and a span nothing else was read from)."""
    g.remove((s, p, o))
    for a in list(g.subjects(RDF.subject, s)):
        if (a, RDF.predicate, p) in g and (a, RDF.object, o) in g:
            g.remove((a, None, None))
    collect_spans(g)


def drop_node(g: Graph, n) -> None:
    """A node goes with what it says and what is said of it, its mentions and assertions
    about it."""
    for a in set(g.subjects(RDF.subject, n)) | set(g.subjects(RDF.object, n)):
        g.remove((a, None, None))
    g.remove((None, CY.mentionOf, n))
    g.remove((n, None, None))
    g.remove((None, None, n))
    collect(g)


def collect(g: Graph) -> None:
    """What nothing names any more goes: an entity neither mentioned nor the object of an
    assertion, with its facts; a quantity no fact points at."""
    while True:
        gone = [
            e
            for cls in ENTITY_CLASSES
            for e in g.subjects(RDF.type, cls)
            if (None, CY.mentionOf, e) not in g and (None, RDF.object, e) not in g
        ]
        gone += [
            q
            for cls in (CY.Quantity, CY.Target)
            for q in g.subjects(RDF.type, cls)
            if not any(p != RDF.object for _, p in g.subject_predicates(q))
        ]
        if not gone:
            collect_spans(g)
            return
        for n in gone:
            for a in set(g.subjects(RDF.subject, n)) | set(g.subjects(RDF.object, n)):
                g.remove((a, None, None))
            g.remove((n, None, None))
            g.remove((None, None, n))


def collect_spans(g: Graph) -> None:
    """A span nothing is read from any more goes: one that names no entity, is no
    assertion's span and has no span in it (a sentence is described only when something
    was read from it)."""
    while True:
        placed = set(g.subjects(CY.inSentence, None)) | set(g.subjects(CY.inDocument, None))
        gone = [
            s
            for s in placed
            if (s, CY.mentionOf, None) not in g
            and (None, CY.span, s) not in g
            and (None, CY.inSentence, s) not in g
        ]
        if not gone:
            return
        for s in gone:
            g.remove((s, CY.inSentence, None))
            g.remove((s, CY.inDocument, None))


def sentence_of(g: Graph, entity: URIRef) -> URIRef:
    """The sentence of the first mention of ``entity``."""
    mentions = sorted(g.subjects(CY.mentionOf, entity), key=lambda m: iri.span_of(str(m))[1])
    return provenance.sentence_of(g, mentions[0])


#: A span as evidence: its IRI and the statements that place it in its sentence and document.
Evidence = tuple[URIRef, list]


def add_statement(g: Graph, s, p, o, span: Evidence, year_source: str | None = None) -> None:
    """A fact with an assertion (untyped) whose evidence is ``span``."""
    g.add((s, p, o))
    a = BNode()
    for pred, obj in ((RDF.subject, s), (RDF.predicate, p), (RDF.object, o), (CY.span, span[0])):
        g.add((a, pred, obj))
    for t in span[1]:
        g.add(t)
    if year_source:
        g.add((a, CY.yearSource, Literal(year_source)))


def whole_sentence(g: Graph, sentence: URIRef) -> Evidence:
    """A whole sentence as the span of an assertion."""
    return sentence, list(g.triples((sentence, CY.inDocument, None)))


def span_of(g: Graph, assertion) -> Evidence:
    """The span an assertion was read from."""
    span = g.value(assertion, CY.span)
    sentence = provenance.sentence_of(g, span)
    placed = list(g.triples((span, CY.inSentence, None)))
    return span, placed + list(g.triples((sentence, CY.inDocument, None)))


# -- the cases: a correction, the edit it states, what its provenance links ------------

_FINANCE = node("Agreement", "共建西部金融中心合作协议@2021-12-17")
_AUTO = node("Agreement", "共建世界级先进汽车产业集群战略合作协议@2021-12-17")
_SCIENCE = node(
    "Agreement", "加强双核创新联动推进共建具有全国影响力的科技创新中心合作协议@2021-12-17"
)
_CULTURE = node(
    "Agreement", "推进成渝地区双城经济圈建设携手共促巴蜀文化旅游走廊建设战略合作协议@2021-12-17"
)
_PBOC = node("Agency", "中国人民银行重庆营业管理部")
_CORRIDOR = node("Project", "巴蜀文化旅游走廊")
# 巴蜀文化旅游走廊 in 共同落实巴蜀文化旅游走廊建设规划。
_MENTION = URIRef(iri.span_iri(DOC, 4096, 4104))


def _reject_entity(g: Graph) -> None:
    drop_node(g, node("Project", "九龙滩广场"))


def _reject_mention(g: Graph) -> None:
    assert provenance.Spans(g).text(_MENTION) == "巴蜀文化旅游走廊"  # its label: no alias goes
    assert len(set(g.subjects(CY.mentionOf, _CORRIDOR))) > 1  # the project stays
    g.remove((_MENTION, CY.mentionOf, _CORRIDOR))
    collect_spans(g)


def _rename(g: Graph) -> None:
    old, new = node("ScienceCity", "成都科学城"), node("ScienceCity", "四川天府新区成都科学城")
    rename_node(g, old, new)
    g.remove((new, RDFS.label, zh("成都科学城")))
    g.add((new, RDFS.label, zh("四川天府新区成都科学城")))
    g.remove((new, SKOS.altLabel, zh("四川天府新区成都科学城")))  # the text's name is the label now
    g.add((new, SKOS.altLabel, zh("成都科学城")))  # the old label stays as an alias


def _merge(g: Graph) -> None:
    gone, survivor = node("Project", "大鱼海棠广场"), node("Project", "大鱼海棠公园")
    rename_node(g, gone, survivor)
    g.remove((survivor, RDFS.label, zh("大鱼海棠广场")))
    g.add((survivor, SKOS.altLabel, zh("大鱼海棠广场")))


def _add_alias(g: Graph) -> None:
    g.add((node("Agency", "重庆市科学技术局"), SKOS.altLabel, zh("重庆科技局")))


def _set_class(g: Graph) -> None:
    old = node("Project", "武隆区生活垃圾焚烧发电项目")
    new = node("Organization", "武隆区生活垃圾焚烧发电项目")
    for q in list(g.objects(old, CY.hasQuantity)):  # a project's figures: no organisation's
        drop_statement(g, old, CY.hasQuantity, q)
    collect(g)
    rename_node(g, old, new)
    g.set((new, RDF.type, CY.Organization))


def _add_party(g: Graph) -> None:
    g.add((_PBOC, RDF.type, CY.Agency))
    g.add((_PBOC, RDFS.label, zh("中国人民银行重庆营业管理部")))
    # its evidence: the sentence the agreement is first named in
    add_statement(g, _FINANCE, CY.party, _PBOC, whole_sentence(g, sentence_of(g, _FINANCE)))


def _remove_party(g: Graph) -> None:
    drop_statement(g, _AUTO, CY.party, node("Agency", "成都市经济和信息化局"))


_DAY17 = Literal("2021-12-17", datatype=XSD.date)
_DAY18 = Literal("2021-12-18", datatype=XSD.date)
_SCIENCE18 = node(
    "Agreement", "加强双核创新联动推进共建具有全国影响力的科技创新中心合作协议@2021-12-18"
)
_CULTURE_UNDATED = node(
    "Agreement", "推进成渝地区双城经济圈建设携手共促巴蜀文化旅游走廊建设战略合作协议"
)


def _date_assertion(g: Graph, agreement: URIRef):
    return next(
        a for a in g.subjects(RDF.subject, agreement) if (a, RDF.predicate, CY.signedOn) in g
    )


def _set_date(g: Graph) -> None:
    # its evidence: that of the date it replaces; the agreement is keyed by its new date
    span = span_of(g, _date_assertion(g, _SCIENCE))
    drop_statement(g, _SCIENCE, CY.signedOn, _DAY17)
    rename_node(g, _SCIENCE, _SCIENCE18)
    add_statement(g, _SCIENCE18, CY.signedOn, _DAY18, span, "correction")


def _remove_date(g: Graph) -> None:
    drop_statement(g, _CULTURE, CY.signedOn, _DAY17)
    rename_node(g, _CULTURE, _CULTURE_UNDATED)  # keyed by its title alone


#: (kind, the correction's fields, the edit it states, the links of its provenance:
#: (how, what) with how "influenced", "invalidated" or "generated", and what an entity or
#: mention IRI, or an assertion as (subject, predicate, object))
CASES: list[tuple[str, str, Callable[[Graph], None], list]] = [
    (
        "reject-entity",
        'entity = "九龙滩广场"\nclass = "Project"',
        _reject_entity,
        [("invalidated", node("Project", "九龙滩广场"))],
    ),
    (
        "reject-mention",
        f'document = "{SEED_ID}"\nsentence = "共同落实巴蜀文化旅游走廊建设规划"\nmention = "巴蜀文化旅游走廊"',
        _reject_mention,
        [("invalidated", _MENTION)],
    ),
    (
        "rename",
        'entity = "成都科学城"\nlabel = "四川天府新区成都科学城"',
        _rename,
        [
            ("influenced", node("ScienceCity", "四川天府新区成都科学城")),
            ("invalidated", node("ScienceCity", "成都科学城")),
        ],
    ),
    (
        "merge",
        'entity = "大鱼海棠广场"\ninto = "大鱼海棠公园"',
        _merge,
        [
            ("influenced", node("Project", "大鱼海棠公园")),
            ("invalidated", node("Project", "大鱼海棠广场")),
        ],
    ),
    (
        "add-alias",
        'entity = "重庆市科技局"\nalias = "重庆科技局"',  # named by an alias the extractor reads
        _add_alias,
        [("influenced", node("Agency", "重庆市科学技术局"))],
    ),
    (
        "set-class",
        'entity = "id:project/武隆区生活垃圾焚烧发电项目"\nto = "Organization"',
        _set_class,
        [
            ("influenced", node("Organization", "武隆区生活垃圾焚烧发电项目")),
            ("invalidated", node("Project", "武隆区生活垃圾焚烧发电项目")),
            ("invalidated", "hasQuantity"),
            ("invalidated", "hasQuantity"),
        ],
    ),
    (
        "add-party",
        'agreement = "共建西部金融中心合作协议"\nparty = "中国人民银行重庆营业管理部"',
        _add_party,
        [("influenced", _FINANCE), ("generated", (_FINANCE, CY.party, _PBOC))],
    ),
    (
        "remove-party",
        'agreement = "《共建世界级先进汽车产业集群战略合作协议》"\nparty = "成都市经信局"',
        _remove_party,
        [
            ("influenced", _AUTO),
            ("invalidated", (_AUTO, CY.party, node("Agency", "成都市经济和信息化局"))),
        ],
    ),
    (
        "set-date",
        'agreement = "加强双核创新联动 推进共建具有全国影响力的科技创新中心合作协议"\ndate = 2021-12-18',
        _set_date,
        [
            ("influenced", _SCIENCE18),
            ("invalidated", (_SCIENCE, CY.signedOn, _DAY17)),
            ("generated", (_SCIENCE18, CY.signedOn, _DAY18)),
        ],
    ),
    (
        "remove-date",
        f'agreement = "{_CULTURE}"',  # named by its IRI
        _remove_date,
        [("influenced", _CULTURE_UNDATED), ("invalidated", (_CULTURE, CY.signedOn, _DAY17))],
    ),
]


def _toml(cases) -> str:
    out = []
    for i, (kind, fields, _, _) in enumerate(cases):
        out.append(
            f'[[correction]]\nid = "c{i}-{kind}"\nkind = "{kind}"\n{fields}\n'
            f'why = "why {kind}"\nwho = "Analyst {i % 2}"\nwhen = 2024-05-0{1 + i % 9}\n'
        )
    return "\n".join(out)


@functools.cache
def _built(text: str, tmp: str) -> Graph:
    from pathlib import Path

    path = Path(tmp) / f"corrections-{abs(hash(text))}.toml"
    path.write_text(text, encoding="utf-8")
    out = Path(tmp) / f"out-{abs(hash(text))}"
    result = build([SEED], out, corrections=path if text else None, html=False, validate=bool(text))
    result.close()
    return Graph().parse(out / "graph.ttl")


@pytest.fixture(scope="module")
def workdir(tmp_path_factory):
    return str(tmp_path_factory.mktemp("curation"))


@pytest.fixture(scope="module")
def base(workdir) -> Graph:
    return _built("", workdir)


_PROVENANCE_LINKS = {
    PROV.wasInfluencedBy: "influenced",
    PROV.wasInvalidatedBy: "invalidated",
    PROV.wasGeneratedBy: "generated",
}


def split_provenance(g: Graph) -> tuple[Graph, Graph]:
    """The graph without the corrections' provenance, and that provenance."""
    rest, prov = Graph(), Graph()
    records = set(g.subjects(RDF.type, CY.Correction)) | set(g.subjects(RDF.type, PROV.Agent))
    for t in g:
        (prov if t[0] in records or t[1] in _PROVENANCE_LINKS else rest).add(t)
    return rest, prov


_HASHED = re.compile(r"(#a[0-9a-f]{16}|/quantity/[0-9a-f]{16})$")


def blank_hashed(g: Graph) -> Graph:
    """``g`` with assertions and quantities as blank nodes (their IRIs are hashes)."""
    names: dict = {}

    def term(t):
        if isinstance(t, URIRef) and _HASHED.search(str(t)):
            return names.setdefault(t, BNode())
        return t

    out = Graph()
    for s, p, o in g:
        out.add((term(s), p, term(o)))
    return out


def links(prov: Graph, built: Graph, base: Graph, ident: str) -> set:
    """What the provenance of correction ``ident`` links: (how, IRI) of entities and
    mentions, (how, (s, p, o)) of assertions, read in the graph that has them."""
    c = URIRef(iri.correction_iri(ident))
    out = []
    for predicate, how in _PROVENANCE_LINKS.items():
        for n in prov.subjects(predicate, c):
            if _HASHED.search(str(n)):
                g = base if how == "invalidated" else built
                fact = (g.value(n, RDF.subject), g.value(n, RDF.predicate), g.value(n, RDF.object))
                if fact[1] == CY.hasQuantity:  # a figure: its quantity is a hash too
                    fact = "hasQuantity"
                out.append((how, fact))
            else:
                out.append((how, n))
    return out


def _expected(base: Graph, cases) -> Graph:
    g = Graph()
    for t in base:
        g.add(t)
    for _, _, edit, _ in cases:
        edit(g)
    return g


@pytest.mark.parametrize("case", CASES, ids=[c[0] for c in CASES])
def test_curation_each_kind_changes_the_seed_as_stated(base, workdir, case):
    built = _built(_toml([case]), workdir)
    rest, prov = split_provenance(built)
    expected = _expected(base, [case])
    assert not isomorphic(blank_hashed(base), blank_hashed(expected))  # the edit does something
    got, want = to_isomorphic(blank_hashed(rest)), to_isomorphic(blank_hashed(expected))
    assert got == want, (sorted(got - want)[:5], sorted(want - got)[:5])
    assert sorted(links(prov, built, base, f"c0-{case[0]}"), key=str) == sorted(case[3], key=str)


def test_curation_all_kinds_in_one_file(base, workdir):
    built = _built(_toml(CASES), workdir)
    rest, prov = split_provenance(built)
    got, want = (
        to_isomorphic(blank_hashed(rest)),
        to_isomorphic(blank_hashed(_expected(base, CASES))),
    )
    assert got == want, (sorted(got - want)[:5], sorted(want - got)[:5])
    for i, (kind, _, _, expected_links) in enumerate(CASES):
        assert sorted(links(prov, built, base, f"c{i}-{kind}"), key=str) == sorted(
            expected_links, key=str
        ), kind


_WHY = """
PREFIX cy: <https://w3id.org/chengyu-kg/ontology#>
PREFIX dcterms: <http://purl.org/dc/terms/>
PREFIX prov: <http://www.w3.org/ns/prov#>
PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
SELECT ?id ?kind ?why ?who ?when WHERE {
  ?c a cy:Correction ; dcterms:identifier ?id ; cy:correctionKind ?kind ; rdfs:comment ?why ;
     prov:wasAssociatedWith ?agent ; dcterms:date ?when .
  ?agent a prov:Agent ; rdfs:label ?who .
} ORDER BY ?id
"""

_WHY_OF = """
PREFIX dcterms: <http://purl.org/dc/terms/>
PREFIX prov: <http://www.w3.org/ns/prov#>
PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
SELECT ?why WHERE {
  ?node prov:wasInfluencedBy|prov:wasInvalidatedBy ?c . ?c rdfs:comment ?why .
}
"""


def test_curation_provenance_says_who_why_and_when(base, workdir):
    built = _built(_toml(CASES), workdir)
    rows = [tuple(map(str, r)) for r in built.query(_WHY)]
    assert rows == sorted(
        (f"c{i}-{kind}", kind, f"why {kind}", f"Analyst {i % 2}", f"2024-05-0{1 + i % 9}")
        for i, (kind, _, _, _) in enumerate(CASES)
    )
    # asked from what changed: why is the project 大鱼海棠广场 gone?
    gone = node("Project", "大鱼海棠广场")
    assert (gone, RDF.type, CY.Project) in base and (gone, RDF.type, None) not in built
    assert [str(r.why) for r in built.query(_WHY_OF, initBindings={"node": gone})] == ["why merge"]
