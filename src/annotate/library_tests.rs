//! Library operations, undo/redo and the tag index.

use super::*;
use crate::annotate::anchor::Anchorer;
use crate::annotate::model::{AnchorStatus, Target};
use crate::extract::Span;
use crate::text::offsets::CodePoints;

const TEXT: &str = "The mayor said taxes would not rise. Critics said the budget hides a deficit.";

fn new_annotation(quote: &str, tags: &[&str]) -> Annotation {
    let start = TEXT.find(quote).expect("quote in text");
    let target = Target::from_span(
        TEXT,
        &CodePoints::new(TEXT),
        Span::new(start, start + quote.len()),
    )
    .expect("valid span");
    let mut a = Annotation::new(target, Timestamp::now());
    a.tags = tags.iter().map(|t| (*t).to_owned()).collect();
    a
}

fn library(dir: &Path) -> Library {
    Library::load(Storage::in_data_dir(dir), &[])
}

fn on_disk(dir: &Path) -> Library {
    library(dir)
}

#[test]
fn operations_are_saved_at_once_and_undo_redo() {
    let dir = tempfile::tempdir().expect("temp dir");
    let mut lib = library(dir.path());
    let file = lib
        .open_article("aaaa000011112222", Path::new("news/tax.txt"), "Taxes")
        .expect("open");
    let a = new_annotation("taxes would not rise", &["promise"]);
    let id = a.id.clone();
    lib.add(file, a).expect("add");
    lib.set_note(file, &id, "Checked: false").expect("note");
    lib.set_tags(file, &id, &["promise".into(), " #fact check".into()])
        .expect("tags");
    let saved = on_disk(dir.path());
    let (_, f) = saved.files().next().expect("one file");
    assert_eq!(f.annotations()[0].note, "Checked: false");
    assert_eq!(f.annotations()[0].tags, ["promise", "fact-check"]);

    assert_eq!(
        lib.undo().expect("undo").as_deref(),
        Some("edit annotation")
    );
    assert_eq!(lib.annotation(file, &id).map(|a| a.tags.len()), Some(1));
    assert_eq!(
        lib.undo().expect("undo").as_deref(),
        Some("edit annotation")
    );
    assert_eq!(lib.annotation(file, &id).map(|a| a.note.as_str()), Some(""));
    assert_eq!(lib.undo().expect("undo").as_deref(), Some("add annotation"));
    assert!(lib.annotation(file, &id).is_none());
    assert_eq!(lib.undo().expect("undo"), None);
    let saved = on_disk(dir.path());
    assert!(
        saved.files().all(|(_, f)| f.annotations().is_empty()),
        "undo is saved too"
    );

    assert_eq!(lib.redo().expect("redo").as_deref(), Some("add annotation"));
    assert_eq!(
        lib.redo().expect("redo").as_deref(),
        Some("edit annotation")
    );
    assert_eq!(
        lib.annotation(file, &id).map(|a| a.note.as_str()),
        Some("Checked: false")
    );
    // A new change clears the redo stack.
    lib.remove(file, &id).expect("remove");
    assert!(!lib.can_redo());
    assert_eq!(lib.redo().expect("redo"), None);
    lib.undo().expect("undo delete");
    assert!(lib.annotation(file, &id).is_some());
}

#[test]
fn tags_index_complete_and_rename_across_the_library() {
    let dir = tempfile::tempdir().expect("temp dir");
    let mut lib = library(dir.path());
    let one = lib
        .open_article("1111111111111111", Path::new("a.txt"), "A")
        .expect("open");
    let two = lib
        .open_article("2222222222222222", Path::new("b.txt"), "B")
        .expect("open");
    lib.add(one, new_annotation("The mayor said", &["rhetoric", "tax"]))
        .expect("add");
    lib.add(one, new_annotation("hides a deficit", &["Rhetorical"]))
        .expect("add");
    lib.add(two, new_annotation("Critics said", &["rhetoric", "spin"]))
        .expect("add");
    let index: Vec<(String, usize)> = lib
        .tag_index()
        .into_iter()
        .map(|t| (t.tag, t.count))
        .collect();
    assert_eq!(index[0], ("rhetoric".to_owned(), 2));
    assert_eq!(index.len(), 4);
    assert_eq!(lib.tag_candidates("#rh"), ["rhetoric", "Rhetorical"]);
    assert_eq!(lib.tagged("rhetoric").len(), 2);

    // Merge `spin` into the existing `rhetoric`: no duplicate tag on the annotation.
    assert_eq!(lib.rename_tag("spin", "rhetoric").expect("rename"), 1);
    assert_eq!(lib.tagged("rhetoric").len(), 2);
    let tagged = lib.tagged("rhetoric");
    assert!(
        tagged
            .iter()
            .all(|(_, a)| a.tags.iter().filter(|t| *t == "rhetoric").count() == 1)
    );
    assert_eq!(lib.rename_tag("rhetoric", "framing").expect("rename"), 2);
    assert!(lib.tagged("rhetoric").is_empty());
    let saved = on_disk(dir.path());
    assert_eq!(
        saved.tagged("framing").len(),
        2,
        "renamed on disk in both files"
    );
    // One undo step restores the whole rename.
    lib.undo().expect("undo");
    assert_eq!(lib.tagged("rhetoric").len(), 2);
    assert_eq!(on_disk(dir.path()).tagged("rhetoric").len(), 2);
}

#[test]
fn tags_are_one_whatever_their_case_and_keep_their_first_spelling() {
    let dir = tempfile::tempdir().expect("temp dir");
    let mut lib = library(dir.path());
    let one = lib
        .open_article("1111111111111111", Path::new("a.txt"), "A")
        .expect("open");
    let first = new_annotation("The mayor said", &["Disputed"]);
    let mut later = new_annotation("Critics said", &["disputed"]);
    later.created = Timestamp::from_unix_millis(first.created.unix_millis() + 1000);
    lib.add(one, first).expect("add");
    lib.add(one, later).expect("add");
    let index: Vec<(String, usize)> = lib
        .tag_index()
        .into_iter()
        .map(|t| (t.tag, t.count))
        .collect();
    assert_eq!(
        index,
        [("Disputed".to_owned(), 2)],
        "one tag, as first typed"
    );
    assert_eq!(lib.tagged("DISPUTED").len(), 2);
    assert_eq!(lib.tag_candidates("dis"), ["Disputed"]);

    // A new tagging in another case takes the library's spelling; no duplicate on one
    // annotation.
    let third = new_annotation("hides a deficit", &[]);
    let id = third.id.clone();
    lib.add(one, third).expect("add");
    lib.set_tags(one, &id, &["disPUTED".into(), "Disputed".into()])
        .expect("tag");
    let tagged = lib.tagged("disputed");
    let mine = tagged.iter().find(|(_, a)| a.id == id).expect("tagged");
    assert_eq!(mine.1.tags, ["Disputed"]);

    // Renaming by any case renames them all.
    assert_eq!(lib.rename_tag("disputed", "contested").expect("rename"), 3);
    assert!(lib.tagged("Disputed").is_empty());
    assert_eq!(lib.tagged("Contested").len(), 3);
}

#[test]
fn changed_text_finds_its_annotations_by_path() {
    let dir = tempfile::tempdir().expect("temp dir");
    let mut lib = library(dir.path());
    let file = lib
        .open_article("1111111111111111", Path::new("news/tax.txt"), "Taxes")
        .expect("open");
    lib.add(file, new_annotation("Critics said the budget", &[]))
        .expect("add");

    // Next start: the text changed (new id); the file is found by its recorded path.
    let edited = format!("Updated story. {TEXT}");
    let mut lib = library(dir.path());
    let found = lib
        .open_article("9999999999999999", Path::new("news/tax.txt"), "Taxes")
        .expect("open");
    let f = lib.file(found).expect("file");
    assert_eq!(f.annotations().len(), 1);
    let anchors = f.anchors(&Anchorer::new(&edited));
    assert_eq!(anchors[0].status, AnchorStatus::Moved);
    // The file keeps its name and records the new id when next saved.
    let id = f.annotations()[0].id.clone();
    lib.set_note(found, &id, "still there").expect("note");
    let reloaded = library(dir.path());
    assert_eq!(
        reloaded.find("1111111111111111", Path::new("news/tax.txt")),
        Some(FileId(0))
    );
    // Another article with the new text is another article: it does not share the file.
    assert_eq!(
        reloaded.find("9999999999999999", Path::new("elsewhere.txt")),
        None
    );
}

#[test]
fn broken_files_are_listed_read_only_and_the_rest_loads() {
    let dir = tempfile::tempdir().expect("temp dir");
    let mut lib = library(dir.path());
    let good = lib
        .open_article("1111111111111111", Path::new("a.txt"), "A")
        .expect("open");
    lib.add(good, new_annotation("The mayor said", &["x"]))
        .expect("add");
    let bad_path = dir.path().join("annotations").join("2222222222222222.toml");
    std::fs::write(
        &bad_path,
        "[article]\nid = \"2222222222222222\"\n[[annotation]\nid = 1\n",
    )
    .expect("write");

    let mut lib = library(dir.path());
    assert_eq!(lib.problems().len(), 1);
    let message = lib.problems()[0].to_string();
    assert!(message.contains("2222222222222222.toml:3:"), "{message}");
    assert_eq!(lib.tagged("x").len(), 1, "the good file loaded");
    let bad = lib
        .open_article("2222222222222222", Path::new("b.txt"), "B")
        .expect("open");
    assert!(lib.file(bad).is_some_and(AnnotationFile::is_read_only));
    let refused = lib.add(bad, new_annotation("Critics said", &[]));
    assert!(
        matches!(refused, Err(StoreError::ReadOnly { .. })),
        "{refused:?}"
    );
    // An undo that would touch a file broken meanwhile is refused and stays undoable.
    let good_id = lib.tagged("x")[0].1.id.clone();
    lib.set_note(good, &good_id, "noted").expect("note");
    std::fs::write(
        dir.path().join("annotations").join("1111111111111111.toml"),
        "oops = ",
    )
    .expect("break");
    lib.reload_all();
    assert!(matches!(lib.undo(), Err(StoreError::ReadOnly { .. })));
    assert!(lib.can_undo());
}

#[test]
fn sidecars_live_beside_articles() {
    let dir = tempfile::tempdir().expect("temp dir");
    let article = dir.path().join("story.txt");
    std::fs::write(&article, TEXT).expect("write");
    let mut lib = Library::load(Storage::Sidecar, std::slice::from_ref(&article));
    let file = lib
        .open_article("1111111111111111", &article, "Story")
        .expect("open");
    lib.add(file, new_annotation("The mayor said", &["x"]))
        .expect("add");
    assert!(dir.path().join("story.txt.sayso.toml").is_file());
    let again = Library::load(Storage::Sidecar, &[article]);
    assert_eq!(again.tagged("x").len(), 1);
}

#[test]
fn changes_that_cannot_be_saved_go_to_a_recovery_copy() {
    let dir = tempfile::tempdir().expect("temp dir");
    let data = dir.path().join("data");
    let mut lib = library(&data);
    let file = lib
        .open_article("1111111111111111", Path::new("a.txt"), "A")
        .expect("open");
    // Then the data dir becomes a regular file: nothing can be created under it, even by
    // root.
    std::fs::write(&data, "").expect("write");
    let mut a = new_annotation("The mayor said", &["kept"]);
    a.note = "written while the disk said no".into();
    assert!(lib.add(file, a).is_err(), "the save fails");
    assert!(!lib.save_all().is_empty(), "and keeps failing");
    let recovery = dir.path().join("recovery");
    let copies = crate::annotate::journal::write(&lib, &recovery).expect("recovery written");
    let [copy] = copies.as_slice() else {
        panic!("one copy: {copies:?}")
    };
    let text = std::fs::read_to_string(copy).expect("read");
    assert!(text.contains("written while the disk said no"), "{text}");
    // The copy is an annotation file sayso reads back.
    let back = Library::load(Storage::in_data_dir(&recovery), &[]);
    assert_eq!(back.tagged("kept").len(), 1);
}
