//! The rows an outline pane shows, kept while neither its outline nor its folding changes.

use std::cell::RefCell;
use std::sync::Arc;

use crate::index::outline::fresh_stamp;

/// The entries a pane shows, kept for the outline they were worked out from (by its
/// stamp) until the folding or the filter changes: a key that moves the reader finds the
/// section it is in without walking every entry of a long briefing's outline. With them,
/// which folding they were worked out for: a number no other pane or folding has.
#[derive(Clone, Debug)]
pub(super) struct Shown {
    pub(super) kept: RefCell<Option<(u64, Arc<[usize]>)>>,
    pub(super) folding: u64,
}

impl Shown {
    pub(super) fn forget(&mut self) {
        *self.kept.get_mut() = None;
        self.folding = fresh_stamp();
    }
}

impl Default for Shown {
    fn default() -> Shown {
        Shown {
            kept: RefCell::new(None),
            folding: fresh_stamp(),
        }
    }
}

/// What is kept is not part of the pane's state.
impl PartialEq for Shown {
    fn eq(&self, _: &Shown) -> bool {
        true
    }
}

impl Eq for Shown {}
