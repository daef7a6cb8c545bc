//! The tag index (`T`): every tag of the library with its count; Enter lists the tagged
//! passages across all articles, each jumping to its article; `r` renames a tag
//! everywhere (merging into an existing one), undoable with `u`.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span as TextSpan};
use ratatui::widgets::Paragraph;

use super::notes_tab::{first_line, hashtags};
use crate::annotate::{Anchorer, Annotation, TagCount};
use crate::text::wrap::str_width;
use crate::tui::component::{
    Ctx, Effect, Message, PromptKind, move_selection, overlay_frame, truncate, visible_lines,
};
use crate::tui::keymap::Action;
use crate::tui::store::Store;

/// The passages of one tag: (article index if in this library, annotation).
type Passages = Vec<(Option<usize>, Annotation)>;

#[derive(Debug, Clone)]
struct Listing {
    tag: String,
    passages: Passages,
    selected: usize,
    offset: usize,
}

#[derive(Debug, Clone)]
pub struct TagIndex {
    tags: Vec<TagCount>,
    selected: usize,
    offset: usize,
    listing: Option<Listing>,
    /// The annotations' revision the lists were built from.
    revision: u64,
    height: usize,
}

impl TagIndex {
    pub fn new(store: &Store) -> Self {
        let mut index = TagIndex {
            tags: Vec::new(),
            selected: 0,
            offset: 0,
            listing: None,
            revision: 0,
            height: 10,
        };
        index.rebuild(store);
        index
    }

    pub fn tags(&self) -> &[TagCount] {
        &self.tags
    }

    /// The tag listed, or selected in the list.
    pub fn selected_tag(&self) -> Option<&str> {
        match &self.listing {
            Some(l) => Some(&l.tag),
            None => self.tags.get(self.selected).map(|t| t.tag.as_str()),
        }
    }

    /// The tag whose passages are listed.
    pub fn listed_tag(&self) -> Option<&str> {
        self.listing.as_ref().map(|l| l.tag.as_str())
    }

    pub fn passages(&self) -> &[(Option<usize>, Annotation)] {
        self.listing.as_ref().map_or(&[], |l| l.passages.as_slice())
    }

    /// Whether the annotations changed since the lists were built.
    pub fn is_stale(&self, store: &Store) -> bool {
        self.revision != store.annotations().revision()
    }

    /// Rebuilds the lists (after a change), keeping the selected tag selected; a listed
    /// tag that is gone (renamed) goes back to the tag list.
    pub fn rebuild(&mut self, store: &Store) {
        let keep = self.selected_tag().map(str::to_owned);
        let annotations = store.annotations();
        self.tags = annotations.tag_index();
        self.revision = annotations.revision();
        if let Some(pos) = keep.and_then(|k| self.tags.iter().position(|t| t.tag == k)) {
            self.selected = pos;
        }
        self.selected = self.selected.min(self.tags.len().saturating_sub(1));
        if let Some(listing) = &mut self.listing {
            listing.passages = annotations.tagged(&listing.tag);
            listing.selected = listing
                .selected
                .min(listing.passages.len().saturating_sub(1));
            if listing.passages.is_empty() {
                self.listing = None;
            }
        }
    }

    /// Selects `tag` in the tag list, if it is there.
    pub fn select(&mut self, tag: &str) {
        if let Some(pos) = self.tags.iter().position(|t| t.tag == tag) {
            self.selected = pos;
        }
    }

    /// Lists `tag`'s passages.
    pub fn list(&mut self, tag: &str, store: &Store) {
        self.listing = Some(Listing {
            tag: tag.to_owned(),
            passages: store.annotations().tagged(tag),
            selected: 0,
            offset: 0,
        });
    }

    pub fn handle(&mut self, action: Action, store: &Store) -> Effect {
        if let Some(listing) = &mut self.listing {
            if let Some(s) = move_selection(
                action,
                listing.selected,
                listing.passages.len(),
                self.height,
            ) {
                listing.selected = s;
                return Effect::None;
            }
            return match action {
                Action::Back => {
                    self.listing = None;
                    Effect::None
                }
                Action::Quit | Action::TagIndex => Effect::Close,
                Action::RenameTag => Effect::Prompt(PromptKind::RenameTag),
                Action::Open => match listing.passages.get(listing.selected) {
                    Some((article, annotation)) => jump(*article, annotation, store),
                    None => Effect::None,
                },
                _ => Effect::None,
            };
        }
        if let Some(s) = move_selection(action, self.selected, self.tags.len(), self.height) {
            self.selected = s;
            return Effect::None;
        }
        match action {
            Action::Back | Action::Quit | Action::TagIndex => Effect::Close,
            Action::RenameTag if !self.tags.is_empty() => Effect::Prompt(PromptKind::RenameTag),
            Action::Open => {
                if let Some(tag) = self.tags.get(self.selected).map(|t| t.tag.clone()) {
                    self.list(&tag, store);
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
        match &mut self.listing {
            Some(l) => l.selected = (l.offset + r).min(l.passages.len().saturating_sub(1)),
            None => self.selected = (self.offset + r).min(self.tags.len().saturating_sub(1)),
        }
    }

    pub fn scroll(&mut self, down: bool) {
        let action = if down { Action::Down } else { Action::Up };
        for _ in 0..3 {
            match &mut self.listing {
                Some(l) => {
                    l.selected = move_selection(action, l.selected, l.passages.len(), self.height)
                        .unwrap_or(l.selected)
                }
                None => {
                    self.selected =
                        move_selection(action, self.selected, self.tags.len(), self.height)
                            .unwrap_or(self.selected)
                }
            }
        }
    }

    pub fn draw(&mut self, frame: &mut Frame, area: Rect, ctx: &Ctx) {
        let theme = ctx.theme;
        let border = theme.pane_border(None, true);
        let title = match &self.listing {
            Some(l) => format!(
                " #{} across the library ({}) · Enter jumps · r renames · Esc back ",
                l.tag,
                l.passages.len()
            ),
            None => format!(
                " Tags across the library ({}) · Enter: their passages · r renames ",
                self.tags.len()
            ),
        };
        let body = overlay_frame(frame, area, title, border);
        self.height = usize::from(body.height).max(1);
        let width = usize::from(body.width);
        let height = self.height;
        let lines: Vec<Line> = match &mut self.listing {
            Some(l) => visible_lines(
                &l.passages,
                l.selected,
                &mut l.offset,
                height,
                theme.selection,
                |(article, a)| passage_line(ctx, *article, a, width),
            ),
            None => visible_lines(
                &self.tags,
                self.selected,
                &mut self.offset,
                height,
                theme.selection,
                |t| {
                    Line::from(vec![
                        TextSpan::styled(format!("{:>5}  ", t.count), theme.dim),
                        TextSpan::styled(
                            truncate(&format!("#{}", t.tag), width.saturating_sub(7)),
                            theme.tag,
                        ),
                    ])
                },
            ),
        };
        if lines.is_empty() {
            let msg = match ctx.store.annotations().is_ready() {
                true => "no tags yet: t tags the claim or selection in the reader",
                false => "annotations are loading…",
            };
            frame.render_widget(Paragraph::new(TextSpan::styled(msg, theme.dim)), body);
        } else {
            frame.render_widget(Paragraph::new(lines), body);
        }
    }
}

/// Jumps to an annotation's passage as placed on its article's current text.
fn jump(article: Option<usize>, annotation: &Annotation, store: &Store) -> Effect {
    let Some(index) = article.filter(|&i| store.article(i).is_some()) else {
        return Effect::Message(Message::error(
            "that article is not in the library opened now",
        ));
    };
    let placed = store.with_text(index, |text, _| {
        Anchorer::new(text).anchor(&annotation.target).span
    });
    let Some(placed) = placed else {
        return Effect::Message(Message::error("that article's file cannot be read now"));
    };
    match placed {
        Some(span) => Effect::Jump {
            article: index,
            offset: span.start,
            focus_reader: true,
        },
        None => Effect::Message(Message::error(format!(
            "orphaned: “{}” is no longer in the article's text",
            truncate(&annotation.target.exact, 60)
        ))),
    }
}

fn passage_line(ctx: &Ctx, article: Option<usize>, a: &Annotation, width: usize) -> Line<'static> {
    let title = article
        .and_then(|i| ctx.store.article(i))
        .map_or("(not in this library)", |x| x.title.as_str());
    let column = (width / 3).max(8);
    let title = truncate(title, column);
    let title = format!(
        "{title}{}",
        " ".repeat(column.saturating_sub(str_width(&title)))
    );
    let quote: String = a
        .target
        .exact
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ");
    let extra = match first_line(&a.note) {
        Some(note) => format!("  {} — {note}", hashtags(&a.tags)),
        None => format!("  {}", hashtags(&a.tags)),
    };
    let rest = width.saturating_sub(str_width(&title) + 3);
    let quote = truncate(
        &format!("“{quote}”"),
        rest.saturating_sub(str_width(&extra)).max(rest / 2),
    );
    let extra = truncate(&extra, rest.saturating_sub(str_width(&quote)));
    Line::from(vec![
        TextSpan::styled(title, ctx.theme.header),
        TextSpan::raw(" │ "),
        TextSpan::raw(quote),
        TextSpan::styled(extra, ctx.theme.tag),
    ])
}
