//! The annotation model: what a reader marked in an article, and what they wrote about it.
//!
//! Positions that are stored ([`Target::start`], [`Target::end`]) are Unicode code points,
//! end exclusive, like W3C `TextPositionSelector`s; the library works in byte offsets and
//! converts at this edge with [`CodePoints`].

use std::fmt;
use std::sync::atomic::{AtomicU64, Ordering};

use serde::{Deserialize, Deserializer, Serialize, Serializer};
use time::OffsetDateTime;
use time::format_description::well_known::Rfc3339;

use crate::extract::{ClaimClass, Span};
use crate::text::offsets::CodePoints;

/// Code points of context kept on each side of a quote. W3C and Hypothesis use 32; a little
/// more tells repeated phrases apart better at no real cost.
pub const CONTEXT_CHARS: usize = 40;

/// A stable, unique annotation id: a 26-character ULID (48-bit milliseconds + 80 random
/// bits, Crockford base32), so ids sort by creation time and need no coordination between
/// instances. Ids read from hand-edited files may be any non-empty string.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(transparent)]
pub struct AnnotationId(String);

const CROCKFORD: &[u8; 32] = b"0123456789ABCDEFGHJKMNPQRSTVWXYZ";

impl AnnotationId {
    /// A new ULID for an annotation created at `now`.
    pub fn generate(now: Timestamp) -> Self {
        let millis = u128::try_from(now.unix_millis()).unwrap_or(0) & ((1 << 48) - 1);
        let value = (millis << 80) | (random_u80() & ((1 << 80) - 1));
        let mut out = String::with_capacity(26);
        for i in (0..26).rev() {
            let digit = ((value >> (i * 5)) & 31) as usize;
            out.push(char::from(CROCKFORD.get(digit).copied().unwrap_or(b'0')));
        }
        AnnotationId(out)
    }

    /// An id as written in a file; `None` when it is empty or blank.
    pub fn parse(text: &str) -> Option<Self> {
        let text = text.trim();
        (!text.is_empty()).then(|| AnnotationId(text.to_owned()))
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl fmt::Display for AnnotationId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

fn random_u80() -> u128 {
    let mut bytes = [0u8; 16];
    if getrandom::fill(&mut bytes).is_err() {
        // No OS randomness (never seen on supported platforms): mix the clock, the process
        // id and a counter so ids still differ between instances and calls.
        static COUNTER: AtomicU64 = AtomicU64::new(0);
        let nanos = OffsetDateTime::now_utc().unix_timestamp_nanos() as u64;
        let seed = nanos ^ (u64::from(std::process::id()) << 32);
        let a = splitmix(seed ^ COUNTER.fetch_add(1, Ordering::Relaxed));
        let b = splitmix(a);
        bytes[..8].copy_from_slice(&a.to_le_bytes());
        bytes[8..].copy_from_slice(&b.to_le_bytes());
    }
    u128::from_le_bytes(bytes)
}

fn splitmix(mut x: u64) -> u64 {
    x = x.wrapping_add(0x9E37_79B9_7F4A_7C15);
    x = (x ^ (x >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
    x = (x ^ (x >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
    x ^ (x >> 31)
}

/// An instant, stored as an RFC 3339 UTC string with milliseconds
/// (`2025-06-01T12:30:05.123Z`). Any RFC 3339 offset is accepted when reading.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Timestamp(OffsetDateTime);

impl Timestamp {
    /// The current time, truncated to milliseconds so it survives a save/load round trip.
    pub fn now() -> Self {
        Self::from_unix_millis(OffsetDateTime::now_utc().unix_timestamp_nanos() / 1_000_000)
    }

    /// The instant `millis` milliseconds after the Unix epoch (clamped to years 0–9999).
    pub fn from_unix_millis(millis: i128) -> Self {
        let nanos = millis.clamp(-62_167_219_200_000, 253_402_300_799_999) * 1_000_000;
        Timestamp(
            OffsetDateTime::from_unix_timestamp_nanos(nanos).unwrap_or(OffsetDateTime::UNIX_EPOCH),
        )
    }

    pub fn unix_millis(self) -> i128 {
        self.0.unix_timestamp_nanos() / 1_000_000
    }

    /// Parses any RFC 3339 date-time and normalises it to UTC. An instant whose UTC year
    /// falls outside 0–9999 (`9999-12-31T23:59:59-01:00`) is refused rather than
    /// converted with a panic or written back in a form RFC 3339 cannot read.
    pub fn parse(text: &str) -> Option<Self> {
        let t = OffsetDateTime::parse(text.trim(), &Rfc3339).ok()?;
        let utc = t.checked_to_offset(time::UtcOffset::UTC)?;
        (0..=9999).contains(&utc.year()).then_some(Timestamp(utc))
    }
}

impl fmt::Display for Timestamp {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let t = self.0;
        write!(
            f,
            "{:04}-{:02}-{:02}T{:02}:{:02}:{:02}",
            t.year(),
            u8::from(t.month()),
            t.day(),
            t.hour(),
            t.minute(),
            t.second(),
        )?;
        // Milliseconds, or as many more digits as the instant holds, so that a time read
        // from a file is written back unchanged.
        let nanos = t.nanosecond();
        if nanos.is_multiple_of(1_000_000) {
            write!(f, ".{:03}Z", nanos / 1_000_000)
        } else if nanos.is_multiple_of(1_000) {
            write!(f, ".{:06}Z", nanos / 1_000)
        } else {
            write!(f, ".{nanos:09}Z")
        }
    }
}

impl Serialize for Timestamp {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_str(self)
    }
}

impl<'de> Deserialize<'de> for Timestamp {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let text = String::deserialize(deserializer)?;
        Timestamp::parse(&text).ok_or_else(|| {
            serde::de::Error::custom(format!(
                "`{text}` is not an RFC 3339 date-time in the years 0000-9999 (UTC), such as \"2025-06-01T12:30:05.123Z\""
            ))
        })
    }
}

/// Where an annotation sits in its article: a W3C `TextQuoteSelector` (the quote and its
/// context) plus a `TextPositionSelector` (code point offsets, end exclusive).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Target {
    pub start: usize,
    pub end: usize,
    /// The passage itself, as it was when annotated.
    pub exact: String,
    /// Up to [`CONTEXT_CHARS`] code points before the passage (fewer only at the text start).
    #[serde(default)]
    pub prefix: String,
    /// Up to [`CONTEXT_CHARS`] code points after the passage (fewer only at the text end).
    #[serde(default)]
    pub suffix: String,
    /// Keys this version does not know, kept as they were.
    #[serde(flatten)]
    pub extra: toml::Table,
}

impl Target {
    /// The target of the byte span `span` of `text`; `None` when the span is empty, out of
    /// range or not on character boundaries.
    pub fn from_span(text: &str, code_points: &CodePoints, span: Span) -> Option<Self> {
        let exact = text.get(span.start..span.end).filter(|s| !s.is_empty())?;
        let before = text.get(..span.start)?;
        let after = text.get(span.end..)?;
        let prefix_start = before
            .char_indices()
            .rev()
            .nth(CONTEXT_CHARS - 1)
            .map_or(0, |(i, _)| i);
        let suffix_end = after
            .char_indices()
            .nth(CONTEXT_CHARS)
            .map_or(after.len(), |(i, _)| i);
        Some(Target {
            start: code_points.to_char(span.start),
            end: code_points.to_char(span.end),
            exact: exact.to_owned(),
            prefix: before.get(prefix_start..).unwrap_or_default().to_owned(),
            suffix: after.get(..suffix_end).unwrap_or_default().to_owned(),
            extra: toml::Table::new(),
        })
    }
}

/// What an annotation on a claim records of the claim.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ClaimFacts<'a> {
    /// The canonical speaker; `None` when the claim is unattributed.
    pub speaker: Option<&'a str>,
    pub class: ClaimClass,
}

/// One annotation: a passage with its tags and note.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Annotation {
    pub id: AnnotationId,
    pub created: Timestamp,
    pub updated: Timestamp,
    /// The canonical speaker when the passage is a claim.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub speaker: Option<String>,
    /// The claim's class when the passage is a claim (`belief`), as the engine names it
    /// ([`ClaimClass::as_str`]). Kept as text, so a class a newer version writes survives
    /// this one's rewrites; files from before classes have none.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub class: Option<String>,
    #[serde(default)]
    pub tags: Vec<String>,
    #[serde(default)]
    pub note: String,
    /// What the reader corrected about the passage's speaker or claim
    /// ([`corrections`](super::corrections)).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub correction: Option<super::corrections::Correction>,
    pub target: Target,
    /// Keys this version does not know, kept as they were.
    #[serde(flatten)]
    pub extra: toml::Table,
}

impl Annotation {
    /// A new annotation on `target`, with a fresh id, created and updated `now`.
    pub fn new(target: Target, now: Timestamp) -> Self {
        Annotation {
            id: AnnotationId::generate(now),
            created: now,
            updated: now,
            speaker: None,
            class: None,
            tags: Vec::new(),
            note: String::new(),
            correction: None,
            target,
            extra: toml::Table::new(),
        }
    }

    /// A new annotation on the byte span `span` of `text` (a claim's span, or a
    /// selection), with the speaker and class of the claim it is, if any; `None` for an
    /// empty or invalid span.
    pub fn on_passage(
        text: &str,
        span: Span,
        claim: Option<ClaimFacts<'_>>,
        now: Timestamp,
    ) -> Option<Self> {
        let target = Target::from_span(text, &CodePoints::new(text), span)?;
        let mut annotation = Annotation::new(target, now);
        if let Some(claim) = claim {
            annotation.speaker = claim.speaker.map(str::to_owned);
            annotation.class = Some(claim.class.as_str().to_owned());
        }
        Some(annotation)
    }

    /// Has it `tag`, ignoring case (`Disputed` is `disputed`)?
    pub fn has_tag(&self, tag: &str) -> bool {
        self.tags.iter().any(|t| same_tag(t, tag))
    }
}

/// How an annotation was placed on the article's current text.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum AnchorStatus {
    /// The quote is at its stored position.
    Exact,
    /// The quote was found word for word elsewhere.
    Moved,
    /// A close (bounded edit distance) match with agreeing context was found.
    Fuzzy,
    /// The passage could not be placed; the annotation is kept with its stored quote.
    Orphaned,
}

impl AnchorStatus {
    pub const fn as_str(self) -> &'static str {
        match self {
            AnchorStatus::Exact => "exact",
            AnchorStatus::Moved => "moved",
            AnchorStatus::Fuzzy => "fuzzy",
            AnchorStatus::Orphaned => "orphaned",
        }
    }
}

/// Tags as typed in a prompt (`rhetoric, #fact check,economy`) → clean, distinct tags.
/// See [`normalize_tag`].
pub fn parse_tag_list(input: &str) -> Vec<String> {
    let mut tags: Vec<String> = Vec::new();
    for tag in input.split(',').filter_map(normalize_tag) {
        if !tags.iter().any(|t| same_tag(t, &tag)) {
            tags.push(tag);
        }
    }
    tags
}

/// Tags are one tag whatever their case: `Chaffetz` is `chaffetz`.
pub fn same_tag(a: &str, b: &str) -> bool {
    a.chars()
        .flat_map(char::to_lowercase)
        .eq(b.chars().flat_map(char::to_lowercase))
}

/// The key tags are counted and merged by: the tag case-folded.
pub fn tag_key(tag: &str) -> String {
    tag.to_lowercase()
}

/// A tag without surrounding blanks or leading `#`, inner whitespace runs turned into `-`
/// (so it stays one word as a Markdown `#tag`); `None` when nothing is left. Case is kept.
pub fn normalize_tag(raw: &str) -> Option<String> {
    let trimmed = raw.trim().trim_start_matches('#');
    let tag = trimmed
        .split(|c: char| c.is_whitespace() || c == ',')
        .filter(|w| !w.is_empty())
        .collect::<Vec<_>>()
        .join("-");
    (!tag.is_empty()).then_some(tag)
}

/// For tests: a new annotation on the first occurrence of `quote` in `text`, with `note`.
#[cfg(test)]
pub(crate) fn annotation_on(text: &str, quote: &str, note: &str) -> Annotation {
    let start = text
        .find(quote)
        .unwrap_or_else(|| panic!("{quote:?} is in the text"));
    let span = crate::extract::Span::new(start, start + quote.len());
    let target = Target::from_span(text, &crate::text::offsets::CodePoints::new(text), span)
        .unwrap_or_else(|| panic!("{quote:?} makes a target"));
    let mut a = Annotation::new(target, Timestamp::now());
    a.note = note.to_owned();
    a
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ulids_are_26_crockford_chars_and_distinct() {
        let now = Timestamp::from_unix_millis(1_750_000_000_000);
        let a = AnnotationId::generate(now);
        let b = AnnotationId::generate(now);
        assert_eq!(a.as_str().len(), 26);
        assert!(a.as_str().bytes().all(|c| CROCKFORD.contains(&c)));
        assert_ne!(a, b);
        let later = AnnotationId::generate(Timestamp::from_unix_millis(1_750_000_000_001));
        assert!(later > a && later > b, "ULIDs sort by time");
    }

    #[test]
    fn timestamps_round_trip_and_normalise_offsets() {
        let t = Timestamp::parse("2025-06-01T14:30:05.123+02:00").expect("valid");
        assert_eq!(t.to_string(), "2025-06-01T12:30:05.123Z");
        assert_eq!(Timestamp::parse(&t.to_string()), Some(t));
        assert_eq!(Timestamp::parse("yesterday"), None);
        let now = Timestamp::now();
        assert_eq!(Timestamp::parse(&now.to_string()), Some(now));
    }

    #[test]
    fn instants_outside_the_years_sayso_can_write_are_refused_not_a_panic() {
        // Past 9999 or before 0000 once in UTC: no panic, no unreadable write-back.
        assert_eq!(Timestamp::parse("9999-12-31T23:59:59-01:00"), None);
        assert_eq!(Timestamp::parse("0000-01-01T00:00:00+01:00"), None);
        let last = Timestamp::parse("9999-12-31T23:59:59.999Z").expect("in range");
        assert_eq!(Timestamp::parse(&last.to_string()), Some(last));
        let first = Timestamp::parse("0000-01-01T00:00:00Z").expect("in range");
        assert_eq!(first.to_string(), "0000-01-01T00:00:00.000Z");
    }

    #[test]
    fn sub_millisecond_times_are_written_back_unchanged() {
        for (read, written) in [
            ("2025-06-01T12:30:05.123456Z", "2025-06-01T12:30:05.123456Z"),
            (
                "2025-06-01T12:30:05.123456789Z",
                "2025-06-01T12:30:05.123456789Z",
            ),
            ("2025-06-01T12:30:05.1Z", "2025-06-01T12:30:05.100Z"),
            ("2025-06-01T12:30:05Z", "2025-06-01T12:30:05.000Z"),
        ] {
            let t = Timestamp::parse(read).expect("valid");
            assert_eq!(t.to_string(), written);
            assert_eq!(Timestamp::parse(written), Some(t));
        }
    }

    proptest::proptest! {
        /// Whatever sayso reads, it writes in a form it reads back as the same instant.
        #[test]
        fn any_readable_instant_round_trips(
            secs in -62_167_219_200i64..253_402_300_800,
            nanos in 0u32..1_000_000_000,
            offset_minutes in -1439i32..1440,
        ) {
            let utc = OffsetDateTime::from_unix_timestamp(secs)
                .ok()
                .and_then(|t| t.replace_nanosecond(nanos).ok());
            let offset = time::UtcOffset::from_whole_seconds(offset_minutes * 60).ok();
            if let (Some(utc), Some(offset)) = (utc, offset)
                && let Some(local) = utc.checked_to_offset(offset)
                && let Ok(text) = local.format(&Rfc3339)
            {
                // Any offset the format can carry parses, or is refused; never a panic.
                if let Some(t) = Timestamp::parse(&text) {
                    proptest::prop_assert_eq!(Timestamp::parse(&t.to_string()), Some(t));
                    proptest::prop_assert_eq!(t.unix_millis(), utc.unix_timestamp_nanos() / 1_000_000);
                }
            }
        }
    }

    #[test]
    fn targets_keep_context_in_code_points() {
        let text = format!("{}«quoted» {}", "é".repeat(50), "ü".repeat(50));
        let cp = CodePoints::new(&text);
        let start = text.find('«').expect("present");
        let end = text.find(' ').expect("present");
        let t = Target::from_span(&text, &cp, Span::new(start, end)).expect("valid span");
        assert_eq!(t.exact, "«quoted»");
        assert_eq!((t.start, t.end), (50, 58));
        assert_eq!(t.prefix.chars().count(), CONTEXT_CHARS);
        assert_eq!(t.suffix.chars().count(), CONTEXT_CHARS);
        assert!(t.suffix.starts_with(' '));
        let at_start = Target::from_span(&text, &cp, Span::new(0, 2)).expect("valid");
        assert_eq!(at_start.prefix, "");
        assert!(
            Target::from_span(&text, &cp, Span::new(1, 2)).is_none(),
            "inside a char"
        );
        assert!(
            Target::from_span(&text, &cp, Span::new(3, 3)).is_none(),
            "empty"
        );
    }

    #[test]
    fn tag_lists_are_cleaned() {
        assert_eq!(
            parse_tag_list(" rhetoric, #fact  check,,rhetoric ,# "),
            vec!["rhetoric".to_owned(), "fact-check".to_owned()]
        );
    }
}
