"""Derived structure and network analysis: ADOPTS, SIMILAR_TO (measures and regions), ABOUT
themes and FOCUSES_ON (a region's count per theme), and the region network (communities,
centrality)."""

from graph.analysis.derive import DeriveSummary, derive
from graph.analysis.network import NetworkReport, format_network, region_network
from graph.analysis.similarity import Pair, similar_pairs, similar_pairs_bruteforce

__all__ = [
    "DeriveSummary",
    "NetworkReport",
    "Pair",
    "derive",
    "format_network",
    "region_network",
    "similar_pairs",
    "similar_pairs_bruteforce",
]
