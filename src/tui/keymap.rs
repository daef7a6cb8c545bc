//! The keymap as data: actions, key chords, the default bindings and the user's overrides.

use std::collections::HashMap;
use std::fmt;
use std::str::FromStr;

use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use serde::de::{self, Deserialize, Deserializer};

/// Where an action belongs, for the help overlay.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Section {
    General,
    Movement,
    Library,
    Reader,
    Insight,
    Annotations,
}

impl Section {
    pub const fn title(self) -> &'static str {
        match self {
            Section::General => "General",
            Section::Movement => "Moving",
            Section::Library => "Library",
            Section::Reader => "Reader",
            Section::Insight => "Insight",
            Section::Annotations => "Annotations",
        }
    }
}

macro_rules! actions {
    ($($variant:ident $name:literal $section:ident $desc:literal;)*) => {
        /// Everything a key can do. Each component interprets the actions that concern it.
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
        pub enum Action { $($variant,)* }

        impl Action {
            /// Every action, in help order.
            pub const ALL: &'static [Action] = &[$(Action::$variant,)*];

            /// The name used in the config's `[keys]` table.
            pub const fn name(self) -> &'static str {
                match self { $(Action::$variant => $name,)* }
            }

            pub const fn description(self) -> &'static str {
                match self { $(Action::$variant => $desc,)* }
            }

            pub const fn section(self) -> Section {
                match self { $(Action::$variant => Section::$section,)* }
            }
        }
    };
}

actions! {
    Quit "quit" General "close this level (overlay, reader); in the library: quit";
    Help "help" General "show or hide this help";
    Log "log" General "the session's warnings and errors, in full";
    NextPane "next_pane" General "next pane (in the insight pane: next tab, then next pane)";
    PrevPane "prev_pane" General "previous pane (in the insight pane: previous tab first)";
    Back "back" General "cancel or clear; close the overlay; back to the library";
    SpeakersIndex "speakers_index" General "speakers across the library";
    LibrarySearch "library_search" General "search the library: words, \"phrases\", speaker:, kind:, …";
    NextTab "next_tab" General "next insight tab (from any pane)";
    PrevTab "prev_tab" General "previous insight tab (from any pane)";
    Down "down" Movement "move down (reader: a line; selecting: a sentence further)";
    Up "up" Movement "move up (reader: a line; selecting: a sentence back)";
    Top "top" Movement "go to the top";
    Bottom "bottom" Movement "go to the bottom";
    HalfPageDown "half_page_down" Movement "half a page down";
    HalfPageUp "half_page_up" Movement "half a page up";
    PageDown "page_down" Movement "a page down";
    PageUp "page_up" Movement "a page up";
    Open "open" Movement "open the article, jump to the item, list a speaker's claims";
    Outlets "outlets" Library "speakers index: outlets in place of speakers (Enter: an outlet's claims)";
    Sort "sort" Library "sort by the next column: date, title, source, counts, path";
    ReverseSort "reverse_sort" Library "reverse the sort order";
    Search "search" Library "filter the library (is:unread …) / search the article";
    UpdateFeeds "update_feeds" Library "update the feeds in the background (new articles: unread)";
    ToggleRead "toggle_read" Library "mark the article read or unread (reading marks it read)";
    SearchNext "search_next" Reader "next search match";
    SearchPrev "search_prev" Reader "previous search match";
    NextClaim "next_claim" Reader "next claim";
    PrevClaim "prev_claim" Reader "previous claim";
    NextNumber "next_number" Reader "next number";
    PrevNumber "prev_number" Reader "previous number";
    NextSentence "next_sentence" Reader "next sentence";
    PrevSentence "prev_sentence" Reader "previous sentence";
    ToggleSpeakers "toggle_speakers" Reader "show or hide the speakers layer";
    ToggleClaims "toggle_claims" Reader "show or hide the claims layer";
    ToggleNumbers "toggle_numbers" Reader "show or hide the numbers layer";
    CycleClasses "cycle_classes" Reader "claims shown: all → speech → not speech → each class";
    CycleClassesBack "cycle_classes_back" Reader "claims shown: that cycle backwards";
    Select "select" Reader "select from the cursor's sentence (Esc cancels)";
    SelectWordNext "word_next" Reader "selecting: move the moving end a word forward";
    SelectWordPrev "word_prev" Reader "selecting: move the moving end a word back";
    SwapSelectionEnd "swap_end" Reader "selecting: swap which end moves";
    Tag "tag" Annotations "tag the passage: selection, annotation or claim";
    Note "note" Annotations "add or edit the passage's note";
    NoteInEditor "note_in_editor" Annotations "edit the passage's note in $EDITOR";
    Edit "edit" Annotations "edit the note of the selected or current annotation";
    Delete "delete" Annotations "delete the selected or current annotation (u undoes)";
    WhoSaid "who_said" Annotations "who said it: give the claim to another speaker (empty: nobody); on a speaker: rename it (another's name merges them)";
    NotAClaim "not_a_claim" Annotations "the claim is no claim (on a passage marked so: a claim again)";
    Undo "undo" Annotations "undo the last annotation change";
    Redo "redo" Annotations "redo the last undone annotation change";
    Provenance "provenance" Insight "where the selected claim also appears: the copies side by side";
    TagIndex "tag_index" Annotations "tags across the library (Enter: their passages)";
    RenameTag "rename_tag" Annotations "tag index: rename the tag everywhere (or merge it)";
    Export "export" Annotations "export all annotations to a file (choose the format)";
    SaveNote "save_note" Annotations "note editor: save the note (Esc cancels)";
}

impl FromStr for Action {
    type Err = String;

    fn from_str(s: &str) -> Result<Self, String> {
        Action::ALL
            .iter()
            .copied()
            .find(|a| a.name() == s)
            .ok_or_else(|| {
                let names: Vec<&str> = Action::ALL.iter().map(|a| a.name()).collect();
                format!(
                    "unknown action `{s}`: expected `none` or one of {}",
                    names.join(", ")
                )
            })
    }
}

/// A key with its modifiers, normalised so that what the terminal reports and what the
/// config names compare equal (`S` is `Char('S')` without SHIFT; `shift-tab` is `BackTab`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct KeyChord {
    pub code: KeyCode,
    pub mods: KeyModifiers,
}

const NAMED: &[(&str, KeyCode)] = &[
    ("enter", KeyCode::Enter),
    ("esc", KeyCode::Esc),
    ("tab", KeyCode::Tab),
    ("backtab", KeyCode::BackTab),
    ("backspace", KeyCode::Backspace),
    ("space", KeyCode::Char(' ')),
    ("up", KeyCode::Up),
    ("down", KeyCode::Down),
    ("left", KeyCode::Left),
    ("right", KeyCode::Right),
    ("home", KeyCode::Home),
    ("end", KeyCode::End),
    ("pgup", KeyCode::PageUp),
    ("pgdn", KeyCode::PageDown),
    ("pageup", KeyCode::PageUp),
    ("pagedown", KeyCode::PageDown),
    ("delete", KeyCode::Delete),
    ("insert", KeyCode::Insert),
];

impl KeyChord {
    pub const fn new(code: KeyCode, mods: KeyModifiers) -> Self {
        KeyChord { code, mods }
    }

    pub const fn plain(code: KeyCode) -> Self {
        KeyChord::new(code, KeyModifiers::NONE)
    }

    pub const fn ch(c: char) -> Self {
        KeyChord::plain(KeyCode::Char(c))
    }

    pub const fn ctrl(c: char) -> Self {
        KeyChord::new(KeyCode::Char(c), KeyModifiers::CONTROL)
    }

    /// The chord of a key event from the terminal.
    pub fn from_event(ev: &KeyEvent) -> Self {
        let mods = ev.modifiers & (KeyModifiers::CONTROL | KeyModifiers::ALT | KeyModifiers::SHIFT);
        KeyChord::normalised(ev.code, mods)
    }

    fn normalised(code: KeyCode, mut mods: KeyModifiers) -> Self {
        match code {
            KeyCode::Char(c) if mods.contains(KeyModifiers::SHIFT) => {
                mods.remove(KeyModifiers::SHIFT);
                let upper = c.to_uppercase().next().unwrap_or(c);
                KeyChord::new(KeyCode::Char(upper), mods)
            }
            KeyCode::Tab if mods.contains(KeyModifiers::SHIFT) => {
                mods.remove(KeyModifiers::SHIFT);
                KeyChord::new(KeyCode::BackTab, mods)
            }
            KeyCode::BackTab => {
                mods.remove(KeyModifiers::SHIFT);
                KeyChord::new(KeyCode::BackTab, mods)
            }
            _ => KeyChord::new(code, mods),
        }
    }
}

impl FromStr for KeyChord {
    type Err = String;

    fn from_str(s: &str) -> Result<Self, String> {
        let bad = || {
            format!(
                "unknown key name `{s}`: expected a single character or one of enter, esc, tab, \
                 shift-tab, backspace, space, up, down, left, right, home, end, pgup, pgdn, \
                 delete, insert, f1-f12, optionally after ctrl-, alt- or shift-"
            )
        };
        let mut mods = KeyModifiers::NONE;
        let mut rest = s;
        loop {
            let lower = rest.to_ascii_lowercase();
            let prefix = [
                ("ctrl-", KeyModifiers::CONTROL),
                ("alt-", KeyModifiers::ALT),
                ("shift-", KeyModifiers::SHIFT),
            ]
            .into_iter()
            .find(|(p, _)| lower.starts_with(p) && rest.len() > p.len());
            match prefix {
                Some((p, m)) => {
                    mods |= m;
                    rest = &rest[p.len()..];
                }
                None => break,
            }
        }
        let mut chars = rest.chars();
        let code = match (chars.next(), chars.next()) {
            (Some(c), None) => KeyCode::Char(c),
            _ => {
                let lower = rest.to_ascii_lowercase();
                if let Some((_, code)) = NAMED.iter().find(|(n, _)| *n == lower) {
                    *code
                } else if let Some(n) = lower.strip_prefix('f').and_then(|n| n.parse::<u8>().ok()) {
                    if !(1..=12).contains(&n) {
                        return Err(bad());
                    }
                    KeyCode::F(n)
                } else {
                    return Err(bad());
                }
            }
        };
        Ok(KeyChord::normalised(code, mods))
    }
}

impl fmt::Display for KeyChord {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.mods.contains(KeyModifiers::CONTROL) {
            f.write_str("ctrl-")?;
        }
        if self.mods.contains(KeyModifiers::ALT) {
            f.write_str("alt-")?;
        }
        if self.mods.contains(KeyModifiers::SHIFT) {
            f.write_str("shift-")?;
        }
        match self.code {
            KeyCode::Char(' ') => f.write_str("space"),
            KeyCode::Char(c) => write!(f, "{c}"),
            KeyCode::BackTab => f.write_str("shift-tab"),
            KeyCode::F(n) => write!(f, "f{n}"),
            code => {
                let name = NAMED
                    .iter()
                    .find(|(_, c)| *c == code)
                    .map_or("?", |(n, _)| n);
                f.write_str(name)
            }
        }
    }
}

impl<'de> Deserialize<'de> for KeyChord {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let s = String::deserialize(d)?;
        s.parse().map_err(de::Error::custom)
    }
}

/// What the config binds a key to: an action, or `none` to remove a default binding.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Binding {
    Action(Action),
    Unbound,
}

impl<'de> Deserialize<'de> for Binding {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let s = String::deserialize(d)?;
        if s == "none" {
            return Ok(Binding::Unbound);
        }
        s.parse().map(Binding::Action).map_err(de::Error::custom)
    }
}

/// The default bindings.
pub fn default_bindings() -> Vec<(KeyChord, Action)> {
    use Action::*;
    let k = KeyChord::ch;
    let p = KeyChord::plain;
    vec![
        (k('q'), Quit),
        (k('?'), Help),
        (k('!'), Log),
        (p(KeyCode::Tab), NextPane),
        (p(KeyCode::BackTab), PrevPane),
        (p(KeyCode::Esc), Back),
        (k('S'), SpeakersIndex),
        (k('F'), LibrarySearch),
        (k('P'), Provenance),
        (k('j'), Down),
        (p(KeyCode::Down), Down),
        (k('k'), Up),
        (p(KeyCode::Up), Up),
        (k('g'), Top),
        (p(KeyCode::Home), Top),
        (k('G'), Bottom),
        (p(KeyCode::End), Bottom),
        (KeyChord::ctrl('d'), HalfPageDown),
        (KeyChord::ctrl('u'), HalfPageUp),
        (p(KeyCode::PageDown), PageDown),
        (p(KeyCode::PageUp), PageUp),
        (p(KeyCode::Enter), Open),
        (k('O'), Outlets),
        (k('s'), Sort),
        (k('R'), ReverseSort),
        (k('/'), Search),
        (k('n'), SearchNext),
        (k('N'), SearchPrev),
        (k(']'), NextClaim),
        (k('['), PrevClaim),
        (k('}'), NextNumber),
        (k('{'), PrevNumber),
        (k(')'), NextSentence),
        (k('('), PrevSentence),
        (k('1'), ToggleSpeakers),
        (k('2'), ToggleClaims),
        (k('3'), ToggleNumbers),
        (k('c'), CycleClasses),
        (k('C'), CycleClassesBack),
        (k('l'), NextTab),
        (p(KeyCode::Right), NextTab),
        (k('h'), PrevTab),
        (p(KeyCode::Left), PrevTab),
        (k('v'), Select),
        (k('w'), SelectWordNext),
        (k('b'), SelectWordPrev),
        (k('o'), SwapSelectionEnd),
        (k('t'), Tag),
        (k('a'), Note),
        (k('A'), NoteInEditor),
        (k('e'), Edit),
        (k('d'), Delete),
        (k('W'), WhoSaid),
        (k('X'), NotAClaim),
        (k('u'), Undo),
        (KeyChord::ctrl('r'), Redo),
        (k('T'), TagIndex),
        (k('r'), RenameTag),
        (k('E'), Export),
        (k('U'), UpdateFeeds),
        (k('m'), ToggleRead),
        (KeyChord::ctrl('s'), SaveNote),
    ]
}

/// The live keymap: the defaults with the config's `[keys]` applied.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Keymap {
    bindings: HashMap<KeyChord, Action>,
}

impl Default for Keymap {
    fn default() -> Self {
        Keymap {
            bindings: default_bindings().into_iter().collect(),
        }
    }
}

impl Keymap {
    /// The defaults with `overrides` applied (a key bound to `none` loses its binding).
    pub fn with_overrides<'a>(
        overrides: impl IntoIterator<Item = (&'a KeyChord, &'a Binding)>,
    ) -> Self {
        let mut map = Keymap::default();
        for (chord, binding) in overrides {
            match binding {
                Binding::Action(a) => map.bindings.insert(*chord, *a),
                Binding::Unbound => map.bindings.remove(chord),
            };
        }
        map
    }

    pub fn action(&self, chord: &KeyChord) -> Option<Action> {
        self.bindings.get(chord).copied()
    }

    /// The keys bound to `action`, in a stable order (single characters first).
    pub fn keys_for(&self, action: Action) -> Vec<KeyChord> {
        let mut keys: Vec<KeyChord> = self
            .bindings
            .iter()
            .filter(|(_, a)| **a == action)
            .map(|(k, _)| *k)
            .collect();
        keys.sort_by_key(|k| {
            let s = k.to_string();
            (s.chars().count() > 1, s)
        });
        keys
    }

    /// The keys of `action` for display (`j, down`), or `(unbound)`.
    pub fn describe_keys(&self, action: Action) -> String {
        let keys = self.keys_for(action);
        if keys.is_empty() {
            return "(unbound)".to_string();
        }
        keys.iter()
            .map(ToString::to_string)
            .collect::<Vec<_>>()
            .join(", ")
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crossterm::event::{KeyEventKind, KeyEventState};

    fn event(code: KeyCode, mods: KeyModifiers) -> KeyEvent {
        KeyEvent {
            code,
            modifiers: mods,
            kind: KeyEventKind::Press,
            state: KeyEventState::NONE,
        }
    }

    #[test]
    fn parses_names_and_modifiers() {
        assert_eq!("ctrl-d".parse(), Ok(KeyChord::ctrl('d')));
        assert_eq!("shift-tab".parse(), Ok(KeyChord::plain(KeyCode::BackTab)));
        assert_eq!("G".parse(), Ok(KeyChord::ch('G')));
        assert_eq!("shift-g".parse(), Ok(KeyChord::ch('G')));
        assert_eq!("pgdn".parse(), Ok(KeyChord::plain(KeyCode::PageDown)));
        assert_eq!("F5".parse(), Ok(KeyChord::plain(KeyCode::F(5))));
        assert_eq!("-".parse(), Ok(KeyChord::ch('-')));
        assert!("ctrl-foo".parse::<KeyChord>().is_err());
        assert!("f13".parse::<KeyChord>().is_err());
        assert!("".parse::<KeyChord>().is_err());
    }

    #[test]
    fn terminal_events_match_config_names() {
        let shift_s = event(KeyCode::Char('S'), KeyModifiers::SHIFT);
        assert_eq!(KeyChord::from_event(&shift_s), "S".parse().unwrap());
        let backtab = event(KeyCode::BackTab, KeyModifiers::SHIFT);
        assert_eq!(KeyChord::from_event(&backtab), "shift-tab".parse().unwrap());
        let ctrl_d = event(KeyCode::Char('d'), KeyModifiers::CONTROL);
        assert_eq!(
            Keymap::default().action(&KeyChord::from_event(&ctrl_d)),
            Some(Action::HalfPageDown)
        );
    }

    #[test]
    fn display_round_trips() {
        for (chord, _) in default_bindings() {
            assert_eq!(chord.to_string().parse(), Ok(chord), "{chord}");
        }
    }

    #[test]
    fn overrides_rebind_and_unbind() {
        let over = [
            (KeyChord::ch('x'), Binding::Action(Action::Quit)),
            (KeyChord::ch('q'), Binding::Unbound),
        ];
        let map = Keymap::with_overrides(over.iter().map(|(k, b)| (k, b)));
        assert_eq!(map.action(&KeyChord::ch('x')), Some(Action::Quit));
        assert_eq!(map.action(&KeyChord::ch('q')), None);
        assert_eq!(map.describe_keys(Action::Quit), "x");
        assert_eq!(Keymap::default().describe_keys(Action::Down), "j, down");
    }

    #[test]
    fn default_keys_are_distinct() {
        let bindings = default_bindings();
        let mut seen = std::collections::HashSet::new();
        for (chord, action) in &bindings {
            assert!(
                seen.insert(*chord),
                "{chord} is bound twice (second: {action:?})"
            );
        }
        for action in Action::ALL {
            assert!(
                bindings.iter().any(|(_, a)| a == action),
                "{action:?} has no default key"
            );
        }
    }

    #[test]
    fn action_names_are_unique_and_parse() {
        for a in Action::ALL {
            assert_eq!(a.name().parse::<Action>(), Ok(*a));
        }
        assert!("jump".parse::<Action>().unwrap_err().contains("expected"));
    }
}
