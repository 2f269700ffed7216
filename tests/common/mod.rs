//! Helpers shared by the end-to-end tests.

use std::path::Path;
use std::process::{Command, Output};

/// Runs the `dossier` binary with `--db DB ARGS...`.
pub fn dossier(db: &Path, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_dossier"))
        .arg("--db")
        .arg(db)
        .args(args)
        .output()
        .expect("dossier runs")
}
