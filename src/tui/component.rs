//! What components share: the drawing context and the effects their event handlers ask
//! the app to carry out (so components never reach into each other).

use ratatui::layout::Rect;

use super::classes::ClassFilter;
use super::keymap::Keymap;
use super::store::Store;
use super::theme::{Pane, Theme};
use crate::config::Layers;

/// Read-only state every component may look at.
pub struct Ctx<'a> {
    pub store: &'a Store,
    pub theme: &'a Theme,
    pub keymap: &'a Keymap,
    pub layers: Layers,
    /// The claim classes shown (the reader's highlights, the Claims tab).
    pub classes: ClassFilter,
    /// Where else the Claims tab's selected claim appears, in a line (`None`: nowhere
    /// else, or not known).
    pub elsewhere: Option<&'a str>,
}

/// How loud a status message is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Level {
    Info,
    Error,
}

/// A transient message for the status bar.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Message {
    pub text: String,
    pub level: Level,
}

impl Message {
    pub fn info(text: impl Into<String>) -> Self {
        Message {
            text: text.into(),
            level: Level::Info,
        }
    }

    pub fn error(text: impl Into<String>) -> Self {
        Message {
            text: text.into(),
            level: Level::Error,
        }
    }
}

/// The line editors the status bar can show.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PromptKind {
    /// Filter the library as you type.
    Filter,
    /// Filter the speakers index as you type.
    SpeakerFilter,
    /// Search the open article.
    Search,
    /// Search the whole library (the search overlay's query).
    LibrarySearch,
    /// Tags of a passage, comma-separated, completed from the library's tags.
    Tag,
    /// A new name for the tag selected in the tag index.
    RenameTag,
    /// Who said the claim at hand (a speaker correction).
    Speaker,
    /// A new name for the speaker selected (a speaker correction).
    RenameSpeaker,
    /// The export format.
    Export,
    /// A folder for changes that could not be saved, when quitting.
    SaveElsewhere,
}

/// What a component asks the app to do after handling an event.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Effect {
    /// Nothing (the component handled it, or ignored it).
    None,
    /// Open an article in the reader and focus the reader.
    Open(usize),
    /// Open an article (if not open) and put the reader's cursor at a byte offset.
    Jump {
        article: usize,
        offset: usize,
        focus_reader: bool,
    },
    /// Move the focus.
    Focus(Pane),
    /// Start a line editor.
    Prompt(PromptKind),
    Message(Message),
    /// Close the overlay that returned it.
    Close,
}

/// The rows of a list that fit in `height`, scrolled so that `selected` is visible.
pub fn visible_window(len: usize, selected: usize, offset: usize, height: usize) -> (usize, usize) {
    let height = height.max(1);
    let mut offset = offset.min(len.saturating_sub(1));
    if selected < offset {
        offset = selected;
    } else if selected >= offset + height {
        offset = selected + 1 - height;
    }
    (offset, (offset + height).min(len))
}

/// The inside of a bordered block.
/// The visible rows of a scrolled list: scrolls `offset` so `selected` shows, renders each
/// visible item with `line`, and marks the selected row with `selection`.
pub fn visible_lines<'a, T>(
    items: &[T],
    selected: usize,
    offset: &mut usize,
    height: usize,
    selection: ratatui::style::Style,
    line: impl Fn(&T) -> ratatui::text::Line<'a>,
) -> Vec<ratatui::text::Line<'a>> {
    let (start, end) = visible_window(items.len(), selected, *offset, height);
    *offset = start;
    items
        .get(start..end)
        .unwrap_or_default()
        .iter()
        .enumerate()
        .map(|(n, item)| {
            let l = line(item);
            if start + n == selected {
                l.style(selection)
            } else {
                l
            }
        })
        .collect()
}

/// A `width` × `height` rectangle centred in `area` (clamped to it).
pub fn centered(area: Rect, width: u16, height: u16) -> Rect {
    let width = width.min(area.width);
    let height = height.min(area.height);
    Rect {
        x: area.x + (area.width - width) / 2,
        y: area.y + (area.height - height) / 2,
        width,
        height,
    }
}

/// Clears `area` and draws an overlay's bordered frame with its title; returns the inside.
pub fn overlay_frame(
    frame: &mut ratatui::Frame,
    area: Rect,
    title: String,
    border: ratatui::style::Style,
) -> Rect {
    frame.render_widget(ratatui::widgets::Clear, area);
    frame.render_widget(
        ratatui::widgets::Block::bordered()
            .title(ratatui::text::Line::styled(title, border))
            .border_style(border),
        area,
    );
    inner(area)
}

pub fn inner(area: Rect) -> Rect {
    Rect {
        x: area.x.saturating_add(1),
        y: area.y.saturating_add(1),
        width: area.width.saturating_sub(2),
        height: area.height.saturating_sub(2),
    }
}

/// Moves a list selection for a movement action; `None` for actions that are not moves.
pub fn move_selection(
    action: super::keymap::Action,
    selected: usize,
    len: usize,
    page: usize,
) -> Option<usize> {
    use super::keymap::Action::*;
    let last = len.saturating_sub(1);
    let half = (page / 2).max(1);
    let page = page.max(1);
    Some(match action {
        Down => (selected + 1).min(last),
        Up => selected.saturating_sub(1),
        Top => 0,
        Bottom => last,
        HalfPageDown => (selected + half).min(last),
        HalfPageUp => selected.saturating_sub(half),
        PageDown => (selected + page).min(last),
        PageUp => selected.saturating_sub(page),
        _ => return None,
    })
}

/// Truncates `s` to `width` columns, with an ellipsis when it was cut.
pub fn truncate(s: &str, width: usize) -> String {
    use crate::text::wrap::char_width;
    let mut out = String::new();
    let mut used = 0;
    for c in s.chars() {
        let w = char_width(c);
        if used + w > width {
            if width > 0 {
                while used + 1 > width {
                    let Some(last) = out.pop() else { break };
                    used -= char_width(last);
                }
                out.push('…');
            }
            return out;
        }
        out.push(if c.is_control() { ' ' } else { c });
        used += w;
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::tui::keymap::Action;

    #[test]
    fn window_follows_selection() {
        assert_eq!(visible_window(100, 0, 0, 10), (0, 10));
        assert_eq!(visible_window(100, 15, 0, 10), (6, 16));
        assert_eq!(visible_window(100, 3, 6, 10), (3, 13));
        assert_eq!(visible_window(5, 4, 0, 10), (0, 5));
        assert_eq!(visible_window(0, 0, 0, 10), (0, 0));
    }

    #[test]
    fn selection_moves_stay_in_bounds() {
        assert_eq!(move_selection(Action::Down, 4, 5, 10), Some(4));
        assert_eq!(move_selection(Action::Up, 0, 5, 10), Some(0));
        assert_eq!(move_selection(Action::HalfPageDown, 0, 50, 10), Some(5));
        assert_eq!(move_selection(Action::Bottom, 0, 0, 10), Some(0));
        assert_eq!(move_selection(Action::Sort, 0, 5, 10), None);
    }

    #[test]
    fn truncate_marks_the_cut() {
        assert_eq!(truncate("hello world", 5), "hell…");
        assert_eq!(truncate("hi", 5), "hi");
        assert_eq!(truncate("中文字", 4), "中…");
        assert_eq!(truncate("abc", 0), "");
    }
}
