//! One JSON object per article, in the contract of the evaluation README: every offset in
//! Unicode code points, end exclusive.

use serde_json::{Value, json};

use crate::article::Article;
use crate::extract::{Extraction, Span};
use crate::text::offsets::CodePoints;

/// The JSON object for one article and its extraction.
pub fn article_json(article: &Article, ex: &Extraction) -> Value {
    let text = article.text.as_str();
    let cp = CodePoints::new(text);
    let span = |s: Span| json!({"start": cp.to_char(s.start), "end": cp.to_char(s.end), "text": s.slice(text)});
    let speakers: Vec<Value> = ex
        .speakers
        .iter()
        .map(|s| {
            json!({
                "name": s.name,
                "role": s.role,
                "kind": s.kind,
                "mentions": s.mentions.iter().map(|&m| span(m)).collect::<Vec<_>>(),
            })
        })
        .collect();
    let claims: Vec<Value> = ex
        .claims
        .iter()
        .map(|c| {
            let mut obj = json!({
                "start": cp.to_char(c.span.start),
                "end": cp.to_char(c.span.end),
                "text": c.span.slice(text),
                "kind": c.kind,
                "speaker": c.speaker.and_then(|k| ex.speakers.get(k)).map(|s| s.name.as_str()),
                "source": c.source.map(span),
                "cue": c.cue.map(span),
            });
            if !c.fragments.is_empty()
                && let Some(map) = obj.as_object_mut()
            {
                map.insert(
                    "fragments".into(),
                    c.fragments
                        .iter()
                        .map(|&f| span(f))
                        .collect::<Vec<_>>()
                        .into(),
                );
            }
            obj
        })
        .collect();
    let numbers: Vec<Value> = ex
        .numbers
        .iter()
        .map(|n| {
            json!({
                "start": cp.to_char(n.span.start),
                "end": cp.to_char(n.span.end),
                "text": n.span.slice(text),
                "value": n.value,
                "unit": n.unit,
                "kind": n.kind,
                "qualifier": n.qualifier,
            })
        })
        .collect();
    json!({
        "path": article.path.to_string_lossy(),
        "id": article.id,
        "title": article.title,
        "date": article.date,
        "source": article.source,
        "speakers": speakers,
        "claims": claims,
        "numbers": numbers,
    })
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
    }
}
