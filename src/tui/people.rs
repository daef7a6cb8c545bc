//! Speakers across the library: the same person in several articles is one entry.
//!
//! Names are merged when they are equal ignoring case, punctuation and spacing
//! (`Wang Yi`, `wang  yi`), and a one-word name joins the one fuller name it is the first
//! or last word of (`Rubio` → `Marco Rubio`), when there is only one. Descriptions
//! (`the spokesperson`) are never merged across articles: they are different people.

use std::collections::HashMap;

use crate::extract::{Extraction, SpeakerKind};

/// A speaker in one article.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Appearance {
    pub article: usize,
    /// Index in that article's speakers.
    pub speaker: usize,
    pub claims: usize,
}

/// One person (or organisation) across the library.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Person {
    pub name: String,
    /// Distinct roles the articles give.
    pub roles: Vec<String>,
    pub appearances: Vec<Appearance>,
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

/// Lower case, letters and digits only, single spaces, no leading article.
pub fn normalise(name: &str) -> String {
    let cleaned: String = name
        .chars()
        .map(|c| {
            if c.is_alphanumeric() {
                c.to_lowercase().next().unwrap_or(c)
            } else {
                ' '
            }
        })
        .collect();
    let words: Vec<&str> = cleaned.split_whitespace().collect();
    let words = match words.first() {
        Some(&"the") if words.len() > 1 => &words[1..],
        _ => &words[..],
    };
    words.join(" ")
}

/// The people of a library, most claims first.
pub fn merge<'a>(extractions: impl IntoIterator<Item = (usize, &'a Extraction)>) -> Vec<Person> {
    let mut people: Vec<Person> = Vec::new();
    let mut keys: Vec<(String, bool)> = Vec::new();
    let mut by_key: HashMap<String, usize> = HashMap::new();
    for (article, x) in extractions {
        for (i, s) in x.speakers.iter().enumerate() {
            let norm = normalise(&s.name);
            let nominal = s.kind == SpeakerKind::Nominal || norm.is_empty();
            let key = if nominal {
                format!("{norm}\u{0}{article}")
            } else {
                norm
            };
            let claims = x.claims.iter().filter(|c| c.speaker == Some(i)).count();
            let p = *by_key.entry(key.clone()).or_insert_with(|| {
                people.push(Person {
                    name: s.name.clone(),
                    roles: Vec::new(),
                    appearances: Vec::new(),
                });
                keys.push((key, s.kind == SpeakerKind::Person));
                people.len() - 1
            });
            let person = &mut people[p];
            if let Some(role) = s.role.as_ref().filter(|r| !person.roles.contains(r)) {
                person.roles.push(role.clone());
            }
            person.appearances.push(Appearance {
                article,
                speaker: i,
                claims,
            });
        }
    }
    // One-word person names join their only fuller match.
    let mut target: Vec<Option<usize>> = vec![None; people.len()];
    for (p, (key, is_person)) in keys.iter().enumerate() {
        if !is_person || key.contains(' ') {
            continue;
        }
        let fuller: Vec<usize> = keys
            .iter()
            .enumerate()
            .filter(|(q, (k, person))| {
                *q != p
                    && *person
                    && k.contains(' ')
                    && (k.split(' ').next() == Some(key) || k.rsplit(' ').next() == Some(key))
            })
            .map(|(q, _)| q)
            .collect();
        if let [only] = fuller[..] {
            target[p] = Some(only);
        }
    }
    for p in 0..people.len() {
        if let Some(t) = target[p] {
            let moved = std::mem::take(&mut people[p].appearances);
            let roles = std::mem::take(&mut people[p].roles);
            people[t].appearances.extend(moved);
            for r in roles {
                if !people[t].roles.contains(&r) {
                    people[t].roles.push(r);
                }
            }
        }
    }
    let mut out: Vec<Person> = people
        .into_iter()
        .filter(|p| !p.appearances.is_empty())
        .collect();
    for p in &mut out {
        p.appearances.sort_by_key(|a| (a.article, a.speaker));
    }
    out.sort_by(|a, b| {
        b.claims()
            .cmp(&a.claims())
            .then_with(|| a.name.to_lowercase().cmp(&b.name.to_lowercase()))
    });
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::extract::{Claim, ClaimKind, Span, Speaker};

    fn speaker(name: &str, kind: SpeakerKind, role: Option<&str>) -> Speaker {
        Speaker {
            name: name.into(),
            role: role.map(Into::into),
            kind,
            mentions: vec![Span::new(0, 1)],
        }
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

    fn extraction(speakers: Vec<Speaker>, claims: Vec<usize>) -> Extraction {
        Extraction {
            speakers,
            claims: claims.into_iter().map(claim).collect(),
            numbers: Vec::new(),
        }
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
        let b = extraction(
            vec![speaker("wang  yi", SpeakerKind::Person, None)],
            vec![0],
        );
        let people = merge([(0, &a), (1, &b)]);
        assert_eq!(people.len(), 1);
        assert_eq!(people[0].name, "Wang Yi");
        assert_eq!((people[0].articles(), people[0].claims()), (2, 3));
        assert_eq!(people[0].roles, ["Foreign Minister"]);
    }

    #[test]
    fn surname_joins_the_only_full_name() {
        let a = extraction(
            vec![speaker("Marco Rubio", SpeakerKind::Person, None)],
            vec![0],
        );
        let b = extraction(
            vec![
                speaker("Rubio", SpeakerKind::Person, None),
                speaker("Wang", SpeakerKind::Person, None),
            ],
            vec![0, 1],
        );
        let c = extraction(
            vec![
                speaker("Wang Yi", SpeakerKind::Person, None),
                speaker("Wang Wenbin", SpeakerKind::Person, None),
            ],
            vec![],
        );
        let people = merge([(0, &a), (1, &b), (2, &c)]);
        let rubio = people.iter().find(|p| p.name == "Marco Rubio").unwrap();
        assert_eq!(rubio.claims(), 2);
        // `Wang` is ambiguous (Wang Yi, Wang Wenbin): kept apart.
        assert!(people.iter().any(|p| p.name == "Wang"));
        assert_eq!(people.len(), 4);
    }

    #[test]
    fn descriptions_are_not_merged_across_articles() {
        let a = extraction(
            vec![speaker("the spokesperson", SpeakerKind::Nominal, None)],
            vec![0],
        );
        let b = extraction(
            vec![speaker("the spokesperson", SpeakerKind::Nominal, None)],
            vec![0],
        );
        assert_eq!(merge([(0, &a), (1, &b)]).len(), 2);
    }

    #[test]
    fn normalise_ignores_case_punctuation_and_articles() {
        assert_eq!(normalise("  The  Foreign   Ministry. "), "foreign ministry");
        assert_eq!(normalise("Wang-Yi"), "wang yi");
    }
}
