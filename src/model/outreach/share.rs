//! Sharing the news: a limit on the grieving ("start sharing by"), the broad
//! announcement for LinkedIn or elsewhere, where it was posted, and short
//! messages to one person. Templates are filled from what the person wrote;
//! nothing is sent by the app.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use super::Contact;
use crate::model::keyed::keyed_enum;
use crate::model::meta::RecordMeta;
use crate::model::words::clause;
use crate::model::SetbackKind;

/// Where the "start sharing by" date stands today.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SharingClock {
    NotSet,
    DaysLeft(i64),
    Today,
    /// Passed this many days ago.
    Passed(i64),
}

/// Days left until `share_by`, compared with `today`.
pub fn sharing_clock(share_by: Option<NaiveDate>, today: NaiveDate) -> SharingClock {
    match share_by {
        None => SharingClock::NotSet,
        Some(date) => match (date - today).num_days() {
            0 => SharingClock::Today,
            days if days > 0 => SharingClock::DaysLeft(days),
            days => SharingClock::Passed(-days),
        },
    }
}

/// The sentence shown for the clock: plain, and gentle once the date passed.
pub fn sharing_clock_text(clock: SharingClock) -> String {
    match clock {
        SharingClock::NotSet => "Choose a day to start telling people. A limit keeps the grieving from quietly taking over.".into(),
        SharingClock::DaysLeft(1) => "1 day left to rest before you start sharing.".into(),
        SharingClock::DaysLeft(days) => format!("{days} days left to rest before you start sharing."),
        SharingClock::Today => "Today is the day you chose to start sharing. One message is enough to begin.".into(),
        SharingClock::Passed(_) => "The day you chose has passed. That is all right: whenever you feel ready, one message is a good start, or pick a new day.".into(),
    }
}

/// A place the announcement was posted, and when.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Posting {
    #[serde(flatten)]
    pub meta: RecordMeta,
    pub place: String,
    pub date: Option<NaiveDate>,
}

/// The broad announcement, in the person's words.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Announcement {
    /// "five good years at Acme", "my bakery".
    pub moved_on_from: String,
    /// "a product design role in health tech".
    pub pursuing: String,
    /// "an introduction to someone at…", "a coffee with anyone who…".
    pub how_to_help: String,
    pub postings: Vec<Posting>,
}

/// The styles the announcement can be written in.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum AnnouncementStyle {
    #[default]
    Plain,
    Warm,
    Short,
}

keyed_enum!(AnnouncementStyle {
    Plain => "plain", "Plain and direct";
    Warm => "warm", "Warm, with thanks";
    Short => "short", "Short";
});

/// The person's words for use in a sentence, or a bracketed placeholder
/// saying what to write there (only where nothing is written and nothing can
/// be suggested).
fn or_placeholder(text: &str, placeholder: &str) -> String {
    match clause(text) {
        "" => format!("[{placeholder}]"),
        text => text.to_owned(),
    }
}

/// The announcement post in `style`, in words that fit the kind of setback:
/// someone still in a stalled job does not announce that they have left.
/// An empty "how people can help" leaves its sentence out rather than a gap.
pub fn announcement_text(announcement: &Announcement, style: AnnouncementStyle, kind: Option<SetbackKind>) -> String {
    let from = or_placeholder(&announcement.moved_on_from, "what you moved on from");
    let to = or_placeholder(&announcement.pursuing, "what you are pursuing now");
    let help = clause(&announcement.how_to_help);
    let still_there = kind == Some(SetbackKind::Stalled);
    let text = match (style, still_there) {
        (AnnouncementStyle::Plain, false) => {
            let ask = match help {
                "" => "If you know someone I should talk to, I would be glad of an introduction.".to_owned(),
                help => format!("If you can help, I would welcome {help}."),
            };
            format!("Some news: I have moved on from {from}. I am now pursuing {to}.\n\n{ask} Thank you for reading.")
        }
        (AnnouncementStyle::Plain, true) => {
            let ask = match help {
                "" => "If you work in this field, I would be glad to hear how you got there.".to_owned(),
                help => format!("If you can help, I would welcome {help}."),
            };
            format!("I am looking into {to}, and I would love to learn from people who do it.\n\n{ask} Thank you for reading.")
        }
        (AnnouncementStyle::Warm, false) => {
            let ask = match help {
                "" => "If you know someone I should talk to, a comment or a message means a lot.".to_owned(),
                help => format!(
                    "If you know someone I should talk to, I would love {help}. A comment or a message means a lot."
                ),
            };
            format!("After {from}, it is time for a new chapter. I am grateful for the people and the lessons, and I am now looking for {to}.\n\n{ask}")
        }
        (AnnouncementStyle::Warm, true) => {
            let ask = match help {
                "" => "A comment or a message means a lot.".to_owned(),
                help => format!("I would love {help}. A comment or a message means a lot."),
            };
            format!("I have been thinking about what I want to grow into, and {to} keeps coming up. I would be grateful to hear from anyone who has made that move.\n\n{ask}")
        }
        (AnnouncementStyle::Short, false) => match help {
            "" => format!("I have moved on from {from} and am now pursuing {to}. Introductions welcome."),
            help => format!("I have moved on from {from} and am now pursuing {to}. I would welcome {help}."),
        },
        (AnnouncementStyle::Short, true) => match help {
            "" => format!("Exploring {to}. Happy to hear from people who work in it."),
            help => format!("Exploring {to}. I would welcome {help}."),
        },
    };
    text
}

/// A personal note for a close contact, who should not learn it from a post;
/// `name` is theirs, and an empty one gives a greeting without a name.
pub fn close_note(announcement: &Announcement, name: &str, kind: Option<SetbackKind>) -> String {
    let greeting = match first_name(name) {
        Some(first) => format!("Hi {first},"),
        None => "Hi,".to_owned(),
    };
    let from = or_placeholder(&announcement.moved_on_from, "what you moved on from");
    let to = or_placeholder(&announcement.pursuing, "what you are pursuing now");
    let news = match kind {
        Some(SetbackKind::Stalled) => format!("I wanted you to hear it from me: I have decided it is time for a change, and I am looking into {to}."),
        _ => format!("I wanted you to hear it from me: I have moved on from {from}. I am doing all right, and I am now looking for {to}."),
    };
    format!("{greeting}\n\n{news} I would value your thoughts when you have a moment.\n\nThank you")
}

fn first_name(name: &str) -> Option<&str> {
    name.split_whitespace().next()
}

/// The messages to one person.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum MessageKind {
    #[default]
    Reconnect,
    AskIntroduction,
    AskCoffee,
    ThankYou,
}

keyed_enum!(MessageKind {
    Reconnect => "reconnect", "Reconnect";
    AskIntroduction => "introduction", "Ask for an introduction";
    AskCoffee => "coffee", "Ask for a coffee";
    ThankYou => "thanks", "Thank you";
});

/// A message's subject and body, filled from the contact's name and company
/// and the announcement. What the person noted for themselves (how they know
/// the contact, notes, the log) is never copied into it.
pub fn message(
    kind: MessageKind,
    contact: &Contact,
    announcement: &Announcement,
    setback: Option<SetbackKind>,
) -> (String, String) {
    let greeting = match first_name(&contact.name) {
        Some(first) => format!("Hi {first},"),
        None => "Hi,".to_owned(),
    };
    let to = or_placeholder(&announcement.pursuing, "what you are pursuing now");
    let company = match clause(&contact.company) {
        "" => "your company".to_owned(),
        company => company.to_owned(),
    };
    let news = match setback {
        Some(SetbackKind::Stalled) => format!("I am thinking about my next step, and I am looking into {to}."),
        _ => format!("I have recently moved on and am now looking for {to}."),
    };
    match kind {
        MessageKind::Reconnect => (
            "Catching up".into(),
            format!("{greeting}\n\nIt has been a while, and I hope you are well. {news} I would be glad to hear what you are working on these days.\n\nBest wishes"),
        ),
        MessageKind::AskIntroduction => (
            "A small favour".into(),
            format!("{greeting}\n\nI am now looking for {to}. Is there someone at {company}, or elsewhere, you think I should talk to? A short introduction would mean a lot, and I am happy to send a few lines you can forward.\n\nThank you"),
        ),
        MessageKind::AskCoffee => (
            "Coffee?".into(),
            format!("{greeting}\n\nI am exploring {to} and would value your view of how things look at {company}. Would you have 20 minutes for a coffee or a call in the next couple of weeks? Happy to fit around you.\n\nThank you"),
        ),
        MessageKind::ThankYou => (
            "Thank you".into(),
            format!("{greeting}\n\nThank you for your time and your help. It made a real difference, and I will let you know how things turn out.\n\nWith thanks"),
        ),
    }
}

/// Percent-encodes a mailto header value (RFC 6068): all but unreserved characters.
fn encode(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for byte in text.replace("\r\n", "\n").replace('\n', "\r\n").bytes() {
        match byte {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'.' | b'_' | b'~' => out.push(byte as char),
            _ => out.push_str(&format!("%{byte:02X}")),
        }
    }
    out
}

/// A `mailto:` link with subject and body, if the email address looks right.
pub fn mailto_message(email: &str, subject: &str, body: &str) -> Option<String> {
    super::links::mailto(email).map(|link| format!("{link}?subject={}&body={}", encode(subject), encode(body)))
}
