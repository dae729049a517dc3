//! Runs the national search benchmark body in a loop, for profiling, and as the Rust side of
//! the bindings' benchmarks.
//! Usage: `search_loop [rounds] [distance|best]` (default 100000 rounds, sorted by distance)
//! prints the time per search; `search_loop --stdin` builds the data once, then reads lines
//! `<rounds> <distance|best>` and answers each with the time per search in µs, so that a
//! binding's benchmark can alternate its rounds with native ones and both see the machine at
//! the same speed.

use pti_core::search::{SearchIndex, SearchQuery, SortBy};
use std::io::{BufRead, Write};

/// Microseconds per search over `rounds` searches sorted by `sort`.
fn time(index: &SearchIndex, rounds: u32, sort: &str) -> f64 {
    let q = SearchQuery {
        sort: if sort == "best" {
            SortBy::Best
        } else {
            SortBy::Distance
        },
        ..pti_benches::paris_query()
    };
    let start = std::time::Instant::now();
    for _ in 0..rounds {
        std::hint::black_box(index.search(std::hint::black_box(&q))).expect("search");
    }
    start.elapsed().as_secs_f64() * 1e6 / f64::from(rounds.max(1))
}

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let index = pti_benches::national(6000);
    if args.first().map(String::as_str) == Some("--stdin") {
        let mut out = std::io::stdout().lock();
        for line in std::io::stdin().lock().lines() {
            let line = line.expect("stdin");
            let mut words = line.split_whitespace();
            let rounds = words.next().and_then(|w| w.parse().ok()).unwrap_or(1000);
            let per = time(&index, rounds, words.next().unwrap_or("distance"));
            writeln!(out, "{per:.3}")
                .and_then(|()| out.flush())
                .expect("stdout");
        }
        return;
    }
    let rounds = args.first().and_then(|a| a.parse().ok()).unwrap_or(100_000);
    let sort = args.get(1).map_or("distance", String::as_str);
    println!("{:.2} µs per search", time(&index, rounds, sort));
}
