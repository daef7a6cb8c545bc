//! The app: all UI state, the dispatch of events to components, and drawing. Pure state
//! transitions (no terminal), so tests drive it directly and render it on a TestBackend.
//! What the annotation keys do is in [`notes`].

mod corrections;
mod draw;
mod effects;
mod feeds;
mod input;
mod notes;
mod quitting;
mod search;
mod session;

use std::path::PathBuf;
use std::time::{Duration, Instant};

use crossterm::event::{Event, KeyCode, KeyEvent, KeyEventKind, KeyModifiers};
use ratatui::layout::Rect;

use self::notes::Passage;
use super::annotations::Loaded;
use super::classes::ClassFilter;
use super::component::{Effect, Message, PromptKind};
use super::components::choice::{Choice, Purpose};
use super::components::help::Help;
use super::components::insight::{Insight, Tab};
use super::components::library::Library;
use super::components::library_search::SearchView;
use super::components::log::{Log, LogView};
use super::components::note_editor::{EditorOutcome, NoteEditor};
use super::components::prompt::Prompt;
use super::components::reader::Reader;
use super::components::speakers_index::SpeakersIndex;
use super::components::tag_index::TagIndex;
use super::keymap::{Action, KeyChord, Keymap};
use super::store::Store;
use super::theme::{Pane, Theme};
use crate::annotate::journal;
use crate::article::Article;
use crate::config::{Config, Layers};
use crate::extract::Extraction;
pub use quitting::Leftover;

/// How long a transient message stays.
const MESSAGE_TTL: Duration = Duration::from_secs(5);
/// How often an open speakers index is rebuilt while extraction runs.
const INDEX_REFRESH: Duration = Duration::from_secs(1);
/// How often saving is retried after a save failed.
const SAVE_RETRY: Duration = Duration::from_secs(1);

/// The parts of the config the UI uses.
#[derive(Debug, Clone)]
pub struct Settings {
    pub keymap: Keymap,
    pub theme: Theme,
    pub layers: Layers,
    pub mouse: bool,
    /// Where `E` writes exports (`None`: the current directory).
    pub export_dir: Option<PathBuf>,
    /// The platform state dir (the recovery journal lives there); `None`: no journal.
    pub state_dir: Option<PathBuf>,
}

impl Settings {
    pub fn from_config(config: &Config, no_color: bool) -> Self {
        Settings {
            keymap: config.keymap(),
            theme: Theme::new(&config.theme, no_color),
            layers: config.layers,
            mouse: config.mouse,
            export_dir: config.export_dir_path(),
            state_dir: None,
        }
    }
}

impl Default for Settings {
    fn default() -> Self {
        Settings::from_config(&Config::default(), false)
    }
}

pub struct App {
    store: Store,
    theme: Theme,
    keymap: Keymap,
    layers: Layers,
    /// The claim classes shown (`c` cycles them).
    classes: ClassFilter,
    mouse: bool,
    focus: Pane,
    library: Library,
    reader: Reader,
    insight: Insight,
    index: Option<(SpeakersIndex, Instant)>,
    tags: Option<TagIndex>,
    /// The library-wide search: its index, and the overlay when open.
    search: Option<super::library_search::LibrarySearch>,
    search_view: Option<SearchView>,
    elsewhere: Option<search::Elsewhere>,
    help: Option<Help>,
    /// Every warning and error of the session (`!` shows them).
    log: Log,
    log_view: Option<LogView>,
    prompt: Option<Prompt>,
    /// The note editor, and the passage whose note it edits.
    editor: Option<(NoteEditor, Passage)>,
    /// The passage the tag prompt is for.
    tagging: Option<Passage>,
    /// What the speaker prompt corrects.
    fixing: Option<corrections::Fix>,
    /// A note to edit in `$EDITOR`: asked for by `A`, carried out by the terminal shell.
    external: Option<(Passage, String)>,
    /// The note handed to the shell, waiting for its result.
    external_pending: Option<Passage>,
    export_dir: Option<PathBuf>,
    last_save_retry: Option<Instant>,
    message: Option<(Message, Instant)>,
    /// The library view needs recomputing (new results while a filter is active).
    library_dirty: bool,
    /// An article the extraction threads should do next.
    urgent: Option<usize>,
    size: Rect,
    quit: bool,
    /// A question with one-key answers (unsaved changes, the recovery journal).
    choice: Option<Choice>,
    state_dir: Option<PathBuf>,
    /// The recovery journal's entries offered back at start.
    journal: Vec<journal::Entry>,
    /// What quitting did with changes that could not be saved.
    leftover: Leftover,
    /// A key or the mouse has been used: start-up no longer moves the reader.
    touched: bool,
    feeds: feeds::FeedState,
}

impl App {
    pub fn new(articles: Vec<Article>, settings: Settings) -> Self {
        let store = Store::new(articles);
        let library = Library::new(&store);
        App {
            store,
            theme: settings.theme,
            keymap: settings.keymap,
            layers: settings.layers,
            classes: ClassFilter::All,
            mouse: settings.mouse,
            focus: Pane::Library,
            library,
            reader: Reader::default(),
            insight: Insight::default(),
            index: None,
            search: None,
            search_view: None,
            elsewhere: None,
            tags: None,
            help: None,
            log: Log::default(),
            log_view: None,
            prompt: None,
            editor: None,
            tagging: None,
            fixing: None,
            external: None,
            external_pending: None,
            export_dir: settings.export_dir,
            last_save_retry: None,
            message: None,
            library_dirty: false,
            feeds: feeds::FeedState::default(),
            urgent: None,
            size: Rect::new(0, 0, 120, 40),
            quit: false,
            choice: None,
            state_dir: settings.state_dir,
            journal: Vec::new(),
            leftover: Leftover::default(),
            touched: false,
        }
    }

    pub fn store(&self) -> &Store {
        &self.store
    }

    pub fn store_mut(&mut self) -> &mut Store {
        &mut self.store
    }

    pub fn focus(&self) -> Pane {
        self.focus
    }

    pub fn library(&self) -> &Library {
        &self.library
    }

    pub fn reader(&self) -> &Reader {
        &self.reader
    }

    pub fn insight(&self) -> &Insight {
        &self.insight
    }

    pub fn layers(&self) -> Layers {
        self.layers
    }

    pub fn classes(&self) -> ClassFilter {
        self.classes
    }

    pub fn message(&self) -> Option<&Message> {
        self.message.as_ref().map(|(m, _)| m)
    }

    pub fn help_open(&self) -> bool {
        self.help.is_some()
    }

    /// The session's warnings and errors.
    pub fn log(&self) -> &Log {
        &self.log
    }

    pub fn log_open(&self) -> bool {
        self.log_view.is_some()
    }

    /// Shows the first of `problems` in the status bar and keeps them all in the log.
    pub fn report_problems(&mut self, problems: &[String]) {
        let Some(first) = problems.first() else {
            return;
        };
        for p in problems {
            self.log.record(&Message::error(p.clone()), &clock());
        }
        let more = match problems.len() {
            1 => String::new(),
            n => format!(
                " (+{} more: {} lists them)",
                n - 1,
                self.keymap.describe_keys(Action::Log)
            ),
        };
        // Logged above, one by one.
        self.message = Some((Message::error(format!("{first}{more}")), Instant::now()));
    }

    pub fn index(&self) -> Option<&SpeakersIndex> {
        self.index.as_ref().map(|(i, _)| i)
    }

    pub fn prompt(&self) -> Option<&Prompt> {
        self.prompt.as_ref()
    }

    pub fn tag_index(&self) -> Option<&TagIndex> {
        self.tags.as_ref()
    }

    /// The note editor, when open.
    pub fn note_editor(&self) -> Option<&NoteEditor> {
        self.editor.as_ref().map(|(e, _)| e)
    }

    /// Takes in the annotations the loader read (see [`crate::tui::annotations::load`]);
    /// problems (files that do not parse, now read-only) go to the status bar.
    pub fn annotations_loaded(&mut self, loaded: Loaded) {
        let problems: Vec<String> = self
            .store
            .annotations_mut()
            .loaded(loaded)
            .into_iter()
            .map(|p| p.to_string())
            .collect();
        self.report_problems(&problems);
        self.library_dirty = true;
        self.offer_journal();
    }

    pub fn mouse_enabled(&self) -> bool {
        self.mouse
    }

    pub fn should_quit(&self) -> bool {
        self.quit
    }

    /// Going down now (Ctrl-C, SIGTERM, SIGHUP, SIGINT): a note being typed is saved as
    /// the passage's note rather than lost, then the app quits; the caller retries any
    /// save that failed.
    pub fn shut_down(&mut self) {
        self.save_open_note();
        self.quit = true;
    }

    fn save_open_note(&mut self) {
        if let Some((editor, passage)) = self.editor.take() {
            self.save_note(passage, editor.text());
        }
    }

    /// The article the extraction threads should do next, once.
    pub fn take_urgent(&mut self) -> Option<usize> {
        self.urgent.take()
    }

    pub fn show_message(&mut self, message: Message) {
        self.log.record(&message, &clock());
        self.message = Some((message, Instant::now()));
    }

    /// Time passes: old messages go, an open speakers index catches up with extraction.
    pub fn tick(&mut self, now: Instant) {
        if self
            .message
            .as_ref()
            .is_some_and(|(_, at)| now.duration_since(*at) >= MESSAGE_TTL)
        {
            self.message = None;
        }
        if let Some((index, built)) = &mut self.index
            && index.is_stale(&self.store)
            && now.duration_since(*built) >= INDEX_REFRESH
        {
            index.rebuild(&self.store);
            *built = now;
        }
        self.refresh_search();
        self.mark_read_while_reading();
        if self.store.annotations().has_unsaved()
            && self
                .last_save_retry
                .is_none_or(|at| now.duration_since(at) >= SAVE_RETRY)
        {
            self.last_save_retry = Some(now);
            if let Some(e) = self.store.annotations_mut().save_all().first() {
                self.show_message(Message::error(format!("still not saved: {e}")));
            }
        }
        if let Some(fixed) = self.store.annotations_mut().check_fixed_files(now) {
            self.show_message(Message::info(fixed));
        }
    }

    /// Records an extraction result from the background threads.
    pub fn extraction_done(&mut self, index: usize, result: Result<Extraction, String>) {
        if let Err(e) = &result
            && self.reader.article() == Some(index)
        {
            self.show_message(Message::error(e.clone()));
        }
        self.store.set(index, result);
        self.reader.extraction_ready(index, &self.store);
        self.library_dirty |= self.library.depends_on_extraction();
    }

    pub fn handle_event(&mut self, event: &Event) {
        match event {
            Event::Key(key) => self.handle_key(key),
            Event::Mouse(mouse) if self.mouse => self.handle_mouse(mouse),
            _ => {}
        }
    }

    pub fn handle_key(&mut self, key: &KeyEvent) {
        self.touched = true;
        // Key release and repeat events (kitty protocol, Windows) would act twice.
        if key.kind != KeyEventKind::Press {
            return;
        }
        // Ctrl-C quits from anywhere, whatever the keymap (raw mode turns it into a key),
        // asking first about changes that could not be saved; asked already, it quits.
        if key.code == KeyCode::Char('c') && key.modifiers.contains(KeyModifiers::CONTROL) {
            if self
                .choice
                .as_ref()
                .is_some_and(|c| c.purpose != Purpose::Restore)
            {
                self.shut_down();
            } else {
                self.choice = None;
                self.prompt = None;
                self.save_open_note();
                self.request_quit();
            }
            return;
        }
        if self.choice.is_some() {
            self.choice_key(key);
            return;
        }
        if let Some((editor, _)) = &mut self.editor {
            match editor.key(key, &self.keymap) {
                EditorOutcome::Editing => {}
                EditorOutcome::Cancel => {
                    self.editor = None;
                    self.show_message(Message::info("note not changed"));
                }
                EditorOutcome::Save => {
                    if let Some((editor, passage)) = self.editor.take() {
                        self.save_note(passage, editor.text());
                    }
                }
            }
            return;
        }
        if let Some(prompt) = &mut self.prompt {
            let outcome = prompt.key(key);
            let (kind, input) = (prompt.kind, prompt.input.clone());
            self.prompt_outcome(kind, &input, outcome);
            return;
        }
        if let Some(action) = self.keymap.action(&KeyChord::from_event(key)) {
            self.dispatch(action);
        }
    }

    /// Carries out one action: overlays first, then global actions, then the focused pane.
    pub fn dispatch(&mut self, action: Action) {
        if let Some(view) = &mut self.log_view {
            if view.handle(action) == Effect::Close {
                self.log_view = None;
            }
            return;
        }
        if let Some(help) = &mut self.help {
            if help.handle(action, &self.keymap) == Effect::Close {
                self.help = None;
            }
            return;
        }
        if self.search_key(action) {
            return;
        }
        if matches!(action, Action::Undo | Action::Redo) {
            self.undo_redo(action == Action::Redo);
            return;
        }
        if let Some(tags) = &mut self.tags {
            match tags.handle(action, &self.store) {
                Effect::Close => self.tags = None,
                effect => self.apply(effect),
            }
            return;
        }
        if let Some((article, _, offset)) = self
            .index
            .as_ref()
            .filter(|_| is_annotation_key(action) || corrections::is_correction_key(action))
            .and_then(|(i, _)| i.selected_claim(&self.store))
        {
            // A claim listed across the library: read it, and annotate it there.
            self.apply(Effect::Jump {
                article,
                offset,
                focus_reader: true,
            });
            match action {
                Action::WhoSaid => self.who_said(),
                Action::NotAClaim => self.not_a_claim(),
                _ => self.annotate(action),
            }
            return;
        }
        if action == Action::WhoSaid
            && let Some(person) = self.index.as_ref().and_then(|(i, _)| i.selected_person())
        {
            let person = person.clone();
            return self.who_said_everywhere(person);
        }
        if let Some((index, _)) = &mut self.index {
            match index.handle(action, &self.store) {
                Effect::Close => self.index = None,
                effect => self.apply(effect),
            }
            return;
        }
        match action {
            // `q` closes one level: the reader (or insight pane) goes back to the library.
            Action::Quit if self.focus != Pane::Library => self.focus = Pane::Library,
            Action::Quit => self.request_quit(),
            Action::NextTab | Action::PrevTab => {
                self.insight.handle(action, &self.store, self.classes);
            }
            Action::Help => self.help = Some(Help::default()),
            Action::Log => self.log_view = Some(LogView::default()),
            Action::SpeakersIndex => {
                self.index = Some((SpeakersIndex::new(&self.store), Instant::now()))
            }
            Action::TagIndex => self.tags = Some(TagIndex::new(&self.store)),
            Action::LibrarySearch => self.open_search(),
            Action::Provenance => self.open_copies(),
            Action::Export => self.apply(Effect::Prompt(PromptKind::Export)),
            Action::UpdateFeeds => self.update_feeds(),
            Action::ToggleRead => self.toggle_read(),
            Action::Tag | Action::Note | Action::NoteInEditor | Action::Edit | Action::Delete => {
                self.annotate(action)
            }
            Action::WhoSaid => self.who_said(),
            Action::NotAClaim => self.not_a_claim(),
            Action::NextPane => self.cycle_focus(true),
            Action::PrevPane => self.cycle_focus(false),
            Action::ToggleSpeakers => self.layers.speakers = !self.layers.speakers,
            Action::ToggleClaims => self.layers.claims = !self.layers.claims,
            Action::ToggleNumbers => self.layers.numbers = !self.layers.numbers,
            Action::CycleClasses | Action::CycleClassesBack => {
                self.cycle_classes(action == Action::CycleClasses)
            }
            _ => {
                let effect = match self.focus {
                    Pane::Library => self.library.handle(action, &self.store),
                    Pane::Reader => self.reader.handle(action, &self.store, self.classes),
                    Pane::Insight => self.insight.handle(action, &self.store, self.classes),
                };
                let moved_in_library = self.focus == Pane::Library;
                self.apply(effect);
                if moved_in_library {
                    self.preview();
                }
            }
        }
    }

    /// `c` / `C`: the next claim classes shown, said with how many that shows.
    fn cycle_classes(&mut self, forward: bool) {
        self.classes = self.classes.step(forward);
        let x = self.reader.article().and_then(|a| self.store.extraction(a));
        self.show_message(Message::info(self.classes.describe(x.map(AsRef::as_ref))));
    }

    /// Tab walks Library → Reader → each insight tab → Library; Shift-Tab walks back.
    fn cycle_focus(&mut self, forward: bool) {
        let tab = self.insight.tab();
        self.focus = match (self.focus, forward) {
            (Pane::Insight, true) if !tab.is_last() => {
                self.insight
                    .handle(Action::NextTab, &self.store, self.classes);
                Pane::Insight
            }
            (Pane::Insight, false) if !tab.is_first() => {
                self.insight
                    .handle(Action::PrevTab, &self.store, self.classes);
                Pane::Insight
            }
            (Pane::Library, true) => Pane::Reader,
            (Pane::Reader, true) => {
                self.insight.set_tab(Tab::ALL[0]);
                Pane::Insight
            }
            (Pane::Insight, true) => Pane::Library,
            (Pane::Library, false) => {
                self.insight.set_tab(Tab::ALL[Tab::ALL.len() - 1]);
                Pane::Insight
            }
            (Pane::Reader, false) => Pane::Library,
            (Pane::Insight, false) => Pane::Reader,
        };
    }

    /// The library's selected article shows in the reader as the selection moves, without
    /// taking the focus (Enter does); opening is a wrap of one article, cheap on any library.
    fn preview(&mut self) {
        if let Some(article) = self.library.selected_article()
            && self.reader.article() != Some(article)
        {
            self.open(article);
        }
    }

    fn open(&mut self, article: usize) {
        // Its text back in memory first, if it was let go (a large library keeps few).
        if let Err(e) = self.store.open(article) {
            self.show_message(Message::error(e));
        }
        self.reader.open(article, &self.store);
        self.store.place_annotations(article);
        self.insight.show(article);
        self.library.select_article(article);
        if self.store.extraction(article).is_none() {
            self.urgent = Some(article);
        }
    }
}

/// The keys that act on a passage.
fn is_annotation_key(action: Action) -> bool {
    matches!(
        action,
        Action::Tag | Action::Note | Action::NoteInEditor | Action::Edit | Action::Delete
    )
}

/// The time of day (UTC) a logged message came, `HH:MM:SS`.
fn clock() -> String {
    let now = time::OffsetDateTime::now_utc();
    format!("{:02}:{:02}:{:02}", now.hour(), now.minute(), now.second())
}
