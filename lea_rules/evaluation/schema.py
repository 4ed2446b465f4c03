"""Schema: the JSON Schema of `lea evaluate --format json`, generated from the pydantic model."""

from __future__ import annotations

import json
from typing import Any

from lea_rules.evaluation.model import SCHEMA_VERSION, EvaluationReport


def evaluation_schema() -> dict[str, Any]:
    """EvaluationReport as JSON Schema (draft 2020-12), with the schema version as a constant."""
    schema = EvaluationReport.model_json_schema()
    schema["properties"]["schema_version"]["const"] = SCHEMA_VERSION
    return {"$schema": "https://json-schema.org/draft/2020-12/schema",
            **schema, "title": f"LEA-evaluatie ({SCHEMA_VERSION})"}


def schema_text() -> str:
    """The schema as committed in docs/evaluation-schema.json (stable key order, trailing newline)."""
    return json.dumps(evaluation_schema(), ensure_ascii=False, indent=2) + "\n"
