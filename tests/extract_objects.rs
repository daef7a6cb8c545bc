//! The constructions of issue 7, continued: verbs whose content may be a clause or a noun
//! phrase, and what class each reading gets.

mod constructions;

use constructions::{find, no_claim_where};
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
        "that the clinic had closed early",
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

#[test]
fn a_particle_after_the_verb_belongs_to_the_attribution() {
    let c = find("\"Never!\" the crowd shouted back.", "Never!");
    assert_eq!(c.source.as_deref(), Some("the crowd"));
    assert_eq!(c.cue.as_deref(), Some("shouted back"));
}

#[test]
fn a_colon_introduction_speaks_through_its_last_clause() {
    for body in [
        "But she paid the mayor a compliment: \"He always answers the phone.\"",
        "Ms. Ruiz is a critic of the mayor, but she paid him a compliment: \"He always answers the phone.\"",
    ] {
        let c = find(body, "He always answers the phone.");
        assert_eq!(c.source.as_deref(), Some("she"), "{body}");
    }
}

#[test]
fn a_sentence_adverb_is_never_a_speaker() {
    for body in [
        "Shortly after the vote, the campaign sent out a statement saying the count was wrong.",
        "Separately, the campaign sent out a statement saying the count was wrong.",
    ] {
        no_claim_where(body, |c| {
            c.speaker
                .as_deref()
                .is_some_and(|s| s.starts_with("Short") || s.starts_with("Separ"))
        });
    }
}

#[test]
fn a_verb_is_no_head_of_a_described_speaker() {
    let c = find(
        "The board voted for the measure, which said the county would pay.",
        "the county would pay",
    );
    assert_eq!(c.speaker.as_deref(), Some("measure"));
}

#[test]
fn verbs_of_urging_give_orders_with_their_addressee() {
    for (body, content) in [
        (
            "The coach encouraged his players to stay calm.",
            "his players to stay calm",
        ),
        (
            "Ms. Lund exhorted the delegates to vote their conscience.",
            "the delegates to vote their conscience",
        ),
        (
            "The governor instructed agencies to freeze hiring.",
            "agencies to freeze hiring",
        ),
    ] {
        let c = find(body, content);
        assert!(c.source.is_some(), "{body}");
    }
}

#[test]
fn comparing_admiring_and_proclaiming_take_their_object() {
    for (body, content, class) in [
        (
            "Ms. Brandt compared the senator to a referee.",
            "the senator to a referee",
            ClaimClass::Evaluation,
        ),
        (
            "The mayor openly admires the governor as a strong leader.",
            "the governor as a strong leader",
            ClaimClass::Evaluation,
        ),
        (
            "The mayor proclaimed a new era of openness.",
            "a new era of openness",
            ClaimClass::Speech,
        ),
    ] {
        let c = find(body, content);
        assert_eq!(c.class, class, "{body}");
    }
}

#[test]
fn irregular_past_participles_report() {
    for (body, content) in [
        (
            "Recent polls have shown that voters are tired of the race.",
            "that voters are tired of the race",
        ),
        (
            "Mr. Ames has written that the plan would fail.",
            "that the plan would fail",
        ),
    ] {
        let c = find(body, content);
        assert!(c.source.is_some(), "{body}");
    }
}

#[test]
fn a_participle_after_an_article_is_part_of_the_adjunct() {
    let c = find(
        "Ms. Hale said in a written statement that the claims had no merit.",
        "that the claims had no merit",
    );
    assert_eq!(c.source.as_deref(), Some("Ms. Hale"));
}

#[test]
fn a_counted_time_ends_an_attribution() {
    for body in [
        "\"It never crossed my mind,\" she said several months after her release.",
        "\"It never crossed my mind,\" she said two days later.",
        "\"It never crossed my mind,\" she said a few weeks ago.",
    ] {
        let c = find(body, "It never crossed my mind,");
        assert_eq!(c.source.as_deref(), Some("she"), "{body}");
    }
}

#[test]
fn a_noun_that_is_also_a_cue_does_not_end_an_appositive() {
    let c = find(
        "\"It is an overreach,\" Ms. Bell, the attorney general of Kansas, one of the states suing the agency, said.",
        "It is an overreach,",
    );
    assert_eq!(c.source.as_deref(), Some("Ms. Bell"));
    assert_eq!(c.cue.as_deref(), Some("said"));
}

#[test]
fn a_part_of_an_addressee_and_a_dated_one_are_addressees() {
    let c = find(
        "\"I am proud of you,\" Mr. Dale told some of the workers.",
        "I am proud of you,",
    );
    assert_eq!(c.source.as_deref(), Some("Mr. Dale"));
    find(
        "The paper asked the 2016 candidate whether she had prepared a speech.",
        "whether she had prepared a speech",
    );
}

#[test]
fn content_opened_by_a_demonstrative_is_not_a_time() {
    let c = find(
        "This includes a new special force, the minister told a Senate panel Wednesday.",
        "This includes a new special force",
    );
    assert_eq!(c.source.as_deref(), Some("the minister"));
    constructions::none("This week, the minister said.");
}

#[test]
fn a_document_closing_the_sentence_reports_what_comes_before() {
    for (body, source) in [
        (
            "Most voters in the county distrust the board, the poll found.",
            "the poll",
        ),
        (
            "Most voters in the county distrust the board, court records show.",
            "court records",
        ),
    ] {
        let c = find(body, "Most voters in the county distrust the board");
        assert_eq!(c.source.as_deref(), Some(source), "{body}");
        assert_eq!(c.class, ClaimClass::Evidence, "{body}");
    }
}

#[test]
fn a_name_inside_a_documents_phrase_leaves_the_document_reporting() {
    for (body, content, speaker) in [
        (
            "A 2014 study by professor Ann Lowe found 31 cases of fraud.",
            "31 cases of fraud",
            "2014 study",
        ),
        (
            "Polls in Ohio show the two candidates are tied.",
            "the two candidates are tied",
            "Polls",
        ),
    ] {
        let c = find(body, content);
        assert_eq!(c.speaker.as_deref(), Some(speaker), "{body}");
        assert_eq!(c.class, ClaimClass::Evidence, "{body}");
    }
}

#[test]
fn a_verb_that_lets_its_object_act_is_no_part_of_the_speaker() {
    no_claim_where(
        "Readers may not let editorials tell them how to vote.",
        |c| c.speaker.as_deref().is_some_and(|s| s.starts_with("let")),
    );
}

#[test]
fn agreeing_to_act_is_an_intention() {
    let c = find(
        "In the end, the company agreed to lend the city $5 million.",
        "to lend the city $5 million",
    );
    assert_eq!(c.class, ClaimClass::Intention);
    assert_eq!(c.source.as_deref(), Some("the company"));
}

#[test]
fn comparing_without_a_likeness_is_no_judgement() {
    constructions::none("A new report compares the accuracy of ten online panels.");
    constructions::none("Mr. Hale compared the accuracy of ten online panels.");
}

#[test]
fn backing_down_and_backing_up_judge_nothing() {
    constructions::none("But Ms. Fry wasn't backing down on the merger.");
    constructions::none("The unions are backing up their endorsements with money.");
    find("The union is backing Ms. Fry.", "Ms. Fry");
}

#[test]
fn a_cue_that_heads_a_noun_phrase_does_not_attribute_a_quote() {
    for body in [
        "He once worked on the reality TV show \"The Big Deal.\"",
        "He spoke about the end of his late night show \"Night Owls.\"",
    ] {
        no_claim_where(body, |c| c.cue.as_deref() == Some("show"));
    }
}

#[test]
fn a_quoted_title_after_a_preposition_is_nobodys_words() {
    let body = "Wednesday on Fox News Channel's \"Hannity,\" Mr. Gill said the ticket would win.";
    no_claim_where(body, |c| c.text.contains("Hannity"));
    find(body, "the ticket would win");
    no_claim_where(
        "In fact, Mr. Roy was the founder of \"Farmers for Lee 2008.\" Mr. Roy also pleaded guilty.",
        |c| c.text.contains("Farmers"),
    );
}

#[test]
fn a_forecast_takes_its_figure() {
    let c = find(
        "The company forecast sales of $3 billion for the year.",
        "sales of $3 billion for the year",
    );
    assert_eq!(c.source.as_deref(), Some("The company"));
}

#[test]
fn a_relative_pronoun_described_as_something_opens_the_words() {
    let c = find(
        "Bidding was to begin on what Mr. Zane described as a \"piece of history.\"",
        "what Mr. Zane described as a \"piece of history.\"",
    );
    assert_eq!(c.source.as_deref(), Some("Mr. Zane"));
    find(
        "Observers walked with the marchers, whom she described as \"peaceful,\" for hours.",
        "whom she described as \"peaceful,\"",
    );
}

#[test]
fn a_clause_after_an_interrupting_according_to_is_content() {
    let c = find(
        "At 10 p.m., according to a timeline, the guards left for the compound.",
        "At 10 p.m., according to a timeline, the guards left for the compound",
    );
    assert_eq!(c.fragments, 2);
    // An appositive after the source still describes it.
    let c = find(
        "Turnout was low, according to Mr. Ruiz, a pollster who ran the survey.",
        "Turnout was low",
    );
    assert_eq!(c.source.as_deref(), Some("Mr. Ruiz"));
}

#[test]
fn a_passive_report_by_an_agent_reports_its_subject() {
    for (body, content, source) in [
        (
            "News of the merger was first reported by the Daily Star.",
            "News of the merger",
            "the Daily Star",
        ),
        (
            "The deal was announced by the company on Monday.",
            "The deal",
            "the company",
        ),
    ] {
        let c = find(body, content);
        assert_eq!(c.source.as_deref(), Some(source), "{body}");
    }
}

#[test]
fn beliefs_with_a_coordinated_subject_or_after_a_described_plural() {
    find(
        "His supporters believe bigotry and xenophobia are acceptable.",
        "bigotry and xenophobia are acceptable",
    );
    let c = find(
        "Supporters of the law hope this is just a transition period.",
        "this is just a transition period",
    );
    assert_eq!(c.class, ClaimClass::Belief);
}

#[test]
fn a_given_name_after_a_long_title_starts_the_name_and_a_conjunction_is_no_role() {
    let (_, claims) =
        constructions::claims("Secretary of Health and Human Services Tom Price said costs rose.");
    assert!(
        claims
            .iter()
            .any(|c| c.speaker.as_deref() == Some("Tom Price")),
        "{claims:?}"
    );
    let ex = sayso::extract::extract(
        "Headline\n\nJohn Bolton and Sebastian Gorka said the plan failed.\n",
    );
    assert!(
        ex.speakers
            .iter()
            .all(|s| s.role.as_deref().is_none_or(|r| !r.ends_with("and"))),
        "{:?}",
        ex.speakers
    );
}

#[test]
fn an_opening_request_is_what_was_asked() {
    let c = find(
        "Asked to describe the device, the chief said, \"Not going to go into that.\"",
        "to describe the device",
    );
    assert_eq!(c.cue.as_deref(), Some("Asked"));
    find(
        "When asked to confirm his role, a source did so.",
        "to confirm his role",
    );
}

#[test]
fn a_question_after_the_addressee_is_no_part_of_it() {
    for body in [
        "Ms. Fell asked the board whether HP should proceed.",
        "Ms. Fell went around the table, asking the directors whether HP should proceed.",
    ] {
        let c = find(body, "whether HP should proceed");
        assert!(c.source.is_some(), "{body}");
    }
}

#[test]
fn a_participles_phrase_is_no_role_but_an_adjective_title_is() {
    let ex = sayso::extract::extract(
        "Headline\n\nThe president, speaking at a rally in Ohio, said the economy was strong. \
         Mr. Hale, a retired Army general, said the war was over.\n",
    );
    let roles: Vec<_> = ex.speakers.iter().filter_map(|s| s.role.clone()).collect();
    assert!(roles.iter().all(|r| !r.contains("speaking")), "{roles:?}");
    let ex = sayso::extract::extract(
        "Headline\n\nMs. Ruiz, asked whether she would run, said she was undecided.\n",
    );
    assert!(
        ex.speakers
            .iter()
            .all(|s| s.role.as_deref().is_none_or(|r| !r.contains("asked"))),
        "{:?}",
        ex.speakers
    );
    assert!(
        roles.iter().any(|r| r.contains("retired Army general")),
        "{roles:?}"
    );
}

#[test]
fn a_guilty_plea_and_an_admission_take_what_was_admitted() {
    for (body, content) in [
        (
            "Mr. Tull pleaded guilty Wednesday to identity theft and fraud.",
            "identity theft and fraud",
        ),
        (
            "Mr. Tull admitted to lying to investigators.",
            "lying to investigators",
        ),
    ] {
        let c = find(body, content);
        assert_eq!(c.source.as_deref(), Some("Mr. Tull"), "{body}");
    }
}

#[test]
fn what_researchers_juries_and_panels_find_is_evidence() {
    for (body, content) in [
        (
            "Researchers found the drug cut deaths by half.",
            "the drug cut deaths by half",
        ),
        (
            "An arbitration panel in 2001 found the city was in breach of the deal.",
            "the city was in breach of the deal",
        ),
        (
            "The jury found the company liable for the deaths.",
            "the company liable for the deaths",
        ),
    ] {
        let c = find(body, content);
        assert_eq!(c.class, ClaimClass::Evidence, "{body}");
    }
}

#[test]
fn an_order_keeps_its_addressee() {
    let c = find(
        "The judge ordered the city to release the video.",
        "the city to release the video",
    );
    assert_eq!(c.source.as_deref(), Some("The judge"));
    constructions::none("He placed an order for two cars.");
}

#[test]
fn making_the_case_for_and_hitting_back_at() {
    for (body, content) in [
        ("Mr. Lee made the case for a new tax.", "a new tax"),
        ("Mr. Lee hit back at his critics.", "his critics"),
    ] {
        let c = find(body, content);
        assert_eq!(c.class, ClaimClass::Evaluation, "{body}");
    }
    // Content never ends on a conjunction.
    no_claim_where(
        "Mr. Obama has previously made the case for Mrs. Clinton during campaign stops and in his speech.",
        |c| c.text.ends_with(" and"),
    );
}

#[test]
fn long_asides_after_the_name_or_the_verb() {
    let c = find(
        "Sen. Ann Holt (a Maine Democrat so young she has been mistaken for an intern) says she was unfocused.",
        "she was unfocused",
    );
    assert_eq!(c.speaker.as_deref(), Some("Ann Holt"));
    let c = find(
        "Mr. Rubin says, win or lose in Tuesday's crucial Ohio primary, he is staying in the race.",
        "win or lose in Tuesday's crucial Ohio primary, he is staying in the race",
    );
    assert_eq!(c.source.as_deref(), Some("Mr. Rubin"));
}

#[test]
fn a_possessive_opening_the_sentence_owns_its_subject() {
    let c = find(
        "China's investment giant CITIC runs an oil field and says it has a fund.",
        "it has a fund",
    );
    assert_eq!(c.speaker.as_deref(), Some("CITIC"));
    let c = find(
        "Clinton's aides met donors and said the race was close.",
        "the race was close",
    );
    assert_eq!(c.speaker.as_deref(), Some("Clinton's aides"));
}

#[test]
fn a_description_after_a_preposition_is_no_subject_of_its_own() {
    let c = find(
        "Majorities of Democrats in five states say they would be satisfied.",
        "they would be satisfied",
    );
    assert_eq!(c.speaker.as_deref(), Some("Majorities"));
    let ex =
        sayso::extract::extract("Headline\n\nVoters in five states say they would be satisfied.\n");
    assert!(
        ex.speakers
            .iter()
            .any(|s| s.role.as_deref() == Some("in five states")),
        "{:?}",
        ex.speakers
    );
}

#[test]
fn a_person_close_to_someone_speaks_and_agreeing_on_a_clause_is_no_intention() {
    let c = find(
        "A person close to the family said the funeral would be private.",
        "the funeral would be private",
    );
    assert_eq!(c.speaker.as_deref(), Some("person"));
    let c = find(
        "Most analysts agree the economy is slowing.",
        "the economy is slowing",
    );
    assert_ne!(c.class, ClaimClass::Intention);
}

#[test]
fn plural_speaker_nouns_head_a_subject() {
    for body in [
        "The candidates sought to appeal to younger voters.",
        "The governors hoped to win more funding.",
    ] {
        let c = constructions::claims(body).1;
        assert!(
            c.iter().any(|c| c.class == ClaimClass::Intention),
            "{body}: {c:?}"
        );
    }
}

#[test]
fn plural_documents_report_evidence() {
    let c = find(
        "Court filings show the company lost $2 million.",
        "the company lost $2 million",
    );
    assert_eq!(c.class, ClaimClass::Evidence);
}

#[test]
fn being_opposed_to_something_is_a_stance_on_it() {
    let c = find(
        "The mayor is opposed to the new stadium.",
        "the new stadium",
    );
    assert_eq!(c.class, ClaimClass::Evaluation);
    assert_eq!(c.source.as_deref(), Some("The mayor"));
}

#[test]
fn a_second_predicate_after_or_and_an_opening_subordinate_clause() {
    let c = find(
        "Mr. Hale demands openness, yet refuses to release his records or explain how his firm is paid.",
        "how his firm is paid",
    );
    assert_eq!(c.speaker.as_deref(), Some("Hale"));
    no_claim_where(
        "He had no endorsement from members of Congress or state GOP officials.",
        |c| c.cue.as_deref() == Some("state"),
    );
    no_claim_where(
        "If Mr. Hale wins, the agency could reverse the rules or decline to appeal.",
        |c| c.speaker.as_deref() == Some("Hale"),
    );
}

#[test]
fn a_refused_judgement_reports_its_object() {
    let c = find(
        "The governor has refused to endorse Mr. Trump.",
        "Mr. Trump",
    );
    assert_eq!(c.cue.as_deref(), Some("refused to endorse"));
    assert_eq!(c.source.as_deref(), Some("The governor"));
    // Without an object, or with a verb that judges nothing, the refusal is the content.
    find("The governor declined to comment.", "to comment");
    find(
        "The governor declined to renew the contract.",
        "to renew the contract",
    );
}

#[test]
fn a_second_predicate_after_an_adverb_ends_the_object() {
    find(
        "Some of her fans attacked her Spanish skills and even questioned the singer's identity.",
        "her Spanish skills",
    );
}
