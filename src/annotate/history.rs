//! The operation log behind undo and redo: every annotation change is a [`Change`] of
//! [`Edit`]s that knows its inverse, so a tag renamed across the library undoes in one step.

use super::model::{Annotation, Timestamp};

/// Index of an annotation file in a [`Library`](super::library::Library).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct FileId(pub(crate) usize);

/// One change to one annotation.
#[derive(Debug, Clone, PartialEq)]
// Edits live briefly in small numbers (one per changed annotation): boxing buys nothing.
#[allow(clippy::large_enum_variant)]
pub enum Edit {
    Insert {
        file: FileId,
        annotation: Annotation,
    },
    Remove {
        file: FileId,
        annotation: Annotation,
    },
    Replace {
        file: FileId,
        before: Annotation,
        after: Annotation,
    },
}

impl Edit {
    pub fn file(&self) -> FileId {
        match self {
            Edit::Insert { file, .. } | Edit::Remove { file, .. } | Edit::Replace { file, .. } => {
                *file
            }
        }
    }

    /// The edit that undoes this one. Undoing is itself a change, made `now`: restored
    /// annotations get `updated = now` so a concurrent instance's merge sees them as new.
    pub fn inverse(&self, now: Timestamp) -> Edit {
        let touched = |a: &Annotation| Annotation {
            updated: now,
            ..a.clone()
        };
        match self {
            Edit::Insert { file, annotation } => Edit::Remove {
                file: *file,
                annotation: annotation.clone(),
            },
            Edit::Remove { file, annotation } => Edit::Insert {
                file: *file,
                annotation: touched(annotation),
            },
            Edit::Replace {
                file,
                before,
                after,
            } => Edit::Replace {
                file: *file,
                before: after.clone(),
                after: touched(before),
            },
        }
    }

    /// The same edit made again `now` (for redo).
    pub fn redone(&self, now: Timestamp) -> Edit {
        let touched = |a: &Annotation| Annotation {
            updated: now,
            ..a.clone()
        };
        match self {
            Edit::Insert { file, annotation } => Edit::Insert {
                file: *file,
                annotation: touched(annotation),
            },
            Edit::Remove { .. } => self.clone(),
            Edit::Replace {
                file,
                before,
                after,
            } => Edit::Replace {
                file: *file,
                before: before.clone(),
                after: touched(after),
            },
        }
    }
}

/// A user-visible step: what one key press changed.
#[derive(Debug, Clone, PartialEq)]
pub struct Change {
    /// What the step did, for the status bar (`add annotation`, `rename tag a → b`).
    pub label: String,
    pub edits: Vec<Edit>,
}

impl Change {
    pub fn new(label: impl Into<String>, edits: Vec<Edit>) -> Self {
        Change {
            label: label.into(),
            edits,
        }
    }

    /// The change that undoes this one (edits inverted, in reverse order).
    pub fn inverse(&self, now: Timestamp) -> Change {
        Change {
            label: self.label.clone(),
            edits: self.edits.iter().rev().map(|e| e.inverse(now)).collect(),
        }
    }

    pub fn redone(&self, now: Timestamp) -> Change {
        Change {
            label: self.label.clone(),
            edits: self.edits.iter().map(|e| e.redone(now)).collect(),
        }
    }
}

/// Undo and redo stacks for a session.
#[derive(Debug, Clone, Default)]
pub struct History {
    done: Vec<Change>,
    undone: Vec<Change>,
}

/// Steps kept for undo; older ones are forgotten.
pub const HISTORY_LIMIT: usize = 1000;

impl History {
    /// Records a new change; it clears what could be redone.
    pub fn record(&mut self, change: Change) {
        self.undone.clear();
        self.done.push(change);
        if self.done.len() > HISTORY_LIMIT {
            self.done.remove(0);
        }
    }

    pub fn can_undo(&self) -> bool {
        !self.done.is_empty()
    }

    pub fn can_redo(&self) -> bool {
        !self.undone.is_empty()
    }

    /// The change to undo, moved to the redo stack.
    pub fn take_undo(&mut self) -> Option<Change> {
        let change = self.done.pop()?;
        self.undone.push(change.clone());
        Some(change)
    }

    /// Puts back the change [`take_undo`](Self::take_undo) returned, when it could not be
    /// undone.
    pub fn restore_undo(&mut self) {
        if let Some(change) = self.undone.pop() {
            self.done.push(change);
        }
    }

    /// Puts back the change [`take_redo`](Self::take_redo) returned, when it could not be
    /// redone.
    pub fn restore_redo(&mut self) {
        if let Some(change) = self.done.pop() {
            self.undone.push(change);
        }
    }

    /// The change to redo, moved back to the undo stack.
    pub fn take_redo(&mut self) -> Option<Change> {
        let change = self.undone.pop()?;
        self.done.push(change.clone());
        Some(change)
    }

    /// After a redo made `change` again with new timestamps, keep the new version so a
    /// later undo restores the right state.
    pub fn replace_last_done(&mut self, change: Change) {
        if let Some(last) = self.done.last_mut() {
            *last = change;
        }
    }
}
