//! The app's side of feeds and read marks: `U` asks the shell for an update (see
//! [`crate::tui::feed_job`]), whose progress shows in the status bar and whose new
//! articles join the library unread as they land; an article read in the reader (or
//! insight pane) is marked read; `m` marks the article read or unread again.

use super::{App, clock};
use crate::tui::component::Message;
use crate::tui::feed_job::FeedEvent;
use crate::tui::loader::Loaded;
use crate::tui::theme::Pane;

#[derive(Debug, Default)]
pub struct FeedState {
    /// `U` was pressed: the shell starts an update.
    requested: bool,
    /// While an update runs: feeds to read, feeds read, new articles, problems.
    running: Option<[usize; 4]>,
    /// The article `m` marked unread while it was open: left unread until another is.
    kept_unread: Option<usize>,
    /// The inbox the update saved to, when the library opened does not include it.
    outside: Option<std::path::PathBuf>,
}

impl App {
    /// Whether an update of the feeds was asked for (once).
    pub fn take_feed_request(&mut self) -> bool {
        std::mem::take(&mut self.feeds.requested)
    }

    /// `U`.
    pub(super) fn update_feeds(&mut self) {
        if self.feeds.running.is_some() {
            return self.feeds_busy();
        }
        self.feeds.requested = true;
        self.feeds.running = Some([0; 4]);
        self.show_message(Message::info("updating the feeds…"));
    }

    pub fn feeds_busy(&mut self) {
        self.show_message(Message::info(
            "the feeds are being updated: new articles come in as they land",
        ));
    }

    /// A new article an update brought in: it joins the library, unread. Returns its
    /// index.
    pub fn feed_article(&mut self, loaded: Loaded) -> usize {
        self.store
            .read_marks_mut()
            .expect_unread(&loaded.article.path);
        if let Some(run) = &mut self.feeds.running {
            run[2] += 1;
        }
        self.library_dirty = true;
        self.add_articles(vec![loaded])
    }

    pub fn feed_event(&mut self, event: FeedEvent) {
        let run = self.feeds.running.get_or_insert([0; 4]);
        match event {
            FeedEvent::Started { feeds } => run[0] = feeds,
            FeedEvent::Article(loaded) => {
                self.feed_article(*loaded);
            }
            FeedEvent::FeedDone(report) => {
                run[1] += 1;
                run[3] += report.problems.len();
                for problem in report.problems {
                    self.log.record(&Message::error(problem), &clock());
                }
            }
            FeedEvent::Outside(inbox) => self.feeds.outside = Some(inbox),
            FeedEvent::Problem(problem) => {
                run[3] += 1;
                self.log.record(&Message::error(problem), &clock());
            }
            FeedEvent::Finished(outcome) => {
                let [_, _, new, problems] = self.feeds.running.take().unwrap_or_default();
                let message = match outcome {
                    Err(e) => Message::error(format!("feeds not updated: {e}")),
                    Ok(reports) => {
                        let unchanged = reports.iter().filter(|r| r.unchanged).count();
                        let mut text = format!(
                            "feeds updated: {new} new article{} from {} feed{}",
                            plural(new),
                            reports.len(),
                            plural(reports.len())
                        );
                        if unchanged > 0 {
                            text.push_str(&format!(" ({unchanged} not changed)"));
                        }
                        if let Some(inbox) = self.feeds.outside.take() {
                            text.push_str(&format!(
                                "; saved in {}, which this library does not open (add it to \
                                 `library` to have them next time)",
                                inbox.display()
                            ));
                        }
                        match problems {
                            0 => Message::info(text),
                            n => Message::error(format!(
                                "{text}; {n} problem{} (! shows them)",
                                plural(n)
                            )),
                        }
                    }
                };
                self.show_message(message);
            }
        }
    }

    /// While an update runs, for the status bar: `feeds 2/5 · 3 new`.
    pub(super) fn feeds_status(&self) -> Option<String> {
        let [feeds, read, new, _] = self.feeds.running?;
        let of = match feeds {
            0 => String::new(),
            n => format!(" {read}/{n}"),
        };
        Some(format!("feeds{of} · {new} new"))
    }

    /// `m`: the library's selected article (or the one being read) read ↔ unread.
    pub(super) fn toggle_read(&mut self) {
        let article = match self.focus {
            Pane::Library => self.library.selected_article(),
            _ => self.reader.article(),
        };
        let Some((i, path)) = article.and_then(|i| Some((i, self.store.article(i)?.path.clone())))
        else {
            return;
        };
        let unread = !self.store.read_marks().is_unread(i);
        // Marked unread while being read: it stays so until another article is read.
        self.feeds.kept_unread = (unread && self.focus != Pane::Library).then_some(i);
        let said = match unread {
            true => "marked unread",
            false => "marked read",
        };
        match self.store.read_marks_mut().set(i, &path, unread) {
            Ok(()) => self.show_message(Message::info(said)),
            Err(e) => self.show_message(Message::error(e)),
        }
        self.library_dirty = true;
    }

    /// An unread article read in the reader or the insight pane becomes read (a preview
    /// from the library does not count).
    pub(super) fn mark_read_while_reading(&mut self) {
        if self.focus == Pane::Library {
            return;
        }
        let Some(i) = self.reader.article() else {
            return;
        };
        if self.feeds.kept_unread == Some(i) || !self.store.read_marks().is_unread(i) {
            return;
        }
        self.feeds.kept_unread = None;
        let Some(path) = self.store.article(i).map(|a| a.path.clone()) else {
            return;
        };
        if let Err(e) = self.store.read_marks_mut().set(i, &path, false) {
            self.show_message(Message::error(e));
        }
        self.library_dirty = true;
    }
}

fn plural(n: usize) -> &'static str {
    if n == 1 { "" } else { "s" }
}
