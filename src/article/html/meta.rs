//! What a news page says about itself: headline, date, author, outlet and canonical
//! address, from Open Graph and `article:` tags, JSON-LD `NewsArticle` objects, `<time>`,
//! `<link rel=canonical>` and `<title>`, in that order of trust.

use dom_query::Document;
use serde_json::Value;

/// A page's own metadata; `None` where it says nothing.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct PageMeta {
    pub title: Option<String>,
    /// The page's first `<h1>` (or its `<title>`): the headline when nothing better says.
    pub heading: Option<String>,
    /// `YYYY-MM-DD`.
    pub date: Option<String>,
    pub author: Option<String>,
    pub outlet: Option<String>,
    pub url: Option<String>,
    /// JSON-LD `articleBody`: the text of a page whose body the browser builds by script
    /// (the markup then holds little of it). Line breaks kept.
    pub body: Option<String>,
}

pub fn read(doc: &Document) -> PageMeta {
    let meta = |key: &str| -> Option<String> {
        ["property", "name", "itemprop"].iter().find_map(|attr| {
            let sel = doc.select(&format!("meta[{attr}=\"{key}\"]"));
            sel.attr("content")
                .map(|v| clean(&v))
                .filter(|v| !v.is_empty())
        })
    };
    let ld = json_ld_articles(doc);
    let ld_str = |key: &str| ld.iter().find_map(|a| a.get(key).and_then(name_of));
    let title = meta("og:title")
        .or_else(|| ld_str("headline"))
        .or_else(|| meta("twitter:title"));
    let heading = text_of(doc, "h1").or_else(|| text_of(doc, "title"));
    let date = meta("article:published_time")
        .or_else(|| ld_str("datePublished"))
        .or_else(|| {
            doc.select("time[datetime]")
                .attr("datetime")
                .map(|v| v.to_string())
        })
        .or_else(|| meta("date"))
        .or_else(|| meta("pubdate"))
        .or_else(|| meta("dc.date"))
        .and_then(|d| iso_day(&d));
    let author = meta("author")
        .or_else(|| meta("article:author").filter(|a| !a.starts_with("http")))
        .or_else(|| ld_str("author"));
    let title_tag = text_of(doc, "title");
    let outlet = meta("og:site_name")
        .or_else(|| ld_str("publisher"))
        .or_else(|| {
            let tag = title_tag.as_deref()?;
            let headline = title.as_deref().or(heading.as_deref())?;
            site_suffix(tag, headline)
        });
    let url = doc
        .select("link[rel=\"canonical\"]")
        .attr("href")
        .map(|v| v.trim().to_owned())
        .filter(|v| !v.is_empty())
        .or_else(|| meta("og:url"));
    let body = ld
        .iter()
        .filter_map(|a| a.get("articleBody").and_then(Value::as_str))
        .map(str::trim)
        .find(|b| !b.is_empty())
        .map(str::to_owned);
    PageMeta {
        title,
        heading,
        date,
        author,
        outlet,
        url,
        body,
    }
}

/// The first element matching `sel`, as one line of text.
fn text_of(doc: &Document, sel: &str) -> Option<String> {
    let s = doc.select(sel);
    let first = s.nodes().first()?;
    Some(clean(&first.text())).filter(|t| !t.is_empty())
}

fn clean(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// The JSON-LD objects of the page that are articles (`NewsArticle`, `Article`,
/// `ReportageNewsArticle`, …), including those inside `@graph` lists.
fn json_ld_articles(doc: &Document) -> Vec<Value> {
    let mut out = Vec::new();
    for node in doc.select("script[type=\"application/ld+json\"]").nodes() {
        let Ok(value) = serde_json::from_str::<Value>(node.text().trim()) else {
            continue;
        };
        collect_articles(&value, &mut out, 0);
    }
    out
}

fn collect_articles(v: &Value, out: &mut Vec<Value>, depth: usize) {
    if depth > 4 {
        return;
    }
    match v {
        Value::Array(items) => items
            .iter()
            .for_each(|i| collect_articles(i, out, depth + 1)),
        Value::Object(map) => {
            let is_article = |t: &Value| t.as_str().is_some_and(|t| t.ends_with("Article"));
            let typed = map.get("@type").is_some_and(|t| match t {
                Value::Array(ts) => ts.iter().any(is_article),
                t => is_article(t),
            });
            if typed {
                out.push(v.clone());
            }
            if let Some(graph) = map.get("@graph") {
                collect_articles(graph, out, depth + 1);
            }
        }
        _ => {}
    }
}

/// A JSON-LD value as a name: a string, an object's `name`, the first of a list.
fn name_of(v: &Value) -> Option<String> {
    match v {
        Value::String(s) => Some(clean(s)).filter(|s| !s.is_empty()),
        Value::Object(map) => map.get("name").and_then(name_of),
        Value::Array(items) => items.iter().find_map(name_of),
        _ => None,
    }
}

/// The site's name a `<title>` adds after the headline (`Headline - Site`, `Headline |
/// Site`, `Headline — Site`).
fn site_suffix(title_tag: &str, headline: &str) -> Option<String> {
    let rest = title_tag.strip_prefix(headline)?.trim_start();
    let site = ["-", "|", "—", "–", "·", ":"]
        .iter()
        .find_map(|sep| rest.strip_prefix(sep))?
        .trim();
    (!site.is_empty() && site.len() <= 60).then(|| site.to_owned())
}

/// `2024-05-02T10:00:00+02:00` → `2024-05-02` (the day as the page wrote it).
fn iso_day(s: &str) -> Option<String> {
    let day = s.trim().get(..10)?;
    let b = day.as_bytes();
    let digits =
        |r: std::ops::Range<usize>| b.get(r).is_some_and(|d| d.iter().all(u8::is_ascii_digit));
    let ok = digits(0..4)
        && b.get(4) == Some(&b'-')
        && digits(5..7)
        && b.get(7) == Some(&b'-')
        && digits(8..10);
    ok.then(|| day.to_owned())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn open_graph_first_then_json_ld_then_the_page() {
        let html = r#"<html><head><title>Fallback | Site</title>
            <meta property="og:title" content=" Council  backs budget ">
            <meta property="og:site_name" content="The Herald">
            <meta property="article:published_time" content="2024-05-02T10:00:00+02:00">
            <meta name="author" content="Ann Lee">
            <link rel="canonical" href="https://herald.example/council">
            </head><body><h1>Other</h1></body></html>"#;
        let m = read(&Document::from(html));
        assert_eq!(m.title.as_deref(), Some("Council backs budget"));
        assert_eq!(m.outlet.as_deref(), Some("The Herald"));
        assert_eq!(m.date.as_deref(), Some("2024-05-02"));
        assert_eq!(m.author.as_deref(), Some("Ann Lee"));
        assert_eq!(m.url.as_deref(), Some("https://herald.example/council"));
    }

    #[test]
    fn json_ld_in_a_graph_and_time_elements() {
        let html = r#"<html><head><script type="application/ld+json">
            {"@context":"https://schema.org","@graph":[{"@type":"WebPage"},
             {"@type":["NewsArticle"],"headline":"Harbour strike ends","datePublished":"2023-11-30",
              "author":[{"@type":"Person","name":"Bo Chen"}],"publisher":{"name":"Port Daily"}}]}
            </script></head><body><time datetime="2020-01-01">x</time></body></html>"#;
        let m = read(&Document::from(html));
        assert_eq!(m.title.as_deref(), Some("Harbour strike ends"));
        assert_eq!(m.date.as_deref(), Some("2023-11-30"));
        assert_eq!(m.author.as_deref(), Some("Bo Chen"));
        assert_eq!(m.outlet.as_deref(), Some("Port Daily"));
        let bare = read(&Document::from(
            "<title>Only a title</title><time datetime='2021-06-07T08:00'>June</time>",
        ));
        assert_eq!(bare.heading.as_deref(), Some("Only a title"));
        assert_eq!(bare.date.as_deref(), Some("2021-06-07"));
        assert_eq!(read(&Document::from("<p>nothing</p>")), PageMeta::default());
    }

    #[test]
    fn the_title_tag_names_the_site_after_the_headline() {
        let html = "<title>Free lunch for all - Valley Courier</title><h1>Free lunch for all</h1>";
        assert_eq!(
            read(&Document::from(html)).outlet.as_deref(),
            Some("Valley Courier")
        );
        assert_eq!(
            site_suffix("Budget | The Herald", "Budget").as_deref(),
            Some("The Herald")
        );
        assert_eq!(site_suffix("Budget talks", "Budget"), None);
    }

    #[test]
    fn broken_json_ld_and_odd_dates_are_ignored() {
        let html = r#"<script type="application/ld+json">{not json</script>
            <meta property="article:published_time" content="yesterday">"#;
        assert_eq!(read(&Document::from(html)).date, None);
        assert_eq!(iso_day("2024-13"), None);
        assert_eq!(iso_day("२०२४-०५-०२"), None);
    }
}
