use std::process::ExitCode;

fn main() -> ExitCode {
    // Panic messages could quote input; print only where it happened. Per-file panics are
    // caught and reported as scan errors (see scan.rs).
    std::panic::set_hook(Box::new(|info| {
        let at = info
            .location()
            .map(|l| format!(" at {}:{}", l.file(), l.line()))
            .unwrap_or_default();
        eprintln!("presign-lint: internal error{at}");
    }));
    let status = presign_lint::run(std::env::args_os());
    ExitCode::from(status as u8)
}
