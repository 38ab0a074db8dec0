use std::process::ExitCode;

fn main() -> ExitCode {
    let status = presign_lint::run(std::env::args_os());
    ExitCode::from(status as u8)
}
