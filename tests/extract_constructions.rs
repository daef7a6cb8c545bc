//! The constructions of issue 7, one test each, on sentences written for the purpose:
//! content boundaries and the sources the subject finder must see. Attributions beyond
//! speech verbs, headlines and speaker names are in `extract_attributions.rs`.

mod constructions;

use constructions::{claims, find, no_claim_where};
use sayso::extract::{ClaimClass, ClaimKind};

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

#[test]
fn a_word_can_stand_for_what_was_said() {
    find("Officials said as much on Monday.", "as much");
    find(
        "Asked if it was legal, most voters said yes, and a third said no.",
        "yes",
    );
    find("After half said so in May, the share fell.", "so");
    let c = find(
        "She said that, if elected, she would leave it to the generals.",
        "that, if elected, she would leave it to the generals",
    );
    assert_eq!(c.kind, ClaimKind::Indirect);
}

#[test]
fn a_quote_inside_an_inverted_claim_belongs_to_it() {
    let c = find(
        "A clerk who \"steals a few dollars\" goes to jail, Warren said.",
        "A clerk who \"steals a few dollars\" goes to jail",
    );
    assert_eq!(c.kind, ClaimKind::Mixed);
    assert_eq!(c.source.as_deref(), Some("Warren"));
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
fn a_quote_attribution_may_end_in_time_or_a_subordinate_clause() {
    for (body, quote) in [
        (
            "\"Absolutely,\" he said when asked by a reporter.",
            "Absolutely,",
        ),
        (
            "\"We mourn them,\" Lee wrote the day after the fire.",
            "We mourn them,",
        ),
        (
            "\"It has been civil,\" Lee said 30 minutes into the debate.",
            "It has been civil,",
        ),
        (
            "\"This is fantastic!\" beamed Ann Hart of Mobile.",
            "This is fantastic!",
        ),
    ] {
        let c = find(body, quote);
        assert_eq!(c.kind, ClaimKind::Direct, "{body:?}");
        assert!(c.source.is_some(), "{body:?}: {c:#?}");
    }
}

#[test]
fn a_speaking_participle_before_a_quote_speaks_for_its_clause() {
    let c = find(
        "Lee answered the question on Facebook writing, \"Yes, I will run again.\"",
        "Yes, I will run again.",
    );
    assert_eq!(c.speaker.as_deref(), Some("Lee"));
    let c = find(
        "Ruiz drew boos upon saying, \"The council heard you.\"",
        "The council heard you.",
    );
    assert_eq!(c.source.as_deref(), Some("Ruiz"));
    let c = find(
        "\"He is the best,\" Ruiz said on \"Morning Joe,\" adding, \"He will win the state.\"",
        "He will win the state.",
    );
    assert_eq!(
        c.cue.as_deref(),
        Some("adding"),
        "the quoted show title is in passing"
    );
    let c = find(
        "Ruiz cautioned \"let us not get ahead of ourselves,\" before predicting a win.",
        "let us not get ahead of ourselves,",
    );
    assert_eq!(c.kind, ClaimKind::Direct);
}

#[test]
fn a_quote_attribution_with_a_counted_crowd_or_a_quoted_name_inside() {
    let c = find(
        "\"Our job is to win,\" he told 2,267 people gathered at the arena.",
        "Our job is to win,",
    );
    assert_eq!(c.cue.as_deref(), Some("told"));
    let c = find(
        "\"We had better years,\" delegate Bill Hale, wearing \"Vote Lee\" pins, said.",
        "We had better years,",
    );
    assert_eq!(c.speaker.as_deref(), Some("Bill Hale"));
}

#[test]
fn quoted_words_before_or_around_an_attribution_make_one_mixed_claim() {
    let c = find(
        "Guns are \"a public health crisis\" and \"stunt growth,\" the doctor said.",
        "Guns are \"a public health crisis\" and \"stunt growth,",
    );
    assert_eq!(c.kind, ClaimKind::Mixed);
    let c = find(
        "Sooner or later, the governor told reporters, \"it starts to pay off.\"",
        "Sooner or later, the governor told reporters, \"it starts to pay off.",
    );
    assert_eq!(c.fragments, 2);
    let c = find(
        "In a statement, the mayor said, \"We are sorry.\"",
        "We are sorry.",
    );
    assert_eq!(
        c.kind,
        ClaimKind::Direct,
        "an adjunct before a full quote is not said"
    );
}

#[test]
fn openings_that_are_not_the_subject() {
    let c = find(
        "Weighing in on the debate, former Gov. Ann Lowe agreed, praising the plan as bold.",
        "the plan as bold",
    );
    assert_eq!(
        c.speaker.as_deref(),
        Some("Ann Lowe"),
        "a gerund opening is no name"
    );
    let c = find(
        "SPRINGFIELD \u{2014} Rep. Ann Lowe on Friday attacked the mayor while praising the council as diligent.",
        "the council as diligent",
    );
    assert_eq!(
        c.speaker.as_deref(),
        Some("Ann Lowe"),
        "a dateline is no speaker"
    );
    let c = find(
        "By Sunday afternoon she had canceled the rally in Green Bay, Wis., citing the storm.",
        "the storm",
    );
    assert_eq!(
        c.source.as_deref(),
        Some("she"),
        "a state abbreviation is a place"
    );
    let c = find(
        "Standing beside Ann Lowe, who founded the union, and Tom Bell, Mayor Ruiz praised the workers and thanked them for their patience.",
        "them for their patience",
    );
    assert_eq!(c.speaker.as_deref(), Some("Ruiz"));
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
        "him",
    );
    assert_eq!(r.source.as_deref(), Some("who"));
    assert_eq!(r.speaker.as_deref(), Some("Kasich"));
    // Through a time, and after a long appositive.
    let r = find(
        "Ann Lowe, a Texas developer, who last year supported the mayor, said nothing.",
        "the mayor",
    );
    assert_eq!(r.source.as_deref(), Some("who"));
    assert_eq!(r.speaker.as_deref(), Some("Ann Lowe"));
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
        "that rates would rise",
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
fn said_before_a_name_and_its_appositive_introduces_a_quote() {
    let c = find(
        "Said Maria Lopez, who grew up on the street, \u{201c}We are tired of waiting.\u{201d}",
        "We are tired of waiting.",
    );
    assert_eq!(c.speaker.as_deref(), Some("Maria Lopez"));
    assert_eq!(c.cue.as_deref(), Some("Said"));
}

#[test]
fn a_name_before_a_colon_introduces_a_quote() {
    let c = find(
        "The surge does not surprise the pollster Dana Reyes: \"Unknown candidates gain most.\"",
        "Unknown candidates gain most.",
    );
    assert_eq!(c.speaker.as_deref(), Some("Dana Reyes"));
    // Not a name after a preposition: the language, the outlet.
    no_claim_where(
        "She ended by quoting an old poet in Italian: \"Ogni cosa passa.\"",
        |c| c.speaker.as_deref() == Some("Italian"),
    );
}

#[test]
fn as_x_put_it_with_an_appositive_a_colon_or_a_conjunction_before_it() {
    let c = find(
        "Or, as Dana Reyes, a former mayor, put it: \"The gates are open.\"",
        "\"The gates are open.\"",
    );
    assert_eq!(c.speaker.as_deref(), Some("Dana Reyes"));
    let c = find(
        "But as Ruiz noted, the bridge is older than the city.",
        "the bridge is older than the city",
    );
    assert_eq!(c.speaker.as_deref(), Some("Ruiz"));
    let c = find(
        "However, as the Gazette has reported, the bridge is older than the city.",
        "the bridge is older than the city",
    );
    assert_eq!(c.speaker.as_deref(), Some("Gazette"));
}

#[test]
fn as_x_noted_opens_a_claim() {
    let c = find(
        "As the mayor noted, the bridge is older than the city.",
        "the bridge is older than the city",
    );
    assert_eq!(c.source.as_deref(), Some("the mayor"));
}

#[test]
fn a_short_clause_ending_in_a_colon_introduces_a_quote() {
    let c = find(
        "In a radio interview, Ruiz went even further: \"The council has failed us.\"",
        "The council has failed us.",
    );
    assert_eq!(c.speaker.as_deref(), Some("Ruiz"));
    let c = find(
        "Bell\u{2019}s letter makes a blunt case: \"The council has failed us.\"",
        "The council has failed us.",
    );
    assert_eq!(c.source.as_deref(), Some("Bell\u{2019}s letter"));
    no_claim_where("The rules are simple: \"No running.\"", |c| {
        c.source.is_some()
    });
}

#[test]
fn a_quote_after_a_colon_and_before_an_inverted_attribution_with_a_relative_clause() {
    let c = find(
        "The aide agreed, but with a caveat: \"The plan is late,\" the aide said.",
        "The plan is late,",
    );
    assert_eq!(
        c.kind,
        ClaimKind::Direct,
        "the words before the colon are not quoted"
    );
    let c = find(
        "\"The plan is late,\" Ruiz, who has proposed scrapping it, said at the time.",
        "The plan is late,",
    );
    assert_eq!(c.speaker.as_deref(), Some("Ruiz"));
}

#[test]
fn a_name_closing_the_sentence_after_the_cue_inverts_the_attribution() {
    let c = find(
        "Such decisions, made in the most private of meetings, are hard to prove, said Dana Reyes, a former official.",
        "Such decisions, made in the most private of meetings, are hard to prove",
    );
    assert_eq!(c.speaker.as_deref(), Some("Dana Reyes"));
}

#[test]
fn a_quote_standing_alone_after_a_reported_claim_goes_on_with_it() {
    let c = find(
        "Ruiz says people should be able to choose. \"It is their life; they hurt nobody.\"",
        "people should be able to choose. \"It is their life; they hurt nobody.\"",
    );
    assert_eq!(c.kind, ClaimKind::Mixed);
    assert_eq!(c.fragments, 2);
    assert_eq!(c.speaker.as_deref(), Some("Ruiz"));
}

#[test]
fn quotes_after_a_statement_and_before_a_phrase_of_speech() {
    let c = find(
        "After the storm, the mayor issued a statement, \"We will rebuild every house.\"",
        "We will rebuild every house.",
    );
    assert_eq!(c.source.as_deref(), Some("the mayor"));
    assert_eq!(c.cue.as_deref(), Some("statement"));
    let c = find(
        "\"They are all here for the free food,\" Bell shot back with a laugh.",
        "They are all here for the free food,",
    );
    assert_eq!(c.cue.as_deref(), Some("shot back"));
}
