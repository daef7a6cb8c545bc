//! A question with a few one-key answers, in a box over the panes: what to do with changes
//! that could not be saved when quitting, whether to really discard them, whether to take
//! back what the recovery journal kept from the last session.

use crossterm::event::{KeyCode, KeyEvent};
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Clear, Paragraph, Wrap};

use crate::tui::theme::Theme;

/// What the question is about (the app acts on the answer accordingly).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Purpose {
    /// Quitting with changes that could not be saved.
    Quit,
    /// Confirming that those changes are to be thrown away.
    Discard,
    /// Changes the last session could not save, kept in the recovery journal.
    Restore,
}

/// What a key did.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Answer {
    /// One of the options' keys.
    Picked(char),
    /// Esc: the question goes away, nothing is done.
    Dismissed,
    /// Any other key: the question stays.
    Ignored,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Choice {
    pub purpose: Purpose,
    pub title: String,
    /// The question and what it is about, wrapped to the box.
    pub text: String,
    /// Each answer's key and what it does.
    pub options: Vec<(char, String)>,
}

impl Choice {
    pub fn new(purpose: Purpose, title: &str, text: impl Into<String>) -> Self {
        Choice {
            purpose,
            title: title.to_owned(),
            text: text.into(),
            options: Vec::new(),
        }
    }

    pub fn option(mut self, key: char, what: &str) -> Self {
        self.options.push((key, what.to_owned()));
        self
    }

    /// The answer `key` gives (letters in either case).
    pub fn key(&self, key: &KeyEvent) -> Answer {
        match key.code {
            KeyCode::Esc => Answer::Dismissed,
            KeyCode::Char(c) => {
                let c = c.to_ascii_lowercase();
                if self.options.iter().any(|(k, _)| *k == c) {
                    Answer::Picked(c)
                } else {
                    Answer::Ignored
                }
            }
            _ => Answer::Ignored,
        }
    }

    /// A box in the middle of `area`, as tall as its wrapped text needs.
    pub fn draw(&self, frame: &mut Frame, area: Rect, theme: &Theme) {
        let width = area.width.saturating_sub(4).clamp(20, 76).min(area.width);
        let inner = usize::from(width.saturating_sub(2)).max(1);
        let text_rows = crate::text::wrap::wrap(&self.text, inner).len();
        let option_rows: usize = self
            .options
            .iter()
            .map(|(_, what)| crate::text::wrap::wrap(what, inner.saturating_sub(4).max(1)).len())
            .sum();
        let rows = text_rows + 1 + option_rows + 1 + 2;
        let height = u16::try_from(rows).unwrap_or(u16::MAX).min(area.height);
        let rect = Rect {
            x: area.x + (area.width - width) / 2,
            y: area.y + (area.height.saturating_sub(height)) / 2,
            width,
            height,
        };
        let mut lines = vec![Line::raw(self.text.clone()), Line::raw("")];
        for (key, what) in &self.options {
            lines.push(Line::from(vec![
                Span::styled(format!(" {key}  "), theme.header),
                Span::raw(what.clone()),
            ]));
        }
        lines.push(Line::from(vec![
            Span::styled(" Esc", theme.header),
            Span::raw(" close this question"),
        ]));
        let block = Block::default()
            .borders(Borders::ALL)
            .border_style(theme.error)
            .title(format!(" {} ", self.title));
        frame.render_widget(Clear, rect);
        frame.render_widget(
            Paragraph::new(lines)
                .block(block)
                .wrap(Wrap { trim: false }),
            rect,
        );
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crossterm::event::KeyModifiers;

    fn press(code: KeyCode) -> KeyEvent {
        KeyEvent::new(code, KeyModifiers::NONE)
    }

    #[test]
    fn only_the_options_keys_answer() {
        let c = Choice::new(Purpose::Quit, "Unsaved", "What now?")
            .option('r', "retry")
            .option('d', "discard");
        assert_eq!(c.key(&press(KeyCode::Char('r'))), Answer::Picked('r'));
        assert_eq!(c.key(&press(KeyCode::Char('D'))), Answer::Picked('d'));
        assert_eq!(c.key(&press(KeyCode::Char('q'))), Answer::Ignored);
        assert_eq!(c.key(&press(KeyCode::Enter)), Answer::Ignored);
        assert_eq!(c.key(&press(KeyCode::Esc)), Answer::Dismissed);
    }
}
