"""IRIs: characters an IRI may not carry are percent-encoded, so strict parsers read them."""

from __future__ import annotations

import pyoxigraph
import pytest

from kg.model.iri import document_iri, entity_iri


@pytest.mark.parametrize(
    "make, text, written",
    [
        (lambda t: entity_iri("Agency", t), "张\ufffdB", "张%EF%BF%BDB"),
        (lambda t: entity_iri("Agency", t), "甲\ufffe乙", "甲%EF%BF%BE乙"),
        (lambda t: entity_iri("Agency", t), "甲\x9f乙", "甲%C2%9F乙"),
        (lambda t: entity_iri("Agency", t), "甲\ue000乙", "甲%EE%80%80乙"),
        (document_iri, "x\udc80", "x%ED%B2%80"),
        (document_iri, "a/b?c#d", "a%2Fb%3Fc%23d"),
        # a backslash is no IRI character (a fuzzed text named a project \天府新区…项目)
        (lambda t: entity_iri("Project", t), "\\天府新区项目", "%5C天府新区项目"),
        (document_iri, "a\\b^c|d", "a%5Cb%5Ec%7Cd"),
        (lambda t: entity_iri("City", t), "重庆市", "重庆市"),
    ],
)
def test_iri_unsafe_characters_are_percent_encoded(make, text, written):
    iri = make(text)
    assert iri.endswith(written)
    # a strict parser takes it
    list(pyoxigraph.parse(f"<{iri}> <http://x/p> 1 .", pyoxigraph.RdfFormat.TURTLE))
