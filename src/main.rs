//! The `linkage` binary: parse, run, exit; everything else is in the library.

fn main() -> std::process::ExitCode {
    // The loaded graph is left to the operating system, which takes a process's memory
    // back at once: freeing a million relations one by one first costs a tenth of a
    // warm start at that size (bench/HISTORY.md). The session holds only memory.
    std::process::ExitCode::from(linkage::run::main_with_args(std::env::args_os()))
}
