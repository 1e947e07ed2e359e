//! Any text typed into a cell: parsing never panics, keeps non-numbers exactly as typed, and a
//! value it accepts shows as text that parses to the same value.
#![no_main]

use libfuzzer_sys::fuzz_target;
use ogi_report_core::format::MAX_COUNT;
use ogi_report_core::{AmountCell, Cell, CountCell};

fuzz_target!(|raw: &str| {
    match CountCell::parse(raw) {
        Cell::Value(count) => {
            assert!(count <= MAX_COUNT);
            assert_eq!(CountCell::parse(&count.to_string()), Cell::Value(count));
        }
        Cell::Placeholder(kept) | Cell::Invalid { raw: kept, .. } => assert_eq!(kept, raw),
        Cell::Blank => assert!(raw.chars().all(|ch| ch.is_whitespace() || ch == '\u{3000}')),
    }
    match AmountCell::parse(raw) {
        Cell::Value(amount) => assert_eq!(AmountCell::parse(&amount.to_string()), Cell::Value(amount)),
        Cell::Placeholder(kept) | Cell::Invalid { raw: kept, .. } => assert_eq!(kept, raw),
        Cell::Blank => {}
    }
});
