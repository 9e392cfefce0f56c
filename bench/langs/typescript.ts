// Times the generated lookups of http_status.ts (Maps built at load) against the
// obvious hand-written alternative, an array `find` with toLowerCase, in the same
// run, over every phrase, code and name of the registry. Prints one line per lookup.
import { table, fromCode, fromName, fromReason } from "./http_status";

// No @types/node on the system: declare the one part of node used here.
declare const process: { hrtime: { bigint(): bigint } };

// The hand-written version: one row per entry, scanned. Same answers as the
// generated lookups (checked below), primary entries included.
const rows = table.map((e) => ({ entry: e, code: e.code, name: e.name, primary: e.primary,
                                 phrases: [e.reason, ...e.former, ...e.spellings] }));
const handCode = (code: number) => rows.find((r) => r.primary && r.code === code)?.entry;
const handName = (name: string) => rows.find((r) => r.name === name)?.entry;
const handReason = (phrase: string) => {
    const key = phrase.toLowerCase();
    return rows.find((r) => r.phrases.some((p) => p.toLowerCase() === key))?.entry;
};

const phrases = rows.flatMap((r) => r.phrases);
const codes = [...new Set(table.map((e) => e.code))];
const names = table.map((e) => e.name);

// One pass over all keys per call: each loop has its own call site of the lookup,
// so the engine can inline it, and the timing harness's indirection is paid per pass.
type Pass = () => number;
const passes: { lookup: string; keys: number; generated: Pass; hand: Pass }[] = [
    { lookup: "from_reason", keys: phrases.length,
      generated: () => { let n = 0; for (const k of phrases) if (fromReason(k) !== undefined) n++; return n; },
      hand: () => { let n = 0; for (const k of phrases) if (handReason(k) !== undefined) n++; return n; } },
    { lookup: "from_code", keys: codes.length,
      generated: () => { let n = 0; for (const k of codes) if (fromCode(k) !== undefined) n++; return n; },
      hand: () => { let n = 0; for (const k of codes) if (handCode(k) !== undefined) n++; return n; } },
    { lookup: "from_name", keys: names.length,
      generated: () => { let n = 0; for (const k of names) if (fromName(k) !== undefined) n++; return n; },
      hand: () => { let n = 0; for (const k of names) if (handName(k) !== undefined) n++; return n; } },
];

// Both versions must agree before their times mean anything.
for (const k of phrases) if (fromReason(k) !== handReason(k)) throw new Error(`from_reason differs on ${k}`);
for (const k of codes) if (fromCode(k) !== handCode(k)) throw new Error(`from_code differs on ${k}`);
for (const k of names) if (fromName(k) !== handName(k)) throw new Error(`from_name differs on ${k}`);

// Nanoseconds per lookup: passes repeated for about `budget` ns after a warm-up
// that lets the JIT compile them. Every pass's count is checked, so none is dead code.
function time(pass: Pass, keys: number, budget: bigint): number {
    for (let i = 0; i < 200; i++) if (pass() !== keys) throw new Error("a key was missed");
    let passCount = 0;
    const start = process.hrtime.bigint();
    let elapsed = 0n;
    while (elapsed < budget) {
        for (let i = 0; i < 50; i++) if (pass() !== keys) throw new Error("a key was missed");
        passCount += 50;
        elapsed = process.hrtime.bigint() - start;
    }
    return Number(elapsed) / (passCount * keys);
}

// About 1 s in all; the hand-written side, being slower, gets the same budget.
const budget = 160_000_000n;
for (const { lookup, keys, generated, hand } of passes) {
    const g = time(generated, keys, budget);
    const h = time(hand, keys, budget);
    console.log(`typescript ${lookup}: generated ${g.toFixed(1)} ns/op, hand-written ${h.toFixed(1)} ns/op`);
}
