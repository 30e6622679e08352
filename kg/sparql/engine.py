"""Running a query: rdflib over an in-memory graph, Oxigraph over a store; one result type.

Both engines predeclare :data:`~kg.sparql.text.QUERY_PREFIXES`, take the same bindings
and return a :class:`~kg.sparql.result.QueryResult` with rdflib terms.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from rdflib import Graph, Literal, URIRef
from rdflib.term import Node

from kg.errors import QueryError
from kg.io.graph_files import union_graph
from kg.model.triples import bind_prefixes
from kg.model.validate import load_ontology
from kg.sparql.result import QueryResult, from_oxigraph
from kg.sparql.text import QUERY_PREFIXES, inject_bindings, prepare_query

__all__ = ["INFERENCE", "infer", "run_query", "run_oxigraph", "rdflib_bindings", "rdflib_union"]

#: Inference regimes ``--infer`` accepts.
INFERENCE = ("rdfs", "owlrl")


def infer(data: Graph, regime: str) -> Graph:
    """A new graph: ``data`` plus the ontology plus its RDFS or OWL-RL closure (owlrl).

    Only RDF triples are kept (no literal subjects), so the closure can be served or written.
    """
    import owlrl

    semantics = {"rdfs": owlrl.RDFS_Semantics, "owlrl": owlrl.OWLRL_Semantics}
    if regime not in semantics:
        raise QueryError(
            f"unknown inference regime {regime!r} (choose from {', '.join(INFERENCE)})"
        )
    graph = bind_prefixes(Graph())
    for triple in union_graph(data):
        graph.add(triple)
    for triple in load_ontology():
        graph.add(triple)
    owlrl.DeductiveClosure(
        semantics[regime], axiomatic_triples=False, datatype_axioms=False
    ).expand(graph)
    # the closure rules also derive generalised triples (literal subjects): not RDF, drop them
    for triple in [t for t in graph if isinstance(t[0], Literal) or not isinstance(t[1], URIRef)]:
        graph.remove(triple)
    return graph


def run_query(
    data: Graph,
    text: str,
    *,
    infer_regime: str | None = None,
    bindings: Mapping[str, Node | str] | None = None,
    limit: int | None = None,
) -> QueryResult:
    """Run a read-only query over ``data`` with rdflib; the package's prefixes are predeclared.

    ``infer_regime`` (``rdfs`` or ``owlrl``) runs it over the closure instead; ``bindings``
    pre-binds variables (text as in :func:`~kg.sparql.text.inject_bindings`); ``limit`` caps the
    rows or triples kept (``truncated`` tells).
    """
    from rdflib.term import Variable

    texts = {k: v for k, v in (bindings or {}).items() if isinstance(v, str)}
    if texts:
        text = inject_bindings(text, texts)
        bindings = {k: v for k, v in (bindings or {}).items() if k not in texts}
    _, prepared = prepare_query(text)
    if infer_regime:
        data = infer(data, infer_regime)
    init = {Variable(k): v for k, v in (bindings or {}).items()}
    try:
        result = data.query(prepared, initBindings=init)
        form = result.type
        out = QueryResult(form)
        if form == "ASK":
            out.boolean = bool(result.askAnswer)
        elif form in ("CONSTRUCT", "DESCRIBE"):
            for triple in result.graph or ():
                if limit is not None and len(out.triples) >= limit:
                    out.truncated = True
                    break
                out.triples.append(triple)
        else:
            out.variables = [str(v) for v in result.vars or ()]
            for row in result:
                if limit is not None and len(out.rows) >= limit:
                    out.truncated = True
                    break
                out.rows.append(tuple(row))
    except QueryError:
        raise
    except Exception as exc:
        raise QueryError(
            f"query failed: {' '.join(str(exc).split()) or type(exc).__name__}"
        ) from None
    return out


def run_oxigraph(
    store: Any,
    text: str,
    *,
    bindings: Mapping[str, Any] | None = None,
    limit: int | None = None,
    union: bool = False,
) -> Any:
    """Run a query on a :class:`pyoxigraph.Store` (``union``: the default graph is the union
    of all graphs); ``bindings`` as in :func:`~kg.sparql.text.inject_bindings`."""
    import pyoxigraph

    query = inject_bindings(text, bindings)
    try:
        result = store.query(query, prefixes=QUERY_PREFIXES, use_default_graph_as_union=union)
    except SyntaxError as exc:
        raise QueryError(f"malformed query: {' '.join(str(exc).split())}") from None
    except (OSError, ValueError, RuntimeError) as exc:
        raise QueryError(f"query failed: {' '.join(str(exc).split())}") from None
    if isinstance(result, bool | pyoxigraph.QueryBoolean):
        return QueryResult("ASK", boolean=bool(result))
    if isinstance(result, pyoxigraph.QuerySolutions):
        out = QueryResult("SELECT", variables=[v.value for v in result.variables])
        width = len(out.variables)
        for solution in result:
            if limit is not None and len(out.rows) >= limit:
                out.truncated = True
                break
            out.rows.append(tuple(from_oxigraph(solution[i]) for i in range(width)))
        return out
    out = QueryResult("CONSTRUCT")
    for triple in result:
        if limit is not None and len(out.triples) >= limit:
            out.truncated = True
            break
        out.triples.append(
            (
                from_oxigraph(triple.subject),
                from_oxigraph(triple.predicate),
                from_oxigraph(triple.object),
            )
        )
    return out


def rdflib_union(ds: Any) -> Graph:
    """Every triple of an rdflib dataset in one graph (what a store's queries see)."""
    graph = bind_prefixes(Graph())
    for s, p, o, _ in ds.quads((None, None, None, None)):
        graph.add((s, p, o))
    return graph


def rdflib_bindings(bindings: Mapping[str, Any] | None) -> dict[str, Any] | None:
    """Bindings as :func:`run_query` takes them: rdflib terms, or text."""
    if not bindings:
        return None
    return {k: v if isinstance(v, Node | str) else str(v) for k, v in bindings.items()}
