// The Rust probe: checks a generated module, linked as the crate `reg`,
// against the lines expect.py made from the JSON artifact. Prints a FAIL
// line for each difference and exits 1 if there was any.
// Built by tests/langs/rust.sh, which sets REGEN_GLUE to the registry's own
// names (glue.rs.tmpl rendered by regen).
use std::process::exit;

include!(env!("REGEN_GLUE"));

/// A string as expect.py writes it: s, then its bytes in hex.
fn text(value: &str) -> String {
    let mut token = String::from("s");
    for byte in value.bytes() {
        token.push_str(&format!("{:02x}", byte));
    }
    token
}

fn opt(value: Option<&str>) -> String {
    value.map_or_else(|| "-".to_string(), text)
}

fn list(items: &[&str]) -> String {
    let hex: Vec<String> = items.iter().map(|item| text(item)[1..].to_string()).collect();
    format!("l{}:{}", items.len(), hex.join(","))
}

fn unhex(hex: &str) -> Option<String> {
    let bytes: Option<Vec<u8>> = (0..hex.len() / 2)
        .map(|i| u8::from_str_radix(hex.get(2 * i..2 * i + 2)?, 16).ok())
        .collect();
    String::from_utf8(bytes?).ok()
}

/// A token made readable for a message: strings and lists decoded.
fn show(token: &str) -> String {
    match (token.strip_prefix('s'), token.split_once(':')) {
        (Some(hex), _) => format!("{:?}", unhex(hex).unwrap_or_default()),
        (None, Some((count, items))) if count.starts_with('l') => {
            let items: Vec<String> = items.split(',').filter(|i| !i.is_empty()).filter_map(unhex).collect();
            format!("{:?}", items)
        }
        _ => token.to_string(),
    }
}

/// The entry's data as (key, token) pairs, in expect.py's order.
fn tokens(entry: Entry) -> Vec<(String, String)> {
    let info = entry.info();
    let mut pairs: Vec<(String, String)> = vec![
        ("code".into(), info.code.to_string()),
        ("name".into(), text(info.name)),
        ("reason".into(), text(info.reason)),
        ("description".into(), text(info.description)),
    ];
    if let Some(class) = class_of(info) {
        pairs.push(("class".into(), text(class)));
    }
    let flags: Vec<&str> = info.flags.iter().map(|flag| flag.as_str()).collect();
    pairs.push(("status".into(), text(info.status.as_str())));
    pairs.push(("flags".into(), list(&flags)));
    pairs.push(("origin".into(), opt(info.origin)));
    pairs.push(("spec".into(), opt(info.spec)));
    pairs.push(("url".into(), opt(info.url)));
    pairs.push(("since".into(), opt(info.since)));
    pairs.push(("former".into(), list(info.former)));
    pairs.push(("spellings".into(), list(info.spellings)));
    pairs.extend(declared(info));
    for (name, predicate) in predicates() {
        pairs.push((name, predicate(entry).to_string()));
    }
    pairs
}

/// A lookup's answer as expect.py writes it: the entry's place in ALL, or -.
fn place(found: Option<Entry>) -> String {
    match found {
        None => "-".to_string(),
        Some(entry) => match Entry::ALL.iter().position(|&e| e == entry) {
            Some(i) => i.to_string(),
            None => format!("{:?}, which is not in ALL", entry),
        },
    }
}

fn check_entry(i: usize, want: &[&str], failures: &mut Vec<String>) {
    let entry = match Entry::ALL.get(i) {
        Some(&entry) => entry,
        None => return failures.push(format!("entry {}: ALL has only {}", i, Entry::ALL.len())),
    };
    let got = tokens(entry);
    let got_keys: Vec<&str> = got.iter().map(|(k, _)| k.as_str()).collect();
    let want_keys: Vec<&str> = want.iter().map(|p| p.split('=').next().unwrap_or("")).collect();
    if got_keys != want_keys {
        return failures.push(format!("entry {} ({:?}): keys {:?}, expected {:?}", i, entry, got_keys, want_keys));
    }
    for ((key, value), pair) in got.iter().zip(want) {
        let wanted = &pair[key.len() + 1..];
        if value != wanted {
            failures.push(format!("entry {} ({:?}) {}: {}, expected {}", i, entry, key, show(value), show(wanted)));
        }
    }
    // The accessors agree with the table, and info() is TABLE's own entry.
    let info = entry.info();
    if entry.code() != info.code || entry.reason() != info.reason || !std::ptr::eq(info, &TABLE[i]) {
        failures.push(format!("entry {} ({:?}): code(), reason() or info() disagree with TABLE", i, entry));
    }
}

fn main() {
    let path = std::env::args().nth(1).unwrap_or_default();
    let expect = std::fs::read_to_string(&path).unwrap_or_else(|e| {
        println!("FAIL: cannot read '{}': {}", path, e);
        exit(1)
    });
    let mut failures = Vec::new();
    let mut checks = 0;
    for line in expect.lines() {
        let words: Vec<&str> = line.split(' ').collect();
        checks += 1;
        match words.as_slice() {
            ["count", n] => {
                if n.parse() != Ok(Entry::ALL.len()) || TABLE.len() != Entry::ALL.len() {
                    failures.push(format!("{} entries in ALL, {} in TABLE, expected {}", Entry::ALL.len(), TABLE.len(), n));
                }
            }
            ["entry", i, pairs @ ..] => check_entry(i.parse().unwrap_or(usize::MAX), pairs, &mut failures),
            ["code", code, want] => {
                let got = place(Entry::from_code(code.parse().unwrap_or_default()));
                if got != *want {
                    failures.push(format!("from_code({}) is {}, expected {}", code, got, want));
                }
            }
            [kind @ ("reason" | "name"), token, want] => {
                let key = unhex(token.get(1..).unwrap_or("")).unwrap_or_default();
                let found = if *kind == "reason" { Entry::from_reason(&key) } else { Entry::from_name(&key) };
                let got = place(found);
                if got != *want {
                    failures.push(format!("from_{}({:?}) is {}, expected {}", kind, key, got, want));
                }
            }
            _ => failures.push(format!("unreadable line in {}: {}", path, line)),
        }
    }
    for failure in &failures {
        println!("FAIL: {}", failure);
    }
    if !failures.is_empty() || checks == 0 {
        println!("FAIL: {} of {} checks failed", failures.len(), checks);
        exit(1);
    }
    println!("{} passed, 0 failed", checks);
}
