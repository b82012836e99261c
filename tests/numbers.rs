//! model::numbers: decimals written without core's float formatting.

use comeback::model::numbers::Decimal;

fn written(value: f32) -> String {
    Decimal(value).to_string()
}

#[test]
fn whole_numbers_have_no_decimal_point() {
    assert_eq!(written(0.0), "0");
    assert_eq!(written(12.0), "12");
    assert_eq!(written(360.0), "360");
    assert_eq!(written(-4.0), "-4");
}

#[test]
fn fractions_keep_at_most_two_places_without_trailing_zeros() {
    assert_eq!(written(7.5), "7.5");
    assert_eq!(written(0.25), "0.25");
    assert_eq!(written(0.05), "0.05");
    assert_eq!(written(1.3), "1.3");
    assert_eq!(written(26.666_666), "26.67");
    assert_eq!(written(-4.56789), "-4.57");
    assert_eq!(written(2.999), "3");
}

#[test]
fn agrees_with_float_display_where_that_has_two_places_or_fewer() {
    for hundredths in -2000..2000 {
        let value = hundredths as f32 / 100.0;
        let shown: f32 = written(value).parse().unwrap_or(f32::NAN);
        assert!((shown - value).abs() < 0.001, "{value} written as {}", written(value));
        assert_eq!(written(value), format!("{}", (value * 100.0).round() / 100.0), "{value}");
    }
}

#[test]
fn negative_zero_and_odd_values_write_a_plain_number() {
    assert_eq!(written(-0.0), "0");
    assert_eq!(written(-0.001), "0");
    assert_eq!(written(f32::NAN), "0");
    assert!(written(f32::INFINITY).parse::<f64>().is_ok_and(f64::is_finite));
}
