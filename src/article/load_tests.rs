use super::*;
use std::io::Cursor;
use tempfile::TempDir;

fn write(dir: &Path, relative: &str, contents: &[u8]) -> PathBuf {
    let path = dir.join(relative);
    if let Some(parent) = path.parent() {
        fs::create_dir_all(parent).unwrap();
    }
    fs::write(&path, contents).unwrap();
    path
}

/// Loaded article paths, relative to `root`.
fn relative_paths(library: &Library, root: &Path) -> Vec<String> {
    library
        .articles
        .iter()
        .map(|a| {
            a.path
                .strip_prefix(root)
                .unwrap()
                .to_string_lossy()
                .into_owned()
        })
        .collect()
}

#[test]
fn directories_are_walked_recursively_in_path_order() {
    let dir = TempDir::new().unwrap();
    let root = dir.path();
    write(root, "sub/z/d.TXT", b"Deep\n");
    write(root, "b.txt", b"Bee\n");
    write(root, "sub/c.txt", b"Sea\n");
    write(root, "a.md", b"# Ay\n");
    write(root, "a/x.txt", b"Ex\n");
    // A folder sorts by its name, before the names it is a prefix of ('-' < '/').
    write(root, "b-x.txt", b"Bex\n");
    write(root, "b/c.txt", b"Bec\n");

    let library = load_paths(&[root]);
    assert!(library.problems.is_empty(), "{:?}", library.problems);
    let paths = relative_paths(&library, root);
    assert_eq!(
        paths,
        [
            "a/x.txt",
            "a.md",
            "b/c.txt",
            "b-x.txt",
            "b.txt",
            "sub/c.txt",
            "sub/z/d.TXT"
        ]
    );
    let mut sorted = library
        .articles
        .iter()
        .map(|a| a.path.clone())
        .collect::<Vec<_>>();
    sorted.sort();
    assert_eq!(
        sorted,
        library
            .articles
            .iter()
            .map(|a| a.path.clone())
            .collect::<Vec<_>>()
    );
    assert_eq!(library.articles[1].title, "Ay");
}

#[test]
fn directories_give_only_text_files_but_named_files_are_always_taken() {
    let dir = TempDir::new().unwrap();
    let root = dir.path();
    write(root, "keep.txt", b"Kept\n");
    write(root, "notes.rst", b"Notes\n");
    write(root, "photo.png", b"Not an article\n");
    write(root, "README", b"No extension\n");
    write(root, ".hidden.txt", b"Hidden\n");
    write(root, ".git/COMMIT.md", b"Tool state\n");

    let library = load_paths(&[root]);
    assert_eq!(relative_paths(&library, root), ["keep.txt"]);

    let named = load_paths(&[root.join("notes.rst"), root.join(".hidden.txt")]);
    assert!(named.problems.is_empty(), "{:?}", named.problems);
    let titles: Vec<&str> = named.articles.iter().map(|a| a.title.as_str()).collect();
    assert_eq!(titles, ["Notes", "Hidden"]);
}

#[test]
fn paths_keep_the_order_given_and_files_load_once() {
    let dir = TempDir::new().unwrap();
    let root = dir.path();
    let b = write(root, "b.txt", b"Bee\n");
    let a = write(root, "a.txt", b"Ay\n");
    let library = load_paths(&[b.clone(), a.clone(), b.clone(), root.to_path_buf()]);
    assert_eq!(library.articles.len(), 2);
    assert_eq!(library.articles[0].path, b);
    assert_eq!(library.articles[1].path, a);
}

#[test]
fn missing_paths_are_reported_and_the_rest_loads() {
    let dir = TempDir::new().unwrap();
    let root = dir.path();
    let present = write(root, "here.txt", b"Here\n");
    let missing = root.join("gone.txt");
    let library = load_paths(&[missing.clone(), present]);
    assert_eq!(library.articles.len(), 1);
    assert_eq!(library.problems.len(), 1);
    let problem = &library.problems[0];
    assert!(matches!(problem, LoadProblem::NotFound { .. }));
    assert_eq!(problem.path(), missing);
    assert!(problem.to_string().contains("gone.txt"), "{problem}");
}

#[test]
fn invalid_utf8_is_loaded_lossily_with_a_warning() {
    let dir = TempDir::new().unwrap();
    let path = write(dir.path(), "latin1.txt", b"Caf\xe9 reopens\n");
    let library = load_paths(&[path]);
    let article = &library.articles[0];
    assert_eq!(article.title, "Caf\u{fffd} reopens");
    assert_eq!(article.warnings.len(), 1);
    assert!(article.warnings[0].contains("UTF-8"));
}

#[test]
fn binary_files_are_skipped_with_a_problem() {
    let dir = TempDir::new().unwrap();
    let root = dir.path();
    write(root, "a.txt", b"Fine\n");
    write(root, "blob.txt", b"\x7fELF\x02\x01\x01\0\0\0\0");
    let library = load_paths(&[root]);
    assert_eq!(relative_paths(&library, root), ["a.txt"]);
    assert_eq!(library.problems.len(), 1);
    assert!(matches!(library.problems[0], LoadProblem::Binary { .. }));
    assert!(library.problems[0].to_string().contains("blob.txt"));
}

#[test]
fn empty_files_are_listed_and_flagged() {
    let dir = TempDir::new().unwrap();
    let root = dir.path();
    write(root, "empty.txt", b"");
    write(root, "blank.md", b"\n  \n");
    let library = load_paths(&[root]);
    assert!(library.problems.is_empty());
    assert_eq!(relative_paths(&library, root), ["blank.md", "empty.txt"]);
    for article in &library.articles {
        assert!(article.is_empty());
        assert_eq!(article.warnings, [crate::article::EMPTY_WARNING]);
        assert!(!article.title.is_empty());
    }
}

#[cfg(unix)]
#[test]
fn symlink_loops_are_reported_not_followed_forever() {
    use std::os::unix::fs::symlink;
    let dir = TempDir::new().unwrap();
    let root = dir.path();
    write(root, "a.txt", b"Ay\n");
    write(root, "sub/b.txt", b"Bee\n");
    symlink(root, root.join("sub/back-to-root")).unwrap();
    symlink("self.txt", root.join("self.txt")).unwrap();
    // A second route to a file already loaded: loaded once.
    symlink(root.join("a.txt"), root.join("z-alias.txt")).unwrap();

    let library = load_paths(&[root]);
    assert_eq!(relative_paths(&library, root), ["a.txt", "sub/b.txt"]);
    let loop_problem = library
        .problems
        .iter()
        .find(|p| matches!(p, LoadProblem::SymlinkLoop { .. }))
        .expect("the directory loop is reported");
    assert!(loop_problem.path().ends_with("sub/back-to-root"));
    assert!(loop_problem.to_string().contains("loop"));
    // The link to itself cannot be resolved: reported under its name.
    assert!(
        library
            .problems
            .iter()
            .any(|p| p.path().ends_with("self.txt")),
        "{:?}",
        library.problems
    );
}

#[cfg(unix)]
#[test]
fn broken_links_are_reported_when_they_look_like_articles() {
    use std::os::unix::fs::symlink;
    let dir = TempDir::new().unwrap();
    let root = dir.path();
    symlink(root.join("nowhere.txt"), root.join("dangling.txt")).unwrap();
    symlink(root.join("nowhere.png"), root.join("dangling.png")).unwrap();
    let library = load_paths(&[root]);
    assert!(library.articles.is_empty());
    assert_eq!(library.problems.len(), 1, "{:?}", library.problems);
    assert!(matches!(
        library.problems[0],
        LoadProblem::BrokenLink { .. }
    ));
    assert!(library.problems[0].path().ends_with("dangling.txt"));
    let named = load_paths(&[root.join("dangling.png")]);
    assert!(matches!(named.problems[0], LoadProblem::BrokenLink { .. }));
}

#[cfg(unix)]
#[test]
fn unreadable_entries_are_reported_and_the_rest_loads() {
    use std::os::unix::fs::PermissionsExt;
    let dir = TempDir::new().unwrap();
    let root = dir.path();
    write(root, "a.txt", b"Ay\n");
    let locked_file = write(root, "locked.txt", b"Locked\n");
    write(root, "locked-dir/inner.txt", b"Inner\n");
    write(root, "z.txt", b"Zed\n");
    let locked_dir = root.join("locked-dir");
    fs::set_permissions(&locked_file, fs::Permissions::from_mode(0o000)).unwrap();
    fs::set_permissions(&locked_dir, fs::Permissions::from_mode(0o000)).unwrap();
    // Root (and CAP_DAC_OVERRIDE) reads through permissions: then nothing is unreadable.
    let privileged = File::open(&locked_file).is_ok();

    let library = load_paths(&[root]);
    fs::set_permissions(&locked_dir, fs::Permissions::from_mode(0o755)).unwrap();

    let paths = relative_paths(&library, root);
    if privileged {
        assert_eq!(
            paths,
            ["a.txt", "locked-dir/inner.txt", "locked.txt", "z.txt"]
        );
        assert!(library.problems.is_empty(), "{:?}", library.problems);
    } else {
        assert_eq!(paths, ["a.txt", "z.txt"]);
        assert_eq!(library.problems.len(), 2, "{:?}", library.problems);
        assert!(
            library
                .problems
                .iter()
                .all(|p| matches!(p, LoadProblem::Unreadable { .. }))
        );
        let named: Vec<&Path> = library.problems.iter().map(LoadProblem::path).collect();
        assert!(named.contains(&locked_dir.as_path()), "{named:?}");
        assert!(named.contains(&locked_file.as_path()), "{named:?}");
        assert!(library.problems[0].to_string().contains("cannot read"));
    }
}

#[test]
fn stdin_is_read_where_dash_appears_and_only_once() {
    let dir = TempDir::new().unwrap();
    let a = write(dir.path(), "a.txt", b"Ay\n");
    let paths = [PathBuf::from("-"), a.clone(), PathBuf::from("-")];
    let library = load_paths_with_stdin(&paths, Cursor::new("Piped headline\n\nBody."));
    assert!(library.problems.is_empty(), "{:?}", library.problems);
    assert_eq!(library.articles.len(), 2);
    assert_eq!(library.articles[0].path, Path::new("-"));
    assert_eq!(library.articles[0].title, "Piped headline");
    assert_eq!(library.articles[1].path, a);
}

#[test]
fn dash_is_an_ordinary_path_without_stdin() {
    let library = load_paths(&["-"]);
    assert!(library.articles.is_empty());
    assert!(matches!(
        library.problems[..],
        [LoadProblem::NotFound { .. }]
    ));
}

#[test]
fn load_reader_reports_read_errors_under_its_name() {
    struct Failing;
    impl Read for Failing {
        fn read(&mut self, _: &mut [u8]) -> io::Result<usize> {
            Err(io::Error::other("device gone"))
        }
    }
    let problem = load_reader("-", Failing).unwrap_err();
    assert!(matches!(problem, LoadProblem::Unreadable { .. }));
    assert_eq!(problem.to_string(), "-: cannot read: device gone");
}

#[test]
fn endless_input_is_refused_as_too_large() {
    let problem = load_reader("zeros", io::repeat(b'a')).unwrap_err();
    assert!(matches!(
        problem,
        LoadProblem::TooLarge {
            limit: MAX_ARTICLE_BYTES,
            ..
        }
    ));
}

#[test]
fn the_shipped_seeds_directory_loads_like_the_embedded_seeds() {
    let seeds_dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("seeds");
    let library = load_paths(&[&seeds_dir]);
    assert!(library.problems.is_empty(), "{:?}", library.problems);
    let embedded = crate::article::embedded_seeds();
    assert_eq!(library.articles.len(), embedded.len());
    for (loaded, built_in) in library.articles.iter().zip(&embedded) {
        assert_eq!(loaded.id, built_in.id);
        assert_eq!(loaded.title, built_in.title);
        assert_eq!(loaded.path.file_name(), built_in.path.file_name());
    }
}

/// A file that fails on read whatever the permissions, so the unreadable path is exercised
/// even when the tests run as root: `/proc/self/mem` at offset 0 gives EIO.
#[cfg(target_os = "linux")]
#[test]
fn read_errors_inside_a_walk_are_reported_and_the_rest_loads() {
    use std::os::unix::fs::symlink;
    let dir = TempDir::new().unwrap();
    let root = dir.path();
    write(root, "a.txt", b"Ay\n");
    symlink("/proc/self/mem", root.join("m.txt")).unwrap();
    write(root, "z.txt", b"Zed\n");
    let library = load_paths(&[root]);
    assert_eq!(relative_paths(&library, root), ["a.txt", "z.txt"]);
    assert_eq!(library.problems.len(), 1, "{:?}", library.problems);
    assert!(matches!(
        library.problems[0],
        LoadProblem::Unreadable { .. }
    ));
    assert!(library.problems[0].path().ends_with("m.txt"));
}

proptest::proptest! {
    /// The sort key orders paths as comparing them component by component does.
    #[test]
    fn the_path_sort_key_orders_as_components_do(
        a in proptest::collection::vec("[a-c.\\- ]{1,3}", 1..4),
        b in proptest::collection::vec("[a-c.\\- ]{1,3}", 1..4),
    ) {
        // Only the clean paths a walk gives: no `.` or `..` components.
        let dots = |parts: &[String]| parts.iter().any(|p| p == "." || p == "..");
        proptest::prop_assume!(!dots(&a) && !dots(&b));
        let (a, b) = (PathBuf::from(a.join("/")), PathBuf::from(b.join("/")));
        proptest::prop_assert_eq!(path_order_key(&a).cmp(&path_order_key(&b)), a.cmp(&b));
    }
}
