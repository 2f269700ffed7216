//! Trains the entity tagger on CoNLL-2003 and writes the model file.
//!
//! ```text
//! cargo run --release -p dossier-extract --example train_ner -- \
//!     ../shared/data/conll2003 crates/extract/models/ner.bin [epochs]
//! ```
//!
//! Trains on `eng.train` and prints exact-match F1 on `eng.testa` after each epoch (the
//! number of epochs was chosen there); `eng.testb` is not read. Deterministic: the sentence
//! order is shuffled with a fixed seed.

use std::path::PathBuf;
use std::time::Instant;

use dossier_extract::entities::tagger::conll::{self, Counts};
use dossier_extract::entities::tagger::{NerType, Tagger, TrainOptions, Trainer};

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let mut args = std::env::args().skip(1);
    let (Some(dir), Some(out)) = (args.next(), args.next()) else {
        eprintln!("usage: train_ner <conll2003 dir> <model out> [epochs]");
        std::process::exit(2);
    };
    let dir = PathBuf::from(dir);
    let mut options = TrainOptions::default();
    if let Some(e) = args.next() {
        options.epochs = e.parse()?;
    }
    let train = conll::read(&std::fs::read_to_string(dir.join("eng.train"))?);
    let dev = conll::read(&std::fs::read_to_string(dir.join("eng.testa"))?);
    let sentences: Vec<_> = train.into_iter().flat_map(|d| d.sentences).collect();
    let tokens: usize = sentences.iter().map(|s| s.words.len()).sum();
    println!(
        "eng.train: {} sentences, {tokens} tokens; {options:?}",
        sentences.len()
    );
    let started = Instant::now();
    let mut trainer = Trainer::new(sentences, options);
    trainer.train(|epoch, error, t| {
        let f = dev_f1(&t.averaged(), &dev);
        println!(
            "epoch {epoch:>2}: train token error {error:.4}, eng.testa F1 {f:.4} ({:.1} s)",
            started.elapsed().as_secs_f64()
        );
    });
    let bytes = trainer.to_bytes()?;
    std::fs::write(&out, &bytes)?;
    let model = Tagger::from_bytes(&bytes)?;
    let mut counts = Counts::default();
    for s in dev.iter().flat_map(|d| &d.sentences) {
        let words: Vec<&str> = s.words.iter().map(String::as_str).collect();
        counts.add(&s.tags, &model.tag(&words));
    }
    println!(
        "wrote {out}: {} features, {} bytes; training {:.1} s",
        model.features(),
        bytes.len(),
        started.elapsed().as_secs_f64()
    );
    println!("eng.testa with the written (quantised) model, tagger alone:");
    for k in NerType::ALL {
        let (p, r, f) = counts.prf(Some(k));
        println!("  {:<5} P {p:.4} R {r:.4} F1 {f:.4}", k.label());
    }
    let (p, r, f) = counts.prf(None);
    println!("  all   P {p:.4} R {r:.4} F1 {f:.4}");
    Ok(())
}

fn dev_f1(model: &Tagger, dev: &[conll::ConllDocument]) -> f64 {
    let mut counts = Counts::default();
    for s in dev.iter().flat_map(|d| &d.sentences) {
        let words: Vec<&str> = s.words.iter().map(String::as_str).collect();
        counts.add(&s.tags, &model.tag(&words));
    }
    counts.prf(None).2
}
