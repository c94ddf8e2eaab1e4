//! The `brief` command: parse the command line and dispatch.

use std::process::ExitCode;

/// jemalloc: a library is read on every core, and the system allocator's per-thread arenas
/// would hold on to a third more memory.
#[cfg(not(target_env = "msvc"))]
#[global_allocator]
static ALLOCATOR: tikv_jemallocator::Jemalloc = tikv_jemallocator::Jemalloc;

fn main() -> ExitCode {
    brief::trace::start();
    brief::cli::main()
}
