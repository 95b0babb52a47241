//! The `linkage` binary: parse, run, exit; everything else is in the library.

use linkage::run::{self, Session};

fn main() -> std::process::ExitCode {
    let cli = run::parse();
    let session = Session::new(&cli);
    let result = run::run(&cli, &session);
    let code = run::exit_code(result);
    // The loaded graph is left to the operating system, which takes a process's memory
    // back at once: freeing a million relations one by one first costs a tenth of a
    // warm start at that size (bench/README.md). The session holds only memory.
    std::mem::forget(session);
    code
}
