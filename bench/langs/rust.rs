// The Rust lookups of the shipped registry against the obvious hand-written
// alternative: a linear scan of a slice (eq_ignore_ascii_case for phrases,
// == for names and codes). Built by bench/langs/rust.sh, which sets
// REGEN_MODULE to the generated http_status.rs; prints ns per lookup.
use std::time::{Duration, Instant};

// The module is compiled into this crate, as a user's `mod http_status;`
// would be, so the optimizer sees both sides alike.
#[allow(dead_code)]
mod http_status {
    include!(env!("REGEN_MODULE"));
}
use http_status::{HttpStatus, HTTP_STATUS_TABLE};

/// Hides a value from the optimizer (std::hint::black_box is newer than
/// rustc 1.63).
fn opaque<T: Copy>(value: T) -> T {
    unsafe { std::ptr::read_volatile(&value) }
}

/// A timer of LOOKUP over KEYS: calibrated to a number of rounds that takes
/// about 25 ms, then each call returns one sample in nanoseconds per lookup.
fn timer<'a, K: Copy>(keys: &'a [K], lookup: impl Fn(K) -> Option<HttpStatus> + 'a) -> impl FnMut() -> f64 + 'a {
    let run = move |rounds: u64| {
        let start = Instant::now();
        let mut found = 0usize;
        for _ in 0..rounds {
            for &key in keys {
                found += lookup(opaque(key)).is_some() as usize;
            }
        }
        assert_eq!(opaque(found), keys.len() * rounds as usize, "a key was not found");
        start.elapsed()
    };
    let mut rounds = 1u64;
    while run(rounds) < Duration::from_millis(25) {
        rounds *= 2;
    }
    move || run(rounds).as_nanos() as f64 / (rounds as f64 * keys.len() as f64)
}

/// Times both lookups in turns and keeps the fastest sample of each: the one
/// least disturbed by whatever else the machine runs, for both alike.
fn report<K: Copy>(what: &str, keys: &[K], generated: impl Fn(K) -> Option<HttpStatus>,
                   hand: impl Fn(K) -> Option<HttpStatus>) {
    for &key in keys {
        assert_eq!(generated(key), hand(key), "{}: the two lookups disagree", what);
    }
    let (mut g, mut h) = (timer(keys, &generated), timer(keys, &hand));
    let (mut best_g, mut best_h) = (f64::MAX, f64::MAX);
    for _ in 0..6 {
        best_g = best_g.min(g());
        best_h = best_h.min(h());
    }
    println!("rust {}: generated {:.1} ns/op, hand-written {:.1} ns/op", what, best_g, best_h);
}

fn main() {
    // The hand-written tables: every phrase (current, former, other
    // spellings), every name, and the primary entry of every code.
    let mut phrases: Vec<(&'static str, HttpStatus)> = Vec::new();
    let mut names: Vec<(&'static str, HttpStatus)> = Vec::new();
    let mut codes: Vec<(i32, HttpStatus)> = Vec::new();
    for (info, &entry) in HTTP_STATUS_TABLE.iter().zip(HttpStatus::ALL.iter()) {
        phrases.push((info.reason, entry));
        phrases.extend(info.former.iter().chain(info.spellings).map(|&p| (p, entry)));
        names.push((info.name, entry));
        if HttpStatus::from_code(info.code) == Some(entry) {
            codes.push((info.code, entry));
        }
    }
    let phrase_keys: Vec<&str> = phrases.iter().map(|&(p, _)| p).collect();
    let name_keys: Vec<&str> = names.iter().map(|&(n, _)| n).collect();
    let code_keys: Vec<i32> = codes.iter().map(|&(c, _)| c).collect();

    report("from_reason", &phrase_keys, HttpStatus::from_reason, |key: &str| {
        phrases.iter().find(|(p, _)| p.eq_ignore_ascii_case(key)).map(|&(_, e)| e)
    });
    report("from_code", &code_keys, HttpStatus::from_code, |key: i32| {
        codes.iter().find(|&&(c, _)| c == key).map(|&(_, e)| e)
    });
    report("from_name", &name_keys, HttpStatus::from_name, |key: &str| {
        names.iter().find(|&&(n, _)| n == key).map(|&(_, e)| e)
    });
}
