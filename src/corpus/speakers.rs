//! Cross-article speaker identity: which speakers of different articles are one person
//! (or organisation), for the speakers index, and the name matching the library filter
//! shares with it.
//!
//! The engine resolves each article on its own and gives every speaker a canonical name,
//! the fullest the text gives (`Lynch`, after `Stephen Lynch`, is `Stephen Lynch`). Across
//! articles the rule is strict, because a wrong merge puts one person's words in another's
//! mouth:
//!
//! * named speakers ([`SpeakerKind::Person`], [`SpeakerKind::Organization`]) of different
//!   articles are one entry when their canonical names are equal after [`normalise`]
//!   (case, punctuation, spacing, a leading `the`) and their kinds agree;
//! * so a bare surname never joins a different, fuller name from another article: an
//!   article that only says `Lynch` and one that names `Stephen Lynch` stay two entries,
//!   since only the article itself can tell which Lynch it means;
//! * descriptions (`officials`, `a spokesman`: [`SpeakerKind::Nominal`]) and names with
//!   nothing left after normalising are never one library-wide entry: each stays with its
//!   article.

use std::collections::HashMap;

use super::digest::{Digest, SpeakerDigest};
use crate::extract::SpeakerKind;

/// What makes two speakers of the library the same entry.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum Identity {
    /// A named person or organisation: the same across articles.
    Named { kind: SpeakerKind, name: String },
    /// A description (or a name that normalises to nothing): one speaker of one article.
    Local { article: usize, speaker: usize },
}

impl Identity {
    /// The identity of speaker `speaker` (its index in the article's speakers) of article
    /// `article`, called `name`, of kind `kind`.
    pub fn of(article: usize, speaker: usize, name: &str, kind: SpeakerKind) -> Identity {
        let name = normalise(name);
        if kind == SpeakerKind::Nominal || name.is_empty() {
            Identity::Local { article, speaker }
        } else {
            Identity::Named { kind, name }
        }
    }
}

/// A speaker in one article.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Appearance {
    pub article: usize,
    /// Index in that article's speakers.
    pub speaker: usize,
    pub claims: usize,
}

/// One person (or organisation, or an article's description) across the library.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Person {
    /// The canonical name as its first article (by index) writes it.
    pub name: String,
    pub kind: SpeakerKind,
    /// Distinct roles the articles give, in article order.
    pub roles: Vec<String>,
    /// Sorted by article, then speaker.
    pub appearances: Vec<Appearance>,
    /// More than 1 for a group of descriptions with the same wording ([`group_descriptions`]):
    /// that many different speakers, not one person.
    pub grouped: usize,
}

impl Person {
    pub fn claims(&self) -> usize {
        self.appearances.iter().map(|a| a.claims).sum()
    }

    pub fn articles(&self) -> usize {
        let mut a: Vec<usize> = self.appearances.iter().map(|a| a.article).collect();
        a.dedup();
        a.len()
    }
}

/// Lower case, letters and digits only, single spaces, no leading `the`.
pub fn normalise(name: &str) -> String {
    let cleaned: String = name
        .chars()
        .flat_map(|c| {
            let keep = c.is_alphanumeric();
            c.to_lowercase().map(move |l| if keep { l } else { ' ' })
        })
        .collect();
    let words: Vec<&str> = cleaned.split_whitespace().collect();
    let words = match words.split_first() {
        Some((&"the", rest)) if !rest.is_empty() => rest,
        _ => &words[..],
    };
    words.join(" ")
}

/// A word of the library filter, read as names are read: normalised like them
/// (`Wang-Yi` → `wang yi`), it names a speaker when it occurs in their normalised name.
/// The library filter and the speakers index thus agree: filtering by an entry's name
/// finds every article the index lists for it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NameQuery(String);

impl NameQuery {
    pub fn new(word: &str) -> Self {
        NameQuery(normalise(word))
    }

    /// Whether the query names the speaker whose [`normalise`]d name is `normalised_name`.
    pub fn matches(&self, normalised_name: &str) -> bool {
        !self.0.is_empty() && normalised_name.contains(&self.0)
    }
}

/// The people of a library, most claims first (then by name, then by first appearance).
/// The result does not depend on the order the articles come in.
pub fn merge<'a>(digests: impl IntoIterator<Item = (usize, &'a Digest)>) -> Vec<Person> {
    // Each entry keeps the speaker of its first appearance, for the name and kind.
    let mut groups: HashMap<Identity, Vec<(Appearance, &'a SpeakerDigest)>> = HashMap::new();
    for (article, x) in digests {
        for (i, s) in x.speakers.iter().enumerate() {
            let appearance = Appearance {
                article,
                speaker: i,
                claims: s.claims,
            };
            groups
                .entry(Identity::of(article, i, &s.name, s.kind))
                .or_default()
                .push((appearance, s));
        }
    }
    let mut people: Vec<Person> = groups
        .into_values()
        .filter_map(|mut group| {
            group.sort_by_key(|(a, _)| (a.article, a.speaker));
            let (_, first) = group.first()?;
            let mut roles: Vec<String> = Vec::new();
            for role in group.iter().filter_map(|(_, s)| s.role.as_deref()) {
                if !roles.iter().any(|r| r == role) {
                    roles.push(role.to_string());
                }
            }
            Some(Person {
                name: first.name.to_string(),
                kind: first.kind,
                roles,
                appearances: group.iter().map(|(a, _)| *a).collect(),
                grouped: 1,
            })
        })
        .collect();
    people.sort_by_cached_key(|p| {
        let first = p.appearances.first().map(|a| (a.article, a.speaker));
        (std::cmp::Reverse(p.claims()), p.name.to_lowercase(), first)
    });
    people
}

/// The wording that groups descriptions: normalised, without a leading `a`, `an` or `one`.
fn description_key(name: &str) -> String {
    let name = normalise(name);
    for article in ["a ", "an ", "one "] {
        if let Some(rest) = name.strip_prefix(article)
            && !rest.is_empty()
        {
            return rest.to_string();
        }
    }
    name
}

/// Folds descriptions (`officials`, `a spokesman`: one speaker of one article each, never
/// one person across articles) with the same wording into one entry, so that they do not
/// flood the index: its `grouped` says how many speakers it holds, and its appearances list
/// them all. Named people stay as they are; the order is [`merge`]'s.
pub fn group_descriptions(people: Vec<Person>) -> Vec<Person> {
    let mut out: Vec<Person> = Vec::with_capacity(people.len());
    let mut groups: HashMap<String, usize> = HashMap::new();
    for p in people {
        if p.kind != SpeakerKind::Nominal {
            out.push(p);
            continue;
        }
        let key = description_key(&p.name);
        match groups.get(&key).and_then(|&at| out.get_mut(at)) {
            Some(group) => {
                group.grouped += p.grouped;
                group.appearances.extend(p.appearances);
                for role in p.roles {
                    if !group.roles.contains(&role) {
                        group.roles.push(role);
                    }
                }
            }
            None => {
                groups.insert(key, out.len());
                out.push(p);
            }
        }
    }
    for group in out.iter_mut().filter(|p| p.grouped > 1) {
        group.appearances.sort_by_key(|a| (a.article, a.speaker));
    }
    out.sort_by_cached_key(|p| {
        let first = p.appearances.first().map(|a| (a.article, a.speaker));
        (std::cmp::Reverse(p.claims()), p.name.to_lowercase(), first)
    });
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::extract::{Claim, ClaimKind, Span};
    use crate::extract::{Extraction, Speaker};
    use proptest::prelude::*;

    fn speaker(name: &str, kind: SpeakerKind, role: Option<&str>) -> Speaker {
        Speaker {
            name: name.into(),
            role: role.map(Into::into),
            kind,
            mentions: vec![Span::new(0, 1)],
        }
    }

    fn person(name: &str) -> Speaker {
        speaker(name, SpeakerKind::Person, None)
    }

    fn claim(speaker: usize) -> Claim {
        Claim {
            span: Span::new(0, 1),
            fragments: Vec::new(),
            kind: ClaimKind::Direct,
            class: Default::default(),
            speaker: Some(speaker),
            source: None,
            cue: None,
        }
    }

    /// [`merge`] over extractions, through their digests.
    fn merge_x<'a>(xs: impl IntoIterator<Item = (usize, &'a Extraction)>) -> Vec<Person> {
        let digests: Vec<(usize, Digest)> =
            xs.into_iter().map(|(i, x)| (i, Digest::of(x))).collect();
        merge(digests.iter().map(|(i, d)| (*i, d)))
    }

    fn extraction(speakers: Vec<Speaker>, claims: Vec<usize>) -> Extraction {
        Extraction {
            speakers,
            claims: claims.into_iter().map(claim).collect(),
            numbers: Vec::new(),
        }
    }

    fn named<'p>(people: &'p [Person], name: &str) -> Vec<&'p Person> {
        people.iter().filter(|p| p.name == name).collect()
    }

    #[test]
    fn same_name_in_two_articles_is_one_person() {
        let a = extraction(
            vec![speaker(
                "Wang Yi",
                SpeakerKind::Person,
                Some("Foreign Minister"),
            )],
            vec![0, 0],
        );
        let b = extraction(vec![person("wang  yi")], vec![0]);
        let people = merge_x([(0, &a), (1, &b)]);
        assert_eq!(people.len(), 1);
        assert_eq!(people[0].name, "Wang Yi");
        assert_eq!((people[0].articles(), people[0].claims()), (2, 3));
        assert_eq!(people[0].roles, ["Foreign Minister"]);
    }

    #[test]
    fn descriptions_with_the_same_wording_are_grouped_not_merged() {
        let nominal = |n: &str| speaker(n, SpeakerKind::Nominal, None);
        let a = extraction(vec![nominal("officials"), person("Wang Yi")], vec![0, 1]);
        let b = extraction(
            vec![nominal("Officials"), nominal("a spokesman")],
            vec![0, 0, 1],
        );
        let c = extraction(vec![nominal("the spokesman")], vec![0]);
        let people = merge_x([(0, &a), (1, &b), (2, &c)]);
        assert_eq!(people.len(), 5, "merge keeps every description apart");
        let grouped = group_descriptions(people);
        let names: Vec<(&str, usize, usize)> = grouped
            .iter()
            .map(|p| (p.name.as_str(), p.grouped, p.claims()))
            .collect();
        assert_eq!(
            names,
            [
                ("Officials", 2, 3),
                ("a spokesman", 2, 2),
                ("Wang Yi", 1, 1)
            ]
        );
        let officials = &grouped[0];
        assert_eq!(officials.articles(), 2);
        let listed: Vec<(usize, usize)> = officials
            .appearances
            .iter()
            .map(|a| (a.article, a.speaker))
            .collect();
        assert_eq!(listed, [(0, 0), (1, 0)]);
    }

    /// Issue 7: Loretta Lynch's claims were merged into Stephen Lynch through a bare
    /// `Lynch` in a third article.
    #[test]
    fn a_bare_surname_never_joins_a_full_name_from_another_article() {
        let stephen = extraction(vec![person("Stephen Lynch")], vec![0]);
        let loretta = extraction(vec![person("Loretta Lynch")], vec![0; 22]);
        let bare = extraction(vec![person("Lynch")], vec![0, 0]);
        let rubio = extraction(vec![person("Marco Rubio")], vec![0]);
        let rubio_bare = extraction(vec![person("Rubio")], vec![0]);
        let people = merge_x([
            (0, &stephen),
            (1, &loretta),
            (2, &bare),
            (3, &rubio),
            (4, &rubio_bare),
        ]);
        let claims = |name: &str| match named(&people, name)[..] {
            [one] => one.claims(),
            ref found => panic!("{name}: {} entries", found.len()),
        };
        assert_eq!(claims("Stephen Lynch"), 1);
        assert_eq!(claims("Loretta Lynch"), 22);
        assert_eq!(claims("Lynch"), 2);
        // Even when the fuller name is the only candidate.
        assert_eq!(claims("Marco Rubio"), 1);
        assert_eq!(claims("Rubio"), 1);
        assert_eq!(people.len(), 5);
    }

    #[test]
    fn the_same_bare_name_in_two_articles_is_one_entry() {
        let a = extraction(vec![person("Lynch")], vec![0]);
        let b = extraction(vec![person("LYNCH")], vec![0]);
        let people = merge_x([(0, &a), (1, &b)]);
        assert_eq!(people.len(), 1);
        assert_eq!(people[0].articles(), 2);
    }

    #[test]
    fn descriptions_are_never_merged_across_articles() {
        let nominal = |name: &str| speaker(name, SpeakerKind::Nominal, None);
        let a = extraction(vec![nominal("officials"), nominal("a spokesman")], vec![0]);
        let b = extraction(vec![nominal("Officials"), nominal("a spokesman")], vec![1]);
        let people = merge_x([(0, &a), (1, &b)]);
        assert_eq!(people.len(), 4);
        assert!(people.iter().all(|p| p.appearances.len() == 1));
    }

    #[test]
    fn organisations_merge_on_the_normalised_name_and_not_with_people() {
        let org = |name: &str| speaker(name, SpeakerKind::Organization, None);
        let a = extraction(vec![org("The Foreign Ministry"), org("Ford")], vec![0]);
        let b = extraction(vec![org("foreign ministry"), person("Ford")], vec![0, 1]);
        let people = merge_x([(0, &a), (1, &b)]);
        let ministry = named(&people, "The Foreign Ministry");
        assert_eq!(ministry.len(), 1);
        assert_eq!(ministry[0].claims(), 2);
        assert_eq!(named(&people, "Ford").len(), 2, "a person and a company");
    }

    #[test]
    fn names_that_normalise_to_nothing_stay_with_their_article() {
        let a = extraction(vec![person("—")], vec![0]);
        let b = extraction(vec![person("—")], vec![0]);
        assert_eq!(merge_x([(0, &a), (1, &b)]).len(), 2);
    }

    #[test]
    fn claims_of_unknown_speakers_are_not_counted() {
        let mut x = extraction(vec![person("Ana Ruiz")], vec![0, 5]);
        x.claims.push(Claim {
            speaker: None,
            ..claim(0)
        });
        assert_eq!(merge_x([(0, &x)])[0].claims(), 1);
    }

    #[test]
    fn normalise_ignores_case_punctuation_spacing_and_a_leading_the() {
        assert_eq!(normalise("  The  Foreign   Ministry. "), "foreign ministry");
        assert_eq!(normalise("Wang-Yi"), "wang yi");
        assert_eq!(normalise("the"), "the");
        assert_eq!(normalise("İstanbul Mayor"), "i\u{307}stanbul mayor");
    }

    #[test]
    fn filter_words_match_names_as_normalised() {
        let name = normalise("Pat O'Brien");
        let query = |w: &str| NameQuery::new(w);
        assert!(query("o'brien").matches(&name));
        assert!(query("BRIE").matches(&name));
        assert!(query("wang-yi").matches(&normalise("Wang Yi")));
        assert!(!query("obrien").matches(&name));
        assert!(!query("-").matches(&name));
    }

    const NAMES: &[&str] = &[
        "Stephen Lynch",
        "stephen  LYNCH",
        "Loretta Lynch",
        "Lynch",
        "The Foreign Ministry",
        "foreign ministry",
        "officials",
        "a spokesman",
        "Wang Yi",
        "Wang-Yi",
        "—",
    ];

    const KINDS: [SpeakerKind; 3] = [
        SpeakerKind::Person,
        SpeakerKind::Organization,
        SpeakerKind::Nominal,
    ];

    fn arb_extraction() -> impl Strategy<Value = Extraction> {
        let speaker = (
            0..NAMES.len(),
            0..KINDS.len(),
            proptest::option::of(0..3usize),
        )
            .prop_map(|(n, k, role)| {
                let role = role.map(|r| format!("role {r}"));
                speaker(NAMES[n], KINDS[k], role.as_deref())
            });
        (
            proptest::collection::vec(speaker, 0..5),
            proptest::collection::vec(0..6usize, 0..8),
        )
            .prop_map(|(speakers, claims)| extraction(speakers, claims))
    }

    fn arb_library() -> impl Strategy<Value = (Vec<Extraction>, Vec<usize>)> {
        proptest::collection::vec(arb_extraction(), 0..6).prop_flat_map(|articles| {
            let order: Vec<usize> = (0..articles.len()).collect();
            (Just(articles), Just(order).prop_shuffle())
        })
    }

    proptest! {
        #[test]
        fn merging_does_not_depend_on_article_order((articles, order) in arb_library()) {
            let in_order = merge_x(articles.iter().enumerate());
            let shuffled = merge_x(order.iter().filter_map(|&i| articles.get(i).map(|x| (i, x))));
            prop_assert_eq!(in_order, shuffled);
        }

        #[test]
        fn merged_speakers_share_kind_and_normalised_name((articles, _) in arb_library()) {
            let people = merge_x(articles.iter().enumerate());
            let speaker = |a: &Appearance| &articles[a.article].speakers[a.speaker];
            let mut seen = 0;
            for p in &people {
                seen += p.appearances.len();
                let [first, rest @ ..] = &p.appearances[..] else {
                    panic!("a person without appearances");
                };
                let first = speaker(first);
                for a in rest {
                    let other = speaker(a);
                    prop_assert_ne!(other.kind, SpeakerKind::Nominal);
                    prop_assert_eq!(other.kind, first.kind);
                    prop_assert_eq!(normalise(&other.name), normalise(&first.name));
                }
            }
            let total: usize = articles.iter().map(|x| x.speakers.len()).sum();
            prop_assert_eq!(seen, total, "every speaker appears exactly once");
        }

        #[test]
        fn equal_named_speakers_are_always_merged((articles, _) in arb_library()) {
            let people = merge_x(articles.iter().enumerate());
            let mut entry_of: HashMap<Identity, usize> = HashMap::new();
            for (p, person) in people.iter().enumerate() {
                for a in &person.appearances {
                    let s = &articles[a.article].speakers[a.speaker];
                    let id = Identity::of(a.article, a.speaker, &s.name, s.kind);
                    let entry = *entry_of.entry(id).or_insert(p);
                    prop_assert_eq!(entry, p, "one identity, two entries");
                }
            }
        }
    }
}
