//! What can be found in the open documents: built once from them, referring to text by block.

pub mod countries;
pub mod country_outline;
pub mod document_outline;
pub mod documents;
pub mod gazetteer;
pub mod jump;
pub mod jump_worker;
pub mod outline;
pub mod people;
pub mod people_outline;
pub mod pinyin_key;
pub mod pinyin_match;
pub mod text_search;
pub mod unfolding;
