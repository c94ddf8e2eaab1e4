//! `brief keymap`: a keymap file checked, or a keymap printed as TOML.

use std::path::PathBuf;
use std::process::ExitCode;

use anyhow::{Context, bail};

use crate::keymap::{self, Keymap, PRESETS};

/// Checks a keymap file (default: the user's own), printing its errors to stderr; exits 1
/// when it has any.
pub fn check(path: Option<PathBuf>) -> anyhow::Result<ExitCode> {
    let path = match path.or_else(keymap::user_keymap_path) {
        Some(p) => p,
        None => bail!(
            "no keymap file named and no config folder found; name a file: brief keymap check FILE"
        ),
    };
    if !path.exists() {
        bail!(
            "{}: no such keymap file; create it or name another",
            path.display()
        );
    }
    match keymap::read_file(&path) {
        Ok(_) => {
            println!("{}: ok", path.display());
            Ok(ExitCode::SUCCESS)
        }
        Err(errors) => {
            for e in &errors {
                eprintln!("{e}");
            }
            Ok(ExitCode::from(1))
        }
    }
}

/// Prints a keymap as TOML: a preset, a keymap file, or with no choice the one in use.
pub fn show(choice: Option<&str>) -> anyhow::Result<ExitCode> {
    let keymap = match choice {
        Some(name) if PRESETS.iter().any(|(n, _)| *n == name) => {
            Keymap::preset(name).context("a bundled keymap does not parse")?
        }
        Some(name) if !std::path::Path::new(name).exists() => {
            let names: Vec<&str> = PRESETS.iter().map(|(n, _)| *n).collect();
            bail!(
                "no keymap named '{name}'; presets: {}, or give a file path",
                names.join(", ")
            );
        }
        _ => {
            let user = keymap::user_keymap_path();
            let (keymap, errors) = keymap::load(choice, user.as_deref());
            for e in &errors {
                eprintln!("brief: {e}");
            }
            keymap
        }
    };
    print!("{}", keymap.to_toml());
    Ok(ExitCode::SUCCESS)
}
