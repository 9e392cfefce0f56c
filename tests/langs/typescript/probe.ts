// Checks a generated TypeScript module against regen's JSON artifact.
//   node probe.js NAME.json NAMES.txt NAME.ts
// ./generated re-exports the module (typescript.sh writes it), so this one source
// serves every registry. NAMES.txt is names.txt.tmpl rendered by regen: the member,
// predicate and field names regen's filters give, and each code's primary entry,
// which the JSON does not say (it is sorted by code, then name, not by primacy).
// Prints a FAIL line per failure and exits 1 if there was any.
import * as gen from "./generated";

// No @types/node on the system: declare the little of node used here.
declare const require: (id: "fs") => { readFileSync(path: string, encoding: "utf8"): string };
declare const process: { argv: string[]; exitCode: number | undefined };

type Entry = (typeof gen.table)[number];
interface JsonEntry {
    code: number;
    name: string;
    [key: string]: unknown;
}
interface Doc {
    registry: {
        min: number;
        max: number;
        classes: { name: string; min: number; max: number }[];
        flags: { name: string }[];
        fields?: { name: string }[];
    };
    codes: JsonEntry[];
}

let failures = 0;
function fail(message: string): void {
    failures++;
    if (failures <= 100) console.log(`FAIL: ${message}`);
}
function show(value: unknown): string {
    return JSON.stringify(value) ?? String(value);
}
function same(a: unknown, b: unknown): boolean {
    if (Array.isArray(a) && Array.isArray(b))
        return a.length === b.length && a.every((item, i) => same(item, b[i]));
    return a === b;
}
// ASCII-only case changes: the lookups promise ASCII case folding and nothing more.
const asciiUpper = (s: string): string => s.replace(/[a-z]/g, (c) => c.toUpperCase());
const asciiLower = (s: string): string => s.replace(/[A-Z]/g, (c) => c.toLowerCase());

const [jsonPath, namesPath, sourcePath] = process.argv.slice(2);
if (jsonPath === undefined || namesPath === undefined || sourcePath === undefined)
    throw new Error("usage: node probe.js NAME.json NAMES.txt NAME.ts");
const fs = require("fs");
const doc = JSON.parse(fs.readFileSync(jsonPath, "utf8")) as Doc;
const codes = doc.codes;
const table: readonly Entry[] = gen.table;

// The names file: "enum E", "member I Name", "primary I", "class c isC", "flag f isF", "field f f".
let enumName = "";
const members: string[] = [];
const primaries = new Set<number>();
const predicates: { kind: string; name: string; fn: string }[] = [];
const fieldNames = new Map<string, string>();
for (const line of fs.readFileSync(namesPath, "utf8").split("\n")) {
    const [kind, a = "", b = ""] = line.split(" ");
    if (kind === "enum") enumName = a;
    else if (kind === "member") members[Number(a)] = b;
    else if (kind === "primary") primaries.add(Number(a));
    else if (kind === "class" || kind === "flag") predicates.push({ kind, name: a, fn: b });
    else if (kind === "field") fieldNames.set(a, b);
}

// 1. The source holds no raw character that could end a line comment or a string
// literal, or reorder what a reviewer sees: those must be written as escapes.
fs.readFileSync(sourcePath, "utf8").split("\n").forEach((line, i) => {
    const bad = /[\x00-\x08\x0b-\x1f\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069\ufeff]/.exec(line);
    if (bad) fail(`${sourcePath}:${i + 1}: raw U+${bad[0].charCodeAt(0).toString(16).padStart(4, "0")}`);
});

// 2. One member per entry, in table order. The const enum is kept at run time
// (--preserveConstEnums) so that its names can be checked here.
if (table.length !== codes.length) fail(`table has ${table.length} entries, the JSON ${codes.length}`);
if (members.length !== codes.length) fail(`names file lists ${members.length} members, the JSON ${codes.length} entries`);
const enumObject = (gen as unknown as Record<string, Record<string, unknown> | undefined>)[enumName];
if (enumObject === undefined) fail(`no enum ${enumName}`);
else if (Object.keys(enumObject).length !== 2 * codes.length)
    fail(`enum ${enumName} has ${Object.keys(enumObject).length / 2} members, expected ${codes.length}`);

// 3. Each entry's data equals the JSON's.
const builtin = ["code", "name", "reason", "description", "status", "class", "origin", "spec", "url", "since",
                 "former", "spellings", "flags"];
const declared = new Set((doc.registry.fields ?? []).map((f) => f.name));
codes.forEach((want, i) => {
    const entry = table[i];
    if (entry === undefined) return;
    const where = `entry ${i} (${want.code} ${want.name})`;
    const got = entry as unknown as Record<string, unknown>;
    if (entry.member !== i) fail(`${where}: member ${entry.member}, expected ${i}`);
    if (gen.info(entry.member) !== entry) fail(`${where}: info(member) is not its entry`);
    if (gen.code(entry.member) !== want.code) fail(`${where}: code(member) is ${gen.code(entry.member)}`);
    const memberName = members[i] ?? "";
    if (enumObject !== undefined && enumObject[memberName] !== i)
        fail(`${where}: ${enumName}.${memberName} is ${show(enumObject[memberName])}, expected ${i}`);
    if (entry.primary !== primaries.has(i)) fail(`${where}: primary is ${entry.primary}`);
    for (const key of Object.keys(want))
        if (!builtin.includes(key) && !declared.has(key)) fail(`${where}: JSON key '${key}' is not checked`);
    for (const key of builtin) {
        // What the module writes for what the JSON leaves out.
        const absent = key === "spellings" ? [] : key === "class" && doc.registry.classes.length === 0 ? undefined : null;
        const expected = key in want ? want[key] : absent;
        if (!same(got[key], expected)) fail(`${where}: ${key} is ${show(got[key])}, expected ${show(expected)}`);
    }
    const fields = got["fields"] as Record<string, unknown> | undefined;
    if (declared.size > 0 && fields === undefined) fail(`${where}: no fields`);
    for (const field of declared) {
        const name = fieldNames.get(field) ?? field;
        const value = fields === undefined ? undefined : fields[name];
        const expected = field in want ? want[field] : null;
        if (!same(value, expected)) fail(`${where}: fields.${name} is ${show(value)}, expected ${show(expected)}`);
    }
});

// 4. Lookups: by code the primary entry, by name exactly, by any phrase in any ASCII case.
const primaryOf = new Map<number, Entry>();
codes.forEach((want, i) => {
    const entry = table[i];
    if (entry === undefined || !primaries.has(i)) return;
    if (primaryOf.has(want.code)) fail(`code ${want.code} has two primary entries`);
    primaryOf.set(want.code, entry);
});
codes.forEach((want, i) => {
    const entry = table[i];
    if (entry === undefined) return;
    const where = `entry ${i} (${want.code} ${want.name})`;
    const primary = primaryOf.get(want.code);
    if (primary === undefined) fail(`${where}: its code has no primary entry`);
    if (gen.fromCode(want.code) !== primary) fail(`${where}: fromCode(${want.code}) is ${gen.fromCode(want.code)?.name}, expected ${primary?.name}`);
    if (gen.reason(want.code) !== primary?.reason) fail(`${where}: reason(${want.code}) is ${show(gen.reason(want.code))}`);
    if (gen.fromName(want.name) !== entry) fail(`${where}: fromName("${want.name}") is ${gen.fromName(want.name)?.name}`);
    for (const miss of [asciiLower(want.name), want.name + " ", " " + want.name])
        if (miss !== want.name && gen.fromName(miss) !== undefined) fail(`${where}: fromName(${show(miss)}) is not a miss`);
    const phrases = [want["reason"], ...(want["former"] as string[]), ...((want["spellings"] as string[] | undefined) ?? [])] as string[];
    for (const phrase of phrases) {
        // Phrases are unique in a valid registry; should two match, C returns the first.
        const owner = table.find((e) => [e.reason, ...e.former, ...e.spellings].some((p) => asciiLower(p) === asciiLower(phrase)));
        for (const form of [phrase, asciiUpper(phrase), asciiLower(phrase)]) {
            const hit = gen.fromReason(form);
            if (hit !== owner) fail(`${where}: fromReason(${show(form)}) is ${hit?.name}, expected ${owner?.name}`);
        }
        // Misses: padded, and non-ASCII letters that toLowerCase or toUpperCase fold onto
        // ASCII ones (the Kelvin sign onto k, the long s onto S).
        const lookalikes = [phrase + " ", " " + phrase, phrase.replace(/[kK]/, "\u212a"), phrase.replace(/s/, "\u017f")];
        for (const miss of lookalikes)
            if (miss !== phrase && gen.fromReason(miss) !== undefined) fail(`${where}: fromReason(${show(miss)}) is not a miss`);
    }
});

// Codes nothing uses: outside the range, between codes, not integers.
const used = new Set(codes.map((e) => e.code));
const unused = [doc.registry.min - 1, doc.registry.max + 1, NaN, (codes[0]?.code ?? 0) + 0.5];
for (let c = doc.registry.min; c <= doc.registry.max && unused.length < 5; c++) if (!used.has(c)) unused.push(c);
for (const c of unused) {
    if (gen.fromCode(c) !== undefined) fail(`fromCode(${c}) is not a miss`);
    if (gen.reason(c) !== undefined) fail(`reason(${c}) is not a miss`);
}
if (gen.fromReason("") !== undefined) fail(`fromReason("") is not a miss`);
if (gen.fromName("") !== undefined) fail(`fromName("") is not a miss`);

// 5. Predicates: a class's by its range, a flag's by the primary entry of the code.
const exported = gen as unknown as Record<string, unknown>;
for (const { kind, name, fn } of predicates) {
    const predicate = exported[fn];
    if (typeof predicate !== "function") {
        fail(`no function ${fn} for the ${kind} ${name}`);
        continue;
    }
    const test = predicate as (code: number) => boolean;
    const cls = doc.registry.classes.find((c) => c.name === name);
    if (kind === "class" && cls !== undefined) {
        for (const c of [cls.min, cls.max]) if (test(c) !== true) fail(`${fn}(${c}) is not true`);
        for (const c of [cls.min - 1, cls.max + 1]) if (test(c) !== false) fail(`${fn}(${c}) is not false`);
    }
    for (const c of [...used, ...unused]) {
        const want = kind === "class" ? cls !== undefined && c >= cls.min && c <= cls.max
                                      : (primaryOf.get(c)?.flags as readonly string[] | undefined)?.includes(name) === true;
        if (test(c) !== want) fail(`${fn}(${c}) is ${test(c)}, expected ${want}`);
    }
}

if (failures > 100) console.log(`FAIL: ... ${failures - 100} more`);
process.exitCode = failures > 0 ? 1 : 0;
