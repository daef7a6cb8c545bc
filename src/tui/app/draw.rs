//! Drawing the whole screen: the panes or an overlay, popups, and the status bar.

use ratatui::Frame;
use ratatui::text::Line;
use ratatui::widgets::{Paragraph, Wrap};

use super::App;
use crate::tui::component::Ctx;
use crate::tui::components::prompt::draw_candidates;
use crate::tui::components::status::{self, StatusView};
use crate::tui::keymap::Action;
use crate::tui::layout::{MIN_HEIGHT, MIN_WIDTH, layout, too_small};
use crate::tui::theme::Pane;

impl App {
    pub fn draw(&mut self, frame: &mut Frame) {
        let area = frame.area();
        self.size = area;
        if too_small(area) {
            let notice = format!(
                "Terminal too small: sayso needs {MIN_WIDTH}×{MIN_HEIGHT}, this is {}×{}.",
                area.width, area.height
            );
            let p =
                Paragraph::new(Line::styled(notice, self.theme.error)).wrap(Wrap { trim: true });
            frame.render_widget(p, area);
            return;
        }
        self.refresh_corrections();
        if std::mem::take(&mut self.library_dirty) {
            self.library.refresh(&self.store);
        } else {
            // Rows read since the last frame (a large library streaming in).
            self.library.append(&self.store);
        }
        if let Some(article) = self.reader.article() {
            self.store.place_annotations(article);
        }
        if let Some(tags) = &mut self.tags
            && tags.is_stale(&self.store)
        {
            tags.rebuild(&self.store);
        }
        let areas = layout(area, self.focus);
        self.update_elsewhere();
        let ctx = Ctx {
            store: &self.store,
            theme: &self.theme,
            keymap: &self.keymap,
            layers: self.layers,
            classes: self.classes,
            elsewhere: self.elsewhere.as_ref().and_then(|e| e.summary.as_deref()),
        };
        if let (Some(view), Some(search)) = (&mut self.search_view, &self.search) {
            view.draw(frame, areas.body, &ctx, search);
        } else if let Some(tags) = &mut self.tags {
            tags.draw(frame, areas.body, &ctx);
        } else if let Some((index, _)) = &mut self.index {
            index.draw(frame, areas.body, &ctx);
        } else {
            if let Some(r) = areas.library {
                self.library
                    .draw(frame, r, &ctx, self.focus == Pane::Library);
            }
            if let Some(r) = areas.reader {
                self.reader.draw(frame, r, &ctx, self.focus == Pane::Reader);
            }
            if let Some(r) = areas.insight {
                self.insight
                    .draw(frame, r, &ctx, self.focus == Pane::Insight);
            }
        }
        if let Some((editor, _)) = &mut self.editor {
            editor.draw(frame, areas.body, &ctx);
        }
        if let Some(help) = &mut self.help {
            help.draw(frame, areas.body, &ctx);
        }
        if let Some(view) = &mut self.log_view {
            view.draw(frame, areas.body, &ctx, &self.log);
        }
        if let Some(prompt) = &self.prompt {
            draw_candidates(frame, areas.body, prompt, &self.theme);
        }
        if let Some(choice) = &self.choice {
            choice.draw(frame, areas.body, &self.theme);
        }
        let (label, pane) = if self.log_view.is_some() {
            ("LOG", None)
        } else if self.help.is_some() {
            ("HELP", None)
        } else if self.editor.is_some() {
            ("NOTE", None)
        } else if self.search_view.is_some() {
            ("SEARCH", None)
        } else if self.tags.is_some() {
            ("TAGS", None)
        } else if self.index.is_some() {
            ("SPEAKERS", None)
        } else {
            (self.focus.label(), Some(self.focus))
        };
        let reader_article = self.reader.article().and_then(|i| self.store.article(i));
        let title = reader_article.or_else(|| {
            self.library
                .selected_article()
                .and_then(|i| self.store.article(i))
        });
        let view = StatusView {
            focus: label,
            pane,
            title: title.map(|a| a.title.as_str()),
            percent: reader_article.map(|_| self.reader.percent()),
            layers: self.layers,
            classes: (!self.classes.is_all()).then(|| self.classes.label()),
            classes_key: self
                .keymap
                .keys_for(Action::CycleClasses)
                .first()
                .map_or_else(String::new, ToString::to_string),
            progress: self.store.progress(),
            loading: self.store.loading().map(|l| (self.store.len(), l.planned)),
            feeds: self.feeds_status(),
            claim: if self.focus == Pane::Reader {
                self.selection_status()
                    .or_else(|| self.reader.claim_status(&self.store, self.classes))
            } else {
                None
            },
            message: self.message.as_ref().map(|(m, _)| m),
            prompt: self.prompt.as_ref(),
            help_key: self
                .keymap
                .keys_for(Action::Help)
                .first()
                .map_or_else(|| "?".into(), ToString::to_string),
        };
        status::draw(frame, areas.status, &view, &self.theme);
    }
}
