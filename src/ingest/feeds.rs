//! Feeds: RSS 2.0, Atom and JSON Feed read with `feed-rs` (relative links resolved against
//! the feed's address), and what sayso has seen of each feed, kept in the state dir so a
//! second update adds only what is new.

use std::collections::BTreeMap;
use std::path::Path;

use serde::{Deserialize, Serialize};

/// One item of a feed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FeedItem {
    /// The feed's id for it (its `guid`, Atom `id`, or one made from its content).
    pub id: String,
    /// The article's page.
    pub link: Option<String>,
    pub title: Option<String>,
    /// Its HTML body or summary as the feed carries it.
    pub content: Option<String>,
}

/// The items of the feed in `bytes`, newest as the feed orders them; `base`: the feed's
/// own address, for relative links.
pub fn read_feed(bytes: &[u8], base: Option<&str>) -> Result<Vec<FeedItem>, String> {
    let feed = feed_rs::parser::Builder::new()
        .base_uri(base)
        .build()
        .parse(bytes)
        .map_err(|e| format!("not a feed sayso can read (RSS, Atom, JSON Feed): {e}"))?;
    Ok(feed
        .entries
        .into_iter()
        .map(|e| {
            let link = e
                .links
                .iter()
                .find(|l| l.rel.as_deref().is_none_or(|r| r == "alternate"))
                .or(e.links.first())
                .map(|l| l.href.trim().to_owned())
                .filter(|l| !l.is_empty());
            let content = e
                .content
                .and_then(|c| c.body)
                .or(e.summary.map(|s| s.content))
                .filter(|c| !c.trim().is_empty());
            FeedItem {
                id: e.id,
                link,
                title: e.title.map(|t| t.content.trim().to_owned()),
                content,
            }
        })
        .collect())
}

/// The feed addresses an OPML file lists (every `<outline xmlUrl=…>`, nested or not).
pub fn opml_feeds(text: &str) -> Vec<String> {
    let doc = dom_query::Document::from(text);
    let mut out: Vec<String> = Vec::new();
    for node in doc.select("outline").nodes() {
        // The HTML parser lowercases attribute names.
        if let Some(url) = node.attr("xmlurl").map(|u| u.trim().to_owned())
            && !url.is_empty()
            && !out.contains(&url)
        {
            out.push(url);
        }
    }
    out
}

/// What sayso has seen of each feed, by the feed's address or path.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Seen {
    /// Feeds subscribed to with `sayso feeds import` (beside the config's `feeds`).
    #[serde(default)]
    pub subscribed: Vec<String>,
    #[serde(default)]
    pub feed: BTreeMap<String, FeedSeen>,
}

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct FeedSeen {
    /// Ids of the items added (or found in the library already).
    #[serde(default)]
    pub items: Vec<String>,
    /// When the feed was last read (RFC 3339).
    #[serde(default)]
    pub checked: String,
    /// The feed's `ETag` and `Last-Modified` when last read: the next update asks only for
    /// a newer version.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub etag: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub last_modified: Option<String>,
}

/// Most item ids kept per feed: the oldest go first (a feed lists its last few dozen).
pub const SEEN_PER_FEED: usize = 5_000;

impl Seen {
    /// The state file at `path`: empty when there is none; an error naming the file, line
    /// and column when it does not parse (it is then left as it is).
    pub fn load(path: &Path) -> Result<Seen, String> {
        let text = match std::fs::read_to_string(path) {
            Ok(text) => text,
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(Seen::default()),
            Err(e) => return Err(format!("cannot read {}: {e}", path.display())),
        };
        toml::from_str(&text).map_err(|e| {
            let (line, column) =
                crate::annotate::format::line_column(&text, e.span().map_or(0, |s| s.start));
            format!(
                "{}:{line}:{column}: {} (left as it is; fix or remove it)",
                path.display(),
                e.message()
            )
        })
    }

    pub fn has(&self, feed: &str, item: &str) -> bool {
        self.feed
            .get(feed)
            .is_some_and(|f| f.items.iter().any(|i| i == item))
    }

    pub fn add(&mut self, feed: &str, item: &str) {
        let f = self.feed.entry(feed.to_owned()).or_default();
        if !f.items.iter().any(|i| i == item) {
            f.items.push(item.to_owned());
        }
        if f.items.len() > SEEN_PER_FEED {
            let extra = f.items.len() - SEEN_PER_FEED;
            f.items.drain(..extra);
        }
    }

    pub fn render(&self) -> Result<String, toml::ser::Error> {
        Ok(format!(
            "# What `sayso feeds update` has added from each feed (item ids).\n{}",
            toml::to_string(self)?
        ))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const RSS: &str = r#"<?xml version="1.0"?><rss version="2.0"><channel><title>Herald</title>
        <item><title>One</title><link>/news/one.html</link><guid>g1</guid>
        <description>&lt;p&gt;Summary one.&lt;/p&gt;</description></item>
        <item><title>Two</title><link>https://other.example/two</link><guid>g2</guid></item>
        </channel></rss>"#;

    const ATOM: &str = r#"<?xml version="1.0" encoding="utf-8"?>
        <feed xmlns="http://www.w3.org/2005/Atom"><title>Port</title><id>urn:p</id>
        <updated>2024-01-01T00:00:00Z</updated>
        <entry><title>Three</title><id>urn:3</id><updated>2024-01-01T00:00:00Z</updated>
        <link rel="alternate" href="three.html"/><content type="html">&lt;p&gt;Full text.&lt;/p&gt;</content></entry>
        </feed>"#;

    #[test]
    fn rss_and_atom_items_with_links_made_absolute() {
        let items = read_feed(RSS.as_bytes(), Some("http://127.0.0.1:8/feed.xml")).unwrap();
        assert_eq!(items.len(), 2);
        assert_eq!(items[0].id, "g1");
        assert_eq!(
            items[0].link.as_deref(),
            Some("http://127.0.0.1:8/news/one.html")
        );
        assert_eq!(items[0].content.as_deref(), Some("<p>Summary one.</p>"));
        assert_eq!(items[1].link.as_deref(), Some("https://other.example/two"));
        let atom = read_feed(ATOM.as_bytes(), Some("http://127.0.0.1:8/feeds/atom.xml")).unwrap();
        assert_eq!(
            atom[0].link.as_deref(),
            Some("http://127.0.0.1:8/feeds/three.html")
        );
        assert_eq!(atom[0].content.as_deref(), Some("<p>Full text.</p>"));
        assert!(read_feed(b"<html>not a feed</html>", None).is_err());
    }

    #[test]
    fn opml_lists_its_feeds_once() {
        let opml = r#"<?xml version="1.0"?><opml version="2.0"><head><title>Mine</title></head>
            <body><outline text="News"><outline text="Herald" type="rss" xmlUrl="https://h.example/rss"/>
            <outline text="Port" xmlUrl=" https://p.example/atom.xml "/></outline>
            <outline text="Herald again" xmlUrl="https://h.example/rss"/><outline text="folder"/></body></opml>"#;
        assert_eq!(
            opml_feeds(opml),
            ["https://h.example/rss", "https://p.example/atom.xml"]
        );
        assert!(opml_feeds("not xml at all").is_empty());
    }

    #[test]
    fn seen_items_round_trip_and_a_broken_file_is_an_error_naming_it() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("feeds.toml");
        let mut seen = Seen::load(&path).unwrap();
        seen.add("http://a/feed", "g1");
        seen.add("http://a/feed", "g1");
        std::fs::write(&path, seen.render().unwrap()).unwrap();
        let back = Seen::load(&path).unwrap();
        assert!(back.has("http://a/feed", "g1") && !back.has("http://a/feed", "g2"));
        assert_eq!(back.feed["http://a/feed"].items.len(), 1);
        std::fs::write(&path, "[feed\nbroken").unwrap();
        let err = Seen::load(&path).unwrap_err();
        assert!(err.contains("feeds.toml:1:"), "{err}");
    }
}
