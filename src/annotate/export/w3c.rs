//! W3C Web Annotation Data Model: an `AnnotationCollection` (JSON-LD) whose one page holds
//! the annotations. Each targets its article (a `file://` IRI when the recorded path is
//! absolute, else `urn:sayso:article:<id>`) with a `TextQuoteSelector` and a
//! `TextPositionSelector` (code points), and has `TextualBody` bodies: the note
//! (`commenting`), one per tag (`tagging`) and, on a claim, its class (`classifying`: the
//! model's purpose for saying what sort of thing the target is, which keeps the engine's
//! class apart from the reader's own tags). Ids are `urn:sayso:annotation:<id>`; the
//! speaker and anchoring status are extension properties under `sayso:`.

use serde_json::{Value, json};
use sha2::{Digest, Sha256};

use super::{ExportError, ExportedAnnotation, ExportedArticle};
use crate::annotate::format::ArticleMeta;

pub const CONTEXT: &str = "http://www.w3.org/ns/anno.jsonld";
pub const ANNOTATION_IRI_PREFIX: &str = "urn:sayso:annotation:";
/// The namespace of the `sayso:` extension properties (speaker, anchoring status), defined
/// in the export's `@context` so JSON-LD processors expand them.
pub const SAYSO_NS: &str = "urn:sayso:ns:";

pub fn render(articles: &[ExportedArticle<'_>]) -> Result<String, ExportError> {
    let mut items = Vec::new();
    for article in articles {
        let source = source_iri(article.meta);
        for item in &article.annotations {
            let a = item.annotation;
            let mut body: Vec<Value> = Vec::new();
            if !a.note.is_empty() {
                body.push(json!({
                    "type": "TextualBody",
                    "purpose": "commenting",
                    "value": a.note,
                    "format": "text/plain",
                }));
            }
            for tag in &a.tags {
                body.push(json!({ "type": "TextualBody", "purpose": "tagging", "value": tag }));
            }
            if let Some(class) = item.class() {
                body.push(json!({
                    "type": "TextualBody",
                    "purpose": "classifying",
                    "value": class,
                }));
            }
            let mut annotation = json!({
                "id": format!("{ANNOTATION_IRI_PREFIX}{}", a.id),
                "type": "Annotation",
                "created": a.created.to_string(),
                "modified": a.updated.to_string(),
                "body": body,
                "target": {
                    "source": source,
                    "selector": selectors(item),
                },
                "sayso:status": item.status_str(),
            });
            if let (Some(original), Some(map)) = (item.original(), annotation.as_object_mut()) {
                map.insert(
                    "sayso:original".to_owned(),
                    json!({ "exact": original.exact, "start": original.start, "end": original.end }),
                );
            }
            if let (Some(speaker), Some(map)) = (item.speaker, annotation.as_object_mut()) {
                map.insert("sayso:speaker".to_owned(), json!(speaker));
            }
            if let (Some(correction), Some(map)) = (item.correction(), annotation.as_object_mut()) {
                map.insert("sayso:corrected".to_owned(), json!(correction));
            }
            items.push(annotation);
        }
    }
    // The collection is named by what it holds, so the same export gets the same id.
    let mut digest = Sha256::new();
    for item in &items {
        if let Some(id) = item.get("id").and_then(Value::as_str) {
            digest.update(id.as_bytes());
            digest.update(b"\n");
        }
    }
    let hex: String = digest
        .finalize()
        .iter()
        .take(8)
        .map(|b| format!("{b:02x}"))
        .collect();
    let collection_id = format!("urn:sayso:export:{hex}");
    let collection = json!({
        "@context": [CONTEXT, { "sayso": SAYSO_NS }],
        "id": collection_id,
        "type": "AnnotationCollection",
        "label": "sayso annotations",
        "total": items.len(),
        "first": {
            "id": format!("{collection_id}:page:0"),
            "type": "AnnotationPage",
            "partOf": collection_id,
            "startIndex": 0,
            "items": items,
        },
    });
    let mut text = serde_json::to_string_pretty(&collection)?;
    text.push('\n');
    Ok(text)
}

/// The quote as it reads now, and where it is; an orphan gets its stored quote only (no
/// position selector: its offsets would select other text).
fn selectors(item: &ExportedAnnotation<'_>) -> Vec<Value> {
    let t = &item.target;
    let mut out = vec![json!({
        "type": "TextQuoteSelector",
        "exact": t.exact,
        "prefix": t.prefix,
        "suffix": t.suffix,
    })];
    if let Some((start, end)) = item.position() {
        out.push(json!({ "type": "TextPositionSelector", "start": start, "end": end }));
    }
    out
}

fn source_iri(meta: &ArticleMeta) -> String {
    if meta.path.starts_with('/') {
        format!("file://{}", percent_encode(&meta.path))
    } else {
        format!("urn:sayso:article:{}", meta.id)
    }
}

/// Percent-encodes everything but unreserved characters and `/` (RFC 3986).
fn percent_encode(path: &str) -> String {
    let mut out = String::with_capacity(path.len());
    for b in path.bytes() {
        if b.is_ascii_alphanumeric() || b"-._~/".contains(&b) {
            out.push(char::from(b));
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}
