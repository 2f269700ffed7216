//! Bytes of a page to text: the character encoding from a byte-order mark, the HTTP
//! header, the page's own `<meta>` declaration, or (when none is given) a guess from the
//! bytes, in that order, as browsers do.

use encoding_rs::Encoding;

/// How far into the page a `<meta charset>` declaration is looked for (the HTML standard's
/// prescan reads 1024 bytes; real pages put long `<head>`s first, so look further).
const META_PRESCAN_BYTES: usize = 4096;

/// The page decoded to UTF-8, and the name of the encoding used. Bytes invalid in that
/// encoding become U+FFFD.
pub fn decode(bytes: &[u8], http_charset: Option<&str>) -> (String, &'static str) {
    let encoding = Encoding::for_bom(bytes)
        .map(|(e, _)| e)
        .or_else(|| http_charset.and_then(|c| Encoding::for_label(c.trim().as_bytes())))
        .or_else(|| meta_charset(&bytes[..bytes.len().min(META_PRESCAN_BYTES)]))
        .unwrap_or_else(|| guess(bytes));
    let (text, used, _) = encoding.decode(bytes);
    (text.into_owned(), used.name())
}

/// The encoding a `<meta charset=…>` or `<meta http-equiv content="…; charset=…">` names.
fn meta_charset(head: &[u8]) -> Option<&'static Encoding> {
    let lower = head.to_ascii_lowercase();
    let mut from = 0;
    while let Some(pos) = find(&lower[from..], b"charset") {
        let mut i = from + pos + b"charset".len();
        while i < lower.len() && lower[i].is_ascii_whitespace() {
            i += 1;
        }
        if lower.get(i) == Some(&b'=') {
            i += 1;
            while i < lower.len() && matches!(lower[i], b' ' | b'"' | b'\'') {
                i += 1;
            }
            let end = lower[i..]
                .iter()
                .position(|b| {
                    !(b.is_ascii_alphanumeric() || matches!(b, b'-' | b'_' | b':' | b'.'))
                })
                .map_or(lower.len(), |n| i + n);
            if let Some(encoding) = Encoding::for_label(&lower[i..end]) {
                // A page served as UTF-16 cannot declare it in ASCII; the standard reads
                // such a declaration as UTF-8.
                return Some(
                    if encoding == encoding_rs::UTF_16LE || encoding == encoding_rs::UTF_16BE {
                        encoding_rs::UTF_8
                    } else {
                        encoding
                    },
                );
            }
        }
        from = i.max(from + pos + 1);
    }
    None
}

fn find(haystack: &[u8], needle: &[u8]) -> Option<usize> {
    haystack.windows(needle.len()).position(|w| w == needle)
}

/// UTF-8 when the bytes are valid UTF-8, otherwise chardetng's guess.
fn guess(bytes: &[u8]) -> &'static Encoding {
    if std::str::from_utf8(bytes).is_ok() {
        return encoding_rs::UTF_8;
    }
    let mut detector = chardetng::EncodingDetector::new(chardetng::Iso2022JpDetection::Deny);
    detector.feed(bytes, true);
    detector.guess(None, chardetng::Utf8Detection::Allow)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn meta_charset_wins_over_guess() {
        let page = b"<html><head><meta charset=\"windows-1251\"></head><body>\xcf\xf0\xe8\xe2\xe5\xf2</body></html>";
        let (text, name) = decode(page, None);
        assert_eq!(name, "windows-1251");
        assert!(text.contains("Привет"));
    }

    #[test]
    fn http_equiv_declaration() {
        let page = b"<meta http-equiv=\"Content-Type\" content=\"text/html; charset=ISO-8859-1\"><p>Caf\xe9</p>";
        let (text, _) = decode(page, None);
        assert!(text.contains("Café"));
    }

    #[test]
    fn http_header_wins_over_meta() {
        let page = b"<meta charset=\"utf-8\"><p>Caf\xe9</p>";
        let (text, name) = decode(page, Some("iso-8859-1"));
        assert_eq!(name, "windows-1252");
        assert!(text.contains("Café"));
    }

    #[test]
    fn undeclared_latin1_is_guessed() {
        let page = "<p>Le gouvernement a annoncé une réforme de l'éducation très attendue, débattue depuis des années à l'Assemblée.</p>";
        let (latin1, _, _) = encoding_rs::WINDOWS_1252.encode(page);
        let (text, _) = decode(&latin1, None);
        assert!(text.contains("annoncé une réforme"), "{text}");
    }

    #[test]
    fn undeclared_utf8_stays_utf8() {
        let (text, name) = decode("<p>Грозный — «Новая газета»</p>".as_bytes(), None);
        assert_eq!(name, "UTF-8");
        assert!(text.contains("«Новая газета»"));
    }
}
