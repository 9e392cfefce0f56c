"""Times the generated module's lookups against hand-written ones.

python.py MODULE.py MODULE.json: MODULE.py is what regen --lang python
wrote, MODULE.json the JSON artifact beside it, where the keys come from:
every code, every phrase (current, former, other spellings, as written) and
every name of the registry. The hand-written baselines are what one would
write without regen: dicts built at import from the data, and str.lower()
for the phrase. Prints one line per lookup, nanoseconds per call (the
loop's own cost, the same for both, included).
"""

import collections
import importlib.util
import json
import sys
import time
from types import ModuleType
from typing import Any, Callable

SAMPLE_NS = 20_000_000  # one sample: ~20 ms; the whole run takes ~1 s


def load(path: str) -> ModuleType:
    spec = importlib.util.spec_from_file_location("generated", path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def sample(lookup: Callable[[Any], object], keys: list[Any], rounds: int) -> int:
    start = time.perf_counter_ns()
    for _ in range(rounds):
        collections.deque(map(lookup, keys), maxlen=0)  # calls, keeps nothing
    return time.perf_counter_ns() - start


def compare(ours: Callable[[Any], object], theirs: Callable[[Any], object],
            keys: list[Any]) -> tuple[float, float]:
    """Nanoseconds per call of OURS and of THEIRS over KEYS: the best of
    seven samples each, taken in turn so that a change in the machine's
    load falls on both."""
    rounds = 1
    while sample(ours, keys, rounds) < SAMPLE_NS:  # also warms up
        rounds *= 2
    best = [min(pair) for pair in zip(*[(sample(ours, keys, rounds), sample(theirs, keys, rounds))
                                        for _ in range(7)])]
    return best[0] / (rounds * len(keys)), best[1] / (rounds * len(keys))


# The hand-written baselines: module-level dicts and functions, as the
# generated module has them, filled by main() from the JSON.
HAND_BY_PHRASE: dict[str, int] = {}
HAND_BY_CODE: dict[int, dict[str, Any]] = {}
HAND_BY_NAME: dict[str, dict[str, Any]] = {}


def hand_from_reason(phrase: str) -> int | None:
    return HAND_BY_PHRASE.get(phrase.lower())


def hand_from_code(code: int) -> dict[str, Any] | None:
    return HAND_BY_CODE.get(code)


def hand_from_name(name: str) -> dict[str, Any] | None:
    return HAND_BY_NAME.get(name)


def main() -> None:
    generated = load(sys.argv[1])
    with open(sys.argv[2], encoding="utf-8") as file:
        codes = json.load(file)["codes"]

    # The hand-written lookups' dicts, built once, as at a module's import.
    for entry in codes:
        for phrase in [entry["reason"], *entry["former"], *entry.get("spellings", [])]:
            HAND_BY_PHRASE[phrase.lower()] = entry["code"]
        HAND_BY_CODE.setdefault(entry["code"], entry)  # the first of a shared code
        HAND_BY_NAME[entry["name"]] = entry

    phrases = [p for e in codes for p in [e["reason"], *e["former"], *e.get("spellings", [])]]
    numbers = sorted({entry["code"] for entry in codes})
    names = [entry["name"] for entry in codes]
    # Both sides must find every key, or they would not do the same work.
    assert all(generated.from_reason(p).code == hand_from_reason(p) for p in phrases)
    assert all(generated.from_code(c) is not None and hand_from_code(c) for c in numbers)
    assert all(generated.from_name(n) is not None and hand_from_name(n) for n in names)

    runs: list[tuple[str, Callable[[Any], object], Callable[[Any], object], list[Any]]] = [
        ("from_reason", generated.from_reason, hand_from_reason, phrases),
        ("from_code", generated.from_code, hand_from_code, numbers),
        ("from_name", generated.from_name, hand_from_name, names),
    ]
    for label, ours, theirs, keys in runs:
        generated_ns, hand_ns = compare(ours, theirs, keys)
        print(f"python {label}: generated {generated_ns:.1f} ns/op, "
              f"hand-written {hand_ns:.1f} ns/op")


if __name__ == "__main__":
    main()
