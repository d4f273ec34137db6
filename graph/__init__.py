"""The graph layer: schema, graph building, Neo4j server and writer, exports and queries."""
