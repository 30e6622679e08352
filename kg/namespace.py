"""RDF terms of the chengyu-kg ontology, mirrored from ``ontology/chengyu.ttl``."""

from rdflib.namespace import DefinedNamespace, Namespace
from rdflib.term import URIRef

__all__ = ["CY"]


class CY(DefinedNamespace):
    """The ``cy:`` vocabulary; a misspelt term raises ``AttributeError`` at import."""

    _fail = True
    _NS = Namespace("https://w3id.org/chengyu-kg/ontology#")

    # Classes
    Agency: URIRef
    Agreement: URIRef
    Assertion: URIRef
    City: URIRef
    Correction: URIRef
    District: URIRef
    Document: URIRef
    Entity: URIRef
    Mention: URIRef
    Organization: URIRef
    Place: URIRef
    Project: URIRef
    Country: URIRef
    Quantity: URIRef
    ScienceCity: URIRef
    Sentence: URIRef
    Span: URIRef
    Target: URIRef
    Unit: URIRef

    # Properties
    contentHash: URIRef
    coreArea: URIRef
    correctionKind: URIRef
    divisionCode: URIRef
    countryCode: URIRef
    hasQuantity: URIRef
    hasTarget: URIRef
    inDocument: URIRef
    inSentence: URIRef
    includesDistrict: URIRef
    indicator: URIRef
    jurisdiction: URIRef
    locatedIn: URIRef
    mentionOf: URIRef
    mergeReason: URIRef
    party: URIRef
    plannedArea: URIRef
    segmenter: URIRef
    signedOn: URIRef
    sourceEncoding: URIRef
    span: URIRef
    targetYear: URIRef
    text: URIRef
    unit: URIRef
    value: URIRef
    yearSource: URIRef

    # Units
    CubicMetre: URIRef
    Household: URIRef
    Item: URIRef
    Kilometre: URIRef
    Kilowatt: URIRef
    KilowattHour: URIRef
    Mu: URIRef
    Percent: URIRef
    Person: URIRef
    SquareKilometre: URIRef
    SquareMetre: URIRef
    Tonne: URIRef
    Vehicle: URIRef
    Yuan: URIRef
