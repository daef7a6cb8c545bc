//! One test per construction the engine must know, on short texts written for the purpose.

use sayso::extract::{ClaimKind, Extraction, extract};

/// (claim text, kind, speaker name) for every claim.
fn claims(text: &str) -> Vec<(String, ClaimKind, Option<String>)> {
    let ex = extract(text);
    ex.claims
        .iter()
        .map(|c| {
            (
                c.span.slice(text).to_owned(),
                c.kind,
                c.speaker
                    .and_then(|k| ex.speakers.get(k))
                    .map(|s| s.name.clone()),
            )
        })
        .collect()
}

fn one(text: &str) -> (String, ClaimKind, Option<String>) {
    let all = claims(text);
    assert_eq!(all.len(), 1, "expected one claim in {text:?}, got {all:#?}");
    all.into_iter().next().unwrap()
}

fn said(text: &str, content: &str, speaker: &str) {
    let all = claims(text);
    assert!(
        all.iter()
            .any(|(c, _, s)| c == content && s.as_deref() == Some(speaker)),
        "expected {content:?} by {speaker:?} in {text:?}; got {all:#?}"
    );
}

fn speaker<'a>(ex: &'a Extraction, name: &str) -> &'a sayso::extract::Speaker {
    ex.speakers
        .iter()
        .find(|s| s.name == name)
        .unwrap_or_else(|| panic!("no speaker {name:?} in {:#?}", ex.speakers))
}

// ---- direct quotes -----------------------------------------------------------------

#[test]
fn quote_then_said_name() {
    let c = one("\"The bridge opens in May,\" said Mayor Ada Park.");
    assert_eq!(c.0, "The bridge opens in May,");
    assert_eq!(c.1, ClaimKind::Direct);
    assert_eq!(c.2.as_deref(), Some("Ada Park"));
}

#[test]
fn quote_then_name_said() {
    said(
        "“Tolls will not rise,” the transport minister said.",
        "Tolls will not rise,",
        "transport minister",
    );
}

#[test]
fn name_said_colon_or_comma_then_quote() {
    said(
        "Ada Park said: \"We are ready for the flood season.\"",
        "We are ready for the flood season.",
        "Ada Park",
    );
    said(
        "Ada Park said, “We are ready for the flood season.”",
        "We are ready for the flood season.",
        "Ada Park",
    );
}

#[test]
fn quote_with_participle_adds_a_second_claim() {
    let text =
        "\"We never cut corners,\" the engineer said, adding that the cables were tested twice.";
    said(text, "We never cut corners,", "engineer");
    said(text, "that the cables were tested twice", "engineer");
}

#[test]
fn quote_split_by_its_attribution_is_one_claim() {
    let text =
        "\"The tests went well,\" she said. \"We open on Monday.\"\n\nLena Ortiz leads the team.";
    let ex = extract(text);
    let quoted: Vec<_> = ex
        .claims
        .iter()
        .filter(|c| c.kind == ClaimKind::Direct)
        .collect();
    assert_eq!(quoted.len(), 1, "{:#?}", ex.claims);
    assert_eq!(quoted[0].fragments.len(), 2);
    assert_eq!(quoted[0].fragments[1].slice(text), "We open on Monday.");
}

#[test]
fn nested_single_quotes_stay_inside() {
    let c = one("\"They called it a 'temporary' fix, and it lasted ten years,\" said Omar Bell.");
    assert_eq!(
        c.0,
        "They called it a 'temporary' fix, and it lasted ten years,"
    );
}

#[test]
fn quotes_continue_across_paragraphs() {
    let text = "Omar Bell said:\n\n\"The first span is done. The second is half built.\n\n\"The third waits for steel.\"";
    let c = one(text);
    assert!(c.0.starts_with("The first span is done.") && c.0.ends_with("waits for steel."));
    assert_eq!(c.2.as_deref(), Some("Omar Bell"));
}

#[test]
fn scare_quotes_are_not_claims() {
    assert!(claims("The so-called \"smart\" meters arrived late in the valley.").is_empty());
}

// ---- reported speech -----------------------------------------------------------------

#[test]
fn name_said_that() {
    said(
        "Ada Park said that the bridge would open in May.",
        "that the bridge would open in May",
        "Ada Park",
    );
    said(
        "Ada Park said the bridge would open in May.",
        "the bridge would open in May",
        "Ada Park",
    );
}

#[test]
fn content_then_name_said_or_added() {
    said(
        "The bridge will open in May, Ada Park said.",
        "The bridge will open in May",
        "Ada Park",
    );
    said(
        "Tolls will stay as they are, the minister added.",
        "Tolls will stay as they are",
        "minister",
    );
}

#[test]
fn according_to_before_and_after() {
    said(
        "According to Ada Park, the bridge will open in May.",
        "the bridge will open in May",
        "Ada Park",
    );
    said(
        "The bridge will open in May, according to city officials.",
        "The bridge will open in May",
        "city officials",
    );
}

#[test]
fn told_someone_that() {
    said(
        "Ada Park told reporters that the bridge would open in May.",
        "that the bridge would open in May",
        "Ada Park",
    );
    said(
        "Ada Park told the Harbor Gazette on Monday that tolls would fall.",
        "that tolls would fall",
        "Ada Park",
    );
}

#[test]
fn cue_with_adjunct_before_that() {
    said(
        "Ada Park stressed at the hearing that safety came first.",
        "that safety came first",
        "Ada Park",
    );
}

#[test]
fn said_comma_clause() {
    said(
        "Ada Park said, the bridge is the city's priority this year.",
        "the bridge is the city's priority this year",
        "Ada Park",
    );
}

#[test]
fn many_cue_verbs_in_many_tenses() {
    for cue in [
        "argued",
        "warns",
        "noted",
        "has stressed",
        "explained",
        "insists",
        "acknowledged",
        "wrote",
        "emphasised",
        "claims",
        "has repeatedly said",
    ] {
        let text = format!("Ada Park {cue} that the budget was too small.");
        said(&text, "that the budget was too small", "Ada Park");
    }
}

#[test]
fn narrative_has_no_claims() {
    let text = "The bridge crosses the river at its widest point. Work began in 2019 and \
                cost more than planned. Trucks now wait at the toll gate.";
    assert!(claims(text).is_empty(), "{:#?}", claims(text));
}

#[test]
fn passives_report_nothing() {
    assert!(claims("The plan was announced after the vote was counted.").is_empty());
}

// ---- headlines and posts ------------------------------------------------------------

#[test]
fn headline_name_colon_statement() {
    let c = one("Ada Park: The Bridge Will Open On Time\n\nThe mayor spoke on Monday.");
    assert_eq!(c.0, "The Bridge Will Open On Time");
    assert_eq!(c.1, ClaimKind::Headline);
    assert_eq!(c.2.as_deref(), Some("Ada Park"));
}

#[test]
fn editorial_labels_are_not_speakers() {
    assert!(claims("Update: The bridge will open on time\n\nMore soon.").is_empty());
}

#[test]
fn embedded_post_is_a_quote_by_its_author() {
    let text = "Nobody asked us about the toll. Not once. We found out from the news. \
                https://t.co/abc123 — Rosa Lind (@rosalind) May 3, 2024";
    let c = one(text);
    assert_eq!(
        c.0,
        "Nobody asked us about the toll. Not once. We found out from the news."
    );
    assert_eq!(c.2.as_deref(), Some("Rosa Lind"));
}

// ---- speakers and coreference ------------------------------------------------------

#[test]
fn titles_become_roles() {
    let ex = extract("Deputy Transport Minister Ada Park said the bridge would open in May.");
    let s = speaker(&ex, "Ada Park");
    assert_eq!(s.role.as_deref(), Some("Deputy Transport Minister"));
}

#[test]
fn appositive_roles() {
    let ex = extract("Omar Bell, director of the Harbor Authority, said the port would stay open.");
    assert_eq!(
        speaker(&ex, "Omar Bell").role.as_deref(),
        Some("director of the Harbor Authority")
    );
}

#[test]
fn surnames_and_pronouns_resolve_to_the_full_name() {
    let text = "Omar Bell, director of the Harbor Authority, spoke on Monday.\n\
                The port handled more ships than ever, Bell said.\n\
                Traffic would keep growing, he said.";
    let ex = extract(text);
    assert_eq!(ex.speakers.len(), 1, "{:#?}", ex.speakers);
    let bell = speaker(&ex, "Omar Bell");
    assert_eq!(ex.claims.len(), 2);
    assert!(ex.claims.iter().all(|c| c.speaker == Some(0)));
    let sources: Vec<&str> = ex
        .claims
        .iter()
        .filter_map(|c| c.source.map(|s| s.slice(text)))
        .collect();
    assert_eq!(sources, vec!["Bell", "he"]);
    assert!(bell.mentions.len() >= 3, "{:#?}", bell.mentions);
}

#[test]
fn she_skips_a_man_already_called_he() {
    let text = "Omar Bell said the port was busy, and he said it would grow.\n\
                Lena Ortiz, the harbor pilot, disagreed.\n\
                The channel is too narrow, she said.";
    said(text, "The channel is too narrow", "Lena Ortiz");
}

#[test]
fn repeated_descriptions_are_one_speaker() {
    let text = "The Harbor Authority spokesperson said the port would stay open.\n\
                Repairs will take a week, the spokesperson added.";
    let ex = extract(text);
    assert_eq!(ex.speakers.len(), 1, "{:#?}", ex.speakers);
    assert_eq!(ex.speakers[0].name, "Harbor Authority spokesperson");
    assert_eq!(ex.claims.len(), 2);
}

#[test]
fn a_role_description_before_the_name_joins_the_person() {
    let text = "According to the Finnish FM, talks will resume in June.\n\n\
                Foreign Minister Aino Virta told reporters that the talks were useful.";
    let ex = extract(text);
    assert_eq!(ex.speakers.len(), 1, "{:#?}", ex.speakers);
    assert_eq!(ex.speakers[0].name, "Aino Virta");
    assert_eq!(ex.claims.len(), 2);
}

#[test]
fn the_outlet_reporting_its_own_story_is_not_a_speaker() {
    let text = "The minister resigned on Friday, Harbor.News reports.\n\nHarbor.News";
    assert!(extract(text).speakers.is_empty());
}

#[test]
fn countries_are_not_speakers() {
    assert!(
        extract("Norway said the border would stay closed.")
            .speakers
            .is_empty()
    );
}

// ---- beyond "said": intentions, judgements, documents -------------------------------

#[test]
fn stated_intentions_after_a_named_subject() {
    said(
        "Ada Park vowed to rebuild the east pier before winter.",
        "to rebuild the east pier before winter",
        "Ada Park",
    );
    said(
        "Omar Bell refuses to release the inspection report.",
        "to release the inspection report",
        "Omar Bell",
    );
}

#[test]
fn judgements_take_their_object() {
    said(
        "Omar Bell criticized the toll plan as a tax on commuters.",
        "the toll plan as a tax on commuters",
        "Omar Bell",
    );
    said(
        "Ada Park called for an independent audit of the contract.",
        "an independent audit of the contract",
        "Ada Park",
    );
}

#[test]
fn documents_report_what_they_show() {
    let text = "A new harbor poll shows most residents back the bridge.";
    let all = claims(text);
    assert_eq!(all.len(), 1, "{all:#?}");
    assert_eq!(all[0].0, "most residents back the bridge");
}

#[test]
fn progressive_and_directive_cues() {
    said(
        "The Harbor Authority is saying that repairs will take a week.",
        "that repairs will take a week",
        "Harbor Authority",
    );
    said(
        "Ada Park told her engineers to inspect every cable.",
        "her engineers to inspect every cable",
        "Ada Park",
    );
}

#[test]
fn content_of_a_relative_clause() {
    said(
        "The cables, which Omar Bell said were replaced in 2020, failed again.",
        "were replaced in 2020",
        "Omar Bell",
    );
}

#[test]
fn dash_appositives_and_time_adjuncts() {
    said(
        "Lena Ortiz -- the harbor pilot for twenty years -- said the channel was too narrow.",
        "the channel was too narrow",
        "Lena Ortiz",
    );
    said(
        "Ada Park on Tuesday said the bridge would open in May.",
        "the bridge would open in May",
        "Ada Park",
    );
}

#[test]
fn a_quote_opened_in_reported_speech_runs_to_its_end() {
    let text = "Ada Park told reporters that \"the first span is done. The second is not.\"";
    let c = one(text);
    assert_eq!(c.0, "that \"the first span is done. The second is not.");
    assert_eq!(c.1, ClaimKind::Mixed);
}

#[test]
fn a_wire_story_end_to_end() {
    let text = "Harbor board urges calm over toll dispute\n\n\
        PORTSMOUTH, March 3 (Coastwire) -- Harbor Board spokesperson Ines Moreau said on Monday \
        that the board would not raise tolls this year.\n\n\
        Moreau made the remarks at a regular press briefing.\n\n\
        The bridge is the region's lifeline, Moreau said.\n\n\
        Noting that traffic has doubled, Moreau said the second lane will open in June.\n\n\
        \"We listen to every commuter,\" she said, adding that the board will publish its accounts.\n\n\
        The spokesperson also noted that repairs cost 4.5 million euros in 2023.\n\n\
        Coastwire";
    let ex = extract(text);
    assert_eq!(ex.speakers.len(), 1, "{:#?}", ex.speakers);
    let s = &ex.speakers[0];
    assert_eq!(s.name, "Ines Moreau");
    assert_eq!(s.role.as_deref(), Some("Harbor Board spokesperson"));
    let contents: Vec<&str> = ex.claims.iter().map(|c| c.span.slice(text)).collect();
    assert_eq!(
        contents,
        vec![
            "that the board would not raise tolls this year",
            "The bridge is the region's lifeline",
            "that traffic has doubled",
            "the second lane will open in June",
            "We listen to every commuter,",
            "that the board will publish its accounts",
            "that repairs cost 4.5 million euros in 2023",
        ]
    );
    assert!(ex.claims.iter().all(|c| c.speaker == Some(0)));
}

#[test]
fn a_role_label_in_a_headline_is_the_person_holding_it() {
    let text = "Minister: Talks Are Constructive\n\n\
                Foreign Minister Elena Varga said the talks would resume in January.";
    let ex = extract(text);
    assert_eq!(ex.speakers.len(), 1, "{:#?}", ex.speakers);
    assert_eq!(ex.speakers[0].name, "Elena Varga");
    assert_eq!(ex.claims.len(), 2);
}

#[test]
fn a_coordinated_judgement_is_a_claim_of_its_own() {
    let text = "Party leader Jonas Brandt warned that the deal gave away too much, \
                and accused the minister of hiding its terms.";
    said(text, "that the deal gave away too much", "Jonas Brandt");
    said(text, "the minister of hiding its terms", "Jonas Brandt");
}

#[test]
fn qualified_roles_do_not_answer_for_the_office() {
    let text = "The Chancellor insisted the plans were affordable.\n\n\
                Shadow chancellor Tom Reeve said the plans would fail.";
    let ex = extract(text);
    assert_eq!(ex.speakers.len(), 2, "{:#?}", ex.speakers);
    said(text, "the plans were affordable", "Chancellor");
}

#[test]
fn an_age_is_not_a_role() {
    let ex = extract("Rachel Moss, 48, said the plans were affordable.");
    assert_eq!(ex.speakers[0].name, "Rachel Moss");
    assert_eq!(ex.speakers[0].role, None);
}
