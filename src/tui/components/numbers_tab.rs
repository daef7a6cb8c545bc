//! How numbers read in the Numbers tab: the normalised value and unit, and the words
//! around the figure.

use crate::extract::{Number, Span};

/// `over 518,400,000,000 USD`, `2025 (year)`: the normalised value and unit of a number.
pub fn describe_value(n: &Number) -> String {
    let mut out = String::new();
    if let Some(q) = n.qualifier {
        out.push_str(q);
        out.push(' ');
    }
    match n.value {
        Some(v) => out.push_str(&format_value(v)),
        None => out.push_str(n.kind.as_str()),
    }
    if let Some(u) = n.unit {
        out.push(' ');
        out.push_str(u);
    } else if n.value.is_some() && !matches!(n.kind, crate::extract::NumberKind::Count) {
        out.push_str(&format!(" ({})", n.kind.as_str()));
    }
    out
}

/// A value with thousands separators; up to three decimals.
pub fn format_value(v: f64) -> String {
    if !v.is_finite() {
        return v.to_string();
    }
    let rounded = (v * 1000.0).round() / 1000.0;
    let int = rounded.trunc().abs();
    let digits = format!("{int:.0}");
    let mut grouped = String::new();
    for (i, d) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i) % 3 == 0 {
            grouped.push(',');
        }
        grouped.push(d);
    }
    let frac = (rounded.abs() - int).abs();
    let mut out = if rounded < 0.0 {
        format!("-{grouped}")
    } else {
        grouped
    };
    if frac > 0.0 {
        let f = format!("{frac:.3}");
        out.push_str(f.trim_start_matches('0').trim_end_matches('0'));
    }
    out
}

/// A few words either side of `span`, for the Numbers tab.
pub fn context(text: &str, span: Span) -> String {
    let before: Vec<&str> = text
        .get(..span.start)
        .unwrap_or("")
        .split_whitespace()
        .rev()
        .take(4)
        .collect();
    let after: Vec<&str> = text
        .get(span.end..)
        .unwrap_or("")
        .split_whitespace()
        .take(4)
        .collect();
    let before: Vec<&str> = before.into_iter().rev().collect();
    format!(
        "…{} [{}] {}…",
        before.join(" "),
        span.slice(text),
        after.join(" ")
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn values_are_readable() {
        assert_eq!(format_value(518.4e9), "518,400,000,000");
        assert_eq!(format_value(5.25), "5.25");
        assert_eq!(format_value(-1234.5), "-1,234.5");
        assert_eq!(format_value(7.0), "7");
    }

    #[test]
    fn context_shows_words_around_the_span() {
        let text = "one two three four five 42 six seven eight nine ten";
        let start = text.find("42").unwrap();
        assert_eq!(
            context(text, Span::new(start, start + 2)),
            "…two three four five [42] six seven eight nine…"
        );
    }
}
