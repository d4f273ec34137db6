"""Reads education work plans and extracts their commitments with provenance: read → normalize →
parse → extract → resolve, wired by pipeline.py. Knows nothing of Neo4j (graph/load.py loads)."""
