"""WHEN: normalise date expressions and give each event the date of its own clause.

``resolve_date`` (contract API) turns one expression into an ISO value at its precision;
``date_for_event`` finds the expression attached to an event's trigger in a parsed sentence.
"""

from dyad.when.clause import clause_tense, date_for_event, first_day
from dyad.when.periods import period_bounds
from dyad.when.resolve import parse_published, resolve_date

__all__ = ["clause_tense", "date_for_event", "first_day", "parse_published", "period_bounds", "resolve_date"]
