//! Word classes the extractor needs: reporting cues, pronouns, titles, role nouns, adverbs,
//! conjunctions. One hash lookup per word gives all classes at once.
//!
//! The table is built once per process (it is a constant, derived from the lists below);
//! lookups are case-insensitive and treat `’` as `'`.

use rustc_hash::FxHashMap;
use std::sync::OnceLock;

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
    pub const SPEECH: u16 = 1;
    /// Takes a `that` clause (`warned that`).
    pub const THAT: u16 = 1 << 1;
    /// A noun phrase object can be the content (`highlighted the record figure`).
    pub const OBJECT_CONTENT: u16 = 1 << 2;
    /// Takes an addressee before the content (`told reporters that`).
    pub const ADDRESSEE: u16 = 1 << 3;
    /// A verb of belief or expectation (`believes`, `expects`): content only with a clause.
    pub const BELIEF: u16 = 1 << 4;
    /// `dismissed X as Y`, `described X as Y`: content is the object and its `as` phrase.
    pub const AS_PHRASE: u16 = 1 << 5;
    /// Only with a clause after a comma, colon or `that` (`expressed, China is …`).
    pub const CLAUSE_ONLY: u16 = 1 << 6;
    /// May be followed by a `to`-infinitive content (`claimed to counter …`).
    pub const INFINITIVE: u16 = 1 << 7;
    /// Takes a clause without `that` when one clearly starts (`argued he was right`).
    pub const BARE: u16 = 1 << 8;
    /// `say` and `tell`: whatever follows is the content (`said geopolitical factors …`).
    pub const ANY: u16 = 1 << 9;
    /// Gives orders as well as reports: `told his advisers to …`, `urged X to …`.
    pub const DIRECTIVE: u16 = 1 << 10;
    /// Content is a question: `asked whether …`, `wondered how …`.
    pub const WH: u16 = 1 << 11;
    /// A verb of judging or demanding whose object is the content (`criticized X for Y`,
    /// `called for X`): only after a named subject or a pronoun.
    pub const JUDGEMENT: u16 = 1 << 12;
    /// A verb with which documents and data report (`the poll shows …`): any content when
    /// its subject is a document.
    pub const EVIDENCE: u16 = 1 << 13;
    /// A stated intention whose content is a `to`-infinitive (`vowed to form a task force`,
    /// `refuses to release`): only after a named subject or a pronoun.
    pub const INTENT: u16 = 1 << 14;
}

/// What the lexicon knows about one word.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Lex {
    pub class: u32,
    pub cue: u16,
    pub form: Form,
}

impl Lex {
    pub fn is(&self, class: u32) -> bool {
        self.class & class != 0
    }

    pub fn cue_has(&self, flag: u16) -> bool {
        self.class & class::CUE != 0 && self.cue & flag != 0
    }
}

/// Looks a word up (case-insensitive). Unknown words get an empty [`Lex`].
pub fn lookup(word: &str) -> Lex {
    let mut buf = [0u8; 24];
    let Some(key) = fold(word, &mut buf) else {
        return Lex::default();
    };
    table().get(key).copied().unwrap_or_default()
}

/// Lowercases ASCII words (mapping `’` to `'`) into `buf`; `None` for words that are too
/// long or not ASCII-ish, which the lexicon never holds.
fn fold<'b>(word: &str, buf: &'b mut [u8; 24]) -> Option<&'b str> {
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

fn table() -> &'static FxHashMap<Box<str>, Lex> {
    static TABLE: OnceLock<FxHashMap<Box<str>, Lex>> = OnceLock::new();
    TABLE.get_or_init(build)
}

// ---- the lists ------------------------------------------------------------------------

use cue::*;

/// Cue verbs: base form, irregular forms (`s|past|ing`, empty for regular), flags.
const CUES: &[(&str, &str, u16)] = &[
    ("say", "says|said|saying", SPEECH | THAT | BARE | ANY),
    (
        "tell",
        "tells|told|telling",
        SPEECH | THAT | ADDRESSEE | BARE | DIRECTIVE,
    ),
    ("add", "", SPEECH | THAT),
    ("note", "", SPEECH | THAT | OBJECT_CONTENT),
    ("state", "", SPEECH | THAT),
    ("explain", "", SPEECH | THAT | BARE),
    ("stress", "", SPEECH | THAT | OBJECT_CONTENT),
    ("emphasize", "", SPEECH | THAT | OBJECT_CONTENT),
    ("emphasise", "", SPEECH | THAT | OBJECT_CONTENT),
    ("insist", "", SPEECH | THAT | BARE),
    ("argue", "", SPEECH | THAT | BARE),
    (
        "claim",
        "",
        SPEECH | THAT | OBJECT_CONTENT | INFINITIVE | BARE,
    ),
    ("warn", "", SPEECH | THAT | ADDRESSEE | BARE | DIRECTIVE),
    ("write", "writes|wrote|writing", SPEECH | THAT | BARE),
    ("report", "", SPEECH | THAT | BARE),
    ("suggest", "", SPEECH | THAT | BARE | EVIDENCE),
    ("assert", "", SPEECH | THAT | BARE),
    ("contend", "", SPEECH | THAT | BARE),
    ("maintain", "", THAT | BARE),
    ("predict", "", SPEECH | THAT | BARE),
    ("concede", "", SPEECH | THAT | BARE),
    ("admit", "admits|admitted|admitting", SPEECH | THAT | BARE),
    ("confirm", "", SPEECH | THAT | OBJECT_CONTENT),
    ("declare", "", SPEECH | THAT),
    ("observe", "", SPEECH | THAT),
    ("remark", "", SPEECH | THAT),
    ("recall", "", SPEECH | THAT),
    ("reply", "replies|replied|replying", SPEECH | THAT),
    ("respond", "", SPEECH | THAT),
    ("answer", "", SPEECH | THAT),
    ("tweet", "", SPEECH | THAT),
    ("comment", "", SPEECH | THAT),
    ("continue", "", CLAUSE_ONLY),
    ("caution", "", SPEECH | THAT),
    ("complain", "", SPEECH | THAT),
    ("charge", "", SPEECH | THAT),
    ("allege", "", SPEECH | THAT),
    ("reiterate", "", SPEECH | THAT | OBJECT_CONTENT),
    ("underscore", "", SPEECH | THAT | OBJECT_CONTENT),
    ("underline", "", SPEECH | THAT | OBJECT_CONTENT),
    ("testify", "testifies|testified|testifying", SPEECH | THAT),
    ("acknowledge", "", SPEECH | THAT | OBJECT_CONTENT | BARE),
    ("announce", "", SPEECH | THAT | OBJECT_CONTENT),
    ("conclude", "", SPEECH | THAT),
    ("counter", "", SPEECH | THAT),
    ("retort", "", SPEECH | THAT),
    ("quip", "quips|quipped|quipping", SPEECH | THAT),
    ("joke", "", SPEECH | THAT),
    ("boast", "", SPEECH | THAT),
    ("brag", "brags|bragged|bragging", SPEECH | THAT),
    ("lament", "", SPEECH | THAT),
    ("muse", "", SPEECH | THAT),
    ("mention", "", SPEECH | THAT),
    ("hint", "", THAT),
    ("imply", "implies|implied|implying", THAT),
    ("speculate", "", SPEECH | THAT),
    ("estimate", "", THAT | BARE),
    ("vow", "", SPEECH | THAT | INTENT),
    ("promise", "", SPEECH | THAT | INTENT),
    ("pledge", "", THAT | INTENT),
    ("assure", "", SPEECH | THAT | ADDRESSEE),
    ("remind", "", SPEECH | THAT | ADDRESSEE),
    ("inform", "", THAT | ADDRESSEE),
    ("ask", "", SPEECH | ADDRESSEE | DIRECTIVE | WH),
    ("wonder", "", SPEECH | WH),
    ("disclose", "", THAT | OBJECT_CONTENT),
    ("reveal", "", THAT | OBJECT_CONTENT | EVIDENCE),
    ("indicate", "", THAT | EVIDENCE),
    ("signal", "signals|signaled|signaling", THAT),
    (
        "deny",
        "denies|denied|denying",
        SPEECH | THAT | OBJECT_CONTENT,
    ),
    ("dismiss", "", AS_PHRASE),
    ("describe", "", AS_PHRASE),
    ("highlight", "", THAT | OBJECT_CONTENT),
    ("express", "", CLAUSE_ONLY),
    ("point", "", 0),
    ("believe", "", BELIEF | THAT | BARE),
    ("think", "thinks|thought|thinking", BELIEF | BARE),
    ("feel", "feels|felt|feeling", BELIEF | BARE),
    ("hope", "", BELIEF | THAT | BARE | INTENT),
    ("fear", "", BELIEF | THAT | BARE),
    ("worry", "worries|worried|worrying", BELIEF | THAT),
    ("expect", "", BELIEF | THAT),
    ("agree", "agrees|agreed|agreeing", THAT | INTENT),
    ("find", "finds|found|finding", THAT | EVIDENCE),
    ("show", "shows|showed|showing", THAT | EVIDENCE),
    ("declare", "", SPEECH | THAT),
    ("proclaim", "", SPEECH | THAT),
    ("accuse", "", JUDGEMENT),
    ("predict", "", SPEECH | THAT | BARE),
    ("warn", "", SPEECH | THAT | ADDRESSEE | BARE | DIRECTIVE),
    ("demand", "", THAT),
    ("want", "", INTENT),
    ("support", "", JUDGEMENT),
    ("endorse", "", JUDGEMENT),
    ("oppose", "", JUDGEMENT),
    ("denounce", "", JUDGEMENT),
    ("mock", "", JUDGEMENT),
    ("dispute", "", JUDGEMENT | THAT),
    ("challenge", "", JUDGEMENT),
    ("recommend", "", THAT | JUDGEMENT),
    ("plan", "", INTENT),
    ("refuse", "", INTENT),
    ("decline", "", INTENT),
    ("decide", "", THAT | INTENT),
    ("intend", "", INTENT),
    ("threaten", "", INTENT),
    ("propose", "", THAT | INTENT),
    ("seek", "seeks|sought|seeking", INTENT),
    ("urge", "", ADDRESSEE | DIRECTIVE),
    ("cite", "", JUDGEMENT),
    ("criticize", "", JUDGEMENT),
    ("criticise", "", JUDGEMENT),
    ("attack", "", JUDGEMENT),
    ("condemn", "", JUDGEMENT),
    ("blast", "", JUDGEMENT),
    ("praise", "", JUDGEMENT),
    ("slam", "slams|slammed|slamming", JUDGEMENT),
    ("question", "", JUDGEMENT | WH),
    ("call", "", JUDGEMENT),
    ("blame", "", JUDGEMENT),
    ("defend", "", JUDGEMENT),
    ("reject", "", JUDGEMENT),
    ("welcome", "", JUDGEMENT),
    ("exclaim", "", SPEECH),
    ("shout", "", SPEECH),
    ("yell", "", SPEECH),
    ("whisper", "", SPEECH),
    ("chant", "", SPEECH),
    ("scoff", "", SPEECH),
    ("snap", "snaps|snapped|snapping", SPEECH),
];

/// Cue forms that are common nouns as well: a cue only after a clear subject.
const NOUN_FORMS: &[&str] = &[
    "state",
    "states",
    "claim",
    "claims",
    "charge",
    "charges",
    "comment",
    "comments",
    "remark",
    "remarks",
    "report",
    "reports",
    "note",
    "notes",
    "answer",
    "answers",
    "estimate",
    "estimates",
    "promise",
    "promises",
    "tweet",
    "tweets",
    "post",
    "posts",
    "reply",
    "replies",
    "joke",
    "jokes",
    "counter",
    "signal",
    "signals",
    "hope",
    "hopes",
    "fear",
    "fears",
    "worry",
    "worries",
    "find",
    "finds",
    "show",
    "shows",
    "demand",
    "demands",
    "pledge",
    "pledges",
    "vow",
    "vows",
    "muse",
    "point",
    "points",
    "warning",
    "finding",
    "findings",
    "feeling",
    "thinking",
    "saying",
    "writing",
    "reporting",
    "response",
    "record",
    "comment",
    "quip",
    "boast",
    "lament",
    "question",
    "hint",
    "hints",
    "call",
    "calls",
    "attack",
    "attacks",
    "praise",
    "blast",
    "defend",
    "welcome",
    "questions",
    "cite",
    "slam",
    "blame",
    "shout",
    "chant",
    "chants",
    "snap",
    "yell",
    "want",
    "wants",
    "plan",
    "plans",
    "decline",
    "refuse",
    "threat",
    "support",
    "supports",
    "dispute",
    "challenge",
    "challenges",
    "mock",
];

const BE_FORMS: &[&str] = &[
    "is", "was", "were", "are", "be", "been", "being", "am", "'s", "isn't", "wasn't", "aren't",
    "weren't",
];

const SUBJECT_PRONOUNS: &[(&str, u32)] = &[
    ("he", class::MALE),
    ("she", class::FEMALE),
    ("they", class::PLURAL),
    ("we", class::PLURAL),
    ("i", 0),
    ("it", 0),
];

const OBJECT_PRONOUNS: &[(&str, u32)] = &[
    ("him", class::MALE),
    ("her", class::FEMALE),
    ("them", class::PLURAL),
    ("us", class::PLURAL),
    ("me", 0),
];

const TITLES: &[&str] = &[
    "president",
    "vice",
    "secretary",
    "minister",
    "prime",
    "councilor",
    "councillor",
    "senator",
    "sen",
    "rep",
    "representative",
    "gov",
    "governor",
    "mayor",
    "ambassador",
    "judge",
    "justice",
    "chief",
    "director",
    "chairman",
    "chairwoman",
    "chair",
    "chairperson",
    "general",
    "gen",
    "admiral",
    "adm",
    "colonel",
    "col",
    "captain",
    "capt",
    "lt",
    "sgt",
    "dr",
    "mr",
    "mrs",
    "ms",
    "miss",
    "prof",
    "professor",
    "rev",
    "reverend",
    "pope",
    "king",
    "queen",
    "prince",
    "princess",
    "sheikh",
    "speaker",
    "leader",
    "chancellor",
    "premier",
    "commissioner",
    "attorney",
    "deputy",
    "assistant",
    "spokesperson",
    "spokesman",
    "spokeswoman",
    "congressman",
    "congresswoman",
    "councilman",
    "councilwoman",
    "lord",
    "sir",
    "dame",
    "ceo",
    "commander",
    "officer",
    "detective",
    "sheriff",
    "inspector",
    "superintendent",
    "head",
    "envoy",
    "delegate",
    "treasurer",
    "comptroller",
    "nominee",
    "candidate",
    "former",
    "acting",
    "interim",
    "senior",
    "executive",
    "secretary-general",
    "director-general",
    "vice-president",
    "vice-premier",
    "foreign",
    "defense",
    "defence",
    "state",
    "trade",
    "finance",
    "interior",
    "fm",
    "pm",
    "gop",
    "democrat",
    "democratic",
    "republican",
    "coach",
    "chef",
    "founder",
    "co-founder",
    "president-elect",
    "manager",
    "anchor",
    "host",
    "correspondent",
    "editor",
    "analyst",
    "economist",
    "professor",
    "researcher",
    "pastor",
    "bishop",
    "cardinal",
    "rabbi",
    "imam",
    "gen.",
    "sgt.",
    "maj",
    "major",
    "lieutenant",
    "sergeant",
    "private",
    "corporal",
    "marshal",
    "field",
    "first",
    "lady",
    "white",
    "house",
    "press",
    "homeland",
    "security",
    "health",
    "education",
    "energy",
    "labor",
    "commerce",
    "agriculture",
    "transportation",
    "veterans",
    "affairs",
    "national",
    "economic",
    "council",
    "deputy-director",
    "ex",
    "late",
    "then",
];

const ROLE_NOUNS: &[&str] = &[
    "spokesperson",
    "spokesman",
    "spokeswoman",
    "spokespeople",
    "official",
    "officials",
    "minister",
    "ministers",
    "secretary",
    "president",
    "senator",
    "senators",
    "lawmaker",
    "lawmakers",
    "legislator",
    "legislators",
    "representative",
    "representatives",
    "governor",
    "mayor",
    "ambassador",
    "diplomat",
    "diplomats",
    "analyst",
    "analysts",
    "expert",
    "experts",
    "economist",
    "economists",
    "observer",
    "observers",
    "critic",
    "critics",
    "supporter",
    "supporters",
    "opponent",
    "opponents",
    "source",
    "sources",
    "aide",
    "aides",
    "adviser",
    "advisers",
    "advisor",
    "advisors",
    "strategist",
    "strategists",
    "pollster",
    "pollsters",
    "researcher",
    "researchers",
    "scientist",
    "scientists",
    "professor",
    "scholar",
    "scholars",
    "director",
    "head",
    "chief",
    "chairman",
    "chairwoman",
    "chair",
    "leader",
    "leaders",
    "candidate",
    "nominee",
    "host",
    "reporter",
    "reporters",
    "journalist",
    "journalists",
    "author",
    "authors",
    "commentator",
    "commentators",
    "activist",
    "activists",
    "voter",
    "voters",
    "resident",
    "residents",
    "witness",
    "witnesses",
    "police",
    "prosecutor",
    "prosecutors",
    "attorney",
    "attorneys",
    "lawyer",
    "lawyers",
    "judge",
    "justice",
    "officer",
    "officers",
    "ministry",
    "department",
    "government",
    "administration",
    "campaign",
    "committee",
    "council",
    "commission",
    "court",
    "company",
    "firm",
    "group",
    "groups",
    "organization",
    "organisation",
    "party",
    "agency",
    "people",
    "citizens",
    "members",
    "member",
    "staff",
    "team",
    "side",
    "democrats",
    "republicans",
    "fm",
    "pm",
    "executive",
    "executives",
    "manager",
    "managers",
    "founder",
    "investigators",
    "investigator",
    "authorities",
    "regulators",
    "regulator",
    "economist",
    "campaigners",
    "protesters",
    "protestors",
    "demonstrators",
    "residents",
    "students",
    "teachers",
    "doctors",
    "officials",
    "insiders",
    "insider",
    "allies",
    "ally",
    "advocates",
    "advocate",
    "organizers",
    "organizer",
    "spokespersons",
    "delegation",
    "embassy",
    "white",
    "house",
    "office",
    "board",
    "union",
    "unions",
    "ceo",
    "editor",
    "editors",
    "correspondent",
    "anchor",
    "coach",
    "player",
    "players",
    "fans",
    "parents",
    "users",
    "writer",
    "writers",
    "commissioner",
    "pundit",
    "pundits",
    "surrogate",
    "surrogates",
    "operative",
    "operatives",
    "staffer",
    "staffers",
    "consultant",
    "consultants",
    "donor",
    "donors",
    "senate",
    "congress",
    "legislature",
    "bureau",
    "institute",
    "foundation",
    "university",
    "center",
    "centre",
    "association",
    "network",
    "newspaper",
    "paper",
    "daily",
    "outlet",
    "website",
    "magazine",
    "agency",
    "service",
    "ministry",
    "team",
    "country",
    "countries",
    "nation",
    "nations",
    "state",
    "states",
    "city",
    "family",
];

const DOCUMENT_NOUNS: &[&str] = &[
    "report",
    "reports",
    "poll",
    "polls",
    "survey",
    "surveys",
    "study",
    "studies",
    "statement",
    "statements",
    "document",
    "documents",
    "data",
    "figures",
    "analysis",
    "letter",
    "memo",
    "filing",
    "complaint",
    "lawsuit",
    "ruling",
    "release",
    "review",
    "audit",
    "estimate",
    "estimates",
    "research",
    "article",
    "story",
    "book",
    "ad",
    "video",
    "post",
    "tweet",
    "paper",
    "records",
    "record",
    "census",
    "index",
    "numbers",
    "film",
    "documentary",
    "averages",
    "average",
    "slide",
    "slides",
    "chart",
    "graph",
    "map",
    "footage",
    "image",
    "images",
    "photo",
    "photos",
    "emails",
    "email",
    "transcript",
    "transcripts",
    "return",
    "returns",
    "tally",
    "count",
    "results",
    "evidence",
    "report's",
    "forecast",
    "projection",
    "projections",
    "model",
    "models",
    "tracker",
    "polling",
];

const ORG_HEADS: &[&str] = &[
    "ministry",
    "department",
    "office",
    "committee",
    "council",
    "commission",
    "court",
    "party",
    "times",
    "post",
    "news",
    "journal",
    "press",
    "network",
    "agency",
    "bureau",
    "institute",
    "university",
    "center",
    "centre",
    "foundation",
    "association",
    "group",
    "company",
    "corporation",
    "corp",
    "inc",
    "ltd",
    "administration",
    "government",
    "campaign",
    "house",
    "senate",
    "congress",
    "parliament",
    "assembly",
    "union",
    "bank",
    "fund",
    "organization",
    "organisation",
    "forum",
    "service",
    "board",
    "authority",
    "police",
    "army",
    "navy",
    "force",
    "guardian",
    "telegraph",
    "tribune",
    "herald",
    "politifact",
    "reuters",
    "bloomberg",
    "xinhua",
    "globe",
    "observer",
    "chronicle",
    "gazette",
    "daily",
    "review",
    "magazine",
    "radio",
    "television",
    "tv",
    "cnn",
    "bbc",
    "fbi",
    "cia",
    "nato",
    "un",
    "eu",
    "who",
    "imf",
    "embassy",
    "mission",
    "team",
    "club",
    "alliance",
    "coalition",
    "federation",
    "league",
    "society",
    "council",
    "caucus",
    "secretariat",
    "cabinet",
    "kremlin",
    "pentagon",
    "states",
];

const DETERMINERS: &[&str] = &[
    "the", "a", "an", "this", "that", "these", "those", "his", "her", "its", "their", "our", "my",
    "your", "some", "many", "several", "two", "three", "four", "five", "other", "another", "one",
    "most", "both", "all", "each", "every", "such", "no", "any", "more",
];

const BETWEEN_WORDS: &[&str] = &[
    "also",
    "has",
    "had",
    "have",
    "would",
    "will",
    "could",
    "should",
    "might",
    "may",
    "must",
    "did",
    "does",
    "do",
    "is",
    "was",
    "were",
    "are",
    "been",
    "be",
    "then",
    "once",
    "again",
    "further",
    "often",
    "later",
    "earlier",
    "previously",
    "repeatedly",
    "reportedly",
    "recently",
    "still",
    "never",
    "always",
    "even",
    "just",
    "already",
    "not",
    "only",
    "publicly",
    "privately",
    "separately",
    "first",
    "initially",
    "ultimately",
    "finally",
    "flatly",
    "firmly",
    "frequently",
    "clearly",
    "strongly",
    "formally",
    "quietly",
    "last",
    "similarly",
    "likewise",
    "too",
    "now",
    "today",
    "yesterday",
    "tonight",
    "isn't",
    "wasn't",
    "aren't",
    "weren't",
    "didn't",
    "doesn't",
    "don't",
    "hasn't",
    "haven't",
    "hadn't",
    "won't",
    "wouldn't",
];

const CLAUSE_CONJUNCTIONS: &[&str] = &[
    "while", "whereas", "although", "though", "but", "because", "since", "unless", "whilst", "yet",
    "however",
];

const PREPOSITIONS: &[&str] = &[
    "in",
    "on",
    "at",
    "to",
    "from",
    "with",
    "by",
    "for",
    "during",
    "after",
    "before",
    "about",
    "of",
    "over",
    "under",
    "into",
    "onto",
    "upon",
    "against",
    "among",
    "amid",
    "between",
    "through",
    "throughout",
    "toward",
    "towards",
    "via",
    "per",
    "within",
    "without",
    "across",
    "behind",
    "beyond",
    "near",
    "outside",
    "inside",
    "since",
    "until",
    "despite",
    "like",
    "as",
];

const TIME_WORDS: &[&str] = &[
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "friday",
    "saturday",
    "sunday",
    "yesterday",
    "today",
    "tonight",
    "tomorrow",
    "morning",
    "afternoon",
    "evening",
    "night",
    "week",
    "weekend",
    "month",
    "year",
    "last",
    "earlier",
    "later",
    "recently",
    "day",
    "days",
    "weeks",
    "months",
    "years",
    "time",
    "hour",
    "hours",
    "ago",
    "then",
    "now",
    "previously",
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
    "jan",
    "feb",
    "mar",
    "apr",
    "jun",
    "jul",
    "aug",
    "sep",
    "sept",
    "oct",
    "nov",
    "dec",
    "this",
    "next",
    "past",
    "overnight",
    "late",
    "early",
];

const CONNECTORS: &[&str] = &["of", "and", "for", "the", "on", "&"];

const NAME_PARTICLES: &[&str] = &[
    "von", "van", "der", "den", "de", "da", "di", "del", "della", "la", "le", "bin", "bint", "al",
    "el", "ibn", "dos", "das", "du", "ter", "ten", "st",
];

const ROLE_MODIFIERS: &[&str] = &[
    "former",
    "senior",
    "longtime",
    "long-time",
    "deputy",
    "top",
    "chief",
    "veteran",
    "acting",
    "interim",
    "current",
    "then",
    "new",
    "outgoing",
    "incoming",
    "assistant",
    "associate",
    "principal",
    "lead",
    "leading",
    "prominent",
    "influential",
    "conservative",
    "liberal",
    "progressive",
    "independent",
    "local",
    "federal",
    "foreign",
    "political",
    "military",
    "economic",
    "legal",
    "regional",
    "national",
    "international",
    "chinese",
    "american",
    "european",
    "russian",
    "british",
    "french",
    "german",
    "senior-level",
    "high-ranking",
    "unnamed",
    "anonymous",
    "government",
    "administration",
    "campaign",
    "party",
    "state",
    "city",
    "county",
    "police",
    "presidential",
    "congressional",
    "democratic",
    "republican",
    "gop",
    "white",
    "house",
    "defense",
    "security",
    "intelligence",
    "health",
    "education",
    "ministry",
    "u.s",
    "us",
    "un",
    "eu",
    "fellow",
    "other",
    "some",
    "many",
    "several",
    "few",
];

const RELATIVES: &[&str] = &["who", "which", "whose", "whom"];

/// Sentence-initial words that are capitalised only because they start the sentence.
const NOT_NAMES: &[&str] = &[
    "however",
    "meanwhile",
    "but",
    "and",
    "yet",
    "still",
    "also",
    "likewise",
    "moreover",
    "furthermore",
    "therefore",
    "thus",
    "instead",
    "indeed",
    "today",
    "yesterday",
    "now",
    "then",
    "here",
    "there",
    "this",
    "that",
    "these",
    "those",
    "it",
    "in",
    "on",
    "at",
    "for",
    "as",
    "if",
    "when",
    "while",
    "after",
    "before",
    "since",
    "although",
    "though",
    "because",
    "during",
    "over",
    "under",
    "according",
    "asked",
    "speaking",
    "citing",
    "despite",
    "earlier",
    "later",
    "last",
    "next",
    "first",
    "finally",
    "besides",
    "so",
    "or",
    "nor",
    "not",
    "no",
    "all",
    "both",
    "each",
    "every",
    "many",
    "most",
    "some",
    "several",
    "other",
    "others",
    "such",
    "what",
    "why",
    "how",
    "where",
    "which",
    "who",
    "whom",
    "whose",
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "friday",
    "saturday",
    "sunday",
    "january",
    "february",
    "march",
    "april",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
    "with",
    "without",
    "from",
    "by",
    "to",
    "into",
];

const PLACES: &[&str] = &[
    "china",
    "beijing",
    "taiwan",
    "russia",
    "moscow",
    "ukraine",
    "kyiv",
    "america",
    "usa",
    "u.s",
    "us",
    "washington",
    "britain",
    "uk",
    "u.k",
    "london",
    "france",
    "paris",
    "germany",
    "berlin",
    "japan",
    "tokyo",
    "india",
    "iran",
    "israel",
    "gaza",
    "syria",
    "iraq",
    "turkey",
    "mexico",
    "canada",
    "brazil",
    "cuba",
    "panama",
    "venezuela",
    "argentina",
    "chile",
    "colombia",
    "peru",
    "uruguay",
    "europe",
    "asia",
    "africa",
    "nicaragua",
    "honduras",
    "guatemala",
    "pakistan",
    "afghanistan",
    "korea",
    "pyongyang",
    "seoul",
    "italy",
    "spain",
    "poland",
    "egypt",
    "saudi",
    "qatar",
    "australia",
    "vietnam",
    "philippines",
    "indonesia",
    "nigeria",
    "kenya",
    "ethiopia",
    "libya",
    "lebanon",
    "jordan",
    "yemen",
    "hungary",
    "greece",
    "sweden",
    "norway",
    "denmark",
    "finland",
    "netherlands",
    "belgium",
    "switzerland",
    "austria",
    "ireland",
    "scotland",
    "wales",
    "texas",
    "california",
    "florida",
    "ohio",
    "york",
    "nevada",
    "pennsylvania",
    "michigan",
    "virginia",
    "iowa",
    "carolina",
    "arizona",
    "georgia",
    "wisconsin",
    "minnesota",
    "colorado",
    "illinois",
    "chicago",
    "moscow",
    "kremlin",
];

fn inflect(base: &str) -> [String; 3] {
    let b = base;
    let (s, past, ing) = if let Some(stem) = b.strip_suffix('e') {
        (format!("{b}s"), format!("{b}d"), format!("{stem}ing"))
    } else if let Some(stem) = b.strip_suffix('y') {
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

fn build() -> FxHashMap<Box<str>, Lex> {
    let mut map: FxHashMap<Box<str>, Lex> = FxHashMap::default();
    let mut add = |word: &str, class: u32| {
        map.entry(word.into()).or_default().class |= class;
    };
    for &w in TITLES {
        add(w, class::TITLE);
    }
    for &w in ROLE_NOUNS {
        add(w, class::ROLE_NOUN);
    }
    for &w in DOCUMENT_NOUNS {
        add(w, class::DOCUMENT);
    }
    for &w in ORG_HEADS {
        add(w, class::ORG_HEAD);
    }
    for &w in DETERMINERS {
        add(w, class::DETERMINER);
    }
    for &w in BETWEEN_WORDS {
        add(w, class::BETWEEN);
    }
    for &w in CLAUSE_CONJUNCTIONS {
        add(w, class::CLAUSE_CONJ);
    }
    for &w in PREPOSITIONS {
        add(w, class::PREPOSITION);
    }
    for &w in TIME_WORDS {
        add(w, class::TIME);
    }
    for &w in CONNECTORS {
        add(w, class::CONNECTOR);
    }
    for &w in NAME_PARTICLES {
        add(w, class::NAME_PARTICLE);
    }
    for &w in ROLE_MODIFIERS {
        add(w, class::ROLE_MODIFIER);
    }
    for &w in RELATIVES {
        add(w, class::RELATIVE);
    }
    for &w in NOT_NAMES {
        add(w, class::NOT_NAME);
    }
    for &w in PLACES {
        add(w, class::PLACE);
    }
    for &w in BE_FORMS {
        add(w, class::BE);
    }
    for &(w, g) in SUBJECT_PRONOUNS {
        add(w, class::PRONOUN_SUBJECT | g);
    }
    for &(w, g) in OBJECT_PRONOUNS {
        add(w, class::PRONOUN_OBJECT | g);
    }
    let mut cues: Vec<(String, u16, Form)> = Vec::new();
    for &(base, forms, flags) in CUES {
        let parts: Vec<String> = if forms.is_empty() {
            inflect(base).to_vec()
        } else {
            forms.split('|').map(str::to_owned).collect()
        };
        cues.push((base.to_owned(), flags, Form::Base));
        for (form, word) in [Form::Present3, Form::Past, Form::Gerund]
            .into_iter()
            .zip(parts)
        {
            cues.push((word, flags, form));
        }
    }
    for (word, flags, form) in cues {
        let e = map.entry(word.into_boxed_str()).or_default();
        e.class |= class::CUE;
        e.cue |= flags;
        e.form = form;
    }
    for &w in NOUN_FORMS {
        if let Some(e) = map.get_mut(w) {
            e.class |= class::NOUN_FORM;
        }
    }
    map
}

#[cfg(test)]
mod tests {
    use super::*;

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
