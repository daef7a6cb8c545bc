//! Input that is not a key action: what a prompt's outcome does, and the mouse.

use crossterm::event::{MouseButton, MouseEvent, MouseEventKind};

use super::App;
use crate::tui::component::{Message, PromptKind};
use crate::tui::components::prompt::PromptOutcome;
use crate::tui::layout::layout;
use crate::tui::theme::Pane;

impl App {
    pub(super) fn prompt_outcome(&mut self, kind: PromptKind, input: &str, outcome: PromptOutcome) {
        match (kind, outcome) {
            (_, PromptOutcome::Ignored) => {}
            (_, PromptOutcome::Complete) => {
                if let Some(p) = &mut self.prompt
                    && !p.complete()
                {
                    self.show_message(Message::info("nothing to complete"));
                }
            }
            (PromptKind::LibrarySearch, outcome) => self.search_prompt(input, outcome),
            (PromptKind::Speaker | PromptKind::RenameSpeaker, outcome) => {
                self.speaker_prompt(input, outcome)
            }
            (PromptKind::Tag | PromptKind::RenameTag | PromptKind::Export, _) => {
                self.annotation_prompt(kind, input, outcome)
            }
            (PromptKind::Filter, PromptOutcome::Changed) => {
                self.library.set_filter(input, &self.store);
                self.preview();
            }
            (PromptKind::SpeakerFilter, PromptOutcome::Changed) => {
                if let Some((index, _)) = &mut self.index
                    && index.ledger().is_none_or(|l| l.filters_live())
                {
                    index.set_filter(input, &self.store);
                }
            }
            (PromptKind::SpeakerFilter, PromptOutcome::Submit) => {
                self.prompt = None;
                if let Some((index, _)) = &mut self.index
                    && index.filter() != input
                {
                    index.set_filter(input, &self.store);
                }
            }
            (PromptKind::SpeakerFilter, PromptOutcome::Cancel) => {
                self.prompt = None;
                if let Some((index, _)) = &mut self.index {
                    index.set_filter("", &self.store);
                }
            }
            (PromptKind::Search, PromptOutcome::Changed) => {
                self.reader.set_search(input, &self.store)
            }
            (PromptKind::SaveElsewhere, PromptOutcome::Submit) => {
                self.prompt = None;
                self.save_elsewhere(input);
            }
            (PromptKind::SaveElsewhere, PromptOutcome::Cancel) => {
                self.prompt = None;
                self.request_quit();
            }
            (PromptKind::SaveElsewhere, PromptOutcome::Changed) => {}
            (PromptKind::Filter, PromptOutcome::Submit) => self.prompt = None,
            (PromptKind::Filter, PromptOutcome::Cancel) => {
                self.prompt = None;
                self.library.set_filter("", &self.store);
            }
            (PromptKind::Search, done) => {
                self.prompt = None;
                let effect = self
                    .reader
                    .finish_search(done == PromptOutcome::Submit, &self.store);
                self.apply(effect);
            }
        }
    }

    pub(super) fn handle_mouse(&mut self, mouse: &MouseEvent) {
        // A pointer passing over the window is not the user taking over.
        self.touched |= mouse.kind != MouseEventKind::Moved;
        let (col, row) = (mouse.column, mouse.row);
        let down = match mouse.kind {
            MouseEventKind::ScrollDown => Some(true),
            MouseEventKind::ScrollUp => Some(false),
            _ => None,
        };
        let click = mouse.kind == MouseEventKind::Down(MouseButton::Left);
        let areas = layout(self.size, self.focus);
        if let Some(view) = &mut self.log_view {
            if let Some(d) = down {
                view.scroll(d);
            }
            return;
        }
        if let Some(help) = &mut self.help {
            if let Some(d) = down {
                help.scroll(d);
            }
            return;
        }
        if self.editor.is_some() {
            return;
        }
        if let Some(view) = &mut self.search_view {
            match (down, click) {
                (Some(d), _) => view.scroll(d),
                (None, true) if row >= areas.body.y => view.click(row - areas.body.y),
                _ => {}
            }
            return;
        }
        if let Some(tags) = &mut self.tags {
            match (down, click) {
                (Some(d), _) => tags.scroll(d),
                (None, true) if row >= areas.body.y => tags.click(row - areas.body.y),
                _ => {}
            }
            return;
        }
        if let Some((index, _)) = &mut self.index {
            match (down, click) {
                (Some(d), _) => index.scroll(d),
                (None, true) if row >= areas.body.y => index.click(row - areas.body.y),
                _ => {}
            }
            return;
        }
        let Some((pane, rect)) = areas.pane_at(col, row) else {
            return;
        };
        let rel = row - rect.y;
        if click {
            self.focus = pane;
        }
        match (pane, down) {
            (Pane::Library, Some(d)) => {
                self.library.scroll(d);
                self.preview();
            }
            (Pane::Reader, Some(d)) => self.reader.scroll(d),
            (Pane::Insight, Some(d)) => self.insight.scroll(d),
            (Pane::Library, None) if click => {
                let effect = self.library.click(rel);
                self.apply(effect);
                self.preview();
            }
            (Pane::Reader, None) if click => self.reader.click(rel),
            (Pane::Insight, None) if click => self.insight.click(rel, col, rect),
            _ => {}
        }
    }
}
