//! Speakers and coreference: every mention of a speaker — full name, surname, title,
//! description or pronoun — is linked to one entity with a canonical name.

use super::candidate::{Candidate, Inherit};
use super::doc::Doc;
use super::lexicon::class;
use super::np::{self, Np, NpKind};
use super::{Speaker, SpeakerKind, Span};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Gender {
    Unknown,
    Male,
    Female,
}

#[derive(Debug)]
struct Entity {
    kind: NpKind,
    /// Lowercased name words, for matching surnames and fuller names.
    words: Vec<String>,
    display: String,
    role: Option<String>,
    gender: Gender,
    plural: bool,
    mentions: Vec<Span>,
}

/// One mention in text order.
#[derive(Debug, Clone, Copy)]
struct Mention {
    np: Np,
    /// The candidate this mention is the source of.
    claim: Option<usize>,
    /// A subject: a claim's source or the first phrase of its sentence.
    subject: bool,
}

/// Links claim sources to speakers. Returns the speakers (only those with claims, in order
/// of first mention) and, per candidate, its speaker index.
pub(crate) fn resolve(doc: &Doc, claims: &[Candidate]) -> (Vec<Speaker>, Vec<Option<usize>>) {
    let mut mentions: Vec<Mention> = claims
        .iter()
        .enumerate()
        .filter_map(|(k, c)| {
            c.source.map(|np| Mention {
                np,
                claim: Some(k),
                subject: true,
            })
        })
        .collect();
    scan_names(doc, claims, &mut mentions);
    mentions.sort_by_key(|m| (m.np.first, m.claim.is_none()));
    mentions.dedup_by(|b, a| a.np.first == b.np.first && a.np.end == b.np.end && {
        // Keep the claim link when a scanned name duplicates a source.
        if a.claim.is_none() {
            a.claim = b.claim;
        }
        true
    });

    let mut entities: Vec<Entity> = Vec::new();
    // Entity of each mention (None for unresolved pronouns and dropped scan names).
    let mut linked: Vec<Option<usize>> = Vec::with_capacity(mentions.len());
    for (m_idx, m) in mentions.iter().enumerate() {
        let e = match m.np.kind {
            NpKind::Pronoun => resolve_pronoun(doc, m, &mentions[..m_idx], &linked, &mut entities),
            NpKind::Place => None,
            _ => link_named(doc, m, &mut entities),
        };
        linked.push(e);
        if let Some(e) = e
            && let Some(ent) = entities.get_mut(e)
        {
            ent.mentions.push(mention_span(doc, &m.np));
        }
    }
    merge_descriptions(&mut entities, &mut linked);

    // Speaker of each claim.
    let mut claim_entity: Vec<Option<usize>> = vec![None; claims.len()];
    for (m, e) in mentions.iter().zip(&linked) {
        if let Some(k) = m.claim
            && let Some(slot) = claim_entity.get_mut(k)
        {
            *slot = *e;
        }
    }
    let mut previous = None;
    for (k, c) in claims.iter().enumerate() {
        if c.inherit == Inherit::Previous && claim_entity[k].is_none() {
            claim_entity[k] = previous;
        }
        if claim_entity[k].is_some() {
            previous = claim_entity[k];
        }
    }

    // Keep entities that speak, numbered by first mention.
    let mut order: Vec<usize> = claim_entity.iter().flatten().copied().collect();
    order.sort_by_key(|&e| entities.get(e).and_then(|x| x.mentions.first().copied()));
    order.dedup();
    let mut index = vec![None; entities.len()];
    let mut speakers = Vec::with_capacity(order.len());
    for e in order {
        let Some(ent) = entities.get_mut(e) else { continue };
        index[e] = Some(speakers.len());
        let mut mentions = std::mem::take(&mut ent.mentions);
        mentions.sort();
        mentions.dedup();
        let mut last_end = 0;
        mentions.retain(|s| {
            let keep = s.start >= last_end;
            if keep {
                last_end = s.end;
            }
            keep
        });
        speakers.push(Speaker {
            name: ent.display.clone(),
            role: ent.role.clone(),
            kind: match ent.kind {
                NpKind::Person => SpeakerKind::Person,
                NpKind::Org | NpKind::Handle => SpeakerKind::Organization,
                _ => SpeakerKind::Nominal,
            },
            mentions,
        });
    }
    let claim_speaker = claim_entity
        .into_iter()
        .map(|e| e.and_then(|e| index.get(e).copied().flatten()))
        .collect();
    (speakers, claim_speaker)
}

/// The span that names: the name for people, the phrase without its determiner otherwise.
fn mention_span(doc: &Doc, np: &Np) -> Span {
    doc.span(np.name.0, np.name.1)
}

fn words_of(doc: &Doc, np: &Np) -> Vec<String> {
    (np.name.0..np.name.1)
        .filter(|&k| doc.is_word(k))
        .map(|k| {
            let w = doc.word(k).to_lowercase();
            w.strip_suffix("'s")
                .or_else(|| w.strip_suffix("’s"))
                .map(str::to_owned)
                .unwrap_or(w)
        })
        .collect()
}

fn text_of(doc: &Doc, range: (usize, usize)) -> String {
    doc.span(range.0, range.1)
        .slice(doc.text)
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}

/// Person mentions outside claims' sources that coreference needs: names with a title
/// (`Secretary of State Marco Rubio`) or an appositive (`Zhang Run, director-general …`),
/// and later surnames of known people (`Rubio, during his visits …`).
fn scan_names(doc: &Doc, claims: &[Candidate], out: &mut Vec<Mention>) {
    let n = doc.len();
    let mut i = 0;
    let known_before = out.len();
    let mut weak: Vec<Mention> = Vec::new();
    while i < n {
        let starts_chain = doc.is_cap(i) && (i == 0 || !doc.is_cap(i - 1)) && !doc.in_quote(i);
        if !starts_chain {
            i += 1;
            continue;
        }
        let end = super::quotes::sentence_end(doc, i);
        let Some(np) = np::starting_at(doc, i, end) else {
            i += 1;
            continue;
        };
        let next = np.end.max(i + 1);
        if np.kind == NpKind::Person {
            let sentence_start = doc.sentence(i).is_some_and(|s| s.first == np.first);
            let titled = np.role.is_some();
            let appositive = np::appositive_after(doc, np.end, end);
            let mut np = np;
            if np.role.is_none() {
                np.role = appositive;
            }
            let m = Mention {
                np,
                claim: None,
                subject: sentence_start,
            };
            if titled || appositive.is_some() {
                out.push(m);
            } else {
                weak.push(m);
            }
        }
        i = next;
    }
    // Surnames and bare names count only when they match a known person.
    let known: Vec<Vec<String>> = out
        .iter()
        .filter(|m| m.np.kind == NpKind::Person)
        .map(|m| words_of(doc, &m.np))
        .collect();
    let _ = (known_before, claims);
    for m in weak {
        let w = words_of(doc, &m.np);
        if known
            .iter()
            .any(|k| w.iter().all(|x| k.contains(x)) && !w.is_empty())
        {
            out.push(m);
        }
    }
}

fn link_named(doc: &Doc, m: &Mention, entities: &mut Vec<Entity>) -> Option<usize> {
    let words = words_of(doc, &m.np);
    if words.is_empty() {
        return None;
    }
    let role = m.np.role.map(|r| text_of(doc, r));
    let display = text_of(doc, m.np.name);
    let plural = m.np.kind == NpKind::Nominal && words.last().is_some_and(|w| w.ends_with('s'));
    // Most recent compatible entity first.
    let found = (0..entities.len()).rev().find(|&e| {
        let ent = &entities[e];
        match (m.np.kind, ent.kind) {
            (NpKind::Person, NpKind::Person) => {
                words.iter().all(|w| ent.words.contains(w))
                    || ent.words.iter().all(|w| words.contains(w))
            }
            (NpKind::Nominal, NpKind::Nominal) => ent.words.last() == words.last(),
            (NpKind::Nominal, NpKind::Person) => {
                !plural && role_matches(ent.role.as_deref(), words.last().map(String::as_str))
            }
            // `Foreign ministry` and `The Foreign Ministry` are one organisation.
            (NpKind::Org | NpKind::Nominal, NpKind::Org | NpKind::Nominal) => ent.words == words,
            (a, b) => a == b && ent.words == words,
        }
    });
    match found {
        Some(e) => {
            let ent = &mut entities[e];
            if m.np.kind == ent.kind && words.len() > ent.words.len() {
                ent.words = words;
                ent.display = display;
            }
            if ent.role.is_none() {
                ent.role = role;
            }
            Some(e)
        }
        None => {
            entities.push(Entity {
                kind: m.np.kind,
                words,
                display,
                role,
                gender: Gender::Unknown,
                plural,
                mentions: Vec::new(),
            });
            Some(entities.len() - 1)
        }
    }
}

/// Does a person's role end with this description's head (`spokesperson`, `FM`)?
fn role_matches(role: Option<&str>, head: Option<&str>) -> bool {
    let (Some(role), Some(head)) = (role, head) else {
        return false;
    };
    let role = role.to_lowercase();
    let head = match head {
        "fm" => "foreign minister",
        "pm" => "prime minister",
        h => h,
    };
    role.ends_with(head) || role.contains(&format!("{head} of")) || role.contains(&format!("{head},"))
}

/// A description that names a person's role (`the Chinese FM` before `Foreign Minister
/// Wang Yi`) is that person, when exactly one person has that role.
fn merge_descriptions(entities: &mut [Entity], linked: &mut [Option<usize>]) {
    for d in 0..entities.len() {
        if entities[d].kind != NpKind::Nominal || entities[d].plural {
            continue;
        }
        let head = entities[d].words.last().cloned();
        let matches: Vec<usize> = (0..entities.len())
            .filter(|&p| {
                entities[p].kind == NpKind::Person
                    && role_matches(entities[p].role.as_deref(), head.as_deref())
            })
            .collect();
        if let [p] = matches[..] {
            let moved = std::mem::take(&mut entities[d].mentions);
            entities[p].mentions.extend(moved);
            for l in linked.iter_mut() {
                if *l == Some(d) {
                    *l = Some(p);
                }
            }
        }
    }
}

fn resolve_pronoun(
    doc: &Doc,
    m: &Mention,
    before: &[Mention],
    linked: &[Option<usize>],
    entities: &mut [Entity],
) -> Option<usize> {
    let lex = doc.lex(m.np.first);
    let want = if lex.is(class::MALE) {
        Gender::Male
    } else if lex.is(class::FEMALE) {
        Gender::Female
    } else {
        Gender::Unknown
    };
    let plural = lex.is(class::PLURAL);
    let word = doc.word(m.np.first).to_ascii_lowercase();
    if word == "i" || word == "we" || word == "us" || word == "me" {
        return None;
    }
    let here = doc.sentence_of.get(m.np.first).copied().unwrap_or(0);
    let fits = |e: usize| -> bool {
        let Some(ent) = entities.get(e) else { return false };
        match word.as_str() {
            "it" => matches!(ent.kind, NpKind::Org) || ent.kind == NpKind::Nominal && !ent.plural,
            _ if plural => ent.plural || ent.kind == NpKind::Org,
            _ => {
                matches!(ent.kind, NpKind::Person | NpKind::Nominal)
                    && !ent.plural
                    && (want == Gender::Unknown || ent.gender == Gender::Unknown || ent.gender == want)
            }
        }
    };
    let pick = |subjects_only: bool, window: u32| -> Option<usize> {
        before
            .iter()
            .zip(linked)
            .rev()
            .filter(|(b, _)| {
                let s = doc.sentence_of.get(b.np.first).copied().unwrap_or(0);
                here.saturating_sub(s) <= window && (!subjects_only || b.subject)
            })
            .find_map(|(_, e)| e.filter(|&e| fits(e)))
    };
    let e = pick(true, 3).or_else(|| pick(false, 5))?;
    if let Some(ent) = entities.get_mut(e)
        && ent.gender == Gender::Unknown
        && ent.kind == NpKind::Person
    {
        ent.gender = want;
    }
    Some(e)
}
