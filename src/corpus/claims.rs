//! The claims ledger: every claim of a set of articles as one row, with who made it, how,
//! and where it was published, filtered by speaker, outlet, class and kind; written as
//! CSV (RFC 4180), JSON Lines or a Markdown table. Offsets are in code points of the
//! article's text, end exclusive, as everywhere sayso's output leaves the program.

use std::io::Write;

use serde::Serialize;

use super::speakers::{NameQuery, normalise};
use crate::article::Article;
use crate::extract::{Claim, ClaimClass, ClaimKind, Extraction};
use crate::text::offsets::CodePoints;

/// Which claims to list. Empty lists select everything; within a list any entry does.
#[derive(Debug, Clone, Default)]
pub struct ClaimFilter {
    /// Speakers whose name contains one of these (normalised: any case, punctuation and
    /// a leading "the" ignored), as the library filter reads names.
    speakers: Vec<NameQuery>,
    /// Outlets whose name contains one of these (normalised likewise).
    sources: Vec<String>,
    pub classes: Vec<ClaimClass>,
    pub kinds: Vec<ClaimKind>,
}

impl ClaimFilter {
    pub fn new(speakers: &[String], sources: &[String]) -> Self {
        ClaimFilter {
            speakers: speakers.iter().map(|s| NameQuery::new(s)).collect(),
            sources: sources
                .iter()
                .map(|s| normalise(s))
                .filter(|s| !s.is_empty())
                .collect(),
            classes: Vec::new(),
            kinds: Vec::new(),
        }
    }

    fn wants_article(&self, article: &Article) -> bool {
        self.sources.is_empty()
            || article.source.as_deref().is_some_and(|outlet| {
                let outlet = normalise(outlet);
                self.sources.iter().any(|s| outlet.contains(s.as_str()))
            })
    }

    fn wants(&self, ex: &Extraction, claim: &Claim) -> bool {
        let speaker = claim.speaker.and_then(|s| ex.speakers.get(s));
        (self.classes.is_empty() || self.classes.contains(&claim.class))
            && (self.kinds.is_empty() || self.kinds.contains(&claim.kind))
            && (self.speakers.is_empty()
                || speaker.is_some_and(|s| {
                    let name = normalise(&s.name);
                    self.speakers.iter().any(|q| q.matches(&name))
                }))
    }
}

/// One claim of the ledger.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ClaimRow<'a> {
    pub speaker: Option<&'a str>,
    pub role: Option<&'a str>,
    pub text: &'a str,
    pub cue: Option<&'a str>,
    pub kind: &'static str,
    pub class: &'static str,
    pub path: String,
    pub title: &'a str,
    pub date: Option<&'a str>,
    pub outlet: Option<&'a str>,
    /// Code points into the article's text, end exclusive.
    pub start: usize,
    pub end: usize,
    pub article_id: &'a str,
}

/// The CSV header, in the order of [`ClaimRow`]'s fields.
const COLUMNS: [&str; 13] = [
    "speaker",
    "role",
    "text",
    "cue",
    "kind",
    "class",
    "path",
    "title",
    "date",
    "outlet",
    "start",
    "end",
    "article_id",
];

/// The claims of one article that `filter` selects, in the article's order.
pub fn rows<'a>(
    article: &'a Article,
    ex: &'a Extraction,
    filter: &ClaimFilter,
) -> Vec<ClaimRow<'a>> {
    if !filter.wants_article(article) {
        return Vec::new();
    }
    let text = article.text.as_str();
    let cp = CodePoints::new(text);
    let path = article.path.to_string_lossy().into_owned();
    ex.claims
        .iter()
        .filter(|c| filter.wants(ex, c))
        .map(|c| {
            let speaker = c.speaker.and_then(|s| ex.speakers.get(s));
            ClaimRow {
                speaker: speaker.map(|s| s.name.as_str()),
                role: speaker.and_then(|s| s.role.as_deref()),
                text: c.span.slice(text),
                cue: c.cue.map(|s| s.slice(text)),
                kind: c.kind.as_str(),
                class: c.class.as_str(),
                path: path.clone(),
                title: &article.title,
                date: article.date.as_deref(),
                outlet: article.source.as_deref(),
                start: cp.to_char(c.span.start),
                end: cp.to_char(c.span.end),
                article_id: &article.id,
            }
        })
        .collect()
}

/// How the ledger is written.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LedgerFormat {
    /// RFC 4180: a header row, CRLF line ends, fields quoted when they need it.
    Csv,
    /// JSON Lines: one object per claim.
    Json,
    /// A Markdown table (date, outlet, speaker, class, kind, claim, article).
    Markdown,
}

/// What goes before the first row.
pub fn header(format: LedgerFormat) -> Vec<u8> {
    let mut out = Vec::new();
    match format {
        LedgerFormat::Csv => {
            let mut w = csv_writer(&mut out);
            // Writing to a Vec cannot fail.
            let _ = w.write_record(COLUMNS);
            let _ = w.flush();
        }
        LedgerFormat::Json => {}
        LedgerFormat::Markdown => {
            out.extend_from_slice(
                b"| Date | Outlet | Speaker | Class | Kind | Claim | Article |\n\
                  |---|---|---|---|---|---|---|\n",
            );
        }
    }
    out
}

/// Appends `rows` to `out` in `format`.
pub fn write_rows(format: LedgerFormat, rows: &[ClaimRow], out: &mut Vec<u8>) {
    match format {
        LedgerFormat::Csv => {
            let mut w = csv_writer(&mut *out);
            for r in rows {
                let (start, end) = (r.start.to_string(), r.end.to_string());
                let _ = w.write_record([
                    r.speaker.unwrap_or(""),
                    r.role.unwrap_or(""),
                    r.text,
                    r.cue.unwrap_or(""),
                    r.kind,
                    r.class,
                    &r.path,
                    r.title,
                    r.date.unwrap_or(""),
                    r.outlet.unwrap_or(""),
                    &start,
                    &end,
                    r.article_id,
                ]);
            }
            let _ = w.flush();
        }
        LedgerFormat::Json => {
            for r in rows {
                let _ = serde_json::to_writer(&mut *out, r);
                out.push(b'\n');
            }
        }
        LedgerFormat::Markdown => {
            for r in rows {
                let speaker = match (r.speaker, r.role) {
                    (Some(s), Some(role)) => format!("{s} ({role})"),
                    (Some(s), None) => s.to_string(),
                    (None, _) => "—".to_string(),
                };
                let _ = writeln!(
                    out,
                    "| {} | {} | {} | {} | {} | {} | {} |",
                    cell(r.date.unwrap_or("")),
                    cell(r.outlet.unwrap_or("")),
                    cell(&speaker),
                    r.class,
                    r.kind,
                    cell(r.text),
                    cell(&format!("{} ({}, {}–{})", r.title, r.path, r.start, r.end)),
                );
            }
        }
    }
}

fn csv_writer<W: Write>(out: W) -> csv::Writer<W> {
    csv::WriterBuilder::new()
        .terminator(csv::Terminator::CRLF)
        .from_writer(out)
}

/// A Markdown table cell: one line, its pipes escaped.
fn cell(text: &str) -> String {
    text.split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .replace('|', "\\|")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::extract::extract_article;

    fn article(path: &str, source: Option<&str>, text: &str) -> Article {
        let mut a = Article::from_text(path, text.to_string());
        a.source = source.map(Into::into);
        a
    }

    const TEXT: &str = "Bridge vote\n\n“We will build the bridge, | whatever it costs,” Jane Doe \
                        said. Mayor John Roe said the council believes the plan is sound.\n";

    #[test]
    fn rows_carry_speaker_cue_kind_class_and_code_point_offsets() {
        let a = article("a.txt", Some("Daily Wire"), &format!("Café — {TEXT}"));
        let x = extract_article(&a);
        let rows = rows(&a, &x, &ClaimFilter::default());
        assert_eq!(rows.len(), x.claims.len());
        let jane = rows.iter().find(|r| r.speaker == Some("Jane Doe")).unwrap();
        assert_eq!(jane.kind, "direct");
        assert_eq!(jane.cue, Some("said"));
        let chars: Vec<char> = a.text.chars().collect();
        let sliced: String = chars[jane.start..jane.end].iter().collect();
        assert_eq!(sliced, jane.text);
        assert_eq!(
            (jane.outlet, jane.path.as_str()),
            (Some("Daily Wire"), "a.txt")
        );
    }

    #[test]
    fn the_filter_selects_by_speaker_outlet_class_and_kind() {
        let a = article("a.txt", Some("Daily Wire"), TEXT);
        let x = extract_article(&a);
        let speakers = |f: &ClaimFilter| -> Vec<Option<String>> {
            rows(&a, &x, f)
                .iter()
                .map(|r| r.speaker.map(String::from))
                .collect()
        };
        let doe = ClaimFilter::new(&["jane-DOE".into()], &[]);
        assert_eq!(speakers(&doe), [Some("Jane Doe".to_string())]);
        assert!(speakers(&ClaimFilter::new(&["Nobody".into()], &[])).is_empty());
        assert_eq!(
            speakers(&ClaimFilter::new(&[], &["wire".into()])).len(),
            x.claims.len()
        );
        assert!(speakers(&ClaimFilter::new(&[], &["Times".into()])).is_empty());
        let direct = ClaimFilter {
            kinds: vec![ClaimKind::Direct],
            ..ClaimFilter::default()
        };
        assert_eq!(speakers(&direct), [Some("Jane Doe".to_string())]);
        let evidence = ClaimFilter {
            classes: vec![ClaimClass::Evidence],
            ..ClaimFilter::default()
        };
        assert!(speakers(&evidence).is_empty());
    }

    #[test]
    fn csv_is_rfc_4180_and_reads_back_field_for_field() {
        let a = article("dir/a, b.txt", None, TEXT);
        let x = extract_article(&a);
        let rows = rows(&a, &x, &ClaimFilter::default());
        let mut out = header(LedgerFormat::Csv);
        write_rows(LedgerFormat::Csv, &rows, &mut out);
        let text = String::from_utf8(out.clone()).unwrap();
        assert!(text.starts_with(
            "speaker,role,text,cue,kind,class,path,title,date,outlet,start,end,article_id\r\n"
        ));
        let mut reader = csv::Reader::from_reader(out.as_slice());
        let back: Vec<csv::StringRecord> = reader.records().map(Result::unwrap).collect();
        assert_eq!(back.len(), rows.len());
        for (record, row) in back.iter().zip(&rows) {
            assert_eq!(record.len(), COLUMNS.len());
            assert_eq!(&record[0], row.speaker.unwrap_or(""));
            assert_eq!(&record[2], row.text);
            assert_eq!(&record[6], "dir/a, b.txt");
            assert_eq!(record[10].parse::<usize>().unwrap(), row.start);
        }
    }

    #[test]
    fn markdown_rows_are_one_line_with_pipes_escaped_and_json_is_one_object_a_line() {
        let a = article("a.txt", None, TEXT);
        let x = extract_article(&a);
        let rows = rows(&a, &x, &ClaimFilter::default());
        let mut md = header(LedgerFormat::Markdown);
        write_rows(LedgerFormat::Markdown, &rows, &mut md);
        let md = String::from_utf8(md).unwrap();
        assert_eq!(md.lines().count(), 2 + rows.len());
        assert!(md.contains("bridge, \\| whatever"), "{md}");
        let mut json = header(LedgerFormat::Json);
        write_rows(LedgerFormat::Json, &rows, &mut json);
        let lines: Vec<serde_json::Value> = String::from_utf8(json)
            .unwrap()
            .lines()
            .map(|l| serde_json::from_str(l).unwrap())
            .collect();
        assert_eq!(lines.len(), rows.len());
        assert_eq!(lines[0]["speaker"], "Jane Doe");
        assert_eq!(lines[0]["start"], rows[0].start);
    }
}
