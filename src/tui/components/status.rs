//! The status bar: focus, article, position, layers and the claim classes shown,
//! extraction progress, and the current claim or a transient message (errors stand out) —
//! or the prompt being typed.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

use super::prompt::Prompt;
use crate::config::Layers;
use crate::text::wrap::str_width;
use crate::tui::component::{Level, Message, truncate};
use crate::tui::theme::{Pane, Theme};

/// What the status bar shows, gathered by the app.
pub struct StatusView<'a> {
    /// `LIBRARY`, `READER`, `INSIGHT`, `HELP`, `SPEAKERS`.
    pub focus: &'a str,
    pub pane: Option<Pane>,
    pub title: Option<&'a str>,
    pub percent: Option<usize>,
    pub layers: Layers,
    /// The claim classes shown, when not all (`belief`, `not speech`).
    pub classes: Option<String>,
    /// The key that cycles them, shown before the filter like the layers' keys.
    pub classes_key: String,
    pub progress: (usize, usize),
    /// While the library is still being read: articles read, and files found (once listed).
    pub loading: Option<(usize, Option<usize>)>,
    /// While the feeds are updated: how far, and how many new articles.
    pub feeds: Option<String>,
    /// The reader's current claim: position, speaker, cue, kind and class.
    pub claim: Option<String>,
    pub message: Option<&'a Message>,
    pub prompt: Option<&'a Prompt>,
    pub help_key: String,
}

pub fn draw(frame: &mut Frame, area: Rect, view: &StatusView, theme: &Theme) {
    let width = usize::from(area.width);
    if let Some(prompt) = view.prompt {
        let text = format!("{}{}█", prompt.label(), prompt.input);
        // Keep the end in view when the input is longer than the bar.
        let text = match str_width(&text) > width {
            true => {
                let skip = text.chars().count().saturating_sub(width.saturating_sub(1));
                format!("…{}", text.chars().skip(skip + 1).collect::<String>())
            }
            false => text,
        };
        let line = Line::from(Span::styled(truncate(&text, width), theme.header));
        frame.render_widget(Paragraph::new(line).style(theme.status), area);
        return;
    }
    let mut left: Vec<Span> = vec![Span::styled(
        format!(" {} ", view.focus),
        theme.badge(view.pane),
    )];
    if let Some(p) = view.percent {
        left.push(Span::raw(format!(" {p:>3}% ")));
    }
    for (on, key, name) in [
        (view.layers.speakers, 1, "spk"),
        (view.layers.claims, 2, "clm"),
        (view.layers.numbers, 3, "num"),
    ] {
        left.push(Span::styled(
            format!(" {key}{name}"),
            if on { theme.layer_on } else { theme.layer_off },
        ));
    }
    if let Some(classes) = &view.classes {
        left.push(Span::styled(
            format!(" {}:{classes}", view.classes_key),
            theme.layer_on,
        ));
    }
    left.push(Span::raw(" "));
    let (done, total) = view.progress;
    if let Some((read, planned)) = view.loading {
        let of = planned.map_or_else(String::new, |n| format!("/{n}"));
        left.push(Span::styled(format!(" reading {read}{of} "), theme.info));
    }
    if let Some(feeds) = &view.feeds {
        left.push(Span::styled(format!(" {feeds} "), theme.info));
    }
    if done < total {
        left.push(Span::styled(
            format!(" extracting {done}/{total} "),
            theme.info,
        ));
    }
    let right: Option<Span> = match (view.message, &view.claim) {
        (Some(m), _) => Some(Span::styled(
            format!(" {} ", m.text),
            if m.level == Level::Error {
                theme.error
            } else {
                theme.info
            },
        )),
        (None, Some(c)) => Some(Span::raw(format!(" {c} "))),
        (None, None) => Some(Span::styled(format!(" {} help ", view.help_key), theme.dim)),
    };
    let used: usize = left.iter().map(|s| str_width(&s.content)).sum();
    let right_width = right.as_ref().map_or(0, |s| str_width(&s.content));
    // The title takes what is left between the fixed parts.
    if let Some(title) = view.title {
        let room = width.saturating_sub(used + right_width + 2);
        if room >= 8 {
            left.push(Span::styled(
                format!(" {} ", truncate(title, room - 2)),
                theme.header,
            ));
        }
    }
    let used: usize = left.iter().map(|s| str_width(&s.content)).sum();
    if let Some(right) = right {
        let room = width.saturating_sub(used);
        let text = truncate(&right.content, room);
        let pad = room.saturating_sub(str_width(&text));
        left.push(Span::raw(" ".repeat(pad)));
        left.push(Span::styled(text, right.style));
    }
    frame.render_widget(Paragraph::new(Line::from(left)).style(theme.status), area);
}
