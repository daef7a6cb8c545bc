//! The session log (`!`): every warning and error of the session in full, newest last, so
//! that nothing a status line cut short or replaced is lost. A message repeated in a row
//! is kept once, with how many times it came.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Clear, Paragraph};

use crate::text::wrap::wrap;
use crate::tui::component::{Ctx, Effect, Level, Message, centered, inner, move_selection};
use crate::tui::keymap::Action;

/// Most entries kept: a session that fails to save every second for hours keeps the last.
const MAX_ENTRIES: usize = 1_000;

/// One logged message.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Entry {
    /// `HH:MM:SS` (UTC) of its first time.
    pub at: String,
    pub text: String,
    pub level: Level,
    /// Times it came in a row.
    pub count: usize,
}

/// The log's entries.
#[derive(Debug, Clone, Default)]
pub struct Log {
    entries: Vec<Entry>,
}

impl Log {
    /// Records `message` if it is worth keeping (errors and warnings: not confirmations).
    pub fn record(&mut self, message: &Message, at: &str) {
        if message.level != Level::Error {
            return;
        }
        if let Some(last) = self.entries.last_mut()
            && last.text == message.text
        {
            last.count += 1;
            return;
        }
        if self.entries.len() == MAX_ENTRIES {
            self.entries.remove(0);
        }
        self.entries.push(Entry {
            at: at.to_string(),
            text: message.text.clone(),
            level: message.level,
            count: 1,
        });
    }

    pub fn entries(&self) -> &[Entry] {
        &self.entries
    }
}

/// The overlay over a [`Log`]: scrolls by line.
#[derive(Debug, Clone, Default)]
pub struct LogView {
    scroll: usize,
    height: usize,
    /// Wrapped lines at the last draw.
    lines: usize,
}

impl LogView {
    pub fn handle(&mut self, action: Action) -> Effect {
        let room = self.lines.saturating_sub(self.height) + 1;
        if let Some(s) = move_selection(action, self.scroll, room, self.height) {
            self.scroll = s;
            return Effect::None;
        }
        match action {
            Action::Back | Action::Quit | Action::Log => Effect::Close,
            _ => Effect::None,
        }
    }

    pub fn scroll(&mut self, down: bool) {
        self.scroll = if down {
            self.scroll + 3
        } else {
            self.scroll.saturating_sub(3)
        };
    }

    pub fn draw(&mut self, frame: &mut Frame, area: Rect, ctx: &Ctx, log: &Log) {
        let theme = ctx.theme;
        let popup = centered(area, area.width.saturating_sub(4).min(110), area.height);
        let border = theme.pane_border(None, true);
        frame.render_widget(Clear, popup);
        let title = format!(
            " Session log · {} message{} · j/k scroll · Esc closes ",
            log.entries.len(),
            if log.entries.len() == 1 { "" } else { "s" }
        );
        frame.render_widget(
            Block::bordered()
                .title(Line::styled(title, border))
                .border_style(border),
            popup,
        );
        let body = inner(popup);
        self.height = usize::from(body.height).max(1);
        let width = usize::from(body.width).max(1);
        let text: Vec<Line> = if log.entries.is_empty() {
            vec![Line::styled(
                "no warnings or errors this session",
                theme.dim,
            )]
        } else {
            // Wrapped here, so scrolling counts screen lines.
            log.entries
                .iter()
                .flat_map(|e| {
                    let times = if e.count > 1 {
                        format!(" (×{})", e.count)
                    } else {
                        String::new()
                    };
                    let full = format!("{} {}{times}", e.at, e.text);
                    let stamp = e.at.len() + 1;
                    wrap(&full, width)
                        .into_iter()
                        .map(|l| {
                            let piece = full.get(l.start..l.end).unwrap_or("").to_string();
                            if let Some((at, rest)) =
                                piece.split_at_checked(stamp).filter(|_| l.start == 0)
                            {
                                Line::from(vec![
                                    Span::styled(at.to_string(), theme.dim),
                                    Span::styled(rest.to_string(), theme.error),
                                ])
                            } else {
                                Line::styled(piece, theme.error)
                            }
                        })
                        .collect::<Vec<_>>()
                })
                .collect()
        };
        self.lines = text.len();
        self.scroll = self.scroll.min(self.lines.saturating_sub(self.height));
        let visible: Vec<Line> = text
            .into_iter()
            .skip(self.scroll)
            .take(self.height)
            .collect();
        frame.render_widget(Paragraph::new(visible), body);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn errors_are_kept_once_with_a_count_and_infos_are_not() {
        let mut log = Log::default();
        log.record(&Message::info("note saved"), "10:00:00");
        log.record(&Message::error("still not saved: disk full"), "10:00:01");
        log.record(&Message::error("still not saved: disk full"), "10:00:02");
        log.record(&Message::error("other"), "10:00:03");
        let got: Vec<(&str, usize)> = log
            .entries()
            .iter()
            .map(|e| (e.text.as_str(), e.count))
            .collect();
        assert_eq!(got, [("still not saved: disk full", 2), ("other", 1)]);
        assert_eq!(log.entries()[0].at, "10:00:01");
    }

    #[test]
    fn the_log_keeps_the_latest_entries() {
        let mut log = Log::default();
        for n in 0..MAX_ENTRIES + 5 {
            log.record(&Message::error(format!("e{n}")), "t");
        }
        assert_eq!(log.entries().len(), MAX_ENTRIES);
        assert_eq!(log.entries()[0].text, "e5");
    }
}
