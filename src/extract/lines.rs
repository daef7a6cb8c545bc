//! Claims shaped by whole lines: headlines and transcript turns (`Name: statement`), and
//! embedded posts and signed quotes (`text — Name (@handle) Date`).

use super::candidate::{Candidate, Inherit, rank, trim};
use super::doc::Doc;
use super::lexicon::{Form, class, cue};
use super::np::{self, Np, NpKind};
use super::{ClaimClass, ClaimKind};
use crate::text::tokens::TokenKind;

/// Adds line-shaped candidates to `out`.
pub(crate) fn candidates(doc: &Doc, out: &mut Vec<Candidate>) {
    let mut start = 0;
    let n = doc.len();
    let mut previous: Option<(usize, usize)> = None;
    while start < n {
        let mut end = start;
        while end < n && !is_line_break(doc, end) {
            end += 1;
        }
        if end > start {
            if let Some(c) = labelled(doc, start, end) {
                out.push(c);
            } else if let Some(c) = signed(doc, start, end) {
                out.push(c);
            } else if let Some((a, b)) = previous
                && let Some(c) = signature_line(doc, start, end, a, b)
            {
                out.push(c);
            }
            previous = Some((start, end));
        }
        start = end + 1;
    }
}

/// `— Jane Doe, Springfield` on a line of its own signs the paragraph before it (a letter
/// to the editor, a statement), unless that paragraph reports someone else's words.
fn signature_line(
    doc: &Doc,
    start: usize,
    end: usize,
    para: usize,
    para_end: usize,
) -> Option<Candidate> {
    if doc.kind(start) != Some(TokenKind::Dash) {
        return None;
    }
    let name_end = (start + 1..end)
        .find(|&k| doc.is_punct(k, ',') || doc.is_punct(k, '.'))
        .unwrap_or(end);
    let source = signer(doc, start + 1, name_end)?;
    // `— White House Correspondent Julie Pace` credits the journalist who wrote the item.
    let journalist = (start + 1..name_end).any(|k| {
        doc.word_among(
            k,
            &[
                "correspondent",
                "correspondents",
                "reporter",
                "reporters",
                "writer",
                "writers",
                "editor",
                "producer",
                "columnist",
                "contributor",
                "staff",
                "bureau",
            ],
        )
    });
    if journalist {
        return None;
    }
    // After the name, only a place or an affiliation: `, Springfield`, `, Ohio.`
    let rest_ok =
        (name_end..end).all(|k| !doc.is_word(k) || doc.is_cap(k) || doc.is(k, class::CONNECTOR));
    let (first, last) = trim(doc, para, para_end);
    if !rest_ok || doc.words_in(first, last) < 8 || reports(doc, first, last) {
        return None;
    }
    Some(Candidate {
        first,
        end: last,
        fragments: Vec::new(),
        kind: ClaimKind::Direct,
        source: Some(source),
        cue: Some((start, start + 1)),
        inherit: Inherit::No,
        class: ClaimClass::Speech,
        rank: rank::LINE,
    })
}

/// The signer after a dash: a name, with its title split off (`Mayor Ann Lee`).
fn signer(doc: &Doc, first: usize, end: usize) -> Option<Np> {
    let np = np::starting_at(doc, first, end)?;
    (matches!(np.kind, NpKind::Person | NpKind::Org) && np.end == end).then_some(np)
}

/// Does `first..end` report a third person's words outside quotes (`Rajoy said …`)? Then
/// a dash and a name after it are a byline, not a signature; `Nobody asked us` is a post.
fn reports(doc: &Doc, first: usize, end: usize) -> bool {
    (first + 1..end).any(|k| {
        let l = doc.lex(k);
        // The cheap tests first: the subject is looked for only before a reporting verb.
        let third_person = || {
            np::ending_at(doc, k - 1, first).is_some_and(|np| {
                np.is_named()
                    || np.kind == NpKind::Pronoun
                        && doc.word_among(np.first, &["he", "she", "they"])
            })
        };
        !doc.in_quote(k)
            && doc.is_lower(k)
            && l.cue_has(cue::SPEECH)
            && !l.is(class::NOUN_FORM)
            && matches!(l.form, Form::Past | Form::Present3)
            && third_person()
    })
}

fn is_line_break(doc: &Doc, i: usize) -> bool {
    doc.is_break(i)
}

/// `Wang Yi: China-Latin America Cooperation Is …` (a headline) or `"PENCE: Well, …`
/// (a transcript turn). The label is a short name; the line is a headline (no more than
/// 30 words) or the label is in capitals.
fn labelled(doc: &Doc, start: usize, end: usize) -> Option<Candidate> {
    let mut i = start;
    if doc.is_quote(i) {
        i += 1;
    }
    // `EXCLUSIVE – Roger Stone: …`: a tag before a dash is the outlet's, not the label.
    if doc.word_among(
        i,
        &[
            "exclusive",
            "breaking",
            "watch",
            "video",
            "update",
            "analysis",
        ],
    ) && doc.kind(i + 1) == Some(TokenKind::Dash)
    {
        i += 2;
    }
    let name_first = i;
    let about = |k: usize| doc.word_among(k, &["on", "to", "at"]);
    // (`Rep. Trey Gowdy (R-S.C.):`: a title's dot and a bracketed affiliation belong to
    // the name; `Clinton camp:`, `WSJ editorial:` end in a noun for who speaks.)
    while i < end
        && i - name_first < 6
        && (doc.is_cap(i) || i > name_first && np::abbreviation_dot(doc, i))
        && !(i > name_first && about(i))
    {
        i += 1;
    }
    if i > name_first
        && doc.is_punct(i, '(')
        && let Some(close) = (i + 1..end.min(i + 8)).find(|&k| doc.is_punct(k, ')'))
    {
        i = close + 1;
    }
    while i > name_first
        && i < end
        && i - name_first < 6
        && doc.is_lower(i)
        && doc.word_among(
            i,
            &[
                "camp",
                "campaign",
                "editorial",
                "aides",
                "allies",
                "spokesman",
                "spokeswoman",
            ],
        )
    {
        i += 1;
    }
    // `CNN President On Trump: …`, `Obama To Asians Worried About U.S. Election: …`: the
    // speaker, then what the headline is about.
    let mut colon = i;
    if i > name_first && about(i) {
        colon = (i + 1..end.min(i + 8))
            .find(|&k| doc.is_punct(k, ':'))
            .unwrap_or(i);
    }
    if colon == name_first || !doc.is_punct(colon, ':') {
        return None;
    }
    let label_end = i;
    // `Said Maria Lopez: "…"`: an inverted attribution, not a label.
    if doc.is(name_first, class::CUE) {
        return None;
    }
    if (name_first..label_end).any(|k| doc.is(k, class::NOT_NAME | class::DETERMINER)) {
        return None;
    }
    let label = doc.span(name_first, label_end).slice(doc.text);
    if is_editorial_label(label) {
        return None;
    }
    // `Julian Assange: Sweden drops investigation`: a topic, then news about it — a
    // place or an institution acting is not the label's words.
    let rest = colon + 1;
    // (`Lewandowski: FBI director acted as …` names a person, not the FBI acting.)
    // (In title case too: `Julian Assange: Sweden Drops Rape Investigation`, a verb in
    // the present tense after the place.)
    let verb_after = |k: usize| {
        let w = doc.word(k);
        doc.is_lower(k)
            || doc.is_cap(k)
                && w.len() > 3
                && w.ends_with('s')
                && !doc.is(k, class::PLACE | class::ORG_HEAD | class::NOT_NAME)
    };
    if doc.is_cap(rest)
        && (doc.is(rest, class::PLACE) || doc.is(rest, class::ORG_HEAD))
        && verb_after(rest + 1)
        && !doc.is(rest + 1, class::BETWEEN | class::ROLE_NOUN | class::TITLE)
    {
        return None;
    }
    let all_caps = (name_first..label_end).all(|k| {
        doc.tok(k)
            .is_some_and(|t| t.has(crate::text::tokens::shape::ALL_CAPS))
    });
    let words = doc.words_in(colon, end);
    let headline = words <= 30 && !ends_with_stop(doc, colon, end);
    if !(all_caps || headline) || words < 2 {
        return None;
    }
    let single = label_end - name_first == 1;
    let kind = if single && doc.is(name_first, class::PLACE) {
        return None;
    } else if (name_first..label_end).all(|k| doc.is(k, class::TITLE)) {
        // `Minister: …` names a role; coreference finds who holds it.
        NpKind::Nominal
    } else if all_caps || !single || doc.is_cap(name_first) {
        NpKind::Person
    } else {
        NpKind::Nominal
    };
    let (first, last) = trim(doc, colon + 1, end);
    // A transcript turn inside a running quote: drop an unpaired closing mark.
    Some(Candidate {
        first,
        end: last,
        fragments: Vec::new(),
        kind: if all_caps && !headline {
            ClaimKind::Direct
        } else {
            ClaimKind::Headline
        },
        // (`Rep. Trey Gowdy (R-S.C.)`: the name inside, its title and affiliation a role.)
        source: Some(
            np::starting_at(doc, name_first, label_end)
                .filter(|np| np.end == label_end && np.kind == NpKind::Person)
                .unwrap_or(Np {
                    first: name_first,
                    end: label_end,
                    name: (name_first, label_end),
                    role: None,
                    kind,
                }),
        ),
        cue: Some((colon, colon + 1)),
        inherit: Inherit::No,
        class: ClaimClass::Speech,
        rank: rank::LINE,
    })
}

/// Labels that introduce notes, not speakers.
fn is_editorial_label(label: &str) -> bool {
    const LABELS: &[&str] = &[
        "note",
        "update",
        "updated",
        "photo",
        "photos",
        "source",
        "sources",
        "related",
        "read",
        "watch",
        "video",
        "editor",
        "correction",
        "disclaimer",
        "tags",
        "share",
        "see",
        "listen",
        "image",
        "images",
        "credit",
        "caption",
        "summary",
        "background",
        "q",
        "a",
        "faq",
        "breaking",
        "busted",
        "developing",
        "alert",
        "flashback",
        "bombshell",
        "leaked",
        "revealed",
        "confirmed",
        "shocking",
        "exposed",
        "caught",
        "wow",
        "boom",
        "urgent",
        "explainer",
        "factcheck",
        "transcript",
        "podcast",
        "contributing",
        "reporting",
        "exclusive",
        "analysis",
        "opinion",
        "live",
        "contact",
        "email",
        "follow",
        "subscribe",
        "advertisement",
        "published",
        "posted",
        "by",
        "filed",
    ];
    let lower = label.to_ascii_lowercase();
    let first = lower.split_whitespace().next().unwrap_or("");
    // `Delegate Update:`, `Campaign Live:`: the label's last word tells too.
    let last = lower.split_whitespace().last().unwrap_or("");
    LABELS.contains(&first) || LABELS.contains(&last) || lower.starts_with("editor")
}

/// Does the line end like running prose (a final period after many words)?
fn ends_with_stop(doc: &Doc, from: usize, end: usize) -> bool {
    let sentences = (from..end)
        .filter(|&k| doc.is_punct(k, '.') || doc.is_punct(k, '?') || doc.is_punct(k, '!'))
        .count();
    sentences >= 2
}

/// `… — Carlos Martinez (@agent_of_change) March 2, 2022` · `“…” ― Sonya Herridge`.
fn signed(doc: &Doc, start: usize, end: usize) -> Option<Candidate> {
    // The last dash of the line, followed by a short name.
    let dash = (start..end)
        .rev()
        .find(|&k| doc.kind(k) == Some(TokenKind::Dash))?;
    let mut i = dash + 1;
    let name_first = i;
    while i < end && i - name_first < 4 && doc.is_cap(i) {
        i += 1;
    }
    let name_end = i;
    if name_end == name_first || doc.is(name_first, class::NOT_NAME | class::DETERMINER) {
        return None;
    }
    if reports(doc, start, dash) {
        return None;
    }
    // What may follow the name: a handle in brackets, a date, a period.
    let rest_ok = (name_end..end).all(|k| {
        matches!(
            doc.kind(k),
            Some(TokenKind::Number | TokenKind::Punct | TokenKind::Word)
        ) && (!doc.is_word(k) || doc.is(k, class::TIME) || k > 0 && doc.is_punct(k - 1, '@'))
    });
    if !rest_ok {
        return None;
    }
    // The signed text: a quote, or a post of several words; links at its end dropped.
    let mut text_end = dash;
    while text_end > start
        && let Some(link_start) = link_start(doc, text_end - 1)
    {
        // Every token of the link at once: walking back token by token would rescan it.
        while text_end > start
            && doc
                .tok(text_end - 1)
                .is_some_and(|t| t.start as usize >= link_start)
        {
            text_end -= 1;
        }
    }
    // The post's own words, final stop included.
    let (first, mut last) = trim(doc, start, text_end);
    if doc.is_punct(last, '.') || doc.is_punct(last, '!') || doc.is_punct(last, '?') {
        last += 1;
    }
    let (first, last) = strip_marks(doc, first, last);
    let words = doc.words_in(first, last);
    if words < 4 {
        return None;
    }
    let handle = (name_end..end).find(|&k| doc.is_punct(k, '@'));
    Some(Candidate {
        first,
        end: last,
        fragments: Vec::new(),
        kind: ClaimKind::Direct,
        source: Some(match signer(doc, name_first, name_end) {
            Some(np) if handle.is_none() => np,
            _ => Np {
                first: name_first,
                end: name_end,
                name: (name_first, name_end),
                role: handle.map(|h| (h, h + 2)),
                kind: NpKind::Person,
            },
        }),
        cue: Some((dash, dash + 1)),
        inherit: Inherit::No,
        class: ClaimClass::Speech,
        rank: rank::LINE,
    })
}

/// Strips one pair of enclosing quotation marks.
fn strip_marks(doc: &Doc, first: usize, end: usize) -> (usize, usize) {
    if end > first + 1 && doc.is_quote(first) && doc.is_quote(end - 1) {
        (first + 1, end - 1)
    } else {
        (first, end)
    }
}

/// Where the URL holding token `i` starts (`https://t.co/GfMU7tCfjr`, `pic.twitter.com/x`),
/// or `None` when the token is not part of one.
fn link_start(doc: &Doc, i: usize) -> Option<usize> {
    // A URL has no spaces inside, so look at the whitespace-free run holding the token.
    let t = doc.tok(i)?;
    let text = doc.text;
    let end = t.end as usize;
    let s = text
        .get(..t.start as usize)?
        .rfind(|c: char| c.is_whitespace())
        .map_or(0, |w| {
            w + text[w..].chars().next().map_or(1, char::len_utf8)
        });
    let run = text.get(s..end)?;
    (run.starts_with("http") || run.starts_with("pic.twitter") || run.starts_with("www."))
        .then_some(s)
}
