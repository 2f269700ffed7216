//! The main text of a parsed page.
//!
//! One pass over the tree cuts the page into text blocks (a block is the inline text
//! between two block-level boundaries) and drops what never holds article text (scripts,
//! navigation, forms, figures, hidden elements). Each block then scores the elements above
//! it, as Readability does: long blocks with commas and few links count most, and class
//! or id names such as `article-body` or `sidebar` move the score. The best-scoring
//! element, with those of its siblings that score nearly as well, holds the article; its
//! blocks are kept, minus links-only lists, captions, bylines and similar furniture.
//!
//! The walk is iterative: broken markup can nest elements thousands deep, and recursion
//! there would overflow the stack.

use std::collections::HashMap;

use scraper::node::Element;
use scraper::{ElementRef, Html, Node};

type NodeId = ego_tree::NodeId;

/// One block of inline text.
#[derive(Debug)]
struct Block {
    text: String,
    /// Characters of `text` (not bytes).
    chars: usize,
    /// Characters inside links.
    link_chars: usize,
    /// The nearest block-level element holding the text.
    owner: NodeId,
    /// Tag of `owner`.
    tag: &'static str,
    /// Inside an element whose class or id names page furniture (share bar, comments).
    furniture: bool,
    /// Inside a `<blockquote>`: an embedded post or a quoted passage, which is mostly links
    /// (handles, a permalink) and still part of the article.
    quoted: bool,
}

/// Elements whose content is never article text.
const SKIPPED: &[&str] = &[
    "script",
    "style",
    "noscript",
    "template",
    "svg",
    "math",
    "iframe",
    "object",
    "embed",
    "canvas",
    "video",
    "audio",
    "picture",
    "img",
    "map",
    "button",
    "select",
    "textarea",
    "input",
    "label",
    "nav",
    "aside",
    "footer",
    "header",
    "figcaption",
    "dialog",
    "menu",
    "head",
    "title",
];

/// Elements that end a block of text besides the block-level ones: a line break, and
/// table cells (each cell's text is a block of its own here, to score it).
const BREAKS: &[&str] = &["br", "td", "th"];

/// Block elements that are a paragraph of their own rather than a container.
const PARAGRAPH_LIKE: &[&str] = &[
    "p", "h1", "h2", "h3", "h4", "h5", "h6", "li", "dt", "dd", "pre", "tr", "td", "th", "caption",
    "address", "br", "hr", "summary",
];

/// Parts of class and id words that name furniture wherever they appear in a word
/// (`commentsWrap`, `socialShare`, `relatedStories`). None of these names a wrapper of
/// a whole page, so text inside them is never article text.
const FURNITURE_STEMS: &[&str] = &[
    "comment",
    "disqus",
    "outbrain",
    "taboola",
    "cookie",
    "consent",
    "newsletter",
    "related",
    "share",
    "social",
    "breadcrumb",
    "footer",
    "recommend",
    "promo",
    "subscri",
    "popular",
    "trending",
    "sponsor",
];

/// Class and id words of furniture found *inside* articles (bylines, captions, ad slots,
/// tag lists). Pages also use some of them on wrappers (`ad-wrapper`, `post-meta-wrap`),
/// so they count only below the article's element and only for a small part of it.
const INNER_FURNITURE_WORDS: &[&str] = &[
    "ad",
    "ads",
    "advert",
    "advertisement",
    "advertising",
    "author",
    "banner",
    "bio",
    "byline",
    "caption",
    "credit",
    "credits",
    "date",
    "dateline",
    "disclaimer",
    "copyright",
    "meta",
    "nav",
    "navigation",
    "popup",
    "print",
    "signup",
    "skyscraper",
    "tag",
    "tags",
    "timestamp",
    "toolbar",
    "tools",
];

/// Class and id words that lower an element's chance to be the article's element; pages
/// use them on wrappers too (`content-with-sidebar`, `main-rail`), so they only weigh.
const UNLIKELY_WORDS: &[&str] = &[
    "community",
    "header",
    "modal",
    "more",
    "pagination",
    "rail",
    "recirc",
    "sidebar",
    "widget",
];

/// Class and id words of article containers.
const POSITIVE_WORDS: &[&str] = &[
    "article",
    "articlebody",
    "body",
    "blog",
    "content",
    "entry",
    "main",
    "page",
    "post",
    "prose",
    "story",
    "storybody",
    "text",
];

fn class_words(element: &Element) -> impl Iterator<Item = String> + '_ {
    element
        .attr("class")
        .into_iter()
        .chain(element.id())
        .flat_map(|v| v.split(|c: char| !c.is_ascii_alphanumeric()))
        .filter(|w| !w.is_empty())
        .map(|w| w.to_ascii_lowercase())
}

/// A factor for an element's score from its class and id: article-like names raise it,
/// furniture names lower it. (Readability adds ±25 instead; as a factor, a tiny
/// `class="content"` box cannot outweigh a long article in a plain `div`.)
fn class_weight(element: &Element) -> f64 {
    let mut weight = 1.0;
    let mut positive = false;
    let mut negative = false;
    for word in class_words(element) {
        positive |= POSITIVE_WORDS.contains(&word.as_str());
        negative |= is_unlikely_word(&word);
    }
    if positive {
        weight *= 1.25;
    }
    if negative {
        weight *= 0.5;
    }
    weight
}

/// Whether an element's class or id names page furniture that never holds the article.
/// The page's own frame (`body`, `main`, `article`, an `articleBody`) never is.
fn is_furniture(element: &Element) -> bool {
    !is_frame(element) && class_words(element).any(|w| is_furniture_word(&w))
}

/// Whether an element inside the article is furniture (a byline, caption or ad slot).
fn is_inner_furniture(element: &Element) -> bool {
    !is_frame(element)
        && class_words(element)
            .any(|w| is_furniture_word(&w) || INNER_FURNITURE_WORDS.contains(&w.as_str()))
}

fn is_frame(element: &Element) -> bool {
    matches!(element.name(), "html" | "body" | "main" | "article")
        || element.attr("itemprop") == Some("articleBody")
}

fn is_furniture_word(word: &str) -> bool {
    !word.contains("commentary") && FURNITURE_STEMS.iter().any(|s| word.contains(s))
}

fn is_unlikely_word(word: &str) -> bool {
    is_furniture_word(word)
        || INNER_FURNITURE_WORDS.contains(&word)
        || UNLIKELY_WORDS.contains(&word)
}

fn is_hidden(element: &Element) -> bool {
    if element.attr("hidden").is_some() || element.attr("aria-hidden") == Some("true") {
        return true;
    }
    element.attr("style").is_some_and(|style| {
        let style: String = style
            .chars()
            .filter(|c| !c.is_whitespace())
            .collect::<String>()
            .to_ascii_lowercase();
        style.contains("display:none") || style.contains("visibility:hidden")
    })
}

fn tag_of(name: &str) -> Option<&'static str> {
    crate::BLOCK_ELEMENTS
        .iter()
        .chain(BREAKS)
        .find(|t| **t == name)
        .copied()
}

/// The state of the walk that cuts a page into blocks.
#[derive(Default)]
struct Cutter {
    out: Vec<Block>,
    /// Inline text since the last block boundary.
    text: String,
    chars: usize,
    link_chars: usize,
    link_depth: usize,
    furniture_depth: usize,
    quote_depth: usize,
}

impl Cutter {
    /// Ends the current block (if it holds text) as one owned by `owner`.
    fn flush(&mut self, owner: (NodeId, &'static str)) {
        let trimmed = self.text.trim_end();
        if !trimmed.is_empty() {
            self.out.push(Block {
                text: trimmed.to_string(),
                chars: self.chars,
                link_chars: self.link_chars,
                owner: owner.0,
                tag: owner.1,
                furniture: self.furniture_depth > 0,
                quoted: self.quote_depth > 0,
            });
        }
        self.text.clear();
        self.chars = 0;
        self.link_chars = 0;
    }

    /// Appends a text node, whitespace runs collapsed to one space.
    fn push_text(&mut self, t: &str) {
        let before = self.text.len();
        let text = &mut self.text;
        if t.starts_with(char::is_whitespace) && !text.is_empty() && !text.ends_with(' ') {
            text.push(' ');
        }
        for (i, word) in t.split_whitespace().enumerate() {
            if i > 0 {
                text.push(' ');
            }
            text.push_str(word);
        }
        if t.ends_with(char::is_whitespace) && !text.is_empty() && !text.ends_with(' ') {
            text.push(' ');
        }
        let n = text[before..].chars().count();
        self.chars += n;
        if self.link_depth > 0 {
            self.link_chars += n;
        }
    }
}

/// Cuts the page into blocks.
fn blocks(html: &Html) -> Vec<Block> {
    enum Step<'a> {
        Enter(ego_tree::NodeRef<'a, Node>),
        LeaveLink,
        LeaveBlock,
        LeaveFurniture,
        LeaveQuote,
    }
    let mut cut = Cutter::default();
    let root = html.tree.root();
    let mut owners: Vec<(NodeId, &'static str)> = vec![(root.id(), "html")];
    let mut stack = vec![Step::Enter(root)];
    while let Some(step) = stack.pop() {
        match step {
            Step::LeaveLink => cut.link_depth -= 1,
            Step::LeaveFurniture => cut.furniture_depth -= 1,
            Step::LeaveQuote => cut.quote_depth -= 1,
            Step::LeaveBlock => {
                let owner = owners.pop().expect("block stack balanced");
                cut.flush(owner);
            }
            Step::Enter(node) => match node.value() {
                Node::Text(t) => cut.push_text(t),
                Node::Element(element) => {
                    let name = element.name();
                    if SKIPPED.contains(&name) || is_hidden(element) {
                        continue;
                    }
                    if let Some(tag) = tag_of(name) {
                        cut.flush(*owners.last().expect("root owner"));
                        owners.push((node.id(), tag));
                        stack.push(Step::LeaveBlock);
                    }
                    if is_furniture(element) {
                        cut.furniture_depth += 1;
                        stack.push(Step::LeaveFurniture);
                    }
                    if name == "blockquote" {
                        cut.quote_depth += 1;
                        stack.push(Step::LeaveQuote);
                    }
                    if name == "a" {
                        cut.link_depth += 1;
                        stack.push(Step::LeaveLink);
                    }
                    for child in node.children().rev() {
                        stack.push(Step::Enter(child));
                    }
                }
                Node::Document | Node::Fragment => {
                    for child in node.children().rev() {
                        stack.push(Step::Enter(child));
                    }
                }
                _ => {}
            },
        }
    }
    cut.out
}

/// Per-element sums over the blocks below it.
#[derive(Debug, Default, Clone, Copy)]
struct Tally {
    score: f64,
    chars: usize,
    link_chars: usize,
    /// Characters of blocks that read as article text.
    good: usize,
    /// Characters of blocks that read as furniture (link lists, furniture classes).
    bad: usize,
}

/// Whether a block reads as article text, as furniture, or as neither (short lines).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Kind {
    Text,
    Furniture,
    Neutral,
}

fn kind(block: &Block) -> Kind {
    let ld = link_density(block.chars, block.link_chars);
    if block.furniture || ld > 0.2 {
        Kind::Furniture
    } else if block.chars >= 40 && ld < 0.2 {
        Kind::Text
    } else {
        Kind::Neutral
    }
}

/// How much furniture text weighs against article text when widening the article's
/// element to an ancestor.
const FURNITURE_COST: f64 = 6.0;

/// How many levels above the best-scoring element the article's element may be.
const MAX_WIDEN: usize = 5;

fn block_score(block: &Block) -> f64 {
    let commas = block.text.matches([',', '،', '，']).count() as f64;
    1.0 + commas + (block.chars as f64 / 100.0).min(3.0)
}

fn link_density(chars: usize, link_chars: usize) -> f64 {
    if chars == 0 {
        0.0
    } else {
        link_chars as f64 / chars as f64
    }
}

/// The main text of `html`, one block per line, and the number of characters it holds.
pub(crate) fn main_text(html: &Html, title: Option<&str>) -> String {
    let blocks = blocks(html);
    if blocks.is_empty() {
        return String::new();
    }
    let tree = &html.tree;
    let mut tallies: HashMap<NodeId, Tally> = HashMap::new();
    for block in &blocks {
        let ld = link_density(block.chars, block.link_chars);
        let scores = !block.furniture && block.chars >= 25 && ld < 0.5 && block.tag != "li";
        let content_score = block_score(block);
        let block_kind = kind(block);
        // Text straight inside a container makes the container itself the paragraph's
        // parent, as Readability's turning such divs into paragraphs does.
        let mut level = if PARAGRAPH_LIKE.contains(&block.tag) {
            0
        } else {
            1
        };
        let mut node = tree.get(block.owner);
        while let Some(n) = node {
            let tally = tallies.entry(n.id()).or_default();
            tally.chars += block.chars;
            tally.link_chars += block.link_chars;
            match block_kind {
                Kind::Text => tally.good += block.chars,
                Kind::Furniture => tally.bad += block.chars,
                Kind::Neutral => {}
            }
            if scores && (1..=5).contains(&level) {
                let divider = match level {
                    1 => 1.0,
                    2 => 2.0,
                    l => l as f64 * 3.0,
                };
                tally.score += content_score / divider;
            }
            level += 1;
            node = n.parent();
        }
    }
    let mut best: Option<(NodeId, f64)> = None;
    for (&id, tally) in &tallies {
        let Some(element) = tree.get(id).and_then(ElementRef::wrap) else {
            continue;
        };
        if tally.score <= 0.0 {
            continue;
        }
        let score = (tally.score * class_weight(element.value()))
            * (1.0 - link_density(tally.chars, tally.link_chars));
        if best.is_none_or(|(_, s)| score > s) {
            best = Some((id, score));
        }
    }
    let Some((top, _)) = best else {
        return String::new();
    };
    let roots = vec![widen(html, &tallies, top)];
    let mut lines = Vec::new();
    for block in &blocks {
        if !under(html, block.owner, &roots) {
            continue;
        }
        if !keep(html, &tallies, block, &roots, title) {
            continue;
        }
        if is_boilerplate_line(&block.text) {
            continue;
        }
        lines.push(block.text.as_str());
    }
    cut_trailing_section(&mut lines);
    lines.join("\n")
}

/// Short lines that are page furniture whatever element holds them.
static BOILERPLATE_LINE: std::sync::LazyLock<regex::Regex> = std::sync::LazyLock::new(|| {
    regex::Regex::new(
        r"(?xi)^(
            advert(isement)? | ad | sponsored | close | caption | tags? | comments? | share
            | share\ this( \ (article|story))? | print | email | (image|photo|slide)?\ ?\d+\ of\ \d+
            | back\ to\ (gallery|top) | don'?t\ miss | skip\ (to\ content|ad)
            | (image|photo)\ (copyright|credit)\b.* | copyright\b.* | ©.* | .*all\ rights\ reserved\.?
            | (published|updated|posted|last\ updated)\b.*\d{4}.*
        )$",
    )
    .expect("valid regex")
});

/// Headings that open the end matter of a page (related links, tags, comments).
static END_MATTER: std::sync::LazyLock<regex::Regex> = std::sync::LazyLock::new(|| {
    regex::Regex::new(
        r"(?xi)^(
            related(\ (news|stories|articles|content|posts|coverage))?:? | more\ (in|from|on|about)\b.*
            | more\ (stories|news|articles)\b.* | read\ (more|next|also)\b.* | tags:?
            | you\ (may|might)\ (also\ )?(like|enjoy)\b.* | recommended(\ for\ you)?
            | most\ (read|popular|viewed)\b.* | trending(\ now)? | see\ also | more\ great\ .*\ stories
            | (leave\ a\ )?comments?:? | join\ the\ conversation | what\ to\ read\ next
        )$",
    )
    .expect("valid regex")
});

fn is_boilerplate_line(line: &str) -> bool {
    line.len() < 100 && BOILERPLATE_LINE.is_match(line.trim())
}

/// Drops an end-matter heading and everything after it, when it comes after most of the
/// article's text.
fn cut_trailing_section(lines: &mut Vec<&str>) {
    let total: usize = lines.iter().map(|l| l.len()).sum();
    let mut seen = 0;
    for (i, line) in lines.iter().enumerate() {
        if seen * 2 >= total && line.len() < 60 && END_MATTER.is_match(line.trim()) {
            lines.truncate(i);
            return;
        }
        seen += line.len();
    }
}

/// The ancestor of `top` (or `top` itself) that holds the most article text net of
/// furniture: articles split into several containers (one per section, one per ad break)
/// are joined again this way.
fn widen(html: &Html, tallies: &HashMap<NodeId, Tally>, top: NodeId) -> NodeId {
    let value = |id: NodeId| {
        tallies
            .get(&id)
            .map_or(f64::MIN, |t| t.good as f64 - FURNITURE_COST * t.bad as f64)
    };
    let mut best = (top, value(top));
    let mut node = html.tree.get(top).and_then(|n| n.parent());
    let mut level = 0;
    while let Some(n) = node {
        level += 1;
        if level > MAX_WIDEN || n.value().as_element().is_none_or(|e| e.name() == "html") {
            break;
        }
        let v = value(n.id());
        if v > best.1 {
            best = (n.id(), v);
        }
        node = n.parent();
    }
    best.0
}

fn under(html: &Html, node: NodeId, roots: &[NodeId]) -> bool {
    let mut current = html.tree.get(node);
    while let Some(n) = current {
        if roots.contains(&n.id()) {
            return true;
        }
        current = n.parent();
    }
    false
}

/// Whether a block inside the article's element is article text.
fn keep(
    html: &Html,
    tallies: &HashMap<NodeId, Tally>,
    block: &Block,
    roots: &[NodeId],
    title: Option<&str>,
) -> bool {
    let root_chars = roots
        .iter()
        .filter_map(|r| tallies.get(r))
        .map(|t| t.chars)
        .sum::<usize>();
    let max_link_density = if block.quoted { 0.9 } else { 0.5 };
    if link_density(block.chars, block.link_chars) > max_link_density {
        return false;
    }
    if block.tag == "h1" {
        return false;
    }
    if title.is_some_and(|t| t.trim() == block.text) {
        return false;
    }
    // Furniture nested inside the article element (share bars, captions, bylines).
    let mut current = html.tree.get(block.owner);
    while let Some(n) = current {
        if roots.contains(&n.id()) {
            break;
        }
        if let Some(element) = n.value().as_element() {
            let small = tallies
                .get(&n.id())
                .is_some_and(|t| t.chars * 2 < root_chars);
            if small && is_inner_furniture(element) {
                return false;
            }
        }
        current = n.parent();
    }
    true
}
