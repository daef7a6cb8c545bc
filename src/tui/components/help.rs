//! The help overlay: the live keymap, by section, with descriptions.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Clear, Paragraph};

use crate::tui::component::{Ctx, Effect, centered, inner, move_selection, truncate};
use crate::tui::keymap::{Action, Keymap, Section};

#[derive(Debug, Clone, Default)]
pub struct Help {
    scroll: usize,
    height: usize,
}

/// The help text: a heading per section, then `keys  description` per action.
pub fn help_lines(keymap: &Keymap) -> Vec<(Option<Section>, String, &'static str)> {
    let mut out = Vec::new();
    let mut section = None;
    for &action in Action::ALL {
        if section != Some(action.section()) {
            section = Some(action.section());
            out.push((section, String::new(), ""));
        }
        let mut keys = keymap.describe_keys(action);
        // Ctrl-C quits whatever the keymap says (see `App::handle_key`).
        if action == Action::Quit {
            keys = if keys.is_empty() {
                "ctrl-c".to_owned()
            } else {
                format!("{keys}, ctrl-c")
            };
        }
        out.push((None, keys, action.description()));
    }
    out
}

impl Help {
    pub fn handle(&mut self, action: Action, keymap: &Keymap) -> Effect {
        let len = help_lines(keymap).len();
        if let Some(s) = move_selection(
            action,
            self.scroll,
            len.saturating_sub(self.height) + 1,
            self.height,
        ) {
            self.scroll = s;
            return Effect::None;
        }
        match action {
            Action::Back | Action::Help | Action::Quit => Effect::Close,
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

    pub fn draw(&mut self, frame: &mut Frame, area: Rect, ctx: &Ctx) {
        let theme = ctx.theme;
        let lines = help_lines(ctx.keymap);
        let width = area.width.saturating_sub(4).min(84);
        let height = area.height.saturating_sub(2).min(lines.len() as u16 + 2);
        let popup = centered(area, width, height);
        let border = theme.pane_border(None, true);
        frame.render_widget(Clear, popup);
        let title = " Keys · j/k scroll · Esc closes · rebind in the config's [keys] ";
        frame.render_widget(
            Block::bordered()
                .title(Line::styled(title, border))
                .border_style(border),
            popup,
        );
        let body = inner(popup);
        self.height = usize::from(body.height).max(1);
        self.scroll = self.scroll.min(lines.len().saturating_sub(self.height));
        let key_width = 22.min(usize::from(body.width) / 3);
        let text: Vec<Line> = lines
            .iter()
            .skip(self.scroll)
            .take(self.height)
            .map(|(section, keys, desc)| match section {
                Some(s) => Line::styled(s.title(), theme.header.patch(border)),
                None => Line::from(vec![
                    Span::styled(
                        format!(
                            "  {:<key_width$}",
                            truncate(keys, key_width.saturating_sub(1))
                        ),
                        theme.speakers,
                    ),
                    Span::raw(truncate(
                        desc,
                        usize::from(body.width).saturating_sub(key_width + 2),
                    )),
                ]),
            })
            .collect();
        frame.render_widget(Paragraph::new(text), body);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::tui::keymap::{Binding, KeyChord};

    #[test]
    fn lists_every_action_with_its_live_keys() {
        let over = [(KeyChord::ch('x'), Binding::Action(Action::NextClaim))];
        let keymap = Keymap::with_overrides(over.iter().map(|(k, b)| (k, b)));
        let lines = help_lines(&keymap);
        assert_eq!(
            lines.iter().filter(|l| l.0.is_none()).count(),
            Action::ALL.len()
        );
        assert!(
            lines
                .iter()
                .any(|(_, keys, desc)| keys == "], x" && *desc == "next claim")
        );
    }
}
