//! The speaker-correction keys. `W` (who said it) gives the claim at hand to someone else
//! or to nobody, or — on a speaker (Speakers tab, a speaker's heading in the Claims tab) —
//! renames the speaker in this article, merging it into another speaker when given that
//! one's name. `X` marks the claim at hand as no claim, and makes it one again. Each is
//! the `correction` of an annotation on the passage (see
//! [`corrections`](crate::annotate::corrections)): saved at once, merged with other
//! instances, and undone with `u`.

use super::App;
use super::notes::Passage;
use crate::annotate::corrections::Correction;
use crate::annotate::{Annotation, FileId, Target, Timestamp};
use crate::corpus::speakers::Person;
use crate::text::offsets::CodePoints;
use crate::tui::component::{Message, PromptKind};
use crate::tui::components::insight::Tab;
use crate::tui::components::prompt::{Prompt, PromptOutcome};
use crate::tui::keymap::Action;
use crate::tui::theme::Pane;

/// What the speaker prompt is for.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Fix {
    /// Give this claim to the speaker typed.
    Claim(Passage),
    /// Rename the speaker whose first mention is the passage (its `speaker`).
    Rename(Passage),
    /// Rename a person of the speakers index in every article they appear in.
    Everywhere(Person),
}

impl App {
    /// `W`: asks who said the claim at hand, or the new name of the speaker selected.
    pub(super) fn who_said(&mut self) {
        let fix = match self.speaker_passage() {
            Some(Ok(passage)) => Fix::Rename(passage),
            Some(Err(e)) => return self.show_message(Message::info(e)),
            None => match self.passage() {
                Ok(p) if p.class.is_some() => Fix::Claim(p),
                Ok(_) => {
                    return self.show_message(Message::info(
                        "not a claim: W gives a claim to its speaker (] goes to one)",
                    ));
                }
                Err(e) => return self.show_message(Message::info(e)),
            },
        };
        let (Fix::Claim(p) | Fix::Rename(p)) = &fix else {
            return;
        };
        if let Err(e) = self.store.check_annotations_editable(p.article) {
            return self.show_message(Message::error(e));
        }
        let kind = match &fix {
            Fix::Claim(_) => PromptKind::Speaker,
            _ => PromptKind::RenameSpeaker,
        };
        let name = p.speaker.clone().unwrap_or_default();
        let mut prompt = Prompt::new(kind, &name);
        prompt.subject = name;
        self.prompt = Some(prompt);
        self.fixing = Some(fix);
        self.refresh_candidates();
    }

    /// The speaker selected in the insight pane, as the passage a rename is kept on (its
    /// first mention); `None` when no speaker is selected.
    fn speaker_passage(&mut self) -> Option<Result<Passage, String>> {
        if self.focus != Pane::Insight || !matches!(self.insight.tab(), Tab::Speakers | Tab::Claims)
        {
            return None;
        }
        let speaker = self.insight.selected_speaker(&self.store, self.classes)?;
        let article = self.reader.article()?;
        let x = self.store.extraction(article)?;
        let s = x.speakers.get(speaker)?;
        let Some(&mention) = s.mentions.first() else {
            return Some(Err(format!(
                "{} is named by hand and has no mention to keep the name on: W on a claim of \
                 theirs gives it to another speaker",
                s.name
            )));
        };
        let name = s.name.clone();
        self.store.place_annotations(article);
        let existing = self
            .store
            .annotations()
            .placed()
            .and_then(|p| p.on(mention))
            .map(|n| n.annotation.id.clone());
        Some(Ok(Passage {
            article,
            span: Some(mention),
            speaker: Some(name),
            class: None,
            existing,
            from_selection: false,
        }))
    }

    /// What the speaker prompt's outcome does.
    pub(super) fn speaker_prompt(&mut self, input: &str, outcome: PromptOutcome) {
        match outcome {
            PromptOutcome::Changed => self.refresh_candidates(),
            PromptOutcome::Cancel => {
                self.prompt = None;
                self.fixing = None;
            }
            PromptOutcome::Submit => {
                self.prompt = None;
                let name = input.split_whitespace().collect::<Vec<_>>().join(" ");
                match self.fixing.take() {
                    Some(Fix::Claim(passage)) => self.give_claim(&passage, &name),
                    Some(Fix::Rename(passage)) => self.rename_speaker(&passage, &name),
                    Some(Fix::Everywhere(person)) => self.rename_everywhere(&person, &name),
                    None => {}
                }
            }
            PromptOutcome::Complete | PromptOutcome::Ignored => {}
        }
    }

    fn give_claim(&mut self, passage: &Passage, name: &str) {
        if passage.speaker.as_deref().unwrap_or("") == name {
            return self.show_message(Message::info("speaker not changed"));
        }
        let what = match name {
            "" => "claim given to nobody named".to_owned(),
            name => format!("claim given to {name}"),
        };
        let result = self.write(passage, &what, |a| {
            let mut c = a.correction.clone().unwrap_or_default();
            c.speaker = Some(name.to_owned());
            c.not_a_claim = false;
            a.correction = Some(c);
        });
        self.report(result);
    }

    fn rename_speaker(&mut self, passage: &Passage, name: &str) {
        let old = passage.speaker.clone().unwrap_or_default();
        if name.is_empty() {
            return self.show_message(Message::info(
                "a speaker needs a name: W on a claim gives it to nobody",
            ));
        }
        if old == name {
            return self.show_message(Message::info("name not changed"));
        }
        let merges = self
            .store
            .extraction(passage.article)
            .is_some_and(|x| x.speakers.iter().any(|s| s.name.eq_ignore_ascii_case(name)));
        let what = match merges {
            true => format!("{old} merged into {name}"),
            false => format!("{old} renamed {name}"),
        };
        let result = self.write(passage, &what, |a| {
            // The name the rename applies to: the one this annotation first renamed.
            if a.speaker.is_none() {
                a.speaker = Some(old.clone());
            }
            let mut c = a.correction.clone().unwrap_or_default();
            c.rename = Some(name.to_owned());
            a.correction = Some(c);
        });
        self.report(result);
    }

    /// `W` on a person in the speakers index: asks for their new name in every article.
    pub(super) fn who_said_everywhere(&mut self, person: Person) {
        let mut prompt = Prompt::new(PromptKind::RenameSpeaker, &person.name);
        prompt.subject = format!("{} in {} articles", person.name, person.articles());
        self.prompt = Some(prompt);
        self.fixing = Some(Fix::Everywhere(person));
        self.refresh_candidates();
    }

    /// Renames `person` in each article they appear in (a rename kept on their first
    /// mention there), as one undo step. Articles whose annotations cannot be changed now
    /// (a file that does not parse, an unreadable article) are left as they are, and
    /// counted in the message.
    fn rename_everywhere(&mut self, person: &Person, name: &str) {
        if name.is_empty() {
            return self.show_message(Message::info("a speaker needs a name: nothing renamed"));
        }
        let now = Timestamp::now();
        let (mut items, mut skipped) = (Vec::new(), 0);
        for a in &person.appearances {
            match self.rename_in(a.article, a.speaker, name, now) {
                Some(item) => items.push(item),
                None => skipped += 1,
            }
        }
        if items.is_empty() {
            return self.show_message(Message::error(format!(
                "{} could not be renamed in any article",
                person.name
            )));
        }
        let renamed = items.len();
        let label = format!("{} renamed {name} in {renamed} articles", person.name);
        let result = self
            .store
            .annotations_mut()
            .change(|lib| lib.put_all(&label, items));
        self.library_dirty = true;
        match result {
            Ok(_) => {
                let skipped = match skipped {
                    0 => String::new(),
                    n => format!("; {n} left as they were (read-only or unreadable)"),
                };
                let undo = self.keymap.describe_keys(Action::Undo);
                self.show_message(Message::info(format!("{label}{skipped} ({undo} undoes)")));
            }
            Err(e) => self.show_message(Message::error(e)),
        }
    }

    /// The annotation that renames speaker `speaker` of article `article` to `name`: the
    /// rename already on its first mention changed, or a new one.
    fn rename_in(
        &mut self,
        article: usize,
        speaker: usize,
        name: &str,
        now: Timestamp,
    ) -> Option<(FileId, Annotation)> {
        self.store.check_annotations_editable(article).ok()?;
        let (text, mention, old) = self.store.with_text(article, |text, x| {
            let s = x?.speakers.get(speaker)?;
            Some((text.to_owned(), *s.mentions.first()?, s.name.clone()))
        })??;
        if old == name {
            return None;
        }
        let file = self.store.annotation_file_for_edit(article).ok()?;
        let target = Target::from_span(&text, &CodePoints::new(&text), mention)?;
        let existing = self
            .store
            .annotations()
            .library()
            .and_then(|lib| lib.file(file))
            .and_then(|f| {
                f.annotations()
                    .iter()
                    .find(|a| (a.target.start, a.target.end) == (target.start, target.end))
                    .cloned()
            });
        let mut annotation = existing.unwrap_or_else(|| {
            let mut a = Annotation::new(target, now);
            a.speaker = Some(old.clone());
            a
        });
        annotation.speaker.get_or_insert(old);
        let mut c = annotation.correction.clone().unwrap_or_default();
        c.rename = Some(name.to_owned());
        annotation.correction = Some(c);
        annotation.updated = now.max(annotation.updated);
        Some((file, annotation))
    }

    /// `X`: the claim at hand is no claim; on a passage marked so, a claim again.
    pub(super) fn not_a_claim(&mut self) {
        let passage = match self.passage() {
            Ok(p) => p,
            Err(e) => return self.show_message(Message::info(e)),
        };
        if let Err(e) = self.store.check_annotations_editable(passage.article) {
            return self.show_message(Message::error(e));
        }
        let marked = passage
            .existing
            .as_ref()
            .and_then(|id| self.store.annotations().placed()?.get(id))
            .and_then(|n| n.annotation.correction.as_ref())
            .is_some_and(|c| c.not_a_claim);
        if !marked && passage.class.is_none() {
            return self.show_message(Message::info(
                "not a claim already: X marks a claim the engine found as none",
            ));
        }
        let what = match marked {
            true => "a claim again",
            false => "marked not a claim",
        };
        let result = self.write(&passage, what, |a| {
            let mut c = a.correction.clone().unwrap_or_default();
            c.not_a_claim = !marked;
            a.correction = Some(c).filter(|c: &Correction| !c.is_empty() || !c.extra.is_empty());
        });
        self.report(result);
    }

    /// Follows the annotations: articles whose corrections changed (here, in another
    /// instance, by undo) are shown as corrected now, and so are the views built on them.
    pub(super) fn refresh_corrections(&mut self) {
        let changed = self.store.refresh_corrections();
        if changed.is_empty() {
            return;
        }
        self.library_dirty = true;
        if let Some(open) = self.reader.article().filter(|a| changed.contains(a)) {
            self.reader.extraction_changed(open, &self.store);
        }
        if let Some((index, _)) = &mut self.index {
            index.rebuild(&self.store);
        }
        if let Some(search) = &mut self.search {
            let jobs = changed
                .iter()
                .filter_map(|&i| self.store.reindex_job(i))
                .collect();
            search.reindex(jobs);
        }
    }

    /// The names the speaker prompts complete: the open article's speakers first, then
    /// the library's.
    pub(super) fn speaker_candidates(&self, typed: &str) -> Vec<String> {
        let typed = typed.trim();
        // No allocation per name: a large library has a million of them.
        let starts = |name: &str| {
            name.get(..typed.len())
                .is_some_and(|head| head.eq_ignore_ascii_case(typed))
        };
        let here = self.reader.article().and_then(|a| self.store.extraction(a));
        let everywhere = (0..self.store.len()).filter_map(|i| self.store.digest(i));
        let all = here
            .into_iter()
            .flat_map(|x| x.speakers.iter().map(|s| s.name.as_str()))
            .chain(everywhere.flat_map(|d| d.speakers.iter().map(|s| &*s.name)));
        let mut names: Vec<String> = Vec::new();
        for name in all.filter(|n| starts(n)) {
            if names.len() >= 50 {
                break;
            }
            if !names.iter().any(|n| n == name) {
                names.push(name.to_owned());
            }
        }
        names
    }
}

/// Whether the action is one of the correction keys.
pub(super) fn is_correction_key(action: Action) -> bool {
    matches!(action, Action::WhoSaid | Action::NotAClaim)
}
