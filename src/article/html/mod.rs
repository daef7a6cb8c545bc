//! Web pages as articles: the page's bytes decoded ([`charset`]), its main content found
//! by readability's scoring (the `dom_smoothie` crate, a port of Firefox's Reader View;
//! chosen by measurement, see the README) and turned into blocks of text — headline,
//! paragraphs, subheadings, block quotes, list items; no navigation, ads, related links,
//! captions or comments — and its metadata read from the page ([`meta`]).
//!
//! The article's text is that extracted text, so annotations and offsets refer to it;
//! a newer extractor that reads a page differently changes the text, and annotations
//! re-anchor as on an edited article.

pub mod charset;
mod clean;
pub mod meta;

use std::path::Path;

use dom_query::{Document, NodeRef};

use super::{Article, LoadProblem};

/// Most bytes a gzipped page may inflate to.
const MAX_INFLATED: u64 = super::MAX_ARTICLE_BYTES;

/// One block of an article's body.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Block {
    Heading(String),
    Paragraph(String),
    /// A quotation set off in the body (a pull quote, a quoted letter).
    Quote(String),
    /// One item of a list.
    Item(String),
}

/// A page read as an article.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct HtmlPage {
    pub title: Option<String>,
    /// `YYYY-MM-DD`.
    pub date: Option<String>,
    pub author: Option<String>,
    pub outlet: Option<String>,
    /// The page's canonical address, else the one it was fetched from.
    pub url: Option<String>,
    pub blocks: Vec<Block>,
}

impl HtmlPage {
    /// Whether the page had any article text.
    pub fn is_empty(&self) -> bool {
        self.blocks.is_empty()
    }

    /// The article as plain text: the headline, then each block as a paragraph (list
    /// items one per line); what the reader shows and the engine reads.
    pub fn text(&self) -> String {
        let mut out = String::new();
        if let Some(title) = &self.title {
            out.push_str(title);
            out.push_str("\n\n");
        }
        self.write_blocks(&mut out, false);
        out
    }

    /// The body as Markdown (`## ` subheadings, `> ` quotes, `- ` items), headline first
    /// as `# `: what `sayso add` saves.
    pub fn markdown_body(&self) -> String {
        let mut out = String::new();
        if let Some(title) = &self.title {
            out.push_str(&format!("# {title}\n\n"));
        }
        self.write_blocks(&mut out, true);
        out
    }

    fn write_blocks(&self, out: &mut String, markdown: bool) {
        let mut previous_item = false;
        for block in &self.blocks {
            let is_item = matches!(block, Block::Item(_));
            let starts_block = out.is_empty() || out.ends_with("\n\n");
            let continues_list = is_item && previous_item;
            if !(starts_block || continues_list) {
                out.push('\n');
            }
            let (mark, text) = match block {
                Block::Heading(t) => (if markdown { "## " } else { "" }, t),
                Block::Paragraph(t) => ("", t),
                Block::Quote(t) => (if markdown { "> " } else { "" }, t),
                Block::Item(t) => (if markdown { "- " } else { "• " }, t),
            };
            for (i, line) in text.lines().enumerate() {
                // A line break inside a quote stays inside it.
                let mark = if i == 0 || matches!(block, Block::Quote(_)) {
                    mark
                } else {
                    ""
                };
                out.push_str(mark);
                out.push_str(line);
                out.push('\n');
            }
            if !is_item {
                out.push('\n');
            }
            previous_item = is_item;
        }
        while out.ends_with("\n\n") {
            out.pop();
        }
    }
}

/// Whether `path` names a web page sayso reads: `.html`, `.htm`, `.xhtml`, or one of
/// those gzipped (`.html.gz`).
pub fn is_html(path: &Path) -> bool {
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().to_ascii_lowercase())
        .unwrap_or_default();
    let name = name.strip_suffix(".gz").unwrap_or(&name);
    [".html", ".htm", ".xhtml"]
        .iter()
        .any(|ext| name.ends_with(ext))
}

/// Reads a page: `bytes` as served or saved (gzip allowed), the server's `Content-Type`
/// if known, and the address it came from (for relative links).
pub fn parse(bytes: &[u8], content_type: Option<&str>, url: Option<&str>) -> HtmlPage {
    let inflated = bytes
        .starts_with(&[0x1f, 0x8b])
        .then(|| charset::gunzip(bytes, MAX_INFLATED))
        .flatten();
    let bytes = inflated.as_deref().unwrap_or(bytes);
    let (html, _) = charset::decode(bytes, content_type);
    let html = clean::flatten_if_deep(&html);
    let doc = Document::from(html.as_ref());
    let page_meta = meta::read(&doc);
    clean::strip_boilerplate(&doc);
    let config = dom_smoothie::Config {
        max_elements_to_parse: 0,
        ..dom_smoothie::Config::default()
    };
    // Readability's scoring slows down steeply with nesting depth (seconds at a thousand
    // levels): a page nested deeper than any real one is read paragraph by paragraph.
    let readable = (clean::depth(&doc) <= clean::MAX_READABLE_DEPTH)
        .then(|| {
            let cleaned = doc.html();
            dom_smoothie::Readability::new(cleaned.as_ref(), url, Some(config))
                .ok()
                .and_then(|mut r| r.parse().ok())
        })
        .flatten();
    let blocks = match &readable {
        Some(article) => blocks_of(&Document::from(article.content.as_ref())),
        None => Vec::new(),
    };
    // Nothing readable: every paragraph of the page rather than nothing.
    let blocks = match blocks.is_empty() {
        true => paragraphs_of(&doc),
        false => blocks,
    };
    let blocks = match page_meta.body.as_deref() {
        // The markup holds less than half of it: the page is built by script (or what
        // was found is not the article), and the page's own account of its text wins.
        Some(body) if words(body) > 2 * blocks.iter().map(block_words).sum::<usize>() + 30 => {
            body_blocks(body)
        }
        _ => blocks,
    };
    let from_readability = |f: fn(&dom_smoothie::Article) -> Option<String>| {
        readable
            .as_ref()
            .and_then(f)
            .filter(|s| !s.trim().is_empty())
    };
    let mut page = HtmlPage {
        title: page_meta
            .title
            .or_else(|| from_readability(|a| Some(a.title.clone())))
            .or(page_meta.heading),
        date: page_meta.date.or_else(|| {
            from_readability(|a| a.published_time.clone())
                .and_then(|d| d.get(..10).map(str::to_owned))
        }),
        author: page_meta
            .author
            .or_else(|| from_readability(|a| a.byline.clone())),
        outlet: page_meta
            .outlet
            .or_else(|| from_readability(|a| a.site_name.clone())),
        url: page_meta.url.or_else(|| url.map(str::to_owned)),
        blocks,
    };
    // The headline once: not again as the body's first block.
    if let (Some(title), Some(Block::Heading(first) | Block::Paragraph(first))) =
        (&page.title, page.blocks.first())
        && first.trim() == title.trim()
    {
        page.blocks.remove(0);
    }
    page
}

/// The article at `path` from its bytes: the page's text and metadata (the file name and
/// folders fill in what the page does not say).
pub fn article(path: &Path, bytes: &[u8]) -> Result<Article, LoadProblem> {
    let page = parse(bytes, None, None);
    let mut article = Article::from_text(path, page.text());
    if let Some(title) = page.title {
        article.title = title;
    }
    if page.date.is_some() {
        article.date = page.date;
    }
    if page.outlet.is_some() {
        article.source = page.outlet;
    }
    if page.blocks.is_empty() {
        article
            .warnings
            .push("no article text found on the page".to_owned());
    }
    Ok(article)
}

/// Elements whose text is never article text.
const SKIPPED: [&str; 14] = [
    "script",
    "style",
    "noscript",
    "nav",
    "aside",
    "footer",
    "form",
    "button",
    "figure",
    "figcaption",
    "iframe",
    "svg",
    "template",
    "select",
];

/// Elements that are one block each.
fn leaf_block(name: &str) -> Option<fn(String) -> Block> {
    match name {
        "p" | "pre" | "dd" | "dt" => Some(Block::Paragraph),
        "h1" | "h2" | "h3" | "h4" | "h5" | "h6" => Some(Block::Heading),
        "li" => Some(Block::Item),
        _ => None,
    }
}

/// The blocks of cleaned article HTML, in document order.
fn blocks_of(doc: &Document) -> Vec<Block> {
    let mut out = Vec::new();
    for root in doc.select("body").nodes() {
        walk(root, false, &mut out, 0);
    }
    out
}

fn walk(node: &NodeRef, in_quote: bool, out: &mut Vec<Block>, depth: usize) {
    // Deeply nested markup is flattened past this depth: no stack overflow on any page.
    if depth > 200 {
        push_text(out, text_of(node), in_quote, Block::Paragraph);
        return;
    }
    let mut loose = String::new();
    for child in node.children() {
        if child.is_text() {
            loose.push_str(&child.text());
            continue;
        }
        let Some(name) = child.node_name() else {
            continue;
        };
        let name = name.to_ascii_lowercase();
        if name == "br" {
            loose.push('\n');
            continue;
        }
        if SKIPPED.contains(&name.as_str()) {
            continue;
        }
        let block = leaf_block(&name);
        let is_inline = block.is_none() && is_inline(&name);
        if is_inline {
            loose.push_str(&text_of(&child));
            continue;
        }
        push_text(out, std::mem::take(&mut loose), in_quote, Block::Paragraph);
        match block {
            Some(make) => {
                let text = text_of(&child);
                if !(matches!(name.as_str(), "p" | "li") && is_link_line(&child, &text)) {
                    push_text(out, text, in_quote, make);
                }
            }
            None => walk(&child, in_quote || name == "blockquote", out, depth + 1),
        }
    }
    push_text(out, loose, in_quote, Block::Paragraph);
}

fn is_placeholder(text: &str) -> bool {
    text.len() <= 40 && {
        let bare = text
            .trim_matches(|c: char| !c.is_alphanumeric())
            .to_lowercase();
        PLACEHOLDERS.contains(&bare.as_str())
    }
}

/// Longest paragraph read as a pointer elsewhere when it is mostly a link.
const LINK_LINE_WORDS: usize = 16;

/// A short paragraph that is mostly one link (`RELATED: House leaders eye a vote`, `CLICK
/// HERE TO GET THE APP`, `WATCH: Farmers react`, `Read the full transcript`): a pointer to
/// another page, not the article's text. One that quotes someone is kept.
fn is_link_line(p: &NodeRef, text: &str) -> bool {
    let all = words(text);
    if all == 0 || all > LINK_LINE_WORDS || text.contains(['"', '“', '”']) {
        return false;
    }
    let linked: usize = p
        .descendants_it()
        .filter(|n| n.node_name().is_some_and(|t| t.eq_ignore_ascii_case("a")))
        .map(|a| words(&text_of(&a)))
        .sum();
    linked * 10 >= all * 7
}

fn is_inline(name: &str) -> bool {
    matches!(
        name,
        "a" | "em"
            | "strong"
            | "b"
            | "i"
            | "u"
            | "span"
            | "small"
            | "sub"
            | "sup"
            | "abbr"
            | "cite"
            | "q"
            | "mark"
            | "time"
            | "code"
            | "s"
            | "del"
            | "ins"
            | "font"
            | "wbr"
            | "bdi"
            | "bdo"
            | "data"
            | "dfn"
            | "kbd"
            | "var"
            | "samp"
            | "label"
    )
}

/// What sites print between an article's paragraphs where an ad or a widget goes.
const PLACEHOLDERS: &[&str] = &[
    "advertisement",
    "advertising",
    "skip advertisement",
    "continue reading the main story",
    "story continues below advertisement",
    "article continues below advertisement",
    "article continues below",
    "story continues below",
    "continue reading below",
    "scroll to continue with content",
];

fn push_text(out: &mut Vec<Block>, text: String, in_quote: bool, make: fn(String) -> Block) {
    let text = tidy(&text);
    if text.is_empty() || is_placeholder(&text) {
        return;
    }
    let block = make(text);
    out.push(match (in_quote, block) {
        (true, Block::Paragraph(t)) => Block::Quote(t),
        (_, b) => b,
    });
}

/// An element's text, `<br>` as a line break, skipped elements left out.
fn text_of(node: &NodeRef) -> String {
    let mut out = String::new();
    collect_text(node, &mut out, 0);
    out
}

fn collect_text(node: &NodeRef, out: &mut String, depth: usize) {
    for child in node.children() {
        if child.is_text() {
            out.push_str(&child.text());
        } else if let Some(name) = child.node_name() {
            let name = name.to_ascii_lowercase();
            if name == "br" {
                out.push('\n');
            } else if !SKIPPED.contains(&name.as_str()) && depth < 200 {
                collect_text(&child, out, depth + 1);
            }
        }
    }
}

/// Whitespace runs as one space within each line; blank lines and edges dropped.
fn tidy(text: &str) -> String {
    text.lines()
        .map(|l| l.split_whitespace().collect::<Vec<_>>().join(" "))
        .filter(|l| !l.is_empty())
        .collect::<Vec<_>>()
        .join("\n")
}

/// Every `<p>` of the page, for pages readability cannot read.
fn words(text: &str) -> usize {
    text.split_whitespace().count()
}

fn block_words(block: &Block) -> usize {
    match block {
        Block::Heading(t) | Block::Paragraph(t) | Block::Quote(t) | Block::Item(t) => words(t),
    }
}

/// The page's JSON-LD `articleBody` as blocks: its lines as paragraphs, or, when it holds
/// markup (some sites put HTML there), that markup's blocks.
fn body_blocks(body: &str) -> Vec<Block> {
    if body.contains("</p>") || body.contains("<br") {
        let doc = Document::from(format!("<html><body>{body}</body></html>"));
        return blocks_of(&doc);
    }
    let mut out = Vec::new();
    for line in body.lines() {
        push_text(&mut out, line.to_owned(), false, Block::Paragraph);
    }
    out
}

fn paragraphs_of(doc: &Document) -> Vec<Block> {
    let mut out = Vec::new();
    for p in doc.select("body p").nodes() {
        push_text(&mut out, text_of(p), false, Block::Paragraph);
    }
    out
}

#[cfg(test)]
#[path = "tests.rs"]
mod tests;
