//! Eight bytes at a time: tests on a `u64` that mark each byte in bit 7, for the scans
//! where a loop per byte would end at a length that changes from word to word and
//! mispredict.

/// Bit 7 of every byte.
pub(crate) const HIGH_BITS: u64 = 0x8080_8080_8080_8080;
/// 1 in every byte.
pub(crate) const ONES: u64 = 0x0101_0101_0101_0101;

/// Bit 7 of each byte of `x` set where that byte is ASCII and lies in `lo..=hi` (ASCII
/// bounds). No sum carries across a byte: each byte is below 0x80 before it.
#[inline]
pub(crate) fn in_range8(x: u64, lo: u8, hi: u8) -> u64 {
    let low = x & !HIGH_BITS;
    let from_lo = low + ONES * u64::from(0x80 - lo);
    let above_hi = low + ONES * u64::from(0x7f - hi);
    from_lo & !above_hi & !x & HIGH_BITS
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn marks_exactly_the_bytes_in_range() {
        for (lo, hi) in [(b'A', b'Z'), (b'a', b'z'), (b'0', b'9'), (0x01, 0x7f)] {
            for b in 0u8..=255 {
                let x = u64::from_le_bytes([b, 0x7f, b, 0, 0x80, b, 0xff, b]);
                let want = [b, 0x7f, b, 0, 0x80, b, 0xff, b]
                    .iter()
                    .enumerate()
                    .filter(|(_, c)| (lo..=hi).contains(*c))
                    .fold(0u64, |m, (n, _)| m | 0x80 << (8 * n));
                assert_eq!(in_range8(x, lo, hi), want, "{b:#x} in {lo:#x}..={hi:#x}");
            }
        }
    }
}
