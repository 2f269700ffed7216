//! The Markdown rendering: what a journalist reads in a terminal.

use std::fmt::Write as _;

use super::view::{BriefView, ClaimRow, ProvRow};

const NONE_FOUND: &str = "_None found._\n";

/// Escapes a table cell: pipes would end the cell.
fn cell(text: &str) -> String {
    text.replace('|', "\\|")
}

fn marker(p: &ProvRow) -> String {
    format!("[{}]", p.marker)
}

fn markers(ps: &[ProvRow]) -> String {
    ps.iter().map(marker).collect::<Vec<_>>().join(" ")
}

fn join_or_dash(items: &[String]) -> String {
    if items.is_empty() {
        "—".to_string()
    } else {
        items.join(", ")
    }
}

fn plural(n: usize, one: &str, many: &str) -> String {
    format!("{n} {}", if n == 1 { one } else { many })
}

// `write!` into a String cannot fail; the results are ignored on purpose.
pub(crate) fn render(v: &BriefView) -> String {
    let mut out = String::new();
    let o = &mut out;
    let _ = writeln!(o, "# {}\n", v.title);
    let _ = writeln!(
        o,
        "_Story {} · {} · brief schema v{}_\n",
        v.story_id,
        plural(v.sources.len(), "document", "documents"),
        v.schema_version
    );

    let _ = writeln!(o, "## Sources\n");
    if v.sources.is_empty() {
        o.push_str(NONE_FOUND);
    } else {
        let _ = writeln!(o, "| id | outlet | date | title | copied |");
        let _ = writeln!(o, "|----|--------|------|-------|--------|");
        for s in &v.sources {
            let id = if s.label == s.id {
                s.id.clone()
            } else {
                format!("{} ({})", s.label, s.id)
            };
            let _ = writeln!(
                o,
                "| {} | {} | {} | {} | {} |",
                cell(&id),
                cell(&s.outlet),
                cell(&s.date),
                cell(&s.title),
                cell(&s.copied)
            );
        }
    }

    let _ = writeln!(o, "\n## Summary\n");
    if v.summary.is_empty() {
        o.push_str(NONE_FOUND);
    } else {
        for s in &v.summary {
            let _ = writeln!(o, "{} {}", s.text, marker(&s.prov));
        }
    }

    let _ = writeln!(o, "\n## Disputed claims\n");
    claims(o, &v.disputed, true);

    let _ = writeln!(o, "\n## Claims\n");
    claims(o, &v.claims, false);

    let _ = writeln!(o, "\n## Timeline\n");
    if v.timeline.is_empty() {
        o.push_str(NONE_FOUND);
    }
    for e in &v.timeline {
        let precision = e
            .precision
            .as_ref()
            .map(|p| format!(" ({p})"))
            .unwrap_or_default();
        let also = if e.also_in.is_empty() {
            String::new()
        } else {
            format!(" — also in {}", markers(&e.also_in))
        };
        let conflict = e
            .conflict
            .as_ref()
            .map(|c| format!(" **⚠ {c}**"))
            .unwrap_or_default();
        let _ = writeln!(
            o,
            "- **{}**{} · “{}”{conflict} — {} {}{}",
            e.date,
            precision,
            e.expression,
            e.text,
            marker(&e.prov),
            also
        );
    }

    let _ = writeln!(o, "\n## Figures\n");
    if v.figure_groups.is_empty() {
        o.push_str(NONE_FOUND);
    }
    for g in &v.figure_groups {
        let _ = writeln!(o, "- **{}**: {}", g.counts, g.change);
        for f in &g.figures {
            let conflict = f
                .conflict
                .as_ref()
                .map(|c| format!(" **⚠ {c}**"))
                .unwrap_or_default();
            let _ = writeln!(
                o,
                "  - {}{conflict}: {} {}",
                f.expression,
                f.text,
                marker(&f.prov)
            );
        }
    }

    let _ = writeln!(o, "\n## Who said what\n");
    if v.speakers.is_empty() {
        o.push_str(NONE_FOUND);
    }
    for s in &v.speakers {
        let role = s
            .role
            .as_ref()
            .map(|r| format!(" ({r})"))
            .unwrap_or_default();
        let _ = writeln!(
            o,
            "- **{}**{} — {}",
            s.speaker,
            role,
            plural(s.quotes.len(), "quote", "quotes")
        );
        for q in &s.quotes {
            let text = if q.kind == "direct" {
                format!("“{}”", q.text)
            } else {
                q.text.clone()
            };
            let as_written = q
                .mention
                .as_ref()
                .filter(|m| **m != s.speaker)
                .map(|m| format!(", as “{m}”"))
                .unwrap_or_default();
            let role = q
                .role
                .as_ref()
                .filter(|r| Some(*r) != s.role.as_ref())
                .map(|r| format!(", {r}"))
                .unwrap_or_default();
            let copies = if q.copies.is_empty() {
                String::new()
            } else {
                format!(" — also in {}", markers(&q.copies))
            };
            let _ = writeln!(
                o,
                "  - {} _({}{}{})_ {}{}",
                text,
                q.kind,
                as_written,
                role,
                marker(&q.prov),
                copies
            );
        }
    }

    let _ = writeln!(o, "\n## Entities\n");
    if v.entities.is_empty() {
        o.push_str(NONE_FOUND);
    } else {
        let _ = writeln!(o, "| name | kind | aliases | mentions | docs |");
        let _ = writeln!(o, "|------|------|---------|----------|------|");
        for e in &v.entities {
            let _ = writeln!(
                o,
                "| {} | {} | {} | {} | {} |",
                cell(&e.name),
                cell(&e.kind),
                cell(&join_or_dash(&e.aliases)),
                e.mentions,
                cell(&join_or_dash(&e.docs))
            );
        }
    }

    let _ = writeln!(o, "\n## Copied passages\n");
    if v.copies.is_empty() {
        o.push_str(NONE_FOUND);
    }
    for c in &v.copies {
        let _ = writeln!(
            o,
            "- “{}”\n  - {} copy in {}; first carried by {}",
            c.text,
            c.kind,
            markers(&c.docs),
            c.first_doc
        );
    }
    out
}

fn claims(o: &mut String, rows: &[ClaimRow], disputed: bool) {
    if rows.is_empty() {
        o.push_str(NONE_FOUND);
        return;
    }
    for (i, c) in rows.iter().enumerate() {
        let support = plural(
            c.independent_sources,
            "independent source",
            "independent sources",
        );
        let _ = writeln!(o, "{}. **{}**", i + 1, c.text);
        if disputed {
            let _ = writeln!(o, "   - Asserted by: {}", join_or_dash(&c.asserted_by));
            let _ = writeln!(o, "   - Denied by: {}", join_or_dash(&c.denied_by));
            let _ = writeln!(o, "   - {support} in {}", c.docs.join(", "));
            for m in &c.mentions {
                let _ = writeln!(
                    o,
                    "   - _{}_ — {}: {} {}",
                    m.stance,
                    m.source,
                    m.text,
                    marker(&m.prov)
                );
            }
        } else {
            let provs: Vec<ProvRow> = c.mentions.iter().map(|m| m.prov.clone()).collect();
            let _ = writeln!(o, "   - {support} in {}", c.docs.join(", "));
            if !c.asserted_by.is_empty() {
                let _ = writeln!(o, "   - Asserted by: {}", c.asserted_by.join(", "));
            }
            if !c.denied_by.is_empty() {
                let _ = writeln!(o, "   - Denied by: {}", c.denied_by.join(", "));
            }
            let _ = writeln!(o, "   - Stated at {}", markers(&provs));
        }
    }
}
