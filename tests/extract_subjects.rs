//! The constructions of issue 7, continued: subjects found across asides, coordinated
//! predicates and shares, and attributions followed by a second predicate.

mod constructions;

use constructions::{find, no_claim_where};

#[test]
fn a_second_predicate_after_the_attribution_ends_it() {
    for (body, source) in [
        ("\"We are leaving now,\" she said and hung up.", "she"),
        ("\"We are leaving now,\" Smith said and hung up.", "Smith"),
        ("\"We are leaving now,\" said Smith and hung up.", "Smith"),
        ("\"We are leaving now,\" Smith said but stayed.", "Smith"),
    ] {
        let c = find(body, "We are leaving now,");
        assert_eq!(c.source.as_deref(), Some(source), "{body}");
        assert_eq!(c.cue.as_deref(), Some("said"), "{body}");
    }
}

#[test]
fn a_clause_after_an_inverted_cue_is_no_speaker() {
    // The quote is the object of `citing`; `said` reports the clause after it.
    let body =
        "Mr. Brown, citing \"the unique power of the brand,\" said the company could compete.";
    no_claim_where(body, |c| {
        c.source.as_deref().is_some_and(|s| s.contains("could"))
    });
    let c = find(body, "the company could compete");
    assert_eq!(c.source.as_deref(), Some("Mr. Brown"));
    assert_eq!(c.speaker.as_deref(), Some("Brown"));
}

#[test]
fn an_unknown_noun_after_a_determiner_is_the_subject_of_both_predicates() {
    let c = find(
        "The affidavit cited interviews with neighbors and said that the officer had seen bruises.",
        "that the officer had seen bruises",
    );
    assert_eq!(c.source.as_deref(), Some("The affidavit"));
    // `plan` after a determiner is the noun, not a verb with a subject before it.
    no_claim_where(
        "The latest plan to stop the merger from claiming the market is a long shot.",
        |c| c.source.as_deref() == Some("The latest"),
    );
}

#[test]
fn a_share_out_of_a_number_is_the_subject() {
    for (body, source) in [
        (
            "Nearly nine out of 10 say they will need new skills.",
            "Nearly nine out of 10",
        ),
        (
            "Nine out of ten said they will need new skills.",
            "Nine out of ten",
        ),
        ("Four in 10 say they will need new skills.", "Four in 10"),
    ] {
        let c = find(body, "they will need new skills");
        assert_eq!(c.source.as_deref(), Some(source), "{body}");
    }
}

#[test]
fn middle_initials_and_suffixes_stay_in_the_name() {
    for (body, source, speaker) in [
        (
            "John A. Smith said the plan works.",
            "John A. Smith",
            "John A. Smith",
        ),
        (
            "John Smith Jr. said the plan works.",
            "John Smith Jr.",
            "John Smith Jr.",
        ),
        (
            "The plan works, said John Smith Jr., the mayor.",
            "John Smith Jr.",
            "John Smith Jr.",
        ),
        // `King` is a title word, but not before a suffix.
        (
            "Martin Luther King Jr. said the plan works.",
            "Martin Luther King Jr.",
            "Martin Luther King Jr.",
        ),
    ] {
        let content = if body.starts_with("The plan") {
            "The plan works"
        } else {
            "the plan works"
        };
        let c = find(body, content);
        assert_eq!(c.source.as_deref(), Some(source), "{body}");
        assert_eq!(c.speaker.as_deref(), Some(speaker), "{body}");
    }
    // The surname alone later is the same person.
    let body = "James B. Comey Jr., the director of the agency, said the plan works. \
                Comey added that it was fine.";
    let c = find(body, "that it was fine");
    assert_eq!(c.speaker.as_deref(), Some("James B. Comey Jr."));
    let c = find(
        "\"Radio works,\" John A. Smith Jr., the head of the agency, said.",
        "Radio works,",
    );
    assert_eq!(c.speaker.as_deref(), Some("John A. Smith Jr."));
}

#[test]
fn examples_of_a_group_are_no_role_and_a_focus_adverb_no_part_of_the_subject() {
    for body in [
        "Even the biggest hawks, such as Reed, say the troops should come home.",
        "The biggest hawks, such as Reed and Bush, say the troops should come home.",
        "The biggest hawks, including Reed, say the troops should come home.",
    ] {
        let (text, all) = constructions::claims(body);
        let c = all
            .iter()
            .find(|c| c.text == "the troops should come home")
            .unwrap_or_else(|| panic!("{text}: {all:#?}"));
        assert!(
            c.source
                .as_deref()
                .is_some_and(|s| s.eq_ignore_ascii_case("the biggest hawks")),
            "{body}: {c:?}"
        );
        assert_eq!(c.speaker.as_deref(), Some("biggest hawks"), "{body}");
    }
}

#[test]
fn a_belief_in_the_infinitive_after_seem_is_the_subjects() {
    for body in [
        "Anderson seemed to think the outreach was phony.",
        "Anderson agreed and seemed to think the outreach was phony.",
    ] {
        let c = find(body, "the outreach was phony");
        assert_eq!(c.source.as_deref(), Some("Anderson"), "{body}");
        assert_eq!(c.cue.as_deref(), Some("think"), "{body}");
    }
}

#[test]
fn a_title_word_after_a_first_name_or_an_initial_is_a_surname() {
    let c = find(
        "\"It is not easy,\" said Representative Peter T. King of New York.",
        "It is not easy,",
    );
    assert_eq!(c.speaker.as_deref(), Some("Peter T. King"));
    let c = find(
        "Representative Peter King of New York said the plan works.",
        "the plan works",
    );
    assert_eq!(c.speaker.as_deref(), Some("Peter King"));
    // A title alone is still a title.
    let c = find(
        "The Secretary of State said the plan works.",
        "the plan works",
    );
    assert_ne!(c.speaker.as_deref(), Some("State"));
}

#[test]
fn a_participle_after_a_preposition_speaks_for_the_clause_after_the_conjunction() {
    let c = find(
        "Christie attacked Rubio in the debate, and the governor tripped up Rubio by calling him out for his talking points.",
        "him out for his talking points",
    );
    assert_eq!(c.source.as_deref(), Some("the governor"));
}

#[test]
fn a_focus_adverb_opening_the_sentence_is_no_speaker() {
    no_claim_where(
        "Just before the vote, the mayor called the plan a disaster.",
        |c| c.source.as_deref() == Some("Just"),
    );
}

#[test]
fn a_quote_ending_in_its_own_comma_is_the_words_of_any_verb_after_a_subject() {
    for (body, source, cue) in [
        (
            "\"Compare him to the rival,\" Gorka urged.",
            "Gorka",
            "urged",
        ),
        (
            "\"Let me help you out,\" the nominee riffed on the answer, drawing applause.",
            "the nominee",
            "riffed",
        ),
        ("\"Why?\" the crowd chanted.", "the crowd", "chanted"),
    ] {
        let (_, all) = constructions::claims(body);
        let c = all
            .iter()
            .find(|c| c.source.as_deref() == Some(source))
            .unwrap_or_else(|| panic!("{body}: {all:#?}"));
        assert_eq!(c.cue.as_deref(), Some(cue), "{body}");
    }
    // A quoted title before a participle is no one's words.
    constructions::none("\"The Last Jedi,\" released in 2017, was a hit.");
}

#[test]
fn all_told_and_a_question_s_auxiliary_are_no_speakers() {
    constructions::none("All told, the group raised $4 million in February.");
    no_claim_where("Does that person get tired and say the wrong thing?", |c| {
        c.source.as_deref() == Some("Does")
    });
}

#[test]
fn a_capitalised_group_is_plural_for_pronouns() {
    let body = "Senate Republicans said the plan would fail. They added that it was costly. \
                Smith, a senator, said he would vote no. He added that the plan was rushed.";
    let c = find(body, "that it was costly");
    assert_eq!(c.speaker.as_deref(), Some("Senate Republicans"));
    let c = find(body, "that the plan was rushed");
    assert_eq!(c.speaker.as_deref(), Some("Smith"));
}

#[test]
fn a_possessive_belongs_to_the_nearest_mention_in_its_sentence() {
    let body = "Senator Chris Murphy said the primary had moved the race. \
                It forced Senator Bernie Sanders to reverse his opposition to the lawsuits.";
    let c = find(body, "the lawsuits");
    assert_eq!(c.speaker.as_deref(), Some("Bernie Sanders"));
}

#[test]
fn determination_and_opportunity_pass_the_subject_to_the_infinitive() {
    for (body, content) in [
        (
            "The mayor is also determined to warn voters about the risks.",
            "voters about the risks",
        ),
        (
            "The senator seized the chance to blast the plan.",
            "the plan",
        ),
        (
            "The senator never missed an opportunity to say that the plan would fail.",
            "that the plan would fail",
        ),
    ] {
        let c = find(body, content);
        assert!(
            c.source.as_deref().is_some_and(|s| s.starts_with("The")),
            "{body}: {c:?}"
        );
    }
}

#[test]
fn going_on_to_say_after_a_comma_speaks_for_the_clause_before() {
    for body in [
        "Sanders spoke for an hour, going on to say that the country has fought racism.",
        "\"The debate is insane,\" Sanders said, going on to say that the country has fought racism.",
    ] {
        let c = find(body, "that the country has fought racism");
        assert_eq!(c.source.as_deref(), Some("Sanders"), "{body}");
    }
    // `Once` opening a sentence is no name.
    no_claim_where(
        "Once in my early 20s, I laughed and said, \"I do not believe it.\"",
        |c| c.source.as_deref() == Some("Once"),
    );
}

#[test]
fn a_coordinated_cue_after_an_opening_phrase_attributes_the_quote() {
    let c = find(
        "In my early 20s, I laughed and said, \"I do not believe in the devil.\"",
        "I do not believe in the devil.",
    );
    assert_eq!(c.source.as_deref(), Some("I"));
    assert_eq!(c.cue.as_deref(), Some("said"));
    no_claim_where(
        "In my early 20s, I laughed and said, \"I do not believe in the devil.\"",
        |c| c.text == "In my early 20s",
    );
}

#[test]
fn an_organisation_named_in_passing_is_it_but_not_they() {
    let body = "About a dozen people demonstrated outside the Dallas Morning News after it backed Clinton.";
    let c = find(body, "Clinton");
    assert_eq!(c.speaker.as_deref(), Some("Dallas Morning News"));
    let body = "Reporters waited at the White House. They said the briefing was late.";
    let c = find(body, "the briefing was late");
    assert_ne!(c.speaker.as_deref(), Some("White House"));
}

#[test]
fn a_short_adjunct_may_sit_between_the_comma_and_the_participle() {
    let c = find(
        "The mayor battled the governor over the budget, at one point calling him a \"liar.\"",
        "him a \"liar.\"",
    );
    assert_eq!(c.source.as_deref(), Some("The mayor"));
}

#[test]
fn a_venue_between_subject_and_verb_is_no_part_of_the_speaker() {
    for (body, source) in [
        (
            "Clinton in an interview with CNN on Monday said the plan would fail.",
            "Clinton",
        ),
        (
            "The minister in a statement said the plan would fail.",
            "The minister",
        ),
        (
            "The employee in a later interview said the plan would fail.",
            "The employee",
        ),
        // A place after the subject is still the speaker's.
        ("Police in Ohio said the plan would fail.", "Police in Ohio"),
        // A subject pronoun after the adjunct is the subject.
        (
            "A few days ago in an interview with CNN he said the plan would fail.",
            "he",
        ),
    ] {
        let c = find(body, "the plan would fail");
        assert_eq!(c.source.as_deref(), Some(source), "{body}");
    }
}

#[test]
fn an_opening_adjunct_does_not_hide_the_subject_of_a_second_predicate() {
    let c = find(
        "Beyond that, the report cited interviews and said that the officer had seen bruises.",
        "that the officer had seen bruises",
    );
    assert_eq!(c.source.as_deref(), Some("the report"));
}

#[test]
fn a_time_opening_the_sentence_is_no_subject() {
    let c = find(
        "Two days later the mayor visited the site and said the bridge would reopen.",
        "the bridge would reopen",
    );
    assert_eq!(c.source.as_deref(), Some("the mayor"));
}
