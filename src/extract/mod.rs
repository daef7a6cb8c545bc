//! The extraction engine: who said what, and which figures the text cites.
//!
//! Pure library code: no I/O, no global state, deterministic. All spans are *byte* offsets
//! into the analysed text; conversion to Unicode code points happens at the output edge
//! (see [`crate::text::offsets`]).

pub mod numbers;

use serde::Serialize;

pub use crate::text::Span;

/// What kind of figure a [`Number`] is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum NumberKind {
    Count,
    Money,
    Percent,
    Ordinal,
    Year,
    Date,
    Duration,
    Measure,
    Range,
}

impl NumberKind {
    pub const fn as_str(self) -> &'static str {
        match self {
            NumberKind::Count => "count",
            NumberKind::Money => "money",
            NumberKind::Percent => "percent",
            NumberKind::Ordinal => "ordinal",
            NumberKind::Year => "year",
            NumberKind::Date => "date",
            NumberKind::Duration => "duration",
            NumberKind::Measure => "measure",
            NumberKind::Range => "range",
        }
    }
}

/// A figure cited by the text: `$518.4 billion` → 518.4e9 USD.
#[derive(Debug, Clone, PartialEq)]
pub struct Number {
    /// The whole expression, qualifier included (`over 200`).
    pub span: Span,
    /// The normalised value; `None` for dates and ranges, which have no single value.
    pub value: Option<f64>,
    /// Normalised unit: ISO 4217 code for money (`USD`), `percent`, `year`/`month`/`day`…
    /// for durations, the unit symbol for measures (`km`, `px`).
    pub unit: Option<&'static str>,
    pub kind: NumberKind,
    /// `over`, `under`, `about`, `almost`, `at least`, `at most`, … when the text hedges.
    pub qualifier: Option<&'static str>,
}

/// How a claim is reported.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum ClaimKind {
    /// Inside quotation marks.
    Direct,
    /// Reported speech.
    Indirect,
    /// Reported speech that quotes part of the words.
    Mixed,
    /// A headline of the form `Name: statement`.
    Headline,
}

impl ClaimKind {
    pub const fn as_str(self) -> &'static str {
        match self {
            ClaimKind::Direct => "direct",
            ClaimKind::Indirect => "indirect",
            ClaimKind::Mixed => "mixed",
            ClaimKind::Headline => "headline",
        }
    }
}

/// A statement attributed to someone (or to nobody the text names).
#[derive(Debug, Clone, PartialEq)]
pub struct Claim {
    /// The content: what was said, from its first to its last fragment.
    pub span: Span,
    /// The pieces of content when an attribution splits a quote; empty when the claim is
    /// one piece.
    pub fragments: Vec<Span>,
    pub kind: ClaimKind,
    /// Index into [`Extraction::speakers`] of the canonical speaker, after coreference.
    pub speaker: Option<usize>,
    /// The mention that attributes this claim in the text (`he`, `Zhang`, `the spokesperson`).
    pub source: Option<Span>,
    /// The reporting cue (`said`, `according to`, `:`, `—`).
    pub cue: Option<Span>,
}

/// What sort of entity a speaker is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum SpeakerKind {
    /// A named person (`Marco Rubio`).
    Person,
    /// A named organisation, outlet or handle (`the Foreign Ministry`, `@agent_of_change`).
    Organization,
    /// A speaker known only by a description (`the spokesperson`, `officials`).
    Nominal,
}

/// Someone who says something in the article.
#[derive(Debug, Clone, PartialEq)]
pub struct Speaker {
    /// Canonical name: the fullest name the text gives, titles removed.
    pub name: String,
    /// The role or title the text gives (`U.S. Secretary of State`), if any.
    pub role: Option<String>,
    pub kind: SpeakerKind,
    /// Every mention that refers to this speaker, in text order.
    pub mentions: Vec<Span>,
}

/// Everything extracted from one article.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Extraction {
    pub speakers: Vec<Speaker>,
    /// Sorted by start.
    pub claims: Vec<Claim>,
    /// Sorted by start, non-overlapping.
    pub numbers: Vec<Number>,
}

/// Extracts speakers, claims and numbers from an article's text.
pub fn extract(text: &str) -> Extraction {
    Extraction {
        speakers: Vec::new(),
        claims: Vec::new(),
        numbers: numbers::find_numbers(text),
    }
}
