//! Provenance across a library: the same quote, or nearly the same, in several articles,
//! and one figure given different values for the same thing.
//!
//! Claims are compared as normalised words (case, quotation marks, punctuation and spacing
//! set aside). Candidates come from MinHash signatures of their content words banded into
//! buckets (locality-sensitive hashing), so the work grows with the library, not with its
//! pairs; a candidate joins a group when its words are within a bounded edit distance of
//! a member's. A group spans at least two articles. Its reference is the wording most of
//! its members share (then the earliest); a member that words it otherwise is flagged
//! `different-words` (`possible-misquote` when both are direct quotes), and one given to
//! a speaker other than the group's usual one `different-speaker`.
//!
//! Figures are grouped by their context (the words just before and after them in their
//! sentence, and their unit); a group lists the figures whose values differ.

use std::collections::HashMap;

use serde::Serialize;

use super::speakers::normalise;
use crate::article::Article;
use crate::extract::{ClaimKind, Extraction, NumberKind};
use crate::text::offsets::CodePoints;

mod fingerprint;
pub(crate) use fingerprint::edit_distance_within;
use fingerprint::*;

/// Claims shorter than this (in words) are not linked: "We agree" is said everywhere, and
/// a five-word claim is as often a name the engine took for one.
const MIN_WORDS: usize = 6;
/// Claims are compared on their first this many words at most (edit distances stay cheap).
const MAX_WORDS: usize = 400;
/// LSH: bands of rows; a pair of claims whose content words overlap by a Jaccard index of
/// 0.67 (one word of six changed) shares a band with probability 0.89, at 0.1 with 0.001.
const BANDS: usize = 10;
const ROWS: usize = 4;
/// Members a bucket compares at most: a bucket of thousands (boilerplate) stays linear.
const BUCKET_CAP: usize = 256;
/// Words before and after a figure that name what it counts.
const CONTEXT_BEFORE: usize = 3;
const CONTEXT_AFTER: usize = 2;

/// Where an article is, for the members of a group.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Source {
    pub path: String,
    pub title: String,
    pub date: Option<String>,
    pub outlet: Option<String>,
}

#[derive(Debug, Clone)]
struct ClaimRecord {
    article: usize,
    speaker: Option<String>,
    kind: ClaimKind,
    text: String,
    start: usize,
    end: usize,
    /// Its normalised words, hashed: a few bytes a word for a library of millions of
    /// claims, and comparing them is comparing numbers.
    words: Vec<u64>,
    /// Its LSH band keys, made on the extraction threads (none without content words).
    bands: Option<[u64; BANDS]>,
}

#[derive(Debug, Clone)]
struct FigureRecord {
    article: usize,
    text: String,
    value: f64,
    unit: Option<&'static str>,
    context: String,
    /// The hash of its kind, unit and context: figures for one thing share it.
    key: u64,
    start: usize,
    end: usize,
}

/// What one article gives to the provenance of a library (made on any thread).
#[derive(Debug, Clone)]
pub struct ArticleRecords {
    source: Source,
    claims: Vec<ClaimRecord>,
    figures: Vec<FigureRecord>,
}

/// Reads the claims and figures of one article.
pub fn records(article: &Article, ex: &Extraction) -> ArticleRecords {
    let text = article.text.as_str();
    let cp = CodePoints::new(text);
    let claims = ex
        .claims
        .iter()
        .filter_map(|c| {
            let claim = c.span.slice(text);
            let words = claim_words(claim);
            (words.len() >= MIN_WORDS).then(|| ClaimRecord {
                article: 0,
                speaker: c
                    .speaker
                    .and_then(|s| ex.speakers.get(s))
                    .map(|s| s.name.clone()),
                kind: c.kind,
                text: claim.to_string(),
                start: cp.to_char(c.span.start),
                end: cp.to_char(c.span.end),
                bands: bands(&words),
                words: words.iter().map(|w| hash_word(w)).collect(),
            })
        })
        .collect();
    let figures = ex
        .numbers
        .iter()
        .filter(|n| {
            !matches!(
                n.kind,
                NumberKind::Year | NumberKind::Date | NumberKind::Ordinal
            )
        })
        .filter_map(|n| {
            let value = n.value?;
            let before = text.get(..n.span.start)?;
            let after = text.get(n.span.end..)?;
            let (before, after) = (sentence_words_before(before), sentence_words_after(after));
            // What a figure counts is named after it (`183 countries`), what is done with
            // it before (`signed by`): without both, "day 3" and "item 4" would be linked.
            if before.len() < 2 || after.is_empty() {
                return None;
            }
            let context = format!("{} … {}", before.join(" "), after.join(" "));
            let key = hash_word(&format!("{:?} {} {context}", n.kind, n.unit.unwrap_or("")));
            Some(FigureRecord {
                article: 0,
                text: n.span.slice(text).to_string(),
                value,
                unit: n.unit,
                context,
                key,
                start: cp.to_char(n.span.start),
                end: cp.to_char(n.span.end),
            })
        })
        .collect();
    ArticleRecords {
        source: Source {
            path: article.path.to_string_lossy().into_owned(),
            title: article.title.clone(),
            date: article.date.clone(),
            outlet: article.source.clone(),
        },
        claims,
        figures,
    }
}

/// The claims and figures of a library, gathered in library order.
#[derive(Debug, Default)]
pub struct Provenance {
    sources: Vec<Source>,
    claims: Vec<ClaimRecord>,
    figures: Vec<FigureRecord>,
}

/// One member of a group: where, who, what.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Member<'a> {
    #[serde(flatten)]
    pub source: &'a Source,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub speaker: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub kind: Option<&'static str>,
    pub text: &'a str,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub value: Option<f64>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub unit: Option<&'static str>,
    /// Code points, end exclusive.
    pub start: usize,
    pub end: usize,
    /// What sets this member apart from the group's reference.
    pub flags: Vec<&'static str>,
    /// Its words that the reference does not have.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub differs: Vec<String>,
}

/// Linked claims, or figures for one thing.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Group<'a> {
    /// `claim` or `figure`.
    pub what: &'static str,
    /// `different-words`, `different-speaker`, `possible-misquote`, `different-values`.
    pub flags: Vec<&'static str>,
    /// How many articles the group spans.
    pub articles: usize,
    /// A figure's context words (`signed by … countries`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub context: Option<&'a str>,
    /// Earliest first (undated last), then in library order.
    pub members: Vec<Member<'a>>,
}

impl Provenance {
    /// Adds the next article's records.
    pub fn push(&mut self, mut records: ArticleRecords) {
        let article = self.sources.len();
        self.sources.push(records.source);
        records.claims.iter_mut().for_each(|c| c.article = article);
        records.figures.iter_mut().for_each(|f| f.article = article);
        self.claims.extend(records.claims);
        self.figures.extend(records.figures);
    }

    /// Every group: claims first, then figures, each in library order of its first member.
    pub fn groups(&self) -> Vec<Group<'_>> {
        let mut groups = self.claim_groups();
        groups.extend(self.figure_groups());
        groups
    }

    fn claim_groups(&self) -> Vec<Group<'_>> {
        self.claim_groups_counted().0
    }

    /// The claim groups, and how many pairs of claims were compared to make them.
    fn claim_groups_counted(&self) -> (Vec<Group<'_>>, usize) {
        let mut compared = 0;
        let n = self.claims.len();
        let mut parent: Vec<usize> = (0..n).collect();
        // One band at a time, its buckets as runs of a sorted array: memory for one key per
        // claim, not a map of ten per claim.
        let mut keyed: Vec<(u64, usize)> = Vec::with_capacity(n);
        for band in 0..BANDS {
            keyed.clear();
            keyed.extend(self.claims.iter().enumerate().filter_map(|(i, c)| {
                let keys = c.bands.as_ref()?;
                Some((*keys.get(band)?, i))
            }));
            // By key, then by claim: a bucket's first member is its earliest claim.
            keyed.sort_unstable();
            for bucket in keyed.chunk_by(|a, b| a.0 == b.0) {
                compared += self.link_bucket(bucket, &mut parent);
            }
        }
        // Claims by group (its root is its earliest claim), groups in library order.
        let mut by_root: Vec<(usize, usize)> = (0..n).map(|i| (find(&mut parent, i), i)).collect();
        by_root.sort_unstable();
        let groups = by_root
            .chunk_by(|a, b| a.0 == b.0)
            .filter(|run| run.len() > 1)
            .filter_map(|run| {
                let members: Vec<usize> = run.iter().map(|&(_, i)| i).collect();
                self.claim_group(&members)
            })
            .collect();
        (groups, compared)
    }

    /// Links the members of one bucket that are near its first; returns the comparisons.
    fn link_bucket(&self, bucket: &[(u64, usize)], parent: &mut [usize]) -> usize {
        let bucket = bucket
            .get(..bucket.len().min(BUCKET_CAP))
            .unwrap_or_default();
        let Some((&(_, first), rest)) = bucket.split_first() else {
            return 0;
        };
        let mut compared = 0;
        for &(_, m) in rest {
            if find(parent, m) != find(parent, first) {
                compared += 1;
                if near(&self.claims[first].words, &self.claims[m].words) {
                    union(parent, first, m);
                }
            }
        }
        compared
    }

    fn claim_group(&self, members: &[usize]) -> Option<Group<'_>> {
        let claims: Vec<&ClaimRecord> = members.iter().map(|&i| &self.claims[i]).collect();
        let articles = distinct(claims.iter().map(|c| c.article));
        if articles < 2 {
            return None;
        }
        let reference = mode(claims.iter().map(|c| c.words.as_slice()))?;
        // The reference's words as text, for what sets the others apart.
        let reference_text = claims.iter().find(|c| c.words == reference)?;
        let reference_words = claim_words(&reference_text.text);
        let speakers: Vec<String> = claims
            .iter()
            .filter_map(|c| c.speaker.as_deref().map(normalise))
            .collect();
        let usual = mode(speakers.iter().map(String::as_str));
        let reference_direct = claims
            .iter()
            .any(|c| c.words == reference && is_quote(c.kind));
        let mut flags = Vec::new();
        let mut out: Vec<Member> = claims
            .iter()
            .map(|c| {
                let mut member_flags = Vec::new();
                let mut differs = Vec::new();
                if c.words != reference {
                    differs = multiset_minus(claim_words(&c.text), &reference_words);
                    member_flags.push("different-words");
                    if is_quote(c.kind) && reference_direct {
                        member_flags.push("possible-misquote");
                    }
                }
                let speaker = c.speaker.as_deref();
                if let (Some(s), Some(usual)) = (speaker, usual)
                    && !same_person(&normalise(s), usual)
                {
                    member_flags.push("different-speaker");
                }
                Member {
                    source: &self.sources[c.article],
                    speaker,
                    kind: Some(c.kind.as_str()),
                    text: &c.text,
                    value: None,
                    unit: None,
                    start: c.start,
                    end: c.end,
                    flags: member_flags,
                    differs,
                }
            })
            .collect();
        for f in ["different-words", "different-speaker", "possible-misquote"] {
            if out.iter().any(|m| m.flags.contains(&f)) {
                flags.push(f);
            }
        }
        sort_members(&mut out);
        Some(Group {
            what: "claim",
            flags,
            articles,
            context: None,
            members: out,
        })
    }

    fn figure_groups(&self) -> Vec<Group<'_>> {
        let mut by_key: HashMap<u64, Vec<&FigureRecord>> = HashMap::new();
        let mut order: Vec<u64> = Vec::new();
        for f in &self.figures {
            let entry = by_key.entry(f.key).or_default();
            if entry.is_empty() {
                order.push(f.key);
            }
            entry.push(f);
        }
        order
            .into_iter()
            .filter_map(|key| {
                let figures = by_key.get(&key)?;
                let articles = distinct(figures.iter().map(|f| f.article));
                let first = figures.first()?;
                let values_differ = figures.iter().any(|f| f.value != first.value);
                if articles < 2 || !values_differ {
                    return None;
                }
                let usual = mode(figures.iter().map(|f| f.value.to_bits()));
                let mut members: Vec<Member> = figures
                    .iter()
                    .map(|f| Member {
                        source: &self.sources[f.article],
                        speaker: None,
                        kind: None,
                        text: &f.text,
                        value: Some(f.value),
                        unit: f.unit,
                        start: f.start,
                        end: f.end,
                        flags: match usual == Some(f.value.to_bits()) {
                            true => Vec::new(),
                            false => vec!["different-values"],
                        },
                        differs: Vec::new(),
                    })
                    .collect();
                sort_members(&mut members);
                Some(Group {
                    what: "figure",
                    flags: vec!["different-values"],
                    articles,
                    context: Some(first.context.as_str()),
                    members,
                })
            })
            .collect()
    }
}

/// A claim all in quotation marks: different words there are words put in a mouth. (A
/// mixed claim's own words are partly the writer's.)
fn is_quote(kind: ClaimKind) -> bool {
    matches!(kind, ClaimKind::Direct)
}

fn distinct(articles: impl Iterator<Item = usize>) -> usize {
    let mut all: Vec<usize> = articles.collect();
    all.sort_unstable();
    all.dedup();
    all.len()
}

/// The most frequent item; on a tie, the one seen first.
fn mode<T: PartialEq>(items: impl Iterator<Item = T>) -> Option<T> {
    let mut counts: Vec<(T, usize)> = Vec::new();
    for item in items {
        match counts.iter_mut().find(|(s, _)| *s == item) {
            Some((_, n)) => *n += 1,
            None => counts.push((item, 1)),
        }
    }
    let best = counts.iter().map(|(_, n)| *n).max()?;
    counts.into_iter().find(|(_, n)| *n == best).map(|(s, _)| s)
}

/// Two normalised names for one person: the words of one are among the other's (`trump`,
/// `donald trump`).
pub(crate) fn same_person(a: &str, b: &str) -> bool {
    let (wa, wb): (Vec<&str>, Vec<&str>) = (a.split(' ').collect(), b.split(' ').collect());
    wa.iter().all(|w| wb.contains(w)) || wb.iter().all(|w| wa.contains(w))
}

/// The words of `words` left once each of `reference`'s is taken away once.
fn multiset_minus(words: Vec<String>, reference: &[String]) -> Vec<String> {
    let mut left: Vec<&String> = reference.iter().collect();
    words
        .into_iter()
        .filter(|w| match left.iter().position(|r| *r == w) {
            Some(at) => {
                left.swap_remove(at);
                false
            }
            None => true,
        })
        .collect()
}

fn sort_members(members: &mut [Member]) {
    members.sort_by(|a, b| {
        let undated = |m: &Member| m.source.date.is_none();
        undated(a)
            .cmp(&undated(b))
            .then_with(|| a.source.date.cmp(&b.source.date))
    });
}

#[cfg(test)]
#[path = "provenance_tests.rs"]
mod tests;
