//! robots.txt, as RFC 9309 reads it: the group for the most specific user agent that
//! matches ours (else `*`), and in it the longest `Allow`/`Disallow` path that matches,
//! `Allow` winning a tie; `*` matches any run of characters and a final `$` the end.

/// Rules of one site for one user agent.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Robots {
    /// (allowed, path pattern), in file order.
    rules: Vec<(bool, String)>,
}

/// The agents a group of rules names, and its rules (allowed, path pattern).
type Group = (Vec<String>, Vec<(bool, String)>);

/// Longest robots.txt read (RFC 9309 asks crawlers to read at least 500 KiB).
pub const MAX_ROBOTS_BYTES: usize = 512 * 1024;

impl Robots {
    /// Everything allowed (no robots.txt, or one that could not be fetched with a 4xx).
    pub fn allow_all() -> Self {
        Robots::default()
    }

    /// The rules of `text` for `agent` (a product token such as `sayso`).
    pub fn parse(text: &str, agent: &str) -> Self {
        let agent = agent.to_ascii_lowercase();
        // Groups: the agents named, then their rules.
        let mut groups: Vec<Group> = Vec::new();
        let mut in_agents = false;
        for line in text.lines().take(20_000) {
            let line = line.split('#').next().unwrap_or("").trim();
            let Some((key, value)) = line.split_once(':') else {
                continue;
            };
            let (key, value) = (key.trim().to_ascii_lowercase(), value.trim());
            match key.as_str() {
                "user-agent" => {
                    if !in_agents {
                        groups.push((Vec::new(), Vec::new()));
                    }
                    in_agents = true;
                    if let Some(g) = groups.last_mut() {
                        g.0.push(value.to_ascii_lowercase());
                    }
                }
                "allow" | "disallow" => {
                    in_agents = false;
                    if let Some(g) = groups.last_mut()
                        && !value.is_empty()
                    {
                        g.1.push((key == "allow", value.to_owned()));
                    }
                }
                _ => {}
            }
        }
        let named: Vec<(bool, String)> = groups
            .iter()
            .filter(|(agents, _)| {
                agents
                    .iter()
                    .any(|a| a != "*" && agent.starts_with(a.as_str()))
            })
            .flat_map(|(_, rules)| rules.iter().cloned())
            .collect();
        let rules = match named.is_empty() {
            false => named,
            true => groups
                .iter()
                .filter(|(agents, _)| agents.iter().any(|a| a == "*"))
                .flat_map(|(_, rules)| rules.iter().cloned())
                .collect(),
        };
        Robots { rules }
    }

    /// May `path` (with its query) be fetched?
    pub fn allows(&self, path: &str) -> bool {
        let best = self
            .rules
            .iter()
            .filter(|(_, pattern)| matches(pattern, path))
            .max_by_key(|(allow, pattern)| (pattern.len(), *allow));
        best.is_none_or(|(allow, _)| *allow)
    }
}

/// Does the robots.txt `pattern` match the start of `path`? Linear in their lengths
/// times the pattern's `*`s (a few): each star tries its positions once, greedily.
fn matches(pattern: &str, path: &str) -> bool {
    let (pattern, anchored) = match pattern.strip_suffix('$') {
        Some(p) => (p, true),
        None => (pattern, false),
    };
    let mut pieces = pattern.split('*');
    let Some(first) = pieces.next() else {
        return true;
    };
    let Some(mut rest) = path.strip_prefix(first) else {
        return false;
    };
    let pieces: Vec<&str> = pieces.collect();
    for (i, piece) in pieces.iter().enumerate() {
        let last = i + 1 == pieces.len();
        if last && anchored {
            return rest.ends_with(piece);
        }
        match rest.find(piece) {
            Some(at) => rest = rest.get(at + piece.len()..).unwrap_or(""),
            None => return false,
        }
    }
    !anchored || rest.is_empty()
}

#[cfg(test)]
mod tests {
    use super::*;

    const FILE: &str = "# comment\nUser-agent: *\nDisallow: /private/\nAllow: /private/open\n\n\
                        User-agent: OtherBot\nDisallow: /\n\nUser-agent: sayso\nUser-agent: reader\n\
                        Disallow: /drafts\nDisallow: /*.pdf$\n";

    #[test]
    fn the_most_specific_group_applies() {
        let r = Robots::parse(FILE, "sayso");
        assert!(!r.allows("/drafts/one.html"));
        assert!(!r.allows("/papers/a.pdf"));
        assert!(r.allows("/papers/a.pdf?x=1"), "$ anchors the end");
        assert!(r.allows("/private/x"), "the * group is not ours");
        let star = Robots::parse(FILE, "someone-else");
        assert!(!star.allows("/private/x"));
        assert!(star.allows("/private/open/y"), "the longer Allow wins");
        assert!(star.allows("/news/story.html"));
        assert!(!Robots::parse(FILE, "OtherBot").allows("/anything"));
    }

    #[test]
    fn stars_empty_rules_and_junk() {
        let r = Robots::parse(
            "User-agent: *\nDisallow: /a*/b\nDisallow:\nnonsense\n",
            "sayso",
        );
        assert!(!r.allows("/a/x/b/c"));
        assert!(r.allows("/a/x/c"));
        assert!(Robots::allow_all().allows("/"));
        assert!(Robots::parse("", "sayso").allows("/x"));
    }

    #[test]
    fn a_tie_goes_to_allow() {
        let r = Robots::parse("User-agent: *\nDisallow: /page\nAllow: /page\n", "sayso");
        assert!(r.allows("/page"));
    }

    proptest::proptest! {
        #[test]
        fn matching_never_panics(pattern in ".{0,20}", path in ".{0,40}") {
            let _ = matches(&pattern, &path);
        }
    }
}
