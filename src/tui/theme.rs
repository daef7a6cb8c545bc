//! Resolved styles: the config's colours, or modifiers only when `NO_COLOR` is set.

use ratatui::style::{Color, Modifier, Style};

use crate::config::ThemeConfig;

/// The panes of the main screen.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Pane {
    Library,
    Reader,
    Insight,
}

impl Pane {
    pub const fn label(self) -> &'static str {
        match self {
            Pane::Library => "LIBRARY",
            Pane::Reader => "READER",
            Pane::Insight => "INSIGHT",
        }
    }
}

/// Every style the screen uses.
#[derive(Debug, Clone)]
pub struct Theme {
    pub no_color: bool,
    pub speakers: Style,
    claims: Vec<Style>,
    pub unattributed: Style,
    pub numbers: Style,
    pub search: Style,
    pub search_current: Style,
    pub cursor: Style,
    /// Annotated passages in the reader.
    pub annotated: Style,
    /// The passage being selected.
    pub selecting: Style,
    /// Tags wherever they are shown.
    pub tag: Style,
    pub gutter: Style,
    pub selection: Style,
    pub selection_unfocused: Style,
    /// Library rows of unread articles.
    pub unread: Style,
    pub border: Style,
    pub header: Style,
    pub dim: Style,
    pub status: Style,
    pub status_badge: Style,
    pub layer_on: Style,
    pub layer_off: Style,
    pub error: Style,
    pub info: Style,
    library: Color,
    reader: Color,
    insight: Color,
    overlay: Color,
}

impl Theme {
    pub fn new(cfg: &ThemeConfig, no_color: bool) -> Self {
        if no_color {
            return Theme::monochrome();
        }
        let fg = |c: crate::config::Colour| Style::new().fg(c.0);
        let bg = |c: crate::config::Colour| Style::new().bg(c.0);
        Theme {
            no_color,
            speakers: fg(cfg.speakers).add_modifier(Modifier::BOLD),
            claims: cfg.claims.iter().map(|c| fg(*c)).collect(),
            unattributed: fg(cfg.unattributed).add_modifier(Modifier::ITALIC),
            numbers: fg(cfg.numbers).add_modifier(Modifier::UNDERLINED),
            search: bg(cfg.search).fg(Color::Black),
            search_current: bg(cfg.search)
                .fg(Color::Black)
                .add_modifier(Modifier::BOLD | Modifier::UNDERLINED),
            cursor: bg(cfg.cursor),
            annotated: bg(cfg.annotated),
            selecting: Style::new().add_modifier(Modifier::REVERSED),
            tag: fg(cfg.speakers).add_modifier(Modifier::ITALIC),
            gutter: fg(cfg.panes.reader),
            selection: bg(cfg.selection).add_modifier(Modifier::BOLD),
            selection_unfocused: bg(cfg.selection),
            unread: Style::new().add_modifier(Modifier::BOLD),
            border: fg(cfg.border),
            header: Style::new().add_modifier(Modifier::BOLD),
            dim: fg(cfg.border),
            status: bg(cfg.status),
            status_badge: Style::new().fg(Color::Black).add_modifier(Modifier::BOLD),
            layer_on: bg(cfg.status).add_modifier(Modifier::BOLD),
            layer_off: bg(cfg.status)
                .fg(cfg.border.0)
                .add_modifier(Modifier::CROSSED_OUT),
            error: Style::new()
                .bg(cfg.error.0)
                .fg(Color::White)
                .add_modifier(Modifier::BOLD),
            info: bg(cfg.status).add_modifier(Modifier::ITALIC),
            library: cfg.panes.library.0,
            reader: cfg.panes.reader.0,
            insight: cfg.panes.insight.0,
            overlay: cfg.panes.overlay.0,
        }
    }

    /// Layers told apart by modifiers alone (https://no-color.org).
    fn monochrome() -> Self {
        let m = |m: Modifier| Style::new().add_modifier(m);
        Theme {
            no_color: true,
            speakers: m(Modifier::BOLD),
            claims: vec![m(Modifier::ITALIC)],
            unattributed: m(Modifier::ITALIC),
            numbers: m(Modifier::UNDERLINED),
            search: m(Modifier::REVERSED),
            search_current: m(Modifier::REVERSED | Modifier::BOLD),
            cursor: Style::new(),
            annotated: m(Modifier::UNDERLINED | Modifier::BOLD),
            selecting: m(Modifier::REVERSED | Modifier::ITALIC),
            tag: m(Modifier::ITALIC),
            gutter: m(Modifier::BOLD),
            selection: m(Modifier::REVERSED),
            selection_unfocused: m(Modifier::UNDERLINED),
            unread: m(Modifier::BOLD),
            border: Style::new(),
            header: m(Modifier::BOLD),
            dim: Style::new(),
            status: m(Modifier::REVERSED),
            status_badge: m(Modifier::BOLD),
            layer_on: m(Modifier::REVERSED | Modifier::BOLD),
            layer_off: m(Modifier::REVERSED | Modifier::CROSSED_OUT),
            error: m(Modifier::BOLD | Modifier::UNDERLINED),
            info: m(Modifier::REVERSED | Modifier::ITALIC),
            library: Color::Reset,
            reader: Color::Reset,
            insight: Color::Reset,
            overlay: Color::Reset,
        }
    }

    /// The style of claims by speaker `speaker` (index in the article's speakers).
    pub fn claim(&self, speaker: Option<usize>) -> Style {
        match speaker {
            Some(i) if !self.claims.is_empty() => self.claims[i % self.claims.len()],
            _ => self.unattributed,
        }
    }

    /// Border and title style of a pane.
    pub fn pane_border(&self, pane: Option<Pane>, focused: bool) -> Style {
        if !focused {
            return self.border;
        }
        let accent = match pane {
            Some(Pane::Library) => self.library,
            Some(Pane::Reader) => self.reader,
            Some(Pane::Insight) => self.insight,
            None => self.overlay,
        };
        Style::new().fg(accent).add_modifier(Modifier::BOLD)
    }

    /// The focus badge in the status bar.
    pub fn badge(&self, pane: Option<Pane>) -> Style {
        if self.no_color {
            return self.status_badge;
        }
        let accent = match pane {
            Some(Pane::Library) => self.library,
            Some(Pane::Reader) => self.reader,
            Some(Pane::Insight) => self.insight,
            None => self.overlay,
        };
        self.status_badge.bg(accent)
    }
}
