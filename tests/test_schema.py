"""The JSON Schema of `lea evaluate --format json` is committed and matches the model."""

from __future__ import annotations

import json
from pathlib import Path

from lea_rules.cli import main
from lea_rules.evaluation.model import SCHEMA_VERSION, Status
from lea_rules.evaluation.schema import evaluation_schema, schema_text

ROOT = Path(__file__).resolve().parent.parent
COMMITTED = ROOT / "docs" / "evaluation-schema.json"


def test_committed_schema_equals_generated() -> None:
    assert COMMITTED.read_text(encoding="utf-8") == schema_text(), (
        "docs/evaluation-schema.json is verouderd: python -m lea_rules schema > docs/evaluation-schema.json")


def test_schema_names_its_version_and_every_status() -> None:
    schema = evaluation_schema()
    assert schema["properties"]["schema_version"]["const"] == SCHEMA_VERSION
    assert set(schema["$defs"]["Status"]["enum"]) == {s.value for s in Status}


def test_lea_schema_prints_it(capsys: object) -> None:
    assert main(["schema"]) == 0
    out = capsys.readouterr().out  # type: ignore[attr-defined]
    assert json.loads(out) == evaluation_schema()
