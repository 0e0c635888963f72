"""Story-index features: what an article contributes, computed from its text alone.

Why a module of its own: this is the part of story grouping that needs no state and no
database -- word shingles and their MinHash signature with its LSH band buckets (for
near-duplicates), and the typed, type-weighted lexical features (names, numbers, content words)
whose TF-IDF cosine decides stories. :func:`prepare` bundles all three; the index
(:mod:`dyad.dedup.stories`) applies idf at comparison time from its document frequencies.
Everything here is deterministic across processes (hashes are blake2b, not Python's salted
``hash``), because the hashes are stored in DuckDB and compared across runs.
"""

from __future__ import annotations

import hashlib
import math
import re
from collections import Counter

import numpy as np
from datasketch import MinHash

# datasketch has no public function for the (bands, rows) split that MinHashLSH chooses for a
# threshold; this private helper is imported here and nowhere else. If a datasketch upgrade
# removes it, only this line (and the _BANDS/_ROWS below) need replacing -- note that a different
# split changes the stored story_bands buckets, so an existing database would need re-indexing.
from datasketch.lsh import _optimal_param
from spacy.lang.en.stop_words import STOP_WORDS

NUM_PERM = 64
SHINGLE = 3
DUP_THRESHOLD = 0.5  # estimated Jaccard of word 3-shingles for "near-duplicate"
LEAD_CHARS = 300  # the article's lead ...
LEAD_BOOST = 3  # ... counts this many times
# Numbers (magnitudes, tolls, years, scores) separate same-kind events best: two earthquakes share
# their vocabulary but not their magnitude and toll. n=4 chosen on ECB+ odd topics (1.5, 3, 4, 5, 6
# tried: odd F1 0.859, 0.873, 0.889, 0.886, 0.888 at threshold 0.25; 4 is also stable at 0.26-0.28).
TYPE_WEIGHT = {"e": 2.0, "p": 2.0, "n": 4.0, "w": 1.0}

_TOKEN = re.compile(r"[A-Za-z][A-Za-z'’\-]*[A-Za-z]|[A-Za-z]|\d+(?:[.,]\d+)*")
_OPENERS = frozenset(".!?:;\"“”‘'([\n-—")
_STOP = frozenset(w.lower() for w in STOP_WORDS) | {"said", "says", "told", "according", "also"}
_CONNECT = {"of", "de", "la", "del", "van", "von", "al", "bin", "da", "le"}


def _fhash(s: str) -> int:
    """Stable signed 64-bit hash (Python's ``hash`` is salted per process)."""
    return int.from_bytes(hashlib.blake2b(s.encode("utf-8"), digest_size=8).digest(), "big", signed=True)


def _norm_word(w: str) -> str:
    w = w.lower().replace("’", "'")
    if w.endswith("'s"):
        w = w[:-2]
    if len(w) > 4 and w.endswith("s") and not w.endswith("ss"):
        w = w[:-1]
    return w


def _is_initial(text: str, start: int) -> bool:
    """Whether a token opens a sentence, line or quote (capitalised for grammar, not as a name)."""
    i = start - 1
    while i >= 0 and text[i] in " \t":
        i -= 1
    return i < 0 or text[i] in _OPENERS


def extract_features(text: str) -> Counter[str]:
    """Typed lexical features with counts: ``e:`` name tokens, ``p:`` multi-word names,
    ``n:`` numbers, ``w:`` content words. Regex only -- no parser -- because this runs on
    every stored article. Words of the lead (headline, first sentence) count ``LEAD_BOOST``
    times: news puts the who/what/where of the happening there, and background further down."""
    feats: Counter[str] = Counter()
    toks = list(_TOKEN.finditer(text))
    initial = [_is_initial(text, m.start()) for m in toks]
    caps_inside = {
        m.group().lower() for m, ini in zip(toks, initial, strict=True) if not ini and m.group()[0].isupper()
    }
    phrase: list[str] = []
    inc = LEAD_BOOST

    def flush() -> None:
        while phrase and phrase[-1] in _CONNECT:
            phrase.pop()
        if len(phrase) > 1:
            feats["p:" + " ".join(phrase)] += inc
        phrase.clear()

    prev_end = 0
    for m, is_initial in zip(toks, initial, strict=True):
        tok = m.group()
        if text[prev_end : m.start()].strip():  # punctuation between tokens ends a name
            flush()
        prev_end = m.end()
        if m.start() >= LEAD_CHARS:
            inc = 1
        low = _norm_word(tok)
        if tok[0].isdigit():
            flush()
            num = tok.replace(",", "")
            if len(num) >= 2 or "." in num:
                feats["n:" + num] += inc
            continue
        is_name = (
            tok[0].isupper()
            and low not in _STOP
            and (not is_initial or tok.lower() in caps_inside or (tok.isupper() and len(tok) > 1))
        )
        if is_name:
            feats["e:" + low] += inc
            phrase.append(low)
            continue
        if phrase and tok in _CONNECT:
            phrase.append(tok)
            continue
        flush()
        if len(low) >= 3 and low not in _STOP:
            feats["w:" + low] += inc
    flush()
    return feats


def _vectorise(feats: Counter[str]) -> tuple[np.ndarray, np.ndarray]:
    """Sorted feature hashes and their type-weighted log-tf weights (idf is applied at
    comparison time, from the current document frequencies)."""
    acc: dict[int, float] = {}
    for f, c in feats.items():
        h = _fhash(f)
        acc[h] = max(acc.get(h, 0.0), TYPE_WEIGHT[f[0]] * (1.0 + math.log(c)))
    keys = np.array(sorted(acc), dtype=np.int64)
    vals = np.array([acc[int(k)] for k in keys], dtype=np.float32)
    return keys, vals


def _shingles(text: str) -> list[bytes]:
    words = [m.group().lower() for m in _TOKEN.finditer(text)]
    if 0 < len(words) < SHINGLE:  # a very short text is one shingle: identical ones still match
        return [" ".join(words).encode("utf-8")]
    return list({" ".join(words[i : i + SHINGLE]).encode("utf-8") for i in range(len(words) - SHINGLE + 1)})


def _minhash(text: str) -> np.ndarray | None:
    sh = _shingles(text)
    if not sh:
        return None
    m = MinHash(num_perm=NUM_PERM)
    m.update_batch(sh)
    return np.asarray(m.hashvalues, dtype=np.uint32)


_BANDS, _ROWS = _optimal_param(DUP_THRESHOLD, NUM_PERM, 0.5, 0.5)


def _band_buckets(sig: np.ndarray) -> list[int]:
    return [_fhash(f"{b}:" + sig[b * _ROWS : (b + 1) * _ROWS].tobytes().hex()) for b in range(_BANDS)]


def prepare(text: str) -> tuple[np.ndarray | None, list[int], tuple[np.ndarray, np.ndarray]]:
    """What an article contributes, computed from its text alone: MinHash signature, LSH
    buckets and feature vector."""
    sig = _minhash(text)
    return sig, (_band_buckets(sig) if sig is not None else []), _vectorise(extract_features(text))
