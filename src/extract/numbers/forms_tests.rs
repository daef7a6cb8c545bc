//! The forms issue 10 added, each on sentences written for the purpose: fractions,
//! notation, suffixes and scales, spelled-out forms, kinds, range values.

use super::*;
use proptest::prelude::*;

/// The one number in `text`: its text, kind and value.
fn one(text: &str) -> (&str, &'static str, Option<f64>) {
    let all = find_numbers(text);
    assert_eq!(all.len(), 1, "{text:?} gave {all:?}");
    let n = &all[0];
    (n.span.slice(text), n.kind.as_str(), n.value)
}

/// The value of the one number in `text`, compared with a relative tolerance.
fn value_is(text: &str, want: f64) {
    let (span, _, v) = one(text);
    let v = v.unwrap_or(f64::NAN);
    assert!(
        (v - want).abs() <= 1e-9 * want.abs().max(1.0),
        "{text:?}: {span:?} = {v}, want {want}"
    );
}

fn number(text: &str) -> Number {
    let all = find_numbers(text);
    assert_eq!(all.len(), 1, "{text:?} gave {all:?}");
    all[0].clone()
}

#[test]
fn fractions_and_mixed_numbers() {
    value_is("Add 3/4 of the flour", 0.75);
    value_is("it fell -4/5 in a day", -0.8);
    value_is("a 2 1/4 inch pipe", 2.25);
    value_is("a half", 0.5);
    value_is("They own a quarter.", 0.25);
    value_is("three quarters of them", 0.75);
    value_is("two thirds of voters", 2.0 / 3.0);
    value_is("three fifths of the board", 0.6);
    value_is("one and a half", 1.5);
    value_is("five and a quarter", 5.25);
    value_is("one hundred and three quarters", 100.75);
    value_is("twenty-three fifths", 4.6);
    value_is("They got a hundredth.", 0.01);
    value_is("two and fifty-four hundredths", 2.54);
    value_is("a trillionth of a second", 1e-12);
    value_is("½ a cup", 0.5);
    value_is("it grew 2¾ times", 2.75);
    value_is("a quarter of a million", 250_000.0);
    value_is("three quarters billion", 750e6);
    value_is("six million and two thirds", 6e6 + 2e6 / 3.0);
    value_is("one hundred and thirty-two fifths", 26.4);
    value_is("two hundred and fifty-four hundredths", 200.54);
    assert_eq!(one("half the size").1, "multiplier");
    // `9/11` and `24/7` are names, `1/2/2024` a date.
    assert!(find_numbers("after 9/11 and 24/7 news").is_empty());
    assert_eq!(one("on 1/2/2024 we").1, "date");
}

#[test]
fn notation() {
    value_is("a rate of .08 today", 0.08);
    value_is("1e10", 1e10);
    value_is("-127.32e13", -1.2732e15);
    value_is("12.32e+14", 1.232e15);
    value_is("1.1^23", 1.1f64.powi(23));
    value_is("6.23x10^-4", 6.23e-4);
    value_is("minus 5 degrees", -5.0);
    value_is("negative one", -1.0);
    value_is("1 234 567 people", 1_234_567.0);
    value_is("1\u{2009}234 people", 1234.0);
    value_is("12,34,567.89 rupees", 1_234_567.89);
    value_is("1.111,11 euros", 1111.11);
    value_is(
        "123,456,789,012,345,678,901 atoms",
        1.234_567_890_123_456_8e20,
    );
    // Versions and addresses are one token and no number.
    assert!(find_numbers("v2.3.1 at 192.168.1.2").is_empty());
}

#[test]
fn suffixes_and_scales() {
    value_is("10k runners", 1e4);
    value_is("2.33 k views", 2330.0);
    value_is("a 1.2b deal", 1.2e9);
    value_is("a 1.5bn deal", 1.5e9);
    value_is("$5m", 5e6);
    value_is("322 hundred", 32_200.0);
    value_is("3 hundred and 21", 321.0);
    value_is("4 thousand 3 hundred and 21", 4321.0);
    value_is("3 dozens", 36.0);
    value_is("three dozen", 36.0);
    value_is("35 lakh rupees", 3.5e6);
    value_is("10 bln", 1e10);
    value_is("3 million and a half", 3.5e6);
    value_is("four-and-a-half", 4.5);
    value_is("115USD", 115.0);
    let cards = find_numbers("3 USD50 cards");
    assert_eq!(
        (cards.len(), cards[1].value, cards[1].unit),
        (2, Some(50.0), Some("USD"))
    );
    value_is("75 USD million", 75e6);
    value_is("120 MEUR", 120e6);
    value_is("It costs 15 dollars 50.", 15.5);
    value_is("a 24703m2 plot", 24703.0);
    value_is("The length is 12 ft 2 in more or less", 12.0 + 2.0 / 12.0);
    let rate = number("a $400-million-a-year program");
    assert_eq!(
        (rate.value, rate.unit, rate.per),
        (Some(400e6), Some("USD"), Some("year"))
    );
    assert_eq!(number("earns $15 an hour").per, Some("hour"));
    let six = number("salaries ran into six figures");
    assert_eq!((six.kind, six.value), (NumberKind::Range, None));
    assert_eq!(six.range, Some((100_000.0, 999_999.0)));
    assert_eq!(
        number("a six-figure salary").range,
        Some((100_000.0, 999_999.0))
    );
    assert_eq!(
        number("Her fees ran to six figures.").range,
        Some((100_000.0, 999_999.0))
    );
    assert_eq!(find_numbers("three or four figures who will").len(), 2);
    for (text, times) in [
        ("a threefold rise", 3.0),
        ("twice as many", 2.0),
        ("double the cost", 2.0),
    ] {
        let n = number(text);
        assert_eq!(
            (n.kind, n.value),
            (NumberKind::Multiplier, Some(times)),
            "{text}"
        );
    }
    // `5G` is a network; a `double standard` is no figure.
    assert!(find_numbers("5G phones, a double standard").is_empty());
}

#[test]
fn spelled_out_forms() {
    value_is("fifty - two", 52.0);
    value_is("two hundred point zero three", 200.03);
    value_is("two hundred point seventy-one", 200.71);
    value_is("nought point eleven", 0.11);
    value_is("ninety-five hundred", 9500.0);
    value_is("It says A QUARTER.", 0.25);
    assert_eq!(one("the twenty-first").1, "ordinal");
    assert_eq!(one("twentieth"), ("twentieth", "ordinal", Some(20.0)));
    assert_eq!(one("the one hundredth anniversary").2, Some(100.0));
    value_is("a twenty-fifth.", 0.04);
    value_is("the three men", 3.0);
    value_is("its two", 2.0);
    value_is("all four charges", 4.0);
    value_is("another quarter of the", 0.25);
    value_is("one out of three", 1.0 / 3.0);
    value_is("1 over 3", 1.0 / 3.0);
    // `first` alone is an adverb, `third-party` a kind, `a third,` a person.
    assert!(find_numbers("He first said it to third-party groups.").is_empty());
    assert!(find_numbers("And a third, Jo Roe, said").is_empty());
    // `the two sides` refers back to a pair already named.
    assert!(find_numbers("the two sides met").is_empty());
}

#[test]
fn kinds() {
    let kind = |t: &str| one(t).1;
    assert_eq!(number("a 17-year-old student").kind, NumberKind::Age);
    assert_eq!(number("a 17-year-old student").value, Some(17.0));
    assert_eq!(kind("Jane Roe, 61, said"), "age");
    assert_eq!(kind("a man aged 61 was"), "age");
    assert_eq!(kind("he is 61 years old"), "age");
    assert_eq!(kind("In May, 61, of them"), "count");
    assert_eq!(kind("a 19-15 vote"), "score");
    assert_eq!(kind("won 4-1 at home"), "score");
    assert_eq!(one("at 10:30 a.m. we"), ("10:30 a.m.", "time", Some(10.5)));
    assert_eq!(one("by 8 p.m."), ("8 p.m.", "time", Some(20.0)));
    assert_eq!(one("at nine o'clock"), ("nine o'clock", "time", Some(9.0)));
    let years = number("from 2017 to 2021 it");
    assert_eq!(
        (years.kind, years.range),
        (NumberKind::Range, Some((2017.0, 2021.0)))
    );
    assert_eq!(number("the 2017-18 season").range, Some((2017.0, 2018.0)));
    assert!(find_numbers("Covid-19 hit the G20 and a Boeing 787").is_empty());
    assert!(find_numbers("a 529 plan or a 401(k)").is_empty());
}

#[test]
fn range_values() {
    let n = number("3 to 5 million people");
    assert_eq!((n.value, n.range), (None, Some((3e6, 5e6))));
    assert_eq!(number("$3-$5 million").range, Some((3e6, 5e6)));
    assert_eq!(number("a 5-10% rise").range, Some((5.0, 10.0)));
    assert_eq!(
        number("between two and three decades").range,
        Some((20.0, 30.0))
    );
    // `75 -300mm`: a dash after a number joins a range, it is no minus sign.
    assert_eq!(number("a 75 -300mm lens").range, Some((75.0, 300.0)));
    // `about` after a word it belongs to (`a question about`) is no hedge.
    assert_eq!(number("a question about 3,000 people").qualifier, None);
    assert_eq!(
        number("they hired about 3,000 people").qualifier,
        Some("about")
    );
}

#[test]
fn the_json_contract_carries_low_high_and_per() {
    let text = "Between 3 and 5 million people paid $15 an hour.";
    let extraction = crate::extract::extract(text);
    let article = crate::article::Article::from_text("t.txt", text.to_string());
    let view = crate::output::ArticleJson::new(&article, &extraction);
    let line = serde_json::to_string(&view).unwrap_or_default();
    assert!(
        line.contains(r#""low":3000000.0,"high":5000000.0"#),
        "{line}"
    );
    assert!(line.contains(r#""per":"hour""#), "{line}");
}

proptest! {
    /// Every value is finite, every span slices the text on character boundaries, and
    /// every range is ordered.
    #[test]
    fn values_are_finite_and_spans_slice(
        text in "([0-9]{1,4}|[.,/^eE+x -]|½|one|two|hundred|thousand|million|and|a|half|quarter|fifths|point|minus|the|of|dozen|figures|-year-old|am|pm|:|USD|\\$){0,24}",
    ) {
        for n in find_numbers(&text) {
            prop_assert!(text.get(n.span.start..n.span.end).is_some(), "{text:?} {n:?}");
            prop_assert!(n.span.start < n.span.end);
            if let Some(v) = n.value {
                prop_assert!(v.is_finite(), "{text:?} {n:?}");
            }
            if let Some((lo, hi)) = n.range {
                prop_assert!(lo.is_finite() && hi.is_finite(), "{text:?} {n:?}");
            }
        }
    }
}
