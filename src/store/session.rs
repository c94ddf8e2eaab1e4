//! The last session: the documents that were open and where the reader was, for
//! `brief --recent`; and how the outline pane was left (shown or hidden, how wide), which
//! every start takes.

use rusqlite::params;

use super::anchor::Anchor;
use super::{Store, StoreError, now};

/// A document of the last session, for `brief --recent`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Recent {
    /// Its key (see [`super::documents`]).
    pub document: String,
    /// Where it was read from (`None` for the bundled briefing).
    pub path: Option<String>,
    /// Whether it was the one in the reader.
    pub current: bool,
    /// The paragraph at the top of the reader, for the current one.
    pub at: Option<Anchor>,
}

/// The outline pane as the last session left it.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct OutlineLayout {
    /// Whether it was shown (not counting a pane shown only while it had the keys).
    pub shown: bool,
    /// Its share of the terminal's width in thousandths, once the user chose one (`None`: a
    /// third).
    pub share: Option<u16>,
}

impl Store {
    /// Remembers how the outline pane is, in place of the last session's.
    pub fn save_outline(&mut self, outline: OutlineLayout) -> Result<(), StoreError> {
        self.conn.execute(
            "INSERT OR REPLACE INTO last_outline (id, shown, share, saved) VALUES (1, ?1, ?2, ?3)",
            params![outline.shown, outline.share, now()],
        )?;
        Ok(())
    }

    /// The outline pane as the last session left it, if one did.
    pub fn last_outline(&self) -> Result<Option<OutlineLayout>, StoreError> {
        let mut query = self
            .conn
            .prepare("SELECT shown, share FROM last_outline WHERE id = 1")?;
        let mut rows = query.query_map([], |r| {
            Ok(OutlineLayout {
                shown: r.get(0)?,
                share: r
                    .get::<_, Option<i64>>(1)?
                    .and_then(|s| u16::try_from(s.clamp(0, 1000)).ok()),
            })
        })?;
        Ok(rows.next().transpose()?)
    }

    /// Remembers the documents open now and where the reader is, in place of the last
    /// session.
    pub fn save_session(&mut self, documents: &[Recent]) -> Result<(), StoreError> {
        let tx = self.conn.transaction()?;
        tx.execute("DELETE FROM last_session", [])?;
        for (place, d) in documents.iter().enumerate() {
            tx.execute(
                "INSERT INTO last_session (place, document, path, current, fingerprint, position, quote, saved)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
                params![
                    place as i64,
                    d.document,
                    d.path,
                    d.current,
                    d.at.as_ref().map(|a| a.fingerprint.clone()),
                    d.at.as_ref().map(|a| a.position as i64),
                    d.at.as_ref().map(|a| a.quote.clone()),
                    now()
                ],
            )?;
        }
        tx.commit()?;
        Ok(())
    }

    /// The documents of the last session, in the order they were open.
    pub fn last_session(&self) -> Result<Vec<Recent>, StoreError> {
        let mut query = self.conn.prepare(
            "SELECT document, path, current, fingerprint, position, quote
             FROM last_session ORDER BY place",
        )?;
        let rows = query.query_map([], |r| {
            let fingerprint: Option<String> = r.get(3)?;
            Ok(Recent {
                document: r.get(0)?,
                path: r.get(1)?,
                current: r.get(2)?,
                at: match fingerprint {
                    Some(fingerprint) => Some(Anchor {
                        fingerprint,
                        position: r.get::<_, Option<i64>>(4)?.unwrap_or(0).max(0) as usize,
                        quote: r.get::<_, Option<String>>(5)?.unwrap_or_default(),
                        ..Anchor::default()
                    }),
                    None => None,
                },
            })
        })?;
        Ok(rows.collect::<Result<Vec<_>, _>>()?)
    }
}
