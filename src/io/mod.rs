//! Text in, model out and back: pure functions with no browser code.

pub mod migrate;
pub mod stored;
