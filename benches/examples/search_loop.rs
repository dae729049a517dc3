//! Runs the national search benchmark body in a loop, for profiling.

fn main() {
    let rounds: usize = std::env::args()
        .nth(1)
        .and_then(|a| a.parse().ok())
        .unwrap_or(100_000);
    let index = pti_benches::national(6000);
    let q = pti_benches::paris_query();
    let start = std::time::Instant::now();
    let mut hits = 0;
    for _ in 0..rounds {
        hits += index.search(&q).expect("search").len();
    }
    println!(
        "{hits} hits, {:?} per search",
        start.elapsed() / rounds as u32
    );
}
