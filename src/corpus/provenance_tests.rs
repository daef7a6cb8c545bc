use super::*;
use crate::extract::extract_article;

const QUOTE: &str = "We will never accept a deal that leaves our farmers without a market";

/// Article `i` of a generated library: `quote` said by `speaker`, dated and from an outlet
/// of its own, with a figure and an unrelated sentence.
fn article(i: usize, speaker: &str, quote: &str, countries: u32) -> Article {
    let text = format!(
        "Trade talks, day {i}\n\n“{quote},” {speaker} said on Tuesday. The treaty was signed \
         by {countries} countries last year. Weather item {i}: it rained in town number {i}.\n"
    );
    let mut a = Article::from_text(format!("news/{i}.txt"), text);
    a.date = Some(format!("2019-09-2{i}"));
    a.source = Some(format!("Outlet {i}"));
    a
}

fn library(articles: &[Article]) -> Provenance {
    let mut p = Provenance::default();
    for a in articles {
        p.push(records(a, &extract_article(a)));
    }
    p
}

fn generated() -> Vec<Article> {
    let changed = QUOTE.replace("never", "not");
    vec![
        article(1, "Jane Doe", QUOTE, 183),
        article(2, "Jane Doe", QUOTE, 183),
        article(3, "Jane Doe", &changed, 183),
        article(4, "John Roe", QUOTE, 181),
        article(5, "Doe", QUOTE, 183),
    ]
}

#[test]
fn one_quote_in_five_articles_is_one_group_with_the_two_odd_copies_flagged() {
    let articles = generated();
    let p = library(&articles);
    let groups = p.groups();
    let claims: Vec<&Group> = groups.iter().filter(|g| g.what == "claim").collect();
    assert_eq!(claims.len(), 1, "{claims:#?}");
    let g = claims[0];
    assert_eq!((g.articles, g.members.len()), (5, 5));
    assert_eq!(
        g.flags,
        ["different-words", "different-speaker", "possible-misquote"]
    );
    let flagged = |path: &str| {
        g.members
            .iter()
            .find(|m| m.source.path == path)
            .map(|m| m.flags.clone())
            .unwrap()
    };
    assert_eq!(
        flagged("news/3.txt"),
        ["different-words", "possible-misquote"]
    );
    assert_eq!(flagged("news/4.txt"), ["different-speaker"]);
    // "Doe" is Jane Doe by another name.
    for path in ["news/1.txt", "news/2.txt", "news/5.txt"] {
        assert!(flagged(path).is_empty(), "{path}: {:?}", flagged(path));
    }
    let changed = g
        .members
        .iter()
        .find(|m| m.source.path == "news/3.txt")
        .unwrap();
    assert_eq!(changed.differs, ["not"]);
    // Earliest first.
    assert_eq!(g.members[0].source.date.as_deref(), Some("2019-09-21"));
    // Offsets are code points that slice the claim.
    let chars: Vec<char> = articles[0].text.chars().collect();
    let m = &g.members[0];
    assert_eq!(chars[m.start..m.end].iter().collect::<String>(), m.text);
}

#[test]
fn a_figure_given_another_value_for_the_same_thing_is_listed() {
    let p = library(&generated());
    let groups = p.groups();
    let figures: Vec<&Group> = groups.iter().filter(|g| g.what == "figure").collect();
    assert_eq!(figures.len(), 1, "{figures:#?}");
    let g = figures[0];
    assert_eq!(g.members.len(), 5);
    assert_eq!(g.context, Some("was signed by … countries last"));
    let odd: Vec<&str> = g
        .members
        .iter()
        .filter(|m| m.flags == ["different-values"])
        .map(|m| m.text)
        .collect();
    assert_eq!(odd, ["181"]);
}

#[test]
fn unrelated_claims_and_a_quote_in_one_article_only_make_no_group() {
    let texts = [
        "“The budget will balance itself by the end of the decade,” the mayor said.",
        "“Our schools need more teachers and smaller classes next year,” the governor said.",
        "“The bridge will open to traffic before the winter storms arrive,” an engineer said.",
    ];
    let articles: Vec<Article> = texts
        .iter()
        .enumerate()
        .map(|(i, t)| Article::from_text(format!("{i}.txt"), format!("Item {i}\n\n{t}\n{t}\n")))
        .collect();
    assert!(library(&articles).groups().is_empty());
}

#[test]
fn a_short_claim_is_not_linked() {
    let one = Article::from_text("a.txt", "A\n\n“We agree,” she said.\n".to_string());
    let two = Article::from_text("b.txt", "B\n\n“We agree,” he said.\n".to_string());
    assert!(library(&[one, two]).groups().is_empty());
}

/// The plain quadratic Levenshtein distance, to check the banded one against.
fn distance(a: &[String], b: &[String]) -> usize {
    let mut prev: Vec<usize> = (0..=b.len()).collect();
    for (i, wa) in a.iter().enumerate() {
        let mut cur = vec![i + 1; b.len() + 1];
        for (j, wb) in b.iter().enumerate() {
            cur[j + 1] = (prev[j] + usize::from(wa != wb))
                .min(prev[j + 1] + 1)
                .min(cur[j] + 1);
        }
        prev = cur;
    }
    prev[b.len()]
}

proptest::proptest! {
    #[test]
    fn the_banded_distance_agrees_with_the_plain_one(
        a in proptest::collection::vec("[a-d]", 0..14),
        b in proptest::collection::vec("[a-d]", 0..14),
        limit in 0usize..6,
    ) {
        proptest::prop_assert_eq!(edit_distance_within(&a, &b, limit), distance(&a, &b) <= limit);
    }
}

#[test]
fn words_are_normalised_and_figures_look_only_inside_their_sentence() {
    assert_eq!(
        words("“Win-win,” he SAID — don’t"),
        ["win", "win", "he", "said", "dont"]
    );
    assert_eq!(
        sentence_words_before("End here. Signed by"),
        ["signed", "by"]
    );
    assert_eq!(sentence_words_after(" countries. Next"), ["countries"]);
    assert_eq!(
        sentence_words_after(" countries, the UN said"),
        ["countries"]
    );
}

/// A library of `n` articles, each with claims of its own (news-like words drawn from a
/// small vocabulary, so unrelated claims share many words) and one quote every tenth
/// article repeats.
fn crowd(n: usize) -> Provenance {
    const VOCABULARY: [&str; 40] = [
        "city", "council", "budget", "tax", "school", "road", "bridge", "police", "water", "plan",
        "vote", "state", "federal", "money", "year", "people", "health", "housing", "market",
        "farmers", "energy", "price", "report", "court", "law", "election", "voters", "party",
        "leader", "minister", "trade", "deal", "war", "peace", "army", "border", "jobs", "wages",
        "union", "strike",
    ];
    let mut seed = 7u64;
    let mut next = || {
        seed = seed
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        usize::try_from(seed >> 33).unwrap_or(0)
    };
    let mut p = Provenance::default();
    for i in 0..n {
        let mut text = format!("Item {i}\n\n");
        for _ in 0..3 {
            let said: Vec<&str> = (0..12)
                .map(|_| VOCABULARY[next() % VOCABULARY.len()])
                .collect();
            text.push_str(&format!("“The {},” the mayor said. ", said.join(" ")));
        }
        if i % 10 == 0 {
            text.push_str(&format!("“{QUOTE},” Jane Doe said.\n"));
        }
        let a = Article::from_text(format!("{i}.txt"), text);
        p.push(records(&a, &extract_article(&a)));
    }
    p
}

#[test]
fn the_comparisons_grow_with_the_library_not_with_its_pairs() {
    let (small, large) = (crowd(150), crowd(600));
    let (groups, compared_small) = small.claim_groups_counted();
    let (_, compared_large) = large.claim_groups_counted();
    assert_eq!(groups.len(), 1, "only the repeated quote links articles");
    assert_eq!(groups[0].members.len(), 15);
    // Each claim is compared at most once per band (with its bucket's first member):
    // linear however alike the claims are, where all pairs would be quadratic.
    for (p, compared) in [(&small, compared_small), (&large, compared_large)] {
        let n = p.claims.len();
        assert!(
            compared <= BANDS * n,
            "{compared} comparisons for {n} claims"
        );
        assert!(
            compared < n * (n - 1) / 2 / 20,
            "{compared} of {} pairs",
            n * (n - 1) / 2
        );
    }
}
