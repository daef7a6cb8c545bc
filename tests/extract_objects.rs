//! The constructions of issue 7, continued: verbs whose content may be a clause or a noun
//! phrase, and what class each reading gets.

mod constructions;

use constructions::find;
use sayso::extract::ClaimClass;

#[test]
fn a_disputed_account_is_judged_and_a_disputed_clause_reported() {
    let c = find(
        "Ms. Ortiz disputed the idea that the clinic had closed early.",
        "the idea that the clinic had closed early",
    );
    assert_eq!(c.source.as_deref(), Some("Ms. Ortiz"));
    assert_eq!(c.class, ClaimClass::Evaluation);
    let c = find(
        "Ms. Ortiz disputed that the clinic had closed early.",
        "the clinic had closed early",
    );
    assert_eq!(c.class, ClaimClass::Speech);
}

#[test]
fn a_negated_order_keeps_its_addressee() {
    for (body, content, source) in [
        (
            "The chief told his officers never to discuss the case.",
            "his officers never to discuss the case",
            "The chief",
        ),
        (
            "The mayor urged residents not to drive; the roads were closed.",
            "residents not to drive",
            "The mayor",
        ),
    ] {
        let c = find(body, content);
        assert_eq!(c.source.as_deref(), Some(source), "{body}");
    }
}
