//! Which claim classes the reader shows: the filter `c` cycles (`C` backwards).
//!
//! The cycle starts wide and narrows: all classes → speech only → everything but speech
//! (the stances and evidence a plain quote reader would miss) → each of the other classes
//! alone (belief, intention, evaluation, evidence) → all again. Speech alone comes first
//! because it is most of any article; "not speech" second because it is what the classes
//! add. Hidden claims are not highlighted, not listed in the Claims tab, and skipped by
//! the claim jumps.

use crate::extract::{ClaimClass, Extraction};

/// The claim classes shown.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum ClassFilter {
    #[default]
    All,
    Only(ClaimClass),
    AllBut(ClaimClass),
}

/// The filters in the order `c` steps through them.
const CYCLE: [ClassFilter; 7] = [
    ClassFilter::All,
    ClassFilter::Only(ClaimClass::Speech),
    ClassFilter::AllBut(ClaimClass::Speech),
    ClassFilter::Only(ClaimClass::Belief),
    ClassFilter::Only(ClaimClass::Intention),
    ClassFilter::Only(ClaimClass::Evaluation),
    ClassFilter::Only(ClaimClass::Evidence),
];

impl ClassFilter {
    /// Whether claims of `class` are shown.
    pub fn shows(self, class: ClaimClass) -> bool {
        match self {
            ClassFilter::All => true,
            ClassFilter::Only(c) => class == c,
            ClassFilter::AllBut(c) => class != c,
        }
    }

    pub fn is_all(self) -> bool {
        self == ClassFilter::All
    }

    /// The next filter of the cycle (the previous one when `forward` is false). A filter
    /// outside the cycle (`AllBut(Belief)`) steps to the cycle's start.
    pub fn step(self, forward: bool) -> ClassFilter {
        let n = CYCLE.len();
        let next = match CYCLE.iter().position(|f| *f == self) {
            Some(i) if forward => (i + 1) % n,
            Some(i) => (i + n - 1) % n,
            None => 0,
        };
        CYCLE.get(next).copied().unwrap_or_default()
    }

    /// For the status bar: `all`, `speech`, `not speech`.
    pub fn label(self) -> String {
        match self {
            ClassFilter::All => "all".to_owned(),
            ClassFilter::Only(c) => c.as_str().to_owned(),
            ClassFilter::AllBut(c) => format!("not {}", c.as_str()),
        }
    }

    /// What a shown claim is called in messages: `claim`, `belief claim`, `non-speech
    /// claim`.
    pub fn noun(self) -> String {
        match self {
            ClassFilter::All => "claim".to_owned(),
            ClassFilter::Only(c) => format!("{} claim", c.as_str()),
            ClassFilter::AllBut(c) => format!("non-{} claim", c.as_str()),
        }
    }

    /// What the filter shows, of the open article's claims when there is one:
    /// `showing belief claims: 2 of 5 in this article`.
    pub fn describe(self, open: Option<&Extraction>) -> String {
        match (self.is_all(), open) {
            (true, _) => "showing claims of every class".to_owned(),
            (false, Some(x)) => {
                let shown = x.claims.iter().filter(|c| self.shows(c.class)).count();
                format!(
                    "showing {}s: {shown} of {} in this article",
                    self.noun(),
                    x.claims.len()
                )
            }
            (false, None) => format!("showing {}s", self.noun()),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_cycle_visits_every_filter_once_and_returns() {
        let mut seen = vec![ClassFilter::All];
        let mut f = ClassFilter::All.step(true);
        while f != ClassFilter::All {
            assert!(!seen.contains(&f), "{f:?} twice");
            seen.push(f);
            f = f.step(true);
        }
        assert_eq!(seen, CYCLE);
        for f in CYCLE {
            assert_eq!(f.step(true).step(false), f);
        }
        assert_eq!(
            ClassFilter::All.step(false),
            ClassFilter::Only(ClaimClass::Evidence)
        );
    }

    #[test]
    fn every_class_is_shown_alone_somewhere_in_the_cycle() {
        for class in ClaimClass::ALL {
            assert!(
                CYCLE.iter().any(|f| f.shows(class)
                    && ClaimClass::ALL.iter().all(|&o| o == class || !f.shows(o))),
                "{class:?} never shown alone"
            );
        }
    }

    #[test]
    fn filters_show_what_they_say() {
        let not_speech = ClassFilter::AllBut(ClaimClass::Speech);
        assert!(!not_speech.shows(ClaimClass::Speech));
        assert!(not_speech.shows(ClaimClass::Evidence));
        assert!(ClassFilter::Only(ClaimClass::Belief).shows(ClaimClass::Belief));
        assert!(!ClassFilter::Only(ClaimClass::Belief).shows(ClaimClass::Intention));
        assert!(ClaimClass::ALL.iter().all(|&c| ClassFilter::All.shows(c)));
        assert_eq!(not_speech.label(), "not speech");
        assert_eq!(not_speech.noun(), "non-speech claim");
        assert_eq!(
            ClassFilter::AllBut(ClaimClass::Belief).step(true),
            ClassFilter::All
        );
    }

    #[test]
    fn the_description_counts_the_open_articles_claims() {
        let claim = |class| crate::extract::Claim {
            span: crate::extract::Span::new(0, 1),
            fragments: Vec::new(),
            kind: crate::extract::ClaimKind::Indirect,
            class,
            speaker: None,
            source: None,
            cue: None,
        };
        let x = Extraction {
            claims: vec![
                claim(ClaimClass::Speech),
                claim(ClaimClass::Belief),
                claim(ClaimClass::Belief),
            ],
            ..Extraction::default()
        };
        let beliefs = ClassFilter::Only(ClaimClass::Belief);
        assert_eq!(
            beliefs.describe(Some(&x)),
            "showing belief claims: 2 of 3 in this article"
        );
        assert_eq!(beliefs.describe(None), "showing belief claims");
        assert_eq!(
            ClassFilter::All.describe(Some(&x)),
            "showing claims of every class"
        );
    }
}
