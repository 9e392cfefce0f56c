"""Writes a valid synthetic registry of N entries to standard output, for the
benchmark (generator time and memory at 1,000 to 100,000 entries) and for
the end-to-end lookup tests. Deterministic for a given N and seed.

usage: synthetic_registry.py N [--seed S] [--sparse]

Phrases are random printable ASCII with shared prefixes, and some entries
carry former phrases; with --sparse, codes are spread over 0..2^31-1 (so the
code lookup is hashed, not a direct index) and some codes are shared by
unofficial entries."""
import argparse
import random

WORDS = ["Request", "Response", "Header", "Gateway", "Timeout", "Resource", "Content",
         "Too", "Large", "Not", "Found", "Method", "Proxy", "Error", "Client", "Server",
         "Unknown", "Limit", "Exceeded", "Invalid", "Token", "Required", "Failed"]
PUNCTUATION = "!#$%&'()*+,-./:;<=>?@[\\]^_`{|}~\""


def quoted(text):
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'


def phrase(rng, index, taken):
    while True:
        words = [rng.choice(WORDS) for _ in range(rng.randint(1, 4))]
        if rng.random() < 0.2:
            words.append(rng.choice(PUNCTUATION) + str(rng.randint(0, 99)))
        text = " ".join(words) + " " + format(index, "x")
        if text.lower() not in taken:
            taken.add(text.lower())
            return text


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("count", type=int)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--sparse", action="store_true")
    args = parser.parse_args()
    rng = random.Random(args.seed)
    maximum = 2147483647 if args.sparse else max(999, args.count * 2)
    codes = sorted(rng.sample(range(100, maximum + 1), args.count))
    taken = set()
    out = ["schema: 1", "registry:", "  name: synthetic", "  title: Synthetic",
           f"  description: {args.count} generated entries.", "  min: 0",
           f"  max: {maximum}", "  classes:",
           f"    - {{name: low, title: Low, min: 0, max: {maximum // 2}}}",
           f"    - {{name: high, title: High, min: {maximum // 2 + 1}, max: {maximum}}}",
           "  flags:", "    - {name: even}", "codes:"]
    for index, code in enumerate(codes):
        shared = args.sparse and index > 0 and rng.random() < 0.05
        if shared:
            code = codes[index - 1]
        out.append(f"  - code: {code}")
        out.append(f"    reason: {quoted(phrase(rng, index, taken))}")
        out.append(f"    name: E{index}_{rng.choice(WORDS).upper()}")
        if shared:
            out.append("    status: unofficial")
            out.append("    origin: synthetic")
        else:
            out.append("    status: standard")
        if rng.random() < 0.1:
            former = ", ".join(quoted(phrase(rng, index, taken)) for _ in range(rng.randint(1, 2)))
            out.append(f"    former: [{former}]")
        if code % 2 == 0:
            out.append("    flags: [even]")
        out.append(f"    description: Entry {index} of a synthetic registry.")
    print("\n".join(out))


if __name__ == "__main__":
    main()
