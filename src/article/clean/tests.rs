//! Debris rules on lines written for these tests (never copied from the corpora).

use super::*;
use proptest::prelude::*;

/// The debris lines of `text`, as text.
fn marked(text: &str) -> Vec<&str> {
    debris(text)
        .into_iter()
        .filter_map(|s| text.get(s.start..s.end))
        .collect()
}

fn article(lines: &[&str]) -> String {
    lines.join("\n")
}

#[test]
fn top_trails_toolbars_and_widgets_are_debris() {
    let text = article(&[
        "Home > World News > Asia",
        "Dam inspection finds cracks",
        "date 2024-05-06 + ↺ − 16 px",
        "Engineers said on Monday the cracks were small.",
        "<Recommend This Story>",
        "Share Tweet Email Print",
        "_____",
    ]);
    assert_eq!(
        marked(&text),
        [
            "Home > World News > Asia",
            "date 2024-05-06 + ↺ − 16 px",
            "<Recommend This Story>",
            "Share Tweet Email Print",
            "_____"
        ]
    );
}

#[test]
fn calls_to_action_and_links_are_debris() {
    let text = article(&[
        "Council backs the budget",
        "The mayor said the vote was close.",
        "Follow Dana Reyes on Twitter @dreyes_news.",
        "Read the rest here.",
        "Want the latest? Sign up for our newsletter.",
        "https://t.co/abc123",
        "EMAIL: desk@example.org.",
        "Do you agree? Like the page:",
        "The council will meet again on Friday.",
    ]);
    assert_eq!(
        marked(&text),
        [
            "Follow Dana Reyes on Twitter @dreyes_news.",
            "Read the rest here.",
            "Want the latest? Sign up for our newsletter.",
            "https://t.co/abc123",
            "EMAIL: desk@example.org.",
            "Do you agree? Like the page:"
        ]
    );
}

#[test]
fn credits_labels_and_legal_lines_are_debris() {
    let text = article(&[
        "Harbour reopens after storm",
        "Photo: Lena Park for the Daily Ledger",
        "(AP Photo/Sam Ortiz)",
        "The harbour master said boats could return.",
        "Advertisement",
        "Related:",
        "ALEX MORGAN via Getty Images.",
        "Jo Bell / Reuters.",
        "Copyright © 2021 Ledger Media. All rights reserved.",
        "Additional reporting by Kim Lee.",
    ]);
    assert_eq!(
        marked(&text),
        [
            "Photo: Lena Park for the Daily Ledger",
            "(AP Photo/Sam Ortiz)",
            "Advertisement",
            "Related:",
            "ALEX MORGAN via Getty Images.",
            "Jo Bell / Reuters.",
            "Copyright © 2021 Ledger Media. All rights reserved.",
            "Additional reporting by Kim Lee."
        ]
    );
}

#[test]
fn a_trailing_outlet_line_is_debris_when_the_article_names_it() {
    let text = "Talks resume\n\nPort Weekly reports that the talks resumed.\n\nPort Weekly\n";
    assert_eq!(marked(text), ["Port Weekly"]);
    let text = "Talks resume\n\nThe talks resumed, officials said.\n\nNews.Example\n";
    assert_eq!(marked(text), ["News.Example"], "a domain-like name");
    let text = "Talks resume\n\nThe talks resumed, officials said.\n\nJohn Smith\n";
    assert!(
        marked(text).is_empty(),
        "a name the article never wrote stays"
    );
}

#[test]
fn content_lines_stay() {
    let text = article(&[
        "Trump: We will win | Daily Ledger",
        "Clinton / Sanders debate draws record audience",
        "\"Read my lips,\" the senator said.",
        "Follow-up talks are planned, she said.",
        "He said: \"We will see.\"",
        "Officials shared the report with reporters on Friday.",
        "Get those jokes off the stage, the host said.",
        "The agency contributed $300,000 to the fund, officials said.",
        "12 percent of voters were undecided.",
        "The city, he said, deserves better.",
        "Correction: the vote was 7-2, not 8-1, the clerk said.",
    ]);
    assert!(marked(&text).is_empty(), "{:?}", marked(&text));
}

#[test]
fn links_inside_a_line_are_debris_alone() {
    let text = "Title here\n\nThe minister posted the video (https://t.co/xyz) on Monday.\n";
    assert_eq!(marked(text), ["https://t.co/xyz"]);
}

#[test]
fn spans_are_trimmed_sorted_and_on_boundaries() {
    let text = "Zürich news\n  Advertisement  \r\nÉtude: results are in.\n";
    let spans = debris(text);
    assert_eq!(marked(text), ["Advertisement"]);
    assert!(is_in(&spans, text.find("Adv").unwrap_or(0)));
    assert!(!is_in(&spans, 0));
}

proptest! {
    #[test]
    fn any_text_gives_sorted_disjoint_spans_on_char_boundaries(
        lines in proptest::collection::vec("[ <>/|:.@A-Za-z0-9_©↺(){};\"-]{0,40}|\\PC{0,20}", 0..12)
    ) {
        let text = lines.join("\n");
        let spans = debris(&text);
        let mut end = 0;
        for s in &spans {
            prop_assert!(s.start >= end && s.start < s.end && s.end <= text.len());
            prop_assert!(text.is_char_boundary(s.start) && text.is_char_boundary(s.end));
            end = s.end;
        }
    }

    #[test]
    fn reporting_lines_are_never_debris(
        who in "(Officials|The mayor|Jane Doe|A spokesman)",
        cue in "(said|told reporters|wrote|added)",
        what in "[a-z ]{5,40}",
    ) {
        let text = format!("Headline\n\n{who} {cue} that {what}.\n\nMore text follows here.\n");
        prop_assert!(debris(&text).is_empty(), "{:?}", marked(&text));
    }
}

#[test]
fn no_break_spaces_separate_words() {
    let text = "Home\u{a0}>\u{a0}Local News\nBridge plans unveiled\n\nThe mayor said so.\n";
    assert_eq!(marked(text), ["Home\u{a0}>\u{a0}Local News"]);
}
