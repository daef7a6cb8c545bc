//! The constructions of issue 7, one test each, on sentences written for the purpose:
//! content boundaries, sources the subject finder must see, attributions beyond speech
//! verbs (with their class), headlines, and speaker names a reader can trust.

use sayso::extract::{Claim, ClaimClass, ClaimKind, Extraction, extract};

/// One claim as the tests see it.
#[derive(Debug)]
struct Seen {
    text: String,
    kind: ClaimKind,
    class: ClaimClass,
    speaker: Option<String>,
    source: Option<String>,
    cue: Option<String>,
    fragments: usize,
}

/// Every claim of `body`, which follows a title line as in an article.
fn claims(body: &str) -> (String, Vec<Seen>) {
    let text = format!("A headline\n\n{body}\n");
    let ex = extract(&text);
    let seen = ex.claims.iter().map(|c| see(&text, &ex, c)).collect();
    (text, seen)
}

fn see(text: &str, ex: &Extraction, c: &Claim) -> Seen {
    Seen {
        text: c.span.slice(text).to_owned(),
        kind: c.kind,
        class: c.class,
        speaker: c
            .speaker
            .and_then(|k| ex.speakers.get(k))
            .map(|s| s.name.clone()),
        source: c.source.map(|s| s.slice(text).to_owned()),
        cue: c.cue.map(|s| s.slice(text).to_owned()),
        fragments: c.fragments.len(),
    }
}

/// The claim whose text is `content`, or a failure that shows every claim.
fn find(body: &str, content: &str) -> Seen {
    let (_, all) = claims(body);
    let shown = format!("{all:#?}");
    all.into_iter()
        .find(|c| c.text == content)
        .unwrap_or_else(|| panic!("no claim {content:?} in {body:?}; got {shown}"))
}

fn none(body: &str) {
    let (_, all) = claims(body);
    assert!(
        all.is_empty(),
        "expected no claim in {body:?}, got {all:#?}"
    );
}

// ---- content boundaries ------------------------------------------------------------

#[test]
fn content_interrupted_by_its_attribution_is_one_claim_in_two_fragments() {
    let c = find(
        "The plan, the minister said, would cut fares by half.",
        "The plan, the minister said, would cut fares by half",
    );
    assert_eq!(c.fragments, 2);
    assert_eq!(c.source.as_deref(), Some("the minister"));
}

#[test]
fn a_comparison_after_the_content_is_the_writers() {
    find(
        "Most voters say the economy matters most, compared with 40 percent last year.",
        "the economy matters most",
    );
}

#[test]
fn a_cue_inside_a_subordinate_clause_ends_at_the_clause() {
    let c = find(
        "Three years after officials vowed to fix the roads, the city has done nothing.",
        "to fix the roads",
    );
    assert_eq!(c.class, ClaimClass::Intention);
}

#[test]
fn a_relative_clause_ends_what_it_reports() {
    let c = find(
        "The residents, many of whom say the river smells, want action.",
        "the river smells",
    );
    assert_eq!(c.speaker.as_deref(), Some("residents"));
    assert_eq!(c.source.as_deref(), Some("whom"), "the pronoun attributes");
}

#[test]
fn lists_after_a_judgement_stay_whole() {
    let c = find(
        "The senator called for lower taxes, fewer rules and a balanced budget.",
        "lower taxes, fewer rules and a balanced budget",
    );
    assert_eq!(c.class, ClaimClass::Evaluation);
}

#[test]
fn quotes_are_not_merged_across_an_attribution_with_its_own_participle() {
    let (_, all) = claims("\"We will build it,\" she said, adding, \"and it will be cheap.\"");
    assert_eq!(all.len(), 2, "{all:#?}");
    assert_eq!(all[1].cue.as_deref(), Some("adding"));
    assert_eq!(all[1].source.as_deref(), Some("she"));
}

#[test]
fn quotes_after_a_plain_attribution_continue_the_claim() {
    let (_, all) = claims("\"The bridge is safe,\" she said. \"It will open in May.\"");
    assert_eq!(all.len(), 1, "{all:#?}");
    assert_eq!(all[0].fragments, 2);
}

// ---- sources -----------------------------------------------------------------------

#[test]
fn a_quote_is_attributed_through_a_long_description_and_an_unknown_adverb() {
    let c = find(
        "\u{201c}Prices will fall,\u{201d} the mayor\u{2019}s deputy chief of staff, Ana Ruiz, told \
         reporters before the vote.",
        "Prices will fall,",
    );
    assert_eq!(c.speaker.as_deref(), Some("Ana Ruiz"));
    assert_eq!(c.cue.as_deref(), Some("told"));
    let c = find(
        "\u{201c}We won,\u{201d} Lee said onstage. \u{201c}Now we work.\u{201d}",
        "We won,\u{201d} Lee said onstage. \u{201c}Now we work.",
    );
    assert_eq!(
        c.fragments, 2,
        "the quote after the attribution continues it"
    );
}

#[test]
fn shares_of_people_are_subjects() {
    for (body, share) in [
        (
            "About one in five say they would not vote.",
            "About one in five",
        ),
        ("Six in 10 said they want change.", "Six in 10"),
        ("Voters were split. 42% say they are liberal.", "42%"),
        ("More than half say the city is safer.", "More than half"),
        (
            "Nearly two-thirds said they trust the mayor.",
            "Nearly two-thirds",
        ),
    ] {
        let (_, all) = claims(body);
        assert!(
            all.iter().any(|c| c.source.as_deref() == Some(share)),
            "{body:?}: {all:#?}"
        );
    }
    let c = find(
        "One in three said the party had failed.",
        "the party had failed",
    );
    assert_eq!(
        c.speaker.as_deref(),
        Some("One in three"),
        "not a person called One"
    );
    let c = find("Sanders in 2010 said the bill failed.", "the bill failed");
    assert_eq!(
        c.source.as_deref(),
        Some("Sanders"),
        "a year is a time, not a share"
    );
}

#[test]
fn a_subject_with_an_aside_between_dashes() {
    let c = find(
        "A former governor -- Ann Lowe, who lost the race -- said the plan failed.",
        "the plan failed",
    );
    assert_eq!(
        c.speaker.as_deref(),
        Some("Ann Lowe"),
        "the name in the aside"
    );
    let c = find(
        "Many speakers at the service \u{2014} including pastors and rabbis \u{2014} said the loss was painful.",
        "the loss was painful",
    );
    assert_eq!(c.source.as_deref(), Some("Many speakers at the service"));
}

#[test]
fn after_the_content_the_whole_phrase_before_the_cue_is_the_subject() {
    for (body, source) in [
        (
            "The mayor will resign next week, a source close to him said.",
            "a source close to him",
        ),
        (
            "The union backs the plan, teachers and union officials told the paper.",
            "teachers and union officials",
        ),
        (
            "Prices rose faster than wages, says economist Mira Tal in Haifa.",
            "economist Mira Tal",
        ),
    ] {
        let (_, all) = claims(body);
        assert!(
            all.iter().any(|c| c.source.as_deref() == Some(source)),
            "{body:?}: {all:#?}"
        );
    }
}

#[test]
fn told_after_a_comma_is_followed_by_its_addressee_not_its_source() {
    let (_, all) = claims("The bridge will close, the engineer, Tom Bell, told the council.");
    assert!(
        all.iter()
            .all(|c| c.source.as_deref() != Some("the council")),
        "{all:#?}"
    );
}

#[test]
fn a_purpose_infinitive_before_a_quote_is_no_attribution() {
    let c = find(
        "Ruiz said she would use the money to repair roads and to counter \"the usual neglect.\"",
        "she would use the money to repair roads and to counter \"the usual neglect.\"",
    );
    assert_eq!(c.kind, ClaimKind::Mixed);
}

#[test]
fn a_relative_pronoun_is_the_source_and_its_antecedent_the_speaker() {
    let c = find(
        "Kasich, who refused to endorse him, said the family deserved better.",
        "the family deserved better",
    );
    assert_eq!(c.speaker.as_deref(), Some("Kasich"));
    let r = find(
        "Kasich, who refused to endorse him, said the family deserved better.",
        "to endorse him",
    );
    assert_eq!(r.source.as_deref(), Some("who"));
    assert_eq!(r.speaker.as_deref(), Some("Kasich"));
}

#[test]
fn any_noun_phrase_can_be_a_subject() {
    find(
        "The fund said returns would fall next year.",
        "returns would fall next year",
    );
    find(
        "All said they would vote for the measure.",
        "they would vote for the measure",
    );
    find(
        "Supporters of the new bridge say it will cut traffic.",
        "it will cut traffic",
    );
    let c = find(
        "At least 21,000 said they would run for office.",
        "they would run for office",
    );
    assert!(c.source.is_some());
}

#[test]
fn participles_report_for_the_clause_subject() {
    let c = find(
        "On Tuesday, as shares fell, the investor wrote to clients, telling them the firm was sound.",
        "the firm was sound",
    );
    assert_eq!(c.source.as_deref(), Some("the investor"));
    let c = find(
        "With the mayor calling for calm, the crowd left the square.",
        "calm",
    );
    assert_eq!(c.source.as_deref(), Some("the mayor"));
}

#[test]
fn a_second_source_in_passing_does_not_hide_the_content() {
    find(
        "The mayor cautioned, as did the bank, that rates would rise.",
        "rates would rise",
    );
}

#[test]
fn inverted_cues_carry_long_appositives() {
    let c = find(
        "Rents will keep rising, said Maria Lopez, a teacher who has lived in the town for years.",
        "Rents will keep rising",
    );
    assert_eq!(c.speaker.as_deref(), Some("Maria Lopez"));
}

#[test]
fn said_before_a_name_and_a_colon_introduces_a_quote() {
    let c = find(
        "Said Maria Lopez: \"We are tired of waiting.\"",
        "We are tired of waiting.",
    );
    assert_eq!(c.speaker.as_deref(), Some("Maria Lopez"));
}

#[test]
fn a_name_before_a_colon_introduces_a_quote() {
    let c = find(
        "The surge does not surprise the pollster Dana Reyes: \"Unknown candidates gain most.\"",
        "Unknown candidates gain most.",
    );
    assert_eq!(c.speaker.as_deref(), Some("Dana Reyes"));
}

#[test]
fn as_x_noted_opens_a_claim() {
    let c = find(
        "As the mayor noted, the bridge is older than the city.",
        "the bridge is older than the city",
    );
    assert_eq!(c.source.as_deref(), Some("the mayor"));
}

// ---- attribution beyond speech verbs, with classes ---------------------------------

fn class_of(body: &str, content: &str) -> ClaimClass {
    find(body, content).class
}

#[test]
fn evaluations_take_their_object() {
    assert_eq!(
        class_of("The union endorsed the governor.", "the governor"),
        ClaimClass::Evaluation
    );
    assert_eq!(
        class_of("Officials praised the volunteers.", "the volunteers"),
        ClaimClass::Evaluation
    );
    assert_eq!(
        class_of(
            "The senator called the plan a disaster.",
            "the plan a disaster"
        ),
        ClaimClass::Evaluation
    );
    assert_eq!(
        class_of(
            "He likened the deal to a surrender.",
            "the deal to a surrender"
        ),
        ClaimClass::Evaluation
    );
}

#[test]
fn naming_is_no_evaluation() {
    none("Barden now leads a program called Sandy Hook Promise.");
}

#[test]
fn beliefs_and_stances() {
    assert_eq!(
        class_of("Most residents see the tax as unfair.", "the tax as unfair"),
        ClaimClass::Belief
    );
    let c = find(
        "Investors are worried that rates will rise.",
        "rates will rise",
    );
    assert_eq!(c.class, ClaimClass::Belief);
    assert_eq!(c.source.as_deref(), Some("Investors"));
    assert_eq!(
        class_of(
            "Some local leaders are confident in the new plan.",
            "the new plan"
        ),
        ClaimClass::Belief
    );
}

#[test]
fn intentions_take_infinitives_gerunds_and_objects() {
    assert_eq!(
        class_of("The firm plans to hire 200 workers.", "to hire 200 workers"),
        ClaimClass::Intention
    );
    assert_eq!(
        class_of("She proposes raising the limit.", "raising the limit"),
        ClaimClass::Intention
    );
    find("The senator promised a veto.", "a veto");
}

#[test]
fn noun_cues_belong_to_their_possessor() {
    let c = find(
        "The mayor's claim that the tax is fair drew protests from the shops.",
        "the tax is fair drew protests from the shops",
    );
    assert_eq!(c.speaker.as_deref(), Some("mayor"));
    let c = find("He lost votes over his support for the bill.", "the bill");
    assert_eq!(c.class, ClaimClass::Evaluation);
    let c = find(
        "The governor voiced concerns about the budget.",
        "the budget",
    );
    assert_eq!(c.class, ClaimClass::Belief);
    assert_eq!(c.source.as_deref(), Some("The governor"));
}

#[test]
fn passives_name_their_agent() {
    let c = find(
        "The plan was rejected by the council.",
        "The plan was rejected by the council",
    );
    assert_eq!(c.source.as_deref(), Some("the council"));
    assert_eq!(c.class, ClaimClass::Evaluation);
    let c = find(
        "The senator is expected to win the primary.",
        "The senator is expected to win the primary",
    );
    assert!(c.source.is_none(), "the writer's expectation names nobody");
    none("The race was called on Tuesday night.");
}

#[test]
fn asked_before_its_question_is_nobodys_question() {
    let c = find(
        "Asked whether she would run, the mayor smiled.",
        "whether she would run",
    );
    assert!(c.source.is_none());
    let c = find(
        "When asked whether he would run, the senator said no.",
        "whether he would run",
    );
    assert!(c.source.is_none());
    let c = find(
        "When asked by a reporter whether the law applied, the mayor smiled.",
        "whether the law applied",
    );
    assert_eq!(c.source.as_deref(), Some("a reporter"), "the agent asked");
    find(
        "Asked about the merger, the mayor smiled.",
        "about the merger",
    );
    find(
        "Maria asked the contender if he had been preparing for the job.",
        "if he had been preparing for the job",
    );
    find(
        "She asked Sanders about the families deported last year.",
        "Sanders about the families deported last year",
    );
}

#[test]
fn documents_give_evidence() {
    let c = find("The report shows that crime fell.", "crime fell");
    assert_eq!(c.class, ClaimClass::Evidence);
    let c = find(
        "According to the survey, most voters want change.",
        "most voters want change",
    );
    assert_eq!(c.class, ClaimClass::Evidence);
}

#[test]
fn phrase_cues_take_topics() {
    assert_eq!(
        find("The mayor complained about the noise.", "the noise")
            .cue
            .as_deref(),
        Some("complained about")
    );
    find(
        "She spoke about how the city changed.",
        "how the city changed",
    );
    find("They took aim at the new rules.", "the new rules");
}

#[test]
fn the_writers_impression_is_nobodys() {
    let c = find(
        "The plan seems to have failed in the end.",
        "The plan seems to have failed in the end",
    );
    assert!(c.source.is_none());
    assert_eq!(c.class, ClaimClass::Belief);
}

// ---- headlines ---------------------------------------------------------------------

fn headline(title: &str) -> Vec<Seen> {
    let text = format!("{title}\n\nThe body of the article follows here.\n");
    let ex = extract(&text);
    ex.claims.iter().map(|c| see(&text, &ex, c)).collect()
}

#[test]
fn title_case_headlines_with_a_cue() {
    let all = headline("Conservative Icon Morton Blackwell Endorses Ted Cruz");
    assert_eq!(all.len(), 1, "{all:#?}");
    assert_eq!(all[0].text, "Ted Cruz");
    assert_eq!(all[0].kind, ClaimKind::Headline);
    assert!(
        all[0]
            .speaker
            .as_deref()
            .is_some_and(|s| s.ends_with("Morton Blackwell")),
        "{all:#?}"
    );
    let all = headline("Tax Cuts Will Hurt Schools, Union Says");
    assert_eq!(all[0].text, "Tax Cuts Will Hurt Schools");
    assert_eq!(all[0].source.as_deref(), Some("Union"));
    let all = headline("CNN President On Trump: We Do Not Pay Candidates");
    assert_eq!(all[0].source.as_deref(), Some("CNN President"));
}

#[test]
fn nouns_in_title_case_are_no_cues() {
    assert!(headline("Republican Party Boosts Spending In Battleground States").is_empty());
}

#[test]
fn a_topic_label_before_news_is_no_speaker() {
    assert!(headline("Julian Assange: Sweden drops rape investigation").is_empty());
}

// ---- speaker names -----------------------------------------------------------------

fn speakers(body: &str) -> Vec<(String, Option<String>)> {
    let text = format!("A headline\n\n{body}\n");
    extract(&text)
        .speakers
        .into_iter()
        .map(|s| (s.name, s.role))
        .collect()
}

#[test]
fn a_place_after_of_is_an_affiliation() {
    assert_eq!(
        speakers("The bill passed, said Rep. Elijah Cummings of Maryland."),
        vec![(
            "Elijah Cummings".to_owned(),
            Some("Rep., of Maryland".to_owned())
        )]
    );
}

#[test]
fn abbreviated_titles_are_titles() {
    assert_eq!(
        speakers("\"It is wrong,\" said Del. Stacey Plaskett.")[0],
        ("Stacey Plaskett".to_owned(), Some("Del.".to_owned()))
    );
}

#[test]
fn roles_are_noun_phrases_not_clauses() {
    let all = speakers(
        "Gov. John Kasich of Ohio, a Republican who has refused to endorse Mr. Trump, said the \
         family deserved better.",
    );
    let kasich = all
        .iter()
        .find(|(n, _)| n == "John Kasich")
        .expect("Kasich");
    assert_eq!(kasich.1.as_deref(), Some("Gov., of Ohio, a Republican"));
}

#[test]
fn possessives_and_contractions_are_not_names() {
    let all = speakers("Clinton's claim that the plan works was disputed. He's said it fails.");
    assert!(all.iter().all(|(n, _)| !n.ends_with("'s")), "{all:?}");
    assert!(all.iter().any(|(n, _)| n == "Clinton"), "{all:?}");
}

#[test]
fn a_surname_is_the_person_first_named_with_it() {
    let all = speakers(
        "Donald Trump arrived in Iowa. Ivanka Trump spoke later. \"We will win,\" Trump said.",
    );
    assert_eq!(all, vec![("Donald Trump".to_owned(), None)]);
}

#[test]
fn multi_word_places_are_not_speakers() {
    none("New Hampshire said the count was accurate.");
}

#[test]
fn a_signature_line_signs_the_paragraph_before_it() {
    let c = find(
        "The council has ignored the flooding for years, and residents deserve better answers.\n\n— Jane Doe, Springfield",
        "The council has ignored the flooding for years, and residents deserve better answers",
    );
    assert_eq!(c.speaker.as_deref(), Some("Jane Doe"));
}

#[test]
fn a_byline_after_reported_speech_is_no_signature() {
    let (_, all) = claims("Rajoy said Monday that he would form a government.--Kim Hjelmgaard.");
    assert!(
        all.iter()
            .all(|c| c.speaker.as_deref() != Some("Kim Hjelmgaard")),
        "{all:#?}"
    );
}
