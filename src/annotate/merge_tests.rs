//! One test per merge rule of `merge.rs`.

use super::*;
use crate::annotate::model::{Target, Timestamp};

fn t(ms: i128) -> Timestamp {
    Timestamp::from_unix_millis(1_750_000_000_000 + ms)
}

fn ann(id: &str, start: usize, note: &str, updated: i128) -> Annotation {
    Annotation {
        id: AnnotationId::parse(id).expect("id"),
        created: t(0),
        updated: t(updated),
        speaker: None,
        class: None,
        tags: vec!["base".to_owned()],
        note: note.to_owned(),
        correction: None,
        target: Target {
            start,
            end: start + 3,
            exact: "abc".to_owned(),
            prefix: String::new(),
            suffix: String::new(),
            extra: toml::Table::new(),
        },
        extra: toml::Table::new(),
    }
}

fn ids(list: &[Annotation]) -> Vec<&str> {
    list.iter().map(|a| a.id.as_str()).collect()
}

#[test]
fn added_locally_is_kept() {
    let base = vec![ann("a", 0, "", 0)];
    let local = vec![ann("a", 0, "", 0), ann("b", 5, "new", 1)];
    let (out, report) = merge(&base, &local, &base);
    assert_eq!(ids(&out), ["a", "b"]);
    assert!(report.is_empty());
}

#[test]
fn deleted_locally_is_deleted() {
    let base = vec![ann("a", 0, "", 0), ann("b", 5, "", 0)];
    let local = vec![ann("a", 0, "", 0)];
    let (out, _) = merge(&base, &local, &base);
    assert_eq!(ids(&out), ["a"]);
}

#[test]
fn added_on_disk_is_kept() {
    let base = vec![ann("a", 0, "", 0)];
    let disk = vec![ann("a", 0, "", 0), ann("c", 1, "theirs", 2)];
    let (out, report) = merge(&base, &base, &disk);
    assert_eq!(ids(&out), ["a", "c"]);
    assert_eq!(report.added_from_disk, 1);
}

#[test]
fn deleted_on_disk_and_unchanged_locally_is_deleted() {
    let base = vec![ann("a", 0, "", 0), ann("b", 5, "", 0)];
    let disk = vec![ann("b", 5, "", 0)];
    let (out, report) = merge(&base, &base, &disk);
    assert_eq!(ids(&out), ["b"]);
    assert_eq!(report.deleted_on_disk, 1);
}

#[test]
fn deleted_on_disk_but_changed_locally_is_kept() {
    let base = vec![ann("a", 0, "", 0)];
    let local = vec![ann("a", 0, "edited here", 5)];
    let (out, report) = merge(&base, &local, &[]);
    assert_eq!(out, local);
    assert_eq!(report.kept_over_delete, 1);
}

#[test]
fn deleted_locally_but_changed_on_disk_is_kept() {
    let base = vec![ann("a", 0, "", 0)];
    let disk = vec![ann("a", 0, "edited there", 5)];
    let (out, report) = merge(&base, &[], &disk);
    assert_eq!(out, disk);
    assert_eq!(report.kept_over_delete, 1);
}

#[test]
fn changed_on_one_side_takes_that_side() {
    let base = vec![ann("a", 0, "old", 0)];
    let changed = vec![ann("a", 0, "new", 3)];
    assert_eq!(merge(&base, &changed, &base).0, changed, "local change");
    let (out, report) = merge(&base, &base, &changed);
    assert_eq!(out, changed, "disk change");
    assert_eq!(report.changed_on_disk, 1);
}

#[test]
fn changed_on_both_sides_merges_fields_newer_wins() {
    let base = ann("a", 0, "first line", 0);
    let mut local = ann("a", 0, "first line\nmine", 10);
    local.tags = vec!["base".to_owned(), "local".to_owned()];
    local.speaker = Some("Ana".to_owned());
    let mut disk = ann("a", 0, "first line\ntheirs", 20);
    disk.class = Some("belief".to_owned());
    disk.tags = vec!["disk".to_owned()];
    disk.target.start = 7;
    disk.target.end = 10;
    let (out, report) = merge(&[base], &[local], &[disk]);
    assert_eq!(report.merged_conflicts, 1);
    let [m] = out.as_slice() else {
        panic!("one annotation expected: {out:?}")
    };
    assert_eq!(m.updated, t(20));
    assert_eq!(
        m.speaker.as_deref(),
        Some("Ana"),
        "changed on one side only"
    );
    assert_eq!(
        m.class.as_deref(),
        Some("belief"),
        "changed on one side only"
    );
    assert_eq!(m.target.start, 7, "changed on one side only");
    assert_eq!(
        m.tags,
        ["local", "disk"],
        "removed `base` on disk, added on both"
    );
    assert_eq!(
        m.note, "first line\ntheirs\n\nmine",
        "newer note first, the other kept"
    );
}

#[test]
fn both_changed_note_contained_is_not_duplicated() {
    let base = ann("a", 0, "x", 0);
    let local = ann("a", 0, "x y", 30);
    let disk = ann("a", 0, "x y z", 20);
    let (out, _) = merge(&[base], &[local], &[disk]);
    assert_eq!(out.first().map(|a| a.note.as_str()), Some("x y z"));
}

#[test]
fn added_on_both_sides_with_same_id_merges() {
    let local = ann("a", 0, "same", 1);
    let (out, report) = merge(
        &[],
        std::slice::from_ref(&local),
        std::slice::from_ref(&local),
    );
    assert_eq!(out, [local]);
    assert!(report.is_empty());
}

#[test]
fn unknown_keys_merge_per_key() {
    let mut base = toml::Table::new();
    base.insert("kept".into(), 1.into());
    base.insert("dropped_here".into(), 2.into());
    let mut local = base.clone();
    local.remove("dropped_here");
    local.insert("mine".into(), 3.into());
    let mut disk = base.clone();
    disk.insert("theirs".into(), 4.into());
    let out = merge_tables(Some(&base), &local, &disk, true);
    let keys: Vec<&str> = out.keys().map(String::as_str).collect();
    assert_eq!(keys, ["kept", "mine", "theirs"]);
}

#[test]
fn result_is_sorted_by_position() {
    let local = vec![ann("z", 1, "", 0), ann("b", 9, "", 0)];
    let disk = vec![ann("c", 0, "", 0)];
    let (out, _) = merge(&[], &local, &disk);
    assert_eq!(ids(&out), ["c", "z", "b"]);
}

#[test]
fn a_correction_made_in_one_instance_and_a_note_in_another_both_survive() {
    use crate::annotate::corrections::Correction;
    let base = ann("A", 0, "", 0);
    let mut local = base.clone();
    local.correction = Some(Correction {
        speaker: Some("Wang Yi".into()),
        ..Correction::default()
    });
    local.updated = t(5);
    let mut disk = base.clone();
    disk.note = "checked".into();
    disk.updated = t(9);
    let (out, report) = merge(&[base], &[local.clone()], &[disk]);
    assert_eq!(report.merged_conflicts, 1);
    let [merged] = out.as_slice() else {
        panic!("one annotation: {out:?}")
    };
    assert_eq!(merged.correction, local.correction);
    assert_eq!(merged.note, "checked");
}
