"""A small read-only HTTP API over a dyad database (``dyad serve``).

The same filters as ``dyad events``; JSON in the contract's event format. Each request opens
its own read-only connection so the server never holds a write lock on the database.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from fastapi import FastAPI, HTTPException, Query


def create_app(db: str | Path) -> FastAPI:
    from dyad.store import Store

    db = Path(db)
    api = FastAPI(title="dyad", description="Political events coded from news articles.")

    def open_store() -> Store:
        if not db.exists():
            raise HTTPException(status_code=404, detail=f"no database at {db}")
        return Store(db, read_only=True)

    @api.get("/events")
    def events(
        source: str | None = None,
        target: str | None = None,
        actor: str | None = None,
        root: str | None = None,
        plover: str | None = None,
        since: str | None = None,
        until: str | None = None,
        limit: int = Query(100, ge=1, le=10_000),
    ) -> list[dict[str, Any]]:
        with open_store() as store:
            return store.query_events(
                source=source, target=target, actor=actor, root=root, plover=plover,
                since=since, until=until, limit=limit,
            )

    @api.get("/series")
    def series(source: str, target: str, by: str = "month", both: bool = False) -> list[dict[str, Any]]:
        from dyad.analysis import series as make_series

        if by not in ("day", "week", "month"):
            raise HTTPException(status_code=422, detail="by must be day, week or month")
        df = make_series(db, source=source, target=target, by=by, both=both)
        return df.astype(object).where(df.notna(), None).to_dict(orient="records")

    return api
