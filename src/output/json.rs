//! One JSON object per article, in the contract of the evaluation README: every offset in
//! Unicode code points, end exclusive.
//!
//! The object is serialized straight from the extraction through borrowed views, with no
//! intermediate `serde_json::Value` tree: an article with half a million figures costs its
//! output, not a copy of it in memory.

use serde::Serialize;
use serde::ser::{SerializeSeq, Serializer};
use serde_json::Value;

use crate::article::Article;
use crate::extract::{
    Claim, ClaimClass, ClaimKind, Extraction, Number, NumberKind, Span, Speaker, SpeakerKind,
};
use crate::text::offsets::CodePoints;

/// The JSON object for one article and its extraction, ready to serialize.
pub struct ArticleJson<'a> {
    article: &'a Article,
    ex: &'a Extraction,
    cp: CodePoints,
    /// The id the caller gave (a JSON Lines input's `id`), else the content id.
    id: Option<&'a Value>,
}

impl<'a> ArticleJson<'a> {
    pub fn new(article: &'a Article, ex: &'a Extraction) -> Self {
        ArticleJson {
            article,
            ex,
            cp: CodePoints::new(&article.text),
            id: None,
        }
    }

    /// The same view with the caller's id (any JSON value) in place of the content id.
    pub fn with_id(mut self, id: &'a Value) -> Self {
        self.id = Some(id);
        self
    }

    fn text(&self) -> &'a str {
        self.article.text.as_str()
    }

    fn span(&self, s: Span) -> SpanJson<'a> {
        SpanJson {
            start: self.cp.to_char(s.start),
            end: self.cp.to_char(s.end),
            text: s.slice(self.text()),
        }
    }
}

/// The JSON value for one article (for callers that want to inspect it).
pub fn article_json(article: &Article, ex: &Extraction) -> Value {
    serde_json::to_value(ArticleJson::new(article, ex)).unwrap_or(Value::Null)
}

#[derive(Serialize)]
struct SpanJson<'a> {
    start: usize,
    end: usize,
    text: &'a str,
}

#[derive(Serialize)]
struct SpeakerJson<'a> {
    name: &'a str,
    role: Option<&'a str>,
    kind: SpeakerKind,
    mentions: Seq<'a, Span>,
}

#[derive(Serialize)]
struct ClaimJson<'a> {
    start: usize,
    end: usize,
    text: &'a str,
    kind: ClaimKind,
    class: ClaimClass,
    speaker: Option<&'a str>,
    source: Option<SpanJson<'a>>,
    cue: Option<SpanJson<'a>>,
    #[serde(skip_serializing_if = "Seq::is_empty")]
    fragments: Seq<'a, Span>,
}

#[derive(Serialize)]
struct NumberJson<'a> {
    start: usize,
    end: usize,
    text: &'a str,
    value: Option<f64>,
    unit: Option<&'a str>,
    kind: NumberKind,
    qualifier: Option<&'a str>,
    /// A range's ends (`value` is null for ranges).
    low: Option<f64>,
    high: Option<f64>,
    /// The period of a rate (`year` in `$400 million a year`).
    per: Option<&'a str>,
}

/// A list serialized item by item through the article's view.
struct Seq<'a, T> {
    view: &'a ArticleJson<'a>,
    items: &'a [T],
}

impl<T> Seq<'_, T> {
    fn is_empty(&self) -> bool {
        self.items.is_empty()
    }
}

/// How one item of a list becomes JSON.
trait Item {
    fn write<S: SerializeSeq>(&self, view: &ArticleJson, seq: &mut S) -> Result<(), S::Error>;
}

impl<T: Item> Serialize for Seq<'_, T> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut seq = serializer.serialize_seq(Some(self.items.len()))?;
        for item in self.items {
            item.write(self.view, &mut seq)?;
        }
        seq.end()
    }
}

impl Item for Span {
    fn write<S: SerializeSeq>(&self, view: &ArticleJson, seq: &mut S) -> Result<(), S::Error> {
        seq.serialize_element(&view.span(*self))
    }
}

impl Item for Speaker {
    fn write<S: SerializeSeq>(&self, view: &ArticleJson, seq: &mut S) -> Result<(), S::Error> {
        seq.serialize_element(&SpeakerJson {
            name: &self.name,
            role: self.role.as_deref(),
            kind: self.kind,
            mentions: Seq {
                view,
                items: &self.mentions,
            },
        })
    }
}

impl Item for Claim {
    fn write<S: SerializeSeq>(&self, view: &ArticleJson, seq: &mut S) -> Result<(), S::Error> {
        let speakers = &view.ex.speakers;
        seq.serialize_element(&ClaimJson {
            start: view.cp.to_char(self.span.start),
            end: view.cp.to_char(self.span.end),
            text: self.span.slice(view.text()),
            kind: self.kind,
            class: self.class,
            speaker: self
                .speaker
                .and_then(|k| speakers.get(k))
                .map(|s| s.name.as_str()),
            source: self.source.map(|s| view.span(s)),
            cue: self.cue.map(|s| view.span(s)),
            fragments: Seq {
                view,
                items: &self.fragments,
            },
        })
    }
}

impl Item for Number {
    fn write<S: SerializeSeq>(&self, view: &ArticleJson, seq: &mut S) -> Result<(), S::Error> {
        seq.serialize_element(&NumberJson {
            start: view.cp.to_char(self.span.start),
            end: view.cp.to_char(self.span.end),
            text: self.span.slice(view.text()),
            value: self.value,
            unit: self.unit,
            kind: self.kind,
            qualifier: self.qualifier,
            low: self.range.map(|r| r.0),
            high: self.range.map(|r| r.1),
            per: self.per,
        })
    }
}

impl Serialize for ArticleJson<'_> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        #[derive(Serialize)]
        #[serde(untagged)]
        enum Id<'a> {
            Content(&'a str),
            Given(&'a Value),
        }
        #[derive(Serialize)]
        struct Whole<'a> {
            path: std::borrow::Cow<'a, str>,
            id: Id<'a>,
            title: &'a str,
            date: Option<&'a str>,
            source: Option<&'a str>,
            speakers: Seq<'a, Speaker>,
            claims: Seq<'a, Claim>,
            numbers: Seq<'a, Number>,
        }
        let a = self.article;
        Whole {
            path: a.path.to_string_lossy(),
            id: self.id.map_or(Id::Content(&a.id), Id::Given),
            title: &a.title,
            date: a.date.as_deref(),
            source: a.source.as_deref(),
            speakers: Seq {
                view: self,
                items: &self.ex.speakers,
            },
            claims: Seq {
                view: self,
                items: &self.ex.claims,
            },
            numbers: Seq {
                view: self,
                items: &self.ex.numbers,
            },
        }
        .serialize(serializer)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::extract::extract;

    #[test]
    fn offsets_are_code_points() {
        let article = Article::from_text("t.txt", "“Ça va très bien,” said Zoë Ångström.".into());
        let ex = extract(&article.text);
        let v = article_json(&article, &ex);
        let claim = &v["claims"][0];
        let chars: Vec<char> = article.text.chars().collect();
        let (s, e) = (
            claim["start"].as_u64().unwrap() as usize,
            claim["end"].as_u64().unwrap() as usize,
        );
        let text: String = chars[s..e].iter().collect();
        assert_eq!(text, claim["text"].as_str().unwrap());
        assert_eq!(v["speakers"][0]["name"], "Zoë Ångström");
        assert_eq!(claim["speaker"], "Zoë Ångström");
        assert_eq!(claim["class"], "speech");
    }

    #[test]
    fn keys_keep_the_contract_order() {
        let article = Article::from_text(
            "t.txt",
            "\"It will open in May,\" she said. \"It will,\" he said, \"be fine.\" It costs $5."
                .into(),
        );
        let ex = extract(&article.text);
        let line = serde_json::to_string(&ArticleJson::new(&article, &ex)).unwrap();
        let order = [
            "\"path\"",
            "\"id\"",
            "\"title\"",
            "\"date\"",
            "\"source\"",
            "\"speakers\"",
            "\"claims\"",
            "\"numbers\"",
        ];
        let at: Vec<usize> = order.iter().map(|k| line.find(k).unwrap()).collect();
        assert!(at.windows(2).all(|w| w[0] < w[1]), "{line}");
        let claim = line.find("\"claims\"").unwrap();
        let keys = [
            "\"start\"",
            "\"end\"",
            "\"text\"",
            "\"kind\"",
            "\"class\"",
            "\"speaker\"",
            "\"source\"",
            "\"cue\"",
        ];
        let at: Vec<usize> = keys
            .iter()
            .map(|k| claim + line[claim..].find(k).unwrap())
            .collect();
        assert!(at.windows(2).all(|w| w[0] < w[1]), "{line}");
        assert!(line.contains("\"fragments\""), "{line}");
    }
}
