"""The written probe sets stay well formed: the scorer reads every line of them."""
import json
from pathlib import Path

import pytest

PROBES = sorted((Path(__file__).resolve().parents[1] / "benchmarks" / "probes").glob("*.jsonl"))
COMPARATORS = {"exact", "at_least", "more_than", "approx", "at_most", "less_than"}


@pytest.mark.parametrize("path", PROBES, ids=lambda p: p.stem)
def test_every_probe_has_its_text_language_and_answers(path):
    for line in path.read_text(encoding="utf-8").splitlines():
        probe = json.loads(line)
        assert probe["lang"] in ("vi", "fr", "en") and probe["text"].strip()
        assert all(t["unit"] in ("percent", "percentage_point", "count", "currency") and t["comparator"] in COMPARATORS
                   for t in probe["targets"])
        assert all(isinstance(name, str) and name for name in probe["initiatives"])


def test_there_are_probe_sets_for_every_language():
    assert {p.stem.split("-")[0] for p in PROBES} == {"vi", "fr", "en"}
