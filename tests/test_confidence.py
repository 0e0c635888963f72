"""The confidence model: a logistic score over an event's evidence path, read from a data file."""

from __future__ import annotations

import pytest

from dyad.events.confidence import MODEL_FILE, ConfidenceModel, default_model


def test_score_is_the_logistic_of_bias_plus_weights_and_unknown_features_weigh_nothing() -> None:
    model = ConfidenceModel.from_dict({"bias": 0.0, "how": {"inherited": -1.0}, "root": {"04": 1.0}})
    assert model.score([]) == pytest.approx(0.5)
    assert model.score(["how:inherited", "root:04"]) == pytest.approx(0.5)
    assert model.score(["how:inherited"]) == pytest.approx(0.2689, abs=1e-4)
    assert model.score(["how:a-tag-added-after-the-fit"]) == pytest.approx(0.5)


def test_score_stays_between_floor_and_ceiling() -> None:
    model = ConfidenceModel.from_dict({"bias": 0.0, "floor": 0.1, "ceiling": 0.9, "target": {"none": -50, "kb": 50}})
    assert model.score(["target:none"]) == 0.1 and model.score(["target:kb"]) == 0.9


@pytest.mark.parametrize(
    ("data", "message"),
    [({"how": ["inherited"]}, "'how' must map"), ({"root": {"04": "high"}}, "root: 04: weight 'high'"),
     ({"bias": "x"}, "bias 'x'")],
)  # fmt: skip
def test_a_malformed_model_file_is_a_clear_error(data: dict, message: str) -> None:
    with pytest.raises(ValueError, match=message):
        ConfidenceModel.from_dict(data, origin="confidence.yaml")


def test_bundled_model_file_loads_and_trusts_a_named_target_over_none() -> None:
    model = ConfidenceModel.load(MODEL_FILE)
    assert model.weights["target:kb"] > model.weights["target:none"]
    assert 0.0 < model.floor < model.ceiling <= 1.0


def test_events_carry_the_path_their_confidence_was_scored_from(code_events) -> None:
    events = code_events("Russian President Vladimir Putin met Chinese President Xi Jinping on Tuesday.", "2023-03-22")
    assert events
    for event in events:
        assert {"source:kb", "target:kb", f"root:{event.cameo[:2]}"} <= set(event.evidence_path)
        assert event.confidence == pytest.approx(default_model().score(event.evidence_path))


def _benchmark(name: str):
    """A benchmarks/ script as a module (they are scripts, not a package)."""
    import importlib.util
    import sys
    from pathlib import Path

    folder = Path(__file__).resolve().parents[1] / "benchmarks"
    sys.path.insert(0, str(folder))
    try:
        spec = importlib.util.spec_from_file_location(name, folder / f"{name}.py")
        module = importlib.util.module_from_spec(spec)
        spec.loader.exec_module(module)
    finally:
        sys.path.remove(str(folder))
    return module


def test_recalibration_folds_into_the_weights_of_the_model_file() -> None:
    import math

    fit = _benchmark("fit_confidence")
    bias, weights = 0.4, {"how:inherited": -0.8, "root:04": 1.2}
    a, b = -0.5, 1.3
    folded = ConfidenceModel(*fit.fold(bias, weights, a, b), floor=0.0, ceiling=1.0)
    plain = ConfidenceModel(bias, weights, floor=0.0, ceiling=1.0)
    for path in ([], ["how:inherited"], ["how:inherited", "root:04"]):
        s = plain.score(path)
        assert folded.score(path) == pytest.approx(1 / (1 + math.exp(-(a + b * math.log(s / (1 - s))))))


def test_platt_scaling_recovers_how_overconfident_scores_are() -> None:
    import math
    import random

    fit = _benchmark("fit_confidence")
    rng = random.Random(7)
    pairs = []
    for _ in range(20000):
        s = rng.uniform(0.05, 0.95)
        truth = 1 / (1 + math.exp(-(-0.6 + 0.8 * math.log(s / (1 - s)))))  # right less often than s says
        pairs.append((s, rng.random() < truth))
    a, b = fit.platt(pairs)
    assert a == pytest.approx(-0.6, abs=0.1) and b == pytest.approx(0.8, abs=0.1)


def test_arrival_events_are_read_and_a_malformed_line_names_file_and_line(tmp_path) -> None:
    arrivals = _benchmark("arrival_events")
    rows = arrivals.read_arrivals()
    assert len({name for name, _, _ in rows}) >= 7 and all(path for _, path, _ in rows)
    bad = tmp_path / "arrival_events.tsv"
    bad.write_text("# header\ndev9\tabc1234\t1\troot:04 source:kb\ndev9\tabc1234\tyes\troot:04\n")
    with pytest.raises(ValueError, match=r"arrival_events.tsv:3:"):
        arrivals.read_arrivals(bad)


def test_evidence_precision_ranks_features_worst_first_and_leaves_out_rare_ones() -> None:
    precision = _benchmark("evidence_precision")
    rows = [(("target:none", "root:19"), False), (("target:kb", "root:19"), True), (("target:kb", "root:04"), True)]
    got = precision.table(rows, least=1)
    assert got[0] == ("target:none", 1, 0.0)
    assert ("root:19", 2, 0.5) in got
    assert [f for f, _, _ in precision.table(rows, least=2)] == ["root:19", "target:kb"]
