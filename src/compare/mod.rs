//! Comparing two editions of a briefing the way a careful reader would: paragraphs aligned
//! (numbering, re-wrapping and punctuation width set aside), then sentences, then words.

pub mod align;
pub mod changes;
pub mod editions;
pub mod numbering;
pub mod passage;
pub mod redline;
pub mod renumbering;
pub mod report;
pub mod substance;
pub mod units;
pub mod wording;

pub use changes::{Change, ChangeKind, Comparison, Row, Side, Summary};
pub use editions::compare;
