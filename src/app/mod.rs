//! App state and `update(Action) -> Vec<Effect>`. No terminal or disk I/O happens here, so
//! every behaviour can be driven and checked without a terminal.

mod annotating;
pub mod annotations;
mod country_view;
mod documents_view;
pub mod editor;
mod effect;
pub mod focus;
mod help;
pub mod jumps;
mod keys;
pub mod layout;
pub mod library;
pub mod links;
pub mod message;
mod outline;
pub mod outline_pane;
pub mod outline_width;
pub mod palette;
mod panes;
mod people_view;
pub mod prompt;
mod reader;
pub mod redline;
mod reloading;
pub mod search;
pub mod table;
pub mod table_view;
pub mod wrap;

use std::sync::Arc;

use crate::doc::{BlockId, Document};
use crate::index::countries::{Countries, CountryOrder};
use crate::index::documents::Cited;
use crate::index::gazetteer::Gazetteer;
use crate::index::jump::JumpIndex;
use crate::index::outline::Outline;
use crate::index::people::People;
use crate::keymap::{Key, Keymap};
use crate::vocabulary::{Action, Mode};
pub use effect::Effect;
use focus::Focus;
use layout::Layout;
pub use message::{Arrival, Message, Notice};
use outline_pane::{OutlinePane, OutlineView, TreeView};
pub use panes::{NARROW_WIDTH, READER_MARGIN};
pub use reader::Highlight;

/// What the app starts from, found at the edges (the file system, the clock) and handed in.
#[derive(Clone, Debug)]
pub struct Start {
    /// The documents (at least one).
    pub docs: Vec<Document>,
    /// Each one's key in the store: the full path it was read from
    /// ([`crate::store::document_key`]).
    pub keys: Vec<String>,
    /// Today's date (`2025-11-20`), for the export's default file name.
    pub today: String,
}

/// Everything the screen shows, and the state keys change.
#[derive(Clone, Debug)]
pub struct App {
    /// The open documents, shared with the background workers.
    pub docs: Arc<Vec<Document>>,
    /// Their section outline.
    pub outline: Outline,
    /// The key bindings in use.
    pub keymap: Keymap,
    /// What has the keys: the reader, the outline, or the overlay open over them.
    pub focus: focus::Focus,
    /// The document in the reader.
    pub doc: usize,
    /// The current document laid out at the reader's width.
    pub layout: Layout,
    /// The first layout line shown in the reader.
    pub top: usize,
    /// The text at the top when the document was last laid out anew (document, block,
    /// byte in it, and the line it put at the top): kept while the reader stays there.
    top_text: Option<(usize, BlockId, usize, usize)>,
    /// The section outline's folding and selection.
    pub pane: OutlinePane,
    /// Which view the outline pane shows.
    pub view: OutlineView,
    /// Every place the documents name.
    pub countries: Countries,
    /// While the places of the documents the app started with are still being found (after
    /// the first frame): the documents replaced since, whose places are known already.
    pub places_pending: Option<Vec<usize>>,
    /// The Countries view: its tree, folding and selection.
    pub countries_view: TreeView,
    /// The Documents view: the documents cited, by kind.
    pub documents_view: TreeView,
    /// The documents the open documents cite: from the jump worker, or found when the
    /// Documents view is shown first; again after the documents change.
    pub documents_cited: Arc<Vec<Cited>>,
    /// Whether the documents changed since the documents cited were found.
    documents_cited_stale: bool,
    /// The people the documents name: from the jump worker, or found when needed first.
    pub people: Arc<People>,
    /// The People view: each person, their office and their mentions.
    pub people_view: TreeView,
    /// How the Countries view is sorted.
    pub country_order: CountryOrder,
    /// Places every passage must mention while the filter is on (empty: no filter).
    pub filter: Vec<usize>,
    /// People every passage must name while the filter is on, by name.
    pub filter_people: Vec<String>,
    /// Documents every passage must cite while the filter is on, by title.
    pub filter_documents: Vec<String>,
    /// The mention a jump landed on, highlighted in the reader.
    pub highlight: Option<Highlight>,
    /// The jump palette (meaningful while the mode is `Palette`).
    pub palette: palette::Palette,
    /// Jump candidates, once the background worker has built them.
    pub jump_index: Option<Arc<JumpIndex>>,
    /// Jump candidates for the user's bookmarks and notes (searched on this thread).
    pub marks_index: Arc<JumpIndex>,
    /// Where the reader was before each jump.
    pub jumps: jumps::JumpList,
    /// The `/` search, while it is typed and after.
    pub search: Option<search::TextSearch>,
    /// Whether the outline pane is shown.
    pub outline_visible: bool,
    /// Set when the pane was shown only to take focus, so leaving it hides it again.
    outline_shown_for_focus: bool,
    /// Set when the pane is hidden only because the terminal is too narrow for it (not by
    /// the user): it is remembered as shown, and a wide enough terminal shows it again.
    outline_hidden_for_width: bool,
    /// The outline pane's share of the terminal's width, in thousandths, once the user has
    /// chosen one (`None`: a third; see [`outline_width`]).
    pub outline_share: Option<u16>,
    /// The terminal size (columns, rows).
    pub size: (u16, u16),
    /// The help overlay, open over whatever has the focus: how far it is scrolled.
    pub help: Option<usize>,
    /// Keys typed so far of an unfinished chord.
    pub pending: Vec<Key>,
    /// The status line message, until the next key.
    pub message: Option<Notice>,
    /// Whether colours may be used (`NO_COLOR` turns them off).
    pub color: bool,
    /// The permissions an exported briefing note is written with (`--export-mode`).
    pub export_mode: u32,
    /// Each document's key in the store: the stored document it is (computed once when it
    /// is opened, then settled by the store: [`crate::store::documents`]).
    pub doc_keys: Vec<String>,
    /// Each document's path as a key: where it was opened from, whatever becomes of the
    /// file afterwards.
    pub doc_paths: Vec<String>,
    /// Two editions compared, when the reader shows their redline.
    pub redline: Option<redline::Redline>,
    /// Two editions to compare once the reader is up (`brief diff` on a terminal).
    pub to_compare: Option<Box<redline::ToCompare>>,
    /// The edition last read of each open document that has changed since.
    pub last_read: std::collections::HashMap<usize, redline::LastRead>,
    /// Whether each document's key is settled (found in the store, or asked about).
    pub identified: Vec<bool>,
    /// Documents that may be new editions of documents with notes, waiting to be asked
    /// about.
    pub questions: std::collections::VecDeque<prompt::Attach>,
    /// The bookmarks and notes of the open documents.
    pub annotations: annotations::Annotations,
    /// Moved by every message that may change what the screen shows.
    revision: u64,
    /// Moved with the revision, but not by a message that only scrolled the reader's text:
    /// while it stays, the reader's rows still in view look as they did, moved.
    text_revision: u64,
    /// Set by a scroll that moved the reader's text and changed nothing else in it.
    only_scrolled: bool,
    /// Set by an action that changed nothing the screen shows (a scroll past the end).
    unchanged: bool,
    /// The reader's width a long document is being laid out at in the background, asked
    /// for by the message being taken in.
    layout_wanted: Option<u16>,
    /// The reader was at the end when a new width or height was asked for: the end stays
    /// in view once laid out at it (in the background, for a long briefing).
    keep_end: bool,
    /// The Bookmarks view: its tree, selection, and the bookmark of each entry.
    pub bookmarks_view: TreeView<Option<usize>>,
    /// The Notes view: its tree, selection, and the note of each entry.
    pub notes_view: TreeView<Option<usize>>,
    /// The last bookmark or note deleted, for undo.
    pub deleted: Option<annotating::Deleted>,
    /// Today's date (`2025-11-20`), for the export's default file name.
    pub today: String,
    /// Documents removed from disk while open.
    pub gone: std::collections::BTreeSet<usize>,
    /// While a library is read in the background: files read, of how many, counting those
    /// open before (the first, shown at once).
    pub loading: Option<(usize, usize)>,
    /// The keys of the files named that are still being read: documents of their own, which
    /// a file read before them is never taken for.
    pub coming: Vec<String>,
    /// The Countries view's tree no longer matches the documents (built when next shown).
    country_tree_stale: bool,
    /// Whether `people` is older than the documents.
    people_stale: bool,
    /// Whether a jump worker finds the people and the documents cited (in the reader, not
    /// in a test): the views wait for it rather than find them on the event loop.
    pub people_come_later: bool,
    /// The Library view: its list and selection.
    pub library_view: TreeView,
    /// How the Library view is sorted.
    pub library_order: library::LibraryOrder,
    /// Words the Library view's documents must hold (`/` in the view).
    pub library_filter: String,
    /// The Links view: its list, selection, and the link (block, index) of each entry.
    pub links_view: TreeView<(BlockId, usize)>,
    /// Asked for the end of a document still being read: the reader goes there once it is.
    pub to_end_when_read: bool,
    /// The place of the last session, past the first part of the document shown: the
    /// reader goes there once the whole is read.
    return_when_read: Option<(usize, crate::store::anchor::Anchor)>,
}

impl App {
    /// An app showing the documents it starts from with `keymap`, for a terminal of `size`.
    pub fn new(start: Start, keymap: Keymap, size: (u16, u16)) -> App {
        let countries = Countries::build(&start.docs, Gazetteer::bundled());
        App::build(start, keymap, size, countries, None)
    }

    /// Like [`App::new`], but the places the documents name are left to find after the
    /// first frame: they arrive as [`Message::Places`].
    pub fn places_later(start: Start, keymap: Keymap, size: (u16, u16)) -> App {
        App::build(start, keymap, size, Countries::default(), Some(Vec::new()))
    }

    fn build(
        start: Start,
        keymap: Keymap,
        size: (u16, u16),
        countries: Countries,
        places_pending: Option<Vec<usize>>,
    ) -> App {
        let Start { docs, keys, today } = start;
        let outline = Outline::build(&docs);
        crate::trace::phase("outline");
        let doc_paths = keys;
        let mut app = App {
            docs: Arc::new(docs),
            outline,
            keymap,
            focus: Focus::Reader,
            doc: 0,
            layout: Layout::default(),
            top: 0,
            top_text: None,
            pane: OutlinePane::default(),
            view: OutlineView::Sections,
            countries,
            places_pending,
            countries_view: TreeView::default(),
            documents_view: TreeView::default(),
            documents_cited: Arc::default(),
            documents_cited_stale: true,
            people: Arc::default(),
            people_view: TreeView::default(),
            country_order: CountryOrder::default(),
            filter: Vec::new(),
            filter_people: Vec::new(),
            filter_documents: Vec::new(),
            highlight: None,
            palette: palette::Palette::default(),
            jump_index: None,
            marks_index: Arc::default(),
            jumps: jumps::JumpList::default(),
            search: None,
            outline_visible: size.0 >= NARROW_WIDTH,
            outline_shown_for_focus: false,
            outline_hidden_for_width: size.0 < NARROW_WIDTH,
            outline_share: None,
            size,
            help: None,
            pending: Vec::new(),
            message: None,
            color: true,
            export_mode: crate::store::PRIVATE_FILE,
            doc_keys: doc_paths.clone(),
            identified: vec![false; doc_paths.len()],
            doc_paths,
            redline: None,
            last_read: Default::default(),
            to_compare: None,
            questions: Default::default(),
            annotations: annotations::Annotations::default(),
            revision: 0,
            text_revision: 0,
            only_scrolled: false,
            unchanged: false,
            layout_wanted: None,
            keep_end: false,
            bookmarks_view: TreeView::default(),
            notes_view: TreeView::default(),
            deleted: None,
            today,
            gone: Default::default(),
            loading: None,
            coming: Vec::new(),
            country_tree_stale: true,
            people_stale: true,
            people_come_later: false,
            library_view: TreeView::default(),
            library_order: library::LibraryOrder::default(),
            library_filter: String::new(),
            links_view: TreeView::default(),
            to_end_when_read: false,
            return_when_read: None,
        };
        app.relayout();
        app.follow_position();
        app
    }

    /// Shows a message in the status line.
    pub(super) fn notify(&mut self, text: impl Into<String>, is_error: bool) {
        self.message = Some(Notice {
            text: text.into(),
            is_error,
        });
    }

    /// Carries out an action.
    fn act(&mut self, action: Action) -> Vec<Effect> {
        self.unchanged = false;
        let mode = self.mode();
        if let (Mode::Palette | Mode::Search | Mode::Prompt, Some(edit)) =
            (mode, keys::LineEdit::of(action))
        {
            return self.edit_line(edit);
        }
        match (mode, action) {
            (_, Action::Quit) => return vec![Effect::Quit],
            (_, Action::Suspend) => return vec![Effect::Suspend],
            // Closing the help goes back to what has the focus under it: the note, the
            // question...
            (Mode::Help, Action::Help | Action::Close) => self.help = None,
            (_, Action::Help) => self.help = Some(0),
            (Mode::Help, _) => self.scroll_help(action),
            (Mode::Palette, _) => return self.palette_action(action),
            (Mode::Search, Action::Go) => self.confirm_search(),
            (Mode::Search, Action::Close) => self.cancel_search(),
            (Mode::Search, _) => {}
            (Mode::Editor, Action::SaveNote) => return self.save_note(),
            (Mode::Editor, _) => {}
            (Mode::Prompt, Action::Go) => return self.answer_prompt(),
            (Mode::Prompt, Action::Close) => return self.cancel_prompt(),
            (Mode::Prompt, _) => {}
            (Mode::Table, _) => return self.table_action(action),
            (Mode::Reader, _) if self.redline_action(action) => {}
            (Mode::Reader, Action::Follow) => return self.follow(),
            (Mode::Reader, Action::Close) => self.clear_search(),
            (_, Action::OpenJump) => return self.open_palette(),
            (Mode::Outline, Action::Search) if self.view == OutlineView::Library => {
                let typed = self.library_filter.clone();
                self.ask(
                    prompt::Purpose::LibraryFilter,
                    "Filter the library: ",
                    typed,
                );
            }
            (_, Action::Search) => self.open_search(),
            (_, Action::JumpBack) => self.walk_jumps(true),
            (_, Action::JumpForward) => self.walk_jumps(false),
            (_, Action::ToggleOutline) => {
                self.outline_visible = !self.outline_visible;
                self.outline_shown_for_focus = false;
                self.outline_hidden_for_width = false;
                if !self.outline_visible && self.mode() == Mode::Outline {
                    self.focus = Focus::Reader;
                }
                self.relayout_at_new_width();
            }
            (_, Action::NarrowOutline) => self.change_outline_width(false),
            (_, Action::WidenOutline) => self.change_outline_width(true),
            (Mode::Reader, Action::FocusOutline) => self.enter_outline(),
            (Mode::Outline, Action::FocusOutline | Action::Close) => self.leave_outline(),
            (Mode::Outline, Action::NextOutlineView | Action::PreviousOutlineView) => {
                let to = match action {
                    Action::NextOutlineView => self.view.next(),
                    _ => self.view.previous(),
                };
                match to {
                    Some(view) => return self.show_outline_view(view),
                    None => {
                        self.view = OutlineView::Sections;
                        self.leave_outline();
                    }
                }
            }
            (_, Action::Bookmarks) => {
                self.enter_outline();
                self.view = OutlineView::Bookmarks;
                return vec![Effect::RefreshAnnotations];
            }
            (Mode::Reader, Action::ToggleBookmark | Action::NameBookmark | Action::Annotate)
                if self.redline.as_ref().is_some_and(|r| r.doc == self.doc) =>
            {
                self.notify(
                    "A redline takes no bookmarks or notes: mark the passage in the edition itself",
                    false,
                );
            }
            (Mode::Reader, Action::ToggleBookmark | Action::NameBookmark | Action::Annotate)
                if self.document().is_first_part() =>
            {
                // Where the passage stands in the whole is not known yet.
                self.notify(
                    "Still reading the rest of this briefing; mark the passage once it is read",
                    false,
                );
            }
            (Mode::Reader, Action::ToggleBookmark) => return self.toggle_bookmark(),
            (Mode::Reader, Action::NameBookmark) => self.name_bookmark(),
            (Mode::Reader, Action::Annotate) => self.annotate_here(),
            (Mode::Reader, Action::Copy) => return self.copy_here(),
            (_, Action::Links) => self.open_links(),
            (Mode::Outline, Action::Go) if self.view == OutlineView::Links => {
                return self.follow_selected_link();
            }
            (Mode::Outline, Action::Copy) if self.view == OutlineView::Links => {
                return self.copy_selected_link();
            }
            (_, Action::Export) => self.ask_export_path(),
            (Mode::Outline, Action::Delete) => return self.delete_selected(),
            (Mode::Outline, Action::Undo) => return self.undo_delete(),
            (Mode::Outline, Action::EditNote) => self.edit_selected_note(),
            (Mode::Outline, Action::Copy) => return self.copy_selected(),
            (_, Action::ClearFilter) => self.clear_filter(),
            (Mode::Outline, _) => self.outline_action(action),
            (Mode::Reader, _) => self.reader_action(action),
        }
        Vec::new()
    }
}

#[cfg(test)]
mod tests;
