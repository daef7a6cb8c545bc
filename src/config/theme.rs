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

impl Default for ThemeConfig {
    fn default() -> Self {
        ThemeConfig {
            speakers: Colour(Color::Yellow),
            claims: [
                Color::Cyan,
                Color::LightMagenta,
                Color::LightGreen,
                Color::LightBlue,
                Color::LightRed,
                Color::Magenta,
            ]
            .map(Colour)
            .to_vec(),
            unattributed: Colour(Color::Gray),
            numbers: Colour(Color::LightYellow),
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
