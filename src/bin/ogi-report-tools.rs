//! The tools page's entry point (Trunk builds this binary from tools.html into tools/).

fn main() {
    ogi_report::tools::start();
}
