"""The RDF model: IRIs, records as triples, the N-Triples form, the shapes and their checks."""
