//! The page's entry point (Trunk builds this binary).

fn main() {
    ogi_report::start();
}
