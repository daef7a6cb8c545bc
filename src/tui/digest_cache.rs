//! The reader's side of the digest cache ([`crate::corpus::cache`]): where it lives, which
//! engine made it, and writing it back on a thread of its own once the library is
//! extracted (and at quit, for what was extracted by then).

use std::path::PathBuf;
use std::thread::JoinHandle;

use super::loader::CacheSpec;
use super::store::Store;
use crate::article::FileStamp;
use crate::corpus::cache::{self, CacheError};

/// `SAYSO_CACHE_DIR`: where caches go instead of the platform's cache directory; empty
/// turns the cache off.
pub const CACHE_DIR_ENV: &str = "SAYSO_CACHE_DIR";

/// The cache of the library named `library`, unless there is no cache directory or no
/// way to tell this build's engine from another's.
pub fn spec(library: &str) -> Option<CacheSpec> {
    Some(CacheSpec {
        file: cache::file_for(&cache_dir()?, library),
        engine: engine()?,
    })
}

/// Where sayso's caches go (the digests, the search index); `None` when they are off.
pub fn cache_dir() -> Option<PathBuf> {
    match std::env::var_os(CACHE_DIR_ENV) {
        Some(dir) if dir.is_empty() => None,
        Some(dir) => Some(PathBuf::from(dir)),
        None => Some(
            directories::ProjectDirs::from("", "", "sayso")?
                .cache_dir()
                .to_owned(),
        ),
    }
}

/// Names this build's engine: the version and the executable's own stamp, so that digests
/// made by any other build (a rebuilt binary, an upgrade) are not used.
pub fn engine() -> Option<String> {
    let exe = std::env::current_exe().ok()?;
    let stamp = FileStamp::of(&std::fs::metadata(exe).ok()?);
    Some(format!(
        "sayso {} {}:{}",
        env!("CARGO_PKG_VERSION"),
        stamp.len,
        stamp.modified_ns
    ))
}

/// Writes the cache when there is something new in it, one write at a time.
pub struct CacheWriter {
    spec: Option<CacheSpec>,
    writing: Option<JoinHandle<Result<usize, CacheError>>>,
}

impl CacheWriter {
    pub fn new(spec: Option<CacheSpec>) -> Self {
        CacheWriter {
            spec,
            writing: None,
        }
    }

    /// Once every article is extracted, writes what is new on a thread. Returns the error
    /// of a write that failed.
    pub fn tick(&mut self, store: &mut Store) -> Option<String> {
        let failed = match self.writing.take_if(|w| w.is_finished()) {
            Some(done) => failure(done),
            None => None,
        };
        if self.writing.is_none() && store.all_extracted() && store.cache_dirty() {
            let spec = self.spec.clone()?;
            let entries = store.take_cache_entries();
            self.writing = Some(std::thread::spawn(move || {
                let rows = entries.iter().map(|(a, s, d)| (a.as_ref(), s, d.as_ref()));
                cache::write(&spec.file, &spec.engine, rows)
            }));
        }
        failed
    }

    /// At quit: waits for a write under way, then writes what is new since (the articles
    /// extracted so far, when quitting before the end).
    pub fn finish(&mut self, store: &mut Store) -> Option<String> {
        let failed = self.writing.take().and_then(failure);
        let Some(spec) = &self.spec else {
            return failed;
        };
        if !store.cache_dirty() {
            return failed;
        }
        let entries = store.take_cache_entries();
        let rows = entries.iter().map(|(a, s, d)| (a.as_ref(), s, d.as_ref()));
        match cache::write(&spec.file, &spec.engine, rows) {
            Ok(_) => failed,
            Err(e) => Some(e.to_string()),
        }
    }
}

fn failure(done: JoinHandle<Result<usize, CacheError>>) -> Option<String> {
    match done.join() {
        Ok(Ok(_)) => None,
        Ok(Err(e)) => Some(e.to_string()),
        Err(p) => Some(super::panics::message(p.as_ref())),
    }
}
