//! Turning a file's bytes into text: UTF-8 (lossily if need be), UTF-16 with a byte order
//! mark, or a refusal when the bytes are binary.

/// How much of the start of a file is inspected to tell text from binary.
const SNIFF_BYTES: usize = 8 * 1024;
/// Above this share of control characters in the sniffed bytes, a file is binary.
const MAX_CONTROL_SHARE: f64 = 0.10;

#[derive(Debug, PartialEq, Eq)]
pub(super) enum Decoded {
    Text {
        text: String,
        /// Set when the bytes were not clean UTF-8.
        warning: Option<String>,
    },
    Binary,
}

#[cfg(test)]
pub(super) fn decode(bytes: &[u8]) -> Decoded {
    decode_owned(bytes.to_vec())
}

/// As [`decode`], taking the bytes: clean UTF-8 becomes the text without a copy.
pub(super) fn decode_owned(bytes: Vec<u8>) -> Decoded {
    if let Some(text) = decode_utf16(&bytes) {
        return if looks_binary_text(&text) {
            Decoded::Binary
        } else {
            Decoded::Text {
                text,
                warning: None,
            }
        };
    }
    if looks_binary(&bytes) {
        return Decoded::Binary;
    }
    match String::from_utf8(bytes) {
        Ok(text) => Decoded::Text {
            text,
            warning: None,
        },
        Err(e) => {
            let bytes = e.into_bytes();
            let invalid = bytes
                .utf8_chunks()
                .filter(|chunk| !chunk.invalid().is_empty())
                .count();
            Decoded::Text {
                text: String::from_utf8_lossy(&bytes).into_owned(),
                warning: Some(format!(
                    "not valid UTF-8: {invalid} invalid byte sequence(s) shown as \u{fffd}"
                )),
            }
        }
    }
}

/// Text saved as UTF-16 by Windows tools starts with a byte order mark; decoded here rather
/// than refused as binary because of its NUL bytes.
fn decode_utf16(bytes: &[u8]) -> Option<String> {
    let (little_endian, body) = match bytes {
        [0xff, 0xfe, body @ ..] => (true, body),
        [0xfe, 0xff, body @ ..] => (false, body),
        _ => return None,
    };
    let units = body.chunks(2).map(|pair| match (pair, little_endian) {
        ([low, high], true) => u16::from_le_bytes([*low, *high]),
        ([high, low], false) => u16::from_be_bytes([*high, *low]),
        // An odd trailing byte cannot be a character.
        _ => 0xfffd,
    });
    Some(
        char::decode_utf16(units)
            .map(|unit| unit.unwrap_or(char::REPLACEMENT_CHARACTER))
            .collect(),
    )
}

/// NUL bytes, or many control bytes, in the first [`SNIFF_BYTES`].
fn looks_binary(bytes: &[u8]) -> bool {
    let head = bytes.get(..SNIFF_BYTES).unwrap_or(bytes);
    if head.contains(&0) {
        return true;
    }
    let control = head.iter().filter(|&&b| is_control(u32::from(b))).count();
    too_many(control, head.len())
}

fn looks_binary_text(text: &str) -> bool {
    let (mut total, mut control, mut nul) = (0, 0, false);
    for c in text.chars().take(SNIFF_BYTES) {
        total += 1;
        nul |= c == '\0';
        control += usize::from(is_control(u32::from(c)));
    }
    nul || too_many(control, total)
}

/// C0 controls and DEL, except the ones text uses: tab, line feed, form feed, carriage
/// return, and escape (colour codes in terminal captures).
fn is_control(code: u32) -> bool {
    matches!(code, 0x00..=0x08 | 0x0b | 0x0e..=0x1a | 0x1c..=0x1f | 0x7f)
}

fn too_many(control: usize, total: usize) -> bool {
    total > 0 && control as f64 / total as f64 > MAX_CONTROL_SHARE
}

#[cfg(test)]
mod tests {
    use super::*;

    fn text(bytes: &[u8]) -> String {
        match decode(bytes) {
            Decoded::Text { text, .. } => text,
            Decoded::Binary => panic!("decoded as binary"),
        }
    }

    #[test]
    fn clean_utf8_has_no_warning() {
        assert_eq!(
            decode("Señal ↺\r\n".as_bytes()),
            Decoded::Text {
                text: "Señal ↺\r\n".to_string(),
                warning: None
            }
        );
    }

    #[test]
    fn invalid_utf8_is_replaced_and_counted() {
        let Decoded::Text { text, warning } = decode(b"a\xffb\xc3(c") else {
            panic!("binary");
        };
        assert_eq!(text, "a\u{fffd}b\u{fffd}(c");
        assert_eq!(
            warning.as_deref(),
            Some("not valid UTF-8: 2 invalid byte sequence(s) shown as \u{fffd}")
        );
    }

    #[test]
    fn nul_bytes_mean_binary() {
        assert_eq!(decode(b"text\0more"), Decoded::Binary);
    }

    #[test]
    fn many_control_bytes_mean_binary_a_few_do_not() {
        let mut noisy = b"abcdefgh".repeat(10);
        noisy.extend([0x01; 20]);
        assert_eq!(decode(&noisy), Decoded::Binary);
        let mut mostly_text = b"abcdefgh".repeat(10);
        mostly_text.extend([0x01, 0x1b, 0x0c]);
        assert!(matches!(decode(&mostly_text), Decoded::Text { .. }));
    }

    #[test]
    fn only_the_head_is_sniffed() {
        let mut late_nul = vec![b'a'; SNIFF_BYTES];
        late_nul.push(0);
        assert!(matches!(decode(&late_nul), Decoded::Text { .. }));
    }

    #[test]
    fn utf16_with_bom_is_decoded() {
        let mut le = vec![0xff, 0xfe];
        le.extend("Hé ↺".encode_utf16().flat_map(u16::to_le_bytes));
        assert_eq!(text(&le), "Hé ↺");
        let mut be = vec![0xfe, 0xff];
        be.extend("Hé ↺".encode_utf16().flat_map(u16::to_be_bytes));
        assert_eq!(text(&be), "Hé ↺");
        let mut binary = vec![0xff, 0xfe];
        binary.extend([0u8; 64]);
        assert_eq!(decode(&binary), Decoded::Binary);
    }

    #[test]
    fn empty_input_is_empty_text() {
        assert_eq!(text(b""), "");
    }
}
