//! The `linkage` binary: everything happens in [`linkage::run`].

fn main() -> std::process::ExitCode {
    linkage::run::main()
}
