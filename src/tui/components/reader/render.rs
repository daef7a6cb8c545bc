//! Drawing one wrapped line of the reader: the text cut into runs of equal style, from
//! the layers over it (debris, emphasis, the cursor's sentence, annotations, claims,
//! speakers, numbers, search, the selection), with a Markdown file's markup left out.

use std::borrow::Cow;

use ratatui::style::Style;
use ratatui::text::{Line, Span as TextSpan};

use super::Reader;
use crate::extract::Span;
use crate::text::wrap::WrappedLine;
use crate::tui::component::Ctx;
use crate::tui::doc::covering;

impl Reader {
    /// One wrapped line cut into runs of equal style.
    pub(super) fn styled_line<'t>(
        &self,
        text: &'t str,
        line: WrappedLine,
        sentence: Option<Span>,
        annotated: &[Span],
        ctx: &Ctx,
    ) -> Line<'t> {
        let range = Span::new(line.start, line.end);
        let theme = ctx.theme;
        let mut layers: Vec<(Span, Style)> = Vec::new();
        layers.extend(spans_overlapping(&self.doc.debris, range).map(|s| (*s, theme.dim)));
        let first = self.emphasis.partition_point(|(s, _)| s.end <= range.start);
        layers.extend(
            self.emphasis
                .get(first..)
                .unwrap_or_default()
                .iter()
                .take_while(|(s, _)| s.start < range.end)
                .copied(),
        );
        if let Some(s) = sentence.filter(|s| s.overlaps(range)) {
            layers.push((s, theme.cursor));
        }
        layers.extend(spans_overlapping(annotated, range).map(|s| (*s, theme.annotated)));
        if ctx.layers.claims {
            layers.extend(
                covering(&self.doc.claims, range)
                    .filter(|m| self.doc.shows_claim(m.item, ctx.classes))
                    .map(|m| (m.span, theme.claim(m.speaker))),
            );
        }
        if ctx.layers.speakers {
            layers.extend(covering(&self.doc.mentions, range).map(|m| (m.span, theme.speakers)));
        }
        if ctx.layers.numbers {
            layers.extend(covering(&self.doc.numbers, range).map(|m| (m.span, theme.numbers)));
        }
        let matches = &self.search.matches;
        let first = matches.partition_point(|m| m.end <= range.start);
        for (i, m) in matches
            .iter()
            .enumerate()
            .skip(first)
            .take_while(|(_, m)| m.start < range.end)
        {
            let style = if Some(i) == self.search.current {
                theme.search_current
            } else {
                theme.search
            };
            layers.push((*m, style));
        }
        if let Some(sel) = self
            .selection
            .map(|s| s.span())
            .filter(|s| s.overlaps(range))
        {
            layers.push((sel, theme.selecting));
        }
        let mut cuts = vec![range.start, range.end];
        let hidden: Vec<Span> = spans_overlapping(&self.hidden, range).copied().collect();
        for s in layers.iter().map(|(s, _)| s).chain(&hidden) {
            cuts.push(s.start.clamp(range.start, range.end));
            cuts.push(s.end.clamp(range.start, range.end));
        }
        cuts.sort_unstable();
        cuts.dedup();
        let spans = cuts
            .windows(2)
            .filter(|w| !hidden.iter().any(|h| h.start <= w[0] && w[1] <= h.end))
            .filter_map(|w| {
                let piece = text.get(w[0]..w[1])?;
                let style = layers
                    .iter()
                    .filter(|(s, _)| s.start <= w[0] && w[1] <= s.end)
                    .fold(Style::new(), |acc, (_, st)| acc.patch(*st));
                Some(TextSpan::styled(printable(piece), style))
            })
            .collect::<Vec<_>>();
        Line::from(spans)
    }
}

/// Nested styled spans (a strong word in a heading) as sorted, disjoint pieces, each with
/// the styles of every span covering it: one sweep, so a frame finds a line's pieces by
/// binary search.
pub(super) fn disjoint_styles(mut spans: Vec<(Span, Style)>) -> Vec<(Span, Style)> {
    spans.retain(|(s, _)| s.start < s.end);
    let mut cuts: Vec<usize> = spans.iter().flat_map(|(s, _)| [s.start, s.end]).collect();
    cuts.sort_unstable();
    cuts.dedup();
    spans.sort_by_key(|(s, _)| s.start);
    let mut out = Vec::new();
    let mut active: Vec<(Span, Style)> = Vec::new();
    let mut next = 0;
    for w in cuts.windows(2) {
        let (a, b) = (w[0], w[1]);
        active.retain(|(s, _)| s.end > a);
        while let Some(&(s, style)) = spans.get(next).filter(|(s, _)| s.start <= a) {
            active.push((s, style));
            next += 1;
        }
        if !active.is_empty() {
            let style = active
                .iter()
                .fold(Style::new(), |acc, (_, st)| acc.patch(*st));
            out.push((Span::new(a, b), style));
        }
    }
    out
}

/// How Markdown emphasis is drawn.
pub(super) fn emphasis_style(kind: crate::article::markdown::Emphasis) -> Style {
    use crate::article::markdown::Emphasis;
    use ratatui::style::Modifier;
    let m = match kind {
        Emphasis::Heading | Emphasis::Strong => Modifier::BOLD,
        Emphasis::Em => Modifier::ITALIC,
        Emphasis::StrongEm => Modifier::BOLD | Modifier::ITALIC,
    };
    Style::new().add_modifier(m)
}

/// The spans of a sorted, disjoint list that overlap `range`.
pub(super) fn spans_overlapping(spans: &[Span], range: Span) -> impl Iterator<Item = &Span> {
    let first = spans.partition_point(|s| s.end <= range.start);
    spans
        .get(first..)
        .unwrap_or_default()
        .iter()
        .take_while(move |s| s.start < range.end)
}

/// Control characters (tabs, stray carriage returns) drawn as spaces, as the wrapper counts them.
fn printable(s: &str) -> Cow<'_, str> {
    if s.chars().any(char::is_control) {
        Cow::Owned(
            s.chars()
                .map(|c| if c.is_control() { ' ' } else { c })
                .collect(),
        )
    } else {
        Cow::Borrowed(s)
    }
}
