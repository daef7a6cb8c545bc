//! A reporting verb in the infinitive (`went on to say …`, `led Priebus to declare …`,
//! `enough for him to claim …`): who speaks is not right before the verb but whoever
//! controls the infinitive — the subject of a verb of continuing or trying, or the object
//! of a verb of causing.

use super::doc::Doc;
use super::lexicon::class;
use super::np::{self, Np, NpKind};
use super::subject::subject_before;
use crate::text::tokens::TokenKind;

/// Verbs that make their object do something (`prompted Cooper to accuse …`, `leaving many
/// to wonder …`) and are not reporting verbs themselves: a reporting verb (`urged`,
/// `asked`) makes its own claim of the whole.
const CAUSATIVES: &[&str] = &[
    "led",
    "lead",
    "leads",
    "leading",
    "prompted",
    "prompt",
    "prompts",
    "prompting",
    "forced",
    "force",
    "forces",
    "forcing",
    "allowed",
    "allow",
    "allows",
    "allowing",
    "enabled",
    "enable",
    "enables",
    "caused",
    "cause",
    "causes",
    "inspired",
    "inspire",
    "inspires",
    "spurred",
    "spur",
    "spurs",
    "compelled",
    "compel",
    "compels",
    "persuaded",
    "persuade",
    "convinced",
    "convince",
    "leaving",
    "left",
    "brought",
    "bring",
    "brings",
    "got",
    "get",
    "gets",
    "drove",
    "drive",
    "drives",
    "pushed",
    "push",
    "pushes",
];

/// Verbs whose subject does what the infinitive says (`went on to say`, `tried to argue`),
/// and are not reporting verbs themselves.
const CONTINUING: &[&str] = &[
    "continued",
    "continue",
    "continues",
    "continuing",
    "tried",
    "try",
    "tries",
    "trying",
    "attempted",
    "attempt",
    "attempts",
    "failed",
    "fail",
    "fails",
    "began",
    "begin",
    "begins",
    "beginning",
    "begun",
    "started",
    "start",
    "starts",
    "used",
    "tended",
    "tend",
    "tends",
    "proceeded",
    "proceed",
    "proceeds",
    "rushed",
    "rush",
    "rushes",
    "hastened",
    "moved",
    "managed",
    "manage",
    "manages",
    "bothered",
    "dared",
    // `seemed to think`, `appears to believe`: the subject's own belief.
    "seem",
    "seems",
    "seemed",
    "appear",
    "appears",
    "appeared",
];

/// Adjectives after `be` that pass their subject to an infinitive (`are more likely to
/// say`, `was quick to point out`).
const CONTROL_ADJECTIVES: &[&str] = &[
    "likely",
    "unlikely",
    "quick",
    "quicker",
    "eager",
    "ready",
    "willing",
    "unwilling",
    "careful",
    "reluctant",
    "able",
    "unable",
    "keen",
    "loath",
    "set",
    "poised",
    "first",
    "last",
    "free",
    "prepared",
    "happy",
    "glad",
    "determined",
    "anxious",
    "desperate",
    "hesitant",
    "slow",
];

/// Words a control group may hold between the subject and its last word (`are generally
/// more likely`, `would go on`).
const DEGREE: &[&str] = &[
    "more", "less", "most", "least", "so", "too", "very", "the", "far",
];

/// Who speaks through the infinitive marker `to` at `to`, for a reporting verb right
/// after it; `None` when nothing controls it (`It is hard to say`, `in order to show`).
pub(crate) fn controller(doc: &Doc, to: usize, first: usize) -> Option<Np> {
    let prev = to.checked_sub(1).filter(|&p| p >= first)?;
    if let Some(np) = caused(doc, prev, first) {
        return Some(np);
    }
    if let Some(start) = control_group(doc, prev, first) {
        // `Sanders said, going on to say that …`: a participle after a comma speaks for
        // its clause's subject.
        if start > first && doc.is_punct(start - 1, ',') && doc.word(start).ends_with("ing") {
            // (`"…," Sanders said, going on to say …`: the attribution before the comma.)
            let before = start - 1;
            let attribution = (before > first && doc.is(before - 1, class::CUE))
                .then(|| subject_before(doc, before - 1, first))
                .flatten();
            return attribution
                .or_else(|| crate::extract::subject::sentence_subject(doc, first, before))
                .filter(|np| !is_expletive(doc, np) && np.kind != NpKind::Place);
        }
        return subject_before(doc, start, first).filter(|np| !is_expletive(doc, np));
    }
    purpose(doc, to, first)
}

/// Verbs of an act done in order to speak: `took to Twitter to blast …`, `held a news
/// conference to announce …`, `gathered Friday to discuss …`.
const OCCASIONS: &[&str] = &[
    "took",
    "takes",
    "held",
    "holds",
    "called",
    "calls",
    "gathered",
    "gather",
    "met",
    "meet",
    "convened",
    "went",
    "came",
    "returned",
    "traveled",
    "travelled",
    "flew",
    "appeared",
    "stopped",
    "visited",
    "arrived",
    "rallied",
    "headed",
    "turned",
    "used",
    "uses",
    // `never missed an opportunity to remind …`, `seized the chance to attack …`.
    "missed",
    "seized",
    "grabbed",
    "relished",
];

/// An infinitive of purpose after an occasion (`Sanders took the stage to acknowledge his
/// victory`): the clause's subject speaks, when it is a person, a group or a pronoun and
/// the occasion's verb follows it directly.
fn purpose(doc: &Doc, to: usize, first: usize) -> Option<Np> {
    let lowest = first.max(to.saturating_sub(10));
    let verb = (lowest..to)
        .rev()
        .find(|&k| doc.is_lower(k) && doc.word_among(k, OCCASIONS))?;
    // Nothing between the occasion and `to` that starts a clause of its own.
    let plain = (verb + 1..to).all(|k| {
        (doc.is_word(k) || doc.kind(k) == Some(TokenKind::Number))
            && !(doc.is_lower(k)
                && doc.is(
                    k,
                    class::CUE | class::RELATIVE | class::SUBORDINATE | class::BE,
                ))
    });
    if !plain {
        return None;
    }
    subject_before(doc, verb, first).filter(|np| {
        let people = matches!(np.kind, NpKind::Person | NpKind::Org | NpKind::Pronoun)
            || np.kind == NpKind::Nominal
                && (np.name.0..np.name.1).any(|k| doc.is(k, class::ROLE_NOUN));
        people && !is_expletive(doc, np)
    })
}

/// `led Priebus to declare`, `for him to claim`: the noun phrase ending at `last`, after a
/// verb of causing or `for`.
fn caused(doc: &Doc, last: usize, first: usize) -> Option<Np> {
    let np = np::ending_at(doc, last, first)
        .or_else(|| np::generic_ending_at(doc, last, first))
        .filter(|np| np.end == last + 1 && np.kind != NpKind::Place)?;
    let before = np.first.checked_sub(1).filter(|&b| b >= first)?;
    let introduced =
        doc.is_lower(before) && (doc.word_is(before, "for") || doc.word_among(before, CAUSATIVES));
    (introduced && !is_expletive(doc, &np)).then_some(np)
}

/// The first token of a control group ending at `last` (`went on`, `tried`, `are more
/// likely`), whose subject speaks; `None` when `last` ends none.
fn control_group(doc: &Doc, last: usize, first: usize) -> Option<usize> {
    if !doc.is_lower(last) {
        return None;
    }
    // `went on to say`, `would go on to argue`
    if doc.word_is(last, "on") {
        let verb = last.checked_sub(1).filter(|&v| v >= first)?;
        return doc
            .word_among(verb, &["went", "go", "goes", "going", "gone"])
            .then_some(verb);
    }
    if doc.word_among(last, CONTINUING) {
        return Some(last);
    }
    if !doc.word_among(last, CONTROL_ADJECTIVES) {
        return None;
    }
    // The adjective needs its copula: `are generally more likely`, `was quick`.
    let mut k = last;
    while k > first {
        let prev = k - 1;
        if doc.is(prev, class::BE) && doc.is_lower(prev) {
            return Some(prev);
        }
        let degree = doc.is_lower(prev) && (doc.is_between(prev) || doc.word_among(prev, DEGREE));
        if !degree || last - prev > 4 {
            return None;
        }
        k = prev;
    }
    None
}

/// `It is likely to say …`, `there`: no one speaks.
fn is_expletive(doc: &Doc, np: &Np) -> bool {
    np.end == np.first + 1 && doc.word_among(np.first, &["it", "there", "this", "that"])
}
