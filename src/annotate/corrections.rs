//! Speaker corrections: what a reader says the engine got wrong about who said what.
//!
//! A correction is kept on an [`Annotation`] (its `correction` table), so it is stored,
//! locked, merged, re-anchored, journalled and undone exactly as notes are. It is applied
//! as a layer over the engine's results ([`apply`]), never by changing them, so it
//! survives re-extraction and a newer engine.
//!
//! ```toml
//! [[annotation]]            # on a claim: given to someone else
//! speaker = "Wang"          # who the engine said it was
//! [annotation.correction]
//! speaker = "Wang Yi"       # "" gives the claim to nobody
//!
//! [[annotation]]            # on a speaker's mention: the speaker renamed in this article
//! speaker = "Wang"          # (a name another speaker has merges the two)
//! [annotation.correction]
//! rename = "Wang Yi"
//!
//! [annotation.correction]   # on a passage the engine took for a claim
//! not_a_claim = true
//! ```
//!
//! A `speaker` correction on a speaker's *mention* (`he`, `Kim`) rather than on a claim
//! splits that mention off: every claim it attributes goes to the named speaker.

use std::collections::HashMap;
use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

use super::anchor::Anchorer;
use super::library::Library;
use super::model::Annotation;
use crate::extract::{Claim, Extraction, Span, Speaker, SpeakerKind};

/// What a reader corrected on a passage.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct Correction {
    /// The claim (or every claim the mention attributes) is this speaker's; empty: nobody's.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub speaker: Option<String>,
    /// The speaker the annotation names is called this in the article.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub rename: Option<String>,
    /// The passage is not a claim at all.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub not_a_claim: bool,
    /// Keys this version does not know, kept as they were.
    #[serde(flatten)]
    pub extra: toml::Table,
}

impl Correction {
    /// Does it correct anything this version knows of?
    pub fn is_empty(&self) -> bool {
        self.speaker.is_none() && self.rename.is_none() && !self.not_a_claim
    }

    /// One line for people: `said by Wang Yi`, `renamed to Wang Yi`, `not a claim`.
    pub fn describe(&self) -> String {
        let mut parts = Vec::new();
        if self.not_a_claim {
            parts.push("not a claim".to_owned());
        }
        match self.speaker.as_deref().map(str::trim) {
            Some("") => parts.push("said by nobody named".to_owned()),
            Some(name) => parts.push(format!("said by {name}")),
            None => {}
        }
        if let Some(name) = self.rename.as_deref() {
            parts.push(format!("renamed to {}", name.trim()));
        }
        parts.join(", ")
    }
}

/// The correction an annotation carries, if it corrects anything.
pub fn of(annotation: &Annotation) -> Option<&Correction> {
    annotation.correction.as_ref().filter(|c| !c.is_empty())
}

/// Does any of these annotations correct something?
pub fn any(annotations: &[Annotation]) -> bool {
    annotations.iter().any(|a| of(a).is_some())
}

/// The speaker an annotation's passage is said by once the corrections of its article
/// (`file`: all of that article's annotations) are applied: its own correction, else the
/// speaker it recorded, renamed as the article's renames say.
pub fn speaker_of<'a>(file: &'a [Annotation], annotation: &'a Annotation) -> Option<&'a str> {
    let own = of(annotation);
    if own.is_some_and(|c| c.not_a_claim) {
        return None;
    }
    let mut name = match own.and_then(|c| c.speaker.as_deref()) {
        Some(given) => Some(given.trim()).filter(|n| !n.is_empty())?,
        None => annotation.speaker.as_deref()?,
    };
    // Renames apply in the order they were made (a rename of a rename follows), each once.
    let mut renames: Vec<(&Annotation, &str)> = file
        .iter()
        .filter_map(|a| Some((a, of(a)?.rename.as_deref()?.trim())))
        .filter(|(_, to)| !to.is_empty())
        .collect();
    renames.sort_by_key(|(a, _)| a.created);
    for (a, to) in renames {
        if a.speaker.as_deref() == Some(name) {
            name = to;
        }
    }
    Some(name)
}

/// An annotation that corrects something, with where it sits on the current text.
#[derive(Debug, Clone, Copy)]
pub struct Placed<'a> {
    pub annotation: &'a Annotation,
    /// Byte span on the current text; `None` when it could not be placed.
    pub span: Option<Span>,
}

/// [`apply`] with `annotations` (all of one article's) placed on the article's `text`.
pub fn apply_on(text: &str, x: Extraction, annotations: &[Annotation]) -> Extraction {
    if !any(annotations) {
        return x;
    }
    let anchorer = Anchorer::new(text);
    let placed: Vec<Placed<'_>> = annotations
        .iter()
        .filter(|a| of(a).is_some())
        .map(|annotation| Placed {
            annotation,
            span: anchorer.anchor(&annotation.target).span,
        })
        .collect();
    apply(x, &placed)
}

/// The annotations of every article that has corrections, found by article id or by
/// the path recorded for it (an edited article keeps its path): what the headless
/// commands apply, shared by their worker threads.
#[derive(Debug, Default)]
pub struct Book {
    files: Vec<Vec<Annotation>>,
    by_id: HashMap<String, usize>,
    by_path: HashMap<PathBuf, usize>,
}

impl Book {
    pub fn of(library: &Library) -> Book {
        let mut book = Book::default();
        for (_, file) in library.files() {
            if !any(file.annotations()) {
                continue;
            }
            let at = book.files.len();
            book.files.push(file.annotations().to_vec());
            let meta = file.article();
            book.by_id.insert(meta.id.clone(), at);
            if !meta.path.is_empty() {
                book.by_path.insert(PathBuf::from(&meta.path), at);
            }
        }
        book
    }

    pub fn is_empty(&self) -> bool {
        self.files.is_empty()
    }

    /// The annotations of the article with content id `id` at `path`, if it has
    /// corrections.
    pub fn for_article(&self, id: &str, path: &Path) -> Option<&[Annotation]> {
        let at = self.by_id.get(id).or_else(|| {
            let absolute = std::path::absolute(path).ok();
            self.by_path
                .get(path)
                .or_else(|| self.by_path.get(absolute.as_deref()?))
        })?;
        self.files.get(*at).map(Vec::as_slice)
    }
}

/// The extraction as the reader corrected it: renames (and merges) first, in the order
/// they were made, then claims given to someone else or taken back, then passages that
/// are no claim. Corrections whose speaker or claim the text no longer has do nothing.
/// Linear in the claims and speakers for each correction.
pub fn apply(mut x: Extraction, corrections: &[Placed<'_>]) -> Extraction {
    let mut ordered: Vec<(&Placed<'_>, &Correction)> = corrections
        .iter()
        .filter_map(|p| Some((p, of(p.annotation)?)))
        .collect();
    ordered.sort_by_key(|(p, _)| p.annotation.created);
    // Speakers merged into another: left in place until the end so indices hold.
    let mut gone = vec![false; x.speakers.len()];
    for (placed, c) in &ordered {
        if let Some(to) = c.rename.as_deref().map(str::trim).filter(|t| !t.is_empty()) {
            rename(&mut x, &mut gone, placed, to);
        }
    }
    for (placed, c) in &ordered {
        if let (Some(name), Some(span), false) = (c.speaker.as_deref(), placed.span, c.not_a_claim)
        {
            reassign(&mut x, &mut gone, span, name.trim());
        }
    }
    let not_claims: Vec<Span> = ordered
        .iter()
        .filter(|(_, c)| c.not_a_claim)
        .filter_map(|(p, _)| p.span)
        .collect();
    if !not_claims.is_empty() {
        let drop: Vec<usize> = not_claims
            .iter()
            .filter_map(|&span| claim_on(&x.claims, span))
            .collect();
        let mut i = 0;
        x.claims.retain(|_| {
            i += 1;
            !drop.contains(&(i - 1))
        });
    }
    compact(&mut x, &gone);
    x
}

/// The speaker a rename names: the one with that name, else the one the annotation's
/// passage is a mention of.
fn renamed_speaker(x: &Extraction, gone: &[bool], placed: &Placed<'_>) -> Option<usize> {
    let alive = |i: &usize| !gone.get(*i).copied().unwrap_or(true);
    let by_name = placed.annotation.speaker.as_deref().and_then(|from| {
        (0..x.speakers.len())
            .filter(alive)
            .find(|&i| x.speakers.get(i).is_some_and(|s| s.name == from))
    });
    by_name.or_else(|| {
        let span = placed.span?;
        (0..x.speakers.len()).filter(alive).find(|&i| {
            x.speakers
                .get(i)
                .is_some_and(|s| s.mentions.iter().any(|m| overlaps(*m, span)))
        })
    })
}

fn rename(x: &mut Extraction, gone: &mut [bool], placed: &Placed<'_>, to: &str) {
    let Some(from) = renamed_speaker(x, gone, placed) else {
        return;
    };
    match find_speaker(x, gone, to).filter(|&j| j != from) {
        Some(into) => merge(x, gone, from, into),
        None => {
            if let Some(s) = x.speakers.get_mut(from) {
                s.name = to.to_owned();
            }
        }
    }
}

/// The living speaker called `name` (case aside).
fn find_speaker(x: &Extraction, gone: &[bool], name: &str) -> Option<usize> {
    x.speakers.iter().enumerate().position(|(i, s)| {
        !gone.get(i).copied().unwrap_or(true) && s.name.to_lowercase() == name.to_lowercase()
    })
}

/// Speaker `from` is `into`: its claims and mentions go there.
fn merge(x: &mut Extraction, gone: &mut [bool], from: usize, into: usize) {
    for c in &mut x.claims {
        if c.speaker == Some(from) {
            c.speaker = Some(into);
        }
    }
    let (mentions, role) = match x.speakers.get_mut(from) {
        Some(s) => (std::mem::take(&mut s.mentions), s.role.take()),
        None => return,
    };
    if let Some(s) = x.speakers.get_mut(into) {
        s.mentions.extend(mentions);
        s.mentions.sort_by_key(|m| m.start);
        s.mentions.dedup();
        if s.role.is_none() {
            s.role = role;
        }
    }
    if let Some(g) = gone.get_mut(from) {
        *g = true;
    }
}

/// The claim on `span` is `name`'s (nobody's when empty); or, when `span` is a mention
/// that attributes claims, every claim it attributes (the mention is split off).
fn reassign(x: &mut Extraction, gone: &mut Vec<bool>, span: Span, name: &str) {
    let claims: Vec<usize> = match claim_on(&x.claims, span) {
        Some(c) => vec![c],
        None => (0..x.claims.len())
            .filter(|&i| x.claims.get(i).and_then(|c| c.source) == Some(span))
            .collect(),
    };
    if claims.is_empty() {
        return;
    }
    let split_mention = claim_on(&x.claims, span).is_none();
    let to = match name {
        "" => None,
        name => Some(find_speaker(x, gone, name).unwrap_or_else(|| {
            x.speakers.push(Speaker {
                name: name.to_owned(),
                role: None,
                kind: SpeakerKind::Person,
                mentions: Vec::new(),
            });
            gone.push(false);
            x.speakers.len() - 1
        })),
    };
    for &i in &claims {
        if let Some(c) = x.claims.get_mut(i) {
            c.speaker = to;
        }
    }
    if split_mention {
        for s in &mut x.speakers {
            s.mentions.retain(|m| *m != span);
        }
        if let Some(s) = to.and_then(|t| x.speakers.get_mut(t)) {
            s.mentions.push(span);
            s.mentions.sort_by_key(|m| m.start);
        }
    }
}

/// The claim a corrected passage is: the one on exactly that span, else the one it
/// overlaps most, if that covers at least half of either (a re-anchored passage may have
/// shifted by a word).
fn claim_on(claims: &[Claim], span: Span) -> Option<usize> {
    if let Some(i) = claims.iter().position(|c| c.span == span) {
        return Some(i);
    }
    claims
        .iter()
        .enumerate()
        .map(|(i, c)| (i, overlap(c.span, span), c.span.len()))
        .filter(|&(_, o, len)| o > 0 && (2 * o >= len || 2 * o >= span.len()))
        .max_by_key(|&(_, o, _)| o)
        .map(|(i, _, _)| i)
}

fn overlap(a: Span, b: Span) -> usize {
    a.end.min(b.end).saturating_sub(a.start.max(b.start))
}

fn overlaps(a: Span, b: Span) -> bool {
    overlap(a, b) > 0
}

/// Drops the merged speakers and renumbers the claims' speakers.
fn compact(x: &mut Extraction, gone: &[bool]) {
    if !gone.iter().any(|&g| g) {
        return;
    }
    let mut new_index = Vec::with_capacity(gone.len());
    let mut next = 0;
    for &g in gone {
        new_index.push((!g).then(|| {
            next += 1;
            next - 1
        }));
    }
    let mut i = 0;
    x.speakers.retain(|_| {
        i += 1;
        !gone.get(i - 1).copied().unwrap_or(false)
    });
    for c in &mut x.claims {
        c.speaker = c.speaker.and_then(|s| new_index.get(s).copied().flatten());
    }
}

#[cfg(test)]
#[path = "corrections_tests.rs"]
mod tests;
