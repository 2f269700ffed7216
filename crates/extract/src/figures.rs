//! Figures: numbers with their qualifier, what they count and the date they hold for.
//!
//! [`extract_figures`] reads the body sentences (headline and debris skipped):
//!
//! - **Numbers**: digits ("100", "8,700", "3.5 million", "$17.1bn", "40%"), words ("three",
//!   "twenty-five", "a dozen", "two hundred"), ranges ("16-50", "16 to 50", "30 or 40" →
//!   `value` 16 / 30, `value_max` 50 / 40) and vague plurals. A vague plural's `value` is its
//!   lower bound (twice the unit) and its qualifier is `at least` unless the text gives one:
//!   "dozens" → 24, "hundreds" → 200, "thousands" → 2000, "tens of thousands" → 20000,
//!   "hundreds of thousands" → 200000, "millions" → 2000000.
//! - **Qualifier**: the words right before the number, normalised to lower case: over, more
//!   than, at least, around, about, approximately, some, up to, nearly, almost, only, fewer
//!   than, less than, as many as, roughly, estimated ("an estimated"), close to, just over, ...
//! - **What is counted** (`counts`): the noun phrase after the number ("95,000 signatures" →
//!   "signatures"; "of" after a vague or partitive number is skipped: "tens of thousands of
//!   people" → "people"), with "aged 16-50" left out, plus the verb when the noun phrase is
//!   the subject of a participle ("over 100 gay and bisexual men aged 16-50 had been
//!   detained" → "gay and bisexual men detained"; "At least three men are known to have been
//!   killed" → "men killed"; "Over 800 people have expressed interest" → "people expressed
//!   interest"; "around 40 Chechens are now in hiding" → "Chechens in hiding"), or of a
//!   passive before it ("a petition signed by over 8,700 people" → "people signed petition").
//!   Percentages count "percent", bare money amounts "dollars" / "pounds" / "euros". Nothing
//!   sensible after the number → `None`.
//! - **Not figures**: numbers inside a date expression (the `dates` spans: "April 11", "two
//!   weeks"), years ("in 2016"), times ("5:30pm"), ages ("aged 16-50", "a 16-year-old",
//!   "Lowe, 89, died"), ordinals ("11th", "third"), "one of" and a bare "one" (kept only after
//!   a qualifier: "only one"), list numbering ("1." opening a sentence), identifiers ("No. 5",
//!   "Article 3", "G20", "COVID-19"), lists such as "1,2,3,4" and slashed dates ("7/8/07");
//!   numbers naming a model or an index ("Boeing 787", "Trent 900 engines", "FTSE 100",
//!   "Standard & Poor's 500", "777-200LR"; once written after a name, the same number
//!   standing bare elsewhere in the document: "the 787"), durations ("four years behind
//!   schedule", "six straight days", "a 12-hour flight"), "the two companies" (things
//!   already named) and number words inside names ("the Big Three").
//! - **Date**: the resolved date nearest to the figure in the same sentence ("over 8,700 people
//!   as of Tuesday morning (April 11)" → 2017-04-11), else `None`.

mod conflicts;
pub(crate) mod numbers;

pub use conflicts::{conflicting_figures, FigureClaim};

use std::collections::{HashMap, HashSet};

use dossier_core::{Document, ResolvedDate, Span};
use dossier_text::{is_stopword, stem, AnalyzedText};
use serde::Serialize;

use crate::dates::lex::{adjacent, lex, Tok, TokKind};
use crate::DateMention;
use numbers::{number_at, Number};

/// One figure in a document.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct FigureMention {
    /// The value (lower bound for a range such as "16-50").
    pub value: f64,
    /// Upper bound of a range, else `None`.
    pub value_max: Option<f64>,
    /// `over`, `more than`, `at least`, `around`, `up to`, `nearly`, `only`, ... (normalised
    /// lower case), or `None` when exact.
    pub qualifier: Option<String>,
    /// What is counted ("gay men detained", "signatures"), or `None` when unknown.
    pub counts: Option<String>,
    /// The figure as written ("over 8,700").
    pub expression: String,
    /// Its byte span.
    pub span: Span,
    /// Index of the sentence it is in.
    pub sentence: usize,
    /// The date the figure holds for (a date in the same sentence), or `None`.
    pub date: Option<ResolvedDate>,
    /// The head noun of `counts` as written ("men" in "gay and bisexual men detained"), or
    /// `None` when nothing is counted. Used by [`group_figures`].
    pub head: Option<String>,
    /// The verb that says what happened to what is counted, as it appears in `counts`
    /// ("detained", "rounded up", "expressed interest", "in hiding", "signed"), or `None`.
    pub action: Option<String>,
    /// The content word governing the figure from before it ("evacuate" in "evacuate 40 gay
    /// men", "protest" in "a protest of up to 15,000 people"), or `None`. Not part of `counts`;
    /// used by [`group_figures`] to tell apart figures counting the same noun.
    pub governor: Option<String>,
}

/// Qualifiers, longest first, as (words, normalised form).
const QUALIFIERS: &[(&[&str], &str)] = &[
    (&["no", "more", "than"], "no more than"),
    (&["no", "fewer", "than"], "no fewer than"),
    (&["no", "less", "than"], "no less than"),
    (&["as", "many", "as"], "as many as"),
    (&["as", "much", "as"], "as much as"),
    (&["as", "few", "as"], "as few as"),
    (&["in", "excess", "of"], "more than"),
    (&["more", "than"], "more than"),
    (&["fewer", "than"], "fewer than"),
    (&["less", "than"], "less than"),
    (&["at", "least"], "at least"),
    (&["at", "most"], "at most"),
    (&["up", "to"], "up to"),
    (&["close", "to"], "close to"),
    (&["upwards", "of"], "more than"),
    (&["just", "over"], "just over"),
    (&["just", "under"], "just under"),
    (&["well", "over"], "well over"),
    (&["an", "estimated"], "estimated"),
    (&["estimated"], "estimated"),
    (&["over"], "over"),
    (&["under"], "under"),
    (&["about"], "about"),
    (&["around"], "around"),
    (&["approximately"], "approximately"),
    (&["approx"], "approximately"),
    (&["roughly"], "roughly"),
    (&["some"], "some"),
    (&["nearly"], "nearly"),
    (&["almost"], "almost"),
    (&["only"], "only"),
    (&["just"], "just"),
    (&["barely"], "barely"),
];

/// Words that end a counted noun phrase (besides stopwords).
const NP_STOP: &[&str] = &[
    "outside",
    "inside",
    "across",
    "among",
    "amid",
    "amongst",
    "including",
    "per",
    "via",
    "within",
    "without",
    "despite",
    "toward",
    "towards",
    "near",
    "beyond",
    "like",
    "unlike",
    "following",
    "according",
    "since",
    "until",
    "now",
    "already",
    "still",
    "also",
    "so",
    "reportedly",
    "allegedly",
    "currently",
    "even",
    "far",
    "ago",
    "last",
    "next",
    "this",
    "who",
    "which",
    "whom",
    "whose",
    "where",
    "when",
    "while",
    "though",
    "although",
    "said",
    "says",
    "say",
    "yet",
    "too",
    "each",
    "every",
    "per",
    "cent",
    "percent",
    "more",
    "less",
    "fewer",
    "times",
    "people's",
];
/// Auxiliary words between a noun phrase and its participle ("are known to have been").
const AUX: &[&str] = &[
    "have",
    "has",
    "had",
    "been",
    "be",
    "being",
    "are",
    "is",
    "was",
    "were",
    "now",
    "reportedly",
    "allegedly",
    "already",
    "also",
    "still",
    "all",
    "who",
    "which",
    "that",
    "currently",
    "being",
    "later",
    "since",
    "then",
    "recently",
    "apparently",
    "subsequently",
    "each",
];
/// Reporting participles that join a chain only before "to" ("known to have been").
const REPORTING: &[&str] = &[
    "known",
    "said",
    "believed",
    "thought",
    "reported",
    "feared",
    "estimated",
    "understood",
    "alleged",
    "expected",
    "likely",
    "set",
];
/// Irregular past participles.
const IRREGULAR: &[&str] = &[
    "taken",
    "held",
    "hidden",
    "beaten",
    "given",
    "seen",
    "done",
    "shot",
    "hit",
    "hurt",
    "left",
    "kept",
    "lost",
    "found",
    "brought",
    "caught",
    "driven",
    "drawn",
    "sent",
    "put",
    "struck",
    "stolen",
    "born",
    "slain",
    "thrown",
    "withdrawn",
    "bitten",
    "fled",
    "made",
    "sold",
    "won",
    "bought",
    "told",
    "paid",
    "spent",
    "met",
    "written",
    "known",
    "gone",
    "come",
    "become",
    "run",
    "shown",
    "grown",
    "fallen",
    "risen",
    "frozen",
    "chosen",
    "forgotten",
    "begun",
    "swept",
    "hung",
    "sworn",
    "torn",
];
/// Particles after a participle ("rounded up").
const PARTICLES: &[&str] = &["up", "out", "down", "off", "away", "back"];
/// "in hiding", "in custody", "under arrest".
const STATE_PREPS: &[&str] = &["in", "under", "on", "at"];
/// Words before a number that mark it as an identifier rather than a count.
const IDENTIFIER_WORDS: &[&str] = &[
    "no",
    "number",
    "page",
    "article",
    "section",
    "chapter",
    "paragraph",
    "resolution",
    "flight",
    "room",
    "route",
    "vol",
    "volume",
    "episode",
    "season",
    "class",
    "grade",
    "level",
    "phase",
    "stage",
    "round",
    "version",
    "act",
    "clause",
    "item",
    "point",
    "line",
    "step",
    "platform",
    "gate",
    "floor",
    "ward",
    "district",
    "region",
    "zone",
    "bus",
    "channel",
    "radio",
    "windows",
    "iphone",
    "category",
    "year",
    "day",
    "week",
    "month",
    "of",
];

/// Finds figures in a document's body sentences; `dates` (from [`crate::dates`]) give the
/// date each figure holds for, and numbers inside them are not figures. See the module
/// documentation for what is read and what is skipped.
pub fn extract_figures(
    doc: &Document,
    text: &AnalyzedText,
    dates: &[DateMention],
) -> Vec<FigureMention> {
    let mut out = Vec::new();
    let model_numbers = model_numbers(doc, text);
    for (index, sentence) in text.body_sentences() {
        let Some(s) = doc.text.get(sentence.span.start..sentence.span.end) else {
            continue;
        };
        let toks = lex(s, sentence.span.start);
        let sentence_dates: Vec<&DateMention> = dates
            .iter()
            .filter(|d| d.sentence == index || sentence.span.contains(d.span))
            .collect();
        let in_date = |t: &Tok<'_>| {
            sentence_dates
                .iter()
                .any(|d| d.span.start < t.end && t.start < d.span.end)
        };
        let mut i = 0;
        while i < toks.len() {
            if in_date(&toks[i]) {
                i += 1;
                continue;
            }
            let Some(num) = number_at(&toks, i) else {
                i += 1;
                continue;
            };
            let next = num.end.max(i + 1);
            if (num.start..num.end).any(|k| in_date(&toks[k]))
                || !is_figure(&toks, i, &num)
                || is_model_number(&toks, i, &num, &model_numbers)
            {
                i = next;
                continue;
            }
            let (qualifier, q_start) = qualifier_before(&toks, currency_prefix_start(&toks, i));
            let qualifier = qualifier.or_else(|| num.vague.then(|| "at least".to_string()));
            let counted = counted(&toks, &num, q_start);
            let span = Span::new(toks[q_start].start, toks[num.end - 1].end);
            let date = sentence_dates
                .iter()
                .filter_map(|d| {
                    let r = d.resolved.as_ref()?;
                    let dist = if d.span.end <= span.start {
                        span.start - d.span.end
                    } else {
                        d.span.start.saturating_sub(span.end)
                    };
                    Some((dist, r))
                })
                .min_by_key(|(dist, _)| *dist)
                .map(|(_, r)| r.clone());
            out.push(FigureMention {
                value: num.value,
                value_max: num.value_max,
                qualifier,
                counts: counted.counts,
                expression: doc.text.get(span.start..span.end).unwrap_or("").to_string(),
                span,
                sentence: index,
                date,
                head: counted.head,
                action: counted.action,
                governor: counted.governor,
            });
            i = next;
        }
    }
    out
}

/// Time units: a number counting them is a duration ("four years behind schedule", "a
/// 12-hour flight"), not a figure.
const TIME_UNITS: &[&str] = &[
    "second", "seconds", "minute", "minutes", "hour", "hours", "day", "days", "week", "weeks",
    "month", "months", "year", "years", "decade", "decades", "quarter", "quarters",
];

/// Words between a number and the time unit it counts ("six straight days", "two more
/// years", "two and a half years", "five trading days").
const DURATION_FILLERS: &[&str] = &[
    "straight",
    "consecutive",
    "successive",
    "more",
    "full",
    "long",
    "trading",
    "working",
    "business",
];

/// Plural nouns for people: "In Grozny 100 men were detained" counts men even after a name.
const PEOPLE: &[&str] = &[
    "people",
    "men",
    "women",
    "children",
    "persons",
    "workers",
    "employees",
    "residents",
    "protesters",
    "troops",
    "soldiers",
    "civilians",
    "students",
    "members",
    "victims",
];

/// The first token of a figure's currency prefix: "US" in "US$1.4 billion" (so that "about
/// US$1.4 billion" keeps its qualifier), else `i`.
fn currency_prefix_start(toks: &[Tok<'_>], i: usize) -> usize {
    match (i.checked_sub(1).map(|p| &toks[p]), toks.get(i)) {
        (Some(p), Some(t))
            if t.kind == TokKind::Punct
                && adjacent(p, t)
                && p.text.len() <= 3
                && p.text.chars().all(|c| c.is_ascii_uppercase()) =>
        {
            i - 1
        }
        _ => i,
    }
}

/// A plain number written right after a name is part of that name, a model or an index
/// ("Boeing 787", "Trent 900 engines", "FTSE 100", "Nikkei 225", "iOS 5", "Safari 4.0",
/// "Standard & Poor's 500 index"), not a figure; percentages, money and scaled numbers
/// are figures ("Apple's 19 percent").
fn is_named_number(toks: &[Tok<'_>], k: usize) -> bool {
    let t = &toks[k];
    let Some(mut prev) = k.checked_sub(1).map(|p| &toks[p]) else {
        return false;
    };
    if t.kind != TokKind::Num || t.text.contains(',') || adjacent(prev, t) {
        return false;
    }
    // The possessive 's lexes as an apostrophe and "s": "Poor's 500" is "Poor", "'", "s", "500".
    let possessive = prev.is("s");
    if possessive {
        match (
            k.checked_sub(2).map(|p| &toks[p]),
            k.checked_sub(3).map(|p| &toks[p]),
        ) {
            (Some(mark), Some(name))
                if (mark.is_punct('\'') || mark.is_punct('’'))
                    && adjacent(mark, prev)
                    && adjacent(name, mark) =>
            {
                prev = name
            }
            _ => return false,
        }
    }
    let lower = prev.lower();
    let name_like = (prev.is_capitalised() || prev.text.chars().skip(1).any(char::is_uppercase))
        && prev.kind == TokKind::Word
        && !is_stopword(&lower)
        && !crate::dates::is_month_or_weekday(&lower)
        && !QUALIFIERS
            .iter()
            .any(|(words, _)| words.last().is_some_and(|w| *w == lower));
    if !name_like {
        return false;
    }
    let after = toks.get(k + 1);
    if after.is_some_and(|a| {
        a.is_punct('%')
            || a.is_any(&["percent", "per", "points", "point"])
            || scale_word(a)
            || a.is_any(PEOPLE)
    }) {
        return false;
    }
    // After a possessive, a number counting something lower-case is a figure ("Britain's
    // 300 banks"); a model or index stands alone or before a name ("Boeing's 787 Dreamliner").
    !(possessive
        && after.is_some_and(|a| a.kind == TokKind::Word && !a.is_capitalised() && !a.is("index")))
}

fn scale_word(t: &Tok<'_>) -> bool {
    t.is_any(&[
        "hundred", "thousand", "million", "billion", "trillion", "bn", "mn",
    ])
}

/// Numbers the document uses as names of models or indexes ("787" once it wrote "Boeing
/// 787"), so that "the 787" and "larger 777 planes" are not read as counts.
fn model_numbers(doc: &Document, text: &AnalyzedText) -> HashSet<String> {
    let mut numbers = HashSet::new();
    // Headlines too: "Boeing 787 Dreamliner makes maiden flight" names the model the body
    // calls "the 787".
    for sentence in &text.sentences {
        let Some(s) = doc.text.get(sentence.span.start..sentence.span.end) else {
            continue;
        };
        let toks = lex(s, sentence.span.start);
        for k in 0..toks.len() {
            // Only whole numbers spread: "Safari 4.0" names a version, "the DJIA 344.65-point
            // drop" is a count written elsewhere as "fell 344.65".
            let compound = toks
                .get(k + 1)
                .is_some_and(|a| a.is_punct('-') && adjacent(&toks[k], a))
                && toks.get(k + 2).is_some_and(|w| w.kind == TokKind::Word);
            if is_named_number(&toks, k) && !toks[k].text.contains('.') && !compound {
                numbers.insert(toks[k].text.to_string());
            }
        }
    }
    numbers
}

/// True for a number that names a model or index rather than counting: written after a name
/// here, or a number the document writes after a name elsewhere, standing bare ("the 787").
fn is_model_number(
    toks: &[Tok<'_>],
    i: usize,
    num: &Number,
    model_numbers: &HashSet<String>,
) -> bool {
    if num.currency.is_some() || num.scaled || !num.digits {
        return false;
    }
    if is_named_number(toks, num.start) {
        return true;
    }
    let first = &toks[num.start];
    let after = toks.get(num.end);
    model_numbers.contains(first.text)
        && qualifier_before(toks, i).0.is_none()
        && !after
            .is_some_and(|a| a.is_punct('%') || a.is_any(&["percent", "per"]) || a.is_any(PEOPLE))
}

/// True when the number counts a time unit: "four years behind schedule", "six straight
/// days", "two and a half years", "a 12-hour flight", "a sixteen-month high".
fn is_duration(toks: &[Tok<'_>], num: &Number) -> bool {
    let mut k = num.end;
    if let (Some(dash), Some(unit)) = (toks.get(k), toks.get(k + 1)) {
        if dash.is_punct('-') && adjacent(&toks[k - 1], dash) && unit.is_any(TIME_UNITS) {
            return true;
        }
    }
    for _ in 0..2 {
        match toks.get(k) {
            Some(t) if t.is_any(DURATION_FILLERS) => k += 1,
            Some(t)
                if t.is("and")
                    && toks.get(k + 1).is_some_and(|a| a.is("a"))
                    && toks.get(k + 2).is_some_and(|h| h.is("half")) =>
            {
                k += 3
            }
            _ => break,
        }
    }
    toks.get(k).is_some_and(|t| t.is_any(TIME_UNITS))
}

/// False for numbers that are not figures: years, times, ages, durations, identifiers,
/// list numbers, parts of words, dates written with slashes, "one of".
fn is_figure(toks: &[Tok<'_>], i: usize, num: &Number) -> bool {
    let first = &toks[num.start];
    let prev = i.checked_sub(1).map(|p| &toks[p]);
    let prev2 = i.checked_sub(2).map(|p| &toks[p]);
    let after = toks.get(num.end);
    // Parts of words and identifiers: "G20", "COVID-19", "No. 5", "#3", "Article 3".
    if let Some(p) = prev {
        if num.currency.is_none() && adjacent(p, first) {
            let hyphen_joined = p.is_punct('-')
                && prev2.is_some_and(|q| adjacent(q, p) && q.kind != TokKind::Punct);
            if p.kind != TokKind::Punct || hyphen_joined || p.is_punct('#') {
                return false;
            }
        }
        if p.is_punct('.') && prev2.is_some_and(|q| q.is("no")) {
            return false;
        }
        if p.is_any(IDENTIFIER_WORDS) && num.digits && !p.is("of") {
            return false;
        }
        if crate::dates::is_month_or_weekday(&p.lower()) {
            return false;
        }
    }
    if let Some(a) = after {
        if adjacent(&toks[num.end - 1], a)
            && (a.kind == TokKind::Word || a.kind == TokKind::Num || a.kind == TokKind::Mixed)
        {
            return false;
        }
    }
    // Slashed dates and scores: "7/8/07", "24/7".
    let slash_digits = |slash: Option<&Tok<'_>>, other: Option<&Tok<'_>>| {
        matches!((slash, other), (Some(s), Some(o)) if s.is_punct('/') && o.kind == TokKind::Num
            && (adjacent(s, o) || adjacent(o, s)))
    };
    if (after.is_some_and(|a| adjacent(&toks[num.end - 1], a))
        && slash_digits(after, toks.get(num.end + 1)))
        || (prev.is_some_and(|p| adjacent(p, first)) && slash_digits(prev, prev2))
    {
        return false;
    }
    // Model names: "777-200LR".
    if let (Some(dash), Some(model)) = (after, toks.get(num.end + 1)) {
        if dash.is_punct('-')
            && adjacent(&toks[num.end - 1], dash)
            && adjacent(dash, model)
            && model.kind == TokKind::Mixed
        {
            return false;
        }
    }
    // Time zones: "GMT +8".
    if prev.is_some_and(|p| p.is_punct('+')) && prev2.is_some_and(|q| q.is_any(&["gmt", "utc"])) {
        return false;
    }
    if num.currency.is_none() && is_duration(toks, num) {
        return false;
    }
    // "the two companies" refers back to companies already named; "the Big Three" is a name.
    if !num.digits && num.value_max.is_none() && !num.vague {
        if num.value <= 10.0
            && prev.is_some_and(|p| p.is_any(&["the", "these", "those", "both"]))
            && after.is_some_and(|a| {
                a.kind == TokKind::Word && !a.is_capitalised() && !a.is_any(&["percent", "per"])
            })
        {
            return false;
        }
        if i > 0
            && first.is_capitalised()
            && prev.is_some_and(|p| p.is_capitalised() && !is_stopword(&p.lower()))
        {
            return false;
        }
    }
    // Mixed tokens that are not scaled money: "11th", "30pm", "1950s".
    if first.kind == TokKind::Mixed && !num.scaled {
        return false;
    }
    // Times: "5:30", "10 am", "5 p.m.".
    if let Some(a) = after {
        if a.is_punct(':') && adjacent(&toks[num.end - 1], a) {
            return false;
        }
        // "10 am", "5 p.m." (but "5 a day" is not a time).
        let dotted = toks.get(num.end + 1).is_some_and(|d| d.is_punct('.'));
        if a.is_any(&["am", "pm", "gmt", "bst", "utc", "o'clock"])
            || (a.is_any(&["a", "p"]) && dotted)
        {
            return false;
        }
    }
    if prev.is_some_and(|p| p.is_punct(':') && adjacent(p, first)) {
        return false;
    }
    // Ages: "aged 16-50", "89-year-old", "Lowe, 89, died".
    if prev.is_some_and(|p| p.is_any(&["aged", "age", "ages"])) {
        return false;
    }
    if let (Some(a), Some(b)) = (after, toks.get(num.end + 1)) {
        if (a.is_punct('-') && (b.is("year") || b.is("years")))
            || ((a.is("year") || a.is("years"))
                && toks.get(num.end + 1).is_some_and(|c| c.is("old")))
        {
            return false;
        }
    }
    if prev.is_some_and(|p| p.is_punct(','))
        && prev2.is_some_and(|q| q.is_capitalised())
        && after.is_some_and(|a| a.is_punct(','))
        && num.digits
        && num.value < 120.0
        && num.value_max.is_none()
    {
        return false;
    }
    // List numbering: "1." or "1)" opening the sentence, "(1)".
    if i == 0 && after.is_some_and(|a| a.is_punct('.') || a.is_punct(')')) {
        return false;
    }
    if prev.is_some_and(|p| p.is_punct('('))
        && after.is_some_and(|a| a.is_punct(')'))
        && num.value < 100.0
    {
        return false;
    }
    // Years: a bare four-digit 1900-2100 number without a qualifier.
    if num.digits
        && !num.scaled
        && num.currency.is_none()
        && first.text.len() == 4
        && first
            .plain_digits()
            .is_some_and(|y| (1900..=2100).contains(&y))
        && qualifier_before(toks, i).0.is_none()
    {
        let counted_noun = after.is_some_and(|a| {
            a.kind == TokKind::Word
                && !a.is_capitalised()
                && a.text.ends_with('s')
                && !is_stopword(a.text)
        });
        if !counted_noun {
            return false;
        }
    }
    // "one of", a bare "one" (pronoun, "one day").
    if !num.digits
        && num.value == 1.0
        && num.value_max.is_none()
        && (after.is_some_and(|a| a.is("of")) || qualifier_before(toks, i).0.is_none())
    {
        return false;
    }
    if !num.digits && num.value_max.is_none() && after.is_some_and(|a| a.is("of")) && !num.vague {
        // "two of the men" is a figure; "one of" handled above.
        return true;
    }
    num.value.is_finite()
}

/// The qualifier right before token `i`: (normalised qualifier, index of its first token, or
/// `i` when there is none).
fn qualifier_before(toks: &[Tok<'_>], i: usize) -> (Option<String>, usize) {
    for (words, norm) in QUALIFIERS {
        let n = words.len();
        if i < n {
            continue;
        }
        let start = i - n;
        if words.iter().enumerate().all(|(k, w)| toks[start + k].is(w)) {
            return (Some((*norm).to_string()), start);
        }
    }
    (None, i)
}

/// What a figure counts.
#[derive(Debug, Default)]
struct Counted {
    counts: Option<String>,
    head: Option<String>,
    action: Option<String>,
    governor: Option<String>,
}

fn is_content_word(t: &Tok<'_>) -> bool {
    t.kind == TokKind::Word
        && t.text
            .chars()
            .all(|c| c.is_alphabetic() || c == '\'' || c == '’')
        && !is_stopword(t.text)
        && !t.is_any(NP_STOP)
        && !t.is_any(AUX)
        && !crate::dates::is_month_or_weekday(&t.lower())
}

fn is_participle(t: &Tok<'_>) -> bool {
    if t.kind != TokKind::Word {
        return false;
    }
    let l = t.lower();
    (l.len() > 3 && l.ends_with("ed") && !t.is_capitalised()) || IRREGULAR.contains(&l.as_str())
}

/// The noun phrase after the number, the participle it is the subject of, and the word
/// governing the figure from before it.
fn counted(toks: &[Tok<'_>], num: &Number, q_start: usize) -> Counted {
    let mut j = num.end;
    let mut out = Counted::default();
    // Units.
    if let Some(t) = toks.get(j) {
        if t.is_punct('%')
            || t.is("percent")
            || (t.is("per") && toks.get(j + 1).is_some_and(|c| c.is("cent")))
        {
            out.counts = Some("percent".into());
            out.head = Some("percent".into());
            out.governor = governor(toks, q_start);
            return out;
        }
    }
    // "of" after a vague, scaled or partitive number: "tens of thousands of people", "15 of
    // the men".
    if toks.get(j).is_some_and(|t| t.is("of")) {
        j += 1;
        if toks.get(j).is_some_and(|t| {
            t.is_any(&[
                "the", "these", "those", "their", "his", "her", "its", "our", "them", "us", "whom",
                "which",
            ])
        }) {
            if toks[j].is_any(&["them", "us", "whom", "which"]) {
                out.governor = governor(toks, q_start);
                return out;
            }
            j += 1;
        }
    }
    let mut np: Vec<String> = Vec::new();
    let mut last_np_tok = None;
    while np.len() < 8 {
        let Some(t) = toks.get(j) else { break };
        // "aged 16-50" inside the phrase is skipped.
        if t.is_any(&["aged", "ages"]) && !np.is_empty() {
            if let Some(n) = number_at(toks, j + 1) {
                j = n.end;
                continue;
            }
        }
        // Compounds: "Russian-backed", "LGBT+"
        if t.is_punct('-') && !np.is_empty() {
            if let (Some(p), Some(n)) = (last_np_tok.map(|k: usize| &toks[k]), toks.get(j + 1)) {
                if adjacent(p, t) && adjacent(t, n) && n.kind == TokKind::Word {
                    if let Some(last) = np.last_mut() {
                        last.push('-');
                        last.push_str(n.text);
                    }
                    last_np_tok = Some(j + 1);
                    j += 2;
                    continue;
                }
            }
            break;
        }
        if t.is_any(&["and", "or"]) && !np.is_empty() {
            if toks
                .get(j + 1)
                .is_some_and(|n| is_content_word(n) && !is_participle(n))
            {
                np.push(t.text.to_lowercase());
                j += 1;
                continue;
            }
            break;
        }
        if !is_content_word(t) {
            break;
        }
        if is_participle(t) && !np.is_empty() {
            break;
        }
        np.push(t.text.to_string());
        last_np_tok = Some(j);
        j += 1;
    }
    while np.last().is_some_and(|w| w == "and" || w == "or") {
        np.pop();
    }
    out.governor = governor(toks, q_start);
    if np.is_empty() {
        if let Some(c) = num.currency {
            out.counts = Some(c.to_string());
            out.head = Some(c.to_string());
        }
        return out;
    }
    out.head = np.last().cloned();
    // The participle the phrase is the subject of.
    let mut k = j;
    let mut passive = false;
    let mut perfect = false;
    let mut steps = 0;
    while let Some(t) = toks.get(k) {
        if steps >= 8 {
            break;
        }
        if t.is_any(AUX) {
            passive |= t.is_any(&["been", "be", "being", "are", "is", "was", "were"]);
            perfect |= t.is_any(&["have", "has", "had"]);
            k += 1;
            steps += 1;
            continue;
        }
        if t.is_any(REPORTING) && toks.get(k + 1).is_some_and(|n| n.is("to")) {
            k += 2;
            steps += 2;
            passive = false;
            perfect = false;
            continue;
        }
        break;
    }
    let mut action: Option<String> = None;
    if let Some(t) = toks.get(k) {
        if is_participle(t) {
            let mut a = t.text.to_lowercase();
            let mut m = k + 1;
            if toks.get(m).is_some_and(|p| p.is_any(PARTICLES)) {
                a.push(' ');
                a.push_str(&toks[m].lower());
                m += 1;
            }
            // Active perfect with an object: "have expressed interest".
            if perfect && !passive {
                if let Some(o) = toks
                    .get(m)
                    .filter(|o| is_content_word(o) && !is_participle(o))
                {
                    a.push(' ');
                    a.push_str(o.text);
                }
            }
            action = Some(a);
        } else if k > j && t.is_any(STATE_PREPS) {
            if let Some(o) = toks
                .get(k + 1)
                .filter(|o| is_content_word(o) && !o.is_capitalised())
            {
                action = Some(format!("{} {}", t.lower(), o.text));
            }
        }
    }
    let mut counts = np.join(" ");
    if let Some(a) = &action {
        counts.push(' ');
        counts.push_str(a);
    } else if q_start >= 2 && toks[q_start - 1].is("by") && is_participle(&toks[q_start - 2]) {
        // A passive before the figure: "a petition signed by over 8,700 people".
        let verb = toks[q_start - 2].text.to_lowercase();
        let mut a = verb.clone();
        if q_start >= 3 && is_content_word(&toks[q_start - 3]) {
            a.push(' ');
            a.push_str(&toks[q_start - 3].text.to_lowercase());
        }
        counts.push(' ');
        counts.push_str(&a);
        action = Some(a);
    }
    out.counts = Some(counts);
    out.action = action;
    out
}

/// The content word before the figure, skipping "of", "to" and determiners: "evacuate" in
/// "evacuate 40 gay men", "protest" in "a protest of up to 15,000 people".
fn governor(toks: &[Tok<'_>], q_start: usize) -> Option<String> {
    let mut k = q_start;
    for _ in 0..3 {
        k = k.checked_sub(1)?;
        let t = &toks[k];
        if t.is_any(&[
            "of", "to", "the", "a", "an", "their", "his", "her", "its", "our", "by", "with", "for",
        ]) {
            continue;
        }
        return (is_content_word(t) && !t.is_capitalised()).then(|| t.text.to_lowercase());
    }
    None
}

/// Groups figures (across a story's documents) that count the same thing: returns one group
/// number per figure, in the order given. `figures[i].1` is the sentence text the figure is in.
///
/// Groups are numbered densely from 0 in order of first appearance. Two figures are in the
/// same group when (transitively) one of these holds:
///
/// 1. Same head noun (stemmed) and the same action ("men detained" / "gay men have been
///    detained"), or, when neither has an action, the same governing word.
/// 2. Same head noun and the same value (within 10%): "over 100 gay men detained" and "around
///    100 gay men had been rounded up". A copy of a figure is the same figure.
/// 3. Different head nouns but a shared distinctive context: a word of one's `counts` other
///    than its head (or two words) appears in the other's sentence, where a distinctive word
///    is a lower-case content word found in few of the figures' sentences (at most
///    max(2, sentences/5)). "a petition signed by over 8,700 people" and "an Amnesty
///    International petition ... had reached over 95,000 signatures" share "petition": the
///    number of petition signatures changing over time.
/// 4. Then, a figure with a head but no action (e.g. "120,000 signatures") joins the one group
///    whose figures have the same head, no action and a compatible governing word, when
///    exactly one group qualifies.
///
/// Figures with nothing counted (`counts` None) stay alone. Different actions on the same
/// noun ("men detained" vs "men killed") keep figures apart unless rule 2 applies.
pub fn group_figures(figures: &[(&FigureMention, &str)]) -> Vec<usize> {
    let n = figures.len();
    let mut parent: Vec<usize> = (0..n).collect();
    fn find(parent: &mut [usize], x: usize) -> usize {
        let mut r = x;
        while parent[r] != r {
            r = parent[r];
        }
        let mut c = x;
        while parent[c] != r {
            let next = parent[c];
            parent[c] = r;
            c = next;
        }
        r
    }
    fn union(parent: &mut [usize], a: usize, b: usize) {
        let (ra, rb) = (find(parent, a), find(parent, b));
        if ra != rb {
            let (lo, hi) = if ra < rb { (ra, rb) } else { (rb, ra) };
            parent[hi] = lo;
        }
    }
    let first_stem = |s: &Option<String>| -> Option<String> {
        s.as_deref()
            .and_then(|a| a.split_whitespace().next())
            .map(stem)
    };
    let heads: Vec<Option<String>> = figures
        .iter()
        .map(|(f, _)| f.head.as_deref().map(stem))
        .collect();
    let actions: Vec<Option<String>> = figures.iter().map(|(f, _)| first_stem(&f.action)).collect();
    let governors: Vec<Option<String>> = figures
        .iter()
        .map(|(f, _)| first_stem(&f.governor))
        .collect();

    // Distinctive context words per sentence.
    let sentence_words: Vec<HashSet<String>> =
        figures.iter().map(|(_, s)| context_stems(s)).collect();
    let mut df: HashMap<&str, usize> = HashMap::new();
    let mut seen_sentences: HashSet<&str> = HashSet::new();
    for (k, (_, s)) in figures.iter().enumerate() {
        if seen_sentences.insert(s) {
            for w in &sentence_words[k] {
                *df.entry(w.as_str()).or_default() += 1;
            }
        }
    }
    let limit = (seen_sentences.len() / 5).max(2);
    let distinctive = |w: &str| df.get(w).is_some_and(|&c| c <= limit);
    let counts_words: Vec<HashSet<String>> = figures
        .iter()
        .map(|(f, _)| {
            let head = f.head.as_deref().map(stem);
            f.counts
                .as_deref()
                .unwrap_or("")
                .split_whitespace()
                .filter(|w| !is_stopword(w) && w.chars().next().is_some_and(char::is_lowercase))
                .map(stem)
                .filter(|w| Some(w) != head.as_ref())
                .collect()
        })
        .collect();

    for a in 0..n {
        for b in a + 1..n {
            let (Some(ha), Some(hb)) = (&heads[a], &heads[b]) else {
                continue;
            };
            let (fa, fb) = (figures[a].0, figures[b].0);
            if ha == hb {
                let same_action = match (&actions[a], &actions[b]) {
                    (Some(x), Some(y)) => x == y,
                    (None, None) => governors[a].is_some() && governors[a] == governors[b],
                    _ => false,
                };
                let tol = 0.1 * fa.value.abs().max(fb.value.abs());
                let same_value = (fa.value - fb.value).abs() <= tol;
                if same_action || same_value {
                    union(&mut parent, a, b);
                }
                continue;
            }
            if figures[a].1 == figures[b].1 {
                continue;
            }
            let in_other = |x: usize, y: usize| {
                counts_words[x]
                    .iter()
                    .any(|w| distinctive(w) && sentence_words[y].contains(w))
            };
            let shared = sentence_words[a]
                .intersection(&sentence_words[b])
                .filter(|w| distinctive(w))
                .count();
            if in_other(a, b) || in_other(b, a) || shared >= 2 {
                union(&mut parent, a, b);
            }
        }
    }
    // Rule 4: figures without an action join the single compatible group.
    for a in 0..n {
        let Some(ha) = &heads[a] else { continue };
        if actions[a].is_some() {
            continue;
        }
        let own = find(&mut parent, a);
        let mut candidates = HashSet::new();
        for b in 0..n {
            if b == a || heads[b].as_ref() != Some(ha) || actions[b].is_some() {
                continue;
            }
            let compatible = match (&governors[a], &governors[b]) {
                (Some(x), Some(y)) => x == y,
                _ => true,
            };
            let g = find(&mut parent, b);
            if compatible && g != own {
                candidates.insert(g);
            }
        }
        if candidates.len() == 1 {
            let g = *candidates.iter().next().unwrap_or(&own);
            union(&mut parent, a, g);
        }
    }
    // Dense numbering in order of first appearance.
    let mut numbers: HashMap<usize, usize> = HashMap::new();
    (0..n)
        .map(|k| {
            let r = find(&mut parent, k);
            let next = numbers.len();
            *numbers.entry(r).or_insert(next)
        })
        .collect()
}

/// Stems of the lower-case content words of a sentence (names, dates and common reporting
/// words left out).
fn context_stems(sentence: &str) -> HashSet<String> {
    const GENERIC: &[&str] = &[
        "said",
        "says",
        "told",
        "report",
        "reports",
        "reported",
        "according",
        "added",
        "people",
        "morning",
        "afternoon",
        "evening",
        "night",
        "today",
        "yesterday",
        "week",
        "weeks",
        "month",
        "months",
        "year",
        "years",
        "also",
        "would",
        "could",
    ];
    dossier_text::tokens(sentence, 0)
        .into_iter()
        .filter(|t| {
            t.text.chars().next().is_some_and(char::is_lowercase)
                && t.text.chars().count() >= 4
                && t.text
                    .chars()
                    .all(|c| c.is_alphabetic() || c == '-' || c == '\'' || c == '’')
                && !is_stopword(t.text)
                && !GENERIC.contains(&t.text)
        })
        .map(|t| stem(t.text))
        .collect()
}
