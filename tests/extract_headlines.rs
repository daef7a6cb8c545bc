//! The constructions of issue 7, continued: headlines in title case and labelled lines
//! (`Name: statement`), on lines written for them.

mod constructions;

use constructions::find;
use sayso::extract::ClaimClass;

/// The first line of `body` is its headline: the claims found there.
fn headline_claims(line: &str) -> Vec<constructions::Seen> {
    let text = format!("{line}\n\nThe story goes on here.\n");
    let ex = sayso::extract::extract(&text);
    ex.claims
        .iter()
        .map(|c| constructions::see(&text, &ex, c))
        .collect()
}

#[test]
fn title_case_headlines_vow_and_call_but_a_topic_label_does_not_speak() {
    let claims = headline_claims("Obama Vows To Close Guantanamo");
    assert!(
        claims
            .iter()
            .any(|c| c.text == "To Close Guantanamo" && c.class == ClaimClass::Intention),
        "{claims:?}"
    );
    let claims = headline_claims("Sanders Calls For Tax Hikes On The Rich");
    assert!(
        claims.iter().any(|c| c.text == "Tax Hikes On The Rich"),
        "{claims:?}"
    );
    assert!(headline_claims("Trump Attacks On Judge Draw Fire").is_empty());
    assert!(headline_claims("Julian Assange: Sweden Drops Rape Investigation").is_empty());
    assert!(!headline_claims("Lewandowski: FBI Director Acted As a Partisan").is_empty());
}

#[test]
fn labels_with_a_title_an_affiliation_or_a_speaking_noun() {
    let claims = headline_claims("Clinton camp: Trump's rhetoric threatens national security");
    assert!(
        claims
            .iter()
            .any(|c| c.source.as_deref() == Some("Clinton camp")),
        "{claims:?}"
    );
    let c = find(
        "Rep. Trey Gowdy (R-S.C.): \"I have not heard anyone cite that figure.\"",
        "\"I have not heard anyone cite that figure.\"",
    );
    assert_eq!(c.speaker.as_deref(), Some("Trey Gowdy"));
}

#[test]
fn an_outlets_tag_before_a_dash_is_no_part_of_the_label() {
    let claims = headline_claims("EXCLUSIVE – Roger Stone: Don't Trust the Voting Machines");
    assert!(
        claims
            .iter()
            .any(|c| c.source.as_deref() == Some("Roger Stone")),
        "{claims:?}"
    );
}
