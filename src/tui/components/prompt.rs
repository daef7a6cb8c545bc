//! A one-line editor in the status bar, for the library filter and the article search.

use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

use crate::tui::component::PromptKind;

/// What a key did to the prompt.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PromptOutcome {
    /// The text changed: apply it live.
    Changed,
    /// Enter: keep the text.
    Submit,
    /// Esc: drop it.
    Cancel,
    Ignored,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Prompt {
    pub kind: PromptKind,
    pub input: String,
}

impl Prompt {
    pub fn new(kind: PromptKind, input: &str) -> Self {
        Prompt {
            kind,
            input: input.to_string(),
        }
    }

    pub fn label(&self) -> &'static str {
        match self.kind {
            PromptKind::Filter => "filter: ",
            PromptKind::Search => "/",
        }
    }

    pub fn key(&mut self, key: &KeyEvent) -> PromptOutcome {
        let ctrl = key.modifiers.contains(KeyModifiers::CONTROL);
        match key.code {
            KeyCode::Enter => PromptOutcome::Submit,
            KeyCode::Esc => PromptOutcome::Cancel,
            KeyCode::Backspace if ctrl => self.delete_word(),
            KeyCode::Backspace => {
                if self.input.pop().is_some() {
                    PromptOutcome::Changed
                } else {
                    PromptOutcome::Ignored
                }
            }
            KeyCode::Char('u') if ctrl => {
                self.input.clear();
                PromptOutcome::Changed
            }
            KeyCode::Char('w') if ctrl => self.delete_word(),
            KeyCode::Char(c) if !ctrl && !c.is_control() => {
                self.input.push(c);
                PromptOutcome::Changed
            }
            _ => PromptOutcome::Ignored,
        }
    }

    fn delete_word(&mut self) -> PromptOutcome {
        let trimmed = self.input.trim_end().len();
        let cut = self.input[..trimmed]
            .rfind(char::is_whitespace)
            .map_or(0, |i| i + 1);
        self.input.truncate(cut);
        PromptOutcome::Changed
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crossterm::event::{KeyEventKind, KeyEventState};

    fn key(code: KeyCode, modifiers: KeyModifiers) -> KeyEvent {
        KeyEvent {
            code,
            modifiers,
            kind: KeyEventKind::Press,
            state: KeyEventState::NONE,
        }
    }

    #[test]
    fn edits_the_line() {
        let mut p = Prompt::new(PromptKind::Search, "");
        for c in "wang yi".chars() {
            assert_eq!(
                p.key(&key(KeyCode::Char(c), KeyModifiers::NONE)),
                PromptOutcome::Changed
            );
        }
        assert_eq!(
            p.key(&key(KeyCode::Char('w'), KeyModifiers::CONTROL)),
            PromptOutcome::Changed
        );
        assert_eq!(p.input, "wang ");
        p.key(&key(KeyCode::Backspace, KeyModifiers::NONE));
        assert_eq!(p.input, "wang");
        assert_eq!(
            p.key(&key(KeyCode::Enter, KeyModifiers::NONE)),
            PromptOutcome::Submit
        );
        assert_eq!(
            p.key(&key(KeyCode::Esc, KeyModifiers::NONE)),
            PromptOutcome::Cancel
        );
    }
}
