//! What can be found in the open documents: built once from them, referring to text by block.

pub mod outline;
