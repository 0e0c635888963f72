"""Event coding: :class:`Coder` turns parsed articles into CAMEO events (see ``coder.py``)."""

from dyad.events.coder import Coder

__all__ = ["Coder"]
