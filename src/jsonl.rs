//! `sayso extract --input jsonl`: one article per input line, one result per output line,
//! in order, so sayso can sit in a pipe that Spark (`rdd.pipe`), Dask, GNU parallel or a
//! scraper feeds. A line is `{"id", "text", "title"?, "date"?, "source"?, "url"?, …}`;
//! keys sayso does not know are passed through to the output object unchanged.

use std::io::{self, BufRead, Write};

use serde::{Deserialize, Serialize};
use serde_json::{Map, Value};

use crate::article::Article;
use crate::extract::extract_article;
use crate::output::ArticleJson;

/// Lines read and extracted per round: bounds memory on an endless stream, and gives the
/// workers enough to share.
const BATCH: usize = 256;

/// The keys of an output object, which input keys may not repeat.
const CONTRACT_KEYS: [&str; 8] = [
    "path", "id", "title", "date", "source", "speakers", "claims", "numbers",
];

/// One input line, as sayso reads it.
#[derive(Deserialize)]
struct InputLine {
    id: Option<Value>,
    text: Option<String>,
    title: Option<String>,
    date: Option<String>,
    source: Option<String>,
    #[serde(flatten)]
    extra: Map<String, Value>,
}

/// The output for a line that could not be used.
#[derive(Serialize)]
struct ErrorLine<'a> {
    id: Option<&'a Value>,
    line: usize,
    error: &'a str,
}

/// The output for an article: the input's unknown keys, then the contract's fields.
#[derive(Serialize)]
struct OutputLine<'a> {
    #[serde(flatten)]
    extra: &'a Map<String, Value>,
    #[serde(flatten)]
    article: ArticleJson<'a>,
}

/// What one line gives: its output bytes, and the warning for stderr if it was bad.
pub struct LineResult {
    pub bytes: Vec<u8>,
    pub warning: Option<String>,
}

/// Extracts one input line (`number` counts from 1; `name` names the input in paths and
/// messages).
pub fn process_line(name: &str, number: usize, line: &str) -> LineResult {
    let parsed: Result<InputLine, String> = if line.trim().is_empty() {
        Err("empty line".to_owned())
    } else {
        serde_json::from_str(line).map_err(|e| e.to_string())
    };
    let input = match parsed {
        Ok(input) => input,
        Err(e) => return error_line(name, number, None, &format!("not a JSON object: {e}")),
    };
    // A key of the contract in the input would appear twice: the extraction's wins.
    let mut input = input;
    input
        .extra
        .retain(|k, _| !CONTRACT_KEYS.contains(&k.as_str()));
    let Some(text) = input.text else {
        return error_line(name, number, input.id.as_ref(), "no \"text\" string");
    };
    let mut article = Article::from_text(format!("{name}:{number}"), text);
    if let Some(title) = input.title.filter(|t| !t.trim().is_empty()) {
        article.title = title;
    }
    if input.date.is_some() {
        article.date = input.date;
    }
    if input.source.is_some() {
        article.source = input.source;
    }
    let ex = extract_article(&article);
    let mut view = ArticleJson::new(&article, &ex);
    let id;
    if let Some(v) = &input.id {
        id = v.clone();
        view = view.with_id(&id);
    }
    let mut bytes = Vec::new();
    let out = OutputLine {
        extra: &input.extra,
        article: view,
    };
    // Writing to a Vec cannot fail, nor can serializing these views.
    let _ = serde_json::to_writer(&mut bytes, &out);
    bytes.push(b'\n');
    LineResult {
        bytes,
        warning: None,
    }
}

fn error_line(name: &str, number: usize, id: Option<&Value>, error: &str) -> LineResult {
    let mut bytes = Vec::new();
    let _ = serde_json::to_writer(
        &mut bytes,
        &ErrorLine {
            id,
            line: number,
            error,
        },
    );
    bytes.push(b'\n');
    LineResult {
        bytes,
        warning: Some(format!("{name}:{number}: {error}")),
    }
}

/// Runs the filter over `input` into `out` on `jobs` threads; returns how many lines were
/// bad. Reads and writes in batches, so the stream can be endless.
pub fn run(
    name: &str,
    mut input: impl BufRead,
    out: &mut impl Write,
    jobs: usize,
    mut warn: impl FnMut(&str),
) -> io::Result<usize> {
    let mut bad = 0;
    let mut number = 0;
    loop {
        let mut batch = Vec::with_capacity(BATCH);
        while batch.len() < BATCH {
            let mut line = String::new();
            if input.read_line(&mut line)? == 0 {
                break;
            }
            number += 1;
            let trimmed = line.trim_end_matches(['\n', '\r']).len();
            line.truncate(trimmed);
            batch.push((number, line));
        }
        if batch.is_empty() {
            return Ok(bad);
        }
        crate::parallel::ordered_map(
            &batch,
            jobs,
            |(n, line)| process_line(name, *n, line),
            |r| {
                if let Some(w) = &r.warning {
                    bad += 1;
                    warn(w);
                }
                out.write_all(&r.bytes)
            },
        )?;
        out.flush()?;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn run_on(input: &str, jobs: usize) -> (String, usize, Vec<String>) {
        let mut out = Vec::new();
        let mut warnings = Vec::new();
        let bad = run("-", input.as_bytes(), &mut out, jobs, |w| {
            warnings.push(w.to_owned())
        })
        .unwrap_or(usize::MAX);
        (String::from_utf8_lossy(&out).into_owned(), bad, warnings)
    }

    #[test]
    fn one_result_per_line_in_order_with_the_input_id_and_unknown_keys() {
        let input = concat!(
            r#"{"id": "a1", "text": "\"We will win,\" said Jane Roe.", "lang": "en"}"#,
            "\n",
            r#"{"id": 7, "text": "Prices rose 5% in 2024.", "title": "Prices", "url": "http://x"}"#,
            "\n",
        );
        let (out, bad, _) = run_on(input, 2);
        assert_eq!(bad, 0);
        let lines: Vec<Value> = out
            .lines()
            .map(|l| serde_json::from_str(l).unwrap())
            .collect();
        assert_eq!(lines.len(), 2);
        assert_eq!(lines[0]["id"], "a1");
        assert_eq!(lines[0]["lang"], "en");
        assert_eq!(lines[0]["speakers"][0]["name"], "Jane Roe");
        assert_eq!(lines[1]["id"], 7);
        assert_eq!(lines[1]["title"], "Prices");
        assert_eq!(lines[1]["url"], "http://x");
        assert_eq!(lines[1]["numbers"][0]["text"], "5%");
    }

    #[test]
    fn bad_lines_give_an_error_object_in_place_and_the_run_goes_on() {
        let input = "{\"id\": 1, \"text\": \"One.\"}\nnot json\n{\"id\": 3}\n\n{\"id\": 5, \"text\": \"Five.\"}\n";
        let (out, bad, warnings) = run_on(input, 2);
        let lines: Vec<Value> = out
            .lines()
            .map(|l| serde_json::from_str(l).unwrap())
            .collect();
        assert_eq!(lines.len(), 5);
        assert_eq!(bad, 3);
        assert_eq!(lines[1]["line"], 2);
        assert!(
            lines[1]["error"]
                .as_str()
                .unwrap()
                .starts_with("not a JSON object")
        );
        assert_eq!(lines[2]["id"], 3);
        assert_eq!(lines[2]["error"], "no \"text\" string");
        assert_eq!(lines[3]["error"], "not a JSON object: empty line");
        assert_eq!(lines[4]["id"], 5);
        assert_eq!(warnings.len(), 3);
        assert!(warnings[0].starts_with("-:2: "), "{warnings:?}");
    }

    #[test]
    fn any_job_count_gives_the_same_bytes_over_many_batches() {
        let input: String = (0..600)
            .map(|i| format!("{{\"id\": {i}, \"text\": \"Item {i}: \\\"Yes,\\\" said Jo Roe. It cost ${i}.\"}}\n"))
            .collect();
        let (one, _, _) = run_on(&input, 1);
        let (two, _, _) = run_on(&input, 2);
        assert_eq!(one, two);
        assert_eq!(one.lines().count(), 600);
    }
}
