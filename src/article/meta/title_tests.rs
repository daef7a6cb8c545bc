use super::*;

fn t(text: &str) -> Option<String> {
    title(text)
}

#[test]
fn plain_first_line_is_the_title() {
    assert_eq!(
        t("Harbour strike enters third week\n\nDockers said on Monday ...").as_deref(),
        Some("Harbour strike enters third week")
    );
}

#[test]
fn a_separator_announcing_a_subtitle_is_dropped() {
    assert_eq!(
        t("Ready for the vote?;
The subtitle follows.")
        .as_deref(),
        Some("Ready for the vote?")
    );
}

#[test]
fn breadcrumbs_are_skipped() {
    let text = "Home > Regional News\nMinister: Talks With Neighbours Are Our Own Choice\n\nBody.";
    assert_eq!(
        t(text).as_deref(),
        Some("Minister: Talks With Neighbours Are Our Own Choice")
    );
    assert_eq!(
        t("News » World » Asia\nFloods close schools\n").as_deref(),
        Some("Floods close schools")
    );
    assert_eq!(
        t("Home | Business\nMarkets rally\n").as_deref(),
        Some("Markets rally")
    );
}

#[test]
fn date_widget_debris_is_skipped() {
    let text = " date 2024-11-02 + ↺ − 16 px\n\nBridge reopens after repairs\n\nBody.";
    assert_eq!(t(text).as_deref(), Some("Bridge reopens after repairs"));
    let text = "Published: March 3, 2021 10:45 GMT | A+ A-\nCouncil backs new park\n";
    assert_eq!(t(text).as_deref(), Some("Council backs new park"));
}

#[test]
fn debris_prefix_before_a_paragraph_is_stripped_and_the_sentence_shortened() {
    let text = " date 2023-05-04 According to the port authority, since the storm began in \
                early spring, cargo volumes at the northern terminals have fallen by almost a \
                third. Officials expect a recovery.\n\nSecond paragraph.";
    let title = t(text).unwrap_or_default();
    assert_eq!(
        title,
        "According to the port authority, since the storm began in early spring, cargo volumes…"
    );
    assert!(title.chars().count() <= MAX_SENTENCE_TITLE_CHARS + 1);
}

#[test]
fn a_short_first_sentence_of_a_long_paragraph_is_kept_whole() {
    let text = "The mayor of the small coastal town resigned on Tuesday, citing health reasons. \
                Her deputy, who has served on the council for twelve years, will take over \
                until an election is held in the spring, the council said in a statement.";
    assert_eq!(
        t(text).as_deref(),
        Some("The mayor of the small coastal town resigned on Tuesday, citing health reasons.")
    );
}

#[test]
fn abbreviations_do_not_end_the_first_sentence() {
    let text = "Mr. Okafor met U.S. envoys in St. Louis on Monday to discuss a grain deal, \
                which both sides described as close. Talks continue this week, with a final \
                round expected before the harvest, aides said.";
    assert_eq!(
        t(text).as_deref(),
        Some(
            "Mr. Okafor met U.S. envoys in St. Louis on Monday to discuss a grain deal, which both sides…"
        )
    );
}

#[test]
fn markdown_heading_markers_and_emphasis_are_removed() {
    assert_eq!(
        t("# Rivers rise across the valley #\n\nText.").as_deref(),
        Some("Rivers rise across the valley")
    );
    assert_eq!(
        t("\n\n## **Grain prices climb**\nText.").as_deref(),
        Some("Grain prices climb")
    );
    assert_eq!(
        t("#hashtag-first line\nText.").as_deref(),
        Some("#hashtag-first line")
    );
}

#[test]
fn front_matter_title_wins() {
    let text = "---\ntitle: 'Ferry service resumes'\n---\n# Something else\n";
    assert_eq!(t(text).as_deref(), Some("Ferry service resumes"));
}

#[test]
fn links_tags_bylines_and_furniture_are_skipped() {
    let text = "https://example.org/news/123\nwww.example.org\nExample.Com\n<Share This>\n\
                [Print]\nAdvertisement\nBy Ana Ruiz and Tom Lee\nPhoto: Agency\n\
                ----\nWater rationing ends in capital\nBody.";
    assert_eq!(t(text).as_deref(), Some("Water rationing ends in capital"));
}

#[test]
fn a_headline_like_last_line_is_used_when_the_text_opens_with_a_paragraph() {
    let text = "Farmers in the delta region and the national government are rejecting the plan \
                to divert water upstream, forging a compromise based on shared use and regular \
                consultation among the provinces, according to officials.\n\
                More text follows here.\n\
                Delta farmers, government reject water diversion plan: interviews";
    assert_eq!(
        t(text).as_deref(),
        Some("Delta farmers, government reject water diversion plan: interviews")
    );
}

#[test]
fn a_sentence_or_credit_last_line_is_not_a_headline() {
    let long_first = "Farmers in the delta region and the national government are rejecting the \
                      plan to divert water upstream, officials said on Friday in the capital. \
                      More follows.";
    for last in [
        "Read the rest here.",
        "Follow the author on Twitter @someone",
        "Daily News",
        "(Reporting by A. Writer; Editing by B. Editor)",
    ] {
        let text = format!("{long_first}\n{last}");
        assert_eq!(
            t(&text).as_deref(),
            Some(
                "Farmers in the delta region and the national government are rejecting the plan to divert water…"
            ),
            "last line {last:?}"
        );
    }
}

#[test]
fn a_bare_date_at_the_start_of_a_sentence_is_kept() {
    assert_eq!(
        t("March 2, 2022 was a turning point for the league\n").as_deref(),
        Some("March 2, 2022 was a turning point for the league")
    );
    assert_eq!(
        t("March 2, 2022\nLeague votes to expand\n").as_deref(),
        Some("League votes to expand")
    );
}

#[test]
fn nothing_meaningful_gives_none() {
    assert_eq!(t(""), None);
    assert_eq!(t("   \n\t\n"), None);
    assert_eq!(t("* * *\n---\n+ ↺ −"), None);
    assert_eq!(t("https://example.org/a"), None);
}

#[test]
fn whitespace_inside_the_title_is_collapsed() {
    assert_eq!(
        t("Budget   vote\tdelayed\r\nBody").as_deref(),
        Some("Budget vote delayed")
    );
}

#[test]
fn sentence_end_handles_quotes_and_initials() {
    let text = "He said \"no.\" Then left.";
    assert_eq!(first_sentence(text), "He said \"no.\"");
    assert_eq!(first_sentence("J. R. Smith won. Next."), "J. R. Smith won.");
    assert_eq!(
        first_sentence("Prices rose 2.5 percent. Next."),
        "Prices rose 2.5 percent."
    );
    assert_eq!(
        first_sentence("Bill No. 5 passed. Next."),
        "Bill No. 5 passed."
    );
}

#[test]
fn shorten_cuts_at_a_word_boundary() {
    let sentence = "word ".repeat(40);
    let short = shorten(&sentence);
    assert!(short.ends_with("word…"));
    assert!(short.chars().count() <= MAX_SENTENCE_TITLE_CHARS + 1);
    // One unbroken token longer than the limit is cut hard.
    let long = "x".repeat(300);
    assert_eq!(shorten(&long).chars().count(), MAX_SENTENCE_TITLE_CHARS + 1);
}
