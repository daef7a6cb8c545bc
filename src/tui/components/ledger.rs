//! A claims ledger: every claim of one speaker, or of one outlet's articles, across the
//! library, one row each (date, outlet, title, the claim and its class); `s` sorts by
//! date, outlet or title, `R` reverses, `/` keeps the claims every word of the filter
//! names (in the claim's words, its class or kind, the outlet or the title), and Enter
//! opens the article at the claim.

use ratatui::text::{Line, Span as TextSpan};

use super::claims_tab::snippet_and_class;
use crate::extract::Claim;
use crate::text::natural::natural_cmp;
use crate::text::wrap::str_width;
use crate::tui::component::{Ctx, Effect, PromptKind, move_selection, truncate, visible_lines};
use crate::tui::keymap::Action;
use crate::tui::store::Store;

/// A claim of a ledger: (article, the speaker in that article or `None` for any claim of
/// the article, which of those claims). Counted from the digests, so listing thousands of
/// articles reads none of them; the claim itself is looked up when drawn or opened.
pub type ClaimRef = (usize, Option<usize>, usize);

/// The claim a [`ClaimRef`] names: its index in the article's claims, and the claim.
pub fn resolve(store: &Store, (article, speaker, nth): ClaimRef) -> Option<(usize, Claim)> {
    store
        .with_text(article, |_, x| {
            x?.claims
                .iter()
                .enumerate()
                .filter(|(_, c)| speaker.is_none() || c.speaker == speaker)
                .nth(nth)
                .map(|(i, c)| (i, c.clone()))
        })
        .flatten()
}

/// The orders of a ledger, in the order `s` cycles through them.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ClaimSort {
    /// Newest article first (undated last).
    Date,
    /// By outlet, A to Z (none last), newest first within one.
    Outlet,
    /// By article title, naturally.
    Title,
}

impl ClaimSort {
    const fn next(self) -> Self {
        match self {
            ClaimSort::Date => ClaimSort::Outlet,
            ClaimSort::Outlet => ClaimSort::Title,
            ClaimSort::Title => ClaimSort::Date,
        }
    }

    pub const fn label(self) -> &'static str {
        match self {
            ClaimSort::Date => "date",
            ClaimSort::Outlet => "outlet",
            ClaimSort::Title => "title",
        }
    }
}

/// Sorts a claim list by `sort` (stable: claims of one article keep their order).
fn sort_claims(list: &mut [ClaimRef], sort: ClaimSort, reversed: bool, store: &Store) {
    let newest = |a: usize| std::cmp::Reverse(store.date_key(a));
    // Undated (key 0) sort last when newest comes first.
    let dated = |a: usize| store.date_key(a) == 0;
    match sort {
        ClaimSort::Date => list.sort_by_key(|c| (dated(c.0), newest(c.0), c.0)),
        ClaimSort::Outlet => list.sort_by(|a, b| {
            let outlet = |i: usize| store.article(i).and_then(|x| x.source.as_deref());
            let (oa, ob) = (outlet(a.0), outlet(b.0));
            (oa.is_none(), oa.map(str::to_lowercase))
                .cmp(&(ob.is_none(), ob.map(str::to_lowercase)))
                .then((dated(a.0), newest(a.0)).cmp(&(dated(b.0), newest(b.0))))
        }),
        ClaimSort::Title => list.sort_by(|a, b| {
            let title = |i: usize| store.article(i).map_or("", |x| x.title.as_str());
            natural_cmp(title(a.0), title(b.0)).then(a.0.cmp(&b.0))
        }),
    }
    if reversed {
        list.reverse();
    }
}

/// Ledgers up to this long filter as you type.
const LIVE_FILTER_CLAIMS: usize = 400;

/// One ledger, as the speakers index shows it.
#[derive(Debug, Clone)]
pub struct Ledger {
    /// Whose claims: a speaker's name or an outlet's.
    pub subject: String,
    all: Vec<ClaimRef>,
    /// Those shown: filtered, sorted.
    list: Vec<ClaimRef>,
    selected: usize,
    offset: usize,
    pub sort: ClaimSort,
    pub reversed: bool,
    filter: String,
}

impl Ledger {
    pub fn new(
        subject: &str,
        all: Vec<ClaimRef>,
        sort: ClaimSort,
        reversed: bool,
        store: &Store,
    ) -> Self {
        let mut ledger = Ledger {
            subject: subject.to_owned(),
            list: all.clone(),
            all,
            selected: 0,
            offset: 0,
            sort,
            reversed,
            filter: String::new(),
        };
        sort_claims(&mut ledger.list, sort, reversed, store);
        ledger
    }

    pub fn len(&self) -> usize {
        self.list.len()
    }

    pub fn is_empty(&self) -> bool {
        self.list.is_empty()
    }

    pub fn filter(&self) -> &str {
        &self.filter
    }

    /// Whether the filter follows each key: short ledgers only, as filtering reads each
    /// claim's article (a long one filters on Enter).
    pub fn filters_live(&self) -> bool {
        self.all.len() <= LIVE_FILTER_CLAIMS
    }

    /// The claim selected: (article, its index in the article's claims, where it starts).
    pub fn selected(&self, store: &Store) -> Option<(usize, usize, usize)> {
        let claim = *self.list.get(self.selected)?;
        let (index, c) = resolve(store, claim)?;
        Some((claim.0, index, c.span.start))
    }

    /// Keeps the claims every word of `filter` names. Each claim's article is read (from
    /// memory, or its file), so on a long ledger this is a pass over those articles.
    pub fn set_filter(&mut self, filter: &str, store: &Store) {
        let keep = self.list.get(self.selected).copied();
        self.filter = filter.to_owned();
        let words: Vec<String> = filter.split_whitespace().map(str::to_lowercase).collect();
        self.list = match words.is_empty() {
            true => self.all.clone(),
            false => self
                .all
                .iter()
                .copied()
                .filter(|&c| names_all(store, c, &words))
                .collect(),
        };
        sort_claims(&mut self.list, self.sort, self.reversed, store);
        self.selected = keep
            .and_then(|k| self.list.iter().position(|c| *c == k))
            .unwrap_or(0);
    }

    pub fn handle(&mut self, action: Action, store: &Store, height: usize) -> Effect {
        if let Some(s) = move_selection(action, self.selected, self.list.len(), height) {
            self.selected = s;
            return Effect::None;
        }
        match action {
            Action::Sort | Action::ReverseSort => {
                match action {
                    Action::Sort => self.sort = self.sort.next(),
                    _ => self.reversed = !self.reversed,
                }
                let keep = self.list.get(self.selected).copied();
                sort_claims(&mut self.list, self.sort, self.reversed, store);
                self.selected = keep
                    .and_then(|k| self.list.iter().position(|c| *c == k))
                    .unwrap_or(0);
                Effect::None
            }
            Action::Search => Effect::Prompt(PromptKind::SpeakerFilter),
            Action::Open => match self.list.get(self.selected) {
                Some(&claim) => Effect::Jump {
                    article: claim.0,
                    offset: resolve(store, claim).map_or(0, |(_, c)| c.span.start),
                    focus_reader: true,
                },
                None => Effect::None,
            },
            _ => Effect::None,
        }
    }

    pub fn click(&mut self, row: usize) {
        self.selected = (self.offset + row).min(self.list.len().saturating_sub(1));
    }

    pub fn scroll(&mut self, down: bool, height: usize) {
        let action = if down { Action::Down } else { Action::Up };
        self.selected =
            move_selection(action, self.selected, self.list.len(), height).unwrap_or(self.selected);
    }

    /// The overlay's title while the ledger shows.
    pub fn title(&self) -> String {
        let count = match self.filter.is_empty() {
            true => self.list.len().to_string(),
            false => format!("{}/{} · /{}", self.list.len(), self.all.len(), self.filter),
        };
        format!(
            " Claims of {} across the library ({count}) · by {}{} · s sorts · / filters · Esc back",
            self.subject,
            self.sort.label(),
            if self.reversed { " ↑" } else { "" }
        )
    }

    pub fn lines(&mut self, ctx: &Ctx, width: usize, height: usize) -> Vec<Line<'static>> {
        visible_lines(
            &self.list,
            self.selected,
            &mut self.offset,
            height,
            ctx.theme.selection,
            |&claim| claim_line(ctx, claim, width),
        )
    }
}

/// Whether every word names the claim: in its words, its class or kind, or its
/// article's outlet or title (any case).
fn names_all(store: &Store, claim: ClaimRef, words: &[String]) -> bool {
    let Some((_, c)) = resolve(store, claim) else {
        return false;
    };
    let article = store.article(claim.0);
    let outlet = article
        .and_then(|a| a.source.as_deref())
        .unwrap_or("")
        .to_lowercase();
    let title = article.map_or(String::new(), |a| a.title.to_lowercase());
    let said = store
        .with_text(claim.0, |text, _| c.span.slice(text).to_lowercase())
        .unwrap_or_default();
    words.iter().all(|w| {
        said.contains(w.as_str())
            || c.class.as_str() == w
            || c.kind.as_str() == w
            || outlet.contains(w.as_str())
            || title.contains(w.as_str())
    })
}

fn claim_line(ctx: &Ctx, claim: ClaimRef, width: usize) -> Line<'static> {
    let Some(a) = ctx.store.article(claim.0) else {
        return Line::default();
    };
    let Some((_, c)) = resolve(ctx.store, claim) else {
        return Line::default();
    };
    // Date and outlet, then the title, then the claim.
    let outlet = truncate(a.source.as_deref().unwrap_or(""), 14);
    let place = format!(
        "{:<10} {outlet}{} ",
        a.date.as_deref().unwrap_or(""),
        " ".repeat(14usize.saturating_sub(str_width(&outlet)))
    );
    let width = width.saturating_sub(str_width(&place));
    let column = (width / 3).max(8);
    let title = truncate(&a.title, column);
    let title = format!(
        "{title}{}",
        " ".repeat(column.saturating_sub(str_width(&title)))
    );
    let rest = width.saturating_sub(str_width(&title) + 3);
    let style = ctx.theme.claim(c.speaker);
    let Some([snippet, class]) = ctx.store.with_text(claim.0, |text, _| {
        snippet_and_class(&c, text, rest, style, ctx.theme)
    }) else {
        return Line::default();
    };
    Line::from(vec![
        TextSpan::styled(place, ctx.theme.dim),
        TextSpan::styled(title, ctx.theme.header),
        TextSpan::raw(" │ "),
        snippet,
        class,
    ])
}
