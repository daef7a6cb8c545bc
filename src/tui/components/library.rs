//! The library pane: one row per article with its counts; sort, filter, open.

use ratatui::Frame;
use ratatui::layout::{Constraint, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Cell, Paragraph, Row, Table};

use std::cmp::Ordering;

use crate::corpus::{NameQuery, normalise};
use crate::text::natural::natural_cmp;
use crate::tui::component::{
    Ctx, Effect, PromptKind, inner, move_selection, truncate, visible_window,
};
use crate::tui::keymap::Action;
use crate::tui::store::{Slot, Store};
use crate::tui::theme::Pane;

/// The library's sort orders, in the order `s` cycles through them: one per column.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SortKey {
    /// Newest first; undated articles last, in load order.
    Date,
    /// Natural order (`Article 2` before `Article 10`), without case.
    Title,
    /// Outlet A to Z; articles without one last.
    Source,
    /// Most speakers first (likewise the other counts).
    Speakers,
    Claims,
    Numbers,
    Annotations,
    /// Load order (paths, sorted).
    Path,
}

impl SortKey {
    pub const ALL: [SortKey; 8] = [
        SortKey::Date,
        SortKey::Title,
        SortKey::Source,
        SortKey::Speakers,
        SortKey::Claims,
        SortKey::Numbers,
        SortKey::Annotations,
        SortKey::Path,
    ];

    pub fn next(self) -> Self {
        let at = SortKey::ALL.iter().position(|&k| k == self).unwrap_or(0);
        SortKey::ALL.get(at + 1).copied().unwrap_or(SortKey::Date)
    }

    pub const fn label(self) -> &'static str {
        match self {
            SortKey::Date => "date",
            SortKey::Title => "title",
            SortKey::Source => "source",
            SortKey::Speakers => "speakers",
            SortKey::Claims => "claims",
            SortKey::Numbers => "numbers",
            SortKey::Annotations => "annotations",
            SortKey::Path => "path",
        }
    }

    /// The key named `label` (as saved in the session).
    pub fn from_label(label: &str) -> Option<SortKey> {
        SortKey::ALL.into_iter().find(|k| k.label() == label)
    }

    /// Whether the order changes as extraction results arrive.
    const fn uses_counts(self) -> bool {
        matches!(
            self,
            SortKey::Speakers | SortKey::Claims | SortKey::Numbers | SortKey::Annotations
        )
    }
}

#[derive(Debug, Clone)]
pub struct Library {
    /// Article indices shown, in order (sorted and filtered).
    view: Vec<usize>,
    selected: usize,
    offset: usize,
    sort: SortKey,
    /// The sort order turned round (`R`); articles missing the sorted value stay last.
    reversed: bool,
    filter: String,
    height: usize,
    /// Articles of the store the view has taken in (the rest arrived since).
    seen: usize,
}

impl Library {
    pub fn new(store: &Store) -> Self {
        let mut lib = Library {
            view: Vec::new(),
            selected: 0,
            offset: 0,
            sort: SortKey::Date,
            reversed: false,
            filter: String::new(),
            height: 10,
            seen: 0,
        };
        lib.refresh(store);
        lib
    }

    pub fn sort(&self) -> SortKey {
        self.sort
    }

    pub fn reversed(&self) -> bool {
        self.reversed
    }

    /// Sets the sort order (a restored session); the view follows.
    pub fn set_sort(&mut self, sort: SortKey, reversed: bool, store: &Store) {
        self.sort = sort;
        self.reversed = reversed;
        self.refresh(store);
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
        self.seen = store.len();
        let keep = self.selected_article();
        let words: Vec<FilterWord> = self
            .filter
            .split_whitespace()
            .map(FilterWord::new)
            .collect();
        let mut view: Vec<usize> = (0..store.len())
            .filter(|&i| matches(store, i, &words))
            .collect();
        let (sort, reversed) = (self.sort, self.reversed);
        view.sort_by(|&a, &b| compare(store, sort, a, b, reversed));
        self.view = view;
        self.selected = keep
            .and_then(|a| self.view.iter().position(|&v| v == a))
            .unwrap_or(0)
            .min(self.view.len().saturating_sub(1));
    }

    /// Puts the articles read since the view was last made in their places: they are
    /// sorted among themselves and merged in, so a library read in batches is not sorted
    /// whole again for every batch. The order is the one [`Library::refresh`] gives (on
    /// ties, the earlier article first).
    pub fn append(&mut self, store: &Store) {
        let first = std::mem::replace(&mut self.seen, store.len());
        let words: Vec<FilterWord> = self
            .filter
            .split_whitespace()
            .map(FilterWord::new)
            .collect();
        let (sort, reversed) = (self.sort, self.reversed);
        let order = |a: usize, b: usize| compare(store, sort, a, b, reversed);
        let mut new: Vec<usize> = (first..self.seen)
            .filter(|&i| matches(store, i, &words))
            .collect();
        if new.is_empty() {
            return;
        }
        new.sort_by(|&a, &b| order(a, b));
        let keep = self.selected_article();
        let mut old = std::mem::take(&mut self.view).into_iter().peekable();
        let mut new = new.into_iter().peekable();
        let mut merged = Vec::with_capacity(old.len() + new.len());
        loop {
            match (old.peek().copied(), new.peek().copied()) {
                (Some(a), Some(b)) if order(b, a) == Ordering::Less => {
                    merged.push(b);
                    new.next();
                }
                (Some(a), _) => {
                    merged.push(a);
                    old.next();
                }
                (None, _) => {
                    merged.extend(new);
                    break;
                }
            }
        }
        self.view = merged;
        self.selected = keep
            .and_then(|a| self.view.iter().position(|&v| v == a))
            .unwrap_or(0)
            .min(self.view.len().saturating_sub(1));
    }

    /// Whether new extraction results can change the view (speaker names are filtered on).
    pub fn depends_on_extraction(&self) -> bool {
        !self.filter.trim().is_empty() || self.sort.uses_counts()
    }

    /// Sets sort order and filter at once (a restored session): one pass over the library.
    pub fn restore(&mut self, sort: SortKey, reversed: bool, filter: &str, store: &Store) {
        self.sort = sort;
        self.reversed = reversed;
        self.set_filter(filter, store);
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
            Action::ReverseSort => {
                self.reversed = !self.reversed;
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
            " Library {}/{} · by {}{} ",
            self.view.len(),
            ctx.store.len(),
            self.sort.label(),
            if self.reversed { " ↑" } else { "" }
        );
        let unread = ctx.store.read_marks().count();
        if unread > 0 {
            title.push_str(&format!("· {unread} unread "));
        }
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
            let msg = if ctx.store.is_empty() && ctx.store.loading().is_some() {
                "reading the library…"
            } else if ctx.store.is_empty() {
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
        let shown: Vec<(usize, [String; 4])> = self
            .view
            .get(start..end)
            .unwrap_or_default()
            .iter()
            .map(|&i| (i, counts(ctx.store, i)))
            .collect();
        // Count columns as wide as their widest shown figure (never cut: see `abbreviate`).
        let count_width = shown
            .iter()
            .flat_map(|(_, c)| c.iter().map(|s| s.chars().count()))
            .max()
            .unwrap_or(0)
            .clamp(3, COUNT_WIDTH);
        // Title column: what the date, source and four count columns (and gaps) leave.
        let fixed = if wide { 10 + 12 + 2 } else { 0 } + 4 * (count_width + 1);
        let title_width = usize::from(body.width).saturating_sub(fixed);
        let rows = shown.into_iter().enumerate().map(|(n, (i, counts))| {
            let a = &ctx.store.articles()[i];
            // Unread: a dot before the title, and the row in bold.
            let unread = ctx.store.read_marks().is_unread(i);
            let title = match unread {
                true => format!("● {}", a.title),
                false => a.title.clone(),
            };
            let mut cells = vec![Cell::from(truncate(&title, title_width))];
            if wide {
                cells.push(Cell::from(a.date.as_deref().unwrap_or("")));
                cells.push(Cell::from(a.source.as_deref().unwrap_or("")));
            }
            cells.extend(
                counts
                    .into_iter()
                    .map(|c| Cell::from(Line::from(c).right_aligned())),
            );
            let row = Row::new(cells);
            let row = match unread {
                true => row.style(theme.unread),
                false => row,
            };
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
        let count_width = u16::try_from(count_width).unwrap_or(3);
        widths.extend([Constraint::Length(count_width); 4]);
        let header = header
            .into_iter()
            .map(Cell::from)
            .chain(["Spk", "Clm", "Num", "Ann"].map(|h| Cell::from(Line::from(h).right_aligned())));
        let header = Row::new(header).style(theme.header);
        frame.render_widget(
            Table::new(rows, widths).header(header).column_spacing(1),
            body,
        );
    }
}

/// Room for a count: `9999` exactly, `15.4k` beyond.
const COUNT_WIDTH: usize = 5;

/// Speakers, claims, numbers and annotations of an article, as shown in its row.
fn counts(store: &Store, i: usize) -> [String; 4] {
    let ann = abbreviate(store.annotation_count(i));
    match store.slot(i) {
        Some(Slot::Ready(x)) => [
            abbreviate(x.speakers.len()),
            abbreviate(x.claims),
            abbreviate(x.numbers),
            ann,
        ],
        Some(Slot::Failed(_)) => ["!".into(), "!".into(), "!".into(), ann],
        _ => ["…".into(), "…".into(), "…".into(), ann],
    }
}

/// A count in at most [`COUNT_WIDTH`] columns: exact below 10,000, then `10.2k`, `154k`,
/// `1.5M` (rounded down, so a shown figure is never more than the count).
pub fn abbreviate(n: usize) -> String {
    let tenths = |unit: usize| {
        let t = n / (unit / 10);
        format!("{}.{}", t / 10, t % 10)
    };
    match n {
        0..=9_999 => n.to_string(),
        10_000..=99_999 => format!("{}k", tenths(1_000)),
        100_000..=999_999 => format!("{}k", n / 1_000),
        1_000_000..=99_999_999 => format!("{}M", tenths(1_000_000)),
        100_000_000..=999_999_999 => format!("{}M", n / 1_000_000),
        _ => format!("{}G", n / 1_000_000_000),
    }
}

/// The count a count column sorts on; `None` while the article is not extracted.
fn count_of(store: &Store, sort: SortKey, i: usize) -> Option<usize> {
    if sort == SortKey::Annotations {
        return Some(store.annotation_count(i));
    }
    let Some(Slot::Ready(x)) = store.slot(i) else {
        return None;
    };
    Some(match sort {
        SortKey::Speakers => x.speakers.len(),
        SortKey::Claims => x.claims,
        _ => x.numbers,
    })
}

/// Articles `a` and `b` in the order of `sort` (turned round when `reversed`); those
/// without the sorted value (no date, no outlet, not extracted yet) go last either way,
/// and ties keep load order (the sort is stable).
fn compare(store: &Store, sort: SortKey, a: usize, b: usize, reversed: bool) -> Ordering {
    let articles = store.articles();
    let (Some(x), Some(y)) = (articles.get(a), articles.get(b)) else {
        return Ordering::Equal;
    };
    let turn = |o: Ordering| if reversed { o.reverse() } else { o };
    let present_first = |p: Option<Ordering>, has_a: bool, has_b: bool| match (has_a, has_b) {
        (true, true) => p.map_or(Ordering::Equal, turn),
        (true, false) => Ordering::Less,
        (false, true) => Ordering::Greater,
        (false, false) => Ordering::Equal,
    };
    match sort {
        // Newest first.
        SortKey::Date => {
            // Keys, not the dates themselves: equal for dates of 16 bytes or fewer (ISO
            // dates are 10), and read from one array.
            let (p, q) = (store.date_key(a), store.date_key(b));
            // A key with its last byte set may stand for a longer date.
            let long = |k: u128| k & 0xff != 0;
            let order = match p == q && long(p) {
                true => x.date.as_ref().zip(y.date.as_ref()).map(|(p, q)| q.cmp(p)),
                false => Some(q.cmp(&p)),
            };
            present_first(order, p != 0, q != 0)
        }
        SortKey::Title => turn(natural_cmp(&x.title, &y.title)),
        SortKey::Source => present_first(
            x.source
                .as_deref()
                .zip(y.source.as_deref())
                .map(|(p, q)| natural_cmp(p, q)),
            x.source.is_some(),
            y.source.is_some(),
        ),
        SortKey::Path => turn(a.cmp(&b)),
        _ => {
            let (m, n) = (count_of(store, sort, a), count_of(store, sort, b));
            // Most first.
            present_first(m.zip(n).map(|(m, n)| n.cmp(&m)), m.is_some(), n.is_some())
        }
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

/// Whether article `i` matches every filter word (title, outlet, path, a speaker's name, or a
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
    let path = a.path.to_string_lossy().to_lowercase();
    let speakers: Vec<String> = store
        .digest(i)
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
        None if w.lower == "is:unread" => store.read_marks().is_unread(i),
        None if w.lower == "is:read" => !store.read_marks().is_unread(i),
        None => {
            let word = w.lower.as_str();
            title.contains(word)
                || source.contains(word)
                || path.contains(word)
                || speakers.iter().any(|s| w.name.matches(s))
                || tags.iter().any(|t| t.contains(word))
        }
    })
}
