//! The `brief` command: parse the command line and dispatch.

use std::process::ExitCode;

fn main() -> ExitCode {
    brief::cli::main()
}
