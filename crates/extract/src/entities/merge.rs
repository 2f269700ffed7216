//! Story-level alias merging of entity mentions.

use std::collections::HashMap;

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
/// - spellings of the same place ("U.S.", "USA", "United States").
///
/// The canonical name is the longest form (ties: more mentions, then first seen), except for
/// nationalities (the shortest: "Chechen" for "Chechens", "Chechnyan") and places with
/// several spellings (the full name: "United States" for "U.S." and "USA"); the other forms
/// are aliases in order of first appearance. Entities come out in order of first mention.
pub fn merge_story_entities(docs: &[&[EntityMention]]) -> Vec<StoryEntity> {
    let mut forms: Vec<Form> = Vec::new();
    let mut index: HashMap<(EntityKind, String), usize> = HashMap::new();
    for (d, mentions) in docs.iter().enumerate() {
        for (m, mention) in mentions.iter().enumerate() {
            let text = normalise_spaces(&mention.text);
            if text.is_empty() {
                continue;
            }
            let key = (mention.kind, text.clone());
            let i = *index.entry(key).or_insert_with(|| {
                forms.push(Form {
                    text,
                    kind: mention.kind,
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
            Some(&j) => uf.union(i, j),
            None => {
                by_key.insert((f.kind, key), i);
            }
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
                uf.union(a, b);
            }
        }
    }
    // One-word person names: the surname of exactly one full name.
    for &a in &persons {
        let wa = words_of(a);
        if wa.len() != 1 {
            continue;
        }
        let mut roots: Vec<usize> = persons
            .iter()
            .filter(|&&b| {
                let wb = words_of(b);
                wb.len() >= 2 && wb.last() == wa.first()
            })
            .map(|&b| uf.find(b))
            .collect();
        roots.sort_unstable();
        roots.dedup();
        if let [root] = roots[..] {
            uf.union(a, root);
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
            uf.union(a, root);
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

struct UnionFind {
    parent: Vec<usize>,
}

impl UnionFind {
    fn new(n: usize) -> Self {
        UnionFind {
            parent: (0..n).collect(),
        }
    }

    fn find(&mut self, mut i: usize) -> usize {
        while self.parent[i] != i {
            self.parent[i] = self.parent[self.parent[i]];
            i = self.parent[i];
        }
        i
    }

    fn union(&mut self, a: usize, b: usize) {
        let (ra, rb) = (self.find(a), self.find(b));
        if ra != rb {
            // Keep the smaller index as root so results do not depend on hash order.
            let (lo, hi) = if ra < rb { (ra, rb) } else { (rb, ra) };
            self.parent[hi] = lo;
        }
    }
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
