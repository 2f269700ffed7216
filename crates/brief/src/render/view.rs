//! The display model shared by the Markdown and HTML renderings: the brief's items sorted,
//! grouped, truncated and labelled once, so both renderings show the same thing.

use std::collections::{BTreeMap, HashMap};

use dossier_core::{Precision, Span};
use serde::Serialize;

use crate::model::{Brief, Claim, Figure, Provenance};

/// Longest text (in chars) shown for one item before it is cut with "…".
pub(crate) const MAX_TEXT_CHARS: usize = 300;

/// Name shown for an unresolved speaker; such quotes are listed last.
pub(crate) const UNKNOWN: &str = "unknown";

/// A brief prepared for display.
#[derive(Debug, Serialize)]
pub(crate) struct BriefView {
    pub story_id: i64,
    pub schema_version: u32,
    pub title: String,
    pub sources: Vec<SourceRow>,
    pub summary: Vec<SummaryRow>,
    pub disputed: Vec<ClaimRow>,
    pub claims: Vec<ClaimRow>,
    pub timeline: Vec<TimelineRow>,
    pub figure_groups: Vec<FigureGroupRow>,
    pub speakers: Vec<SpeakerRow>,
    pub entities: Vec<EntityRow>,
    pub copies: Vec<CopyRow>,
}

#[derive(Debug, Serialize)]
pub(crate) struct SourceRow {
    /// Short label used in provenance markers.
    pub label: String,
    /// Full document id.
    pub id: String,
    pub outlet: String,
    pub date: String,
    pub title: String,
    pub url: Option<String>,
    /// How much of it other documents also carry, and whose text it shares ("62% from 000").
    pub copied: String,
}

/// A compact pointer into a document: `label §start-end`.
#[derive(Debug, Clone, Serialize)]
pub(crate) struct ProvRow {
    pub label: String,
    pub doc: String,
    pub marker: String,
}

#[derive(Debug, Serialize)]
pub(crate) struct SummaryRow {
    pub text: String,
    pub prov: ProvRow,
}

#[derive(Debug, Serialize)]
pub(crate) struct ClaimRow {
    pub text: String,
    pub asserted_by: Vec<String>,
    pub denied_by: Vec<String>,
    pub independent_sources: usize,
    pub docs: Vec<String>,
    pub mentions: Vec<MentionRow>,
}

#[derive(Debug, Serialize)]
pub(crate) struct MentionRow {
    pub stance: String,
    pub source: String,
    pub text: String,
    pub prov: ProvRow,
}

#[derive(Debug, Serialize)]
pub(crate) struct TimelineRow {
    /// "dates differ: March (004)" when another event dates the same happening otherwise.
    pub conflict: Option<String>,
    pub date: String,
    /// Precision, only when coarser than a day.
    pub precision: Option<String>,
    pub expression: String,
    pub text: String,
    pub prov: ProvRow,
    pub also_in: Vec<ProvRow>,
}

#[derive(Debug, Serialize)]
pub(crate) struct FigureGroupRow {
    pub group: usize,
    pub counts: String,
    /// `over 8,700 (2017-04-11, 000) → over 95,000 (2017-04-13, 001)`.
    pub change: String,
    pub figures: Vec<FigureRow>,
}

#[derive(Debug, Serialize)]
pub(crate) struct FigureRow {
    /// "contradicts 2 (003)" when another source gives an incompatible value for the day.
    pub conflict: Option<String>,
    pub expression: String,
    pub date: String,
    pub text: String,
    pub prov: ProvRow,
}

#[derive(Debug, Serialize)]
pub(crate) struct SpeakerRow {
    pub speaker: String,
    pub role: Option<String>,
    pub quotes: Vec<QuoteRow>,
}

#[derive(Debug, Serialize)]
pub(crate) struct QuoteRow {
    pub kind: String,
    pub text: String,
    pub mention: Option<String>,
    pub role: Option<String>,
    pub prov: ProvRow,
    pub copies: Vec<ProvRow>,
}

#[derive(Debug, Serialize)]
pub(crate) struct EntityRow {
    pub name: String,
    pub kind: String,
    pub aliases: Vec<String>,
    pub mentions: usize,
    pub docs: Vec<String>,
}

#[derive(Debug, Serialize)]
pub(crate) struct CopyRow {
    pub text: String,
    pub kind: String,
    pub first_doc: String,
    pub docs: Vec<ProvRow>,
}

/// Short labels for document ids: the shortest prefix ending at a separator (`_`, `-`,
/// `.`, `#`) that no other document id of the story starts with; else the full id.
pub(crate) struct Labels {
    labels: HashMap<String, String>,
    outlets: HashMap<String, String>,
}

impl Labels {
    fn new(brief: &Brief) -> Self {
        let ids: Vec<&str> = brief
            .story
            .documents
            .iter()
            .map(|d| d.id.as_str())
            .collect();
        let mut labels = HashMap::new();
        for (i, id) in ids.iter().enumerate() {
            let unique = |candidate: &str| {
                ids.iter()
                    .enumerate()
                    .all(|(j, other)| j == i || !other.starts_with(candidate))
            };
            let label = id
                .char_indices()
                .filter(|&(pos, c)| pos > 0 && matches!(c, '_' | '-' | '.' | '#'))
                .map(|(pos, _)| &id[..pos])
                .find(|candidate| unique(candidate))
                .unwrap_or(id);
            labels.insert((*id).to_string(), label.to_string());
        }
        let outlets = brief
            .story
            .documents
            .iter()
            .filter_map(|d| d.source.clone().map(|s| (d.id.clone(), s)))
            .collect();
        Labels { labels, outlets }
    }

    /// The label of a document id (the id itself when it is not a story document).
    pub fn label(&self, doc: &str) -> String {
        self.labels
            .get(doc)
            .cloned()
            .unwrap_or_else(|| doc.to_string())
    }

    fn prov(&self, doc: &str, span: Span) -> ProvRow {
        let label = self.label(doc);
        ProvRow {
            marker: format!("{label} §{}-{}", span.start, span.end),
            label,
            doc: doc.to_string(),
        }
    }

    fn provenance(&self, p: &Provenance) -> ProvRow {
        self.prov(&p.doc, p.span)
    }

    fn outlet(&self, doc: &str) -> Option<&str> {
        self.outlets.get(doc).map(String::as_str)
    }
}

/// Collapses runs of whitespace (including newlines) to single spaces and cuts the text
/// at `max` chars, preferring a word boundary, ending it with "…".
pub(crate) fn truncate(text: &str, max: usize) -> String {
    let flat = text.split_whitespace().collect::<Vec<_>>().join(" ");
    let Some((cut_at, _)) = flat.char_indices().nth(max) else {
        return flat;
    };
    let mut cut = &flat[..cut_at];
    if let Some(space) = cut.rfind(' ') {
        if space >= cut_at * 2 / 3 {
            cut = &cut[..space];
        }
    }
    let mut out = cut
        .trim_end_matches(|c: char| c.is_whitespace() || c == ',' || c == ';')
        .to_string();
    out.push('…');
    out
}

fn short(text: &str) -> String {
    truncate(text, MAX_TEXT_CHARS)
}

fn distinct<I: IntoIterator<Item = String>>(items: I) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    for item in items {
        if !out.contains(&item) {
            out.push(item);
        }
    }
    out
}

impl BriefView {
    /// Prepares `brief` for display.
    pub fn new(brief: &Brief) -> Self {
        let labels = Labels::new(brief);
        let sources = brief
            .story
            .documents
            .iter()
            .map(|d| SourceRow {
                label: labels.label(&d.id),
                id: d.id.clone(),
                outlet: d.source.clone().unwrap_or_else(|| UNKNOWN.into()),
                date: d.published.clone().unwrap_or_else(|| UNKNOWN.into()),
                title: d
                    .title
                    .as_deref()
                    .map(short)
                    .unwrap_or_else(|| UNKNOWN.into()),
                // Only web links become links: no `javascript:` or other schemes.
                copied: if d.copied_share > 0.0 {
                    let from: Vec<String> = d.copies_from.iter().map(|f| labels.label(f)).collect();
                    let share = format!("{:.0}%", d.copied_share * 100.0);
                    if from.is_empty() {
                        format!("{share} (first carrier)")
                    } else {
                        format!("{share} from {}", from.join(", "))
                    }
                } else {
                    "—".into()
                },
                url: d.url.clone().filter(|u| {
                    let u = u.trim_start().to_ascii_lowercase();
                    u.starts_with("http://") || u.starts_with("https://")
                }),
            })
            .collect();
        let summary = brief
            .summary
            .iter()
            .map(|s| SummaryRow {
                text: short(&s.text),
                prov: labels.prov(&s.doc, s.span),
            })
            .collect();

        let (disputed, undisputed): (Vec<&Claim>, Vec<&Claim>) =
            brief.claims.iter().partition(|c| c.disputed);
        let disputed = disputed
            .into_iter()
            .map(|c| claim_row(c, &labels))
            .collect();
        // Stable sort: equal support keeps the pipeline's order.
        let mut undisputed = undisputed;
        undisputed.sort_by(|a, b| {
            b.independent_sources
                .cmp(&a.independent_sources)
                .then(b.mentions.len().cmp(&a.mentions.len()))
        });
        let claims = undisputed
            .into_iter()
            .map(|c| claim_row(c, &labels))
            .collect();

        let timeline = brief
            .timeline
            .iter()
            .map(|e| TimelineRow {
                conflict: (!e.conflicts_with.is_empty()).then(|| {
                    let others: Vec<String> = e
                        .conflicts_with
                        .iter()
                        .filter_map(|&i| brief.timeline.get(i))
                        .map(|o| format!("{} ({})", o.expression, labels.label(&o.doc)))
                        .collect();
                    format!("dates differ: {}", others.join(", "))
                }),
                date: e.date.clone(),
                precision: (e.precision != Precision::Day).then(|| e.precision.to_string()),
                expression: if e.anchor == crate::PUBLICATION_ANCHOR {
                    "report's publication date".to_string()
                } else {
                    e.expression.clone()
                },
                text: short(&e.text),
                prov: labels.prov(&e.doc, e.span),
                also_in: e.also_in.iter().map(|p| labels.provenance(p)).collect(),
            })
            .collect();

        BriefView {
            story_id: brief.story.id,
            schema_version: brief.schema_version,
            title: truncate(&brief.story.title, MAX_TEXT_CHARS),
            sources,
            summary,
            disputed,
            claims,
            timeline,
            figure_groups: figure_groups(&brief.figures, &labels),
            speakers: speakers(brief, &labels),
            entities: entities(brief, &labels),
            copies: brief
                .copies
                .iter()
                .map(|c| CopyRow {
                    text: short(&c.text),
                    kind: c.kind.clone(),
                    first_doc: labels.label(&c.first_doc),
                    docs: c.docs.iter().map(|p| labels.provenance(p)).collect(),
                })
                .collect(),
        }
    }
}

fn claim_row(claim: &Claim, labels: &Labels) -> ClaimRow {
    ClaimRow {
        text: short(&claim.text),
        asserted_by: claim.asserted_by.clone(),
        denied_by: claim.denied_by.clone(),
        independent_sources: claim.independent_sources,
        docs: distinct(claim.mentions.iter().map(|m| labels.label(&m.doc))),
        mentions: claim
            .mentions
            .iter()
            .map(|m| MentionRow {
                stance: m.stance.clone(),
                // "Metro ← PinkNews ← Novaya Gazeta": who passed the statement on, back to
                // the primary source.
                source: match (&m.source, labels.outlet(&m.doc)) {
                    _ if m.chain.len() > 1 => m
                        .chain
                        .iter()
                        .map(|link| labels.label(link))
                        .collect::<Vec<_>>()
                        .join(" ← "),
                    (Some(source), _) => source.clone(),
                    (None, Some(outlet)) => format!("{outlet} (the outlet)"),
                    (None, None) => "the outlet".to_string(),
                },
                text: short(&m.text),
                prov: labels.prov(&m.doc, m.span),
            })
            .collect(),
    }
}

/// Figures grouped by `group`; within a group ordered by date (undated last), groups with
/// the most figures first, ties in order of first appearance.
fn figure_groups(figures: &[Figure], labels: &Labels) -> Vec<FigureGroupRow> {
    let all = figures;
    let mut groups: Vec<(usize, Vec<&Figure>)> = Vec::new();
    for f in figures {
        match groups.iter_mut().find(|(g, _)| *g == f.group) {
            Some((_, members)) => members.push(f),
            None => groups.push((f.group, vec![f])),
        }
    }
    groups.sort_by_key(|g| std::cmp::Reverse(g.1.len()));
    groups
        .into_iter()
        .map(|(group, mut members)| {
            members.sort_by(|a, b| match (&a.date, &b.date) {
                (Some(x), Some(y)) => x.cmp(y),
                (Some(_), None) => std::cmp::Ordering::Less,
                (None, Some(_)) => std::cmp::Ordering::Greater,
                (None, None) => std::cmp::Ordering::Equal,
            });
            let change = members
                .iter()
                .map(|f| {
                    format!(
                        "{} ({}, {})",
                        f.expression,
                        f.date.as_deref().unwrap_or("undated"),
                        labels.label(&f.doc)
                    )
                })
                .collect::<Vec<_>>()
                .join(" → ");
            let counts = most_common(members.iter().map(|f| f.counts.as_str()));
            FigureGroupRow {
                group,
                counts,
                change,
                figures: members
                    .iter()
                    .map(|f| FigureRow {
                        conflict: (!f.conflicts_with.is_empty()).then(|| {
                            let others: Vec<String> = f
                                .conflicts_with
                                .iter()
                                .filter_map(|&i| all.get(i))
                                .map(|o| format!("{} ({})", o.expression, labels.label(&o.doc)))
                                .collect();
                            format!("contradicts {}", others.join(", "))
                        }),
                        expression: f.expression.clone(),
                        date: f.date.clone().unwrap_or_else(|| "undated".into()),
                        text: short(&f.text),
                        prov: labels.prov(&f.doc, f.span),
                    })
                    .collect(),
            }
        })
        .collect()
}

/// The most frequent value (first seen wins a tie), "unknown" when there is none.
fn most_common<'a>(values: impl Iterator<Item = &'a str>) -> String {
    let mut counts: Vec<(&str, usize)> = Vec::new();
    for v in values {
        match counts.iter_mut().find(|(x, _)| *x == v) {
            Some((_, n)) => *n += 1,
            None => counts.push((v, 1)),
        }
    }
    let mut best: Option<(&str, usize)> = None;
    for (v, n) in counts {
        if best.is_none_or(|(_, m)| n > m) {
            best = Some((v, n));
        }
    }
    best.map_or_else(|| UNKNOWN.to_string(), |(v, _)| v.to_string())
}

/// Quotes grouped by speaker: most quoted first, ties in order of first appearance, the
/// unknown speaker last.
fn speakers(brief: &Brief, labels: &Labels) -> Vec<SpeakerRow> {
    let mut rows: Vec<SpeakerRow> = Vec::new();
    for q in &brief.quotes {
        let row = QuoteRow {
            kind: q.kind.clone(),
            text: short(&q.text),
            mention: q.speaker_mention.clone(),
            role: q.speaker_role.clone(),
            prov: labels.prov(&q.doc, q.span),
            copies: q.copies.iter().map(|p| labels.provenance(p)).collect(),
        };
        // The unknown "speaker" gathers unrelated people: it gets no role of its own, each
        // of its quotes keeps its own.
        let role = (q.speaker != UNKNOWN)
            .then(|| q.speaker_role.clone())
            .flatten();
        match rows.iter_mut().find(|r| r.speaker == q.speaker) {
            Some(r) => {
                if r.role.is_none() {
                    r.role = role;
                }
                r.quotes.push(row);
            }
            None => rows.push(SpeakerRow {
                speaker: q.speaker.clone(),
                role,
                quotes: vec![row],
            }),
        }
    }
    rows.sort_by(|a, b| {
        (a.speaker == UNKNOWN)
            .cmp(&(b.speaker == UNKNOWN))
            .then(b.quotes.len().cmp(&a.quotes.len()))
    });
    rows
}

/// Entities, most mentioned first (ties by name).
fn entities(brief: &Brief, labels: &Labels) -> Vec<EntityRow> {
    let mut order: BTreeMap<(std::cmp::Reverse<usize>, &str, usize), EntityRow> = BTreeMap::new();
    for (i, e) in brief.entities.iter().enumerate() {
        order.insert(
            (std::cmp::Reverse(e.mentions), e.name.as_str(), i),
            EntityRow {
                name: e.name.clone(),
                kind: e.kind.clone(),
                aliases: e.aliases.clone(),
                mentions: e.mentions,
                docs: e.docs.iter().map(|d| labels.label(d)).collect(),
            },
        );
    }
    order.into_values().collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn truncate_keeps_short_text_and_flattens_whitespace() {
        assert_eq!(truncate("a  b\n\nc", 10), "a b c");
    }

    #[test]
    fn truncate_cuts_on_char_boundary_with_ellipsis() {
        let text = "é".repeat(400);
        let out = truncate(&text, 300);
        assert!(out.ends_with('…'));
        assert_eq!(out.chars().count(), 301);
    }

    #[test]
    fn truncate_prefers_word_boundary() {
        let text = format!("{} tail", "word ".repeat(100));
        let out = truncate(&text, 300);
        assert!(out.ends_with("word…"), "{out}");
        assert!(out.chars().count() <= 301);
    }

    #[test]
    fn most_common_prefers_frequent_then_first() {
        assert_eq!(most_common(["a", "b", "b"].into_iter()), "b");
        assert_eq!(most_common(["a", "b"].into_iter()), "a");
        assert_eq!(most_common(std::iter::empty()), "unknown");
    }
}
