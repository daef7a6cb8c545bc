//! Noun phrases on phrases written for the purpose.

use super::*;

/// (name, role, kind) of a phrase, for comparison.
fn describe(doc: &Doc, text: &str, np: Np) -> (String, String, NpKind) {
    let s = doc.span(np.name.0, np.name.1).slice(text).to_owned();
    let r = np
        .role
        .map(|(a, b)| doc.span(a, b).slice(text).to_owned())
        .unwrap_or_default();
    (s, r, np.kind)
}

fn left(text: &str, last_word: &str) -> Option<(String, String, NpKind)> {
    let doc = Doc::new(text);
    let last = (0..doc.len()).rev().find(|&i| doc.word(i) == last_word)?;
    ending_at(&doc, last, 0).map(|np| describe(&doc, text, np))
}

fn right(text: &str, first_word: &str) -> Option<(String, String, NpKind)> {
    let doc = Doc::new(text);
    let first = (0..doc.len()).find(|&i| doc.word(i) == first_word)?;
    starting_at(&doc, first, doc.len()).map(|np| describe(&doc, text, np))
}

fn t(a: &str, b: &str, k: NpKind) -> Option<(String, String, NpKind)> {
    Some((a.to_owned(), b.to_owned(), k))
}

#[test]
fn titles_split_from_names() {
    assert_eq!(
        left("U.S. Secretary of State Marco Rubio said", "Rubio"),
        t("Marco Rubio", "U.S. Secretary of State", NpKind::Person)
    );
    assert_eq!(
        left("State Councilor and Foreign Minister Wang Yi chaired", "Yi"),
        t(
            "Wang Yi",
            "State Councilor and Foreign Minister",
            NpKind::Person
        )
    );
    assert_eq!(
        left(
            "the election, longtime Democratic pollster Pat Caddell told",
            "Caddell"
        ),
        t(
            "Pat Caddell",
            "longtime Democratic pollster",
            NpKind::Person
        )
    );
    assert_eq!(
        right(
            "said Uruguayan Foreign Minister Mario Lubetkin who was",
            "Uruguayan"
        ),
        t(
            "Mario Lubetkin",
            "Uruguayan Foreign Minister",
            NpKind::Person
        )
    );
}

#[test]
fn descriptions_and_pronouns() {
    assert_eq!(
        left(
            "The Chinese Foreign Ministry spokesperson dismissed",
            "spokesperson"
        ),
        t("Chinese Foreign Ministry spokesperson", "", NpKind::Nominal)
    );
    assert_eq!(
        left("adding that he said", "he"),
        t("he", "", NpKind::Pronoun)
    );
    assert_eq!(
        right("According to the Chinese FM, since", "the"),
        t("Chinese FM", "", NpKind::Nominal)
    );
    assert_eq!(
        right("according to officials.", "officials"),
        t("officials", "", NpKind::Nominal)
    );
    assert_eq!(
        left("The Foreign Ministry has", "Ministry"),
        t("Foreign Ministry", "", NpKind::Org)
    );
    assert_eq!(
        left("In 2024 China said", "China"),
        t("China", "", NpKind::Place)
    );
}

#[test]
fn appositives() {
    let text = "said Song Junying, head of the Department for Studies at the Institute.";
    let doc = Doc::new(text);
    let np = starting_at(&doc, 1, doc.len()).unwrap();
    let (a, b) = appositive_after(&doc, np.end, doc.len()).unwrap();
    assert_eq!(
        doc.span(a, b).slice(text),
        "head of the Department for Studies at the Institute"
    );
}
