//! A library's digests kept on disk between runs, so that a second start on a large
//! library shows every count at once instead of extracting every article again.
//!
//! One JSON Lines file per library: a header naming the engine that made the digests,
//! then one line per article with its path, its [`FileStamp`], its metadata and its
//! [`Digest`]. An article is taken from the cache without being read when its path and
//! stamp are unchanged; one whose file changed is read, and its digest is still taken
//! when its content (its id, a content hash) is one the cache knows. Digests made by
//! another engine are never used. The file is a cache, not user data: a missing, stale
//! or damaged one is rebuilt, and it is replaced by rename so a reader never sees half of
//! one.

use rustc_hash::FxHashMap;
use std::ffi::OsString;
use std::fs::{self, File};
use std::io::{self, BufRead, BufReader, BufWriter, Read, Write};
use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

use super::{Digest, SpeakerDigest};
use crate::article::{Article, FileStamp, content_id};
use crate::extract::SpeakerKind;

/// Bumped when the lines change shape.
const FORMAT: u32 = 1;

#[derive(Debug, Serialize, Deserialize)]
struct Header {
    sayso_digests: u32,
    engine: String,
}

/// `[len, modified_ns, changed_ns, inode]`.
type StampFields = (u64, i128, i128, u64);
/// `[name, role, kind, claims]`.
type SpeakerFields<S> = (S, Option<S>, SpeakerKind, usize);

#[derive(Serialize)]
struct LineOut<'a> {
    path: &'a str,
    stamp: StampFields,
    id: &'a str,
    title: &'a str,
    date: Option<&'a str>,
    source: Option<&'a str>,
    #[serde(skip_serializing_if = "<[String]>::is_empty")]
    warnings: &'a [String],
    speakers: Vec<SpeakerFields<&'a str>>,
    claims: usize,
    numbers: usize,
}

#[derive(Deserialize)]
struct LineIn {
    path: PathBuf,
    stamp: StampFields,
    id: String,
    title: String,
    date: Option<String>,
    source: Option<String>,
    #[serde(default)]
    warnings: Vec<String>,
    speakers: Vec<SpeakerFields<Box<str>>>,
    claims: usize,
    numbers: usize,
}

/// An article taken from the cache: its metadata (no text: the file has it) and digest.
#[derive(Debug, Clone, PartialEq)]
pub struct Cached {
    pub article: Article,
    pub digest: Digest,
}

#[derive(Debug)]
struct Entry {
    stamp: FileStamp,
    cached: Cached,
}

/// The digests read from a cache file, taken out one article at a time.
#[derive(Debug, Default)]
pub struct DigestCache {
    /// By path (as bytes: hashing a `Path` walks its components).
    /// Fx, not SipHash: the keys are the user's own paths, and hashing 100,000 of them at
    /// start-up showed in the profile.
    by_path: FxHashMap<OsString, Entry>,
    /// Content id → the path whose entry has that content.
    by_id: FxHashMap<String, OsString>,
}

/// Why a cache file could not be used (it is then rebuilt).
#[derive(Debug, thiserror::Error)]
pub enum CacheError {
    #[error("{}: {source}", path.display())]
    Io { path: PathBuf, source: io::Error },
    #[error("{}:{line}: {source}", path.display())]
    Damaged {
        path: PathBuf,
        line: usize,
        source: serde_json::Error,
    },
}

/// The cache file of the library named `library` (its paths, one per line) in `dir`.
pub fn file_for(dir: &Path, library: &str) -> PathBuf {
    dir.join("digests")
        .join(format!("{}.jsonl", content_id(library)))
}

impl DigestCache {
    /// Reads `file`. A missing file, or one made by another engine than `engine`, gives an
    /// empty cache; a damaged one an error (naming the file and line).
    pub fn read(file: &Path, engine: &str) -> Result<DigestCache, CacheError> {
        let io_error = |source| CacheError::Io {
            path: file.to_path_buf(),
            source,
        };
        let damaged = |line, source| CacheError::Damaged {
            path: file.to_path_buf(),
            line,
            source,
        };
        let mut reader = match File::open(file) {
            Ok(f) => BufReader::new(f),
            Err(e) if e.kind() == io::ErrorKind::NotFound => return Ok(DigestCache::default()),
            Err(e) => return Err(io_error(e)),
        };
        // The header alone first: a cache of another engine is not read any further.
        let mut first = String::new();
        reader.read_line(&mut first).map_err(io_error)?;
        if first.trim().is_empty() {
            return Ok(DigestCache::default());
        }
        let header: Header = serde_json::from_str(&first).map_err(|e| damaged(1, e))?;
        if header.sayso_digests != FORMAT || header.engine != engine {
            return Ok(DigestCache::default());
        }
        let mut rest = String::new();
        reader.read_to_string(&mut rest).map_err(io_error)?;
        let mut cache = DigestCache::default();
        // One pass over the whole text, without a String per line.
        for line in serde_json::Deserializer::from_str(&rest).into_iter::<LineIn>() {
            cache.insert(line.map_err(|e| damaged(e.line() + 1, e))?);
        }
        Ok(cache)
    }

    fn insert(&mut self, line: LineIn) {
        let (len, modified_ns, changed_ns, inode) = line.stamp;
        let speakers = line
            .speakers
            .into_iter()
            .map(|(name, role, kind, claims)| SpeakerDigest {
                name,
                role,
                kind,
                claims,
            })
            .collect();
        // The path is the key; the article gets it back when taken.
        let article = Article {
            id: line.id,
            path: PathBuf::new(),
            title: line.title,
            date: line.date,
            source: line.source,
            text: String::new(),
            warnings: line.warnings,
        };
        let path = line.path.into_os_string();
        self.by_id.insert(article.id.clone(), path.clone());
        let entry = Entry {
            stamp: FileStamp {
                len,
                modified_ns,
                changed_ns,
                inode,
            },
            cached: Cached {
                article,
                digest: Digest {
                    speakers,
                    claims: line.claims,
                    numbers: line.numbers,
                },
            },
        };
        self.by_path.insert(path, entry);
    }

    /// Articles in the cache.
    pub fn len(&self) -> usize {
        self.by_path.len()
    }

    pub fn is_empty(&self) -> bool {
        self.by_path.is_empty()
    }

    /// The article at `path`, when its file's stamp is still `stamp`; it leaves the cache.
    pub fn take(&mut self, path: &Path, stamp: &FileStamp) -> Option<Cached> {
        if self.by_path.get(path.as_os_str())?.stamp != *stamp {
            return None;
        }
        let (path, mut entry) = self.by_path.remove_entry(path.as_os_str())?;
        self.by_id.remove(&entry.cached.article.id);
        entry.cached.article.path = PathBuf::from(path);
        Some(entry.cached)
    }

    /// The digest of a text whose content id is `id`, when the cache has one (a file that
    /// was touched, moved or copied without changing its words).
    pub fn digest_of(&self, id: &str) -> Option<Digest> {
        let path = self.by_id.get(id)?;
        Some(self.by_path.get(path.as_os_str())?.cached.digest.clone())
    }
}

/// Writes `articles` (each with the stamp its file had when read, and its digest) to
/// `file`, made by `engine`, replacing it whole by rename. Articles whose path is not
/// UTF-8 are left out (they are extracted again). Returns how many were written.
pub fn write<'a>(
    file: &Path,
    engine: &str,
    articles: impl IntoIterator<Item = (&'a Article, &'a FileStamp, &'a Digest)>,
) -> Result<usize, CacheError> {
    let io_error = |source| CacheError::Io {
        path: file.to_path_buf(),
        source,
    };
    if let Some(dir) = file.parent() {
        fs::create_dir_all(dir).map_err(io_error)?;
    }
    // One temporary per process: two instances writing at once each rename a whole file.
    let name = file
        .file_name()
        .map(|n| n.to_string_lossy())
        .unwrap_or_default();
    remove_orphans(file, &name);
    let temp = file.with_file_name(format!(".{name}.{}.tmp", std::process::id()));
    let result = write_lines(&temp, engine, articles).and_then(|n| {
        fs::rename(&temp, file)?;
        Ok(n)
    });
    if result.is_err() {
        let _ = fs::remove_file(&temp);
    }
    result.map_err(io_error)
}

fn write_lines<'a>(
    temp: &Path,
    engine: &str,
    articles: impl IntoIterator<Item = (&'a Article, &'a FileStamp, &'a Digest)>,
) -> io::Result<usize> {
    let mut out = BufWriter::with_capacity(1 << 16, File::create(temp)?);
    let header = Header {
        sayso_digests: FORMAT,
        engine: engine.to_string(),
    };
    serde_json::to_writer(&mut out, &header)?;
    out.write_all(b"\n")?;
    let mut written = 0;
    for (article, stamp, digest) in articles {
        let Some(path) = article.path.to_str() else {
            continue;
        };
        let line = LineOut {
            path,
            stamp: (stamp.len, stamp.modified_ns, stamp.changed_ns, stamp.inode),
            id: &article.id,
            title: &article.title,
            date: article.date.as_deref(),
            source: article.source.as_deref(),
            warnings: &article.warnings,
            speakers: digest
                .speakers
                .iter()
                .map(|s| (&*s.name, s.role.as_deref(), s.kind, s.claims))
                .collect(),
            claims: digest.claims,
            numbers: digest.numbers,
        };
        serde_json::to_writer(&mut out, &line)?;
        out.write_all(b"\n")?;
        written += 1;
    }
    // No fsync: this is a cache. Should the machine go down before the data reaches the
    // disk, the file reads as damaged (a torn last line) and is rebuilt; meanwhile quitting
    // does not wait for tens of megabytes to be flushed.
    out.flush()?;
    Ok(written)
}

/// Removes the temporaries that writers killed mid-write left beside `file` (the process
/// named in the temporary's name is gone). Best effort.
fn remove_orphans(file: &Path, name: &str) {
    let (Some(dir), prefix) = (file.parent(), format!(".{name}.")) else {
        return;
    };
    let Ok(entries) = fs::read_dir(dir) else {
        return;
    };
    for entry in entries.flatten() {
        let entry_name = entry.file_name();
        let Some(pid) = entry_name
            .to_str()
            .and_then(|n| n.strip_prefix(&prefix))
            .and_then(|n| n.strip_suffix(".tmp"))
            .and_then(|n| n.parse::<u32>().ok())
        else {
            continue;
        };
        if !process_alive(pid) {
            let _ = fs::remove_file(entry.path());
        }
    }
}

/// Whether process `pid` runs (on Unix, where `kill(pid, 0)` tells; elsewhere assumed).
fn process_alive(pid: u32) -> bool {
    #[cfg(unix)]
    {
        let Ok(pid) = libc::pid_t::try_from(pid) else {
            return false;
        };
        // SAFETY: signal 0 sends nothing; it only checks that the process exists.
        let r = unsafe { libc::kill(pid, 0) };
        r == 0 || io::Error::last_os_error().raw_os_error() == Some(libc::EPERM)
    }
    #[cfg(not(unix))]
    {
        let _ = pid;
        true
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::article::read_file;
    use crate::extract::extract_article;

    const ENGINE: &str = "sayso test engine";

    fn article_on_disk(dir: &Path, name: &str, text: &str) -> (Article, FileStamp, Digest) {
        let path = dir.join(name);
        fs::write(&path, text).unwrap();
        let stamp = FileStamp::of(&fs::metadata(&path).unwrap());
        let article = read_file(&path).unwrap();
        let digest = Digest::of(&extract_article(&article));
        (article, stamp, digest)
    }

    fn written(dir: &Path, articles: &[(Article, FileStamp, Digest)]) -> PathBuf {
        let file = file_for(&dir.join("cache"), "library one");
        let n = write(&file, ENGINE, articles.iter().map(|(a, s, d)| (a, s, d))).unwrap();
        assert_eq!(n, articles.len());
        file
    }

    #[test]
    fn an_unchanged_file_comes_back_with_its_metadata_and_digest_and_no_text() {
        let dir = tempfile::tempdir().unwrap();
        let one = article_on_disk(
            dir.path(),
            "cnn_2020-01-02_vote.txt",
            "Council vote\n\n“We will build it,” Jane Doe said. It costs $5 million.\n",
        );
        assert!(one.2.claims > 0 && !one.2.speakers.is_empty());
        let file = written(dir.path(), std::slice::from_ref(&one));
        let mut cache = DigestCache::read(&file, ENGINE).unwrap();
        assert_eq!(cache.len(), 1);
        let got = cache.take(&one.0.path, &one.1).unwrap();
        assert_eq!(got.digest, one.2);
        let want = Article {
            text: String::new(),
            ..one.0.clone()
        };
        assert_eq!(got.article, want);
        assert!(cache.take(&one.0.path, &one.1).is_none(), "taken once");
    }

    #[test]
    fn a_changed_stamp_misses_but_the_same_content_still_finds_its_digest() {
        let dir = tempfile::tempdir().unwrap();
        let text = "Budget\n\nOfficials said 40 people came.\n";
        let one = article_on_disk(dir.path(), "a.txt", text);
        let file = written(dir.path(), std::slice::from_ref(&one));
        let mut cache = DigestCache::read(&file, ENGINE).unwrap();
        let later = FileStamp {
            modified_ns: one.1.modified_ns + 1,
            ..one.1
        };
        assert!(cache.take(&one.0.path, &later).is_none());
        assert_eq!(cache.digest_of(&one.0.id), Some(one.2.clone()));
        assert_eq!(cache.digest_of(&content_id("other words")), None);
    }

    #[test]
    fn another_engine_or_a_missing_file_gives_an_empty_cache() {
        let dir = tempfile::tempdir().unwrap();
        let one = article_on_disk(dir.path(), "a.txt", "Title\n\nHe said it was 5.\n");
        let file = written(dir.path(), &[one]);
        assert!(
            DigestCache::read(&file, "another engine")
                .unwrap()
                .is_empty()
        );
        let missing = dir.path().join("nothing.jsonl");
        assert!(DigestCache::read(&missing, ENGINE).unwrap().is_empty());
    }

    #[test]
    fn a_damaged_cache_is_an_error_naming_file_and_line() {
        let dir = tempfile::tempdir().unwrap();
        let one = article_on_disk(dir.path(), "a.txt", "Title\n\nHe said it was 5.\n");
        let file = written(dir.path(), &[one]);
        let mut text = fs::read_to_string(&file).unwrap();
        text.push_str("{\"path\": 7\n");
        fs::write(&file, text).unwrap();
        let err = DigestCache::read(&file, ENGINE).unwrap_err().to_string();
        assert!(err.contains(&format!("{}:3:", file.display())), "{err}");
    }

    #[test]
    fn a_cache_that_cannot_be_written_is_an_error_and_leaves_no_temporary() {
        let dir = tempfile::tempdir().unwrap();
        let one = article_on_disk(dir.path(), "a.txt", "Title\n\nHe said it was 5.\n");
        // A path under a regular file: no directory can be made there, even as root.
        let file = dir.path().join("a.txt").join("digests.jsonl");
        let err = write(&file, ENGINE, [(&one.0, &one.1, &one.2)]).unwrap_err();
        assert!(err.to_string().contains("digests.jsonl"), "{err}");
        let names: Vec<_> = fs::read_dir(dir.path()).unwrap().collect();
        assert_eq!(names.len(), 1, "{names:?}");
    }

    #[cfg(unix)]
    #[test]
    fn a_temporary_left_by_a_killed_writer_goes_and_a_live_ones_stays() {
        let dir = tempfile::tempdir().unwrap();
        let one = article_on_disk(dir.path(), "a.txt", "Title\n\nHe said it was 5.\n");
        let file = dir.path().join("digests.jsonl");
        // No process has a pid this high (the kernel's limit is 2^22).
        let orphan = dir.path().join(".digests.jsonl.4294967.tmp");
        let parent = std::os::unix::process::parent_id();
        let live = dir.path().join(format!(".digests.jsonl.{parent}.tmp"));
        fs::write(&orphan, "half a cache").unwrap();
        fs::write(&live, "another instance writing").unwrap();
        write(&file, ENGINE, [(&one.0, &one.1, &one.2)]).unwrap();
        assert!(!orphan.exists());
        assert!(live.exists());
        assert_eq!(DigestCache::read(&file, ENGINE).unwrap().len(), 1);
    }

    #[test]
    fn libraries_have_files_of_their_own() {
        let dir = Path::new("/cache");
        assert_ne!(file_for(dir, "/a"), file_for(dir, "/b"));
        assert_eq!(file_for(dir, "/a"), file_for(dir, "/a"));
    }
}
