//! The Markdown rendering of the chechnya-2017 brief.

mod fixture;

use dossier_brief::*;

fn pos(md: &str, needle: &str) -> usize {
    md.find(needle)
        .unwrap_or_else(|| panic!("{needle:?} not in markdown:\n{md}"))
}

#[test]
fn sections_come_in_order_with_disputed_claims_first() {
    let md = to_markdown(&fixture::brief());
    let headings = [
        "# Reports of Chechnya gay purge are false and meant to smear Russia, says official\n",
        "\n## Sources\n",
        "\n## Summary\n",
        "\n## Disputed claims\n",
        "\n## Claims\n",
        "\n## Timeline\n",
        "\n## Figures\n",
        "\n## Who said what\n",
        "\n## Entities\n",
        "\n## Copied passages\n",
    ];
    let positions: Vec<usize> = headings.iter().map(|h| pos(&md, h)).collect();
    assert!(
        positions.windows(2).all(|w| w[0] < w[1]),
        "sections out of order: {positions:?}"
    );
    // The disputed claim is in the disputed section, with who asserts and who denies it.
    let section = &md[positions[3]..positions[4]];
    assert!(
        section.contains(&format!("1. **{}**", fixture::DISPUTED)),
        "{section}"
    );
    assert!(section.contains("Asserted by: Novaya Gazeta"), "{section}");
    assert!(
        section.contains(
            "Denied by: a source in the Russian government, Dmitry Alushkin, Dmitry Peskov"
        ),
        "{section}"
    );
    assert!(
        section.contains("_denies_ — 004 ← Dmitry Peskov: On April 20"),
        "{section}"
    );
    assert!(section.contains("4 independent sources"), "{section}");
}

#[test]
fn claims_are_ranked_by_independent_sources() {
    let md = to_markdown(&fixture::brief());
    let claims = &md[pos(&md, "\n## Claims\n")..pos(&md, "\n## Timeline\n")];
    let hrw = pos(claims, "1. **Human Rights Watch confirmed");
    let three = pos(claims, "2. **At least three men");
    assert!(hrw < three);
    assert!(
        claims.contains("2 independent sources in 003, 004"),
        "{claims}"
    );
    assert!(
        claims.contains("1 independent source in 001, 002"),
        "{claims}"
    );
    // The disputed claim is not repeated among the undisputed ones.
    assert!(!claims.contains(fixture::DISPUTED));
}

#[test]
fn summary_sentences_carry_provenance_markers() {
    let b = fixture::brief();
    let md = to_markdown(&b);
    let first = &b.summary[0];
    let line = format!(
        "{} [001 §{}-{}]",
        first.text, first.span.start, first.span.end
    );
    assert!(md.contains(&line), "missing {line:?} in\n{md}");
}

#[test]
fn sources_table_uses_short_labels_and_unknown_dates() {
    let md = to_markdown(&fixture::brief());
    assert!(md.contains("| id | outlet | date | title |"));
    assert!(
        md.contains("| 001 (001_71ba82b1841a5656) | unknown | 2017-04-15 | unknown |"),
        "{md}"
    );
    assert!(
        md.contains("| 003 (003_2aa45406087482ee) | PinkNews | unknown | Reports of Chechnya"),
        "{md}"
    );
}

#[test]
fn figures_show_change_over_time_within_a_group() {
    let md = to_markdown(&fixture::brief());
    assert!(
        md.contains(
            "- **signatures**: over 8,700 (2017-04-11, 000) → over 95,000 (2017-04-13, 001)"
        ),
        "{md}"
    );
    assert!(md.contains(
        "- **gay men detained**: over 100 (undated, 001) → more than 100 (undated, 003)"
    ));
    assert!(md.contains("- **protesters in Grozny**: up to 15,000 (2017-04-13, 001)"));
}

#[test]
fn quotes_are_grouped_by_speaker_with_unknown_last() {
    let md = to_markdown(&fixture::brief());
    let section = &md[pos(&md, "\n## Who said what\n")..pos(&md, "\n## Entities\n")];
    let peskov = pos(
        section,
        "- **Dmitry Peskov** (spokesperson for Russian president Vladimir Putin) — 2 quotes",
    );
    let kadyrov = pos(section, "- **Ramzan Kadyrov**");
    let unknown = pos(section, "- **unknown**");
    assert!(peskov < kadyrov && kadyrov < unknown, "{section}");
    assert!(section.contains(&format!("“{}” _(direct)_ [001 §", fixture::PESKOV)));
    // Unresolved speakers keep how they were written, and copies are listed.
    assert!(section.contains("- **unknown** — 2 quotes"), "{section}");
    assert!(
        section.contains("_(direct, as “The spokesperson”, spokesperson for Chechnya's Russian-backed leader, Ramzan Kadyrov)_ [000 §"),
        "{section}"
    );
    assert!(section.contains("_(indirect, as “Russian Presidential Spokesman Dmitry Peskov”, Russian Presidential Spokesman)_"), "{section}");
    assert!(section.contains("— also in [001 §"), "{section}");
    // Indirect quotes are not put in quote marks.
    assert!(section.contains(
        "  - homosexuality does not exist in Chechen society _(indirect, as “Kadyrov”)_"
    ));
}

#[test]
fn timeline_shows_precision_when_not_day() {
    let md = to_markdown(&fixture::brief());
    assert!(
        md.contains("- **2017-03** (month) · “in March” **⚠ dates differ: On April 1 (004)** — Novaya Gazeta first reported"),
        "{md}"
    );
    assert!(
        md.contains(
            "- **2017-04-01** · “On April 1” **⚠ dates differ: in March (004)** — On April 1"
        ),
        "{md}"
    );
    assert!(md.contains("- **2017-01-15/2017-04-15** (range) · “over the last few months”"));
    assert!(md.contains("- **2017-04-13** · “Thursday morning (April 13)” — Meanwhile"));
    assert!(md.contains("— also in [002 §"));
}

#[test]
fn entities_and_copies_are_listed() {
    let md = to_markdown(&fixture::brief());
    assert!(
        md.contains("| Ramzan Kadyrov | person | Kadyrov | 9 | 000, 001, 002, 003, 004 |"),
        "{md}"
    );
    assert!(md.contains("| Chechnya | place | — | 31 |"));
    // Most mentioned first.
    assert!(pos(&md, "| Chechnya |") < pos(&md, "| Ramzan Kadyrov |"));
    assert!(md.contains("near copy in [000 §"), "{md}");
    assert!(md.contains("; first carried by 000"));
}

#[test]
fn long_texts_are_truncated() {
    let md = to_markdown(&fixture::brief());
    assert!(fixture::PETITION_000.chars().count() > 300);
    assert!(!md.contains(fixture::PETITION_000));
    let start: String = fixture::PETITION_000.chars().take(120).collect();
    let line = md
        .lines()
        .find(|l| l.starts_with(&start))
        .expect("petition in summary");
    assert!(line.contains("… [000 §"), "{line}");
}

#[test]
#[ignore = "prints the rendering; run with --ignored --nocapture to look at it"]
fn print_markdown() {
    println!("{}", to_markdown(&fixture::brief()));
}

#[test]
fn empty_sections_say_none_found() {
    let md = to_markdown(&fixture::empty_brief());
    assert_eq!(md.matches("_None found._").count(), 9, "{md}");
    assert!(md.starts_with("# Nothing to see\n"));
}
