//! The five sample articles, built into the binary so that `sayso` opens something useful
//! with no arguments, and `extract` has a default input.

use super::Article;

/// Name (under `seeds/`) and contents of each sample, in order.
const SEEDS: [(&str, &str); 5] = [
    (
        "000_2500ef5cd031a891.txt",
        include_str!("../../seeds/000_2500ef5cd031a891.txt"),
    ),
    (
        "001_0cda0abccf93c76d.txt",
        include_str!("../../seeds/001_0cda0abccf93c76d.txt"),
    ),
    (
        "002_337f31bbd1bd4543.txt",
        include_str!("../../seeds/002_337f31bbd1bd4543.txt"),
    ),
    (
        "003_1e8a7f8cf821f1b8.txt",
        include_str!("../../seeds/003_1e8a7f8cf821f1b8.txt"),
    ),
    (
        "004_ee5d5f4a442c73fa.txt",
        include_str!("../../seeds/004_ee5d5f4a442c73fa.txt"),
    ),
];

/// The embedded samples as articles, with paths `seeds/<file name>`.
pub fn embedded_seeds() -> Vec<Article> {
    SEEDS
        .iter()
        .map(|(name, text)| Article::from_text(format!("seeds/{name}"), (*text).to_string()))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::path::Path;

    #[test]
    fn the_embedded_seeds_are_the_files_in_seeds() {
        let seeds = embedded_seeds();
        assert_eq!(seeds.len(), 5);
        let dir = Path::new(env!("CARGO_MANIFEST_DIR"));
        for seed in &seeds {
            let on_disk = std::fs::read_to_string(dir.join(&seed.path)).unwrap();
            assert_eq!(seed.text, on_disk, "{}", seed.path.display());
            assert!(seed.warnings.is_empty(), "{:?}", seed.warnings);
        }
        // Every seed file is embedded: a sixth file in `seeds/` must be added to SEEDS.
        let files = std::fs::read_dir(dir.join("seeds"))
            .unwrap()
            .filter(|entry| {
                entry
                    .as_ref()
                    .unwrap()
                    .path()
                    .extension()
                    .and_then(|e| e.to_str())
                    == Some("txt")
            })
            .count();
        assert_eq!(files, seeds.len());
    }

    #[test]
    fn seed_ids_are_stable() {
        // `sha256sum seeds/*.txt | cut -c1-16`
        let ids: Vec<String> = embedded_seeds().into_iter().map(|a| a.id).collect();
        assert_eq!(
            ids,
            [
                "c3cc407e36c7764c",
                "f09321b39c106da8",
                "cb37b4ed6a83bb3a",
                "f20545c35886e83c",
                "2efc4d3dbccd1e75",
            ]
        );
    }

    #[test]
    fn seed_metadata() {
        let seeds = embedded_seeds();
        let titles: Vec<&str> = seeds.iter().map(|a| a.title.as_str()).collect();
        assert_eq!(
            titles,
            [
                "China has formally expressed its strong disapproval to the United States regarding the accusations…",
                "Foreign ministry emphasizes reliance on China-LAC relations",
                "Wang Yi: China-Latin America Cooperation Is a Voluntary Choice of Both Sides",
                "According to the Chinese FM, since the outbreak of the Covid-19 pandemic, China has strengthened…",
                "China, CELAC cooperate to reject bloc confrontation, oppose unilateral hegemony: interviews",
            ]
        );
        let dates: Vec<Option<&str>> = seeds.iter().map(|a| a.date.as_deref()).collect();
        assert_eq!(
            dates,
            [
                Some("2025-02-07"),
                None,
                Some("2019-09-26"),
                Some("2022-03-08"),
                None
            ]
        );
        let sources: Vec<Option<&str>> = seeds.iter().map(|a| a.source.as_deref()).collect();
        assert_eq!(sources, [Some("News.Az"), None, None, None, None]);
    }
}
