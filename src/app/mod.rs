//! App state and `update(Action) -> Vec<Effect>`. No terminal or disk I/O happens here, so
//! every behaviour can be driven and checked without a terminal.

mod annotating;
pub mod annotations;
mod country_view;
pub mod editor;
pub mod focus;
pub mod jumps;
mod keys;
pub mod layout;
pub mod library;
pub mod links;
pub mod message;
pub mod outline_pane;
pub mod palette;
pub mod prompt;
mod reloading;
pub mod search;
pub mod table;
pub mod table_view;
pub mod wrap;

use std::ops::Range;
use std::sync::Arc;

use crate::doc::{BlockId, Document};
use crate::index::countries::{Countries, CountryOrder};
use crate::index::gazetteer::Gazetteer;
use crate::index::jump::JumpIndex;
use crate::index::outline::Outline;
use crate::keymap::{Key, Keymap};
use crate::vocabulary::{Action, Mode};
use layout::{Layout, LineRole};
pub use message::{Arrival, Message};
use outline_pane::{OutlinePane, OutlineView};

/// Terminals narrower than this start with the outline pane hidden.
pub const NARROW_WIDTH: u16 = 80;

/// Blank columns on each side of the reader's text.
pub const READER_MARGIN: u16 = 1;

/// Something `update` asks the runtime to do.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Effect {
    /// Leave brief, restoring the terminal.
    Quit,
    /// Ask the jump worker for the matches of a palette query.
    FindMatches {
        /// Answers carry this back, so stale ones can be dropped.
        generation: u64,
        /// The query as typed.
        query: String,
    },
    /// Store a new bookmark.
    AddBookmark {
        /// The document's store key.
        document: String,
        /// The paragraph.
        anchor: crate::store::anchor::Anchor,
        /// The name the user gave it.
        name: Option<String>,
    },
    /// Delete a bookmark.
    RemoveBookmark(crate::store::Bookmark),
    /// Put a deleted bookmark back.
    RestoreBookmark(crate::store::Bookmark),
    /// Save a note (new or edited), then drop its draft.
    SaveNote {
        /// The note.
        note: crate::store::Note,
        /// Its draft's row (0: none).
        draft: i64,
        /// What the status line says once it is saved.
        said: String,
        /// An edited note's text when the editor opened it: if the store holds another text
        /// by now (another `brief` saved it meanwhile), both are kept.
        was: Option<String>,
    },
    /// Delete a note.
    DeleteNote(crate::store::Note),
    /// Drop a draft.
    DiscardDraft(i64),
    /// Keep the answer about a document that may be a new edition: its notes are those of
    /// the stored document `key`, or it is a document of its own, or ask again later.
    Attach {
        /// The open document.
        doc: usize,
        /// The stored document it may be.
        key: String,
        /// The answer.
        answer: crate::store::documents::Answer,
    },
    /// Read the bookmarks and notes again (another brief may have changed them).
    RefreshAnnotations,
    /// Put text on the clipboard through the terminal (OSC 52).
    Copy {
        /// The text.
        text: String,
        /// What it is, for the status line.
        what: String,
    },
    /// Open a briefing file a link leads to, and show it (at the heading its `#anchor`
    /// names).
    Open(std::path::PathBuf, Option<String>),
    /// Write the briefing note to a file.
    Export {
        /// The path as typed (`~/` is the home directory).
        path: String,
        /// Whether to write over a file already there (else the user is asked first).
        overwrite: bool,
    },
}

/// A message for the status line.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Notice {
    /// What to say.
    pub text: String,
    /// Whether it reports a problem.
    pub is_error: bool,
}

/// A stretch of a block shown highlighted in the reader (the mention a jump landed on).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Highlight {
    /// The document.
    pub doc: usize,
    /// The block.
    pub block: BlockId,
    /// Byte range in the block's text.
    pub range: Range<usize>,
}

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
    /// The section outline's folding and selection.
    pub pane: OutlinePane,
    /// Which view the outline pane shows.
    pub view: OutlineView,
    /// Every place the documents name.
    pub countries: Countries,
    /// The Countries view's tree.
    pub country_tree: Outline,
    /// The Countries view's folding and selection.
    pub country_pane: OutlinePane,
    /// How the Countries view is sorted.
    pub country_order: CountryOrder,
    /// Places every passage must mention while the filter is on (empty: no filter).
    pub filter: Vec<usize>,
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
    /// Whether each document's key is settled (found in the store, or asked about).
    pub identified: Vec<bool>,
    /// Documents that may be new editions of documents with notes, waiting to be asked
    /// about.
    pub questions: std::collections::VecDeque<prompt::Attach>,
    /// The bookmarks and notes of the open documents.
    pub annotations: annotations::Annotations,
    /// Moved by every message that may change what the screen shows.
    revision: u64,
    /// Set by an action that changed nothing the screen shows (a scroll past the end).
    unchanged: bool,
    /// The Bookmarks view's tree, and the bookmark of each entry.
    pub bookmark_tree: (Outline, Vec<Option<usize>>),
    /// The Bookmarks view's selection.
    pub bookmark_pane: OutlinePane,
    /// The Notes view's tree, and the note of each entry.
    pub note_tree: (Outline, Vec<Option<usize>>),
    /// The Notes view's selection.
    pub note_pane: OutlinePane,
    /// The last bookmark or note deleted, for undo.
    pub deleted: Option<annotating::Deleted>,
    /// Today's date (`2025-11-20`), for the export's default file name.
    pub today: String,
    /// Documents removed from disk while open.
    pub gone: std::collections::BTreeSet<usize>,
    /// While a library is read in the background: files read, of how many.
    pub loading: Option<(usize, usize)>,
    /// The keys of the files named that are still being read: documents of their own, which
    /// a file read before them is never taken for.
    pub coming: Vec<String>,
    /// The Countries view's tree no longer matches the documents (built when next shown).
    country_tree_stale: bool,
    /// The Library view's list.
    pub library_tree: Outline,
    /// The Library view's selection.
    pub library_pane: OutlinePane,
    /// How the Library view is sorted.
    pub library_order: library::LibraryOrder,
    /// Words the Library view's documents must hold (`/` in the view).
    pub library_filter: String,
    /// The Links view's list, and the link (block, index) of each entry.
    pub links_tree: (Outline, Vec<(BlockId, usize)>),
    /// The Links view's selection.
    pub links_pane: OutlinePane,
}

impl App {
    /// An app showing the documents it starts from with `keymap`, for a terminal of `size`.
    pub fn new(start: Start, keymap: Keymap, size: (u16, u16)) -> App {
        let Start { docs, keys, today } = start;
        let outline = Outline::build(&docs);
        let countries = Countries::build(&docs, Gazetteer::bundled());
        let doc_paths = keys;
        let mut app = App {
            docs: Arc::new(docs),
            outline,
            keymap,
            focus: focus::Focus::Reader,
            doc: 0,
            layout: Layout::default(),
            top: 0,
            pane: OutlinePane::default(),
            view: OutlineView::Sections,
            countries,
            country_tree: Outline::default(),
            country_pane: OutlinePane::default(),
            country_order: CountryOrder::default(),
            filter: Vec::new(),
            highlight: None,
            palette: palette::Palette::default(),
            jump_index: None,
            marks_index: Arc::default(),
            jumps: jumps::JumpList::default(),
            search: None,
            outline_visible: size.0 >= NARROW_WIDTH,
            outline_shown_for_focus: false,
            size,
            help: None,
            pending: Vec::new(),
            message: None,
            color: true,
            export_mode: crate::store::PRIVATE_FILE,
            doc_keys: doc_paths.clone(),
            identified: vec![false; doc_paths.len()],
            doc_paths,
            questions: Default::default(),
            annotations: annotations::Annotations::default(),
            revision: 0,
            unchanged: false,
            bookmark_tree: Default::default(),
            bookmark_pane: OutlinePane::default(),
            note_tree: Default::default(),
            note_pane: OutlinePane::default(),
            deleted: None,
            today,
            gone: Default::default(),
            loading: None,
            coming: Vec::new(),
            country_tree_stale: true,
            library_tree: Outline::default(),
            library_pane: OutlinePane::default(),
            library_order: library::LibraryOrder::default(),
            library_filter: String::new(),
            links_tree: Default::default(),
            links_pane: OutlinePane::default(),
        };
        app.relayout();
        app.follow_position();
        app
    }

    /// Shows the Library view, focused (`brief --library`).
    fn open_library(&mut self) {
        self.enter_outline();
        self.view = OutlineView::Library;
        self.rebuild_library();
    }

    /// The document in the reader.
    pub fn document(&self) -> &Document {
        &self.docs[self.doc]
    }

    /// The outline pane's width, when shown.
    pub fn outline_width(&self) -> u16 {
        if !self.outline_visible {
            return 0;
        }
        (self.size.0 / 3)
            .clamp(20, 40)
            .min(self.size.0.saturating_sub(20))
    }

    /// The width and height of the reader's text (the status line takes the last row).
    pub fn reader_size(&self) -> (u16, u16) {
        let separator = u16::from(self.outline_visible);
        let width = self
            .size
            .0
            .saturating_sub(self.outline_width() + separator + 2 * READER_MARGIN)
            .max(1);
        (width, self.size.1.saturating_sub(1).max(1))
    }

    /// The rows the outline pane has for its entries (its title takes the first).
    pub fn outline_rows(&self) -> u16 {
        self.reader_size().1.saturating_sub(1).max(1)
    }

    /// The largest `top` that still fills the reader.
    fn max_top(&self) -> usize {
        self.layout
            .lines
            .len()
            .saturating_sub(usize::from(self.reader_size().1))
    }

    /// The block at the top of the reader.
    pub fn current_block(&self) -> BlockId {
        let line = self.top.min(self.layout.lines.len().saturating_sub(1));
        match self.layout.lines.get(line) {
            Some(l) if l.role() == LineRole::Gap => self.layout.block_at(line + 1),
            _ => self.layout.block_at(line),
        }
    }

    /// The outline entry the reader is in ("you are here").
    pub fn here(&self) -> Option<usize> {
        self.outline.entry_at(self.doc, self.current_block())
    }

    /// How far through the document the bottom of the reader is, in percent.
    pub fn percent(&self) -> usize {
        let total = self.layout.lines.len().max(1);
        let bottom = (self.top + usize::from(self.reader_size().1)).min(total);
        bottom * 100 / total
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
        match (self.mode(), action) {
            (_, Action::Quit) => return vec![Effect::Quit],
            // Closing the help goes back to what has the focus under it: the note, the
            // question...
            (Mode::Help, Action::Help | Action::Close) => self.help = None,
            (_, Action::Help) => self.help = Some(0),
            (Mode::Help, _) => self.scroll_help(action),
            (Mode::Palette | Mode::Search | Mode::Prompt, _)
                if keys::LineEdit::of(action).is_some() =>
            {
                return keys::LineEdit::of(action).map_or_else(Vec::new, |e| self.edit_line(e));
            }
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
            (Mode::Reader, Action::Follow) => return self.follow(),
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
                if !self.outline_visible && self.mode() == Mode::Outline {
                    self.focus = focus::Focus::Reader;
                }
                self.relayout();
            }
            (Mode::Reader, Action::FocusOutline) => self.enter_outline(),
            (Mode::Outline, Action::FocusOutline | Action::Close) => self.leave_outline(),
            (Mode::Outline, Action::NextOutlineView) => match self.view.next() {
                Some(view) => {
                    self.view = view;
                    if view == OutlineView::Countries && self.country_tree_stale {
                        self.country_tree_stale = false;
                        self.rebuild_country_tree();
                    }
                    if view == OutlineView::Library {
                        self.rebuild_library();
                    }
                    if matches!(view, OutlineView::Bookmarks | OutlineView::Notes) {
                        return vec![Effect::RefreshAnnotations];
                    }
                }
                None => {
                    self.view = OutlineView::Sections;
                    self.leave_outline();
                }
            },
            (_, Action::Bookmarks) => {
                self.enter_outline();
                self.view = OutlineView::Bookmarks;
                return vec![Effect::RefreshAnnotations];
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

    fn reader_action(&mut self, action: Action) {
        // What the reader shows, to tell whether the action changed it.
        let before = (
            self.doc,
            self.top,
            self.highlight.clone(),
            self.message.clone(),
            self.search.as_ref().map(|s| s.current),
            (self.pane.selected, self.pane.offset),
        );
        self.reader_move(action);
        let after = (
            self.doc,
            self.top,
            self.highlight.clone(),
            self.message.clone(),
            self.search.as_ref().map(|s| s.current),
            (self.pane.selected, self.pane.offset),
        );
        self.unchanged = before == after;
    }

    fn reader_move(&mut self, action: Action) {
        // A jump's highlight lasts until the reader moves on.
        self.highlight = None;
        let page = i32::from(self.reader_size().1) as isize;
        match action {
            Action::Down => self.scroll_by(1),
            Action::Up => self.scroll_by(-1),
            Action::PageDown => self.scroll_by(page),
            Action::PageUp => self.scroll_by(-page),
            Action::HalfPageDown => self.scroll_by(page / 2),
            Action::HalfPageUp => self.scroll_by(-page / 2),
            Action::Top => self.jump_to(0),
            Action::Bottom => self.jump_to(self.max_top()),
            Action::NextSection => {
                let next = self.heading_starts().into_iter().find(|&l| l > self.top);
                match next {
                    Some(line) => self.jump_to(line),
                    None => self.notify("No section after this one", false),
                }
            }
            Action::PrevSection => {
                let prev = self
                    .heading_starts()
                    .into_iter()
                    .rev()
                    .find(|&l| l < self.top);
                self.jump_to(prev.unwrap_or(0));
            }
            Action::NextParagraph => {
                let next = self
                    .layout
                    .block_starts
                    .iter()
                    .copied()
                    .find(|&l| l > self.top);
                match next {
                    Some(line) => self.jump_to(line),
                    None => self.jump_to(self.max_top().max(self.top)),
                }
            }
            Action::PrevParagraph => {
                let prev = self
                    .layout
                    .block_starts
                    .iter()
                    .copied()
                    .rev()
                    .find(|&l| l < self.top);
                self.jump_to(prev.unwrap_or(0));
            }
            Action::NextMatch => self.move_to_match(true),
            Action::PrevMatch => self.move_to_match(false),
            _ => {}
        }
    }

    /// `n` / `N`: search matches when a search is on, else passages of the country filter.
    fn move_to_match(&mut self, forward: bool) {
        if !self.next_search_match(forward) {
            self.next_match(forward);
        }
    }

    fn palette_action(&mut self, action: Action) -> Vec<Effect> {
        let page = isize::try_from(self.size.1 / 2).unwrap_or(10);
        match action {
            Action::Close => self.focus = focus::Focus::Reader,
            Action::Go => self.palette_go(),
            Action::Down => self.palette_move(1),
            Action::Up => self.palette_move(-1),
            Action::PageDown | Action::HalfPageDown => self.palette_move(page),
            Action::PageUp | Action::HalfPageUp => self.palette_move(-page),
            Action::Top => self.palette_move(isize::MIN / 2),
            Action::Bottom => self.palette_move(isize::MAX / 2),
            _ => {}
        }
        Vec::new()
    }

    /// The tree and pane state of the view the outline pane shows.
    pub fn shown(&self) -> (&Outline, &OutlinePane) {
        match self.view {
            OutlineView::Sections => (&self.outline, &self.pane),
            OutlineView::Countries => (&self.country_tree, &self.country_pane),
            OutlineView::Bookmarks => (&self.bookmark_tree.0, &self.bookmark_pane),
            OutlineView::Notes => (&self.note_tree.0, &self.note_pane),
            OutlineView::Library => (&self.library_tree, &self.library_pane),
            OutlineView::Links => (&self.links_tree.0, &self.links_pane),
        }
    }

    fn shown_mut(&mut self) -> (&Outline, &mut OutlinePane) {
        match self.view {
            OutlineView::Sections => (&self.outline, &mut self.pane),
            OutlineView::Countries => (&self.country_tree, &mut self.country_pane),
            OutlineView::Bookmarks => (&self.bookmark_tree.0, &mut self.bookmark_pane),
            OutlineView::Notes => (&self.note_tree.0, &mut self.note_pane),
            OutlineView::Library => (&self.library_tree, &mut self.library_pane),
            OutlineView::Links => (&self.links_tree.0, &mut self.links_pane),
        }
    }

    fn outline_action(&mut self, action: Action) {
        let height = usize::from(self.outline_rows());
        let page = height.max(2) as isize - 1;
        let countries_view = self.view == OutlineView::Countries;
        match action {
            Action::Go => {
                let (tree, pane) = self.shown();
                let selected = pane.selected;
                let annotation_view =
                    matches!(self.view, OutlineView::Bookmarks | OutlineView::Notes);
                if annotation_view
                    && tree
                        .entries
                        .get(selected)
                        .is_some_and(|e| e.block.is_none() && !e.has_children)
                {
                    self.notify(
                        "Detached: its paragraph is no longer in the document (the note is kept)",
                        false,
                    );
                    return;
                }
                if (countries_view || annotation_view)
                    && tree
                        .entries
                        .get(selected)
                        .is_some_and(|e| e.block.is_none())
                {
                    // A group heading: nothing to jump to, so open or close it.
                    let (tree, pane) = self.shown_mut();
                    pane.toggle_fold(tree);
                    return;
                }
                self.record_jump();
                self.go_to_entry(selected);
                self.leave_outline();
                return;
            }
            Action::CycleCountryOrder if self.view == OutlineView::Library => {
                self.library_order = self.library_order.next();
                self.rebuild_library();
                self.notify(
                    format!("Library sorted {}", self.library_order.label()),
                    false,
                );
                return;
            }
            Action::CycleCountryOrder if countries_view => {
                self.country_order = self.country_order.next();
                self.rebuild_country_tree();
                self.notify(
                    format!("Countries sorted {}", self.country_order.label()),
                    false,
                );
                return;
            }
            Action::FilterByCountry => {
                self.toggle_filter();
                return;
            }
            _ => {}
        }
        let (tree, pane) = self.shown_mut();
        match action {
            Action::Down => pane.move_by(tree, 1),
            Action::Up => pane.move_by(tree, -1),
            Action::PageDown | Action::HalfPageDown => pane.move_by(tree, page),
            Action::PageUp | Action::HalfPageUp => pane.move_by(tree, -page),
            Action::Top => pane.move_to_end(tree, false),
            Action::Bottom => pane.move_to_end(tree, true),
            Action::ToggleFold => pane.toggle_fold(tree),
            Action::Fold => pane.fold(tree),
            Action::Unfold => pane.unfold(),
            Action::FoldAll => pane.fold_all(tree),
            Action::UnfoldAll => pane.unfold_all(),
            _ => return,
        }
        pane.keep_selection_visible(tree, height);
    }

    /// Jumps the reader to an entry of the shown view, switching documents when needed; a
    /// mention is highlighted.
    pub fn go_to_entry(&mut self, entry: usize) {
        let (tree, _) = self.shown();
        let Some(e) = tree.entries.get(entry) else {
            return;
        };
        let (doc, block, span) = (e.doc, e.block, e.span.clone());
        self.highlight = match (block, span) {
            (Some(block), Some(range)) => Some(Highlight { doc, block, range }),
            _ => None,
        };
        self.show_block(doc, block);
    }

    /// Puts a block (or a document's start) at the top of the reader.
    fn show_block(&mut self, doc: usize, block: Option<BlockId>) {
        if doc != self.doc {
            self.doc = doc;
            self.top = 0;
            self.layout = Layout::default();
            self.relayout();
        }
        let line = block.map_or(0, |b| self.layout.block_start(b));
        self.jump_to(line);
    }

    fn enter_outline(&mut self) {
        if !self.outline_visible {
            self.outline_visible = true;
            self.outline_shown_for_focus = true;
            self.relayout();
        }
        self.focus = focus::Focus::Outline;
    }

    fn leave_outline(&mut self) {
        self.focus = focus::Focus::Reader;
        if std::mem::take(&mut self.outline_shown_for_focus) {
            self.outline_visible = false;
            self.relayout();
        }
        self.follow_position();
    }

    fn scroll_help(&mut self, action: Action) {
        let page = usize::from(self.size.1.saturating_sub(4)).max(1);
        let scroll = self.help_scroll();
        let scroll = match action {
            Action::Down => scroll + 1,
            Action::Up => scroll.saturating_sub(1),
            Action::PageDown | Action::HalfPageDown => scroll + page,
            Action::PageUp | Action::HalfPageUp => scroll.saturating_sub(page),
            Action::Top => 0,
            Action::Bottom => usize::MAX / 2,
            _ => scroll,
        };
        let rows = crate::keymap::help::rows(&self.keymap).len();
        self.help = Some(scroll.min(rows.saturating_sub(page)));
    }

    /// The layout lines of every heading of the current document.
    fn heading_starts(&self) -> Vec<usize> {
        self.document()
            .headings()
            .map(|(id, _, _)| self.layout.block_start(id))
            .collect()
    }

    /// Scrolls by whole lines. Scrolling down stops when the last line reaches the bottom
    /// (or where a jump left the reader, if that is further).
    fn scroll_by(&mut self, delta: isize) {
        let limit = self.max_top().max(self.top);
        self.top = self.top.saturating_add_signed(delta).min(limit);
        self.follow_position();
    }

    /// Puts a line at the top of the reader, even near the end, so a jumped-to heading is
    /// always the first thing seen.
    fn jump_to(&mut self, line: usize) {
        self.top = line.min(self.layout.lines.len().saturating_sub(1));
        self.follow_position();
    }

    /// Moves the outline selection to where the reader is.
    fn follow_position(&mut self) {
        if let Some(here) = self.here() {
            self.pane.select(&self.outline, here);
        }
        let height = usize::from(self.outline_rows());
        self.pane.keep_selection_visible(&self.outline, height);
    }

    /// Lays the current document out at the reader's width, keeping the block at the top.
    fn relayout(&mut self) {
        let width = self.reader_size().0;
        if self.layout.width == width && !self.layout.lines.is_empty() {
            self.top = self.top.min(self.max_top());
            return;
        }
        // The block at the top and how many lines into it (-1: the gap above it).
        let anchor = (!self.layout.lines.is_empty()).then(|| {
            let block = self.current_block();
            (
                block,
                self.top as i64 - self.layout.block_start(block) as i64,
            )
        });
        self.layout = Layout::new(&self.docs[self.doc], width);
        self.top = match anchor {
            Some((block, offset)) => {
                let start = self.layout.block_start(block);
                let next = self
                    .layout
                    .block_starts
                    .get(block.0 + 1)
                    .copied()
                    .unwrap_or(usize::MAX);
                usize::try_from(start as i64 + offset)
                    .unwrap_or(0)
                    .min(next.saturating_sub(1))
                    .min(self.max_top())
            }
            None => 0,
        };
    }
}

#[cfg(test)]
mod tests;
