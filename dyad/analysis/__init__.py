"""Analysis of stored events: relations over time (``series``) and the actor network (``network``)."""

from dyad.analysis.network import network, to_graph, write_network
from dyad.analysis.series import plot_series, series

__all__ = ["network", "plot_series", "series", "to_graph", "write_network"]
