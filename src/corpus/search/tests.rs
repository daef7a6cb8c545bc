use super::*;
use crate::article::Article;
use crate::extract::extract_article;

fn article(name: &str, date: &str, source: &str, body: &str) -> Article {
    let mut a = Article::from_text(format!("{name}.txt"), format!("{name}\n\n{body}\n"));
    a.date = Some(date.into());
    a.source = Some(source.into());
    a
}

fn library() -> Vec<Article> {
    vec![
        article(
            "Harbour",
            "2019-09-26",
            "Coast Herald",
            "\"Trade with the mainland is a win-win for both sides,\" said Ana Ruiz, the \
             harbour master. The port handled 4 million tonnes.",
        ),
        article(
            "Summit",
            "2020-03-02",
            "Daily Wire",
            "Foreign minister Wang Yi said that cooperation was a win-win arrangement. \
             \"Taiwan is part of China,\" Wang said. Tariffs rose sharply in March.",
        ),
        article(
            "Markets",
            "2021-01-15",
            "Coast Herald",
            "The deal was win-win, win-win, win-win. The tariff was cut to 3%.",
        ),
    ]
}

fn indexed(articles: &[Article]) -> SearchIndex {
    let (search, updater) = open(None, "test").unwrap();
    let mut updater = updater.unwrap();
    for a in articles {
        updater.add(a, &extract_article(a)).unwrap();
    }
    updater.commit().unwrap();
    search
}

fn find(search: &SearchIndex, q: &str) -> Results {
    search.search(&parse(q).unwrap(), None, 50).unwrap()
}

fn articles_of(r: &Results, lib: &[Article]) -> Vec<String> {
    r.hits
        .iter()
        .map(|h| {
            lib.iter()
                .find(|a| a.id == h.article)
                .map_or("?".into(), |a| a.title.clone())
        })
        .collect()
}

#[test]
fn a_hyphenated_word_is_a_phrase_and_ranks_by_bm25() {
    let lib = library();
    let s = indexed(&lib);
    let r = find(&s, "win-win");
    assert_eq!(r.total, 3);
    // The sentence that says it three times, and is short, comes first.
    assert_eq!(articles_of(&r, &lib)[0], "Markets");
    for hit in &r.hits {
        let a = lib.iter().find(|a| a.id == hit.article).unwrap();
        // The stored sentence is the article's own text at its offset.
        assert_eq!(
            a.text.get(hit.start..hit.start + hit.text.len()),
            Some(&*hit.text)
        );
        assert!(!hit.marks.is_empty());
        for m in &hit.marks {
            assert_eq!(hit.text[m.clone()].to_lowercase(), "win");
        }
    }
}

#[test]
fn filters_narrow_by_speaker_source_kind_and_date() {
    let lib = library();
    let s = indexed(&lib);
    let by_wang = find(&s, r#"win-win speaker:"Wang Yi""#);
    assert_eq!(articles_of(&by_wang, &lib), vec!["Summit"]);
    assert_eq!(by_wang.hits[0].speakers, vec!["Wang Yi"]);
    assert_eq!(find(&s, "win-win source:herald").total, 2);
    assert_eq!(find(&s, "win-win kind:direct").total, 1);
    assert_eq!(find(&s, "win-win kind:indirect").total, 1);
    assert_eq!(find(&s, "win-win after:2020").total, 2);
    assert_eq!(find(&s, "win-win after:2020 before:2021").total, 1);
    assert_eq!(find(&s, "win-win before:2019-09-26").total, 0);
    assert_eq!(find(&s, "win-win after:2019-09-26").total, 3);
    // Filters alone list their sentences, most recent first.
    let quotes = find(&s, "kind:direct");
    assert_eq!(quotes.total, 2);
    assert_eq!(articles_of(&quotes, &lib), vec!["Summit", "Harbour"]);
}

#[test]
fn prefixes_phrases_and_tags() {
    let lib = library();
    let s = indexed(&lib);
    assert_eq!(find(&s, "tariff").total, 1);
    let r = find(&s, "tarif*");
    assert_eq!(r.total, 2);
    assert!(r.hits.iter().all(|h| h.marks.len() == 1));
    assert_eq!(find(&s, r#""part of china""#).total, 1);
    assert_eq!(find(&s, r#""china of part""#).total, 0);
    assert_eq!(find(&s, "TAIWAN").total, 1);
    // `tag:` keeps the sentences a tagged passage touches, not its whole article.
    let q = parse("win-win").unwrap();
    let whole = s.search(&q, None, 10).unwrap();
    let in_harbour: Vec<&Hit> = whole
        .hits
        .iter()
        .filter(|h| h.article == lib[0].id)
        .collect();
    let first = in_harbour.first().expect("a hit in Harbour");
    let tagged = vec![Tagged {
        article: lib[0].id.clone(),
        passages: std::iter::once(first.start + 2..first.start + 6).collect(),
    }];
    let r = s.search(&q, Some(&tagged), 10).unwrap();
    assert_eq!(articles_of(&r, &lib), vec!["Harbour"]);
    assert_eq!(r.total, 1, "only the tagged sentence");
    assert_eq!(r.hits[0].start, first.start);
    let elsewhere = vec![Tagged {
        article: lib[0].id.clone(),
        passages: std::iter::once(0..1).collect(),
    }];
    assert_eq!(
        s.search(&q, Some(&elsewhere), 10).unwrap().total,
        0,
        "win-win is not in the title"
    );
    assert_eq!(s.search(&q, Some(&[]), 10).unwrap().total, 0);
    assert_eq!(find(&s, "").total, 0);
    assert_eq!(find(&s, "zebra").total, 0);
}

#[test]
fn an_index_on_disk_is_updated_by_content_id() {
    let dir = tempfile::tempdir().unwrap();
    let at = dir.path().join("lib");
    let lib = library();
    {
        let (_, updater) = open(Some(&at), "engine 1").unwrap();
        let mut updater = updater.unwrap();
        for a in &lib {
            updater.add(a, &extract_article(a)).unwrap();
        }
        updater.commit().unwrap();
    }
    let (search, updater) = open(Some(&at), "engine 1").unwrap();
    let mut updater = updater.unwrap();
    assert!(lib.iter().all(|a| updater.is_indexed(&a.id)));
    assert_eq!(find(&search, "win-win").total, 3);
    // While one instance writes, another can only search.
    let (other, none) = open(Some(&at), "engine 1").unwrap();
    assert!(none.is_none());
    assert_eq!(find(&other, "win-win").total, 3);
    drop(other);
    // An article edited (new content id) replaces the old one.
    let edited = article(
        "Markets",
        "2021-01-15",
        "Coast Herald",
        "No deal was struck.",
    );
    updater.retain(|id| id != lib[2].id);
    updater.add(&edited, &extract_article(&edited)).unwrap();
    updater.commit().unwrap();
    assert_eq!(find(&search, "win-win").total, 2);
    assert_eq!(find(&search, "struck").total, 1);
    assert_eq!(search.articles().unwrap().len(), 3);
    drop((search, updater));
    // Another engine's index is rebuilt from nothing.
    let (search, updater) = open(Some(&at), "engine 2").unwrap();
    assert_eq!(search.sentences(), 0);
    assert!(!updater.unwrap().is_indexed(&lib[0].id));
}

#[test]
fn a_damaged_index_is_rebuilt() {
    let dir = tempfile::tempdir().unwrap();
    let at = dir.path().join("lib");
    std::fs::create_dir_all(&at).unwrap();
    std::fs::write(at.join("meta.json"), "{ not json").unwrap();
    std::fs::write(at.join("sayso-engine"), "e").unwrap();
    let (search, updater) = open(Some(&at), "e").unwrap();
    assert!(updater.is_some());
    assert_eq!(search.sentences(), 0);
}
