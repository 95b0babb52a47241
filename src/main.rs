//! The `linkage` binary: parse, run, exit; everything else is in the library.

use linkage::run::{self, Session};

fn main() -> std::process::ExitCode {
    let cli = run::parse();
    let session = Session::new(&cli);
    let result = run::run(&cli, &session);
    let code = run::exit_code(result);
    drop(session);
    code
}
