//! Speakers and coreference: every mention of a speaker — full name, surname, title,
//! description or pronoun — is linked to one entity with a canonical name.

use super::candidate::{Candidate, Inherit};
use super::doc::Doc;
use super::lexicon::class;
use super::np::{self, Np, NpKind};
use super::{Span, Speaker, SpeakerKind};
use rustc_hash::FxHashMap;

mod gender;
mod names;
use gender::{Gender, gender_of};
use names::{display_name, expand_title, may_have_role, role_key, role_matches, role_of};

#[derive(Debug)]
struct Entity {
    kind: NpKind,
    /// Keys of the lowercased name words, for matching surnames and fuller names.
    words: Vec<WordKey>,
    /// The last name word, lowercased: a description's head (`spokesperson`).
    head: String,
    /// The mention whose name is shown (its text is built only for entities that speak).
    display: Np,
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
    scan_names(doc, &mut mentions);
    mentions.sort_by_key(|m| (m.np.first, m.claim.is_none()));
    // A scanned name that duplicates a source adds nothing; two claims sharing one source
    // (`"…," she said, adding that …`) keep a mention each.
    mentions.dedup_by(|b, a| a.np.first == b.np.first && a.np.end == b.np.end && b.claim.is_none());

    let mut entities: Vec<Entity> = Vec::new();
    let mut index = Index::default();
    let mut scratch = Scratch::default();
    // Entity of each mention (None for unresolved pronouns and dropped scan names).
    let mut linked: Vec<Option<usize>> = Vec::with_capacity(mentions.len());
    for (m_idx, m) in mentions.iter().enumerate() {
        let e = match m.np.kind {
            NpKind::Pronoun => resolve_pronoun(doc, m, &mentions[..m_idx], &linked, &mut entities),
            NpKind::Place => None,
            _ => link_named(doc, m, &mut entities, &mut index, &mut scratch),
        };
        linked.push(e);
        if let Some(e) = e
            && let Some(ent) = entities.get_mut(e)
        {
            ent.mentions.push(mention_span(doc, &m.np));
        }
    }
    merge_descriptions(&mut entities, &mut linked, &index);

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
        let Some(ent) = entities.get_mut(e) else {
            continue;
        };
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
            name: display_name(doc, &ent.display),
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

/// A name word, lowercased and hashed: words are compared often and never shown, so they
/// need no strings of their own.
type WordKey = u64;

/// The key of a word: its lowercase characters, without a possessive ending.
fn word_key(word: &str) -> WordKey {
    use std::hash::Hasher;
    let word = crate::text::tokens::possessive_stem(word).unwrap_or(word);
    let mut h = rustc_hash::FxHasher::default();
    if word.is_ascii() {
        // Names are nearly all ASCII: fold bytes without decoding characters. The keys
        // of a word in any case are equal, and differ from every other word's but by
        // hash collision, as before.
        for b in word.bytes() {
            h.write_u32(u32::from(b.to_ascii_lowercase()));
        }
        return h.finish();
    }
    for c in word.chars().flat_map(char::to_lowercase) {
        h.write_u32(c as u32);
    }
    h.finish()
}

/// The keys of the words of a mention's name.
fn word_keys<'d>(doc: &'d Doc, np: &Np) -> impl Iterator<Item = WordKey> + 'd {
    (np.name.0..np.name.1)
        .filter(|&k| doc.is_word(k))
        .map(|k| word_key(doc.word(k)))
}

/// Buffers reused from one mention to the next: most mentions link to an entity that
/// exists already and keep nothing they were compared with.
#[derive(Default)]
struct Scratch {
    words: Vec<WordKey>,
    candidates: Vec<usize>,
}

/// The last word of a name, lowercased, without a possessive ending.
fn head_of(doc: &Doc, np: &Np) -> String {
    head_stem(doc, np).to_lowercase()
}

/// The last word of a name without a possessive ending, as written.
fn head_stem<'d>(doc: &'d Doc, np: &Np) -> &'d str {
    let w = doc.word(np.name.1.saturating_sub(1));
    crate::text::tokens::possessive_stem(w).unwrap_or(w)
}

/// Person mentions outside claims' sources that coreference needs: names with a title
/// (`Secretary of State Marco Rubio`) or an appositive (`Zhang Run, director-general …`),
/// and later surnames of known people (`Rubio, during his visits …`).
fn scan_names(doc: &Doc, out: &mut Vec<Mention>) {
    let n = doc.len();
    let mut i = 0;
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
        // In a title-case line every word is capitalised, so a long run is a headline,
        // not a name (`Chuck Grassley Compares Trump’s Racism To Sonia Sotomayor`).
        if np.kind == NpKind::Person
            && doc.words_in(np.first, np.end) > 3
            && title_case_line(doc, i)
        {
            i = next;
            continue;
        }
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
        } else if np.kind == NpKind::Org && np.first > 0 && doc.word_is(np.first - 1, "the") {
            // `the Dallas Morning News`: an organisation named in passing, for `it` later.
            out.push(Mention {
                np,
                claim: None,
                subject: doc.sentence(i).is_some_and(|s| s.first + 1 == np.first),
            });
        }
        i = next;
    }
    // Surnames and bare names count only when they match a known person.
    let known: rustc_hash::FxHashSet<WordKey> = out
        .iter()
        .filter(|m| m.np.kind == NpKind::Person)
        .flat_map(|m| word_keys(doc, &m.np))
        .collect();
    // A full name that ends with a known surname (`Donald Trump` where `Trump said`) is
    // that person too.
    for m in weak {
        let last = word_key(doc.word(m.np.name.1.saturating_sub(1)));
        if known.contains(&last) {
            out.push(m);
        }
    }
}

/// Tokens a title-case line may span: a headline is short, and a bound keeps the test
/// from scanning a whole long line for each name on it.
const TITLE_LINE_TOKENS: usize = 256;

/// Is the line holding token `i` in title case: four words or more, nearly all capitalised?
fn title_case_line(doc: &Doc, i: usize) -> bool {
    let lowest = i.saturating_sub(TITLE_LINE_TOKENS);
    let highest = doc.len().min(i.saturating_add(TITLE_LINE_TOKENS));
    let first = match (lowest..i).rev().find(|&k| doc.is_break(k)) {
        Some(k) => k + 1,
        None if lowest == 0 => 0,
        None => return false,
    };
    let end = match (i..highest).find(|&k| doc.is_break(k)) {
        Some(k) => k,
        None if highest == doc.len() => highest,
        None => return false,
    };
    let words = (first..end).filter(|&k| doc.is_word(k)).take(64);
    let (mut all, mut capitalised) = (0, 0);
    for k in words {
        all += 1;
        capitalised += usize::from(doc.is_cap(k));
    }
    all >= 4 && capitalised * 10 >= all * 8
}

/// How many entities sharing a word a mention is compared with, most recent first.
const RECENT: usize = 32;

/// Entities by the words of their names and roles, so linking a mention looks at the few
/// entities that share a word with it rather than at all of them.
#[derive(Default)]
struct Index {
    by_word: FxHashMap<WordKey, Vec<usize>>,
    by_role_word: FxHashMap<String, Vec<usize>>,
}

impl Index {
    fn add_words(&mut self, e: usize, words: &[WordKey]) {
        for &w in words {
            let list = self.by_word.entry(w).or_default();
            if list.last() != Some(&e) {
                list.push(e);
            }
        }
    }

    fn add_role(&mut self, e: usize, role: &str) {
        for w in role.split_whitespace() {
            let w = w.trim_matches(|c: char| !c.is_alphanumeric());
            // Only words that can name a role are looked up by descriptions later.
            let lex = super::lexicon::lookup(w);
            // (Abbreviations are short: no lowercase copy of longer words.)
            let full = if w.len() <= 4 {
                expand_title(&w.to_ascii_lowercase())
            } else {
                None
            };
            if !lex.is(class::TITLE | class::ROLE_NOUN) && full.is_none() {
                continue;
            }
            let key = full.map_or_else(|| w.to_lowercase(), str::to_owned);
            let list = self.by_role_word.entry(key).or_default();
            if list.last() != Some(&e) {
                list.push(e);
            }
        }
    }

    /// Entities sharing a name word with `words`, or (for descriptions) whose role holds
    /// `head`; most recently created first.
    /// Entities that may be the one `words` (and, for a description, `head`) name, most
    /// recent first, into `out`.
    fn candidates(&self, words: &[WordKey], head: Option<&str>, out: &mut Vec<usize>) {
        // The most recent entities per word are enough: an article with a hundred
        // different Johns must not make every new John compare with all of them.
        fn recent(list: &[usize]) -> impl Iterator<Item = usize> + '_ {
            list.iter().rev().take(RECENT).copied()
        }
        out.clear();
        out.extend(
            words
                .iter()
                .filter_map(|w| self.by_word.get(w))
                .flat_map(|list| recent(list)),
        );
        if let Some(h) = head {
            let key = role_key(h);
            if let Some(list) = self.by_role_word.get(key) {
                out.extend(recent(list));
            }
        }
        out.sort_unstable_by(|a, b| b.cmp(a));
        out.dedup();
    }
}

fn link_named(
    doc: &Doc,
    m: &Mention,
    entities: &mut Vec<Entity>,
    index: &mut Index,
    scratch: &mut Scratch,
) -> Option<usize> {
    let Scratch { words, candidates } = scratch;
    words.clear();
    words.extend(word_keys(doc, &m.np));
    let words = &*words;
    if words.is_empty() {
        return None;
    }
    // The lowercased head is text to build: only for a description, which is matched on
    // it, or for an entity that keeps it.
    let nominal = m.np.kind == NpKind::Nominal;
    let description = nominal.then(|| head_of(doc, &m.np));
    // `Senate Republicans`, `Wyoming Democrats`: a capitalised group is plural too.
    let group = m.np.kind == NpKind::Person
        && m.np.name.1 > m.np.name.0
        && doc.is(m.np.name.1 - 1, class::ROLE_NOUN);
    let plural = (nominal || group)
        && head_stem(doc, &m.np)
            .chars()
            .next_back()
            .is_some_and(|c| c.to_lowercase().next_back() == Some('s'));
    let head = description.as_deref();
    // Most recent compatible entity first.
    // `Mrs. Clinton` is not Bill Clinton, nor `Mr. Trump` Maryanne Trump Barry.
    // Worked out once, and only when a person of known gender is a candidate.
    let gender = std::cell::OnceCell::new();
    let gender_here = || *gender.get_or_init(|| gender_of(doc, &m.np));
    let compatible = |e: usize| {
        let Some(ent) = entities.get(e) else {
            return false;
        };
        match (m.np.kind, ent.kind) {
            (NpKind::Person, NpKind::Person) => {
                let same_words = words.iter().all(|w| ent.words.contains(w))
                    || ent.words.iter().all(|w| words.contains(w));
                same_words && {
                    let g = if ent.gender == Gender::Unknown {
                        Gender::Unknown
                    } else {
                        gender_here()
                    };
                    g == Gender::Unknown || g == ent.gender
                }
            }
            (NpKind::Nominal, NpKind::Nominal) => ent.words.last() == words.last(),
            (NpKind::Nominal, NpKind::Person) => !plural && role_matches(ent.role.as_deref(), head),
            // `Foreign ministry` and `The Foreign Ministry` are one organisation.
            (NpKind::Org | NpKind::Nominal, NpKind::Org | NpKind::Nominal) => ent.words == *words,
            (a, b) => a == b && ent.words == *words,
        }
    };
    index.candidates(words, head, candidates);
    let candidates = candidates.iter().copied();
    // A bare surname shared by several people (`Trump` after `Donald Trump` and `Ivanka
    // Trump`) is the first of them, as news style introduces the principal first;
    // anything else links to the most recent compatible entity.
    let found = if words.len() == 1 && m.np.kind == NpKind::Person {
        candidates.filter(|&e| compatible(e)).min()
    } else {
        candidates.clone().find(|&e| compatible(e))
    };
    match found {
        Some(e) => {
            // Names and roles are text to build: only when the mention adds to the entity.
            let ent = &mut entities[e];
            if ent.gender == Gender::Unknown && ent.kind == NpKind::Person {
                ent.gender = gender_here();
            }
            if m.np.kind == ent.kind && words.len() > ent.words.len() {
                index.add_words(e, words);
                ent.words = words.to_vec();
                ent.head = description.clone().unwrap_or_else(|| head_of(doc, &m.np));
                ent.display = m.np;
            }
            if ent.role.is_none()
                && may_have_role(&m.np)
                && let Some(r) = role_of(doc, &m.np)
            {
                index.add_role(e, &r);
                ent.role = Some(r);
            }
            Some(e)
        }
        None => {
            let e = entities.len();
            index.add_words(e, words);
            let role = may_have_role(&m.np).then(|| role_of(doc, &m.np)).flatten();
            if let Some(r) = &role {
                index.add_role(e, r);
            }
            entities.push(Entity {
                kind: m.np.kind,
                words: words.to_vec(),
                head: description.unwrap_or_else(|| head_of(doc, &m.np)),
                display: m.np,
                role,
                gender: gender_of(doc, &m.np),
                plural,
                mentions: Vec::new(),
            });
            Some(e)
        }
    }
}

/// A description that names a person's role (`the Chinese FM` before `Foreign Minister
/// Wang Yi`) is that person, when exactly one person has that role.
fn merge_descriptions(entities: &mut [Entity], linked: &mut [Option<usize>], index: &Index) {
    let mut remap: Vec<Option<usize>> = vec![None; entities.len()];
    for d in 0..entities.len() {
        if entities[d].kind != NpKind::Nominal || entities[d].plural {
            continue;
        }
        let head = entities[d].head.clone();
        if head.is_empty() {
            continue;
        }
        let holders = index.by_role_word.get(role_key(&head));
        if holders.is_some_and(|list| list.len() > RECENT) {
            // So many people share the role word that the description names none of them.
            continue;
        }
        let matches: Vec<usize> = holders
            .into_iter()
            .flatten()
            .copied()
            .filter(|&p| {
                entities[p].kind == NpKind::Person
                    && role_matches(entities[p].role.as_deref(), Some(&head))
            })
            .collect::<std::collections::BTreeSet<_>>()
            .into_iter()
            .collect();
        if let [p] = matches[..] {
            remap[d] = Some(p);
            let moved = std::mem::take(&mut entities[d].mentions);
            entities[p].mentions.extend(moved);
        }
    }
    for l in linked.iter_mut() {
        if let Some(e) = *l
            && let Some(Some(p)) = remap.get(e)
        {
            *l = Some(*p);
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
        let Some(ent) = entities.get(e) else {
            return false;
        };
        match word.as_str() {
            "it" | "its" | "itself" => {
                matches!(ent.kind, NpKind::Org) || ent.kind == NpKind::Nominal && !ent.plural
            }
            _ if plural => ent.plural || ent.kind == NpKind::Org,
            _ => {
                matches!(ent.kind, NpKind::Person | NpKind::Nominal)
                    && !ent.plural
                    && (want == Gender::Unknown
                        || ent.gender == Gender::Unknown
                        || ent.gender == want)
            }
        }
    };
    let pick = |subjects_only: bool, window: u32| -> Option<usize> {
        // Mentions are in text order: stop at the first one outside the window.
        before
            .iter()
            .zip(linked)
            .rev()
            .take_while(|(b, _)| {
                let s = doc.sentence_of.get(b.np.first).copied().unwrap_or(0);
                here.saturating_sub(s) <= window
            })
            .filter(|(b, _)| !subjects_only || b.subject)
            // An organisation named in passing is `it`, not `they`.
            .filter(|(b, _)| !(plural && b.np.kind == NpKind::Org && b.claim.is_none()))
            .find_map(|(_, e)| e.filter(|&e| fits(e)))
    };
    // `forcing Sanders to reverse his opposition`: a possessive belongs to the nearest
    // compatible mention in its own sentence, whatever its role.
    let possessive = matches!(word.as_str(), "his" | "her" | "their" | "its");
    let e = possessive
        .then(|| pick(false, 0))
        .flatten()
        .or_else(|| pick(true, 3))
        .or_else(|| pick(false, 5))?;
    if let Some(ent) = entities.get_mut(e)
        && ent.gender == Gender::Unknown
        && ent.kind == NpKind::Person
    {
        ent.gender = want;
    }
    Some(e)
}
