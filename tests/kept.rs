//! Kept copies (snapshots, Undo, recovery): the dense encoding of their
//! compressed bytes, and the versioned header that says how each is stored.

use comeback::io::dense::{self, DenseError};
use comeback::io::kept::{self, Kept, KeptError};

/// A small deterministic byte source (xorshift), for varied lengths and values.
fn bytes(seed: u64, length: usize) -> Vec<u8> {
    let mut state = seed.max(1);
    (0..length)
        .map(|_| {
            state ^= state << 13;
            state ^= state >> 7;
            state ^= state << 17;
            (state >> 24) as u8
        })
        .collect()
}

fn assert_safe(text: &str) {
    for (at, unit) in text.encode_utf16().enumerate() {
        assert!(!(0xD800..=0xDFFF).contains(&unit), "a surrogate at {at}: {unit:#x}");
        assert!(unit >= 0x3400, "a control or ASCII character at {at}");
    }
}

// Guards the encoding's promise: every byte value, at every length, comes back exactly.
#[test]
fn every_byte_value_at_every_length_round_trips() {
    let all: Vec<u8> = (0..=255).chain((0..=255).rev()).collect();
    for length in 0..all.len() {
        let text = dense::encode(&all[..length]);
        assert_safe(&text);
        assert_eq!(text.chars().count(), dense::encoded_len(length), "length {length}");
        assert_eq!(dense::decode(&text).unwrap(), &all[..length], "length {length}");
    }
    for seed in 1..200 {
        let data = bytes(seed, seed as usize * 37);
        let text = dense::encode(&data);
        assert_safe(&text);
        assert_eq!(dense::decode(&text).unwrap(), data);
    }
}

// Guards the density: 15 bits a character, 2.5 times base64's 6.
#[test]
fn fifteen_bits_per_character() {
    let data = bytes(7, 426_776); // the gzip size of the 5,000-contact workbook
    let text = dense::encode(&data);
    assert_eq!(text.encode_utf16().count(), 227_614);
    assert_eq!(comeback::io::base64::encode(&data).len(), 569_036);
    // Every character is one UTF-16 code unit (what the quota counts).
    assert_eq!(text.encode_utf16().count(), text.chars().count());
}

// Guards decoding: a character from elsewhere, a short one inside, or stray bits are refused.
#[test]
fn damaged_text_is_refused() {
    let text = dense::encode(b"abc");
    assert_eq!(dense::decode(&format!("{text}x")), Err(DenseError::Character(2)));
    assert_eq!(dense::decode("{}"), Err(DenseError::Character(0)));
    let short = dense::encode(b"ab"); // 16 bits: one full character and a short one
    assert_eq!(short.chars().count(), 2);
    assert_eq!(dense::decode(&format!("{short}{short}")), Err(DenseError::ShortInside(1)));
    // The last short character with a stray bit in its padding.
    let mut chars: Vec<char> = short.chars().collect();
    chars[1] = char::from_u32(u32::from(chars[1]) | 1).unwrap();
    assert_eq!(dense::decode(&chars.into_iter().collect::<String>()), Err(DenseError::Padding));
}

/// A real gzip stream of "hello\n" (as `printf 'hello\n' | gzip -n` makes it).
const HELLO_GZIP: [u8; 26] = [
    0x1f, 0x8b, 0x08, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x03, 0xcb, 0x48, 0xcd, 0xc9, 0xc9, 0xe7, 0x02, 0x00, 0x20,
    0x30, 0x3a, 0x36, 0x06, 0x00, 0x00, 0x00,
];

// Guards the header: a compressed copy says so and gives back its bytes.
#[test]
fn a_compressed_copy_has_its_header() {
    let stored = kept::gzip(&HELLO_GZIP);
    assert!(stored.starts_with("gz1:"));
    assert_eq!(kept::parse(&stored), Ok(Kept::Gzip(HELLO_GZIP.to_vec())));
    assert_eq!(kept::gzip_trailer(&HELLO_GZIP), Some((kept::crc32(b"hello\n"), 6)));
}

// Guards older copies: a plain copy without a header (every copy before compression) still reads.
#[test]
fn a_plain_legacy_copy_still_reads() {
    let legacy = "{\"schema_version\":4,\"debrief\":{\"summary\":\"Kept before compression\"}}";
    assert_eq!(kept::parse(legacy), Ok(Kept::Plain(legacy)));
    assert_eq!(kept::parse(""), Ok(Kept::Plain("")), "an empty Undo copy: nothing was stored");
    assert_eq!(kept::plain(legacy), legacy, "a workbook is kept plain as it is");
    // Unreadable text that happens to look like a header is kept behind one, and reads back exactly.
    for raw in ["gz1:not compressed", "txt1:x", "ab2:y"] {
        let stored = kept::plain(raw);
        assert_eq!(stored, format!("txt1:{raw}"));
        assert_eq!(kept::parse(&stored), Ok(Kept::Plain(raw)));
    }
    assert_eq!(kept::parse("zz9:something newer"), Err(KeptError::Newer("zz9:".into())));
    assert_eq!(kept::parse("gz1:abc"), Err(KeptError::Damaged(DenseError::Character(0))));
    assert_eq!(kept::parse(&kept::gzip(b"not gzip at all, but long enough")), Err(KeptError::NotGzip));
}

// Guards the check that avoids a second recovery copy of the same text, without decompressing.
#[test]
fn a_copy_is_known_to_hold_a_text() {
    let stored = kept::gzip(&HELLO_GZIP);
    assert_eq!(kept::holds(&stored, "hello\n"), Some(true));
    assert_eq!(kept::holds(&stored, "hello!"), Some(false));
    assert_eq!(kept::holds("broken one", "broken one"), Some(true));
    assert_eq!(kept::holds("broken one", "broken two"), Some(false));
    assert_eq!(kept::holds("gz1:abc", "anything"), None);
}

// Guards the CRC-32 against its standard check value.
#[test]
fn crc32_check_value() {
    assert_eq!(kept::crc32(b"123456789"), 0xCBF4_3926);
    assert_eq!(kept::crc32(b""), 0);
}

// Guards the copies a big workbook keeps: compressed, they read back byte for
// byte, and take a fraction of the room (what lets snapshots and an Undo copy
// fit beside 5,000 contacts).
#[test]
fn a_big_text_packs_small_and_unpacks_exactly() {
    let mut text = String::from("{\"schema_version\":5,\"outreach\":{\"contacts\":[");
    for n in 0..20_000 {
        text.push_str(&format!(
            "{{\"name\":\"Person {n} Łukasz Ñúñez 🚀\",\"company\":\"Company {}\",\"notes\":\"Met at the meetup {}\"}},",
            n % 300,
            n * 7919 % 10_007
        ));
    }
    text.push_str("]}}");
    let packed = kept::pack(&text);
    assert!(packed.starts_with(kept::GZIP_HEADER));
    let (plain_units, packed_units) = (text.encode_utf16().count(), packed.encode_utf16().count());
    assert!(packed_units * 5 < plain_units, "{packed_units} characters packed for {plain_units}");
    assert_eq!(kept::unpack(&packed).as_deref(), Ok(text.as_str()));
    assert_eq!(kept::holds(&packed, &text), Some(true));
    assert_eq!(kept::holds(&packed, "something else"), Some(false));
}

// Guards copies written by other gzip writers (the `gzip` tool, the browser's
// CompressionStream): a standard stream reads, its optional header fields skipped.
#[test]
fn a_standard_gzip_stream_unpacks() {
    assert_eq!(kept::unpack(&kept::gzip(&HELLO_GZIP)).as_deref(), Ok("hello\n"));
    // The same data with a file name in the header (FNAME), as `gzip` writes it.
    let mut named = HELLO_GZIP.to_vec();
    named[3] |= 8;
    named.splice(10..10, b"hello.txt\0".iter().copied());
    assert_eq!(kept::unpack(&kept::gzip(&named)).as_deref(), Ok("hello\n"));
}

// Guards against reading a damaged copy back wrong: a changed byte is refused.
#[test]
fn a_damaged_compressed_copy_is_refused() {
    let text = "The debrief, kept before a restore. ".repeat(200);
    let mut bytes = kept::gzip_bytes(text.as_bytes());
    let middle = bytes.len() / 2;
    bytes[middle] ^= 0x55;
    assert!(kept::unpack(&kept::gzip(&bytes)).is_err());
    // The trailer's length must match too.
    let mut short = kept::gzip_bytes(text.as_bytes());
    let at = short.len() - 4;
    short[at] ^= 1;
    assert_eq!(kept::unpack(&kept::gzip(&short)), Err(KeptError::Corrupt));
}

// Guards small copies: when compressing does not help, the text is kept
// plain, and a plain text that looks like a header still reads as itself.
#[test]
fn a_short_text_is_kept_plain() {
    assert_eq!(kept::pack("{}"), "{}");
    assert_eq!(kept::unpack(&kept::pack("{}")).as_deref(), Ok("{}"));
    assert_eq!(kept::unpack(&kept::pack("gz2:not a header")).as_deref(), Ok("gz2:not a header"));
}

// Guards the Backup page's snapshot list: it shows what each snapshot holds
// from the note kept in the gzip header, without decompressing 2.7 million
// characters per snapshot (a second of a slow phone's time for three).
#[test]
fn a_note_reads_back_from_the_start_of_a_copy() {
    let text = format!("{{\"contacts\":[{}]}}", "\"Ana Lima\",".repeat(20_000));
    for note in ["{\"contacts\":5000}", &"a long note, ".repeat(40)] {
        let stored = kept::pack_noted(&text, note);
        assert_eq!(kept::note(&stored).as_deref(), Some(note));
        assert_eq!(kept::unpack(&stored).unwrap(), text, "the note does not change the text");
        assert_eq!(kept::holds(&stored, &text), Some(true));
        // Only the start is read: a copy cut short after its header still gives its note.
        let start: String = stored.chars().take(4 + 512).collect();
        assert_eq!(kept::note(&start).as_deref(), Some(note));
    }
    assert_eq!(kept::note(&kept::pack(&text)), None, "a copy kept without a note has none");
    assert_eq!(kept::note("{\"plain\":true}"), None, "nor has a plain copy");
    assert_eq!(kept::note("gz1:"), None, "nor a damaged one");
}
