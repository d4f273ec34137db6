"""The graph side: extractions built into graph batches and loaded into Neo4j (build, schema,
writer, load), the local server, the saved queries, search, the derived structure (analysis/),
exports, what the app reads (explore/) and the command line (cli/). It imports ingest; ingest never
imports it."""
