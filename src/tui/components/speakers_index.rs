//! The speakers index (`S`): everyone who speaks anywhere in the library, one entry per
//! person across articles as [`crate::corpus::speakers`] decides; Enter lists all their
//! claims (every class, each named), each jumping to its article.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span as TextSpan};
use ratatui::widgets::Paragraph;

use super::claims_tab::snippet_and_class;
use crate::corpus::{Person, merge};
use crate::tui::component::{Ctx, Effect, move_selection, overlay_frame, truncate, visible_lines};
use crate::tui::keymap::Action;
use crate::tui::store::Store;

/// A claim of the selected person: (article, claim index).
type ClaimRef = (usize, usize);

#[derive(Debug, Clone)]
pub struct SpeakersIndex {
    people: Vec<Person>,
    selected: usize,
    offset: usize,
    /// The person whose claims are listed, with that list's selection and scroll.
    claims: Option<(usize, Vec<ClaimRef>, usize, usize)>,
    /// Extraction progress when the index was built.
    built_at: usize,
    height: usize,
}

impl SpeakersIndex {
    pub fn new(store: &Store) -> Self {
        let mut index = SpeakersIndex {
            people: Vec::new(),
            selected: 0,
            offset: 0,
            claims: None,
            built_at: 0,
            height: 10,
        };
        index.rebuild(store);
        index
    }

    pub fn people(&self) -> &[Person] {
        &self.people
    }

    /// The claim selected in a person's claim list: (article, claim index).
    pub fn selected_claim(&self) -> Option<(usize, usize)> {
        let (_, list, sel, _) = self.claims.as_ref()?;
        list.get(*sel).copied()
    }

    /// Rebuilds the people list from the extractions done so far.
    pub fn rebuild(&mut self, store: &Store) {
        let ready = (0..store.len()).filter_map(|i| store.extraction(i).map(|x| (i, x.as_ref())));
        self.people = merge(ready);
        self.built_at = store.progress().0;
        self.selected = self.selected.min(self.people.len().saturating_sub(1));
    }

    /// Whether more extractions have finished since the list was built.
    pub fn is_stale(&self, store: &Store) -> bool {
        self.claims.is_none() && self.built_at != store.progress().0
    }

    fn claims_of(person: &Person, store: &Store) -> Vec<ClaimRef> {
        let mut out = Vec::new();
        for a in &person.appearances {
            if let Some(x) = store.extraction(a.article) {
                out.extend(
                    x.claims
                        .iter()
                        .enumerate()
                        .filter(|(_, c)| c.speaker == Some(a.speaker))
                        .map(|(i, _)| (a.article, i)),
                );
            }
        }
        out
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
                Action::Open => {
                    let Some(&(article, claim)) = list.get(*sel) else {
                        return Effect::None;
                    };
                    let offset = store
                        .extraction(article)
                        .and_then(|x| x.claims.get(claim))
                        .map_or(0, |c| c.span.start);
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
            Action::Back | Action::Quit | Action::SpeakersIndex => Effect::Close,
            Action::Open => {
                if let Some(p) = self.people.get(self.selected) {
                    self.claims = Some((self.selected, SpeakersIndex::claims_of(p, store), 0, 0));
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
                    " Claims of {name} across the library ({}) · Esc back{pending}",
                    list.len()
                )
            }
            None => format!(
                " Speakers across the library ({}) · Enter: their claims{pending}",
                self.people.len()
            ),
        };
        let body = overlay_frame(frame, area, title, border);
        self.height = usize::from(body.height).max(1);
        let width = usize::from(body.width);
        let height = self.height;
        let lines: Vec<Line> = match &mut self.claims {
            Some((_, list, sel, off)) => visible_lines(
                list,
                *sel,
                off,
                height,
                theme.selection,
                |&(article, claim)| claim_line(ctx, article, claim, width),
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
            let msg = if done < total {
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
    let rest = format!("{}{roles}  · {}", p.name, titles.join(" · "));
    let rest = truncate(&rest, width.saturating_sub(counts.len()));
    Line::from(vec![
        TextSpan::styled(counts, ctx.theme.dim),
        TextSpan::styled(rest, ctx.theme.speakers),
    ])
}

fn claim_line(ctx: &Ctx, article: usize, claim: usize, width: usize) -> Line<'static> {
    let Some(a) = ctx.store.article(article) else {
        return Line::default();
    };
    let Some(c) = ctx
        .store
        .extraction(article)
        .and_then(|x| x.claims.get(claim).cloned())
    else {
        return Line::default();
    };
    let column = (width / 3).max(8);
    let title = truncate(&a.title, column);
    let title = format!(
        "{title}{}",
        " ".repeat(column.saturating_sub(crate::text::wrap::str_width(&title)))
    );
    let rest = width.saturating_sub(crate::text::wrap::str_width(&title) + 3);
    let [snippet, class] =
        snippet_and_class(&c, &a.text, rest, ctx.theme.claim(c.speaker), ctx.theme);
    Line::from(vec![
        TextSpan::styled(title, ctx.theme.header),
        TextSpan::raw(" │ "),
        snippet,
        class,
    ])
}
