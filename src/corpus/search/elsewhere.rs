//! Where else a claim appears: other articles' sentences that carry the same words, or
//! nearly (a word or a few changed), found through the search index and checked word by
//! word. Each copy says which of its words differ and whether it gives the words to
//! another speaker: the possible misquotes and misattributions a fact-checker looks for.

use tantivy::TantivyDocument;
use tantivy::Term;
use tantivy::collector::TopDocs;
use tantivy::query::{BooleanQuery, Occur, PhraseQuery, Query as TantivyQuery, TermQuery};
use tantivy::schema::IndexRecordOption;

use super::index::{self, Hit, SearchError, SearchIndex, hit_of, tokens};
use crate::corpus::provenance::{edit_distance_within, same_person};
use crate::corpus::speakers::normalise;

/// Claims shorter than this (in words) are too common to trace.
pub const MIN_WORDS: usize = 6;
/// Words of the claim's start and end looked up as phrases: a copy keeps one of the two.
const PROBE: usize = 6;
/// Claims are compared on their first words at most (a long quote is still itself).
const COMPARED: usize = 40;
/// Candidate sentences read at most: a claim with this many copies has more.
pub const CANDIDATES: usize = 500;

/// One other article's sentence carrying the claim.
#[derive(Debug, Clone, PartialEq)]
pub struct Copy {
    /// The sentence, its article's content id and its speakers; `marks` are its words that
    /// the claim does not have.
    pub hit: Hit,
    /// Words of the claim changed, added or left out in this copy (0: the same words).
    pub changed: usize,
    /// The copy's speakers do not include the claim's.
    pub other_speaker: bool,
}

impl SearchIndex {
    /// The sentences of other articles (not `article`, a content id) that carry
    /// `claim`'s words within a bounded word edit distance (a fifth of them, at least 2).
    pub fn copies(
        &self,
        claim: &str,
        article: &str,
        speaker: Option<&str>,
    ) -> Result<Vec<Copy>, SearchError> {
        let mut words = index::words(claim);
        words.truncate(COMPARED);
        if words.len() < MIN_WORDS {
            return Ok(Vec::new());
        }
        let f = self.fields;
        let phrase = |w: &[String]| -> Box<dyn TantivyQuery> {
            let terms = w.iter().map(|t| Term::from_field_text(f.text, t)).collect();
            Box::new(PhraseQuery::new(terms))
        };
        let head = words.get(..PROBE).unwrap_or(&words);
        let tail = words
            .get(words.len() - PROBE.min(words.len())..)
            .unwrap_or(&words);
        let either = BooleanQuery::new(vec![
            (Occur::Should, phrase(head)),
            (Occur::Should, phrase(tail)),
        ]);
        let query = BooleanQuery::new(vec![
            (Occur::Must, Box::new(either) as Box<dyn TantivyQuery>),
            (
                Occur::MustNot,
                Box::new(TermQuery::new(
                    Term::from_field_text(f.article, article),
                    IndexRecordOption::Basic,
                )),
            ),
        ]);
        self.reader.reload()?;
        let searcher = self.reader.searcher();
        let top = searcher.search(&query, &TopDocs::with_limit(CANDIDATES).order_by_score())?;
        let ours = speaker.map(normalise);
        let mut copies = Vec::new();
        for (_, address) in top {
            let doc: TantivyDocument = searcher.doc(address)?;
            let mut hit = hit_of(&doc, f);
            let Some((changed, marks)) = compare(&words, head, tail, &hit.text) else {
                continue;
            };
            hit.marks = marks;
            let other_speaker = match &ours {
                Some(ours) if !hit.speakers.is_empty() => !hit
                    .speakers
                    .iter()
                    .any(|s| same_person(&normalise(s), ours)),
                _ => false,
            };
            copies.push(Copy {
                hit,
                changed,
                other_speaker,
            });
        }
        Ok(copies)
    }
}

/// The claim's words against the stretch of `sentence` aligned with them (where its head
/// or tail phrase is): the words changed, and the byte ranges of the sentence's words the
/// claim does not have. `None` when the stretch is not near enough.
fn compare(
    words: &[String],
    head: &[String],
    tail: &[String],
    sentence: &str,
) -> Option<(usize, Vec<std::ops::Range<usize>>)> {
    let toks = tokens(sentence);
    let texts: Vec<&str> = toks.iter().map(|(t, _)| t.as_str()).collect();
    let find = |probe: &[String]| {
        texts
            .windows(probe.len().max(1))
            .position(|w| w.iter().zip(probe).all(|(a, b)| *a == b.as_str()))
    };
    let limit = (words.len() / 5).max(2);
    let (from, to) = match (find(head), find(tail)) {
        (Some(at), _) => (at, (at + words.len() + limit).min(texts.len())),
        (None, Some(at)) => {
            let end = at + tail.len();
            (end.saturating_sub(words.len() + limit), end)
        }
        (None, None) => return None,
    };
    let stretch = texts.get(from..to)?;
    let claim: Vec<&str> = words.iter().map(String::as_str).collect();
    // The best alignment: the shortest distance over the stretch's possible lengths
    // (from the head, a copy may end early; from the tail, start late).
    let len = stretch.len();
    let (changed, first, part_len) = (0..=limit.min(len))
        .flat_map(|cut| [(0, len - cut), (cut, len - cut)])
        .filter_map(|(at, n)| {
            let part = stretch.get(at..at + n)?;
            distance(&claim, part, limit).map(|d| (d, from + at, n))
        })
        .min_by_key(|&(d, _, n)| (d, n.abs_diff(claim.len())))?;
    let mut left: Vec<&str> = claim.clone();
    let marks = toks
        .iter()
        .skip(first)
        .take(part_len)
        .filter(|(t, _)| match left.iter().position(|w| *w == t.as_str()) {
            Some(i) => {
                left.swap_remove(i);
                false
            }
            None => true,
        })
        .map(|(_, r)| r.clone())
        .collect();
    Some((changed, marks))
}

/// Word edit distance when it is at most `limit`.
fn distance(a: &[&str], b: &[&str], limit: usize) -> Option<usize> {
    (0..=limit).find(|&d| edit_distance_within(a, b, d))
}

#[cfg(test)]
mod tests {
    use super::super::open;
    use crate::article::Article;
    use crate::extract::extract_article;

    const QUOTE: &str = "Trade between our two regions is a bridge for peace and shared growth";

    fn article(i: usize, body: &str) -> Article {
        let mut a = Article::from_text(format!("a{i}.txt"), format!("Story {i}\n\n{body}\n"));
        a.date = Some(format!("2020-01-{:02}", i + 1));
        a
    }

    #[test]
    fn copies_are_found_with_their_changed_words_and_other_speakers() {
        let changed = QUOTE.replace("peace", "prosperity");
        let library = [
            article(0, &format!("\"{QUOTE},\" said Ana Ruiz, the minister.")),
            article(1, &format!("\"{QUOTE},\" Ana Ruiz said on Monday.")),
            article(2, &format!("Minister Ana Ruiz said: \"{QUOTE}.\"")),
            article(3, &format!("\"{changed},\" said Ana Ruiz.")),
            article(4, &format!("\"{QUOTE},\" said Tom Baker, the mayor.")),
            article(
                5,
                "Trade between the regions fell by a third, officials said.",
            ),
        ];
        let (search, updater) = open(None, "t").unwrap();
        let mut updater = updater.unwrap();
        for a in &library {
            updater.add(a, &extract_article(a)).unwrap();
        }
        updater.commit().unwrap();
        let copies = search
            .copies(QUOTE, &library[0].id, Some("Ana Ruiz"))
            .unwrap();
        let mut ids: Vec<&str> = copies.iter().map(|c| c.hit.article.as_str()).collect();
        ids.sort_unstable();
        let mut want: Vec<&str> = library[1..5].iter().map(|a| a.id.as_str()).collect();
        want.sort_unstable();
        assert_eq!(ids, want, "{copies:#?}");
        let of = |i: usize| {
            copies
                .iter()
                .find(|c| c.hit.article == library[i].id)
                .unwrap()
        };
        assert_eq!((of(1).changed, of(1).other_speaker), (0, false));
        assert!(of(1).hit.marks.is_empty());
        let reworded = of(3);
        assert_eq!(reworded.changed, 1);
        let marked: Vec<&str> = reworded
            .hit
            .marks
            .iter()
            .map(|m| &reworded.hit.text[m.clone()])
            .collect();
        assert_eq!(marked, vec!["prosperity"]);
        assert!(of(4).other_speaker, "{:?}", of(4).hit.speakers);
        assert!(!of(2).other_speaker);
        // Too short to trace.
        assert!(
            search
                .copies("a bridge for peace", &library[0].id, None)
                .unwrap()
                .is_empty()
        );
    }
}
