//! `brief`: a terminal reader for briefing documents. Files flow one way: loaded into an
//! immutable `Document`, indexed into an `Outline`, shown by `ui::draw` from the `App` state
//! that key actions change.
#![forbid(unsafe_code)]
#![cfg_attr(not(test), deny(clippy::unwrap_used))]

pub mod app;
pub mod background;
pub mod cli;
pub mod compare;
pub mod crash;
pub mod doc;
pub mod effects;
pub mod export;
pub mod index;
pub mod keymap;
pub mod reload;
pub mod store;
pub mod term;
pub mod trace;
pub mod ui;
pub mod vocabulary;
pub mod wire;
