//! What the annotation keys do: find the passage (the selection, the annotation or claim at
//! the reader's cursor, the selected Claims or Notes row), then tag it, write its note (in
//! the note editor or `$EDITOR`), delete it, undo and redo, rename tags, export.

use std::collections::HashMap;
use std::fs::OpenOptions;
use std::io::Write;
use std::path::PathBuf;

use super::App;
use crate::annotate::export::{self, ExportFilter, ExportFormat};
use crate::annotate::model::{normalize_tag, parse_tag_list};
use crate::annotate::{Annotation, AnnotationId, ClaimFacts, Timestamp};
use crate::extract::{ClaimClass, Span};
use crate::tui::classes::ClassFilter;
use crate::tui::component::{Message, PromptKind, truncate};
use crate::tui::components::insight::Tab;
use crate::tui::components::note_editor::NoteEditor;
use crate::tui::components::notes_tab::hashtags;
use crate::tui::components::prompt::{Prompt, PromptOutcome};
use crate::tui::keymap::Action;
use crate::tui::selection::trimmed;
use crate::tui::theme::Pane;

/// What the annotation keys act on.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Passage {
    pub article: usize,
    /// Byte span in the article's current text; `None` for an orphaned annotation.
    pub span: Option<Span>,
    /// The claim's speaker, when the passage is a claim.
    pub speaker: Option<String>,
    /// The claim's class, when the passage is a claim (attributed or not).
    pub class: Option<ClaimClass>,
    /// The annotation already on the passage.
    pub existing: Option<AnnotationId>,
    /// The passage is the reader's selection (which ends once it is annotated).
    pub from_selection: bool,
}

impl App {
    /// The status bar's account of the selection being made.
    pub(super) fn selection_status(&self) -> Option<String> {
        let sel = self.reader.selection()?;
        let text = self.reader.article().and_then(|i| self.store.article(i))?;
        let key = |a: Action| {
            self.keymap
                .keys_for(a)
                .first()
                .map_or_else(|| "(unbound)".to_owned(), ToString::to_string)
        };
        Some(format!(
            "selected {} · {} tag · {} note · {} cancel",
            sel.describe(&text.text, &self.reader.doc().sentences),
            key(Action::Tag),
            key(Action::Note),
            key(Action::Back),
        ))
    }

    /// The passage the annotation keys act on, by focus.
    pub fn passage(&mut self) -> Result<Passage, String> {
        let no_article = || "no article open: Enter in the library opens one".to_owned();
        let article = self.reader.article().ok_or_else(no_article)?;
        self.store.place_annotations(article);
        let placed = self.store.annotations().placed();
        let text = self.store.article(article).map_or("", |a| a.text.as_str());
        let x = self.store.extraction(article);
        let speaker_of = |claim: usize| {
            let x = x?;
            let s = x.claims.get(claim)?.speaker?;
            x.speakers.get(s).map(|s| s.name.clone())
        };
        let class_of = |claim: usize| Some(x?.claims.get(claim)?.class);
        let stored_class = |a: &Annotation| a.class.as_deref().and_then(ClaimClass::parse);
        let claim_passage = |claim: usize| -> Result<Passage, String> {
            let span = x
                .and_then(|x| x.claims.get(claim))
                .map(|c| c.span)
                .ok_or("no such claim")?;
            Ok(Passage {
                article,
                span: Some(span),
                speaker: speaker_of(claim),
                class: class_of(claim),
                existing: placed
                    .and_then(|p| p.on(span))
                    .map(|n| n.annotation.id.clone()),
                from_selection: false,
            })
        };
        match self.focus {
            Pane::Reader => {
                if let Some(sel) = self.reader.selection() {
                    let span = trimmed(text, sel.span());
                    if span.is_empty() {
                        return Err("the selection is blank".into());
                    }
                    // Hidden or not, a claim the selection is exactly is the passage's claim.
                    let claim = self.reader.doc().claim_in(span, ClassFilter::All);
                    let claim_span = claim.and_then(|c| x?.claims.get(c).map(|c| c.span));
                    let claim = claim.filter(|_| claim_span == Some(span));
                    return Ok(Passage {
                        article,
                        span: Some(span),
                        speaker: claim.and_then(speaker_of),
                        class: claim.and_then(class_of),
                        existing: placed
                            .and_then(|p| p.on(span))
                            .map(|n| n.annotation.id.clone()),
                        from_selection: true,
                    });
                }
                if let Some(note) = placed.and_then(|p| p.at(self.reader.cursor())) {
                    return Ok(Passage {
                        article,
                        span: note.span,
                        speaker: note.annotation.speaker.clone(),
                        class: stored_class(&note.annotation),
                        existing: Some(note.annotation.id.clone()),
                        from_selection: false,
                    });
                }
                match self.reader.current_claim(self.classes) {
                    Some(claim) => claim_passage(claim),
                    None => Err("nothing to annotate here: ] goes to a claim, v selects a \
                                 passage"
                        .into()),
                }
            }
            Pane::Insight => match self.insight.tab() {
                Tab::Notes => match self.insight.selected_note(&self.store) {
                    Some(note) => Ok(Passage {
                        article,
                        span: note.span,
                        speaker: note.annotation.speaker.clone(),
                        class: stored_class(&note.annotation),
                        existing: Some(note.annotation.id.clone()),
                        from_selection: false,
                    }),
                    None => Err("no annotation selected".into()),
                },
                _ => match self.insight.selected_claim(&self.store, self.classes) {
                    Some(claim) => claim_passage(claim),
                    None => Err("choose a claim (Claims tab) or an annotation (Notes tab)".into()),
                },
            },
            Pane::Library => Err("open the article: passages are annotated in the reader".into()),
        }
    }

    /// `t`, `a`, `A`, `e`, `d`.
    pub(super) fn annotate(&mut self, action: Action) {
        let passage = match self.passage() {
            Ok(p) => p,
            Err(e) => return self.show_message(Message::info(e)),
        };
        if passage.existing.is_none() && matches!(action, Action::Edit | Action::Delete) {
            return self.show_message(Message::info("no annotation here"));
        }
        // Refuse read-only and unsaveable places before the user types anything.
        if let Err(e) = self.store.check_annotations_editable(passage.article) {
            return self.show_message(Message::error(e));
        }
        let existing = passage.existing.as_ref().and_then(|id| {
            let placed = self.store.annotations().placed()?;
            placed.get(id).map(|n| n.annotation.clone())
        });
        match action {
            Action::Tag => {
                let tags = existing.map_or_else(String::new, |a| {
                    a.tags.iter().map(|t| format!("{t}, ")).collect::<String>()
                });
                self.prompt = Some(Prompt::new(PromptKind::Tag, &tags));
                self.tagging = Some(passage);
                self.refresh_candidates();
            }
            Action::Note | Action::Edit => {
                let note = existing.as_ref().map_or("", |a| a.note.as_str());
                let editor = NoteEditor::new(&self.quote_of(&passage), note);
                self.editor = Some((editor, passage));
            }
            Action::NoteInEditor => {
                let note = existing.map(|a| a.note).unwrap_or_default();
                self.external = Some((passage, note));
            }
            Action::Delete => self.delete(&passage),
            _ => {}
        }
    }

    fn quote_of(&self, passage: &Passage) -> String {
        let text = self
            .store
            .article(passage.article)
            .map_or("", |a| a.text.as_str());
        match (passage.span, &passage.existing) {
            (Some(span), _) => span.slice(text).to_owned(),
            (None, Some(id)) => self
                .store
                .annotations()
                .placed()
                .and_then(|p| p.get(id))
                .map(|n| n.annotation.target.exact.clone())
                .unwrap_or_default(),
            (None, None) => String::new(),
        }
    }

    /// A new annotation on the passage, with `fill` applied; or `fill`'s change to the one
    /// already there. On success the selection (if it was the passage) ends and `what`
    /// is shown.
    pub(super) fn write(
        &mut self,
        passage: &Passage,
        what: &str,
        fill: impl Fn(&mut Annotation),
    ) -> Result<(), String> {
        let file = self.store.annotation_file_for_edit(passage.article)?;
        let result = match &passage.existing {
            Some(id) => self
                .store
                .annotations_mut()
                .change(|lib| lib.edit(file, id, |a| fill(a))),
            None => {
                let text = self
                    .store
                    .article(passage.article)
                    .map_or("", |a| a.text.as_str());
                let span = passage.span.ok_or("the passage is not in the text")?;
                let mut annotation = Annotation::on_passage(
                    text,
                    span,
                    passage.class.map(|class| ClaimFacts {
                        speaker: passage.speaker.as_deref(),
                        class,
                    }),
                    Timestamp::now(),
                )
                .ok_or("the passage is empty")?;
                fill(&mut annotation);
                self.store
                    .annotations_mut()
                    .change(|lib| lib.add(file, annotation))
            }
        };
        self.after_change();
        result?;
        if passage.from_selection {
            self.reader.clear_selection();
        }
        let undo = self.keymap.describe_keys(Action::Undo);
        self.show_message(Message::info(format!("{what} ({undo} undoes)")));
        Ok(())
    }

    fn after_change(&mut self) {
        self.library_dirty = true;
        if let Some(article) = self.reader.article() {
            self.store.place_annotations(article);
        }
    }

    pub(super) fn report(&mut self, result: Result<(), String>) {
        if let Err(e) = result {
            self.show_message(Message::error(e));
        }
    }

    /// Saves the note editor's text (or `$EDITOR`'s) as the passage's note.
    pub(super) fn save_note(&mut self, passage: Passage, note: &str) {
        let note = note.trim_end().to_owned();
        let current = passage.existing.as_ref().and_then(|id| {
            let placed = self.store.annotations().placed()?;
            placed.get(id).map(|n| n.annotation.note.clone())
        });
        match current {
            Some(old) if old == note => self.show_message(Message::info("note not changed")),
            None if note.is_empty() => {
                self.show_message(Message::info("empty note: nothing saved"))
            }
            _ => {
                let result = self.write(&passage, "note saved", |a| a.note = note.clone());
                self.report(result);
            }
        }
    }

    fn save_tags(&mut self, passage: Passage, input: &str) {
        let tags = parse_tag_list(input);
        let current = passage.existing.as_ref().and_then(|id| {
            let placed = self.store.annotations().placed()?;
            placed.get(id).map(|n| n.annotation.tags.clone())
        });
        match current {
            Some(old) if old == tags => self.show_message(Message::info("tags not changed")),
            None if tags.is_empty() => {
                self.show_message(Message::info("no tags given: nothing saved"))
            }
            _ => {
                let what = if tags.is_empty() {
                    "tags removed".to_owned()
                } else {
                    format!("tagged {}", hashtags(&tags))
                };
                let result = self.write(&passage, &what, |a| a.tags = tags.clone());
                self.report(result);
            }
        }
    }

    fn delete(&mut self, passage: &Passage) {
        let (Some(id), Ok(file)) = (
            passage.existing.clone(),
            self.store.annotation_file_for_edit(passage.article),
        ) else {
            return;
        };
        let quote = truncate(&self.quote_of(passage), 40);
        let result = self
            .store
            .annotations_mut()
            .change(|lib| lib.remove(file, &id));
        self.after_change();
        match result {
            Ok(_) => {
                let undo = self.keymap.describe_keys(Action::Undo);
                self.show_message(Message::info(format!(
                    "deleted the annotation on “{quote}” ({undo} undoes)"
                )));
            }
            Err(e) => self.show_message(Message::error(e)),
        }
    }

    /// `u` and `Ctrl-r`: across the session and the library.
    pub(super) fn undo_redo(&mut self, redo: bool) {
        let result = self.store.annotations_mut().change(|lib| match redo {
            true => lib.redo(),
            false => lib.undo(),
        });
        self.after_change();
        let message = match (result, redo) {
            (Ok(Some(label)), false) => Message::info(format!("undone: {label}")),
            (Ok(Some(label)), true) => Message::info(format!("redone: {label}")),
            (Ok(None), false) => Message::info("nothing to undo"),
            (Ok(None), true) => Message::info("nothing to redo"),
            (Err(e), _) => Message::error(e),
        };
        self.show_message(message);
    }

    /// The tag, rename and export prompts.
    pub(super) fn annotation_prompt(
        &mut self,
        kind: PromptKind,
        input: &str,
        outcome: PromptOutcome,
    ) {
        match outcome {
            PromptOutcome::Changed => self.refresh_candidates(),
            PromptOutcome::Cancel => {
                self.prompt = None;
                self.tagging = None;
            }
            PromptOutcome::Submit => {
                let prompt = self.prompt.take();
                match kind {
                    PromptKind::Tag => {
                        if let Some(passage) = self.tagging.take() {
                            self.save_tags(passage, input);
                        }
                    }
                    PromptKind::RenameTag => {
                        let from = prompt.map(|p| p.subject).unwrap_or_default();
                        self.rename_tag(&from, input);
                    }
                    PromptKind::Export => self.export(input),
                    PromptKind::Filter
                    | PromptKind::SpeakerFilter
                    | PromptKind::LibrarySearch
                    | PromptKind::Search
                    | PromptKind::Speaker
                    | PromptKind::RenameSpeaker
                    | PromptKind::SaveElsewhere => {}
                }
            }
            PromptOutcome::Complete | PromptOutcome::Ignored => {}
        }
    }

    /// The completions of what the prompt is typing.
    pub(super) fn refresh_candidates(&mut self) {
        let Some(prompt) = &self.prompt else {
            return;
        };
        let typed = prompt.typed_item().to_owned();
        let candidates: Vec<String> = match prompt.kind {
            PromptKind::Tag => {
                let others: Vec<String> = prompt
                    .other_items()
                    .into_iter()
                    .map(str::to_owned)
                    .collect();
                self.store
                    .annotations()
                    .tag_candidates(&typed)
                    .into_iter()
                    .filter(|t| !others.contains(t))
                    .collect()
            }
            PromptKind::RenameTag => self
                .store
                .annotations()
                .tag_candidates(&typed)
                .into_iter()
                .filter(|t| *t != prompt.subject)
                .collect(),
            PromptKind::Export => ExportFormat::ALL
                .iter()
                .map(|f| f.as_str().to_owned())
                .filter(|f| f.starts_with(&typed.to_ascii_lowercase()))
                .collect(),
            PromptKind::Speaker | PromptKind::RenameSpeaker => self
                .speaker_candidates(&typed)
                .into_iter()
                .filter(|n| *n != prompt.subject)
                .collect(),
            PromptKind::Filter
            | PromptKind::SpeakerFilter
            | PromptKind::LibrarySearch
            | PromptKind::Search
            | PromptKind::SaveElsewhere => Vec::new(),
        };
        if let Some(prompt) = &mut self.prompt {
            prompt.set_candidates(candidates);
        }
    }

    fn rename_tag(&mut self, from: &str, to: &str) {
        let Some(to) = normalize_tag(to) else {
            return self.show_message(Message::error("a tag needs a name: nothing renamed"));
        };
        if to == from {
            return self.show_message(Message::info("same name: nothing renamed"));
        }
        let merging = self
            .store
            .annotations()
            .tag_index()
            .iter()
            .any(|t| t.tag == to);
        let result = self
            .store
            .annotations_mut()
            .change(|lib| lib.rename_tag(from, &to));
        self.after_change();
        match result {
            Ok(n) => {
                if let Some(tags) = &mut self.tags {
                    tags.rebuild(&self.store);
                    tags.select(&to);
                    if tags.listed_tag().is_some() {
                        tags.list(&to, &self.store);
                    }
                }
                let merged = if merging {
                    ", merged into the existing tag"
                } else {
                    ""
                };
                let undo = self.keymap.describe_keys(Action::Undo);
                self.show_message(Message::info(format!(
                    "renamed #{from} to #{to} on {n} annotation{}{merged} ({undo} undoes)",
                    if n == 1 { "" } else { "s" }
                )));
            }
            Err(e) => self.show_message(Message::error(e)),
        }
    }

    /// `E`: writes every annotation in `format` (default markdown) to a new file.
    fn export(&mut self, format: &str) {
        let format = match format.trim() {
            "" => Ok(ExportFormat::Markdown),
            f => f.parse::<ExportFormat>(),
        };
        let message = match format
            .map_err(|e| e.to_string())
            .and_then(|f| self.export_to_file(f))
        {
            Ok((path, n)) => Message::info(format!(
                "exported {n} annotation{} to {}",
                if n == 1 { "" } else { "s" },
                path.display()
            )),
            Err(e) => Message::error(e),
        };
        self.show_message(message);
    }

    fn export_to_file(&self, format: ExportFormat) -> Result<(PathBuf, usize), String> {
        let library = self
            .store
            .annotations()
            .library()
            .ok_or("annotations are not loaded")?;
        let by_id: HashMap<&str, usize> = self
            .store
            .articles()
            .iter()
            .enumerate()
            .map(|(i, a)| (a.id.as_str(), i))
            .collect();
        let articles = export::select(library, &ExportFilter::default(), |meta| {
            match by_id.get(meta.id.as_str()) {
                Some(&i) => self.store.with_text(i, |text, _| text.to_string()),
                None => crate::article::read_file(std::path::Path::new(&meta.path))
                    .ok()
                    .map(|a| a.text),
            }
        });
        let count: usize = articles.iter().map(|a| a.annotations.len()).sum();
        if count == 0 {
            return Err("no annotations to export yet".into());
        }
        let text = export::render(format, &articles).map_err(|e| e.to_string())?;
        let dir = match &self.export_dir {
            Some(dir) => dir.clone(),
            None => std::env::current_dir().map_err(|e| format!("no current directory: {e}"))?,
        };
        std::fs::create_dir_all(&dir).map_err(|e| format!("{}: {e}", dir.display()))?;
        let stamp = Timestamp::now().to_string();
        let stamp: String = stamp
            .chars()
            .take(19)
            .filter(char::is_ascii_digit)
            .collect();
        for n in 1..100 {
            let suffix = if n == 1 {
                String::new()
            } else {
                format!("-{n}")
            };
            let path = dir.join(format!(
                "sayso-annotations-{stamp}{suffix}.{}",
                format.extension()
            ));
            // Never overwrite: a new name when the file exists.
            match OpenOptions::new().write(true).create_new(true).open(&path) {
                Ok(mut file) => {
                    file.write_all(text.as_bytes())
                        .and_then(|()| file.sync_all())
                        .map_err(|e| format!("{}: {e}", path.display()))?;
                    return Ok((path, count));
                }
                Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists => continue,
                Err(e) => return Err(format!("{}: {e}", path.display())),
            }
        }
        Err(format!("{}: too many exports this second", dir.display()))
    }

    /// Whether a note waits to be edited in `$EDITOR` (keys typed after `A` wait for it).
    pub fn wants_editor(&self) -> bool {
        self.external.is_some()
    }

    /// A note to edit in `$EDITOR`, for the terminal shell to carry out: its text.
    pub fn take_external_edit(&mut self) -> Option<String> {
        let (passage, note) = self.external.take()?;
        self.external_pending = Some(passage);
        Some(note)
    }

    /// What `$EDITOR` gave: the new note, or why there is none (nothing is changed).
    pub fn external_edit_done(&mut self, result: Result<String, String>) {
        let Some(passage) = self.external_pending.take() else {
            return;
        };
        match result {
            Ok(note) => self.save_note(passage, &note),
            Err(e) => self.show_message(Message::error(e)),
        }
    }
}
