//! Quitting with changes that could not be saved (retry, save elsewhere, or discard after
//! confirmation: never a silent loss), and the recovery journal offered back at start.

use std::path::PathBuf;

use crossterm::event::KeyEvent;

use super::App;
use crate::annotate::journal::{self, Outcome};
use crate::tui::component::{Message, PromptKind};
use crate::tui::components::choice::{Answer, Choice, Purpose};
use crate::tui::components::prompt::Prompt;

/// What quitting did with changes that could not be saved.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub enum Leftover {
    /// Nothing was decided: whatever is still unsaved goes to the recovery journal.
    #[default]
    ToJournal,
    /// Written as a data dir in this folder (the copies listed).
    SavedElsewhere { dir: PathBuf, copies: Vec<PathBuf> },
    /// Thrown away, after confirmation.
    Discarded,
}

impl App {
    /// What quitting did with changes that could not be saved.
    pub fn leftover(&self) -> &Leftover {
        &self.leftover
    }

    /// The open question, if any.
    pub fn choice(&self) -> Option<&Choice> {
        self.choice.as_ref()
    }

    /// `q`: quits, unless changes could not be saved even now; then asks what to do.
    pub(super) fn request_quit(&mut self) {
        if self.store.annotations().has_unsaved() {
            let errors = self.store.annotations_mut().save_all();
            if let Some(first) = errors.first() {
                self.ask_about_unsaved(first);
                return;
            }
        }
        self.quit = true;
    }

    fn ask_about_unsaved(&mut self, reason: &str) {
        let text = format!(
            "Some changes could not be saved: {reason}. Ctrl-C again quits and keeps them in \
             the recovery journal, offered back at the next start."
        );
        self.choice = Some(
            Choice::new(Purpose::Quit, "Changes not saved", text)
                .option('r', "retry saving, and quit once saved")
                .option('s', "save them in another folder (asks which), then quit")
                .option('d', "discard them and quit (asks first)"),
        );
    }

    /// A key while a question is open.
    pub(super) fn choice_key(&mut self, key: &KeyEvent) {
        let Some(choice) = &self.choice else {
            return;
        };
        let purpose = choice.purpose;
        match choice.key(key) {
            Answer::Ignored => {}
            Answer::Dismissed => {
                self.choice = None;
                if purpose == Purpose::Restore {
                    self.show_message(Message::info(
                        "kept in the recovery journal: offered again at the next start",
                    ));
                }
            }
            Answer::Picked(c) => {
                self.choice = None;
                self.answer(purpose, c);
            }
        }
    }

    fn answer(&mut self, purpose: Purpose, key: char) {
        match (purpose, key) {
            (Purpose::Quit, 'r') => self.request_quit(),
            (Purpose::Quit, 's') => {
                let suggestion = self
                    .state_dir
                    .as_deref()
                    .map(journal::new_entry)
                    .unwrap_or_else(|| PathBuf::from("sayso-unsaved"));
                self.prompt = Some(Prompt::new(
                    PromptKind::SaveElsewhere,
                    &suggestion.to_string_lossy(),
                ));
            }
            (Purpose::Quit, _) => {
                self.choice = Some(
                    Choice::new(
                        Purpose::Discard,
                        "Discard changes?",
                        "The changes that could not be saved will be lost. This cannot be undone.",
                    )
                    .option('y', "yes, discard them and quit")
                    .option('n', "no, go back"),
                );
            }
            (Purpose::Discard, 'y') => {
                self.leftover = Leftover::Discarded;
                self.quit = true;
            }
            (Purpose::Discard, _) => self.request_quit(),
            (Purpose::Restore, 'r') => self.restore_journal(),
            (Purpose::Restore, 'd') => self.discard_journal(),
            (Purpose::Restore, _) => self.show_message(Message::info(
                "kept in the recovery journal: offered again at the next start",
            )),
        }
    }

    /// The folder typed at "save elsewhere": the unsaved files go there, laid out as a
    /// data dir; then sayso quits. A folder that cannot take them asks again.
    pub(super) fn save_elsewhere(&mut self, input: &str) {
        let typed = input.trim();
        let dir = match typed.strip_prefix("~/") {
            Some(rest) => std::env::var_os("HOME").map_or_else(
                || PathBuf::from(typed),
                |home| PathBuf::from(home).join(rest),
            ),
            None => PathBuf::from(typed),
        };
        if typed.is_empty() {
            self.ask_about_unsaved("no folder was given");
            return;
        }
        match self.store.annotations().write_recovery(&dir) {
            Ok(copies) => {
                self.leftover = Leftover::SavedElsewhere { dir, copies };
                self.quit = true;
            }
            Err(e) => {
                self.ask_about_unsaved(&format!("{e} (and {} cannot take them)", dir.display()))
            }
        }
    }

    /// After the annotations loaded: asks whether to take back what the recovery journal
    /// kept from an earlier session.
    pub(super) fn offer_journal(&mut self) {
        let Some(state) = &self.state_dir else {
            return;
        };
        self.journal = journal::pending(state);
        let files: usize = self.journal.iter().map(|e| e.files).sum();
        if files == 0 || self.choice.is_some() {
            return;
        }
        let text = format!(
            "An earlier session could not save some changes; they are kept in the recovery \
             journal ({files} annotation file{}, in {}).",
            if files == 1 { "" } else { "s" },
            state.join(journal::DIR).display()
        );
        self.choice = Some(
            Choice::new(Purpose::Restore, "Unsaved changes from last time", text)
                .option('r', "restore them now (one undo step)")
                .option('l', "later: ask again at the next start")
                .option(
                    'd',
                    "set them aside (moved to recovery/discarded, not deleted)",
                ),
        );
    }

    fn restore_journal(&mut self) {
        let entries = std::mem::take(&mut self.journal);
        match self.store.annotations_mut().restore_journal(&entries) {
            Ok(0) => self.show_message(Message::info(
                "nothing to restore: those changes are already in your annotations",
            )),
            Ok(n) => self.show_message(Message::info(format!(
                "restored {n} annotation change{} from the recovery journal (u undoes)",
                if n == 1 { "" } else { "s" }
            ))),
            Err(e) => self.show_message(Message::error(format!(
                "could not restore the recovery journal: {e} — it is kept"
            ))),
        }
        self.library_dirty = true;
    }

    fn discard_journal(&mut self) {
        let entries = std::mem::take(&mut self.journal);
        let failed = entries
            .iter()
            .filter_map(|e| journal::set_aside(e, Outcome::Discarded).err())
            .next();
        match failed {
            None => self.show_message(Message::info(
                "set aside in recovery/discarded: they will not be offered again",
            )),
            Some(e) => self.show_message(Message::error(format!(
                "could not set the recovery journal aside: {e}"
            ))),
        }
    }
}
