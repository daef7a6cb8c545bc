use super::*;
use crate::annotate::model::{Target, Timestamp};
use crate::extract::extract;
use crate::text::offsets::CodePoints;

const TEXT: &str = "“We will build the bridge,” Jane Doe said on Monday. \
                    Doe added that it would cost $5 million. \
                    Mark Roe, the mayor, said the city would pay half. \
                    “Nobody asked us,” Roe said.";

fn at(text: &str, quote: &str, speaker: Option<&str>, millis: i128) -> Annotation {
    let start = text.find(quote).expect("the quote is in the text");
    let span = Span::new(start, start + quote.len());
    let target = Target::from_span(text, &CodePoints::new(text), span).expect("a target");
    let mut a = Annotation::new(target, Timestamp::from_unix_millis(millis));
    a.speaker = speaker.map(str::to_owned);
    a
}

fn with(mut a: Annotation, f: impl FnOnce(&mut Correction)) -> Annotation {
    let mut c = Correction::default();
    f(&mut c);
    a.correction = Some(c);
    a
}

/// Applies `notes` placed on `text` by quote position.
fn corrected(text: &str, notes: &[Annotation]) -> Extraction {
    let placed: Vec<Placed> = notes
        .iter()
        .map(|a| Placed {
            annotation: a,
            span: text
                .find(&a.target.exact)
                .map(|s| Span::new(s, s + a.target.exact.len())),
        })
        .collect();
    apply(extract(text), &placed)
}

fn speaker_of_claim(x: &Extraction, text: &str, content: &str) -> Option<String> {
    let c = x
        .claims
        .iter()
        .find(|c| c.span.slice(text).contains(content))
        .unwrap_or_else(|| panic!("a claim with {content:?}: {:?}", x.claims));
    c.speaker
        .and_then(|s| x.speakers.get(s))
        .map(|s| s.name.clone())
}

fn names(x: &Extraction) -> Vec<&str> {
    x.speakers.iter().map(|s| s.name.as_str()).collect()
}

#[test]
fn the_engine_sees_what_the_tests_expect() {
    let x = extract(TEXT);
    assert_eq!(
        speaker_of_claim(&x, TEXT, "build the bridge").as_deref(),
        Some("Jane Doe")
    );
    assert_eq!(
        speaker_of_claim(&x, TEXT, "Nobody asked").as_deref(),
        Some("Mark Roe")
    );
}

#[test]
fn a_rename_renames_the_speaker_in_every_claim_of_the_article() {
    let rename = with(at(TEXT, "Jane Doe", Some("Jane Doe"), 1), |c| {
        c.rename = Some("Jane Q. Doe".into())
    });
    let x = corrected(TEXT, &[rename]);
    assert!(names(&x).contains(&"Jane Q. Doe"), "{:?}", names(&x));
    assert!(!names(&x).contains(&"Jane Doe"));
    assert_eq!(
        speaker_of_claim(&x, TEXT, "build the bridge").as_deref(),
        Some("Jane Q. Doe")
    );
    assert_eq!(
        speaker_of_claim(&x, TEXT, "cost $5 million").as_deref(),
        Some("Jane Q. Doe")
    );
}

#[test]
fn renaming_to_another_speakers_name_merges_them() {
    let raw = extract(TEXT);
    let merge = with(at(TEXT, "Mark Roe", Some("Mark Roe"), 1), |c| {
        c.rename = Some("jane doe".into())
    });
    let x = corrected(TEXT, &[merge]);
    assert_eq!(x.speakers.len(), raw.speakers.len() - 1, "{:?}", names(&x));
    assert_eq!(
        speaker_of_claim(&x, TEXT, "Nobody asked").as_deref(),
        Some("Jane Doe")
    );
    // Every claim points at a speaker that exists: the indices were renumbered.
    assert!(
        x.claims
            .iter()
            .all(|c| c.speaker.is_none_or(|s| s < x.speakers.len()))
    );
    let jane = x
        .speakers
        .iter()
        .find(|s| s.name == "Jane Doe")
        .expect("kept");
    assert!(jane.mentions.windows(2).all(|w| w[0].start <= w[1].start));
    let roe_mentions = raw
        .speakers
        .iter()
        .find(|s| s.name == "Mark Roe")
        .map_or(0, |s| s.mentions.len());
    let jane_before = raw
        .speakers
        .iter()
        .find(|s| s.name == "Jane Doe")
        .map_or(0, |s| s.mentions.len());
    assert_eq!(jane.mentions.len(), jane_before + roe_mentions);
}

#[test]
fn renames_chain_in_the_order_they_were_made() {
    let first = with(at(TEXT, "Jane Doe", Some("Jane Doe"), 1), |c| {
        c.rename = Some("J. Doe".into())
    });
    let second = with(at(TEXT, "Doe added", Some("J. Doe"), 2), |c| {
        c.rename = Some("Janet Doe".into())
    });
    // Stored in either order, applied by creation time.
    let x = corrected(TEXT, &[second.clone(), first.clone()]);
    assert!(names(&x).contains(&"Janet Doe"), "{:?}", names(&x));
    let file = [second, first];
    let note = at(TEXT, "We will build the bridge", Some("Jane Doe"), 3);
    assert_eq!(speaker_of(&file, &note), Some("Janet Doe"));
}

#[test]
fn a_claim_can_be_given_to_another_speaker_a_new_one_or_nobody() {
    let to_roe = with(
        at(TEXT, "it would cost $5 million", Some("Jane Doe"), 1),
        |c| c.speaker = Some("Mark Roe".into()),
    );
    let x = corrected(TEXT, std::slice::from_ref(&to_roe));
    assert_eq!(
        speaker_of_claim(&x, TEXT, "cost $5 million").as_deref(),
        Some("Mark Roe")
    );
    assert_eq!(
        speaker_of_claim(&x, TEXT, "build the bridge").as_deref(),
        Some("Jane Doe"),
        "the other claims stay"
    );

    let to_new = with(to_roe.clone(), |c| c.speaker = Some("Ann Budget".into()));
    let x = corrected(TEXT, &[to_new]);
    assert_eq!(
        speaker_of_claim(&x, TEXT, "cost $5 million").as_deref(),
        Some("Ann Budget")
    );
    assert!(names(&x).contains(&"Ann Budget"));

    let to_nobody = with(to_roe, |c| c.speaker = Some(String::new()));
    let x = corrected(TEXT, &[to_nobody]);
    assert_eq!(speaker_of_claim(&x, TEXT, "cost $5 million"), None);
}

#[test]
fn a_passage_marked_not_a_claim_is_no_claim() {
    let raw = extract(TEXT);
    let not = with(
        at(TEXT, "the city would pay half", Some("Mark Roe"), 1),
        |c| c.not_a_claim = true,
    );
    let x = corrected(TEXT, &[not]);
    assert_eq!(x.claims.len(), raw.claims.len() - 1);
    assert!(
        !x.claims
            .iter()
            .any(|c| c.span.slice(TEXT).contains("pay half"))
    );
}

#[test]
fn a_mention_given_to_someone_else_takes_its_claims_along() {
    let text = "Kim Jong Un said the test had worked. Kim Yo Jong, his sister, spoke later. \
                Kim said the talks were over.";
    let raw = extract(text);
    let source = raw
        .claims
        .iter()
        .find(|c| c.span.slice(text).contains("talks were over"))
        .and_then(|c| c.source)
        .expect("the last claim has a source");
    let mention = source.slice(text);
    let mut split = at(text, "Kim said", None, 1);
    // On the mention alone (the `Kim` of `Kim said`).
    let start = text.find("Kim said").expect("present");
    assert_eq!(mention, "Kim", "{mention:?}");
    split.target =
        Target::from_span(text, &CodePoints::new(text), Span::new(start, start + 3)).expect("ok");
    let split = with(split, |c| c.speaker = Some("Kim Yo Jong".into()));
    let placed = [Placed {
        annotation: &split,
        span: Some(Span::new(start, start + 3)),
    }];
    let x = apply(raw, &placed);
    assert_eq!(
        speaker_of_claim(&x, text, "talks were over").as_deref(),
        Some("Kim Yo Jong")
    );
    assert_eq!(
        speaker_of_claim(&x, text, "test had worked").as_deref(),
        Some("Kim Jong Un")
    );
    let kim = x
        .speakers
        .iter()
        .find(|s| s.name == "Kim Yo Jong")
        .expect("a speaker");
    assert!(kim.mentions.contains(&Span::new(start, start + 3)));
}

#[test]
fn corrections_that_no_longer_fit_the_text_do_nothing() {
    let raw = extract(TEXT);
    let mut ghost = with(at(TEXT, "Jane Doe", Some("Nobody Here"), 1), |c| {
        c.rename = Some("X".into())
    });
    ghost.target.exact = "not in the text".into();
    let orphan = with(at(TEXT, "Mark Roe", Some("Mark Roe"), 2), |c| {
        c.speaker = Some("Y".into())
    });
    let placed = [
        Placed {
            annotation: &ghost,
            span: None,
        },
        Placed {
            annotation: &orphan,
            span: None,
        },
    ];
    assert_eq!(apply(raw.clone(), &placed), raw);
}

#[test]
fn an_annotation_without_a_correction_changes_nothing_and_speaker_of_reads_it() {
    let note = at(TEXT, "We will build the bridge", Some("Jane Doe"), 1);
    assert_eq!(corrected(TEXT, std::slice::from_ref(&note)), extract(TEXT));
    assert_eq!(
        speaker_of(std::slice::from_ref(&note), &note),
        Some("Jane Doe")
    );
    let not = with(note.clone(), |c| c.not_a_claim = true);
    assert_eq!(speaker_of(std::slice::from_ref(&not), &not), None);
    let nobody = with(note, |c| c.speaker = Some(" ".into()));
    assert_eq!(speaker_of(std::slice::from_ref(&nobody), &nobody), None);
}

#[test]
fn corrections_round_trip_through_the_file_format() {
    use crate::annotate::format::{AnnotationDoc, ArticleMeta, parse, render};
    let mut doc = AnnotationDoc::new(ArticleMeta {
        id: "00aa11bb22cc33dd".into(),
        path: "a.txt".into(),
        title: "A".into(),
        extra: toml::Table::new(),
    });
    let mut c = Correction {
        speaker: Some("Wang Yi".into()),
        rename: None,
        not_a_claim: true,
        extra: toml::Table::new(),
    };
    c.extra
        .insert("future".into(), toml::Value::String("kept".into()));
    let mut a = at(TEXT, "Jane Doe", Some("Jane Doe"), 1);
    a.correction = Some(c);
    doc.annotations.push(a);
    let text = render(&doc).expect("renders");
    assert!(text.contains("[annotation.correction]"), "{text}");
    assert!(text.contains("not_a_claim = true"), "{text}");
    let back = parse(std::path::Path::new("a.toml"), &text).expect("parses");
    assert_eq!(back, doc);
}

proptest::proptest! {
    /// Whatever the corrections, every claim's speaker exists and no claim is invented.
    #[test]
    fn any_corrections_leave_a_consistent_extraction(
        ops in proptest::collection::vec((0usize..4, 0usize..200, 1usize..40, 0usize..4), 0..8)
    ) {
        let raw = extract(TEXT);
        let names = ["Jane Doe", "Mark Roe", "", "New Person"];
        let notes: Vec<(Annotation, Span)> = ops
            .iter()
            .filter_map(|&(kind, start, len, name)| {
                let start = start.min(TEXT.len());
                let end = (start + len).min(TEXT.len());
                let span = Span::new(start, end);
                TEXT.get(start..end).filter(|s| !s.is_empty())?;
                let mut a = at(TEXT, TEXT.get(start..end)?, Some(names[name % 2]), start as i128);
                let mut c = Correction::default();
                match kind {
                    0 => c.rename = Some(names[name].to_owned()),
                    1 => c.speaker = Some(names[name].to_owned()),
                    2 => c.not_a_claim = true,
                    _ => {}
                }
                a.correction = Some(c);
                Some((a, span))
            })
            .collect();
        let placed: Vec<Placed> = notes
            .iter()
            .map(|(a, span)| Placed { annotation: a, span: Some(*span) })
            .collect();
        let x = apply(raw.clone(), &placed);
        proptest::prop_assert!(x.claims.len() <= raw.claims.len());
        for c in &x.claims {
            proptest::prop_assert!(c.speaker.is_none_or(|s| s < x.speakers.len()));
            proptest::prop_assert!(raw.claims.iter().any(|r| r.span == c.span));
        }
    }
}
