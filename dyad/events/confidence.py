"""How sure the coder is of an event: a logistic model over the evidence path that produced it.

Why a model and not hand-set penalties: the rounds of hand-set penalties (an inherited subject costs
0.1, a noun trigger 0.2 ...) left bands that did not order — events scored 0.70 were exactly right
less often than events scored 0.65, because two small penalties summed to the same score as one large
one for paths that fail for different reasons. The weights now live in ``dyad/data/confidence.yaml``:
one per feature of the path (each tag the coder put in ``Found.how``, how the source and the target
were resolved, the CAMEO root), fitted by ``benchmarks/fit_confidence.py`` on the development triple
sets so that the score estimates how often such an event is exactly right (source, target and code
as annotated). An analyst can read which paths the coder trusts and edit a weight by hand.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import yaml

from dyad.events.base import Found

MODEL_FILE = Path(__file__).resolve().parents[1] / "data" / "confidence.yaml"
GROUPS = ("how", "source", "target", "root")
"""The feature groups of the model file; a feature is ``group:value`` ("how:inherited", "target:none")."""


def evidence_path(f: Found) -> tuple[str, ...]:
    """The features of ``f`` the model weighs: its ``how`` tags, how each side was resolved, its root."""
    tags = sorted({f"how:{tag}" for tag in f.how})
    target = f"target:{f.target.resolved_by}" if f.target is not None else "target:none"
    return (*tags, f"source:{f.source.resolved_by}", target, f"root:{f.code[:2]}")


@dataclass(frozen=True)
class ConfidenceModel:
    """``score = logistic(bias + sum of the weights of the features present)``, kept in [floor, ceiling]."""

    bias: float
    weights: Mapping[str, float]
    floor: float = 0.05
    ceiling: float = 0.99

    @classmethod
    def from_dict(cls, data: Mapping, origin: str = "confidence model") -> ConfidenceModel:
        """Read the model file's mapping; a group that is not a mapping of numbers is a clear error."""
        weights: dict[str, float] = {}
        for group in GROUPS:
            entries = data.get(group) or {}
            if not isinstance(entries, Mapping):
                raise ValueError(f"{origin}: '{group}' must map feature values to weights")
            for value, weight in entries.items():
                if not isinstance(weight, int | float):
                    raise ValueError(f"{origin}: {group}: {value}: weight {weight!r} is not a number")
                weights[f"{group}:{value}"] = float(weight)
        bias = data.get("bias", 0.0)
        if not isinstance(bias, int | float):
            raise ValueError(f"{origin}: bias {bias!r} is not a number")
        return cls(float(bias), weights, float(data.get("floor", 0.05)), float(data.get("ceiling", 0.99)))

    @classmethod
    def load(cls, path: Path = MODEL_FILE) -> ConfidenceModel:
        with path.open(encoding="utf-8") as handle:
            return cls.from_dict(yaml.safe_load(handle) or {}, origin=str(path))

    def score(self, features: Iterable[str]) -> float:
        """The estimated chance that an event with these features is exactly right. A feature the
        model has no weight for (a tag added after the last fit) counts as zero."""
        logit = self.bias + sum(self.weights.get(feature, 0.0) for feature in features)
        return max(self.floor, min(self.ceiling, 1.0 / (1.0 + math.exp(-logit))))


@lru_cache(maxsize=1)
def default_model() -> ConfidenceModel:
    return ConfidenceModel.load()


def confidence(f: Found) -> float:
    """The bundled model's score for ``f``."""
    return default_model().score(evidence_path(f))
