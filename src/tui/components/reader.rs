//! The reader pane: the article wrapped to the pane, highlight layers (annotated passages
//! among them), a sentence cursor, claim/number/sentence jumps, search, and selecting a
//! passage to annotate.

use std::sync::Arc;

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span as TextSpan};
use ratatui::widgets::{Block, Paragraph, Scrollbar, ScrollbarOrientation, ScrollbarState};

use crate::extract::{Claim, Extraction, Span};
use crate::text::wrap::{WrappedLine, line_of, wrap, wrap_hiding};
use crate::tui::classes::ClassFilter;
use crate::tui::component::{Ctx, Effect, Message, PromptKind, inner, truncate};
use crate::tui::doc::{Doc, sentence_at};
use crate::tui::keymap::Action;
use crate::tui::selection::Selection;
use crate::tui::store::Store;
use crate::tui::theme::Pane;

mod render;
mod search;

use self::search::Search;

/// Width used to wrap before the first frame tells the real one.
const DEFAULT_WIDTH: usize = 80;

#[derive(Debug, Clone, Default)]
pub struct Reader {
    article: Option<usize>,
    doc: Doc,
    lines: Vec<WrappedLine>,
    wrap_width: usize,
    /// Byte offset of the cursor.
    cursor: usize,
    /// First visible line.
    top: usize,
    /// Visible lines at the last draw.
    height: usize,
    search: Search,
    /// The passage being selected (`v`).
    selection: Option<Selection>,
    /// Bytes not drawn (a Markdown file's markup), sorted and disjoint.
    hidden: Vec<Span>,
    /// A Markdown file's headings and emphasis, drawn bold or italic.
    emphasis: Vec<(Span, Style)>,
}

impl Reader {
    pub fn article(&self) -> Option<usize> {
        self.article
    }

    pub fn cursor(&self) -> usize {
        self.cursor
    }

    pub fn doc(&self) -> &Doc {
        &self.doc
    }

    pub fn search_query(&self) -> &str {
        &self.search.query
    }

    /// The passage being selected, if any.
    pub fn selection(&self) -> Option<Selection> {
        self.selection
    }

    /// Ends the selection (after it was annotated, or cancelled).
    pub fn clear_selection(&mut self) {
        self.selection = None;
    }

    /// Opens article `index` at its top.
    pub fn open(&mut self, index: usize, store: &Store) {
        let Some(article) = store.article(index) else {
            return;
        };
        *self = Reader {
            article: Some(index),
            doc: Doc::new(&article.text, store.extraction(index).cloned()),
            height: self.height.max(1),
            wrap_width: self.wrap_width,
            ..Reader::default()
        };
        if crate::article::markdown::is_markdown(&article.path) {
            // Rendered: the markup takes no room and is not drawn; offsets stay the file's.
            self.hidden = crate::article::markdown::syntax(&article.text);
            self.emphasis = render::disjoint_styles(
                crate::article::markdown::emphasis(&article.text, &self.hidden)
                    .into_iter()
                    .map(|(span, kind)| (span, render::emphasis_style(kind)))
                    .collect(),
            );
        }
        self.lines = self.layout(&article.text, self.width());
    }

    /// The display lines of `text` at `width`, hidden bytes taking no room.
    fn layout(&self, text: &str, width: usize) -> Vec<WrappedLine> {
        if self.hidden.is_empty() {
            return wrap(text, width);
        }
        let shown = crate::article::markdown::blank(text, &self.hidden);
        wrap_hiding(text, &shown, &self.hidden, width)
    }

    /// Takes in the extraction of the open article when it arrives.
    pub fn extraction_ready(&mut self, index: usize, store: &Store) {
        if self.article != Some(index) || self.doc.extraction.is_some() {
            return;
        }
        if let (Some(a), Some(x)) = (store.article(index), store.extraction(index)) {
            self.doc.set_extraction(&a.text, Arc::clone(x));
        }
    }

    /// Article `index`'s extraction was made again (its speaker corrections changed): the
    /// open article shows the new one, the cursor where it was.
    pub fn extraction_changed(&mut self, index: usize, store: &Store) {
        if self.article != Some(index) {
            return;
        }
        if let (Some(a), Some(x)) = (store.article(index), store.extraction(index)) {
            self.doc.set_extraction(&a.text, Arc::clone(x));
        }
    }

    fn width(&self) -> usize {
        if self.wrap_width == 0 {
            DEFAULT_WIDTH
        } else {
            self.wrap_width
        }
    }

    fn text<'s>(&self, store: &'s Store) -> &'s str {
        self.article
            .and_then(|i| store.article(i))
            .map_or("", |a| a.text.as_str())
    }

    fn extraction(&self) -> Option<&Extraction> {
        self.doc.extraction.as_deref()
    }

    pub fn cursor_line(&self) -> usize {
        line_of(&self.lines, self.cursor)
    }

    /// How far through the article the cursor is, in percent.
    pub fn percent(&self) -> usize {
        if self.lines.len() <= 1 {
            return 100;
        }
        (self.cursor_line() * 100) / (self.lines.len() - 1)
    }

    /// The sentence under the cursor.
    pub fn current_sentence(&self) -> Option<Span> {
        sentence_at(&self.doc.sentences, self.cursor)
            .and_then(|i| self.doc.sentences.get(i).copied())
    }

    /// The shown claim under the cursor, else the first shown claim of the cursor's
    /// sentence.
    pub fn current_claim(&self, classes: ClassFilter) -> Option<usize> {
        self.doc.claim_at(self.cursor, classes).or_else(|| {
            self.current_sentence()
                .and_then(|s| self.doc.claim_in(s, classes))
        })
    }

    /// `claim k/n · speaker · cue · kind class` for the status bar, counting the claims
    /// of the classes shown.
    pub fn claim_status(&self, store: &Store, classes: ClassFilter) -> Option<String> {
        let x = self.extraction()?;
        let i = self.current_claim(classes)?;
        let claim = x.claims.get(i)?;
        let shown = |c: &&Claim| classes.shows(c.class);
        let before = x
            .claims
            .get(..i)
            .unwrap_or_default()
            .iter()
            .filter(shown)
            .count();
        let total = x.claims.iter().filter(shown).count();
        let text = self.text(store);
        let speaker = claim
            .speaker
            .and_then(|s| x.speakers.get(s))
            .map_or("unattributed", |s| s.name.as_str());
        let cue = claim.cue.map(|c| c.slice(text)).filter(|c| !c.is_empty());
        let mut out = format!("claim {}/{total} · {speaker}", before + 1);
        if let Some(cue) = cue {
            out.push_str(&format!(" · {cue}"));
        }
        out.push_str(&format!(
            " · {} {}",
            claim.kind.as_str(),
            claim.class.as_str()
        ));
        Some(out)
    }

    /// Byte offset where the first visible line starts.
    pub fn top_offset(&self) -> usize {
        self.lines.get(self.top).map_or(0, |l| l.start)
    }

    /// Puts the cursor at `cursor` with the view starting at the line holding `top_offset`
    /// (a restored session); offsets past the end or inside a character are moved back.
    pub fn restore_position(&mut self, cursor: usize, top_offset: usize, store: &Store) {
        let text = self.text(store);
        let boundary = |mut at: usize| {
            at = at.min(text.len());
            while !text.is_char_boundary(at) {
                at -= 1;
            }
            at
        };
        self.cursor = boundary(cursor);
        self.top = line_of(&self.lines, boundary(top_offset));
        self.clamp_top();
    }

    /// Puts the cursor at `offset`, scrolling so it shows (a third down the page when the
    /// view has to move).
    pub fn jump_to(&mut self, offset: usize, store: &Store) {
        self.cursor = offset.min(self.text(store).len());
        let line = self.cursor_line();
        if line < self.top || line >= self.top + self.height {
            self.top = line.saturating_sub(self.height / 3);
        }
        self.clamp_top();
    }

    fn set_cursor_line(&mut self, line: usize) {
        let line = line.min(self.lines.len().saturating_sub(1));
        self.cursor = self.lines.get(line).map_or(0, |l| l.start);
        if line < self.top {
            self.top = line;
        } else if line >= self.top + self.height {
            self.top = line + 1 - self.height;
        }
        self.clamp_top();
    }

    fn clamp_top(&mut self) {
        self.top = self
            .top
            .min(self.lines.len().saturating_sub(self.height.max(1)));
    }

    pub fn handle(&mut self, action: Action, store: &Store, classes: ClassFilter) -> Effect {
        if self.article.is_none() {
            return match action {
                Action::Down | Action::Up | Action::Open => Effect::Message(Message::info(
                    "no article open: Enter in the library opens one",
                )),
                Action::Back => Effect::Focus(Pane::Library),
                _ => Effect::None,
            };
        }
        if let Some(effect) = self.handle_selection(action, store) {
            return effect;
        }
        let line = self.cursor_line();
        let (half, page) = ((self.height / 2).max(1), self.height.max(1));
        match action {
            Action::Down => self.set_cursor_line(line + 1),
            Action::Up => self.set_cursor_line(line.saturating_sub(1)),
            Action::Top => self.set_cursor_line(0),
            Action::Bottom => self.set_cursor_line(self.lines.len()),
            Action::HalfPageDown | Action::PageDown => {
                let step = if action == Action::PageDown {
                    page
                } else {
                    half
                };
                self.top += step;
                self.clamp_top();
                self.set_cursor_line(line + step);
            }
            Action::HalfPageUp | Action::PageUp => {
                let step = if action == Action::PageUp { page } else { half };
                self.top = self.top.saturating_sub(step);
                self.set_cursor_line(line.saturating_sub(step));
            }
            Action::NextSentence | Action::PrevSentence => {
                let sentences: Vec<Span> = self
                    .doc
                    .sentences
                    .iter()
                    .map(|s| Span::new(s.start, s.start))
                    .collect();
                return self.step(
                    &sentences,
                    action == Action::NextSentence,
                    "sentence",
                    store,
                );
            }
            Action::NextClaim | Action::PrevClaim => {
                let spans: Vec<Span> = self
                    .extraction()
                    .map(|x| {
                        x.claims
                            .iter()
                            .filter(|c| classes.shows(c.class))
                            .map(|c| c.span)
                            .collect()
                    })
                    .unwrap_or_default();
                let what = classes.noun();
                return self.step(&spans, action == Action::NextClaim, &what, store);
            }
            Action::NextNumber | Action::PrevNumber => {
                let spans: Vec<Span> = self
                    .extraction()
                    .map(|x| x.numbers.iter().map(|n| n.span).collect())
                    .unwrap_or_default();
                return self.step(&spans, action == Action::NextNumber, "number", store);
            }
            Action::Search => {
                self.search.origin = Some(self.cursor);
                return Effect::Prompt(PromptKind::Search);
            }
            Action::SearchNext | Action::SearchPrev => {
                return self.next_match(action == Action::SearchNext, store);
            }
            Action::Back if !self.search.query.is_empty() => self.search = Search::default(),
            Action::Back => return Effect::Focus(Pane::Library),
            _ => {}
        }
        Effect::None
    }

    /// `v`, and the keys that change a selection while there is one; `None` for the
    /// actions a selection leaves to the rest of the reader.
    fn handle_selection(&mut self, action: Action, store: &Store) -> Option<Effect> {
        let Some(mut sel) = self.selection else {
            return match action {
                Action::Select => {
                    match self.current_sentence().and_then(Selection::of_sentence) {
                        Some(sel) => self.selection = Some(sel),
                        None => return Some(Effect::Message(Message::info("nothing to select"))),
                    }
                    Some(Effect::None)
                }
                Action::SelectWordNext | Action::SelectWordPrev | Action::SwapSelectionEnd => {
                    Some(Effect::Message(Message::info(
                        "no selection: v selects the cursor's sentence",
                    )))
                }
                _ => None,
            };
        };
        let text = self.text(store);
        let moved = match action {
            Action::Down | Action::NextSentence => sel.by_sentence(&self.doc.sentences, true),
            Action::Up | Action::PrevSentence => sel.by_sentence(&self.doc.sentences, false),
            Action::SelectWordNext => sel.by_word(text, true),
            Action::SelectWordPrev => sel.by_word(text, false),
            Action::SwapSelectionEnd => {
                sel.swap();
                true
            }
            Action::Back | Action::Select => {
                self.selection = None;
                return Some(Effect::Message(Message::info("selection cancelled")));
            }
            _ => return None,
        };
        if !moved {
            return Some(Effect::Message(Message::info(
                "the selection cannot move that way (o swaps the moving end)",
            )));
        }
        let cursor = sel.cursor(text);
        self.selection = Some(sel);
        self.jump_to(cursor, store);
        Some(Effect::None)
    }

    /// Moves the cursor to the start of the next (or previous) span of a list sorted by
    /// start.
    fn step(&mut self, spans: &[Span], forward: bool, what: &str, store: &Store) -> Effect {
        let target = if forward {
            spans.iter().find(|s| s.start > self.cursor)
        } else {
            spans.iter().rev().find(|s| s.start < self.cursor)
        };
        match target {
            Some(s) => {
                self.jump_to(s.start, store);
                Effect::None
            }
            None if spans.is_empty() && what != "sentence" && self.extraction().is_none() => {
                Effect::Message(Message::info("extraction still running for this article"))
            }
            None if spans.is_empty() => {
                Effect::Message(Message::info(format!("no {what}s in this article")))
            }
            None => Effect::Message(Message::info(format!(
                "no {} {what}",
                if forward { "next" } else { "previous" }
            ))),
        }
    }

    /// A click on row `row` of the pane (0 = top border) moves the cursor to that line.
    pub fn click(&mut self, row: u16) {
        if let Some(r) = (row as usize).checked_sub(1).filter(|r| *r < self.height) {
            self.set_cursor_line(self.top + r);
        }
    }

    /// Wheel scrolling: moves the view, and the cursor with it when it would leave the view.
    pub fn scroll(&mut self, down: bool) {
        self.top = if down {
            self.top + 3
        } else {
            self.top.saturating_sub(3)
        };
        self.clamp_top();
        let line = self
            .cursor_line()
            .clamp(self.top, self.top + self.height.saturating_sub(1));
        if line != self.cursor_line() {
            self.cursor = self.lines.get(line).map_or(self.cursor, |l| l.start);
        }
    }

    pub fn draw(&mut self, frame: &mut Frame, area: Rect, ctx: &Ctx, focused: bool) {
        let theme = ctx.theme;
        let border = theme.pane_border(Some(Pane::Reader), focused);
        let article = self.article.and_then(|i| ctx.store.article(i));
        let title = article.map_or(" Reader ".to_string(), |a| {
            format!(
                " {} ",
                truncate(&a.title, usize::from(area.width.saturating_sub(4)))
            )
        });
        let mut block = Block::bordered()
            .title(Line::styled(title, border))
            .border_style(border);
        if let Some(label) = self.annotation_label(ctx, usize::from(area.width)) {
            block = block.title_bottom(Line::styled(label, theme.tag));
        }
        frame.render_widget(block, area);
        let body = inner(area);
        self.height = usize::from(body.height).max(1);
        let Some(article) = article else {
            let hint = "Move in the library to preview an article; Enter opens it.";
            frame.render_widget(
                Paragraph::new(TextSpan::styled(hint, theme.dim))
                    .wrap(ratatui::widgets::Wrap { trim: true }),
                body,
            );
            return;
        };
        if body.width < 3 || body.height == 0 {
            return;
        }
        let text = article.text.as_str();
        // One column for the cursor gutter, one for the scrollbar.
        let width = usize::from(body.width - 2);
        if width != self.wrap_width || self.lines.is_empty() {
            // The first visible line keeps its text across a re-wrap (a resize, a start).
            let top_offset = self.top_offset();
            self.wrap_width = width;
            self.lines = self.layout(text, width);
            self.top = line_of(&self.lines, top_offset);
        }
        self.clamp_top();
        let cursor_line = self.cursor_line();
        let sentence = self.current_sentence();
        let placed = ctx
            .store
            .annotations()
            .placed()
            .filter(|p| Some(p.article) == self.article);
        let marks: &[Span] = placed.map_or(&[], |p| p.marks.as_slice());
        let lines: Vec<Line> = (self.top..(self.top + self.height).min(self.lines.len()))
            .map(|i| {
                let range = self.lines[i];
                let mut line = self.styled_line(text, range, sentence, marks, ctx);
                let annotated = render::spans_overlapping(marks, Span::new(range.start, range.end))
                    .next()
                    .is_some();
                let gutter = match (i == cursor_line, annotated) {
                    (true, _) => TextSpan::styled("▌", theme.gutter),
                    (false, true) => TextSpan::styled("│", theme.tag),
                    (false, false) => TextSpan::styled(" ", theme.gutter),
                };
                line.spans.insert(0, gutter);
                line
            })
            .collect();
        let text_area = Rect {
            width: body.width - 1,
            ..body
        };
        frame.render_widget(Paragraph::new(lines), text_area);
        if self.lines.len() > self.height {
            let mut state = ScrollbarState::new(self.lines.len().saturating_sub(self.height))
                .position(self.top)
                .viewport_content_length(self.height);
            let bar = Scrollbar::new(ScrollbarOrientation::VerticalRight)
                .begin_symbol(None)
                .end_symbol(None)
                .thumb_style(border)
                .track_style(theme.dim);
            frame.render_stateful_widget(bar, body, &mut state);
        }
    }

    /// The tags and note of the annotation under the cursor, for the bottom border.
    fn annotation_label(&self, ctx: &Ctx, width: usize) -> Option<String> {
        let placed = ctx.store.annotations().placed()?;
        if Some(placed.article) != self.article {
            return None;
        }
        let note = placed.at(self.cursor)?;
        let label = super::notes_tab::summary(&note.annotation, note.status);
        Some(format!(" {} ", truncate(&label, width.saturating_sub(6))))
    }
}
