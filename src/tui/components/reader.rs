//! The reader pane: the article wrapped to the pane, highlight layers, a sentence cursor,
//! claim/number/sentence jumps and search.

use std::borrow::Cow;
use std::sync::Arc;

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span as TextSpan};
use ratatui::widgets::{Block, Paragraph, Scrollbar, ScrollbarOrientation, ScrollbarState};

use crate::extract::{Extraction, Span};
use crate::text::search::find_all;
use crate::text::wrap::{WrappedLine, line_of, wrap};
use crate::tui::component::{Ctx, Effect, Message, PromptKind, inner, truncate};
use crate::tui::doc::{Doc, covering, sentence_at};
use crate::tui::keymap::Action;
use crate::tui::store::Store;
use crate::tui::theme::Pane;

/// Width used to wrap before the first frame tells the real one.
const DEFAULT_WIDTH: usize = 80;

#[derive(Debug, Clone, Default)]
struct Search {
    query: String,
    matches: Vec<Span>,
    current: Option<usize>,
    /// Where the cursor was when the search began (restored when it is cancelled).
    origin: Option<usize>,
}

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
        self.lines = wrap(&article.text, self.width());
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

    /// The claim under the cursor, else the first claim of the cursor's sentence.
    pub fn current_claim(&self) -> Option<usize> {
        self.doc
            .claim_at(self.cursor)
            .or_else(|| self.current_sentence().and_then(|s| self.doc.claim_in(s)))
    }

    /// `claim i/n · speaker · cue · kind` for the status bar.
    pub fn claim_status(&self, store: &Store) -> Option<String> {
        let x = self.extraction()?;
        let i = self.current_claim()?;
        let claim = x.claims.get(i)?;
        let text = self.text(store);
        let speaker = claim
            .speaker
            .and_then(|s| x.speakers.get(s))
            .map_or("unattributed", |s| s.name.as_str());
        let cue = claim.cue.map(|c| c.slice(text)).filter(|c| !c.is_empty());
        let mut out = format!("claim {}/{} · {speaker}", i + 1, x.claims.len());
        if let Some(cue) = cue {
            out.push_str(&format!(" · {cue}"));
        }
        out.push_str(&format!(" · {}", claim.kind.as_str()));
        Some(out)
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

    pub fn handle(&mut self, action: Action, store: &Store) -> Effect {
        if self.article.is_none() {
            return match action {
                Action::Down | Action::Up | Action::Open => Effect::Message(Message::info(
                    "no article open: Enter in the library opens one",
                )),
                _ => Effect::None,
            };
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
                    .map(|x| x.claims.iter().map(|c| c.span).collect())
                    .unwrap_or_default();
                return self.step(&spans, action == Action::NextClaim, "claim", store);
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
            _ => {}
        }
        Effect::None
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

    /// Live search while the query is typed: matches are highlighted and the cursor goes
    /// to the first match from where the search began.
    pub fn set_search(&mut self, query: &str, store: &Store) {
        let text = self.text(store);
        let origin = self.search.origin.unwrap_or(self.cursor);
        self.search.query = query.to_string();
        self.search.matches = find_all(text, query);
        self.search.current = self
            .search
            .matches
            .iter()
            .position(|m| m.start >= origin)
            .or((!self.search.matches.is_empty()).then_some(0));
        match self.search.current.and_then(|i| self.search.matches.get(i)) {
            Some(m) => self.jump_to(m.start, store),
            None => self.jump_to(origin, store),
        }
    }

    /// Ends the search prompt: kept (Enter) or cancelled (Esc, back to where it began).
    pub fn finish_search(&mut self, keep: bool, store: &Store) -> Effect {
        let origin = self.search.origin.take();
        if keep && !self.search.query.is_empty() {
            let n = self.search.matches.len();
            return match n {
                0 => Effect::Message(Message::error(format!("not found: {}", self.search.query))),
                _ => Effect::Message(Message::info(format!(
                    "{n} match{}",
                    if n == 1 { "" } else { "es" }
                ))),
            };
        }
        self.search = Search::default();
        if let Some(o) = origin {
            self.jump_to(o, store);
        }
        Effect::None
    }

    fn next_match(&mut self, forward: bool, store: &Store) -> Effect {
        let m = &self.search.matches;
        if m.is_empty() {
            let msg = if self.search.query.is_empty() {
                "no search: / searches the article".into()
            } else {
                format!("not found: {}", self.search.query)
            };
            return Effect::Message(Message::info(msg));
        }
        let (found, wrapped) = if forward {
            match m.iter().position(|s| s.start > self.cursor) {
                Some(i) => (i, false),
                None => (0, true),
            }
        } else {
            match m.iter().rposition(|s| s.start < self.cursor) {
                Some(i) => (i, false),
                None => (m.len() - 1, true),
            }
        };
        let (start, total) = (m[found].start, m.len());
        self.search.current = Some(found);
        self.jump_to(start, store);
        let note = format!(
            "match {}/{}{}",
            found + 1,
            total,
            if wrapped { " (wrapped)" } else { "" }
        );
        Effect::Message(Message::info(note))
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
        frame.render_widget(
            Block::bordered()
                .title(Line::styled(title, border))
                .border_style(border),
            area,
        );
        let body = inner(area);
        self.height = usize::from(body.height).max(1);
        let Some(article) = article else {
            let hint = "Select an article in the library and press Enter.";
            frame.render_widget(Paragraph::new(TextSpan::styled(hint, theme.dim)), body);
            return;
        };
        if body.width < 3 || body.height == 0 {
            return;
        }
        let text = article.text.as_str();
        // One column for the cursor gutter, one for the scrollbar.
        let width = usize::from(body.width - 2);
        if width != self.wrap_width || self.lines.is_empty() {
            self.wrap_width = width;
            self.lines = wrap(text, width);
        }
        self.clamp_top();
        let cursor_line = self.cursor_line();
        let sentence = self.current_sentence();
        let lines: Vec<Line> = (self.top..(self.top + self.height).min(self.lines.len()))
            .map(|i| {
                let mut line = self.styled_line(text, self.lines[i], sentence, ctx);
                let gutter = if i == cursor_line { "▌" } else { " " };
                line.spans.insert(0, TextSpan::styled(gutter, theme.gutter));
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

    /// One wrapped line cut into runs of equal style.
    fn styled_line<'t>(
        &self,
        text: &'t str,
        line: WrappedLine,
        sentence: Option<Span>,
        ctx: &Ctx,
    ) -> Line<'t> {
        let range = Span::new(line.start, line.end);
        let theme = ctx.theme;
        let mut layers: Vec<(Span, Style)> = Vec::new();
        if let Some(s) = sentence.filter(|s| s.overlaps(range)) {
            layers.push((s, theme.cursor));
        }
        if ctx.layers.claims {
            layers.extend(
                covering(&self.doc.claims, range).map(|m| (m.span, theme.claim(m.speaker))),
            );
        }
        if ctx.layers.speakers {
            layers.extend(covering(&self.doc.mentions, range).map(|m| (m.span, theme.speakers)));
        }
        if ctx.layers.numbers {
            layers.extend(covering(&self.doc.numbers, range).map(|m| (m.span, theme.numbers)));
        }
        let matches = &self.search.matches;
        let first = matches.partition_point(|m| m.end <= range.start);
        for (i, m) in matches
            .iter()
            .enumerate()
            .skip(first)
            .take_while(|(_, m)| m.start < range.end)
        {
            let style = if Some(i) == self.search.current {
                theme.search_current
            } else {
                theme.search
            };
            layers.push((*m, style));
        }
        let mut cuts = vec![range.start, range.end];
        for (s, _) in &layers {
            cuts.push(s.start.clamp(range.start, range.end));
            cuts.push(s.end.clamp(range.start, range.end));
        }
        cuts.sort_unstable();
        cuts.dedup();
        let spans = cuts
            .windows(2)
            .filter_map(|w| {
                let piece = text.get(w[0]..w[1])?;
                let style = layers
                    .iter()
                    .filter(|(s, _)| s.start <= w[0] && w[1] <= s.end)
                    .fold(Style::new(), |acc, (_, st)| acc.patch(*st));
                Some(TextSpan::styled(printable(piece), style))
            })
            .collect::<Vec<_>>();
        Line::from(spans)
    }
}

/// Control characters (tabs, stray carriage returns) drawn as spaces, as the wrapper counts them.
fn printable(s: &str) -> Cow<'_, str> {
    if s.chars().any(char::is_control) {
        Cow::Owned(
            s.chars()
                .map(|c| if c.is_control() { ' ' } else { c })
                .collect(),
        )
    } else {
        Cow::Borrowed(s)
    }
}
