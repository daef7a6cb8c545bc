//! The text a reader sees of a speaker: the display name, the role (titles, affiliation,
//! appositive), and the titles a role holds (`Sen.` is a senator).

use super::super::doc::Doc;
use super::super::lexicon::class;
use super::super::np::{self, Np, NpKind};

/// Whether a mention can give a role at all: a title or appositive, words before the name
/// or an affiliation after it.
pub(super) fn may_have_role(np: &Np) -> bool {
    np.role.is_some() || np.first < np.name.0 || np.name.1 < np.end
}

/// The role a mention gives, as noun phrases the text gives: its titles (`Rep.`), an
/// affiliation after the name (`of Maryland`, `(R-Ga.)`) and an appositive (`a Republican`
/// of `Kasich, a Republican who has refused …`), never the clause that follows them.
pub(super) fn role_of(doc: &Doc, np: &Np) -> Option<String> {
    let mut parts = Vec::new();
    let titled = np.role.filter(|&(a, b)| b <= np.name.0 && a >= np.first);
    if let Some(r) = titled {
        parts.push(text_of(doc, r));
    } else if np.kind == NpKind::Person && np.first < np.name.0 {
        let from = if doc.is(np.first, class::DETERMINER) {
            np.first + 1
        } else {
            np.first
        };
        if from < np.name.0 {
            parts.push(text_of(doc, (from, np.name.0)));
        }
    }
    // (`The president, speaking at a rally in Ohio, said`: a participle's phrase tells what
    // the speaker was doing, not who they are.)
    // (But `retired Air Force general` is one.)
    let participle = |a: usize| {
        let w = doc.word(a);
        let past = w.len() > 4 && w.ends_with("ed") || matches!(w, "known" | "born" | "seen");
        let n = a + 1;
        let adjunct_after = !doc.is_word(n)
            || doc.is_lower(n) && doc.is(n, class::PREPOSITION | class::TIME | class::BETWEEN)
            || doc.is(n, class::TIME);
        // (`Ms. Ruiz, asked whether she would run, said`: a verb of report's participle.)
        let reporting = doc.lex(a).form == super::super::lexicon::Form::Past
            && doc.is(a, class::CUE)
            && !doc.is(a, class::NOUN_FORM);
        doc.is_lower(a) && (w.len() > 4 && w.ends_with("ing") || past && adjunct_after || reporting)
    };
    if np.name.1 < np.end
        && np.role.is_none_or(|(a, b)| b <= np.name.1 || a >= np.end)
        && !participle(np.name.1)
    {
        parts.push(text_of(doc, (np.name.1, np.end)));
    }
    if let Some((a, b)) = np
        .role
        .filter(|&(a, _)| (a >= np.end || a >= np.name.1) && !participle(a))
    {
        // The appositive up to a relative pronoun or a verb: a noun phrase, not a clause.
        let cut = (a + 1..b)
            .find(|&k| {
                // (A cue that is also a noun is the noun here: `in five states`.)
                doc.is_lower(k)
                    && (doc.is(k, class::RELATIVE | class::BE)
                        || doc.is(k, class::CUE) && !doc.is(k, class::NOUN_FORM)
                        || doc.word_is(k, "that"))
            })
            .unwrap_or(b);
        let mut cut = cut.min(a + 20);
        // Never end on a function word (`… Studies at the`).
        while cut > a + 1
            && (doc.is_lower(cut - 1) && np::is_function_word(doc, cut - 1)
                || doc.is(cut - 1, class::DETERMINER) && doc.is_lower(cut - 1))
        {
            cut -= 1;
        }
        parts.push(text_of(doc, (a, cut)));
    }
    // (`John Bolton and` before `Sebastian Gorka` is another name, not a role.)
    parts.retain(|p| {
        let last = p.rsplit(' ').next().unwrap_or("");
        !p.is_empty() && !matches!(last, "and" | "or" | "&")
    });
    (!parts.is_empty()).then(|| parts.join(", "))
}

/// The name a reader sees: the name without a possessive ending (`Clinton’s` in
/// `Clinton’s claim`), and a description without what follows its head (`a senior
/// official who spoke on condition of anonymity` is `senior official`).
pub(super) fn display_name(doc: &Doc, np: &Np) -> String {
    let (a, mut b) = np.name;
    // A share (`one in five`) is whole only with its preposition.
    let share = b > a && crate::extract::np::share_ending_at(doc, b - 1, a).is_some();
    // `lawyer for Mr. Cohen`: a description whose phrase tells whom the person speaks for
    // is shown whole (see `subject::attached_at`).
    let speaks_for = np.kind == NpKind::Nominal && np.role.is_some_and(|(r, _)| r > a && r < b);
    if !share
        && !speaks_for
        && (np.kind == NpKind::Nominal || np.kind == NpKind::Org && doc.is_lower(a))
    {
        // A cue that is also a noun (`report`) may head the description.
        let cut = (a + 1..b).find(|&k| {
            doc.is_lower(k)
                && (doc.is(k, class::PREPOSITION | class::RELATIVE)
                    || doc.is(k, class::CUE) && !doc.is(k, class::NOUN_FORM)
                    || doc.word_is(k, "that"))
        });
        if let Some(k) = cut {
            b = k;
        }
        b = b.min(a + 6);
    }
    if speaks_for {
        b = b.min(a + 7);
    }
    let text = text_of(doc, (a, b));
    text.strip_suffix("'s")
        .or_else(|| text.strip_suffix("’s"))
        .or_else(|| text.strip_suffix('\''))
        .or_else(|| text.strip_suffix('’'))
        .map_or(text.clone(), str::to_owned)
}

pub(super) fn text_of(doc: &Doc, range: (usize, usize)) -> String {
    doc.span(range.0, range.1)
        .slice(doc.text)
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}

/// The role word a description's head is looked up by (`FM` → `minister`).
pub(super) fn role_key(head: &str) -> &str {
    match head {
        "fm" | "pm" => "minister",
        h => h,
    }
}

/// Does a person's role end with this description's head (`spokesperson`, `FM`)?
pub(super) fn role_matches(role: Option<&str>, head: Option<&str>) -> bool {
    let (Some(role), Some(head)) = (role, head) else {
        return false;
    };
    let role = expand_titles(&role.to_lowercase());
    let head = match head {
        "fm" => "foreign minister",
        "pm" => "prime minister",
        h => h,
    };
    let holds = role.ends_with(head)
        || role.contains(&format!("{head} of"))
        || role.contains(&format!("{head},"));
    // A shadow chancellor or a former minister is not "the chancellor" or "the minister".
    let qualified = role
        .split(head)
        .next()
        .and_then(|before| before.split_whitespace().last())
        .is_some_and(|w| {
            matches!(
                w,
                "shadow" | "former" | "ex" | "deputy" | "vice" | "assistant" | "junior" | "late"
            )
        });
    holds && !qualified
}

/// A role with its abbreviated titles written out (`Sen.` → `senator`), so that `the
/// senator` finds `Sen. Ted Cruz`.
pub(super) fn expand_titles(role: &str) -> String {
    role.split_whitespace()
        .map(|w| {
            let bare = w.trim_end_matches([',', '.']);
            match expand_title(bare) {
                Some(full) => format!("{full}{}", w.get(bare.len()..).unwrap_or("")),
                None => w.to_owned(),
            }
        })
        .collect::<Vec<_>>()
        .join(" ")
}

/// The title an abbreviation stands for (`sen` → `senator`), lowercase.
pub(super) fn expand_title(abbreviation: &str) -> Option<&'static str> {
    Some(match abbreviation {
        "sen" => "senator",
        "rep" => "representative",
        "gov" => "governor",
        "gen" => "general",
        "pres" => "president",
        "sec" => "secretary",
        "lt" => "lieutenant",
        "atty" => "attorney",
        "col" => "colonel",
        "capt" => "captain",
        "sgt" => "sergeant",
        "supt" => "superintendent",
        "del" => "delegate",
        _ => return None,
    })
}
