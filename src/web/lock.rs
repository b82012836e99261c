//! The workbook's lock in this tab: turning it on and off, unlocking, and
//! the sealer `web::storage` uses while it is unlocked (`io::lock` seals).
//! Only the lock's pages call this module (the Backup page's lock card and
//! the unlock page), so the cipher stays in their chunks.
//!
//! The key bits are derived once per unlock (PBKDF2 through WebCrypto) and
//! live only in the sealer, in this tab's memory: locking drops it and
//! reloads the page, which leaves nothing of the key or the workbook behind.
//!
//! Turning the lock on or off rewrites every key in place, one at a time,
//! each read back before the next: a sealed workbook is smaller than a plain
//! one, so no moment needs room for two copies, and a change that stops
//! half-way (a closed tab) is finished by the next unlock, as the root's
//! state says (`io::lock::State`).

use std::cell::RefCell;
use std::rc::Rc;

use thiserror::Error;

use super::crypto::{self, CryptoError};
use super::idle;
use super::split_loader::{at_once, split_fn, ChunkMissing, CHUNK_MISSING};
use super::storage::{self, Sealer, StorageError};
use crate::io::lock::{self, Cipher, Lock, LockError, State, NONCE_BYTES, SALT_BYTES};
use crate::io::namespace::LOCK_SIGNAL;
use crate::model::Workbook;

#[derive(Clone, Debug, Error, PartialEq)]
pub enum UnlockError {
    #[error("That passphrase does not open this workbook. Nothing was changed; try again.")]
    WrongPassphrase,
    #[error("The workbook is not locked.")]
    NotLocked,
    #[error("The workbook is already locked.")]
    AlreadyLocked,
    #[error("{0}")]
    Lock(LockError),
    #[error("{0}")]
    Crypto(#[from] CryptoError),
    #[error("{0}")]
    Storage(#[from] StorageError),
    /// The change took effect (the root says so) but stopped part-way: the
    /// next unlock finishes it.
    #[error("{0}")]
    Unfinished(StorageError),
    #[error("{}", CHUNK_MISSING)]
    ChunkMissing,
}

impl From<ChunkMissing> for UnlockError {
    fn from(_: ChunkMissing) -> Self {
        UnlockError::ChunkMissing
    }
}

impl From<LockError> for UnlockError {
    fn from(err: LockError) -> Self {
        match err {
            LockError::WrongKey => UnlockError::WrongPassphrase,
            other => UnlockError::Lock(other),
        }
    }
}

/// Seals and opens this namespace's values with the key of one unlock.
/// (Public only because the cipher chunk's functions take it.)
pub struct Sealing {
    cipher: Cipher,
    lock: RefCell<Lock>,
    root: String,
}

fn nonce() -> Result<[u8; NONCE_BYTES], StorageError> {
    crypto::random_bytes().map_err(|err| StorageError::Sealed(err.to_string()))
}

// The cipher's own work (AES-GCM, deflate and inflate) is a chunk of its
// own in the release build. A save reaches `Sealer::seal` through a table of
// functions, and whatever a table entry calls stays in the module every
// first visit downloads; so the entry calls into the chunk instead.
//
// One split point does all of it: each split point fetches its chunk through
// a loader of its own, so a second one would still have to be awaited before
// it could run at once. Every `Sealing` is made by `sealing`, whose
// `CipherJob::New` awaits the chunk first; from then on a save runs its job
// at once (`at_once`), synchronously as ever.

/// One piece of the cipher's work, run in its chunk by [`cipher_job`].
/// (Public, with [`Sealing`], only because that chunk's entry takes it.)
pub enum CipherJob<'a> {
    New([u8; lock::KEY_BYTES]),
    Seal { sealing: &'a Sealing, key: &'a str, value: &'a str, nonce: [u8; NONCE_BYTES] },
    Open { sealing: &'a Sealing, key: &'a str, stored: &'a str },
}

/// What a [`CipherJob`] gives back.
pub enum CipherDone {
    Cipher(Box<Cipher>),
    Text(Result<String, StorageError>),
}

split_fn! {
    /// Runs `job` in the cipher's chunk (fetching it, where it is not yet here).
    cipher: fn cipher_job(job: CipherJob<'_>) -> CipherDone {
        match job {
            CipherJob::New(bits) => CipherDone::Cipher(Box::new(Cipher::new(&bits))),
            CipherJob::Seal { sealing, key, value, nonce } => CipherDone::Text(Ok(sealing.seal_here(key, value, nonce))),
            CipherJob::Open { sealing, key, stored } => CipherDone::Text(sealing.open_here(key, stored)),
        }
    }
}

/// The cipher for `bits`, once its chunk is here.
async fn new_cipher(bits: [u8; lock::KEY_BYTES]) -> Result<Cipher, UnlockError> {
    match cipher_job(CipherJob::New(bits)).await? {
        CipherDone::Cipher(cipher) => Ok(*cipher),
        CipherDone::Text(_) => Err(UnlockError::ChunkMissing),
    }
}

/// A seal or open job, run at once: every `Sealing` was made after its
/// chunk arrived, so the chunk is here (if it somehow is not, the save says
/// so and changes nothing).
fn text_at_once(job: CipherJob<'_>) -> Result<String, StorageError> {
    match at_once(cipher_job(job)) {
        Ok(CipherDone::Text(text)) => text,
        Ok(CipherDone::Cipher(_)) | Err(ChunkMissing) => {
            Err(StorageError::Sealed("the lock's code is not loaded; reload the page to go on".into()))
        }
    }
}

impl Sealing {
    fn seal_here(&self, key: &str, value: &str, nonce: [u8; NONCE_BYTES]) -> String {
        if key == self.root {
            return self.cipher.seal_root(&self.root, &self.lock.borrow(), value, nonce);
        }
        self.cipher.seal(key, value, nonce)
    }

    /// The root must open (without it nothing can be read at all); any
    /// other value is read as `io::lock::Cipher::read_value` says.
    fn open_here(&self, key: &str, stored: &str) -> Result<String, StorageError> {
        let state = self.lock.borrow().state;
        if key != self.root {
            return Ok(self.cipher.read_value(key, stored, state));
        }
        if lock::lock_of(stored).ok().flatten().is_none() && state.accepts_plain() {
            return Ok(stored.to_owned());
        }
        self.cipher
            .open_root(key, stored)
            .map(|(_, manifest)| manifest)
            .map_err(|err| StorageError::Sealed(err.to_string()))
    }
}

impl Sealer for Sealing {
    fn seal(&self, key: &str, value: &str) -> Result<String, StorageError> {
        text_at_once(CipherJob::Seal { sealing: self, key, value, nonce: nonce()? })
    }

    fn open(&self, key: &str, stored: &str) -> Result<String, StorageError> {
        text_at_once(CipherJob::Open { sealing: self, key, stored })
    }

    fn salt(&self) -> String {
        self.lock.borrow().salt.clone()
    }
}

thread_local! {
    /// The sealer this tab holds, as `web::storage` uses it, for changing its lock's settings.
    static HELD: RefCell<Option<Rc<Sealing>>> = const { RefCell::new(None) };
}

/// Seals (or stops sealing) this tab's reads and writes with `sealing`.
fn hold(sealing: Option<Rc<Sealing>>) {
    storage::install_sealer(sealing.clone().map(|sealing| sealing as Rc<dyn storage::Sealer>));
    if sealing.is_none() {
        // Nothing to lock again any more.
        idle::set_limit(None);
    }
    HELD.with(|held| *held.borrow_mut() = sealing);
}

/// The idle time of the lock this tab holds open, in minutes (`None`: only on request).
pub fn idle_minutes() -> Option<u32> {
    HELD.with(|held| held.borrow().as_ref().and_then(|sealing| sealing.lock.borrow().idle_minutes))
}

/// Changes when the workbook locks again by itself: stored in the root (so
/// every tab and the next unlock follow it) and watched from now on here.
pub fn set_idle_minutes(minutes: Option<u32>) -> Result<(), UnlockError> {
    let sealing = HELD.with(|held| held.borrow().clone()).ok_or(UnlockError::NotLocked)?;
    let root = storage::workbook_key();
    let manifest = storage::read(&root)?.ok_or(UnlockError::NotLocked)?;
    let before = sealing.lock.borrow().idle_minutes;
    sealing.lock.borrow_mut().idle_minutes = minutes;
    if let Err(err) = sealing.seal(&root, &manifest).and_then(|sealed| storage::write_raw(&root, &sealed)) {
        sealing.lock.borrow_mut().idle_minutes = before;
        return Err(err.into());
    }
    idle::set_limit(minutes);
    Ok(())
}

/// The sealer for `passphrase` and `lock`, once the passphrase is checked
/// against the stored root (when there is one to check it against).
async fn sealing(passphrase: &str, lock: Lock, check: Option<&str>) -> Result<Rc<Sealing>, UnlockError> {
    let bits = key_bits(passphrase, &lock).await?;
    let root = storage::workbook_key();
    let mut cipher = new_cipher(bits).await?;
    if let Some(stored) = check {
        cipher.open_root(&root, stored)?;
    }
    // A passphrase change under way: what is not yet sealed anew opens with the previous key.
    if let Some(previous) = &lock.previous_key {
        let previous = cipher.open_key(&root, previous)?;
        cipher = cipher.with_previous(&previous);
    }
    Ok(Rc::new(Sealing { cipher, lock: RefCell::new(lock), root }))
}

/// The key bits `passphrase` derives for `lock` (PBKDF2 through WebCrypto).
async fn key_bits(passphrase: &str, lock: &Lock) -> Result<[u8; lock::KEY_BYTES], UnlockError> {
    Ok(crypto::derive_bits(&crypto::nfc(passphrase), &lock.salt_bytes()?, lock.iterations).await?)
}

/// The stored locked root and its lock.
fn stored_root() -> Result<(String, Lock), UnlockError> {
    let root = storage::read_raw(&storage::workbook_key())?.ok_or(UnlockError::NotLocked)?;
    let lock = lock::lock_of(&root)?.ok_or(UnlockError::NotLocked)?;
    Ok((root, lock))
}

/// Unlocks the workbook in this tab with `passphrase`: a wrong one changes
/// nothing. A lock being turned on or off, or a passphrase change, cut short
/// when its tab closed is finished.
pub async fn unlock(passphrase: &str) -> Result<(), UnlockError> {
    let (root, lock) = stored_root()?;
    let sealing = sealing(passphrase, lock, Some(&root)).await?;
    hold(Some(sealing.clone()));
    // Read first: finishing a change writes the lock.
    let state = sealing.lock.borrow().state;
    match state {
        State::Locked => return Ok(()),
        State::Locking => {}
        State::Unlocking => return Ok(finish_unlocking(&sealing)?),
        State::Rekeying => return Ok(finish_rekeying(&sealing)?),
    }
    Ok(finish_locking(&sealing)?)
}

/// Whether `passphrase` opens the stored workbook (for turning the lock off
/// or changing it: both ask for the current one).
pub async fn check(passphrase: &str) -> Result<(), UnlockError> {
    let (root, lock) = stored_root()?;
    sealing(passphrase, lock, Some(&root)).await.map(|_| ())
}

/// Locks the stored workbook with `passphrase` (save pending edits first;
/// `workbook` is stored first if nothing is yet).
pub async fn turn_on(passphrase: &str, workbook: &Workbook, idle_minutes: Option<u32>) -> Result<(), UnlockError> {
    if storage::is_sealing() || storage::stored_lock()?.is_some() {
        return Err(UnlockError::AlreadyLocked);
    }
    let salt = crypto::random_bytes::<SALT_BYTES>()?;
    let lock = Lock { idle_minutes, ..Lock::new(&salt, State::Locking) };
    let sealing = sealing(passphrase, lock, None).await?;
    let root = storage::workbook_key();
    if storage::read(&root)?.is_none() {
        storage::save_workbook(workbook)?;
    }
    let manifest = storage::read(&root)?.unwrap_or_default();
    // First the root: from here on an older build opens it read only. A
    // change that stops after this stays "locking": the next unlock finishes it.
    seal_root_then(sealing, &manifest, finish_locking)
}

/// Writes the root sealed by `sealing` (from then on only its key opens the
/// workbook, and its state says what is under way), holds `sealing` for this
/// tab's saves, and runs `finish` over the values.
fn seal_root_then(
    sealing: Rc<Sealing>,
    manifest: &str,
    finish: fn(&Sealing) -> Result<(), StorageError>,
) -> Result<(), UnlockError> {
    let root = storage::workbook_key();
    storage::write_raw(&root, &sealing.seal(&root, manifest)?)?;
    hold(Some(sealing.clone()));
    finish(&sealing).map_err(UnlockError::Unfinished)
}

/// Seals every plain value, then marks the root locked.
fn finish_locking(sealing: &Sealing) -> Result<(), StorageError> {
    for key in values_to_change()? {
        let Some(stored) = storage::read_raw(&key)? else { continue };
        if lock::is_sealed(&stored) {
            continue;
        }
        let sealed = sealing.seal(&key, &stored)?;
        storage::write_raw(&key, &sealed)?;
        read_back(sealing, &key, &stored)?;
    }
    set_state(sealing, State::Locked)
}

/// Turns the lock off: every value is opened and stored plain, the root last.
pub async fn turn_off(passphrase: &str) -> Result<(), UnlockError> {
    let (root, lock) = stored_root()?;
    let sealing = sealing(passphrase, lock, Some(&root)).await?;
    hold(Some(sealing.clone()));
    set_state(&sealing, State::Unlocking)?;
    finish_unlocking(&sealing).map_err(UnlockError::Unfinished)
}

fn finish_unlocking(sealing: &Sealing) -> Result<(), StorageError> {
    for key in values_to_change()? {
        let Some(stored) = storage::read_raw(&key)? else { continue };
        if !lock::is_sealed(&stored) {
            continue;
        }
        let plain = sealing.cipher.open(&key, &stored).map_err(|err| StorageError::Sealed(format!("{key}: {err}")))?;
        storage::write_raw(&key, &plain)?;
    }
    let root = storage::workbook_key();
    if let Some(manifest) = storage::read(&root)? {
        storage::write_raw(&root, &manifest)?;
    }
    hold(None);
    Ok(())
}

/// Changes the passphrase. Every value is first checked to open with the
/// current one (a damaged value changes nothing). Then the root switches to
/// the new passphrase in one write ("rekeying", carrying the previous key
/// sealed with the new one), and each value is sealed anew in place (the same
/// length: nothing needs more room), read back, and the root marked locked
/// without the previous key. From the root's write on, only the new
/// passphrase opens the workbook, and the next unlock finishes a change that
/// stopped part-way.
pub async fn change(current: &str, new: &str) -> Result<(), UnlockError> {
    let (root, lock) = stored_root()?;
    let old = sealing(current, lock.clone(), Some(&root)).await?;
    let root_key = storage::workbook_key();
    let manifest = old.open(&root_key, &root)?;
    for key in values_to_change()? {
        let Some(stored) = storage::read_raw(&key)? else { continue };
        old.cipher.open(&key, &stored).map_err(|err| StorageError::Sealed(format!("{key}: {err}")))?;
    }
    let previous = key_bits(current, &lock).await?;
    let salt = crypto::random_bytes::<SALT_BYTES>()?;
    let mut next = Lock { idle_minutes: lock.idle_minutes, ..Lock::new(&salt, State::Rekeying) };
    let bits = key_bits(new, &next).await?;
    let cipher = new_cipher(bits).await?;
    next.previous_key = Some(cipher.seal_key(&root_key, &previous, nonce()?));
    let new =
        Rc::new(Sealing { cipher: cipher.with_previous(&previous), lock: RefCell::new(next), root: root_key.clone() });
    seal_root_then(new, &manifest, finish_rekeying)
}

/// Seals anew every value still sealed with the previous key, then drops
/// the previous key from the root.
fn finish_rekeying(sealing: &Sealing) -> Result<(), StorageError> {
    for key in values_to_change()? {
        let Some(stored) = storage::read_raw(&key)? else { continue };
        if sealing.cipher.is_current(&key, &stored) {
            continue;
        }
        let plain = sealing.cipher.open(&key, &stored).map_err(|err| StorageError::Sealed(format!("{key}: {err}")))?;
        storage::write_raw(&key, &sealing.seal(&key, &plain)?)?;
        read_back(sealing, &key, &plain)?;
    }
    let root = storage::workbook_key();
    let Some(manifest) = storage::read(&root)? else { return Ok(()) };
    {
        let mut lock = sealing.lock.borrow_mut();
        lock.state = State::Locked;
        lock.previous_key = None;
    }
    storage::write_raw(&root, &sealing.seal(&root, &manifest)?)
}

/// Every key of this copy the lock seals (all but the root and the signal).
fn values_to_change() -> Result<Vec<String>, StorageError> {
    let namespace = storage::namespace();
    let root = storage::workbook_key();
    Ok(storage::keys()?
        .into_iter()
        .filter(|key| *key != root && namespace.local(key).is_some_and(|local| local != LOCK_SIGNAL))
        .collect())
}

/// Reads `key` back and checks it opens to `plain` with the current key.
fn read_back(sealing: &Sealing, key: &str, plain: &str) -> Result<(), StorageError> {
    let stored = storage::read_raw(key)?.unwrap_or_default();
    match sealing.cipher.is_current(key, &stored) && sealing.cipher.open(key, &stored).as_deref() == Ok(plain) {
        true => Ok(()),
        false => Err(StorageError::Sealed(format!("{key} did not read back as written"))),
    }
}

fn set_state(sealing: &Sealing, state: State) -> Result<(), StorageError> {
    let root = storage::workbook_key();
    let Some(manifest) = storage::read(&root)? else { return Ok(()) };
    sealing.lock.borrow_mut().state = state;
    storage::write_raw(&root, &sealing.seal(&root, &manifest)?)
}
