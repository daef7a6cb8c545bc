//! The library's tags: the index with counts, completion, the annotations carrying one,
//! and renaming (or merging) a tag everywhere as one undo step.

use super::*;

/// A tag and how many annotations carry it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TagCount {
    pub tag: String,
    pub count: usize,
}

impl Library {
    /// Renames tag `from` to `to` in every writable file, merging into `to` where an
    /// annotation already has it; one undo step. Returns how many annotations changed.
    pub fn rename_tag(&mut self, from: &str, to: &str) -> Result<usize, StoreError> {
        let Some(to) = normalize_tag(to) else {
            return Ok(0);
        };
        let now = Timestamp::now();
        let mut edits = Vec::new();
        for (file_id, file) in self.files() {
            if file.is_read_only() {
                continue;
            }
            for before in file.annotations().iter().filter(|a| a.has_tag(from)) {
                let mut after = before.clone();
                let mut tags: Vec<String> = Vec::with_capacity(after.tags.len());
                for tag in &before.tags {
                    let tag = if same_tag(tag, from) { &to } else { tag };
                    if !tags.iter().any(|t| same_tag(t, tag)) {
                        tags.push(tag.clone());
                    }
                }
                after.tags = tags;
                after.updated = now.max(before.updated);
                edits.push(Edit::Replace {
                    file: file_id,
                    before: before.clone(),
                    after,
                });
            }
        }
        let changed = edits.len();
        if changed > 0 {
            self.commit(Change::new(format!("rename tag {from} → {to}"), edits))?;
        }
        Ok(changed)
    }

    /// Every tag with its number of annotations, most used first, then by name.
    /// Tags that differ only in case are one, shown as first typed (in the oldest
    /// annotation that has it).
    pub fn tag_index(&self) -> Vec<TagCount> {
        // By case-folded name: the count, and the spelling with the time it was given.
        let mut counts: HashMap<String, (usize, Timestamp, &str)> = HashMap::new();
        for file in &self.files {
            for a in file.annotations() {
                for tag in &a.tags {
                    let entry = counts.entry(tag_key(tag)).or_insert((0, a.created, tag));
                    entry.0 += 1;
                    if (a.created, tag.as_str()) < (entry.1, entry.2) {
                        (entry.1, entry.2) = (a.created, tag);
                    }
                }
            }
        }
        let mut index: Vec<TagCount> = counts
            .into_values()
            .map(|(count, _, tag)| TagCount {
                tag: tag.to_owned(),
                count,
            })
            .collect();
        index.sort_by(|a, b| b.count.cmp(&a.count).then_with(|| a.tag.cmp(&b.tag)));
        index
    }

    /// Completion candidates for a tag being typed: tags starting with `typed` (ignoring
    /// case, and a leading `#`), most used first.
    pub fn tag_candidates(&self, typed: &str) -> Vec<String> {
        let typed = typed.trim().trim_start_matches('#').to_lowercase();
        self.tag_index()
            .into_iter()
            .filter(|t| t.tag.to_lowercase().starts_with(&typed))
            .map(|t| t.tag)
            .collect()
    }

    /// Every annotation carrying `tag`, by file then position.
    pub fn tagged(&self, tag: &str) -> Vec<(FileId, &Annotation)> {
        self.files()
            .flat_map(|(id, f)| {
                f.annotations()
                    .iter()
                    .filter(|a| a.has_tag(tag))
                    .map(move |a| (id, a))
            })
            .collect()
    }
}
