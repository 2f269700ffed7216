//! The HTML rendering: self-contained, escaped, same sections as Markdown.

mod fixture;

use dossier_brief::*;

#[test]
fn html_page_has_every_section_in_order() {
    let html = to_html(&fixture::brief()).unwrap();
    assert!(html.starts_with("<!DOCTYPE html>"));
    let headings = [
        "<h2>Sources</h2>",
        "<h2>Summary</h2>",
        "<h2 class=\"disputed\">Disputed claims</h2>",
        "<h2>Claims</h2>",
        "<h2>Timeline</h2>",
        "<h2>Figures</h2>",
        "<h2>Who said what</h2>",
        "<h2>Entities</h2>",
        "<h2>Copied passages</h2>",
    ];
    let positions: Vec<usize> = headings
        .iter()
        .map(|h| html.find(h).unwrap_or_else(|| panic!("{h} missing")))
        .collect();
    assert!(positions.windows(2).all(|w| w[0] < w[1]), "{positions:?}");
    assert!(html.contains("over 8,700 (2017-04-11, 000) → over 95,000 (2017-04-13, 001)"));
    assert!(html.contains("<strong>unknown</strong>"));
    assert!(html.contains("<span class=\"stance stance-denies\">denies</span>"));
}

#[test]
fn html_is_self_contained() {
    let html = to_html(&fixture::brief()).unwrap();
    assert!(html.contains("<style>"));
    for banned in ["<script", "<link", "src=", "@import"] {
        assert!(!html.contains(banned), "page should not contain {banned}");
    }
}

#[test]
fn html_escapes_markup_in_brief_text() {
    let mut b = fixture::brief();
    b.quotes[0].text = "<script>alert('x')</script> & more".into();
    b.story.title = "A <b>bold</b> title".into();
    b.claims[2].asserted_by[0] = "\"Quoted\" <i>source</i>".into();
    let html = to_html(&b).unwrap();
    assert!(!html.contains("<script>"), "script tag must be escaped");
    assert!(
        html.contains("&lt;script&gt;alert(&#x27;x&#x27;)&lt;&#x2f;script&gt; &amp; more"),
        "{html}"
    );
    assert!(!html.contains("<b>bold</b>"));
    assert!(html.contains("A &lt;b&gt;bold&lt;&#x2f;b&gt; title"));
    assert!(!html.contains("<i>source</i>"));
}

#[test]
fn html_links_only_web_urls() {
    let mut b = fixture::brief();
    let html = to_html(&b).unwrap();
    assert!(
        html.contains("<a href=\"https:&#x2f;&#x2f;example.org&#x2f;chechnya-purge-false\">"),
        "{html}"
    );
    b.story.documents[3].url = Some("javascript:alert(1)".into());
    let html = to_html(&b).unwrap();
    assert!(!html.contains("javascript:"));
}

#[test]
fn html_empty_brief_says_none_found() {
    let html = to_html(&fixture::empty_brief()).unwrap();
    assert_eq!(html.matches("<em>None found.</em>").count(), 9);
}

#[test]
fn html_index_lists_every_story() {
    let mut other = fixture::empty_brief();
    other.story.title = "Second <story>".into();
    let html = to_html_index(&[fixture::brief(), other]).unwrap();
    assert!(html.contains("<title>Dossier: 2 stories</title>"));
    assert!(html.contains("<a href=\"#story-7\">"));
    assert!(html.contains("<a href=\"#story-1\">Second &lt;story&gt;</a>"));
    assert!(html.contains("id=\"story-7\"") && html.contains("id=\"story-1\""));
    assert_eq!(html.matches("<h2>Summary</h2>").count(), 2);
}

#[test]
#[ignore = "writes the rendering to $DOSSIER_HTML_OUT; run with --ignored to look at it"]
fn write_html() {
    if let Ok(path) = std::env::var("DOSSIER_HTML_OUT") {
        std::fs::write(path, to_html(&fixture::brief()).unwrap()).unwrap();
    }
}

/// Every claim opens to its mentions, each with its stance and the chain that brought it;
/// disputed claims are open from the start.
#[test]
fn html_claims_expand_to_their_mentions() {
    let brief = fixture::brief();
    let html = to_html(&brief).unwrap();
    let claims_at = html.find("<h2>Claims</h2>").expect("claims section");
    let claims = &html[claims_at..html.find("<h2>Timeline</h2>").expect("timeline")];
    let undisputed = brief.claims.iter().filter(|c| !c.disputed).count();
    assert!(undisputed > 0);
    assert_eq!(
        claims.matches("<details class=\"mentions\">").count(),
        undisputed,
        "{claims}"
    );
    assert!(claims.contains("<span class=\"stance stance-"), "{claims}");
    let disputed_at = html.find("Disputed claims</h2>").expect("disputed section");
    let disputed = &html[disputed_at..claims_at];
    assert!(
        disputed.contains("<details class=\"mentions\" open>"),
        "{disputed}"
    );
}
