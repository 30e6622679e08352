"""Files in and out: articles read, the RDF format table, graph files read and written."""
