//! `dossier`: turns a pile of overlapping news reports into a sourced brief of each story.
//!
//! A thin command-line layer over `dossier-pipeline`; see ARCHITECTURE.md for the stages.

mod feeds;
mod output;

use output::out;

use std::io::IsTerminal;
use std::path::PathBuf;
use std::process::ExitCode;

use anyhow::{Context, Result};
use clap::{Parser, Subcommand, ValueEnum};
use dossier_pipeline::{brief_for_story, ingest, top_entities, BriefOptions, IngestSummary};
use dossier_store::Store;
use indicatif::{ProgressBar, ProgressStyle};

/// Turns overlapping news reports into sourced story briefs.
///
/// Exit codes: 0 ok, 1 some inputs were rejected (each reported on stderr) or the command
/// failed, 2 usage error.
#[derive(Parser)]
#[command(name = "dossier", version, about)]
struct Cli {
    /// The SQLite database file (created if missing).
    #[arg(long, global = true, default_value = "dossier.sqlite")]
    db: PathBuf,
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Ingest files or folders, then print the brief of every story in the database.
    Run {
        /// Files or folders: .txt/.md (one article each), .jsonl, Multi-News, optionally .gz.
        #[arg(required = true)]
        paths: Vec<PathBuf>,
        /// Output format.
        #[arg(long, value_enum, default_value_t = Format::Md)]
        format: Format,
        #[command(flatten)]
        summary: SummaryArgs,
    },
    /// Store documents and group them into stories (idempotent).
    Ingest {
        /// Files or folders.
        #[arg(required_unless_present = "feeds")]
        paths: Vec<PathBuf>,
        /// A news feed to read (RSS, Atom or JSON Feed): an http(s) URL or a feed file.
        /// Repeatable; entries already taken from a feed are not read again.
        #[arg(long = "feed", value_name = "URL_OR_FILE")]
        feeds: Vec<String>,
        #[command(flatten)]
        fetch: feeds::FetchArgs,
    },
    /// Poll news feeds and ingest their new entries, one line per feed per round.
    Watch {
        /// File listing the feeds, one URL (or feed file) per line; `#` starts a comment.
        feeds_file: PathBuf,
        /// Time between rounds (`15m`, `1h`, `90s`).
        #[arg(long, value_name = "DURATION", default_value = "15m", value_parser = feeds::parse_interval)]
        interval: std::time::Duration,
        /// Poll once and exit (1 if a feed failed or an entry was rejected).
        #[arg(long)]
        once: bool,
        #[command(flatten)]
        fetch: feeds::FetchArgs,
    },
    /// List the stories.
    Stories,
    /// Print the brief of one story.
    Brief {
        /// Story id (see `dossier stories`).
        story: i64,
        /// Output format.
        #[arg(long, value_enum, default_value_t = Format::Md)]
        format: Format,
        #[command(flatten)]
        summary: SummaryArgs,
    },
    /// Print the article read out of one web page as JSON (title, body, published,
    /// author, url, language, site_name), to check extraction page by page.
    Extract {
        /// An .html or .html.gz file, or an http(s) URL.
        page: String,
    },
    /// Full-text search over stored sentences.
    Search {
        /// Words to look for (all must match).
        query: String,
        /// Most hits shown.
        #[arg(long, default_value_t = 20)]
        limit: usize,
    },
}

#[derive(Clone, Copy, ValueEnum)]
enum Format {
    Md,
    Json,
    Html,
}

/// Length of the summaries in briefs.
#[derive(clap::Args, Debug, Clone, Copy)]
struct SummaryArgs {
    /// Sentences in each summary, at most.
    #[arg(long, default_value_t = BriefOptions::default().summary_sentences)]
    summary_sentences: usize,
    /// Words in each summary, at most (a sentence that would overflow is skipped for a
    /// shorter one); both limits hold when both are given.
    #[arg(long, value_name = "N")]
    summary_words: Option<usize>,
}

impl SummaryArgs {
    fn options(self) -> BriefOptions {
        BriefOptions {
            summary_sentences: self.summary_sentences,
            summary_words: self.summary_words,
        }
    }
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    match run(cli) {
        Ok(code) => code,
        Err(err) => {
            eprintln!("dossier: error: {err:#}");
            ExitCode::from(1)
        }
    }
}

fn run(cli: Cli) -> Result<ExitCode> {
    if let Command::Extract { page } = &cli.command {
        return extract_page(page);
    }
    let mut store =
        Store::open(&cli.db).with_context(|| format!("opening database {}", cli.db.display()))?;
    match cli.command {
        Command::Run {
            paths,
            format,
            summary,
        } => {
            let options = summary.options();
            let summary = ingest_with_progress(&mut store, &paths)?;
            let mut briefs = Vec::new();
            for story in store.stories()? {
                briefs.push(brief_for_story(&store, story.id, options)?);
            }
            match format {
                Format::Json => out!("{}", dossier_brief::to_json(&briefs)),
                Format::Md => {
                    for b in &briefs {
                        out!("{}", dossier_brief::to_markdown(b));
                    }
                }
                Format::Html => out!("{}", dossier_brief::to_html_index(&briefs)?),
            }
            Ok(exit_for(&summary))
        }
        Command::Ingest {
            paths,
            feeds,
            fetch,
        } => {
            let mut ok = true;
            if !paths.is_empty() {
                ok &= ingest_with_progress(&mut store, &paths)?
                    .rejections
                    .is_empty();
            }
            if !feeds.is_empty() {
                ok &= feeds::ingest_feeds(&mut store, &feeds, &fetch)?;
            }
            Ok(if ok {
                ExitCode::SUCCESS
            } else {
                ExitCode::from(1)
            })
        }
        Command::Watch {
            feeds_file,
            interval,
            once,
            fetch,
        } => feeds::watch(&mut store, &feeds_file, interval, once, &fetch),
        Command::Stories => {
            out!(
                "{:>6}  {:>4}  {:<23}  {:<40}  title",
                "story",
                "docs",
                "dates",
                "top entities"
            );
            for s in store.stories()? {
                let dates = match (s.first_published, s.last_published) {
                    (Some(a), Some(b)) if a == b => a.to_string(),
                    (Some(a), Some(b)) => format!("{a}..{b}"),
                    _ => "unknown".to_string(),
                };
                let entities = top_entities(&store, s.id, 3)?.join(", ");
                out!(
                    "{:>6}  {:>4}  {:<23}  {:<40}  {}",
                    s.id,
                    s.size,
                    dates,
                    entities,
                    s.title
                );
            }
            Ok(ExitCode::SUCCESS)
        }
        Command::Brief {
            story,
            format,
            summary,
        } => {
            let brief = brief_for_story(&store, story, summary.options())?;
            match format {
                Format::Json => out!("{}", dossier_brief::brief_to_json(&brief)),
                Format::Md => out!("{}", dossier_brief::to_markdown(&brief)),
                Format::Html => out!("{}", dossier_brief::to_html(&brief)?),
            }
            Ok(ExitCode::SUCCESS)
        }
        Command::Extract { .. } => unreachable!("handled before the store is opened"),
        Command::Search { query, limit } => {
            for hit in store.search(&query, limit)? {
                let story = hit.story.map_or("-".to_string(), |s| s.to_string());
                out!(
                    "{}\tstory {}\t{}-{}\t{}",
                    hit.doc,
                    story,
                    hit.span.start,
                    hit.span.end,
                    hit.snippet
                );
            }
            Ok(ExitCode::SUCCESS)
        }
    }
}

/// Ingests with a progress bar on stderr when it is a terminal, and reports rejections and
/// a one-line summary on stderr.
fn ingest_with_progress(store: &mut Store, paths: &[PathBuf]) -> Result<IngestSummary> {
    let bar = if std::io::stderr().is_terminal() {
        let bar = ProgressBar::new_spinner();
        bar.set_style(
            ProgressStyle::with_template("{spinner} {msg} [{elapsed}]")
                .unwrap_or_else(|_| ProgressStyle::default_spinner()),
        );
        Some(bar)
    } else {
        None
    };
    let summary = ingest(store, paths, &mut |p| {
        if let Some(bar) = &bar {
            bar.set_message(format!(
                "{} documents read, {} rejected",
                p.documents, p.rejected
            ));
            bar.tick();
        }
    })?;
    if let Some(bar) = bar {
        bar.finish_and_clear();
    }
    for r in &summary.rejections {
        eprintln!("dossier: rejected {r}");
    }
    for (from, to) in &summary.renamed {
        eprintln!("dossier: id {from} was taken by other content; stored as {to}");
    }
    eprintln!(
        "dossier: {} read, {} stored, {} already stored, {} rejected; {} new stories, {} merges, {} moves",
        summary.read,
        summary.inserted,
        summary.duplicates,
        summary.rejections.len(),
        summary.stories_created,
        summary.merges.len(),
        summary.moves.len()
    );
    Ok(summary)
}

fn exit_for(summary: &IngestSummary) -> ExitCode {
    if summary.rejections.is_empty() {
        ExitCode::SUCCESS
    } else {
        ExitCode::from(1)
    }
}

/// `dossier extract`: one page to JSON on stdout; a page with no article is an error
/// (exit 1) naming the page and the reason.
fn extract_page(page: &str) -> Result<ExitCode> {
    let (bytes, url, charset) = read_page(page)?;
    match dossier_web::extract_article(&bytes, url.as_deref(), charset.as_deref()) {
        Ok(article) => {
            out!("{}", serde_json::to_string_pretty(&article)?);
            Ok(ExitCode::SUCCESS)
        }
        Err(e) => {
            eprintln!("dossier: {page}: {e}");
            Ok(ExitCode::from(1))
        }
    }
}

/// A page's bytes, the URL it came from and the charset its server declared.
fn read_page(page: &str) -> Result<(Vec<u8>, Option<String>, Option<String>)> {
    let lower = page.to_ascii_lowercase();
    if lower.starts_with("http://") || lower.starts_with("https://") {
        let mut fetcher = dossier_feeds::Fetcher::new(dossier_feeds::FetchOptions::default());
        let fetched = fetcher.fetch_page(page)?;
        return Ok((fetched.bytes, Some(fetched.url), fetched.charset));
    }
    let path = std::path::Path::new(page);
    let file = std::fs::File::open(path).with_context(|| format!("reading {page}"))?;
    let limit = dossier_web::MAX_PAGE_BYTES as u64 + 1;
    let mut bytes = Vec::new();
    if page.to_ascii_lowercase().ends_with(".gz") {
        std::io::Read::read_to_end(
            &mut std::io::Read::take(flate2::read::MultiGzDecoder::new(file), limit),
            &mut bytes,
        )
        .with_context(|| format!("decompressing {page}"))?;
    } else {
        std::io::Read::read_to_end(&mut std::io::Read::take(file, limit), &mut bytes)
            .with_context(|| format!("reading {page}"))?;
    }
    Ok((bytes, None, None))
}
