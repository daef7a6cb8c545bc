//! The insight pane: the open article's speakers, claims (grouped by speaker, only the
//! classes shown, each with its class), numbers and annotations (notes), in tabs; Enter
//! jumps the reader to the item.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span as TextSpan};
use ratatui::widgets::{Block, Paragraph, Tabs};

use super::numbers_tab::{context, describe_value};
use super::{claims_tab, notes_tab};
use crate::extract::Extraction;
use crate::tui::annotations::{Placed, PlacedNote};
use crate::tui::classes::ClassFilter;
use crate::tui::component::{
    Ctx, Effect, Message, inner, move_selection, truncate, visible_window,
};
use crate::tui::keymap::Action;
use crate::tui::store::{Slot, Store};
use crate::tui::theme::Pane;

/// The insight tabs, in order.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Tab {
    Speakers,
    Claims,
    Numbers,
    Notes,
}

const TABS: usize = 4;

impl Tab {
    pub const ALL: [Tab; TABS] = [Tab::Speakers, Tab::Claims, Tab::Numbers, Tab::Notes];

    pub const fn title(self) -> &'static str {
        match self {
            Tab::Speakers => "Speakers",
            Tab::Claims => "Claims",
            Tab::Numbers => "Numbers",
            Tab::Notes => "Notes",
        }
    }

    const fn index(self) -> usize {
        self as usize
    }

    pub fn is_first(self) -> bool {
        self.index() == 0
    }

    pub fn is_last(self) -> bool {
        self.index() + 1 == Tab::ALL.len()
    }

    fn step(self, forward: bool) -> Tab {
        let n = Tab::ALL.len();
        let i = if forward {
            (self.index() + 1) % n
        } else {
            (self.index() + n - 1) % n
        };
        Tab::ALL[i]
    }
}

/// One row of a tab.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Item {
    Speaker(usize),
    /// A speaker's heading in the Claims tab (`None`: unattributed claims), with the
    /// number of their claims shown.
    Group(Option<usize>, usize),
    Claim(usize),
    Number(usize),
}

#[derive(Debug, Clone)]
pub struct Insight {
    article: Option<usize>,
    tab: Tab,
    selected: [usize; TABS],
    offset: [usize; TABS],
    /// Claims tab narrowed to one speaker (Enter on a speaker).
    speaker_filter: Option<usize>,
    height: usize,
}

impl Default for Insight {
    fn default() -> Self {
        Insight {
            article: None,
            tab: Tab::Speakers,
            selected: [0; TABS],
            offset: [0; TABS],
            speaker_filter: None,
            height: 10,
        }
    }
}

impl Insight {
    pub fn tab(&self) -> Tab {
        self.tab
    }

    pub fn set_tab(&mut self, tab: Tab) {
        self.tab = tab;
    }

    pub fn speaker_filter(&self) -> Option<usize> {
        self.speaker_filter
    }

    /// Shows the article `index` (reset when it changes).
    pub fn show(&mut self, index: usize) {
        if self.article != Some(index) {
            *self = Insight {
                tab: self.tab,
                height: self.height,
                ..Insight::default()
            };
            self.article = Some(index);
        }
    }

    fn rows(&self, x: &Extraction, classes: ClassFilter) -> Vec<Item> {
        match self.tab {
            Tab::Speakers => (0..x.speakers.len()).map(Item::Speaker).collect(),
            Tab::Numbers => (0..x.numbers.len()).map(Item::Number).collect(),
            Tab::Notes => Vec::new(),
            Tab::Claims => claims_tab::groups(x, self.speaker_filter, classes)
                .into_iter()
                .flat_map(|(g, claims)| {
                    std::iter::once(Item::Group(g, claims.len()))
                        .chain(claims.into_iter().map(Item::Claim))
                })
                .collect(),
        }
    }

    pub fn handle(&mut self, action: Action, store: &Store, classes: ClassFilter) -> Effect {
        match action {
            Action::NextTab | Action::PrevTab => {
                self.tab = self.tab.step(action == Action::NextTab);
                return Effect::None;
            }
            Action::Back if self.speaker_filter.is_some() => {
                self.speaker_filter = None;
                self.selected[Tab::Claims.index()] = 0;
                return Effect::None;
            }
            Action::Back => return Effect::Focus(Pane::Library),
            _ => {}
        }
        if self.tab == Tab::Notes {
            return self.handle_notes(action, store);
        }
        let Some((article, x)) = self
            .article
            .and_then(|a| store.extraction(a).map(|x| (a, x)))
        else {
            return Effect::None;
        };
        let rows = self.rows(x, classes);
        let t = self.tab.index();
        if let Some(sel) = move_selection(action, self.selected[t], rows.len(), self.height) {
            self.selected[t] = sel;
            return Effect::None;
        }
        if action != Action::Open {
            return Effect::None;
        }
        let jump = |offset: usize| Effect::Jump {
            article,
            offset,
            focus_reader: false,
        };
        match rows.get(self.selected[t]) {
            Some(Item::Speaker(s)) => {
                self.speaker_filter = Some(*s);
                self.tab = Tab::Claims;
                // The first row is the speaker's heading; select their first claim.
                self.selected[Tab::Claims.index()] = 1;
                Effect::None
            }
            Some(Item::Group(Some(s), _)) => {
                self.speaker_filter = if self.speaker_filter.is_some() {
                    None
                } else {
                    Some(*s)
                };
                self.selected[t] = 0;
                Effect::None
            }
            Some(Item::Claim(c)) => x
                .claims
                .get(*c)
                .map_or(Effect::None, |c| jump(c.span.start)),
            Some(Item::Number(n)) => x
                .numbers
                .get(*n)
                .map_or(Effect::None, |n| jump(n.span.start)),
            _ => Effect::None,
        }
    }

    /// The open article's placed annotations.
    fn placed<'s>(&self, store: &'s Store) -> Option<&'s Placed> {
        store
            .annotations()
            .placed()
            .filter(|p| Some(p.article) == self.article)
    }

    fn handle_notes(&mut self, action: Action, store: &Store) -> Effect {
        let (Some(article), Some(placed)) = (self.article, self.placed(store)) else {
            return Effect::None;
        };
        let t = Tab::Notes.index();
        let len = placed.notes.len();
        if let Some(sel) = move_selection(action, self.selected[t], len, self.height) {
            self.selected[t] = sel;
            return Effect::None;
        }
        if action != Action::Open {
            return Effect::None;
        }
        match placed.notes.get(self.selected[t]) {
            Some(PlacedNote {
                span: Some(span), ..
            }) => Effect::Jump {
                article,
                offset: span.start,
                focus_reader: false,
            },
            Some(note) => Effect::Message(Message::error(format!(
                "orphaned: “{}” is no longer in the text (kept, with its tags and note)",
                truncate(&note.annotation.target.exact, 60)
            ))),
            None => Effect::None,
        }
    }

    /// The claim of the selected row (Claims tab).
    pub fn selected_claim(&self, store: &Store, classes: ClassFilter) -> Option<usize> {
        if self.tab != Tab::Claims {
            return None;
        }
        let x = store.extraction(self.article?)?;
        match self
            .rows(x, classes)
            .get(self.selected[Tab::Claims.index()])
        {
            Some(Item::Claim(c)) => Some(*c),
            _ => None,
        }
    }

    /// The speaker of the selected row: a speaker (Speakers tab) or a speaker's heading
    /// (Claims tab).
    pub fn selected_speaker(&self, store: &Store, classes: ClassFilter) -> Option<usize> {
        let x = store.extraction(self.article?)?;
        let rows = self.rows(x, classes);
        match rows.get(*self.selected.get(self.tab.index())?) {
            Some(Item::Speaker(s) | Item::Group(Some(s), _)) => Some(*s),
            _ => None,
        }
    }

    /// The annotation of the selected row (Notes tab).
    pub fn selected_note<'s>(&self, store: &'s Store) -> Option<&'s PlacedNote> {
        if self.tab != Tab::Notes {
            return None;
        }
        self.placed(store)?
            .notes
            .get(self.selected[Tab::Notes.index()])
    }

    /// A click on row `row` of the pane (0 = border, 1 = tabs) selects that item; a
    /// click on the tab line switches tabs.
    pub fn click(&mut self, row: u16, column: u16, area: Rect) {
        match row {
            0 => {}
            1 => {
                let x = column.saturating_sub(area.x + 1) as usize;
                let mut edge = 0;
                for tab in Tab::ALL {
                    edge += tab.title().len() + 3;
                    if x < edge {
                        self.tab = tab;
                        break;
                    }
                }
            }
            r => {
                let t = self.tab.index();
                self.selected[t] = self.offset[t] + usize::from(r - 2);
            }
        }
    }

    pub fn scroll(&mut self, down: bool) {
        let t = self.tab.index();
        self.selected[t] = if down {
            self.selected[t] + 3
        } else {
            self.selected[t].saturating_sub(3)
        };
    }

    pub fn draw(&mut self, frame: &mut Frame, area: Rect, ctx: &Ctx, focused: bool) {
        let theme = ctx.theme;
        let border = theme.pane_border(Some(Pane::Insight), focused);
        frame.render_widget(
            Block::bordered()
                .title(Line::styled(" Insight ", border))
                .border_style(border),
            area,
        );
        let body = inner(area);
        if body.height == 0 || body.width == 0 {
            return;
        }
        let tabs = Tabs::new(Tab::ALL.map(Tab::title))
            .select(self.tab.index())
            .highlight_style(
                border.patch(Style::new().add_modifier(ratatui::style::Modifier::REVERSED)),
            )
            .divider("|");
        frame.render_widget(tabs, Rect { height: 1, ..body });
        let list = Rect {
            y: body.y + 1,
            height: body.height - 1,
            ..body
        };
        self.height = usize::from(list.height);
        let Some(article) = self.article else {
            frame.render_widget(
                Paragraph::new(TextSpan::styled(
                    "open an article to see who says what",
                    theme.dim,
                )),
                list,
            );
            return;
        };
        if self.tab == Tab::Notes {
            self.draw_notes(frame, list, ctx, focused);
            return;
        }
        let x = match (ctx.store.slot(article), ctx.store.extraction(article)) {
            (_, Some(x)) => x.as_ref(),
            (Some(Slot::Failed(e)), _) => {
                frame.render_widget(
                    Paragraph::new(TextSpan::styled(e.as_str(), theme.error)),
                    list,
                );
                return;
            }
            _ => {
                frame.render_widget(
                    Paragraph::new(TextSpan::styled("extracting…", theme.dim)),
                    list,
                );
                return;
            }
        };
        let text = ctx.store.article(article).map_or("", |a| a.text.as_str());
        let rows = self.rows(x, ctx.classes);
        if rows.is_empty() {
            let what = match self.tab {
                Tab::Speakers => "no speakers found".to_owned(),
                Tab::Claims if ctx.classes.is_all() => "no claims found".to_owned(),
                Tab::Claims => format!(
                    "no {}s here · {} shows other classes",
                    ctx.classes.noun(),
                    ctx.keymap.describe_keys(Action::CycleClasses)
                ),
                Tab::Numbers => "no numbers found".to_owned(),
                Tab::Notes => String::new(),
            };
            frame.render_widget(Paragraph::new(TextSpan::styled(what, theme.dim)), list);
            return;
        }
        let mut list = list;
        if let (Tab::Claims, Some(line)) = (self.tab, ctx.elsewhere) {
            // The selected claim's copies in other articles, at the foot, wrapped.
            let width = usize::from(list.width).max(1);
            let lines = crate::text::wrap::str_width(line).div_ceil(width) as u16 + 1;
            let lines = lines.min(list.height.saturating_sub(2) / 2);
            if lines > 0 {
                list.height -= lines;
                let at = Rect {
                    y: list.y + list.height,
                    height: lines,
                    ..list
                };
                let foot = Paragraph::new(Line::styled(line.to_owned(), theme.info))
                    .wrap(ratatui::widgets::Wrap { trim: true });
                frame.render_widget(foot, at);
                self.height = usize::from(list.height);
            }
        }
        let t = self.tab.index();
        self.selected[t] = self.selected[t].min(rows.len() - 1);
        let (start, end) =
            visible_window(rows.len(), self.selected[t], self.offset[t], self.height);
        self.offset[t] = start;
        let width = usize::from(list.width);
        let lines: Vec<Line> = rows[start..end]
            .iter()
            .enumerate()
            .map(|(n, item)| {
                let line = self.row_line(*item, x, text, width, ctx);
                if start + n == self.selected[t] {
                    line.style(if focused {
                        theme.selection
                    } else {
                        theme.selection_unfocused
                    })
                } else {
                    line
                }
            })
            .collect();
        frame.render_widget(Paragraph::new(lines), list);
    }

    fn draw_notes(&mut self, frame: &mut Frame, list: Rect, ctx: &Ctx, focused: bool) {
        let theme = ctx.theme;
        let Some(placed) = self.placed(ctx.store) else {
            return;
        };
        let mut list = list;
        if let Some(problem) = &placed.read_only {
            let line = Line::styled(
                truncate(&format!("read-only: {problem}"), usize::from(list.width)),
                theme.error,
            );
            frame.render_widget(Paragraph::new(line), Rect { height: 1, ..list });
            list.y += 1;
            list.height = list.height.saturating_sub(1);
        }
        self.height = usize::from(list.height).max(1);
        if placed.notes.is_empty() {
            let hint = match ctx.store.annotations().is_ready() {
                true => "no annotations: t tags, a notes the claim or selection (v)",
                false => "annotations are loading…",
            };
            frame.render_widget(Paragraph::new(TextSpan::styled(hint, theme.dim)), list);
            return;
        }
        let t = Tab::Notes.index();
        let notes = &placed.notes;
        self.selected[t] = self.selected[t].min(notes.len() - 1);
        let (start, end) =
            visible_window(notes.len(), self.selected[t], self.offset[t], self.height);
        self.offset[t] = start;
        let text = ctx
            .store
            .article(placed.article)
            .map_or("", |a| a.text.as_str());
        let width = usize::from(list.width);
        let lines: Vec<Line> = notes[start..end]
            .iter()
            .enumerate()
            .map(|(n, note)| {
                let line = notes_tab::row(note, text, width, theme);
                match (start + n == self.selected[t], focused) {
                    (true, true) => line.style(theme.selection),
                    (true, false) => line.style(theme.selection_unfocused),
                    _ => line,
                }
            })
            .collect();
        frame.render_widget(Paragraph::new(lines), list);
    }

    fn row_line(
        &self,
        item: Item,
        x: &Extraction,
        text: &str,
        width: usize,
        ctx: &Ctx,
    ) -> Line<'static> {
        let theme = ctx.theme;
        let claims_of = |s: usize| x.claims.iter().filter(|c| c.speaker == Some(s)).count();
        match item {
            Item::Speaker(s) => {
                let Some(sp) = x.speakers.get(s) else {
                    return Line::default();
                };
                let count = format!("{:>3} ", claims_of(s));
                let role = sp
                    .role
                    .as_deref()
                    .map(|r| format!(" — {r}"))
                    .unwrap_or_default();
                let placed = ctx.store.annotations().placed();
                let was = claims_tab::renamed_from(placed, &sp.name);
                let was = match was.is_empty() {
                    true => String::new(),
                    false => format!("  {}was {}", claims_tab::CORRECTED, was.join(", ")),
                };
                let rest = truncate(
                    &format!("{}{role}{was}", sp.name),
                    width.saturating_sub(count.len()),
                );
                Line::from(vec![
                    TextSpan::styled(count, theme.dim),
                    TextSpan::styled(rest, theme.claim(Some(s))),
                ])
            }
            Item::Group(g, shown) => {
                let name = g
                    .and_then(|s| x.speakers.get(s))
                    .map_or("Unattributed", |s| s.name.as_str());
                let label = truncate(&format!("{name} ({shown})"), width);
                Line::styled(label, theme.claim(g).patch(theme.header))
            }
            Item::Claim(c) => {
                let Some(claim) = x.claims.get(c) else {
                    return Line::default();
                };
                let style = theme.claim(claim.speaker);
                let [snippet, class] = claims_tab::snippet_and_class(
                    claim,
                    text,
                    width.saturating_sub(2),
                    style,
                    theme,
                );
                let placed = ctx.store.annotations().placed();
                let indent = match claims_tab::given_by_hand(placed, claim.span) {
                    true => TextSpan::styled(claims_tab::CORRECTED, theme.header),
                    false => TextSpan::raw("  "),
                };
                Line::from(vec![indent, snippet, class])
            }
            Item::Number(n) => {
                let Some(num) = x.numbers.get(n) else {
                    return Line::default();
                };
                let figure = num.span.slice(text).to_string();
                let value = describe_value(num);
                let context = context(text, num.span);
                let head = format!("{figure}  {value}  ");
                let ctx_width = width.saturating_sub(crate::text::wrap::str_width(&head));
                Line::from(vec![
                    TextSpan::styled(truncate(&figure, width), theme.numbers),
                    TextSpan::styled(format!("  {value}  "), theme.header),
                    TextSpan::styled(truncate(&context, ctx_width), theme.dim),
                ])
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tabs_cycle() {
        assert_eq!(Tab::Notes.step(true), Tab::Speakers);
        assert_eq!(Tab::Speakers.step(false), Tab::Notes);
        assert!(Tab::Speakers.is_first() && Tab::Notes.is_last());
    }
}
