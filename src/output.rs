//! Standard output for the commands: a reader that stops reading (`dossier stories | head`)
//! ends the program quietly, as command-line tools do, instead of a panic from `println!`.

use std::io::{ErrorKind, Write};

/// Writes `args` and a newline to standard output. A closed pipe exits the process with
/// status 0 (everything the reader wanted was written); other errors are returned.
pub fn line(args: std::fmt::Arguments<'_>) -> std::io::Result<()> {
    let mut out = std::io::stdout().lock();
    match out.write_fmt(args).and_then(|()| out.write_all(b"\n")) {
        Err(e) if e.kind() == ErrorKind::BrokenPipe => std::process::exit(0),
        other => other,
    }
}

/// `println!` that ends quietly on a closed pipe and returns other write errors with `?`.
macro_rules! out {
    ($($arg:tt)*) => {
        $crate::output::line(format_args!($($arg)*))?
    };
}
pub(crate) use out;
