//! The library pane: one row per article with its counts; sort, filter, open.

use ratatui::Frame;
use ratatui::layout::{Constraint, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Cell, Paragraph, Row, Table};

use crate::corpus::{NameQuery, normalise};
use crate::tui::component::{
    Ctx, Effect, PromptKind, inner, move_selection, truncate, visible_window,
};
use crate::tui::keymap::Action;
use crate::tui::store::{Slot, Store};
use crate::tui::theme::Pane;

/// The library's sort orders, in the order `s` cycles through them.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SortKey {
    /// Newest first; undated articles last, in load order.
    Date,
    Title,
    /// Load order (paths, sorted).
    Path,
}

impl SortKey {
    pub const fn next(self) -> Self {
        match self {
            SortKey::Date => SortKey::Title,
            SortKey::Title => SortKey::Path,
            SortKey::Path => SortKey::Date,
        }
    }

    pub const fn label(self) -> &'static str {
        match self {
            SortKey::Date => "date",
            SortKey::Title => "title",
            SortKey::Path => "path",
        }
    }
}

#[derive(Debug, Clone)]
pub struct Library {
    /// Article indices shown, in order (sorted and filtered).
    view: Vec<usize>,
    selected: usize,
    offset: usize,
    sort: SortKey,
    filter: String,
    height: usize,
}

impl Library {
    pub fn new(store: &Store) -> Self {
        let mut lib = Library {
            view: Vec::new(),
            selected: 0,
            offset: 0,
            sort: SortKey::Date,
            filter: String::new(),
            height: 10,
        };
        lib.refresh(store);
        lib
    }

    pub fn sort(&self) -> SortKey {
        self.sort
    }

    pub fn filter(&self) -> &str {
        &self.filter
    }

    /// Article indices in display order.
    pub fn view(&self) -> &[usize] {
        &self.view
    }

    pub fn selected_article(&self) -> Option<usize> {
        self.view.get(self.selected).copied()
    }

    /// Selects an article if it is in view.
    pub fn select_article(&mut self, article: usize) {
        if let Some(pos) = self.view.iter().position(|&a| a == article) {
            self.selected = pos;
        }
    }

    /// Recomputes the view (after a sort, a filter, or new extraction results), keeping
    /// the selected article selected when it is still shown.
    pub fn refresh(&mut self, store: &Store) {
        let keep = self.selected_article();
        let words: Vec<FilterWord> = self
            .filter
            .split_whitespace()
            .map(FilterWord::new)
            .collect();
        let mut view: Vec<usize> = (0..store.len())
            .filter(|&i| matches(store, i, &words))
            .collect();
        let articles = store.articles();
        match self.sort {
            SortKey::Date => view.sort_by(|&a, &b| {
                // Newest first, undated last; the sort is stable so ties keep load order.
                articles[b].date.cmp(&articles[a].date)
            }),
            SortKey::Title => view.sort_by_cached_key(|&i| articles[i].title.to_lowercase()),
            SortKey::Path => {}
        }
        self.view = view;
        self.selected = keep
            .and_then(|a| self.view.iter().position(|&v| v == a))
            .unwrap_or(0)
            .min(self.view.len().saturating_sub(1));
    }

    /// Whether new extraction results can change the view (speaker names are filtered on).
    pub fn depends_on_extraction(&self) -> bool {
        !self.filter.trim().is_empty()
    }

    pub fn set_filter(&mut self, filter: &str, store: &Store) {
        self.filter = filter.to_string();
        self.refresh(store);
    }

    pub fn handle(&mut self, action: Action, store: &Store) -> Effect {
        if let Some(sel) = move_selection(action, self.selected, self.view.len(), self.height) {
            self.selected = sel;
            return Effect::None;
        }
        match action {
            Action::Open => self.selected_article().map_or(Effect::None, Effect::Open),
            Action::Sort => {
                self.sort = self.sort.next();
                self.refresh(store);
                Effect::None
            }
            Action::Search => Effect::Prompt(PromptKind::Filter),
            Action::Back if !self.filter.is_empty() => {
                self.set_filter("", store);
                Effect::None
            }
            _ => Effect::None,
        }
    }

    /// A click on row `row` of the pane (0 = top border).
    pub fn click(&mut self, row: u16) -> Effect {
        // Row 0 is the border, row 1 the column header.
        let Some(pos) = (row as usize).checked_sub(2).map(|r| r + self.offset) else {
            return Effect::None;
        };
        if pos < self.view.len() {
            if self.selected == pos {
                return Effect::Open(self.view[pos]);
            }
            self.selected = pos;
        }
        Effect::None
    }

    pub fn scroll(&mut self, down: bool) {
        let action = if down { Action::Down } else { Action::Up };
        for _ in 0..3 {
            if let Some(sel) = move_selection(action, self.selected, self.view.len(), self.height) {
                self.selected = sel;
            }
        }
    }

    pub fn draw(&mut self, frame: &mut Frame, area: Rect, ctx: &Ctx, focused: bool) {
        let theme = ctx.theme;
        let mut title = format!(
            " Library {}/{} · by {} ",
            self.view.len(),
            ctx.store.len(),
            self.sort.label()
        );
        if !self.filter.is_empty() {
            title.push_str(&format!("· /{} ", self.filter));
        }
        let block = Block::bordered()
            .title(Line::styled(
                title,
                theme.pane_border(Some(Pane::Library), focused),
            ))
            .border_style(theme.pane_border(Some(Pane::Library), focused));
        let body = inner(area);
        frame.render_widget(block, area);
        self.height = usize::from(body.height.saturating_sub(1));
        if self.view.is_empty() {
            let msg = if ctx.store.is_empty() {
                "no articles"
            } else {
                "no article matches the filter"
            };
            frame.render_widget(Paragraph::new(Span::styled(msg, theme.dim)), body);
            return;
        }
        let (start, end) = visible_window(self.view.len(), self.selected, self.offset, self.height);
        self.offset = start;
        let wide = body.width >= 60;
        // Title column: what the date, source and four count columns (and gaps) leave.
        let fixed = if wide { 10 + 12 + 2 } else { 0 } + 4 * 4;
        let title_width = usize::from(body.width).saturating_sub(fixed);
        let rows = self.view[start..end].iter().enumerate().map(|(n, &i)| {
            let a = &ctx.store.articles()[i];
            let mut cells = vec![Cell::from(truncate(&a.title, title_width))];
            if wide {
                cells.push(Cell::from(a.date.as_deref().unwrap_or("")));
                cells.push(Cell::from(a.source.as_deref().unwrap_or("")));
            }
            cells.extend(
                counts(ctx.store, i)
                    .into_iter()
                    .map(|c| Cell::from(Line::from(c).right_aligned())),
            );
            let row = Row::new(cells);
            if start + n == self.selected {
                row.style(if focused {
                    theme.selection
                } else {
                    theme.selection_unfocused
                })
            } else {
                row
            }
        });
        let mut widths = vec![Constraint::Fill(1)];
        let mut header = vec!["Title"];
        if wide {
            widths.extend([Constraint::Length(10), Constraint::Length(12)]);
            header.extend(["Date", "Source"]);
        }
        widths.extend([Constraint::Length(3); 4]);
        header.extend(["Spk", "Clm", "Num", "Ann"]);
        let header = Row::new(header.into_iter().map(Cell::from)).style(theme.header);
        frame.render_widget(
            Table::new(rows, widths).header(header).column_spacing(1),
            body,
        );
    }
}

/// Speakers, claims, numbers and annotations of an article, as shown in its row.
fn counts(store: &Store, i: usize) -> [String; 4] {
    let ann = store.annotation_count(i).to_string();
    match store.slot(i) {
        Some(Slot::Ready(x)) => [
            x.speakers.len().to_string(),
            x.claims.len().to_string(),
            x.numbers.len().to_string(),
            ann,
        ],
        Some(Slot::Failed(_)) => ["!".into(), "!".into(), "!".into(), ann],
        _ => ["…".into(), "…".into(), "…".into(), ann],
    }
}

/// A word of the library filter, lowercased for titles, sources and tags, and read as a
/// name for speakers.
struct FilterWord {
    lower: String,
    name: NameQuery,
}

impl FilterWord {
    fn new(word: &str) -> Self {
        FilterWord {
            lower: word.to_lowercase(),
            name: NameQuery::new(word),
        }
    }
}

/// Whether article `i` matches every filter word (title, source, a speaker's name, or a
/// tag of its annotations — `#tag` matches tags only). Speaker names are matched as the
/// speakers index reads them ([`NameQuery`]), so filtering by an index entry's name finds
/// every article the index lists for it.
fn matches(store: &Store, i: usize, words: &[FilterWord]) -> bool {
    if words.is_empty() {
        return true;
    }
    let Some(a) = store.article(i) else {
        return false;
    };
    let title = a.title.to_lowercase();
    let source = a.source.as_deref().unwrap_or("").to_lowercase();
    let speakers: Vec<String> = store
        .extraction(i)
        .map(|x| x.speakers.iter().map(|s| normalise(&s.name)).collect())
        .unwrap_or_default();
    let tags: Vec<String> = store
        .annotations()
        .tags_of(i)
        .into_iter()
        .map(str::to_lowercase)
        .collect();
    words.iter().all(|w| match w.lower.strip_prefix('#') {
        Some(tag) => tags.iter().any(|t| t.contains(tag)),
        None => {
            let word = w.lower.as_str();
            title.contains(word)
                || source.contains(word)
                || speakers.iter().any(|s| w.name.matches(s))
                || tags.iter().any(|t| t.contains(word))
        }
    })
}
