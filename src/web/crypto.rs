//! Locks and unlocks a backup with a passphrase through the browser's own
//! WebCrypto: PBKDF2-SHA-256 (600,000 iterations) turns the passphrase into
//! an AES-256-GCM key; salt and IV come from `crypto.getRandomValues`. The
//! envelope around the result is written and read in `io::encrypted`.
//!
//! ```ignore
//! let text = crypto::lock(&backup_text, "correct horse battery staple").await?;
//! let back = crypto::unlock(&encrypted::open(&text)?, "correct horse battery staple").await?;
//! ```

use js_sys::{Array, Uint8Array};
use thiserror::Error;
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;
use web_sys::{AesDerivedKeyParams, AesGcmParams, CryptoKey, Pbkdf2Params, SubtleCrypto};

use super::describe_js_error;
use crate::io::encrypted::{self, Sealed, ITERATIONS, IV_BYTES, SALT_BYTES};

#[derive(Clone, Debug, Error, PartialEq)]
pub enum CryptoError {
    #[error("this browser cannot encrypt ({0})")]
    Unavailable(String),
    #[error("that passphrase does not open this backup (or the file was changed since it was made)")]
    WrongPassphrase,
    #[error("the encryption failed ({0})")]
    Failed(String),
    #[error("the unlocked backup is not text")]
    NotText,
}

fn subtle() -> Result<(web_sys::Crypto, SubtleCrypto), CryptoError> {
    let window = web_sys::window().ok_or_else(|| CryptoError::Unavailable("no window".into()))?;
    let crypto = window.crypto().map_err(|err| CryptoError::Unavailable(describe_js_error(&err)))?;
    let subtle = crypto.subtle();
    Ok((crypto, subtle))
}

async fn resolve(promise: Result<js_sys::Promise, JsValue>) -> Result<JsValue, JsValue> {
    JsFuture::from(promise?).await
}

fn failed(err: JsValue) -> CryptoError {
    CryptoError::Failed(describe_js_error(&err))
}

/// The passphrase as a PBKDF2 base key that may be used for `usage`.
async fn pbkdf2_base(subtle: &SubtleCrypto, passphrase: &str, usage: &str) -> Result<CryptoKey, CryptoError> {
    let secret = Uint8Array::from(passphrase.as_bytes());
    let base = resolve(subtle.import_key_with_str("raw", &secret, "PBKDF2", false, &Array::of1(&usage.into())))
        .await
        .map_err(failed)?;
    base.dyn_into().map_err(failed)
}

/// The AES-GCM key for `passphrase` and `salt`.
async fn derive_key(
    subtle: &SubtleCrypto,
    passphrase: &str,
    salt: &[u8],
    iterations: u32,
) -> Result<CryptoKey, CryptoError> {
    let base = pbkdf2_base(subtle, passphrase, "deriveKey").await?;
    let params = Pbkdf2Params::new_with_str("PBKDF2", "SHA-256", iterations, &Uint8Array::from(salt));
    let key = resolve(subtle.derive_key_with_object_and_object(
        &params,
        &base,
        &AesDerivedKeyParams::new("AES-GCM", 256),
        false,
        &Array::of2(&"encrypt".into(), &"decrypt".into()),
    ))
    .await
    .map_err(failed)?;
    key.dyn_into().map_err(failed)
}

/// Encrypts a backup's text and returns the envelope's text.
pub async fn lock(plaintext: &str, passphrase: &str) -> Result<String, CryptoError> {
    let (crypto, subtle) = subtle()?;
    let mut salt = [0u8; SALT_BYTES];
    let mut iv = [0u8; IV_BYTES];
    crypto.get_random_values_with_u8_array(&mut salt).map_err(failed)?;
    crypto.get_random_values_with_u8_array(&mut iv).map_err(failed)?;
    let key = derive_key(&subtle, passphrase, &salt, ITERATIONS).await?;
    let params = AesGcmParams::new("AES-GCM", &Uint8Array::from(&iv[..]));
    let ciphertext =
        resolve(subtle.encrypt_with_object_and_u8_array(&params, &key, plaintext.as_bytes())).await.map_err(failed)?;
    let sealed = Sealed {
        iterations: ITERATIONS,
        salt: salt.to_vec(),
        iv: iv.to_vec(),
        ciphertext: Uint8Array::new(&ciphertext).to_vec(),
    };
    Ok(encrypted::seal(&sealed))
}

/// Decrypts a sealed backup. A wrong passphrase (or a changed file) fails the
/// authentication tag, so the result is either the exact text or an error.
pub async fn unlock(sealed: &Sealed, passphrase: &str) -> Result<String, CryptoError> {
    let (_, subtle) = subtle()?;
    let key = derive_key(&subtle, passphrase, &sealed.salt, sealed.iterations).await?;
    let params = AesGcmParams::new("AES-GCM", &Uint8Array::from(&sealed.iv[..]));
    let plaintext =
        resolve(subtle.decrypt_with_object_and_u8_array(&params, &key, &sealed.ciphertext)).await.map_err(|err| {
            match err.dyn_ref::<web_sys::DomException>() {
                Some(exception) if exception.name() == "OperationError" => CryptoError::WrongPassphrase,
                _ => failed(err),
            }
        })?;
    String::from_utf8(Uint8Array::new(&plaintext).to_vec()).map_err(|_| CryptoError::NotText)
}

/// The 32 key bits PBKDF2-SHA-256 derives from `passphrase` and `salt`, for
/// the workbook's lock (`io::lock`), whose every save encrypts synchronously
/// in Rust: WebCrypto's own AES is asynchronous only.
pub async fn derive_bits(passphrase: &str, salt: &[u8], iterations: u32) -> Result<[u8; 32], CryptoError> {
    let (_, subtle) = subtle()?;
    let base = pbkdf2_base(&subtle, passphrase, "deriveBits").await?;
    let params = Pbkdf2Params::new_with_str("PBKDF2", "SHA-256", iterations, &Uint8Array::from(salt));
    let bits = resolve(subtle.derive_bits_with_object(&params, &base, 256)).await.map_err(failed)?;
    Uint8Array::new(&bits).to_vec().try_into().map_err(|_| CryptoError::Failed("the key is not 256 bits".into()))
}

/// `N` random bytes from the browser's `crypto.getRandomValues`.
pub fn random_bytes<const N: usize>() -> Result<[u8; N], CryptoError> {
    let (crypto, _) = subtle()?;
    let mut bytes = [0u8; N];
    crypto.get_random_values_with_u8_array(&mut bytes).map_err(failed)?;
    Ok(bytes)
}

/// `text` in Unicode NFC, so that a passphrase typed on another keyboard
/// (é as one character or as e and an accent) derives the same key. The
/// browser's own `String.prototype.normalize`: no tables in the wasm.
pub fn nfc(text: &str) -> String {
    js_sys::JsString::from(text).normalize("NFC").into()
}
