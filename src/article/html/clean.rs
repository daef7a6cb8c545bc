//! Page furniture removed before readability scores the page, by what the page calls it:
//! an element whose `class` or `id` has one of the words sites use for bylines,
//! datelines, captions and credits, newsletter boxes, ads, share bars, related links,
//! comments, author bios and embedded social posts. Words are whole (`byline` in
//! `story-byline`, not `ad` in `shadow` or `header`).

use dom_query::{Document, NodeRef};

/// Deeper pages are read without readability (see [`super::parse`]).
pub const MAX_READABLE_DEPTH: usize = 120;

/// Nesting past which a page's markup is flattened before it is parsed at all: an HTML
/// parser looks through the open elements at each block tag, so a page nested thousands
/// deep takes quadratic time (seconds at 30,000). Real pages nest a few dozen deep.
pub const MAX_PARSED_DEPTH: usize = 400;

/// The page as it is, or — nested deeper than [`MAX_PARSED_DEPTH`] — with every tag
/// replaced by a paragraph break, so it parses in linear time and reads as its text.
/// One pass over the bytes.
pub fn flatten_if_deep(html: &str) -> std::borrow::Cow<'_, str> {
    if nesting(html) <= MAX_PARSED_DEPTH {
        return std::borrow::Cow::Borrowed(html);
    }
    let mut out = String::with_capacity(html.len() + 16);
    out.push_str("<body><p>");
    let mut rest = html;
    while let Some(at) = rest.find('<') {
        out.push_str(rest.get(..at).unwrap_or(""));
        let after = rest.get(at..).unwrap_or("");
        match after.find('>') {
            Some(end) => {
                out.push_str("</p><p>");
                rest = after.get(end + 1..).unwrap_or("");
            }
            None => {
                rest = "";
            }
        }
    }
    out.push_str(rest);
    std::borrow::Cow::Owned(out)
}

/// The deepest nesting of the markup's tags, read from the bytes (closing tags close,
/// void and self-closed ones do not open): linear, no parsing.
fn nesting(html: &str) -> usize {
    const VOID: [&str; 15] = [
        "br", "img", "meta", "link", "input", "hr", "wbr", "source", "area", "base", "col",
        "embed", "param", "track", "!doctype",
    ];
    // Closed by the next of their kind when the page leaves out the end tag (old pages
    // do): they never nest deep.
    const SELF_ENDING: [&str; 8] = ["p", "li", "dt", "dd", "option", "tr", "td", "th"];
    let (mut depth, mut deepest) = (0usize, 0usize);
    let bytes = html.as_bytes();
    let mut i = 0;
    while let Some(off) = bytes.get(i..).and_then(|b| memchr::memchr(b'<', b)) {
        let start = i + off + 1;
        let end = bytes
            .get(start..)
            .and_then(|b| memchr::memchr(b'>', b))
            .map_or(bytes.len(), |e| start + e);
        let tag = bytes.get(start..end).unwrap_or_default();
        i = end.max(start);
        if tag.first() == Some(&b'/') {
            depth = depth.saturating_sub(1);
            continue;
        }
        if tag
            .first()
            .is_none_or(|c| !c.is_ascii_alphabetic() && *c != b'!')
            || tag.last() == Some(&b'/')
            || tag.starts_with(b"!--")
        {
            continue;
        }
        let name_len = tag
            .iter()
            .position(|c| c.is_ascii_whitespace())
            .unwrap_or(tag.len());
        let name =
            String::from_utf8_lossy(tag.get(..name_len).unwrap_or_default()).to_ascii_lowercase();
        if !VOID.contains(&name.as_str()) && !SELF_ENDING.contains(&name.as_str()) {
            depth += 1;
            deepest = deepest.max(depth);
        }
    }
    deepest
}

/// Whole words of a `class` or `id` that mark furniture.
const FURNITURE: [&str; 34] = [
    "byline",
    "dateline",
    "timestamp",
    "caption",
    "credit",
    "credits",
    "newsletter",
    "signup",
    "subscribe",
    "promo",
    "advert",
    "advertisement",
    "ad",
    "ads",
    "adslot",
    "sponsor",
    "sponsored",
    "related",
    "share",
    "sharing",
    "social",
    "comments",
    "comment",
    "listen",
    "republish",
    "bio",
    "twitter",
    "tweet",
    "instagram",
    "tiktok",
    "embed",
    "cookie",
    "consent",
    "paywall",
];

/// Removes the page's furniture (see the module docs) in place.
pub fn strip_boilerplate(doc: &Document) {
    let furniture: Vec<NodeRef> = doc
        .select("body *")
        .nodes()
        .iter()
        .filter(|n| is_furniture(n))
        .cloned()
        .collect();
    for node in furniture {
        node.remove_from_parent();
    }
    // A paragraph that is only a date (`Posted Nov. 21, 2024, 4:20 p.m.`) is a dateline.
    let datelines: Vec<NodeRef> = doc
        .select("body time")
        .nodes()
        .iter()
        .filter_map(|t| {
            let block = t.ancestors_it(Some(3)).find(|a| {
                a.node_name().is_some_and(|n| {
                    matches!(&*n.to_ascii_lowercase(), "p" | "font" | "div" | "span")
                })
            })?;
            let (all, time) = (block.text().chars().count(), t.text().chars().count());
            (all <= time + 12 && all < 80).then_some(block)
        })
        .collect();
    for node in datelines {
        node.remove_from_parent();
    }
}

fn is_furniture(node: &NodeRef) -> bool {
    let words = |attr: &str| {
        node.attr(attr).is_some_and(|v| {
            v.to_ascii_lowercase()
                .split(|c: char| !c.is_ascii_alphanumeric())
                .any(|w| FURNITURE.contains(&w))
        })
    };
    // The article's own container is never furniture, whatever its class says.
    let is_body = node.node_name().is_some_and(|n| {
        matches!(
            &*n.to_ascii_lowercase(),
            "article" | "main" | "body" | "html"
        )
    });
    !is_body && (words("class") || words("id"))
}

/// How deep the page's elements nest, at most.
pub fn depth(doc: &Document) -> usize {
    fn down(node: &NodeRef, d: usize, best: &mut usize) {
        *best = (*best).max(d);
        if d > MAX_READABLE_DEPTH {
            return;
        }
        for child in node.element_children() {
            down(&child, d + 1, best);
        }
    }
    let mut best = 0;
    for root in doc.select("html").nodes() {
        down(root, 0, &mut best);
    }
    best
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn furniture_goes_by_whole_words_and_the_article_stays() {
        let doc = Document::from(
            r#"<body><article class="story share-enabled"><p class="byline">By Ann</p>
            <p>Body text stays.</p><div class="shadow header">kept</div>
            <p class="wp-caption-text">A caption</p><div id="newsletter-box">Sign up</div>
            <blockquote class="twitter-tweet">a tweet</blockquote>
            <p><time datetime="2024-01-02">Jan. 2, 2024</time></p>
            <p>On <time datetime="2024-01-02">Jan. 2</time> the council met and talked for hours.</p>
            </article></body>"#,
        );
        strip_boilerplate(&doc);
        let text = doc.select("body").text().to_string();
        for kept in ["Body text stays.", "kept", "the council met"] {
            assert!(text.contains(kept), "{kept}: {text}");
        }
        for gone in ["By Ann", "A caption", "Sign up", "a tweet", "Jan. 2, 2024"] {
            assert!(!text.contains(gone), "{gone}: {text}");
        }
    }

    #[test]
    fn deep_markup_is_flattened_and_ordinary_markup_is_not() {
        let page = "<html><body><div><p>One <b>two</b><br>three</p><img src=x></div></body></html>";
        assert!(matches!(
            flatten_if_deep(page),
            std::borrow::Cow::Borrowed(_)
        ));
        assert_eq!(nesting(page), 4, "html, body, div, b");
        let deep = "<div>".repeat(MAX_PARSED_DEPTH + 1) + "text &amp; more";
        let flat = flatten_if_deep(&deep);
        assert!(
            flat.ends_with("<p>text &amp; more"),
            "{}",
            &flat[flat.len() - 40..]
        );
        assert_eq!(
            nesting("<div><p>a</p></div>".repeat(1000).as_str()),
            1,
            "siblings do not nest"
        );
        assert_eq!(
            nesting("<p>a".repeat(1000).as_str()),
            0,
            "unclosed paragraphs do not nest"
        );
        assert_eq!(nesting("<a <b"), 1, "an unclosed tag runs to the end");
    }

    #[test]
    fn depth_is_counted() {
        let doc = Document::from("<div><div><p>x</p></div></div>");
        assert!((3..6).contains(&depth(&doc)), "{}", depth(&doc));
        let deep = Document::from("<div>".repeat(500).as_str());
        assert!(depth(&deep) > MAX_READABLE_DEPTH);
    }
}
