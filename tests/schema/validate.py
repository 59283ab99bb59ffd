#!/usr/bin/env python3
"""Validates policygraph outputs against one of the JSON Schemas in schemas/.

    validate.py SCHEMA FILE... [--jsonl]

Each FILE is one JSON document, or with --jsonl one JSON document per
non-empty line (each validated on its own, as `refs --format jsonl` prints
them).  Prints every violation as `FILE[:LINE]: /json/pointer: message`
and exits 0 when every file conforms, 1 when one does not, 2 on a usage
or I/O error and 3 when the jsonschema module is missing (Debian:
python3-jsonschema), so a caller can tell "schema bites" from "could not
check".
"""

import json
import sys

try:
    import jsonschema
except ImportError:
    print("validate.py: the jsonschema module is missing "
          "(Debian: apt-get install python3-jsonschema)", file=sys.stderr)
    sys.exit(3)


def Short(message, limit=300):
    """A message cut to `limit` characters: jsonschema quotes the whole
    offending value, which for a graph can be megabytes."""
    return message if len(message) <= limit else message[:limit] + " …"


def Pointer(path):
    return "/" + "/".join(str(p) for p in path)


def Records(text, jsonl):
    """(line number or None, parsed value) pairs."""
    if not jsonl:
        yield None, json.loads(text)
        return
    for number, line in enumerate(text.split("\n"), start=1):
        if line.strip():
            yield number, json.loads(line)


def Check(validator, file_path, jsonl):
    """Prints the violations of one file; returns how many there were."""
    try:
        with open(file_path, encoding="utf-8") as f:
            text = f.read()
    except (OSError, ValueError) as e:
        print(f"{file_path}: cannot read: {e}")
        return 1
    errors = 0
    records = 0
    try:
        for number, record in Records(text, jsonl):
            records += 1
            where = file_path if number is None else f"{file_path}:{number}"
            for error in sorted(validator.iter_errors(record),
                                key=lambda e: list(map(str, e.absolute_path))):
                errors += 1
                print(f"{where}: {Pointer(error.absolute_path)}: "
                      f"{Short(error.message)}")
    except ValueError as e:
        print(f"{file_path}: not JSON: {e}")
        return errors + 1
    if records == 0:
        print(f"{file_path}: no record to validate")
        return 1
    if errors:
        print(f"{file_path}: {errors} violation(s)")
    else:
        print(f"{file_path}: {records} record(s) valid")
    return errors


def main(argv):
    files = [a for a in argv[1:] if a != "--jsonl"]
    jsonl = "--jsonl" in argv[1:]
    if len(files) < 2:
        print(__doc__.strip(), file=sys.stderr)
        return 2
    schema_path = files.pop(0)
    try:
        with open(schema_path, encoding="utf-8") as f:
            schema = json.load(f)
    except (OSError, ValueError) as e:
        print(f"validate.py: {schema_path}: {e}", file=sys.stderr)
        return 2

    # The schema itself is checked first: a typo there would otherwise
    # accept everything and the tests would prove nothing.
    validator_class = jsonschema.validators.validator_for(schema)
    try:
        validator_class.check_schema(schema)
    except jsonschema.exceptions.SchemaError as e:
        print(f"validate.py: {schema_path}: not a valid schema: "
              f"{Short(e.message)}", file=sys.stderr)
        return 2
    validator = validator_class(schema)

    failed = sum(1 for path in files if Check(validator, path, jsonl) > 0)
    if failed:
        print(f"{failed} of {len(files)} file(s) violate {schema_path}")
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
