//! What the benches share: the sample articles and text built from them.

/// The five sample articles.
pub const SEEDS: [&str; 5] = [
    include_str!("../../seeds/000_2500ef5cd031a891.txt"),
    include_str!("../../seeds/001_0cda0abccf93c76d.txt"),
    include_str!("../../seeds/002_337f31bbd1bd4543.txt"),
    include_str!("../../seeds/003_1e8a7f8cf821f1b8.txt"),
    include_str!("../../seeds/004_ee5d5f4a442c73fa.txt"),
];

/// At least `size` bytes of text: the samples end to end, again and again.
pub fn samples_end_to_end(size: usize) -> String {
    let mut text = String::with_capacity(size + 16 * 1024);
    while text.len() < size {
        for seed in SEEDS {
            text.push_str(seed);
            text.push_str("\n\n");
        }
    }
    text
}
