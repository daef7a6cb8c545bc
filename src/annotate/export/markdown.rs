//! Markdown: per article a heading (the full title), its path, date and outlet; each
//! passage as a block quote, then the speaker and the claim's class, `#tags`, status, a
//! link to its position (RFC 5147 `#char=start,end`, code points) and id, then the note.

use std::fmt::Write;

use super::ExportedArticle;

pub fn render(articles: &[ExportedArticle<'_>]) -> String {
    let mut out = String::from("# sayso annotations\n");
    for article in articles {
        let meta = article.meta;
        let title = one_line(if meta.title.trim().is_empty() {
            &meta.path
        } else {
            &meta.title
        });
        let _ = write!(out, "\n## {title}\n\n");
        let about: Vec<String> = [
            (!meta.path.is_empty()).then(|| code(&meta.path)),
            article.date.clone(),
            article.source.as_deref().map(one_line),
        ]
        .into_iter()
        .flatten()
        .collect();
        if !about.is_empty() {
            let _ = writeln!(out, "{}\n", about.join(" · "));
        }
        for item in &article.annotations {
            let a = item.annotation;
            for line in item.target.exact.lines() {
                let line = escape_line_start(line.trim_end());
                if line.is_empty() {
                    out.push_str(">\n");
                } else {
                    let _ = writeln!(out, "> {line}");
                }
            }
            out.push('\n');
            let mut facts: Vec<String> = Vec::new();
            if let Some(speaker) = item.speaker.filter(|s| !s.trim().is_empty()) {
                facts.push(format!("— **{}**", one_line(speaker)));
            }
            if let Some(class) = item.class().filter(|c| !c.trim().is_empty()) {
                facts.push(format!("*{}*", one_line(class)));
            }
            if let Some(correction) = item.correction() {
                facts.push(format!("corrected by hand: {}", one_line(&correction)));
            }
            if !a.tags.is_empty() {
                facts.push(
                    a.tags
                        .iter()
                        .map(|t| format!("#{}", t.replace(char::is_whitespace, "-")))
                        .collect::<Vec<_>>()
                        .join(" "),
                );
            }
            facts.push(item.status_str().to_owned());
            if let Some((start, end)) = item.position() {
                facts.push(position_link(&meta.path, start, end));
            }
            facts.push(format!("id {}", code(a.id.as_str())));
            let _ = writeln!(out, "{}\n", facts.join(" · "));
            if !a.note.trim().is_empty() {
                out.push_str(&note(&a.note));
            }
        }
    }
    out
}

/// A note as Markdown that reads as it was typed: blank lines still part paragraphs, a
/// line break stays a line break (a trailing backslash), and a line that would open a
/// quote, heading or list is escaped, so the note never changes the document's structure.
pub(super) fn note(text: &str) -> String {
    let mut out = String::new();
    let lines: Vec<&str> = text.trim_end().lines().map(str::trim_end).collect();
    for (k, line) in lines.iter().enumerate() {
        let next_is_text = lines.get(k + 1).is_some_and(|n| !n.trim().is_empty());
        if line.trim().is_empty() {
            // One blank line per paragraph break, however many were typed.
            if !out.is_empty() && !out.ends_with("\n\n") {
                out.push('\n');
            }
            continue;
        }
        out.push_str(&escape_line_start(line.trim_start()));
        if next_is_text {
            out.push('\\');
        }
        out.push('\n');
    }
    out.push('\n');
    out
}

/// `[chars 4–9](file:///news/a.txt#char=4,9)`: a fragment identifier for plain text
/// (RFC 5147) on the article's file; plain text where the article is not a file.
fn position_link(path: &str, start: usize, end: usize) -> String {
    let label = format!("chars {start}–{end}");
    if !path.starts_with('/') {
        return label;
    }
    let mut url = String::from("file://");
    for b in path.bytes() {
        if b.is_ascii_alphanumeric() || b"/-._~".contains(&b) {
            url.push(char::from(b));
        } else {
            let _ = write!(url, "%{b:02X}");
        }
    }
    format!("[{label}]({url}#char={start},{end})")
}

fn one_line(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Inline code that survives backticks in the text.
fn code(s: &str) -> String {
    let ticks = "`".repeat(longest_run(s, '`') + 1);
    let pad = if s.starts_with('`') || s.ends_with('`') {
        " "
    } else {
        ""
    };
    format!("{ticks}{pad}{s}{pad}{ticks}")
}

fn longest_run(s: &str, c: char) -> usize {
    let (mut best, mut run) = (0, 0);
    for ch in s.chars() {
        run = if ch == c { run + 1 } else { 0 };
        best = best.max(run);
    }
    best
}

/// Keeps a quoted line from turning into a heading, list or nested quote.
fn escape_line_start(line: &str) -> String {
    let starts_block = line.starts_with(['#', '>', '-', '+', '*', '=', '|'])
        || line
            .split_once(['.', ')'])
            .is_some_and(|(n, _)| !n.is_empty() && n.bytes().all(|b| b.is_ascii_digit()));
    if starts_block {
        format!("\\{line}")
    } else {
        line.to_owned()
    }
}
