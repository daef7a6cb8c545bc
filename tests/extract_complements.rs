//! The constructions of issue 7, continued: verbs and their complements (bare clauses,
//! objects, pronouns), closing attributions, and openings before the subject. The first
//! part is in `extract_constructions.rs`.

mod constructions;

use constructions::{claims, find, no_claim_where};

#[test]
fn openings_a_participle_an_adverb_a_prepositional_phrase() {
    let c = find(
        "Chastened by the reviews, the mayor revised the budget, promising to hire more nurses.",
        "to hire more nurses",
    );
    assert_eq!(
        c.source.as_deref(),
        Some("the mayor"),
        "a participle opening is no name"
    );
    let c = find(
        "Recently, the union has been lobbying hard, and it promised to strike in May.",
        "to strike in May",
    );
    assert_ne!(
        c.source.as_deref(),
        Some("Recently"),
        "an adverb is no speaker"
    );
    let c = find(
        "In a statement, one of the tenants' lawyers, Dana Reyes, said the landlord broke the law.",
        "the landlord broke the law",
    );
    assert_eq!(c.speaker.as_deref(), Some("Dana Reyes"));
    let c = find(
        "As unlikely as it may seem, Mr. Bell said the deal had helped him.",
        "the deal had helped him",
    );
    assert_eq!(
        c.speaker.as_deref(),
        Some("Bell"),
        "a comparison is no attribution"
    );
}

#[test]
fn objects_of_judgement_a_pronoun_alone_a_clause_of_its_own() {
    let c = find(
        "Voters in the county supported her by a wide margin.",
        "her",
    );
    assert_eq!(c.cue.as_deref(), Some("supported"));
    let c = find("The mayor endorsed him in 2014.", "him");
    assert_eq!(c.source.as_deref(), Some("The mayor"));
    // A pronoun taking more (`accused him of …`) keeps it.
    find(
        "The mayor accused him of lying about the budget.",
        "him of lying about the budget",
    );
    let c = find("They support the new budget.", "the new budget");
    assert_eq!(
        c.source.as_deref(),
        Some("They"),
        "a subject pronoun before a noun-like cue"
    );
    // `and Bell opposed …` starts a clause with its own subject.
    find(
        "Ruiz backed the budget and Bell opposed the measure.",
        "the budget",
    );
    find(
        "Ruiz backed the budget and Bell opposed the measure.",
        "the measure",
    );
}

#[test]
fn an_adverb_between_the_cue_and_its_content_or_the_subject_and_the_cue() {
    let c = find(
        "The mayor said, however, that the bridge would reopen.",
        "that the bridge would reopen",
    );
    assert_eq!(c.source.as_deref(), Some("The mayor"));
    let c = find(
        "Ruiz however said the bridge would reopen in May.",
        "the bridge would reopen in May",
    );
    assert_eq!(c.source.as_deref(), Some("Ruiz"));
    find("The clerk mentioned the flood in her report.", "the flood");
}

#[test]
fn a_closing_according_to_ends_the_content_whatever_describes_its_source() {
    for body in [
        "Rents rose faster than wages, according to Dana Reyes, an economist.",
        "Rents rose faster than wages, according to Dana Reyes, who studies housing.",
        "Rents rose faster than wages, according to two studies, including one from Yale.",
        "Rents rose faster than wages, according to figures the city released Friday.",
        "Rents rose faster than wages according to a study released Monday.",
    ] {
        let c = find(body, "Rents rose faster than wages");
        assert_eq!(c.cue.as_deref(), Some("according to"), "{body}");
    }
    // Content on both sides of the source keeps both.
    let c = find(
        "The plan, according to Dana Reyes, is a disaster.",
        "The plan, according to Dana Reyes, is a disaster",
    );
    assert_eq!(c.fragments, 2);
}

#[test]
fn contracted_subjects_and_long_descriptions_before_an_appositive() {
    let c = find(
        "He’s predicting he will win the county.",
        "he will win the county",
    );
    assert_eq!(
        c.source.as_deref(),
        Some("He’s"),
        "he’s is he is, no possessive"
    );
    let c = find(
        "Ohio state delegate Ann Lowe, clad in a red cape, said the convention could fail.",
        "the convention could fail",
    );
    assert_eq!(c.speaker.as_deref(), Some("Ann Lowe"));
}

#[test]
fn verbs_of_speech_that_take_a_bare_clause() {
    for (body, cue) in [
        ("Ruiz recalled the plant had closed in May.", "recalled"),
        (
            "The report concluded the plant had closed in May.",
            "concluded",
        ),
        ("Ruiz stated the plant had closed in May.", "stated"),
        ("Ruiz testified the plant had closed in May.", "testified"),
    ] {
        let c = find(body, "the plant had closed in May");
        assert_eq!(c.cue.as_deref(), Some(cue), "{body}");
    }
}

#[test]
fn verbs_of_belief_and_evidence_that_take_a_bare_clause() {
    for (body, cue) in [
        ("Two polls show Ruiz leads the race.", "show"),
        ("Most voters expect Ruiz will win the race.", "expect"),
        ("Experts agree Ruiz will win the race.", "agree"),
    ] {
        let c = find(
            body,
            body.split_once(cue)
                .map_or("", |(_, b)| b.trim().trim_end_matches('.')),
        );
        assert_eq!(c.cue.as_deref(), Some(cue), "{body}");
    }
}

#[test]
fn asked_about_through_an_agent_a_time_or_a_place() {
    let c = find(
        "When asked by a reporter on Thursday about the closures, Ruiz said nothing.",
        "about the closures",
    );
    assert_eq!(c.source.as_deref(), Some("a reporter"));
    let c = find(
        "When asked at the town meeting about the closures, Ruiz said nothing.",
        "about the closures",
    );
    assert_eq!(c.cue.as_deref(), Some("asked"));
}

#[test]
fn a_participle_of_result_takes_no_clause_and_more_nouns_head_a_speaker() {
    no_claim_where(
        "The minister said the embassy ignored the rules, showing no respect for the region.",
        |c| c.cue.as_deref() == Some("showing"),
    );
    for noun in [
        "prince",
        "plaintiff",
        "striker",
        "councillor",
        "epidemiologist",
    ] {
        let body = format!("The {noun} called for new elections.");
        let c = find(&body, "new elections");
        assert_eq!(c.source.as_deref(), Some(format!("The {noun}").as_str()));
    }
}

#[test]
fn describing_and_recalling_take_an_object() {
    find(
        "Then the mayor described her visit to the harbor.",
        "her visit to the harbor",
    );
    find(
        "The mayor spoke at length, recalling the flood of 1993.",
        "the flood of 1993",
    );
    find(
        "The mayor described the plan as reckless.",
        "the plan as reckless",
    );
}

#[test]
fn phrases_between_cue_subject_and_content() {
    let c = find(
        "The hacker said, per a translator, that the server was open.",
        "that the server was open",
    );
    assert_eq!(c.source.as_deref(), Some("The hacker"));
    find(
        "Ruiz said, among other things, that the budget was late.",
        "that the budget was late",
    );
    let c = find(
        "Her friends and allies have in the past said she would run.",
        "she would run",
    );
    assert_eq!(
        c.source.as_deref(),
        Some("Her friends and allies"),
        "a time between auxiliary and cue, and both conjuncts speak"
    );
}

#[test]
fn a_poll_or_a_study_as_the_source_of_a_finding() {
    let c = find(
        "In the poll, support for the mayor has risen over two weeks.",
        "support for the mayor has risen over two weeks",
    );
    assert_eq!(c.source.as_deref(), Some("the poll"));
    let c = find(
        "Ruiz led Bell by 12 points in a Marist poll released Sunday.",
        "Ruiz led Bell by 12 points",
    );
    assert_eq!(c.source.as_deref(), Some("a Marist poll"));
    let (_, all) = claims("She was interested in the study of law.");
    assert!(all.is_empty(), "{all:#?}");
    let (_, all) = claims("Ruiz leads in the polls there.");
    assert!(all.is_empty(), "{all:#?}");
}

#[test]
fn modals_and_catenative_verbs_between_subject_and_cue() {
    let c = find(
        "Party leaders who can support the candidate of their choice.",
        "the candidate of their choice",
    );
    assert_eq!(c.cue.as_deref(), Some("support"));
    let c = find(
        "Ruiz used to support the mayor, but now backs Bell.",
        "the mayor",
    );
    assert_eq!(c.source.as_deref(), Some("Ruiz"));
    let c = find("Older voters tended to support the mayor.", "the mayor");
    assert_eq!(c.source.as_deref(), Some("Older voters"));
    // Nothing before the verb: no panic, no subject.
    let _ = claims("To support the mayor.");
}

#[test]
fn adverbs_and_prepositions_are_no_speakers() {
    let c = find(
        "The mayor has nevertheless called his vote an irresponsible one.",
        "his vote an irresponsible one",
    );
    assert_eq!(c.source.as_deref(), Some("The mayor"));
    // `fairly detailed proposals`: an adjective, not a verb of report.
    let (_, all) = claims("Both have put forward fairly detailed policy proposals.");
    assert!(all.is_empty(), "{all:#?}");
    no_claim_where(
        "Along with her husband, she plans to narrow her support to one.",
        |c| c.source.as_deref() == Some("Along"),
    );
}

#[test]
fn speaking_participles_after_adverbs_prepositions_and_openings() {
    let c = find(
        "He kept up his attack, mocking the plan and pointedly saying the city was not safe.",
        "the city was not safe",
    );
    assert_eq!(c.source.as_deref(), Some("He"));
    let c = find(
        "Ruiz, a supporter, drew boos upon saying, \"The council failed us.\"",
        "\"The council failed us.\"",
    );
    assert_eq!(c.speaker.as_deref(), Some("Ruiz"));
    let c = find(
        "While saying that she respects the mayor, Ruiz voted against the plan.",
        "that she respects the mayor",
    );
    assert_eq!(c.speaker.as_deref(), Some("Ruiz"));
}

#[test]
fn cues_that_are_also_nouns_after_a_subject_they_fit() {
    let c = find(
        "If the plant closes, environmentalists worry that the cleanup will fall to taxpayers.",
        "that the cleanup will fall to taxpayers",
    );
    assert_eq!(c.source.as_deref(), Some("environmentalists"));
    let c = find("Republicans want lower taxes.", "lower taxes");
    assert_eq!(c.cue.as_deref(), Some("want"));
    find(
        "Democrats want policies that raise revenue.",
        "policies that raise revenue",
    );
    let (_, all) = claims("Obama's Gitmo plan leaves everyone unhappy.");
    assert!(all.is_empty(), "a noun after a possessive: {all:#?}");
}

#[test]
fn a_stance_may_be_about_a_single_name() {
    let c = find("Ruiz has been critical of Bell since the primary.", "Bell");
    assert_eq!(c.cue.as_deref(), Some("critical of"));
    assert_eq!(c.source.as_deref(), Some("Ruiz"));
}

#[test]
fn an_appositive_inside_an_object_keeps_the_object_going() {
    find(
        "Ruiz assailed a federal judge, Ann P. Lowe, for her ruling.",
        "a federal judge, Ann P. Lowe, for her ruling",
    );
    find(
        "The mayor rejected a push by Tom Bell, the finance chief, to raise taxes.",
        "a push by Tom Bell, the finance chief, to raise taxes",
    );
    // A comma before a new clause still ends it.
    find("She praised the mayor, and the crowd cheered.", "the mayor");
}

#[test]
fn a_noun_opening_the_sentence_ends_what_it_introduces_at_the_main_verb() {
    let c = find(
        "Her promises to cut taxes and build roads have put the budget at risk.",
        "to cut taxes and build roads",
    );
    assert_eq!(c.source.as_deref(), Some("Her"));
}

#[test]
fn asking_for_about_and_questions_after_a_place() {
    let c = find(
        "In court papers, his lawyer asked for a sentence of three years.",
        "a sentence of three years",
    );
    assert_eq!(c.source.as_deref(), Some("his lawyer"));
    find(
        "The spokeswoman was asked about the donations, and she evaded the question.",
        "about the donations",
    );
    find(
        "Asked on the radio who leads the party, he named the speaker.",
        "who leads the party",
    );
}

#[test]
fn reportedly_reports_a_clause_nobody_named_vouches_for() {
    let c = find(
        "The mayor reportedly left the meeting early.",
        "The mayor reportedly left the meeting early",
    );
    assert_eq!(c.cue.as_deref(), Some("reportedly"));
    assert_eq!(c.source, None);
    // A named source wins.
    let c = find("Ruiz reportedly said the plan works.", "the plan works");
    assert_eq!(c.source.as_deref(), Some("Ruiz"));
    let c = find("She said this week the plan works.", "the plan works");
    assert_eq!(c.cue.as_deref(), Some("said"));
    let c = find(
        "Experts believe this provides an incentive.",
        "this provides an incentive",
    );
    assert_eq!(
        c.cue.as_deref(),
        Some("believe"),
        "`this` opens the content, not a time"
    );
}

#[test]
fn a_second_predicate_ends_a_judgements_object() {
    find(
        "Ruiz endorsed the mayor and has been a critic of the council.",
        "the mayor",
    );
}

#[test]
fn a_belief_with_an_adverb_before_that_starts_its_own_claim() {
    let c = find(
        "Bell said he heard shots at noon and suspected immediately that the depot was under attack.",
        "that the depot was under attack",
    );
    assert_eq!(c.cue.as_deref(), Some("suspected"));
    find(
        "Bell said he heard shots at noon and suspected immediately that the depot was under attack.",
        "he heard shots at noon",
    );
}

#[test]
fn the_article_before_a_subject_and_a_new_clause_after_a_comma() {
    let (_, all) = claims("The council is expected to pass the budget this week.");
    assert!(
        all.iter()
            .any(|c| c.text.starts_with("The council is expected")),
        "{all:#?}"
    );
    let (_, all) = claims("The two seemed to be well known in town, and voters greeted both.");
    assert!(
        all.iter()
            .any(|c| c.text == "The two seemed to be well known in town"),
        "{all:#?}"
    );
}

#[test]
fn a_second_speaker_with_an_appositive_after_and_ends_the_content() {
    find(
        "The city contends that it is on track, and Dana Reyes, the city's adviser, said the court would agree.",
        "that it is on track",
    );
}
