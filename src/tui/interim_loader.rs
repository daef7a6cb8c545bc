// replaced by crate::article loader at merge
//! Minimal article loading so the reader runs before the real loader lands: `.txt`/`.md`
//! files of the given files and folders (recursive, sorted), and the embedded samples. Same
//! names as `crate::article`'s loader (`load_paths`, `Library`, `LoadProblem`,
//! `embedded_seeds`), so the swap is one line in `tui/mod.rs`.

use std::fmt;
use std::path::{Path, PathBuf};

use crate::article::Article;

/// The articles found, and what could not be read.
#[derive(Debug, Default)]
pub struct Library {
    pub articles: Vec<Article>,
    pub problems: Vec<LoadProblem>,
}

/// A path that could not be loaded.
#[derive(Debug)]
pub struct LoadProblem {
    pub path: PathBuf,
    pub message: String,
}

impl fmt::Display for LoadProblem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {}", self.path.display(), self.message)
    }
}

/// Loads the `.txt` and `.md` files of `paths` (folders recursively, sorted).
pub fn load_paths(paths: &[PathBuf]) -> Library {
    let mut library = Library::default();
    for path in paths {
        visit(path, &mut library, 0);
    }
    library
}

fn visit(path: &Path, library: &mut Library, depth: usize) {
    let problem = |message: String| LoadProblem {
        path: path.to_path_buf(),
        message,
    };
    // Deep nesting means a symlink loop in practice.
    if depth > 32 {
        library
            .problems
            .push(problem("too deeply nested (symlink loop?)".into()));
        return;
    }
    if path.is_dir() {
        match std::fs::read_dir(path) {
            Ok(entries) => {
                let mut children: Vec<PathBuf> =
                    entries.filter_map(|e| e.ok().map(|e| e.path())).collect();
                children.sort();
                for child in children {
                    if child.is_dir() || is_article_file(&child) {
                        visit(&child, library, depth + 1);
                    }
                }
            }
            Err(e) => library.problems.push(problem(e.to_string())),
        }
        return;
    }
    match std::fs::read(path) {
        Ok(bytes) => {
            let text = String::from_utf8_lossy(&bytes).into_owned();
            library.articles.push(article(path.to_path_buf(), text));
        }
        Err(e) => library.problems.push(problem(e.to_string())),
    }
}

fn is_article_file(path: &Path) -> bool {
    matches!(
        path.extension().and_then(|e| e.to_str()),
        Some("txt" | "md")
    )
}

/// The five sample articles, embedded in the binary.
pub fn embedded_seeds() -> Vec<Article> {
    SEEDS
        .iter()
        .map(|(name, text)| article(PathBuf::from("seeds").join(name), (*text).to_string()))
        .collect()
}

const SEEDS: &[(&str, &str)] = &[
    (
        "000_2500ef5cd031a891.txt",
        include_str!("../../seeds/000_2500ef5cd031a891.txt"),
    ),
    (
        "001_0cda0abccf93c76d.txt",
        include_str!("../../seeds/001_0cda0abccf93c76d.txt"),
    ),
    (
        "002_337f31bbd1bd4543.txt",
        include_str!("../../seeds/002_337f31bbd1bd4543.txt"),
    ),
    (
        "003_1e8a7f8cf821f1b8.txt",
        include_str!("../../seeds/003_1e8a7f8cf821f1b8.txt"),
    ),
    (
        "004_ee5d5f4a442c73fa.txt",
        include_str!("../../seeds/004_ee5d5f4a442c73fa.txt"),
    ),
];

fn article(path: PathBuf, text: String) -> Article {
    let title = text
        .lines()
        .map(str::trim)
        .find(|l| !l.is_empty())
        .unwrap_or("(empty)")
        .chars()
        .take(200)
        .collect();
    Article {
        id: format!("{:016x}", fnv1a(text.as_bytes())),
        path,
        title,
        date: None,
        source: None,
        text,
        warnings: Vec::new(),
    }
}

fn fnv1a(bytes: &[u8]) -> u64 {
    bytes.iter().fold(0xcbf2_9ce4_8422_2325, |h, b| {
        (h ^ u64::from(*b)).wrapping_mul(0x0100_0000_01b3)
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn loads_sorted_article_files_and_reports_problems() {
        let dir = std::env::temp_dir().join(format!("sayso-interim-{}", std::process::id()));
        std::fs::create_dir_all(dir.join("sub")).unwrap();
        std::fs::write(dir.join("b.txt"), "\n  Second\nbody").unwrap();
        std::fs::write(dir.join("sub/a.md"), "First").unwrap();
        std::fs::write(dir.join("skip.json"), "{}").unwrap();
        let lib = load_paths(&[dir.clone(), dir.join("missing.txt")]);
        let titles: Vec<&str> = lib.articles.iter().map(|a| a.title.as_str()).collect();
        assert_eq!(titles, ["Second", "First"]);
        assert_eq!(lib.problems.len(), 1);
        assert!(lib.problems[0].to_string().contains("missing.txt"));
        std::fs::remove_dir_all(&dir).unwrap();
    }

    #[test]
    fn seeds_are_embedded() {
        let seeds = embedded_seeds();
        assert_eq!(seeds.len(), 5);
        assert!(seeds.iter().all(|a| !a.text.is_empty() && a.id.len() == 16));
    }
}
