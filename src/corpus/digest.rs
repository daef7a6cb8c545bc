//! What the library-wide views need of an article's extraction, kept for every article of
//! a large library while the full results (spans of every mention, claim and figure) are
//! kept only for the articles being read: a few hundred bytes instead of kilobytes.

use crate::extract::{Extraction, SpeakerKind};

/// An extraction, summed up: its speakers with their claim counts, and its counts.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Digest {
    /// In the extraction's order: index `i` is [`Extraction::speakers`]`[i]`.
    pub speakers: Box<[SpeakerDigest]>,
    pub claims: usize,
    pub numbers: usize,
}

/// One speaker of an article, as the speakers index and the library filter read it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SpeakerDigest {
    pub name: Box<str>,
    pub role: Option<Box<str>>,
    pub kind: SpeakerKind,
    /// Claims attributed to this speaker.
    pub claims: usize,
}

impl Digest {
    pub fn of(x: &Extraction) -> Digest {
        // One pass over the claims: a count per speaker by filtering would be quadratic.
        let mut claims = vec![0usize; x.speakers.len()];
        for c in &x.claims {
            if let Some(n) = c.speaker.and_then(|s| claims.get_mut(s)) {
                *n += 1;
            }
        }
        let speakers = x
            .speakers
            .iter()
            .zip(claims)
            .map(|(s, claims)| SpeakerDigest {
                name: s.name.as_str().into(),
                role: s.role.as_deref().map(Into::into),
                kind: s.kind,
                claims,
            })
            .collect();
        Digest {
            speakers,
            claims: x.claims.len(),
            numbers: x.numbers.len(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::extract::extract;

    #[test]
    fn a_digest_counts_what_the_extraction_holds() {
        let text = "“We will build it,” Jane Doe said. Doe added that it would cost $5 \
                    million. Officials said 40 people came.";
        let x = extract(text);
        let d = Digest::of(&x);
        assert_eq!(
            (d.speakers.len(), d.claims, d.numbers),
            (x.speakers.len(), x.claims.len(), x.numbers.len())
        );
        for (i, s) in d.speakers.iter().enumerate() {
            let want = x.claims.iter().filter(|c| c.speaker == Some(i)).count();
            assert_eq!(s.claims, want, "{}", s.name);
            assert_eq!(&*s.name, x.speakers[i].name.as_str());
        }
        assert!(
            d.speakers
                .iter()
                .any(|s| &*s.name == "Jane Doe" && s.claims == 2)
        );
    }
}
