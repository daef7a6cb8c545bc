//! How annotations read on screen: the Notes tab's rows and the one-line summary the
//! reader shows for the annotation under its cursor.

use ratatui::text::{Line, Span as TextSpan};

use crate::annotate::{AnchorStatus, Annotation};
use crate::text::wrap::str_width;
use crate::tui::annotations::PlacedNote;
use crate::tui::component::truncate;
use crate::tui::theme::Theme;

/// Width of the status column.
const STATUS_WIDTH: usize = 9;

/// `#rhetoric #economy · ✎ first line of the note · moved` (the status only when the
/// passage is not where it was annotated).
pub fn summary(a: &Annotation, status: AnchorStatus) -> String {
    let mut parts: Vec<String> = Vec::new();
    if !a.tags.is_empty() {
        parts.push(hashtags(&a.tags));
    }
    if let Some(line) = first_line(&a.note) {
        parts.push(format!("✎ {line}"));
    }
    if parts.is_empty() {
        parts.push("annotated".into());
    }
    if status != AnchorStatus::Exact {
        parts.push(status.as_str().into());
    }
    parts.join(" · ")
}

/// `#a #b`.
pub fn hashtags(tags: &[String]) -> String {
    tags.iter()
        .map(|t| format!("#{t}"))
        .collect::<Vec<_>>()
        .join(" ")
}

/// The note's first non-blank line, with `…` when there is more.
pub fn first_line(note: &str) -> Option<String> {
    let mut lines = note.lines().map(str::trim).filter(|l| !l.is_empty());
    let first = lines.next()?;
    Some(if lines.next().is_some() {
        format!("{first} …")
    } else {
        first.to_owned()
    })
}

/// The passage in one line: the current text where it is placed, else the stored quote.
pub fn quote(note: &PlacedNote, text: &str) -> String {
    let passage = note
        .span
        .map(|s| s.slice(text))
        .filter(|q| !q.is_empty())
        .unwrap_or(&note.annotation.target.exact);
    passage.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// One row of the Notes tab: status, quote, tags, note.
pub fn row(note: &PlacedNote, text: &str, width: usize, theme: &Theme) -> Line<'static> {
    let status_style = match note.status {
        AnchorStatus::Exact => theme.dim,
        AnchorStatus::Moved | AnchorStatus::Fuzzy => theme.info,
        AnchorStatus::Orphaned => theme.error,
    };
    let status = format!("{:<STATUS_WIDTH$}", note.status.as_str());
    let a = &note.annotation;
    let tags = if a.tags.is_empty() {
        String::new()
    } else {
        format!(" {}", hashtags(&a.tags))
    };
    let fixed = crate::annotate::corrections::of(a)
        .map(|c| format!(" ✎ {}", c.describe()))
        .unwrap_or_default();
    let text_note = first_line(&a.note).map_or_else(String::new, |l| format!(" — {l}"));
    let text_note = format!("{fixed}{text_note}");
    let room = width.saturating_sub(STATUS_WIDTH);
    // The quote gets what the tags and note leave, but at least half the row.
    let quote_room = room
        .saturating_sub(str_width(&tags) + str_width(&text_note))
        .max(room / 2);
    let quote = truncate(&format!("“{}”", quote(note, text)), quote_room);
    let tags = truncate(&tags, room.saturating_sub(str_width(&quote)));
    let text_note = truncate(
        &text_note,
        room.saturating_sub(str_width(&quote) + str_width(&tags)),
    );
    Line::from(vec![
        TextSpan::styled(truncate(&status, width), status_style),
        TextSpan::raw(quote),
        TextSpan::styled(tags, theme.tag),
        TextSpan::styled(text_note, theme.dim),
    ])
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::annotate::Timestamp;
    use crate::extract::Span;

    fn note(tags: &[&str], note: &str, status: AnchorStatus) -> PlacedNote {
        let text = "Alpha beta gamma.";
        let mut a = Annotation::on_passage(text, Span::new(6, 10), None, Timestamp::now())
            .expect("valid passage");
        a.tags = tags.iter().map(|t| (*t).to_owned()).collect();
        a.note = note.into();
        PlacedNote {
            annotation: a,
            status,
            span: (status != AnchorStatus::Orphaned).then_some(Span::new(6, 10)),
        }
    }

    #[test]
    fn summaries_say_tags_note_and_placement() {
        let n = note(
            &["rhetoric", "economy"],
            "\nFirst line\nsecond",
            AnchorStatus::Moved,
        );
        assert_eq!(
            summary(&n.annotation, n.status),
            "#rhetoric #economy · ✎ First line … · moved"
        );
        let n = note(&[], "", AnchorStatus::Exact);
        assert_eq!(summary(&n.annotation, n.status), "annotated");
    }

    #[test]
    fn orphaned_rows_show_the_stored_quote() {
        let n = note(&["x"], "why", AnchorStatus::Orphaned);
        let line = row(
            &n,
            "a different text now",
            60,
            &Theme::new(&Default::default(), false),
        );
        let shown: String = line.spans.iter().map(|s| s.content.as_ref()).collect();
        assert!(shown.starts_with("orphaned “beta” #x — why"), "{shown}");
    }
}
