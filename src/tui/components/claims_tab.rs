//! How claims read in the Claims tab and the speakers index: grouped by speaker, only the
//! classes shown, each with its class at the right edge.

use ratatui::style::Style;
use ratatui::text::Span as TextSpan;

use crate::annotate::corrections;
use crate::extract::{Claim, Extraction};
use crate::text::wrap::str_width;
use crate::tui::annotations::Placed;
use crate::tui::classes::ClassFilter;
use crate::tui::component::truncate;
use crate::tui::theme::Theme;

/// The shown claims of `x` by speaker: one group per speaker with a shown claim, in
/// speaker order, then the unattributed claims (`None`); `only` keeps one speaker's group.
pub fn groups(
    x: &Extraction,
    only: Option<usize>,
    classes: ClassFilter,
) -> Vec<(Option<usize>, Vec<usize>)> {
    let mut by_speaker: Vec<Vec<usize>> = vec![Vec::new(); x.speakers.len()];
    let mut unattributed = Vec::new();
    // One pass over the claims: a filter per speaker would be quadratic.
    for (i, c) in x.claims.iter().enumerate() {
        if !classes.shows(c.class) {
            continue;
        }
        match c.speaker.and_then(|s| by_speaker.get_mut(s)) {
            Some(list) => list.push(i),
            None => unattributed.push(i),
        }
    }
    by_speaker
        .into_iter()
        .enumerate()
        .map(|(s, claims)| (Some(s), claims))
        .chain([(None, unattributed)])
        .filter(|(g, claims)| !claims.is_empty() && (only.is_none() || *g == only))
        .collect()
}

/// Marks a row the reader corrected by hand (in place of its indent).
pub const CORRECTED: &str = "✎ ";

/// Whether the reader gave the claim on `span` to a speaker by hand.
pub fn given_by_hand(placed: Option<&Placed>, span: crate::extract::Span) -> bool {
    placed.is_some_and(|p| {
        p.notes.iter().any(|n| {
            n.span
                .is_some_and(|s| s.start < span.end && span.start < s.end)
                && corrections::of(&n.annotation).is_some_and(|c| c.speaker.is_some())
        })
    })
}

/// The names the reader renamed (or merged) into `name` in this article.
pub fn renamed_from(placed: Option<&Placed>, name: &str) -> Vec<String> {
    let Some(p) = placed else {
        return Vec::new();
    };
    p.notes
        .iter()
        .filter(|n| {
            corrections::of(&n.annotation)
                .and_then(|c| c.rename.as_deref())
                .is_some_and(|to| to.trim().eq_ignore_ascii_case(name))
        })
        .filter_map(|n| n.annotation.speaker.clone())
        .collect()
}

/// The claim's words on one line, cut to leave room for its class, dim at the right edge
/// of `width`.
pub fn snippet_and_class(
    claim: &Claim,
    text: &str,
    width: usize,
    style: Style,
    theme: &Theme,
) -> [TextSpan<'static>; 2] {
    let class = claim.class.as_str();
    let snippet: String = claim
        .span
        .slice(text)
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ");
    // The class needs its width and a space before it; too narrow, the snippet keeps all.
    let room = width.saturating_sub(class.len() + 1);
    if room < 8 {
        return [
            TextSpan::styled(truncate(&snippet, width), style),
            TextSpan::raw(""),
        ];
    }
    let snippet = truncate(&snippet, room);
    let pad = width.saturating_sub(str_width(&snippet) + class.len());
    [
        TextSpan::styled(snippet, style),
        TextSpan::styled(format!("{}{class}", " ".repeat(pad)), theme.dim),
    ]
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::extract::{ClaimClass, ClaimKind, Span, Speaker, SpeakerKind};

    fn claim(start: usize, speaker: Option<usize>, class: ClaimClass) -> Claim {
        Claim {
            span: Span::new(start, start + 1),
            fragments: Vec::new(),
            kind: ClaimKind::Indirect,
            class,
            speaker,
            source: None,
            cue: None,
        }
    }

    fn speaker(name: &str) -> Speaker {
        Speaker {
            name: name.into(),
            role: None,
            kind: SpeakerKind::Person,
            mentions: Vec::new(),
        }
    }

    #[test]
    fn groups_hold_only_shown_classes_and_drop_empty_speakers() {
        let x = Extraction {
            speakers: vec![speaker("Ana"), speaker("Ben")],
            claims: vec![
                claim(0, Some(1), ClaimClass::Speech),
                claim(2, Some(0), ClaimClass::Belief),
                claim(4, None, ClaimClass::Belief),
                claim(6, Some(1), ClaimClass::Evidence),
                claim(8, Some(7), ClaimClass::Speech),
            ],
            numbers: Vec::new(),
        };
        assert_eq!(
            groups(&x, None, ClassFilter::All),
            [
                (Some(0), vec![1]),
                (Some(1), vec![0, 3]),
                (None, vec![2, 4])
            ]
        );
        let beliefs = ClassFilter::Only(ClaimClass::Belief);
        assert_eq!(
            groups(&x, None, beliefs),
            [(Some(0), vec![1]), (None, vec![2])]
        );
        assert_eq!(groups(&x, Some(1), beliefs), []);
        assert_eq!(
            groups(&x, Some(1), ClassFilter::AllBut(ClaimClass::Speech)),
            [(Some(1), vec![3])]
        );
    }

    #[test]
    fn the_class_ends_at_the_right_edge() {
        let text = "The plan works well enough for now.";
        let mut c = claim(0, None, ClaimClass::Evaluation);
        c.span = Span::new(0, text.len());
        let theme = Theme::new(&crate::config::ThemeConfig::default(), false);
        let [snippet, class] = snippet_and_class(&c, text, 30, Style::new(), &theme);
        let line = format!("{}{}", snippet.content, class.content);
        assert_eq!(str_width(&line), 30, "{line:?}");
        assert!(line.ends_with(" evaluation"), "{line:?}");
        assert!(line.starts_with("The plan works"), "{line:?}");
        let [narrow, none] = snippet_and_class(&c, text, 12, Style::new(), &theme);
        assert_eq!(narrow.content, "The plan wo…");
        assert!(none.content.is_empty());
    }
}
