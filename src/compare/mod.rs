//! Comparing two wordings: what was deleted and what was inserted.

pub mod wording;
