//! Speaker names as score.py compares them: `toks`, `TITLES` and `name_match`.

/// Tokens a speaker's name may carry without naming anyone in particular (score.py's
/// `TITLES`; `u.s.` never matches, as tokens lose their final dot, as in the Python).
const TITLES: &str = "mr mrs ms dr the a u.s. us chinese foreign minister secretary of state president \
                      prime said defense uruguayan councilor and sen senator gov rep";

fn is_title(token: &str) -> bool {
    TITLES.split_whitespace().any(|t| t == token)
}

/// `toks`: lower-cased runs of word characters, `@ . ' ’ -`, trimmed of `. ' ’`.
///
/// Python's `\w` is "alphanumeric or underscore"; Rust's `is_alphanumeric` agrees on
/// letters and digits (it also admits a few combining marks, which names here never have).
pub fn toks(name: &str) -> Vec<String> {
    let is_tok_char =
        |c: char| c.is_alphanumeric() || matches!(c, '_' | '@' | '.' | '\'' | '’' | '-');
    name.to_lowercase()
        .split(|c: char| !is_tok_char(c))
        .map(|t| t.trim_matches(['.', '\'', '’']))
        .filter(|t| !t.is_empty())
        .map(str::to_string)
        .collect()
}

/// `name_match`: the same full name, one name containing the other (both over three
/// characters), or the same last token once titles are dropped (over two characters).
pub fn name_match<S: AsRef<str>>(pred: Option<&str>, gold_names: &[S]) -> bool {
    let Some(pred) = pred.filter(|p| !p.is_empty()) else {
        return false;
    };
    let p = toks(pred);
    let pj = p.join(" ");
    let pk_last = p.iter().rfind(|t| !is_title(t));
    for g in gold_names {
        let gt = toks(g.as_ref());
        let gj = gt.join(" ");
        if gj.is_empty() {
            continue;
        }
        let long = |s: &str| s.chars().count() > 3;
        if pj == gj || (long(&pj) && long(&gj) && (gj.contains(&pj) || pj.contains(&gj))) {
            return true;
        }
        let gk_last = gt.iter().rfind(|t| !is_title(t));
        if let (Some(a), Some(b)) = (pk_last, gk_last)
            && a == b
            && a.chars().count() > 2
        {
            return true;
        }
    }
    false
}
