//! End to end in tmux, against a feed served on 127.0.0.1: `U` updates the feeds in the
//! background, the new articles come into the library marked unread (`● `, `N unread`),
//! `is:unread` lists them, reading one marks it read, `m` marks it unread again, and the
//! marks are there after a restart.

mod e2e;
mod local_http;

use e2e::{BIN, Tmux, shell_quote, temp_dir, tmux_available};
use local_http::{Request, Response};

const RSS: &str = r#"<?xml version="1.0"?><rss version="2.0"><channel><title>Valley Post</title>
<item><title>Dam repairs begin</title><link>/dam.html</link><guid>vp-1</guid></item>
<item><title>Library hours extended</title><link>/library.html</link><guid>vp-2</guid></item>
<item><title>Orchard harvest up</title><link>/orchard.html</link><guid>vp-3</guid></item>
</channel></rss>"#;

fn page(title: &str, speaker: &str) -> String {
    format!(
        "<html><head><title>{title}</title><meta property=\"og:title\" content=\"{title}\">\
         <meta property=\"og:site_name\" content=\"Valley Post\"></head><body>\
         <nav><a href=\"/\">Front page</a></nav><article><h1>{title}</h1>\
         <p>“Work starts on Monday and should be over before the winter,” {speaker} said at \
         the county offices, where a crowd of residents had gathered to hear the plans.</p>\
         <p>{speaker} said the county had set aside two million dollars for it.</p>\
         </article></body></html>"
    )
}

fn route(request: &Request) -> Response {
    let html = |title, speaker| Response::ok("text/html", page(title, speaker));
    match request.path.as_str() {
        "/rss.xml" => Response::ok("application/rss+xml", RSS),
        "/dam.html" => html("Dam repairs begin", "Rosa Lind"),
        "/library.html" => html("Library hours extended", "Omar Best"),
        "/orchard.html" => html("Orchard harvest up", "Kit Moreau"),
        _ => Response::not_found(),
    }
}

#[test]
fn u_brings_new_articles_in_unread_and_reading_one_marks_it_read() {
    if !tmux_available() {
        eprintln!("SKIPPED e2e_feeds: tmux is not installed (apt-get install tmux)");
        return;
    }
    let port = local_http::serve(route);
    let dir = temp_dir("feeds");
    let news = dir.join("news");
    std::fs::create_dir_all(&news).unwrap();
    std::fs::write(
        news.join("old.txt"),
        "Harbour fees rise\n\n\"We had no choice,\" said Ann Vole.\n",
    )
    .unwrap();
    let config = dir.join("config.toml");
    std::fs::write(
        &config,
        format!(
            "mouse = false\nlibrary = [{news:?}]\ninbox = {news:?}\nfeeds = [\"http://127.0.0.1:{port}/rss.xml\"]\n",
            news = news.to_string_lossy()
        ),
    )
    .unwrap();
    let state = dir.join("state");
    let command = format!(
        "XDG_STATE_HOME={} {BIN} --config {} --data-dir {}",
        shell_quote(&state),
        shell_quote(&config),
        shell_quote(&dir.join("data"))
    );
    let tmux = Tmux::start("feeds", &command);
    tmux.wait_for("Library 1/1");
    tmux.keys(&["U"]);
    let screen = tmux.wait_for("feeds updated: 3 new articles from 1 feed");
    assert!(
        screen.contains("Library 4/4 · by date · 3 unread"),
        "{screen}"
    );
    for title in [
        "Dam repairs begin",
        "Library hours extended",
        "Orchard harvest up",
    ] {
        assert!(screen.contains(&format!("● {title}")), "{title}: {screen}");
    }
    assert!(!screen.contains("● Harbour fees rise"), "{screen}");
    assert!(
        !screen.contains("does not open"),
        "the inbox is in the library: {screen}"
    );
    // They are extracted as any article is: their counts come in.
    assert!(
        tmux.until(20, |t| !t.screen().contains("…   …")),
        "{}",
        tmux.screen()
    );
    tmux.keys(&["/"]);
    tmux.keys(&["is:unread", "Enter"]);
    tmux.wait_for("Library 3/4");
    // Reading the selected one marks it read.
    tmux.keys(&["Enter"]);
    tmux.wait_for(" READER ");
    tmux.wait_for("2 unread");
    // `m` in the reader: unread again, and it stays so while it is read.
    tmux.keys(&["m"]);
    tmux.wait_for("marked unread");
    tmux.wait_for("3 unread");
    tmux.keys(&["q"]);
    tmux.wait_for(" LIBRARY ");
    tmux.keys(&["m"]);
    tmux.wait_for("2 unread");
    tmux.quit();
    let marks = std::fs::read_to_string(state.join("sayso/unread.toml")).unwrap();
    assert_eq!(marks.matches(".md\"").count(), 2, "{marks}");

    let again = Tmux::start("feeds-again", &command);
    // The session comes back with its filter: the two unread.
    let screen = again.wait_for("Library 2/4 · by date · 2 unread · /is:unread");
    assert_eq!(screen.matches("● ").count(), 2, "{screen}");
    // A second update finds nothing new.
    again.keys(&["U"]);
    again.wait_for("feeds updated: 0 new articles from 1 feed");
    again.quit();
}
