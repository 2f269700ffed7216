//! Peak-memory measurement for the large-input tests (each alone in its test binary, so the
//! peak it measures is its own).

/// Peak resident memory of this process so far, in bytes (Linux only).
pub fn peak_rss() -> Option<u64> {
    let status = std::fs::read_to_string("/proc/self/status").ok()?;
    let line = status.lines().find(|l| l.starts_with("VmHWM:"))?;
    let kb: u64 = line.split_whitespace().nth(1)?.parse().ok()?;
    Some(kb * 1024)
}

/// Fails when the peak grew by `limit` bytes or more since `before` (skipped where the peak
/// cannot be read); `what` names the work done in between.
pub fn assert_peak_grew_less_than(before: Option<u64>, limit: u64, what: &str) {
    if let (Some(before), Some(after)) = (before, peak_rss()) {
        let grown = after.saturating_sub(before);
        eprintln!("peak memory grew by {:.1} MB", grown as f64 / 1e6);
        assert!(
            grown < limit,
            "peak memory grew by {} MB {what}",
            grown >> 20
        );
    }
}
