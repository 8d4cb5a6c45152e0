"""Outputs read from the store: event and entity tables (`tables`), networks for Gephi and
GraphML readers (`network`, `gexf`), and RDF serialisations of the store or one document (`rdf`)."""
