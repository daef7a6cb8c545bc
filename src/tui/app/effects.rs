//! Carrying out what components ask for ([`Effect`]): opening and jumping, focus,
//! prompts, messages.

use super::App;
use crate::tui::component::{Effect, PromptKind};
use crate::tui::components::prompt::Prompt;
use crate::tui::theme::Pane;

impl App {
    pub(super) fn apply(&mut self, effect: Effect) {
        match effect {
            Effect::None | Effect::Close => {}
            Effect::Open(article) => {
                // Re-opening the article being read keeps the reading position.
                if self.reader.article() != Some(article) {
                    self.open(article);
                }
                self.focus = Pane::Reader;
            }
            Effect::Jump {
                article,
                offset,
                focus_reader,
            } => {
                if self.reader.article() != Some(article) {
                    self.open(article);
                }
                self.reader.jump_to(offset, &self.store);
                if focus_reader {
                    self.focus = Pane::Reader;
                    self.index = None;
                    self.tags = None;
                    self.search_view = None;
                }
            }
            Effect::Focus(pane) => self.focus = pane,
            Effect::Prompt(kind) => {
                let current = match kind {
                    PromptKind::Filter => self.library.filter().to_string(),
                    PromptKind::SpeakerFilter => self
                        .index
                        .as_ref()
                        .map_or_else(String::new, |(i, _)| i.filter().to_string()),
                    PromptKind::LibrarySearch => self
                        .search_view
                        .as_ref()
                        .map_or_else(String::new, |v| v.query().to_string()),
                    PromptKind::Search
                    | PromptKind::Export
                    | PromptKind::Tag
                    | PromptKind::Speaker
                    | PromptKind::RenameSpeaker
                    | PromptKind::SaveElsewhere => String::new(),
                    PromptKind::RenameTag => {
                        let tag = self.tags.as_ref().and_then(|t| t.selected_tag());
                        let Some(tag) = tag.map(str::to_owned) else {
                            return;
                        };
                        let mut prompt = Prompt::new(kind, &tag);
                        prompt.subject = tag;
                        self.prompt = Some(prompt);
                        self.refresh_candidates();
                        return;
                    }
                };
                let mut prompt = Prompt::new(kind, &current);
                if kind == PromptKind::SpeakerFilter
                    && self
                        .index
                        .as_ref()
                        .is_some_and(|(i, _)| i.ledger().is_some())
                {
                    prompt.subject = "claims".into();
                }
                self.prompt = Some(prompt);
                self.refresh_candidates();
            }
            Effect::Message(m) => self.show_message(m),
        }
    }
}
