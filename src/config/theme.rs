//! Theme colours as written in the config.

use std::fmt;

use ratatui::style::Color;
use serde::Deserialize;
use serde::de::{self, Deserializer};

/// A colour: a name (`red`, `lightblue`, `darkgray`, `reset`…), `#rrggbb`, or a palette
/// index `0`–`255` (as a string).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Colour(pub Color);

impl<'de> Deserialize<'de> for Colour {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let s = String::deserialize(d)?;
        s.parse::<Color>().map(Colour).map_err(|_| {
            de::Error::custom(format!(
                "invalid colour `{s}`: expected a colour name (black, red, green, yellow, blue, \
                 magenta, cyan, gray, darkgray, lightred, lightgreen, lightyellow, lightblue, \
                 lightmagenta, lightcyan, white, reset), #rrggbb, or an index \"0\"-\"255\""
            ))
        })
    }
}

impl fmt::Display for Colour {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", self.0)
    }
}

/// The accent colour of each pane (its border and title when focused).
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct PaneColours {
    pub library: Colour,
    pub reader: Colour,
    pub insight: Colour,
    pub overlay: Colour,
}

impl Default for PaneColours {
    fn default() -> Self {
        PaneColours {
            library: Colour(Color::Blue),
            reader: Colour(Color::Green),
            insight: Colour(Color::Magenta),
            overlay: Colour(Color::Cyan),
        }
    }
}

/// Colours of the highlight layers, the panes and the status bar.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct ThemeConfig {
    /// Speaker mentions (drawn bold).
    pub speakers: Colour,
    /// Claims: one colour per speaker, in order of appearance, cycling.
    #[serde(deserialize_with = "non_empty_colours")]
    pub claims: Vec<Colour>,
    /// Claims whose speaker is unknown.
    pub unattributed: Colour,
    /// Numbers (drawn underlined).
    pub numbers: Colour,
    /// Background of search matches.
    pub search: Colour,
    /// Background of the sentence under the reader's cursor.
    pub cursor: Colour,
    /// Background of the selected row in lists.
    pub selection: Colour,
    /// Background of annotated passages in the reader.
    pub annotated: Colour,
    /// Borders of unfocused panes.
    pub border: Colour,
    /// Status bar background.
    pub status: Colour,
    /// Error messages.
    pub error: Colour,
    pub panes: PaneColours,
}

/// Claim colours, one per speaker: twelve mid-tone hues of the 256-colour palette, each
/// readable on a dark and on a light background and none yellow (the speakers' colour) or
/// sky blue (the numbers'): blue, orange, green, magenta, teal, brown, violet, crimson,
/// slate, lime, orchid, steel.
pub const CLAIM_PALETTE: [u8; 12] = [33, 202, 34, 164, 37, 130, 99, 161, 67, 70, 133, 31];

/// Numbers: sky blue, underlined — nothing like the bold yellow of speakers.
pub const NUMBERS: u8 = 117;

impl Default for ThemeConfig {
    fn default() -> Self {
        ThemeConfig {
            speakers: Colour(Color::Yellow),
            claims: CLAIM_PALETTE.map(|i| Colour(Color::Indexed(i))).to_vec(),
            unattributed: Colour(Color::Gray),
            numbers: Colour(Color::Indexed(NUMBERS)),
            search: Colour(Color::Yellow),
            cursor: Colour(Color::Indexed(236)),
            selection: Colour(Color::Indexed(238)),
            annotated: Colour(Color::Indexed(58)),
            border: Colour(Color::DarkGray),
            status: Colour(Color::Indexed(235)),
            error: Colour(Color::Red),
            panes: PaneColours::default(),
        }
    }
}

fn non_empty_colours<'de, D: Deserializer<'de>>(d: D) -> Result<Vec<Colour>, D::Error> {
    let colours = Vec::<Colour>::deserialize(d)?;
    if colours.is_empty() {
        return Err(de::Error::custom(
            "expected at least one colour in `claims`",
        ));
    }
    Ok(colours)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn twelve_distinct_claim_colours_apart_from_speakers_and_numbers() {
        let theme = ThemeConfig::default();
        let mut claims: Vec<Color> = theme.claims.iter().map(|c| c.0).collect();
        assert!(claims.len() >= 12);
        claims.sort_by_key(|c| format!("{c:?}"));
        claims.dedup();
        assert_eq!(claims.len(), theme.claims.len(), "no colour twice");
        assert!(!claims.contains(&theme.speakers.0));
        assert!(!claims.contains(&theme.numbers.0));
        assert_ne!(theme.speakers, theme.numbers);
    }

    #[test]
    fn the_palette_is_mid_tone_on_both_backgrounds() {
        // xterm's 6×6×6 cube: index 16 + 36r + 6g + b, levels 0, 95, 135, 175, 215, 255.
        let level = |v: u8| [0.0, 95.0, 135.0, 175.0, 215.0, 255.0][usize::from(v)];
        for i in CLAIM_PALETTE {
            assert!((16..=231).contains(&i), "{i} is in the colour cube");
            let n = i - 16;
            let (r, g, b) = (level(n / 36), level(n / 6 % 6), level(n % 6));
            let luma = 0.2126 * r + 0.7152 * g + 0.0722 * b;
            // Far enough from black (0) and white (255) to read on either.
            assert!((45.0..=175.0).contains(&luma), "colour {i}: luma {luma}");
        }
    }
}
