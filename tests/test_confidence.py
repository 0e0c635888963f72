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
