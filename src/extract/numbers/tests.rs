use super::*;
use proptest::prelude::*;

/// The numbers found in `text`, as (text, kind, value, unit, qualifier).
type Row<'a> = (
    &'a str,
    &'static str,
    Option<f64>,
    Option<&'static str>,
    Option<&'static str>,
);

fn found(text: &str) -> Vec<Row<'_>> {
    find_numbers(text)
        .into_iter()
        .map(|n| {
            (
                n.span.slice(text),
                n.kind.as_str(),
                n.value,
                n.unit,
                n.qualifier,
            )
        })
        .collect()
}

/// Only the texts of the numbers found.
fn texts(text: &str) -> Vec<&str> {
    find_numbers(text)
        .into_iter()
        .map(|n| n.span.slice(text))
        .collect()
}

/// The one number in `text`.
fn one(text: &str) -> Row<'_> {
    let all = found(text);
    assert_eq!(all.len(), 1, "{text:?} gave {all:?}");
    all[0]
}

fn value(text: &str) -> f64 {
    one(text).2.unwrap_or(f64::NAN)
}

#[test]
fn digits_with_separators_and_decimals() {
    assert_eq!(
        one("They offered 17,000 scholarships."),
        ("17,000", "count", Some(17000.0), None, None)
    );
    assert_eq!(value("a rate of 518.4 today"), 518.4);
    assert_eq!(value("about 1,234,567.89 units"), 1_234_567.89);
    assert_eq!(texts("in 2019, 2020 and 2021"), ["2019", "2020", "2021"]);
    // Commas that group no thousands (`1,2`, `3,5`) make no English figure.
    assert_eq!(texts("scores of 1,2 and 3"), ["3"]);
    assert_eq!(texts("It ended at 33,000."), ["33,000"]);
}

#[test]
fn money_with_signs_codes_and_names() {
    assert_eq!(
        found("trade reached $518.4 billion, double")[0],
        ("$518.4 billion", "money", Some(518.4e9), Some("USD"), None)
    );
    assert_eq!(one("a record 400 billion dollars in trade").3, Some("USD"));
    assert_eq!(value("a record 400 billion dollars in trade"), 400e9);
    assert_eq!(one("fined €3.5 million").3, Some("EUR"));
    assert_eq!(one("paid £20 for it").3, Some("GBP"));
    assert_eq!(one("cost ¥300 there").3, Some("JPY"));
    assert_eq!(
        one("raised US$5m last year"),
        ("US$5m", "money", Some(5e6), Some("USD"), None)
    );
    assert_eq!(one("a HK$2bn deal").3, Some("HKD"));
    assert_eq!(
        one("worth USD 5 million"),
        ("USD 5 million", "money", Some(5e6), Some("USD"), None)
    );
    assert_eq!(one("RMB 30 billion in loans").3, Some("CNY"));
    assert_eq!(one("just 5 euros each").3, Some("EUR"));
    assert_eq!(one("some 30 million US dollars").3, Some("USD"));
    assert_eq!(one("20 billion yuan of bonds").3, Some("CNY"));
    assert_eq!(one("2 million pounds sterling").3, Some("GBP"));
    // Pounds without money around them weigh something.
    assert_eq!(one("he weighs 200 pounds").3, Some("lb"));
    assert_eq!(value("a $3.5tn economy"), 3.5e12);
    assert_eq!(one("a fine of 500 € was").3, Some("EUR"));
    assert_eq!(texts("a $ sign alone, and $ 5"), ["$ 5"]);
}

#[test]
fn scale_words_and_abbreviations() {
    assert_eq!(value("over 2.5 million people"), 2.5e6);
    assert_eq!(value("a thousand reasons"), 1000.0);
    assert_eq!(
        one("created over a million jobs"),
        ("over a million", "count", Some(1e6), None, Some("over"))
    );
    assert_eq!(value("a 1.5bn budget"), 1.5e9);
    assert_eq!(value("about 2m viewers"), 2e6);
    assert_eq!(value("3 trillion"), 3e12);
    assert_eq!(value("two and a half million people"), 2.5e6);
    assert_eq!(value("1 and a half years"), 1.5);
    assert_eq!(value("half a million"), 5e5);
    assert_eq!(value("a dozen eggs"), 12.0);
    assert_eq!(value("two dozen eggs"), 24.0);
    // Vague plurals are not figures.
    assert!(texts("hundreds of thousands of people, dozens of millions, thousands").is_empty());
    assert!(texts("several hundred, a few thousand").is_empty());
}

#[test]
fn spelled_out_numbers() {
    assert_eq!(value("they sent three envoys"), 3.0);
    assert_eq!(value("they sent twenty-one envoys"), 21.0);
    assert_eq!(value("they sent twenty one envoys"), 21.0);
    assert_eq!(value("a hundred and five people"), 105.0);
    assert_eq!(
        value("three hundred and forty-two thousand five hundred"),
        342_500.0
    );
    assert_eq!(value("nine hundred ninety-nine"), 999.0);
    assert_eq!(
        one("Forty-three people died."),
        ("Forty-three", "count", Some(43.0), None, None)
    );
    assert_eq!(value("a third of the population"), 1.0 / 3.0);
    assert_eq!(value("two-thirds of voters"), 2.0 / 3.0);
    assert_eq!(value("three quarters of them"), 0.75);
    assert_eq!(
        one("one in three said no"),
        ("one in three", "count", Some(1.0 / 3.0), None, None)
    );
    assert_eq!(value("nearly 3 in 10 adults"), 0.3);
    assert_eq!(value("one fifth of them"), 0.2);
    assert_eq!(texts("three million first-time buyers"), ["three million"]);
    // Number words do not chain without grammar.
    assert_eq!(texts("two, three, four"), ["two", "three", "four"]);
}

#[test]
fn ordinals_rank_after_a_determiner() {
    assert_eq!(
        one("In May, the fourth ministerial meeting"),
        ("fourth", "ordinal", Some(4.0), None, None)
    );
    assert_eq!(
        one("at the 9th CELAC summit"),
        ("9th", "ordinal", Some(9.0), None, None)
    );
    assert_eq!(one("the second-largest trading partner").0, "second");
    assert_eq!(
        one("attend Tuesday's fourth Ministerial Meeting").0,
        "fourth"
    );
    assert_eq!(
        one("the twenty-first century"),
        ("twenty-first", "ordinal", Some(21.0), None, None)
    );
    assert_eq!(one("its 22nd congress").2, Some(22.0));
    assert_eq!(one("she finished third").0, "third");
    assert_eq!(one("the hundredth anniversary").2, Some(100.0));
    // `another` readings, adverbs and names are not ranks.
    assert!(texts("any third party, a third country, a second term").is_empty());
    assert!(texts("Second, the plan failed. At first it worked.").is_empty());
    assert!(texts("the Second World War and the First Lady").is_empty());
}

#[test]
fn percentages() {
    assert_eq!(
        one("up 5% on the year"),
        ("5%", "percent", Some(5.0), Some("percent"), None)
    );
    assert_eq!(one("up 5 percent").0, "5 percent");
    assert_eq!(one("up 5 per cent").0, "5 per cent");
    assert_eq!(
        one("by 0.25 percentage points"),
        (
            "0.25 percentage points",
            "percent",
            Some(0.25),
            Some("percentage point"),
            None
        )
    );
    assert_eq!(one("five percent of the vote").2, Some(5.0));
    assert_eq!(one("a 5.5 % rise").0, "5.5 %");
}

#[test]
fn qualifiers_are_kept_apart_and_spanned() {
    let q = |t: &'static str| one(t).4;
    assert_eq!(
        one("implemented over 200 projects"),
        ("over 200", "count", Some(200.0), None, Some("over"))
    );
    assert_eq!(one("more than 100 projects").0, "more than 100");
    assert_eq!(q("more than 100 projects"), Some("more than"));
    assert_eq!(one("almost 400 million doses").0, "almost 400 million");
    assert_eq!(q("about 8% of staff"), Some("about"));
    assert_eq!(q("nearly 40 countries"), Some("nearly"));
    assert_eq!(q("roughly 3 kg"), Some("roughly"));
    assert_eq!(q("at least 5 people"), Some("at least"));
    assert_eq!(q("up to 10 years"), Some("up to"));
    assert_eq!(q("less than $3"), Some("less than"));
    assert_eq!(q("fewer than 20 seats"), Some("fewer than"));
    assert_eq!(q("around 40 ships"), Some("around"));
    assert_eq!(q("some 200 people"), Some("some"));
    assert_eq!(q("no more than 7 days"), Some("at most"));
    assert_eq!(one("just over 1,000 votes").0, "just over 1,000");
    assert_eq!(q("an estimated 5,000 troops"), Some("estimated"));
    assert_eq!(q("as many as 300 people"), Some("up to"));
    assert_eq!(q("more than a decade ago"), Some("more than"));
    assert_eq!(found("cost $84 billion over 10 years")[1].0, "10 years");
    // Years take no hedge, and `over` must touch the number.
    assert_eq!(one("over the next three years").0, "three years");
    assert_eq!(q("in 2024"), None);
}

#[test]
fn ranges() {
    assert_eq!(
        one("From 2017 to 2021 Panama"),
        ("2017 to 2021", "range", None, None, None)
    );
    assert_eq!(
        one("from February 1 to 6, made"),
        ("February 1 to 6", "date", None, None, None)
    );
    assert_eq!(
        one("a 5-10% rise"),
        ("5-10%", "range", None, Some("percent"), None)
    );
    assert_eq!(
        one("between 3 and 5 people"),
        ("between 3 and 5", "range", None, None, None)
    );
    assert_eq!(one("three to five years").3, Some("year"));
    assert_eq!(
        one("the 2017-18 season"),
        ("2017-18", "range", None, None, None)
    );
    assert_eq!(one("$3-5 million").1, "range");
    assert_eq!(one("from 20 to 30 percent").0, "20 to 30 percent");
    // Falling pairs are two figures; dashed ones are scores or codes.
    assert_eq!(texts("the vote was 6 to 3"), ["6", "3"]);
    assert_eq!(one("it passed 52-48, a").1, "score");
    assert!(texts("call 555-123-4567 or 555-1234").is_empty());
    assert_eq!(texts("rose from 5% to 10%"), ["5%", "10%"]);
}

#[test]
fn years() {
    assert_eq!(
        one("In 2024, trade grew"),
        ("2024", "year", Some(2024.0), None, None)
    );
    assert_eq!(one("during 2021.").1, "year");
    assert_eq!(one("in 1492 he sailed").1, "year");
    assert_eq!(one("by mid-2020 it was over").0, "2020");
    assert_eq!(one("in the 1990s").1, "date");
    assert_eq!(one("it weighed 1500 tonnes").1, "measure");
    assert_eq!(one("he has 1500 followers").1, "count");
    // Prepositions before a year are no hedges; real hedges make it a count.
    assert_eq!(
        found("cut to below 2005 levels")[0],
        ("2005", "year", Some(2005.0), None, None)
    );
    assert_eq!(one("more than 2000 people").4, Some("more than"));
}

#[test]
fn dates() {
    for (text, date) in [
        ("date 2025-02-07 + more", "2025-02-07"),
        ("on March 2, 2022 at", "March 2, 2022"),
        ("On September 26, 2019 local time", "September 26, 2019"),
        ("When Cuba in September 1960 recognized", "September 1960"),
        ("on Feb. 7 the", "Feb. 7"),
        ("on 7 March 2022 the", "7 March 2022"),
        ("since September 11th", "September 11th"),
        ("on the 7th of March", "7th of March"),
        ("due 02/07/2025.", "02/07/2025"),
        ("on Sept. 11, 2001,", "Sept. 11, 2001"),
        ("from March 2 to April 5", "March 2 to April 5"),
        ("met on 15-16 June 2023 in", "15-16 June 2023"),
        ("on June 20–21, 2024.", "June 20–21, 2024"),
    ] {
        assert_eq!(one(text), (date, "date", None, None, None), "{text}");
    }
    // A month alone, or a verb, is no date.
    assert!(texts("In May, they may march on Monday.").is_empty());
}

#[test]
fn durations() {
    assert_eq!(
        one("over the next three years"),
        ("three years", "duration", Some(3.0), Some("year"), None)
    );
    assert_eq!(
        found("double that of a decade ago")[1],
        ("a decade", "duration", Some(10.0), Some("year"), None)
    );
    assert_eq!(one("for six months").3, Some("month"));
    assert_eq!(one("within 48 hours").0, "48 hours");
    assert_eq!(
        one("a three-year plan"),
        ("three-year", "duration", Some(3.0), Some("year"), None)
    );
    assert_eq!(one("the 46-year-old suspect").0, "46-year-old");
    assert_eq!(value("two decades"), 20.0);
    assert_eq!(value("half a century"), 50.0);
    assert_eq!(value("one year"), 1.0);
    // A singular unit after a plural number is no duration; `one day` says when.
    assert_eq!(one("the 2024 fiscal year").1, "year");
    assert!(texts("One day he left; a year later, a week after").is_empty());
}

#[test]
fn measures() {
    assert_eq!(
        one("+ ↺ − 16 px China"),
        ("16 px", "measure", Some(16.0), Some("px"), None)
    );
    assert_eq!(one("drove 200 km").3, Some("km"));
    assert_eq!(one("drove 200km").3, Some("km"));
    assert_eq!(one("a 5 kg bag").3, Some("kg"));
    assert_eq!(one("it was 30 degrees").3, Some("°"));
    assert_eq!(one("it was 30°C").3, Some("°C"));
    assert_eq!(one("ran 10 miles").3, Some("mi"));
    assert_eq!(one("a 500 MW plant").3, Some("MW"));
    assert_eq!(one("150 square kilometres").3, Some("km²"));
    assert_eq!(one("3 million barrels").2, Some(3e6));
}

#[test]
fn parts_of_names_and_codes_are_not_numbers() {
    let none = [
        "the Covid-19 pandemic",
        "advanced 5G technologies",
        "the G20 summit",
        "at the \"Linjia 7 Salon\" on",
        "an F-35 jet",
        "at COP26 talks",
        "a Boeing 737 crashed",
        "along Route 66",
        "see https://t.co/GfMU7tCfjr now",
        "visit www.example.com/2021/05/story",
        "mail me at bob2@example.com",
        "version 1.2.3 shipped",
        "call +1 555 0100",
        "the No. 1 spot, #1 seed",
        "agent 007",
        "the H1N1 virus and CO2",
        "a 3-D film",
        "he is 6'3\" tall",
        "timestamp=\"1474387200\"",
        "a 7-Eleven shop",
        "the Five-Year Plan",
        "the Big Three",
        "a top-five finish",
    ];
    for text in none {
        assert!(texts(text).is_empty(), "{text:?} gave {:?}", texts(text));
    }
}

#[test]
fn pronoun_one_and_definite_references_are_not_numbers() {
    let none = [
        "there is but one China in the world",
        "one of the best",
        "no one came",
        "the one-China principle",
        "no zero-sum game",
        "the two sides agreed",
        "both of the two leaders",
        "one by one",
        "a two-party system",
    ];
    for text in none {
        assert!(texts(text).is_empty(), "{text:?} gave {:?}", texts(text));
    }
    // With a unit or a scale they are figures again.
    assert_eq!(texts("the two million residents"), ["two million"]);
    assert_eq!(texts("in the three years since"), ["three years"]);
}

#[test]
fn negative_numbers_keep_their_sign() {
    assert_eq!(
        one("it fell to -10°C"),
        ("-10°C", "measure", Some(-10.0), Some("°C"), None)
    );
    assert_eq!(one("growth of −2.5% last year").2, Some(-2.5));
    assert_eq!(one("minus 10 degrees Celsius").2, Some(-10.0));
    // A dash after a word, or a spaced sign, is no minus.
    assert_eq!(one("+ ↺ − 16 px").2, Some(16.0));
    assert_eq!(one("pages 5-10").1, "range");
}

#[test]
fn spans_are_sorted_and_disjoint_on_mixed_text() {
    let text =
        "Between 2017 and 2021, about 3.5 million people (12%) left; 20 returned on March 3.";
    let all = find_numbers(text);
    assert_eq!(
        texts(text),
        [
            "Between 2017 and 2021",
            "about 3.5 million",
            "12%",
            "20",
            "March 3"
        ]
    );
    assert!(all.windows(2).all(|w| w[0].span.end <= w[1].span.start));
}

#[test]
fn odd_input_is_handled() {
    assert!(find_numbers("").is_empty());
    assert_eq!(texts("7"), ["7"]);
    assert!(
        texts("99999999999999999999999999").is_empty(),
        "too long to be a figure"
    );
    assert_eq!(texts("ünd 5 Äpfel, für 3,5 €"), ["5"]);
    assert!(texts("Martínez5").is_empty());
}

/// Text from a small alphabet that hits the grammar's corners often.
fn tricky() -> impl Strategy<Value = String> {
    let atoms = prop::sample::select(vec![
        "0", "1", "7", "12", "2021", "1,000", "3.5", "-", "–", " ", "  ", "\n", ",", ".", "%", "$",
        "€", "£", "¥", "°", "a", "an", "one", "twenty", "hundred", "million", "bn", "m", "th",
        "and", "to", "between", "over", "more", "than", "the", "March", "Feb", "of", "years",
        "half", "per", "cent", "US", "USD", "km", "s", "é", "中", "“", "/", ":", "'s", "-old",
        "third", "quarter", "decade", "px", "http", "No.", "#",
    ]);
    prop::collection::vec(atoms, 0..40).prop_map(|v| v.concat())
}

fn check_invariants(text: &str) -> Result<(), TestCaseError> {
    let all = find_numbers(text);
    let mut last = 0;
    for n in &all {
        prop_assert!(n.span.start < n.span.end, "empty span {:?}", n);
        prop_assert!(n.span.end <= text.len());
        prop_assert!(text.is_char_boundary(n.span.start) && text.is_char_boundary(n.span.end));
        prop_assert!(n.span.start >= last, "overlap or disorder at {:?}", n);
        prop_assert!(n.value.is_none_or(f64::is_finite));
        last = n.span.end;
    }
    Ok(())
}

proptest! {
    #[test]
    fn never_panics_and_spans_are_sound(text in "\\PC{0,80}") {
        check_invariants(&text)?;
    }

    #[test]
    fn never_panics_on_number_like_text(text in tricky()) {
        check_invariants(&text)?;
    }

    #[test]
    fn never_panics_on_digits_and_signs(text in "[0-9$€£¥,.%\\- a-zA-Z–°]{0,60}") {
        check_invariants(&text)?;
    }
}
