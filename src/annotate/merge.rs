//! Three-way merge of an annotation file, by annotation id.
//!
//! * `base`: the annotations as this instance last read (or wrote) the file;
//! * `local`: the annotations in memory, with this instance's changes;
//! * `disk`: the file as it is now, possibly changed by another instance.
//!
//! Rules, per id:
//! * added on one side only → kept;
//! * deleted on one side, unchanged on the other → deleted;
//! * deleted on one side, *changed* on the other → the changed version is kept (an edit is
//!   never silently dropped; deleting it again is one key away);
//! * changed on one side → that side's version;
//! * changed on both sides → merged field by field: a field changed on one side takes that
//!   side's value; tags merge as sets (additions and removals of both sides apply); any
//!   other field changed on both sides takes the value of the side with the newer `updated`
//!   (ties go to `local`); for the note, the losing side's text is appended below the
//!   winner's — minus the leading lines they share — unless the winner already contains it.
//!   `updated` becomes the later of the two.
//!
//! The result is sorted by position in the article, then id.

use std::collections::HashMap;

use super::model::{Annotation, AnnotationId};

/// What a merge took from the other side, for a status message.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct MergeReport {
    /// Annotations another instance added.
    pub added_from_disk: usize,
    /// Annotations another instance changed (and this one did not).
    pub changed_on_disk: usize,
    /// Annotations another instance deleted.
    pub deleted_on_disk: usize,
    /// Annotations changed by both instances, merged field by field.
    pub merged_conflicts: usize,
    /// Deletions not applied because the other side changed the annotation meanwhile.
    pub kept_over_delete: usize,
}

impl MergeReport {
    pub fn is_empty(&self) -> bool {
        *self == MergeReport::default()
    }
}

/// Merges `local` and `disk`, both derived from `base`. See the module docs for the rules.
pub fn merge(
    base: &[Annotation],
    local: &[Annotation],
    disk: &[Annotation],
) -> (Vec<Annotation>, MergeReport) {
    let index = |list: &'_ [Annotation]| -> HashMap<AnnotationId, usize> {
        list.iter()
            .enumerate()
            .map(|(i, a)| (a.id.clone(), i))
            .collect()
    };
    let (base_ix, local_ix, disk_ix) = (index(base), index(local), index(disk));
    let mut report = MergeReport::default();
    let mut out: Vec<Annotation> = Vec::with_capacity(local.len().max(disk.len()));

    for l in local {
        let b = base_ix.get(&l.id).and_then(|&i| base.get(i));
        let d = disk_ix.get(&l.id).and_then(|&i| disk.get(i));
        match (b, d) {
            (None, None) => out.push(l.clone()),
            (None, Some(d)) => out.push(if l == d {
                l.clone()
            } else {
                merge_both_changed(None, l, d, &mut report)
            }),
            (Some(b), None) => {
                if l == b {
                    report.deleted_on_disk += 1;
                } else {
                    report.kept_over_delete += 1;
                    out.push(l.clone());
                }
            }
            (Some(b), Some(d)) => {
                if l == b {
                    if d != b {
                        report.changed_on_disk += 1;
                    }
                    out.push(d.clone());
                } else if d == b || d == l {
                    out.push(l.clone());
                } else {
                    out.push(merge_both_changed(Some(b), l, d, &mut report));
                }
            }
        }
    }
    for d in disk {
        if local_ix.contains_key(&d.id) {
            continue;
        }
        match base_ix.get(&d.id).and_then(|&i| base.get(i)) {
            None => {
                report.added_from_disk += 1;
                out.push(d.clone());
            }
            // Deleted here; honoured unless the other side changed it since.
            Some(b) if b == d => {}
            Some(_) => {
                report.kept_over_delete += 1;
                out.push(d.clone());
            }
        }
    }
    sort_by_position(&mut out);
    (out, report)
}

/// Sorts annotations by position in the article, then id: the order of the file.
pub fn sort_by_position(list: &mut [Annotation]) {
    list.sort_by(|a, b| {
        (a.target.start, a.target.end, &a.id).cmp(&(b.target.start, b.target.end, &b.id))
    });
}

fn merge_both_changed(
    base: Option<&Annotation>,
    local: &Annotation,
    disk: &Annotation,
    report: &mut MergeReport,
) -> Annotation {
    report.merged_conflicts += 1;
    let local_wins = local.updated >= disk.updated;
    let note = match base.map(|b| &b.note) {
        Some(b) if *b == disk.note => local.note.clone(),
        Some(b) if *b == local.note => disk.note.clone(),
        _ if local.note == disk.note => local.note.clone(),
        _ if local_wins => join_notes(&local.note, &disk.note),
        _ => join_notes(&disk.note, &local.note),
    };
    Annotation {
        id: local.id.clone(),
        created: local.created.min(disk.created),
        updated: local.updated.max(disk.updated),
        speaker: pick3(
            base.map(|b| &b.speaker),
            &local.speaker,
            &disk.speaker,
            local_wins,
        )
        .clone(),
        class: pick3(
            base.map(|b| &b.class),
            &local.class,
            &disk.class,
            local_wins,
        )
        .clone(),
        tags: merge_tags(base.map(|b| b.tags.as_slice()), &local.tags, &disk.tags),
        note,
        correction: pick3(
            base.map(|b| &b.correction),
            &local.correction,
            &disk.correction,
            local_wins,
        )
        .clone(),
        target: pick3(
            base.map(|b| &b.target),
            &local.target,
            &disk.target,
            local_wins,
        )
        .clone(),
        extra: merge_tables(
            base.map(|b| &b.extra),
            &local.extra,
            &disk.extra,
            local_wins,
        ),
    }
}

/// The value of a field after a three-way merge: the changed side's, or the winner's when
/// both changed it.
fn pick3<'a, T: PartialEq>(base: Option<&T>, local: &'a T, disk: &'a T, local_wins: bool) -> &'a T {
    match base {
        Some(b) if b == local => disk,
        Some(b) if b == disk => local,
        _ if local_wins => local,
        _ => disk,
    }
}

/// Tags as sets: whatever either side added is in, whatever either side removed is out.
pub fn merge_tags(base: Option<&[String]>, local: &[String], disk: &[String]) -> Vec<String> {
    let base = base.unwrap_or_default();
    let removed = |side: &[String], t: &String| base.contains(t) && !side.contains(t);
    let mut out: Vec<String> = local
        .iter()
        .filter(|t| !removed(disk, t))
        .cloned()
        .collect();
    for t in disk {
        if !out.contains(t) && !removed(local, t) {
            out.push(t.clone());
        }
    }
    out
}

/// The winner's note, then whatever the loser's note adds (lines they start with in
/// common are not repeated), unless the winner already says it all.
fn join_notes(winner: &str, loser: &str) -> String {
    if loser.trim().is_empty() || winner.contains(loser) {
        return winner.to_owned();
    }
    if winner.trim().is_empty() || loser.contains(winner) {
        return loser.to_owned();
    }
    let shared = winner
        .lines()
        .zip(loser.lines())
        .take_while(|(w, l)| w == l)
        .count();
    let rest: Vec<&str> = loser.lines().skip(shared).collect();
    format!("{}\n\n{}", winner.trim_end(), rest.join("\n"))
}

/// Three-way merge of tables of unknown keys, key by key.
pub fn merge_tables(
    base: Option<&toml::Table>,
    local: &toml::Table,
    disk: &toml::Table,
    local_wins: bool,
) -> toml::Table {
    let empty = toml::Table::new();
    let base = base.unwrap_or(&empty);
    let mut out = toml::Table::new();
    for key in local.keys().chain(disk.keys()) {
        if out.contains_key(key) {
            continue;
        }
        let merged = match (base.get(key), local.get(key), disk.get(key)) {
            (b, Some(l), Some(d)) => Some(pick3(b, l, d, local_wins).clone()),
            // Present on one side only: added there, or removed on the other side.
            (Some(b), Some(l), None) => (b != l).then(|| l.clone()),
            (Some(b), None, Some(d)) => (b != d).then(|| d.clone()),
            (None, Some(v), None) | (None, None, Some(v)) => Some(v.clone()),
            (_, None, None) => None,
        };
        if let Some(value) = merged {
            out.insert(key.clone(), value);
        }
    }
    out
}

#[cfg(test)]
#[path = "merge_tests.rs"]
mod tests;
