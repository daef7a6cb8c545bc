//! Where each pane goes, as a pure function of the terminal size and the focus, so mouse
//! handling and drawing agree.

use ratatui::layout::Rect;

use super::theme::Pane;

/// Below this size the screen shows only a "terminal too small" notice.
pub const MIN_WIDTH: u16 = 40;
pub const MIN_HEIGHT: u16 = 8;
/// From this width on, all three panes show side by side; below it only the focused one.
pub const WIDE: u16 = 100;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Areas {
    pub library: Option<Rect>,
    pub reader: Option<Rect>,
    pub insight: Option<Rect>,
    /// Everything above the status bar (overlays use it).
    pub body: Rect,
    pub status: Rect,
}

impl Areas {
    pub fn pane(&self, pane: Pane) -> Option<Rect> {
        match pane {
            Pane::Library => self.library,
            Pane::Reader => self.reader,
            Pane::Insight => self.insight,
        }
    }

    /// The pane under a screen position.
    pub fn pane_at(&self, column: u16, row: u16) -> Option<(Pane, Rect)> {
        [Pane::Library, Pane::Reader, Pane::Insight]
            .into_iter()
            .filter_map(|p| self.pane(p).map(|r| (p, r)))
            .find(|(_, r)| r.contains(ratatui::layout::Position { x: column, y: row }))
    }
}

pub fn too_small(area: Rect) -> bool {
    area.width < MIN_WIDTH || area.height < MIN_HEIGHT
}

pub fn layout(area: Rect, focus: Pane) -> Areas {
    let body = Rect {
        height: area.height.saturating_sub(1),
        ..area
    };
    let status = Rect {
        y: area.y + body.height,
        height: area.height.min(1),
        ..area
    };
    if area.width < WIDE {
        return Areas {
            library: (focus == Pane::Library).then_some(body),
            reader: (focus == Pane::Reader).then_some(body),
            insight: (focus == Pane::Insight).then_some(body),
            body,
            status,
        };
    }
    // The library takes more room while it has the focus, so its date and source
    // columns show; the reader gets it back when reading.
    let left_width = if focus == Pane::Library {
        (area.width * 3 / 5).clamp(34, 110)
    } else {
        (area.width * 2 / 5).clamp(34, 60)
    };
    let library_height = body.height / 2;
    let library = Rect {
        width: left_width,
        height: library_height,
        ..body
    };
    let insight = Rect {
        y: body.y + library_height,
        height: body.height - library_height,
        width: left_width,
        ..body
    };
    let reader = Rect {
        x: body.x + left_width,
        width: body.width - left_width,
        ..body
    };
    Areas {
        library: Some(library),
        reader: Some(reader),
        insight: Some(insight),
        body,
        status,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn wide_screens_show_every_pane() {
        let a = layout(Rect::new(0, 0, 120, 40), Pane::Library);
        let (l, r, i) = (a.library.unwrap(), a.reader.unwrap(), a.insight.unwrap());
        assert_eq!((l.width + r.width, l.height + i.height), (120, 39));
        assert_eq!(a.status, Rect::new(0, 39, 120, 1));
        assert_eq!(a.pane_at(100, 5).map(|p| p.0), Some(Pane::Reader));
        assert_eq!(a.pane_at(3, 30).map(|p| p.0), Some(Pane::Insight));
    }

    #[test]
    fn the_focused_library_is_wider() {
        let library = layout(Rect::new(0, 0, 120, 40), Pane::Library)
            .library
            .unwrap();
        let reading = layout(Rect::new(0, 0, 120, 40), Pane::Reader)
            .library
            .unwrap();
        assert!(library.width > reading.width, "{library:?} {reading:?}");
    }

    #[test]
    fn narrow_screens_show_the_focused_pane() {
        let a = layout(Rect::new(0, 0, 60, 20), Pane::Reader);
        assert_eq!((a.library, a.insight), (None, None));
        assert_eq!(a.reader, Some(Rect::new(0, 0, 60, 19)));
    }
}
