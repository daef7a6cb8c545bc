//! The words numbers are made of, looked up in O(1) by a packed lower-case key.
//!
//! A word's key packs its lower-cased ASCII letters into a `u128` (16 letters at most),
//! so comparing a word with a lexicon entry is one integer comparison and the scanner
//! never allocates. The hash table is built at compile time.

/// Packs the lower-cased letters of `s` into a key. Keys of words longer than 16 letters
/// are never produced by the scanner (see [`super::scan::Word`]), so they cannot collide.
pub(crate) const fn key(s: &str) -> u128 {
    let b = s.as_bytes();
    let mut k = 0u128;
    let mut i = 0;
    while i < b.len() {
        k = (k << 8) | (b[i] | 0x20) as u128;
        i += 1;
    }
    k
}

/// What a lexicon word contributes to a number.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Entry {
    /// `zero` … `nineteen`.
    Small(u8),
    /// `twenty` … `ninety`.
    Tens(u8),
    Hundred,
    /// `thousand`, `million`, `billion`, `trillion`: the power of ten.
    Scale(u8),
    /// `bn`, `mn`, `mln`, `tn`, `trn`: scale abbreviations, only after digits.
    ScaleAbbr(u8),
    Dozen,
    /// `first` … `nineteenth`.
    OrdSmall(u8),
    /// `twentieth` … `ninetieth`.
    OrdTens(u8),
    /// `hundredth`, `thousandth`, `millionth`: the power of ten.
    OrdScale(u8),
    /// Denominators after a cardinal: `thirds`, `quarters`, `halves`, … (`half`, `quarter`),
    /// plural ordinals (`fifteenths`, `thirtieths`).
    Fraction(u8),
    /// Plural ordinals of powers of ten: `hundredths`, `millionths`: the power.
    ScaleFraction(u8),
    /// `twofold`, `tenfold`, `twice`, `double`, `triple`: how many times.
    Times(u8),
    /// `January` … `December` (1-based).
    Month(u8),
    /// `Jan`, `Feb`, `Sept`, …: need a dot or a day after them.
    MonthAbbr(u8),
    /// `years`, `decade`, …: the normalised unit and how many of it one word is worth.
    Duration(&'static str, u16),
    /// `dollars`, `euros`, `yuan`, …: ISO 4217 code.
    Currency(&'static str),
    /// `USD`, `EUR`, `RMB`, …: must be written in capitals (or after a numeral).
    Code(&'static str),
    /// `MEUR`, `MUSD`: millions of a currency, in capitals.
    MillionCode(&'static str),
    /// A unit of measure and its symbol; `exact` abbreviations must match letter case.
    Unit(&'static str, bool),
    /// `percent`, `pct`.
    Percent,
    /// `per` (in `per cent`).
    Per,
    /// `percentage` (in `percentage points`).
    Percentage,
    /// `http`, `https`, `www`: the start of an address; skipped whole.
    Url,
}

impl Entry {
    /// Whether the scanner starts parsing at this word.
    pub(super) const fn is_trigger(self) -> bool {
        matches!(
            self,
            Entry::Small(_)
                | Entry::Tens(_)
                | Entry::Hundred
                | Entry::Scale(_)
                | Entry::Dozen
                | Entry::OrdSmall(_)
                | Entry::OrdTens(_)
                | Entry::OrdScale(_)
                | Entry::Fraction(_)
                | Entry::ScaleFraction(_)
                | Entry::Times(_)
                | Entry::Month(_)
                | Entry::MonthAbbr(_)
                | Entry::Duration(_, 10 | 100)
                | Entry::Code(_)
                | Entry::MillionCode(_)
                | Entry::Url
        )
    }
}

use Entry::*;

const WORDS: &[(&str, Entry)] = &[
    ("zero", Small(0)),
    ("one", Small(1)),
    ("two", Small(2)),
    ("three", Small(3)),
    ("four", Small(4)),
    ("five", Small(5)),
    ("six", Small(6)),
    ("seven", Small(7)),
    ("eight", Small(8)),
    ("nine", Small(9)),
    ("ten", Small(10)),
    ("eleven", Small(11)),
    ("twelve", Small(12)),
    ("thirteen", Small(13)),
    ("fourteen", Small(14)),
    ("fifteen", Small(15)),
    ("sixteen", Small(16)),
    ("seventeen", Small(17)),
    ("eighteen", Small(18)),
    ("nineteen", Small(19)),
    ("nought", Small(0)),
    ("twenty", Tens(20)),
    ("thirty", Tens(30)),
    ("forty", Tens(40)),
    ("fifty", Tens(50)),
    ("sixty", Tens(60)),
    ("seventy", Tens(70)),
    ("eighty", Tens(80)),
    ("ninety", Tens(90)),
    ("hundred", Hundred),
    ("thousand", Scale(3)),
    ("million", Scale(6)),
    ("billion", Scale(9)),
    ("trillion", Scale(12)),
    ("bn", ScaleAbbr(9)),
    ("mn", ScaleAbbr(6)),
    ("mln", ScaleAbbr(6)),
    ("tn", ScaleAbbr(12)),
    ("trn", ScaleAbbr(12)),
    ("bln", ScaleAbbr(9)),
    ("tln", ScaleAbbr(12)),
    ("mil", ScaleAbbr(6)),
    ("lakh", Scale(5)),
    ("lakhs", Scale(5)),
    ("crore", Scale(7)),
    ("crores", Scale(7)),
    ("dozen", Dozen),
    ("dozens", Dozen),
    ("dz", Dozen),
    ("dzs", Dozen),
    ("first", OrdSmall(1)),
    ("second", OrdSmall(2)),
    ("third", OrdSmall(3)),
    ("fourth", OrdSmall(4)),
    ("fifth", OrdSmall(5)),
    ("sixth", OrdSmall(6)),
    ("seventh", OrdSmall(7)),
    ("eighth", OrdSmall(8)),
    ("ninth", OrdSmall(9)),
    ("tenth", OrdSmall(10)),
    ("eleventh", OrdSmall(11)),
    ("twelfth", OrdSmall(12)),
    ("thirteenth", OrdSmall(13)),
    ("fourteenth", OrdSmall(14)),
    ("fifteenth", OrdSmall(15)),
    ("sixteenth", OrdSmall(16)),
    ("seventeenth", OrdSmall(17)),
    ("eighteenth", OrdSmall(18)),
    ("nineteenth", OrdSmall(19)),
    ("twentieth", OrdTens(20)),
    ("thirtieth", OrdTens(30)),
    ("fortieth", OrdTens(40)),
    ("fiftieth", OrdTens(50)),
    ("sixtieth", OrdTens(60)),
    ("seventieth", OrdTens(70)),
    ("eightieth", OrdTens(80)),
    ("ninetieth", OrdTens(90)),
    ("hundredth", OrdScale(2)),
    ("thousandth", OrdScale(3)),
    ("millionth", OrdScale(6)),
    ("billionth", OrdScale(9)),
    ("trillionth", OrdScale(12)),
    ("hundredths", ScaleFraction(2)),
    ("thousandths", ScaleFraction(3)),
    ("millionths", ScaleFraction(6)),
    ("billionths", ScaleFraction(9)),
    ("trillionths", ScaleFraction(12)),
    ("elevenths", Fraction(11)),
    ("twelfths", Fraction(12)),
    ("thirteenths", Fraction(13)),
    ("fourteenths", Fraction(14)),
    ("fifteenths", Fraction(15)),
    ("sixteenths", Fraction(16)),
    ("seventeenths", Fraction(17)),
    ("eighteenths", Fraction(18)),
    ("nineteenths", Fraction(19)),
    ("twentieths", Fraction(20)),
    ("thirtieths", Fraction(30)),
    ("fortieths", Fraction(40)),
    ("fiftieths", Fraction(50)),
    ("sixtieths", Fraction(60)),
    ("seventieths", Fraction(70)),
    ("eightieths", Fraction(80)),
    ("ninetieths", Fraction(90)),
    ("twofold", Times(2)),
    ("threefold", Times(3)),
    ("fourfold", Times(4)),
    ("fivefold", Times(5)),
    ("sixfold", Times(6)),
    ("sevenfold", Times(7)),
    ("eightfold", Times(8)),
    ("ninefold", Times(9)),
    ("tenfold", Times(10)),
    ("twentyfold", Times(20)),
    ("hundredfold", Times(100)),
    ("twice", Times(2)),
    ("double", Times(2)),
    ("triple", Times(3)),
    ("quadruple", Times(4)),
    ("half", Fraction(2)),
    ("halves", Fraction(2)),
    ("thirds", Fraction(3)),
    ("quarter", Fraction(4)),
    ("quarters", Fraction(4)),
    ("fourths", Fraction(4)),
    ("fifths", Fraction(5)),
    ("sixths", Fraction(6)),
    ("sevenths", Fraction(7)),
    ("eighths", Fraction(8)),
    ("ninths", Fraction(9)),
    ("tenths", Fraction(10)),
    ("january", Month(1)),
    ("february", Month(2)),
    ("march", Month(3)),
    ("april", Month(4)),
    ("may", Month(5)),
    ("june", Month(6)),
    ("july", Month(7)),
    ("august", Month(8)),
    ("september", Month(9)),
    ("october", Month(10)),
    ("november", Month(11)),
    ("december", Month(12)),
    ("jan", MonthAbbr(1)),
    ("feb", MonthAbbr(2)),
    ("mar", MonthAbbr(3)),
    ("apr", MonthAbbr(4)),
    ("jun", MonthAbbr(6)),
    ("jul", MonthAbbr(7)),
    ("aug", MonthAbbr(8)),
    ("sep", MonthAbbr(9)),
    ("sept", MonthAbbr(9)),
    ("oct", MonthAbbr(10)),
    ("nov", MonthAbbr(11)),
    ("dec", MonthAbbr(12)),
    ("year", Duration("year", 1)),
    ("years", Duration("year", 1)),
    ("month", Duration("month", 1)),
    ("months", Duration("month", 1)),
    ("week", Duration("week", 1)),
    ("weeks", Duration("week", 1)),
    ("day", Duration("day", 1)),
    ("days", Duration("day", 1)),
    ("hour", Duration("hour", 1)),
    ("hours", Duration("hour", 1)),
    ("minute", Duration("minute", 1)),
    ("minutes", Duration("minute", 1)),
    ("seconds", Duration("second", 1)),
    ("decade", Duration("year", 10)),
    ("decades", Duration("year", 10)),
    ("century", Duration("year", 100)),
    ("centuries", Duration("year", 100)),
    ("dollar", Currency("USD")),
    ("dollars", Currency("USD")),
    ("euro", Currency("EUR")),
    ("euros", Currency("EUR")),
    ("pounds", Currency("GBP")),
    ("sterling", Currency("GBP")),
    ("yen", Currency("JPY")),
    ("yuan", Currency("CNY")),
    ("renminbi", Currency("CNY")),
    ("rupee", Currency("INR")),
    ("rupees", Currency("INR")),
    ("rouble", Currency("RUB")),
    ("roubles", Currency("RUB")),
    ("ruble", Currency("RUB")),
    ("rubles", Currency("RUB")),
    ("francs", Currency("CHF")),
    ("usd", Code("USD")),
    ("eur", Code("EUR")),
    ("gbp", Code("GBP")),
    ("jpy", Code("JPY")),
    ("cny", Code("CNY")),
    ("rmb", Code("CNY")),
    ("inr", Code("INR")),
    ("chf", Code("CHF")),
    ("aud", Code("AUD")),
    ("cad", Code("CAD")),
    ("hkd", Code("HKD")),
    ("rub", Code("RUB")),
    ("brl", Code("BRL")),
    ("mxn", Code("MXN")),
    ("krw", Code("KRW")),
    ("musd", MillionCode("USD")),
    ("meur", MillionCode("EUR")),
    ("mgbp", MillionCode("GBP")),
    ("maud", MillionCode("AUD")),
    ("mcad", MillionCode("CAD")),
    ("mchf", MillionCode("CHF")),
    ("km", Unit("km", true)),
    ("kilometre", Unit("km", false)),
    ("kilometres", Unit("km", false)),
    ("kilometer", Unit("km", false)),
    ("kilometers", Unit("km", false)),
    ("m", Unit("m", true)),
    ("metre", Unit("m", false)),
    ("metres", Unit("m", false)),
    ("meter", Unit("m", false)),
    ("meters", Unit("m", false)),
    ("cm", Unit("cm", true)),
    ("centimetres", Unit("cm", false)),
    ("centimeters", Unit("cm", false)),
    ("mm", Unit("mm", true)),
    ("ml", Unit("ml", true)),
    ("millilitres", Unit("ml", false)),
    ("milliliters", Unit("ml", false)),
    ("kmph", Unit("km/h", true)),
    ("kmh", Unit("km/h", true)),
    ("cup", Unit("cup", false)),
    ("cups", Unit("cup", false)),
    ("millimetres", Unit("mm", false)),
    ("millimeters", Unit("mm", false)),
    ("mile", Unit("mi", false)),
    ("miles", Unit("mi", false)),
    ("mph", Unit("mph", true)),
    ("kph", Unit("km/h", true)),
    ("kg", Unit("kg", true)),
    ("kilogram", Unit("kg", false)),
    ("kilograms", Unit("kg", false)),
    ("kilos", Unit("kg", false)),
    ("gram", Unit("g", false)),
    ("grams", Unit("g", false)),
    ("tonne", Unit("t", false)),
    ("tonnes", Unit("t", false)),
    ("ton", Unit("t", false)),
    ("tons", Unit("t", false)),
    ("lb", Unit("lb", true)),
    ("lbs", Unit("lb", true)),
    ("ft", Unit("ft", true)),
    ("foot", Unit("ft", false)),
    ("feet", Unit("ft", false)),
    ("inch", Unit("in", false)),
    ("inches", Unit("in", false)),
    ("px", Unit("px", true)),
    ("pixels", Unit("px", false)),
    ("pt", Unit("pt", true)),
    ("degree", Unit("°", false)),
    ("degrees", Unit("°", false)),
    ("acre", Unit("acre", false)),
    ("acres", Unit("acre", false)),
    ("hectare", Unit("ha", false)),
    ("hectares", Unit("ha", false)),
    ("ha", Unit("ha", true)),
    ("litre", Unit("l", false)),
    ("litres", Unit("l", false)),
    ("liter", Unit("l", false)),
    ("liters", Unit("l", false)),
    ("gallons", Unit("gal", false)),
    ("barrels", Unit("bbl", false)),
    ("bpd", Unit("bbl/d", true)),
    ("knots", Unit("kn", false)),
    ("kw", Unit("kW", true)),
    ("mw", Unit("MW", true)),
    ("gw", Unit("GW", true)),
    ("kwh", Unit("kWh", true)),
    ("mwh", Unit("MWh", true)),
    ("gwh", Unit("GWh", true)),
    ("twh", Unit("TWh", true)),
    ("mb", Unit("MB", true)),
    ("gb", Unit("GB", true)),
    ("tb", Unit("TB", true)),
    ("percent", Percent),
    ("pct", Percent),
    ("per", Per),
    ("percentage", Percentage),
    ("http", Url),
    ("https", Url),
    ("www", Url),
];

const N: usize = WORDS.len();
const BITS: u32 = 10;
const SIZE: usize = 1 << BITS;

const fn slot(k: u128) -> usize {
    let x = (k as u64) ^ ((k >> 64) as u64).rotate_left(29);
    (x.wrapping_mul(0x9E37_79B9_7F4A_7C15) >> (64 - BITS)) as usize
}

const KEYS: [u128; N] = {
    let mut keys = [0u128; N];
    let mut i = 0;
    while i < N {
        keys[i] = key(WORDS[i].0);
        i += 1;
    }
    keys
};

/// Open addressing: each slot holds 1 + an index into `WORDS`, or 0 when empty.
static TABLE: [u16; SIZE] = {
    let mut table = [0u16; SIZE];
    let mut i = 0;
    while i < N {
        let mut s = slot(KEYS[i]);
        while table[s] != 0 {
            s = (s + 1) & (SIZE - 1);
        }
        table[s] = (i + 1) as u16;
        i += 1;
    }
    table
};

/// The lexicon entry of the word with key `k`.
#[inline]
pub(super) fn lookup(k: u128) -> Option<Entry> {
    let mut s = slot(k);
    loop {
        let idx = usize::from(*TABLE.get(s)?);
        if idx == 0 {
            return None;
        }
        if KEYS.get(idx - 1) == Some(&k) {
            return WORDS.get(idx - 1).map(|w| w.1);
        }
        s = (s + 1) & (SIZE - 1);
    }
}

/// The exact spelling of a lexicon word (for case-sensitive abbreviations).
pub(super) fn spelling(k: u128) -> Option<&'static str> {
    let i = KEYS.iter().position(|&x| x == k)?;
    WORDS.get(i).map(|w| w.0)
}

/// Keys of the function words the grammar looks at around a number.
pub(super) mod k {
    use super::key;
    pub const A: u128 = key("a");
    pub const AN: u128 = key("an");
    pub const ONE: u128 = key("one");
    pub const AND: u128 = key("and");
    pub const TO: u128 = key("to");
    pub const OF: u128 = key("of");
    pub const BETWEEN: u128 = key("between");
    pub const HALF: u128 = key("half");
    pub const CENT: u128 = key("cent");
    pub const POINT: u128 = key("point");
    pub const POINTS: u128 = key("points");
    pub const OLD: u128 = key("old");
    pub const STERLING: u128 = key("sterling");
    pub const POUNDS: u128 = key("pounds");
    pub const CELSIUS: u128 = key("celsius");
    pub const FAHRENHEIT: u128 = key("fahrenheit");
    pub const SQUARE: u128 = key("square");
    pub const SQ: u128 = key("sq");
    pub const CUBIC: u128 = key("cubic");
    pub const AM: u128 = key("am");
    pub const PM: u128 = key("pm");
    pub const O: u128 = key("o");
    pub const MINUS: u128 = key("minus");
    pub const P: u128 = key("p");
    pub const TH: u128 = key("th");
    pub const ST: u128 = key("st");
    pub const ND: u128 = key("nd");
    pub const RD: u128 = key("rd");
    pub const M: u128 = key("m");
    pub const B: u128 = key("b");
    pub const K: u128 = key("k");
    pub const NO: u128 = key("no");
    pub const NEGATIVE: u128 = key("negative");
    pub const OUT: u128 = key("out");
    pub const OVER: u128 = key("over");
    pub const AGED: u128 = key("aged");
    pub const ANOTHER: u128 = key("another");
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_word_is_found_and_keys_are_unique() {
        for (i, (w, e)) in WORDS.iter().enumerate() {
            assert_eq!(lookup(key(w)), Some(*e), "{w}");
            assert!(!WORDS[..i].iter().any(|(x, _)| x == w), "{w} listed twice");
            assert!(w.len() <= 16);
        }
        assert_eq!(lookup(key("the")), None);
        assert_eq!(lookup(key("Million")), Some(Scale(6)));
    }
}
