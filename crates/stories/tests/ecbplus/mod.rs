//! ECB+ (Cybulska and Vossen, 2014) read for the evaluations that score on it: 982 news
//! articles in 43 topics, each topic two real events of the same kind (`N_Kecb.xml` files
//! report one, `N_Kecbplus.xml` files the other), with event and participant mentions
//! ("markables") linked within and across documents. Included by `#[path]` from the
//! story-clustering and claim-grouping evaluations.
#![allow(dead_code)]

use std::collections::{BTreeMap, HashMap};
use std::path::{Path, PathBuf};

use quick_xml::events::{BytesStart, Event};

/// The corpus directory beside the checkout (holding `ECB+/` and the sentence list), if
/// present; tests skip themselves when it is not.
pub fn corpus_dir() -> Option<PathBuf> {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../../shared/data/ecbplus");
    if dir.join("ECB+").exists() {
        Some(dir)
    } else {
        eprintln!("{} missing; skipping", dir.display());
        None
    }
}

/// The article files, in path order.
pub fn article_paths(dir: &Path) -> Vec<PathBuf> {
    let mut paths: Vec<PathBuf> = std::fs::read_dir(dir.join("ECB+"))
        .expect("ECB+ directory")
        .flat_map(|topic| std::fs::read_dir(topic.expect("entry").path()).expect("topic"))
        .map(|f| f.expect("entry").path())
        .filter(|p| p.extension().is_some_and(|e| e == "xml"))
        .collect();
    paths.sort();
    paths
}

/// One token of an article.
pub struct Token {
    /// Sentence number.
    pub sentence: u32,
    /// Its text, character references resolved.
    pub text: String,
}

/// One annotated mention: its tag (`ACTION_OCCURRENCE`, `HUMAN_PART_PER`, ...) and tokens.
pub struct Markable {
    /// Tag name.
    pub tag: String,
    /// `t_id`s of its tokens.
    pub anchors: Vec<String>,
}

/// One ECB+ file as annotated.
pub struct EcbFile {
    /// Topic number (1–45; 15 and 17 are not in the corpus).
    pub topic: u32,
    /// `ecb` or `ecbplus`: which of the topic's two events it reports.
    pub event: &'static str,
    /// File name, e.g. `1_10ecbplus.xml`.
    pub file: String,
    /// Tokens by `t_id`.
    pub tokens: HashMap<String, Token>,
    /// Markables by `m_id`.
    pub markables: HashMap<String, Markable>,
    /// Markable `m_id` → the instance it is linked to: a cross-document instance's note, or
    /// `file:r_id` for a chain within this document only.
    pub instance: HashMap<String, String>,
}

impl EcbFile {
    /// The sentences' tokens in `t_id` order, by sentence number, blank tokens left out.
    /// In the ecbplus files sentence 0 is the address the article was found at, not its text,
    /// and is left out too.
    pub fn sentences(&self) -> BTreeMap<u32, Vec<&str>> {
        let mut by_sentence: BTreeMap<u32, Vec<(u32, &str)>> = BTreeMap::new();
        for (id, token) in &self.tokens {
            if !token.text.trim().is_empty() {
                let id: u32 = id.parse().expect("numeric t_id");
                by_sentence
                    .entry(token.sentence)
                    .or_default()
                    .push((id, token.text.trim()));
            }
        }
        if self.event == "ecbplus" {
            by_sentence.remove(&0);
        }
        by_sentence
            .into_iter()
            .map(|(n, mut words)| {
                words.sort();
                (n, words.into_iter().map(|(_, w)| w).collect())
            })
            .collect()
    }
}

fn attribute(e: &BytesStart<'_>, name: &str) -> Option<String> {
    e.try_get_attribute(name)
        .expect("attribute")
        .map(|a| a.value.to_string())
}

/// Reads one ECB+ file (`<topic>/<topic>_<n>ecb.xml` or `..ecbplus.xml`).
pub fn read_file(path: &Path) -> EcbFile {
    let file = path
        .file_name()
        .and_then(|f| f.to_str())
        .expect("file name")
        .to_string();
    let event = if file.ends_with("ecbplus.xml") {
        "ecbplus"
    } else {
        "ecb"
    };
    let topic: u32 = file
        .split('_')
        .next()
        .and_then(|t| t.parse().ok())
        .expect("topic number");
    let xml = std::fs::read_to_string(path).expect("readable ECB+ file");
    let mut reader = quick_xml::Reader::from_str(&xml);
    let mut tokens: HashMap<String, Token> = HashMap::new();
    let mut current_token: Option<(String, Token)> = None;
    let mut markables: HashMap<String, Markable> = HashMap::new();
    let mut current_markable: Option<String> = None;
    let mut in_markables = false;
    let mut instance: HashMap<String, String> = HashMap::new();
    let mut current_relation: Option<String> = None;
    loop {
        match reader.read_event().expect("well-formed ECB+ XML") {
            Event::Start(e) => {
                let name = e.name().into_inner().to_string();
                match name.as_str() {
                    "token" => {
                        let id = attribute(&e, "t_id").expect("t_id");
                        let sentence = attribute(&e, "sentence")
                            .and_then(|s| s.trim().parse().ok())
                            .expect("sentence number");
                        current_token = Some((
                            id,
                            Token {
                                sentence,
                                text: String::new(),
                            },
                        ));
                    }
                    "Markables" => in_markables = true,
                    "CROSS_DOC_COREF" => {
                        current_relation = Some(attribute(&e, "note").expect("instance note"))
                    }
                    "INTRA_DOC_COREF" => {
                        current_relation = Some(format!(
                            "{file}:{}",
                            attribute(&e, "r_id").expect("relation id")
                        ))
                    }
                    _ if in_markables => {
                        let id = attribute(&e, "m_id").expect("m_id");
                        markables.insert(
                            id.clone(),
                            Markable {
                                tag: name,
                                anchors: Vec::new(),
                            },
                        );
                        current_markable = Some(id);
                    }
                    _ => {}
                }
            }
            Event::Empty(e) => match e.name().into_inner() {
                "token_anchor" => {
                    if let Some(m) = &current_markable {
                        let t = attribute(&e, "t_id").expect("anchor t_id");
                        markables.get_mut(m).expect("open markable").anchors.push(t);
                    }
                }
                "source" => {
                    if let Some(r) = &current_relation {
                        instance.insert(attribute(&e, "m_id").expect("source m_id"), r.clone());
                    }
                }
                _ => {}
            },
            Event::Text(t) => {
                if let Some((_, token)) = &mut current_token {
                    token.text.push_str(&t.xml10_content());
                }
            }
            Event::GeneralRef(r) => {
                if let Some((_, token)) = &mut current_token {
                    if let Some(c) = r.resolve_char_ref().expect("character reference") {
                        token.text.push(c);
                    } else {
                        let name = r.xml10_content();
                        token.text.push_str(
                            quick_xml::escape::resolve_predefined_entity(&name)
                                .expect("predefined entity"),
                        );
                    }
                }
            }
            Event::End(e) => match e.name().into_inner() {
                "token" => {
                    if let Some((id, token)) = current_token.take() {
                        tokens.insert(id, token);
                    }
                }
                "Markables" => in_markables = false,
                "CROSS_DOC_COREF" | "INTRA_DOC_COREF" => current_relation = None,
                _ if in_markables => current_markable = None,
                _ => {}
            },
            Event::Eof => break,
            _ => {}
        }
    }
    EcbFile {
        topic,
        event,
        file,
        tokens,
        markables,
        instance,
    }
}
