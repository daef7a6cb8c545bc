//! The extraction engine: who said what, and which figures the text cites.
//!
//! Pure library code: no I/O, no global state, deterministic. All spans are *byte* offsets
//! into the analysed text; conversion to Unicode code points happens at the output edge
//! (see [`crate::text::offsets`]).

mod adjective;
mod boundary;
mod by_class;
mod candidate;
mod clause;
mod content;
mod described;
mod doc;
mod entities;
mod fronted;
mod headline;
mod infinitive;
mod inverted;
pub mod lexicon;
mod lines;
mod nominal;
mod np;
pub mod numbers;
mod object;
mod opening;
mod participle;
mod passive;
mod quotes;
mod reported;
mod stops;
mod subject;
mod swar;
mod word_table;

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
    /// A person's age: `a 17-year-old`, `Smith, 61,`, `aged 61`.
    Age,
    /// A tally or a score: `a 19-15 vote`, `won 4-1`.
    Score,
    /// A time of day: `10:30`, `8 a.m.`.
    Time,
    /// How many times as much: `threefold`, `twice`, `double the`, `half the size`.
    Multiplier,
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
            NumberKind::Age => "age",
            NumberKind::Score => "score",
            NumberKind::Time => "time",
            NumberKind::Multiplier => "multiplier",
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
    /// A range's low and high ends, in the range's unit (`3 to 5 million` → 3e6, 5e6).
    pub range: Option<(f64, f64)>,
    /// The period of a rate: `$400 million a year` → `year`.
    pub per: Option<&'static str>,
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
    /// Every kind, in the order filters list them.
    pub const ALL: [ClaimKind; 4] = [
        ClaimKind::Direct,
        ClaimKind::Indirect,
        ClaimKind::Mixed,
        ClaimKind::Headline,
    ];

    pub const fn as_str(self) -> &'static str {
        match self {
            ClaimKind::Direct => "direct",
            ClaimKind::Indirect => "indirect",
            ClaimKind::Mixed => "mixed",
            ClaimKind::Headline => "headline",
        }
    }
}

/// What sort of attribution a claim is: words spoken or written, or a stance the text
/// attributes to its source.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum ClaimClass {
    /// Said, written, told, asked (`X said …`, a quote).
    #[default]
    Speech,
    /// Believed, known, expected, feared (`X thinks …`, `X is worried that …`).
    Belief,
    /// Planned, promised, sought, wanted (`X plans to …`, `X vowed a veto`).
    Intention,
    /// Praised, criticized, backed, opposed, called for (`X endorsed Y`).
    Evaluation,
    /// What documents and data show (`the poll found …`, `according to the report`).
    Evidence,
}

impl ClaimClass {
    /// Every class, in the order the reader cycles through them.
    pub const ALL: [ClaimClass; 5] = [
        ClaimClass::Speech,
        ClaimClass::Belief,
        ClaimClass::Intention,
        ClaimClass::Evaluation,
        ClaimClass::Evidence,
    ];

    pub const fn as_str(self) -> &'static str {
        match self {
            ClaimClass::Speech => "speech",
            ClaimClass::Belief => "belief",
            ClaimClass::Intention => "intention",
            ClaimClass::Evaluation => "evaluation",
            ClaimClass::Evidence => "evidence",
        }
    }

    /// The class named `name` (as [`ClaimClass::as_str`] spells it), any case.
    pub fn parse(name: &str) -> Option<ClaimClass> {
        Self::ALL
            .into_iter()
            .find(|c| c.as_str().eq_ignore_ascii_case(name.trim()))
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
    pub class: ClaimClass,
    /// Index into [`Extraction::speakers`] of the canonical speaker, after coreference.
    pub speaker: Option<usize>,
    /// The mention that attributes this claim in the text (`he`, `Zhang`, `the spokesperson`).
    pub source: Option<Span>,
    /// The reporting cue (`said`, `according to`, `:`, `—`).
    pub cue: Option<Span>,
}

/// What sort of entity a speaker is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, serde::Deserialize)]
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

/// Extracts speakers, claims and numbers from an article's text. Scraper debris
/// ([`crate::article::clean`]) is left out: the engine reads a copy with those bytes blanked,
/// so every span is still the text's own; a debris line's dates are kept (a toolbar's
/// `date 2025-02-07` is the article's date), its other figures (`16 px`) are not.
pub fn extract(text: &str) -> Extraction {
    let debris = crate::article::clean::debris(text);
    // Read on the text as written: the outlet line is itself debris, blanked below.
    let outlet = outlet_line(text);
    if debris.is_empty() {
        return extract_content(text, outlet);
    }
    let mut bytes = text.as_bytes().to_vec();
    for span in &debris {
        if let Some(part) = bytes.get_mut(span.start..span.end) {
            part.fill(b' ');
        }
    }
    // Whole characters were blanked (the spans are on boundaries): still UTF-8.
    let Ok(masked) = String::from_utf8(bytes) else {
        return extract_content(text, outlet);
    };
    let mut x = extract_content(&masked, outlet);
    let dates = debris.iter().flat_map(|span| {
        let part = text.get(span.start..span.end).unwrap_or("");
        numbers::find_numbers(part)
            .into_iter()
            .filter(|n| n.kind == NumberKind::Date)
            .map(move |mut n| {
                n.span = Span::new(n.span.start + span.start, n.span.end + span.start);
                n
            })
    });
    x.numbers.extend(dates.collect::<Vec<_>>());
    x.numbers.sort_by_key(|n| n.span.start);
    x
}

/// Extracts from an article as its file type reads: a Markdown file (`.md`) is read with
/// its markup blanked ([`crate::article::markdown`]: a link reads as its text), so every
/// span is still in the file's own text.
pub fn extract_article(article: &crate::article::Article) -> Extraction {
    use crate::article::markdown;
    if markdown::is_markdown(&article.path) {
        let syntax = markdown::syntax(&article.text);
        if !syntax.is_empty() {
            return extract(&markdown::blank(&article.text, &syntax));
        }
    }
    extract(&article.text)
}

/// [`extract`] on text with its debris already blanked; `outlet` is the article's closing
/// outlet line, if any.
fn extract_content(text: &str, outlet: Option<&str>) -> Extraction {
    let doc = doc::Doc::new(text);
    let mut found = Vec::new();
    lines::candidates(&doc, &mut found);
    headline::candidates(&doc, &mut found);
    quotes::candidates(&doc, &mut found);
    reported::candidates(&doc, &mut found);
    nominal::candidates(&doc, &mut found);
    if let Some(outlet) = outlet {
        // The publisher reporting its own story is not a speaker in it.
        found.retain(|c| {
            c.source.is_none_or(|np| {
                !doc.span(np.first, np.end)
                    .slice(text)
                    .eq_ignore_ascii_case(outlet)
            })
        });
    }
    let accepted = join_continued_quotes(&doc, settle(&doc, found));
    let (speakers, speaker_of) = entities::resolve(&doc, &accepted);
    let claims = accepted
        .iter()
        .zip(speaker_of)
        .map(|(c, speaker)| Claim {
            span: doc.span(c.first, c.end),
            fragments: c.fragments.iter().map(|&(a, b)| doc.span(a, b)).collect(),
            kind: c.kind,
            class: c.class,
            speaker,
            source: c.source.map(|np| source_span(&doc, np, c.cue)),
            cue: c.cue.map(|(a, b)| doc.span(a, b)),
        })
        .collect();
    Extraction {
        speakers,
        claims,
        numbers: numbers::find_numbers(text),
    }
}

/// The mention that attributes a claim: its source phrase, or the relative pronoun that
/// stands for it before the cue (`who` in `Sanders, who said …`), since that is the word
/// the text attributes the claim with; the speaker is still the antecedent.
fn source_span(doc: &doc::Doc, np: np::Np, cue: Option<(usize, usize)>) -> Span {
    // Through adverbs and times: `who in the past has voiced`, `who last year threatened`.
    let relative = cue.and_then(|(c, _)| {
        doc.skip_between_left(c.checked_sub(1)?, np.end)
            .filter(|&k| c - k <= 12 && doc.is_lower(k) && doc.is(k, lexicon::class::RELATIVE))
    });
    match relative {
        Some(k) => doc.span(k, k + 1),
        None => doc.span(np.first, np.end),
    }
}

/// `… says people should be free to choose. "It is their life."`: a quote standing alone
/// right after a reported claim, in the same paragraph, goes on with that claim, which
/// becomes one mixed claim in two fragments.
fn join_continued_quotes(
    doc: &doc::Doc,
    accepted: Vec<candidate::Candidate>,
) -> Vec<candidate::Candidate> {
    let mut out: Vec<candidate::Candidate> = Vec::with_capacity(accepted.len());
    for c in accepted {
        if let Some(prev) = out.last_mut()
            && c.inherit == candidate::Inherit::Previous
            && c.cue.is_none()
            && c.kind == ClaimKind::Direct
            && matches!(prev.kind, ClaimKind::Indirect | ClaimKind::Mixed)
            && prev.source.is_some()
            && prev.end <= c.first
            && c.first - prev.end <= 4
            && prev.end < doc.len()
            && (prev.end..c.first).all(|k| !doc.is_word(k) && !doc.is_break(k))
        {
            // The quote keeps its marks inside a mixed claim.
            let open = if c.first > 0 && doc.is_quote(c.first - 1) {
                c.first - 1
            } else {
                c.first
            };
            let close = if doc.is_quote(c.end) {
                c.end + 1
            } else {
                c.end
            };
            if prev.fragments.is_empty() {
                prev.fragments.push((prev.first, prev.end));
            }
            prev.fragments.push((open, close));
            prev.end = close;
            prev.kind = ClaimKind::Mixed;
            continue;
        }
        out.push(c);
    }
    out
}

/// Keeps the best of overlapping candidates (by rank, then position); returns them in
/// text order. One exception: a quote in fragments around its attribution leaves room for
/// the participle that reports more (`"…," he said, noting that …. "…"`), which is a claim
/// of its own nested between the fragments.
fn settle(doc: &doc::Doc, mut found: Vec<candidate::Candidate>) -> Vec<candidate::Candidate> {
    found.sort_by_key(|c| (c.rank, c.first, std::cmp::Reverse(c.end)));
    // Kept ranges by start; they never overlap, so only the neighbours of a new range can
    // collide with it. Nested claims are kept apart in the same way.
    let mut taken: std::collections::BTreeMap<usize, usize> = std::collections::BTreeMap::new();
    let mut nested: std::collections::BTreeMap<usize, usize> = std::collections::BTreeMap::new();
    // The gaps between kept fragments, by start; disjoint like the claims they lie in, so
    // the one that may hold a range is the last starting at or before it.
    let mut gaps: std::collections::BTreeMap<usize, usize> = std::collections::BTreeMap::new();
    let collides = |map: &std::collections::BTreeMap<usize, usize>, a: usize, b: usize| {
        map.range(..b).next_back().is_some_and(|(_, &end)| end > a)
    };
    let mut kept: Vec<candidate::Candidate> = Vec::with_capacity(found.len());
    for c in found {
        if c.end <= c.first {
            continue;
        }
        if collides(&taken, c.first, c.end) {
            let in_gap = gaps
                .range(..=c.first)
                .next_back()
                .is_some_and(|(_, &b)| c.end <= b);
            if in_gap && reporting_participle(doc, &c) && !collides(&nested, c.first, c.end) {
                nested.insert(c.first, c.end);
                kept.push(c);
            }
            continue;
        }
        taken.insert(c.first, c.end);
        gaps.extend(c.fragments.windows(2).filter_map(|w| match w {
            [(_, a), (b, _)] => Some((*a, *b)),
            _ => None,
        }));
        kept.push(c);
    }
    kept.sort_by_key(|c| c.first);
    kept
}

/// `…, noting that …`, `…, adding …`: a claim reported by a participle after a comma.
fn reporting_participle(doc: &doc::Doc, c: &candidate::Candidate) -> bool {
    c.class == ClaimClass::Speech
        && c.cue.is_some_and(|(a, _)| {
            a > 0 && doc.is_punct(a - 1, ',') && doc.lex(a).form == lexicon::Form::Gerund
        })
}

/// A last line that names the outlet (`News.Az`): a few words, no sentence.
fn outlet_line(text: &str) -> Option<&str> {
    let line = text.trim_end().rsplit('\n').next()?.trim();
    let words = line.split_whitespace().count();
    (words > 0 && words <= 3 && !line.ends_with('.') && line.len() <= 40).then_some(line)
}
