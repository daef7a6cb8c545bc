//! Loading articles from the file system: files and directories, walked recursively in path
//! order. Every problem (missing path, unreadable entry, symlink loop, binary file) is
//! collected and reported, never fatal: the rest still loads.

use std::collections::HashSet;
use std::fs::{self, File};
use std::io::{self, Read};
use std::path::{Path, PathBuf};

use walkdir::WalkDir;

use super::Article;

/// Largest article read, in bytes. Guards against reading a disk image, or an endless
/// device such as `/dev/zero`, into memory.
pub const MAX_ARTICLE_BYTES: u64 = 64 * 1024 * 1024;

/// The path that stands for standard input.
const STDIN_PATH: &str = "-";

/// File extensions taken when walking a directory (case-insensitive), beside web pages
/// ([`super::html::is_html`]). A file named explicitly is taken whatever its extension.
const TEXT_EXTENSIONS: [&str; 2] = ["txt", "md"];

/// What loading produced: the articles, in order, and what could not be loaded.
#[derive(Debug, Default)]
pub struct Library {
    pub articles: Vec<Article>,
    pub problems: Vec<LoadProblem>,
}

/// Something that kept a path from becoming an article. Each names its path.
#[derive(Debug, thiserror::Error)]
pub enum LoadProblem {
    #[error("{}: no such file or directory", path.display())]
    NotFound { path: PathBuf },
    #[error("{}: broken symbolic link (its target does not exist)", path.display())]
    BrokenLink { path: PathBuf },
    #[error("{}: cannot read: {source}", path.display())]
    Unreadable {
        path: PathBuf,
        #[source]
        source: io::Error,
    },
    #[error("{}: symbolic link loop (leads back to {}), not followed", path.display(), ancestor.display())]
    SymlinkLoop { path: PathBuf, ancestor: PathBuf },
    #[error("{}: looks like a binary file, skipped", path.display())]
    Binary { path: PathBuf },
    #[error("{}: larger than {limit} bytes, skipped", path.display())]
    TooLarge { path: PathBuf, limit: u64 },
}

impl LoadProblem {
    /// The path the problem is about.
    pub fn path(&self) -> &Path {
        match self {
            LoadProblem::NotFound { path }
            | LoadProblem::BrokenLink { path }
            | LoadProblem::Unreadable { path, .. }
            | LoadProblem::SymlinkLoop { path, .. }
            | LoadProblem::Binary { path }
            | LoadProblem::TooLarge { path, .. } => path,
        }
    }
}

/// What a path names, before anything is read: a file, standard input, or a problem.
#[derive(Debug)]
pub enum Source {
    File(PathBuf),
    Stdin,
    Problem(LoadProblem),
}

/// Lists what `paths` name, in order, without reading any article: a file as itself, a
/// directory as its `.txt` and `.md` files (recursively, sorted by path, hidden entries
/// skipped), `-` as standard input when `stdin` is true (once). A file reached twice
/// (named twice, or through a symlink) is listed once: files are told apart by device and
/// inode, which costs one `stat`, not a path resolution.
pub fn plan_paths<P: AsRef<Path>>(paths: &[P], stdin: bool) -> Vec<Source> {
    plan(paths, stdin).sources
}

/// As [`plan_paths`] (without standard input), with each file's [`FileStamp`] from the
/// `stat` the listing makes anyway: `None` where there is none (a problem, a pipe).
pub fn plan_paths_stamped<P: AsRef<Path>>(paths: &[P]) -> Vec<(Source, Option<FileStamp>)> {
    let planner = plan(paths, false);
    let stamps = planner.stamps.into_iter().chain(std::iter::repeat(None));
    planner.sources.into_iter().zip(stamps).collect()
}

/// As [`plan_paths`] (without standard input), except that files are listed without a
/// `stat`: [`Stamper`] stamps each, and drops a file reached twice, as the caller comes to
/// it. A large folder's first files are then read while the last are not stamped yet
/// (100,000 `stat`s take a third of a second).
pub fn list_paths<P: AsRef<Path>>(paths: &[P]) -> Vec<Source> {
    let mut planner = Planner {
        unstamped: true,
        ..Planner::default()
    };
    for path in paths {
        planner.plan_path(path.as_ref());
    }
    planner.sources
}

/// Stamps the files [`list_paths`] listed, in order, once each.
#[derive(Debug, Default)]
pub struct Stamper {
    seen: HashSet<FileKey>,
}

impl Stamper {
    /// The stamp of the file at `path` (`Some(None)`: none, as for a pipe); `None` when
    /// the same file came before, by this path or another.
    pub fn stamp(&mut self, path: &Path) -> Option<Option<FileStamp>> {
        let (key, stamp) = file_key(path);
        self.seen.insert(key).then_some(stamp)
    }
}

fn plan<P: AsRef<Path>>(paths: &[P], stdin: bool) -> Planner {
    let mut planner = Planner::default();
    let mut listed = false;
    for path in paths {
        let path = path.as_ref();
        if stdin && path == Path::new(STDIN_PATH) {
            if !listed {
                planner.sources.push(Source::Stdin);
                planner.stamps.push(None);
                listed = true;
            }
        } else {
            planner.plan_path(path);
        }
    }
    planner
}

/// What tells a file's present content from another without reading it: its size, when
/// it was last changed, and which file it is. A file whose stamp is unchanged is taken to
/// hold what it held (as `make` and `rsync` do); changing the time or size tells it apart.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct FileStamp {
    pub len: u64,
    /// Modification time, in nanoseconds since the epoch (negative before it).
    pub modified_ns: i128,
    /// Inode change time (Unix), in nanoseconds: moves with every write, even one that
    /// sets the modification time back.
    pub changed_ns: i128,
    pub inode: u64,
}

impl FileStamp {
    pub fn of(meta: &fs::Metadata) -> FileStamp {
        let modified_ns =
            meta.modified()
                .map_or(0, |t| match t.duration_since(std::time::UNIX_EPOCH) {
                    Ok(d) => d.as_nanos() as i128,
                    Err(e) => -(e.duration().as_nanos() as i128),
                });
        #[cfg(unix)]
        let (changed_ns, inode) = {
            use std::os::unix::fs::MetadataExt;
            (
                i128::from(meta.ctime()) * 1_000_000_000 + i128::from(meta.ctime_nsec()),
                meta.ino(),
            )
        };
        #[cfg(not(unix))]
        let (changed_ns, inode) = (0, 0);
        FileStamp {
            len: meta.len(),
            modified_ns,
            changed_ns,
            inode,
        }
    }
}

/// Reads one listed source into an article; `stdin` is read for [`Source::Stdin`].
pub fn read_source(source: Source, stdin: &mut dyn Read) -> Result<Article, LoadProblem> {
    match source {
        Source::File(path) => read_file(&path),
        Source::Stdin => load_reader(STDIN_PATH, stdin),
        Source::Problem(problem) => Err(problem),
    }
}

/// Reads the article at `path`.
pub fn read_file(path: &Path) -> Result<Article, LoadProblem> {
    match File::open(path).and_then(read_limited) {
        Ok(Some(bytes)) if super::html::is_html(path) => super::html::article(path, &bytes),
        Ok(Some(bytes)) => Article::from_vec(path, bytes),
        Ok(None) => Err(LoadProblem::TooLarge {
            path: path.to_path_buf(),
            limit: MAX_ARTICLE_BYTES,
        }),
        Err(source) => Err(LoadProblem::Unreadable {
            path: path.to_path_buf(),
            source,
        }),
    }
}

/// Loads every path in order: a file as one article, a directory as its `.txt` and `.md`
/// files (recursively, sorted by path, hidden entries skipped). `-` is an ordinary file
/// name here; see [`load_paths_with_stdin`] to read it from standard input.
///
/// A file reached twice (named twice, or through a symlink) is loaded once.
pub fn load_paths<P: AsRef<Path>>(paths: &[P]) -> Library {
    read_all(plan_paths(paths, false), &mut io::empty())
}

/// As [`load_paths`], except that `-` reads one article from `stdin` (once, however many
/// times `-` is given). The caller passes the reader, so the library itself never touches
/// the terminal.
pub fn load_paths_with_stdin<P: AsRef<Path>>(paths: &[P], mut stdin: impl Read) -> Library {
    read_all(plan_paths(paths, true), &mut stdin)
}

fn read_all(sources: Vec<Source>, stdin: &mut dyn Read) -> Library {
    let mut library = Library::default();
    for source in sources {
        match read_source(source, stdin) {
            Ok(article) => library.articles.push(article),
            Err(problem) => library.problems.push(problem),
        }
    }
    library
}

/// One article from a reader (stdin, a network stream, a test buffer), known by `name`.
pub fn load_reader(name: impl Into<PathBuf>, reader: impl Read) -> Result<Article, LoadProblem> {
    let name = name.into();
    match read_limited(reader) {
        Ok(Some(bytes)) => Article::from_vec(name, bytes),
        Ok(None) => Err(LoadProblem::TooLarge {
            path: name,
            limit: MAX_ARTICLE_BYTES,
        }),
        Err(source) => Err(LoadProblem::Unreadable { path: name, source }),
    }
}

/// What tells two paths to one file apart.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
enum FileKey {
    #[cfg(unix)]
    Inode(u64, u64),
    #[allow(dead_code)] // the fallback where there are no inodes
    Path(PathBuf),
}

/// The file's key and stamp, from one `stat`.
fn file_key(path: &Path) -> (FileKey, Option<FileStamp>) {
    let meta = fs::metadata(path).ok();
    let stamp = meta.as_ref().filter(|m| m.is_file()).map(FileStamp::of);
    #[cfg(unix)]
    {
        use std::os::unix::fs::MetadataExt;
        if let Some(meta) = &meta {
            return (FileKey::Inode(meta.dev(), meta.ino()), stamp);
        }
    }
    let key = FileKey::Path(fs::canonicalize(path).unwrap_or_else(|_| path.to_path_buf()));
    (key, stamp)
}

#[derive(Default)]
struct Planner {
    sources: Vec<Source>,
    /// For each source so far (problems included), the stamp of the file it names.
    stamps: Vec<Option<FileStamp>>,
    seen: HashSet<FileKey>,
    /// Files are listed as found, for a [`Stamper`] to stamp.
    unstamped: bool,
}

impl Planner {
    fn problem(&mut self, problem: LoadProblem) {
        self.sources.push(Source::Problem(problem));
        self.stamps.push(None);
    }

    fn plan_path(&mut self, path: &Path) {
        match fs::metadata(path) {
            Ok(meta) if meta.is_dir() => self.plan_dir(path),
            // Not only regular files: `<(command)` gives a pipe, which is fine to read.
            Ok(_) => self.plan_file(path),
            Err(err) if err.kind() == io::ErrorKind::NotFound => {
                self.problem(not_found(path.to_path_buf()));
            }
            Err(source) => self.problem(LoadProblem::Unreadable {
                path: path.to_path_buf(),
                source,
            }),
        }
    }

    fn plan_dir(&mut self, root: &Path) {
        // `follow_links` makes walkdir detect loops against the ancestors of each entry;
        // the `seen` set catches files reached twice by other routes.
        let entries = WalkDir::new(root)
            .follow_links(true)
            .into_iter()
            .filter_entry(|entry| entry.depth() == 0 || !is_hidden(entry.file_name()));
        // Walked in the directories' own order, then sorted once by path, component by
        // component: the order a walk sorted by name in every directory gives, at a
        // fraction of the cost (sorting each directory by name, or comparing `Path`s,
        // parses both paths at every comparison).
        let mut found: Vec<(PathBuf, Option<LoadProblem>)> = Vec::new();
        for entry in entries {
            match entry {
                Ok(entry) => {
                    if entry.file_type().is_file() && has_text_extension(entry.path()) {
                        found.push((entry.into_path(), None));
                    }
                }
                Err(err) => {
                    if let Some(problem) = walk_problem(root, err) {
                        found.push((problem.path().to_path_buf(), Some(problem)));
                    }
                }
            }
        }
        found.sort_by_cached_key(|(path, _)| path_order_key(path));
        for (path, problem) in found {
            match problem {
                Some(problem) => self.problem(problem),
                None => self.plan_file(&path),
            }
        }
    }

    fn plan_file(&mut self, path: &Path) {
        if self.unstamped {
            self.sources.push(Source::File(path.to_path_buf()));
            self.stamps.push(None);
            return;
        }
        let (key, stamp) = file_key(path);
        if self.seen.insert(key) {
            self.sources.push(Source::File(path.to_path_buf()));
            self.stamps.push(stamp);
        }
    }
}

/// A key whose byte order is the path's component order: the separator sorts before
/// every other byte, so `b/c.txt` comes before `b-x.txt` as the folder `b` comes before
/// the name `b-x.txt`.
fn path_order_key(path: &Path) -> Vec<u8> {
    let separator = std::path::MAIN_SEPARATOR as u8;
    path.as_os_str()
        .as_encoded_bytes()
        .iter()
        .map(|&b| if b == separator { 0 } else { b.max(1) })
        .collect()
}

/// Room for most articles in one read (news runs 2–20 KB): from an empty buffer,
/// `read_to_end` starts at 32 bytes and makes a system call per doubling, nine for a 3 KB
/// file (measured with strace; a third of `sayso extract`'s time on small files).
const FIRST_READ: usize = 16 * 1024;

/// All bytes of `reader`, or `None` if there are more than [`MAX_ARTICLE_BYTES`].
fn read_limited(reader: impl Read) -> io::Result<Option<Vec<u8>>> {
    let mut bytes = Vec::with_capacity(FIRST_READ);
    reader.take(MAX_ARTICLE_BYTES + 1).read_to_end(&mut bytes)?;
    // The text is kept as read: no slack kept with it.
    bytes.shrink_to_fit();
    Ok((bytes.len() as u64 <= MAX_ARTICLE_BYTES).then_some(bytes))
}

/// Dot-files and dot-directories (`.git`, `.obsidian`) are tool state, not articles.
fn is_hidden(name: &std::ffi::OsStr) -> bool {
    name.as_encoded_bytes().starts_with(b".")
}

fn has_text_extension(path: &Path) -> bool {
    super::html::is_html(path)
        || path
            .extension()
            .and_then(|ext| ext.to_str())
            .is_some_and(|ext| TEXT_EXTENSIONS.iter().any(|t| ext.eq_ignore_ascii_case(t)))
}

/// A path that does not resolve: missing, or a link to nothing.
fn not_found(path: PathBuf) -> LoadProblem {
    if fs::symlink_metadata(&path).is_ok() {
        LoadProblem::BrokenLink { path }
    } else {
        LoadProblem::NotFound { path }
    }
}

/// The problem a walk error stands for; `None` for a dangling link that would not have been
/// loaded anyway (its name is not `.txt`/`.md`).
fn walk_problem(root: &Path, err: walkdir::Error) -> Option<LoadProblem> {
    let path = err.path().unwrap_or(root).to_path_buf();
    if let Some(ancestor) = err.loop_ancestor() {
        return Some(LoadProblem::SymlinkLoop {
            ancestor: ancestor.to_path_buf(),
            path,
        });
    }
    let source = err
        .into_io_error()
        .unwrap_or_else(|| io::Error::other("cannot walk this directory"));
    if source.kind() == io::ErrorKind::NotFound {
        return has_text_extension(&path).then(|| not_found(path));
    }
    Some(LoadProblem::Unreadable { path, source })
}

#[cfg(test)]
#[path = "load_tests.rs"]
mod tests;
