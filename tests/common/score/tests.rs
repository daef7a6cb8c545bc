//! The scorer on tiny hand-made inputs.

use serde_json::json;

use super::*;

const TEXT: &str = "\"We will build it,\" said Jane Doe. The bridge will cost $5 million.";

fn gold() -> Map<String, Value> {
    let article = json!({
        "speakers": [{"name": "Jane Doe", "aliases": ["Doe", "Mayor Jane Doe"]}],
        "claims": [{"start": 1, "end": 17, "text": "We will build it", "speaker": "Jane Doe",
                    "kind": "direct"}],
        "numbers": [{"start": 56, "end": 66, "text": "$5 million", "value": 5e6}],
    });
    let mut gold = Map::new();
    gold.insert("a.txt".into(), article);
    gold
}

fn perfect() -> Value {
    json!({
        "path": "some/dir/a.txt",
        "speakers": [{"name": "Jane Doe", "mentions": []}],
        "claims": [{"start": 1, "end": 17, "speaker": "Jane Doe",
                    "source": {"start": 25, "end": 33}}],
        "numbers": [{"start": 56, "end": 66, "value": 5e6}],
    })
}

#[test]
fn the_fixture_spans_are_right() {
    let cut = |s: usize, e: usize| TEXT.get(s..e).unwrap_or("");
    assert_eq!(cut(1, 17), "We will build it");
    assert_eq!(cut(25, 33), "Jane Doe");
    assert_eq!(cut(56, 66), "$5 million");
}

#[test]
fn a_perfect_prediction_scores_one_everywhere() {
    let r = score(&gold(), &[perfect()]);
    let one = Prf {
        p: 1.0,
        r: 1.0,
        f1: 1.0,
    };
    assert_eq!(r.missing_articles, 0);
    assert_eq!(
        (r.speakers, r.claims, r.claims_attributed, r.numbers),
        (one, one, one, one)
    );
    assert_eq!(r.number_value_acc, 1.0);
    assert_eq!(r.claim_recall_by_kind.get("direct"), Some(&1.0));
    assert!(r.notes.is_empty(), "{:?}", r.notes);
}

#[test]
fn wrong_predictions_lower_every_figure() {
    let mut p = perfect();
    p["speakers"] = json!([{"name": "John Roe"}]);
    // Jaccard 4/16 with the gold claim: no match, even at 0.3.
    p["claims"] = json!([{"start": 1, "end": 5, "speaker": "John Roe"}]);
    p["numbers"] = json!([{"start": 56, "end": 58, "value": 5.0}]);
    let r = score(&gold(), &[p]);
    assert_eq!(r.speakers.f1, 0.0);
    assert_eq!(r.claims, prf(0, 1, 1));
    assert_eq!(r.claims_attributed.f1, 0.0);
    assert_eq!(r.numbers.f1, 1.0, "any overlap matches a number");
    assert_eq!(r.number_value_acc, 0.0, "5 is not 5 million");
    assert_eq!(r.notes.len(), 5, "{:?}", r.notes);
}

#[test]
fn a_matched_claim_with_the_wrong_speaker_counts_against_claims_with_speaker() {
    let mut p = perfect();
    p["claims"][0]["speaker"] = json!("John Roe");
    p["claims"][0]["source"] = json!({"start": 40, "end": 46});
    let r = score(&gold(), &[p]);
    assert_eq!(r.claims.f1, 1.0);
    assert_eq!(r.attribution_acc, 0.0);
    assert_eq!(r.claims_attributed, prf(0, 1, 1));
}

#[test]
fn optional_gold_is_neutral_and_missing_articles_are_counted() {
    let mut gold = gold();
    gold["a.txt"]["claims"][0]["optional"] = json!(true);
    gold["a.txt"]["numbers"][0]["optional"] = json!(true);
    let r = score(&gold, &[perfect()]);
    assert_eq!(r.claims, prf(0, 0, 0));
    assert_eq!(r.numbers, prf(0, 0, 0));
    let r = score(&gold, &[]);
    assert_eq!(r.missing_articles, 1);
    assert_eq!(r.speakers, prf(0, 0, 1));
}

#[test]
fn claims_are_matched_greedily_by_best_jaccard() {
    let mut gold = gold();
    gold["a.txt"]["claims"] = json!([
        {"start": 0, "end": 10, "speaker": null},
        {"start": 0, "end": 16, "speaker": null},
    ]);
    // The first prediction takes the first gold (Jaccard 1); the second prediction
    // only fits that one too (0.6), and not the second gold (6/16). An optimal
    // matching would pair both; score.py's greedy one pairs one.
    let mut p = perfect();
    p["claims"] = json!([{"start": 0, "end": 10}, {"start": 0, "end": 6}]);
    let r = score(&gold, &[p]);
    assert_eq!(r.claims, prf(1, 1, 1));
    assert_eq!(
        r.claims_attributed,
        prf(1, 1, 1),
        "no speaker on either side"
    );
    assert_eq!(r.claim_recall_by_kind.get("?"), Some(&0.5));
}

#[test]
fn equal_jaccards_go_to_the_later_prediction() {
    let mut p = perfect();
    let mut other = p["claims"][0].clone();
    other["speaker"] = json!("John Roe");
    other["source"] = Value::Null;
    if let Some(claims) = p["claims"].as_array_mut() {
        claims.push(other);
    }
    let r = score(&gold(), &[p]);
    assert_eq!(r.claims, prf(1, 1, 0));
    assert_eq!(r.attribution_acc, 0.0, "John Roe's copy wins the tie");
}

#[test]
fn names_match_by_full_name_containment_or_surname() {
    let gold = ["Secretary of State Marco Rubio"];
    assert!(name_match(Some("Marco Rubio"), &gold));
    assert!(name_match(Some("Mr. Rubio"), &gold));
    assert!(name_match(Some("rubio"), &["Marco Rubio"]));
    assert!(!name_match(Some("Marco Polo"), &gold));
    assert!(!name_match(Some("the Secretary"), &gold));
    assert!(!name_match(None, &gold));
    assert!(!name_match(Some(""), &gold));
    // Surnames of two letters are too weak; containment needs four characters.
    assert!(!name_match(Some("Yu Li"), &["Wei Li"]));
    assert_eq!(
        toks("U.S. Secretary O’Neil-Smith (@ab_c)"),
        ["u.s", "secretary", "o’neil-smith", "@ab_c"]
    );
}

#[test]
fn predictions_inside_discarded_regions_are_ignored() {
    let mut gold = gold();
    gold["a.txt"]["meta"] =
        json!({"flagged_regions": [{"kind": "discard", "start": 40, "end": 50}]});
    let mut p = perfect();
    if let Some(claims) = p["claims"].as_array_mut() {
        claims.push(json!({"start": 41, "end": 45}));
    }
    assert_eq!(score(&gold, &[p.clone()]).claims, prf(1, 0, 0));
    gold["a.txt"]["meta"]["flagged_regions"][0]["kind"] = json!("keep");
    assert_eq!(score(&gold, &[p]).claims, prf(1, 1, 0));
}

#[test]
fn the_report_prints_like_score_py() {
    let r = score(&gold(), &[perfect()]);
    let shown = r.to_string();
    assert!(shown.starts_with(
        "articles=1 (no output for 0)\nspeakers              P=1.00 R=1.00 F1=1.00\n"
    ));
    assert!(shown.contains("claim recall by kind  direct=1.00\n"));
    assert!(shown.ends_with("numbers               P=1.00 R=1.00 F1=1.00   value acc=1.00\n"));
}
