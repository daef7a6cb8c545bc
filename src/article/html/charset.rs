//! The text of an HTML file's bytes: a byte order mark, else the charset the server named,
//! else the page's own `<meta charset>` (looked for in its first 1024 bytes, as browsers
//! do), else UTF-8, else — when the bytes are not UTF-8 — windows-1252, what browsers
//! assume for old Western pages. Gzipped files (`.html.gz`) are inflated first, within
//! the size cap.

use encoding_rs::{Encoding, UTF_8, WINDOWS_1252};

/// How far into the page a `<meta charset>` is looked for.
const PRESCAN_BYTES: usize = 1024;

/// The page as text, and the encoding it was read in.
pub fn decode(bytes: &[u8], content_type: Option<&str>) -> (String, &'static Encoding) {
    if let Some((encoding, bom)) = Encoding::for_bom(bytes) {
        let (text, _) = encoding.decode_without_bom_handling(bytes.get(bom..).unwrap_or_default());
        return (text.into_owned(), encoding);
    }
    let named = content_type
        .and_then(charset_param)
        .or_else(|| meta_charset(bytes.get(..PRESCAN_BYTES).unwrap_or(bytes)));
    // A page calling itself UTF-16 without a BOM is ASCII-compatible in fact (WHATWG).
    let named = named.map(|e| {
        if e.is_single_byte() || e == UTF_8 {
            e
        } else {
            UTF_8
        }
    });
    let encoding = match named {
        Some(e) => e,
        None if std::str::from_utf8(bytes).is_ok() => UTF_8,
        None => WINDOWS_1252,
    };
    let (text, _) = encoding.decode_without_bom_handling(bytes);
    (text.into_owned(), encoding)
}

/// The encoding a `Content-Type` header names (`text/html; charset="ISO-8859-1"`).
fn charset_param(content_type: &str) -> Option<&'static Encoding> {
    content_type.split(';').skip(1).find_map(|param| {
        let (key, value) = param.split_once('=')?;
        key.trim()
            .eq_ignore_ascii_case("charset")
            .then(|| Encoding::for_label(value.trim().trim_matches(['"', '\'']).as_bytes()))?
    })
}

/// The encoding a `<meta charset=…>` or `<meta http-equiv=Content-Type content="…;
/// charset=…">` in `head` names.
fn meta_charset(head: &[u8]) -> Option<&'static Encoding> {
    let text = String::from_utf8_lossy(head).to_ascii_lowercase();
    let mut rest = text.as_str();
    while let Some(at) = rest.find("<meta") {
        let tag_end = rest.get(at..)?.find('>').map_or(rest.len(), |e| at + e);
        let tag = rest.get(at..tag_end)?;
        if let Some(pos) = tag.find("charset") {
            let after = tag.get(pos + "charset".len()..)?.trim_start();
            if let Some(value) = after.strip_prefix('=') {
                let value = value.trim_start().trim_start_matches(['"', '\'']);
                let end = value
                    .find(|c: char| {
                        c == '"' || c == '\'' || c == ';' || c == '/' || c.is_whitespace()
                    })
                    .unwrap_or(value.len());
                if let Some(e) = value
                    .get(..end)
                    .and_then(|l| Encoding::for_label(l.as_bytes()))
                {
                    return Some(e);
                }
            }
        }
        rest = rest.get(tag_end..)?;
    }
    None
}

/// The bytes of a gzip stream, inflated; `None` when it is not gzip or inflates to more
/// than `limit` bytes.
pub fn gunzip(bytes: &[u8], limit: u64) -> Option<Vec<u8>> {
    use std::io::Read;
    let mut out = Vec::new();
    flate2::read::GzDecoder::new(bytes)
        .take(limit + 1)
        .read_to_end(&mut out)
        .ok()?;
    (out.len() as u64 <= limit).then_some(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_bom_then_the_header_then_the_meta_then_utf8_then_windows_1252() {
        let bom = b"\xef\xbb\xbf<p>caf\xc3\xa9</p>";
        assert_eq!(
            decode(bom, Some("text/html; charset=iso-8859-1")).0,
            "<p>café</p>"
        );
        let latin = b"<p>caf\xe9</p>";
        assert_eq!(
            decode(latin, Some("text/html; charset=\"ISO-8859-1\"")).0,
            "<p>café</p>"
        );
        let meta = b"<html><head><meta charset=\"windows-1252\"></head><p>\x93hi\x94</p>";
        assert!(decode(meta, None).0.contains("“hi”"));
        let equiv =
            b"<meta http-equiv=\"Content-Type\" content=\"text/html; charset=koi8-r\"><p>\xc1</p>";
        assert_eq!(decode(equiv, None).1, encoding_rs::KOI8_R);
        assert_eq!(decode("<p>café</p>".as_bytes(), None).1, UTF_8);
        assert_eq!(
            decode(b"<p>caf\xe9</p>", None).0,
            "<p>café</p>",
            "not UTF-8: windows-1252"
        );
        // A page claiming UTF-16 without a BOM is read as UTF-8.
        assert_eq!(decode(b"<meta charset=utf-16><p>x</p>", None).1, UTF_8);
    }

    #[test]
    fn gzip_is_inflated_within_the_cap() {
        use std::io::Write;
        let mut gz = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::default());
        gz.write_all(&vec![b'a'; 10_000]).unwrap();
        let bytes = gz.finish().unwrap();
        assert_eq!(gunzip(&bytes, 20_000).map(|b| b.len()), Some(10_000));
        assert_eq!(gunzip(&bytes, 9_999), None, "over the cap");
        assert_eq!(gunzip(b"<html>not gzip", 100), None);
    }

    proptest::proptest! {
        #[test]
        fn any_bytes_decode(bytes in proptest::collection::vec(proptest::num::u8::ANY, 0..400), ct in "[a-z/;= -]{0,30}") {
            let _ = decode(&bytes, Some(&ct));
        }
    }
}
