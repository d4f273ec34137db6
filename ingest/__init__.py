"""Reads education work plans and extracts their commitments with provenance."""
