//! Reading and writing the workbook as the text kept in browser storage.
//! Every way stored text can look is named here, so the app can react to
//! each one and never overwrite something it could not read.

use serde_json::{Map, Value};
use thiserror::Error;

use super::migrate::migrate;
use crate::model::{Workbook, SCHEMA_VERSION};

/// What was found in storage.
#[derive(Debug, PartialEq)]
pub enum Loaded {
    /// Nothing stored: a first visit, or the data was erased.
    Fresh,
    /// A document of the current schema.
    Current(Workbook),
    /// A document of an older schema, brought up to date in memory.
    Migrated { workbook: Workbook, from: u32 },
    /// Written by a newer build. It is shown if it can be read, never written.
    Newer { version: u32, workbook: Option<Workbook> },
    /// Not a workbook this app can read. The raw text must be kept untouched.
    Corrupt { raw: String, reason: String },
}

#[derive(Debug, Error)]
#[error("the workbook could not be turned into text: {0}")]
pub struct EncodeError(#[from] serde_json::Error);

/// Classifies stored text (or its absence) without side effects.
pub fn decode(raw: Option<&str>) -> Loaded {
    let Some(raw) = raw else { return Loaded::Fresh };
    // The usual case, a document of this version, is read straight into the
    // model: going through a `serde_json::Value` first (needed to migrate
    // older ones) doubled the start-up parse of a large workbook. Anything
    // unusual takes the careful path below, which names the problem.
    if let Some(workbook) = read_current(raw) {
        return Loaded::Current(workbook);
    }
    let corrupt = |reason: String| Loaded::Corrupt { raw: raw.to_owned(), reason };

    let value: Value = match serde_json::from_str(raw) {
        Ok(value) => value,
        Err(err) => return corrupt(format!("it is not valid JSON ({err})")),
    };
    let Value::Object(doc) = value else {
        return corrupt("it is not a Comeback workbook (not a JSON object)".into());
    };
    let Some(version) = schema_version(&doc) else {
        return corrupt("it is not a Comeback workbook (no schema version)".into());
    };

    if version > SCHEMA_VERSION {
        let workbook = workbook_from_object(doc).ok();
        return Loaded::Newer { version, workbook };
    }
    let doc = match migrate(doc, version) {
        Ok(doc) => doc,
        Err(err) => return corrupt(format!("it could not be updated: {err}")),
    };
    match workbook_from_object(doc) {
        Ok(workbook) if version == SCHEMA_VERSION => Loaded::Current(workbook),
        Ok(workbook) => Loaded::Migrated { workbook, from: version },
        Err(err) => corrupt(format!("part of it has an unexpected shape ({err})")),
    }
}

/// The workbook in a JSON object (a migrated document, a backup's), read
/// from its text. The model is only ever deserialized from text: each kind
/// of input (text, `Value`) makes its own copy of the model's serde code in
/// the wasm, and a second one weighed about 50 kB gzip. Migrations and
/// backups are rare enough to pay for one more serialization. The message
/// has no position, which would point into this re-serialized text.
pub fn workbook_from_object(doc: Map<String, Value>) -> Result<Workbook, String> {
    serde_json::from_str(&Value::Object(doc).to_string())
        .map_err(|err| err.to_string().split(" at line ").next().unwrap_or_default().to_owned())
}

/// A document of the current schema, read without an intermediate value.
fn read_current(raw: &str) -> Option<Workbook> {
    #[derive(serde::Deserialize)]
    struct Version {
        schema_version: u32,
    }
    let Version { schema_version } = serde_json::from_str(raw).ok()?;
    if schema_version != SCHEMA_VERSION {
        return None;
    }
    serde_json::from_str(raw).ok()
}

fn schema_version(doc: &Map<String, Value>) -> Option<u32> {
    doc.get("schema_version")?.as_u64()?.try_into().ok()
}

/// The text stored for a workbook.
pub fn encode(workbook: &Workbook) -> Result<String, EncodeError> {
    Ok(serde_json::to_string(workbook)?)
}
