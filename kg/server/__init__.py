"""``kg serve``: a read-only SPARQL 1.1 Protocol endpoint (stdlib HTTP, pyoxigraph workers)."""
