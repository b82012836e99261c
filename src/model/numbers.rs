//! Numbers written for people and for SVG, without core's float formatting
//! (its shortest-digits algorithm and tables are about 3 KB gzip in every
//! chunk that formats a float).

use std::fmt;

/// `value` to two decimal places at most, without trailing zeros: 12, 7.5,
/// 0.25, -4.57. As precise as a chart's coordinates or an hour field needs.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Decimal(pub f32);

impl fmt::Display for Decimal {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        // `as` saturates, and NaN becomes 0: never a panic.
        let hundredths = (self.0 * 100.0).round() as i64;
        let sign = if hundredths < 0 { "-" } else { "" };
        let (whole, part) = (hundredths.unsigned_abs() / 100, hundredths.unsigned_abs() % 100);
        match part {
            0 => write!(f, "{sign}{whole}"),
            part if part % 10 == 0 => write!(f, "{sign}{whole}.{}", part / 10),
            part => write!(f, "{sign}{whole}.{part:02}"),
        }
    }
}
