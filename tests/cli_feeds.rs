//! `sayso feeds update` against a server on 127.0.0.1 the test starts: an RSS feed of 3
//! items (relative links) adds 3 articles and a second run none; an Atom feed works the
//! same; an item whose page is gone is added from the feed's own text.

mod local_http;

use std::path::PathBuf;
use std::process::{Command, Output};

use local_http::{Request, Response};

const BIN: &str = env!("CARGO_BIN_EXE_sayso");

fn story(title: &str, speaker: &str) -> String {
    format!(
        "<html><head><title>{title}</title><meta property=\"og:title\" content=\"{title}\">\
         <meta property=\"og:site_name\" content=\"Local Wire\">\
         <meta property=\"article:published_time\" content=\"2024-03-0{}T08:00:00Z\"></head>\
         <body><nav><a href=\"/\">Home</a> <a href=\"/sport\">Sport</a></nav><article><h1>{title}</h1>\
         <p>“The plan will go ahead next spring, whatever the cost turns out to be,” {speaker} said \
         on Tuesday at a meeting of the regional board, where members argued for two hours.</p>\
         <p>{speaker} added that the board would publish the full figures by the end of the month, \
         and that residents could comment on them at three public hearings.</p></article>\
         <aside class=\"related\"><a href=\"/x\">More stories</a></aside></body></html>",
        title.len() % 9 + 1
    )
}

const RSS: &str = r#"<?xml version="1.0"?><rss version="2.0"><channel><title>Local Wire</title>
<item><title>Bridge plan approved</title><link>/news/bridge.html</link><guid>wire-1</guid></item>
<item><title>Harbour dredging starts</title><link>news/harbour.html</link><guid>wire-2</guid></item>
<item><title>School roof repaired</title><link>/news/gone.html</link><guid>wire-3</guid>
<description>&lt;p&gt;The school roof was repaired over the holidays, the district said on Monday, at a cost the district put at forty thousand dollars.&lt;/p&gt;</description></item>
</channel></rss>"#;

const ATOM: &str = r#"<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom"><title>Port News</title><id>urn:port</id>
<updated>2024-03-02T00:00:00Z</updated>
<entry><title>Ferry fares frozen</title><id>urn:port:1</id><updated>2024-03-02T00:00:00Z</updated>
<link rel="alternate" href="/port/ferry.html"/></entry>
</feed>"#;

/// Serves the feeds and their pages until the test ends; the Atom feed answers 304 to a
/// request that names its ETag.
fn serve() -> u16 {
    local_http::serve(route)
}

fn route(request: &Request) -> Response {
    let html = |title, speaker| Response::ok("text/html", story(title, speaker));
    match request.path.as_str() {
        "/rss.xml" => Response::ok("application/rss+xml", RSS),
        "/atom.xml"
            if request
                .headers
                .iter()
                .any(|h| h == "if-none-match: \"atom-1\"") =>
        {
            Response {
                status: "304 Not Modified",
                headers: "ETag: \"atom-1\"\r\n".into(),
                body: Vec::new(),
            }
        }
        "/atom.xml" => Response {
            status: "200 OK",
            headers: "Content-Type: application/atom+xml\r\nETag: \"atom-1\"\r\n".into(),
            body: ATOM.into(),
        },
        "/news/bridge.html" => html("Bridge plan approved", "Ana Ruiz"),
        "/news/harbour.html" => html("Harbour dredging starts", "Tom Hale"),
        "/port/ferry.html" => html("Ferry fares frozen", "Lia Berg"),
        _ => Response::not_found(),
    }
}

struct Setup {
    dir: tempfile::TempDir,
    config: PathBuf,
}

fn setup(feeds: &[String]) -> Setup {
    let dir = tempfile::tempdir().unwrap();
    let config = dir.path().join("config.toml");
    let inbox = dir.path().join("news");
    std::fs::write(
        &config,
        format!("inbox = {:?}\nfeeds = {feeds:?}\n", inbox.to_string_lossy()),
    )
    .unwrap();
    Setup { dir, config }
}

fn update(s: &Setup) -> Output {
    Command::new(BIN)
        .args(["feeds", "update", "--config"])
        .arg(&s.config)
        .env("XDG_STATE_HOME", s.dir.path().join("state"))
        .output()
        .expect("sayso runs")
}

fn saved(s: &Setup) -> Vec<String> {
    let mut names: Vec<String> = std::fs::read_dir(s.dir.path().join("news"))
        .map(|d| {
            d.map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
                .collect()
        })
        .unwrap_or_default();
    names.sort();
    names
}

#[test]
fn an_rss_feed_of_three_items_adds_three_articles_and_a_second_run_none() {
    let port = serve();
    let s = setup(&[format!("http://127.0.0.1:{port}/rss.xml")]);
    let first = update(&s);
    assert!(
        first.status.success(),
        "{}",
        String::from_utf8_lossy(&first.stderr)
    );
    let names = saved(&s);
    assert_eq!(names.len(), 3, "{names:?}");
    assert!(
        names.iter().any(|n| n.contains("bridge-plan-approved")),
        "{names:?}"
    );
    assert!(
        names.iter().any(|n| n.contains("harbour-dredging")),
        "{names:?}"
    );
    // The page is gone: the feed's own text stands in.
    let roof = names
        .iter()
        .find(|n| n.contains("school-roof"))
        .expect("from the feed");
    let text = std::fs::read_to_string(s.dir.path().join("news").join(roof)).unwrap();
    assert!(text.contains("repaired over the holidays"), "{text}");
    let bridge = names.iter().find(|n| n.contains("bridge")).unwrap();
    let text = std::fs::read_to_string(s.dir.path().join("news").join(bridge)).unwrap();
    assert!(
        text.contains("Ana Ruiz said") && !text.contains("More stories"),
        "{text}"
    );
    assert!(String::from_utf8_lossy(&first.stdout).contains("rss.xml: 3 new"));
    // Each new article is marked unread, by its absolute path.
    let unread =
        std::fs::read_to_string(s.dir.path().join("state/sayso/unread.toml")).unwrap_or_default();
    for name in &names {
        let path = s.dir.path().join("news").join(name);
        assert!(
            unread.contains(&format!("{:?}", path.to_string_lossy())),
            "{name} not in {unread}"
        );
    }

    let second = update(&s);
    assert!(second.status.success());
    assert!(String::from_utf8_lossy(&second.stdout).contains("rss.xml: 0 new"));
    assert_eq!(saved(&s).len(), 3);
}

#[test]
fn an_atom_feed_works_the_same_and_a_broken_state_file_is_named_not_overwritten() {
    let port = serve();
    let s = setup(&[format!("http://127.0.0.1:{port}/atom.xml")]);
    assert!(update(&s).status.success());
    assert_eq!(saved(&s).len(), 1);
    assert!(saved(&s)[0].starts_with("local-wire_"), "{:?}", saved(&s));
    // Asked again with the feed's ETag: the server says not modified.
    let again = update(&s);
    assert!(again.status.success());
    assert!(
        String::from_utf8_lossy(&again.stdout).contains("atom.xml: not changed"),
        "{}",
        String::from_utf8_lossy(&again.stdout)
    );
    assert_eq!(saved(&s).len(), 1, "nothing new");
    let state = s.dir.path().join("state/sayso/feeds.toml");
    std::fs::write(&state, "[feed\nbroken").unwrap();
    let out = update(&s);
    assert!(!out.status.success());
    assert!(String::from_utf8_lossy(&out.stderr).contains("feeds.toml:1:"));
    assert_eq!(std::fs::read_to_string(&state).unwrap(), "[feed\nbroken");
}

#[test]
fn feeds_imported_from_opml_are_read_by_update() {
    let port = serve();
    let s = setup(&[]);
    let opml = s.dir.path().join("subs.opml");
    std::fs::write(
        &opml,
        format!(
            "<?xml version=\"1.0\"?><opml version=\"2.0\"><body><outline text=\"News\">\
             <outline text=\"Wire\" type=\"rss\" xmlUrl=\"http://127.0.0.1:{port}/rss.xml\"/>\
             </outline></body></opml>"
        ),
    )
    .unwrap();
    let none = update(&s);
    assert!(!none.status.success());
    assert!(String::from_utf8_lossy(&none.stderr).contains("no feeds"));
    let import = |s: &Setup| {
        Command::new(BIN)
            .args(["feeds", "import"])
            .arg(&opml)
            .env("XDG_STATE_HOME", s.dir.path().join("state"))
            .output()
            .unwrap()
    };
    let first = import(&s);
    assert!(
        first.status.success(),
        "{}",
        String::from_utf8_lossy(&first.stderr)
    );
    assert!(String::from_utf8_lossy(&first.stdout).starts_with("1 feeds added"));
    assert!(String::from_utf8_lossy(&import(&s).stdout).starts_with("0 feeds added"));
    assert!(update(&s).status.success());
    assert_eq!(saved(&s).len(), 3);
}
