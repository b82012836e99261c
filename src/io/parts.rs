//! The stored workbook, schema 5: small keys for the small fields, the long
//! lists in fixed buckets, and a manifest written last, so that a save
//! writes only what changed and an interrupted save loads whole.
//!
//! # Layout (local names, inside the namespace of `io::namespace`)
//! - `workbook`: the root, which is the manifest. It holds the small root
//!   fields and, in place of each section, the generation of that section's
//!   part: `{"schema_version":5,"created_at":…,"first_steps":1,
//!   "debrief":3,"outreach":7,"mojo":2,"plan":1,"settings":{…}}` (a few
//!   hundred characters).
//! - `workbook.<section>.g<n>`: a section's small fields, with each long list
//!   replaced by a reference naming the generation of each of its buckets
//!   (0: an empty bucket, no key): `"contacts":{"buckets":[0,4,1,…]}`.
//! - `workbook.<section>.<list>.<bucket>.g<n>`: the records of one bucket, as
//!   `[[seq,record],…]`. A record's bucket is [`bucket_of`] its id (FNV-1a of
//!   the id's 16 bytes, the same on every build and platform); `seq` keeps
//!   the person's order across buckets (records are joined sorted by it).
//!
//! Reading replaces each section number by its part and each reference by
//! its records, which gives back one document text, the very text
//! `stored::encode` writes for the same workbook: snapshots, Undo and
//! recovery copies and backups keep holding that assembled text, and
//! [`split_text`] stores it back.
//!
//! # Why buckets, not one key per record
//! One key per record makes an edit write one record, but the manifest must
//! then name every record key (7,000+ with the benchmark's data, ~300 KB of
//! names), and the manifest is written by every save. With fixed buckets the
//! names are implied (list, bucket, generation) and the manifest holds one
//! small number per bucket. The bucket count trades the bucket's size (the
//! records written beside the edited one) against the reference's size (one
//! number per bucket, rewritten with its section on every save). Measured
//! with 5,000 contacts of ~800 characters (tests/parts.rs prints it; median
//! of 100 single-contact edits, characters written): 256 buckets ~16.5 KB,
//! 512 ~10.6 KB, 1,024 ~6.7 KB (max 7.9 KB), 2,048 ~7.1 KB. Contacts use
//! 1,024 (about 5 contacts a bucket at 5,000); the other lists, smaller
//! records or fewer of them, use 128. The count is stored (the length of
//! the reference), so a later build may choose another for new lists.
//!
//! # Atomic saves through generations
//! A save writes every changed bucket and part under a new key (its
//! generation plus one), then the root naming them, then removes the keys the
//! root no longer names. Until the root is written, it names only the old
//! keys, untouched; once it is, every key it names is there. A key named but
//! missing makes the whole workbook unreadable (kept as a recovery copy).
//!
//! # What changed
//! [`Written`] remembers per bucket a fingerprint of its records' ids,
//! `updated_at` and order, and the text of each small part. A save walks each
//! list once comparing ids and times (no record is serialized or compared),
//! and serializes only the buckets whose fingerprint moved. This relies on
//! every edit of a record touching its `meta.updated_at`, as the model's
//! methods do; a [`Dirty`] hint from the store narrows the walk to the lists
//! an edit touched, and replacing the whole workbook (restore, merge, another
//! tab) resets what is known, so everything is compared again.
//!
//! # Moving in from older layouts
//! Schema 1–4 stored one whole document (or, in 4, a root and four parts,
//! `comeback.workbook.<name>`). The benchmark's 3 MB workbook cannot be held
//! twice in the ~5 M-character quota, so [`Move`] moves it bucket by bucket:
//! it writes a chunk of buckets, then rewrites the key holding the list with
//! those records replaced by a reference (`{"buckets":[…],"rest":[[seq,
//! record],…]}`), so that every step reads back whole and no record is ever
//! only in memory. Once every list is in buckets, a normal save writes the
//! section parts and the manifest, then removes the old keys. Pure: the
//! browser glue does the reads and writes.

use std::collections::{BTreeSet, HashMap};
use std::fmt;

use serde::de::{Deserializer, MapAccess, Visitor};
use serde::{Deserialize, Serialize};
use serde_json::value::RawValue;
use uuid::Uuid;

use super::namespace::{Namespace, LEGACY_PREFIX, WORKBOOK};
use super::stored::{self, EncodeError, Loaded};
use crate::model::debrief::TimelineEvent;
use crate::model::mojo::{ComfortEvent, TimeEntry};
use crate::model::outreach::Contact;
use crate::model::plan::ActionItem;
use crate::model::sorting;
use crate::model::{Debrief, Mojo, Outreach, Plan, RecordMeta, Timestamp, Workbook};

/// The space between the `seq` of records appended one after another, so a
/// record inserted between two (or before the first) gets a number of its
/// own without renumbering the others. Seqs stay below 2^53, exact in JSON.
pub const SEQ_GAP: u64 = 1 << 20;

/// The seq of the record at `at` in a list stored from scratch.
fn initial_seq(at: usize) -> u64 {
    (at as u64 + 1) * SEQ_GAP
}

/// The root's entry naming the parts of the schema 4 layout.
const PARTS_FIELD: &str = "parts";

/// A section of the workbook, stored under its own key.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Section {
    FirstSteps,
    Debrief,
    Outreach,
    Mojo,
    Plan,
}

impl Section {
    pub const ALL: [Section; 5] =
        [Section::FirstSteps, Section::Debrief, Section::Outreach, Section::Mojo, Section::Plan];

    pub fn name(self) -> &'static str {
        match self {
            Section::FirstSteps => "first_steps",
            Section::Debrief => "debrief",
            Section::Outreach => "outreach",
            Section::Mojo => "mojo",
            Section::Plan => "plan",
        }
    }

    fn index(self) -> usize {
        self as usize
    }

    /// The long lists of this section.
    pub fn lists(self) -> &'static [List] {
        match self {
            Section::FirstSteps => &[],
            Section::Debrief => &[List::Timeline],
            Section::Outreach => &[List::Contacts],
            Section::Mojo => &[List::Entries, List::Events],
            Section::Plan => &[List::Actions],
        }
    }

    /// The local name of this section's part at `generation`.
    pub fn part_name(self, generation: u64) -> String {
        format!("{WORKBOOK}.{}.g{generation}", self.name())
    }
}

/// A list that can grow to thousands of records, stored in buckets: the
/// contacts (a LinkedIn import), the time log, the timeline, the comfort-zone
/// events and the actions (one follow-up per contact).
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum List {
    Timeline,
    Contacts,
    Entries,
    Events,
    Actions,
}

impl List {
    pub const ALL: [List; 5] = [List::Timeline, List::Contacts, List::Entries, List::Events, List::Actions];

    pub fn section(self) -> Section {
        match self {
            List::Timeline => Section::Debrief,
            List::Contacts => Section::Outreach,
            List::Entries | List::Events => Section::Mojo,
            List::Actions => Section::Plan,
        }
    }

    /// The list's field in its section.
    pub fn field(self) -> &'static str {
        match self {
            List::Timeline => "timeline",
            List::Contacts => "contacts",
            List::Entries => "entries",
            List::Events => "events",
            List::Actions => "actions",
        }
    }

    /// How many buckets a new list gets (see the module doc for the measure).
    pub fn default_buckets(self) -> usize {
        match self {
            List::Contacts => 1024,
            _ => 128,
        }
    }

    fn index(self) -> usize {
        self as usize
    }

    /// The local name of bucket `bucket` at `generation`.
    pub fn bucket_name(self, bucket: usize, generation: u64) -> String {
        format!("{WORKBOOK}.{}.{}.{bucket}.g{generation}", self.section().name(), self.field())
    }
}

/// 64-bit FNV-1a: a hash of our own, the same on every build and platform
/// (std's `DefaultHasher` promises neither).
pub fn fnv1a(bytes: &[u8]) -> u64 {
    fnv1a_from(FNV_OFFSET, bytes)
}

const FNV_OFFSET: u64 = 0xcbf2_9ce4_8422_2325;
const FNV_PRIME: u64 = 0x0000_0100_0000_01b3;

fn fnv1a_from(mut hash: u64, bytes: &[u8]) -> u64 {
    for byte in bytes {
        hash ^= u64::from(*byte);
        hash = hash.wrapping_mul(FNV_PRIME);
    }
    hash
}

/// The bucket (of `buckets`) a record with `id` is stored in.
pub fn bucket_of(id: &Uuid, buckets: usize) -> usize {
    (fnv1a(id.as_bytes()) % buckets.max(1) as u64) as usize
}

/// One record's mark in its bucket's fingerprint: what it is, when it was
/// last edited and where it stands.
fn fold(hash: u64, id: &Uuid, updated_at: &Timestamp, seq: u64) -> u64 {
    let hash = fnv1a_from(hash, id.as_bytes());
    let hash = fnv1a_from(hash, &updated_at.timestamp().to_le_bytes());
    let hash = fnv1a_from(hash, &updated_at.timestamp_subsec_nanos().to_le_bytes());
    fnv1a_from(hash, &seq.to_le_bytes())
}

/// A record of a bucketed list.
trait Record: Serialize {
    fn meta(&self) -> &RecordMeta;
}

macro_rules! records {
    ($($kind:ty),*) => {$(impl Record for $kind { fn meta(&self) -> &RecordMeta { &self.meta } })*};
}
records!(TimelineEvent, Contact, TimeEntry, ComfortEvent, ActionItem);

/// The id and edit time of each record of `list`, in order.
fn metas(workbook: &Workbook, list: List) -> Vec<(Uuid, Timestamp)> {
    fn of<T: Record>(records: &[T]) -> Vec<(Uuid, Timestamp)> {
        records.iter().map(|record| (record.meta().id, record.meta().updated_at)).collect()
    }
    match list {
        List::Timeline => of(&workbook.debrief.timeline),
        List::Contacts => of(&workbook.outreach.contacts),
        List::Entries => of(&workbook.mojo.entries),
        List::Events => of(&workbook.mojo.events),
        List::Actions => of(&workbook.plan.actions),
    }
}

/// The text of a bucket: the records at `members` (seq, index), in order.
fn bucket_text(workbook: &Workbook, list: List, members: &[(u64, usize)]) -> Result<String, EncodeError> {
    fn of<T: Record>(records: &[T], members: &[(u64, usize)]) -> Result<String, EncodeError> {
        let pairs: Vec<(u64, &T)> =
            members.iter().filter_map(|(seq, index)| records.get(*index).map(|record| (*seq, record))).collect();
        Ok(serde_json::to_string(&pairs)?)
    }
    match list {
        List::Timeline => of(&workbook.debrief.timeline, members),
        List::Contacts => of(&workbook.outreach.contacts, members),
        List::Entries => of(&workbook.mojo.entries, members),
        List::Events => of(&workbook.mojo.events, members),
        List::Actions => of(&workbook.plan.actions, members),
    }
}

/// A JSON object built field by field, each field encoded as serde_json
/// encodes it inside its struct: the result is byte for byte the struct's.
struct Object(String);

impl Object {
    fn new() -> Self {
        Self(String::from("{"))
    }

    fn raw(&mut self, name: &str, value: &str) {
        if self.0.len() > 1 {
            self.0.push(',');
        }
        self.0.push('"');
        self.0.push_str(name);
        self.0.push_str("\":");
        self.0.push_str(value);
    }

    fn field<T: Serialize + ?Sized>(&mut self, name: &str, value: &T) -> Result<(), EncodeError> {
        let text = serde_json::to_string(value)?;
        self.raw(name, &text);
        Ok(())
    }

    fn finish(mut self) -> String {
        self.0.push('}');
        self.0
    }
}

/// A list's reference: the generation of each of its buckets.
fn reference_text(generations: &[u64]) -> String {
    let mut text = String::with_capacity(14 + 3 * generations.len());
    text.push_str("{\"buckets\":[");
    for (at, generation) in generations.iter().enumerate() {
        if at > 0 {
            text.push(',');
        }
        text.push_str(&generation.to_string());
    }
    text.push_str("]}");
    text
}

/// A section's part: its small fields, with a reference in place of each
/// long list. Every field is named: a field added to a section fails to
/// compile here until it is given a place (in the order of the struct).
fn section_text(
    workbook: &Workbook,
    section: Section,
    reference: impl Fn(List) -> String,
) -> Result<String, EncodeError> {
    let mut o = Object::new();
    match section {
        // The checklist and the budget: small, but kept out of the manifest,
        // which every save writes.
        Section::FirstSteps => return Ok(serde_json::to_string(&workbook.first_steps)?),
        Section::Debrief => {
            let Debrief {
                setback,
                setback_on,
                summary,
                session,
                timeline: _,
                answers,
                own_questions,
                factors,
                went_well,
                went_wrong,
                lucky,
                lessons,
                key_lesson,
                options,
                closure_note,
                done_at,
                place,
                updated_at,
                removed,
            } = &workbook.debrief;
            o.field("setback", setback)?;
            o.field("setback_on", setback_on)?;
            o.field("summary", summary)?;
            o.field("session", session)?;
            o.raw("timeline", &reference(List::Timeline));
            o.field("answers", answers)?;
            o.field("own_questions", own_questions)?;
            o.field("factors", factors)?;
            o.field("went_well", went_well)?;
            o.field("went_wrong", went_wrong)?;
            o.field("lucky", lucky)?;
            o.field("lessons", lessons)?;
            o.field("key_lesson", key_lesson)?;
            o.field("options", options)?;
            o.field("closure_note", closure_note)?;
            o.field("done_at", done_at)?;
            if let Some(place) = place {
                o.field("place", place)?;
            }
            o.field("updated_at", updated_at)?;
            if !removed.is_empty() {
                o.field("removed", removed)?;
            }
        }
        Section::Outreach => {
            let Outreach { contacts: _, share_by, announcement, done_at, updated_at, removed } = &workbook.outreach;
            o.raw("contacts", &reference(List::Contacts));
            o.field("share_by", share_by)?;
            o.field("announcement", announcement)?;
            o.field("done_at", done_at)?;
            o.field("updated_at", updated_at)?;
            if !removed.is_empty() {
                o.field("removed", removed)?;
            }
        }
        Section::Mojo => {
            let Mojo {
                weekly_hours_goal,
                week_starts_on,
                downtime,
                projects,
                entries: _,
                events: _,
                proud,
                reviews,
                done_at,
                updated_at,
                removed,
            } = &workbook.mojo;
            o.field("weekly_hours_goal", weekly_hours_goal)?;
            o.field("week_starts_on", week_starts_on)?;
            o.field("downtime", downtime)?;
            o.field("projects", projects)?;
            o.raw("entries", &reference(List::Entries));
            o.raw("events", &reference(List::Events));
            o.field("proud", proud)?;
            o.field("reviews", reviews)?;
            o.field("done_at", done_at)?;
            o.field("updated_at", updated_at)?;
            if !removed.is_empty() {
                o.field("removed", removed)?;
            }
        }
        Section::Plan => {
            let Plan {
                actions: _,
                path,
                targets,
                opportunities,
                answer,
                stories,
                end_state,
                done_at,
                updated_at,
                removed,
            } = &workbook.plan;
            o.raw("actions", &reference(List::Actions));
            o.field("path", path)?;
            o.field("targets", targets)?;
            o.field("opportunities", opportunities)?;
            o.field("answer", answer)?;
            o.field("stories", stories)?;
            o.field("end_state", end_state)?;
            o.field("done_at", done_at)?;
            o.field("updated_at", updated_at)?;
            if !removed.is_empty() {
                o.field("removed", removed)?;
            }
        }
    }
    Ok(o.finish())
}

/// The root (the manifest): the small root fields and each section's generation.
fn root_text(workbook: &Workbook, generations: [u64; 5]) -> Result<String, EncodeError> {
    let Workbook { schema_version, created_at, first_steps: _, debrief: _, outreach: _, mojo: _, plan: _, settings } =
        workbook;
    let mut o = Object::new();
    o.field("schema_version", schema_version)?;
    o.field("created_at", created_at)?;
    // In the order of the struct: first_steps, debrief, outreach, mojo, plan.
    for section in Section::ALL {
        o.raw(section.name(), &generations[section.index()].to_string());
    }
    o.field("settings", settings)?;
    Ok(o.finish())
}

// ---------------------------------------------------------------------------
// Text: the top-level fields of a JSON object, kept as their exact text.

/// A field's value: as read, or as rebuilt.
#[derive(Debug)]
enum Raw {
    Read(Box<RawValue>),
    Built(String),
}

impl Raw {
    fn get(&self) -> &str {
        match self {
            Raw::Read(raw) => raw.get(),
            Raw::Built(text) => text,
        }
    }
}

/// The top-level fields of a JSON object, in order, each as its exact text.
struct Fields(Vec<(String, Raw)>);

impl<'de> Deserialize<'de> for Fields {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct FieldsVisitor;
        impl<'de> Visitor<'de> for FieldsVisitor {
            type Value = Fields;
            fn expecting(&self, formatter: &mut fmt::Formatter) -> fmt::Result {
                formatter.write_str("a JSON object")
            }
            fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Fields, A::Error> {
                let mut fields = Vec::new();
                while let Some((name, value)) = map.next_entry::<String, Box<RawValue>>()? {
                    fields.push((name, Raw::Read(value)));
                }
                Ok(Fields(fields))
            }
        }
        deserializer.deserialize_map(FieldsVisitor)
    }
}

impl Fields {
    fn parse(text: &str) -> Option<Self> {
        serde_json::from_str(text).ok()
    }

    fn get(&self, name: &str) -> Option<&str> {
        self.0.iter().find(|(field, _)| field == name).map(|(_, value)| value.get())
    }

    fn set(&mut self, name: &str, value: String) {
        match self.0.iter_mut().find(|(field, _)| field == name) {
            Some((_, raw)) => *raw = Raw::Built(value),
            None => self.0.push((name.to_owned(), Raw::Built(value))),
        }
    }

    fn text(&self) -> String {
        let mut text = String::with_capacity(
            2 + self.0.iter().map(|(name, value)| name.len() + value.get().len() + 4).sum::<usize>(),
        );
        text.push('{');
        for (at, (name, value)) in self.0.iter().enumerate() {
            if at > 0 {
                text.push(',');
            }
            // A name read from JSON always encodes back to JSON.
            text.push_str(&serde_json::to_string(name).unwrap_or_default());
            text.push(':');
            text.push_str(value.get());
        }
        text.push('}');
        text
    }
}

/// A list's reference as stored: its buckets' generations and, part-way
/// through a move, the records not moved yet.
#[derive(Deserialize)]
struct Reference {
    buckets: Vec<u64>,
    #[serde(default)]
    rest: Vec<(u64, Box<RawValue>)>,
}

/// Enough of a record to place it: serde skips the rest of it.
#[derive(Deserialize)]
struct Placed {
    id: Uuid,
}

fn is_object(text: &str) -> bool {
    text.trim_start().starts_with('{')
}

/// `[r1,r2,…]` from records sorted by seq.
fn array_text(records: &[(u64, Box<RawValue>)]) -> String {
    let mut text = String::with_capacity(2 + records.iter().map(|(_, record)| record.get().len() + 1).sum::<usize>());
    text.push('[');
    for (at, (_, record)) in records.iter().enumerate() {
        if at > 0 {
            text.push(',');
        }
        text.push_str(record.get());
    }
    text.push(']');
    text
}

// ---------------------------------------------------------------------------
// Reading.

/// The stored workbook, read and assembled into one text.
#[derive(Clone, Debug, PartialEq, Default)]
pub struct Document {
    /// The whole document text; `None` when nothing is stored.
    pub text: Option<String>,
    pub layout: Layout,
    /// Where its root was found.
    pub source: Source,
    /// What was found of the schema 5 layout, for [`Written::as_stored`].
    pub found: Found,
}

#[derive(Clone, Debug, PartialEq, Default)]
pub enum Layout {
    /// One text under the root key (also: nothing stored).
    #[default]
    Whole,
    /// Schema 4: a root naming parts, all present.
    Parts,
    /// Schema 5: a manifest, its parts and buckets, all present.
    Records,
    /// Part-way through a move into schema 5: some lists are in buckets.
    Moving,
    /// A key the root names is missing or unreadable: the whole stored
    /// workbook counts as unreadable.
    Broken(String),
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Default)]
pub enum Source {
    /// Nothing is stored.
    #[default]
    Nothing,
    /// Under this namespace's keys.
    Namespace,
    /// Under the keys of builds before namespaces (`comeback.workbook…`).
    Legacy,
}

/// What a read found of the schema 5 layout.
#[derive(Clone, Debug, PartialEq, Default)]
pub struct Found {
    /// The root text, when it is a schema 5 manifest.
    pub root: Option<String>,
    /// Per section: its generation and part text, when stored as a part.
    pub parts: [Option<(u64, String)>; 5],
    /// Per list: its buckets' generations and the seq of each record in
    /// order, when stored in buckets.
    pub lists: [Option<FoundList>; 5],
    /// The keys of the schema 4 layout read (its root and parts).
    pub old_keys: Vec<String>,
}

#[derive(Clone, Debug, PartialEq, Default)]
pub struct FoundList {
    pub generations: Vec<u64>,
    pub seqs: Vec<u64>,
    /// Records still inline (a move part-way).
    pub rest: bool,
}

impl Document {
    /// Classifies the document as [`stored::decode`] does; a broken layout is
    /// corrupt, keeping the text that was there.
    pub fn decode(&self) -> Loaded {
        self.classified_as_is().unwrap_or_else(|| stored::decode(self.text.as_deref()))
    }

    /// What [`Document::decode`] says without reading the text: nothing
    /// stored, or a broken layout. `None`: there is text to decode.
    pub fn classified_as_is(&self) -> Option<Loaded> {
        match (&self.layout, &self.text) {
            (Layout::Broken(reason), text) => {
                Some(Loaded::Corrupt { raw: text.clone().unwrap_or_default(), reason: reason.clone() })
            }
            (_, None) => Some(Loaded::Fresh),
            (_, Some(_)) => None,
        }
    }

    /// Whether the stored workbook is in an older layout than schema 5's
    /// (or part-way into it): the first thing to do is to move it.
    pub fn needs_move(&self) -> bool {
        self.text.is_some() && matches!(self.layout, Layout::Whole | Layout::Parts | Layout::Moving)
    }
}

/// Reads the stored workbook of `namespace` through `read` (key to stored
/// text) and assembles it. With nothing in the namespace and `legacy`
/// allowed, the workbook of builds before namespaces is read instead.
pub fn read_document<E>(
    namespace: &Namespace,
    legacy: bool,
    mut read: impl FnMut(&str) -> Result<Option<String>, E>,
) -> Result<Document, E> {
    let (root, source, prefix) = match read(&namespace.root_key())? {
        Some(root) => (root, Source::Namespace, namespace.prefix().to_owned()),
        None if legacy => match read(&format!("{LEGACY_PREFIX}{WORKBOOK}"))? {
            Some(root) => (root, Source::Legacy, LEGACY_PREFIX.to_owned()),
            None => return Ok(Document::default()),
        },
        None => return Ok(Document::default()),
    };
    let mut document = Document { text: None, layout: Layout::Whole, source, found: Found::default() };
    let Some(mut fields) = Fields::parse(&root) else {
        // Not an object: `stored::decode` says what it is.
        document.text = Some(root);
        return Ok(document);
    };
    let mut broken: Vec<String> = Vec::new();

    // A schema 4 root names parts it does not hold; a text that holds them
    // all (a snapshot assembled by schema 4) is one whole document.
    let named_parts = fields.get(PARTS_FIELD).map(serde_json::from_str::<Vec<String>>);
    let holds_all = matches!(&named_parts, Some(Ok(names)) if names.iter().all(|name| fields.get(name).is_some()));
    if source == Source::Legacy {
        // The legacy keys go once the manifest is written in this namespace.
        document.found.old_keys.push(format!("{prefix}{WORKBOOK}"));
        document.found.old_keys.push(super::namespace::LEGACY_CLAIM_KEY.to_owned());
    }
    if let Some(names) = named_parts.filter(|_| !holds_all) {
        // Schema 4 in parts: the root and the parts it names.
        let Ok(names) = names else {
            document.layout = Layout::Broken("its list of parts is unreadable".into());
            document.text = Some(root);
            return Ok(document);
        };
        let mut parts = Vec::with_capacity(names.len());
        for name in &names {
            let key = format!("{prefix}{WORKBOOK}.{name}");
            match read(&key)? {
                Some(text) => parts.push((name.clone(), text)),
                None => broken.push(name.clone()),
            }
            document.found.old_keys.push(key);
        }
        let text = assemble_v4(&root, &parts);
        document.layout = Layout::Parts;
        match Fields::parse(&text) {
            Some(assembled) => fields = assembled,
            None => {
                document.text = Some(text);
                return Ok(document);
            }
        }
        if !broken.is_empty() {
            document.layout = Layout::Broken(format!("part of it is missing ({})", broken.join(", ")));
            document.text = Some(text);
            return Ok(document);
        }
        if !Section::ALL.iter().any(|section| fields.get(section.name()).is_some_and(is_object)) {
            document.text = Some(text);
            return Ok(document);
        }
        // Parts holding references (a move part-way) are resolved below;
        // otherwise the text stays exactly as assembled.
        document.text = Some(text);
    }

    // Schema 5: each section's number names its part.
    let mut numbered = 0;
    for section in Section::ALL {
        let Some(value) = fields.get(section.name()) else { continue };
        let Ok(generation) = value.trim().parse::<u64>() else { continue };
        numbered += 1;
        let key = namespace.key(&section.part_name(generation));
        match read(&key)? {
            Some(text) => {
                document.found.parts[section.index()] = Some((generation, text.clone()));
                fields.set(section.name(), text);
            }
            None => broken.push(section.name().to_owned()),
        }
    }
    if numbered > 0 {
        document.found.root = Some(root.clone());
    }

    // References: each list's buckets (always in this namespace).
    let mut referenced = false;
    let mut rest = false;
    for section in Section::ALL {
        let Some(section_text) = fields.get(section.name()).filter(|text| is_object(text)).map(str::to_owned) else {
            continue;
        };
        let Some(mut section_fields) = Fields::parse(&section_text) else { continue };
        let mut changed = false;
        for list in section.lists() {
            let Some(value) = section_fields.get(list.field()).filter(|text| is_object(text)) else { continue };
            referenced = true;
            let reference: Reference = match serde_json::from_str(value) {
                Ok(reference) => reference,
                Err(err) => {
                    broken.push(format!("{}.{} ({err})", section.name(), list.field()));
                    continue;
                }
            };
            let mut records: Vec<(u64, Box<RawValue>)> = reference.rest;
            rest |= !records.is_empty();
            let list_rest = !records.is_empty();
            for (bucket, generation) in reference.buckets.iter().enumerate().filter(|(_, generation)| **generation > 0)
            {
                let key = namespace.key(&list.bucket_name(bucket, *generation));
                match read(&key)? {
                    Some(text) => match serde_json::from_str::<Vec<(u64, Box<RawValue>)>>(&text) {
                        Ok(pairs) => records.extend(pairs),
                        Err(err) => broken.push(format!("{}.{} bucket {bucket} ({err})", section.name(), list.field())),
                    },
                    None => broken.push(format!("{}.{} bucket {bucket}", section.name(), list.field())),
                }
            }
            sorting::sort_by_key(&mut records, |(seq, _)| *seq);
            document.found.lists[list.index()] = Some(FoundList {
                generations: reference.buckets,
                seqs: records.iter().map(|(seq, _)| *seq).collect(),
                rest: list_rest,
            });
            section_fields.set(list.field(), array_text(&records));
            changed = true;
        }
        if changed {
            fields.set(section.name(), section_fields.text());
        }
    }

    if numbered > 0 || referenced {
        document.text = Some(fields.text());
        document.layout = if numbered == Section::ALL.len()
            && !rest
            && List::ALL.iter().all(|list| document.found.lists[list.index()].is_some())
        {
            Layout::Records
        } else {
            Layout::Moving
        };
    } else if document.text.is_none() {
        document.text = Some(root);
    }
    if !broken.is_empty() {
        document.layout = Layout::Broken(format!("part of it is missing or unreadable ({})", broken.join(", ")));
    }
    Ok(document)
}

/// Schema 4's assembly: the root without its closing brace, then
/// `,"<name>":<text>` per part (the text its snapshots hold).
fn assemble_v4(root: &str, parts: &[(String, String)]) -> String {
    let body = root.trim_end();
    let body = body.strip_suffix('}').unwrap_or(body);
    let mut text =
        String::with_capacity(root.len() + parts.iter().map(|(name, part)| name.len() + part.len() + 4).sum::<usize>());
    text.push_str(body);
    let mut empty = body.trim_end().ends_with('{');
    for (name, part) in parts {
        if !empty {
            text.push(',');
        }
        empty = false;
        text.push_str(&serde_json::to_string(name).unwrap_or_default());
        text.push(':');
        text.push_str(part);
    }
    text.push('}');
    text
}

/// Whether a change to `key` (a `storage` event) means the workbook changed:
/// only the root counts, since it is written last.
pub fn is_workbook_key(namespace: &Namespace, key: &str) -> bool {
    key == namespace.root_key()
}

/// Whether `key` is one of the workbook's keys in `namespace` (root, parts, buckets).
pub fn is_layout_key(namespace: &Namespace, key: &str) -> bool {
    namespace.local(key).is_some_and(|local| {
        local == WORKBOOK || local.strip_prefix(WORKBOOK).is_some_and(|rest| rest.starts_with('.'))
    })
}

// ---------------------------------------------------------------------------
// Writing what changed.

/// What the store knows an edit touched, to skip the lists it did not.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub enum Dirty {
    /// Unknown: every list is walked (ids and times compared).
    #[default]
    Unknown,
    /// Only these lists may have changed records; the small fields and the
    /// root are always compared (they are small).
    Lists(BTreeSet<List>),
}

impl Dirty {
    fn includes(&self, list: List) -> bool {
        match self {
            Dirty::Unknown => true,
            Dirty::Lists(lists) => lists.contains(&list),
        }
    }
}

/// What storage holds, as far as this session knows.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Written {
    /// The manifest as written or read; `None`: no manifest in this
    /// namespace yet, the next save writes one.
    root: Option<String>,
    parts: [PartWritten; 5],
    lists: [ListWritten; 5],
    /// Keys of a layout left behind (schema 4, the legacy namespace), removed
    /// once the next manifest is written.
    leftovers: Vec<String>,
}

#[derive(Clone, Debug, Default, PartialEq)]
struct PartWritten {
    generation: u64,
    /// Its text as stored; `None`: unknown, written again.
    text: Option<String>,
}

#[derive(Clone, Debug, Default, PartialEq)]
struct ListWritten {
    /// Per bucket, the generation of its key (0: empty, no key). Empty: no
    /// buckets yet, the list gets [`List::default_buckets`].
    generations: Vec<u64>,
    /// Per bucket, the fingerprint of its records; empty: unknown, every
    /// bucket is written again.
    fingerprints: Vec<u64>,
    /// Each record's seq as stored.
    seqs: HashMap<Uuid, u64>,
}

/// The writes of one save: `writes` in order (buckets and parts under new
/// keys, the manifest last), then `removes` once they all succeeded.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Save {
    pub writes: Vec<(String, String)>,
    pub removes: Vec<String>,
    next: Next,
}

#[derive(Clone, Debug, Default, PartialEq)]
struct Next {
    root: Option<String>,
    parts: Vec<(Section, PartWritten)>,
    lists: Vec<(List, ListWritten)>,
}

impl Save {
    /// Whether this save writes nothing.
    pub fn is_empty(&self) -> bool {
        self.writes.is_empty() && self.removes.is_empty()
    }

    /// Characters written (keys and texts), for tests and measures.
    pub fn characters(&self) -> usize {
        self.writes.iter().map(|(key, text)| key.len() + text.len()).sum()
    }
}

impl Written {
    /// What is known to be stored once `document` was read as `loaded`:
    /// everything when it is current and in the schema 5 layout; otherwise
    /// only the keys to clear away once a manifest is written.
    pub fn as_read(document: &Document, loaded: &Loaded) -> Self {
        match loaded {
            Loaded::Current(workbook) => Self::as_stored(document, workbook),
            _ => Self { leftovers: Self::left_behind(document), ..Self::default() },
        }
    }

    /// What is known to be stored when `document`, just read, holds `workbook`.
    pub fn as_stored(document: &Document, workbook: &Workbook) -> Self {
        let found = &document.found;
        let mut written = Self { root: found.root.clone(), leftovers: Self::left_behind(document), ..Self::default() };
        if matches!(document.layout, Layout::Broken(_)) {
            return written;
        }
        for section in Section::ALL {
            if let Some((generation, text)) = &found.parts[section.index()] {
                written.parts[section.index()] = PartWritten { generation: *generation, text: Some(text.clone()) };
            }
        }
        for list in List::ALL {
            let Some(stored) = &found.lists[list.index()] else { continue };
            let metas = metas(workbook, list);
            let state = &mut written.lists[list.index()];
            state.generations = stored.generations.clone();
            if stored.rest || metas.len() != stored.seqs.len() || stored.generations.is_empty() {
                // Not all in buckets, or not what was read: rewritten whole.
                continue;
            }
            let count = stored.generations.len();
            let mut fingerprints = vec![FNV_OFFSET; count];
            for ((id, updated_at), seq) in metas.iter().zip(&stored.seqs) {
                let bucket = bucket_of(id, count);
                fingerprints[bucket] = fold(fingerprints[bucket], id, updated_at, *seq);
            }
            state.fingerprints = fingerprints;
            state.seqs = metas.iter().map(|(id, _)| *id).zip(stored.seqs.iter().copied()).collect();
        }
        written
    }

    /// Storage holds a schema 5 layout this session did not write (another
    /// tab did): keep its generations so new keys never overwrite named ones,
    /// but write every bucket and part again on the next save.
    pub fn generations_only(document: &Document) -> Self {
        let mut written = Self { root: Some(String::new()), leftovers: Self::left_behind(document), ..Self::default() };
        for section in Section::ALL {
            if let Some((generation, _)) = &document.found.parts[section.index()] {
                written.parts[section.index()].generation = *generation;
            }
        }
        for list in List::ALL {
            if let Some(stored) = &document.found.lists[list.index()] {
                written.lists[list.index()].generations = stored.generations.clone();
            }
        }
        written
    }

    fn left_behind(document: &Document) -> Vec<String> {
        document.found.old_keys.clone()
    }

    /// The workbook was replaced at the root (a restore, a merge): the next
    /// save compares every record again, not only those with a newer time.
    pub fn forget_records(&mut self) {
        for list in &mut self.lists {
            list.fingerprints.clear();
        }
    }

    /// Whether storage is known to hold this namespace's manifest.
    pub fn has_manifest(&self) -> bool {
        self.root.is_some()
    }

    /// The writes that bring storage up to `workbook`: the changed buckets
    /// and parts under new keys, then the manifest, then the removal of the
    /// keys it no longer names. Nothing is serialized but what changed.
    pub fn changes(&self, namespace: &Namespace, workbook: &Workbook, dirty: &Dirty) -> Result<Save, EncodeError> {
        self.changes_reading(namespace, workbook, dirty, &|_| None)
    }

    /// [`Written::changes`], reading the stored text of a bucket whose
    /// records are not known (after [`Written::forget_records`]): a bucket
    /// that serializes to what is stored is kept, not written again. A
    /// restore of a workbook much like the stored one then writes only what
    /// differs, where writing every bucket anew would need room for the
    /// workbook twice.
    pub fn changes_reading(
        &self,
        namespace: &Namespace,
        workbook: &Workbook,
        dirty: &Dirty,
        stored: &dyn Fn(&str) -> Option<String>,
    ) -> Result<Save, EncodeError> {
        let mut save = Save::default();
        let mut generations: [Vec<u64>; 5] = Default::default();
        for list in List::ALL {
            let state = &self.lists[list.index()];
            if !dirty.includes(list) && !state.generations.is_empty() && !state.fingerprints.is_empty() {
                generations[list.index()] = state.generations.clone();
                continue;
            }
            let (next, writes, removes) = self.list_changes(namespace, workbook, list, stored)?;
            generations[list.index()] =
                next.as_ref().map_or_else(|| state.generations.clone(), |next| next.generations.clone());
            save.writes.extend(writes);
            save.removes.extend(removes);
            if let Some(next) = next {
                save.next.lists.push((list, next));
            }
        }
        let mut part_generations = [0u64; 5];
        for section in Section::ALL {
            let state = &self.parts[section.index()];
            let text = section_text(workbook, section, |list| {
                let generations = &generations[list.index()];
                if generations.is_empty() {
                    reference_text(&vec![0; list.default_buckets()])
                } else {
                    reference_text(generations)
                }
            })?;
            if state.text.as_ref() == Some(&text) {
                part_generations[section.index()] = state.generation;
                continue;
            }
            let generation = state.generation + 1;
            save.writes.push((namespace.key(&section.part_name(generation)), text.clone()));
            if state.generation > 0 {
                save.removes.push(namespace.key(&section.part_name(state.generation)));
            }
            part_generations[section.index()] = generation;
            save.next.parts.push((section, PartWritten { generation, text: Some(text) }));
        }
        let root = root_text(workbook, part_generations)?;
        if self.root.as_ref() != Some(&root) {
            save.writes.push((namespace.root_key(), root.clone()));
            save.removes.extend(self.leftovers.iter().cloned());
            save.next.root = Some(root);
        }
        Ok(save)
    }

    /// One list's changed buckets: its next state (`None`: unchanged), the
    /// writes and the keys to remove.
    #[allow(clippy::type_complexity)]
    fn list_changes(
        &self,
        namespace: &Namespace,
        workbook: &Workbook,
        list: List,
        stored: &dyn Fn(&str) -> Option<String>,
    ) -> Result<(Option<ListWritten>, Vec<(String, String)>, Vec<String>), EncodeError> {
        let state = &self.lists[list.index()];
        let count = if state.generations.is_empty() { list.default_buckets() } else { state.generations.len() };
        let metas = metas(workbook, list);
        let seqs = assign_seqs(&metas, &state.seqs);
        let mut fingerprints = vec![FNV_OFFSET; count];
        let mut members: Vec<Vec<(u64, usize)>> = vec![Vec::new(); count];
        for (index, ((id, updated_at), seq)) in metas.iter().zip(&seqs).enumerate() {
            let bucket = bucket_of(id, count);
            fingerprints[bucket] = fold(fingerprints[bucket], id, updated_at, *seq);
            members[bucket].push((*seq, index));
        }
        let known = state.fingerprints.len() == count;
        let mut generations = if state.generations.len() == count { state.generations.clone() } else { vec![0; count] };
        let (mut writes, mut removes) = (Vec::new(), Vec::new());
        for bucket in 0..count {
            let old = generations[bucket];
            let unchanged =
                known && state.fingerprints[bucket] == fingerprints[bucket] && (old == 0) == members[bucket].is_empty();
            if unchanged || (old == 0 && members[bucket].is_empty()) {
                continue;
            }
            if members[bucket].is_empty() {
                generations[bucket] = 0;
            } else {
                let text = bucket_text(workbook, list, &members[bucket])?;
                if !known && old > 0 && stored(&namespace.key(&list.bucket_name(bucket, old))).as_ref() == Some(&text) {
                    continue;
                }
                generations[bucket] = old + 1;
                writes.push((namespace.key(&list.bucket_name(bucket, old + 1)), text));
            }
            if old > 0 {
                removes.push(namespace.key(&list.bucket_name(bucket, old)));
            }
        }
        let same_seqs = metas.len() == state.seqs.len()
            && metas.iter().zip(&seqs).all(|((id, _), seq)| state.seqs.get(id) == Some(seq));
        if writes.is_empty() && removes.is_empty() && known && same_seqs && state.generations.len() == count {
            return Ok((None, writes, removes));
        }
        let seqs_map = if same_seqs { state.seqs.clone() } else { metas.iter().map(|(id, _)| *id).zip(seqs).collect() };
        Ok((Some(ListWritten { generations, fingerprints, seqs: seqs_map }), writes, removes))
    }

    /// Notes that every write of `save` succeeded (the manifest included).
    pub fn commit(&mut self, save: Save) {
        let Next { root, parts, lists } = save.next;
        if let Some(root) = root {
            self.root = Some(root);
            self.leftovers.clear();
        }
        for (section, part) in parts {
            self.parts[section.index()] = part;
        }
        for (list, state) in lists {
            self.lists[list.index()] = state;
        }
    }
}

/// Each record's seq: the stored one for the longest run of records still
/// in their stored order, a new one for the others (between its
/// neighbours' when there is room, else after the previous one, and the
/// records after it follow). Appending, editing, removing and moving one
/// record keep every other seq, so only the moved records' buckets change.
fn assign_seqs(metas: &[(Uuid, Timestamp)], stored: &HashMap<Uuid, u64>) -> Vec<u64> {
    let known: Vec<Option<u64>> = metas.iter().map(|(id, _)| stored.get(id).copied()).collect();
    let kept = longest_increasing(&known);
    // The next kept seq after each position, as an upper bound for new ones.
    let mut next_kept = vec![None; known.len()];
    let mut upcoming = None;
    for at in (0..known.len()).rev() {
        next_kept[at] = upcoming;
        if kept[at] {
            upcoming = known[at];
        }
    }
    let mut seqs = Vec::with_capacity(metas.len());
    let mut last: Option<u64> = None;
    for at in 0..known.len() {
        let low = last.map_or(1, |last| last + 1);
        let seq = match known[at] {
            Some(seq) if kept[at] && seq >= low => seq,
            _ => match next_kept[at] {
                Some(high) if high > low + 1 => low + (high - low) / 2,
                _ => last.map_or(SEQ_GAP, |last| last + SEQ_GAP),
            },
        };
        seqs.push(seq);
        last = Some(seq);
    }
    seqs
}

/// Which of the known seqs form a longest strictly increasing run (patience
/// sorting, O(n log n)).
fn longest_increasing(known: &[Option<u64>]) -> Vec<bool> {
    // tails[k]: the position ending the best run of length k + 1 so far.
    let mut tails: Vec<usize> = Vec::new();
    let mut before: Vec<Option<usize>> = vec![None; known.len()];
    for (at, seq) in known.iter().enumerate() {
        let Some(seq) = seq else { continue };
        let length = tails.partition_point(|&tail| known[tail].is_some_and(|tail| tail < *seq));
        before[at] = length.checked_sub(1).map(|previous| tails[previous]);
        if length == tails.len() {
            tails.push(at);
        } else {
            tails[length] = at;
        }
    }
    let mut kept = vec![false; known.len()];
    let mut at = tails.last().copied();
    while let Some(position) = at {
        kept[position] = true;
        at = before[position];
    }
    kept
}

/// Every (key, text) a workbook is stored as from scratch, manifest last,
/// with what is then known to be stored.
pub fn split(namespace: &Namespace, workbook: &Workbook) -> Result<(Vec<(String, String)>, Written), EncodeError> {
    let mut written = Written::default();
    let save = written.changes(namespace, workbook, &Dirty::Unknown)?;
    let writes = save.writes.clone();
    written.commit(save);
    Ok((writes, written))
}

/// The (key, text) pairs that store a whole document text so that it reads
/// back byte for byte: a current document in buckets, any other text whole
/// under the root key. Manifest last. Each key gets generation 1, or 2
/// where the layout stored now (`current`) names that very key, so that no
/// key named now is touched until the new manifest is written, and a text
/// put back (Undo, removing the example) mostly gets its old keys again.
pub fn split_text(namespace: &Namespace, text: &str, current: &Found) -> Vec<(String, String)> {
    let named = current.named(namespace);
    let generation = |local: &dyn Fn(u64) -> String| if named.contains(&namespace.key(&local(1))) { 2 } else { 1 };
    split_records(namespace, text, &generation).unwrap_or_else(|| vec![(namespace.root_key(), text.to_owned())])
}

impl Found {
    /// The keys this layout names (parts and buckets; not the root).
    pub fn named(&self, namespace: &Namespace) -> BTreeSet<String> {
        let mut named = BTreeSet::new();
        for section in Section::ALL {
            if let Some((generation, _)) = &self.parts[section.index()] {
                named.insert(namespace.key(&section.part_name(*generation)));
            }
        }
        for list in List::ALL {
            if let Some(found) = &self.lists[list.index()] {
                for (bucket, generation) in
                    found.generations.iter().enumerate().filter(|(_, generation)| **generation > 0)
                {
                    named.insert(namespace.key(&list.bucket_name(bucket, *generation)));
                }
            }
        }
        named
    }
}

/// The generation for a key, given its local name at any generation.
type Generation<'a> = dyn Fn(&dyn Fn(u64) -> String) -> u64 + 'a;

fn split_records(namespace: &Namespace, text: &str, generation: &Generation) -> Option<Vec<(String, String)>> {
    #[derive(Deserialize)]
    struct Version {
        schema_version: u32,
    }
    let Version { schema_version } = serde_json::from_str(text).ok()?;
    if schema_version != crate::model::SCHEMA_VERSION {
        return None;
    }
    let mut root = Fields::parse(text)?;
    let mut stored = Vec::new();
    for section in Section::ALL {
        let mut fields = Fields::parse(root.get(section.name())?)?;
        for list in section.lists() {
            let records: Vec<Box<RawValue>> = serde_json::from_str(fields.get(list.field())?).ok()?;
            let count = list.default_buckets();
            let mut buckets: Vec<Vec<(u64, &RawValue)>> = vec![Vec::new(); count];
            for (at, record) in records.iter().enumerate() {
                let Placed { id, .. } = serde_json::from_str(record.get()).ok()?;
                buckets[bucket_of(&id, count)].push((initial_seq(at), record));
            }
            let mut generations = vec![0; count];
            for (bucket, members) in buckets.iter().enumerate().filter(|(_, members)| !members.is_empty()) {
                let at = generation(&|generation| list.bucket_name(bucket, generation));
                generations[bucket] = at;
                stored.push((namespace.key(&list.bucket_name(bucket, at)), serde_json::to_string(members).ok()?));
            }
            fields.set(list.field(), reference_text(&generations));
        }
        let at = generation(&|generation| section.part_name(generation));
        stored.push((namespace.key(&section.part_name(at)), fields.text()));
        root.set(section.name(), at.to_string());
    }
    stored.push((namespace.root_key(), root.text()));
    // Only a text that reads back the same is stored this way.
    let map: HashMap<&str, &str> = stored.iter().map(|(key, text)| (key.as_str(), text.as_str())).collect();
    let back = read_document(namespace, false, |key| Ok::<_, ()>(map.get(key).map(|text| (*text).to_owned()))).ok()?;
    (back.text.as_deref() == Some(text) && back.layout == Layout::Records).then_some(stored)
}

/// The highest generation a document's layout names (0 when none).
pub fn highest_generation(document: &Document) -> u64 {
    let parts = document.found.parts.iter().flatten().map(|(generation, _)| *generation);
    let buckets = document.found.lists.iter().flatten().flat_map(|list| list.generations.iter().copied());
    parts.chain(buckets).max().unwrap_or(0)
}

// ---------------------------------------------------------------------------
// Moving in from an older layout, within the quota.

/// The move of a stored workbook (a whole document or schema 4 parts, this
/// namespace's or the legacy one's) into buckets, a chunk of buckets at a
/// time. Each [`Step`] writes its buckets, then rewrites the key that held
/// their records with a reference in their place.
#[derive(Clone, Debug)]
pub struct Move {
    namespace: Namespace,
    /// The key of the root and its text as now stored.
    root: (String, String),
    /// Schema 4 parts: section name to (key, text as now stored).
    parts: Vec<(String, (String, String))>,
}

/// One step of a move.
#[derive(Clone, Debug, PartialEq)]
pub struct Step {
    /// Buckets, then the rewritten key holding the list, last.
    pub writes: Vec<(String, String)>,
}

/// Runs `moving` to its end through `write` and `remove`: each step's writes
/// in order. When one fails for want of room (`is_full`), the step's buckets
/// (named by nothing, since the key holding the list was not rewritten) are
/// removed and the step is tried again with half as many buckets; with one
/// bucket and still no room, the error is returned, the layout as it was
/// and readable.
pub fn run_move<E>(
    moving: &mut Move,
    mut write: impl FnMut(&str, &str) -> Result<(), E>,
    mut remove: impl FnMut(&str) -> Result<(), E>,
    is_full: impl Fn(&E) -> bool,
) -> Result<(), E> {
    // A quarter of the contacts (~750 KB of the benchmark's 3 MB) beside the
    // document fits the quota; each step rewrites the document, so fewer
    // steps is faster. Halved whenever there is no room.
    let mut chunk = 256;
    while let Some(step) = moving.next_step(chunk) {
        match step.writes.iter().try_for_each(|(key, text)| write(key, text)) {
            Ok(()) => moving.done(&step),
            Err(err) => {
                for (key, _) in &step.writes[..step.writes.len().saturating_sub(1)] {
                    remove(key)?;
                }
                if is_full(&err) && chunk > 1 {
                    chunk /= 2;
                } else {
                    return Err(err);
                }
            }
        }
    }
    Ok(())
}

impl Move {
    /// The move of what `document` read; `read` gives the texts of its keys.
    pub fn new<E>(
        namespace: &Namespace,
        document: &Document,
        mut read: impl FnMut(&str) -> Result<Option<String>, E>,
    ) -> Result<Option<Self>, E> {
        let root_key = match document.source {
            Source::Nothing => return Ok(None),
            Source::Namespace => namespace.root_key(),
            Source::Legacy => format!("{LEGACY_PREFIX}{WORKBOOK}"),
        };
        let Some(root) = read(&root_key)? else { return Ok(None) };
        let mut parts = Vec::new();
        if let Some(names) = Fields::parse(&root)
            .and_then(|fields| fields.get(PARTS_FIELD).and_then(|list| serde_json::from_str::<Vec<String>>(list).ok()))
        {
            let prefix = root_key.strip_suffix(WORKBOOK).unwrap_or_default().to_owned();
            for name in names {
                let key = format!("{prefix}{WORKBOOK}.{name}");
                if let Some(text) = read(&key)? {
                    parts.push((name, (key, text)));
                }
            }
        }
        Ok(Some(Self { namespace: namespace.clone(), root: (root_key, root), parts }))
    }

    /// The next step, moving the records of up to `chunk` buckets of the
    /// first list not yet moved; `None` once every list is in buckets.
    pub fn next_step(&self, chunk: usize) -> Option<Step> {
        for section in Section::ALL {
            for list in section.lists() {
                if let Some(step) = self.step_for(section, *list, chunk.max(1)) {
                    return Some(step);
                }
            }
        }
        None
    }

    /// Notes that every write of `step` succeeded.
    pub fn done(&mut self, step: &Step) {
        let Some((key, text)) = step.writes.last() else { return };
        if *key == self.root.0 {
            self.root.1 = text.clone();
        } else if let Some((_, held)) = self.parts.iter_mut().find(|(_, (part, _))| part == key) {
            held.1 = text.clone();
        }
    }

    /// The key and text holding `section`, and whether it is the root.
    fn holder(&self, section: Section) -> Option<(&str, &str, bool)> {
        if let Some((_, (key, text))) = self.parts.iter().find(|(name, _)| name == section.name()) {
            return Some((key, text, false));
        }
        Some((&self.root.0, &self.root.1, true))
    }

    fn step_for(&self, section: Section, list: List, chunk: usize) -> Option<Step> {
        let (key, text, in_root) = self.holder(section)?;
        let mut root_fields = if in_root { Some(Fields::parse(text)?) } else { None };
        let section_text = match &root_fields {
            Some(fields) => fields.get(section.name()).filter(|text| is_object(text))?.to_owned(),
            None => text.to_owned(),
        };
        let mut section_fields = Fields::parse(&section_text)?;
        let value = section_fields.get(list.field())?;
        let (mut generations, pending): (Vec<u64>, Vec<(u64, Box<RawValue>)>) = if is_object(value) {
            let reference: Reference = serde_json::from_str(value).ok()?;
            (reference.buckets, reference.rest)
        } else {
            let records: Vec<Box<RawValue>> = serde_json::from_str(value).ok()?;
            let pending = records.into_iter().enumerate().map(|(at, record)| (initial_seq(at), record)).collect();
            (vec![0; list.default_buckets()], pending)
        };
        if pending.is_empty() {
            return None;
        }
        let count = generations.len().max(1);
        // Each pending record's bucket; a record without an id cannot be
        // placed (such a document is unreadable anyway): left to the save.
        let mut placed = Vec::with_capacity(pending.len());
        for (seq, record) in pending {
            let Placed { id, .. } = serde_json::from_str(record.get()).ok()?;
            placed.push((bucket_of(&id, count), seq, record));
        }
        let mut chosen: Vec<usize> = placed.iter().map(|(bucket, _, _)| *bucket).collect();
        sorting::sort(&mut chosen);
        chosen.dedup();
        chosen.truncate(chunk);
        let mut writes = Vec::new();
        for bucket in &chosen {
            let members: Vec<(u64, &RawValue)> = placed
                .iter()
                .filter(|(at, _, _)| at == bucket)
                .map(|(_, seq, record)| (*seq, record.as_ref()))
                .collect();
            // A bucket moved before (a move resumed) gets the next generation.
            let generation = generations[*bucket] + 1;
            if generations[*bucket] > 0 {
                // Never the case for a fresh list; a resumed one keeps its
                // moved records in the named bucket, so join them.
                return None;
            }
            generations[*bucket] = generation;
            writes.push((
                self.namespace.key(&list.bucket_name(*bucket, generation)),
                serde_json::to_string(&members).ok()?,
            ));
        }
        let rest: Vec<(u64, &RawValue)> = placed
            .iter()
            .filter(|(bucket, _, _)| !chosen.contains(bucket))
            .map(|(_, seq, record)| (*seq, record.as_ref()))
            .collect();
        let mut reference = reference_text(&generations);
        if !rest.is_empty() {
            reference.pop();
            reference.push_str(",\"rest\":");
            reference.push_str(&serde_json::to_string(&rest).ok()?);
            reference.push('}');
        }
        section_fields.set(list.field(), reference);
        let rewritten = match &mut root_fields {
            Some(fields) => {
                fields.set(section.name(), section_fields.text());
                fields.text()
            }
            None => section_fields.text(),
        };
        writes.push((key.to_owned(), rewritten));
        Some(Step { writes })
    }
}
