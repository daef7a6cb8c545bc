//! Natural ordering of names: runs of digits compare by value, so `Article 2` comes before
//! `Article 10`, and letters compare without case.

use std::cmp::Ordering;

/// Compares `a` and `b` naturally: digit runs by numeric value (then by length, so `007`
/// and `7` differ), other characters by their lowercase form; ties broken by the plain
/// order so that the result is a total order consistent with equality.
pub fn natural_cmp(a: &str, b: &str) -> Ordering {
    let (mut x, mut y) = (a, b);
    loop {
        match (x.chars().next(), y.chars().next()) {
            (None, None) => return a.cmp(b),
            (None, Some(_)) => return Ordering::Less,
            (Some(_), None) => return Ordering::Greater,
            (Some(c), Some(d)) if c.is_ascii_digit() && d.is_ascii_digit() => {
                let (m, rest_x) = split_digits(x);
                let (n, rest_y) = split_digits(y);
                let order = compare_digit_runs(m, n);
                if order != Ordering::Equal {
                    return order;
                }
                (x, y) = (rest_x, rest_y);
            }
            (Some(c), Some(d)) => {
                let order = c.to_lowercase().cmp(d.to_lowercase());
                if order != Ordering::Equal {
                    return order;
                }
                (x, y) = (
                    x.get(c.len_utf8()..).unwrap_or(""),
                    y.get(d.len_utf8()..).unwrap_or(""),
                );
            }
        }
    }
}

/// The leading ASCII digits of `s` and the rest.
fn split_digits(s: &str) -> (&str, &str) {
    let end = s.find(|c: char| !c.is_ascii_digit()).unwrap_or(s.len());
    s.split_at(end)
}

/// Digit runs by value without parsing (any length): strip leading zeros, then the longer
/// is larger, then digit by digit.
fn compare_digit_runs(m: &str, n: &str) -> Ordering {
    let (m0, n0) = (m.trim_start_matches('0'), n.trim_start_matches('0'));
    m0.len()
        .cmp(&n0.len())
        .then_with(|| m0.cmp(n0))
        .then_with(|| m.len().cmp(&n.len()))
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn numbers_sort_by_value() {
        let mut titles = vec![
            "Article 1000",
            "Article 2",
            "article 10",
            "Article 0",
            "Art",
        ];
        titles.sort_by(|a, b| natural_cmp(a, b));
        assert_eq!(
            titles,
            vec![
                "Art",
                "Article 0",
                "Article 2",
                "article 10",
                "Article 1000"
            ]
        );
    }

    #[test]
    fn huge_digit_runs_do_not_overflow() {
        let big = "9".repeat(60);
        assert_eq!(natural_cmp(&big, &format!("1{big}")), Ordering::Less);
        assert_eq!(natural_cmp("x007", "x7"), Ordering::Greater);
        assert_eq!(natural_cmp("Élan", "élan"), "Élan".cmp("élan"));
    }

    proptest! {
        #[test]
        fn it_is_a_total_order(a in "[a-cA-C0-2 é]{0,6}", b in "[a-cA-C0-2 é]{0,6}", c in "[a-cA-C0-2 é]{0,6}") {
            prop_assert_eq!(natural_cmp(&a, &b), natural_cmp(&b, &a).reverse());
            prop_assert_eq!(natural_cmp(&a, &b) == Ordering::Equal, a == b);
            if natural_cmp(&a, &b) != Ordering::Greater && natural_cmp(&b, &c) != Ordering::Greater {
                prop_assert_ne!(natural_cmp(&a, &c), Ordering::Greater);
            }
        }
    }
}
