//! Prints the article of one page (`.html` or `.html.gz`): `cargo run -p dossier-web
//! --example extract_page -- FILE`.
use std::io::Read;

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let path = std::env::args().nth(1).ok_or("usage: extract_page FILE")?;
    let mut bytes = Vec::new();
    if path.ends_with(".gz") {
        flate2::read::GzDecoder::new(std::fs::File::open(&path)?).read_to_end(&mut bytes)?;
    } else {
        bytes = std::fs::read(&path)?;
    }
    match dossier_web::extract_article(&bytes, None, None) {
        Ok(article) => println!("{article:#?}"),
        Err(e) => println!("{path}: {e}"),
    }
    Ok(())
}
