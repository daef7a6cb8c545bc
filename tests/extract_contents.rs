//! The constructions of issue 7, continued: where reported content ends (adjuncts,
//! glosses, objects, orders), what counts as content (idioms, sensations, names given),
//! and cues that take a noun phrase.

mod constructions;

use constructions::{claims, find, no_claim_where};

#[test]
fn an_aside_ending_in_a_quote_is_passed_over() {
    let c = find(
        "Ms. Gray, who called the plan \"a mistake,\" said the vote would be close.",
        "the vote would be close",
    );
    assert_eq!(c.source.as_deref(), Some("Ms. Gray"));
}

#[test]
fn an_indefinite_gloss_after_reported_content_is_the_writers() {
    let c = find(
        "The senator said the troops should be local fighters, a force the allies never built.",
        "the troops should be local fighters",
    );
    assert_eq!(c.source.as_deref(), Some("The senator"));
    find(
        "The mayor refused to back the tunnel, a red line for many residents.",
        "the tunnel",
    );
    // An aside inside the content, or a clause with its own verb, is still the speaker's.
    find(
        "The senator said the plan, a costly one, would fail.",
        "the plan, a costly one, would fail",
    );
    find(
        "The senator said the troops were tired, a sign the war would end soon.",
        "the troops were tired, a sign the war would end soon",
    );
}

#[test]
fn a_contrast_with_its_own_subject_ends_the_content() {
    let c = find(
        "The mayor has said she will not call on the chief to resign, but she has bristled at the charge.",
        "she will not call on the chief to resign",
    );
    assert_eq!(c.source.as_deref(), Some("The mayor"));
    // Without a subject of its own, the contrast is still the speaker's.
    find(
        "The mayor said the bridge was costly, but worth it.",
        "the bridge was costly, but worth it",
    );
}

#[test]
fn the_adjuncts_of_an_interrupting_attribution_are_not_content() {
    for body in [
        "Sales were great, he said, wiping sweat off his face.",
        "Sales were great, he said, on condition of anonymity.",
    ] {
        let c = find(body, "Sales were great");
        assert_eq!(c.fragments, 0, "{body}: {c:?}");
    }
    // A gerund with a verb after it is the subject of the second fragment.
    let c = find(
        "The move was smooth, he said, but replacing her would be much harder.",
        "The move was smooth, he said, but replacing her would be much harder",
    );
    assert_eq!(c.fragments, 2);
    let c = find(
        "Though the move was smooth, he said, replacing her would be much harder.",
        "Though the move was smooth, he said, replacing her would be much harder",
    );
    assert_eq!(c.fragments, 2);
}

#[test]
fn a_time_or_manner_after_a_noun_phrase_object_is_no_part_of_it() {
    for (body, object) in [
        ("The governor endorsed Cruz Wednesday.", "Cruz"),
        ("The aide went after him Wednesday morning.", "him"),
        ("The aide criticized the plan last Thursday.", "the plan"),
        ("The senator criticized Ryan directly.", "Ryan"),
        (
            "She blasted Republicans for being sore losers now that the inquiry is over.",
            "Republicans for being sore losers",
        ),
        (
            "A spokesman confirmed the meeting on the condition of anonymity.",
            "the meeting",
        ),
    ] {
        find(body, object);
    }
    // A day that modifies a noun, or is followed by the rest of the object, stays.
    find(
        "He revamped his plans for an important Monday appearance.",
        "an important Monday appearance",
    );
}

#[test]
fn an_addressee_and_what_about_are_the_content() {
    for (body, content) in [
        (
            "The admiral warned China against provocative behavior in the sea.",
            "China against provocative behavior in the sea",
        ),
        (
            "The admiral warned the city against provocative behavior in the sea.",
            "the city against provocative behavior in the sea",
        ),
        (
            "The admiral told reporters about the new plan.",
            "reporters about the new plan",
        ),
        (
            "The admiral warned voters of the danger.",
            "voters of the danger",
        ),
    ] {
        let c = find(body, content);
        assert_eq!(c.source.as_deref(), Some("The admiral"), "{body}");
    }
}

#[test]
fn a_question_after_asked_is_not_passed_over_for_about() {
    let c = find(
        "Asked what might surprise people about him, he says he still meets his friends.",
        "what might surprise people about him",
    );
    assert_eq!(c.cue.as_deref(), Some("Asked"));
}

#[test]
fn a_second_predicate_after_and_ends_a_noun_phrase_object() {
    for (body, object) in [
        (
            "The host criticized the remarks and went right back to its guests.",
            "the remarks",
        ),
        (
            "The senators endorsed the plan and tried to make the case for a delay.",
            "the plan",
        ),
    ] {
        find(body, object);
    }
    // Coordinated complements after `called` stay whole.
    find(
        "The campaign called the charges unsubstantiated and fabricated by former employees.",
        "the charges unsubstantiated and fabricated by former employees",
    );
}

#[test]
fn the_agent_of_a_participle_stays_in_the_object() {
    find(
        "The congressman slammed a lawsuit filed by a fired staffer.",
        "a lawsuit filed by a fired staffer",
    );
    // A manner after the object still ends it.
    find("The voters backed her by a wide margin.", "her");
}

#[test]
fn a_reason_after_an_interrupting_attribution_resumes_the_content() {
    let c = find(
        "The tax has hurt the party with young voters, Graham said, since most of them accept the science.",
        "The tax has hurt the party with young voters, Graham said, since most of them accept the science",
    );
    assert_eq!(c.fragments, 2);
}

#[test]
fn idioms_and_empty_objects_report_nothing() {
    // The writer's `Having said that`; the claim after it is still found.
    let c = find(
        "Having said that, there are economists who argue that taxes should be low.",
        "that taxes should be low",
    );
    assert_eq!(c.cue.as_deref(), Some("argue"));
    no_claim_where(
        "Having said that, there are economists who argue that taxes should be low.",
        |c| c.source.as_deref() == Some("Having"),
    );
    // An object moved before its cue leaves a coordinator, not content.
    constructions::none("They got credit cards they never asked for or were confused.");
    // An attribution alone is no one's content.
    no_claim_where("Those discussions are continuing, he said.", |c| {
        c.text == "he said"
    });
    // Two cues may share one object.
    let c = find(
        "Gibbs derided and insulted the professional left in press conferences.",
        "the professional left in press conferences",
    );
    assert_eq!(c.source.as_deref(), Some("Gibbs"));
}

#[test]
fn an_order_ends_before_a_subordinate_clause() {
    let c = find(
        "The agency warned officials to boost their security after hackers struck two states.",
        "officials to boost their security",
    );
    assert_eq!(c.cue.as_deref(), Some("warned"));
}

#[test]
fn a_participle_that_names_the_noun_before_it_reports_nothing() {
    for body in [
        "A group of exiles called Ginbot 7 was a force that Nega helped create.",
        "A warm-up band called Sophistafunk got the crowd to dance.",
        "It is an adaptation of a show called \"Brokers,\" written by a troupe.",
    ] {
        no_claim_where(body, |c| c.cue.as_deref() == Some("called"));
    }
    // Calling someone something is a judgement.
    for (body, content) in [
        ("The senator called Clinton a liar.", "Clinton a liar"),
        (
            "The senator called the plan \"a disaster,\" citing costs.",
            "the plan \"a disaster,\"",
        ),
    ] {
        let c = find(body, content);
        assert_eq!(c.cue.as_deref(), Some("called"), "{body}");
    }
}

#[test]
fn a_trailing_according_to_vouches_for_the_last_clause_with_its_own_subject() {
    let c = find(
        "There is one law that covers negligence, and the mayor broke it, according to a former prosecutor.",
        "the mayor broke it",
    );
    assert_eq!(c.cue.as_deref(), Some("according to"));
    // One clause: all of it.
    find(
        "The mayor broke the law and the rules, according to a former prosecutor.",
        "The mayor broke the law and the rules",
    );
}

#[test]
fn a_concession_after_a_comma_stays_in_the_content() {
    find(
        "Paradis says she identifies as an independent, although she is registered as a Democrat.",
        "she identifies as an independent, although she is registered as a Democrat",
    );
    // A reason still ends it.
    find(
        "Paradis says she left the party, because it moved too far.",
        "she left the party",
    );
}

#[test]
fn an_impression_with_an_adjective_after_seem_is_the_writers() {
    for (body, content) in [
        (
            "The campaign seemed paralyzed.",
            "The campaign seemed paralyzed",
        ),
        (
            "Washington appears weak before the offensive.",
            "Washington appears weak",
        ),
        (
            "That forecast appeared accurate when the report came out.",
            "That forecast appeared accurate",
        ),
    ] {
        let c = find(body, content);
        assert_eq!(c.source, None, "{body}");
        assert_eq!(c.class, sayso::extract::ClaimClass::Belief, "{body}");
    }
    // Showing up is no impression.
    no_claim_where(
        "They appeared together on the campaign trail for the first time.",
        |c| c.cue.as_deref() == Some("appeared"),
    );
}

#[test]
fn proposals_demands_and_predictions_take_a_noun_phrase() {
    for (body, content, cue) in [
        (
            "The government proposed a steep levy on polluters.",
            "a steep levy on polluters",
            "proposed",
        ),
        ("The union demanded an apology.", "an apology", "demanded"),
        (
            "The senator predicted a narrow win.",
            "a narrow win",
            "predicted",
        ),
        (
            "The panel recommended a change to the law.",
            "a change to the law",
            "recommended",
        ),
        ("The company admitted a mistake.", "a mistake", "admitted"),
        (
            "The mayor signaled his support for the plan.",
            "his support for the plan",
            "signaled",
        ),
    ] {
        let c = find(body, content);
        assert_eq!(c.cue.as_deref(), Some(cue), "{body}");
    }
}

#[test]
fn expectations_and_declarations_take_a_noun_phrase() {
    for (body, content, cue) in [
        ("The mayor expects a close race.", "a close race", "expects"),
        ("The senator declared a victory.", "a victory", "declared"),
    ] {
        let c = find(body, content);
        assert_eq!(c.cue.as_deref(), Some(cue), "{body}");
    }
}

#[test]
fn a_judging_participle_after_a_noun_is_that_nouns_and_takes_a_name() {
    for (body, source, content) in [
        ("A super PAC backing Jeb Bush ran ads.", "PAC", "Jeb Bush"),
        (
            "Democrats supporting Mrs. Clinton have pointed to Reid.",
            "Democrats",
            "Mrs. Clinton",
        ),
    ] {
        let c = find(body, content);
        assert_eq!(c.speaker.as_deref(), Some(source), "{body}");
    }
    // A document's participle still reports its whole object.
    find(
        "The council issued a statement calling the test a clear violation of its resolutions.",
        "the test a clear violation of its resolutions",
    );
}

#[test]
fn a_second_title_case_verb_in_a_headline_is_a_second_claim() {
    let text = "Clinton Says Russians Hacked DNC, Calls Trump's Remarks 'Troubling'\n\nThe candidate spoke on Sunday.\n";
    let ex = sayso::extract::extract(text);
    let seen: Vec<(String, String)> = ex
        .claims
        .iter()
        .map(|c| {
            (
                c.cue.map(|s| s.slice(text).to_owned()).unwrap_or_default(),
                c.span.slice(text).to_owned(),
            )
        })
        .collect();
    assert!(
        seen.contains(&("Says".into(), "Russians Hacked DNC".into())),
        "{seen:?}"
    );
    assert!(
        seen.iter()
            .any(|(cue, text)| cue == "Calls" && text.starts_with("Trump's Remarks")),
        "{seen:?}"
    );
}

#[test]
fn others_doing_the_same_is_the_writers_aside() {
    let c = find(
        "She said she, too, wants an inquiry, as have other Democrats including the whip.",
        "she, too, wants an inquiry",
    );
    assert_eq!(c.cue.as_deref(), Some("said"));
}

#[test]
fn feeling_a_thing_is_a_sensation_not_a_belief() {
    no_claim_where(
        "Local governments could feel a budget pinch in poorer areas.",
        |c| c.cue.as_deref() == Some("feel"),
    );
    find("Voters feel the plan is unfair.", "the plan is unfair");
}

#[test]
fn celebrating_promoting_and_a_view_of_report_no_position() {
    for body in [
        "The crowd celebrated the boxer's legacy at the center.",
        "The campaign hired an executive and promoting a senior adviser, it moved on.",
        "He has championed the bill for years.",
        "There is no way to know the candidate's view of the issue.",
    ] {
        no_claim_where(body, |c| {
            matches!(
                c.cue.as_deref(),
                Some("celebrated" | "promoting" | "championed" | "view of")
            )
        });
    }
}

#[test]
fn a_purpose_in_the_passive_is_nobodys_intention() {
    for body in [
        "The tax was intended to deliver a blow against coal.",
        "The device, which is intended to locate pipes, shoots radar waves.",
    ] {
        no_claim_where(body, |c| c.cue.as_deref() == Some("intended"));
    }
    // An order in the passive still reports one.
    find("He was urged to run for the seat.", "to run for the seat");
}

#[test]
fn a_participle_after_a_number_and_an_infinitive_in_as_are_no_attributions() {
    constructions::none(
        "In Puerto Rico, 60 pledged delegates and seven superdelegates were at stake.",
    );
    find("43 said voters were unhappy.", "voters were unhappy");
    no_claim_where(
        "As the crowd began to chant, Silverman was joined on stage by the senator.",
        |c| c.cue.as_deref() == Some("chant"),
    );
    find(
        "As the senator noted, the plan is costly.",
        "the plan is costly",
    );
}

#[test]
fn seeking_out_is_no_intention() {
    no_claim_where(
        "Women who seek out abortions should not be punished, the senator said.",
        |c| c.cue.as_deref() == Some("seek"),
    );
    find(
        "The mayor will seek to persuade voters.",
        "to persuade voters",
    );
}

#[test]
fn a_progressive_through_an_adverb_and_examples_of_an_object() {
    let c = find(
        "The campaign is already claiming victory in the governor bracket.",
        "victory in the governor bracket",
    );
    assert_eq!(c.source.as_deref(), Some("The campaign"));
    find(
        "Trump is also congratulating his rivals, especially Ted Cruz and Marco Rubio, on a good night.",
        "his rivals, especially Ted Cruz and Marco Rubio",
    );
}

#[test]
fn a_fronted_adjunct_alone_is_no_content_before_an_attribution() {
    for body in [
        "Before dropping out, the senator responded with a list.",
        "In the text accompanying the post, the pastor wrote.",
    ] {
        no_claim_where(body, |c| {
            c.text == "Before dropping out" || c.text == "In the text accompanying the post"
        });
    }
    // With a verb of its own, and resumed after the attribution, it is the speaker's.
    find(
        "By eliminating the line, Ms. Tchen said, the White House can invite more guests.",
        "By eliminating the line, Ms. Tchen said, the White House can invite more guests",
    );
}

#[test]
fn reminding_and_assuring_take_a_clause_without_that() {
    for (body, cue) in [
        (
            "The mayor reminded voters he was the only candidate.",
            "reminded",
        ),
        ("The mayor assured donors the plan would work.", "assured"),
    ] {
        let c = find(
            body,
            if cue == "reminded" {
                "he was the only candidate"
            } else {
                "the plan would work"
            },
        );
        assert_eq!(c.cue.as_deref(), Some(cue), "{body}");
    }
}

#[test]
fn a_paragraph_after_said_and_a_colon_is_a_block_quote() {
    let body = "In a speech last July, the governor said:\n\nLet no one be mistaken, the candidacy is a danger to the party and must be stopped.\n\nHe left.";
    let c = find(
        body,
        "Let no one be mistaken, the candidacy is a danger to the party and must be stopped",
    );
    assert_eq!(c.source.as_deref(), Some("the governor"));
    // A quoted paragraph is read by the quotes, and a short line is no block.
    no_claim_where("The governor said:\n\nNo.\n", |c| c.text == "No.");
}

#[test]
fn a_year_shortened_with_an_apostrophe_is_an_adjunct() {
    let c = find(
        "Rep. Ann Lee (D-Ga.) said in '08 that the support of voters changed the race.",
        "that the support of voters changed the race",
    );
    assert_eq!(c.speaker.as_deref(), Some("Ann Lee"));
}

#[test]
fn a_gerund_subject_opens_a_clause_without_that() {
    let c = find(
        "The officers said seeking reinforcements was the right course.",
        "seeking reinforcements was the right course",
    );
    assert_eq!(c.cue.as_deref(), Some("said"));
}

#[test]
fn a_second_predicate_without_a_subject_belongs_to_the_reporting_verb() {
    for body in [
        "The governor said she has no plans to sign the bill and would not name a date for a vote.",
        "The governor insists the state must be a place of ideas, and has championed a new budget.",
    ] {
        let c = find(
            body,
            if body.contains("plans") {
                "she has no plans to sign the bill"
            } else {
                "the state must be a place of ideas"
            },
        );
        assert_eq!(c.source.as_deref(), Some("The governor"));
    }
    // After `that`, the second predicate is the content's own.
    find(
        "The governor noted that the mayor first backed the plan and has changed his mind since.",
        "that the mayor first backed the plan and has changed his mind since",
    );
}

#[test]
fn a_hedged_figure_opens_content_and_speaks() {
    find(
        "The governor has said about 20 people have asked about the seat.",
        "about 20 people have asked about the seat",
    );
    find(
        "The governor said at least 20 people came.",
        "at least 20 people came",
    );
    let c = find(
        "In June, at least 21,000 said they would run.",
        "they would run",
    );
    assert_eq!(c.source.as_deref(), Some("at least 21,000"));
    // Not a frequency: `at least once` is the writer's adjunct.
    find(
        "The governor said at least once that he would run.",
        "that he would run",
    );
}

#[test]
fn an_adverb_after_that_opens_the_clause() {
    find(
        "The senator noted that even in small things, the mayor was out of step.",
        "that even in small things, the mayor was out of step",
    );
    // `that` as the subject of the content, with or without an adverb.
    find(
        "She said that really was the point.",
        "that really was the point",
    );
    find("She said that was the point.", "that was the point");
}

#[test]
fn a_participle_between_two_quotes_is_a_claim_of_its_own() {
    let body = "\"We have come a long way,\" he said, noting that he had trailed by 50 points. \"We will work hard.\"";
    let c = find(body, "that he had trailed by 50 points");
    assert_eq!(c.cue.as_deref(), Some("noting"));
    // The quotes stay one claim around their attribution.
    let q = find(
        body,
        "We have come a long way,\" he said, noting that he had trailed by 50 points. \"We will work hard.",
    );
    assert_eq!(q.fragments, 2);
    // A relative clause about the speaker in the same place is not a claim.
    no_claim_where(
        "\"It will be hard,\" said Jane Roe, a lawyer who endorsed the mayor. \"Very hard.\"",
        |c| c.text == "the mayor",
    );
}

#[test]
fn a_second_reporting_verb_after_a_perfect_or_a_modal_starts_its_own_claim() {
    for body in [
        "The governor said the line would open in May but has said she cannot fund it.",
        "The governor said the line would open in May and would later say she cannot fund it.",
    ] {
        let (_, all) = claims(body);
        assert!(
            all.iter().any(|c| c.text == "the line would open in May"),
            "{body}: {all:?}"
        );
    }
}
