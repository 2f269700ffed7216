//! `dossier ingest --feed` and `dossier watch`: news feeds from the command line.

use crate::output::out;
use std::path::Path;
use std::process::ExitCode;
use std::time::{Duration, Instant};

use anyhow::{Context, Result};
use clap::Args;
use dossier_feeds::{FeedSource, FetchOptions, Fetcher};
use dossier_pipeline::{check_feed, FeedOptions, FeedOutcome, FeedReport, Ingester};
use dossier_store::Store;

/// How feeds and the pages they link to are fetched.
#[derive(Args, Debug, Clone)]
pub struct FetchArgs {
    /// For entries the feed gives only a summary of, fetch the linked page and store its
    /// article text instead (the summary is kept when the page cannot be read).
    #[arg(long)]
    pub fetch_pages: bool,
    /// Least time between two requests to the same host (`1s`, `500ms`, `0`).
    #[arg(long, value_name = "DURATION", default_value = "1s", value_parser = parse_duration)]
    pub host_delay: Duration,
    /// Longest one request may take.
    #[arg(long, value_name = "DURATION", default_value = "30s", value_parser = parse_duration)]
    pub timeout: Duration,
}

impl FetchArgs {
    fn fetcher(&self) -> Fetcher {
        Fetcher::new(FetchOptions {
            host_delay: self.host_delay,
            timeout: self.timeout,
            ..FetchOptions::default()
        })
    }

    fn options(&self) -> FeedOptions {
        FeedOptions {
            fetch_pages: self.fetch_pages,
        }
    }
}

/// A duration such as `15m`, `1h30m`, `90s`, `500ms` or `2d`; a bare number is seconds.
pub fn parse_duration(text: &str) -> Result<Duration, String> {
    let text = text.trim();
    let bad = || format!("{text:?} is not a duration (write e.g. 15m, 1h, 90s, 500ms)");
    if text.is_empty() {
        return Err(bad());
    }
    if let Ok(secs) = text.parse::<u64>() {
        return Ok(Duration::from_secs(secs));
    }
    let mut total = Duration::ZERO;
    let mut rest = text;
    while !rest.is_empty() {
        let digits = rest
            .find(|c: char| !c.is_ascii_digit())
            .unwrap_or(rest.len());
        if digits == 0 {
            return Err(bad());
        }
        let n: u64 = rest[..digits].parse().map_err(|_| bad())?;
        rest = &rest[digits..];
        let unit_len = rest
            .find(|c: char| c.is_ascii_digit())
            .unwrap_or(rest.len());
        let millis_per = match &rest[..unit_len] {
            "ms" => 1,
            "s" => 1_000,
            "m" => 60_000,
            "h" => 3_600_000,
            "d" => 86_400_000,
            _ => return Err(bad()),
        };
        rest = &rest[unit_len..];
        let part = n.checked_mul(millis_per).ok_or_else(bad)?;
        total = total
            .checked_add(Duration::from_millis(part))
            .ok_or_else(bad)?;
    }
    Ok(total)
}

/// A polling interval: a [`parse_duration`] that is not zero.
pub fn parse_interval(text: &str) -> Result<Duration, String> {
    let d = parse_duration(text)?;
    if d.is_zero() {
        Err("the interval must be longer than zero".to_string())
    } else {
        Ok(d)
    }
}

/// `dossier ingest --feed ...`: checks each feed once, reporting on stderr. Returns
/// whether everything went in (no feed failed, no entry was rejected).
pub fn ingest_feeds(store: &mut Store, feeds: &[String], args: &FetchArgs) -> Result<bool> {
    let mut ok = true;
    let mut sources = Vec::new();
    for arg in feeds {
        match FeedSource::parse(arg) {
            Ok(source) => sources.push(source),
            Err(e) => {
                eprintln!("dossier: feed {e}");
                ok = false;
            }
        }
    }
    if sources.is_empty() {
        return Ok(ok);
    }
    let mut fetcher = args.fetcher();
    let mut ingester = Ingester::new(store)?;
    for source in &sources {
        let report = check_feed(store, &mut ingester, &mut fetcher, source, args.options())
            .with_context(|| format!("storing feed {source}"))?;
        ok &= !report.outcome.has_problems();
        for line in report_lines(&report) {
            eprintln!("dossier: feed {line}");
        }
    }
    Ok(ok)
}

/// `dossier watch`: polls the feeds listed in `list` every `interval` (re-reading the list
/// each round, so it can be edited while watching), one line per feed per round on
/// stdout. Feed failures are reported and polling goes on. With `once`, one round and the
/// exit code says whether everything went in.
pub fn watch(
    store: &mut Store,
    list: &Path,
    interval: Duration,
    once: bool,
    args: &FetchArgs,
) -> Result<ExitCode> {
    let mut fetcher = args.fetcher();
    let mut first = true;
    loop {
        let started = Instant::now();
        let ok = match read_feed_list(list) {
            Ok((sources, problems)) if first && sources.is_empty() && problems.is_empty() => {
                anyhow::bail!(
                    "{}: lists no feeds (one URL or feed file per line)",
                    list.display()
                )
            }
            Ok((sources, problems)) => {
                for p in &problems {
                    out!("{} {p}", now());
                }
                let polled = poll_round(store, &mut fetcher, &sources, args.options());
                match polled {
                    Ok(ok) => ok && problems.is_empty(),
                    Err(e) if once => return Err(e),
                    Err(e) => {
                        out!("{} error: {e:#}", now());
                        false
                    }
                }
            }
            Err(e) if first => return Err(e),
            // The list may be mid-edit; the last round's feeds wait for the next one.
            Err(e) => {
                out!("{} error: {e:#}", now());
                false
            }
        };
        if once {
            return Ok(if ok {
                ExitCode::SUCCESS
            } else {
                ExitCode::from(1)
            });
        }
        first = false;
        std::thread::sleep(interval.saturating_sub(started.elapsed()));
    }
}

/// One round over `sources`: whether every feed went in without problems. A store failure
/// on one feed is reported and the others still go.
fn poll_round(
    store: &mut Store,
    fetcher: &mut Fetcher,
    sources: &[FeedSource],
    options: FeedOptions,
) -> Result<bool> {
    let mut ingester = Ingester::new(store).context("preparing to ingest")?;
    let mut ok = true;
    for source in sources {
        match check_feed(store, &mut ingester, fetcher, source, options) {
            Ok(report) => {
                ok &= !report.outcome.has_problems();
                for line in report_lines(&report) {
                    out!("{} {line}", now());
                }
            }
            Err(e) => {
                ok = false;
                out!("{} {source}: failed: database: {e:#}", now());
            }
        }
    }
    Ok(ok)
}

/// The feeds of a list file: one URL or path per line; blank lines and `#` comments
/// (whole lines, or after whitespace) skipped. Lines that are not feeds come back as
/// messages naming the line.
fn read_feed_list(list: &Path) -> Result<(Vec<FeedSource>, Vec<String>)> {
    let text = std::fs::read_to_string(list)
        .with_context(|| format!("reading feed list {}", list.display()))?;
    let mut sources = Vec::new();
    let mut problems = Vec::new();
    for (i, line) in text.lines().enumerate() {
        let line = match line.find(" #").or_else(|| line.find("\t#")) {
            Some(cut) => &line[..cut],
            None => line,
        }
        .trim();
        if line.is_empty() || line.starts_with('#') {
            continue;
        }
        match FeedSource::parse(line) {
            Ok(s) if !sources.contains(&s) => sources.push(s),
            Ok(_) => {}
            Err(e) => problems.push(format!("{}:{}: {e}", list.display(), i + 1)),
        }
    }
    Ok((sources, problems))
}

/// What a feed check did: a summary line, then one line per rejected entry and per page
/// that could not be read.
fn report_lines(report: &FeedReport) -> Vec<String> {
    let feed = &report.feed;
    match &report.outcome {
        FeedOutcome::NotModified => vec![format!("{feed}: not modified")],
        FeedOutcome::Failed(e) => {
            // Feed errors start with the feed's name; say it once.
            let msg = e.to_string();
            let reason = msg.strip_prefix(&format!("{feed}: ")).unwrap_or(&msg);
            vec![format!("{feed}: failed: {reason}")]
        }
        FeedOutcome::Read {
            entries,
            new_entries,
            summary,
            page_failures,
        } => {
            let mut lines = vec![if *new_entries == 0 {
                format!("{feed}: no new entries ({entries} in the feed)")
            } else {
                format!(
                    "{feed}: {new_entries} new of {entries} {}: {} stored, {} already stored, \
                     {} rejected; {} new {}",
                    if *entries == 1 { "entry" } else { "entries" },
                    summary.inserted,
                    summary.duplicates,
                    summary.rejections.len(),
                    summary.stories_created,
                    if summary.stories_created == 1 {
                        "story"
                    } else {
                        "stories"
                    }
                )
            }];
            for r in &summary.rejections {
                lines.push(format!("{feed}: rejected entry {r}"));
            }
            for p in page_failures {
                lines.push(format!(
                    "{feed}: entry {} ({}): page not read, summary kept: {}",
                    p.record, p.entry, p.error
                ));
            }
            lines
        }
    }
}

/// The time now, for watch lines: `2024-05-01T12:00:00Z`.
fn now() -> String {
    chrono::Utc::now().to_rfc3339_opts(chrono::SecondsFormat::Secs, true)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn durations() {
        assert_eq!(parse_duration("15m"), Ok(Duration::from_secs(900)));
        assert_eq!(parse_duration("1h30m"), Ok(Duration::from_secs(5400)));
        assert_eq!(parse_duration("90"), Ok(Duration::from_secs(90)));
        assert_eq!(parse_duration("250ms"), Ok(Duration::from_millis(250)));
        assert_eq!(parse_duration("0"), Ok(Duration::ZERO));
        assert_eq!(parse_duration("2d"), Ok(Duration::from_secs(172_800)));
        for bad in [
            "",
            "m",
            "15 m",
            "15x",
            "-1s",
            "1.5h",
            "99999999999999999999h",
        ] {
            assert!(parse_duration(bad).is_err(), "{bad}");
        }
        assert!(parse_interval("0s").is_err());
    }

    #[test]
    fn feed_lists_skip_comments_and_name_bad_lines() {
        let dir = tempfile::tempdir().unwrap();
        let list = dir.path().join("feeds.txt");
        std::fs::write(
            &list,
            "# world news\nhttps://a.example/rss  # main feed\n\n  https://b.example/atom\n\
             ftp://c.example/feed\nhttps://a.example/rss\n",
        )
        .unwrap();
        let (sources, problems) = read_feed_list(&list).unwrap();
        assert_eq!(
            sources,
            vec![
                FeedSource::Url("https://a.example/rss".into()),
                FeedSource::Url("https://b.example/atom".into())
            ]
        );
        assert_eq!(problems.len(), 1);
        assert!(problems[0].contains("feeds.txt:5:"), "{}", problems[0]);
    }
}
