"""Cross-source event clustering: one ``cluster_id`` for every report of the same happening.

Two coded events are the same real-world event (:func:`same_event`) when

* they share the CAMEO root (a visit and a negotiation at the same meeting are both root 04);
* their actors agree at country level (IGOs by code), in the same direction -- or in either
  direction when a code is symmetric ("A met B" = "B met A"), or reversed for a mirror pair
  (A visits B = B hosts A); the lists are data, ``dyad/data/dedup/symmetric_codes.yaml``;
* where both give a sector for the same role, the sectors agree (CHNGOV may be CHN, never CHNBUS),
  and where both name a person, the names agree;
* their dates are compatible at their precision: a day inside a week/month/year counts, two days
  more than one day apart do not; undated events match only inside one article (or one story,
  when the caller passes ``story_of``) -- an undated report is too weak to merge across sources;
* their places agree when both are known: same geonameid, same city name, or one is a country
  that contains the other.

:func:`assign_clusters` runs union-find over *blocked* candidates: the block key is the unordered
country pair plus the root, so only events that could match are ever compared. With a DuckDB
connection it also matches against stored events through ``event_cluster_index`` (indexed on
block key, filtered by date window), so the cost of a batch depends on its blocks, not on the
store size. A cluster's id is the event_id of its first member, and stored clusters are never
renamed: a new event that bridges two stored clusters joins the older one.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from functools import lru_cache
from pathlib import Path
from typing import Any

import yaml

from dyad.records import Actor, Event
from dyad.when.periods import period_bounds

DATA = Path(__file__).resolve().parents[1] / "data" / "dedup" / "symmetric_codes.yaml"
DAY_TOLERANCE = 1  # two day-precision dates this far apart may still be one event (time zones, late reports)
MAX_BLOCK_COMPARISONS = 500  # per new event, within a block of the batch (latest first)


@dataclass(frozen=True, slots=True)
class Directionality:
    symmetric: frozenset[str]
    mirrors: frozenset[frozenset[str]]


@lru_cache(maxsize=1)
def directionality() -> Directionality:
    """Symmetric codes and mirror pairs from the data file (loaded once)."""
    raw = yaml.safe_load(DATA.read_text(encoding="utf-8")) or {}
    sym = frozenset(str(c) for c in (raw.get("symmetric") or {}))
    mirrors = frozenset(frozenset(str(c) for c in pair) for pair in raw.get("mirrors") or [])
    return Directionality(sym, mirrors)


# ---------------------------------------------------------------------------------------------
# pieces of the comparison


def _actor_key(actor: Actor | None) -> str:
    """Country-level identity: ISO3, else the actor code (IGOs), else '?'."""
    if actor is None:
        return "-"
    return actor.country or actor.code or "?"


def _person(actor: Actor | None) -> str | None:
    """A person-level name, or None when the actor is only known at country/sector level.

    A name counts as a person when the actor has a sector (``CHNGOV``) and the name has at least
    two words -- ``Li Qiang`` is a person, ``Russia``/``IGOUNO`` names are not."""
    if actor is None or not actor.name or not actor.sector:
        return None
    name = re.sub(r"\s+", " ", actor.name.strip().lower())
    return name if len(name.split(" ")) >= 2 else None


def _names_agree(a: str | None, b: str | None) -> bool:
    return a is None or b is None or a == b


def _same_actor(a: Actor | None, b: Actor | None) -> bool:
    """Same country-level actor whose sector and person name, where both are known, agree:
    CHNGOV and CHN may be one actor, CHNGOV and CHNBUS are not."""
    if _actor_key(a) != _actor_key(b):
        return False
    if a is None or b is None:
        return True
    return _names_agree(a.sector, b.sector) and _names_agree(_person(a), _person(b))


def _people(ev: Event) -> dict[tuple[str, str | None], str]:
    """The persons an event names, keyed by their country and sector."""
    return {
        (_actor_key(actor), actor.sector): person
        for actor in (ev.source, ev.target)
        if actor is not None and (person := _person(actor))
    }


def _interval(ev: Event) -> tuple[date, date] | None:
    """The days an event's date may cover, from its precision (None when undated or unreadable)."""
    if not ev.date:
        return None
    try:
        return period_bounds(ev.date, ev.date_precision)
    except ValueError:
        return None


def _dates_agree(a: Event, b: Event, story_of: Mapping[str, str] | None) -> bool:
    ia, ib = _interval(a), _interval(b)
    if ia is None or ib is None:
        if ia is None and ib is None:
            if a.article_id == b.article_id:
                return True
            return bool(story_of) and story_of.get(a.article_id, a.article_id) == story_of.get(
                b.article_id, b.article_id
            )
        return False
    tol = timedelta(days=DAY_TOLERANCE)
    return ia[0] <= ib[1] + tol and ib[0] <= ia[1] + tol


def _places_agree(a: Event, b: Event) -> bool:
    la, lb = a.location, b.location
    if la is None or lb is None:
        return True
    if la.geonameid is not None and la.geonameid == lb.geonameid:
        return True
    a_country_level = la.feature == "country"
    b_country_level = lb.feature == "country"
    if a_country_level or b_country_level:
        return la.country is None or lb.country is None or la.country == lb.country
    if la.country and lb.country and la.country != lb.country:
        return False
    return la.name.strip().lower() == lb.name.strip().lower()


def _orientations(a: Event, b: Event) -> tuple[bool, bool]:
    """(same direction allowed, reversed direction allowed) for the pair of codes."""
    d = directionality()
    if a.cameo in d.symmetric or b.cameo in d.symmetric:  # an undirected report fits either way
        return True, True
    if a.cameo != b.cameo and frozenset((a.cameo, b.cameo)) in d.mirrors:
        return False, True
    return True, False


def same_event(a: Event, b: Event, story_of: Mapping[str, str] | None = None) -> bool:
    """Whether two coded events report the same real-world happening (see module doc)."""
    if a.cameo_root != b.cameo_root:
        return False
    same_dir, reversed_dir = _orientations(a, b)
    ok = same_dir and _same_actor(a.source, b.source) and _same_actor(a.target, b.target)
    if not ok and reversed_dir:
        ok = _same_actor(a.source, b.target) and _same_actor(a.target, b.source)
    return ok and _dates_agree(a, b, story_of) and _places_agree(a, b)


def block_key(ev: Event) -> str:
    """Unordered actor pair + root: every event that could match shares it."""
    pair = sorted((_actor_key(ev.source), _actor_key(ev.target)))
    return f"{pair[0]}|{pair[1]}|{ev.cameo_root}"


# ---------------------------------------------------------------------------------------------
# persistence


def ensure_tables(con: Any) -> None:
    """Create the cluster index table if absent (idempotent)."""
    con.execute(
        """
        CREATE TABLE IF NOT EXISTS event_cluster_index (
            event_id VARCHAR PRIMARY KEY, block_key VARCHAR NOT NULL, cluster_id VARCHAR NOT NULL,
            seq BIGINT NOT NULL, article_id VARCHAR, cameo VARCHAR, cameo_root VARCHAR,
            source_code VARCHAR, source_country VARCHAR, source_sector VARCHAR, source_name VARCHAR,
            target_code VARCHAR, target_country VARCHAR, target_sector VARCHAR, target_name VARCHAR,
            date VARCHAR, date_precision VARCHAR, date_start DATE, date_end DATE,
            place_name VARCHAR, place_country VARCHAR, geonameid BIGINT, place_feature VARCHAR);
        CREATE INDEX IF NOT EXISTS event_cluster_index_block ON event_cluster_index (block_key);
        """
    )


_COLUMNS = (
    "event_id, block_key, cluster_id, seq, article_id, cameo, cameo_root, source_code, source_country, "
    "source_sector, source_name, target_code, target_country, target_sector, target_name, date, "
    "date_precision, date_start, date_end, place_name, place_country, geonameid, place_feature"
)


def _row(ev: Event, seq: int) -> tuple[Any, ...]:
    iv = _interval(ev)
    s, t, loc = ev.source, ev.target, ev.location
    return (
        ev.event_id, block_key(ev), ev.cluster_id, seq, ev.article_id, ev.cameo, ev.cameo_root,
        s.code, s.country, s.sector, s.name,
        t.code if t else None, t.country if t else None, t.sector if t else None, t.name if t else None,
        ev.date, ev.date_precision, iv[0] if iv else None, iv[1] if iv else None,
        loc.name if loc else None, loc.country if loc else None, loc.geonameid if loc else None,
        loc.feature if loc else None,
    )  # fmt: skip


def _from_row(r: Sequence[Any]) -> tuple[Event, str, int]:
    """A stored index row back as a comparable Event (only the fields same_event reads)."""
    from dyad.records import Location

    (
        eid,
        _bk,
        cid,
        seq,
        aid,
        cameo,
        root,
        sc,
        sco,
        ss,
        sn,
        tc,
        tco,
        ts,
        tn,
        d,
        dp,
        _ds,
        _de,
        pn,
        pc,
        gid,
        pf,
    ) = r
    ev = Event(
        event_id=eid, article_id=aid or "", sentence_index=0, evidence="", evidence_span=(0, 0),
        source=Actor(sc, sco, ss, sn, ""), target=Actor(tc, tco, ts, tn, "") if (tc or tco or tn) else None,
        cameo=cameo, cameo_root=root, plover=None, goldstein=None, quad_class=None,
        date=d, date_precision=dp,
        location=Location(pn, pc, geonameid=gid, feature=pf or "city") if pn else None,
        cluster_id=cid,
    )  # fmt: skip
    return ev, cid, int(seq)


# ---------------------------------------------------------------------------------------------
# clustering


class _UnionFind:
    def __init__(self, n: int) -> None:
        self.parent = list(range(n))

    def find(self, i: int) -> int:
        while self.parent[i] != i:
            self.parent[i] = self.parent[self.parent[i]]
            i = self.parent[i]
        return i

    def union(self, i: int, j: int) -> None:
        ri, rj = self.find(i), self.find(j)
        if ri != rj:
            self.parent[max(ri, rj)] = min(ri, rj)  # the earlier node stays the root


def _stored_candidates(con: Any, events: Sequence[Event]) -> list[tuple[Event, str, int]]:
    """Stored events in the batch's blocks whose dates could overlap (or undated, same article)."""
    by_block: dict[str, list[Event]] = {}
    for ev in events:
        by_block.setdefault(block_key(ev), []).append(ev)
    out: list[tuple[Event, str, int]] = []
    tol = timedelta(days=DAY_TOLERANCE)
    for bk, evs in by_block.items():
        ivs = [iv for iv in (_interval(e) for e in evs) if iv]
        articles = sorted({e.article_id for e in evs})
        conds, params = [], [bk]
        if ivs:
            conds.append("(date_end >= ? AND date_start <= ?)")
            params += [min(i[0] for i in ivs) - tol, max(i[1] for i in ivs) + tol]
        conds.append(f"(date_start IS NULL AND article_id IN ({','.join('?' * len(articles))}))")
        params += articles
        rows = con.execute(
            f"SELECT {_COLUMNS} FROM event_cluster_index WHERE block_key = ? AND ({' OR '.join(conds)})",
            params,
        ).fetchall()
        out.extend(_from_row(r) for r in rows)
    return out


def assign_clusters(
    events: list[Event],
    con: Any = None,
    *,
    story_of: Mapping[str, str] | None = None,
) -> None:
    """Set ``cluster_id`` on every event, in place: same id for the same real-world event across
    the batch and, with a DuckDB connection, across stored events (index table updated).

    ``story_of`` (article_id -> story_id) lets undated events of the same story match."""
    if not events:
        return
    if con is not None and not hasattr(con, "execute") and hasattr(con, "con"):
        con = con.con  # a Store object
    stored: list[tuple[Event, str, int]] = []
    next_seq = 0
    if con is not None:
        ensure_tables(con)
        stored = _stored_candidates(con, events)
        (mx,) = con.execute("SELECT coalesce(max(seq) + 1, 0) FROM event_cluster_index").fetchone()
        next_seq = int(mx)
    known = {ev.event_id: (cid, seq) for ev, cid, seq in stored}
    # nodes: stored first (older), then the batch in order
    nodes: list[Event] = [ev for ev, _, _ in sorted(stored, key=lambda x: x[2])] + list(events)
    n_stored = len(stored)
    uf = _UnionFind(len(nodes))
    people = {i: _people(ev) for i, ev in enumerate(nodes)}  # per component root

    def join(i: int, j: int, check: bool = True) -> None:
        """Union two components unless that would make one event of two different people in
        the same role: "Li met Putin" and "Li met Mishustin" stay apart even when a vaguer
        "Li visited Russia" matches both."""
        ri, rj = uf.find(i), uf.find(j)
        if ri == rj:
            return
        if check and any(people[ri][k] != people[rj][k] for k in people[ri].keys() & people[rj].keys()):
            return
        uf.union(ri, rj)
        people[uf.find(ri)] = {**people[ri], **people[rj]}

    first_of_cluster: dict[str, int] = {}
    for i, ev in enumerate(nodes[:n_stored]):
        cid = ev.cluster_id or ev.event_id
        if cid in first_of_cluster:
            join(first_of_cluster[cid], i, check=False)
        else:
            first_of_cluster[cid] = i
    id_to_node: dict[str, int] = {ev.event_id: i for i, ev in enumerate(nodes[:n_stored])}
    blocks: dict[str, list[int]] = {}
    for i, ev in enumerate(nodes):
        if i >= n_stored and ev.event_id in id_to_node:  # already stored (re-run): same node
            join(id_to_node[ev.event_id], i, check=False)
            continue
        if i >= n_stored:
            id_to_node.setdefault(ev.event_id, i)
        members = blocks.setdefault(block_key(ev), [])
        if i >= n_stored:
            for j in reversed(members[-MAX_BLOCK_COMPARISONS:]):
                if uf.find(i) != uf.find(j) and same_event(ev, nodes[j], story_of):
                    join(i, j)
        members.append(i)
    # cluster id: the stored cluster of the component's oldest stored node, else first batch event
    for i in range(n_stored, len(nodes)):
        root = uf.find(i)
        nodes[i].cluster_id = nodes[root].cluster_id if root < n_stored else nodes[root].event_id
    if con is not None:  # an event stored before keeps its stored cluster whatever happened since
        ids = sorted({ev.event_id for ev in events})
        for k in range(0, len(ids), 500):
            part = ids[k : k + 500]
            for eid, cid in con.execute(
                f"SELECT event_id, cluster_id FROM event_cluster_index WHERE event_id IN ({','.join('?' * len(part))})",
                part,
            ).fetchall():
                known[eid] = (cid, -1)
        for ev in events:
            if ev.event_id in known:
                ev.cluster_id = known[ev.event_id][0]
    if con is None:
        return
    new_rows = []
    seen: set[str] = set()
    for ev in events:
        if ev.event_id in known or ev.event_id in seen:
            continue
        seen.add(ev.event_id)
        new_rows.append(_row(ev, next_seq))
        next_seq += 1
    width = len(_COLUMNS.split(","))
    for k in range(0, len(new_rows), 200):
        chunk = new_rows[k : k + 200]
        values = ",".join(["(" + ",".join("?" * width) + ")"] * len(chunk))
        con.execute(
            f"INSERT INTO event_cluster_index ({_COLUMNS}) VALUES {values} ON CONFLICT (event_id) DO NOTHING",
            [x for r in chunk for x in r],
        )
