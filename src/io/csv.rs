//! A small RFC 4180 CSV reader and writer.
//!
//! Hand-written rather than the `csv` crate: the app needs only records of
//! strings, and this state machine is a few dozen lines against the crate's
//! tens of kilobytes of wasm. It accepts CRLF or LF line ends, a leading BOM,
//! quoted fields holding commas, line breaks and doubled quotes, and a last
//! line without a line end.

/// Splits CSV text into records of fields.
pub fn read_records(text: &str) -> Vec<Vec<String>> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let mut records = Vec::new();
    let mut record: Vec<String> = Vec::new();
    let mut field = String::new();
    let mut in_quotes = false;
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        if in_quotes {
            match c {
                '"' if chars.peek() == Some(&'"') => {
                    field.push('"');
                    chars.next();
                }
                '"' => in_quotes = false,
                c => field.push(c),
            }
            continue;
        }
        match c {
            '"' => in_quotes = true,
            ',' => record.push(std::mem::take(&mut field)),
            '\r' => {
                if chars.peek() == Some(&'\n') {
                    chars.next();
                }
                record.push(std::mem::take(&mut field));
                records.push(std::mem::take(&mut record));
            }
            '\n' => {
                record.push(std::mem::take(&mut field));
                records.push(std::mem::take(&mut record));
            }
            c => field.push(c),
        }
    }
    if !field.is_empty() || !record.is_empty() {
        record.push(field);
        records.push(record);
    }
    records
}

/// One field, quoted when it must be, and made harmless for spreadsheets: a
/// value starting with `=`, `+`, `-`, `@`, a tab or a carriage return would be
/// run as a formula, so it gets a leading `'`.
pub fn write_field(value: &str) -> String {
    let value =
        if value.starts_with(['=', '+', '-', '@', '\t', '\r']) { format!("'{value}") } else { value.to_owned() };
    if value.contains([',', '"', '\n', '\r']) || value.starts_with('\'') {
        format!("\"{}\"", value.replace('"', "\"\""))
    } else {
        value
    }
}

/// One record, fields joined by commas, ending in CRLF.
pub fn write_record<S: AsRef<str>>(fields: &[S]) -> String {
    let mut line = fields.iter().map(|field| write_field(field.as_ref())).collect::<Vec<_>>().join(",");
    line.push_str("\r\n");
    line
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn quoted_fields_hold_commas_quotes_and_line_breaks() {
        let records = read_records("\u{feff}a,\"b, c\",\"say \"\"hi\"\"\"\r\n\"two\nlines\",,x\ny");
        assert_eq!(records, vec![vec!["a", "b, c", "say \"hi\""], vec!["two\nlines", "", "x"], vec!["y"]]);
    }

    #[test]
    fn formulas_are_escaped() {
        assert_eq!(write_field("=SUM(A1)"), "\"'=SUM(A1)\"");
        assert_eq!(write_field("@cmd"), "\"'@cmd\"");
        assert_eq!(write_field("plain"), "plain");
        assert_eq!(write_field("a,b"), "\"a,b\"");
    }
}
