use super::*;
use crate::article::read_file;

const SAID: &str = "Council vote.\n\n“We will build it,” Jane Doe said. It costs $5 million.\n";

/// `n` articles written to files and added as a loaded library is.
fn on_disk(n: usize) -> (tempfile::TempDir, Store) {
    let dir = tempfile::tempdir().unwrap();
    let articles = (0..n)
        .map(|i| {
            let path = dir.path().join(format!("{i}.txt"));
            std::fs::write(&path, format!("{SAID}Item {i}.\n")).unwrap();
            read_file(&path).unwrap()
        })
        .collect();
    let mut store = Store::new(Vec::new());
    store.add(articles);
    (dir, store)
}

#[test]
fn an_extracted_article_keeps_its_digest_and_lets_its_text_go_until_opened() {
    let (_dir, mut store) = on_disk(3);
    store.extract_all_now();
    for i in 0..3 {
        assert_eq!(store.article(i).map(|a| a.text.len()), Some(0), "{i}");
        assert!(store.extraction(i).is_none());
        let d = store.digest(i).unwrap();
        assert_eq!((d.speakers.len(), d.claims, d.numbers), (1, 1, 1));
    }
    store.open(1).unwrap();
    let a = store.article(1).unwrap();
    assert!(a.text.ends_with("Item 1.\n"), "{:?}", a.text);
    let x = store.extraction(1).unwrap();
    assert_eq!(x.claims.len(), 1);
    assert_eq!(
        a.text.get(x.claims[0].span.start..x.claims[0].span.end),
        Some("We will build it,")
    );
}

#[test]
fn only_the_articles_opened_last_stay_in_memory() {
    let (_dir, mut store) = on_disk(RESIDENT + 3);
    store.extract_all_now();
    for i in 0..RESIDENT + 3 {
        store.open(i).unwrap();
    }
    let kept: Vec<usize> = (0..RESIDENT + 3)
        .filter(|&i| store.article(i).is_some_and(|a| !a.text.is_empty()))
        .collect();
    assert_eq!(kept, (3..RESIDENT + 3).collect::<Vec<_>>());
    assert_eq!(store.full.len(), RESIDENT);
    // Opening an old one again brings it back and lets the oldest go.
    store.open(0).unwrap();
    assert!(store.extraction(0).is_some() && store.extraction(3).is_none());
}

#[test]
fn views_read_an_article_back_without_keeping_it() {
    let (_dir, mut store) = on_disk(2);
    store.extract_all_now();
    let claim = store.with_text(0, |text, x| {
        let c = x.unwrap().claims.first().unwrap().span;
        text[c.start..c.end].to_string()
    });
    assert_eq!(claim.as_deref(), Some("We will build it,"));
    assert!(
        store.article(0).unwrap().text.is_empty(),
        "not made resident"
    );
}

#[test]
fn an_article_changed_on_disk_is_opened_as_it_is_now() {
    let (dir, mut store) = on_disk(1);
    store.extract_all_now();
    let old_id = store.article(0).unwrap().id.clone();
    std::fs::write(
        dir.path().join("0.txt"),
        "Other.\n\nNothing was said. 7 cats.\n",
    )
    .unwrap();
    store.open(0).unwrap();
    let a = store.article(0).unwrap();
    assert_ne!(a.id, old_id);
    assert!(a.text.contains("7 cats"));
    assert_eq!(store.digest(0).map(|d| d.claims), Some(0));
    assert_eq!(store.extraction(0).map(|x| x.numbers.len()), Some(1));
}

#[test]
fn a_vanished_file_is_an_error_on_open_and_nothing_else_changes() {
    let (dir, mut store) = on_disk(1);
    store.extract_all_now();
    std::fs::remove_file(dir.path().join("0.txt")).unwrap();
    let err = store.open(0).unwrap_err();
    assert!(err.contains("0.txt"), "{err}");
    assert!(store.digest(0).is_some());
    assert!(store.with_text(0, |_, _| ()).is_none());
}

#[test]
fn texts_past_the_budget_are_let_go_at_once_and_read_again_for_extraction() {
    let dir = tempfile::tempdir().unwrap();
    let articles: Vec<Article> = (0..10)
        .map(|i| {
            let path = dir.path().join(format!("{i}.txt"));
            std::fs::write(&path, format!("{SAID}Item {i}.\n")).unwrap();
            read_file(&path).unwrap()
        })
        .collect();
    let one = articles[0].text.len();
    let mut store = Store::new(Vec::new());
    store.queued_budget = 3 * one + one / 2;
    store.add(articles);
    let kept: Vec<bool> = (0..10)
        .map(|i| !store.article(i).unwrap().text.is_empty())
        .collect();
    assert_eq!(kept.iter().filter(|k| **k).count(), 3, "{kept:?}");
    // Every pending article reaches the extraction threads, with its text.
    for (i, a) in store.pending_from(0).into_iter().enumerate() {
        let a = with_its_text(&a.unwrap());
        assert!(a.text.ends_with(&format!("Item {i}.\n")), "{i}");
    }
    store.extract_all_now();
    for i in 0..10 {
        let d = store.digest(i).unwrap();
        assert_eq!((d.claims, d.numbers), (1, 1), "{i}");
    }
    assert_eq!(store.queued_bytes, 0);
    assert!(store.queued.is_empty());
    // Room again: the next articles keep their texts.
    let path = dir.path().join("late.txt");
    std::fs::write(&path, SAID).unwrap();
    store.add(vec![read_file(&path).unwrap()]);
    assert!(!store.article(10).unwrap().text.is_empty());
}

#[test]
fn an_article_opened_before_it_is_extracted_has_its_text() {
    let (_dir, mut store) = on_disk(2);
    store.queued_budget = 0;
    store.let_text_go(1);
    store.open(1).unwrap();
    assert!(store.article(1).unwrap().text.ends_with("Item 1.\n"));
    store.extract_all_now();
    let x = store.extraction(1).unwrap();
    assert_eq!(x.claims.len(), 1);
}

proptest::proptest! {
    #[test]
    fn date_keys_sort_as_the_dates_do(a in "[0-9-]{1,16}", b in "[0-9-]{1,16}") {
        let (ka, kb) = (date_key(Some(&a)), date_key(Some(&b)));
        proptest::prop_assert_eq!(ka.cmp(&kb), a.cmp(&b));
        proptest::prop_assert!(ka != 0 && date_key(None) == 0 && date_key(Some("")) == 0);
    }
}

#[test]
fn articles_given_in_memory_keep_their_text() {
    let mut store = Store::new(vec![crate::article::Article::from_text(
        "seeds/a.txt",
        SAID.to_string(),
    )]);
    store.extract_all_now();
    assert!(!store.article(0).unwrap().text.is_empty());
    assert!(store.extraction(0).is_some());
}
