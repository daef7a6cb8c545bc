//! Saving a page into the library: `<outlet>_<date>_<slug>.md` with front matter (`title`,
//! `date`, `source`, `url`, `fetched`) and the body as Markdown. Written whole or not at
//! all (a temporary file in the same folder, linked to its name only if that name is
//! free), never over another article; the same URL again is the article already saved.

use std::fs;
use std::io::Write;
use std::path::{Path, PathBuf};

use crate::article::html::HtmlPage;

/// What saving did.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Saved {
    New(PathBuf),
    /// The folder has this URL's article already (or a file with the same text).
    Already(PathBuf),
}

impl Saved {
    pub fn path(&self) -> &Path {
        match self {
            Saved::New(p) | Saved::Already(p) => p,
        }
    }
}

#[derive(Debug, thiserror::Error)]
pub enum SaveError {
    #[error("cannot write in {}: {source}", dir.display())]
    Write {
        dir: PathBuf,
        source: std::io::Error,
    },
    #[error("{what}: no article text found on the page")]
    Empty { what: String },
}

/// The file name for a page: outlet, date and title as lowercase ASCII words joined by
/// `-` (`herald_2024-05-02_council-backs-budget.md`); `undated`, `web` when unknown.
pub fn file_name(page: &HtmlPage) -> String {
    let outlet = slug(page.outlet.as_deref().unwrap_or("web"), 30);
    let outlet = if outlet.is_empty() {
        "web".into()
    } else {
        outlet
    };
    let date = page.date.as_deref().unwrap_or("undated");
    let title = slug(page.title.as_deref().unwrap_or("article"), 60);
    let title = if title.is_empty() {
        "article".into()
    } else {
        title
    };
    format!("{outlet}_{date}_{title}.md")
}

/// `text` as at most `max` bytes of lowercase ASCII words joined by `-` (accents and
/// other letters dropped, so the name works on every file system).
fn slug(text: &str, max: usize) -> String {
    let mut out = String::new();
    for word in text
        .split(|c: char| !c.is_ascii_alphanumeric())
        .filter(|w| !w.is_empty())
    {
        let extra = usize::from(!out.is_empty()) + word.len();
        if out.len() + extra > max {
            break;
        }
        if !out.is_empty() {
            out.push('-');
        }
        out.push_str(&word.to_ascii_lowercase());
    }
    out
}

/// The file's text: front matter, then the headline and the body as Markdown.
pub fn markdown(page: &HtmlPage, url: Option<&str>, fetched: &str) -> String {
    let mut out = String::from("---\n");
    let mut field = |key: &str, value: Option<&str>| {
        if let Some(v) = value.map(one_line).filter(|v| !v.is_empty()) {
            out.push_str(&format!("{key}: {}\n", quoted(&v)));
        }
    };
    field("title", page.title.as_deref());
    field("date", page.date.as_deref());
    field("source", page.outlet.as_deref());
    field("author", page.author.as_deref());
    // The address asked for, and the page's own (canonical) one when it differs: a
    // second `add` of either finds this file.
    let asked = url.or(page.url.as_deref());
    field("url", asked);
    field(
        "canonical",
        page.url.as_deref().filter(|c| Some(*c) != asked),
    );
    field("fetched", Some(fetched));
    out.push_str("---\n\n");
    out.push_str(&page.markdown_body());
    out
}

fn one_line(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// A YAML-safe scalar: double-quoted, with `\` and `"` escaped.
fn quoted(s: &str) -> String {
    format!("\"{}\"", s.replace('\\', "\\\\").replace('"', "\\\""))
}

/// The `url:` and `canonical:` of a saved file's front matter.
fn saved_urls(text: &str) -> Vec<String> {
    let mut lines = text.lines();
    if lines.next().is_none_or(|l| l.trim() != "---") {
        return Vec::new();
    }
    let mut out = Vec::new();
    for line in lines.take(40) {
        let line = line.trim();
        if line == "---" {
            break;
        }
        if let Some(v) = line
            .strip_prefix("url:")
            .or_else(|| line.strip_prefix("canonical:"))
        {
            let v = v.trim();
            let v = v
                .strip_prefix('"')
                .and_then(|v| v.strip_suffix('"'))
                .unwrap_or(v);
            out.push(v.replace("\\\"", "\"").replace("\\\\", "\\"));
        }
    }
    out
}

/// The `.md` file in `dir` saved from `url`, if any (front matter read, first 4 KB).
pub fn find_url(dir: &Path, url: &str) -> Option<PathBuf> {
    let entries = fs::read_dir(dir).ok()?;
    entries.filter_map(Result::ok).map(|e| e.path()).find(|p| {
        p.extension().is_some_and(|x| x == "md")
            && head(p).is_some_and(|text| saved_urls(&text).iter().any(|u| u == url))
    })
}

fn head(path: &Path) -> Option<String> {
    use std::io::Read;
    let mut bytes = Vec::new();
    fs::File::open(path)
        .ok()?
        .take(4096)
        .read_to_end(&mut bytes)
        .ok()?;
    Some(String::from_utf8_lossy(&bytes).into_owned())
}

/// Saves `text` as `name` in `dir` (made if missing); `-2`, `-3`… when the name is taken
/// by another text; the same text already there is that file. `url`: the page's, so a
/// second `add` of it finds the first.
pub fn save(dir: &Path, name: &str, text: &str, url: Option<&str>) -> Result<Saved, SaveError> {
    let write_error = |source| SaveError::Write {
        dir: dir.to_owned(),
        source,
    };
    if let Some(found) = url.and_then(|u| find_url(dir, u)) {
        return Ok(Saved::Already(found));
    }
    fs::create_dir_all(dir).map_err(write_error)?;
    let stem = name.strip_suffix(".md").unwrap_or(name);
    let temp = dir.join(format!(".{stem}.{}.tmp", std::process::id()));
    {
        let mut file = fs::File::create(&temp).map_err(write_error)?;
        file.write_all(text.as_bytes()).map_err(write_error)?;
        file.sync_all().map_err(write_error)?;
    }
    let result = (1..1000).find_map(|n| {
        let candidate = match n {
            1 => dir.join(name),
            n => dir.join(format!("{stem}-{n}.md")),
        };
        if fs::read(&candidate).is_ok_and(|b| b == text.as_bytes()) {
            return Some(Ok(Saved::Already(candidate)));
        }
        // A hard link fails if the name exists: no other file is ever replaced.
        match fs::hard_link(&temp, &candidate) {
            Ok(()) => Some(Ok(Saved::New(candidate))),
            Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists => None,
            Err(e) => Some(Err(e)),
        }
    });
    let _ = fs::remove_file(&temp);
    if let Ok(d) = fs::File::open(dir) {
        let _ = d.sync_all();
    }
    match result {
        Some(Ok(saved)) => Ok(saved),
        Some(Err(e)) => Err(write_error(e)),
        None => Err(write_error(std::io::Error::other(format!(
            "999 files are named {stem}-N.md already"
        )))),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::article::html::Block;

    fn page() -> HtmlPage {
        HtmlPage {
            title: Some("Council backs the “new” budget: 4.2% rise".into()),
            date: Some("2024-05-02".into()),
            author: Some("Ann Lee".into()),
            outlet: Some("The Herald".into()),
            url: Some("https://herald.example/a?b=\"c\"".into()),
            blocks: vec![
                Block::Paragraph("The council voted.".into()),
                Block::Quote("“We will pay,” she said.".into()),
            ],
        }
    }

    #[test]
    fn names_are_ascii_slugs() {
        assert_eq!(
            file_name(&page()),
            "the-herald_2024-05-02_council-backs-the-new-budget-4-2-rise.md"
        );
        let bare = HtmlPage::default();
        assert_eq!(file_name(&bare), "web_undated_article.md");
        assert!(slug(&"long ".repeat(40), 60).len() <= 60);
    }

    #[test]
    fn front_matter_round_trips_through_the_loader() {
        let text = markdown(&page(), None, "2026-12-03T10:00:00Z");
        assert!(text.starts_with("---\ntitle: \"Council backs"), "{text}");
        assert_eq!(saved_urls(&text), ["https://herald.example/a?b=\"c\""]);
        let asked = markdown(&page(), Some("https://herald.example/s?id=1"), "t");
        assert_eq!(
            saved_urls(&asked),
            [
                "https://herald.example/s?id=1",
                "https://herald.example/a?b=\"c\""
            ]
        );
        let article = crate::article::Article::from_text("x.md", text.clone());
        assert_eq!(article.title, "Council backs the “new” budget: 4.2% rise");
        assert_eq!(article.date.as_deref(), Some("2024-05-02"));
        assert_eq!(article.source.as_deref(), Some("The Herald"));
        assert!(text.contains("> “We will pay,” she said."), "{text}");
    }

    #[test]
    fn saving_never_overwrites_and_the_same_url_is_the_same_article() {
        let dir = tempfile::tempdir().unwrap();
        let a = markdown(&page(), None, "t1");
        let first = save(dir.path(), "x.md", &a, Some("u1")).unwrap();
        assert!(matches!(first, Saved::New(_)));
        // The same URL: the file saved first.
        let again = save(
            dir.path(),
            "x.md",
            "other text",
            Some("https://herald.example/a?b=\"c\""),
        )
        .unwrap();
        assert_eq!(again, Saved::Already(first.path().to_owned()));
        // Another article with the same name: a new name, the first file untouched.
        let other = save(dir.path(), "x.md", "---\nurl: \"u2\"\n---\nB\n", Some("u2")).unwrap();
        assert_eq!(other, Saved::New(dir.path().join("x-2.md")));
        assert_eq!(fs::read_to_string(first.path()).unwrap(), a);
        // No temporary left behind.
        let names: Vec<String> = fs::read_dir(dir.path())
            .unwrap()
            .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
            .collect();
        assert!(names.iter().all(|n| !n.ends_with(".tmp")), "{names:?}");
    }

    #[test]
    fn a_folder_that_cannot_be_made_is_an_error_naming_it() {
        let dir = tempfile::tempdir().unwrap();
        let file = dir.path().join("plain-file");
        fs::write(&file, "x").unwrap();
        let err = save(&file.join("inbox"), "x.md", "t", None).unwrap_err();
        assert!(err.to_string().contains("inbox"), "{err}");
    }
}
