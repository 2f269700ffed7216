//! Text of an HTML fragment (a feed entry's content or summary), one paragraph per line.

use ego_tree::iter::Edge;
use scraper::{Html, Node};

/// Elements whose text is never part of what a reader reads.
const SKIPPED: &[&str] = &[
    "script", "style", "noscript", "template", "head", "title", "iframe", "object", "embed", "svg",
    "math", "canvas", "audio", "video", "select", "button", "textarea",
];

/// The text of an HTML fragment, one paragraph per line: block elements (`p`, `div`,
/// `li`, headings, ...) and `<br>` end a line, inline elements are joined into the text
/// around them, character references are decoded, whitespace runs inside a line become
/// one space, blank lines are dropped, and the contents of `script`, `style` and other
/// non-text elements are left out. Text with no markup at all comes back with its
/// whitespace tidied the same way.
///
/// The fragment is parsed as a browser would (html5ever), so broken markup never fails:
/// unclosed tags are closed and stray `<` characters are text.
pub fn fragment_text(html: &str) -> String {
    let doc = Html::parse_fragment(html);
    let mut lines = Lines::default();
    // Depth inside skipped elements and inside `pre`: an explicit walk with open/close
    // edges, because recursion over hostile, deeply nested markup could overflow the stack.
    let mut skipping = 0usize;
    let mut in_pre = 0usize;
    for edge in doc.tree.root().traverse() {
        match edge {
            Edge::Open(node) => match node.value() {
                Node::Element(el) => {
                    let name = el.name();
                    if skipping > 0 || SKIPPED.contains(&name) {
                        skipping += 1;
                    } else if name == "br" {
                        lines.end_line();
                    } else if crate::BLOCK_ELEMENTS.contains(&name) {
                        lines.end_line();
                        if name == "pre" {
                            in_pre += 1;
                        }
                    } else if matches!(name, "td" | "th") {
                        // Table cells of one row share its line.
                        lines.push(" ");
                    }
                }
                Node::Text(text) if skipping == 0 => {
                    if in_pre > 0 {
                        let mut parts = text.split('\n');
                        if let Some(first) = parts.next() {
                            lines.push(first);
                        }
                        for part in parts {
                            lines.end_line();
                            lines.push(part);
                        }
                    } else {
                        lines.push(text);
                    }
                }
                _ => {}
            },
            Edge::Close(node) => {
                if let Node::Element(el) = node.value() {
                    let name = el.name();
                    if skipping > 0 {
                        skipping -= 1;
                    } else if crate::BLOCK_ELEMENTS.contains(&name) {
                        lines.end_line();
                        if name == "pre" {
                            in_pre = in_pre.saturating_sub(1);
                        }
                    }
                }
            }
        }
    }
    lines.finish()
}

/// Finished lines and the one being built.
#[derive(Default)]
struct Lines {
    out: String,
    current: String,
}

impl Lines {
    fn push(&mut self, text: &str) {
        self.current.push_str(text);
    }

    /// Ends the current line; an empty or all-whitespace line leaves no trace.
    fn end_line(&mut self) {
        let mut words = self.current.split_whitespace().peekable();
        if words.peek().is_some() {
            if !self.out.is_empty() {
                self.out.push('\n');
            }
            for (i, word) in words.enumerate() {
                if i > 0 {
                    self.out.push(' ');
                }
                self.out.push_str(word);
            }
        }
        self.current.clear();
    }

    fn finish(mut self) -> String {
        self.end_line();
        self.out
    }
}

#[cfg(test)]
mod tests {
    use super::fragment_text;

    #[test]
    fn blocks_become_lines_and_inline_text_joins() {
        let html = "<p>Police said the <b>suspect</b> fled.</p><p>No one was \n hurt.</p>\
                    <ul><li>One</li><li>Two<br>Three</li></ul>";
        assert_eq!(
            fragment_text(html),
            "Police said the suspect fled.\nNo one was hurt.\nOne\nTwo\nThree"
        );
    }

    #[test]
    fn entities_are_decoded_and_scripts_dropped() {
        let html = "<div>AT&amp;T&#8217;s &ldquo;plan&rdquo;&nbsp;today<script>var x = '<p>no</p>';</script>\
                    <style>p { color: red }</style></div>";
        assert_eq!(fragment_text(html), "AT&T’s “plan” today");
    }

    #[test]
    fn plain_text_and_broken_markup_never_fail() {
        assert_eq!(fragment_text("  just   text \n"), "just text");
        assert_eq!(fragment_text(""), "");
        assert_eq!(
            fragment_text("a < b and <p>unclosed"),
            "a < b and\nunclosed"
        );
        assert_eq!(fragment_text("<img src=x alt=photo>"), "");
    }

    #[test]
    fn tables_keep_a_row_per_line_and_pre_keeps_its_lines() {
        let html =
            "<table><tr><td>Kabul</td><td>12</td></tr><tr><td>Herat</td><td>3</td></tr></table>\
                    <pre>line one\nline two</pre>";
        assert_eq!(fragment_text(html), "Kabul 12\nHerat 3\nline one\nline two");
    }

    #[test]
    fn deep_nesting_does_not_overflow() {
        let html = "<span>".repeat(100_000) + "deep" + &"</span>".repeat(100_000);
        assert_eq!(fragment_text(&html), "deep");
    }
}
