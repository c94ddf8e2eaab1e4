//! Questions asked in the status line: a bookmark's name, where to write the export (and
//! whether to write over a file there), whether to restore a note draft left over from an
//! earlier run, and whether a file is a new edition of a document with notes.

use super::focus::Focus;
use super::{App, Effect};
use crate::doc::BlockId;
use crate::store::Draft;
use crate::store::anchor::Anchor;
use crate::store::documents::Answer;
use crate::vocabulary::{Action, Mode};

/// What the answer is for.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Purpose {
    /// The name of a new bookmark on this paragraph.
    BookmarkName {
        /// The document.
        doc: usize,
        /// The paragraph.
        block: BlockId,
    },
    /// The file the briefing note is written to.
    ExportPath,
    /// Enter restores this draft; Esc keeps it for later.
    RestoreDraft(Box<Draft>),
    /// Words the Library view's documents must hold (applied as they are typed).
    LibraryFilter,
    /// `y` writes the briefing note over the file there, `n` leaves it.
    Overwrite(String),
    /// `y`: the open document is a new edition of a stored document, and takes its notes;
    /// `n`: it is a document of its own. Esc asks again next time.
    AttachNotes(Attach),
}

/// The question whether an open document is a new edition of a stored one with notes.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Attach {
    /// The open document.
    pub doc: usize,
    /// The stored document with notes.
    pub key: String,
    /// The file it was last read from.
    pub from: String,
    /// Its notes and bookmarks.
    pub count: crate::store::documents::Tally,
}

/// A question and the answer typed so far.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Prompt {
    /// What it is for.
    pub purpose: Purpose,
    /// The question.
    pub label: String,
    /// The answer typed so far.
    pub input: String,
}

impl Prompt {
    /// Whether the answer is typed (the draft question only takes Enter or Esc, the others
    /// y or n).
    pub fn takes_text(&self) -> bool {
        !matches!(self.purpose, Purpose::RestoreDraft(_)) && !self.is_yes_no()
    }

    /// Whether the question is answered with `y` or `n`.
    pub fn is_yes_no(&self) -> bool {
        matches!(
            self.purpose,
            Purpose::Overwrite(_) | Purpose::AttachNotes(_)
        )
    }
}

impl App {
    /// Asks a question in the status line.
    pub(super) fn ask(&mut self, purpose: Purpose, label: impl Into<String>, input: String) {
        self.focus = Focus::Prompt(Prompt {
            purpose,
            label: label.into(),
            input,
        });
    }

    /// Offers a draft left over from an earlier run (a question about a new edition waits
    /// for its answer).
    pub(super) fn offer_draft(&mut self, draft: Draft) {
        if let Some(Prompt {
            purpose: Purpose::AttachNotes(question),
            ..
        }) = self.take_prompt()
        {
            self.questions.push_front(question);
        }
        // The note's lines, as they would read on one line.
        let start: String = draft
            .note
            .body
            .lines()
            .collect::<Vec<_>>()
            .join(" / ")
            .chars()
            .take(30)
            .collect();
        let keys: Vec<String> = [(Action::Go, "restore it"), (Action::Close, "later")]
            .into_iter()
            .filter_map(|(action, what)| {
                self.keymap
                    .hint_key(Mode::Prompt, action)
                    .map(|k| format!("{k}: {what}"))
            })
            .collect();
        self.ask(
            Purpose::RestoreDraft(Box::new(draft)),
            format!(
                "An unsaved note was kept (“{start}…”). {}",
                keys.join(" · ")
            ),
            String::new(),
        );
    }

    /// Enter on the prompt.
    pub(super) fn answer_prompt(&mut self) -> Vec<Effect> {
        let Some(prompt) = self.take_prompt() else {
            return Vec::new();
        };
        let answer = prompt.input.trim().to_string();
        match prompt.purpose {
            Purpose::BookmarkName { doc, block } => {
                let anchor = Anchor::of(&self.docs[doc], block, None);
                let name = (!answer.is_empty()).then_some(answer);
                let said = match &name {
                    Some(name) => format!("Bookmarked as “{name}”"),
                    None => format!("Bookmarked “{}”", super::annotating::short(&anchor.quote)),
                };
                self.notify(said, false);
                vec![Effect::AddBookmark {
                    document: self.doc_keys[doc].clone(),
                    anchor,
                    name,
                }]
            }
            Purpose::ExportPath => {
                if answer.is_empty() {
                    self.notify("Export cancelled: no file given", false);
                    return Vec::new();
                }
                vec![Effect::Export {
                    path: answer,
                    overwrite: false,
                }]
            }
            Purpose::RestoreDraft(draft) => {
                self.restore_draft(*draft);
                Vec::new()
            }
            Purpose::LibraryFilter => {
                self.focus = Focus::Outline;
                Vec::new()
            }
            // Enter is no answer to a yes-or-no question: it stays asked.
            Purpose::Overwrite(_) | Purpose::AttachNotes(_) => {
                self.focus = Focus::Prompt(prompt);
                Vec::new()
            }
        }
    }

    /// `y` or `n` to a yes-or-no question.
    pub(super) fn answer_yes_no(&mut self, yes: bool) -> Vec<Effect> {
        let Some(prompt) = self.take_prompt() else {
            return Vec::new();
        };
        match prompt.purpose {
            Purpose::Overwrite(path) if yes => vec![Effect::Export {
                path,
                overwrite: true,
            }],
            Purpose::Overwrite(path) => {
                self.notify(format!("Not exported: {path} is left as it was"), false);
                Vec::new()
            }
            Purpose::AttachNotes(Attach { doc, key, .. }) => {
                let name = &self.docs[doc].name;
                let said = if yes {
                    format!("{name} takes the notes of the earlier edition")
                } else {
                    format!("{name} keeps notes of its own")
                };
                self.notify(said, false);
                let answer = if yes { Answer::Yes } else { Answer::No };
                vec![Effect::Attach { doc, key, answer }]
            }
            other => {
                self.focus = Focus::Prompt(Prompt {
                    purpose: other,
                    ..prompt
                });
                Vec::new()
            }
        }
    }

    /// Asks whether to write the briefing note over the file at `path`.
    pub(super) fn ask_overwrite(&mut self, path: String) {
        self.ask(
            Purpose::Overwrite(path.clone()),
            format!("{path} exists. Write over it? y/n"),
            String::new(),
        );
    }

    /// Queues the question whether open document `doc` is a new edition of a stored
    /// document with notes; it is asked when nothing else is.
    pub(super) fn ask_to_attach(
        &mut self,
        doc: usize,
        candidate: crate::store::documents::Candidate,
    ) {
        self.questions.push_back(Attach {
            doc,
            from: candidate.file_name(),
            count: candidate.count,
            key: candidate.key,
        });
        self.ask_next_question();
    }

    /// Asks the next queued question, when the reader or the outline has the keys.
    pub(super) fn ask_next_question(&mut self) {
        if !matches!(self.mode(), Mode::Reader | Mode::Outline) {
            return;
        }
        let Some(question) = self.questions.pop_front() else {
            return;
        };
        let name = self.docs.get(question.doc).map_or("", |d| d.name.as_str());
        let later = self
            .keymap
            .hint_key(Mode::Prompt, Action::Close)
            .map(|k| format!(" · {k}: later"))
            .unwrap_or_default();
        let label = format!(
            "Notes from {} ({}): attach them to this edition, {name}? y/n{later}",
            question.from, question.count
        );
        self.ask(Purpose::AttachNotes(question), label, String::new());
    }

    /// Esc on the prompt.
    pub(super) fn cancel_prompt(&mut self) -> Vec<Effect> {
        match self.take_prompt().map(|p| p.purpose) {
            Some(Purpose::RestoreDraft(_)) => {
                self.notify("The draft is kept; it is offered again next time", false)
            }
            Some(Purpose::LibraryFilter) => {
                self.library_filter.clear();
                self.rebuild_library();
                self.focus = Focus::Outline;
            }
            Some(Purpose::AttachNotes(Attach { doc, key, .. })) => {
                let name = self.docs.get(doc).map_or("", |d| d.name.as_str());
                self.notify(format!("{name}: asked again next time it is opened"), false);
                return vec![Effect::Attach {
                    doc,
                    key,
                    answer: Answer::Later,
                }];
            }
            Some(Purpose::Overwrite(path)) => {
                self.notify(format!("Not exported: {path} is left as it was"), false)
            }
            _ => {}
        }
        Vec::new()
    }
}
