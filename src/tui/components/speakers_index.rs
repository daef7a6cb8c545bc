//! The speakers index (`S`): everyone who speaks anywhere in the library, one entry per
//! person across articles as [`crate::corpus::speakers`] decides; Enter lists all their
//! claims (every class, each named), each jumping to its article.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span as TextSpan};
use ratatui::widgets::Paragraph;

use super::claims_tab::snippet_and_class;
use crate::corpus::{NameQuery, Person, group_descriptions, merge, normalise};
use crate::extract::Claim;
use crate::text::natural::natural_cmp;
use crate::tui::component::{
    Ctx, Effect, PromptKind, move_selection, overlay_frame, truncate, visible_lines,
};
use crate::tui::keymap::Action;
use crate::tui::store::Store;

/// A claim of the selected person: (article, speaker in that article, which of that
/// speaker's claims). Counted from the digests, so listing a person found in thousands of
/// articles reads none of them; the claim itself is looked up when it is drawn or opened.
type ClaimRef = (usize, usize, usize);

/// The claim a [`ClaimRef`] names: its index in the article's claims, and the claim.
fn resolve(store: &Store, (article, speaker, nth): ClaimRef) -> Option<(usize, Claim)> {
    store
        .with_text(article, |_, x| {
            x?.claims
                .iter()
                .enumerate()
                .filter(|(_, c)| c.speaker == Some(speaker))
                .nth(nth)
                .map(|(i, c)| (i, c.clone()))
        })
        .flatten()
}

/// The index's orders, in the order `s` cycles through them.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum IndexSort {
    /// Most claims first.
    Claims,
    /// In most articles first.
    Articles,
    /// A to Z, naturally.
    Name,
}

impl IndexSort {
    const fn next(self) -> Self {
        match self {
            IndexSort::Claims => IndexSort::Articles,
            IndexSort::Articles => IndexSort::Name,
            IndexSort::Name => IndexSort::Claims,
        }
    }

    pub const fn label(self) -> &'static str {
        match self {
            IndexSort::Claims => "claims",
            IndexSort::Articles => "articles",
            IndexSort::Name => "name",
        }
    }
}

/// The orders of a person's claim list, in the order `s` cycles through them.
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

#[derive(Debug, Clone)]
pub struct SpeakersIndex {
    /// Everyone, descriptions grouped by wording.
    all: Vec<Person>,
    /// Those shown: filtered and sorted.
    people: Vec<Person>,
    filter: String,
    sort: IndexSort,
    reversed: bool,
    selected: usize,
    offset: usize,
    /// The person whose claims are listed, with that list's selection and scroll.
    claims: Option<(usize, Vec<ClaimRef>, usize, usize)>,
    /// How a claim list is sorted (`s`, `R` while it shows).
    claims_sort: ClaimSort,
    claims_reversed: bool,
    /// Extraction progress when the index was built.
    built_at: usize,
    height: usize,
}

impl SpeakersIndex {
    pub fn new(store: &Store) -> Self {
        let mut index = SpeakersIndex {
            all: Vec::new(),
            people: Vec::new(),
            filter: String::new(),
            sort: IndexSort::Claims,
            reversed: false,
            selected: 0,
            offset: 0,
            claims: None,
            claims_sort: ClaimSort::Date,
            claims_reversed: false,
            built_at: 0,
            height: 10,
        };
        index.rebuild(store);
        index
    }

    pub fn people(&self) -> &[Person] {
        &self.people
    }

    /// The person selected in the list (not while their claims are listed).
    pub fn selected_person(&self) -> Option<&Person> {
        match self.claims {
            Some(_) => None,
            None => self.people.get(self.selected),
        }
    }

    /// The claim selected in a person's claim list: (article, claim index, where the
    /// claim starts).
    pub fn selected_claim(&self, store: &Store) -> Option<(usize, usize, usize)> {
        let (_, list, sel, _) = self.claims.as_ref()?;
        let claim = *list.get(*sel)?;
        let (index, c) = resolve(store, claim)?;
        Some((claim.0, index, c.span.start))
    }

    /// Rebuilds the people list from the extractions done so far.
    pub fn rebuild(&mut self, store: &Store) {
        let ready = (0..store.len()).filter_map(|i| store.digest(i).map(|x| (i, x)));
        self.all = group_descriptions(merge(ready));
        self.built_at = store.progress().0;
        self.refresh_view();
    }

    pub fn filter(&self) -> &str {
        &self.filter
    }

    pub fn sort(&self) -> IndexSort {
        self.sort
    }

    /// Narrows the list to the entries every word of `filter` names (their name, read as
    /// the library filter reads names, or one of their roles).
    pub fn set_filter(&mut self, filter: &str) {
        self.filter = filter.to_string();
        self.refresh_view();
    }

    /// Recomputes the shown list, keeping the selected entry selected when still shown.
    fn refresh_view(&mut self) {
        let keep = self.people.get(self.selected).map(entry_key);
        let words: Vec<(NameQuery, String)> = self
            .filter
            .split_whitespace()
            .map(|w| (NameQuery::new(w), w.to_lowercase()))
            .collect();
        let mut view: Vec<Person> = self
            .all
            .iter()
            .filter(|p| {
                let name = normalise(&p.name);
                words.iter().all(|(query, lower)| {
                    query.matches(&name) || p.roles.iter().any(|r| r.to_lowercase().contains(lower))
                })
            })
            .cloned()
            .collect();
        // `all` is in claims order already; the sort is stable, so ties keep it.
        match self.sort {
            IndexSort::Claims => {}
            IndexSort::Articles => view.sort_by_key(|p| std::cmp::Reverse(p.articles())),
            IndexSort::Name => view.sort_by(|a, b| natural_cmp(&a.name, &b.name)),
        }
        if self.reversed {
            view.reverse();
        }
        self.people = view;
        self.selected = keep
            .and_then(|k| self.people.iter().position(|p| entry_key(p) == k))
            .unwrap_or(0)
            .min(self.people.len().saturating_sub(1));
    }

    /// Whether more extractions have finished since the list was built.
    pub fn is_stale(&self, store: &Store) -> bool {
        self.claims.is_none() && self.built_at != store.progress().0
    }

    fn claims_of(person: &Person) -> Vec<ClaimRef> {
        person
            .appearances
            .iter()
            .flat_map(|a| (0..a.claims).map(|n| (a.article, a.speaker, n)))
            .collect()
    }

    pub fn handle(&mut self, action: Action, store: &Store) -> Effect {
        if let Some((_, list, sel, _)) = &mut self.claims {
            if let Some(s) = move_selection(action, *sel, list.len(), self.height) {
                *sel = s;
                return Effect::None;
            }
            return match action {
                Action::Back => {
                    self.claims = None;
                    Effect::None
                }
                Action::Quit | Action::SpeakersIndex => Effect::Close,
                Action::Sort | Action::ReverseSort => {
                    if action == Action::Sort {
                        self.claims_sort = self.claims_sort.next();
                    } else {
                        self.claims_reversed = !self.claims_reversed;
                    }
                    let keep = list.get(*sel).copied();
                    sort_claims(list, self.claims_sort, self.claims_reversed, store);
                    *sel = keep
                        .and_then(|k| list.iter().position(|c| *c == k))
                        .unwrap_or(0);
                    Effect::None
                }
                Action::Open => {
                    let Some(&claim) = list.get(*sel) else {
                        return Effect::None;
                    };
                    let article = claim.0;
                    let offset = resolve(store, claim).map_or(0, |(_, c)| c.span.start);
                    Effect::Jump {
                        article,
                        offset,
                        focus_reader: true,
                    }
                }
                _ => Effect::None,
            };
        }
        if let Some(s) = move_selection(action, self.selected, self.people.len(), self.height) {
            self.selected = s;
            return Effect::None;
        }
        match action {
            Action::Back if !self.filter.is_empty() => {
                self.set_filter("");
                Effect::None
            }
            Action::Back | Action::Quit | Action::SpeakersIndex => Effect::Close,
            Action::Search => Effect::Prompt(PromptKind::SpeakerFilter),
            Action::Sort => {
                self.sort = self.sort.next();
                self.refresh_view();
                Effect::None
            }
            Action::ReverseSort => {
                self.reversed = !self.reversed;
                self.refresh_view();
                Effect::None
            }
            Action::Open => {
                if let Some(p) = self.people.get(self.selected) {
                    let mut list = SpeakersIndex::claims_of(p);
                    sort_claims(&mut list, self.claims_sort, self.claims_reversed, store);
                    self.claims = Some((self.selected, list, 0, 0));
                }
                Effect::None
            }
            _ => Effect::None,
        }
    }

    pub fn click(&mut self, row: u16) {
        let Some(r) = (row as usize).checked_sub(1) else {
            return;
        };
        match &mut self.claims {
            Some((_, list, sel, off)) => *sel = (*off + r).min(list.len().saturating_sub(1)),
            None => self.selected = (self.offset + r).min(self.people.len().saturating_sub(1)),
        }
    }

    pub fn scroll(&mut self, down: bool) {
        let action = if down { Action::Down } else { Action::Up };
        for _ in 0..3 {
            match &mut self.claims {
                Some((_, list, sel, _)) => {
                    *sel = move_selection(action, *sel, list.len(), self.height).unwrap_or(*sel)
                }
                None => {
                    self.selected =
                        move_selection(action, self.selected, self.people.len(), self.height)
                            .unwrap_or(self.selected)
                }
            }
        }
    }

    pub fn draw(&mut self, frame: &mut Frame, area: Rect, ctx: &Ctx) {
        let theme = ctx.theme;
        let border = theme.pane_border(None, true);
        let (done, total) = ctx.store.progress();
        let pending = if done < total {
            format!(" · extracting {}% ", done * 100 / total.max(1))
        } else {
            " ".into()
        };
        let title = match &self.claims {
            Some((p, list, _, _)) => {
                let name = self.people.get(*p).map_or("", |p| p.name.as_str());
                format!(
                    " Claims of {name} across the library ({}) · by {}{} · s sorts · Esc \
                     back{pending}",
                    list.len(),
                    self.claims_sort.label(),
                    if self.claims_reversed { " ↑" } else { "" }
                )
            }
            None => {
                let shown = if self.filter.is_empty() {
                    self.people.len().to_string()
                } else {
                    format!(
                        "{}/{} · /{}",
                        self.people.len(),
                        self.all.len(),
                        self.filter
                    )
                };
                format!(
                    " Speakers across the library ({shown}) · by {}{} · / filters · Enter: their \
                     claims{pending}",
                    self.sort.label(),
                    if self.reversed { " ↑" } else { "" }
                )
            }
        };
        let body = overlay_frame(frame, area, title, border);
        self.height = usize::from(body.height).max(1);
        let width = usize::from(body.width);
        let height = self.height;
        let lines: Vec<Line> = match &mut self.claims {
            Some((_, list, sel, off)) => {
                visible_lines(list, *sel, off, height, theme.selection, |&claim| {
                    claim_line(ctx, claim, width)
                })
            }
            None => visible_lines(
                &self.people,
                self.selected,
                &mut self.offset,
                height,
                theme.selection,
                |p| person_line(ctx, p, width),
            ),
        };
        if lines.is_empty() {
            let msg = if !self.filter.is_empty() && !self.all.is_empty() {
                "no speaker matches the filter (Esc clears it)"
            } else if done < total {
                "no speakers yet: extraction is running"
            } else {
                "no speakers found in the library"
            };
            frame.render_widget(Paragraph::new(TextSpan::styled(msg, theme.dim)), body);
        } else {
            frame.render_widget(Paragraph::new(lines), body);
        }
    }
}

/// What keeps an entry selected across a refresh: its name and first appearance.
fn entry_key(p: &Person) -> (String, Option<(usize, usize)>) {
    let first = p.appearances.first().map(|a| (a.article, a.speaker));
    (p.name.clone(), first)
}

fn person_line(ctx: &Ctx, p: &Person, width: usize) -> Line<'static> {
    let counts = format!("{:>4} claims {:>4} articles  ", p.claims(), p.articles());
    let titles: Vec<&str> = p
        .appearances
        .iter()
        .filter_map(|a| ctx.store.article(a.article).map(|x| x.title.as_str()))
        .take(3)
        .collect();
    let roles = if p.roles.is_empty() {
        String::new()
    } else {
        format!(" — {}", p.roles.join("; "))
    };
    let name = if p.grouped > 1 {
        format!("{} ×{} (different speakers)", p.name, p.grouped)
    } else {
        p.name.clone()
    };
    let rest = format!("{name}{roles}  · {}", titles.join(" · "));
    let rest = truncate(&rest, width.saturating_sub(counts.len()));
    Line::from(vec![
        TextSpan::styled(counts, ctx.theme.dim),
        TextSpan::styled(rest, ctx.theme.speakers),
    ])
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
        " ".repeat(14usize.saturating_sub(crate::text::wrap::str_width(&outlet)))
    );
    let width = width.saturating_sub(crate::text::wrap::str_width(&place));
    let column = (width / 3).max(8);
    let title = truncate(&a.title, column);
    let title = format!(
        "{title}{}",
        " ".repeat(column.saturating_sub(crate::text::wrap::str_width(&title)))
    );
    let rest = width.saturating_sub(crate::text::wrap::str_width(&title) + 3);
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
