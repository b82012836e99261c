//! What an import would do, shown before anything is written: the people it
//! adds, the ones already in the list it fills in (duplicates by email,
//! profile address, or name and company), and the ones it skips, with why.
//! Applying the preview is a separate step, so cancelling changes nothing.

use std::collections::{HashMap, HashSet};

use uuid::Uuid;

use super::links::normalize_url;
use super::{Contact, Outreach};
use crate::model::Timestamp;

/// Something the file held that will not be imported, named for the person.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Skipped {
    /// The name, or where it was in the file ("card 3", "row 12").
    pub name: String,
    pub reason: String,
}

/// An incoming contact matching one already in the list.
#[derive(Clone, Debug, PartialEq)]
pub struct Merge {
    pub existing: Uuid,
    pub existing_name: String,
    pub incoming: Contact,
}

#[derive(Clone, Debug, Default, PartialEq)]
pub struct ImportPreview {
    pub add: Vec<Contact>,
    pub merge: Vec<Merge>,
    pub skip: Vec<Skipped>,
}

impl ImportPreview {
    /// True when applying it would change nothing.
    pub fn is_empty(&self) -> bool {
        self.add.is_empty() && self.merge.is_empty()
    }
}

/// The keys that identify a person: email, profile address, name and company.
/// Two contacts sharing any key are taken to be the same person.
pub fn identity_keys(contact: &Contact) -> Vec<String> {
    let mut keys = Vec::with_capacity(3);
    let email = contact.email.trim().to_lowercase();
    if !email.is_empty() {
        keys.push(format!("email:{email}"));
    }
    let url = normalize_url(&contact.profile_url);
    if !url.is_empty() {
        keys.push(format!("url:{url}"));
    }
    let squash = |text: &str| text.split_whitespace().collect::<Vec<_>>().join(" ").to_lowercase();
    let (name, company) = (squash(&contact.name), squash(&contact.company));
    if !name.is_empty() && !company.is_empty() {
        keys.push(format!("name:{name}\u{1f}{company}"));
    }
    keys
}

/// Whether two contacts are the same person by [`identity_keys`].
pub fn same_person(a: &Contact, b: &Contact) -> bool {
    let keys = identity_keys(a);
    identity_keys(b).iter().any(|key| keys.contains(key))
}

/// Fills the empty fields of `existing` from `incoming`; true if anything changed.
/// What the person already wrote is never overwritten.
pub fn fill_in(existing: &mut Contact, incoming: &Contact) -> bool {
    let mut changed = false;
    let mut fill = |field: &mut String, value: &String| {
        if field.trim().is_empty() && !value.trim().is_empty() {
            *field = value.clone();
            changed = true;
        }
    };
    fill(&mut existing.how_we_know, &incoming.how_we_know);
    fill(&mut existing.company, &incoming.company);
    fill(&mut existing.role, &incoming.role);
    fill(&mut existing.email, &incoming.email);
    fill(&mut existing.phone, &incoming.phone);
    fill(&mut existing.profile_url, &incoming.profile_url);
    fill(&mut existing.notes, &incoming.notes);
    if existing.how_often.is_none() && incoming.how_often.is_some() {
        existing.how_often = incoming.how_often;
        changed = true;
    }
    changed
}

/// Sorts `incoming` into what would be added, merged and skipped. `skipped`
/// are the entries the reader could not use, passed through to be shown.
pub fn plan_import(existing: &Outreach, incoming: Vec<Contact>, skipped: Vec<Skipped>) -> ImportPreview {
    // Indexed by key, so 5,000 rows against 5,000 contacts stay fast.
    let mut known: HashMap<String, usize> = HashMap::new();
    for (at, contact) in existing.contacts.iter().enumerate() {
        for key in identity_keys(contact) {
            known.entry(key).or_insert(at);
        }
    }
    let mut seen: HashSet<String> = HashSet::new();
    let mut preview = ImportPreview { skip: skipped, ..ImportPreview::default() };
    for contact in incoming {
        if contact.name.trim().is_empty() {
            preview.skip.push(Skipped { name: "(no name)".into(), reason: "it has no name".into() });
            continue;
        }
        let keys = identity_keys(&contact);
        if keys.iter().any(|key| seen.contains(key)) {
            preview.skip.push(Skipped { name: contact.name.clone(), reason: "it appears twice in the file".into() });
            continue;
        }
        seen.extend(keys.iter().cloned());
        match keys.iter().find_map(|key| known.get(key)).and_then(|at| existing.contacts.get(*at)) {
            Some(known) => {
                let mut trial = known.clone();
                if fill_in(&mut trial, &contact) {
                    preview.merge.push(Merge {
                        existing: known.meta.id,
                        existing_name: known.name.clone(),
                        incoming: contact,
                    });
                } else {
                    preview.skip.push(Skipped { name: contact.name.clone(), reason: "already in your list".into() });
                }
            }
            None => preview.add.push(contact),
        }
    }
    preview
}

/// What applying a preview did.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Applied {
    pub added: usize,
    pub merged: usize,
}

/// Writes a preview into the list. A merge whose contact was removed since
/// the preview was made adds the person instead.
pub fn apply_import(outreach: &mut Outreach, preview: ImportPreview, now: Timestamp) -> Applied {
    let mut applied = Applied::default();
    for merge in preview.merge {
        match outreach.contacts.iter_mut().find(|contact| contact.meta.id == merge.existing) {
            Some(contact) => {
                if fill_in(contact, &merge.incoming) {
                    contact.meta.touch(now);
                }
                applied.merged += 1;
            }
            None => {
                outreach.contacts.push(merge.incoming);
                applied.added += 1;
            }
        }
    }
    applied.added += preview.add.len();
    outreach.contacts.extend(preview.add);
    if applied.added + applied.merged > 0 {
        outreach.updated_at = Some(now);
    }
    applied
}
