"""The lookup and generator benchmark. Prints numbers; asserts nothing.

usage: python3 bench/bench.py [--regen build/regen] [--registry registry.yaml]
                              [--quick] [--baseline OTHER_REGEN]

From the registry it generates, at run time, regen's C and the baselines: a
`switch` over the codes, `gperf -t -C -l --ignore-case` for reason phrases
and `gperf -t -C -l` for names. On fixed pseudo-random workloads (valid
keys, case-varied keys, former phrases, 20% near misses) it measures the
median wall time per lookup and the instructions per lookup under
`valgrind --tool=callgrind` (stable on a noisy machine), and prints each as
a ratio regen / baseline. Then it times regen itself on the registry and on
synthetic registries of 1,000, 10,000 and 100,000 entries, with peak memory;
with --baseline, another regen (an earlier build, say) right after it in every
round, and the ratio of the two.
Needs gcc, gperf and valgrind (Debian: gcc gperf valgrind)."""
import argparse
import json
import os
import random
import re
import shutil
import struct
import subprocess
import sys
import tempfile
import time

HERE = os.path.dirname(os.path.abspath(__file__))
LOOKUPS_PER_WORKLOAD = 100_000
CC = os.environ.get("CC", "gcc")
NEAR_MISS_SHARE = 0.2


def run(command, **kwargs):
    return subprocess.run(command, check=True, capture_output=True, text=True, **kwargs)


# ---- baselines, generated from the JSON artifact ---------------------------

def c_string(text):
    out = []
    for byte in text.encode():
        if byte in (0x22, 0x5C):
            out.append("\\" + chr(byte))
        elif 0x20 <= byte < 0x7F and byte != 0x3F:
            out.append(chr(byte))
        else:
            out.append("\\%03o" % byte)
    return '"' + "".join(out) + '"'


def write_switch(model, prefix, path):
    primaries = {}
    for index, entry in enumerate(model["codes"]):
        if entry["code"] not in primaries or (
                model["codes"][primaries[entry["code"]]]["status"] == "unofficial"
                and entry["status"] != "unofficial"):
            primaries[entry["code"]] = index
    lines = [f'#include "{prefix}.h"', "const void *switch_lookup(int code);",
             "const void *switch_lookup(int code)", "{", "    switch (code) {"]
    for code in sorted(primaries):
        lines.append(f"    case {code}: return &{prefix}_table[{primaries[code]}];")
    lines += ["    default: return 0;", "    }", "}"]
    with open(path, "w") as out:
        out.write("\n".join(lines) + "\n")


def write_gperf_input(keys, path):
    lines = ["%{", "#include <stddef.h>", "#include <string.h>", "%}",
             "struct gperf_key { const char *name; int entry; };", "%%"]
    for key, entry in keys:
        lines.append(f"{c_string(key)}, {entry}")
    with open(path, "w") as out:
        out.write("\n".join(lines) + "\n")


def phrase_keys(model):
    return [(phrase, index) for index, entry in enumerate(model["codes"])
            for phrase in [entry["reason"]] + entry["former"]]


def build(regen, registry, work):
    out = os.path.join(work, "out")
    run([regen, "-o", out, registry])
    model = json.load(open(os.path.join(out, [f for f in os.listdir(out) if f.endswith(".json")][0])))
    prefix = model["registry"]["name"]
    write_switch(model, prefix, os.path.join(work, "switch.c"))
    write_gperf_input(phrase_keys(model), os.path.join(work, "reason.gperf"))
    write_gperf_input([(e["name"], i) for i, e in enumerate(model["codes"])],
                      os.path.join(work, "name.gperf"))
    run(["gperf", "-t", "-C", "-l", "--ignore-case", "-N", "gperf_reason", "-H", "gperf_reason_hash",
         "--output-file=" + os.path.join(work, "gperf_reason.c"), os.path.join(work, "reason.gperf")])
    run(["gperf", "-t", "-C", "-l", "-N", "gperf_name", "-H", "gperf_name_hash",
         "--output-file=" + os.path.join(work, "gperf_name.c"), os.path.join(work, "name.gperf")])
    flags = ["-O2", "-I" + out]
    objects = []
    for source, extra in [(os.path.join(out, prefix + ".c"), []), (os.path.join(work, "switch.c"), []),
                          (os.path.join(work, "gperf_reason.c"), ["-w"]),
                          (os.path.join(work, "gperf_name.c"), ["-w"])]:
        obj = source + ".o"
        run([CC, "-std=c99", *flags, *extra, "-c", source, "-o", obj])
        objects.append(obj)
    binary = os.path.join(work, "lookup_bench")
    run([CC, "-std=c99", *flags, f"-DREG={prefix}", f'-DREG_HEADER="{prefix}.h"',
         os.path.join(HERE, "lookup_bench.c"), *objects, "-o", binary])
    return model, prefix, binary


# ---- workloads --------------------------------------------------------------

def vary_case(rng, text):
    return "".join(c.swapcase() if rng.random() < 0.5 else c for c in text)


def near_miss(rng, key, taken):
    """A key that is almost KEY and matches nothing: a byte changed, a prefix,
    a suffix, an embedded NUL, a non-letter with bit 0x20 flipped."""
    while True:
        kind = rng.randrange(5)
        data = bytearray(key.encode())
        if kind == 0 and data:
            i = rng.randrange(len(data))
            data[i] = (data[i] + rng.randrange(1, 255)) % 256
        elif kind == 1 and len(data) > 1:
            data = data[:-1]
        elif kind == 2:
            data += b"x"
        elif kind == 3 and data:
            data[rng.randrange(len(data))] = 0
        else:
            others = [i for i, b in enumerate(data) if not chr(b).isalpha()]
            if others:
                data[rng.choice(others)] ^= 0x20
            else:
                data += b"!"
        candidate = bytes(data)
        if candidate.lower() not in taken:
            return candidate


def write_workload(path, keys):
    with open(path, "wb") as out:
        for key in keys:
            out.write(struct.pack("<I", len(key)) + key)


def make_workloads(model, work, rng):
    entries = model["codes"]
    codes = sorted({e["code"] for e in entries})
    present = set(codes)
    low, high = model["registry"]["min"], model["registry"]["max"]
    reasons = [e["reason"] for e in entries]
    formers = [f for e in entries for f in e["former"]] or reasons
    names = [e["name"] for e in entries]
    taken_phrases = {p.encode().lower() for p, _ in phrase_keys(model)}
    taken_names = {n.encode().lower() for n in names}

    def code_key(code):
        return struct.pack("<i", code)

    def missing_code():
        while True:
            code = rng.randint(max(low - 100, -2**31), min(high + 100, 2**31 - 1))
            if code not in present:
                return code

    def mixed(make_valid, make_miss):
        return [make_miss() if rng.random() < NEAR_MISS_SHARE else make_valid()
                for _ in range(LOOKUPS_PER_WORKLOAD)]

    def phrase_valid():
        kind = rng.randrange(3)
        text = rng.choice(reasons if kind < 2 else formers)
        return (vary_case(rng, text) if kind == 1 else text).encode()

    workloads = {
        "code valid": ("code", [code_key(rng.choice(codes)) for _ in range(LOOKUPS_PER_WORKLOAD)]),
        "code +20% misses": ("code", mixed(lambda: code_key(rng.choice(codes)),
                                           lambda: code_key(missing_code()))),
        "reason exact": ("reason", [rng.choice(reasons).encode() for _ in range(LOOKUPS_PER_WORKLOAD)]),
        "reason case-varied": ("reason", [vary_case(rng, rng.choice(reasons)).encode()
                                          for _ in range(LOOKUPS_PER_WORKLOAD)]),
        "reason former": ("reason", [rng.choice(formers).encode() for _ in range(LOOKUPS_PER_WORKLOAD)]),
        "reason mixed +20% misses": ("reason", mixed(
            phrase_valid, lambda: near_miss(rng, rng.choice(reasons), taken_phrases))),
        "name exact": ("name", [rng.choice(names).encode() for _ in range(LOOKUPS_PER_WORKLOAD)]),
        "name +20% misses": ("name", mixed(lambda: rng.choice(names).encode(),
                                           lambda: near_miss(rng, rng.choice(names), taken_names))),
    }
    paths = {}
    for label, (kind, keys) in workloads.items():
        path = os.path.join(work, re.sub(r"[^a-z0-9]+", "_", label) + ".bin")
        write_workload(path, keys)
        paths[label] = (kind, path)
    return paths


# ---- measuring --------------------------------------------------------------

IMPLEMENTATIONS = {"code": ("regen-code", "switch-code"), "reason": ("regen-reason", "gperf-reason"),
                   "name": ("regen-name", "gperf-name")}


def wall_ns(binary, ours, theirs, path, repetitions):
    """Median ns per lookup of OURS and of THEIRS, their passes alternating."""
    fields = run([binary, "time", ours, theirs, path, str(repetitions)]).stdout.split()
    return [float(fields[0]), float(fields[1])]


def instructions(binary, impl, path, function, work):
    out_file = os.path.join(work, "callgrind.out")
    run(["valgrind", "--tool=callgrind", "--toggle-collect=" + function,
         "--callgrind-out-file=" + out_file, binary, "count", impl, path])
    with open(out_file) as stream:
        for line in stream:
            if line.startswith("totals:") or line.startswith("summary:"):
                return int(line.split()[1]) / LOOKUPS_PER_WORKLOAD
    raise RuntimeError("no totals in callgrind output")


def function_of(impl, prefix):
    return {"regen-code": prefix + "_lookup", "switch-code": "switch_lookup",
            "regen-reason": prefix + "_from_reason", "gperf-reason": "gperf_reason",
            "regen-name": prefix + "_from_name", "gperf-name": "gperf_name"}[impl]


def measure_lookups(binary, prefix, workloads, work, repetitions):
    print(f"Lookups: {LOOKUPS_PER_WORKLOAD:,} per workload, {NEAR_MISS_SHARE:.0%} near misses where "
          f"marked; wall time is the median of {repetitions} passes; instructions from callgrind.")
    print()
    header = ("workload", "regen ns", "base ns", "ratio", "regen instr", "base instr", "ratio")
    rows = [header]
    results = {}
    for label, (kind, path) in workloads.items():
        ours, theirs = IMPLEMENTATIONS[kind]
        wall = wall_ns(binary, ours, theirs, path, repetitions)
        count = [instructions(binary, impl, path, function_of(impl, prefix), work) for impl in (ours, theirs)]
        results[label] = (wall[0] / wall[1], count[0] / count[1])
        rows.append((f"{label} (vs {theirs.split('-')[0]})", f"{wall[0]:.2f}", f"{wall[1]:.2f}",
                     f"{wall[0] / wall[1]:.2f}", f"{count[0]:.1f}", f"{count[1]:.1f}",
                     f"{count[0] / count[1]:.2f}"))
    print_table(rows)
    return results


def print_table(rows):
    widths = [max(len(row[i]) for row in rows) for i in range(len(rows[0]))]
    for n, row in enumerate(rows):
        print("| " + " | ".join(cell.ljust(widths[i]) if i == 0 else cell.rjust(widths[i])
                                for i, cell in enumerate(row)) + " |")
        if n == 0:
            print("| " + " | ".join(("-" * widths[i]) if i == 0 else ("-" * (widths[i] - 1) + ":")
                                    for i in range(len(row))) + " |")


def run_regen(peak, regen, registry, out):
    """Wall seconds and peak resident memory (MiB) of one regen run, measured
    by bench/peak.c: a child forked from Python would count Python's memory."""
    result = run([peak, regen, "--max-bytes", str(1 << 30), "-o", out, registry])
    milliseconds, kibibytes = result.stdout.split()
    return float(milliseconds) / 1000, int(kibibytes) / 1024


def measure_generator(regen, registry, work, sizes, baseline=None):
    """Times REGEN (and BASELINE, another regen, when given: each run of one
    right after the same run of the other) on the registry and on synthetic
    ones. Returns [(label, entries, median ms, peak MiB)] for REGEN, and the
    same for BASELINE or None."""
    peak_tool = os.path.join(work, "peak")
    run([CC, "-O2", os.path.join(HERE, "peak.c"), "-o", peak_tool])
    print()
    print("Generator: regen writing every artifact (median of the runs; peak memory of the largest).")
    if baseline:
        print(f"Baseline: {baseline}, run right after regen in every round.")
    print()
    rows = [("registry", "entries", "runs", "median ms", "peak MiB", "ms per 1k entries")]
    if baseline:
        rows = [rows[0][:4] + ("base ms", "ratio", "peak MiB", "base MiB")]
    binaries = [("regen", regen)] + ([("base", baseline)] if baseline else [])
    results = {name: [] for name, _ in binaries}
    cases = [("shipped", registry, None, 21)]
    for size in sizes:
        path = os.path.join(work, f"synthetic-{size}.yaml")
        with open(path, "w") as out:
            subprocess.run([sys.executable, os.path.join(HERE, "synthetic_registry.py"), str(size),
                            "--sparse"], stdout=out, check=True)
        cases.append((f"synthetic {size:,}", path, size, 5))
    # Round robin over the registries, each into a directory of its own, so
    # that a spell when the machine runs slow lands on every size, not on one:
    # the 10x ratio compares runs made side by side.
    samples = {(name, label): [] for name, _ in binaries for label, _, _, _ in cases}
    for round_number in range(max(runs for _, _, _, runs in cases)):
        for label, path, _, runs in cases:
            for name, binary in binaries:
                if round_number < runs:
                    out = os.path.join(work, f"gen-out-{name}-" + re.sub(r"[^a-z0-9]+", "-", label))
                    samples[name, label].append(run_regen(peak_tool, binary, path, out))
    for label, path, size, runs in cases:
        entries = size or len(json.load(open(os.path.join(work, "out", [
            f for f in os.listdir(os.path.join(work, "out")) if f.endswith(".json")][0])))["codes"])
        for name, _ in binaries:
            median = sorted(s[0] for s in samples[name, label])[runs // 2] * 1000
            peak = max(s[1] for s in samples[name, label])
            results[name].append((label, entries, median, peak))
        ours = results["regen"][-1]
        if baseline:
            base = results["base"][-1]
            rows.append((label, f"{entries:,}", str(runs), f"{ours[2]:.1f}", f"{base[2]:.1f}",
                         f"{ours[2] / base[2]:.2f}", f"{ours[3]:.1f}", f"{base[3]:.1f}"))
        else:
            rows.append((label, f"{entries:,}", str(runs), f"{ours[2]:.1f}", f"{ours[3]:.1f}",
                         f"{ours[2] / entries * 1000:.2f}"))
    print_table(rows)
    return results["regen"], results.get("base")


def print_targets(lookups, generator, baseline):
    print()
    print("Targets (regen / baseline):")
    checks = [
        ("by code, wall <= 0.5x switch", lookups["code +20% misses"][0], 0.5),
        ("by code, instructions <= 1.5x switch", lookups["code +20% misses"][1], 1.5),
        ("by reason, instructions <= 0.35x gperf", lookups["reason mixed +20% misses"][1], 0.35),
        ("by reason, wall <= 0.5x gperf", lookups["reason mixed +20% misses"][0], 0.5),
        ("by name, instructions <= 0.8x gperf", lookups["name +20% misses"][1], 0.8),
        ("by name, wall <= 1.0x gperf", lookups["name +20% misses"][0], 1.0),
    ]
    shipped = generator[0]
    checks.append(("generator, shipped registry < 10 ms", shipped[2], 10))
    by_size = {entries: (ms, mib) for _, entries, ms, mib in generator[1:]}
    if 100_000 in by_size:
        checks.append(("generator, 100,000 entries < 2000 ms", by_size[100_000][0], 2000))
        checks.append(("generator, 100,000 entries < 512 MiB", by_size[100_000][1], 512))
    if 10_000 in by_size and 100_000 in by_size:
        checks.append(("generator, 10x entries <= 12x time (10k -> 100k)",
                       by_size[100_000][0] / by_size[10_000][0], 12))
    if baseline:
        base_by_size = {entries: ms for _, entries, ms, _ in baseline[1:]}
        checks.append(("generator, shipped registry <= 1.1x baseline", shipped[2] / baseline[0][2],
                       1.1))
        if 100_000 in by_size:
            checks.append(("generator, 100,000 entries <= 1.5x baseline",
                           by_size[100_000][0] / base_by_size[100_000], 1.5))
    for label, value, limit in checks:
        print(f"  {'met ' if value <= limit else 'MISS'}  {label}: {value:.2f}")


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--regen", default=os.path.join(HERE, "..", "build", "regen"))
    parser.add_argument("--registry", default=os.path.join(HERE, "..", "registry.yaml"))
    parser.add_argument("--quick", action="store_true", help="fewer repetitions and sizes")
    parser.add_argument("--baseline", help="another regen binary to time side by side with --regen")
    args = parser.parse_args()
    for tool in ("gcc", "gperf", "valgrind"):
        if not shutil.which(tool):
            sys.exit(f"bench: needs {tool} (Debian: apt-get install gcc gperf valgrind)")
    work = tempfile.mkdtemp(prefix="regen-bench-")
    try:
        model, prefix, binary = build(os.path.abspath(args.regen), os.path.abspath(args.registry), work)
        workloads = make_workloads(model, work, random.Random(20261121))
        lookups = measure_lookups(binary, prefix, workloads, work, 5 if args.quick else 21)
        sizes = [1_000, 10_000] if args.quick else [1_000, 10_000, 100_000]
        baseline = os.path.abspath(args.baseline) if args.baseline else None
        generator, base = measure_generator(os.path.abspath(args.regen),
                                            os.path.abspath(args.registry), work, sizes, baseline)
        print_targets(lookups, generator, base)
    finally:
        shutil.rmtree(work)


if __name__ == "__main__":
    main()
