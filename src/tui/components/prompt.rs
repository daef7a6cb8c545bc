//! A one-line editor in the status bar: the library filter, the article search, a
//! passage's tags, a tag's new name, the export format. Tags and formats complete with
//! `Tab` (repeated: the next candidate), the candidates shown in a popup above.

use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::Line;
use ratatui::widgets::{Block, Clear, Paragraph};

use crate::text::wrap::str_width;
use crate::tui::component::{PromptKind, truncate};
use crate::tui::theme::Theme;

/// Most candidates the popup lists.
const MAX_SHOWN: usize = 8;

/// What a key did to the prompt.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PromptOutcome {
    /// The text changed: apply it live.
    Changed,
    /// Enter: keep the text.
    Submit,
    /// Esc: drop it.
    Cancel,
    /// Tab: complete the item being typed.
    Complete,
    Ignored,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Prompt {
    pub kind: PromptKind,
    pub input: String,
    /// What the prompt is about (the tag being renamed).
    pub subject: String,
    /// Completions of the item being typed, best first.
    candidates: Vec<String>,
    /// The candidate `Tab` last put in, and the input before it.
    completing: Option<(usize, String)>,
}

impl Prompt {
    pub fn new(kind: PromptKind, input: &str) -> Self {
        Prompt {
            kind,
            input: input.to_string(),
            subject: String::new(),
            candidates: Vec::new(),
            completing: None,
        }
    }

    pub fn label(&self) -> String {
        match self.kind {
            PromptKind::Filter => "filter: ".into(),
            PromptKind::SpeakerFilter if self.subject.is_empty() => "speakers: ".into(),
            PromptKind::SpeakerFilter => format!("{} (words, class, kind, outlet): ", self.subject),
            PromptKind::Search => "/".into(),
            PromptKind::LibrarySearch => "search the library: ".into(),
            PromptKind::Tag => "tags: ".into(),
            PromptKind::RenameTag => format!("rename #{} to: ", self.subject),
            PromptKind::Speaker => "said by (empty: nobody named; Tab completes): ".into(),
            PromptKind::RenameSpeaker => format!("rename {} to (Tab completes): ", self.subject),
            PromptKind::Export => "export format (Enter: markdown): ".into(),
            PromptKind::SaveElsewhere => "save unsaved changes in folder: ".into(),
        }
    }

    /// Whether `Tab` completes in this prompt.
    pub fn completes(&self) -> bool {
        matches!(
            self.kind,
            PromptKind::Tag
                | PromptKind::RenameTag
                | PromptKind::Export
                | PromptKind::Speaker
                | PromptKind::RenameSpeaker
        )
    }

    pub fn key(&mut self, key: &KeyEvent) -> PromptOutcome {
        let ctrl = key.modifiers.contains(KeyModifiers::CONTROL);
        let outcome = match key.code {
            KeyCode::Enter => return PromptOutcome::Submit,
            KeyCode::Esc => return PromptOutcome::Cancel,
            KeyCode::Tab if self.completes() => return PromptOutcome::Complete,
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
        };
        if outcome == PromptOutcome::Changed {
            self.completing = None;
        }
        outcome
    }

    fn delete_word(&mut self) -> PromptOutcome {
        let trimmed = self.input.trim_end().len();
        let cut = self.input[..trimmed]
            .rfind(char::is_whitespace)
            .map_or(0, |i| i + 1);
        self.input.truncate(cut);
        PromptOutcome::Changed
    }

    /// Where the item being typed starts: after the last comma in a tag list.
    fn item_start(&self) -> usize {
        let start = match self.kind {
            PromptKind::Tag => self.input.rfind(',').map_or(0, |i| i + 1),
            _ => 0,
        };
        let item = &self.input[start..];
        start + (item.len() - item.trim_start().len())
    }

    /// The item being typed (the last of a tag list), as typed before any completion.
    pub fn typed_item(&self) -> &str {
        let input = self
            .completing
            .as_ref()
            .map_or(&self.input, |(_, before)| before);
        let start = match self.kind {
            PromptKind::Tag => input.rfind(',').map_or(0, |i| i + 1),
            _ => 0,
        };
        input[start..].trim_start()
    }

    /// The other items of a tag list (those not being typed).
    pub fn other_items(&self) -> Vec<&str> {
        if self.kind != PromptKind::Tag {
            return Vec::new();
        }
        let input = self
            .completing
            .as_ref()
            .map_or(&self.input, |(_, before)| before);
        let end = input.rfind(',').unwrap_or(0);
        input[..end]
            .split(',')
            .map(|t| t.trim().trim_start_matches('#'))
            .filter(|t| !t.is_empty())
            .collect()
    }

    pub fn candidates(&self) -> &[String] {
        &self.candidates
    }

    /// The completions of the item being typed (computed by the app from the library).
    pub fn set_candidates(&mut self, candidates: Vec<String>) {
        if self.completing.is_none() {
            self.candidates = candidates;
        }
    }

    /// `Tab`: puts the next candidate in place of the item being typed; false when there
    /// is none.
    pub fn complete(&mut self) -> bool {
        if self.candidates.is_empty() {
            return false;
        }
        let (next, before) = match self.completing.take() {
            Some((i, before)) => ((i + 1) % self.candidates.len(), before),
            None => (0, self.input.clone()),
        };
        self.input = before.clone();
        let start = self.item_start();
        self.input.truncate(start);
        if let Some(candidate) = self.candidates.get(next) {
            self.input.push_str(candidate);
        }
        self.completing = Some((next, before));
        true
    }

    /// The candidate `Tab` put in, if any.
    pub fn completed(&self) -> Option<usize> {
        self.completing.as_ref().map(|(i, _)| *i)
    }
}

/// The candidates popup, just above the status bar at the prompt's left.
pub fn draw_candidates(frame: &mut Frame, body: Rect, prompt: &Prompt, theme: &Theme) {
    let shown: Vec<&String> = prompt.candidates.iter().take(MAX_SHOWN).collect();
    if shown.is_empty() || body.height < 3 {
        return;
    }
    let widest = shown.iter().map(|c| str_width(c)).max().unwrap_or(0);
    let title = " Tab completes ";
    let width = (widest.max(str_width(title)) + 4).min(usize::from(body.width)) as u16;
    let height = (shown.len() as u16 + 2).min(body.height);
    let popup = Rect {
        x: body.x,
        y: body.y + body.height - height,
        width,
        height,
    };
    let border = theme.pane_border(None, true);
    frame.render_widget(Clear, popup);
    frame.render_widget(
        Block::bordered()
            .title(Line::styled(title, border))
            .border_style(border),
        popup,
    );
    let inside = usize::from(width.saturating_sub(2));
    let lines: Vec<Line> = shown
        .iter()
        .enumerate()
        .map(|(i, c)| {
            let line = Line::styled(truncate(&format!(" {c}"), inside), theme.tag);
            if Some(i) == prompt.completed() {
                line.style(theme.selection)
            } else {
                line
            }
        })
        .collect();
    frame.render_widget(Paragraph::new(lines), crate::tui::component::inner(popup));
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
            p.key(&key(KeyCode::Tab, KeyModifiers::NONE)),
            PromptOutcome::Ignored,
            "no completion in a search"
        );
        assert_eq!(
            p.key(&key(KeyCode::Enter, KeyModifiers::NONE)),
            PromptOutcome::Submit
        );
        assert_eq!(
            p.key(&key(KeyCode::Esc, KeyModifiers::NONE)),
            PromptOutcome::Cancel
        );
    }

    #[test]
    fn tab_completes_the_last_tag_and_cycles() {
        let mut p = Prompt::new(PromptKind::Tag, "economy, rh");
        assert_eq!(p.typed_item(), "rh");
        assert_eq!(p.other_items(), ["economy"]);
        p.set_candidates(vec!["rhetoric".into(), "rhyme".into()]);
        assert_eq!(
            p.key(&key(KeyCode::Tab, KeyModifiers::NONE)),
            PromptOutcome::Complete
        );
        assert!(p.complete());
        assert_eq!(p.input, "economy, rhetoric");
        assert!(p.complete());
        assert_eq!(p.input, "economy, rhyme");
        assert_eq!(p.typed_item(), "rh", "cycling keeps what was typed");
        assert!(p.complete());
        assert_eq!(p.input, "economy, rhetoric");
        p.key(&key(KeyCode::Char(','), KeyModifiers::NONE));
        assert_eq!(p.completed(), None);
        assert_eq!(p.typed_item(), "");
        p.set_candidates(Vec::new());
        assert!(!p.complete());
    }
}
