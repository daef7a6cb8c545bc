//! Word classes the extractor needs: reporting cues, pronouns, titles, role nouns, adverbs,
//! conjunctions. One hash lookup per word gives all classes at once.
//!
//! The word lists live in `assets/lexicon.txt`, compiled into the binary; the table is
//! built from them once per process (it is a constant). Lookups are case-insensitive and
//! treat `’` as `'`.

use rustc_hash::FxHashMap;
use std::sync::OnceLock;

use super::word_table::{MAX_KEY, WordTable, key_in, key_of};

/// Word class flags.
pub mod class {
    /// A reporting verb (see [`super::Cue`]).
    pub const CUE: u32 = 1;
    pub const PRONOUN_SUBJECT: u32 = 1 << 1;
    pub const PRONOUN_OBJECT: u32 = 1 << 2;
    pub const MALE: u32 = 1 << 3;
    pub const FEMALE: u32 = 1 << 4;
    pub const PLURAL: u32 = 1 << 5;
    /// A title or role word that may stand before a name (`Secretary`, `Minister`, `Mr`).
    pub const TITLE: u32 = 1 << 6;
    /// A noun that can head a speaker description (`spokesperson`, `officials`, `ministry`).
    pub const ROLE_NOUN: u32 = 1 << 7;
    /// A noun that heads an organisation's name (`Ministry`, `Times`, `Party`).
    pub const ORG_HEAD: u32 = 1 << 8;
    /// Determiners and possessives that open a noun phrase.
    pub const DETERMINER: u32 = 1 << 9;
    /// Adverbs and auxiliaries that may sit between a subject and its cue (`also`, `has`).
    pub const BETWEEN: u32 = 1 << 10;
    /// Conjunctions that open a new clause (`while`, `but`, `although`).
    pub const CLAUSE_CONJ: u32 = 1 << 11;
    /// Prepositions.
    pub const PREPOSITION: u32 = 1 << 12;
    /// Words of time (`Monday`, `yesterday`, `week`) used in adjuncts after a cue.
    pub const TIME: u32 = 1 << 13;
    /// Words joining the parts of a title or an organisation's name (`of`, `and`, `for`).
    pub const CONNECTOR: u32 = 1 << 14;
    /// Lowercase name particles (`von`, `de`, `bin`).
    pub const NAME_PARTICLE: u32 = 1 << 15;
    /// Modifiers of a role (`former`, `senior`, `longtime`, `deputy`).
    pub const ROLE_MODIFIER: u32 = 1 << 16;
    /// Relative pronouns (`who`, `which`).
    pub const RELATIVE: u32 = 1 << 17;
    /// Not-a-speaker words that look like names at a sentence start (`However`, `China`).
    pub const NOT_NAME: u32 = 1 << 18;
    /// Place names (countries and the like): not speakers on their own.
    pub const PLACE: u32 = 1 << 19;
    /// Nouns that head documents and data rather than people (`report`, `poll`, `study`).
    pub const DOCUMENT: u32 = 1 << 20;
    /// A cue form that is also a common noun (`state`, `claims`, `comments`).
    pub const NOUN_FORM: u32 = 1 << 21;
    /// Forms of `be`, which make a following participle passive.
    pub const BE: u32 = 1 << 22;
    /// The first word of a phrase cue (`take aim at`, `spoke about`); see [`super::phrases`].
    pub const PHRASE: u32 = 1 << 23;
    /// A noun that attributes what follows it to its possessor (`Trump's claim that …`,
    /// `her call for …`). Without one of the three flags below, it reports speech.
    pub const NOUN_CUE: u32 = 1 << 24;
    /// A noun cue of belief (`fear`, `view`, `hope`).
    pub const NOUN_BELIEF: u32 = 1 << 25;
    /// A noun cue of intention (`plan`, `decision`, `promise`).
    pub const NOUN_INTENT: u32 = 1 << 26;
    /// A noun cue of judgement (`criticism`, `support`, `praise`).
    pub const NOUN_JUDGEMENT: u32 = 1 << 27;
    /// Subordinating conjunctions (`although`, `when`, `because`).
    pub const SUBORDINATE: u32 = 1 << 28;
    /// Short words that may end reported content (`and`, `or`, `in`, `at`, `by`); see
    /// `clause::boundary`.
    pub const BOUNDARY: u32 = 1 << 29;
    /// Adjectives of stance after a copula (`worried that`, `confident in`, `eager to`).
    pub const STANCE: u32 = 1 << 30;
    /// Where something is said or shown (`Twitter`, `CNN`, `print`): `on Twitter` after an
    /// object is the venue of the report, not part of its content.
    pub const MEDIUM: u32 = 1 << 31;
}

/// Inflection of a cue verb.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Form {
    #[default]
    Base,
    /// Third person singular present: `says`.
    Present3,
    /// Past tense or past participle: `said`.
    Past,
    /// `saying`.
    Gerund,
}

/// Behaviour flags of a cue verb.
pub mod cue {
    /// A speech verb proper: its complement may follow with no `that` (`said China is …`),
    /// it may introduce a direct quote and may be inverted (`…, X said.`).
    pub const SPEECH: u32 = 1;
    /// Takes a `that` clause (`warned that`).
    pub const THAT: u32 = 1 << 1;
    /// A noun phrase object can be the content (`highlighted the record figure`).
    pub const OBJECT_CONTENT: u32 = 1 << 2;
    /// Takes an addressee before the content (`told reporters that`).
    pub const ADDRESSEE: u32 = 1 << 3;
    /// A verb of belief or expectation (`believes`, `expects`): content only with a clause.
    pub const BELIEF: u32 = 1 << 4;
    /// `dismissed X as Y`, `described X as Y`: content is the object and its `as` phrase.
    pub const AS_PHRASE: u32 = 1 << 5;
    /// Only with a clause after a comma, colon or `that` (`expressed, China is …`).
    pub const CLAUSE_ONLY: u32 = 1 << 6;
    /// May be followed by a `to`-infinitive content (`claimed to counter …`).
    pub const INFINITIVE: u32 = 1 << 7;
    /// Takes a clause without `that` when one clearly starts (`argued he was right`).
    pub const BARE: u32 = 1 << 8;
    /// `say` and `tell`: whatever follows is the content (`said geopolitical factors …`).
    pub const ANY: u32 = 1 << 9;
    /// Gives orders as well as reports: `told his advisers to …`, `urged X to …`.
    pub const DIRECTIVE: u32 = 1 << 10;
    /// Content is a question: `asked whether …`, `wondered how …`.
    pub const WH: u32 = 1 << 11;
    /// A verb of judging or demanding whose object is the content (`criticized X for Y`,
    /// `called for X`): only after a named subject or a pronoun.
    pub const JUDGEMENT: u32 = 1 << 12;
    /// A verb with which documents and data report (`the poll shows …`): any content when
    /// its subject is a document.
    pub const EVIDENCE: u32 = 1 << 13;
    /// A stated intention whose content is a `to`-infinitive (`vowed to form a task force`,
    /// `refuses to release`): only after a named subject or a pronoun.
    pub const INTENT: u32 = 1 << 14;
    /// `X seems to …`, `X appeared to …`: the whole clause is the content and nobody is its
    /// source.
    pub const SEEM: u32 = 1 << 15;
}

/// What the lexicon knows about one word.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Lex {
    pub class: u32,
    pub cue: u32,
    pub form: Form,
}

impl Lex {
    pub fn is(&self, class: u32) -> bool {
        self.class & class != 0
    }

    pub fn cue_has(&self, flag: u32) -> bool {
        self.class & class::CUE != 0 && self.cue & flag != 0
    }
}

/// Looks a word up (case-insensitive). Unknown words get an empty [`Lex`].
pub fn lookup(word: &str) -> Lex {
    let words = &table().words;
    if let Some(key) = key_of(word.as_bytes()) {
        return words.find(&key).copied().unwrap_or_default();
    }
    // Not plain ASCII: a curly apostrophe (`O’Brien`) folds to a straight one.
    let mut buf = [0u8; MAX_KEY];
    let Some(key) = fold(word, &mut buf) else {
        return Lex::default();
    };
    words.get(key).copied().unwrap_or_default()
}

/// [`lookup`] for the word at bytes `start..end` of `text`, which lets the key be read
/// from the text in whole words.
pub fn lookup_in(text: &str, start: usize, end: usize) -> Lex {
    if let Some(key) = key_in(text.as_bytes(), start, end.saturating_sub(start)) {
        return table().words.find(&key).copied().unwrap_or_default();
    }
    text.get(start..end).map_or_else(Lex::default, lookup)
}

/// Lowercases ASCII words (mapping `’` to `'`) into `buf`; `None` for words that are too
/// long or not ASCII-ish, which the lexicon never holds.
fn fold<'b>(word: &str, buf: &'b mut [u8; MAX_KEY]) -> Option<&'b str> {
    let mut n = 0;
    for ch in word.chars() {
        let b = match ch {
            '’' => b'\'',
            c if c.is_ascii() => c.to_ascii_lowercase() as u8,
            _ => return None,
        };
        *buf.get_mut(n)? = b;
        n += 1;
    }
    std::str::from_utf8(buf.get(..n)?).ok()
}

fn table() -> &'static Tables {
    static TABLE: OnceLock<Tables> = OnceLock::new();
    TABLE.get_or_init(build)
}

/// A cue of several words (`take aim at`, `spoke about`), found by its first word.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Phrase {
    /// The words after the first, lowercase.
    pub rest: Box<[Box<str>]>,
    /// Its cue flags and the inflection of its first word.
    pub lex: Lex,
}

/// The parsed lexicon: single words, and phrase cues by their first word.
#[derive(Debug, Default)]
pub struct Tables {
    pub words: WordTable,
    pub phrases: FxHashMap<Box<str>, Vec<Phrase>>,
}

/// The phrase cues whose first word is `word` (any case), longest first.
pub fn phrases(word: &str) -> &'static [Phrase] {
    let mut buf = [0u8; MAX_KEY];
    let Some(key) = fold(word, &mut buf) else {
        return &[];
    };
    table().phrases.get(key).map_or(&[], Vec::as_slice)
}

// ---- building the table from assets/lexicon.txt ---------------------------------------

/// The word lists, compiled into the binary.
const LEXICON: &str = include_str!("../../assets/lexicon.txt");

/// A problem in the lexicon file (a programming error: the file ships with the binary; a
/// test keeps it clean).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LexiconProblem {
    pub line: usize,
    pub message: String,
}

fn section_class(name: &str) -> Option<u32> {
    Some(match name {
        "noun-form" => class::NOUN_FORM,
        "be" => class::BE,
        "title" => class::TITLE,
        "role-noun" => class::ROLE_NOUN,
        "document" => class::DOCUMENT,
        "org-head" => class::ORG_HEAD,
        "determiner" => class::DETERMINER,
        "between" => class::BETWEEN,
        "clause-conjunction" => class::CLAUSE_CONJ,
        "preposition" => class::PREPOSITION,
        "time" => class::TIME,
        "connector" => class::CONNECTOR,
        "name-particle" => class::NAME_PARTICLE,
        "role-modifier" => class::ROLE_MODIFIER,
        "relative" => class::RELATIVE,
        "not-name" => class::NOT_NAME,
        "place" => class::PLACE,
        "male-name" => class::MALE,
        "female-name" => class::FEMALE,
        "noun-cue" => class::NOUN_CUE,
        "subordinate" => class::SUBORDINATE,
        "boundary" => class::BOUNDARY,
        "medium" => class::MEDIUM,
        "stance" => class::STANCE,
        "noun-cue-belief" => class::NOUN_CUE | class::NOUN_BELIEF,
        "noun-cue-intention" => class::NOUN_CUE | class::NOUN_INTENT,
        "noun-cue-judgement" => class::NOUN_CUE | class::NOUN_JUDGEMENT,
        "pronoun-subject" => class::PRONOUN_SUBJECT,
        "pronoun-object" => class::PRONOUN_OBJECT,
        _ => return None,
    })
}

fn cue_flag(name: &str) -> Option<u32> {
    use cue::*;
    Some(match name {
        "SPEECH" => SPEECH,
        "THAT" => THAT,
        "OBJECT_CONTENT" => OBJECT_CONTENT,
        "ADDRESSEE" => ADDRESSEE,
        "BELIEF" => BELIEF,
        "AS_PHRASE" => AS_PHRASE,
        "CLAUSE_ONLY" => CLAUSE_ONLY,
        "INFINITIVE" => INFINITIVE,
        "BARE" => BARE,
        "ANY" => ANY,
        "DIRECTIVE" => DIRECTIVE,
        "WH" => WH,
        "JUDGEMENT" => JUDGEMENT,
        "EVIDENCE" => EVIDENCE,
        "INTENT" => INTENT,
        "SEEM" => SEEM,
        _ => return None,
    })
}

/// Regular inflections of a verb: third person, past, gerund.
fn inflect(base: &str) -> [String; 3] {
    let b = base;
    let (s, past, ing) = if let Some(stem) = b.strip_suffix('e') {
        (format!("{b}s"), format!("{b}d"), format!("{stem}ing"))
    } else if let Some(stem) = b
        .strip_suffix('y')
        // (`relay`, `portray`: after a vowel, `y` inflects regularly.)
        .filter(|stem| !stem.ends_with(['a', 'e', 'o', 'u']))
    {
        (
            format!("{stem}ies"),
            format!("{stem}ied"),
            format!("{b}ing"),
        )
    } else if b.ends_with("ss") || b.ends_with("sh") || b.ends_with("ch") || b.ends_with('x') {
        (format!("{b}es"), format!("{b}ed"), format!("{b}ing"))
    } else {
        (format!("{b}s"), format!("{b}ed"), format!("{b}ing"))
    };
    [s, past, ing]
}

/// The inflected forms of a cue line: `-` for regular ones, else `s|past|gerund` with an
/// optional past participle (`spoke|speaking|spoken`).
fn forms_of(base: &str, forms: &str) -> Option<Vec<(String, Form)>> {
    let inflected: Vec<String> = if forms == "-" {
        inflect(base).to_vec()
    } else {
        forms.split('|').map(str::to_owned).collect()
    };
    if !(3..=4).contains(&inflected.len()) {
        return None;
    }
    Some(
        std::iter::once((base.to_owned(), Form::Base))
            .chain(inflected.into_iter().zip([
                Form::Present3,
                Form::Past,
                Form::Gerund,
                Form::Past,
            ]))
            .collect(),
    )
}

/// Parses the lexicon text into the lookup tables, with any problems found.
pub fn parse(text: &str) -> (Tables, Vec<LexiconProblem>) {
    let mut map: FxHashMap<Box<str>, Lex> = FxHashMap::default();
    let mut phrases: FxHashMap<Box<str>, Vec<Phrase>> = FxHashMap::default();
    let mut problems = Vec::new();
    let mut noun_forms = Vec::new();
    let mut section = "";
    for (n, raw) in text.lines().enumerate() {
        let line = raw.split('#').next().unwrap_or("").trim();
        if line.is_empty() {
            continue;
        }
        if let Some(name) = line.strip_prefix('[').and_then(|l| l.strip_suffix(']')) {
            section = name;
            if name != "cue" && name != "phrase" && section_class(name).is_none() {
                problems.push(LexiconProblem {
                    line: n + 1,
                    message: format!("unknown section [{name}]"),
                });
            }
            continue;
        }
        if section == "cue" {
            let mut parts = line.split_whitespace();
            let (Some(base), Some(forms)) = (parts.next(), parts.next()) else {
                problems.push(LexiconProblem {
                    line: n + 1,
                    message: "a cue needs a base form and its forms".into(),
                });
                continue;
            };
            let mut flags = 0;
            for f in parts {
                match cue_flag(f) {
                    Some(bit) => flags |= bit,
                    None => problems.push(LexiconProblem {
                        line: n + 1,
                        message: format!("unknown cue flag {f}"),
                    }),
                }
            }
            let Some(all) = forms_of(base, forms) else {
                problems.push(LexiconProblem {
                    line: n + 1,
                    message: "forms must be s|past|gerund[|participle]".into(),
                });
                continue;
            };
            for (word, form) in all {
                let e = map.entry(word.into_boxed_str()).or_default();
                e.class |= class::CUE;
                e.cue |= flags;
                e.form = form;
            }
            continue;
        }
        if section == "phrase" {
            // `speak speaks|spoke|speaking|spoken about TOPIC`: forms of the first word,
            // then the other words (lowercase), then flags (uppercase).
            let mut parts = line.split_whitespace();
            let (Some(base), Some(forms)) = (parts.next(), parts.next()) else {
                problems.push(LexiconProblem {
                    line: n + 1,
                    message: "a phrase needs a first word, its forms and more words".into(),
                });
                continue;
            };
            let mut rest = Vec::new();
            let mut flags = 0;
            for part in parts {
                if part.chars().all(|c| c.is_ascii_uppercase() || c == '_') {
                    match cue_flag(part) {
                        Some(bit) => flags |= bit,
                        None => problems.push(LexiconProblem {
                            line: n + 1,
                            message: format!("unknown cue flag {part}"),
                        }),
                    }
                } else {
                    rest.push(part.to_owned().into_boxed_str());
                }
            }
            let Some(all) = forms_of(base, forms).filter(|_| !rest.is_empty()) else {
                problems.push(LexiconProblem {
                    line: n + 1,
                    message: "a phrase needs forms s|past|gerund[|participle] and more words"
                        .into(),
                });
                continue;
            };
            let rest: Box<[Box<str>]> = rest.into_boxed_slice();
            for (word, form) in all {
                map.entry(word.clone().into_boxed_str()).or_default().class |= class::PHRASE;
                let list = phrases.entry(word.into_boxed_str()).or_default();
                list.push(Phrase {
                    rest: rest.clone(),
                    lex: Lex {
                        class: class::CUE,
                        cue: flags,
                        form,
                    },
                });
                list.sort_by_key(|p| std::cmp::Reverse(p.rest.len()));
            }
            continue;
        }
        let Some(bits) = section_class(section) else {
            continue;
        };
        for item in line.split_whitespace() {
            let (word, tag) = item.split_once(':').unwrap_or((item, ""));
            let extra = match tag {
                "" => 0,
                "male" => class::MALE,
                "female" => class::FEMALE,
                "plural" => class::PLURAL,
                other => {
                    problems.push(LexiconProblem {
                        line: n + 1,
                        message: format!("unknown tag :{other}"),
                    });
                    0
                }
            };
            if bits == class::NOUN_FORM {
                // Applied after all cues are in, whatever the order of sections.
                noun_forms.push(word);
                continue;
            }
            map.entry(word.into()).or_default().class |= bits | extra;
        }
    }
    for w in noun_forms {
        match map.get_mut(w) {
            Some(e) => e.class |= class::NOUN_FORM,
            None => problems.push(LexiconProblem {
                line: 0,
                message: format!("noun form {w} is not a cue"),
            }),
        }
    }
    (
        Tables {
            words: WordTable::from_entries(map.iter().map(|(w, lex)| (&**w, *lex))),
            phrases,
        },
        problems,
    )
}

fn build() -> Tables {
    parse(LEXICON).0
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn regular_forms_keep_a_y_after_a_vowel() {
        assert_eq!(inflect("relay"), ["relays", "relayed", "relaying"]);
        assert_eq!(inflect("deny"), ["denies", "denied", "denying"]);
        assert_eq!(lookup("planned").form, Form::Past);
        assert_eq!(lookup("portrayed").form, Form::Past);
    }

    #[test]
    fn the_shipped_lexicon_is_clean() {
        let (map, problems) = parse(LEXICON);
        assert!(problems.is_empty(), "{problems:?}");
        assert!(map.words.len() > 1000);
        assert!(!map.phrases.is_empty());
    }

    #[test]
    fn problems_are_reported_with_lines() {
        let (_, problems) = parse("[cue]\nsay says|said|saying SPEECH LOUD\n[nonsense]\n");
        assert_eq!(problems.len(), 2);
        assert_eq!(problems[0].line, 2);
        assert!(problems[1].message.contains("nonsense"));
        let (_, problems) = parse("[phrase]\nrail - JUDGEMENT\ntake - aim at SHOUT\n");
        assert_eq!(problems.len(), 2, "{problems:?}");
        assert_eq!((problems[0].line, problems[1].line), (2, 3));
    }

    #[test]
    fn phrases_are_found_by_any_form_of_their_first_word() {
        let (tables, problems) =
            parse("[phrase]\ntake takes|took|taking|taken aim at JUDGEMENT\ntake - on JUDGEMENT\n");
        assert!(problems.is_empty(), "{problems:?}");
        let took = tables.phrases.get("took").unwrap();
        assert_eq!(took[0].rest.len(), 2, "longest first");
        assert_eq!(took[0].lex.form, Form::Past);
        assert!(tables.phrases.contains_key("taken"));
        assert!(tables.words.get("taking").unwrap().is(class::PHRASE));
        assert!(!tables.words.get("taking").unwrap().is(class::CUE));
    }

    #[test]
    fn cue_forms_are_inflected() {
        for w in [
            "said",
            "says",
            "saying",
            "noted",
            "stressed",
            "emphasizes",
            "replied",
        ] {
            assert!(lookup(w).is(class::CUE), "{w}");
        }
        assert_eq!(lookup("Said").form, Form::Past);
        assert_eq!(lookup("adding").form, Form::Gerund);
        assert!(lookup("told").cue_has(cue::ADDRESSEE));
        assert!(!lookup("table").is(class::CUE));
    }

    #[test]
    fn classes_combine() {
        let her = lookup("her");
        assert!(her.is(class::PRONOUN_OBJECT) && her.is(class::DETERMINER));
        assert!(lookup("He").is(class::MALE));
        assert!(lookup("spokesperson").is(class::ROLE_NOUN | class::TITLE));
        assert!(lookup("don’t") == lookup("don't"));
    }
}
