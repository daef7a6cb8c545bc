//! Inputs built to make a careless scanner quadratic: long stretches without a full stop,
//! quotation marks that nest or never close, one endless line, a crowd of namesakes, an
//! endless link. Shared by the extract bench and the scaling test
//! (`tests/extract_scaling.rs`), which includes this file by path.

/// The samples, end to end, at least `size` bytes.
fn samples(size: usize) -> String {
    let seeds = super::SEEDS;
    let mut text = String::with_capacity(size + 16 * 1024);
    while text.len() < size {
        for seed in seeds {
            text.push_str(seed);
            text.push(' ');
        }
    }
    text
}

/// `piece` repeated up to `size` bytes.
fn repeat(piece: &str, size: usize) -> String {
    piece.repeat(size / piece.len() + 1)
}

/// Builds an input of about the given size in bytes.
pub type Make = fn(usize) -> String;

/// Each adversarial input by name.
pub const INPUTS: &[(&str, Make)] = &[
    // `clause_end` once ran from every reporting verb to the sentence end.
    ("said_no_stop", |n| repeat("He said the plan ", n)),
    // News prose with every full stop and line break removed: one sentence.
    ("news_no_stops", |n| {
        samples(n)
            .chars()
            .filter(|c| !matches!(c, '.' | '!' | '?'))
            .map(|c| if c == '\n' { ' ' } else { c })
            .collect()
    }),
    ("nested_quotes", |n| repeat("He said \"", n)),
    // One paragraph of quotes in fragments around attributions, each with a participle
    // nested between them: settling claims looks up the gaps between fragments.
    ("quote_gaps", |n| {
        repeat(
            "\"We won,\" she said, adding that it rained. \"We go on.\" ",
            n,
        )
    }),
    ("curly_quotes_open", |n| repeat("“He said ", n)),
    ("one_long_line", |n| samples(n).replace('\n', " ")),
    ("namesakes", |n| {
        let mut text = String::with_capacity(n + 64);
        let mut k = 0;
        while text.len() < n {
            text.push_str(&format!("John Q{k} said the plan works. "));
            k += 1;
        }
        text
    }),
    ("endless_link", |n| {
        format!("Look http://{} — John Smith\n", repeat("a/", n))
    }),
    ("figures", |n| repeat("1 ", n)),
    // Digit groups that never close (Indian, European, spaced), and number words that
    // chain on: every start must stop after a bounded look-ahead.
    ("digit_groups", |n| repeat("1,12,12 1.234.5 1 234 ", n)),
    ("number_words", |n| {
        repeat(
            "one hundred and five and a half point one two thousand and ",
            n,
        )
    }),
    ("parenthetical", |n| repeat(", he said, the plan ", n)),
    ("according_to", |n| {
        repeat("according to officials the plan ", n)
    }),
];
