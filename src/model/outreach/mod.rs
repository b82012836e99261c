//! Step 2 of the method: share the setback and work the network. The
//! outreach list is a small personal CRM for this one job: who to tell, how
//! well you know them (weak ties are the most promising), where they work,
//! what you said last and when to follow up.
//!
//! - `mod.rs`: the contact, its status, tie strength and follow-up clock;
//! - `view.rs`: search, filters, sorts and the priority order (pure);
//! - `import.rs`: what an import would add, merge or skip, and applying it;
//! - `links.rs`: which typed addresses may ever become links;
//! - `share.rs`: the grieving time-box, the announcement and message templates.

pub mod import;
pub mod links;
pub mod share;
pub mod view;

use chrono::{Days, NaiveDate};
use serde::{Deserialize, Serialize};
use uuid::Uuid;

use crate::model::plan::targets::TargetMatcher;
use crate::model::plan::Targets;
use crate::model::sorting;

use super::meta::Removed;
use super::meta::{ListShape, RecordMeta, Records, Timestamp};
use crate::model::keyed::keyed_enum;

/// Days between follow-ups unless the person chooses otherwise.
pub const DEFAULT_FOLLOW_UP_DAYS: u32 = 14;

/// How often the person sees this contact; it sets the tie strength.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Frequency {
    /// Twice a week or more: Granovetter's "often" (schema 6).
    SeveralTimesAWeek,
    Weekly,
    Monthly,
    FewTimesAYear,
    OnceAYearOrLess,
    NeverMet,
}

keyed_enum!(Frequency {
    SeveralTimesAWeek => "several_times_a_week", "Several times a week or more";
    Weekly => "weekly", "Every week";
    Monthly => "monthly", "Every month";
    FewTimesAYear => "few_times_a_year", "A few times a year";
    OnceAYearOrLess => "once_a_year_or_less", "Once a year or less";
    NeverMet => "never_met", "We have never met";
});

impl Frequency {
    /// Granovetter's groups (*Getting a Job*, 1974): seen often (twice a
    /// week or more) is a close tie; occasionally (more than once a year,
    /// less than twice a week) and rarely (once a year or less) are weak
    /// ties; someone never met is a new contact, not a tie yet.
    pub fn tie(self) -> TieStrength {
        match self {
            Frequency::SeveralTimesAWeek => TieStrength::Close,
            Frequency::Weekly | Frequency::Monthly | Frequency::FewTimesAYear => TieStrength::Occasional,
            Frequency::OnceAYearOrLess => TieStrength::Rare,
            Frequency::NeverMet => TieStrength::New,
        }
    }
}

/// How close the tie is, in Granovetter's groups. Of the people in his study
/// who found a job through someone they knew, 16.7% saw that person often,
/// 55.6% occasionally and 27.8% rarely: about 83% through a weak tie.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum TieStrength {
    Occasional,
    Rare,
    Close,
    /// Never met: a new contact, not a tie yet.
    New,
}

keyed_enum!(TieStrength {
    Occasional => "occasional", "Occasional tie (weak)";
    Rare => "rare", "Rare tie (weak)";
    Close => "close", "Close tie";
    New => "new", "New contact";
});

impl TieStrength {
    /// Occasional and rare ties are the weak ties most jobs come through.
    pub fn is_weak(self) -> bool {
        matches!(self, TieStrength::Occasional | TieStrength::Rare)
    }
}

/// Where the conversation with a contact stands.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Status {
    #[default]
    NotContacted,
    Messaged,
    Replied,
    IntroAsked,
    Introduced,
    Met,
    Referral,
    /// Paused: no follow-ups are due.
    NotNow,
}

keyed_enum!(Status {
    NotContacted => "not_contacted", "Not contacted yet";
    Messaged => "messaged", "Messaged";
    Replied => "replied", "Replied";
    IntroAsked => "intro_asked", "Introduction asked";
    Introduced => "introduced", "Introduced";
    Met => "met", "Met";
    Referral => "referral", "Referral or lead";
    NotNow => "not_now", "Not now";
});

impl Status {
    /// They answered: a reply, or what only comes after one.
    pub fn means_replied(self) -> bool {
        matches!(self, Status::Replied | Status::IntroAsked | Status::Introduced | Status::Met | Status::Referral)
    }
}

/// How an interaction happened.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Channel {
    #[default]
    Email,
    Message,
    Call,
    Video,
    InPerson,
    Other,
}

keyed_enum!(Channel {
    Email => "email", "Email";
    Message => "message", "Message (LinkedIn, text, chat)";
    Call => "call", "Phone call";
    Video => "video", "Video call";
    InPerson => "in_person", "In person";
    Other => "other", "Other";
});

/// One entry of a contact's log: when, how, and what was said.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Interaction {
    #[serde(flatten)]
    pub meta: RecordMeta,
    pub date: Option<NaiveDate>,
    pub channel: Channel,
    pub note: String,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Contact {
    #[serde(flatten)]
    pub meta: RecordMeta,
    pub name: String,
    /// How the person knows them ("met at the Rust meetup", "old colleague").
    pub how_we_know: String,
    /// The comfort-zone event they were met at (step 3), if any.
    pub met_at_event: Option<Uuid>,
    /// "Former manager", "friend of Sam", "neighbour".
    pub relationship: String,
    /// How often they see each other; unknown until the person says.
    pub how_often: Option<Frequency>,
    pub company: String,
    pub role: String,
    /// Works in a job or company the person is targeting: `None` follows the
    /// plan's targets (see `is_target`), `Some` is the person's own say.
    pub targets_job: Option<bool>,
    pub email: String,
    pub phone: String,
    pub profile_url: String,
    pub notes: String,
    pub status: Status,
    /// The local day they first replied (schema 8), for the weekly review:
    /// set when the status first moves to a reply or beyond.
    pub replied_on: Option<NaiveDate>,
    /// The contact who introduced them, if any.
    pub introduced_by: Option<Uuid>,
    pub interactions: Vec<Interaction>,
    /// Days from the last interaction to the next follow-up.
    pub follow_up_days: u32,
}

impl Default for Contact {
    fn default() -> Self {
        Self {
            meta: RecordMeta::default(),
            name: String::new(),
            how_we_know: String::new(),
            met_at_event: None,
            relationship: String::new(),
            how_often: None,
            company: String::new(),
            role: String::new(),
            targets_job: None,
            email: String::new(),
            phone: String::new(),
            profile_url: String::new(),
            notes: String::new(),
            status: Status::NotContacted,
            replied_on: None,
            introduced_by: None,
            interactions: Vec::new(),
            follow_up_days: DEFAULT_FOLLOW_UP_DAYS,
        }
    }
}

impl Contact {
    /// A new contact with a fresh id.
    pub fn new(name: &str, now: Timestamp) -> Self {
        Self { meta: RecordMeta::new(now), name: name.trim().to_owned(), ..Self::default() }
    }

    /// Sets the status; the first move to a reply or beyond (introduction
    /// asked, met…) dates the reply on the local day `today`.
    pub fn set_status(&mut self, status: Status, today: NaiveDate) {
        if status.means_replied() && self.replied_on.is_none() {
            self.replied_on = Some(today);
        }
        self.status = status;
    }

    /// Whether they replied, whether or not the day was kept.
    pub fn has_replied(&self) -> bool {
        self.replied_on.is_some() || self.status.means_replied()
    }

    /// The tie strength, once the person has said how often they meet.
    pub fn tie(&self) -> Option<TieStrength> {
        self.how_often.map(Frequency::tie)
    }

    pub fn is_weak_tie(&self) -> bool {
        self.tie().is_some_and(TieStrength::is_weak)
    }

    /// In a target job: the person's own say, else a match of the contact's
    /// company or role against the plan's targets.
    pub fn is_target(&self, targets: &Targets) -> bool {
        self.targets_job.unwrap_or_else(|| targets.matches(&self.company, &self.role))
    }

    /// [`Contact::is_target`] with the targets prepared once for a whole list.
    pub fn is_target_for(&self, matcher: &TargetMatcher) -> bool {
        self.targets_job.unwrap_or_else(|| matcher.matches(&self.company, &self.role))
    }

    /// The date of the latest interaction in the log.
    pub fn last_contacted(&self) -> Option<NaiveDate> {
        self.interactions.iter().filter_map(|interaction| interaction.date).max()
    }

    /// The cadence in days, never less than one.
    pub fn cadence(&self) -> u32 {
        self.follow_up_days.max(1)
    }

    /// When to follow up: the cadence after the last interaction. Contacts
    /// never contacted, or put on "not now", have no follow-up.
    pub fn next_follow_up(&self) -> Option<NaiveDate> {
        if self.status == Status::NotNow {
            return None;
        }
        let last = self.last_contacted()?;
        Some(last.checked_add_days(Days::new(u64::from(self.cadence()))).unwrap_or(NaiveDate::MAX))
    }

    /// A follow-up is due on or before `today`.
    pub fn is_due(&self, today: NaiveDate) -> bool {
        self.next_follow_up().is_some_and(|next| next <= today)
    }

    /// A follow-up falls on or before `until` (today and overdue included).
    pub fn is_due_by(&self, until: NaiveDate) -> bool {
        self.next_follow_up().is_some_and(|next| next <= until)
    }

    /// All the text search looks through, lowercased.
    pub fn search_text(&self) -> String {
        [&self.name, &self.company, &self.role, &self.how_we_know, &self.relationship, &self.email, &self.notes]
            .iter()
            .map(|part| part.to_lowercase())
            .collect::<Vec<_>>()
            .join("\n")
    }
}

#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize, reactive_stores::Store)]
#[serde(default)]
pub struct Outreach {
    /// A row of the live store reads and edits its own contact only
    /// (`store::records`).
    pub contacts: Vec<Contact>,
    /// The day the person chose to stop hiding and start telling people.
    pub share_by: Option<NaiveDate>,
    pub announcement: share::Announcement,
    /// When the person marked Step 2 done (see `model::progress`).
    pub done_at: Option<Timestamp>,
    pub updated_at: Option<Timestamp>,
    /// Deleted records, so that merging an older backup does not bring them back.
    #[serde(skip_serializing_if = "Removed::is_empty")]
    pub removed: Removed,
}

/// The section part by part, as [`crate::model::mojo::MojoShape`] is for mojo.
#[derive(Debug, PartialEq)]
pub struct OutreachShape {
    pub contacts: ListShape,
    pub share_by: Option<NaiveDate>,
    pub announcement: share::Announcement,
    pub done_at: Option<Timestamp>,
    pub updated_at: Option<Timestamp>,
    pub removed: (usize, Option<Timestamp>),
}

impl OutreachShape {
    pub fn of(outreach: &Outreach) -> Self {
        let Outreach { contacts, share_by, announcement, done_at, updated_at, removed } = outreach;
        Self {
            contacts: ListShape::of(contacts, |contact| &contact.meta),
            share_by: *share_by,
            announcement: announcement.clone(),
            done_at: *done_at,
            updated_at: *updated_at,
            removed: removed.shape(),
        }
    }
}

impl Outreach {
    pub fn contact(&self, id: Uuid) -> Option<&Contact> {
        self.contacts.by_id(id)
    }

    /// Adds a contact and returns its id.
    pub fn add_contact(&mut self, name: &str, how_we_know: &str, met_at_event: Option<Uuid>, now: Timestamp) -> Uuid {
        let contact = Contact { how_we_know: how_we_know.trim().to_owned(), met_at_event, ..Contact::new(name, now) };
        self.push(contact, now)
    }

    /// Adds a fully described contact and returns its id.
    pub fn push(&mut self, contact: Contact, now: Timestamp) -> Uuid {
        let id = self.contacts.push_record(contact);
        self.updated_at = Some(now);
        id
    }

    pub fn update_contact(&mut self, id: Uuid, now: Timestamp, change: impl FnOnce(&mut Contact)) {
        if self.contacts.edit(id, now, change) {
            self.updated_at = Some(now);
        }
    }

    /// Removes where the announcement was posted.
    pub fn remove_posting(&mut self, id: Uuid, now: Timestamp) {
        self.announcement.postings.remove_record(id, &mut self.removed, now);
        self.updated_at = Some(now);
    }

    /// Removes a contact; anyone they introduced keeps their place, without the link.
    pub fn remove_contact(&mut self, id: Uuid, now: Timestamp) {
        self.contacts.remove_record(id, &mut self.removed, now);
        for contact in &mut self.contacts {
            if contact.introduced_by == Some(id) {
                contact.introduced_by = None;
            }
        }
        self.updated_at = Some(now);
    }

    /// Logs an interaction, which restarts the contact's follow-up clock. A
    /// contact not yet contacted moves to "messaged". Returns the entry's id.
    pub fn log_interaction(
        &mut self,
        id: Uuid,
        date: NaiveDate,
        channel: Channel,
        note: &str,
        now: Timestamp,
    ) -> Option<Uuid> {
        let entry = Interaction { meta: RecordMeta::new(now), date: Some(date), channel, note: note.trim().to_owned() };
        let entry_id = entry.meta.id;
        let mut found = false;
        self.update_contact(id, now, |contact| {
            found = true;
            contact.interactions.push(entry);
            sorting::sort_by_key(&mut contact.interactions, |interaction| interaction.date);
            if contact.status == Status::NotContacted {
                contact.status = Status::Messaged;
            }
        });
        found.then_some(entry_id)
    }

    pub fn remove_interaction(&mut self, id: Uuid, entry: Uuid, now: Timestamp) {
        self.update_contact(id, now, |contact| contact.interactions.retain(|interaction| interaction.meta.id != entry));
        self.removed.record(entry, now);
    }

    /// Contacts with a follow-up on or before `until`, soonest first.
    pub fn due_by(&self, until: NaiveDate) -> Vec<&Contact> {
        due_by(&self.contacts, until)
    }
}

/// The contacts whose follow-up falls on or before `until`, soonest first.
pub fn due_by(contacts: &[Contact], until: NaiveDate) -> Vec<&Contact> {
    let mut due: Vec<&Contact> = contacts.iter().filter(|contact| contact.is_due_by(until)).collect();
    sorting::sort_by(&mut due, |a, b| a.next_follow_up().cmp(&b.next_follow_up()).then_with(|| view::name_order(a, b)));
    due
}

/// A contact's follow-up that falls due by the end of the week.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FollowUpDue {
    pub contact: Uuid,
    pub name: String,
    pub date: NaiveDate,
}

/// The follow-ups due on or before `end`, soonest first: what Today and the
/// Share page list.
pub fn follow_ups_due(contacts: &[Contact], end: NaiveDate) -> Vec<FollowUpDue> {
    due_by(contacts, end)
        .into_iter()
        .filter_map(|contact| {
            let date = contact.next_follow_up()?;
            Some(FollowUpDue { contact: contact.meta.id, name: contact.name.trim().to_owned(), date })
        })
        .collect()
}
