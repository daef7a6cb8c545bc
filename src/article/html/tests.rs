use super::*;

const PAGE: &str = r#"<!doctype html><html><head>
<meta charset="utf-8"><title>Council backs budget | The Herald</title>
<meta property="og:title" content="Council backs budget">
<meta property="og:site_name" content="The Herald">
<meta property="article:published_time" content="2024-05-02T09:00:00Z">
<link rel="canonical" href="https://herald.example/council-budget">
</head><body>
<div class="cookie-banner">We use cookies. <button>Accept</button></div>
<nav><ul><li><a href="/">Home</a></li><li><a href="/city">City</a></li><li><a href="/sport">Sport</a></li></ul></nav>
<header><a href="/">The Herald</a></header>
<main><article>
<h1>Council backs budget</h1>
<p class="byline">By Ann Lee</p>
<div class="story-body">
<p>The city council approved a $4.2&nbsp;million budget on Tuesday after a long debate that ran late into the evening, with members of the public filling the chamber.</p>
<figure><img src="a.jpg"><figcaption>The council chamber on Tuesday. Photo: J. Smith</figcaption></figure>
<p>&ldquo;We will pay for the new library without raising taxes,&rdquo; said Maria Lopez, the city&rsquo;s budget director. She added that 37 percent of the money would go to schools.<br>Critics disagreed.</p>
<h2>What changes</h2>
<ul><li>Bus fares stay the same.</li><li>Two pools reopen in June.</li></ul>
<blockquote><p>This is the most careful budget in a decade, the mayor wrote in a letter to residents.</p></blockquote>
<p>The opposition said the plan relied on optimistic forecasts and promised to revisit it in the autumn, when the first figures for the year are due.</p>
</div></article>
<aside class="related"><h3>Related stories</h3><ul><li><a href="/x">Mayor opens bridge</a></li><li><a href="/y">Schools report</a></li></ul></aside>
<section class="comments"><h3>Comments</h3><p>Great news! — reader42</p></section>
</main>
<div class="ad advertisement">Buy now and save 50%</div>
<footer>© The Herald. All rights reserved.</footer>
</body></html>"#;

#[test]
fn the_body_is_the_articles_and_nothing_else() {
    let page = parse(PAGE.as_bytes(), None, Some("https://herald.example/x"));
    assert_eq!(page.title.as_deref(), Some("Council backs budget"));
    assert_eq!(page.date.as_deref(), Some("2024-05-02"));
    assert_eq!(page.outlet.as_deref(), Some("The Herald"));
    assert_eq!(
        page.url.as_deref(),
        Some("https://herald.example/council-budget")
    );
    let text = page.text();
    assert!(text.starts_with("Council backs budget\n\n"), "{text}");
    assert!(
        text.contains("approved a $4.2") && text.contains("million budget on Tuesday"),
        "{text}"
    );
    assert!(
        text.contains("“We will pay for the new library without raising taxes,” said Maria Lopez, the city’s budget director."),
        "{text}"
    );
    assert!(text.contains("What changes"), "{text}");
    assert!(
        text.contains("• Bus fares stay the same.\n• Two pools reopen in June."),
        "{text}"
    );
    assert!(text.contains("most careful budget in a decade"), "{text}");
    for junk in [
        "cookies",
        "Home",
        "Related stories",
        "Mayor opens bridge",
        "reader42",
        "Buy now",
        "All rights",
        "Photo: J. Smith",
    ] {
        assert!(!text.contains(junk), "{junk:?} left in:\n{text}");
    }
    assert_eq!(
        text.matches("Council backs budget").count(),
        1,
        "the headline once"
    );
}

#[test]
fn markdown_marks_subheadings_quotes_and_items() {
    let page = parse(PAGE.as_bytes(), None, None);
    let md = page.markdown_body();
    assert!(md.starts_with("# Council backs budget\n\n"), "{md}");
    assert!(md.contains("\n## What changes\n"), "{md}");
    assert!(
        md.contains("- Bus fares stay the same.\n- Two pools reopen in June.\n"),
        "{md}"
    );
    assert!(md.contains("\n> This is the most careful budget"), "{md}");
}

#[test]
fn a_page_read_as_an_article_takes_the_pages_metadata() {
    let a = article(Path::new("saved/page.html"), PAGE.as_bytes()).unwrap();
    assert_eq!(a.title, "Council backs budget");
    assert_eq!(a.date.as_deref(), Some("2024-05-02"));
    assert_eq!(a.source.as_deref(), Some("The Herald"));
    assert_eq!(a.id, crate::article::content_id(&a.text));
    assert!(a.warnings.is_empty(), "{:?}", a.warnings);
    let x = crate::extract::extract(&a.text);
    assert!(
        x.speakers.iter().any(|s| s.name == "Maria Lopez"),
        "{:?}",
        x.speakers
    );
}

#[test]
fn gzip_and_windows_1252_pages_read_the_same() {
    use std::io::Write;
    let latin: Vec<u8> = PAGE
        .replace("utf-8", "windows-1252")
        .replace("&ldquo;", "\u{201c}")
        .replace("&rdquo;", "\u{201d}")
        .chars()
        .map(|c| match c {
            '\u{201c}' => 0x93,
            '\u{201d}' => 0x94,
            c if (c as u32) < 0x80 => c as u8,
            _ => b'?',
        })
        .collect();
    let page = parse(&latin, None, None);
    assert!(page.text().contains("“We will pay"), "{}", page.text());
    let mut gz = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::default());
    gz.write_all(PAGE.as_bytes()).unwrap();
    let zipped = gz.finish().unwrap();
    assert_eq!(
        parse(&zipped, None, None),
        parse(PAGE.as_bytes(), None, None)
    );
}

#[test]
fn which_files_are_pages() {
    for yes in ["a.html", "b.HTM", "c.xhtml", "d.html.gz", "dir/e.htm.GZ"] {
        assert!(is_html(Path::new(yes)), "{yes}");
    }
    for no in ["a.txt", "b.md", "c.gz", "html", "d.html.txt"] {
        assert!(!is_html(Path::new(no)), "{no}");
    }
}

#[test]
fn a_page_without_an_article_is_empty_with_a_warning_and_junk_does_not_panic() {
    let a = article(
        Path::new("x.html"),
        b"<html><body><nav>Home</nav></body></html>",
    )
    .unwrap();
    assert!(
        a.warnings.iter().any(|w| w.contains("no article text")),
        "{:?}",
        a.warnings
    );
    let deep = "<div>".repeat(5000) + "deep text" + &"</div>".repeat(5000);
    let _ = parse(deep.as_bytes(), None, None);
    let _ = parse(b"\xff\xfe\x00<\x00p", None, None);
}

proptest::proptest! {
    #![proptest_config(proptest::prelude::ProptestConfig::with_cases(64))]
    /// Any markup reads without a panic, and every offset the engine gives slices the text.
    #[test]
    fn any_html_reads_and_its_offsets_slice(
        parts in proptest::collection::vec(
            proptest::prop_oneof![
                proptest::strategy::Just("<p>".to_owned()),
                proptest::strategy::Just("</p>".to_owned()),
                proptest::strategy::Just("<div class=\"ad\">".to_owned()),
                proptest::strategy::Just("</div>".to_owned()),
                proptest::strategy::Just("<br>".to_owned()),
                proptest::strategy::Just("&amp;&#8217;&nbsp;".to_owned()),
                proptest::strategy::Just("<blockquote>".to_owned()),
                proptest::strategy::Just("“Yes,” said Ann Lee. ".to_owned()),
                "[a-zA-Z .,<>/\"=]{0,30}",
            ],
            0..40,
        )
    ) {
        let html = parts.concat();
        let a = article(Path::new("p.html"), html.as_bytes()).unwrap();
        let x = crate::extract::extract(&a.text);
        for c in &x.claims {
            proptest::prop_assert!(a.text.get(c.span.start..c.span.end).is_some());
        }
    }
}

#[test]
fn a_page_built_by_script_is_read_from_its_json_ld_article_body() {
    let body = "The county will rebuild the dam by 2027, officials said on Tuesday.\\n\\n\
        \\\"We cannot wait another winter,\\\" said Rosa Lind, who chairs the board.\\n\
        The work is expected to cost 40 million dollars, the board said, and to employ \
        two hundred people over three years, many of them from the valley itself.";
    let shell = format!(
        "<html><head><title>Dam to be rebuilt</title>\
         <script type=\"application/ld+json\">{{\"@type\":\"NewsArticle\",\
         \"headline\":\"Dam to be rebuilt\",\"articleBody\":\"{body}\"}}</script></head>\
         <body><nav><a href=\"/\">Home</a> <a href=\"/news\">News</a></nav>\
         <div id=\"root\"><p>Loading…</p></div><footer>© Valley Post</footer></body></html>"
    );
    let page = parse(shell.as_bytes(), None, None);
    let text = page.text();
    assert!(
        text.contains("We cannot wait another winter,\" said Rosa Lind"),
        "{text}"
    );
    assert!(text.contains("two hundred people"), "{text}");
    assert!(
        !text.contains("Loading") && !text.contains("Home"),
        "{text}"
    );
    assert!(
        page.blocks.len() >= 3,
        "its lines are paragraphs: {:?}",
        page.blocks
    );

    // A page whose markup has the article keeps it: a teaser in articleBody does not win.
    let full = "<p>The county will rebuild the dam by 2027, officials said on Tuesday, after \
        a year of studies and two public hearings on the cost of the work.</p>";
    let teaser = format!(
        "<html><head><script type=\"application/ld+json\">{{\"@type\":\"NewsArticle\",\
         \"articleBody\":\"The county will rebuild the dam.\"}}</script></head>\
         <body><article>{}</article></body></html>",
        full.repeat(3)
    );
    let kept = parse(teaser.as_bytes(), None, None).text();
    assert!(kept.contains("two public hearings"), "{kept}");
}

#[test]
fn link_lines_lists_of_links_and_ad_placeholders_are_left_out() {
    let html = "<html><body><article><h1>Ferry fares frozen</h1>\
        <p>The island ferry fares will not rise this year, the authority said on Tuesday.</p>\
        <p>Advertisement</p><div>Story continues below advertisement</div>\
        <p><a href=\"/x\">Read the full statement</a></p>\
        <ul><li><a href=\"/a\">Harbour dues to be reviewed</a></li>\
        <li><a href=\"/b\">New timetable for the winter</a></li></ul>\
        <ul><li>Adults pay <a href=\"/fares\">4 euros</a> a crossing, as before</li></ul>\
        <p>“We heard the islanders,” said <a href=\"/lia\">Lia Berg</a>, the chair.</p>\
        <p><a href=\"/q\">“Nobody pays more,” said Lia Berg</a></p>\
        </article></body></html>";
    let text = parse(html.as_bytes(), None, None).text();
    for gone in [
        "Advertisement",
        "continues below",
        "full statement",
        "Harbour dues",
        "timetable",
    ] {
        assert!(!text.contains(gone), "{gone} in {text}");
    }
    for kept in [
        "will not rise",
        "Adults pay 4 euros a crossing",
        "We heard the islanders",
        "Nobody pays more",
    ] {
        assert!(text.contains(kept), "{kept} not in {text}");
    }
}
