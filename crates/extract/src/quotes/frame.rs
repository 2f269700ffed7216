//! Attribution frames: speech verbs, the subject before (or after) them, role nouns, and the
//! resolution of pronouns and definite role nouns ("The spokesperson") to earlier speakers.

use std::collections::HashMap;

use dossier_core::{Document, Span};
use dossier_text::{tokens, AnalyzedText, ParagraphKind, Token};

use crate::entities::gazetteer::{given_name_gender, is_common_initial, is_title};
use crate::entities::{EntityKind, EntityMention, StoryEntity};

/// How a speech verb takes what was said.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Verb {
    /// Takes a bare clause: "said the report was false".
    Say,
    /// Takes an object, then "that" or a colon: "told reporters that", "told MailOnline:".
    Tell,
    /// Needs "that" for reported speech: "denied that", "reported that".
    That,
    /// Only after a quote: "”, Alushkin finished."
    Post,
}

const SAY: &[&str] = &[
    "say",
    "says",
    "said",
    "saying",
    "add",
    "adds",
    "added",
    "adding",
    "write",
    "writes",
    "wrote",
    "writing",
    "insist",
    "insists",
    "insisted",
    "insisting",
    "claim",
    "claims",
    "claimed",
    "claiming",
    "warn",
    "warns",
    "warned",
    "warning",
    "explain",
    "explains",
    "explained",
    "explaining",
    "argue",
    "argues",
    "argued",
    "arguing",
    "state",
    "states",
    "stated",
    "stress",
    "stresses",
    "stressed",
    "tweet",
    "tweets",
    "tweeted",
    "maintain",
    "maintains",
    "maintained",
    "reply",
    "replies",
    "replied",
    "declare",
    "declares",
    "declared",
    "assert",
    "asserts",
    "asserted",
    "admit",
    "admits",
    "admitted",
    "admitting",
    "acknowledge",
    "acknowledges",
    "acknowledged",
    "suggest",
    "suggests",
    "suggested",
    "recall",
    "recalls",
    "recalled",
    "reiterate",
    "reiterates",
    "reiterated",
    "note",
    "notes",
    "noted",
    "noting",
    "posted",
    "commented",
    "remarked",
    "emphasised",
    "emphasized",
    "urged",
    "urges",
    "asserting",
    "declaring",
    "stating",
    "stressing",
    "tweeting",
];
const TELL: &[&str] = &[
    "tell", "tells", "told", "telling", "inform", "informs", "informed", "assure", "assures",
    "assured", "remind", "reminds", "reminded",
];
const THAT: &[&str] = &[
    "confirm",
    "confirms",
    "confirmed",
    "confirming",
    "deny",
    "denies",
    "denied",
    "denying",
    "report",
    "reports",
    "reported",
    "reporting",
    "reveal",
    "reveals",
    "revealed",
    "announce",
    "announces",
    "announced",
    "concede",
    "concedes",
    "conceded",
    "estimate",
    "estimates",
    "estimated",
    "testify",
    "testified",
    "disclose",
    "disclosed",
    "allege",
    "alleges",
    "alleged",
    "alleging",
    "agree",
    "agreed",
    "conclude",
    "concluded",
    "find",
    "found",
    "respond",
    "responds",
    "responded",
    "responding",
    "observe",
    "observes",
    "observed",
    "predict",
    "predicts",
    "predicted",
    "vow",
    "vows",
    "vowed",
    "promise",
    "promised",
];
const POST: &[&str] = &[
    "finished",
    "concluded",
    "continued",
    "continues",
    "began",
    "joked",
    "laughed",
    "shouted",
    "cried",
    "asked",
    "asks",
    "explained",
    "added",
    "wrote",
    "replied",
    "recalled",
    "demanded",
    "countered",
    "quipped",
    "exclaimed",
    "snapped",
    "scoffed",
    "pleaded",
    "boasted",
    "bragged",
    "yelled",
    "screamed",
    "whispered",
    "mused",
];
/// Verb forms that are also common nouns ("the reports", "these claims").
const NOUNISH: &[&str] = &[
    "report",
    "reports",
    "claim",
    "claims",
    "note",
    "notes",
    "state",
    "states",
    "estimate",
    "estimates",
    "warning",
    "tweet",
    "tweets",
    "found",
    "find",
    "saying",
    "posted",
];
const DETS: &[&str] = &[
    "the", "a", "an", "these", "those", "this", "that", "its", "his", "her", "their", "our", "my",
    "your", "such", "of", "in", "on", "by", "new", "initial", "some", "many", "no", "any",
    "recent", "previous", "earlier", "media", "news", "for", "to", "with", "and", "or",
];
const PASSIVE: &[&str] = &[
    "was", "were", "been", "being", "is", "are", "be", "get", "got", "gets",
];
/// Words stripped from the end of a subject ("X has also said").
const AUX: &[&str] = &[
    "has",
    "have",
    "had",
    "also",
    "later",
    "previously",
    "then",
    "reportedly",
    "first",
    "further",
    "again",
    "once",
    "would",
    "will",
    "did",
    "does",
    "do",
    "recently",
    "separately",
    "now",
    "publicly",
    "repeatedly",
    "earlier",
    "initially",
    "subsequently",
    "simply",
    "just",
    "already",
    "however",
    "officially",
    "since",
    "finally",
    "often",
    "frequently",
    "always",
    "still",
    "privately",
    "openly",
    "immediately",
    "quickly",
    "explicitly",
    "flatly",
];
/// Words after which a new clause starts, so the subject is after them.
pub(crate) const BOUNDARY: &[&str] = &[
    "that", "after", "while", "because", "although", "though", "whereas", "but", "so",
];
/// First words of an introductory phrase before the subject ("In its report, HRW said").
const INTRO: &[&str] = &[
    "in",
    "on",
    "at",
    "after",
    "before",
    "despite",
    "during",
    "since",
    "following",
    "earlier",
    "later",
    "meanwhile",
    "however",
    "but",
    "and",
    "yet",
    "last",
    "this",
    "speaking",
    "asked",
    "while",
    "when",
    "as",
    "although",
    "though",
    "today",
    "yesterday",
    "also",
    "then",
    "separately",
    "instead",
    "for",
    "with",
    "from",
    "under",
    "over",
    "by",
    "amid",
    "among",
    "unlike",
    "like",
    "elsewhere",
    "moreover",
    "furthermore",
    "still",
    "now",
    "writing",
    "responding",
    "addressing",
    "back",
    "so",
    "indeed",
    "nevertheless",
    "meantime",
    "overnight",
    "previously",
    "recently",
    "tonight",
    "on",
    "if",
    "once",
    "according",
];
/// Titles written before a surname ("Mr. Clarke", "Sen. Warren").
const HONORIFICS: &[&str] = &[
    "Mr", "Mrs", "Ms", "Miss", "Mx", "Dr", "Prof", "Sir", "Dame", "Sen", "Senator", "Rep", "Gov",
    "Governor", "Gen", "Col", "Capt", "Lt", "Sgt", "Adm", "Rev", "Mayor", "Judge",
];
const PRONOUNS: &[&str] = &["he", "she", "they", "it", "we", "i"];
const PREPS: &[&str] = &["for", "of", "at", "with", "from", "in", "to"];
/// Words that end a role noun's complement ("a spokesperson for X has denied").
const CLAUSE_WORDS: &[&str] = &[
    "has", "have", "had", "is", "was", "were", "are", "will", "would", "who", "which", "that",
    "said", "says", "told", "added", "and",
];

/// Role nouns: (word, class, plural).
const ROLES: &[(&str, &str, bool)] = &[
    ("spokesperson", "spokesperson", false),
    ("spokesman", "spokesperson", false),
    ("spokeswoman", "spokesperson", false),
    ("spokespeople", "spokesperson", true),
    ("spokespersons", "spokesperson", true),
    ("spokesmen", "spokesperson", true),
    ("spokeswomen", "spokesperson", true),
    ("official", "official", false),
    ("officials", "official", true),
    ("expert", "expert", false),
    ("experts", "expert", true),
    ("minister", "minister", false),
    ("ministers", "minister", true),
    ("ambassador", "ambassador", false),
    ("ambassadors", "ambassador", true),
    ("leader", "leader", false),
    ("leaders", "leader", true),
    ("president", "president", false),
    ("chairman", "chairman", false),
    ("chairwoman", "chairman", false),
    ("chairperson", "chairman", false),
    ("secretary", "secretary", false),
    ("director", "director", false),
    ("directors", "director", true),
    ("journalist", "journalist", false),
    ("journalists", "journalist", true),
    ("reporter", "reporter", false),
    ("reporters", "reporter", true),
    ("editor", "editor", false),
    ("activist", "activist", false),
    ("activists", "activist", true),
    ("campaigner", "campaigner", false),
    ("campaigners", "campaigner", true),
    ("lawyer", "lawyer", false),
    ("lawyers", "lawyer", true),
    ("attorney", "lawyer", false),
    ("prosecutor", "prosecutor", false),
    ("prosecutors", "prosecutor", true),
    ("investigator", "investigator", false),
    ("investigators", "investigator", true),
    ("researcher", "researcher", false),
    ("researchers", "researcher", true),
    ("analyst", "analyst", false),
    ("analysts", "analyst", true),
    ("diplomat", "diplomat", false),
    ("diplomats", "diplomat", true),
    ("source", "source", false),
    ("sources", "source", true),
    ("witness", "witness", false),
    ("witnesses", "witness", true),
    ("survivor", "survivor", false),
    ("survivors", "survivor", true),
    ("organiser", "organiser", false),
    ("organisers", "organiser", true),
    ("organizer", "organiser", false),
    ("organizers", "organiser", true),
    ("officer", "officer", false),
    ("officers", "officer", true),
    ("commissioner", "commissioner", false),
    ("ombudsman", "ombudsman", false),
    ("governor", "governor", false),
    ("mayor", "mayor", false),
    ("senator", "senator", false),
    ("lawmaker", "lawmaker", false),
    ("lawmakers", "lawmaker", true),
    ("representative", "representative", false),
    ("representatives", "representative", true),
    ("envoy", "envoy", false),
    ("aide", "aide", false),
    ("aides", "aide", true),
    ("adviser", "adviser", false),
    ("advisers", "adviser", true),
    ("advisor", "adviser", false),
    ("founder", "founder", false),
    ("coordinator", "coordinator", false),
    ("professor", "professor", false),
    ("authorities", "authorities", true),
    ("police", "police", true),
];

/// The class and number of a role noun ("experts" → ("expert", plural)).
pub(crate) fn role_class(word: &str) -> Option<(&'static str, bool)> {
    let lower = word.to_lowercase();
    ROLES
        .iter()
        .find(|(w, _, _)| *w == lower)
        .map(|&(_, c, p)| (c, p))
}

/// The speech-verb class of a word as written (lower case only), ignoring context.
pub(crate) fn verb_class(word: &str) -> Option<Verb> {
    if SAY.contains(&word) {
        Some(Verb::Say)
    } else if TELL.contains(&word) {
        Some(Verb::Tell)
    } else if THAT.contains(&word) {
        Some(Verb::That)
    } else if POST.contains(&word) {
        Some(Verb::Post)
    } else {
        None
    }
}

/// One sentence with its word tokens.
pub(crate) struct Sent<'a> {
    /// Index in `AnalyzedText::sentences`.
    pub index: usize,
    /// Index of its paragraph.
    pub paragraph: usize,
    pub span: Span,
    pub toks: Vec<Token<'a>>,
}

/// What the frame code needs of a document.
pub(crate) struct Doc<'a> {
    pub text: &'a str,
    /// Non-debris sentences in order.
    pub sents: Vec<Sent<'a>>,
    pub entities: &'a [EntityMention],
    ent_by_start: HashMap<usize, usize>,
    /// The document's entities merged, for canonical names and genders.
    pub merged: Vec<StoryEntity>,
}

impl<'a> Doc<'a> {
    pub fn new(doc: &'a Document, text: &AnalyzedText, entities: &'a [EntityMention]) -> Self {
        let mut sents = Vec::new();
        for (index, s) in text.sentences.iter().enumerate() {
            let debris = text
                .paragraphs
                .get(s.paragraph)
                .is_none_or(|p| matches!(p.kind, ParagraphKind::Debris(_)));
            if debris {
                continue;
            }
            let Some(slice) = doc.text.get(s.span.start..s.span.end) else {
                continue;
            };
            sents.push(Sent {
                index,
                paragraph: s.paragraph,
                span: s.span,
                toks: tokens(slice, s.span.start),
            });
        }
        let ent_by_start = entities
            .iter()
            .enumerate()
            .map(|(i, e)| (e.span.start, i))
            .collect();
        let merged = crate::entities::merge_story_entities(&[entities]);
        Doc {
            text: &doc.text,
            sents,
            entities,
            ent_by_start,
            merged,
        }
    }

    /// Position in `sents` of the sentence holding byte `pos` (the last one starting at or
    /// before it).
    pub fn sent_at(&self, pos: usize) -> Option<usize> {
        let after = self.sents.partition_point(|s| s.span.start <= pos);
        after.checked_sub(1)
    }

    pub fn slice(&self, start: usize, end: usize) -> &'a str {
        self.text.get(start..end.max(start)).unwrap_or("")
    }

    /// Text between tokens `i` and `i + 1` of sentence `s`.
    pub fn gap(&self, s: &Sent<'_>, i: usize) -> &'a str {
        match (s.toks.get(i), s.toks.get(i + 1)) {
            (Some(a), Some(b)) => self.slice(a.span.end, b.span.start),
            (Some(a), None) => self.slice(a.span.end, s.span.end),
            _ => "",
        }
    }

    /// The entity starting at token `k`, with the index of its last token.
    fn entity_at(&self, s: &Sent<'_>, k: usize) -> Option<(&'a EntityMention, usize)> {
        let tok = s.toks.get(k)?;
        let e = &self.entities[*self.ent_by_start.get(&tok.span.start)?];
        let mut last = k;
        while last + 1 < s.toks.len() && s.toks[last + 1].span.start < e.span.end {
            last += 1;
        }
        Some((e, last))
    }

    /// Canonical name of an entity name in this document ("Alushkin" → "Dmitry Alushkin").
    pub fn canonical(&self, name: &str) -> String {
        super::canonical_speaker(name, &self.merged)
    }

    /// Index range of the tokens of `s` inside the byte range `[start, end)`.
    pub fn tok_range(&self, s: &Sent<'_>, start: usize, end: usize) -> (usize, usize) {
        let a = s.toks.partition_point(|t| t.span.start < start);
        let b = s.toks.partition_point(|t| t.span.end <= end);
        (a, b.max(a))
    }
}

/// Kind of a speaker, for resolving later pronouns.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum HistKind {
    /// A person; `Some(true)` when known to be female.
    Person(Option<bool>),
    Org,
    RoleOne,
    RoleMany,
}

/// A speaker already attributed in the document.
#[derive(Debug, Clone)]
pub(crate) struct Said {
    /// Position in `Doc::sents`.
    pub pos: usize,
    pub speaker: Option<String>,
    pub kind: HistKind,
}

/// A role noun phrase seen in the document ("United Nations human rights experts").
#[derive(Debug, Clone)]
pub(crate) struct RoleMention {
    start: usize,
    class: &'static str,
    description: Option<String>,
}

/// A parsed subject of a speech verb.
#[derive(Debug, Clone)]
pub(crate) struct Subject {
    pub speaker: Option<String>,
    pub mention: String,
    /// Byte span of `mention` in the document.
    pub mention_span: Span,
    pub role: Option<String>,
    pub kind: HistKind,
    /// Byte span of the chunks before the subject's chunk that are not an introduction
    /// ("A group of 40 Chechens are in hiding, [X told Y], ..."), if any.
    pub before: Option<Span>,
}

/// Which comma-separated chunk to take the subject from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Mode {
    /// The first chunk with a subject ("X, a spokesperson, said").
    Forward,
    /// The last chunk with a subject ("..., she said").
    Backward,
}

/// Resolution state: earlier speakers and role mentions.
pub(crate) struct Resolver {
    pub history: Vec<Said>,
    roles: Vec<RoleMention>,
    persons: Vec<PersonMention>,
    /// For each sentence (position in `Doc::sents`), where its subject may start: after an
    /// introductory chunk ("In an interview with …, Ham made it clear …"), and the byte
    /// offset past which its first words are no longer a name with titles.
    subject_region: Vec<(usize, usize)>,
    /// The first word of each sentence after its introduction, lower-cased: a sentence
    /// opening with "she" goes on about the same person as the one before.
    opener: Vec<String>,
}

/// A person's name mention in the document.
#[derive(Debug, Clone)]
pub(crate) struct PersonMention {
    /// Position in `Doc::sents`.
    pos: usize,
    start: usize,
    name: String,
    female: Option<bool>,
}

impl Resolver {
    /// Collects the role noun phrases of the document.
    pub fn new(d: &Doc<'_>) -> Self {
        let mut roles: Vec<RoleMention> = Vec::new();
        for s in &d.sents {
            for k in 0..s.toks.len() {
                let Some((class, _)) = role_class(s.toks[k].text) else {
                    continue;
                };
                let np = describe_role(d, s, k, s.toks.len());
                let description = np.description.clone().or_else(|| {
                    if np.definite {
                        roles
                            .iter()
                            .rev()
                            .find(|r| r.class == class)
                            .and_then(|r| r.description.clone())
                    } else {
                        None
                    }
                });
                roles.push(RoleMention {
                    start: np.span.start,
                    class,
                    description,
                });
            }
        }
        let persons = d
            .entities
            .iter()
            .filter(|e| e.kind == EntityKind::Person)
            .filter_map(|e| {
                let pos = d.sent_at(e.span.start)?;
                let name = d.canonical(&e.text);
                let female = name
                    .split_whitespace()
                    .next()
                    .and_then(given_name_gender)
                    .or_else(|| honorific_gender(d, e));
                Some(PersonMention {
                    pos,
                    start: e.span.start,
                    name,
                    female,
                })
            })
            .collect::<Vec<_>>();
        // "Mr. Obama" once tells the gender of every "Obama" of the document.
        let mut known: HashMap<String, bool> = HashMap::new();
        for p in &persons {
            if let Some(f) = p.female {
                known.entry(p.name.clone()).or_insert(f);
            }
        }
        let persons = persons
            .into_iter()
            .map(|p| PersonMention {
                female: p.female.or_else(|| known.get(&p.name).copied()),
                ..p
            })
            .collect();
        let subject_region = d
            .sents
            .iter()
            .map(|s| {
                let toks = &s.toks;
                let mut a = 0;
                if toks
                    .first()
                    .is_some_and(|t| INTRO.contains(&lower(t).as_str()))
                {
                    a = (0..toks.len())
                        .find(|&k| d.gap(s, k).contains(','))
                        .map_or(toks.len(), |k| k + 1);
                }
                let mut b = a;
                while b < toks.len()
                    && (name_like(&toks[b])
                        || is_title(toks[b].text)
                        || role_class(toks[b].text).is_some())
                {
                    b += 1;
                }
                let start = toks.get(a).map_or(s.span.end, |t| t.span.start);
                // Two people as the subject ("Elizabeth Warren and Hillary Clinton met"): no
                // one of them.
                let coordinated = toks
                    .get(b)
                    .is_some_and(|t| matches!(t.text, "and" | "or" | "&"));
                let end = if b > a && !coordinated {
                    toks[b - 1].span.end
                } else {
                    start
                };
                (start, end)
            })
            .collect();
        let opener = d
            .sents
            .iter()
            .zip(&subject_region)
            .map(|(s, &(start, _))| {
                s.toks
                    .iter()
                    .find(|t| t.span.start >= start)
                    .map(lower)
                    .unwrap_or_default()
            })
            .collect();
        Resolver {
            history: Vec::new(),
            roles,
            persons,
            subject_region,
            opener,
        }
    }

    /// The person a run of sentences opening with pronoun `word` goes back to: the subject
    /// opening the sentence before the run ("On Monday night, Clinton leaned in heavy … She
    /// started off by … She then peppered him …" then "“…,” she said"), within four
    /// sentences.
    fn subject_before_run(&self, word: &str, pos: usize) -> Option<&PersonMention> {
        let female = word == "she";
        let mut k = pos.checked_sub(1)?;
        for _ in 0..4 {
            if let Some(p) = self.subject_person(k, female) {
                return Some(p);
            }
            if self.opener.get(k).map(String::as_str) != Some(word) {
                return None;
            }
            k = k.checked_sub(1)?;
        }
        None
    }

    /// The person that opens sentence `pos` as its subject ("Ham made it clear …", "Retired
    /// U.S. Air Force Gen. Norman Ham is speaking out …"), unless their gender is not
    /// `female`'s.
    fn subject_person(&self, pos: usize, female: bool) -> Option<&PersonMention> {
        let &(start, end) = self.subject_region.get(pos)?;
        self.persons
            .iter()
            .find(|p| p.pos == pos && p.start >= start && p.start < end)
            .filter(|p| p.female != Some(!female))
    }

    /// Forgets the name mentions inside direct quotes: a "he" after `“… to work for Obama,”`
    /// is the speaker, not the man the speaker talked about.
    pub fn drop_quoted(&mut self, quoted: &[Span]) {
        self.persons
            .retain(|p| !quoted.iter().any(|q| q.start <= p.start && p.start < q.end));
    }

    /// The person a "he"/"she" at byte `at` of sentence `pos` most plausibly names among the
    /// name mentions of the last two sentences: the latest one whose given name has the
    /// pronoun's gender, when every such mention there names the same person.
    fn named_person(&self, female: bool, pos: usize, at: usize) -> Option<&PersonMention> {
        let mut fits = self
            .persons
            .iter()
            .filter(|p| p.start < at && pos.saturating_sub(p.pos) <= 2 && p.female == Some(female));
        let last = fits.next_back()?;
        fits.all(|p| p.name == last.name).then_some(last)
    }

    fn role_antecedent(&self, class: &str, before: usize) -> Option<String> {
        self.roles
            .iter()
            .rev()
            .find(|r| r.class == class && r.start < before)
            .and_then(|r| r.description.clone())
    }

    /// The gender of an earlier speaker: from their given name, or from a "he"/"she" that was
    /// resolved to them ("Lynch said …" then "she said": Lynch is a woman).
    fn gender(&self, s: &Said) -> Option<bool> {
        match s.kind {
            HistKind::Person(Some(g)) => Some(g),
            HistKind::Person(None) => {
                let name = s.speaker.as_ref()?;
                self.history.iter().find_map(|o| match o.kind {
                    HistKind::Person(Some(g)) if o.speaker.as_ref() == Some(name) => Some(g),
                    _ => None,
                })
            }
            _ => None,
        }
    }

    /// Resolves pronoun `word` at byte `at` of sentence `pos`. "he"/"she": the latest earlier
    /// speaker of a compatible gender within eight sentences; but a name of the pronoun's
    /// gender mentioned since a speaker of unknown gender wins over that speaker, and with no
    /// speaker at all, the one name of that gender in the last two sentences.
    fn pronoun(&self, word: &str, pos: usize, at: usize) -> (Option<String>, HistKind) {
        let window = |n: usize| move |s: &&Said| pos.saturating_sub(s.pos) <= n;
        let found = match word {
            "he" | "she" => {
                let female = word == "she";
                let said = self
                    .history
                    .iter()
                    .rev()
                    .filter(window(8))
                    .find(|s| match s.kind {
                        HistKind::Person(_) => self.gender(s) != Some(!female),
                        HistKind::RoleOne => true,
                        _ => false,
                    });
                // An unresolved pronoun before does not make its (unknown) speaker known.
                let known =
                    said.is_some_and(|s| s.speaker.is_some() && self.gender(s) == Some(female));
                let named = self.named_person(female, pos, at);
                // No name of that gender: the person opening the sentence before, as its
                // subject, when no speaker came since ("In an interview …, Ham made it
                // clear he had …" then "“…,” he told the host").
                let named = named.or_else(|| {
                    let p = self.subject_before_run(word, pos)?;
                    said.is_none_or(|s| !known && p.pos > s.pos).then_some(p)
                });
                match (said, named) {
                    (Some(s), Some(p)) if !known && p.pos >= s.pos => {
                        return (Some(p.name.clone()), HistKind::Person(Some(female)))
                    }
                    (None, Some(p)) => {
                        return (Some(p.name.clone()), HistKind::Person(Some(female)))
                    }
                    // The pronoun tells the speaker's gender: later pronouns can use it.
                    (Some(s), _) if matches!(s.kind, HistKind::Person(_)) => {
                        return (s.speaker.clone(), HistKind::Person(Some(female)))
                    }
                    _ => said,
                }
            }
            "they" => self
                .history
                .iter()
                .rev()
                .filter(window(4))
                .find(|s| s.kind == HistKind::RoleMany),
            "it" => self
                .history
                .iter()
                .rev()
                .filter(window(4))
                .find(|s| s.kind == HistKind::Org),
            _ => None,
        };
        match found {
            Some(s) => (s.speaker.clone(), s.kind),
            None => (
                None,
                match word {
                    "he" => HistKind::Person(Some(false)),
                    "she" => HistKind::Person(Some(true)),
                    "it" => HistKind::Org,
                    "they" | "we" => HistKind::RoleMany,
                    _ => HistKind::RoleOne,
                },
            ),
        }
    }
}

/// A role noun phrase: its span, what it names, and whether it is definite.
struct RoleNp {
    span: Span,
    description: Option<String>,
    definite: bool,
}

fn lower(t: &Token<'_>) -> String {
    t.text.to_lowercase()
}

fn is_possessive(t: &Token<'_>) -> bool {
    t.text.ends_with("’s") || t.text.ends_with("'s")
}

/// Describes the role noun at token `k` of `s`, looking no further right than token `limit`.
fn describe_role(d: &Doc<'_>, s: &Sent<'_>, k: usize, limit: usize) -> RoleNp {
    let toks = &s.toks;
    let noun = lower(&toks[k]);
    // Left edge: modifiers back to a determiner, within the comma chunk.
    let mut a = k;
    while a > 0 && !d.gap(s, a - 1).contains([',', ':', ';', '“', '"', '(']) && k - a < 6 {
        let w = lower(&toks[a - 1]);
        if matches!(
            w.as_str(),
            "the"
                | "a"
                | "an"
                | "this"
                | "that"
                | "these"
                | "those"
                | "its"
                | "his"
                | "her"
                | "their"
        ) {
            a -= 1;
            break;
        }
        if dossier_text::is_stopword(&w) || verb_class(&w).is_some() {
            break;
        }
        a -= 1;
    }
    let first = lower(&toks[a]);
    let definite = matches!(
        first.as_str(),
        "the" | "this" | "that" | "these" | "those" | "its" | "his" | "her" | "their"
    );
    // Right edge: a prepositional complement up to a comma or a clause word.
    let mut b = k + 1;
    let mut prep: Option<String> = None;
    if b < limit && PREPS.contains(&lower(&toks[b]).as_str()) && !d.gap(s, k).contains(',') {
        prep = Some(lower(&toks[b]));
        while b < limit
            && !CLAUSE_WORDS.contains(&lower(&toks[b]).as_str())
            && verb_class(toks[b].text).is_none()
        {
            let stop = d.gap(s, b).contains([',', ';', ':', '“', '"']);
            b += 1;
            if stop {
                break;
            }
        }
    }
    // An appositive name after a comma: "leader, Ramzan Kadyrov,".
    let mut appositive: Option<(&EntityMention, usize)> = None;
    if b < limit && d.gap(s, b - 1).contains(',') {
        // The name may come with its honorific: "The minister of the economy, Mr. Guajardo
        // Villarreal, argues".
        let at = if HONORIFICS.contains(&toks[b].text) && b + 1 < limit {
            b + 1
        } else {
            b
        };
        if let Some((e, last)) = d.entity_at(s, at) {
            let ends = last + 1 >= limit
                || d.gap(s, last).contains(',')
                || CLAUSE_WORDS.contains(&lower(&toks[last + 1]).as_str())
                || verb_class(toks[last + 1].text).is_some();
            if e.kind == EntityKind::Person && ends {
                appositive = Some((e, last));
            }
        }
    }
    let end_tok = appositive.map_or(b, |(_, last)| last + 1);
    let span = Span::new(toks[a].span.start, toks[end_tok.max(k + 1) - 1].span.end);

    let ents_in = |from: usize, to: usize| -> Vec<&EntityMention> {
        (from..to)
            .filter_map(|i| d.entity_at(s, i).map(|(e, _)| e))
            .collect()
    };
    let complement = ents_in(k + 1, b);
    let description = if let Some(p) = complement.iter().find(|e| e.kind == EntityKind::Person) {
        Some(format!("{noun} for {}", d.canonical(&p.text)))
    } else if let Some((p, _)) = appositive {
        // The name is the complement's role ("a spokesperson for Chechnya's leader, Ramzan
        // Kadyrov") when the complement has one; else the role's own holder ("The minister of
        // the economy, Mr. Guajardo Villarreal").
        let complement_role = (k + 1..b).any(|i| role_class(toks[i].text).is_some());
        if prep.is_some() && complement_role {
            Some(format!("{noun} for {}", d.canonical(&p.text)))
        } else {
            Some(d.canonical(&p.text))
        }
    } else if let Some(o) = complement
        .iter()
        .find(|e| e.kind == EntityKind::Organization)
    {
        Some(format!(
            "{noun} {} {}",
            prep.as_deref().unwrap_or("of"),
            d.canonical(&o.text)
        ))
    } else if let Some((p, _)) = d
        .entity_at(s, k + 1)
        .filter(|(e, _)| e.kind == EntityKind::Person)
    {
        Some(d.canonical(&p.text))
    } else if let Some(p) = appositive_of(d, s, a) {
        Some(p)
    } else {
        // An organisation, or a possessive place, among the modifiers; a possessive person is
        // whose role it is ("Pagliano's lawyer": lawyer for Bryan Pagliano, as "a lawyer for
        // Pagliano" would be).
        let mut desc = None;
        for i in a..k {
            if let Some((e, last)) = d.entity_at(s, i) {
                let possessive_place = e.kind == EntityKind::Place
                    && is_possessive(&toks[last])
                    && role_class(&noun).is_some_and(|(_, p)| !p);
                if e.kind == EntityKind::Person && is_possessive(&toks[last]) {
                    let name = e.text.trim_end_matches("’s").trim_end_matches("'s");
                    desc = Some(format!("{noun} for {}", d.canonical(name)));
                    break;
                }
                if e.kind == EntityKind::Organization || possessive_place {
                    desc = Some(d.slice(e.span.start, toks[k].span.end).to_string());
                    break;
                }
            }
        }
        desc
    };
    RoleNp {
        span,
        description,
        definite,
    }
}

/// The person a noun phrase starting at token `a` stands in apposition to ("Dmitry Peskov,
/// a prominent spokesperson ...").
fn appositive_of(d: &Doc<'_>, s: &Sent<'_>, a: usize) -> Option<String> {
    if a == 0 || !d.gap(s, a - 1).contains(',') {
        return None;
    }
    let tok = s.toks[a - 1].span;
    let e = d.entities.iter().find(|e| {
        e.kind == EntityKind::Person && tok.start < e.span.end && e.span.end <= tok.end
    })?;
    // A name ending a prepositional phrase is not the subject the role stands beside ("At a
    // press conference in Chelsea, the mayor also said").
    let first = s.toks.partition_point(|t| t.span.start < e.span.start);
    if first > 0 && !d.gap(s, first - 1).contains(',') {
        let before = lower(&s.toks[first - 1]);
        if matches!(
            before.as_str(),
            "in" | "at" | "on" | "from" | "to" | "of" | "for" | "with" | "by" | "near" | "outside"
        ) {
            return None;
        }
    }
    Some(d.canonical(&e.text))
}

/// Splits token range `[a, b)` of `s` into comma-separated chunks.
fn chunks(d: &Doc<'_>, s: &Sent<'_>, a: usize, b: usize) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let mut start = a;
    for i in a..b {
        if i + 1 < b && d.gap(s, i).contains([',', ';', ':', '(', ')', '—', '–']) {
            out.push((start, i + 1));
            start = i + 1;
        }
    }
    if start < b {
        out.push((start, b));
    }
    out
}

/// Strips auxiliaries and adverbs from the end of `[a, b)`.
pub(crate) fn strip_aux(s: &Sent<'_>, a: usize, mut b: usize) -> usize {
    while b > a && AUX.contains(&lower(&s.toks[b - 1]).as_str()) {
        b -= 1;
    }
    b
}

/// True for a word written before an abbreviation period ("Mr", "Sen", "D", "Gov").
fn is_abbreviation(word: &str) -> bool {
    is_title(word)
        || (word.chars().count() <= 3
            && word.chars().next().is_some_and(char::is_uppercase)
            && word.chars().all(char::is_alphabetic))
}

/// True when `text` (the text between words of one sentence) holds a period that ends a
/// sentence or clause, not one after an abbreviation ("Mr. Clarke", "Rep. G.K. Butterfield").
pub(crate) fn has_full_stop(text: &str) -> bool {
    text.char_indices().any(|(i, c)| {
        if c != '.' {
            return false;
        }
        let before = &text[..i];
        let word_start = before
            .char_indices()
            .rev()
            .take_while(|(_, c)| c.is_alphabetic())
            .last()
            .map_or(i, |(j, _)| j);
        let word = &before[word_start..];
        word.is_empty() || !is_abbreviation(word)
    })
}

/// True when the verb at token `v` has a relative pronoun for subject ("…, which has
/// declared"): its subject is not in the sentence's main clause.
pub(crate) fn relative_subject(s: &Sent<'_>, v: usize) -> bool {
    let b = strip_aux(s, 0, v);
    b > 0
        && matches!(
            lower(&s.toks[b - 1]).as_str(),
            "which" | "who" | "that" | "whom" | "where"
        )
}

/// True when token `k` of `s` is a speech verb in context (not a noun, not passive).
pub(crate) fn speech_verb_at(d: &Doc<'_>, s: &Sent<'_>, k: usize) -> Option<Verb> {
    let w = s.toks[k].text;
    if !w.chars().next().is_some_and(char::is_lowercase) {
        return None;
    }
    let class = verb_class(w)?;
    let prev = k.checked_sub(1).map(|p| lower(&s.toks[p]));
    // "Having said that, …": a connective, not a report.
    if prev.as_deref() == Some("having")
        && s.toks
            .get(k + 1)
            .is_some_and(|t| matches!(t.text, "that" | "this"))
        && d.gap(s, k + 1).contains(',')
    {
        return None;
    }
    if let Some(p) = &prev {
        if PASSIVE.contains(&p.as_str()) {
            return None;
        }
        // "and said" is a coordinated verb ("Cruz exhorted Republicans to … and said he was
        // standing on truth"); "and claims" may be a noun.
        let coordinated = matches!(p.as_str(), "and" | "or") && !NOUNISH.contains(&w);
        if DETS.contains(&p.as_str()) && !coordinated && !d.gap(s, k - 1).contains(',') {
            return None;
        }
    } else if class != Verb::Say {
        return None;
    }
    if NOUNISH.contains(&w) {
        let that_soon = (k + 1..(k + 6).min(s.toks.len())).any(|i| s.toks[i].text == "that");
        if !that_soon && !d.gap(s, k).contains([':', '“', '"']) {
            return None;
        }
    }
    Some(class)
}

/// Parses the subject of a speech verb in token range `[a, b)` of sentence `pos`.
pub(crate) fn parse_subject(
    d: &Doc<'_>,
    r: &Resolver,
    pos: usize,
    a: usize,
    b: usize,
    mode: Mode,
) -> Option<Subject> {
    let s = &d.sents[pos];
    let toks = &s.toks;
    let b = strip_aux(s, a, b.min(toks.len()));
    if a >= b {
        return None;
    }
    // The subject starts after the last clause boundary ("X reports that NAME said").
    let a = (a..b)
        .rev()
        .find(|&k| k + 1 < b && BOUNDARY.contains(&toks[k].text))
        .map_or(a, |k| k + 1);

    let mut cs = chunks(d, s, a, b);
    // Whether an introduction was left out: a place right after it ends it ("Speaking at
    // a rally in Novi, Michigan, Trump says").
    let mut intro = false;
    while cs.len() > 1 && INTRO.contains(&lower(&toks[cs[0].0]).as_str()) {
        // A conjunction opens a clause, not an introduction ("But the new plan is still
        // tilted toward the rich, the Tax Foundation said"): only the word itself goes.
        if matches!(lower(&toks[cs[0].0]).as_str(), "but" | "and" | "yet") && cs[0].1 - cs[0].0 > 1
        {
            cs[0].0 += 1;
            continue;
        }
        cs.remove(0);
        intro = true;
    }
    let order: Vec<usize> = match mode {
        Mode::Forward => (0..cs.len()).collect(),
        Mode::Backward => (0..cs.len()).rev().collect(),
    };
    let region_end = toks[b - 1].span.end;
    let before = |ci: usize| -> Option<Span> {
        (ci > 0).then(|| Span::new(toks[cs[0].0].span.start, toks[cs[ci - 1].1 - 1].span.end))
    };
    for ci in order {
        let (ca, cb) = cs[ci];
        let mut k = ca;
        // An introduction with no comma before the subject ("In a Bloomberg interview Trump
        // declared"): the person ending the chunk, not a name inside the introduction.
        if INTRO.contains(&lower(&toks[ca]).as_str()) {
            if let Some(p) = (ca + 1..cb).find(|&i| {
                d.entity_at(s, i)
                    .is_some_and(|(e, last)| e.kind == EntityKind::Person && last + 1 == cb)
            }) {
                k = p;
            }
        }
        while k < cb {
            if let Some(p) = pronoun_word(&toks[k]).filter(|_| k + 1 == cb) {
                let (speaker, kind) = if p == "we" || p == "i" {
                    (None, HistKind::RoleMany)
                } else {
                    r.pronoun(p, pos, toks[k].span.start)
                };
                // "He’s claiming": the pronoun without its contracted auxiliary.
                let span = Span::new(toks[k].span.start, toks[k].span.start + p.len());
                return Some(Subject {
                    speaker,
                    mention: d.slice(span.start, span.end).to_string(),
                    mention_span: span,
                    role: None,
                    kind,
                    before: before(ci),
                });
            }
            // A title before a name no list knows: "Mr. Morgan of the Sierra Club".
            if HONORIFICS.contains(&toks[k].text) && d.entity_at(s, k).is_none() {
                let mut e = k + 1;
                while e < cb
                    && e < k + 4
                    && name_like(&toks[e])
                    && !is_title(toks[e].text)
                    && role_class(toks[e].text).is_none()
                    && d.entity_at(s, e).is_none()
                {
                    e += 1;
                }
                if e > k + 1 {
                    let name = d
                        .slice(toks[k + 1].span.start, toks[e - 1].span.end)
                        .trim_end_matches("’s")
                        .trim_end_matches("'s")
                        .to_string();
                    let span = Span::new(toks[k].span.start, toks[k + 1].span.start + name.len());
                    let female = match lower(&toks[k]).trim_end_matches('.') {
                        "mrs" | "ms" | "miss" => Some(true),
                        "mr" => Some(false),
                        _ => name.split_whitespace().next().and_then(given_name_gender),
                    };
                    return Some(Subject {
                        speaker: Some(d.canonical(&name)),
                        mention: d.slice(span.start, span.end).to_string(),
                        mention_span: span,
                        role: None,
                        kind: HistKind::Person(female),
                        before: before(ci),
                    });
                }
            }
            if let Some((e, last)) = d.entity_at(s, k) {
                let last = last.min(cb - 1);
                // A possessive names whose thing it is, not who speaks ("Donald Trump’s
                // yearslong obsession … is an insult, top black lawmakers said").
                if is_possessive(&toks[last]) && last + 1 < cb {
                    k = last + 1;
                    continue;
                }
                match e.kind {
                    EntityKind::Person => {
                        let name = d.canonical(&e.text);
                        // "Mr. Obama": the honorific belongs to the mention, not the role.
                        let honorific = k > ca && HONORIFICS.contains(&toks[k - 1].text);
                        let role_end = if honorific { k - 1 } else { k };
                        let mention_span = if honorific {
                            Span::new(toks[k - 1].span.start, e.span.end)
                        } else {
                            e.span
                        };
                        let prefix = (ca..role_end)
                            .any(|i| role_class(toks[i].text).is_some() || is_title(toks[i].text));
                        let role = if prefix {
                            Some(
                                d.slice(toks[ca].span.start, toks[role_end].span.start)
                                    .trim()
                                    .to_string(),
                            )
                        } else if last + 1 == cb && ci + 1 < cs.len() {
                            let text = d.slice(toks[cs[ci + 1].0].span.start, region_end);
                            Some(
                                text.trim_matches(|c: char| c == ',' || c.is_whitespace())
                                    .to_string(),
                            )
                        } else {
                            None
                        };
                        let female = name.split_whitespace().next().and_then(given_name_gender);
                        return Some(Subject {
                            speaker: Some(name),
                            mention: d.slice(mention_span.start, mention_span.end).to_string(),
                            mention_span,
                            role: role.filter(|r| !r.is_empty()),
                            kind: HistKind::Person(female),
                            before: before(ci),
                        });
                    }
                    EntityKind::Organization => {
                        // "Russia LGBT Network spokesperson Svetlana Zakharova": the person.
                        // "Russian Embassy official": a role of the organisation.
                        let role_after =
                            (last + 1..cb).find(|&j| role_class(toks[j].text).is_some());
                        if let Some(j) = role_after {
                            if let Some(p) = person_after_titles(d, s, j + 1, toks.len()) {
                                k = p;
                                continue;
                            }
                            return Some(role_subject(d, r, s, j, b, ci, &before));
                        }
                        let role = (last + 1 == cb && ci + 1 < cs.len()).then(|| {
                            let text = d.slice(toks[cs[ci + 1].0].span.start, region_end);
                            text.trim_matches(|c: char| c == ',' || c.is_whitespace())
                                .to_string()
                        });
                        return Some(Subject {
                            speaker: Some(org_name(d, e)),
                            mention: e.text.clone(),
                            mention_span: e.span,
                            role: role.filter(|r| !r.is_empty()),
                            kind: HistKind::Org,
                            before: before(ci),
                        });
                    }
                    // A country or city speaking through its government ("Even China,
                    // Pyongyang's only ally …, said it was …"): only as the whole subject,
                    // the place alone in its chunk; not a place in a phrase ("Back in
                    // Washington, Trump said") or ending one ("Speaking at a rally in Novi,
                    // Michigan, Trump says"), nor the state after a city ("in Tulsa,
                    // Oklahoma,").
                    EntityKind::Place
                        if last + 1 == cb
                            && !(intro && ci == 0)
                            && !(ca > 0
                                && d.entities.iter().any(|o| {
                                    o.kind == EntityKind::Place
                                        && o.span.end == toks[ca - 1].span.end
                                }))
                            && toks[ca..k].iter().all(|t| {
                                matches!(lower(t).as_str(), "the" | "even" | "and" | "but" | "also")
                            }) =>
                    {
                        let role = (ci + 1 < cs.len()).then(|| {
                            let text = d.slice(toks[cs[ci + 1].0].span.start, region_end);
                            text.trim_matches(|c: char| c == ',' || c.is_whitespace())
                                .to_string()
                        });
                        return Some(Subject {
                            speaker: Some(d.canonical(&e.text)),
                            mention: e.text.clone(),
                            mention_span: e.span,
                            role: role.filter(|r| !r.is_empty()),
                            kind: HistKind::Org,
                            before: before(ci),
                        });
                    }
                    _ => {
                        k = last + 1;
                        continue;
                    }
                }
            }
            if role_class(toks[k].text).is_some() {
                if let Some(p) = person_after_titles(d, s, k + 1, toks.len()) {
                    k = p;
                    continue;
                }
                return Some(role_subject(d, r, s, k, b, ci, &before));
            }
            k += 1;
        }
    }
    // A capitalised name that no list knows, a chunk of its own ("Moskalkova informed",
    // "Flynn, a top Trump surrogate, said").
    for ci in (0..cs.len()).rev() {
        let (ca, cb) = cs[ci];
        let mut start = ca;
        while start < cb && matches!(lower(&toks[start]).as_str(), "the" | "a" | "an") {
            start += 1;
        }
        if start == cb || cb - start > 3 || !toks[start..cb].iter().all(name_like) {
            continue;
        }
        if ci + 1 < cs.len() && mode == Mode::Backward {
            continue;
        }
        let name = d
            .slice(toks[start].span.start, toks[cb - 1].span.end)
            .to_string();
        let name = name
            .trim_end_matches("’s")
            .trim_end_matches("'s")
            .to_string();
        let mention_span = Span::new(toks[start].span.start, toks[start].span.start + name.len());
        // An appositive after it: "Flynn, a top Trump surrogate,".
        let role = (ci + 1 < cs.len()).then(|| {
            d.slice(toks[cs[ci + 1].0].span.start, region_end)
                .trim_matches(|c: char| c == ',' || c.is_whitespace())
                .to_string()
        });
        return Some(Subject {
            speaker: Some(d.canonical(&name)),
            mention: name,
            mention_span,
            role: role.filter(|r| !r.is_empty()),
            kind: HistKind::Person(None),
            before: before(ci),
        });
    }
    let &(ca, cb) = cs.last()?;
    // An unnamed noun phrase ("the agency", "a new poll", "Trump's campaign"): the source as
    // written, with no speaker name.
    if let Some(subject) = unnamed_subject(d, s, ca, cb) {
        return Some(Subject {
            before: before(cs.len() - 1),
            ..subject
        });
    }
    None
}

/// The name of an organisation mention, with the capitalised "of/on/for" complement the
/// tagger left out of it ("Commission" in "the Commission on Presidential Debates"):
/// "Commission" alone would name no one.
fn org_name(d: &Doc<'_>, e: &EntityMention) -> String {
    let canonical = d.canonical(&e.text);
    let rest = d.slice(e.span.end, d.text.len());
    let Some(after) = ["on ", "of ", "for "].iter().find_map(|p| {
        rest.strip_prefix(' ')?
            .strip_prefix(p)
            .map(|r| (p.len(), r))
    }) else {
        return canonical;
    };
    let (prep_len, r) = after;
    let mut len = 0;
    for w in r.split(' ').take(4) {
        let word = w.trim_end_matches(|c: char| !c.is_alphanumeric());
        if word.is_empty() || !word.chars().next().is_some_and(char::is_uppercase) {
            break;
        }
        len = w.as_ptr() as usize - r.as_ptr() as usize + word.len();
        if word.len() < w.len() {
            break;
        }
    }
    if len == 0 || e.text.split_whitespace().count() > 1 {
        return canonical;
    }
    let end = e.span.end + 1 + prep_len + len;
    d.slice(e.span.start, end)
        .trim_end_matches("’")
        .trim_end_matches('\'')
        .to_string()
}

/// The gender an honorific before (or opening) a person mention gives ("Mr. Obama": male,
/// "Mrs. Clinton": female), if any.
fn honorific_gender(d: &Doc<'_>, e: &EntityMention) -> Option<bool> {
    let before = d.slice(e.span.start.saturating_sub(6), e.span.start);
    let word = |t: &str| {
        let w = t.trim_end().trim_end_matches('.');
        let w = w.rsplit(|c: char| !c.is_alphabetic()).next().unwrap_or("");
        match w {
            "Mr" => Some(false),
            "Mrs" | "Ms" | "Miss" => Some(true),
            _ => None,
        }
    };
    let first = e.text.split_whitespace().next().unwrap_or("");
    (first != e.text.trim())
        .then(|| word(first))
        .flatten()
        .or_else(|| word(before))
}

/// The token where a person's name starts at token `k` of `s`, after at most two titles
/// ("police Chief Chuck Jordan", "spokesperson Svetlana Zakharova"): a role noun followed by
/// a name describes that person, not an unnamed one. `None` when no person mention starts
/// there before token `limit`.
fn person_after_titles(d: &Doc<'_>, s: &Sent<'_>, k: usize, limit: usize) -> Option<usize> {
    let mut p = k;
    while p < limit && p < k + 2 && is_title(s.toks[p].text) && d.entity_at(s, p).is_none() {
        p += 1;
    }
    (p < limit)
        .then(|| d.entity_at(s, p))
        .flatten()
        .filter(|(e, _)| e.kind == EntityKind::Person)
        .map(|_| p)
}

/// The speaker named by the bare name at `span` (a signature or a headline's "NAME:"): an
/// organisation when an organisation mention covers it, else a person.
pub(crate) fn name_subject(d: &Doc<'_>, span: Span) -> Subject {
    let name = d.slice(span.start, span.end);
    let org = d.entities.iter().any(|e| {
        e.kind == EntityKind::Organization && e.span.start <= span.start && span.end <= e.span.end
    });
    let speaker = d.canonical(name);
    let kind = if org {
        HistKind::Org
    } else {
        HistKind::Person(
            speaker
                .split_whitespace()
                .next()
                .and_then(given_name_gender),
        )
    };
    Subject {
        speaker: Some(speaker),
        mention: name.to_string(),
        mention_span: span,
        role: None,
        kind,
        before: None,
    }
}

/// Determiners that open an unnamed source ("the agency said", "a new poll found").
const NP_DETS: &[&str] = &[
    "the", "a", "an", "this", "that", "these", "those", "his", "her", "its", "their", "our",
    "another", "one", "some", "many", "most", "several", "both",
];
/// Unnamed sources that are organisations or their publications ("It said" refers back to
/// them) besides the organisation heads of [`ORG_HEADS`].
const PUBLICATION_NOUNS: &[&str] = &[
    "office",
    "paper",
    "newspaper",
    "website",
    "report",
    "poll",
    "survey",
    "study",
    "statement",
];

/// Head nouns of "the NOUN" that name an organisation of the document when one of its
/// earlier organisation names holds the noun ("the commission" → "Commission on Presidential
/// Debates", "the fund" → "International Monetary Fund"). Not "report", "poll", "website":
/// a publication is not the organisation whose name shares its noun ("Drudge Report").
const ORG_HEADS: &[&str] = &[
    "campaign",
    "company",
    "committee",
    "agency",
    "department",
    "network",
    "group",
    "organization",
    "organisation",
    "administration",
    "party",
    "government",
    "firm",
    "court",
    "council",
    "board",
    "union",
    "ministry",
    "commission",
    "bureau",
    "center",
    "centre",
    "bank",
    "fund",
    "foundation",
    "institute",
    "association",
    "federation",
    "service",
    "university",
];

/// An unnamed noun phrase as a speech verb's subject: tokens `[a, b)` of `s`, opened by a
/// determiner or a possessive, at most six words, ending in a lower-case noun.
fn unnamed_subject(d: &Doc<'_>, s: &Sent<'_>, a: usize, b: usize) -> Option<Subject> {
    let toks = &s.toks;
    if a >= b || b - a > 6 {
        return None;
    }
    let first = lower(&toks[a]);
    let opens = NP_DETS.contains(&first.as_str()) || is_possessive(&toks[a]);
    let head = &toks[b - 1];
    let head_ok = head.text.chars().all(char::is_lowercase)
        && !dossier_text::is_stopword(head.text)
        && verb_class(head.text).is_none()
        && !head.text.ends_with("ly");
    let inner_ok = toks[a..b].iter().all(|t| {
        let w = lower(t);
        !PRONOUNS.contains(&w.as_str())
            && !BOUNDARY.contains(&w.as_str())
            && !PASSIVE.contains(&w.as_str())
            && !CLAUSE_WORDS.contains(&w.as_str())
    }) && (a + 1..b)
        .all(|i| !d.gap(s, i - 1).contains([',', ';', ':', '“', '"', '(']));
    if !(opens && head_ok && inner_ok && b - a >= 2) {
        return None;
    }
    let span = Span::new(toks[a].span.start, head.span.end);
    // "The commission says" after "the Commission on Presidential Debates": the document's
    // organisation of that kind, named earlier, is who speaks; nothing is guessed when no
    // earlier name has the noun.
    let speaker = (b - a == 2 && first == "the" && ORG_HEADS.contains(&head.text))
        .then(|| {
            d.entities
                .iter()
                .rev()
                .filter(|e| e.kind == EntityKind::Organization && e.span.end <= span.start)
                .find(|e| {
                    e.text
                        .split(|c: char| !c.is_alphanumeric())
                        .any(|w| w.eq_ignore_ascii_case(head.text))
                })
                .map(|e| org_name(d, e))
        })
        .flatten()
        // "Commission" alone is no more specific than "the commission".
        .filter(|name| !name.eq_ignore_ascii_case(head.text));
    let kind = if ORG_HEADS.contains(&head.text) || PUBLICATION_NOUNS.contains(&head.text) {
        HistKind::Org
    } else if head.text.ends_with('s') && !head.text.ends_with("ss") {
        HistKind::RoleMany
    } else {
        HistKind::RoleOne
    };
    Some(Subject {
        speaker,
        mention: d.slice(span.start, span.end).to_string(),
        mention_span: span,
        role: None,
        kind,
        before: None,
    })
}

/// A source of "according to" with no determiner ("according to show insiders", "according
/// to exit polls"): tokens `[a, b)` of sentence `pos`, one to three lower-case words ending
/// in a plural noun. Kept as written, with no speaker: it names no one.
pub(crate) fn bare_source(d: &Doc<'_>, pos: usize, a: usize, b: usize) -> Option<Subject> {
    let s = &d.sents[pos];
    let toks = &s.toks;
    if a >= b || b - a > 3 {
        return None;
    }
    let words_ok = toks[a..b].iter().all(|t| {
        t.text.chars().all(char::is_lowercase)
            && !dossier_text::is_stopword(t.text)
            && verb_class(t.text).is_none()
    }) && (a + 1..b).all(|i| d.gap(s, i - 1) == " ");
    let head = toks[b - 1].text;
    if !words_ok || !head.ends_with('s') || head.ends_with("ss") {
        return None;
    }
    let span = Span::new(toks[a].span.start, toks[b - 1].span.end);
    Some(Subject {
        speaker: None,
        mention: d.slice(span.start, span.end).to_string(),
        mention_span: span,
        role: None,
        kind: HistKind::RoleMany,
        before: None,
    })
}

/// The subject pronoun a token is, with or without a contracted auxiliary ("He’s", "I've",
/// "They're"), in lower case.
pub(crate) fn pronoun_word(t: &Token<'_>) -> Option<&'static str> {
    let w = lower(t);
    let bare = [
        "’s", "'s", "’re", "'re", "’ve", "'ve", "’d", "'d", "’ll", "'ll", "’m", "'m",
    ]
    .iter()
    .find_map(|c| w.strip_suffix(c))
    .unwrap_or(&w);
    PRONOUNS.iter().copied().find(|p| *p == bare)
}

/// A capitalised word that may be part of a name.
pub(crate) fn name_like(t: &Token<'_>) -> bool {
    pronoun_word(t).is_none()
        && t.text.chars().next().is_some_and(char::is_uppercase)
        && !is_common_initial(t.text)
        && !dossier_text::is_stopword(t.text)
}

fn role_subject(
    d: &Doc<'_>,
    r: &Resolver,
    s: &Sent<'_>,
    k: usize,
    limit: usize,
    ci: usize,
    before: &dyn Fn(usize) -> Option<Span>,
) -> Subject {
    let np = describe_role(d, s, k, limit);
    let (class, plural) = role_class(s.toks[k].text).unwrap_or(("", false));
    let speaker = np.description.clone().or_else(|| {
        if np.definite {
            r.role_antecedent(class, np.span.start)
        } else {
            None
        }
    });
    let mention = d.slice(np.span.start, np.span.end).to_string();
    let role = mention
        .split_once(' ')
        .filter(|(det, _)| {
            matches!(
                det.to_lowercase().as_str(),
                "the" | "a" | "an" | "this" | "that" | "these" | "those"
            )
        })
        .map_or(mention.clone(), |(_, rest)| rest.to_string());
    Subject {
        speaker,
        mention,
        mention_span: np.span,
        role: Some(role),
        kind: if plural {
            HistKind::RoleMany
        } else {
            HistKind::RoleOne
        },
        before: before(ci),
    }
}
