//! Runs the slot-generation benchmark body in a loop, for `perf stat` instruction counts.

use pti_benches::{DAYS, base_date, rule_centres};
use pti_core::schedule::{self, Horizon};

fn main() {
    let rounds: usize = std::env::args()
        .nth(1)
        .and_then(|a| a.parse().ok())
        .unwrap_or(200);
    let centres = rule_centres(30);
    let start = std::time::Instant::now();
    let mut total = 0;
    for _ in 0..rounds {
        let horizon = Horizon::new(chrono_tz::Europe::Paris, base_date(), DAYS).expect("horizon");
        total += centres
            .iter()
            .map(|c| {
                schedule::generate_slots(c, &horizon, 30)
                    .expect("slots")
                    .len()
            })
            .sum::<usize>();
    }
    let per = start.elapsed() / rounds as u32;
    println!("{total} slots, {per:?} per round of 30 centres");
}
