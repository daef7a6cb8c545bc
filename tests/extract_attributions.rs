//! The constructions of issue 7, continued: attributions beyond speech verbs (with their
//! class), headlines, and speaker names a reader can trust.

mod constructions;

use constructions::{Seen, claims, find, no_claim_where, none, see};
use sayso::extract::{ClaimClass, ClaimKind, extract};

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
        "that rates will rise",
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
        "that the tax is fair drew protests from the shops",
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
    let c = find("The report shows that crime fell.", "that crime fell");
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

#[test]
fn a_bare_cue_after_a_name_or_whose_is_a_noun() {
    none("Marco Rubio, whose support cratered last month, drew a measured response.");
    none("The exceptions are Wyoming (Obama approval 26 percent, Clinton support 27 percent).");
    find("Clinton supports the plan.", "the plan");
}

#[test]
fn a_question_to_the_reader_weighs_nothing() {
    none("Do you support the new stadium?");
    find(
        "Q: Do you think the tax should be reinstated?",
        "the tax should be reinstated",
    );
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
    // A role after an institution is a person acting, not the institution.
    let all = headline("Lewandowski: FBI director acted as judge and jury");
    assert_eq!(all.len(), 1, "{all:#?}");
    assert_eq!(all[0].text, "FBI director acted as judge and jury");
}

#[test]
fn a_headline_source_has_no_article_or_preposition_inside() {
    assert!(
        headline("Mayor Lee Tweets A Misleading Chart To Portray Rivals As Cheats").is_empty(),
        "title case hides where the name ends"
    );
}

#[test]
fn a_title_case_headline_names_nobody_at_length() {
    let text = "Jane Doe Compares Trump\u{2019}s Racism To Ann Park Celebrating Diversity.\n\n\
                Sen. Jane Doe (R-Iowa) on Wednesday said it was the same thing as Justice Ann \
                Park speaking of her roots. Park said so.\n";
    let names: Vec<String> = extract(text).speakers.into_iter().map(|s| s.name).collect();
    assert!(
        names.iter().all(|n| n.split_whitespace().count() <= 3),
        "{names:?}"
    );
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
fn a_journalists_credit_line_is_no_signature() {
    no_claim_where(
        "The meeting was first reported on Monday by the local paper and has not been denied.\n\n\u{2014} City Hall Correspondent Jo Park.",
        |c| c.speaker.as_deref() == Some("Jo Park"),
    );
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

#[test]
fn its_is_never_a_person_and_an_adverb_is_no_name() {
    let text = "A headline\n\nThe historian Dana Reyes wrote the book. The party today agrees only on its opposition to anything the mayor wants.\n";
    let ex = extract(text);
    let c = ex
        .claims
        .iter()
        .find(|c| c.span.slice(text) == "to anything the mayor wants")
        .expect("the claim of 'its opposition'");
    let speaker = c.speaker.and_then(|k| ex.speakers.get(k));
    assert!(
        speaker.is_none_or(|s| s.name != "Dana Reyes"),
        "'its' resolved to a person: {speaker:?}"
    );
    let (_, all) = claims("Ruiz Made A Final Demand Before The Debate And Finally Refused.");
    assert!(
        all.iter()
            .all(|c| !c.speaker.as_deref().unwrap_or("").contains("Finally")),
        "{all:#?}"
    );
}

#[test]
fn a_subject_with_a_relative_clause_is_the_speaker_not_the_clauses_object() {
    for (body, speaker) in [
        (
            "The woman who owns the shop said business is slow.",
            "woman",
        ),
        (
            "Voters who attended the caucuses said the economy matters most.",
            "Voters",
        ),
        ("People who know him well said he would run.", "People"),
    ] {
        let (_, all) = claims(body);
        let c = all
            .iter()
            .find(|c| c.cue.as_deref() == Some("said"))
            .unwrap_or_else(|| panic!("no claim in {body}: {all:#?}"));
        assert_eq!(c.speaker.as_deref(), Some(speaker), "{body}");
    }
}

#[test]
fn asides_titles_and_stray_commas_around_a_speaker() {
    let (_, all) = claims("The campaign, for example, said she would support the nominee.");
    let c = all
        .iter()
        .find(|c| c.text == "she would support the nominee")
        .unwrap_or_else(|| panic!("{all:#?}"));
    assert_eq!(c.source.as_deref(), Some("The campaign"));
    let text = "A headline\n\nThe campaign, for example, said she would support the nominee.\n";
    let ex = extract(text);
    assert!(
        ex.speakers
            .iter()
            .all(|s| s.role.as_deref() != Some("for example")),
        "an aside is no role: {:?}",
        ex.speakers
    );
    let c = find(
        "Mr. Ruiz’s former campaign manager, Dana Reyes, said the aide should be fired.",
        "the aide should be fired",
    );
    assert_eq!(c.speaker.as_deref(), Some("Dana Reyes"));
    let c = find(
        "Gov. Ann Lowe (R-Ohio), said the plan works.",
        "the plan works",
    );
    assert_eq!(c.speaker.as_deref(), Some("Ann Lowe"));
}

#[test]
fn a_subject_with_a_participle_after_it_is_the_speaker() {
    for (body, speaker) in [
        (
            "Reporters covering the campaign said the bus was late.",
            "Reporters",
        ),
        (
            "Several judges handling the lawsuits cited the election.",
            "judges",
        ),
    ] {
        let (_, all) = claims(body);
        assert!(
            all.iter().any(|c| c.speaker.as_deref() == Some(speaker)),
            "{body}: {all:#?}"
        );
    }
}

#[test]
fn any_description_then_a_name_between_commas() {
    let c = find(
        "One delegate not on the mayor's slate, Dana Reyes, told reporters she was undecided.",
        "she was undecided",
    );
    assert_eq!(c.speaker.as_deref(), Some("Dana Reyes"));
}

#[test]
fn a_region_or_party_adjective_alone_is_no_speaker() {
    for body in [
        "Most Southern states that vote in March have large minority populations.",
        "Western states that vote this week matter to the senator.",
    ] {
        let (_, all) = claims(body);
        assert!(
            all.iter()
                .all(|c| !matches!(c.speaker.as_deref(), Some("Southern" | "Western"))),
            "{body}: {all:#?}"
        );
    }
}

#[test]
fn a_description_ends_before_the_verb_that_follows_its_head() {
    let text = "A headline\n\nThe senator stepped up his attacks on Ruiz.\n";
    let ex = extract(text);
    assert!(
        ex.speakers
            .iter()
            .all(|s| s.role.as_deref().is_none_or(|r| !r.contains("stepped"))),
        "{:?}",
        ex.speakers
    );
    let c = find("The senator stepped up his attacks on Ruiz.", "Ruiz");
    assert_eq!(c.cue.as_deref(), Some("attacks on"));
    assert_ne!(
        c.speaker.as_deref(),
        Some("Ruiz"),
        "the target is not the speaker"
    );
}

#[test]
fn a_long_source_opening_the_sentence_runs_to_its_comma() {
    let c = find(
        "According to a study based on census data from 2014, voters skew younger.",
        "voters skew younger",
    );
    assert_eq!(
        c.source.as_deref(),
        Some("a study based on census data from 2014")
    );
}

#[test]
fn an_attitude_someone_expresses_attributes_what_it_is_about() {
    for (body, content) in [
        (
            "The ministry expressed skepticism that the dam would be finished by 2030.",
            "that the dam would be finished by 2030",
        ),
        (
            "Several aides voiced frustration over the slow count in the northern counties.",
            "the slow count in the northern counties",
        ),
    ] {
        assert_eq!(class_of(body, content), ClaimClass::Belief, "{body}");
    }
    // Not a time after the noun: `optimism over the weekend` is no topic.
    no_claim_where(
        "The traders expressed optimism over the weekend, then sold.",
        |c| c.text.starts_with("the weekend"),
    );
}

#[test]
fn cautions_and_decisions_against_something_attribute_it() {
    for (body, content, class) in [
        (
            "The unions warned against cutting the night fares.",
            "cutting the night fares",
            ClaimClass::Evaluation,
        ),
        (
            "The board decided against selling the stadium.",
            "selling the stadium",
            ClaimClass::Intention,
        ),
        (
            "Two senators came out against the pipeline.",
            "the pipeline",
            ClaimClass::Evaluation,
        ),
    ] {
        assert_eq!(class_of(body, content), class, "{body}");
    }
}

#[test]
fn questions_someone_raises_attribute_what_they_ask() {
    // A question is a clause: it runs past `before the vote`, which ends a noun phrase.
    let c = find(
        "The council raised new questions about whether the mayor would resign before the vote.",
        "whether the mayor would resign before the vote",
    );
    assert_eq!(c.source.as_deref(), Some("The council"));
    // Questions nobody raises attribute nothing.
    none("Questions about the budget remain.");
}

#[test]
fn as_someone_pointed_out_attributes_the_rest_of_the_sentence() {
    let c = find(
        "But as the auditor pointed out, the fund has never been audited.",
        "the fund has never been audited",
    );
    assert_eq!(c.cue.as_deref(), Some("pointed out"));
    find(
        "The report also points out a second loan that the city never repaid.",
        "a second loan that the city never repaid",
    );
}

#[test]
fn speaking_up_and_opening_up_about_something_attribute_it() {
    for (body, content) in [
        (
            "The coach opened up about her years of injuries.",
            "her years of injuries",
        ),
        ("Few players spoke up about the pay gap.", "the pay gap"),
        (
            "The mayor's wife is talking up his record on housing.",
            "his record on housing",
        ),
    ] {
        assert_eq!(class_of(body, content), ClaimClass::Evaluation, "{body}");
    }
}

#[test]
fn idioms_of_judgement_attribute_their_object() {
    for (body, content) in [
        (
            "The senator made no mention of the tax cuts.",
            "the tax cuts",
        ),
        (
            "The mayor took a shot at the transit board.",
            "the transit board",
        ),
        (
            "Both leaders made little secret of their disagreements.",
            "their disagreements",
        ),
        (
            "The author made a case for a wider tax credit.",
            "a wider tax credit",
        ),
    ] {
        assert_eq!(class_of(body, content), ClaimClass::Evaluation, "{body}");
    }
}
