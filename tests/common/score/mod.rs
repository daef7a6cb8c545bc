//! A faithful Rust port of the evaluation scorer `../shared/eval/score.py`, so the seeds
//! test needs nothing outside the crate.
//!
//! Same rules, same tie-breaks, same figures:
//! - claims match greedily by best span Jaccard (ties: later prediction, then later gold
//!   first, as Python's reverse tuple sort does), at 0.3, 0.5 and 0.8;
//! - gold items marked optional are neither rewarded nor penalised, and predictions inside
//!   regions the annotators discarded are ignored;
//! - attribution is right when the claim's `source` overlaps the gold `speaker_span`, or its
//!   `speaker` names the gold speaker ([`name_match`]);
//! - speakers: by name against gold names and aliases (hand-made gold), or distinct source
//!   spans against gold spans (span gold);
//! - a number matches the first unused gold number it overlaps; its value is right within
//!   1e-6 relative.
//!
//! Inputs are the JSON values themselves, read the way the Python reads its dicts. Besides
//! the figures, [`Report::notes`] lists every miss and false alarm (at Jaccard 0.5) to help
//! whoever has to find out why a figure dropped.
#![allow(dead_code)]

use std::collections::{BTreeMap, BTreeSet};
use std::fmt;

use serde_json::{Map, Value};

mod names;
pub use names::{name_match, toks};

/// Precision, recall, F1.
#[derive(Debug, Clone, Copy, PartialEq, Default)]
pub struct Prf {
    pub p: f64,
    pub r: f64,
    pub f1: f64,
}

/// What `score.py --json` reports, plus the notes.
#[derive(Debug, Clone, Default)]
pub struct Report {
    pub articles: usize,
    pub missing_articles: usize,
    pub claims_at_03: Prf,
    pub claims: Prf,
    pub claims_at_08: Prf,
    pub attribution_acc: f64,
    pub claims_attributed: Prf,
    pub speakers: Prf,
    pub numbers: Prf,
    pub number_value_acc: f64,
    pub claim_recall_by_kind: BTreeMap<String, f64>,
    pub has_numbers: bool,
    /// One line per miss, false alarm or wrong attribution/value.
    pub notes: Vec<String>,
}

/// A half-open span; `f64` so that offsets behave as Python numbers do.
type Range = (f64, f64);

/// Python's truthiness of a JSON value (`if gc.get("optional")`).
fn truthy(v: Option<&Value>) -> bool {
    match v {
        None | Some(Value::Null) => false,
        Some(Value::Bool(b)) => *b,
        Some(Value::Number(n)) => n.as_f64().is_some_and(|x| x != 0.0),
        Some(Value::String(s)) => !s.is_empty(),
        Some(Value::Array(a)) => !a.is_empty(),
        Some(Value::Object(o)) => !o.is_empty(),
    }
}

fn optional(item: &Value) -> bool {
    truthy(item.get("optional"))
}

/// `span_of`: `{start, end}` or a two-element list; anything else is no span.
fn span_of(x: Option<&Value>) -> Option<Range> {
    match x? {
        Value::Object(o) => Some((o.get("start")?.as_f64()?, o.get("end")?.as_f64()?)),
        Value::Array(a) if a.len() == 2 => Some((a[0].as_f64()?, a[1].as_f64()?)),
        _ => None,
    }
}

/// The `start`/`end` an item must have (the Python would raise a `KeyError`).
fn required_span(item: &Value, what: &str) -> Range {
    span_of(Some(item)).unwrap_or_else(|| panic!("{what} without numeric start/end: {item}"))
}

fn has_span_keys(item: &Value) -> bool {
    item.get("start").is_some() && item.get("end").is_some()
}

fn text_of(item: &Value) -> &str {
    item.get("text").and_then(Value::as_str).unwrap_or("")
}

fn array<'a>(obj: &'a Value, key: &str) -> &'a [Value] {
    obj.get(key)
        .and_then(Value::as_array)
        .map(Vec::as_slice)
        .unwrap_or(&[])
}

pub fn jaccard(a: Range, b: Range) -> f64 {
    let inter = (a.1.min(b.1) - a.0.max(b.0)).max(0.0);
    let union = a.1.max(b.1) - a.0.min(b.0);
    if union > 0.0 { inter / union } else { 0.0 }
}

pub fn overlaps(a: Range, b: Range) -> bool {
    a.1.min(b.1) > a.0.max(b.0)
}

pub fn prf(tp: usize, fp: usize, fn_: usize) -> Prf {
    let (tp, fp, fn_) = (tp as f64, fp as f64, fn_ as f64);
    let p = if tp + fp > 0.0 { tp / (tp + fp) } else { 0.0 };
    let r = if tp + fn_ > 0.0 { tp / (tp + fn_) } else { 0.0 };
    let f1 = if p + r > 0.0 {
        2.0 * p * r / (p + r)
    } else {
        0.0
    };
    Prf { p, r, f1 }
}

/// `named_speakers`: per distinct gold name, its names and aliases and whether it is
/// optional; empty for span gold (speakers with offsets, no aliases).
fn named_speakers(g: &Value) -> Vec<(Vec<String>, bool)> {
    let speakers = array(g, "speakers");
    if speakers.iter().any(|s| s.get("start").is_some()) {
        return Vec::new();
    }
    let mut res: Vec<(String, Vec<String>, bool)> = Vec::new();
    for s in speakers {
        let name = s
            .get("name")
            .and_then(Value::as_str)
            .unwrap_or("")
            .to_string();
        let mut names = vec![name.clone()];
        names.extend(
            array(s, "aliases")
                .iter()
                .filter_map(Value::as_str)
                .map(str::to_string),
        );
        match res.iter_mut().find(|(n, _, _)| *n == name) {
            Some(entry) => entry.1.extend(names),
            None => res.push((name, names, optional(s))),
        }
    }
    res.into_iter()
        .map(|(_, names, opt)| (names, opt))
        .collect()
}

struct ClaimMatch {
    /// (prediction, gold) pairs with non-optional gold.
    pairs: Vec<(usize, usize)>,
    false_alarms: Vec<usize>,
    misses: Vec<usize>,
}

/// `match_claims`: greedy best-Jaccard matching at `thr`.
fn match_claims(gcl: &[Value], pcl: &[&Value], disc: &[Range], thr: f64) -> ClaimMatch {
    let gspans: Vec<Range> = gcl.iter().map(|g| required_span(g, "gold claim")).collect();
    let pspans: Vec<Range> = pcl.iter().map(|p| required_span(p, "claim")).collect();
    let mut cand = Vec::new();
    for (pi, &ps) in pspans.iter().enumerate() {
        for (gi, &gs) in gspans.iter().enumerate() {
            let j = jaccard(ps, gs);
            if j >= thr {
                cand.push((j, pi, gi));
            }
        }
    }
    // Python: `cand.sort(reverse=True)` on (jaccard, pred index, gold index) tuples.
    cand.sort_by(|a, b| b.0.total_cmp(&a.0).then(b.1.cmp(&a.1)).then(b.2.cmp(&a.2)));
    let (mut used_p, mut used_g) = (vec![false; pcl.len()], vec![false; gcl.len()]);
    let mut pairs = Vec::new();
    for (_, pi, gi) in cand {
        if used_p[pi] || used_g[gi] {
            continue;
        }
        used_p[pi] = true;
        used_g[gi] = true;
        pairs.push((pi, gi));
    }
    let false_alarms = (0..pcl.len())
        .filter(|&pi| {
            let ps = pspans[pi];
            !used_p[pi]
                && !disc.iter().any(|&d| overlaps(ps, d))
                && !gcl
                    .iter()
                    .zip(&gspans)
                    .any(|(gc, &gs)| optional(gc) && overlaps(ps, gs))
        })
        .collect();
    let misses = (0..gcl.len())
        .filter(|&gi| !used_g[gi] && !optional(&gcl[gi]))
        .collect();
    pairs.retain(|&(_, gi)| !optional(&gcl[gi]));
    ClaimMatch {
        pairs,
        false_alarms,
        misses,
    }
}

fn speaker_of(claim: &Value) -> Option<&str> {
    claim.get("speaker").and_then(Value::as_str)
}

fn speaker_is_none(claim: &Value) -> bool {
    claim.get("speaker").is_none_or(Value::is_null)
}

/// `attributed_right`.
fn attributed_right(pc: &Value, gc: &Value, gs: &[(Vec<String>, bool)]) -> bool {
    let gsp = span_of(gc.get("speaker_span"));
    let psrc = span_of(pc.get("source"));
    if speaker_is_none(gc) {
        return speaker_is_none(pc) && psrc.is_none();
    }
    if let (Some(g), Some(p)) = (gsp, psrc)
        && overlaps(p, g)
    {
        return true;
    }
    let gold_speaker = speaker_of(gc).unwrap_or("");
    let mut names = vec![gold_speaker.to_string()];
    for (ns, _) in gs {
        if name_match(Some(gold_speaker), ns) {
            names.extend(ns.iter().cloned());
        }
    }
    name_match(speaker_of(pc), &names)
}

/// `load_preds`: predictions keyed by the base name of their `path` (or `article`); a
/// later object with the same name wins.
pub fn index_predictions(objs: &[Value]) -> BTreeMap<String, &Value> {
    let mut map = BTreeMap::new();
    for o in objs {
        let path = ["path", "article"]
            .iter()
            .filter_map(|k| o.get(*k).and_then(Value::as_str))
            .find(|s| !s.is_empty())
            .unwrap_or("");
        let base = path.rsplit('/').next().unwrap_or("");
        map.insert(base.to_string(), o);
    }
    map
}

#[derive(Default)]
struct Counts {
    tp: usize,
    fp: usize,
    fn_: usize,
}

impl Counts {
    fn prf(&self) -> Prf {
        prf(self.tp, self.fp, self.fn_)
    }
}

/// `score`: gold maps article file names to `{speakers, claims, numbers, meta}`;
/// predictions are the JSON Lines objects of `sayso extract --format json`.
pub fn score(gold: &Map<String, Value>, preds: &[Value]) -> Report {
    let preds = index_predictions(preds);
    let empty = Value::Object(Map::new());
    let thresholds = [0.3, 0.5, 0.8];
    let mut claims: [Counts; 3] = Default::default();
    let (mut attributed, mut matched_claims) = (0, 0);
    let mut e2e = Counts::default();
    let mut sp = Counts::default();
    let mut nu = Counts::default();
    let (mut values_right, mut values) = (0, 0);
    let mut by_kind: BTreeMap<String, (usize, usize)> = BTreeMap::new();
    let mut missing = 0;
    let mut notes = Vec::new();
    for (name, g) in gold {
        let p = preds.get(name).copied().unwrap_or_else(|| {
            missing += 1;
            notes.push(format!("{name}: no output"));
            &empty
        });
        let disc: Vec<Range> = g
            .get("meta")
            .map(|m| array(m, "flagged_regions"))
            .unwrap_or(&[])
            .iter()
            .filter(|r| r.get("kind").and_then(Value::as_str) == Some("discard"))
            .map(|r| required_span(r, "flagged region"))
            .collect();
        let gcl = array(g, "claims");
        let pcl: Vec<&Value> = array(p, "claims")
            .iter()
            .filter(|c| has_span_keys(c))
            .collect();
        let gs = named_speakers(g);
        for (t, counts) in thresholds.iter().zip(&mut claims) {
            let m = match_claims(gcl, &pcl, &disc, *t);
            counts.tp += m.pairs.len();
            counts.fp += m.false_alarms.len();
            counts.fn_ += m.misses.len();
            if *t != 0.5 {
                continue;
            }
            let mut ok = 0;
            for &(pi, gi) in &m.pairs {
                if attributed_right(pcl[pi], &gcl[gi], &gs) {
                    ok += 1;
                } else {
                    notes.push(format!(
                        "{name}: claim {:?} attributed to {:?} (source {:?}), gold {:?}",
                        text_of(pcl[pi]),
                        speaker_of(pcl[pi]),
                        pcl[pi].get("source").map(text_of),
                        speaker_of(&gcl[gi]),
                    ));
                }
            }
            attributed += ok;
            matched_claims += m.pairs.len();
            e2e.tp += ok;
            e2e.fp += m.false_alarms.len() + m.pairs.len() - ok;
            e2e.fn_ += m.misses.len() + m.pairs.len() - ok;
            for &pi in &m.false_alarms {
                notes.push(format!("{name}: false claim {:?}", text_of(pcl[pi])));
            }
            for &gi in &m.misses {
                notes.push(format!("{name}: missed claim {:?}", text_of(&gcl[gi])));
            }
            for (gi, gc) in gcl.iter().enumerate() {
                if optional(gc) {
                    continue;
                }
                let kind = ["kind", "quote_type_heuristic"]
                    .iter()
                    .filter_map(|k| gc.get(*k))
                    .find(|v| truthy(Some(v)))
                    .map(|v| v.as_str().map_or_else(|| v.to_string(), str::to_string))
                    .unwrap_or_else(|| "?".to_string());
                let entry = by_kind.entry(kind).or_default();
                entry.1 += 1;
                if m.pairs.iter().any(|&(_, g)| g == gi) {
                    entry.0 += 1;
                }
            }
        }
        score_speakers(name, g, p, &gs, &pcl, &disc, &mut sp, &mut notes);
        score_numbers(
            name,
            g,
            p,
            &mut nu,
            &mut values,
            &mut values_right,
            &mut notes,
        );
    }
    let ratio = |a: usize, b: usize| if b > 0 { a as f64 / b as f64 } else { 0.0 };
    Report {
        articles: gold.len(),
        missing_articles: missing,
        claims_at_03: claims[0].prf(),
        claims: claims[1].prf(),
        claims_at_08: claims[2].prf(),
        attribution_acc: ratio(attributed, matched_claims),
        claims_attributed: e2e.prf(),
        speakers: sp.prf(),
        numbers: nu.prf(),
        number_value_acc: ratio(values_right, values),
        claim_recall_by_kind: by_kind
            .into_iter()
            .filter(|(_, (_, n))| *n > 0)
            .map(|(k, (hit, n))| (k, hit as f64 / n as f64))
            .collect(),
        has_numbers: gold.values().any(|g| !array(g, "numbers").is_empty()),
        notes,
    }
}

#[allow(clippy::too_many_arguments)]
fn score_speakers(
    name: &str,
    g: &Value,
    p: &Value,
    gs: &[(Vec<String>, bool)],
    pcl: &[&Value],
    disc: &[Range],
    sp: &mut Counts,
    notes: &mut Vec<String>,
) {
    if !gs.is_empty() {
        // Hand-made gold with names: distinct speakers, matched by name.
        let mut hit = BTreeSet::new();
        for s in array(p, "speakers") {
            let pname = s.get("name").and_then(Value::as_str);
            let h: Vec<usize> = (0..gs.len())
                .filter(|&i| name_match(pname, &gs[i].0))
                .collect();
            if h.is_empty() {
                sp.fp += 1;
                notes.push(format!("{name}: false speaker {pname:?}"));
                continue;
            }
            if !h.iter().all(|&i| gs[i].1) {
                sp.tp += 1;
            }
            hit.extend(h);
        }
        for (i, (names, opt)) in gs.iter().enumerate() {
            if !hit.contains(&i) && !opt {
                sp.fn_ += 1;
                notes.push(format!("{name}: missed speaker {:?}", names[0]));
            }
        }
    } else {
        // Span gold: distinct source spans against the gold speakers' spans.
        let mut gspans: Vec<Range> = array(g, "speakers")
            .iter()
            .map(|s| required_span(s, "gold speaker"))
            .collect();
        dedup(&mut gspans);
        let mut pspans: Vec<Range> = pcl
            .iter()
            .filter_map(|c| span_of(c.get("source")))
            .filter(|&s| !disc.iter().any(|&d| overlaps(s, d)))
            .collect();
        dedup(&mut pspans);
        for &s in &pspans {
            if gspans.iter().any(|&q| overlaps(s, q)) {
                sp.tp += 1;
            } else {
                sp.fp += 1;
            }
        }
        sp.fn_ += gspans
            .iter()
            .filter(|&&q| !pspans.iter().any(|&s| overlaps(s, q)))
            .count();
    }
}

/// Set semantics for spans (Python builds sets of tuples).
fn dedup(spans: &mut Vec<Range>) {
    let mut seen: Vec<Range> = Vec::with_capacity(spans.len());
    spans.retain(|s| {
        let new = !seen.contains(s);
        if new {
            seen.push(*s);
        }
        new
    });
}

fn score_numbers(
    name: &str,
    g: &Value,
    p: &Value,
    nu: &mut Counts,
    values: &mut usize,
    values_right: &mut usize,
    notes: &mut Vec<String>,
) {
    let gnu = array(g, "numbers");
    let gspans: Vec<Range> = gnu
        .iter()
        .map(|n| required_span(n, "gold number"))
        .collect();
    let mut used = vec![false; gnu.len()];
    for pn in array(p, "numbers") {
        let ps = required_span(pn, "number");
        let Some(i) = (0..gnu.len()).find(|&i| !used[i] && overlaps(ps, gspans[i])) else {
            nu.fp += 1;
            notes.push(format!(
                "{name}: false number {:?} ({} {})",
                text_of(pn),
                pn.get("kind").unwrap_or(&Value::Null),
                pn.get("value").unwrap_or(&Value::Null)
            ));
            continue;
        };
        used[i] = true;
        let gn = &gnu[i];
        if optional(gn) {
            continue;
        }
        nu.tp += 1;
        let Some(want) = gn.get("value").filter(|v| !v.is_null()) else {
            continue;
        };
        *values += 1;
        // Python's `isinstance(v, (int, float))` admits booleans as 0 and 1.
        let got = match pn.get("value") {
            Some(Value::Bool(b)) => Some(f64::from(u8::from(*b))),
            Some(v) => v.as_f64(),
            None => None,
        };
        let right = match (got, want.as_f64()) {
            (Some(v), Some(w)) => (v - w).abs() <= 1e-6 * w.abs().max(1.0),
            _ => false,
        };
        if right {
            *values_right += 1;
        } else {
            notes.push(format!(
                "{name}: number {:?} valued {:?}, gold {want}",
                text_of(pn),
                pn.get("value")
            ));
        }
    }
    for (i, gn) in gnu.iter().enumerate() {
        if !used[i] && !optional(gn) {
            nu.fn_ += 1;
            notes.push(format!("{name}: missed number {:?}", text_of(gn)));
        }
    }
}

/// The text `score.py` prints, line for line.
impl fmt::Display for Report {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let t = |x: Prf| format!("P={:.2} R={:.2} F1={:.2}", x.p, x.r, x.f1);
        writeln!(
            f,
            "articles={} (no output for {})",
            self.articles, self.missing_articles
        )?;
        writeln!(f, "speakers              {}", t(self.speakers))?;
        writeln!(
            f,
            "claims (Jaccard>=0.5) {}   @0.3 F1={:.2}  @0.8 F1={:.2}",
            t(self.claims),
            self.claims_at_03.f1,
            self.claims_at_08.f1
        )?;
        writeln!(
            f,
            "claims+speaker        {}   attribution acc on found={:.2}",
            t(self.claims_attributed),
            self.attribution_acc
        )?;
        let kinds: Vec<String> = self
            .claim_recall_by_kind
            .iter()
            .map(|(k, v)| format!("{k}={v:.2}"))
            .collect();
        writeln!(f, "claim recall by kind  {}", kinds.join("  "))?;
        if self.has_numbers {
            writeln!(
                f,
                "numbers               {}   value acc={:.2}",
                t(self.numbers),
                self.number_value_acc
            )?;
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests;
