//! What a name tells of a person's gender, so that pronouns link to the right people and
//! `Mrs. Clinton` stays apart from `Mr. Clinton`.

use super::super::doc::Doc;
use super::super::lexicon::class;
use super::super::np::{Np, NpKind};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Gender {
    Unknown,
    Male,
    Female,
}

/// Role nouns that tell a man.
const MALE_ROLES: &[&str] = &[
    "congressman",
    "chairman",
    "spokesman",
    "councilman",
    "assemblyman",
    "businessman",
    "husband",
    "father",
    "son",
    "brother",
    "uncle",
    "nephew",
    "grandfather",
    "king",
    "prince",
    "actor",
    "sir",
    "lord",
];

/// Role nouns that tell a woman.
const FEMALE_ROLES: &[&str] = &[
    "congresswoman",
    "chairwoman",
    "spokeswoman",
    "councilwoman",
    "assemblywoman",
    "businesswoman",
    "wife",
    "mother",
    "daughter",
    "sister",
    "aunt",
    "niece",
    "grandmother",
    "queen",
    "princess",
    "actress",
    "dame",
    "lady",
    "madam",
];

/// A person's gender as the name tells it: an honorific (`Mr.`, `Mrs.`, `Ms.`), a gendered
/// role (`Congresswoman`, `his wife`) or a first name the lexicon knows (`Joe`, `Hillary`);
/// unknown otherwise, until a pronoun says.
pub(super) fn gender_of(doc: &Doc, np: &Np) -> Gender {
    if np.kind != NpKind::Person {
        return Gender::Unknown;
    }
    let honorific = (np.first..np.name.0.max(np.first + 1)).find_map(|k| {
        let w = doc.word(k).trim_end_matches('.');
        if w.eq_ignore_ascii_case("mr") {
            Some(Gender::Male)
        } else if ["mrs", "ms", "miss"]
            .iter()
            .any(|h| w.eq_ignore_ascii_case(h))
        {
            Some(Gender::Female)
        } else {
            None
        }
    });
    if let Some(g) = honorific {
        return g;
    }
    // A gendered role in the title or the appositive: `Congresswoman`, `his wife`.
    // The role's first words name it (`his wife`, `a congresswoman from Ohio`); a long
    // appositive is not read to its end for each mention.
    let role_tokens = (np.first..np.name.0).chain(np.role.map_or(0..0, |(a, b)| a..b.min(a + 4)));
    for k in role_tokens {
        let w = doc.word(k);
        // Every gendered role noun has at least three letters and starts lowercase in an
        // appositive or capitalised in a title; a cheap length test skips the rest.
        if w.len() < 3 || w.len() > 14 {
            continue;
        }
        if MALE_ROLES.iter().any(|r| r.eq_ignore_ascii_case(w)) {
            return Gender::Male;
        }
        if FEMALE_ROLES.iter().any(|r| r.eq_ignore_ascii_case(w)) {
            return Gender::Female;
        }
    }
    // The first name, when the name has more than one word.
    let first_name = np.name.0;
    if np.name.1 <= first_name + 1 {
        return Gender::Unknown;
    }
    let lex = doc.lex(first_name);
    if lex.is(class::MALE) && !lex.is(class::FEMALE) {
        Gender::Male
    } else if lex.is(class::FEMALE) && !lex.is(class::MALE) {
        Gender::Female
    } else {
        Gender::Unknown
    }
}
