//! `brief --forget FILE...`: the edition last read of each briefing named is forgotten, so
//! the next time it opens nothing is said of what changed.

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use crate::doc::open::{OpenOptions, open_paths};
use crate::store::documents::Identity;
use crate::store::{Store, data_dir, document_key, editions};

/// Forgets the last-read editions of the briefings named; exit 1 when one did not open.
pub fn forget(
    paths: &[PathBuf],
    flag: Option<&Path>,
    options: OpenOptions,
) -> anyhow::Result<ExitCode> {
    let Some(dir) = data_dir(flag) else {
        anyhow::bail!("no data directory to forget in (use --data-dir)");
    };
    let opened = open_paths(paths, options);
    for e in &opened.errors {
        eprintln!("brief: {e}");
    }
    let store = Store::open(&dir).ok();
    for doc in &opened.documents {
        let own = document_key(doc);
        let mut keys = vec![own.clone()];
        if let Some(store) = &store
            && let Ok(Identity::Known(key)) = store.identify(&own, doc, &|_| false, false)
        {
            keys.push(key);
        }
        let mut forgot = false;
        for key in keys {
            forgot |= editions::forget(&dir, &key)?;
        }
        let name = doc
            .path
            .as_ref()
            .map_or(doc.name.clone(), |p| p.display().to_string());
        if forgot {
            println!("forgot the edition of {name} last read");
        } else {
            println!("no edition of {name} was kept");
        }
    }
    Ok(ExitCode::from(u8::from(!opened.errors.is_empty())))
}
