//! Article identity: edits, renames, duplicate texts, broken files, split data dirs.

use std::fs;
use std::path::{Path, PathBuf};

use super::*;
use crate::annotate::format::{self, AnnotationDoc, ArticleMeta};
use crate::annotate::library::Library;
use crate::annotate::model::{Annotation, Timestamp};

const TEXT: &str = "The mayor said taxes would not rise. Critics said the budget hides a deficit.";
const OLD_ID: &str = "1111111111111111";
const NEW_ID: &str = "2222222222222222";

fn note_on(quote: &str, note: &str) -> Annotation {
    crate::annotate::model::annotation_on(TEXT, quote, note)
}

struct Setup {
    _dir: tempfile::TempDir,
    data: PathBuf,
    news: PathBuf,
}

impl Setup {
    fn new() -> Self {
        let dir = tempfile::tempdir().expect("temp dir");
        let data = dir.path().join("data");
        let news = dir.path().join("news");
        fs::create_dir_all(&news).expect("news dir");
        Setup {
            data,
            news,
            _dir: dir,
        }
    }

    /// An article file with `text`, by absolute path (as the reader records it).
    fn article(&self, name: &str, text: &str) -> PathBuf {
        let path = self.news.join(name);
        fs::write(&path, text).expect("article");
        path
    }

    fn storage(&self) -> Storage {
        Storage::in_data_dir(&self.data)
    }

    fn library(&self) -> Library {
        Library::load(self.storage(), &[])
    }

    fn annotation_files(&self) -> Vec<PathBuf> {
        let mut files: Vec<PathBuf> = fs::read_dir(self.data.join("annotations"))
            .expect("annotations dir")
            .filter_map(Result::ok)
            .map(|e| e.path())
            .filter(|p| p.extension().is_some_and(|x| x == "toml"))
            .collect();
        files.sort();
        files
    }

    fn annotate(&self, id: &str, path: &Path, quote: &str, note: &str) -> Library {
        let mut lib = self.library();
        let file = lib.open_article(id, path, "Taxes").expect("open");
        lib.add(file, note_on(quote, note)).expect("add");
        lib
    }
}

fn notes(lib: &Library, file: Option<FileId>) -> Vec<String> {
    file.and_then(|f| lib.file(f))
        .map(|f| f.annotations().iter().map(|a| a.note.clone()).collect())
        .unwrap_or_default()
}

#[test]
fn an_edited_article_keeps_one_file() {
    let s = Setup::new();
    let a = s.article("a.txt", TEXT);
    s.annotate(OLD_ID, &a, "taxes would not rise", "first");
    // The text changes (a new content hash): same file, never a second.
    fs::write(&a, format!("Updated. {TEXT}")).expect("edit");
    s.annotate(NEW_ID, &a, "Critics said", "second");
    assert_eq!(s.annotation_files().len(), 1);
    let lib = s.library();
    let found = lib.find(NEW_ID, &a);
    assert_eq!(notes(&lib, found), ["first", "second"]);
}

#[test]
fn two_files_with_the_same_text_keep_separate_annotations() {
    let s = Setup::new();
    let a = s.article("a.txt", TEXT);
    let b = s.article("b.txt", TEXT);
    s.annotate(OLD_ID, &a, "taxes would not rise", "on a");
    let lib = s.library();
    assert!(lib.find(OLD_ID, &b).is_none(), "b must not see a's notes");
    s.annotate(OLD_ID, &b, "Critics said", "on b");
    let files = s.annotation_files();
    assert_eq!(files.len(), 2, "{files:?}");
    let mut lib = s.library();
    let both = lib.assign(&[(OLD_ID, a.as_path()), (OLD_ID, b.as_path())]);
    assert_eq!(notes(&lib, both[0]), ["on a"]);
    assert_eq!(notes(&lib, both[1]), ["on b"]);
    // Each file records its own article's path.
    let paths: Vec<String> = lib.files().map(|(_, f)| f.article().path.clone()).collect();
    assert!(paths.contains(&a.to_string_lossy().into_owned()));
    assert!(paths.contains(&b.to_string_lossy().into_owned()));
}

#[test]
fn two_instances_give_a_duplicate_the_same_second_file() {
    let s = Setup::new();
    let a = s.article("a.txt", TEXT);
    let b = s.article("b.txt", TEXT);
    s.annotate(OLD_ID, &a, "taxes would not rise", "on a");
    let mut first = s.library();
    let mut second = s.library();
    let f1 = first.open_article(OLD_ID, &b, "B").expect("open");
    first.add(f1, note_on("Critics said", "one")).expect("add");
    let f2 = second.open_article(OLD_ID, &b, "B").expect("open");
    second.add(f2, note_on("the budget", "two")).expect("add");
    assert_eq!(s.annotation_files().len(), 2);
    let lib = s.library();
    let mut on_b = notes(&lib, lib.find(OLD_ID, &b));
    on_b.sort();
    assert_eq!(on_b, ["one", "two"]);
}

#[test]
fn a_renamed_article_keeps_its_annotations() {
    let s = Setup::new();
    let a = s.article("a.txt", TEXT);
    s.annotate(OLD_ID, &a, "taxes would not rise", "kept");
    let c = s.news.join("c.txt");
    fs::rename(&a, &c).expect("rename");
    let mut lib = s.library();
    let found = lib.assign(&[(OLD_ID, c.as_path())]);
    assert_eq!(notes(&lib, found[0]), ["kept"]);
    // The next change records the new path.
    let file = lib.open_article(OLD_ID, &c, "Taxes").expect("open");
    lib.add(file, note_on("Critics said", "more")).expect("add");
    let lib = s.library();
    let (_, f) = lib.files().next().expect("one file");
    assert_eq!(f.article().path, c.to_string_lossy());
    assert_eq!(s.annotation_files().len(), 1);
}

#[test]
fn a_renamed_article_and_its_copy_do_not_share() {
    let s = Setup::new();
    let a = s.article("a.txt", TEXT);
    s.annotate(OLD_ID, &a, "taxes would not rise", "kept");
    let c = s.news.join("c.txt");
    fs::rename(&a, &c).expect("rename");
    let d = s.article("d.txt", TEXT);
    let mut lib = s.library();
    let found = lib.assign(&[(OLD_ID, c.as_path()), (OLD_ID, d.as_path())]);
    assert_eq!(notes(&lib, found[0]), ["kept"]);
    assert_eq!(found[1], None);
    assert_eq!(lib.find(OLD_ID, &d), None);
}

#[test]
fn a_copy_beside_its_original_starts_empty() {
    let s = Setup::new();
    let a = s.article("a.txt", TEXT);
    s.annotate(OLD_ID, &a, "taxes would not rise", "on a");
    let copy = s.article("copy.txt", TEXT);
    let mut lib = s.library();
    let found = lib.assign(&[(OLD_ID, copy.as_path())]);
    assert_eq!(found, [None]);
}

/// Breaks the file's annotations (its `[article]` table stays readable).
fn break_annotations(file: &Path) {
    let text = fs::read_to_string(file).expect("read");
    fs::write(file, text.replace("created = \"", "created = \"not a time")).expect("break");
}

#[test]
fn a_broken_file_blocks_writes_whatever_the_text_is_then_comes_back() {
    let s = Setup::new();
    let a = s.article("a.txt", TEXT);
    s.annotate(OLD_ID, &a, "taxes would not rise", "precious");
    let files = s.annotation_files();
    let original = fs::read(&files[0]).expect("read");
    break_annotations(&files[0]);
    fs::write(&a, format!("Edited. {TEXT}")).expect("edit");

    let mut lib = s.library();
    assert_eq!(lib.problems().len(), 1);
    let file = lib.open_article(NEW_ID, &a, "Taxes").expect("open");
    assert!(lib.file(file).is_some_and(AnnotationFile::is_read_only));
    let refused = lib.add(file, note_on("Critics said", "new"));
    assert!(
        matches!(refused, Err(StoreError::ReadOnly { .. })),
        "{refused:?}"
    );
    assert_eq!(s.annotation_files().len(), 1, "no second file");

    // Fixed by hand: read again, the notes show and changes are taken.
    fs::write(&files[0], &original).expect("fix");
    assert_eq!(lib.reload_read_only(), 1);
    assert_eq!(notes(&lib, Some(file)), ["precious"]);
    let file = lib.open_article(NEW_ID, &a, "Taxes").expect("open");
    lib.add(file, note_on("Critics said", "new")).expect("add");
    assert_eq!(s.annotation_files().len(), 1);
    let lib = s.library();
    assert_eq!(notes(&lib, lib.find(NEW_ID, &a)), ["precious", "new"]);
}

#[test]
fn a_file_broken_beyond_reading_is_still_found_by_its_name() {
    let s = Setup::new();
    let a = s.article("a.txt", TEXT);
    s.annotate(OLD_ID, &a, "taxes would not rise", "precious");
    let files = s.annotation_files();
    fs::write(&files[0], b"\xff\xfe garbage [[[").expect("break");
    let mut lib = s.library();
    let file = lib.open_article(OLD_ID, &a, "Taxes").expect("open");
    assert!(lib.file(file).is_some_and(AnnotationFile::is_read_only));
    assert_eq!(s.annotation_files().len(), 1);
}

fn write_doc(path: &Path, article: &Path, id: &str, annotations: Vec<Annotation>) {
    let mut doc = AnnotationDoc::new(ArticleMeta {
        id: id.to_owned(),
        path: article.to_string_lossy().into_owned(),
        title: "Taxes".into(),
        extra: toml::Table::new(),
    });
    doc.annotations = annotations;
    fs::create_dir_all(path.parent().expect("parent")).expect("dir");
    fs::write(path, format::render(&doc).expect("render")).expect("write");
}

#[test]
fn a_split_data_dir_is_merged_on_load_without_losing_a_file() {
    let s = Setup::new();
    let a = s.article("a.txt", TEXT);
    let dir = s.data.join("annotations");
    let older = note_on("taxes would not rise", "older");
    let mut newer = note_on("Critics said", "newer");
    newer.created = Timestamp::from_unix_millis(older.created.unix_millis() + 1000);
    // The same annotation in both, edited later in the second file.
    let mut shared = note_on("the budget", "first version");
    let mut shared_later = shared.clone();
    shared_later.note = "second version".into();
    shared_later.updated = Timestamp::from_unix_millis(shared.updated.unix_millis() + 5000);
    shared.created = older.created;
    shared_later.created = older.created;
    write_doc(
        &dir.join(format!("{OLD_ID}.toml")),
        &a,
        OLD_ID,
        vec![older, shared],
    );
    write_doc(
        &dir.join(format!("{NEW_ID}.toml")),
        &a,
        NEW_ID,
        vec![newer, shared_later],
    );

    let lib = s.library();
    assert!(lib.problems().is_empty(), "{:?}", lib.problems());
    assert_eq!(lib.files().count(), 1);
    let mut all = notes(&lib, lib.find(NEW_ID, &a));
    all.sort();
    assert_eq!(all, ["newer", "older", "second version"]);
    // The oldest file holds them all; the other is kept whole in merged/.
    assert_eq!(s.annotation_files(), [dir.join(format!("{OLD_ID}.toml"))]);
    let kept = dir.join(MERGED_DIR).join(format!("{NEW_ID}.toml"));
    assert!(format::parse_bytes(&kept, &fs::read(&kept).expect("kept")).is_ok());
    // Loading again changes nothing.
    let again = s.library();
    assert_eq!(again.files().count(), 1);
    assert_eq!(notes(&again, again.find(NEW_ID, &a)).len(), 3);
}

#[test]
fn a_split_with_a_broken_file_is_left_alone_and_read_only() {
    let s = Setup::new();
    let a = s.article("a.txt", TEXT);
    let dir = s.data.join("annotations");
    write_doc(
        &dir.join(format!("{OLD_ID}.toml")),
        &a,
        OLD_ID,
        vec![note_on("taxes would not rise", "older")],
    );
    write_doc(
        &dir.join(format!("{NEW_ID}.toml")),
        &a,
        NEW_ID,
        vec![note_on("Critics said", "newer")],
    );
    break_annotations(&dir.join(format!("{OLD_ID}.toml")));
    let mut lib = s.library();
    assert_eq!(lib.files().count(), 2);
    let file = lib.open_article(NEW_ID, &a, "Taxes").expect("open");
    assert!(lib.file(file).is_some_and(AnnotationFile::is_read_only));
    assert_eq!(s.annotation_files().len(), 2);
}

#[test]
fn sidecars_are_found_by_their_place_only() {
    let s = Setup::new();
    let a = s.article("a.txt", TEXT);
    let b = s.article("b.txt", TEXT);
    let mut lib = Library::load(Storage::Sidecar, std::slice::from_ref(&a));
    let file = lib.open_article(OLD_ID, &a, "A").expect("open");
    lib.add(file, note_on("Critics said", "on a")).expect("add");
    // A copied sidecar records a's path, but belongs to b by its place.
    fs::copy(
        crate::annotate::store::sidecar_path(&a),
        crate::annotate::store::sidecar_path(&b),
    )
    .expect("copy");
    let mut lib = Library::load(Storage::Sidecar, &[a.clone(), b.clone()]);
    let both = lib.assign(&[(OLD_ID, a.as_path()), (OLD_ID, b.as_path())]);
    assert!(both[0].is_some() && both[1].is_some());
    assert_ne!(both[0], both[1]);
}

#[test]
fn new_names_are_stable_and_distinct_per_path() {
    let storage = Storage::Dir(PathBuf::from("/data/annotations"));
    let a = names_for(&storage, OLD_ID, Path::new("/news/a.txt"));
    let again = names_for(&storage, OLD_ID, Path::new("/news/a.txt"));
    let b = names_for(&storage, OLD_ID, Path::new("/news/b.txt"));
    assert_eq!(a, again);
    assert_eq!(
        a[0],
        PathBuf::from(format!("/data/annotations/{OLD_ID}.toml"))
    );
    assert_eq!(a[0], b[0]);
    assert_ne!(a[1], b[1]);
    assert!(a.iter().all(|n| n.extension().is_some_and(|x| x == "toml")));
}
