"""Every status code an operation can answer is in the OpenAPI schema (schemathesis checks it in CI).

Operations declare their own success and domain errors; the answers that come from the layers around every
operation are added here once: 422 for input no operation accepts (lib/api_input: control characters, bad
JSON, parameters that fail validation), 400 for a body that cannot be parsed, 404 where a path names an
object, 401/403 where a token is required.
"""

from typing import Any

# lib/api_errors.ErrorOut, the one error shape of every status; its schema is already a component wherever an
# operation declares an error itself (pydantic's own rendering, with ErrorItem inlined otherwise).
ERROR_SCHEMA_NAME = "ErrorOut"
ERROR_SCHEMA = {
    "title": ERROR_SCHEMA_NAME,
    "type": "object",
    "properties": {
        "detail": {
            "type": "array",
            "items": {
                "type": "object",
                "properties": {
                    "field": {"type": "string"},
                    "message": {"type": "string"},
                    "type": {"type": "string"},
                },
                "required": ["field", "message", "type"],
            },
        }
    },
    "required": ["detail"],
}
DESCRIPTIONS = {
    "400": "Body cannot be parsed (e.g. a multipart body with a wrong boundary)",
    "401": "Missing or invalid Bearer token",
    "403": "The token's user may not do this",
    "404": "Not found (or not visible to the caller)",
    "422": "Invalid input: one entry per field, in the caller's language",
}


def _codes(operation: dict[str, Any]) -> list[str]:
    codes = ["422"]
    if operation.get("requestBody"):
        codes.append("400")
    if operation.get("security"):
        codes += ["401", "403"]
    if any(p.get("in") == "path" for p in operation.get("parameters", [])):
        codes.append("404")
    return codes


def document_errors(schema: dict[str, Any]) -> dict[str, Any]:
    """Adds the surrounding layers' answers to every operation that does not document them yet."""
    schema.setdefault("components", {}).setdefault("schemas", {}).setdefault(ERROR_SCHEMA_NAME, ERROR_SCHEMA)
    ref = {"$ref": f"#/components/schemas/{ERROR_SCHEMA_NAME}"}
    for operations in schema.get("paths", {}).values():
        for operation in operations.values():
            responses = operation.setdefault("responses", {})
            for code in _codes(operation):
                responses.setdefault(
                    code,
                    {"description": DESCRIPTIONS[code], "content": {"application/json": {"schema": ref}}},
                )
    return schema
