//! The constructions of issue 7, continued: reporting verbs in the infinitive, whose
//! speaker is whoever controls them, and the venue of a report after its object.

mod constructions;

use constructions::{claims, find, no_claim_where};

#[test]
fn the_subject_of_a_verb_of_continuing_speaks_through_the_infinitive() {
    let c = find(
        "The mayor went on to say the budget was balanced.",
        "the budget was balanced",
    );
    assert_eq!(c.source.as_deref(), Some("The mayor"));
    assert_eq!(c.cue.as_deref(), Some("say"));
    let c = find(
        "Older voters are generally more likely to say that the economy is improving.",
        "that the economy is improving",
    );
    assert_eq!(c.source.as_deref(), Some("Older voters"));
    let c = find(
        "The governor has tried to argue that the cuts will help schools.",
        "that the cuts will help schools",
    );
    assert_eq!(c.source.as_deref(), Some("The governor"));
}

#[test]
fn the_object_of_a_verb_of_causing_speaks_through_the_infinitive() {
    let c = find(
        "The remark prompted the senator to accuse the mayor of lying.",
        "the mayor of lying",
    );
    assert_eq!(c.source.as_deref(), Some("the senator"));
    let c = find(
        "The margin was enough for her to claim a clear victory.",
        "a clear victory",
    );
    assert_eq!(c.source.as_deref(), Some("her"));
}

#[test]
fn an_infinitive_nobody_controls_reports_nothing() {
    for body in [
        "It is hard to say whether the bridge will open this year.",
        "The council needs a plan to show the river is clean.",
        "There is little to report from the meeting.",
    ] {
        no_claim_where(body, |c| {
            matches!(c.cue.as_deref(), Some("say" | "show" | "report"))
        });
    }
}

#[test]
fn an_adverb_of_duration_between_the_auxiliary_and_the_verb() {
    let c = find(
        "The senator has long argued that the tax hurts families.",
        "that the tax hurts families",
    );
    assert_eq!(c.source.as_deref(), Some("The senator"));
    let c = find(
        "The leaders have both said that the talks will go on.",
        "that the talks will go on",
    );
    assert_eq!(c.source.as_deref(), Some("The leaders"));
}

#[test]
fn a_warning_of_something_reports_it() {
    let c = find("The agency warned of long delays.", "long delays");
    assert_eq!(c.source.as_deref(), Some("The agency"));
}

#[test]
fn the_venue_of_a_report_ends_its_object() {
    find("The mayor mocked the plan on Twitter.", "the plan");
    find(
        "Ms. Lee criticized the ruling on CNN's morning show.",
        "the ruling",
    );
    find("He described the deal in print.", "the deal");
    // Unless the object goes on past it.
    let (_, all) = claims("Ms. Lee thanked the governor on Twitter for signing the bill.");
    assert!(
        all.iter()
            .any(|c| c.text == "the governor on Twitter for signing the bill"),
        "{all:#?}"
    );
}

#[test]
fn an_aside_after_the_cue_is_the_writers_or_the_speakers() {
    // A prepositional aside is the writer's, even with a verb in it.
    let c = find(
        "The mayor said, without offering evidence, that the count was wrong.",
        "that the count was wrong",
    );
    assert_eq!(c.cue.as_deref(), Some("said"));
    no_claim_where(
        "The mayor said, without offering evidence, that the count was wrong.",
        |c| c.cue.as_deref() == Some("offering"),
    );
    find(
        "The mayor said, in an interview, she would run again.",
        "she would run again",
    );
    // Any other aside opens the speaker's words.
    find(
        "The senator says, win or lose in the primary, he is staying in the race.",
        "win or lose in the primary, he is staying in the race",
    );
    // A remark after the claim on how it was made is not part of it.
    find(
        "The mayor said the count was wrong, without offering evidence.",
        "the count was wrong",
    );
}

#[test]
fn names_a_reader_can_trust() {
    // A day after a name says when.
    let c = find(
        "Mayor Lee Tuesday said the plan was dead.",
        "the plan was dead",
    );
    assert_eq!(c.speaker.as_deref(), Some("Lee"));
    // A name in an opening prepositional phrase is not the subject.
    let c = find(
        "On CNN Tuesday, his wife, Jane, called for an open primary.",
        "an open primary",
    );
    assert_eq!(c.speaker.as_deref(), Some("Jane"));
    // The clause after a dash has its own subject.
    let c = find(
        "She drew his ire - he called her weak and said she had no support.",
        "she had no support",
    );
    assert_eq!(c.source.as_deref(), Some("he"));
    // A kicker before a colon is no speaker.
    let (_, all) = claims("BUSTED: Emails Show The Aide Met The Reporter\n\nBody text.");
    assert!(
        all.iter().all(|c| c.speaker.as_deref() != Some("BUSTED")),
        "{all:#?}"
    );
}

#[test]
fn a_day_inside_a_phrase_cue_and_a_bare_clause_after_made_it_clear() {
    let c = find(
        "The mayor spoke out Tuesday about the closing of the plant.",
        "the closing of the plant",
    );
    assert_eq!(c.cue.as_deref(), Some("spoke out Tuesday about"));
    find(
        "The senator took aim Friday at the new rules.",
        "the new rules",
    );
    let c = find(
        "In an interview, the general made it clear he had doubts about the plan.",
        "he had doubts about the plan",
    );
    assert_eq!(c.source.as_deref(), Some("the general"));
}

#[test]
fn a_person_who_speaks_for_someone_is_not_that_someone() {
    let (_, all) = claims(
        "A lawyer for Mr. Cohen said he would appeal. Another lawyer for the firm said it would not. The lawyer for Mr. Cohen added that he was innocent.",
    );
    let speaker = |text: &str| {
        all.iter()
            .find(|c| c.text == text)
            .and_then(|c| c.speaker.clone())
    };
    assert_eq!(
        speaker("he would appeal").as_deref(),
        Some("lawyer for Mr. Cohen")
    );
    assert_eq!(
        speaker("it would not").as_deref(),
        Some("lawyer for the firm")
    );
    assert_eq!(
        speaker("that he was innocent").as_deref(),
        Some("lawyer for Mr. Cohen")
    );
    let c = find(
        "A spokesman for the campaign said the event was canceled.",
        "the event was canceled",
    );
    assert_eq!(c.speaker.as_deref(), Some("spokesman for the campaign"));
    let c = find(
        "Supporters of Mr. Trump say the polls are wrong.",
        "the polls are wrong",
    );
    assert_eq!(c.speaker.as_deref(), Some("Supporters of Mr. Trump"));
    // A title joined by `of` is still the person's own.
    let c = find(
        "Secretary of State John Kerry said the talks would go on.",
        "the talks would go on",
    );
    assert_eq!(c.speaker.as_deref(), Some("John Kerry"));
}

#[test]
fn a_participle_after_the_subject_describes_it() {
    let c = find(
        "Documents obtained by the newspaper show the firm paid bribes.",
        "the firm paid bribes",
    );
    assert_eq!(c.speaker.as_deref(), Some("Documents"));
    let c = find(
        "Experts interviewed by the paper said the plan would fail.",
        "the plan would fail",
    );
    assert_eq!(c.speaker.as_deref(), Some("Experts"));
    let c = find(
        "A news report published Wednesday said the minister used a private account.",
        "the minister used a private account",
    );
    assert_eq!(c.speaker.as_deref(), Some("news report"));
    // A finite verb is no participle: the clause has no reported content.
    no_claim_where(
        "But Ms. Martinez passed on a chance to publicly back Mr. Trump.",
        |c| c.speaker.as_deref() == Some("Martinez") && c.cue.as_deref() == Some("back"),
    );
}

#[test]
fn court_reports() {
    let c = find(
        "The judge ruled that the evidence was inadmissible.",
        "that the evidence was inadmissible",
    );
    assert_eq!(c.source.as_deref(), Some("The judge"));
    find(
        "The court heard that the defendant had fled the scene.",
        "that the defendant had fled the scene",
    );
    // The nouns are no cues.
    no_claim_where("Under the rules, the party awards delegates.", |c| {
        c.cue.as_deref() == Some("rules")
    });
    no_claim_where("I heard the music.", |c| c.cue.as_deref() == Some("heard"));
}

#[test]
fn a_bare_noun_and_its_verb_open_the_content() {
    for (body, content) in [
        ("He argued voters were angry.", "voters were angry"),
        ("She believes prices will fall.", "prices will fall"),
        (
            "He predicted turnout would be high.",
            "turnout would be high",
        ),
        ("They expect sales to rise.", "sales to rise"),
        ("She warned prices would rise.", "prices would rise"),
    ] {
        find(body, content);
    }
    // A cue that is also a noun modifies the noun after it; a participle after an article
    // is an adjective.
    no_claim_where("More state lawmakers have endorsed her.", |c| {
        c.cue.as_deref() == Some("state")
    });
    no_claim_where("The alleged fraud was small.", |c| {
        c.cue.as_deref() == Some("alleged")
    });
}

#[test]
fn a_cue_after_an_article_in_an_adjunct_is_a_noun() {
    let c = find(
        "Revenue will grow by 10 percent, chief executive Jane Doe told analysts on a call.",
        "Revenue will grow by 10 percent",
    );
    assert_eq!(c.speaker.as_deref(), Some("Jane Doe"));
}

#[test]
fn as_per_opening_a_sentence_is_according_to() {
    let c = find(
        "As per the police report, 40 people were injured.",
        "40 people were injured",
    );
    assert_eq!(c.source.as_deref(), Some("the police report"));
    no_claim_where("The budget was cut as per the new rules.", |c| {
        c.cue.as_deref() == Some("as per")
    });
}

#[test]
fn when_and_where_a_question_was_put_are_the_writers() {
    find(
        "Asked about it after a debate, the mayor told reporters that the story was false.",
        "about it",
    );
    find(
        "Asked why he had yet to endorse her during an appearance Friday, Mr. Lee said he had not decided.",
        "why he had yet to endorse her",
    );
}

#[test]
fn a_noun_in_an_opening_phrase_is_no_subject_of_the_participle_after_it() {
    let c = find(
        "In a Facebook message posted Friday, the senator said he had doubts about the plan.",
        "he had doubts about the plan",
    );
    assert_eq!(c.source.as_deref(), Some("the senator"));
    no_claim_where(
        "In a Facebook message posted Friday, the senator said he had doubts about the plan.",
        |c| c.cue.as_deref() == Some("posted"),
    );
    // A subordinate clause opening the sentence has a subject of its own.
    find(
        "After campaign aides insisted in June that the mayor would run, the party relented.",
        "that the mayor would run",
    );
}

#[test]
fn and_continues_the_nearest_subordinate_clause() {
    let c = find(
        "The governor blasted her after she attacked the police and blamed the shootings on bias.",
        "the shootings on bias",
    );
    assert_eq!(c.source.as_deref(), Some("she"));
    // `that` opens the content, not a clause of the sentence.
    let c = find(
        "She said he lied and added that the plan was dead.",
        "that the plan was dead",
    );
    assert_eq!(c.source.as_deref(), Some("She"));
}

#[test]
fn degree_words_between_the_copula_and_a_stance() {
    let c = find(
        "But party bosses are apparently so worried that she could lose.",
        "that she could lose",
    );
    assert_eq!(c.source.as_deref(), Some("party bosses"));
}

#[test]
fn a_participle_after_a_preposition_speaks_for_its_own_clause() {
    let c = find(
        "While the mayor claimed that the deficit was over, the governor won the race by promising lower taxes.",
        "lower taxes",
    );
    assert_eq!(c.source.as_deref(), Some("the governor"));
    // One clause: its subject, as before.
    let c = find(
        "The mayor won the race by promising lower taxes.",
        "lower taxes",
    );
    assert_eq!(c.source.as_deref(), Some("The mayor"));
}

#[test]
fn a_person_from_a_town_and_its_state() {
    let c = find(
        "Stacy Baker of Columbia, South Carolina says she thinks the senator can win.",
        "she thinks the senator can win",
    );
    assert_eq!(c.speaker.as_deref(), Some("Stacy Baker"));
}

#[test]
fn a_first_name_or_an_honorific_tells_whom_she_can_be() {
    let (_, all) =
        claims("Rep. Joe Bateman said he liked the plan. Later, she said she liked it too.");
    let she = all
        .iter()
        .find(|c| c.text == "she liked it too")
        .unwrap_or_else(|| panic!("{all:#?}"));
    assert_ne!(she.speaker.as_deref(), Some("Joe Bateman"), "{all:#?}");
    let (_, all) =
        claims("Mrs. Lee, the mayor, said the budget was fine. She added that taxes would fall.");
    let she = all
        .iter()
        .find(|c| c.text == "that taxes would fall")
        .unwrap_or_else(|| panic!("{all:#?}"));
    assert_eq!(she.speaker.as_deref(), Some("Lee"), "{all:#?}");
}

#[test]
fn mrs_and_mr_of_one_family_are_two_people() {
    let text = "A headline\n\nMrs. Clinton said she would win the state. Mr. Clinton said he agreed with her.\n";
    let ex = sayso::extract::extract(text);
    let speakers: Vec<Option<usize>> = ex.claims.iter().map(|c| c.speaker).collect();
    assert_eq!(speakers.len(), 2, "{ex:#?}");
    assert!(speakers.iter().all(Option::is_some), "{ex:#?}");
    assert_ne!(speakers[0], speakers[1], "{ex:#?}");
}

#[test]
fn an_occasion_taken_in_order_to_speak() {
    let c = find(
        "The senator took to Twitter to blast the decision.",
        "the decision",
    );
    assert_eq!(c.source.as_deref(), Some("The senator"));
    assert_eq!(c.cue.as_deref(), Some("blast"));
    let c = find(
        "The mayor held a news conference to announce the plan.",
        "the plan",
    );
    assert_eq!(c.source.as_deref(), Some("The mayor"));
    // No occasion, no speaker: `in order to show` is the writer's.
    no_claim_where("The city needs money to show the river is clean.", |c| {
        c.cue.as_deref() == Some("show")
    });
}

#[test]
fn a_gendered_role_tells_whom_he_can_be() {
    let (_, all) =
        claims("Congresswoman Jordan Lee said the plan was sound. Later, he said it would fail.");
    let he = all
        .iter()
        .find(|c| c.text == "it would fail")
        .unwrap_or_else(|| panic!("{all:#?}"));
    assert_ne!(he.speaker.as_deref(), Some("Jordan Lee"), "{all:#?}");
}

#[test]
fn according_to_a_poll_out_thursday_and_a_quote_before_according_to() {
    let c = find(
        "According to a University of Texas/Texas Tribune poll out Thursday, the two senators each have 27 percent.",
        "the two senators each have 27 percent",
    );
    assert_eq!(
        c.source.as_deref(),
        Some("a University of Texas/Texas Tribune poll out Thursday")
    );
    // A comma inside the quote is the speaker's: the whole quote is the content.
    find(
        "\"Officials will turn over the findings to the department, which will decide on charges,\" according to CNN.",
        "\"Officials will turn over the findings to the department, which will decide on charges,\"",
    );
}

#[test]
fn according_to_in_an_aside_between_dashes() {
    let (_, all) = claims(
        "Most Americans - 63 percent in 2014, according to the report - still believe immigration is good.",
    );
    let c = all
        .iter()
        .find(|c| c.cue.as_deref() == Some("according to"))
        .unwrap_or_else(|| panic!("{all:#?}"));
    assert!(c.text.starts_with("Most Americans"), "{all:#?}");
    assert!(c.text.ends_with("immigration is good"), "{all:#?}");
    assert_eq!(c.fragments, 2);
}

#[test]
fn a_role_after_a_closing_according_to_describes_its_source() {
    find(
        "Officials searched the records of three aides, according to a filing by John Hackett, director of the records office.",
        "Officials searched the records of three aides",
    );
}

#[test]
fn a_relative_clause_closed_before_the_cue_does_not_end_the_content() {
    find(
        "Mr. Ruiz, who runs the shop, told the paper that the first site, ShopNow, was not ready for the traffic.",
        "that the first site, ShopNow, was not ready for the traffic",
    );
    find(
        "The director told a Senate committee hearing on Thursday that the agency had found no link.",
        "that the agency had found no link",
    );
}

#[test]
fn a_participle_in_an_appositive_governs_no_quote() {
    let c = find(
        "The program, known as the RFS, “can continue to be a powerful tool,” the senator wrote.",
        "The program, known as the RFS, “can continue to be a powerful tool,",
    );
    assert_eq!(c.source.as_deref(), Some("the senator"));
}

#[test]
fn clickbait_headlines_and_credit_lines() {
    let (_, all) = claims("Body text here.");
    assert!(all.is_empty());
    let text =
        "Look How Trey Gowdy Just Fired Back After Getting Hit By Legal Action\n\nBody text.\n";
    let ex = sayso::extract::extract(text);
    let names: Vec<&str> = ex.speakers.iter().map(|s| s.name.as_str()).collect();
    assert_eq!(names, ["Trey Gowdy"], "{ex:#?}");
    no_claim_where("Contributing: Ledyard King and Iris Ouyang.", |c| {
        c.speaker.as_deref() == Some("Contributing")
    });
    no_claim_where("Delegate Update: The latest count in the race.", |c| {
        c.speaker.is_some()
    });
}

#[test]
fn plural_nouns_of_cue_verbs_need_a_clear_subject() {
    no_claim_where(
        "In the spat, the country picked political targets skillfully.",
        |c| c.cue.as_deref() == Some("targets"),
    );
    let c = find("The senator targets the rich in her plan.", "the rich");
    assert_eq!(c.source.as_deref(), Some("The senator"));
}

#[test]
fn a_name_given_and_a_prediction_are_no_claims() {
    no_claim_where(
        "The group is sponsoring a competition called the House to Home Prize, which will award grants.",
        |c| c.cue.as_deref() == Some("called"),
    );
    no_claim_where(
        "Any backsliding by the agency is sure to spur a declaration of war by the industry.",
        |c| c.cue.as_deref() == Some("sure"),
    );
    // But a stance is: `is sure that …`.
    find(
        "She is sure that the plan will work.",
        "that the plan will work",
    );
    find("She called the plan a disaster.", "the plan a disaster");
}

#[test]
fn a_sentence_adverb_opens_no_name() {
    no_claim_where(
        "Simply assuming that miners will find new jobs is naive.",
        |c| c.speaker.as_deref() == Some("Simply"),
    );
}
