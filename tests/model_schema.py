"""--dump-model's output against --model-schema's, for one registry: the
schema the template check reads must describe the model templates get.
Then the same model with a key misspelt, a key taken away and a value of
the wrong type, each of which the schema must refuse (so this can fail).

usage: model_schema.py REGEN REGISTRY"""
import copy
import json
import subprocess
import sys

import jsonschema


def regen_json(regen, option, registry):
    run = subprocess.run([regen, option, registry], capture_output=True, text=True, check=True)
    return json.loads(run.stdout)


def main():
    regen, registry = sys.argv[1:3]
    model = regen_json(regen, "--dump-model", registry)
    validator = jsonschema.Draft202012Validator(regen_json(regen, "--model-schema", registry))
    problems = [f"{list(error.absolute_path)}: {error.message}"
                for error in validator.iter_errors(model)]
    entry = model["codes"][0]
    spoilt = []
    for change in ("misspelt", "missing", "wrong type"):
        wrong = copy.deepcopy(model)
        wrong_entry = wrong["codes"][0]
        if change == "misspelt":
            wrong_entry["nmae"] = wrong_entry.pop("name")
        elif change == "missing":
            del wrong["registry"]["_min_macro"]
        else:
            wrong["_lookup"]["code"]["slots"][0]["entry"]["code"] = str(entry["code"])
        if validator.is_valid(wrong):
            spoilt.append(change)
    for problem in problems:
        print("FAIL: the model does not fit its schema:", problem)
    for change in spoilt:
        print("FAIL: the schema accepts a model with a key", change)
    sys.exit(1 if problems or spoilt else 0)


main()
