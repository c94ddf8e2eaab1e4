//! The words every layer shares: what a user can ask for ([`Action`]) and where keys go
//! ([`Mode`]). Keymap files name both; the app carries actions out in a mode; the help and
//! the status line show them. Nothing here depends on the rest of brief.

mod action;
mod meaning;
mod mode;

pub use action::Action;
pub use mode::Mode;
