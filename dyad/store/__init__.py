"""Storage: an embedded DuckDB database of articles, events and mentions, with queries and exports.

``Store(path)`` is the entry point; see ``dyad.store.store`` for the API and ``dyad.store.schema``
for the tables.
"""

from dyad.store.export import FORMATS as EXPORT_FORMATS
from dyad.store.export import flatten_event
from dyad.store.filters import EventFilter
from dyad.store.store import Store

__all__ = ["EXPORT_FORMATS", "EventFilter", "Store", "flatten_event"]
