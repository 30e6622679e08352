"""Check the SHACL shapes fast, on N-Triples statements: per article in the workers, and
the cross-article ``sh:maxCount`` constraints over the union.

``ontology/shapes.ttl`` is compiled into plain Python checks for the SHACL Core subset it
uses (``sh:targetClass``, ``sh:targetSubjectsOf``, ``sh:targetObjectsOf``; property shapes
over an IRI or ``sh:inversePath``; ``sh:minCount``, ``sh:maxCount``, ``sh:datatype``,
``sh:languageIn``, ``sh:class`` with the ontology's subclasses and typed individuals,
``sh:pattern``, ``sh:in``; node-level ``sh:or`` of property shapes and ``sh:pattern``). A shape using anything else makes :func:`compiled_shapes`
raise :class:`UnsupportedShape`, and callers fall back to pySHACL.

Per article (:func:`check_triples`, :func:`check_statements`) each node shape is also
turned into Python source, compiled once: a function that tests counts, datatype
suffixes, language tags, classes, patterns and ``sh:in`` inline on a cheap index (a
subject's single object of a predicate stays a string). It may only say "nothing to
report"; when it cannot, the reference check (:func:`_node_violations`) produces the
messages, so the results are those of the reference check alone.

Why this is exact for the union of articles: every article's graph carries the types and
labels of the entities it uses, so all constraints but ``sh:maxCount`` can only be
violated inside one article's graph (more triples never break ``sh:minCount``,
``sh:class``, ``sh:datatype`` ...); ``sh:maxCount`` is checked again over the statements
that several articles share (:func:`check_union_max_counts`).
Size: the compiler of shapes into Python checks, their fast generated tests and the
general checks that write messages must agree exactly; they are kept side by side.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from itertools import repeat
from operator import methodcaller

from kg.model import ntriples
from kg.model.validate import load_ontology, load_shapes

__all__ = [
    "UnsupportedShape",
    "PropertyCheck",
    "NodeCheck",
    "compiled_shapes",
    "check_statements",
    "check_triples",
    "check_union_max_counts",
]

_RDF_TYPE = "<http://www.w3.org/1999/02/22-rdf-syntax-ns#type>"
_LANG_STRING = ntriples.LANG_STRING
_XSD_STRING = ntriples.XSD_STRING


class UnsupportedShape(Exception):
    """The shapes use a SHACL feature this checker does not implement."""


@dataclass(frozen=True)
class PropertyCheck:
    """One property shape: a path and its constraints (N-Triples tokens)."""

    path: str
    inverse: bool = False
    min_count: int | None = None
    max_count: int | None = None
    datatype: str | None = None
    languages: tuple[str, ...] | None = None
    classes: frozenset[str] | None = None
    pattern: re.Pattern | None = None
    allowed: frozenset[str] | None = None
    message: str = ""


@dataclass(frozen=True)
class NodeCheck:
    """One node shape: what it targets (the classes of its focus nodes, the predicates
    whose subjects or objects are focus nodes), property checks, ``sh:or`` alternatives
    and a pattern of the focus node itself."""

    name: str
    targets: frozenset[str]
    properties: tuple[PropertyCheck, ...] = ()
    alternatives: tuple[tuple[PropertyCheck, ...], ...] = ()
    message: str = ""
    individuals: dict[str, frozenset[str]] = field(default_factory=dict, compare=False)
    subjects_of: frozenset[str] = frozenset()
    objects_of: frozenset[str] = frozenset()
    pattern: re.Pattern | None = None


def _token(term) -> str:
    return term.n3()


@lru_cache(maxsize=1)
def compiled_shapes() -> tuple[NodeCheck, ...]:
    """The package's shapes as checks (raises :class:`UnsupportedShape`)."""
    from rdflib import RDF, RDFS, BNode, URIRef
    from rdflib.collection import Collection
    from rdflib.namespace import Namespace

    sh = Namespace("http://www.w3.org/ns/shacl#")
    shapes, onto = load_shapes(), load_ontology()

    # subclass closure: class -> every class it is a subclass of (itself included)
    supers: dict = {}

    def ancestors(cls) -> set:
        if cls not in supers:
            supers[cls] = {cls}
            for parent in onto.objects(cls, RDFS.subClassOf):
                if isinstance(parent, URIRef):
                    supers[cls] |= ancestors(parent)
        return supers[cls]

    def subclasses(cls) -> frozenset[str]:
        found = {cls}
        changed = True
        while changed:
            changed = False
            for sub, _, sup in onto.triples((None, RDFS.subClassOf, None)):
                if sup in found and sub not in found and isinstance(sub, URIRef):
                    found.add(sub)
                    changed = True
        return frozenset(_token(c) for c in found)

    # individuals the ontology types (units): token -> classes with their superclasses
    individuals: dict[str, frozenset[str]] = {}
    for s, _, o in onto.triples((None, RDF.type, None)):
        if isinstance(s, URIRef) and isinstance(o, URIRef):
            individuals[_token(s)] = individuals.get(_token(s), frozenset()) | frozenset(
                _token(c) for c in ancestors(o)
            )

    allowed_property = {
        sh.path,
        sh.minCount,
        sh.maxCount,
        sh.datatype,
        sh.languageIn,
        sh["class"],
        sh.pattern,
        sh["in"],
        sh.message,
        sh.name,
        sh.description,
        sh.severity,
    }
    allowed_node = {
        RDF.type,
        sh.targetClass,
        sh.targetSubjectsOf,
        sh.targetObjectsOf,
        sh.property,
        sh["or"],
        sh.message,
        sh.pattern,
    }

    def property_check(node) -> PropertyCheck:
        extra = set(shapes.predicates(node)) - allowed_property
        if extra:
            raise UnsupportedShape(f"unsupported property shape keys {sorted(map(str, extra))}")
        path = shapes.value(node, sh.path)
        inverse = False
        if isinstance(path, BNode):
            inner = shapes.value(path, sh.inversePath)
            if inner is None or not isinstance(inner, URIRef):
                raise UnsupportedShape("only IRI and sh:inversePath paths are supported")
            path, inverse = inner, True
        if not isinstance(path, URIRef):
            raise UnsupportedShape("property shape without an IRI path")
        cls = shapes.value(node, sh["class"])
        langs = shapes.value(node, sh.languageIn)
        pattern = shapes.value(node, sh.pattern)
        allowed = shapes.value(node, sh["in"])
        min_count = shapes.value(node, sh.minCount)
        max_count = shapes.value(node, sh.maxCount)
        datatype = shapes.value(node, sh.datatype)
        message = shapes.value(node, sh.message)
        return PropertyCheck(
            path=_token(path),
            inverse=inverse,
            min_count=int(min_count) if min_count is not None else None,
            max_count=int(max_count) if max_count is not None else None,
            datatype=_token(datatype) if datatype is not None else None,
            languages=tuple(str(x) for x in Collection(shapes, langs)) if langs else None,
            classes=subclasses(cls) if cls is not None else None,
            pattern=re.compile(str(pattern)) if pattern is not None else None,
            allowed=frozenset(_token(x) for x in Collection(shapes, allowed)) if allowed else None,
            message=str(message) if message is not None else "",
        )

    checks = []
    for node in sorted(set(shapes.subjects(RDF.type, sh.NodeShape)), key=str):
        extra = set(shapes.predicates(node)) - allowed_node
        if extra:
            raise UnsupportedShape(f"unsupported node shape keys {sorted(map(str, extra))}")
        targets = frozenset(t for c in shapes.objects(node, sh.targetClass) for t in subclasses(c))
        props = tuple(property_check(p) for p in shapes.objects(node, sh.property))
        alternatives = []
        for head in shapes.objects(node, sh["or"]):
            options = []
            for option in Collection(shapes, head):
                if (option, sh.path, None) not in shapes:
                    raise UnsupportedShape("sh:or alternatives must be property shapes")
                options.append(property_check(option))
            alternatives.append(tuple(options))
        message = shapes.value(node, sh.message)
        pattern = shapes.value(node, sh.pattern)
        checks.append(
            NodeCheck(
                name=str(node).rsplit("#", 1)[-1],
                targets=targets,
                properties=props,
                alternatives=tuple(alternatives),
                message=str(message) if message is not None else "",
                individuals=individuals,
                subjects_of=frozenset(_token(p) for p in shapes.objects(node, sh.targetSubjectsOf)),
                objects_of=frozenset(_token(p) for p in shapes.objects(node, sh.targetObjectsOf)),
                pattern=re.compile(str(pattern)) if pattern is not None else None,
            )
        )
    return tuple(checks)


_NO_VALUES: frozenset[str] = frozenset()
_NO_PROPS: dict[str, set[str]] = {}


class _Index:
    """Statements indexed by subject and, for inverse paths, by predicate and object."""

    def __init__(self, statements: Iterable[str]) -> None:
        self.out: dict[str, dict[str, set[str]]] = {}
        self.inv: dict[tuple[str, str], set[str]] = {}
        out, inv = self.out, self.inv
        for statement in statements:
            s, p, o = statement.split(" ", 2)
            props = out.get(s)
            if props is None:
                props = out[s] = {}
            values = props.get(p)
            if values is None:
                props[p] = {o}
            else:
                values.add(o)
            if o[0] == "<":
                subjects = inv.get((p, o))
                if subjects is None:
                    inv[(p, o)] = {s}
                else:
                    subjects.add(s)

    @classmethod
    def of_objects(cls, out: _Objects, inverse: Iterable[str]) -> _Index:
        """The index of an :func:`_objects_index`, with ``inv`` for the ``inverse`` paths
        only (the only ones :func:`_violations` looks up)."""
        index = cls(())
        index.out = {s: {p: set(_values(v)) for p, v in props.items()} for s, props in out.items()}
        for p in inverse:
            for s, props in index.out.items():
                for o in props.get(p, ()):
                    if o[0] == "<":
                        index.inv.setdefault((p, o), set()).add(s)
        return index

    def values(self, focus: str, check: PropertyCheck) -> set[str] | frozenset[str]:
        if check.inverse:
            return self.inv.get((check.path, focus), _NO_VALUES)
        return self.out.get(focus, _NO_PROPS).get(check.path, _NO_VALUES)


#: subject -> predicate -> its object, or its objects as a ``list`` (maybe repeating)
_Objects = dict[str, dict[str, str | list[str]]]


def _objects_index(triples: Iterable[Sequence[str]]) -> _Objects:
    """The objects of each subject and predicate, subjects in first-seen order.

    A single object stays a plain string: most predicates have one, and building no list
    (nor set) for them is the main saving over :class:`_Index`.
    """
    out: _Objects = {}
    last = props = None
    for s, p, o in triples:
        if s != last:  # a subject's statements usually come together
            props = out.get(s)
            if props is None:
                props = out[s] = {}
            last = s
        if p in props:
            values = props[p]
            if values.__class__ is list:
                values.append(o)
            else:
                props[p] = [values, o]
        else:
            props[p] = o
    return out


def _values(objects: str | list[str]) -> tuple[str] | list[str]:
    """An :func:`_objects_index` entry as a sequence of objects."""
    return objects if objects.__class__ is list else (objects,)


def _inverse_objects(out: _Objects, paths: Iterable[str]) -> dict[str, set[str]]:
    """Path -> the objects of its statements, for the inverse ``paths``."""
    found: dict[str, set[str]] = {}
    for path in paths:
        objects: set[str] = set()
        for values in filter(None, map(methodcaller("get", path), out.values())):
            if values.__class__ is list:
                objects.update(values)
            else:
                objects.add(values)
        found[path] = objects
    return found


def _subjects(out: _Objects, path: str, focus: str) -> list[str]:
    """The subjects of the ``path`` statements whose object is ``focus`` (an IRI)."""
    if focus[:1] != "<":
        return []
    return [s for s, props in out.items() if path in props and focus in _values(props[path])]


def _value_problems(index: _Index, check: PropertyCheck, node: NodeCheck, value: str) -> list[str]:
    """What is wrong with one value of a property (empty when nothing)."""
    problems = []
    if check.datatype is not None and ntriples.datatype(value) != check.datatype:
        problems.append(f"{value} is not of datatype {check.datatype}")
    if check.languages is not None and not ntriples.in_languages(value, check.languages):
        problems.append(f"{value} is not in languages {check.languages}")
    if check.classes is not None:
        types = index.out.get(value, _NO_PROPS).get(_RDF_TYPE, _NO_VALUES)
        if value[0] == '"' or not (
            types & check.classes or node.individuals.get(value, _NO_VALUES) & check.classes
        ):
            problems.append(f"{value} is not an instance of the required class")
    if check.pattern is not None and not check.pattern.search(ntriples.lexical_form(value)):
        problems.append(f"{value} does not match {check.pattern.pattern}")
    if check.allowed is not None and value not in check.allowed:
        problems.append(f"{value} is not one of the allowed values")
    return problems


def _violations(
    index: _Index,
    focus: str,
    check: PropertyCheck,
    node: NodeCheck,
    only_max: bool = False,
) -> list[str]:
    values = index.values(focus, check)
    found: list[str] = []
    whats: list[str] = []
    if check.max_count is not None and len(values) > check.max_count:
        whats.append(f"more than {check.max_count} values")
    if not only_max:
        if check.min_count is not None and len(values) < check.min_count:
            whats.append(f"fewer than {check.min_count} values")
        if values and (
            check.datatype is not None
            or check.languages is not None
            or check.classes is not None
            or check.pattern is not None
            or check.allowed is not None
        ):
            bad = [v for v in values if _value_problems(index, check, node, v)]
            for value in sorted(bad):  # sorted: the same messages in the same order
                whats.extend(_value_problems(index, check, node, value))
    for what in whats:
        found.append(f"{check.message or node.message or what} ({focus} {check.path})")
    return found


@lru_cache(maxsize=1)
def _by_type() -> dict[str, tuple[NodeCheck, ...]]:
    by_type: dict[str, list[NodeCheck]] = {}
    for node in compiled_shapes():
        for target in node.targets:
            by_type.setdefault(target, []).append(node)
    return {t: tuple(nodes) for t, nodes in by_type.items()}


@lru_cache(maxsize=1)
def _target_predicates() -> tuple[tuple[str, ...], tuple[str, ...]]:
    """The predicates whose subjects, and those whose objects, some shape targets."""
    nodes = compiled_shapes()
    return (
        tuple(sorted({p for node in nodes for p in node.subjects_of})),
        tuple(sorted({p for node in nodes for p in node.objects_of})),
    )


#: What makes a node a focus: its types (one, several or none), the targeted predicates
#: it is the subject of and those it is the object of.
_Key = tuple[str | frozenset[str] | None, tuple[str, ...], tuple[str, ...]]

_SHAPES_OF: dict[_Key, tuple[NodeCheck, ...]] = {}


def _shapes_of(
    types: set[str] | frozenset[str],
    by_type: dict[str, tuple[NodeCheck, ...]],
    subject_of: tuple[str, ...] = (),
    object_of: tuple[str, ...] = (),
) -> tuple[NodeCheck, ...]:
    """The shapes that target a node with ``types``, the subject of the predicates
    ``subject_of`` and the object of ``object_of``: by type first, each shape once."""
    key = (frozenset(types), subject_of, object_of)
    nodes = _SHAPES_OF.get(key)
    if nodes is None:
        found: list[NodeCheck] = []
        for t in sorted(types):
            for node in by_type.get(t, ()):
                if node not in found:
                    found.append(node)
        for node in compiled_shapes():
            if node not in found and (
                not node.subjects_of.isdisjoint(subject_of)
                or not node.objects_of.isdisjoint(object_of)
            ):
                found.append(node)
        nodes = tuple(found)
        if len(_SHAPES_OF) < 1024:
            _SHAPES_OF[key] = nodes
    return nodes


def _foci(index: _Index) -> list[tuple[str, tuple[NodeCheck, ...]]]:
    """Every focus node of a graph with its shapes, in the order the checks report them:
    subjects as first seen, then the objects that are no subject, sorted."""
    subject_preds, object_preds = _target_predicates()
    by_type = _by_type()
    targeted: dict[str, set[str]] = {p: set() for p in object_preds}
    for props in index.out.values():
        for p in object_preds:
            targeted[p].update(props.get(p, ()))
    found = []
    subjects = index.out
    extra = sorted({o for objects in targeted.values() for o in objects} - subjects.keys())
    for focus in [*subjects, *extra]:
        props = subjects.get(focus, _NO_PROPS)
        subject_of = tuple(p for p in subject_preds if p in props)
        object_of = tuple(p for p in object_preds if focus in targeted[p])
        types = props.get(_RDF_TYPE, _NO_VALUES)
        if types or subject_of or object_of:
            found.append((focus, _shapes_of(types, by_type, subject_of, object_of)))
    return found


def _node_violations(index: _Index, focus: str, node: NodeCheck) -> list[str]:
    """The messages of one node shape on one focus node (the reference algorithm)."""
    found: list[str] = []
    if node.pattern is not None and (
        focus[:1] == "_" or not node.pattern.search(ntriples.lexical_form(focus))
    ):
        found.append(
            f"{node.message or focus + ' does not match ' + node.pattern.pattern} ({focus})"
        )
    for check in node.properties:
        found.extend(_violations(index, focus, check, node))
    for options in node.alternatives:
        if all(_violations(index, focus, option, node) for option in options):
            found.append(f"{node.message or node.name + ' sh:or'} ({focus})")
    return found


# ----------------------------------------------------------------- generated fast tests
#
# Each node shape becomes a Python function ``(focus, props, out, inv) -> bool`` that tests
# its constraints inline: ``out`` is an :func:`_objects_index`, ``props`` is ``out[focus]``
# and ``inv`` maps each inverse path to its objects. ``True`` promises that the shape has
# nothing to say about ``focus``; ``False`` (or an exception) means it may have, and
# :func:`_node_violations` produces the messages. The tests may be strict (a repeated
# object counts twice, an unusual literal form fails), never lenient. They compare string
# slices, cheaper than ``str.endswith``.


def _datatype_test(datatype: str) -> str:
    """An expression true only if the value ``x`` is of ``datatype``."""
    if datatype == _XSD_STRING:
        return "x[-1] == '\"' and x[0] == '\"'"
    if datatype == _LANG_STRING:
        return "x[:1] == '\"' and x.rpartition('\"')[2][:1] == '@'"
    if '"' not in datatype:
        suffix = '"^^' + datatype
        return f"x[-{len(suffix)}:] == {suffix!r} and x[0] == '\"'"
    return f"_datatype(x) == {datatype!r}"


def _language_test(languages: tuple[str, ...]) -> str | None:
    """An expression true only if ``x`` has the form ``"..."@tag``, a tag of
    ``languages`` in lower case (``None``: no such tag)."""
    suffixes = ['"@' + r.lower() for r in languages if r and '"' not in r]
    if not suffixes:
        return None
    ends = " or ".join(f"x[-{len(s)}:] == {s!r}" for s in suffixes)
    return f"({ends}) and x[0] == '\"'"


def _value_test(check: PropertyCheck, node: NodeCheck, name: str, env: dict) -> str | None:
    """An expression true only if the value ``x`` has no problems (``None``: nothing to
    test); constants go to ``env`` under names starting with ``name``."""
    terms = []
    if check.languages is not None:
        env[name + "_languages"] = check.languages
        exact = f"_in_languages(x, {name}_languages)"
        if check.datatype is not None:
            exact = f"{_datatype_test(check.datatype)} and {exact}"
        common = _language_test(check.languages)
        if common and check.datatype in (None, _LANG_STRING):
            exact = f"({common}) or ({exact})"
        terms.append(exact)
    elif check.datatype is not None:
        terms.append(_datatype_test(check.datatype))
    if check.classes is not None:
        env[name + "_classes"] = check.classes
        wanted = f"{name}_classes"  # the types of x: one string, or a list
        test = (
            f"x[0] != '\"' and ((t := out[x][{_RDF_TYPE!r}]).__class__ is not list and t in {wanted}"
            f" or t.__class__ is list and not {wanted}.isdisjoint(t))"
        )
        individuals = frozenset(v for v, cs in node.individuals.items() if cs & check.classes)
        if individuals:
            env[name + "_individuals"] = individuals
            test = f"x in {name}_individuals or ({test})"
        terms.append(test)
    if check.pattern is not None:
        env[name + "_search"] = check.pattern.search
        terms.append(f"{name}_search(_lexical(x)) is not None")
    if check.allowed is not None:
        env[name + "_allowed"] = check.allowed
        terms.append(f"x in {name}_allowed")
    return " and ".join(f"({t})" for t in terms) if terms else None


def _check_lines(check: PropertyCheck, node: NodeCheck, name: str, env: dict) -> list[str]:
    """Statements that return ``False`` (or raise) unless ``check`` holds."""
    least, most = check.min_count or 0, check.max_count
    test = _value_test(check, node, name, env)
    body = []
    if most is not None:
        body += [f"if len(vals) > {most}:", "    return False"]
    if least > 1:
        body += [f"if len(set(vals)) < {least}:", "    return False"]
    if test:
        body += ["for x in vals:", f"    if not ({test}):", "        return False"]
    if check.inverse:
        found = ["if not vals:", "    return False"] if least >= 1 else []
        return [f"vals = _subjects(out, {check.path!r}, focus)", *found, *body]
    if least >= 1 and most == 1:  # one object, not a list; a KeyError if none
        fails = "x.__class__ is list" + (f" or not ({test})" if test else "")
        return [f"x = props[{check.path!r}]", f"if {fails}:", "    return False"]
    if body:
        body = ["if vals.__class__ is not list:", "    vals = (vals,)", *body]
    if least >= 1:
        return [f"vals = props[{check.path!r}]", *body]
    if body:
        return [f"vals = props.get({check.path!r})", "if vals is not None:"] + [
            "    " + line for line in body
        ]
    return []


def _option_test(check: PropertyCheck) -> str | None:
    """An expression for an ``sh:or`` option that only asks for a value (else ``None``)."""
    constrained = (
        check.datatype,
        check.languages,
        check.classes,
        check.pattern,
        check.allowed,
        check.max_count,
    )
    if any(c is not None for c in constrained) or (check.min_count or 0) > 1:
        return None
    if not check.min_count:
        return "True"
    if check.inverse:
        return f"(focus in inv[{check.path!r}] and focus[0] == '<')"
    return f"{check.path!r} in props"


def _function(name: str, lines: list[str]) -> str:
    """A fast test: ``True`` after ``lines``, ``False`` if they return it or raise."""
    return "\n".join(
        [
            f"def {name}(focus, props, out, inv):",
            "    try:",
            *("        " + line for line in lines or ["pass"]),
            "    except Exception:",
            "        return False",
            "    return True",
            "",
        ]
    )


def _shape_source(node: NodeCheck, name: str, env: dict) -> str:
    """The source of the fast test of one node shape, a function called ``name``."""
    functions = []
    body = []
    if node.pattern is not None:
        env[name + "_pattern"] = node.pattern.search
        body += [f"if focus[0] != '<' or {name}_pattern(focus[1:-1]) is None:", "    return False"]
    for i, check in enumerate(node.properties):
        body += _check_lines(check, node, f"{name}_{i}", env)
    for j, options in enumerate(node.alternatives):
        tests = []
        for k, option in enumerate(options):
            test = _option_test(option)
            if test is None:
                helper = f"{name}_or{j}_{k}"
                functions.append(_function(helper, _check_lines(option, node, helper, env)))
                test = f"{helper}(focus, props, out, inv)"
            tests.append(test)
        body += [f"if not ({' or '.join(tests) or 'False'}):", "    return False"]
    functions.append(_function(name, body))
    return "\n".join(functions)


@lru_cache(maxsize=1)
def _fast_tests() -> tuple[dict[int, Callable[..., bool]], tuple[str, ...]]:
    """The fast test of each compiled shape (by ``id``), and the inverse paths they use."""
    env: dict = {
        "_datatype": ntriples.datatype,
        "_lexical": ntriples.lexical_form,
        "_in_languages": ntriples.in_languages,
        "_subjects": _subjects,
    }
    nodes = compiled_shapes()
    source = "\n".join(_shape_source(node, f"_shape{i}", env) for i, node in enumerate(nodes))
    exec(compile(source, "<kg.model.shapes fast tests>", "exec"), env)
    inverse = {
        c.path
        for node in nodes
        for c in (*node.properties, *sum(node.alternatives, ()))
        if c.inverse
    }
    tests = {id(node): env[f"_shape{i}"] for i, node in enumerate(nodes)}
    return tests, tuple(sorted(inverse))


_TESTS_OF: dict[_Key, tuple[tuple[NodeCheck, Callable[..., bool]], ...]] = {}


def _tests_of(key: _Key) -> tuple[tuple[NodeCheck, Callable[..., bool]], ...]:
    """The shapes of a focus node (by its :data:`_Key`) and their fast tests (cached)."""
    pairs = _TESTS_OF.get(key)
    if pairs is None:
        tests = _fast_tests()[0]
        types, subject_of, object_of = key
        classes = {types} if isinstance(types, str) else set(types or ())
        nodes = _shapes_of(classes, _by_type(), subject_of, object_of)
        pairs = tuple((node, tests[id(node)]) for node in nodes)
        if len(_TESTS_OF) < 1024:
            _TESTS_OF[key] = pairs
    return pairs


def check_triples(triples: Iterable[Sequence[str]], limit: int | None = None) -> list[str]:
    """Violations of the shapes by one graph given as ``(s, p, o)`` N-Triples terms.

    The same messages as :func:`check_statements` on the statements ``f"{s} {p} {o}"``
    (at most ``limit``); an empty list means the graph conforms. Focus nodes are checked
    in the order of :func:`_foci`.
    """
    out = _objects_index(triples)
    inverse = _fast_tests()[1]
    inv = _inverse_objects(out, inverse)
    subject_preds, object_preds = _target_predicates()
    targeted = _inverse_objects(out, object_preds)
    # focus -> the targeted predicates it is the object of, in the order of object_preds
    object_of_focus: dict[str, tuple[str, ...]] = {}
    for p in object_preds:
        for o in targeted[p]:
            object_of_focus[o] = object_of_focus.get(o, ()) + (p,)
    extra = sorted(object_of_focus.keys() - out.keys())
    index: _Index | None = None
    found: list[str] = []
    tests_of, rdf_type, subject_of_props = _TESTS_OF, _RDF_TYPE, _SUBJECT_OF
    no_object_of = ()
    for focus in [*out, *extra] if extra else out:
        props = out.get(focus, _NO_PROPS)
        types = props.get(rdf_type)
        # (a subject's predicates are in the order of its statements, sorted: the same
        # predicates make the same tuple)
        predicates = tuple(props)
        subject_of = subject_of_props.get(predicates)
        if subject_of is None:
            subject_of = tuple([p for p in subject_preds if p in props])
            if len(subject_of_props) < 4096:
                subject_of_props[predicates] = subject_of
        object_of = object_of_focus.get(focus, no_object_of)
        if types is None and not subject_of and not object_of:
            continue
        key = (frozenset(types) if types.__class__ is list else types, subject_of, object_of)
        pairs = tests_of.get(key)
        if pairs is None:
            pairs = _tests_of(key)
        for node, test in pairs:
            if not test(focus, props, out, inv):
                if index is None:
                    index = _Index.of_objects(out, inverse)
                found.extend(_node_violations(index, focus, node))
        if limit is not None and len(found) >= limit:
            return found[:limit]
    return found


#: A subject's predicates (in its order) -> those of them some shape targets the subjects of
_SUBJECT_OF: dict[tuple[str, ...], tuple[str, ...]] = {}


def check_statements(statements: Iterable[str], limit: int | None = None) -> list[str]:
    """Violations of the shapes by one graph given as N-Triples statements (``s p o``).

    Returns messages (at most ``limit``); an empty list means the graph conforms.
    """
    return check_triples(map(str.split, statements, repeat(" "), repeat(2)), limit)


def max_count_limits() -> dict[str, int]:
    """The least ``sh:maxCount`` of each property path (``<iri>``, ``^<iri>`` if inverse)."""
    limits: dict[str, int] = {}
    for node in compiled_shapes():
        for c in node.properties:
            if c.max_count is not None:
                key = ("^" if c.inverse else "") + c.path
                limits[key] = min(limits.get(key, c.max_count), c.max_count)
    return limits


def check_union_max_counts(statements: Sequence[str], limit: int | None = None) -> list[str]:
    """``sh:maxCount`` violations over statements that several articles share.

    The statements must include the ``rdf:type`` statements of their subjects (and the
    statements that make them the targets of a shape). A first
    pass counts the values of each subject's properties that have a ``sh:maxCount``;
    only subjects over some count are checked against their shapes.
    """
    limits = max_count_limits()
    suspects: set[str] = set()
    # statements with the same subject and predicate are neighbours once sorted
    run, previous = 0, ""
    for statement in sorted(statements):
        cut = statement.find(" ", statement.find(" ") + 1)
        head = statement[:cut]
        run = run + 1 if head == previous else 1
        previous = head
        if run > 1:
            s, p = head.split(" ")
            if run > limits.get(p, run):
                suspects.add(s)
    inverse = {key[1:]: n for key, n in limits.items() if key.startswith("^")}
    if inverse:
        counts: dict[tuple[str, str], int] = {}
        for statement in statements:
            s, p, o = statement.split(" ", 2)
            if p in inverse:
                n = counts[(p, o)] = counts.get((p, o), 0) + 1
                if n > inverse[p]:
                    suspects.add(o)
    if not suspects:
        return []
    statements = [
        st
        for st in statements
        if st.split(" ", 1)[0] in suspects or st.rsplit(" ", 1)[-1] in suspects
    ]
    index = _Index(statements)
    found: list[str] = []
    for node in compiled_shapes():
        maxed = [c for c in node.properties if c.max_count is not None]
        if not maxed:
            continue
        for focus, props in index.out.items():
            if (
                props.get(_RDF_TYPE, _NO_VALUES) & node.targets
                or not node.subjects_of.isdisjoint(props)
                or any((p, focus) in index.inv for p in node.objects_of)
            ):
                for check in maxed:
                    found.extend(_violations(index, focus, check, node, only_max=True))
                if limit is not None and len(found) >= limit:
                    return found[:limit]
    return found
