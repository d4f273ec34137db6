"""Exports of any subgraph: selection, then one small writer per format (see registry.py)."""

from graph.export import csv_import, cypher_script, graphml, jsonlink, rdf  # noqa: F401  (register)
from graph.export.registry import FORMATS, export_bytes, format_names, write_export
from graph.export.selection import Selection, select_subgraph, whole_graph
from graph.export.subgraph import ExportNode, ExportRel, Subgraph

__all__ = [
    "FORMATS",
    "ExportNode",
    "ExportRel",
    "Selection",
    "Subgraph",
    "export_bytes",
    "format_names",
    "select_subgraph",
    "whole_graph",
    "write_export",
]
