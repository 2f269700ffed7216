//! Story-level alias merging of entity mentions.

use std::collections::HashMap;

use dossier_core::UnionFind;
use dossier_text::stem;

use super::gazetteer::{demonym_place, place_alias_group, PLACE_ALIASES};
use super::{EntityKind, EntityMention, StoryEntity};

/// One distinct written form of a kind.
struct Form {
    text: String,
    kind: EntityKind,
    mentions: Vec<(usize, usize)>,
}

/// Merges the mentions of a story's documents into entities, aliases joined
/// ("Kadyrov" = "Ramzan Kadyrov", "HRW" = "Human Rights Watch").
///
/// Within one kind, these forms are one entity:
/// - a one-word person name and the multi-word person name it ends ("Kadyrov", "Ramzan
///   Kadyrov"), when exactly one such full name is known; a full name and a longer one with
///   the same first and last words ("Aleksandr Bastrykin", "Aleksandr Ivanovich Bastrykin");
/// - an acronym and the one multi-word organisation whose initials it spells, ignoring
///   "of", "the", "for", "and" ("HRW", "Human Rights Watch"; "UN", "United Nations");
/// - names whose words have the same stems, a nationality counting as its country
///   ("Russian LGBT Network", "Russia LGBT Network");
/// - spellings of the same place ("U.S.", "USA", "United States");
/// - an organisation's name with and without its legal form or a leading country
///   ("General Motors Corporation", "General Motors"; "Aer Lingus Group PLC", "Aer Lingus";
///   "US Federal Reserve", "Federal Reserve"), and a one-word organisation name and the one
///   longer organisation name it starts ("Apple", "Apple Computer");
/// - a person's name and the same name after a title or employer ("Steve Jobs", "Apple
///   CEO Steve Jobs").
///
/// A name written the same way is one kind across the story: the kind most of its mentions
/// have (ties: organisation, person, place, other).
///
/// The canonical name is the longest form (ties: more mentions, then first seen), except for
/// nationalities (the shortest: "Chechen" for "Chechens", "Chechnyan") and places with
/// several spellings (the full name: "United States" for "U.S." and "USA"); the other forms
/// are aliases in order of first appearance. Entities come out in order of first mention.
pub fn merge_story_entities(docs: &[&[EntityMention]]) -> Vec<StoryEntity> {
    // One name, one kind: the tagger may read "Boeing" as an organisation in one sentence
    // and a place in the next; the story takes the kind most of its mentions have.
    let mut votes: HashMap<String, HashMap<EntityKind, usize>> = HashMap::new();
    for mention in docs.iter().flat_map(|mentions| mentions.iter()) {
        if mention.kind != EntityKind::Nationality {
            *votes
                .entry(normalise_spaces(&mention.text))
                .or_default()
                .entry(mention.kind)
                .or_default() += 1;
        }
    }
    let story_kind = |text: &str, kind: EntityKind| -> EntityKind {
        if kind == EntityKind::Nationality {
            return kind;
        }
        votes
            .get(text)
            .and_then(|counts| {
                counts
                    .iter()
                    .max_by_key(|&(k, n)| (*n, kind_preference(*k)))
                    .map(|(k, _)| *k)
            })
            .unwrap_or(kind)
    };
    let mut forms: Vec<Form> = Vec::new();
    let mut index: HashMap<(EntityKind, String), usize> = HashMap::new();
    for (d, mentions) in docs.iter().enumerate() {
        for (m, mention) in mentions.iter().enumerate() {
            let text = normalise_spaces(&mention.text);
            if text.is_empty() {
                continue;
            }
            let kind = story_kind(&text, mention.kind);
            let key = (kind, text.clone());
            let i = *index.entry(key).or_insert_with(|| {
                forms.push(Form {
                    text,
                    kind,
                    mentions: Vec::new(),
                });
                forms.len() - 1
            });
            forms[i].mentions.push((d, m));
        }
    }

    let mut uf = UnionFind::new(forms.len());

    // Same stems (nationality = its country), same place alias group.
    let mut by_key: HashMap<(EntityKind, String), usize> = HashMap::new();
    for (i, f) in forms.iter().enumerate() {
        let key = match (f.kind, place_alias_group(&f.text)) {
            (EntityKind::Place, Some(g)) => format!("#alias{g}"),
            _ => stem_key(&f.text),
        };
        if key.is_empty() {
            continue;
        }
        match by_key.get(&(f.kind, key.clone())) {
            Some(&j) => uf.join(i, j),
            None => {
                by_key.insert((f.kind, key), i);
            }
        }
    }

    // Organisations: the same core name once legal forms and a leading country are set
    // aside.
    let mut by_core: HashMap<String, usize> = HashMap::new();
    let mut country_led: HashMap<String, Vec<usize>> = HashMap::new();
    for (i, f) in forms.iter().enumerate() {
        if f.kind != EntityKind::Organization {
            continue;
        }
        let (core, without_country) = organisation_cores(&f.text);
        if core.is_empty() {
            continue;
        }
        match by_core.get(&core) {
            Some(&j) => uf.join(i, j),
            None => {
                by_core.insert(core, i);
            }
        }
        if let Some(rest) = without_country {
            country_led.entry(rest).or_default().push(i);
        }
    }
    // "United States Senate" is the story's "Senate" unless another country's is there too
    // ("US Airways", "British Airways").
    for (rest, led) in &country_led {
        if let (Some(&plain), [one]) = (by_core.get(rest), led.as_slice()) {
            uf.join(*one, plain);
        }
    }
    // A one-word organisation name starting exactly one longer one ("Apple", "Apple
    // Computer").
    let org_forms: Vec<usize> = (0..forms.len())
        .filter(|&i| forms[i].kind == EntityKind::Organization)
        .collect();
    for &a in &org_forms {
        let short = forms[a].text.as_str();
        if short.contains(' ') || acronym_of(short).is_some() {
            continue;
        }
        let own = uf.find(a);
        let mut roots: Vec<usize> = org_forms
            .iter()
            .filter(|&&b| {
                let long = forms[b].text.as_str();
                long.split_whitespace().count() >= 2
                    && long.split_whitespace().next() == Some(short)
            })
            .map(|&b| uf.find(b))
            .filter(|&root| root != own)
            .collect();
        roots.sort_unstable();
        roots.dedup();
        if let [root] = roots[..] {
            uf.join(a, root);
        }
    }

    // People: longer full names absorb shorter ones with the same first and last word.
    let persons: Vec<usize> = (0..forms.len())
        .filter(|&i| forms[i].kind == EntityKind::Person)
        .collect();
    let words_of = |i: usize| -> Vec<&str> { forms[i].text.split_whitespace().collect() };
    for &a in &persons {
        for &b in &persons {
            let (wa, wb) = (words_of(a), words_of(b));
            if a != b
                && wa.len() >= 2
                && wb.len() > wa.len()
                && wa.first() == wb.first()
                && wa.last() == wb.last()
            {
                uf.join(a, b);
            }
        }
    }
    // A two-word name after a title or employer ("Apple CEO Steve Jobs").
    for &a in &persons {
        let wa = words_of(a);
        if wa.len() != 2 {
            continue;
        }
        for &b in &persons {
            let wb = words_of(b);
            if wb.len() > 2 && wb[wb.len() - 2..] == wa[..] {
                uf.join(a, b);
            }
        }
    }
    // One-word person names: the surname of exactly one full name. Full names starting
    // with a word that cannot be a given name ("U.S. Jobs", a misread headline) are only
    // counted when no other full name has that surname.
    for &a in &persons {
        let wa = words_of(a);
        if wa.len() != 1 {
            continue;
        }
        let full: Vec<usize> = persons
            .iter()
            .copied()
            .filter(|&b| {
                let wb = words_of(b);
                wb.len() >= 2 && wb.last() == wa.first()
            })
            .collect();
        let given_first = |b: &usize| words_of(*b).first().is_some_and(|w| could_be_given_name(w));
        let likely: Vec<usize> = full.iter().copied().filter(given_first).collect();
        let candidates = if likely.is_empty() { full } else { likely };
        let mut roots: Vec<usize> = candidates.into_iter().map(|b| uf.find(b)).collect();
        roots.sort_unstable();
        roots.dedup();
        if let [root] = roots[..] {
            uf.join(a, root);
        }
    }
    // Acronyms: the initials of exactly one multi-word organisation.
    let orgs: Vec<usize> = (0..forms.len())
        .filter(|&i| forms[i].kind == EntityKind::Organization)
        .collect();
    for &a in &orgs {
        let Some(acronym) = acronym_of(&forms[a].text) else {
            continue;
        };
        let mut roots: Vec<usize> = orgs
            .iter()
            .filter(|&&b| b != a && initials(&forms[b].text).as_deref() == Some(acronym.as_str()))
            .map(|&b| uf.find(b))
            .collect();
        roots.sort_unstable();
        roots.dedup();
        if let [root] = roots[..] {
            uf.join(a, root);
        }
    }

    // Build the entities.
    let mut groups: HashMap<usize, Vec<usize>> = HashMap::new();
    for i in 0..forms.len() {
        groups.entry(uf.find(i)).or_default().push(i);
    }
    let mut out: Vec<StoryEntity> = groups
        .into_values()
        .map(|members| {
            let first_seen = |i: usize| forms[i].mentions.first().copied().unwrap_or((0, 0));
            // Nationalities: the shortest form (the singular adjective); others: the longest.
            let nationality = forms[members[0]].kind == EntityKind::Nationality;
            let canonical = *members
                .iter()
                .max_by(|&&a, &&b| {
                    let (fa, fb) = (&forms[a], &forms[b]);
                    let (la, lb) = (fa.text.chars().count(), fb.text.chars().count());
                    let by_length = if nationality {
                        lb.cmp(&la)
                    } else {
                        la.cmp(&lb)
                    };
                    by_length
                        .then(fa.mentions.len().cmp(&fb.mentions.len()))
                        .then(first_seen(b).cmp(&first_seen(a)))
                })
                .expect("a group has a member");
            let mut others: Vec<usize> = members
                .iter()
                .copied()
                .filter(|&i| i != canonical)
                .collect();
            others.sort_by_key(|&i| first_seen(i));
            let mut aliases: Vec<String> = Vec::new();
            for i in others {
                if forms[i].text != forms[canonical].text && !aliases.contains(&forms[i].text) {
                    aliases.push(forms[i].text.clone());
                }
            }
            let mut mentions: Vec<(usize, usize)> = members
                .iter()
                .flat_map(|&i| forms[i].mentions.iter().copied())
                .collect();
            mentions.sort_unstable();
            // Places written several ways take the group's full name ("U.S." → "United States").
            let mut name = forms[canonical].text.clone();
            if forms[canonical].kind == EntityKind::Place {
                if let Some(g) = place_alias_group(&name) {
                    let full = PLACE_ALIASES[g][0];
                    if full != name {
                        if !aliases.contains(&name) {
                            aliases.insert(0, name.clone());
                        }
                        aliases.retain(|a| a != full);
                        name = full.to_string();
                    }
                }
            }
            StoryEntity {
                name,
                kind: forms[canonical].kind,
                aliases,
                mentions,
            }
        })
        .collect();
    out.sort_by_key(|e| e.mentions.first().copied());
    out
}

/// Which kind wins a tie of votes: organisations (the tagger's commonest confusion is an
/// organisation read as a person or place), then people, places, other names.
fn kind_preference(kind: EntityKind) -> u8 {
    match kind {
        EntityKind::Organization => 4,
        EntityKind::Person => 3,
        EntityKind::Place => 2,
        EntityKind::Other => 1,
        EntityKind::Nationality => 0,
    }
}

fn normalise_spaces(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

const SKIP: &[&str] = &["of", "the", "for", "and", "de", "The", "&"];

/// Stems of a name's words, a nationality standing for its country; "" for one-letter keys.
fn stem_key(name: &str) -> String {
    let words: Vec<String> = name
        .split(|c: char| c.is_whitespace() || c == '.')
        .filter(|w| !w.is_empty() && !SKIP.contains(w))
        .map(|w| match demonym_place(w) {
            Some(place) => stem(place),
            None => stem(w),
        })
        .collect();
    words.join(" ")
}

/// Whether a word can be a given name: capitalised letters, not an abbreviation ("U.S.")
/// or an acronym ("CEO").
fn could_be_given_name(word: &str) -> bool {
    let mut chars = word.chars();
    chars.next().is_some_and(char::is_uppercase)
        && chars.clone().any(char::is_lowercase)
        && chars.all(|c| c.is_alphabetic() || c == '-' || c == '\'')
}

/// Words of an organisation's legal form, left out when comparing names.
const LEGAL_FORMS: &[&str] = &[
    "inc",
    "incorporated",
    "corp",
    "corporation",
    "co",
    "company",
    "llc",
    "plc",
    "ltd",
    "limited",
    "group",
    "holdings",
    "ag",
    "sa",
    "nv",
    "gmbh",
];

/// Countries that may stand before an organisation's name ("US Federal Reserve").
const COUNTRY_PREFIXES: &[&[&str]] = &[
    &["us"],
    &["u", "s"],
    &["united", "states"],
    &["uk"],
    &["u", "k"],
    &["british"],
];

/// The key under which an organisation name matches other forms of itself: its stems
/// without trailing legal forms ("Ford Motors Co" → "ford motor"); and the same without a
/// leading country, if it has one ("United States Senate" → "senat").
fn organisation_cores(name: &str) -> (String, Option<String>) {
    let mut words: Vec<String> = name
        .split(|c: char| c.is_whitespace() || c == '.' || c == ',')
        .filter(|w| !w.is_empty() && !SKIP.contains(w))
        .map(|w| w.to_lowercase())
        .collect();
    while words.len() > 1
        && words
            .last()
            .is_some_and(|w| LEGAL_FORMS.contains(&w.as_str()))
    {
        words.pop();
    }
    let key = |words: &[String]| -> String {
        words.iter().map(|w| stem(w)).collect::<Vec<_>>().join(" ")
    };
    let without_country = COUNTRY_PREFIXES
        .iter()
        .find(|prefix| {
            words.len() > prefix.len() && words.iter().zip(prefix.iter()).all(|(w, p)| w == p)
        })
        .map(|prefix| key(&words[prefix.len()..]));
    (key(&words), without_country)
}

/// The letters of an acronym ("U.N." → "UN"), if `name` is one.
fn acronym_of(name: &str) -> Option<String> {
    let letters: String = name.chars().filter(|c| *c != '.').collect();
    let n = letters.chars().count();
    ((2..=6).contains(&n) && letters.chars().all(|c| c.is_uppercase())).then_some(letters)
}

/// Initials of a multi-word name, ignoring "of", "the", "for", "and".
fn initials(name: &str) -> Option<String> {
    let words: Vec<&str> = name
        .split_whitespace()
        .filter(|w| !SKIP.contains(w))
        .collect();
    if words.len() < 2 {
        return None;
    }
    words
        .iter()
        .map(|w| w.chars().next().filter(|c| c.is_uppercase()))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use dossier_core::Span;

    fn m(text: &str, kind: EntityKind) -> EntityMention {
        EntityMention {
            text: text.into(),
            span: Span::new(0, text.len()),
            sentence: 0,
            kind,
        }
    }

    #[test]
    fn acronyms_surnames_stems_and_place_spellings_merge() {
        use EntityKind::*;
        let a = vec![
            m("Ramzan Kadyrov", Person),
            m("Human Rights Watch", Organization),
            m("Russian LGBT Network", Organization),
            m("U.S.", Place),
        ];
        let b = vec![
            m("Kadyrov", Person),
            m("HRW", Organization),
            m("Russia LGBT Network", Organization),
            m("USA", Place),
            m("United States", Place),
            m("Russian", Nationality),
            m("Russia", Place),
        ];
        let got = merge_story_entities(&[&a, &b]);
        let find = |n: &str| {
            got.iter()
                .find(|e| e.name == n)
                .unwrap_or_else(|| panic!("{n}: {got:#?}"))
        };
        assert_eq!(find("Ramzan Kadyrov").aliases, ["Kadyrov"]);
        assert_eq!(find("Ramzan Kadyrov").mentions, [(0, 0), (1, 0)]);
        assert_eq!(find("Human Rights Watch").aliases, ["HRW"]);
        assert_eq!(
            find("Russian LGBT Network").aliases,
            ["Russia LGBT Network"]
        );
        assert_eq!(find("United States").aliases, ["U.S.", "USA"]);
        let only_short = merge_story_entities(&[&[m("U.S.", Place), m("USA", Place)]]);
        assert_eq!(only_short[0].name, "United States");
        assert_eq!(only_short[0].aliases, ["U.S.", "USA"]);
        assert_eq!(find("Russian").kind, Nationality);
        assert_eq!(find("Russia").kind, Place);
        assert_eq!(got.len(), 6);
    }

    /// Forms seen in MEANTIME's Wikinews articles on Apple, General Motors, Airbus and the
    /// markets.
    #[test]
    fn organisation_legal_forms_countries_and_short_names_merge() {
        use EntityKind::*;
        let a = vec![
            m("Apple Inc", Organization),
            m("General Motors Corporation", Organization),
            m("Aer Lingus Group PLC", Organization),
            m("US Federal Reserve", Organization),
            m("Ford Motor Company", Organization),
            m("Apple CEO Steve Jobs", Person),
            m("U.S. Jobs", Person),
        ];
        let b = vec![
            m("Apple", Organization),
            m("Apple Computer", Organization),
            m("General Motors", Organization),
            m("Aer Lingus", Organization),
            m("Federal Reserve", Organization),
            m("Ford Motors Co", Organization),
            m("Steve Jobs", Person),
            m("Jobs", Person),
        ];
        let got = merge_story_entities(&[&a, &b]);
        let entity_of = |n: &str| {
            got.iter()
                .position(|e| e.name == n || e.aliases.iter().any(|a| a == n))
                .unwrap_or_else(|| panic!("{n}: {got:#?}"))
        };
        for (x, y) in [
            ("Apple Inc", "Apple"),
            ("Apple", "Apple Computer"),
            ("General Motors Corporation", "General Motors"),
            ("Aer Lingus Group PLC", "Aer Lingus"),
            ("US Federal Reserve", "Federal Reserve"),
            ("Ford Motor Company", "Ford Motors Co"),
            ("Apple CEO Steve Jobs", "Steve Jobs"),
            ("Jobs", "Steve Jobs"),
        ] {
            assert_eq!(entity_of(x), entity_of(y), "{x} = {y}: {got:#?}");
        }
        assert_ne!(entity_of("U.S. Jobs"), entity_of("Steve Jobs"));
        assert_ne!(entity_of("Apple"), entity_of("Steve Jobs"));
    }

    #[test]
    fn different_companies_sharing_a_first_word_stay_apart() {
        use EntityKind::*;
        let a = vec![
            m("Ford Motor Company", Organization),
            m("Ford Foundation", Organization),
            m("Ford", Organization),
            m("US Airways", Organization),
            m("Airways", Organization),
            m("British Airways", Organization),
        ];
        let got = merge_story_entities(&[&a]);
        let names: Vec<&str> = got.iter().map(|e| e.name.as_str()).collect();
        assert!(
            names.contains(&"Ford"),
            "ambiguous short name kept apart: {got:#?}"
        );
        assert!(names.contains(&"Ford Foundation"), "{got:#?}");
        assert!(names.contains(&"US Airways"), "{got:#?}");
        assert!(names.contains(&"British Airways"), "{got:#?}");
        let only_one = merge_story_entities(&[&[
            m("United States Senate", Organization),
            m("Senate", Organization),
        ]]);
        assert_eq!(only_one.len(), 1, "{only_one:#?}");
    }

    #[test]
    fn one_name_takes_the_kind_most_of_its_mentions_have() {
        use EntityKind::*;
        let a = vec![
            m("Boeing", Organization),
            m("Boeing", Place),
            m("Chrysler", Person),
        ];
        let b = vec![
            m("Boeing", Organization),
            m("Boeing", Other),
            m("Chrysler", Place),
            m("Russian", Nationality),
        ];
        let got = merge_story_entities(&[&a, &b]);
        let boeing: Vec<_> = got.iter().filter(|e| e.name == "Boeing").collect();
        assert_eq!(boeing.len(), 1, "{got:#?}");
        assert_eq!(boeing[0].kind, Organization);
        assert_eq!(boeing[0].mentions.len(), 4);
        let chrysler: Vec<_> = got.iter().filter(|e| e.name == "Chrysler").collect();
        assert_eq!(chrysler.len(), 1, "a tie goes to the person: {got:#?}");
        assert_eq!(chrysler[0].kind, Person);
        assert!(got.iter().any(|e| e.kind == Nationality));
    }

    #[test]
    fn ambiguous_surnames_stay_apart() {
        use EntityKind::*;
        let a = vec![
            m("John Smith", Person),
            m("Jane Smith", Person),
            m("Smith", Person),
        ];
        let got = merge_story_entities(&[&a]);
        assert_eq!(got.len(), 3, "{got:#?}");
    }
}
