//! How numbers read in the Numbers tab: the normalised value and unit, and the words
//! around the figure.

use crate::extract::{Number, Span};

/// `over 518,400,000,000 USD`, `2025 (year)`: the normalised value and unit of a number.
pub fn describe_value(n: &Number) -> String {
    let mut out = String::new();
    if n.kind == crate::extract::NumberKind::Age
        && let Some(v) = n.value
    {
        return format!("aged {}", format_value(v));
    }
    if n.kind == crate::extract::NumberKind::Multiplier
        && let Some(v) = n.value
    {
        let q = n.qualifier.map(|q| format!("{q} ")).unwrap_or_default();
        return format!("{q}{}×", format_value(v));
    }
    if let Some(q) = n.qualifier {
        out.push_str(q);
        out.push(' ');
    }
    match (n.value, n.range) {
        (Some(v), _) => out.push_str(&format_value(v)),
        (None, Some((lo, hi))) => {
            out.push_str(&format_value(lo));
            out.push('–');
            out.push_str(&format_value(hi));
        }
        (None, None) => out.push_str(n.kind.as_str()),
    }
    if let Some(u) = n.unit {
        out.push(' ');
        out.push_str(u);
    }
    if let Some(p) = n.per {
        out.push_str(" per ");
        out.push_str(p);
    }
    let plain = matches!(
        n.kind,
        crate::extract::NumberKind::Count | crate::extract::NumberKind::Range
    );
    if n.unit.is_none() && (n.value.is_some() || n.range.is_some()) && !plain {
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
    fn ranges_rates_and_kinds_read_plainly() {
        let describe = |text: &str| {
            let n = crate::extract::numbers::find_numbers(text);
            n.first().map(describe_value).unwrap_or_default()
        };
        assert_eq!(describe("3 to 5 million"), "3,000,000–5,000,000");
        assert_eq!(describe("$15 an hour"), "15 USD per hour");
        assert_eq!(describe("a 17-year-old"), "aged 17");
        assert_eq!(describe("a threefold rise"), "3×");
        assert_eq!(describe("nearly twice as many"), "nearly 2×");
        assert_eq!(describe("at 8 p.m."), "20 (time)");
        assert_eq!(describe("a 19-15 vote"), "score");
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
