//! The library-wide search (`F`): a query typed in the status bar, the best sentences of
//! the whole library below it (article, date, speakers, the sentence with the hit marked),
//! Enter opening one at the hit. The query language is [`crate::corpus::search::query`].

use std::time::{Duration, Instant};

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span as TextSpan};
use ratatui::widgets::Paragraph;

use crate::corpus::search::{Hit, parse};
use crate::text::wrap::{char_width, str_width};
use crate::tui::component::{Ctx, Effect, PromptKind, move_selection, overlay_frame, truncate};
use crate::tui::keymap::Action;
use crate::tui::library_search::LibrarySearch;
use crate::tui::store::Store;

/// Sentences listed for one query (the count says how many match in all).
pub const HITS_SHOWN: usize = 200;

/// One listed hit: the article it is in (index in the store) and the hit.
#[derive(Debug, Clone)]
struct Row {
    article: usize,
    hit: Hit,
    /// Said after the speakers, as a warning (`another speaker`).
    note: Option<String>,
}

#[derive(Debug, Clone, Default)]
pub struct SearchView {
    query: String,
    rows: Vec<Row>,
    total: usize,
    /// Why the query gave nothing: a query error, an index problem.
    error: Option<String>,
    took: Duration,
    selected: usize,
    offset: usize,
    /// Rows that fit, for paging.
    height: usize,
    /// Articles indexed when the query last ran, to run it again as the index grows.
    ran_at: Option<usize>,
    last_run: Option<Instant>,
    /// A fixed list's title (a claim's copies) instead of a query's.
    listing: Option<String>,
}

/// How often a query runs again while the index is being built.
const REFRESH_EVERY: Duration = Duration::from_millis(500);

impl SearchView {
    /// A fixed list: `rows` are (article, sentence with its marked words, warning).
    pub fn listing(title: String, rows: Vec<(usize, Hit, Option<String>)>) -> Self {
        SearchView {
            total: rows.len(),
            rows: rows
                .into_iter()
                .map(|(article, hit, note)| Row { article, hit, note })
                .collect(),
            listing: Some(title),
            ..SearchView::default()
        }
    }

    pub fn query(&self) -> &str {
        &self.query
    }

    /// Runs `query` now and lists what it finds.
    pub fn set_query(&mut self, query: &str, search: &LibrarySearch, store: &Store) {
        if query != self.query {
            self.selected = 0;
            self.offset = 0;
        }
        self.query = query.to_string();
        self.listing = None;
        self.run(search, store);
    }

    /// Runs the query again when the index has grown since (it is being built).
    pub fn refresh(&mut self, search: &LibrarySearch, store: &Store) {
        let indexed = search.indexing().map(|(done, _)| done);
        let due = self.last_run.is_none_or(|at| at.elapsed() >= REFRESH_EVERY);
        if due && indexed != self.ran_at && !self.query.trim().is_empty() {
            self.run(search, store);
        }
    }

    fn run(&mut self, search: &LibrarySearch, store: &Store) {
        self.ran_at = search.indexing().map(|(done, _)| done);
        let started = Instant::now();
        self.last_run = Some(started);
        let outcome = parse(&self.query)
            .map_err(|e| e.to_string())
            .and_then(|q| search.search(&q, store, HITS_SHOWN));
        self.took = started.elapsed();
        match outcome {
            Ok(results) => {
                self.total = results.total;
                self.rows = results
                    .hits
                    .into_iter()
                    .filter_map(|hit| {
                        let article = search.article(&hit.article)?;
                        Some(Row {
                            article,
                            hit,
                            note: None,
                        })
                    })
                    .collect();
                self.error = None;
            }
            Err(e) => {
                self.rows.clear();
                self.total = 0;
                self.error = Some(e);
            }
        }
        self.selected = self.selected.min(self.rows.len().saturating_sub(1));
    }

    /// How many sentences match, and how many are listed.
    pub fn counts(&self) -> (usize, usize) {
        (self.total, self.rows.len())
    }

    pub fn handle(&mut self, action: Action) -> Effect {
        if let Some(s) = move_selection(action, self.selected, self.rows.len(), self.height) {
            self.selected = s;
            return Effect::None;
        }
        match action {
            Action::Back | Action::Quit | Action::LibrarySearch => Effect::Close,
            Action::Search => Effect::Prompt(PromptKind::LibrarySearch),
            Action::Open => match self.rows.get(self.selected) {
                Some(row) => Effect::Jump {
                    article: row.article,
                    offset: row.hit.start + row.hit.marks.first().map_or(0, |m| m.start),
                    focus_reader: true,
                },
                None => Effect::None,
            },
            _ => Effect::None,
        }
    }

    pub fn click(&mut self, row: u16) {
        if let Some(r) = usize::from(row).checked_sub(1) {
            self.selected = (self.offset + r / 2).min(self.rows.len().saturating_sub(1));
        }
    }

    pub fn scroll(&mut self, down: bool) {
        let action = if down { Action::Down } else { Action::Up };
        self.selected = move_selection(action, self.selected, self.rows.len(), self.height)
            .unwrap_or(self.selected);
    }

    pub fn draw(&mut self, frame: &mut Frame, area: Rect, ctx: &Ctx, search: &LibrarySearch) {
        let theme = ctx.theme;
        let indexing = match search.indexing() {
            Some((done, sent)) => format!(" · indexing {done}/{sent}"),
            None => String::new(),
        };
        let found = if self.query.trim().is_empty() {
            String::new()
        } else {
            let plural = if self.total == 1 { "" } else { "s" };
            let shown = match self.total > self.rows.len() {
                true => format!("{} of ", self.rows.len()),
                false => String::new(),
            };
            format!(
                " · {shown}{} sentence{plural} in {} ms",
                self.total,
                self.took.as_millis()
            )
        };
        let title = match &self.listing {
            Some(title) => format!(" {title} · Enter opens · / searches "),
            None => format!(
                " Search the library: {}{found}{indexing} · / edits · Enter opens ",
                self.query
            ),
        };
        let body = overlay_frame(frame, area, title, theme.pane_border(None, true));
        // Two lines a hit: where it is, then the sentence.
        self.height = usize::from(body.height / 2).max(1);
        let width = usize::from(body.width);
        let (start, end) = crate::tui::component::visible_window(
            self.rows.len(),
            self.selected,
            self.offset,
            self.height,
        );
        self.offset = start;
        let mut lines = Vec::new();
        for (n, row) in self
            .rows
            .get(start..end)
            .unwrap_or_default()
            .iter()
            .enumerate()
        {
            let selected = start + n == self.selected;
            let mut head = where_line(ctx, row, width);
            let mut sentence = sentence_line(&row.hit, width, theme.search);
            if selected {
                head = head.style(theme.selection);
                sentence = sentence.style(theme.selection);
            }
            lines.push(head);
            lines.push(sentence);
        }
        if lines.is_empty() {
            let msg = match (&self.error, search.problem()) {
                (Some(e), _) => e.clone(),
                (None, _) if self.query.trim().is_empty() => {
                    "type words, \"a phrase\", pre*, speaker:NAME source: tag: kind: class: \
                     after:YYYY-MM-DD before:"
                        .to_string()
                }
                (None, Some(p)) => format!("nothing found ({p})"),
                (None, None) if search.indexing().is_some() => {
                    "nothing found yet: the library is being indexed".to_string()
                }
                (None, None) => "nothing in the library matches".to_string(),
            };
            let style = if self.error.is_some() {
                theme.error
            } else {
                theme.dim
            };
            frame.render_widget(Paragraph::new(TextSpan::styled(msg, style)), body);
        } else {
            frame.render_widget(Paragraph::new(lines), body);
        }
    }
}

/// `date  title — speakers`.
fn where_line(ctx: &Ctx, row: &Row, width: usize) -> Line<'static> {
    let Some(a) = ctx.store.article(row.article) else {
        return Line::default();
    };
    let date = format!("{:<10}  ", a.date.as_deref().unwrap_or("no date"));
    let speakers = if row.hit.speakers.is_empty() {
        String::new()
    } else {
        format!(" — {}", row.hit.speakers.join(", "))
    };
    let source = a
        .source
        .as_deref()
        .map_or(String::new(), |s| format!(" · {s}"));
    let rest = width.saturating_sub(date.len());
    let title = truncate(
        &format!("{}{source}", a.title),
        rest.saturating_sub(str_width(&speakers)).max(rest / 2),
    );
    let note = row
        .note
        .as_deref()
        .map_or(String::new(), |n| format!("  {n}"));
    let speakers = truncate(
        &speakers,
        rest.saturating_sub(str_width(&title) + str_width(&note)),
    );
    let note = truncate(
        &note,
        rest.saturating_sub(str_width(&title) + str_width(&speakers)),
    );
    Line::from(vec![
        TextSpan::styled(date, ctx.theme.dim),
        TextSpan::styled(title, ctx.theme.header),
        TextSpan::styled(speakers, ctx.theme.speakers),
        TextSpan::styled(note, ctx.theme.error),
    ])
}

/// Where a line of `width` columns showing `text` starts so that byte `hit` shows: the
/// start when it fits; else as early as lets the rest of the sentence fit, but with at
/// least a third of the line before the hit given to what comes after it; at a word.
fn window_start(text: &str, hit: usize, width: usize) -> usize {
    if str_width(text) <= width {
        return 0;
    }
    let after = str_width(text.get(hit..).unwrap_or(""));
    // Columns before the hit: what the tail leaves, at most two thirds of the line.
    let budget = width
        .saturating_sub(after)
        .max(width / 3)
        .min(width * 2 / 3);
    let mut from = hit;
    let mut used = 0;
    for (i, c) in text.get(..hit).unwrap_or("").char_indices().rev() {
        used += char_width(c);
        if used > budget {
            break;
        }
        from = i;
    }
    // Start at a word: past the first space after the cut, unless that is the hit itself.
    match text.get(from..hit).and_then(|gap| gap.find(' ')) {
        Some(space) if from > 0 => from + space + 1,
        _ => from,
    }
}

/// The sentence on one line, starting a little before its first hit when it is too long,
/// with the matched words marked.
fn sentence_line(hit: &Hit, width: usize, mark: Style) -> Line<'static> {
    let text = hit.text.as_str();
    let width = width.saturating_sub(2).max(1);
    let first = hit.marks.first().map_or(0, |m| m.start);
    let from = window_start(text, first, width);
    let mut spans = vec![TextSpan::raw(if from > 0 { "  …" } else { "  " })];
    let mut at = from;
    let mut room = width.saturating_sub(usize::from(from > 0));
    let mut push = |piece: &str, style: Option<Style>, room: &mut usize| {
        let shown = truncate(&piece.replace('\n', " "), *room);
        *room = room.saturating_sub(str_width(&shown));
        spans.push(match style {
            Some(s) => TextSpan::styled(shown, s),
            None => TextSpan::raw(shown),
        });
    };
    for m in hit.marks.iter().filter(|m| m.start >= from) {
        if room == 0 {
            break;
        }
        push(text.get(at..m.start).unwrap_or(""), None, &mut room);
        push(
            text.get(m.start..m.end).unwrap_or(""),
            Some(mark),
            &mut room,
        );
        at = m.end;
    }
    if room > 0 {
        push(text.get(at..).unwrap_or(""), None, &mut room);
    }
    Line::from(spans)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_long_sentence_shows_from_a_word_before_its_hit() {
        let text = "one two three four five six seven eight nine ten eleven twelve target end";
        let hit = text.find("target").unwrap();
        let from = window_start(text, hit, 30);
        assert!(from > 0 && from < hit);
        assert!(
            text[..from].ends_with(' '),
            "starts at a word: {:?}",
            &text[from..]
        );
        assert!(
            str_width(&text[from..]) <= 30,
            "the tail fits: {:?}",
            &text[from..]
        );
        assert_eq!(window_start("short", 0, 30), 0);
        // A hit at the very end still keeps a third of the line after it… or what is left.
        let late = window_start(text, text.len() - 3, 12);
        assert!(late <= text.len() - 3);
        let hit = Hit {
            article: "x".into(),
            start: 0,
            text: text.into(),
            speakers: vec![],
            marks: std::iter::once(hit..hit + 6).collect(),
        };
        let line = sentence_line(&hit, 32, Style::default().bold());
        let shown: String = line.spans.iter().map(|s| s.content.as_ref()).collect();
        assert!(
            shown.starts_with("  …") && shown.contains("target end"),
            "{shown}"
        );
        assert_eq!(
            line.spans.iter().filter(|s| s.content == "target").count(),
            1
        );
    }
}
