//! Numbers as text, shared by the parser's messages, the exports and the page.
//!
//! Integer arithmetic instead of core's float formatting, which would add about 15 KB to the wasm.

/// `value` with exactly `decimals` digits after the point, like `format!("{value:.decimals$}")`
/// (`fixed(94.44, 1)` → `"94.4"`, `fixed(2.0, 3)` → `"2.000"`), but with integer arithmetic:
/// core's float formatting (about 15 KB of wasm) then stays out of the page. Values beyond
/// ±1e15 lose their decimals; NaN and infinities print as Rust prints them.
pub fn fixed(value: f64, decimals: u32) -> String {
    if !value.is_finite() {
        return if value.is_nan() {
            "NaN"
        } else if value > 0.0 {
            "inf"
        } else {
            "-inf"
        }
        .to_string();
    }
    let decimals = decimals.min(9);
    let scale = 10u64.pow(decimals);
    let scaled = value.abs() * scale as f64;
    let sign = if value < 0.0 && scaled.round() > 0.0 { "-" } else { "" };
    if scaled >= 1e15 {
        return format!("{sign}{}", value.abs().round() as u64);
    }
    let scaled = scaled.round() as u64;
    let (whole, frac) = (scaled / scale, scaled % scale);
    if decimals == 0 {
        format!("{sign}{whole}")
    } else {
        format!("{sign}{whole}.{frac:0width$}", width = decimals as usize)
    }
}

/// `value` with at most `max_decimals` digits after the point and no trailing zeros:
/// `decimal(83.30, 4)` → `"83.3"`, `decimal(100.0, 4)` → `"100"`.
pub fn decimal(value: f64, max_decimals: u32) -> String {
    let s = fixed(value, max_decimals);
    if s.contains('.') {
        s.trim_end_matches('0').trim_end_matches('.').to_string()
    } else {
        s
    }
}

#[cfg(test)]
mod tests {
    use super::{decimal, fixed};

    #[test]
    fn fixed_matches_rusts_formatting() {
        for &v in &[0.0, 1.0, 94.44, 94.45, 99.95, 100.0, 0.125, 2.5, 123456.789, -3.25, -0.5, 1e-9, 66.666_666] {
            for d in 0..=4u32 {
                let ours = fixed(v, d);
                let rust = format!("{v:.prec$}", prec = d as usize);
                // Halfway cases may round either way in binary floating point; never by more.
                let diff: f64 = ours.parse::<f64>().unwrap() - rust.parse::<f64>().unwrap();
                assert!(diff.abs() <= 10f64.powi(-(d as i32)) + 1e-12, "{v} .{d}: {ours} vs {rust}");
                assert_eq!(ours.split('.').nth(1).map_or(0, str::len), d as usize, "{ours}");
            }
        }
        assert_eq!(fixed(94.44, 1), "94.4");
        assert_eq!(fixed(2.0, 3), "2.000");
        assert_eq!(fixed(-12.345, 1), "-12.3");
        assert_eq!(fixed(-0.01, 1), "0.0");
        assert_eq!(fixed(f64::NAN, 1), "NaN");
    }

    #[test]
    fn decimal_drops_trailing_zeros() {
        assert_eq!(decimal(83.3, 4), "83.3");
        assert_eq!(decimal(100.0, 4), "100");
        assert_eq!(decimal(94.4444, 4), "94.4444");
        assert_eq!(decimal(0.0, 4), "0");
    }
}
