//! The stored workbook in parts, so a save writes only what changed.
//!
//! `comeback.workbook` holds a small root document: the schema version, the
//! small fields and `parts`, the names of the sections stored separately.
//! Each named section is the JSON under `comeback.workbook.<name>`. Reading
//! assembles them back into one document text (the root without its closing
//! brace, then `,"<name>":<text>` per part), which is what snapshots, Undo
//! copies and recovery copies hold. A root without `parts` is the layout
//! from before: one whole document, read exactly as it always was. While a
//! workbook moves into parts, its root may still hold some sections itself
//! (see `Written::moving_into_parts`). Pure: the browser glue does the reads
//! and writes.

use std::fmt;

use serde::de::{Deserializer, MapAccess, Visitor};
use serde::Deserialize;
use serde_json::value::RawValue;

use super::stored::{self, EncodeError, Loaded};
use crate::model::{Debrief, Mojo, Outreach, Plan, Workbook};

/// Where the workbook (its root, when stored in parts) is kept.
pub const ROOT_KEY: &str = "comeback.workbook";
/// The root's entry naming the parts stored under their own keys.
const PARTS_FIELD: &str = "parts";

/// A section of the workbook big enough to be stored under its own key.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Section {
    Debrief,
    Outreach,
    Mojo,
    Plan,
}

impl Section {
    pub const ALL: [Section; 4] = [Section::Debrief, Section::Outreach, Section::Mojo, Section::Plan];

    pub fn name(self) -> &'static str {
        match self {
            Section::Debrief => "debrief",
            Section::Outreach => "outreach",
            Section::Mojo => "mojo",
            Section::Plan => "plan",
        }
    }

    pub fn key(self) -> String {
        part_key(self.name())
    }

    fn encode(self, workbook: &Workbook) -> Result<String, EncodeError> {
        Ok(match self {
            Section::Debrief => serde_json::to_string(&workbook.debrief)?,
            Section::Outreach => serde_json::to_string(&workbook.outreach)?,
            Section::Mojo => serde_json::to_string(&workbook.mojo)?,
            Section::Plan => serde_json::to_string(&workbook.plan)?,
        })
    }
}

/// The key a part named `name` is stored under.
pub fn part_key(name: &str) -> String {
    format!("{ROOT_KEY}.{name}")
}

/// Whether `key` is a part key (named by a root or left over).
pub fn is_part_key(key: &str) -> bool {
    key.strip_prefix(ROOT_KEY).is_some_and(|rest| rest.len() > 1 && rest.starts_with('.'))
}

/// Whether a change to `key` changes the stored workbook.
pub fn is_workbook_key(key: &str) -> bool {
    key == ROOT_KEY || is_part_key(key)
}

/// The root text of `workbook`: its small fields and the list of parts.
pub fn encode_root(workbook: &Workbook) -> Result<String, EncodeError> {
    encode_root_with(workbook, &Section::ALL, &[])
}

/// A root naming `parts` and holding the `inline` sections itself, given as
/// (name, encoded text): the steps between the layout from before parts
/// and this one.
fn encode_root_with(workbook: &Workbook, parts: &[Section], inline: &[(&str, &str)]) -> Result<String, EncodeError> {
    // Every field named: a field added to Workbook fails to compile here
    // until it is given a place, in the root or in a part.
    let Workbook { schema_version, created_at, first_steps, debrief: _, outreach: _, mojo: _, plan: _, settings } =
        workbook;
    let mut fields = vec![
        ("schema_version", serde_json::to_string(schema_version)?),
        ("created_at", serde_json::to_string(created_at)?),
        ("first_steps", serde_json::to_string(first_steps)?),
        ("settings", serde_json::to_string(settings)?),
    ];
    for (name, text) in inline {
        fields.push((name, (*text).to_owned()));
    }
    let names: Vec<&str> = parts.iter().map(|section| section.name()).collect();
    fields.push((PARTS_FIELD, serde_json::to_string(&names)?));
    object_text(fields.iter().map(|(name, value)| (*name, value.as_str())))
}

/// Every (key, text) the workbook is stored as: the parts first, the root
/// last, since the root is what makes a reader look for them.
pub fn split(workbook: &Workbook) -> Result<Vec<(String, String)>, EncodeError> {
    let mut stored = Vec::with_capacity(Section::ALL.len() + 1);
    for section in Section::ALL {
        stored.push((section.key(), section.encode(workbook)?));
    }
    stored.push((ROOT_KEY.to_owned(), encode_root(workbook)?));
    Ok(stored)
}

/// `{"name":value,...}` from names and JSON texts.
fn object_text<'a>(fields: impl IntoIterator<Item = (&'a str, &'a str)>) -> Result<String, EncodeError> {
    let mut text = String::from("{");
    for (name, value) in fields {
        if text.len() > 1 {
            text.push(',');
        }
        text.push_str(&serde_json::to_string(name)?);
        text.push(':');
        text.push_str(value);
    }
    text.push('}');
    Ok(text)
}

/// The top-level fields of a JSON object, in order, each as its exact text.
struct Fields(Vec<(String, Box<RawValue>)>);

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
                while let Some(field) = map.next_entry::<String, Box<RawValue>>()? {
                    fields.push(field);
                }
                Ok(Fields(fields))
            }
        }
        deserializer.deserialize_map(FieldsVisitor)
    }
}

/// The part names a root lists. `Ok(None)` when the text is a whole
/// document (the layout from before parts) or not a JSON object at all,
/// which `stored::decode` classifies as it always did.
pub fn parts_named(root: &str) -> Result<Option<Vec<String>>, String> {
    let Ok(Fields(fields)) = serde_json::from_str::<Fields>(root) else { return Ok(None) };
    let Some((_, list)) = fields.iter().find(|(name, _)| name == PARTS_FIELD) else { return Ok(None) };
    serde_json::from_str::<Vec<String>>(list.get())
        .map(Some)
        .map_err(|err| format!("its list of parts is unreadable ({err})"))
}

/// One document text from a root and the texts of the parts it names, in
/// its order: no part is parsed, only joined.
pub fn assemble(root: &str, parts: &[(String, String)]) -> String {
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
        // A name read from JSON always encodes back to JSON.
        text.push_str(&serde_json::to_string(name).unwrap_or_default());
        text.push(':');
        text.push_str(part);
    }
    text.push('}');
    text
}

/// The stored workbook, read and assembled into one text.
#[derive(Clone, Debug, PartialEq)]
pub struct Document {
    /// The whole document text; `None` when nothing is stored.
    pub text: Option<String>,
    pub layout: Layout,
    /// The parts the root names (none in the layout from before parts).
    pub parts: Vec<String>,
}

#[derive(Clone, Debug, PartialEq)]
pub enum Layout {
    /// One text under the root key (also: nothing stored).
    Whole,
    /// A root and the parts it names, all present.
    Parts,
    /// A root whose parts are missing or whose list is unreadable: the
    /// whole stored workbook counts as unreadable.
    Broken(String),
}

impl Document {
    /// Classifies the document as [`stored::decode`] does; a broken layout is
    /// corrupt, keeping the text that was there.
    pub fn decode(&self) -> Loaded {
        match &self.layout {
            Layout::Broken(reason) => {
                Loaded::Corrupt { raw: self.text.clone().unwrap_or_default(), reason: reason.clone() }
            }
            Layout::Whole | Layout::Parts => stored::decode(self.text.as_deref()),
        }
    }
}

/// Reads the stored workbook through `read` (key to stored text) and
/// assembles it.
pub fn read_document<E>(mut read: impl FnMut(&str) -> Result<Option<String>, E>) -> Result<Document, E> {
    let whole = |text: Option<String>, layout: Layout| Document { text, layout, parts: Vec::new() };
    let Some(root) = read(ROOT_KEY)? else { return Ok(whole(None, Layout::Whole)) };
    let names = match parts_named(&root) {
        Ok(None) => return Ok(whole(Some(root), Layout::Whole)),
        Ok(Some(names)) => names,
        Err(reason) => return Ok(whole(Some(root), Layout::Broken(reason))),
    };
    let mut parts = Vec::with_capacity(names.len());
    let mut missing = Vec::new();
    for name in &names {
        match read(&part_key(name))? {
            Some(text) => parts.push((name.clone(), text)),
            None => missing.push(name.clone()),
        }
    }
    let layout = if missing.is_empty() {
        Layout::Parts
    } else {
        Layout::Broken(format!("part of it is missing ({})", missing.join(", ")))
    };
    Ok(Document { text: Some(assemble(&root, &parts)), layout, parts: names })
}

/// The (key, text) pairs that store a whole document text so that it reads
/// back byte for byte: its root and parts when it was assembled from parts,
/// otherwise the text itself under the root key. Root last.
pub fn split_text(text: &str) -> Vec<(String, String)> {
    split_assembled(text).unwrap_or_else(|| vec![(ROOT_KEY.to_owned(), text.to_owned())])
}

fn split_assembled(text: &str) -> Option<Vec<(String, String)>> {
    let Fields(fields) = serde_json::from_str::<Fields>(text).ok()?;
    let names = fields
        .iter()
        .find(|(name, _)| name == PARTS_FIELD)
        .and_then(|(_, list)| serde_json::from_str::<Vec<String>>(list.get()).ok())?;
    let (parts, root): (Vec<_>, Vec<_>) = fields.iter().partition(|(name, _)| names.contains(name));
    let root = object_text(root.iter().map(|(name, value)| (name.as_str(), value.get()))).ok()?;
    let parts: Vec<(String, String)> =
        parts.into_iter().map(|(name, value)| (name.clone(), value.get().to_owned())).collect();
    // Only a text this layout assembled splits back to the same bytes
    // (every named part present once, in order); any other is kept whole.
    if assemble(&root, &parts) != text {
        return None;
    }
    let mut stored: Vec<(String, String)> = parts.into_iter().map(|(name, part)| (part_key(&name), part)).collect();
    stored.push((ROOT_KEY.to_owned(), root));
    Some(stored)
}

/// A copy of each part as last written or read, so a save compares the
/// sections (`PartialEq`) and writes only those that differ. `None` means
/// not known to be stored: nothing read yet, the layout from before parts,
/// or after storage was changed some other way.
#[derive(Clone, Debug, Default)]
pub struct Written {
    root: Option<String>,
    debrief: Option<Debrief>,
    outreach: Option<Outreach>,
    mojo: Option<Mojo>,
    plan: Option<Plan>,
    /// There was no room to move into parts: saves write one whole document
    /// (the layout from before) for the rest of the session.
    whole: bool,
}

/// One write a save needs.
#[derive(Clone, Debug, PartialEq)]
pub struct Change {
    pub piece: Piece,
    pub key: String,
    pub text: String,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Piece {
    Root,
    Part(Section),
    /// The whole document under the root key.
    Whole,
}

impl Written {
    /// What is known to be stored once `document` was read as `loaded`:
    /// everything when it is current and in parts, otherwise nothing (the
    /// first save then writes every part and the root).
    pub fn as_read(document: &Document, loaded: &Loaded) -> Self {
        let every_part = Section::ALL.iter().all(|section| document.parts.iter().any(|name| name == section.name()));
        match (&document.layout, loaded) {
            (Layout::Parts, Loaded::Current(workbook)) if every_part => Self::of(workbook),
            _ => Self::default(),
        }
    }

    /// Storage is in parts, but what they hold is unknown (another tab
    /// wrote them): the next save writes every part, then the root.
    pub fn parts_unknown() -> Self {
        Self { root: Some(String::new()), ..Self::default() }
    }

    /// Everything in `workbook` as stored.
    pub fn of(workbook: &Workbook) -> Self {
        let mut written = Self { root: encode_root(workbook).ok(), ..Self::default() };
        for section in Section::ALL {
            written.record_section(section, workbook);
        }
        written
    }

    /// The writes that bring storage up to `workbook`: the changed parts
    /// first, then the root if it changed.
    pub fn changes(&self, workbook: &Workbook) -> Result<Vec<Change>, EncodeError> {
        if self.whole {
            return Ok(vec![Change { piece: Piece::Whole, key: ROOT_KEY.to_owned(), text: stored::encode(workbook)? }]);
        }
        if self.root.is_none() {
            return Self::moving_into_parts(workbook);
        }
        let mut changes = Vec::new();
        for section in Section::ALL.into_iter().filter(|section| self.differs(*section, workbook)) {
            changes.push(Change { piece: Piece::Part(section), key: section.key(), text: section.encode(workbook)? });
        }
        let root = encode_root(workbook)?;
        if self.root.as_ref() != Some(&root) {
            changes.push(Change { piece: Piece::Root, key: ROOT_KEY.to_owned(), text: root });
        }
        Ok(changes)
    }

    /// The writes from any stored layout (a whole document of several MB,
    /// say) to parts, one section at a time: its part, then a root naming
    /// the parts so far and holding the rest itself. Storage thus holds at
    /// most one section twice (a whole document beside all its parts may
    /// not fit), and every step reads back whole.
    fn moving_into_parts(workbook: &Workbook) -> Result<Vec<Change>, EncodeError> {
        // Each section is encoded once: the roots of the steps repeat the
        // sections not moved yet (the outreach list can be megabytes).
        let texts = Section::ALL.map(|section| section.encode(workbook));
        let mut encoded = Vec::with_capacity(texts.len());
        for (section, text) in Section::ALL.into_iter().zip(texts) {
            encoded.push((section.name(), text?));
        }
        let mut changes = Vec::with_capacity(2 * Section::ALL.len());
        for (done, section) in Section::ALL.into_iter().enumerate() {
            changes.push(Change { piece: Piece::Part(section), key: section.key(), text: encoded[done].1.clone() });
            let inline: Vec<(&str, &str)> =
                encoded[done + 1..].iter().map(|(name, text)| (*name, text.as_str())).collect();
            let root = encode_root_with(workbook, &Section::ALL[..=done], &inline)?;
            changes.push(Change { piece: Piece::Root, key: ROOT_KEY.to_owned(), text: root });
        }
        Ok(changes)
    }

    /// Notes that `change` of `workbook` was written.
    pub fn record(&mut self, change: &Change, workbook: &Workbook) {
        match change.piece {
            Piece::Root => self.root = Some(change.text.clone()),
            Piece::Part(section) => self.record_section(section, workbook),
            Piece::Whole => {}
        }
    }

    /// Whether the next save moves storage into parts (storage is not known
    /// to be in parts yet).
    pub fn is_moving(&self) -> bool {
        self.root.is_none() && !self.whole
    }

    /// From now on, saves write one whole document: moving into parts needs
    /// room for the largest section twice, and there was none.
    pub fn stay_whole() -> Self {
        Self { whole: true, ..Self::default() }
    }

    fn differs(&self, section: Section, workbook: &Workbook) -> bool {
        match section {
            Section::Debrief => self.debrief.as_ref() != Some(&workbook.debrief),
            Section::Outreach => self.outreach.as_ref() != Some(&workbook.outreach),
            Section::Mojo => self.mojo.as_ref() != Some(&workbook.mojo),
            Section::Plan => self.plan.as_ref() != Some(&workbook.plan),
        }
    }

    fn record_section(&mut self, section: Section, workbook: &Workbook) {
        match section {
            Section::Debrief => self.debrief = Some(workbook.debrief.clone()),
            Section::Outreach => self.outreach = Some(workbook.outreach.clone()),
            Section::Mojo => self.mojo = Some(workbook.mojo.clone()),
            Section::Plan => self.plan = Some(workbook.plan.clone()),
        }
    }
}
