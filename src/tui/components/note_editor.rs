//! The note editor: a small multi-line text editor in a popup, for an annotation's note.
//! Characters insert, Enter breaks the line, arrows, Home/End, Backspace and Delete edit;
//! `Ctrl-s` (the `save_note` key) saves, `Esc` cancels. Lines wrap by display width.

use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::{Modifier, Style};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Clear, Paragraph};

use crate::text::wrap::{char_width, str_width, wrap};
use crate::tui::component::{Ctx, centered, inner, truncate};
use crate::tui::keymap::{Action, KeyChord, Keymap};

/// Wrap width before the first draw tells the real one.
const DEFAULT_WIDTH: usize = 60;

/// What a key did.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum EditorOutcome {
    Editing,
    Save,
    Cancel,
}

/// One display row: bytes `[start, end)` of the text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Row {
    start: usize,
    end: usize,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NoteEditor {
    text: String,
    /// Byte offset, always on a character boundary.
    cursor: usize,
    /// The passage the note is about, shown above it.
    quote: String,
    /// First row shown.
    scroll: usize,
    width: usize,
    height: usize,
}

impl NoteEditor {
    /// An editor on `note` (cursor at its end) for the passage `quote`.
    pub fn new(quote: &str, note: &str) -> Self {
        NoteEditor {
            text: note.to_owned(),
            cursor: note.len(),
            quote: quote.split_whitespace().collect::<Vec<_>>().join(" "),
            scroll: 0,
            width: DEFAULT_WIDTH,
            height: 8,
        }
    }

    pub fn text(&self) -> &str {
        &self.text
    }

    pub fn cursor(&self) -> usize {
        self.cursor
    }

    pub fn key(&mut self, key: &KeyEvent, keymap: &Keymap) -> EditorOutcome {
        let chord = KeyChord::from_event(key);
        match keymap.action(&chord) {
            Some(Action::SaveNote) => return EditorOutcome::Save,
            Some(Action::Back) if key.code == KeyCode::Esc => return EditorOutcome::Cancel,
            _ => {}
        }
        let ctrl = key.modifiers.contains(KeyModifiers::CONTROL);
        match key.code {
            KeyCode::Esc => return EditorOutcome::Cancel,
            KeyCode::Enter => self.insert('\n'),
            KeyCode::Char(c) if !ctrl && !c.is_control() => self.insert(c),
            KeyCode::Backspace => {
                if let Some(prev) = self.prev_boundary() {
                    self.text.replace_range(prev..self.cursor, "");
                    self.cursor = prev;
                }
            }
            KeyCode::Delete => {
                if let Some(next) = self.next_boundary() {
                    self.text.replace_range(self.cursor..next, "");
                }
            }
            KeyCode::Left => self.cursor = self.prev_boundary().unwrap_or(self.cursor),
            KeyCode::Right => self.cursor = self.next_boundary().unwrap_or(self.cursor),
            KeyCode::Up => self.vertical(false),
            KeyCode::Down => self.vertical(true),
            KeyCode::Home => self.cursor = self.current_row().start,
            KeyCode::End => self.cursor = self.current_row().end,
            _ => {}
        }
        EditorOutcome::Editing
    }

    fn insert(&mut self, c: char) {
        self.text.insert(self.cursor, c);
        self.cursor += c.len_utf8();
    }

    fn prev_boundary(&self) -> Option<usize> {
        self.text
            .get(..self.cursor)?
            .char_indices()
            .next_back()
            .map(|(i, _)| i)
    }

    fn next_boundary(&self) -> Option<usize> {
        let c = self.text.get(self.cursor..)?.chars().next()?;
        Some(self.cursor + c.len_utf8())
    }

    /// Display rows at the current width: each paragraph wrapped, its first row starting
    /// at the paragraph's start and its last row ending at the paragraph's end, so every
    /// cursor position belongs to exactly one row.
    fn rows(&self) -> Vec<Row> {
        let mut rows = Vec::new();
        let mut base = 0;
        for para in self.text.split('\n') {
            let lines = wrap(para, self.width);
            let last = lines.len().saturating_sub(1);
            for (i, l) in lines.iter().enumerate() {
                rows.push(Row {
                    start: base + if i == 0 { 0 } else { l.start },
                    end: base + if i == last { para.len() } else { l.end },
                });
            }
            base += para.len() + 1;
        }
        rows
    }

    fn row_index(rows: &[Row], cursor: usize) -> usize {
        rows.partition_point(|r| r.start <= cursor)
            .saturating_sub(1)
    }

    fn current_row(&self) -> Row {
        let rows = self.rows();
        rows.get(Self::row_index(&rows, self.cursor))
            .copied()
            .unwrap_or(Row { start: 0, end: 0 })
    }

    /// Up or down a display row, keeping the column.
    fn vertical(&mut self, down: bool) {
        let rows = self.rows();
        let at = Self::row_index(&rows, self.cursor);
        let target = if down { at + 1 } else { at.wrapping_sub(1) };
        let (Some(row), Some(to)) = (rows.get(at), rows.get(target)) else {
            return;
        };
        let column = str_width(self.text.get(row.start..self.cursor).unwrap_or_default());
        let mut used = 0;
        let mut pos = to.start;
        for (i, c) in self
            .text
            .get(to.start..to.end)
            .unwrap_or_default()
            .char_indices()
        {
            if used + char_width(c) > column {
                break;
            }
            used += char_width(c);
            pos = to.start + i + c.len_utf8();
        }
        self.cursor = pos;
    }

    pub fn draw(&mut self, frame: &mut Frame, area: Rect, ctx: &Ctx) {
        let theme = ctx.theme;
        let width = area.width.saturating_sub(4).min(76);
        let height = area.height.saturating_sub(2).min(16);
        if width < 4 || height < 4 {
            return;
        }
        let popup = centered(area, width, height);
        let border = theme.pane_border(None, true);
        let keys = |a: Action| {
            ctx.keymap
                .keys_for(a)
                .first()
                .map_or_else(|| "(unbound)".to_owned(), ToString::to_string)
        };
        let title = format!(" Note · {} saves · esc cancels ", keys(Action::SaveNote));
        frame.render_widget(Clear, popup);
        frame.render_widget(
            Block::bordered()
                .title(Line::styled(title, border))
                .border_style(border),
            popup,
        );
        let body = inner(popup);
        let quote = truncate(&format!("“{}”", self.quote), usize::from(body.width));
        frame.render_widget(
            Paragraph::new(Line::styled(quote, theme.dim)),
            Rect { height: 1, ..body },
        );
        let edit = Rect {
            y: body.y + 2,
            height: body.height.saturating_sub(2),
            ..body
        };
        // One column spare, for the cursor after a full row.
        self.width = usize::from(edit.width.saturating_sub(1)).max(1);
        self.height = usize::from(edit.height).max(1);
        let rows = self.rows();
        let at = Self::row_index(&rows, self.cursor);
        if at < self.scroll {
            self.scroll = at;
        } else if at >= self.scroll + self.height {
            self.scroll = at + 1 - self.height;
        }
        let cursor_style = Style::new().add_modifier(Modifier::REVERSED);
        let lines: Vec<Line> = rows
            .iter()
            .enumerate()
            .skip(self.scroll)
            .take(self.height)
            .map(|(i, row)| {
                let shown = self.text.get(row.start..row.end).unwrap_or_default();
                if i != at {
                    return Line::raw(truncate(shown, usize::from(edit.width)));
                }
                let split = self.cursor.clamp(row.start, row.end) - row.start;
                let (before, after) = shown.split_at(split);
                let mut chars = after.chars();
                let under = chars.next().map_or(" ".to_owned(), String::from);
                Line::from(vec![
                    Span::raw(before.to_owned()),
                    Span::styled(under, cursor_style),
                    Span::raw(chars.as_str().to_owned()),
                ])
            })
            .collect();
        frame.render_widget(Paragraph::new(lines), edit);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn key(code: KeyCode) -> KeyEvent {
        KeyEvent::new(code, KeyModifiers::NONE)
    }

    fn typing(editor: &mut NoteEditor, s: &str) {
        for c in s.chars() {
            let code = if c == '\n' {
                KeyCode::Enter
            } else {
                KeyCode::Char(c)
            };
            assert_eq!(
                editor.key(&key(code), &Keymap::default()),
                EditorOutcome::Editing
            );
        }
    }

    #[test]
    fn edits_lines_and_saves_or_cancels() {
        let keymap = Keymap::default();
        let mut e = NoteEditor::new("quote", "");
        typing(&mut e, "first\nsecönd");
        assert_eq!(e.text(), "first\nsecönd");
        e.key(&key(KeyCode::Up), &keymap);
        assert_eq!(e.cursor(), "first".len(), "column kept, clamped to the row");
        e.key(&key(KeyCode::Home), &keymap);
        typing(&mut e, "> ");
        e.key(&key(KeyCode::Down), &keymap);
        e.key(&key(KeyCode::End), &keymap);
        e.key(&key(KeyCode::Backspace), &keymap);
        e.key(&key(KeyCode::Left), &keymap);
        e.key(&key(KeyCode::Left), &keymap);
        e.key(&key(KeyCode::Delete), &keymap);
        assert_eq!(e.text(), "> first\nsecn");
        let save = KeyEvent::new(KeyCode::Char('s'), KeyModifiers::CONTROL);
        assert_eq!(e.key(&save, &keymap), EditorOutcome::Save);
        assert_eq!(e.key(&key(KeyCode::Esc), &keymap), EditorOutcome::Cancel);
    }

    #[test]
    fn rows_wrap_by_width_and_cover_every_cursor_position() {
        let mut e = NoteEditor::new("q", "aaa bbb ccc\n\n中文字 dd");
        e.width = 6;
        let rows = e.rows();
        let shown: Vec<&str> = rows.iter().map(|r| &e.text[r.start..r.end]).collect();
        assert_eq!(shown, ["aaa", "bbb", "ccc", "", "中文字", "dd"]);
        e.cursor = e.text.len();
        e.vertical(false);
        assert_eq!(&e.text[..e.cursor], "aaa bbb ccc\n\n中");
        e.vertical(false);
        e.vertical(false);
        assert_eq!(&e.text[..e.cursor], "aaa bbb ", "column 0 of an empty row");
    }
}
