"""Corrections on records, one article at a time: what a correction does where what it names
is only partly in the article, chains of corrections, which corrections may touch an article,
and the shapes of the corrections' provenance."""

from __future__ import annotations

import pytest
from rdflib import Graph

from kg.curation import Resolver, apply_corrections, article_names, plan
from kg.curation.corrections import Selector, read_corrections
from kg.extract import extract
from kg.model.shapes import check_statements
from kg.model.triples import extraction_statements
from kg.model.validate import validate
from kg.records import Document, Entity

# Our own sentences.
TEXT = (
    "2023年6月1日，重庆市科技局与成都市经信局签署《共建星河算力走廊合作协议》。"
    "重庆市科技局将牵头建设缙云山实验室。"
)
DOC = Document("r1", TEXT)


@pytest.fixture(scope="module")
def resolver() -> Resolver:
    return Resolver()


@pytest.fixture(scope="module")
def extraction():
    return extract(DOC)


def _entries(tmp_path, *tables: str):
    text = "".join(
        f'[[correction]]\nid = "c{i}"\nwhy = "why {i}"\nwho = "Sun Li"\n{t}\n'
        for i, t in enumerate(tables)
    )
    path = tmp_path / "c.toml"
    path.write_text(text, encoding="utf-8")
    return read_corrections(path).entries


def _facts(ex) -> set[tuple[str, str, str]]:
    def name(x):
        return x.label if isinstance(x, Entity) else x.lexical

    return {(r.subject.label, r.predicate, name(r.object)) for r in ex.relations}


def _named(ex) -> set[tuple[str, str]]:
    return {(m.entity.cls, m.entity.label) for m in ex.mentions}


def test_curation_records_the_article(extraction):
    # what the cases below start from
    assert {("Agency", "重庆市科学技术局"), ("Project", "缙云山实验室")} <= _named(extraction)
    assert ("共建星河算力走廊合作协议", "signedOn", "2023-06-01") in _facts(extraction)
    assert ("共建星河算力走廊合作协议", "party", "成都市经济和信息化局") in _facts(extraction)


#: (what, the corrections, (class, label) named after, facts there after, facts gone)
CASES = [
    (
        "merge into an entity the article does not name",
        ['kind = "merge"\nentity = "缙云山实验室"\ninto = "缙云山国家实验室"'],
        {("Project", "缙云山国家实验室")},
        set(),
        set(),
    ),
    (
        "a rename, then a merge into the new name",
        [
            'kind = "rename"\nentity = "缙云山实验室"\nlabel = "缙云山科学实验室"',
            'kind = "merge"\nentity = "缙云山科学实验室"\ninto = "重庆实验室"',
        ],
        {("Project", "重庆实验室")},
        set(),
        set(),
    ),
    (
        "a party removed that nothing else names goes",
        ['kind = "reject-mention"\ndocument = "r1"\nsentence = "签署"\nmention = "成都市经信局"',
         'kind = "remove-party"\nagreement = "共建星河算力走廊合作协议"\nparty = "成都市经济和信息化局"'],
        set(),
        set(),
        {("共建星河算力走廊合作协议", "party", "成都市经济和信息化局"),
         ("成都市经济和信息化局", "jurisdiction", "成都市")},
    ),
    (
        "a date to a month keys the agreement by it",
        ['kind = "set-date"\nagreement = "共建星河算力走廊合作协议"\ndate = "2023-06"'],
        set(),
        {("共建星河算力走廊合作协议", "signedOn", "2023-06")},
        {("共建星河算力走廊合作协议", "signedOn", "2023-06-01")},
    ),
    (
        "an agency made an organisation is no party's jurisdiction holder",
        ['kind = "set-class"\nentity = "成都市经济和信息化局"\nto = "Organization"'],
        {("Organization", "成都市经济和信息化局")},
        {("共建星河算力走廊合作协议", "party", "成都市经济和信息化局")},
        {("成都市经济和信息化局", "jurisdiction", "成都市")},
    ),
]  # fmt: skip


@pytest.mark.parametrize(
    ("what", "tables", "named", "kept", "gone"), CASES, ids=[c[0] for c in CASES]
)
def test_curation_records_cases(tmp_path, resolver, extraction, what, tables, named, kept, gone):
    entries = _entries(tmp_path, *tables)
    ex = apply_corrections(extraction, entries, resolver)
    assert named <= _named(ex)
    assert kept <= _facts(ex)
    assert not gone & _facts(ex)
    assert [c.correction.id for c in ex.corrections] == [f"c{i}" for i in range(len(tables))]
    statements = sorted(extraction_statements(ex))
    assert check_statements(statements) == []


def test_curation_records_an_agreement_keyed_by_its_new_month(tmp_path, resolver, extraction):
    entries = _entries(
        tmp_path, 'kind = "set-date"\nagreement = "共建星河算力走廊合作协议"\ndate = "2023-06"'
    )
    ex = apply_corrections(extraction, entries, resolver)
    keys = {m.entity.key for m in ex.mentions if m.entity.cls == "Agreement"}
    assert keys == {"共建星河算力走廊合作协议@2023-06"}


#: (the article's names, the corrections, the ids that may touch it)
RELEVANT = [
    ({"甲局"}, ['kind = "add-alias"\nentity = "甲局"\nalias = "甲"'], ["c0"]),
    ({"乙局"}, ['kind = "add-alias"\nentity = "甲局"\nalias = "甲"'], []),
    # a rename brings in its new name, a merge its survivor: later corrections of those names
    ({"甲局"}, ['kind = "rename"\nentity = "甲局"\nlabel = "丙局"', 'kind = "add-alias"\nentity = "丙局"\nalias = "丙"'], ["c0", "c1"]),
    ({"乙局"}, ['kind = "rename"\nentity = "甲局"\nlabel = "丙局"', 'kind = "add-alias"\nentity = "丙局"\nalias = "丙"'], []),
    ({"甲局"}, ['kind = "merge"\nentity = "甲局"\ninto = "丁局"', 'kind = "add-alias"\nentity = "丁局"\nalias = "丁"'], ["c0", "c1"]),
    # a later correction cannot bring in a name for an earlier one
    ({"甲局"}, ['kind = "add-alias"\nentity = "丙局"\nalias = "丙"', 'kind = "rename"\nentity = "甲局"\nlabel = "丙局"'], ["c1"]),
    # by IRI, by key with a date, by a name the extractor reads
    ({"甲局"}, ['kind = "add-alias"\nentity = "id:agency/甲局"\nalias = "甲"'], ["c0"]),
    ({"甲协议"}, ['kind = "remove-date"\nagreement = "甲协议@2023-01-02"'], ["c0"]),
    ({"重庆市科学技术局"}, ['kind = "add-alias"\nentity = "重庆市科技局"\nalias = "渝科"'], ["c0"]),
    # a mention: by its document
    ({"doc:r1"}, ['kind = "reject-mention"\ndocument = "r1"\noffset = 3'], ["c0"]),
    ({"doc:r2"}, ['kind = "reject-mention"\ndocument = "r1"\noffset = 3'], []),
]  # fmt: skip


@pytest.mark.parametrize(("names", "tables", "ids"), RELEVANT)
def test_curation_records_which_corrections_may_touch_an_article(
    tmp_path, resolver, names, tables, ids
):
    p = plan(_entries(tmp_path, *tables), resolver)
    assert [e.record.id for e in p.relevant(names)] == ids
    assert (p.digest(p.relevant(names)) == "") is (not ids)


def test_curation_records_names_of_an_article(extraction):
    names = article_names(extraction)
    assert {
        "doc:r1",
        "重庆市科学技术局",
        "共建星河算力走廊合作协议",
        "共建星河算力走廊合作协议@2023-06-01",
    } <= names


# -- the shapes of the provenance ------------------------------------------------------

_C = "<https://w3id.org/chengyu-kg/id/correction/c0>"
_PROV = "http://www.w3.org/ns/prov#"
_COMMENT = "<http://www.w3.org/2000/01/rdf-schema#comment>"


def _without(predicate: str):
    return lambda st: [s for s in st if not (s.startswith(_C) and f" {predicate} " in s)]


def _with(statement: str):
    return lambda st: [*st, statement]


MUTATIONS = {
    "no-why": _without(_COMMENT),
    "two-whys": _with(f'{_C} {_COMMENT} "another reason"'),
    "unknown-kind": lambda st: [
        s.replace('"add-alias"', '"retitle"') if s.startswith(_C) else s for s in st
    ],
    "no-author": _without(f"<{_PROV}wasAssociatedWith>"),
    "author-no-agent": lambda st: [s for s in st if not s.endswith(f"<{_PROV}Agent>")],
    "when-a-string": _with(f'{_C} <{_PROV}endedAtTime> "yesterday"'),
}


@pytest.fixture(scope="module")
def corrected(tmp_path_factory, resolver, extraction) -> list[str]:
    path = tmp_path_factory.mktemp("c") / "c.toml"
    path.write_text(
        '[[correction]]\nid = "c0"\nkind = "add-alias"\nentity = "重庆市科学技术局"\n'
        'alias = "渝科"\nwhy = "w"\nwho = "Sun Li"\nwhen = 2024-02-03T08:00:00\n',
        encoding="utf-8",
    )
    ex = apply_corrections(extraction, read_corrections(path).entries, resolver)
    return sorted(extraction_statements(ex))


def test_curation_records_provenance_conforms(corrected):
    assert any(s.startswith(_C) for s in corrected)
    assert check_statements(corrected) == []
    assert validate(Graph().parse(data=" .\n".join(corrected) + " .\n", format="nt")).conforms


@pytest.mark.parametrize("name", sorted(MUTATIONS))
def test_curation_records_provenance_mutations_break_the_shapes(corrected, name):
    statements = MUTATIONS[name](corrected)
    assert statements != corrected
    assert check_statements(statements) != []
    graph = Graph().parse(data=" .\n".join(statements) + " .\n", format="nt")
    assert not validate(graph).conforms


def test_curation_records_a_rename_onto_a_named_entity_makes_one(tmp_path, resolver, extraction):
    # renamed to the name of another agency of the article: one IRI with the new label
    entries = _entries(
        tmp_path, 'kind = "rename"\nentity = "成都市经信局"\nlabel = "重庆市 科学技术局"'
    )
    ex = apply_corrections(extraction, entries, resolver)
    agencies = {m.entity for m in ex.mentions if m.entity.cls == "Agency"}
    assert {(e.key, e.label) for e in agencies} == {("重庆市科学技术局", "重庆市 科学技术局")}
    assert check_statements(sorted(extraction_statements(ex))) == []


#: (what a merge's `into` or a party says, the class, the entity it designates)
DESIGNATED = [
    ("北碚区", "District", Entity("District", "500109", "北碚区", "500109")),
    ("500109", "District", Entity("District", "500109", "北碚区", "500109")),
    ("id:district/500109", "District", Entity("District", "500109", "北碚区", "500109")),
    ("俄罗斯", "Country", Entity("Country", "RU", "俄罗斯", "RU")),
    ("重庆市科技局", "Agency", Entity("Agency", "重庆市科学技术局", "重庆市科学技术局")),
    ("星河局", "Agency", Entity("Agency", "星河局", "星河局")),
    ("《共建星河协议》", "Agreement", Entity("Agreement", "共建星河协议", "共建星河协议")),
    ("共建星河协议@2021-12-17", "Agreement", Entity("Agreement", "共建星河协议@2021-12-17", "共建星河协议")),
    ("id:agreement/共建星河协议@2021-12-17", "Agreement", Entity("Agreement", "共建星河协议@2021-12-17", "共建星河协议")),
]  # fmt: skip


@pytest.mark.parametrize(("text", "cls", "entity"), DESIGNATED)
def test_curation_records_the_entity_a_name_designates(resolver, text, cls, entity):
    assert resolver.entity_for(Selector(text), cls) == entity
