//! `sayso add`: pages fetched from a server on 127.0.0.1 that the test starts (a story, a
//! redirect, a 404, a gzipped page, a slow answer, robots.txt), saved as Markdown with
//! front matter; the same URL twice is one article; a saved page reads the same.

mod local_http;

use std::path::{Path, PathBuf};
use std::process::{Command, Output};
use std::time::Duration;

use local_http::Response;

const BIN: &str = env!("CARGO_BIN_EXE_sayso");

fn fixture(name: &str) -> Vec<u8> {
    std::fs::read(
        Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("tests/data/html")
            .join(name),
    )
    .unwrap()
}

/// Serves a few pages until the test ends; returns the port.
fn serve() -> u16 {
    local_http::serve(|request| {
        let answer = |status, headers: &str, body: Vec<u8>| Response {
            status,
            headers: headers.to_owned(),
            body,
        };
        match request.path.as_str() {
            "/robots.txt" => Response::ok("text/plain", "User-agent: *\nDisallow: /private/\n"),
            "/story.html" | "/private/story.html" => {
                Response::ok("text/html; charset=utf-8", fixture("council-budget.html"))
            }
            "/moved" => answer(
                "301 Moved Permanently",
                "Location: /story.html\r\n",
                Vec::new(),
            ),
            "/lunch.html" => answer(
                "200 OK",
                "Content-Type: text/html\r\nContent-Encoding: gzip\r\n",
                fixture("school-lunch.html.gz"),
            ),
            "/image.png" => Response::ok("image/png", b"\x89PNG".to_vec()),
            "/slow.html" => {
                std::thread::sleep(Duration::from_secs(30));
                answer("200 OK", "", Vec::new())
            }
            _ => Response::not_found(),
        }
    })
}

struct Inbox {
    _dir: tempfile::TempDir,
    config: PathBuf,
    inbox: PathBuf,
}

fn inbox() -> Inbox {
    let dir = tempfile::tempdir().unwrap();
    let inbox = dir.path().join("news");
    let config = dir.path().join("config.toml");
    std::fs::write(&config, format!("inbox = {:?}\n", inbox.to_string_lossy())).unwrap();
    Inbox {
        _dir: dir,
        config,
        inbox,
    }
}

fn add(inbox: &Inbox, args: &[&str]) -> Output {
    Command::new(BIN)
        .arg("add")
        .args(args)
        .arg("--config")
        .arg(&inbox.config)
        .output()
        .expect("sayso runs")
}

fn saved(inbox: &Inbox) -> Vec<PathBuf> {
    let mut files: Vec<PathBuf> = std::fs::read_dir(&inbox.inbox)
        .map(|d| d.map(|e| e.unwrap().path()).collect())
        .unwrap_or_default();
    files.sort();
    files
}

#[test]
fn a_page_is_saved_once_as_markdown_with_front_matter_and_only_its_article() {
    let port = serve();
    let inbox = inbox();
    let url = format!("http://127.0.0.1:{port}/story.html");
    let out = add(&inbox, &[&url]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let files = saved(&inbox);
    assert_eq!(files.len(), 1, "{files:?}");
    let name = files[0].file_name().unwrap().to_string_lossy().into_owned();
    assert_eq!(
        name,
        "the-millbrook-ledger_2024-06-12_council-approves-412-million-budget-after-late-night-debate.md"
    );
    let text = std::fs::read_to_string(&files[0]).unwrap();
    assert!(
        text.starts_with("---\ntitle: \"Council approves $412 million budget"),
        "{text}"
    );
    assert!(text.contains("\ndate: \"2024-06-12\"\n"), "{text}");
    assert!(text.contains(&format!("\nurl: \"{url}\"\n")), "{text}");
    assert!(text.contains("\nfetched: \""), "{text}");
    assert!(text.contains("voted 6–3 early Wednesday"), "{text}");
    for junk in ["newsletter", "Related", "cookies", "Advertisement"] {
        assert!(!text.contains(junk), "{junk} in {text}");
    }
    // Opened in the library, it has its claims.
    let claims = Command::new(BIN)
        .args(["claims", "--format", "csv"])
        .arg(&files[0])
        .env("SAYSO_CONFIG", &inbox.config)
        .env("SAYSO_DATA_DIR", inbox.inbox.join("no-data"))
        .output()
        .unwrap();
    let ledger = String::from_utf8_lossy(&claims.stdout);
    assert!(ledger.lines().count() > 3, "{ledger}");

    // The same URL again, and the page reached by a redirect: the same article.
    let again = add(&inbox, &[&url]);
    assert!(String::from_utf8_lossy(&again.stdout).contains("already in the library"));
    assert_eq!(saved(&inbox).len(), 1);
}

#[test]
fn a_saved_page_opened_directly_reads_as_add_saved_it() {
    let inbox = inbox();
    let page = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data/html/council-budget.html");
    let out = add(&inbox, &[page.to_str().unwrap()]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let md = sayso::article::read_file(&saved(&inbox)[0]).unwrap();
    let html = sayso::article::read_file(&page).unwrap();
    let paragraphs = |text: &str| -> Vec<String> {
        let body = text.rsplit_once("\n---\n").map_or(text, |(_, b)| b);
        body.split("\n\n")
            .flat_map(str::lines)
            .map(|l| {
                l.trim_start_matches(['#', '>', '-', '•', ' '])
                    .trim()
                    .to_owned()
            })
            .filter(|l| !l.is_empty())
            .collect()
    };
    assert_eq!(paragraphs(&md.text), paragraphs(&html.text));
    assert_eq!(md.title, html.title);
    assert_eq!(md.date, html.date);
}

#[test]
fn each_bad_address_is_named_and_the_good_ones_are_saved() {
    let port = serve();
    let inbox = inbox();
    let base = format!("http://127.0.0.1:{port}");
    let out = add(
        &inbox,
        &[
            &format!("{base}/missing.html"),
            &format!("{base}/private/story.html"),
            &format!("{base}/image.png"),
            &format!("{base}/lunch.html"),
            &format!("{base}/moved"),
            "not-a-file-or-url",
        ],
    );
    assert!(!out.status.success());
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains("missing.html: the server answered 404"),
        "{err}"
    );
    assert!(
        err.contains("private/story.html: not fetched: the site's robots.txt"),
        "{err}"
    );
    assert!(
        err.contains("image.png: not a web page (image/png)"),
        "{err}"
    );
    assert!(
        err.contains("not-a-file-or-url: neither a web address"),
        "{err}"
    );
    let files = saved(&inbox);
    assert_eq!(
        files.len(),
        2,
        "the gzipped page and the redirected one: {files:?}"
    );
    let offline = add(&inbox, &["--offline", &format!("{base}/story2.html")]);
    assert!(String::from_utf8_lossy(&offline.stderr).contains("offline"));
}

#[test]
fn a_slow_server_times_out_with_a_clear_error() {
    use sayso::ingest::{Fetch, FetchError, Http, HttpOptions};
    let port = serve();
    let http = Http::new(HttpOptions {
        timeout: Duration::from_millis(800),
        ..HttpOptions::default()
    });
    let url = format!("http://127.0.0.1:{port}/slow.html");
    match http.get(&url) {
        Err(e @ FetchError::Timeout { .. }) => assert!(e.to_string().contains("no answer"), "{e}"),
        other => panic!("{other:?}"),
    }
    let small = Http::new(HttpOptions {
        max_bytes: 100,
        ..HttpOptions::default()
    });
    let big = format!("http://127.0.0.1:{port}/story.html");
    assert!(matches!(small.get(&big), Err(FetchError::TooLarge { .. })));
}
