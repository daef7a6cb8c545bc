//! The speakers index (`S`): everyone who speaks anywhere in the library, one entry per
//! person across articles as [`crate::corpus::speakers`] decides; Enter lists all their
//! claims (every class, each named), each jumping to its article.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span as TextSpan};
use ratatui::widgets::Paragraph;

pub use super::ledger::ClaimSort;
use super::ledger::{ClaimRef, Ledger};
use crate::corpus::{NameQuery, Person, group_descriptions, merge, normalise};
use crate::text::natural::natural_cmp;
use crate::tui::component::{
    Ctx, Effect, PromptKind, move_selection, overlay_frame, truncate, visible_lines,
};
use crate::tui::keymap::Action;
use crate::tui::store::Store;

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

/// One outlet across the library: its articles and their claims.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Outlet {
    pub name: String,
    pub articles: Vec<usize>,
    pub claims: usize,
}

/// Every outlet the library's articles name (any case is one outlet), from the digests.
fn outlets(store: &Store) -> Vec<Outlet> {
    let mut by_key: std::collections::HashMap<String, usize> = std::collections::HashMap::new();
    let mut out: Vec<Outlet> = Vec::new();
    for i in 0..store.len() {
        let (Some(source), Some(digest)) = (
            store.article(i).and_then(|a| a.source.as_deref()),
            store.digest(i),
        ) else {
            continue;
        };
        let at = *by_key.entry(source.to_lowercase()).or_insert_with(|| {
            out.push(Outlet {
                name: source.to_owned(),
                articles: Vec::new(),
                claims: 0,
            });
            out.len() - 1
        });
        if let Some(o) = out.get_mut(at) {
            o.articles.push(i);
            o.claims += digest.claims;
        }
    }
    out.sort_by(|a, b| b.claims.cmp(&a.claims).then(natural_cmp(&a.name, &b.name)));
    out
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
    /// Outlets, in place of people (`O`).
    by_outlet: bool,
    all_outlets: Vec<Outlet>,
    outlets: Vec<Outlet>,
    /// The claims of the person or outlet selected, while they are listed.
    claims: Option<Ledger>,
    /// How a claims list is sorted (`s`, `R` while it shows), kept for the next one.
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
            by_outlet: false,
            all_outlets: Vec::new(),
            outlets: Vec::new(),
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

    /// The outlets shown (`O`), filtered and sorted.
    pub fn outlets(&self) -> &[Outlet] {
        &self.outlets
    }

    /// The ledger shown, if any.
    pub fn ledger(&self) -> Option<&Ledger> {
        self.claims.as_ref()
    }

    /// The person selected in the list (not while claims are listed).
    pub fn selected_person(&self) -> Option<&Person> {
        match (&self.claims, self.by_outlet) {
            (None, false) => self.people.get(self.selected),
            _ => None,
        }
    }

    /// The claim selected in a claims list: (article, claim index, where the claim
    /// starts).
    pub fn selected_claim(&self, store: &Store) -> Option<(usize, usize, usize)> {
        self.claims.as_ref()?.selected(store)
    }

    /// Rebuilds the people list from the extractions done so far.
    pub fn rebuild(&mut self, store: &Store) {
        let ready = (0..store.len()).filter_map(|i| store.digest(i).map(|x| (i, x)));
        self.all = group_descriptions(merge(ready));
        self.all_outlets = outlets(store);
        self.built_at = store.progress().0;
        self.refresh_view();
    }

    /// The filter of what shows: the claims list's, else the list's.
    pub fn filter(&self) -> &str {
        self.claims.as_ref().map_or(&self.filter, Ledger::filter)
    }

    pub fn sort(&self) -> IndexSort {
        self.sort
    }

    /// Narrows the list to the entries every word of `filter` names (their name, read as
    /// the library filter reads names, or one of their roles).
    /// While claims are listed, the words filter the claims instead (see
    /// [`Ledger::set_filter`]).
    pub fn set_filter(&mut self, filter: &str, store: &Store) {
        if let Some(ledger) = &mut self.claims {
            return ledger.set_filter(filter, store);
        }
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
        let lower = self.filter.to_lowercase();
        let keep_outlet = self.outlets.get(self.selected).map(|o| o.name.clone());
        let mut outlets: Vec<Outlet> = self
            .all_outlets
            .iter()
            .filter(|o| {
                let name = o.name.to_lowercase();
                lower.split_whitespace().all(|w| name.contains(w))
            })
            .cloned()
            .collect();
        match self.sort {
            IndexSort::Claims => {}
            IndexSort::Articles => outlets.sort_by_key(|o| std::cmp::Reverse(o.articles.len())),
            IndexSort::Name => outlets.sort_by(|a, b| natural_cmp(&a.name, &b.name)),
        }
        if self.reversed {
            outlets.reverse();
        }
        self.outlets = outlets;
        let (found, len) = match self.by_outlet {
            true => (
                keep_outlet.and_then(|k| self.outlets.iter().position(|o| o.name == k)),
                self.outlets.len(),
            ),
            false => (
                keep.and_then(|k| self.people.iter().position(|p| entry_key(p) == k)),
                self.people.len(),
            ),
        };
        self.selected = found.unwrap_or(0).min(len.saturating_sub(1));
    }

    fn shown(&self) -> usize {
        match self.by_outlet {
            true => self.outlets.len(),
            false => self.people.len(),
        }
    }

    /// Whether more extractions have finished since the list was built.
    pub fn is_stale(&self, store: &Store) -> bool {
        self.claims.is_none() && self.built_at != store.progress().0
    }

    fn claims_of(person: &Person) -> Vec<ClaimRef> {
        person
            .appearances
            .iter()
            .flat_map(|a| (0..a.claims).map(|n| (a.article, Some(a.speaker), n)))
            .collect()
    }

    fn claims_of_outlet(outlet: &Outlet, store: &Store) -> Vec<ClaimRef> {
        outlet
            .articles
            .iter()
            .flat_map(|&a| {
                let n = store.digest(a).map_or(0, |d| d.claims);
                (0..n).map(move |n| (a, None, n))
            })
            .collect()
    }

    pub fn handle(&mut self, action: Action, store: &Store) -> Effect {
        if let Some(ledger) = &mut self.claims {
            return match action {
                Action::Back if !ledger.filter().is_empty() => {
                    ledger.set_filter("", store);
                    Effect::None
                }
                Action::Back => {
                    self.claims_sort = ledger.sort;
                    self.claims_reversed = ledger.reversed;
                    self.claims = None;
                    Effect::None
                }
                Action::Quit | Action::SpeakersIndex => Effect::Close,
                _ => ledger.handle(action, store, self.height),
            };
        }
        if let Some(s) = move_selection(action, self.selected, self.shown(), self.height) {
            self.selected = s;
            return Effect::None;
        }
        match action {
            Action::Back if !self.filter.is_empty() => {
                self.set_filter("", store);
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
            Action::Outlets => {
                self.by_outlet = !self.by_outlet;
                self.selected = 0;
                self.offset = 0;
                self.refresh_view();
                Effect::None
            }
            Action::Open => {
                let listed = match self.by_outlet {
                    true => self
                        .outlets
                        .get(self.selected)
                        .map(|o| (o.name.clone(), SpeakersIndex::claims_of_outlet(o, store))),
                    false => self
                        .people
                        .get(self.selected)
                        .map(|p| (p.name.clone(), SpeakersIndex::claims_of(p))),
                };
                if let Some((subject, list)) = listed {
                    let (sort, reversed) = (self.claims_sort, self.claims_reversed);
                    self.claims = Some(Ledger::new(&subject, list, sort, reversed, store));
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
        let shown = self.shown();
        match &mut self.claims {
            Some(ledger) => ledger.click(r),
            None => self.selected = (self.offset + r).min(shown.saturating_sub(1)),
        }
    }

    pub fn scroll(&mut self, down: bool) {
        let action = if down { Action::Down } else { Action::Up };
        let shown = self.shown();
        for _ in 0..3 {
            match &mut self.claims {
                Some(ledger) => ledger.scroll(down, self.height),
                None => {
                    self.selected = move_selection(action, self.selected, shown, self.height)
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
            Some(ledger) => format!("{}{pending}", ledger.title()),
            None => {
                let (what, total) = match self.by_outlet {
                    true => ("Outlets", self.all_outlets.len()),
                    false => ("Speakers", self.all.len()),
                };
                let shown = if self.filter.is_empty() {
                    self.shown().to_string()
                } else {
                    format!("{}/{total} · /{}", self.shown(), self.filter)
                };
                let other = match self.by_outlet {
                    true => "O: speakers",
                    false => "O: outlets",
                };
                format!(
                    " {what} across the library ({shown}) · by {}{} · / filters · Enter: their \
                     claims · {other}{pending}",
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
            Some(ledger) => ledger.lines(ctx, width, height),
            None if self.by_outlet => visible_lines(
                &self.outlets,
                self.selected,
                &mut self.offset,
                height,
                theme.selection,
                |o| outlet_line(ctx, o, width),
            ),
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
            let msg = if self.claims.is_some() {
                "no claim matches the filter (Esc clears it, / changes it)"
            } else if self.by_outlet {
                "no outlet here: the library's articles name none (or none matches the filter)"
            } else if !self.filter.is_empty() && !self.all.is_empty() {
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

fn outlet_line(ctx: &Ctx, o: &Outlet, width: usize) -> Line<'static> {
    let counts = format!("{:>4} claims {:>4} articles  ", o.claims, o.articles.len());
    let rest = truncate(&o.name, width.saturating_sub(counts.len()));
    Line::from(vec![
        TextSpan::styled(counts, ctx.theme.dim),
        TextSpan::styled(rest, ctx.theme.header),
    ])
}
