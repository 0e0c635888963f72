"""Deduplication: story grouping of articles (``stories``) and cross-source event clusters
(``events``). Submodules are imported on demand so that importing ``dyad.dedup`` stays cheap."""
